//! The dataset of an imported article: its metadata (guessed from the file
//! name where the text gives none), its speakers and categories with ids,
//! and its quotes with character spans.

use std::collections::{HashMap, HashSet};

use super::categories::{self, Section};
use super::extract::{Raw, extract};
use super::fullnames;
use super::layout::{self, Layout, Meta};
use super::slug;
use super::speakers::{self, Registry, Target};
use crate::model::{
    Article, Category, Dataset, Quote, SCHEMA_VERSION, Speaker, SpeakerKind, claim_id,
};

/// Builds the dataset: metadata, speakers with ids, categories, quotes.
pub(super) fn build(
    layout: Layout,
    file_name: &str,
    progress: &mut dyn FnMut(usize, usize),
) -> Dataset {
    let mut reg = Registry::default();
    let raws = extract(&layout, &mut reg, progress);
    fullnames::complete(&layout.body, &mut reg);
    let sections = categories::sections(&layout.body, &layout.paragraphs);
    let article = article(&layout, file_name);
    let (speakers, speaker_ids) = speakers_of(&raws, &reg, &article.author, &layout.meta);
    let (categories, category_ids) = categories_of(&raws, &sections);
    let quotes = quotes_of(&layout.body, raws, &sections, &speaker_ids, &category_ids);
    Dataset {
        schema_version: SCHEMA_VERSION,
        article,
        categories,
        speakers,
        quotes,
    }
}

/// The article's metadata, with what the text does not give guessed from
/// the file name (and listed in `guessed`) or left unknown.
fn article(layout: &Layout, file_name: &str) -> Article {
    let meta = &layout.meta;
    let mut guessed = Vec::new();
    let stem = file_stem(file_name);
    let title = meta.title.clone().unwrap_or_else(|| {
        guessed.push("title".to_string());
        title_from_stem(&stem)
    });
    let author = meta.author.clone().unwrap_or_else(|| {
        guessed.push("author".to_string());
        "Unknown author".to_string()
    });
    let outlet = meta.outlet.clone().unwrap_or_else(|| {
        guessed.push("outlet".to_string());
        "Unknown outlet".to_string()
    });
    // A date the text does not give stays unknown (""): never today's.
    let date = meta.date.clone().unwrap_or_else(|| {
        let from_name =
            layout::find_date(&stem.replace(['-', '_'], " ")).or_else(|| date_in_stem(&stem));
        if from_name.is_some() {
            guessed.push("date".to_string());
        }
        from_name.unwrap_or_default()
    });
    Article {
        id: article_id(meta, &author, &date, &stem),
        title,
        author,
        author_role: meta.author_role.clone(),
        outlet,
        date,
        series: meta.series.clone(),
        part: meta.part,
        url: meta.url.clone(),
        body_file: None,
        body: Some(layout.body.clone()),
        guessed,
    }
}

/// The article's id: the author's surname and the date when the text names
/// its author, else the file name's first words.
fn article_id(meta: &Meta, author: &str, date: &str, stem: &str) -> String {
    let id = if meta.author.is_some() {
        let surname = author.split_whitespace().last().unwrap_or("article");
        let when = if date.is_empty() { "undated" } else { date };
        format!("{}-{when}", slug(surname, 3))
    } else {
        slug(stem, 8)
    };
    if id.is_empty() {
        "article".to_string()
    } else {
        id
    }
}

/// Speakers in order of their first quote, with ids from their names.
fn speakers_of(
    raws: &[Raw],
    reg: &Registry,
    author: &str,
    meta: &Meta,
) -> (Vec<Speaker>, HashMap<Target, String>) {
    let mut order: Vec<Target> = Vec::new();
    for r in raws {
        if !order.contains(&r.speaker) {
            order.push(r.speaker);
        }
    }
    let mut used: HashSet<String> = HashSet::new();
    let mut speaker_ids: HashMap<Target, String> = HashMap::new();
    let mut speakers = Vec::new();
    for t in order {
        let rec = match t {
            Target::Speaker(i) => reg.recs[i].clone(),
            Target::Author => author_rec(author, meta),
        };
        let sid = speaker_id(&rec, &mut used);
        speaker_ids.insert(t, sid.clone());
        speakers.push(Speaker {
            id: sid,
            name: rec.name.clone(),
            aliases: rec.aliases.clone(),
            role: rec.role.clone(),
            affiliation: rec.affiliation.clone(),
            affiliation_aliases: Vec::new(),
            country: None,
            kind: rec.kind,
            note: None,
        });
    }
    (speakers, speaker_ids)
}

/// The article's author as a speaker of their own past statements.
fn author_rec(author: &str, meta: &Meta) -> speakers::Rec {
    speakers::Rec {
        name: author.to_string(),
        aliases: Vec::new(),
        role: meta.author_role.clone(),
        affiliation: None,
        kind: SpeakerKind::Journalist,
        person: true,
        plural: false,
        media: false,
        institution: false,
        gender: None,
    }
}

/// A speaker's id, not yet in `used`: a surname for "John Kirby"; the whole
/// name where the surname is unclear ("Kim Yung-ho", "Park Kwang On") or
/// already taken.
fn speaker_id(rec: &speakers::Rec, used: &mut HashSet<String>) -> String {
    let words: Vec<&str> = rec.name.split_whitespace().collect();
    let base = if rec.person && words.len() <= 2 && !rec.name.contains('-') {
        slug(words.last().copied().unwrap_or(&rec.name), 3)
    } else {
        slug(&rec.name, 5)
    };
    let mut sid = if base.is_empty() {
        "speaker".to_string()
    } else {
        base
    };
    if used.contains(&sid) && rec.person {
        sid = slug(&rec.name, 5);
    }
    claim_id(used, sid)
}

/// The index of the section holding byte offset `start`.
fn section_of(sections: &[Section], start: usize) -> usize {
    sections.iter().rposition(|s| s.start <= start).unwrap_or(0)
}

/// Categories, keeping only the sections that hold quotes, with ids by
/// section index.
fn categories_of(raws: &[Raw], sections: &[Section]) -> (Vec<Category>, HashMap<usize, String>) {
    let mut cat_used: Vec<usize> = raws
        .iter()
        .map(|r| section_of(sections, r.range.start))
        .collect();
    cat_used.sort_unstable();
    cat_used.dedup();
    let mut cat_ids: HashMap<usize, String> = HashMap::new();
    let mut categories_out = Vec::new();
    let mut used_cat: HashSet<String> = HashSet::new();
    for (order, &s) in cat_used.iter().enumerate() {
        let sec = &sections[s];
        let base = slug(&sec.title, 4);
        let cid = if base.is_empty() {
            format!("category-{}", order + 1)
        } else {
            base
        };
        let cid = claim_id(&mut used_cat, cid);
        cat_ids.insert(s, cid.clone());
        categories_out.push(Category {
            id: cid,
            title: sec.title.clone(),
            summary: sec.summary.clone(),
            order: order as i64 + 1,
        });
    }
    (categories_out, cat_ids)
}

/// Quotes in text order (one per span), with character spans and ids per
/// speaker.
fn quotes_of(
    body: &str,
    mut raws: Vec<Raw>,
    sections: &[Section],
    speaker_ids: &HashMap<Target, String>,
    category_ids: &HashMap<usize, String>,
) -> Vec<Quote> {
    raws.sort_by_key(|r| (r.range.start, r.range.end));
    raws.dedup_by(|a, b| a.range == b.range);
    let offsets = char_offsets(body, raws.iter().flat_map(|r| [r.range.start, r.range.end]));
    let mut counters: HashMap<String, usize> = HashMap::new();
    let mut quotes_out = Vec::new();
    for r in &raws {
        let text = &body[r.range.clone()];
        if text.trim().is_empty() {
            continue;
        }
        let sid = speaker_ids[&r.speaker].clone();
        let n = counters.entry(sid.clone()).or_insert(0);
        *n += 1;
        quotes_out.push(Quote {
            id: format!("{sid}-{n}"),
            speaker: sid,
            category: category_ids[&section_of(sections, r.range.start)].clone(),
            kind: r.kind,
            text: text.to_string(),
            span: [offsets[&r.range.start], offsets[&r.range.end]],
            date: None,
            note: None,
            cue: Some(r.cue.clone()),
            confidence: Some((r.confidence * 100.0).round() / 100.0),
            url: None,
        });
    }
    quotes_out
}

/// Character offsets of the given byte offsets, in one pass over the text.
fn char_offsets(body: &str, bytes: impl Iterator<Item = usize>) -> HashMap<usize, usize> {
    let mut wanted: Vec<usize> = bytes.collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut out = HashMap::with_capacity(wanted.len());
    let mut w = 0;
    for (ci, (bi, _)) in body
        .char_indices()
        .chain(std::iter::once((body.len(), ' ')))
        .enumerate()
    {
        while w < wanted.len() && wanted[w] <= bi {
            out.insert(wanted[w], ci);
            w += 1;
        }
        if w == wanted.len() {
            break;
        }
    }
    out
}

fn file_stem(file_name: &str) -> String {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    match name.rfind('.') {
        Some(dot) if dot > 0 => name[..dot].to_string(),
        _ => name.to_string(),
    }
}

/// "kim-visit-part-5" → "Kim visit part 5".
fn title_from_stem(stem: &str) -> String {
    let words: Vec<&str> = stem
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .collect();
    let t = words.join(" ");
    let mut c = t.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => "Untitled article".to_string(),
    }
}

/// `2023-10-11` or `20231011` inside a file name.
fn date_in_stem(stem: &str) -> Option<String> {
    let digits: Vec<(usize, char)> = stem.char_indices().collect();
    for i in 0..digits.len() {
        let rest = &stem[digits[i].0..];
        if rest.len() >= 8 && rest.as_bytes()[..8].iter().all(u8::is_ascii_digit) {
            let d = format!("{}-{}-{}", &rest[..4], &rest[4..6], &rest[6..8]);
            if crate::text::parse_date(&d).is_some() {
                return Some(d);
            }
        }
        if rest.len() >= 10 {
            let d = &rest[..10];
            if crate::text::parse_date(d).is_some() {
                return Some(d.to_string());
            }
        }
    }
    None
}

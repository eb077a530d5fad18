//! Importing a raw article: from plain text or HTML to a dataset in our
//! schema, with no network and no model, by rules of general English news
//! style.
//!
//! - [`layout`]: body text, paragraphs, header, byline and metadata;
//! - [`quotes`]: quotation marks, sentences, tokens;
//! - [`cues`]: attribution cues and the noun phrases of their speakers;
//! - [`speakers`]: resolving names, surnames, pronouns and titles to speakers;
//! - [`categories`]: the article's own grouping, headings, or one category;
//! - [`lexicon`]: the word lists.
//!
//! What becomes a quote, in short: the words inside quotation marks are a
//! `direct` quote when they make up most of their sentence (or stand after a
//! colon, or belong to another speaker than the sentence's subject); a
//! sentence that reports speech or opinion (a cue with content after it, or
//! only a few quoted words) is a `paraphrase`, the whole sentence. A sentence
//! with no cue that follows a speaker's statement in the same paragraph goes
//! on with that speaker, and a paragraph that opens with a quotation goes on
//! with the last speaker of the paragraph before. Every quote keeps its cue
//! and a confidence. The author's own commentary ("in this author's view",
//! "I think") is not extracted; the author's reported past statements ("as I
//! wrote", "I told") are, with the author as speaker.

pub mod categories;
pub mod cues;
mod extract;
pub mod interview;
pub mod layout;
pub mod lexicon;
pub mod quotes;
pub mod speakers;

use std::collections::{HashMap, HashSet};

use extract::extract;
use layout::Layout;
use speakers::{Registry, Target};

use crate::model::{Article, Category, Dataset, Quote, SCHEMA_VERSION, Speaker, SpeakerKind};

/// Why an article could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ImportError(pub String);

/// Imports an article's text. `file_name` (the file's name, without folders)
/// is used for metadata the article does not give, which is then listed in
/// `article.guessed`. The dataset carries its body inline.
pub fn import(text: &str, file_name: &str) -> Result<Dataset, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError("the article is empty".into()));
    }
    let html = layout::looks_like_html(text)
        || file_name.to_ascii_lowercase().ends_with(".html")
        || file_name.to_ascii_lowercase().ends_with(".htm");
    let mut layout = if html {
        layout::from_html(text)
    } else {
        layout::from_text(text)
    };
    interview::mark_turns(&mut layout.paragraphs, &layout.body);
    if layout.body.trim().is_empty() {
        return Err(ImportError("no article text found in the HTML".into()));
    }
    Ok(build(layout, file_name))
}

/// Builds the dataset: metadata, speakers with ids, categories, quotes.
fn build(layout: Layout, file_name: &str) -> Dataset {
    let mut reg = Registry::default();
    let raws = extract(&layout, &mut reg);
    let sections = categories::sections(&layout.body, &layout.paragraphs);
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
    let id = if meta.author.is_some() {
        let surname = author.split_whitespace().last().unwrap_or("article");
        let when = if date.is_empty() { "undated" } else { &date };
        format!("{}-{when}", slug(surname, 3))
    } else {
        slug(&stem, 8)
    };
    let id = if id.is_empty() {
        "article".to_string()
    } else {
        id
    };

    // Speakers in order of their first quote, with ids from their names.
    let mut order: Vec<Target> = Vec::new();
    for r in &raws {
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
            Target::Author => speakers::Rec {
                name: author.clone(),
                aliases: Vec::new(),
                role: meta.author_role.clone(),
                affiliation: None,
                kind: SpeakerKind::Journalist,
                person: true,
                plural: false,
                media: false,
                institution: false,
                gender: None,
            },
        };
        // A surname for "John Kirby"; the whole name where the surname is
        // unclear ("Kim Yung-ho", "Park Kwang On").
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
        let sid = crate::model::claim_id(&mut used, sid);
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

    // Categories, keeping only those that hold quotes.
    let section_of =
        |start: usize| -> usize { sections.iter().rposition(|s| s.start <= start).unwrap_or(0) };
    let mut cat_used: Vec<usize> = raws.iter().map(|r| section_of(r.range.start)).collect();
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
        let cid = crate::model::claim_id(&mut used_cat, cid);
        cat_ids.insert(s, cid.clone());
        categories_out.push(Category {
            id: cid,
            title: sec.title.clone(),
            summary: sec.summary.clone(),
            order: order as i64 + 1,
        });
    }

    // Quotes: character spans, ids per speaker.
    let mut raws = raws;
    raws.sort_by_key(|r| (r.range.start, r.range.end));
    raws.dedup_by(|a, b| a.range == b.range);
    let offsets = char_offsets(
        &layout.body,
        raws.iter().flat_map(|r| [r.range.start, r.range.end]),
    );
    let mut counters: HashMap<String, usize> = HashMap::new();
    let mut quotes_out = Vec::new();
    for r in &raws {
        let text = &layout.body[r.range.clone()];
        if text.trim().is_empty() {
            continue;
        }
        let sid = speaker_ids[&r.speaker].clone();
        let n = counters.entry(sid.clone()).or_insert(0);
        *n += 1;
        quotes_out.push(Quote {
            id: format!("{sid}-{n}"),
            speaker: sid,
            category: cat_ids[&section_of(r.range.start)].clone(),
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

    Dataset {
        schema_version: SCHEMA_VERSION,
        article: Article {
            id,
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
        },
        categories: categories_out,
        speakers,
        quotes: quotes_out,
    }
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

/// Lower-case ASCII id from the first `max_words` words of `s`.
pub fn slug(s: &str, max_words: usize) -> String {
    let folded = crate::text::fold(s).to_lowercase();
    let words: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "the" | "a" | "an" | "s"))
        .take(max_words)
        .map(str::to_string)
        .collect();
    words.join("-")
}

#[cfg(test)]
mod tests;

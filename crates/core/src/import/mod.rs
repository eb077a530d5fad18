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
pub mod interview;
pub mod layout;
pub mod lexicon;
pub mod quotes;
pub mod speakers;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use cues::{Cue, CueKind, Who, Words};
use layout::Layout;
use quotes::{Fragment, Tok};
use speakers::{Registry, Target};

use crate::model::{
    Article, Category, Dataset, Quote, QuoteKind, SCHEMA_VERSION, Speaker, SpeakerKind,
};

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

/// A quote before ids and character offsets.
#[derive(Debug, Clone)]
struct Raw {
    range: Range<usize>,
    speaker: Target,
    kind: QuoteKind,
    cue: String,
    confidence: f32,
}

/// Adds a paraphrase of `speaker` over `range` (in unit `unit`) to `out`,
/// and returns it as the current speaker's last quote.
fn push_paraphrase(
    out: &mut Vec<Raw>,
    range: std::ops::Range<usize>,
    speaker: Target,
    cue: &str,
    confidence: f32,
    unit: usize,
    extendable: bool,
) -> Current {
    out.push(Raw {
        range,
        speaker,
        kind: QuoteKind::Paraphrase,
        cue: cue.to_string(),
        confidence,
    });
    Current {
        speaker,
        cue: cue.to_string(),
        unit,
        quote: out.len() - 1,
        extendable,
    }
}

/// The speaker that sentences without a cue go on with.
#[derive(Debug, Clone)]
struct Current {
    speaker: Target,
    cue: String,
    /// Index of the unit of its last quote.
    unit: usize,
    /// Index into the output of its last quote.
    quote: usize,
    /// Its last quote is a paraphrase without quotation marks, which the
    /// next sentence may extend.
    extendable: bool,
}

fn confidence(c: &Cue) -> f32 {
    let base = match c.kind {
        CueKind::Verb => 0.9,
        CueKind::According | CueKind::To => 0.85,
        CueKind::View | CueKind::Nominal | CueKind::Passive => 0.8,
        CueKind::Seems => 0.7,
        CueKind::Back => 0.65,
    };
    let who = match c.who {
        Who::Person { .. } | Who::Org { .. } => 1.0,
        Who::Group { .. } | Who::Unnamed { .. } => 0.9,
        Who::Pronoun(_) | Who::Anaphor { .. } => 0.8,
    };
    base * who
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Trims a span's end of blanks, commas, colons and dangling words ("that",
/// "and") so a reporting clause ends on its last real word.
fn trim_clause_end(body: &str, r: Range<usize>) -> Range<usize> {
    let mut end = r.end;
    loop {
        let s = body[r.start..end].trim_end();
        let s = s.trim_end_matches([',', ':', ';', '–', '—', '-', ' ', '“', '"', '(']);
        let mut cut = s.len();
        for w in [" that", " and", " as", " but", " saying", " while", " with"] {
            if s.ends_with(w) {
                cut = s.len() - w.len();
                break;
            }
        }
        let new_end = r.start + cut;
        if new_end == end {
            break;
        }
        end = new_end;
    }
    r.start..end
}

/// A direct quote's span: the quoted words without a trailing comma.
fn direct_span(body: &str, f: &Fragment) -> Range<usize> {
    let s = &body[f.start..f.end];
    let t = s.trim_end_matches([',', ';', ':', ' ']);
    f.start..f.start + t.len()
}

/// Runs the rules over the article and returns its quotes in text order.
fn extract(layout: &Layout, reg: &mut Registry) -> Vec<Raw> {
    let body = layout.body.as_str();
    let frags = quotes::fragments(body, &layout.paragraphs);
    let units = quotes::units(body, &layout.paragraphs, &frags);
    let mut out: Vec<Raw> = Vec::new();
    let mut cur: Option<Current> = None;
    let mut carry: Option<Current> = None;
    let mut orphan: Option<Range<usize>> = None;
    let mut introduced: Option<(Target, usize)> = None;
    let mut para = usize::MAX;

    let turns = interview::turns(body, &layout.paragraphs);
    let lede = units.first().map(|u| u.para);
    let mut interviewee: Option<Target> = None;

    for (ui, u) in units.iter().enumerate() {
        if u.para != para {
            carry = cur.take();
            orphan = None;
            para = u.para;
        }
        // An interview's questions say nothing quotable; its answers are
        // the interviewee's, the person named last before the first
        // question.
        match &turns[u.para] {
            Some(interview::Turn::Question) => {
                if interviewee.is_none() {
                    interviewee = reg.last_person(u.para).map(Target::Speaker);
                }
                cur = None;
                carry = None;
                continue;
            }
            Some(interview::Turn::Answer(r)) => {
                if let (true, Some(t)) = (u.first_in_para, interviewee) {
                    out.push(Raw {
                        range: r.clone(),
                        speaker: t,
                        kind: QuoteKind::Direct,
                        cue: "(answer)".to_string(),
                        confidence: 0.8,
                    });
                }
                continue;
            }
            None => {}
        }
        let toks = quotes::tokens(body, u.range.clone(), &frags, u.fragments.clone());
        let words = Words::new(body, &toks);
        // People and institutions named in passing; one named at the start
        // of a sentence may be the speaker of a quote that follows it ("X,
        // chief economist at Y, was more cautious. “…”").
        let lead = toks.iter().find(|t| t.is_word()).map(|t| t.start);
        for (who, np) in cues::introductions(&words) {
            let t = reg.resolve(&who, u.para, false);
            if let (Some(t), Who::Person { .. }) = (t, &who)
                && Some(np.start) == lead
            {
                introduced = Some((t, ui));
            }
        }
        let text = &body[u.range.clone()];
        if u.first_in_para && categories::is_marker(text) {
            cur = None;
            carry = None;
            continue;
        }
        let found: Vec<(Cue, Target, f32)> = cues::find(&words)
            .into_iter()
            .filter(|c| !(Some(u.para) == lede && is_delayed_identification(&c.who)))
            .filter_map(|c| {
                let t = reg.resolve(&c.who, u.para, true)?;
                let conf = confidence(&c);
                Some((c, t, conf))
            })
            .collect();
        let question = text.trim_end_matches(['”', '"', ')', '’']).ends_with('?');

        // "X made this assessment": the unattributed quote before is X's.
        if let Some((c, t, conf)) = found.iter().find(|(c, _, _)| c.kind == CueKind::Back) {
            if let Some(r) = orphan.take() {
                cur = Some(push_paraphrase(
                    &mut out,
                    r.start..u.range.end,
                    *t,
                    &c.word,
                    *conf,
                    ui,
                    false,
                ));
                continue;
            }
            if let Some(c0) = &cur
                && c0.speaker == *t
                && c0.unit + 1 == ui
            {
                out[c0.quote].range.end = u.range.end;
                continue;
            }
        }
        // The first cue that names someone other than the author, if any.
        let main = found
            .iter()
            .find(|(c, t, _)| c.kind != CueKind::Back && *t != Target::Author)
            .or_else(|| found.iter().find(|(c, _, _)| c.kind != CueKind::Back));

        if u.fragments.is_empty() {
            if let Some((c, t, conf)) = main {
                if *t == Target::Author && !c.past_speech {
                    cur = None;
                    continue;
                }
                let content = if c.content_before {
                    true
                } else {
                    words.count_words(c.content_tok, toks.len()) >= 2
                };
                if content && !question {
                    let continues = matches!(c.who, Who::Pronoun(_))
                        && c.kind == CueKind::View
                        && cur
                            .as_ref()
                            .is_some_and(|k| k.speaker == *t && k.extendable && k.unit + 1 == ui);
                    if continues && let Some(k) = cur.as_mut() {
                        out[k.quote].range.end = u.range.end;
                        k.unit = ui;
                        continue;
                    }
                    cur = Some(push_paraphrase(
                        &mut out,
                        u.range.clone(),
                        *t,
                        &c.word,
                        *conf,
                        ui,
                        true,
                    ));
                    continue;
                }
            }
            if question || speaks_as_author(&words) || main.is_some_and(|m| m.1 == Target::Author) {
                cur = None;
                continue;
            }
            // No cue: the sentence goes on with the current speaker.
            if let Some(k) = cur.as_mut() {
                if k.extendable && k.unit + 1 == ui {
                    out[k.quote].range.end = u.range.end;
                } else {
                    out.push(Raw {
                        range: u.range.clone(),
                        speaker: k.speaker,
                        kind: QuoteKind::Paraphrase,
                        cue: k.cue.clone(),
                        confidence: 0.55,
                    });
                    k.quote = out.len() - 1;
                    k.extendable = true;
                }
                k.unit = ui;
            }
            continue;
        }

        // The unit has quoted fragments.
        let frag_toks: Vec<(usize, usize)> = toks
            .iter()
            .enumerate()
            .filter_map(|(i, t)| match t.kind {
                quotes::TokKind::Quote(f) => Some((f, i)),
                _ => None,
            })
            .collect();
        let continuing = cur.clone().or_else(|| {
            carry
                .clone()
                .filter(|_| u.first_in_para && opens_with_quote(&toks))
        });
        let speaker_of = |ti: usize| -> Option<(Target, String, f32)> {
            let post = cue_right_after(&found, &toks, ti);
            let before = found
                .iter()
                .filter(|(c, _, _)| c.tok < ti && c.kind != CueKind::Back && !c.post)
                .max_by_key(|(c, _, _)| c.tok);
            let after = found
                .iter()
                .find(|(c, _, _)| c.tok > ti && c.kind != CueKind::Back);
            post.or(before)
                .or(after)
                .map(|(c, t, conf)| (*t, c.word.clone(), *conf))
                .or_else(|| {
                    continuing.as_ref().map(|k| {
                        (
                            k.speaker,
                            k.cue.clone(),
                            if cur.is_some() { 0.6 } else { 0.5 },
                        )
                    })
                })
                .or_else(|| {
                    // "X attacked his critics in a string of posts: “…”":
                    // the person the sentence opens with, before a colon.
                    let colon = ti > 0 && toks[ti - 1].is_punct(':');
                    introduced
                        .filter(|&(_, i)| i + 1 == ui && !u.first_in_para || i == ui && colon)
                        .map(|(t, _)| (t, "(introduced)".to_string(), 0.5))
                })
        };
        let (main_f, main_t) = *frag_toks
            .iter()
            .max_by_key(|(f, _)| frags[*f].end - frags[*f].start)
            .expect("a unit with fragments has quote tokens");
        let Some((m_spk, m_cue, m_conf)) = speaker_of(main_t) else {
            orphan = Some(u.range.clone());
            cur = None;
            continue;
        };
        if m_spk == Target::Author && !main.is_some_and(|m| m.0.past_speech) {
            cur = None;
            continue;
        }
        let mf = &frags[main_f];
        let m_len = chars(&body[mf.start..mf.end]);
        let u_len = chars(text);
        let m_words = body[mf.start..mf.end].split_whitespace().count();
        let unclosed = if mf.closed { 1.0 } else { 0.8 };
        let pre_cue = found
            .iter()
            .find(|(c, _, _)| c.tok < main_t && c.kind != CueKind::Back && !c.post);
        let pre_content = match pre_cue {
            Some((c, _, _)) if !c.content_before => words.count_words(c.content_tok, main_t),
            Some(_) => 0,
            None => words.count_words(0, main_t),
        };
        let prev_tok = |i: usize| i.checked_sub(1).map(|j| &toks[j]);
        let separable = prev_tok(main_t).is_some_and(|t| t.is_punct(':'))
            || main_t >= 3
                && toks[main_t - 1].is_punct(',')
                && words.text(main_t - 2).eq_ignore_ascii_case("and")
                && toks[main_t - 3].is_punct(',')
            || body[mf.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        let pre_spk = pre_cue.map(|(_, t, _)| *t);
        let differs = pre_spk.is_some_and(|p| p != m_spk);
        let tail_probe = found
            .iter()
            .find(|(c, _, _)| c.tok > main_t && c.post)
            .map_or(main_t + 1, |(c, _, _)| c.content_tok);
        // Nothing but the cue, its speaker and their titles around the quote
        // (and maybe a description of the scene: "he says, pouring tea").
        let bare = pre_content == 0 && !cues::reports_more(&words, tail_probe);
        // "“No way!” said Amir Hussain, 51, shaking his head …": a
        // quotation that opens the sentence with its cue right after it is
        // direct however short it is and however long the cue.
        let leads = opens_with_quote(&toks[..=main_t])
            && pre_content == 0
            && cue_right_after(&found, &toks, main_t).is_some();
        let direct = m_len * 2 >= u_len
            || leads
            || bare && m_words >= 4
            || separable && m_words >= 8 && pre_content >= 5
            || differs && m_words >= 6;
        if !direct {
            let (spk, cue, conf) = match main {
                Some((c, t, conf)) if *t != Target::Author => (*t, c.word.clone(), *conf),
                _ => (m_spk, m_cue.clone(), m_conf),
            };
            cur = Some(push_paraphrase(
                &mut out,
                u.range.clone(),
                spk,
                &cue,
                conf * unclosed,
                ui,
                false,
            ));
            continue;
        }
        // Quoted fragments of four words or more on one side of the main
        // one, each a direct quote of its own cue's speaker (else the main
        // speaker).
        let direct_fragments = |side: &dyn Fn(usize) -> bool| -> Vec<Raw> {
            frag_toks
                .iter()
                .filter(|&&(f, ti)| {
                    side(ti)
                        && body[frags[f].start..frags[f].end]
                            .split_whitespace()
                            .count()
                            >= 4
                })
                .map(|&(f, ti)| {
                    let (spk, cue, conf) = speaker_of(ti).unwrap_or((m_spk, m_cue.clone(), m_conf));
                    Raw {
                        range: direct_span(body, &frags[f]),
                        speaker: spk,
                        kind: QuoteKind::Direct,
                        cue,
                        confidence: conf,
                    }
                })
                .collect()
        };
        let mut emitted: Vec<Raw> = Vec::new();
        // The reporting clause before the quote, when it says something.
        if pre_content >= 5 {
            let (spk, cue, conf) = match pre_cue {
                Some((c, t, conf)) => (*t, c.word.clone(), *conf),
                None => (m_spk, m_cue.clone(), m_conf),
            };
            let r = trim_clause_end(body, u.range.start..mf.open);
            if r.end > r.start && spk != Target::Author {
                emitted.push(Raw {
                    range: r,
                    speaker: spk,
                    kind: QuoteKind::Paraphrase,
                    cue,
                    confidence: conf,
                });
            }
        } else {
            emitted.extend(direct_fragments(&|ti| ti < main_t));
        }
        emitted.push(Raw {
            range: direct_span(body, mf),
            speaker: m_spk,
            kind: QuoteKind::Direct,
            cue: m_cue.clone(),
            confidence: m_conf * unclosed,
        });
        // What follows the quote: "…,” X said, adding that …".
        let tail_cue = found.iter().find(|(c, _, _)| c.tok > main_t && c.post);
        let tail_from = tail_cue.map_or(main_t + 1, |(c, _, _)| c.content_tok);
        let tail_content = words.count_words(tail_from, toks.len());
        if tail_content >= 5 && (tail_cue.is_none() || cues::reports_more(&words, tail_from)) {
            let start = tail_cue
                .map(|(c, _, _)| c.np.start.min(toks[c.tok].start))
                .or_else(|| {
                    toks[main_t + 1..]
                        .iter()
                        .find(|t| t.is_word())
                        .map(|t| t.start)
                });
            if let Some(start) = start {
                let (spk, cue, conf) = tail_cue
                    .map(|(c, t, conf)| (*t, c.word.clone(), *conf))
                    .unwrap_or((m_spk, m_cue.clone(), m_conf));
                emitted.push(Raw {
                    range: start..u.range.end,
                    speaker: spk,
                    kind: QuoteKind::Paraphrase,
                    cue,
                    confidence: conf,
                });
            }
        } else {
            emitted.extend(direct_fragments(&|ti| ti > main_t));
        }
        let last = emitted.last().map(|r| (r.speaker, r.cue.clone()));
        out.extend(
            emitted
                .into_iter()
                .filter(|r| r.speaker != Target::Author || main.is_some_and(|m| m.0.past_speech)),
        );
        if let Some((speaker, cue)) = last {
            cur = Some(Current {
                speaker,
                cue,
                unit: ui,
                quote: out.len().saturating_sub(1),
                extendable: false,
            });
        }
    }
    out
}

/// The speech-verb cue right after the quotation at token `ti`: "“…,” X
/// said".
fn cue_right_after<'f>(
    found: &'f [(Cue, Target, f32)],
    toks: &[Tok],
    ti: usize,
) -> Option<&'f (Cue, Target, f32)> {
    found.iter().find(|(c, _, _)| {
        c.post
            && c.kind == CueKind::Verb
            && c.tok > ti
            && toks[..c.tok].iter().rposition(Tok::is_quote) == Some(ti)
    })
}

/// "A landlord accused of endangering his tenants told a jury …" in the
/// lede: the story's subject, named in the next paragraph, not an unnamed
/// source of their own.
fn is_delayed_identification(who: &Who) -> bool {
    matches!(who, Who::Unnamed { name } if name.starts_with("a ") || name.starts_with("an "))
}

/// The unit opens with a quotation (after at most a short connective).
fn opens_with_quote(toks: &[Tok]) -> bool {
    toks.iter().take(4).position(Tok::is_quote).is_some()
}

/// "I", "we", "our" outside quotation marks: the author speaking.
fn speaks_as_author(words: &Words<'_>) -> bool {
    (0..words.toks.len()).any(|i| {
        words.toks[i].is_word()
            && matches!(
                words.text(i),
                "I" | "we"
                    | "We"
                    | "our"
                    | "Our"
                    | "us"
                    | "my"
                    | "My"
                    | "me"
                    | "let's"
                    | "Let's"
                    | "let’s"
                    | "Let’s"
            )
    })
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

//! Attribution cues and the noun phrases they point at.
//!
//! A cue is what tells who said something: a speech verb with its subject
//! ("Smith said", "“…,” said Smith", "X, a professor at Y, believes"),
//! "according to X", "To X, …", "in X's view", "the opinion of X that …", a
//! passive ("a statement was made by X"), "… seems doubtful to X", or a
//! sentence that points back at an unattributed quote ("X made this
//! assessment"). Each cue carries the noun phrase of its speaker, analysed
//! into a [`Who`]: a named person (with title, role and affiliation from the
//! words around the name), an institution, a group, a pronoun or a phrase
//! like "the professor" that refers back. Resolving these to speakers is
//! [`super::speakers`]' job.
//!
//! - [`find`] (here): every cue of a unit, by the word that starts it;
//! - `verbs`: speech verbs with their subjects;
//! - `forms`: according-to, to-X, as-X-put-it, back references, passives,
//!   seems-to-X and noun cues;
//! - `clauses`: clause starts, segments, subjects and the phrase after a cue;
//! - `appositives`: descriptions around a name, read into role and
//!   affiliation;
//! - `np`: what a noun phrase names; `names`: runs of capitalised words;
//! - `intro`: people and institutions named in passing.

use std::ops::Range;

use super::lexicon::{self, Anaphor, Org, Pronoun, is_clause_word, is_connector};
use super::quotes::Tok;

mod appositives;
mod clauses;
mod forms;
mod intro;
mod names;
mod np;
mod verbs;

pub use appositives::split_role;
pub use intro::{introductions, nickname_in};
pub use np::analyze;
pub use verbs::reports_more;

use forms::{
    according, as_put_it, back, is_backref, is_sentence_start, noun_cue, passive, seems, to_x,
};
use verbs::{leading_np, verb};

/// Who a noun phrase names.
#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    Person {
        name: String,
        role: Option<String>,
        affiliation: Option<String>,
        /// The name came after a title ("Professor Pardo").
        titled: bool,
    },
    Org {
        name: String,
        org: Org,
        role: Option<String>,
    },
    Group {
        name: String,
        media: bool,
    },
    /// One unnamed person ("one shopkeeper in Castlecoote", "a nurse",
    /// "another"), named by the phrase.
    Unnamed {
        name: String,
    },
    /// A full name in passing ("a screen set by Oskar Lindqvist"): a person
    /// only when their family name is one already known, a relative.
    Kin {
        name: String,
    },
    Pronoun(Pronoun),
    Anaphor {
        noun: String,
        kind: Anaphor,
        /// The phrase without its article ("city's transport department"),
        /// a name for an institution nobody was named as before; for a
        /// relative ("her husband"), the possessive.
        phrase: String,
    },
}

/// How a cue attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A speech verb with its subject.
    Verb,
    /// "according to X".
    According,
    /// "To X, …" / "For X, …" opening a sentence.
    To,
    /// "in X's view", "from his point of view".
    View,
    /// "the opinion of X that …".
    Nominal,
    /// "… was made by X".
    Passive,
    /// "… seems doubtful to X".
    Seems,
    /// "X made this assessment": attributes the quote before it.
    Back,
}

/// A cue found in a unit.
#[derive(Debug, Clone)]
pub struct Cue {
    pub kind: CueKind,
    /// The attributing words, as written ("said", "points out", "according to").
    pub word: String,
    /// Token index of the cue's first word.
    pub tok: usize,
    pub who: Who,
    /// Byte range of the speaker's noun phrase.
    pub np: Range<usize>,
    /// Token index where the reported content starts.
    pub content_tok: usize,
    /// The cue's subject comes before the cue and is itself the content
    /// ("This position is voiced by X"; "… seems doubtful to X").
    pub content_before: bool,
    /// The cue follows a quotation directly ("“…,” X said").
    pub post: bool,
    /// A past speech verb ("wrote", "told"), for the author's own statements.
    pub past_speech: bool,
}

impl Cue {
    /// A cue whose subject is not its content, not right after a
    /// quotation, and not a past speech verb (the usual case).
    pub(crate) fn new(
        kind: CueKind,
        word: String,
        tok: usize,
        who: Who,
        np: Range<usize>,
        content_tok: usize,
    ) -> Cue {
        Cue {
            kind,
            word,
            tok,
            who,
            np,
            content_tok,
            content_before: false,
            post: false,
            past_speech: false,
        }
    }
}

/// A unit's tokens with their lower-case words, ready for matching.
pub struct Words<'a> {
    pub body: &'a str,
    pub toks: &'a [Tok],
    pub lower: Vec<String>,
}

impl<'a> Words<'a> {
    pub fn new(body: &'a str, toks: &'a [Tok]) -> Self {
        let lower = toks
            .iter()
            .map(|t| {
                if t.is_word() {
                    body[t.start..t.end]
                        .chars()
                        .flat_map(char::to_lowercase)
                        .map(|c| if c == '’' { '\'' } else { c })
                        .collect()
                } else {
                    String::new()
                }
            })
            .collect();
        Words { body, toks, lower }
    }

    /// The token's text; empty past the end, so that look-aheads are safe.
    pub fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.body[t.start..t.end])
    }

    pub(crate) fn w(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Tok::is_word)
    }

    fn is_cap(&self, i: usize) -> bool {
        self.is_word(i)
            && self
                .text(i)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    }

    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Bytes from the start of token `a` to the end of token `b - 1`.
    fn span(&self, a: usize, b: usize) -> Range<usize> {
        if a >= b {
            return self.toks.get(a).map_or(0..0, |t| t.start..t.start);
        }
        self.toks[a].start..self.toks[b - 1].end
    }

    fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.body[self.span(a, b)]
    }

    /// Number of words in tokens `a..b`.
    pub fn count_words(&self, a: usize, b: usize) -> usize {
        (a..b.min(self.toks.len()))
            .filter(|&i| self.is_word(i))
            .count()
    }
}

/// "US", "UK": capitals, not the pronoun "us".
pub fn is_acronym(text: &str) -> bool {
    text.chars().count() > 1 && text.chars().all(|c| c.is_uppercase() || c == '.')
}

fn is_possessive(text: &str) -> bool {
    text.ends_with("’s") || text.ends_with("'s")
}

fn strip_possessive(text: &str) -> &str {
    text.strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .unwrap_or(text)
}

/// Every cue in a unit's tokens, in order.
pub fn find(words: &Words<'_>) -> Vec<Cue> {
    let toks = words.toks;
    let mut out = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        if !tok.is_word() {
            continue;
        }
        let w = words.w(i);
        let found = match w {
            "according" if words.w(i + 1) == "to" => according(words, i),
            "as" => as_put_it(words, i),
            "to" | "for" if is_sentence_start(words, i) => to_x(words, i),
            "made" | "said" if is_backref(words, i) => back(words, i),
            "by" => passive(words, i),
            "seems" | "seemed" | "appears" | "appeared" | "looks" | "looked" => seems(words, i),
            _ if lexicon::is_statement_noun(w) || w == "point" || w == "points" => {
                noun_cue(words, i)
            }
            _ => None,
        };
        if let Some(c) = found {
            out.push(c);
            continue;
        }
        if let Some(v) = lexicon::verb(w)
            && v.participle
            && i > 0
            && words.is_punct(i - 1, ',')
            && !out.iter().any(|c: &Cue| c.kind == CueKind::Verb)
            && let Some((who, np)) = leading_np(words)
        {
            out.push(Cue::new(
                CueKind::Verb,
                words.text(i).to_string(),
                i,
                who,
                np,
                i + 1,
            ));
            continue;
        }
        if let Some(v) = lexicon::verb(w)
            && !v.participle
            && !(w == "think" && words.w(i + 1).starts_with("tank"))
            && let Some(c) = verb(words, i, v)
        {
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.tok);
    out
}

#[cfg(test)]
mod testing {
    use super::*;
    pub use crate::import::layout::from_text;
    pub use crate::import::quotes::{fragments, tokens};

    pub fn cues(text: &str) -> Vec<(String, Who)> {
        let l = from_text(text);
        let f = fragments(&l.body, &l.paragraphs);
        let t = tokens(&l.body, 0..l.body.len(), &f, 0..f.len());
        let w = Words::new(&l.body, &t);
        find(&w).into_iter().map(|c| (c.word, c.who)).collect()
    }

    pub fn name_of(w: &Who) -> String {
        match w {
            Who::Person { name, .. }
            | Who::Org { name, .. }
            | Who::Group { name, .. }
            | Who::Unnamed { name }
            | Who::Kin { name } => name.clone(),
            Who::Pronoun(p) => format!("{p:?}"),
            Who::Anaphor { noun, .. } => format!("the {noun}"),
        }
    }

    pub fn first(text: &str) -> (String, String) {
        let c = cues(text);
        let (word, who) = c.first().unwrap_or_else(|| panic!("no cue in {text:?}"));
        (word.clone(), name_of(who))
    }

    /// The people and institutions a text introduces (not the names in
    /// passing that are someone's only if their family is known).
    pub fn introduced(text: &str) -> Vec<String> {
        let l = from_text(text);
        let f = fragments(&l.body, &l.paragraphs);
        let t = tokens(&l.body, 0..l.body.len(), &f, 0..f.len());
        let w = Words::new(&l.body, &t);
        introductions(&w)
            .iter()
            .filter(|i| !matches!(i.0, Who::Kin { .. }))
            .map(|i| name_of(&i.0))
            .collect()
    }
}

//! A parsed query as a tantivy query over the quote index.
//!
//! A plain term `w` is, over the quote's text and its speaker's names:
//! the word itself (BM25, weight 3) or a word starting with it (weight 1.5)
//! or, within its typo budget, a word starting like it (weight 1). So an
//! exact word ranks above a prefix, a prefix above a typo, and among equals
//! BM25 decides. A one-letter term matches that word only: as a prefix it
//! would match nearly every quote and rank none.

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, Occur, PhraseQuery, Query,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use super::Fields;
use crate::query::{Atom, Mode, Query as Parsed, typo_budget};

fn term(field: Field, word: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, word),
        IndexRecordOption::WithFreqs,
    ))
}

fn prefix(field: Field, word: &str, typos: u8) -> Box<dyn Query> {
    Box::new(FuzzyTermQuery::new_prefix(
        Term::from_field_text(field, word),
        typos,
        true,
    ))
}

fn boost(q: Box<dyn Query>, by: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, by))
}

fn any(mut qs: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    match qs.len() {
        0 => Box::new(EmptyQuery),
        1 => qs.pop().unwrap_or_else(|| Box::new(EmptyQuery)),
        _ => Box::new(BooleanQuery::new(
            qs.into_iter().map(|q| (Occur::Should, q)).collect(),
        )),
    }
}

fn all(mut qs: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    match qs.len() {
        0 => Box::new(AllQuery),
        1 => qs.pop().unwrap_or_else(|| Box::new(AllQuery)),
        _ => Box::new(BooleanQuery::new(
            qs.into_iter().map(|q| (Occur::Must, q)).collect(),
        )),
    }
}

/// The words in a row in `field` (one word: that word).
fn phrase(field: Field, words: &[String]) -> Box<dyn Query> {
    if words.len() == 1 {
        return term(field, &words[0]);
    }
    Box::new(PhraseQuery::new(
        words
            .iter()
            .map(|w| Term::from_field_text(field, w))
            .collect(),
    ))
}

fn lower(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// One word as a term matches it: exact, prefix, typos as `mode` allows.
fn word(field: Field, w: &str, mode: Mode, negated: bool) -> Box<dyn Query> {
    let chars = w.chars().count();
    match mode {
        Mode::Word | Mode::Phrase => term(field, w),
        _ if chars <= 1 => term(field, w),
        Mode::Fuzzy if !negated && typo_budget(chars) > 0 => any(vec![
            boost(term(field, w), 3.0),
            boost(prefix(field, w, 0), 1.5),
            prefix(field, w, typo_budget(chars)),
        ]),
        _ => any(vec![
            boost(term(field, w), 3.0),
            boost(prefix(field, w, 0), 1.5),
        ]),
    }
}

/// The query for one term (not yet negated).
fn atom(f: &Fields, a: &Atom) -> Box<dyn Query> {
    let fields = if a.cased {
        vec![f.cased]
    } else {
        vec![f.text, f.speaker]
    };
    match a.mode {
        Mode::Start => {
            let words = lower(&a.words);
            let mut parts = vec![if words.len() > 1 {
                term(f.first, &words[0])
            } else {
                prefix(f.first, &words[0], 0)
            }];
            if words.len() > 1 {
                parts.push(phrase(f.text, &words));
            }
            all(parts)
        }
        Mode::End => {
            let words = lower(&a.words);
            let last: String = words[words.len() - 1].chars().rev().collect();
            let mut parts = vec![prefix(f.last_rev, &last, 0)];
            if words.len() > 1 {
                parts.push(phrase(f.text, &words));
            }
            all(parts)
        }
        Mode::Phrase => {
            let words = lower(&a.words);
            any(vec![phrase(f.text, &words), phrase(f.speaker, &words)])
        }
        _ if a.words.len() > 1 => {
            // `jong-un`: its words in a row (the cased field has no
            // positions, and only words with a capital: there, all its
            // words, those in lower case from the other fields).
            if a.cased {
                all(a
                    .words
                    .iter()
                    .map(|w| {
                        if w.chars().any(char::is_uppercase) {
                            term(f.cased, w)
                        } else {
                            any(vec![term(f.text, w), term(f.speaker, w)])
                        }
                    })
                    .collect())
            } else {
                any(vec![phrase(f.text, &a.words), phrase(f.speaker, &a.words)])
            }
        }
        mode => any(fields
            .iter()
            .map(|&field| word(field, &a.words[0], mode, a.negated))
            .collect()),
    }
}

/// The tantivy query for a parsed query: every group must match, a negated
/// term must not.
pub fn to_tantivy(f: &Fields, q: &Parsed) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for g in &q.groups {
        if let [a] = g.atoms.as_slice()
            && a.negated
        {
            clauses.push((Occur::MustNot, atom(f, a)));
            continue;
        }
        let options: Vec<Box<dyn Query>> = g
            .atoms
            .iter()
            .map(|a| {
                if a.negated {
                    Box::new(BooleanQuery::new(vec![
                        (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                        (Occur::MustNot, atom(f, a)),
                    ])) as Box<dyn Query>
                } else {
                    atom(f, a)
                }
            })
            .collect();
        clauses.push((Occur::Must, any(options)));
    }
    if !clauses.iter().any(|(o, _)| *o == Occur::Must) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Box::new(BooleanQuery::new(clauses))
}

//! Noun phrases: what a segment of tokens names, as a [`Who`]: a pronoun,
//! the author, a run of capitalised words (see [`super::names`]), a group,
//! a phrase that refers back, or an unnamed person.

use std::ops::Range;

use super::names::classify_run;
use super::{Who, Words, is_acronym, is_clause_word, is_connector, is_possessive};
use crate::import::lexicon::{self, Anaphor, Pronoun};
use crate::import::quotes::TokKind;

/// Longest phrase, in words, taken for an unnamed person ("one shopkeeper
/// in Castlecoote"); a longer one is a clause, not a subject.
const MAX_UNNAMED_WORDS: usize = 6;

/// A lower-case word that can head a noun phrase: not a pronoun, a small
/// word or an adverb ("a nurse", "a 58-year-old", not "a little", "one
/// of").
fn is_noun_like(words: &Words<'_>, i: usize) -> bool {
    let w = words.w(i);
    words.is_word(i)
        && !words.is_cap(i)
        && w.chars().any(char::is_alphabetic)
        && lexicon::pronoun(w).is_none()
        && !lexicon::is_function_word(w)
        && !lexicon::is_determiner(w)
        && !lexicon::is_preposition(w)
        && !lexicon::is_adverb_between(w)
        && !lexicon::is_modal(w)
        && lexicon::verb(w).is_none()
        && !w.ends_with("ly")
}

/// Analyses a noun phrase (a segment of tokens) into a [`Who`].
pub fn analyze(words: &Words<'_>, seg: Range<usize>) -> Option<(Who, Range<usize>)> {
    let mut a = seg.start;
    while a < seg.end
        && (!words.is_word(a) || is_connector(words.w(a)) || is_clause_word(words.w(a)))
    {
        if words.is_punct(a, '(') {
            break;
        }
        a += 1;
    }
    // Words outside brackets; "(and conservative ones at that, …)" qualifies.
    let mut ws = Vec::new();
    let mut depth = 0;
    let mut qualifier = None;
    for i in a..seg.end {
        match words.toks[i].kind {
            TokKind::Punct('(') | TokKind::Punct('[') => {
                if depth == 0 && words.w(i + 1) == "and" && words.w(i + 3) == "ones" {
                    qualifier = Some(words.text(i + 2).to_string());
                }
                depth += 1;
            }
            TokKind::Punct(')') | TokKind::Punct(']') => depth = (depth - 1).max(0),
            TokKind::Word if depth == 0 => ws.push(i),
            _ => {}
        }
    }
    let (&first, &last) = (ws.first()?, ws.last()?);
    if ws.len() > 16 {
        return None;
    }
    let np = words.span(first, last + 1);
    if ws.len() == 1
        && !is_acronym(words.text(first))
        && let Some(p) = lexicon::pronoun(words.w(first))
    {
        return Some((Who::Pronoun(p), np));
    }
    if ws.len() <= 3
        && matches!(words.w(last), "author" | "writer")
        && matches!(words.w(first), "this" | "the" | "present" | "your")
    {
        return Some((Who::Pronoun(Pronoun::Author), np));
    }
    // The trailing run of capitalised words.
    let mut r = ws.len();
    while r > 0 {
        let i = ws[r - 1];
        let cap = words.is_cap(i) && !(r < ws.len() && is_possessive(words.text(i)));
        let joiner = r < ws.len()
            && r >= 2
            && matches!(
                words.w(i),
                "of" | "for" | "and" | "de" | "al" | "van" | "von" | "on"
            )
            && words.is_cap(ws[r - 2]);
        if cap || joiner {
            r -= 1;
        } else {
            break;
        }
    }
    while r < ws.len()
        && (!words.is_cap(ws[r])
            || lexicon::is_determiner(words.w(ws[r]))
            || lexicon::is_function_word(words.w(ws[r])))
    {
        r += 1;
    }
    let mut pp_org = None;
    if r < ws.len() {
        let run: Vec<usize> = ws[r..].to_vec();
        let mut b = r;
        if b > 0 && words.w(ws[b - 1]) == "the" {
            b -= 1;
        }
        let in_pp = b > 0 && lexicon::is_preposition(words.w(ws[b - 1]));
        let who = classify_run(words, &run, &ws[..r]);
        if !in_pp {
            // A possessive run ("Korea's") is not a speaker.
            if is_possessive(words.text(last)) {
                return None;
            }
            let np = words.span(if b < r { ws[b] } else { run[0] }, last + 1);
            return who.map(|w| (w, np));
        }
        if let Some(Who::Org { .. }) = &who {
            pp_org = who;
        }
    }
    // A phrase in lower case: a group, an anaphor, an unnamed individual.
    let first_prep = ws
        .iter()
        .position(|&i| lexicon::is_preposition(words.w(i)) && !words.is_cap(i))
        .unwrap_or(ws.len());
    if first_prep == 0 {
        return None;
    }
    // The head is the last known noun before the first preposition
    // ("two officials familiar with the talks").
    let head_i = ws[..first_prep]
        .iter()
        .rev()
        .copied()
        .find(|&i| {
            let w = words.w(i);
            lexicon::is_group_noun(w)
                || lexicon::anaphor_noun(w).is_some()
                || lexicon::is_role_noun(w)
        })
        .unwrap_or(ws[first_prep - 1]);
    let head = words.w(head_i).to_string();
    // "a study by researchers at Lund University": the authors speak.
    if lexicon::is_document_noun(&head)
        && first_prep < ws.len()
        && matches!(words.w(ws[first_prep]), "by" | "from")
        && first_prep + 1 < ws.len()
    {
        let from = ws[first_prep + 1];
        return analyze(words, from..seg.end);
    }
    let det = words.w(first);
    let text_from = |from: usize| -> String {
        let s = words.slice(from, last + 1).to_string();
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    if lexicon::is_group_noun(&head)
        || lexicon::is_demonym(words.text(head_i)) && head.ends_with('s') && words.is_cap(head_i)
    {
        let from = if matches!(det, "the" | "both" | "a" | "an" | "all") && ws.len() > 1 {
            ws[1]
        } else {
            first
        };
        let mut name = words.slice(from, last + 1).to_string();
        if depth_free(&name) {
            name = text_from(from);
        } else {
            // Leave bracketed asides out of the name.
            name = ws
                .iter()
                .filter(|&&i| i >= from)
                .map(|&i| words.text(i))
                .collect::<Vec<_>>()
                .join(" ");
        }
        if let Some(q) = qualifier {
            let head_text = words.text(head_i);
            if let Some(at) = name.rfind(head_text) {
                name.insert_str(at, &format!("{q} "));
            }
        }
        let name = lower_first_common(&name);
        return Some((
            Who::Group {
                name,
                media: lexicon::is_media_group_noun(&head),
            },
            np,
        ));
    }
    // "the representative of the ROK Foreign Ministry" speaks for it.
    let speaks_for = matches!(
        head.as_str(),
        "representative"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "source"
            | "officials"
            | "sources"
            | "representatives"
    );
    let word_at = |k: usize| ws.get(k).map_or("", |&i| words.w(i));
    if speaks_for
        && matches!(word_at(first_prep), "of" | "for" | "from" | "at")
        && matches!(det, "the" | "a" | "an")
        && pp_org.is_none()
        && word_at(first_prep + 1) == "the"
        && let Some(&n) = ws.get(first_prep + 2)
        && lexicon::anaphor_noun(words.w(n)) == Some(Anaphor::Institution)
    {
        return Some((
            Who::Anaphor {
                noun: words.w(n).to_string(),
                kind: Anaphor::Institution,
                phrase: String::new(),
            },
            np,
        ));
    }
    if speaks_for
        && matches!(word_at(first_prep), "of" | "for" | "from" | "at")
        && matches!(det, "the" | "a" | "an")
        && let Some(org) = pp_org.clone()
    {
        return Some((org, np));
    }
    // "a council spokeswoman" speaks for the council; "a spokesman", with
    // nothing more, for the institution just named.
    let spokes = matches!(head.as_str(), "spokesman" | "spokeswoman" | "spokesperson");
    if spokes && matches!(det, "a" | "an" | "the") && first_prep == ws.len() {
        let at = ws.iter().position(|&i| i == head_i).unwrap_or(0);
        let before = (at >= 2).then(|| words.w(ws[at - 1]).to_string());
        let noun = match before {
            Some(b) if lexicon::anaphor_noun(&b) == Some(Anaphor::Institution) => Some(b),
            None if det != "the" && ws.len() == 2 => Some(head.clone()),
            _ => None,
        };
        if let Some(noun) = noun {
            return Some((
                Who::Anaphor {
                    noun,
                    kind: Anaphor::Institution,
                    phrase: String::new(),
                },
                np,
            ));
        }
    }
    if let Some(kind) = lexicon::anaphor_noun(&head)
        && matches!(det, "the" | "this" | "that")
        && first_prep <= 5
    {
        let phrase = ws[1..first_prep.max(1)]
            .iter()
            .map(|&i| words.text(i))
            .collect::<Vec<_>>()
            .join(" ");
        return Some((
            Who::Anaphor {
                noun: head,
                kind,
                phrase,
            },
            np,
        ));
    }
    // "one said", "said another": an unnamed source of its own, not the
    // person quoted before.
    if ws.len() == 1 && matches!(head.as_str(), "one" | "another") {
        return Some((Who::Unnamed { name: head }, np));
    }
    // "one aide", "a nurse", "one shopkeeper in Castlecoote": an unnamed
    // person, named by the whole phrase, whatever the noun.
    if matches!(det, "a" | "an" | "one" | "another")
        && ws.len() <= MAX_UNNAMED_WORDS
        && is_noun_like(words, head_i)
    {
        // "one aide" and "another aide" are two people, as the article
        // says them; "A nurse" opening a sentence is "a nurse".
        let name = ws
            .iter()
            .map(|&i| words.text(i))
            .collect::<Vec<_>>()
            .join(" ");
        let name = format!("{det}{}", &name[words.text(first).len()..]);
        return Some((Who::Unnamed { name }, np));
    }
    None
}

fn depth_free(s: &str) -> bool {
    !s.contains(['(', ')', '[', ']'])
}

/// "Some experts" → "some experts": a group's name is not a proper name.
fn lower_first_common(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    if matches!(
        lower.as_str(),
        "some"
            | "many"
            | "several"
            | "most"
            | "few"
            | "other"
            | "both"
            | "all"
            | "various"
            | "numerous"
            | "certain"
            | "media"
            | "experts"
            | "analysts"
            | "critics"
            | "officials"
            | "observers"
            | "authors"
    ) {
        format!("{lower}{}", &name[first.len()..])
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn institutions_groups_and_anaphors() {
        assert_eq!(
            name_of(&cues("The ROK Foreign Ministry announced its intention to respond.")[0].1),
            "ROK Foreign Ministry"
        );
        assert_eq!(
            name_of(&cues("The EU has also stated its readiness to act.")[0].1),
            "EU"
        );
        assert_eq!(
            name_of(&cues("Some experts even believe that it will fail.")[0].1),
            "some experts"
        );
        assert_eq!(
            name_of(&cues("Meanwhile, media outlets of all types write that it failed.")[0].1),
            "media outlets of all types"
        );
        assert_eq!(
            name_of(&cues("The publication notes that it failed.")[0].1),
            "the publication"
        );
        assert_eq!(
            name_of(&cues("At the same time, the representative of the ROK Foreign Ministry emphasized that it failed.")[0].1),
            "ROK Foreign Ministry"
        );
        assert_eq!(
            name_of(&cues("Here, both classical democrats and conservatives in opposition to Yoon Seok-yeol accuse the president of it.")[0].1),
            "classical democrats and conservatives in opposition to Yoon Seok-yeol"
        );
        assert_eq!(name_of(&cues("The ROK media (and conservative ones at that) published texts that “it is bad.”")[0].1), "ROK conservative media");
        assert_eq!(
            name_of(&cues("South Koreans think that Beijing is aloof.")[0].1),
            "South Koreans"
        );
        assert_eq!(name_of(&cues("Seoul said it would respond.")[0].1), "Seoul");
    }
}

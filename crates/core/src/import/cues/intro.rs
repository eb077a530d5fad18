//! Introductions: people and institutions named in passing ("the position
//! of Andrei Lankov, a professor at X"), which later surnames, titles and
//! pronouns may refer to.

use std::ops::Range;

use super::appositives::{apply_appositive, is_appositive};
use super::clauses::{clause_start, segments};
use super::names::classify_run;
use super::{Who, Words, is_connector, is_possessive};
use crate::import::lexicon::{self};

/// Longest relative clause, in tokens, skipped between a name and its verb.
const MAX_RELATIVE_CLAUSE_TOKENS: usize = 20;

/// `v` past ", who …," when a relative clause opens there.
fn skip_relative_clause(words: &Words<'_>, v: usize) -> usize {
    if !(words.is_punct(v, ',') && matches!(words.w(v + 1), "who" | "whose")) {
        return v;
    }
    (v + 2..(v + MAX_RELATIVE_CLAUSE_TOKENS).min(words.toks.len()))
        .find(|&k| words.is_punct(k, ','))
        .map_or(v, |k| k + 1)
}

/// An appositive that describes a person by an indefinite noun phrase ("a
/// nurse at the clinic", "a 58-year-old dental hygienist"), whether or not
/// its noun is in the role list.
fn describes_someone(words: &Words<'_>, seg: &Range<usize>) -> bool {
    let mut k = seg.start;
    while k < seg.end && !words.is_word(k) {
        k += 1;
    }
    matches!(words.w(k), "a" | "an")
        && words.is_word(k + 1)
        && !words.is_cap(k + 1)
        && !lexicon::is_function_word(words.w(k + 1))
}

/// "a sophomore named Olivia Marsh": a person of two or more name words
/// after "named" or "called", the noun before that word as role.
fn named_after_noun(words: &Words<'_>, start: usize, run: &[usize]) -> Option<Who> {
    if start < 2 || run.len() < 2 || !matches!(words.w(start - 1), "named" | "called") {
        return None;
    }
    let noun = start - 2;
    if !words.is_word(noun) || words.is_cap(noun) || lexicon::is_function_word(words.w(noun)) {
        return None;
    }
    let name = words.slice(run[0], run[run.len() - 1] + 1).to_string();
    Some(Who::Person {
        name,
        role: Some(words.text(noun).to_string()),
        affiliation: None,
        titled: true,
    })
}

/// A quotation of one or two capitalised words inside a name (Josh “Tank”
/// Abernethy).
fn is_nickname(words: &Words<'_>, i: usize) -> bool {
    let Some(t) = words.toks.get(i).filter(|t| t.is_quote()) else {
        return false;
    };
    let inner = words.body[t.start..t.end].trim_matches(|c: char| !c.is_alphanumeric());
    let ws: Vec<&str> = inner.split_whitespace().collect();
    (1..=2).contains(&ws.len())
        && ws
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Names introduced in passing, with their titles or roles: "the position of
/// Andrei Lankov, a professor at X," or "Russian President Vladimir Putin".
/// They are not speakers yet, but later surnames, titles and pronouns may
/// refer to them.
pub fn introductions(words: &Words<'_>) -> Vec<(Who, Range<usize>)> {
    let toks = words.toks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !words.is_cap(i) {
            i += 1;
            continue;
        }
        // "The", "To", "As" opening a sentence are not part of a name.
        if lexicon::is_determiner(words.w(i))
            || lexicon::is_function_word(words.w(i))
            || words.w(i) == "according"
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < toks.len()
            && (words.is_cap(j)
                || matches!(words.w(j), "of" | "for") && words.is_cap(j + 1)
                || j > start && is_nickname(words, j) && words.is_cap(j + 1))
        {
            j += 1;
        }
        // Marguerite “Peg” Lindahl: the nickname is no part of the name.
        let run: Vec<usize> = (start..j).filter(|&k| words.is_word(k)).collect();
        i = j;
        // "in Port Anselm", "at Quayside Park": a place, not a person.
        let after_locative = start > 0 && lexicon::is_locative(words.w(start - 1));
        if is_possessive(words.text(j - 1)) {
            continue;
        }
        // "Grant's daughter, Morag, …": a one-word name after a role.
        if run.len() == 1 {
            let after_role = start >= 2
                && words.is_punct(start - 1, ',')
                && lexicon::is_role_noun(words.w(start - 2))
                && words.is_punct(j, ',');
            if after_locative {
                continue;
            }
            if after_role && !lexicon::is_place_word(words.text(start)) {
                out.push((
                    Who::Person {
                        name: words.text(start).to_string(),
                        role: Some(words.text(start - 2).to_string()),
                        affiliation: None,
                        titled: true,
                    },
                    words.span(start, j),
                ));
            } else if !lexicon::is_place_word(words.text(start))
                && lexicon::org_word(words.text(start)).is_none()
                && !lexicon::is_title(words.text(start))
            {
                // A surname alone ("Adeyemi finally sits"): a mention of
                // the person of that name, if one was named before.
                out.push((
                    Who::Person {
                        name: words.text(start).to_string(),
                        role: None,
                        affiliation: None,
                        titled: false,
                    },
                    words.span(start, j),
                ));
            }
            continue;
        }
        let appositive = words.is_punct(j, ',') && {
            let segs = segments(words, j + 1, (j + 30).min(toks.len()));
            segs.first().is_some_and(|s| {
                is_appositive(words, s)
                    && ((s.clone()).any(|k| lexicon::is_role_noun(words.w(k)))
                        || describes_someone(words, s))
            })
        };
        // "A sophomore named Olivia Marsh": the name after "named", with
        // the noun before it as the role, whatever that noun is.
        if let Some(who) = named_after_noun(words, start, &run) {
            out.push((who, words.span(start, j)));
            continue;
        }
        let mut b = start;
        while b > 0 && start - b < 4 && words.is_word(b - 1) {
            b -= 1;
        }
        let before: Vec<usize> = (b..start).collect();
        let who = match classify_run(words, &run, &before) {
            Some(Who::Person { .. }) if after_locative => continue,
            Some(who @ Who::Person { .. }) => who,
            // Institutions named in passing, for "the bank" later on.
            Some(org @ Who::Org { .. })
                if run
                    .iter()
                    .any(|&k| lexicon::org_word(words.text(k)).is_some()) =>
            {
                out.push((org, words.span(start, j)));
                continue;
            }
            _ => continue,
        };
        let Who::Person {
            name,
            role,
            affiliation,
            titled,
        } = who
        else {
            continue;
        };
        if name.split_whitespace().count() < 2 && !titled {
            continue;
        }
        let mut who = Who::Person {
            name,
            role: role.clone(),
            affiliation,
            titled,
        };
        if appositive {
            let segs = segments(words, j + 1, (j + 40).min(toks.len()));
            if let Some(s) = segs.first() {
                who = apply_appositive(who, words.slice(s.start, s.end));
            }
        } else if !titled
            && !role.as_deref().is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| lexicon::is_role_noun(&w.to_lowercase()))
            })
        {
            // A bare name as the sentence's subject ("Jane Roe spoke
            // last.", "For forty years, Alasdair Grant kept …") is a person
            // too; the words before any other name are no role.
            who = Who::Person {
                name: match who {
                    Who::Person { name, .. } => name,
                    _ => continue,
                },
                role: None,
                affiliation: None,
                titled: false,
            };
            let no_verb_before = !(0..start).any(|k| lexicon::verb(words.w(k)).is_some());
            // "…, and Grace Adeyemi has not sat down": a clause of its own.
            let after_and = start >= 2
                && matches!(words.w(start - 1), "and" | "but" | "while")
                && words.is_punct(start - 2, ',');
            let opens = (0..start).all(|k| !words.is_word(k) || is_connector(words.w(k)))
                || start > 0 && words.is_punct(start - 1, ',') && no_verb_before
                || after_and;
            let mut v = j;
            // "Tom Hadley, 68, has been …": an age between name and verb.
            if words.is_punct(v, ',')
                && words.w(v + 1).chars().all(|c| c.is_ascii_digit())
                && !words.w(v + 1).is_empty()
                && words.is_punct(v + 2, ',')
            {
                v += 3;
            }
            // "Japan's trade minister, Kenji Morita, was …": the name is
            // the appositive of a role before it.
            let role_before = start >= 2 && words.is_punct(start - 1, ',') && {
                let segs = segments(words, clause_start(words, start - 1), start - 1);
                segs.last().is_some_and(|s| {
                    (s.clone()).any(|k| words.is_word(k) && lexicon::is_role_noun(words.w(k)))
                })
            };
            if v == j && role_before && words.is_punct(v, ',') {
                v += 1;
            }
            // "Joan Carter, who lives on the seafront, sent …": a relative
            // clause between name and verb.
            v = skip_relative_clause(words, v);
            let verb_next =
                words.is_word(v) && !words.is_cap(v) && !lexicon::is_preposition(words.w(v));
            if !(opens && verb_next && run.len() <= 3) {
                continue;
            }
        }
        out.push((who, words.span(start, j)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::*;
    use super::*;

    #[test]
    fn introductions_register_people_named_in_passing() {
        let l = from_text(
            "Against this background, the position of Andrei Lankov, a professor at Kunming University, stands out.",
        );
        let f = fragments(&l.body, &l.paragraphs);
        let t = tokens(&l.body, 0..l.body.len(), &f, 0..f.len());
        let w = Words::new(&l.body, &t);
        let intro: Vec<String> = introductions(&w).iter().map(|i| name_of(&i.0)).collect();
        // The person, with the institution named in passing.
        assert_eq!(intro, ["Andrei Lankov", "Kunming University"]);
        let Who::Person {
            role, affiliation, ..
        } = &introductions(&w)[0].0
        else {
            panic!()
        };
        assert_eq!(role.as_deref(), Some("professor"));
        assert_eq!(affiliation.as_deref(), Some("Kunming University"));
    }

    #[test]
    fn introductions_after_and_an_age_or_a_role() {
        assert_eq!(
            introduced("It is late, and Grace Adeyemi has not sat down."),
            ["Grace Adeyemi"]
        );
        assert_eq!(
            introduced("Tom Hadley, 68, has been on the ward."),
            ["Tom Hadley"]
        );
        assert_eq!(
            introduced("Japan's trade minister, Kenji Morita, was more conciliatory."),
            ["Kenji Morita"]
        );
        // A name inside a phrase, with no verb of its own, is not one.
        assert!(!introduced("The ward, Ward Seven, is full.").contains(&"Ward Seven".to_string()));
        assert!(
            !introduced("It rained, and Grace Adeyemi in Leeds.")
                .contains(&"Grace Adeyemi".to_string())
        );
    }
}

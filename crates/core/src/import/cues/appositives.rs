//! Appositives: the descriptions set off by commas around a name ("a
//! professor at X", "who …"), and the role and affiliation read from them.

use std::ops::Range;

use super::{Who, Words};
use crate::import::lexicon::{self};
use crate::import::quotes::TokKind;

/// Most words of a titled name in an appositive ("Cllr Rupert Haines").
const MAX_TITLED_NAME_WORDS: usize = 3;

/// Whether a segment is an appositive: a role, a relative clause, a
/// description ("a professor at X", "who is not a leftist", "Chairman of Y").
pub(super) fn is_appositive(words: &Words<'_>, seg: &Range<usize>) -> bool {
    let mut i = seg.start;
    while i < seg.end && !words.is_word(i) {
        i += 1;
    }
    if i >= seg.end {
        return false;
    }
    let mut w = words.w(i);
    if matches!(w, "and" | "or") {
        i += 1;
        w = words.w(i);
    }
    if lexicon::is_appositive_opener(w) {
        return true;
    }
    if matches!(w, "his" | "her" | "their")
        && words.is_word(i + 1)
        && lexicon::is_family_noun(words.w(i + 1))
    {
        // "said Ruth Tolland, her daughter, a retired schoolteacher".
        return true;
    }
    if matches!(w, "of" | "from") && names_place(words, seg, i + 1) {
        // "Gaz Whitlow, 44, of Springfield, said": where a person is from
        // or works ("of the Wexcombe Arms", "from Sindhari village").
        return true;
    }
    // "Paul Rasmussen, R-Oconomowoc, said": party and home town.
    if is_party_and_place(words.text(i))
        && (i + 1..seg.end).all(|k| !words.is_word(k) || words.is_cap(k))
    {
        return true;
    }
    // "Gov. Teresa Alvarado, a Democrat, …", "a Canadian".
    if matches!(w, "a" | "an") && seg.end == i + 2 && words.is_cap(i + 1) {
        return true;
    }
    if matches!(w, "a" | "an") {
        // "a nurse", "a 58-year-old dental hygienist": a person described
        // by any common noun, in the role list or not; "a Netherlands-based
        // group …": a description, its capital only a place's.
        let modifier = words
            .text(i + 1)
            .split('-')
            .skip(1)
            .any(|p| p.chars().next().is_some_and(char::is_lowercase));
        return names_role(words, seg, i)
            || words.is_word(i + 1)
                && (!words.is_cap(i + 1) || modifier)
                && !lexicon::is_function_word(words.w(i + 1));
    }
    if w == "the" {
        // "the WFP country director": capitals before a role noun that
        // ends the segment name where the role is.
        let last = (seg.start..seg.end).rev().find(|&k| words.is_word(k));
        let role_last = last.is_some_and(|k| !words.is_cap(k) && lexicon::is_role_noun(words.w(k)));
        return (!words.is_cap(i + 1) || lexicon::is_title(words.text(i + 1)) || role_last)
            && names_role(words, seg, i)
            && !has_own_speech_verb(words, seg);
    }
    if words.is_cap(i) {
        // "Halden’s chief executive": a role at a named institution.
        if super::is_possessive(words.text(i)) && i + 1 < seg.end && words.is_word(i + 1) {
            return names_role(words, seg, i + 1);
        }
        return lexicon::is_title(words.text(i)) && !is_titled_name(words, seg, i);
    }
    // A lower-case start: a description naming a role ("chair of the
    // Korea Department"), not the reported content ("only a handful …")
    // nor the cue itself ("Steve Thornbury, said he wanted the coroner
    // to …").
    words.is_word(i)
        && lexicon::pronoun(w).is_none()
        && !lexicon::is_function_word(w)
        && lexicon::verb(w).is_none()
        && names_role(words, seg, i)
        || w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// "the senator said he was leaving": a segment with a speech verb of its
/// own (not one of a relative clause: "the man who said …") is a clause,
/// no description of the name before it.
fn has_own_speech_verb(words: &Words<'_>, seg: &Range<usize>) -> bool {
    seg.clone()
        .take_while(|&k| !matches!(words.w(k), "who" | "whose" | "which" | "that"))
        .any(|k| words.is_word(k) && lexicon::verb(words.w(k)).is_some_and(|v| !v.participle))
}

/// "R-Oconomowoc", "D-Ohio": a party's initial, a hyphen and a place.
fn is_party_and_place(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some('R' | 'D' | 'I'))
        && chars.next() == Some('-')
        && chars.next().is_some_and(char::is_uppercase)
}

/// Whether the words of `seg` from token `i` name a place or an
/// institution: a capitalised word, after "the" or not ("Springfield", "the
/// Wexcombe Arms").
fn names_place(words: &Words<'_>, seg: &Range<usize>, i: usize) -> bool {
    let i = if i < seg.end && words.is_word(i) && words.w(i) == "the" {
        i + 1
    } else {
        i
    };
    i < seg.end && words.is_word(i) && words.is_cap(i)
}

/// "a professor at X", "the former ambassador": a description of a person
/// from token `i` names a role; "the cut" in "According to X, the cut …"
/// does not. The role must head the description: come before its first
/// preposition ("one of the negotiators" looks past "one of").
fn names_role(words: &Words<'_>, seg: &Range<usize>, i: usize) -> bool {
    let mut depth = 0;
    let mut k = i;
    if words.w(k) == "one" && words.w(k + 1) == "of" {
        k += 2;
    }
    while k < seg.end {
        match words.toks[k].kind {
            TokKind::Punct('(') => depth += 1,
            TokKind::Punct(')') => depth -= 1,
            TokKind::Word if depth == 0 => {
                let w = words.w(k);
                let singular = w.strip_suffix('s').unwrap_or(w);
                // "the trumpeter and bandleader": a noun for what a person
                // does, by its ending, names a role too.
                if lexicon::is_role_noun(w)
                    || lexicon::is_role_noun(singular)
                    || lexicon::is_agent_noun(w)
                        && !words.is_cap(k)
                        // Not a role before a name ("newcomer Ava Lindqvist").
                        && !(k + 1 < seg.end && words.is_word(k + 1) && words.is_cap(k + 1))
                    || lexicon::is_title(words.text(k))
                    || lexicon::org_word(words.text(k)).is_some()
                    || lexicon::is_group_noun(w)
                {
                    return true;
                }
                if k > i && lexicon::is_preposition(w) && !matches!(w, "of") {
                    return false;
                }
                if k > i + 1 && w == "of" {
                    return false;
                }
            }
            _ => {}
        }
        k += 1;
    }
    false
}

/// "Cllr Rupert Haines", "Dr Jane Roe": the segment from token `i` is a
/// titled name, not a role.
fn is_titled_name(words: &Words<'_>, seg: &Range<usize>, i: usize) -> bool {
    let mut k = i;
    while k < seg.end && words.is_word(k) && lexicon::is_title(words.text(k)) {
        k += 1;
    }
    // "Sen. Naomi Feldstein of Oregon": where they are from follows.
    let end = (k..seg.end)
        .find(|&j| words.is_word(j) && words.w(j) == "of" && names_place(words, seg, j + 1))
        .unwrap_or(seg.end);
    let seg = &(seg.start..end);
    let rest: Vec<usize> = (k..seg.end).filter(|&j| words.is_word(j)).collect();
    k > i
        && (1..=MAX_TITLED_NAME_WORDS).contains(&rest.len())
        && rest.len() == seg.end - k
        && rest.iter().all(|&j| {
            words.is_cap(j)
                && lexicon::org_word(words.text(j)).is_none()
                && !lexicon::is_place_word(words.text(j))
        })
}

/// A descriptor before a name, "The leading leftist newspaper, the X, said".
pub(super) fn descriptor(words: &Words<'_>, seg: &Range<usize>) -> Option<String> {
    let ws: Vec<usize> = (seg.clone()).filter(|&i| words.is_word(i)).collect();
    let (&first, &last) = (ws.first()?, ws.last()?);
    if !matches!(words.w(first), "the" | "a" | "an") || ws.len() < 2 || ws.len() > 6 {
        return None;
    }
    let head = words.w(last);
    let fits = lexicon::anaphor_noun(head).is_some() || lexicon::is_role_noun(head);
    (fits && ws[1..].iter().all(|&i| !words.is_cap(i)))
        .then(|| words.slice(ws[1], last + 1).to_string())
}

fn strip_article(s: &str) -> &str {
    for a in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = s.strip_prefix(a) {
            return r;
        }
    }
    s
}

pub(super) fn with_roles(who: Who, appositives: &[&str]) -> Who {
    appositives.iter().fold(who, |w, a| apply_appositive(w, a))
}

/// The name an unnamed source goes by, from a relative clause that gives
/// it: "who gave his name only as Andy", "who asked to be identified only
/// as Hafiz", "who identified herself as Sister Dineo"; with the
/// description before the clause, if any ("a college student who gave
/// his name only as Jerome").
pub(super) fn name_given_in(clause: &str) -> Option<(&str, &str)> {
    let (description, rest) = match clause.strip_prefix("who ") {
        Some(rest) => ("", rest),
        None => clause.split_once(" who ")?,
    };
    let (before, name) = rest.rsplit_once(" as ")?;
    let names_it = before
        .split_whitespace()
        .any(|w| lexicon::is_name_giving_word(&w.to_lowercase()));
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    (names_it && (1..=3).contains(&words.len()) && words.iter().all(capitalised))
        .then_some((description, name))
}

/// Adds a role and affiliation read from an appositive.
pub(super) fn apply_appositive(who: Who, text: &str) -> Who {
    let t = text.trim();
    let t = t.strip_prefix("and ").unwrap_or(t);
    if let Some((before, name)) = name_given_in(t) {
        // "Another passenger, who gave …": the description is the
        // unnamed source's; "Her seatmate, a college student who gave
        // …": the appositive's.
        let description = match (&who, before.is_empty()) {
            (Who::Unnamed { name }, true) => name.as_str(),
            _ => before,
        };
        let role = description
            .split_once(' ')
            .filter(|(det, _)| {
                lexicon::is_determiner(&det.to_lowercase()) || *det == "another" || *det == "one"
            })
            .map_or(description, |(_, rest)| rest);
        let (role, affiliation) = split_role(role);
        return Who::Person {
            name: name.to_string(),
            role: Some(role),
            affiliation,
            titled: true,
        };
    }
    if ["who ", "which ", "whose ", "where "]
        .iter()
        .any(|r| t.starts_with(r))
    {
        return who;
    }
    let (role, affiliation) = split_role(strip_article(t));
    merge_role(who, role, affiliation)
}

/// "professor at the US Naval War College" → ("professor", "US Naval War
/// College"); "senior fellow at the Atlantic Council think tank and former
/// official" → ("senior fellow; former official", "Atlantic Council").
pub fn split_role(text: &str) -> (String, Option<String>) {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if !lexicon::is_affiliation_preposition(w) || i == 0 {
            continue;
        }
        let mut j = i + 1;
        if words.get(j).is_some_and(|x| matches!(*x, "the" | "The")) {
            j += 1;
        }
        let starts_cap = words
            .get(j)
            .is_some_and(|x| x.chars().next().is_some_and(char::is_uppercase));
        if !starts_cap {
            continue;
        }
        let mut k = j;
        while k < words.len() {
            let x = words[k];
            let cap = x
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '[');
            let joiner = matches!(x, "of" | "for" | "and" | "the" | "on")
                && k + 1 < words.len()
                && words[k + 1].chars().next().is_some_and(char::is_uppercase);
            if cap || joiner {
                k += 1;
            } else {
                break;
            }
        }
        let affiliation = words[j..k].join(" ");
        let affiliation = affiliation.trim_end_matches([',', '.']).to_string();
        // "of" only marks an affiliation after a leading role ("Chairman of X").
        if *w == "of" && !words[..i].iter().any(|x| lexicon::is_title(x)) {
            continue;
        }
        let mut role = words[..i].join(" ");
        let rest = words[k..].join(" ");
        let rest = rest.trim_start_matches("think tank").trim();
        if let Some(more) = rest.strip_prefix("and ") {
            role.push_str("; ");
            role.push_str(strip_article(more.trim()));
        }
        return (role, Some(affiliation));
    }
    (text.trim_end_matches([',', '.']).to_string(), None)
}

fn merge_role(who: Who, role: String, affiliation: Option<String>) -> Who {
    match who {
        Who::Person {
            name,
            role: old,
            affiliation: old_aff,
            titled,
        } => Who::Person {
            name,
            role: Some(match old {
                Some(o) if !o.is_empty() && !role.is_empty() && o != role => format!("{o}; {role}"),
                Some(o) if !o.is_empty() => o,
                _ => role,
            })
            .filter(|r| !r.is_empty()),
            affiliation: match (old_aff, affiliation) {
                (Some(a), Some(b)) if a != b => Some(format!("{a}; {b}")),
                (a, b) => a.or(b),
            },
            titled,
        },
        Who::Org {
            name,
            org,
            role: old,
        } => Who::Org {
            name,
            org,
            role: old.or(Some(role)).filter(|r| !r.is_empty()),
        },
        other => other,
    }
}

pub(super) fn with_role(who: Who, role: &str, _words: &Words<'_>, _a: &[usize]) -> Who {
    let (role, affiliation) = split_role(role);
    merge_role(who, role, affiliation)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::*;

    #[test]
    fn appositives_give_role_and_affiliation() {
        let c =
            cues("Terence Roehrig, a professor at the US Naval War College, said it would fail.");
        assert_eq!(
            c[0].1,
            Who::Person {
                name: "Terence Roehrig".into(),
                role: Some("professor".into()),
                affiliation: Some("US Naval War College".into()),
                titled: false
            }
        );
        let c = cues(
            "John Merrill, a renowned historian and Visiting Scholar at the Institute of Korean Studies at George Washington University, believes it.",
        );
        let Who::Person {
            name,
            role,
            affiliation,
            ..
        } = &c[0].1
        else {
            panic!()
        };
        assert_eq!(name, "John Merrill");
        assert_eq!(
            role.as_deref(),
            Some("renowned historian and Visiting Scholar")
        );
        assert_eq!(affiliation.as_deref(), Some("Institute of Korean Studies"));
        // The cue after the name is no appositive.
        let c =
            cues("His father, Steve Thornbury, said he wanted the coroner to recommend roll bars.");
        let Who::Person { name, role, .. } = &c[0].1 else {
            panic!("{c:?}")
        };
        assert_eq!(name, "Steve Thornbury");
        assert!(
            !role.as_deref().unwrap_or("").contains("coroner"),
            "{role:?}"
        );
    }
}

//! Clauses and their segments: where a clause starts, its comma-separated
//! segments, the subject before a verb and the noun phrase after a cue, with
//! the asides and appositives around them.

use std::ops::Range;

use super::appositives::{descriptor, is_appositive, name_given_in, with_role, with_roles};
use super::np::analyze;
use super::{Who, Words, is_clause_word, is_connector};
use crate::import::lexicon::{self};
use crate::import::quotes::TokKind;

/// Splits tokens `a..b` at commas outside brackets.
pub(super) fn segments(words: &Words<'_>, a: usize, b: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = a;
    for i in a..b {
        match words.toks[i].kind {
            TokKind::Punct('(') | TokKind::Punct('[') => depth += 1,
            TokKind::Punct(')') | TokKind::Punct(']') => depth = (depth - 1).max(0),
            TokKind::Punct(',') if depth == 0 => {
                out.push(start..i);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(start..b);
    out
}

/// Most words of an aside in "-ing" ("speaking on condition of anonymity
/// because the talks were ongoing").
const MAX_ASIDE_WORDS: usize = 12;

/// An aside between a subject and its verb, set off by commas: "for his
/// part", "for the most part", "in turn", "however", "speaking on condition
/// of anonymity". It says nothing of who speaks.
fn is_aside(words: &Words<'_>, seg: &Range<usize>) -> bool {
    let ws: Vec<usize> = (seg.clone()).filter(|&i| words.is_word(i)).collect();
    let Some(&first) = ws.first() else {
        return false;
    };
    if ws.len() != seg.len() || ws.iter().any(|&i| words.is_cap(i)) {
        return false;
    }
    let w = words.w(first);
    match ws.len() {
        1 => lexicon::is_one_word_aside(w),
        2..=5 => {
            lexicon::is_aside_preposition(w)
                && ws.iter().any(|&i| lexicon::is_aside_noun(words.w(i)))
                || w.ends_with("ing") && lexicon::verb(w).is_none()
        }
        6..=MAX_ASIDE_WORDS => w.ends_with("ing") && lexicon::verb(w).is_none(),
        _ => false,
    }
}

/// The subject of the verb at token `v`, with the start of its noun phrase.
pub(super) fn subject_before(words: &Words<'_>, v: usize) -> Option<(Who, Range<usize>)> {
    // Adverbs between subject and verb ("also", "has", "generally").
    let mut e = v;
    while e > 0 && words.is_word(e - 1) && lexicon::is_adverb_between(words.w(e - 1)) {
        e -= 1;
        // "on Thursday".
        if e > 0 && words.w(e - 1) == "on" && words.is_cap(e) {
            e -= 1;
        }
    }
    if e == 0 {
        return None;
    }
    // "Alicia Reyes — no relation to the board member — said": an aside
    // between dashes lies between subject and verb.
    if let Some(open) = dash_aside_before(words, e) {
        e = open;
    }
    if words.is_word(e - 1) && words.w(e - 1) == "and" {
        return coordinated_subject(words, e - 1);
    }
    if words.is_word(e - 1) && matches!(words.w(e - 1), "who" | "which") {
        // A relative clause: the subject is the noun phrase before it.
        let mut r = e - 1;
        if r > 0 && words.is_punct(r - 1, ',') {
            r -= 1;
        }
        let s = clause_start(words, r);
        return walk_segments(words, s, r, true);
    }
    let s = clause_start(words, e);
    if s >= e {
        return None;
    }
    let trailing_comma = words.is_punct(e - 1, ',');
    walk_segments(
        words,
        s,
        if trailing_comma { e - 1 } else { e },
        trailing_comma,
    )
}

/// "Nurul Aina thanked voters and said …": the subject of the verb before
/// the "and" at token `and`, the first one after the clause's start (a
/// speech verb, a form of "be" or "have", a word in "-ed", or the word
/// after a comma that closes an appositive: "Tom Lee, who chairs the
/// board, met …"); none when no verb is found there, rather than a
/// subject made of the whole clause.
fn coordinated_subject(words: &Words<'_>, and: usize) -> Option<(Who, Range<usize>)> {
    let s = clause_start(words, and);
    for k in s + 1..and {
        let w = words.w(k);
        if !words.is_word(k) || words.is_cap(k) {
            continue;
        }
        if lexicon::verb(w).is_some()
            || lexicon::is_auxiliary(w)
            || w.len() > 4 && w.ends_with("ed")
        {
            let closed = words.is_punct(k - 1, ',');
            return walk_segments(words, s, if closed { k - 1 } else { k }, closed);
        }
        if words.is_punct(k - 1, ',')
            && !matches!(w, "who" | "which" | "whose")
            && let Some(found) = walk_segments(words, s, k - 1, true)
        {
            return Some(found);
        }
    }
    None
}

/// Most tokens of an aside between dashes skipped before a verb.
const MAX_DASH_ASIDE_TOKENS: usize = 16;

/// The opening dash of an aside that ends, with a dash, right before token
/// `e`, when a name or noun phrase stands before the opening one.
fn dash_aside_before(words: &Words<'_>, e: usize) -> Option<usize> {
    let is_dash = |k: usize| words.is_punct(k, '—') || words.is_punct(k, '–');
    if e < 3 || !is_dash(e - 1) {
        return None;
    }
    let open = (e.saturating_sub(MAX_DASH_ASIDE_TOKENS)..e - 1)
        .rev()
        .find(|&k| is_dash(k))?;
    (open > 0 && words.is_word(open - 1)).then_some(open)
}

/// Where the clause ending at token `e` starts.
pub(super) fn clause_start(words: &Words<'_>, e: usize) -> usize {
    let mut s = e;
    let mut steps = 0;
    while s > 0 && steps < 60 {
        let t = &words.toks[s - 1];
        match t.kind {
            TokKind::Punct(')') | TokKind::Punct(']') => {
                // Skip a bracketed aside as a whole.
                let mut depth = 0;
                while s > 0 {
                    match words.toks[s - 1].kind {
                        TokKind::Punct(')') | TokKind::Punct(']') => depth += 1,
                        TokKind::Punct('(') | TokKind::Punct('[') => depth -= 1,
                        _ => {}
                    }
                    s -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                steps += 1;
                continue;
            }
            TokKind::Punct(';' | ':' | '(' | '[' | '—' | '–' | '-' | '.' | '?' | '!') => break,
            TokKind::Quote(_) => break,
            // "X, who is not a leftist, also writes": a relative clause
            // closed by a comma lies inside the subject.
            TokKind::Word
                if matches!(words.w(s - 1), "who" | "which" | "whose" | "where")
                    && (s..e).any(|j| words.is_punct(j, ',')) => {}
            // Inside an appositive closed by the comma before the verb
            // ("officials, who spoke … because they …, said"), clause words
            // belong to the appositive.
            TokKind::Word
                if is_clause_word(words.w(s - 1)) && e > 0 && words.is_punct(e - 1, ',') => {}
            TokKind::Word if is_clause_word(words.w(s - 1)) => break,
            _ => {}
        }
        s -= 1;
        steps += 1;
    }
    s
}

/// Finds the subject among comma-separated segments `s..e`. With
/// `appositive_mode`, the last segment is an appositive or a name after
/// which a comma closed, so descriptions are skipped backwards.
fn walk_segments(
    words: &Words<'_>,
    s: usize,
    e: usize,
    appositive_mode: bool,
) -> Option<(Who, Range<usize>)> {
    let segs = segments(words, s, e);
    let mut k = segs.len() - 1;
    // "The Department for Culture, Media and Sport said": the subject is
    // an institution's name with commas in it.
    if let Some(found) = listed_institution(words, &segs, k) {
        return Some(found);
    }
    // "Tara Nguyen, who now runs her own restaurant, Wattle & Ash, in
    // Newtown, said": a relative clause with commas of its own; the
    // subject is the name before it.
    if appositive_mode && let Some(found) = name_before_relative(words, &segs) {
        return Some(found);
    }
    let mut appos = Vec::new();
    if appositive_mode {
        while k > 0 {
            // Asides and a state after a town say nothing of the person;
            // an appositive gives a role.
            if is_aside(words, &segs[k])
                || is_place_after_place(words, &segs, k)
                || is_list_tail(words, &segs, k)
            {
            } else if is_appositive(words, &segs[k]) {
                appos.push(segs[k].clone());
            } else {
                break;
            }
            k -= 1;
        }
    }
    // "Her seatmate, a college student who gave his name only as Jerome,
    // said": the name given is the speaker's, whatever the head is.
    if let Some((t, r)) = appos.iter().find_map(|r| {
        let t = words.slice(r.start, r.end);
        name_given_in(t.trim()).map(|_| (t, r.clone()))
    }) {
        let unnamed = Who::Unnamed {
            name: words.slice(segs[k].start, segs[k].end).trim().to_string(),
        };
        let np = words.span(segs[k].start, r.end);
        return Some((super::appositives::apply_appositive(unnamed, t), np));
    }
    let (mut who, np) = match analyze(words, segs[k].clone()) {
        Some(found) => found,
        // "Walter Fisk, the town clerk in Danby Falls, Vermont, says": a
        // description that names nobody, after a name, describes it.
        None if appositive_mode && k > 0 => {
            appos.push(segs[k].clone());
            k -= 1;
            while k > 0 && is_appositive(words, &segs[k]) {
                appos.push(segs[k].clone());
                k -= 1;
            }
            // "A central bank official, speaking on condition of anonymity
            // because …, said": an unnamed source too.
            analyze(words, segs[k].clone())
                .filter(|(w, _)| matches!(w, Who::Person { .. } | Who::Unnamed { .. }))?
        }
        None => return None,
    };
    appos.reverse();
    if k > 0
        && let Some(d) = descriptor(words, &segs[k - 1])
    {
        who = with_role(who, &d, words, &[]);
    }
    let texts: Vec<&str> = appos.iter().map(|r| words.slice(r.start, r.end)).collect();
    Some((with_roles(who, &texts), np))
}

/// Whether segment `seg` holds only capitalised words and "and", with at
/// least one "and" ("Media and Sport", "Climatology and Geophysics
/// Agency").
fn names_and(words: &Words<'_>, seg: &Range<usize>) -> bool {
    let ws: Vec<usize> = (seg.clone()).filter(|&i| words.is_word(i)).collect();
    ws.iter().any(|&i| words.w(i) == "and")
        && ws.iter().all(|&i| words.is_cap(i) || words.w(i) == "and")
}

/// An institution's name that runs over commas to a last segment
/// `segs[k]` of names joined by "and": "the Department for Culture, Media
/// and Sport", "Indonesia's Meteorology, Climatology and Geophysics
/// Agency". The name runs from the capitalised words that end the segment
/// before; it must hold an institution's word.
pub(super) fn listed_institution(
    words: &Words<'_>,
    segs: &[Range<usize>],
    k: usize,
) -> Option<(Who, Range<usize>)> {
    if k == 0 || !names_and(words, &segs[k]) {
        return None;
    }
    let prev = &segs[k - 1];
    let mut a = prev.end;
    while a > prev.start
        && words.is_word(a - 1)
        && (words.is_cap(a - 1)
            || a >= prev.start + 2
                && lexicon::is_name_joiner(words.w(a - 1))
                && words.is_cap(a - 2))
    {
        a -= 1;
    }
    while a < prev.end
        && (lexicon::is_determiner(words.w(a)) || super::is_possessive(words.text(a)))
    {
        a += 1;
    }
    if a >= prev.end {
        return None;
    }
    let org = (a..segs[k].end)
        .filter(|&i| words.is_word(i))
        .find_map(|i| lexicon::org_word(words.text(i)))?;
    let name = words.slice(a, segs[k].end).trim().to_string();
    Some((
        Who::Org {
            name,
            org,
            role: None,
        },
        words.span(a, segs[k].end),
    ))
}

/// "a sociologist who has studied hurricanes Katrina, Ida and Francine,":
/// the end of a list of names begun inside the description before it.
fn is_list_tail(words: &Words<'_>, segs: &[Range<usize>], k: usize) -> bool {
    if k < 2 {
        return false;
    }
    let prev = &segs[k - 1];
    let prev_ws: Vec<usize> = (prev.clone()).filter(|&i| words.is_word(i)).collect();
    names_and(words, &segs[k])
        && prev_ws.len() >= 3
        && prev_ws.last().is_some_and(|&i| words.is_cap(i))
        && !words.is_cap(prev_ws[prev_ws.len() - 2])
}

/// "the town clerk in Danby Falls, Vermont,": a state or country after a
/// segment that ends with a capitalised place.
fn is_place_after_place(words: &Words<'_>, segs: &[Range<usize>], k: usize) -> bool {
    if k == 0 {
        return false;
    }
    let seg = &segs[k];
    let ws: Vec<usize> = (seg.clone()).filter(|&i| words.is_word(i)).collect();
    let short_name = (1..=2).contains(&ws.len()) && ws.iter().all(|&i| words.is_cap(i));
    // The segment before ends with a place after a preposition ("in Danby
    // Falls").
    let prev = &segs[k - 1];
    let mut p = prev.end;
    while p > prev.start && words.is_word(p - 1) && words.is_cap(p - 1) {
        p -= 1;
    }
    if !(short_name && p < prev.end && p > prev.start && words.is_word(p - 1)) {
        return false;
    }
    // "Dr. J. Prabhakaran of the Centre for Public Affairs, Kochi, said":
    // the town of an institution named in the name's own "of" phrase.
    let before = words.w(p - 1);
    let opens_with_name = (prev.clone()).find(|&i| words.is_word(i)).is_some_and(|i| {
        let w = words.w(i);
        words.is_cap(i)
            && !lexicon::is_preposition(w)
            && !lexicon::is_determiner(w)
            && !is_connector(w)
            && !lexicon::is_function_word(w)
    });
    // "the Minister of Education, Halima Bello-Musa, said": a person's
    // name, not a town.
    let given = ws
        .first()
        .is_some_and(|&i| lexicon::given_name_gender(words.w(i)).is_some());
    let name_of = (prev.start + 1..p)
        .any(|i| words.is_word(i) && matches!(words.w(i), "of" | "at") && words.is_cap(i - 1));
    lexicon::is_locative(before)
        || !given
            && (opens_with_name || is_appositive(words, prev))
            && name_of
            && lexicon::is_preposition(before)
}

/// The noun phrase after a cue ("according to X, a professor at Y,").
/// Returns it with the token index after its appositives.
pub(super) fn np_after(words: &Words<'_>, a: usize) -> Option<(Who, Range<usize>, usize)> {
    let mut end = a;
    let mut depth = 0;
    while end < words.toks.len() {
        match words.toks[end].kind {
            TokKind::Punct('(') => depth += 1,
            TokKind::Punct(')') if depth > 0 => depth -= 1,
            TokKind::Punct(')' | ';' | ':' | '.' | '?' | '!' | '—' | '–') if depth == 0 => {
                break;
            }
            TokKind::Quote(_) => break,
            // "…, who asked not to be named": an appositive, read on; so is
            // "a nurse who gave her name only as Jess", which names her.
            TokKind::Word
                if depth == 0
                    && (words.w(end) == "that"
                        || matches!(words.w(end), "who" | "which")
                            && !words.is_punct(end.wrapping_sub(1), ',')
                            && !gives_a_name(words, end)) =>
            {
                break;
            }
            _ => {}
        }
        end += 1;
    }
    let segs = segments(words, a, end);
    if segs.len() >= 2
        && let Some((who, np)) = listed_institution(words, &segs, 1)
    {
        return Some((who, np, segs[1].end));
    }
    let first = analyze(words, segs[0].clone());
    let mut k = 1;
    // "the former ambassador to Russia, Wi Sung Lak", "its director
    // general, Mark Evans", "another neighbor, Tom Reyna": the name comes
    // second.
    let second = match &first {
        None | Some((Who::Anaphor { .. } | Who::Group { .. } | Who::Unnamed { .. }, _)) => segs
            .get(1)
            .and_then(|seg| analyze(words, seg.clone()))
            .filter(|(w, _)| matches!(w, Who::Person { .. })),
        _ => None,
    };
    let (who, np) = match (first, second) {
        (_, Some((w2, np2))) => {
            let role = words.slice(segs[0].start, segs[0].end).to_string();
            let role = role
                .split_whitespace()
                .skip_while(|w| lexicon::is_determiner(&w.to_lowercase()))
                .collect::<Vec<_>>()
                .join(" ");
            k = 2;
            (with_role(w2, &role, words, &[]), np2)
        }
        (Some(f), None) => f,
        (None, None) => return None,
    };
    let mut roles: Vec<String> = Vec::new();
    while k < segs.len() && is_appositive(words, &segs[k]) && !segs[k].is_empty() {
        roles.push(words.slice(segs[k].start, segs[k].end).to_string());
        k += 1;
    }
    // "…, who gave only her first name, Kayla": the name after the clause
    // that gives it, as "who gave her name as Kayla" says it.
    if let (Some(last), Some(seg)) = (roles.last_mut(), segs.get(k))
        && let Some(name) = given_name_segment(words, seg)
        && last
            .split_whitespace()
            .any(|w| lexicon::is_name_giving_word(&w.to_lowercase()))
    {
        *last = format!("{last} as {name}");
        k += 1;
    }
    let after = segs.get(k).map_or(end, |s| s.start);
    let roles: Vec<&str> = roles.iter().map(String::as_str).collect();
    Some((with_roles(who, &roles), np, after))
}

/// The person named in the segment before the first that opens a relative
/// clause ("who", "whose"), if there is such a segment after the first.
fn name_before_relative(words: &Words<'_>, segs: &[Range<usize>]) -> Option<(Who, Range<usize>)> {
    let opens = |seg: &Range<usize>| {
        seg.clone()
            .find(|&k| words.is_word(k))
            .is_some_and(|k| matches!(words.w(k), "who" | "whose"))
    };
    let w = (1..segs.len()).find(|&i| opens(&segs[i]))?;
    // Only when what follows the clause is more than one segment: one is
    // the plain "X, who …, said".
    if segs.len() <= w + 1 {
        return None;
    }
    analyze(words, segs[w - 1].clone()).filter(|(who, _)| matches!(who, Who::Person { .. }))
}

/// Most tokens of a relative clause that gives a name ("who gave her name
/// only as Jess").
const MAX_NAME_CLAUSE_TOKENS: usize = 12;

/// Whether the relative clause at `who` gives the name its person goes by:
/// a name-giving word, then "as" and a capitalised word.
fn gives_a_name(words: &Words<'_>, who: usize) -> bool {
    let end = (who + MAX_NAME_CLAUSE_TOKENS).min(words.toks.len());
    let names = (who + 1..end).any(|k| lexicon::is_name_giving_word(words.w(k)));
    names && (who + 1..end).any(|k| words.w(k) == "as" && words.is_cap(k + 1))
}

/// Most words of a name given on its own after the clause that gives it.
const MAX_GIVEN_NAME_WORDS: usize = 3;

/// A segment of one to three capitalised words and nothing else.
fn given_name_segment<'a>(words: &Words<'a>, seg: &Range<usize>) -> Option<&'a str> {
    let ws: Vec<usize> = seg.clone().filter(|&i| words.is_word(i)).collect();
    let all_cap = ws.iter().all(|&i| words.is_cap(i));
    ((1..=MAX_GIVEN_NAME_WORDS).contains(&ws.len()) && all_cap)
        .then(|| words.slice(ws[0], ws[ws.len() - 1] + 1))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn asides_between_subject_and_verb() {
        assert_eq!(
            first("Mr Sulistyo, for his part, told parliament that it would hold."),
            ("told".into(), "Sulistyo".into())
        );
        assert_eq!(
            first("Analysts, for the most part, expect it to slip."),
            ("expect".into(), "Analysts".into())
        );
        assert_eq!(
            first("Officials in Brussels, speaking on condition of anonymity, said it was bad."),
            ("said".into(), "officials in Brussels".into())
        );
    }
}

//! The other forms of a cue: "according to X", "To X, …", "as X put it",
//! back references ("X made this assessment"), passives ("… was voiced by
//! X"), "… seems doubtful to X" and noun cues ("in X's view", "the opinion
//! of X that …").

use std::ops::Range;

use super::clauses::{clause_start, np_after, subject_before};
use super::np::{analyze, possessor};
use super::{Cue, CueKind, Who, Words, is_clause_word, is_connector, is_possessive};
use crate::import::lexicon::{self, Pronoun};
use crate::import::quotes::Tok;

pub(super) fn is_sentence_start(words: &Words<'_>, i: usize) -> bool {
    let mut j = i;
    while j > 0 {
        let prev = j - 1;
        if words.is_punct(prev, '(') {
            return true;
        }
        if words.is_word(prev) && is_connector(words.w(prev)) || words.is_punct(prev, ',') {
            j -= 1;
            continue;
        }
        return false;
    }
    true
}

/// Fewer words than this after "according to X" ...
const MIN_WORDS_AFTER: usize = 2;
/// ... and at least this many before it: the content is before it.
const MIN_WORDS_BEFORE: usize = 3;

pub(super) fn according(words: &Words<'_>, i: usize) -> Option<Cue> {
    let (who, np, after) = np_after(words, i + 2)?;
    let mut content = after;
    while words.is_punct(content, ',') {
        content += 1;
    }
    let mut cue = Cue::new(
        CueKind::According,
        words.slice(i, i + 2).to_lowercase(),
        i,
        who,
        np,
        content,
    );
    // "Dozens died in the city, according to the mayor.": what it
    // reports comes before it.
    cue.content_before = words.count_words(content, words.toks.len()) < MIN_WORDS_AFTER
        && words.count_words(0, i) >= MIN_WORDS_BEFORE;
    Some(cue)
}

pub(super) fn to_x(words: &Words<'_>, i: usize) -> Option<Cue> {
    if !(words.is_cap(i + 1)
        || lexicon::pronoun(words.w(i + 1)).is_some() && words.is_punct(i + 2, ','))
    {
        return None;
    }
    let (who, np, after) = np_after(words, i + 1)?;
    if !matches!(
        who,
        Who::Person { .. } | Who::Pronoun(Pronoun::He | Pronoun::She)
    ) {
        return None;
    }
    if !words.is_punct(after.saturating_sub(1), ',')
        && !words.toks.get(after).is_some_and(Tok::is_quote)
    {
        return None;
    }
    Some(Cue::new(
        CueKind::To,
        words.text(i).to_lowercase(),
        i,
        who,
        np,
        after,
    ))
}

/// "As he puts it: “…”", "as one analyst put it, …": the speaker is the
/// phrase between "as" and "put it".
pub(super) fn as_put_it(words: &Words<'_>, i: usize) -> Option<Cue> {
    let v = (i + 2..(i + 9).min(words.toks.len()))
        .find(|&k| matches!(words.w(k), "puts" | "put") && words.w(k + 1) == "it")?;
    if (i + 1..v).any(|k| !words.is_word(k)) {
        return None;
    }
    let (who, np) = analyze(words, i + 1..v)?;
    let mut content = v + 2;
    while words.is_punct(content, ',') || words.is_punct(content, ':') {
        content += 1;
    }
    Some(Cue::new(
        CueKind::Verb,
        words.slice(v, v + 2).to_string(),
        i,
        who,
        np,
        content,
    ))
}

/// "made this assessment", "said this", "said so".
pub(super) fn is_backref(words: &Words<'_>, i: usize) -> bool {
    let n1 = words.w(i + 1);
    let n2 = words.w(i + 2);
    if words.w(i) == "said" {
        return matches!(n1, "this" | "so") && !words.is_word(i + 2);
    }
    lexicon::is_backref_determiner(n1) && lexicon::is_backref_noun(n2)
}

pub(super) fn back(words: &Words<'_>, i: usize) -> Option<Cue> {
    let (who, np) = subject_before(words, i)?;
    Some(Cue::new(
        CueKind::Back,
        words.slice(i, (i + 3).min(words.toks.len())).to_string(),
        i,
        who,
        np,
        i + 1,
    ))
}

/// "… was voiced by X", "a statement was made by X".
pub(super) fn passive(words: &Words<'_>, by: usize) -> Option<Cue> {
    let p = by.checked_sub(1)?;
    if !lexicon::is_passive_speech_participle(words.w(p)) {
        return None;
    }
    let mut a = p;
    while a > 0
        && words.is_word(a - 1)
        && lexicon::is_adverb_between(words.w(a - 1))
        && !matches!(words.w(a - 1), "has" | "have" | "had")
    {
        a -= 1;
    }
    let aux = a.checked_sub(1)?;
    if !lexicon::is_be_form(words.w(aux)) {
        return None;
    }
    let (who, np, after) = np_after(words, by + 1)?;
    let subject = words.count_words(clause_start(words, aux), aux);
    if subject == 0 {
        return None;
    }
    Some(Cue {
        kind: CueKind::Passive,
        word: words.slice(p, by + 1).to_string(),
        tok: p,
        who,
        np,
        content_tok: after,
        content_before: true,
        post: false,
        past_speech: false,
    })
}

/// "… seems doubtful (but possible) to X".
pub(super) fn seems(words: &Words<'_>, i: usize) -> Option<Cue> {
    let end = (i + 10).min(words.toks.len());
    let to = (i + 1..end).find(|&j| words.w(j) == "to" && words.is_cap(j + 1))?;
    if (i + 1..to).any(|j| words.toks[j].is_quote() || words.is_punct(j, ',')) {
        return None;
    }
    let (who, np, _) = np_after(words, to + 1)?;
    if !matches!(who, Who::Person { .. }) {
        return None;
    }
    Some(Cue {
        kind: CueKind::Seems,
        word: words.text(i).to_string(),
        tok: i,
        who,
        np,
        content_tok: i + 1,
        content_before: true,
        post: false,
        past_speech: false,
    })
}

/// "in X's view", "from his point of view", "the opinion of X that",
/// "X's statement that".
pub(super) fn noun_cue(words: &Words<'_>, i: usize) -> Option<Cue> {
    let noun_end = statement_noun_end(words, i)?;
    let p = i.checked_sub(1)?;
    if matches!(words.w(p), "the" | "this") && words.w(noun_end) == "of" {
        return of_phrase_cue(words, i, noun_end, p);
    }
    let (who, np, pre) = holder_before(words, p)?;
    let lead = pre.checked_sub(1).map(|j| words.w(j)).unwrap_or("");
    let next = words.w(noun_end);
    let kind = if lexicon::is_view_preposition(lead) {
        CueKind::View
    } else if next == "that"
        || next == "is" && words.w(noun_end + 1) == "that"
        || words.is_punct(noun_end, ':')
    {
        CueKind::Nominal
    } else {
        return None;
    };
    let mut content = noun_end;
    while content < words.toks.len()
        && (matches!(words.w(content), "that" | "is") || words.is_punct(content, ','))
    {
        content += 1;
    }
    Some(Cue {
        kind,
        word: words.slice(i, noun_end).to_string(),
        tok: pre.saturating_sub(1),
        who,
        np,
        content_tok: content,
        content_before: false,
        post: false,
        past_speech: false,
    })
}

/// The token after the statement noun at `i`; "point(s) of view" is one
/// noun, three words long.
fn statement_noun_end(words: &Words<'_>, i: usize) -> Option<usize> {
    if !matches!(words.w(i), "point" | "points") {
        return Some(i + 1);
    }
    (words.w(i + 1) == "of" && words.w(i + 2) == "view").then_some(i + 3)
}

/// The holder of a view, in a possessive ending at token `p`: "X's view",
/// "his view", "the experts’ points of view". Returns who it is, its noun
/// phrase and the token the phrase starts at.
fn holder_before(words: &Words<'_>, p: usize) -> Option<(Who, Range<usize>, usize)> {
    if words.is_word(p)
        && (is_possessive(words.text(p)) || lexicon::is_possessive_pronoun(words.w(p)))
    {
        let s = np_start_before(words, p);
        let (who, np) = possessor(words, s, p)?;
        return Some((who, np, s));
    }
    if words.is_punct(p, '’') || words.is_punct(p, '\'') {
        let q = p.checked_sub(1)?;
        let s = np_start_before(words, q);
        let (who, np) = analyze(words, s..q + 1)?;
        return Some((who, np, s));
    }
    None
}

/// "in the view of X", "the opinion of X that …": the statement noun
/// `i..noun_end` after "the" or "this" (at `p`) and before "of X".
fn of_phrase_cue(words: &Words<'_>, i: usize, noun_end: usize, p: usize) -> Option<Cue> {
    let (who, np, after) = np_after(words, noun_end + 1)?;
    let lead = p.checked_sub(1).map(|j| words.w(j)).unwrap_or("");
    let kind = if lexicon::is_view_preposition(lead) {
        CueKind::View
    } else if words.w(after) == "that"
        || words.is_punct(after, ':')
        || words.toks.get(after).is_some_and(Tok::is_quote)
    {
        CueKind::Nominal
    } else {
        return None;
    };
    let content = if words.w(after) == "that" {
        after + 1
    } else {
        after
    };
    Some(Cue {
        kind,
        word: words.slice(i, noun_end).to_string(),
        tok: p,
        who,
        np,
        content_tok: content,
        content_before: false,
        post: false,
        past_speech: false,
    })
}

/// Where the noun phrase ending at token `p` starts (after a preposition,
/// clause word or punctuation).
fn np_start_before(words: &Words<'_>, p: usize) -> usize {
    let mut s = p;
    while s > 0 {
        let j = s - 1;
        if !words.is_word(j) {
            break;
        }
        let w = words.w(j);
        if lexicon::is_preposition(w)
            || is_clause_word(w)
            || lexicon::verb(w).is_some()
            || lexicon::is_modal(w)
        {
            break;
        }
        s -= 1;
        if matches!(w, "the" | "this" | "a" | "an") {
            break;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn according_to_and_to_x() {
        assert_eq!(
            first("According to Victor Cha, Kim got more than he wanted."),
            ("according to".into(), "Victor Cha".into())
        );
        assert_eq!(
            first("To Patrick Cronin, chair of the division, “it’s clear.”"),
            ("to".into(), "Patrick Cronin".into())
        );
        assert_eq!(cues("To do this, they need money.").len(), 0);
    }

    #[test]
    fn views_and_nominal_cues() {
        assert_eq!(
            first("In Smith’s view, the talks failed."),
            ("view".into(), "Smith".into())
        );
        assert_eq!(
            first("From his point of view, the talks failed."),
            ("point of view".into(), "He".into())
        );
        assert_eq!(
            first("In this author’s view, the talks failed."),
            ("view".into(), "Author".into())
        );
        let c = cues(
            "We note the opinion of Mark Milley, Chairman of the Joint Chiefs, that it hardly matters.",
        );
        assert_eq!(
            (c[1].0.as_str(), name_of(&c[1].1).as_str()),
            ("opinion", "Mark Milley")
        );
    }

    #[test]
    fn relative_clauses_passives_and_back_references() {
        assert_eq!(
            first(
                "IAEA Director General Rafael Grossi, who told the agency that he believes it, is close to this view."
            ),
            ("told".into(), "Rafael Grossi".into())
        );
        assert_eq!(
            first("A similar statement was made by party spokesman Kwon Chil Seung: “No.”"),
            ("made by".into(), "Kwon Chil Seung".into())
        );
        assert_eq!(
            first("Kim Sung-nam, head of the department, made this assessment at the meeting."),
            ("made this assessment".into(), "Kim Sung-nam".into())
        );
        assert_eq!(
            first("So a violation seems doubtful (but possible) to Shinkin; the sides differ."),
            ("seems".into(), "Shinkin".into())
        );
    }

    #[test]
    fn as_someone_puts_it() {
        assert_eq!(
            first("Mr Okonkwo is blunter. As he puts it: “We are short.”"),
            ("puts it".into(), "He".into())
        );
        assert_eq!(
            first("As one analyst put it, the deal is dead."),
            ("put it".into(), "one analyst".into())
        );
        // "as" in other senses is no cue.
        assert!(cues("As the rain fell, it put it out.").is_empty());
    }
}

//! Speech-verb cues: a verb of saying with its subject before it ("Smith
//! said"), after a quotation ("“…,” said Smith"), or an `-ing` form after
//! a sentence's subject ("The bank gave no guidance, saying …").

use std::ops::Range;

use super::clauses::{np_after, subject_before};
use super::np::analyze;
use super::{Cue, CueKind, Who, Words, is_connector, is_possessive};
use crate::import::lexicon::{self};

/// Tokens after a speech verb looked through for the "that" its content
/// starts after ("told the agency on Friday that …").
const THAT_WINDOW_TOKENS: usize = 14;
/// Fewest words after that "that" for it to be a conjunction ("disputed
/// that account" has too few).
const MIN_WORDS_AFTER_THAT: usize = 2;
/// Most words of the object between a verb that needs a particle and a
/// quotation that says what it reports ("called the veto “…”").
const MAX_OBJECT_WORDS: usize = 4;
/// Tokens after a verb that needs a clause looked through for one.
const CLAUSE_WINDOW_TOKENS: usize = 3;

/// The cue of the speech verb `v` at token `i`, with its subject before it
/// or, after a quotation, after it.
pub(super) fn verb(words: &Words<'_>, i: usize, v: lexicon::Verb) -> Option<Cue> {
    // Capitalised: a sentence start or a name, not a reporting verb.
    if words.is_cap(i) {
        return None;
    }
    let mut end = i + 1;
    if !v.particle.is_empty() {
        // "“One metre forty,” she calls": right after a quotation and its
        // speaker, the verb needs no particle to report it.
        let after_quote = i >= 1 && words.toks[i - 1].is_quote()
            || i >= 2
                && words.toks[i - 2].is_quote()
                && lexicon::pronoun(words.w(i - 1)).is_some_and(|p| p != lexicon::Pronoun::Author);
        // "called the veto “a gift to every landlord”": a quotation after
        // a short object says what the verb reports.
        let quote_after_object = (i + 1..(i + 2 + MAX_OBJECT_WORDS).min(words.toks.len()))
            .take_while(|&k| words.is_word(k) || words.toks[k].is_quote())
            .any(|k| k > i + 1 && words.toks[k].is_quote());
        if v.particle.contains(&words.w(i + 1)) {
            end = i + 2;
        } else if !after_quote && !quote_after_object {
            return None;
        }
    }
    if reports_nothing_yet(words, i) || insists_on_doing(words, end) {
        return None;
    }
    let (who, np, content, post) = verb_speaker(words, i, end)?;
    let content_tok = content_start(words, v, content);
    if v.needs_clause && !post && !clause_follows(words, end) {
        return None;
    }
    Some(Cue {
        kind: CueKind::Verb,
        word: words.slice(i, end).to_string(),
        tok: i,
        who,
        np,
        content_tok,
        content_before: false,
        post,
        past_speech: lexicon::is_past_speech(words.w(i)),
    })
}

/// "to say", "would argue", "the claims", "is believed": a verb at token
/// `i` after a modal, a determiner or a form of "be" (past adverbs) reports
/// nothing.
fn reports_nothing_yet(words: &Words<'_>, i: usize) -> bool {
    let mut p = i;
    while p > 0
        && words.is_word(p - 1)
        && lexicon::is_adverb_between(words.w(p - 1))
        && !lexicon::is_do_have_form(words.w(p - 1))
    {
        p -= 1;
    }
    if p > 0 && words.is_word(p - 1) {
        let prev = words.w(p - 1);
        return lexicon::is_modal(prev)
            || lexicon::is_determiner(prev) && !matches!(prev, "that" | "both" | "one")
            || lexicon::is_be_form(prev);
    }
    false
}

/// The speaker of the verb at token `i` (ending at `end`): after a quote,
/// "“…,” said Smith" (inverted) or "“…,” Smith said", else the subject
/// before it. Returns it with its noun phrase, the token its content
/// starts at, and whether the cue follows a quotation.
fn verb_speaker(
    words: &Words<'_>,
    i: usize,
    end: usize,
) -> Option<(Who, Range<usize>, usize, bool)> {
    let mut q = i;
    while q > 0 && words.is_punct(q - 1, ',') {
        q -= 1;
    }
    let after_quote = q > 0 && words.toks[q - 1].is_quote();
    if after_quote && words.is_word(end) && words.w(end) != "that" {
        let (who, np, after) = np_after(words, end)?;
        return Some((who, np, after, true));
    }
    let (who, np) = subject_before(words, i)?;
    // "Three questions will decide …": a plural count does not go with a
    // verb in -s.
    if let Who::Group { name, .. } = &who
        && lexicon::is_quantifier(name)
        && words.w(i).ends_with('s')
    {
        return None;
    }
    // The subject follows a quotation directly: "“…,” Smith said".
    let mut s = words
        .toks
        .iter()
        .position(|t| t.start >= np.start)
        .unwrap_or(i);
    while s > 0 && words.is_punct(s - 1, ',') {
        s -= 1;
    }
    let post = s > 0 && words.toks[s - 1].is_quote();
    Some((who, np, end, post))
}

/// Where the content of the verb `v` starts, from token `content`: "told
/// the agency on Friday that …" starts after "that".
fn content_start(words: &Words<'_>, v: lexicon::Verb, content: usize) -> usize {
    let mut content_tok = content;
    if let Some(t) = (content..(content + THAT_WINDOW_TOKENS).min(words.toks.len()))
        .take_while(|&j| !words.toks[j].is_quote() && !words.is_punct(j, ';'))
        .find(|&j| words.w(j) == "that")
        .filter(|_| matches!(v.lemma, "told" | "tells") || words.w(content) == "that")
    {
        content_tok = t + 1;
    }
    // "disputed that account": "that" is no conjunction when hardly
    // anything follows it.
    if content_tok != content
        && words.count_words(content_tok, words.toks.len()) < MIN_WORDS_AFTER_THAT
    {
        content_tok = content;
    }
    content_tok
}

/// "the governor insists on reading the letters aloud": a speech verb
/// with "on" and an -ing form after it tells what someone does, not says.
fn insists_on_doing(words: &Words<'_>, end: usize) -> bool {
    matches!(words.w(end), "on" | "upon")
        && words.is_word(end + 1)
        && words.w(end + 1).ends_with("ing")
}

/// Whether a clause, a colon or a quotation follows a verb ending at token
/// `end` ("commented that …", "asked whether …").
fn clause_follows(words: &Words<'_>, end: usize) -> bool {
    let window = end..(end + CLAUSE_WINDOW_TOKENS).min(words.toks.len());
    window
        .clone()
        .any(|j| lexicon::is_complement_word(words.w(j)))
        || window
            .into_iter()
            .any(|j| words.toks[j].is_quote() || words.is_punct(j, ':'))
}

/// Whether tokens `a..` report something more (a speech participle, a
/// "that" clause, another quotation), not just describe the scene ("he says,
/// pouring tea").
pub fn reports_more(words: &Words<'_>, a: usize) -> bool {
    (a..words.toks.len()).any(|k| {
        words.toks[k].is_quote()
            || words.is_word(k)
                && (words.w(k) == "that"
                    || lexicon::verb(words.w(k))
                        .is_some_and(|v| v.participle || k > a && words.w(k - 1) == "and"))
    })
}

/// The noun phrase that opens a unit, after connectors and introductory
/// phrases set off by commas: "The bank itself gave no guidance, saying …".
pub(super) fn leading_np(words: &Words<'_>) -> Option<(Who, Range<usize>)> {
    let toks = words.toks;
    let mut a = 0;
    while a < toks.len() && (!words.is_word(a) || is_connector(words.w(a))) {
        a += 1;
    }
    let mut b = a;
    while b < toks.len() && words.is_word(b) {
        let w = words.w(b);
        let noun_like = words.is_cap(b)
            || lexicon::is_determiner(w)
            || w == "of"
            || lexicon::anaphor_noun(w).is_some()
            || lexicon::is_group_noun(w)
            || lexicon::is_role_noun(w)
            || is_possessive(words.text(b));
        if !noun_like || b > a + 8 {
            break;
        }
        b += 1;
    }
    // "The Minister of Education, Dr. Halima Bello-Musa, visited …": the
    // name after the office is whom the sentence opens with.
    if b > a && words.is_punct(b, ',') {
        let c = b + 1;
        let d = (c..(c + MAX_NAME_AFTER_OFFICE_TOKENS).min(toks.len()))
            .find(|&k| words.is_punct(k, ','));
        if let Some(d) = d
            && d > c
            && let Some(found @ (Who::Person { .. }, _)) = analyze(words, c..d)
        {
            return Some(found);
        }
    }
    (b > a).then(|| analyze(words, a..b)).flatten()
}

/// Most tokens of a name between commas after an office opening a sentence.
const MAX_NAME_AFTER_OFFICE_TOKENS: usize = 8;

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn speech_verb_with_subject_before_and_after() {
        assert_eq!(
            first("John Smith said the deal was off."),
            ("said".into(), "John Smith".into())
        );
        assert_eq!(
            first("“It is off,” said Jane Roe, a spokeswoman."),
            ("said".into(), "Jane Roe".into())
        );
        assert_eq!(
            first("“It is off,” Roe told reporters."),
            ("told".into(), "Roe".into())
        );
        assert_eq!(
            first("He also points out that it failed."),
            ("points out".into(), "He".into())
        );
        assert_eq!(cues("Smith was ready to say more.").len(), 0);
        assert_eq!(cues("The claims were false.").len(), 0);
    }
}

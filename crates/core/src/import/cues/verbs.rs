//! Speech-verb cues: a verb of saying with its subject before it ("Smith
//! said"), after a quotation ("“…,” said Smith"), or an `-ing` form after
//! a sentence's subject ("The bank gave no guidance, saying …").

use std::ops::Range;

use super::clauses::{np_after, subject_before};
use super::np::analyze;
use super::{Cue, CueKind, Who, Words, is_connector, is_possessive};
use crate::import::lexicon::{self};

pub(super) fn verb(words: &Words<'_>, i: usize, v: lexicon::Verb) -> Option<Cue> {
    // Capitalised: a sentence start or a name, not a reporting verb.
    if words.is_cap(i) {
        return None;
    }
    let mut end = i + 1;
    if !v.particle.is_empty() {
        if !v.particle.contains(&words.w(i + 1)) {
            return None;
        }
        end = i + 2;
    }
    // "to say", "would argue", "the claims", "is believed".
    let mut p = i;
    while p > 0
        && words.is_word(p - 1)
        && lexicon::is_adverb_between(words.w(p - 1))
        && !matches!(
            words.w(p - 1),
            "has" | "have" | "had" | "did" | "does" | "do"
        )
    {
        p -= 1;
    }
    if p > 0 && words.is_word(p - 1) {
        let prev = words.w(p - 1);
        if lexicon::is_modal(prev)
            || lexicon::is_determiner(prev) && !matches!(prev, "that" | "both" | "one")
            || lexicon::is_be_form(prev)
        {
            return None;
        }
    }
    // After a quote: "“…,” said Smith" (inverted) or "“…,” Smith said".
    let mut q = i;
    while q > 0 && words.is_punct(q - 1, ',') {
        q -= 1;
    }
    let after_quote = q > 0 && words.toks[q - 1].is_quote();
    let (who, np, content, post) = if after_quote && words.is_word(end) && words.w(end) != "that" {
        let (who, np, after) = np_after(words, end)?;
        (who, np, after, true)
    } else {
        let (who, np) = subject_before(words, i)?;
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
        (who, np, end, post)
    };
    let mut content_tok = content;
    // "told the agency on Friday that …": the content starts after "that".
    if let Some(t) = (content..(content + 14).min(words.toks.len()))
        .take_while(|&j| !words.toks[j].is_quote() && !words.is_punct(j, ';'))
        .find(|&j| words.w(j) == "that")
        .filter(|_| matches!(v.lemma, "told" | "tells") || words.w(content) == "that")
    {
        content_tok = t + 1;
    }
    // "disputed that account": "that" is no conjunction when hardly
    // anything follows it.
    if content_tok != content && words.count_words(content_tok, words.toks.len()) < 2 {
        content_tok = content;
    }
    if v.needs_clause && !post {
        let next: Vec<&str> = (end..(end + 3).min(words.toks.len()))
            .map(|j| words.w(j))
            .collect();
        let clause = next
            .iter()
            .any(|w| matches!(*w, "that" | "whether" | "how" | "what" | "why"))
            || (end..(end + 3).min(words.toks.len()))
                .any(|j| words.toks[j].is_quote() || words.is_punct(j, ':'));
        if !clause {
            return None;
        }
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
    (b > a).then(|| analyze(words, a..b)).flatten()
}

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

//! Matching one query term against the words of one field, in memory: the
//! names, roles, affiliations and titles, and the quote text of a shown hit
//! (for its highlighted characters).
//!
//! A typo is judged by the same Levenshtein automaton the index uses for
//! quote text (a prefix automaton, a transposition costing one), so a name
//! and a quote agree on what a term matches.

use std::sync::OnceLock;

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder};

use crate::query::{Atom, Mode, typo_budget};

/// How well a term matched, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quality {
    /// The letters in order, not as words (`jkirby`): names only.
    Subsequence,
    /// A word that starts like the term, with typos.
    Typo,
    /// A word that starts with the term.
    Prefix,
    /// The whole word.
    Exact,
}

fn builder(distance: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if distance <= 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(distance.clamp(1, 2), true))
}

/// One word of a term, ready to compare with words of a text.
pub struct WordMatcher {
    word: String,
    chars: usize,
    dfa: Option<DFA>,
    /// Whether the word has a capital: then (smart case) it matches only
    /// words with a capital, as the index's cased field holds only those.
    capital: bool,
}

impl WordMatcher {
    pub fn new(word: &str, typos: bool) -> WordMatcher {
        let chars = word.chars().count();
        let budget = if typos { typo_budget(chars) } else { 0 };
        let dfa = (budget > 0).then(|| builder(budget).build_prefix_dfa(word));
        WordMatcher {
            word: word.to_string(),
            chars,
            dfa,
            capital: word.chars().any(char::is_uppercase),
        }
    }

    /// How `candidate` (a word of a text, folded the same way) matches, and
    /// how many of its characters to highlight.
    pub fn quality(&self, candidate: &str) -> Option<(Quality, usize)> {
        if candidate == self.word {
            return Some((Quality::Exact, self.chars));
        }
        if candidate.starts_with(&self.word) {
            return Some((Quality::Prefix, self.chars));
        }
        let dfa = self.dfa.as_ref()?;
        if self.capital && !candidate.chars().any(char::is_uppercase) {
            return None;
        }
        match dfa.eval(candidate) {
            Distance::Exact(_) => Some((Quality::Typo, self.chars.min(candidate.chars().count()))),
            Distance::AtLeast(_) => None,
        }
    }

    fn whole(&self, candidate: &str) -> Option<(Quality, usize)> {
        (candidate == self.word).then_some((Quality::Exact, self.chars))
    }

    fn ends(&self, candidate: &str) -> Option<(Quality, usize)> {
        candidate.ends_with(&self.word).then(|| {
            let q = if candidate == self.word {
                Quality::Exact
            } else {
                Quality::Prefix
            };
            (q, self.chars)
        })
    }
}

/// A term ready to match fields: one matcher per word.
pub struct TermMatcher<'a> {
    pub atom: &'a Atom,
    words: Vec<WordMatcher>,
    /// Whether a one-letter term matches only that word (as in quotes).
    letters_whole: bool,
}

/// Where a term matched in a field: how well, and the characters to
/// highlight (offsets into the field's text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldHit {
    pub quality: Quality,
    pub positions: Vec<usize>,
}

impl<'a> TermMatcher<'a> {
    pub fn new(atom: &'a Atom) -> TermMatcher<'a> {
        // A negated term excludes exact matches only (as in fzf).
        let typos = atom.mode == Mode::Fuzzy && !atom.negated;
        TermMatcher {
            atom,
            words: atom
                .words
                .iter()
                .map(|w| WordMatcher::new(w, typos))
                .collect(),
            letters_whole: false,
        }
    }

    /// A matcher for quote text, which matches as the word index does: a
    /// one-letter term only as a whole word.
    pub fn for_quotes(atom: &'a Atom) -> TermMatcher<'a> {
        TermMatcher {
            letters_whole: true,
            ..TermMatcher::new(atom)
        }
    }

    /// The best match of the term in a field whose words (from
    /// [`crate::query::words`], cased or not as the term wants) are `words`.
    pub fn in_words(&self, words: &[(usize, String)]) -> Option<FieldHit> {
        let n = self.words.len();
        if n == 0 || words.len() < n {
            return None;
        }
        let starts: Box<dyn Iterator<Item = usize>> = match self.atom.mode {
            Mode::Start => Box::new(std::iter::once(0)),
            Mode::End => Box::new(std::iter::once(words.len() - n)),
            _ => Box::new(0..=words.len() - n),
        };
        let mut best: Option<FieldHit> = None;
        for start in starts {
            let mut quality = Quality::Exact;
            let mut positions = Vec::new();
            let mut ok = true;
            for (k, m) in self.words.iter().enumerate() {
                let (offset, word) = &words[start + k];
                let first = k == 0;
                let got = if n > 1 {
                    // Several words (`jong-un`, a phrase): whole words in a
                    // row; for `jong-un$`, the first ends with its word.
                    match self.atom.mode {
                        Mode::End if first => m.ends(word),
                        _ => m.whole(word),
                    }
                } else {
                    match self.atom.mode {
                        Mode::Word | Mode::Phrase => m.whole(word),
                        Mode::End => m.ends(word),
                        // In quote text a one-letter term is a whole word.
                        Mode::Fuzzy | Mode::Prefix if self.letters_whole && m.chars == 1 => {
                            m.whole(word)
                        }
                        _ => m.quality(word),
                    }
                };
                let Some((q, len)) = got else {
                    ok = false;
                    break;
                };
                quality = quality.min(q);
                let from = if self.atom.mode == Mode::End && first {
                    offset + word.chars().count() - len
                } else {
                    *offset
                };
                positions.extend(from..from + len);
            }
            if ok && best.as_ref().is_none_or(|b| quality > b.quality) {
                best = Some(FieldHit { quality, positions });
                if quality == Quality::Exact {
                    break;
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{parse, words};

    fn hit(q: &str, text: &str) -> Option<FieldHit> {
        let query = parse(q).unwrap();
        let atom = &query.groups[0].atoms[0];
        TermMatcher::new(atom).in_words(&words(text, atom.cased))
    }

    #[test]
    fn words_not_letters() {
        let h = hit("china", "China's reaction").unwrap();
        assert_eq!(h.quality, Quality::Exact);
        assert_eq!(h.positions, [0, 1, 2, 3, 4]);
        assert_eq!(hit("chin", "Chinese").unwrap().quality, Quality::Prefix);
        // Letters scattered over words are no match.
        assert_eq!(hit("china", "Coordinator for the US National"), None);
    }

    #[test]
    fn typos_by_length() {
        assert_eq!(
            hit("lankof", "Andrei Lankov").unwrap().quality,
            Quality::Typo
        );
        assert_eq!(
            hit("lnakov", "Andrei Lankov").unwrap().quality,
            Quality::Typo
        );
        // Four letters: no typo allowed.
        assert_eq!(hit("kirb", "John Kirby").unwrap().quality, Quality::Prefix);
        assert_eq!(hit("kibr", "John Kirby"), None);
        // Nine letters and more: two.
        assert!(hit("stangarnoe", "Troy Stangarone").is_some());
        // No typos in an exact term.
        assert_eq!(hit("'lankof", "Andrei Lankov"), None);
    }

    #[test]
    fn anchors_phrases_and_whole_words() {
        assert!(hit("^andrei", "Andrei Lankov").is_some());
        assert_eq!(hit("^lankov", "Andrei Lankov"), None);
        let end = hit("kov$", "Andrei Lankov").unwrap();
        assert_eq!(end.positions, [10, 11, 12]);
        assert_eq!(hit("andr$", "Andrei Lankov"), None);
        assert!(hit("'lankov'", "Andrei Lankov").is_some());
        assert_eq!(hit("'lanko'", "Andrei Lankov"), None);
        let p = hit("\"andrei lankov\"", "Andrei Lankov").unwrap();
        assert_eq!(p.positions, [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12]);
        assert_eq!(hit("\"andrei lank\"", "Andrei Lankov"), None);
        assert_eq!(hit("\"lankov andrei\"", "Andrei Lankov"), None);
        assert!(hit("jong-un", "Kim Jong-un").is_some());
        // Smart case.
        assert!(hit("Kim", "Kim Jong-un").is_some());
        // A term with a capital matches words with a capital only, also
        // within its typo budget.
        assert_eq!(hit("Lankov", "lankov"), None);
        assert!(hit("Lankov", "Lamkov").is_some());
        assert_eq!(hit("Kim", "kim jong-un"), None);
    }
}

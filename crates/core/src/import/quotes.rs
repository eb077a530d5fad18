//! Quotation marks, sentences and tokens.
//!
//! [`fragments`] pairs quotation marks into quoted fragments: curly or
//! straight double quotes (single quotes inside them are nested quotes and
//! stay part of the text), or single quotes in an article that opens more
//! quotations with them than with double ones (double ones are then nested). A quote left open at the end of a paragraph runs on into the next
//! paragraph when that one opens with a quotation mark (the usual convention
//! for quotes of several paragraphs: each paragraph's part is then a
//! fragment of its own, closed); otherwise it ends with its paragraph,
//! unclosed.
//! [`units`] groups sentences so that a quote running across sentences stays
//! in one unit. Everything is a single pass over the text.

use std::ops::Range;

use super::layout::{Paragraph, Role};
use super::lexicon;

/// A quoted stretch: `open..close_end` with the marks, `start..end` without.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    pub open: usize,
    pub start: usize,
    pub end: usize,
    pub close_end: usize,
    /// False when the closing mark is missing.
    pub closed: bool,
}

fn is_open_double(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '‟')
}

fn is_close_double(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Whether the text at `at` starts (after blanks) with an opening mark.
fn starts_with_open(text: &str, single: bool) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    let c = text[lead..].chars().next()?;
    let open = if single {
        matches!(c, '‘' | '\'')
    } else {
        is_open_double(c) || c == '"'
    };
    open.then_some(lead)
}

/// Every quoted fragment of the text paragraphs, in order.
pub fn fragments(body: &str, paragraphs: &[Paragraph]) -> Vec<Fragment> {
    let text_paras: Vec<&Paragraph> = paragraphs.iter().filter(|p| p.role == Role::Text).collect();
    let single = single_quotes_primary(text_paras.iter().map(|p| &body[p.range.clone()]));
    let mut out = Vec::new();
    // (position of the opening mark, start of the quoted text)
    let mut open: Option<(usize, usize)> = None;
    for (k, p) in text_paras.iter().enumerate() {
        let base = p.range.start;
        let text = &body[p.range.clone()];
        let mut prev: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = base + i;
            let next = chars.peek().map(|&(_, n)| n);
            let len = c.len_utf8();
            let (opens, closes) = if single {
                single_mark(c, prev, next)
            } else if c == '"' {
                (open.is_none(), open.is_some())
            } else {
                (is_open_double(c), is_close_double(c))
            };
            if opens && open.is_none() {
                open = Some((at, at + len));
            } else if opens && !closes {
                // A second opening mark: the first quote was never closed.
                if let Some((o, s)) = open.take() {
                    push(&mut out, body, o, s, at, at, false);
                }
                open = Some((at, at + len));
            } else if closes && let Some((o, s)) = open.take() {
                push(&mut out, body, o, s, at, at + len, true);
            }
            prev = Some(c);
        }
        if let Some((o, s)) = open {
            // Runs on into the next paragraph if that one opens with a mark.
            let next = text_paras.get(k + 1);
            // Each paragraph's part becomes its own fragment, so that no
            // quote's text holds the next paragraph's opening mark.
            let runs_on =
                next.is_some_and(|n| starts_with_open(&body[n.range.clone()], single).is_some());
            push(&mut out, body, o, s, p.range.end, p.range.end, runs_on);
            open = None;
        }
    }
    out
}

/// Whether the article quotes with single marks: it has no double ones, or
/// more single quotations open than double ones (British style, where
/// double marks are the nested ones: ‘They called it “a hub”,’ he said).
fn single_quotes_primary<'a>(paras: impl Iterator<Item = &'a str>) -> bool {
    let (mut singles, mut doubles, mut straight) = (0usize, 0usize, 0usize);
    for text in paras {
        let mut prev: Option<char> = None;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let next = chars.peek().copied();
            if single_mark(c, prev, next).0 {
                singles += 1;
            } else if is_open_double(c) {
                doubles += 1;
            } else if c == '"' {
                straight += 1;
            }
            prev = Some(c);
        }
    }
    let doubles = doubles + straight.div_ceil(2);
    doubles == 0 || singles > doubles
}

/// For single-quote articles: whether `c` opens or closes a quote, telling
/// apostrophes (it’s, experts’) from marks by their neighbours.
fn single_mark(c: char, prev: Option<char>, next: Option<char>) -> (bool, bool) {
    if c != '‘' && c != '’' && c != '\'' {
        return (false, false);
    }
    let before_blank = prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p));
    let after_word = next.is_some_and(|n| n.is_alphanumeric());
    let after_blank = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)—–".contains(n));
    let before_word = prev.is_some_and(|p| !p.is_whitespace());
    let opens = (c == '‘' || c == '\'') && before_blank && after_word;
    let closes = (c == '’' || c == '\'') && before_word && after_blank;
    (opens, closes)
}

fn push(
    out: &mut Vec<Fragment>,
    body: &str,
    open: usize,
    start: usize,
    end: usize,
    close_end: usize,
    closed: bool,
) {
    let inner = &body[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    if inner.trim().is_empty() {
        return;
    }
    out.push(Fragment {
        open,
        start: start + lead,
        end: end - trail,
        close_end,
        closed,
    });
}

/// The sentences of `range`, as byte ranges without surrounding blanks.
pub fn sentences(body: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let text = &body[range.clone()];
    let base = range.start;
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((pos, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Closing marks and brackets belong to the sentence.
        let mut end = pos + c.len_utf8();
        while let Some(&(p, n)) = iter.peek() {
            if matches!(
                n,
                '”' | '"' | '’' | '\'' | ')' | '»' | '.' | '!' | '?' | '…'
            ) {
                end = p + n.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let mut blank = false;
        while let Some(&(_, n)) = iter.peek() {
            if n.is_whitespace() {
                blank = true;
                iter.next();
            } else {
                break;
            }
        }
        let next = iter.peek().copied();
        let starts_next = next.is_some_and(|(_, n)| {
            n.is_uppercase()
                || n.is_numeric()
                || is_open_double(n)
                || matches!(n, '"' | '‘' | '(' | '[' | '\'')
        });
        let cue_follows = matches!(c, '!' | '?')
            && end > pos + c.len_utf8()
            && next.is_some_and(|(p, _)| cue_clause_follows(&text[p..]));
        if blank && starts_next && !cue_follows && !(c == '.' && is_abbreviation_before(text, pos))
        {
            push_range(&mut out, text, base, start, end);
            start = next.map_or(text.len(), |(p, _)| p);
        }
    }
    push_range(&mut out, text, base, start, text.len());
    out
}

/// Longest attribution clause, in words, that keeps a quotation ending in
/// "?" or "!" in one sentence with its cue ("“Why?” Hart asked.").
const MAX_CUE_CLAUSE_WORDS: usize = 12;

/// Whether `rest` (the text after a quotation that ends in "?" or "!")
/// opens with a short clause holding a speech verb, up to its full stop.
fn cue_clause_follows(rest: &str) -> bool {
    if rest.starts_with(|c: char| is_open_double(c) || matches!(c, '"' | '‘' | '\'')) {
        return false;
    }
    let clause = rest.split(['.', '!', '?', '“', '"']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().collect();
    words.len() <= MAX_CUE_CLAUSE_WORDS
        && words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            lexicon::verb(&w.to_lowercase()).is_some()
        })
}

fn push_range(out: &mut Vec<Range<usize>>, text: &str, base: usize, start: usize, end: usize) {
    let s = &text[start..end];
    if s.trim().is_empty() {
        return;
    }
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    out.push(base + start + lead..base + end - trail);
}

/// Whether the word before the full stop at `dot` is an abbreviation or an
/// initial ("Mr.", "U.S.", "J.").
fn is_abbreviation_before(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    lexicon::is_abbreviation(word)
        || word.contains('.')
        || word.chars().count() == 1 && word.chars().all(char::is_uppercase)
}

/// A sentence, or several joined by a quote that runs across them.
#[derive(Debug, Clone)]
pub struct Unit {
    pub range: Range<usize>,
    /// Index (into all paragraphs) of the paragraph it starts in.
    pub para: usize,
    /// Indices into the fragment list, in order.
    pub fragments: Range<usize>,
    /// Whether it is the first unit of its paragraph.
    pub first_in_para: bool,
}

/// The units of every text paragraph, in order.
pub fn units(body: &str, paragraphs: &[Paragraph], fragments: &[Fragment]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut f = 0;
    // End of a quote that began in an earlier unit and is still open.
    let mut reach = 0;
    for (pi, p) in paragraphs.iter().enumerate() {
        if p.role != Role::Text {
            continue;
        }
        let mut first = true;
        for s in sentences(body, p.range.clone()) {
            if s.start < reach
                && let Some(last) = out.last_mut()
            {
                last.range.end = last.range.end.max(s.end);
            } else {
                let start_f = f;
                out.push(Unit {
                    range: s.clone(),
                    para: pi,
                    fragments: start_f..start_f,
                    first_in_para: first,
                });
            }
            first = false;
            let unit = out.last_mut().expect("a unit was just pushed");
            while f < fragments.len() && fragments[f].open < unit.range.end {
                reach = reach.max(fragments[f].close_end);
                unit.range.end =
                    unit.range
                        .end
                        .max(sentence_end_after(body, p, fragments[f].close_end));
                f += 1;
            }
            unit.fragments.end = f;
        }
    }
    out
}

/// The unit must reach at least the end of a closing mark; if the mark ends
/// beyond the paragraph, the quote ran on and the unit follows it.
fn sentence_end_after(_body: &str, p: &Paragraph, close_end: usize) -> usize {
    if close_end <= p.range.end {
        0
    } else {
        close_end
    }
}

/// A token of a unit: a word, a punctuation mark, or a whole quoted fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct(char),
    /// Index into the fragment list.
    Quote(usize),
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokKind::Quote(_))
    }
}

/// Tokens of `range`, with the fragments `frags` (indices `first..`) as
/// single tokens.
pub fn tokens(
    body: &str,
    range: Range<usize>,
    fragments: &[Fragment],
    frags: Range<usize>,
) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut fi = frags.start;
    let text = &body[..range.end];
    let mut i = range.start;
    while i < range.end {
        if fi < frags.end && fragments[fi].open <= i {
            let f = &fragments[fi];
            out.push(Tok {
                start: f.open,
                end: f.close_end.max(f.end),
                kind: TokKind::Quote(fi),
            });
            i = f.close_end.max(f.end).max(i + 1);
            fi += 1;
            // Skip into a char boundary.
            while i < range.end && !text.is_char_boundary(i) {
                i += 1;
            }
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut j = i;
            let mut it = text[i..].char_indices().peekable();
            while let Some((k, ch)) = it.next() {
                let next = it.peek().map(|&(_, n)| n);
                let joins = matches!(ch, '-' | '’' | '\'' | '.' | '‑' | '&')
                    && next.is_some_and(char::is_alphanumeric);
                if ch.is_alphanumeric() || joins {
                    j = i + k + ch.len_utf8();
                } else {
                    break;
                }
                if fi < frags.end && j >= fragments[fi].open {
                    break;
                }
            }
            // "Ms. Marchetti", "Rep. Worthy", "V. Ganesan": a title's
            // abbreviation or an initial keeps its dot, so that title,
            // initials and name stay one phrase.
            let after_dot = text[j..].strip_prefix('.').unwrap_or("");
            let next_word = after_dot.trim_start();
            let word = &text[start..j];
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if next_word.len() < after_dot.len()
                && (lexicon::is_abbreviation(word) || initial)
                && next_word.chars().next().is_some_and(char::is_uppercase)
            {
                j += 1;
            }
            out.push(Tok {
                start,
                end: j,
                kind: TokKind::Word,
            });
            i = j;
            continue;
        }
        out.push(Tok {
            start: i,
            end: i + c.len_utf8(),
            kind: TokKind::Punct(c),
        });
        i += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::layout::from_text;

    fn frags(text: &str) -> Vec<String> {
        let l = from_text(text);
        fragments(&l.body, &l.paragraphs)
            .iter()
            .map(|f| {
                format!(
                    "{}{}",
                    &l.body[f.start..f.end],
                    if f.closed { "" } else { "…" }
                )
            })
            .collect()
    }

    #[test]
    fn curly_straight_and_nested_quotes() {
        assert_eq!(
            frags("He said “it’s ‘fine’ now.” Then \"no.\""),
            ["it’s ‘fine’ now.", "no."]
        );
    }

    #[test]
    fn unbalanced_marks_end_with_the_paragraph() {
        assert_eq!(
            frags("He said “never closed.\n\nNext one."),
            ["never closed.…"]
        );
        assert_eq!(frags("Stray” mark and “a new” one."), ["a new"]);
        assert_eq!(frags("“First “second”"), ["First…", "second"]);
    }

    #[test]
    fn quotes_running_over_paragraphs() {
        let text = "He said: “One.\n\n“Two.”\n\nAfter.";
        let l = from_text(text);
        let f = fragments(&l.body, &l.paragraphs);
        assert_eq!(f.len(), 2);
        assert!(f[0].closed && f[1].closed);
        assert_eq!(&l.body[f[0].start..f[0].end], "One.");
        assert_eq!(&l.body[f[1].start..f[1].end], "Two.");
        let u = units(&l.body, &l.paragraphs, &f);
        assert_eq!(u.len(), 3);
        assert_eq!(&l.body[u[1].range.clone()], "“Two.”");
    }

    #[test]
    fn single_quotes_when_no_double_ones() {
        assert_eq!(
            frags("The minister said: ‘We won’t go.’ The experts’ view differs."),
            ["We won’t go."]
        );
    }

    #[test]
    fn single_quotes_with_nested_double_ones() {
        assert_eq!(
            frags(
                "‘They called it a \"hub\",’ he said. ‘We won’t.’\n\n\
                 'It is over,' she said."
            ),
            ["They called it a \"hub\",", "We won’t.", "It is over,"]
        );
        // Double quotes stay primary when they open as often.
        assert_eq!(
            frags("He said “it’s ‘fine’.” She said “no ‘way’.”"),
            ["it’s ‘fine’.", "no ‘way’."]
        );
    }

    #[test]
    fn sentences_skip_abbreviations_and_keep_quotes_together() {
        let text = "Mr. Smith met U.S. officials. “Go. Now,” he said. Then it ended.";
        let l = from_text(text);
        let s: Vec<&str> = sentences(&l.body, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            s,
            [
                "Mr. Smith met U.S. officials.",
                "“Go.",
                "Now,” he said.",
                "Then it ended."
            ]
        );
        let f = fragments(&l.body, &l.paragraphs);
        let u: Vec<&str> = units(&l.body, &l.paragraphs, &f)
            .into_iter()
            .map(|u| &text[u.range])
            .collect();
        assert_eq!(
            u,
            [
                "Mr. Smith met U.S. officials.",
                "“Go. Now,” he said.",
                "Then it ended."
            ]
        );
    }

    #[test]
    fn tokens_keep_names_and_quotes_whole() {
        let text = "Kim Jong-un’s aide, “hi there,” said.";
        let l = from_text(text);
        let f = fragments(&l.body, &l.paragraphs);
        let t = tokens(&l.body, 0..text.len(), &f, 0..f.len());
        let shown: Vec<&str> = t.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            shown,
            ["Kim", "Jong-un’s", "aide", ",", "“hi there,”", "said", "."]
        );
    }

    #[test]
    fn a_titles_abbreviation_keeps_its_dot() {
        let text = "Ms. Marchetti met Dr.\nObi and Lt. col. Ray.";
        let t = tokens(text, 0..text.len(), &[], 0..0);
        let shown: Vec<&str> = t.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            shown,
            [
                "Ms.",
                "Marchetti",
                "met",
                "Dr.",
                "Obi",
                "and",
                "Lt",
                ".",
                "col",
                ".",
                "Ray",
                "."
            ]
        );
    }
}

//! Fuzzy search over speakers, categories and quotes.
//!
//! The query is split on white space into terms, and every term must match
//! (like fzf's extended mode); each term is scored by fuzzy-matcher's skim
//! algorithm against the record's fields, with smart case (a term with an
//! upper-case letter matches case-sensitively). Text and query are folded one
//! character for one (`’` → `'`, `é` → `e`) so that typing ASCII finds
//! typographic text while match positions still index the original.
//!
//! Ranking: a speaker or category whose name, alias, affiliation or title
//! contains every term outright comes first, so that typing a person's name
//! puts that person above the quotes that mention them; everything else
//! follows by score.
//!
//! At scale (a million quotes) the quotes are searched so that the scorer
//! sees as little as possible:
//!
//! - a quote whose text and speaker's name lack a character of a term (a
//!   64-bit mask per quote, computed when the index is built) is dropped
//!   with one AND; one in which a term is not a subsequence of a field (an
//!   ASCII case-folded byte scan) never reaches the scorer for that field, so
//!   items that cannot match never allocate;
//! - the rest are scored in parallel, in blocks between which cancellation is
//!   checked, by the scorer's cheapest call that gives the same score (no
//!   match positions; see `Searcher::fuzzy_score`);
//! - only the best `limit` hits are sorted (a selection first) and only they
//!   get their match positions;
//! - [`IncrementalSearcher`] remembers what recent queries matched, and a
//!   query that extends one of them (the user typing on) is searched within
//!   those matches only.
//!
//! None of this changes a result: the scorer decides every match and score
//! exactly as a plain scan would, which the tests check.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::time::{Duration, Instant};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use crate::index::Index;
use crate::text::{fold, fold_char};

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Speaker,
    Category,
    Quote,
}

impl HitKind {
    pub fn label(self) -> &'static str {
        match self {
            HitKind::Speaker => "speaker",
            HitKind::Category => "category",
            HitKind::Quote => "quote",
        }
    }
}

/// Which text of a record matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "field", content = "n")]
pub enum Field {
    /// A speaker's name.
    Name,
    /// The n-th alias of a speaker.
    Alias(usize),
    Role,
    Affiliation,
    /// The n-th alias of a speaker's affiliation.
    AffiliationAlias(usize),
    /// A category's title.
    Title,
    /// A quote's text.
    Text,
    /// The name of a quote's speaker.
    SpeakerName,
}

/// The characters of one field that a query matched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldMatch {
    #[serde(flatten)]
    pub field: Field,
    /// Character (not byte) positions in the field's text, ascending.
    pub positions: Vec<usize>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    /// Position in the index's speakers, categories or quotes.
    pub index: usize,
    pub score: i64,
    /// Whether the name, affiliation or title contains every term outright.
    pub exact: bool,
    /// The fields that matched, with their positions.
    pub matches: Vec<FieldMatch>,
}

impl Hit {
    /// The positions matched in `field`, if it matched.
    pub fn positions(&self, field: Field) -> Option<&[usize]> {
        self.matches
            .iter()
            .find(|m| m.field == field)
            .map(|m| m.positions.as_slice())
    }
}

/// What to search and how many results to keep.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Only this kind of record; all kinds when `None`.
    pub kind: Option<HitKind>,
    /// At most this many hits (all when `None`).
    pub limit: Option<usize>,
}

/// A reusable fuzzy searcher over an [`Index`].
pub struct Searcher {
    matcher: SkimMatcherV2,
}

impl Default for Searcher {
    fn default() -> Self {
        Searcher {
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }
}

impl Searcher {
    /// The skim score of `pattern` in `choice`, with the matched positions
    /// (smart case), the same whatever was scored before.
    ///
    /// fuzzy-matcher 0.3.7's `SkimMatcherV2` keeps its score matrix between
    /// calls (one per thread) and reads one value it has not written yet: the
    /// consecutive-match bonus of the previous cell, when two characters in a
    /// row match. So its scores depend on what that thread scored before, and
    /// a parallel search would rank differently from run to run. Scoring a
    /// one-character string first shrinks the kept matrix to four cells that
    /// the next call resets or never reads, so every other cell starts as in
    /// a new matcher: the score is that of a fresh matcher, without the cost
    /// of one. (The tests compare with fresh matchers.)
    fn fuzzy(&self, choice: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        let _ = self.matcher.fuzzy_indices("a", "a");
        self.matcher.fuzzy_indices(choice, pattern)
    }

    /// The score [`Searcher::fuzzy`] gives (that of a fresh matcher),
    /// without the positions and, where that provably changes nothing,
    /// without the one-character call first or the full matrix.
    ///
    /// Row r (r ≥ 1) of the matrix scores the pattern's r-th character. In
    /// row r the unwritten value is read only where the text has two
    /// characters in a row that both match that character, and it can change
    /// a score only from row 2 on: in row 1 it is added to the score of
    /// matching nothing before, minus infinity. Every other value read was
    /// written earlier in the same call. So:
    ///
    /// - a pattern of one or two characters is scored by `fuzzy_match`, with
    ///   nothing called first. It keeps two rows: row 1, and a row that every call
    ///   resets (the empty pattern's) and that then holds row 2. For longer
    ///   patterns the two rows alternate, row r reads values that row r − 2
    ///   of the same call left, and the score can differ (as the tests show),
    ///   so they keep the full matrix of `fuzzy_indices`;
    /// - a longer pattern is scored without the one-character call when no
    ///   character after its first occurs twice in a row in the text.
    fn fuzzy_score(&self, choice: &str, pattern: &str) -> Option<i64> {
        let mut chars = pattern.chars();
        let Some(first) = chars.next() else {
            return self.matcher.fuzzy_match(choice, pattern);
        };
        if chars.nth(1).is_none() {
            return self.matcher.fuzzy_match(choice, pattern);
        }
        if doubled(choice, &pattern[first.len_utf8()..]) {
            let _ = self.matcher.fuzzy_match("a", "a");
        }
        self.matcher
            .fuzzy_indices(choice, pattern)
            .map(|(score, _)| score)
    }
}

/// Whether `text` may hold two characters in a row that both equal (ASCII
/// case ignored) a character of `chars`: true when it does, and whenever
/// `chars` is not ASCII; may also be true for a pair of ASCII symbols that
/// differ by the case bit (`@@` for a backtick), which costs only the
/// one-character call.
fn doubled(text: &str, chars: &str) -> bool {
    if !chars.is_ascii() {
        return true;
    }
    // `x | 0x20` is the same for two bytes equal ignoring ASCII case, and is
    // at least 0x80 for the bytes of other characters (never in the set).
    let mut set = [false; 256];
    for b in chars.bytes() {
        set[(b | 0x20) as usize] = true;
    }
    let b = text.as_bytes();
    let mut found = false;
    for (&x, &y) in b.iter().zip(b.iter().skip(1)) {
        let x = x | 0x20;
        found |= (x == y | 0x20) & set[x as usize];
    }
    found
}

/// Field weights, in percent: a name counts more than a role.
fn weight(field: Field) -> i64 {
    match field {
        Field::Name | Field::Alias(_) | Field::Title | Field::Text => 100,
        Field::SpeakerName => 80,
        Field::Affiliation | Field::AffiliationAlias(_) => 60,
        Field::Role => 50,
    }
}

/// The outcome of one search: the best hits, and how many matched in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    /// Ranked, at most `Options::limit` of them.
    pub hits: Vec<Hit>,
    /// How many records matched, before the limit.
    pub total: usize,
}

/// How many quotes are searched (in parallel) between two checks for
/// cancellation: a few milliseconds' work at most.
const CANCEL_CHECK_EVERY: usize = 8 * 1024;

/// A match without its positions: all that ranking needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranked {
    pub kind: HitKind,
    pub index: usize,
    pub score: i64,
    pub exact: bool,
}

/// The order of results: outright name matches, then score, then kind and
/// position in the index. A total order, so partial sorting is exact.
fn rank_order(a: &Ranked, b: &Ranked) -> Ordering {
    b.exact
        .cmp(&a.exact)
        .then(b.score.cmp(&a.score))
        .then(a.kind.cmp(&b.kind))
        .then(a.index.cmp(&b.index))
}

/// Every match of a query, ranked, without match positions: what
/// `reactions search` prints when it needs no positions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ranking {
    /// Best first, at most `Options::limit` of them.
    pub ranked: Vec<Ranked>,
    /// How many records matched, before the limit.
    pub total: usize,
}

/// The characters a text contains, as a 64-bit set: a bit per ASCII letter
/// (either case), per digit, 26 bits shared by other ASCII symbols, one for
/// any other character; on the folded text (see [`crate::text::fold`]).
/// A term with a character whose bit a record lacks cannot match it.
pub(crate) fn char_mask(s: &str) -> u64 {
    if s.is_ascii() {
        // Four accumulators, so that the lookups do not wait on each other.
        let mut chunks = s.as_bytes().chunks_exact(4);
        let mut m = [0u64; 4];
        for c in &mut chunks {
            for k in 0..4 {
                m[k] |= BYTE_BITS[c[k] as usize];
            }
        }
        let rest = chunks
            .remainder()
            .iter()
            .fold(0, |acc, &b| acc | BYTE_BITS[b as usize]);
        m[0] | m[1] | m[2] | m[3] | rest
    } else {
        // ASCII bytes by table; only the other characters are decoded.
        let b = s.as_bytes();
        let mut m = 0;
        let mut i = 0;
        while i < b.len() {
            if b[i] < 0x80 {
                m |= BYTE_BITS[b[i] as usize];
                i += 1;
            } else {
                let Some(c) = s[i..].chars().next() else {
                    break;
                };
                m |= char_bit(fold_char(c));
                i += c.len_utf8();
            }
        }
        m
    }
}

/// [`byte_bit`] of every ASCII byte (and 0 for the others, never looked up).
static BYTE_BITS: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = byte_bit(b as u8);
        b += 1;
    }
    t
};

const fn byte_bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'A'..=b'Z' => 1 << (b - b'A'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => 0,
        b => 1 << (36 + b % 26),
    }
}

fn char_bit(c: char) -> u64 {
    if c.is_ascii() {
        byte_bit(c as u8)
    } else {
        1 << 62
    }
}

/// One word of the query, prepared for the prefilter.
struct Term<'q> {
    /// Folded, as the scorer gets it.
    text: &'q str,
    mask: u64,
    /// fuzzy-matcher's smart case: an ASCII upper-case letter.
    case_sensitive: bool,
}

impl<'q> Term<'q> {
    fn new(text: &'q str) -> Self {
        Term {
            text,
            mask: char_mask(text),
            case_sensitive: text.bytes().any(|b| b.is_ascii_uppercase()),
        }
    }

    /// Whether the term is a subsequence of `field` once folded, with the
    /// scorer's notion of equal characters (ASCII case ignored unless the
    /// term is case-sensitive): exactly when the scorer can match the field.
    fn in_field(&self, field: &str) -> bool {
        if field.is_ascii() && self.text.is_ascii() {
            let mut hay = field.as_bytes();
            for &t in self.text.as_bytes() {
                let found = if self.case_sensitive || !t.is_ascii_alphabetic() {
                    memchr::memchr(t, hay)
                } else {
                    memchr::memchr2(t, t.to_ascii_uppercase(), hay)
                };
                match found {
                    Some(k) => hay = &hay[k + 1..],
                    None => return false,
                }
            }
            true
        } else {
            let mut want = self.text.chars().peekable();
            for c in field.chars().map(fold_char) {
                let Some(&p) = want.peek() else { break };
                let equal = if self.case_sensitive {
                    c == p
                } else {
                    c.eq_ignore_ascii_case(&p)
                };
                if equal {
                    want.next();
                }
            }
            want.peek().is_none()
        }
    }
}

impl Term<'_> {
    /// The part of `text` (folded) that can hold a match of the term, cut so
    /// that the skim score is unchanged: from the character before the first
    /// occurrence of the term's first character (whose type sets that
    /// occurrence's bonus) to the last occurrence of its last character.
    /// No alignment uses a character outside it, a character's bonus depends
    /// only on the one before it, and the start-of-text bonus falls on the
    /// kept character before the first occurrence, which cannot match. This
    /// spares the scorer most of the text when the term is rare in it.
    fn window<'t>(&self, text: &'t str) -> &'t str {
        let (Some(first), Some(last)) = (self.text.bytes().next(), self.text.bytes().last()) else {
            return text;
        };
        if !first.is_ascii() || !last.is_ascii() {
            return text;
        }
        let find = |b: u8, hay: &[u8], forward: bool| {
            let other = if self.case_sensitive || !b.is_ascii_alphabetic() {
                b
            } else if b.is_ascii_lowercase() {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            };
            if forward {
                memchr::memchr2(b, other, hay)
            } else {
                memchr::memrchr2(b, other, hay)
            }
        };
        let bytes = text.as_bytes();
        let (Some(start), Some(end)) = (find(first, bytes, true), find(last, bytes, false)) else {
            return text;
        };
        if end < start {
            return text;
        }
        // The character before the first occurrence, if any.
        let mut from = start;
        if from > 0 {
            from -= 1;
            while !text.is_char_boundary(from) {
                from -= 1;
            }
        }
        &text[from..=end]
    }
}

/// How a scan goes beyond a plain search.
#[derive(Default)]
struct How<'w, 'p> {
    /// Search only these quotes (ascending), all others being known not to
    /// match.
    within: Option<&'w [u32]>,
    /// Keep the list of matching quotes (for narrowing the next search).
    keep_quotes: bool,
    /// Send provisional results as the search goes.
    partial: Option<&'w mut Partial<'p>>,
}

/// Where to send provisional results while a search runs, and how often.
struct Partial<'a> {
    every: Duration,
    emit: &'a mut dyn FnMut(Results),
}

/// What one pass over the index found.
struct Scan {
    /// Every match, unordered.
    ranked: Vec<Ranked>,
    /// Speaker and category hits, with positions, by kind and index.
    others: HashMap<(HitKind, usize), Hit>,
    /// The matching quotes, ascending (when asked for).
    quotes: Vec<u32>,
}

impl Searcher {
    /// Ranked hits for `query`; an empty query matches nothing.
    pub fn search(&self, index: &Index, query: &str, options: Options) -> Vec<Hit> {
        self.run(index, query, options, &|| false)
            .map(|r| r.hits)
            .unwrap_or_default()
    }

    /// Like [`Searcher::search`], but gives up (returning `None`) as soon as
    /// `cancelled` returns true, which it is asked every few thousand records
    /// (on the calling thread): a newer query makes an older one pointless.
    pub fn run(
        &self,
        index: &Index,
        query: &str,
        options: Options,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Results> {
        let folded = fold(query);
        let scan = self.scan(index, &folded, options, How::default(), cancelled)?;
        Some(self.results(index, &folded, scan, options))
    }

    /// Every match of `query`, ranked, without match positions (cheaper than
    /// [`Searcher::run`] when there are many and positions are not shown).
    pub fn rank(
        &self,
        index: &Index,
        query: &str,
        options: Options,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Ranking> {
        let folded = fold(query);
        let scan = self.scan(index, &folded, options, How::default(), cancelled)?;
        let total = scan.ranked.len();
        Some(Ranking {
            ranked: top(scan.ranked, options.limit),
            total,
        })
    }

    /// The best hits among the quotes found so far (`best`, the best of
    /// `found` quotes) and the other records, for a search still running.
    fn provisional(
        &self,
        index: &Index,
        folded: &str,
        options: Options,
        best: &[Ranked],
        found: usize,
        scan: &Scan,
    ) -> Results {
        let mut ranked = scan.ranked.clone();
        ranked.extend_from_slice(best);
        let mut results = self.best_hits(index, folded, ranked, &scan.others, options);
        results.total = scan.ranked.len() + found;
        results
    }

    /// The best hits of a scan, with their positions.
    fn results(&self, index: &Index, folded: &str, scan: Scan, options: Options) -> Results {
        self.best_hits(index, folded, scan.ranked, &scan.others, options)
    }

    /// The best `limit` of `ranked`, as hits with positions: quotes scored
    /// again with positions, speakers and categories taken from `others`.
    fn best_hits(
        &self,
        index: &Index,
        folded: &str,
        ranked: Vec<Ranked>,
        others: &HashMap<(HitKind, usize), Hit>,
        options: Options,
    ) -> Results {
        let terms: Vec<&str> = folded.split_whitespace().collect();
        let total = ranked.len();
        let hits = top(ranked, options.limit)
            .into_iter()
            .filter_map(|r| match r.kind {
                HitKind::Quote => {
                    let hit = self.quote_hit(index, r.index, &terms);
                    debug_assert_eq!(
                        hit.as_ref().map(|h| h.score),
                        Some(r.score),
                        "{} {:?}",
                        r.index,
                        terms
                    );
                    hit
                }
                kind => others.get(&(kind, r.index)).cloned(),
            })
            .collect();
        Results { hits, total }
    }

    /// Finds every match of the (folded) query; quotes only among `within`
    /// when given.
    fn scan(
        &self,
        index: &Index,
        folded: &str,
        options: Options,
        how: How<'_, '_>,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Scan> {
        let How {
            within,
            keep_quotes,
            mut partial,
        } = how;
        let terms: Vec<&str> = folded.split_whitespace().collect();
        let mut scan = Scan {
            ranked: Vec::new(),
            others: HashMap::new(),
            quotes: Vec::new(),
        };
        if terms.is_empty() {
            return Some(scan);
        }
        let wants = |k: HitKind| options.kind.is_none_or(|w| w == k);
        let mut others = Vec::new();
        if wants(HitKind::Speaker) {
            for (i, s) in index.speakers().iter().enumerate() {
                if i % 1024 == 0 && cancelled() {
                    return None;
                }
                let d = &s.data;
                let mut fields: Vec<(Field, &str)> = vec![(Field::Name, &d.name)];
                fields.extend(
                    d.aliases
                        .iter()
                        .enumerate()
                        .map(|(n, a)| (Field::Alias(n), a.as_str())),
                );
                if let Some(a) = &d.affiliation {
                    fields.push((Field::Affiliation, a));
                }
                fields.extend(
                    d.affiliation_aliases
                        .iter()
                        .enumerate()
                        .map(|(n, a)| (Field::AffiliationAlias(n), a.as_str())),
                );
                if let Some(r) = &d.role {
                    fields.push((Field::Role, r));
                }
                others
                    .extend(self.score(HitKind::Speaker, i, &terms, &fields, |f| f != Field::Role));
            }
        }
        if wants(HitKind::Category) {
            for (i, c) in index.categories().iter().enumerate() {
                let fields = [(Field::Title, c.data.title.as_str())];
                others.extend(self.score(HitKind::Category, i, &terms, &fields, |_| true));
            }
        }
        for h in others {
            scan.ranked.push(Ranked {
                kind: h.kind,
                index: h.index,
                score: h.score,
                exact: h.exact,
            });
            scan.others.insert((h.kind, h.index), h);
        }
        if wants(HitKind::Quote) {
            let terms: Vec<Term> = terms.iter().map(|t| Term::new(t)).collect();
            // A speaker's name scores the same in each of their quotes: score
            // it once per speaker and term (weighted), not once per quote.
            let names: Vec<Vec<Option<i64>>> = index
                .folded_names
                .par_iter()
                .map(|name| {
                    terms
                        .iter()
                        .map(|t| {
                            t.in_field(name)
                                .then(|| self.fuzzy_score(name, t.text))
                                .flatten()
                                .map(|score| score * weight(Field::SpeakerName) / 100)
                        })
                        .collect()
                })
                .collect();
            let score = |q: usize| {
                self.quote_score(index, q, &terms, &names)
                    .map(|s| (s, q as u32))
            };
            let mut found: Vec<(i64, u32)> = Vec::new();
            let started = Instant::now();
            let mut last_emit = Duration::ZERO;
            // For provisional answers: the best `limit` quotes so far, kept
            // up to date block by block (a selection over the block and them).
            let mut best: Vec<Ranked> = Vec::new();
            let mut seen = 0;
            let mut emit = |found: &[(i64, u32)], scan: &Scan| {
                let (Some(p), Some(k)) = (partial.as_deref_mut(), options.limit) else {
                    return;
                };
                best.extend(found[seen..].iter().map(|&(score, q)| Ranked {
                    kind: HitKind::Quote,
                    index: q as usize,
                    score,
                    exact: false,
                }));
                seen = found.len();
                if best.len() > k.max(1) * 2 {
                    best.select_nth_unstable_by(k.max(1) - 1, rank_order);
                    best.truncate(k.max(1));
                }
                let now = started.elapsed();
                if now >= last_emit + p.every {
                    last_emit = now;
                    let results =
                        self.provisional(index, folded, options, &best, found.len(), scan);
                    (p.emit)(results);
                }
            };
            match within {
                None => {
                    let n = index.quotes().len();
                    for start in (0..n).step_by(CANCEL_CHECK_EVERY) {
                        if cancelled() {
                            return None;
                        }
                        let end = (start + CANCEL_CHECK_EVERY).min(n);
                        let part: Vec<(i64, u32)> = (start..end)
                            .into_par_iter()
                            .with_min_len(512)
                            .filter_map(score)
                            .collect();
                        found.extend(part);
                        emit(&found, &scan);
                    }
                }
                Some(list) => {
                    for block in list.chunks(CANCEL_CHECK_EVERY) {
                        if cancelled() {
                            return None;
                        }
                        let part: Vec<(i64, u32)> = block
                            .par_iter()
                            .with_min_len(512)
                            .filter_map(|&q| score(q as usize))
                            .collect();
                        found.extend(part);
                        emit(&found, &scan);
                    }
                }
            }
            if cancelled() {
                return None;
            }
            if keep_quotes {
                scan.quotes = found.iter().map(|&(_, q)| q).collect();
            }
            scan.ranked.reserve(found.len());
            scan.ranked
                .extend(found.into_iter().map(|(score, q)| Ranked {
                    kind: HitKind::Quote,
                    index: q as usize,
                    score,
                    exact: false,
                }));
        }
        Some(scan)
    }

    /// The score of quote `q`, as [`Searcher::score`] would give it, or
    /// `None`; without allocating unless the quote matches.
    /// `names[speaker][term]` is the weighted score of the term in the
    /// speaker's name.
    fn quote_score(
        &self,
        index: &Index,
        q: usize,
        terms: &[Term],
        names: &[Vec<Option<i64>>],
    ) -> Option<i64> {
        let mask = index.quote_masks[q];
        if terms.iter().any(|t| t.mask & !mask != 0) {
            return None;
        }
        let quote = &index.quotes()[q];
        let name = &names[quote.speaker];
        // Cheap checks for every term first, then the scorer.
        let mut in_text = [false; 8];
        for (i, term) in terms.iter().enumerate() {
            let found = term.in_field(&quote.text);
            if !found && name[i].is_none() {
                return None;
            }
            if let Some(f) = in_text.get_mut(i) {
                *f = found;
            }
        }
        let mut text: Option<Cow<str>> = None;
        let mut total = 0;
        for (i, term) in terms.iter().enumerate() {
            let found = match in_text.get(i) {
                Some(&f) => f,
                None => term.in_field(&quote.text),
            };
            let mut best: Option<i64> = None;
            if found {
                let text = text.get_or_insert_with(|| fold(&quote.text));
                if let Some(score) = self.fuzzy_score(term.window(text), term.text) {
                    best = Some(score * weight(Field::Text) / 100);
                }
            }
            // Ties go to the text, as in `score`.
            if let Some(weighted) = name[i]
                && best.is_none_or(|b| weighted > b)
            {
                best = Some(weighted);
            }
            total += best?;
        }
        Some(total)
    }

    /// The hit for quote `q`, with its match positions.
    fn quote_hit(&self, index: &Index, q: usize, terms: &[&str]) -> Option<Hit> {
        let quote = &index.quotes()[q];
        let fields = [
            (Field::Text, quote.text.as_str()),
            (
                Field::SpeakerName,
                index.speaker(quote.speaker).data.name.as_str(),
            ),
        ];
        self.score(HitKind::Quote, q, terms, &fields, |_| false)
    }

    /// Scores one record: every term must match some field; the record's
    /// score is the sum of each term's best weighted score.
    fn score(
        &self,
        kind: HitKind,
        index: usize,
        terms: &[&str],
        fields: &[(Field, &str)],
        identity: impl Fn(Field) -> bool,
    ) -> Option<Hit> {
        let folded: Vec<(Field, std::borrow::Cow<'_, str>)> =
            fields.iter().map(|(f, t)| (*f, fold(t))).collect();
        let mut total = 0;
        let mut exact = true;
        let mut matches: Vec<FieldMatch> = Vec::new();
        for term in terms {
            let mut best: Option<(i64, Field, Vec<usize>)> = None;
            for (field, text) in &folded {
                if let Some((score, positions)) = self.fuzzy(text, term) {
                    let weighted = score * weight(*field) / 100;
                    if best.as_ref().is_none_or(|b| weighted > b.0) {
                        best = Some((weighted, *field, positions));
                    }
                }
            }
            let (score, field, positions) = best?;
            total += score;
            let lower = term.to_lowercase();
            exact &= folded
                .iter()
                .any(|(f, t)| identity(*f) && t.to_lowercase().contains(&lower));
            match matches.iter_mut().find(|m| m.field == field) {
                Some(m) => {
                    m.positions.extend(positions);
                    m.positions.sort_unstable();
                    m.positions.dedup();
                }
                None => matches.push(FieldMatch { field, positions }),
            }
        }
        Some(Hit {
            kind,
            index,
            score: total,
            exact: exact && kind != HitKind::Quote,
            matches,
        })
    }
}

/// The best `limit` of `ranked`, in order: a selection, then a sort of those
/// only.
fn top(mut ranked: Vec<Ranked>, limit: Option<usize>) -> Vec<Ranked> {
    if let Some(k) = limit
        && k < ranked.len()
    {
        if k == 0 {
            return Vec::new();
        }
        ranked.select_nth_unstable_by(k - 1, rank_order);
        ranked.truncate(k);
    }
    if ranked.len() > 64 * 1024 {
        ranked.par_sort_unstable_by(rank_order);
    } else {
        ranked.sort_unstable_by(rank_order);
    }
    ranked
}

/// Searches with a fresh [`Searcher`].
pub fn search(index: &Index, query: &str, options: Options) -> Vec<Hit> {
    Searcher::default().search(index, query, options)
}

/// How many recent queries an [`IncrementalSearcher`] remembers.
const REMEMBERED: usize = 8;

/// The quotes a finished query matched.
struct Remembered {
    stamp: u64,
    folded: String,
    kind: Option<HitKind>,
    quotes: Vec<u32>,
    /// The results given for it, with the limit asked.
    answer: Option<(Option<usize>, Results)>,
}

/// A [`Searcher`] for a query typed one key at a time: it remembers what the
/// last few queries matched, and searches a query that extends one of them
/// (more letters, more words) within those matches only, since nothing else
/// can match it; a query asked again (erased and typed again) is answered
/// from memory. The results are exactly those of [`Searcher::run`].
///
/// The search worker uses one; a caller that searches the same index over and
/// over can too.
#[derive(Default)]
pub struct IncrementalSearcher {
    searcher: Searcher,
    recent: Vec<Remembered>,
}

impl IncrementalSearcher {
    pub fn new() -> Self {
        Self::default()
    }

    /// Like [`Searcher::run`], narrowing the search when it can.
    pub fn run(
        &mut self,
        index: &Index,
        query: &str,
        options: Options,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Results> {
        self.run_streaming(index, query, options, cancelled, Duration::MAX, &mut |_| {})
    }

    /// Like [`IncrementalSearcher::run`], and while the search runs, calls
    /// `partial` about every `every` with the best hits found so far and how
    /// many matched so far (a provisional answer, for a list that fills in
    /// as the search goes). Only a search with a limit is streamed. The
    /// returned results are final.
    pub fn run_streaming(
        &mut self,
        index: &Index,
        query: &str,
        options: Options,
        cancelled: &dyn Fn() -> bool,
        every: Duration,
        partial: &mut dyn FnMut(Results),
    ) -> Option<Results> {
        let folded = fold(query);
        // The same query again (typed, erased, typed again): its answer.
        if let Some(r) = self.recent.iter().find(|r| {
            r.stamp == index.stamp
                && r.kind == options.kind
                && r.folded == folded.as_ref()
                && r.answer
                    .as_ref()
                    .is_some_and(|(limit, _)| *limit == options.limit)
        }) {
            return r.answer.as_ref().map(|(_, results)| results.clone());
        }
        // The longest remembered query that this one extends.
        let base = self
            .recent
            .iter()
            .filter(|r| {
                r.stamp == index.stamp && r.kind == options.kind && folded.starts_with(&r.folded)
            })
            .max_by_key(|r| r.folded.len());
        let within = base.map(|r| r.quotes.as_slice());
        let mut streaming = Partial {
            every,
            emit: partial,
        };
        let how = How {
            within,
            keep_quotes: true,
            partial: (every < Duration::MAX).then_some(&mut streaming),
        };
        let mut scan = self
            .searcher
            .scan(index, &folded, options, how, cancelled)?;
        let quotes = std::mem::take(&mut scan.quotes);
        let results = self.searcher.results(index, &folded, scan, options);
        if folded.split_whitespace().next().is_some() {
            self.recent.retain(|r| r.folded != folded.as_ref());
            if self.recent.len() >= REMEMBERED {
                self.recent.remove(0);
            }
            self.recent.push(Remembered {
                stamp: index.stamp,
                folded: folded.to_string(),
                kind: options.kind,
                quotes,
                answer: Some((options.limit, results.clone())),
            });
        }
        Some(results)
    }

    /// Forgets every remembered query.
    pub fn clear(&mut self) {
        self.recent.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fresh(choice: &str, pattern: &str) -> Option<i64> {
        SkimMatcherV2::default()
            .smart_case()
            .fuzzy_indices(choice, pattern)
            .map(|(score, _)| score)
    }

    /// Texts and patterns over few characters, so that letters repeat, run
    /// twice in a row, and follow separators and other cases: every bonus
    /// of the skim score comes into play.
    fn stress(len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select("aaabbbAB -./lé".chars().collect::<Vec<_>>()),
            len,
        )
        .prop_map(|c| c.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 100, .. ProptestConfig::default() })]

        /// One searcher scores pair after pair (its matrix kept between
        /// calls, and scrambled by other calls in between), and each score
        /// is that of a fresh matcher.
        #[test]
        fn fuzzy_score_is_a_fresh_matchers_score(
            pairs in prop::collection::vec(
                (stress(0..60), stress(0..7), stress(1..60), stress(1..7), any::<bool>()),
                100..300,
            ),
        ) {
            let searcher = Searcher::default();
            for (choice, pattern, other, other_pattern, full) in &pairs {
                // Leave whatever another call leaves in the matrix.
                if *full {
                    let _ = searcher.matcher.fuzzy_indices(other, other_pattern);
                } else {
                    let _ = searcher.matcher.fuzzy_match(other, other_pattern);
                }
                prop_assert_eq!(
                    searcher.fuzzy_score(choice, pattern),
                    fresh(choice, pattern),
                    "{:?} in {:?}", pattern, choice
                );
                prop_assert_eq!(
                    searcher.fuzzy(choice, pattern).map(|(score, _)| score),
                    fresh(choice, pattern)
                );
            }
        }

        #[test]
        fn doubled_finds_every_run_of_two(text in stress(0..40), chars in stress(0..4)) {
            let t: Vec<char> = text.chars().collect();
            let expected = !chars.is_ascii()
                || t.windows(2).any(|w| {
                    w[0].eq_ignore_ascii_case(&w[1])
                        && chars.chars().any(|c| c.eq_ignore_ascii_case(&w[0]))
                });
            if expected {
                prop_assert!(doubled(&text, &chars));
            }
        }
    }

    /// Why patterns of three characters or more keep the full matrix: with
    /// two alternating rows, even after a reset, the score can differ.
    #[test]
    fn the_two_row_matrix_differs_for_longer_patterns() {
        let choice = "lb   -aab-.A a-aa-Baab -b a.ab.-.a BBBa  bb -l.aabaabAab b";
        let matcher = SkimMatcherV2::default().smart_case();
        let _ = matcher.fuzzy_match("a", "a");
        assert_eq!(matcher.fuzzy_match(choice, "bAA"), Some(15));
        assert_eq!(fresh(choice, "bAA"), Some(11));
        assert_eq!(Searcher::default().fuzzy_score(choice, "bAA"), Some(11));
    }
}

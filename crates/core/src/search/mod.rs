//! Search over speakers, categories and quotes, in one query language
//! ([`query`]: fzf's extended syntax over words, with typo tolerance).
//!
//! - Quotes are found through the word index ([`crate::store`]): a term
//!   matches a word of the quote's text, or of its speaker's name, that
//!   starts with it, with typos by its length; ranked by BM25 with exact
//!   words above prefixes above typos (built by [`crate::store`]); ties in
//!   corpus order.
//! - Speakers (name, aliases, affiliation, role) and categories (title) are
//!   matched in memory by the same rules ([`words`]), and, for names and
//!   titles only, by fuzzy-matcher's subsequence match for abbreviations
//!   (`jkirby`), which also gives the highlighted characters.
//!
//! Ranking, best first: speakers and categories whose every term matched a
//! word exactly or as a prefix; those that needed a typo; quotes; names
//! matched only as a subsequence. Within each, by score, then corpus order.
//! An empty query lists everything in corpus order.

pub use crate::query;
pub mod words;

use std::sync::{Arc, Mutex};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::ids::{CategoryId, QuoteId, SpeakerId};
use crate::index::Index;
use crate::text::{fold, words as text_words};
use query::{Atom, Mode};
pub use query::{Query, QueryError, parse};
use words::{FieldHit, Quality, TermMatcher};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
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

impl Field {
    /// How much a match in this field counts, against another field.
    fn weight(self) -> i64 {
        match self {
            Field::Name | Field::Title => 30,
            Field::Alias(_) => 25,
            Field::Affiliation | Field::AffiliationAlias(_) => 15,
            Field::Role => 5,
            Field::Text | Field::SpeakerName => 0,
        }
    }

    /// Whether a subsequence match (an abbreviation) counts here.
    fn abbreviates(self) -> bool {
        matches!(self, Field::Name | Field::Alias(_) | Field::Title)
    }
}

/// The characters of one field that a query matched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldMatch {
    #[serde(flatten)]
    pub field: Field,
    /// Character (not byte) positions in the field's text, ascending.
    pub positions: Vec<usize>,
}

/// The record a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Speaker(SpeakerId),
    Category(CategoryId),
    Quote(QuoteId),
}

impl Target {
    pub fn kind(self) -> HitKind {
        match self {
            Target::Speaker(_) => HitKind::Speaker,
            Target::Category(_) => HitKind::Category,
            Target::Quote(_) => HitKind::Quote,
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub score: i64,
    /// For a speaker or category: whether every term matched a word of it
    /// exactly or as a prefix (no typo, no abbreviation).
    pub exact: bool,
    /// The fields that matched, with their positions.
    pub matches: Vec<FieldMatch>,
}

impl Hit {
    pub fn kind(&self) -> HitKind {
        self.target.kind()
    }

    /// The quote this hit is, if it is one.
    pub fn quote(&self) -> Option<QuoteId> {
        match self.target {
            Target::Quote(q) => Some(q),
            _ => None,
        }
    }

    /// The speaker this hit is, if it is one.
    pub fn speaker(&self) -> Option<SpeakerId> {
        match self.target {
            Target::Speaker(s) => Some(s),
            _ => None,
        }
    }

    /// The category this hit is, if it is one.
    pub fn category(&self) -> Option<CategoryId> {
        match self.target {
            Target::Category(c) => Some(c),
            _ => None,
        }
    }

    /// The positions matched in `field`, if it matched.
    pub fn positions(&self, field: Field) -> Option<&[usize]> {
        self.matches
            .iter()
            .find(|m| m.field == field)
            .map(|m| m.positions.as_slice())
    }
}

/// What to search and how many results to keep.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Only this kind of record; all kinds when `None`.
    pub kind: Option<HitKind>,
    /// At most this many hits (all when `None`).
    pub limit: Option<usize>,
}

/// The answer to a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// How many records matched in all.
    pub total: usize,
    /// Why the query could not be answered (then nothing matched).
    pub error: Option<SearchError>,
}

/// Why a search has no answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    /// The query cannot be parsed.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// The index could not answer (a damaged index on disk).
    #[error("{0}")]
    Index(String),
}

/// One field of a speaker or category, split into words.
struct NameField {
    field: Field,
    /// Folded, for the subsequence match (positions are the text's).
    folded: String,
    lower: Vec<(usize, String)>,
    /// The words with their case, split when a query first needs them.
    cased: std::sync::OnceLock<Vec<(usize, String)>>,
}

impl NameField {
    fn new(field: Field, text: &str) -> NameField {
        NameField {
            field,
            folded: fold(text).into_owned(),
            lower: text_words(text, false),
            cased: std::sync::OnceLock::new(),
        }
    }
}

/// A speaker or category, ready to match.
struct NameRecord {
    target: Target,
    /// Its place in corpus order, for ties.
    order: usize,
    fields: Vec<NameField>,
}

/// The speakers and categories of one index, split into words once.
struct Names {
    stamp: u64,
    records: Vec<NameRecord>,
}

impl Names {
    fn of(index: &Index) -> Names {
        use rayon::prelude::*;
        let speaker = |(order, &s): (usize, &SpeakerId)| {
            let d = &index.speaker(s).data;
            let mut fields = vec![NameField::new(Field::Name, &d.name)];
            for (n, a) in d.aliases.iter().enumerate() {
                fields.push(NameField::new(Field::Alias(n), a));
            }
            if let Some(a) = &d.affiliation {
                fields.push(NameField::new(Field::Affiliation, a));
            }
            for (n, a) in d.affiliation_aliases.iter().enumerate() {
                fields.push(NameField::new(Field::AffiliationAlias(n), a));
            }
            if let Some(r) = &d.role {
                fields.push(NameField::new(Field::Role, r));
            }
            NameRecord {
                target: Target::Speaker(s),
                order,
                fields,
            }
        };
        // Split into words on every core: a corpus has thousands of names.
        let mut records: Vec<NameRecord> = index
            .speakers_in_order()
            .par_iter()
            .enumerate()
            .with_min_len(512)
            .map(speaker)
            .collect();
        for (order, c) in index.category_ids().enumerate() {
            records.push(NameRecord {
                target: Target::Category(c),
                order,
                fields: vec![NameField::new(Field::Title, &index.category(c).data.title)],
            });
        }
        Names {
            stamp: index.stamp,
            records,
        }
    }
}

/// Where a hit goes in the list: lower first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Band {
    /// A name or title, every term a word or a prefix.
    Names,
    /// A name or title, with a typo.
    Typos,
    Quotes,
    /// A name or title, as an abbreviation only.
    Abbreviations,
}

fn band(quality: Quality) -> Band {
    match quality {
        Quality::Exact | Quality::Prefix => Band::Names,
        Quality::Typo => Band::Typos,
        Quality::Subsequence => Band::Abbreviations,
    }
}

/// A search over an [`Index`]: reusable, it keeps the index's names split
/// into words between queries.
pub struct Searcher {
    matcher: SkimMatcherV2,
    names: Mutex<Option<Arc<Names>>>,
    /// Whether quote hits get their matched characters (a caller that
    /// shows none can skip reading them).
    positions: bool,
}

impl Default for Searcher {
    fn default() -> Self {
        Searcher {
            matcher: SkimMatcherV2::default().smart_case(),
            names: Mutex::new(None),
            positions: true,
        }
    }
}

/// How often the name scan asks whether to give up.
const CANCEL_CHECK_EVERY: usize = 1024;

impl Searcher {
    /// A searcher whose quote hits come without matched characters.
    pub fn without_positions() -> Searcher {
        Searcher {
            positions: false,
            ..Searcher::default()
        }
    }

    /// Ranked hits for `query` (none if it cannot be parsed).
    pub fn search(&self, index: &Index, query: &str, options: Options) -> Vec<Hit> {
        self.run(index, query, options, &|| false)
            .map(|r| r.hits)
            .unwrap_or_default()
    }

    /// The results for `query`, or why it cannot be parsed.
    pub fn try_search(
        &self,
        index: &Index,
        query: &str,
        options: Options,
    ) -> Result<Results, SearchError> {
        let results = self
            .run(index, query, options, &|| false)
            .unwrap_or_default();
        match results.error {
            Some(e) => Err(e),
            None => Ok(results),
        }
    }

    /// Splits the speakers' and categories' names of `index` into words
    /// now, so that the first query does not wait for it (99,959 names of a
    /// 10M corpus take tens of milliseconds).
    pub fn prepare(&self, index: &Index) {
        self.names(index);
    }

    fn names(&self, index: &Index) -> Arc<Names> {
        let mut cached = self.names.lock().unwrap_or_else(|e| e.into_inner());
        match cached.as_ref() {
            Some(n) if n.stamp == index.stamp => Arc::clone(n),
            _ => {
                let n = Arc::new(Names::of(index));
                *cached = Some(Arc::clone(&n));
                n
            }
        }
    }

    /// Like [`Searcher::search`], with a parse error in the results, and
    /// giving up (returning `None`) as soon as `cancelled` returns true.
    pub fn run(
        &self,
        index: &Index,
        query: &str,
        options: Options,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Results> {
        let parsed = match parse(query) {
            Ok(p) => p,
            Err(e) => {
                return Some(Results {
                    error: Some(SearchError::Query(e)),
                    ..Results::default()
                });
            }
        };
        let wants = |k: HitKind| options.kind.is_none_or(|w| w == k);
        let names = self.names(index);
        // (band, -score, kind, order) for speakers and categories.
        let matchers: Vec<Vec<TermMatcher>> = parsed
            .groups
            .iter()
            .map(|g| g.atoms.iter().map(TermMatcher::new).collect())
            .collect();
        // Speakers and categories on every core, in chunks between which a
        // newer query may cancel.
        let gave_up = std::sync::atomic::AtomicBool::new(false);
        let mut named: Vec<((Band, i64, HitKind, usize), Hit)> = {
            use rayon::prelude::*;
            names
                .records
                .par_chunks(CANCEL_CHECK_EVERY)
                .flat_map_iter(|chunk| {
                    if cancelled() {
                        gave_up.store(true, std::sync::atomic::Ordering::Relaxed);
                        return Vec::new().into_iter();
                    }
                    chunk
                        .iter()
                        .filter(|rec| wants(rec.target.kind()))
                        .filter_map(|rec| {
                            let (quality, score, matches) = self.match_record(rec, &matchers)?;
                            let b = if parsed.is_empty() {
                                Band::Names
                            } else {
                                band(quality)
                            };
                            Some((
                                (b, -score, rec.target.kind(), rec.order),
                                Hit {
                                    target: rec.target,
                                    score,
                                    exact: b == Band::Names,
                                    matches,
                                },
                            ))
                        })
                        .collect::<Vec<_>>()
                        .into_iter()
                })
                .collect()
        };
        if gave_up.load(std::sync::atomic::Ordering::Relaxed) {
            return None;
        }
        named.sort_by_key(|(key, _)| *key);
        if cancelled() {
            return None;
        }
        let limit = options.limit;
        let total_named = named.len();
        // Names are never in the quotes' band: those before it, then after.
        let (before, after): (Vec<_>, Vec<_>) =
            named.into_iter().partition(|(k, _)| k.0 < Band::Quotes);
        let room = limit.map(|l| l.saturating_sub(before.len()));
        let (quote_hits, quote_total) = if wants(HitKind::Quote) {
            match self.quotes(index, &parsed, room) {
                Ok(found) => found,
                Err(e) => {
                    return Some(Results {
                        error: Some(SearchError::Index(e.to_string())),
                        ..Results::default()
                    });
                }
            }
        } else {
            (Vec::new(), 0)
        };
        let total = total_named + quote_total;
        let mut hits: Vec<Hit> = before.into_iter().map(|(_, h)| h).collect();
        hits.extend(quote_hits);
        hits.extend(after.into_iter().map(|(_, h)| h));
        if let Some(l) = limit {
            hits.truncate(l);
        }
        Some(Results {
            hits,
            total,
            error: None,
        })
    }

    /// The best `limit` quotes for `parsed`, with positions, and how many
    /// matched.
    fn quotes(
        &self,
        index: &Index,
        parsed: &Query,
        limit: Option<usize>,
    ) -> Result<(Vec<Hit>, usize), crate::store::StoreError> {
        let n = index.quote_total();
        if parsed.is_empty() {
            let k = limit.unwrap_or(n).min(n);
            let hits = (0..k)
                .map(|q| Hit {
                    target: Target::Quote(QuoteId::new(q)),
                    score: 0,
                    exact: false,
                    matches: Vec::new(),
                })
                .collect();
            return Ok((hits, n));
        }
        let store = index.store();
        let (found, total) = store.search(parsed, limit)?;
        let positive: Vec<&Atom> = parsed.positive().collect();
        let matchers: Vec<TermMatcher> = positive
            .iter()
            .map(|a| TermMatcher::for_quotes(a))
            .collect();
        let hits = found
            .into_iter()
            .map(|(score, ord)| {
                let q = QuoteId::from_raw(ord);
                Hit {
                    target: Target::Quote(q),
                    score,
                    exact: false,
                    matches: if self.positions {
                        quote_matches(index, q, &matchers)
                    } else {
                        Vec::new()
                    },
                }
            })
            .collect();
        Ok((hits, total))
    }

    /// Whether a speaker or category matches every group, and then the
    /// weakest quality among its terms, its score and the matched fields.
    fn match_record(
        &self,
        rec: &NameRecord,
        groups: &[Vec<TermMatcher>],
    ) -> Option<(Quality, i64, Vec<FieldMatch>)> {
        let mut worst = Quality::Exact;
        let mut score = 0;
        let mut matches: Vec<FieldMatch> = Vec::new();
        for group in groups {
            let mut best: Option<(Quality, Field, Vec<usize>)> = None;
            let mut holds = false;
            for m in group {
                if m.atom.negated {
                    // A negated term holds where it is not found exactly.
                    holds |= self.best_field(rec, m, false).is_none();
                    continue;
                }
                if let Some(found) = self.best_field(rec, m, true) {
                    holds = true;
                    if best
                        .as_ref()
                        .is_none_or(|b| (found.0, found.1.weight()) > (b.0, b.1.weight()))
                    {
                        best = Some(found);
                    }
                }
            }
            if !holds {
                return None;
            }
            let (quality, field, positions) =
                best.unwrap_or((Quality::Exact, Field::Name, Vec::new()));
            worst = worst.min(quality);
            score += (quality as i64) * 100 + field.weight();
            if !positions.is_empty() {
                match matches.iter_mut().find(|m| m.field == field) {
                    Some(m) => {
                        m.positions.extend(positions);
                        m.positions.sort_unstable();
                        m.positions.dedup();
                    }
                    None => matches.push(FieldMatch { field, positions }),
                }
            }
        }
        Some((worst, score, matches))
    }

    /// The best field of `rec` for one term: by words, else (if `abbreviate`
    /// and the term is a plain one) as a subsequence of a name or title.
    fn best_field(
        &self,
        rec: &NameRecord,
        m: &TermMatcher,
        abbreviate: bool,
    ) -> Option<(Quality, Field, Vec<usize>)> {
        let mut best: Option<(Quality, Field, Vec<usize>)> = None;
        for f in &rec.fields {
            let words = if m.atom.cased {
                f.cased.get_or_init(|| cased_words(&f.folded))
            } else {
                &f.lower
            };
            if let Some(FieldHit { quality, positions }) = m.in_words(words)
                && best
                    .as_ref()
                    .is_none_or(|b| (quality, f.field.weight()) > (b.0, b.1.weight()))
            {
                best = Some((quality, f.field, positions));
            }
        }
        if best.is_some() || !abbreviate || m.atom.mode != Mode::Fuzzy {
            return best;
        }
        let pattern: String = m.atom.words.concat();
        for f in rec.fields.iter().filter(|f| f.field.abbreviates()) {
            if !subsequence(&f.folded, &pattern) {
                continue;
            }
            if let Some((_, positions)) = self.fuzzy(&f.folded, &pattern) {
                // The first letter starts a word: `jkirby`, not `ohnkirby`.
                let starts_word = positions
                    .first()
                    .is_some_and(|p| f.lower.iter().any(|(s, _)| s == p));
                if starts_word && best.is_none() {
                    best = Some((Quality::Subsequence, f.field, positions));
                }
            }
        }
        best
    }

    /// The skim score of `pattern` in `choice`, with the matched positions
    /// (smart case), the same whatever was scored before.
    ///
    /// fuzzy-matcher 0.3.7's `SkimMatcherV2` keeps its score matrix between
    /// calls (one per thread) and reads one value it has not written yet, so
    /// its scores depend on what that thread scored before. Scoring a
    /// one-character string first shrinks the kept matrix to cells that the
    /// next call resets or never reads: the score is a fresh matcher's.
    fn fuzzy(&self, choice: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        let _ = self.matcher.fuzzy_indices("a", "a");
        self.matcher.fuzzy_indices(choice, pattern)
    }
}

/// The words of an already folded text, case kept.
fn cased_words(folded: &str) -> Vec<(usize, String)> {
    text_words(folded, true)
}

/// Whether the letters of `pattern` occur in `text` in order, ignoring
/// ASCII case: true whenever either is not ASCII (the scorer decides
/// then). A cheap test before the subsequence scorer.
fn subsequence(text: &str, pattern: &str) -> bool {
    if !text.is_ascii() || !pattern.is_ascii() {
        return true;
    }
    let mut t = text.bytes();
    pattern
        .bytes()
        .all(|p| t.any(|c| c.eq_ignore_ascii_case(&p)))
}

/// The characters of quote `q`'s text and speaker's name that the terms
/// matched.
fn quote_matches(index: &Index, q: QuoteId, matchers: &[TermMatcher]) -> Vec<FieldMatch> {
    let quote = index.quote(q);
    let name = &index.speaker(quote.speaker).data.name;
    let mut out = Vec::new();
    for (field, text) in [
        (Field::Text, quote.text.as_str()),
        (Field::SpeakerName, name),
    ] {
        let lower = text_words(text, false);
        // Case kept only when a term wants it.
        let cased = if matchers.iter().any(|m| m.atom.cased) {
            text_words(text, true)
        } else {
            Vec::new()
        };
        let mut positions: Vec<usize> = Vec::new();
        for m in matchers {
            let words = if m.atom.cased { &cased } else { &lower };
            // A one-word term: every word it matches is highlighted.
            let single = m.atom.words.len() == 1 && !matches!(m.atom.mode, Mode::Start | Mode::End);
            if single {
                for w in words.chunks(1) {
                    if let Some(h) = m.in_words(w) {
                        positions.extend(h.positions);
                    }
                }
            } else if let Some(h) = m.in_words(words) {
                positions.extend(h.positions);
            }
        }
        positions.sort_unstable();
        positions.dedup();
        if !positions.is_empty() {
            out.push(FieldMatch { field, positions });
        }
    }
    out
}

/// Searches with a fresh [`Searcher`].
pub fn search(index: &Index, query: &str, options: Options) -> Vec<Hit> {
    Searcher::default().search(index, query, options)
}

/// How many answers an [`IncrementalSearcher`] remembers.
const REMEMBERED: usize = 16;

/// A [`Searcher`] for a query typed one key at a time: a query asked again
/// (erased and typed again) is answered from memory.
#[derive(Default)]
pub struct IncrementalSearcher {
    searcher: Searcher,
    recent: Vec<(u64, String, Options, Results)>,
}

impl IncrementalSearcher {
    pub fn new() -> Self {
        Self::default()
    }

    /// See [`Searcher::prepare`].
    pub fn prepare(&self, index: &Index) {
        self.searcher.prepare(index);
    }

    /// Like [`Searcher::run`], from memory when it can.
    pub fn run(
        &mut self,
        index: &Index,
        query: &str,
        options: Options,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Results> {
        if let Some((_, _, _, r)) = self
            .recent
            .iter()
            .find(|(stamp, q, o, _)| *stamp == index.stamp && q == query && *o == options)
        {
            return Some(r.clone());
        }
        let results = self.searcher.run(index, query, options, cancelled)?;
        if self.recent.len() >= REMEMBERED {
            self.recent.remove(0);
        }
        self.recent
            .push((index.stamp, query.to_string(), options, results.clone()));
        Some(results)
    }

    /// Forgets every remembered answer.
    pub fn clear(&mut self) {
        self.recent.clear();
    }
}

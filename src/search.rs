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

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::index::Index;
use crate::text::fold;

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

/// How many records are scored between two checks for cancellation.
const CANCEL_CHECK_EVERY: usize = 1024;

impl Searcher {
    /// Ranked hits for `query`; an empty query matches nothing.
    pub fn search(&self, index: &Index, query: &str, options: Options) -> Vec<Hit> {
        self.run(index, query, options, &|| false)
            .map(|r| r.hits)
            .unwrap_or_default()
    }

    /// Like [`Searcher::search`], but gives up (returning `None`) as soon as
    /// `cancelled` returns true, which it is asked every few hundred records:
    /// a newer query makes an older one pointless.
    pub fn run(
        &self,
        index: &Index,
        query: &str,
        options: Options,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Results> {
        let folded = fold(query);
        let terms: Vec<&str> = folded.split_whitespace().collect();
        if terms.is_empty() {
            return Some(Results::default());
        }
        let wants = |k: HitKind| options.kind.is_none_or(|w| w == k);
        let mut hits = Vec::new();
        if wants(HitKind::Speaker) {
            for (i, s) in index.speakers().iter().enumerate() {
                if i % CANCEL_CHECK_EVERY == 0 && cancelled() {
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
                hits.extend(self.score(HitKind::Speaker, i, &terms, &fields, |f| f != Field::Role));
            }
        }
        if wants(HitKind::Category) {
            for (i, c) in index.categories().iter().enumerate() {
                let fields = [(Field::Title, c.data.title.as_str())];
                hits.extend(self.score(HitKind::Category, i, &terms, &fields, |_| true));
            }
        }
        if wants(HitKind::Quote) {
            for (i, q) in index.quotes().iter().enumerate() {
                if i % CANCEL_CHECK_EVERY == 0 && cancelled() {
                    return None;
                }
                let fields = [
                    (Field::Text, q.text.as_str()),
                    (
                        Field::SpeakerName,
                        index.speaker(q.speaker).data.name.as_str(),
                    ),
                ];
                hits.extend(self.score(HitKind::Quote, i, &terms, &fields, |_| false));
            }
        }
        hits.sort_by(|a, b| {
            b.exact
                .cmp(&a.exact)
                .then(b.score.cmp(&a.score))
                .then(a.kind.cmp(&b.kind))
                .then(a.index.cmp(&b.index))
        });
        let total = hits.len();
        if let Some(limit) = options.limit {
            hits.truncate(limit);
        }
        Some(Results { hits, total })
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
                if let Some((score, positions)) = self.matcher.fuzzy_indices(text, term) {
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

/// Searches with a fresh [`Searcher`].
pub fn search(index: &Index, query: &str, options: Options) -> Vec<Hit> {
    Searcher::default().search(index, query, options)
}

//! The in-memory index: every loaded article, category, speaker and quote,
//! cross-referenced by position, with the look-ups the CLI and the TUI need.
//!
//! The index is immutable once built. Records refer to each other by their
//! typed positions in the vectors ([`crate::ids`]), never by cloned strings,
//! so a quote costs its own text and a few integers.

use std::collections::HashMap;
use std::ops::Range;

use crate::error::{Diagnostic, LoadError, LookupError};
use crate::ids::{ArticleId, CategoryId, QuoteId, SpeakerId};
use crate::model::{Article, Category, Dataset, Quote, QuoteKind, SCHEMA_VERSION, Speaker};
use crate::read::quotebank::Corpus;
use crate::read::{LoadedDataset, Source, validate};
use crate::store::{DocInput, Shards, Store};
use crate::text::{fold, sanitize};

/// An article with its body and paragraph table.
///
/// A corpus of quotations (a Quotebank file) is an article with an empty body:
/// its quotes have no place in a text, their spans are `(0, 0)`, and each is
/// its own context.
#[derive(Debug, Clone)]
pub struct ArticleEntry {
    /// Metadata; `body` and `body_file` are cleared (the body is below).
    pub meta: Article,
    pub body: String,
    /// Paragraphs as character ranges of the body, in order.
    paragraphs: Vec<Paragraph>,
    /// The file it was loaded from.
    pub file: String,
}

#[derive(Debug, Clone, Copy)]
struct Paragraph {
    chars: (usize, usize),
    bytes: (usize, usize),
}

/// A category and the article it belongs to.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CategoryEntry {
    pub article: ArticleId,
    pub data: Category,
}

/// A speaker and the article it belongs to.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SpeakerEntry {
    pub article: ArticleId,
    pub data: Speaker,
}

pub use crate::model::QuoteEntry;

/// Where a quote stands, without its text: what lists, counts and
/// statistics need, kept in memory for every quote (16 bytes each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotePlace {
    pub article: ArticleId,
    pub speaker: SpeakerId,
    pub category: CategoryId,
    /// Index into the index's dates, or [`NO_DATE`].
    pub date: u32,
}

impl QuotePlace {
    /// The place of a quote whose place cannot be read (a damaged file):
    /// the first article, speaker and category, with no date.
    pub const NOWHERE: QuotePlace = QuotePlace {
        article: ArticleId::new(0),
        speaker: SpeakerId::new(0),
        category: CategoryId::new(0),
        date: NO_DATE,
    };
}

/// The date of a quote that has none.
pub const NO_DATE: u32 = u32::MAX;

/// The paragraph(s) of the article around a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context<'a> {
    /// The paragraph text (several paragraphs if the quote spans them).
    pub text: std::borrow::Cow<'a, str>,
    /// Byte range of the quote within `text`.
    pub quote: Range<usize>,
}

/// Everything loaded, cross-referenced.
#[derive(Debug, Clone, Default)]
pub struct Index {
    articles: Vec<ArticleEntry>,
    categories: Vec<CategoryEntry>,
    speakers: Vec<SpeakerEntry>,
    /// The quotes' records, in memory; empty when they are read from the
    /// word index on disk ([`Store::record`]).
    quotes: Vec<QuoteEntry>,
    /// Every quote's place, in corpus order: in memory, or read from disk
    /// on first use (a search needs none).
    places: std::sync::OnceLock<Vec<QuotePlace>>,
    places_from: Option<PlacesReader>,
    /// How many quotes there are.
    quote_count: usize,
    /// The distinct dates of quotes, in order of first use.
    dates: Vec<String>,
    /// Quotes by speaker, category and article, and speakers by category:
    /// computed on first use (opening an index for one search needs none).
    lists: std::sync::OnceLock<Lists>,
    /// Speakers in order of their first quote (then those without quotes).
    speakers_in_order: Vec<SpeakerId>,
    /// The word index of the quotes.
    store: StoreRef,
    /// While building: the speakers of corpora by id, so that one person
    /// quoted in several corpus files is one speaker.
    corpus_speakers: HashMap<String, SpeakerId>,
    /// Tells indexes apart, so that remembered search results are never
    /// applied to another index.
    pub(crate) stamp: u64,
}

/// The word index under an index: shared by its clones; an index with no
/// quotes has an empty one.
#[derive(Debug, Clone)]
struct StoreRef(std::sync::Arc<dyn Store>);

impl Default for StoreRef {
    fn default() -> Self {
        StoreRef(std::sync::Arc::new(Shards::default()))
    }
}

static STAMPS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Index {
    /// Validates `datasets` and builds the index; every problem is reported.
    pub fn build(datasets: Vec<LoadedDataset>) -> Result<Index, LoadError> {
        Index::build_from(datasets.into_iter().map(Source::Dataset).collect())
    }

    /// Validates datasets and corpora and builds the index, articles in the
    /// order given, without a word index (for writing one to disk); every
    /// problem is reported.
    pub(crate) fn build_records(sources: Vec<Source>) -> Result<Index, LoadError> {
        let mut diagnostics: Vec<Diagnostic> = Vec::new();
        let mut seen_articles: HashMap<String, String> = HashMap::new();
        for source in &sources {
            let (file, id) = match source {
                Source::Dataset(d) => {
                    diagnostics.extend(validate(d));
                    (&d.file, &d.dataset.article.id)
                }
                // A corpus is checked line by line as it is read.
                Source::Corpus(c) => (&c.file, &c.article.id),
            };
            if let Some(first) = seen_articles.insert(id.clone(), file.clone()) {
                diagnostics.push(Diagnostic::record(
                    file,
                    "article",
                    id,
                    Some("id"),
                    format!("duplicate article id (also in {first})"),
                ));
            }
        }
        if !diagnostics.is_empty() {
            return Err(LoadError { diagnostics });
        }
        let mut index = Index::default();
        for source in sources {
            match source {
                Source::Dataset(d) => index.add(d),
                Source::Corpus(c) => index.add_corpus(c),
            }
        }
        index.place_quotes();
        index.finish();
        Ok(index)
    }

    /// Validates datasets and corpora and builds the index with its word
    /// index in memory; every problem is reported.
    pub fn build_from(sources: Vec<Source>) -> Result<Index, LoadError> {
        let mut index = Index::build_records(sources)?;
        index.index_words().map_err(|e| LoadError {
            diagnostics: vec![Diagnostic::file("index", e.to_string())],
        })?;
        Ok(index)
    }

    /// Adds a corpus read by [`crate::read::quotebank`], whose text is clean already.
    fn add_corpus(&mut self, corpus: Corpus) {
        let Corpus {
            file,
            article,
            categories,
            speakers,
            mut quotes,
            skipped: _,
        } = corpus;
        let a = ArticleId::new(self.articles.len());
        let c0 = self.categories.len();
        let mut meta = article;
        clean_article(&mut meta);
        self.articles.push(ArticleEntry {
            meta,
            body: String::new(),
            paragraphs: Vec::new(),
            file,
        });
        self.categories.extend(
            categories
                .into_iter()
                .map(|data| CategoryEntry { article: a, data }),
        );
        // A person quoted in several files of a corpus (a year each) is one
        // speaker: the first file's, found again by their id (a Wikidata
        // id, or the name for speakers without one).
        let map: Vec<SpeakerId> = speakers
            .into_iter()
            .map(|data| match self.corpus_speakers.get(&data.id) {
                Some(&s) => s,
                None => {
                    let s = SpeakerId::new(self.speakers.len());
                    self.corpus_speakers.insert(data.id.clone(), s);
                    self.speakers.push(SpeakerEntry { article: a, data });
                    s
                }
            })
            .collect();
        for q in &mut quotes {
            q.article = a;
            q.speaker = map[q.speaker.get()];
            q.category = CategoryId::new(q.category.get() + c0);
        }
        if self.quotes.is_empty() {
            self.quotes = quotes;
        } else {
            self.quotes.append(&mut quotes);
        }
    }

    /// Adds one validated dataset, sanitising all text on the way in.
    fn add(&mut self, loaded: LoadedDataset) {
        let LoadedDataset {
            file,
            dataset,
            body,
        } = loaded;
        let a = ArticleId::new(self.articles.len());
        let body = sanitize(&body, true).into_owned();
        let paragraphs = paragraphs(&body);
        let mut meta = dataset.article;
        meta.body = None;
        meta.body_file = None;
        clean_article(&mut meta);
        self.articles.push(ArticleEntry {
            meta,
            body,
            paragraphs,
            file,
        });

        let mut cat_ix = HashMap::new();
        for mut c in dataset.categories {
            clean(&mut c.title);
            clean(&mut c.summary);
            cat_ix.insert(c.id.clone(), CategoryId::new(self.categories.len()));
            self.categories.push(CategoryEntry {
                article: a,
                data: c,
            });
        }
        let mut spk_ix = HashMap::new();
        for mut s in dataset.speakers {
            clean_speaker(&mut s);
            spk_ix.insert(s.id.clone(), SpeakerId::new(self.speakers.len()));
            self.speakers.push(SpeakerEntry {
                article: a,
                data: s,
            });
        }
        for q in dataset.quotes {
            // Validation guarantees both references exist.
            let (Some(&speaker), Some(&category)) =
                (spk_ix.get(&q.speaker), cat_ix.get(&q.category))
            else {
                continue;
            };
            let text = sanitize(&q.text, true).into_owned();
            self.quotes.push(QuoteEntry {
                article: a,
                speaker,
                category,
                id: q.id,
                kind: q.kind,
                text,
                span: (q.span[0], q.span[1]),
                date: q.date,
                note: q.note.map(|n| sanitize(&n, false).into_owned()),
                cue: q.cue.map(|n| sanitize(&n, false).into_owned()),
                confidence: q.confidence,
                url: q.url.map(|n| sanitize(&n, false).into_owned()),
            });
        }
    }

    /// Every quote's place, from the records in memory.
    fn place_quotes(&mut self) {
        let mut dates: HashMap<String, u32> = HashMap::new();
        let mut list = Vec::new();
        self.quote_count = self.quotes.len();
        let places: Vec<QuotePlace> = self
            .quotes
            .iter()
            .map(|q| QuotePlace {
                article: q.article,
                speaker: q.speaker,
                category: q.category,
                date: match &q.date {
                    None => NO_DATE,
                    Some(d) => *dates.entry(d.clone()).or_insert_with(|| {
                        list.push(d.clone());
                        (list.len() - 1) as u32
                    }),
                },
            })
            .collect();
        self.places = std::sync::OnceLock::from(places);
        self.dates = list;
    }

    /// Builds an index from its parts as stored on disk: records are read
    /// from `store` when shown.
    pub(crate) fn from_parts(parts: Parts) -> Index {
        let Parts {
            articles,
            categories,
            speakers,
            places,
            quote_count,
            speakers_in_order,
            dates,
            store,
        } = parts;
        let articles = articles
            .into_iter()
            .map(|(meta, body, file)| ArticleEntry {
                paragraphs: paragraphs(&body),
                meta,
                body,
                file,
            })
            .collect();
        let mut index = Index {
            articles,
            categories,
            speakers,
            places_from: Some(places),
            quote_count,
            dates,
            store: StoreRef(std::sync::Arc::new(store)),
            ..Index::default()
        };
        index.finish();
        if speakers_in_order.len() == index.speakers.len() {
            index.speakers_in_order = speakers_in_order;
        }
        index
    }

    /// Every quote's place, in corpus order.
    pub fn places(&self) -> &[QuotePlace] {
        self.places.get_or_init(|| match &self.places_from {
            Some(reader) => (reader.0)(),
            None => Vec::new(),
        })
    }

    /// The distinct dates quotes carry ([`QuotePlace::date`] indexes them).
    pub fn dates(&self) -> &[String] {
        &self.dates
    }

    fn finish(&mut self) {
        // Categories are shown by article, then by their declared order.
        let mut order: Vec<usize> = (0..self.categories.len()).collect();
        order.sort_by_key(|&c| {
            let entry = &self.categories[c];
            (entry.article, entry.data.order, c)
        });
        if order.iter().enumerate().any(|(i, &c)| i != c) {
            self.reorder_categories(&order);
        }
        let mut seen = vec![false; self.speakers.len()];
        let mut in_order = Vec::new();
        // (An index on disk keeps this order: see `from_parts`.)
        let places = if self.places_from.is_some() {
            &[][..]
        } else {
            self.places()
        };
        for p in places {
            if !seen[p.speaker.get()] {
                seen[p.speaker.get()] = true;
                in_order.push(p.speaker);
            }
        }
        in_order.extend(
            (0..self.speakers.len())
                .filter(|s| !seen[*s])
                .map(SpeakerId::new),
        );
        self.speakers_in_order = in_order;
        self.lists = std::sync::OnceLock::new();
        self.corpus_speakers = HashMap::new();
        self.stamp = STAMPS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    fn lists(&self) -> &Lists {
        self.lists.get_or_init(|| Lists::of(self))
    }

    /// Each speaker's name and aliases, by speaker: what the word index
    /// indexes beside each quote.
    pub fn speaker_names(&self) -> Vec<Vec<&str>> {
        self.speakers
            .iter()
            .map(|s| {
                std::iter::once(s.data.name.as_str())
                    .chain(s.data.aliases.iter().map(String::as_str))
                    .collect()
            })
            .collect()
    }

    /// Indexes every quote's words (with its speaker's names), in memory.
    fn index_words(&mut self) -> Result<(), crate::store::StoreError> {
        let names = self.speaker_names();
        let mut shards = Vec::new();
        for (first, count, _) in self.shard_ranges() {
            let range = first as usize..(first + count) as usize;
            let docs = self.quotes[range.clone()]
                .iter()
                .zip(range)
                .map(|(q, i)| DocInput {
                    ord: i as u32,
                    id: &q.id,
                    text: &q.text,
                    speaker: &names[q.speaker.get()],
                });
            shards.push(Shards::shard_in_memory(docs, count as usize)?);
        }
        self.store = StoreRef(std::sync::Arc::new(Shards::new(shards)));
        Ok(())
    }

    /// The shards of the word index: one per input file, whose quotes
    /// follow each other in corpus order, as `(first quote, quotes, file)`.
    pub fn shard_ranges(&self) -> Vec<(u32, u32, String)> {
        let mut ranges: Vec<(u32, u32, String)> = Vec::new();
        for (q, p) in self.places().iter().enumerate() {
            let file = &self.articles[p.article.get()].file;
            match ranges.last_mut() {
                Some((_, n, f)) if f == file => *n += 1,
                _ => ranges.push((q as u32, 1, file.clone())),
            }
        }
        ranges
    }

    /// The word index of the quotes.
    pub fn store(&self) -> &dyn Store {
        self.store.0.as_ref()
    }

    /// How many quotes there are.
    pub fn quote_total(&self) -> usize {
        self.quote_count
    }

    fn reorder_categories(&mut self, order: &[usize]) {
        let mut new_pos = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_pos[old] = new;
        }
        self.categories = order.iter().map(|&c| self.categories[c].clone()).collect();
        for q in &mut self.quotes {
            q.category = CategoryId::new(new_pos[q.category.get()]);
        }
        let _ = self.places();
        if let Some(places) = self.places.get_mut() {
            for p in places {
                p.category = CategoryId::new(new_pos[p.category.get()]);
            }
        }
    }

    pub fn articles(&self) -> &[ArticleEntry] {
        &self.articles
    }
    /// Categories in display order (by article, then `order`).
    pub fn categories(&self) -> &[CategoryEntry] {
        &self.categories
    }
    pub fn speakers(&self) -> &[SpeakerEntry] {
        &self.speakers
    }
    pub fn article(&self, a: ArticleId) -> &ArticleEntry {
        &self.articles[a.get()]
    }
    pub fn category(&self, c: CategoryId) -> &CategoryEntry {
        &self.categories[c.get()]
    }
    pub fn speaker(&self, s: SpeakerId) -> &SpeakerEntry {
        &self.speakers[s.get()]
    }
    /// Every article's id, in order.
    pub fn article_ids(&self) -> impl ExactSizeIterator<Item = ArticleId> + use<> {
        (0..self.articles.len()).map(ArticleId::new)
    }
    /// Every category's id, in display order.
    pub fn category_ids(&self) -> impl ExactSizeIterator<Item = CategoryId> + use<> {
        (0..self.categories.len()).map(CategoryId::new)
    }
    /// Every speaker's id, in the order they were loaded.
    pub fn speaker_ids(&self) -> impl ExactSizeIterator<Item = SpeakerId> + use<> {
        (0..self.speakers.len()).map(SpeakerId::new)
    }
    /// Every quote's id, in corpus order.
    pub fn quote_ids(&self) -> impl ExactSizeIterator<Item = QuoteId> + use<> {
        (0..self.quote_count).map(QuoteId::new)
    }
    /// Quote `q`'s record: from memory, or read from the index on disk.
    /// A record the index cannot give back (a damaged file) comes back
    /// with a text that says so.
    pub fn quote(&self, q: QuoteId) -> std::borrow::Cow<'_, QuoteEntry> {
        if let Some(entry) = self.quotes.get(q.get()) {
            return std::borrow::Cow::Borrowed(entry);
        }
        let stored = self
            .store()
            .record(q.raw())
            .and_then(|bytes| serde_json::from_slice::<QuoteEntry>(&bytes).ok());
        let mut entry = stored.unwrap_or_else(|| QuoteEntry {
            article: ArticleId::default(),
            speaker: SpeakerId::default(),
            category: CategoryId::default(),
            id: format!("q{q}"),
            kind: QuoteKind::Direct,
            text: "(this quote cannot be read from the index: rebuild it with `reactions index`)"
                .into(),
            span: (0, 0),
            date: None,
            note: None,
            cue: None,
            confidence: None,
            url: None,
        });
        // A record that does not fit this index (a damaged file) is shown
        // under the first article, speaker and category, never out of bounds.
        if entry.article.get() >= self.articles.len()
            || entry.speaker.get() >= self.speakers.len()
            || entry.category.get() >= self.categories.len()
        {
            entry.article = ArticleId::default();
            entry.speaker = SpeakerId::default();
            entry.category = CategoryId::default();
        }
        std::borrow::Cow::Owned(entry)
    }

    /// Where quote `q` stands: its article, speaker and category.
    pub fn place(&self, q: QuoteId) -> QuotePlace {
        self.places()[q.get()]
    }

    /// The speaker of quote `q`.
    pub fn quote_speaker(&self, q: QuoteId) -> SpeakerId {
        self.place(q).speaker
    }

    /// The category of quote `q`.
    pub fn quote_category(&self, q: QuoteId) -> CategoryId {
        self.place(q).category
    }

    /// The date of quote `q`, as written in the source.
    pub fn quote_date(&self, q: QuoteId) -> Option<&str> {
        self.dates
            .get(self.place(q).date as usize)
            .map(String::as_str)
    }

    /// Quotes of a speaker, in article order.
    pub fn quotes_by_speaker(&self, s: SpeakerId) -> &[QuoteId] {
        &self.lists().by_speaker[s.get()]
    }
    /// How many quotes speaker `s` has in category `c`, or in all for
    /// `None`: the count the Experts pane and `reactions speakers` show.
    pub fn quote_count(&self, s: SpeakerId, c: Option<CategoryId>) -> usize {
        match c {
            None => self.quotes_by_speaker(s).len(),
            Some(c) => self
                .quotes_by_speaker(s)
                .iter()
                .filter(|&&q| self.place(q).category == c)
                .count(),
        }
    }
    /// Quotes of a category, in article order.
    pub fn quotes_by_category(&self, c: CategoryId) -> &[QuoteId] {
        &self.lists().by_category[c.get()]
    }
    /// Quotes of an article, in article order.
    pub fn quotes_by_article(&self, a: ArticleId) -> &[QuoteId] {
        &self.lists().by_article[a.get()]
    }
    /// Speakers quoted in a category, in order of their first quote there.
    pub fn speakers_by_category(&self, c: CategoryId) -> &[SpeakerId] {
        &self.lists().speakers_of_category[c.get()]
    }
    /// All speakers, in order of their first quote.
    pub fn speakers_in_order(&self) -> &[SpeakerId] {
        &self.speakers_in_order
    }

    /// `article/local` id of a quote.
    pub fn quote_id(&self, q: QuoteId) -> String {
        let entry = self.quote(q);
        format!("{}/{}", self.article(entry.article).meta.id, entry.id)
    }
    /// `article/local` id of a speaker.
    pub fn speaker_id(&self, s: SpeakerId) -> String {
        let s = self.speaker(s);
        format!("{}/{}", self.article(s.article).meta.id, s.data.id)
    }
    /// `article/local` id of a category.
    pub fn category_id(&self, c: CategoryId) -> String {
        let c = self.category(c);
        format!("{}/{}", self.article(c.article).meta.id, c.data.id)
    }

    /// Finds a quote by `article/id`, or by its local id where unambiguous.
    pub fn find_quote(&self, id: &str) -> Result<QuoteId, LookupError> {
        let (article, local) = match id.split_once('/') {
            Some((a, l)) => (Some(a), l),
            None => (None, id),
        };
        let hits: Vec<QuoteId> = self
            .store()
            .ords_with_id(local)
            .into_iter()
            .map(QuoteId::from_raw)
            .filter(|&q| {
                q.get() < self.quote_count
                    && article.is_none_or(|a| self.article(self.quote(q).article).meta.id == a)
            })
            .collect();
        self.one_of("quote", id, hits, |q| self.quote_id(q))
    }

    /// Finds a category by id (full or local) or, failing that, its title.
    pub fn find_category(&self, key: &str) -> Result<CategoryId, LookupError> {
        self.find_by_id("category", key, self.category_ids(), |c| {
            let entry = self.category(c);
            (entry.article, entry.data.id.as_str())
        })
        .or_else(|e| {
            let wanted = normalize(key);
            let hits: Vec<CategoryId> = self
                .category_ids()
                .filter(|&c| normalize(&self.category(c).data.title) == wanted)
                .collect();
            self.one_of("category", key, hits, |c| self.category_id(c))
                .map_err(|_| e)
        })
    }

    /// Finds a speaker by id, by name or alias (any case, accents ignored),
    /// or by a part of the name that only one speaker has ("lankov").
    pub fn find_speaker(&self, key: &str) -> Result<SpeakerId, LookupError> {
        if let Ok(s) = self.find_by_id("speaker", key, self.speaker_ids(), |s| {
            let entry = self.speaker(s);
            (entry.article, entry.data.id.as_str())
        }) {
            return Ok(s);
        }
        let wanted = normalize(key);
        let names = |s: SpeakerId| {
            let d = &self.speaker(s).data;
            std::iter::once(&d.name)
                .chain(d.aliases.iter())
                .map(|n| normalize(n))
        };
        let exact: Vec<SpeakerId> = self
            .speaker_ids()
            .filter(|&s| names(s).any(|n| n == wanted))
            .collect();
        if !exact.is_empty() {
            return self.one_of("speaker", key, exact, |s| self.speaker_id(s));
        }
        let partial: Vec<SpeakerId> = self
            .speaker_ids()
            .filter(|&s| !wanted.is_empty() && names(s).any(|n| n.contains(&wanted)))
            .collect();
        self.one_of("speaker", key, partial, |s| self.speaker_id(s))
    }

    fn find_by_id<'a, I: Copy>(
        &'a self,
        kind: &'static str,
        id: &str,
        all: impl Iterator<Item = I>,
        key: impl Fn(I) -> (ArticleId, &'a str),
    ) -> Result<I, LookupError> {
        let hits: Vec<I> = match id.split_once('/') {
            Some((article, local)) => all
                .filter(|&i| {
                    let (a, l) = key(i);
                    l == local && self.article(a).meta.id == article
                })
                .collect(),
            None => all.filter(|&i| key(i).1 == id).collect(),
        };
        self.one_of(kind, id, hits, |i| {
            let (a, l) = key(i);
            format!("{}/{l}", self.article(a).meta.id)
        })
    }

    fn one_of<I: Copy>(
        &self,
        kind: &'static str,
        id: &str,
        hits: Vec<I>,
        name: impl Fn(I) -> String,
    ) -> Result<I, LookupError> {
        match hits.as_slice() {
            [one] => Ok(*one),
            [] => Err(LookupError::NotFound {
                kind,
                id: id.to_string(),
            }),
            many => Err(LookupError::Ambiguous {
                kind,
                id: id.to_string(),
                candidates: many.iter().map(|&i| name(i)).collect(),
            }),
        }
    }

    /// The paragraph(s) of the article in which a quote stands; for a quote
    /// of a corpus (an article without a body), the quote itself.
    pub fn context(&self, q: QuoteId) -> Context<'_> {
        let article = self.article(self.place(q).article);
        if article.body.is_empty() {
            let text = match self.quote(q) {
                std::borrow::Cow::Borrowed(e) => std::borrow::Cow::Borrowed(e.text.as_str()),
                std::borrow::Cow::Owned(e) => std::borrow::Cow::Owned(e.text),
            };
            let len = text.len();
            return Context {
                text,
                quote: 0..len,
            };
        }
        let quote = self.quote(q);
        let (start, end) = quote.span;
        let first = article
            .paragraphs
            .partition_point(|p| p.chars.1 <= start)
            .min(article.paragraphs.len().saturating_sub(1));
        let last = article
            .paragraphs
            .partition_point(|p| p.chars.1 < end)
            .min(article.paragraphs.len().saturating_sub(1))
            .max(first);
        let (Some(p0), Some(p1)) = (article.paragraphs.get(first), article.paragraphs.get(last))
        else {
            return Context {
                text: std::borrow::Cow::Borrowed(""),
                quote: 0..0,
            };
        };
        // Byte offsets of the quote, found from the paragraph's start.
        let from = p0.bytes.0.min(article.body.len());
        let to = p1.bytes.1.min(article.body.len()).max(from);
        let text = &article.body[from..to];
        let skip = start.saturating_sub(p0.chars.0);
        let len = end.saturating_sub(start);
        let qs = crate::text::byte_offset(text, skip);
        let qe = qs + crate::text::byte_offset(&text[qs..], len);
        Context {
            text: std::borrow::Cow::Borrowed(text),
            quote: qs..qe,
        }
    }

    /// The whole index in the dataset schema, one dataset per article, with
    /// bodies inlined.
    pub fn to_datasets(&self) -> Vec<Dataset> {
        self.article_ids()
            .map(|a| {
                let entry = self.article(a);
                let mut article = entry.meta.clone();
                article.body = Some(entry.body.clone());
                Dataset {
                    schema_version: SCHEMA_VERSION,
                    article,
                    categories: self
                        .categories
                        .iter()
                        .filter(|c| c.article == a)
                        .map(|c| c.data.clone())
                        .collect(),
                    speakers: {
                        // Its own speakers, and those of other files of a
                        // corpus that its quotes name.
                        let mut wanted: Vec<bool> =
                            self.speakers.iter().map(|s| s.article == a).collect();
                        for &q in self.quotes_by_article(a) {
                            wanted[self.place(q).speaker.get()] = true;
                        }
                        self.speakers
                            .iter()
                            .zip(wanted)
                            .filter(|(_, w)| *w)
                            .map(|(s, _)| s.data.clone())
                            .collect()
                    },
                    quotes: self
                        .quotes_by_article(a)
                        .iter()
                        .map(|&q| {
                            let q = self.quote(q);
                            Quote {
                                id: q.id.clone(),
                                speaker: self.speaker(q.speaker).data.id.clone(),
                                category: self.category(q.category).data.id.clone(),
                                kind: q.kind,
                                text: q.text.clone(),
                                span: [q.span.0, q.span.1],
                                date: q.date.clone(),
                                note: q.note.clone(),
                                cue: q.cue.clone(),
                                confidence: q.confidence,
                                url: q.url.clone(),
                            }
                        })
                        .collect(),
                }
            })
            .collect()
    }
}

/// Lower-cased, accent-folded, whitespace-collapsed: for comparing names.
fn normalize(s: &str) -> String {
    fold(s)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn clean(s: &mut String) {
    if let std::borrow::Cow::Owned(c) = sanitize(s, false) {
        *s = c;
    }
}

fn clean_opt(s: &mut Option<String>) {
    if let Some(s) = s {
        clean(s);
    }
}

fn clean_article(a: &mut Article) {
    for s in [&mut a.title, &mut a.author, &mut a.outlet, &mut a.date] {
        clean(s);
    }
    for s in [&mut a.author_role, &mut a.series, &mut a.url] {
        clean_opt(s);
    }
}

fn clean_speaker(s: &mut Speaker) {
    clean(&mut s.name);
    for s in s.aliases.iter_mut().chain(s.affiliation_aliases.iter_mut()) {
        clean(s);
    }
    for s in [&mut s.role, &mut s.affiliation, &mut s.country, &mut s.note] {
        clean_opt(s);
    }
}

/// Splits a body into paragraphs: runs of non-blank lines.
fn paragraphs(body: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut chars = 0;
    let mut bytes = 0;
    for line in body.split_inclusive('\n') {
        let line_chars = line.chars().count();
        let content = line.trim_end_matches(['\n', '\r']);
        let content_end = (chars + content.chars().count(), bytes + content.len());
        if content.trim().is_empty() {
            out.extend(current.take());
        } else {
            let p = current.get_or_insert(Paragraph {
                chars: (chars, chars),
                bytes: (bytes, bytes),
            });
            p.chars.1 = content_end.0;
            p.bytes.1 = content_end.1;
        }
        chars += line_chars;
        bytes += line.len();
    }
    out.extend(current);
    out
}

/// An index as stored on disk, for [`Index::from_parts`].
pub(crate) struct Parts {
    /// (metadata, body, file) per article.
    pub articles: Vec<(Article, String, String)>,
    pub categories: Vec<CategoryEntry>,
    pub speakers: Vec<SpeakerEntry>,
    pub places: PlacesReader,
    pub quote_count: usize,
    pub speakers_in_order: Vec<SpeakerId>,
    pub dates: Vec<String>,
    pub store: Shards,
}

/// Reads the places of an index on disk, when first needed.
#[derive(Clone)]
pub(crate) struct PlacesReader(pub std::sync::Arc<dyn Fn() -> Vec<QuotePlace> + Send + Sync>);

impl std::fmt::Debug for PlacesReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PlacesReader")
    }
}

/// The quotes of each speaker, category and article, in corpus order, and
/// the speakers of each category in order of their first quote there.
#[derive(Debug, Clone, Default)]
struct Lists {
    by_speaker: Vec<Vec<QuoteId>>,
    by_category: Vec<Vec<QuoteId>>,
    by_article: Vec<Vec<QuoteId>>,
    speakers_of_category: Vec<Vec<SpeakerId>>,
}

impl Lists {
    fn of(index: &Index) -> Lists {
        let (speakers, categories) = (index.speakers.len(), index.categories.len());
        let mut l = Lists {
            by_speaker: vec![Vec::new(); speakers],
            by_category: vec![Vec::new(); categories],
            by_article: vec![Vec::new(); index.articles.len()],
            speakers_of_category: vec![Vec::new(); categories],
        };
        // The category a speaker was last listed in: a corpus has thousands
        // of speakers per category, too many to scan each time.
        let mut listed_in: Vec<Option<CategoryId>> = vec![None; speakers];
        let mut in_cat: Vec<Vec<CategoryId>> = vec![Vec::new(); speakers];
        for (q, p) in index.quote_ids().zip(index.places()) {
            let (s, c) = (p.speaker.get(), p.category);
            l.by_speaker[s].push(q);
            l.by_category[c.get()].push(q);
            l.by_article[p.article.get()].push(q);
            if listed_in[s] != Some(c) {
                let cats = &mut in_cat[s];
                if !cats.contains(&c) {
                    cats.push(c);
                    l.speakers_of_category[c.get()].push(p.speaker);
                }
                listed_in[s] = Some(c);
            }
        }
        l
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let body = "One.\n\nTwo a\ntwo b.\n \nThree";
        let p = paragraphs(body);
        let texts: Vec<&str> = p.iter().map(|p| &body[p.bytes.0..p.bytes.1]).collect();
        assert_eq!(texts, ["One.", "Two a\ntwo b.", "Three"]);
        assert_eq!(p[2].chars, (21, 26));
    }

    #[test]
    fn normalize_names() {
        assert_eq!(normalize("  Ramón  Pacheco "), "ramon pacheco");
    }
}

//! The word index of quotes: what the rest of the crate asks of one (the
//! [`Store`] trait: search, records, look-up by id), and its implementation
//! on tantivy ([`Shards`]): the schema, building a shard (in memory at
//! load, or on disk by `reactions index`), opening it, and running a parsed
//! query over the shards ([`query`] turns it into tantivy's).
//!
//! One document per quote, numbered by its position in the corpus (`ord`):
//!
//! | field      | holds                                   | for              |
//! |------------|-----------------------------------------|------------------|
//! | `text`     | the quote's words, folded, lower case   | terms, phrases   |
//! | `speaker`  | its speaker's name and aliases, likewise| terms            |
//! | `cased`    | the words of both with a capital, folded| smart case       |
//! | `first`    | the first word of the text              | `^term`          |
//! | `last_rev` | the last word, reversed                 | `term$`          |
//! | `ord`      | the quote's position (fast field only)  | ties, look-ups   |
//!
//! The quote records shown (text, speaker, date, URL…) are kept beside the
//! index on disk, in blocks checked by CRC ([`records`]), not in tantivy.
//!
//! Words are folded by [`crate::text::fold`] before tantivy sees them and
//! split where [`crate::text::words`] splits them (letters and
//! digits), so the index and the in-memory matching agree.

use std::cmp::Reverse;
use std::path::Path;

use rayon::prelude::*;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query as TantivyQuery;
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};
use tantivy::{DocId, IndexReader, ReloadPolicy, Score, SegmentReader, TantivyDocument};

use crate::text::fold;

pub mod query;
pub mod records;

use records::RecordReader;

/// Words longer than this many bytes are not indexed (they are noise: URLs,
/// hashes, runs of letters).
const LONGEST_WORD: usize = 48;

thread_local! {
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether this thread is inside a call into the word index whose panic is
/// caught and reported as a damaged index ([`guarded`]): a panic hook
/// should stay quiet then (the explorer's restores the terminal otherwise).
pub fn in_guarded_call() -> bool {
    GUARDED.with(|g| g.get())
}

/// Runs `f`, a call into tantivy over files that may be damaged, turning a
/// panic (tantivy trusts its files: a zeroed or flipped byte of the same
/// size can panic inside it) into an error.
fn guarded<T>(what: &str, f: impl FnOnce() -> Result<T, StoreError>) -> Result<T, StoreError> {
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !in_guarded_call() {
                previous(info);
            }
        }));
    });
    let was = GUARDED.with(|g| g.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was));
    match result {
        Ok(r) => r,
        Err(_) => Err(StoreError(format!(
            "the index is damaged ({what} failed): rebuild it with `reactions index`"
        ))),
    }
}

/// A problem in the index itself (not in a query).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct StoreError(pub String);

impl From<tantivy::TantivyError> for StoreError {
    /// tantivy's message on one line (some span several: a damaged term
    /// dictionary's does).
    fn from(e: tantivy::TantivyError) -> Self {
        StoreError(
            e.to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// The fields of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub text: Field,
    pub speaker: Field,
    pub cased: Field,
    pub first: Field,
    pub last_rev: Field,
    pub ord: Field,
    /// The quote's local id (`lankov-1`), for look-ups.
    pub id: Field,
}

/// The fields of the schema (the same for every shard).
pub fn fields() -> Fields {
    static FIELDS: std::sync::OnceLock<Fields> = std::sync::OnceLock::new();
    *FIELDS.get_or_init(|| schema().1)
}

/// The schema, and its fields.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = |name: &str, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(name)
                .set_index_option(record),
        )
    };
    let fields = Fields {
        text: b.add_text_field(
            "text",
            words("words", IndexRecordOption::WithFreqsAndPositions),
        ),
        speaker: b.add_text_field(
            "speaker",
            words("words", IndexRecordOption::WithFreqsAndPositions),
        ),
        cased: b.add_text_field("cased", words("cased", IndexRecordOption::Basic)),
        first: b.add_text_field("first", STRING),
        last_rev: b.add_text_field("last_rev", STRING),
        ord: b.add_u64_field("ord", FAST),
        // Looked up, never scored: no field norms.
        id: b.add_text_field(
            "id",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer("raw")
                    .set_fieldnorms(false)
                    .set_index_option(IndexRecordOption::Basic),
            ),
        ),
    };
    (b.build(), fields)
}

/// Registers the analysers the schema names.
fn register(index: &tantivy::Index) {
    let words = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .build();
    let cased = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .build();
    index.tokenizers().register("words", words);
    index.tokenizers().register("cased", cased);
}

/// What is indexed of one quote.
pub struct DocInput<'a> {
    pub ord: u32,
    /// The local id.
    pub id: &'a str,
    pub text: &'a str,
    /// The speaker's name and aliases.
    pub speaker: &'a [&'a str],
}

fn document(f: &Fields, d: &DocInput) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    let text = fold(d.text);
    doc.add_text(f.text, &text);
    let mut cased = String::new();
    push_capitalised(&mut cased, &text);
    for name in d.speaker {
        let name = fold(name);
        doc.add_text(f.speaker, &name);
        push_capitalised(&mut cased, &name);
    }
    doc.add_text(f.cased, &cased);
    let words = crate::text::words(d.text, false);
    if let Some((_, w)) = words.first() {
        doc.add_text(f.first, w);
    }
    if let Some((_, w)) = words.last() {
        doc.add_text(f.last_rev, w.chars().rev().collect::<String>());
    }
    doc.add_u64(f.ord, d.ord as u64);
    doc.add_text(f.id, d.id);
    doc
}

/// Appends to `out` the words of `folded` that have a capital letter, split
/// where the analysers split. Only a term with a capital is looked up in the
/// cased field (smart case), and it can only match such a word, so the
/// words in lower case (most of any text) are left out of it.
fn push_capitalised(out: &mut String, folded: &str) {
    for w in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_uppercase))
    {
        out.push_str(w);
        out.push(' ');
    }
}

/// Writes one shard, in memory or in a directory.
pub struct ShardWriter {
    index: tantivy::Index,
    writer: tantivy::IndexWriter,
    fields: Fields,
}

impl ShardWriter {
    /// A writer into a new shard: in `dir` (which must exist and be empty)
    /// or in memory; with `threads` indexing threads sharing `heap` bytes.
    pub fn create(dir: Option<&Path>, threads: usize, heap: usize) -> Result<Self, StoreError> {
        let (schema, fields) = schema();
        let builder = tantivy::Index::builder().schema(schema);
        let index = match dir {
            Some(d) => builder.create_in_dir(d)?,
            None => builder.create_in_ram()?,
        };
        register(&index);
        let threads = threads.max(1);
        let heap = heap.max(threads * 15_000_000);
        let writer: tantivy::IndexWriter = index.writer_with_num_threads(threads, heap)?;
        // A build writes each segment once: merging them would rewrite
        // every posting again while the build runs (order never matters:
        // ties and look-ups read the `ord` fast field).
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        Ok(ShardWriter {
            index,
            writer,
            fields,
        })
    }

    pub fn add(&self, doc: &DocInput) -> Result<(), StoreError> {
        self.writer.add_document(document(&self.fields, doc))?;
        Ok(())
    }

    /// Commits everything added and opens the shard for searching.
    pub fn finish(mut self) -> Result<Shard, StoreError> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        Shard::from_index(self.index)
    }
}

/// One searchable tantivy index.
pub struct Shard {
    reader: IndexReader,
    /// How many quotes it holds.
    docs: usize,
    /// The smallest ord in the shard.
    base: u32,
    fields: Fields,
}

impl std::fmt::Debug for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shard")
            .field("docs", &self.docs)
            .field("base", &self.base)
            .finish()
    }
}

impl Shard {
    fn from_index(index: tantivy::Index) -> Result<Shard, StoreError> {
        register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let mut shard = Shard {
            reader,
            docs: 0,
            base: 0,
            fields: fields(),
        };
        shard.measure()?;
        Ok(shard)
    }

    /// Opens a shard written in `dir`.
    pub fn open(dir: &Path) -> Result<Shard, StoreError> {
        guarded("opening a shard", || {
            let index = tantivy::Index::open_in_dir(dir)?;
            Shard::from_index(index)
        })
    }

    /// The shard's first ord (the smallest of its segments') and how many
    /// quotes it holds.
    fn measure(&mut self) -> Result<(), StoreError> {
        let searcher = self.reader.searcher();
        let mut base = u64::MAX;
        for seg in searcher.segment_readers() {
            if seg.max_doc() > 0 {
                base = base.min(seg.fast_fields().u64("ord")?.min_value());
            }
        }
        self.base = if base == u64::MAX { 0 } else { base as u32 };
        self.docs = searcher.num_docs() as usize;
        Ok(())
    }

    /// The first quote's position in the corpus.
    pub fn base(&self) -> u32 {
        self.base
    }

    /// How many quotes the shard holds.
    pub fn len(&self) -> usize {
        self.docs
    }

    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// The ords of the quotes whose local id is `id`.
    fn ords_with_id(&self, id: &str) -> Vec<u32> {
        guarded("looking up an id", || Ok(self.ords_with_id_unguarded(id))).unwrap_or_default()
    }

    fn ords_with_id_unguarded(&self, id: &str) -> Vec<u32> {
        let searcher = self.reader.searcher();
        let q = tantivy::query::TermQuery::new(
            tantivy::Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        let Ok(docs) = searcher.search(&q, &tantivy::collector::DocSetCollector) else {
            return Vec::new();
        };
        docs.into_iter()
            .filter_map(|a| {
                let seg = searcher.segment_reader(a.segment_ord);
                let col = seg.fast_fields().u64("ord").ok()?;
                col.first(a.doc_id).map(|o| o as u32)
            })
            .collect()
    }

    /// The best `limit` matches of `query` (by score, then ord) and how many
    /// match in all.
    fn search(&self, query: &dyn TantivyQuery, limit: usize) -> Result<Found, StoreError> {
        guarded("searching", || self.search_unguarded(query, limit))
    }

    fn search_unguarded(
        &self,
        query: &dyn TantivyQuery,
        limit: usize,
    ) -> Result<Found, StoreError> {
        let searcher = self.reader.searcher();
        if limit == 0 {
            return Ok((Vec::new(), searcher.search(query, &Count)?));
        }
        let top = TopDocs::with_limit(limit).tweak_score(move |seg: &SegmentReader| {
            let ords = seg
                .fast_fields()
                .u64("ord")
                .map(|c| c.first_or_default_col(0));
            move |doc: DocId, score: Score| {
                let ord = ords.as_ref().map_or(0, |c| c.get_val(doc));
                (points(score), Reverse(ord))
            }
        });
        let (hits, count) = searcher.search(query, &(top, Count))?;
        Ok((
            hits.into_iter()
                .map(|((score, Reverse(ord)), _)| (score, ord as u32))
                .collect(),
            count,
        ))
    }
}

/// The best matches (score in thousandths, ord), and how many match in all.
pub type Found = (Vec<(i64, u32)>, usize);

/// A score in thousandths: what is shown and compared, so that two quotes
/// whose scores differ only beyond it are tied, and ties go by corpus
/// order.
fn points(score: Score) -> i64 {
    (score * 1000.0).round() as i64
}

/// What the explorer and the CLI ask of a word index of quotes, whatever
/// holds it (local tantivy shards today; a search server would answer the
/// same three questions).
pub trait Store: Send + Sync + std::fmt::Debug {
    /// The best `limit` quotes matching `query`, best first (ties in corpus
    /// order), as (score in thousandths, position in the corpus), and how
    /// many match in all; all of them when `limit` is `None`.
    fn search(
        &self,
        query: &crate::query::Query,
        limit: Option<usize>,
    ) -> Result<Found, StoreError>;

    /// The stored record of the quote at position `ord` (a serialized
    /// [`crate::model::QuoteEntry`]), when the records are kept with the
    /// index (an index on disk).
    fn record(&self, ord: u32) -> Option<Vec<u8>>;

    /// The positions of the quotes whose local id is `id`, ascending.
    fn ords_with_id(&self, id: &str) -> Vec<u32>;
}

/// Every shard of a corpus, searched together.
#[derive(Debug, Default)]
pub struct Shards {
    shards: Vec<Shard>,
    /// The records of an index on disk.
    records: Option<RecordReader>,
}

impl Shards {
    pub fn new(shards: Vec<Shard>) -> Shards {
        Shards {
            shards,
            records: None,
        }
    }

    /// The shards of an index on disk, with its records.
    pub fn with_records(shards: Vec<Shard>, records: RecordReader) -> Shards {
        Shards {
            shards,
            records: Some(records),
        }
    }

    /// Indexes `count` quotes in memory as one shard, on every core for a
    /// large corpus.
    pub fn shard_in_memory<'a>(
        docs: impl Iterator<Item = DocInput<'a>>,
        count: usize,
    ) -> Result<Shard, StoreError> {
        let threads = if count > 20_000 {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(4)
        } else {
            1
        };
        let writer = ShardWriter::create(None, threads, threads * 50_000_000)?;
        for d in docs {
            writer.add(&d)?;
        }
        writer.finish()
    }

    /// The best `limit` matches of a tantivy query over every shard (in
    /// parallel), best first, ties in corpus order, and how many match.
    pub fn search_tantivy(
        &self,
        query: &dyn TantivyQuery,
        limit: Option<usize>,
    ) -> Result<Found, StoreError> {
        let per_shard: Vec<Result<Found, StoreError>> = self
            .shards
            .par_iter()
            .map(|s| s.search(query, limit.unwrap_or(s.len())))
            .collect();
        let mut hits = Vec::new();
        let mut total = 0;
        for r in per_shard {
            let (h, n) = r?;
            hits.extend(h);
            total += n;
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        if let Some(k) = limit {
            hits.truncate(k);
        }
        Ok((hits, total))
    }
}

impl Store for Shards {
    fn search(
        &self,
        query: &crate::query::Query,
        limit: Option<usize>,
    ) -> Result<Found, StoreError> {
        let q = query::to_tantivy(&fields(), query);
        self.search_tantivy(q.as_ref(), limit)
    }

    fn ords_with_id(&self, id: &str) -> Vec<u32> {
        let mut ords: Vec<u32> = self
            .shards
            .iter()
            .flat_map(|s| s.ords_with_id(id))
            .collect();
        ords.sort_unstable();
        ords
    }

    fn record(&self, ord: u32) -> Option<Vec<u8>> {
        self.records.as_ref()?.get(u64::from(ord))
    }
}

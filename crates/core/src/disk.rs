//! An index on disk: written once by `reactions index`, opened at once by
//! `reactions --data DIR` without reading the corpus again.
//!
//! A directory holds the manifest `reactions-index.json` and, in the
//! generation folder it names (`gen-000001/`):
//!
//! - `catalog.json`: the articles (with their bodies), categories,
//!   speakers and the distinct dates of quotes;
//! - `places.bin`: per quote, its article, speaker, category and date
//!   (four little-endian `u32`), what lists, counts and statistics need;
//! - `shard-NNN/`: one tantivy index per input file, holding the quotes'
//!   words and their records (searched in parallel, records read when a
//!   quote is shown);
//!
//! The manifest, written last (format, version, counts, the generation and
//! the size of every file in it), is what makes a folder an index. Nothing
//! half-built opens: a build writes a new generation and renames its
//! manifest over the old one (an existing index is replaced only then, and
//! atomically), and opening checks the manifest's version and every file's
//! size,
//! so an interrupted build, a truncated file or another version is one clear
//! error, never a panic or a partial corpus.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, LoadError};
use crate::ids::{ArticleId, CategoryId, QuoteId, SpeakerId};
use crate::index::{CategoryEntry, Index, NO_DATE, Parts, PlacesReader, QuotePlace, SpeakerEntry};
use crate::model::Article;
use crate::store::records::{RecordReader, RecordWriter};
use crate::store::{DocInput, Shard, ShardWriter, Shards};

/// The manifest's file name: a directory with one is an index.
pub const MANIFEST: &str = "reactions-index.json";
/// What the manifest's `format` says.
const FORMAT: &str = "reactions-index";
/// The layout version this build writes and reads.
pub const VERSION: u32 = 3;

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Manifest {
    format: String,
    version: u32,
    /// The generation folder holding the index's files.
    data: String,
    articles: usize,
    categories: usize,
    speakers: usize,
    quotes: usize,
    shards: Vec<ShardInfo>,
    /// Every file of the index but the manifest, with its size in bytes.
    files: BTreeMap<String, u64>,
    /// CRC-32 of the files read whole when a shard opens (tantivy's
    /// metadata, stores and fast fields: small), checked at every opening.
    checksums: BTreeMap<String, u32>,
}

/// Whether a file of a shard is read whole when it opens, and small enough
/// to check at every opening: tantivy trusts these files (a damaged length
/// in one can ask for terabytes, an abort no guard can catch).
fn checked_at_open(name: &str) -> bool {
    name == "meta.json"
        || name == ".managed.json"
        || name.ends_with(".store")
        || name.ends_with(".fast")
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct ShardInfo {
    dir: String,
    /// The first quote's position in the corpus, and how many.
    first: u32,
    quotes: u32,
    /// The input file its quotes came from.
    source: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct StoredArticle {
    meta: Article,
    body: String,
    file: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Catalog {
    articles: Vec<StoredArticle>,
    categories: Vec<CategoryEntry>,
    speakers: Vec<SpeakerEntry>,
    /// Speakers in order of their first quote.
    speakers_in_order: Vec<SpeakerId>,
    dates: Vec<String>,
}

/// Whether `path` is an index directory.
pub fn is_index(path: &Path) -> bool {
    path.join(MANIFEST).is_file()
}

/// How far a write has come: quotes indexed of all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteProgress {
    pub quotes_done: usize,
    pub quotes_total: usize,
}

/// Quotes indexed between two progress reports.
const PROGRESS_EVERY: usize = 8192;

fn io_error(path: &Path, what: &str, e: impl std::fmt::Display) -> LoadError {
    LoadError::from(Diagnostic::file(
        &path.display().to_string(),
        format!("{what}: {e}"),
    ))
}

/// Writes `index` as an index directory at `out`, on `threads` threads,
/// reporting progress (see [`Writer`]).
pub fn write(
    index: &Index,
    out: &Path,
    threads: usize,
    progress: &mut dyn FnMut(WriteProgress),
) -> Result<(), LoadError> {
    let mut writer = Writer::create(out, threads)?;
    writer.add(index, progress)?;
    writer.finish()
}

/// Writes an index directory from one loaded input after another, so that
/// only one input is ever in memory (a year of Quotebank at a time).
///
/// The index is written into a new generation folder inside `out`
/// (`gen-000002/`), and the manifest, written beside it under another name
/// and then renamed over the old one, is what makes it the index: a rename
/// is atomic, so `out` always holds either the old index or the new one
/// whole. Older generations, and those of interrupted builds, are removed
/// afterwards. `out` must not exist, be empty, or be an index. A writer
/// dropped before [`Writer::finish`] removes what it wrote.
pub struct Writer {
    out: PathBuf,
    gen_dir: String,
    generation: u64,
    threads: usize,
    shards: Vec<ShardInfo>,
    articles: Vec<StoredArticle>,
    categories: Vec<CategoryEntry>,
    speakers: Vec<SpeakerEntry>,
    speakers_in_order: Vec<SpeakerId>,
    dates: Vec<String>,
    date_numbers: HashMap<String, u32>,
    places: io::BufWriter<fs::File>,
    records: Option<RecordWriter>,
    quotes: usize,
    /// Article ids written so far, with their file: ids must be unique.
    article_ids: HashMap<String, String>,
    /// Speakers of corpora by id: one person quoted in several corpus files
    /// is one speaker, as in memory.
    corpus_speakers: HashMap<String, SpeakerId>,
    finished: bool,
}

impl Writer {
    pub fn create(out: &Path, threads: usize) -> Result<Writer, LoadError> {
        if out.exists() && !is_index(out) && !only_generations(out) {
            return Err(io_error(
                out,
                "will not replace",
                "it exists and is not an index (remove it or choose another --out)",
            ));
        }
        fs::create_dir_all(out).map_err(|e| io_error(out, "cannot create", e))?;
        let current = current_generation(out);
        let generation = generations(out)
            .into_iter()
            .max()
            .unwrap_or(0)
            .max(current.unwrap_or(0))
            + 1;
        let gen_dir = format!("gen-{generation:06}");
        let dir = out.join(&gen_dir);
        fs::create_dir_all(&dir).map_err(|e| io_error(&dir, "cannot create", e))?;
        let places_path = dir.join("places.bin");
        let places = fs::File::create(&places_path)
            .map_err(|e| io_error(&places_path, "cannot write", e))?;
        Ok(Writer {
            out: out.to_path_buf(),
            gen_dir,
            generation,
            threads: threads.max(1),
            shards: Vec::new(),
            articles: Vec::new(),
            categories: Vec::new(),
            speakers: Vec::new(),
            speakers_in_order: Vec::new(),
            dates: Vec::new(),
            date_numbers: HashMap::new(),
            places: io::BufWriter::with_capacity(1 << 20, places),
            records: Some(
                RecordWriter::create(&dir).map_err(|e| io_error(&dir, "cannot write", e))?,
            ),
            quotes: 0,
            article_ids: HashMap::new(),
            corpus_speakers: HashMap::new(),
            finished: false,
        })
    }

    fn dir(&self) -> PathBuf {
        self.out.join(&self.gen_dir)
    }

    /// Adds every article of `index` after those added before, its quotes
    /// as one shard per input file.
    pub fn add(
        &mut self,
        index: &Index,
        progress: &mut dyn FnMut(WriteProgress),
    ) -> Result<(), LoadError> {
        for a in index.articles() {
            if let Some(first) = self.article_ids.insert(a.meta.id.clone(), a.file.clone()) {
                return Err(LoadError::from(Diagnostic::record(
                    &a.file,
                    "article",
                    &a.meta.id,
                    Some("id"),
                    format!("duplicate article id (also in {first})"),
                )));
            }
        }
        let (a0, c0, s0) = (
            self.articles.len(),
            self.categories.len(),
            self.speakers.len(),
        );
        // Each speaker of this input: one already written (a corpus's
        // speaker met in an earlier file) or a new one.
        let mut new_speakers = Vec::new();
        let speaker_map: Vec<SpeakerId> = index
            .speakers()
            .iter()
            .map(|sp| {
                let corpus = index.article(sp.article).body.is_empty();
                if corpus && let Some(&s) = self.corpus_speakers.get(&sp.data.id) {
                    return s;
                }
                let s = SpeakerId::new(s0 + new_speakers.len());
                if corpus {
                    self.corpus_speakers.insert(sp.data.id.clone(), s);
                }
                new_speakers.push(SpeakerEntry {
                    article: sp.article.offset(a0),
                    data: sp.data.clone(),
                });
                s
            })
            .collect();
        let q0 = self.quotes;
        let total = index.quote_total();
        let mut done = 0;
        progress(WriteProgress {
            quotes_done: 0,
            quotes_total: total,
        });
        let names = index.speaker_names();
        let dir = self.dir();
        for (first, count, source) in index.shard_ranges() {
            let shard_dir = format!("shard-{:03}", self.shards.len());
            let path = dir.join(&shard_dir);
            fs::create_dir_all(&path).map_err(|e| io_error(&path, "cannot create", e))?;
            let store_error = |e: crate::store::StoreError| io_error(&path, "cannot write", e);
            let heap = self.threads * 200_000_000;
            let writer =
                ShardWriter::create(Some(&path), self.threads, heap).map_err(store_error)?;
            let mut record = Vec::new();
            for q in first..first + count {
                let q = QuoteId::from_raw(q);
                let mut entry = index.quote(q).into_owned();
                let speaker = entry.speaker.get();
                entry.article = entry.article.offset(a0);
                entry.speaker = speaker_map[speaker];
                entry.category = entry.category.offset(c0);
                record.clear();
                serde_json::to_writer(&mut record, &entry)
                    .map_err(|e| io_error(&path, "cannot write", e))?;
                let ord = (q0 + q.get()) as u32;
                writer
                    .add(&DocInput {
                        ord,
                        id: &entry.id,
                        text: &entry.text,
                        speaker: &names[speaker],
                    })
                    .map_err(store_error)?;
                if let Some(records) = self.records.as_mut() {
                    records
                        .add(&record)
                        .map_err(|e| io_error(&dir, "cannot write", e))?;
                }
                let date = match &entry.date {
                    None => NO_DATE,
                    Some(d) => match self.date_numbers.get(d) {
                        Some(&n) => n,
                        None => {
                            let n = self.dates.len() as u32;
                            self.dates.push(d.clone());
                            self.date_numbers.insert(d.clone(), n);
                            n
                        }
                    },
                };
                for v in [
                    entry.article.raw(),
                    entry.speaker.raw(),
                    entry.category.raw(),
                    date,
                ] {
                    self.places
                        .write_all(&v.to_le_bytes())
                        .map_err(|e| io_error(&dir, "cannot write", e))?;
                }
                done += 1;
                if done % PROGRESS_EVERY == 0 {
                    progress(WriteProgress {
                        quotes_done: done,
                        quotes_total: total,
                    });
                }
            }
            writer.finish().map_err(store_error)?;
            self.shards.push(ShardInfo {
                dir: shard_dir,
                first: q0 as u32 + first,
                quotes: count,
                source,
            });
        }
        self.quotes += total;
        self.articles
            .extend(index.articles().iter().map(|a| StoredArticle {
                meta: a.meta.clone(),
                body: a.body.clone(),
                file: a.file.clone(),
            }));
        self.categories
            .extend(index.categories().iter().map(|c| CategoryEntry {
                article: c.article.offset(a0),
                data: c.data.clone(),
            }));
        self.speakers.extend(new_speakers);
        // Speakers met before keep their place in the order.
        self.speakers_in_order.extend(
            index
                .speakers_in_order()
                .iter()
                .map(|&s| speaker_map[s.get()])
                .filter(|&s| s.get() >= s0),
        );
        progress(WriteProgress {
            quotes_done: total,
            quotes_total: total,
        });
        Ok(())
    }

    /// Writes the catalog and the manifest, which makes the new index the
    /// one at `out`, and removes every other generation.
    pub fn finish(mut self) -> Result<(), LoadError> {
        let dir = self.dir();
        if let Some(records) = self.records.take() {
            records
                .finish()
                .map_err(|e| io_error(&dir, "cannot write", e))?;
        }
        self.places
            .flush()
            .and_then(|()| self.places.get_ref().sync_all())
            .map_err(|e| io_error(&dir, "cannot write", e))?;
        let catalog = Catalog {
            articles: std::mem::take(&mut self.articles),
            categories: std::mem::take(&mut self.categories),
            speakers: std::mem::take(&mut self.speakers),
            speakers_in_order: std::mem::take(&mut self.speakers_in_order),
            dates: std::mem::take(&mut self.dates),
        };
        let bytes = serde_json::to_vec(&catalog).map_err(|e| io_error(&dir, "cannot write", e))?;
        write_file(&dir.join("catalog.json"), &bytes)?;
        let mut files = BTreeMap::new();
        list_files(&self.out, &dir, &mut files)?;
        let mut checksums = BTreeMap::new();
        for name in files.keys() {
            if checked_at_open(name.rsplit('/').next().unwrap_or(name)) {
                let path = self.out.join(name);
                let bytes = fs::read(&path).map_err(|e| io_error(&path, "cannot read", e))?;
                checksums.insert(name.clone(), crc32fast::hash(&bytes));
            }
        }
        let manifest = Manifest {
            format: FORMAT.into(),
            version: VERSION,
            data: self.gen_dir.clone(),
            articles: catalog.articles.len(),
            categories: catalog.categories.len(),
            speakers: catalog.speakers.len(),
            quotes: self.quotes,
            shards: std::mem::take(&mut self.shards),
            files,
            checksums,
        };
        let text =
            serde_json::to_vec_pretty(&manifest).map_err(|e| io_error(&dir, "cannot write", e))?;
        write_file(&self.out.join(MANIFEST_NEW), &text)?;
        fs::rename(self.out.join(MANIFEST_NEW), self.out.join(MANIFEST))
            .map_err(|e| io_error(&self.out, "cannot write the manifest", e))?;
        self.finished = true;
        // Every other generation is now unreferenced.
        for g in generations(&self.out) {
            if g != self.generation {
                let _ = fs::remove_dir_all(self.out.join(format!("gen-{g:06}")));
            }
        }
        Ok(())
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_dir_all(self.dir());
        }
    }
}

/// The generation folders in `dir`, by number.
fn generations(dir: &Path) -> Vec<u64> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            name.strip_prefix("gen-")?.parse().ok()
        })
        .collect()
}

/// Whether `dir` holds nothing but generation folders (an interrupted
/// first build) and leftovers of writing a manifest.
fn only_generations(dir: &Path) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(Result::ok).all(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        name.starts_with("gen-") || name == MANIFEST_NEW
    })
}

/// The generation the manifest in `dir` names, if any.
fn current_generation(dir: &Path) -> Option<u64> {
    let text = fs::read(dir.join(MANIFEST)).ok()?;
    let m: serde_json::Value = serde_json::from_slice(&text).ok()?;
    m.get("data")?.as_str()?.strip_prefix("gen-")?.parse().ok()
}

/// The manifest being written, before it is renamed into place.
const MANIFEST_NEW: &str = ".reactions-index.json.new";

/// Writes and flushes a file to disk.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    let mut f = fs::File::create(path).map_err(|e| io_error(path, "cannot write", e))?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| io_error(path, "cannot write", e))
}

/// Every file under `dir` but tantivy's lock files, by path relative to
/// `root`, with its size.
fn list_files(root: &Path, dir: &Path, out: &mut BTreeMap<String, u64>) -> Result<(), LoadError> {
    let entries = fs::read_dir(dir).map_err(|e| io_error(dir, "cannot read", e))?;
    for entry in entries {
        let entry = entry.map_err(|e| io_error(dir, "cannot read", e))?;
        let path = entry.path();
        let meta = entry
            .metadata()
            .map_err(|e| io_error(&path, "cannot read", e))?;
        if meta.is_dir() {
            list_files(root, &path, out)?;
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(".tantivy-") && name.ends_with(".lock") {
            continue;
        }
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        out.insert(rel, meta.len());
    }
    Ok(())
}

/// Opens the index in `dir`: checks its version and files, reads the
/// catalog and places, opens the shards. Nothing of the corpus is read.
pub fn open(dir: &Path) -> Result<Index, LoadError> {
    let shown = dir.display().to_string();
    let fail = |file: &str, message: String| {
        let at = if file.is_empty() {
            shown.clone()
        } else {
            format!("{shown}/{file}")
        };
        LoadError::from(Diagnostic::file(&at, message))
    };
    let rebuild = "rebuild it with `reactions index`";
    let text = fs::read(dir.join(MANIFEST))
        .map_err(|e| fail(MANIFEST, format!("not a readable index ({e}); {rebuild}")))?;
    let head: serde_json::Value = serde_json::from_slice(&text)
        .map_err(|e| fail(MANIFEST, format!("damaged manifest ({e}); {rebuild}")))?;
    if head.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(fail(MANIFEST, "not a reactions index manifest".into()));
    }
    let version = head.get("version").and_then(|v| v.as_u64());
    if version != Some(VERSION as u64) {
        let found = version.map_or("unknown".into(), |v| v.to_string());
        return Err(fail(
            "",
            format!(
                "index layout version {found}, this build of reactions reads version {VERSION}; {rebuild}"
            ),
        ));
    }
    let manifest: Manifest = serde_json::from_value(head)
        .map_err(|e| fail(MANIFEST, format!("damaged manifest ({e}); {rebuild}")))?;
    for (file, &size) in &manifest.files {
        match fs::metadata(dir.join(file)) {
            Err(_) => {
                return Err(fail(
                    file,
                    format!("missing; the index is incomplete: {rebuild}"),
                ));
            }
            Ok(m) if m.len() != size => {
                return Err(fail(
                    file,
                    format!(
                        "{} bytes where the index wrote {size}: damaged or truncated; {rebuild}",
                        m.len()
                    ),
                ));
            }
            Ok(_) => {}
        }
    }
    for (file, &crc) in &manifest.checksums {
        let bytes = fs::read(dir.join(file))
            .map_err(|e| fail(file, format!("cannot read ({e}); {rebuild}")))?;
        if crc32fast::hash(&bytes) != crc {
            return Err(fail(
                file,
                format!("damaged (its checksum differs from the one written); {rebuild}"),
            ));
        }
    }
    let data = dir.join(&manifest.data);
    let in_data = |f: &str| format!("{}/{f}", manifest.data);
    let bytes = fs::read(data.join("catalog.json"))
        .map_err(|e| fail(&in_data("catalog.json"), format!("cannot read: {e}")))?;
    let catalog: Catalog = serde_json::from_slice(&bytes).map_err(|e| {
        fail(
            &in_data("catalog.json"),
            format!("damaged ({e}); {rebuild}"),
        )
    })?;
    let places_path = data.join("places.bin");
    let bounds = (
        catalog.articles.len(),
        catalog.speakers.len(),
        catalog.categories.len(),
        catalog.dates.len(),
    );
    let count = manifest.quotes;
    // Its size was checked above; its content is read when first needed.
    let places = PlacesReader(std::sync::Arc::new(move || {
        read_places(&places_path, count, bounds)
    }));
    let references_ok = catalog
        .categories
        .iter()
        .all(|c| c.article.get() < catalog.articles.len())
        && catalog
            .speakers
            .iter()
            .all(|s| s.article.get() < catalog.articles.len());
    if !references_ok {
        return Err(fail(
            &in_data("catalog.json"),
            format!("refers to a missing article; {rebuild}"),
        ));
    }
    let records = RecordReader::open(&data).map_err(|e| {
        fail(
            &in_data("records.idx"),
            format!("cannot read ({e}); {rebuild}"),
        )
    })?;
    if records.len() != manifest.quotes as u64 {
        return Err(fail(
            &in_data("records.idx"),
            format!(
                "holds {} of {} quotes; {rebuild}",
                records.len(),
                manifest.quotes
            ),
        ));
    }
    let in_shards: usize = manifest.shards.iter().map(|s| s.quotes as usize).sum();
    if in_shards != manifest.quotes {
        return Err(fail(
            MANIFEST,
            format!(
                "its shards hold {in_shards} of {} quotes; {rebuild}",
                manifest.quotes
            ),
        ));
    }
    let mut shards = Vec::new();
    for info in &manifest.shards {
        let shard = Shard::open(&data.join(&info.dir))
            .map_err(|e| fail(&in_data(&info.dir), format!("cannot open ({e}); {rebuild}")))?;
        if shard.len() != info.quotes as usize || (!shard.is_empty() && shard.base() != info.first)
        {
            return Err(fail(
                &in_data(&info.dir),
                format!("holds other quotes than the manifest says; {rebuild}"),
            ));
        }
        shards.push(shard);
    }
    let articles = catalog
        .articles
        .into_iter()
        .map(|a| (a.meta, a.body, a.file))
        .collect();
    Ok(Index::from_parts(Parts {
        articles,
        categories: catalog.categories,
        speakers: catalog.speakers,
        places,
        quote_count: manifest.quotes,
        speakers_in_order: catalog.speakers_in_order,
        dates: catalog.dates,
        store: Shards::with_records(shards, records),
    }))
}

/// The places of `count` quotes from `path`. A place that refers to a
/// record that does not exist (a file damaged after it was checked) becomes
/// the first article, speaker and category, never an index out of bounds.
fn read_places(path: &Path, count: usize, bounds: (usize, usize, usize, usize)) -> Vec<QuotePlace> {
    let bytes = fs::read(path).unwrap_or_default();
    let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    let (articles, speakers, categories, dates) = bounds;
    let mut places: Vec<QuotePlace> = bytes
        .chunks_exact(16)
        .take(count)
        .map(|c| {
            let p = QuotePlace {
                article: ArticleId::from_raw(word(&c[0..4])),
                speaker: SpeakerId::from_raw(word(&c[4..8])),
                category: CategoryId::from_raw(word(&c[8..12])),
                date: word(&c[12..16]),
            };
            let valid = p.article.get() < articles
                && p.speaker.get() < speakers
                && p.category.get() < categories;
            QuotePlace {
                date: if p.date == NO_DATE || (p.date as usize) < dates {
                    p.date
                } else {
                    NO_DATE
                },
                ..if valid { p } else { QuotePlace::NOWHERE }
            }
        })
        .collect();
    places.resize(count, QuotePlace::NOWHERE);
    places
}

//! Quotebank corpora: quotation-centric JSON Lines, plain or bzip2-compressed.
//!
//! Quotebank (EPFL) publishes news quotations one JSON object per line:
//!
//! ```json
//! {"quoteID": "2020-01-16-000088", "quotation": "…", "speaker": "Joe Biden",
//!  "qids": ["Q6279"], "date": "2020-01-16 12:00:00", "numOccurrences": 3,
//!  "probas": [["Joe Biden", "0.9"], ["None", "0.1"]], "urls": ["https://…"],
//!  "phase": "E"}
//! ```
//!
//! A corpus file becomes one article with an empty body (see `docs/DATA.md`):
//! every line a direct quote, every distinct Wikidata id (or name, when there
//! is none) a speaker, every year-month a category. The file is read as a
//! stream, in blocks whose lines are parsed in parallel; a malformed line is
//! reported with its number and skipped, the rest of the file is kept.

use std::borrow::Cow;
use std::collections::hash_map::RandomState;
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::hash::{BuildHasher, Hash, Hasher};
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;

use rayon::prelude::*;
use serde::Deserialize;
use serde::de::{self, IgnoredAny, SeqAccess, Visitor};

use crate::error::{Diagnostic, LoadError};
use crate::ids::{ArticleId, CategoryId, SpeakerId};
use crate::model::QuoteEntry;
use crate::model::{Article, Category, QuoteKind, Speaker, SpeakerKind};
use crate::text::{civil_date, sanitize};

/// The name of the speaker of quotations Quotebank could not attribute.
pub const UNKNOWN_SPEAKER: &str = "Unknown speaker";

/// Bytes read from the file at a time; the lines of one block are parsed in
/// parallel while the next block is read.
const BLOCK: usize = 4 << 20;

/// A Quotebank file read into the parts of an article.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The file, as given (used in messages).
    pub file: String,
    pub article: Article,
    /// One per year-month, in time order, then "undated".
    pub categories: Vec<Category>,
    pub speakers: Vec<Speaker>,
    /// `article` is 0, `speaker` and `category` index the vectors above.
    pub quotes: Vec<QuoteEntry>,
    /// Malformed lines that were skipped, each with its line number.
    pub skipped: Vec<Diagnostic>,
}

/// A file opened for reading, with its first bytes (up to 64 KiB) already
/// read to tell what it holds. Each file is opened and read once, so a named
/// pipe or a process substitution (`<(zcat …)`) works like a file.
pub struct Opened {
    /// The first bytes of the file.
    pub head: Vec<u8>,
    rest: Box<dyn Read + Send>,
    /// The size of the file (0 when unknown, as for a pipe).
    pub size: u64,
}

impl Opened {
    /// Opens `path`; `-` is standard input.
    pub fn open(path: &Path) -> io::Result<Opened> {
        let (mut file, size): (Box<dyn Read + Send>, u64) = if super::files::is_stdin(path) {
            (Box::new(io::stdin()), 0)
        } else {
            let file = File::open(path)?;
            let size = file.metadata().map(|m| m.len()).unwrap_or(0);
            (Box::new(file), size)
        };
        let mut head = Vec::with_capacity(64 << 10);
        (&mut file).take(64 << 10).read_to_end(&mut head)?;
        Ok(Opened {
            head,
            rest: file,
            size,
        })
    }

    /// Bytes already in memory, as if read from a file of that size.
    pub fn from_bytes(bytes: Vec<u8>) -> Opened {
        let size = bytes.len() as u64;
        let split = bytes.len().min(64 << 10);
        let mut head = bytes;
        let rest = head.split_off(split);
        Opened {
            head,
            rest: Box::new(io::Cursor::new(rest)),
            size,
        }
    }

    /// The whole file, from its first byte.
    pub fn into_reader(self) -> impl Read + Send {
        io::Cursor::new(self.head).chain(self.rest)
    }

    /// Reads the whole file into memory.
    pub fn read_all(self) -> io::Result<Vec<u8>> {
        let mut bytes = self.head;
        let mut rest = self.rest;
        rest.read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    /// Reads the whole file into memory if it holds at most `limit` bytes;
    /// a longer one is an error that says so, read no further than the
    /// limit (a pipe's size is unknown until then).
    pub fn read_at_most(self, limit: u64, what: &str) -> io::Result<Vec<u8>> {
        let too_big = |size: String| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "{size} is more than the {} MiB {what} this reads whole into memory",
                    limit >> 20
                ),
            )
        };
        if self.size > limit {
            return Err(too_big(format!("{} MiB", self.size >> 20)));
        }
        let mut bytes = self.head;
        let have = bytes.len() as u64;
        let mut rest = self.rest.take((limit + 1).saturating_sub(have));
        rest.read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Err(too_big("the input".into()));
        }
        Ok(bytes)
    }
}

/// Whether `path` holds a Quotebank corpus: bzip2 data (`BZh`), or a first
/// line that is a JSON object with a `quoteID`, or a name ending in `.jsonl`
/// or `.bz2`.
pub fn is_corpus(path: &Path) -> io::Result<bool> {
    Ok(is_corpus_head(path, &Opened::open(path)?.head))
}

/// [`is_corpus`] for a file whose first bytes are `head`.
pub fn is_corpus_head(path: &Path, head: &[u8]) -> bool {
    if head.starts_with(b"BZh") {
        return true;
    }
    let first = head.split(|b| *b == b'\n').next().unwrap_or_default();
    let first = first.trim_ascii();
    if first.starts_with(b"{") && memchr::memmem::find(first, b"\"quoteID\"").is_some() {
        return true;
    }
    has_corpus_name(path)
}

/// Whether the file name is one Quotebank uses (`.jsonl`, `.json.bz2`, …).
pub fn has_corpus_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    name.ends_with(".jsonl") || name.ends_with(".bz2")
}

/// One line, with only the fields we keep, borrowed where possible.
#[derive(Deserialize)]
struct Record<'a> {
    #[serde(rename = "quoteID", borrow)]
    quote_id: Cow<'a, str>,
    #[serde(borrow)]
    quotation: Cow<'a, str>,
    #[serde(default, borrow)]
    speaker: Option<Borrowed<'a>>,
    #[serde(default, borrow)]
    qids: First<'a>,
    #[serde(default, borrow)]
    date: Option<Borrowed<'a>>,
    #[serde(default, borrow)]
    urls: First<'a>,
    #[serde(default)]
    probas: TopProbability,
}

/// The first string of a JSON array (the rest is skipped without allocating).
#[derive(Default)]
struct First<'a>(Option<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for First<'a> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = First<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array of strings")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(First(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let first = seq.next_element::<Borrowed<'a>>()?.map(|b| b.0);
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(First(first))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// A string, borrowed from the line when it has no escapes.
struct Borrowed<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Borrowed<'a> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct W<'a>(#[serde(borrow)] Cow<'a, str>);
        W::deserialize(d).map(|w| Borrowed(w.0))
    }
}

/// The highest probability in `probas`: `[["name", "0.9"], …]`, the
/// probability a string (as Quotebank writes it) or a number.
#[derive(Default)]
struct TopProbability(Option<f64>);

impl<'de> Deserialize<'de> for TopProbability {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TopProbability;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array of [speaker, probability] pairs")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(TopProbability(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut top: Option<f64> = None;
                while let Some((_, p)) = seq.next_element::<(IgnoredAny, Probability)>()? {
                    if let Some(p) = p.0
                        && top.is_none_or(|t| p > t)
                    {
                        top = Some(p);
                    }
                }
                Ok(TopProbability(top))
            }
        }
        d.deserialize_any(V)
    }
}

struct Probability(Option<f64>);

impl<'de> Deserialize<'de> for Probability {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Probability;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a probability")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Probability(Some(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Probability(Some(v as f64)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Probability(Some(v as f64)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                v.trim()
                    .parse()
                    .map(|p| Probability(Some(p)))
                    .map_err(|_| E::custom(format!("{v:?} is not a probability")))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Probability(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// A string of a line: a byte range of its block when the line has it as
/// is (no escapes), so that nothing is allocated for it.
enum Key {
    In(usize, usize),
    Own(String),
}

impl Key {
    fn new(s: Cow<'_, str>, block: &[u8]) -> Key {
        let start = (s.as_ptr() as usize).wrapping_sub(block.as_ptr() as usize);
        match s {
            Cow::Borrowed(b) if start <= block.len() && b.len() <= block.len() - start => {
                Key::In(start, start + b.len())
            }
            other => Key::Own(other.into_owned()),
        }
    }

    fn get<'a>(&'a self, block: &'a [u8]) -> &'a str {
        match self {
            Key::In(start, end) => std::str::from_utf8(&block[*start..*end]).unwrap_or_default(),
            Key::Own(s) => s,
        }
    }
}

/// A parsed line: the quote's own fields, and what the speaker and the
/// category are to be looked up by.
struct Parsed {
    quote: QuoteEntry,
    /// Hashes of the id and of the speaker's key (qid or name), computed in
    /// parallel so that the sequential part only looks them up.
    id_hash: u64,
    speaker_hash: u64,
    /// In the line's block.
    speaker: Option<Key>,
    qid: Option<Key>,
    /// `YYYYMM`, 0 when undated.
    month: u32,
}

fn hash_of(state: &RandomState, tag: u8, s: &str) -> u64 {
    let mut h = state.build_hasher();
    h.write_u8(tag);
    s.hash(&mut h);
    h.finish()
}

/// Parses one line of `block`.
fn parse_line(line: &[u8], block: &[u8], state: &RandomState) -> Result<Parsed, (usize, String)> {
    // A line of valid UTF-8 (nearly always) is parsed as a `str`, which spares
    // serde_json checking every string again.
    let parsed = match std::str::from_utf8(line) {
        Ok(text) => serde_json::from_str::<Record>(text),
        Err(_) => serde_json::from_slice::<Record>(line),
    };
    let r: Record =
        parsed.map_err(|e| (e.column().max(1), super::files::json_error_message(&e)))?;
    let id = r.quote_id.trim();
    if id.is_empty() {
        return Err((1, "empty quoteID".into()));
    }
    if id
        .chars()
        .any(|c| c == '/' || c.is_whitespace() || c.is_control())
    {
        return Err((
            1,
            format!("quoteID {id:?} may not contain '/', spaces or control characters"),
        ));
    }
    if r.quotation.trim().is_empty() {
        return Err((1, format!("quote {id:?}: empty quotation")));
    }
    // No date (absent, null or empty) files the quote under "Undated"; a
    // date that is there must be a real one ("2020-01-16 12:00:00", the
    // time not used): an impossible one (`2020-13-45`) is a malformed line,
    // reported, never quietly taken for "no date".
    let (date, month) = match r.date.as_ref().map(|d| d.0.trim()) {
        None | Some("") => (None, 0),
        Some(d) => {
            let day = d.get(..10).unwrap_or(d);
            match civil_date(day) {
                Some(c) if c.year() > 0 => (
                    Some(day.to_string()),
                    c.year() as u32 * 100 + c.month() as u32,
                ),
                _ => {
                    return Err((
                        1,
                        format!(
                            "quote {id:?}: date {:?} is not a real date (YYYY-MM-DD)",
                            sanitize(d, false)
                        ),
                    ));
                }
            }
        }
    };
    let confidence = r
        .probas
        .0
        .filter(|p| (0.0..=1.0).contains(p))
        .map(|p| p as f32);
    let url = r
        .urls
        .0
        .filter(|u| !u.trim().is_empty())
        .map(|u| sanitize(&u, false).into_owned());
    let speaker = r
        .speaker
        .map(|s| s.0)
        .filter(|s| !s.trim().is_empty() && s.trim() != "None");
    let qid = r.qids.0.filter(|q| !q.trim().is_empty());
    let text = sanitize(r.quotation.trim(), true).into_owned();
    let speaker_hash = match (&speaker, &qid) {
        (None, _) => 0,
        (Some(_), Some(q)) => hash_of(state, 1, q.trim()),
        (Some(n), None) => hash_of(state, 2, n.trim()),
    };
    Ok(Parsed {
        id_hash: hash_of(state, 0, id),
        speaker_hash,
        quote: QuoteEntry {
            article: ArticleId::default(),
            speaker: SpeakerId::default(),
            category: CategoryId::default(),
            id: id.to_string(),
            kind: QuoteKind::Direct,
            text,
            span: (0, 0),
            date,
            note: None,
            cue: None,
            confidence,
            url,
        },
        speaker: speaker.map(|s| Key::new(s, block)),
        qid: qid.map(|q| Key::new(q, block)),
        month,
    })
}

/// Builds the corpus as lines come in: speakers and categories interned,
/// duplicate ids caught.
struct Builder {
    file: String,
    speakers: Vec<Speaker>,
    /// What each speaker was interned by: (is a qid, qid or name).
    keys: Vec<(bool, String)>,
    /// Hash of a speaker's key → the first speaker with that hash; keys whose
    /// hash collides with another's go to `colliding`.
    by_key: HashMap<u64, usize, Prehashed>,
    colliding: HashMap<(bool, String), usize>,
    speaker_ids: HashSet<String>,
    unknown: Option<usize>,
    months: HashMap<u32, usize>,
    quotes: Vec<QuoteEntry>,
    /// Hash of a quote id → the quote, to catch duplicates without keeping a
    /// second copy of every id.
    ids: HashMap<u64, usize, Prehashed>,
    skipped: Vec<Diagnostic>,
    first_date: Option<String>,
    /// The month and category of the previous quote (quotes come in date
    /// order, mostly).
    last_month: Option<(u32, usize)>,
}

/// For maps keyed by a hash already computed.
#[derive(Default, Clone, Copy)]
struct Prehashed;

impl BuildHasher for Prehashed {
    type Hasher = PrehashedHasher;
    fn build_hasher(&self) -> PrehashedHasher {
        PrehashedHasher(0)
    }
}

struct PrehashedHasher(u64);

impl Hasher for PrehashedHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl Builder {
    fn speaker(&mut self, name: Option<&str>, qid: Option<&str>, hash: u64) -> usize {
        let Some(name) = name.map(str::trim) else {
            if let Some(s) = self.unknown {
                return s;
            }
            let s = self.push_speaker("unknown".into(), UNKNOWN_SPEAKER.into(), None);
            // Looked up by `self.unknown`, not by key.
            self.keys.push((false, String::new()));
            self.unknown = Some(s);
            return s;
        };
        let qid = qid.map(str::trim);
        let key = (qid.is_some(), qid.unwrap_or(name));
        let first = self.by_key.get(&hash).copied();
        if let Some(s) = first
            && self.keys[s].0 == key.0
            && self.keys[s].1 == key.1
        {
            return s;
        }
        if first.is_some()
            && let Some(&s) = self.colliding.get(&(key.0, key.1.to_string()))
        {
            return s;
        }
        let id = match qid {
            Some(q) if super::files::check_id(q).is_ok() => q.to_string(),
            Some(q) => slug(q),
            None => slug(name),
        };
        let s = self.push_speaker(id, name.to_string(), qid);
        self.keys.push((key.0, key.1.to_string()));
        if first.is_some() {
            self.colliding.insert((key.0, key.1.to_string()), s);
        } else {
            self.by_key.insert(hash, s);
        }
        s
    }

    fn push_speaker(&mut self, id: String, name: String, qid: Option<&str>) -> usize {
        let id = if id.is_empty() { "speaker".into() } else { id };
        let unique = crate::model::claim_id(&mut self.speaker_ids, id);
        self.speakers.push(Speaker {
            id: unique,
            name: sanitize(&name, false).into_owned(),
            aliases: Vec::new(),
            role: None,
            affiliation: None,
            affiliation_aliases: Vec::new(),
            country: None,
            kind: SpeakerKind::Unclassified,
            note: qid.map(|q| format!("Wikidata {}", sanitize(q, false))),
        });
        self.speakers.len() - 1
    }

    fn category(&mut self, month: u32) -> usize {
        let next = self.months.len();
        *self.months.entry(month).or_insert(next)
    }

    fn add(&mut self, line: usize, parsed: Parsed, block: &[u8]) {
        let mut quote = parsed.quote;
        let hash = parsed.id_hash;
        if let Some(&first) = self.ids.get(&hash)
            && self.quotes[first].id == quote.id
        {
            self.skipped.push(Diagnostic::at(
                &self.file,
                line,
                1,
                format!("duplicate quoteID {:?}", quote.id),
            ));
            return;
        }
        // A hash collision between different ids keeps the first in the map;
        // the second is simply not checked for duplicates.
        self.ids.entry(hash).or_insert(self.quotes.len());
        quote.speaker = SpeakerId::new(self.speaker(
            parsed.speaker.as_ref().map(|k| k.get(block)),
            parsed.qid.as_ref().map(|k| k.get(block)),
            parsed.speaker_hash,
        ));
        quote.category = CategoryId::new(match self.last_month {
            Some((m, c)) if m == parsed.month => c,
            _ => {
                let c = self.category(parsed.month);
                self.last_month = Some((parsed.month, c));
                c
            }
        });
        if let Some(d) = &quote.date
            && self.first_date.as_ref().is_none_or(|f| d < f)
        {
            self.first_date = Some(d.clone());
        }
        self.quotes.push(quote);
    }

    fn finish(mut self, path: &Path) -> Corpus {
        // Categories in time order, undated last.
        let mut months: Vec<(u32, usize)> = self.months.iter().map(|(&m, &i)| (m, i)).collect();
        months.sort_by_key(|&(m, _)| if m == 0 { u32::MAX } else { m });
        let mut new_pos = vec![0; months.len()];
        let categories = months
            .iter()
            .enumerate()
            .map(|(pos, &(m, old))| {
                new_pos[old] = pos;
                month_category(m, pos)
            })
            .collect();
        for q in &mut self.quotes {
            q.category = CategoryId::new(new_pos[q.category.get()]);
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.file.clone());
        Corpus {
            article: Article {
                id: article_id(&name),
                title: sanitize(&name, false).into_owned(),
                author: "Quotebank".into(),
                author_role: None,
                outlet: "Quotebank".into(),
                date: self.first_date.unwrap_or_else(|| "1970-01-01".into()),
                series: None,
                part: None,
                url: None,
                body_file: None,
                body: None,
                guessed: Vec::new(),
            },
            file: self.file,
            categories,
            speakers: self.speakers,
            quotes: self.quotes,
            skipped: self.skipped,
        }
    }
}

fn month_category(month: u32, order: usize) -> Category {
    if month == 0 {
        return Category {
            id: "undated".into(),
            title: "Undated".into(),
            summary: "Quotations without a date".into(),
            order: order as i64,
        };
    }
    let (y, m) = (month / 100, month % 100);
    let name = jiff::civil::Date::new(y as i16, m as i8, 1)
        .map(|d| d.strftime("%B").to_string())
        .unwrap_or_else(|_| format!("{m:02}"));
    Category {
        id: format!("{y:04}-{m:02}"),
        title: format!("{name} {y}"),
        summary: format!("Quotations dated {name} {y}"),
        order: order as i64,
    }
}

/// `quotes-2020.json.bz2` → `quotes-2020`: lower-case letters, digits, `-`.
fn article_id(file_name: &str) -> String {
    let lower = file_name.to_lowercase();
    let mut stem = lower.as_str();
    for ext in [".bz2", ".jsonl", ".json", ".txt"] {
        stem = stem.strip_suffix(ext).unwrap_or(stem);
    }
    let id = slug(stem);
    if id.is_empty() {
        "quotebank".into()
    } else {
        id
    }
}

/// Lower-case ASCII letters and digits, other runs of characters as one `-`.
fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Counts the bytes read through it, for progress.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// One block of whole lines, and the bytes of the file read so far.
struct Block {
    data: Vec<u8>,
    read: u64,
}

/// Reads a Quotebank file. `progress` is called after each block with the
/// bytes of the file read so far (compressed bytes for bzip2) and the number
/// of quotes kept so far.
pub fn read(path: &Path, progress: &mut dyn FnMut(u64, usize)) -> Result<Corpus, LoadError> {
    let opened = Opened::open(path).map_err(|e| {
        Diagnostic::file(
            &path.display().to_string(),
            format!("cannot read: {}", reason(&e)),
        )
    })?;
    read_opened(path, opened, progress)
}

/// [`read`] for a file already opened.
pub fn read_opened(
    path: &Path,
    opened: Opened,
    progress: &mut dyn FnMut(u64, usize),
) -> Result<Corpus, LoadError> {
    let shown = path.display().to_string();
    let cannot = |e: &io::Error| Diagnostic::file(&shown, format!("cannot read: {}", reason(e)));
    let compressed = opened.head.starts_with(b"BZh");
    let size = opened.size;
    let count = Arc::new(AtomicU64::new(0));
    let counting = Counting {
        inner: opened.into_reader(),
        count: Arc::clone(&count),
    };
    let mut reader: Box<dyn Read + Send> = if compressed {
        Box::new(super::bz2::ParallelBzDecoder::new(counting))
    } else {
        Box::new(counting)
    };

    let mut b = Builder {
        file: shown.clone(),
        speakers: Vec::new(),
        keys: Vec::new(),
        by_key: HashMap::default(),
        colliding: HashMap::new(),
        speaker_ids: HashSet::new(),
        unknown: None,
        months: HashMap::new(),
        quotes: Vec::new(),
        ids: HashMap::default(),
        skipped: Vec::new(),
        first_date: None,
        last_month: None,
    };
    let state = RandomState::new();
    let mut capacity = 0usize;
    let mut built: Option<Builder> = None;
    let result: Result<(), Diagnostic> = std::thread::scope(|scope| {
        // One thread reads (and decompresses) while the caller parses.
        let (tx, rx) = sync_channel::<io::Result<Block>>(2);
        let count = &count;
        scope.spawn(move || {
            let mut carry: Vec<u8> = Vec::new();
            loop {
                let mut data = std::mem::take(&mut carry);
                data.reserve(BLOCK);
                let mut eof = false;
                // Fill to at least BLOCK bytes holding a newline, then cut
                // after the last newline: a line longer than a block is read
                // whole, however long. The carry holds no newline.
                let mut has_newline = false;
                while !(data.len() >= BLOCK && has_newline) {
                    let start = data.len();
                    data.resize(start + BLOCK.saturating_sub(start).max(64 << 10), 0);
                    match reader.read(&mut data[start..]) {
                        Ok(0) => {
                            data.truncate(start);
                            eof = true;
                            break;
                        }
                        Ok(n) => {
                            data.truncate(start + n);
                            has_newline |= memchr::memchr(b'\n', &data[start..]).is_some();
                        }
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => data.truncate(start),
                        Err(e) => {
                            let _ = tx.send(Err(e));
                            return;
                        }
                    }
                }
                if !eof && let Some(cut) = memchr::memrchr(b'\n', &data) {
                    carry.extend_from_slice(&data[cut + 1..]);
                    data.truncate(cut + 1);
                }
                let read = count.load(Ordering::Relaxed);
                if !data.is_empty() && tx.send(Ok(Block { data, read })).is_err() {
                    return;
                }
                if eof {
                    return;
                }
            }
        });
        // Lines are added to the corpus (interning, duplicate ids) on a third
        // thread, while the next block is parsed.
        type Batch = (Vec<u8>, Vec<Option<Parsed>>, Vec<Diagnostic>, usize);
        let (add_tx, add_rx) = sync_channel::<Batch>(2);
        let shown = &shown;
        let adder = scope.spawn(move || {
            let mut line_no = 0usize;
            for (data, parsed, errors, capacity) in add_rx {
                if capacity > b.quotes.capacity() {
                    b.quotes.reserve(capacity);
                    b.ids.reserve(capacity);
                }
                let mut errors = errors.into_iter().peekable();
                for p in parsed {
                    line_no += 1;
                    match p {
                        Some(p) => b.add(line_no, p, &data),
                        None => {
                            if errors.peek().is_some_and(|d| {
                                matches!(d.location, crate::error::Location::LineCol(l, _) if l == line_no)
                            }) {
                                b.skipped.extend(errors.next());
                            }
                        }
                    }
                }
            }
            b
        });
        let mut first_line = 1usize;
        let mut kept = 0usize;
        let mut reserved = false;
        for block in rx {
            let block = block.map_err(|e| cannot(&e))?;
            let mut lines: Vec<&[u8]> = Vec::with_capacity(block.data.len() / 256 + 1);
            let mut start = 0;
            for end in memchr::memchr_iter(b'\n', &block.data) {
                lines.push(&block.data[start..end]);
                start = end + 1;
            }
            if start < block.data.len() {
                lines.push(&block.data[start..]);
            }
            let data = &block.data;
            let results: Vec<Option<Result<Parsed, (usize, String)>>> = lines
                .par_iter()
                .with_min_len(256)
                .map(|line| {
                    let line = line.strip_suffix(b"\r").unwrap_or(line);
                    if line.trim_ascii().is_empty() {
                        None
                    } else {
                        Some(parse_line(line, data, &state))
                    }
                })
                .collect();
            if !reserved && !compressed && size > 0 {
                // Plain file: guess the number of lines from the first block,
                // so that the vectors are allocated once.
                reserved = true;
                let per_line = block.data.len() / lines.len().max(1);
                capacity = (size as usize / per_line.max(1)) * 21 / 20 + 16;
            }
            let mut errors = Vec::new();
            let parsed: Vec<Option<Parsed>> = results
                .into_iter()
                .enumerate()
                .map(|(i, r)| match r {
                    Some(Ok(p)) => {
                        kept += 1;
                        Some(p)
                    }
                    Some(Err((col, message))) => {
                        errors.push(Diagnostic::at(shown, first_line + i, col, message));
                        None
                    }
                    None => None,
                })
                .collect();
            first_line += parsed.len();
            drop(lines);
            let read = block.read;
            if add_tx.send((block.data, parsed, errors, capacity)).is_err() {
                break;
            }
            progress(read, kept);
        }
        drop(add_tx);
        built = adder.join().ok();
        Ok(())
    });
    result?;
    let Some(mut b) = built else {
        return Err(Diagnostic::file(&shown, "could not be read (internal error)").into());
    };
    if b.quotes.is_empty() && b.skipped.is_empty() {
        return Err(Diagnostic::file(&shown, "holds no quotation").into());
    }
    b.quotes.shrink_to_fit();
    Ok(b.finish(path))
}

fn reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_file_names() {
        assert_eq!(article_id("quotes-2020.json.bz2"), "quotes-2020");
        assert_eq!(article_id("My Corpus.jsonl"), "my-corpus");
        assert_eq!(article_id("???.jsonl"), "quotebank");
        assert_eq!(slug("Ramón Pacheco Pardo"), "ramon-pacheco-pardo");
    }

    #[test]
    fn a_line_with_every_field() {
        let line = br#"{"quoteID": "2020-01-16-000088", "quotation": "We will see.", "speaker": "Andrei Lankov", "qids": ["Q4347", "Q1"], "date": "2020-01-16 12:00:00", "numOccurrences": 3, "probas": [["Andrei Lankov", "0.7"], ["None", "0.3"]], "urls": ["https://example.org/a", "https://example.org/b"], "phase": "E"}"#;
        let p = parse_line(line, line, &RandomState::new()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(p.quote.id, "2020-01-16-000088");
        assert_eq!(p.quote.date.as_deref(), Some("2020-01-16"));
        assert_eq!(p.month, 202001);
        assert_eq!(p.quote.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(p.quote.confidence, Some(0.7));
        assert_eq!(p.qid.as_ref().map(|k| k.get(line)), Some("Q4347"));
        // Borrowed from the line, not copied.
        assert!(matches!(p.speaker, Some(Key::In(..))));
        assert_eq!(
            p.speaker.as_ref().map(|k| k.get(line)),
            Some("Andrei Lankov")
        );
    }

    #[test]
    fn an_impossible_date_is_an_error_and_no_date_is_undated() {
        let state = RandomState::new();
        let line = |date: &str| {
            format!(r#"{{"quoteID": "q", "quotation": "Hi.", "speaker": "A B", {date}}}"#)
        };
        for bad in [
            r#""date": "2020-13-45 12:00:00""#,
            r#""date": "2021-02-29""#,
            r#""date": "0000-01-01 00:00:00""#,
            r#""date": "yesterday""#,
        ] {
            let l = line(bad);
            let e = parse_line(l.as_bytes(), l.as_bytes(), &state).err();
            let (_, message) = e.unwrap_or_else(|| panic!("{bad} was accepted"));
            assert!(message.contains("is not a real date"), "{message}");
            assert!(message.contains("quote \"q\""), "{message}");
        }
        for undated in [r#""date": null"#, r#""date": """#, r#""x": 1"#] {
            let l = line(undated);
            let p = parse_line(l.as_bytes(), l.as_bytes(), &state)
                .unwrap_or_else(|e| panic!("{undated}: {e:?}"));
            assert_eq!((p.quote.date, p.month), (None, 0), "{undated}");
        }
        let l = line(r#""date": "2020-02-29 23:59:59""#);
        let p = parse_line(l.as_bytes(), l.as_bytes(), &state).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            (p.quote.date.as_deref(), p.month),
            (Some("2020-02-29"), 202002)
        );
    }

    #[test]
    fn month_categories_are_named() {
        assert_eq!(month_category(202002, 0).title, "February 2020");
        assert_eq!(month_category(0, 3).id, "undated");
    }

    #[test]
    fn none_speaker_and_missing_fields() {
        let p = parse_line(
            br#"{"quoteID": "x", "quotation": "Hi \"there\"", "speaker": "None", "qids": []}"#,
            b"",
            &RandomState::new(),
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(p.speaker.is_none());
        assert_eq!(p.quote.text, "Hi \"there\"");
        assert_eq!(p.month, 0);
        let e = parse_line(br#"{"quoteID": "x"}"#, b"", &RandomState::new())
            .err()
            .unwrap();
        assert!(e.1.contains("missing field `quotation`"), "{e:?}");
        let e = parse_line(
            br#"{"quoteID": "x", "quotation": "#,
            b"",
            &RandomState::new(),
        )
        .err()
        .unwrap();
        assert!(e.1.starts_with("invalid JSON"), "{e:?}");
    }
}

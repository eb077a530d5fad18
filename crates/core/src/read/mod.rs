//! Reading what `--data` names: datasets (from the copy embedded in the
//! binary, from files and folders), raw articles (imported by rules) and
//! Quotebank corpora ([`quotebank`], JSON Lines, plain or bzip2); parsing
//! and validating them into [`Source`]s for the index. Nothing here knows
//! the index: [`crate::load`] puts reading and indexing together.
//!
//! Every problem becomes a [`Diagnostic`]; reading never panics on bad input.

pub mod bz2;
pub mod files;
pub mod quotebank;

use files::{check_id, json_error_message};
pub use files::{is_stdin, read_bytes};

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, LoadError};
use crate::model::{Dataset, SCHEMA_VERSION};
use crate::text::parse_date;
use quotebank::Corpus;

/// Name under which the embedded dataset is reported.
pub const EMBEDDED_NAME: &str = "<bundled>/asmolov-2023-10-11.json";
const EMBEDDED_JSON: &str = include_str!("../../../../data/asmolov-2023-10-11.json");
const EMBEDDED_BODIES: &[(&str, &str)] = &[(
    "asmolov-2023-10-11-kim-visit-part-5.txt",
    include_str!("../../../../data/asmolov-2023-10-11-kim-visit-part-5.txt"),
)];

/// The largest dataset or article read (they are read whole and parsed in
/// memory; a corpus of quotes streams and has no such limit). A news
/// article is a few hundred KiB, the bundled dataset 100 KiB.
pub const MAX_DOCUMENT: u64 = 256 << 20;

/// A parsed dataset together with its body text and the file it came from.
#[derive(Debug, Clone)]
pub struct LoadedDataset {
    /// The file it was read from, as given (used in messages).
    pub file: String,
    pub dataset: Dataset,
    /// The article body, from `body` or `body_file`.
    pub body: String,
}

/// The dataset shipped inside the binary.
pub fn embedded() -> Result<Vec<LoadedDataset>, LoadError> {
    let datasets = parse(EMBEDDED_NAME, EMBEDDED_JSON)?;
    resolve_bodies(EMBEDDED_NAME, datasets, |name| {
        EMBEDDED_BODIES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, body)| body.to_string())
            .ok_or_else(|| "no such embedded file".to_string())
    })
}

/// What a file read for the index holds.
#[derive(Debug, Clone)]
pub enum Source {
    /// A curated dataset (one article with its body).
    Dataset(LoadedDataset),
    /// A Quotebank corpus (quotations without an article text).
    Corpus(Corpus),
}

/// Where a load is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and parsing files.
    Reading,
    /// Cross-referencing and computing search keys: no more bytes to read.
    Indexing,
    /// The index is ready.
    Done,
}

/// How far a load has come, for a progress bar or gauge. Reported after every
/// few megabytes read, and at each change of [`Stage`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    /// Bytes of the files read so far (compressed bytes for a bzip2 file).
    pub bytes_read: u64,
    /// Size of all the files to read.
    pub bytes_total: u64,
    /// Quotes read so far.
    pub quotes: usize,
}

impl Progress {
    /// Between 0 and 1.
    pub fn fraction(&self) -> f64 {
        match self.stage {
            Stage::Done => 1.0,
            _ if self.bytes_total == 0 => 0.0,
            _ => (self.bytes_read as f64 / self.bytes_total as f64).min(1.0),
        }
    }
}

/// Reads every dataset, article and corpus named by `paths` (files or
/// folders), calling `progress` as it goes (from the calling thread); with
/// `strict`, a malformed corpus line is an error, otherwise it is returned
/// among the skipped lines. Returns what was read, the lines skipped, and
/// the last progress reported.
pub fn read_sources(
    paths: &[PathBuf],
    strict: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Vec<Source>, Vec<Diagnostic>, Progress), LoadError> {
    let mut diagnostics = Vec::new();
    let mut files = Vec::new();
    let mut folder_articles = Vec::new();
    for path in paths {
        match files_of(path) {
            Ok((mut f, mut a)) => {
                files.append(&mut f);
                folder_articles.append(&mut a);
            }
            Err(e) => diagnostics.extend(e.diagnostics),
        }
    }
    // Articles of a folder are read after its datasets, unless one of them
    // is a dataset's body file.
    let canonical = |p: &Path| fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let datasets_first = files.len();
    files.append(&mut folder_articles);
    let bytes_total = files
        .iter()
        .map(|f| fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .sum();
    let mut at = Progress {
        stage: Stage::Reading,
        bytes_read: 0,
        bytes_total,
        quotes: 0,
    };
    progress(at);
    let mut sources = Vec::new();
    let mut skipped = Vec::new();
    let mut bodies: HashSet<PathBuf> = HashSet::new();
    for (i, file) in files.iter().enumerate() {
        if i == datasets_first {
            bodies = sources
                .iter()
                .filter_map(|s| match s {
                    Source::Dataset(d) => {
                        let dir = Path::new(&d.file).parent()?;
                        Some(canonical(&dir.join(d.dataset.article.body_file.as_ref()?)))
                    }
                    Source::Corpus(_) => None,
                })
                .collect();
        }
        if i >= datasets_first && bodies.contains(&canonical(file)) {
            continue;
        }
        let shown = file.display().to_string();
        let cannot =
            |e: std::io::Error| Diagnostic::file(&shown, format!("cannot read: {}", io_reason(&e)));
        let before = at;
        let read = match quotebank::Opened::open(file) {
            Err(e) => Err(LoadError::from(cannot(e))),
            Ok(opened) if quotebank::is_corpus_head(file, &opened.head) => {
                quotebank::read_opened(file, opened, &mut |bytes, quotes| {
                    at.bytes_read = before.bytes_read + bytes;
                    at.quotes = before.quotes + quotes;
                    progress(at);
                })
                .map(|mut c| {
                    skipped.append(&mut c.skipped);
                    vec![Source::Corpus(c)]
                })
            }
            Ok(opened) => opened
                .read_at_most(MAX_DOCUMENT, "for a dataset or an article")
                .map_err(|e| LoadError::from(cannot(e)))
                .and_then(|bytes| text_of(&shown, bytes))
                .and_then(|text| read_file_text(file, &text))
                .map(|d| d.into_iter().map(Source::Dataset).collect::<Vec<_>>()),
        };
        match read {
            Ok(mut s) => {
                at.quotes = before.quotes
                    + s.iter()
                        .map(|s| match s {
                            Source::Dataset(d) => d.dataset.quotes.len(),
                            Source::Corpus(c) => c.quotes.len(),
                        })
                        .sum::<usize>();
                sources.append(&mut s);
            }
            Err(e) => diagnostics.extend(e.diagnostics),
        }
        at.bytes_read = before.bytes_read + fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        progress(at);
    }
    if strict {
        diagnostics.append(&mut skipped);
    }
    if !diagnostics.is_empty() {
        return Err(LoadError { diagnostics });
    }
    Ok((sources, skipped, at))
}

/// The files to read for `path`: a file as it is; for a folder, its dataset
/// and corpus files (`*.json`, `*.jsonl`, `*.bz2`) and, second, its articles
/// (`*.txt`, `*.html`, `*.htm`), each list in name order. An article that is
/// the body of a dataset beside it is left out later, once the datasets are
/// read.
fn files_of(path: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), LoadError> {
    if is_stdin(path) {
        return Ok((vec![path.to_path_buf()], Vec::new()));
    }
    let shown = path.display().to_string();
    let meta = fs::metadata(path)
        .map_err(|e| Diagnostic::file(&shown, format!("cannot read: {}", io_reason(&e))))?;
    if !meta.is_dir() {
        return Ok((vec![path.to_path_buf()], Vec::new()));
    }
    let mut files: Vec<PathBuf> = fs::read_dir(path)
        .map_err(|e| Diagnostic::file(&shown, format!("cannot read folder: {}", io_reason(&e))))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let (data, rest): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|p| has_extension(p, &["json"]) || quotebank::has_corpus_name(p));
    let articles: Vec<PathBuf> = rest.into_iter().filter(|p| is_article_name(p)).collect();
    if data.is_empty() && articles.is_empty() {
        return Err(Diagnostic::file(
            &shown,
            "folder holds no *.json dataset, no Quotebank corpus and no *.txt or *.html article",
        )
        .into());
    }
    Ok((data, articles))
}

/// Reads one dataset file and the body files it names, or imports an
/// article (see [`is_article`]).
pub fn read_file(path: &Path) -> Result<Vec<LoadedDataset>, LoadError> {
    read_file_text(path, &read_text(path)?)
}

/// [`read_file`] for a file whose text is already read.
fn read_file_text(path: &Path, text: &str) -> Result<Vec<LoadedDataset>, LoadError> {
    let shown = path.display().to_string();
    if is_article(path, text) {
        return import_text(path, text, &mut |_, _| {}).map(|d| vec![d]);
    }
    let datasets = parse(&shown, text)?;
    let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
    resolve_bodies(&shown, datasets, |name| {
        read_text(&dir.join(name)).map_err(|e| {
            e.diagnostics
                .first()
                .map(|d| d.message.clone())
                .unwrap_or_default()
        })
    })
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| extensions.iter().any(|e| x.eq_ignore_ascii_case(e)))
}

fn is_article_name(path: &Path) -> bool {
    has_extension(path, &["txt", "html", "htm"])
}

/// Whether a file is a raw article rather than a dataset: a `.txt`, `.html`
/// or `.htm` file, or, with any other extension but `.json`, a file whose
/// first non-blank character is neither `{` nor `[`.
pub fn is_article(path: &Path, text: &str) -> bool {
    if has_extension(path, &["json"]) {
        return false;
    }
    is_article_name(path)
        || !text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with(['{', '['])
}

/// Reads an article and imports it on the fly (see [`crate::import`]).
pub fn import_file(path: &Path) -> Result<LoadedDataset, LoadError> {
    import_file_with_progress(path, &mut |_, _| {})
}

/// Like [`import_file`], telling `progress` how far the import has gone, as
/// [`crate::import::import_with_progress`] does.
pub fn import_file_with_progress(
    path: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<LoadedDataset, LoadError> {
    let text = read_text(path)?;
    import_text(path, &text, progress)
}

fn import_text(
    path: &Path,
    text: &str,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<LoadedDataset, LoadError> {
    let shown = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut dataset = crate::import::import_with_progress(text, &name, progress)
        .map_err(|e| Diagnostic::file(&shown, format!("cannot import: {e}")))?;
    let body = dataset.article.body.take().unwrap_or_default();
    Ok(LoadedDataset {
        file: shown,
        dataset,
        body,
    })
}

/// Whether `path` names standard input (`-`), as it does wherever a file is
/// Reads a whole file (standard input for `-`) as UTF-8, with a positioned
/// error for invalid bytes.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let shown = path.display().to_string();
    let bytes = read_bytes(path)
        .map_err(|e| Diagnostic::file(&shown, format!("cannot read: {}", io_reason(&e))))?;
    text_of(&shown, bytes)
}

/// `bytes` of file `shown` as UTF-8, with a positioned error for invalid
/// bytes.
fn text_of(shown: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let (line, col) = line_col(&bytes[..good]);
        Diagnostic::at(
            shown,
            line,
            col,
            "invalid UTF-8: the file must be UTF-8 text",
        )
        .into()
    })
}

fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|b| **b == b'\n').count() + 1;
    let last = prefix
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&prefix[last..]).chars().count() + 1;
    (line, col)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Parses dataset JSON: one object, or an array of objects.
pub fn parse(file: &str, text: &str) -> Result<Vec<Dataset>, Diagnostic> {
    // A first pass as untyped JSON gives syntax errors and lets an unknown
    // schema version be reported as such, before field-by-field errors.
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| json_diagnostic(file, &e))?;
    let objects: Vec<&serde_json::Value> = match &value {
        serde_json::Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    for (i, obj) in objects.iter().enumerate() {
        let Some(map) = obj.as_object() else {
            return Err(Diagnostic::file(
                file,
                format!("dataset {} is not a JSON object", i + 1),
            ));
        };
        match map.get("schema_version") {
            None => return Err(Diagnostic::file(file, "missing field `schema_version`")),
            Some(v) if v.as_u64() != Some(SCHEMA_VERSION as u64) => {
                return Err(Diagnostic::file(
                    file,
                    format!(
                        "unknown schema_version {v}: this build reads version {SCHEMA_VERSION}"
                    ),
                ));
            }
            Some(_) => {}
        }
    }
    let datasets = if value.is_array() {
        serde_json::from_str::<Vec<Dataset>>(text)
    } else {
        serde_json::from_str::<Dataset>(text).map(|d| vec![d])
    };
    datasets.map_err(|e| json_diagnostic(file, &e))
}

fn json_diagnostic(file: &str, e: &serde_json::Error) -> Diagnostic {
    let message = json_error_message(e);
    if e.line() == 0 {
        Diagnostic::file(file, message)
    } else {
        Diagnostic::at(file, e.line(), e.column().max(1), message)
    }
}

fn resolve_bodies(
    file: &str,
    datasets: Vec<Dataset>,
    read_body: impl Fn(&str) -> Result<String, String>,
) -> Result<Vec<LoadedDataset>, LoadError> {
    let mut out = Vec::new();
    let mut diagnostics = Vec::new();
    for mut dataset in datasets {
        let id = dataset.article.id.clone();
        let body = match (dataset.article.body.take(), &dataset.article.body_file) {
            (Some(_), Some(_)) => Err("give either \"body\" or \"body_file\", not both".into()),
            (None, None) => Err("missing the article text: give \"body\" or \"body_file\"".into()),
            (Some(body), None) => Ok(body),
            (None, Some(name)) => {
                read_body(name).map_err(|reason| format!("body file {name:?}: {reason}"))
            }
        };
        match body {
            Ok(body) => out.push(LoadedDataset {
                file: file.to_string(),
                dataset,
                body,
            }),
            Err(message) => diagnostics.push(Diagnostic::record(
                file,
                "article",
                &id,
                Some("body_file"),
                message,
            )),
        }
    }
    if diagnostics.is_empty() {
        Ok(out)
    } else {
        Err(LoadError { diagnostics })
    }
}

/// Every problem in one dataset that can be seen without the others.
pub fn validate(loaded: &LoadedDataset) -> Vec<Diagnostic> {
    let file = loaded.file.as_str();
    let d = &loaded.dataset;
    let a = &d.article;
    let mut out = Vec::new();
    let mut push = |kind, id: &str, field, message: String| {
        out.push(Diagnostic::record(file, kind, id, field, message))
    };

    if let Err(m) = check_id(&a.id) {
        push("article", &a.id, Some("id"), m);
    }
    for (field, value) in [
        ("title", &a.title),
        ("author", &a.author),
        ("outlet", &a.outlet),
    ] {
        if value.trim().is_empty() {
            push("article", &a.id, Some(field), "is empty".into());
        }
    }
    // An empty date is an unknown one (an imported article that gives none).
    if !a.date.is_empty() && parse_date(&a.date).is_none() {
        push(
            "article",
            &a.id,
            Some("date"),
            format!("{:?} is not a date (YYYY-MM-DD)", a.date),
        );
    }

    let mut seen = HashSet::new();
    for c in &d.categories {
        if let Err(m) = check_id(&c.id) {
            push("category", &c.id, Some("id"), m);
        }
        if !seen.insert(c.id.as_str()) {
            push("category", &c.id, Some("id"), "duplicate id".into());
        }
        if c.title.trim().is_empty() {
            push("category", &c.id, Some("title"), "is empty".into());
        }
    }
    let categories = seen;

    let mut speakers = HashSet::new();
    for s in &d.speakers {
        if let Err(m) = check_id(&s.id) {
            push("speaker", &s.id, Some("id"), m);
        }
        if !speakers.insert(s.id.as_str()) {
            push("speaker", &s.id, Some("id"), "duplicate id".into());
        }
        if s.name.trim().is_empty() {
            push("speaker", &s.id, Some("name"), "is empty".into());
        }
    }

    // An article without a body is a corpus of quotations: no spans.
    let corpus = loaded.body.is_empty();
    // Character offset -> byte offset, for checking spans.
    let offsets: Vec<usize> = loaded
        .body
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(loaded.body.len()))
        .collect();
    let body_chars = offsets.len() - 1;

    let mut quotes = HashSet::new();
    for q in &d.quotes {
        if let Err(m) = check_id(&q.id) {
            push("quote", &q.id, Some("id"), m);
        }
        if !quotes.insert(q.id.as_str()) {
            push("quote", &q.id, Some("id"), "duplicate id".into());
        }
        if !speakers.contains(q.speaker.as_str()) {
            push(
                "quote",
                &q.id,
                Some("speaker"),
                format!("no speaker {:?} in this article", q.speaker),
            );
        }
        if !categories.contains(q.category.as_str()) {
            push(
                "quote",
                &q.id,
                Some("category"),
                format!("no category {:?} in this article", q.category),
            );
        }
        if q.text.trim().is_empty() {
            push("quote", &q.id, Some("text"), "is empty".into());
        }
        if let Some(date) = &q.date
            && parse_date(date).is_none()
        {
            push(
                "quote",
                &q.id,
                Some("date"),
                format!("{date:?} is not a date (YYYY-MM-DD)"),
            );
        }
        if let Some(c) = q.confidence
            && !(0.0..=1.0).contains(&c)
        {
            push(
                "quote",
                &q.id,
                Some("confidence"),
                format!("{c} is not between 0 and 1"),
            );
        }
        let [start, end] = q.span;
        if corpus {
            if q.span != [0, 0] {
                push(
                    "quote",
                    &q.id,
                    Some("span"),
                    format!("[{start}, {end}] in an article without a body: must be [0, 0]"),
                );
            }
        } else if start > end {
            push(
                "quote",
                &q.id,
                Some("span"),
                format!("[{start}, {end}] starts after it ends"),
            );
        } else if end > body_chars {
            push(
                "quote",
                &q.id,
                Some("span"),
                format!("[{start}, {end}] lies outside the article body ({body_chars} characters)"),
            );
        } else {
            let found = &loaded.body[offsets[start]..offsets[end]];
            if found != q.text {
                push(
                    "quote",
                    &q.id,
                    Some("span"),
                    format!(
                        "[{start}, {end}] is {:?} in the body, not the quote's text {:?}",
                        crate::text::ellipsize(found, 60),
                        crate::text::ellipsize(&q.text, 60)
                    ),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col(b""), (1, 1));
        assert_eq!(line_col("ab\ncé".as_bytes()), (2, 3));
    }

    #[test]
    fn syntax_error_has_position() {
        let e = parse("x.json", "{\n  \"schema_version\": 1,\n  oops\n}").unwrap_err();
        assert_eq!(e.location, crate::error::Location::LineCol(3, 3));
        assert!(e.to_string().starts_with("x.json:3:3: invalid JSON"), "{e}");
    }

    #[test]
    fn unknown_schema_version() {
        let e = parse("x.json", r#"{"schema_version": 7}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.json: unknown schema_version 7: this build reads version 1"
        );
    }

    #[test]
    fn embedded_dataset_is_valid() {
        let datasets = embedded().expect("bundled dataset parses");
        assert_eq!(datasets.len(), 1);
        assert!(validate(&datasets[0]).is_empty());
        assert!(datasets[0].dataset.quotes.len() >= 50);
        assert!(datasets[0].dataset.speakers.len() >= 30);
    }
}

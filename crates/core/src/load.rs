//! Loading: reading what `--data` names ([`crate::read`]) and building the
//! index over it ([`crate::index::Index`]), or opening an index written to
//! disk ([`crate::disk`]) without reading any corpus; with progress for a
//! bar or gauge ([`load_paths_with_progress`]).

use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, LoadError};
use crate::index::Index;
pub use crate::read::{
    EMBEDDED_NAME, LoadedDataset, Progress, Source, Stage, embedded, import_file,
    import_file_with_progress, is_article, is_stdin, parse, read_bytes, read_file, read_text,
    validate,
};

/// How to load.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Make a malformed line of a corpus an error instead of skipping it.
    pub strict: bool,
    /// Build no word index in memory (for writing one to disk, which
    /// indexes the words itself).
    pub records_only: bool,
}

/// A loaded index, with what was left out of it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub index: Index,
    /// Malformed corpus lines that were skipped, each with its file and line
    /// number (always empty with [`LoadOptions::strict`]).
    pub skipped: Vec<Diagnostic>,
}

/// The index of the bundled dataset.
pub fn load_embedded() -> Result<Index, LoadError> {
    Index::build(embedded()?)
}

/// Loads every dataset named by `paths` (files or folders) into one index.
///
/// Malformed lines of Quotebank corpora are skipped silently here; use
/// [`load_paths_with_progress`] to see them, or to refuse them.
pub fn load_paths(paths: &[PathBuf]) -> Result<Index, LoadError> {
    load_paths_with_progress(paths, LoadOptions::default(), |_| {}).map(|l| l.index)
}

/// Whether `path` is an index directory written by `reactions index`.
pub fn is_index_dir(path: &Path) -> bool {
    crate::disk::is_index(path)
}

/// Like [`load_paths`], calling `progress` as it goes (from the calling
/// thread) and returning the corpus lines it skipped.
///
/// This is what a user interface calls to show a progress bar or gauge
/// while a large corpus loads:
///
/// ```no_run
/// # use reactions_core::load::*;
/// let paths = vec![std::path::PathBuf::from("quotes-2020.json.bz2")];
/// let loaded = load_paths_with_progress(&paths, LoadOptions::default(), |p| {
///     eprint!("\r{:3.0}% {} quotes", p.fraction() * 100.0, p.quotes);
/// });
/// ```
pub fn load_paths_with_progress(
    paths: &[PathBuf],
    options: LoadOptions,
    mut progress: impl FnMut(Progress),
) -> Result<Loaded, LoadError> {
    // An index directory opens alone, without reading any corpus.
    if let Some(dir) = paths.iter().find(|p| crate::disk::is_index(p)) {
        if paths.len() > 1 {
            return Err(LoadError::from(Diagnostic::file(
                &dir.display().to_string(),
                "an index opens alone: give it as the only --data (or index the other inputs into it)",
            )));
        }
        let index = crate::disk::open(dir)?;
        progress(Progress {
            stage: Stage::Done,
            bytes_read: 0,
            bytes_total: 0,
            quotes: index.quote_total(),
        });
        return Ok(Loaded {
            index,
            skipped: Vec::new(),
        });
    }
    let (sources, skipped, mut at) =
        crate::read::read_sources(paths, options.strict, &mut progress)?;
    at.stage = Stage::Indexing;
    progress(at);
    let index = if options.records_only {
        Index::build_records(sources)?
    } else {
        Index::build_from(sources)?
    };
    at.stage = Stage::Done;
    progress(at);
    Ok(Loaded { index, skipped })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_index_loads() {
        let index = load_embedded().expect("bundled dataset validates");
        assert!(index.quote_total() >= 50);
        assert!(index.speakers().len() >= 30);
    }
}

//! Errors of the library. Every problem in a dataset is a [`Diagnostic`]: one
//! line naming the file, where in it (line:column, or the record and field),
//! and what is wrong.

use std::fmt;

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole.
    File,
    /// 1-based line and column, for syntax and type errors.
    LineCol(usize, usize),
    /// A record and, optionally, one of its fields: `quote "lankov-1", span`.
    Record {
        kind: &'static str,
        id: String,
        field: Option<&'static str>,
    },
}

/// One problem found while loading or checking a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub location: Location,
    pub message: String,
}

impl Diagnostic {
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            location: Location::File,
            message: message.into(),
        }
    }

    pub fn at(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            location: Location::LineCol(line, column),
            message: message.into(),
        }
    }

    pub fn record(
        file: &str,
        kind: &'static str,
        id: &str,
        field: Option<&'static str>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.to_string(),
            location: Location::Record {
                kind,
                id: id.to_string(),
                field,
            },
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Location::File => write!(f, "{}: {}", self.file, self.message),
            Location::LineCol(l, c) => write!(f, "{}:{l}:{c}: {}", self.file, self.message),
            Location::Record { kind, id, field } => {
                write!(f, "{}: {kind} {id:?}", self.file)?;
                if let Some(field) = field {
                    write!(f, ", field \"{field}\"")?;
                }
                write!(f, ": {}", self.message)
            }
        }
    }
}

/// A dataset that could not be loaded: every problem found, in file order.
#[derive(Debug, Clone, thiserror::Error)]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
}

impl From<Diagnostic> for LoadError {
    fn from(d: Diagnostic) -> Self {
        LoadError {
            diagnostics: vec![d],
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

/// A look-up by id or name that found nothing, or too much.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    #[error("no {kind} {id:?}")]
    NotFound { kind: &'static str, id: String },
    #[error("{kind} {id:?} is ambiguous: {}", candidates.join(", "))]
    Ambiguous {
        kind: &'static str,
        id: String,
        candidates: Vec<String>,
    },
}

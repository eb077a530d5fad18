//! The core of `reactions`: who said what about an event, as an index to
//! search and browse. No terminal code: the command line and the explorer
//! (in the `reactions` crate) are built on it.
//!
//! The modules, from the bottom up (each uses only those above it):
//!
//! - [`model`], [`ids`], [`text`], [`error`]: the dataset schema; the typed
//!   ids of records in an index; sanitising untrusted text, folding, words,
//!   dates; diagnostics;
//! - [`query`]: the query language (fzf's extended syntax over words),
//!   parsed;
//! - [`store`]: the word index of quotes: the [`store::Store`] trait and its
//!   implementation on tantivy shards, in memory or on disk;
//! - [`import`]: a raw article (plain text or HTML) to a dataset, by rules;
//! - [`read`]: reading and validating datasets (embedded or from files),
//!   articles and Quotebank corpora (JSON Lines, plain or bzip2);
//! - [`index`]: the immutable, cross-referenced [`index::Index`];
//! - [`eval`]: scoring an imported dataset against a curated one;
//! - [`search`]: search over speakers, categories and quotes; [`disk`]: an index written to a directory, and opened from
//!   it; [`stats`]: quotes per category and kind of speaker, the timeline;
//!   [`format`]: a quote with its attribution as plain text, Markdown or
//!   JSON;
//! - [`load`]: reading plus indexing, or opening an index on disk;
//!   [`worker`]: searching on a thread, the newest query cancelling older
//!   ones.
#![forbid(unsafe_code)]

pub mod disk;
pub mod error;
pub mod eval;
pub mod format;
pub mod ids;
pub mod import;
pub mod index;
pub mod load;
pub mod model;
pub mod query;
pub mod read;
pub mod search;
pub mod stats;
pub mod store;
pub mod text;
pub mod worker;

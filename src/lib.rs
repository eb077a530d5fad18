//! `reactions`: who said what about an event, as an index to search and browse.
//!
//! - [`model`]: the dataset schema (articles, categories, speakers, quotes);
//! - [`read`]: reading and validating datasets (embedded or from files),
//!   articles and Quotebank corpora (JSON Lines, plain or bzip2);
//! - [`load`]: reading plus indexing, or opening an index on disk;
//! - [`index`]: the immutable, cross-referenced [`index::Index`];
//! - [`disk`]: an index written to a directory, and opened from it;
//! - [`store`]: the word index of quotes (tantivy), in memory or on disk;
//! - [`search`]: the query language, and search over speakers, categories
//!   and quotes;
//! - [`format`]: a quote with its attribution as plain text, Markdown or JSON;
//! - [`worker`]: searching on a thread, the newest query cancelling older ones;
//! - [`clipboard`]: copying over OSC 52, tmux and the system's tools;
//! - [`import`]: a raw article (plain text or HTML) to a dataset, by rules;
//! - [`eval`]: scoring an imported dataset against a curated one;
//! - [`cli`] and [`commands`]: the command line, writing to any `Write`;
//! - [`stats`]: quotes per category and kind of speaker, and the timeline;
//! - [`text`]: sanitising untrusted text, folding, dates;
//! - [`tui`]: the terminal explorer (state, actions, update, view).
//!
//! Only [`tui`] knows about terminals; everything else serves the CLI and
//! the explorer alike. `main.rs` parses the command line, loads, dispatches.
#![forbid(unsafe_code)]

pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod disk;
pub mod error;
pub mod eval;
pub mod format;
pub mod import;
pub mod index;
pub mod load;
pub mod model;
pub mod read;
pub mod search;
pub mod stats;
pub mod store;
pub mod text;
pub mod tui;
pub mod worker;

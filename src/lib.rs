//! `reactions`: who said what about an event, as an index to search and browse.
//!
//! - [`model`]: the dataset schema (articles, categories, speakers, quotes);
//! - [`load`]: reading and validating datasets, embedded or from files;
//! - [`quotebank`]: reading Quotebank corpora (JSON Lines, plain or bzip2);
//! - [`index`]: the immutable, cross-referenced [`index::Index`];
//! - [`search`]: fuzzy search over speakers, categories and quotes;
//! - [`worker`]: searching on a thread, the newest query cancelling older ones;
//! - [`format`]: a quote with its attribution as plain text, Markdown or JSON;
//! - [`commands`]: the CLI subcommands, writing to any `Write`;
//! - [`text`]: sanitising untrusted text, folding, dates.
//!
//! Nothing here knows about terminals; the TUI lives in the binary.
#![forbid(unsafe_code)]

mod bz2;
pub mod cli;
pub mod commands;
pub mod error;
pub mod format;
pub mod index;
pub mod load;
pub mod model;
pub mod quotebank;
pub mod search;
pub mod text;
pub mod tui;
pub mod worker;

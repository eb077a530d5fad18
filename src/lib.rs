//! `reactions`: who said what about an event, as an index to search and
//! browse, in the terminal.
//!
//! Everything that knows no terminal is in `reactions-core` (`crates/core`),
//! re-exported here under the same names: [`model`], [`read`], [`load`],
//! [`index`], [`disk`], [`store`], [`search`], [`format`], [`worker`],
//! [`import`], [`eval`], [`stats`], [`text`], [`error`]. This crate adds:
//!
//! - [`cli`] and [`commands`]: the command line, writing to any `Write`;
//! - [`clipboard`]: copying over OSC 52, tmux and the system's tools;
//! - [`tui`]: the terminal explorer (state, actions, update, view).
//!
//! `main.rs` parses the command line, loads, dispatches.
#![forbid(unsafe_code)]

pub use reactions_core::{
    disk, error, eval, format, ids, import, index, load, model, read, search, stats, store, text,
    worker,
};

pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod opener;
pub mod tui;

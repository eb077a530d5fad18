//! The article importer on HTML: see [`common::check_import`].
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::check_import(data, "fuzz.html"));

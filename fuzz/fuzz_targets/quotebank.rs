//! Quotebank JSON Lines, plain or bzip2 (the input compressed when its first
//! byte is odd): any bytes read to a corpus or one clear error; every line
//! is kept or reported, never lost; no text can drive a terminal.
#![no_main]

mod common;

use std::io::Write;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use reactions_core::read::quotebank::{Opened, read_opened};

fuzz_target!(|data: &[u8]| {
    let compress = data.first().is_some_and(|b| b & 1 == 1);
    let bytes = if compress {
        let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        e.write_all(data).expect("compress");
        e.finish().expect("compress")
    } else {
        data.to_vec()
    };
    let opened = Opened::from_bytes(bytes);
    let Ok(corpus) = read_opened(Path::new("fuzz.jsonl"), opened, &mut |_, _| {}) else {
        return;
    };
    // Nothing lost: every non-blank line is a quote, a duplicate merged
    // into one, or reported as skipped.
    let lines = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    assert!(corpus.quotes.len() + corpus.skipped.len() <= lines);
    for q in &corpus.quotes {
        common::assert_clean(&q.text, true);
        assert!(q.speaker.get() < corpus.speakers.len());
        assert!(q.category.get() < corpus.categories.len());
    }
    for s in &corpus.speakers {
        common::assert_clean(&s.name, false);
    }
});

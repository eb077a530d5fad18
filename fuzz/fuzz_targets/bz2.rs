//! The parallel bzip2 decoder: any bytes decode or fail with an error, never
//! a panic; whatever the reference encoder writes, it decodes back exactly,
//! also when streams are concatenated (as pbzip2 writes them).
#![no_main]

use std::io::{Read, Write};

use libfuzzer_sys::fuzz_target;
use reactions_core::read::bz2::ParallelBzDecoder;

fn encode(data: &[u8], level: u32) -> Vec<u8> {
    let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::new(level));
    e.write_all(data).expect("compress");
    e.finish().expect("compress")
}

fuzz_target!(|data: &[u8]| {
    // Raw bytes as bzip2 data: an error or some output, with a bound.
    let mut out = Vec::new();
    let _ = ParallelBzDecoder::new(data)
        .take(64 << 20)
        .read_to_end(&mut out);
    // Bytes compressed by the reference encoder: exactly the bytes.
    let (a, b) = data.split_at(data.len() / 2);
    let mut both = encode(a, 1);
    both.extend(encode(b, 9));
    let mut decoded = Vec::new();
    ParallelBzDecoder::new(&both[..])
        .read_to_end(&mut decoded)
        .expect("valid bzip2 decodes");
    assert_eq!(decoded, data);
});

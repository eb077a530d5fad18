//! bzip2 decompression on every core.
//!
//! A bzip2 stream is a header (`BZh1`…`BZh9`) and a sequence of blocks, each
//! starting with the 48-bit magic `0x314159265359` and its CRC, not aligned
//! to bytes, and an end-of-stream mark (`0x177245385090`, the stream's CRC).
//! Blocks are independent, so each one, copied into a stream of its own, can
//! be decompressed on its own thread (as lbzip2 and pbzip2 do); the outputs
//! are served in order. Each block's CRC is checked by the decoder, so a
//! block boundary wrongly found inside compressed data (a chance of about one
//! in 10^14 per bit) fails its CRC and is merged back with the next piece.
//!
//! The compressed input is read a chunk at a time: memory holds one chunk of
//! compressed data and its decompressed blocks, whatever the file's size.

use std::io::{self, Read};

use rayon::prelude::*;

const BLOCK_MAGIC: u64 = 0x3141_5926_5359;
const END_MAGIC: u64 = 0x1772_4538_5090;
const MASK48: u64 = (1 << 48) - 1;

/// Compressed bytes read at a time: a few blocks for each core.
const CHUNK: usize = 1 << 20;

/// A reader of bzip2 data (one or several concatenated streams) that
/// decompresses blocks in parallel.
pub struct ParallelBzDecoder<R> {
    inner: R,
    /// Compressed bytes, from the first not yet decoded.
    input: Vec<u8>,
    /// Bytes of `input` already scanned for magics.
    scanned: usize,
    /// The last 64 bits scanned.
    window: u64,
    /// Bit positions in `input` of block starts (`true`) and stream ends
    /// (`false`) found and not yet decoded.
    marks: Vec<(usize, bool)>,
    eof: bool,
    output: Vec<u8>,
    served: usize,
    /// Bytes to read at a time.
    chunk: usize,
    /// Whether a block or a stream end was ever found: bzip2 data with
    /// neither is damaged.
    any_mark: bool,
}

impl<R: Read> ParallelBzDecoder<R> {
    pub fn new(inner: R) -> Self {
        ParallelBzDecoder {
            inner,
            input: Vec::new(),
            scanned: 0,
            window: 0,
            marks: Vec::new(),
            eof: false,
            output: Vec::new(),
            served: 0,
            chunk: CHUNK,
            any_mark: false,
        }
    }

    /// Reads another chunk and finds the magics in it.
    fn fill(&mut self) -> io::Result<()> {
        let start = self.input.len();
        let chunk = self.chunk;
        self.input.resize(start + chunk, 0);
        let mut got = 0;
        while got < chunk {
            match self.inner.read(&mut self.input[start + got..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => got += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.input.truncate(start + got);
                    return Err(e);
                }
            }
        }
        self.input.truncate(start + got);
        for i in self.scanned..self.input.len() {
            self.window = (self.window << 8) | self.input[i] as u64;
            // The 48 bits ending k bits before the end of byte i.
            for k in (0..8).rev() {
                let bits = (self.window >> k) & MASK48;
                if bits == BLOCK_MAGIC || bits == END_MAGIC {
                    let end = (i + 1) * 8 - k;
                    if end >= 48 {
                        self.any_mark = true;
                        self.marks.push((end - 48, bits == BLOCK_MAGIC));
                    }
                }
            }
        }
        self.scanned = self.input.len();
        Ok(())
    }

    /// Decodes every complete block found so far into `output`.
    fn decode_ready(&mut self) -> io::Result<()> {
        // A block is complete when the next mark (block or end) is known.
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i + 1 < self.marks.len() {
            let (start, is_block) = self.marks[i];
            if is_block {
                pieces.push((start, self.marks[i + 1].0));
            }
            i += 1;
        }
        let last = self.marks.last().copied();
        if pieces.is_empty() {
            if self.eof {
                match last {
                    Some((_, true)) => {
                        return Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "bzip2 data ends inside a block",
                        ));
                    }
                    None if !self.any_mark => {
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            "damaged bzip2 data: no block and no end of stream",
                        ));
                    }
                    _ => {
                        self.marks.clear();
                        self.input.clear();
                        self.scanned = 0;
                    }
                }
            }
            return Ok(());
        }
        let input = &self.input;
        let decoded: Vec<io::Result<Vec<u8>>> = pieces
            .par_iter()
            .map(|&(s, e)| decode_block(input, s, e))
            .collect();
        let mut out = Vec::new();
        let mut k = 0;
        while k < pieces.len() {
            match &decoded[k] {
                Ok(bytes) => {
                    out.extend_from_slice(bytes);
                    k += 1;
                }
                Err(first) => {
                    // A false boundary splits a block: try the pieces joined.
                    let mut end = k + 1;
                    let mut joined = None;
                    while end < pieces.len() && joined.is_none() {
                        if let Ok(bytes) = decode_block(input, pieces[k].0, pieces[end].1) {
                            joined = Some(bytes);
                        }
                        end += 1;
                    }
                    match joined {
                        Some(bytes) => {
                            out.extend_from_slice(&bytes);
                            k = end;
                        }
                        None => {
                            return Err(io::Error::new(
                                io::ErrorKind::InvalidData,
                                first.to_string(),
                            ));
                        }
                    }
                }
            }
        }
        // Keep what follows the last decoded piece: from its end mark on.
        let keep_from = pieces.last().map_or(0, |p| p.1);
        let marks: Vec<(usize, bool)> = self
            .marks
            .iter()
            .copied()
            .filter(|&(pos, _)| pos >= keep_from)
            .collect();
        let drop_bytes = keep_from / 8;
        self.input.drain(..drop_bytes);
        self.scanned -= drop_bytes;
        self.marks = marks
            .into_iter()
            .map(|(pos, b)| (pos - drop_bytes * 8, b))
            .collect();
        self.output = out;
        self.served = 0;
        Ok(())
    }
}

impl<R: Read> Read for ParallelBzDecoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.served == self.output.len() {
            self.output.clear();
            self.served = 0;
            if self.eof && self.marks.iter().all(|m| !m.1) {
                return Ok(0);
            }
            if !self.eof {
                self.fill()?;
            }
            self.decode_ready()?;
            if self.eof && self.output.is_empty() && self.marks.iter().all(|m| !m.1) {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.output.len() - self.served);
        buf[..n].copy_from_slice(&self.output[self.served..self.served + n]);
        self.served += n;
        Ok(n)
    }
}

/// Decompresses the block at bits `start..end` of `input` as a stream of its
/// own: header, the block, an end mark with the block's CRC as the stream's.
fn decode_block(input: &[u8], start: usize, end: usize) -> io::Result<Vec<u8>> {
    if end < start + 80 {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "bzip2 block too short",
        ));
    }
    let mut w = BitWriter {
        bytes: Vec::with_capacity((end - start) / 8 + 16),
        acc: 0,
        bits: 0,
    };
    w.bytes.extend_from_slice(b"BZh9");
    let crc = read_bits(input, start + 48, 32);
    let mut p = start;
    while p + 32 <= end {
        w.put(read_bits(input, p, 32), 32);
        p += 32;
    }
    if p < end {
        w.put(read_bits(input, p, end - p), end - p);
    }
    w.put(END_MAGIC, 48);
    w.put(crc, 32);
    let stream = w.finish();
    let mut out = Vec::with_capacity(1 << 20);
    bzip2::read::BzDecoder::new(stream.as_slice()).read_to_end(&mut out)?;
    Ok(out)
}

/// `n` (at most 57) bits of `input` from bit `pos`, most significant first.
fn read_bits(input: &[u8], pos: usize, n: usize) -> u64 {
    let byte = pos / 8;
    let shift = pos % 8;
    let mut v: u64 = 0;
    for k in 0..8 {
        v = (v << 8) | input.get(byte + k).copied().unwrap_or(0) as u64;
    }
    (v << shift) >> (64 - n)
}

struct BitWriter {
    bytes: Vec<u8>,
    acc: u64,
    bits: usize,
}

impl BitWriter {
    /// Appends the low `n` (at most 48) bits of `v`.
    fn put(&mut self, v: u64, n: usize) {
        let v = if n == 64 { v } else { v & ((1u64 << n) - 1) };
        self.acc = (self.acc << n) | v;
        self.bits += n;
        while self.bits >= 8 {
            self.bytes.push((self.acc >> (self.bits - 8)) as u8);
            self.bits -= 8;
        }
        if self.bits > 0 {
            self.acc &= (1u64 << self.bits) - 1;
        } else {
            self.acc = 0;
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.bits > 0 {
            self.bytes.push((self.acc << (8 - self.bits)) as u8);
        }
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn compress(data: &[u8], level: u32) -> Vec<u8> {
        let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::new(level));
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// Text that does not compress to nothing: a simple generator.
    fn text(n: usize, seed: u64) -> Vec<u8> {
        let mut x = seed;
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let word = ["alpha", "beta", "gamma", "delta", "lankov", "x"][(x % 6) as usize];
            out.extend_from_slice(word.as_bytes());
            out.push(if x.is_multiple_of(11) { b'\n' } else { b' ' });
            if x.is_multiple_of(97) {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    fn parallel(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        ParallelBzDecoder::new(data)
            .read_to_end(&mut out)
            .unwrap_or_else(|e| panic!("{e}"));
        out
    }

    #[test]
    fn blocks_across_reads_of_any_size() {
        let a = text(450_000, 11);
        let mut packed = compress(&a, 1);
        packed.extend(compress(&a[..1000], 2));
        let mut both = a.clone();
        both.extend(&a[..1000]);
        for chunk in [1, 7, 1000, 65_536] {
            let mut d = ParallelBzDecoder::new(packed.as_slice());
            d.chunk = chunk;
            let mut out = Vec::new();
            d.read_to_end(&mut out)
                .unwrap_or_else(|e| panic!("{chunk}: {e}"));
            assert!(out == both, "chunk {chunk}");
        }
    }

    #[test]
    fn many_blocks_decode_as_one_stream() {
        // Level 1: 100k blocks, so a few hundred kB make several.
        let data = text(700_000, 7);
        let packed = compress(&data, 1);
        assert_eq!(parallel(&packed), data);
    }

    #[test]
    fn concatenated_streams_and_empty_input() {
        let a = text(250_000, 1);
        let b = text(130_000, 2);
        let mut packed = compress(&a, 1);
        packed.extend(compress(&b, 9));
        packed.extend(compress(b"", 5));
        let mut both = a.clone();
        both.extend(&b);
        assert_eq!(parallel(&packed), both);
        assert_eq!(parallel(&compress(b"", 9)), b"");
    }

    #[test]
    fn truncated_data_is_an_error() {
        let packed = compress(&text(300_000, 3), 1);
        let cut = &packed[..packed.len() / 2];
        let mut out = Vec::new();
        assert!(ParallelBzDecoder::new(cut).read_to_end(&mut out).is_err());
    }

    #[test]
    fn bits_round_trip() {
        let input = [0b1010_1100u8, 0b0101_0011, 0xFF, 0x00, 0x12];
        assert_eq!(read_bits(&input, 0, 4), 0b1010);
        assert_eq!(read_bits(&input, 4, 8), 0b1100_0101);
        let mut w = BitWriter {
            bytes: Vec::new(),
            acc: 0,
            bits: 0,
        };
        w.put(0b101, 3);
        w.put(0b0_1100_0101, 9);
        assert_eq!(w.finish(), [0b1010_1100, 0b0101_0000]);
    }
}

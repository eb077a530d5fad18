//! Quote records on disk, beside the word index: what a quote shows (its
//! text, speaker, date, URL…) is read back from here, not from tantivy.
//!
//! `records.bin` is a run of blocks, each a few dozen records:
//! `[compressed length u32][CRC-32 of the compressed bytes u32][length u32]`
//! then the zstd-compressed bytes. `records.idx` is a header
//! `[records u64][blocks u64]`, then per record `[block u32][start u32]
//! [length u32]`, then per block its offset in `records.bin` (u64), all
//! little-endian.
//!
//! Every read is checked: a block whose CRC does not match, a length beyond
//! the file or beyond [`MAX_BLOCK`], a record outside its block, is `None`
//! (the caller shows that the record cannot be read), never a panic or an
//! allocation the file asked for. (tantivy trusts its stored documents: a
//! flipped length in one can ask for exabytes.)

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Records gathered before a block is compressed.
const BLOCK_TARGET: usize = 32 << 10;
/// The largest block a reader accepts (a block holds at least one record,
/// so a record may be this long).
pub const MAX_BLOCK: usize = 64 << 20;

const HEADER: u64 = 16;
const ENTRY: u64 = 12;

/// Writes `records.bin` and `records.idx`, record after record.
pub struct RecordWriter {
    data: BufWriter<File>,
    index: BufWriter<File>,
    /// Where the next block starts in `records.bin`.
    offset: u64,
    block: Vec<u8>,
    blocks: Vec<u64>,
    records: u64,
}

impl RecordWriter {
    pub fn create(dir: &Path) -> io::Result<RecordWriter> {
        let data = BufWriter::with_capacity(1 << 20, File::create(dir.join("records.bin"))?);
        let mut index = BufWriter::with_capacity(1 << 20, File::create(dir.join("records.idx"))?);
        // The header is written again once the counts are known.
        index.write_all(&[0; HEADER as usize])?;
        Ok(RecordWriter {
            data,
            index,
            offset: 0,
            block: Vec::with_capacity(BLOCK_TARGET * 2),
            blocks: Vec::new(),
            records: 0,
        })
    }

    /// Adds the next record.
    pub fn add(&mut self, record: &[u8]) -> io::Result<()> {
        if record.len() > MAX_BLOCK {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("a record of {} bytes (at most {MAX_BLOCK})", record.len()),
            ));
        }
        if !self.block.is_empty() && self.block.len() + record.len() > MAX_BLOCK {
            self.flush_block()?;
        }
        let block = self.blocks.len() as u32;
        let start = self.block.len() as u32;
        for v in [block, start, record.len() as u32] {
            self.index.write_all(&v.to_le_bytes())?;
        }
        self.block.extend_from_slice(record);
        self.records += 1;
        if self.block.len() >= BLOCK_TARGET {
            self.flush_block()?;
        }
        Ok(())
    }

    fn flush_block(&mut self) -> io::Result<()> {
        if self.block.is_empty() {
            return Ok(());
        }
        let compressed = zstd::bulk::compress(&self.block, 3)?;
        let crc = crc32fast::hash(&compressed);
        for v in [compressed.len() as u32, crc, self.block.len() as u32] {
            self.data.write_all(&v.to_le_bytes())?;
        }
        self.data.write_all(&compressed)?;
        self.blocks.push(self.offset);
        self.offset += 12 + compressed.len() as u64;
        self.block.clear();
        Ok(())
    }

    /// Writes the last block and the tables, and flushes both files to disk.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush_block()?;
        for b in &self.blocks {
            self.index.write_all(&b.to_le_bytes())?;
        }
        let mut index = self.index.into_inner().map_err(|e| e.into_error())?;
        index.seek(SeekFrom::Start(0))?;
        index.write_all(&self.records.to_le_bytes())?;
        index.write_all(&(self.blocks.len() as u64).to_le_bytes())?;
        index.sync_all()?;
        let data = self.data.into_inner().map_err(|e| e.into_error())?;
        data.sync_all()
    }
}

/// Reads records back, checking every block.
pub struct RecordReader {
    data: Mutex<File>,
    index: Mutex<File>,
    data_len: u64,
    records: u64,
    blocks: u64,
    /// The last block read, decompressed.
    last: Mutex<Option<(u32, Arc<Vec<u8>>)>>,
}

impl std::fmt::Debug for RecordReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordReader")
            .field("records", &self.records)
            .field("blocks", &self.blocks)
            .finish()
    }
}

fn read_at(file: &Mutex<File>, at: u64, buf: &mut [u8]) -> Option<()> {
    let mut f = file.lock().ok()?;
    f.seek(SeekFrom::Start(at)).ok()?;
    f.read_exact(buf).ok()
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

impl RecordReader {
    /// Opens the records of `dir`, checking that the tables fit the files.
    pub fn open(dir: &Path) -> io::Result<RecordReader> {
        let data = File::open(dir.join("records.bin"))?;
        let mut index = File::open(dir.join("records.idx"))?;
        let data_len = data.metadata()?.len();
        let index_len = index.metadata()?.len();
        let mut header = [0u8; HEADER as usize];
        index.read_exact(&mut header)?;
        let records = u64::from_le_bytes(header[0..8].try_into().unwrap_or_default());
        let blocks = u64::from_le_bytes(header[8..16].try_into().unwrap_or_default());
        let expected = records
            .checked_mul(ENTRY)
            .and_then(|r| blocks.checked_mul(8).and_then(|b| r.checked_add(b)))
            .and_then(|t| t.checked_add(HEADER));
        if expected != Some(index_len) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "records.idx does not hold the records it counts",
            ));
        }
        Ok(RecordReader {
            data: Mutex::new(data),
            index: Mutex::new(index),
            data_len,
            records,
            blocks,
            last: Mutex::new(None),
        })
    }

    /// How many records there are.
    pub fn len(&self) -> u64 {
        self.records
    }

    pub fn is_empty(&self) -> bool {
        self.records == 0
    }

    /// Record `n`, or `None` if it is not there or fails a check.
    pub fn get(&self, n: u64) -> Option<Vec<u8>> {
        if n >= self.records {
            return None;
        }
        let mut entry = [0u8; ENTRY as usize];
        read_at(&self.index, HEADER + n * ENTRY, &mut entry)?;
        let (block, start, len) = (u32_at(&entry, 0), u32_at(&entry, 4), u32_at(&entry, 8));
        let bytes = self.block(block)?;
        let (start, len) = (start as usize, len as usize);
        bytes
            .get(start..start.checked_add(len)?)
            .map(<[u8]>::to_vec)
    }

    fn block(&self, block: u32) -> Option<Arc<Vec<u8>>> {
        if let Ok(last) = self.last.lock()
            && let Some((b, bytes)) = last.as_ref()
            && *b == block
        {
            return Some(Arc::clone(bytes));
        }
        if u64::from(block) >= self.blocks {
            return None;
        }
        let mut at = [0u8; 8];
        read_at(
            &self.index,
            HEADER + self.records * ENTRY + u64::from(block) * 8,
            &mut at,
        )?;
        let offset = u64::from_le_bytes(at);
        let mut head = [0u8; 12];
        read_at(&self.data, offset, &mut head)?;
        let (compressed_len, crc, len) = (
            u32_at(&head, 0) as u64,
            u32_at(&head, 4),
            u32_at(&head, 8) as usize,
        );
        if len > MAX_BLOCK || offset.checked_add(12 + compressed_len)? > self.data_len {
            return None;
        }
        let mut compressed = vec![0u8; compressed_len as usize];
        read_at(&self.data, offset + 12, &mut compressed)?;
        if crc32fast::hash(&compressed) != crc {
            return None;
        }
        let bytes = zstd::bulk::decompress(&compressed, len).ok()?;
        if bytes.len() != len {
            return None;
        }
        let bytes = Arc::new(bytes);
        if let Ok(mut last) = self.last.lock() {
            *last = Some((block, Arc::clone(&bytes)));
        }
        Some(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_come_back_and_damage_is_none() {
        let dir = std::env::temp_dir().join(format!("reactions-records-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut w = RecordWriter::create(&dir).unwrap();
        let records: Vec<Vec<u8>> = (0..5000)
            .map(|i| {
                format!(
                    "{{\"id\":\"q{i}\",\"text\":\"{}\"}}",
                    "word ".repeat(i % 40)
                )
                .into_bytes()
            })
            .collect();
        for r in &records {
            w.add(r).unwrap();
        }
        w.finish().unwrap();
        let r = RecordReader::open(&dir).unwrap();
        assert_eq!(r.len(), 5000);
        for i in [0, 1, 17, 2500, 4999] {
            assert_eq!(r.get(i).as_deref(), Some(records[i as usize].as_slice()));
        }
        assert_eq!(r.get(5000), None);
        // A flipped byte in a block: that block's records are None, others
        // still read.
        let path = dir.join("records.bin");
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[20] ^= 0xFF;
        std::fs::write(&path, &bytes).unwrap();
        let r = RecordReader::open(&dir).unwrap();
        assert_eq!(r.get(0), None);
        assert_eq!(r.get(4999).as_deref(), Some(records[4999].as_slice()));
        // A table that does not fit its file does not open.
        let idx = dir.join("records.idx");
        let mut t = std::fs::read(&idx).unwrap();
        t[0] ^= 0x40;
        std::fs::write(&idx, &t).unwrap();
        assert!(RecordReader::open(&dir).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

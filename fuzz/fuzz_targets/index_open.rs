//! Opening a damaged index: an index directory whose files are truncated,
//! zeroed, overwritten or swapped opens with one clear error, or opens and
//! then answers searches and shows every quote without a panic.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use reactions_core::search::{Options, Searcher};

/// A small index written once: (its folder, its files).
fn pristine() -> &'static (tempfile::TempDir, Vec<PathBuf>) {
    static INDEX: OnceLock<(tempfile::TempDir, Vec<PathBuf>)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let index = reactions_core::load::load_embedded().expect("bundled");
        let out = dir.path().join("idx");
        reactions_core::disk::write(&index, &out, 1, &mut |_| {}).expect("write");
        let mut files = Vec::new();
        walk(&out, &mut files);
        files.sort();
        (dir, files)
    })
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (dir, files) = pristine();
    let work = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("idx");
    let copy = work.path().join("idx");
    let mut copied = Vec::new();
    for f in files {
        let rel = f.strip_prefix(&root).expect("inside");
        let to = copy.join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(f, &to).expect("copy");
        copied.push(to);
    }
    // Each 4 bytes: a file, an operation, and an offset.
    for op in data.chunks(4) {
        let [file, kind, a, b] = [
            op[0],
            *op.get(1).unwrap_or(&0),
            *op.get(2).unwrap_or(&0),
            *op.get(3).unwrap_or(&0),
        ];
        let path = &copied[file as usize % copied.len()];
        let Ok(mut bytes) = std::fs::read(path) else {
            continue;
        };
        let at = ((a as usize) << 8 | b as usize) % (bytes.len() + 1);
        match kind % 5 {
            0 => bytes.truncate(at),
            1 => bytes[at..].iter_mut().take(64).for_each(|x| *x = 0),
            2 => bytes[at..].iter_mut().take(8).for_each(|x| *x ^= 0xA5),
            3 => bytes.insert(at, b),
            _ => {
                let other = &copied[(file as usize + 1) % copied.len()];
                if let Ok(o) = std::fs::read(other) {
                    bytes = o;
                }
            }
        }
        let _ = std::fs::write(path, &bytes);
    }
    let Ok(index) = reactions_core::disk::open(&copy) else {
        return;
    };
    let searcher = Searcher::default();
    for q in ["lankov", "china | russia", "", "\"north korea\"", "!a"] {
        let _ = searcher.try_search(
            &index,
            q,
            Options {
                kind: None,
                limit: Some(20),
            },
        );
    }
    for q in index.quote_ids() {
        let _ = index.quote(q);
        let _ = index.context(q);
        let _ = index.quote_speaker(q);
    }
    for s in index.speaker_ids() {
        let _ = index.quotes_by_speaker(s);
    }
    let _ = reactions_core::stats::Stats::of(&index);
});

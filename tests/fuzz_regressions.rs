//! Inputs that fuzzing found to break a promise, kept as tests once fixed
//! (`fuzz/run.sh`; the inputs are in `tests/fixtures/fuzz/TARGET/`).

use std::path::{Path, PathBuf};

use reactions::search::{Options, Searcher};

fn fixtures(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The `index_open` target's damage: each 4 bytes of the input name a file
/// of the bundled article's index, an operation and an offset.
fn damage(copy: &Path, data: &[u8]) {
    let mut files = Vec::new();
    walk(copy, &mut files);
    files.sort();
    for op in data.chunks(4) {
        let get = |i: usize| *op.get(i).unwrap_or(&0);
        let (file, kind, a, b) = (op[0], get(1), get(2), get(3));
        let path = &files[file as usize % files.len()];
        let Ok(mut bytes) = std::fs::read(path) else {
            continue;
        };
        let at = (((a as usize) << 8) | b as usize) % (bytes.len() + 1);
        match kind % 5 {
            0 => bytes.truncate(at),
            1 => bytes[at..].iter_mut().take(64).for_each(|x| *x = 0),
            2 => bytes[at..].iter_mut().take(8).for_each(|x| *x ^= 0xA5),
            3 => bytes.insert(at, b),
            _ => {
                let other = &files[(file as usize + 1) % files.len()];
                if let Ok(o) = std::fs::read(other) {
                    bytes = o;
                }
            }
        }
        let _ = std::fs::write(path, &bytes);
    }
}

/// A byte flipped in a shard's fast-field file (the same size) made
/// tantivy panic while opening it: now it is an error, or an index that
/// answers.
#[test]
fn a_damaged_index_found_by_fuzzing_opens_or_errs_without_a_panic() {
    let inputs = fixtures("index_open");
    assert!(!inputs.is_empty());
    let index = reactions::load::load_embedded().unwrap();
    for input in inputs {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("idx");
        reactions::disk::write(&index, &out, 1, &mut |_| {}).unwrap();
        damage(&out, &std::fs::read(&input).unwrap());
        let Ok(opened) = reactions::disk::open(&out) else {
            continue;
        };
        let searcher = Searcher::default();
        for q in ["lankov", "china | russia", ""] {
            let _ = searcher.try_search(&opened, q, Options::default());
        }
        for q in opened.quote_ids() {
            let _ = opened.quote(q);
        }
    }
}

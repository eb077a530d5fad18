//! An index on disk answers as the corpus it was built from: every command,
//! the same quotes for any query; and nothing damaged or half-built opens.

mod common;

#[allow(dead_code)]
#[path = "../examples/gen_quotebank.rs"]
mod gen_quotebank;

use std::path::{Path, PathBuf};

use common::{data_dir, reactions};
use proptest::prelude::*;
use reactions::load::load_paths;
use reactions::search::{Options, Searcher};

/// A generated corpus of `quotes` quotes in `dir`.
fn corpus(dir: &Path, quotes: usize) -> PathBuf {
    let path = dir.join("quotes.jsonl");
    let options = gen_quotebank::Options {
        quotes,
        ..Default::default()
    };
    gen_quotebank::write_file(options, &path, None).unwrap();
    path
}

fn build(inputs: &[&Path], out: &Path) {
    let mut cmd = reactions();
    cmd.arg("index");
    for i in inputs {
        cmd.arg(i);
    }
    cmd.arg("--out").arg(out).assert().success();
}

fn output(data: &[&Path], args: &[&str]) -> (i32, String, String) {
    let mut cmd = reactions();
    for d in data {
        cmd.arg("--data").arg(d);
    }
    let out = cmd.args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_command_answers_the_same_from_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let raw = corpus(dir.path(), 3000);
    // A second file of the corpus, with the same people in it.
    let second = dir.path().join("more.jsonl");
    let options = gen_quotebank::Options {
        quotes: 2000,
        seed: 7,
        ..Default::default()
    };
    gen_quotebank::write_file(options, &second, None).unwrap();
    let dataset = data_dir().join("asmolov-2023-10-11.json");
    let idx = dir.path().join("idx");
    build(&[&raw, &second, &dataset], &idx);
    let inputs: [&Path; 3] = [&raw, &second, &dataset];
    // A person quoted in both files is one speaker, with all their quotes.
    let (_, speakers, _) = output(&[&idx], &["speakers"]);
    let lankov: Vec<&str> = speakers
        .lines()
        .filter(|l| l.contains("\tAndrei Lankov\t"))
        .collect();
    assert_eq!(lankov.len(), 2, "{lankov:?}"); // his, and the article's
    let (_, raw_speakers, _) = output(&[&raw], &["speakers"]);
    assert!(speakers.lines().count() < raw_speakers.lines().count() + 1000 + 39);
    let lankov_quote = {
        let (_, out, _) = output(&inputs, &["search", "--kind", "quote", "-n", "1", "lankov"]);
        out.split('\t').nth(1).unwrap().to_string()
    };
    for args in [
        vec!["search", "lankof"],
        vec!["search", "--json", "-n", "40", "china | russia !war"],
        vec!["search", "-n", "30", "^the"],
        vec!["search", "-n", "30", "\"north korea\""],
        vec!["search", "-k", "speaker", "-n", "30", ""],
        vec!["speakers"],
        vec!["speakers", "--category", "asmolov-2023-10-11/china"],
        vec!["categories", "--json"],
        vec!["quotes", "--speaker", "asmolov-2023-10-11/lankov"],
        vec!["show", "lankov-1"],
        vec!["show", &lankov_quote, "--format", "markdown"],
        vec!["export"],
        vec!["search", "nothingmatchesthisword"],
        vec!["search", "a |"],
    ] {
        let from_corpus = output(&inputs, &args);
        let from_index = output(&[&idx], &args);
        assert_eq!(from_corpus, from_index, "{args:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, .. ProptestConfig::default() })]

    /// Over random corpora and queries, an index written to disk and opened
    /// again finds the same quotes, ranked the same, as the one in memory.
    #[test]
    fn the_same_quotes_in_memory_and_on_disk(
        seed in 0u64..1000,
        quotes in 50usize..400,
        queries in prop::collection::vec(
            prop::collection::vec(
                prop::sample::select(vec![
                    "lankov", "lankof", "'the", "a", "^of", "ammunition", "!the", "war | peace",
                    "\"the war\"", "ing$", "Lankov", "stagnarone", "x",
                ]),
                1..4,
            ).prop_map(|w| w.join(" ")),
            1..6,
        ),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.jsonl");
        let options = gen_quotebank::Options { quotes, seed, ..Default::default() };
        gen_quotebank::write_file(options, &path, None).unwrap();
        let memory = load_paths(std::slice::from_ref(&path)).unwrap();
        let idx = dir.path().join("idx");
        reactions::disk::write(&memory, &idx, 1, &mut |_| {}).unwrap();
        let disk = load_paths(&[idx]).unwrap();
        let searcher = Searcher::default();
        for q in &queries {
            let options = Options { kind: None, limit: Some(50) };
            let a = searcher.run(&memory, q, options, &|| false).unwrap();
            let b = Searcher::default().run(&disk, q, options, &|| false).unwrap();
            prop_assert_eq!(&a, &b, "{}", q);
        }
    }
}

#[test]
fn a_damaged_index_or_another_version_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let raw = corpus(dir.path(), 500);
    let idx = dir.path().join("idx");
    build(&[&raw], &idx);
    assert_eq!(output(&[&idx], &["search", "lankov"]).0, 0);

    let damage = |name: &str, f: &dyn Fn(&Path)| {
        let copy = dir.path().join(name);
        copy_dir(&idx, &copy);
        f(&copy);
        let (code, out, err) = output(&[&copy], &["search", "lankov"]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(out.is_empty(), "{name}");
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(
            err.contains(name) && err.contains("reactions index"),
            "{name}: {err}"
        );
    };
    damage("truncated", &|d| {
        let store = std::fs::read_dir(data_of(d).join("shard-000"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "store"))
            .unwrap();
        let len = std::fs::metadata(&store).unwrap().len();
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open(&store)
            .unwrap();
        f.set_len(len / 2).unwrap();
    });
    damage("missing", &|d| {
        std::fs::remove_file(data_of(d).join("places.bin")).unwrap()
    });
    damage("version", &|d| {
        let m = d.join("reactions-index.json");
        let mut manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&m).unwrap()).unwrap();
        manifest["version"] = serde_json::json!(99);
        std::fs::write(&m, manifest.to_string()).unwrap();
    });
    damage("garbled", &|d| {
        std::fs::write(data_of(d).join("catalog.json"), b"{not json").unwrap();
    });
}

/// The generation folder an index's manifest names.
fn data_of(idx: &Path) -> PathBuf {
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(idx.join("reactions-index.json")).unwrap()).unwrap();
    idx.join(m["data"].as_str().unwrap())
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A build killed at any moment leaves either no index or a complete one,
/// and an index being replaced stays whole until the new one is complete.
#[test]
fn an_interrupted_build_never_opens_as_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let small = corpus(dir.path(), 300);
    let big_dir = dir.path().join("big");
    std::fs::create_dir_all(&big_dir).unwrap();
    let big = corpus(&big_dir, 60_000);
    let idx = dir.path().join("idx");
    build(&[&small], &idx);
    let (_, before, _) = output(&[&idx], &["categories"]);
    for delay_ms in [30u64, 150, 400, 900] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("reactions"))
            .arg("index")
            .arg(&big)
            .arg("--out")
            .arg(&idx)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // Either the old index or the whole new one: never a mix, never
        // an error.
        let (code, now, err) = output(&[&idx], &["categories"]);
        assert_eq!(code, 0, "after {delay_ms} ms: {err}");
        if now != before {
            let (_, all, _) = output(&[&big], &["categories"]);
            assert_eq!(now, all, "after {delay_ms} ms");
        }
    }
    // A finished rebuild replaces the index and leaves nothing behind.
    build(&[&big], &idx);
    let (_, all, _) = output(&[&big], &["categories"]);
    assert_eq!(output(&[&idx], &["categories"]).1, all);
    let mut left: Vec<String> = std::fs::read_dir(&idx)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    let current = data_of(&idx)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(left, [current, "reactions-index.json".to_string()]);

    // A first build killed early leaves a folder that does not open.
    let fresh = dir.path().join("fresh");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("reactions"))
        .arg("index")
        .arg(&big)
        .arg("--out")
        .arg(&fresh)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let _ = child.kill();
    let finished = child.wait().unwrap().success();
    if !finished && fresh.exists() {
        assert!(!reactions::disk::is_index(&fresh));
        assert_eq!(output(&[&fresh], &["categories"]).0, 2);
        // And a new build over it succeeds.
        build(&[&small], &fresh);
        assert_eq!(output(&[&fresh], &["categories"]).0, 0);
    }
}

#[test]
fn index_refuses_to_overwrite_what_is_not_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let raw = corpus(dir.path(), 100);
    let other = dir.path().join("notes");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("a.txt"), "mine").unwrap();
    let out = reactions()
        .arg("index")
        .arg(&raw)
        .arg("--out")
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(other.join("a.txt")).unwrap(),
        "mine"
    );
}

/// Damage that keeps every file's size (zeroed or flipped bytes in any file
/// of the index, found by fuzzing a fast-field file) is never a panic:
/// the index opens and answers, or says it is damaged, in one line.
#[test]
fn bytes_zeroed_or_flipped_in_any_file_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let raw = corpus(dir.path(), 400);
    let idx = dir.path().join("idx");
    build(&[&raw], &idx);
    let mut files = Vec::new();
    let mut stack = vec![idx.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    let rel: Vec<PathBuf> = files
        .iter()
        .map(|f| f.strip_prefix(&idx).unwrap().to_path_buf())
        .collect();
    for (n, file) in rel.iter().enumerate() {
        for (how, flip) in [("zeroed", false), ("flipped", true)] {
            let copy = dir.path().join(format!("copy-{n}-{how}"));
            copy_dir(&idx, &copy);
            let path = copy.join(file);
            let mut bytes = std::fs::read(&path).unwrap();
            let mid = bytes.len() / 2;
            for b in bytes.iter_mut().skip(mid).take(64) {
                *b = if flip { *b ^ 0xA5 } else { 0 };
            }
            std::fs::write(&path, &bytes).unwrap();
            for args in [
                &["search", "lankov"][..],
                &["speakers"][..],
                &["search", "-k", "quote", ""][..],
            ] {
                let (code, _, err) = output(&[&copy], args);
                assert!(
                    (0..=2).contains(&code)
                        && !err.contains("panicked")
                        && err.lines().count() <= 1,
                    "{} {how}, {args:?}: exit {code}: {err}",
                    file.display()
                );
            }
        }
    }
}

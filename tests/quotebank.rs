//! Quotebank corpora: plain and bzip2 files, content detection, malformed
//! lines, unknown speakers, progress, and the command line over them. The
//! corpora are small ones from the benchmark generator.

mod common;

#[allow(dead_code)]
#[path = "../examples/gen_quotebank.rs"]
mod gen_quotebank;

use std::path::{Path, PathBuf};

use common::reactions;
use gen_quotebank::{Options, write_file};
use predicates::str::contains;
use reactions::error::Location;
use reactions::ids::{ArticleId, SpeakerId};
use reactions::index::Index;
use reactions::load::{LoadOptions, Stage, load_paths, load_paths_with_progress};
use reactions::model::SpeakerKind;
use reactions::read::quotebank::UNKNOWN_SPEAKER;

fn generate(dir: &Path, name: &str, options: Options) -> PathBuf {
    let path = dir.join(name);
    write_file(options, &path, None).unwrap();
    path
}

fn load(path: &Path) -> Index {
    load_paths(&[path.to_path_buf()]).unwrap_or_else(|e| panic!("{e}"))
}

fn small() -> Options {
    Options {
        quotes: 600,
        ..Options::default()
    }
}

#[test]
fn plain_and_bz2_load_the_same_index() {
    let dir = tempfile::tempdir().unwrap();
    let plain = load(&generate(dir.path(), "corpus.jsonl", small()));
    let bz2 = load(&generate(dir.path(), "corpus.jsonl.bz2", small()));
    assert_eq!(plain.quote_total(), 600);
    let (a, b) = (&plain.to_datasets()[0], &bz2.to_datasets()[0]);
    assert_eq!(a.article.id, "corpus");
    assert_eq!(a.article.id, b.article.id);
    assert_eq!(a.quotes, b.quotes);
    assert_eq!(a.speakers, b.speakers);
    assert_eq!(a.categories, b.categories);
}

#[test]
fn detected_by_content_whatever_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let reference = load(&generate(dir.path(), "corpus.jsonl", small()));
    // bzip2 data named like a dataset; JSON Lines named like one too.
    let bz2 = generate(dir.path(), "tmp.jsonl.bz2", small());
    let disguised = dir.path().join("corpus.json");
    std::fs::rename(&bz2, &disguised).unwrap();
    assert_eq!(load(&disguised).quote_total(), reference.quote_total());
    let plain = generate(dir.path(), "tmp.jsonl", small());
    let disguised = dir.path().join("corpus.data");
    std::fs::rename(&plain, &disguised).unwrap();
    assert_eq!(load(&disguised).quote_total(), reference.quote_total());
}

#[test]
fn a_quotebank_line_becomes_a_quote_speaker_and_month() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quotes-2020.jsonl");
    std::fs::write(
        &path,
        concat!(
            r#"{"quoteID": "2020-01-16-000088", "quotation": "South Korea is being made to understand.", "speaker": "Andrei Lankov", "qids": ["Q4347"], "date": "2020-01-16 12:00:00", "numOccurrences": 2, "probas": [["Andrei Lankov", "0.8123"], ["None", "0.1877"]], "urls": ["https://example.org/a", "https://example.org/b"], "phase": "E"}"#,
            "\n",
            r#"{"quoteID": "2020-02-01-000001", "quotation": "Nobody knows who said this.", "speaker": "None", "qids": [], "date": "2020-02-01 00:00:00", "numOccurrences": 1, "probas": [["None", "0.9"]], "urls": [], "phase": "E"}"#,
            "\n\n",
        ),
    )
    .unwrap();
    let index = load(&path);
    assert_eq!(index.quote_total(), 2);
    let q = index.find_quote("2020-01-16-000088").unwrap();
    let quote = index.quote(q);
    assert_eq!(quote.text, "South Korea is being made to understand.");
    assert_eq!(quote.date.as_deref(), Some("2020-01-16"));
    assert_eq!(quote.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(quote.confidence, Some(0.8123));
    let speaker = &index.speaker(quote.speaker).data;
    assert_eq!(speaker.name, "Andrei Lankov");
    assert_eq!(speaker.id, "Q4347");
    assert_eq!(speaker.kind, SpeakerKind::Unclassified);
    assert_eq!(
        index.category(quote.category).data.title,
        "January 2020",
        "categories are year-months"
    );
    assert_eq!(index.categories().len(), 2);
    // A corpus quote is its own context.
    let ctx = index.context(q);
    assert_eq!(&ctx.text[ctx.quote.clone()], quote.text);
    let other = index.quote(index.find_quote("2020-02-01-000001").unwrap());
    assert_eq!(index.speaker(other.speaker).data.name, UNKNOWN_SPEAKER);
    assert_eq!(other.url, None);
}

#[test]
fn unknown_speakers_share_one_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let path = generate(dir.path(), "c.jsonl", small());
    let nones = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| l.contains(r#""speaker": "None""#))
        .count();
    assert!(nones > 10, "{nones}");
    let index = load(&path);
    let unknown: Vec<SpeakerId> = index
        .speaker_ids()
        .filter(|&s| index.speaker(s).data.name == UNKNOWN_SPEAKER)
        .collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(index.quotes_by_speaker(unknown[0]).len(), nones);
    // Thousands of quotes, many speakers, each named once.
    assert!(index.speakers().len() >= 20);
    let mut names: Vec<&str> = index
        .speakers()
        .iter()
        .map(|s| s.data.name.as_str())
        .collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), index.speakers().len());
}

#[test]
fn malformed_lines_are_reported_with_their_numbers_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        quotes: 500,
        malformed: 4,
        ..Options::default()
    };
    let path = generate(dir.path(), "broken.jsonl.bz2", options);
    let loaded =
        load_paths_with_progress(std::slice::from_ref(&path), LoadOptions::default(), |_| {})
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.index.quote_total(), 496, "nothing else is lost");
    let lines: Vec<usize> = loaded
        .skipped
        .iter()
        .map(|d| match d.location {
            Location::LineCol(l, _) => l,
            ref other => panic!("{other:?}"),
        })
        .collect();
    // The generator breaks every 100th line.
    assert_eq!(lines, [100, 200, 300, 400]);
    assert!(loaded.skipped[0].message.starts_with("invalid JSON"));
    assert!(
        loaded.skipped[1]
            .message
            .contains("missing field `quotation`")
    );

    let strict = load_paths_with_progress(
        std::slice::from_ref(&path),
        LoadOptions {
            strict: true,
            ..Default::default()
        },
        |_| {},
    )
    .unwrap_err();
    assert_eq!(strict.diagnostics.len(), 4);

    // The command line: warnings and a count, or exit 2 with --strict.
    let out = reactions()
        .arg("--data")
        .arg(&path)
        .arg("categories")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let shown = path.display().to_string();
    assert!(
        stderr.contains(&format!("warning: {shown}:200:")),
        "{stderr}"
    );
    assert!(stderr.contains("4 malformed line(s) skipped"), "{stderr}");
    reactions()
        .arg("--data")
        .arg(&path)
        .args(["--strict", "categories"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(format!("error: {shown}:300:")));
    reactions()
        .arg("check")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains("4 problem(s) found"));
}

#[test]
fn progress_goes_forward_and_ends_done() {
    let dir = tempfile::tempdir().unwrap();
    let path = generate(
        dir.path(),
        "c.jsonl",
        Options {
            quotes: 20_000,
            ..Options::default()
        },
    );
    let size = std::fs::metadata(&path).unwrap().len();
    let mut seen = Vec::new();
    load_paths_with_progress(&[path], LoadOptions::default(), |p| seen.push(p)).unwrap();
    assert!(seen.len() >= 4, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0].bytes_read <= w[1].bytes_read));
    assert!(seen.windows(2).all(|w| w[0].quotes <= w[1].quotes));
    assert!(seen.iter().all(|p| p.bytes_total == size));
    let last = seen.last().unwrap();
    assert_eq!(last.stage, Stage::Done);
    assert_eq!((last.bytes_read, last.quotes), (size, 20_000));
    assert!(seen.iter().any(|p| p.stage == Stage::Indexing));
}

#[test]
fn search_show_and_export_over_a_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let path = generate(
        dir.path(),
        "quotes.jsonl.bz2",
        Options {
            quotes: 5000,
            ..Options::default()
        },
    );
    let run = |args: &[&str]| {
        let out = reactions()
            .arg("--data")
            .arg(&path)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        // No progress bar when stderr is not a terminal, and no warnings.
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let hits = run(&["search", "lankov", "-n", "3"]);
    let first = hits.lines().next().unwrap();
    assert!(
        first.starts_with("speaker\tquotes/Q4347\tAndrei Lankov"),
        "{hits}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(&["search", "lankov", "--json", "-n", "2"])).unwrap();
    assert_eq!(json[0]["matches"][0]["field"], "name");
    // The same hits with and without positions.
    let ids: Vec<&str> = hits
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    assert_eq!(json[1]["id"], ids[1]);

    let quote_id = ids[1].to_string();
    let shown = run(&["show", &quote_id]);
    assert!(shown.starts_with('“'), "{shown}");
    assert!(shown.contains("Source: Quotebank, "), "{shown}");
    assert!(shown.contains("https://www."), "{shown}");

    // Export writes the corpus as a dataset (empty body, no spans) that
    // checks clean and loads back to the same quotes.
    let exported = run(&["export"]);
    let out_path = dir.path().join("export.json");
    std::fs::write(&out_path, &exported).unwrap();
    reactions()
        .arg("check")
        .arg(&out_path)
        .assert()
        .success()
        .stdout(contains("5000 quotes"));
    let again = reactions()
        .arg("--data")
        .arg(&out_path)
        .arg("export")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(again.stdout).unwrap(), exported);
}

#[test]
fn a_folder_loads_corpora_and_datasets_together() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), "quotes-2019.jsonl", small());
    generate(dir.path(), "quotes-2020.json.bz2", small());
    std::fs::write(
        dir.path().join("article.json"),
        common::bundled_json().to_string(),
    )
    .unwrap();
    let index = load(dir.path());
    let ids: Vec<&str> = index
        .articles()
        .iter()
        .map(|a| a.meta.id.as_str())
        .collect();
    assert_eq!(ids, ["asmolov-2023-10-11", "quotes-2019", "quotes-2020"]);
    assert_eq!(
        index.quote_total(),
        1200 + index.quotes_by_article(ArticleId::new(0)).len()
    );
}

#[test]
fn a_named_pipe_is_read_once_and_recognised_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = generate(dir.path(), "corpus.jsonl", small());
    let reference = load(&corpus);
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let writer = {
        let (fifo, corpus) = (fifo.clone(), corpus.clone());
        std::thread::spawn(move || {
            let mut pipe = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            std::io::copy(&mut std::fs::File::open(corpus).unwrap(), &mut pipe).unwrap();
        })
    };
    let piped = load(&fifo);
    writer.join().unwrap();
    assert_eq!(piped.quote_total(), 600);
    assert_eq!(
        piped.to_datasets()[0].quotes,
        reference.to_datasets()[0].quotes
    );
}

#[test]
fn an_impossible_date_is_reported_with_its_line_not_filed_as_undated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dates.jsonl");
    std::fs::write(
        &path,
        concat!(
            r#"{"quoteID": "q1", "quotation": "A real day.", "speaker": "Ann Lee", "date": "2020-01-16 12:00:00"}"#,
            "\n",
            r#"{"quoteID": "q2", "quotation": "No such day.", "speaker": "Ann Lee", "date": "2020-13-45 12:00:00"}"#,
            "\n",
            r#"{"quoteID": "q3", "quotation": "No day given.", "speaker": "Ann Lee"}"#,
            "\n",
        ),
    )
    .unwrap();
    let loaded =
        load_paths_with_progress(std::slice::from_ref(&path), LoadOptions::default(), |_| {})
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.index.quote_total(), 2);
    assert_eq!(loaded.skipped.len(), 1);
    assert!(matches!(
        loaded.skipped[0].location,
        Location::LineCol(2, _)
    ));
    assert!(
        loaded.skipped[0]
            .message
            .contains("\"2020-13-45 12:00:00\""),
        "{}",
        loaded.skipped[0].message
    );
    // Only the quote with no date at all is undated.
    let undated = loaded.index.find_category("undated").unwrap();
    assert_eq!(loaded.index.quotes_by_category(undated).len(), 1);

    let shown = path.display().to_string();
    reactions()
        .arg("--data")
        .arg(&path)
        .arg("categories")
        .assert()
        .success()
        .stderr(contains(format!("warning: {shown}:2:")))
        .stderr(contains("is not a real date"))
        .stderr(contains("1 malformed line(s) skipped"));
    reactions()
        .arg("check")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains(format!("error: {shown}:2:")));
}

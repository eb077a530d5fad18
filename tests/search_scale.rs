//! The fast search paths give exactly the plain answers: the prefilter and
//! the parallel scan against a naive scan with the scorer, incremental
//! narrowing against a fresh search, and the worker's cancellation.

mod common;

#[allow(dead_code)]
#[path = "../examples/gen_quotebank.rs"]
mod gen_quotebank;

use std::path::Path;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use proptest::prelude::*;
use reactions::index::Index;
use reactions::load::load_paths;
use reactions::search::{HitKind, IncrementalSearcher, Options, Searcher, search};
use reactions::text::fold;
use reactions::worker::SearchWorker;

const WORDS: &[&str] = &[
    "lankov",
    "Lankov",
    "LANKOV",
    "ammunition",
    "Ammo",
    "café",
    "CAFÉ",
    "naïve",
    "it’s",
    "it's",
    "la",
    "an",
    "kov",
    "Korea",
    "x-1",
    "ÜBER",
    "über",
    "金",
    "a",
    "of",
    "the",
    "“quoted”",
];
const NAMES: &[&str] = &[
    "Andrei Lankov",
    "Ramón Pacheco",
    "None",
    "Élise Kov",
    "Ann Lake",
];

/// Writes quotes (speaker index into NAMES, text) as a Quotebank file.
fn corpus(dir: &Path, quotes: &[(usize, String)]) -> Index {
    let mut lines = String::new();
    for (i, (s, text)) in quotes.iter().enumerate() {
        let line = serde_json::json!({
            "quoteID": format!("q{i}"),
            "quotation": text,
            "speaker": NAMES[*s],
            "qids": if *s == 1 { vec!["Q1"] } else { vec![] },
            "date": "2020-05-01 00:00:00",
        });
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    let path = dir.join("c.jsonl");
    std::fs::write(&path, lines).unwrap();
    load_paths(&[path]).unwrap_or_else(|e| panic!("{e}"))
}

fn quotes_strategy() -> impl Strategy<Value = Vec<(usize, String)>> {
    prop::collection::vec(
        (
            0..NAMES.len(),
            prop::collection::vec(prop::sample::select(WORDS), 1..12).prop_map(|w| w.join(" ")),
        ),
        1..60,
    )
}

/// Queries as typed: a key added or taken back at each step.
fn typing_strategy() -> impl Strategy<Value = Vec<String>> {
    let keys: Vec<char> = "lankovmucéÉ’'Ü金 LAKx-".chars().collect();
    prop::collection::vec(
        prop::option::weighted(0.8, prop::sample::select(keys)),
        1..14,
    )
    .prop_map(|steps| {
        let mut query = String::new();
        let mut out = Vec::new();
        for step in steps {
            match step {
                Some(c) => query.push(c),
                None => {
                    query.pop();
                }
            }
            out.push(query.clone());
        }
        out
    })
}

/// Every matching quote with its score, best first: one fresh scorer call
/// per field and term, no prefilter, no threads.
fn naive(index: &Index, query: &str) -> Vec<(usize, i64)> {
    let folded = fold(query);
    let terms: Vec<&str> = folded.split_whitespace().collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let score = |choice: &str, term: &str| {
        SkimMatcherV2::default()
            .smart_case()
            .fuzzy_indices(choice, term)
            .map(|(s, _)| s)
    };
    let mut out = Vec::new();
    'quotes: for (i, q) in index.quotes().iter().enumerate() {
        let text = fold(&q.text);
        let name = fold(&index.speaker(q.speaker).data.name);
        let mut total = 0;
        for term in &terms {
            let in_text = score(&text, term).map(|s| s * 100 / 100);
            let in_name = score(&name, term).map(|s| s * 80 / 100);
            match in_text.max(in_name) {
                Some(s) => total += s,
                None => continue 'quotes,
            }
        }
        out.push((i, total));
    }
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, .. ProptestConfig::default() })]

    #[test]
    fn prefiltered_parallel_search_equals_a_naive_scan(
        quotes in quotes_strategy(),
        queries in typing_strategy(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let index = corpus(dir.path(), &quotes);
        let options = Options { kind: Some(HitKind::Quote), limit: None };
        for query in &queries {
            let got: Vec<(usize, i64)> = search(&index, query, options)
                .iter()
                .map(|h| (h.index, h.score))
                .collect();
            prop_assert_eq!(got, naive(&index, query), "query {:?}", query);
        }
    }

    #[test]
    fn incremental_search_equals_a_fresh_search(
        quotes in quotes_strategy(),
        queries in typing_strategy(),
        limit in prop::option::of(0usize..6),
        kind in prop::option::of(prop::sample::select(vec![HitKind::Quote, HitKind::Speaker])),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let index = corpus(dir.path(), &quotes);
        let options = Options { kind, limit };
        let mut incremental = IncrementalSearcher::new();
        let fresh = Searcher::default();
        for query in &queries {
            let a = incremental.run(&index, query, options, &|| false);
            let b = fresh.run(&index, query, options, &|| false);
            prop_assert_eq!(a, b, "query {:?}", query);
        }
    }
}

/// On a generated Quotebank corpus (sentences of common words, names,
/// capitals, punctuation, doubled letters), queries typed key by key rank
/// every match with exactly the naive scan's scores.
#[test]
fn a_generated_quotebank_corpus_ranks_as_a_naive_scan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    let options = gen_quotebank::Options {
        quotes: 1500,
        seed: 7,
        ..Default::default()
    };
    gen_quotebank::write_file(options, &path, None).unwrap();
    let index = load_paths(&[path]).unwrap();
    let searcher = Searcher::default();
    let options = Options {
        kind: Some(HitKind::Quote),
        limit: None,
    };
    for typed in [
        "lankov",
        "Lankov",
        "ammunition",
        "will tell",
        "good people",
        "see all",
        "tt ee",
        "Moscow",
    ] {
        for end in 1..=typed.len() {
            let query = &typed[..end];
            let got: Vec<(usize, i64)> = searcher
                .rank(&index, query, options, &|| false)
                .unwrap()
                .ranked
                .iter()
                .map(|r| (r.index, r.score))
                .collect();
            assert_eq!(got, naive(&index, query), "query {query:?}");
        }
    }
}

#[test]
fn a_cancelled_search_returns_nothing() {
    let index = reactions::load::load_embedded().unwrap();
    let searcher = Searcher::default();
    assert_eq!(
        searcher.run(&index, "lankov", Options::default(), &|| true),
        None
    );
    let mut incremental = IncrementalSearcher::new();
    assert_eq!(
        incremental.run(&index, "a", Options::default(), &|| true),
        None
    );
    // A cancelled search is not remembered: the next one is still exact.
    let done = incremental.run(&index, "an", Options::default(), &|| false);
    assert_eq!(
        done,
        searcher.run(&index, "an", Options::default(), &|| false)
    );
}

#[test]
fn the_worker_never_delivers_an_older_query_after_a_newer_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    let options = gen_quotebank::Options {
        quotes: 20_000,
        ..Default::default()
    };
    gen_quotebank::write_file(options, &path, None).unwrap();
    let index = Arc::new(load_paths(&[path]).unwrap());
    let got = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&got);
    let (done_tx, done_rx) = mpsc::channel();
    let worker = SearchWorker::spawn(Arc::clone(&index), move |r| {
        sink.lock().unwrap().push(r.clone());
        let _ = done_tx.send(r.generation);
    });
    let opts = Options {
        kind: None,
        limit: Some(20),
    };
    let mut asked = Vec::new();
    for round in 0..3 {
        for q in [
            "l",
            "la",
            "lan",
            "lank",
            "lanko",
            "lankov",
            "lankov a",
            "lankov am",
        ] {
            asked.push((worker.submit(q, opts), q.to_string()));
            // Sometimes let a search finish, sometimes interrupt it at once.
            if round == 1 {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        asked.push((worker.submit("", opts), String::new()));
    }
    let last = worker.latest();
    // Wait for the newest query's answer.
    while done_rx.recv_timeout(Duration::from_secs(60)).unwrap() != last {}
    drop(worker);
    let got = got.lock().unwrap();
    assert!(
        got.windows(2).all(|w| w[0].generation < w[1].generation),
        "{:?}",
        got.iter().map(|r| r.generation).collect::<Vec<_>>()
    );
    assert_eq!(got.last().unwrap().generation, last);
    let fresh = Searcher::default();
    for r in got.iter() {
        // Each answer is its own query's, and exact.
        let (_, query) = asked.iter().find(|(g, _)| *g == r.generation).unwrap();
        assert_eq!(&r.query, query);
        let expected = fresh.run(&index, query, opts, &|| false).unwrap();
        assert_eq!(r.results, expected, "{query:?}");
    }
}

#[test]
fn streamed_answers_come_before_their_final_answer_and_never_after_a_newer_query() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    let options = gen_quotebank::Options {
        quotes: 40_000,
        ..Default::default()
    };
    gen_quotebank::write_file(options, &path, None).unwrap();
    let index = Arc::new(load_paths(&[path]).unwrap());
    let got = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&got);
    let (done_tx, done_rx) = mpsc::channel();
    // Provisional answers after every block of quotes; (response, final).
    let provisional_sink = Arc::clone(&got);
    let worker = SearchWorker::spawn_streaming(
        Arc::clone(&index),
        Duration::ZERO,
        move |r| provisional_sink.lock().unwrap().push((r, false)),
        move |r| {
            sink.lock().unwrap().push((r.clone(), true));
            let _ = done_tx.send(r.generation);
        },
    );
    let opts = Options {
        kind: None,
        limit: Some(10),
    };
    let mut last = 0;
    for q in ["l", "la", "lan"] {
        last = worker.submit(q, opts);
        std::thread::sleep(Duration::from_millis(3));
    }
    while done_rx.recv_timeout(Duration::from_secs(60)).unwrap() != last {}
    drop(worker);
    let got = got.lock().unwrap();
    assert!(got.iter().any(|r| !r.1), "some answers were provisional");
    // Generations never go back; within one, the final answer comes last.
    assert!(
        got.windows(2)
            .all(|w| w[0].0.generation <= w[1].0.generation)
    );
    assert!(
        got.windows(2)
            .all(|w| w[0].0.generation < w[1].0.generation || !w[0].1)
    );
    let (fin, is_final) = got.last().unwrap();
    assert!(is_final);
    assert_eq!(fin.generation, last);
    let expected = Searcher::default()
        .run(&index, "lan", opts, &|| false)
        .unwrap();
    assert_eq!(fin.results, expected);
    // Provisional counts only grow towards the final one.
    let counts: Vec<usize> = got
        .iter()
        .filter(|r| r.0.generation == last)
        .map(|r| r.0.results.total)
        .collect();
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
}

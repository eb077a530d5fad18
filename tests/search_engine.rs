//! The word index answers as the words do: over random corpora and queries
//! in every operator, the quotes the index finds are exactly those whose
//! words a plain in-memory check matches, ranked by score then corpus
//! order; and the worker answers the newest query last.

#[allow(dead_code)]
#[path = "../examples/gen_quotebank.rs"]
mod gen_quotebank;

use std::path::Path;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use proptest::prelude::*;
use reactions::ids::QuoteId;
use reactions::index::Index;
use reactions::load::load_paths;
use reactions::search::query::{Mode, parse};
use reactions::search::words::TermMatcher;
use reactions::search::{Field, HitKind, IncrementalSearcher, Options, Searcher, search};
use reactions::text::words;
use reactions::worker::SearchWorker;

const WORDS: &[&str] = &[
    "lankov",
    "Lankov",
    "LANKOV",
    "lankof",
    "ammunition",
    "ammunitoin",
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
    "stangarone",
    "stagnarone",
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

/// Queries of one to three groups, in every operator.
fn query_strategy() -> impl Strategy<Value = String> {
    let atom = (
        prop::sample::select(WORDS),
        prop::sample::select(vec!["", "'", "^", "!", "!'", "$", "'w'", "\"\""]),
    )
        .prop_map(|(w, op)| match op {
            "$" => format!("{w}$"),
            "'w'" => format!("'{w}'"),
            "\"\"" => format!("\"{w} {w}\""),
            op => format!("{op}{w}"),
        });
    let group = prop::collection::vec(atom, 1..3).prop_map(|a| a.join(" | "));
    prop::collection::vec(group, 1..4).prop_map(|g| g.join(" "))
}

/// Whether a quote matches, by its words alone.
fn naive_matches(text: &str, speaker: &str, query: &str) -> bool {
    let parsed = parse(query).unwrap();
    parsed.groups.iter().all(|g| {
        g.atoms.iter().any(|a| {
            let m = TermMatcher::for_quotes(a);
            let text_words = words(text, a.cased);
            let name_words = words(speaker, a.cased);
            let found = m.in_words(&text_words).is_some()
                || (!matches!(a.mode, Mode::Start | Mode::End | Mode::Phrase) || a.cased)
                    && m.in_words(&name_words).is_some()
                || a.mode == Mode::Phrase && !a.cased && m.in_words(&name_words).is_some();
            found != a.negated
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn the_index_finds_what_the_words_match(
        quotes in quotes_strategy(),
        queries in prop::collection::vec(query_strategy(), 1..8),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let index = corpus(dir.path(), &quotes);
        let searcher = Searcher::default();
        for query in &queries {
            let options = Options { kind: Some(HitKind::Quote), limit: None };
            let results = searcher.try_search(&index, query, options).unwrap();
            let mut found: Vec<QuoteId> = results.hits.iter().filter_map(|h| h.quote()).collect();
            // Best first, ties in corpus order.
            for w in results.hits.windows(2) {
                prop_assert!(
                    w[0].score > w[1].score || w[0].score == w[1].score && w[0].quote() < w[1].quote(),
                    "{query}: {:?}", results.hits
                );
            }
            found.sort_unstable();
            let expected: Vec<QuoteId> = index
                .quote_ids()
                .filter(|&q| {
                    let quote = index.quote(q);
                    let speaker = &index.speaker(quote.speaker).data.name;
                    naive_matches(&quote.text, speaker, query)
                })
                .collect();
            prop_assert_eq!(&found, &expected, "{}", query);
            prop_assert_eq!(results.total, expected.len());
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
    // A cancelled search is not remembered.
    let done = incremental.run(&index, "an", Options::default(), &|| false);
    assert_eq!(
        done,
        searcher.run(&index, "an", Options::default(), &|| false)
    );
}

#[test]
fn a_generated_corpus_finds_its_speakers_through_typos() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    let options = gen_quotebank::Options {
        quotes: 20_000,
        ..Default::default()
    };
    gen_quotebank::write_file(options, &path, None).unwrap();
    let index = load_paths(&[path]).unwrap();
    for query in ["lankov", "lankof", "lnakov", "Lankov"] {
        let hits = search(
            &index,
            query,
            Options {
                kind: None,
                limit: Some(5),
            },
        );
        assert_eq!(hits[0].kind(), HitKind::Speaker, "{query}");
        assert_eq!(
            index.speaker(hits[0].speaker().unwrap()).data.name,
            "Andrei Lankov",
            "{query}"
        );
    }
    // Both words: each quote has them, in its text or its speaker's name.
    let hits = search(
        &index,
        "lankov ammunition",
        Options {
            kind: Some(HitKind::Quote),
            limit: Some(50),
        },
    );
    let first = index.quote(hits[0].quote().unwrap());
    assert!(
        words(&first.text, false)
            .iter()
            .any(|(_, w)| w == "ammunition")
    );
    for h in &hits {
        let q = index.quote(h.quote().unwrap());
        let text = words(&q.text, false);
        assert!(
            index.speaker(q.speaker).data.name == "Andrei Lankov"
                || text.iter().any(|(_, w)| w == "lankov"),
            "{}",
            q.text
        );
        // "ammunition" or, within two typos, a word that starts like it.
        assert!(h.positions(Field::Text).is_some(), "{}", q.text);
    }
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
    while done_rx.recv_timeout(Duration::from_secs(60)).unwrap() != last {}
    drop(worker);
    let got = got.lock().unwrap();
    assert!(got.windows(2).all(|w| w[0].generation < w[1].generation));
    assert_eq!(got.last().unwrap().generation, last);
    let fresh = Searcher::default();
    for r in got.iter() {
        let (_, query) = asked.iter().find(|(g, _)| *g == r.generation).unwrap();
        assert_eq!(&r.query, query);
        let expected = fresh.run(&index, query, opts, &|| false).unwrap();
        assert_eq!(r.results, expected, "{query:?}");
    }
}

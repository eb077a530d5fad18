//! The dataset loader: any bytes parse to datasets or a positioned error;
//! a dataset that validates builds an index, and the index exported and
//! read again is the same; no text in it can drive a terminal.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use reactions_core::index::Index;
use reactions_core::read::{LoadedDataset, parse, validate};

fn loaded(datasets: Vec<reactions_core::model::Dataset>) -> Vec<LoadedDataset> {
    datasets
        .into_iter()
        .map(|d| LoadedDataset {
            file: "fuzz.json".into(),
            body: d.article.body.clone().unwrap_or_default(),
            dataset: d,
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(datasets) = parse("fuzz.json", text) else {
        return;
    };
    let loaded = loaded(datasets);
    if loaded.iter().any(|d| !validate(d).is_empty()) {
        return;
    }
    let index = Index::build(loaded).expect("a valid dataset builds");
    for q in index.quote_ids() {
        let quote = index.quote(q);
        common::assert_clean(&quote.text, true);
        let ctx = index.context(q);
        assert!(ctx.quote.end <= ctx.text.len());
        common::assert_clean(&ctx.text, true);
    }
    for s in index.speakers() {
        common::assert_clean(&s.data.name, false);
    }
    // Round trip: what export writes, check accepts, and it is the same.
    let again = loaded_again(&index);
    assert!(
        again.iter().all(|d| validate(d).is_empty()),
        "export fails check"
    );
    let rebuilt = Index::build(again).expect("the export builds");
    assert_eq!(rebuilt.quote_total(), index.quote_total());
    assert_eq!(rebuilt.speakers().len(), index.speakers().len());
    for q in index.quote_ids() {
        assert_eq!(rebuilt.quote(q).text, index.quote(q).text);
        assert_eq!(rebuilt.quote_id(q), index.quote_id(q));
    }
});

fn loaded_again(index: &Index) -> Vec<LoadedDataset> {
    let json = serde_json_roundtrip(index);
    loaded(parse("export.json", &json).expect("the export parses"))
}

fn serde_json_roundtrip(index: &Index) -> String {
    serde_json::to_string(&index.to_datasets()).expect("datasets serialise")
}

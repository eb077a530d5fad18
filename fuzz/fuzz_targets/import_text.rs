//! The article importer on plain text: any text imports to a dataset that
//! passes check (or to one clear error), builds an index, and holds no text
//! that can drive a terminal.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use reactions_core::index::Index;
use reactions_core::read::{LoadedDataset, validate};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(dataset) = reactions_core::import::import(text, "fuzz.text") else {
        return;
    };
    let loaded = LoadedDataset {
        file: "fuzz.json".into(),
        body: dataset.article.body.clone().unwrap_or_default(),
        dataset,
    };
    let problems = validate(&loaded);
    assert!(
        problems.is_empty(),
        "import output fails check: {problems:?}"
    );
    let index = Index::build(vec![loaded]).expect("an imported dataset builds");
    for q in 0..index.quote_total() {
        common::assert_clean(&index.quote(q).text, true);
    }
    for s in index.speakers() {
        common::assert_clean(&s.data.name, false);
    }
});

//! What the targets assert: of text that reaches the terminal, and of an
//! imported article.

use reactions_core::index::Index;
use reactions_core::read::{LoadedDataset, validate};

/// Sanitised text holds no control character (but line breaks where kept)
/// and no escape sequence.
pub fn assert_clean(text: &str, newlines: bool) {
    for c in text.chars() {
        let allowed = newlines && c == '\n';
        assert!(
            allowed || !(c.is_control()),
            "control character {c:?} in {text:?}"
        );
    }
}

/// An article's text imports to a dataset that passes check (or to one
/// clear error), builds an index, and holds no text that can drive a
/// terminal; `file_name` says which reader (its extension).
#[allow(dead_code)]
pub fn check_import(data: &[u8], file_name: &str) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(dataset) = reactions_core::import::import(text, file_name) else {
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
    for q in index.quote_ids() {
        assert_clean(&index.quote(q).text, true);
    }
    for s in index.speakers() {
        assert_clean(&s.data.name, false);
    }
}

//! The query parser and the search: any query parses or gives an error with
//! a column inside it; a parsed query searches the bundled article without a
//! panic, hits ranked best first, every highlighted character inside its
//! field.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use reactions_core::index::Index;
use reactions_core::search::{Field, HitKind, Options, Searcher, parse};

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| reactions_core::load::load_embedded().expect("bundled"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    match parse(query) {
        Err(e) => assert!(e.column >= 1 && e.column <= query.chars().count().max(1)),
        Ok(_) => {
            let index = index();
            let options = Options {
                kind: None,
                limit: Some(50),
            };
            let results = Searcher::default()
                .try_search(index, query, options)
                .expect("a parsed query searches");
            assert!(results.hits.len() <= 50 && results.hits.len() <= results.total);
            for h in &results.hits {
                for m in &h.matches {
                    let text = match (h.kind, m.field) {
                        (HitKind::Quote, Field::Text) => index.quote(h.index).text.clone(),
                        (HitKind::Quote, Field::SpeakerName) => index
                            .speaker(index.quote(h.index).speaker)
                            .data
                            .name
                            .clone(),
                        (HitKind::Speaker, Field::Name) => index.speaker(h.index).data.name.clone(),
                        (HitKind::Category, Field::Title) => {
                            index.category(h.index).data.title.clone()
                        }
                        _ => continue,
                    };
                    let n = text.chars().count();
                    assert!(
                        m.positions.iter().all(|&p| p < n),
                        "{query:?}: {m:?} in {text:?}"
                    );
                }
            }
        }
    }
});

//! The query parser and the search: any query parses or gives an error with
//! a column inside it; a parsed query searches the bundled article without a
//! panic, hits ranked best first, every highlighted character inside its
//! field.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use reactions_core::index::Index;
use reactions_core::search::{Field, Options, Searcher, Target, parse};

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
                    let text = match (h.target, m.field) {
                        (Target::Quote(q), Field::Text) => index.quote(q).text.clone(),
                        (Target::Quote(q), Field::SpeakerName) => {
                            index.speaker(index.quote(q).speaker).data.name.clone()
                        }
                        (Target::Speaker(s), Field::Name) => index.speaker(s).data.name.clone(),
                        (Target::Category(c), Field::Title) => index.category(c).data.title.clone(),
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

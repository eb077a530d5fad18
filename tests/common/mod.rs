//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

pub const ARTICLE: &str = "asmolov-2023-10-11";

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// The bundled dataset as JSON, with its body inlined, to mutate in tests.
pub fn bundled_json() -> Value {
    let text = std::fs::read_to_string(data_dir().join("asmolov-2023-10-11.json")).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    let body_file = v["article"]["body_file"].as_str().unwrap().to_string();
    let body = std::fs::read_to_string(data_dir().join(body_file)).unwrap();
    let article = v["article"].as_object_mut().unwrap();
    article.remove("body_file");
    article.insert("body".into(), Value::String(body));
    v
}

/// Writes `value` as `name` in a fresh temporary folder.
pub fn write_temp(name: &str, content: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    (dir, path)
}

/// The binary, with a clean environment.
pub fn reactions() -> Command {
    let mut cmd = Command::cargo_bin("reactions").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Runs `query` as the explorer's search worker would (limit 1000) and
/// hands the results to `state`, as if they had just arrived.
pub fn deliver_search(
    state: &mut reactions::tui::state::AppState,
    index: &reactions::index::Index,
    query: &str,
) {
    use reactions::search::{Options, Searcher};
    use reactions::tui::action::Action;
    use reactions::worker::Response;
    let options = Options {
        kind: None,
        limit: Some(1000),
    };
    let results = Searcher::default()
        .run(index, query, options, &|| false)
        .unwrap();
    reactions::tui::update::update(
        state,
        index,
        Action::SearchResults(Response {
            generation: 1,
            query: query.to_string(),
            results,
            elapsed: std::time::Duration::ZERO,
        }),
    );
}

/// What the binary prints on stdout for `args`; it must succeed.
pub fn stdout_of(args: &[&str]) -> String {
    let out = reactions().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

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

//! Broken datasets: each problem gives one clear line on stderr and exit 2,
//! never a panic.

mod common;

use common::{bundled_json, reactions, write_temp};
use serde_json::{Value, json};

/// Runs `reactions check` on `content` and returns its stderr lines.
fn check(name: &str, content: &str) -> Vec<String> {
    let (_dir, path) = write_temp(name, content);
    let out = reactions().arg("check").arg(&path).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Loading the same file for any other command fails the same way.
    let load = reactions()
        .arg("--data")
        .arg(&path)
        .arg("quotes")
        .output()
        .unwrap();
    assert_eq!(load.status.code(), Some(2));
    assert!(load.stdout.is_empty());
    let shown = path.display().to_string();
    let lines: Vec<String> = stderr.lines().map(str::to_string).collect();
    for line in &lines[..lines.len() - 1] {
        assert!(line.starts_with(&format!("error: {shown}")), "{line}");
    }
    assert!(lines.last().unwrap().ends_with("problem(s) found"));
    lines[..lines.len() - 1].to_vec()
}

fn mutated(f: impl FnOnce(&mut Value)) -> String {
    let mut v = bundled_json();
    f(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn json_syntax_error_has_line_and_column() {
    let lines = check(
        "bad.json",
        "{\n  \"schema_version\": 1,\n  \"article\": {,\n}\n",
    );
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].contains("bad.json:3:15: invalid JSON"),
        "{lines:?}"
    );
}

#[test]
fn truncated_file() {
    let text = mutated(|_| {});
    let lines = check("cut.json", &text[..text.len() / 2]);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("invalid JSON: EOF"), "{lines:?}");
}

#[test]
fn unknown_schema_version() {
    let lines = check("v.json", &mutated(|v| v["schema_version"] = json!(2)));
    assert_eq!(
        lines,
        [format!(
            "error: {}: unknown schema_version 2: this build reads version 1",
            lines[0][7..].split(':').next().unwrap()
        )]
    );
}

#[test]
fn unknown_field_is_named_with_position() {
    let lines = check(
        "f.json",
        &mutated(|v| v["quotes"][0]["speeker"] = json!("kirby")),
    );
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("unknown field `speeker`"), "{lines:?}");
    assert!(
        lines[0].split(':').nth(2).unwrap().parse::<usize>().is_ok(),
        "line number: {lines:?}"
    );
}

#[test]
fn wrong_type_and_missing_field() {
    let lines = check(
        "t.json",
        &mutated(|v| v["quotes"][0]["span"] = json!("0-10")),
    );
    assert!(lines[0].contains("invalid type"), "{lines:?}");
    let lines = check(
        "m.json",
        &mutated(|v| {
            v["speakers"][0].as_object_mut().unwrap().remove("name");
        }),
    );
    assert!(lines[0].contains("missing field `name`"), "{lines:?}");
    let lines = check(
        "k.json",
        &mutated(|v| v["speakers"][0]["kind"] = json!("wizard")),
    );
    assert!(lines[0].contains("unknown variant `wizard`"), "{lines:?}");
}

#[test]
fn duplicate_ids() {
    let lines = check(
        "d.json",
        &mutated(|v| {
            let first = v["quotes"][0].clone();
            v["quotes"].as_array_mut().unwrap().push(first);
            let s = v["speakers"][1]["id"].clone();
            v["speakers"][2]["id"] = s;
        }),
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("quote \"kirby-1\", field \"id\": duplicate id")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("field \"id\": duplicate id") && l.contains("speaker"))
    );
}

#[test]
fn missing_speaker_and_category() {
    let lines = check(
        "r.json",
        &mutated(|v| {
            v["quotes"][0]["speaker"] = json!("ghost");
            v["quotes"][1]["category"] = json!("nowhere");
        }),
    );
    assert!(
        lines.iter().any(|l| l.ends_with(
            "quote \"kirby-1\", field \"speaker\": no speaker \"ghost\" in this article"
        )),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("field \"category\": no category \"nowhere\" in this article"))
    );
}

#[test]
fn empty_name_and_text() {
    let lines = check(
        "e.json",
        &mutated(|v| {
            v["speakers"][0]["name"] = json!("  ");
            v["quotes"][0]["text"] = json!("");
            v["quotes"][0]["span"] = json!([0, 0]);
        }),
    );
    assert!(
        lines.iter().any(|l| l.contains("field \"name\": is empty")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("quote \"kirby-1\", field \"text\": is empty"))
    );
}

#[test]
fn span_outside_or_not_matching() {
    let lines = check(
        "s.json",
        &mutated(|v| {
            v["quotes"][0]["span"] = json!([10, 99999999]);
            let [a, b] = [
                v["quotes"][1]["span"][0].as_u64().unwrap(),
                v["quotes"][1]["span"][1].as_u64().unwrap(),
            ];
            v["quotes"][1]["span"] = json!([a + 1, b + 1]);
            v["quotes"][2]["span"] = json!([50, 40]);
        }),
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("field \"span\": [10, 99999999] lies outside the article body")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("in the body, not the quote's text")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("[50, 40] starts after it ends")),
        "{lines:?}"
    );
}

#[test]
fn missing_body_file() {
    let lines = check(
        "b.json",
        &mutated(|v| {
            let a = v["article"].as_object_mut().unwrap();
            a.remove("body");
            a.insert("body_file".into(), json!("gone.txt"));
        }),
    );
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].contains("body file \"gone.txt\": cannot read: no such file or folder"),
        "{lines:?}"
    );
}

#[test]
fn bad_dates() {
    let lines = check(
        "dt.json",
        &mutated(|v| {
            v["article"]["date"] = json!("11.10.2023");
            v["quotes"][0]["date"] = json!("2023-02-30");
        }),
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\"11.10.2023\" is not a date")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\"2023-02-30\" is not a date"))
    );
}

#[test]
fn not_utf8_and_not_found() {
    let lines = check(
        "u.json",
        "{\"schema_version\": 1,\n \"x\": \"\u{e9}\"}"
            .replace('\u{e9}', "\u{1}")
            .as_str(),
    );
    assert!(!lines.is_empty());
    let (_dir, path) = write_temp("latin1.json", "");
    std::fs::write(&path, b"{\n  \"a\": \"caf\xe9\"\n}").unwrap();
    let out = reactions().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("latin1.json:2:12: invalid UTF-8"));

    reactions()
        .args(["check", "/no/such/file.json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "/no/such/file.json: cannot read: no such file or folder",
        ));
    reactions()
        .args(["--data", "/no/such/file.json", "speakers"])
        .assert()
        .code(2);
}

#[test]
fn several_problems_are_all_reported() {
    let lines = check(
        "many.json",
        &mutated(|v| {
            v["quotes"][0]["speaker"] = json!("ghost");
            v["quotes"][3]["text"] = json!("not the text");
            v["categories"][0]["title"] = json!("");
        }),
    );
    assert_eq!(lines.len(), 3, "{lines:?}");
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let content = mutated(|v| {
        v["speakers"][0]["name"] = json!("Evil\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J Name");
    });
    let (_dir, path) = write_temp("hostile.json", &content);
    let out = reactions()
        .arg("--data")
        .arg(&path)
        .args(["speakers"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'));
    assert!(text.contains("Evil␛]52;c;cHduZWQ=␇␛[2J Name"));
}

/// A dataset or article too big to read whole is one clear line, read no
/// further than the limit (a sparse file: no disk is used).
#[test]
fn a_dataset_bigger_than_the_limit_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(300 << 20).unwrap();
    let out = common::reactions()
        .arg("--data")
        .arg(&path)
        .arg("speakers")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("huge.json") && err.contains("300 MiB") && err.contains("256 MiB"),
        "{err}"
    );
}

//! The command line: stdout, stderr and exit codes, as a script sees them.

mod common;

use common::{ARTICLE, bundled_json, reactions, stdout_of, write_temp};
use predicates::prelude::*;
use predicates::str::contains;

#[test]
fn search_lankov_prints_lankov_first() {
    let out = stdout_of(&["search", "lankov"]);
    let first = out.lines().next().unwrap();
    assert_eq!(
        first.split('\t').collect::<Vec<_>>()[..2],
        ["speaker", &format!("{ARTICLE}/lankov")]
    );
    assert!(first.contains("Andrei Lankov"));
}

#[test]
fn search_by_usual_spellings_finds_the_article_spelling() {
    for (query, name) in [
        ("cynkin", "Thomas Shinkin"),
        ("stangarone", "Troy Stagnarone"),
        ("kaylan", "Melik Kailan"),
        ("hankyoreh", "Hanger Shinmun"),
        ("grossi", "Rafael Grossi"),
        ("yoon", "Yoon Seok-yeol"),
    ] {
        let out = stdout_of(&["search", query, "--limit", "1"]);
        assert!(out.starts_with("speaker\t"), "{query}: {out}");
        assert!(out.contains(name), "{query}: {out}");
    }
}

#[test]
fn search_exits_1_when_nothing_matches() {
    reactions()
        .args(["search", "zzqxj"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("");
}

#[test]
fn search_kind_limit_and_json() {
    let out = stdout_of(&["search", "ammunition", "--kind", "quote", "-n", "3"]);
    assert_eq!(out.lines().count(), 3);
    assert!(out.lines().all(|l| l.starts_with("quote\t")));

    let out = stdout_of(&["search", "lankov", "--json", "-n", "1"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["kind"], "speaker");
    assert_eq!(v[0]["id"], format!("{ARTICLE}/lankov"));
    assert_eq!(v[0]["matches"][0]["field"], "name");
    assert_eq!(
        v[0]["matches"][0]["positions"],
        serde_json::json!([7, 8, 9, 10, 11, 12])
    );
}

#[test]
fn speakers_lists_everyone_and_filters_by_category() {
    let out = stdout_of(&["speakers"]);
    assert!(out.lines().count() >= 30, "{out}");
    assert!(out.lines().next().unwrap().contains("John Kirby"));
    let china = stdout_of(&["speakers", "--category", "china"]);
    assert!(china.contains("Mao Ning"));
    assert!(china.contains("Melik Kailan"));
    assert!(!china.contains("Andrei Lankov"));
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&["speakers", "--json"])).unwrap();
    let shinkin = v
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Thomas Shinkin")
        .unwrap();
    assert!(shinkin["quotes"].as_u64().unwrap() >= 5);
    assert!(
        shinkin["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Thomas Cynkin")
    );
}

#[test]
fn categories_follow_the_article() {
    let out = stdout_of(&["categories"]);
    let ids: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    let expected: Vec<String> = [
        "official",
        "arms-deal",
        "alliance",
        "pyongyang",
        "china",
        "domestic",
        "conclusions",
    ]
    .iter()
    .map(|c| format!("{ARTICLE}/{c}"))
    .collect();
    assert_eq!(ids, expected);
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&["categories", "--json"])).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|c| c["quotes"].as_u64().unwrap() > 0)
    );
}

#[test]
fn quotes_by_speaker_name_alias_or_id() {
    let by_alias = stdout_of(&["quotes", "--speaker", "Thomas Cynkin"]);
    let by_id = stdout_of(&["quotes", "--speaker", "shinkin"]);
    assert_eq!(by_alias, by_id);
    assert!(by_alias.lines().count() >= 5);
    assert!(
        by_alias
            .lines()
            .all(|l| l.split('\t').nth(1) == Some("Thomas Shinkin"))
    );

    let kirby = stdout_of(&["quotes", "--speaker", "kirby", "--category", "official"]);
    assert_eq!(kirby.lines().count(), 1, "{kirby}");
    assert!(kirby.contains("serious concern"));

    reactions()
        .args(["quotes", "--speaker", "nobody-at-all"])
        .assert()
        .code(2)
        .stderr(contains("no speaker \"nobody-at-all\""));
}

#[test]
fn show_plain_markdown_json() {
    let plain = stdout_of(&["show", "lankov-2"]);
    let lines: Vec<&str> = plain.lines().collect();
    assert!(
        lines[0].starts_with("“South Korea is being made to understand"),
        "{plain}"
    );
    assert!(lines[0].ends_with("South Korean military.”"));
    assert!(lines[1].starts_with("— Andrei Lankov, "), "{plain}");
    assert!(
        lines[2].starts_with("Source: Konstantin Asmolov, New Eastern Outlook, 11 October 2023")
    );

    let md = stdout_of(&[
        "show",
        &format!("{ARTICLE}/lankov-2"),
        "--format",
        "markdown",
    ]);
    assert!(md.starts_with("> “South Korea is being made"), "{md}");
    assert!(md.contains("> — **Andrei Lankov**"));
    assert!(md.lines().all(|l| l.starts_with('>')));

    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["show", "kirby-1", "--format", "json"])).unwrap();
    assert_eq!(json["date"], "2023-09-13");
    assert_eq!(json["speaker"]["name"], "John Kirby");
    assert!(
        json["attribution"]
            .as_str()
            .unwrap()
            .contains("(13 September 2023)")
    );
}

#[test]
fn show_unknown_quote_is_an_error() {
    reactions()
        .args(["show", "nope-9"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("no quote \"nope-9\""));
}

#[test]
fn export_round_trips_through_check_and_load() {
    let exported = stdout_of(&["export"]);
    let (_dir, path) = write_temp("x.json", &exported);
    reactions()
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("ok: 1 article(s)"));
    // Loading the export gives the same index: exporting it again is identical.
    let again = reactions()
        .arg("--data")
        .arg(&path)
        .arg("export")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(again.stdout).unwrap(), exported);
    // And the same answers.
    let a = stdout_of(&["quotes"]);
    let b = reactions()
        .arg("--data")
        .arg(&path)
        .arg("quotes")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(b.stdout).unwrap(), a);
}

#[test]
fn data_folder_merges_articles_with_namespaced_ids() {
    let dir = tempfile::tempdir().unwrap();
    let one = bundled_json();
    let mut two = bundled_json();
    two["article"]["id"] = "second".into();
    std::fs::write(dir.path().join("a.json"), one.to_string()).unwrap();
    std::fs::write(dir.path().join("b.json"), two.to_string()).unwrap();
    let out = reactions()
        .arg("--data")
        .arg(dir.path())
        .args(["search", "lankov", "--kind", "speaker"])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains(&format!("{ARTICLE}/lankov")));
    assert!(out.contains("second/lankov"));
    // A local id is now ambiguous; the full one is not.
    reactions()
        .arg("--data")
        .arg(dir.path())
        .args(["show", "lankov-1"])
        .assert()
        .code(2)
        .stderr(contains("ambiguous"));
    reactions()
        .arg("--data")
        .arg(dir.path())
        .args(["show", "second/lankov-1"])
        .assert()
        .success();
    // Exporting both and checking the export works too.
    let exported = reactions()
        .arg("--data")
        .arg(dir.path())
        .arg("export")
        .output()
        .unwrap();
    let (_d, path) = write_temp("both.json", &String::from_utf8(exported.stdout).unwrap());
    reactions()
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("ok: 2 article(s)"));
}

#[test]
fn check_bundled_and_help_and_version() {
    reactions()
        .arg("check")
        .assert()
        .success()
        .stdout(contains("ok: 1 article(s)"));
    reactions().arg("--help").assert().success().stdout(
        contains("search")
            .and(contains("export"))
            .and(contains("--data")),
    );
    reactions()
        .arg("--version")
        .assert()
        .success()
        .stdout(contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn output_to_a_closed_pipe_is_quiet() {
    // `reactions quotes | head -1`: the rest of the output hits a closed pipe.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{} quotes | head -1",
            assert_cmd::cargo::cargo_bin("reactions").display()
        ))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_dash_reads_standard_input() {
    let export = stdout_of(&["export"]);
    reactions()
        .args(["check", "-"])
        .write_stdin(export.clone())
        .assert()
        .success()
        .stdout(contains("ok:"));
    reactions()
        .args(["--data", "-", "show", "lankov-1"])
        .write_stdin(export)
        .assert()
        .success()
        .stdout(contains("Lankov"));
    let line = r#"{"quoteID": "2020-01-16-000088", "quotation": "Read from a pipe.", "speaker": "Andrei Lankov", "qids": ["Q4347"], "date": "2020-01-16 12:00:00", "numOccurrences": 1, "probas": [], "urls": [], "phase": "E"}"#;
    reactions()
        .args(["--data", "-", "quotes"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .success()
        .stdout(contains("Read from a pipe."));
    reactions()
        .args(["import", "-"])
        .write_stdin("“We are ready,” said Jane Doe, a spokeswoman.\n")
        .assert()
        .success();
}

#[test]
fn a_quotebank_line_longer_than_four_mib_loads_whole() {
    let long = "word ".repeat(1_100_000);
    let line = format!(
        r#"{{"quoteID": "2020-01-16-000001", "quotation": "{long}end", "speaker": "Andrei Lankov", "qids": [], "date": "2020-01-16 12:00:00", "numOccurrences": 1, "probas": [], "urls": [], "phase": "E"}}"#
    );
    let short = r#"{"quoteID": "2020-01-16-000002", "quotation": "Short.", "speaker": "None", "qids": [], "date": "2020-01-16 12:00:00", "numOccurrences": 1, "probas": [], "urls": [], "phase": "E"}"#;
    let (_dir, path) = write_temp("long.jsonl", &format!("{line}\n{short}\n"));
    let out = reactions()
        .args(["--data", path.to_str().unwrap(), "quotes"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    reactions()
        .args(["check", path.to_str().unwrap()])
        .assert()
        .success();
}

#[test]
fn speakers_in_a_category_count_their_quotes_there() {
    let china = stdout_of(&["speakers", "--category", "china"]);
    let all = stdout_of(&["speakers"]);
    let count = |out: &str, name: &str| -> String {
        let line = out.lines().find(|l| l.contains(name)).unwrap();
        line.split('\t').nth(3).unwrap().to_string()
    };
    assert_eq!(count(&all, "Thomas Shinkin"), "5", "{all}");
    assert_eq!(count(&china, "Thomas Shinkin"), "1", "{china}");
    assert_eq!(count(&china, "Patrick Cronin"), "1", "{china}");
}

#[test]
fn damaged_bzip2_is_reported_as_such() {
    let (_dir, path) = write_temp("corpus.bin", "BZh9garbage");
    reactions()
        .args(["check", path.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("bzip2"));
}

#[test]
fn data_is_not_offered_where_it_means_nothing() {
    for cmd in ["import", "eval"] {
        let help = stdout_of(&[cmd, "--help"]);
        assert!(!help.contains("--data"), "{cmd}: {help}");
    }
    assert!(stdout_of(&["quotes", "--help"]).contains("--data"));
}

//! The command line's citation styles, several quotes in `show`, colour in
//! `search`, completions and the man page.

mod common;

use common::{ARTICLE, bundled_json, reactions, stdout_of};
use predicates::str::contains;

#[test]
fn show_apa_and_chicago() {
    let apa = stdout_of(&["show", "lankov-2", "--format", "apa"]);
    assert!(apa.contains("(as cited in Asmolov, 2023)"), "{apa}");
    assert!(
        apa.contains(
            "Source: Asmolov, K. (2023, October 11). On Kim Jong-un’s Visit to Russia, Part Five: Reactions. New Eastern Outlook.\n"
        ),
        "{apa}"
    );
    assert!(!apa.contains('*'), "no italics in plain text: {apa}");
    let chicago = stdout_of(&["show", "lankov-2", "--format", "chicago"]);
    assert!(chicago.contains("(quoted in Asmolov 2023)"), "{chicago}");
    assert!(
        chicago.contains(
            "Source: Asmolov, Konstantin. 2023. “On Kim Jong-un’s Visit to Russia, Part Five: Reactions.” New Eastern Outlook, October 11, 2023.\n"
        ),
        "{chicago}"
    );
    let md = stdout_of(&["show", "lankov-2", "--format", "apa", "--markdown"]);
    assert!(md.contains("*New Eastern Outlook*."), "{md}");
    assert!(md.starts_with("> “"), "{md}");
}

#[test]
fn show_several_ids_in_order_with_one_source() {
    let out = stdout_of(&["show", "kirby-1", "lankov-2", "lankov-1"]);
    let kirby = out.find("— John Kirby").unwrap();
    let lankov = out.find("“South Korea is being made").unwrap();
    assert!(kirby < lankov, "{out}");
    assert_eq!(out.matches("Source: ").count(), 1, "{out}");
    assert_eq!(out.matches("— ").count(), 3, "{out}");
    assert!(
        out.trim_end()
            .lines()
            .last()
            .unwrap()
            .starts_with("Source: Konstantin Asmolov")
    );
    // One quote is the one-element case: as before.
    let one = stdout_of(&["show", "lankov-2"]);
    assert_eq!(one.lines().count(), 3, "{one}");
    // JSON: an array for several.
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["show", "kirby-1", "lankov-2", "-f", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[0]["speaker"]["name"], "John Kirby");
}

#[test]
fn show_an_unknown_id_among_several_is_one_line_and_exit_2() {
    let out = reactions()
        .args(["show", "lankov-2", "nope-9", "kirby-1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no quote \"nope-9\""), "{err}");
}

#[test]
fn search_colour_only_when_asked_or_a_terminal() {
    let plain = stdout_of(&["search", "lankov", "-n", "3"]);
    assert!(!plain.contains('\u{1b}'), "a pipe gets no colour: {plain}");
    let never = stdout_of(&["--color", "never", "search", "lankov", "-n", "3"]);
    assert_eq!(never, plain);
    let always = stdout_of(&["search", "lankov", "-n", "3", "--color", "always"]);
    assert!(always.contains("\u{1b}[1;31mLankov\u{1b}[0m"), "{always:?}");
    assert!(
        always.starts_with("\u{1b}[35mspeaker\u{1b}[0m\t"),
        "{always:?}"
    );
    // Without the codes, the same lines.
    let stripped = always
        .replace("\u{1b}[1;31m", "")
        .replace("\u{1b}[0m", "")
        .replace("\u{1b}[35m", "")
        .replace("\u{1b}[32m", "")
        .replace("\u{1b}[33m", "")
        .replace("\u{1b}[2m", "");
    assert_eq!(stripped, plain);
    // NO_COLOR does not override an explicit --color always; auto into a
    // pipe stays plain with or without it.
    let out = reactions()
        .env("NO_COLOR", "1")
        .args(["search", "lankov", "-n", "1"])
        .output()
        .unwrap();
    assert!(!out.stdout.contains(&0x1b));
}

#[test]
fn colour_choice_follows_no_color_and_the_terminal() {
    use reactions::cli::ColorArg;
    assert!(ColorArg::Auto.enabled(true, None, Some("xterm")));
    assert!(!ColorArg::Auto.enabled(false, None, None));
    assert!(!ColorArg::Auto.enabled(true, Some("1"), None));
    assert!(ColorArg::Auto.enabled(true, Some(""), None));
    assert!(!ColorArg::Auto.enabled(true, None, Some("dumb")));
    assert!(ColorArg::Always.enabled(false, Some("1"), None));
    assert!(!ColorArg::Never.enabled(true, None, None));
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let out = stdout_of(&["completions", shell]);
        assert!(out.contains("reactions"), "{shell}");
        assert!(out.contains("show"), "{shell}");
    }
    reactions().args(["completions", "tcsh"]).assert().code(2);
    let man = stdout_of(&["man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH reactions"),
        "{man}"
    );
    assert!(man.contains("completions"));
    reactions().arg("man").assert().success().stderr("");
    reactions()
        .args(["show", "--help"])
        .assert()
        .success()
        .stdout(contains("chicago"));
}

#[test]
fn quotes_of_two_articles_get_one_source_each() {
    let dir = tempfile::tempdir().unwrap();
    let one = bundled_json();
    let mut two = bundled_json();
    two["article"]["id"] = "second".into();
    two["article"]["title"] = "Later reactions".into();
    std::fs::write(dir.path().join("a.json"), one.to_string()).unwrap();
    std::fs::write(dir.path().join("b.json"), two.to_string()).unwrap();
    let show = |format: &str| {
        let out = reactions()
            .arg("--data")
            .arg(dir.path())
            .args(["show", "second/lankov-2"])
            .arg(format!("{ARTICLE}/kirby-1"))
            .arg("second/lankov-1")
            .args(["--format", format])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let plain = show("plain");
    assert!(plain.contains("Kunming University [1]\n"), "{plain}");
    assert!(
        plain.contains("(13 September 2023), paraphrased [2]\n"),
        "{plain}"
    );
    assert!(plain.contains("\nSources:\n[1] Konstantin Asmolov, New Eastern Outlook, 11 October 2023, “Later reactions”\n[2] "), "{plain}");
    assert_eq!(plain.matches("[1] Konstantin").count(), 1, "{plain}");
    // APA: same author, same year: 2023a and 2023b by title, references
    // in alphabetical order.
    let apa = show("apa");
    assert!(apa.contains("(as cited in Asmolov, 2023a)"), "{apa}");
    assert!(apa.contains("(as cited in Asmolov, 2023b)"), "{apa}");
    let refs = apa.split("References\n").nth(1).unwrap();
    let lines: Vec<&str> = refs.lines().collect();
    assert_eq!(lines.len(), 2, "{apa}");
    assert!(
        lines[0]
            .starts_with("Asmolov, K. (2023a, October 11). Later reactions. New Eastern Outlook."),
        "{apa}"
    );
    assert!(
        lines[1].starts_with("Asmolov, K. (2023b, October 11). On Kim"),
        "{apa}"
    );
}

//! End-to-end tests: the real binary in tmux, driven with send-keys and read
//! with capture-pane, the way a user sees it.

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_reactions");

/// A private tmux server with one session, killed on drop.
struct Tmux {
    socket: String,
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl Tmux {
    /// Starts a shell in a `width`×`height` session.
    fn start(width: u16, height: u16) -> Tmux {
        let socket = format!(
            "reactions-e2e-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        // Without tmux: one clear failure, not a panic while cleaning up.
        if Command::new("tmux").arg("-V").output().is_err() {
            panic!("tmux not found: install it (apt-get install tmux) to run the end-to-end tests");
        }
        let t = Tmux { socket };
        let out = t.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "env",
            "PS1=$ ",
            "TERM=tmux-256color",
            "sh",
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t.tmux(&["set-option", "-g", "set-clipboard", "on"]);
        t.wait_for("a shell prompt", |s| s.contains('$'));
        t
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Types text literally.
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", text]);
    }

    /// Presses named keys (Enter, Escape, Tab, C-c...).
    fn press(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Runs a shell command line in the session.
    fn run(&self, line: &str) {
        self.type_text(line);
        self.press(&["Enter"]);
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    /// Waits until the screen satisfies `ok`; panics with the screen if it
    /// never does.
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; the screen was:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// Waits until every one of `texts` is on screen at once.
    fn wait_all(&self, texts: &[&str]) -> String {
        self.wait_for(&texts.join(" + "), |s| texts.iter().all(|t| s.contains(t)))
    }

    /// How many paste buffers tmux holds.
    fn buffers(&self) -> usize {
        String::from_utf8_lossy(&self.tmux(&["list-buffers"]).stdout)
            .lines()
            .count()
    }

    fn buffer(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["show-buffer"]).stdout).into_owned()
    }

    /// Starts the explorer with `args` and waits for its first whole frame
    /// (the footer is drawn last).
    fn open(&self, args: &str) -> String {
        self.run(&format!("{BIN} {args}"));
        self.wait_for("the first frame", |s| {
            s.contains("Categories") && s.contains("q quit")
        })
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // Never panics (a panic while a failed test unwinds would abort).
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

fn show(id: &str, format: &str) -> String {
    let out = Command::new(BIN)
        .args(["show", id, "--format", format])
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .trim_end()
        .to_string()
}

#[test]
fn opens_on_the_bundled_article() {
    let t = Tmux::start(120, 40);
    t.open("");
    t.wait_all(&[
        "On Kim Jong-un’s Visit to Russia, Part Five: Reactions",
        "Categories",
        "Experts (39)",
        "Quotes (79)",
        "Detail",
        "John Kirby",
    ]);
}

#[test]
fn search_lankov_enter_shows_his_quote_in_the_detail() {
    let t = Tmux::start(120, 40);
    t.open("");
    t.type_text("/");
    t.wait_text("Search experts, categories, quotes");
    t.type_text("lankov");
    t.wait_all(&["3/3", "▸ expert   Andrei Lankov"]);
    t.press(&["Enter"]);
    t.wait_all(&[
        "Quotes of Andrei Lankov (2)",
        "Lankov argues that the unprecedented level of coverage",
        "In context",
    ]);
    // Focus is on his quotes: down to the direct quote, in context.
    t.press(&["j"]);
    t.wait_all(&[
        "“South Korea is being made to understand",
        "Andrei Lankov  academic",
    ]);
}

#[test]
fn y_copies_exactly_the_quote_and_its_attribution() {
    let t = Tmux::start(120, 40);
    t.open("");
    t.type_text("/");
    t.type_text("lankov");
    t.wait_all(&["3/3", "▸ expert   Andrei Lankov"]);
    t.press(&["Enter", "j"]);
    t.wait_text("“South Korea is being made");
    t.type_text("y");
    let expected = show("lankov-2", "plain");
    t.wait_text(&format!(
        "Copied 1 quote ({} characters): tmux buffer (passed on to the terminal's clipboard)",
        expected.chars().count()
    ));
    assert_eq!(t.buffer(), expected);
    // One buffer per copy: no second one from an OSC 52 that tmux keeps.
    assert_eq!(t.buffers(), 1);
    t.type_text("Y");
    t.wait_for("the Markdown copy", |_| {
        t.buffer().starts_with("> “South Korea")
    });
    assert_eq!(t.buffer(), show("lankov-2", "markdown"));
    assert_eq!(t.buffers(), 2);
}

#[test]
fn with_set_clipboard_off_the_status_names_only_the_tmux_buffer() {
    let t = Tmux::start(120, 40);
    t.tmux(&["set-option", "-g", "set-clipboard", "off"]);
    t.open("");
    t.press(&["l", "l"]);
    t.type_text("y");
    let s = t.wait_text("Copied 1 quote");
    assert!(s.contains("characters): tmux buffer"), "{s}");
    assert!(!s.contains("OSC 52") && !s.contains("passed on"), "{s}");
    assert_eq!(t.buffers(), 1);
}

#[test]
fn three_marked_quotes_are_copied_together_with_their_attributions() {
    let t = Tmux::start(120, 40);
    t.open("");
    // To the Quotes pane, mark the first three, copy.
    t.press(&["l", "l", "Tab", "Tab", "Space"]);
    t.wait_text("3 marked");
    t.type_text("y");
    t.wait_text("Copied 3 quotes");
    let copied = t.buffer();
    let ids = first_quote_ids(3);
    // What `reactions show ID ID ID` prints: each quote with its
    // attribution, then one source block for the article.
    let out = Command::new(BIN).arg("show").args(&ids).output().unwrap();
    let expected = String::from_utf8(out.stdout).unwrap();
    assert_eq!(copied, expected.trim_end());
    for id in &ids {
        let one = show(id, "plain");
        let quote_line = one.lines().next().unwrap();
        assert!(copied.contains(quote_line), "{quote_line} not in {copied}");
    }
    assert_eq!(t.buffers(), 1);
    // u clears the marks.
    t.type_text("u");
    t.wait_for("the marks cleared", |s| !s.contains("3 marked"));
}

/// The ids of the first `n` quotes of the bundled article, in its order.
fn first_quote_ids(n: usize) -> Vec<String> {
    let out = Command::new(BIN)
        .args(["quotes", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = v.as_array().cloned().unwrap_or_default();
    list.iter()
        .take(n)
        .map(|q| q["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn help_explains_the_keys_and_closes() {
    let t = Tmux::start(120, 40);
    t.open("");
    t.type_text("?");
    t.wait_for("the whole help", |s| {
        s.contains("Help · Esc to close")
            && s.contains("copy the quote (or all marked quotes)")
            && s.contains("search experts, categories and quotes")
            && s.contains("mark the quote and move on")
    });
    t.press(&["Escape"]);
    t.wait_for("the help to close", |s| !s.contains("Help · Esc to close"));
}

#[test]
fn q_quits_and_the_shell_is_usable() {
    let t = Tmux::start(100, 30);
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("before");
    let after = dir.path().join("after");
    t.run(&format!("stty -g > {}", before.display()));
    t.open("");
    t.type_text("q");
    t.wait_for("the explorer to close", |s| !s.contains("Categories"));
    t.run(&format!("stty -g > {}; echo ok-$((40+2))", after.display()));
    t.wait_text("ok-42");
    wait_file(&after);
    assert_eq!(
        std::fs::read_to_string(&before).unwrap(),
        std::fs::read_to_string(&after).unwrap(),
        "terminal modes restored"
    );
    // Ctrl-C quits too.
    t.open("");
    t.press(&["C-c"]);
    t.wait_for("the explorer to close", |s| !s.contains("Categories"));
}

/// `kill -TERM` and `kill -HUP` (closing the window, an SSH drop) end the
/// explorer as `q` does: the alternate screen is gone, the terminal's modes
/// are as before, and the exit status says which signal (128 + its number).
#[test]
fn a_signal_restores_the_terminal() {
    for (signal, number) in [("TERM", 15), ("HUP", 1)] {
        let t = Tmux::start(100, 30);
        let dir = tempfile::tempdir().unwrap();
        let before = dir.path().join("before");
        let after = dir.path().join("after");
        let pid = dir.path().join("pid");
        t.run(&format!("stty -g > {}", before.display()));
        wait_file(&before);
        t.run(&format!(
            "sh -c 'echo $$ > {}; exec {BIN}'; echo status-$?",
            pid.display()
        ));
        t.wait_for("the first frame", |s| {
            s.contains("Categories") && s.contains("q quit")
        });
        wait_file(&pid);
        let pid = std::fs::read_to_string(&pid).unwrap().trim().to_string();
        let killed = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(killed.success());
        t.wait_text(&format!("status-{}", 128 + number));
        assert!(!t.screen().contains("Categories"), "{}", t.screen());
        t.run(&format!("stty -g > {}", after.display()));
        wait_file(&after);
        assert_eq!(
            std::fs::read_to_string(&before).unwrap(),
            std::fs::read_to_string(&after).unwrap(),
            "terminal modes restored after SIG{signal}"
        );
    }
}

fn wait_file(path: &Path) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !path.exists() || std::fs::read_to_string(path).unwrap_or_default().is_empty() {
        assert!(
            Instant::now() < deadline,
            "{} never written",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_panic_restores_the_terminal() {
    let t = Tmux::start(100, 30);
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("before");
    let after = dir.path().join("after");
    t.run(&format!("stty -g > {}", before.display()));
    t.run(&format!(
        "REACTIONS_DEBUG_PANIC=1 {BIN} 2> {}/err; echo exit-$?",
        dir.path().display()
    ));
    t.wait_text("exit-101");
    t.run(&format!("stty -g > {}", after.display()));
    wait_file(&after);
    assert_eq!(
        std::fs::read_to_string(&before).unwrap(),
        std::fs::read_to_string(&after).unwrap()
    );
    let err = std::fs::read_to_string(dir.path().join("err")).unwrap();
    assert!(err.contains("REACTIONS_DEBUG_PANIC"), "{err}");
}

#[test]
fn escape_sequences_in_a_dataset_cannot_drive_the_terminal() {
    let mut v = common::bundled_json();
    v["speakers"][0]["name"] = "Evil\u{1b}]2;HACKED\u{7}\u{1b}[2J\u{1b}[?1049l Name".into();
    v["quotes"][0]["note"] = "\u{1b}]52;c;cHduZWQ=\u{7}".into();
    let (_dir, path) = common::write_temp("hostile.json", &v.to_string());
    let t = Tmux::start(120, 40);
    t.tmux(&["set-option", "-g", "set-titles", "on"]);
    t.open(&format!("--data {}", path.display()));
    t.wait_text("Evil␛]2;HACKED␇␛[2J␛[?1049l Name");
    let title = t.tmux(&["display-message", "-p", "#{pane_title}"]).stdout;
    assert!(!String::from_utf8_lossy(&title).contains("HACKED"));
    // Copying it copies the visible symbols, not the escapes.
    t.type_text("y");
    t.wait_text("Copied");
    let copied = t.buffer();
    assert!(!copied.contains('\u{1b}'));
    assert!(copied.contains("— Evil␛]2;HACKED␇"), "{copied}");
}

#[test]
fn resizing_takes_effect_at_once_at_any_size() {
    let t = Tmux::start(200, 50);
    t.open("");
    t.wait_text("In context");
    t.tmux(&["resize-window", "-t", "main", "-x", "80", "-y", "24"]);
    t.wait_for("the 80-column layout", |s| {
        s.lines()
            .nth(1)
            .is_some_and(|l| l.chars().count() <= 80 && l.contains("Quotes (79)"))
    });
    t.tmux(&["resize-window", "-t", "main", "-x", "20", "-y", "5"]);
    t.wait_text("Terminal too");
    t.tmux(&["resize-window", "-t", "main", "-x", "50", "-y", "40"]);
    t.wait_for("the stacked layout without context", |s| {
        s.contains("Detail") && s.contains("↑↓ move") && !s.contains("In context")
    });
    t.tmux(&["resize-window", "-t", "main", "-x", "1", "-y", "1"]);
    std::thread::sleep(Duration::from_millis(200));
    t.tmux(&["resize-window", "-t", "main", "-x", "120", "-y", "40"]);
    t.wait_text("Experts (39)");
    t.type_text("q");
    t.wait_for("the explorer to close", |s| !s.contains("Categories"));
}

#[test]
fn mouse_click_selects_and_the_wheel_scrolls() {
    let t = Tmux::start(120, 40);
    t.open("");
    // SGR mouse report: left press at column 6, row 5 (1-based) = the
    // "The arms deal" row of the Categories pane.
    t.type_text("\u{1b}[<0;6;5M\u{1b}[<0;6;5m");
    t.wait_all(&["Experts in this category", "Quotes (14)"]);
    // Wheel down over the Quotes pane moves its selection.
    t.type_text("\u{1b}[<65;60;5M");
    t.wait_text("▸ ROK conservative media  direct");
}

#[test]
fn an_article_given_as_text_opens_in_the_explorer() {
    let t = Tmux::start(120, 40);
    let article = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/articles/wire-port-strike.txt"
    );
    t.open(&format!("--data {article}"));
    t.wait_all(&[
        "Port strike talks collapse as unions vow to escalate",
        "Experts (7)",
        "Quotes (14)",
        "Henk Visser",
    ]);
    // Its quotes carry what the import found: the cue and a confidence.
    t.type_text("/");
    t.type_text("smits");
    t.wait_text("▸ expert   Karin Smits");
    t.press(&["Enter"]);
    t.wait_all(&["Quotes of Karin Smits (2)", "attribution confidence"]);
}

/// A Quotebank line by Andrei Lankov.
fn corpus_line(i: usize) -> String {
    format!(
        r#"{{"quoteID": "2020-01-16-{i:06}", "quotation": "Words number {i}.", "speaker": "Andrei Lankov", "qids": [], "date": "2020-01-16 12:00:00", "numOccurrences": 1, "probas": [["Andrei Lankov", "0.8"]], "urls": [], "phase": "E"}}"#
    )
}

/// A named pipe in a fresh folder.
fn fifo(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    assert!(
        Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap()
            .success()
    );
    (dir, path)
}

#[test]
fn a_corpus_loads_behind_a_gauge_that_q_cancels() {
    use std::io::Write as _;
    // A named pipe stands for a corpus that takes long to read: the
    // explorer shows its gauge, counts what has arrived, and quits on q
    // without waiting for the rest.
    let (_dir, path) = fifo("slow.jsonl");
    let t = Tmux::start(100, 30);
    t.run(&format!("{BIN} --data {}; echo exit-$?", path.display()));
    let mut pipe = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    for i in 0..20_000 {
        writeln!(pipe, "{}", corpus_line(i)).unwrap();
    }
    pipe.flush().unwrap();
    // A pipe has no size: the gauge counts quotes (a block at a time).
    t.wait_all(&["Loading", "quotes read", "q or Esc to cancel"]);
    t.type_text("q");
    t.wait_text("exit-0");
    drop(pipe);
    assert!(!t.screen().contains("Categories"));

    // Read to its end, a pipe opens like a file: it is read once, the
    // first bytes telling what it holds.
    let (_dir, path) = fifo("corpus");
    t.run(&format!("clear; {BIN} --data {}", path.display()));
    let mut pipe = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    for i in 0..3000 {
        writeln!(pipe, "{}", corpus_line(i)).unwrap();
    }
    drop(pipe);
    t.wait_all(&["Quotes (3,000)", "Andrei Lankov", "q quit"]);
}

#[test]
fn a_quotebank_corpus_opens_and_searches() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let lines: Vec<String> = (0..3000)
        .map(|i| {
            let speaker = if i % 3 == 0 { "Andrei Lankov" } else { "Victor Cha" };
            format!(
                r#"{{"quoteID": "2020-02-{d:02}-{i:06}", "quotation": "Statement {i} on the summit.", "speaker": "{speaker}", "qids": [], "date": "2020-02-{d:02} 12:00:00", "numOccurrences": 1, "probas": [["{speaker}", "0.9"]], "urls": ["https://example.org/{i}"], "phase": "E"}}"#,
                d = i % 28 + 1
            )
        })
        .collect();
    std::fs::write(&corpus, lines.join("\n") + "\nnot json\n").unwrap();
    let t = Tmux::start(120, 40);
    // The status line reports the skipped line where the key hints go.
    t.run(&format!("{BIN} --data {}", corpus.display()));
    t.wait_all(&[
        "Quotes (3,000)",
        "Experts (2)",
        "Skipped 1 malformed line(s); the first: corpus.jsonl:3001:2: invalid JSON",
    ]);
    t.type_text("/");
    t.type_text("victor");
    t.wait_text("▸ expert   Victor Cha");
    t.press(&["Enter"]);
    t.wait_all(&["Quotes of Victor Cha (2,000)", "https://example.org/1"]);
}

/// A raw corpus says how to index it; its index opens, searches with a
/// typo, and shows the quotes of the person found.
#[test]
fn an_index_on_disk_opens_and_searches() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let lines: Vec<String> = (0..12_000)
        .map(|i| {
            let speaker = if i % 4 == 0 { "Andrei Lankov" } else { "Victor Cha" };
            format!(
                r#"{{"quoteID": "2020-03-{d:02}-{i:06}", "quotation": "Statement {i} on the ammunition deal.", "speaker": "{speaker}", "qids": ["Q{q}"], "date": "2020-03-{d:02} 12:00:00", "numOccurrences": 1, "probas": [["{speaker}", "0.9"]], "urls": ["https://example.org/{i}"], "phase": "E"}}"#,
                d = i % 28 + 1,
                q = i % 4
            )
        })
        .collect();
    std::fs::write(&corpus, lines.join("\n") + "\n").unwrap();
    let t = Tmux::start(140, 40);
    t.run(&format!("{BIN} --data {}", corpus.display()));
    t.wait_all(&["Quotes (12,000)", "reactions index", "opens it at once"]);
    t.type_text("q");
    let idx = dir.path().join("idx");
    let built = std::process::Command::new(BIN)
        .arg("index")
        .arg(&corpus)
        .arg("--out")
        .arg(&idx)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    t.run(&format!("{BIN} --data {}", idx.display()));
    t.wait_text("Quotes (12,000)");
    assert!(!t.screen().contains("reactions index"), "{}", t.screen());
    t.type_text("/");
    t.type_text("lankof");
    // His 3000 quotes and himself (by a typo), found for this query.
    t.wait_all(&["> lankof", "/3001", "▸ expert   Andrei Lankov"]);
    t.press(&["Enter"]);
    t.wait_all(&["Quotes of Andrei Lankov (3,000)", "https://example.org/"]);
}

#[test]
fn the_search_query_is_edited_with_the_arrows() {
    let t = Tmux::start(120, 40);
    t.open("");
    t.type_text("/");
    t.wait_text("Search experts, categories, quotes");
    t.type_text("lnkov");
    t.press(&["Left", "Left", "Left", "Left"]);
    t.type_text("a");
    t.wait_all(&["> lankov", "3/3", "▸ expert   Andrei Lankov"]);
    t.press(&["Home"]);
    t.type_text("Andrei ");
    t.wait_text("> Andrei lankov");
}

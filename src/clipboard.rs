//! Copying text to the user's clipboard, locally and over SSH and tmux.
//!
//! Three ways, because no single one works everywhere:
//! - **OSC 52** (`ESC ] 52 ; c ; BASE64 ESC \`), written to the terminal: the
//!   terminal emulator sets its clipboard, even over SSH. Sent outside tmux.
//! - **tmux**, when `$TMUX` is set: `tmux load-buffer -w -` puts the text in
//!   one tmux paste buffer and (`-w`, tmux 3.2+) passes it on to the outer
//!   terminal's clipboard, unless tmux's `set-clipboard` is `off`. No OSC 52
//!   is sent inside tmux: with `set-clipboard on` tmux would make a second
//!   buffer of it, and with its default, `external`, tmux ignores it.
//! - **A clipboard tool** of the machine: `wl-copy` under Wayland, `xclip` or
//!   `xsel` under X11, `pbcopy` on macOS.
//!
//! The OSC 52 payload is capped at [`OSC52_MAX_BASE64`] bytes of base64, a
//! size every common terminal accepts; a longer text is cut there for OSC 52
//! only, and the report says so.

use std::io::Write;
use std::process::{Command, Stdio};

/// Largest base64 payload sent in one OSC 52 sequence (hterm's limit, the
/// smallest among common terminals; xterm, kitty and tmux take more).
pub const OSC52_MAX_BASE64: usize = 74_994;

/// What happened when text was copied, for the status line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CopyReport {
    /// Characters of the text.
    pub chars: usize,
    /// The ways the text went ("OSC 52", "tmux buffer", "xclip").
    pub methods: Vec<String>,
    /// When OSC 52 carried only the first n characters.
    pub osc52_cut_to: Option<usize>,
    /// Ways that were tried and failed, with why.
    pub failures: Vec<String>,
}

impl CopyReport {
    /// One line for the status bar.
    pub fn status(&self) -> String {
        self.status_of(None)
    }

    /// One line for the status bar, naming what was copied ("3 quotes")
    /// when given: "Copied 3 quotes (812 characters): tmux buffer".
    pub fn status_of(&self, what: Option<&str>) -> String {
        let mut s = match (self.methods.is_empty(), what) {
            (true, _) => format!("Copy failed: {}", self.failures.join("; ")),
            (false, None) => format!(
                "Copied {} characters: {}",
                self.chars,
                join_and(&self.methods)
            ),
            (false, Some(what)) => format!(
                "Copied {what} ({} characters): {}",
                self.chars,
                join_and(&self.methods)
            ),
        };
        if let Some(n) = self.osc52_cut_to {
            s.push_str(&format!(
                " (OSC 52 carried only the first {n}: terminal limit)"
            ));
        }
        if !self.methods.is_empty() && !self.failures.is_empty() {
            s.push_str(&format!("; {} failed", self.failures.join(", ")));
        }
        s
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Somewhere text can be copied to.
pub trait Clipboard {
    fn copy(&mut self, text: &str) -> CopyReport;
}

/// The longest prefix of `text` whose base64 fits in `max` bytes, and
/// whether it had to be cut.
pub fn cap_for_osc52(text: &str, max: usize) -> (&str, bool) {
    let encoded = |n: usize| n.div_ceil(3) * 4;
    if encoded(text.len()) <= max {
        return (text, false);
    }
    let mut end = (max / 4) * 3;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

/// The OSC 52 sequence that asks the terminal to put `text` on its clipboard.
pub fn osc52(text: &str) -> String {
    use crossterm::Command as _;
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = crossterm::clipboard::CopyToClipboard::to_clipboard_from(text).write_ansi(&mut out);
    out
}

/// Which clipboard tools the environment offers, in the order they are tried.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    pub tmux: bool,
    /// tmux's `set-clipboard` option (`on`, `external`, `off`), when known.
    pub tmux_set_clipboard: Option<String>,
    pub wayland: bool,
    pub x11: bool,
    pub macos: bool,
}

impl Environment {
    /// Read from the process environment.
    pub fn detect() -> Self {
        let set = |v: &str| std::env::var_os(v).is_some_and(|s| !s.is_empty());
        let tmux = set("TMUX");
        Environment {
            tmux,
            tmux_set_clipboard: if tmux { tmux_set_clipboard() } else { None },
            wayland: set("WAYLAND_DISPLAY"),
            x11: set("DISPLAY"),
            macos: cfg!(target_os = "macos"),
        }
    }

    /// Whether tmux passes a buffer loaded with `-w` on to the terminal.
    fn tmux_forwards(&self) -> bool {
        self.tmux_set_clipboard.as_deref() != Some("off")
    }

    /// The external commands to try: (name for the report, program, args).
    /// Only the first available system tool is used; tmux comes in addition.
    pub fn tools(&self) -> Vec<(&'static str, &'static str, &'static [&'static str])> {
        let mut tools: Vec<(&str, &str, &[&str])> = Vec::new();
        if self.tmux {
            tools.push(("tmux buffer", "tmux", &["load-buffer", "-w", "-"]));
        }
        if self.wayland {
            tools.push(("wl-copy", "wl-copy", &[]));
        }
        if self.x11 {
            tools.push(("xclip", "xclip", &["-selection", "clipboard"]));
            tools.push(("xsel", "xsel", &["--clipboard", "--input"]));
        }
        if self.macos {
            tools.push(("pbcopy", "pbcopy", &[]));
        }
        tools
    }
}

/// The real clipboard: OSC 52 to `terminal`, plus tmux and a system tool.
pub struct SystemClipboard<W: Write> {
    terminal: W,
    env: Environment,
}

impl<W: Write> SystemClipboard<W> {
    pub fn new(terminal: W, env: Environment) -> Self {
        SystemClipboard { terminal, env }
    }
}

impl<W: Write> Clipboard for SystemClipboard<W> {
    fn copy(&mut self, text: &str) -> CopyReport {
        let mut report = CopyReport {
            chars: text.chars().count(),
            ..CopyReport::default()
        };
        if !self.env.tmux {
            let (payload, cut) = cap_for_osc52(text, OSC52_MAX_BASE64);
            match self
                .terminal
                .write_all(osc52(payload).as_bytes())
                .and_then(|()| self.terminal.flush())
            {
                Ok(()) => {
                    report.methods.push("OSC 52".into());
                    if cut {
                        report.osc52_cut_to = Some(payload.chars().count());
                    }
                }
                Err(e) => report.failures.push(format!("OSC 52 ({e})")),
            }
        }
        let mut system_tool_done = false;
        for (name, program, args) in self.env.tools() {
            let is_tmux = program == "tmux";
            if !is_tmux && system_tool_done {
                continue;
            }
            match pipe_to(program, args, text) {
                Ok(()) if is_tmux && self.env.tmux_forwards() => {
                    report
                        .methods
                        .push("tmux buffer (passed on to the terminal's clipboard)".into());
                }
                Ok(()) => {
                    report.methods.push(name.into());
                    system_tool_done |= !is_tmux;
                }
                // tmux before 3.2 has no -w: still fill its buffer.
                Err(_) if is_tmux && pipe_to("tmux", &["load-buffer", "-"], text).is_ok() => {
                    report.methods.push(name.into());
                }
                // A missing tool is not worth reporting; a failing one is.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => report.failures.push(format!("{name} ({e})")),
            }
        }
        report
    }
}

/// tmux's global `set-clipboard` option, asked of the tmux the explorer runs
/// in.
fn tmux_set_clipboard() -> Option<String> {
    let out = Command::new("tmux")
        .args(["show-options", "-gv", "set-clipboard"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let value = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !value.is_empty()).then_some(value)
}

/// Runs `program args` with `text` on its standard input; its own output is
/// discarded so it can never disturb the screen.
fn pipe_to(program: &str, args: &[&str], text: &str) -> std::io::Result<()> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(text.as_bytes())?;
    }
    let status = child.wait()?;
    if status.success() {
        Ok(())
    } else {
        Err(std::io::Error::other(format!("exit status {status}")))
    }
}

/// A clipboard that remembers what it was given, for tests.
#[derive(Debug, Default, Clone)]
pub struct FakeClipboard {
    pub copied: Vec<String>,
}

impl Clipboard for FakeClipboard {
    fn copy(&mut self, text: &str) -> CopyReport {
        self.copied.push(text.to_string());
        CopyReport {
            chars: text.chars().count(),
            methods: vec!["test clipboard".into()],
            ..CopyReport::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_sequence() {
        assert_eq!(osc52("hi"), "\u{1b}]52;c;aGk=\u{1b}\\");
    }

    #[test]
    fn cap_cuts_on_a_character_boundary() {
        let text = "é".repeat(100); // 200 bytes
        let (cut, was_cut) = cap_for_osc52(&text, 40); // 30 bytes of text
        assert!(was_cut);
        assert_eq!(cut.len(), 30);
        let (whole, was_cut) = cap_for_osc52("short", 40);
        assert_eq!((whole, was_cut), ("short", false));
        let text = "a€".repeat(20); // 4 bytes a pair
        let (cut, _) = cap_for_osc52(&text, 16); // 12 bytes fit exactly 3 pairs
        assert_eq!(cut, "a€a€a€");
    }

    #[test]
    fn osc52_only_copy_reports_and_writes() {
        let mut out = Vec::new();
        let report = SystemClipboard::new(&mut out, Environment::default()).copy("“quoted”");
        assert_eq!(report.methods, ["OSC 52"]);
        assert_eq!(report.status(), "Copied 8 characters: OSC 52");
        assert_eq!(String::from_utf8(out).unwrap(), osc52("“quoted”"));
    }

    #[test]
    fn long_text_is_cut_for_osc52_and_said_so() {
        let text = "x".repeat(OSC52_MAX_BASE64);
        let mut out = Vec::new();
        let report = SystemClipboard::new(&mut out, Environment::default()).copy(&text);
        assert!(out.len() < OSC52_MAX_BASE64 + 20);
        let n = report.osc52_cut_to.unwrap();
        assert_eq!(n, OSC52_MAX_BASE64 / 4 * 3);
        assert!(report.status().contains(&format!("only the first {n}")));
    }

    #[test]
    fn tools_by_environment() {
        let env = Environment {
            tmux: true,
            x11: true,
            ..Environment::default()
        };
        let names: Vec<&str> = env.tools().iter().map(|t| t.0).collect();
        assert_eq!(names, ["tmux buffer", "xclip", "xsel"]);
        assert!(Environment::default().tools().is_empty());
    }

    #[test]
    fn status_lines() {
        let r = CopyReport {
            chars: 3,
            methods: vec!["OSC 52".into(), "tmux buffer".into(), "xclip".into()],
            ..CopyReport::default()
        };
        assert_eq!(
            r.status(),
            "Copied 3 characters: OSC 52, tmux buffer and xclip"
        );
        let r = CopyReport {
            chars: 3,
            failures: vec!["OSC 52 (broken pipe)".into()],
            ..CopyReport::default()
        };
        assert_eq!(r.status(), "Copy failed: OSC 52 (broken pipe)");
        assert_eq!(
            r.status_of(Some("3 quotes")),
            "Copy failed: OSC 52 (broken pipe)"
        );
    }
}

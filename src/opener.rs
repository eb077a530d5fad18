//! Opening a source's URL with the system's opener (`xdg-open`, `open`).
//!
//! The URL comes from the data, so it is untrusted: only `http` and `https`
//! URLs are opened, passed as one argument (no shell), and the opener's own
//! output is discarded so it cannot disturb the screen.

use std::process::{Command, Stdio};

/// The programs tried, in order, on this system.
pub fn openers() -> &'static [&'static str] {
    if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["explorer"]
    } else {
        &["xdg-open", "wslview"]
    }
}

/// Why a URL was not opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Not an http(s) URL.
    NotWeb,
    /// None of these programs is installed.
    NoOpener(&'static [&'static str]),
    /// The opener could not be started.
    Failed(String),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::NotWeb => write!(f, "only http and https URLs are opened"),
            OpenError::NoOpener(tried) => {
                write!(
                    f,
                    "no program to open URLs ({} not found)",
                    tried.join(", ")
                )
            }
            OpenError::Failed(why) => write!(f, "{why}"),
        }
    }
}

/// Whether `url` is one this module opens: `http://` or `https://`, with
/// no whitespace or control characters.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Starts the first available opener on `url` without waiting for it;
/// returns its name.
pub fn open(url: &str) -> Result<&'static str, OpenError> {
    if !is_web_url(url) {
        return Err(OpenError::NotWeb);
    }
    for &program in openers() {
        let child = Command::new(program)
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match child {
            Ok(mut child) => {
                // Reap it in the background so no zombie is left.
                std::thread::spawn(move || child.wait());
                return Ok(program);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(OpenError::Failed(format!("{program}: {e}"))),
        }
    }
    Err(OpenError::NoOpener(openers()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_are_opened() {
        assert!(is_web_url("https://journal-neo.su/2023/10/11/x/"));
        assert!(is_web_url("HTTP://example.org"));
        for bad in [
            "file:///etc/passwd",
            "-h",
            "javascript:alert(1)",
            "https://a b",
            "https://a\u{1b}]52",
            "",
        ] {
            assert!(!is_web_url(bad), "{bad}");
            assert_eq!(open(bad), Err(OpenError::NotWeb));
        }
    }
}

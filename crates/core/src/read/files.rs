//! Small helpers of reading: standard input, ids, JSON messages.

use std::fs;
use std::path::Path;

/// Whether `path` names standard input (`-`).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads a whole file, or standard input for `-`.
pub fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    if is_stdin(path) {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)?;
        Ok(bytes)
    } else {
        fs::read(path)
    }
}

/// serde_json's message without its " at line L column C" (the location
/// is shown in front), saying "invalid JSON" for a syntax error.
pub(crate) fn json_error_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_string(),
        None => full,
    };
    if e.is_syntax() || e.is_eof() {
        format!("invalid JSON: {message}")
    } else {
        message
    }
}

/// Ids are non-empty and free of `/` (the namespace separator) and spaces.
pub(crate) fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        Err("is empty".into())
    } else if id
        .chars()
        .any(|c| c == '/' || c.is_whitespace() || c.is_control())
    {
        Err(format!(
            "{id:?} may not contain '/', spaces or control characters"
        ))
    } else {
        Ok(())
    }
}

//! What every target asserts of text that reaches the terminal.

/// Sanitised text holds no control character (but line breaks where kept)
/// and no escape sequence.
pub fn assert_clean(text: &str, newlines: bool) {
    for c in text.chars() {
        let allowed = newlines && c == '\n';
        assert!(
            allowed || !(c.is_control()),
            "control character {c:?} in {text:?}"
        );
    }
}

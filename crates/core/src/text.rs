//! Text helpers shared by loading, search and display: making untrusted text
//! safe for a terminal, folding it for search, and formatting dates.

use std::borrow::Cow;

/// Replaces every control character, one for one, by a visible symbol, so that
/// text from a dataset can never drive a terminal (no escape sequences, no
/// bell, no bidirectional overrides) while character offsets stay valid.
///
/// With `keep_newlines`, `\n` is kept (bodies and quotes have paragraphs).
/// C0 controls become their Control Pictures symbol (`ESC` → `␛`), `DEL`
/// becomes `␡`, and C1 controls, bidirectional controls and other invisible
/// format characters become `�`.
pub fn sanitize(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if is_clean(s.as_bytes(), keep_newlines) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if needs_replacing(c, keep_newlines) {
                    visible(c)
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// Whether no character of `s` (UTF-8) needs replacing: a byte scan that
/// decodes only the few lead bytes that can start a control or invisible
/// format character; exactly `!s.chars().any(needs_replacing)`, much faster.
fn is_clean(b: &[u8], keep_newlines: bool) -> bool {
    // Printable ASCII only, the common case: a loop the compiler vectorises.
    if b.iter().all(|&c| (0x20..0x7F).contains(&c)) {
        return true;
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if (c < 0x20 && !(c == b'\n' && keep_newlines)) || c == 0x7F {
                return false;
            }
            i += 1;
            continue;
        }
        let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
        let bad = match c {
            // U+0080..U+009F: C1 controls.
            0xC2 => next(1) < 0xA0,
            // U+061C: Arabic letter mark.
            0xD8 => next(1) == 0x9C,
            // U+180E: Mongolian vowel separator.
            0xE1 => next(1) == 0xA0 && next(2) == 0x8E,
            // U+200B, U+200E, U+200F, U+2028..U+202E, U+2060..U+2064,
            // U+2066..U+206F.
            0xE2 => matches!(
                (next(1), next(2)),
                (0x80, 0x8B | 0x8E | 0x8F | 0xA8..=0xAE) | (0x81, 0xA0..=0xA4 | 0xA6..=0xAF)
            ),
            // U+FEFF: byte order mark; U+FFF9..U+FFFB: annotation marks.
            0xEF => {
                (next(1) == 0xBB && next(2) == 0xBF)
                    || (next(1) == 0xBF && matches!(next(2), 0xB9..=0xBB))
            }
            _ => false,
        };
        if bad {
            return false;
        }
        i += match c {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
    }
    true
}

fn needs_replacing(c: char, keep_newlines: bool) -> bool {
    if c == '\n' {
        return !keep_newlines;
    }
    c.is_control() || is_invisible_format(c)
}

/// Bidirectional overrides, isolates and marks, which can reorder what a
/// terminal shows, the line and paragraph separators, and the invisible
/// format characters that hide text or make it look like other text (zero
/// width space, word joiner, invisible operators, annotation marks). The
/// joiners that scripts and emoji need (U+200C, U+200D) are kept.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{061C}' | '\u{180E}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fn visible(c: char) -> char {
    match c as u32 {
        n @ 0x00..=0x1F => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// Folds text for matching, one character for one so that match positions
/// index the original text: typographic quotes and dashes become ASCII, and
/// accented Latin letters lose their accents (`é` → `e`). Case is kept, so
/// that smart case still works.
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(fold_char).collect())
}

/// The words of `text` as the index sees them: maximal runs of letters and
/// digits, each folded, with the character offset of its start. Lower-cased
/// unless `cased`.
pub fn words(text: &str, cased: bool) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    for (i, c) in text.chars().enumerate() {
        let f = fold_char(c);
        if f.is_alphanumeric() {
            if current.is_empty() {
                start = i;
            }
            if cased {
                current.push(f);
            } else {
                current.extend(f.to_lowercase());
            }
        } else if !current.is_empty() {
            out.push((start, std::mem::take(&mut current)));
        }
    }
    if !current.is_empty() {
        out.push((start, current));
    }
    out
}

/// The one-character fold of `c`, or `c` itself where there is none.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match deunicode::deunicode_char(c) {
        Some(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(f), None) if f.is_ascii_graphic() => f,
                _ => c,
            }
        }
        None => c,
    }
}

/// Parses `YYYY-MM-DD` (exactly: four digits, two, two) into a civil date,
/// checking the day exists: `2023-02-29` and `2020-13-45` are not dates.
pub fn civil_date(s: &str) -> Option<jiff::civil::Date> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    jiff::civil::Date::strptime("%Y-%m-%d", s).ok()
}

/// Parses `YYYY-MM-DD` into (year, month, day), checking the day exists.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    civil_date(s).map(|d| (i32::from(d.year()), d.month() as u32, d.day() as u32))
}

/// `2023-09-13` → `13 September 2023`; anything else is returned as it is.
pub fn human_date(s: &str) -> String {
    match civil_date(s) {
        Some(d) => d.strftime("%-d %B %Y").to_string(),
        None => s.to_string(),
    }
}

/// `2023-09-13` → `13 Sep`, for tight places such as a timeline axis.
pub fn short_date(s: &str) -> String {
    match civil_date(s) {
        Some(d) => d.strftime("%-d %b").to_string(),
        None => s.to_string(),
    }
}

/// Byte offset of the `n`-th character of `s` (or `s.len()` past the end).
pub fn byte_offset(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(b, _)| b)
}

/// Shortens `s` to at most `max` display columns (as a terminal shows it:
/// a CJK character takes two), ending with `…` when cut.
pub fn ellipsize(s: &str, max: usize) -> Cow<'_, str> {
    if max == 0 {
        return Cow::Borrowed("");
    }
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    // Room for the text before the one-column `…`.
    Cow::Owned(format!("{}…", take_columns(s, max - 1).trim_end()))
}

/// The longest start of `s` that fits in `columns` display columns.
pub fn take_columns(s: &str, columns: usize) -> &str {
    use unicode_width::UnicodeWidthChar;
    let mut used = 0;
    let mut cut = 0;
    for (i, c) in s.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > columns {
            break;
        }
        used += w;
        cut = i + c.len_utf8();
    }
    &s[..cut]
}

/// Display columns of `s` in a terminal (unicode-width, as ratatui counts).
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// 1234567 → "1,234,567".
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_makes_escapes_visible_and_keeps_length() {
        let hostile = "a\u{1b}]52;c;aGk=\u{7}b\u{9b}31m\u{202e}z";
        let clean = sanitize(hostile, false);
        assert!(!clean.chars().any(|c| c.is_control()));
        assert_eq!(clean.chars().count(), hostile.chars().count());
        assert!(clean.starts_with("a␛]52;c;aGk=␇b"));
        assert!(!clean.contains('\u{202e}'));
    }

    #[test]
    fn byte_scan_agrees_with_the_character_test() {
        let mut samples: Vec<String> = vec!["plain".into(), "a\nb".into(), "“curly” – ok".into()];
        for c in (0u32..0x3000).chain([0xFEFF, 0xFEFE, 0xFFF8, 0xFFF9, 0xFFFB, 0xFFFC, 0x1F600]) {
            if let Some(c) = char::from_u32(c) {
                samples.push(format!("x{c}y"));
            }
        }
        for s in &samples {
            for keep in [true, false] {
                let slow = !s.chars().any(|c| needs_replacing(c, keep));
                assert_eq!(is_clean(s.as_bytes(), keep), slow, "{s:?} {keep}");
            }
        }
    }

    #[test]
    fn invisible_format_characters_are_made_visible() {
        for c in [
            '\u{200B}', '\u{2060}', '\u{2063}', '\u{180E}', '\u{FFF9}', '\u{206F}',
        ] {
            let s = format!("a{c}b");
            assert_eq!(sanitize(&s, false), "a\u{FFFD}b", "{:X}", c as u32);
        }
        // Joiners that scripts and emoji sequences need stay.
        assert_eq!(
            sanitize("a\u{200D}b\u{200C}c", false),
            "a\u{200D}b\u{200C}c"
        );
    }

    #[test]
    fn sanitize_newlines_only_where_allowed() {
        assert_eq!(sanitize("a\nb", true), "a\nb");
        assert_eq!(sanitize("a\nb", false), "a␊b");
        assert!(matches!(sanitize("plain “text”", false), Cow::Borrowed(_)));
    }

    #[test]
    fn fold_is_one_for_one() {
        let s = "King’s “Pardo” – Matviychuk é Ü 金";
        let f = fold(s);
        assert_eq!(f.chars().count(), s.chars().count());
        assert_eq!(f, "King's \"Pardo\" - Matviychuk e U 金");
    }

    #[test]
    fn dates() {
        assert_eq!(human_date("2023-09-13"), "13 September 2023");
        assert_eq!(short_date("2023-10-11"), "11 Oct");
        assert!(parse_date("2023-02-29").is_none());
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("2023-13-01").is_none());
        assert!(parse_date("13.09.2023").is_none());
        assert!(parse_date("2020-13-45").is_none());
        assert!(parse_date("2023-9-13").is_none());
        assert!(parse_date("+02023-09").is_none());
        assert!(parse_date("1900-02-29").is_none());
        assert!(parse_date("2000-02-29").is_some());
        assert_eq!(parse_date("2023-10-11"), Some((2023, 10, 11)));
        assert_eq!(human_date("2024-02-01"), "1 February 2024");
        assert_eq!(human_date("someday"), "someday");
        assert_eq!(short_date("2024-12-25"), "25 Dec");
    }

    #[test]
    fn ellipsize_counts_columns() {
        assert_eq!(ellipsize("abcdef", 10), "abcdef");
        assert_eq!(ellipsize("abcdef", 4), "abc…");
        assert_eq!(ellipsize("“ééé”", 3), "“é…");
        // Two columns a character: 文在 (4) + … (1) fit 5; 6 also (no half).
        assert_eq!(ellipsize("文在寅大統領", 5), "文在…");
        assert_eq!(ellipsize("文在寅大統領", 6), "文在…");
        assert_eq!(width(&ellipsize("文在寅大統領", 7)), 7);
        assert_eq!(ellipsize("文在寅", 6), "文在寅");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }
}

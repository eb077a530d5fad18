//! The help overlay: every key (from the key map), and how copying works.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::pane_block;
use super::theme::Theme;
use crate::text::width;
use crate::tui::action::Mode;
use crate::tui::keymap;

/// Below this many columns for the descriptions, each key goes on its own
/// line with its description under it, rather than in two columns.
const MIN_TEXT_COLUMN: usize = 24;

/// `text` wrapped to `columns` (display columns), each line after the
/// first indented by `indent`; at least one word a line.
fn wrap(text: &str, columns: usize, first: &str, rest: &str) -> Vec<String> {
    let options = textwrap::Options::new(columns.max(1))
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// The help text for a popup `total_width` columns wide, as lines. When
/// there is room, keys are a column and descriptions wrap under their own
/// column; when there is not, a key's description goes under the key.
pub fn lines(theme: &Theme, total_width: usize) -> Vec<Line<'static>> {
    let sections = [
        ("Keys", Mode::Normal),
        ("In the search (/)", Mode::Search),
        ("In the help and the statistics", Mode::Overlay),
    ];
    let key_width = sections
        .iter()
        .flat_map(|(_, mode)| keymap::help_rows(*mode))
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0);
    let columns = total_width.saturating_sub(key_width + 4) >= MIN_TEXT_COLUMN;
    let mut lines = Vec::new();
    for (title, mode) in sections {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        for part in wrap(title, total_width, "", "") {
            lines.push(Line::styled(part, theme.bold()));
        }
        for (key, what) in keymap::help_rows(mode) {
            if columns {
                let indent = " ".repeat(key_width + 4);
                for (i, part) in wrap(what, total_width, &indent, &indent)
                    .into_iter()
                    .enumerate()
                {
                    let key = if i == 0 { key } else { "" };
                    let pad = key_width - width(key).min(key_width);
                    lines.push(Line::from(vec![
                        Span::styled(format!("  {key}{}  ", " ".repeat(pad)), theme.bold()),
                        Span::raw(part.get(key_width + 4..).unwrap_or("").to_string()),
                    ]));
                }
            } else {
                for part in wrap(key, total_width, " ", "   ") {
                    lines.push(Line::styled(part, theme.bold()));
                }
                for part in wrap(what, total_width, "   ", "   ") {
                    lines.push(Line::raw(part));
                }
            }
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Copying", theme.bold()));
    let total_width = total_width.max(3);
    for text in [
        "y copies the selected quote, or every marked quote (Tab marks), with its attribution in the citation style that c chooses: plain, Markdown, APA or Chicago. Inside tmux it goes to tmux's paste buffer, which passes it on to the terminal's clipboard when tmux's set-clipboard allows; elsewhere to the terminal's clipboard (OSC 52, which works over SSH) and to wl-copy, xclip, xsel or pbcopy when present. The status line says which way it went.",
        "Panes: Categories (with quote counts) and Experts on the left, Quotes and the Detail of the selected quote on the right. Enter goes deeper, Esc goes back.",
    ] {
        lines.extend(
            wrap(text, total_width, "  ", "  ")
                .into_iter()
                .map(Line::raw),
        );
    }
    lines
}

pub fn draw(frame: &mut Frame, area: Rect, scroll: usize, theme: &Theme) {
    frame.render_widget(Clear, area);
    let block = pane_block(" Help · Esc to close ", true, theme);
    let width = area.width.saturating_sub(2) as usize;
    let p = Paragraph::new(lines(theme, width))
        .wrap(Wrap { trim: false })
        .block(block)
        .scroll((scroll.min(u16::MAX as usize) as u16, 0));
    frame.render_widget(p, area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(width: usize) -> Vec<String> {
        lines(&Theme { color: false }, width)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn every_line_fits_and_no_word_is_split_in_the_narrow_layout() {
        for w in [28, 40, 60, 100] {
            for line in text(w) {
                assert!(width(&line) <= w, "{w}: {line:?}");
            }
        }
        let narrow = text(28).join("\n");
        assert!(narrow.contains("move the selection;"), "{narrow}");
        // No description ends in a fragment of a word (the stray "s" of old).
        assert!(
            !narrow
                .lines()
                .any(|l| l.starts_with("   ") && l.trim().len() == 1),
            "{narrow}"
        );
    }
}

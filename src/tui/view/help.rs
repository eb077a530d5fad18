//! The help overlay: every key, and how copying works.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::pane_block;
use super::theme::Theme;
use crate::tui::action::{KEY_HELP, SEARCH_HELP};

/// Greedy word wrap of `text` to `width` columns (at least one word a line).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push(line);
    out
}

/// The help text for a popup `width` columns wide, as lines; descriptions
/// wrap with a hanging indent under their own column.
pub fn lines(theme: &Theme, total_width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("Keys", theme.bold())];
    let width = KEY_HELP
        .iter()
        .chain(SEARCH_HELP)
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let key_width = width;
    let text_width = total_width.saturating_sub(key_width + 4).max(12);
    let row = |(k, what): &(&str, &str)| -> Vec<Line<'static>> {
        wrap(what, text_width)
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                let key = if i == 0 { *k } else { "" };
                Line::from(vec![
                    Span::styled(format!("  {key:<key_width$}  "), theme.bold()),
                    Span::raw(part),
                ])
            })
            .collect()
    };
    lines.extend(KEY_HELP.iter().flat_map(row));
    lines.push(Line::raw(""));
    lines.push(Line::styled("In the search (/)", theme.bold()));
    lines.extend(SEARCH_HELP.iter().flat_map(row));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Copying", theme.bold()));
    for text in [
        "y and Y send the quote with its attribution to the terminal's clipboard (OSC 52, which works over SSH), to tmux's paste buffer when inside tmux, and to wl-copy, xclip, xsel or pbcopy when present. The status line says which way it went.",
        "Panes: Categories (with quote counts) and Experts on the left, Quotes and the Detail of the selected quote on the right. Enter goes deeper, Esc goes back.",
    ] {
        lines.extend(
            wrap(text, total_width.saturating_sub(2))
                .into_iter()
                .map(|l| Line::raw(format!("  {l}"))),
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

//! Drawing: a frame from `&AppState` and `&Index`, never changing either.
//! One file per pane or popup.

pub mod detail;
pub mod help;
pub mod lists;
pub mod loading;
pub mod search;
pub mod stats;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::index::Index;
use crate::text::human_date;
use crate::tui::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::tui::state::{AppState, Overlay, Pane};
use theme::Theme;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, state: &AppState, index: &Index) {
    let area = frame.area();
    let theme = Theme { color: state.color };
    let a = layout::areas(area, index.categories().len() + 1);
    if a.too_small {
        let msg = format!("Terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}");
        frame.render_widget(
            Paragraph::new(msg)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    header(frame, a.header, index, &theme);
    lists::categories(frame, a.categories, state, index, &theme);
    lists::experts(frame, a.experts, state, index, &theme);
    lists::quotes(frame, a.quotes, state, index, &theme);
    detail::draw(frame, a.detail, state, index, &theme, a.show_context);
    footer(frame, a.footer, state, &theme);
    match &state.overlay {
        Overlay::None => {}
        Overlay::Search(s) => search::draw(frame, a.popup, s, index, &theme),
        Overlay::Help(scroll) => help::draw(frame, a.popup, *scroll, &theme),
        Overlay::Stats(scroll) => {
            stats::draw(frame, a.popup, *scroll, state.stats.as_deref(), &theme)
        }
    }
}

/// How far the open help or statistics can scroll before its last line
/// would leave the bottom of its box, at the state's size.
pub fn overlay_max_scroll(state: &AppState, index: &Index) -> usize {
    let a = crate::tui::layout::areas(
        Rect::new(0, 0, state.width, state.height),
        index.categories().len() + 1,
    );
    let inner_height = a.popup.height.saturating_sub(2) as usize;
    let width = a.popup.width.saturating_sub(2);
    match &state.overlay {
        Overlay::Help(_) => {
            let theme = Theme { color: state.color };
            let lines = ratatui::widgets::Paragraph::new(help::lines(&theme, width as usize))
                .wrap(ratatui::widgets::Wrap { trim: false })
                .line_count(width);
            lines.saturating_sub(inner_height)
        }
        // The statistics scroll their timeline, a line a day.
        Overlay::Stats(_) => state.stats.as_ref().map_or(0, |s| s.timeline.len()),
        _ => 0,
    }
}

/// A bordered block titled `title`, highlighted when focused.
pub fn pane_block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    let title: Line = title.into();
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(title.style(theme.title(focused)))
}

fn header(frame: &mut Frame, area: Rect, index: &Index, theme: &Theme) {
    let text = match index.articles() {
        [one] => {
            let m = &one.meta;
            // A corpus names its source as both author and outlet.
            let mut by = vec![m.author.as_str()];
            if m.outlet != m.author {
                by.push(m.outlet.as_str());
            }
            format!(" {} — {}, {}", m.title, by.join(", "), human_date(&m.date))
        }
        many => format!(
            " {} articles: {}",
            many.len(),
            many.iter()
                .map(|a| a.meta.title.as_str())
                .collect::<Vec<_>>()
                .join(" · ")
        ),
    };
    let line = Line::from(vec![
        Span::styled(
            " reactions ",
            theme
                .header()
                .add_modifier(ratatui::style::Modifier::REVERSED),
        ),
        Span::styled(text, theme.header()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn footer(frame: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    if let Some(status) = &state.status {
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" {status}"), theme.status())),
            area,
        );
        return;
    }
    let hints: &[(&str, &str)] = match &state.overlay {
        Overlay::Search(_) => &[
            ("↑↓", "select"),
            ("Enter", "jump"),
            ("Ctrl-w", "delete word"),
            ("Esc", "close"),
        ],
        Overlay::Help(_) | Overlay::Stats(_) => {
            &[("↑↓", "scroll"), ("Esc", "close"), ("q", "close")]
        }
        Overlay::None => match state.focus {
            Pane::Categories => &[
                ("↑↓", "move"),
                ("Enter", "experts"),
                ("Tab", "next pane"),
                ("/", "search"),
                ("y", "copy"),
                ("s", "stats"),
                ("?", "help"),
                ("q", "quit"),
            ],
            Pane::Experts => &[
                ("↑↓", "move"),
                ("Enter", "quotes"),
                ("Esc", "back"),
                ("/", "search"),
                ("y", "copy"),
                ("n/N", "same speaker"),
                ("?", "help"),
                ("q", "quit"),
            ],
            Pane::Quotes => &[
                ("↑↓", "move"),
                ("Enter", "detail"),
                ("y", "copy"),
                ("Y", "copy Markdown"),
                ("n/N", "same speaker"),
                ("/", "search"),
                ("?", "help"),
                ("q", "quit"),
            ],
            Pane::Detail => &[
                ("↑↓", "scroll"),
                ("Esc", "back"),
                ("y", "copy"),
                ("Y", "copy Markdown"),
                ("n/N", "same speaker"),
                ("?", "help"),
                ("q", "quit"),
            ],
        },
    };
    // Whole hints only: the last ones (help, quit) are kept first, then as
    // many of the others, in order, as the width allows.
    let cost = |(key, what): &(&str, &str)| key.chars().count() + what.chars().count() + 4;
    let keep_last = 2.min(hints.len());
    // A hint costs " · key what"; the first has a leading space instead.
    let mut room = area.width as usize + 2;
    let mut shown = vec![false; hints.len()];
    for i in (hints.len() - keep_last..hints.len()).chain(0..hints.len() - keep_last) {
        if cost(&hints[i]) <= room {
            room -= cost(&hints[i]);
            shown[i] = true;
        }
    }
    let hints: Vec<_> = hints
        .iter()
        .zip(shown)
        .filter_map(|(h, shown)| shown.then_some(h))
        .collect();
    let mut spans = vec![Span::raw(" ")];
    for (i, (key, what)) in hints.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(*key, theme.bold()));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(*what, Style::new()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Spans of `text` with the characters at `positions` (ascending character
/// indices) in `hl` and the rest in `base`.
pub fn highlighted<'a>(text: &str, positions: &[usize], base: Style, hl: Style) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut current = String::new();
    let mut current_hl = false;
    let mut next = positions.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        while next.peek().is_some_and(|&&p| p < i) {
            next.next();
        }
        let is_hl = next.peek().is_some_and(|&&p| p == i);
        if is_hl != current_hl && !current.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut current),
                if current_hl { hl } else { base },
            ));
        }
        current_hl = is_hl;
        current.push(if c == '\n' { ' ' } else { c });
    }
    if !current.is_empty() {
        spans.push(Span::styled(current, if current_hl { hl } else { base }));
    }
    spans
}

/// `s` on one line: line breaks become spaces.
pub fn flat(s: &str) -> String {
    s.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlighted_splits_runs() {
        let base = Style::new();
        let hl = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let spans = highlighted("Lankov é", &[0, 1, 7], base, hl);
        let parts: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == hl))
            .collect();
        assert_eq!(parts, [("La", true), ("nkov ", false), ("é", true)]);
    }
}

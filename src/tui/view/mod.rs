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
use crate::tui::state::{AppState, Overlay};
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
        Overlay::Search(s) => search::draw(frame, a.popup, s, &state.marks, index, &theme),
        Overlay::Help(scroll) => help::draw(frame, a.popup, *scroll, &theme),
        Overlay::Stats(scroll) => {
            stats::draw(frame, a.popup, *scroll, state.stats.as_deref(), &theme)
        }
    }
}

/// Sets what `update` needs to know of the drawing at the state's size:
/// how far the detail and the open help or statistics can scroll. The
/// event loop calls it before each action.
pub fn measure(state: &mut AppState, index: &Index) {
    let a = layout::areas(
        Rect::new(0, 0, state.width, state.height),
        index.categories().len() + 1,
    );
    // The detail scrolls only with no popup over it.
    if state.overlay_is_none() {
        state.detail_max_scroll = detail::max_scroll(state, index, a);
    }
    state.overlay_max_scroll = overlay_max_scroll(state, a);
}

/// How far the open help or statistics can scroll before its last line
/// would leave the bottom of its box.
fn overlay_max_scroll(state: &AppState, a: layout::Areas) -> usize {
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
            let date = human_date(&m.date);
            if !date.is_empty() {
                by.push(date.as_str());
            }
            format!(" {} — {}", m.title, by.join(", "))
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
    let spans = vec![
        Span::styled(
            " reactions ",
            theme
                .header()
                .add_modifier(ratatui::style::Modifier::REVERSED),
        ),
        Span::styled(text, theme.header()),
    ];
    let line = Line::from(fit_spans(spans, area.width as usize));
    frame.render_widget(Paragraph::new(line), area);
}

fn footer(frame: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    // The marks are counted at the right whatever else the line says.
    let marks = (!state.marks.is_empty()).then(|| {
        format!(
            " {} marked ",
            crate::text::group_thousands(state.marks.len())
        )
    });
    let marks_width = marks.as_deref().map_or(0, crate::text::width);
    let width = (area.width as usize).saturating_sub(marks_width);
    let mut spans = match &state.status {
        Some(status) => fit_spans(
            vec![Span::styled(format!(" {status}"), theme.status())],
            width,
        ),
        None => hint_spans(state, theme, width),
    };
    if let Some(marks) = marks {
        let used: usize = spans.iter().map(Span::width).sum();
        spans.push(Span::raw(" ".repeat(width.saturating_sub(used))));
        spans.push(Span::styled(marks, theme.selected(true)));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The key hints that fit in `width` columns, from the key map.
fn hint_spans(state: &AppState, theme: &Theme, width: usize) -> Vec<Span<'static>> {
    let hints = crate::tui::keymap::hints(crate::tui::mode(state), state.focus);
    // Whole hints only: the last ones (help, quit) are kept first, then as
    // many of the others, in order, as the width allows.
    let cost = |(key, what): &(&str, &str)| crate::text::width(key) + crate::text::width(what) + 4;
    let keep_last = 2.min(hints.len());
    // A hint costs " · key what"; the first has a leading space instead.
    let mut room = width + 2;
    let mut shown = vec![false; hints.len()];
    for i in (hints.len() - keep_last..hints.len()).chain(0..hints.len() - keep_last) {
        if cost(&hints[i]) <= room {
            room -= cost(&hints[i]);
            shown[i] = true;
        }
    }
    let mut spans = vec![Span::raw(" ")];
    let shown = hints
        .iter()
        .zip(shown)
        .filter_map(|(h, shown)| shown.then_some(h));
    for (i, (key, what)) in shown.enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(*key, theme.bold()));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(*what, Style::new()));
    }
    spans
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

/// The two columns that start a list row: `▸` on the selected row, `•` on
/// a marked quote.
pub fn row_markers(selected: bool, marked: bool, theme: &Theme) -> [Span<'static>; 2] {
    [
        Span::raw(if selected { "▸" } else { " " }),
        if marked {
            Span::styled("•", theme.matched())
        } else {
            Span::raw(" ")
        },
    ]
}

/// `spans` cut to `room` display columns, styles kept, ending with `…` when
/// anything was cut.
pub fn fit_spans(spans: Vec<Span<'static>>, room: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(Span::width).sum();
    if total <= room {
        return spans;
    }
    let mut out = Vec::new();
    // Room for what is kept before the one-column `…`.
    let mut left = room.saturating_sub(1);
    let mut last_style = Style::new();
    for span in spans {
        let w = span.width();
        last_style = span.style;
        if w <= left {
            left -= w;
            out.push(span);
            continue;
        }
        let kept = crate::text::take_columns(&span.content, left)
            .trim_end()
            .to_string();
        if !kept.is_empty() {
            out.push(Span::styled(kept, span.style));
        }
        break;
    }
    if room > 0 {
        out.push(Span::styled("…", last_style));
    }
    out
}

/// `s` on one line: line breaks become spaces.
pub fn flat(s: &str) -> String {
    s.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_spans_cuts_by_columns_and_keeps_styles() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let spans = vec![Span::styled("文在寅", bold), Span::raw(": hello")];
        let cut = fit_spans(spans.clone(), 9);
        let text: String = cut.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "文在寅:…");
        assert_eq!(cut[0].style, bold);
        assert!(cut.iter().map(Span::width).sum::<usize>() <= 9);
        // Half a wide character never shows.
        let text: String = fit_spans(spans.clone(), 4)
            .iter()
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(text, "文…");
        assert_eq!(fit_spans(spans.clone(), 13).len(), 2);
    }

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

//! The Categories, Experts and Quotes panes. Each draws only its visible rows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{fit_spans, flat, pane_block, row_markers};
use crate::ids::CategoryId;
use crate::index::Index;
use crate::model::QuoteKind;
use crate::text::{ellipsize, short_date, width as width_of};
use crate::tui::layout;
use crate::tui::state::{AppState, Cursor, Pane};

/// A row: the label on the left, a right-aligned note (a count).
struct Row {
    label: Vec<Span<'static>>,
    right: String,
    /// Marked for copying (a quote).
    marked: bool,
}

/// What a list pane shows besides its rows.
struct ListPane {
    title: String,
    focused: bool,
    cursor: Cursor,
    len: usize,
}

/// Draws rows `cursor.offset..` of a list that fit in `area`: each row is one
/// line from `row` (given the row and the width), plus one from `more`.
fn draw_list(
    frame: &mut Frame,
    area: Rect,
    pane: ListPane,
    theme: &Theme,
    row: impl Fn(usize, usize) -> Row,
    more: Option<&dyn Fn(usize, usize) -> Line<'static>>,
) {
    let ListPane {
        title,
        focused,
        cursor,
        len,
    } = pane;
    let block = pane_block(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let lines_per_row = if more.is_some() { 2 } else { 1 };
    let visible = layout::capacity(area, lines_per_row);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    for i in cursor.offset..(cursor.offset + visible).min(len) {
        let selected = i == cursor.selected;
        let style = if selected {
            theme.selected(focused)
        } else {
            Style::new()
        };
        let Row {
            label,
            right,
            marked,
        } = row(i, width);
        let mut spans = row_markers(selected, marked, theme).to_vec();
        let label_width: usize = label.iter().map(Span::width).sum();
        let right_width = width_of(&right);
        let room = width.saturating_sub(2 + right_width + 1);
        if label_width > room {
            spans.extend(fit_spans(label, room));
        } else {
            spans.extend(label);
        }
        let used: usize = spans.iter().map(Span::width).sum();
        if !right.is_empty() && used + right_width < width {
            spans.push(Span::raw(" ".repeat(width - used - right_width)));
            spans.push(Span::styled(right, theme.dim()));
        }
        let used: usize = spans.iter().map(Span::width).sum();
        if selected && used < width {
            spans.push(Span::raw(" ".repeat(width - used)));
        }
        lines.push(Line::from(spans).style(style));
        if let Some(more) = more {
            lines.push(more(i, width).style(style));
        }
    }
    if len == 0 {
        lines.push(Line::styled("  (none)", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn categories(frame: &mut Frame, area: Rect, state: &AppState, index: &Index, theme: &Theme) {
    let several = index.articles().len() > 1;
    draw_list(
        frame,
        area,
        ListPane {
            title: " Categories ".into(),
            focused: state.focus == Pane::Categories && state.overlay_is_none(),
            cursor: state.categories,
            len: index.categories().len() + 1,
        },
        theme,
        |row, _| match row.checked_sub(1).map(CategoryId::new) {
            None => Row {
                label: vec![Span::styled("All", theme.bold())],
                right: n(index.quote_total()),
                marked: false,
            },
            Some(c) => {
                let entry = index.category(c);
                let mut label = vec![Span::raw(entry.data.title.clone())];
                if several {
                    label.push(Span::styled(
                        format!(" · {}", index.article(entry.article).meta.id),
                        theme.dim(),
                    ));
                }
                Row {
                    label,
                    right: n(index.quotes_by_category(c).len()),
                    marked: false,
                }
            }
        },
        None,
    );
}

pub fn experts(frame: &mut Frame, area: Rect, state: &AppState, index: &Index, theme: &Theme) {
    let title = match state.category() {
        None => format!(" Experts ({}) ", n(state.expert_rows.len())),
        Some(_) => format!(
            " Experts in this category ({}) ",
            n(state.expert_rows.len())
        ),
    };
    let total: usize = state.count_all(index);
    // Counts are right-aligned in a column as wide as the largest one.
    let digits = n(total).len();
    draw_list(
        frame,
        area,
        ListPane {
            title,
            focused: state.focus == Pane::Experts && state.overlay_is_none(),
            cursor: state.experts,
            len: state.expert_rows.len() + 1,
        },
        theme,
        |row, width| match row.checked_sub(1).and_then(|i| state.expert_rows.get(i)) {
            None => Row {
                label: vec![Span::styled("All experts", theme.bold())],
                right: n(total),
                marked: false,
            },
            Some(&s) => {
                let d = &index.speaker(s).data;
                let count = state.count_in_category(index, s);
                let count = n(count);
                let right = if width >= 34 {
                    format!("{} {count:>digits$}", d.kind.label())
                } else {
                    count
                };
                Row {
                    label: vec![Span::raw(d.name.clone())],
                    right,
                    marked: false,
                }
            }
        },
        None,
    );
}

pub fn quotes(frame: &mut Frame, area: Rect, state: &AppState, index: &Index, theme: &Theme) {
    let title = match state.expert() {
        Some(s) => format!(
            " Quotes of {} ({}) ",
            index.speaker(s).data.name,
            n(state.quote_rows.len())
        ),
        None => format!(" Quotes ({}) ", n(state.quote_rows.len())),
    };
    let two_lines = layout::quote_lines(area) == 2;
    let first = |row: usize, _width: usize| {
        let marked = state.marks.contains(&state.quote_rows[row]);
        let q = index.quote(state.quote_rows[row]);
        let name = index.speaker(q.speaker).data.name.clone();
        if two_lines {
            let mut about = format!("  {}", q.kind.label());
            if let Some(d) = &q.date {
                about.push_str(&format!(" · {}", short_date(d)));
            }
            Row {
                label: vec![
                    Span::styled(name, theme.bold()),
                    Span::styled(about, theme.dim()),
                ],
                right: String::new(),
                marked,
            }
        } else {
            Row {
                label: vec![
                    Span::styled(format!("{name}: "), theme.bold()),
                    Span::raw(flat(&quote_words(&q.text, q.kind))),
                ],
                right: String::new(),
                marked,
            }
        }
    };
    let second = |row: usize, width: usize| {
        let q = index.quote(state.quote_rows[row]);
        let text = flat(&quote_words(&q.text, q.kind));
        Line::from(format!("  {}", ellipsize(&text, width.saturating_sub(2))))
    };
    draw_list(
        frame,
        area,
        ListPane {
            title,
            focused: state.focus == Pane::Quotes && state.overlay_is_none(),
            cursor: state.quotes,
            len: state.quote_rows.len(),
        },
        theme,
        first,
        if two_lines { Some(&second) } else { None },
    );
}

/// A quote as a list shows it: direct quotes in quotation marks.
fn quote_words(text: &str, kind: QuoteKind) -> String {
    match kind {
        QuoteKind::Direct => format!("“{text}”"),
        QuoteKind::Paraphrase => text.to_string(),
    }
}

/// A count with thousands separated: "1,000,000".
fn n(count: usize) -> String {
    crate::text::group_thousands(count)
}

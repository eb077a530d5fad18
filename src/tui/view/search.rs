//! The fuzzy search popup: a query line, a count, and ranked results with
//! the matched characters highlighted.

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::theme::Theme;
use super::{fit_spans, highlighted, pane_block, row_markers};
use crate::ids::QuoteId;
use crate::index::Index;
use crate::search::{Field, Hit, HitKind, Target};
use crate::tui::layout;
use crate::tui::state::Search;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    search: &Search,
    marks: &BTreeSet<QuoteId>,
    index: &Index,
    theme: &Theme,
) {
    frame.render_widget(Clear, area);
    let block = pane_block(" Search experts, categories, quotes ", true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    // The query line, with the cursor at the caret; a query wider than the
    // line scrolls so that the caret stays in view.
    let width = |s: &str| Line::raw(s).width();
    let room = (inner.width as usize).saturating_sub(3);
    let caret = search.caret.min(search.query.len());
    let mut from = 0;
    while width(&search.query[from..caret]) > room {
        from += search.query[from..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
    }
    let prompt = Line::from(vec![
        Span::styled("> ", theme.matched()),
        Span::raw(search.query[from..].to_string()),
    ]);
    let query_area = Rect { height: 1, ..inner };
    frame.render_widget(Paragraph::new(prompt), query_area);
    let cursor_x = inner.x as usize + 2 + width(&search.query[from..caret]);
    if cursor_x < (inner.x + inner.width) as usize {
        frame.set_cursor_position(Position::new(cursor_x as u16, inner.y));
    }
    if inner.height < 2 {
        return;
    }
    let count = if let (Some(e), false) = (&search.error, search.pending()) {
        e.clone()
    } else if search.pending() {
        format!("{}/{} · searching…", search.hits.len(), search.total)
    } else if search.query.trim().is_empty() {
        format!(
            "{}/{} · type a name, a category or words of a quote",
            search.hits.len(),
            search.total
        )
    } else {
        format!("{}/{}", search.hits.len(), search.total)
    };
    let style = if search.error.is_some() && !search.pending() {
        theme.error()
    } else {
        theme.dim()
    };
    frame.render_widget(
        Paragraph::new(Line::styled(format!("  {count}"), style)),
        Rect {
            y: inner.y + 1,
            height: 1,
            ..inner
        },
    );
    let rows = layout::search_results(area);
    let width = rows.width as usize;
    let mut lines = Vec::new();
    let visible = rows.height as usize;
    for (i, hit) in search
        .hits
        .iter()
        .enumerate()
        .skip(search.cursor.offset)
        .take(visible)
    {
        let selected = i == search.cursor.selected;
        let marked = hit.quote().is_some_and(|q| marks.contains(&q));
        let mut spans = row_markers(selected, marked, theme).to_vec();
        spans.push(Span::styled(
            match hit.kind() {
                HitKind::Speaker => "expert   ",
                HitKind::Category => "category ",
                HitKind::Quote => "quote    ",
            },
            theme.hit_kind(hit.kind()),
        ));
        spans.extend(hit_spans(hit, index, theme, width.saturating_sub(11)));
        let mut line = Line::from(fit_spans(spans, width));
        if selected {
            let used = line.width();
            if used < width {
                line.spans.push(Span::raw(" ".repeat(width - used)));
            }
            line = line.style(theme.selected(true));
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), rows);
}

/// The text of a hit with its matches highlighted, fitted to `width`.
fn hit_spans(hit: &Hit, index: &Index, theme: &Theme, width: usize) -> Vec<Span<'static>> {
    let hl = theme.matched();
    let base = Style::new();
    let positions = |f: Field| hit.positions(f).unwrap_or(&[]);
    match hit.target {
        Target::Speaker(s) => {
            let d = &index.speaker(s).data;
            let mut spans = highlighted(&d.name, positions(Field::Name), theme.bold(), hl);
            // Show the other field that matched, or what the speaker is.
            let other = hit.matches.iter().find_map(|m| {
                let text = match m.field {
                    Field::Alias(n) => d.aliases.get(n),
                    Field::Affiliation => d.affiliation.as_ref(),
                    Field::AffiliationAlias(n) => d.affiliation_aliases.get(n),
                    Field::Role => d.role.as_ref(),
                    _ => None,
                }?;
                Some((text.clone(), m.positions.clone()))
            });
            match other {
                Some((text, pos)) => {
                    spans.push(Span::styled(" · ", theme.dim()));
                    spans.extend(highlighted(&text, &pos, theme.dim(), hl));
                }
                None if !d.about().is_empty() => {
                    spans.push(Span::styled(" · ", theme.dim()));
                    spans.push(Span::styled(d.about(), theme.dim()));
                }
                None => {}
            }
            spans
        }
        Target::Category(c) => {
            let c = &index.category(c).data;
            highlighted(&c.title, positions(Field::Title), base, hl)
        }
        Target::Quote(q) => {
            let q = index.quote(q);
            let name = &index.speaker(q.speaker).data.name;
            let mut spans = highlighted(name, positions(Field::SpeakerName), theme.bold(), hl);
            spans.push(Span::styled(": ", theme.bold()));
            // A window of the text that starts a little before the first match.
            let room = width.saturating_sub(crate::text::width(name) + 2).max(10);
            let pos = positions(Field::Text);
            let first = pos.first().copied().unwrap_or(0);
            let start = if first + 8 > room {
                first.saturating_sub(12)
            } else {
                0
            };
            let rest = &q.text[crate::text::byte_offset(&q.text, start)..];
            let window = crate::text::take_columns(rest, room);
            let shifted: Vec<usize> = pos
                .iter()
                .filter(|&&p| p >= start)
                .map(|&p| p - start)
                .collect();
            if start > 0 {
                spans.push(Span::styled("…", theme.dim()));
            }
            spans.extend(highlighted(window, &shifted, base, hl));
            if window.len() < rest.len() {
                spans.push(Span::styled("…", theme.dim()));
            }
            spans
        }
    }
}

//! The Detail pane: the full quote, who said it, and the paragraph around it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};

use super::pane_block;
use super::theme::Theme;
use crate::index::Index;
use crate::model::QuoteKind;
use crate::text::human_date;
use crate::tui::layout::Areas;
use crate::tui::state::{AppState, Pane};

/// The detail of the selected quote, as lines to wrap.
pub fn text(state: &AppState, index: &Index, theme: &Theme, context: bool) -> Text<'static> {
    let Some(q) = state.quote() else {
        return Text::from(Line::styled("No quote selected.", theme.dim()));
    };
    let quote = index.quote(q);
    let s = &index.speaker(quote.speaker).data;
    let mut lines: Vec<Line> = Vec::new();
    lines.push(Line::from(vec![
        Span::styled(s.name.clone(), theme.bold()),
        Span::styled(format!("  {}", s.kind.label()), theme.dim()),
    ]));
    let mut about: Vec<String> = Vec::new();
    if !s.about().is_empty() {
        about.push(s.about());
    }
    if !s.affiliation_aliases.is_empty() {
        about.push(format!(
            "usually written {}",
            s.affiliation_aliases.join(", ")
        ));
    }
    if let Some(c) = &s.country {
        about.push(c.clone());
    }
    if !about.is_empty() {
        lines.push(Line::raw(about.join(" · ")));
    }
    if !s.aliases.is_empty() {
        lines.push(Line::styled(
            format!("also spelt {}", s.aliases.join(", ")),
            theme.dim(),
        ));
    }
    let mut facts = vec![
        index.category(quote.category).data.title.clone(),
        match quote.kind {
            QuoteKind::Direct => "direct quote".to_string(),
            QuoteKind::Paraphrase => "paraphrase".to_string(),
        },
    ];
    if let Some(d) = &quote.date {
        facts.push(human_date(d));
    }
    if state.marks.contains(&q) {
        facts.push("• marked".to_string());
    }
    lines.push(Line::styled(facts.join(" · "), theme.dim()));
    let mut extracted = Vec::new();
    if let Some(cue) = &quote.cue {
        extracted.push(format!("cue “{cue}”"));
    }
    if let Some(c) = quote.confidence {
        extracted.push(format!("attribution confidence {:.0}%", c * 100.0));
    }
    if let Some(url) = &quote.url {
        extracted.push(url.clone());
    }
    if !extracted.is_empty() {
        lines.push(Line::styled(extracted.join(" · "), theme.dim()));
    }
    lines.push(Line::raw(""));
    let words = match quote.kind {
        QuoteKind::Direct => format!("“{}”", quote.text),
        QuoteKind::Paraphrase => quote.text.clone(),
    };
    let style = match quote.kind {
        QuoteKind::Direct => theme.bold(),
        QuoteKind::Paraphrase => theme.bold().add_modifier(Modifier::ITALIC),
    };
    for line in words.split('\n') {
        lines.push(Line::styled(line.to_string(), style));
    }
    if let Some(note) = &quote.note {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("Note: {note}"),
            theme.dim().add_modifier(Modifier::ITALIC),
        ));
    }
    let ctx = index.context(q);
    if context && !ctx.text.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "In context",
            theme.dim().add_modifier(Modifier::BOLD),
        ));
        // The paragraph, line by line, with the quote's bytes highlighted.
        // A long lead-in is cut at a sentence start so the quote shows.
        let mut start = lead_in_start(&ctx.text, ctx.quote.start);
        let mut cut = start > 0;
        for raw in ctx.text[start..].split('\n') {
            let end = start + raw.len();
            let (a, b) = (
                ctx.quote.start.clamp(start, end),
                ctx.quote.end.clamp(start, end),
            );
            let mut spans = Vec::new();
            if std::mem::take(&mut cut) {
                spans.push(Span::styled("… ", theme.dim()));
            }
            if a > start {
                spans.push(Span::raw(ctx.text[start..a].to_string()));
            }
            if b > a {
                spans.push(Span::styled(
                    ctx.text[a..b].to_string(),
                    theme.quote_in_context(),
                ));
            }
            if end > b {
                spans.push(Span::raw(ctx.text[b..end].to_string()));
            }
            lines.push(Line::from(spans));
            start = end + 1;
        }
    }
    Text::from(lines)
}

/// Where to start showing a paragraph so that about `LEAD_IN` bytes come
/// before the quote at `quote_start`: a sentence start, or 0.
fn lead_in_start(text: &str, quote_start: usize) -> usize {
    const LEAD_IN: usize = 240;
    if quote_start <= LEAD_IN {
        return 0;
    }
    let limit = quote_start - LEAD_IN;
    text[..quote_start]
        .match_indices(". ")
        .map(|(i, _)| i + 2)
        .find(|&i| i >= limit)
        .filter(|&i| i < quote_start)
        .unwrap_or(0)
}

fn paragraph(state: &AppState, index: &Index, theme: &Theme, context: bool) -> Paragraph<'static> {
    Paragraph::new(text(state, index, theme, context)).wrap(Wrap { trim: false })
}

/// How far the detail can scroll in `areas`.
pub fn max_scroll(state: &AppState, index: &Index, areas: Areas) -> usize {
    let inner_width = areas.detail.width.saturating_sub(4);
    let inner_height = areas.detail.height.saturating_sub(2) as usize;
    let theme = Theme { color: false };
    let lines = paragraph(state, index, &theme, areas.show_context).line_count(inner_width);
    lines.saturating_sub(inner_height)
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    state: &AppState,
    index: &Index,
    theme: &Theme,
    context: bool,
) {
    let focused = state.focus == Pane::Detail && state.overlay_is_none();
    let block =
        pane_block(" Detail ", focused, theme).padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let p = paragraph(state, index, theme, context);
    let max = p
        .line_count(inner.width)
        .saturating_sub(inner.height as usize);
    let scroll = state.detail_scroll.min(max).min(u16::MAX as usize) as u16;
    frame.render_widget(p.scroll((scroll, 0)), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_in_starts_at_a_sentence() {
        let text = format!(
            "{}. Second sentence here. {}QUOTE",
            "a".repeat(300),
            "b".repeat(100)
        );
        let q = text.find("QUOTE").unwrap();
        let start = lead_in_start(&text, q);
        assert!(text[start..].starts_with("Second sentence"));
        assert_eq!(lead_in_start("Short. QUOTE", 7), 0);
    }
}

//! The statistics view: the shape of the debate at a glance. Quotes per
//! category and per kind of speaker as bar charts, and the dated statements
//! on a timeline.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Clear, Paragraph};

use super::pane_block;
use super::theme::Theme;
use crate::stats::Stats;
use crate::text::{ellipsize, parse_date, short_date};

/// Days since 1 January of year 0, for spacing dates on an axis.
fn day_number(date: &str) -> Option<i64> {
    let (y, m, d) = parse_date(date)?;
    // Days from civil (Howard Hinnant's algorithm).
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe)
}

pub fn draw(frame: &mut Frame, area: Rect, scroll: usize, stats: Option<&Stats>, theme: &Theme) {
    frame.render_widget(Clear, area);
    let block = pane_block(" Statistics · Esc to close ", true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    let Some(stats) = stats else {
        return;
    };
    let cats = &stats.per_category;
    let kinds = &stats.per_kind;
    let cat_h = cats.len() as u16 + 1;
    let kind_h = kinds.len() as u16 + 1;
    // Wide: charts on the left, timeline on the right. Narrow: one column,
    // where scrolling down skips whole sections.
    let wide = inner.width >= 90;
    let skip = if wide { 0 } else { scroll.min(2) };
    let (charts, time_area) = if wide {
        let [l, r] = Layout::horizontal([Constraint::Percentage(55), Constraint::Min(0)])
            .spacing(2)
            .areas(inner);
        (l, r)
    } else {
        (inner, inner)
    };
    let heights = [
        if skip == 0 { cat_h + 1 } else { 0 },
        if skip <= 1 { kind_h + 1 } else { 0 },
    ];
    let [cat_area, kind_area, rest] = Layout::vertical([
        Constraint::Length(heights[0]),
        Constraint::Length(heights[1]),
        Constraint::Min(0),
    ])
    .areas(charts);
    let time_area = if wide { time_area } else { rest };

    let label_width = (charts.width as usize / 3).clamp(8, 40);
    let mut chart = |title: &str, area: Rect, bars: Vec<Bar<'static>>| {
        let [t, c] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        frame.render_widget(
            Paragraph::new(Line::styled(title.to_string(), theme.bold())),
            t,
        );
        frame.render_widget(
            BarChart::horizontal(bars)
                .bar_width(1)
                .bar_gap(0)
                .bar_style(theme.bar())
                .value_style(theme.bold()),
            c,
        );
    };
    {
        // Counts right-aligned in a column as wide as the widest.
        let w = cats
            .iter()
            .map(|(_, n)| n.to_string().len())
            .max()
            .unwrap_or(1);
        let cat_bars = cats
            .iter()
            .map(|(title, n)| {
                Bar::with_label(format!("{} ", ellipsize(title, label_width)), *n)
                    .text_value(format!("{n:>w$} "))
            })
            .collect();
        chart("Quotes per category", cat_area, cat_bars);
        let kw = kinds
            .iter()
            .map(|(_, _, q)| q.to_string().len())
            .max()
            .unwrap_or(1);
        let kind_bars = kinds
            .iter()
            .map(|(k, speakers, quotes)| {
                Bar::with_label(format!("{} ({speakers}) ", k.label()), *quotes)
                    .text_value(format!("{quotes:>kw$} "))
            })
            .collect();
        chart(
            "Quotes per kind of speaker (speakers)",
            kind_area,
            kind_bars,
        );
    }
    let list_scroll = if wide {
        scroll
    } else {
        scroll.saturating_sub(2)
    };
    draw_timeline(frame, time_area, list_scroll, stats, theme);
}

fn draw_timeline(frame: &mut Frame, area: Rect, scroll: usize, stats: &Stats, theme: &Theme) {
    if area.height < 2 {
        return;
    }
    let days = &stats.timeline;
    // Days carry their year when the timeline spans several.
    let years = |d: &String| d.get(..4).map(str::to_owned);
    let several_years = days.keys().next().map(years) != days.keys().last().map(years);
    let label = |d: &str| {
        if several_years {
            format!("{} {}", short_date(d), d.get(..4).unwrap_or(""))
        } else {
            short_date(d)
        }
    };
    let mut lines = vec![Line::styled("Dated statements", theme.bold())];
    let dated: Vec<(i64, &String)> = days
        .keys()
        .filter_map(|d| day_number(d).map(|n| (n, d)))
        .collect();
    if let (Some(first), Some(last)) = (dated.first(), dated.last()) {
        // An axis with a dot per day, and the day under each dot where room.
        let width = area.width.saturating_sub(2).max(2) as usize;
        let span = (last.0 - first.0).max(1) as usize;
        let x = |n: i64| (n - first.0) as usize * (width - 1) / span;
        let mut axis: Vec<char> = vec!['─'; width];
        let mut labels: Vec<char> = vec![' '; width];
        let mut free_from = 0;
        for (n, d) in &dated {
            let at = x(*n);
            axis[at] = '●';
            let label: Vec<char> = label(d).chars().collect();
            let start = at.min(width.saturating_sub(label.len()));
            if start >= free_from {
                for (i, c) in label.iter().enumerate() {
                    if let Some(slot) = labels.get_mut(start + i) {
                        *slot = *c;
                    }
                }
                free_from = start + label.len() + 1;
            }
        }
        lines.push(Line::styled(
            format!(" {}", axis.iter().collect::<String>()),
            theme.bar(),
        ));
        lines.push(Line::raw(format!(" {}", labels.iter().collect::<String>())));
    } else {
        lines.push(Line::styled("  (no dated statements)", theme.dim()));
    }
    let list: Vec<Line> = days
        .iter()
        .map(|(d, day)| {
            let mut names = day.names.join(", ");
            if day.speakers > day.names.len() {
                names.push_str(&format!(" and {} more", day.speakers - day.names.len()));
            }
            Line::from(vec![
                Span::styled(
                    format!("  {:<w$}", label(d), w = if several_years { 12 } else { 7 }),
                    theme.bold(),
                ),
                Span::raw(names),
            ])
        })
        .skip(scroll)
        .collect();
    lines.extend(list);
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_are_consecutive() {
        let a = day_number("2023-09-30").unwrap();
        assert_eq!(day_number("2023-10-01").unwrap(), a + 1);
        assert_eq!(
            day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(),
            2
        );
    }
}

//! The screen shown while a large corpus loads: a gauge with what has been
//! read so far.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Paragraph};

use super::pane_block;
use super::theme::Theme;
use crate::read::{Progress, Stage};

/// Draws the loading screen for `what` (the files named on the command line).
pub fn draw(frame: &mut Frame, what: &str, progress: Option<Progress>, theme: &Theme) {
    let area = frame.area();
    let width = area.width.min(72);
    let height = area.height.min(7);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let block = pane_block(" Loading ", true, theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [name, gauge, note] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
    ])
    .spacing(1)
    .areas(inner);
    frame.render_widget(
        // A file name is untrusted text too.
        Paragraph::new(Line::styled(
            crate::text::sanitize(what, false).into_owned(),
            theme.bold(),
        )),
        name,
    );
    let (ratio, label) = match progress {
        None => (0.0, "starting…".to_string()),
        Some(p) => {
            let quotes = group_thousands(p.quotes);
            let label = match p.stage {
                // A pipe has no size to measure against: the count only.
                Stage::Reading if p.bytes_total == 0 => format!("{quotes} quotes read"),
                Stage::Reading => format!("{:.0}% · {quotes} quotes", p.fraction() * 100.0),
                Stage::Indexing => format!("{quotes} quotes · indexing…"),
                Stage::Done => format!("{quotes} quotes"),
            };
            (p.fraction(), label)
        }
    };
    frame.render_widget(
        Gauge::default()
            .gauge_style(theme.bar())
            .ratio(ratio.clamp(0.0, 1.0))
            .label(label),
        gauge,
    );
    frame.render_widget(
        Paragraph::new(Line::styled("q or Esc to cancel", theme.dim())),
        note,
    );
}

pub use crate::text::group_thousands;

#[cfg(test)]
mod tests {
    #[test]
    fn thousands() {
        assert_eq!(super::group_thousands(0), "0");
        assert_eq!(super::group_thousands(1234567), "1,234,567");
        assert_eq!(super::group_thousands(999), "999");
    }
}

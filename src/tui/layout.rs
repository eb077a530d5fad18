//! Where each pane goes for a given terminal size. Both drawing and mouse
//! handling use this one function, so a click lands where the eye sees.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

/// Below this the explorer shows "terminal too small".
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// From this width on, the two-column layout; below it, panes are stacked.
pub const STACK_BELOW: u16 = 60;
/// Below this width the detail pane leaves out the article context.
pub const CONTEXT_FROM: u16 = 60;

/// The rectangles of one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub header: Rect,
    pub categories: Rect,
    pub experts: Rect,
    pub quotes: Rect,
    pub detail: Rect,
    pub footer: Rect,
    /// The search popup and help/stats overlays.
    pub popup: Rect,
    pub too_small: bool,
    /// Whether the detail pane shows the paragraph around the quote.
    pub show_context: bool,
}

/// Lays out a frame of `area`, with `categories` rows in the Categories pane
/// (including "All"), so that pane is no taller than it needs.
pub fn areas(area: Rect, categories: usize) -> Areas {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let wanted_categories = (categories as u16).saturating_add(2);
    let (cats, experts, quotes, detail) = if area.width >= STACK_BELOW {
        let left_width = (area.width * 35 / 100).clamp(26, 48);
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Min(1)]).areas(body);
        let cat_height = wanted_categories.min(left.height * 45 / 100).max(3);
        let [cats, experts] =
            Layout::vertical([Constraint::Length(cat_height), Constraint::Min(1)]).areas(left);
        let [quotes, detail] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(right);
        (cats, experts, quotes, detail)
    } else {
        let cat_height = wanted_categories.min(body.height / 4).max(3);
        let [cats, experts, quotes, detail] = Layout::default()
            .direction(Direction::Vertical)
            .constraints([
                Constraint::Length(cat_height),
                Constraint::Percentage(22),
                Constraint::Percentage(30),
                Constraint::Min(3),
            ])
            .areas(body);
        (cats, experts, quotes, detail)
    };
    Areas {
        header,
        categories: cats,
        experts,
        quotes,
        detail,
        footer,
        popup: popup(body),
        too_small: false,
        show_context: area.width >= CONTEXT_FROM,
    }
}

/// A centred rectangle over `body` for popups: most of the screen, not all.
fn popup(body: Rect) -> Rect {
    let width = if body.width < 70 {
        body.width
    } else {
        (body.width * 85 / 100).min(120)
    };
    let height = if body.height < 16 {
        body.height
    } else {
        (body.height * 85 / 100).max(12)
    };
    Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + (body.height - height) / 2,
        width,
        height,
    }
}

/// Whether (x, y) lies in `r`.
pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.x.saturating_add(r.width) && y >= r.y && y < r.y.saturating_add(r.height)
}

/// Lines per row of the Quotes pane: two (speaker line, text line) when the
/// pane is tall enough, else one.
pub fn quote_lines(pane: Rect) -> usize {
    if pane.height >= 10 { 2 } else { 1 }
}

/// Rows a bordered list pane shows, given the lines each row takes.
pub fn capacity(pane: Rect, lines_per_row: usize) -> usize {
    (pane.height.saturating_sub(2) as usize / lines_per_row.max(1)).max(1)
}

/// The rows of search results inside the popup (below the query line and
/// the count line).
pub fn search_results(popup: Rect) -> Rect {
    Rect {
        x: popup.x.saturating_add(1),
        y: popup.y.saturating_add(3),
        width: popup.width.saturating_sub(2),
        height: popup.height.saturating_sub(4),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_has_two_columns_narrow_stacks() {
        let a = areas(Rect::new(0, 0, 120, 40), 8);
        assert!(a.categories.x == 0 && a.quotes.x > 0);
        assert_eq!(a.categories.height, 10);
        assert!(a.show_context);
        let n = areas(Rect::new(0, 0, 50, 40), 8);
        assert_eq!(n.categories.x, n.quotes.x);
        assert!(n.quotes.y > n.experts.y && n.detail.y > n.quotes.y);
        assert!(!n.show_context);
        assert!(areas(Rect::new(0, 0, 29, 40), 8).too_small);
        assert!(areas(Rect::new(0, 0, 1, 1), 8).too_small);
    }
}

//! The explorer's state: what is focused and selected, the open popup, the
//! status line. It holds no terminal and no widgets.

use std::collections::BTreeSet;

use crate::ids::{CategoryId, QuoteId, SpeakerId};
use crate::index::Index;
use crate::search::Hit;

/// The four panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Categories,
    Experts,
    Quotes,
    Detail,
}

impl Pane {
    pub const ORDER: [Pane; 4] = [Pane::Categories, Pane::Experts, Pane::Quotes, Pane::Detail];

    pub fn next(self) -> Pane {
        Pane::ORDER[(self as usize + 1) % 4]
    }
    pub fn prev(self) -> Pane {
        Pane::ORDER[(self as usize + 3) % 4]
    }
}

/// A selection in a list and the first visible row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    /// Moves by `delta` rows within `len`, clamping at both ends.
    pub fn step(&mut self, delta: isize, len: usize) {
        let max = len.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(max);
    }

    /// Selects `row`, clamped to `len`.
    pub fn select(&mut self, row: usize, len: usize) {
        self.selected = row.min(len.saturating_sub(1));
    }

    /// Scrolls as little as possible so the selection is among `visible` rows.
    pub fn reveal(&mut self, visible: usize) {
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
    }
}

/// The fuzzy search popup.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// Best hits for `query`, once they arrived.
    pub hits: Vec<Hit>,
    /// How many records matched in all.
    pub total: usize,
    /// Why the query cannot be parsed, if it cannot.
    pub error: Option<String>,
    /// The query the shown hits belong to.
    pub shown_query: String,
    /// Whether an answer is on its way although the shown query is the
    /// current one (the full list asked for when the box opens).
    pub awaiting: bool,
    pub cursor: Cursor,
    /// Where typing goes in `query`: a byte offset on a character boundary.
    pub caret: usize,
}

/// A move of the caret in the search query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaretMove {
    Left,
    Right,
    WordLeft,
    WordRight,
    Start,
    End,
}

impl Search {
    /// Inserts `text` at the caret.
    pub fn insert(&mut self, text: &str) {
        let at = self.caret.min(self.query.len());
        self.query.insert_str(at, text);
        self.caret = at + text.len();
    }

    /// Deletes the character before the caret.
    pub fn backspace(&mut self) {
        if let Some(c) = self.query[..self.caret].chars().next_back() {
            self.caret -= c.len_utf8();
            self.query.remove(self.caret);
        }
    }

    /// Deletes the character under the caret.
    pub fn delete(&mut self) {
        if self.caret < self.query.len() {
            self.query.remove(self.caret);
        }
    }

    /// Deletes the word before the caret, and the spaces after it.
    pub fn delete_word(&mut self) {
        let start = self.word_left();
        self.query.replace_range(start..self.caret, "");
        self.caret = start;
    }

    /// Deletes everything before the caret.
    pub fn clear_before(&mut self) {
        self.query.replace_range(..self.caret, "");
        self.caret = 0;
    }

    pub fn move_caret(&mut self, m: CaretMove) {
        let q = &self.query;
        self.caret = match m {
            CaretMove::Left => q[..self.caret]
                .chars()
                .next_back()
                .map_or(0, |c| self.caret - c.len_utf8()),
            CaretMove::Right => q[self.caret..]
                .chars()
                .next()
                .map_or(q.len(), |c| self.caret + c.len_utf8()),
            CaretMove::WordLeft => self.word_left(),
            CaretMove::WordRight => {
                let rest = &q[self.caret..];
                let word = rest.len() - rest.trim_start_matches(' ').len();
                let end = rest[word..].find(' ').map_or(rest.len(), |p| word + p);
                self.caret + end
            }
            CaretMove::Start => 0,
            CaretMove::End => q.len(),
        };
    }

    /// The start of the word before the caret (spaces before the caret
    /// skipped first).
    fn word_left(&self) -> usize {
        let before = self.query[..self.caret].trim_end_matches(' ');
        before.rfind(' ').map_or(0, |p| p + 1)
    }

    /// Whether the shown hits are those of the current query.
    pub fn current(&self) -> bool {
        self.query.trim() == self.shown_query.trim()
    }

    /// Whether better or newer results are still to come.
    pub fn pending(&self) -> bool {
        !self.current() || self.awaiting
    }
}

/// What covers the panes, if anything.
#[derive(Debug, Clone, Default)]
pub enum Overlay {
    #[default]
    None,
    Search(Search),
    /// The help, scrolled by this many lines.
    Help(usize),
    /// The statistics, scrolled by this many lines.
    Stats(usize),
}

/// Everything the view needs besides the index.
#[derive(Debug, Clone)]
pub struct AppState {
    pub focus: Pane,
    /// Row 0 is "All"; row i + 1 is category i of the index.
    pub categories: Cursor,
    /// Row 0 is "All experts"; row i + 1 is `expert_rows[i]`.
    pub experts: Cursor,
    pub quotes: Cursor,
    pub detail_scroll: usize,
    /// Speakers listed in the Experts pane (derived from the category;
    /// kept so that drawing and key handling do not recompute it).
    pub expert_rows: Vec<SpeakerId>,
    /// Quotes listed in the Quotes pane (derived from category and expert).
    pub quote_rows: Vec<QuoteId>,
    pub overlay: Overlay,
    pub status: Option<String>,
    /// The terminal size, for page sizes and mouse hit-testing.
    pub width: u16,
    pub height: u16,
    pub quit: bool,
    /// Whether colours may be used (false under NO_COLOR).
    pub color: bool,
    /// The statistics of the index, computed when first shown.
    pub stats: Option<std::sync::Arc<crate::stats::Stats>>,
    /// How far the open help or statistics can scroll at the current size
    /// (set by the event loop from the view's measure before each action,
    /// so that `update` needs no drawing code).
    pub overlay_max_scroll: usize,
    /// How far the detail of the selected quote can scroll (set like
    /// `overlay_max_scroll`).
    pub detail_max_scroll: usize,
    /// Marked quotes, in corpus order.
    pub marks: BTreeSet<QuoteId>,
    /// What the copy on its way holds ("3 quotes"), for the status line.
    pub copying: Option<String>,
    /// The citation style `y` copies in.
    pub style: crate::format::CitationStyle,
}

impl AppState {
    /// The initial state: everything listed, the first quote selected.
    pub fn new(index: &Index, width: u16, height: u16) -> Self {
        let mut state = AppState {
            focus: Pane::Categories,
            categories: Cursor::default(),
            experts: Cursor::default(),
            quotes: Cursor::default(),
            detail_scroll: 0,
            expert_rows: Vec::new(),
            quote_rows: Vec::new(),
            overlay: Overlay::None,
            status: None,
            width,
            height,
            quit: false,
            color: true,
            stats: None,
            overlay_max_scroll: 0,
            detail_max_scroll: 0,
            marks: BTreeSet::new(),
            copying: None,
            style: crate::format::CitationStyle::Plain,
        };
        state.refresh_experts(index);
        state
    }

    /// The selected category, `None` for "All".
    pub fn category(&self) -> Option<CategoryId> {
        self.categories.selected.checked_sub(1).map(CategoryId::new)
    }

    /// The selected speaker, `None` for "All experts".
    pub fn expert(&self) -> Option<SpeakerId> {
        self.experts
            .selected
            .checked_sub(1)
            .and_then(|i| self.expert_rows.get(i).copied())
    }

    /// The selected quote, if the list has any.
    pub fn quote(&self) -> Option<QuoteId> {
        self.quote_rows.get(self.quotes.selected).copied()
    }

    /// Recomputes the experts of the selected category and, from them, the
    /// quotes; selections go back to the top.
    pub fn refresh_experts(&mut self, index: &Index) {
        self.expert_rows = match self.category() {
            Some(c) => index.speakers_by_category(c).to_vec(),
            None => index.speakers_in_order().to_vec(),
        };
        self.experts = Cursor::default();
        self.refresh_quotes(index);
    }

    /// Recomputes the quotes of the selected category and expert.
    pub fn refresh_quotes(&mut self, index: &Index) {
        self.quote_rows = match (self.category(), self.expert()) {
            (None, None) => index.quote_ids().collect(),
            (Some(c), None) => index.quotes_by_category(c).to_vec(),
            (None, Some(s)) => index.quotes_by_speaker(s).to_vec(),
            (Some(c), Some(s)) => index
                .quotes_by_speaker(s)
                .iter()
                .copied()
                .filter(|&q| index.quote(q).category == c)
                .collect(),
        };
        self.quotes = Cursor::default();
        self.detail_scroll = 0;
    }

    /// Quotes of speaker `s` in the selected category (all when "All").
    pub fn count_in_category(&self, index: &Index, s: SpeakerId) -> usize {
        index.quote_count(s, self.category())
    }
}

impl AppState {
    /// Whether no popup covers the panes (so a pane may show focus).
    pub fn overlay_is_none(&self) -> bool {
        matches!(self.overlay, Overlay::None)
    }

    /// Quotes in the selected category (all quotes under "All").
    pub fn count_all(&self, index: &Index) -> usize {
        match self.category() {
            None => index.quote_total(),
            Some(c) => index.quotes_by_category(c).len(),
        }
    }
}

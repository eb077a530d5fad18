//! The explorer's logic: `update` turns an action into a new state and,
//! perhaps, an effect for the event loop to carry out. No I/O happens here.

use crate::format::{self, CitationStyle};
use crate::ids::{QuoteId, SpeakerId};
use crate::index::Index;
use crate::search::{Hit, Target};
use crate::text::group_thousands;
use crate::tui::action::Action;
use crate::tui::layout::{self, Areas};
use crate::tui::state::{AppState, Cursor, Overlay, Pane, Search};

/// Something for the event loop to do outside `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the explorer.
    Quit,
    /// Put this text on the clipboard.
    Copy(String),
    /// Search for this query (on the worker thread).
    Search(String),
    /// Open this URL with the system's opener.
    Open(String),
}

/// Applies `action` to `state`.
pub fn update(state: &mut AppState, index: &Index, action: Action) -> Option<Effect> {
    // A status message stays until the next thing the user does.
    if !matches!(
        action,
        Action::SearchResults(_) | Action::Copied(_) | Action::Resize(..)
    ) {
        state.status = None;
    }
    if matches!(action, Action::ToggleStats) && state.stats.is_none() {
        state.stats = Some(std::sync::Arc::new(crate::stats::Stats::of(index)));
    }
    let effect = match action {
        Action::Quit => {
            state.quit = true;
            Some(Effect::Quit)
        }
        Action::Resize(w, h) => {
            state.width = w;
            state.height = h;
            None
        }
        Action::Copied(report) => {
            let what = state.copying.take();
            state.status = Some(report.status_of(what.as_deref()));
            None
        }
        Action::SearchResults(response) => {
            show_results(state, response);
            None
        }
        action => match state.overlay {
            Overlay::Search(_) => search_action(state, index, action),
            Overlay::Help(_) | Overlay::Stats(_) => overlay_action(state, action),
            Overlay::None => normal_action(state, index, action),
        },
    };
    reveal(state, index);
    effect
}

/// Shows a search response if it answers the current query. The selection
/// stays where it was when the same query's results improve.
fn show_results(state: &mut AppState, response: crate::worker::Response) {
    let Overlay::Search(search) = &mut state.overlay else {
        return;
    };
    if response.query != search.query {
        return;
    }
    let same_query = search.shown_query == response.query;
    search.hits = response.results.hits;
    search.total = response.results.total;
    search.error = response.results.error.map(|e| e.to_string());
    search.shown_query = response.query;
    search.awaiting = false;
    if same_query {
        search
            .cursor
            .select(search.cursor.selected, search.hits.len());
    } else {
        search.cursor = Cursor::default();
    }
}

fn areas(state: &AppState, index: &Index) -> Areas {
    layout::areas(
        ratatui::layout::Rect::new(0, 0, state.width, state.height),
        index.categories().len() + 1,
    )
}

/// Rows visible in the focused list, for paging.
fn page(state: &AppState, index: &Index) -> usize {
    let a = areas(state, index);
    match state.focus {
        Pane::Categories => layout::capacity(a.categories, 1),
        Pane::Experts => layout::capacity(a.experts, 1),
        Pane::Quotes => layout::capacity(a.quotes, layout::quote_lines(a.quotes)),
        Pane::Detail => a.detail.height.saturating_sub(2).max(1) as usize,
    }
}

/// Keeps every selection on screen.
fn reveal(state: &mut AppState, index: &Index) {
    let a = areas(state, index);
    state.categories.reveal(layout::capacity(a.categories, 1));
    state.experts.reveal(layout::capacity(a.experts, 1));
    state
        .quotes
        .reveal(layout::capacity(a.quotes, layout::quote_lines(a.quotes)));
    if let Overlay::Search(search) = &mut state.overlay {
        search
            .cursor
            .reveal(layout::search_results(a.popup).height.max(1) as usize);
    }
}

fn list_len(state: &AppState, index: &Index, pane: Pane) -> usize {
    match pane {
        Pane::Categories => index.categories().len() + 1,
        Pane::Experts => state.expert_rows.len() + 1,
        Pane::Quotes => state.quote_rows.len(),
        Pane::Detail => 0,
    }
}

/// Moves the selection of `pane` and updates what depends on it.
fn move_in(state: &mut AppState, index: &Index, pane: Pane, f: impl FnOnce(&mut Cursor, usize)) {
    let len = list_len(state, index, pane);
    let cursor = match pane {
        Pane::Categories => &mut state.categories,
        Pane::Experts => &mut state.experts,
        Pane::Quotes => &mut state.quotes,
        Pane::Detail => return,
    };
    let before = cursor.selected;
    f(cursor, len);
    if cursor.selected == before {
        return;
    }
    match pane {
        Pane::Categories => state.refresh_experts(index),
        Pane::Experts => state.refresh_quotes(index),
        _ => state.detail_scroll = 0,
    }
}

fn scroll_detail(state: &mut AppState, delta: isize) {
    let max = state.detail_max_scroll;
    state.detail_scroll = state.detail_scroll.saturating_add_signed(delta).min(max);
}

fn step(state: &mut AppState, index: &Index, delta: isize) {
    let pane = state.focus;
    if pane == Pane::Detail {
        scroll_detail(state, delta);
    } else {
        move_in(state, index, pane, |c, len| c.step(delta, len));
    }
}

fn normal_action(state: &mut AppState, index: &Index, action: Action) -> Option<Effect> {
    let page = page(state, index) as isize;
    match action {
        Action::Up => step(state, index, -1),
        Action::Down => step(state, index, 1),
        Action::PageUp => step(state, index, -page),
        Action::PageDown => step(state, index, page),
        Action::HalfPageUp => step(state, index, -(page / 2).max(1)),
        Action::HalfPageDown => step(state, index, (page / 2).max(1)),
        Action::Top => step(state, index, isize::MIN / 2),
        Action::Bottom => step(state, index, isize::MAX / 2),
        Action::NextPane => state.focus = state.focus.next(),
        Action::PrevPane => state.focus = state.focus.prev(),
        Action::Enter if state.focus != Pane::Detail => state.focus = state.focus.next(),
        Action::Back if state.focus != Pane::Categories => state.focus = state.focus.prev(),
        Action::Back | Action::ClearMarks => clear_marks(state),
        Action::Mark => mark_here(state, index, 1),
        Action::MarkUp => mark_here(state, index, -1),
        Action::OpenUrl => return open_url(state, index),
        Action::CopyUrl => {
            let url = state.quote().and_then(|q| source_url(index, q));
            match url {
                Some(url) => {
                    state.copying = Some("the URL".into());
                    return Some(Effect::Copy(url));
                }
                None => state.status = Some(no_url(state)),
            }
        }
        Action::OpenSearch => {
            // An empty query lists everything, as fzf does: ask for it.
            state.overlay = Overlay::Search(Search {
                awaiting: true,
                ..Search::default()
            });
            return Some(Effect::Search(String::new()));
        }
        Action::ToggleHelp => state.overlay = Overlay::Help(0),
        Action::ToggleStats => state.overlay = Overlay::Stats(0),
        Action::CopyPlain => return copy(state, index, state.style),
        Action::CopyMarkdown => return copy(state, index, CitationStyle::Markdown),
        Action::CycleStyle => {
            state.style = state.style.next();
            state.status = Some(format!("y now copies in the {} style", state.style.label()));
        }
        Action::NextOfSpeaker => same_speaker(state, index, 1),
        Action::PrevOfSpeaker => same_speaker(state, index, -1),
        Action::Click(x, y) => click(state, index, x, y),
        Action::ScrollUp(x, y) => wheel(state, index, x, y, -1),
        Action::ScrollDown(x, y) => wheel(state, index, x, y, 1),
        _ => {}
    }
    None
}

/// Copies the marked quotes, or the selected one when none is marked.
fn copy(state: &mut AppState, index: &Index, style: CitationStyle) -> Option<Effect> {
    let quotes: Vec<crate::ids::QuoteId> = if state.marks.is_empty() {
        state.quote().into_iter().collect()
    } else {
        state.marks.iter().copied().collect()
    };
    if quotes.is_empty() {
        state.status = Some("No quote selected: nothing to copy".into());
        return None;
    }
    // In order, each with its attribution, one source block per article.
    let text = format::cite(index, &quotes, style);
    state.copying = Some(match quotes.len() {
        1 => "1 quote".into(),
        n => format!("{} quotes", group_thousands(n)),
    });
    Some(Effect::Copy(text.trim_end_matches('\n').to_string()))
}

/// The URL of quote `q`'s source: the quote's own (a Quotebank record's),
/// else its article's.
pub fn source_url(index: &Index, q: QuoteId) -> Option<String> {
    let quote = index.quote(q);
    quote
        .url
        .clone()
        .or_else(|| index.article(quote.article).meta.url.clone())
        .filter(|u| !u.trim().is_empty())
}

fn no_url(state: &AppState) -> String {
    match state.quote() {
        Some(_) => "This quote's source has no URL".into(),
        None => "No quote selected".into(),
    }
}

fn open_url(state: &mut AppState, index: &Index) -> Option<Effect> {
    match state.quote().and_then(|q| source_url(index, q)) {
        Some(url) => Some(Effect::Open(url)),
        None => {
            state.status = Some(no_url(state));
            None
        }
    }
}

fn clear_marks(state: &mut AppState) {
    if !state.marks.is_empty() {
        let n = state.marks.len();
        state.marks.clear();
        state.status = Some(format!("Cleared {} mark(s)", group_thousands(n)));
    }
}

/// Toggles marks on `quotes`: all marked already → all unmarked, else all
/// marked. Returns how many are marked afterwards among them.
fn toggle_marks(state: &mut AppState, quotes: &[QuoteId]) -> usize {
    if quotes.iter().all(|q| state.marks.contains(q)) {
        for q in quotes {
            state.marks.remove(q);
        }
        0
    } else {
        state.marks.extend(quotes.iter().copied());
        quotes.len()
    }
}

/// Says what marking a group did, when it was more than the one quote.
fn say_marked(state: &mut AppState, whose: &str, len: usize, marked: usize) {
    let total = group_thousands(state.marks.len());
    state.status = Some(if marked > 0 {
        format!(
            "Marked {} quote(s) {whose} · {total} marked",
            group_thousands(len)
        )
    } else {
        format!(
            "Unmarked {} quote(s) {whose} · {total} marked",
            group_thousands(len)
        )
    });
}

/// Tab in the panes: the selected quote, or all the quotes of the selected
/// expert or category, marked or unmarked; then the selection moves on.
fn mark_here(state: &mut AppState, index: &Index, delta: isize) {
    match state.focus {
        Pane::Quotes | Pane::Detail => {
            let Some(q) = state.quote() else { return };
            toggle_marks(state, &[q]);
            let len = state.quote_rows.len();
            if state
                .quotes
                .selected
                .checked_add_signed(delta)
                .is_some_and(|r| r < len)
            {
                move_in(state, index, Pane::Quotes, |c, len| c.step(delta, len));
            }
        }
        Pane::Experts => {
            let quotes = state.quote_rows.clone();
            let whose = match state.expert() {
                Some(s) => format!("of {}", index.speaker(s).data.name),
                None => "of all experts here".into(),
            };
            let marked = toggle_marks(state, &quotes);
            say_marked(state, &whose, quotes.len(), marked);
            move_in(state, index, Pane::Experts, |c, len| c.step(delta, len));
        }
        Pane::Categories => {
            let (quotes, whose) = match state.category() {
                Some(c) => (
                    index.quotes_by_category(c).to_vec(),
                    format!("in {}", index.category(c).data.title),
                ),
                None => (index.quote_ids().collect(), "in all".to_string()),
            };
            let marked = toggle_marks(state, &quotes);
            say_marked(state, &whose, quotes.len(), marked);
            move_in(state, index, Pane::Categories, |c, len| c.step(delta, len));
        }
    }
}

/// Tab in the search: the selected hit's quotes (a quote, an expert's, a
/// category's), marked or unmarked; then the selection moves on.
fn mark_hit(state: &mut AppState, index: &Index, delta: isize) {
    let Overlay::Search(search) = &state.overlay else {
        return;
    };
    let Some(hit) = search.hits.get(search.cursor.selected).cloned() else {
        return;
    };
    let (quotes, whose) = match hit.target {
        Target::Quote(q) => (vec![q], None),
        Target::Speaker(s) => (
            index.quotes_by_speaker(s).to_vec(),
            Some(format!("of {}", index.speaker(s).data.name)),
        ),
        Target::Category(c) => (
            index.quotes_by_category(c).to_vec(),
            Some(format!("in {}", index.category(c).data.title)),
        ),
    };
    let marked = toggle_marks(state, &quotes);
    if let Some(whose) = whose {
        say_marked(state, &whose, quotes.len(), marked);
    }
    if let Overlay::Search(search) = &mut state.overlay {
        let len = search.hits.len();
        search.cursor.step(delta, len);
    }
}

fn same_speaker(state: &mut AppState, index: &Index, delta: isize) {
    let Some(q) = state.quote() else { return };
    let speaker = index.quote(q).speaker;
    let list = index.quotes_by_speaker(speaker);
    let pos = list.iter().position(|&x| x == q).unwrap_or(0);
    match pos.checked_add_signed(delta).and_then(|p| list.get(p)) {
        Some(&next) => {
            // Stay in the current lists when the quote is there already.
            if let Some(row) = state.quote_rows.iter().position(|&x| x == next) {
                state.quotes.selected = row;
                state.detail_scroll = 0;
            } else {
                jump_to_quote(state, index, next);
            }
        }
        None => {
            let name = &index.speaker(speaker).data.name;
            let which = if delta > 0 { "last" } else { "first" };
            state.status = Some(format!("This is the {which} quote of {name}"));
        }
    }
}

fn click(state: &mut AppState, index: &Index, x: u16, y: u16) {
    let a = areas(state, index);
    let panes = [
        (Pane::Categories, a.categories),
        (Pane::Experts, a.experts),
        (Pane::Quotes, a.quotes),
        (Pane::Detail, a.detail),
    ];
    let Some(&(pane, rect)) = panes.iter().find(|(_, r)| layout::contains(*r, x, y)) else {
        return;
    };
    state.focus = pane;
    let lines = if pane == Pane::Quotes {
        layout::quote_lines(rect)
    } else {
        1
    };
    let inner_top = rect.y + 1;
    if pane == Pane::Detail || y < inner_top || y >= rect.y + rect.height - 1 {
        return;
    }
    let offset = match pane {
        Pane::Categories => state.categories.offset,
        Pane::Experts => state.experts.offset,
        _ => state.quotes.offset,
    };
    let row = offset + usize::from(y - inner_top) / lines;
    if row < list_len(state, index, pane) {
        move_in(state, index, pane, |c, len| c.select(row, len));
    }
}

fn wheel(state: &mut AppState, index: &Index, x: u16, y: u16, delta: isize) {
    let a = areas(state, index);
    if layout::contains(a.detail, x, y) {
        scroll_detail(state, delta * 3);
        return;
    }
    for (pane, rect) in [
        (Pane::Categories, a.categories),
        (Pane::Experts, a.experts),
        (Pane::Quotes, a.quotes),
    ] {
        if layout::contains(rect, x, y) {
            move_in(state, index, pane, |c, len| c.step(delta, len));
        }
    }
}

fn overlay_action(state: &mut AppState, action: Action) -> Option<Effect> {
    let is_help = matches!(state.overlay, Overlay::Help(_));
    // Never past the end: the last line stays at the bottom of the box.
    let max = state.overlay_max_scroll;
    let (Overlay::Help(scroll) | Overlay::Stats(scroll)) = &mut state.overlay else {
        return None;
    };
    match action {
        Action::Back | Action::Enter => state.overlay = Overlay::None,
        Action::ToggleHelp if is_help => state.overlay = Overlay::None,
        Action::ToggleStats if !is_help => state.overlay = Overlay::None,
        Action::ToggleHelp => state.overlay = Overlay::Help(0),
        Action::ToggleStats => state.overlay = Overlay::Stats(0),
        Action::Up | Action::ScrollUp(..) => *scroll = scroll.saturating_sub(1),
        Action::Down | Action::ScrollDown(..) => *scroll = (*scroll + 1).min(max),
        Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(10),
        Action::PageDown | Action::HalfPageDown => *scroll = (*scroll + 10).min(max),
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = max,
        _ => {}
    }
    None
}

fn search_action(state: &mut AppState, index: &Index, action: Action) -> Option<Effect> {
    let rows = layout::search_results(areas(state, index).popup);
    let results_height = rows.height as isize;
    let Overlay::Search(search) = &mut state.overlay else {
        return None;
    };
    let len = search.hits.len();
    let before = search.query.clone();
    match action {
        Action::Back => state.overlay = Overlay::None,
        Action::Mark if search.current() => mark_hit(state, index, 1),
        Action::MarkUp if search.current() => mark_hit(state, index, -1),
        Action::Up | Action::ScrollUp(..) => search.cursor.step(-1, len),
        Action::Down | Action::ScrollDown(..) => search.cursor.step(1, len),
        Action::PageUp => search.cursor.step(-results_height.max(1), len),
        Action::PageDown => search.cursor.step(results_height.max(1), len),
        Action::SearchInput(c) if !c.is_control() => search.insert(c.encode_utf8(&mut [0; 4])),
        Action::SearchPaste(text) => {
            let text: String = text
                .chars()
                .map(|c| if c.is_whitespace() { ' ' } else { c })
                .filter(|c| !c.is_control())
                .collect();
            search.insert(&text);
        }
        Action::SearchBackspace => search.backspace(),
        Action::SearchDelete => search.delete(),
        Action::SearchDeleteWord => search.delete_word(),
        Action::SearchClear => search.clear_before(),
        Action::SearchCaret(m) => search.move_caret(m),
        Action::Click(x, y) if layout::contains(rows, x, y) => {
            let row = search.cursor.offset + usize::from(y - rows.y);
            if row < len {
                search.cursor.selected = row;
            }
        }
        Action::Enter => {
            // The best hits so far of the current query are good enough
            // to jump to; those of an older query are not.
            if let Some(hit) = search.hits.get(search.cursor.selected).cloned()
                && search.current()
            {
                state.overlay = Overlay::None;
                jump(state, index, &hit);
            }
        }
        _ => {}
    }
    let Overlay::Search(search) = &mut state.overlay else {
        return None;
    };
    if search.query == before {
        return None;
    }
    Some(Effect::Search(search.query.clone()))
}

/// Takes the user to what a search hit names.
pub fn jump(state: &mut AppState, index: &Index, hit: &Hit) {
    match hit.target {
        Target::Speaker(s) => jump_to_speaker(state, index, s),
        Target::Category(c) => {
            state.categories.selected = c.get() + 1;
            state.refresh_experts(index);
            state.focus = Pane::Categories;
        }
        Target::Quote(q) => jump_to_quote(state, index, q),
    }
}

/// All categories, this speaker selected, their quotes listed.
fn jump_to_speaker(state: &mut AppState, index: &Index, s: SpeakerId) {
    state.categories.selected = 0;
    state.refresh_experts(index);
    if let Some(row) = state.expert_rows.iter().position(|&x| x == s) {
        state.experts.selected = row + 1;
        state.refresh_quotes(index);
    }
    // On to that person's quotes, as Enter on a quote goes to its detail.
    state.focus = Pane::Quotes;
}

/// The quote's category and speaker selected, the quote in the detail.
fn jump_to_quote(state: &mut AppState, index: &Index, q: QuoteId) {
    let quote = index.quote(q);
    state.categories.selected = quote.category.get() + 1;
    state.refresh_experts(index);
    if let Some(row) = state.expert_rows.iter().position(|&x| x == quote.speaker) {
        state.experts.selected = row + 1;
        state.refresh_quotes(index);
    }
    if let Some(row) = state.quote_rows.iter().position(|&x| x == q) {
        state.quotes.selected = row;
    }
    state.focus = Pane::Quotes;
}

//! What the user can ask for, and the keys and mouse gestures that ask it.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::clipboard::CopyReport;
use crate::tui::state::CaretMove;
use crate::worker::Response;

/// One user intent (or one outside event) that [`super::update::update`]
/// turns into a new state.
#[derive(Debug, Clone)]
pub enum Action {
    /// Leave the explorer.
    Quit,
    /// Move the selection (or scroll the detail) one row up.
    Up,
    /// Move the selection (or scroll the detail) one row down.
    Down,
    /// Up by a page.
    PageUp,
    /// Down by a page.
    PageDown,
    /// Up by half a page.
    HalfPageUp,
    /// Down by half a page.
    HalfPageDown,
    /// To the first row.
    Top,
    /// To the last row.
    Bottom,
    /// Focus the next pane (Categories → Experts → Quotes → Detail).
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Go deeper: from a category to its experts, to their quotes, to the
    /// detail; in the search popup, jump to the selected result.
    Enter,
    /// Go back one pane, or close the open popup.
    Back,
    /// Open the fuzzy search popup.
    OpenSearch,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Show or hide the statistics view.
    ToggleStats,
    /// Copy the selected quote with its attribution, as plain text.
    CopyPlain,
    /// Copy the selected quote as a Markdown blockquote with citation.
    CopyMarkdown,
    /// Select the next quote of the same speaker.
    NextOfSpeaker,
    /// Select the previous quote of the same speaker.
    PrevOfSpeaker,
    /// Type a character into the search query.
    SearchInput(char),
    /// Paste text into the search query (control characters are dropped).
    SearchPaste(String),
    /// Delete the character before the cursor in the search query.
    SearchBackspace,
    /// Delete the word before the cursor in the search query.
    SearchDeleteWord,
    /// Delete everything before the cursor in the search query.
    SearchClear,
    /// Delete the character under the cursor in the search query.
    SearchDelete,
    /// Move the cursor in the search query.
    SearchCaret(CaretMove),
    /// Results of a search arrived from the worker.
    SearchResults(Response),
    /// The copy finished; the report says how.
    Copied(CopyReport),
    /// The terminal has a new size.
    Resize(u16, u16),
    /// A left click at (column, row).
    Click(u16, u16),
    /// The wheel turned up at (column, row).
    ScrollUp(u16, u16),
    /// The wheel turned down at (column, row).
    ScrollDown(u16, u16),
}

/// Which key map applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Search,
    Overlay,
}

/// Maps a terminal event to an action; `None` for events with no meaning.
pub fn from_event(event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => from_key(key, mode),
        Event::Mouse(mouse) => from_mouse(mouse),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(text) if mode == Mode::Search => Some(Action::SearchPaste(text.clone())),
        _ => None,
    }
}

fn from_key(key: &KeyEvent, mode: Mode) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    // Ctrl-C always quits.
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    match mode {
        Mode::Search => search_key(key, ctrl),
        Mode::Normal | Mode::Overlay => normal_key(key, ctrl, mode),
    }
}

fn search_key(key: &KeyEvent, ctrl: bool) -> Option<Action> {
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Esc => Action::Back,
        KeyCode::Enter => Action::Enter,
        KeyCode::Up | KeyCode::BackTab => Action::Up,
        KeyCode::Down | KeyCode::Tab => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Backspace if ctrl || key.modifiers.contains(KeyModifiers::ALT) => {
            Action::SearchDeleteWord
        }
        KeyCode::Backspace => Action::SearchBackspace,
        KeyCode::Delete => Action::SearchDelete,
        KeyCode::Left if ctrl => Action::SearchCaret(CaretMove::WordLeft),
        KeyCode::Right if ctrl => Action::SearchCaret(CaretMove::WordRight),
        KeyCode::Left => Action::SearchCaret(CaretMove::Left),
        KeyCode::Right => Action::SearchCaret(CaretMove::Right),
        KeyCode::Home => Action::SearchCaret(CaretMove::Start),
        KeyCode::End => Action::SearchCaret(CaretMove::End),
        KeyCode::Char('b') if alt => Action::SearchCaret(CaretMove::WordLeft),
        KeyCode::Char('f') if alt => Action::SearchCaret(CaretMove::WordRight),
        KeyCode::Char('p' | 'k') if ctrl => Action::Up,
        KeyCode::Char('n' | 'j') if ctrl => Action::Down,
        KeyCode::Char('w') if ctrl => Action::SearchDeleteWord,
        KeyCode::Char('u') if ctrl => Action::SearchClear,
        KeyCode::Char('a') if ctrl => Action::SearchCaret(CaretMove::Start),
        KeyCode::Char('e') if ctrl => Action::SearchCaret(CaretMove::End),
        KeyCode::Char('b') if ctrl => Action::SearchCaret(CaretMove::Left),
        KeyCode::Char('f') if ctrl => Action::SearchCaret(CaretMove::Right),
        KeyCode::Char('d') if ctrl => Action::SearchDelete,
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Char(c) => Action::SearchInput(c),
        _ => return None,
    })
}

fn normal_key(key: &KeyEvent, ctrl: bool, mode: Mode) -> Option<Action> {
    Some(match key.code {
        KeyCode::Char('q') if !ctrl => {
            if mode == Mode::Overlay {
                Action::Back
            } else {
                Action::Quit
            }
        }
        KeyCode::Esc => Action::Back,
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Char('d') if ctrl => Action::HalfPageDown,
        KeyCode::Char('u') if ctrl => Action::HalfPageUp,
        KeyCode::Char('f') if ctrl => Action::PageDown,
        KeyCode::Char('b') if ctrl => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Home | KeyCode::Char('g') => Action::Top,
        KeyCode::End | KeyCode::Char('G') => Action::Bottom,
        KeyCode::Tab | KeyCode::Right | KeyCode::Char('l') => Action::NextPane,
        KeyCode::BackTab | KeyCode::Left | KeyCode::Char('h') => Action::PrevPane,
        KeyCode::Enter => Action::Enter,
        KeyCode::Char('/') => Action::OpenSearch,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('s') => Action::ToggleStats,
        KeyCode::Char('y') => Action::CopyPlain,
        KeyCode::Char('Y') => Action::CopyMarkdown,
        KeyCode::Char('n') => Action::NextOfSpeaker,
        KeyCode::Char('N') => Action::PrevOfSpeaker,
        _ => return None,
    })
}

fn from_mouse(mouse: &MouseEvent) -> Option<Action> {
    let (x, y) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(x, y)),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp(x, y)),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown(x, y)),
        _ => None,
    }
}

/// Every key, for the help overlay: (keys, what they do).
pub const KEY_HELP: &[(&str, &str)] = &[
    ("↑ ↓  k j", "move the selection; scroll the detail"),
    ("PgUp PgDn  Ctrl-b/f", "move by a page"),
    ("Ctrl-u  Ctrl-d", "move by half a page"),
    ("Home End  g G", "first / last row"),
    ("Tab  l  →", "next pane"),
    ("Shift-Tab  h  ←", "previous pane"),
    ("Enter", "category → its experts → their quotes → detail"),
    ("Esc", "back one pane; close a popup"),
    ("/", "fuzzy search experts, categories and quotes"),
    ("y", "copy the quote with its attribution (plain text)"),
    ("Y", "copy the quote as a Markdown blockquote with citation"),
    ("n  N", "next / previous quote of the same speaker"),
    (
        "s",
        "statistics: quotes per category and kind of speaker, timeline",
    ),
    ("?", "this help"),
    ("q  Ctrl-c", "quit"),
    ("mouse", "click selects and focuses; the wheel scrolls"),
];

/// The search popup's keys, for the help overlay.
pub const SEARCH_HELP: &[(&str, &str)] = &[
    (
        "typing",
        "refine the query: every word must match, smart case",
    ),
    ("↑ ↓  Ctrl-p/n  Ctrl-k/j", "select a result"),
    (
        "Enter",
        "jump: an expert, a category, or a quote in context",
    ),
    (
        "← →  Ctrl-b/f  Alt-b/f",
        "move the cursor by a character or a word",
    ),
    ("Home End  Ctrl-a/e", "cursor to the start or the end"),
    (
        "Bksp  Del  Ctrl-d",
        "delete the character before or under the cursor",
    ),
    (
        "Ctrl-w  Ctrl-u",
        "delete the word before the cursor, or all before it",
    ),
    ("Esc", "close the search"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn letters_are_commands_outside_search_and_text_inside() {
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert!(matches!(from_event(&j, Mode::Normal), Some(Action::Down)));
        assert!(matches!(
            from_event(&j, Mode::Search),
            Some(Action::SearchInput('j'))
        ));
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert!(matches!(from_event(&q, Mode::Normal), Some(Action::Quit)));
        assert!(matches!(from_event(&q, Mode::Overlay), Some(Action::Back)));
        assert!(matches!(
            from_event(&q, Mode::Search),
            Some(Action::SearchInput('q'))
        ));
    }

    #[test]
    fn ctrl_c_always_quits_and_releases_are_ignored() {
        let c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [Mode::Normal, Mode::Search, Mode::Overlay] {
            assert!(matches!(from_event(&c, mode), Some(Action::Quit)));
        }
        let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert!(from_event(&Event::Key(release), Mode::Normal).is_none());
    }

    #[test]
    fn search_navigation_keys() {
        for (code, m) in [
            (KeyCode::Char('n'), KeyModifiers::CONTROL),
            (KeyCode::Char('j'), KeyModifiers::CONTROL),
            (KeyCode::Down, KeyModifiers::NONE),
        ] {
            assert!(matches!(
                from_event(&key(code, m), Mode::Search),
                Some(Action::Down)
            ));
        }
        let w = key(KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert!(matches!(
            from_event(&w, Mode::Search),
            Some(Action::SearchDeleteWord)
        ));
    }
}

//! What the user can ask for, and the keys and mouse gestures that ask it.

use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

use crate::clipboard::CopyReport;
use crate::tui::keymap;
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
    /// Copy the selected quote, or every marked one, with its attribution
    /// in the chosen citation style.
    CopyPlain,
    /// Copy the selected quote, or every marked one, as a Markdown
    /// blockquote with citation.
    CopyMarkdown,
    /// Choose the next citation style for copying.
    CycleStyle,
    /// Mark (or unmark) the selected quote, or an expert's or a category's
    /// quotes, and move down.
    Mark,
    /// Mark (or unmark) and move up.
    MarkUp,
    /// Clear every mark.
    ClearMarks,
    /// Open the selected quote's source URL with the system's opener.
    OpenUrl,
    /// Copy the selected quote's source URL.
    CopyUrl,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    keymap::action_for(key, mode)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

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

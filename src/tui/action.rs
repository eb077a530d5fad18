//! What the user can ask for (the keys and gestures that ask it are in
//! [`super::keymap`]).

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

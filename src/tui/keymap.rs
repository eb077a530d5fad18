//! The key map: one table of (where, keys, action, help, footer hints).
//! Key handling ([`from_event`]), the help overlay and the
//! footer all read it, so a key is written down once.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::tui::action::{Action, Mode};
use crate::tui::state::{CaretMove, Pane};

/// A key with the modifiers that change its meaning (Shift is part of the
/// character: `G`, and of `BackTab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// Whether the event is this key.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        self.code == event.code
            && self.ctrl == event.modifiers.contains(KeyModifiers::CONTROL)
            && self.alt == event.modifiers.contains(KeyModifiers::ALT)
    }
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        alt: false,
    }
}
const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
        alt: false,
    }
}
const fn ctrl_code(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: true,
        alt: false,
    }
}
const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
        alt: true,
    }
}
const fn alt_code(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        alt: true,
    }
}

/// Where a footer hint is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// The panes, whichever is focused.
    Panes,
    /// The panes, when this one is focused.
    Pane(Pane),
    /// The list panes (not the detail).
    Lists,
    /// The search popup.
    Search,
    /// The help and statistics popups.
    Overlay,
}

/// One line of the key map.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The key maps this binding belongs to.
    pub modes: &'static [Mode],
    /// The keys; none for what is not a single key (typing, the mouse).
    pub keys: &'static [Key],
    /// What the keys do; `None` for rows that only explain.
    pub action: Option<Action>,
    /// The keys as the help shows them.
    pub label: &'static str,
    /// What the help says; empty when an earlier row already covers it.
    pub help: &'static str,
    /// The keys as the footer shows them, and where with what words.
    pub short: &'static str,
    pub hints: &'static [(Where, &'static str)],
}

const NORMAL: &[Mode] = &[Mode::Normal];
const PANES_AND_POPUPS: &[Mode] = &[Mode::Normal, Mode::Overlay];
const OVERLAY: &[Mode] = &[Mode::Overlay];
const SEARCH: &[Mode] = &[Mode::Search];
const ALL: &[Mode] = &[Mode::Normal, Mode::Overlay, Mode::Search];

const fn bind(
    modes: &'static [Mode],
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    help: &'static str,
) -> Binding {
    Binding {
        modes,
        keys,
        action: Some(action),
        label,
        help,
        short: "",
        hints: &[],
    }
}

const fn hinted(
    mut b: Binding,
    short: &'static str,
    hints: &'static [(Where, &'static str)],
) -> Binding {
    b.short = short;
    b.hints = hints;
    b
}

/// The whole key map. The first binding whose mode and key match wins;
/// typing into the search is what is left in the search's map. The order is
/// the help's order and the footer's.
pub const KEYMAP: &[Binding] = &[
    // Everywhere.
    bind(
        ALL,
        &[ctrl('c')],
        Action::Quit,
        "Ctrl-c",
        "quit, from anywhere",
    ),
    // The panes (and the help and statistics, which scroll).
    hinted(
        bind(
            PANES_AND_POPUPS,
            &[plain(KeyCode::Up), ch('k')],
            Action::Up,
            "↑ ↓  k j",
            "move the selection; scroll the detail or a popup",
        ),
        "↑↓",
        &[
            (Where::Lists, "move"),
            (Where::Pane(Pane::Detail), "scroll"),
            (Where::Overlay, "scroll"),
        ],
    ),
    bind(
        PANES_AND_POPUPS,
        &[plain(KeyCode::Down), ch('j')],
        Action::Down,
        "",
        "",
    ),
    bind(
        PANES_AND_POPUPS,
        &[plain(KeyCode::PageUp), ctrl('b')],
        Action::PageUp,
        "PgUp PgDn  Ctrl-b/f",
        "move by a page",
    ),
    bind(
        PANES_AND_POPUPS,
        &[plain(KeyCode::PageDown), ctrl('f')],
        Action::PageDown,
        "",
        "",
    ),
    bind(
        PANES_AND_POPUPS,
        &[ctrl('u')],
        Action::HalfPageUp,
        "Ctrl-u  Ctrl-d",
        "move by half a page",
    ),
    bind(PANES_AND_POPUPS, &[ctrl('d')], Action::HalfPageDown, "", ""),
    bind(
        PANES_AND_POPUPS,
        &[plain(KeyCode::Home), ch('g')],
        Action::Top,
        "Home End  g G",
        "first / last row",
    ),
    bind(
        PANES_AND_POPUPS,
        &[plain(KeyCode::End), ch('G')],
        Action::Bottom,
        "",
        "",
    ),
    hinted(
        bind(
            NORMAL,
            &[plain(KeyCode::Right), ch('l')],
            Action::NextPane,
            "l  →",
            "next pane",
        ),
        "←→",
        &[(Where::Pane(Pane::Categories), "panes")],
    ),
    bind(
        NORMAL,
        &[plain(KeyCode::Left), ch('h')],
        Action::PrevPane,
        "h  ←",
        "previous pane",
    ),
    hinted(
        bind(
            NORMAL,
            &[plain(KeyCode::Enter)],
            Action::Enter,
            "Enter",
            "category → its experts → their quotes → detail",
        ),
        "Enter",
        &[
            (Where::Pane(Pane::Categories), "experts"),
            (Where::Pane(Pane::Experts), "quotes"),
            (Where::Pane(Pane::Quotes), "detail"),
        ],
    ),
    hinted(
        bind(
            NORMAL,
            &[plain(KeyCode::Esc)],
            Action::Back,
            "Esc",
            "back one pane; in Categories, clear the marks",
        ),
        "Esc",
        &[
            (Where::Pane(Pane::Experts), "back"),
            (Where::Pane(Pane::Detail), "back"),
        ],
    ),
    hinted(
        bind(
            NORMAL,
            &[plain(KeyCode::Tab), ch(' ')],
            Action::Mark,
            "Tab  Space",
            "mark the quote and move on (on an expert or a category: all its quotes); again to unmark",
        ),
        "Tab",
        &[(Where::Pane(Pane::Quotes), "mark")],
    ),
    bind(
        NORMAL,
        &[plain(KeyCode::BackTab)],
        Action::MarkUp,
        "Shift-Tab",
        "mark and move up",
    ),
    bind(
        NORMAL,
        &[ch('u')],
        Action::ClearMarks,
        "u",
        "clear the marks",
    ),
    hinted(
        bind(
            NORMAL,
            &[ch('/')],
            Action::OpenSearch,
            "/",
            "search experts, categories and quotes",
        ),
        "/",
        &[
            (Where::Pane(Pane::Categories), "search"),
            (Where::Pane(Pane::Experts), "search"),
            (Where::Pane(Pane::Quotes), "search"),
        ],
    ),
    hinted(
        bind(
            NORMAL,
            &[ch('y')],
            Action::CopyPlain,
            "y",
            "copy the quote (or all marked quotes) with its attribution, in the citation style",
        ),
        "y",
        &[(Where::Panes, "copy")],
    ),
    hinted(
        bind(
            NORMAL,
            &[ch('Y')],
            Action::CopyMarkdown,
            "Y",
            "copy as a Markdown blockquote with citation",
        ),
        "Y",
        &[
            (Where::Pane(Pane::Quotes), "Markdown"),
            (Where::Pane(Pane::Detail), "Markdown"),
        ],
    ),
    hinted(
        bind(
            NORMAL,
            &[ch('c')],
            Action::CycleStyle,
            "c",
            "next citation style for y: plain, Markdown, APA, Chicago",
        ),
        "c",
        &[(Where::Pane(Pane::Detail), "style")],
    ),
    hinted(
        bind(
            NORMAL,
            &[ch('o')],
            Action::OpenUrl,
            "o",
            "open the quote's source (its URL) in the browser",
        ),
        "o",
        &[(Where::Pane(Pane::Detail), "open")],
    ),
    bind(
        NORMAL,
        &[ch('O')],
        Action::CopyUrl,
        "O",
        "copy the source's URL",
    ),
    hinted(
        bind(
            NORMAL,
            &[ch('n')],
            Action::NextOfSpeaker,
            "n  N",
            "next / previous quote of the same speaker",
        ),
        "n/N",
        &[
            (Where::Pane(Pane::Experts), "same speaker"),
            (Where::Pane(Pane::Quotes), "same speaker"),
        ],
    ),
    bind(NORMAL, &[ch('N')], Action::PrevOfSpeaker, "", ""),
    hinted(
        bind(
            NORMAL,
            &[ch('s')],
            Action::ToggleStats,
            "s",
            "statistics: quotes per category and kind of speaker, timeline",
        ),
        "s",
        &[(Where::Pane(Pane::Categories), "stats")],
    ),
    hinted(
        bind(
            PANES_AND_POPUPS,
            &[ch('?')],
            Action::ToggleHelp,
            "?",
            "this help",
        ),
        "?",
        &[(Where::Panes, "help")],
    ),
    hinted(
        bind(
            OVERLAY,
            &[plain(KeyCode::Esc), ch('q'), plain(KeyCode::Enter)],
            Action::Back,
            "Esc  q",
            "close the help or the statistics",
        ),
        "Esc",
        &[(Where::Overlay, "close")],
    ),
    bind(OVERLAY, &[ch('s')], Action::ToggleStats, "", ""),
    hinted(
        bind(NORMAL, &[ch('q')], Action::Quit, "q", "quit"),
        "q",
        &[(Where::Panes, "quit")],
    ),
    Binding {
        modes: NORMAL,
        keys: &[],
        action: None,
        label: "mouse",
        help: "click selects and focuses; the wheel scrolls",
        short: "",
        hints: &[],
    },
    // The search popup.
    Binding {
        modes: SEARCH,
        keys: &[],
        action: None,
        label: "typing",
        help: "refine the query: every word must match, smart case (see the README for 'exact ^start end$ !not a|b)",
        short: "",
        hints: &[],
    },
    hinted(
        bind(
            SEARCH,
            &[plain(KeyCode::Up), ctrl('p'), ctrl('k')],
            Action::Up,
            "↑ ↓  Ctrl-p/n  Ctrl-k/j",
            "select a result",
        ),
        "↑↓",
        &[(Where::Search, "select")],
    ),
    bind(
        SEARCH,
        &[plain(KeyCode::Down), ctrl('n'), ctrl('j')],
        Action::Down,
        "",
        "",
    ),
    bind(
        SEARCH,
        &[plain(KeyCode::PageUp)],
        Action::PageUp,
        "PgUp PgDn",
        "select a page up or down",
    ),
    bind(
        SEARCH,
        &[plain(KeyCode::PageDown)],
        Action::PageDown,
        "",
        "",
    ),
    hinted(
        bind(
            SEARCH,
            &[plain(KeyCode::Tab)],
            Action::Mark,
            "Tab  Shift-Tab",
            "mark the result's quotes and move down / up",
        ),
        "Tab",
        &[(Where::Search, "mark")],
    ),
    bind(SEARCH, &[plain(KeyCode::BackTab)], Action::MarkUp, "", ""),
    hinted(
        bind(
            SEARCH,
            &[plain(KeyCode::Enter)],
            Action::Enter,
            "Enter",
            "jump: an expert, a category, or a quote in context",
        ),
        "Enter",
        &[(Where::Search, "jump")],
    ),
    bind(
        SEARCH,
        &[plain(KeyCode::Left), ctrl('b')],
        Action::SearchCaret(CaretMove::Left),
        "← →  Ctrl-b/f  Alt-b/f",
        "move the cursor by a character or a word",
    ),
    bind(
        SEARCH,
        &[plain(KeyCode::Right), ctrl('f')],
        Action::SearchCaret(CaretMove::Right),
        "",
        "",
    ),
    bind(
        SEARCH,
        &[ctrl_code(KeyCode::Left), alt('b')],
        Action::SearchCaret(CaretMove::WordLeft),
        "",
        "",
    ),
    bind(
        SEARCH,
        &[ctrl_code(KeyCode::Right), alt('f')],
        Action::SearchCaret(CaretMove::WordRight),
        "",
        "",
    ),
    bind(
        SEARCH,
        &[plain(KeyCode::Home), ctrl('a')],
        Action::SearchCaret(CaretMove::Start),
        "Home End  Ctrl-a/e",
        "cursor to the start or the end",
    ),
    bind(
        SEARCH,
        &[plain(KeyCode::End), ctrl('e')],
        Action::SearchCaret(CaretMove::End),
        "",
        "",
    ),
    bind(
        SEARCH,
        &[plain(KeyCode::Backspace)],
        Action::SearchBackspace,
        "Bksp  Del  Ctrl-d",
        "delete the character before or under the cursor",
    ),
    bind(
        SEARCH,
        &[plain(KeyCode::Delete), ctrl('d')],
        Action::SearchDelete,
        "",
        "",
    ),
    hinted(
        bind(
            SEARCH,
            &[
                ctrl('w'),
                ctrl_code(KeyCode::Backspace),
                alt_code(KeyCode::Backspace),
            ],
            Action::SearchDeleteWord,
            "Ctrl-w  Ctrl-u",
            "delete the word before the cursor, or all before it",
        ),
        "Ctrl-w",
        &[(Where::Search, "delete word")],
    ),
    bind(SEARCH, &[ctrl('u')], Action::SearchClear, "", ""),
    hinted(
        bind(
            SEARCH,
            &[plain(KeyCode::Esc)],
            Action::Back,
            "Esc",
            "close the search",
        ),
        "Esc",
        &[(Where::Search, "close")],
    ),
];

/// The action of `key` in `mode`, from the table; in the search, any other
/// character without Ctrl is typed.
pub fn action_for(key: &KeyEvent, mode: Mode) -> Option<Action> {
    let found = KEYMAP
        .iter()
        .filter(|b| b.modes.contains(&mode))
        .find(|b| b.keys.iter().any(|k| k.matches(key)))
        .and_then(|b| b.action.clone());
    if found.is_some() {
        return found;
    }
    match key.code {
        KeyCode::Char(c)
            if mode == Mode::Search && !key.modifiers.contains(KeyModifiers::CONTROL) =>
        {
            Some(Action::SearchInput(c))
        }
        _ => None,
    }
}

/// The help's rows of the key map in `modes`: (keys, what they do).
pub fn help_rows(mode: Mode) -> impl Iterator<Item = (&'static str, &'static str)> {
    KEYMAP
        .iter()
        .filter(move |b| b.modes.first() == Some(&mode) || (b.modes == ALL && mode == Mode::Normal))
        .filter(|b| !b.help.is_empty())
        .map(|b| (b.label, b.help))
}

/// The footer's hints where the user is: (keys, words), in table order.
pub fn hints(mode: Mode, pane: Pane) -> Vec<(&'static str, &'static str)> {
    let here = |w: &Where| match (w, mode) {
        (Where::Panes, Mode::Normal) => true,
        (Where::Pane(p), Mode::Normal) => *p == pane,
        (Where::Lists, Mode::Normal) => pane != Pane::Detail,
        (Where::Search, Mode::Search) => true,
        (Where::Overlay, Mode::Overlay) => true,
        _ => false,
    };
    KEYMAP
        .iter()
        .filter_map(|b| {
            b.hints
                .iter()
                .find(|(w, _)| here(w))
                .map(|(_, words)| (b.short, *words))
        })
        .collect()
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
    action_for(key, mode)
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

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn no_key_means_two_things_in_one_mode() {
        for mode in [Mode::Normal, Mode::Search, Mode::Overlay] {
            let keys: Vec<Key> = KEYMAP
                .iter()
                .filter(|b| b.modes.contains(&mode))
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(
                    !keys[i + 1..].contains(k),
                    "{k:?} is bound twice in {mode:?}"
                );
            }
        }
    }

    #[test]
    fn shift_is_part_of_the_character() {
        let g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert!(matches!(action_for(&g, Mode::Normal), Some(Action::Bottom)));
        let space = key(KeyCode::Char(' '), KeyModifiers::NONE);
        assert!(matches!(
            action_for(&space, Mode::Normal),
            Some(Action::Mark)
        ));
        assert!(matches!(
            action_for(&space, Mode::Search),
            Some(Action::SearchInput(' '))
        ));
    }

    #[test]
    fn every_footer_hint_names_a_bound_key() {
        for b in KEYMAP.iter().filter(|b| !b.hints.is_empty()) {
            assert!(!b.short.is_empty() && !b.keys.is_empty(), "{}", b.label);
        }
        let quotes = hints(Mode::Normal, Pane::Quotes);
        assert!(quotes.contains(&("Tab", "mark")));
        assert_eq!(quotes.last(), Some(&("q", "quit")));
        assert!(hints(Mode::Search, Pane::Quotes).contains(&("Esc", "close")));
    }
}

#[cfg(test)]
mod event_tests {
    use super::*;
    use crossterm::event::Event;

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

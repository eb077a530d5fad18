//! The terminal explorer: terminal set-up and restore, and the event loop.
//!
//! The parts follow the Elm architecture: [`state`] is the model, [`action`]
//! the messages (and the key map), [`update`] the pure transition function,
//! [`view`] draws a frame from the state. This module only wires them to the
//! terminal, the search worker and the clipboard.

pub mod action;
pub mod layout;
pub mod state;
pub mod update;
pub mod view;

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::mpsc;

use anyhow::Context as _;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::execute;

use crate::clipboard::{Clipboard, Environment, SystemClipboard};
use crate::index::Index;
use crate::search::Options;
use crate::worker::{Response, SearchWorker};
use action::{Action, Mode};
use state::{AppState, Overlay};
use update::{Effect, update};

/// How many search results the popup keeps.
pub const SEARCH_LIMIT: usize = 1000;

/// What reaches the event loop.
enum Message {
    Terminal(Event),
    Search(Response),
}

/// Whether colour is allowed (see <https://no-color.org>).
pub fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Runs the explorer until the user quits. The terminal is restored on every
/// way out: quit, error, or panic (ratatui's hook, extended below to turn the
/// mouse and paste modes off too).
pub fn run(index: Index) -> anyhow::Result<()> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        anyhow::bail!(
            "the explorer needs a terminal; for scripts use a command such as `reactions search` (see --help)"
        );
    }
    let index = Arc::new(index);
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        ratatui_hook(info);
    }));
    let _ = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = event_loop(&mut terminal, &index);
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, index: &Arc<Index>) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel::<Message>();
    let input = tx.clone();
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            while let Ok(ev) = event::read() {
                if input.send(Message::Terminal(ev)).is_err() {
                    break;
                }
            }
        })
        .context("cannot start the input thread")?;
    let worker = SearchWorker::spawn(Arc::clone(index), move |r| {
        let _ = tx.send(Message::Search(r));
    });
    let size = terminal.size()?;
    let mut state = AppState::new(index, size.width, size.height);
    state.color = color_allowed();
    let mut clipboard = SystemClipboard::new(io::stdout(), Environment::detect());

    loop {
        terminal.draw(|frame| view::draw(frame, &state, index))?;
        // For the end-to-end test that the terminal is restored on a panic.
        #[cfg(debug_assertions)]
        if std::env::var_os("REACTIONS_DEBUG_PANIC").is_some() {
            panic!("REACTIONS_DEBUG_PANIC is set: panicking after the first frame");
        }
        // Wait for something to happen, then take everything that is queued
        // before drawing again, so a burst of keys costs one frame.
        let mut next = Some(rx.recv().context("the input thread stopped")?);
        while let Some(message) = next {
            let action = match message {
                Message::Terminal(ev) => action::from_event(&ev, mode(&state)),
                Message::Search(r) => Some(Action::SearchResults(r)),
            };
            if let Some(action) = action {
                match update(&mut state, index, action) {
                    None => {}
                    Some(Effect::Quit) => return Ok(()),
                    Some(Effect::Search(query)) => {
                        let options = Options {
                            kind: None,
                            limit: Some(SEARCH_LIMIT),
                        };
                        worker.submit(&query, options);
                    }
                    Some(Effect::Copy(text)) => {
                        let report = clipboard.copy(&text);
                        update(&mut state, index, Action::Copied(report));
                    }
                }
            }
            next = rx.try_recv().ok();
        }
    }
}

/// Which key map applies in `state`.
pub fn mode(state: &AppState) -> Mode {
    match state.overlay {
        Overlay::None => Mode::Normal,
        Overlay::Search(_) => Mode::Search,
        Overlay::Help(_) | Overlay::Stats(_) => Mode::Overlay,
    }
}

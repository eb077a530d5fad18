//! The terminal explorer: terminal set-up and restore, and the event loop.
//!
//! The parts follow the Elm architecture: [`state`] is the model, [`action`]
//! the messages (and the key map), [`update`] the pure transition function,
//! [`view`] draws a frame from the state. This module only wires them to the
//! terminal, the search worker and the clipboard.

pub mod action;
pub mod keymap;
pub mod layout;
pub mod state;
pub mod update;
pub mod view;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;

use anyhow::Context as _;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::execute;

use crate::clipboard::{Clipboard, Environment, SystemClipboard};
use crate::error::LoadError;
use crate::index::Index;
use crate::load::{self, LoadOptions, Loaded, Progress};
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
    Progress(Progress),
    Loaded(Box<Result<Loaded, LoadError>>),
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT arrived: leave, restoring the
    /// terminal.
    Signal,
}

/// The signal that ended the explorer, if one did (then the process exits
/// with 128 + its number once the terminal is restored, as a shell expects).
static SIGNALLED: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

/// Whether colour is allowed (see <https://no-color.org>).
pub fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Runs the explorer on `index` until the user quits. The terminal is
/// restored on every way out: quit, error, or panic.
pub fn run(index: Index) -> anyhow::Result<()> {
    session(Start::Ready(Box::new(index))).map(|_| ())
}

/// Opens the explorer at once and loads `paths` on a thread behind a
/// progress gauge; the panes appear as soon as the index is ready. A load
/// that fails closes the explorer and returns the error for the caller to
/// report (the terminal is restored by then).
pub fn run_loading(
    paths: Vec<PathBuf>,
    options: LoadOptions,
) -> anyhow::Result<Result<(), LoadError>> {
    session(Start::Load(paths, options))
}

enum Start {
    Ready(Box<Index>),
    Load(Vec<PathBuf>, LoadOptions),
}

/// Sets the terminal up, runs the explorer, and restores the terminal:
/// ratatui's panic hook, extended here to turn the mouse and paste modes off
/// too, covers a panic.
fn session(start: Start) -> anyhow::Result<Result<(), LoadError>> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        anyhow::bail!(
            "the explorer needs a terminal; for scripts use a command such as `reactions search` (see --help)"
        );
    }
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A damaged index's panic inside the word index is caught there
        // and reported as an error: the terminal stays as it is.
        if crate::store::in_guarded_call() {
            return;
        }
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        ratatui_hook(info);
    }));
    let _ = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = event_loop(&mut terminal, start);
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    let signal = SIGNALLED.load(std::sync::atomic::Ordering::SeqCst);
    if signal != 0 {
        std::process::exit(128 + signal);
    }
    result
}

/// From how many quotes a corpus read raw earns the hint to index it.
const INDEX_HINT_QUOTES: usize = 10_000;

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    start: Start,
) -> anyhow::Result<Result<(), LoadError>> {
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
    // Closing the terminal window (SIGHUP), `kill` (SIGTERM) and the like end
    // the explorer as `q` does, so the terminal is left as it was found.
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
            .context("cannot watch for signals")?;
        let on_signal = tx.clone();
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    SIGNALLED.store(signal, std::sync::atomic::Ordering::SeqCst);
                    let _ = on_signal.send(Message::Signal);
                }
            })
            .context("cannot start the signal thread")?;
    }
    let theme = view::theme::Theme {
        color: color_allowed(),
    };
    // When a raw corpus was read, the command that makes the next opening
    // instant: (seconds taken, the inputs).
    let mut could_index: Option<(f64, String)> = None;
    let (index, skipped) = match start {
        Start::Ready(index) => (*index, Vec::new()),
        Start::Load(paths, options) => {
            let started = std::time::Instant::now();
            let raw = !paths.iter().any(|p| load::is_index_dir(p));
            let inputs = paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(" ");
            let what = paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ");
            let loader = tx.clone();
            std::thread::Builder::new()
                .name("load".into())
                .spawn(move || {
                    let progress = loader.clone();
                    let result = load::load_paths_with_progress(&paths, options, |p| {
                        let _ = progress.send(Message::Progress(p));
                    });
                    let _ = loader.send(Message::Loaded(Box::new(result)));
                })
                .context("cannot start the loading thread")?;
            let mut progress = None;
            loop {
                terminal.draw(|frame| view::loading::draw(frame, &what, progress, &theme))?;
                match rx.recv().context("the loading thread stopped")? {
                    Message::Progress(p) => progress = Some(p),
                    Message::Loaded(result) => match *result {
                        Ok(loaded) => {
                            if raw && loaded.index.quote_total() >= INDEX_HINT_QUOTES {
                                could_index = Some((started.elapsed().as_secs_f64(), inputs));
                            }
                            break (loaded.index, loaded.skipped);
                        }
                        Err(e) => return Ok(Err(e)),
                    },
                    Message::Terminal(ev) => {
                        if let Some(Action::Quit | Action::Back) =
                            keymap::from_event(&ev, Mode::Overlay)
                        {
                            return Ok(Ok(()));
                        }
                    }
                    Message::Signal => return Ok(Ok(())),
                    Message::Search(_) => {}
                }
            }
        }
    };
    let index = Arc::new(index);
    let worker = SearchWorker::spawn(Arc::clone(&index), move |r| {
        let _ = tx.send(Message::Search(r));
    });
    let size = terminal.size()?;
    let mut state = AppState::new(&index, size.width, size.height);
    state.color = theme.color;
    if let Some(first) = skipped.first() {
        // The file by its name only, so that the position and the reason
        // fit on the status line (the full path is in `reactions check`).
        let mut short = first.clone();
        if let Some(name) = std::path::Path::new(&first.file).file_name() {
            short.file = name.to_string_lossy().into_owned();
        }
        state.status = Some(format!(
            "Skipped {} malformed line(s); the first: {short}",
            skipped.len()
        ));
    } else if let Some((seconds, inputs)) = could_index {
        state.status = Some(format!(
            "Read and indexed in {seconds:.1} s; `reactions index {inputs} --out DIR` \
             then `reactions --data DIR` opens it at once"
        ));
    }
    let mut clipboard = SystemClipboard::new(io::stdout(), Environment::detect());

    loop {
        terminal.draw(|frame| view::draw(frame, &state, &index))?;
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
                Message::Terminal(ev) => keymap::from_event(&ev, mode(&state)),
                Message::Search(r) => Some(Action::SearchResults(r)),
                Message::Signal => return Ok(Ok(())),
                Message::Progress(_) | Message::Loaded(_) => None,
            };
            if let Some(action) = action {
                view::measure(&mut state, &index);
                match update(&mut state, &index, action) {
                    None => {}
                    Some(Effect::Quit) => return Ok(Ok(())),
                    Some(Effect::Search(query)) => {
                        let options = Options {
                            kind: None,
                            limit: Some(SEARCH_LIMIT),
                        };
                        worker.submit(&query, options);
                    }
                    Some(Effect::Copy(text)) => {
                        let report = clipboard.copy(&text);
                        update(&mut state, &index, Action::Copied(report));
                    }
                    Some(Effect::Open(url)) => {
                        state.status = Some(match crate::opener::open(&url) {
                            Ok(program) => format!("Opening {url} with {program}"),
                            Err(e) => format!("Cannot open the URL: {e}; O copies it"),
                        });
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

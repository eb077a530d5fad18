//! Render tests: frames drawn into ratatui's TestBackend, asserted as a user
//! would read them.

mod common;

use std::time::Duration;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use reactions::index::Index;
use reactions::load::load_embedded;
use reactions::search::{Options, Searcher};
use reactions::tui::action::{Action, Mode};
use reactions::tui::keymap;
use reactions::tui::state::AppState;
use reactions::tui::update::update;
use reactions::tui::view;
use reactions::worker::Response;

fn index() -> Index {
    load_embedded().unwrap()
}

fn render(state: &AppState, index: &Index, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(f, state, index)).unwrap();
    terminal.backend().buffer().clone()
}

fn lines(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            // A wide character covers the next cell too: skip that one, so
            // the line reads as the terminal shows it.
            let mut line = String::new();
            let mut x = 0;
            while x < area.width {
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                x += reactions::text::width(symbol).max(1) as u16;
            }
            line
        })
        .collect()
}

fn screen(state: &AppState, index: &Index, w: u16, h: u16) -> String {
    lines(&render(state, index, w, h)).join("\n")
}

fn state_at(index: &Index, w: u16, h: u16) -> AppState {
    AppState::new(index, w, h)
}

fn search(state: &mut AppState, index: &Index, query: &str) {
    update(state, index, Action::OpenSearch);
    for c in query.chars() {
        update(state, index, Action::SearchInput(c));
    }
    common::deliver_search(state, index, query);
}

#[test]
fn wide_screen_shows_every_pane() {
    let index = index();
    let state = state_at(&index, 120, 40);
    let s = screen(&state, &index, 120, 40);
    let l: Vec<&str> = s.lines().collect();
    assert!(
        l[0].contains(
            "On Kim Jong-un’s Visit to Russia, Part Five: Reactions — Konstantin Asmolov"
        )
    );
    assert!(l[1].contains("Categories") && l[1].contains("Quotes (79)"));
    assert!(l[2].contains("▸ All") && l[2].trim_end().ends_with("│"));
    assert!(s.contains("Official reactions") && s.contains("Practical conclusions"));
    assert!(s.contains("Experts (39)"));
    assert!(s.contains("John Kirby") && s.contains("official  2"));
    assert!(s.contains("Detail"));
    assert!(s.contains("In context"));
    assert!(l[39].contains("/ search") && l[39].contains("? help"));
}

#[test]
fn classic_terminal_80x24() {
    let index = index();
    let state = state_at(&index, 80, 24);
    let s = screen(&state, &index, 80, 24);
    let l: Vec<&str> = s.lines().collect();
    assert!(l[1].contains("Categories") && l[1].contains("Quotes (79)"));
    // One-line quote rows: "Name: text…".
    assert!(l[2].contains("▸ John Kirby: On September 13"));
    assert!(s.contains("Experts (39)"));
    assert!(s.contains("Detail"));
    assert!(s.contains("Coordinator for the US National Security Council"));
    insta::assert_snapshot!("main_80x24", s);
}

#[test]
fn narrow_terminal_stacks_panes_and_drops_context() {
    let index = index();
    let state = state_at(&index, 50, 40);
    let s = screen(&state, &index, 50, 40);
    let row = |needle: &str| s.lines().position(|l| l.contains(needle)).unwrap();
    assert!(row("Categories") < row("Experts") && row("Experts") < row("Quotes (79)"));
    assert!(row("Quotes (79)") < row("Detail"));
    assert!(!s.contains("In context"));
}

#[test]
fn key_hints_are_whole_and_keep_help_and_quit_at_any_width() {
    let index = index();
    for w in 30..=140 {
        let state = state_at(&index, w, 30);
        let s = screen(&state, &index, w, 30);
        let footer = s.lines().last().unwrap().trim_end();
        assert!(footer.ends_with("? help · q quit"), "{w}: {footer}");
        // Every hint is whole: a key and its word, separated by " · ".
        for hint in footer.trim_start().split(" · ") {
            assert!(
                [
                    "↑↓ move",
                    "Enter experts",
                    "←→ panes",
                    "/ search",
                    "y copy",
                    "s stats",
                    "? help",
                    "q quit"
                ]
                .contains(&hint),
                "{w}: {hint:?} in {footer}"
            );
        }
    }
}

#[test]
fn too_small() {
    let index = index();
    let state = state_at(&index, 29, 8);
    let s = screen(&state, &index, 29, 8);
    assert!(s.contains("Terminal too small"), "{s}");
    let s = screen(&state, &index, 1, 1);
    assert_eq!(s, "T");
}

#[test]
fn search_popup_highlights_matches() {
    let index = index();
    let mut state = state_at(&index, 120, 40);
    search(&mut state, &index, "lankov");
    let buffer = render(&state, &index, 120, 40);
    let l = lines(&buffer);
    let query_row = l.iter().position(|r| r.contains("> lankov")).unwrap();
    assert!(l[query_row + 1].contains("3/3"), "{}", l[query_row + 1]);
    let first = &l[query_row + 2];
    assert!(
        first.contains("▸ expert") && first.contains("Andrei Lankov"),
        "{first}"
    );
    assert!(l[query_row + 3].contains("quote") && l[query_row + 3].contains("Andrei Lankov:"));
    // The six letters of "Lankov" in the name are highlighted.
    let y = (query_row + 2) as u16;
    let start = first.chars().position(|c| c == 'L').unwrap() as u16;
    for x in start..start + 6 {
        let cell = &buffer[(x, y)];
        assert!(
            cell.modifier.contains(Modifier::UNDERLINED),
            "{x}: {:?}",
            cell
        );
    }
    assert!(
        !buffer[(start - 1, y)]
            .modifier
            .contains(Modifier::UNDERLINED)
    );
}

#[test]
fn a_long_query_scrolls_to_keep_the_cursor_in_view() {
    use reactions::tui::state::CaretMove;
    let index = index();
    let mut state = state_at(&index, 60, 20);
    search(
        &mut state,
        &index,
        "korea russia china japan ukraine europe america poland seoul moscow beijing tokyo kyiv warsaw",
    );
    let cursor = |state: &AppState| {
        let mut terminal = Terminal::new(TestBackend::new(60, 20)).unwrap();
        let frame = terminal.draw(|f| view::draw(f, state, &index)).unwrap();
        let l = lines(frame.buffer);
        let mut t = terminal;
        (t.get_cursor_position().unwrap(), l)
    };
    // At the end: the tail of the query shows, the cursor after it.
    let (at, l) = cursor(&state);
    let row = &l[at.y as usize];
    assert!(row.contains("beijing tokyo kyiv warsaw"), "{row}");
    assert!(!row.contains("korea"), "{row}");
    let before: String = row.chars().take(at.x as usize).collect();
    assert!(before.ends_with("kyiv warsaw"), "{before:?}");
    // At the start: the head of the query shows, the cursor on its first
    // letter.
    update(&mut state, &index, Action::SearchCaret(CaretMove::Start));
    let (at, l) = cursor(&state);
    let row = &l[at.y as usize];
    assert!(row.contains("> korea russia"), "{row}");
    assert_eq!(row.chars().nth(at.x as usize), Some('k'));
}

#[test]
fn detail_after_jump_shows_lankov_in_context() {
    let index = index();
    let mut state = state_at(&index, 120, 40);
    search(&mut state, &index, "lankov");
    update(&mut state, &index, Action::Enter);
    let s = screen(&state, &index, 120, 40);
    assert!(s.contains("Quotes of Andrei Lankov (2)"));
    assert!(s.contains("Kunming University"));
    assert!(s.contains("usually written Kookmin University"));
    assert!(s.contains("Lankov argues that the unprecedented level"));
    assert!(s.contains("Against this background, the position of Andrei Lankov"));
}

#[test]
fn help_lists_every_key() {
    let index = index();
    let mut state = state_at(&index, 200, 60);
    update(&mut state, &index, Action::ToggleHelp);
    let s = screen(&state, &index, 200, 60);
    // Every row of the key map, as the help overlay reads it (a long
    // description wraps, so its start is looked for).
    for mode in [Mode::Normal, Mode::Search, Mode::Overlay] {
        for (keys, what) in keymap::help_rows(mode) {
            assert!(s.contains(keys), "{keys}");
            let start: String = what.chars().take(40).collect();
            let start = start.rsplit_once(' ').map_or(start.as_str(), |p| p.0);
            assert!(s.contains(start), "{start}");
        }
    }
    assert!(s.contains("OSC 52"));
}

#[test]
fn stats_show_charts_and_timeline() {
    let index = index();
    let mut state = state_at(&index, 120, 40);
    update(&mut state, &index, Action::ToggleStats);
    let s = screen(&state, &index, 120, 40);
    assert!(s.contains("Quotes per category"));
    assert!(s.contains("Official reactions") && s.contains("12 █"));
    assert!(s.contains("Quotes per kind of speaker"));
    assert!(s.contains("academic (9)"));
    assert!(s.contains("Dated statements") && s.contains("13 Sep John Kirby, Antony Blinken"));
    assert!(s.contains("●"));
}

#[test]
fn no_color_uses_no_colours() {
    let index = index();
    let mut state = state_at(&index, 120, 40);
    state.color = false;
    search(&mut state, &index, "lankov");
    let buffer = render(&state, &index, 120, 40);
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    state.color = true;
    let buffer = render(&state, &index, 120, 40);
    assert!(buffer.content.iter().any(|c| c.fg != Color::Reset));
}

#[test]
fn hostile_text_is_drawn_visibly_not_executed() {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../data/asmolov-2023-10-11.json")).unwrap();
    v["speakers"][0]["name"] = "Evil\u{1b}]2;HACKED\u{7}\u{1b}[2J\u{9b}31m".into();
    v["quotes"][0]["note"] = "bell\u{7}".into();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.json"), v.to_string()).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/asmolov-2023-10-11-kim-visit-part-5.txt"
        ),
        dir.path().join("asmolov-2023-10-11-kim-visit-part-5.txt"),
    )
    .unwrap();
    let index = reactions::load::load_paths(&[dir.path().join("d.json")]).unwrap();
    let state = state_at(&index, 120, 40);
    let buffer = render(&state, &index, 120, 40);
    for cell in buffer.content.iter() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "{:?}",
            cell.symbol()
        );
    }
    let s = lines(&buffer).join("\n");
    assert!(s.contains("Evil␛]2;HACKED␇␛[2J�31m"), "{s}");
}

#[test]
fn every_size_up_to_200x60_renders() {
    let index = index();
    let mut state = state_at(&index, 1, 1);
    let mut terminal = Terminal::new(TestBackend::new(1, 1)).unwrap();
    for w in 1..=200u16 {
        for h in 1..=60u16 {
            update(&mut state, &index, Action::Resize(w, h));
            terminal.backend_mut().resize(w, h);
            terminal
                .resize(ratatui::layout::Rect::new(0, 0, w, h))
                .unwrap();
            terminal.draw(|f| view::draw(f, &state, &index)).unwrap();
        }
    }
}

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::PageDown),
        Just(Action::PageUp),
        Just(Action::HalfPageDown),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::NextPane),
        Just(Action::PrevPane),
        Just(Action::Enter),
        Just(Action::Back),
        Just(Action::OpenSearch),
        Just(Action::ToggleHelp),
        Just(Action::ToggleStats),
        Just(Action::CopyPlain),
        Just(Action::NextOfSpeaker),
        Just(Action::PrevOfSpeaker),
        Just(Action::SearchBackspace),
        Just(Action::SearchDeleteWord),
        prop::char::range('a', 'z').prop_map(Action::SearchInput),
        (0u16..220, 0u16..70).prop_map(|(x, y)| Action::Click(x, y)),
        (0u16..220, 0u16..70).prop_map(|(x, y)| Action::ScrollDown(x, y)),
        (0u16..220, 0u16..70).prop_map(|(x, y)| Action::ScrollUp(x, y)),
        (1u16..220, 1u16..70).prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// No sequence of keys, clicks and resizes panics, in update or in view.
    #[test]
    fn any_sequence_renders(actions in prop::collection::vec(any_action(), 1..60)) {
        let index = index();
        let mut state = state_at(&index, 80, 24);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        for action in actions {
            let resize = if let Action::Resize(w, h) = action { Some((w, h)) } else { None };
            let effect = update(&mut state, &index, action);
            if let Some(reactions::tui::update::Effect::Search(q)) = effect {
                let results = Searcher::default().run(&index, &q, Options::default(), &|| false).unwrap();
                update(&mut state, &index, Action::SearchResults(Response {
                    generation: 0, query: q, results, elapsed: Duration::ZERO,
                }));
            }
            if let Some((w, h)) = resize {
                terminal.backend_mut().resize(w, h);
                terminal.resize(ratatui::layout::Rect::new(0, 0, w, h)).unwrap();
            }
            terminal.draw(|f| view::draw(f, &state, &index)).unwrap();
        }
    }
}

/// The bundled dataset with the first speaker renamed `name`, loaded.
fn with_first_speaker_named(name: &str) -> Index {
    let mut v = common::bundled_json();
    v["speakers"][0]["name"] = name.into();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.json");
    std::fs::write(&path, v.to_string()).unwrap();
    reactions::load::load_paths(&[path]).unwrap()
}

#[test]
fn wide_characters_keep_rows_whole_at_80x24() {
    let index = with_first_speaker_named("文在寅 (ムン・ジェイン) 大統領 大韓民国 前大統領");
    let mut state = state_at(&index, 80, 24);
    let s = screen(&state, &index, 80, 24);
    let expert = s
        .lines()
        .find(|l| l.contains("文在寅"))
        .expect("the expert row");
    // The name is cut with … and the count column stays at the border.
    assert!(expert.contains('…'), "{expert}");
    let row = expert.split('│').nth(1).unwrap();
    assert!(row.trim_end().ends_with(char::is_numeric), "{expert}");
    // Every row is exactly as wide as the screen: nothing spills.
    for line in s.lines() {
        assert_eq!(reactions::text::width(line), 80, "{line}");
    }
    // In the one-line Quotes rows and in the search popup, the row ends
    // with … rather than at the border.
    update(&mut state, &index, Action::NextPane);
    update(&mut state, &index, Action::NextPane);
    let s = screen(&state, &index, 80, 24);
    let quote = s.lines().find(|l| l.contains("文在寅")).unwrap();
    assert!(quote.contains('…'), "{quote}");
    search(&mut state, &index, "kirby");
    let s = screen(&state, &index, 80, 24);
    let hit = s.lines().find(|l| l.contains("quote ")).unwrap();
    assert!(hit.trim_end_matches(['│', ' ']).ends_with('…'), "{hit}");
}

#[test]
fn marks_are_drawn_in_the_lists_and_counted_in_the_footer() {
    let index = index();
    let mut state = state_at(&index, 120, 40);
    state.focus = reactions::tui::state::Pane::Quotes;
    update(&mut state, &index, Action::Mark);
    update(&mut state, &index, Action::Mark);
    let s = screen(&state, &index, 120, 40);
    assert_eq!(s.matches(" •").count() + s.matches("▸•").count(), 2, "{s}");
    assert!(s.lines().last().unwrap().trim_end().ends_with("2 marked"));
    insta::assert_snapshot!("marks_80x24", screen(&state, &index, 80, 24));
}

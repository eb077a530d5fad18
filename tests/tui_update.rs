//! The explorer's logic, driven by actions without a terminal: selection,
//! focus, search and jump, copy with a fake clipboard.

mod common;

use reactions::clipboard::{Clipboard, FakeClipboard};
use reactions::ids::{CategoryId, QuoteId};
use reactions::index::Index;
use reactions::load::load_embedded;
use reactions::tui::action::Action;
use reactions::tui::state::{AppState, Overlay, Pane};
use reactions::tui::update::{Effect, update};

fn setup() -> (Index, AppState) {
    let index = load_embedded().unwrap();
    let state = AppState::new(&index, 120, 40);
    (index, state)
}

/// Applies actions in order, returning the last effect.
fn run(state: &mut AppState, index: &Index, actions: Vec<Action>) -> Option<Effect> {
    let mut last = None;
    for a in actions {
        last = update(state, index, a);
    }
    last
}

/// Types `query` into the open search and delivers its results, as the
/// event loop would.
fn search(state: &mut AppState, index: &Index, query: &str) {
    let mut effect = update(state, index, Action::OpenSearch);
    for c in query.chars() {
        effect = update(state, index, Action::SearchInput(c));
    }
    assert_eq!(effect, Some(Effect::Search(query.to_string())));
    deliver(state, index, query);
}

fn deliver(state: &mut AppState, index: &Index, query: &str) {
    common::deliver_search(state, index, query);
}

fn selected_speaker(state: &AppState, index: &Index) -> Option<String> {
    state.expert().map(|s| index.speaker(s).data.id.clone())
}

fn selected_quote(state: &AppState, index: &Index) -> Option<String> {
    state.quote().map(|q| index.quote(q).id.clone())
}

#[test]
fn starts_with_everything_listed() {
    let (index, state) = setup();
    assert_eq!(state.focus, Pane::Categories);
    assert_eq!(state.category(), None);
    assert_eq!(state.expert(), None);
    assert_eq!(state.quote_rows.len(), index.quote_total());
    assert_eq!(state.expert_rows.len(), index.speakers().len());
    assert_eq!(selected_quote(&state, &index).as_deref(), Some("kirby-1"));
}

#[test]
fn choosing_a_category_narrows_experts_and_quotes() {
    let (index, mut state) = setup();
    // Down to the first category: official reactions.
    run(&mut state, &index, vec![Action::Down]);
    assert_eq!(
        index.category(state.category().unwrap()).data.id,
        "official"
    );
    assert!(
        state
            .quote_rows
            .iter()
            .all(|&q| index.quote(q).category == CategoryId::new(0))
    );
    let names: Vec<&str> = state
        .expert_rows
        .iter()
        .map(|&s| index.speaker(s).data.name.as_str())
        .collect();
    assert_eq!(
        names[..3],
        ["John Kirby", "Antony Blinken", "Matthew Miller"]
    );
    // Enter goes to the experts; pick Kirby: only his official quote.
    run(&mut state, &index, vec![Action::Enter, Action::Down]);
    assert_eq!(state.focus, Pane::Experts);
    assert_eq!(selected_speaker(&state, &index).as_deref(), Some("kirby"));
    assert_eq!(state.quote_rows.len(), 1);
    // Enter twice: quotes, then the detail; Esc goes back.
    run(&mut state, &index, vec![Action::Enter, Action::Enter]);
    assert_eq!(state.focus, Pane::Detail);
    run(&mut state, &index, vec![Action::Back, Action::Back]);
    assert_eq!(state.focus, Pane::Experts);
    // Bottom and top of the categories.
    run(&mut state, &index, vec![Action::PrevPane, Action::Bottom]);
    assert_eq!(
        index.category(state.category().unwrap()).data.id,
        "conclusions"
    );
    run(&mut state, &index, vec![Action::Top]);
    assert_eq!(state.category(), None);
}

#[test]
fn tab_cycles_panes_and_moves_clamp() {
    let (index, mut state) = setup();
    let mut seen = vec![];
    for _ in 0..4 {
        seen.push(state.focus);
        update(&mut state, &index, Action::NextPane);
    }
    assert_eq!(
        seen,
        [Pane::Categories, Pane::Experts, Pane::Quotes, Pane::Detail]
    );
    assert_eq!(state.focus, Pane::Categories);
    update(&mut state, &index, Action::PrevPane);
    assert_eq!(state.focus, Pane::Detail);
    // Up at the top stays; PageDown past the end stops at the last quote.
    run(
        &mut state,
        &index,
        vec![Action::PrevPane, Action::Up, Action::PageDown],
    );
    assert_eq!(state.focus, Pane::Quotes);
    let page = state.quotes.selected;
    assert!(page > 1, "a page is more than one row");
    run(&mut state, &index, vec![Action::HalfPageDown]);
    assert_eq!(state.quotes.selected, page + page / 2);
    run(
        &mut state,
        &index,
        (0..40).map(|_| Action::PageDown).collect(),
    );
    assert_eq!(state.quotes.selected, index.quote_total() - 1);
    // The selection stays on screen.
    assert!(state.quotes.offset <= state.quotes.selected);
    assert!(state.quotes.offset > 0);
}

#[test]
fn search_lankov_and_jump_to_the_expert() {
    let (index, mut state) = setup();
    search(&mut state, &index, "lankov");
    let Overlay::Search(s) = &state.overlay else {
        panic!("search is open")
    };
    assert_eq!(
        index.speaker(s.hits[0].speaker().unwrap()).data.name,
        "Andrei Lankov"
    );
    update(&mut state, &index, Action::Enter);
    assert!(matches!(state.overlay, Overlay::None));
    // Focus goes on to his quotes.
    assert_eq!(state.focus, Pane::Quotes);
    assert_eq!(state.category(), None);
    assert_eq!(selected_speaker(&state, &index).as_deref(), Some("lankov"));
    assert_eq!(state.quote_rows.len(), 2);
    assert_eq!(selected_quote(&state, &index).as_deref(), Some("lankov-1"));
}

#[test]
fn search_by_alias_and_jump_to_a_quote() {
    let (index, mut state) = setup();
    search(&mut state, &index, "cynkin");
    update(&mut state, &index, Action::Enter);
    assert_eq!(selected_speaker(&state, &index).as_deref(), Some("shinkin"));

    search(&mut state, &index, "colder now than");
    update(&mut state, &index, Action::Enter);
    assert_eq!(state.focus, Pane::Quotes);
    assert_eq!(selected_quote(&state, &index).as_deref(), Some("merrill-2"));
    assert_eq!(
        index.category(state.category().unwrap()).data.id,
        "alliance"
    );
    assert_eq!(selected_speaker(&state, &index).as_deref(), Some("merrill"));
}

#[test]
fn search_selection_and_category_jump() {
    let (index, mut state) = setup();
    search(&mut state, &index, "china");
    let Overlay::Search(s) = &state.overlay else {
        panic!()
    };
    let row = s
        .hits
        .iter()
        .position(|h| h.kind() == reactions::search::HitKind::Category)
        .unwrap();
    for _ in 0..row {
        update(&mut state, &index, Action::Down);
    }
    update(&mut state, &index, Action::Enter);
    assert_eq!(state.focus, Pane::Categories);
    assert_eq!(index.category(state.category().unwrap()).data.id, "china");
}

#[test]
fn stale_results_are_never_shown() {
    let (index, mut state) = setup();
    update(&mut state, &index, Action::OpenSearch);
    for c in "lank".chars() {
        update(&mut state, &index, Action::SearchInput(c));
    }
    // Results of an older query arrive late: ignored.
    deliver(&mut state, &index, "la");
    let Overlay::Search(s) = &state.overlay else {
        panic!()
    };
    assert!(s.hits.is_empty() && s.pending());
    // Enter does nothing while the results are not those of the query.
    update(&mut state, &index, Action::Enter);
    assert!(matches!(state.overlay, Overlay::Search(_)));
    deliver(&mut state, &index, "lank");
    let Overlay::Search(s) = &state.overlay else {
        panic!()
    };
    assert!(!s.pending() && !s.hits.is_empty());
}

#[test]
fn editing_the_query() {
    let (index, mut state) = setup();
    update(&mut state, &index, Action::OpenSearch);
    for c in "john merrill".chars() {
        update(&mut state, &index, Action::SearchInput(c));
    }
    let e = update(&mut state, &index, Action::SearchDeleteWord);
    assert_eq!(e, Some(Effect::Search("john ".into())));
    let e = update(&mut state, &index, Action::SearchBackspace);
    assert_eq!(e, Some(Effect::Search("john".into())));
    let e = update(
        &mut state,
        &index,
        Action::SearchPaste("\u{1b}[31m ki\nrby".into()),
    );
    assert_eq!(e, Some(Effect::Search("john[31m ki rby".into())));
    let e = update(&mut state, &index, Action::SearchClear);
    assert_eq!(
        e,
        Some(Effect::Search(String::new())),
        "an empty query lists everything"
    );
    update(&mut state, &index, Action::Back);
    assert!(matches!(state.overlay, Overlay::None));
}

#[test]
fn the_query_is_edited_at_the_cursor() {
    use reactions::tui::state::CaretMove::*;
    let (index, mut state) = setup();
    update(&mut state, &index, Action::OpenSearch);
    let query = |state: &AppState| match &state.overlay {
        Overlay::Search(s) => (s.query.clone(), s.caret),
        _ => panic!("search closed"),
    };
    let mut go = |a: Action| update(&mut state, &index, a);
    for c in "lnkov ammo".chars() {
        go(Action::SearchInput(c));
    }
    go(Action::SearchCaret(WordLeft));
    go(Action::SearchCaret(WordLeft));
    go(Action::SearchCaret(Right));
    let e = go(Action::SearchInput('a'));
    assert_eq!(e, Some(Effect::Search("lankov ammo".into())));
    // A word right: past "nkov"; Ctrl-w there deletes "lankov".
    go(Action::SearchCaret(WordRight));
    let e = go(Action::SearchDeleteWord);
    assert_eq!(e, Some(Effect::Search(" ammo".into())));
    let e = go(Action::SearchDelete);
    assert_eq!(e, Some(Effect::Search("ammo".into())));
    go(Action::SearchCaret(End));
    go(Action::SearchBackspace);
    go(Action::SearchPaste("unition".into()));
    go(Action::SearchCaret(Start));
    let e = go(Action::SearchPaste("grossi ".into()));
    assert_eq!(e, Some(Effect::Search("grossi ammunition".into())));
    // Characters of several bytes: the cursor steps over them whole.
    go(Action::SearchCaret(End));
    go(Action::SearchInput('é'));
    go(Action::SearchCaret(Left));
    go(Action::SearchInput('’'));
    go(Action::SearchCaret(Right));
    let e = go(Action::SearchBackspace);
    assert_eq!(e, Some(Effect::Search("grossi ammunition’".into())));
    // Moves at either end stay put; Ctrl-u deletes what is before the cursor.
    go(Action::SearchCaret(Right));
    go(Action::SearchCaret(WordLeft));
    let e = go(Action::SearchClear);
    assert_eq!(e, Some(Effect::Search("ammunition’".into())));
    go(Action::SearchCaret(Left));
    assert_eq!(query(&state), ("ammunition’".to_string(), 0));
    let e = update(&mut state, &index, Action::SearchBackspace);
    assert_eq!(e, None, "nothing before the cursor");
}

#[test]
fn copy_gives_the_quote_with_its_attribution() {
    let (index, mut state) = setup();
    search(&mut state, &index, "lankov");
    run(&mut state, &index, vec![Action::Enter, Action::Down]);
    assert_eq!(selected_quote(&state, &index).as_deref(), Some("lankov-2"));
    let Some(Effect::Copy(text)) = update(&mut state, &index, Action::CopyPlain) else {
        panic!("y copies")
    };
    let mut clipboard = FakeClipboard::default();
    let report = clipboard.copy(&text);
    update(&mut state, &index, Action::Copied(report));
    let expected = reactions::format::quote(
        &index,
        state.quote().unwrap(),
        reactions::format::Format::Plain,
    );
    assert_eq!(clipboard.copied, [expected.trim_end().to_string()]);
    assert!(text.starts_with("“South Korea is being made to understand"));
    assert!(text.contains("\n— Andrei Lankov, "));
    assert!(
        text.ends_with("11 October 2023, “On Kim Jong-un’s Visit to Russia, Part Five: Reactions”")
    );
    let status = state.status.clone().unwrap();
    assert_eq!(
        status,
        format!(
            "Copied 1 quote ({} characters): test clipboard",
            text.chars().count()
        )
    );
    // The status clears on the next key.
    update(&mut state, &index, Action::Up);
    assert_eq!(state.status, None);
    update(&mut state, &index, Action::Down);

    let Some(Effect::Copy(md)) = update(&mut state, &index, Action::CopyMarkdown) else {
        panic!()
    };
    assert!(md.starts_with("> “"));
    assert!(md.contains("**Andrei Lankov**"));
}

#[test]
fn copy_with_nothing_selected_says_so() {
    let (index, mut state) = setup();
    state.quote_rows.clear();
    assert_eq!(update(&mut state, &index, Action::CopyPlain), None);
    assert!(state.status.as_deref().unwrap().contains("nothing to copy"));
}

#[test]
fn next_and_previous_quote_of_the_same_speaker() {
    let (index, mut state) = setup();
    search(&mut state, &index, "shinkin");
    run(&mut state, &index, vec![Action::Enter]);
    // Under "All" categories all five are listed; n walks them.
    let mut ids = vec![selected_quote(&state, &index).unwrap()];
    for _ in 0..5 {
        update(&mut state, &index, Action::NextOfSpeaker);
        ids.push(selected_quote(&state, &index).unwrap());
    }
    assert_eq!(
        ids,
        [
            "shinkin-1",
            "shinkin-2",
            "shinkin-3",
            "shinkin-4",
            "shinkin-5",
            "shinkin-5"
        ]
    );
    assert!(
        state
            .status
            .as_deref()
            .unwrap()
            .contains("last quote of Thomas Shinkin")
    );
    // From a category view, n crosses into the next category.
    let (index, mut state) = setup();
    search(&mut state, &index, "windows of opportunity");
    update(&mut state, &index, Action::Enter);
    assert_eq!(selected_quote(&state, &index).as_deref(), Some("shinkin-2"));
    update(&mut state, &index, Action::NextOfSpeaker);
    assert_eq!(selected_quote(&state, &index).as_deref(), Some("shinkin-3"));
    assert_eq!(index.category(state.category().unwrap()).data.id, "china");
    update(&mut state, &index, Action::PrevOfSpeaker);
    assert_eq!(selected_quote(&state, &index).as_deref(), Some("shinkin-2"));
}

#[test]
fn mouse_click_focuses_and_selects_wheel_scrolls() {
    let (index, mut state) = setup();
    // At 120x40 the Categories pane starts at row 1; its rows start at 2.
    update(&mut state, &index, Action::Click(5, 4)); // third row: category 2
    assert_eq!(state.focus, Pane::Categories);
    assert_eq!(state.categories.selected, 2);
    assert_eq!(
        index.category(state.category().unwrap()).data.id,
        "arms-deal"
    );
    // A click in the Quotes pane (right column) focuses it.
    update(&mut state, &index, Action::Click(60, 2));
    assert_eq!(state.focus, Pane::Quotes);
    update(&mut state, &index, Action::ScrollDown(60, 5));
    assert_eq!(state.quotes.selected, 1);
    // The wheel over the detail scrolls it.
    update(&mut state, &index, Action::ScrollDown(60, 30));
    assert!(state.detail_scroll > 0 || state.quote().is_some());
}

#[test]
fn help_and_stats_open_and_close() {
    let (index, mut state) = setup();
    update(&mut state, &index, Action::ToggleHelp);
    assert!(matches!(state.overlay, Overlay::Help(0)));
    // As the event loop does: the view measures how far the help scrolls.
    let measure = |state: &mut AppState| {
        reactions::tui::view::measure(state, &index);
    };
    measure(&mut state);
    let max = state.overlay_max_scroll;
    assert!(
        max > 0,
        "the help is longer than its box at {}x{}",
        state.width,
        state.height
    );
    update(&mut state, &index, Action::Down);
    assert!(matches!(state.overlay, Overlay::Help(1)));
    // Never past the end: j a hundred times stops at the last line, G goes
    // there, k comes back at once.
    for _ in 0..100 {
        update(&mut state, &index, Action::Down);
    }
    assert!(matches!(state.overlay, Overlay::Help(s) if s == max));
    update(&mut state, &index, Action::Top);
    update(&mut state, &index, Action::Bottom);
    assert!(matches!(state.overlay, Overlay::Help(s) if s == max));
    update(&mut state, &index, Action::Up);
    assert!(matches!(state.overlay, Overlay::Help(s) if s + 1 == max));
    update(&mut state, &index, Action::ToggleStats);
    assert!(matches!(state.overlay, Overlay::Stats(0)));
    update(&mut state, &index, Action::Back);
    assert!(matches!(state.overlay, Overlay::None));
    assert_eq!(update(&mut state, &index, Action::Quit), Some(Effect::Quit));
}

#[test]
fn resize_keeps_the_selection_visible() {
    let (index, mut state) = setup();
    run(
        &mut state,
        &index,
        vec![Action::NextPane, Action::NextPane, Action::Bottom],
    );
    update(&mut state, &index, Action::Resize(60, 12));
    update(&mut state, &index, Action::Up);
    let sel = state.quotes.selected;
    assert!(state.quotes.offset <= sel && sel < state.quotes.offset + 12);
}

#[test]
fn tab_marks_and_moves_on_and_y_copies_every_marked_quote() {
    let (index, mut state) = setup();
    state.focus = Pane::Quotes;
    run(
        &mut state,
        &index,
        vec![Action::Mark, Action::Mark, Action::Mark],
    );
    assert_eq!(
        state.marks.iter().map(|q| q.get()).collect::<Vec<_>>(),
        [0, 1, 2]
    );
    assert_eq!(state.quotes.selected, 3);
    // Tab again on a marked quote unmarks it.
    run(&mut state, &index, vec![Action::Up, Action::Mark]);
    assert_eq!(state.marks.len(), 2);
    let Some(Effect::Copy(text)) = update(&mut state, &index, Action::CopyPlain) else {
        panic!("y copies");
    };
    assert_eq!(
        text,
        reactions::format::cite(
            &index,
            &[QuoteId::new(0), QuoteId::new(1)],
            reactions::format::CitationStyle::Plain,
        )
        .trim_end()
    );
    let mut clipboard = FakeClipboard::default();
    let report = clipboard.copy(&text);
    update(&mut state, &index, Action::Copied(report));
    assert!(
        state
            .status
            .as_deref()
            .unwrap()
            .starts_with("Copied 2 quotes ("),
        "{:?}",
        state.status
    );
    update(&mut state, &index, Action::ClearMarks);
    assert!(state.marks.is_empty());
}

#[test]
fn tab_on_an_expert_marks_all_their_quotes_and_esc_in_categories_clears() {
    let (index, mut state) = setup();
    state.focus = Pane::Experts;
    update(&mut state, &index, Action::Down); // the first expert
    let s = state.expert().unwrap();
    let theirs = index.quotes_by_speaker(s).to_vec();
    update(&mut state, &index, Action::Mark);
    assert_eq!(state.marks.iter().copied().collect::<Vec<_>>(), theirs);
    assert!(state.status.as_deref().unwrap().starts_with("Marked"));
    state.focus = Pane::Categories;
    update(&mut state, &index, Action::Back);
    assert!(state.marks.is_empty());
}

#[test]
fn tab_in_the_search_marks_the_hit_and_c_cycles_the_style() {
    let (index, mut state) = setup();
    search(&mut state, &index, "lankov");
    // The first hit is the expert: all his quotes; the next are quotes.
    update(&mut state, &index, Action::Mark);
    let s = index
        .speakers_in_order()
        .iter()
        .copied()
        .find(|&s| index.speaker(s).data.name == "Andrei Lankov")
        .unwrap();
    assert_eq!(state.marks.len(), index.quotes_by_speaker(s).len());
    let Overlay::Search(search) = &state.overlay else {
        panic!("the search stays open")
    };
    assert_eq!(search.cursor.selected, 1);
    update(&mut state, &index, Action::Back);
    update(&mut state, &index, Action::CycleStyle);
    assert_eq!(state.style, reactions::format::CitationStyle::Markdown);
    assert!(state.status.as_deref().unwrap().contains("Markdown"));
}

#[test]
fn o_asks_to_open_the_source_or_says_there_is_none() {
    let (index, mut state) = setup();
    state.focus = Pane::Quotes;
    let effect = update(&mut state, &index, Action::OpenUrl);
    match reactions::tui::update::source_url(&index, QuoteId::new(0)) {
        Some(url) => assert_eq!(effect, Some(Effect::Open(url))),
        None => {
            assert_eq!(effect, None);
            assert!(state.status.as_deref().unwrap().contains("no URL"));
        }
    }
}

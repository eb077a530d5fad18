//! The CLI subcommands. Each writes its results to any `Write`, so tests can
//! read them and `main` can point them at stdout.

use std::io::{self, Write};

use serde_json::json;

use crate::cli::{EvalArgs, ImportArgs, QuotesArgs, SearchArgs, ShowArgs, SpeakersArgs};
use crate::error::{Diagnostic, LoadError, LookupError};
use crate::ids::{QuoteId, SpeakerId};
use crate::index::Index;
use crate::load::{self, LoadedDataset};
use crate::search::{Hit, HitKind, Options, Searcher, Target};
use crate::{eval, format};

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Lookup(#[from] LookupError),
    #[error(transparent)]
    Io(#[from] io::Error),
    /// A file could not be read, imported or written.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The search query cannot be parsed.
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
}

/// How a command ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Results were printed.
    Found,
    /// Nothing matched (exit code 1, like grep and fzf).
    NothingFound,
}

type Result<T = Outcome> = std::result::Result<T, CommandError>;

/// Text of a record on one line: line breaks become spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Name — role, affiliation`
pub fn speaker_label(index: &Index, s: SpeakerId) -> String {
    let d = &index.speaker(s).data;
    match d.about() {
        about if about.is_empty() => d.name.clone(),
        about => format!("{} — {about}", d.name),
    }
}

/// Writes `value` as pretty JSON and a line break.
fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::from)?;
    writeln!(out, "{text}")?;
    Ok(())
}

/// A search hit's id and one-line text.
pub fn hit_line(index: &Index, hit: &Hit) -> (String, String) {
    target_line(index, hit.target)
}

fn target_line(index: &Index, target: Target) -> (String, String) {
    match target {
        Target::Speaker(s) => (index.speaker_id(s), speaker_label(index, s)),
        Target::Category(c) => (index.category_id(c), index.category(c).data.title.clone()),
        Target::Quote(q) => {
            let quote = index.quote(q);
            let name = &index.speaker(quote.speaker).data.name;
            (
                index.quote_id(q),
                format!("{name}: {}", one_line(&quote.text)),
            )
        }
    }
}

/// One line of `reactions search`: kind, id, text; what [`hit_line`] gives,
/// written without building strings (a search may print a million lines).
fn write_hit_line(index: &Index, target: Target, out: &mut impl Write) -> io::Result<()> {
    let Target::Quote(i) = target else {
        let (id, text) = target_line(index, target);
        return writeln!(out, "{}\t{id}\t{text}", target.kind().label());
    };
    let q = index.quote(i);
    let article = &index.article(q.article).meta.id;
    let name = &index.speaker(q.speaker).data.name;
    out.write_all(b"quote\t")?;
    out.write_all(article.as_bytes())?;
    out.write_all(b"/")?;
    out.write_all(q.id.as_bytes())?;
    out.write_all(b"\t")?;
    out.write_all(name.as_bytes())?;
    out.write_all(b": ")?;
    let t = q.text.as_bytes();
    // Text is sanitised: the only white space other than ' ' it can hold is
    // a line break, or non-ASCII spaces.
    let plain = q.text.is_ascii()
        && memchr::memchr(b'\n', t).is_none()
        && memchr::memmem::find(t, b"  ").is_none()
        && t.first() != Some(&b' ')
        && t.last() != Some(&b' ');
    if plain {
        // Already on one line with single spaces: as `one_line` would give it.
        out.write_all(t)?;
    } else {
        for (i, word) in q.text.split_whitespace().enumerate() {
            if i > 0 {
                out.write_all(b" ")?;
            }
            out.write_all(word.as_bytes())?;
        }
    }
    out.write_all(b"\n")
}

/// Select Graphic Rendition codes: the only escape sequences written; every
/// text they surround has been through the sanitiser when it was loaded.
mod sgr {
    pub const RESET: &str = "\x1b[0m";
    /// Matched characters: bold red, as grep and ripgrep show matches.
    pub const MATCH: &str = "\x1b[1;31m";
    pub const SPEAKER: &str = "\x1b[35m";
    pub const CATEGORY: &str = "\x1b[33m";
    pub const QUOTE: &str = "\x1b[32m";
    pub const DIM: &str = "\x1b[2m";
}

/// Writes `chars` (each with whether it is matched), the matched runs in
/// [`sgr::MATCH`].
fn write_marked(out: &mut impl Write, chars: impl Iterator<Item = (char, bool)>) -> io::Result<()> {
    let mut on = false;
    let mut buf = String::new();
    for (c, hit) in chars {
        if hit != on {
            buf.push_str(if hit { sgr::MATCH } else { sgr::RESET });
            on = hit;
        }
        buf.push(c);
    }
    if on {
        buf.push_str(sgr::RESET);
    }
    out.write_all(buf.as_bytes())
}

/// `text`'s characters, marked where their position is in `positions`
/// (ascending).
fn marked<'a>(text: &'a str, positions: &'a [usize]) -> impl Iterator<Item = (char, bool)> + 'a {
    text.chars()
        .enumerate()
        .map(move |(i, c)| (c, positions.binary_search(&i).is_ok()))
}

/// A line of `reactions search` as [`write_hit_line`] writes it, with the
/// kind coloured, the id dimmed and the matched characters highlighted.
fn write_hit_line_colored(index: &Index, hit: &Hit, out: &mut impl Write) -> io::Result<()> {
    use crate::search::Field;
    let none: &[usize] = &[];
    let positions = |f: Field| hit.positions(f).unwrap_or(none);
    let (id, _) = hit_line(index, hit);
    let colour = match hit.kind() {
        HitKind::Speaker => sgr::SPEAKER,
        HitKind::Category => sgr::CATEGORY,
        HitKind::Quote => sgr::QUOTE,
    };
    write!(
        out,
        "{colour}{}{}\t{}{id}{}\t",
        hit.kind().label(),
        sgr::RESET,
        sgr::DIM,
        sgr::RESET
    )?;
    match hit.target {
        Target::Speaker(s) => {
            let d = &index.speaker(s).data;
            write_marked(out, marked(&d.name, positions(Field::Name)))?;
            let about = d.about();
            if !about.is_empty() {
                out.write_all(" — ".as_bytes())?;
                // Where the role and the affiliation are in "role, affiliation".
                let mut marks = vec![false; about.chars().count()];
                for (field, part) in [(Field::Role, &d.role), (Field::Affiliation, &d.affiliation)]
                {
                    let Some(part) = part.as_deref().filter(|p| !p.is_empty()) else {
                        continue;
                    };
                    let at = match field {
                        Field::Role => about.starts_with(part).then_some(0),
                        _ => about.rfind(part),
                    };
                    if let Some(at) = at {
                        let start = about[..at].chars().count();
                        for &p in positions(field) {
                            if let Some(m) = marks.get_mut(start + p) {
                                *m = true;
                            }
                        }
                    }
                }
                write_marked(out, about.chars().zip(marks))?;
            }
        }
        Target::Category(c) => {
            let c = &index.category(c).data;
            write_marked(out, marked(&c.title, positions(Field::Title)))?;
        }
        Target::Quote(q) => {
            let q = index.quote(q);
            let name = &index.speaker(q.speaker).data.name;
            write_marked(out, marked(name, positions(Field::SpeakerName)))?;
            out.write_all(b": ")?;
            // On one line as `one_line` puts it: runs of white space become
            // one space, none at either end; positions follow the text.
            let text = positions(Field::Text);
            let mut chars = Vec::with_capacity(q.text.len());
            let mut space = false;
            for (i, c) in q.text.chars().enumerate() {
                if c.is_whitespace() {
                    space = !chars.is_empty();
                    continue;
                }
                if std::mem::take(&mut space) {
                    chars.push((' ', false));
                }
                chars.push((c, text.binary_search(&i).is_ok()));
            }
            write_marked(out, chars.into_iter())?;
        }
    }
    out.write_all(b"\n")
}

/// `reactions search`; with `color`, the kinds coloured and the matched
/// characters highlighted (the lines are otherwise the same).
pub fn search(index: &Index, args: &SearchArgs, color: bool, out: &mut impl Write) -> Result {
    let query = args.query.join(" ");
    let options = Options {
        kind: args.kind.map(Into::into),
        limit: args.limit,
    };
    // Plain lines show no matched characters: skip finding them.
    let searcher = if args.json || color {
        Searcher::default()
    } else {
        Searcher::without_positions()
    };
    let results = searcher.try_search(index, &query, options)?;
    let hits = results.hits;
    if !args.json {
        for h in &hits {
            if color {
                write_hit_line_colored(index, h, out)?;
            } else {
                write_hit_line(index, h.target, out)?;
            }
        }
    } else {
        let items: Vec<_> = hits
            .iter()
            .map(|h| {
                let (id, text) = hit_line(index, h);
                json!({"kind": h.kind(), "id": id, "score": h.score, "text": text, "matches": h.matches})
            })
            .collect();
        write_json(out, &items)?;
    }
    Ok(if hits.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}

/// `reactions speakers`
pub fn speakers(index: &Index, args: &SpeakersArgs, out: &mut impl Write) -> Result {
    let category = args
        .category
        .as_deref()
        .map(|c| index.find_category(c))
        .transpose()?;
    let list: Vec<SpeakerId> = match category {
        Some(c) => index.speakers_by_category(c).to_vec(),
        None => index.speakers_in_order().to_vec(),
    };
    // In a category, a speaker's quotes there, as the explorer counts them.
    let count = |s: SpeakerId| index.quote_count(s, category);
    if args.json {
        let items: Vec<_> = list
            .iter()
            .map(|&s| {
                let d = &index.speaker(s).data;
                json!({
                    "id": index.speaker_id(s), "name": d.name, "aliases": d.aliases,
                    "role": d.role, "affiliation": d.affiliation,
                    "affiliation_aliases": d.affiliation_aliases, "country": d.country,
                    "kind": d.kind, "quotes": count(s),
                })
            })
            .collect();
        write_json(out, &items)?;
    } else {
        for &s in &list {
            let d = &index.speaker(s).data;
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                index.speaker_id(s),
                d.name,
                d.kind.label(),
                count(s),
                d.about()
            )?;
        }
    }
    Ok(Outcome::Found)
}

/// `reactions categories`
pub fn categories(index: &Index, json_out: bool, out: &mut impl Write) -> Result {
    if json_out {
        let items: Vec<_> = index
            .category_ids()
            .map(|c| {
                let d = &index.category(c).data;
                json!({
                    "id": index.category_id(c), "title": d.title, "summary": d.summary,
                    "order": d.order, "quotes": index.quotes_by_category(c).len(),
                    "speakers": index.speakers_by_category(c).len(),
                })
            })
            .collect();
        write_json(out, &items)?;
    } else {
        for c in index.category_ids() {
            let d = &index.category(c).data;
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                index.category_id(c),
                index.quotes_by_category(c).len(),
                d.title,
                d.summary
            )?;
        }
    }
    Ok(Outcome::Found)
}

/// `reactions quotes`
pub fn quotes(index: &Index, args: &QuotesArgs, out: &mut impl Write) -> Result {
    let speaker = args
        .speaker
        .as_deref()
        .map(|s| index.find_speaker(s))
        .transpose()?;
    let category = args
        .category
        .as_deref()
        .map(|c| index.find_category(c))
        .transpose()?;
    let list: Vec<QuoteId> = index
        .quote_ids()
        .filter(|&q| {
            let place = index.place(q);
            speaker.is_none_or(|s| place.speaker == s)
                && category.is_none_or(|c| place.category == c)
        })
        .collect();
    if args.json {
        let items: Vec<_> = list.iter().map(|&q| format::quote_json(index, q)).collect();
        write_json(out, &items)?;
    } else {
        for &q in &list {
            let quote = index.quote(q);
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                index.quote_id(q),
                index.speaker(quote.speaker).data.name,
                index.category(quote.category).data.id,
                quote.kind.label(),
                one_line(&quote.text)
            )?;
        }
    }
    Ok(Outcome::Found)
}

/// `reactions show`: the quotes in the order given, each with its
/// attribution, and one source for each article (see
/// [`format::cite_with`]); with `--format json`, an object for one quote and
/// an array for several. An unknown id is an error before anything is
/// printed.
pub fn show(index: &Index, args: &ShowArgs, out: &mut impl Write) -> Result {
    let quotes = args
        .ids
        .iter()
        .map(|id| index.find_quote(id))
        .collect::<std::result::Result<Vec<QuoteId>, _>>()?;
    let format: format::Format = args.format.into();
    match (format.style(), quotes.as_slice()) {
        (Some(style), _) => {
            let markdown = args.markdown || style == format::CitationStyle::Markdown;
            out.write_all(format::cite_with(index, &quotes, style, markdown).as_bytes())?;
        }
        (None, [one]) => out.write_all(format::quote(index, *one, format).as_bytes())?,
        (None, many) => {
            let items: Vec<_> = many.iter().map(|&q| format::quote_json(index, q)).collect();
            write_json(out, &items)?;
        }
    }
    Ok(Outcome::Found)
}

/// `reactions export`: one dataset object, or an array for several articles.
pub fn export(index: &Index, out: &mut impl Write) -> Result {
    match index.to_datasets().as_slice() {
        [one] => write_json(out, one)?,
        many => write_json(out, &many)?,
    }
    Ok(Outcome::Found)
}

/// A progress bar drawn on stderr in `template`'s style, when stderr is a
/// terminal; `None` otherwise (a pipe or a file gets no bar).
pub fn stderr_bar(template: &str) -> Option<indicatif::ProgressBar> {
    io::IsTerminal::is_terminal(&io::stderr()).then(|| {
        let bar =
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        bar.set_style(
            indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    })
}

/// `reactions import`: the dataset as JSON, to `out` or to `--out FILE`
/// (then a one-line summary goes to `out`). The dataset is validated first,
/// so what is written passes `reactions check`.
pub fn import(args: &ImportArgs, out: &mut impl Write) -> Result {
    // A large article gets a progress bar on stderr, when it is a terminal.
    let large = std::fs::metadata(&args.article).is_ok_and(|m| m.len() >= IMPORT_BAR_MIN_BYTES);
    let bar = large
        .then(|| stderr_bar("importing {bar:30} {bytes}/{total_bytes} ({eta})"))
        .flatten();
    let loaded = load::import_file_with_progress(&args.article, &mut |done, total| {
        if let Some(bar) = &bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let loaded = loaded?;
    let problems = load::validate(&loaded);
    if !problems.is_empty() {
        return Err(LoadError {
            diagnostics: problems,
        }
        .into());
    }
    let mut dataset = loaded.dataset;
    dataset.article.body = Some(loaded.body);
    let json = serde_json::to_string_pretty(&dataset).unwrap_or_default();
    match &args.out {
        None => writeln!(out, "{json}")?,
        Some(path) => {
            let shown = path.display().to_string();
            write_replacing(path, format!("{json}\n").as_bytes()).map_err(|e| {
                LoadError::from(Diagnostic::file(&shown, format!("cannot write: {e}")))
            })?;
            writeln!(
                out,
                "wrote {shown}: {} quotes, {} speakers, {} categories",
                dataset.quotes.len(),
                dataset.speakers.len(),
                dataset.categories.len()
            )?;
        }
    }
    Ok(Outcome::Found)
}

/// Articles from this size up are imported behind a progress bar.
const IMPORT_BAR_MIN_BYTES: u64 = 1 << 20;

/// Writes `bytes` to `path` so that a failure (a full disk, a kill) leaves
/// the previous file as it was: into a new file beside it, flushed to
/// disk, then renamed over it.
fn write_replacing(path: &std::path::Path, bytes: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let partial = path.with_file_name(format!(".{name}.partial-{}", std::process::id()));
    let written = std::fs::File::create(&partial).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    let result = written.and_then(|()| std::fs::rename(&partial, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// Reads one dataset (or imports one article) for `eval`, validated.
fn one_dataset(path: &std::path::Path) -> std::result::Result<LoadedDataset, LoadError> {
    let shown = path.display().to_string();
    let mut all = load::read_file(path)?;
    if all.len() != 1 {
        return Err(Diagnostic::file(
            &shown,
            format!("holds {} datasets; eval compares one article", all.len()),
        )
        .into());
    }
    let d = all.remove(0);
    let problems = load::validate(&d);
    if problems.is_empty() {
        Ok(d)
    } else {
        Err(LoadError {
            diagnostics: problems,
        })
    }
}

/// `reactions eval`: precision, recall and F1 of quotes, speakers,
/// attribution and categories.
pub fn eval(args: &EvalArgs, out: &mut impl Write) -> Result {
    let predicted = one_dataset(&args.predicted);
    let gold = one_dataset(&args.gold);
    let (predicted, gold) = match (predicted, gold) {
        (Ok(p), Ok(g)) => (p, g),
        (p, g) => {
            let diagnostics = [p.err(), g.err()]
                .into_iter()
                .flatten()
                .flat_map(|e| e.diagnostics)
                .collect();
            return Err(LoadError { diagnostics }.into());
        }
    };
    let report = eval::evaluate(&predicted, &gold);
    if args.json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        )?;
    } else {
        out.write_all(eval::render(&report).as_bytes())?;
    }
    Ok(Outcome::Found)
}

/// `reactions completions SHELL`: the completion script, made from the
/// command line's definition.
pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> Result {
    let mut command = <crate::cli::Cli as clap::CommandFactory>::command();
    clap_complete::generate(shell, &mut command, "reactions", out);
    Ok(Outcome::Found)
}

/// `reactions man`: the manual page in roff, made from the command line's
/// definition, its commands as subsections.
pub fn man(out: &mut impl Write) -> Result {
    let command = <crate::cli::Cli as clap::CommandFactory>::command();
    clap_mangen::Man::new(command).render(out)?;
    Ok(Outcome::Found)
}

/// A one-line summary of a clean index, for `reactions check`.
pub fn summary(index: &Index) -> String {
    format!(
        "{} article(s), {} categories, {} speakers, {} quotes",
        index.articles().len(),
        index.categories().len(),
        index.speakers().len(),
        index.quote_total()
    )
}

/// Writes diagnostics, one per line.
pub fn report(diagnostics: &[Diagnostic], out: &mut impl Write) -> io::Result<()> {
    for d in diagnostics {
        writeln!(out, "error: {d}")?;
    }
    Ok(())
}

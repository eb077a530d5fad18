//! The `reactions` binary: parse the command line, load, dispatch.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use reactions::cli::{Cli, Command};
use reactions::commands::{self, CommandError, Outcome};
use reactions::error::LoadError;
use reactions::index::Index;
use reactions::load::{self, LoadOptions, Progress, Stage};
use reactions::tui;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`reactions quotes | head`) is not an error.
            if let Some(CommandError::Io(io)) = e.downcast_ref::<CommandError>()
                && io.kind() == io::ErrorKind::BrokenPipe
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("reactions: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let data = cli.data();
    match &cli.command {
        Some(Command::Completions(args)) => {
            return standalone(|out| commands::completions(args.shell, out));
        }
        Some(Command::Man) => return standalone(commands::man),
        Some(Command::Check(args)) => return Ok(check(&args.paths, &data.data)),
        Some(Command::Import(args)) => return standalone(|out| commands::import(args, out)),
        Some(Command::Index(args)) => return Ok(build_index(args)),
        Some(Command::Eval(args)) => return standalone(|out| commands::eval(args, out)),
        _ => {}
    }
    // The explorer on files of its own loads them behind a progress gauge.
    if cli.command.is_none() && !data.data.is_empty() {
        return Ok(
            match tui::run_loading(
                data.data.clone(),
                LoadOptions {
                    strict: data.strict,
                    ..Default::default()
                },
            )? {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    let _ = commands::report(&e.diagnostics, &mut io::stderr());
                    ExitCode::from(2)
                }
            },
        );
    }
    let index = match if data.data.is_empty() {
        load::load_embedded()
    } else {
        load_with_progress(
            &data.data,
            LoadOptions {
                strict: data.strict,
                ..Default::default()
            },
        )
    } {
        Ok(index) => index,
        Err(e) => {
            let _ = commands::report(&e.diagnostics, &mut io::stderr());
            return Ok(ExitCode::from(2));
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(64 << 10, stdout.lock());
    let outcome = match &cli.command {
        None => {
            drop(out);
            tui::run(index)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Search(a)) => {
            let color = cli.color.enabled(
                io::stdout().is_terminal(),
                std::env::var("NO_COLOR").ok().as_deref(),
                std::env::var("TERM").ok().as_deref(),
            );
            commands::search(&index, a, color, &mut out)?
        }
        Some(Command::Speakers(a)) => commands::speakers(&index, a, &mut out)?,
        Some(Command::Categories(a)) => commands::categories(&index, a.json, &mut out)?,
        Some(Command::Quotes(a)) => commands::quotes(&index, a, &mut out)?,
        Some(Command::Show(a)) => commands::show(&index, a, &mut out)?,
        Some(Command::Export(_)) => commands::export(&index, &mut out)?,
        Some(
            Command::Check(_)
            | Command::Import(_)
            | Command::Eval(_)
            | Command::Index(_)
            | Command::Completions(_)
            | Command::Man,
        ) => {
            unreachable!("handled above")
        }
    };
    out.flush().map_err(CommandError::from)?;
    drop(out);
    // The process ends here: freeing a million quotes one by one would only
    // delay the exit (a tenth of a second or more at 1M quotes); the system
    // takes the memory back at once.
    std::mem::forget(index);
    Ok(match outcome {
        Outcome::Found => ExitCode::SUCCESS,
        Outcome::NothingFound => ExitCode::from(1),
    })
}

/// A command that reads its own files rather than the index: file problems
/// are reported like load errors, one line each, with exit code 2.
fn standalone(
    run: impl FnOnce(&mut io::BufWriter<io::StdoutLock<'static>>) -> Result<Outcome, CommandError>,
) -> anyhow::Result<ExitCode> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match run(&mut out) {
        Ok(_) => {
            out.flush().map_err(CommandError::from)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(CommandError::Load(e)) => {
            drop(out);
            let _ = commands::report(&e.diagnostics, &mut io::stderr());
            Ok(ExitCode::from(2))
        }
        Err(e) => Err(e.into()),
    }
}

/// Loads `paths` with a progress bar on stderr when it is a terminal, then
/// reports the corpus lines skipped, each and how many.
fn load_with_progress(paths: &[PathBuf], options: LoadOptions) -> Result<Index, LoadError> {
    let bar = commands::stderr_bar("loading {bar:30} {bytes}/{total_bytes} {msg} ({eta})");
    let mut sized = true;
    let loaded = load::load_paths_with_progress(paths, options, |p: Progress| {
        if let Some(bar) = &bar {
            // A pipe has no size: bytes read and a spinner instead of a bar.
            if p.bytes_total == 0 && std::mem::take(&mut sized) {
                bar.set_style(
                    indicatif::ProgressStyle::with_template("loading {spinner} {bytes} {msg}")
                        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
                );
            }
            bar.set_length(p.bytes_total);
            bar.set_position(p.bytes_read);
            match p.stage {
                Stage::Reading => bar.set_message(format!("{} quotes", p.quotes)),
                Stage::Indexing => bar.set_message(format!("{} quotes, indexing", p.quotes)),
                Stage::Done => {}
            }
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let loaded = loaded?;
    if !loaded.skipped.is_empty() {
        let mut err = io::stderr().lock();
        for d in &loaded.skipped {
            let _ = writeln!(err, "warning: {d} (line skipped)");
        }
        let _ = writeln!(
            err,
            "warning: {} malformed line(s) skipped; --strict refuses them",
            loaded.skipped.len()
        );
    }
    Ok(loaded.index)
}

/// `reactions index`: reads the inputs, writes the index with a progress
/// bar, and says what it wrote.
fn build_index(args: &reactions::cli::IndexArgs) -> ExitCode {
    let started = std::time::Instant::now();
    let options = LoadOptions {
        strict: args.strict,
        records_only: true,
    };
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let fail = |e: LoadError| {
        let _ = commands::report(&e.diagnostics, &mut io::stderr());
        ExitCode::from(2)
    };
    let mut writer = match reactions::disk::Writer::create(&args.out, threads) {
        Ok(w) => w,
        Err(e) => return fail(e),
    };
    // One input at a time: only one is ever in memory.
    let (mut articles, mut quotes) = (0, 0);
    for (n, input) in args.inputs.iter().enumerate() {
        let index = match load_with_progress(std::slice::from_ref(input), options) {
            Ok(index) => index,
            Err(e) => return fail(e),
        };
        let bar = io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(index.quote_total() as u64),
                indicatif::ProgressDrawTarget::stderr(),
            );
            bar.set_style(
                indicatif::ProgressStyle::with_template(&format!(
                    "indexing {}/{} {{bar:30}} {{human_pos}}/{{human_len}} quotes ({{eta}})",
                    n + 1,
                    args.inputs.len()
                ))
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        let added = writer.add(&index, &mut |p| {
            if let Some(bar) = &bar {
                bar.set_position(p.quotes_done as u64);
            }
        });
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        if let Err(e) = added {
            return fail(e);
        }
        articles += index.articles().len();
        quotes += index.quote_total();
        // Freed before the next input is read.
        drop(index);
    }
    if let Err(e) = writer.finish() {
        return fail(e);
    }
    eprintln!(
        "indexed {articles} article(s), {quotes} quotes in {:.1} s into {}; open it with: reactions --data {}",
        started.elapsed().as_secs_f64(),
        args.out.display(),
        args.out.display()
    );
    ExitCode::SUCCESS
}

/// `reactions check`: every problem on stderr, a summary on stdout. A
/// malformed corpus line is a problem here.
fn check(paths: &[std::path::PathBuf], data: &[std::path::PathBuf]) -> ExitCode {
    let paths = if paths.is_empty() { data } else { paths };
    let result = if paths.is_empty() {
        load::load_embedded()
    } else {
        load::load_paths_with_progress(
            paths,
            LoadOptions {
                strict: true,
                ..Default::default()
            },
            |_| {},
        )
        .map(|l| l.index)
    };
    match result {
        Ok(index) => {
            println!("ok: {}", commands::summary(&index));
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = commands::report(&e.diagnostics, &mut io::stderr());
            eprintln!("{} problem(s) found", e.diagnostics.len());
            ExitCode::from(2)
        }
    }
}

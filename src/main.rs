//! The `reactions` binary: parse the command line, load, dispatch.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use reactions::cli::{Cli, Command};
use reactions::commands::{self, CommandError, Outcome};
use reactions::{load, tui};

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
    match &cli.command {
        Some(Command::Check(args)) => return Ok(check(&args.paths, &cli.data)),
        Some(Command::Import(args)) => return standalone(|out| commands::import(args, out)),
        Some(Command::Eval(args)) => return standalone(|out| commands::eval(args, out)),
        _ => {}
    }
    let index = match if cli.data.is_empty() {
        load::load_embedded()
    } else {
        load::load_paths(&cli.data)
    } {
        Ok(index) => index,
        Err(e) => {
            let _ = commands::report(&e.diagnostics, &mut io::stderr());
            return Ok(ExitCode::from(2));
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let outcome = match &cli.command {
        None => {
            drop(out);
            tui::run(index)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Search(a)) => commands::search(&index, a, &mut out)?,
        Some(Command::Speakers(a)) => commands::speakers(&index, a, &mut out)?,
        Some(Command::Categories(a)) => commands::categories(&index, a.json, &mut out)?,
        Some(Command::Quotes(a)) => commands::quotes(&index, a, &mut out)?,
        Some(Command::Show(a)) => commands::show(&index, a, &mut out)?,
        Some(Command::Export) => commands::export(&index, &mut out)?,
        Some(Command::Check(_) | Command::Import(_) | Command::Eval(_)) => {
            unreachable!("handled above")
        }
    };
    out.flush().map_err(CommandError::from)?;
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

/// `reactions check`: every problem on stderr, a summary on stdout.
fn check(paths: &[std::path::PathBuf], data: &[std::path::PathBuf]) -> ExitCode {
    let paths = if paths.is_empty() { data } else { paths };
    let result = if paths.is_empty() {
        load::load_embedded()
    } else {
        load::load_paths(paths)
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

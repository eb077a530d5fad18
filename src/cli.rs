//! The command line, as clap derive types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::search::HitKind;

/// Who said what: browse, search and cite the reactions quoted in an article.
///
/// With no command, opens the terminal explorer on the bundled dataset (or on
/// the datasets given with --data).
#[derive(Debug, Parser)]
#[command(name = "reactions", version, about, long_about)]
pub struct Cli {
    #[command(flatten)]
    pub data: DataArgs,

    /// When to colour the output: auto colours only a terminal, and not when
    /// NO_COLOR is set.
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value_t = ColorArg::Auto
    )]
    pub color: ColorArg,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// When to colour the output, as ripgrep and fd take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorArg {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    /// Always colour, even into a pipe or a file.
    Always,
    /// Never colour.
    Never,
}

impl ColorArg {
    /// Whether to colour, given whether stdout is a terminal and the value
    /// of `NO_COLOR` and `TERM`. NO_COLOR counts when set and not empty
    /// (no-color.org); `TERM=dumb` colours nothing either.
    pub fn enabled(self, is_terminal: bool, no_color: Option<&str>, term: Option<&str>) -> bool {
        match self {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                is_terminal && no_color.is_none_or(str::is_empty) && term != Some("dumb")
            }
        }
    }
}

/// The datasets to load, given before or after the command (`import` and
/// `eval` read their own files and take none).
#[derive(Debug, Clone, Default, Args)]
pub struct DataArgs {
    /// Load this dataset file, or every *.json dataset in this folder, instead
    /// of the bundled one; `-` is standard input. Repeat to load several; they
    /// merge into one index.
    /// An article (*.txt, *.html) is imported on the fly, and so is every
    /// article in a folder that is not a dataset's body.
    /// A Quotebank corpus (JSON Lines, plain or .bz2) loads too.
    #[arg(long, short = 'd', value_name = "PATH")]
    pub data: Vec<PathBuf>,

    /// Refuse a corpus with malformed lines (exit 2) instead of skipping them.
    #[arg(long)]
    pub strict: bool,
}

impl Cli {
    /// The datasets given before the command and after it, in that order.
    pub fn data(&self) -> DataArgs {
        let mut all = self.data.clone();
        let after = match &self.command {
            Some(Command::Search(a)) => Some(&a.data),
            Some(Command::Speakers(a)) => Some(&a.data),
            Some(Command::Categories(a)) => Some(&a.data),
            Some(Command::Quotes(a)) => Some(&a.data),
            Some(Command::Show(a)) => Some(&a.data),
            Some(Command::Export(a)) => Some(a),
            Some(Command::Check(a)) => Some(&a.data),
            Some(
                Command::Import(_)
                | Command::Eval(_)
                | Command::Index(_)
                | Command::Completions(_)
                | Command::Man,
            )
            | None => None,
        };
        if let Some(after) = after {
            all.data.extend(after.data.iter().cloned());
            all.strict |= after.strict;
        }
        all
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fuzzy-search speakers, categories and quotes; one ranked hit per line
    /// (kind, id, text, tab-separated). Exits 1 when nothing matches.
    Search(SearchArgs),
    /// List speakers (id, name, kind, quotes, role and affiliation).
    Speakers(SpeakersArgs),
    /// List categories (id, quotes, title, summary).
    Categories(JsonArg),
    /// List quotes (id, speaker, category, kind, text).
    Quotes(QuotesArgs),
    /// Print quotes with their attributions, in the order given, and one
    /// source for each article they come from.
    Show(ShowArgs),
    /// Write the whole index as JSON in the dataset schema (bodies inlined).
    Export(DataArgs),
    /// Validate datasets and report every problem; exits 2 if there is any.
    Check(CheckArgs),
    /// Extract quotes, speakers and categories from an article (plain text
    /// or HTML) into a dataset.
    Import(ImportArgs),
    /// Build a search index on disk from anything --data reads (Quotebank
    /// JSON Lines plain or .bz2, datasets, articles, folders), one shard per
    /// input file; `reactions --data DIR` then opens it at once.
    Index(IndexArgs),
    /// Score a predicted dataset (or an article, imported on the fly)
    /// against a gold dataset of the same article.
    Eval(EvalArgs),
    /// Print a completion script for a shell (see the README to install it).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `reactions man > reactions.1`.
    Man,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// The format of `reactions show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// The quote, a "— Name, role, affiliation (date)" line and the source.
    Plain,
    /// A Markdown blockquote with the same citation.
    Markdown,
    /// APA 7: "(as cited in Asmolov, 2023)" and the article as a reference.
    Apa,
    /// Chicago author-date: "(quoted in Asmolov 2023)" and a reference.
    Chicago,
    /// A JSON object with every field (an array for several quotes).
    Json,
}

impl From<FormatArg> for crate::format::Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Plain => crate::format::Format::Plain,
            FormatArg::Markdown => crate::format::Format::Markdown,
            FormatArg::Apa => crate::format::Format::Apa,
            FormatArg::Chicago => crate::format::Format::Chicago,
            FormatArg::Json => crate::format::Format::Json,
        }
    }
}

/// The kinds a search can be limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Speaker,
    Quote,
    Category,
}

impl From<KindArg> for HitKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Speaker => HitKind::Speaker,
            KindArg::Quote => HitKind::Quote,
            KindArg::Category => HitKind::Category,
        }
    }
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Words to look for; every word must match (smart case).
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Only hits of this kind.
    #[arg(long, short)]
    pub kind: Option<KindArg>,
    /// At most this many hits.
    #[arg(long, short = 'n')]
    pub limit: Option<usize>,
    /// Print JSON instead of lines.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SpeakersArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Only speakers quoted in this category (id or title).
    #[arg(long, short)]
    pub category: Option<String>,
    /// Print JSON instead of lines.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct JsonArg {
    #[command(flatten)]
    pub data: DataArgs,
    /// Print JSON instead of lines.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Only quotes of this speaker (id, name, alias or a unique part of one).
    #[arg(long, short)]
    pub speaker: Option<String>,
    /// Only quotes in this category (id or title).
    #[arg(long, short)]
    pub category: Option<String>,
    /// Print JSON instead of lines.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// The quotes' ids ("lankov-1", or "ARTICLE/lankov-1" when several
    /// articles are loaded), printed in this order.
    #[arg(required = true, num_args = 1.., value_name = "ID")]
    pub ids: Vec<String>,
    /// How to print them.
    #[arg(long, short, value_enum, default_value_t = FormatArg::Plain)]
    pub format: FormatArg,
    /// With --format apa or chicago: Markdown (blockquotes, the outlet in
    /// italics) rather than plain text.
    #[arg(long)]
    pub markdown: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Dataset files or folders; without any, the --data datasets or the
    /// bundled one.
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders to index ('-' for standard input).
    #[arg(required = true, num_args = 1.., value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The index directory to write; an index already there is replaced
    /// once the new one is complete.
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// Refuse malformed corpus lines instead of skipping them.
    #[arg(long)]
    pub strict: bool,
    /// Indexing threads (default: every core).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The article: UTF-8 plain text or HTML.
    pub article: PathBuf,
    /// Write the dataset here instead of to stdout.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The predicted dataset, or an article to import.
    pub predicted: PathBuf,
    /// The gold dataset.
    pub gold: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

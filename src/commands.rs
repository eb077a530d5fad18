//! The CLI subcommands. Each writes its results to any `Write`, so tests can
//! read them and `main` can point them at stdout.

use std::io::{self, Write};

use serde_json::json;

use crate::cli::{QuotesArgs, SearchArgs, ShowArgs, SpeakersArgs};
use crate::error::{Diagnostic, LookupError};
use crate::format;
use crate::index::Index;
use crate::search::{Hit, HitKind, Options, Searcher};

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Lookup(#[from] LookupError),
    #[error(transparent)]
    Io(#[from] io::Error),
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
pub fn speaker_label(index: &Index, s: usize) -> String {
    let d = &index.speaker(s).data;
    let about: Vec<&str> = [&d.role, &d.affiliation]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .collect();
    if about.is_empty() {
        d.name.clone()
    } else {
        format!("{} — {}", d.name, about.join(", "))
    }
}

/// A search hit's id and one-line text.
pub fn hit_line(index: &Index, hit: &Hit) -> (String, String) {
    match hit.kind {
        HitKind::Speaker => (index.speaker_id(hit.index), speaker_label(index, hit.index)),
        HitKind::Category => {
            let c = &index.category(hit.index).data;
            (index.category_id(hit.index), c.title.clone())
        }
        HitKind::Quote => {
            let q = index.quote(hit.index);
            let name = &index.speaker(q.speaker).data.name;
            (
                index.quote_id(hit.index),
                format!("{name}: {}", one_line(&q.text)),
            )
        }
    }
}

/// One line of `reactions search`: kind, id, text; what [`hit_line`] gives,
/// written without building strings (a search may print a million lines).
fn write_hit_line(index: &Index, kind: HitKind, i: usize, out: &mut impl Write) -> io::Result<()> {
    if kind != HitKind::Quote {
        let hit = Hit {
            kind,
            index: i,
            score: 0,
            exact: false,
            matches: Vec::new(),
        };
        let (id, text) = hit_line(index, &hit);
        return writeln!(out, "{}\t{id}\t{text}", kind.label());
    }
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

/// `reactions search`
pub fn search(index: &Index, args: &SearchArgs, out: &mut impl Write) -> Result {
    let query = args.query.join(" ");
    let options = Options {
        kind: args.kind.map(Into::into),
        limit: args.limit,
    };
    let searcher = Searcher::default();
    if !args.json {
        // No positions needed: rank without them, and write each line as is.
        let ranking = searcher
            .rank(index, &query, options, &|| false)
            .unwrap_or_default();
        for r in &ranking.ranked {
            write_hit_line(index, r.kind, r.index, out)?;
        }
        return Ok(if ranking.ranked.is_empty() {
            Outcome::NothingFound
        } else {
            Outcome::Found
        });
    }
    let hits = searcher.search(index, &query, options);
    {
        let items: Vec<_> = hits
            .iter()
            .map(|h| {
                let (id, text) = hit_line(index, h);
                json!({"kind": h.kind, "id": id, "score": h.score, "text": text, "matches": h.matches})
            })
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&items).unwrap_or_default()
        )?;
    }
    Ok(if hits.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}

/// `reactions speakers`
pub fn speakers(index: &Index, args: &SpeakersArgs, out: &mut impl Write) -> Result {
    let list: Vec<usize> = match &args.category {
        Some(c) => index.speakers_by_category(index.find_category(c)?).to_vec(),
        None => index.speakers_in_order().to_vec(),
    };
    if args.json {
        let items: Vec<_> = list
            .iter()
            .map(|&s| {
                let d = &index.speaker(s).data;
                json!({
                    "id": index.speaker_id(s), "name": d.name, "aliases": d.aliases,
                    "role": d.role, "affiliation": d.affiliation,
                    "affiliation_aliases": d.affiliation_aliases, "country": d.country,
                    "kind": d.kind, "quotes": index.quotes_by_speaker(s).len(),
                })
            })
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&items).unwrap_or_default()
        )?;
    } else {
        for &s in &list {
            let d = &index.speaker(s).data;
            let about: Vec<&str> = [&d.role, &d.affiliation]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                index.speaker_id(s),
                d.name,
                d.kind.label(),
                index.quotes_by_speaker(s).len(),
                about.join(", ")
            )?;
        }
    }
    Ok(Outcome::Found)
}

/// `reactions categories`
pub fn categories(index: &Index, json_out: bool, out: &mut impl Write) -> Result {
    if json_out {
        let items: Vec<_> = (0..index.categories().len())
            .map(|c| {
                let d = &index.category(c).data;
                json!({
                    "id": index.category_id(c), "title": d.title, "summary": d.summary,
                    "order": d.order, "quotes": index.quotes_by_category(c).len(),
                    "speakers": index.speakers_by_category(c).len(),
                })
            })
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&items).unwrap_or_default()
        )?;
    } else {
        for c in 0..index.categories().len() {
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
    let list: Vec<usize> = (0..index.quotes().len())
        .filter(|&q| {
            let quote = index.quote(q);
            speaker.is_none_or(|s| quote.speaker == s)
                && category.is_none_or(|c| quote.category == c)
        })
        .collect();
    if args.json {
        let items: Vec<_> = list.iter().map(|&q| format::quote_json(index, q)).collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&items).unwrap_or_default()
        )?;
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

/// `reactions show`
pub fn show(index: &Index, args: &ShowArgs, out: &mut impl Write) -> Result {
    let q = index.find_quote(&args.id)?;
    out.write_all(format::quote(index, q, args.format).as_bytes())?;
    Ok(Outcome::Found)
}

/// `reactions export`: one dataset object, or an array for several articles.
pub fn export(index: &Index, out: &mut impl Write) -> Result {
    let datasets = index.to_datasets();
    let text = match datasets.as_slice() {
        [one] => serde_json::to_string_pretty(one),
        many => serde_json::to_string_pretty(many),
    }
    .unwrap_or_default();
    writeln!(out, "{text}")?;
    Ok(Outcome::Found)
}

/// A one-line summary of a clean index, for `reactions check`.
pub fn summary(index: &Index) -> String {
    format!(
        "{} article(s), {} categories, {} speakers, {} quotes",
        index.articles().len(),
        index.categories().len(),
        index.speakers().len(),
        index.quotes().len()
    )
}

/// Writes diagnostics, one per line.
pub fn report(diagnostics: &[Diagnostic], out: &mut impl Write) -> io::Result<()> {
    for d in diagnostics {
        writeln!(out, "error: {d}")?;
    }
    Ok(())
}

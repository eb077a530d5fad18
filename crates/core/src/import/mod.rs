//! Importing a raw article: from plain text or HTML to a dataset in our
//! schema, with no network and no model, by rules of general English news
//! style.
//!
//! The importer is a series of passes over the text, each a module:
//!
//! 1. [`layout`]: body text, paragraphs, header, byline and metadata (and
//!    [`interview`]: the question and answer turns of an interview);
//! 2. [`quotes`]: quotation marks, sentences and tokens, cut into units;
//! 3. [`cues`]: attribution cues in each unit and the noun phrases of their
//!    speakers, with titles, roles and affiliations;
//! 4. [`speakers`]: resolving names, surnames, pronouns, titles and phrases
//!    like "the professor" to speakers across the article (coreference);
//! 5. `extract`: attribution, the pass over the units that turns cues and
//!    quotation marks into quotes, carrying the current speaker on;
//! 6. `fullnames`: a speaker called by one name takes the one full name
//!    the article gives them anywhere;
//! 7. [`kinds`] and [`categories`]: each speaker's kind, and the article's
//!    own grouping, headings, or one category;
//! 8. `dataset`: metadata guessed from the file name, ids, character spans.
//!
//! [`lexicon`] reads the word lists all passes use, from the rules files
//! under `crates/core/rules/`; thresholds are named constants next to the
//! rules that use them.
//!
//! What becomes a quote, in short: the words inside quotation marks are a
//! `direct` quote when they make up most of their sentence (or stand after a
//! colon, or belong to another speaker than the sentence's subject); a
//! sentence that reports speech or opinion (a cue with content after it, or
//! only a few quoted words) is a `paraphrase`, the whole sentence. A sentence
//! with no cue that follows a speaker's statement in the same paragraph goes
//! on with that speaker, and a paragraph that opens with a quotation goes on
//! with the last speaker of the paragraph before. Every quote keeps its cue
//! and a confidence. The author's own commentary ("in this author's view",
//! "I think") is not extracted; the author's reported past statements ("as I
//! wrote", "I told") are, with the author as speaker.

pub mod categories;
pub mod cues;
mod dataset;
mod extract;
mod fullnames;
pub mod interview;
pub mod kinds;
pub mod layout;
pub mod lexicon;
pub mod quotes;
pub mod speakers;

use dataset::build;

use crate::model::Dataset;

/// How often [`import_with_progress`] reports, in bytes of the body.
pub const PROGRESS_EVERY_BYTES: usize = 256 << 10;

/// Why an article could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ImportError(pub String);

/// Imports an article's text. `file_name` (the file's name, without folders)
/// is used for metadata the article does not give, which is then listed in
/// `article.guessed`. The dataset carries its body inline.
pub fn import(text: &str, file_name: &str) -> Result<Dataset, ImportError> {
    import_with_progress(text, file_name, &mut |_, _| {})
}

/// Like [`import`], telling `progress` how far attribution, the longest
/// pass, has gone: (bytes of the body done, bytes in all), every
/// [`PROGRESS_EVERY_BYTES`] and at the end.
pub fn import_with_progress(
    text: &str,
    file_name: &str,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Dataset, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError("the article is empty".into()));
    }
    let html = layout::looks_like_html(text)
        || file_name.to_ascii_lowercase().ends_with(".html")
        || file_name.to_ascii_lowercase().ends_with(".htm");
    let mut layout = if html {
        layout::from_html(text)
    } else {
        layout::from_text(text)
    };
    interview::mark_turns(&mut layout.paragraphs, &layout.body);
    if layout.body.trim().is_empty() {
        return Err(ImportError("no article text found in the HTML".into()));
    }
    Ok(build(layout, file_name, progress))
}

/// Lower-case ASCII id from the first `max_words` words of `s`.
pub fn slug(s: &str, max_words: usize) -> String {
    let folded = crate::text::fold(s).to_lowercase();
    let words: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "the" | "a" | "an" | "s"))
        .take(max_words)
        .map(str::to_string)
        .collect();
    words.join("-")
}

#[cfg(test)]
mod tests;

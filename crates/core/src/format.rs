//! A quote with its attribution, as plain text, Markdown or JSON: the formats
//! that `reactions show` prints and the explorer copies.

use serde_json::json;

use crate::index::Index;
use crate::model::QuoteKind;
use crate::text::human_date;

/// An output format for a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// The quote, a "— Name, role, affiliation (date)" line and the source.
    #[default]
    Plain,
    /// A Markdown blockquote with the same citation.
    Markdown,
    /// A JSON object with every field.
    Json,
}

/// Renders quote `q` in `format`, ending with a newline.
pub fn quote(index: &Index, q: usize, format: Format) -> String {
    match format {
        Format::Plain => plain(index, q),
        Format::Markdown => markdown(index, q),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&quote_json(index, q)).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

/// "Name, role, affiliation (13 September 2023)" for quote `q`, with
/// ", paraphrased" for reported speech.
pub fn attribution(index: &Index, q: usize) -> String {
    let quote = index.quote(q);
    let s = &index.speaker(quote.speaker).data;
    let mut out = s.name.clone();
    let about = s.about();
    if !about.is_empty() {
        out.push_str(", ");
        out.push_str(&about);
    }
    if let Some(date) = &quote.date {
        out.push_str(&format!(" ({})", human_date(date)));
    }
    if quote.kind == QuoteKind::Paraphrase {
        out.push_str(", paraphrased");
    }
    out
}

/// "Konstantin Asmolov, New Eastern Outlook, 11 October 2023, “Title”"; for
/// a quote of a corpus (no article text), where it was published:
/// "Quotebank, 16 January 2020, https://…".
pub fn source(index: &Index, q: usize) -> String {
    let quote = index.quote(q);
    let entry = index.article(quote.article);
    let a = &entry.meta;
    if entry.body.is_empty() {
        let mut parts = vec![a.outlet.clone()];
        parts.extend(quote.date.as_deref().map(human_date));
        parts.extend(quote.url.clone());
        return parts.join(", ");
    }
    let mut out = format!(
        "{}, {}, {}, “{}”",
        a.author,
        a.outlet,
        human_date(&a.date),
        a.title
    );
    if let Some(url) = &a.url {
        out.push_str(", ");
        out.push_str(url);
    }
    out
}

/// The quote's words: in typographic quotation marks when direct.
fn body(index: &Index, q: usize) -> String {
    let quote = index.quote(q);
    match quote.kind {
        QuoteKind::Direct => format!("“{}”", quote.text),
        QuoteKind::Paraphrase => quote.text.clone(),
    }
}

fn plain(index: &Index, q: usize) -> String {
    format!(
        "{}\n— {}\nSource: {}\n",
        body(index, q),
        attribution(index, q),
        source(index, q)
    )
}

fn markdown(index: &Index, q: usize) -> String {
    let mut out = String::new();
    for line in body(index, q).lines() {
        if line.trim().is_empty() {
            out.push_str(">\n");
        } else {
            out.push_str("> ");
            out.push_str(line);
            out.push('\n');
        }
    }
    let quote = index.quote(q);
    let s = &index.speaker(quote.speaker).data;
    let attribution = attribution(index, q);
    let rest = attribution
        .strip_prefix(s.name.as_str())
        .unwrap_or(&attribution);
    let entry = index.article(quote.article);
    if entry.body.is_empty() {
        out.push_str(&format!(
            ">\n> — **{}**{rest}  \n> Source: {}\n",
            s.name,
            source(index, q)
        ));
        return out;
    }
    let a = &entry.meta;
    let title = match &a.url {
        Some(url) => format!("[{}]({url})", a.title),
        None => format!("*{}*", a.title),
    };
    out.push_str(&format!(
        ">\n> — **{}**{rest}  \n> Source: {}, {title}, {}, {}\n",
        s.name,
        a.author,
        a.outlet,
        human_date(&a.date)
    ));
    out
}

/// Every field of quote `q`, with its speaker, category and article.
pub fn quote_json(index: &Index, q: usize) -> serde_json::Value {
    let quote = index.quote(q);
    let s = &index.speaker(quote.speaker).data;
    let c = &index.category(quote.category).data;
    let a = &index.article(quote.article).meta;
    json!({
        "id": index.quote_id(q),
        "kind": quote.kind.label(),
        "text": quote.text,
        "date": quote.date,
        "span": [quote.span.0, quote.span.1],
        "confidence": quote.confidence,
        "url": quote.url,
        "speaker": {
            "id": index.speaker_id(quote.speaker),
            "name": s.name,
            "role": s.role,
            "affiliation": s.affiliation,
            "kind": s.kind,
        },
        "category": { "id": index.category_id(quote.category), "title": c.title },
        "article": {
            "id": a.id, "title": a.title, "author": a.author, "outlet": a.outlet,
            "date": a.date, "url": a.url,
        },
        "attribution": attribution(index, q),
        "source": source(index, q),
    })
}

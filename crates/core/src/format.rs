//! Quotes with their attributions, as plain text, Markdown, APA 7, Chicago
//! author-date or JSON: the formats that `reactions show` prints and the
//! explorer copies.
//!
//! [`cite`] formats any number of quotes in the order given, each with its
//! attribution, and one source block for each work they come from (an
//! article; for a Quotebank corpus, the page each quotation was found on).
//! One quote is the one-element case.

use std::fmt;
use std::str::FromStr;

use serde_json::json;

use crate::ids::QuoteId;
use crate::index::Index;
use crate::model::QuoteKind;
use crate::text::{civil_date, human_date};

/// An output format for a quote: a citation style, or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// The quote, a "— Name, role, affiliation (date)" line and the source.
    #[default]
    Plain,
    /// A Markdown blockquote with the same citation.
    Markdown,
    /// The quote and its speaker, cited as APA 7 does a secondary source.
    Apa,
    /// The quote and its speaker, cited in Chicago author-date style.
    Chicago,
    /// A JSON object with every field.
    Json,
}

impl Format {
    /// The citation style this format is, or `None` for JSON.
    pub fn style(self) -> Option<CitationStyle> {
        match self {
            Format::Plain => Some(CitationStyle::Plain),
            Format::Markdown => Some(CitationStyle::Markdown),
            Format::Apa => Some(CitationStyle::Apa),
            Format::Chicago => Some(CitationStyle::Chicago),
            Format::Json => None,
        }
    }
}

impl From<CitationStyle> for Format {
    fn from(style: CitationStyle) -> Format {
        match style {
            CitationStyle::Plain => Format::Plain,
            CitationStyle::Markdown => Format::Markdown,
            CitationStyle::Apa => Format::Apa,
            CitationStyle::Chicago => Format::Chicago,
        }
    }
}

/// How quotes and their sources are written for pasting into a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CitationStyle {
    /// "“…” — Name, role (date)" and "Source: Author, Outlet, date, “Title”".
    #[default]
    Plain,
    /// The same as a Markdown blockquote, the title a link to the article.
    Markdown,
    /// APA 7: "(as cited in Asmolov, 2023)" and a reference entry
    /// "Asmolov, K. (2023, October 11). Title. Outlet. URL".
    Apa,
    /// Chicago author-date: "(quoted in Asmolov 2023)" and a reference entry
    /// "Asmolov, Konstantin. 2023. “Title.” Outlet, October 11, 2023. URL."
    Chicago,
}

impl CitationStyle {
    /// Every style, in the order the explorer cycles through them.
    pub const ALL: [CitationStyle; 4] = [
        CitationStyle::Plain,
        CitationStyle::Markdown,
        CitationStyle::Apa,
        CitationStyle::Chicago,
    ];

    /// The name the command line takes: `plain`, `markdown`, `apa`, `chicago`.
    pub fn name(self) -> &'static str {
        match self {
            CitationStyle::Plain => "plain",
            CitationStyle::Markdown => "markdown",
            CitationStyle::Apa => "apa",
            CitationStyle::Chicago => "chicago",
        }
    }

    /// A label for people: "Plain", "Markdown", "APA 7", "Chicago author-date".
    pub fn label(self) -> &'static str {
        match self {
            CitationStyle::Plain => "Plain",
            CitationStyle::Markdown => "Markdown",
            CitationStyle::Apa => "APA 7",
            CitationStyle::Chicago => "Chicago author-date",
        }
    }

    /// The style after this one in [`CitationStyle::ALL`], the first after
    /// the last.
    pub fn next(self) -> CitationStyle {
        let i = Self::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

impl fmt::Display for CitationStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A citation style name that is none of [`CitationStyle::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no citation style {0:?} (plain, markdown, apa, chicago)")]
pub struct UnknownStyle(pub String);

impl FromStr for CitationStyle {
    type Err = UnknownStyle;

    /// A name or label, in any case: `plain`, `markdown` (`md`), `apa`
    /// (`apa7`, `APA 7`), `chicago` (`Chicago author-date`).
    fn from_str(s: &str) -> Result<CitationStyle, UnknownStyle> {
        let key: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        Ok(match key.as_str() {
            "plain" | "text" => CitationStyle::Plain,
            "markdown" | "md" => CitationStyle::Markdown,
            "apa" | "apa7" => CitationStyle::Apa,
            "chicago" | "chicagoauthordate" => CitationStyle::Chicago,
            _ => return Err(UnknownStyle(s.to_string())),
        })
    }
}

/// Renders quote `q` in `format`, ending with a newline.
pub fn quote(index: &Index, q: QuoteId, format: Format) -> String {
    match format.style() {
        Some(style) => cite(index, &[q], style),
        None => {
            let mut s = serde_json::to_string_pretty(&quote_json(index, q)).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

/// Quotes `quotes` (positions in the index), in the order given, each with
/// its attribution, then one source block for each work they come from:
/// "Source: …" for one, a numbered list ("[1] …", the attributions marked
/// " [1]") or, in APA and Chicago, a reference list in alphabetical order
/// for several. Markdown markup with [`CitationStyle::Markdown`] only; see
/// [`cite_with`] for APA or Chicago in Markdown. Ends with a newline; empty
/// for no quotes.
pub fn cite(index: &Index, quotes: &[QuoteId], style: CitationStyle) -> String {
    cite_with(index, quotes, style, style == CitationStyle::Markdown)
}

/// [`cite`], in Markdown (`markdown`: blockquotes, names in bold, outlets in
/// italics, the title a link) or plain text whatever the style.
/// `cite_with(i, q, CitationStyle::Plain, true)` is the Markdown style.
pub fn cite_with(
    index: &Index,
    quotes: &[QuoteId],
    style: CitationStyle,
    markdown: bool,
) -> String {
    if quotes.is_empty() {
        return String::new();
    }
    let academic = matches!(style, CitationStyle::Apa | CitationStyle::Chicago);
    // The works, in the order first cited; each quote's work.
    let mut works: Vec<Work> = Vec::new();
    let mut of_quote: Vec<usize> = Vec::with_capacity(quotes.len());
    for &q in quotes {
        let work = Work::of(index, q, style, markdown);
        let at = match works.iter().position(|w| w.key == work.key) {
            Some(at) => at,
            None => {
                works.push(work);
                works.len() - 1
            }
        };
        of_quote.push(at);
    }
    if academic {
        year_suffixes(&mut works);
    }
    let one = quotes.len() == 1;
    let mut out = String::new();
    for (i, (&q, &w)) in quotes.iter().zip(&of_quote).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let work = &works[w];
        let marker = match style {
            CitationStyle::Apa => format!(" (as cited in {})", work.in_text(style)),
            CitationStyle::Chicago => format!(" (quoted in {})", work.in_text(style)),
            _ if works.len() > 1 => format!(" [{}]", w + 1),
            _ => String::new(),
        };
        let attribution = if academic {
            academic_attribution(index, q)
        } else {
            attribution(index, q)
        };
        if markdown {
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
            let name = &index.speaker(quote.speaker).data.name;
            let rest = attribution
                .strip_prefix(name.as_str())
                .unwrap_or(&attribution);
            out.push_str(&format!(">\n> — **{name}**{rest}{marker}"));
            if one {
                out.push_str(&format!("  \n> Source: {}\n", work.reference(style)));
                return out;
            }
            out.push('\n');
        } else {
            out.push_str(&body(index, q));
            out.push_str(&format!("\n— {attribution}{marker}\n"));
            if one {
                out.push_str(&format!("Source: {}\n", work.reference(style)));
                return out;
            }
        }
    }
    out.push('\n');
    if let [work] = works.as_slice() {
        out.push_str(&format!("Source: {}\n", work.reference(style)));
        return out;
    }
    if academic {
        let mut refs: Vec<String> = works.iter().map(|w| w.reference(style)).collect();
        refs.sort_by_cached_key(|r| (crate::text::fold(r).to_lowercase(), r.clone()));
        out.push_str("References\n");
        let gap = if markdown { "\n\n" } else { "\n" };
        if markdown {
            out.push('\n');
        }
        out.push_str(&refs.join(gap));
        out.push('\n');
    } else {
        out.push_str(if markdown {
            "Sources:\n\n"
        } else {
            "Sources:\n"
        });
        for (n, w) in works.iter().enumerate() {
            let bullet = if markdown { "- " } else { "" };
            out.push_str(&format!("{bullet}[{}] {}\n", n + 1, w.reference(style)));
        }
    }
    out
}

/// "Name, role, affiliation (13 September 2023)" for quote `q`, with
/// ", paraphrased" for reported speech.
pub fn attribution(index: &Index, q: QuoteId) -> String {
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

/// "Name, role, affiliation, September 13, 2023": the attribution as APA
/// and Chicago write it, before the parenthetical citation.
fn academic_attribution(index: &Index, q: QuoteId) -> String {
    let quote = index.quote(q);
    let s = &index.speaker(quote.speaker).data;
    let mut parts = vec![s.name.clone()];
    let about = s.about();
    if !about.is_empty() {
        parts.push(about);
    }
    if let Some(date) = &quote.date {
        parts.push(match PartialDate::parse(date) {
            PartialDate::Unknown => date.clone(),
            d => d.month_day_year(),
        });
    }
    if quote.kind == QuoteKind::Paraphrase {
        parts.push("paraphrased".into());
    }
    parts.join(", ")
}

/// "Konstantin Asmolov, New Eastern Outlook, 11 October 2023, “Title”"; for
/// a quote of a corpus (no article text), where it was published:
/// "Quotebank, 16 January 2020, https://…". An unknown date is left out.
pub fn source(index: &Index, q: QuoteId) -> String {
    let quote = index.quote(q);
    let entry = index.article(quote.article);
    let a = &entry.meta;
    if entry.body.is_empty() {
        let mut parts = vec![a.outlet.clone()];
        parts.extend(quote.date.as_deref().map(human_date));
        parts.extend(quote.url.clone());
        parts.retain(|p| !p.trim().is_empty());
        return parts.join(", ");
    }
    let mut parts = vec![
        a.author.clone(),
        a.outlet.clone(),
        human_date(article_date(a)),
        format!("“{}”", a.title),
    ];
    parts.extend(a.url.clone());
    parts.retain(|p| !p.trim().is_empty());
    parts.join(", ")
}

/// The article's date as written, empty when it has none.
fn article_date(a: &crate::model::Article) -> &str {
    a.date.as_str()
}

/// The quote's words: in typographic quotation marks when direct.
fn body(index: &Index, q: QuoteId) -> String {
    let quote = index.quote(q);
    match quote.kind {
        QuoteKind::Direct => format!("“{}”", quote.text),
        QuoteKind::Paraphrase => quote.text.clone(),
    }
}

/// A date as far as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartialDate {
    Day(i16, i8, i8),
    Month(i16, i8),
    Year(i16),
    Unknown,
}

impl PartialDate {
    /// `2023-10-11`, `2023-10` or `2023`; anything else (an empty or
    /// impossible date) is unknown: a citation never makes one up.
    fn parse(s: &str) -> PartialDate {
        let s = s.trim();
        if let Some(d) = civil_date(s) {
            return PartialDate::Day(d.year(), d.month(), d.day());
        }
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        match s.split_once('-') {
            None if s.len() == 4 && digits(s) => {
                s.parse().map_or(PartialDate::Unknown, PartialDate::Year)
            }
            Some((y, m)) if y.len() == 4 && digits(y) && m.len() == 2 && digits(m) => {
                match (y.parse(), m.parse()) {
                    (Ok(y), Ok(m)) if (1..=12).contains(&m) => PartialDate::Month(y, m),
                    _ => PartialDate::Unknown,
                }
            }
            _ => PartialDate::Unknown,
        }
    }

    fn year(self) -> Option<i16> {
        match self {
            PartialDate::Day(y, ..) | PartialDate::Month(y, _) | PartialDate::Year(y) => Some(y),
            PartialDate::Unknown => None,
        }
    }

    /// "October 11, 2023", "October 2023", "2023", "" (unknown).
    fn month_day_year(self) -> String {
        match self {
            PartialDate::Day(y, m, d) => format!("{} {d}, {y}", month_name(m)),
            PartialDate::Month(y, m) => format!("{} {y}", month_name(m)),
            PartialDate::Year(y) => y.to_string(),
            PartialDate::Unknown => String::new(),
        }
    }
}

fn month_name(m: i8) -> String {
    jiff::civil::Date::new(2000, m, 1)
        .map(|d| d.strftime("%B").to_string())
        .unwrap_or_default()
}

/// A person's name taken apart for a reference list.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Name {
    /// Given names, in order; empty for an organisation or a one-word name.
    given: Vec<String>,
    /// The family name, with its particles ("van Gogh").
    family: String,
    /// "Jr.", "III", …
    suffix: Option<String>,
}

impl Name {
    /// "Konstantin Asmolov", or "Asmolov, Konstantin" as some bylines write
    /// it. The last word (with the particles before it) is the family name;
    /// a one-word name (an agency, an outlet) is kept whole.
    fn parse(s: &str) -> Name {
        let s = s.trim();
        if let Some((family, given)) = s.split_once(", ")
            && !family.contains(' ')
            && !given.contains(',')
        {
            return Name {
                given: given.split_whitespace().map(str::to_string).collect(),
                family: family.to_string(),
                suffix: None,
            };
        }
        let mut words: Vec<&str> = s.split_whitespace().collect();
        let suffix = match words.last() {
            Some(w) if words.len() > 2 && is_suffix(w) => words.pop().map(|w| w.to_string()),
            _ => None,
        };
        if words.len() < 2 || !words.iter().all(|w| w.chars().any(char::is_alphabetic)) {
            return Name {
                given: Vec::new(),
                family: s.to_string(),
                suffix: None,
            };
        }
        let mut start = words.len() - 1;
        while start > 1 && is_particle(words[start - 1]) {
            start -= 1;
        }
        Name {
            given: words[..start].iter().map(|w| w.to_string()).collect(),
            family: words[start..].join(" "),
            suffix,
        }
    }

    /// "Asmolov, K." (APA); "J.-P." for "Jean-Paul".
    fn apa(&self) -> String {
        if self.given.is_empty() {
            return self.family.clone();
        }
        let initials: Vec<String> = self
            .given
            .iter()
            .map(|g| {
                g.split('-')
                    .filter_map(|part| part.chars().find(|c| c.is_alphabetic()))
                    .map(|c| format!("{}.", c.to_uppercase()))
                    .collect::<Vec<_>>()
                    .join("-")
            })
            .filter(|i| !i.is_empty())
            .collect();
        let mut out = format!("{}, {}", self.family, initials.join(" "));
        if let Some(s) = &self.suffix {
            out.push_str(", ");
            out.push_str(s);
        }
        out
    }

    /// "Asmolov, Konstantin" (Chicago, first author).
    fn inverted(&self) -> String {
        if self.given.is_empty() {
            return self.family.clone();
        }
        let mut out = format!("{}, {}", self.family, self.given.join(" "));
        if let Some(s) = &self.suffix {
            out.push_str(", ");
            out.push_str(s);
        }
        out
    }

    /// "Konstantin Asmolov" (Chicago, later authors).
    fn natural(&self) -> String {
        let mut parts = self.given.clone();
        parts.push(self.family.clone());
        let mut out = parts.join(" ");
        if let Some(s) = &self.suffix {
            out.push_str(", ");
            out.push_str(s);
        }
        out
    }
}

fn is_suffix(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.').to_lowercase().as_str(),
        "jr" | "sr" | "ii" | "iii" | "iv"
    )
}

fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "de"
            | "da"
            | "di"
            | "del"
            | "della"
            | "der"
            | "den"
            | "du"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "ter"
            | "ten"
            | "dos"
            | "das"
    )
}

/// The authors of a byline: "A and B", "A, B and C", "A & B".
fn authors(byline: &str) -> Vec<Name> {
    let byline = byline.trim();
    if byline.is_empty() {
        return Vec::new();
    }
    let mut pieces: Vec<&str> = Vec::new();
    for part in byline.split(" and ").flat_map(|p| p.split(" & ")) {
        let part = part.trim().trim_end_matches(',').trim();
        // "A, B" lists names when each side has a space (else it is
        // "Family, Given").
        let listed: Vec<&str> = part.split(", ").collect();
        if listed.len() > 1 && listed.iter().all(|p| p.trim().contains(' ')) {
            pieces.extend(listed);
        } else if !part.is_empty() {
            pieces.push(part);
        }
    }
    pieces.into_iter().map(Name::parse).collect()
}

/// What one reference entry cites.
struct Work {
    /// The entry as written, before any year suffix: quotes citing the same
    /// work share it.
    key: String,
    authors: Vec<Name>,
    date: PartialDate,
    /// The article's title; for a corpus quotation, a description.
    title: String,
    /// Whether `title` is a description ("Quotation by …") rather than a
    /// title.
    described: bool,
    /// The outlet, where there is one.
    outlet: Option<String>,
    url: Option<String>,
    /// The house style's source line (plain and Markdown).
    house: String,
    markdown: bool,
    /// "a", "b", … when another work has the same authors and year.
    suffix: String,
}

impl Work {
    fn of(index: &Index, q: QuoteId, style: CitationStyle, markdown: bool) -> Work {
        let quote = index.quote(q);
        let entry = index.article(quote.article);
        let a = &entry.meta;
        let corpus = entry.body.is_empty();
        let house = if markdown && !corpus {
            let title = match &a.url {
                Some(url) => format!("[{}]({url})", a.title),
                None => format!("*{}*", a.title),
            };
            let mut parts = vec![
                a.author.clone(),
                title,
                a.outlet.clone(),
                human_date(article_date(a)),
            ];
            parts.retain(|p| !p.trim().is_empty());
            parts.join(", ")
        } else {
            source(index, q)
        };
        let mut work = if corpus {
            let speaker = &index.speaker(quote.speaker).data.name;
            Work {
                key: String::new(),
                authors: authors(&a.author),
                date: quote
                    .date
                    .as_deref()
                    .map_or(PartialDate::Unknown, PartialDate::parse),
                title: format!("Quotation by {speaker}"),
                described: true,
                outlet: None,
                url: quote.url.clone(),
                house,
                markdown,
                suffix: String::new(),
            }
        } else {
            Work {
                key: String::new(),
                authors: authors(&a.author),
                date: PartialDate::parse(article_date(a)),
                title: a.title.clone(),
                described: false,
                outlet: Some(a.outlet.clone()).filter(|o| !o.trim().is_empty()),
                url: a.url.clone(),
                house,
                markdown,
                suffix: String::new(),
            }
        };
        work.key = work.reference(style);
        work
    }

    /// The reference entry (or the house style's source line).
    fn reference(&self, style: CitationStyle) -> String {
        match style {
            CitationStyle::Plain | CitationStyle::Markdown => self.house.clone(),
            CitationStyle::Apa => self.apa(),
            CitationStyle::Chicago => self.chicago(),
        }
    }

    fn italic(&self, s: &str) -> String {
        if self.markdown {
            format!("*{s}*")
        } else {
            s.to_string()
        }
    }

    /// "(2023, October 11)", "(2023a)", "(n.d.)".
    fn apa_date(&self) -> String {
        let s = &self.suffix;
        match self.date {
            PartialDate::Day(y, m, d) => format!("({y}{s}, {} {d})", month_name(m)),
            PartialDate::Month(y, m) => format!("({y}{s}, {})", month_name(m)),
            PartialDate::Year(y) => format!("({y}{s})"),
            PartialDate::Unknown if s.is_empty() => "(n.d.)".into(),
            PartialDate::Unknown => format!("(n.d.-{s})"),
        }
    }

    /// "2023", "2023a", "n.d.".
    fn year(&self) -> String {
        match self.date.year() {
            Some(y) => format!("{y}{}", self.suffix),
            None if self.suffix.is_empty() => "n.d.".into(),
            None => format!("n.d.-{}", self.suffix),
        }
    }

    /// APA 7, a news article: "Asmolov, K. (2023, October 11). Title.
    /// *Outlet*. URL"; with no author, the title first.
    fn apa(&self) -> String {
        let names: Vec<String> = self.authors.iter().map(Name::apa).collect();
        let by = match names.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{}, & {last}", init.join(", ")),
        };
        let title = if self.described {
            format!("[{}]", self.title)
        } else {
            self.title.clone()
        };
        let mut out = if by.is_empty() {
            format!("{} {}.", sentence(&title), self.apa_date())
        } else {
            format!(
                "{} {}. {}",
                sentence(&by),
                self.apa_date(),
                sentence(&title)
            )
        };
        if let Some(outlet) = &self.outlet {
            out.push(' ');
            out.push_str(&self.italic(outlet));
            out.push('.');
        }
        if let Some(url) = &self.url {
            out.push(' ');
            out.push_str(url);
        }
        out
    }

    /// Chicago author-date, a news article: "Asmolov, Konstantin. 2023.
    /// “Title.” *Outlet*, October 11, 2023. URL."; with no author, the
    /// outlet first.
    fn chicago(&self) -> String {
        let by = match self.authors.as_slice() {
            [] => String::new(),
            [one] => one.inverted(),
            [first, rest @ ..] => {
                let mut names = vec![first.inverted()];
                names.extend(rest.iter().map(Name::natural));
                let last = names.pop().unwrap_or_default();
                format!("{}, and {last}", names.join(", "))
            }
        };
        let title = if self.described {
            self.title.clone()
        } else {
            let t = &self.title;
            match t.chars().last() {
                Some('?' | '!' | '.') => format!("“{t}”"),
                _ => format!("“{t}.”"),
            }
        };
        let day = match self.date {
            PartialDate::Day(..) | PartialDate::Month(..) => Some(self.date.month_day_year()),
            _ => None,
        };
        // "2023." but "n.d." (not "n.d..").
        let year = sentence(&self.year());
        let mut out = match (&self.outlet, by.is_empty()) {
            (Some(outlet), true) => format!("{}. {year} {title}", self.italic(outlet)),
            _ if by.is_empty() => format!("{title} {year}"),
            _ => format!("{} {year} {title}", sentence(&by)),
        };
        let mut tail = String::new();
        if let Some(outlet) = self.outlet.as_ref().filter(|_| !by.is_empty()) {
            tail.push_str(&self.italic(outlet));
        }
        if let Some(day) = day {
            if !tail.is_empty() || self.described {
                tail.push_str(", ");
            }
            tail.push_str(&day);
        }
        if self.described && tail.is_empty() {
            out.push('.');
        } else if self.described {
            out.push_str(&tail);
            out.push('.');
        } else if !tail.is_empty() {
            out.push(' ');
            out.push_str(&tail);
            out.push('.');
        }
        if let Some(url) = &self.url {
            out.push(' ');
            out.push_str(url);
            out.push('.');
        }
        out
    }

    /// The author part of a parenthetical citation: "Asmolov, 2023" (APA),
    /// "Asmolov 2023" (Chicago); two authors joined, more "et al.".
    fn in_text(&self, style: CitationStyle) -> String {
        let families: Vec<&str> = self.authors.iter().map(|n| n.family.as_str()).collect();
        let apa = style == CitationStyle::Apa;
        let who = match families.as_slice() {
            [] => match &self.outlet {
                Some(o) => self.italic(o),
                None => self.title.clone(),
            },
            [one] => one.to_string(),
            [a, b] if apa => format!("{a} & {b}"),
            [a, b] => format!("{a} and {b}"),
            [a, b, c] if !apa => format!("{a}, {b}, and {c}"),
            [a, ..] => format!("{a} et al."),
        };
        if apa {
            format!("{who}, {}", self.year())
        } else {
            format!("{who} {}", self.year())
        }
    }

    /// Who and when, as a parenthetical citation names them.
    fn author_year(&self) -> (String, Option<i16>) {
        let who: Vec<&str> = self.authors.iter().map(|n| n.family.as_str()).collect();
        (who.join("|"), self.date.year())
    }
}

/// Gives works by the same authors in the same year the suffixes "a", "b",
/// …, in the order of their titles, as APA and Chicago do.
fn year_suffixes(works: &mut [Work]) {
    for i in 0..works.len() {
        if !works[i].suffix.is_empty() {
            continue;
        }
        let key = works[i].author_year();
        let mut same: Vec<usize> = (i..works.len())
            .filter(|&j| works[j].author_year() == key)
            .collect();
        if same.len() < 2 {
            continue;
        }
        same.sort_by_cached_key(|&j| crate::text::fold(&works[j].title).to_lowercase());
        for (n, j) in same.into_iter().enumerate() {
            works[j].suffix = letters(n);
        }
    }
}

/// 0 → "a", 25 → "z", 26 → "aa".
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// `s` ending with a period (unless it already ends with `.`, `?` or `!`).
fn sentence(s: &str) -> String {
    match s.trim_end().chars().last() {
        Some('.' | '?' | '!') => s.trim_end().to_string(),
        _ => format!("{}.", s.trim_end()),
    }
}

/// Every field of quote `q`, with its speaker, category and article.
pub fn quote_json(index: &Index, q: QuoteId) -> serde_json::Value {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_for_reference_lists() {
        let n = Name::parse("Konstantin Asmolov");
        assert_eq!(n.apa(), "Asmolov, K.");
        assert_eq!(n.inverted(), "Asmolov, Konstantin");
        assert_eq!(Name::parse("Jean-Paul Sartre").apa(), "Sartre, J.-P.");
        assert_eq!(
            Name::parse("Ludwig van Beethoven").apa(),
            "van Beethoven, L."
        );
        assert_eq!(
            Name::parse("Martin Luther King Jr.").apa(),
            "King, M. L., Jr."
        );
        assert_eq!(Name::parse("Asmolov, Konstantin").apa(), "Asmolov, K.");
        assert_eq!(Name::parse("Reuters").apa(), "Reuters");
        let two = authors("Ann Lee and Bo Kim");
        assert_eq!(two.len(), 2);
        assert_eq!(two[1].natural(), "Bo Kim");
    }

    #[test]
    fn dates_as_known_and_never_invented() {
        assert_eq!(
            PartialDate::parse("2023-10-11"),
            PartialDate::Day(2023, 10, 11)
        );
        assert_eq!(PartialDate::parse("2023-10"), PartialDate::Month(2023, 10));
        assert_eq!(PartialDate::parse("2023"), PartialDate::Year(2023));
        for unknown in ["", "2020-13-45", "March 4", "2023-13"] {
            assert_eq!(
                PartialDate::parse(unknown),
                PartialDate::Unknown,
                "{unknown}"
            );
        }
        let work = |date: &str, authors_: &str, outlet: Option<&str>| Work {
            key: String::new(),
            authors: authors(authors_),
            date: PartialDate::parse(date),
            title: "Why now?".into(),
            described: false,
            outlet: outlet.map(str::to_string),
            url: Some("https://example.org/a".into()),
            house: String::new(),
            markdown: false,
            suffix: String::new(),
        };
        let w = work("", "Konstantin Asmolov", Some("NEO"));
        assert_eq!(
            w.apa(),
            "Asmolov, K. (n.d.). Why now? NEO. https://example.org/a"
        );
        assert_eq!(
            w.chicago(),
            "Asmolov, Konstantin. n.d. “Why now?” NEO. https://example.org/a."
        );
        assert_eq!(w.in_text(CitationStyle::Apa), "Asmolov, n.d.");
        assert_eq!(w.in_text(CitationStyle::Chicago), "Asmolov n.d.");
        let w = work("2023-10-11", "Ann Lee and Bo Kim", Some("NEO"));
        assert_eq!(
            w.apa(),
            "Lee, A., & Kim, B. (2023, October 11). Why now? NEO. https://example.org/a"
        );
        assert_eq!(w.in_text(CitationStyle::Apa), "Lee & Kim, 2023");
        assert_eq!(
            w.chicago(),
            "Lee, Ann, and Bo Kim. 2023. “Why now?” NEO, October 11, 2023. https://example.org/a."
        );
    }

    #[test]
    fn same_author_same_year_gets_letters() {
        assert_eq!(letters(0), "a");
        assert_eq!(letters(25), "z");
        assert_eq!(letters(26), "aa");
    }

    #[test]
    fn styles_parse_and_cycle() {
        for s in CitationStyle::ALL {
            assert_eq!(s.name().parse::<CitationStyle>(), Ok(s));
            assert_eq!(s.label().parse::<CitationStyle>(), Ok(s));
        }
        assert!("mla".parse::<CitationStyle>().is_err());
        assert_eq!(CitationStyle::Chicago.next(), CitationStyle::Plain);
        assert_eq!(CitationStyle::Plain.next(), CitationStyle::Markdown);
    }
}

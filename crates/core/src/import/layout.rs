//! The article's layout: its body text, its paragraphs and what each one is
//! (metadata line, title, heading, text, closing byline), and the metadata
//! that the header, the byline or the HTML head give.
//!
//! Plain text keeps its characters as they are (only line ends are unified),
//! so that quote spans index the file itself. HTML is reduced to text with
//! paragraphs separated by blank lines.

use std::ops::Range;

use scraper::{ElementRef, Html, Node};

use super::lexicon;

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A date or author line of the header.
    Meta,
    /// The article's title.
    Title,
    /// A section heading.
    Heading,
    /// Running text, where quotes are looked for.
    Text,
    /// The closing byline ("Name, role, for Outlet").
    Byline,
    /// Trailing matter ("Related articles:").
    Trailer,
}

/// One paragraph: a byte range of the body with no surrounding blanks.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub role: Role,
}

/// Metadata read from the article, each field only where it was found.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub author: Option<String>,
    pub author_role: Option<String>,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub series: Option<String>,
    pub part: Option<u32>,
    pub url: Option<String>,
}

/// An article's text, cut into paragraphs, with its metadata.
#[derive(Debug, Clone)]
pub struct Layout {
    pub body: String,
    pub paragraphs: Vec<Paragraph>,
    pub meta: Meta,
}

/// Whether `text` looks like HTML rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let start: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.starts_with("<!--") && start.contains("<html")
        || start.starts_with("<head")
        || start.starts_with("<body")
        || start.starts_with("<article")
        || start.starts_with("<p>")
        || start.starts_with("<p ")
        || start.starts_with("<h1")
        || start.starts_with("<div")
        || start.starts_with("<meta")
}

/// Lays out a plain-text article.
pub fn from_text(text: &str) -> Layout {
    let body = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    let body = body
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(body);
    let paragraphs = split_paragraphs(&body);
    let mut layout = Layout {
        body,
        paragraphs,
        meta: Meta::default(),
    };
    classify(&mut layout, &[]);
    layout
}

/// Byte ranges of the blank-line separated paragraphs of `body`, trimmed.
fn split_paragraphs(body: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(trimmed(body, s..end));
            }
        } else {
            if start.is_none() {
                start = Some(pos);
            }
            end = pos + content.len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(trimmed(body, s..end));
    }
    out
}

fn trimmed(body: &str, r: Range<usize>) -> Paragraph {
    let s = &body[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Paragraph {
        range: r.start + lead..r.end - trail,
        role: Role::Text,
    }
}

/// Sets the paragraphs' roles and reads metadata from header and byline.
/// `headings` are byte ranges known to be headings (from HTML).
fn classify(layout: &mut Layout, headings: &[Range<usize>]) {
    let body = layout.body.as_str();
    let meta = &mut layout.meta;
    let paras = &mut layout.paragraphs;
    let n = paras.len();

    // Header: up to four leading paragraphs of dates, authors and the title.
    let mut i = 0;
    while i < n.min(4) {
        let text = &body[paras[i].range.clone()];
        if text.contains('\n') && !is_meta_line(text.lines().next().unwrap_or("")) {
            break;
        }
        let next_is_meta = paras.get(i + 1).is_some_and(|p| {
            let next = &body[p.range.clone()];
            is_meta_line(next.lines().next().unwrap_or(""))
        });
        if parse_meta_line(text, meta) || parse_byline_block(text, meta) {
            paras[i].role = Role::Meta;
        } else if meta.title.is_none()
            && (is_heading_like(text) || i == 0 && next_is_meta && is_headline(text))
        {
            paras[i].role = Role::Title;
            set_title(meta, text);
        } else {
            break;
        }
        i += 1;
    }

    for p in paras.iter_mut() {
        let text = &body[p.range.clone()];
        if p.role == Role::Text
            && (headings
                .iter()
                .any(|h| h.start <= p.range.start && p.range.end <= h.end)
                || headings.is_empty() && is_heading_like(text))
        {
            p.role = Role::Heading;
        }
    }

    // Trailer and byline at the end.
    let mut j = n;
    while j > i {
        let text = &body[paras[j - 1].range.clone()];
        let words = text.split_whitespace().count();
        if words <= 6 && text.trim_end().ends_with(':') || is_trailer(text) {
            paras[j - 1].role = Role::Trailer;
            j -= 1;
            continue;
        }
        break;
    }
    // The byline is one of the last two text paragraphs.
    for k in (i..j).rev().take(2) {
        let text = &body[paras[k].range.clone()];
        if parse_byline(text, meta) {
            paras[k].role = Role::Byline;
            for p in &mut paras[k + 1..] {
                if p.role != Role::Byline {
                    p.role = Role::Trailer;
                }
            }
            break;
        }
    }
    // A wire dateline names the agency: "SEOUL, Oct 11 (Reuters) - ".
    if meta.outlet.is_none()
        && let Some(p) = paras.iter().find(|p| p.role == Role::Text)
    {
        meta.outlet = dateline_outlet(&body[p.range.clone()]);
    }
}

fn is_trailer(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let words = text.split_whitespace().count();
    words <= 8
        && [
            "related",
            "read more",
            "share this",
            "tags:",
            "advertisement",
            "subscribe",
            "follow us",
            "comments",
        ]
        .iter()
        .any(|m| lower.starts_with(m))
}

/// A short single line without closing punctuation: a title or heading.
/// Longest heading, in words.
const MAX_HEADING_WORDS: usize = 16;

fn is_heading_like(text: &str) -> bool {
    let t = text.trim();
    headline_shape(t, MAX_HEADING_WORDS)
        && !t.ends_with(['.', ',', ';', ':', '”', '"', '’', '\'', ')', '…'])
        && !t.starts_with(['“', '"', '‘', '«', '„'])
        && !t.ends_with("...")
        && t.matches('“').count() == t.matches('”').count()
        && t.matches('"').count().is_multiple_of(2)
}

/// Longest headline, in words, that may end like a sentence ("Gull Island's
/// carrier hangs up her oilskins. She was 64.") when a byline or date
/// follows it.
const MAX_HEADLINE_WORDS: usize = 30;

/// A first line that reads as a headline though it ends with a full stop.
fn is_headline(text: &str) -> bool {
    headline_shape(text.trim(), MAX_HEADLINE_WORDS)
}

/// One line of 1 to `max_words` words that opens with a capital or a digit.
fn headline_shape(t: &str, max_words: usize) -> bool {
    !t.contains('\n')
        && (1..=max_words).contains(&t.split_whitespace().count())
        // "“We treat what comes through the door”: a field hospital …".
        && t.trim_start_matches(['“', '"', '‘', '\''])
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

fn set_title(meta: &mut Meta, text: &str) {
    let title = text.trim().to_string();
    // "Series, Part Five: Subtitle"
    if let Some(at) = title.find(", Part ") {
        let rest = &title[at + 7..];
        let word = rest.split([':', ' ', ',']).next().unwrap_or("");
        if let Some(n) = lexicon::number(word) {
            meta.series = Some(title[..at].to_string());
            meta.part = Some(n);
        }
    }
    meta.title = Some(title);
}

/// Whether a line is a header's date or author line.
/// Most lines in a header block of a byline and what follows it.
const MAX_BYLINE_BLOCK_LINES: usize = 3;
/// Most words in a line under a header byline that names the author's role
/// or desk ("Science Correspondent", "Western Queensland Bureau").
const MAX_AUTHOR_ROLE_WORDS: usize = 8;

/// Reads a header block of short lines that opens with a byline: "By Name"
/// over the author's role or desk and perhaps a date ("By Ann Lee\nScience
/// Correspondent\nMarch 3, 2028"). Returns whether it was one; a line that
/// is neither a date nor a short role leaves the block to the body.
fn parse_byline_block(text: &str, meta: &mut Meta) -> bool {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    if !(2..=MAX_BYLINE_BLOCK_LINES).contains(&lines.len()) {
        return false;
    }
    let mut block = Meta::default();
    if !parse_meta_line(lines[0], &mut block) || block.author.is_none() {
        return false;
    }
    for line in &lines[1..] {
        if parse_meta_line(line, &mut block) {
            continue;
        }
        // "at the Riverside Ground": where the author writes from.
        if line.starts_with("at ") || line.starts_with("in ") {
            continue;
        }
        if !is_author_role_line(line) || block.author_role.is_some() {
            return false;
        }
        // "Health and Science Reporter, Pulse Health News": role, outlet.
        match line.rsplit_once(", ") {
            Some((role, outlet)) if outlet.starts_with(char::is_uppercase) => {
                block.author_role = Some(role.to_string());
                block.outlet = Some(outlet.to_string());
            }
            _ => block.author_role = Some(line.to_string()),
        }
    }
    meta.author = block.author;
    meta.date = meta.date.take().or(block.date);
    meta.author_role = meta.author_role.take().or(block.author_role);
    meta.outlet = meta.outlet.take().or(block.outlet);
    true
}

/// A short capitalised line without sentence punctuation or quotation
/// marks: a role or a desk under a byline.
fn is_author_role_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=MAX_AUTHOR_ROLE_WORDS).contains(&words)
        && line.chars().next().is_some_and(char::is_uppercase)
        && !line.contains(['.', '"', '“', '”', '?', '!', ':', ';'])
}

fn is_meta_line(line: &str) -> bool {
    parse_meta_line(line, &mut Meta::default())
}

/// Reads a header line: "11.10.2023 Author: Name", "By Name", a date alone,
/// "Published 11 October 2023". Returns whether it was one.
fn parse_meta_line(text: &str, meta: &mut Meta) -> bool {
    let t = text.trim();
    if t.contains('\n') || t.split_whitespace().count() > 14 {
        return false;
    }
    let mut found = false;
    let lower = t.to_ascii_lowercase();
    for key in ["author:", "by "] {
        if let Some(at) = lower.find(key)
            && (at == 0 || key == "author:")
        {
            let names = t[at + key.len()..].trim();
            let names = names.split(['|', '–', '—']).next().unwrap_or("").trim();
            if let Some(names) = author_names(names) {
                meta.author = Some(names.to_string());
                found = true;
            }
        }
    }
    let date_part = match lower.find("author:") {
        Some(at) => &t[..at],
        None => t,
    };
    if let Some(d) = find_date(date_part)
        && (found || date_part.split_whitespace().count() <= 6)
    {
        meta.date.get_or_insert(d);
        found = true;
    }
    found
}

/// The authors at the start of a byline, as written: "Ann Lee", "Ann Lee
/// and Bo Park", "Ann Lee, Bo Park and Cy Diaz"; a part after a comma that
/// is no name ("Ann Lee, Staff Writer") ends the list.
fn author_names(s: &str) -> Option<&str> {
    let mut end = 0;
    let mut rest = s;
    let mut offset = 0;
    loop {
        let cut = [", and ", ", ", " and ", " & "]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|at| (at, sep.len())))
            .min();
        let (part, next) = match cut {
            Some((at, len)) => (&rest[..at], Some(at + len)),
            None => (rest, None),
        };
        // The first part is the byline as written, even a desk ("By Special
        // Correspondent"); a later one must be a person.
        let is_name = looks_like_name(part.trim())
            && (offset == 0
                || !part
                    .split_whitespace()
                    .any(|w| lexicon::is_role_noun(&w.to_lowercase()) || w == "Staff"));
        if !is_name {
            break;
        }
        end = offset + part.trim_end().len();
        match next {
            Some(n) => {
                offset += n;
                rest = &rest[n..];
            }
            None => break,
        }
    }
    (end > 0).then(|| &s[..end])
}

fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || lexicon::is_name_particle(w)
        })
}

/// The first date in `s`, as `YYYY-MM-DD`: `11.10.2023`, `2023-10-11`,
/// `October 11, 2023`, `11 October 2023`, `Oct. 11, 2023`.
pub fn find_date(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-' && c != '/');
        if let Some(d) = numeric_date(w) {
            return Some(d);
        }
        if let Some(m) = lexicon::month(w) {
            let day_before = i
                .checked_sub(1)
                .and_then(|j| day(words[j]))
                .filter(|_| i >= 1);
            let (day_, year_at) = match day_before {
                Some(d) => (Some(d), i + 1),
                None => (words.get(i + 1).and_then(|x| day(x)), i + 2),
            };
            let year = words.get(year_at).and_then(|y| year(y));
            if let (Some(d), Some(y)) = (day_, year) {
                let date = format!("{y:04}-{m:02}-{d:02}");
                if crate::text::parse_date(&date).is_some() {
                    return Some(date);
                }
            }
        }
    }
    None
}

fn day(w: &str) -> Option<u32> {
    let w = w.trim_end_matches(['.', ',']);
    let w = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    w.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(w: &str) -> Option<i32> {
    let w = w.trim_end_matches(['.', ',']);
    (w.len() == 4)
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

fn numeric_date(w: &str) -> Option<String> {
    // ISO 8601 with a time: "2023-10-11T08:00:00Z".
    if w.len() > 10 && w.is_char_boundary(10) && w.as_bytes()[10] == b'T' {
        return numeric_date(&w[..10]);
    }
    let parts: Vec<&str> = w.split(['.', '-', '/']).collect();
    if parts.len() != 3 || !parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let date = if parts[0].len() == 4 {
        format!("{}-{:0>2}-{:0>2}", parts[0], parts[1], parts[2])
    } else if parts[2].len() == 4 && w.contains('.') {
        format!("{}-{:0>2}-{:0>2}", parts[2], parts[1], parts[0])
    } else {
        return None;
    };
    crate::text::parse_date(&date).map(|_| date)
}

/// Most words in a closing byline paragraph.
const MAX_BYLINE_WORDS: usize = 70;

/// Reads a closing byline: "Name, role, exclusively for the online magazine
/// Outlet." or "Name is a senior fellow at Place." Returns whether it was one.
fn parse_byline(text: &str, meta: &mut Meta) -> bool {
    let t = text.trim();
    if t.contains('\n') || t.split_whitespace().count() > MAX_BYLINE_WORDS {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    if is_credit_line(&lower) {
        if meta.author.is_none() {
            let rest = t.split_once(" by ").map(|x| x.1).unwrap_or("");
            let name = rest.split([';', ',', ')']).next().unwrap_or("").trim();
            if looks_like_name(name) {
                meta.author = Some(name.to_string());
            }
        }
        return true;
    }
    let Some(author) = meta.author.clone().or_else(|| byline_name(t, &lower)) else {
        return false;
    };
    let Some(rest) = t.strip_prefix(author.as_str()) else {
        return false;
    };
    let rest = rest.trim_start_matches([',', ' ']);
    let rest = rest
        .strip_prefix("is ")
        .map(|r| r.trim_start_matches("a ").trim_start_matches("an "))
        .unwrap_or(rest);
    let (role, outlet) = role_and_outlet(rest.trim_end_matches('.'));
    if let Some(outlet) = outlet
        && !outlet.is_empty()
        && meta.outlet.is_none()
    {
        meta.outlet = Some(outlet.to_string());
    }
    let role = role.trim().trim_end_matches(',');
    if meta.author.is_none() {
        meta.author = Some(author.clone());
    }
    if !role.is_empty() && meta.author_role.is_none() {
        meta.author_role = Some(role.to_string());
    }
    true
}

/// "Reporting by …", "Written by …", "Editing by …" (lower case).
fn is_credit_line(lower: &str) -> bool {
    lower.starts_with("reporting by")
        || lower.starts_with("(reporting by")
        || lower.starts_with("written by")
        || lower.starts_with("editing by")
}

/// Without a header, the name a final paragraph "Name Name, ..., for
/// Outlet." opens with.
fn byline_name(t: &str, lower: &str) -> Option<String> {
    let head = t.split(',').next().unwrap_or("");
    // The outlet after "for" is a name: not "Rhian Evans, 31, campaigned
    // for the review."
    let outlet_named = [" for the ", "exclusively for "].iter().any(|k| {
        lower.find(k).is_some_and(|at| {
            t[at + k.len()..]
                .trim_start_matches("online magazine ")
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
    });
    outlet_named
        .then_some(head)
        .filter(|h| looks_like_name(h) && h.split_whitespace().count() >= 2)
        .map(str::to_string)
}

/// A byline's words after the name split into the author's role and the
/// outlet written for ("senior fellow, exclusively for the online magazine
/// Outlet"), without the outlet's description.
fn role_and_outlet(rest: &str) -> (&str, Option<&str>) {
    let lower_rest = rest.to_ascii_lowercase();
    for key in [
        ", exclusively for ",
        " exclusively for ",
        ", writing for ",
        ", for ",
    ] {
        if let Some(at) = lower_rest.find(key) {
            let mut outlet = rest[at + key.len()..].trim();
            for prefix in [
                "the online magazine ",
                "the online journal ",
                "the magazine ",
                "the newspaper ",
                "the journal ",
                "the website ",
                "online magazine ",
                "the ",
            ] {
                if let Some(o) = outlet.strip_prefix(prefix) {
                    outlet = o;
                    break;
                }
            }
            return (&rest[..at], Some(outlet));
        }
    }
    (rest, None)
}

/// The agency of a wire dateline: "SEOUL, Oct 11 (Reuters) -" → Reuters.
fn dateline_outlet(text: &str) -> Option<String> {
    let head: String = text.chars().take(80).collect();
    let open = head.find('(')?;
    let close = head[open..].find(')')? + open;
    let after = head[close + 1..].trim_start();
    if !after.starts_with(['-', '–', '—']) {
        return None;
    }
    let before = &head[..open];
    let caps = before.chars().filter(|c| c.is_uppercase()).count();
    let letters = before.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || caps * 2 < letters.min(12) {
        return None;
    }
    let name = head[open + 1..close].trim();
    (!name.is_empty() && name.split_whitespace().count() <= 3).then(|| name.to_string())
}

/// Lays out an HTML article: the text of its `<article>` (or `<main>`, or
/// `<body>`), one paragraph per block element, with metadata from the head.
pub fn from_html(html: &str) -> Layout {
    let doc = Html::parse_document(html);
    let (mut meta, title_tag) = head_meta(&doc);
    let mut w = BlockWriter::default();
    w.walk(article_root(&doc), 0);
    w.flush();
    let (body, mut paragraphs, headings, title_para) = lay_out_blocks(w.blocks, &mut meta);
    if meta.title.is_none() {
        meta.title = title_tag.filter(|t| !t.is_empty());
    }
    if let Some(i) = title_para {
        paragraphs[i].role = Role::Title;
    }
    let mut layout = Layout {
        body,
        paragraphs,
        meta,
    };
    let title = layout.meta.title.clone();
    classify_html(&mut layout, &headings);
    if let Some(t) = title {
        set_title(&mut layout.meta, &t);
    }
    layout
}

/// The metadata of a page's `<meta>`, `<link rel=canonical>` and `<time>`
/// elements, and the text of its `<title>`.
fn head_meta(doc: &Html) -> (Meta, Option<String>) {
    let mut meta = Meta::default();
    let mut title_tag = None;
    for node in doc.root_element().descendent_elements() {
        let e = node.value();
        match e.name() {
            "title" if title_tag.is_none() => {
                title_tag = Some(collapse(&node.text().collect::<String>()));
            }
            "meta" => {
                let key = e
                    .attr("name")
                    .or_else(|| e.attr("property"))
                    .or_else(|| e.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if let Some(content) = e.attr("content").map(collapse)
                    && !content.is_empty()
                {
                    meta_tag(&mut meta, &key, content);
                }
            }
            "link" if e.attr("rel") == Some("canonical") => {
                if let Some(href) = e.attr("href") {
                    meta.url.get_or_insert(href.to_string());
                }
            }
            "time" => {
                if let Some(d) = e.attr("datetime").and_then(find_date) {
                    meta.date.get_or_insert(d);
                }
            }
            _ => {}
        }
    }
    (meta, title_tag)
}

/// Reads a `<meta>` element's `content` by its name (`key`, lower case),
/// where the field is not yet set.
fn meta_tag(meta: &mut Meta, key: &str, content: String) {
    match key {
        "author" | "article:author" | "dc.creator" | "byl" if !content.starts_with("http") => {
            let c = content.strip_prefix("By ").unwrap_or(&content).to_string();
            meta.author.get_or_insert(c);
        }
        "og:title" | "twitter:title" => {
            meta.title.get_or_insert(content);
        }
        "og:site_name" | "application-name" => {
            meta.outlet.get_or_insert(content);
        }
        "og:url" => {
            meta.url.get_or_insert(content);
        }
        "article:published_time"
        | "date"
        | "pubdate"
        | "publishdate"
        | "datepublished"
        | "dc.date"
        | "publish-date" => {
            if let Some(d) = find_date(&content) {
                meta.date.get_or_insert(d);
            }
        }
        _ => {}
    }
}

/// The element holding the article: its `<article>`, else `<main>`, else
/// `<body>`, else the document.
fn article_root(doc: &Html) -> ElementRef<'_> {
    ["article", "main", "body"]
        .iter()
        .find_map(|tag| {
            doc.root_element()
                .descendent_elements()
                .find(|e| e.value().name() == *tag)
        })
        .unwrap_or_else(|| doc.root_element())
}

/// The body text of the blocks, blank-line separated, with a paragraph
/// each; the first `<h1>` is the title and a byline block names the author
/// (in `meta`). Returns the body, the paragraphs, the ranges of the other
/// headings and the title's paragraph.
fn lay_out_blocks(
    blocks: Vec<(String, Block)>,
    meta: &mut Meta,
) -> (String, Vec<Paragraph>, Vec<Range<usize>>, Option<usize>) {
    let mut body = String::new();
    let mut paragraphs = Vec::new();
    let mut headings = Vec::new();
    let mut title_para = None;
    for (text, kind) in blocks {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(&text);
        let range = start..body.len();
        match kind {
            Block::Heading(1) if title_para.is_none() => {
                title_para = Some(paragraphs.len());
                meta.title = Some(text.clone());
            }
            Block::Heading(_) => headings.push(range.clone()),
            Block::Byline if meta.author.is_none() => {
                let name = text.trim_start_matches("By ").trim_start_matches("by ");
                let name = name.split([',', '|', '–', '—']).next().unwrap_or("").trim();
                if looks_like_name(name) {
                    meta.author = Some(name.to_string());
                }
            }
            _ => {}
        }
        paragraphs.push(Paragraph {
            range,
            role: match kind {
                Block::Byline => Role::Meta,
                _ => Role::Text,
            },
        });
    }
    (body, paragraphs, headings, title_para)
}

fn classify_html(layout: &mut Layout, headings: &[Range<usize>]) {
    for p in &mut layout.paragraphs {
        if p.role == Role::Text && headings.contains(&p.range) {
            p.role = Role::Heading;
        }
    }
    // Header lines and a byline inside the article text still count.
    let body = layout.body.clone();
    let n = layout.paragraphs.len();
    for i in 0..n.min(3) {
        if layout.paragraphs[i].role == Role::Text {
            let text = &body[layout.paragraphs[i].range.clone()];
            if parse_meta_line(text, &mut layout.meta) {
                layout.paragraphs[i].role = Role::Meta;
            }
        }
    }
    for k in (0..n).rev().take(2) {
        let p = &layout.paragraphs[k];
        if p.role == Role::Text && parse_byline(&body[p.range.clone()], &mut layout.meta) {
            layout.paragraphs[k].role = Role::Byline;
            break;
        }
    }
    if layout.meta.outlet.is_none()
        && let Some(p) = layout.paragraphs.iter().find(|p| p.role == Role::Text)
    {
        layout.meta.outlet = dateline_outlet(&body[p.range.clone()]);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Text,
    Heading(u8),
    Byline,
}

/// Collects the text of block elements, one string per block.
#[derive(Default)]
struct BlockWriter {
    blocks: Vec<(String, Block)>,
    current: String,
    kind: Option<Block>,
}

impl BlockWriter {
    fn flush(&mut self) {
        let text = collapse(&self.current);
        if !text.is_empty() {
            self.blocks.push((text, self.kind.unwrap_or(Block::Text)));
        }
        self.current.clear();
        self.kind = None;
    }

    /// Below this depth, nested elements only add their text: hostile
    /// nesting must not exhaust the stack.
    const MAX_DEPTH: usize = 128;

    fn walk(&mut self, element: ElementRef<'_>, depth: usize) {
        if depth > Self::MAX_DEPTH {
            for t in element.text() {
                self.current.push_str(t);
            }
            return;
        }
        for child in element.children() {
            match child.value() {
                Node::Text(t) => self.current.push_str(t),
                Node::Element(e) => {
                    let name = e.name();
                    if lexicon::is_skipped_html_element(name) {
                        continue;
                    }
                    let Some(child) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if name == "br" {
                        self.current.push(' ');
                        continue;
                    }
                    let class = e.attr("class").unwrap_or("").to_ascii_lowercase();
                    let block = match name {
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            Some(Block::Heading(name.as_bytes()[1] - b'0'))
                        }
                        "p" | "div" | "section" | "article" | "main" | "li" | "ul" | "ol"
                        | "blockquote" | "pre" | "table" | "tr" | "dd" | "dt" | "header"
                        | "address" | "figcaption" | "hr" => {
                            Some(if class.contains("byline") || class.contains("author") {
                                Block::Byline
                            } else {
                                Block::Text
                            })
                        }
                        _ => None,
                    };
                    match block {
                        Some(kind) => {
                            self.flush();
                            self.kind = Some(kind);
                            self.walk(child, depth + 1);
                            self.flush();
                        }
                        None => self.walk(child, depth + 1),
                    }
                }
                _ => {}
            }
        }
    }
}

/// Collapses HTML whitespace runs to one space and trims.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_title_and_byline_of_the_seed_layout() {
        let text = "11.10.2023 Author: Jane Roe\n\nThe Talks, Part Two: Reactions\n\nFirst paragraph. It says things.\n\nJane Roe, senior analyst, exclusively for the online magazine World Review.\n\nRelated articles:\n";
        let l = from_text(text);
        let roles: Vec<Role> = l.paragraphs.iter().map(|p| p.role).collect();
        assert_eq!(
            roles,
            [
                Role::Meta,
                Role::Title,
                Role::Text,
                Role::Byline,
                Role::Trailer
            ]
        );
        assert_eq!(l.meta.author.as_deref(), Some("Jane Roe"));
        assert_eq!(l.meta.date.as_deref(), Some("2023-10-11"));
        assert_eq!(
            l.meta.title.as_deref(),
            Some("The Talks, Part Two: Reactions")
        );
        assert_eq!(l.meta.series.as_deref(), Some("The Talks"));
        assert_eq!(l.meta.part, Some(2));
        assert_eq!(l.meta.outlet.as_deref(), Some("World Review"));
        assert_eq!(l.meta.author_role.as_deref(), Some("senior analyst"));
        assert_eq!(l.body, text);
    }

    #[test]
    fn every_author_of_a_byline_and_a_headline_ending_with_a_full_stop() {
        let l = from_text(
            "Chess champion Vera Lind has died. She was 88.\n\nBy Ann Lee, Bo Park and Cy Diaz\n\nMay 2, 2025\n\nText.",
        );
        assert_eq!(
            l.meta.title.as_deref(),
            Some("Chess champion Vera Lind has died. She was 88.")
        );
        assert_eq!(
            l.meta.author.as_deref(),
            Some("Ann Lee, Bo Park and Cy Diaz")
        );
        assert_eq!(l.meta.date.as_deref(), Some("2025-05-02"));
        assert_eq!(author_names("Ann Lee, Staff Writer"), Some("Ann Lee"));
        assert_eq!(
            author_names("Ann Lee and Bo Park"),
            Some("Ann Lee and Bo Park")
        );
        assert_eq!(author_names("the desk"), None);
        assert_eq!(
            author_names("Special Correspondent"),
            Some("Special Correspondent")
        );
    }

    #[test]
    fn a_byline_over_the_authors_desk_is_header() {
        let l = from_text(
            "Hail ruins a harvest in Burgundy.\n\nBy Claire Vautrin\nForeign Desk\n\nAugust 30, 2028\n\nThe storm came.",
        );
        assert_eq!(l.meta.author.as_deref(), Some("Claire Vautrin"));
        assert_eq!(l.meta.author_role.as_deref(), Some("Foreign Desk"));
        assert_eq!(l.meta.date.as_deref(), Some("2028-08-30"));
        let text: Vec<_> = l
            .paragraphs
            .iter()
            .filter(|p| p.role == Role::Text)
            .collect();
        assert_eq!(text.len(), 1);
        // A byline with its date on the next line.
        let l = from_text("Title here\n\nBy Ann Lee\nMay 2, 2025\n\nText.");
        assert_eq!(l.meta.author.as_deref(), Some("Ann Lee"));
        assert_eq!(l.meta.date.as_deref(), Some("2025-05-02"));
        // A headline in quotation marks; a role with the outlet; a place.
        let l = from_text(
            "“We treat what comes”: a field hospital\n\nBy Salma Haddad\nHealth Reporter, Pulse News\n\nJanuary 22, 2029\n\nText.",
        );
        assert_eq!(
            l.meta.title.as_deref(),
            Some("“We treat what comes”: a field hospital")
        );
        assert_eq!(l.meta.author.as_deref(), Some("Salma Haddad"));
        assert_eq!(l.meta.author_role.as_deref(), Some("Health Reporter"));
        assert_eq!(l.meta.outlet.as_deref(), Some("Pulse News"));
        let l =
            from_text("Okoro strikes late\n\nBy Callum Brierley\nat the Riverside Ground\n\nText.");
        assert_eq!(l.meta.author.as_deref(), Some("Callum Brierley"));
        // A line that is a sentence leaves the block to the body.
        let l = from_text("Title here\n\nBy Ann Lee\nShe said it was over.\n\nText.");
        assert_eq!(l.meta.author, None);
    }

    #[test]
    fn dates_in_several_spellings() {
        assert_eq!(find_date("October 11, 2023").as_deref(), Some("2023-10-11"));
        assert_eq!(find_date("11 Oct. 2023").as_deref(), Some("2023-10-11"));
        assert_eq!(
            find_date("Published 2023-10-11T08:00").as_deref(),
            Some("2023-10-11")
        );
        assert_eq!(find_date("11.10.2023").as_deref(), Some("2023-10-11"));
        assert_eq!(find_date("31.02.2023"), None);
        assert_eq!(find_date("no date here"), None);
    }

    #[test]
    fn wire_dateline_gives_the_agency() {
        assert_eq!(
            dateline_outlet("SEOUL, Oct 11 (Reuters) - South Korea said").as_deref(),
            Some("Reuters")
        );
        assert_eq!(dateline_outlet("He said (quietly) - no"), None);
    }

    #[test]
    fn deeply_nested_html_keeps_its_text() {
        let html = format!(
            "<html><body><article><p>Start.</p>{}Deep text.{}</article></body></html>",
            "<div><b>".repeat(1_000),
            "</b></div>".repeat(1_000)
        );
        let l = from_html(&html);
        assert!(l.body.starts_with("Start."));
        assert!(l.body.contains("Deep text."));
    }

    #[test]
    fn html_blocks_headings_and_metadata() {
        let html = r#"<!DOCTYPE html><html><head><title>T</title>
            <meta name="author" content="Jane Roe">
            <meta property="article:published_time" content="2024-03-05T10:00:00Z">
            <meta property="og:site_name" content="The Daily">
            <script>var x = "“not text”";</script></head>
            <body><nav>Home</nav><article><h1>Big  news</h1>
            <p>First <b>bold</b> line.</p><h2>Section</h2><p>“Quote,” she said.</p></article>
            <footer>(c)</footer></body></html>"#;
        let l = from_html(html);
        assert_eq!(
            l.body,
            "Big news\n\nFirst bold line.\n\nSection\n\n“Quote,” she said."
        );
        let roles: Vec<Role> = l.paragraphs.iter().map(|p| p.role).collect();
        assert_eq!(roles, [Role::Title, Role::Text, Role::Heading, Role::Text]);
        assert_eq!(l.meta.title.as_deref(), Some("Big news"));
        assert_eq!(l.meta.author.as_deref(), Some("Jane Roe"));
        assert_eq!(l.meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(l.meta.outlet.as_deref(), Some("The Daily"));
        assert!(looks_like_html(html));
        assert!(!looks_like_html("Plain <b>text</b>"));
    }
}

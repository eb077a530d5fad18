//! Categories: how the article groups its reactions.
//!
//! An article that announces its own grouping ("The first category …", "The
//! second line of discussion …", "A further category of responses …") is
//! cut where each announcement opens a paragraph, and the category is named
//! after what the announcement says it concerns. Otherwise its headings cut
//! it into sections. Otherwise everything is one category.

use super::layout::{Paragraph, Role};
use super::lexicon;
use super::quotes::sentences;

/// A stretch of the article that forms one category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Byte offset where it starts.
    pub start: usize,
    pub title: String,
    pub summary: String,
}

/// Whether a sentence announces a group of reactions.
pub fn is_marker(sentence: &str) -> bool {
    marker_end(sentence).is_some()
}

/// Byte offset after the grouping noun of an announcing sentence.
fn marker_end(sentence: &str) -> Option<usize> {
    let mut words = Vec::new();
    let mut pos = 0;
    for w in sentence.split(' ') {
        let start = pos;
        pos += w.len() + 1;
        if !w.is_empty() {
            words.push((w, start + w.len()));
        }
        if words.len() >= 6 {
            break;
        }
    }
    let lower: Vec<String> = words
        .iter()
        .map(|(w, _)| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let first = lower.first()?;
    let (seq_at, from) = if first == "another" {
        (0, 1)
    } else if matches!(first.as_str(), "the" | "a" | "an") {
        let k = (1..3.min(lower.len())).find(|&k| lexicon::is_sequence_word(&lower[k]))?;
        (k, k + 1)
    } else {
        return None;
    };
    let _ = seq_at;
    let g = (from..(from + 3).min(lower.len())).find(|&k| lexicon::is_grouping_noun(&lower[k]))?;
    Some(words[g].1)
}

/// The author's question opening a paragraph: a sentence ending with "?"
/// outside any quotation.
fn is_open_question(s: &str) -> bool {
    s.ends_with('?') && !s.contains(['“', '”', '"', '‘', '«']) && s.split_whitespace().count() >= 4
}

/// A category title from the question that opens it: "What might be the
/// practical conclusions from the experts' points of view?" → "Practical
/// conclusions from the experts' points of view".
fn question_title(s: &str) -> String {
    let t = s.trim_end_matches('?');
    let title = [
        "what might be ",
        "what are ",
        "what is ",
        "what will be ",
        "what would be ",
    ]
    .iter()
    .find_map(|p| {
        t.get(..p.len())
            .filter(|h| h.eq_ignore_ascii_case(p))
            .map(|_| &t[p.len()..])
    })
    .unwrap_or(t);
    let title = ["the ", "The "]
        .iter()
        .find_map(|a| title.strip_prefix(a))
        .unwrap_or(title);
    let mut c = title.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The categories of an article, in order.
pub fn sections(body: &str, paragraphs: &[Paragraph]) -> Vec<Section> {
    let mut markers = Vec::new();
    // "What might be the practical conclusions? …": a paragraph that opens
    // with the author's own question turns to a new group too, once groups
    // have been announced.
    let mut questions = Vec::new();
    for p in paragraphs.iter().filter(|p| p.role == Role::Text) {
        let Some(first) = sentences(body, p.range.clone()).into_iter().next() else {
            continue;
        };
        let s = &body[first];
        if let Some(end) = marker_end(s) {
            markers.push(Section {
                start: p.range.start,
                title: marker_title(&s[end..])
                    .unwrap_or_else(|| format!("Category {}", markers.len() + 1)),
                summary: s.to_string(),
            });
        } else if !markers.is_empty() && is_open_question(s.trim()) {
            questions.push(Section {
                start: p.range.start,
                title: question_title(s.trim()),
                summary: s.trim().to_string(),
            });
        }
    }
    if markers.len() >= 2 {
        markers.extend(questions);
        markers.sort_by_key(|m| m.start);
        return markers;
    }
    let first_text = paragraphs.iter().position(|p| p.role == Role::Text);
    let mut sections = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        if p.role != Role::Heading || first_text.is_some_and(|f| i < f) {
            continue;
        }
        let next_text = paragraphs[i + 1..]
            .iter()
            .take_while(|q| q.role != Role::Heading)
            .find(|q| q.role == Role::Text);
        let Some(next) = next_text else { continue };
        if sections.is_empty() {
            sections.push(Section {
                start: 0,
                title: "Opening".into(),
                summary: "What the article reports before its first heading.".into(),
            });
        }
        let summary = sentences(body, next.range.clone())
            .into_iter()
            .next()
            .map(|r| crate::text::ellipsize(&body[r], 200).into_owned())
            .unwrap_or_default();
        sections.push(Section {
            start: p.range.start,
            title: body[p.range.clone()].trim().to_string(),
            summary,
        });
    }
    if sections.is_empty() {
        sections.push(Section {
            start: 0,
            title: "Reactions".into(),
            summary: "Everything the article quotes, in one group.".into(),
        });
    }
    sections
}

/// "largely corresponds to the official reaction of the West." → "Official
/// reaction of the West".
fn marker_title(rest: &str) -> Option<String> {
    let lower = rest.to_lowercase();
    const VERBS: &[&str] = &[
        " corresponds to ",
        " concerns ",
        " concerned ",
        " centers on ",
        " centres on ",
        " centered on ",
        " centred on ",
        " deals with ",
        " dealt with ",
        " focuses on ",
        " focused on ",
        " relates to ",
        " related to ",
        " revolves around ",
        " covers ",
        " addresses ",
        " touches on ",
        " is about ",
        " was about ",
        " consists of ",
        " includes ",
        " comes from ",
        " came from ",
        " is ",
        " was ",
    ];
    let (at, len) = VERBS
        .iter()
        .filter_map(|v| lower.find(v).map(|at| (at, v.len())))
        .min_by_key(|&(at, _)| at)?;
    let mut t = &rest[at + len..];
    let mut cut = t.len();
    for stop in [
        ",",
        ";",
        ":",
        " – ",
        " — ",
        " and the fact",
        " in general",
        ".",
        " (",
        " which ",
        " that ",
    ] {
        if let Some(p) = t.find(stop) {
            cut = cut.min(p);
        }
    }
    t = t[..cut].trim();
    for a in ["the ", "a ", "an "] {
        if let Some(s) = t.strip_prefix(a) {
            t = s;
            break;
        }
    }
    let words: Vec<&str> = t.split_whitespace().take(10).collect();
    if words.is_empty() {
        return None;
    }
    let title = words.join(" ");
    let title = title.trim_matches(|c: char| c == '“' || c == '”' || c == '"');
    let mut chars = title.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::layout::from_text;

    #[test]
    fn announced_groups_become_categories() {
        let text = "Intro.\n\nThe first category largely corresponds to the official reaction of the West. A said that.\n\nMore.\n\nThe second line of discussion concerned the “alliance of two dictatorships” in general and more.\n\nA further category of responses concerns the ROK’s domestic policies.";
        let l = from_text(text);
        let s = sections(&l.body, &l.paragraphs);
        let titles: Vec<&str> = s.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Official reaction of the West",
                "Alliance of two dictatorships”",
                "ROK’s domestic policies"
            ]
            .map(|t| t.trim_end_matches('”'))
        );
        assert!(s[0].summary.starts_with("The first category"));
    }

    #[test]
    fn the_authors_question_opens_a_group_after_announced_ones() {
        let body = "The first group of reactions is official. A said x.\n\nThe second group of reactions is academic. B said y.\n\nWhat might be the practical conclusions? C said z.";
        let paras = crate::import::layout::from_text(body).paragraphs;
        let titles: Vec<String> = sections(body, &paras)
            .into_iter()
            .map(|s| s.title)
            .collect();
        assert_eq!(titles.len(), 3, "{titles:?}");
        assert_eq!(titles[2], "Practical conclusions");
        assert_eq!(question_title("What is the cost?"), "Cost");
        // A capital whose lower case is longer or shorter cuts no character.
        assert_eq!(question_title("\u{212a}hat is it?"), "\u{212a}hat is it");
        assert!(!is_open_question("“Why?” she asked?"));
    }

    #[test]
    fn headings_or_one_category() {
        let l = from_text(
            "Title line\n\nLead said this.\n\nReactions abroad\n\nSmith said that.\n\nAt home\n\nRoe said so.",
        );
        let s = sections(&l.body, &l.paragraphs);
        let titles: Vec<&str> = s.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Opening", "Reactions abroad", "At home"]);
        let l = from_text("Plain text. Nothing else.");
        assert_eq!(sections(&l.body, &l.paragraphs).len(), 1);
        assert!(!is_marker("The first time he spoke, nobody listened."));
        assert!(is_marker("Another group of experts argues the opposite."));
    }
}

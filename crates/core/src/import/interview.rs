//! Interviews in question-and-answer form: paragraphs opening with "Q:" are
//! the interviewer's questions, those opening with "A:" the interviewee's
//! answers, quoted whole; a paragraph without a marker between an answer and
//! the next question goes on with the answer.

use std::ops::Range;

use super::layout::{Paragraph, Role};

/// Fewest question paragraphs that make an article an interview: one "Q:"
/// may be a stray abbreviation.
const MIN_QUESTIONS: usize = 2;

/// What a paragraph of an interview is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Turn {
    Question,
    /// The answer's words: the paragraph without its marker.
    Answer(Range<usize>),
}

/// The byte length of a turn marker ("Q:", "A.", "Q —") opening `text` for
/// `letter`, with the blanks after it.
fn marker(text: &str, letter: char) -> Option<usize> {
    let rest = text.strip_prefix(letter)?;
    let after = rest.trim_start_matches([' ', '\u{a0}']);
    let mark = after.chars().next()?;
    if !matches!(mark, ':' | '.' | '—' | '–' | '-') {
        return None;
    }
    let after_mark = &after[mark.len_utf8()..];
    let words = after_mark.trim_start_matches([' ', '\u{a0}']);
    // "A. Smith" is an initial, not an answer; the marker has a blank after it.
    if words.len() == after_mark.len() {
        return None;
    }
    Some(text.len() - words.len())
}

/// Whether a paragraph of this role may be a turn: a short question looks
/// like a heading to the layout.
fn may_be_turn(role: Role) -> bool {
    matches!(role, Role::Text | Role::Heading)
}

/// Whether the paragraphs of the roles `counts` hold enough questions to
/// make the article an interview.
fn is_interview(body: &str, paragraphs: &[Paragraph], counts: impl Fn(Role) -> bool) -> bool {
    paragraphs
        .iter()
        .filter(|p| counts(p.role) && marker(&body[p.range.clone()], 'Q').is_some())
        .count()
        >= MIN_QUESTIONS
}

/// Makes the questions and answers of an interview running text, where the
/// layout took short ones for headings.
pub fn mark_turns(paragraphs: &mut [Paragraph], body: &str) {
    let is_turn = |p: &Paragraph| {
        let t = &body[p.range.clone()];
        may_be_turn(p.role) && (marker(t, 'Q').is_some() || marker(t, 'A').is_some())
    };
    if !is_interview(body, paragraphs, may_be_turn) {
        return;
    }
    for p in paragraphs.iter_mut() {
        if is_turn(p) {
            p.role = Role::Text;
        }
    }
}

/// The turn of every paragraph (`None` outside the interview), or all
/// `None` when the article is no interview.
pub fn turns(body: &str, paragraphs: &[Paragraph]) -> Vec<Option<Turn>> {
    let mut out: Vec<Option<Turn>> = vec![None; paragraphs.len()];
    let text = |p: &Paragraph| &body[p.range.clone()];
    if !is_interview(body, paragraphs, |r| r == Role::Text) {
        return out;
    }
    let last_question = paragraphs
        .iter()
        .rposition(|p| p.role == Role::Text && marker(text(p), 'Q').is_some());
    let mut answering = false;
    for (i, p) in paragraphs.iter().enumerate() {
        if p.role != Role::Text {
            continue;
        }
        let t = text(p);
        if marker(t, 'Q').is_some() {
            out[i] = Some(Turn::Question);
            answering = false;
        } else if let Some(m) = marker(t, 'A') {
            out[i] = Some(Turn::Answer(p.range.start + m..p.range.end));
            answering = true;
        } else if answering && last_question.is_some_and(|q| i < q) {
            out[i] = Some(Turn::Answer(p.range.clone()));
        } else {
            answering = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(body: &str) -> Vec<Paragraph> {
        let mut out = Vec::new();
        let mut start = 0;
        for part in body.split("\n\n") {
            out.push(Paragraph {
                range: start..start + part.len(),
                role: Role::Text,
            });
            start += part.len() + 2;
        }
        out
    }

    #[test]
    fn questions_answers_and_their_continuations() {
        let body =
            "Intro.\n\nQ: Why?\n\nA: Because.\n\nAnd more.\n\nQ. Then?\n\nA — Done.\n\nOutro.";
        let t = turns(body, &paras(body));
        let answer = |r: &Option<Turn>| match r {
            Some(Turn::Answer(r)) => Some(&body[r.clone()]),
            _ => None,
        };
        assert_eq!(t[0], None);
        assert_eq!(t[1], Some(Turn::Question));
        assert_eq!(answer(&t[2]), Some("Because."));
        assert_eq!(answer(&t[3]), Some("And more."));
        assert_eq!(t[4], Some(Turn::Question));
        assert_eq!(answer(&t[5]), Some("Done."));
        // After the last answer the article's own text resumes.
        assert_eq!(t[6], None);
    }

    #[test]
    fn one_q_or_initials_make_no_interview() {
        let body = "Q: only one.\n\nA: answer.";
        assert!(turns(body, &paras(body)).iter().all(Option::is_none));
        let body = "Q.E.D. said one.\n\nQ:x\n\nA. Smith said so.";
        assert!(turns(body, &paras(body)).iter().all(Option::is_none));
    }
}

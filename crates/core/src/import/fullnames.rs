//! Full names: a person the cues only ever call by one name ("Osei said",
//! "Mrs. Pruitt said") takes the full name the article gives them elsewhere
//! ("Another analyst, Derek Osei of Brightwater Capital, was more upbeat.",
//! "is Joan Pruitt, 71, a retired postal clerk"), when it gives exactly one
//! full name with that word and nobody else is known by it. Runs after
//! attribution, over the whole body, so an introduction the cues did not
//! read still names the speaker; a family name two people share ("Frank
//! Halloran" and "Daniel Halloran") stays as it is.

use std::collections::{HashMap, HashSet};

use super::lexicon;
use super::speakers::{Registry, key};

/// Most words before a family name that a full name may have ("Mary Ann
/// de la Cruz" aside, given names and initials: "Derek A. Osei").
const MAX_WORDS_BEFORE: usize = 3;

/// Gives every person known by one name the one full name the body has for
/// them, keeping the one name as an alias.
pub(super) fn complete(body: &str, reg: &mut Registry) {
    let lone =
        |r: &super::speakers::Rec| r.person && !r.plural && r.name.split_whitespace().count() == 1;
    let long = |r: &super::speakers::Rec| r.person && r.name.split_whitespace().count() >= 3;
    if !reg.recs.iter().any(|r| lone(r) || long(r)) {
        return;
    }
    let index = Index::of(body);
    let taken: HashSet<String> = reg
        .recs
        .iter()
        .flat_map(|r| std::iter::once(&r.name).chain(&r.aliases))
        .map(|n| key(n))
        .collect();
    for rec in &mut reg.recs {
        role_out_of_name(&index, rec);
    }
    // Each name folded, with a space either side, for whole-word search.
    let mut padded: Vec<String> = reg
        .recs
        .iter()
        .map(|r| format!(" {} ", key(&r.name)))
        .collect();
    for i in 0..reg.recs.len() {
        if !lone(&reg.recs[i]) {
            continue;
        }
        let one = reg.recs[i].name.clone();
        let shared = padded
            .iter()
            .enumerate()
            .any(|(j, p)| j != i && p.contains(padded[i].as_str()));
        if shared {
            continue;
        }
        let names = index.full_names(&one);
        let [full] = names.as_slice() else {
            continue;
        };
        let first = full.split_whitespace().next().unwrap_or("");
        let gender = lexicon::given_name_gender(&first.to_lowercase());
        let rec = &mut reg.recs[i];
        if taken.contains(&key(full)) || !rec.may_be(gender) {
            continue;
        }
        rec.aliases.retain(|a| key(a) != key(full));
        rec.aliases
            .insert(0, std::mem::replace(&mut rec.name, full.clone()));
        padded[i] = format!(" {} ", key(full));
        if rec.gender.is_none() {
            rec.gender = gender;
        }
    }
}

/// "Bandmate Ricky Dale": a name of three words or more whose first word
/// the body also writes in lower case ("his former bandmates") and which is
/// no given name opens with the person's role, capitalised only because it
/// opens a sentence.
fn role_out_of_name(index: &Index<'_>, rec: &mut super::speakers::Rec) {
    if !rec.person || rec.name.split_whitespace().count() < 3 {
        return;
    }
    let Some((first, rest)) = rec.name.split_once(' ') else {
        return;
    };
    let lower = first.to_lowercase();
    let common =
        index.lower.contains(lower.as_str()) || index.lower.contains(format!("{lower}s").as_str());
    if !common
        || rec.kind == crate::model::SpeakerKind::UnnamedGroup
        || !first.chars().next().is_some_and(char::is_uppercase)
        || lexicon::given_name_gender(&lower).is_some()
        || lexicon::is_place_word(first)
        || !first.chars().all(char::is_alphabetic)
    {
        return;
    }
    let rest = rest.to_string();
    let old = std::mem::replace(&mut rec.name, rest);
    rec.aliases.retain(|a| *a != old);
    rec.role = Some(match rec.role.take() {
        Some(r) => format!("{lower}; {r}"),
        None => lower,
    });
}

/// The body's words, read once: where each capitalised one stands, and
/// which ones it writes in lower case.
struct Index<'b> {
    body: &'b str,
    /// Capitalised word (without a possessive "'s") -> its byte offsets.
    at: HashMap<&'b str, Vec<usize>>,
    lower: HashSet<&'b str>,
}

impl<'b> Index<'b> {
    fn of(body: &'b str) -> Self {
        let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut lower = HashSet::new();
        let mut start = None;
        for (k, c) in body
            .char_indices()
            .chain(std::iter::once((body.len(), ' ')))
        {
            if is_word_char(c) {
                start.get_or_insert(k);
                continue;
            }
            let Some(s) = start.take() else {
                continue;
            };
            // "Osei's" is "Osei"; "Jones" stays "Jones".
            let word = &body[s..k];
            let word = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("’s"))
                .unwrap_or(word)
                .trim_end_matches(['\'', '’']);
            if word.chars().next().is_some_and(char::is_uppercase) {
                at.entry(word).or_default().push(s);
            } else {
                lower.insert(word);
            }
        }
        Index { body, at, lower }
    }

    /// The distinct full names of the body that end with `one` ("Derek
    /// Osei" for "Osei") or, for a given name, begin with it ("Gary Pratt"
    /// for "Gary"), in order of first appearance.
    fn full_names(&self, one: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let given = lexicon::given_name_gender(&one.to_lowercase()).is_some();
        for &at in self.at.get(one).map(Vec::as_slice).unwrap_or_default() {
            let end = at + one.len();
            let found = self.before(at).map(|b| format!("{b} {one}")).or_else(|| {
                given
                    .then(|| self.after(end))
                    .flatten()
                    .map(|a| format!("{one} {a}"))
            });
            if let Some(f) = found
                && !out.iter().any(|o| key(o) == key(&f))
            {
                out.push(f);
            }
        }
        out
    }

    /// The given names and initials right before a family name at `at`
    /// ("Derek" in "analyst, Derek Osei"), if its first word looks like a
    /// given name.
    fn before(&self, at: usize) -> Option<String> {
        let body = self.body;
        let mut words: Vec<&str> = Vec::new();
        let mut pos = at;
        while words.len() < MAX_WORDS_BEFORE {
            let Some(head) = body[..pos].strip_suffix(' ') else {
                break;
            };
            let start = head
                .char_indices()
                .rev()
                .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’')))
                .map_or(0, |(k, c)| k + c.len_utf8());
            let w = &head[start..];
            if !(is_initial(w) || self.name_part(w)) {
                break;
            }
            words.push(w);
            pos = start;
        }
        // "Derek A." needs a given name before the initials.
        while words.last().is_some_and(|w| is_initial(w)) {
            words.pop();
        }
        words.last()?;
        words.reverse();
        Some(words.join(" "))
    }

    /// The family name right after a given name ending at `end` ("Pratt"
    /// in "Gary Pratt, 52,").
    fn after(&self, end: usize) -> Option<String> {
        let tail = self.body[end..].strip_prefix(' ')?;
        let len = tail
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '-' | '\'' | '’')))
            .map_or(tail.len(), |(k, _)| k);
        let w = tail[..len].trim_end_matches(['\'', '’']);
        (self.name_part(w) && lexicon::given_name_gender(&w.to_lowercase()).is_none())
            .then(|| w.to_string())
    }

    /// Whether a capitalised word may be part of a person's name: a given
    /// name, or a word no list knows as something else and the body never
    /// writes in lower case ("Another", "When", "Council" are not).
    fn name_part(&self, w: &str) -> bool {
        let mut chars = w.chars();
        if !chars.next().is_some_and(char::is_uppercase)
            || w.ends_with('.')
            || w.contains(['\'', '’'])
            || chars.next().is_none()
            || w.chars().filter(|c| c.is_uppercase()).count() > 1 && !w.contains('-')
            // "Boston-based": a hyphenated name has a capital in every part.
            || w.split('-').any(|p| !p.chars().next().is_some_and(char::is_uppercase))
        {
            return false;
        }
        let lower = w.to_lowercase();
        if lexicon::given_name_gender(&lower).is_some() {
            return true;
        }
        !(lexicon::is_function_word(&lower)
            || lexicon::is_determiner(&lower)
            || lexicon::is_role_noun(&lower)
            || lexicon::is_title(w)
            || lexicon::is_courtesy_title(w)
            || lexicon::month(&lower).is_some()
            || lexicon::is_place_word(w)
            || lexicon::org_word(w).is_some()
            || lexicon::pronoun(&lower).is_some()
            || self.lower.contains(lower.as_str()))
    }
}

/// Characters of a word, as the index reads the body.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')
}

/// "A.", "J.": an initial.
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_family_name_finds_the_one_full_name_before_it() {
        let body = "Another analyst, Derek Osei of Brightwater Capital, was upbeat. \
                    \"It works,\" Osei said.";
        assert_eq!(Index::of(body).full_names("Osei"), ["Derek Osei"]);
        let body = "Among them is Joan Pruitt, 71. Mrs. Pruitt said so.";
        assert_eq!(Index::of(body).full_names("Pruitt"), ["Joan Pruitt"]);
        let body = "Derek A. Osei spoke. Osei said.";
        assert_eq!(Index::of(body).full_names("Osei"), ["Derek A. Osei"]);
    }

    #[test]
    fn words_that_are_not_given_names_do_not_make_a_full_name() {
        let body = "When Osei said it, the analyst laughed. Then Osei left. \
                    Council Osei? Brightwater's Osei spoke. Boston-based Osei grew.";
        assert!(Index::of(body).full_names("Osei").is_empty());
        // "Frank Halloran" and "Daniel Halloran": two, so none is chosen.
        let body = "Frank Halloran died. Her son, Daniel Halloran, said so.";
        assert_eq!(Index::of(body).full_names("Halloran").len(), 2);
    }

    #[test]
    fn a_given_name_finds_the_family_name_after_it() {
        let body = "Gary Pratt, 52, won. \"Mum's like this,\" Gary said.";
        assert_eq!(Index::of(body).full_names("Gary"), ["Gary Pratt"]);
        assert!(
            Index::of("Gary said. Gary Said was there.")
                .full_names("Gary")
                .is_empty()
        );
    }
}

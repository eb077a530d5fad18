//! Runs of capitalised words: a person (with the title and role words
//! before the name), an institution, a place speaking as a government, or a
//! group.

use super::{Who, Words, is_clause_word, is_connector, strip_possessive};
use crate::import::lexicon::{self, Anaphor, Org};

/// Most words in a person's name; a longer run of capitals is no name.
const MAX_NAME_WORDS: usize = 4;

/// Classifies a run of capitalised words (`run`), with the words before it
/// in the same phrase (`before`), as a person, an institution or a group.
pub(super) fn classify_run(words: &Words<'_>, run: &[usize], before: &[usize]) -> Option<Who> {
    let mut texts: Vec<&str> = run.iter().map(|&i| words.text(i)).collect();
    if let Some(group) = lone_group(&texts).or_else(|| plural_subject(words, run)) {
        return Some(group);
    }
    // "Singer Magnus Tait stopped the band": a role noun capitalised only
    // because it opens the sentence is no part of the name; nor is
    // "Frenchman" in "ahead of Frenchman Lucas Morvan".
    let lower = texts[0].to_lowercase();
    let opening_role = (texts.len() >= 3
        && !lexicon::is_title(texts[0])
        && !texts[1..].iter().any(|t| lexicon::org_word(t).is_some())
        && ((0..run[0]).all(|k| !words.is_word(k))
            && (lexicon::is_role_or_person_noun(&lower) || lexicon::is_agent_noun(&lower))
            || lexicon::is_demonym_noun(&lower)
                && (lower.ends_with("man")
                    || lower.ends_with("woman")
                    || lexicon::given_name_gender(&texts[1].to_lowercase()).is_some())))
    .then(|| {
        let first = texts.remove(0);
        if lexicon::is_demonym_noun(&lower) {
            first.to_string()
        } else {
            lower
        }
    });
    drop_of_suffix(&mut texts);
    let whole = texts.join(" ");
    if let Some(org) = known_institution(&whole) {
        return Some(org);
    }
    let t = last_title(&texts);
    if let Some(org) = institution_of(&texts, t, &whole) {
        return Some(org);
    }
    let name_from = name_start(&texts, t);
    let name_texts = &texts[name_from..];
    let title_text = texts[..name_from].join(" ");
    if name_texts.is_empty() {
        return title_alone(&texts, whole);
    }
    let name = name_texts.join(" ");
    if let Some(org) = name_as_institution(name_texts, &name) {
        return Some(org);
    }
    if name_texts.len() > MAX_NAME_WORDS {
        return None;
    }
    let mut role = opening_role.unwrap_or_else(|| role_words_before(words, before));
    if !title_text.is_empty() {
        if !role.is_empty() {
            role.push(' ');
        }
        role.push_str(&title_text);
    }
    let affiliation = affiliation_in(&role);
    Some(Who::Person {
        name,
        role: (!role.is_empty()).then_some(role),
        affiliation,
        titled: t.is_some(),
    })
}

/// "Critics say …", "Analysts expect …": a group noun at the start of a
/// sentence is a group, not a person.
fn lone_group(texts: &[&str]) -> Option<Who> {
    let [one] = texts else {
        return None;
    };
    let lower = one.to_lowercase();
    // "Seismologists said", "Librarians warned": a plural of a noun for
    // people by what they do, not a surname.
    let plural_of_people = lower.len() > 6
        && (lower.ends_with("ists") || lower.ends_with("ians"))
        && lexicon::given_name_gender(&lower).is_none();
    (lexicon::is_group_noun(&lower) || plural_of_people).then(|| Who::Group {
        name: one.to_string(),
        media: lexicon::is_media_group_noun(&lower),
    })
}

/// "Forecasters say …", "Islanders have said …": one capitalised word in
/// -s opening the sentence, before a verb that agrees with a plural, is a
/// group of people.
fn plural_subject(words: &Words<'_>, run: &[usize]) -> Option<Who> {
    let [one] = run else {
        return None;
    };
    let lower = words.w(*one);
    let plural = lower.ends_with('s') && !lower.ends_with("ss") && !super::is_possessive(lower);
    (plural
        && (0..*one).all(|k| !words.is_word(k))
        && lexicon::given_name_gender(lower).is_none()
        && lexicon::is_plural_verb(words.w(one + 1)))
    .then(|| Who::Group {
        name: words.text(*one).to_string(),
        media: false,
    })
}

/// "Senator Mark Ellison of Ohio": "of" after a name starts a suffix, which
/// is dropped (not after a title or institution word: "Bank of England").
fn drop_of_suffix(texts: &mut Vec<&str>) {
    // The first "of" that may start one ("Professor Jung Min-ho of Hankuk
    // University's Graduate School of International Studies").
    let plain = |x: &str| lexicon::org_word(x).is_none() && !lexicon::is_title(x);
    let first = texts
        .iter()
        .enumerate()
        .position(|(k, x)| *x == "of" && k >= 2 && plain(texts[k - 1]) && plain(texts[k - 2]));
    if let Some(k) = first.or_else(|| texts.iter().rposition(|x| *x == "of"))
        && k >= 2
        && lexicon::org_word(texts[k - 1]).is_none()
        && !lexicon::is_title(texts[k - 1])
        && lexicon::org_word(texts[k - 2]).is_none()
        && !lexicon::is_title(texts[k - 2])
        && !texts[..k].iter().any(|x| lexicon::org_word(x).is_some())
    {
        texts.truncate(k);
    }
}

/// A known organisation, or a place that speaks as its government.
fn known_institution(whole: &str) -> Option<Who> {
    if let Some(org) = lexicon::known_org(whole) {
        return Some(Who::Org {
            name: whole.to_string(),
            org,
            role: None,
        });
    }
    lexicon::is_place(whole).then(|| Who::Org {
        name: whole.to_string(),
        org: Org::Government,
        role: None,
    })
}

/// The last title or institution word, which splits title from name.
fn last_title(texts: &[&str]) -> Option<usize> {
    let mut t: Option<usize> = None;
    for (k, x) in texts.iter().enumerate() {
        if lexicon::is_name_particle(x) {
            continue;
        }
        if lexicon::org_word(x).is_some()
            || lexicon::is_title(x)
            || lexicon::known_org(x).is_some() && k + 1 < texts.len()
        {
            t = Some(k);
        }
    }
    t
}

/// "Federation of Northland Industry", "Bank of England": an institution's
/// name runs on after "of" (with no title after it).
fn institution_of(texts: &[&str], t: Option<usize>, whole: &str) -> Option<Who> {
    let k = t?;
    let org = lexicon::org_word(texts[k])?;
    (texts
        .get(k + 1)
        .is_some_and(|x| matches!(*x, "of" | "for" | "on"))
        && !texts[k + 1..].iter().any(|x| lexicon::is_title(x)))
    .then(|| Who::Org {
        name: whole.to_string(),
        org,
        role: None,
    })
}

/// Where the name starts after the title ending at `t`: "Secretary of
/// State Antony Blinken" and a name with "of" or "and" in it keep only
/// their last two words.
fn name_start(texts: &[&str], t: Option<usize>) -> usize {
    let mut name_from = t.map_or(0, |k| k + 1);
    if let Some(k) = t
        && texts[k + 1..].iter().any(|x| matches!(*x, "of" | "for"))
    {
        name_from = texts.len().saturating_sub(2).max(k + 1);
    }
    if texts[name_from..]
        .iter()
        .any(|x| matches!(*x, "of" | "for" | "on" | "and"))
    {
        name_from = texts.len().saturating_sub(2);
    }
    // Not "and Sport" of "Media and Sport".
    if texts
        .get(name_from)
        .is_some_and(|x| matches!(*x, "of" | "for" | "on" | "and"))
    {
        name_from += 1;
    }
    name_from
}

/// A title or institution word with no name after it: an institution
/// ("the Foreign Ministry"), or a title that refers back ("the
/// Ambassador").
fn title_alone(texts: &[&str], whole: String) -> Option<Who> {
    let last = texts.last()?;
    if let Some(org) = lexicon::org_word(last) {
        return Some(Who::Org {
            name: whole,
            org,
            role: None,
        });
    }
    Some(Who::Anaphor {
        noun: last.to_lowercase(),
        kind: Anaphor::Person,
        phrase: whole,
    })
}

/// A name that is an institution's: a known organisation, a place or
/// nationality (a group when plural: "South Koreans"), or an acronym.
fn name_as_institution(name_texts: &[&str], name: &str) -> Option<Who> {
    let org = |org| {
        Some(Who::Org {
            name: name.to_string(),
            org,
            role: None,
        })
    };
    if let Some(o) = lexicon::known_org(name) {
        return org(o);
    }
    if name_texts.iter().all(|x| lexicon::is_place_word(x)) || lexicon::is_place(name) {
        let last = name_texts.last()?;
        if last.ends_with('s') && lexicon::is_demonym(last) {
            return Some(Who::Group {
                name: name.to_string(),
                media: false,
            });
        }
        return org(Org::Government);
    }
    if name_texts.len() == 1
        && name.chars().count() >= 2
        && name
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.')
    {
        return org(Org::Other);
    }
    None
}

/// Lower-case role words just before the run ("party spokesman"), back to
/// a determiner, pronoun, verb or clause word, without a leading
/// preposition.
fn role_words_before(words: &Words<'_>, before: &[usize]) -> String {
    let mut b = before.len();
    while b > 0 {
        let i = before[b - 1];
        let w = words.w(i);
        if lexicon::is_determiner(w)
            || lexicon::pronoun(w).is_some()
            || lexicon::verb(w).is_some()
            || lexicon::is_modal(w)
            || is_connector(w)
            || is_clause_word(w)
        {
            break;
        }
        if lexicon::is_preposition(w)
            && b >= 2
            && lexicon::is_statement_noun(words.w(before[b - 2]))
        {
            break;
        }
        // "a late challenge on Saltmouth winger Ollie Dacre": the role
        // starts after the preposition ("of" and "for" may be inside one:
        // "head of research", "minister for health").
        if lexicon::is_preposition(w) && !matches!(w, "of" | "for") && b < before.len() {
            break;
        }
        if lexicon::is_auxiliary(w) {
            break;
        }
        b -= 1;
    }
    let mut role_words: Vec<&str> = before[b..].iter().map(|&i| words.text(i)).collect();
    while role_words
        .first()
        .is_some_and(|w| lexicon::is_preposition(&w.to_lowercase()))
    {
        role_words.remove(0);
    }
    role_words.join(" ")
}

/// An institution named inside a role ("State Department Spokesman" →
/// "State Department", "Forbes journalist" → "Forbes").
fn affiliation_in(role: &str) -> Option<String> {
    let words: Vec<&str> = role.split_whitespace().collect();
    let mut best: Option<String> = None;
    let mut i = 0;
    while i < words.len() {
        let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if !cap(words[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < words.len()
            && (cap(words[j]) && !lexicon::is_title(words[j])
                || matches!(words[j], "of" | "for" | "and")
                    && j + 1 < words.len()
                    && cap(words[j + 1]))
        {
            j += 1;
        }
        if j > i {
            let run = words[i..j].join(" ");
            let run = strip_possessive(&run).to_string();
            let has_org = words[i..j].iter().any(|w| lexicon::org_word(w).is_some())
                || lexicon::known_org(&run).is_some()
                || run.len() >= 2 && j == i + 1 && run.chars().all(|c| c.is_uppercase());
            if has_org && !lexicon::is_place(&run) {
                best.get_or_insert(run);
            }
        }
        i = j.max(i + 1);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::*;

    #[test]
    fn titles_before_names() {
        let c = cues(
            "On the same day, Secretary of State Antony Blinken emphasized that it was illegal.",
        );
        let Who::Person { name, role, .. } = &c[0].1 else {
            panic!()
        };
        assert_eq!(
            (name.as_str(), role.as_deref()),
            ("Antony Blinken", Some("Secretary of State"))
        );
        let c = cues("Forbes journalist Melik Kailan believes China is the addressee.");
        let Who::Person {
            name,
            role,
            affiliation,
            ..
        } = &c[0].1
        else {
            panic!()
        };
        assert_eq!(name, "Melik Kailan");
        assert_eq!(role.as_deref(), Some("Forbes journalist"));
        assert_eq!(affiliation.as_deref(), Some("Forbes"));
        assert_eq!(
            name_of(&cues("Professor Pardo believes it was due to the court.")[0].1),
            "Pardo"
        );
        // British titles of councillors, members and peers.
        for (text, want) in [
            (
                "Council leader Cllr Margaret Oduya said it was bad.",
                "Margaret Oduya",
            ),
            ("Sir Keith Hale said it was bad.", "Keith Hale"),
            ("Baroness Jane Arden said it was bad.", "Jane Arden"),
        ] {
            assert_eq!(name_of(&cues(text)[0].1), want, "{text}");
        }
        // A titled name after a role is the name, not another role.
        assert_eq!(
            name_of(&cues("Its leader, Cllr Rupert Haines, told the meeting it was bad.")[0].1),
            "Rupert Haines"
        );
    }
}

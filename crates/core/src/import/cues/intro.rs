//! Introductions: people and institutions named in passing ("the position
//! of Andrei Lankov, a professor at X"), which later surnames, titles and
//! pronouns may refer to.

use std::ops::Range;

use super::appositives::{apply_appositive, is_appositive};
use super::clauses::{clause_start, segments};
use super::names::classify_run;
use super::{Who, Words, is_connector, is_possessive};
use crate::import::lexicon::{self};

/// Longest relative clause, in tokens, skipped between a name and its verb.
const MAX_RELATIVE_CLAUSE_TOKENS: usize = 20;

/// `v` past ", who …," when a relative clause opens there.
fn skip_relative_clause(words: &Words<'_>, v: usize) -> usize {
    if !(words.is_punct(v, ',') && matches!(words.w(v + 1), "who" | "whose")) {
        return v;
    }
    (v + 2..(v + MAX_RELATIVE_CLAUSE_TOKENS).min(words.toks.len()))
        .find(|&k| words.is_punct(k, ','))
        .map_or(v, |k| k + 1)
}

/// An appositive that describes a person by an indefinite noun phrase ("a
/// nurse at the clinic", "a 58-year-old dental hygienist"), whether or not
/// its noun is in the role list.
fn describes_someone(words: &Words<'_>, seg: &Range<usize>) -> bool {
    let mut k = seg.start;
    while k < seg.end && !words.is_word(k) {
        k += 1;
    }
    matches!(words.w(k), "a" | "an")
        && words.is_word(k + 1)
        && !words.is_cap(k + 1)
        && !lexicon::is_function_word(words.w(k + 1))
}

/// "a sophomore named Olivia Marsh": a person of two or more name words
/// after "named" or "called", the noun before that word as role.
fn named_after_noun(words: &Words<'_>, start: usize, run: &[usize]) -> Option<Who> {
    if start < 2 || run.len() < 2 || !matches!(words.w(start - 1), "named" | "called") {
        return None;
    }
    let noun = start - 2;
    if !words.is_word(noun) || words.is_cap(noun) || lexicon::is_function_word(words.w(noun)) {
        return None;
    }
    let name = words.slice(run[0], run[run.len() - 1] + 1).to_string();
    Some(Who::Person {
        name,
        role: Some(words.text(noun).to_string()),
        affiliation: None,
        titled: true,
    })
}

/// A quotation of one or two capitalised words inside a name (Josh “Tank”
/// Abernethy).
fn is_nickname(words: &Words<'_>, i: usize) -> bool {
    let Some(t) = words.toks.get(i).filter(|t| t.is_quote()) else {
        return false;
    };
    let inner = words.body[t.start..t.end].trim_matches(|c: char| !c.is_alphanumeric());
    let ws: Vec<&str> = inner.split_whitespace().collect();
    // A handle is one word, whatever its case (Jonas “vyper” Madsen).
    ws.len() == 1
        || ws.len() == 2
            && ws
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The nickname inside the name at bytes `np` (“Peg” in Marguerite “Peg”
/// Halloran), by which the person may be called later.
pub fn nickname_in(words: &Words<'_>, np: &Range<usize>) -> Option<String> {
    let from = words.toks.partition_point(|t| t.start <= np.start);
    let i = (from..words.toks.len())
        .take_while(|&i| words.toks[i].end < np.end)
        .find(|&i| is_nickname(words, i))?;
    let t = &words.toks[i];
    Some(
        words.body[t.start..t.end]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string(),
    )
}

/// Tokens looked through after a name for an appositive that describes it.
const APPOSITIVE_PROBE_TOKENS: usize = 30;
/// Tokens read after a name for the appositive's role and affiliation.
const APPOSITIVE_READ_TOKENS: usize = 40;
/// Most words before a name read for its role ("party spokesman Kwon").
const MAX_ROLE_WORDS_BEFORE: usize = 4;
/// Tokens looked back from "as" for a clause that gives a name ("who gave
/// his name only as").
const NAME_GIVING_TOKENS: usize = 8;
/// Most tokens of a dateline before a dash at the start of a sentence.
const DATELINE_TOKENS: usize = 6;
/// Most words in a bare name taken as a sentence's subject.
const MAX_BARE_NAME_WORDS: usize = 3;

/// Names introduced in passing, with their titles or roles: "the position of
/// Andrei Lankov, a professor at X," or "Russian President Vladimir Putin".
/// They are not speakers yet, but later surnames, titles and pronouns may
/// refer to them.
pub fn introductions(words: &Words<'_>) -> Vec<(Who, Range<usize>)> {
    let toks = words.toks;
    let mut out: Vec<(Who, Range<usize>)> = described_subject(words).into_iter().collect();
    let mut i = 0;
    while i < toks.len() {
        if !words.is_cap(i) {
            i += 1;
            continue;
        }
        // "The", "To", "As" opening a sentence are not part of a name.
        if lexicon::is_determiner(words.w(i))
            || lexicon::is_function_word(words.w(i))
            || words.w(i) == "according"
        {
            i += 1;
            continue;
        }
        let start = i;
        i = name_run_end(words, start);
        if let Some((pair, end)) = coordinated_pair(words, start, i) {
            out.extend(pair);
            i = end;
            continue;
        }
        out.extend(introduction(words, start, i));
    }
    out
}

/// Most words between "the" and the noun of a sentence's described subject.
const MAX_DESCRIBED_SUBJECT_WORDS: usize = 3;

/// "The 29-year-old rolled across the line …", "The teenager, who …,
/// was …": a sentence that opens with a person described by a noun of
/// what they are, who is someone named before.
fn described_subject(words: &Words<'_>) -> Option<(Who, Range<usize>)> {
    let first = (0..words.toks.len()).find(|&k| words.is_word(k))?;
    if let Some(found) = unnamed_subject(words, first) {
        return Some(found);
    }
    if let Some(found) = possessed_subject(words, first) {
        return Some(found);
    }
    if words.w(first) != "the" {
        return None;
    }
    // "The American, who won in January, was brief": a nationality too.
    let noun = (first + 1..=first + MAX_DESCRIBED_SUBJECT_WORDS)
        .take_while(|&n| {
            words.is_word(n) && (!words.is_cap(n) || lexicon::is_demonym_noun(words.w(n)))
        })
        .find(|&n| lexicon::is_person_noun(words.w(n)))?;
    let k = noun + 1;
    let next_is_verb = words.is_punct(k, ',')
        || words.is_word(k)
            && !words.is_cap(k)
            && !lexicon::is_person_noun(words.w(k))
            && !lexicon::is_preposition(words.w(k))
            && !lexicon::is_function_word(words.w(k));
    next_is_verb.then(|| {
        (
            Who::Anaphor {
                noun: words.w(noun).to_string(),
                kind: lexicon::Anaphor::Person,
                phrase: words.slice(first + 1, noun + 1).to_string(),
            },
            words.span(first, noun + 1),
        )
    })
}

/// "Her roommate was more cautious.": a sentence that opens with someone
/// described by their tie to a person named before (not a relative, whom
/// the article names or leaves to its pronouns) is about one unnamed person,
/// whom "she said" next may refer to.
fn possessed_subject(words: &Words<'_>, first: usize) -> Option<(Who, Range<usize>)> {
    let w = words.w(first);
    if !(matches!(w, "his" | "her" | "their") && lexicon::is_possessive_pronoun(w)) {
        return None;
    }
    let noun = first + 1;
    let n = words.w(noun);
    let verb_next = words.is_word(noun + 1)
        && !words.is_cap(noun + 1)
        && (lexicon::is_auxiliary(words.w(noun + 1)) || lexicon::verb(words.w(noun + 1)).is_some());
    (words.is_word(noun)
        && !words.is_cap(noun)
        && lexicon::is_person_noun(n)
        && !lexicon::is_family_noun(n)
        && verb_next)
        .then(|| {
            let name = format!("{w} {}", words.text(noun));
            (Who::Unnamed { name }, words.span(first, noun + 1))
        })
}

/// Most words of a phrase after an unnamed person's noun kept in their
/// name.
const MAX_NAME_PHRASE_WORDS: usize = 5;

/// Most words of an unnamed person's description before its verb.
const MAX_UNNAMED_SUBJECT_WORDS: usize = 9;

/// "At the curtain call, a woman in the row ahead of me was crying.": an
/// unnamed person the sentence (or its main clause after an opening
/// phrase) is about, whom "she" may refer to next, rather than someone
/// named further back.
fn unnamed_subject(words: &Words<'_>, first: usize) -> Option<(Who, Range<usize>)> {
    let det = (first..words.toks.len().min(first + DATELINE_TOKENS * 2)).find(|&k| {
        matches!(words.w(k), "a" | "an" | "one" | "another")
                && words.is_word(k)
                // After an opening phrase ("At the curtain call, a woman
                // …"), not as an appositive after a name ("Jean-Claude
                // Biyong, a 31-year-old miner, …").
                && (k == first
                    || words.is_punct(k - 1, ',')
                        && (lexicon::is_preposition(words.w(first))
                            || words.w(first).ends_with("ing")))
    })?;
    // "A Gulf Coast fan": capitalised words may name where they are from.
    let noun = (det + 1..=det + MAX_DESCRIBED_SUBJECT_WORDS)
        .take_while(|&n| words.is_word(n))
        .find(|&n| {
            let w = words.w(n);
            !words.is_cap(n)
                && (lexicon::is_person_noun(w) || lexicon::gender_word(w).is_some())
                && !lexicon::is_demonym_noun(w)
        })?;
    let named = |to: usize| {
        let name = format!(
            "{}{}",
            words.w(det),
            &words.slice(det, to)[words.text(det).len()..]
        );
        Some((Who::Unnamed { name }, words.span(det, to)))
    };
    if let Some(verb) = verb_after_description(words, det, noun) {
        return named(verb);
    }
    // "One woman who had travelled down …, and who asked not to be named,
    // had hoped …", "A Gulf Coast fan, heading for the exits, put it more
    // simply": a clause or phrase after the noun says more of the person
    // the sentence is about, named by the noun.
    let n = noun + 1;
    let said_more = words.is_punct(n, ',')
        || words.is_word(n)
            && (matches!(words.w(n), "who" | "in" | "from" | "with")
                || words.w(n).ends_with("ing"));
    if !said_more {
        return None;
    }
    // A short phrase after the noun stays in the name ("a woman in the
    // row ahead"); a clause does not.
    let end = (n..words.toks.len())
        .find(|&k| !words.is_word(k) || lexicon::is_clause_word(words.w(k)))
        .unwrap_or(words.toks.len());
    if words.w(n) != "who" && (n..end).count() <= MAX_NAME_PHRASE_WORDS {
        return named(end);
    }
    named(n)
}

/// "A father waiting in a pickup truck was blunter": the verb after an
/// unnamed person's description with no comma or clause in between.
fn verb_after_description(words: &Words<'_>, det: usize, noun: usize) -> Option<usize> {
    let verb = (noun + 1..(det + MAX_UNNAMED_SUBJECT_WORDS).min(words.toks.len())).find(|&k| {
        let w = words.w(k);
        words.is_word(k)
            && (lexicon::is_auxiliary(w)
                || lexicon::verb(w).is_some()
                || w.len() > 4 && w.ends_with("ed"))
    })?;
    (noun + 1..verb)
        .all(|k| words.is_word(k) && !lexicon::is_clause_word(words.w(k)))
        .then_some(verb)
}

/// "the cab of Kayla Hennessey’s pickup": a usual given name and a family
/// name in the possessive name a person in passing, whom "Kayla" finds
/// later; a possessive place or institution ("Korea's") names no one.
fn possessive_full_name(words: &Words<'_>, run: &[usize]) -> Option<Who> {
    let [first, last] = run else {
        return None;
    };
    let plain = words.is_cap(*first) && words.is_cap(*last);
    (plain && lexicon::given_name_gender(words.w(*first)).is_some()).then(|| Who::Person {
        name: format!(
            "{} {}",
            words.text(*first),
            super::strip_possessive(words.text(*last))
        ),
        role: None,
        affiliation: None,
        titled: false,
    })
}

/// A person or institution introduced, with its noun phrase.
type Introduced = (Who, Range<usize>);

/// "Anna and Lukas Brenner": two people of one family name, the first named
/// by a usual given name alone; with the token after the second name.
fn coordinated_pair(words: &Words<'_>, start: usize, j: usize) -> Option<(Vec<Introduced>, usize)> {
    if j != start + 1
        || !words.is_word(j)
        || words.w(j) != "and"
        || lexicon::given_name_gender(words.w(start)).is_none()
    {
        return None;
    }
    let end = name_run_end(words, j + 1);
    let second: Vec<usize> = (j + 1..end).filter(|&k| words.is_word(k)).collect();
    let plain = |k: &usize| {
        let t = words.text(*k);
        !lexicon::is_place_word(t) && lexicon::org_word(t).is_none() && !lexicon::is_title(t)
    };
    if second.len() != 2 || !second.iter().all(plain) {
        return None;
    }
    let family = words.text(second[1]);
    let person = |name: String| Who::Person {
        name,
        role: None,
        affiliation: None,
        titled: false,
    };
    Some((
        vec![
            (
                person(format!("{} {family}", words.text(start))),
                words.span(start, start + 1),
            ),
            (
                person(words.slice(second[0], second[1] + 1).to_string()),
                words.span(j + 1, end),
            ),
        ],
        end,
    ))
}

/// The end of the run of capitalised words from `start`, with the "of" and
/// "for" inside it and a nickname (Josh “Tank” Abernethy).
fn name_run_end(words: &Words<'_>, start: usize) -> usize {
    let mut j = start;
    // "Daan van der Heijden": particles inside a name.
    let particles_then_cap = |j: usize| {
        let mut k = j;
        while lexicon::is_name_particle(words.w(k)) && words.is_word(k) && !words.is_cap(k) {
            k += 1;
        }
        k > j && words.is_cap(k)
    };
    while j < words.toks.len()
        && (words.is_cap(j)
            || j > start && particles_then_cap(j)
            || matches!(words.w(j), "of" | "for") && words.is_cap(j + 1)
            || j > start && is_nickname(words, j) && words.is_cap(j + 1))
    {
        j += 1;
    }
    j
}

/// The person or institution the run of capitalised words `start..j`
/// introduces, if any.
fn introduction(words: &Words<'_>, start: usize, j: usize) -> Option<(Who, Range<usize>)> {
    // "Spain’s Lucía Ortega": where the person is from, not their name.
    if j > start + 2 && is_possessive(words.text(start)) {
        return introduction(words, start + 1, j);
    }
    // Marguerite “Peg” Lindahl: the nickname is no part of the name.
    let run: Vec<usize> = (start..j).filter(|&k| words.is_word(k)).collect();
    // "in Port Anselm", "at Quayside Park": a place, not a person; nor is
    // where a person is from ("Rhian Evans, 31, from Newcastle Emlyn,").
    let after_locative = start > 0 && lexicon::is_locative(words.w(start - 1))
        || start > 1 && words.w(start - 1) == "from" && words.is_punct(start - 2, ',');
    if is_possessive(words.text(j - 1)) {
        return possessive_full_name(words, &run).map(|who| (who, words.span(start, j)));
    }
    if run.len() == 1 {
        if after_locative {
            return None;
        }
        return one_word_name(words, start, j).map(|who| (who, words.span(start, j)));
    }
    if let Some(found) = person_of_institution(words, start, j) {
        return Some(found);
    }
    let appositive = role_appositive_after(words, j);
    // "A sophomore named Olivia Marsh": the name after "named", with
    // the noun before it as the role, whatever that noun is.
    if let Some(who) = named_after_noun(words, start, &run) {
        return Some((who, words.span(start, j)));
    }
    let mut b = start;
    while b > 0 && start - b < MAX_ROLE_WORDS_BEFORE && words.is_word(b - 1) {
        b -= 1;
    }
    let before: Vec<usize> = (b..start).collect();
    // "a lawyer for Cascade Thrills", "a professor at Kookmin University":
    // where the person before works, not a person.
    let employer = start >= 2
        && matches!(words.w(start - 1), "for" | "at" | "with")
        && lexicon::is_role_noun(words.w(start - 2));
    let who = match classify_run(words, &run, &before) {
        Some(Who::Person { .. }) if after_locative || employer => return None,
        Some(who @ Who::Person { .. }) => who,
        // Institutions named in passing, for "the bank" later on.
        Some(org @ Who::Org { .. })
            if run
                .iter()
                .any(|&k| lexicon::org_word(words.text(k)).is_some()) =>
        {
            return Some((org, words.span(start, j)));
        }
        _ => return None,
    };
    // Particles ("van der") are no words of the name's count.
    let name_words = run.iter().filter(|&&k| words.is_cap(k)).count();
    let who = person_as_described(words, who, start, j, name_words, appositive)?;
    Some((with_office(words, who, start), words.span(start, j)))
}

/// `who`, named at `start`, with the office named before them (see
/// [`office_before`]) added to their role.
fn with_office(words: &Words<'_>, mut who: Who, start: usize) -> Who {
    if let (Who::Person { role, .. }, Some(office)) = (&mut who, office_before(words, start))
        && !role.as_deref().is_some_and(|r| r.contains(office))
    {
        *role = Some(match role.take() {
            Some(r) => format!("{office}; {r}"),
            None => office.to_string(),
        });
    }
    who
}

/// Most words of an office named before a name ("the Minister of State for
/// Petroleum Resources, ").
const MAX_OFFICE_WORDS: usize = 7;

/// "read by the Senate President, Senator Abubakar Danladi", "The Minister
/// of State for Petroleum Resources, Dr Halima Yusuf-Danjuma,": the office,
/// after "the" and before the comma that sets the name off, when it ends
/// with a noun for a role or opens with a title.
fn office_before<'a>(words: &Words<'a>, start: usize) -> Option<&'a str> {
    if start < 3 || !words.is_punct(start - 1, ',') {
        return None;
    }
    let last = start - 2;
    if !words.is_word(last) {
        return None;
    }
    let det = (last.saturating_sub(MAX_OFFICE_WORDS)..last)
        .rev()
        .take_while(|&k| words.is_word(k))
        .find(|&k| words.w(k) == "the")?;
    // Only capitalised words or the noun: "the Senate President", not
    // "the man who hired the lawyer".
    let ends_with_role =
        lexicon::is_role_noun(words.w(last)) && (det + 1..last).all(|k| words.is_cap(k));
    let titled = det < last
        && lexicon::is_title(words.text(det + 1))
        && words.is_cap(det + 1)
        && (det + 1..=last).all(|k| words.is_cap(k) || matches!(words.w(k), "of" | "for" | "and"));
    (ends_with_role || titled).then(|| words.slice(det + 1, last + 1))
}

/// "Derek Osei of Brightwater Capital": a person's name of two words or
/// more, then "of" and the institution they work for (or the place they
/// are from), in one run of capitals; the person, with it as affiliation.
/// ("Secretary of State", "Bank of England" have one word before "of"; a
/// run like "National Institute of Health" is no person's name before it.)
fn person_of_institution(words: &Words<'_>, start: usize, j: usize) -> Option<(Who, Range<usize>)> {
    let of = (start + 2..j).find(|&k| words.w(k) == "of" && !words.is_cap(k))?;
    let after: Vec<usize> = (of + 1..j).filter(|&k| words.is_word(k)).collect();
    if after.is_empty() {
        return None;
    }
    let (mut who, _) = introduction(words, start, of)?;
    let Who::Person { affiliation, .. } = &mut who else {
        return None;
    };
    affiliation.get_or_insert_with(|| words.slice(after[0], j).to_string());
    Some((who, words.span(start, j)))
}

/// The person `who` named by the run `start..j` (of `run_len` words), as the
/// text describes them: with the role and affiliation of an `appositive`
/// after the name; as a bare name, only when it is the subject of a clause
/// of its own; else with the title or role words read before it.
fn person_as_described(
    words: &Words<'_>,
    who: Who,
    start: usize,
    j: usize,
    run_len: usize,
    appositive: bool,
) -> Option<Who> {
    let Who::Person {
        name,
        role,
        affiliation,
        titled,
    } = who
    else {
        return None;
    };
    if name.split_whitespace().count() < 2 && !titled {
        return None;
    }
    Some(if appositive {
        let who = Who::Person {
            name,
            role,
            affiliation,
            titled,
        };
        let segs = segments(
            words,
            j + 1,
            (j + APPOSITIVE_READ_TOKENS).min(words.toks.len()),
        );
        match segs.first() {
            Some(s) => apply_appositive(who, words.slice(s.start, s.end)),
            None => who,
        }
    } else if !titled
        && !role.as_deref().is_some_and(|r| {
            r.split_whitespace().any(|w| {
                let w = w.to_lowercase();
                lexicon::is_role_or_person_noun(&w) || lexicon::is_agent_noun(&w)
            })
        })
    {
        // A bare name as the sentence's subject ("Jane Roe spoke last.",
        // "For forty years, Alasdair Grant kept …") is a person too; the
        // words before any other name are no role.
        let role_before = names_a_role_before(words, start);
        // "Among the crowd was Aroha Peneha, 54, …": a name with an age
        // is a person's wherever it stands.
        let aged = age_after(words, j);
        if !(run_len <= MAX_BARE_NAME_WORDS && (is_subject(words, start, j) || role_before || aged))
        {
            return (run_len == 2 && name.split_whitespace().count() == 2)
                .then_some(Who::Kin { name });
        }
        // "Her son, David Tolland,": the noun before the comma is the role.
        let role = (role_before
            && (lexicon::is_family_noun(words.w(start - 2))
                || possessed_noun_before(words, start).is_some()))
        .then(|| words.text(start - 2).to_string());
        Who::Person {
            name,
            role,
            affiliation: None,
            titled: false,
        }
    } else {
        Who::Person {
            name,
            role,
            affiliation,
            titled,
        }
    })
}

/// A one-word name `start..j`: "Grant's daughter, Morag, …", a name after
/// a role; or a surname alone ("Adeyemi finally sits"), a mention of the
/// person of that name, if one was named before.
fn one_word_name(words: &Words<'_>, start: usize, j: usize) -> Option<Who> {
    let after_role = start >= 2
        && words.is_punct(start - 1, ',')
        && lexicon::is_role_noun(words.w(start - 2))
        && words.is_punct(j, ',');
    let text = words.text(start);
    // "N.C. 172", "U.S.": an abbreviation, no one's name; nor is
    // "Minneapolis-based", "Labour-run": a word with a lower-case part.
    if text.contains('.')
        || text
            .split('-')
            .any(|p| !p.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    if let Some(who) = relative(words, start, j) {
        return Some(who);
    }
    if surely_a_person(words, start, j) {
        return Some(Who::Person {
            name: text.to_string(),
            role: None,
            affiliation: None,
            titled: true,
        });
    }
    // "U.S. software group Orbisoft", "rival club Porto": an organisation.
    if start >= 1 && words.is_word(start - 1) && lexicon::is_company_noun(words.w(start - 1)) {
        return Some(Who::Org {
            name: text.to_string(),
            org: lexicon::Org::Other,
            role: None,
        });
    }
    // "Rovers captain Liam Prowse", "Saltmouth winger Ollie Dacre": where
    // the person named next belongs, a team or an institution.
    let noun = words.w(j);
    // Not "Retired teacher V. Ganesan": a participle opening the sentence.
    let participle = words.w(start).ends_with("ed");
    if words.is_word(j)
        && !participle
        && !words.is_cap(j)
        && lexicon::is_role_or_person_noun(noun)
        && words.is_cap(j + 1)
        && !lexicon::is_title(text)
    {
        return Some(Who::Org {
            name: text.to_string(),
            org: lexicon::Org::Other,
            role: None,
        });
    }
    if after_role && !lexicon::is_place_word(text) {
        return Some(Who::Person {
            name: text.to_string(),
            role: Some(words.text(start - 2).to_string()),
            affiliation: None,
            titled: true,
        });
    }
    if !lexicon::is_place_word(text)
        && lexicon::org_word(text).is_none()
        && !lexicon::is_title(text)
    {
        return Some(Who::Person {
            name: text.to_string(),
            role: None,
            affiliation: None,
            titled: false,
        });
    }
    None
}

/// Whether an age set off by commas starts at token `j` (", 71,").
fn age_after(words: &Words<'_>, j: usize) -> bool {
    words.is_punct(j, ',')
        && !words.w(j + 1).is_empty()
        && words.w(j + 1).chars().all(|c| c.is_ascii_digit())
        && words.is_punct(j + 2, ',')
}

/// Whether the one-word name `start..j` is surely a person's: a surname
/// with an age ("Tisdale, 71, retired …"), or the name an unnamed person
/// goes by ("a commercial motorcyclist who gave his name simply as Tunde").
fn surely_a_person(words: &Words<'_>, start: usize, j: usize) -> bool {
    let text = words.text(start);
    let aged = age_after(words, j);
    let gives_name = start >= 2
        && words.w(start - 1) == "as"
        && (start.saturating_sub(NAME_GIVING_TOKENS)..start - 1)
            .any(|k| lexicon::is_name_giving_word(words.w(k)));
    aged && !lexicon::is_place_word(text) && lexicon::org_word(text).is_none() || gives_name
}

/// "Her son, Daniel,", "Grant's daughter, Morag,", "his brother Oskar,":
/// a relative by first name (no family name is assumed: a daughter's may
/// be another).
fn relative(words: &Words<'_>, start: usize, j: usize) -> Option<Who> {
    let comma = start >= 1 && words.is_punct(start - 1, ',');
    let noun = start.checked_sub(1 + usize::from(comma))?;
    let possessor = noun.checked_sub(1)?;
    let possessed = matches!(words.w(possessor), "his" | "her" | "their")
        || is_possessive(words.text(possessor)) && words.is_cap(possessor);
    let closed = words.is_punct(j, ',') || words.is_punct(j, '.') || j >= words.toks.len();
    (possessed && closed && words.is_word(noun) && lexicon::is_family_noun(words.w(noun))).then(
        || Who::Person {
            name: words.text(start).to_string(),
            role: Some(words.text(noun).to_string()),
            affiliation: None,
            titled: true,
        },
    )
}

/// Whether the name ending at token `j` is followed by ", " and an
/// appositive that describes a person ("…, a professor at X,").
fn role_appositive_after(words: &Words<'_>, j: usize) -> bool {
    words.is_punct(j, ',') && {
        let segs = segments(
            words,
            j + 1,
            (j + APPOSITIVE_PROBE_TOKENS).min(words.toks.len()),
        );
        segs.first().is_some_and(|s| {
            is_appositive(words, s)
                && ((s.clone()).any(|k| lexicon::is_role_noun(words.w(k)))
                    || describes_someone(words, s))
        })
    }
}

/// Where a sentence's words start after its dateline ("GALLE — ",
/// "HAMILTON — "), if it has one before token `start`.
fn dateline_end(words: &Words<'_>, start: usize) -> usize {
    (0..start.min(DATELINE_TOKENS))
        .rev()
        .find(|&k| words.is_punct(k, '—') || words.is_punct(k, '–'))
        .filter(|&d| (0..d).all(|k| words.is_word(k) && words.is_cap(k)))
        .map_or(0, |d| d + 1)
}

/// Whether the sentence opens with a description of the person named at
/// `start`: maybe a determiner, maybe the name of where they belong, then
/// common nouns ("His granddaughter Shannon Tilley, 27, blasted …",
/// "Saltmouth winger Ollie Dacre was named …").
fn described_opening(words: &Words<'_>, start: usize) -> bool {
    // After a dateline ("GALLE — Left-arm spinner Dinuka Wickramasinghe
    // took …").
    let from = dateline_end(words, start);
    if !(from + 1..=from + MAX_ROLE_WORDS_BEFORE).contains(&start)
        || !(from..start).all(|k| words.is_word(k))
    {
        return false;
    }
    let mut k = from + usize::from(lexicon::is_determiner(words.w(from)));
    while k < start && words.is_cap(k) && lexicon::verb(words.w(k)).is_none() {
        k += 1;
    }
    k < start
        && (k..start).all(|k| {
            let w = words.w(k);
            !words.is_cap(k) && lexicon::verb(w).is_none() && !lexicon::is_function_word(w)
                || is_possessive(words.text(k))
        })
}

/// "Their frontwoman, Ciara Boyle, …", "The club's treasurer, Ann Reid,
/// …": the noun of a phrase opening the sentence with a possessive, just
/// before the comma before the name at `start`; whatever that noun is.
fn possessed_noun_before(words: &Words<'_>, start: usize) -> Option<usize> {
    if start < 3 || !words.is_punct(start - 1, ',') {
        return None;
    }
    let noun = start - 2;
    let first = (0..start).find(|&k| words.is_word(k))?;
    let opener = words.w(first);
    let possessed = lexicon::is_possessive_pronoun(opener)
        || first + 1 < noun && words.w(first) == "the" && is_possessive(words.text(first + 1))
        || is_possessive(words.text(first)) && words.is_cap(first);
    let plain = |k: usize| {
        words.is_word(k)
            && !words.is_cap(k)
            && !lexicon::is_function_word(words.w(k))
            && lexicon::verb(words.w(k)).is_none()
    };
    (possessed
        && noun > first
        && noun - first <= MAX_ROLE_WORDS_BEFORE
        && (first + 1..=noun).all(|k| plain(k) || is_possessive(words.text(k))))
    .then_some(noun)
}

/// Whether the name at `start` follows a comma after a role or a
/// description of a person: "questioned by the prosecutor, Grace Okoye",
/// "The painter himself, Tomás Echeverría, is 71".
fn names_a_role_before(words: &Words<'_>, start: usize) -> bool {
    if start < 2 || !words.is_punct(start - 1, ',') || !words.is_word(start - 2) {
        return false;
    }
    let mut n = start - 2;
    if matches!(words.w(n), "himself" | "herself") && n > 0 && words.is_word(n - 1) {
        n -= 1;
    }
    let is_person = |k: usize| {
        let w = words.w(k);
        words.is_word(k) && !words.is_cap(k) && lexicon::is_role_or_person_noun(w)
    };
    // "The woman who called police early Sunday, Gloria Caldwell, 71, …":
    // the noun after the determiner opening the sentence.
    let s = (0..start).find(|&k| words.is_word(k)).unwrap_or(start);
    let opening = lexicon::is_determiner(words.w(s))
        && (s + 1..s + 3).any(|k| k < n && is_person(k))
        && (s..start).all(|k| !words.toks[k].is_quote());
    is_person(n) || opening || possessed_noun_before(words, start).is_some()
}

/// Whether the name `start..j` is the subject of a clause of its own: it
/// opens the sentence (or a clause after ", and"), and a verb follows it,
/// maybe after an age, the comma of a role before it, or a relative
/// clause.
fn is_subject(words: &Words<'_>, start: usize, j: usize) -> bool {
    let no_verb_before = !(0..start).any(|k| lexicon::verb(words.w(k)).is_some());
    // "…, and Grace Adeyemi has not sat down": a clause of its own.
    let after_and = start >= 2
        && matches!(words.w(start - 1), "and" | "but" | "while")
        && words.is_punct(start - 2, ',');
    let from = dateline_end(words, start);
    // "In the maternity tent, midwife Amina Rahal has delivered …": a noun
    // for what she does, opening the clause before her name.
    let bare_role = start >= 2
        && words.is_word(start - 1)
        && !words.is_cap(start - 1)
        && !lexicon::is_function_word(words.w(start - 1))
        && words.is_punct(start - 2, ',');
    let opens = (from..start).all(|k| !words.is_word(k) || is_connector(words.w(k)))
        || start > 0 && words.is_punct(start - 1, ',') && no_verb_before
        || bare_role && no_verb_before
        || after_and
        || described_opening(words, start);
    let mut v = j;
    // "Tom Hadley, 68, has been …": an age between name and verb.
    if age_after(words, v) {
        v += 3;
    }
    // "Japan's trade minister, Kenji Morita, was …": the name is the
    // appositive of a role before it.
    let role_before = possessed_noun_before(words, start).is_some()
        || start >= 2 && words.is_punct(start - 1, ',') && {
            let segs = segments(words, clause_start(words, start - 1), start - 1);
            segs.last().is_some_and(|s| {
                (s.clone()).any(|k| words.is_word(k) && lexicon::is_role_noun(words.w(k)))
            })
        };
    if v == j && role_before && words.is_punct(v, ',') {
        v += 1;
    }
    // "Joan Carter, who lives on the seafront, sent …": a relative clause
    // between name and verb.
    v = skip_relative_clause(words, v);
    // "Jonas Madsen, the 19-year-old who joined in January, was named …":
    // an appositive between name and verb.
    if v == j && words.is_punct(v, ',') {
        let segs = segments(
            words,
            v + 1,
            (v + APPOSITIVE_PROBE_TOKENS).min(words.toks.len()),
        );
        let described = |seg: &Range<usize>| {
            matches!(words.w(seg.start), "the" | "a" | "an")
                && (seg.start + 1..(seg.start + 4).min(seg.end))
                    .any(|k| lexicon::is_role_or_person_noun(words.w(k)))
        };
        if segs.len() >= 2 && (is_appositive(words, &segs[0]) || described(&segs[0])) {
            v = segs[0].end + 1;
        }
    }
    let verb_next = words.is_word(v) && !words.is_cap(v) && !lexicon::is_preposition(words.w(v));
    opens && verb_next
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::*;
    use super::*;

    #[test]
    fn introductions_register_people_named_in_passing() {
        let l = from_text(
            "Against this background, the position of Andrei Lankov, a professor at Kunming University, stands out.",
        );
        let f = fragments(&l.body, &l.paragraphs);
        let t = tokens(&l.body, 0..l.body.len(), &f, 0..f.len());
        let w = Words::new(&l.body, &t);
        let intro: Vec<String> = introductions(&w).iter().map(|i| name_of(&i.0)).collect();
        // The person, with the institution named in passing.
        assert_eq!(intro, ["Andrei Lankov", "Kunming University"]);
        let Who::Person {
            role, affiliation, ..
        } = &introductions(&w)[0].0
        else {
            panic!()
        };
        assert_eq!(role.as_deref(), Some("professor"));
        assert_eq!(affiliation.as_deref(), Some("Kunming University"));
    }

    #[test]
    fn introductions_after_and_an_age_or_a_role() {
        assert_eq!(
            introduced("It is late, and Grace Adeyemi has not sat down."),
            ["Grace Adeyemi"]
        );
        assert_eq!(
            introduced("Tom Hadley, 68, has been on the ward."),
            ["Tom Hadley"]
        );
        assert_eq!(
            introduced("Japan's trade minister, Kenji Morita, was more conciliatory."),
            ["Kenji Morita"]
        );
        // A name inside a phrase, with no verb of its own, is not one.
        assert!(!introduced("The ward, Ward Seven, is full.").contains(&"Ward Seven".to_string()));
        assert!(
            !introduced("It rained, and Grace Adeyemi in Leeds.")
                .contains(&"Grace Adeyemi".to_string())
        );
    }
}

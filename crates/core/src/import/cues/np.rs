//! Noun phrases: what a segment of tokens names, as a [`Who`]: a pronoun,
//! the author, a run of capitalised words (see [`super::names`]), a group,
//! a phrase that refers back, or an unnamed person.

use std::ops::Range;

use super::names::classify_run;
use super::{
    Who, Words, is_acronym, is_clause_word, is_connector, is_possessive, strip_possessive,
};
use crate::import::lexicon::{self, Anaphor, Pronoun};
use crate::import::quotes::TokKind;

/// Longest phrase, in words, taken for an unnamed person ("one shopkeeper
/// in Castlecoote"); a longer one is a clause, not a subject.
const MAX_UNNAMED_WORDS: usize = 9;

/// A lower-case word that can head a noun phrase: not a pronoun, a small
/// word or an adverb ("a nurse", "a 58-year-old", not "a little", "one
/// of").
fn is_noun_like(words: &Words<'_>, i: usize) -> bool {
    let w = words.w(i);
    words.is_word(i)
        && !words.is_cap(i)
        && w.chars().any(char::is_alphabetic)
        && lexicon::pronoun(w).is_none()
        && !lexicon::is_function_word(w)
        && !lexicon::is_determiner(w)
        && !lexicon::is_preposition(w)
        && !lexicon::is_adverb_between(w)
        && !lexicon::is_modal(w)
        && lexicon::verb(w).is_none()
        && !w.ends_with("ly")
}

/// Most words outside brackets in a noun phrase; a longer one is a clause.
const MAX_NP_WORDS: usize = 16;

/// Longest phrase before its first preposition, in words, whose head
/// refers back ("the former deputy foreign minister").
const MAX_ANAPHOR_PREP: usize = 5;

/// Analyses a noun phrase (a segment of tokens) into a [`Who`].
pub fn analyze(words: &Words<'_>, seg: Range<usize>) -> Option<(Who, Range<usize>)> {
    let p = Phrase::read(words, &seg)?;
    if let Some(found) = p.pronoun() {
        return Some(found);
    }
    // "vyper said": a lower-case handle, someone's if it is their
    // nickname.
    if let [w] = p.ws.as_slice()
        && !words.is_cap(*w)
        && is_noun_like(words, *w)
        && words.w(*w).chars().all(|c| c.is_alphanumeric() || c == '_')
        && !lexicon::is_quantifier(words.w(*w))
        && !lexicon::is_group_noun(words.w(*w))
    {
        return Some((
            Who::Kin {
                name: words.text(*w).to_string(),
            },
            p.np.clone(),
        ));
    }
    // "Several said …": a count of people, not a name.
    if let [w] = p.ws.as_slice()
        && lexicon::is_quantifier(words.w(*w))
    {
        let name = words.w(*w).to_string();
        return Some((Who::Group { name, media: false }, p.np.clone()));
    }
    // "the Frenchman said", "the Swede told reporters": a person named
    // before, by nationality.
    if let [d, n] = p.ws.as_slice()
        && words.w(*d) == "the"
        && words.is_cap(*n)
        && lexicon::is_demonym_noun(words.w(*n))
    {
        return Some((
            Who::Anaphor {
                noun: words.w(*n).to_string(),
                kind: Anaphor::Person,
                phrase: words.text(*n).to_string(),
            },
            p.np.clone(),
        ));
    }
    let r = p.capitalised_run();
    let mut pp_org = None;
    if r < p.ws.len() {
        match p.named(r) {
            Named::Is(found) => return found,
            Named::Within(org) => pp_org = org,
        }
    }
    p.common(pp_org.clone())
        .or_else(|| p.person_of(pp_org.as_ref()))
}

/// Prepositions after a person's name that introduce where they work
/// ("Jim Lee of the Centre for Public Affairs", "Ann Roe at Acme").
const AFFILIATION_PREPOSITIONS: [&str; 3] = ["of", "at", "from"];

/// A noun phrase's words, read for [`analyze`].
struct Phrase<'w, 'a> {
    words: &'w Words<'a>,
    /// Where the segment ends.
    end: usize,
    /// Word tokens outside brackets.
    ws: Vec<usize>,
    /// "conservative" in "the ROK media (and conservative ones at that)".
    qualifier: Option<String>,
    first: usize,
    last: usize,
    /// Bytes from the first word to the last.
    np: Range<usize>,
}

/// What a phrase's trailing run of capitalised words says.
enum Named {
    /// The phrase is the run's, and this is what it names (nothing, for a
    /// possessive: "Korea's").
    Is(Option<(Who, Range<usize>)>),
    /// The run lies in a prepositional phrase; the institution it names,
    /// if any, that the phrase's head may speak for.
    Within(Option<Who>),
}

/// The head of a phrase in lower case.
struct Head {
    /// Its token.
    i: usize,
    /// Its lower-case word.
    word: String,
    /// Index into the phrase's words of its first preposition (or their
    /// number).
    first_prep: usize,
}

impl<'w, 'a> Phrase<'w, 'a> {
    /// The segment's words outside brackets, after leading connectors and
    /// clause words; `None` when there are none or too many.
    fn read(words: &'w Words<'a>, seg: &Range<usize>) -> Option<Self> {
        let mut a = seg.start;
        while a < seg.end
            && (!words.is_word(a) || is_connector(words.w(a)) || is_clause_word(words.w(a)))
        {
            if words.is_punct(a, '(') {
                break;
            }
            a += 1;
        }
        // Words outside brackets; "(and conservative ones at that, …)" qualifies.
        let mut ws = Vec::new();
        let mut depth = 0;
        let mut qualifier = None;
        for i in a..seg.end {
            match words.toks[i].kind {
                TokKind::Punct('(') | TokKind::Punct('[') => {
                    if depth == 0 && words.w(i + 1) == "and" && words.w(i + 3) == "ones" {
                        qualifier = Some(words.text(i + 2).to_string());
                    }
                    depth += 1;
                }
                TokKind::Punct(')') | TokKind::Punct(']') => depth = (depth - 1).max(0),
                TokKind::Word if depth == 0 => ws.push(i),
                _ => {}
            }
        }
        let (&first, &last) = (ws.first()?, ws.last()?);
        if ws.len() > MAX_NP_WORDS {
            return None;
        }
        Some(Phrase {
            words,
            end: seg.end,
            np: words.span(first, last + 1),
            ws,
            qualifier,
            first,
            last,
        })
    }

    /// "Jim Lee of the Centre for Public Affairs", "Mariana Uribe of
    /// Capital Sur Research in London": a person named before the first
    /// preposition, which opens where they work; the person speaks, with
    /// the institution as affiliation.
    fn person_of(&self, org: Option<&Who>) -> Option<(Who, Range<usize>)> {
        let (words, ws) = (self.words, &self.ws);
        let at = ws
            .iter()
            .position(|&i| AFFILIATION_PREPOSITIONS.contains(&words.w(i)) && !words.is_cap(i))?;
        if at == 0
            || !words.is_cap(ws[at - 1])
            || !ws
                .get(at + 1)
                .is_some_and(|&i| words.is_cap(i) || words.w(i) == "the")
        {
            return None;
        }
        let (mut who, np) = analyze(self.words, ws[0]..ws[at])?;
        let Who::Person { affiliation, .. } = &mut who else {
            return None;
        };
        // The institution right after the preposition, not a town after it.
        let mut a = at + 1;
        if ws.get(a).is_some_and(|&i| words.w(i) == "the") {
            a += 1;
        }
        let mut b = a;
        while b < ws.len()
            && (words.is_cap(ws[b])
                || lexicon::is_name_joiner(words.w(ws[b]))
                    && ws.get(b + 1).is_some_and(|&n| words.is_cap(n)))
        {
            b += 1;
        }
        let named = (b > a).then(|| words.slice(ws[a], ws[b - 1] + 1).to_string());
        if affiliation.is_none() {
            *affiliation = named.or_else(|| match org {
                Some(Who::Org { name, .. }) => Some(name.clone()),
                _ => None,
            });
        }
        Some((who, np.start..self.np.end))
    }

    /// "PaceTrail's statement", "the ministry's report": a message or
    /// document before the first preposition, owned by a name.
    fn owner_of_message(&self, first_prep: usize) -> Option<(Who, Range<usize>)> {
        let (words, ws) = (self.words, &self.ws);
        let last = words.w(ws[first_prep - 1]);
        let message = lexicon::anaphor_noun(last) == Some(Anaphor::Message)
            || lexicon::is_document_noun(last);
        let p = *ws[..first_prep - 1]
            .iter()
            .rev()
            .find(|&&i| is_possessive(words.text(i)))?;
        let s = ws.iter().copied().find(|&i| words.is_cap(i))?;
        if !message || s > p || !words.is_cap(p) || p + 1 != ws[first_prep - 1] {
            return None;
        }
        let (who, _) = possessor(words, s, p)?;
        Some((who, self.np.clone()))
    }

    /// A lone pronoun; "this author", "the writer": the author.
    fn pronoun(&self) -> Option<(Who, Range<usize>)> {
        let (words, first, last) = (self.words, self.first, self.last);
        if self.ws.len() == 1
            && !is_acronym(words.text(first))
            && let Some(p) = lexicon::pronoun(words.w(first))
        {
            return Some((Who::Pronoun(p), self.np.clone()));
        }
        if self.ws.len() <= 3
            && lexicon::is_author_noun(words.w(last))
            && lexicon::is_author_determiner(words.w(first))
        {
            return Some((Who::Pronoun(Pronoun::Author), self.np.clone()));
        }
        None
    }

    /// Where in the phrase's words its trailing run of capitalised words
    /// starts (past a determiner or small word that opens it); their number
    /// when there is none.
    fn capitalised_run(&self) -> usize {
        let (words, ws) = (self.words, &self.ws);
        let mut r = ws.len();
        while r > 0 {
            let i = ws[r - 1];
            // "Korea's Lee Jae-myung": a possessive ends the run, but not an
            // institution's inside a longer name ("Professor Jung Min-ho of
            // Hankuk University's Graduate School of …").
            let inner_org = lexicon::org_word(super::strip_possessive(words.text(i))).is_some()
                && ws[..r].iter().any(|&k| words.w(k) == "of");
            let cap =
                words.is_cap(i) && !(r < ws.len() && is_possessive(words.text(i)) && !inner_org);
            let joiner = r < ws.len()
                && r >= 2
                && lexicon::is_name_joiner(words.w(i))
                && words.is_cap(ws[r - 2])
                // "van der Heijden": particles before a name's last word.
                || r < ws.len() && lexicon::is_name_particle(words.w(i));
            if cap || joiner {
                r -= 1;
            } else {
                break;
            }
        }
        // "van der Heijden said": particles that open a name stay in it.
        let particles = |r: usize| {
            let mut k = r;
            while k < ws.len() && lexicon::is_name_particle(words.w(ws[k])) {
                k += 1;
            }
            k > r && k < ws.len() && words.is_cap(ws[k])
        };
        // "said Do Thi Lan Anh": a capitalised small word after a lower-case
        // word and before a name is the name's own.
        let named_mid_sentence = |r: usize| {
            r + 1 < ws.len()
                && words.is_cap(ws[r + 1])
                && ws[r] > 0
                && words.is_word(ws[r] - 1)
                && !words.is_cap(ws[r] - 1)
                && !lexicon::is_determiner(words.w(ws[r]))
        };
        while r < ws.len()
            && !particles(r)
            && (!words.is_cap(ws[r])
                || lexicon::is_determiner(words.w(ws[r]))
                || lexicon::is_function_word(words.w(ws[r])) && !named_mid_sentence(r))
        {
            r += 1;
        }
        r
    }

    /// What the run of capitalised words from `r` names, and whether the
    /// phrase is the run's or the run lies in a prepositional phrase.
    fn named(&self, r: usize) -> Named {
        let (words, ws) = (self.words, &self.ws);
        let run: Vec<usize> = ws[r..].to_vec();
        let mut b = r;
        if b > 0 && words.w(ws[b - 1]) == "the" {
            b -= 1;
        }
        let in_pp = b > 0 && lexicon::is_preposition(words.w(ws[b - 1]));
        let who = classify_run(words, &run, &ws[..r]);
        if !in_pp {
            // A possessive run ("Korea's") is not a speaker.
            if is_possessive(words.text(self.last)) {
                return Named::Is(None);
            }
            let np = words.span(if b < r { ws[b] } else { run[0] }, self.last + 1);
            return Named::Is(who.map(|w| (w, np)));
        }
        Named::Within(who.filter(|w| matches!(w, Who::Org { .. })))
    }

    /// A phrase in lower case: a group, an anaphor, an unnamed individual,
    /// or one who speaks for the institution `pp_org` named in it.
    fn common(&self, pp_org: Option<Who>) -> Option<(Who, Range<usize>)> {
        let words = self.words;
        let ws = &self.ws;
        let first_prep = ws
            .iter()
            .position(|&i| lexicon::is_preposition(words.w(i)) && !words.is_cap(i))
            .unwrap_or(ws.len());
        if first_prep == 0 {
            return None;
        }
        // The head is the last known noun before the first preposition
        // ("two officials familiar with the talks").
        let head_i = ws[..first_prep]
            .iter()
            .rev()
            .copied()
            .find(|&i| {
                let w = words.w(i);
                lexicon::is_group_noun(w)
                    || lexicon::anaphor_noun(w).is_some()
                    || lexicon::is_role_noun(w)
            })
            .unwrap_or(ws[first_prep - 1]);
        let h = Head {
            i: head_i,
            word: words.w(head_i).to_string(),
            first_prep,
        };
        // "PaceTrail's statement, emailed to Bytewire, said": whoever's
        // statement or report it is speaks.
        if let Some(found) = self.owner_of_message(first_prep) {
            return Some(found);
        }
        // "a Halifax Transit report": the institution that wrote it speaks.
        // ("a Halifax Transit report published in March").
        let end = if first_prep >= 4 && words.w(ws[first_prep - 1]).ends_with("ed") {
            first_prep - 1
        } else {
            first_prep
        };
        let last = ws[end - 1];
        if lexicon::is_document_noun(words.w(last))
            && end >= 3
            && ws[1..end - 1]
                .iter()
                .all(|&i| words.is_cap(i) && !is_possessive(words.text(i)))
            && let Some((org @ Who::Org { .. }, _)) = analyze(words, ws[1]..last)
        {
            return Some((org, self.np.clone()));
        }
        // "a study by researchers at Lund University": the authors speak.
        if lexicon::is_document_noun(&h.word)
            && first_prep < ws.len()
            && matches!(words.w(ws[first_prep]), "by" | "from")
            && first_prep + 1 < ws.len()
        {
            let from = ws[first_prep + 1];
            return analyze(words, from..self.end);
        }
        self.group(&h)
            .or_else(|| self.speaks_for(&h, pp_org))
            .or_else(|| self.relative(&h))
            .or_else(|| self.anaphor(&h))
            .or_else(|| self.unnamed(&h))
    }

    /// "her husband says", "his daughter said": the relative of the person
    /// the possessive refers to, another person.
    fn relative(&self, h: &Head) -> Option<(Who, Range<usize>)> {
        let det = self.det();
        (matches!(det, "his" | "her" | "their")
            && self.ws.len() == 2
            && lexicon::is_family_noun(&h.word))
        .then(|| {
            (
                Who::Anaphor {
                    noun: h.word.clone(),
                    kind: Anaphor::Person,
                    phrase: det.to_string(),
                },
                self.np.clone(),
            )
        })
    }

    /// The phrase's determiner (its first word, lower case).
    fn det(&self) -> &str {
        self.words.w(self.first)
    }

    /// A group headed by a plural noun or a demonym ("some experts",
    /// "South Koreans"), named by the phrase without its article.
    fn group(&self, h: &Head) -> Option<(Who, Range<usize>)> {
        let (words, ws, first, last) = (self.words, &self.ws, self.first, self.last);
        if !(lexicon::is_group_noun(&h.word)
            || lexicon::is_demonym(words.text(h.i)) && h.word.ends_with('s') && words.is_cap(h.i))
        {
            return None;
        }
        let from = if lexicon::is_group_determiner(self.det()) && ws.len() > 1 {
            ws[1]
        } else {
            // "Last night the Tilley family said": the group is named from
            // its own article on.
            ws.iter()
                .copied()
                .rev()
                .find(|&i| i > first && i < h.i && words.w(i) == "the")
                .unwrap_or(first)
        };
        let mut name = words.slice(from, last + 1).to_string();
        if depth_free(&name) {
            name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        } else {
            // Leave bracketed asides out of the name.
            name = ws
                .iter()
                .filter(|&&i| i >= from)
                .map(|&i| words.text(i))
                .collect::<Vec<_>>()
                .join(" ");
        }
        if let Some(q) = &self.qualifier {
            let head_text = words.text(h.i);
            if let Some(at) = name.rfind(head_text) {
                name.insert_str(at, &format!("{q} "));
            }
        }
        let name = lower_first_common(&name);
        Some((
            Who::Group {
                name,
                media: lexicon::is_media_group_noun(&h.word),
            },
            self.np.clone(),
        ))
    }

    /// "the representative of the ROK Foreign Ministry" speaks for it; "a
    /// council spokeswoman" for the council; "a spokesman", with nothing
    /// more, for the institution just named.
    fn speaks_for(&self, h: &Head, pp_org: Option<Who>) -> Option<(Who, Range<usize>)> {
        let (words, ws) = (self.words, &self.ws);
        let det = self.det();
        let institution = |noun: String| {
            Some((
                Who::Anaphor {
                    noun,
                    kind: Anaphor::Institution,
                    phrase: String::new(),
                },
                self.np.clone(),
            ))
        };
        let speaks_for = lexicon::is_speaks_for_noun(&h.word);
        let word_at = |k: usize| ws.get(k).map_or("", |&i| words.w(i));
        let of_org = speaks_for
            && matches!(word_at(h.first_prep), "of" | "for" | "from" | "at")
            && matches!(det, "the" | "a" | "an");
        if of_org
            && pp_org.is_none()
            && word_at(h.first_prep + 1) == "the"
            && let Some(&n) = ws.get(h.first_prep + 2)
            && lexicon::anaphor_noun(words.w(n)) == Some(Anaphor::Institution)
        {
            return institution(words.w(n).to_string());
        }
        // "a spokeswoman for Wakefield Council": one unnamed person, who
        // may be quoted as "she" later, not the council itself.
        let one_spokesperson = lexicon::is_spokesperson_noun(&h.word)
            && matches!(det, "a" | "an")
            && word_at(h.first_prep) == "for";
        if of_org
            && !one_spokesperson
            && let Some(org) = pp_org
        {
            return Some((org, self.np.clone()));
        }
        let spokes = lexicon::is_spokesperson_noun(&h.word);
        if spokes && matches!(det, "a" | "an" | "the") && h.first_prep == ws.len() {
            let at = ws.iter().position(|&i| i == h.i).unwrap_or(0);
            let before = (at >= 2).then(|| words.w(ws[at - 1]).to_string());
            let noun = match before {
                Some(b) if lexicon::anaphor_noun(&b) == Some(Anaphor::Institution) => Some(b),
                None if det != "the" && ws.len() == 2 => Some(h.word.clone()),
                _ => None,
            };
            if let Some(noun) = noun {
                return institution(noun);
            }
        }
        None
    }

    /// "the professor", "this publication", "the ministry": a phrase that
    /// refers back to a speaker named before.
    fn anaphor(&self, h: &Head) -> Option<(Who, Range<usize>)> {
        // "the source said", "the lawyer added": a role noun refers back
        // as a person noun does.
        let kind = lexicon::anaphor_noun(&h.word)
            .or_else(|| lexicon::is_role_or_person_noun(&h.word).then_some(Anaphor::Person))?;
        if !(matches!(self.det(), "the" | "this" | "that") && h.first_prep <= MAX_ANAPHOR_PREP) {
            return None;
        }
        let phrase = self.ws[1..h.first_prep.max(1)]
            .iter()
            .map(|&i| self.words.text(i))
            .collect::<Vec<_>>()
            .join(" ");
        Some((
            Who::Anaphor {
                noun: h.word.clone(),
                kind,
                phrase,
            },
            self.np.clone(),
        ))
    }

    /// "one said", "said another", "one aide", "a nurse", "one shopkeeper
    /// in Castlecoote": an unnamed source of their own, not the person
    /// quoted before, named by the whole phrase.
    fn unnamed(&self, h: &Head) -> Option<(Who, Range<usize>)> {
        let (words, ws) = (self.words, &self.ws);
        let det = self.det();
        if ws.len() == 1 && matches!(h.word.as_str(), "one" | "another") {
            return Some((
                Who::Unnamed {
                    name: h.word.clone(),
                },
                self.np.clone(),
            ));
        }
        // "a county drought assessment released on Tuesday", "one father
        // dropping his son off at a day camp": a participle after the noun
        // opens a clause about it.
        let cut = (2..ws.len())
            .find(|&k| {
                let w = words.w(ws[k]);
                let next = ws.get(k + 1).map(|&n| words.w(n));
                let object = next.is_some_and(|n| {
                    lexicon::is_preposition(n)
                        || lexicon::is_determiner(n)
                        || lexicon::is_possessive_pronoun(n)
                });
                // A present participle's phrase stays in a short name ("one
                // student travelling to Leeds").
                is_noun_like(words, ws[k - 1])
                    && (w.ends_with("ed") && (next.is_none() || object)
                        || w.ends_with("ing") && object && ws.len() > MAX_UNNAMED_WORDS)
            })
            .unwrap_or(ws.len());
        if matches!(det, "a" | "an" | "one" | "another")
            && cut <= MAX_UNNAMED_WORDS
            && is_noun_like(words, h.i)
        {
            // "one aide" and "another aide" are two people, as the article
            // says them; "A nurse" opening a sentence is "a nurse".
            let name = ws[..cut]
                .iter()
                .map(|&i| words.text(i))
                .collect::<Vec<_>>()
                .join(" ");
            let name = format!("{det}{}", &name[words.text(self.first).len()..]);
            return Some((Who::Unnamed { name }, self.np.clone()));
        }
        None
    }
}

pub(super) fn possessor(words: &Words<'_>, s: usize, p: usize) -> Option<(Who, Range<usize>)> {
    let w = words.w(p);
    let np = words.span(s, p + 1);
    if let Some(pr) = lexicon::pronoun(w) {
        return Some((Who::Pronoun(pr), np));
    }
    // Analyse the phrase with the possessive ending removed.
    let stripped = strip_possessive(words.text(p));
    if p == s {
        let name = stripped.to_string();
        if let Some(org) = lexicon::known_org(&name) {
            return Some((
                Who::Org {
                    name,
                    org,
                    role: None,
                },
                np,
            ));
        }
        if name.chars().next().is_some_and(char::is_uppercase) {
            return Some((
                Who::Person {
                    name,
                    role: None,
                    affiliation: None,
                    titled: false,
                },
                np,
            ));
        }
        return None;
    }
    if matches!(words.w(p), "author's" | "writer's")
        && matches!(words.w(s), "this" | "the" | "present")
    {
        return Some((Who::Pronoun(Pronoun::Author), np));
    }
    // Several words: treat the last as its bare form.
    let (who, _) = analyze(words, s..p)?;
    let extend = |name: String| format!("{name} {stripped}");
    Some((
        match who {
            Who::Person {
                name,
                role,
                affiliation,
                titled,
            } => Who::Person {
                name: extend(name),
                role,
                affiliation,
                titled,
            },
            other => match classify_run(
                words,
                &(s..p + 1).filter(|&i| words.is_word(i)).collect::<Vec<_>>(),
                &[],
            ) {
                Some(Who::Person {
                    name,
                    role,
                    affiliation,
                    titled,
                }) => Who::Person {
                    name: strip_possessive(&name).to_string(),
                    role,
                    affiliation,
                    titled,
                },
                _ => other,
            },
        },
        np,
    ))
}

fn depth_free(s: &str) -> bool {
    !s.contains(['(', ')', '[', ']'])
}

/// "Some experts" → "some experts": a group's name is not a proper name.
fn lower_first_common(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    if lexicon::is_common_group_word(&lower) {
        format!("{lower}{}", &name[first.len()..])
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn institutions_groups_and_anaphors() {
        assert_eq!(
            name_of(&cues("The ROK Foreign Ministry announced its intention to respond.")[0].1),
            "ROK Foreign Ministry"
        );
        assert_eq!(
            name_of(&cues("The EU has also stated its readiness to act.")[0].1),
            "EU"
        );
        assert_eq!(
            name_of(&cues("Some experts even believe that it will fail.")[0].1),
            "some experts"
        );
        assert_eq!(
            name_of(&cues("Meanwhile, media outlets of all types write that it failed.")[0].1),
            "media outlets of all types"
        );
        assert_eq!(
            name_of(&cues("The publication notes that it failed.")[0].1),
            "the publication"
        );
        assert_eq!(
            name_of(&cues("At the same time, the representative of the ROK Foreign Ministry emphasized that it failed.")[0].1),
            "ROK Foreign Ministry"
        );
        assert_eq!(
            name_of(&cues("Here, both classical democrats and conservatives in opposition to Yoon Seok-yeol accuse the president of it.")[0].1),
            "classical democrats and conservatives in opposition to Yoon Seok-yeol"
        );
        assert_eq!(name_of(&cues("The ROK media (and conservative ones at that) published texts that “it is bad.”")[0].1), "ROK conservative media");
        assert_eq!(
            name_of(&cues("South Koreans think that Beijing is aloof.")[0].1),
            "South Koreans"
        );
        assert_eq!(name_of(&cues("Seoul said it would respond.")[0].1), "Seoul");
    }
}

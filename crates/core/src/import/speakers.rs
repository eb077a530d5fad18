//! Speakers: who the noun phrases of cues are, across the article.
//!
//! A full name creates or finds a speaker; a later surname, a name with a
//! title ("Professor Pardo") or a variant spelling finds the same one and is
//! kept as an alias. Pronouns and phrases like "the professor", "the
//! publication" or "the Korean side" refer to the speaker last named in the
//! same paragraph or the one before. "I", "we" and "this author" are the
//! article's author.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::cues::Who;
use super::kinds::org_kind;
pub use super::kinds::person_kind;
use super::lexicon::{self, Anaphor, Org, Pronoun};
use crate::model::SpeakerKind;

/// A speaker as the extractor knows it.
#[derive(Debug, Clone)]
pub struct Rec {
    pub name: String,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub kind: SpeakerKind,
    pub person: bool,
    /// May be referred to as "they" (groups, media, institutions).
    pub plural: bool,
    pub media: bool,
    pub institution: bool,
    /// He or she, once a pronoun has referred to them.
    pub gender: Option<Pronoun>,
}

impl Rec {
    /// A person of that name, with nothing said of them yet but maybe
    /// their gender.
    fn person(name: &str, gender: Option<Pronoun>) -> Rec {
        Rec {
            name: name.to_string(),
            aliases: Vec::new(),
            role: None,
            affiliation: None,
            kind: SpeakerKind::Unclassified,
            person: true,
            plural: false,
            media: false,
            institution: false,
            gender,
        }
    }

    /// Whether this person may be of `gender` (always, when either is not
    /// known).
    pub(super) fn may_be(&self, gender: Option<Pronoun>) -> bool {
        gender.is_none() || self.gender.is_none() || self.gender == gender
    }
}

/// What a cue's noun phrase resolved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Speaker(usize),
    /// The article's author ("I", "we", "this author").
    Author,
}

/// Every speaker and mention seen so far, with what was named last.
#[derive(Debug, Default)]
pub struct Registry {
    pub recs: Vec<Rec>,
    by_key: HashMap<String, usize>,
    by_token: HashMap<String, Vec<usize>>,
    /// (speaker, paragraph, how prominent: [`SPEAKER`], [`SUBJECT`] or
    /// [`MENTION`]), most recent last.
    recent: Vec<(usize, usize, u8)>,
    /// The speaker who last issued a message ("said in a statement"), with
    /// its paragraph: whom "the statement read: …" refers to.
    issuer: Option<(usize, usize)>,
    /// The people already referred to by a single name ("Halloran
    /// reaches …"): whom that name goes on meaning when a relative of the
    /// same family name is named in full later.
    by_one_name: HashSet<(usize, String)>,
    /// Relatives met by full name in passing, whom the family name alone
    /// does not mean while someone else has it.
    kin: HashSet<usize>,
    /// People of two names or more by their first name, folded: whom a
    /// short form of it ("Jax" for "Jaxon Reeve") may mean.
    by_given: BTreeMap<String, Vec<usize>>,
    /// Institutions of two words or more by their first word, folded.
    institutions_by_first: HashMap<String, Vec<usize>>,
}

/// Fewest letters of a short form of a given name ("Jax", "Alex").
const MIN_SHORT_NAME_LETTERS: usize = 3;

/// Prominence of a mention: the subject of a cue ...
const SPEAKER: u8 = 2;
/// ... the subject a sentence opens with ("The 29-year-old rolled …") ...
const SUBJECT: u8 = 1;
/// ... or a name in passing ("… behind Arrieta").
const MENTION: u8 = 0;

/// How many paragraphs after a speaker issued a statement "the statement"
/// still refers to it.
const MESSAGE_REACH_PARAGRAPHS: usize = 3;

/// Whether a speaker's role names `noun` ("Senate President; Senator"
/// holds "president").
fn holds(r: &Rec, noun: &str) -> bool {
    r.role.as_deref().is_some_and(|role| {
        let role = role.to_lowercase();
        // "Gov.", "Sen.", "Prof.": an abbreviated title holds the noun it
        // begins.
        role.contains(noun)
            || role.split([' ', ';']).any(|w| {
                w.strip_suffix('.')
                    .is_some_and(|a| a.len() >= MIN_ABBREVIATED_TITLE && noun.starts_with(a))
            })
    })
}

/// Adds speaker `i` to a list of speakers, once.
fn push_once(list: &mut Vec<usize>, i: usize) {
    if !list.contains(&i) {
        list.push(i);
    }
}

/// Whether a speaker is an unnamed source whose phrase has `noun` ("a
/// source close to the pair" for "source").
fn unnamed_by(r: &Rec, noun: &str) -> bool {
    r.kind == SpeakerKind::UnnamedGroup && key(&r.name).split(' ').any(|w| w == noun)
}

/// Fewest letters of an abbreviated title that [`holds`] expands ("Gov.").
const MIN_ABBREVIATED_TITLE: usize = 3;

/// A name folded for comparison: lower case, no accents, no punctuation,
/// no leading article.
pub fn key(name: &str) -> String {
    let folded = crate::text::fold(name).to_lowercase();
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if c == '\'' {
            continue;
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    let out = out.trim();
    let out = out.strip_prefix("the ").unwrap_or(out);
    out.to_string()
}

/// Whether a person is a man or a woman, from the title or role words before
/// or around the name ("Mrs.", "spokeswoman", "his granddaughter") or else
/// from a usual given name ("Helen Marchetti"); `None` when nothing says.
pub fn gender_of(name: &str, role: Option<&str>) -> Option<Pronoun> {
    let word_gender = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        lexicon::gender_word(&w)
    };
    let from_role = role.and_then(|r| {
        let found: Vec<Pronoun> = r.split([' ', ';', ',']).filter_map(word_gender).collect();
        // "his granddaughter": the noun, not the possessor, says it; two
        // different answers say nothing.
        match found.as_slice() {
            [] => None,
            [g, rest @ ..] => rest.iter().all(|x| x == g).then_some(*g),
        }
    });
    from_role.or_else(|| {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() < 2 {
            return None;
        }
        lexicon::given_name_gender(&words[0].to_lowercase())
    })
}

/// Whether `role` holds the title `title` ("Dr." in "Dr.; cardiologist").
fn same_title(role: &str, title: &str) -> bool {
    let fold = |s: &str| {
        s.split([' ', ';', ','])
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
    };
    let role = fold(role);
    let title = fold(title);
    !title.is_empty() && title.iter().all(|t| role.contains(t))
}

/// A role without the courtesy titles that only say someone's gender
/// ("Ms.; state senator" is "state senator").
fn without_courtesy(role: &str) -> Option<String> {
    let parts = role
        .split("; ")
        .map(|p| {
            let mut ws: Vec<&str> = p.split_whitespace().collect();
            ws.retain(|w| !lexicon::is_courtesy_title(&w.trim_end_matches('.').to_lowercase()));
            ws.join(" ")
        })
        // "Gordon Fairbrother, 64,": an age is no role.
        .filter(|p| !p.is_empty() && !p.chars().all(|c| c.is_ascii_digit()))
        .collect::<Vec<String>>();
    (!parts.is_empty()).then(|| parts.join("; "))
}

impl Registry {
    fn remember(&mut self, s: usize, para: usize, speaker: bool) {
        self.recent
            .push((s, para, if speaker { SPEAKER } else { MENTION }));
        if self.recent.len() > 64 {
            self.recent.drain(..32);
        }
    }

    fn add(&mut self, rec: Rec) -> usize {
        let i = self.recs.len();
        self.by_key.insert(key(&rec.name), i);
        if rec.person {
            for t in key(&rec.name).split(' ') {
                self.by_token.entry(t.to_string()).or_default().push(i);
            }
        }
        if rec.institution
            && let Some((first, _)) = key(&rec.name).split_once(' ')
        {
            self.institutions_by_first
                .entry(first.to_string())
                .or_default()
                .push(i);
        }
        self.recs.push(rec);
        self.note_given(i);
        i
    }

    /// Files person `i` under their first name, if they have a family name.
    fn note_given(&mut self, i: usize) {
        let k = key(&self.recs[i].name);
        if let (true, Some((first, _))) = (self.recs[i].person, k.split_once(' ')) {
            push_once(self.by_given.entry(first.to_string()).or_default(), i);
        }
    }

    /// The one person whose first name `one` is a short form of ("Jax":
    /// "Jaxon Reeve"), if there is exactly one; asked only for a name that
    /// is surely a person's ("Jax, 29,"), not a word in passing ("the
    /// river Severn" is no "Severnside Water").
    fn by_short_name(&self, one: &str, gender: Option<Pronoun>) -> Option<usize> {
        if one.chars().count() < MIN_SHORT_NAME_LETTERS {
            return None;
        }
        let mut found = self
            .by_given
            .range(one.to_string()..)
            .take_while(|(k, _)| k.starts_with(one))
            .filter(|(k, _)| k.as_str() != one)
            .flat_map(|(_, v)| v.iter().copied())
            .filter(|&i| self.recs[i].may_be(gender));
        let first = found.next()?;
        found.all(|i| i == first).then_some(first)
    }

    /// The most recently mentioned of `candidates`.
    fn most_recent(&self, candidates: &[usize]) -> Option<usize> {
        self.recent
            .iter()
            .rev()
            .map(|r| r.0)
            .find(|s| candidates.contains(s))
            .or_else(|| candidates.last().copied())
    }

    /// The last speaker (or, failing that, mention) in paragraph `para` or
    /// the one before that satisfies `fits`.
    fn last(&self, para: usize, fits: impl Fn(&Rec) -> bool) -> Option<usize> {
        // This paragraph before the one before; a speaker before a mention.
        for p in [Some(para), para.checked_sub(1)].into_iter().flatten() {
            for want in [SPEAKER, SUBJECT, MENTION] {
                for &(s, q, rank) in self.recent.iter().rev() {
                    if q == p && rank >= want && fits(&self.recs[s]) {
                        return Some(s);
                    }
                }
            }
        }
        None
    }

    /// Whether speaker `i` has been the subject of a cue.
    fn spoke(&self, i: usize) -> bool {
        self.recent
            .iter()
            .any(|&(s, _, rank)| s == i && rank == SPEAKER)
    }

    /// The speaker or mention seen last, however far back, that satisfies
    /// `fits`.
    fn last_anywhere(&self, fits: impl Fn(&Rec) -> bool) -> Option<usize> {
        self.recent
            .iter()
            .rev()
            .map(|r| r.0)
            .find(|&s| fits(&self.recs[s]))
    }

    /// Gives person `t` another name they are called by (a nickname).
    pub fn alias(&mut self, t: Target, alias: &str) {
        if let Target::Speaker(i) = t
            && let std::collections::hash_map::Entry::Vacant(e) = self.by_key.entry(key(alias))
        {
            e.insert(i);
            self.recs[i].aliases.push(alias.to_string());
        }
    }

    /// The lede's unnamed subject `held` ("a pub landlord") turned out to
    /// be `t`: mentions of the description are mentions of `t`, who takes
    /// the noun they were described by as a role, so that "the landlord"
    /// later is them.
    pub fn identified(&mut self, held: Target, t: Target) {
        let (Target::Speaker(h), Target::Speaker(i)) = (held, t) else {
            return;
        };
        // Whatever referred to the description refers to the person now.
        for r in &mut self.recent {
            if r.0 == h {
                r.0 = i;
            }
        }
        for v in self.by_key.values_mut() {
            if *v == h {
                *v = i;
            }
        }
        let name = key(&self.recs[h].name);
        let noun = name.rsplit(' ').next().unwrap_or_default().to_string();
        if !lexicon::is_role_or_person_noun(&noun) || holds(&self.recs[i], &noun) {
            return;
        }
        let role = match self.recs[i].role.take() {
            Some(r) => format!("{r}; {noun}"),
            None => noun,
        };
        self.recs[i].role = Some(role);
    }

    /// Marks `t`, just resolved in paragraph `para`, as the subject its
    /// sentence opens with, which pronouns prefer to a name in passing.
    pub fn opened_with(&mut self, t: Target, para: usize) {
        if let (Target::Speaker(s), Some(last)) = (t, self.recent.last_mut())
            && last.0 == s
            && last.1 == para
        {
            last.2 = last.2.max(SUBJECT);
        }
    }

    /// Notes that speaker `t` issued a message in paragraph `para` ("said
    /// in a statement", "wrote in an email").
    pub fn issued(&mut self, t: Target, para: usize) {
        if let Target::Speaker(s) = t {
            self.issuer = Some((s, para));
        }
    }

    /// The person named or quoted last in paragraph `para`, if any.
    pub fn person_in(&self, para: usize) -> Option<Target> {
        self.recent
            .iter()
            .rev()
            .find(|&&(s, q, _)| q == para && self.recs[s].person)
            .map(|&(s, _, _)| Target::Speaker(s))
    }

    /// The person named last, preferring paragraph `para` and the one
    /// before, and remembers them as a speaker there.
    pub fn last_person(&mut self, para: usize) -> Option<usize> {
        let found = self
            .last(para, |r| r.person)
            .or_else(|| self.last_anywhere(|r| r.person))?;
        self.remember(found, para, true);
        Some(found)
    }

    /// Resolves a noun phrase met in paragraph `para`. `as_speaker` marks a
    /// cue's subject (preferred by pronouns) rather than a passing mention.
    pub fn resolve(&mut self, who: &Who, para: usize, as_speaker: bool) -> Option<Target> {
        let found = match who {
            Who::Pronoun(Pronoun::Author) => return Some(Target::Author),
            Who::Pronoun(p @ (Pronoun::He | Pronoun::She)) => {
                let p = *p;
                // Not a reporter who asked the question just before.
                let asks = |r: &Rec| {
                    r.kind == SpeakerKind::UnnamedGroup
                        && r.name
                            .split_whitespace()
                            .last()
                            .is_some_and(|w| lexicon::is_asker_noun(&w.to_lowercase()))
                };
                // Nobody nearby: the person last named or quoted of that
                // gender, however far back (a feature's subject, named
                // once and then "she" for pages), else the last who may be
                // of it (past an interviewer's question: "Which
                // arguments? / “The breath,” he says").
                let found = self
                    .last(para, |r| r.person && r.may_be(Some(p)) && !asks(r))
                    .or_else(|| self.last_anywhere(|r| r.person && r.gender == Some(p)))
                    .or_else(|| self.last_anywhere(|r| r.person && r.may_be(Some(p)) && !asks(r)));
                if let Some(i) = found {
                    self.recs[i].gender = Some(p);
                }
                found
            }
            Who::Pronoun(Pronoun::Plural) => self.last(para, |r| r.plural || r.institution),
            Who::Pronoun(Pronoun::Neuter) => self.last(para, |r| r.institution || r.media),
            Who::Anaphor { noun, kind, phrase }
                if *kind == Anaphor::Person && lexicon::is_family_noun(noun) =>
            {
                self.relative_of(noun, phrase, para)
            }
            Who::Anaphor { noun, kind, phrase } => self.anaphor(noun, *kind, phrase, para),
            Who::Person {
                name,
                role,
                affiliation,
                titled,
            } => Some(self.person(name, role, affiliation, *titled, as_speaker)?),
            Who::Org { name, org, role } => Some(self.org(name, *org, role)),
            Who::Group { name, media } => Some(self.group(name, *media)),
            Who::Unnamed { name } => Some(self.unnamed(name)),
            Who::Kin { name } => self.kin(name),
        }?;
        self.remember(found, para, as_speaker);
        Some(Target::Speaker(found))
    }

    /// "the professor", "the teenager", "the statement", "the publication",
    /// "the ministry": what the phrase refers back to.
    fn anaphor(&mut self, noun: &str, kind: Anaphor, phrase: &str, para: usize) -> Option<usize> {
        match kind {
            // "the Senate President replied": the holder of the office,
            // however far back; "the judge" with no judge named: an office
            // no one holds is a speaker of its own, not the person named
            // last.
            Anaphor::Person => self.described_person(noun, para).or_else(|| {
                let office = lexicon::is_office(noun);
                office.then(|| {
                    self.last_anywhere(|r| r.person && holds(r, noun))
                        .unwrap_or_else(|| {
                            let office = if phrase.is_empty() { noun } else { phrase };
                            let name = match office.strip_prefix("the ") {
                                Some(_) => office.to_string(),
                                None => format!("the {office}"),
                            };
                            self.unnamed(&name)
                        })
                })
            }),
            // "the statement read: …": whoever issued one just before,
            // else the institution named last nearby.
            Anaphor::Message => self
                .issuer
                .filter(|&(_, p)| p <= para && para <= p + MESSAGE_REACH_PARAGRAPHS)
                .map(|(s, _)| s)
                .or_else(|| self.last(para, |r| r.institution)),
            Anaphor::Media => self
                .last(para, |r| r.media)
                .or_else(|| self.last_anywhere(|r| r.media)),
            Anaphor::Institution => Some(self.institution_referred(noun, phrase, para)),
        }
    }

    /// "the professor": the person nearby whose role holds the noun; "the
    /// analyst", "the teenager": the person named last, of the noun's
    /// gender if it has one.
    fn described_person(&self, noun: &str, para: usize) -> Option<usize> {
        self.last(para, |r| {
            r.person
                && (holds(r, noun)
                    // "A senior official in the department, who asked not
                    // to be named," is "the official" later.
                    || unnamed_by(r, noun))
        })
        // "A source close to the pair told …", pages later "the source
        // said": the unnamed source of that noun, however far back.
        .or_else(|| self.last_anywhere(|r| unnamed_by(r, noun)))
        // "Terry Pickersgill, 54, a landlord, …", paragraphs later "the
        // defiant landlord told the Courier": the one whose role it is.
        .or_else(|| self.last_anywhere(|r| r.person && holds(r, noun)))
        .or_else(|| {
            let gender = lexicon::gender_word(noun);
            let office = lexicon::is_office(noun);
            // One person, not a group ("Neighbours claim …").
            (lexicon::is_expert_noun(noun) || lexicon::is_person_noun(noun) && !office)
                .then(|| self.last(para, |r| r.person && !r.plural && r.may_be(gender)))
                .flatten()
        })
    }

    /// "the bank", "the Korean side", "the ministry": the institution named
    /// nearby or, for "the bank", however far back; with nothing to refer
    /// to, a speaker of its own ("the city's transport department").
    fn institution_referred(&mut self, noun: &str, phrase: &str, para: usize) -> usize {
        let found = self
            .last(para, |r| {
                r.institution && (noun == "side" || key(&r.name).contains(noun))
            })
            .or_else(|| {
                (noun != "side")
                    .then(|| {
                        (0..self.recs.len()).rev().find(|&s| {
                            self.recs[s].institution
                                && key(&self.recs[s].name).split(' ').any(|t| t == noun)
                        })
                    })
                    .flatten()
            })
            // "the school's athletic communications office": an owner of
            // its own makes it no institution named before.
            .or_else(|| {
                (!phrase.contains(['\'', '’'])).then(|| self.last(para, |r| r.institution))?
            });
        found.unwrap_or_else(|| {
            // "a spokeswoman said" with no institution nearby: one unnamed
            // person, not an institution called "spokeswoman".
            if phrase.is_empty() && lexicon::is_spokesperson_noun(noun) {
                return self.unnamed(&format!("a {noun}"));
            }
            let name = if phrase.is_empty() { noun } else { phrase };
            self.org(name, Org::Government, &None)
        })
    }

    /// "her husband": the person introduced as that relative, else one named
    /// before of the noun's gender and of the family name of the one the
    /// possessive refers to (the person of its gender named last nearby),
    /// however far back; with neither, nobody is guessed.
    fn relative_of(&self, noun: &str, possessive: &str, para: usize) -> Option<usize> {
        let owner = match lexicon::pronoun(possessive) {
            Some(g @ (Pronoun::He | Pronoun::She)) => {
                self.last(para, |r| r.person && r.may_be(Some(g)))
            }
            _ => None,
        };
        let gender = lexicon::gender_word(noun);
        // The one introduced so: "her daughter, Ruth Tolland," is "her
        // daughter" later.
        let by_role = self.last_anywhere(|r| {
            r.person
                && r.role
                    .as_deref()
                    .is_some_and(|role| role.to_lowercase().split_whitespace().any(|w| w == noun))
        });
        if by_role.is_some() {
            return by_role;
        }
        let fits = |s: usize| {
            let r = &self.recs[s];
            Some(s) != owner && r.person && r.may_be(gender)
        };
        // A relative most often has the family name of the one they belong
        // to: "his mother" of Daniel Halloran is a Halloran.
        let family = |s: usize| {
            key(&self.recs[s].name)
                .rsplit(' ')
                .next()
                .map(str::to_string)
        };
        let owner_family = owner.and_then(family);
        let recent = || self.recent.iter().rev().map(|r| r.0);
        recent().find(|&s| fits(s) && owner_family.is_some() && family(s) == owner_family)
    }

    /// A person, found by name among those registered (see
    /// [`Self::find_person`]) or added with what the phrase says of them;
    /// `None` for a lone untitled surname nobody had, met in passing.
    fn person(
        &mut self,
        name: &str,
        role: &Option<String>,
        affiliation: &Option<String>,
        titled: bool,
        as_speaker: bool,
    ) -> Option<usize> {
        let k = key(name);
        let tokens: Vec<&str> = k.split(' ').filter(|t| !t.is_empty()).collect();
        let gender = gender_of(name, role.as_deref());
        let i = match self.find_person(&k, &tokens, gender, role, titled) {
            Some(i) => {
                self.respell(i, name, &k, &tokens);
                i
            }
            None => {
                // "Rovers", met before as where a player belongs: the team.
                if let (true, Some(&i)) = (tokens.len() == 1 && !titled, self.by_key.get(&k))
                    && !self.recs[i].person
                {
                    return Some(i);
                }
                // "Halvorsen said" after "Halvorsen Therapeutics": the
                // institution's name cut to its first word.
                if let [one] = tokens.as_slice()
                    && !titled
                    && let Some(i) = self.institution_first_named(one)
                {
                    return Some(i);
                }
                if tokens.len() == 1 && !titled && !as_speaker {
                    return None;
                }
                self.add(Rec::person(name, None))
            }
        };
        if self.recs[i].gender.is_none() {
            self.recs[i].gender = gender;
        }
        if let [one] = tokens.as_slice() {
            self.by_one_name.insert((i, one.to_string()));
            // "Jax" for "Jaxon Reeve": the short form finds them from now on.
            push_once(self.by_token.entry(one.to_string()).or_default(), i);
        }
        if tokens.len() > 1 || titled {
            self.describe(i, role, affiliation);
        }
        // "His wife, Mika Haugland,": the family name alone goes on meaning
        // the person she is the wife of.
        if role
            .as_deref()
            .is_some_and(|r| r.split_whitespace().any(lexicon::is_family_noun))
        {
            self.kin.insert(i);
        }
        Some(i)
    }

    /// The registered person a single name refers to: the most recent of
    /// that name (and title: "Dr. Marchetti" is the Marchetti who is a
    /// doctor), preferring the one the article has called so, and someone
    /// other than a relative met in passing.
    fn by_one_word(
        &self,
        one: &str,
        gender: Option<Pronoun>,
        role: &Option<String>,
        titled: bool,
    ) -> Option<usize> {
        let fits = |i: &usize| self.recs[*i].may_be(gender);
        let mut c: Vec<usize> = self
            .by_token
            .get(one)
            .map(|v| v.iter().copied().filter(fits).collect())
            .unwrap_or_default();
        if let Some(title) = role.as_deref().filter(|_| titled) {
            let same: Vec<usize> = c
                .iter()
                .copied()
                .filter(|&i| {
                    self.recs[i]
                        .role
                        .as_deref()
                        .is_some_and(|r| same_title(r, title))
                })
                .collect();
            if !same.is_empty() {
                c = same;
            }
        }
        // "Frank Halloran died in 2009. Halloran says …", "Mr. Holloway
        // taught himself …" before his brother Marcus Holloway spoke: the
        // one the article has called so all along, not the relative named
        // in full since.
        let before: Vec<usize> = c
            .iter()
            .copied()
            .filter(|&i| self.by_one_name.contains(&(i, one.to_string())))
            .collect();
        if !before.is_empty() {
            return self.most_recent(&before);
        }
        // "Mia's mother, Linh Tran, …", "Linh Tran told the court …",
        // "“…,” Ms Tran said": a title and a family name mean one who has
        // spoken before, rather than a relative of theirs never quoted.
        if titled {
            let spoke: Vec<usize> = c.iter().copied().filter(|&i| self.spoke(i)).collect();
            if !spoke.is_empty() {
                c = spoke;
            }
        }
        if c.iter().any(|i| !self.kin.contains(i)) {
            c.retain(|i| !self.kin.contains(i));
        }
        self.most_recent(&c)
    }

    /// The registered person a name (folded to `k`, in words `tokens`)
    /// refers to: the one of that name; for a surname, the most recent
    /// person of that surname (and title: "Dr. Marchetti" is the Marchetti
    /// who is a doctor); for a longer name, one whose name ends like it.
    /// "Mrs. Caldwell" is not the Mr. Caldwell named before.
    fn find_person(
        &self,
        k: &str,
        tokens: &[&str],
        gender: Option<Pronoun>,
        role: &Option<String>,
        titled: bool,
    ) -> Option<usize> {
        let fits = |i: &usize| self.recs[*i].may_be(gender);
        let exact = self
            .by_key
            .get(k)
            .copied()
            .filter(|&i| self.recs[i].person)
            .filter(fits);
        if exact.is_some() {
            return exact;
        }
        if let [one] = tokens {
            return self
                .by_one_word(one, gender, role, titled)
                .or_else(|| titled.then(|| self.by_short_name(one, gender)).flatten());
        }
        // "Pacheco Pardo" is "Ramon Pacheco Pardo"; "Kim Yung-ho" is not
        // "Kim Sung-nam".
        let last = tokens[tokens.len() - 1];
        let c: Vec<usize> = self
            .by_token
            .get(last)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|i| fits(i))
                    .filter(|&i| {
                        let other = key(&self.recs[i].name);
                        let o: Vec<&str> = other.split(' ').collect();
                        o.ends_with(tokens) || tokens.ends_with(&o)
                    })
                    .collect()
            })
            .unwrap_or_default();
        if c.is_empty() {
            // "Her son, Daniel," then "Daniel Halloran": the person known
            // so far by first name alone.
            let first: Vec<usize> = self
                .by_token
                .get(tokens[0])
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|i| fits(i) && key(&self.recs[*i].name) == tokens[0])
                        .collect()
                })
                .unwrap_or_default();
            return self.most_recent(&first);
        }
        self.most_recent(&c)
    }

    /// Records the spelling `name` (folded to `k`, in words `tokens`) of
    /// person `i`: a fuller one becomes the name and the old one an alias;
    /// another one of several words becomes an alias.
    fn respell(&mut self, i: usize, name: &str, k: &str, tokens: &[&str]) {
        let rec = &mut self.recs[i];
        if tokens.len() > key(&rec.name).split(' ').count() {
            let old = std::mem::replace(&mut rec.name, name.to_string());
            rec.aliases.retain(|a| a != name);
            if old.split_whitespace().count() > 1 && !rec.aliases.contains(&old) {
                rec.aliases.push(old);
            }
            for t in tokens {
                push_once(self.by_token.entry(t.to_string()).or_default(), i);
            }
            self.by_key.insert(k.to_string(), i);
            self.note_given(i);
        } else if key(&rec.name) != k
            && tokens.len() > 1
            && !rec.aliases.iter().any(|a| key(a) == k)
        {
            rec.aliases.push(name.to_string());
        }
    }

    /// Gives person `i` the role (without courtesy titles) and affiliation
    /// they were named with, where they had none, and the kind these say.
    fn describe(&mut self, i: usize, role: &Option<String>, affiliation: &Option<String>) {
        let rec = &mut self.recs[i];
        if rec.role.is_none() {
            rec.role = role.as_deref().and_then(without_courtesy);
        }
        if rec.affiliation.is_none() {
            rec.affiliation = affiliation.clone();
        }
        rec.kind = person_kind(rec.role.as_deref(), rec.affiliation.as_deref());
    }

    fn org(&mut self, name: &str, org: Org, role: &Option<String>) -> usize {
        let k = key(name);
        if let Some(&i) = self.by_key.get(&k) {
            if self.recs[i].role.is_none() {
                self.recs[i].role = role.clone();
            }
            return i;
        }
        let kind = org_kind(name, org, role);
        self.add(Rec {
            name: name.to_string(),
            aliases: Vec::new(),
            role: role.clone(),
            affiliation: None,
            kind,
            person: false,
            plural: true,
            media: kind == SpeakerKind::MediaOutlet,
            institution: kind != SpeakerKind::MediaOutlet,
            gender: None,
        })
    }

    /// The one institution of several words whose name starts with the
    /// word `one` (folded), if only one does.
    fn institution_first_named(&self, one: &str) -> Option<usize> {
        match self.institutions_by_first.get(one)?.as_slice() {
            [i] => Some(*i),
            _ => None,
        }
    }

    /// A full name in passing: the person of that name, or a new person
    /// when someone of that family name is known ("Oskar Lindqvist" after
    /// Erik Lindqvist), whom the first name alone finds later ("Oskar,
    /// 23, said …"); else nobody.
    fn kin(&mut self, name: &str) -> Option<usize> {
        let k = key(name);
        if let Some(&i) = self.by_key.get(&k) {
            return self.recs[i].person.then_some(i);
        }
        // A lone word ("vyper said") is someone's only as their nickname.
        if !k.contains(' ') {
            return None;
        }
        let family = k.split(' ').next_back()?;
        let known = self.by_token.get(family).is_some_and(|v| {
            v.iter().any(|&i| {
                self.recs[i].person
                    && key(&self.recs[i].name).split(' ').next_back() == Some(family)
            })
        });
        if !known {
            return None;
        }
        let i = self.add(Rec::person(name, gender_of(name, None)));
        self.kin.insert(i);
        Some(i)
    }

    /// One unnamed person: a speaker of their own, whom "she" or "he" may
    /// refer to but no surname finds.
    fn unnamed(&mut self, name: &str) -> usize {
        let k = key(name);
        if let Some(&i) = self.by_key.get(&k) {
            return i;
        }
        let i = self.recs.len();
        self.by_key.insert(k, i);
        self.recs.push(Rec {
            name: name.to_string(),
            aliases: Vec::new(),
            role: None,
            affiliation: None,
            kind: SpeakerKind::UnnamedGroup,
            person: true,
            plural: false,
            media: false,
            institution: false,
            gender: gender_of("", Some(name)),
        });
        i
    }

    fn group(&mut self, name: &str, media: bool) -> usize {
        let k = key(name);
        if let Some(&i) = self.by_key.get(&k) {
            return i;
        }
        let kind = if media {
            SpeakerKind::MediaOutlet
        } else {
            SpeakerKind::UnnamedGroup
        };
        self.add(Rec {
            name: name.to_string(),
            aliases: Vec::new(),
            role: None,
            affiliation: None,
            kind,
            person: false,
            plural: true,
            media,
            institution: false,
            gender: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Who {
        Who::Person {
            name: name.into(),
            role: None,
            affiliation: None,
            titled: false,
        }
    }

    #[test]
    fn surnames_and_variants_find_the_same_speaker() {
        let mut r = Registry::default();
        let a = r.resolve(&person("Ramon Pacheco Pardo"), 0, true);
        assert_eq!(r.resolve(&person("Pardo"), 3, true), a);
        assert_eq!(r.resolve(&person("Pacheco Pardo"), 3, true), a);
        let b = r.resolve(&person("Park Won-gon"), 4, true);
        assert_eq!(r.resolve(&person("Park Won Gon"), 4, true), b);
        assert_ne!(r.resolve(&person("Park Kwang On"), 4, true), b);
        // The first-named form is kept; other spellings become aliases.
        let Some(Target::Speaker(i)) = a else {
            panic!()
        };
        assert_eq!(r.recs[i].name, "Ramon Pacheco Pardo");
        assert_eq!(r.recs[i].aliases, ["Pacheco Pardo"]);
    }

    #[test]
    fn pronouns_refer_to_the_last_person_named_nearby() {
        let mut r = Registry::default();
        let smith = r.resolve(&person("John Smith"), 0, true);
        let ministry = r.resolve(
            &Who::Org {
                name: "Foreign Ministry".into(),
                org: Org::Government,
                role: None,
            },
            1,
            true,
        );
        assert_eq!(r.resolve(&Who::Pronoun(Pronoun::He), 1, true), smith);
        assert_eq!(r.resolve(&Who::Pronoun(Pronoun::Plural), 1, true), ministry);
        // Two paragraphs on, nobody is near: the man named last, however
        // far back; no woman was named.
        assert_eq!(r.resolve(&Who::Pronoun(Pronoun::She), 5, true), None);
        assert_eq!(r.resolve(&Who::Pronoun(Pronoun::He), 5, true), smith);
        assert_eq!(
            r.resolve(&Who::Pronoun(Pronoun::Author), 5, true),
            Some(Target::Author)
        );
        let side = Who::Anaphor {
            noun: "side".into(),
            kind: Anaphor::Institution,
            phrase: "side".into(),
        };
        assert_eq!(r.resolve(&side, 2, true), ministry);
    }

    #[test]
    fn titles_refer_to_the_person_with_that_role() {
        let mut r = Registry::default();
        let prof = r.resolve(
            &Who::Person {
                name: "Jane Roe".into(),
                role: Some("professor".into()),
                affiliation: None,
                titled: false,
            },
            0,
            true,
        );
        r.resolve(&person("Tom Poe"), 0, false);
        let the_professor = Who::Anaphor {
            noun: "professor".into(),
            kind: Anaphor::Person,
            phrase: "professor".into(),
        };
        assert_eq!(r.resolve(&the_professor, 1, true), prof);
    }

    #[test]
    fn keys_fold_names() {
        assert_eq!(key("The ROK’s  Foreign-Ministry"), "roks foreign ministry");
    }
}

//! Word lists of general English news style: speech verbs, titles, role
//! nouns, institutions, groups. Nothing here names a person or is tied to one
//! article; the lists are what a wire editor would recognise as attribution.
//!
//! The lists themselves are plain text under `crates/core/rules/`, one entry
//! a line, each file saying in its `#` header what it is for and how a word
//! is matched against it. They are compiled in with `include_str!` and read
//! into a hash set (or map) the first time they are used.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::SpeakerKind;

/// A word list from a rules file: one entry a line, surrounding white space
/// trimmed, blank lines and `#` comment lines skipped. In a tagged list the
/// last white-space-separated field of a line is the entry's tag and the
/// rest of the line, trimmed, is the entry; the tag is read into a `T`.
struct WordList<T = ()> {
    entries: HashMap<&'static str, T>,
}

impl WordList {
    /// A list of entries with no tag.
    fn plain(text: &'static str) -> Self {
        WordList {
            entries: entries(text).map(|line| (line, ())).collect(),
        }
    }
}

impl<T: Copy> WordList<T> {
    /// A list whose lines end in a tag, read by `read(entry, tag)`.
    ///
    /// # Panics
    /// On a line with no tag or a tag `read` does not know: the rules files
    /// are compiled in, and a unit test reads every one.
    fn tagged(text: &'static str, read: fn(&'static str, &'static str) -> Option<T>) -> Self {
        let entries = entries(text)
            .map(|line| {
                let value =
                    split_tag(line).and_then(|(entry, tag)| Some((entry, read(entry, tag)?)));
                value.unwrap_or_else(|| panic!("rules file line without a known tag: {line:?}"))
            })
            .collect();
        WordList { entries }
    }

    fn contains(&self, word: &str) -> bool {
        self.entries.contains_key(word)
    }

    fn get(&self, word: &str) -> Option<T> {
        self.entries.get(word).copied()
    }
}

/// The entry lines of a rules file, trimmed, without blank and `#` lines.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// An entry line of a tagged list split into the entry and its tag.
fn split_tag(line: &str) -> Option<(&str, &str)> {
    let (entry, tag) = line.rsplit_once(char::is_whitespace)?;
    Some((entry.trim_end(), tag))
}

/// How a speech verb attributes what follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    /// The base form, used as the quote's cue when several forms exist.
    pub lemma: &'static str,
    /// The verb reports speech only with a clause, a colon or a quotation
    /// after it ("commented that ...", not "commented on the visit").
    pub needs_clause: bool,
    /// An `-ing` form: attributes only after a main cue ("said, adding that").
    pub participle: bool,
    /// Words one of which must follow ("points out", "speaks of").
    pub particle: &'static [&'static str],
}

/// A speech verb's tag in `speech-verbs.txt`: `v`, `clause`, `ing` or
/// `with:` and the particles, comma-separated. The form is its own lemma.
fn read_verb(form: &'static str, tag: &'static str) -> Option<Verb> {
    let plain = Verb {
        lemma: form,
        needs_clause: false,
        participle: false,
        particle: &[],
    };
    Some(match tag {
        "v" => plain,
        "clause" => Verb {
            needs_clause: true,
            ..plain
        },
        "ing" => Verb {
            participle: true,
            ..plain
        },
        _ => {
            let particles: Vec<&'static str> = tag.strip_prefix("with:")?.split(',').collect();
            if particles.iter().any(|p| p.is_empty()) {
                return None;
            }
            // Read once per verb into a list that lives as long as the program.
            Verb {
                particle: Box::leak(particles.into_boxed_slice()),
                ..plain
            }
        }
    })
}

static SPEECH_VERBS: LazyLock<WordList<Verb>> =
    LazyLock::new(|| WordList::tagged(include_str!("../../rules/speech-verbs.txt"), read_verb));

/// The speech verb `word` (lower case) is a form of, if any.
pub fn verb(word: &str) -> Option<Verb> {
    SPEECH_VERBS.get(word)
}

static PAST_SPEECH_VERBS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/past-speech-verbs.txt")));

/// Past forms that, after "I" or "we", report the author's own earlier
/// statement rather than the article's present argument.
pub fn is_past_speech(word: &str) -> bool {
    PAST_SPEECH_VERBS.contains(word)
}

static STATEMENT_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/statement-nouns.txt")));

/// Nouns for a statement, in "the view of X that ..." or "X's statement that".
pub fn is_statement_noun(word: &str) -> bool {
    STATEMENT_NOUNS.contains(word)
}

static DOCUMENT_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/document-nouns.txt")));

/// Nouns for a piece of work that reports findings ("a study by X found").
pub fn is_document_noun(word: &str) -> bool {
    DOCUMENT_NOUNS.contains(word)
}

static BACKREF_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/backref-nouns.txt")));

/// Nouns in "made this assessment": the sentence points back at a quote.
pub fn is_backref_noun(word: &str) -> bool {
    BACKREF_NOUNS.contains(word)
}

static TITLES: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/titles.txt")));

/// Words that introduce a person's name as a title ("Secretary of State",
/// "Professor"). Compared case-insensitively.
pub fn is_title(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    if word.len() > 24 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 24];
    let buf = &mut buf[..word.len()];
    buf.copy_from_slice(word.as_bytes());
    buf.make_ascii_lowercase();
    let w = std::str::from_utf8(buf).unwrap_or("");
    TITLES.contains(w)
}

static ROLE_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/role-nouns.txt")));

/// Lower-case nouns for what a person is ("professor", "spokesman").
pub fn is_role_noun(word: &str) -> bool {
    is_title(word) || ROLE_NOUNS.contains(word)
}

/// Kinds of speakers, as the extractor tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Org {
    Government,
    International,
    Media,
    Other,
}

/// A speaker kind's tag in `org-words.txt` and `known-orgs.txt`.
fn read_org(_: &'static str, tag: &'static str) -> Option<Org> {
    Some(match tag {
        "government" => Org::Government,
        "international" => Org::International,
        "media" => Org::Media,
        "other" => Org::Other,
        _ => return None,
    })
}

static ORG_WORDS: LazyLock<WordList<Org>> =
    LazyLock::new(|| WordList::tagged(include_str!("../../rules/org-words.txt"), read_org));

/// Capitalised words that end the name of an institution.
pub fn org_word(word: &str) -> Option<Org> {
    ORG_WORDS.get(word.trim_end_matches(['’', '\'']))
}

static KNOWN_ORGS: LazyLock<WordList<Org>> =
    LazyLock::new(|| WordList::tagged(include_str!("../../rules/known-orgs.txt"), read_org));

/// Acronyms and names of international organisations and news media that are
/// speakers in their own right.
pub fn known_org(name: &str) -> Option<Org> {
    KNOWN_ORGS.get(name)
}

static PLACES: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/places.txt")));

/// Countries, capitals and blocs that speak as governments ("Seoul said").
pub fn is_place(name: &str) -> bool {
    PLACES.contains(name)
}

static PLACE_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/place-words.txt")));

/// Capitalised words that make a run of capitals a place or a nationality,
/// not a person ("North", "Korean").
pub fn is_place_word(word: &str) -> bool {
    PLACE_WORDS.contains(word) || is_place(word) || is_demonym(word)
}

static DEMONYMS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/demonyms.txt")));

/// Nationality adjectives and plurals ("Korean", "South Koreans").
pub fn is_demonym(word: &str) -> bool {
    DEMONYMS.contains(word) || word.strip_suffix('s').is_some_and(|w| DEMONYMS.contains(w))
}

static GROUP_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/group-nouns.txt")));

/// Plural nouns that head a group of speakers ("some experts", "critics").
pub fn is_group_noun(word: &str) -> bool {
    GROUP_NOUNS.contains(word) || is_media_group_noun(word)
}

static MEDIA_GROUP_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/media-group-nouns.txt")));

/// Plural or mass nouns for the press ("media", "newspapers").
pub fn is_media_group_noun(word: &str) -> bool {
    MEDIA_GROUP_NOUNS.contains(word)
}

/// An anaphoric noun's tag in `anaphor-nouns.txt`.
fn read_anaphor(_: &'static str, tag: &'static str) -> Option<Anaphor> {
    Some(match tag {
        "person" => Anaphor::Person,
        "media" => Anaphor::Media,
        "institution" => Anaphor::Institution,
        "message" => Anaphor::Message,
        _ => return None,
    })
}

static ANAPHOR_NOUNS: LazyLock<WordList<Anaphor>> =
    LazyLock::new(|| WordList::tagged(include_str!("../../rules/anaphor-nouns.txt"), read_anaphor));

/// Singular nouns that point back at a speaker already named: "the
/// professor", "the publication", "the ministry".
pub fn anaphor_noun(word: &str) -> Option<Anaphor> {
    ANAPHOR_NOUNS.get(word)
}

/// What an anaphoric noun phrase may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anaphor {
    Person,
    Media,
    Institution,
    /// What a speaker issued ("the statement", "the post"): it speaks for
    /// whoever spoke last nearby.
    Message,
}

static DETERMINERS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/determiners.txt")));

pub fn is_determiner(word: &str) -> bool {
    DETERMINERS.contains(word)
}

static PREPOSITIONS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/prepositions.txt")));

pub fn is_preposition(word: &str) -> bool {
    PREPOSITIONS.contains(word)
}

static FUNCTION_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/function-words.txt")));

/// Small words that are never part of a speaker's noun phrase.
pub fn is_function_word(word: &str) -> bool {
    is_preposition(word) || FUNCTION_WORDS.contains(word)
}

static MODALS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/modals.txt")));

/// Modal verbs and "to": a speech verb after them reports nothing yet.
pub fn is_modal(word: &str) -> bool {
    MODALS.contains(word)
}

static LY_NON_ADVERBS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/ly-non-adverbs.txt")));

static ADVERBS_BETWEEN: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/adverbs-between.txt")));

/// Words that may stand between a subject and its speech verb.
pub fn is_adverb_between(word: &str) -> bool {
    word.len() > 3 && word.ends_with("ly") && !LY_NON_ADVERBS.contains(word)
        || ADVERBS_BETWEEN.contains(word)
}

/// Subject pronouns and the author's self-references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he, him, his
    He,
    /// she, her, hers
    She,
    /// they, them, their
    Plural,
    /// it, its
    Neuter,
    /// I, we, this author
    Author,
}

pub fn pronoun(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" | "him" | "his" => Pronoun::He,
        "she" | "her" | "hers" => Pronoun::She,
        "they" | "them" | "their" => Pronoun::Plural,
        "it" | "its" => Pronoun::Neuter,
        "i" | "we" | "me" | "us" | "my" | "our" => Pronoun::Author,
        _ => return None,
    })
}

static LOCATIVES: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/locative-prepositions.txt")));

/// Prepositions of place: a name after one is where something happens
/// ("in Port Anselm", "outside St Aldhelm's"), not who speaks.
pub fn is_locative(word: &str) -> bool {
    LOCATIVES.contains(word)
}

static COURTESY_TITLES: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/courtesy-titles.txt")));

/// Titles that only say someone's gender (lower case, no dot: "mrs").
pub fn is_courtesy_title(word: &str) -> bool {
    COURTESY_TITLES.contains(word)
}

/// A gender tag of `gender-words.txt` and `given-names.txt`: `he` or `she`.
fn read_gender(_: &'static str, tag: &'static str) -> Option<Pronoun> {
    match tag {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        _ => None,
    }
}

static GENDER_WORDS: LazyLock<WordList<Pronoun>> =
    LazyLock::new(|| WordList::tagged(include_str!("../../rules/gender-words.txt"), read_gender));

/// The gender a title or role noun says (lower case, no dot: "mrs",
/// "spokesman", "granddaughter").
pub fn gender_word(word: &str) -> Option<Pronoun> {
    GENDER_WORDS.get(word)
}

static GIVEN_NAMES: LazyLock<WordList<Pronoun>> =
    LazyLock::new(|| WordList::tagged(include_str!("../../rules/given-names.txt"), read_gender));

/// The usual gender of a given name (lower case: "helen", "paul").
pub fn given_name_gender(name: &str) -> Option<Pronoun> {
    GIVEN_NAMES
        .get(name)
        .or_else(|| match crate::text::fold(name) {
            std::borrow::Cow::Owned(folded) => GIVEN_NAMES.get(&folded),
            std::borrow::Cow::Borrowed(_) => None,
        })
}

static ABBREVIATIONS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/abbreviations.txt")));

/// Abbreviations after which a full stop does not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(word)
}

pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number of a month name or its usual abbreviation.
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() <= 4 && m.starts_with(&w)))
        .map(|i| i as u32 + 1)
}

/// "five" → 5, "5" → 5, "V" → 5, for "Part Five".
pub fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse() {
        return Some(n);
    }
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    const ROMAN: [&str; 12] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    let w = word.to_ascii_lowercase();
    WORDS
        .iter()
        .position(|x| *x == w)
        .or_else(|| ROMAN.iter().position(|x| *x == w))
        .map(|i| i as u32 + 1)
}

static SEQUENCE_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/sequence-words.txt")));

/// Ordinals and sequence words that announce a group in the text ("The
/// second line of discussion", "A further category").
pub fn is_sequence_word(word: &str) -> bool {
    SEQUENCE_WORDS.contains(word)
}

static GROUPING_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/grouping-nouns.txt")));

/// Nouns for a group of reactions ("category", "line of discussion").
pub fn is_grouping_noun(word: &str) -> bool {
    GROUPING_NOUNS.contains(word)
}

static AUTHOR_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/author-nouns.txt")));

/// Nouns by which the author refers to themself ("this author").
pub fn is_author_noun(word: &str) -> bool {
    AUTHOR_NOUNS.contains(word)
}

static AUTHOR_DETERMINERS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/author-determiners.txt")));

/// Determiners that make an author noun the article's author ("this author").
pub fn is_author_determiner(word: &str) -> bool {
    AUTHOR_DETERMINERS.contains(word)
}

static NAME_JOINERS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/name-joiners.txt")));

/// Small words that join the capitalised words of one name ("Bank of England").
pub fn is_name_joiner(word: &str) -> bool {
    NAME_JOINERS.contains(word)
}

static GROUP_DETERMINERS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/group-determiners.txt")));

/// Determiners left out of a group's name ("the experts" is "experts").
pub fn is_group_determiner(word: &str) -> bool {
    GROUP_DETERMINERS.contains(word)
}

static SPEAKS_FOR_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/speaks-for-nouns.txt")));

/// Nouns for someone who speaks for the institution named after them ("the
/// representative of the Foreign Ministry").
pub fn is_speaks_for_noun(word: &str) -> bool {
    SPEAKS_FOR_NOUNS.contains(word)
}

static SPOKESPERSON_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/spokesperson-nouns.txt")));

/// Nouns for a spokesperson ("a council spokeswoman").
pub fn is_spokesperson_noun(word: &str) -> bool {
    SPOKESPERSON_NOUNS.contains(word)
}

static COMMON_GROUP_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/common-group-words.txt")));

/// Words that open a group's name in lower case ("Some experts" is "some
/// experts").
pub fn is_common_group_word(word: &str) -> bool {
    COMMON_GROUP_WORDS.contains(word)
}

static AUXILIARIES: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/auxiliaries.txt")));

/// Auxiliary verbs, where the role words before a name stop.
pub fn is_auxiliary(word: &str) -> bool {
    AUXILIARIES.contains(word)
}

static BE_FORMS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/be-forms.txt")));

/// Forms of "be", which make a participle after them passive.
pub fn is_be_form(word: &str) -> bool {
    BE_FORMS.contains(word)
}

static APPOSITIVE_OPENERS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/appositive-openers.txt")));

/// Words that open an appositive by themselves ("who", "formerly", "himself").
pub fn is_appositive_opener(word: &str) -> bool {
    APPOSITIVE_OPENERS.contains(word)
}

static DO_HAVE_FORMS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/do-have-forms.txt")));

/// Forms of "do" and "have" ("has said", "did argue").
pub fn is_do_have_form(word: &str) -> bool {
    DO_HAVE_FORMS.contains(word)
}

static COMPLEMENT_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/complement-words.txt")));

/// Words that open the clause a verb like "commented" needs ("that", "whether").
pub fn is_complement_word(word: &str) -> bool {
    COMPLEMENT_WORDS.contains(word)
}

static POSSESSIVE_PRONOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/possessive-pronouns.txt")));

/// Possessive pronouns that hold a view ("his view").
pub fn is_possessive_pronoun(word: &str) -> bool {
    POSSESSIVE_PRONOUNS.contains(word)
}

static VIEW_PREPOSITIONS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/view-prepositions.txt")));

/// Prepositions that make a statement noun a view ("in X's view").
pub fn is_view_preposition(word: &str) -> bool {
    VIEW_PREPOSITIONS.contains(word)
}

static PASSIVE_SPEECH_PARTICIPLES: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/passive-speech-participles.txt")));

/// Past participles that report speech in a passive ("was voiced by X").
pub fn is_passive_speech_participle(word: &str) -> bool {
    PASSIVE_SPEECH_PARTICIPLES.contains(word)
}

/// A speaker kind's tag in `role-kinds.txt` and `org-name-kinds.txt`.
fn read_kind(_: &'static str, tag: &'static str) -> Option<SpeakerKind> {
    Some(match tag {
        "international" => SpeakerKind::InternationalOrganisation,
        "journalist" => SpeakerKind::Journalist,
        "academic" => SpeakerKind::Academic,
        "think-tank" => SpeakerKind::ThinkTank,
        "activist" => SpeakerKind::Activist,
        "politician" => SpeakerKind::Politician,
        "official" => SpeakerKind::GovernmentOfficial,
        _ => return None,
    })
}

/// The words of `role-kinds.txt`, with a trailing `_` read as a blank.
static ROLE_KINDS: LazyLock<Vec<(String, SpeakerKind)>> = LazyLock::new(|| {
    WordList::tagged(include_str!("../../rules/role-kinds.txt"), read_kind)
        .entries
        .into_iter()
        .map(|(entry, kind)| (entry.replace('_', " "), kind))
        .collect()
});

/// Whether lower-case `text` (a role and affiliation) holds a word that
/// says the speaker kind `kind` ("professor" for an academic).
pub fn says_kind(text: &str, kind: SpeakerKind) -> bool {
    ROLE_KINDS
        .iter()
        .any(|(word, k)| *k == kind && text.contains(word.as_str()))
}

static ORG_NAME_KINDS: LazyLock<WordList<SpeakerKind>> =
    LazyLock::new(|| WordList::tagged(include_str!("../../rules/org-name-kinds.txt"), read_kind));

/// The speaker kind the last word of an institution's name says ("Party",
/// "University").
pub fn org_name_kind(word: &str) -> Option<SpeakerKind> {
    ORG_NAME_KINDS.get(word)
}

static EXPERT_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/expert-nouns.txt")));

/// Nouns for an expert, which refer to the last person named nearby
/// ("the analyst").
pub fn is_expert_noun(word: &str) -> bool {
    EXPERT_NOUNS.contains(word)
}

static COMPANY_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/company-nouns.txt")));

/// Nouns for a company or organisation, after which a one-word name is the
/// organisation's ("software group Orbisoft").
pub fn is_company_noun(word: &str) -> bool {
    COMPANY_NOUNS.contains(word)
}

static QUANTIFIERS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/quantifiers.txt")));

/// Words that count people without naming them ("several", "three").
pub fn is_quantifier(word: &str) -> bool {
    QUANTIFIERS.contains(word)
}

static FAMILY_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/family-nouns.txt")));

/// Nouns for a relative ("her son, Daniel"), whose first name alone takes
/// the family name of the person it belongs to.
pub fn is_family_noun(word: &str) -> bool {
    FAMILY_NOUNS.contains(word)
}

static PERSON_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/person-nouns.txt")));

/// Nouns for a person described by what they are ("the teenager", "the
/// 30-year-old striker"), which refer to the person named last nearby; an
/// age ("the 30-year-old") says so too.
pub fn is_person_noun(word: &str) -> bool {
    PERSON_NOUNS.contains(word) || word.ends_with("-year-old") || is_demonym_noun(word)
}

static ASKER_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/asker-nouns.txt")));

/// Nouns for those who ask the questions ("a reporter"), lower case.
pub fn is_asker_noun(word: &str) -> bool {
    ASKER_NOUNS.contains(word)
}

static PLURAL_VERBS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/plural-verbs.txt")));

/// Verb forms of a plural subject ("say", "have", "are"), lower case.
pub fn is_plural_verb(word: &str) -> bool {
    PLURAL_VERBS.contains(word)
}

static NAME_GIVING_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/name-giving-words.txt")));

/// Words of a clause that gives a name ("who gave his name as …"), lower
/// case.
pub fn is_name_giving_word(word: &str) -> bool {
    NAME_GIVING_WORDS.contains(word)
}

static NATIONALITY_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/nationality-nouns.txt")));

/// Nouns for a person by nationality ("frenchman", "swede"), lower case.
pub fn is_demonym_noun(word: &str) -> bool {
    NATIONALITY_NOUNS.contains(word)
}

/// A noun for a person: a role ("professor") or what they are ("teenager").
pub fn is_role_or_person_noun(word: &str) -> bool {
    is_role_noun(word) || is_person_noun(word)
}

static AGENT_NOUN_ENDINGS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/agent-noun-endings.txt")));

/// Fewest letters of a word that [`is_agent_noun`] judges by its ending.
const MIN_AGENT_NOUN_LETTERS: usize = 7;

/// A lower-case noun for what a person does, by its ending ("producer",
/// "barrister", "economist"), given names aside.
pub fn is_agent_noun(word: &str) -> bool {
    word.chars().count() >= MIN_AGENT_NOUN_LETTERS
        && word.chars().all(char::is_alphabetic)
        && given_name_gender(word).is_none()
        && AGENT_NOUN_ENDINGS.entries.keys().any(|e| word.ends_with(e))
}

/// A title that names an office one person holds ("judge", "Senate
/// President"), not an expert's trade ("analyst") nor a spokesperson, who
/// speaks for an institution.
pub fn is_office(noun: &str) -> bool {
    is_title(noun) && !is_expert_noun(noun) && !is_spokesperson_noun(noun)
}

static CLAUSE_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/clause-words.txt")));

/// Words that open a clause: a subject is looked for after them.
pub fn is_clause_word(word: &str) -> bool {
    CLAUSE_WORDS.contains(word)
}

static CONNECTORS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/connectors.txt")));

/// Sentence connectors and adverbs that open a noun phrase's segment.
pub fn is_connector(word: &str) -> bool {
    CONNECTORS.contains(word)
}

static NAME_PARTICLES: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/name-particles.txt")));

/// Lower-case particles inside a person's name ("von der", "bin").
pub fn is_name_particle(word: &str) -> bool {
    NAME_PARTICLES.contains(word)
}

static ONE_WORD_ASIDES: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/one-word-asides.txt")));

/// Words that make an aside by themselves ("X, however, said").
pub fn is_one_word_aside(word: &str) -> bool {
    ONE_WORD_ASIDES.contains(word)
}

static ASIDE_PREPOSITIONS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/aside-prepositions.txt")));

/// Prepositions that open a short aside ("for his part", "in turn").
pub fn is_aside_preposition(word: &str) -> bool {
    ASIDE_PREPOSITIONS.contains(word)
}

static ASIDE_NOUNS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/aside-nouns.txt")));

/// Nouns of a short aside ("for his part", "in turn").
pub fn is_aside_noun(word: &str) -> bool {
    ASIDE_NOUNS.contains(word)
}

static AFFILIATION_PREPOSITIONS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/affiliation-prepositions.txt")));

/// Prepositions that introduce an affiliation after a role ("professor at").
pub fn is_affiliation_preposition(word: &str) -> bool {
    AFFILIATION_PREPOSITIONS.contains(word)
}

static BACKREF_DETERMINERS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/backref-determiners.txt")));

/// Determiners that point back at a quote ("made this assessment").
pub fn is_backref_determiner(word: &str) -> bool {
    BACKREF_DETERMINERS.contains(word)
}

static SKIPPED_HTML_ELEMENTS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/skipped-html-elements.txt")));

/// HTML elements whose text is no part of the article (`script`, `nav`).
pub fn is_skipped_html_element(word: &str) -> bool {
    SKIPPED_HTML_ELEMENTS.contains(word)
}

static AUTHOR_SELF_REFERENCES: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/author-self-references.txt")));

/// Words by which the author speaks in their own voice ("I", "we", "our"),
/// as written.
pub fn is_author_self_reference(word: &str) -> bool {
    AUTHOR_SELF_REFERENCES.contains(word)
}

static DANGLING_CLAUSE_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::plain(include_str!("../../rules/dangling-clause-words.txt")));

/// Words a reporting clause may end on that say nothing by themselves
/// ("said that", "saying").
pub fn is_dangling_clause_word(word: &str) -> bool {
    DANGLING_CLAUSE_WORDS.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_are_looked_up_without_their_accents() {
        assert_eq!(given_name_gender("zoe"), Some(Pronoun::She));
        assert_eq!(given_name_gender("zoë"), Some(Pronoun::She));
        assert_eq!(given_name_gender("josé"), Some(Pronoun::He));
    }

    #[test]
    fn months_and_numbers() {
        assert_eq!(month("September"), Some(9));
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(month("Mar"), Some(3));
        assert_eq!(month("May"), Some(5));
        assert_eq!(month("Ma"), None);
        assert_eq!(number("Five"), Some(5));
        assert_eq!(number("IV"), Some(4));
        assert_eq!(number("12"), Some(12));
    }

    #[test]
    fn verbs_and_kinds() {
        assert_eq!(verb("said").map(|v| v.lemma), Some("said"));
        assert!(verb("commented").is_some_and(|v| v.needs_clause));
        assert_eq!(verb("points").map(|v| v.particle), Some(&["out"][..]));
        assert!(is_demonym("Koreans") && is_demonym("Russian") && !is_demonym("Chairman"));
        assert_eq!(org_word("Ministry"), Some(Org::Government));
        assert_eq!(known_org("EU"), Some(Org::International));
    }

    /// Rules files matched case-sensitively, whose entries keep their capitals.
    const CASED: &[&str] = &[
        "abbreviations",
        "author-self-references",
        "demonyms",
        "known-orgs",
        "org-words",
        "place-words",
        "org-name-kinds",
        "places",
    ];

    /// Rules files whose lines end in a tag.
    const TAGGED: &[&str] = &[
        "anaphor-nouns",
        "known-orgs",
        "org-name-kinds",
        "org-words",
        "role-kinds",
        "speech-verbs",
    ];

    #[test]
    fn rules_files_are_clean() {
        // Every list parses; a tagged line with an unknown tag panics here.
        LazyLock::force(&SPEECH_VERBS);
        LazyLock::force(&ORG_WORDS);
        LazyLock::force(&KNOWN_ORGS);
        LazyLock::force(&ANAPHOR_NOUNS);
        LazyLock::force(&ROLE_KINDS);
        LazyLock::force(&ORG_NAME_KINDS);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let source = include_str!("lexicon.rs");
        let mut names = Vec::new();
        for file in std::fs::read_dir(&dir).expect("rules folder") {
            let path = file.expect("rules folder entry").path();
            let name = path.file_stem().and_then(|n| n.to_str()).expect("name");
            assert_eq!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt"),
                "{name}"
            );
            let include = format!("include_str!(\"../../rules/{name}.txt\")");
            assert!(source.contains(&include), "{name}.txt is not compiled in");
            let text = std::fs::read_to_string(&path).expect("rules file");
            assert!(text.starts_with('#'), "{name}.txt opens without a # header");
            let mut seen = std::collections::HashSet::new();
            for line in text.lines() {
                if line.trim().is_empty() || line.trim_start().starts_with('#') {
                    continue;
                }
                assert_eq!(line, line.trim(), "{name}.txt: surrounding space");
                let entry = if TAGGED.contains(&name) {
                    split_tag(line).expect("a tag").0
                } else {
                    line
                };
                assert!(!entry.is_empty(), "{name}.txt: {line:?}");
                assert!(
                    !entry.contains('\t') && !entry.contains("  "),
                    "{name}.txt: {entry:?} has a tab or a double space"
                );
                assert!(seen.insert(entry), "{name}.txt: {entry:?} twice");
                if !CASED.contains(&name) {
                    assert_eq!(entry, entry.to_lowercase(), "{name}.txt: capitals");
                }
                if name == "titles" {
                    assert!(
                        entry.is_ascii() && entry.len() <= 24 && !entry.ends_with('.'),
                        "titles.txt: {entry:?} can never match"
                    );
                }
            }
            assert!(!seen.is_empty(), "{name}.txt is empty");
            names.push(name.to_string());
        }
        for name in CASED.iter().chain(TAGGED) {
            assert!(names.iter().any(|n| n == name), "{name}.txt is missing");
        }
    }
}

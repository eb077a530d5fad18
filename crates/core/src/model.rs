//! The dataset schema: what a curated or imported dataset file holds.
//!
//! These types mirror `docs/DATA.md` one to one. They are plain data: validation
//! and cross-references live in [`crate::load`] and [`crate::index`].

use serde::{Deserialize, Serialize};

/// The only schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One article with everything said in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Must equal [`SCHEMA_VERSION`].
    pub schema_version: u32,
    pub article: Article,
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub speakers: Vec<Speaker>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
}

/// The article's metadata and where its text is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub author: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_role: Option<String>,
    pub outlet: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Path of the body text, relative to the dataset file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_file: Option<String>,
    /// The body inline (what `export` writes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Metadata fields that were guessed rather than read (by `import`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guessed: Vec<String>,
}

/// A group of reactions, as the article divides them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub order: i64,
}

/// What sort of voice a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    GovernmentOfficial,
    GovernmentBody,
    Politician,
    Academic,
    ThinkTank,
    Journalist,
    MediaOutlet,
    InternationalOrganisation,
    Activist,
    UnnamedGroup,
    /// The source does not say what sort of voice this is (Quotebank's
    /// speakers are names, with no role).
    Unclassified,
}

impl SpeakerKind {
    /// Every kind, in display order.
    pub const ALL: [SpeakerKind; 11] = [
        SpeakerKind::GovernmentOfficial,
        SpeakerKind::GovernmentBody,
        SpeakerKind::Politician,
        SpeakerKind::Academic,
        SpeakerKind::ThinkTank,
        SpeakerKind::Journalist,
        SpeakerKind::MediaOutlet,
        SpeakerKind::InternationalOrganisation,
        SpeakerKind::Activist,
        SpeakerKind::UnnamedGroup,
        SpeakerKind::Unclassified,
    ];

    /// A short human label ("official", "academic", ...).
    pub fn label(self) -> &'static str {
        match self {
            SpeakerKind::GovernmentOfficial => "official",
            SpeakerKind::GovernmentBody => "government",
            SpeakerKind::Politician => "politician",
            SpeakerKind::Academic => "academic",
            SpeakerKind::ThinkTank => "think tank",
            SpeakerKind::Journalist => "journalist",
            SpeakerKind::MediaOutlet => "media",
            SpeakerKind::InternationalOrganisation => "intl. org.",
            SpeakerKind::Activist => "activist",
            SpeakerKind::UnnamedGroup => "unnamed",
            SpeakerKind::Unclassified => "unclassified",
        }
    }
}

/// Anyone the article quotes: a person, an institution, a newspaper, a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    pub id: String,
    /// As the article spells it.
    pub name: String,
    /// Other spellings a reader may search for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// Usual spellings of the affiliation where the article's differs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliation_aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub kind: SpeakerKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Speaker {
    /// Role and affiliation, as "role, affiliation"; the affiliation is left
    /// out when the role already names it ("Coordinator for the US National
    /// Security Council"). Empty when neither is known.
    pub fn about(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        for part in [&self.role, &self.affiliation].into_iter().flatten() {
            if !part.is_empty() && !parts.iter().any(|p| p.contains(part.as_str())) {
                parts.push(part);
            }
        }
        parts.join(", ")
    }
}

/// Whether a quote is the speaker's own words or the article's report of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// The words inside quotation marks.
    Direct,
    /// Reported speech: the article's sentence about what was said.
    Paraphrase,
}

impl QuoteKind {
    pub fn label(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Paraphrase => "paraphrase",
        }
    }
}

/// One statement, with its exact place in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub id: String,
    /// A speaker id of the same article.
    pub speaker: String,
    /// A category id of the same article.
    pub category: String,
    pub kind: QuoteKind,
    pub text: String,
    /// Character offsets `[start, end)` into the body.
    pub span: [usize; 2],
    /// `YYYY-MM-DD`, where the article dates the statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The words that attributed the quote ("said", "according to"), for
    /// extracted quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// How sure the attribution is, 0 to 1, for extracted quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// Where the statement was published, when not in the article itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `id` if no record in `used` has it yet, else the first free `id-2`,
/// `id-3`, …; the id returned is added to `used`.
pub(crate) fn claim_id(used: &mut std::collections::HashSet<String>, id: String) -> String {
    let mut unique = id.clone();
    let mut n = 2;
    while used.contains(&unique) {
        unique = format!("{id}-{n}");
        n += 1;
    }
    used.insert(unique.clone());
    unique
}

#[cfg(test)]
mod claim_id_tests {
    use super::claim_id;

    #[test]
    fn taken_ids_get_the_first_free_number() {
        let mut used = std::collections::HashSet::new();
        assert_eq!(claim_id(&mut used, "kim".into()), "kim");
        assert_eq!(claim_id(&mut used, "kim".into()), "kim-2");
        used.insert("lee-2".to_string());
        assert_eq!(claim_id(&mut used, "lee".into()), "lee");
        assert_eq!(claim_id(&mut used, "lee".into()), "lee-3");
        assert_eq!(claim_id(&mut used, "kim".into()), "kim-3");
    }
}

/// A quote, pointing at its article, speaker and category by index.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct QuoteEntry {
    pub article: crate::ids::ArticleId,
    pub speaker: crate::ids::SpeakerId,
    pub category: crate::ids::CategoryId,
    /// The local id, unique within its article.
    pub id: String,
    pub kind: QuoteKind,
    pub text: String,
    /// Character offsets `[start, end)` into the article body.
    pub span: (usize, usize),
    pub date: Option<String>,
    pub note: Option<String>,
    pub cue: Option<String>,
    pub confidence: Option<f32>,
    pub url: Option<String>,
}

//! Speaker kinds: what sort of voice a speaker is, from the words of a
//! person's role and affiliation or the name of an institution.

use super::lexicon::{self, Anaphor, Org};
use crate::model::SpeakerKind;

/// The kinds a person's role may say, in the order they are tried (after
/// an international organisation).
const ROLE_KIND_ORDER: [SpeakerKind; 6] = [
    SpeakerKind::Journalist,
    SpeakerKind::Academic,
    SpeakerKind::ThinkTank,
    SpeakerKind::Activist,
    SpeakerKind::Politician,
    SpeakerKind::GovernmentOfficial,
];

/// A person's kind from the words of their role and affiliation.
pub fn person_kind(role: Option<&str>, affiliation: Option<&str>) -> SpeakerKind {
    let text = format!("{} {}", role.unwrap_or(""), affiliation.unwrap_or("")).to_lowercase();
    if affiliation.is_some_and(|a| {
        a.split([';', ','])
            .any(|p| lexicon::known_org(p.trim()) == Some(Org::International))
    }) || lexicon::says_kind(&text, SpeakerKind::InternationalOrganisation)
    {
        return SpeakerKind::InternationalOrganisation;
    }
    ROLE_KIND_ORDER
        .into_iter()
        .find(|&kind| lexicon::says_kind(&text, kind))
        // With nothing to go on, nothing is claimed.
        .unwrap_or(SpeakerKind::Unclassified)
}

/// An institution's kind: a medium when its kind or role says so, else by
/// its kind or the last word of its name ("… Party", "… Institute").
pub fn org_kind(name: &str, org: Org, role: &Option<String>) -> SpeakerKind {
    let role_says_media = role.as_deref().is_some_and(|r| {
        r.split_whitespace()
            .any(|w| lexicon::anaphor_noun(w) == Some(Anaphor::Media))
    });
    if role_says_media || org == Org::Media {
        return SpeakerKind::MediaOutlet;
    }
    match org {
        Org::Government => SpeakerKind::GovernmentBody,
        Org::International => SpeakerKind::InternationalOrganisation,
        _ => {
            let last = name.split_whitespace().last().unwrap_or("");
            lexicon::org_name_kind(last).unwrap_or(SpeakerKind::GovernmentBody)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_roles() {
        assert_eq!(person_kind(Some("professor"), None), SpeakerKind::Academic);
        assert_eq!(
            person_kind(Some("Director General"), Some("IAEA")),
            SpeakerKind::InternationalOrganisation
        );
        assert_eq!(
            person_kind(Some("State Department Spokesman"), None),
            SpeakerKind::GovernmentOfficial
        );
        assert_eq!(
            person_kind(Some("Forbes journalist"), None),
            SpeakerKind::Journalist
        );
    }

    #[test]
    fn kinds_of_institutions() {
        assert_eq!(
            org_kind("Liberal Party", Org::Other, &None),
            SpeakerKind::Politician
        );
        assert_eq!(
            org_kind("Atlantic Council", Org::Other, &None),
            SpeakerKind::ThinkTank
        );
        assert_eq!(
            org_kind("Daily Post", Org::Media, &None),
            SpeakerKind::MediaOutlet
        );
        assert_eq!(
            org_kind("Port Authority", Org::Other, &None),
            SpeakerKind::GovernmentBody
        );
    }
}

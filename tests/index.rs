//! The bundled dataset through the library: completeness, look-ups, context
//! and search ranking.

use reactions::ids::{ArticleId, QuoteId, SpeakerId};
use reactions::index::Index;
use reactions::load::load_embedded;
use reactions::model::{QuoteKind, SpeakerKind};
use reactions::search::{Field, HitKind, Options, search};

fn index() -> Index {
    load_embedded().expect("bundled dataset loads")
}

fn speaker(index: &Index, id: &str) -> SpeakerId {
    index
        .find_speaker(id)
        .unwrap_or_else(|e| panic!("{id}: {e}"))
}

#[test]
fn every_voice_of_the_article_is_there() {
    let index = index();
    for name in [
        "John Kirby",
        "Antony Blinken",
        "Matthew Miller",
        "Kim Yung-ho",
        "Yoon Seok-yeol",
        "ROK Foreign Ministry",
        "EU",
        "Oleksandra Matviychuk",
        "Patrick Cronin",
        "Thomas Shinkin",
        "Terence Roehrig",
        "Andrei Lankov",
        "Chung Jae-won",
        "Rafael Grossi",
        "Mark Milley",
        "Cho Han-bum",
        "Sung Hoon Jeh",
        "Victor Cha",
        "Ramon Pacheco Pardo",
        "John Merrill",
        "Artyom Lukin",
        "Kim Sung-nam",
        "Mao Ning",
        "Park Won Gon",
        "Melik Kailan",
        "Park Kwang On",
        "Kwon Chil Seung",
        "Wi Sung Lak",
        "Hanger Shinmun",
        "Troy Stagnarone",
    ] {
        let s = speaker(&index, name);
        assert!(
            !index.quotes_by_speaker(s).is_empty(),
            "{name} has no quote"
        );
    }
    assert!(index.speakers().len() >= 35);
    assert!(index.quote_total() >= 60);
    // Every speaker is quoted, every category has quotes.
    for s in index.speaker_ids() {
        assert!(!index.quotes_by_speaker(s).is_empty());
    }
    for c in index.category_ids() {
        assert!(!index.quotes_by_category(c).is_empty());
    }
    // Media and unnamed voices are speakers too.
    let kinds: Vec<SpeakerKind> = index.speakers().iter().map(|s| s.data.kind).collect();
    assert!(kinds.contains(&SpeakerKind::MediaOutlet));
    assert!(kinds.contains(&SpeakerKind::UnnamedGroup));
    assert!(kinds.contains(&SpeakerKind::InternationalOrganisation));
}

#[test]
fn people_who_speak_in_several_places() {
    let index = index();
    let cats = |id: &str| -> Vec<String> {
        let s = speaker(&index, id);
        let mut c: Vec<String> = index
            .quotes_by_speaker(s)
            .iter()
            .map(|&q| index.category(index.quote(q).category).data.id.clone())
            .collect();
        c.dedup();
        c
    };
    assert_eq!(cats("kirby"), ["official", "arms-deal"]);
    assert_eq!(cats("cronin"), ["arms-deal", "china"]);
    assert_eq!(cats("chung-jae-won"), ["arms-deal", "pyongyang"]);
    assert_eq!(cats("roehrig"), ["arms-deal", "conclusions"]);
    assert_eq!(
        cats("shinkin"),
        ["arms-deal", "china", "domestic", "conclusions"]
    );
    assert!(cats("merrill").contains(&"alliance".to_string()));
    assert!(cats("merrill").contains(&"domestic".to_string()));
}

#[test]
fn dates_where_the_article_gives_them() {
    let index = index();
    let date = |id: &str| index.quote(index.find_quote(id).unwrap()).date.clone();
    assert_eq!(date("kirby-1").as_deref(), Some("2023-09-13"));
    assert_eq!(date("blinken-1").as_deref(), Some("2023-09-13"));
    assert_eq!(date("grossi-1").as_deref(), Some("2023-09-15"));
    assert_eq!(date("yoon-1").as_deref(), Some("2023-09-20"));
    assert_eq!(date("kirby-2"), None);
}

#[test]
fn lookups_by_category_and_article() {
    let index = index();
    let china = index.find_category("china").unwrap();
    assert_eq!(
        index.find_category("asmolov-2023-10-11/china").unwrap(),
        china
    );
    let speakers: Vec<&str> = index
        .speakers_by_category(china)
        .iter()
        .map(|&s| index.speaker(s).data.name.as_str())
        .collect();
    assert_eq!(speakers.first(), Some(&"South Koreans"));
    assert!(speakers.contains(&"Mao Ning"));
    let total: usize = index
        .category_ids()
        .map(|c| index.quotes_by_category(c).len())
        .sum();
    assert_eq!(total, index.quote_total());
    assert_eq!(
        index.quotes_by_article(ArticleId::new(0)).len(),
        index.quote_total()
    );
    // Quotes are in article order.
    let spans: Vec<usize> = index.quote_ids().map(|q| index.quote(q).span.0).collect();
    assert!(spans.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn find_speaker_by_name_alias_and_part() {
    let index = index();
    let shinkin = speaker(&index, "shinkin");
    assert_eq!(speaker(&index, "Thomas Cynkin"), shinkin);
    assert_eq!(speaker(&index, "thomas shinkin"), shinkin);
    assert_eq!(speaker(&index, "asmolov-2023-10-11/shinkin"), shinkin);
    assert_eq!(speaker(&index, "Lankov"), speaker(&index, "lankov"));
    // "Kim" is several people.
    assert!(index.find_speaker("Kim").is_err());
}

#[test]
fn context_is_the_paragraph_with_the_quote_in_it() {
    let index = index();
    let q = index.find_quote("lankov-2").unwrap();
    let ctx = index.context(q);
    assert!(
        ctx.text
            .starts_with("Against this background, the position of Andrei Lankov")
    );
    assert!(ctx.text.ends_with("South Korean military.”"));
    assert_eq!(&ctx.text[ctx.quote.clone()], index.quote(q).text);
    for q in index.quote_ids() {
        let ctx = index.context(q);
        assert_eq!(
            &ctx.text[ctx.quote.clone()],
            index.quote(q).text,
            "{}",
            index.quote_id(q)
        );
        assert!(!ctx.text.contains("\n\n"));
    }
}

#[test]
fn names_put_their_speaker_first() {
    let index = index();
    for (query, id) in [
        ("lankov", "lankov"),
        ("Lankov", "lankov"),
        ("cynkin", "shinkin"),
        ("shinkin", "shinkin"),
        ("stangarone", "stagnarone"),
        ("grossi", "grossi"),
        ("yoon", "yoon"),
        ("kaylan", "kailan"),
        ("hankyoreh", "hankyoreh"),
        ("merrill", "merrill"),
        ("pacheco", "pacheco-pardo"),
        ("Ramón", "pacheco-pardo"),
    ] {
        let hits = search(&index, query, Options::default());
        let top = &hits[0];
        assert_eq!(top.kind(), HitKind::Speaker, "{query}");
        assert_eq!(index.speaker(top.speaker().unwrap()).data.id, id, "{query}");
        // Quotes come after every speaker hit that names the person.
        let first_quote = hits.iter().position(|h| h.kind() == HitKind::Quote);
        if let Some(fq) = first_quote {
            assert!(fq >= 1, "{query}");
        }
    }
    // Kookmin University is the article's "Kunming University".
    let hits = search(&index, "Kookmin", Options::default());
    let top: Vec<&str> = hits[..2]
        .iter()
        .map(|h| index.speaker(h.speaker().unwrap()).data.id.as_str())
        .collect();
    assert_eq!(top, ["lankov", "chung-jae-won"]);
    assert!(hits[0].positions(Field::AffiliationAlias(0)).is_some());
}

#[test]
fn phrases_find_their_quote() {
    let index = index();
    for (phrase, id) in [
        ("colder now than it’s ever been", "merrill-2"),
        ("colder now than it's ever been", "merrill-2"),
        ("new big brother", "kailan-3"),
        ("A strategic and flexible response", "korea-times-authors-3"),
        ("windows of opportunity", "shinkin-2"),
    ] {
        let hits = search(
            &index,
            phrase,
            Options {
                kind: None,
                limit: Some(3),
            },
        );
        assert_eq!(hits[0].kind(), HitKind::Quote, "{phrase}");
        assert_eq!(index.quote(hits[0].quote().unwrap()).id, id, "{phrase}");
        assert!(hits[0].positions(Field::Text).is_some());
    }
}

#[test]
fn smart_case_and_positions() {
    let index = index();
    // Lower case matches either case; an upper-case letter must match exactly.
    assert!(!search(&index, "eu", Options::default()).is_empty());
    let upper = search(&index, "LANKOV", Options::default());
    assert!(upper.is_empty(), "{upper:?}");
    let hits = search(
        &index,
        "lankov",
        Options {
            kind: Some(HitKind::Speaker),
            limit: Some(1),
        },
    );
    assert_eq!(
        hits[0].positions(Field::Name),
        Some(&[7, 8, 9, 10, 11, 12][..])
    );
    // Every hit of a quote search is a quote.
    let quotes = search(
        &index,
        "ammunition",
        Options {
            kind: Some(HitKind::Quote),
            limit: None,
        },
    );
    assert!(quotes.iter().all(|h| h.kind() == HitKind::Quote));
    assert!(quotes.len() >= 3);
    // An empty query lists everything: speakers, categories, quotes, each
    // in corpus order.
    let all = search(&index, "   ", Options::default());
    assert_eq!(
        all.len(),
        index.speakers().len() + index.categories().len() + index.quote_total()
    );
    let quotes: Vec<QuoteId> = all
        .iter()
        .filter(|h| h.kind() == HitKind::Quote)
        .filter_map(|h| h.quote())
        .collect();
    assert_eq!(quotes, index.quote_ids().collect::<Vec<_>>());
}

/// Every one-edit misspelling (a letter dropped, doubled, replaced, or two
/// swapped) of five letters or more, of every speaker's surname, finds that
/// speaker first, or among speakers who share the misspelt word.
#[test]
fn a_misspelt_surname_finds_its_speaker_first() {
    let index = index();
    let mut checked = 0;
    for s in index.speaker_ids() {
        let name = &index.speaker(s).data.name;
        let Some(surname) = name.split_whitespace().last() else {
            continue;
        };
        // People's names only (not "some experts", "South Koreans").
        use reactions::model::SpeakerKind::*;
        let kind = index.speaker(s).data.kind;
        if matches!(
            kind,
            GovernmentBody | ThinkTank | MediaOutlet | InternationalOrganisation | UnnamedGroup
        ) || !surname.starts_with(|c: char| c.is_uppercase())
        {
            continue;
        }
        let surname: Vec<char> = surname.to_lowercase().chars().collect();
        if surname.len() < 5 || !surname.iter().all(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let mut variants: Vec<String> = Vec::new();
        for i in 0..surname.len() {
            let mut v = surname.clone();
            v.remove(i);
            variants.push(v.iter().collect());
            let mut v = surname.clone();
            v.insert(i, surname[i]);
            variants.push(v.iter().collect());
            let mut v = surname.clone();
            v[i] = if surname[i] == 'x' { 'q' } else { 'x' };
            variants.push(v.iter().collect());
            if i + 1 < surname.len() {
                let mut v = surname.clone();
                v.swap(i, i + 1);
                variants.push(v.iter().collect());
            }
        }
        // A typo is allowed from five letters typed.
        for v in variants.into_iter().filter(|v| v.len() >= 5) {
            let hits = search(
                &index,
                &v,
                Options {
                    kind: Some(HitKind::Speaker),
                    limit: None,
                },
            );
            let first = hits
                .first()
                .unwrap_or_else(|| panic!("{v} finds nobody ({name})"));
            let top_score = first.score;
            // Speakers tied at the top are equally good answers; the speaker
            // is among them.
            assert!(
                hits.iter()
                    .take_while(|h| h.score == top_score)
                    .any(|h| h.speaker() == Some(s)),
                "{v}: {} first, not {name}",
                index.speaker(first.speaker().unwrap()).data.name
            );
            checked += 1;
        }
    }
    assert!(checked > 200, "{checked}");
}

/// Words, not letters: every quote found for `china` has a word that
/// starts like it, and no scattered-letter match.
#[test]
fn china_finds_quotes_about_china() {
    let index = index();
    let hits = search(
        &index,
        "china",
        Options {
            kind: Some(HitKind::Quote),
            limit: None,
        },
    );
    assert!(hits.len() >= 5 && hits.len() < 30, "{}", hits.len());
    for h in &hits {
        let text = &index.quote(h.quote().unwrap()).text.to_lowercase();
        assert!(text.contains("chin"), "{text}");
        assert!(h.positions(Field::Text).is_some());
    }
}

#[test]
fn direct_quotes_are_the_words_in_quotation_marks() {
    let index = index();
    for i in index.quote_ids() {
        let q = index.quote(i);
        if q.kind == QuoteKind::Direct {
            let body = &index.article(q.article).body;
            let chars: Vec<char> = body.chars().collect();
            let before = chars[..q.span.0].iter().rev().find(|c| !c.is_whitespace());
            assert_eq!(before, Some(&'“'), "{}", index.quote_id(i));
        }
    }
}

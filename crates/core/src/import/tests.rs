//! Tests of the import rules, one group per rule, through [`super::import`]:
//! what a reader of the imported dataset would see.

use super::import;
use crate::model::{Dataset, QuoteKind, SpeakerKind};
use crate::read::{LoadedDataset, validate};

/// Imports `text` and checks that the dataset is valid.
fn run(text: &str) -> Dataset {
    let mut d = import(text, "test-article.txt").expect("imports");
    let body = d.article.body.take().expect("body inline");
    let loaded = LoadedDataset {
        file: "test".into(),
        dataset: d.clone(),
        body,
    };
    assert_eq!(validate(&loaded), vec![], "imported dataset is valid");
    d
}

/// (speaker name, kind, text) of every quote.
fn quotes(d: &Dataset) -> Vec<(String, QuoteKind, String)> {
    d.quotes
        .iter()
        .map(|q| {
            let s = d.speakers.iter().find(|s| s.id == q.speaker).unwrap();
            (s.name.clone(), q.kind, q.text.clone())
        })
        .collect()
}

fn said_by(d: &Dataset, text_part: &str) -> String {
    let qs = quotes(d);
    let q = qs
        .iter()
        .find(|q| q.2.contains(text_part))
        .unwrap_or_else(|| panic!("no quote with {text_part:?} in {qs:#?}"));
    q.0.clone()
}

const D: QuoteKind = QuoteKind::Direct;
const P: QuoteKind = QuoteKind::Paraphrase;

#[test]
fn said_after_the_quote_and_before_it() {
    let d = run(
        "“We will not give in,” said Anna Berg, a union leader. Tom Hale said: “The offer stands.”",
    );
    assert_eq!(
        quotes(&d),
        [
            ("Anna Berg".into(), D, "We will not give in".into()),
            ("Tom Hale".into(), D, "The offer stands.".into())
        ]
    );
    assert_eq!(d.quotes[0].cue.as_deref(), Some("said"));
    assert!(d.quotes[0].confidence.is_some_and(|c| c > 0.8));
}

#[test]
fn every_speech_verb_cue() {
    for verb in [
        "said",
        "says",
        "noted",
        "stressed",
        "emphasized",
        "warned",
        "argued",
        "believes",
        "thinks",
        "explained",
        "acknowledged",
        "announced",
        "wrote",
        "points out",
        "told reporters",
    ] {
        let text = format!("Maria Lopez {verb} that the deal was a serious mistake for everyone.");
        let d = run(&text);
        assert_eq!(said_by(&d, "Maria Lopez"), "Maria Lopez", "{verb}");
        assert_eq!(d.quotes[0].kind, P, "{verb}");
        assert_eq!(
            d.quotes[0].cue.as_deref(),
            Some(verb.split(' ').next().unwrap())
                .filter(|_| verb != "points out")
                .or(Some("points out")),
            "{verb}"
        );
    }
    let d = run("Ben Okoro accused the government of lying to voters about the budget.");
    assert_eq!(said_by(&d, "accused"), "Ben Okoro");
}

#[test]
fn according_to_to_x_and_views() {
    let d = run("According to Victor Cha, Kim got more than he wanted from the summit.");
    assert_eq!(said_by(&d, "Kim got"), "Victor Cha");
    assert_eq!(d.quotes[0].cue.as_deref(), Some("according to"));
    let d = run(
        "To Patrick Cronin, chair of the Asia-Pacific division at the Hudson Institute, “it’s clear that Russia is willing to help.”",
    );
    assert_eq!(
        quotes(&d),
        [(
            "Patrick Cronin".into(),
            D,
            "it’s clear that Russia is willing to help.".into()
        )]
    );
    let d = run("In Jane Roe’s view, the ban goes too far and will hurt small shops.");
    assert_eq!(said_by(&d, "ban"), "Jane Roe");
    let d =
        run("Jane Roe spoke last. In her opinion, the ban goes too far and will hurt small shops.");
    assert_eq!(said_by(&d, "In her opinion"), "Jane Roe");
}

#[test]
fn reported_speech_without_quotation_marks() {
    let d = run(
        "Chung Jae-won, a professor at Kookmin University, also thinks that Moscow will not share the technology. The arguments against this include the treaty.",
    );
    let q = quotes(&d);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].0, "Chung Jae-won");
    assert_eq!(q[0].1, P);
    // The sentence that goes on with his argument is part of the paraphrase.
    assert!(q[0].2.ends_with("include the treaty."));
}

#[test]
fn a_quote_without_a_cue_continues_the_speaker() {
    let d = run(
        "Mark Ellison said the talks had failed. “Nobody wanted this. We tried.”\n\n“We will try again next week,” he added.\n\n“And the week after.”",
    );
    let q = quotes(&d);
    assert!(q.iter().all(|q| q.0 == "Mark Ellison"), "{q:#?}");
    assert_eq!(q.len(), 4);
}

#[test]
fn pronouns_surnames_and_titles() {
    let text = "Ruth Calder, the majority leader, said the deal was dead. Senator Mark Ellison disputed that account.\n\n\
                “Nobody sabotaged anything,” he said. Calder disagreed. “It was sabotaged,” she said.\n\n\
                Professor Aisha Rahman, an economist at the University of Leeds, warned that costs would rise. The professor also believes that the buses are too few.";
    let d = run(text);
    assert_eq!(said_by(&d, "Nobody sabotaged"), "Mark Ellison");
    assert_eq!(said_by(&d, "It was sabotaged"), "Ruth Calder");
    assert_eq!(said_by(&d, "buses are too few"), "Aisha Rahman");
    // The first paragraph's pronoun does not reach three paragraphs on.
    let d = run(
        "Ruth Calder said no to the plan.\n\nA.\n\nB.\n\nHe said that it would be fine in the end.",
    );
    assert_eq!(d.quotes.len(), 1);
}

#[test]
fn institutions_groups_media_and_the_author() {
    let d = run(
        "The ROK Foreign Ministry announced its intention to cooperate with others. The EU has also stated its readiness to take measures. Some experts even believe that the plan will fail. The leading leftist newspaper, the Daily Herald, accused the government of lying. The publication notes that the minister did not answer.",
    );
    let kinds: Vec<(String, String)> = d
        .speakers
        .iter()
        .map(|s| (s.name.clone(), format!("{:?}", s.kind)))
        .collect();
    assert_eq!(
        kinds,
        [
            ("ROK Foreign Ministry".into(), "GovernmentBody".into()),
            ("EU".into(), "InternationalOrganisation".into()),
            ("some experts".into(), "UnnamedGroup".into()),
            ("Daily Herald".into(), "MediaOutlet".into()),
        ]
    );
    assert_eq!(said_by(&d, "did not answer"), "Daily Herald");
    // The author's own opinion is commentary; their reported past words are
    // a quote of theirs.
    let d = run(
        "12.02.2025 Author: Dan Osei\n\nA Title\n\nIn this author’s view, the plan is sound. I think so too. As I wrote in this newspaper two years ago, a ban without buses is a ban on the poor.",
    );
    assert_eq!(
        quotes(&d),
        [(
            "Dan Osei".into(),
            P,
            "As I wrote in this newspaper two years ago, a ban without buses is a ban on the poor."
                .into()
        )]
    );
}

#[test]
fn appositives_and_titles_give_roles() {
    let d = run(
        "Terence Roehrig, a professor at the US Naval War College, said the alliance would last. Secretary of State Antony Blinken emphasized that the sales were illegal. “We agree,” said its director general, Mark Evans.",
    );
    let role = |name: &str| {
        let s = d.speakers.iter().find(|s| s.name == name).unwrap();
        (s.role.clone(), s.affiliation.clone(), s.kind)
    };
    assert_eq!(
        role("Terence Roehrig"),
        (
            Some("professor".into()),
            Some("US Naval War College".into()),
            crate::model::SpeakerKind::Academic
        )
    );
    assert_eq!(
        role("Antony Blinken").0.as_deref(),
        Some("Secretary of State")
    );
    assert_eq!(role("Mark Evans").0.as_deref(), Some("director general"));
}

#[test]
fn variants_of_a_name_merge_into_one_speaker() {
    let d = run(
        "Ramon Pacheco Pardo said the summit was a failure for everyone.\n\nPacheco Pardo added that it was expected. Professor Pardo believes it was due to the court.",
    );
    assert_eq!(d.speakers.len(), 1);
    assert_eq!(d.speakers[0].aliases, ["Pacheco Pardo"]);
    assert_eq!(d.quotes.len(), 3);
}

#[test]
fn nested_single_quotes_stay_in_the_quote() {
    let d = run("“They told us ‘next week’ three times,” said Priya Nair.");
    assert_eq!(
        quotes(&d),
        [(
            "Priya Nair".into(),
            D,
            "They told us ‘next week’ three times".into()
        )]
    );
}

#[test]
fn short_quoted_words_make_the_sentence_a_paraphrase() {
    let d = run(
        "John Kirby said that Russian support would cause “serious concern” in the United States.",
    );
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].kind, P);
    assert!(d.quotes[0].text.starts_with("John Kirby said"));
}

#[test]
fn a_reporting_clause_with_content_and_a_quote_after_a_colon() {
    let d = run(
        "John Merrill, a historian, believes that the Cold War has returned to the peninsula: “And it’s colder now than it’s ever been.”",
    );
    let q = quotes(&d);
    assert_eq!(q.len(), 2);
    assert_eq!(
        (q[0].1, q[0].2.as_str()),
        (
            P,
            "John Merrill, a historian, believes that the Cold War has returned to the peninsula"
        )
    );
    assert_eq!(
        (q[1].1, q[1].2.as_str()),
        (D, "And it’s colder now than it’s ever been.")
    );
}

#[test]
fn unbalanced_quotation_marks_do_not_run_away() {
    let d = run(
        "Title\n\nAnna Berg said: “We will never accept this offer, not now and not later\n\nThe talks resume on Monday.\n\nA stray ” mark here. Tom Hale said “fine.",
    );
    let q = quotes(&d);
    assert_eq!(
        q[0].2,
        "We will never accept this offer, not now and not later"
    );
    // The missing closing mark lowers the confidence.
    assert!(d.quotes[0].confidence.unwrap() < 0.85);
    assert!(!q.iter().any(|q| q.2.contains("resume")));
}

#[test]
fn an_article_without_quotes() {
    let d = run(
        "A quiet day\n\nNothing happened in the city today. The weather was mild and the markets were closed.",
    );
    assert!(d.quotes.is_empty() && d.speakers.is_empty() && d.categories.is_empty());
    assert_eq!(d.article.title, "A quiet day");
    assert_eq!(
        import("  \n\n ", "x.txt").unwrap_err().to_string(),
        "the article is empty"
    );
}

#[test]
fn metadata_missing_from_the_text_is_guessed_from_the_file_name() {
    let d = import("Smith said it was over.", "kim-visit-2023-10-11.txt").unwrap();
    assert_eq!(d.article.date, "2023-10-11");
    assert_eq!(d.article.title, "Kim visit 2023 10 11");
    assert_eq!(d.article.guessed, ["title", "author", "outlet", "date"]);
    assert_eq!(d.article.id, "kim-visit-2023-10-11");
}

#[test]
fn categories_follow_the_announced_grouping() {
    let d = run(
        "Intro.\n\nThe first category concerns the official reaction. Jane Roe said that it was bad.\n\nThe second line of discussion concerned the economy. Tom Poe said that it was good.\n\nBen Okoro said that he was unsure.",
    );
    let titles: Vec<&str> = d.categories.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Official reaction", "Economy"]);
    assert_eq!(d.quotes[2].category, d.categories[1].id);
}

#[test]
fn a_five_megabyte_article_imports_in_one_pass() {
    let para = "Jane Roe, a professor at the University of Leeds, said the plan was “a serious mistake that nobody needed.” \
                According to Tom Poe, the costs will rise by ten percent next year. The Ministry of Finance announced its intention to review it. \
                “We will not stop,” he said. Some experts even believe that the plan will fail, while others disagree with them.\n\n";
    let mut text = String::from("A very long article\n\n");
    while text.len() < 5 * 1024 * 1024 {
        text.push_str(para);
    }
    // One huge paragraph with an unclosed quote at the end, too.
    text.push_str(&para.replace("\n\n", " ").repeat(200));
    text.push_str("Ann Lee said: “never closed");
    let start = std::time::Instant::now();
    let d = import(&text, "long.txt").unwrap();
    let took = start.elapsed();
    assert!(d.quotes.len() > 50_000, "{}", d.quotes.len());
    assert!(took.as_secs() < 30, "took {took:?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Whatever the text, importing never panics and gives a valid dataset.
    #[test]
    fn any_text_imports_into_a_valid_dataset(text in "[A-Za-z “”\"‘’'.,:;()\\n—-]{0,300}") {
        if let Ok(mut d) = import(&text, "p.txt") {
            let body = d.article.body.take().unwrap();
            let loaded = LoadedDataset { file: "p".into(), dataset: d, body };
            proptest::prop_assert_eq!(validate(&loaded), vec![]);
        }
    }
}

/// Words that exercise the cue rules, for building hostile sentences.
const VOCABULARY: &[&str] = &[
    "said",
    "says",
    "told",
    "according",
    "to",
    "To",
    "the",
    "The",
    "a",
    "board",
    "ministry",
    "spokesperson",
    "for",
    "of",
    "at",
    "who",
    "which",
    "that",
    "he",
    "she",
    "they",
    "I",
    "we",
    "John",
    "Smith",
    "Ann",
    "Lee",
    "Ministry",
    "Federation",
    "Professor",
    "Dr",
    "Secretary",
    "State",
    "Some",
    "experts",
    "believe",
    "points",
    "out",
    "In",
    "his",
    "view",
    "point",
    "made",
    "this",
    "assessment",
    "by",
    "was",
    "voiced",
    "seems",
    "doubtful",
    "its",
    "director",
    "general",
    "one",
    "and",
    "ones",
    "(",
    ")",
    ",",
    ".",
    ":",
    ";",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "’s",
    "?",
    "\n\n",
    "study",
    "found",
    "first",
    "category",
    "Part",
    "Five",
    "saying",
    "adding",
    "US",
    "Mr",
    "—",
    "[",
    "]",
    "EU",
    "media",
    "side",
    "Korean",
    "senior",
    "European",
    "official",
    "asked",
    "not",
    "named",
    "Reuters",
    "Amnesty",
    "International",
    "chief",
    "executive",
    "company’s",
    "Critics",
    "say",
    "statement",
    "an",
    "former",
    "ambassador",
    "Wi",
    "Sung",
    "Lak",
    "Party",
    "Democratic",
    "leader",
    "Park",
    "opinion",
    "position",
    "thinks",
    "also",
    "even",
    "both",
    "groups",
    "analysts",
    "it",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

    /// Sentences made of cue words, names and punctuation in any order
    /// never panic and always give a valid dataset.
    #[test]
    fn cue_word_salad_imports_into_a_valid_dataset(
        picks in proptest::collection::vec(0..VOCABULARY.len(), 0..60)
    ) {
        let text: Vec<&str> = picks.iter().map(|&i| VOCABULARY[i]).collect();
        let text = text.join(" ");
        if let Ok(mut d) = import(&text, "salad.txt") {
            let body = d.article.body.take().unwrap();
            let loaded = LoadedDataset { file: "p".into(), dataset: d, body };
            proptest::prop_assert_eq!(validate(&loaded), vec![]);
        }
    }
}

#[test]
fn wire_patterns_with_unnamed_and_institutional_speakers() {
    let d = run(
        "Title here\n\n“We are ready for any scenario,” the ministry said in a statement.\n\n“This is a historic day,” said a senior European official, who asked not to be named.\n\nCritics say the law goes too far. “It is censorship, plain and simple,” said Amnesty International.",
    );
    assert_eq!(
        quotes(&d),
        [
            ("ministry".into(), D, "We are ready for any scenario".into()),
            (
                "a senior European official".into(),
                D,
                "This is a historic day".into()
            ),
            (
                "Critics".into(),
                P,
                "Critics say the law goes too far.".into()
            ),
            (
                "Amnesty International".into(),
                D,
                "It is censorship, plain and simple".into()
            ),
        ]
    );
    let kinds: Vec<String> = d.speakers.iter().map(|s| format!("{:?}", s.kind)).collect();
    assert_eq!(
        kinds,
        ["GovernmentBody", "UnnamedGroup", "UnnamedGroup", "Activist"]
    );
}

#[test]
fn a_surname_alone_refreshes_whom_pronouns_refer_to() {
    let d = run("“We are full,” says Grace Adeyemi, a charge nurse.\n\n\
         The ward is quiet at last.\n\n\
         Tom Hale, the porter, says nothing.\n\n\
         Back on the ward, Adeyemi finally sits down.\n\n\
         Would she do it again? “I would,” she says. “Without a doubt, I would.”");
    assert_eq!(said_by(&d, "Without a doubt"), "Grace Adeyemi");
}

#[test]
fn spokespeople_speak_for_their_institution() {
    let d = run(
        "The city council approved the cuts. A council spokeswoman said the move had been cancelled.\n\n\
         The Ministry of Transport said funding had risen. “Decisions are a matter for councils,” a spokesman said.",
    );
    assert_eq!(said_by(&d, "move had been cancelled"), "council");
    assert_eq!(said_by(&d, "Decisions are"), "Ministry of Transport");
}

#[test]
fn a_short_quotation_with_a_long_cue_after_it_is_direct() {
    let d = run("“No way!” said Amir Hussain, 51, shaking his head as he left the shop.");
    assert_eq!(quotes(&d), [("Amir Hussain".into(), D, "No way!".into())]);
}

#[test]
fn a_title_after_said_stays_with_the_name() {
    let d = run("“We will vote it down,” said Rep. Luis Ortega, a Democrat from Ohio.");
    assert_eq!(said_by(&d, "vote it down"), "Luis Ortega");
}

#[test]
fn pronouns_and_courtesy_titles_follow_gender() {
    let d = run(
        "Ana Ruiz, a nurse, spoke after Tom Reyes, a farmer.\n\n“We are tired of waiting for the council,” she said.",
    );
    assert_eq!(said_by(&d, "tired of waiting"), "Ana Ruiz");
    let d = run(
        "Senator Helen Ward has pushed the bill all winter. Her husband, Dr. Paul Ward, runs a hospital.\n\n“I knew how this would look to everyone,” Ms. Ward said.\n\n“We agreed not to discuss her bills at home,” Dr. Ward said.",
    );
    assert_eq!(said_by(&d, "how this would look"), "Helen Ward");
    assert_eq!(said_by(&d, "discuss her bills"), "Paul Ward");
    assert!(
        d.speakers.iter().all(|s| s.role.as_deref() != Some("Ms.")),
        "a courtesy title is no role: {:?}",
        d.speakers
    );
}

#[test]
fn unnamed_people_speak_for_themselves_whatever_their_noun() {
    let d = run(
        "One shopkeeper in Castlecoote said business had been slow all year.\n\n“Nobody comes here in the winter any more,” she said.",
    );
    assert_eq!(
        said_by(&d, "business had been slow"),
        "one shopkeeper in Castlecoote"
    );
    assert_eq!(said_by(&d, "Nobody comes"), "one shopkeeper in Castlecoote");
}

#[test]
fn a_ledes_description_is_no_speaker_of_its_own() {
    let d = run(
        "Title here\n\nA landlord accused of neglect told a jury on Wednesday that he had not known about the mould.\n\nDouglas Fenwick, 59, was questioned for two hours.",
    );
    assert!(
        d.speakers.iter().all(|s| s.name != "a landlord"),
        "{:?}",
        d.speakers
    );
}

#[test]
fn interview_answers_are_the_interviewees_words() {
    let d = run(
        "Title here\n\nAna Ruiz, 64, has run the ferry for thirty years.\n\nQ: Why did you start?\n\nA: My father had the boat before me.\n\nThe rest came later.\n\nQ: What next?\n\nA: Sleep.\n\nShe retires on Friday.",
    );
    assert_eq!(
        quotes(&d),
        [
            (
                "Ana Ruiz".into(),
                D,
                "My father had the boat before me.".into()
            ),
            ("Ana Ruiz".into(), D, "The rest came later.".into()),
            ("Ana Ruiz".into(), D, "Sleep.".into()),
        ]
    );
}

#[test]
fn nicknames_places_colons_and_tabloid_verbs() {
    let d = run(
        "Marguerite “Peg” Lindahl has carried the mail for years. She talked at her table in Port Anselm, a fishing town.\n\n“I would do it all again tomorrow,” Lindahl said.",
    );
    assert_eq!(said_by(&d, "all again"), "Marguerite Lindahl");
    assert!(
        d.speakers.iter().all(|s| s.name != "Port Anselm"),
        "{:?}",
        d.speakers
    );
    let d = run(
        "Mayor Celeste Rowan attacked her critics in a string of posts: “No final decision has been made about the mural.”",
    );
    assert_eq!(said_by(&d, "No final decision"), "Celeste Rowan");
    let d = run("“Who tickets a hearse on the day of a funeral?” fumed Keith Bramley.");
    assert_eq!(said_by(&d, "tickets a hearse"), "Keith Bramley");
}

#[test]
fn hometowns_workplaces_and_where_clauses_between_name_and_verb() {
    let d = run(
        "Gaz Whitlow, 44, of the Wexcombe Arms, where the wake was held, said his \
         regulars had talked about nothing else.\n\n\
         “Ron would have had a field day with this,” he said.\n\n\
         Dhapu Devi, 52, of Sindhari village, said that she had spent her life fetching water.",
    );
    assert_eq!(said_by(&d, "regulars"), "Gaz Whitlow");
    assert_eq!(said_by(&d, "field day"), "Gaz Whitlow");
    assert_eq!(said_by(&d, "fetching water"), "Dhapu Devi");
    let whitlow = d.speakers.iter().find(|s| s.name == "Gaz Whitlow").unwrap();
    assert!(!whitlow.role.as_deref().unwrap_or("").contains("wake"));
}

#[test]
fn a_pronoun_refers_to_someone_named_before_it_not_after() {
    let d = run(
        "His granddaughter Shannon Tilley, 27, blasted council bosses as \
         \"heartless jobsworths\".\n\n\
         \"Grandad would have laughed, to be honest,\" she told the Daily Blaze.",
    );
    assert_eq!(said_by(&d, "Grandad"), "Shannon Tilley");
    assert!(d.speakers.iter().all(|s| s.name != "Blaze"));
}

#[test]
fn a_description_refers_to_the_person_named_last() {
    let d = run("Josh Abernethy scored twice on Saturday.\n\n\
         Abernethy levelled from close range in the 58th minute.\n\n\
         \"I've been waiting all season for one like that,\" the 30-year-old striker told \
         BBC Radio Wessex.\n\n\
         Saltmouth winger Ollie Dacre was named man of the match.\n\n\
         \"Tank makes it easy for me,\" the teenager said.");
    assert_eq!(said_by(&d, "waiting all season"), "Josh Abernethy");
    assert_eq!(said_by(&d, "Tank makes"), "Ollie Dacre");
}

#[test]
fn where_a_person_belongs_is_no_person() {
    let d = run(
        "Rovers captain Liam Prowse was sent off before half-time.\n\n\
         Kingsbridge manager Paul Ferraro questioned the decision when Rovers believed \
         the goal was offside.\n\n\
         \"I've seen it back twice,\" he said.",
    );
    assert_eq!(said_by(&d, "seen it back"), "Paul Ferraro");
    assert!(
        d.speakers
            .iter()
            .all(|s| s.name != "Rovers" || s.kind != crate::model::SpeakerKind::Academic),
        "{:?}",
        d.speakers
    );
}

#[test]
fn a_statement_speaks_for_whoever_issued_it() {
    let d = run(
        "Halvard Foods said in a statement that it would close a distribution center \
         in Tulsa.\n\n\
         The statement read: \"We are grateful to our Tulsa team.\"",
    );
    assert_eq!(said_by(&d, "grateful"), "Halvard Foods");
    assert_eq!(d.quotes.last().unwrap().kind, D);
    // Nobody issued one: the statement is not put in a person's mouth.
    let d = run("Mike Garner, a union steward, said drivers were tired.\n\n\
         The statement read: \"The board is committed to reliable service.\"");
    assert!(d.quotes.iter().all(|q| !q.text.contains("committed")));
}

#[test]
fn a_paragraph_ending_with_a_colon_announces_the_next_paragraphs_quotation() {
    let d = run(
        "Allerby council's chief executive, Martin Oakes, has just read a short \
         statement to reporters. Here it is in full:\n\n\
         \"This has been one of the most difficult days in the history of this town. \
         Nobody should return yet.\"",
    );
    assert_eq!(said_by(&d, "most difficult days"), "Martin Oakes");
}

#[test]
fn a_sentence_of_the_persons_own_goes_on_with_their_words() {
    let d = run("Theo Marchand, 41, has played villains for a decade.\n\n\
         He shrugs. \"They accepted me as a cult leader. They can accept me in overalls.\"");
    assert_eq!(said_by(&d, "cult leader"), "Theo Marchand");
}

#[test]
fn a_pronoun_in_a_sentence_without_a_cue_keeps_the_person_in_mind() {
    let d = run("Viktor Halas, 91, spoke by telephone from Budapest.\n\n\
         Asked who had the better record between them, he laughed.\n\n\
         “Why would I tell you that?” he said. “She already told you, I’m sure.”");
    assert_eq!(said_by(&d, "Why would I"), "Viktor Halas");
    assert_eq!(said_by(&d, "already told"), "Viktor Halas");
}

#[test]
fn a_name_after_a_role_and_a_comma_is_introduced() {
    let d = run(
        "Douglas Fenwick, 59, was questioned by the prosecutor, Grace Okoye.\n\n\
         \"Did you ever visit the flat?\" Okoye asked. \
         \"Twice, perhaps,\" Fenwick replied.\n\n\
         \"Fine? There was mould on the ceiling,\" she said.",
    );
    assert_eq!(said_by(&d, "visit the flat"), "Grace Okoye");
    assert_eq!(said_by(&d, "mould"), "Grace Okoye");
}

#[test]
fn a_description_then_a_name_and_an_employer_after_a_role() {
    let d = run(
        "The woman who called police early Sunday, Gloria Caldwell, 71, has lived on \
         the block for 40 years.\n\n\
         \"I thought, not again!\" Caldwell said.\n\n\
         Her husband, Leonard Caldwell, slept through it.\n\n\
         Bradley Sutter, a lawyer for Cascade Thrills, rose to his feet. \
         \"Objection, Your Honor,\" he said.",
    );
    assert_eq!(said_by(&d, "not again"), "Gloria Caldwell");
    assert_eq!(said_by(&d, "Objection"), "Bradley Sutter");
    assert!(d.speakers.iter().all(|s| s.name != "Cascade Thrills"));
}

#[test]
fn indian_english_cues() {
    let d = run(
        "Officials informed that the pipeline would reach 120 villages by March.\n\n\
         Opposition leader Sunil Jakhar termed the announcement \"premature\".",
    );
    assert_eq!(said_by(&d, "pipeline"), "Officials");
    assert_eq!(said_by(&d, "announcement"), "Sunil Jakhar");
    assert!(d.quotes.iter().all(|q| q.kind == P));
}

#[test]
fn parliamentary_and_indian_titles_and_no_kind_claimed_without_a_role() {
    let d = run(
        "Local MLA Hanuman Prasad Choudhary said the demand had been pending for years. \
         Shri Ram Lal said the water was welcome. Jane Roe said she had waited.",
    );
    let s = |name: &str| d.speakers.iter().find(|s| s.name == name).unwrap().clone();
    assert_eq!(
        s("Hanuman Prasad Choudhary").kind,
        crate::model::SpeakerKind::Politician
    );
    assert_eq!(s("Ram Lal").role, None);
    assert_eq!(s("Jane Roe").kind, crate::model::SpeakerKind::Unclassified);
}

#[test]
fn progress_is_reported_in_order_up_to_the_whole_body() {
    let para =
        "“We will not give in,” said Anna Berg, a union leader. Tom Hale said the offer stood.\n\n";
    let text = para.repeat(6000);
    let mut seen = Vec::new();
    let d = super::import_with_progress(&text, "big.txt", &mut |done, total| {
        seen.push((done, total))
    })
    .expect("imports");
    assert!(seen.len() >= 2, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));
    let &(done, total) = seen.last().unwrap();
    assert_eq!(done, total);
    assert_eq!(d.quotes.len(), 12000);
}

#[test]
fn a_relative_by_first_name_then_by_full_name_is_one_person() {
    let d = run("Debbie Pratt, 64, a school cleaner, said she cried.\n\n\
         Her son Gary, 38, laughed. \"Mum's always been like this,\" he said.\n\n\
         \"She'd give you her last biscuit,\" Gary Pratt said.");
    assert_eq!(said_by(&d, "always been like this"), "Gary Pratt");
    assert_eq!(said_by(&d, "last biscuit"), "Gary Pratt");
    let gary = d.speakers.iter().find(|s| s.name == "Gary Pratt").unwrap();
    assert_eq!(gary.role.as_deref(), Some("son"));
}

#[test]
fn asides_between_dashes_and_roles_at_a_named_institution() {
    let d = run(
        "Alicia Reyes — no relation to the board member — said her son falls asleep in class.\n\n\
         “He’s not lazy. He’s 15,” she told the board.\n\n\
         ‘This is the deal our sector has been talking about,’ Fiona Whitford, Halden’s chief \
         executive, told analysts on a call.",
    );
    assert_eq!(said_by(&d, "falls asleep"), "Alicia Reyes");
    assert_eq!(said_by(&d, "not lazy"), "Alicia Reyes");
    assert_eq!(said_by(&d, "our sector"), "Fiona Whitford");
}

#[test]
fn relatives_introduced_together_and_referred_to_by_their_relation() {
    let d = run(
        "Anna and Lukas Brenner, from Hamburg, were eating lunch.\n\n\
         \"We did not know,\" says Anna Brenner.\n\n\
         \"We are German,\" her husband says, laughing.\n\n\
         “People forget,” said Ruth Tolland, her daughter, a retired schoolteacher.\n\n\
         Her daughter said Ms. Tolland kept a folder of the letters.",
    );
    assert_eq!(said_by(&d, "did not know"), "Anna Brenner");
    assert_eq!(said_by(&d, "German"), "Lukas Brenner");
    assert_eq!(said_by(&d, "folder"), "Ruth Tolland");
}

#[test]
fn a_cue_with_nothing_reported_is_no_paraphrase() {
    let d = run("Asked about the queue, Mara Ellis paused. He shrugs. Smt. Menon said.");
    assert!(
        d.quotes
            .iter()
            .all(|q| q.text.split_whitespace().count() >= 4),
        "{:?}",
        quotes(&d)
    );
}

#[test]
fn places_party_seats_descriptions_and_counts_are_no_speakers() {
    let d = run(
        "Walter Fisk, the town clerk in Danby Falls, Vermont, says his town paid for the clock.\n\n\
         Senate Majority Leader Paul Rasmussen, R-Oconomowoc, said the bill would wait.\n\n\
         Gov. Teresa Alvarado, a Democrat, said she would sign it.\n\n\
         Several said they had installed cameras.\n\n\
         Three questions will decide whether the plan pays off.",
    );
    assert_eq!(said_by(&d, "his town paid"), "Walter Fisk");
    assert_eq!(said_by(&d, "would wait"), "Paul Rasmussen");
    assert_eq!(said_by(&d, "would sign"), "Teresa Alvarado");
    assert_eq!(said_by(&d, "cameras"), "several");
    let names: Vec<&str> = d.speakers.iter().map(|s| s.name.as_str()).collect();
    for junk in ["Vermont", "R-Oconomowoc", "Democrat", "Three"] {
        assert!(!names.contains(&junk), "{names:?}");
    }
}

#[test]
fn an_unnamed_source_is_referred_to_by_its_noun() {
    let d = run("Nurses were angry.\n\n\
         A senior official in the department said the valve had been flagged two years ago. \
         Mayor John Smith said the city would pay.\n\n\
         \"It was on the list,\" the official said.");
    assert_eq!(
        said_by(&d, "on the list"),
        "a senior official in the department"
    );
}

#[test]
fn a_company_noun_names_an_organisation_and_a_dateline_opens_no_description() {
    let d = run(
        "LUXEMBOURG — The court upheld a fine imposed on U.S. software group Orbisoft.\n\n\
         Orbisoft said it was disappointed and would consider an appeal to the Court of Justice \
         of the European Union.\n\n\
         \"Today's judgment does not reflect how the app economy works,\" the company said.\n\n\
         GALLE — Left-arm spinner Dinuka Wickramasinghe took 7 for 58 on the fifth day.\n\n\
         \"I didn't try anything special,\" he said.\n\n\
         Pakatan Harapan's state chairman, Datuk Richard Tan Boon Huat, blamed the rain.\n\n\
         \"We will take the feedback seriously,\" he said.",
    );
    assert_eq!(said_by(&d, "app economy"), "Orbisoft");
    assert_eq!(said_by(&d, "anything special"), "Dinuka Wickramasinghe");
    assert_eq!(said_by(&d, "feedback"), "Richard Tan Boon Huat");
}

#[test]
fn surnames_ending_like_nationalities_are_people() {
    // "Halloran", "Quinlan" end in "-an" as "Korean" does: no nationality.
    let d = run(
        "At eighty-one, Marguerite Halloran still climbs the ladder.\n\n\
         Halloran reaches the last rung and pats the frame.\n\n\
         “Hello, old man,” she says.\n\n\
         Korean officials declined to comment.",
    );
    assert_eq!(said_by(&d, "old man"), "Marguerite Halloran");
    assert!(
        d.speakers
            .iter()
            .all(|s| s.kind != SpeakerKind::GovernmentBody)
    );
}

#[test]
fn a_surname_goes_on_meaning_whom_it_meant_when_a_relative_is_named_in_full() {
    let d = run(
        "Marguerite Halloran learned the trade from her husband, Frank.\n\n\
         Halloran started carrying his tools up the ladders.\n\n\
         Frank Halloran died in 2009. Halloran says she thought about retiring that winter.\n\n\
         “Pigeons,” she says. “They are still my biggest competition.”",
    );
    assert_eq!(said_by(&d, "retiring"), "Marguerite Halloran");
    assert_eq!(said_by(&d, "competition"), "Marguerite Halloran");
}

#[test]
fn a_quotation_after_its_cue_goes_on_with_the_same_speaker() {
    let d = run("Singer Magnus Tait stopped the band.\n\n\
         “We have been doing this for thirty years,” he shouted over the encore, \
         “and that is the best drummer we have ever had.”");
    assert_eq!(
        quotes(&d),
        [
            (
                "Magnus Tait".into(),
                D,
                "We have been doing this for thirty years".into()
            ),
            (
                "Magnus Tait".into(),
                D,
                "and that is the best drummer we have ever had.".into()
            ),
        ]
    );
    assert_eq!(d.speakers[0].role.as_deref(), Some("singer"));
}

#[test]
fn a_name_after_a_possessed_noun_and_a_name_an_unnamed_source_gives() {
    let d = run("Their frontwoman, Ciara Boyle, introduced a new tune.\n\n\
         “It’s called ‘Sick Bags’,” she told the crowd.\n\n\
         Another passenger, who gave his name only as Andy, said he had missed a party.\n\n\
         “I watched it all on my phone,” he said.");
    assert_eq!(said_by(&d, "Sick Bags"), "Ciara Boyle");
    assert_eq!(said_by(&d, "on my phone"), "Andy");
    let andy = d.speakers.iter().find(|s| s.name == "Andy").unwrap();
    assert_eq!(andy.role.as_deref(), Some("passenger"));
}

#[test]
fn the_subject_of_a_cue_after_and_is_the_first_verbs() {
    let d = run(
        "Speaking to supporters, Nurul Aina thanked voters and said the result was a message.\n\n\
         An independent candidate, retired teacher V. Ganesan, lost his deposit.\n\n\
         “I spent my pension,” Ganesan said.",
    );
    assert_eq!(said_by(&d, "the result was"), "Nurul Aina");
    assert_eq!(said_by(&d, "my pension"), "V. Ganesan");
    assert!(d.speakers.iter().all(|s| !s.name.contains("voters")));
}

#[test]
fn nationalities_before_a_name_and_after_the() {
    let d = run(
        "Arrieta crossed the line ahead of Frenchman Lucas Morvan, with Danish rider \
         Mikkel Thorsen third.\n\n\
         Morvan said he had no regrets.\n\n\
         “I gave everything,” the Frenchman said.",
    );
    assert_eq!(said_by(&d, "gave everything"), "Lucas Morvan");
    assert!(d.speakers.iter().all(|s| s.name != "Frenchman"));
}

#[test]
fn a_pronoun_prefers_the_subject_a_sentence_opens_with_to_a_name_in_passing() {
    let d = run("Pieter Vandersteen was dropped on the lower slopes.\n\n\
         The 29-year-old rolled across the line behind Julián Arrieta and sat on the tarmac.\n\n\
         “Empty. Completely empty,” he said.");
    assert_eq!(said_by(&d, "Completely empty"), "Pieter Vandersteen");
}

#[test]
fn a_nationality_before_an_institution_is_part_of_its_name() {
    let d = run("The American Civil Liberties Union said the ruling would chill speech.");
    assert_eq!(d.speakers[0].name, "American Civil Liberties Union");
}

#[test]
fn a_list_of_names_inside_a_description_names_nobody() {
    let d = run(
        "Dr. Simone Achord, a sociologist who has studied hurricanes Katrina, Ida and \
         Francine, said denials fell hardest on poorer homeowners.\n\n\
         \"The system rewards people who have a filing cabinet,\" she said.",
    );
    assert_eq!(said_by(&d, "filing cabinet"), "Simone Achord");
    assert!(d.speakers.iter().all(|s| !s.name.contains("Francine")));
}

#[test]
fn brothers_after_a_dateline_and_a_participle() {
    let d = run(
        "HAMILTON — Erik Lindqvist had waited 12 years to score on his little brother.\n\n\
         His shot slipped past a screen set by Oskar Lindqvist in the second overtime.\n\n\
         \"I didn't even see it go in,\" Lindqvist said.\n\n\
         Asked whether he would call his brother, he grinned. \"Maybe in a week.\"\n\n\
         Oskar, 23, a defenceman with Quebec, said he had not realized it was his brother.\n\n\
         \"Our mom is going to be very happy and very sad,\" he said.",
    );
    assert_eq!(said_by(&d, "see it go in"), "Erik Lindqvist");
    assert_eq!(said_by(&d, "Maybe in a week"), "Erik Lindqvist");
    assert_eq!(said_by(&d, "very happy"), "Oskar Lindqvist");
}

#[test]
fn a_features_subject_is_she_however_far_back_when_nobody_is_nearer() {
    let d = run(
        "Bernadette Quarles has been awake up there for 23 years.\n\n\
         The routine hasn't changed much since 2003.\n\n\
         The lights go red. The gates come down.\n\n\
         “People think it's a button,” she says.",
    );
    assert_eq!(said_by(&d, "a button"), "Bernadette Quarles");
}

#[test]
fn the_name_a_source_gives_in_an_appositive() {
    let d = run(
        "Her seatmate, a college student who gave his name only as Jerome, said his \
         allowance had not changed.\n\n\
         \"My mother will just say, wait,\" he said.",
    );
    assert_eq!(said_by(&d, "My mother"), "Jerome");
}

#[test]
fn an_unnamed_person_a_sentence_is_about_is_she_next() {
    let d = run("Rosalind Achterberg played the wife.\n\n\
         At the curtain call, a woman in the row ahead of me was crying openly. \
         Asked what had affected her, she shook her head.\n\n\
         \"My dad,\" she said. \"That was my dad.\"");
    assert_eq!(
        said_by(&d, "That was my dad"),
        "a woman in the row ahead of me"
    );
}

#[test]
fn manner_of_speaking_and_a_name_given_outside_a_cue() {
    let d = run("Henry Wong looked up at the clock.\n\n\
         “You’re late,” Wong told him.\n\n\
         “I’m 84. I’m allowed,” Gord shot back.\n\n\
         Another resident, a motorcyclist who gave his name simply as Tunde, was less impressed.\n\n\
         \"Nothing changes for us,\" he said.");
    assert_eq!(said_by(&d, "allowed"), "Gord");
    assert_eq!(said_by(&d, "Nothing changes"), "Tunde");
}

#[test]
fn according_to_after_what_it_reports() {
    let d = run("A quake struck.\n\n\
         Dozens died in the city on Tuesday night, according to Mayor John Smith.\n\n\
         The quake hit at dawn, according to Indonesia's Meteorology, Climatology and \
         Geophysics Agency.\n\n\
         The Department for Culture, Media and Sport said decisions were for museums.\n\n\
         Professor Jung Min-ho of Hankuk University's Graduate School of International Studies \
         said the forum could help.\n\n\
         The committee's top Democrat, Sen. Naomi Feldstein of Oregon, praised the nominee's \
         record.\n\n\
         First Vice Foreign Minister Kim Tae-joon on Thursday called for closer cooperation.\n\n\
         Rescue teams arrived later in the day.");
    assert_eq!(said_by(&d, "Dozens died"), "John Smith");
    assert_eq!(
        said_by(&d, "hit at dawn"),
        "Meteorology, Climatology and Geophysics Agency"
    );
    assert_eq!(
        said_by(&d, "for museums"),
        "Department for Culture, Media and Sport"
    );
    assert_eq!(said_by(&d, "forum could help"), "Jung Min-ho");
    assert_eq!(said_by(&d, "nominee's"), "Naomi Feldstein");
    assert_eq!(said_by(&d, "closer cooperation"), "Kim Tae-joon");
}

#[test]
fn an_exchange_goes_on_by_turns_and_a_role_opens_a_colon() {
    let d = run("The inquest heard from station manager Graham Cole.\n\n\
         \"Did you ever tell him to put it on?\" Ms Ramanathan asked.\n\n\
         \"I would have, at some point,\" Mr Cole replied.\n\n\
         \"Did anyone check?\"\n\n\
         \"Not every morning, no. It's a big place.\"\n\n\
         Palau's climate envoy, Ngirai Rechelluul, was blunt: \"We did not fly this far to \
         agree a number in brackets.\"");
    assert_eq!(said_by(&d, "anyone check"), "Ramanathan");
    assert_eq!(said_by(&d, "big place"), "Graham Cole");
    assert_eq!(said_by(&d, "in brackets"), "Ngirai Rechelluul");
}

#[test]
fn a_possessive_place_before_a_name_and_the_nationality_a_sentence_opens_with() {
    let d = run(
        "Hrubá will play Japan’s Hana Moriyama on Thursday. Moriyama beat Spain’s Lucía \
         Ortega earlier in the day.\n\n\
         Amara Okonjo-Blake lost in three sets.\n\n\
         The American, who won the Australian Open in January, was brief.\n\n\
         “She played better than me,” she said.",
    );
    assert!(d.speakers.iter().all(|s| !s.name.contains('’')));
    assert_eq!(said_by(&d, "played better"), "Amara Okonjo-Blake");
}

#[test]
fn a_nickname_inside_a_name_calls_the_person_later() {
    let d = run(
        "Jonas \"vyper\" Madsen, the 19-year-old who joined Helix in January, was named \
         the most valuable player.\n\n\
         Playing at home, vyper landed a four-kill round.\n\n\
         \"I couldn't hear anything,\" vyper said.\n\n\
         Analysts said the final was the best of the year, a finding that few disputed.",
    );
    assert_eq!(said_by(&d, "hear anything"), "Jonas Madsen");
    let jonas = d
        .speakers
        .iter()
        .find(|s| s.name == "Jonas Madsen")
        .unwrap();
    assert!(jonas.aliases.contains(&"vyper".to_string()));
}

#[test]
fn a_wife_named_in_full_does_not_take_the_family_name_and_a_reporter_asks() {
    let d = run(
        "\"Nobody screamed,\" said Brent Haugland, 44, a software engineer.\n\n\
         His wife, Mika Haugland, said flight attendants handed out wet towels.\n\n\
         \"I'd like to thank them,\" Mika Haugland said.\n\n\
         Haugland said his children had asked to see a moose.\n\n\
         \"We told them we'd try,\" he said.\n\n\
         Plains State went for two, and coach Wade Ridgeway did not regret it.\n\n\
         A reporter asked Ridgeway whether he had considered kicking.\n\n\
         \"Sure. For about two seconds,\" he said.",
    );
    assert_eq!(said_by(&d, "we'd try"), "Brent Haugland");
    assert_eq!(said_by(&d, "two seconds"), "Wade Ridgeway");
}

#[test]
fn particles_inside_a_name() {
    let d = run(
        "Daan van der Heijden won the Belgian Grand Prix on Sunday.\n\n\
         “Honestly, I thought we’d thrown it away,” van der Heijden said in the post-race \
         press conference.",
    );
    assert_eq!(
        quotes(&d),
        [(
            "Daan van der Heijden".into(),
            D,
            "Honestly, I thought we’d thrown it away".into()
        )]
    );
    assert!(d.speakers.iter().all(|s| s.name != "Grand Prix"));
}

#[test]
fn a_colon_after_a_possessor_or_an_opening_clause_and_a_surname_with_an_age() {
    let d = run("Kai Whitmore took third.\n\n\
         His message to the team on the slowing-down lap was brief: “Are you serious? P3!”\n\n\
         Marcia Delapenha-Reid trails by 14 votes.\n\n\
         Asked last night whether she would accept the outcome of the recount, Delapenha-Reid \
         was brief: \"If I lose after a fair count, I will shake his hand.\"\n\n\
         The shift ends at 6. Tisdale, 71, came back because the house was too quiet.\n\n\
         \"Thirty-one years I sat in this chair,\" he says.");
    assert_eq!(said_by(&d, "P3"), "Kai Whitmore");
    assert_eq!(said_by(&d, "shake his hand"), "Marcia Delapenha-Reid");
    assert_eq!(said_by(&d, "this chair"), "Tisdale");
}

#[test]
fn a_nationality_after_the_and_a_plural_of_people_at_a_sentences_start() {
    let d = run("Tereza Hrubá, 19, won in three sets.\n\n\
         “I don’t know yet,” the Czech replied.\n\n\
         Seismologists said the fault had been quiet for a century.");
    assert_eq!(said_by(&d, "know yet"), "Tereza Hrubá");
    let s = d
        .speakers
        .iter()
        .find(|s| s.name == "Seismologists")
        .unwrap();
    assert_eq!(s.kind, SpeakerKind::UnnamedGroup);
}

#[test]
fn the_role_before_a_name_starts_after_a_preposition() {
    let d = run(
        "Prowse was sent off for a late challenge on Saltmouth winger Ollie Dacre.\n\n\
         \"It was never a red,\" Dacre said.",
    );
    let dacre = d.speakers.iter().find(|s| s.name == "Ollie Dacre").unwrap();
    assert_eq!(dacre.role.as_deref(), Some("Saltmouth winger"));
}

#[test]
fn a_capitalised_plural_before_a_plural_verb_is_a_group() {
    let d = run("The storm moved north.\n\n\
         Forecasters say a further 40mm of rain could fall overnight.\n\n\
         Islanders have said they plan to meet the boat with a brass band.");
    for name in ["Forecasters", "Islanders"] {
        let s = d.speakers.iter().find(|s| s.name == name).unwrap();
        assert_eq!(s.kind, SpeakerKind::UnnamedGroup, "{name}");
    }
}

#[test]
fn short_quotations_that_stand_as_sentences_are_direct() {
    let d = run("The show opened on Friday.\n\n\
         Before she had played a note, a woman near the front shouted, “We missed you!”\n\n\
         “I missed you too,” Tamsin Vale said into the microphone, and then, after a pause: “I think.”\n\n\
         Producer Kasper Lindholm says the album was recorded live.\n\n\
         Which arguments?\n\n\
         “The breath,” he says, laughing. “Obviously the breath.”");
    let qs = quotes(&d);
    for (who, text) in [
        ("a woman near the front", "We missed you!"),
        ("Tamsin Vale", "I think."),
        ("Kasper Lindholm", "The breath"),
        ("Kasper Lindholm", "Obviously the breath."),
    ] {
        assert!(
            qs.iter().any(|q| q.0 == who && q.1 == D && q.2 == text),
            "{who}: {text} in {qs:#?}"
        );
    }
}

#[test]
fn a_person_of_an_institution_and_a_family_name_alone() {
    let d = run("Shares of the Minneapolis-based company rose.\n\n\
         Another analyst, Derek Osei of Brightwater Capital, was more upbeat. \
         He said the new plant would cut costs by a third.\n\n\
         “This is a company that did the boring work early,” Osei said.");
    assert_eq!(said_by(&d, "cut costs"), "Derek Osei");
    assert_eq!(said_by(&d, "boring work"), "Derek Osei");
    assert!(d.speakers.iter().all(|s| !s.name.contains("based")));
    let osei = d.speakers.iter().find(|s| s.name == "Derek Osei").unwrap();
    assert_eq!(osei.affiliation.as_deref(), Some("Brightwater Capital"));
}

#[test]
fn a_name_after_an_unnamed_description_or_the_clause_that_gives_it() {
    let d = run("The council met on Tuesday.\n\n\
         “Every one of these houses used to be a family,” said another neighbor, Tom Reyna.\n\n\
         \"I waited too long,\" said one mother outside the clinic, a toddler on her hip, \
         who gave only her first name, Kayla.");
    assert_eq!(said_by(&d, "used to be a family"), "Tom Reyna");
    assert_eq!(said_by(&d, "waited too long"), "Kayla");
    let reyna = d.speakers.iter().find(|s| s.name == "Tom Reyna").unwrap();
    assert_eq!(reyna.role.as_deref(), Some("neighbor"));
}

#[test]
fn offices_refer_to_their_holder_or_stand_alone() {
    let d = run("The Senate sat on Tuesday.\n\n\
         In his letter, read by the Senate President, Senator Abubakar Danladi, Musa Bello \
         said he was leaving the party.\n\n\
         Bello spoke for an hour about the party's crisis and the elections.\n\n\
         Senators from both sides then asked about the seat.\n\n\
         \"We are not, and that is exactly my point,\" the Senate President replied.\n\n\
         Mia Tran, 9, died at the scene. Mia's mother, Linh Tran, was driving.\n\n\
         \"She was nine years old,\" the judge said.\n\n\
         Linh Tran told the court she still set four places at the table some nights.\n\n\
         \"I was the one driving,\" Ms Tran said.");
    assert_eq!(said_by(&d, "exactly my point"), "Abubakar Danladi");
    let danladi = d
        .speakers
        .iter()
        .find(|s| s.name == "Abubakar Danladi")
        .unwrap();
    assert!(
        danladi
            .role
            .as_deref()
            .is_some_and(|r| r.starts_with("Senate President")),
        "{:?}",
        danladi.role
    );
    assert_eq!(said_by(&d, "nine years old"), "the judge");
    assert_eq!(said_by(&d, "the one driving"), "Linh Tran");
}

#[test]
fn short_forms_roles_before_names_and_ages() {
    let d = run(
        "POP heartthrob Jaxon Reeve and TV presenter Tilly Marchbank have married.\n\n\
         Tilly, who rose to fame on a reality show, shared the first snap last night.\n\n\
         \"Best day of my entire life,\" she wrote.\n\n\
         Jax, 29, posted his own tribute minutes later.\n\n\
         \"Married my best friend today,\" he wrote.\n\n\
         Jax's former bandmates sang at the reception. Bandmate Ricky Dale told the \
         Daily Buzz: \"We had one rehearsal in a barn the night before.\"\n\n\
         \"We had helicopters over the pub all afternoon,\" said Gordon Fairbrother, 64, \
         landlord of the Fox and Feathers.",
    );
    assert_eq!(said_by(&d, "Best day"), "Tilly Marchbank");
    assert_eq!(said_by(&d, "best friend"), "Jaxon Reeve");
    assert_eq!(said_by(&d, "one rehearsal"), "Ricky Dale");
    let dale = d.speakers.iter().find(|s| s.name == "Ricky Dale").unwrap();
    assert_eq!(dale.role.as_deref(), Some("bandmate"));
    let tilly = d
        .speakers
        .iter()
        .find(|s| s.name == "Tilly Marchbank")
        .unwrap();
    assert_eq!(tilly.role.as_deref(), Some("TV presenter"));
    for s in &d.speakers {
        assert!(
            !s.role.as_deref().unwrap_or("").contains("64"),
            "{}: {:?}",
            s.name,
            s.role
        );
    }
}

#[test]
fn back_references_by_role_family_and_far_sources() {
    let d = run("The harvest began on Monday.\n\n\
         \"It was a disaster,\" said Hélène Marchais, a winemaker.\n\n\
         Marchais farms nine hectares. Her son, Julien, 31, walked the rows on Monday.\n\n\
         \"There is almost nothing in the top parcels,\" he said.\n\n\
         And a source close to the family told the Courier that the day had gone badly.\n\n\
         The vines are old.\n\n\
         The weather turned.\n\n\
         \"Phones were handed in at the gate,\" the source said.\n\n\
         Gov. Claire Bettencourt spoke first.\n\n\
         Lawmakers waited.\n\n\
         Reporters asked about the cuts.\n\n\
         \"I have a budget to pass,\" the governor said.\n\n\
         Tomas Halvorsen scored 31 points. Asked whether that was true, Halvorsen laughed.\n\n\
         “He was nervous,” the center said.");
    assert_eq!(said_by(&d, "top parcels"), "Julien");
    assert_eq!(said_by(&d, "handed in"), "a source close to the family");
    assert_eq!(said_by(&d, "budget to pass"), "Claire Bettencourt");
    assert_eq!(said_by(&d, "He was nervous"), "Tomas Halvorsen");
}

#[test]
fn where_a_person_is_from_is_no_person_and_an_age_makes_one() {
    let d = run("The tournament ended on Sunday.\n\n\
         Tourism Bay of Plenty estimated the weekend was worth $9.5 million to the region.\n\n\
         Among the crowd was Aroha Peneha, 54, from Whakatāne, who has been to every \
         tournament since 2001.\n\n\
         \"This is a nicer kind of crying,\" she said.\n\n\
         Rhian Evans, 31, from Newcastle Emlyn, campaigned for the review.\n\n\
         \"I asked to see a doctor three times,\" she said.");
    assert_eq!(said_by(&d, "nicer kind"), "Aroha Peneha");
    assert_eq!(said_by(&d, "three times"), "Rhian Evans");
    for s in &d.speakers {
        assert!(!["Tourism Bay", "Newcastle Emlyn", "Whakatāne"].contains(&s.name.as_str()));
    }
}

#[test]
fn a_relative_clause_that_gives_the_name_after_one() {
    let d = run("Queues formed outside the store at dawn.\n\n\
         “I’ve had my phone for four years,” said one, a 29-year-old nurse who gave her name \
         only as Jess. “I’m only upgrading because I want the camera.”\n\n\
         \"We'll be back next year,\" said one of them, an Auckland builder who gave his name \
         only as Tevita.");
    assert_eq!(said_by(&d, "four years"), "Jess");
    assert_eq!(said_by(&d, "the camera"), "Jess");
    assert_eq!(said_by(&d, "back next year"), "Tevita");
}

#[test]
fn descriptions_with_a_place_and_names_that_open_with_a_small_word() {
    let d = run("Customs seized six tonnes of scales.\n\n\
         An investigator with the Wildlife Justice Network, a Netherlands-based group that \
         tracks trafficking syndicates, said the route matched a known network.\n\n\
         \"Six tonnes of scales means 10,000 dead pangolins,\" said Do Thi Lan Anh, director \
         of the group.");
    assert_eq!(
        said_by(&d, "route matched"),
        "an investigator with the Wildlife Justice Network"
    );
    assert_eq!(said_by(&d, "dead pangolins"), "Do Thi Lan Anh");
}

#[test]
fn a_bare_role_before_a_name_and_an_acronym_in_a_role() {
    let d = run("The hospital opened in December.\n\n\
         In the maternity tent, midwife Amina Rahal has delivered 61 babies since December.\n\n\
         \"The mothers arrive exhausted,\" she said.\n\n\
         “We are cutting rations,” Rafael Arce, the WFP country director, said in a video call.");
    assert_eq!(said_by(&d, "arrive exhausted"), "Amina Rahal");
    assert_eq!(said_by(&d, "cutting rations"), "Rafael Arce");
    let arce = d.speakers.iter().find(|s| s.name == "Rafael Arce").unwrap();
    assert_eq!(arce.role.as_deref(), Some("WFP country director"));
}

#[test]
fn a_titled_office_before_a_name_and_a_relative_clause_with_commas() {
    let d = run("Fuel queues grew on Monday.\n\n\
         The Minister of State for Petroleum Resources, Dr Halima Yusuf-Danjuma, told \
         journalists in Abuja that the deregulation would not be reversed.\n\n\
         \"I understand the pain,\" the minister said.\n\n\
         Former sous chef Tara Nguyen, who now runs her own restaurant, Wattle & Ash, in \
         Newtown, said Bellandi had trained a generation of cooks.");
    assert_eq!(said_by(&d, "understand the pain"), "Halima Yusuf-Danjuma");
    assert_eq!(said_by(&d, "trained a generation"), "Tara Nguyen");
}

#[test]
fn a_verb_with_a_particle_right_after_a_quotation_and_chants() {
    let d = run("The ship reached the ice on Monday.\n\n\
         Dr Astrid Lindqvist-Haug is lying on the ice.\n\n\
         “One metre forty,” she calls, when the drill breaks through. “Write it down.”\n\n\
         Protesters chanted \"We no go pay!\" as police watched.");
    assert_eq!(said_by(&d, "One metre forty"), "Astrid Lindqvist-Haug");
    assert_eq!(said_by(&d, "Write it down"), "Astrid Lindqvist-Haug");
    assert_eq!(said_by(&d, "We no go pay"), "Protesters");
}

#[test]
fn the_ledes_unnamed_subject_is_the_person_named_next() {
    let d = run("Panel told of chip smuggling\n\n\
         By Dana Whitcomb\nCapitol Bureau\n\nMay 16, 2029\n\n\
         The Commerce Department official in charge of export controls told lawmakers on Wednesday that her agency has 11 agents.\n\n\
         Lorraine Hale, who leads the Bureau of Industry and Security, said the bureau had opened 140 investigations.\n\n\
         “We are being asked to police a global supply chain,” Hale said.");
    assert_eq!(d.article.author, "Dana Whitcomb");
    assert_eq!(said_by(&d, "11 agents"), "Lorraine Hale");
    assert_eq!(said_by(&d, "140 investigations"), "Lorraine Hale");
    assert_eq!(d.speakers.len(), 1, "{:?}", d.speakers);
}

#[test]
fn a_participle_after_an_unnamed_sources_noun_ends_its_name() {
    let d = run("Rains failed.\n\n\
         More than 400,000 people now need food aid, according to a county drought assessment released on Tuesday.");
    assert_eq!(said_by(&d, "food aid"), "a county drought assessment");
}

#[test]
fn a_spokeswoman_for_an_institution_is_one_person_she_refers_to() {
    let d = run("Noise rows go on.\n\n\
         A spokeswoman for Wakefield Council said officers had installed noise-monitoring equipment.\n\n\
         ‘We will not hesitate to act if a statutory nuisance is established,’ she said.");
    assert_eq!(
        said_by(&d, "noise-monitoring"),
        "a spokeswoman for Wakefield Council"
    );
    assert_eq!(
        said_by(&d, "not hesitate"),
        "a spokeswoman for Wakefield Council"
    );
    assert_eq!(d.speakers.len(), 1, "{:?}", d.speakers);
}

#[test]
fn a_name_of_an_institution_with_small_words_and_its_town() {
    let d = run("The count ended.\n\n\
         Political analyst Dr. J. Prabhakaran of the Centre for Public Affairs, Kochi, said the swing had been decisive.\n\n\
         Mariana Uribe of Capital Sur Research in London said the split vote suggested a divided board.\n\n\
         The district governor of Bel Qara, Kamal Issa, denied that the authorities were obstructing aid.");
    assert_eq!(said_by(&d, "swing"), "J. Prabhakaran");
    assert_eq!(said_by(&d, "split vote"), "Mariana Uribe");
    assert_eq!(said_by(&d, "obstructing"), "Kamal Issa");
    let uribe = d
        .speakers
        .iter()
        .find(|s| s.name == "Mariana Uribe")
        .unwrap();
    assert_eq!(uribe.affiliation.as_deref(), Some("Capital Sur Research"));
}

#[test]
fn an_unnamed_person_described_at_a_sentences_start_speaks_next() {
    let d = run("The game ended late.\n\n\
         “We skipped a chemistry exam for this,” said Kayla Brunswick, a junior from Dunmore.\n\n\
         Her roommate was more cautious. “Technically we rescheduled the exam,” she said.\n\n\
         A Gulf Coast fan, heading for the exits with his young son, put it more simply. “That’s March,” he said.\n\n\
         One woman who had travelled down from Ilkley, and who asked not to be named, had hoped to hear an apology. “I didn’t hear one,” she said.\n\n\
         A father waiting in a pickup truck was blunter. “It’s a babysitting problem,” he said.");
    assert_eq!(said_by(&d, "rescheduled"), "her roommate");
    assert_eq!(said_by(&d, "That’s March"), "a Gulf Coast fan");
    assert_eq!(said_by(&d, "hear one"), "one woman");
    assert_eq!(
        said_by(&d, "babysitting"),
        "a father waiting in a pickup truck"
    );
}

#[test]
fn a_long_unnamed_sources_name_ends_at_its_participle() {
    let d = run("Schools stayed shut.\n\n\
         One father dropping his son off at a YMCA day camp set up for students said he had taken two unpaid days off work.\n\n\
         One student travelling to Leeds said she had found out from a poster.");
    assert_eq!(said_by(&d, "unpaid days"), "one father");
    assert_eq!(said_by(&d, "poster"), "one student travelling to Leeds");
}

#[test]
fn an_institutions_report_is_the_institutions() {
    let d = run("Drivers walked out.\n\n\
         Operators were assaulted 61 times in 2027, according to a Halifax Transit report published in March.");
    assert_eq!(said_by(&d, "assaulted"), "Halifax Transit");
}

#[test]
fn a_name_with_an_agent_noun_appositive_is_met_and_keeps_its_title() {
    let d = run("A life in music.\n\n\
         Clarence Holloway, the trumpeter, died on Sunday. He was 86.\n\n\
         Mr. Holloway taught himself to play on a dented cornet.\n\n\
         His younger brother, Marcus Holloway, 79, a retired schoolteacher, said the nickname came early.\n\n\
         “I never played a note I didn’t mean,” Mr. Holloway told The Tribune in a 2009 interview.\n\n\
         His co-star, newcomer Ava Lindqvist, who plays his daughter, said he had learned to sail.");
    assert_eq!(said_by(&d, "nickname"), "Marcus Holloway");
    assert_eq!(said_by(&d, "never played"), "Clarence Holloway");
    assert_eq!(said_by(&d, "learned to sail"), "Ava Lindqvist");
}

#[test]
fn the_ledes_described_subject_named_next_is_that_noun_later() {
    let d = run("Karaoke row\n\nBy Ann Lee\n\nMay 2, 2028\n\n\
         A PUB landlord has been accused of wrecking village life with his karaoke nights – and he says he has no intention of turning the volume down.\n\n\
         Terry Pickersgill, 54, who runs the Drovers Arms, has been hit with 30 noise complaints.\n\n\
         Neighbours claim the singing goes on well past midnight.\n\n\
         But the defiant landlord told the Courier: ‘Karaoke is going nowhere!’\n\n\
         ‘This is a pub, not a library,’ he added.");
    assert_eq!(said_by(&d, "volume down"), "Terry Pickersgill");
    assert_eq!(said_by(&d, "not a library"), "Terry Pickersgill");
    let terry = d
        .speakers
        .iter()
        .find(|s| s.name == "Terry Pickersgill")
        .unwrap();
    assert_eq!(terry.role.as_deref(), Some("landlord"));
}

#[test]
fn a_named_owners_statement_speaks_for_them_and_is_the_statement_later() {
    let d = run("A running app leaked its users' routes.\n\n\
         PaceTrail's statement, emailed to Bytewire on Tuesday, said the company had notified authorities in the European Union.\n\n\
         \"We take the trust of our community extremely seriously,\" the statement said.");
    assert_eq!(said_by(&d, "notified"), "PaceTrail");
    assert_eq!(said_by(&d, "trust of our community"), "PaceTrail");
}

#[test]
fn an_institutions_first_word_alone_is_the_institution() {
    let d = run("A pill for diabetes.\n\n\
         Halvorsen Therapeutics said its pill cut blood sugar in a trial of 2,000 people.\n\n\
         Halvorsen said in a statement that it planned to apply for approval before the end of the year.");
    assert_eq!(said_by(&d, "apply for approval"), "Halvorsen Therapeutics");
    assert_eq!(d.speakers.len(), 1, "{:?}", d.speakers);
}

#[test]
fn a_full_name_in_the_possessive_is_a_person_met_in_passing() {
    let d = run("A harbor wakes early.\n\n\
         The only light on the wharf comes from the cab of Kayla Hennessey’s pickup. She is 23.\n\n\
         On Wharf Street, Dot Ferland, 61, has run the Tidewater Diner for 27 years.\n\n\
         Kayla, who hauls 600 traps alone through the winter, has heard the question before.\n\n\
         “You have to want it at four in the morning in February,” she says.");
    assert_eq!(said_by(&d, "four in the morning"), "Kayla Hennessey");
}

#[test]
fn called_with_a_quotation_after_its_object_reports_speech() {
    let d = run("The governor vetoed the bill.\n\n\
         Its chief sponsor, State Senator Joan Delacroix, a Democrat from New Haven, called the veto “a gift to every landlord in the state.”\n\n\
         Residents called the meeting to order at seven.");
    assert_eq!(said_by(&d, "a gift to every landlord"), "Joan Delacroix");
    assert!(
        quotes(&d).iter().all(|q| !q.2.contains("to order")),
        "{:?}",
        quotes(&d)
    );
}

#[test]
fn a_spokeswoman_with_no_institution_nearby_is_one_unnamed_person() {
    let d = run("A new pill.\n\n\
         The F.D.A. does not comment on pending applications, a spokeswoman said in an email.");
    assert_eq!(said_by(&d, "pending applications"), "a spokeswoman");
}

#[test]
fn an_unnamed_source_before_an_anonymity_clause_with_commas() {
    let d = run("The bank raised rates.\n\n\
         A central bank official, speaking on condition of anonymity because he was not authorised to discuss the deliberations, said two members had pushed for more.");
    assert_eq!(said_by(&d, "pushed for more"), "a central bank official");
}

#[test]
fn a_town_after_an_institution_in_an_appositive_and_a_name_after_an_office() {
    let d = run("Lecturers walked out.\n\n\
         Miss Adaeze Okonkwo, a student at the University of Nigeria, Nsukka, who is not related to the union leader, said: \"Everybody is fighting and we are the ones suffering.\"\n\n\
         But the Minister of Education, Halima Bello-Musa, said the government had released N120 billion.");
    assert_eq!(said_by(&d, "Everybody is fighting"), "Adaeze Okonkwo");
    assert_eq!(said_by(&d, "N120 billion"), "Halima Bello-Musa");
}

#[test]
fn a_participle_cue_after_an_office_and_a_name_is_the_names() {
    let d = run("Lecturers walked out.\n\n\
         The Minister of Education, Dr. Halima Bello-Musa, visited the campus, insisting that the government had paid.\n\n\
         Residents of the town, many of them farmers, marched on Friday, demanding that the dam be stopped.");
    assert_eq!(said_by(&d, "had paid"), "Halima Bello-Musa");
    assert!(
        d.speakers.iter().all(|s| s.name != "Education"),
        "{:?}",
        d.speakers
    );
}

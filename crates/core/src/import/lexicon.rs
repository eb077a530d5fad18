//! Word lists of general English news style: speech verbs, titles, role
//! nouns, institutions, groups. Nothing here names a person or is tied to one
//! article; the lists are what a wire editor would recognise as attribution.

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

const fn v(lemma: &'static str) -> Verb {
    Verb {
        lemma,
        needs_clause: false,
        participle: false,
        particle: &[],
    }
}
const fn clause(lemma: &'static str) -> Verb {
    Verb {
        lemma,
        needs_clause: true,
        participle: false,
        particle: &[],
    }
}
const fn ing(lemma: &'static str) -> Verb {
    Verb {
        lemma,
        needs_clause: false,
        participle: true,
        particle: &[],
    }
}
const fn with(lemma: &'static str, particle: &'static [&'static str]) -> Verb {
    Verb {
        lemma,
        needs_clause: false,
        participle: false,
        particle,
    }
}

/// Finite forms of speech and opinion verbs, lower case.
const VERBS: &[(&str, Verb)] = &[
    ("said", v("said")),
    ("says", v("says")),
    ("say", v("say")),
    ("told", v("told")),
    ("tells", v("tells")),
    ("noted", v("noted")),
    ("notes", v("notes")),
    ("note", v("note")),
    ("stressed", v("stressed")),
    ("stresses", v("stresses")),
    ("emphasized", v("emphasized")),
    ("emphasizes", v("emphasizes")),
    ("emphasised", v("emphasised")),
    ("emphasises", v("emphasises")),
    ("warned", v("warned")),
    ("warns", v("warns")),
    ("warn", v("warn")),
    ("argued", v("argued")),
    ("argues", v("argues")),
    ("argue", v("argue")),
    ("believes", v("believes")),
    ("believed", v("believed")),
    ("believe", v("believe")),
    ("thinks", v("thinks")),
    ("think", v("think")),
    ("thought", clause("thought")),
    ("explained", v("explained")),
    ("explains", v("explains")),
    ("acknowledged", v("acknowledged")),
    ("acknowledges", v("acknowledges")),
    ("acknowledge", v("acknowledge")),
    ("accused", v("accused")),
    ("accuses", v("accuses")),
    ("accuse", v("accuse")),
    ("announced", v("announced")),
    ("announces", v("announces")),
    ("wrote", v("wrote")),
    ("writes", v("writes")),
    ("write", v("write")),
    ("added", clause("added")),
    ("adds", clause("adds")),
    ("claimed", v("claimed")),
    ("claims", v("claims")),
    ("claim", v("claim")),
    ("insisted", v("insisted")),
    ("insists", v("insists")),
    ("insist", v("insist")),
    ("suggested", v("suggested")),
    ("suggests", v("suggests")),
    ("stated", v("stated")),
    ("states", v("states")),
    ("declared", v("declared")),
    ("declares", v("declares")),
    ("commented", clause("commented")),
    ("comments", clause("comments")),
    ("remarked", clause("remarked")),
    ("observed", v("observed")),
    ("observes", v("observes")),
    ("predicted", v("predicted")),
    ("predicts", v("predicts")),
    ("concluded", v("concluded")),
    ("concludes", v("concludes")),
    ("contended", v("contended")),
    ("contends", v("contends")),
    ("maintained", clause("maintained")),
    ("maintains", clause("maintains")),
    ("asserted", v("asserted")),
    ("asserts", v("asserts")),
    ("admitted", v("admitted")),
    ("admits", v("admits")),
    ("conceded", v("conceded")),
    ("concedes", v("concedes")),
    ("cautioned", v("cautioned")),
    ("cautions", v("cautions")),
    ("urged", v("urged")),
    ("urges", v("urges")),
    ("recalled", clause("recalled")),
    ("recalls", clause("recalls")),
    ("replied", v("replied")),
    ("replies", v("replies")),
    ("responded", clause("responded")),
    ("tweeted", v("tweeted")),
    ("posted", clause("posted")),
    ("asked", clause("asked")),
    ("asks", clause("asks")),
    ("agreed", clause("agreed")),
    ("agrees", clause("agrees")),
    ("expects", v("expects")),
    ("expect", v("expect")),
    ("expected", v("expected")),
    ("fears", clause("fears")),
    ("feared", clause("feared")),
    ("doubts", clause("doubts")),
    ("doubted", clause("doubted")),
    ("considers", v("considers")),
    ("considered", clause("considered")),
    ("sees", v("sees")),
    ("saw", clause("saw")),
    ("expressed", v("expressed")),
    ("expresses", v("expresses")),
    ("published", clause("published")),
    ("reported", clause("reported")),
    ("reports", clause("reports")),
    ("revealed", clause("revealed")),
    ("confirmed", clause("confirmed")),
    ("confirms", clause("confirms")),
    ("denied", v("denied")),
    ("disputed", v("disputed")),
    ("disputes", v("disputes")),
    ("rejected", v("rejected")),
    ("rejects", v("rejects")),
    ("dismissed", v("dismissed")),
    ("dismisses", v("dismisses")),
    ("praised", v("praised")),
    ("praises", v("praises")),
    ("blamed", v("blamed")),
    ("blames", v("blames")),
    ("defended", v("defended")),
    ("defends", v("defends")),
    ("hailed", v("hailed")),
    ("hails", v("hails")),
    ("lamented", v("lamented")),
    ("laments", v("laments")),
    ("countered", v("countered")),
    ("retorted", v("retorted")),
    ("objected", clause("objected")),
    ("denies", v("denies")),
    ("continued", clause("continued")),
    ("reiterated", v("reiterated")),
    ("reiterates", v("reiterates")),
    ("criticized", v("criticized")),
    ("criticised", v("criticised")),
    ("criticizes", v("criticizes")),
    ("criticises", v("criticises")),
    ("condemned", v("condemned")),
    ("condemns", v("condemns")),
    ("welcomed", v("welcomed")),
    ("welcomes", v("welcomes")),
    ("proposed", v("proposed")),
    ("proposes", v("proposes")),
    ("recommended", v("recommended")),
    ("recommends", v("recommends")),
    ("questioned", v("questioned")),
    ("questions", clause("questions")),
    ("doubts", clause("doubts")),
    ("estimated", clause("estimated")),
    ("estimate", clause("estimate")),
    ("found", clause("found")),
    ("finds", clause("finds")),
    ("find", clause("find")),
    ("showed", clause("showed")),
    ("shows", clause("shows")),
    ("estimates", clause("estimates")),
    ("calls", with("calls", &["for", "on"])),
    ("called", with("called", &["for", "on"])),
    ("points", with("points", &["out"])),
    ("pointed", with("pointed", &["out"])),
    ("point", with("point", &["out"])),
    ("speaks", with("speaks", &["of"])),
    ("spoke", with("spoke", &["of"])),
    ("warns", v("warns")),
    ("adding", ing("adding")),
    ("saying", ing("saying")),
    ("noting", ing("noting")),
    ("arguing", ing("arguing")),
    ("warning", ing("warning")),
    ("stressing", ing("stressing")),
    ("acknowledging", ing("acknowledging")),
    ("explaining", ing("explaining")),
    ("insisting", ing("insisting")),
    ("claiming", ing("claiming")),
    ("emphasizing", ing("emphasizing")),
    ("emphasising", ing("emphasising")),
];

/// The speech verb `word` (lower case) is a form of, if any.
pub fn verb(word: &str) -> Option<Verb> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, Verb>> =
        std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| VERBS.iter().rev().copied().collect())
        .get(word)
        .copied()
}

/// Past forms that, after "I" or "we", report the author's own earlier
/// statement rather than the article's present argument.
pub fn is_past_speech(word: &str) -> bool {
    matches!(
        word,
        "said" | "told" | "wrote" | "argued" | "warned" | "noted" | "predicted" | "testified"
    )
}

/// Nouns for a statement, in "the view of X that ..." or "X's statement that".
pub fn is_statement_noun(word: &str) -> bool {
    matches!(
        word,
        "opinion"
            | "view"
            | "views"
            | "position"
            | "statement"
            | "statements"
            | "words"
            | "assessment"
            | "argument"
            | "claim"
            | "remark"
            | "remarks"
            | "comment"
            | "comments"
            | "conclusion"
            | "belief"
            | "warning"
            | "thesis"
            | "estimate"
            | "verdict"
    )
}

/// Nouns for a piece of work that reports findings ("a study by X found").
pub fn is_document_noun(word: &str) -> bool {
    matches!(
        word,
        "study"
            | "report"
            | "survey"
            | "poll"
            | "paper"
            | "analysis"
            | "review"
            | "research"
            | "assessment"
            | "audit"
            | "investigation"
            | "statement"
            | "letter"
    )
}

/// Nouns in "made this assessment": the sentence points back at a quote.
pub fn is_backref_noun(word: &str) -> bool {
    matches!(
        word,
        "assessment"
            | "statement"
            | "statements"
            | "remark"
            | "remarks"
            | "comment"
            | "comments"
            | "claim"
            | "claims"
            | "announcement"
            | "declaration"
            | "point"
    )
}

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
    matches!(
        w,
        "president"
            | "vice"
            | "prime"
            | "minister"
            | "secretary"
            | "deputy"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "director"
            | "general"
            | "director-general"
            | "chairman"
            | "chairwoman"
            | "chairperson"
            | "chair"
            | "chief"
            | "coordinator"
            | "ambassador"
            | "senator"
            | "sen"
            | "rep"
            | "representative"
            | "governor"
            | "gov"
            | "mayor"
            | "professor"
            | "prof"
            | "dr"
            | "mr"
            | "mrs"
            | "ms"
            | "miss"
            | "cllr"
            | "councillor"
            | "councilor"
            | "councilman"
            | "councilwoman"
            | "lord"
            | "lady"
            | "baroness"
            | "dame"
            | "sir"
            | "judge"
            | "justice"
            | "king"
            | "queen"
            | "prince"
            | "pope"
            | "commander"
            | "admiral"
            | "gen"
            | "colonel"
            | "col"
            | "lieutenant"
            | "lt"
            | "captain"
            | "capt"
            | "sergeant"
            | "officer"
            | "laureate"
            | "leader"
            | "premier"
            | "chancellor"
            | "envoy"
            | "lawmaker"
            | "fellow"
            | "ceo"
            | "analyst"
            | "economist"
            | "researcher"
            | "editor"
            | "correspondent"
            | "columnist"
            | "journalist"
            | "reporter"
            | "head"
            | "counselor"
            | "adviser"
            | "advisor"
            | "attorney"
            | "sheriff"
            | "superintendent"
            | "commissioner"
            | "rabbi"
            | "bishop"
            | "archbishop"
            | "cardinal"
            | "emperor"
            | "sultan"
            | "sheikh"
            | "emir"
            | "marshal"
            | "major"
            | "scholar"
            | "historian"
            | "expert"
            | "activist"
            | "founder"
            | "co-founder"
            | "executive"
            | "manager"
            | "official"
            | "diplomat"
            | "candidate"
            | "speaker"
    )
}

/// Lower-case nouns for what a person is ("professor", "spokesman").
pub fn is_role_noun(word: &str) -> bool {
    is_title(word)
        || matches!(
            word,
            "scientist"
                | "specialist"
                | "lecturer"
                | "dean"
                | "member"
                | "strategist"
                | "negotiator"
                | "author"
                | "writer"
                | "blogger"
                | "campaigner"
                | "lawyer"
                | "politician"
                | "commentator"
                | "observer"
                | "physician"
                | "doctor"
                | "virologist"
                | "epidemiologist"
                | "engineer"
                | "investor"
                | "banker"
                | "trader"
                | "owner"
                | "resident"
                | "farmer"
                | "worker"
                | "student"
                | "teacher"
                | "veteran"
                | "consultant"
                | "partner"
                | "president"
                | "vice-president"
                | "representative"
                | "source"
                | "man"
                | "woman"
                | "chief"
                | "staffer"
                | "aide"
                | "organizer"
                | "organiser"
                | "director"
                | "hawk"
                | "dove"
                | "daughter"
                | "son"
                | "wife"
                | "husband"
                | "mother"
                | "father"
                | "brother"
                | "sister"
                | "widow"
                | "friend"
                | "neighbour"
                | "neighbor"
                | "colleague"
                | "keeper"
        )
}

/// Kinds of speakers, as the extractor tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Org {
    Government,
    International,
    Media,
    Other,
}

/// Capitalised words that end the name of an institution.
pub fn org_word(word: &str) -> Option<Org> {
    let w = word.trim_end_matches(['’', '\'']);
    Some(match w {
        "Ministry" | "Department" | "Government" | "Administration" | "Cabinet" | "Embassy"
        | "Kremlin" | "Pentagon" | "Parliament" | "Congress" | "Senate" | "Assembly" | "Office"
        | "Presidium" | "Politburo" | "Secretariat" | "Army" | "Navy" | "Force" | "Forces"
        | "Chiefs" | "Staff" | "Police" | "Court" | "Bureau" | "Authority" | "Directorate"
        | "Duma" | "Knesset" | "Bundestag" => Org::Government,
        "Nations" | "Union" | "Organization" | "Organisation" | "Commission" | "Agency" => {
            Org::International
        }
        "Times" | "Post" | "News" | "Journal" | "Herald" | "Tribune" | "Gazette" | "Daily"
        | "Press" | "Radio" | "Television" | "TV" | "Broadcasting" | "Magazine" | "Ilbo"
        | "Shinmun" | "Sinmun" | "Globe" | "Guardian" | "Telegraph" | "Economist" | "Mirror"
        | "Observer" | "Chronicle" | "Review" | "Monitor" | "Network" | "Channel" | "Wire"
        | "Outlook" | "Zeitung" | "Gazeta" | "Gazzetta" | "Shimbun" | "Ribao" | "Nippo"
        | "Courier" | "Courrier" | "Express" | "Independent" | "Inquirer" | "Standard" => {
            Org::Media
        }
        "Party" | "Institute" | "Institution" | "University" | "College" | "School" | "Council"
        | "Center" | "Centre" | "Foundation" | "Association" | "Bank" | "Fund" | "Corporation"
        | "Company" | "Group" | "Service" | "Board" | "Society" | "Academy" | "Federation"
        | "League" | "Alliance" | "Coalition" | "Movement" | "Forum" | "Program" | "Programme"
        | "Initiative" | "Project" | "Club" | "Committee" | "Mission" | "Inc" | "Ltd" | "Corp"
        | "Co" | "Tank" | "Laboratory" | "Lab" | "Hospital" | "Clinic" | "Church" | "Front"
        | "Watch" | "International" => Org::Other,
        _ => return None,
    })
}

/// Acronyms and names of international organisations and news media that are
/// speakers in their own right.
pub fn known_org(name: &str) -> Option<Org> {
    Some(match name {
        "UN"
        | "U.N."
        | "EU"
        | "E.U."
        | "NATO"
        | "IAEA"
        | "WHO"
        | "IMF"
        | "WTO"
        | "OSCE"
        | "ASEAN"
        | "OPEC"
        | "G7"
        | "G20"
        | "BRICS"
        | "UNSC"
        | "OECD"
        | "ICC"
        | "UNESCO"
        | "UNICEF"
        | "UNHCR"
        | "African Union"
        | "European Union"
        | "United Nations"
        | "World Bank"
        | "Red Cross"
        | "European Commission"
        | "Council of Europe" => Org::International,
        "Reuters" | "AP" | "AFP" | "Bloomberg" | "Yonhap" | "Xinhua" | "TASS" | "Tass" | "KCNA"
        | "BBC" | "CNN" | "NPR" | "Forbes" | "Politico" | "Axios" | "Interfax" | "RIA"
        | "Kyodo" | "NHK" | "Al Jazeera" | "Fox" | "ABC" | "NBC" | "CBS" | "PBS" | "Newsweek"
        | "Vox" | "Slate" | "Time" | "Pravda" | "Izvestia" | "Kommersant" => Org::Media,
        "White House" | "State Department" | "Kremlin" | "Pentagon" | "Foreign Office"
        | "Downing Street" | "Elysee" | "Élysée" | "Blue House" => Org::Government,
        _ => return None,
    })
}

/// Countries, capitals and blocs that speak as governments ("Seoul said").
pub fn is_place(name: &str) -> bool {
    matches!(
        name,
        "Washington"
            | "Moscow"
            | "Beijing"
            | "Seoul"
            | "Pyongyang"
            | "Tokyo"
            | "London"
            | "Paris"
            | "Berlin"
            | "Brussels"
            | "Kyiv"
            | "Kiev"
            | "Warsaw"
            | "Ankara"
            | "Tehran"
            | "Delhi"
            | "New Delhi"
            | "Islamabad"
            | "Jerusalem"
            | "Cairo"
            | "Riyadh"
            | "Ottawa"
            | "Canberra"
            | "Rome"
            | "Madrid"
            | "Taipei"
            | "Hanoi"
            | "Manila"
            | "Jakarta"
            | "Minsk"
            | "Tbilisi"
            | "Baku"
            | "Yerevan"
            | "Damascus"
            | "Baghdad"
            | "Kabul"
            | "Brasilia"
            | "Pretoria"
            | "Nairobi"
            | "Abuja"
            | "Havana"
            | "Caracas"
            | "Mexico City"
            | "Russia"
            | "China"
            | "Japan"
            | "Korea"
            | "North Korea"
            | "South Korea"
            | "Ukraine"
            | "Poland"
            | "Germany"
            | "France"
            | "Britain"
            | "United Kingdom"
            | "United States"
            | "America"
            | "India"
            | "Pakistan"
            | "Iran"
            | "Iraq"
            | "Israel"
            | "Turkey"
            | "Türkiye"
            | "Syria"
            | "Egypt"
            | "Saudi Arabia"
            | "Canada"
            | "Australia"
            | "Italy"
            | "Spain"
            | "Taiwan"
            | "Vietnam"
            | "Philippines"
            | "Indonesia"
            | "Belarus"
            | "Georgia"
            | "Brazil"
            | "Mexico"
            | "Cuba"
            | "Venezuela"
            | "South Africa"
            | "Nigeria"
            | "Kenya"
            | "DPRK"
            | "ROK"
            | "PRC"
            | "US"
            | "U.S."
            | "USA"
            | "UK"
            | "U.K."
            | "Russian Federation"
            | "Republic of Korea"
    )
}

/// Capitalised words that make a run of capitals a place or a nationality,
/// not a person ("North", "Korean").
pub fn is_place_word(word: &str) -> bool {
    matches!(
        word,
        "North"
            | "South"
            | "East"
            | "West"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "United"
            | "Republic"
            | "Federation"
            | "Kingdom"
            | "Ireland"
            | "Scotland"
            | "Wales"
            | "England"
            | "Europe"
            | "Asia"
            | "Africa"
            | "Island"
            | "Islands"
            | "Rock"
            | "Street"
            | "Road"
            | "Avenue"
            | "Square"
            | "Bridge"
            | "River"
            | "Lake"
            | "Mount"
            | "Valley"
            | "County"
            | "City"
            | "Town"
    ) || is_place(word)
        || is_demonym(word)
}

/// Nationality adjectives and plurals ("Korean", "South Koreans").
pub fn is_demonym(word: &str) -> bool {
    let w = word.strip_suffix('s').unwrap_or(word);
    w.ends_with("an") && word.len() > 4 && !word.ends_with("man")
        || matches!(
            w,
            "Chinese"
                | "Japanese"
                | "British"
                | "French"
                | "Polish"
                | "Turkish"
                | "Spanish"
                | "Israeli"
                | "Iraqi"
                | "Pakistani"
                | "Saudi"
                | "Thai"
                | "Swiss"
                | "Dutch"
                | "Irish"
                | "Vietnamese"
                | "Taiwanese"
                | "Danish"
                | "Swedish"
                | "Finnish"
                | "Yemeni"
                | "Kuwaiti"
                | "Qatari"
                | "Emirati"
                | "Bangladeshi"
                | "Nepali"
                | "Burmese"
                | "Lebanese"
                | "Sudanese"
                | "Congolese"
                | "Portuguese"
        )
}

/// Plural nouns that head a group of speakers ("some experts", "critics").
pub fn is_group_noun(word: &str) -> bool {
    matches!(
        word,
        "experts"
            | "analysts"
            | "observers"
            | "officials"
            | "critics"
            | "commentators"
            | "scholars"
            | "researchers"
            | "economists"
            | "diplomats"
            | "politicians"
            | "lawmakers"
            | "legislators"
            | "activists"
            | "sources"
            | "residents"
            | "citizens"
            | "voters"
            | "democrats"
            | "conservatives"
            | "liberals"
            | "progressives"
            | "leftists"
            | "rightists"
            | "nationalists"
            | "hawks"
            | "doves"
            | "authors"
            | "journalists"
            | "historians"
            | "specialists"
            | "scientists"
            | "investors"
            | "protesters"
            | "protestors"
            | "campaigners"
            | "supporters"
            | "opponents"
            | "leaders"
            | "ministers"
            | "generals"
            | "bloggers"
            | "pundits"
            | "strategists"
            | "academics"
            | "professors"
            | "veterans"
            | "officers"
            | "representatives"
            | "spokesmen"
            | "people"
            | "groups"
            | "organisations"
            | "organizations"
            | "ngos"
            | "charities"
            | "auditors"
            | "inspectors"
            | "investigators"
            | "prosecutors"
            | "regulators"
            | "doctors"
            | "engineers"
            | "lawyers"
            | "judges"
            | "teachers"
            | "parents"
            | "farmers"
            | "workers"
            | "unions"
            | "shopkeepers"
            | "retailers"
            | "businesses"
            | "companies"
            | "firms"
            | "banks"
            | "governments"
            | "members"
            | "delegates"
            | "negotiators"
            | "organisers"
            | "organizers"
            | "employers"
            | "traders"
            | "americans"
            | "europeans"
    ) || is_media_group_noun(word)
}

/// Plural or mass nouns for the press ("media", "newspapers").
pub fn is_media_group_noun(word: &str) -> bool {
    matches!(
        word,
        "media"
            | "outlets"
            | "newspapers"
            | "papers"
            | "press"
            | "publications"
            | "broadcasters"
            | "tabloids"
            | "editorials"
            | "columnists"
            | "commentaries"
    )
}

/// Singular nouns that point back at a speaker already named: "the
/// professor", "the publication", "the ministry".
pub fn anaphor_noun(word: &str) -> Option<Anaphor> {
    Some(match word {
        "publication" | "newspaper" | "paper" | "outlet" | "magazine" | "daily" | "weekly"
        | "broadcaster" | "channel" | "tabloid" | "website" => Anaphor::Media,
        "ministry" | "department" | "government" | "administration" | "agency" | "office"
        | "organisation" | "organization" | "institution" | "bloc" | "alliance" | "union"
        | "commission" | "council" | "committee" | "kremlin" | "embassy" | "side" | "bank"
        | "company" | "firm" | "federation" | "association" | "party" | "university"
        | "institute" | "court" | "authority" | "regulator" | "watchdog" | "city"
        | "municipality" | "board" | "trust" | "foundation" | "charity" | "club" => {
            Anaphor::Institution
        }
        "expert" | "analyst" | "scholar" | "researcher" | "historian" | "professor"
        | "minister" | "spokesman" | "spokeswoman" | "spokesperson" | "official" | "diplomat"
        | "journalist" | "president" | "leader" | "ambassador" | "economist" | "politician"
        | "lawmaker" | "senator" | "general" | "commentator" | "specialist" | "academic"
        | "scientist" | "envoy" | "secretary" | "chairman" | "director" | "fellow" | "chief"
        | "columnist" | "editor" | "activist" => Anaphor::Person,
        _ => return None,
    })
}

/// What an anaphoric noun phrase may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anaphor {
    Person,
    Media,
    Institution,
}

pub fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "both"
            | "one"
            | "another"
            | "each"
            | "every"
    )
}

pub fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "of" | "at"
            | "for"
            | "from"
            | "in"
            | "with"
            | "to"
            | "on"
            | "around"
            | "under"
            | "within"
            | "among"
            | "across"
            | "by"
            | "against"
            | "about"
            | "into"
            | "over"
            | "after"
            | "before"
            | "during"
            | "between"
            | "through"
            | "without"
            | "toward"
            | "towards"
            | "near"
            | "behind"
            | "since"
            | "like"
            | "than"
            | "via"
            | "per"
    )
}

/// Small words that are never part of a speaker's noun phrase.
pub fn is_function_word(word: &str) -> bool {
    is_preposition(word)
        || matches!(
            word,
            "and"
                | "or"
                | "but"
                | "nor"
                | "so"
                | "yet"
                | "if"
                | "when"
                | "while"
                | "as"
                | "because"
                | "although"
                | "though"
                | "since"
                | "unless"
                | "whether"
                | "that"
                | "which"
                | "who"
                | "whom"
                | "whose"
                | "what"
                | "where"
                | "how"
                | "why"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "being"
                | "has"
                | "have"
                | "had"
                | "do"
                | "does"
                | "did"
                | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "shall"
                | "should"
                | "not"
                | "it"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "there"
                | "here"
                | "then"
                | "thus"
                | "also"
        )
}

/// Modal verbs and "to": a speech verb after them reports nothing yet.
pub fn is_modal(word: &str) -> bool {
    matches!(
        word,
        "can"
            | "cannot"
            | "can't"
            | "could"
            | "would"
            | "might"
            | "may"
            | "must"
            | "should"
            | "shall"
            | "to"
            | "will"
            | "won't"
            | "wouldn't"
            | "couldn't"
            | "shouldn't"
            | "let"
            | "let's"
            | "let’s"
    )
}

/// Words that may stand between a subject and its speech verb.
pub fn is_adverb_between(word: &str) -> bool {
    word.len() > 3 && word.ends_with("ly") && !matches!(word, "italy" | "july" | "ally")
        || matches!(
            word,
            "also"
                | "further"
                | "even"
                | "still"
                | "again"
                | "once"
                | "now"
                | "then"
                | "later"
                | "has"
                | "have"
                | "had"
                | "did"
                | "does"
                | "do"
                | "too"
                | "often"
                | "already"
                | "however"
                | "previously"
                | "yet"
                | "never"
                | "not"
                | "always"
                | "rightly"
                | "long"
                | "earlier"
                | "recently"
                | "separately"
                | "similarly"
                | "soon"
                | "reportedly"
                | "privately"
                | "publicly"
        )
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

/// Abbreviations after which a full stop does not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "St"
            | "Jr"
            | "Sr"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Rep"
            | "Sen"
            | "Gov"
            | "Pres"
            | "No"
            | "vs"
            | "etc"
            | "e.g"
            | "i.e"
            | "Inc"
            | "Ltd"
            | "Co"
            | "Corp"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Mt"
            | "Ft"
            | "Rev"
            | "Adm"
            | "Cmdr"
            | "Maj"
            | "approx"
            | "cf"
            | "al"
            | "Fig"
            | "Vol"
            | "p"
            | "pp"
            | "Gov't"
    )
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

/// Ordinals and sequence words that announce a group in the text ("The
/// second line of discussion", "A further category").
pub fn is_sequence_word(word: &str) -> bool {
    matches!(
        word,
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "next"
            | "further"
            | "final"
            | "last"
            | "another"
            | "other"
            | "latter"
            | "former"
    )
}

/// Nouns for a group of reactions ("category", "line of discussion").
pub fn is_grouping_noun(word: &str) -> bool {
    matches!(
        word,
        "category"
            | "categories"
            | "group"
            | "line"
            | "type"
            | "kind"
            | "set"
            | "strand"
            | "camp"
            | "school"
            | "theme"
            | "cluster"
            | "block"
            | "bloc"
            | "wave"
            | "circle"
            | "trend"
            | "strain"
            | "current"
            | "thread"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

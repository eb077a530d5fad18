//! Writes a synthetic Quotebank corpus (quotation-centric JSON Lines), the
//! same for the same arguments: for tests and benchmarks.
//!
//! ```sh
//! cargo run --release --example gen_quotebank -- --quotes 1000000 --out corpus.jsonl
//! cargo run --release --example gen_quotebank -- --quotes 1000 --out c.jsonl.bz2 --malformed 3
//! ```
//!
//! Options: `--quotes N` (default 1000), `--out PATH` (required; bzip2 when
//! it ends in `.bz2`), `--seed N`, `--malformed N` (that many broken lines,
//! spread through the file), `--lines PATH` (also write every quote as one
//! plain line, "speaker: quotation", the input `fzf` gets in the benchmarks).
//!
//! Quotations are 80 to 300 characters of English-like text; there are
//! thousands of speakers (about one per hundred quotes, a few of them very
//! talkative), some with accented names, some without a Wikidata id, and
//! about 8% of quotes have no known speaker ("None"). Andrei Lankov is one of
//! the speakers, and "ammunition" is one of the words, so that the benchmark
//! queries find something.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const FIRST: &[&str] = &[
    "John",
    "Mary",
    "Robert",
    "Patricia",
    "Michael",
    "Linda",
    "William",
    "Barbara",
    "David",
    "Elizabeth",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Daniel",
    "Nancy",
    "Matthew",
    "Lisa",
    "Anthony",
    "Betty",
    "Mark",
    "Sandra",
    "Steven",
    "Ashley",
    "Paul",
    "Kimberly",
    "Andrew",
    "Emily",
    "Joshua",
    "Donna",
    "Kenneth",
    "Michelle",
    "Kevin",
    "Carol",
    "Brian",
    "Amanda",
    "George",
    "Melissa",
    "Timothy",
    "Deborah",
    "Ramón",
    "Jürgen",
    "Zoë",
    "François",
    "Søren",
    "Ivan",
    "Olga",
    "Sergei",
    "Yuki",
    "Hiroshi",
    "Min-jun",
    "Ji-woo",
    "Wei",
    "Fatima",
    "Ahmed",
    "Priya",
];

const LAST: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "Green",
    "Adams",
    "Nelson",
    "Baker",
    "Hall",
    "Rivera",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Müller",
    "Pacheco Pardo",
    "Ólafsdóttir",
    "Kowalski",
    "Petrov",
    "Ivanova",
    "Tanaka",
    "Kim",
    "Park",
    "Chen",
    "Khan",
    "Cronin",
    "Roehrig",
    "Merrill",
    "Lukin",
    "Grossi",
    "Kirby",
    "Blinken",
    "Cha",
    "Stangarone",
];

const WORDS: &[&str] = &[
    "the",
    "the",
    "the",
    "of",
    "of",
    "and",
    "and",
    "to",
    "to",
    "a",
    "a",
    "in",
    "in",
    "is",
    "that",
    "it",
    "for",
    "we",
    "will",
    "not",
    "this",
    "be",
    "are",
    "with",
    "on",
    "have",
    "our",
    "they",
    "people",
    "government",
    "country",
    "think",
    "very",
    "important",
    "now",
    "time",
    "year",
    "years",
    "new",
    "world",
    "more",
    "can",
    "there",
    "about",
    "what",
    "do",
    "all",
    "would",
    "their",
    "which",
    "has",
    "been",
    "because",
    "going",
    "make",
    "sure",
    "need",
    "really",
    "believe",
    "economy",
    "security",
    "president",
    "minister",
    "policy",
    "support",
    "market",
    "future",
    "today",
    "together",
    "work",
    "working",
    "good",
    "great",
    "continue",
    "change",
    "decision",
    "agreement",
    "talks",
    "region",
    "peace",
    "military",
    "ammunition",
    "weapons",
    "sanctions",
    "trade",
    "growth",
    "energy",
    "climate",
    "health",
    "vaccine",
    "election",
    "campaign",
    "vote",
    "voters",
    "parliament",
    "court",
    "law",
    "rights",
    "freedom",
    "press",
    "alliance",
    "partners",
    "allies",
    "neighbours",
    "border",
    "crisis",
    "risk",
    "threat",
    "nuclear",
    "missile",
    "technology",
    "cooperation",
    "dialogue",
    "pressure",
    "response",
    "community",
    "families",
    "children",
    "schools",
    "jobs",
    "workers",
    "companies",
    "investment",
    "prices",
    "inflation",
    "budget",
    "taxes",
    "reform",
    "plan",
    "strategy",
    "leadership",
    "team",
    "season",
    "game",
    "players",
    "fans",
    "coach",
    "win",
    "lost",
    "proud",
    "hope",
    "clear",
    "serious",
    "concern",
    "opportunity",
    "challenge",
    "difficult",
    "simple",
    "strong",
    "committed",
    "history",
    "moment",
    "step",
    "forward",
    "back",
    "again",
    "never",
    "always",
    "every",
    "some",
    "many",
    "few",
    "other",
    "first",
    "last",
    "long",
    "short",
    "right",
    "wrong",
    "Korea",
    "Russia",
    "Ukraine",
    "China",
    "Europe",
    "America",
    "Washington",
    "Moscow",
    "Seoul",
    "Pyongyang",
    "Beijing",
    "Brussels",
    "café",
    "naïve",
    "déjà",
    "vu",
];

const OUTLETS: &[&str] = &[
    "dailyherald",
    "newsobserver",
    "thetimes",
    "globepost",
    "eveningstandard",
    "worldreport",
    "citypress",
    "nationaltribune",
    "morningchronicle",
    "pacificnews",
];

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

struct Speaker {
    name: String,
    qid: Option<String>,
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub quotes: usize,
    pub seed: u64,
    /// How many lines to break, spread through the file.
    pub malformed: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            quotes: 1000,
            seed: 2020,
            malformed: 0,
        }
    }
}

struct Args {
    options: Options,
    out: PathBuf,
    lines: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        options: Options::default(),
        out: PathBuf::new(),
        lines: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--quotes" => {
                args.options.quotes = value()?.parse().map_err(|e| format!("--quotes: {e}"))?
            }
            "--out" => args.out = value()?.into(),
            "--seed" => args.options.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--malformed" => {
                args.options.malformed =
                    value()?.parse().map_err(|e| format!("--malformed: {e}"))?
            }
            "--lines" => args.lines = Some(value()?.into()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if args.out.as_os_str().is_empty() {
        return Err("--out PATH is required".into());
    }
    Ok(args)
}

fn speakers(rng: &mut Rng, n: usize) -> Vec<Speaker> {
    let mut out = vec![Speaker {
        name: "Andrei Lankov".into(),
        qid: Some("Q4347".into()),
    }];
    let mut seen = std::collections::HashSet::new();
    seen.insert("Andrei Lankov".to_string());
    while out.len() < n {
        let mut name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        if seen.contains(&name) {
            // Beyond the plain combinations, a middle initial.
            name = format!(
                "{} {}. {}",
                rng.pick(FIRST),
                (b'A' + rng.below(26) as u8) as char,
                rng.pick(LAST)
            );
            if seen.contains(&name) {
                continue;
            }
        }
        seen.insert(name.clone());
        let qid = (rng.below(10) != 0).then(|| format!("Q{}", 1000 + rng.below(90_000_000)));
        out.push(Speaker { name, qid });
    }
    // Neither the most talkative nor the quietest.
    let middle = n / 2;
    out.swap(0, middle);
    out
}

fn quotation(rng: &mut Rng) -> String {
    let target = 80 + rng.below(221);
    let mut s = String::with_capacity(target + 16);
    let mut sentence_start = true;
    loop {
        let word = match rng.below(1000) {
            0 => "Lankov",
            1..=3 => "\"really\"",
            _ => rng.pick(WORDS),
        };
        let candidate = s.chars().count() + word.chars().count() + 2;
        if candidate > target && s.chars().count() >= 80 {
            break;
        }
        if candidate > 300 {
            break;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        if sentence_start {
            let mut cs = word.chars();
            if let Some(f) = cs.next() {
                s.extend(f.to_uppercase());
                s.push_str(cs.as_str());
            }
        } else {
            s.push_str(word);
        }
        sentence_start = rng.below(12) == 0;
        if sentence_start {
            s.push('.');
        }
    }
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Writes the corpus to `path` (bzip2 when it ends in `.bz2`), and the plain
/// lines to `lines` when given.
pub fn write_file(
    options: Options,
    path: &std::path::Path,
    lines: Option<&std::path::Path>,
) -> io::Result<()> {
    let file = File::create(path)?;
    let mut out: Box<dyn Write> = if path.to_string_lossy().ends_with(".bz2") {
        Box::new(bzip2::write::BzEncoder::new(
            BufWriter::with_capacity(1 << 20, file),
            bzip2::Compression::default(),
        ))
    } else {
        Box::new(BufWriter::with_capacity(1 << 20, file))
    };
    let mut lines: Option<Box<dyn Write>> = match lines {
        Some(p) => Some(Box::new(BufWriter::with_capacity(
            1 << 20,
            File::create(p)?,
        ))),
        None => None,
    };
    generate(
        options,
        &mut out,
        lines.as_mut().map(|l| l as &mut dyn Write),
    )?;
    out.flush()?;
    if let Some(l) = &mut lines {
        l.flush()?;
    }
    Ok(())
}

/// Writes the corpus to `out`, and every kept quote as "speaker: quotation"
/// to `lines` when given.
pub fn generate(
    options: Options,
    out: &mut dyn Write,
    mut lines: Option<&mut dyn Write>,
) -> io::Result<()> {
    let mut rng = Rng(options.seed);
    let n_speakers = (options.quotes / 100).clamp(20, 10_000);
    let speakers = speakers(&mut rng, n_speakers);
    let every = match options.malformed {
        0 => usize::MAX,
        m => (options.quotes / (m + 1)).max(1),
    };
    let mut broken = 0;
    for i in 0..options.quotes {
        // Quotes in date order, over two years.
        let day = (i * 730 / options.quotes.max(1)) as u32;
        let (y, m, d) = date_of(day);
        let id = format!("{y:04}-{m:02}-{d:02}-{i:06}");
        let text = quotation(&mut rng);
        // A few talkative speakers, a long tail of occasional ones.
        let unknown = rng.below(100) < 8;
        let s = &speakers[((rng.unit().powi(3)) * speakers.len() as f64) as usize];
        let s = if rng.below(2000) == 0 {
            &speakers[speakers.len() / 2]
        } else {
            s
        };
        let (speaker, qids, probas) = if unknown {
            (
                "None".to_string(),
                "[]".to_string(),
                r#"[["None", "0.6512"]]"#.to_string(),
            )
        } else {
            let p = 0.5 + rng.unit() * 0.5;
            (
                s.name.clone(),
                match &s.qid {
                    Some(q) => format!("[\"{q}\"]"),
                    None => "[]".into(),
                },
                format!(
                    "[[{}, \"{p:.4}\"], [\"None\", \"{:.4}\"]]",
                    json(&s.name),
                    1.0 - p
                ),
            )
        };
        let mut urls = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let slug: Vec<&str> = (0..3 + rng.below(6)).map(|_| rng.pick(WORDS)).collect();
            urls.push(json(&format!(
                "https://www.{}.com/{y:04}/{m:02}/{d:02}/{}",
                rng.pick(OUTLETS),
                slug.join("-").to_lowercase()
            )));
        }
        let line = format!(
            "{{\"quoteID\": \"{id}\", \"quotation\": {}, \"speaker\": {}, \"qids\": {qids}, \"date\": \"{y:04}-{m:02}-{d:02} {:02}:{:02}:00\", \"numOccurrences\": {}, \"probas\": {probas}, \"urls\": [{}], \"phase\": \"E\"}}\n",
            json(&text),
            json(&speaker),
            rng.below(24),
            rng.below(60),
            1 + rng.below(20),
            urls.join(", ")
        );
        if broken < options.malformed && (i + 1) % every == 0 {
            broken += 1;
            // Truncated lines, as a cut download leaves them, and lines
            // without their quotation.
            let bad = if broken % 2 == 1 {
                line[..line.len() / 2].to_string() + "\n"
            } else {
                format!("{{\"quoteID\": \"{id}\", \"speaker\": \"Nobody\"}}\n")
            };
            out.write_all(bad.as_bytes())?;
            continue;
        }
        out.write_all(line.as_bytes())?;
        if let Some(l) = &mut lines {
            let name = if unknown { "Unknown speaker" } else { &s.name };
            writeln!(l, "{name}: {text}")?;
        }
    }
    Ok(())
}

/// Day `n` from 1 January 2019.
fn date_of(mut n: u32) -> (u32, u32, u32) {
    let mut y = 2019;
    loop {
        let leap = y % 4 == 0;
        let len = if leap { 366 } else { 365 };
        if n < len {
            let months = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ];
            let mut m = 0;
            while n >= months[m] {
                n -= months[m];
                m += 1;
            }
            return (y, m as u32 + 1, n + 1);
        }
        n -= len;
        y += 1;
    }
}

fn main() -> ExitCode {
    match parse_args() {
        Err(e) => {
            eprintln!("gen_quotebank: {e}");
            ExitCode::from(2)
        }
        Ok(args) => match write_file(args.options, &args.out, args.lines.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("gen_quotebank: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

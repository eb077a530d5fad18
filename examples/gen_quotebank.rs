//! Writes a synthetic Quotebank corpus (quotation-centric JSON Lines), the
//! same for the same arguments: for tests and benchmarks.
//!
//! ```sh
//! cargo run --release --example gen_quotebank -- --quotes 1000000 --out corpus.jsonl
//! cargo run --release --example gen_quotebank -- --quotes 1000 --out c.jsonl.bz2 --malformed 3
//! cargo run --release --example gen_quotebank -- --quotes 10000000 --out q.jsonl --files 10
//! ```
//!
//! Options: `--quotes N` (default 1000), `--out PATH` (required; bzip2 when
//! it ends in `.bz2`), `--seed N`, `--malformed N` (that many broken lines,
//! spread through the file), `--lines PATH` (also write every quote as one
//! plain line, "speaker: quotation", the input `fzf` gets in the benchmarks),
//! `--files N` (write the corpus as N files of consecutive quotes, PATH with
//! -01, -02… before its extension; together they are the one-file corpus),
//! `--words PATH` (the word list, one word a line, instead of
//! `/usr/share/dict/american-english-large` from Debian's `wamerican-large`).
//!
//! Quotations are 80 to 300 characters of words drawn with Zipf's law
//! (exponent 1, by rank) from a vocabulary of about 115,000 English words:
//! a built-in list of about 180 common and news words takes the most
//! frequent ranks, then the word list's lowercase ASCII words, sorted and
//! shuffled by the seed. Without the word list there is only the built-in
//! list (a note on stderr says so). The speakers are combinations of first
//! and last names (with a middle initial beyond them), about one per hundred
//! quotes up to 100,000, a few of them very talkative; some have accented
//! names, some no Wikidata id, and about 8% of quotes have no known speaker
//! ("None"). For the benchmark queries: Andrei Lankov says one quote in
//! 5,000 and Troy Stangarone one in 10,000, and about one quote in 200 says
//! "ammunition".

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
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
    "Troy",
    "James",
    "Jennifer",
    "Christopher",
    "Margaret",
    "Jonathan",
    "Rebecca",
    "Peter",
    "Anna",
    "Samuel",
    "Catherine",
    "Benjamin",
    "Victoria",
    "Nicholas",
    "Helen",
    "Alexander",
    "Laura",
    "Gregory",
    "Rachel",
    "Patrick",
    "Julia",
    "Eric",
    "Hannah",
    "Stephen",
    "Claire",
    "Adam",
    "Natalie",
    "Jacob",
    "Sophie",
    "Henry",
    "Grace",
    "Lucas",
    "Chloé",
    "Mateo",
    "Lucía",
    "José",
    "María",
    "Andrés",
    "Inês",
    "João",
    "Élodie",
    "Hélène",
    "Mathieu",
    "Björn",
    "Åsa",
    "Magnus",
    "Ingrid",
    "Lars",
    "Dmitri",
    "Natalia",
    "Alexei",
    "Tatiana",
    "Yevgeny",
    "Oksana",
    "Taras",
    "Piotr",
    "Małgorzata",
    "Tomáš",
    "Zuzana",
    "Ştefan",
    "Ayşe",
    "Mehmet",
    "Leila",
    "Omar",
    "Yusuf",
    "Amina",
    "Rajesh",
    "Ananya",
    "Arjun",
    "Li",
    "Xiao",
    "Jun",
    "Mei",
    "Haruki",
    "Sakura",
    "Kenji",
    "Seo-yeon",
    "Hyun-woo",
    "Nguyễn",
    "Thanh",
    "Kwame",
    "Ngozi",
    "Chinedu",
    "Aisha",
    "Siobhán",
    "Seán",
    "Eoin",
    "Niamh",
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
    "Evans",
    "Edwards",
    "Collins",
    "Stewart",
    "Morris",
    "Murphy",
    "Cook",
    "Rogers",
    "Morgan",
    "Peterson",
    "Cooper",
    "Reed",
    "Bailey",
    "Bell",
    "Gomez",
    "Kelly",
    "Howard",
    "Ward",
    "Cox",
    "Diaz",
    "Richardson",
    "Wood",
    "Watson",
    "Brooks",
    "Bennett",
    "Gray",
    "James",
    "Reyes",
    "Cruz",
    "Hughes",
    "Price",
    "Myers",
    "Long",
    "Foster",
    "Sanders",
    "Ross",
    "Morales",
    "Powell",
    "Sullivan",
    "Russell",
    "Ortiz",
    "Jenkins",
    "Gutiérrez",
    "Fernández",
    "Peña",
    "Muñoz",
    "Álvarez",
    "Gonçalves",
    "Lefèvre",
    "Dubois",
    "Moreau",
    "Girard",
    "Schröder",
    "Weiß",
    "Schäfer",
    "Fischer",
    "Becker",
    "Hoffmann",
    "Jansen",
    "de Vries",
    "Van den Berg",
    "Nowak",
    "Wiśniewska",
    "Dvořák",
    "Novák",
    "Horváth",
    "Kovačević",
    "Popescu",
    "Papadopoulos",
    "Yılmaz",
    "Öztürk",
    "Smirnov",
    "Kuznetsov",
    "Sokolova",
    "Shevchenko",
    "Kovalenko",
    "Andersson",
    "Johansson",
    "Nielsen",
    "Hansen",
    "Virtanen",
    "Sato",
    "Suzuki",
    "Takahashi",
    "Watanabe",
    "Yamamoto",
    "Choi",
    "Jung",
    "Kang",
    "Yoon",
    "Wang",
    "Zhang",
    "Liu",
    "Huang",
    "Zhao",
    "Singh",
    "Patel",
    "Sharma",
    "Gupta",
    "Rahman",
    "Hussain",
    "Haddad",
    "Okafor",
    "Mensah",
    "Mwangi",
    "O'Brien",
    "O'Connor",
    "Ní Bhriain",
    "MacDonald",
    "Fitzgerald",
];

const COMMON: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "a",
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

/// Where Debian's `wamerican-large` puts its word list.
pub const DICTIONARY: &str = "/usr/share/dict/american-english-large";

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

/// The words of the quotations, by rank, drawn with Zipf's law (the word of
/// rank r with a weight of 1/r) through an alias table: one random number a
/// word.
pub struct Vocabulary {
    words: Vec<String>,
    /// Alias method: keep word i when the low 32 bits are below
    /// `keep[i]`, else take `alias[i]`.
    keep: Vec<u32>,
    alias: Vec<u32>,
}

impl Vocabulary {
    /// The common words first (they are the most frequent ranks), then the
    /// lowercase ASCII words of `list` (one a line), deduplicated, sorted
    /// and shuffled by `seed`. "ammunition" is left out: quotes get it at a
    /// fixed rate instead.
    pub fn new(list: &str, seed: u64) -> Vocabulary {
        let mut extra: Vec<&str> = list
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
            .filter(|w| *w != "ammunition" && !COMMON.contains(w))
            .collect();
        extra.sort_unstable();
        extra.dedup();
        let mut rng = Rng(seed ^ 0x5EED_0F57_0CAB);
        for i in (1..extra.len()).rev() {
            extra.swap(i, rng.below(i + 1));
        }
        let words: Vec<String> = COMMON
            .iter()
            .chain(extra.iter())
            .map(|w| w.to_string())
            .collect();
        Vocabulary::ranked(words)
    }

    /// The vocabulary of `path`, or of [`DICTIONARY`] when `None`; without
    /// that file, the built-in common words alone (with a note on stderr).
    pub fn load(path: Option<&Path>, seed: u64) -> io::Result<Vocabulary> {
        match path {
            Some(p) => {
                let list = std::fs::read_to_string(p)
                    .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", p.display())))?;
                Ok(Vocabulary::new(&list, seed))
            }
            None => match std::fs::read_to_string(DICTIONARY) {
                Ok(list) => Ok(Vocabulary::new(&list, seed)),
                Err(_) => {
                    eprintln!(
                        "gen_quotebank: note: {DICTIONARY} not found (Debian package \
                         wamerican-large); using a small built-in vocabulary of {} words",
                        COMMON.len()
                    );
                    Ok(Vocabulary::new("", seed))
                }
            },
        }
    }

    fn ranked(words: Vec<String>) -> Vocabulary {
        let n = words.len();
        let total: f64 = (1..=n).map(|r| 1.0 / r as f64).sum();
        // Vose's alias method over weights scaled to a mean of 1.
        let mut scaled: Vec<f64> = (1..=n).map(|r| n as f64 / (r as f64 * total)).collect();
        let mut keep = vec![u32::MAX; n];
        let mut alias: Vec<u32> = (0..n as u32).collect();
        let (mut small, mut large): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&i| scaled[i] < 1.0);
        while let (Some(s), Some(&l)) = (small.pop(), large.last()) {
            keep[s] = (scaled[s] * u32::MAX as f64) as u32;
            alias[s] = l as u32;
            scaled[l] -= 1.0 - scaled[s];
            if scaled[l] < 1.0 {
                large.pop();
                small.push(l);
            }
        }
        Vocabulary { words, keep, alias }
    }

    fn draw(&self, rng: &mut Rng) -> &str {
        let r = rng.next();
        let i = (((r >> 32) * self.words.len() as u64) >> 32) as usize;
        let i = if (r as u32) < self.keep[i] {
            i
        } else {
            self.alias[i] as usize
        };
        &self.words[i]
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
    words: Option<PathBuf>,
    files: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        options: Options::default(),
        out: PathBuf::new(),
        lines: None,
        words: None,
        files: 1,
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
            "--words" => args.words = Some(value()?.into()),
            "--files" => {
                args.files = value()?.parse().map_err(|e| format!("--files: {e}"))?;
                if args.files == 0 {
                    return Err("--files must be at least 1".into());
                }
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if args.out.as_os_str().is_empty() {
        return Err("--out PATH is required".into());
    }
    Ok(args)
}

/// Speakers with a fixed share of the quotes, whatever the corpus size.
const LANKOV: &str = "Andrei Lankov";
const STANGARONE: &str = "Troy Stangarone";

fn speakers(rng: &mut Rng, n: usize) -> Vec<Speaker> {
    let mut out = Vec::with_capacity(n);
    let mut seen = std::collections::HashSet::new();
    seen.insert(LANKOV.to_string());
    seen.insert(STANGARONE.to_string());
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
    out
}

fn quotation(rng: &mut Rng, vocabulary: &Vocabulary) -> String {
    let target = 80 + rng.below(221);
    // About one quote in 200 says "ammunition", as its first to sixth word.
    let ammunition = (rng.below(200) == 0).then(|| rng.below(6));
    let mut s = String::with_capacity(target + 16);
    let mut chars = 0;
    let mut sentence_start = true;
    for n in 0.. {
        let word = match rng.below(1000) {
            _ if ammunition == Some(n) => "ammunition",
            0 => "Lankov",
            1..=3 => "\"really\"",
            _ => vocabulary.draw(rng),
        };
        let len = word.chars().count();
        let candidate = chars + len + 2;
        if candidate > target && chars >= 80 {
            break;
        }
        if candidate > 300 {
            break;
        }
        if !s.is_empty() {
            s.push(' ');
            chars += 1;
        }
        chars += len;
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
            chars += 1;
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

/// The `k`-th of `files` paths for `path`: "-01", "-02"… before its
/// extension (".jsonl", ".jsonl.bz2"), or `path` itself for one file.
pub fn part_path(path: &Path, k: usize, files: usize) -> PathBuf {
    if files <= 1 {
        return path.to_path_buf();
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (rest, bz2) = match name.strip_suffix(".bz2") {
        Some(r) => (r, ".bz2"),
        None => (name.as_str(), ""),
    };
    let (stem, ext) = match rest.rfind('.') {
        Some(i) if i > 0 => rest.split_at(i),
        _ => (rest, ""),
    };
    let width = files.to_string().len().max(2);
    path.with_file_name(format!("{stem}-{:0width$}{ext}{bz2}", k + 1))
}

/// Writes the corpus to `path` (bzip2 when it ends in `.bz2`), and the plain
/// lines to `lines` when given, with the vocabulary of [`DICTIONARY`].
pub fn write_file(options: Options, path: &Path, lines: Option<&Path>) -> io::Result<()> {
    let vocabulary = Vocabulary::load(None, options.seed)?;
    write_files(options, &vocabulary, path, 1, lines).map(|_| ())
}

/// Writes the corpus as `files` files (see [`part_path`]), consecutive runs
/// of quotes that together are the one-file corpus; returns their paths.
pub fn write_files(
    options: Options,
    vocabulary: &Vocabulary,
    path: &Path,
    files: usize,
    lines: Option<&Path>,
) -> io::Result<Vec<PathBuf>> {
    let paths: Vec<PathBuf> = (0..files.max(1))
        .map(|k| part_path(path, k, files))
        .collect();
    let mut outs: Vec<Box<dyn Write>> = Vec::with_capacity(paths.len());
    for p in &paths {
        let file = BufWriter::with_capacity(1 << 20, File::create(p)?);
        outs.push(if p.to_string_lossy().ends_with(".bz2") {
            Box::new(bzip2::write::BzEncoder::new(
                file,
                bzip2::Compression::default(),
            ))
        } else {
            Box::new(file)
        });
    }
    let mut lines: Option<Box<dyn Write>> = match lines {
        Some(p) => Some(Box::new(BufWriter::with_capacity(
            1 << 20,
            File::create(p)?,
        ))),
        None => None,
    };
    generate(
        options,
        vocabulary,
        &mut outs,
        lines.as_mut().map(|l| l as &mut dyn Write),
    )?;
    for o in &mut outs {
        o.flush()?;
    }
    if let Some(l) = &mut lines {
        l.flush()?;
    }
    Ok(paths)
}

/// Writes the corpus to `outs` (the quotes in order, split into as many
/// runs as there are outputs), and every kept quote as "speaker: quotation"
/// to `lines` when given.
pub fn generate(
    options: Options,
    vocabulary: &Vocabulary,
    outs: &mut [Box<dyn Write>],
    mut lines: Option<&mut dyn Write>,
) -> io::Result<()> {
    let mut rng = Rng(options.seed);
    // About one speaker a hundred quotes, as in Quotebank.
    let n_speakers = (options.quotes / 100).clamp(20, 100_000);
    let speakers = speakers(&mut rng, n_speakers);
    let lankov = Speaker {
        name: LANKOV.into(),
        qid: Some("Q4347".into()),
    };
    let stangarone = Speaker {
        name: STANGARONE.into(),
        qid: None,
    };
    // One quote in 5,000 is Lankov's and one in 10,000 Stangarone's, at
    // least one each in a small corpus.
    let lankov_at = (options.quotes / 2).min(2500);
    let mut stangarone_at = (options.quotes / 3).min(6000);
    if stangarone_at % 5000 == lankov_at {
        stangarone_at += 1;
    }
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
        let text = quotation(&mut rng, vocabulary);
        // A few talkative speakers, a long tail of occasional ones.
        let mut unknown = rng.below(100) < 8;
        let mut s = &speakers[((rng.unit().powi(3)) * speakers.len() as f64) as usize];
        if i % 5000 == lankov_at {
            (s, unknown) = (&lankov, false);
        } else if i % 10_000 == stangarone_at {
            (s, unknown) = (&stangarone, false);
        }
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
            let slug: Vec<&str> = (0..3 + rng.below(6))
                .map(|_| vocabulary.draw(&mut rng))
                .collect();
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
        let out = &mut outs[i * outs.len() / options.quotes];
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
        Ok(args) => match Vocabulary::load(args.words.as_deref(), args.options.seed).and_then(
            |vocabulary| {
                write_files(
                    args.options,
                    &vocabulary,
                    &args.out,
                    args.files,
                    args.lines.as_deref(),
                )
            },
        ) {
            Ok(_) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("gen_quotebank: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

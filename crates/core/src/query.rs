//! The query language: fzf's extended-search syntax over words.
//!
//! - terms separated by spaces must all match (AND);
//! - `a | b` matches either (OR binds tighter than AND: `a | b c` is
//!   `(a or b) and c`);
//! - `word` matches a word that starts with it, with typos allowed by its
//!   length ([`typo_budget`]);
//! - `'word` matches a word that starts with it exactly, `'word'` only the
//!   whole word;
//! - `^word` matches a text whose first word starts with it, `word$` one
//!   whose last word ends with it;
//! - `"a phrase"` matches the words in a row;
//! - `!term` (and `!'term`, `!^term`, `!term$`, `!"a phrase"`) excludes what
//!   `term` matches exactly.
//!
//! Smart case: a term with an upper-case letter matches case-sensitively
//! (anchored terms and phrases match in any case).
//! Terms are folded like the text ([`crate::text::fold`]): `é` finds `e`.

pub use crate::text::words;

/// How a term matches a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A word starting with the term, typos allowed.
    Fuzzy,
    /// A word starting with the term, no typos (`'term`).
    Prefix,
    /// The whole word (`'term'`).
    Word,
    /// The text's first word starts with it (`^term`).
    Start,
    /// The text's last word ends with it (`term$`).
    End,
    /// The words in a row (`"a phrase"`), each whole.
    Phrase,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    pub mode: Mode,
    pub negated: bool,
    /// Whether it matches case-sensitively (it has an upper-case letter).
    pub cased: bool,
    /// Its words, folded; lower-cased unless `cased`. A term such as
    /// `jong-un` has several, matched in a row like a phrase.
    pub words: Vec<String>,
}

/// Terms of which one must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub atoms: Vec<Atom>,
}

/// A parsed query: every group must match. No group: everything matches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub groups: Vec<Group>,
}

impl Query {
    /// Whether the query matches everything (it has no terms).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every term that is not negated.
    pub fn positive(&self) -> impl Iterator<Item = &Atom> {
        self.groups
            .iter()
            .flat_map(|g| g.atoms.iter())
            .filter(|a| !a.negated)
    }
}

/// Why a query cannot be parsed, and where (a character column, from 1).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("query column {column}: {message}")]
pub struct QueryError {
    pub column: usize,
    pub message: String,
}

/// How many typos a term of `chars` characters may have: none up to 4,
/// one from 5 to 8, two from 9.
pub fn typo_budget(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// A token of the query as typed: its text and starting column.
struct Token {
    text: String,
    column: usize,
    /// Whether it was written in double quotes.
    quoted: bool,
    /// Whether a `!` came before the opening double quote.
    negated: bool,
}

fn tokens(query: &str) -> Result<Vec<Token>, QueryError> {
    let chars: Vec<char> = query.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let column = i + 1;
        let negated_quote = chars[i] == '!' && chars.get(i + 1) == Some(&'"');
        if chars[i] == '"' || negated_quote {
            let open = if negated_quote { i + 1 } else { i };
            let Some(len) = chars[open + 1..].iter().position(|&c| c == '"') else {
                return Err(QueryError {
                    column: open + 1,
                    message: "unclosed '\"': close the phrase with another '\"'".into(),
                });
            };
            out.push(Token {
                text: chars[open + 1..open + 1 + len].iter().collect(),
                column,
                quoted: true,
                negated: negated_quote,
            });
            i = open + len + 2;
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        out.push(Token {
            text: chars[start..i].iter().collect(),
            column,
            quoted: false,
            negated: false,
        });
    }
    Ok(out)
}

/// Parses `query`; an empty query (or one of spaces) has no groups.
pub fn parse(query: &str) -> Result<Query, QueryError> {
    let mut groups: Vec<Group> = Vec::new();
    // Whether the previous token was a `|` (the next atom joins the group).
    let mut join = false;
    let mut last_bar = 0;
    for token in tokens(query)? {
        if !token.quoted && token.text == "|" {
            if groups.is_empty() || join {
                return Err(QueryError {
                    column: token.column,
                    message: "'|' needs a term on each side".into(),
                });
            }
            join = true;
            last_bar = token.column;
            continue;
        }
        let Some(atom) = atom(&token)? else {
            // Punctuation only: it matches nothing as a word, so it is
            // ignored (as a search box ignores it).
            continue;
        };
        match groups.last_mut() {
            Some(g) if join => g.atoms.push(atom),
            _ => groups.push(Group { atoms: vec![atom] }),
        }
        join = false;
    }
    if join {
        return Err(QueryError {
            column: last_bar,
            message: "'|' needs a term on each side".into(),
        });
    }
    Ok(Query { groups })
}

fn atom(token: &Token) -> Result<Option<Atom>, QueryError> {
    let cased = token.text.chars().any(char::is_uppercase);
    if token.quoted {
        // A phrase matches case-insensitively (the index keeps word
        // positions in lower case only).
        let words: Vec<String> = words(&token.text, false)
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        if words.is_empty() {
            return Ok(None);
        }
        return Ok(Some(Atom {
            mode: Mode::Phrase,
            negated: token.negated,
            cased: false,
            words,
        }));
    }
    let mut rest = token.text.as_str();
    let negated = rest.starts_with('!');
    if negated {
        rest = &rest[1..];
    }
    let mode = if let Some(r) = rest.strip_prefix('\'') {
        rest = r;
        match rest.strip_suffix('\'') {
            Some(r) if !r.is_empty() => {
                rest = r;
                Mode::Word
            }
            _ => Mode::Prefix,
        }
    } else if let Some(r) = rest.strip_prefix('^') {
        rest = r;
        Mode::Start
    } else if let Some(r) = rest.strip_suffix('$') {
        rest = r;
        Mode::End
    } else {
        Mode::Fuzzy
    };
    let words: Vec<String> = words(rest, cased).into_iter().map(|(_, w)| w).collect();
    if words.is_empty() {
        if rest.is_empty() {
            let op = &token.text;
            let example = if op.ends_with('$') {
                "word$".to_string()
            } else {
                format!("{op}word")
            };
            return Err(QueryError {
                column: token.column,
                message: format!("'{op}' needs a word, as in '{example}'"),
            });
        }
        return Ok(None);
    }
    // Anchors match case-insensitively (the index keeps first and last
    // words in lower case).
    let anchored = matches!(mode, Mode::Start | Mode::End);
    let words = if anchored && cased {
        words.iter().map(|w| w.to_lowercase()).collect()
    } else {
        words
    };
    Ok(Some(Atom {
        mode,
        negated,
        cased: cased && !anchored,
        words,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(q: &str) -> Atom {
        let parsed = parse(q).unwrap();
        assert_eq!(parsed.groups.len(), 1, "{q}");
        assert_eq!(parsed.groups[0].atoms.len(), 1, "{q}");
        parsed.groups[0].atoms[0].clone()
    }

    #[test]
    fn every_operator() {
        let a = one("lankov");
        assert_eq!((a.mode, a.negated, a.cased), (Mode::Fuzzy, false, false));
        assert_eq!(a.words, ["lankov"]);
        assert_eq!(one("'china").mode, Mode::Prefix);
        let w = one("'china'");
        assert_eq!(
            (w.mode, w.words.as_slice()),
            (Mode::Word, &["china".to_string()][..])
        );
        assert_eq!(one("^china").mode, Mode::Start);
        assert_eq!(one("china$").mode, Mode::End);
        let n = one("!china");
        assert_eq!((n.mode, n.negated), (Mode::Fuzzy, true));
        let ne = one("!'china");
        assert_eq!((ne.mode, ne.negated), (Mode::Prefix, true));
        let p = one("\"north korea\"");
        assert_eq!((p.mode, p.words.len()), (Mode::Phrase, 2));
        let np = one("!\"north korea\"");
        assert_eq!((np.mode, np.negated), (Mode::Phrase, true));
        let c = one("Kim");
        assert!(c.cased);
        assert_eq!(c.words, ["Kim"]);
        assert_eq!(one("Jong-un").words, ["Jong", "un"]);
        assert_eq!(one("Pékin").words, ["Pekin"]);
    }

    #[test]
    fn and_of_ors() {
        let q = parse("china | russia  war").unwrap();
        assert_eq!(q.groups.len(), 2);
        assert_eq!(q.groups[0].atoms.len(), 2);
        assert_eq!(q.groups[1].atoms[0].words, ["war"]);
        assert!(parse("").unwrap().is_empty());
        assert!(parse("   ").unwrap().is_empty());
        // Punctuation alone is no word: ignored.
        assert!(parse("— ,").unwrap().is_empty());
    }

    #[test]
    fn malformed_queries_are_errors_with_a_column() {
        for (q, column) in [
            ("|", 1),
            ("a |", 3),
            ("| a", 1),
            ("a | | b", 5),
            ("\"open", 1),
            ("a !\"open", 4),
            ("!", 1),
            ("'", 1),
            ("^", 1),
            ("$", 1),
            ("a !'", 3),
        ] {
            let e = parse(q).unwrap_err();
            assert_eq!(e.column, column, "{q}: {e}");
            assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn words_keep_offsets_and_fold() {
        assert_eq!(
            words("Kim Jong-un’s “visit”", false),
            [
                (0, "kim".to_string()),
                (4, "jong".into()),
                (9, "un".into()),
                (12, "s".into()),
                (15, "visit".into())
            ]
        );
        assert_eq!(typo_budget(4), 0);
        assert_eq!(typo_budget(5), 1);
        assert_eq!(typo_budget(8), 1);
        assert_eq!(typo_budget(9), 2);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(q in "\\PC{0,40}") {
            let _ = parse(&q);
        }
    }
}

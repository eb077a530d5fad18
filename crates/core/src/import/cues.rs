//! Attribution cues and the noun phrases they point at.
//!
//! A cue is what tells who said something: a speech verb with its subject
//! ("Smith said", "“…,” said Smith", "X, a professor at Y, believes"),
//! "according to X", "To X, …", "in X's view", "the opinion of X that …", a
//! passive ("a statement was made by X"), "… seems doubtful to X", or a
//! sentence that points back at an unattributed quote ("X made this
//! assessment"). Each cue carries the noun phrase of its speaker, analysed
//! into a [`Who`]: a named person (with title, role and affiliation from the
//! words around the name), an institution, a group, a pronoun or a phrase
//! like "the professor" that refers back. Resolving these to speakers is
//! [`super::speakers`]' job.

use std::ops::Range;

use super::lexicon::{self, Anaphor, Org, Pronoun};
use super::quotes::{Tok, TokKind};

/// Who a noun phrase names.
#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    Person {
        name: String,
        role: Option<String>,
        affiliation: Option<String>,
        /// The name came after a title ("Professor Pardo").
        titled: bool,
    },
    Org {
        name: String,
        org: Org,
        role: Option<String>,
    },
    Group {
        name: String,
        media: bool,
    },
    /// One unnamed person ("one shopkeeper in Castlecoote", "a nurse",
    /// "another"), named by the phrase.
    Unnamed {
        name: String,
    },
    Pronoun(Pronoun),
    Anaphor {
        noun: String,
        kind: Anaphor,
        /// The phrase without its article ("city's transport department"),
        /// a name for an institution nobody was named as before.
        phrase: String,
    },
}

/// How a cue attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A speech verb with its subject.
    Verb,
    /// "according to X".
    According,
    /// "To X, …" / "For X, …" opening a sentence.
    To,
    /// "in X's view", "from his point of view".
    View,
    /// "the opinion of X that …".
    Nominal,
    /// "… was made by X".
    Passive,
    /// "… seems doubtful to X".
    Seems,
    /// "X made this assessment": attributes the quote before it.
    Back,
}

/// A cue found in a unit.
#[derive(Debug, Clone)]
pub struct Cue {
    pub kind: CueKind,
    /// The attributing words, as written ("said", "points out", "according to").
    pub word: String,
    /// Token index of the cue's first word.
    pub tok: usize,
    pub who: Who,
    /// Byte range of the speaker's noun phrase.
    pub np: Range<usize>,
    /// Token index where the reported content starts.
    pub content_tok: usize,
    /// The cue's subject comes before the cue and is itself the content
    /// ("This position is voiced by X"; "… seems doubtful to X").
    pub content_before: bool,
    /// The cue follows a quotation directly ("“…,” X said").
    pub post: bool,
    /// A past speech verb ("wrote", "told"), for the author's own statements.
    pub past_speech: bool,
}

/// A unit's tokens with their lower-case words, ready for matching.
pub struct Words<'a> {
    pub body: &'a str,
    pub toks: &'a [Tok],
    pub lower: Vec<String>,
}

impl<'a> Words<'a> {
    pub fn new(body: &'a str, toks: &'a [Tok]) -> Self {
        let lower = toks
            .iter()
            .map(|t| {
                if t.is_word() {
                    body[t.start..t.end]
                        .chars()
                        .flat_map(char::to_lowercase)
                        .map(|c| if c == '’' { '\'' } else { c })
                        .collect()
                } else {
                    String::new()
                }
            })
            .collect();
        Words { body, toks, lower }
    }

    /// The token's text; empty past the end, so that look-aheads are safe.
    pub fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.body[t.start..t.end])
    }

    fn w(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Tok::is_word)
    }

    fn is_cap(&self, i: usize) -> bool {
        self.is_word(i)
            && self
                .text(i)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Bytes from the start of token `a` to the end of token `b - 1`.
    fn span(&self, a: usize, b: usize) -> Range<usize> {
        if a >= b {
            return self.toks.get(a).map_or(0..0, |t| t.start..t.start);
        }
        self.toks[a].start..self.toks[b - 1].end
    }

    fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.body[self.span(a, b)]
    }

    /// Number of words in tokens `a..b`.
    pub fn count_words(&self, a: usize, b: usize) -> usize {
        (a..b.min(self.toks.len()))
            .filter(|&i| self.is_word(i))
            .count()
    }
}

/// Words that open a clause: a subject is looked for after them.
fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "because"
            | "if"
            | "while"
            | "as"
            | "whether"
            | "when"
            | "where"
            | "although"
            | "though"
            | "since"
            | "unless"
            | "whereas"
    )
}

/// Whether tokens `a..` report something more (a speech participle, a
/// "that" clause, another quotation), not just describe the scene ("he says,
/// pouring tea").
pub fn reports_more(words: &Words<'_>, a: usize) -> bool {
    (a..words.toks.len()).any(|k| {
        words.toks[k].is_quote()
            || words.is_word(k)
                && (words.w(k) == "that"
                    || lexicon::verb(words.w(k))
                        .is_some_and(|v| v.participle || k > a && words.w(k - 1) == "and"))
    })
}

/// Sentence connectors and adverbs that open a noun phrase's segment.
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "so"
            | "thus"
            | "however"
            | "here"
            | "then"
            | "also"
            | "meanwhile"
            | "moreover"
            | "yet"
            | "still"
            | "now"
            | "instead"
            | "finally"
            | "again"
            | "even"
            | "both"
            | "especially"
            | "furthermore"
            | "likewise"
            | "similarly"
            | "therefore"
            | "hence"
            | "indeed"
            | "besides"
            | "nevertheless"
            | "nonetheless"
            | "or"
            | "nor"
    )
}

/// "US", "UK": capitals, not the pronoun "us".
pub fn is_acronym(text: &str) -> bool {
    text.chars().count() > 1 && text.chars().all(|c| c.is_uppercase() || c == '.')
}

fn is_possessive(text: &str) -> bool {
    text.ends_with("’s") || text.ends_with("'s")
}

fn strip_possessive(text: &str) -> &str {
    text.strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .unwrap_or(text)
}

/// Every cue in a unit's tokens, in order.
pub fn find(words: &Words<'_>) -> Vec<Cue> {
    let toks = words.toks;
    let mut out = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        if !tok.is_word() {
            continue;
        }
        let w = words.w(i);
        let found = match w {
            "according" if words.w(i + 1) == "to" => according(words, i),
            "as" => as_put_it(words, i),
            "to" | "for" if is_sentence_start(words, i) => to_x(words, i),
            "made" | "said" if is_backref(words, i) => back(words, i),
            "by" => passive(words, i),
            "seems" | "seemed" | "appears" | "appeared" | "looks" | "looked" => seems(words, i),
            _ if lexicon::is_statement_noun(w) || w == "point" || w == "points" => {
                noun_cue(words, i)
            }
            _ => None,
        };
        if let Some(c) = found {
            out.push(c);
            continue;
        }
        if let Some(v) = lexicon::verb(w)
            && v.participle
            && i > 0
            && words.is_punct(i - 1, ',')
            && !out.iter().any(|c: &Cue| c.kind == CueKind::Verb)
            && let Some((who, np)) = leading_np(words)
        {
            out.push(Cue {
                kind: CueKind::Verb,
                word: words.text(i).to_string(),
                tok: i,
                who,
                np,
                content_tok: i + 1,
                content_before: false,
                post: false,
                past_speech: false,
            });
            continue;
        }
        if let Some(v) = lexicon::verb(w)
            && !v.participle
            && !(w == "think" && words.w(i + 1).starts_with("tank"))
            && let Some(c) = verb(words, i, v)
        {
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.tok);
    out
}

/// The noun phrase that opens a unit, after connectors and introductory
/// phrases set off by commas: "The bank itself gave no guidance, saying …".
fn leading_np(words: &Words<'_>) -> Option<(Who, Range<usize>)> {
    let toks = words.toks;
    let mut a = 0;
    while a < toks.len() && (!words.is_word(a) || is_connector(words.w(a))) {
        a += 1;
    }
    let mut b = a;
    while b < toks.len() && words.is_word(b) {
        let w = words.w(b);
        let noun_like = words.is_cap(b)
            || lexicon::is_determiner(w)
            || w == "of"
            || lexicon::anaphor_noun(w).is_some()
            || lexicon::is_group_noun(w)
            || lexicon::is_role_noun(w)
            || is_possessive(words.text(b));
        if !noun_like || b > a + 8 {
            break;
        }
        b += 1;
    }
    (b > a).then(|| analyze(words, a..b)).flatten()
}

fn is_sentence_start(words: &Words<'_>, i: usize) -> bool {
    let mut j = i;
    while j > 0 {
        let prev = j - 1;
        if words.is_punct(prev, '(') {
            return true;
        }
        if words.is_word(prev) && is_connector(words.w(prev)) || words.is_punct(prev, ',') {
            j -= 1;
            continue;
        }
        return false;
    }
    true
}

/// Splits tokens `a..b` at commas outside brackets.
fn segments(words: &Words<'_>, a: usize, b: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = a;
    for i in a..b {
        match words.toks[i].kind {
            TokKind::Punct('(') | TokKind::Punct('[') => depth += 1,
            TokKind::Punct(')') | TokKind::Punct(']') => depth = (depth - 1).max(0),
            TokKind::Punct(',') if depth == 0 => {
                out.push(start..i);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(start..b);
    out
}

/// Whether a segment is an appositive: a role, a relative clause, a
/// description ("a professor at X", "who is not a leftist", "Chairman of Y").
fn is_appositive(words: &Words<'_>, seg: &Range<usize>) -> bool {
    let mut i = seg.start;
    while i < seg.end && !words.is_word(i) {
        i += 1;
    }
    if i >= seg.end {
        return false;
    }
    let mut w = words.w(i);
    if matches!(w, "and" | "or") {
        i += 1;
        w = words.w(i);
    }
    if matches!(
        w,
        "who"
            | "which"
            | "whose"
            | "formerly"
            | "former"
            | "now"
            | "then"
            | "once"
            | "also"
            | "himself"
            | "herself"
            | "itself"
            | "themselves"
            | "whom"
    ) {
        return true;
    }
    // "a professor at X", "the former ambassador": a description of a
    // person names a role; "the cut" in "According to X, the cut …" does not.
    // The role must head the description: come before its first
    // preposition ("one of the negotiators" looks past "one of").
    let describes = || {
        let mut depth = 0;
        let mut k = i;
        if words.w(k) == "one" && words.w(k + 1) == "of" {
            k += 2;
        }
        while k < seg.end {
            match words.toks[k].kind {
                TokKind::Punct('(') => depth += 1,
                TokKind::Punct(')') => depth -= 1,
                TokKind::Word if depth == 0 => {
                    let w = words.w(k);
                    let singular = w.strip_suffix('s').unwrap_or(w);
                    if lexicon::is_role_noun(w)
                        || lexicon::is_role_noun(singular)
                        || lexicon::is_title(words.text(k))
                        || lexicon::org_word(words.text(k)).is_some()
                        || lexicon::is_group_noun(w)
                    {
                        return true;
                    }
                    if k > i && lexicon::is_preposition(w) && !matches!(w, "of") {
                        return false;
                    }
                    if k > i + 1 && w == "of" {
                        return false;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        false
    };
    if matches!(w, "a" | "an") {
        // "a nurse", "a 58-year-old dental hygienist": a person described
        // by any common noun, in the role list or not.
        return describes()
            || words.is_word(i + 1)
                && !words.is_cap(i + 1)
                && !lexicon::is_function_word(words.w(i + 1));
    }
    if w == "the" {
        return (!words.is_cap(i + 1) || lexicon::is_title(words.text(i + 1))) && describes();
    }
    if words.is_cap(i) {
        // "Cllr Rupert Haines", "Dr Jane Roe": a titled name, not a role.
        let mut k = i;
        while k < seg.end && words.is_word(k) && lexicon::is_title(words.text(k)) {
            k += 1;
        }
        let rest: Vec<usize> = (k..seg.end).filter(|&j| words.is_word(j)).collect();
        let titled_name = k > i
            && (1..=3).contains(&rest.len())
            && rest.len() == seg.end - k
            && rest.iter().all(|&j| {
                words.is_cap(j)
                    && lexicon::org_word(words.text(j)).is_none()
                    && !lexicon::is_place_word(words.text(j))
            });
        return lexicon::is_title(words.text(i)) && !titled_name;
    }
    // A lower-case start: a description naming a role ("chair of the
    // Korea Department"), not the reported content ("only a handful …").
    words.is_word(i)
        && lexicon::pronoun(w).is_none()
        && !lexicon::is_function_word(w)
        && describes()
        || w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// An aside between a subject and its verb, set off by commas: "for his
/// part", "for the most part", "in turn", "however", "speaking on condition
/// of anonymity". It says nothing of who speaks.
fn is_aside(words: &Words<'_>, seg: &Range<usize>) -> bool {
    let ws: Vec<usize> = (seg.clone()).filter(|&i| words.is_word(i)).collect();
    let Some(&first) = ws.first() else {
        return false;
    };
    if ws.len() != seg.len() || ws.iter().any(|&i| words.is_cap(i)) {
        return false;
    }
    let w = words.w(first);
    match ws.len() {
        1 => matches!(
            w,
            "however" | "though" | "too" | "meanwhile" | "instead" | "moreover"
        ),
        2..=5 => {
            matches!(w, "for" | "in" | "at" | "on")
                && ws
                    .iter()
                    .any(|&i| matches!(words.w(i), "part" | "turn" | "contrast" | "time" | "least"))
                || w.ends_with("ing") && lexicon::verb(w).is_none()
        }
        6..=9 => w.ends_with("ing") && lexicon::verb(w).is_none(),
        _ => false,
    }
}

/// A descriptor before a name, "The leading leftist newspaper, the X, said".
fn descriptor(words: &Words<'_>, seg: &Range<usize>) -> Option<String> {
    let ws: Vec<usize> = (seg.clone()).filter(|&i| words.is_word(i)).collect();
    let (&first, &last) = (ws.first()?, ws.last()?);
    if !matches!(words.w(first), "the" | "a" | "an") || ws.len() < 2 || ws.len() > 6 {
        return None;
    }
    let head = words.w(last);
    let fits = lexicon::anaphor_noun(head).is_some() || lexicon::is_role_noun(head);
    (fits && ws[1..].iter().all(|&i| !words.is_cap(i)))
        .then(|| words.slice(ws[1], last + 1).to_string())
}

/// The subject of the verb at token `v`, with the start of its noun phrase.
fn subject_before(words: &Words<'_>, v: usize) -> Option<(Who, Range<usize>)> {
    // Adverbs between subject and verb ("also", "has", "generally").
    let mut e = v;
    while e > 0 && words.is_word(e - 1) && lexicon::is_adverb_between(words.w(e - 1)) {
        e -= 1;
    }
    if e == 0 {
        return None;
    }
    if words.is_word(e - 1) && matches!(words.w(e - 1), "who" | "which") {
        // A relative clause: the subject is the noun phrase before it.
        let mut r = e - 1;
        if r > 0 && words.is_punct(r - 1, ',') {
            r -= 1;
        }
        let s = clause_start(words, r);
        return walk_segments(words, s, r, true);
    }
    let s = clause_start(words, e);
    if s >= e {
        return None;
    }
    let trailing_comma = words.is_punct(e - 1, ',');
    walk_segments(
        words,
        s,
        if trailing_comma { e - 1 } else { e },
        trailing_comma,
    )
}

/// Where the clause ending at token `e` starts.
fn clause_start(words: &Words<'_>, e: usize) -> usize {
    let mut s = e;
    let mut steps = 0;
    while s > 0 && steps < 60 {
        let t = &words.toks[s - 1];
        match t.kind {
            TokKind::Punct(')') | TokKind::Punct(']') => {
                // Skip a bracketed aside as a whole.
                let mut depth = 0;
                while s > 0 {
                    match words.toks[s - 1].kind {
                        TokKind::Punct(')') | TokKind::Punct(']') => depth += 1,
                        TokKind::Punct('(') | TokKind::Punct('[') => depth -= 1,
                        _ => {}
                    }
                    s -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                steps += 1;
                continue;
            }
            TokKind::Punct(';' | ':' | '(' | '[' | '—' | '–' | '.' | '?' | '!') => break,
            TokKind::Quote(_) => break,
            // "X, who is not a leftist, also writes": a relative clause
            // closed by a comma lies inside the subject.
            TokKind::Word
                if matches!(words.w(s - 1), "who" | "which" | "whose")
                    && (s..e).any(|j| words.is_punct(j, ',')) => {}
            // Inside an appositive closed by the comma before the verb
            // ("officials, who spoke … because they …, said"), clause words
            // belong to the appositive.
            TokKind::Word
                if is_clause_word(words.w(s - 1)) && e > 0 && words.is_punct(e - 1, ',') => {}
            TokKind::Word if is_clause_word(words.w(s - 1)) => break,
            _ => {}
        }
        s -= 1;
        steps += 1;
    }
    s
}

/// Finds the subject among comma-separated segments `s..e`. With
/// `appositive_mode`, the last segment is an appositive or a name after
/// which a comma closed, so descriptions are skipped backwards.
fn walk_segments(
    words: &Words<'_>,
    s: usize,
    e: usize,
    appositive_mode: bool,
) -> Option<(Who, Range<usize>)> {
    let segs = segments(words, s, e);
    let mut k = segs.len() - 1;
    let mut appos = Vec::new();
    if appositive_mode {
        while k > 0 && (is_aside(words, &segs[k]) || is_appositive(words, &segs[k])) {
            if !is_aside(words, &segs[k]) {
                appos.push(segs[k].clone());
            }
            k -= 1;
        }
    }
    let seg = segs[k].clone();
    let (mut who, np) = analyze(words, seg)?;
    appos.reverse();
    if k > 0
        && let Some(d) = descriptor(words, &segs[k - 1])
    {
        who = with_role(who, &d, words, &[]);
    }
    let texts: Vec<&str> = appos.iter().map(|r| words.slice(r.start, r.end)).collect();
    Some((with_roles(who, &texts), np))
}

/// The noun phrase after a cue ("according to X, a professor at Y,").
/// Returns it with the token index after its appositives.
fn np_after(words: &Words<'_>, a: usize) -> Option<(Who, Range<usize>, usize)> {
    let mut end = a;
    let mut depth = 0;
    while end < words.toks.len() {
        match words.toks[end].kind {
            TokKind::Punct('(') => depth += 1,
            TokKind::Punct(')') if depth > 0 => depth -= 1,
            TokKind::Punct(')' | ';' | ':' | '.' | '?' | '!' | '—' | '–') if depth == 0 => {
                break;
            }
            TokKind::Quote(_) => break,
            // "…, who asked not to be named": an appositive, read on.
            TokKind::Word
                if depth == 0
                    && (words.w(end) == "that"
                        || matches!(words.w(end), "who" | "which")
                            && !words.is_punct(end.wrapping_sub(1), ',')) =>
            {
                break;
            }
            _ => {}
        }
        end += 1;
    }
    let segs = segments(words, a, end);
    let first = analyze(words, segs[0].clone());
    let mut k = 1;
    // "the former ambassador to Russia, Wi Sung Lak", "its director
    // general, Mark Evans": the name comes second.
    let second = match &first {
        None | Some((Who::Anaphor { .. } | Who::Group { .. }, _)) => segs
            .get(1)
            .and_then(|seg| analyze(words, seg.clone()))
            .filter(|(w, _)| matches!(w, Who::Person { .. })),
        _ => None,
    };
    let (who, np) = match (first, second) {
        (_, Some((w2, np2))) => {
            let role = words.slice(segs[0].start, segs[0].end).to_string();
            let role = role
                .split_whitespace()
                .skip_while(|w| lexicon::is_determiner(&w.to_lowercase()))
                .collect::<Vec<_>>()
                .join(" ");
            k = 2;
            (with_role(w2, &role, words, &[]), np2)
        }
        (Some(f), None) => f,
        (None, None) => return None,
    };
    let mut roles = Vec::new();
    while k < segs.len() && is_appositive(words, &segs[k]) && !segs[k].is_empty() {
        roles.push(words.slice(segs[k].start, segs[k].end));
        k += 1;
    }
    let after = segs.get(k).map_or(end, |s| s.start);
    Some((with_roles(who, &roles), np, after))
}

fn strip_article(s: &str) -> &str {
    for a in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = s.strip_prefix(a) {
            return r;
        }
    }
    s
}

fn with_roles(who: Who, appositives: &[&str]) -> Who {
    appositives.iter().fold(who, |w, a| apply_appositive(w, a))
}

/// Adds a role and affiliation read from an appositive.
fn apply_appositive(who: Who, text: &str) -> Who {
    let t = text.trim();
    let t = t.strip_prefix("and ").unwrap_or(t);
    if t.starts_with("who ") || t.starts_with("which ") || t.starts_with("whose ") {
        return who;
    }
    let (role, affiliation) = split_role(strip_article(t));
    merge_role(who, role, affiliation)
}

/// "professor at the US Naval War College" → ("professor", "US Naval War
/// College"); "senior fellow at the Atlantic Council think tank and former
/// official" → ("senior fellow; former official", "Atlantic Council").
pub fn split_role(text: &str) -> (String, Option<String>) {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if !matches!(*w, "at" | "of" | "for" | "with" | "from" | "in") || i == 0 {
            continue;
        }
        let mut j = i + 1;
        if words.get(j).is_some_and(|x| matches!(*x, "the" | "The")) {
            j += 1;
        }
        let starts_cap = words
            .get(j)
            .is_some_and(|x| x.chars().next().is_some_and(char::is_uppercase));
        if !starts_cap {
            continue;
        }
        let mut k = j;
        while k < words.len() {
            let x = words[k];
            let cap = x
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '[');
            let joiner = matches!(x, "of" | "for" | "and" | "the" | "on")
                && k + 1 < words.len()
                && words[k + 1].chars().next().is_some_and(char::is_uppercase);
            if cap || joiner {
                k += 1;
            } else {
                break;
            }
        }
        let affiliation = words[j..k].join(" ");
        let affiliation = affiliation.trim_end_matches([',', '.']).to_string();
        // "of" only marks an affiliation after a leading role ("Chairman of X").
        if *w == "of" && !words[..i].iter().any(|x| lexicon::is_title(x)) {
            continue;
        }
        let mut role = words[..i].join(" ");
        let rest = words[k..].join(" ");
        let rest = rest.trim_start_matches("think tank").trim();
        if let Some(more) = rest.strip_prefix("and ") {
            role.push_str("; ");
            role.push_str(strip_article(more.trim()));
        }
        return (role, Some(affiliation));
    }
    (text.trim_end_matches([',', '.']).to_string(), None)
}

fn merge_role(who: Who, role: String, affiliation: Option<String>) -> Who {
    match who {
        Who::Person {
            name,
            role: old,
            affiliation: old_aff,
            titled,
        } => Who::Person {
            name,
            role: Some(match old {
                Some(o) if !o.is_empty() && !role.is_empty() && o != role => format!("{o}; {role}"),
                Some(o) if !o.is_empty() => o,
                _ => role,
            })
            .filter(|r| !r.is_empty()),
            affiliation: match (old_aff, affiliation) {
                (Some(a), Some(b)) if a != b => Some(format!("{a}; {b}")),
                (a, b) => a.or(b),
            },
            titled,
        },
        Who::Org {
            name,
            org,
            role: old,
        } => Who::Org {
            name,
            org,
            role: old.or(Some(role)).filter(|r| !r.is_empty()),
        },
        other => other,
    }
}

fn with_role(who: Who, role: &str, _words: &Words<'_>, _a: &[usize]) -> Who {
    let (role, affiliation) = split_role(role);
    merge_role(who, role, affiliation)
}

/// Longest phrase, in words, taken for an unnamed person ("one shopkeeper
/// in Castlecoote"); a longer one is a clause, not a subject.
const MAX_UNNAMED_WORDS: usize = 6;

/// A lower-case word that can head a noun phrase: not a pronoun, a small
/// word or an adverb ("a nurse", "a 58-year-old", not "a little", "one
/// of").
fn is_noun_like(words: &Words<'_>, i: usize) -> bool {
    let w = words.w(i);
    words.is_word(i)
        && !words.is_cap(i)
        && w.chars().any(char::is_alphabetic)
        && lexicon::pronoun(w).is_none()
        && !lexicon::is_function_word(w)
        && !lexicon::is_determiner(w)
        && !lexicon::is_preposition(w)
        && !lexicon::is_adverb_between(w)
        && !lexicon::is_modal(w)
        && lexicon::verb(w).is_none()
        && !w.ends_with("ly")
}

/// Analyses a noun phrase (a segment of tokens) into a [`Who`].
pub fn analyze(words: &Words<'_>, seg: Range<usize>) -> Option<(Who, Range<usize>)> {
    let mut a = seg.start;
    while a < seg.end
        && (!words.is_word(a) || is_connector(words.w(a)) || is_clause_word(words.w(a)))
    {
        if words.is_punct(a, '(') {
            break;
        }
        a += 1;
    }
    // Words outside brackets; "(and conservative ones at that, …)" qualifies.
    let mut ws = Vec::new();
    let mut depth = 0;
    let mut qualifier = None;
    for i in a..seg.end {
        match words.toks[i].kind {
            TokKind::Punct('(') | TokKind::Punct('[') => {
                if depth == 0 && words.w(i + 1) == "and" && words.w(i + 3) == "ones" {
                    qualifier = Some(words.text(i + 2).to_string());
                }
                depth += 1;
            }
            TokKind::Punct(')') | TokKind::Punct(']') => depth = (depth - 1).max(0),
            TokKind::Word if depth == 0 => ws.push(i),
            _ => {}
        }
    }
    let (&first, &last) = (ws.first()?, ws.last()?);
    if ws.len() > 16 {
        return None;
    }
    let np = words.span(first, last + 1);
    if ws.len() == 1
        && !is_acronym(words.text(first))
        && let Some(p) = lexicon::pronoun(words.w(first))
    {
        return Some((Who::Pronoun(p), np));
    }
    if ws.len() <= 3
        && matches!(words.w(last), "author" | "writer")
        && matches!(words.w(first), "this" | "the" | "present" | "your")
    {
        return Some((Who::Pronoun(Pronoun::Author), np));
    }
    // The trailing run of capitalised words.
    let mut r = ws.len();
    while r > 0 {
        let i = ws[r - 1];
        let cap = words.is_cap(i) && !(r < ws.len() && is_possessive(words.text(i)));
        let joiner = r < ws.len()
            && r >= 2
            && matches!(
                words.w(i),
                "of" | "for" | "and" | "de" | "al" | "van" | "von" | "on"
            )
            && words.is_cap(ws[r - 2]);
        if cap || joiner {
            r -= 1;
        } else {
            break;
        }
    }
    while r < ws.len()
        && (!words.is_cap(ws[r])
            || lexicon::is_determiner(words.w(ws[r]))
            || lexicon::is_function_word(words.w(ws[r])))
    {
        r += 1;
    }
    let mut pp_org = None;
    if r < ws.len() {
        let run: Vec<usize> = ws[r..].to_vec();
        let mut b = r;
        if b > 0 && words.w(ws[b - 1]) == "the" {
            b -= 1;
        }
        let in_pp = b > 0 && lexicon::is_preposition(words.w(ws[b - 1]));
        let who = classify_run(words, &run, &ws[..r]);
        if !in_pp {
            // A possessive run ("Korea's") is not a speaker.
            if is_possessive(words.text(last)) {
                return None;
            }
            let np = words.span(if b < r { ws[b] } else { run[0] }, last + 1);
            return who.map(|w| (w, np));
        }
        if let Some(Who::Org { .. }) = &who {
            pp_org = who;
        }
    }
    // A phrase in lower case: a group, an anaphor, an unnamed individual.
    let first_prep = ws
        .iter()
        .position(|&i| lexicon::is_preposition(words.w(i)) && !words.is_cap(i))
        .unwrap_or(ws.len());
    if first_prep == 0 {
        return None;
    }
    // The head is the last known noun before the first preposition
    // ("two officials familiar with the talks").
    let head_i = ws[..first_prep]
        .iter()
        .rev()
        .copied()
        .find(|&i| {
            let w = words.w(i);
            lexicon::is_group_noun(w)
                || lexicon::anaphor_noun(w).is_some()
                || lexicon::is_role_noun(w)
        })
        .unwrap_or(ws[first_prep - 1]);
    let head = words.w(head_i).to_string();
    // "a study by researchers at Lund University": the authors speak.
    if lexicon::is_document_noun(&head)
        && first_prep < ws.len()
        && matches!(words.w(ws[first_prep]), "by" | "from")
        && first_prep + 1 < ws.len()
    {
        let from = ws[first_prep + 1];
        return analyze(words, from..seg.end);
    }
    let det = words.w(first);
    let text_from = |from: usize| -> String {
        let s = words.slice(from, last + 1).to_string();
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    if lexicon::is_group_noun(&head)
        || lexicon::is_demonym(words.text(head_i)) && head.ends_with('s') && words.is_cap(head_i)
    {
        let from = if matches!(det, "the" | "both" | "a" | "an" | "all") && ws.len() > 1 {
            ws[1]
        } else {
            first
        };
        let mut name = words.slice(from, last + 1).to_string();
        if depth_free(&name) {
            name = text_from(from);
        } else {
            // Leave bracketed asides out of the name.
            name = ws
                .iter()
                .filter(|&&i| i >= from)
                .map(|&i| words.text(i))
                .collect::<Vec<_>>()
                .join(" ");
        }
        if let Some(q) = qualifier {
            let head_text = words.text(head_i);
            if let Some(at) = name.rfind(head_text) {
                name.insert_str(at, &format!("{q} "));
            }
        }
        let name = lower_first_common(&name);
        return Some((
            Who::Group {
                name,
                media: lexicon::is_media_group_noun(&head),
            },
            np,
        ));
    }
    // "the representative of the ROK Foreign Ministry" speaks for it.
    let speaks_for = matches!(
        head.as_str(),
        "representative"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "source"
            | "officials"
            | "sources"
            | "representatives"
    );
    let word_at = |k: usize| ws.get(k).map_or("", |&i| words.w(i));
    if speaks_for
        && matches!(word_at(first_prep), "of" | "for" | "from" | "at")
        && matches!(det, "the" | "a" | "an")
        && pp_org.is_none()
        && word_at(first_prep + 1) == "the"
        && let Some(&n) = ws.get(first_prep + 2)
        && lexicon::anaphor_noun(words.w(n)) == Some(Anaphor::Institution)
    {
        return Some((
            Who::Anaphor {
                noun: words.w(n).to_string(),
                kind: Anaphor::Institution,
                phrase: String::new(),
            },
            np,
        ));
    }
    if speaks_for
        && matches!(word_at(first_prep), "of" | "for" | "from" | "at")
        && matches!(det, "the" | "a" | "an")
        && let Some(org) = pp_org.clone()
    {
        return Some((org, np));
    }
    // "a council spokeswoman" speaks for the council; "a spokesman", with
    // nothing more, for the institution just named.
    let spokes = matches!(head.as_str(), "spokesman" | "spokeswoman" | "spokesperson");
    if spokes && matches!(det, "a" | "an" | "the") && first_prep == ws.len() {
        let at = ws.iter().position(|&i| i == head_i).unwrap_or(0);
        let before = (at >= 2).then(|| words.w(ws[at - 1]).to_string());
        let noun = match before {
            Some(b) if lexicon::anaphor_noun(&b) == Some(Anaphor::Institution) => Some(b),
            None if det != "the" && ws.len() == 2 => Some(head.clone()),
            _ => None,
        };
        if let Some(noun) = noun {
            return Some((
                Who::Anaphor {
                    noun,
                    kind: Anaphor::Institution,
                    phrase: String::new(),
                },
                np,
            ));
        }
    }
    if let Some(kind) = lexicon::anaphor_noun(&head)
        && matches!(det, "the" | "this" | "that")
        && first_prep <= 5
    {
        let phrase = ws[1..first_prep.max(1)]
            .iter()
            .map(|&i| words.text(i))
            .collect::<Vec<_>>()
            .join(" ");
        return Some((
            Who::Anaphor {
                noun: head,
                kind,
                phrase,
            },
            np,
        ));
    }
    // "one said", "said another": an unnamed source of its own, not the
    // person quoted before.
    if ws.len() == 1 && matches!(head.as_str(), "one" | "another") {
        return Some((Who::Unnamed { name: head }, np));
    }
    // "one aide", "a nurse", "one shopkeeper in Castlecoote": an unnamed
    // person, named by the whole phrase, whatever the noun.
    if matches!(det, "a" | "an" | "one" | "another")
        && ws.len() <= MAX_UNNAMED_WORDS
        && is_noun_like(words, head_i)
    {
        // "one aide" and "another aide" are two people, as the article
        // says them; "A nurse" opening a sentence is "a nurse".
        let name = ws
            .iter()
            .map(|&i| words.text(i))
            .collect::<Vec<_>>()
            .join(" ");
        let name = format!("{det}{}", &name[words.text(first).len()..]);
        return Some((Who::Unnamed { name }, np));
    }
    None
}

fn depth_free(s: &str) -> bool {
    !s.contains(['(', ')', '[', ']'])
}

/// "Some experts" → "some experts": a group's name is not a proper name.
fn lower_first_common(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    if matches!(
        lower.as_str(),
        "some"
            | "many"
            | "several"
            | "most"
            | "few"
            | "other"
            | "both"
            | "all"
            | "various"
            | "numerous"
            | "certain"
            | "media"
            | "experts"
            | "analysts"
            | "critics"
            | "officials"
            | "observers"
            | "authors"
    ) {
        format!("{lower}{}", &name[first.len()..])
    } else {
        name.to_string()
    }
}

/// Classifies a run of capitalised words (`run`), with the words before it
/// in the same phrase (`before`), as a person, an institution or a group.
fn classify_run(words: &Words<'_>, run: &[usize], before: &[usize]) -> Option<Who> {
    let mut texts: Vec<&str> = run.iter().map(|&i| words.text(i)).collect();
    // "Critics say …", "Analysts expect …": a group at the start of a
    // sentence, not a person.
    if let [one] = texts.as_slice()
        && lexicon::is_group_noun(&one.to_lowercase())
    {
        return Some(Who::Group {
            name: one.to_string(),
            media: lexicon::is_media_group_noun(&one.to_lowercase()),
        });
    }
    // "Senator Mark Ellison of Ohio": "of" after a name starts a suffix.
    if let Some(k) = texts.iter().rposition(|x| *x == "of")
        && k >= 2
        && lexicon::org_word(texts[k - 1]).is_none()
        && !lexicon::is_title(texts[k - 1])
        && lexicon::org_word(texts[k - 2]).is_none()
        && !lexicon::is_title(texts[k - 2])
        && !texts[..k].iter().any(|x| lexicon::org_word(x).is_some())
    {
        texts.truncate(k);
    }
    let whole = texts.join(" ");
    if let Some(org) = lexicon::known_org(&whole) {
        return Some(Who::Org {
            name: whole,
            org,
            role: None,
        });
    }
    if lexicon::is_place(&whole) {
        return Some(Who::Org {
            name: whole,
            org: Org::Government,
            role: None,
        });
    }
    // The last title or institution word splits title from name.
    let mut t: Option<usize> = None;
    for (k, x) in texts.iter().enumerate() {
        if lexicon::org_word(x).is_some()
            || lexicon::is_title(x)
            || lexicon::known_org(x).is_some() && k + 1 < texts.len()
        {
            t = Some(k);
        }
    }
    // "Federation of Northland Industry", "Bank of England": an
    // institution's name runs on after "of".
    if let Some(k) = t
        && let Some(org) = lexicon::org_word(texts[k])
        && texts
            .get(k + 1)
            .is_some_and(|x| matches!(*x, "of" | "for" | "on"))
        && !texts[k + 1..].iter().any(|x| lexicon::is_title(x))
    {
        return Some(Who::Org {
            name: whole,
            org,
            role: None,
        });
    }
    let mut name_from = t.map_or(0, |k| k + 1);
    // "Secretary of State Antony Blinken": the name is the last two words.
    if let Some(k) = t
        && texts[k + 1..].iter().any(|x| matches!(*x, "of" | "for"))
    {
        name_from = texts.len().saturating_sub(2).max(k + 1);
    }
    if texts[name_from..]
        .iter()
        .any(|x| matches!(*x, "of" | "for" | "on" | "and"))
    {
        name_from = texts.len().saturating_sub(2);
    }
    let name_texts = &texts[name_from..];
    let title_text = texts[..name_from].join(" ");
    if name_texts.is_empty() {
        let last = texts.last()?;
        if let Some(org) = lexicon::org_word(last) {
            return Some(Who::Org {
                name: whole,
                org,
                role: None,
            });
        }
        return Some(Who::Anaphor {
            noun: last.to_lowercase(),
            kind: Anaphor::Person,
            phrase: whole,
        });
    }
    let name = name_texts.join(" ");
    if let Some(org) = lexicon::known_org(&name) {
        return Some(Who::Org {
            name,
            org,
            role: None,
        });
    }
    if name_texts.iter().all(|x| lexicon::is_place_word(x)) || lexicon::is_place(&name) {
        let last = name_texts.last()?;
        if last.ends_with('s') && lexicon::is_demonym(last) {
            return Some(Who::Group { name, media: false });
        }
        return Some(Who::Org {
            name,
            org: Org::Government,
            role: None,
        });
    }
    if name_texts.len() == 1
        && name.chars().count() >= 2
        && name
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.')
    {
        return Some(Who::Org {
            name,
            org: Org::Other,
            role: None,
        });
    }
    if name_texts.len() > 4 {
        return None;
    }
    // Lower-case role words just before the run ("party spokesman").
    let mut b = before.len();
    while b > 0 {
        let i = before[b - 1];
        let w = words.w(i);
        if lexicon::is_determiner(w)
            || lexicon::pronoun(w).is_some()
            || lexicon::verb(w).is_some()
            || lexicon::is_modal(w)
            || is_connector(w)
            || is_clause_word(w)
        {
            break;
        }
        if lexicon::is_preposition(w)
            && b >= 2
            && lexicon::is_statement_noun(words.w(before[b - 2]))
        {
            break;
        }
        if matches!(
            w,
            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "be" | "been"
        ) {
            break;
        }
        b -= 1;
    }
    let mut role_words: Vec<&str> = before[b..].iter().map(|&i| words.text(i)).collect();
    while role_words
        .first()
        .is_some_and(|w| lexicon::is_preposition(&w.to_lowercase()))
    {
        role_words.remove(0);
    }
    let mut role = role_words.join(" ");
    if !title_text.is_empty() {
        if !role.is_empty() {
            role.push(' ');
        }
        role.push_str(&title_text);
    }
    let affiliation = affiliation_in(&role);
    Some(Who::Person {
        name,
        role: (!role.is_empty()).then_some(role),
        affiliation,
        titled: t.is_some(),
    })
}

/// An institution named inside a role ("State Department Spokesman" →
/// "State Department", "Forbes journalist" → "Forbes").
fn affiliation_in(role: &str) -> Option<String> {
    let words: Vec<&str> = role.split_whitespace().collect();
    let mut best: Option<String> = None;
    let mut i = 0;
    while i < words.len() {
        let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if !cap(words[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < words.len()
            && (cap(words[j]) && !lexicon::is_title(words[j])
                || matches!(words[j], "of" | "for" | "and")
                    && j + 1 < words.len()
                    && cap(words[j + 1]))
        {
            j += 1;
        }
        if j > i {
            let run = words[i..j].join(" ");
            let run = strip_possessive(&run).to_string();
            let has_org = words[i..j].iter().any(|w| lexicon::org_word(w).is_some())
                || lexicon::known_org(&run).is_some()
                || run.len() >= 2 && j == i + 1 && run.chars().all(|c| c.is_uppercase());
            if has_org && !lexicon::is_place(&run) {
                best.get_or_insert(run);
            }
        }
        i = j.max(i + 1);
    }
    best
}

fn according(words: &Words<'_>, i: usize) -> Option<Cue> {
    let (who, np, after) = np_after(words, i + 2)?;
    let mut content = after;
    while words.is_punct(content, ',') {
        content += 1;
    }
    Some(Cue {
        kind: CueKind::According,
        word: words.slice(i, i + 2).to_lowercase(),
        tok: i,
        who,
        np,
        content_tok: content,
        content_before: false,
        post: false,
        past_speech: false,
    })
}

fn to_x(words: &Words<'_>, i: usize) -> Option<Cue> {
    if !(words.is_cap(i + 1)
        || lexicon::pronoun(words.w(i + 1)).is_some() && words.is_punct(i + 2, ','))
    {
        return None;
    }
    let (who, np, after) = np_after(words, i + 1)?;
    if !matches!(
        who,
        Who::Person { .. } | Who::Pronoun(Pronoun::He | Pronoun::She)
    ) {
        return None;
    }
    if !words.is_punct(after.saturating_sub(1), ',')
        && !words.toks.get(after).is_some_and(Tok::is_quote)
    {
        return None;
    }
    Some(Cue {
        kind: CueKind::To,
        word: words.text(i).to_lowercase(),
        tok: i,
        who,
        np,
        content_tok: after,
        content_before: false,
        post: false,
        past_speech: false,
    })
}

/// "As he puts it: “…”", "as one analyst put it, …": the speaker is the
/// phrase between "as" and "put it".
fn as_put_it(words: &Words<'_>, i: usize) -> Option<Cue> {
    let v = (i + 2..(i + 9).min(words.toks.len()))
        .find(|&k| matches!(words.w(k), "puts" | "put") && words.w(k + 1) == "it")?;
    if (i + 1..v).any(|k| !words.is_word(k)) {
        return None;
    }
    let (who, np) = analyze(words, i + 1..v)?;
    let mut content = v + 2;
    while words.is_punct(content, ',') || words.is_punct(content, ':') {
        content += 1;
    }
    Some(Cue {
        kind: CueKind::Verb,
        word: words.slice(v, v + 2).to_string(),
        tok: i,
        who,
        np,
        content_tok: content,
        content_before: false,
        post: false,
        past_speech: false,
    })
}

/// "made this assessment", "said this", "said so".
fn is_backref(words: &Words<'_>, i: usize) -> bool {
    let n1 = words.w(i + 1);
    let n2 = words.w(i + 2);
    if words.w(i) == "said" {
        return matches!(n1, "this" | "so") && !words.is_word(i + 2);
    }
    matches!(n1, "this" | "these" | "the" | "that" | "such") && lexicon::is_backref_noun(n2)
}

fn back(words: &Words<'_>, i: usize) -> Option<Cue> {
    let (who, np) = subject_before(words, i)?;
    Some(Cue {
        kind: CueKind::Back,
        word: words.slice(i, (i + 3).min(words.toks.len())).to_string(),
        tok: i,
        who,
        np,
        content_tok: i + 1,
        content_before: false,
        post: false,
        past_speech: false,
    })
}

/// "… was voiced by X", "a statement was made by X".
fn passive(words: &Words<'_>, by: usize) -> Option<Cue> {
    let p = by.checked_sub(1)?;
    if !matches!(
        words.w(p),
        "made"
            | "voiced"
            | "expressed"
            | "stated"
            | "echoed"
            | "shared"
            | "issued"
            | "given"
            | "put"
            | "said"
            | "written"
            | "announced"
    ) {
        return None;
    }
    let mut a = p;
    while a > 0
        && words.is_word(a - 1)
        && lexicon::is_adverb_between(words.w(a - 1))
        && !matches!(words.w(a - 1), "has" | "have" | "had")
    {
        a -= 1;
    }
    let aux = a.checked_sub(1)?;
    if !matches!(
        words.w(aux),
        "is" | "was" | "were" | "are" | "been" | "be" | "being"
    ) {
        return None;
    }
    let (who, np, after) = np_after(words, by + 1)?;
    let subject = words.count_words(clause_start(words, aux), aux);
    if subject == 0 {
        return None;
    }
    Some(Cue {
        kind: CueKind::Passive,
        word: words.slice(p, by + 1).to_string(),
        tok: p,
        who,
        np,
        content_tok: after,
        content_before: true,
        post: false,
        past_speech: false,
    })
}

/// "… seems doubtful (but possible) to X".
fn seems(words: &Words<'_>, i: usize) -> Option<Cue> {
    let end = (i + 10).min(words.toks.len());
    let to = (i + 1..end).find(|&j| words.w(j) == "to" && words.is_cap(j + 1))?;
    if (i + 1..to).any(|j| words.toks[j].is_quote() || words.is_punct(j, ',')) {
        return None;
    }
    let (who, np, _) = np_after(words, to + 1)?;
    if !matches!(who, Who::Person { .. }) {
        return None;
    }
    Some(Cue {
        kind: CueKind::Seems,
        word: words.text(i).to_string(),
        tok: i,
        who,
        np,
        content_tok: i + 1,
        content_before: true,
        post: false,
        past_speech: false,
    })
}

/// "in X's view", "from his point of view", "the opinion of X that",
/// "X's statement that".
fn noun_cue(words: &Words<'_>, i: usize) -> Option<Cue> {
    let w = words.w(i);
    // "point(s) of view": the noun is "view", two words on.
    let (noun_end, noun_start) = if matches!(w, "point" | "points") {
        if words.w(i + 1) != "of" || words.w(i + 2) != "view" {
            return None;
        }
        (i + 3, i)
    } else {
        (i + 1, i)
    };
    // Possessive before: "X's view", "his view", "the experts’ points of view".
    let p = noun_start.checked_sub(1)?;
    let (who, np, pre) = if words.is_word(p)
        && (is_possessive(words.text(p))
            || matches!(words.w(p), "his" | "her" | "their" | "its" | "my" | "our"))
    {
        let s = np_start_before(words, p);
        let who = possessor(words, s, p)?;
        (who.0, who.1, s)
    } else if words.is_punct(p, '’') || words.is_punct(p, '\'') {
        let q = p.checked_sub(1)?;
        let s = np_start_before(words, q);
        let (who, np) = analyze(words, s..q + 1)?;
        (who, np, s)
    } else if matches!(words.w(p), "the" | "this") && words.w(noun_end) == "of" {
        let (who, np, after) = np_after(words, noun_end + 1)?;
        let lead = p.checked_sub(1).map(|j| words.w(j)).unwrap_or("");
        let kind = if matches!(lead, "in" | "from" | "to") {
            CueKind::View
        } else if words.w(after) == "that"
            || words.is_punct(after, ':')
            || words.toks.get(after).is_some_and(Tok::is_quote)
        {
            CueKind::Nominal
        } else {
            return None;
        };
        let content = if words.w(after) == "that" {
            after + 1
        } else {
            after
        };
        return Some(Cue {
            kind,
            word: words.slice(noun_start, noun_end).to_string(),
            tok: p,
            who,
            np,
            content_tok: content,
            content_before: false,
            post: false,
            past_speech: false,
        });
    } else {
        return None;
    };
    let lead = pre.checked_sub(1).map(|j| words.w(j)).unwrap_or("");
    let next = words.w(noun_end);
    let kind = if matches!(lead, "in" | "from" | "to") {
        CueKind::View
    } else if next == "that"
        || next == "is" && words.w(noun_end + 1) == "that"
        || words.is_punct(noun_end, ':')
    {
        CueKind::Nominal
    } else {
        return None;
    };
    let mut content = noun_end;
    while content < words.toks.len()
        && (matches!(words.w(content), "that" | "is") || words.is_punct(content, ','))
    {
        content += 1;
    }
    Some(Cue {
        kind,
        word: words.slice(noun_start, noun_end).to_string(),
        tok: pre.saturating_sub(1),
        who,
        np,
        content_tok: content,
        content_before: false,
        post: false,
        past_speech: false,
    })
}

/// Where the noun phrase ending at token `p` starts (after a preposition,
/// clause word or punctuation).
fn np_start_before(words: &Words<'_>, p: usize) -> usize {
    let mut s = p;
    while s > 0 {
        let j = s - 1;
        if !words.is_word(j) {
            break;
        }
        let w = words.w(j);
        if lexicon::is_preposition(w)
            || is_clause_word(w)
            || lexicon::verb(w).is_some()
            || lexicon::is_modal(w)
        {
            break;
        }
        s -= 1;
        if matches!(w, "the" | "this" | "a" | "an") {
            break;
        }
    }
    s
}

fn possessor(words: &Words<'_>, s: usize, p: usize) -> Option<(Who, Range<usize>)> {
    let w = words.w(p);
    let np = words.span(s, p + 1);
    if let Some(pr) = lexicon::pronoun(w) {
        return Some((Who::Pronoun(pr), np));
    }
    // Analyse the phrase with the possessive ending removed.
    let stripped = strip_possessive(words.text(p));
    if p == s {
        let name = stripped.to_string();
        if let Some(org) = lexicon::known_org(&name) {
            return Some((
                Who::Org {
                    name,
                    org,
                    role: None,
                },
                np,
            ));
        }
        if name.chars().next().is_some_and(char::is_uppercase) {
            return Some((
                Who::Person {
                    name,
                    role: None,
                    affiliation: None,
                    titled: false,
                },
                np,
            ));
        }
        return None;
    }
    if matches!(words.w(p), "author's" | "writer's")
        && matches!(words.w(s), "this" | "the" | "present")
    {
        return Some((Who::Pronoun(Pronoun::Author), np));
    }
    // Several words: treat the last as its bare form.
    let (who, _) = analyze(words, s..p)?;
    let extend = |name: String| format!("{name} {stripped}");
    Some((
        match who {
            Who::Person {
                name,
                role,
                affiliation,
                titled,
            } => Who::Person {
                name: extend(name),
                role,
                affiliation,
                titled,
            },
            other => match classify_run(
                words,
                &(s..p + 1).filter(|&i| words.is_word(i)).collect::<Vec<_>>(),
                &[],
            ) {
                Some(Who::Person {
                    name,
                    role,
                    affiliation,
                    titled,
                }) => Who::Person {
                    name: strip_possessive(&name).to_string(),
                    role,
                    affiliation,
                    titled,
                },
                _ => other,
            },
        },
        np,
    ))
}

fn verb(words: &Words<'_>, i: usize, v: lexicon::Verb) -> Option<Cue> {
    // Capitalised: a sentence start or a name, not a reporting verb.
    if words.is_cap(i) {
        return None;
    }
    let mut end = i + 1;
    if !v.particle.is_empty() {
        if !v.particle.contains(&words.w(i + 1)) {
            return None;
        }
        end = i + 2;
    }
    // "to say", "would argue", "the claims", "is believed".
    let mut p = i;
    while p > 0
        && words.is_word(p - 1)
        && lexicon::is_adverb_between(words.w(p - 1))
        && !matches!(
            words.w(p - 1),
            "has" | "have" | "had" | "did" | "does" | "do"
        )
    {
        p -= 1;
    }
    if p > 0 && words.is_word(p - 1) {
        let prev = words.w(p - 1);
        if lexicon::is_modal(prev)
            || lexicon::is_determiner(prev) && !matches!(prev, "that" | "both" | "one")
            || matches!(
                prev,
                "is" | "was" | "were" | "are" | "been" | "be" | "being"
            )
        {
            return None;
        }
    }
    // After a quote: "“…,” said Smith" (inverted) or "“…,” Smith said".
    let mut q = i;
    while q > 0 && words.is_punct(q - 1, ',') {
        q -= 1;
    }
    let after_quote = q > 0 && words.toks[q - 1].is_quote();
    let (who, np, content, post) = if after_quote && words.is_word(end) && words.w(end) != "that" {
        let (who, np, after) = np_after(words, end)?;
        (who, np, after, true)
    } else {
        let (who, np) = subject_before(words, i)?;
        // The subject follows a quotation directly: "“…,” Smith said".
        let mut s = words
            .toks
            .iter()
            .position(|t| t.start >= np.start)
            .unwrap_or(i);
        while s > 0 && words.is_punct(s - 1, ',') {
            s -= 1;
        }
        let post = s > 0 && words.toks[s - 1].is_quote();
        (who, np, end, post)
    };
    let mut content_tok = content;
    // "told the agency on Friday that …": the content starts after "that".
    if let Some(t) = (content..(content + 14).min(words.toks.len()))
        .take_while(|&j| !words.toks[j].is_quote() && !words.is_punct(j, ';'))
        .find(|&j| words.w(j) == "that")
        .filter(|_| matches!(v.lemma, "told" | "tells") || words.w(content) == "that")
    {
        content_tok = t + 1;
    }
    // "disputed that account": "that" is no conjunction when hardly
    // anything follows it.
    if content_tok != content && words.count_words(content_tok, words.toks.len()) < 2 {
        content_tok = content;
    }
    if v.needs_clause && !post {
        let next: Vec<&str> = (end..(end + 3).min(words.toks.len()))
            .map(|j| words.w(j))
            .collect();
        let clause = next
            .iter()
            .any(|w| matches!(*w, "that" | "whether" | "how" | "what" | "why"))
            || (end..(end + 3).min(words.toks.len()))
                .any(|j| words.toks[j].is_quote() || words.is_punct(j, ':'));
        if !clause {
            return None;
        }
    }
    Some(Cue {
        kind: CueKind::Verb,
        word: words.slice(i, end).to_string(),
        tok: i,
        who,
        np,
        content_tok,
        content_before: false,
        post,
        past_speech: lexicon::is_past_speech(words.w(i)),
    })
}

/// Names introduced in passing, with their titles or roles: "the position of
/// Andrei Lankov, a professor at X," or "Russian President Vladimir Putin".
/// They are not speakers yet, but later surnames, titles and pronouns may
/// refer to them.
/// Longest relative clause, in tokens, skipped between a name and its verb.
const MAX_RELATIVE_CLAUSE_TOKENS: usize = 20;

/// `v` past ", who …," when a relative clause opens there.
fn skip_relative_clause(words: &Words<'_>, v: usize) -> usize {
    if !(words.is_punct(v, ',') && matches!(words.w(v + 1), "who" | "whose")) {
        return v;
    }
    (v + 2..(v + MAX_RELATIVE_CLAUSE_TOKENS).min(words.toks.len()))
        .find(|&k| words.is_punct(k, ','))
        .map_or(v, |k| k + 1)
}

/// An appositive that describes a person by an indefinite noun phrase ("a
/// nurse at the clinic", "a 58-year-old dental hygienist"), whether or not
/// its noun is in the role list.
fn describes_someone(words: &Words<'_>, seg: &Range<usize>) -> bool {
    let mut k = seg.start;
    while k < seg.end && !words.is_word(k) {
        k += 1;
    }
    matches!(words.w(k), "a" | "an")
        && words.is_word(k + 1)
        && !words.is_cap(k + 1)
        && !lexicon::is_function_word(words.w(k + 1))
}

/// "a sophomore named Olivia Marsh": a person of two or more name words
/// after "named" or "called", the noun before that word as role.
fn named_after_noun(words: &Words<'_>, start: usize, run: &[usize]) -> Option<Who> {
    if start < 2 || run.len() < 2 || !matches!(words.w(start - 1), "named" | "called") {
        return None;
    }
    let noun = start - 2;
    if !words.is_word(noun) || words.is_cap(noun) || lexicon::is_function_word(words.w(noun)) {
        return None;
    }
    let name = words.slice(run[0], run[run.len() - 1] + 1).to_string();
    Some(Who::Person {
        name,
        role: Some(words.text(noun).to_string()),
        affiliation: None,
        titled: true,
    })
}

/// A quotation of one or two capitalised words inside a name (Josh “Tank”
/// Abernethy).
fn is_nickname(words: &Words<'_>, i: usize) -> bool {
    let Some(t) = words.toks.get(i).filter(|t| t.is_quote()) else {
        return false;
    };
    let inner = words.body[t.start..t.end].trim_matches(|c: char| !c.is_alphanumeric());
    let ws: Vec<&str> = inner.split_whitespace().collect();
    (1..=2).contains(&ws.len())
        && ws
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

pub fn introductions(words: &Words<'_>) -> Vec<(Who, Range<usize>)> {
    let toks = words.toks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !words.is_cap(i) {
            i += 1;
            continue;
        }
        // "The", "To", "As" opening a sentence are not part of a name.
        if lexicon::is_determiner(words.w(i))
            || lexicon::is_function_word(words.w(i))
            || words.w(i) == "according"
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < toks.len()
            && (words.is_cap(j)
                || matches!(words.w(j), "of" | "for") && words.is_cap(j + 1)
                || j > start && is_nickname(words, j) && words.is_cap(j + 1))
        {
            j += 1;
        }
        // Marguerite “Peg” Lindahl: the nickname is no part of the name.
        let run: Vec<usize> = (start..j).filter(|&k| words.is_word(k)).collect();
        i = j;
        // "in Port Anselm", "at Quayside Park": a place, not a person.
        let after_locative = start > 0 && lexicon::is_locative(words.w(start - 1));
        if is_possessive(words.text(j - 1)) {
            continue;
        }
        // "Grant's daughter, Morag, …": a one-word name after a role.
        if run.len() == 1 {
            let after_role = start >= 2
                && words.is_punct(start - 1, ',')
                && lexicon::is_role_noun(words.w(start - 2))
                && words.is_punct(j, ',');
            if after_locative {
                continue;
            }
            if after_role && !lexicon::is_place_word(words.text(start)) {
                out.push((
                    Who::Person {
                        name: words.text(start).to_string(),
                        role: Some(words.text(start - 2).to_string()),
                        affiliation: None,
                        titled: true,
                    },
                    words.span(start, j),
                ));
            } else if !lexicon::is_place_word(words.text(start))
                && lexicon::org_word(words.text(start)).is_none()
                && !lexicon::is_title(words.text(start))
            {
                // A surname alone ("Adeyemi finally sits"): a mention of
                // the person of that name, if one was named before.
                out.push((
                    Who::Person {
                        name: words.text(start).to_string(),
                        role: None,
                        affiliation: None,
                        titled: false,
                    },
                    words.span(start, j),
                ));
            }
            continue;
        }
        let appositive = words.is_punct(j, ',') && {
            let segs = segments(words, j + 1, (j + 30).min(toks.len()));
            segs.first().is_some_and(|s| {
                is_appositive(words, s)
                    && ((s.clone()).any(|k| lexicon::is_role_noun(words.w(k)))
                        || describes_someone(words, s))
            })
        };
        // "A sophomore named Olivia Marsh": the name after "named", with
        // the noun before it as the role, whatever that noun is.
        if let Some(who) = named_after_noun(words, start, &run) {
            out.push((who, words.span(start, j)));
            continue;
        }
        let mut b = start;
        while b > 0 && start - b < 4 && words.is_word(b - 1) {
            b -= 1;
        }
        let before: Vec<usize> = (b..start).collect();
        let who = match classify_run(words, &run, &before) {
            Some(Who::Person { .. }) if after_locative => continue,
            Some(who @ Who::Person { .. }) => who,
            // Institutions named in passing, for "the bank" later on.
            Some(org @ Who::Org { .. })
                if run
                    .iter()
                    .any(|&k| lexicon::org_word(words.text(k)).is_some()) =>
            {
                out.push((org, words.span(start, j)));
                continue;
            }
            _ => continue,
        };
        let Who::Person {
            name,
            role,
            affiliation,
            titled,
        } = who
        else {
            continue;
        };
        if name.split_whitespace().count() < 2 && !titled {
            continue;
        }
        let mut who = Who::Person {
            name,
            role: role.clone(),
            affiliation,
            titled,
        };
        if appositive {
            let segs = segments(words, j + 1, (j + 40).min(toks.len()));
            if let Some(s) = segs.first() {
                who = apply_appositive(who, words.slice(s.start, s.end));
            }
        } else if !titled
            && !role.as_deref().is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| lexicon::is_role_noun(&w.to_lowercase()))
            })
        {
            // A bare name as the sentence's subject ("Jane Roe spoke
            // last.", "For forty years, Alasdair Grant kept …") is a person
            // too; the words before any other name are no role.
            who = Who::Person {
                name: match who {
                    Who::Person { name, .. } => name,
                    _ => continue,
                },
                role: None,
                affiliation: None,
                titled: false,
            };
            let no_verb_before = !(0..start).any(|k| lexicon::verb(words.w(k)).is_some());
            // "…, and Grace Adeyemi has not sat down": a clause of its own.
            let after_and = start >= 2
                && matches!(words.w(start - 1), "and" | "but" | "while")
                && words.is_punct(start - 2, ',');
            let opens = (0..start).all(|k| !words.is_word(k) || is_connector(words.w(k)))
                || start > 0 && words.is_punct(start - 1, ',') && no_verb_before
                || after_and;
            let mut v = j;
            // "Tom Hadley, 68, has been …": an age between name and verb.
            if words.is_punct(v, ',')
                && words.w(v + 1).chars().all(|c| c.is_ascii_digit())
                && !words.w(v + 1).is_empty()
                && words.is_punct(v + 2, ',')
            {
                v += 3;
            }
            // "Japan's trade minister, Kenji Morita, was …": the name is
            // the appositive of a role before it.
            let role_before = start >= 2 && words.is_punct(start - 1, ',') && {
                let segs = segments(words, clause_start(words, start - 1), start - 1);
                segs.last().is_some_and(|s| {
                    (s.clone()).any(|k| words.is_word(k) && lexicon::is_role_noun(words.w(k)))
                })
            };
            if v == j && role_before && words.is_punct(v, ',') {
                v += 1;
            }
            // "Joan Carter, who lives on the seafront, sent …": a relative
            // clause between name and verb.
            v = skip_relative_clause(words, v);
            let verb_next =
                words.is_word(v) && !words.is_cap(v) && !lexicon::is_preposition(words.w(v));
            if !(opens && verb_next && run.len() <= 3) {
                continue;
            }
        }
        out.push((who, words.span(start, j)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::layout::from_text;
    use crate::import::quotes::{fragments, tokens};

    fn cues(text: &str) -> Vec<(String, Who)> {
        let l = from_text(text);
        let f = fragments(&l.body, &l.paragraphs);
        let t = tokens(&l.body, 0..l.body.len(), &f, 0..f.len());
        let w = Words::new(&l.body, &t);
        find(&w).into_iter().map(|c| (c.word, c.who)).collect()
    }

    fn name_of(w: &Who) -> String {
        match w {
            Who::Person { name, .. }
            | Who::Org { name, .. }
            | Who::Group { name, .. }
            | Who::Unnamed { name } => name.clone(),
            Who::Pronoun(p) => format!("{p:?}"),
            Who::Anaphor { noun, .. } => format!("the {noun}"),
        }
    }

    fn first(text: &str) -> (String, String) {
        let c = cues(text);
        let (word, who) = c.first().unwrap_or_else(|| panic!("no cue in {text:?}"));
        (word.clone(), name_of(who))
    }

    #[test]
    fn speech_verb_with_subject_before_and_after() {
        assert_eq!(
            first("John Smith said the deal was off."),
            ("said".into(), "John Smith".into())
        );
        assert_eq!(
            first("“It is off,” said Jane Roe, a spokeswoman."),
            ("said".into(), "Jane Roe".into())
        );
        assert_eq!(
            first("“It is off,” Roe told reporters."),
            ("told".into(), "Roe".into())
        );
        assert_eq!(
            first("He also points out that it failed."),
            ("points out".into(), "He".into())
        );
        assert_eq!(cues("Smith was ready to say more.").len(), 0);
        assert_eq!(cues("The claims were false.").len(), 0);
    }

    #[test]
    fn appositives_give_role_and_affiliation() {
        let c =
            cues("Terence Roehrig, a professor at the US Naval War College, said it would fail.");
        assert_eq!(
            c[0].1,
            Who::Person {
                name: "Terence Roehrig".into(),
                role: Some("professor".into()),
                affiliation: Some("US Naval War College".into()),
                titled: false
            }
        );
        let c = cues(
            "John Merrill, a renowned historian and Visiting Scholar at the Institute of Korean Studies at George Washington University, believes it.",
        );
        let Who::Person {
            name,
            role,
            affiliation,
            ..
        } = &c[0].1
        else {
            panic!()
        };
        assert_eq!(name, "John Merrill");
        assert_eq!(
            role.as_deref(),
            Some("renowned historian and Visiting Scholar")
        );
        assert_eq!(affiliation.as_deref(), Some("Institute of Korean Studies"));
    }

    #[test]
    fn titles_before_names() {
        let c = cues(
            "On the same day, Secretary of State Antony Blinken emphasized that it was illegal.",
        );
        let Who::Person { name, role, .. } = &c[0].1 else {
            panic!()
        };
        assert_eq!(
            (name.as_str(), role.as_deref()),
            ("Antony Blinken", Some("Secretary of State"))
        );
        let c = cues("Forbes journalist Melik Kailan believes China is the addressee.");
        let Who::Person {
            name,
            role,
            affiliation,
            ..
        } = &c[0].1
        else {
            panic!()
        };
        assert_eq!(name, "Melik Kailan");
        assert_eq!(role.as_deref(), Some("Forbes journalist"));
        assert_eq!(affiliation.as_deref(), Some("Forbes"));
        assert_eq!(
            name_of(&cues("Professor Pardo believes it was due to the court.")[0].1),
            "Pardo"
        );
        // British titles of councillors, members and peers.
        for (text, want) in [
            (
                "Council leader Cllr Margaret Oduya said it was bad.",
                "Margaret Oduya",
            ),
            ("Sir Keith Hale said it was bad.", "Keith Hale"),
            ("Baroness Jane Arden said it was bad.", "Jane Arden"),
        ] {
            assert_eq!(name_of(&cues(text)[0].1), want, "{text}");
        }
        // A titled name after a role is the name, not another role.
        assert_eq!(
            name_of(&cues("Its leader, Cllr Rupert Haines, told the meeting it was bad.")[0].1),
            "Rupert Haines"
        );
    }

    #[test]
    fn according_to_and_to_x() {
        assert_eq!(
            first("According to Victor Cha, Kim got more than he wanted."),
            ("according to".into(), "Victor Cha".into())
        );
        assert_eq!(
            first("To Patrick Cronin, chair of the division, “it’s clear.”"),
            ("to".into(), "Patrick Cronin".into())
        );
        assert_eq!(cues("To do this, they need money.").len(), 0);
    }

    #[test]
    fn views_and_nominal_cues() {
        assert_eq!(
            first("In Smith’s view, the talks failed."),
            ("view".into(), "Smith".into())
        );
        assert_eq!(
            first("From his point of view, the talks failed."),
            ("point of view".into(), "He".into())
        );
        assert_eq!(
            first("In this author’s view, the talks failed."),
            ("view".into(), "Author".into())
        );
        let c = cues(
            "We note the opinion of Mark Milley, Chairman of the Joint Chiefs, that it hardly matters.",
        );
        assert_eq!(
            (c[1].0.as_str(), name_of(&c[1].1).as_str()),
            ("opinion", "Mark Milley")
        );
    }

    #[test]
    fn institutions_groups_and_anaphors() {
        assert_eq!(
            name_of(&cues("The ROK Foreign Ministry announced its intention to respond.")[0].1),
            "ROK Foreign Ministry"
        );
        assert_eq!(
            name_of(&cues("The EU has also stated its readiness to act.")[0].1),
            "EU"
        );
        assert_eq!(
            name_of(&cues("Some experts even believe that it will fail.")[0].1),
            "some experts"
        );
        assert_eq!(
            name_of(&cues("Meanwhile, media outlets of all types write that it failed.")[0].1),
            "media outlets of all types"
        );
        assert_eq!(
            name_of(&cues("The publication notes that it failed.")[0].1),
            "the publication"
        );
        assert_eq!(
            name_of(&cues("At the same time, the representative of the ROK Foreign Ministry emphasized that it failed.")[0].1),
            "ROK Foreign Ministry"
        );
        assert_eq!(
            name_of(&cues("Here, both classical democrats and conservatives in opposition to Yoon Seok-yeol accuse the president of it.")[0].1),
            "classical democrats and conservatives in opposition to Yoon Seok-yeol"
        );
        assert_eq!(name_of(&cues("The ROK media (and conservative ones at that) published texts that “it is bad.”")[0].1), "ROK conservative media");
        assert_eq!(
            name_of(&cues("South Koreans think that Beijing is aloof.")[0].1),
            "South Koreans"
        );
        assert_eq!(name_of(&cues("Seoul said it would respond.")[0].1), "Seoul");
    }

    #[test]
    fn relative_clauses_passives_and_back_references() {
        assert_eq!(
            first(
                "IAEA Director General Rafael Grossi, who told the agency that he believes it, is close to this view."
            ),
            ("told".into(), "Rafael Grossi".into())
        );
        assert_eq!(
            first("A similar statement was made by party spokesman Kwon Chil Seung: “No.”"),
            ("made by".into(), "Kwon Chil Seung".into())
        );
        assert_eq!(
            first("Kim Sung-nam, head of the department, made this assessment at the meeting."),
            ("made this assessment".into(), "Kim Sung-nam".into())
        );
        assert_eq!(
            first("So a violation seems doubtful (but possible) to Shinkin; the sides differ."),
            ("seems".into(), "Shinkin".into())
        );
    }

    #[test]
    fn introductions_register_people_named_in_passing() {
        let l = from_text(
            "Against this background, the position of Andrei Lankov, a professor at Kunming University, stands out.",
        );
        let f = fragments(&l.body, &l.paragraphs);
        let t = tokens(&l.body, 0..l.body.len(), &f, 0..f.len());
        let w = Words::new(&l.body, &t);
        let intro: Vec<String> = introductions(&w).iter().map(|i| name_of(&i.0)).collect();
        // The person, with the institution named in passing.
        assert_eq!(intro, ["Andrei Lankov", "Kunming University"]);
        let Who::Person {
            role, affiliation, ..
        } = &introductions(&w)[0].0
        else {
            panic!()
        };
        assert_eq!(role.as_deref(), Some("professor"));
        assert_eq!(affiliation.as_deref(), Some("Kunming University"));
    }

    #[test]
    fn as_someone_puts_it() {
        assert_eq!(
            first("Mr Okonkwo is blunter. As he puts it: “We are short.”"),
            ("puts it".into(), "He".into())
        );
        assert_eq!(
            first("As one analyst put it, the deal is dead."),
            ("put it".into(), "one analyst".into())
        );
        // "as" in other senses is no cue.
        assert!(cues("As the rain fell, it put it out.").is_empty());
    }

    #[test]
    fn asides_between_subject_and_verb() {
        assert_eq!(
            first("Mr Sulistyo, for his part, told parliament that it would hold."),
            ("told".into(), "Sulistyo".into())
        );
        assert_eq!(
            first("Analysts, for the most part, expect it to slip."),
            ("expect".into(), "Analysts".into())
        );
        assert_eq!(
            first("Officials in Brussels, speaking on condition of anonymity, said it was bad."),
            ("said".into(), "officials in Brussels".into())
        );
    }

    fn introduced(text: &str) -> Vec<String> {
        let l = from_text(text);
        let f = fragments(&l.body, &l.paragraphs);
        let t = tokens(&l.body, 0..l.body.len(), &f, 0..f.len());
        let w = Words::new(&l.body, &t);
        introductions(&w).iter().map(|i| name_of(&i.0)).collect()
    }

    #[test]
    fn introductions_after_and_an_age_or_a_role() {
        assert_eq!(
            introduced("It is late, and Grace Adeyemi has not sat down."),
            ["Grace Adeyemi"]
        );
        assert_eq!(
            introduced("Tom Hadley, 68, has been on the ward."),
            ["Tom Hadley"]
        );
        assert_eq!(
            introduced("Japan's trade minister, Kenji Morita, was more conciliatory."),
            ["Kenji Morita"]
        );
        // A name inside a phrase, with no verb of its own, is not one.
        assert!(!introduced("The ward, Ward Seven, is full.").contains(&"Ward Seven".to_string()));
        assert!(
            !introduced("It rained, and Grace Adeyemi in Leeds.")
                .contains(&"Grace Adeyemi".to_string())
        );
    }
}

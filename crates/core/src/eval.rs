//! Scoring a predicted dataset against a gold one of the same article.
//!
//! - **Quotes**: a predicted quote matches a gold quote when their spans
//!   overlap by at least 30% of the gold span (as the Gender Gap Tracker
//!   evaluates); each quote matches at most once, best overlaps first.
//! - **Speakers**: a predicted speaker matches a gold one when a name or
//!   alias of one equals a name or alias of the other after normalisation
//!   (case, accents, punctuation, a leading "the").
//! - **Attribution**: matched quotes whose predicted speaker matches the gold
//!   quote's speaker; reported as accuracy over matched quotes and as
//!   precision, recall and F1 over all quotes.
//! - **Categories**: agreement of the matched quotes' categories, as pairwise
//!   precision, recall and F1 (pairs put together by both) and as accuracy
//!   after mapping each predicted category to the gold one it shares most
//!   quotes with, one to one.
//!
//! When the two bodies differ, predicted quotes are placed in the gold body
//! by their text.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::Dataset;
use crate::read::LoadedDataset;

/// Precision, recall and F1 with the counts behind them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub matched: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Prf {
    pub fn new(matched: usize, predicted: usize, gold: usize) -> Self {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                if a == 0 { 1.0 } else { 0.0 }
            } else {
                a as f64 / b as f64
            }
        };
        let p = ratio(matched, predicted);
        let r = ratio(matched, gold);
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf {
            precision: p,
            recall: r,
            f1,
            matched,
            predicted,
            gold,
        }
    }
}

/// Attribution of matched quotes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Attribution {
    /// Correctly attributed matched quotes over matched quotes.
    pub accuracy: f64,
    pub correct: usize,
    pub matched: usize,
    /// Correctly attributed quotes over all predicted and all gold quotes.
    pub end_to_end: Prf,
}

/// Category agreement of matched quotes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CategoryAgreement {
    /// Matched quotes in the gold category that their predicted category
    /// maps to (one-to-one, by most shared quotes).
    pub accuracy: f64,
    /// Pairs of matched quotes put together by both.
    pub pairwise: Prf,
    pub predicted_categories: usize,
    pub gold_categories: usize,
}

/// Direct quotes alone: found, and found under the right speaker.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DirectQuotes {
    /// Predicted direct quotes matched to gold direct quotes.
    pub quotes: Prf,
    /// Gold direct quotes matched by a predicted quote of the right speaker.
    pub right_speaker: usize,
    /// `right_speaker` over all gold direct quotes: the share a reader finds
    /// under the person who said it.
    pub right_speaker_share: f64,
}

/// Every score of one comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub article: String,
    pub quotes: Prf,
    pub speakers: Prf,
    pub attribution: Attribution,
    pub categories: CategoryAgreement,
    /// Direct quotes alone.
    pub direct: DirectQuotes,
    /// Matched quotes whose kind (direct, paraphrase) agrees.
    pub kind_accuracy: f64,
    /// Predicted quotes that could not be placed in the gold body.
    pub unplaced: usize,
    /// Whether the bodies differed (spans were found by text).
    pub bodies_differ: bool,
}

/// A name folded for comparison.
pub fn normalise(name: &str) -> String {
    crate::import::speakers::key(name)
}

/// The folded forms a name is matched by: as written, and without the
/// titles before it ("Cllr Gareth Hughes", "Dr. Samuel Obi" are also
/// "gareth hughes", "samuel obi"), so that a title kept in the name on one
/// side and in the role on the other still matches.
fn name_keys(name: &str) -> Vec<String> {
    let full = normalise(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    let bare = words
        .iter()
        .position(|w| !crate::import::lexicon::is_title(w))
        .filter(|&i| i > 0 && i < words.len())
        .map(|i| normalise(&words[i..].join(" ")));
    std::iter::once(full)
        .chain(bare)
        .chain(description_key(name))
        .collect()
}

/// Words that end the description of an unnamed source and start what is
/// said of it ("who asked not to be named", "speaking on condition of
/// anonymity", "with 14 years' experience").
const DESCRIPTION_ENDS: [&str; 5] = ["who", "whose", "which", "with", "speaking"];

/// An unnamed source by its description alone: "a nurse who declined to be
/// named", "a nurse, who declined …" and "a nurse" are one person, as are
/// "one engineer in the Toronto office" and "an engineer in the Toronto
/// office who asked not to be named" ("a", "an" and "one" alike); `None`
/// for a name that opens with no article.
fn description_key(name: &str) -> Option<String> {
    let folded = name.to_lowercase().replace(',', " ");
    let mut words = folded.split_whitespace();
    let det = match words.next()? {
        "a" | "an" | "one" => "a",
        "another" => "another",
        _ => return None,
    };
    let rest: Vec<&str> = words
        .take_while(|w| !DESCRIPTION_ENDS.contains(w))
        .collect();
    (!rest.is_empty()).then(|| format!("~{det} {}", normalise(&rest.join(" "))))
}

/// Compares `predicted` with `gold`.
pub fn evaluate(predicted: &LoadedDataset, gold: &LoadedDataset) -> Report {
    let p = &predicted.dataset;
    let g = &gold.dataset;
    let bodies_differ = predicted.body != gold.body;

    // Predicted spans in gold characters.
    let mut unplaced = 0;
    let mut pspans: Vec<Option<(usize, usize)>> = Vec::with_capacity(p.quotes.len());
    if bodies_differ {
        let gold_chars: Vec<(usize, char)> = gold.body.char_indices().collect();
        let byte_to_char: HashMap<usize, usize> = gold_chars
            .iter()
            .enumerate()
            .map(|(c, (b, _))| (*b, c))
            .collect();
        let mut from = 0;
        for q in &p.quotes {
            let found = gold.body[from..]
                .find(&q.text)
                .map(|b| b + from)
                .or_else(|| gold.body.find(&q.text));
            match found {
                Some(b) => {
                    from = b;
                    let start = byte_to_char[&b];
                    pspans.push(Some((start, start + q.text.chars().count())));
                }
                None => {
                    unplaced += 1;
                    pspans.push(None);
                }
            }
        }
    } else {
        pspans.extend(p.quotes.iter().map(|q| Some((q.span[0], q.span[1]))));
    }

    // Quote matching: overlap >= 30% of the gold span, best first.
    let mut order: Vec<usize> = (0..p.quotes.len())
        .filter(|&i| pspans[i].is_some())
        .collect();
    order.sort_by_key(|&i| pspans[i].map(|s| s.0));
    let starts: Vec<usize> = order
        .iter()
        .map(|&i| pspans[i].map_or(0, |s| s.0))
        .collect();
    let longest = order
        .iter()
        .map(|&i| pspans[i].map_or(0, |s| s.1 - s.0))
        .max()
        .unwrap_or(0);
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, gq) in g.quotes.iter().enumerate() {
        let (gs, ge) = (gq.span[0], gq.span[1]);
        let glen = (ge - gs).max(1) as f64;
        let lo = starts.partition_point(|&s| s + longest < gs);
        for k in lo..order.len() {
            if starts[k] >= ge {
                break;
            }
            let pi = order[k];
            let (ps, pe) = pspans[pi].unwrap_or((0, 0));
            let overlap = pe.min(ge).saturating_sub(ps.max(gs)) as f64;
            if overlap >= 0.3 * glen {
                candidates.push((overlap / glen, pi, gi));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut p_taken = vec![false; p.quotes.len()];
    let mut g_taken = vec![false; g.quotes.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (_, pi, gi) in candidates {
        if !p_taken[pi] && !g_taken[gi] {
            p_taken[pi] = true;
            g_taken[gi] = true;
            pairs.push((pi, gi));
        }
    }
    let quotes = Prf::new(pairs.len(), p.quotes.len(), g.quotes.len());

    // Speakers by names and aliases.
    let speaker_map = match_speakers(p, g);
    let speakers = Prf::new(speaker_map.len(), p.speakers.len(), g.speakers.len());

    // Attribution.
    let p_index: HashMap<&str, usize> = p
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let g_index: HashMap<&str, usize> = g
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let right = |pi: usize, gi: usize| {
        let ps = p_index.get(p.quotes[pi].speaker.as_str());
        let gs = g_index.get(g.quotes[gi].speaker.as_str());
        matches!((ps, gs), (Some(a), Some(b)) if speaker_map.get(a) == Some(b))
    };
    let correct = pairs.iter().filter(|(pi, gi)| right(*pi, *gi)).count();
    let direct = direct_quotes(p, g, &pairs, right);
    let attribution = Attribution {
        accuracy: if pairs.is_empty() {
            0.0
        } else {
            correct as f64 / pairs.len() as f64
        },
        correct,
        matched: pairs.len(),
        end_to_end: Prf::new(correct, p.quotes.len(), g.quotes.len()),
    };

    // Categories.
    let pc: Vec<&str> = pairs
        .iter()
        .map(|(pi, _)| p.quotes[*pi].category.as_str())
        .collect();
    let gc: Vec<&str> = pairs
        .iter()
        .map(|(_, gi)| g.quotes[*gi].category.as_str())
        .collect();
    let categories = category_agreement(&pc, &gc, p.categories.len(), g.categories.len());

    let same_kind = pairs
        .iter()
        .filter(|(pi, gi)| p.quotes[*pi].kind == g.quotes[*gi].kind)
        .count();
    Report {
        article: g.article.id.clone(),
        quotes,
        speakers,
        attribution,
        categories,
        direct,
        kind_accuracy: if pairs.is_empty() {
            0.0
        } else {
            same_kind as f64 / pairs.len() as f64
        },
        unplaced,
        bodies_differ,
    }
}

/// Direct-quote scores from the matched pairs; `right` says whether a pair
/// has the right speaker.
fn direct_quotes(
    p: &Dataset,
    g: &Dataset,
    pairs: &[(usize, usize)],
    right: impl Fn(usize, usize) -> bool,
) -> DirectQuotes {
    use crate::model::QuoteKind;
    let is_direct = |k: &QuoteKind| *k == QuoteKind::Direct;
    let gold = g.quotes.iter().filter(|q| is_direct(&q.kind)).count();
    let predicted = p.quotes.iter().filter(|q| is_direct(&q.kind)).count();
    let matched = pairs
        .iter()
        .filter(|(pi, gi)| is_direct(&p.quotes[*pi].kind) && is_direct(&g.quotes[*gi].kind))
        .count();
    let right_speaker = pairs
        .iter()
        .filter(|(pi, gi)| is_direct(&g.quotes[*gi].kind) && right(*pi, *gi))
        .count();
    DirectQuotes {
        quotes: Prf::new(matched, predicted, gold),
        right_speaker,
        right_speaker_share: if gold == 0 {
            1.0
        } else {
            right_speaker as f64 / gold as f64
        },
    }
}

/// Predicted speaker index → gold speaker index, one to one.
fn match_speakers(p: &Dataset, g: &Dataset) -> HashMap<usize, usize> {
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (gi, s) in g.speakers.iter().enumerate() {
        for n in std::iter::once(&s.name).chain(&s.aliases) {
            for k in name_keys(n) {
                let list = by_name.entry(k).or_default();
                if !list.contains(&gi) {
                    list.push(gi);
                }
            }
        }
    }
    let mut taken = vec![false; g.speakers.len()];
    let mut out = HashMap::new();
    for (pi, s) in p.speakers.iter().enumerate() {
        let found = std::iter::once(&s.name)
            .chain(&s.aliases)
            .flat_map(|n| name_keys(n))
            .filter_map(|k| by_name.get(&k))
            .flatten()
            .find(|&&gi| !taken[gi]);
        if let Some(&gi) = found {
            taken[gi] = true;
            out.insert(pi, gi);
        }
    }
    out
}

fn category_agreement(pc: &[&str], gc: &[&str], np: usize, ng: usize) -> CategoryAgreement {
    let mut table: HashMap<(&str, &str), usize> = HashMap::new();
    let mut prow: HashMap<&str, usize> = HashMap::new();
    let mut gcol: HashMap<&str, usize> = HashMap::new();
    for (a, b) in pc.iter().zip(gc) {
        *table.entry((a, b)).or_default() += 1;
        *prow.entry(a).or_default() += 1;
        *gcol.entry(b).or_default() += 1;
    }
    let pairs = |n: usize| n * n.saturating_sub(1) / 2;
    let both: usize = table.values().map(|&n| pairs(n)).sum();
    let pred_pairs: usize = prow.values().map(|&n| pairs(n)).sum();
    let gold_pairs: usize = gcol.values().map(|&n| pairs(n)).sum();
    // One-to-one mapping by most shared quotes.
    let mut cells: Vec<((&str, &str), usize)> = table.into_iter().collect();
    cells.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut used_p: Vec<&str> = Vec::new();
    let mut used_g: Vec<&str> = Vec::new();
    let mut agree = 0;
    for ((a, b), n) in cells {
        if !used_p.contains(&a) && !used_g.contains(&b) {
            used_p.push(a);
            used_g.push(b);
            agree += n;
        }
    }
    CategoryAgreement {
        accuracy: if pc.is_empty() {
            0.0
        } else {
            agree as f64 / pc.len() as f64
        },
        pairwise: Prf::new(both, pred_pairs, gold_pairs),
        predicted_categories: np,
        gold_categories: ng,
    }
}

/// The report as a small table.
pub fn render(r: &Report) -> String {
    let row = |name: &str, s: &Prf| {
        format!(
            "{name:<12} {:>9.3} {:>7.3} {:>6.3}   {}/{}/{}\n",
            s.precision, s.recall, s.f1, s.matched, s.predicted, s.gold
        )
    };
    let mut out = format!("article {}\n", r.article);
    out.push_str(&format!(
        "{:<12} {:>9} {:>7} {:>6}   matched/predicted/gold\n",
        "", "precision", "recall", "F1"
    ));
    out.push_str(&row("quotes", &r.quotes));
    out.push_str(&row("speakers", &r.speakers));
    out.push_str(&row("attributed", &r.attribution.end_to_end));
    out.push_str(&row("cat. pairs", &r.categories.pairwise));
    out.push_str(&row("direct", &r.direct.quotes));
    out.push_str(&format!(
        "attribution  {:.3}   ({} of {} matched quotes have the right speaker)\n",
        r.attribution.accuracy, r.attribution.correct, r.attribution.matched
    ));
    out.push_str(&format!(
        "right speaker {:.3}  ({} of {} gold direct quotes found under the right speaker)\n",
        r.direct.right_speaker_share, r.direct.right_speaker, r.direct.quotes.gold
    ));
    out.push_str(&format!(
        "categories   {:.3}   (matched quotes in the mapped category; {} predicted, {} gold categories)\n",
        r.categories.accuracy, r.categories.predicted_categories, r.categories.gold_categories
    ));
    out.push_str(&format!(
        "kind         {:.3}   (matched quotes whose kind, direct or paraphrase, agrees)\n",
        r.kind_accuracy
    ));
    if r.bodies_differ {
        out.push_str(&format!(
            "note: the article bodies differ; quotes were placed by their text ({} could not be)\n",
            r.unplaced
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Category, Quote, QuoteKind, SCHEMA_VERSION, Speaker, SpeakerKind};

    fn dataset(
        body: &str,
        quotes: &[(&str, &str, &str, usize, usize)],
        names: &[(&str, &str)],
    ) -> LoadedDataset {
        let speakers = names
            .iter()
            .map(|(id, name)| Speaker {
                id: id.to_string(),
                name: name.to_string(),
                aliases: vec![],
                role: None,
                affiliation: None,
                affiliation_aliases: vec![],
                country: None,
                kind: SpeakerKind::Academic,
                note: None,
            })
            .collect();
        let mut cats: Vec<&str> = quotes.iter().map(|q| q.2).collect();
        cats.dedup();
        LoadedDataset {
            file: "x".into(),
            body: body.to_string(),
            dataset: Dataset {
                schema_version: SCHEMA_VERSION,
                article: Article {
                    id: "a".into(),
                    title: "t".into(),
                    author: "a".into(),
                    author_role: None,
                    outlet: "o".into(),
                    date: "2023-01-01".into(),
                    series: None,
                    part: None,
                    url: None,
                    body_file: None,
                    body: None,
                    guessed: vec![],
                },
                categories: cats
                    .iter()
                    .enumerate()
                    .map(|(i, c)| Category {
                        id: c.to_string(),
                        title: c.to_string(),
                        summary: String::new(),
                        order: i as i64,
                    })
                    .collect(),
                speakers,
                quotes: quotes
                    .iter()
                    .enumerate()
                    .map(|(i, (s, _, c, a, b))| Quote {
                        id: format!("q{i}"),
                        speaker: s.to_string(),
                        category: c.to_string(),
                        kind: QuoteKind::Direct,
                        text: body.chars().skip(*a).take(b - a).collect(),
                        span: [*a, *b],
                        date: None,
                        note: None,
                        cue: None,
                        confidence: None,
                        url: None,
                    })
                    .collect(),
            },
        }
    }

    #[test]
    fn overlap_of_thirty_percent_of_the_gold_span_matches() {
        let body = "0123456789012345678901234567890123456789";
        let gold = dataset(
            body,
            &[("s", "", "c", 0, 10), ("s", "", "c", 20, 30)],
            &[("s", "Jane Roe")],
        );
        // 3 of 10 gold characters: a match; 2 of 10: none.
        let pred = dataset(
            body,
            &[("p", "", "c", 7, 12), ("p", "", "c", 28, 35)],
            &[("p", "jane roe")],
        );
        let r = evaluate(&pred, &gold);
        assert_eq!(
            (r.quotes.matched, r.quotes.predicted, r.quotes.gold),
            (1, 2, 2)
        );
        assert_eq!(r.speakers.f1, 1.0);
        assert_eq!(r.attribution.accuracy, 1.0);
    }

    #[test]
    fn speakers_match_by_normalised_names_and_attribution_follows() {
        let body = "abcdefghijklmnopqrstuvwxyz";
        let gold = dataset(
            body,
            &[("a", "", "c", 0, 5), ("b", "", "c", 10, 15)],
            &[("a", "Ramón Pardo"), ("b", "The EU")],
        );
        let pred = dataset(
            body,
            &[("x", "", "c", 0, 5), ("x", "", "d", 10, 15)],
            &[("x", "ramon pardo"), ("y", "NATO")],
        );
        let r = evaluate(&pred, &gold);
        assert_eq!(r.speakers.matched, 1);
        assert_eq!(r.attribution.correct, 1);
        assert_eq!(r.attribution.matched, 2);
        assert_eq!(r.categories.pairwise.gold, 1);
        assert_eq!(r.categories.pairwise.predicted, 0);
        assert!(render(&r).contains("attribution  0.500"));
    }

    #[test]
    fn unnamed_sources_match_by_their_description() {
        let key = |n: &str| description_key(n);
        assert_eq!(
            key("a nurse who declined to be named"),
            key("a nurse, who declined to be named because …")
        );
        assert_eq!(key("a nurse"), key("a nurse who declined to be named"));
        assert_eq!(
            key("one engineer in the Toronto office"),
            key("an engineer in the Toronto office who asked not to be named")
        );
        assert_eq!(
            key("a primary teacher in Fife with 14 years experience"),
            key("a primary teacher in Fife who asked not to be named")
        );
        // Other people, other descriptions.
        assert_ne!(key("one user"), key("another user"));
        assert_ne!(key("a former employee"), key("a former product designer"));
        assert_eq!(key("Anna Berg"), None);
        // One to one: two nurses are two speakers.
        let body = "abcdefghijklmnopqrstuvwxyz";
        let gold = dataset(
            body,
            &[("a", "", "c", 0, 5), ("b", "", "c", 10, 15)],
            &[
                ("a", "a nurse who declined to be named"),
                ("b", "a nurse at the clinic"),
            ],
        );
        let pred = dataset(
            body,
            &[("x", "", "c", 0, 5), ("y", "", "c", 10, 15)],
            &[("x", "a nurse"), ("y", "a nurse at the clinic")],
        );
        let r = evaluate(&pred, &gold);
        assert_eq!(r.speakers.matched, 2);
        assert_eq!(r.attribution.correct, 2);
    }

    #[test]
    fn different_bodies_place_quotes_by_text() {
        let gold = dataset("xx hello world yy", &[("a", "", "c", 3, 14)], &[("a", "A")]);
        let mut pred = dataset("hello world", &[("a", "", "c", 0, 11)], &[("a", "A")]);
        pred.dataset.quotes[0].text = "hello world".into();
        let r = evaluate(&pred, &gold);
        assert!(r.bodies_differ);
        assert_eq!(r.quotes.matched, 1);
    }
}

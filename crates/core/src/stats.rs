//! Aggregates of an index for the statistics view: quotes per category and
//! per kind of speaker, and the dated statements day by day. Computed once
//! per index by [`Stats::of`], in one pass over the
//! quotes, so that a corpus of a million quotes costs nothing per frame.

use std::collections::{BTreeMap, HashSet};

use crate::ids::SpeakerId;
use crate::index::Index;
use crate::model::SpeakerKind;

/// How many speakers a day of the timeline names; the rest are counted.
pub const NAMES_PER_DAY: usize = 12;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// (title, quotes) per category, in category order.
    pub per_category: Vec<(String, u64)>,
    /// (kind, speakers, quotes) per kind of speaker that has quotes.
    pub per_kind: Vec<(SpeakerKind, u64, u64)>,
    /// Per day with dated quotes (ISO date, in order): the speakers of that
    /// day in order of their first quote.
    pub timeline: BTreeMap<String, Day>,
}

/// The speakers of one day of the timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Day {
    /// The first [`NAMES_PER_DAY`] speakers, by name.
    pub names: Vec<String>,
    /// How many speakers in all.
    pub speakers: usize,
}

impl Stats {
    pub fn of(index: &Index) -> Stats {
        let per_category = index
            .category_ids()
            .map(|c| {
                (
                    index.category(c).data.title.clone(),
                    index.quotes_by_category(c).len() as u64,
                )
            })
            .collect();

        let mut kinds: BTreeMap<SpeakerKind, (u64, u64)> = BTreeMap::new();
        for s in index.speaker_ids() {
            let quotes = index.quotes_by_speaker(s).len() as u64;
            let entry = kinds.entry(index.speaker(s).data.kind).or_default();
            entry.0 += 1;
            entry.1 += quotes;
        }
        let per_kind = SpeakerKind::ALL
            .iter()
            .filter_map(|k| {
                let &(speakers, quotes) = kinds.get(k)?;
                (quotes > 0).then_some((*k, speakers, quotes))
            })
            .collect();

        let mut seen: HashSet<(&str, SpeakerId)> = HashSet::new();
        let mut timeline: BTreeMap<String, Day> = BTreeMap::new();
        for q in index.quote_ids() {
            let Some(date) = index.quote_date(q) else {
                continue;
            };
            let speaker = index.quote_speaker(q);
            if !seen.insert((date, speaker)) {
                continue;
            }
            let day = match timeline.get_mut(date) {
                Some(day) => day,
                None => timeline.entry(date.to_string()).or_default(),
            };
            day.speakers += 1;
            if day.names.len() < NAMES_PER_DAY {
                day.names.push(index.speaker(speaker).data.name.clone());
            }
        }
        Stats {
            per_category,
            per_kind,
            timeline,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    #[test]
    fn the_seed_article_in_figures() {
        let index = load::load_embedded().unwrap();
        let stats = Stats::of(&index);
        assert_eq!(stats.per_category.len(), 7);
        let quotes: u64 = stats.per_category.iter().map(|c| c.1).sum();
        assert_eq!(quotes as usize, index.quote_total());
        let by_kind: u64 = stats.per_kind.iter().map(|k| k.2).sum();
        assert_eq!(by_kind as usize, index.quote_total());
        // Kirby and Blinken spoke on 13 September.
        let day = &stats.timeline["2023-09-13"];
        assert!(day.names.iter().any(|n| n.contains("Kirby")), "{day:?}");
        assert!(day.names.iter().any(|n| n.contains("Blinken")), "{day:?}");
        assert_eq!(day.speakers, day.names.len());
    }
}

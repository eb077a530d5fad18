//! Typed positions of records in an index: an article, category, speaker or
//! quote is named by its own kind of id, so one cannot be passed where
//! another is meant.
//!
//! An id is the record's position in the index (in corpus order), as
//! written in the index's files (a plain number: the types are
//! transparent to serde). Indexes hold fewer than 2^32 records of a kind.

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(u32);

        impl $name {
            /// The id of the record at position `i`.
            pub const fn new(i: usize) -> Self {
                Self(i as u32)
            }

            /// The record's position.
            pub const fn get(self) -> usize {
                self.0 as usize
            }

            /// The position as written in the index's files.
            pub const fn raw(self) -> u32 {
                self.0
            }

            /// The id `by` places further: a record's id once the records
            /// of another index are placed before its own.
            pub const fn offset(self, by: usize) -> Self {
                Self::new(self.get() + by)
            }

            /// The id written as `raw` in the index's files.
            pub const fn from_raw(raw: u32) -> Self {
                Self(raw)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// An article of the index.
    ArticleId
);
id_type!(
    /// A category of the index.
    CategoryId
);
id_type!(
    /// A speaker of the index.
    SpeakerId
);
id_type!(
    /// A quote of the index (its position in the corpus).
    QuoteId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_their_positions_and_serialize_as_numbers() {
        let s = SpeakerId::new(7);
        assert_eq!(s.get(), 7);
        assert_eq!(s.raw(), 7);
        assert_eq!(serde_json::to_string(&s).unwrap(), "7");
        assert_eq!(
            serde_json::from_str::<QuoteId>("12").unwrap(),
            QuoteId::new(12)
        );
        assert!(CategoryId::new(1) < CategoryId::new(2));
    }
}

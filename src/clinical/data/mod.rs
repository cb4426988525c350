//! The clinical data's types: one definition for the app, for `build.rs` and for the tests.
//!
//! The JSON files beside this module (`vocabulary.json`, `therapies.json`, `rules.json`, `review.json`) are what a
//! clinical reviewer reads and edits. `build.rs` includes this module (`#[path]`), runs [`load::compile`] and
//! [`load::compile_review`] over the files (serde with these types' own attributes, then the checks serde cannot
//! express) and writes the result out as Rust statics, so the app ships neither the JSON text nor a parser for it,
//! and a file the types reject fails the build with its JSON path. Native tests run the same functions over edited
//! copies of the files.
//!
//! The types hold `&'static` data because that is what the statics are. Deserializing them moves each parsed string
//! and list into `'static` memory for good (see [`leak`]): right for a build script and for tests, which parse a few
//! files once; the app itself never parses them.
//!
//! This module must depend on nothing but `serde`, `serde_json`, `serde_path_to_error` and [`super::terms`], since
//! the build script compiles it on its own.

mod catalog_types;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;
mod review_types;
mod rule_types;

pub use super::terms::{
    CostBand, EvidenceRating, Outcome, Question, Setting, Strength, TherapyStatus,
};
pub use catalog_types::{
    AdequateTrial, Catalog, Course, Evidence, SelfCareLabel, SideEffect, Term, TermGroup, Therapy,
};
pub use review_types::{AdherenceCutoff, ChangeWords, ReasonWords, ReviewBook, Wording};
pub use rule_types::{
    Answer, Cond, CrisisLine, Derivation, EmergencyNumber, FlagRule, NoticeOffer, NoticeRule,
    RuleBook, Target, TherapyRule,
};

/// `deserialize_with` helpers that move a parsed list or map into `'static` memory, where the data's types hold it.
///
/// serde can borrow a `&'static str` from the input by itself, but has no way to build a `&'static [T]`.
mod leak {
    use serde::{Deserialize, Deserializer};
    use std::collections::BTreeMap;

    /// A JSON array as a `'static` slice.
    pub fn list<D, T>(d: D) -> Result<&'static [T], D::Error>
    where
        D: Deserializer<'static>,
        T: Deserialize<'static>,
    {
        Vec::deserialize(d).map(|v| &*v.leak())
    }

    /// A JSON object as a `'static` slice of pairs in key order (how the app's lookups read it).
    pub fn map<D, V>(d: D) -> Result<&'static [(&'static str, V)], D::Error>
    where
        D: Deserializer<'static>,
        V: Deserialize<'static>,
    {
        let map = BTreeMap::<&'static str, V>::deserialize(d)?;
        Ok(map.into_iter().collect::<Vec<_>>().leak())
    }

    /// A JSON object of string arrays (`{"yoga": ["exercise"]}`) as a `'static` slice of pairs in key order.
    pub fn map_of_lists<D>(
        d: D,
    ) -> Result<&'static [(&'static str, &'static [&'static str])], D::Error>
    where
        D: Deserializer<'static>,
    {
        let map = BTreeMap::<&'static str, Vec<&'static str>>::deserialize(d)?;
        Ok(map
            .into_iter()
            .map(|(k, v)| (k, &*v.leak()))
            .collect::<Vec<_>>()
            .leak())
    }
}

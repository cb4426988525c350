//! Pure clinical core: catalog, intake, scores, safety screening, ranking, plans and progress (no browser, no I/O).
//!
//! Everything here is deterministic and data-driven: therapies, evidence and rules live in `data/*.json`
//! with a source on every entry, so a clinical reviewer can read them in one place.

pub mod catalog;
pub mod citation;
pub mod data;
pub mod dates;
pub mod flare;
pub mod intake;
pub mod plan;
pub mod progress;
pub mod ranking;
pub mod review;
pub mod rule_text;
pub mod rules;
pub mod scores;
pub mod screening;
pub mod terms;

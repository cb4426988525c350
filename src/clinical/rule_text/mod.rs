//! The rule book in words (RULES §2 and §4): every derived fact, red flag, notice and therapy rule, with its
//! condition written as a plain sentence fragment from the catalog's labels, so a clinician can review the rules
//! without reading Rust or JSON.
//!
//! One structure feeds both `docs/clinical-rules.md` ([`markdown`], via `examples/clinical_rules.rs`) and the
//! in-app "How Mosaic checks safety" view, so the two can never say different things. Which rules reach which
//! therapy comes from the compiled [`Engine`](crate::clinical::rules::Engine), not from a second reading of the data.

mod book;
mod conditions;
mod markdown;
mod statuses;
mod words;

pub use book::{
    describe, rule_book_text, BookText, DerivedText, FlagText, NoticeText, TherapyRuleText,
    TherapyText,
};
pub use conditions::condition_words;
pub use markdown::{markdown, REGENERATE};
pub use statuses::{outcome_words, status_words};
pub use words::{Piece, Words};

#[cfg(test)]
mod tests;

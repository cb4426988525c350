//! Screening rules as data (`data/rules.json`, RULES §2) and the small condition language they are written in.
//!
//! Rules live in data with a source each so a clinical reviewer can read and sign them off in one place; the
//! engine ([`Engine`]) is generic over them and knows no rule by name. `build.rs` validates the file and compiles
//! it into the static below, so the app ships no JSON parser for it. The types are defined in [`super::data`].

pub use crate::clinical::data::{
    Answer, Cond, CrisisLine, Derivation, EmergencyNumber, FlagRule, NoticeOffer, NoticeRule,
    RuleBook, Target, TherapyRule,
};
pub use crate::clinical::terms::Question;
use std::sync::OnceLock;

mod compiled;
mod engine;

pub use engine::{Engine, Fired};

impl TherapyRule {
    /// The therapy or group named as the target, if the rule names one.
    pub fn named_target(&self) -> Option<&'static str> {
        match self.target {
            Target::Named(name) => Some(name),
            Target::EveryTherapyTesting(_) => None,
        }
    }
}

/// `pub static RULE_BOOK: RuleBook`, written by build.rs from `data/rules.json`.
mod generated {
    use crate::clinical::data::*;
    include!(concat!(env!("OUT_DIR"), "/rules_data.rs"));
}

impl RuleBook {
    /// The therapies `therapy` directly inherits rules from (e.g. `yoga` → `exercise`).
    pub fn parents(&self, therapy: &str) -> &'static [&'static str] {
        lookup(self.inherit, therapy).unwrap_or_default()
    }

    /// The members of a therapy group (e.g. `herbal`), or `None` when there is no such group.
    pub fn group(&self, name: &str) -> Option<&'static [&'static str]> {
        lookup(self.groups, name)
    }

    /// The notice rule with this ID.
    pub fn notice(&self, id: &str) -> Option<&NoticeRule> {
        self.notices.iter().find(|n| n.id == id)
    }
}

/// The value stored under `key` in a static table of pairs.
fn lookup<V: Copy>(table: &'static [(&'static str, V)], key: &str) -> Option<V> {
    table.iter().find(|(k, _)| *k == key).map(|&(_, v)| v)
}

/// The rule book; the build has already validated it, so there is nothing to fail at run time.
pub fn rule_book() -> &'static RuleBook {
    &generated::RULE_BOOK
}

/// The engine for the rule book over the catalog's therapies, compiled once.
pub fn engine() -> &'static Engine {
    // The one module-level value in the crate, and not state: compiled from the static rule book on first use and
    // never changed afterwards, so every screening shares it instead of recompiling the rules.
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        // Every therapy of the catalog is screened; tests/catalog.rs holds the catalog to RULES §1.7.
        let ids: Vec<String> = crate::clinical::catalog::catalog()
            .therapies
            .iter()
            .map(|t| t.id.to_string())
            .collect();
        Engine::new(rule_book(), ids).expect("embedded rules compile")
    })
}

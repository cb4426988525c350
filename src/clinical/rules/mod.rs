//! Screening rules as data (`data/rules.json`, RULES §2) and the small condition language they are written in.
//!
//! Rules live in data with a source each so a clinical reviewer can read and sign them off in one place; the
//! engine ([`Engine`]) is generic over them and knows no rule by name. `build.rs` validates the file and compiles
//! it into the static below, so the app ships no JSON parser for it.

use super::screening::{Outcome, Status};

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

// An answer that was not given never satisfies a "has X" test; a skipped question is tested only by
// `not_answered` (and `activity_not`), so every rule that treats "unknown" as a risk says so in the data.
/// A condition over the intake, written in `data/rules.json` as e.g. `{"any_condition": ["dvt"]}`.
#[derive(Clone, Debug, PartialEq)]
pub enum Cond {
    /// Constant (`{"always": true}` for rules that always apply, e.g. kava's liver warning).
    Always(bool),
    /// Any of these red-flag symptom IDs was answered "yes".
    AnySymptom(&'static [&'static str]),
    /// Any of these health-condition IDs was answered "yes", or is implied by another answer ([`Derivation`]).
    AnyCondition(&'static [&'static str]),
    /// Any of these medication classes is taken.
    AnyMedication(&'static [&'static str]),
    /// A medication class outside this list is taken.
    AnyMedicationExcept(&'static [&'static str]),
    /// The question was skipped (`null` or missing).
    NotAnswered(Question),
    /// Age is answered and at least this.
    AgeAtLeast(u16),
    /// Age is answered and below this.
    AgeBelow(u16),
    /// Age is answered and above this.
    AgeAbove(u16),
    /// Activity is not this value, including not answered.
    ActivityNot(&'static str),
    /// `pain.primary` is this condition.
    Primary(&'static str),
    /// PHQ-9 item 9 is answered and at least this.
    SelfHarmAtLeast(u8),
    /// Pain duration is answered and below this many months.
    DurationBelow(u16),
    /// The answered PHQ-2 items add up to at least this (a missing item cannot lower a sum).
    Phq2AnsweredAtLeast(u8),
    /// The answered GAD-2 items add up to at least this.
    Gad2AnsweredAtLeast(u8),
    /// The answered STarT Back items give a distress (psychosocial) subscale of at least this.
    StartBackDistressAnsweredAtLeast(u8),
    /// Every condition holds.
    All(&'static [Cond]),
    /// At least one condition holds.
    Any(&'static [Cond]),
}

/// An answer that implies a health condition (e.g. a transplant medicine implies a weakened immune system).
#[derive(Clone, Debug, PartialEq)]
pub struct Derivation {
    /// Stable ID, e.g. `DERIVED-TRANSPLANT-IMMUNOSUPPRESSED`.
    pub id: &'static str,
    /// The answer it starts from.
    pub from: Answer,
    /// The health-condition ID (RULES §1.4) that then counts as answered "yes".
    pub implies_condition: &'static str,
    /// Why, finishing the sentence "because …", for every finding that fired only through this fact.
    pub because: &'static str,
    /// Citation.
    pub source: &'static str,
}

/// One answer a [`Derivation`] starts from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Answer {
    /// A medication class is taken.
    Medication(&'static str),
    /// A red-flag symptom was answered "yes".
    Symptom(&'static str),
}

/// Which therapies a therapy rule applies to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    /// One therapy, or a group name (e.g. `herbal`), plus every therapy inheriting from it.
    Named(&'static str),
    /// Every therapy with at least one other rule that tests this question's list (RULES §4.1 unknowns).
    EveryTherapyTesting(Question),
}

/// A plan-level rule (RULES §2.1).
#[derive(Clone, Debug, PartialEq)]
pub struct FlagRule {
    /// Rule ID exactly as in RULES, e.g. `RF-CES`.
    pub id: &'static str,
    /// Outcome when it fires.
    pub outcome: Outcome,
    /// When it fires.
    pub when: Cond,
    /// Why, in plain language.
    pub message: &'static str,
    /// What to do now, in plain language.
    pub action: &'static str,
    /// Citation (SOURCES section and the original).
    pub source: &'static str,
}

/// A plan-level notice rule (RULES §2.1, notices).
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeRule {
    /// Notice ID, e.g. `not_chronic`.
    pub id: &'static str,
    /// A short heading for the notice, in plain language.
    pub title: &'static str,
    /// When it is raised.
    pub when: Cond,
    /// Plain-language explanation.
    pub message: &'static str,
    /// Citation.
    pub source: &'static str,
}

/// A therapy rule (RULES §2.2): one row item of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct TherapyRule {
    /// Rule ID, e.g. `MASSAGE-DVT`.
    pub id: &'static str,
    /// The therapies it applies to.
    pub target: Target,
    /// Status it gives when it fires.
    pub status: Status,
    /// When it fires.
    pub when: Cond,
    /// Plain-language message for the person.
    pub message: &'static str,
    /// Citation.
    pub source: &'static str,
}

/// The whole rule book as stored in `data/rules.json`.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleBook {
    /// Therapy → therapies whose rules it also gets (e.g. `yoga` → `exercise`).
    pub inherit: &'static [(&'static str, &'static [&'static str])],
    /// Group name → member therapies (e.g. `herbal`).
    pub groups: &'static [(&'static str, &'static [&'static str])],
    /// Facts implied by other answers, applied before any rule runs (RULES §4.2).
    pub derived: &'static [Derivation],
    /// Plan-level rules.
    pub flags: &'static [FlagRule],
    /// Notice rules.
    pub notices: &'static [NoticeRule],
    /// Therapy rules.
    pub therapy: &'static [TherapyRule],
}

// `static RULE_BOOK: RuleBook`, written by build.rs from `data/rules.json`.
include!(concat!(env!("OUT_DIR"), "/rules_data.rs"));

impl RuleBook {
    /// The therapies `therapy` directly inherits rules from (e.g. `yoga` → `exercise`).
    pub fn parents(&self, therapy: &str) -> &'static [&'static str] {
        lookup(self.inherit, therapy).unwrap_or_default()
    }

    /// The members of a therapy group (e.g. `herbal`), or `None` when there is no such group.
    pub fn group(&self, name: &str) -> Option<&'static [&'static str]> {
        lookup(self.groups, name)
    }
}

/// The value stored under `key` in a static table of pairs.
fn lookup<V: Copy>(table: &'static [(&'static str, V)], key: &str) -> Option<V> {
    table.iter().find(|(k, _)| *k == key).map(|&(_, v)| v)
}

/// The rule book; the build has already validated it, so there is nothing to fail at run time.
pub fn rule_book() -> &'static RuleBook {
    &RULE_BOOK
}

/// The engine for the rule book over the catalog's therapies, compiled once.
pub fn engine() -> &'static Engine {
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

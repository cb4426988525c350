//! Screening rules as data (`data/rules.json`, RULES §2) and the small condition language they are written in.
//!
//! Rules live in data with a source each so a clinical reviewer can read and sign them off in one place; the
//! engine ([`Engine`]) is generic over them and knows no rule by name.

use super::screening::{Outcome, Status};
use crate::clinical::scores::Risk;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

mod engine;

pub use engine::{Engine, Fired};

/// A question whose "not answered" state some rules react to (RULES §1.1, N-UNKNOWN).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// `age`.
    Age,
    /// `symptoms`.
    Symptoms,
    /// `conditions`.
    Conditions,
    /// `medications`.
    Medications,
    /// `supplements`.
    Supplements,
    /// `activity`.
    Activity,
}

// An answer that was not given never satisfies a "has X" test; only `not_answered` and `activity_not`
// are true for a skipped question, because RULES §2 lists exactly which rules fire on "not answered".
/// A condition over the intake, written in `data/rules.json` as e.g. `{"any_condition": ["dvt"]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Cond {
    /// Constant (`{"always": true}` for rules that always apply, e.g. kava's liver warning).
    Always(bool),
    /// Any of these red-flag symptom IDs was answered "yes".
    AnySymptom(Vec<String>),
    /// Any of these health-condition IDs was answered "yes".
    AnyCondition(Vec<String>),
    /// Any of these medication classes is taken.
    AnyMedication(Vec<String>),
    /// A medication class outside this list is taken.
    AnyMedicationExcept(Vec<String>),
    /// The question was skipped (`null` or missing).
    NotAnswered(Question),
    /// Age is answered and at least this.
    AgeAtLeast(u16),
    /// Age is answered and below this.
    AgeBelow(u16),
    /// Age is answered and above this.
    AgeAbove(u16),
    /// Activity is not this value, including not answered.
    ActivityNot(String),
    /// `pain.primary` is this condition.
    Primary(String),
    /// PHQ-9 item 9 is answered and at least this.
    SelfHarmAtLeast(u8),
    /// Pain duration is answered and below this many months.
    DurationBelow(u16),
    /// PHQ-2 is complete and at least this.
    Phq2AtLeast(u8),
    /// GAD-2 is complete and at least this.
    Gad2AtLeast(u8),
    /// STarT Back was scored with this risk group.
    StartBack(Risk),
    /// Every condition holds.
    All(Vec<Cond>),
    /// At least one condition holds.
    Any(Vec<Cond>),
}

/// A plan-level rule (RULES §2.1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagRule {
    /// Rule ID exactly as in RULES, e.g. `RF-CES`.
    pub id: String,
    /// Outcome when it fires.
    pub outcome: Outcome,
    /// When it fires.
    pub when: Cond,
    /// Why, in plain language.
    pub message: String,
    /// What to do now, in plain language.
    pub action: String,
    /// Citation (SOURCES section and the original).
    pub source: String,
}

/// A plan-level notice rule (RULES §2.1, notices).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeRule {
    /// Notice ID, e.g. `not_chronic`.
    pub id: String,
    /// When it is raised.
    pub when: Cond,
    /// Plain-language explanation.
    pub message: String,
    /// Citation.
    pub source: String,
}

/// A therapy rule (RULES §2.2): one row item of the table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TherapyRule {
    /// Rule ID, e.g. `MASSAGE-DVT`.
    pub id: String,
    /// Therapy ID or group name it applies to.
    #[serde(rename = "for")]
    pub target: String,
    /// Status it gives when it fires.
    pub status: Status,
    /// When it fires.
    pub when: Cond,
    /// Plain-language message for the person.
    pub message: String,
    /// Citation.
    pub source: String,
}

/// The whole rule book as stored in `data/rules.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleBook {
    /// Therapy → therapies whose rules it also gets (e.g. `yoga` → `exercise`).
    pub inherit: BTreeMap<String, Vec<String>>,
    /// Group name → member therapies (e.g. `herbal`).
    pub groups: BTreeMap<String, Vec<String>>,
    /// Plan-level rules.
    pub flags: Vec<FlagRule>,
    /// Notice rules.
    pub notices: Vec<NoticeRule>,
    /// Therapy rules.
    pub therapy: Vec<TherapyRule>,
}

const RULES_JSON: &str = include_str!("../data/rules.json");

impl RuleBook {
    /// Parses the embedded `data/rules.json`.
    pub fn from_embedded() -> Result<RuleBook, String> {
        serde_json::from_str(RULES_JSON).map_err(|e| format!("data/rules.json: {e}"))
    }
}

/// The embedded rule book, parsed once.
pub fn rule_book() -> &'static RuleBook {
    static BOOK: OnceLock<RuleBook> = OnceLock::new();
    BOOK.get_or_init(|| RuleBook::from_embedded().expect("embedded rules are valid"))
}

/// The engine for the embedded rules over the catalog's therapies, compiled once.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        // Every therapy of the catalog is screened; tests/catalog.rs holds the catalog to RULES §1.7.
        let ids: Vec<String> = crate::clinical::catalog::catalog()
            .therapies
            .iter()
            .map(|t| t.id.clone())
            .collect();
        Engine::new(rule_book().clone(), ids).expect("embedded rules compile")
    })
}

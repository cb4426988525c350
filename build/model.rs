//! The data files' shape, deserialized with the same serde attributes the app's types used to carry.
//!
//! Keeping serde's own derive here (rather than a hand-written checker) is what makes the build accept and
//! reject exactly the files the runtime parser did: unknown or duplicate keys, missing required keys, wrong
//! types and misspelled enum values all fail the same way.

pub use crate::terms::{CostBand, EvidenceRating, Outcome, Question, Setting, Status, Strength};
use serde::Deserialize;
use std::collections::BTreeMap;

/// `Evidence` in `src/clinical/catalog.rs`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub rating: EvidenceRating,
    #[serde(default)]
    pub strength: Option<Strength>,
    pub summary: String,
    pub source: String,
}

/// `Course` in `src/clinical/catalog.rs`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub per_week_min: u8,
    pub per_week_max: u8,
    pub per_week_default: u8,
    pub session_minutes: u16,
    pub weeks: u8,
    #[serde(default)]
    pub home_minutes: Option<u16>,
    #[serde(default)]
    pub home_per_week: Option<u8>,
    pub description: String,
    pub source: String,
}

/// `SideEffect` in `src/clinical/catalog.rs`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SideEffect {
    pub text: String,
    pub source: String,
}

/// `Therapy` in `src/clinical/catalog.rs`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Therapy {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub how_it_works: String,
    pub setting: Setting,
    pub provider: String,
    pub credential: String,
    pub needles: bool,
    pub touch: bool,
    pub supplement: bool,
    #[serde(default)]
    pub course: Option<Course>,
    pub cost: CostBand,
    pub evidence: BTreeMap<String, Evidence>,
    pub risks: Vec<SideEffect>,
    pub source: String,
}

/// `Term` in `src/clinical/catalog.rs`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub help: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub source: String,
}

/// The whole of `data/vocabulary.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    pub conditions: Vec<Term>,
    pub symptoms: Vec<Term>,
    pub health: Vec<Term>,
    pub medications: Vec<Term>,
    pub supplements: Vec<Term>,
}

/// `Cond` in `src/clinical/rules/mod.rs`.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Cond {
    Always(bool),
    AnySymptom(Vec<String>),
    AnyCondition(Vec<String>),
    AnyMedication(Vec<String>),
    AnyMedicationExcept(Vec<String>),
    NotAnswered(Question),
    AgeAtLeast(u16),
    AgeBelow(u16),
    AgeAbove(u16),
    ActivityNot(String),
    Primary(String),
    SelfHarmAtLeast(u8),
    DurationBelow(u16),
    Phq2AnsweredAtLeast(u8),
    Gad2AnsweredAtLeast(u8),
    StartBackDistressAnsweredAtLeast(u8),
    All(Vec<Cond>),
    Any(Vec<Cond>),
}

/// `FlagRule` in `src/clinical/rules/mod.rs`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagRule {
    pub id: String,
    pub outcome: Outcome,
    pub when: Cond,
    pub message: String,
    pub action: String,
    pub source: String,
}

/// `NoticeRule` in `src/clinical/rules/mod.rs`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeRule {
    pub id: String,
    pub title: String,
    pub when: Cond,
    pub message: String,
    pub source: String,
}

/// `TherapyRule` in `src/clinical/rules/mod.rs`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TherapyRule {
    pub id: String,
    #[serde(rename = "for")]
    pub target: Target,
    pub status: Status,
    pub when: Cond,
    pub message: String,
    pub source: String,
}

/// `Derivation` in `src/clinical/rules/mod.rs`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Derivation {
    pub id: String,
    pub from: Answer,
    pub implies_condition: String,
    pub because: String,
    pub source: String,
}

/// `Answer` in `src/clinical/rules/mod.rs`.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Answer {
    Medication(String),
    Symptom(String),
}

/// `Target` in `src/clinical/rules/mod.rs`: a therapy or group name, or `{"every_therapy_testing": "conditions"}`.
#[derive(Deserialize)]
#[serde(untagged, deny_unknown_fields)]
pub enum Target {
    Named(String),
    Testing { every_therapy_testing: Question },
}

/// The whole of `data/rules.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleBook {
    pub inherit: BTreeMap<String, Vec<String>>,
    pub groups: BTreeMap<String, Vec<String>>,
    pub derived: Vec<Derivation>,
    pub flags: Vec<FlagRule>,
    pub notices: Vec<NoticeRule>,
    pub therapy: Vec<TherapyRule>,
}

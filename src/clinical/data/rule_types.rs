//! The rule book's types (`rules.json`, RULES §2 and §4) and the small condition language rules are written in.
//!
//! A new kind of condition is one variant of [`Cond`] here plus its meaning in `rules/compiled.rs` (and its words in
//! `rule_text`); the build reads and writes it through these same types.

use super::leak;
use super::{Outcome, Question, TherapyStatus};
use serde::{Deserialize, Serialize};

// An answer that was not given never satisfies a "has X" test; a skipped question is tested only by
// `not_answered` (and `activity_not`), so every rule that treats "unknown" as a risk says so in the data.
/// A condition over the intake, written in `data/rules.json` as e.g. `{"any_condition": ["dvt"]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Cond {
    /// Constant (`{"always": true}` for rules that always apply, e.g. kava's liver warning).
    Always(bool),
    /// Any of these red-flag symptom IDs was answered "yes".
    #[serde(deserialize_with = "leak::list")]
    AnySymptom(&'static [&'static str]),
    /// Any of these health-condition IDs was answered "yes", or is implied by another answer ([`Derivation`]).
    #[serde(deserialize_with = "leak::list")]
    AnyCondition(&'static [&'static str]),
    /// Any of these medication classes is taken.
    #[serde(deserialize_with = "leak::list")]
    AnyMedication(&'static [&'static str]),
    /// A medication class outside this list is taken.
    #[serde(deserialize_with = "leak::list")]
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
    #[serde(deserialize_with = "leak::list")]
    All(&'static [Cond]),
    /// At least one condition holds.
    #[serde(deserialize_with = "leak::list")]
    Any(&'static [Cond]),
}

/// An answer that implies a health condition (e.g. a transplant medicine implies a weakened immune system).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Answer {
    /// A medication class is taken.
    Medication(&'static str),
    /// A red-flag symptom was answered "yes".
    Symptom(&'static str),
}

/// Which therapies a therapy rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "TargetSpelling")]
pub enum Target {
    /// One therapy, or a group name (e.g. `herbal`), plus every therapy inheriting from it.
    Named(&'static str),
    /// Every therapy with at least one other rule that tests this question's list (RULES §4.1 unknowns).
    EveryTherapyTesting(Question),
}

/// How the data spells a [`Target`]: a therapy or group name, or `{"every_therapy_testing": "conditions"}`.
#[derive(Deserialize)]
#[serde(untagged, deny_unknown_fields)]
enum TargetSpelling {
    Named(&'static str),
    Testing { every_therapy_testing: Question },
}

impl From<TargetSpelling> for Target {
    fn from(t: TargetSpelling) -> Target {
        match t {
            TargetSpelling::Named(name) => Target::Named(name),
            TargetSpelling::Testing {
                every_therapy_testing,
            } => Target::EveryTherapyTesting(every_therapy_testing),
        }
    }
}

/// A plan-level rule (RULES §2.1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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

/// Something a notice offers beside its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeOffer {
    /// The crisis resources (the book's [`CrisisLine`]s and the configured crisis line).
    CrisisResources,
    /// A way back to the health questions.
    AnswerHealthQuestions,
}

/// A plan-level notice rule (RULES §2.1, notices).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeRule {
    /// Notice ID, e.g. `not_chronic`.
    pub id: &'static str,
    /// A short heading for the notice, in plain language.
    pub title: &'static str,
    /// When it is raised.
    pub when: Cond,
    /// Plain-language explanation.
    pub message: &'static str,
    /// Whether it means a safety answer is unknown: while one is raised, the screening never says that no warning
    /// signs came up (RULES §4.1).
    #[serde(default)]
    pub missing_answer: bool,
    /// What the notice offers beside its message, if anything.
    #[serde(default)]
    pub offer: Option<NoticeOffer>,
    /// Citation.
    pub source: &'static str,
}

/// A therapy rule (RULES §2.2): one row item of the table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TherapyRule {
    /// Rule ID, e.g. `MASSAGE-DVT`.
    pub id: &'static str,
    /// The therapies it applies to.
    #[serde(rename(deserialize = "for"))]
    pub target: Target,
    /// Status it gives when it fires.
    pub status: TherapyStatus,
    /// When it fires.
    pub when: Cond,
    /// Plain-language message for the person.
    pub message: &'static str,
    /// Citation.
    pub source: &'static str,
}

/// A crisis line shown with the crisis outcome and beside an unanswered self-harm question (SOURCES §3.3), read as
/// "{region}, {how} **{contact}** ({service}), {hours}."
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisLine {
    /// Where it serves, e.g. "In the US".
    pub region: &'static str,
    /// How to reach it, e.g. "call or text".
    pub how: &'static str,
    /// The number or address.
    pub contact: &'static str,
    /// The service's name.
    pub service: &'static str,
    /// When it answers, e.g. "any time of day".
    pub hours: &'static str,
    /// Citation.
    pub source: &'static str,
}

/// An emergency number named with the emergency outcome, read as "{number} {region}".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmergencyNumber {
    /// The number, e.g. "911".
    pub number: &'static str,
    /// Where it serves, e.g. "in the US".
    pub region: &'static str,
    /// Citation.
    pub source: &'static str,
}

/// The whole rule book as stored in `data/rules.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleBook {
    /// Therapy → therapies whose rules it also gets (e.g. `yoga` → `exercise`).
    // `borrow` makes serde derive only `Deserialize<'static>`, the one these `'static` lists can have.
    #[serde(borrow, deserialize_with = "leak::map_of_lists")]
    pub inherit: &'static [(&'static str, &'static [&'static str])],
    /// Group name → member therapies (e.g. `herbal`).
    #[serde(deserialize_with = "leak::map_of_lists")]
    pub groups: &'static [(&'static str, &'static [&'static str])],
    /// Facts implied by other answers, applied before any rule runs (RULES §4.2).
    #[serde(deserialize_with = "leak::list")]
    pub derived: &'static [Derivation],
    /// Plan-level rules.
    #[serde(deserialize_with = "leak::list")]
    pub flags: &'static [FlagRule],
    /// Notice rules.
    #[serde(deserialize_with = "leak::list")]
    pub notices: &'static [NoticeRule],
    /// Therapy rules.
    #[serde(deserialize_with = "leak::list")]
    pub therapy: &'static [TherapyRule],
    /// Crisis lines, in the order shown.
    #[serde(deserialize_with = "leak::list")]
    pub crisis_lines: &'static [CrisisLine],
    /// Emergency numbers, in the order named.
    #[serde(deserialize_with = "leak::list")]
    pub emergency_numbers: &'static [EmergencyNumber],
}

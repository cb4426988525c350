//! The catalog's types: the vocabulary of `vocabulary.json` and the therapies of `therapies.json` (RULES §1).

use super::leak;
use super::{CostBand, EvidenceRating, Setting, Strength};
use serde::{Deserialize, Serialize};

/// Evidence for one therapy in one condition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Overall rating used for badges and ranking.
    pub rating: EvidenceRating,
    /// Strength of evidence when graded.
    #[serde(default)]
    pub strength: Option<Strength>,
    /// Plain-language sentence: effect size and how long it lasts.
    pub summary: &'static str,
    /// Citation (section of SOURCES.md and the original source).
    pub source: &'static str,
}

/// A typical course, from trials and programmes (SOURCES §5.1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// Fewest sessions per week in the typical range.
    pub per_week_min: u8,
    /// Most sessions per week in the typical range.
    pub per_week_max: u8,
    /// Default sessions per week in a new plan (within min..=max).
    pub per_week_default: u8,
    /// Minutes per session.
    pub session_minutes: u16,
    /// Length of a course in weeks (a plan runs 12 weeks; ongoing practices use 12).
    pub weeks: u8,
    /// Optional daily home practice that goes with it, in minutes.
    #[serde(default)]
    pub home_minutes: Option<u16>,
    /// Days a week for that home practice when the source gives fewer than daily; `None` means every planned day.
    #[serde(default)]
    pub home_per_week: Option<u8>,
    /// What an adequate trial is when the sources count it in sessions; `None` means the whole course (`weeks`).
    #[serde(default)]
    pub adequate_trial: Option<AdequateTrial>,
    /// Plain-language description of the course, e.g. "10 sessions over 7 weeks".
    pub description: &'static str,
    /// Citation for the course.
    pub source: &'static str,
}

/// An adequate trial counted in sessions, before "no meaningful change" may suggest stopping (SOURCES §5.2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdequateTrial {
    /// Sessions done that make a fair trial, e.g. 6 for acupuncture.
    pub sessions: u8,
    /// Citation.
    pub source: &'static str,
}

/// One risk or side effect of a therapy, in plain words, for the card, the consent step and the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SideEffect {
    /// One plain-language sentence; where the sources list none, it says exactly that.
    pub text: &'static str,
    /// Citation (section of SOURCES.md and the original source).
    pub source: &'static str,
}

/// The badge wording the sources require for a supportive self-care approach whose evidence for pain is limited or
/// indirect (SOURCES §2.7: herbs, diet, hypnosis, sleep).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfCareLabel {
    /// Shown instead of the rating's own words when the rating is `limited` or `not_studied`.
    pub label: &'static str,
    /// Citation.
    pub source: &'static str,
}

/// One selectable therapy (RULES §1.7).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Therapy {
    /// Stable ID from RULES §1.7.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Plain-language summary in the product's own words.
    pub summary: &'static str,
    /// How it is thought to work, in plain language.
    pub how_it_works: &'static str,
    /// Home, practitioner, or either.
    pub setting: Setting,
    /// Who provides it, e.g. "licensed acupuncturist" (empty for pure self-care).
    pub provider: &'static str,
    /// Credential to look for, e.g. "state licence (L.Ac.)"; empty where none applies.
    pub credential: &'static str,
    /// Uses needles.
    pub needles: bool,
    /// Involves hands-on touch.
    pub touch: bool,
    /// True for the supplements of RULES §1.6 (no schedule; "discuss with clinician").
    pub supplement: bool,
    /// Typical course; `None` for supplements.
    #[serde(default)]
    pub course: Option<Course>,
    /// Rough cost band per session (or per month for supplements).
    pub cost: CostBand,
    /// Evidence keyed by `pain.primary` ID (RULES §1.2), sorted by ID: every condition must be present.
    #[serde(deserialize_with = "leak::map")]
    pub evidence: &'static [(&'static str, Evidence)],
    /// Risks and side effects (SOURCES §4.3, §4.4), never empty: shown before anyone adds it and in the plan.
    #[serde(deserialize_with = "leak::list")]
    pub risks: &'static [SideEffect],
    /// Set for supportive self-care approaches: the evidence badge's wording when the evidence is limited.
    #[serde(default)]
    pub supportive_self_care: Option<SelfCareLabel>,
    /// Citation for the description and course.
    pub source: &'static str,
}

/// A vocabulary entry: an ID with its plain-language label and optional help text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable ID from RULES §1.
    pub id: &'static str,
    /// Plain-language label or question.
    pub label: &'static str,
    /// Longer explanation or examples (e.g. brand names), may be empty.
    #[serde(default)]
    pub help: &'static str,
    /// Extra names that map onto this ID (generic and brand names for medication classes).
    #[serde(default, deserialize_with = "leak::list")]
    pub aliases: &'static [&'static str],
    /// Citation.
    pub source: &'static str,
}

/// A titled group of questions, the way the intake shows a long list (every ID of the list is in exactly one group;
/// the data load checks it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermGroup {
    /// Heading shown above the group.
    pub title: &'static str,
    /// The IDs in it, in the order shown.
    #[serde(deserialize_with = "leak::list")]
    pub ids: &'static [&'static str],
    /// Pain condition IDs: when not empty, the group is asked only if the main pain or another pain site is one of
    /// them, or the main pain is not given (a question about a headache is not put to someone without one).
    #[serde(default, deserialize_with = "leak::list")]
    pub asked_if_pain: &'static [&'static str],
    /// Citation.
    pub source: &'static str,
}

/// The whole catalog: therapies plus every vocabulary list of RULES §1. In the data, `therapies` is the file
/// `therapies.json` and every other field is a key of `vocabulary.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Pain conditions (RULES §1.2).
    // `borrow` makes serde derive only `Deserialize<'static>`, the one these `'static` lists can have.
    #[serde(borrow, deserialize_with = "leak::list")]
    pub conditions: &'static [Term],
    /// Red-flag questions (RULES §1.3).
    #[serde(deserialize_with = "leak::list")]
    pub symptoms: &'static [Term],
    /// The red-flag questions in the groups the intake shows them in.
    #[serde(deserialize_with = "leak::list")]
    pub symptom_groups: &'static [TermGroup],
    /// Health facts (RULES §1.4).
    #[serde(deserialize_with = "leak::list")]
    pub health: &'static [Term],
    /// The health facts in the groups the intake shows them in.
    #[serde(deserialize_with = "leak::list")]
    pub health_groups: &'static [TermGroup],
    /// Medication classes (RULES §1.5).
    #[serde(deserialize_with = "leak::list")]
    pub medications: &'static [Term],
    /// Supplements a person may already take (RULES §1.6).
    #[serde(deserialize_with = "leak::list")]
    pub supplements: &'static [Term],
    /// The Whole-Health areas of self-care the "what matters" step asks about, in the order it shows them.
    #[serde(deserialize_with = "leak::list")]
    pub areas: &'static [Term],
    /// Selectable therapies (RULES §1.7).
    #[serde(deserialize_with = "leak::list")]
    pub therapies: &'static [Therapy],
}

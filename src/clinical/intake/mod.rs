//! The intake (RULES §1.1): what a person told us. "Not answered" (`None`) is kept distinct from "none" (`Some(vec![])`) and from 0.

use serde::{Deserialize, Deserializer, Serialize};

mod check;
pub mod sections;
mod strict;
mod wording;

pub use strict::IntakeError;
pub use wording::describe_value;

/// The whole numbers an answer may hold, both ends included. The strict reader refuses anything outside it, and
/// the screens that ask the question read the same bounds, so the two can never disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    /// The smallest answer accepted.
    pub min: u16,
    /// The largest answer accepted.
    pub max: u16,
}

impl Range {
    /// Whether `n` lies within the range.
    pub fn contains(self, n: u16) -> bool {
        (self.min..=self.max).contains(&n)
    }
}

impl Intake {
    /// Age in whole years; 120 catches typing slips (under-18s are accepted and then screened out by the rules).
    pub const AGE: Range = Range { min: 0, max: 120 };
    /// The answers of the "are you physically active" question.
    pub const ACTIVITY: [&'static str; 2] = ["active", "inactive"];
    /// The lists `unsure` may name: the ones a person can tick partly and be "not sure" about the rest.
    pub const UNSURE_LISTS: [&'static str; 3] = ["conditions", "medications", "supplements"];

    /// Whether the list `name` is only partly known: skipped (`None`), or named in `unsure` beside its ticks.
    pub fn list_unknown(&self, name: &str) -> bool {
        let list = match name {
            "conditions" => &self.conditions,
            "medications" => &self.medications,
            "supplements" => &self.supplements,
            _ => return false,
        };
        list.is_none() || self.unsure.iter().any(|u| u == name)
    }
}

/// Everything the intake collects. Optional everywhere: a skipped question stays `None`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Intake {
    /// Age in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u16>,
    /// Pain: primary condition, other sites, duration and PEG-3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<Pain>,
    /// PHQ-4 and the self-harm item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mood: Option<Mood>,
    /// Keele STarT Back (low back pain only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_back: Option<StartBack>,
    /// Red-flag symptoms answered "yes" (RULES §1.3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symptoms: Option<Vec<String>>,
    /// Health facts answered "yes" (RULES §1.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<String>>,
    /// Medication classes taken (RULES §1.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medications: Option<Vec<String>>,
    /// Supplements currently taken (RULES §1.6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplements: Option<Vec<String>>,
    /// The lists (of [`Intake::UNSURE_LISTS`]) the person is not sure about beyond what they ticked: such a list is
    /// not fully answered, so its ticks count and its "could not be checked" rules fire too (docs/clinical-rules.md).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_empty"
    )]
    pub unsure: Vec<String>,
    /// One of [`Intake::ACTIVITY`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// What matters: values, Whole-Health areas and goals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Values>,
    /// Time, budget, days and preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practicalities: Option<Practicalities>,
}

/// The pain section.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pain {
    /// Primary condition ID (RULES §1.2); drives the evidence shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<String>,
    /// Other pain sites (condition IDs), informational.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sites: Option<Vec<String>>,
    /// How long the pain has lasted, in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_months: Option<u16>,
    /// PEG-3 items, each 0–10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peg: Option<Peg>,
}

impl Pain {
    /// Months of pain: at most the oldest age accepted (120 years).
    pub const DURATION_MONTHS: Range = Range { min: 0, max: 1440 };
}

/// PEG-3 items (0–10); a missing item makes the score incomplete.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Peg {
    /// Average pain in the past week.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<u8>,
    /// Interference with enjoyment of life.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enjoyment: Option<u8>,
    /// Interference with general activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<u8>,
}

impl Peg {
    /// Each PEG item is rated 0–10.
    pub const ITEM: Range = Range { min: 0, max: 10 };
}

/// Mood: PHQ-4 and PHQ-9 item 9.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mood {
    /// PHQ-4 items, each 0–3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phq4: Option<Phq4>,
    /// PHQ-9 item 9, 0–3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_harm: Option<u8>,
}

impl Mood {
    /// PHQ-9 item 9 is rated like the PHQ-4 items, 0–3.
    pub const SELF_HARM: Range = Phq4::ITEM;
}

/// PHQ-4 items (0 = not at all … 3 = nearly every day).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Phq4 {
    /// Feeling nervous, anxious or on edge (GAD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nervous: Option<u8>,
    /// Not able to stop or control worrying (GAD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worry: Option<u8>,
    /// Little interest or pleasure (PHQ).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<u8>,
    /// Feeling down, depressed or hopeless (PHQ).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub down: Option<u8>,
}

impl Phq4 {
    /// Each item: 0 = not at all … 3 = nearly every day.
    pub const ITEM: Range = Range { min: 0, max: 3 };
}

/// STarT Back answers: items 1–8 agreed, and item 9.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StartBack {
    /// Which of items 1–8 the person agreed with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agree: Option<Vec<u8>>,
    /// Item 9, one of [`StartBack::BOTHERSOME`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bothersome: Option<String>,
}

impl StartBack {
    /// Items 1–8 are answered agree or disagree; `agree` lists the item numbers agreed with.
    pub const AGREE_ITEM: Range = Range { min: 1, max: 8 };
    /// Item 9's answers, from least to most bothersome.
    pub const BOTHERSOME: [&'static str; 5] = [
        "not_at_all",
        "slightly",
        "moderately",
        "very_much",
        "extremely",
    ];
}

/// What matters (VA Whole-Health style, in the product's own words).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Values {
    /// What matters most, in the person's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what_matters: Option<String>,
    /// Self-rating per Whole-Health area ID, "now" and "want", 1–5.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_empty"
    )]
    pub areas: Vec<AreaRating>,
    /// Up to three goals in the person's words.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_empty"
    )]
    pub goals: Vec<String>,
}

/// One Whole-Health area rating.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaRating {
    /// Area ID from the vocabulary's `areas` (`Vocab::Area`).
    pub area: String,
    /// Where the person is now, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<u8>,
    /// Where they want to be, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub want: Option<u8>,
}

impl AreaRating {
    /// "Now" and "want" are rated 1–5.
    pub const RATING: Range = Range { min: 1, max: 5 };
}

/// Practicalities that shape the plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Practicalities {
    /// Minutes per week the person can give to their plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_per_week: Option<u16>,
    /// Budget per month (same currency as the catalog's estimates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_per_month: Option<u16>,
    /// Days available, 0 = Monday … 6 = Sunday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<Vec<u8>>,
    /// Open to therapies with needles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needles_ok: Option<bool>,
    /// Open to hands-on therapies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub touch_ok: Option<bool>,
    /// Only things that can be done at home.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_only: Option<bool>,
}

impl Practicalities {
    /// Days are numbered 0 = Monday … 6 = Sunday.
    pub const DAY: Range = Range { min: 0, max: 6 };
}

/// Reads `null` as an empty list, because `null` and missing both mean "not answered" (RULES §1.1).
fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

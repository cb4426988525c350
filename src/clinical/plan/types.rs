//! The plan's data types: all `Serialize + Deserialize + Clone + PartialEq` for the UI and the share-link codec.

use super::PlanChange;
use crate::clinical::screening::TherapyStatus;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The person's adjustments to the automatic plan; empty means "use the catalog defaults".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanSettings {
    /// Sessions a week per therapy ID, clamped to the catalog's `per_week_min..=per_week_max`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub per_week: BTreeMap<String, u8>,
    /// Weekdays (0 = Monday … 6 = Sunday) per therapy ID; when given, they set the days and the frequency.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub days: BTreeMap<String, Vec<u8>>,
}

/// What a schedule entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// An appointment, class or workout of the therapy itself.
    Session,
    /// Practice on your own at home.
    HomePractice,
}

/// One slot of the weekly template, active from `start_week` to `end_week` inclusive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScheduleEntry {
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// Therapy ID.
    pub therapy: String,
    /// Minutes that day.
    pub minutes: u16,
    /// Session or home practice.
    pub kind: EntryKind,
    /// First plan week (1-based).
    pub start_week: u8,
    /// Last plan week (inclusive).
    pub end_week: u8,
}

/// One scheduled therapy with its course.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanItem {
    /// Therapy ID.
    pub therapy: String,
    /// Safety status (caution and clearance items are kept, with questions for the clinician).
    pub status: TherapyStatus,
    /// Sessions a week.
    pub per_week: u8,
    /// Session weekdays.
    pub days: Vec<u8>,
    /// Minutes per session.
    pub session_minutes: u16,
    /// Whether sessions are appointments/classes or practice at home (self-guided therapies).
    pub session_kind: EntryKind,
    /// Home-practice weekdays (empty when the course has none).
    pub home_days: Vec<u8>,
    /// Minutes of home practice on those days.
    pub home_minutes: u16,
    /// First week.
    pub start_week: u8,
    /// Last week (the course length, cut at week 12).
    pub end_week: u8,
    /// The catalog's course description.
    pub course: String,
    /// Why the start or length differs from the usual course, when it does.
    pub note: Option<String>,
}

/// A review point and what to check then.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// Plan week.
    pub week: u8,
    /// Plain-language checks.
    pub checks: Vec<String>,
    /// Citation.
    pub source: String,
}

/// What kind of problem a conflict is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// More minutes in a week than the person has.
    Time,
    /// Estimated monthly cost above the budget.
    Budget,
    /// Too many appointments or classes on one day.
    BusyDay,
    /// Frequency outside the usual course, or more sessions than available days.
    Frequency,
}

/// A problem with the plan and one concrete way to fix it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// Kind of conflict.
    pub kind: ConflictKind,
    /// What is wrong, in plain language.
    pub message: String,
    /// A concrete change that resolves it.
    pub suggestion: String,
    /// That change as a value the plan view can apply, when it is a change to the plan itself (not to the answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<PlanChange>,
}

/// Someone to involve in the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamMember {
    /// Who, in plain language.
    pub role: String,
    /// Credential to look for (empty when none applies).
    pub credential: String,
    /// Therapy IDs they provide (empty for the usual clinician and pharmacist).
    pub therapies: Vec<String>,
    /// Why they are on the team.
    pub why: String,
}

/// A question to take to the clinician.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Therapy or supplement ID the question is about.
    pub about: String,
    /// The question, in the first person.
    pub text: String,
    /// Citation (the screening rule's source, or NCCIH for supplements).
    pub source: String,
}

/// A chosen therapy left out of the schedule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Excluded {
    /// Therapy ID as chosen.
    pub therapy: String,
    /// Why it is left out.
    pub reason: String,
}

/// A supplement chosen or already taken: never scheduled, always discussed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplementNote {
    /// Supplement ID.
    pub supplement: String,
    /// Chosen in this plan.
    pub chosen: bool,
    /// Already taken (intake `supplements`).
    pub taking: bool,
    /// Screening status.
    pub status: TherapyStatus,
    /// What to do, in plain language.
    pub advice: String,
}

/// A SMART goal suggestion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// The goal, specific and time-bound.
    pub text: String,
    /// How to measure it.
    pub measure: String,
    /// The person's own words it was built from, if any.
    pub own_words: Option<String>,
}

/// The whole 12-week plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Plan length in weeks.
    pub weeks: u8,
    /// Condition whose evidence and courses apply.
    pub condition: String,
    /// Scheduled therapies, in start order.
    pub items: Vec<PlanItem>,
    /// The weekly template, by weekday then item order.
    pub schedule: Vec<ScheduleEntry>,
    /// Review points at weeks 4, 8 and 12.
    pub reviews: Vec<Review>,
    /// Problems found, each with a suggestion.
    pub conflicts: Vec<Conflict>,
    /// People to involve, the usual clinician first.
    pub team: Vec<TeamMember>,
    /// Questions for the clinician.
    pub questions: Vec<Question>,
    /// Chosen therapies not scheduled, with the reason.
    pub excluded: Vec<Excluded>,
    /// Supplements chosen or already taken.
    pub supplements: Vec<SupplementNote>,
    /// SMART goal suggestions.
    pub goals: Vec<Goal>,
    /// Minutes in the busiest week.
    pub peak_minutes_per_week: u32,
    /// Estimated cost in the most expensive month (see `cost_note`).
    pub monthly_cost_estimate: u32,
    /// How the cost was estimated: an estimate, never a price.
    pub cost_note: String,
}

impl Plan {
    /// The entries active in one plan week (1-based).
    pub fn week(&self, week: u8) -> Vec<&ScheduleEntry> {
        self.schedule
            .iter()
            .filter(|e| e.start_week <= week && week <= e.end_week)
            .collect()
    }

    /// Total minutes in one plan week.
    pub fn minutes_in_week(&self, week: u8) -> u32 {
        self.week(week).iter().map(|e| u32::from(e.minutes)).sum()
    }
}

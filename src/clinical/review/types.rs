//! What a review point returns: the overall change, and per therapy its adherence and a suggestion with its reason.

use crate::clinical::progress::Assessment;

/// Which review point: a plan week (usually 4, 8 or 12) or now, the week of the latest check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewAt {
    /// This plan week; later check-ins are left out, so a past review reads as it did then.
    Week(u8),
    /// The latest check-in's week.
    Now,
}

/// Why a judgement cannot be made yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingData {
    /// No check-in for the weeks reviewed.
    NoCheckIns,
    /// No complete PEG after the baseline to compare with it.
    NoScoreToCompare,
}

/// The change since baseline over the whole plan, or why it cannot be shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Overall {
    /// PEG and pain change, judged both ways (points and percent).
    Compared(Assessment),
    /// Not enough data: never read as "no change".
    NotEnoughData(MissingData),
}

/// Why to continue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContinueReason {
    /// The therapy starts after the review week.
    NotStartedYet,
    /// PEG improved meaningfully (≥ 1 point or ≥ 30 %) or pain responded (≥ 2 points or ≥ 30 %).
    MeaningfulChange,
    /// No meaningful change yet, but the trial is not yet adequate.
    TrialNotYetAdequate,
}

/// Why to adjust the dose or schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdjustReason {
    /// Far fewer sessions done than planned.
    AdherenceWellUnderPlan,
}

/// Why to discuss stopping or switching with the clinician.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// No meaningful change after an adequate trial (SOURCES §5.2).
    NoMeaningfulChangeAfterAdequateTrial,
}

/// What the review suggests for one therapy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suggestion {
    /// Keep going as planned.
    Continue(ContinueReason),
    /// Change the dose or schedule.
    Adjust(AdjustReason),
    /// Talk to the clinician about stopping or switching.
    DiscussStopping(StopReason),
    /// Nothing can be judged yet; never a silent "continue".
    NotEnoughData(MissingData),
}

/// Sessions done against sessions planned, up to the review week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Adherence {
    /// Sessions recorded in the check-ins up to the review week.
    pub done: u32,
    /// Sessions planned in the therapy's weeks that have a check-in (a week without one is unknown, not zero).
    pub planned: u32,
    /// The therapy's plan weeks up to the review week.
    pub weeks: u8,
    /// Of those, the weeks with a check-in.
    pub weeks_checked_in: u8,
}

/// One therapy at the review point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TherapyReview {
    /// Therapy ID.
    pub therapy: String,
    /// Sessions done against planned.
    pub adherence: Adherence,
    /// What to do next, with its reason.
    pub suggestion: Suggestion,
}

/// Everything a review point shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewResult {
    /// The plan week reviewed; `None` for "now" before any check-in.
    pub week: Option<u8>,
    /// The change since baseline.
    pub overall: Overall,
    /// One entry per plan item, in plan order.
    pub therapies: Vec<TherapyReview>,
}

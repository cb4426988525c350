//! The review book's types (`review.json`): when adherence is well under plan, and the words for every reason a
//! review point gives (SOURCES §5.2).

use serde::{Deserialize, Serialize};

/// One sentence a person reads, with its source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    /// Plain-language sentence.
    pub text: &'static str,
    /// Citation.
    pub source: &'static str,
}

/// The share of planned sessions below which adherence is well under plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdherenceCutoff {
    /// Percent of the planned sessions (1–100); fewer done than this is well under plan.
    pub well_under_percent: u8,
    /// Citation.
    pub source: &'static str,
}

/// The words for each reason a review gives; serde refuses the file when one is missing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// No field names a `'static` lifetime itself, so serde must be told that only `Deserialize<'static>` can exist.
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct ReasonWords {
    /// Continue: the therapy starts after this review.
    pub not_started_yet: Wording,
    /// Continue: the scores improved meaningfully.
    pub meaningful_change: Wording,
    /// Continue: too early to judge.
    pub trial_not_yet_adequate: Wording,
    /// Adjust: far fewer sessions done than planned.
    pub adherence_well_under_plan: Wording,
    /// Discuss stopping: no meaningful change after an adequate trial.
    pub no_meaningful_change_after_adequate_trial: Wording,
    /// Not enough data: no check-in for the weeks reviewed.
    pub no_check_ins: Wording,
    /// Not enough data: no complete PEG to compare with the baseline.
    pub no_score_to_compare: Wording,
}

/// How the progress view names a change since the starting point; serde refuses the file when one is missing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct ChangeWords {
    /// PEG improved by a meaningful amount (≥ 1 point or ≥ 30 %).
    pub peg_meaningful: Wording,
    /// PEG improved, but by less than a meaningful amount.
    pub peg_smaller: Wording,
    /// PEG the same or higher.
    pub peg_none: Wording,
    /// Pain item improved as much as a responder's (≥ 2 points or ≥ 30 %).
    pub pain_responder: Wording,
    /// Pain item improved, but by less than a responder's.
    pub pain_smaller: Wording,
    /// Pain item the same or higher.
    pub pain_none: Wording,
}

/// The whole review book as stored in `data/review.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct ReviewBook {
    /// When adherence is well under plan.
    pub adherence: AdherenceCutoff,
    /// The reason sentences.
    pub reasons: ReasonWords,
    /// The words for a change since the starting point.
    pub change: ChangeWords,
}

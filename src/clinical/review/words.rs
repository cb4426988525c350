//! The review book compiled in from `data/review.json`: the adherence cut-off and the words for every reason.

use super::{AdjustReason, ContinueReason, MissingData, StopReason, Suggestion};
use crate::clinical::data::{ReviewBook, Wording};

/// `pub static REVIEW_BOOK: ReviewBook`, written by build.rs from `data/review.json`.
mod generated {
    use crate::clinical::data::*;
    include!(concat!(env!("OUT_DIR"), "/review_data.rs"));
}

/// The review book; the build has already validated it, so there is nothing to fail at run time.
pub fn review_book() -> &'static ReviewBook {
    &generated::REVIEW_BOOK
}

impl MissingData {
    /// What a person reads, with its source.
    pub fn words(self) -> &'static Wording {
        let r = &review_book().reasons;
        match self {
            MissingData::NoCheckIns => &r.no_check_ins,
            MissingData::NoScoreToCompare => &r.no_score_to_compare,
        }
    }
}

impl Suggestion {
    /// The reason in words, with its source.
    pub fn words(self) -> &'static Wording {
        let r = &review_book().reasons;
        match self {
            Suggestion::Continue(ContinueReason::NotStartedYet) => &r.not_started_yet,
            Suggestion::Continue(ContinueReason::MeaningfulChange) => &r.meaningful_change,
            Suggestion::Continue(ContinueReason::TrialNotYetAdequate) => &r.trial_not_yet_adequate,
            Suggestion::Adjust(AdjustReason::AdherenceWellUnderPlan) => {
                &r.adherence_well_under_plan
            }
            Suggestion::DiscussStopping(StopReason::NoMeaningfulChangeAfterAdequateTrial) => {
                &r.no_meaningful_change_after_adequate_trial
            }
            Suggestion::NotEnoughData(missing) => missing.words(),
        }
    }
}

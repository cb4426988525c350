//! Review points (weeks 4, 8 and 12, or now): the change since baseline and, per therapy, adherence and a
//! suggestion to continue, adjust or discuss stopping, each with a typed reason (SOURCES §5.2–5.3).
//!
//! Pure: check-ins, the intake PEG, the plan's items and the catalog in, a [`ReviewResult`] out. The thresholds of
//! meaningful change are `progress`'s; what an adequate trial is comes from each course in `therapies.json`; the
//! adherence cut-off and every reason's words come from `review.json`.

mod suggest;
mod types;
mod words;

pub use types::*;
pub use words::review_book;

use crate::clinical::catalog::Catalog;
use crate::clinical::intake::Peg;
use crate::clinical::plan::PlanItem;
use crate::clinical::progress::{self, CheckIn};

/// Reviews the plan at `at`, using only the check-ins up to that week.
pub fn review(
    catalog: &Catalog,
    checkins: &[CheckIn],
    intake_peg: Option<&Peg>,
    items: &[PlanItem],
    at: ReviewAt,
) -> ReviewResult {
    let week = match at {
        ReviewAt::Week(w) => Some(w),
        ReviewAt::Now => checkins
            .iter()
            .map(|c| u8::try_from(c.week).unwrap_or(u8::MAX))
            .max(),
    };
    let so_far: Vec<CheckIn> = checkins
        .iter()
        .filter(|c| week.is_some_and(|w| c.week <= u16::from(w)))
        .cloned()
        .collect();
    let overall = if so_far.is_empty() {
        // The intake alone would compare nothing with nothing; say so rather than "no change".
        Overall::NotEnoughData(MissingData::NoCheckIns)
    } else {
        progress::assess(&so_far, intake_peg).map_or(
            Overall::NotEnoughData(MissingData::NoScoreToCompare),
            Overall::Compared,
        )
    };
    let cut_off = review_book().adherence.well_under_percent;
    let therapies = items
        .iter()
        .map(|item| suggest::therapy(catalog, &so_far, item, week.unwrap_or(0), &overall, cut_off))
        .collect();
    ReviewResult {
        week,
        overall,
        therapies,
    }
}

//! Review points (weeks 4, 8 and 12, or now): the change since baseline and, per therapy, adherence and a
//! suggestion to continue, adjust or discuss stopping, each with a typed reason (SOURCES §5.2–5.3).
//!
//! Pure: check-ins, the intake PEG, the plan's items and the catalog in, a [`ReviewResult`] out. The thresholds of
//! meaningful change are `progress`'s; what an adequate trial is comes from each course in `therapies.json`; the
//! adherence cut-off and every reason's words come from `review.json`.

mod suggest;
pub mod summary;
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

/// The review point due now: the latest of the plan's review weeks (`points`) that the check-ins have reached
/// (`latest_week`) and that no recorded review covers (one at that week or later); `None` when none is due.
pub fn due(points: &[u8], latest_week: Option<u16>, reviewed: &[u8]) -> Option<u8> {
    let latest = latest_week?;
    let point = points
        .iter()
        .copied()
        .filter(|p| u16::from(*p) <= latest)
        .max()?;
    (!reviewed.iter().any(|r| *r >= point)).then_some(point)
}

#[cfg(test)]
mod due_tests {
    use super::due;

    #[test]
    fn the_latest_point_reached_and_not_yet_reviewed_is_due() {
        let points = [4, 8, 12];
        assert_eq!(due(&points, None, &[]), None, "no check-in yet");
        assert_eq!(due(&points, Some(3), &[]), None, "week 4 not reached");
        assert_eq!(due(&points, Some(4), &[]), Some(4));
        assert_eq!(
            due(&points, Some(6), &[4]),
            None,
            "week 4 done, week 8 not reached"
        );
        assert_eq!(due(&points, Some(9), &[4]), Some(8));
        // A review asked for at week 10 covers week 8; a late first review covers the earlier points.
        assert_eq!(due(&points, Some(10), &[10]), None);
        assert_eq!(due(&points, Some(12), &[10]), Some(12));
        assert_eq!(due(&points, Some(12), &[12]), None);
    }
}

//! One therapy at a review point: sessions done against planned, whether the trial is adequate, and the suggestion.

use super::{
    Adherence, AdjustReason, ContinueReason, MissingData, Overall, StopReason, Suggestion,
    TherapyReview,
};
use crate::clinical::catalog::Catalog;
use crate::clinical::plan::PlanItem;
use crate::clinical::progress::{sessions_done, Assessment, CheckIn};
use std::collections::BTreeSet;

/// Reviews one plan item; `checkins` are those up to `week` only.
pub(super) fn therapy(
    catalog: &Catalog,
    checkins: &[CheckIn],
    item: &PlanItem,
    week: u8,
    overall: &Overall,
    well_under_percent: u8,
) -> TherapyReview {
    let adherence = adherence(checkins, item, week);
    let suggestion = if checkins.is_empty() {
        // Before "not started": with no check-in at all nothing is known, and the result must say so.
        Suggestion::NotEnoughData(MissingData::NoCheckIns)
    } else if adherence.weeks == 0 {
        Suggestion::Continue(ContinueReason::NotStartedYet)
    } else if adherence.weeks_checked_in == 0 {
        Suggestion::NotEnoughData(MissingData::NoCheckIns)
    } else if well_under(&adherence, well_under_percent) {
        // Too few sessions to judge the therapy: change the dose or schedule before judging its effect.
        Suggestion::Adjust(AdjustReason::AdherenceWellUnderPlan)
    } else {
        by_change(overall, adequate_trial(catalog, item, &adherence))
    };
    TherapyReview {
        therapy: item.therapy.clone(),
        adherence,
        suggestion,
    }
}

/// Sessions done up to `week` against those planned in the item's weeks that have a check-in.
fn adherence(checkins: &[CheckIn], item: &PlanItem, week: u8) -> Adherence {
    let last = week.min(item.end_week);
    let active = u16::from(item.start_week)..=u16::from(last);
    let checked: BTreeSet<u16> = checkins
        .iter()
        .map(|c| c.week)
        .filter(|w| active.contains(w))
        .collect();
    // At most 12 plan weeks, so the counts fit a u8.
    let weeks_checked_in = u8::try_from(checked.len()).unwrap_or(u8::MAX);
    Adherence {
        done: sessions_done(checkins, &item.therapy),
        planned: u32::from(item.per_week) * u32::from(weeks_checked_in),
        weeks: last.saturating_add(1).saturating_sub(item.start_week),
        weeks_checked_in,
    }
}

/// Fewer sessions done than `percent` of those planned (integer maths, so exactly the cut-off is not under it).
fn well_under(a: &Adherence, percent: u8) -> bool {
    u64::from(a.done) * 100 < u64::from(a.planned) * u64::from(percent)
}

/// An adequate trial from the catalog: the sessions the data names, or else the whole course in weeks.
///
/// A therapy without a course in the catalog is never adequately tried, so "no change" cannot suggest stopping it.
fn adequate_trial(catalog: &Catalog, item: &PlanItem, a: &Adherence) -> bool {
    let Some(course) = catalog
        .therapy(&item.therapy)
        .and_then(|t| t.course.as_ref())
    else {
        return false;
    };
    match &course.adequate_trial {
        Some(trial) => a.done >= u32::from(trial.sessions),
        None => a.weeks >= course.weeks,
    }
}

/// A meaningful PEG change, or a pain responder: either counts as a clear response (SOURCES §5.3, both shown).
fn improved(a: &Assessment) -> bool {
    !a.no_meaningful_change() || a.pain_responder()
}

/// The suggestion once adherence is adequate: by the change since baseline and whether the trial is adequate.
fn by_change(overall: &Overall, adequate: bool) -> Suggestion {
    match overall {
        Overall::Compared(a) if improved(a) => {
            Suggestion::Continue(ContinueReason::MeaningfulChange)
        }
        _ if !adequate => Suggestion::Continue(ContinueReason::TrialNotYetAdequate),
        Overall::Compared(_) => {
            Suggestion::DiscussStopping(StopReason::NoMeaningfulChangeAfterAdequateTrial)
        }
        Overall::NotEnoughData(missing) => Suggestion::NotEnoughData(*missing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adherence_of(done: u32, planned: u32) -> Adherence {
        Adherence {
            done,
            planned,
            weeks: 4,
            weeks_checked_in: 4,
        }
    }

    #[test]
    fn well_under_is_strictly_below_the_cut_off() {
        assert!(well_under(&adherence_of(1, 8), 50));
        assert!(well_under(&adherence_of(3, 8), 50));
        assert!(!well_under(&adherence_of(4, 8), 50));
        assert!(!well_under(&adherence_of(9, 8), 50));
        assert!(!well_under(&adherence_of(0, 0), 50));
    }

    fn item(start_week: u8, end_week: u8, per_week: u8) -> PlanItem {
        PlanItem {
            therapy: "yoga".into(),
            status: crate::clinical::screening::TherapyStatus::Allowed,
            per_week,
            days: vec![],
            session_minutes: 75,
            session_kind: crate::clinical::plan::EntryKind::Session,
            home_days: vec![],
            home_minutes: 0,
            start_week,
            end_week,
            course: String::new(),
            note: None,
        }
    }

    fn week(w: u16, yoga: u8) -> CheckIn {
        CheckIn {
            week: w,
            sessions: [("yoga".to_string(), yoga)].into(),
            ..CheckIn::default()
        }
    }

    #[test]
    fn planned_counts_only_the_therapy_weeks_with_a_check_in() {
        // Yoga weeks 3–12 at 2 a week, reviewed at week 8: weeks 3–8 are 6 weeks; check-ins in weeks 2, 3, 5 and 8.
        let list = [week(2, 1), week(3, 2), week(5, 1), week(8, 2)];
        let a = adherence(&list, &item(3, 12, 2), 8);
        assert_eq!(
            a,
            Adherence {
                done: 6,
                planned: 6,
                weeks: 6,
                weeks_checked_in: 3
            }
        );
    }

    #[test]
    fn a_course_that_ended_counts_only_its_own_weeks() {
        // Weeks 1–6, reviewed at week 8: 6 weeks, not 8.
        let a = adherence(&[week(8, 0)], &item(1, 6, 1), 8);
        assert_eq!((a.weeks, a.weeks_checked_in, a.planned), (6, 0, 0));
        // Starting after the review week: no weeks at all.
        assert_eq!(adherence(&[week(4, 0)], &item(5, 12, 1), 4).weeks, 0);
    }
}

//! The one-sentence summaries of a change since the starting point, for the progress charts and the review points:
//! the two numbers, where the starting point came from, and what the change means, in `review.json`'s words.

use crate::clinical::data::{ChangeWords, Wording};
use crate::clinical::intake::Peg;
use crate::clinical::progress::{
    assess, baseline, Assessment, Baseline, BaselineSource, Change, CheckIn,
};
use crate::clinical::review::review_book;

/// A score to one decimal, without a trailing ".0" for whole numbers ("6", "5.3").
pub fn score(value: f64) -> String {
    let tenths = (value * 10.0).round() / 10.0;
    if tenths.fract() == 0.0 {
        format!("{tenths:.0}")
    } else {
        format!("{tenths:.1}")
    }
}

/// Where the starting point came from, in words.
fn starting_point(base: &Baseline) -> &'static str {
    match base.source {
        BaselineSource::CheckIns(1) => "your first check-in",
        BaselineSource::CheckIns(_) => "the average of your first two check-ins",
        // Unreached: a comparison needs a check-in after the baseline, and any complete check-in replaces the
        // intake as the baseline.
        BaselineSource::Intake => "your answers when you started",
    }
}

/// The PEG chart's summary: from the starting point to the latest check-in, and what the change means.
pub fn peg_summary(checkins: &[CheckIn], intake_peg: Option<&Peg>) -> String {
    summary(checkins, intake_peg, |a, words| {
        let meaning = if a.peg_meaningful || a.peg_30_percent {
            &words.peg_meaningful
        } else if a.peg.points < 0.0 {
            &words.peg_smaller
        } else {
            &words.peg_none
        };
        ("Your PEG score", a.peg, "", meaning)
    })
}

/// The pain chart's summary, judged by the responder rule (≥ 2 points or ≥ 30 %).
pub fn pain_summary(checkins: &[CheckIn], intake_peg: Option<&Peg>) -> String {
    summary(checkins, intake_peg, |a, words| {
        let meaning = if a.pain_responder() {
            &words.pain_responder
        } else if a.pain.points < 0.0 {
            &words.pain_smaller
        } else {
            &words.pain_none
        };
        ("Your pain", a.pain, " out of 10", meaning)
    })
}

/// "{what} went from {start} ({where from}) to {latest}{unit} in your latest check-in: {meaning}.", where `pick`
/// chooses the measure, its unit and the words for its change; or why there is nothing to compare yet.
fn summary(
    checkins: &[CheckIn],
    intake_peg: Option<&Peg>,
    pick: impl FnOnce(
        &Assessment,
        &'static ChangeWords,
    ) -> (&'static str, Change, &'static str, &'static Wording),
) -> String {
    let (Some(base), Some(a)) = (baseline(checkins, intake_peg), assess(checkins, intake_peg))
    else {
        return review_book().reasons.no_score_to_compare.text.to_string();
    };
    let (what, change, unit, meaning) = pick(&a, &review_book().change);
    format!(
        "{what} went from {} ({}) to {}{unit} in your latest check-in: {}.",
        score(change.baseline),
        starting_point(&base),
        score(change.current),
        meaning.text
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_in(date: &str, week: u16, peg: [u8; 3]) -> CheckIn {
        CheckIn::with_peg(date, week, peg)
    }

    #[test]
    fn a_meaningful_peg_improvement_is_named_from_the_two_check_in_baseline() {
        let list = vec![
            check_in("2026-03-01", 1, [7, 6, 6]),
            check_in("2026-03-08", 2, [7, 7, 6]),
            check_in("2026-03-29", 5, [5, 5, 4]),
        ];
        assert_eq!(
            peg_summary(&list, None),
            "Your PEG score went from 6.5 (the average of your first two check-ins) to 4.7 in your latest \
             check-in: a meaningful improvement."
        );
        assert_eq!(
            pain_summary(&list, None),
            "Your pain went from 7 (the average of your first two check-ins) to 5 out of 10 in your latest \
             check-in: a large enough drop to count as a real improvement."
        );
    }

    #[test]
    fn a_small_change_and_no_change_are_told_apart() {
        let start = [
            check_in("2026-03-01", 1, [6, 6, 6]),
            check_in("2026-03-08", 2, [6, 6, 6]),
        ];
        let mut smaller = start.to_vec();
        smaller.push(check_in("2026-03-15", 3, [5, 6, 6]));
        // From 6: 5.7 is 0.3 lower (under 1 point and 30 %); pain 5 is 1 lower (under 2 points and 30 %).
        assert_eq!(
            peg_summary(&smaller, None),
            "Your PEG score went from 6 (the average of your first two check-ins) to 5.7 in your latest check-in: \
             better, though by less than the 1 point that counts as a meaningful change."
        );
        assert_eq!(
            pain_summary(&smaller, None),
            "Your pain went from 6 (the average of your first two check-ins) to 5 out of 10 in your latest \
             check-in: lower, though by less than the 2 points or 30 % that counts as a real improvement."
        );
        let mut worse = start.to_vec();
        worse.push(check_in("2026-03-15", 3, [7, 7, 7]));
        assert_eq!(
            peg_summary(&worse, None),
            "Your PEG score went from 6 (the average of your first two check-ins) to 7 in your latest check-in: no \
             improvement yet."
        );
    }

    #[test]
    fn scores_have_one_decimal_and_no_trailing_zero() {
        assert_eq!(score(6.0), "6");
        assert_eq!(score(4.666), "4.7");
    }

    #[test]
    fn without_a_score_to_compare_the_summary_says_so() {
        let one = vec![check_in("2026-03-01", 1, [5, 5, 5])];
        assert_eq!(
            peg_summary(&one, None),
            "There are not yet enough complete PEG scores to compare with your starting point, so there is not \
             enough data to judge."
        );
    }
}

//! Review points (weeks 4, 8, 12) and SMART goal suggestions built from the person's own words.

use super::schedule::WEEKDAYS;
use super::{Goal, PlanItem, Review, REVIEW_WEEKS};
use crate::clinical::catalog::Catalog;
use crate::clinical::intake::Intake;
use crate::clinical::progress::{PAIN_RESPONDER_POINTS, PEG_MEANINGFUL_POINTS, RESPONDER_PERCENT};

/// Citation for the review schedule and the thresholds it uses.
const REVIEW_SOURCE: &str =
    "SOURCES §5.2 (review checkpoints), §5.3 (PEG change ≥ 1 point or ≥ 30 %; pain ≥ 30 % or ≥ 2 points)";

/// The end-of-course switch rule in words, with the very thresholds `progress` computes, so the sentence can never
/// promise a different rule from the one the check-ins are judged by.
fn switch_rule() -> String {
    format!(
        "If after a full course your PEG score has dropped by less than {peg} point and by less than {pct} %, \
         discuss a switch with your clinician. A drop in your pain score of {pct} % or more, or of {pain} points \
         or more, counts as a clear response.",
        peg = PEG_MEANINGFUL_POINTS,
        pct = RESPONDER_PERCENT,
        pain = PAIN_RESPONDER_POINTS,
    )
}

/// Goals taken from the person's words, at most this many (the intake asks for up to three).
const MAX_OWN_GOALS: usize = 3;

/// Baseline PEG (mean of the three items, one decimal) when every item was answered.
fn baseline_peg(intake: &Intake) -> Option<f32> {
    let peg = intake.pain.as_ref()?.peg?;
    let sum = u32::from(peg.pain?) + u32::from(peg.enjoyment?) + u32::from(peg.activity?);
    Some((sum as f32 / 3.0 * 10.0).round() / 10.0)
}

/// Display name of a therapy ID.
fn name(catalog: &Catalog, id: &str) -> String {
    catalog
        .therapy(id)
        .map_or(id.to_string(), |t| t.name.to_string())
}

/// What to check at each review week, including courses that end and therapies that start before the next one.
pub(super) fn reviews(catalog: &Catalog, intake: &Intake, items: &[PlanItem]) -> Vec<Review> {
    let peg = match baseline_peg(intake) {
        Some(b) => format!("Compare your weekly PEG score with your starting score of {b:.1}: a drop of 1 point or more is a meaningful change."),
        None => "Compare your weekly PEG score with your first one: a drop of 1 point or more is a meaningful change.".into(),
    };
    let mut previous = 0;
    REVIEW_WEEKS
        .iter()
        .map(|&week| {
            let mut checks = vec![
                peg.clone(),
                "List any side effects (such as soreness, bruising or feeling worse) and tell the practitioner concerned.".into(),
                "Repeat the mood questions (PHQ-4) and share any positive result with your clinician.".into(),
            ];
            if week == REVIEW_WEEKS[0] {
                checks.push("Count the sessions you managed; if fewer than planned, change days or frequency rather than giving up.".into());
            }
            for i in items.iter().filter(|i| previous < i.end_week && i.end_week <= week) {
                checks.push(format!(
                    "{}: the course ends in week {}; decide with your clinician or practitioner whether to continue.",
                    name(catalog, &i.therapy),
                    i.end_week
                ));
            }
            let next = REVIEW_WEEKS.iter().find(|w| **w > week).copied();
            for i in items.iter().filter(|i| i.start_week > week && next.is_some_and(|n| i.start_week <= n)) {
                checks.push(format!("Get ready to start {} in week {}.", name(catalog, &i.therapy), i.start_week));
            }
            if week == *REVIEW_WEEKS.last().expect("review weeks") {
                checks.push(switch_rule());
            }
            previous = week;
            Review {
                week,
                checks,
                source: REVIEW_SOURCE.into(),
            }
        })
        .collect()
}

/// SMART goals: the person's own goals made time-bound and measurable, plus a PEG goal and a first-step goal.
pub(super) fn goals(catalog: &Catalog, intake: &Intake, items: &[PlanItem]) -> Vec<Goal> {
    let mut out: Vec<Goal> = intake
        .values
        .iter()
        .flat_map(|v| v.goals.iter())
        .map(|g| g.trim())
        .filter(|g| !g.is_empty())
        .take(MAX_OWN_GOALS)
        .map(|g| Goal {
            text: format!("By week 12: {}", g.trim_end_matches('.')),
            measure: "At each review, rate from 0 to 10 how close you are, and note one small step for the next four weeks.".into(),
            own_words: Some(g.to_string()),
        })
        .collect();
    if let Some(b) = baseline_peg(intake) {
        let target = (b - 1.0).max(0.0);
        out.push(Goal {
            text: format!(
                "By week 12, bring your PEG score down from {b:.1} to {target:.1} or lower."
            ),
            measure: "Fill in the three PEG questions each week.".into(),
            own_words: None,
        });
    }
    if let Some(first) = items.iter().find(|i| i.start_week == 1) {
        let days: Vec<&str> = first
            .days
            .iter()
            .map(|d| WEEKDAYS[usize::from(*d)])
            .collect();
        let planned = u32::from(first.per_week) * 4;
        out.push(Goal {
            text: format!(
                "In weeks 1–4, do at least {} of the {planned} planned {} sessions ({}).",
                u32::from(first.per_week) * 3,
                name(catalog, &first.therapy),
                days.join(", ")
            ),
            measure: "Tick each session off in your weekly check-in.".into(),
            own_words: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::progress::{Assessment, Change};

    #[test]
    fn the_switch_sentence_states_the_rule_progress_computes() {
        assert_eq!(
            switch_rule(),
            "If after a full course your PEG score has dropped by less than 1 point and by less than 30 %, \
             discuss a switch with your clinician. A drop in your pain score of 30 % or more, or of 2 points or \
             more, counts as a clear response."
        );
        // The same numbers, as progress judges them: PEG 6.0 → 5.1 (−0.9, −15 %) is no meaningful change; pain
        // 6 → 4 (−2 points) and 5 → 3.5 (−30 %) are responders, 6 → 4.5 (−1.5, −25 %) is not.
        let a = Assessment::of(Change::new(6.0, 5.1), Change::new(6.0, 4.0));
        assert!(a.no_meaningful_change() && a.pain_responder());
        assert!(
            !Assessment::of(Change::new(6.0, 5.0), Change::new(5.0, 3.5)).no_meaningful_change()
        );
        assert!(Assessment::of(Change::new(6.0, 5.0), Change::new(5.0, 3.5)).pain_responder());
        assert!(!Assessment::of(Change::new(6.0, 5.1), Change::new(6.0, 4.5)).pain_responder());
    }
}

//! What a new check-in starts from and what it may hold, as plain functions tested natively: the week of the plan
//! a date falls in, the sessions the plan expects that week, whether mood is asked, and the date check.

use crate::clinical::plan::{Plan, PLAN_WEEKS};
use crate::clinical::progress::{CheckIn, EffectLevel, PHQ4_EVERY_WEEKS};
// Re-exported: the progress view reads dates through this module too.
pub use crate::clinical::dates::day_number;
use std::collections::BTreeMap;

/// The week of the plan `date` falls in: the plan's weeks start on the day of the first check-in (week 1), and a
/// date outside weeks 1 to 12 counts as the nearest of them.
pub fn week_for(date: &str, checkins: &[CheckIn]) -> u16 {
    let first = checkins.iter().filter_map(|c| day_number(&c.date)).min();
    match (first, day_number(date)) {
        (Some(first), Some(day)) => {
            let week = (day - first).div_euclid(7) + 1;
            week.clamp(1, i64::from(PLAN_WEEKS)) as u16
        }
        _ => 1,
    }
}

/// Sessions the plan expects of each therapy in `week` (therapies not running that week are left out).
pub fn planned_sessions(plan: &Plan, week: u16) -> BTreeMap<String, u8> {
    plan.items
        .iter()
        .filter(|i| (u16::from(i.start_week)..=u16::from(i.end_week)).contains(&week))
        .map(|i| (i.therapy.clone(), i.per_week))
        .collect()
}

/// Whether a check-in in `week` asks the PHQ-4 mood questions.
pub fn mood_due(week: u16) -> bool {
    week.is_multiple_of(PHQ4_EVERY_WEEKS)
}

/// A new check-in dated `today`: its week, and the plan's sessions for that week filled in (the person corrects
/// them); nothing else answered.
pub fn new_check_in(today: &str, checkins: &[CheckIn], plan: &Plan) -> CheckIn {
    let week = week_for(today, checkins);
    CheckIn {
        date: today.to_string(),
        week,
        sessions: planned_sessions(plan, week),
        ..CheckIn::default()
    }
}

/// Why `date` cannot be a check-in's date (not a date, or after `today`), or `None` when it can.
pub fn date_error(date: &str, today: &str) -> Option<String> {
    match (day_number(date), day_number(today)) {
        (None, _) => Some("Enter the date of this check-in, such as 2 March 2026.".to_string()),
        (Some(d), Some(t)) if d > t => Some(
            "A check-in cannot be dated in the future: choose today or an earlier day.".to_string(),
        ),
        _ => None,
    }
}

/// The therapies whose side effects needed medical care in this check-in, in ID order.
pub fn needed_care(check_in: &CheckIn) -> Vec<&str> {
    check_in
        .effects
        .iter()
        .filter(|(_, e)| e.level == EffectLevel::MedicalCare)
        .map(|(id, _)| id.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::progress::SideEffect;

    fn dated(date: &str) -> CheckIn {
        CheckIn {
            date: date.to_string(),
            week: 1,
            ..CheckIn::default()
        }
    }

    #[test]
    fn the_week_counts_from_the_first_check_in() {
        let history = [dated("2026-03-09"), dated("2026-03-02")];
        assert_eq!(week_for("2026-03-02", &history), 1);
        assert_eq!(week_for("2026-03-08", &history), 1);
        assert_eq!(week_for("2026-03-09", &history), 2);
        assert_eq!(week_for("2026-05-18", &history), 12);
        assert_eq!(
            week_for("2026-09-01", &history),
            12,
            "after the plan: its last week"
        );
        assert_eq!(
            week_for("2026-02-01", &history),
            1,
            "before the first: week 1"
        );
        assert_eq!(
            week_for("2026-03-20", &[]),
            1,
            "the first check-in starts week 1"
        );
    }

    #[test]
    fn mood_is_asked_every_second_week() {
        let due: Vec<u16> = (1..=12).filter(|w| mood_due(*w)).collect();
        assert_eq!(due, [2, 4, 6, 8, 10, 12]);
    }

    #[test]
    fn a_date_after_today_is_refused() {
        assert_eq!(date_error("2026-03-02", "2026-03-02"), None);
        assert_eq!(date_error("2026-03-01", "2026-03-02"), None);
        assert_eq!(
            date_error("2026-03-03", "2026-03-02").as_deref(),
            Some("A check-in cannot be dated in the future: choose today or an earlier day.")
        );
        assert_eq!(
            date_error("", "2026-03-02").as_deref(),
            Some("Enter the date of this check-in, such as 2 March 2026.")
        );
    }

    #[test]
    fn the_plan_fills_in_the_sessions_of_the_therapies_running_that_week() {
        use crate::clinical::catalog::catalog;
        use crate::clinical::intake::Intake;
        use crate::clinical::plan::{build_plan, PlanSettings};
        use crate::clinical::screening::screen;
        let intake: Intake = serde_json::from_value(serde_json::json!({
            "age": 45, "pain": { "primary": "low_back" }, "symptoms": [], "conditions": [],
            "medications": [], "supplements": [], "mood": { "self_harm": 0 }
        }))
        .unwrap();
        let selected = ["exercise", "yoga", "mindfulness"].map(String::from);
        let s = screen(&intake);
        let plan = build_plan(
            catalog(),
            &intake,
            &selected,
            &s.therapies,
            &PlanSettings::default(),
        );
        let starts: Vec<(&str, u8, u8)> = plan
            .items
            .iter()
            .map(|i| (i.therapy.as_str(), i.start_week, i.per_week))
            .collect();
        // Two new things may start in week 1 and the third two weeks later (the plan's staggered starts).
        assert_eq!(starts.iter().map(|s| s.1).collect::<Vec<_>>(), [1, 1, 3]);
        let in_week = |w| {
            starts
                .iter()
                .filter(|s| s.1 <= w)
                .map(|s| (s.0.to_string(), s.2))
                .collect()
        };
        assert_eq!(planned_sessions(&plan, 1), in_week(1));
        assert_eq!(planned_sessions(&plan, 2).len(), 2);
        assert_eq!(planned_sessions(&plan, 3), in_week(3));
        assert_eq!(planned_sessions(&plan, 3).len(), 3);
        let first = new_check_in("2026-03-02", &[], &plan);
        assert_eq!((first.date.as_str(), first.week), ("2026-03-02", 1));
        assert_eq!(first.sessions, planned_sessions(&plan, 1));
        assert_eq!(first.peg, Default::default(), "nothing answered yet");
    }

    #[test]
    fn only_side_effects_that_needed_care_are_listed() {
        let mut c = dated("2026-03-02");
        let effect = |level| SideEffect {
            level,
            text: String::new(),
        };
        c.effects
            .insert("massage".into(), effect(EffectLevel::MedicalCare));
        c.effects
            .insert("yoga".into(), effect(EffectLevel::Stopped));
        c.effects
            .insert("acupuncture".into(), effect(EffectLevel::MedicalCare));
        assert_eq!(needed_care(&c), ["acupuncture", "massage"]);
    }
}

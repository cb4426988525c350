//! How far a person has got with the intake, from the saved answers alone: each step's status, the step "Continue
//! where you left off" opens, and about how long the rest takes. Plain functions, tested natively.

use super::model::{list_answer, number_text, start_back_items, ListKey};
use super::validate;
use crate::clinical::catalog::{catalog, Vocab};
use crate::clinical::intake::Practicalities;
use crate::store::document::AppState;
use crate::ui::route::{Route, Step};

/// Where one step stands for this person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepStatus {
    /// Every question of the step has an answer ("Not sure" counts as one).
    Done,
    /// Some questions have an answer, some not.
    Partly,
    /// No question of the step has an answer yet.
    NotStarted,
    /// The step is not asked of this person (STarT Back without low back pain, see [`Step::applies`]).
    Skipped,
}

/// How many of the step's questions have an answer, and how many it asks. List questions are read through
/// [`list_answer`], so "Not sure" and "None of these" count as answers; STarT Back items partly answered count too.
/// (Counts rather than a list: Welcome, in the first download, reads this too.)
fn answered(state: &AppState, step: Step) -> (usize, usize) {
    let i = &state.intake;
    let list = |key| list_answer(state, key).is_answered();
    let count = |flags: &[bool]| (flags.iter().filter(|a| **a).count(), flags.len());
    match step {
        Step::Pain => {
            let pain = i.pain.as_ref();
            let peg = pain.and_then(|p| p.peg).unwrap_or_default();
            count(&[
                i.age.is_some(),
                pain.is_some_and(|p| p.primary.is_some()),
                list(ListKey::Sites),
                pain.is_some_and(|p| p.duration_months.is_some()),
                peg.pain.is_some(),
                peg.enjoyment.is_some(),
                peg.activity.is_some(),
            ])
        }
        Step::Safety => count(&[list(ListKey::Symptoms)]),
        Step::Health => count(&[list(ListKey::Conditions)]),
        Step::Medicines => count(&[list(ListKey::Medications), list(ListKey::Supplements)]),
        Step::Mood => {
            let phq = i.mood.and_then(|m| m.phq4).unwrap_or_default();
            count(&[
                phq.nervous.is_some(),
                phq.worry.is_some(),
                phq.interest.is_some(),
                phq.down.is_some(),
                i.mood.is_some_and(|m| m.self_harm.is_some()),
            ])
        }
        Step::StartBack => {
            let bothersome = i
                .start_back
                .as_ref()
                .is_some_and(|b| b.bothersome.is_some());
            let (n, len) = count(&start_back_items(state).map(|a| a.is_some()));
            (n + usize::from(bothersome), len + 1)
        }
        Step::Activity => count(&[i.activity.is_some()]),
        Step::Values => {
            let v = i.values.as_ref();
            let areas = catalog().terms(Vocab::Area);
            // "Now" and "want" of every area the vocabulary lists.
            let rated: usize = v.map_or(0, |v| {
                v.areas
                    .iter()
                    .filter(|a| areas.iter().any(|t| t.id == a.area))
                    .map(|a| usize::from(a.now.is_some()) + usize::from(a.want.is_some()))
                    .sum()
            });
            let (n, len) = count(&[
                v.is_some_and(|v| v.what_matters.is_some()),
                v.is_some_and(|v| !v.goals.is_empty()),
            ]);
            (n + rated, len + 2 * areas.len())
        }
        Step::Practical => {
            let none = Practicalities::default();
            let p = i.practicalities.as_ref().unwrap_or(&none);
            count(&[
                p.minutes_per_week.is_some(),
                p.budget_per_month.is_some(),
                p.days.is_some(),
                p.needles_ok.is_some(),
                p.touch_ok.is_some(),
                p.home_only.is_some(),
            ])
        }
    }
}

/// Whether `step` lacks an answer the wizard will not go on without (age, the safety questions, the self-harm
/// question): the same checks that refuse Next (`validate`).
fn lacks_required(state: &AppState, step: Step) -> bool {
    let i = &state.intake;
    match step {
        Step::Pain => validate::age_required(&number_text(i.age)).is_some(),
        Step::Safety => validate::safety(&list_answer(state, ListKey::Symptoms)).is_some(),
        Step::Mood => validate::self_harm(i.mood.and_then(|m| m.self_harm)).is_some(),
        _ => false,
    }
}

/// The status of one step for this person.
pub fn status(state: &AppState, step: Step) -> StepStatus {
    if !step.applies(&state.intake) {
        return StepStatus::Skipped;
    }
    match answered(state, step) {
        (n, asked) if n == asked => StepStatus::Done,
        (0, _) => StepStatus::NotStarted,
        _ => StepStatus::Partly,
    }
}

/// The step "Continue where you left off" opens, or `None` when the intake is finished. In order: the first step
/// with no answers at all when nothing is answered yet; an earlier step that still lacks a required answer (reached
/// by address, or from an older backup); the furthest step with answers if only partly answered (the person may have
/// stopped inside it); else the step after it. Steps that do not apply are never chosen. Optional questions
/// skipped on the way never send a person back: the wizard lets them skip, and once the last step has answers the
/// intake counts as finished.
pub fn first_unanswered(state: &AppState) -> Option<Step> {
    let asked = Step::sequence(&state.intake);
    let furthest = asked
        .iter()
        .rposition(|s| status(state, *s) != StepStatus::NotStarted);
    let Some(furthest) = furthest else {
        return asked.first().copied();
    };
    if let Some(gap) = asked[..=furthest]
        .iter()
        .find(|s| lacks_required(state, **s))
    {
        return Some(*gap);
    }
    let last = furthest + 1 == asked.len();
    if !last && status(state, asked[furthest]) == StepStatus::Partly {
        return Some(asked[furthest]);
    }
    asked.get(furthest + 1).copied()
}

/// Where "Continue where you left off" leads: the first unanswered step, else the next stage, the safety check.
pub fn resume_route(state: &AppState) -> Route {
    first_unanswered(state).map_or(Route::Screening, Route::Intake)
}

/// Rough seconds a step takes to read and answer, for "about N minutes left" only (no clinical meaning). Set from the
/// number and kind of questions on each step (typing takes longer than a tick, the 23 safety questions take reading)
/// so that the whole intake comes to the "about 10 minutes" Welcome promises.
pub const STEP_SECONDS: [(Step, u32); 9] = [
    (Step::Pain, 120),
    (Step::Safety, 90),
    (Step::Health, 60),
    (Step::Medicines, 75),
    (Step::Mood, 45),
    (Step::StartBack, 45),
    (Step::Activity, 15),
    (Step::Values, 120),
    (Step::Practical, 60),
];

/// Seconds left from `current` on: the steps asked of this person, from this one to the end, that are not done.
pub fn seconds_left(state: &AppState, current: Step) -> u32 {
    let from = Step::ALL.iter().position(|s| *s == current).unwrap_or(0);
    STEP_SECONDS
        .iter()
        .filter(|(step, _)| Step::ALL[from..].contains(step))
        .filter(|(step, _)| !matches!(status(state, *step), StepStatus::Done | StepStatus::Skipped))
        .map(|(_, seconds)| seconds)
        .sum()
}

/// "about 4 minutes left" (to the nearest minute), "less than a minute left", or nothing when no time is left.
pub fn time_left_text(seconds: u32) -> Option<String> {
    match (seconds + 30) / 60 {
        _ if seconds == 0 => None,
        0 => Some("less than a minute left".to_string()),
        1 => Some("about 1 minute left".to_string()),
        n => Some(format!("about {n} minutes left")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::intake::Intake;
    use crate::ui::pages::intake::model::set_list;
    use crate::ui::widgets::checklist::ListAnswer;

    /// A document holding `intake`, written as the saved JSON (the scenario format).
    fn state(intake: serde_json::Value) -> AppState {
        AppState {
            intake: serde_json::from_value::<Intake>(intake).unwrap(),
            ..AppState::default()
        }
    }

    /// Every question answered, for low back pain (so STarT Back is asked).
    fn finished() -> serde_json::Value {
        let areas: Vec<_> = catalog()
            .terms(Vocab::Area)
            .iter()
            .map(|t| serde_json::json!({ "area": t.id, "now": 2, "want": 4 }))
            .collect();
        serde_json::json!({
            "age": 52,
            "pain": { "primary": "low_back", "sites": [], "duration_months": 14,
                      "peg": { "pain": 6, "enjoyment": 5, "activity": 5 } },
            "symptoms": [],
            "conditions": ["diabetes"],
            "medications": [],
            "supplements": [],
            "mood": { "phq4": { "nervous": 0, "worry": 1, "interest": 1, "down": 0 }, "self_harm": 0 },
            "start_back": { "agree": [1, 3], "bothersome": "slightly" },
            "activity": "active",
            "values": { "what_matters": "My grandchildren", "areas": areas, "goals": ["Walk the dog"] },
            "practicalities": { "minutes_per_week": 150, "budget_per_month": 40, "days": [0, 2],
                                "needles_ok": true, "touch_ok": false, "home_only": false }
        })
    }

    /// `finished()` with the named top-level answers removed.
    fn without(keys: &[&str]) -> AppState {
        let mut v = finished();
        for k in keys {
            v.as_object_mut().unwrap().remove(*k);
        }
        state(v)
    }

    #[test]
    fn a_finished_intake_has_no_unanswered_step_and_goes_on_to_the_next_stage() {
        let s = state(finished());
        for step in Step::ALL {
            assert_eq!(status(&s, step), StepStatus::Done, "{step:?}");
        }
        assert_eq!(first_unanswered(&s), None);
        assert_eq!(resume_route(&s), Route::Screening);
    }

    #[test]
    fn nothing_answered_starts_at_the_first_step() {
        let s = AppState::default();
        assert_eq!(status(&s, Step::Pain), StepStatus::NotStarted);
        assert_eq!(first_unanswered(&s), Some(Step::Pain));
        assert_eq!(resume_route(&s), Route::Intake(Step::Pain));
    }

    #[test]
    fn after_pain_safety_and_health_the_person_continues_at_medicines() {
        let s = without(&[
            "medications",
            "supplements",
            "mood",
            "start_back",
            "activity",
            "values",
            "practicalities",
        ]);
        assert_eq!(status(&s, Step::Health), StepStatus::Done);
        assert_eq!(status(&s, Step::Medicines), StepStatus::NotStarted);
        assert_eq!(first_unanswered(&s), Some(Step::Medicines));
    }

    #[test]
    fn start_back_applies_only_to_low_back_pain_and_is_skipped_otherwise() {
        let back = without(&["start_back", "activity", "values", "practicalities"]);
        assert_eq!(status(&back, Step::StartBack), StepStatus::NotStarted);
        assert_eq!(first_unanswered(&back), Some(Step::StartBack));

        let mut neck = finished();
        neck["pain"]["primary"] = "neck".into();
        neck.as_object_mut().unwrap().remove("start_back");
        let mut neck = state(neck);
        assert_eq!(status(&neck, Step::StartBack), StepStatus::Skipped);
        assert_eq!(
            first_unanswered(&neck),
            None,
            "a step that does not apply is never unanswered"
        );
        neck.intake.activity = None;
        neck.intake.values = None;
        neck.intake.practicalities = None;
        assert_eq!(first_unanswered(&neck), Some(Step::Activity));
    }

    #[test]
    fn a_partly_answered_step_is_where_the_person_stopped() {
        let s = state(serde_json::json!({ "age": 58 }));
        assert_eq!(status(&s, Step::Pain), StepStatus::Partly);
        assert_eq!(first_unanswered(&s), Some(Step::Pain));

        let mut mood = without(&["start_back", "activity", "values", "practicalities"]);
        mood.intake.mood.as_mut().unwrap().phq4 = None;
        assert_eq!(status(&mood, Step::Mood), StepStatus::Partly);
        assert_eq!(first_unanswered(&mood), Some(Step::Mood));
    }

    #[test]
    fn optional_questions_skipped_on_the_way_never_send_the_person_back() {
        let mut s = state(finished());
        s.intake.pain.as_mut().unwrap().sites = None;
        s.intake.conditions = None;
        s.intake.practicalities.as_mut().unwrap().budget_per_month = None;
        assert_eq!(status(&s, Step::Pain), StepStatus::Partly);
        assert_eq!(status(&s, Step::Health), StepStatus::NotStarted);
        assert_eq!(status(&s, Step::Practical), StepStatus::Partly);
        assert_eq!(
            first_unanswered(&s),
            None,
            "the last step has answers: finished"
        );
    }

    #[test]
    fn a_missing_required_answer_before_the_furthest_step_comes_first() {
        assert_eq!(
            first_unanswered(&without(&["symptoms"])),
            Some(Step::Safety)
        );
        let mut s = state(finished());
        s.intake.mood.as_mut().unwrap().self_harm = None;
        assert_eq!(first_unanswered(&s), Some(Step::Mood));
        assert_eq!(first_unanswered(&without(&["age"])), Some(Step::Pain));
    }

    #[test]
    fn not_sure_counts_as_an_answer() {
        let mut s = without(&["conditions"]);
        assert_eq!(status(&s, Step::Health), StepStatus::NotStarted);
        set_list(&mut s, ListKey::Conditions, &ListAnswer::Unsure(vec![]));
        assert_eq!(status(&s, Step::Health), StepStatus::Done);
        set_list(
            &mut s,
            ListKey::Conditions,
            &ListAnswer::Unsure(vec!["osteoporosis".into()]),
        );
        assert_eq!(status(&s, Step::Health), StepStatus::Done);
    }

    #[test]
    fn time_left_counts_the_steps_not_done_from_here_on() {
        let empty = AppState::default();
        // Every step but STarT Back (not asked without low back pain): 120+90+60+75+45+15+120+60 seconds.
        assert_eq!(seconds_left(&empty, Step::Pain), 585);
        assert_eq!(seconds_left(&empty, Step::Values), 180);
        let s = without(&["practicalities"]);
        assert_eq!(
            seconds_left(&s, Step::Pain),
            60,
            "only practicalities are left"
        );
        assert_eq!(
            time_left_text(585).as_deref(),
            Some("about 10 minutes left")
        );
        assert_eq!(time_left_text(60).as_deref(), Some("about 1 minute left"));
        assert_eq!(
            time_left_text(15).as_deref(),
            Some("less than a minute left")
        );
        assert_eq!(time_left_text(0), None);
    }
}

//! What "Save to this device" keeps of a shared plan: the answers only when they screen as a stop, otherwise
//! everything but the chosen therapies the rules now block.

use crate::clinical::plan::PlanSettings;
use crate::clinical::screening::{Screening, TherapyStatus};
use crate::store::document::AppState;
use std::collections::BTreeMap;

/// What saving keeps when the answers screen as anything but `proceed`: the answers and the person's own
/// settings, never the chosen therapies, their plan settings, consents or check-ins.
pub fn answers_only(state: &AppState) -> AppState {
    AppState {
        selected: Vec::new(),
        plan: PlanSettings::default(),
        checkins: Vec::new(),
        consents: BTreeMap::new(),
        ..state.clone()
    }
}

/// What saving keeps with `proceed`: everything the link holds except the chosen therapies the rules now block
/// (and their plan settings); also returns the IDs left out, in the order they were chosen.
pub fn without_blocked(state: &AppState, screening: &Screening) -> (AppState, Vec<String>) {
    let blocked = |id: &str| screening.status(id) == Some(TherapyStatus::Blocked);
    let dropped: Vec<String> = state
        .selected
        .iter()
        .filter(|id| blocked(id))
        .cloned()
        .collect();
    let mut kept = state.clone();
    kept.selected.retain(|id| !blocked(id));
    kept.plan.per_week.retain(|id, _| !blocked(id));
    kept.plan.days.retain(|id, _| !blocked(id));
    kept.flare.helps_from_plan.retain(|id| !blocked(id));
    (kept, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::screening::{screen, Outcome};
    use crate::share::link;
    use crate::ui::components::status::outcome_id;

    fn state(intake: &str, selected: &[&str]) -> AppState {
        let mut s = AppState {
            intake: serde_json::from_str(intake).unwrap(),
            selected: selected.iter().map(|s| s.to_string()).collect(),
            ..AppState::default()
        };
        for t in selected {
            s.plan.per_week.insert(t.to_string(), 2);
            s.plan.days.insert(t.to_string(), vec![0, 3]);
        }
        s
    }

    #[test]
    fn a_stopped_link_keeps_the_answers_and_nothing_chosen() {
        let s = state(
            r#"{"age":40,"symptoms":["chest_pain_now"]}"#,
            &["exercise", "yoga"],
        );
        let kept = answers_only(&s);
        assert_eq!(kept.intake, s.intake);
        assert!(kept.selected.is_empty());
        assert_eq!(kept.plan, PlanSettings::default());
    }

    #[test]
    fn therapies_the_rules_block_are_left_out_of_what_is_saved() {
        let s = state(
            r#"{"age":50,"symptoms":[],"conditions":["bleeding_disorder"],"medications":[]}"#,
            &["exercise", "acupuncture", "yoga"],
        );
        let screening = screen(&s.intake);
        assert_eq!(screening.outcome, Outcome::Proceed);
        let (kept, dropped) = without_blocked(&s, &screening);
        assert_eq!(dropped, vec!["acupuncture".to_string()]);
        assert_eq!(
            kept.selected,
            vec!["exercise".to_string(), "yoga".to_string()]
        );
        assert!(!kept.plan.per_week.contains_key("acupuncture"));
        assert!(!kept.plan.days.contains_key("acupuncture"));
        assert_eq!(kept.plan.per_week.get("yoga"), Some(&2));
        assert_eq!(kept.intake, s.intake);
    }

    /// The e2e links that screen as a stop (`e2e/share-stop-links.json`): the plan view makes no link for such
    /// answers, so the payloads are stored there, and this checks each is this encoder's output for its state.
    #[test]
    fn the_e2e_stop_links_are_the_encoders_own() {
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../../../../e2e/share-stop-links.json")).unwrap();
        let links = file["links"].as_array().unwrap();
        assert_eq!(links.len(), 4);
        for l in links {
            let state: AppState = serde_json::from_value(l["state"].clone()).unwrap();
            let payload = link::encode(&state, false);
            assert_eq!(
                l["payload"].as_str().unwrap(),
                payload,
                "{}: store the new payload",
                l["outcome"]
            );
            let outcome = screen(&link::decode(&payload).unwrap().state.intake).outcome;
            assert_eq!(outcome_id(outcome), l["outcome"].as_str().unwrap());
        }
    }
}

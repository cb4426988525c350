//! What a person chose to share with a clinician. One value decides, for the printed summary, the FHIR export,
//! the calendar and the clinician link alike, what leaves the device: each exporter works on [`ShareChoices::redact`]'s
//! copy of the document, never on the document itself, so a section left unticked cannot reach any of them.

use crate::clinical::catalog::catalog;
use crate::store::document::AppState;

/// The sections a person can leave out of what they share; the default shares everything except free-text notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareChoices {
    /// What matters, goals, and the flare plan's text: the person's own words.
    pub own_words: bool,
    /// The mood answers: PHQ-4 and the self-harm question, at intake and at check-ins.
    pub mood: bool,
    /// Supplements taken and chosen, with their alerts.
    pub supplements: bool,
    /// Check-ins: scores over time, sessions done and side-effect levels.
    pub progress: bool,
    /// Free-text notes of check-ins and the words describing side effects.
    pub notes: bool,
    /// First check-in date shared (ISO `YYYY-MM-DD`, inclusive); `None` for "from the start".
    pub from: Option<String>,
    /// Last check-in date shared (ISO `YYYY-MM-DD`, inclusive); `None` for "up to today".
    pub to: Option<String>,
}

impl Default for ShareChoices {
    fn default() -> Self {
        ShareChoices {
            own_words: true,
            mood: true,
            supplements: true,
            progress: true,
            notes: false,
            from: None,
            to: None,
        }
    }
}

impl ShareChoices {
    /// Whether a check-in dated `date` falls in the chosen date range.
    pub fn in_range(&self, date: &str) -> bool {
        self.from.as_deref().is_none_or(|from| date >= from)
            && self.to.as_deref().is_none_or(|to| date <= to)
    }

    /// A copy of `state` holding only what is shared: the one input of every exporter.
    pub fn redact(&self, state: &AppState) -> AppState {
        let mut shared = state.clone();
        // Preferences and unknown fields from newer versions are about this device, never about care.
        shared.settings = Default::default();
        shared.extra.clear();
        if !self.own_words {
            if let Some(values) = shared.intake.values.as_mut() {
                values.what_matters = None;
                values.goals.clear();
            }
            shared.flare.signs.clear();
            shared.flare.helps.clear();
            shared.flare.reduce.clear();
            shared.flare.contacts.clear();
        }
        if !self.mood {
            shared.intake.mood = None;
            for checkin in &mut shared.checkins {
                checkin.mood = None;
            }
        }
        if !self.supplements {
            shared.intake.supplements = None;
            shared.intake.unsure.retain(|list| list != "supplements");
            let cat = catalog();
            let is_supplement = |id: &str| cat.therapy(id).is_some_and(|t| t.supplement);
            shared.selected.retain(|id| !is_supplement(id));
            shared.consents.retain(|id, _| !is_supplement(id));
            shared.flare.helps_from_plan.retain(|id| !is_supplement(id));
        }
        if self.progress {
            shared.checkins.retain(|c| self.in_range(&c.date));
        } else {
            shared.checkins.clear();
        }
        if !self.notes {
            for checkin in &mut shared.checkins {
                checkin.note.clear();
                checkin.side_effects.clear();
                for effect in checkin.effects.values_mut() {
                    effect.text.clear();
                }
            }
        }
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::ShareChoices;
    use crate::clinical::intake::{Intake, Mood, Values};
    use crate::clinical::progress::{CheckIn, EffectLevel, SideEffect};
    use crate::store::document::AppState;

    fn checkin(date: &str, note: &str) -> CheckIn {
        let effect = SideEffect {
            level: EffectLevel::Mild,
            text: "bruise".into(),
        };
        CheckIn {
            date: date.into(),
            note: note.into(),
            side_effects: "sore".into(),
            effects: [("massage".to_string(), effect)].into(),
            ..CheckIn::default()
        }
    }

    fn state() -> AppState {
        let mut s = AppState {
            intake: Intake {
                mood: Some(Mood {
                    phq4: None,
                    self_harm: Some(0),
                }),
                supplements: Some(vec!["turmeric".into()]),
                values: Some(Values {
                    what_matters: Some("walking my dog".into()),
                    areas: vec![],
                    goals: vec!["walk 20 minutes".into()],
                }),
                ..Intake::default()
            },
            selected: vec!["massage".into(), "turmeric".into()],
            checkins: vec![
                checkin("2026-03-02", "busy week"),
                checkin("2026-03-09", ""),
            ],
            ..AppState::default()
        };
        s.flare.signs = "stiff mornings".into();
        s
    }

    #[test]
    fn by_default_everything_is_shared_except_notes() {
        let shared = ShareChoices::default().redact(&state());
        assert_eq!(
            shared.intake.values.as_ref().unwrap().goals,
            ["walk 20 minutes"]
        );
        assert_eq!(shared.intake.mood.unwrap().self_harm, Some(0));
        assert_eq!(shared.selected, ["massage", "turmeric"]);
        assert_eq!(shared.checkins.len(), 2);
        assert_eq!(shared.checkins[0].note, "");
        assert_eq!(shared.checkins[0].side_effects, "");
        assert_eq!(shared.checkins[0].effects["massage"].text, "");
        assert_eq!(
            shared.checkins[0].effects["massage"].level,
            EffectLevel::Mild,
            "the level is not a note"
        );
    }

    #[test]
    fn an_unticked_section_is_gone_from_the_copy() {
        let choices = ShareChoices {
            own_words: false,
            mood: false,
            supplements: false,
            notes: true,
            ..ShareChoices::default()
        };
        let shared = choices.redact(&state());
        let values = shared.intake.values.as_ref().unwrap();
        assert_eq!(
            (values.what_matters.as_deref(), values.goals.len()),
            (None, 0)
        );
        assert_eq!(shared.flare.signs, "");
        assert_eq!(shared.intake.mood, None);
        assert_eq!(shared.intake.supplements, None);
        assert_eq!(shared.selected, ["massage"], "a chosen supplement goes too");
        assert_eq!(
            shared.checkins[0].note, "busy week",
            "notes ticked are kept"
        );
    }

    #[test]
    fn progress_keeps_only_check_ins_in_the_date_range() {
        let choices = ShareChoices {
            from: Some("2026-03-03".into()),
            ..ShareChoices::default()
        };
        assert_eq!(choices.redact(&state()).checkins.len(), 1);
        let choices = ShareChoices {
            to: Some("2026-03-02".into()),
            ..ShareChoices::default()
        };
        assert_eq!(choices.redact(&state()).checkins[0].date, "2026-03-02");
        let choices = ShareChoices {
            progress: false,
            ..ShareChoices::default()
        };
        assert!(choices.redact(&state()).checkins.is_empty());
    }
}

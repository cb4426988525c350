//! The whole of what Mosaic keeps for one person: one serializable document.

use crate::clinical::intake::Intake;
use crate::clinical::plan::PlanSettings;
use crate::clinical::progress::CheckIn;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Everything saved for one person. New fields must have serde defaults so older documents still load.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AppState {
    /// The intake answers (RULES §1.1).
    #[serde(default)]
    pub intake: Intake,
    /// Therapy IDs the person chose, in the order they chose them.
    #[serde(default)]
    pub selected: Vec<String>,
    /// Adjustments to the generated plan.
    #[serde(default)]
    pub plan: PlanSettings,
    /// Weekly check-ins.
    #[serde(default)]
    pub checkins: Vec<CheckIn>,
    /// Preferences of this device.
    #[serde(default)]
    pub settings: Settings,
    /// List questions the person answered "not sure" (stored as not answered in the intake).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub unsure: BTreeSet<String>,
    /// STarT Back items 1–8 answered so far (index 0 = item 1; `true` = agree). The intake's `agree` list is set
    /// only once all eight are answered, so a skipped item never counts as "disagree".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub start_back_items: Vec<Option<bool>>,
    /// Therapies the person confirmed in the consent step ("I have read this and will discuss it with my
    /// clinician"), by therapy ID. Share links do not carry it, so a plan may hold therapies without one.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub consents: BTreeMap<String, Consent>,
    /// The review points the person went through, oldest first, each with the plan as it was before (schema 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<PlanReview>,
    /// The flare (set-back) plan, in the person's own words (schema 3).
    #[serde(default, skip_serializing_if = "FlarePlan::is_empty")]
    pub flare: FlarePlan,
    /// Fields this version does not know (e.g. hand-edited or from a newer build), kept so a save never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One confirmation of the consent step for a therapy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// The day it was confirmed, ISO `YYYY-MM-DD` on this device's calendar.
    pub date: String,
}

/// One review point the person went through: when, the plan week reviewed, what they decided for each therapy, and
/// the plan as it stood before their decisions changed it (the earlier version, kept as the plan's history).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanReview {
    /// The day of the review, ISO `YYYY-MM-DD`.
    pub date: String,
    /// The plan week reviewed (4, 8, 12, or the week of the latest check-in for a review asked for).
    pub week: u8,
    /// The decision for each therapy of the plan, by therapy ID.
    #[serde(default)]
    pub decisions: BTreeMap<String, Decision>,
    /// The chosen therapies and plan settings before this review's decisions.
    pub before: PlanVersion,
}

/// What the person decided for one therapy at a review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Keep going as planned.
    Continue,
    /// Keep it, with other sessions a week or days (changed on the plan page).
    Adjust,
    /// Take it out of the plan (after talking to the clinician).
    Stop,
}

/// A version of the plan: the chosen therapies and the person's adjustments, from which the plan is built.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanVersion {
    /// Therapy IDs chosen.
    #[serde(default)]
    pub selected: Vec<String>,
    /// Adjustments to the generated plan.
    #[serde(default)]
    pub plan: PlanSettings,
}

/// What the person plans to do in a flare, in their own words; every part may be left empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlarePlan {
    /// The early warning signs that a flare is starting.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signs: String,
    /// Therapies of the plan that help in a flare, by ID, in the order ticked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub helps_from_plan: Vec<String>,
    /// Anything else that helps.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub helps: String,
    /// What to reduce or pause for a while.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reduce: String,
    /// Who to call: names and numbers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contacts: String,
}

impl FlarePlan {
    /// Whether nothing is written or ticked.
    pub fn is_empty(&self) -> bool {
        *self == FlarePlan::default()
    }
}

/// Preferences that are not clinical answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The local crisis line to show, e.g. "Samaritans 116 123"; empty means "your local emergency number".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub crisis_line: String,
    /// Larger text throughout.
    #[serde(default)]
    pub large_text: bool,
    /// Higher contrast colours.
    #[serde(default)]
    pub high_contrast: bool,
}

impl AppState {
    /// The document as compact JSON: the one serializer of the whole document in the app (the saver, the stored
    /// envelope and backups all go through it, so its code exists once).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Records a review on `date` of plan week `week` and applies its decisions: a stopped therapy leaves the
    /// selection, with its adjustments; the plan as it was before is kept in the review.
    pub fn record_review(&mut self, date: &str, week: u8, decisions: BTreeMap<String, Decision>) {
        let before = PlanVersion {
            selected: self.selected.clone(),
            plan: self.plan.clone(),
        };
        for (id, _) in decisions.iter().filter(|(_, d)| **d == Decision::Stop) {
            self.selected.retain(|t| t != id);
            self.plan.per_week.remove(id);
            self.plan.days.remove(id);
        }
        self.reviews.push(PlanReview {
            date: date.to_string(),
            week,
            decisions,
            before,
        });
    }

    /// Whether the person has entered anything at all (used to offer "continue" and to warn before replacing).
    pub fn has_answers(&self) -> bool {
        self.intake != Intake::default()
            || !self.selected.is_empty()
            || !self.checkins.is_empty()
            || !self.flare.is_empty()
    }

    /// Adds a therapy to the selection once; returns whether it was added.
    pub fn select(&mut self, therapy: &str) -> bool {
        if self.selected.iter().any(|t| t == therapy) {
            return false;
        }
        self.selected.push(therapy.to_string());
        true
    }

    /// Removes a therapy from the selection, with its consent (adding it again asks again); returns whether it was there.
    pub fn deselect(&mut self, therapy: &str) -> bool {
        let before = self.selected.len();
        self.selected.retain(|t| t != therapy);
        self.consents.remove(therapy);
        before != self.selected.len()
    }

    /// Records that the person confirmed the consent step for a therapy on `date` (ISO `YYYY-MM-DD`).
    pub fn confirm(&mut self, therapy: &str, date: &str) {
        self.consents.insert(
            therapy.to_string(),
            Consent {
                date: date.to_string(),
            },
        );
    }

    /// The person's confirmation for a therapy, if they gave one.
    pub fn consent(&self, therapy: &str) -> Option<&Consent> {
        self.consents.get(therapy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_document_loads_with_defaults() {
        let s: AppState = serde_json::from_str("{}").unwrap();
        assert_eq!(s, AppState::default());
        assert!(!s.has_answers());
    }

    #[test]
    fn unknown_top_level_fields_survive_a_round_trip() {
        let s: AppState =
            serde_json::from_str(r#"{"selected":["yoga"],"future_field":{"a":1}}"#).unwrap();
        let back = serde_json::to_string(&s).unwrap();
        assert!(back.contains(r#""future_field":{"a":1}"#), "{back}");
    }

    #[test]
    fn selecting_twice_keeps_one_entry_and_deselect_removes_it() {
        let mut s = AppState::default();
        assert!(s.select("yoga"));
        assert!(!s.select("yoga"));
        assert_eq!(s.selected, vec!["yoga"]);
        assert!(s.deselect("yoga"));
        assert!(!s.has_answers());
    }

    #[test]
    fn a_consent_survives_a_round_trip_and_goes_with_its_therapy() {
        let mut s = AppState::default();
        s.select("yoga");
        s.confirm("yoga", "2026-03-02");
        let text = serde_json::to_string(&s).unwrap();
        assert!(
            text.contains(r#""consents":{"yoga":{"date":"2026-03-02"}}"#),
            "{text}"
        );
        let back: AppState = serde_json::from_str(&text).unwrap();
        assert_eq!(back, s);
        assert_eq!(
            back.consent("yoga").map(|c| c.date.as_str()),
            Some("2026-03-02")
        );
        s.deselect("yoga");
        assert_eq!(
            s.consent("yoga"),
            None,
            "removing a therapy removes its consent"
        );
    }

    #[test]
    fn an_old_document_without_consents_loads_with_none() {
        let s: AppState = serde_json::from_str(r#"{"selected":["yoga","cbt"]}"#).unwrap();
        assert_eq!(s.selected, vec!["yoga", "cbt"]);
        assert!(s.consents.is_empty());
        assert_eq!(s.consent("yoga"), None);
        assert!(
            !serde_json::to_string(&s).unwrap().contains("consents"),
            "nothing written while empty"
        );
    }
}

#[cfg(test)]
mod review_tests {
    use super::*;

    #[test]
    fn a_review_keeps_the_plan_before_it_and_takes_stopped_therapies_out() {
        let mut s = AppState {
            selected: vec!["exercise".into(), "yoga".into(), "acupuncture".into()],
            ..AppState::default()
        };
        s.plan.per_week.insert("yoga".into(), 2);
        s.plan.days.insert("yoga".into(), vec![1, 3]);
        s.plan.per_week.insert("exercise".into(), 3);
        let decisions = BTreeMap::from([
            ("exercise".to_string(), Decision::Adjust),
            ("yoga".to_string(), Decision::Stop),
            ("acupuncture".to_string(), Decision::Continue),
        ]);
        s.record_review("2026-03-30", 4, decisions.clone());
        assert_eq!(
            s.selected,
            vec!["exercise".to_string(), "acupuncture".to_string()]
        );
        assert_eq!(
            s.plan.per_week,
            BTreeMap::from([("exercise".to_string(), 3)])
        );
        assert!(s.plan.days.is_empty());
        assert_eq!(s.reviews.len(), 1);
        let kept = &s.reviews[0];
        assert_eq!((kept.date.as_str(), kept.week), ("2026-03-30", 4));
        assert_eq!(kept.decisions, decisions);
        assert_eq!(
            kept.before.selected,
            vec![
                "exercise".to_string(),
                "yoga".to_string(),
                "acupuncture".to_string()
            ]
        );
        assert_eq!(kept.before.plan.days.get("yoga"), Some(&vec![1, 3]));
    }
}

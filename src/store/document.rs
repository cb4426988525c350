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
    /// Whether the person has entered anything at all (used to offer "continue" and to warn before replacing).
    pub fn has_answers(&self) -> bool {
        self.intake != Intake::default() || !self.selected.is_empty() || !self.checkins.is_empty()
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

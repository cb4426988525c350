//! The whole of what Mosaic keeps for one person: one serializable document (DESIGN §3).

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
    /// Fields this version does not know (e.g. hand-edited or from a newer build), kept so a save never drops them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
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

    /// Removes a therapy from the selection; returns whether it was there.
    pub fn deselect(&mut self, therapy: &str) -> bool {
        let before = self.selected.len();
        self.selected.retain(|t| t != therapy);
        before != self.selected.len()
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
}

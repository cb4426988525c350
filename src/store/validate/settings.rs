//! The settings part of a document: the local crisis line and the display preferences.

use super::checker::Checker;
use crate::store::limits::{has_line_break_or_control, MAX_CRISIS_LINE_CHARS};
use serde_json::Value;

impl Checker {
    /// `data.settings`: the crisis line on one short line, and true-or-false preferences.
    pub(super) fn settings(&mut self, v: &Value) {
        let Some(map) = self.object(v, "data.settings") else {
            return;
        };
        self.known_keys(
            map,
            "data.settings",
            &["crisis_line", "large_text", "high_contrast"],
        );
        if let Some(v) = map.get("crisis_line") {
            let path = "data.settings.crisis_line";
            if let Some(s) = self.text(v, path) {
                self.max_len(s, path, MAX_CRISIS_LINE_CHARS, "the crisis line");
                if has_line_break_or_control(s) {
                    self.fail(
                        path,
                        format!("`{path}` must be a single line of plain text, without line breaks or control characters."),
                    );
                }
            }
        }
        for key in ["large_text", "high_contrast"] {
            if let Some(v) = map.get(key) {
                self.boolean(v, &format!("data.settings.{key}"));
            }
        }
    }
}

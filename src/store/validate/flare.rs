//! The flare plan part of a document: four free texts of at most the flare page's length, and the plan's therapies
//! that help, each a therapy Mosaic knows, once.

use super::checker::Checker;
use crate::store::limits::MAX_FLARE_TEXT_CHARS;
use serde_json::Value;

/// The free-text fields and how a message names each.
const TEXTS: [(&str, &str); 4] = [
    ("signs", "the early warning signs"),
    ("helps", "what else helps"),
    ("reduce", "what to reduce or pause"),
    ("contacts", "who to call"),
];

impl Checker {
    /// `data.flare`: known fields, texts within their length, therapy IDs the catalog knows and none twice.
    pub(super) fn flare(&mut self, v: &Value) {
        let Some(map) = self.object(v, "data.flare") else {
            return;
        };
        self.known_keys(
            map,
            "data.flare",
            &["signs", "helps_from_plan", "helps", "reduce", "contacts"],
        );
        for (key, what) in TEXTS {
            if let Some(v) = map.get(key) {
                let path = format!("data.flare.{key}");
                if let Some(s) = self.text(v, &path) {
                    self.max_len(s, &path, MAX_FLARE_TEXT_CHARS, what);
                }
            }
        }
        if let Some(v) = map.get("helps_from_plan") {
            self.selected_at(v, "data.flare.helps_from_plan", "ticked");
        }
    }
}

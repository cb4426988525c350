//! The check-ins part of a document: each weekly check-in's date, week, scores, sessions and side-effects note.

use super::checker::Checker;
use crate::clinical::plan::PLAN_WEEKS;
use crate::clinical::progress::is_iso_date;
use crate::store::limits::MAX_SIDE_EFFECTS_CHARS;
use serde_json::{Map, Value};

impl Checker {
    /// `data.checkins`: a list of check-ins.
    pub(super) fn checkins(&mut self, v: &Value) {
        let Some(list) = self.list(v, "data.checkins", "a list of check-ins ([] for none)") else {
            return;
        };
        for (i, item) in list.iter().enumerate() {
            let path = format!("data.checkins[{i}]");
            if let Some(map) = self.object(item, &path) {
                self.checkin(map, &path);
            }
        }
    }

    /// One check-in: only known fields, a date and a week, scores on their scales.
    fn checkin(&mut self, map: &Map<String, Value>, path: &str) {
        self.known_keys(
            map,
            path,
            &[
                "date",
                "week",
                "peg",
                "sleep",
                "mood",
                "sessions",
                "side_effects",
            ],
        );
        match map.get("date") {
            Some(Value::String(d)) if is_iso_date(d) => {}
            Some(v) => self.wrong_type(
                &format!("{path}.date"),
                "a date such as \"2026-03-02\"",
                v,
            ),
            None => self.fail(
                &format!("{path}.date"),
                format!("`{path}.date` is missing; every check-in needs its date, such as \"2026-03-02\"."),
            ),
        }
        let weeks = format!("a week of the plan, from 1 to {PLAN_WEEKS}");
        match map.get("week") {
            Some(v) => {
                self.int(v, &format!("{path}.week"), 1, i64::from(PLAN_WEEKS), &weeks);
            }
            None => self.fail(
                &format!("{path}.week"),
                format!("`{path}.week` is missing; every check-in needs the week of the plan it belongs to."),
            ),
        }
        let item = "a whole number from 0 to 10";
        if let Some(peg) = map.get("peg") {
            let p = format!("{path}.peg");
            if let Some(peg) = self.object(peg, &p) {
                self.scale_items(peg, &p, &["pain", "enjoyment", "activity"], 10, item);
            }
        }
        if let Some(sleep) = map.get("sleep").filter(|v| !v.is_null()) {
            self.int(sleep, &format!("{path}.sleep"), 0, 10, item);
        }
        if let Some(mood) = map.get("mood").filter(|v| !v.is_null()) {
            let p = format!("{path}.mood");
            if let Some(mood) = self.object(mood, &p) {
                let phq = ["nervous", "worry", "interest", "down"];
                self.scale_items(mood, &p, &phq, 3, "a whole number from 0 to 3");
            }
        }
        if let Some(sessions) = map.get("sessions") {
            let p = format!("{path}.sessions");
            if let Some(sessions) = self.object(sessions, &p) {
                for (id, n) in sessions {
                    let q = format!("{p}.{id}");
                    if self.therapy_id(id, &q) {
                        self.int(n, &q, 0, i64::from(u8::MAX), "a whole number of sessions");
                    }
                }
            }
        }
        if let Some(note) = map.get("side_effects") {
            let p = format!("{path}.side_effects");
            if let Some(s) = self.text(note, &p) {
                self.max_len(s, &p, MAX_SIDE_EFFECTS_CHARS, "a side-effects note");
            }
        }
    }

    /// An object of optional scale items (`null` = not answered), each a whole number from 0 to `hi`.
    fn scale_items(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        keys: &[&str],
        hi: i64,
        scale: &str,
    ) {
        self.known_keys(map, path, keys);
        for key in keys {
            if let Some(v) = map.get(*key).filter(|v| !v.is_null()) {
                self.int(v, &format!("{path}.{key}"), 0, hi, scale);
            }
        }
    }
}

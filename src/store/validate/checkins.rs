//! The check-ins part of a document: each weekly check-in's date, week, scores, sessions, side effects (the note
//! and, from schema 3, each therapy's), the week's note and the red-flag questions asked again.

use super::checker::Checker;
use crate::clinical::catalog::{catalog, Vocab};
use crate::clinical::plan::PLAN_WEEKS;
use crate::clinical::progress::is_iso_date;
use crate::store::limits::{MAX_NOTE_CHARS, MAX_SIDE_EFFECTS_CHARS};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// How much a therapy's side effects mattered, as `EffectLevel` writes it (mildest first).
pub(super) const EFFECT_LEVELS: [&str; 4] = ["none", "mild", "stopped", "medical_care"];

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
                "effects",
                "note",
                "red_flags",
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
            self.per_therapy(sessions, &format!("{path}.sessions"), |c, _, n, q| {
                c.int(n, q, 0, i64::from(u8::MAX), "a whole number of sessions");
            });
        }
        if let Some(note) = map.get("side_effects") {
            let p = format!("{path}.side_effects");
            if let Some(s) = self.text(note, &p) {
                self.max_len(s, &p, MAX_SIDE_EFFECTS_CHARS, "a side-effects note");
            }
        }
        if let Some(effects) = map.get("effects") {
            self.effects(effects, &format!("{path}.effects"));
        }
        if let Some(note) = map.get("note") {
            let p = format!("{path}.note");
            if let Some(s) = self.text(note, &p) {
                self.max_len(s, &p, MAX_NOTE_CHARS, "the note of a check-in");
            }
        }
        if let Some(flags) = map.get("red_flags").filter(|v| !v.is_null()) {
            self.red_flags(flags, &format!("{path}.red_flags"));
        }
    }

    /// `effects`: for each therapy, how much its side effects mattered and, optionally, what happened.
    fn effects(&mut self, v: &Value, path: &str) {
        self.per_therapy(v, path, |c, _, effect, p| {
            let Some(fields) = effect.as_object() else {
                c.wrong_type(
                    p,
                    "how much its side effects mattered, such as {\"level\": \"mild\"}",
                    effect,
                );
                return;
            };
            c.known_keys(fields, p, &["level", "text"]);
            let level_path = format!("{p}.level");
            let levels = EFFECT_LEVELS.join(", ");
            match fields.get("level") {
                Some(Value::String(level)) if EFFECT_LEVELS.contains(&level.as_str()) => {}
                Some(Value::String(level)) => c.fail(
                    &level_path,
                    format!("`{level_path}`: \"{level}\" is not a level of side effects Mosaic knows (expected one of: {levels})."),
                ),
                Some(v) => c.wrong_type(&level_path, &format!("one of: {levels}"), v),
                None => c.fail(
                    &level_path,
                    format!("`{level_path}` is missing; say how much the side effects mattered (one of: {levels})."),
                ),
            }
            if let Some(text) = fields.get("text") {
                let text_path = format!("{p}.text");
                if let Some(s) = c.text(text, &text_path) {
                    c.max_len(s, &text_path, MAX_SIDE_EFFECTS_CHARS, "a side-effects note");
                }
            }
        });
    }

    /// `red_flags` (not `null`): the red-flag symptoms ticked at the check-in, each a symptom ID the vocabulary
    /// knows (as the intake's `symptoms` are checked) and each once; `[]` is "none of these".
    fn red_flags(&mut self, v: &Value, path: &str) {
        let expected =
            "a list of red-flag symptom IDs ([] for none of these, null when not answered)";
        let Some(list) = self.list(v, path, expected) else {
            return;
        };
        let mut seen = BTreeSet::new();
        for (i, item) in list.iter().enumerate() {
            let p = format!("{path}[{i}]");
            let Some(id) = self.text(item, &p) else {
                continue;
            };
            if !catalog().knows(Vocab::Symptom, id) {
                self.fail(
                    &p,
                    format!("`{p}`: \"{id}\" is not a known symptom ID; check the spelling."),
                );
            } else if !seen.insert(id) {
                self.fail(&p, format!("`{p}`: \"{id}\" is ticked twice."));
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

//! Validation of a whole migrated document from outside (a backup file) before it can be previewed or restored.
//!
//! Every field is checked against what the app's own screens can produce: IDs against the catalog, numbers
//! against their scales, free texts against the screens' lengths ([`crate::store::limits`]). Each problem names
//! its field by JSON path (`data.plan.per_week.yoga`) and says in plain words what is wrong. Top-level fields this
//! version does not know are kept untouched, as `AppState` keeps them on every save: they are never shown or
//! interpreted, and the file size limit bounds them.

use crate::clinical::catalog::{catalog, Vocab};
use crate::clinical::intake::Intake;
use crate::clinical::plan::{PLAN_WEEKS, WEEKDAYS};
use crate::clinical::progress::is_iso_date;
use crate::store::document::AppState;
use crate::store::limits::{
    has_line_break_or_control, text_len, AREA_IDS, MAX_CRISIS_LINE_CHARS, MAX_GOALS,
    MAX_GOALS_TEXT_CHARS, MAX_SIDE_EFFECTS_CHARS, MAX_WHAT_MATTERS_CHARS, START_BACK_ITEMS,
    UNSURE_KEYS,
};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// One reason a document is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the field, e.g. `data.intake.values.goals[3]`.
    pub path: String,
    /// A sentence that names the path and says what is wrong.
    pub message: String,
}

/// Checks the migrated `data` of a backup (its JSON path is `data`) and reads it; nothing is changed either way.
pub fn validate_data(data: &Value) -> Result<AppState, Vec<Problem>> {
    let mut c = Checker::default();
    let Some(map) = c.object(data, "data") else {
        return Err(c.problems);
    };
    let intake = c.intake(map.get("intake"));
    // `null` is checked like any other value: these fields have no "not answered", so it is a wrong type.
    if let Some(v) = map.get("selected") {
        c.selected(v);
    }
    if let Some(v) = map.get("plan") {
        c.plan(v);
    }
    if let Some(v) = map.get("checkins") {
        c.checkins(v);
    }
    if let Some(v) = map.get("settings") {
        c.settings(v);
    }
    if let Some(v) = map.get("unsure") {
        c.unsure(v);
    }
    if let Some(v) = map.get("start_back_items") {
        c.start_back_items(v);
    }
    if let Some(v) = map.get("consents") {
        c.consents(v);
    }
    let (Some(intake), true) = (intake, c.problems.is_empty()) else {
        return Err(c.problems);
    };
    // The intake goes in as the strict reader normalised it; every other field was checked above.
    let mut data = map.clone();
    data.insert(
        "intake".to_string(),
        serde_json::to_value(&intake).unwrap_or(Value::Null),
    );
    serde_json::from_value(Value::Object(data)).map_err(|e| {
        vec![Problem {
            path: "data".to_string(),
            message: format!("`data` could not be read ({e})."),
        }]
    })
}

/// Checks a backup's `exported_at`: empty, or an export time such as `2026-11-21T12:00:00.000Z` on one short line.
pub fn check_exported_at(text: &str) -> Result<(), Problem> {
    let ok = text.is_empty()
        || (text_len(text) <= crate::store::limits::MAX_EXPORTED_AT_CHARS
            && text.get(..10).is_some_and(is_iso_date)
            && !has_line_break_or_control(text));
    if ok {
        return Ok(());
    }
    Err(Problem {
        path: "exported_at".to_string(),
        message: format!(
            "`exported_at` should be the time of the export, such as \"2026-11-21T12:00:00Z\", but it is {}.",
            describe(&Value::String(text.to_string()))
        ),
    })
}

/// How a value is named in a message.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "empty (null)".into(),
        Value::Bool(b) => format!("the value {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if text_len(s) > 40 => {
            let head: String = s.chars().take(30).collect();
            format!("the text \"{head}…\"")
        }
        Value::String(s) => format!("the text \"{s}\""),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a group of fields (an object)".into(),
    }
}

/// The name of a therapy for messages, or its ID.
fn therapy_name(id: &str) -> &str {
    catalog().therapy(id).map_or(id, |t| t.name)
}

/// Collects problems while walking the document.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn fail(&mut self, path: &str, message: String) {
        self.problems.push(Problem {
            path: path.to_string(),
            message,
        });
    }

    fn wrong_type(&mut self, path: &str, expected: &str, v: &Value) {
        self.fail(
            path,
            format!("`{path}` should be {expected}, but it is {}.", describe(v)),
        );
    }

    fn object<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        let map = v.as_object();
        if map.is_none() {
            self.wrong_type(path, "a group of fields (a JSON object)", v);
        }
        map
    }

    fn list<'a>(&mut self, v: &'a Value, path: &str, expected: &str) -> Option<&'a Vec<Value>> {
        let list = v.as_array();
        if list.is_none() {
            self.wrong_type(path, expected, v);
        }
        list
    }

    fn text<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a str> {
        let s = v.as_str();
        if s.is_none() {
            self.wrong_type(path, "text", v);
        }
        s
    }

    fn boolean(&mut self, v: &Value, path: &str) {
        if !v.is_boolean() {
            self.wrong_type(path, "true or false", v);
        }
    }

    /// A whole number in `lo..=hi`; `scale` finishes "but it must be …" (e.g. "a whole number from 0 to 10").
    fn int(&mut self, v: &Value, path: &str, lo: i64, hi: i64, scale: &str) -> Option<i64> {
        match v.as_i64() {
            Some(x) if (lo..=hi).contains(&x) => Some(x),
            Some(x) => {
                self.fail(path, format!("`{path}` is {x}, but it must be {scale}."));
                None
            }
            None => {
                self.wrong_type(path, scale, v);
                None
            }
        }
    }

    /// Refuses keys outside `known` inside an object at `path`.
    fn known_keys(&mut self, map: &Map<String, Value>, path: &str, known: &[&str]) {
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            self.fail(
                &format!("{path}.{key}"),
                format!(
                    "`{path}.{key}` is not a field Mosaic knows (expected one of: {}).",
                    known.join(", ")
                ),
            );
        }
    }

    /// A therapy ID the catalog knows.
    fn therapy_id(&mut self, id: &str, path: &str) -> bool {
        let known = catalog().knows(Vocab::Therapy, id);
        if !known {
            self.fail(
                path,
                format!("`{path}`: \"{id}\" is not a therapy Mosaic knows; check the spelling."),
            );
        }
        known
    }

    /// A free text of at most `max` characters (`what` names it in the message).
    fn max_len(&mut self, s: &str, path: &str, max: usize, what: &str) {
        let n = text_len(s);
        if n > max {
            self.fail(
                path,
                format!("`{path}` is {n} characters long, but {what} can be at most {max}."),
            );
        }
    }

    /// The intake: the strict intake reader, then what it does not check (goals, text lengths, area IDs).
    fn intake(&mut self, v: Option<&Value>) -> Option<Intake> {
        let empty = Value::Object(Map::new());
        let v = v.unwrap_or(&empty);
        let read = Intake::from_value_strict_at(v, catalog(), "data.intake");
        if let Err(errors) = &read {
            self.problems.extend(errors.iter().map(|e| Problem {
                path: e.path.clone(),
                message: e.message.clone(),
            }));
        }
        if let Some(values) = v.get("values").and_then(Value::as_object) {
            self.values(values);
        }
        read.ok()
    }

    fn values(&mut self, values: &Map<String, Value>) {
        let base = "data.intake.values";
        if let Some(Value::String(s)) = values.get("what_matters") {
            let path = format!("{base}.what_matters");
            self.max_len(s, &path, MAX_WHAT_MATTERS_CHARS, "what matters to you");
        }
        if let Some(Value::Array(goals)) = values.get("goals") {
            if goals.len() > MAX_GOALS {
                self.fail(
                    &format!("{base}.goals[{MAX_GOALS}]"),
                    format!(
                        "`{base}.goals[{MAX_GOALS}]`: there are {} goals, but Mosaic keeps at most {MAX_GOALS}.",
                        goals.len()
                    ),
                );
            }
            for (i, goal) in goals.iter().enumerate() {
                let Some(s) = goal.as_str() else { continue };
                let path = format!("{base}.goals[{i}]");
                if s.trim().is_empty() {
                    self.fail(
                        &path,
                        format!(
                            "`{path}` is empty; a goal needs some words (leave empty goals out)."
                        ),
                    );
                } else if has_line_break_or_control(s) {
                    self.fail(
                        &path,
                        format!("`{path}` must be a single line of plain text, without line breaks or control characters."),
                    );
                }
                self.max_len(s, &path, MAX_GOALS_TEXT_CHARS, "a goal");
            }
        }
        if let Some(Value::Array(areas)) = values.get("areas") {
            let mut seen = BTreeSet::new();
            for (i, area) in areas.iter().enumerate() {
                let Some(id) = area.get("area").and_then(Value::as_str) else {
                    continue;
                };
                let path = format!("{base}.areas[{i}].area");
                if !AREA_IDS.contains(&id) {
                    self.fail(
                        &path,
                        format!(
                            "`{path}`: \"{id}\" is not a Whole-Health area Mosaic knows (expected one of: {}).",
                            AREA_IDS.join(", ")
                        ),
                    );
                } else if !seen.insert(id) {
                    self.fail(
                        &path,
                        format!("`{path}`: the area \"{id}\" is rated twice."),
                    );
                }
            }
        }
    }

    fn selected(&mut self, v: &Value) {
        let Some(list) = self.list(v, "data.selected", "a list of therapy IDs ([] for none)")
        else {
            return;
        };
        let mut seen = BTreeSet::new();
        for (i, item) in list.iter().enumerate() {
            let path = format!("data.selected[{i}]");
            let Some(id) = self.text(item, &path) else {
                continue;
            };
            if self.therapy_id(id, &path) && !seen.insert(id) {
                self.fail(&path, format!("`{path}`: \"{id}\" is chosen twice."));
            }
        }
    }

    fn plan(&mut self, v: &Value) {
        let Some(plan) = self.object(v, "data.plan") else {
            return;
        };
        self.known_keys(plan, "data.plan", &["per_week", "days"]);
        if let Some(v) = plan.get("per_week") {
            self.per_week(v);
        }
        if let Some(v) = plan.get("days") {
            self.plan_days(v);
        }
    }

    fn per_week(&mut self, v: &Value) {
        let Some(map) = self.object(v, "data.plan.per_week") else {
            return;
        };
        for (id, n) in map {
            let path = format!("data.plan.per_week.{id}");
            if !self.therapy_id(id, &path) {
                continue;
            }
            let name = therapy_name(id);
            match catalog().therapy(id).and_then(|t| t.course.as_ref()) {
                Some(course) => {
                    let (lo, hi) = (course.per_week_min, course.per_week_max);
                    let scale = if lo == hi {
                        format!("{lo} (sessions a week in the usual course of {name})")
                    } else {
                        format!("from {lo} to {hi} (sessions a week in the usual course of {name})")
                    };
                    self.int(n, &path, i64::from(lo), i64::from(hi), &scale);
                }
                None => self.fail(
                    &path,
                    format!("`{path}`: {name} has no weekly course, so its sessions a week cannot be set."),
                ),
            }
        }
    }

    fn plan_days(&mut self, v: &Value) {
        let Some(map) = self.object(v, "data.plan.days") else {
            return;
        };
        for (id, days) in map {
            let path = format!("data.plan.days.{id}");
            if !self.therapy_id(id, &path) {
                continue;
            }
            self.weekdays(days, &path);
        }
    }

    /// A list of distinct weekdays, 0 = Monday … 6 = Sunday.
    fn weekdays(&mut self, v: &Value, path: &str) {
        let Some(list) = self.list(v, path, "a list of days, 0 (Monday) to 6 (Sunday)") else {
            return;
        };
        let mut seen = BTreeSet::new();
        for (i, day) in list.iter().enumerate() {
            let p = format!("{path}[{i}]");
            let scale = "a day from 0 (Monday) to 6 (Sunday)";
            if let Some(d) = self.int(day, &p, 0, 6, scale) {
                if !seen.insert(d) {
                    let name = WEEKDAYS[d as usize];
                    self.fail(&p, format!("`{p}`: {name} ({d}) is listed twice."));
                }
            }
        }
    }

    fn checkins(&mut self, v: &Value) {
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

    fn settings(&mut self, v: &Value) {
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

    fn unsure(&mut self, v: &Value) {
        let Some(list) = self.list(v, "data.unsure", "a list of question names ([] for none)")
        else {
            return;
        };
        for (i, item) in list.iter().enumerate() {
            let path = format!("data.unsure[{i}]");
            let Some(key) = self.text(item, &path) else {
                continue;
            };
            if !UNSURE_KEYS.contains(&key) {
                self.fail(
                    &path,
                    format!(
                        "`{path}`: \"{key}\" is not a question that can be answered \"not sure\" (expected one of: {}).",
                        UNSURE_KEYS.join(", ")
                    ),
                );
            }
        }
    }

    fn start_back_items(&mut self, v: &Value) {
        let path = "data.start_back_items";
        let Some(list) = self.list(
            v,
            path,
            "a list of agree (true) or disagree (false) answers",
        ) else {
            return;
        };
        if list.len() > START_BACK_ITEMS {
            self.fail(
                path,
                format!(
                    "`{path}` has {} answers, but STarT Back has {START_BACK_ITEMS} agree or disagree items.",
                    list.len()
                ),
            );
        }
        for (i, item) in list.iter().enumerate() {
            if !item.is_null() {
                self.boolean(item, &format!("{path}[{i}]"));
            }
        }
    }

    fn consents(&mut self, v: &Value) {
        let Some(map) = self.object(v, "data.consents") else {
            return;
        };
        for (id, consent) in map {
            let path = format!("data.consents.{id}");
            if !self.therapy_id(id, &path) {
                continue;
            }
            let Some(fields) = consent.as_object() else {
                self.wrong_type(
                    &path,
                    "the date it was confirmed, such as {\"date\": \"2026-03-02\"}",
                    consent,
                );
                continue;
            };
            self.known_keys(fields, &path, &["date"]);
            let date_path = format!("{path}.date");
            match fields.get("date") {
                Some(Value::String(d)) if is_iso_date(d) => {}
                Some(v) => self.wrong_type(&date_path, "a date such as \"2026-03-02\"", v),
                None => self.fail(
                    &date_path,
                    format!("`{date_path}` is missing; a confirmation needs its date, such as \"2026-03-02\"."),
                ),
            }
        }
    }
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;

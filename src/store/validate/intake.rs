//! The intake part of a document: the strict intake reader plus what it leaves to this check (goals, text lengths,
//! Whole-Health areas), and the answers kept beside the intake ("not sure" questions, STarT Back items).

use super::checker::Checker;
use super::Problem;
use crate::clinical::catalog::catalog;
use crate::clinical::intake::{Intake, StartBack};
use crate::store::limits::{
    has_line_break_or_control, MAX_GOALS, MAX_GOALS_TEXT_CHARS, MAX_WHAT_MATTERS_CHARS, UNSURE_KEYS,
};
use serde_json::{Map, Value};

impl Checker {
    /// The intake: the strict intake reader, then what it does not check (how many goals, text lengths).
    pub(super) fn intake(&mut self, v: Option<&Value>) -> Option<Intake> {
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

    /// What the strict intake reader leaves to this check in `values`: text lengths, and goals on one line each.
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
    }

    /// `data.unsure`: the questions answered "not sure".
    pub(super) fn unsure(&mut self, v: &Value) {
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

    /// `data.start_back_items`: the STarT Back answers, agree, disagree or not answered.
    pub(super) fn start_back_items(&mut self, v: &Value) {
        let path = "data.start_back_items";
        let Some(list) = self.list(
            v,
            path,
            "a list of agree (true) or disagree (false) answers",
        ) else {
            return;
        };
        let items = usize::from(StartBack::AGREE_ITEM.max);
        if list.len() > items {
            self.fail(
                path,
                format!(
                    "`{path}` has {} answers, but STarT Back has {items} agree or disagree items.",
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
}

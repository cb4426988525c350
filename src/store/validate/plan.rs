//! The choices part of a document: the chosen therapies, the plan's sessions a week and days, and the dated
//! consent to each therapy.

use super::checker::{therapy_name, Checker};
use crate::clinical::catalog::catalog;
use crate::clinical::plan::WEEKDAYS;
use crate::clinical::progress::is_iso_date;
use serde_json::Value;
use std::collections::BTreeSet;

impl Checker {
    /// `data.selected`: distinct therapy IDs the catalog knows.
    pub(super) fn selected(&mut self, v: &Value) {
        self.selected_at(v, "data.selected", "chosen");
    }

    /// A list of therapy IDs at `at` (the document's choice, a plan version's, the flare plan's ticks), each known
    /// and there once; `done` says what a repeat was ("chosen", "ticked").
    pub(super) fn selected_at(&mut self, v: &Value, at: &str, done: &str) {
        let Some(list) = self.list(v, at, "a list of therapy IDs ([] for none)") else {
            return;
        };
        let mut seen = BTreeSet::new();
        for (i, item) in list.iter().enumerate() {
            let path = format!("{at}[{i}]");
            let Some(id) = self.text(item, &path) else {
                continue;
            };
            if self.therapy_id(id, &path) && !seen.insert(id) {
                self.fail(&path, format!("`{path}`: \"{id}\" is {done} twice."));
            }
        }
    }

    /// `data.plan`: sessions a week within each course, and weekdays.
    pub(super) fn plan(&mut self, v: &Value) {
        self.plan_at(v, "data.plan");
    }

    /// Plan settings at `at` (the document's, or a plan version's).
    pub(super) fn plan_at(&mut self, v: &Value, at: &str) {
        let Some(plan) = self.object(v, at) else {
            return;
        };
        self.known_keys(plan, at, &["per_week", "days"]);
        if let Some(v) = plan.get("per_week") {
            self.per_week(v, &format!("{at}.per_week"));
        }
        if let Some(v) = plan.get("days") {
            self.plan_days(v, &format!("{at}.days"));
        }
    }

    /// `data.plan.per_week`: for each therapy, sessions a week within its usual course.
    fn per_week(&mut self, v: &Value, at: &str) {
        self.per_therapy(v, at, |c, id, n, path| {
            let name = therapy_name(id);
            match catalog().therapy(id).and_then(|t| t.course.as_ref()) {
                Some(course) => {
                    let (lo, hi) = (course.per_week_min, course.per_week_max);
                    let scale = if lo == hi {
                        format!("{lo} (sessions a week in the usual course of {name})")
                    } else {
                        format!("from {lo} to {hi} (sessions a week in the usual course of {name})")
                    };
                    c.int(n, path, i64::from(lo), i64::from(hi), &scale);
                }
                None => c.fail(
                    path,
                    format!("`{path}`: {name} has no weekly course, so its sessions a week cannot be set."),
                ),
            }
        });
    }

    /// `data.plan.days`: for each therapy, the weekdays it is planned on.
    fn plan_days(&mut self, v: &Value, at: &str) {
        self.per_therapy(v, at, |c, _, days, path| c.weekdays(days, path));
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

    /// `data.consents`: for each therapy, the date its consent was confirmed.
    pub(super) fn consents(&mut self, v: &Value) {
        self.per_therapy(v, "data.consents", |c, _, consent, path| {
            let Some(fields) = consent.as_object() else {
                c.wrong_type(
                    path,
                    "the date it was confirmed, such as {\"date\": \"2026-03-02\"}",
                    consent,
                );
                return;
            };
            c.known_keys(fields, path, &["date"]);
            let date_path = format!("{path}.date");
            match fields.get("date") {
                Some(Value::String(d)) if is_iso_date(d) => {}
                Some(v) => c.wrong_type(&date_path, "a date such as \"2026-03-02\"", v),
                None => c.fail(
                    &date_path,
                    format!("`{date_path}` is missing; a confirmation needs its date, such as \"2026-03-02\"."),
                ),
            }
        });
    }
}

//! The review points part of a document: each review's date and plan week, a decision the review screen offers for
//! therapies Mosaic knows, and the plan version kept from before it (checked like the plan itself).

use super::checker::Checker;
use crate::clinical::plan::PLAN_WEEKS;
use crate::clinical::progress::is_iso_date;
use serde_json::Value;

/// The decisions the review screen records.
const DECISIONS: [&str; 3] = ["continue", "adjust", "stop"];

impl Checker {
    /// `data.reviews`: a list of reviews, oldest first.
    pub(super) fn reviews(&mut self, v: &Value) {
        let Some(list) = self.list(v, "data.reviews", "a list of reviews ([] for none)") else {
            return;
        };
        for (i, review) in list.iter().enumerate() {
            self.review(review, &format!("data.reviews[{i}]"));
        }
    }

    /// One review at `path`.
    fn review(&mut self, v: &Value, path: &str) {
        let Some(map) = self.object(v, path) else {
            return;
        };
        self.known_keys(map, path, &["date", "week", "decisions", "before"]);
        let date_path = format!("{path}.date");
        match map.get("date") {
            Some(Value::String(d)) if is_iso_date(d) => {}
            Some(v) => self.wrong_type(&date_path, "a date such as \"2026-03-30\"", v),
            None => self.fail(
                &date_path,
                format!(
                    "`{date_path}` is missing; a review needs its date, such as \"2026-03-30\"."
                ),
            ),
        }
        let week_path = format!("{path}.week");
        match map.get("week") {
            Some(w) => {
                let scale = format!("a plan week from 1 to {PLAN_WEEKS}");
                self.int(w, &week_path, 1, i64::from(PLAN_WEEKS), &scale);
            }
            None => self.fail(
                &week_path,
                format!("`{week_path}` is missing; a review needs the plan week it reviewed."),
            ),
        }
        if let Some(v) = map.get("decisions") {
            self.decisions(v, &format!("{path}.decisions"));
        }
        let before_path = format!("{path}.before");
        match map.get("before") {
            Some(v) => self.plan_version(v, &before_path),
            None => self.fail(
                &before_path,
                format!("`{before_path}` is missing; a review keeps the plan as it was before it."),
            ),
        }
    }

    /// A review's decisions: therapy ID → one of [`DECISIONS`].
    fn decisions(&mut self, v: &Value, path: &str) {
        self.per_therapy(v, path, |c, _, d, p| {
            if !d.as_str().is_some_and(|s| DECISIONS.contains(&s)) {
                c.wrong_type(p, "one of \"continue\", \"adjust\" or \"stop\"", d);
            }
        });
    }

    /// A plan version: the chosen therapies and the plan settings, checked as the document's own.
    fn plan_version(&mut self, v: &Value, path: &str) {
        let Some(map) = self.object(v, path) else {
            return;
        };
        self.known_keys(map, path, &["selected", "plan"]);
        if let Some(v) = map.get("selected") {
            self.selected_at(v, &format!("{path}.selected"), "chosen");
        }
        if let Some(v) = map.get("plan") {
            self.plan_at(v, &format!("{path}.plan"));
        }
    }
}

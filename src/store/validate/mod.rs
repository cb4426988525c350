//! Validation of a whole migrated document from outside (a backup file) before it can be previewed or restored.
//!
//! Every field is checked against what the app's own screens can produce: IDs against the catalog, numbers
//! against their scales, free texts against the screens' lengths ([`crate::store::limits`]). Each problem names
//! its field by JSON path (`data.plan.per_week.yoga`) and says in plain words what is wrong. Top-level fields this
//! version does not know are kept untouched, as `AppState` keeps them on every save: they are never shown or
//! interpreted, and the file size limit bounds them.

mod checker;
mod checkins;
mod flare;
mod intake;
mod plan;
mod reviews;
mod settings;

use crate::clinical::intake::describe_value;
use crate::clinical::progress::is_iso_date;
use crate::store::document::AppState;
use crate::store::limits::{has_line_break_or_control, text_len};
use checker::Checker;
use serde_json::Value;

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
    if let Some(v) = map.get("reviews") {
        c.reviews(v);
    }
    if let Some(v) = map.get("flare") {
        c.flare(v);
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
            describe_value(&Value::String(text.to_string()))
        ),
    })
}

#[cfg(test)]
mod tests;

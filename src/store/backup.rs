//! Backup files: `{"format": "mosaic-backup", "schema": N, "exported_at": …, "data": {…}}`.
//! Imports are untrusted: size-limited, validated (format, schema, every ID), and previewed before they replace anything.

use crate::clinical::catalog::{catalog, Vocab};
use crate::clinical::intake::Intake;
use crate::clinical::progress::is_iso_date;
use crate::store::migrate::{migrate, CURRENT_SCHEMA};
use crate::store::state::AppState;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The `format` marker of a backup file.
pub const FORMAT: &str = "mosaic-backup";
/// Largest backup accepted, checked before parsing.
pub const MAX_BYTES: usize = 1024 * 1024;

/// The backup file's shape.
#[derive(Serialize, Deserialize)]
struct BackupFile {
    format: String,
    schema: u32,
    #[serde(default)]
    exported_at: String,
    data: Value,
}

/// A validated backup, ready to preview and then restore.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// The state the backup holds.
    pub state: AppState,
    /// When it was exported, as written in the file.
    pub exported_at: String,
    /// What it contains, one plain line each (for the confirmation screen).
    pub summary: Vec<String>,
}

/// Writes a backup of `state`; `now` is the export time (ISO 8601).
pub fn export(state: &AppState, now: &str) -> String {
    let file = BackupFile {
        format: FORMAT.to_string(),
        schema: CURRENT_SCHEMA,
        exported_at: now.to_string(),
        data: serde_json::to_value(state).unwrap_or(Value::Null),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads and validates a backup; the error is a sentence a person can act on. Nothing is changed here.
pub fn import(bytes: &[u8]) -> Result<Preview, String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "This file is too large to be a Mosaic backup ({} KB; the limit is {} KB).",
            bytes.len() / 1024,
            MAX_BYTES / 1024
        ));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "This file is not a text file, so it is not a Mosaic backup.".to_string())?;
    let file: BackupFile = serde_json::from_str(text).map_err(|e| {
        format!("This file is not a Mosaic backup: it could not be read as one ({e}).")
    })?;
    if file.format != FORMAT {
        return Err(format!(
            "This file is not a Mosaic backup (its format is \"{}\").",
            file.format
        ));
    }
    if file.schema > CURRENT_SCHEMA {
        return Err(format!(
            "This backup was made by a newer version of Mosaic (schema {}). Update Mosaic, then restore it.",
            file.schema
        ));
    }
    let mut data = migrate(file.schema, file.data)
        .map_err(|e| format!("This backup cannot be restored: {e}."))?;
    let intake_value = data
        .get("intake")
        .cloned()
        .unwrap_or(Value::Object(Default::default()));
    let intake = Intake::from_value_strict(&intake_value, catalog()).map_err(|errors| {
        let list: Vec<String> = errors
            .iter()
            .take(5)
            .map(|e| format!("{}: {}", e.path, e.message))
            .collect();
        format!(
            "This backup's answers could not be checked: {}.",
            list.join("; ")
        )
    })?;
    if let Some(obj) = data.as_object_mut() {
        obj.insert(
            "intake".to_string(),
            serde_json::to_value(&intake).unwrap_or(Value::Null),
        );
    }
    check_consents(data.get("consents"))?;
    let state: AppState = serde_json::from_value(data)
        .map_err(|e| format!("This backup's contents could not be read ({e})."))?;
    let unknown: Vec<&str> = state
        .selected
        .iter()
        .filter(|t| !catalog().knows(Vocab::Therapy, t))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        return Err(format!(
            "This backup names therapies Mosaic does not know: {}.",
            unknown.join(", ")
        ));
    }
    let summary = describe(&state);
    Ok(Preview {
        state,
        exported_at: file.exported_at,
        summary,
    })
}

/// Checks the `consents` field of an untrusted backup so a bad value is refused with its name, not a parser message.
fn check_consents(value: Option<&Value>) -> Result<(), String> {
    let bad = |why: String| {
        Err(format!(
            "This backup's \"consents\" field is not valid: {why}."
        ))
    };
    let Some(value) = value else { return Ok(()) };
    let Some(map) = value.as_object() else {
        return bad("it should list therapies with the date each was confirmed".to_string());
    };
    for (therapy, consent) in map {
        if !catalog().knows(Vocab::Therapy, therapy) {
            return bad(format!("\"{therapy}\" is not a therapy Mosaic knows"));
        }
        let date = consent.as_object().and_then(|c| {
            (c.len() == 1).then_some(())?;
            c.get("date")?.as_str()
        });
        match date {
            Some(d) if is_iso_date(d) => {}
            _ => {
                return bad(format!(
                    "the confirmation of \"{therapy}\" should be a date such as {{\"date\": \"2026-03-02\"}}"
                ))
            }
        }
    }
    Ok(())
}

/// Plain lines describing what a state holds (for previews and "this will replace" warnings).
pub fn describe(state: &AppState) -> Vec<String> {
    let mut lines = Vec::new();
    let pain = state
        .intake
        .pain
        .as_ref()
        .and_then(|p| p.primary.as_deref());
    match pain.and_then(|id| catalog().term(Vocab::Condition, id)) {
        Some(term) => lines.push(format!("Intake answers for {}", term.label.to_lowercase())),
        None if state.intake != Intake::default() => lines.push("Intake answers".to_string()),
        None => lines.push("No intake answers".to_string()),
    }
    let names: Vec<&str> = state
        .selected
        .iter()
        .map(|id| catalog().therapy(id).map(|t| t.name).unwrap_or(id))
        .collect();
    if names.is_empty() {
        lines.push("No therapies chosen".to_string());
    } else {
        lines.push(format!(
            "{} chosen: {}",
            plural(names.len(), "therapy", "therapies"),
            names.join(", ")
        ));
    }
    lines.push(plural(
        state.checkins.len(),
        "weekly check-in",
        "weekly check-ins",
    ));
    lines
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A backup file around `data`, as another device or a hand edit would write it.
    fn file(data: &str) -> String {
        format!(
            r#"{{"format":"mosaic-backup","schema":1,"exported_at":"2026-03-02T10:00:00Z","data":{data}}}"#
        )
    }

    #[test]
    fn consents_come_back_from_a_backup() {
        let mut s = AppState::default();
        s.select("mindfulness");
        s.confirm("mindfulness", "2026-03-02");
        let preview = import(export(&s, "2026-03-02T10:00:00Z").as_bytes()).unwrap();
        assert_eq!(
            preview
                .state
                .consent("mindfulness")
                .map(|c| c.date.as_str()),
            Some("2026-03-02")
        );
    }

    #[test]
    fn a_backup_without_consents_is_valid() {
        let preview = import(file(r#"{"selected":["yoga"]}"#).as_bytes()).unwrap();
        assert!(preview.state.consents.is_empty());
    }

    #[test]
    fn a_malformed_consent_is_refused_naming_the_field() {
        for data in [
            r#"{"selected":["yoga"],"consents":"yes"}"#,
            r#"{"selected":["yoga"],"consents":["yoga"]}"#,
            r#"{"selected":["yoga"],"consents":{"yoga":"2026-03-02"}}"#,
            r#"{"selected":["yoga"],"consents":{"yoga":{"date":"soon"}}}"#,
            r#"{"selected":["yoga"],"consents":{"yoga":{"date":"2026-03-02","by":"x"}}}"#,
            r#"{"selected":["yoga"],"consents":{"reiki":{"date":"2026-03-02"}}}"#,
        ] {
            let err = import(file(data).as_bytes()).unwrap_err();
            assert!(
                err.starts_with("This backup's \"consents\" field is not valid:"),
                "{data}: {err}"
            );
        }
        let err =
            import(file(r#"{"consents":{"reiki":{"date":"2026-03-02"}}}"#).as_bytes()).unwrap_err();
        assert_eq!(
            err,
            "This backup's \"consents\" field is not valid: \"reiki\" is not a therapy Mosaic knows."
        );
    }
}

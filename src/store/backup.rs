//! Backup files: `{"format": "mosaic-backup", "schema": N, "exported_at": …, "data": {…}}`, or, encrypted with the
//! passphrase lock, the same with `"sealed": {…}` (the data as AES-GCM ciphertext, [`crate::store::seal`]) in place
//! of `data`. Imports are untrusted: size-limited, validated in full ([`crate::store::validate`]: every field, named
//! by its JSON path when refused), and previewed before they replace anything.

use crate::clinical::catalog::{catalog, Vocab};
use crate::clinical::intake::Intake;
use crate::store::document::AppState;
use crate::store::migrate::{migrate, CURRENT_SCHEMA};
use crate::store::seal::{backup_aad, json_text, Sealed};
use crate::store::validate::{check_exported_at, validate_data, Problem};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The `format` marker of a backup file.
pub const FORMAT: &str = "mosaic-backup";
/// Largest backup accepted, checked before parsing. Large enough for any document the app can store, so its own
/// backups always restore: a browser gives a site about 5 MB of `localStorage` (Chromium: 10 MiB of UTF-16, that is
/// 5 M characters, which can be 15 MB as UTF-8 when they are, say, Japanese), and the export's indentation adds a
/// little. Found by the fuzzer (`tests/fuzz_parsers.rs`): at 1 MiB, three years of full-length notes in Japanese
/// made a backup the app refused.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

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
        // Through the document's one serializer (see `AppState::to_json`), then laid out for people to read.
        data: serde_json::from_str(&state.to_json()).unwrap_or(Value::Null),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A backup file encrypted with the passphrase lock: its format, schema and time in clear, its data sealed.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SealedBackup {
    /// Always [`FORMAT`].
    pub format: String,
    /// Schema of the sealed data.
    pub schema: u32,
    /// When it was exported.
    #[serde(default)]
    pub exported_at: String,
    /// The data, encrypted.
    pub sealed: Sealed,
}

impl SealedBackup {
    /// The additional data its ciphertext is bound to (so a sealed document cannot pass for a backup, or a backup
    /// for another schema).
    pub fn aad(&self) -> String {
        backup_aad(self.schema)
    }

    /// The plain backup file this stands for, once its data has been decrypted to `data_json`, so the ordinary
    /// import (migrations, every field checked) takes it from there.
    pub fn plain(&self, data_json: &str) -> String {
        format!(
            "{{\"format\":{},\"schema\":{},\"exported_at\":{},\"data\":{}}}",
            json_text(&self.format),
            self.schema,
            json_text(&self.exported_at),
            data_json
        )
    }
}

/// What a chosen file turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    /// A backup in clear, checked and ready to preview.
    Plain(Box<Preview>),
    /// An encrypted backup: it needs the passphrase it was made with before anything in it can be checked.
    Sealed(SealedBackup),
}

/// The data that an encrypted backup of `state` seals, and the additional data to bind it to.
pub fn sealed_export_parts(state: &AppState) -> (String, String) {
    (state.to_json(), backup_aad(CURRENT_SCHEMA))
}

/// Writes an encrypted backup, whose `sealed` holds what [`sealed_export_parts`] gave; `now` is the export time.
pub fn export_sealed(sealed: &Sealed, now: &str) -> String {
    format!(
        "{{\n  \"format\": {},\n  \"schema\": {CURRENT_SCHEMA},\n  \"exported_at\": {},\n  \"sealed\": {}\n}}",
        json_text(FORMAT),
        json_text(now),
        sealed.to_json()
    )
}

/// Reads a chosen file: a plain backup is checked in full ([`import`]); an encrypted one is checked as far as can be
/// without its passphrase. The error is a sentence a person can act on. Nothing is changed here.
pub fn open(bytes: &[u8]) -> Result<Opened, String> {
    let text = as_text(bytes)?;
    let Ok(file) = serde_json::from_str::<SealedBackup>(text) else {
        return import(bytes).map(|p| Opened::Plain(Box::new(p)));
    };
    check_head(&file.format, file.schema)?;
    if !file.sealed.is_well_formed() {
        return Err("This encrypted backup is damaged: its encrypted part is not complete, so it cannot be opened. Nothing was changed.".to_string());
    }
    Ok(Opened::Sealed(file))
}

/// The file as text, refused when too large or not text.
fn as_text(bytes: &[u8]) -> Result<&str, String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "This file is too large to be a Mosaic backup ({} KB; the limit is {} KB).",
            bytes.len() / 1024,
            MAX_BYTES / 1024
        ));
    }
    std::str::from_utf8(bytes)
        .map_err(|_| "This file is not a text file, so it is not a Mosaic backup.".to_string())
}

/// Refuses a file of another format, or one made by a newer version.
fn check_head(format: &str, schema: u32) -> Result<(), String> {
    if format != FORMAT {
        return Err(format!(
            "This file is not a Mosaic backup (its format is \"{format}\")."
        ));
    }
    if schema > CURRENT_SCHEMA {
        return Err(format!(
            "This backup was made by a newer version of Mosaic (schema {schema}). Update Mosaic, then restore it."
        ));
    }
    Ok(())
}

/// Reads and validates a backup in clear; the error is a sentence a person can act on. Nothing is changed here.
pub fn import(bytes: &[u8]) -> Result<Preview, String> {
    let text = as_text(bytes)?;
    let file: BackupFile = serde_json::from_str(text).map_err(|e| {
        format!("This file is not a Mosaic backup: it could not be read as one ({e}).")
    })?;
    check_head(&file.format, file.schema)?;
    let data = migrate(file.schema, file.data)
        .map_err(|e| format!("This backup cannot be restored: {e}."))?;
    let mut problems: Vec<Problem> = check_exported_at(&file.exported_at)
        .err()
        .into_iter()
        .collect();
    let state = match validate_data(&data) {
        Ok(state) if problems.is_empty() => state,
        Ok(_) => return Err(refusal(&problems)),
        Err(found) => {
            problems.extend(found);
            return Err(refusal(&problems));
        }
    };
    let summary = describe(&state);
    Ok(Preview {
        state,
        exported_at: file.exported_at,
        summary,
    })
}

/// The refusal shown to the person: every problem names its field by JSON path; the first few are listed.
fn refusal(problems: &[Problem]) -> String {
    const SHOWN: usize = 5;
    let mut text = String::from("This backup was not restored and nothing was changed:");
    for p in problems.iter().take(SHOWN) {
        text.push(' ');
        text.push_str(&p.message);
    }
    match problems.len().saturating_sub(SHOWN) {
        0 => {}
        1 => text.push_str(" There is 1 more problem."),
        n => text.push_str(&format!(" There are {n} more problems.")),
    }
    text
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
    if !state.reviews.is_empty() {
        lines.push(plural(state.reviews.len(), "plan review", "plan reviews"));
    }
    if !state.flare.is_empty() {
        lines.push("A flare plan".to_string());
    }
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
        for (data, path) in [
            (
                r#"{"selected":["yoga"],"consents":"yes"}"#,
                "`data.consents`",
            ),
            (
                r#"{"selected":["yoga"],"consents":["yoga"]}"#,
                "`data.consents`",
            ),
            (
                r#"{"selected":["yoga"],"consents":{"yoga":"2026-03-02"}}"#,
                "`data.consents.yoga`",
            ),
            (
                r#"{"selected":["yoga"],"consents":{"yoga":{"date":"soon"}}}"#,
                "`data.consents.yoga.date`",
            ),
            (
                r#"{"selected":["yoga"],"consents":{"yoga":{"date":"2026-03-02","by":"x"}}}"#,
                "`data.consents.yoga.by`",
            ),
            (
                r#"{"selected":["yoga"],"consents":{"reiki":{"date":"2026-03-02"}}}"#,
                "`data.consents.reiki`",
            ),
        ] {
            let err = import(file(data).as_bytes()).unwrap_err();
            assert!(
                err.starts_with(&format!(
                    "This backup was not restored and nothing was changed: {path}"
                )),
                "{data}: {err}"
            );
        }
        let err =
            import(file(r#"{"consents":{"reiki":{"date":"2026-03-02"}}}"#).as_bytes()).unwrap_err();
        assert_eq!(
            err,
            "This backup was not restored and nothing was changed: `data.consents.reiki`: \"reiki\" is not a therapy Mosaic knows; check the spelling."
        );
    }

    #[test]
    fn an_intake_that_is_not_an_object_is_refused_with_its_path_never_an_empty_one() {
        let err = import(file(r#"{"intake":[]}"#).as_bytes()).unwrap_err();
        assert_eq!(
            err,
            "This backup was not restored and nothing was changed: `data.intake` should be a group of fields such as `age` and `pain` (a JSON object), but it is a list."
        );
        assert!(!err.contains(": :"), "{err}");
    }

    #[test]
    fn more_than_five_problems_are_counted_not_listed() {
        let err =
            import(file(r#"{"selected":["a","b","c","d","e","f","g"]}"#).as_bytes()).unwrap_err();
        assert!(err.contains("`data.selected[4]`"), "{err}");
        assert!(!err.contains("`data.selected[5]`"), "{err}");
        assert!(err.ends_with(" There are 2 more problems."), "{err}");
    }

    /// An encrypted backup file as `export_sealed` writes it, with `ct` as its ciphertext.
    fn sealed_file(schema: u32, ct: &str) -> String {
        let sealed = Sealed {
            kdf: "PBKDF2-SHA256".to_string(),
            iter: 600_000,
            salt: "AAAAAAAAAAAAAAAAAAAAAA".to_string(),
            iv: "AAAAAAAAAAAAAAAA".to_string(),
            ct: ct.to_string(),
            lock_after_min: 5,
        };
        export_sealed(&sealed, "2026-03-02T10:00:00Z").replace(
            &format!("\"schema\": {CURRENT_SCHEMA}"),
            &format!("\"schema\": {schema}"),
        )
    }

    #[test]
    fn an_encrypted_backup_is_recognised_and_waits_for_its_passphrase() {
        let text = sealed_file(CURRENT_SCHEMA, "c2VhbGVk");
        assert!(!text.contains("\"data\""), "{text}");
        let Ok(Opened::Sealed(file)) = open(text.as_bytes()) else {
            panic!("not read as an encrypted backup: {text}");
        };
        assert_eq!(file.exported_at, "2026-03-02T10:00:00Z");
        assert_eq!(file.sealed.ct, "c2VhbGVk");
        assert_eq!(file.aad(), format!("mosaic-backup|schema {CURRENT_SCHEMA}"));
    }

    #[test]
    fn an_encrypted_backup_is_checked_as_far_as_it_can_be_without_its_passphrase() {
        assert_eq!(
            open(sealed_file(CURRENT_SCHEMA + 1, "c2VhbGVk").as_bytes()).unwrap_err(),
            format!("This backup was made by a newer version of Mosaic (schema {}). Update Mosaic, then restore it.", CURRENT_SCHEMA + 1)
        );
        assert_eq!(
            open(sealed_file(CURRENT_SCHEMA, "not base64!").as_bytes()).unwrap_err(),
            "This encrypted backup is damaged: its encrypted part is not complete, so it cannot be opened. Nothing was changed."
        );
        let other = sealed_file(CURRENT_SCHEMA, "c2VhbGVk").replace("mosaic-backup", "other-app");
        assert_eq!(
            open(other.as_bytes()).unwrap_err(),
            "This file is not a Mosaic backup (its format is \"other-app\")."
        );
    }

    #[test]
    fn an_opened_encrypted_backup_is_checked_like_a_plain_one() {
        let file = match open(sealed_file(1, "c2VhbGVk").as_bytes()) {
            Ok(Opened::Sealed(file)) => file,
            other => panic!("{other:?}"),
        };
        // What the passphrase opens goes through every check of a plain backup, migrations included.
        let preview = import(file.plain(r#"{"selected":["yoga"]}"#).as_bytes()).unwrap();
        assert_eq!(preview.state.selected, vec!["yoga".to_string()]);
        assert_eq!(preview.exported_at, "2026-03-02T10:00:00Z");
        let err = import(file.plain(r#"{"selected":["reiki"]}"#).as_bytes()).unwrap_err();
        assert!(
            err.starts_with(
                "This backup was not restored and nothing was changed: `data.selected[0]`"
            ),
            "{err}"
        );
    }

    #[test]
    fn a_plain_backup_still_opens_as_plain() {
        let mut s = AppState::default();
        s.select("yoga");
        match open(export(&s, "2026-03-02T10:00:00Z").as_bytes()) {
            Ok(Opened::Plain(p)) => assert_eq!(p.state.selected, vec!["yoga".to_string()]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_malformed_export_time_is_refused_by_name() {
        let text = r#"{"format":"mosaic-backup","schema":1,"exported_at":"<b>soon</b>","data":{}}"#;
        assert_eq!(
            import(text.as_bytes()).unwrap_err(),
            "This backup was not restored and nothing was changed: `exported_at` should be the time of the export, such as \"2026-11-21T12:00:00Z\", but it is the text \"<b>soon</b>\"."
        );
        let text = r#"{"format":"mosaic-backup","schema":1,"data":{}}"#;
        assert_eq!(import(text.as_bytes()).unwrap().exported_at, "");
    }
}

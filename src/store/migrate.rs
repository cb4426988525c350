//! Forward-only migrations of the stored data, one step per schema version.
//!
//! Schema 1 is the first shipped. Schema 2 moves "not sure" for the health, medicines and supplements lists from
//! the document's `unsure` into the intake's own `unsure`, where it can sit beside ticks (docs/clinical-rules.md,
//! "some of these, and not sure about the rest"). Schema 3 lets a check-in hold side effects per therapy
//! (`effects`), a `note` and the red-flag questions asked again (`red_flags`); its step changes no data, the number
//! is what matters (see `checkin_fields`).
//!
//! To change the shape of [`crate::store::document::AppState`] so that an older version would misread it or lose
//! part of it on its next save: bump [`CURRENT_SCHEMA`], add a step below (even one that changes nothing), and
//! commit a fixture of the previous schema under `tests/fixtures/store/`. A version that finds a higher schema than
//! its own opens the document read-only and refuses such a backup, so the bump is what protects the new fields.

use serde_json::{Map, Value};

/// The schema this version writes.
pub const CURRENT_SCHEMA: u32 = 3;

/// Brings `data` stored at `schema` up to [`CURRENT_SCHEMA`]; an error says why it cannot.
pub fn migrate(schema: u32, data: Value) -> Result<Value, String> {
    if schema == 0 {
        return Err("the saved data has no valid schema version (0)".to_string());
    }
    if schema > CURRENT_SCHEMA {
        return Err(format!(
            "the saved data is from a newer version of Mosaic (schema {schema}; this version reads up to {CURRENT_SCHEMA})"
        ));
    }
    let Value::Object(mut data) = data else {
        return Err("the saved data is not a JSON object".to_string());
    };
    // One step per version, applied in order.
    for from in schema..CURRENT_SCHEMA {
        match from {
            1 => unsure_lists_into_intake(&mut data)?,
            2 => checkin_fields(&mut data),
            _ => unreachable!("every schema below CURRENT_SCHEMA has a step"),
        }
    }
    Ok(Value::Object(data))
}

/// The lists that schema 2 keeps "not sure" for inside the intake.
const INTAKE_UNSURE_LISTS: [&str; 3] = ["conditions", "medications", "supplements"];

/// 1 → 2: `unsure` names of the three intake lists move to `intake.unsure`. In schema 1 such a list was stored as
/// not answered, which schema 2 reads the same way (nothing ticked, all unknown), so no answer changes meaning.
fn unsure_lists_into_intake(data: &mut Map<String, Value>) -> Result<(), String> {
    let Some(Value::Array(names)) = data.get_mut("unsure") else {
        // Absent, or a wrong type the validator reports by its path: nothing this step can move.
        return Ok(());
    };
    let (moved, kept): (Vec<Value>, Vec<Value>) = std::mem::take(names)
        .into_iter()
        .partition(|n| n.as_str().is_some_and(|n| INTAKE_UNSURE_LISTS.contains(&n)));
    *names = kept;
    if names.is_empty() {
        data.remove("unsure");
    }
    if moved.is_empty() {
        return Ok(());
    }
    let intake = data
        .entry("intake")
        .or_insert_with(|| Value::Object(Map::new()));
    let Value::Object(intake) = intake else {
        return Err("the saved answers (`intake`) are not a JSON object".to_string());
    };
    match intake
        .entry("unsure")
        .or_insert_with(|| Value::Array(Vec::new()))
    {
        Value::Array(list) => {
            for name in moved {
                if !list.contains(&name) {
                    list.push(name);
                }
            }
            Ok(())
        }
        _ => Err("the saved answers' `intake.unsure` is not a list".to_string()),
    }
}

/// 2 → 3: nothing to change. Schema 3 only adds optional check-in fields (`effects`, `note`, `red_flags`), each
/// absent or empty meaning "not recorded", which is exactly how a schema-2 check-in reads, so every schema-2
/// document is already a valid schema-3 one.
///
/// The step exists for the number. A schema-2 version of Mosaic reads a check-in leniently and would drop the
/// three fields it does not know on its next save, and its backup check refuses them as unknown fields. Seeing
/// schema 3 instead, it opens the document read-only (never saving over it) and refuses the backup as one from a
/// newer version. On load, the saver still keeps the schema-2 bytes aside until the rewritten document is read back.
fn checkin_fields(_data: &mut Map<String, Value>) {}

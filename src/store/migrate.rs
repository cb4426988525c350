//! Forward-only migrations of the stored data, one step per schema version.
//!
//! Schema 1 is the first shipped. To change the shape of [`crate::store::document::AppState`] incompatibly:
//! bump [`CURRENT_SCHEMA`], add a step below, and commit a fixture of the old schema under `tests/fixtures/store/`.

use serde_json::Value;

/// The schema this version writes.
pub const CURRENT_SCHEMA: u32 = 1;

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
    if !data.is_object() {
        return Err("the saved data is not a JSON object".to_string());
    }
    // One step per version, applied in order: `for v in schema..CURRENT_SCHEMA { data = step(v, data)? }`.
    Ok(data)
}

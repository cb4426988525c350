//! Reading an intake from JSON. The strict reader (scenarios, backups, share links) takes the shape of an answer
//! from the typed structs in `mod.rs` alone: serde reads them, `serde_path_to_error` names the path of a value of
//! the wrong type, `serde_ignored` lists every key the structs do not have, and `check.rs` holds the typed values to
//! their ranges and the vocabulary. The lenient reader (data this app stored itself) only needs well-formed JSON.

use super::wording::{describe_value, type_message, unknown_key_message};
use super::{check, Intake};
use crate::clinical::catalog::{catalog, Catalog};
use serde_json::Value;
use std::fmt;

/// One problem found by [`Intake::parse_strict`], with the JSON path it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntakeError {
    /// JSON path such as `pain.peg.pain` or `conditions[2]`; the root path (empty for [`Intake::parse_strict`])
    /// when the problem is the whole intake.
    pub path: String,
    /// A sentence a person can act on; it names the path and the offending value.
    pub message: String,
}

impl fmt::Display for IntakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IntakeError {}

impl Intake {
    /// Strict reading for scenarios and imports: unknown keys, unknown IDs, out-of-range values and wrong types are all reported.
    pub fn parse_strict(json: &str) -> Result<Intake, Vec<IntakeError>> {
        let value: Value = serde_json::from_str(json).map_err(|e| {
            vec![IntakeError {
                path: String::new(),
                message: format!("The intake is not valid JSON ({e})."),
            }]
        })?;
        Intake::from_value_strict(&value, catalog())
    }

    /// Strict reading of an already parsed JSON value against a given catalog (paths are relative to `value`).
    pub fn from_value_strict(value: &Value, catalog: &Catalog) -> Result<Intake, Vec<IntakeError>> {
        Intake::from_value_strict_at(value, catalog, "")
    }

    /// Strict reading of `value` found at JSON path `root` of a larger document (e.g. `data.intake` in a backup):
    /// every path and message starts with `root`, so a problem with the intake as a whole still names a field.
    pub fn from_value_strict_at(
        value: &Value,
        catalog: &Catalog,
        root: &str,
    ) -> Result<Intake, Vec<IntakeError>> {
        if !value.is_object() {
            return Err(vec![IntakeError {
                path: root.to_string(),
                message: if root.is_empty() {
                    "The intake must be a JSON object with fields such as `age` and `pain`.".into()
                } else {
                    format!(
                        "`{root}` should be a group of fields such as `age` and `pain` (a JSON object), but it is {}.",
                        describe_value(value)
                    )
                },
            }]);
        }
        let mut errors = Vec::new();
        let mut unknown = |path: serde_ignored::Path<'_>| {
            let key = ignored_key(&path);
            let path = join(root, &ignored_path(&path));
            errors.push(IntakeError {
                message: unknown_key_message(&path, &key),
                path,
            });
        };
        let read: Result<Intake, _> =
            serde_path_to_error::deserialize(serde_ignored::Deserializer::new(value, &mut unknown));
        match read {
            Ok(intake) => {
                errors.extend(check::problems(&intake, catalog, root));
                if errors.is_empty() {
                    Ok(intake)
                } else {
                    Err(errors)
                }
            }
            Err(e) => {
                let path = join(root, &error_path(e.path()));
                errors.push(IntakeError {
                    message: type_message(&path, &e.inner().to_string()),
                    path,
                });
                Err(errors)
            }
        }
    }

    /// Lenient reading for data the app stored: unknown keys are ignored and unknown IDs kept as they are; only malformed JSON or wrong types fail.
    pub fn parse_lenient(json: &str) -> Result<Intake, String> {
        serde_json::from_str(json)
            .map_err(|e| format!("The saved answers could not be read ({e})."))
    }
}

/// `parent.key` for a path inside `parent` (or `key` at the top).
pub(super) fn join(parent: &str, key: &str) -> String {
    match (parent.is_empty(), key.is_empty()) {
        (true, _) => key.to_string(),
        (false, true) => parent.to_string(),
        (false, false) if key.starts_with('[') => format!("{parent}{key}"),
        (false, false) => format!("{parent}.{key}"),
    }
}

/// A path as `serde_path_to_error` records it, written `pain.sites[1]`.
fn error_path(path: &serde_path_to_error::Path) -> String {
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            serde_path_to_error::Segment::Map { key } => out = join(&out, key),
            serde_path_to_error::Segment::Enum { .. } | serde_path_to_error::Segment::Unknown => {}
        }
    }
    out
}

/// A path as `serde_ignored` records it, written `values.areas[0].nowish`.
fn ignored_path(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", ignored_path(parent)),
        Path::Map { parent, key } => join(&ignored_path(parent), key),
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => ignored_path(parent),
    }
}

/// The last key of an ignored path.
fn ignored_key(path: &serde_ignored::Path<'_>) -> String {
    match path {
        serde_ignored::Path::Map { key, .. } => key.clone(),
        _ => String::new(),
    }
}

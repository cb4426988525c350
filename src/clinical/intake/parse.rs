//! Reading an intake from JSON: strict for scenarios and imports (every problem reported with its JSON path),
//! lenient for data this app stored itself (never loses what it cannot interpret).

use super::Intake;
use crate::clinical::catalog::{catalog, Catalog, Vocab};
use serde_json::Value;
use std::fmt;

/// One problem found by [`Intake::parse_strict`], with the JSON path it concerns (empty for the whole file when
/// read without a root path).
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

/// Where the allowed IDs of a field come from, and what to call them in a message.
#[derive(Clone, Copy)]
enum Ids {
    Vocab(Vocab, &'static str),
    Fixed(&'static [&'static str], &'static str),
}

/// The expected shape of one JSON value; the key sets mirror the serde structs in `mod.rs`.
#[derive(Clone, Copy)]
enum Shape {
    Object(&'static [Field]),
    ObjectList(&'static [Field]),
    Int(i64, i64),
    IntList(i64, i64),
    Id(Ids),
    IdList(Ids),
    Text,
    TextList,
    Bool,
}

type Field = (&'static str, Shape);

const PRIMARY: Ids = Ids::Vocab(Vocab::Condition, "pain condition");
const PEG: &[Field] = &[
    ("pain", Shape::Int(0, 10)),
    ("enjoyment", Shape::Int(0, 10)),
    ("activity", Shape::Int(0, 10)),
];
const PAIN: &[Field] = &[
    ("primary", Shape::Id(PRIMARY)),
    ("sites", Shape::IdList(PRIMARY)),
    // 1440 months = 120 years, the oldest age accepted.
    ("duration_months", Shape::Int(0, 1440)),
    ("peg", Shape::Object(PEG)),
];
const PHQ4: &[Field] = &[
    ("nervous", Shape::Int(0, 3)),
    ("worry", Shape::Int(0, 3)),
    ("interest", Shape::Int(0, 3)),
    ("down", Shape::Int(0, 3)),
];
const MOOD: &[Field] = &[
    ("phq4", Shape::Object(PHQ4)),
    ("self_harm", Shape::Int(0, 3)),
];
const BOTHERSOME: &[&str] = &[
    "not_at_all",
    "slightly",
    "moderately",
    "very_much",
    "extremely",
];
const START_BACK: &[Field] = &[
    ("agree", Shape::IntList(1, 8)),
    (
        "bothersome",
        Shape::Id(Ids::Fixed(BOTHERSOME, "STarT Back item 9 answer")),
    ),
];
const AREA: &[Field] = &[
    ("area", Shape::Text),
    ("now", Shape::Int(1, 5)),
    ("want", Shape::Int(1, 5)),
];
const VALUES: &[Field] = &[
    ("what_matters", Shape::Text),
    ("areas", Shape::ObjectList(AREA)),
    ("goals", Shape::TextList),
];
const PRACTICALITIES: &[Field] = &[
    ("minutes_per_week", Shape::Int(0, u16::MAX as i64)),
    ("budget_per_month", Shape::Int(0, u16::MAX as i64)),
    ("days", Shape::IntList(0, 6)),
    ("needles_ok", Shape::Bool),
    ("touch_ok", Shape::Bool),
    ("home_only", Shape::Bool),
];
const INTAKE: &[Field] = &[
    ("age", Shape::Int(0, 120)),
    ("pain", Shape::Object(PAIN)),
    ("mood", Shape::Object(MOOD)),
    ("start_back", Shape::Object(START_BACK)),
    (
        "symptoms",
        Shape::IdList(Ids::Vocab(Vocab::Symptom, "symptom")),
    ),
    (
        "conditions",
        Shape::IdList(Ids::Vocab(Vocab::Health, "health condition")),
    ),
    (
        "medications",
        Shape::IdList(Ids::Vocab(Vocab::Medication, "medication class")),
    ),
    (
        "supplements",
        Shape::IdList(Ids::Vocab(Vocab::Supplement, "supplement")),
    ),
    (
        "activity",
        Shape::Id(Ids::Fixed(&["active", "inactive"], "activity level")),
    ),
    ("values", Shape::Object(VALUES)),
    ("practicalities", Shape::Object(PRACTICALITIES)),
];

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
        let mut errors = Vec::new();
        if value.is_object() {
            walk(value, Shape::Object(INTAKE), root, catalog, &mut errors);
        } else {
            errors.push(IntakeError {
                path: root.to_string(),
                message: if root.is_empty() {
                    "The intake must be a JSON object with fields such as `age` and `pain`.".into()
                } else {
                    format!(
                        "`{root}` should be a group of fields such as `age` and `pain` (a JSON object), but it is {}.",
                        describe(value)
                    )
                },
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        serde_json::from_value(value.clone()).map_err(|e| {
            vec![IntakeError {
                path: root.to_string(),
                message: if root.is_empty() {
                    format!("The intake could not be read ({e}).")
                } else {
                    format!("`{root}` could not be read ({e}).")
                },
            }]
        })
    }

    /// Lenient reading for data the app stored: unknown keys are ignored and unknown IDs kept as they are; only malformed JSON or wrong types fail.
    pub fn parse_lenient(json: &str) -> Result<Intake, String> {
        serde_json::from_str(json)
            .map_err(|e| format!("The saved answers could not be read ({e})."))
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "empty (null)".into(),
        Value::Bool(b) => format!("the value {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text \"{s}\""),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a group of fields (an object)".into(),
    }
}

fn expected(shape: Shape) -> String {
    match shape {
        Shape::Object(_) => "a group of fields (a JSON object)".into(),
        Shape::ObjectList(_) => "a list of groups of fields".into(),
        Shape::Int(lo, hi) => format!("a whole number from {lo} to {hi}"),
        Shape::IntList(lo, hi) => format!("a list of whole numbers from {lo} to {hi}"),
        Shape::Id(_) => "an ID (text)".into(),
        Shape::IdList(_) => "a list of IDs ([] for none)".into(),
        Shape::Text => "text".into(),
        Shape::TextList => "a list of texts".into(),
        Shape::Bool => "true or false".into(),
    }
}

fn known(ids: Ids, catalog: &Catalog, id: &str) -> bool {
    match ids {
        Ids::Vocab(vocab, _) => catalog.knows(vocab, id),
        Ids::Fixed(list, _) => list.contains(&id),
    }
}

fn walk(v: &Value, shape: Shape, path: &str, catalog: &Catalog, errors: &mut Vec<IntakeError>) {
    let mut fail = |message: String| {
        errors.push(IntakeError {
            path: path.to_string(),
            message,
        })
    };
    let wrong_type = || {
        format!(
            "`{path}` should be {}, but it is {}.",
            expected(shape),
            describe(v)
        )
    };
    match (shape, v) {
        (Shape::Object(fields), Value::Object(map)) => {
            for (key, value) in map {
                let child = join(path, key);
                match fields.iter().find(|(name, _)| name == key) {
                    // `null` means "not answered", exactly like a missing key.
                    Some(_) if value.is_null() => {}
                    Some((_, inner)) => walk(value, *inner, &child, catalog, errors),
                    None => {
                        let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
                        errors.push(IntakeError {
                            message: format!(
                                "`{child}` is not a field Mosaic knows; check the spelling (expected one of: {}).",
                                names.join(", ")
                            ),
                            path: child,
                        });
                    }
                }
            }
        }
        (Shape::Int(lo, hi), Value::Number(n)) => match n.as_i64() {
            Some(x) if (lo..=hi).contains(&x) => {}
            Some(x) => fail(format!(
                "`{path}` is {x}, but it must be a whole number from {lo} to {hi}."
            )),
            None => fail(wrong_type()),
        },
        (Shape::Id(ids), Value::String(s)) => {
            if !known(ids, catalog, s) {
                let noun = match ids {
                    Ids::Vocab(_, noun) | Ids::Fixed(_, noun) => noun,
                };
                fail(format!(
                    "`{path}`: \"{s}\" is not a known {noun} ID; check the spelling."
                ));
            }
        }
        (Shape::Text, Value::String(_)) | (Shape::Bool, Value::Bool(_)) => {}
        (Shape::ObjectList(f), Value::Array(items)) => {
            each(items, Shape::Object(f), path, catalog, errors)
        }
        (Shape::IntList(lo, hi), Value::Array(items)) => {
            each(items, Shape::Int(lo, hi), path, catalog, errors)
        }
        (Shape::IdList(ids), Value::Array(items)) => {
            each(items, Shape::Id(ids), path, catalog, errors)
        }
        (Shape::TextList, Value::Array(items)) => each(items, Shape::Text, path, catalog, errors),
        _ => fail(wrong_type()),
    }
}

/// List items are checked one by one; a `null` inside a list is an error because `[]` already says "none".
fn each(
    items: &[Value],
    shape: Shape,
    path: &str,
    catalog: &Catalog,
    errors: &mut Vec<IntakeError>,
) {
    for (i, item) in items.iter().enumerate() {
        walk(item, shape, &format!("{path}[{i}]"), catalog, errors);
    }
}

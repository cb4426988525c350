//! Problems found while reading an intake strictly, put in words a person can act on: serde's own messages
//! (`invalid type: string "forty", expected u16`) become sentences, and a key no struct has gets the nearest real
//! field name, read from the structs themselves.

use super::{AreaRating, Intake, Mood, Pain, Peg, Phq4, Practicalities, StartBack, Values};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde_json::Value;
use std::fmt;

/// The message for a key no intake struct has, with the nearest field name when there is one.
pub(super) fn unknown_key_message(path: &str, key: &str) -> String {
    // A key can be as long as the file: the message quotes the start of it.
    const SHOWN_CHARS: usize = 60;
    let shortened;
    let path = if path.chars().count() > SHOWN_CHARS {
        shortened = format!("{}…", path.chars().take(SHOWN_CHARS).collect::<String>());
        shortened.as_str()
    } else {
        path
    };
    match nearest_field(key) {
        Some(field) => format!(
            "`{path}` is not a field Mosaic knows; check the spelling (did you mean `{field}`?)."
        ),
        None => format!("`{path}` is not a field Mosaic knows; check the spelling."),
    }
}

/// The field name of any intake struct closest to `key` (at most two letters apart), read from the structs
/// themselves so a new field is suggested without a list to update.
fn nearest_field(key: &str) -> Option<&'static str> {
    let fields = [
        fields_of::<Intake>(),
        fields_of::<Pain>(),
        fields_of::<Peg>(),
        fields_of::<Mood>(),
        fields_of::<Phq4>(),
        fields_of::<StartBack>(),
        fields_of::<Values>(),
        fields_of::<AreaRating>(),
        fields_of::<Practicalities>(),
    ];
    // Two strings are at least their difference in length apart, so only names of about the key's length are
    // compared: a key of a million characters costs one count, not a million-cell table per name.
    let length = key.chars().count();
    fields
        .into_iter()
        .flatten()
        .filter(|f| f.chars().count().abs_diff(length) <= 2)
        .map(|f| (edit_distance(key, f), *f))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, f)| f)
}

/// Levenshtein distance between two short keys.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The field names a serde-derived struct reads: serde hands them to `deserialize_struct`, where this
/// deserializer takes them and stops.
fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Fields(&'static [&'static str]);
    impl fmt::Display for Fields {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("field names")
        }
    }
    impl fmt::Debug for Fields {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("field names")
        }
    }
    impl std::error::Error for Fields {}
    impl de::Error for Fields {
        fn custom<M: fmt::Display>(_: M) -> Self {
            Fields(&[])
        }
    }
    struct Introspect;
    impl<'de> Deserializer<'de> for Introspect {
        type Error = Fields;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Fields> {
            Err(Fields(&[]))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Fields> {
            Err(Fields(fields))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }
    match T::deserialize(Introspect) {
        Err(Fields(fields)) => fields,
        Ok(_) => &[],
    }
}

/// A value of the wrong type, in words: serde says `invalid type: string "forty", expected u16`; a person reads
/// "`age` should be a whole number, but it is the text "forty"".
pub(super) fn type_message(path: &str, serde_message: &str) -> String {
    let shown = if path.is_empty() {
        "The intake".to_string()
    } else {
        format!("`{path}`")
    };
    if let Some((found, wanted)) = serde_message
        .strip_prefix("invalid type: ")
        .and_then(|m| m.split_once(", expected "))
    {
        return format!(
            "{shown} should be {}, but it is {}.",
            expected_words(wanted),
            found_words(found)
        );
    }
    if let Some((found, _)) = serde_message
        .strip_prefix("invalid value: ")
        .and_then(|m| m.split_once(", expected "))
    {
        return format!(
            "{shown} is {}, which is not a possible answer here; check the number.",
            found_words(found).trim_start_matches("the number ")
        );
    }
    format!("{shown} could not be read ({serde_message}).")
}

/// serde's name for an expected type, in words.
fn expected_words(wanted: &str) -> String {
    match wanted {
        "u8" | "u16" | "u32" | "u64" | "i64" => "a whole number".into(),
        "a string" => "text".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list ([] for none)".into(),
        w if w.starts_with("struct ") => "a group of fields (a JSON object)".into(),
        w => w.into(),
    }
}

/// serde's description of the value found (`string "x"`, ``integer `7` ``, `map` …), in words.
fn found_words(found: &str) -> String {
    let quoted = || found.split('`').nth(1).unwrap_or(found).to_string();
    if let Some(text) = found.strip_prefix("string ") {
        format!("the text {text}")
    } else if found.starts_with("integer") || found.starts_with("floating point") {
        format!("the number {}", quoted())
    } else if found.starts_with("boolean") {
        format!("the value {}", quoted())
    } else {
        match found {
            "null" => "empty (null)".into(),
            "sequence" => "a list".into(),
            "map" => "a group of fields (an object)".into(),
            other => other.into(),
        }
    }
}

/// How a JSON value is named in a message ("the number 7", "the text "forty"", a long text cut to its start), for
/// the intake's strict reader and the backup validator alike.
pub fn describe_value(v: &Value) -> String {
    match v {
        Value::Null => "empty (null)".into(),
        Value::Bool(b) => format!("the value {b}"),
        Value::Number(n) => format!("the number {n}"),
        // Counted as the browser counts text (UTF-16), like every other text limit.
        Value::String(s) if s.encode_utf16().count() > 40 => {
            let head: String = s.chars().take(30).collect();
            format!("the text \"{head}…\"")
        }
        Value::String(s) => format!("the text \"{s}\""),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a group of fields (an object)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn struct_fields_are_read_from_the_structs() {
        assert_eq!(
            fields_of::<Peg>(),
            ["pain", "enjoyment", "activity"].as_slice()
        );
        assert_eq!(nearest_field("pegg"), Some("peg"));
        assert_eq!(nearest_field("agee"), Some("age"));
        assert_eq!(nearest_field("zzzzzzzz"), None);
        assert_eq!(nearest_field(&"a".repeat(1_000_000)), None);
        let long = format!("intake.{}", "k".repeat(200));
        assert_eq!(
            unknown_key_message(&long, &"k".repeat(200)),
            format!(
                "`intake.{}…` is not a field Mosaic knows; check the spelling.",
                "k".repeat(53)
            )
        );
    }

    #[test]
    fn serde_messages_are_put_in_words() {
        assert_eq!(
            type_message("age", "invalid type: string \"forty\", expected u16"),
            "`age` should be a whole number, but it is the text \"forty\"."
        );
        assert_eq!(
            type_message("age", "invalid value: integer `-1`, expected u16"),
            "`age` is -1, which is not a possible answer here; check the number."
        );
        assert_eq!(
            type_message("pain", "invalid type: integer `7`, expected struct Pain"),
            "`pain` should be a group of fields (a JSON object), but it is the number 7."
        );
    }
}

//! Reading and checking the data files: what `build.rs` runs before it writes the statics, and what tests run over
//! edited copies. Texts in, `'static` data or an error naming the file and the JSON path out; no file access here.

use super::{Catalog, ReviewBook, RuleBook, TermGroup};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;

/// The text of each data file.
#[derive(Clone, Copy, Debug)]
pub struct Texts<'a> {
    /// `vocabulary.json`.
    pub vocabulary: &'a str,
    /// `therapies.json`.
    pub therapies: &'a str,
    /// `rules.json`.
    pub rules: &'a str,
}

/// The data, checked and in `'static` memory, the same values the build writes out as statics.
#[derive(Clone, Copy, Debug)]
pub struct Data {
    /// Vocabulary and therapies.
    pub catalog: &'static Catalog,
    /// The rule book.
    pub rules: &'static RuleBook,
}

/// Why a data file was refused: which file, where in it, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The file's name, e.g. `therapies.json`.
    pub file: &'static str,
    /// JSON path of the offending value, e.g. `$[3].evidence.neck.rating`.
    pub path: String,
    /// What is wrong, in serde's words or the check's.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: at {}: {}", self.file, self.path, self.message)
    }
}

/// Parses and checks the three files: their shape against the types (unknown, missing or duplicate keys, wrong
/// types, misspelled names), then what the types cannot say (every red flag and health fact in exactly one group).
pub fn compile(texts: Texts) -> Result<Data, DataError> {
    let mut vocabulary = parse("vocabulary.json", texts.vocabulary)?;
    let therapies = parse("therapies.json", texts.therapies)?;
    let rules = parse("rules.json", texts.rules)?;
    // `Catalog` is the vocabulary with the therapies as one more key; an error under that key is therapies.json's.
    let Value::Object(fields) = &mut vocabulary else {
        return Err(error(
            "vocabulary.json",
            String::new(),
            "expected an object",
        ));
    };
    if fields.insert("therapies".into(), therapies).is_some() {
        return Err(error(
            "vocabulary.json",
            ".therapies".into(),
            "unknown field `therapies`",
        ));
    }
    let catalog: &'static Catalog =
        typed(vocabulary).map_err(|(path, message)| match path.strip_prefix(".therapies") {
            Some(rest) => error("therapies.json", rest.into(), message),
            None => error("vocabulary.json", path, message),
        })?;
    let rules: &'static RuleBook =
        typed(rules).map_err(|(path, message)| error("rules.json", path, message))?;
    check_groups("symptom_groups", catalog.symptom_groups, catalog.symptoms)?;
    check_groups("health_groups", catalog.health_groups, catalog.health)?;
    check_asked_if_pain("symptom_groups", catalog.symptom_groups, catalog.conditions)?;
    check_asked_if_pain("health_groups", catalog.health_groups, catalog.conditions)?;
    check_trials(catalog)?;
    Ok(Data { catalog, rules })
}

/// Parses and checks `review.json`, kept apart from [`compile`] because nothing in it refers to the other files.
pub fn compile_review(text: &str) -> Result<&'static ReviewBook, DataError> {
    const FILE: &str = "review.json";
    let book: &'static ReviewBook =
        typed(parse(FILE, text)?).map_err(|(path, message)| error(FILE, path, message))?;
    // 0 would make every therapy well attended, over 100 would call full adherence low.
    if !(1..=100).contains(&book.adherence.well_under_percent) {
        return Err(error(
            FILE,
            ".adherence.well_under_percent".into(),
            "must be a percent from 1 to 100",
        ));
    }
    Ok(book)
}

/// Every adequate trial needs at least one session, or "no change" could suggest stopping before anything was tried.
fn check_trials(catalog: &Catalog) -> Result<(), DataError> {
    match catalog.therapies.iter().position(|t| {
        t.course
            .as_ref()
            .and_then(|c| c.adequate_trial.as_ref())
            .is_some_and(|a| a.sessions == 0)
    }) {
        Some(i) => Err(error(
            "therapies.json",
            format!("[{i}].course.adequate_trial.sessions"),
            "an adequate trial needs at least one session",
        )),
        None => Ok(()),
    }
}

fn error(file: &'static str, path: String, message: impl fmt::Display) -> DataError {
    DataError {
        file,
        path: format!("${path}"),
        message: message.to_string(),
    }
}

/// The file as JSON, refusing a key that appears twice in one object (plain JSON parsing keeps the last).
fn parse(file: &'static str, text: &str) -> Result<Value, DataError> {
    let mut json = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, Unique>(&mut json)
        .map_err(|e| error(file, path(e.path()), e.inner()))?;
    json.end().map_err(|e| error(file, String::new(), e))?;
    // Cannot fail: the text was just read as JSON.
    serde_json::from_str(text).map_err(|e| error(file, String::new(), e))
}

/// The value as `T`, borrowing every string from the value, which is kept for good.
fn typed<T: Deserialize<'static>>(value: Value) -> Result<&'static T, (String, String)> {
    let value: &'static Value = Box::leak(Box::new(value));
    serde_path_to_error::deserialize(value)
        .map(|t| &*Box::leak(Box::new(t)))
        .map_err(|e| (path(e.path()), e.inner().to_string()))
}

/// A serde path (`[3].evidence.neck`) as the part of a JSON path after `$`.
fn path(p: &serde_path_to_error::Path) -> String {
    match p.to_string() {
        root if root == "." => String::new(),
        index if index.starts_with('[') => index,
        key => format!(".{key}"),
    }
}

/// Every pain condition a group's `asked_if_pain` names is a known one (a typo would hide the group for good).
fn check_asked_if_pain(
    key: &str,
    groups: &[TermGroup],
    conditions: &[super::Term],
) -> Result<(), DataError> {
    for (g, group) in groups.iter().enumerate() {
        for (i, &id) in group.asked_if_pain.iter().enumerate() {
            if !conditions.iter().any(|t| t.id == id) {
                return Err(error(
                    "vocabulary.json",
                    format!(".{key}[{g}].asked_if_pain[{i}]"),
                    format!("`{id}` is not a pain condition"),
                ));
            }
        }
    }
    Ok(())
}

/// Every term of `terms` in exactly one group of `groups`, and no unknown ID in a group.
fn check_groups(key: &str, groups: &[TermGroup], terms: &[super::Term]) -> Result<(), DataError> {
    let fail = |path: String, message: String| Err(error("vocabulary.json", path, message));
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        for (i, &id) in group.ids.iter().enumerate() {
            let at = format!(".{key}[{g}].ids[{i}]");
            if !terms.iter().any(|t| t.id == id) {
                return fail(at, format!("`{id}` is not in the list this group is for"));
            }
            if let Some((_, first)) = seen.iter().find(|(s, _)| *s == id) {
                let title = groups[*first].title;
                return fail(
                    at,
                    format!("`{id}` is already in group {first} (\"{title}\")"),
                );
            }
            seen.push((id, g));
        }
    }
    match terms.iter().find(|t| !seen.iter().any(|(s, _)| *s == t.id)) {
        Some(t) => fail(format!(".{key}"), format!("`{}` is in no group", t.id)),
        None => Ok(()),
    }
}

/// Any JSON value, checked only for keys repeated within one object.
struct Unique;

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Unique, D::Error> {
        d.deserialize_any(Unique)
    }
}

impl<'de> Visitor<'de> for Unique {
    type Value = Unique;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unique, A::Error> {
        let mut keys = BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if keys.contains(&key) {
                return Err(de::Error::custom(format!("duplicate key `{key}`")));
            }
            map.next_value::<Unique>()?;
            keys.insert(key);
        }
        Ok(Unique)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Unique, A::Error> {
        while seq.next_element::<Unique>()?.is_some() {}
        Ok(Unique)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Unique, E> {
        Ok(Unique)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Unique, E> {
        Ok(Unique)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Unique, E> {
        Ok(Unique)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Unique, E> {
        Ok(Unique)
    }

    fn visit_str<E>(self, _: &str) -> Result<Unique, E> {
        Ok(Unique)
    }

    fn visit_unit<E>(self) -> Result<Unique, E> {
        Ok(Unique)
    }
}

//! The checker that walks a document and collects its problems, the checks every part uses (types, ranges, known
//! keys, therapy IDs, lengths), and how a wrong value is named in a message.

use super::Problem;
use crate::clinical::catalog::{catalog, Vocab};
use crate::clinical::intake::describe_value;
use crate::store::limits::text_len;
use serde_json::{Map, Value};

/// The name of a therapy for messages, or its ID.
pub(super) fn therapy_name(id: &str) -> &str {
    catalog().therapy(id).map_or(id, |t| t.name)
}

/// Collects problems while walking the document.
#[derive(Default)]
pub(super) struct Checker {
    /// Every problem found so far, in the order the walk met them.
    pub(super) problems: Vec<Problem>,
}

impl Checker {
    /// Records a problem at `path`.
    pub(super) fn fail(&mut self, path: &str, message: String) {
        self.problems.push(Problem {
            path: path.to_string(),
            message,
        });
    }

    /// Records a value of the wrong kind: what `path` should be, and what it is.
    pub(super) fn wrong_type(&mut self, path: &str, expected: &str, v: &Value) {
        self.fail(
            path,
            format!(
                "`{path}` should be {expected}, but it is {}.",
                describe_value(v)
            ),
        );
    }

    /// The value as an object, or a problem.
    pub(super) fn object<'a>(
        &mut self,
        v: &'a Value,
        path: &str,
    ) -> Option<&'a Map<String, Value>> {
        let map = v.as_object();
        if map.is_none() {
            self.wrong_type(path, "a group of fields (a JSON object)", v);
        }
        map
    }

    /// The value as a list, or a problem (`expected` says what list).
    pub(super) fn list<'a>(
        &mut self,
        v: &'a Value,
        path: &str,
        expected: &str,
    ) -> Option<&'a Vec<Value>> {
        let list = v.as_array();
        if list.is_none() {
            self.wrong_type(path, expected, v);
        }
        list
    }

    /// The value as text, or a problem.
    pub(super) fn text<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a str> {
        let s = v.as_str();
        if s.is_none() {
            self.wrong_type(path, "text", v);
        }
        s
    }

    /// A problem unless the value is true or false.
    pub(super) fn boolean(&mut self, v: &Value, path: &str) {
        if !v.is_boolean() {
            self.wrong_type(path, "true or false", v);
        }
    }

    /// A whole number in `lo..=hi`; `scale` finishes "but it must be …" (e.g. "a whole number from 0 to 10").
    pub(super) fn int(
        &mut self,
        v: &Value,
        path: &str,
        lo: i64,
        hi: i64,
        scale: &str,
    ) -> Option<i64> {
        match v.as_i64() {
            Some(x) if (lo..=hi).contains(&x) => Some(x),
            Some(x) => {
                self.fail(path, format!("`{path}` is {x}, but it must be {scale}."));
                None
            }
            None => {
                self.wrong_type(path, scale, v);
                None
            }
        }
    }

    /// Refuses keys outside `known` inside an object at `path`.
    pub(super) fn known_keys(&mut self, map: &Map<String, Value>, path: &str, known: &[&str]) {
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            self.fail(
                &format!("{path}.{key}"),
                format!(
                    "`{path}.{key}` is not a field Mosaic knows (expected one of: {}).",
                    known.join(", ")
                ),
            );
        }
    }

    /// A therapy ID the catalog knows.
    pub(super) fn therapy_id(&mut self, id: &str, path: &str) -> bool {
        let known = catalog().knows(Vocab::Therapy, id);
        if !known {
            self.fail(
                path,
                format!("`{path}`: \"{id}\" is not a therapy Mosaic knows; check the spelling."),
            );
        }
        known
    }

    /// An object at `path` keyed by therapy ID: an ID the catalog does not know is a problem of its own, and each
    /// known therapy's value goes to `check` with its ID and its own path.
    pub(super) fn per_therapy(
        &mut self,
        v: &Value,
        path: &str,
        mut check: impl FnMut(&mut Self, &str, &Value, &str),
    ) {
        let Some(map) = self.object(v, path) else {
            return;
        };
        for (id, value) in map {
            let p = format!("{path}.{id}");
            if self.therapy_id(id, &p) {
                check(self, id, value, &p);
            }
        }
    }

    /// A free text of at most `max` characters (`what` names it in the message).
    pub(super) fn max_len(&mut self, s: &str, path: &str, max: usize, what: &str) {
        let n = text_len(s);
        if n > max {
            self.fail(
                path,
                format!("`{path}` is {n} characters long, but {what} can be at most {max}."),
            );
        }
    }
}

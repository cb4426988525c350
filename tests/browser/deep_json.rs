//! Reliability promise 15 ("parsers survive any input") where it is hardest to keep: wasm32 in the browser, where a
//! stack overflow is not a catchable error but a trap that kills the whole app. JSON nested 10,000 deep (arrays,
//! objects, and both alternating), alone and inside an otherwise valid file, goes to the backup importer, the
//! stored-document reader (plain and sealed) and the share-link decoder; each must answer with its own refusal, in
//! words. Nesting just under serde_json's limit of 128 levels, which the readers accept where unknown fields are
//! kept, must also come back out of every writer and reader unchanged without trapping.

use mosaic::share::link::{self, LinkError, MAX_PAYLOAD_CHARS};
use mosaic::store::backup;
use mosaic::store::envelope::{decode, encode, generation_of, Loaded};
use mosaic::store::migrate::CURRENT_SCHEMA;
use mosaic::store::seal::SealedEnvelope;
use mosaic::ui::route::Route;
use wasm_bindgen_test::*;

const DEPTH: usize = 10_000;
const EXPORTED_AT: &str = "2026-11-21T12:00:00.000Z";
/// How the importer refuses a file serde_json cannot read, before the reason.
const NOT_A_BACKUP: &str = "This file is not a Mosaic backup: it could not be read as one (";
/// How the document reader refuses stored text serde_json cannot read, before the reason.
const NOT_A_DOCUMENT: &str = "the saved data is not a readable Mosaic document (";
/// serde_json's reason when nesting passes its limit of 128 levels.
const TOO_DEEP: &str = "recursion limit exceeded at line 1 column ";

/// `depth` nested arrays, `depth` nested objects, and `depth` levels alternating object and array.
fn deep(depth: usize) -> [(&'static str, String); 3] {
    [
        (
            "arrays",
            format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
        ),
        (
            "objects",
            format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)),
        ),
        (
            "objects and arrays",
            format!(
                "{}1{}",
                "{\"a\":[".repeat(depth / 2),
                "]}".repeat(depth / 2)
            ),
        ),
    ]
}

/// The reason serde_json gives for a whole file that is `value`, read as a struct whose first field is `first`:
/// an array is a struct written as a list, whose first item must be text; an object's unknown key `a` is skipped
/// (without recursing, so at any depth) and the struct's first field is then missing at the end.
fn whole_value_reason(shape: &str, value: &str, first: &str) -> String {
    if shape == "arrays" {
        "invalid type: sequence, expected a string at line 1 column 1)".to_string()
    } else {
        format!("missing field `{first}` at line 1 column {})", value.len())
    }
}

/// Where a deep value goes in a backup file, and the reason after [`NOT_A_BACKUP`] it must be refused with.
fn backup_around(shape: &str, value: &str) -> [(&'static str, String, String); 4] {
    let head = format!(
        r#"{{"format":"mosaic-backup","schema":{CURRENT_SCHEMA},"exported_at":"{EXPORTED_AT}""#
    );
    let kind = if shape == "arrays" { "sequence" } else { "map" };
    [
        (
            "the whole file",
            value.to_string(),
            whole_value_reason(shape, value, "format"),
        ),
        (
            "an unknown field of data",
            format!(r#"{head},"data":{{"intake":{{}},"notes":{value}}}}}"#),
            TOO_DEEP.to_string(),
        ),
        (
            "the goals",
            format!(r#"{head},"data":{{"intake":{{"values":{{"goals":{value}}}}}}}}}"#),
            TOO_DEEP.to_string(),
        ),
        (
            "the format",
            format!(r#"{{"format":{value},"schema":1,"data":{{}}}}"#),
            format!("invalid type: {kind}, expected a string at line 1 column 10)"),
        ),
    ]
}

/// Where a deep value goes in a stored document, and the reason after [`NOT_A_DOCUMENT`] it must be refused with.
fn document_around(shape: &str, value: &str) -> [(&'static str, String, String); 4] {
    let head = format!(
        r#"{{"app":"mosaic","schema":{CURRENT_SCHEMA},"generation":5,"saved_at":"{EXPORTED_AT}""#
    );
    [
        (
            "the whole document",
            value.to_string(),
            whole_value_reason(shape, value, "app"),
        ),
        (
            "an unknown field of data",
            format!(r#"{head},"data":{{"notes":{value}}}}}"#),
            TOO_DEEP.to_string(),
        ),
        (
            "a check-in",
            format!(r#"{head},"data":{{"checkins":[{value}]}}}}"#),
            TOO_DEEP.to_string(),
        ),
        (
            "a schema-1 unsure list",
            format!(
                r#"{{"app":"mosaic","schema":1,"generation":5,"saved_at":"","data":{{"unsure":{value}}}}}"#
            ),
            TOO_DEEP.to_string(),
        ),
    ]
}

#[wasm_bindgen_test]
fn the_backup_importer_refuses_10000_deep_json_in_words() {
    for (shape, value) in deep(DEPTH) {
        for (place, file, reason) in backup_around(shape, &value) {
            let err = backup::import(file.as_bytes())
                .err()
                .unwrap_or_else(|| panic!("{shape} in {place}: accepted"));
            assert!(
                err.starts_with(&format!("{NOT_A_BACKUP}{reason}")),
                "{shape} in {place}: {err}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn the_document_reader_refuses_10000_deep_json_in_words() {
    for (shape, value) in deep(DEPTH) {
        for (place, raw, reason) in document_around(shape, &value) {
            match decode(Some(&raw)) {
                Loaded::Unreadable { reason: got } => assert!(
                    got.starts_with(&format!("{NOT_A_DOCUMENT}{reason}")),
                    "{shape} in {place}: {got}"
                ),
                other => panic!("{shape} in {place}: {other:?}"),
            }
            assert_eq!(SealedEnvelope::read(&raw), None, "{shape} in {place}");
            // The generation is read past the data without building it (serde_json skips an ignored value
            // without recursing), so another tab still sees the save.
            let generation = generation_of(Some(&raw));
            assert_eq!(
                generation,
                (place != "the whole document").then_some(5),
                "{shape} in {place}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn a_10000_deep_seal_waits_for_the_passphrase_and_then_is_refused() {
    for (shape, value) in deep(DEPTH) {
        let raw = format!(
            r#"{{"app":"mosaic","schema":{CURRENT_SCHEMA},"generation":9,"saved_at":"{EXPORTED_AT}","sealed":{value}}}"#
        );
        // The sealed part is skipped unread until the person unlocks (serde_json skips without recursing) …
        assert_eq!(
            decode(Some(&raw)),
            Loaded::Locked { generation: 9 },
            "{shape}"
        );
        assert_eq!(generation_of(Some(&raw)), Some(9), "{shape}");
        // … and unlocking reads it as not a sealed document (the lock then says it is malformed) instead of
        // trapping.
        assert_eq!(SealedEnvelope::read(&raw), None, "{shape}");
    }
}

#[wasm_bindgen_test]
fn the_share_link_decoder_refuses_10000_deep_json_in_words() {
    let too_long = "This link is too long to be a Mosaic plan.";
    for (shape, value) in deep(DEPTH) {
        // As a payload, through the app's router, and inside a frame with a valid checksum: too long before
        // anything is decoded.
        let framed = link::seal_frame(&[&[2u8][..], value.as_bytes()].concat());
        for payload in [value.clone(), framed] {
            assert_eq!(link::decode(&payload), Err(LinkError::TooLarge), "{shape}");
            let Route::Shared(routed) = Route::parse(&format!("#/shared/{payload}")) else {
                panic!("{shape}: not the shared route")
            };
            let err = link::decode(&routed).unwrap_err();
            assert!(err.to_string().starts_with(too_long), "{shape}: {err}");
        }
    }
    // As deep as fits under the size limit, framed with a valid checksum, it reaches the body reader, which reads
    // bits, not JSON.
    for shape in 0..3 {
        let (name, payload) = (1..=1_400)
            .rev()
            .step_by(50)
            .map(|depth| {
                let (name, value) = deep(depth)[shape].clone();
                (
                    name,
                    link::seal_frame(&[&[2u8][..], value.as_bytes()].concat()),
                )
            })
            .find(|(_, payload)| payload.len() <= MAX_PAYLOAD_CHARS)
            .unwrap();
        let err = link::decode(&payload).unwrap_err();
        assert!(
            !matches!(err, LinkError::TooLarge | LinkError::Damaged),
            "{name}: {err:?}"
        );
        assert!(err.to_string().starts_with("This link "), "{name}: {err}");
    }
}

/// The deepest nesting serde_json reads (128 levels, counted from the file's outer object) is accepted where unknown
/// fields are kept, and then goes through validation, the summary, export, save and load: none of them may trap on
/// wasm's smaller stack.
#[wasm_bindgen_test]
fn nesting_just_under_the_parser_limit_round_trips_without_trapping() {
    let mut accepted = 0;
    for depth in 120..=130 {
        for (shape, value) in deep(depth) {
            let [_, (_, file, _), ..] = backup_around(shape, &value);
            match backup::import(file.as_bytes()) {
                Ok(preview) => {
                    accepted += 1;
                    let again =
                        backup::import(backup::export(&preview.state, EXPORTED_AT).as_bytes());
                    assert_eq!(
                        again.map(|p| p.state),
                        Ok(preview.state.clone()),
                        "{shape} {depth}"
                    );
                    let stored = encode(&preview.state, 2, EXPORTED_AT);
                    assert!(
                        matches!(decode(Some(&stored)), Loaded::Ready { state, .. } if state == preview.state),
                        "{shape} {depth}"
                    );
                }
                Err(err) => assert!(
                    err.starts_with(&format!("{NOT_A_BACKUP}{TOO_DEEP}")),
                    "{shape} {depth}: {err}"
                ),
            }
            let [_, (_, raw, _), ..] = document_around(shape, &value);
            match decode(Some(&raw)) {
                Loaded::Ready { state, .. } => {
                    let stored = encode(&state, 6, EXPORTED_AT);
                    assert!(
                        matches!(decode(Some(&stored)), Loaded::Ready { state: s, .. } if s == state),
                        "{shape} {depth}"
                    );
                }
                Loaded::Unreadable { reason } => assert!(
                    reason.starts_with(&format!("{NOT_A_DOCUMENT}{TOO_DEEP}")),
                    "{shape} {depth}: {reason}"
                ),
                other => panic!("{shape} {depth}: {other:?}"),
            }
        }
    }
    // Natively, 125 levels inside `data.notes` are read and 126 are not: six depths × three shapes.
    assert_eq!(accepted, 18, "depths 120 to 125 accepted in every shape");
}

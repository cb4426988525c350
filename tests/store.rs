//! Native tests of the storage codecs: envelope, migrations with fixtures, backups. No browser needed.

use mosaic::store::backup::{self, MAX_BYTES};
use mosaic::store::document::AppState;
use mosaic::store::envelope::{decode, encode, generation_of, Loaded};
use mosaic::store::migrate::CURRENT_SCHEMA;
use std::fs;

fn fixture(name: &str) -> String {
    fs::read_to_string(format!(
        "{}/tests/fixtures/store/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn sample() -> AppState {
    let Loaded::Ready { state, .. } = decode(Some(&fixture("v1.json"))) else {
        panic!("fixture loads")
    };
    state
}

#[test]
fn every_shipped_schema_has_a_fixture_that_migrates_to_the_expected_state() {
    for schema in 1..=CURRENT_SCHEMA {
        let raw = fixture(&format!("v{schema}.json"));
        let expected: AppState =
            serde_json::from_str(&fixture(&format!("v{schema}.expected.json"))).unwrap();
        match decode(Some(&raw)) {
            Loaded::Ready {
                state,
                stored_schema,
                ..
            } => {
                assert_eq!(stored_schema, schema);
                assert_eq!(state, expected, "schema {schema} fixture");
                // Migrating what was migrated changes nothing.
                let again = decode(Some(&encode(&state, 1, "t")));
                assert!(matches!(again, Loaded::Ready { state: s, .. } if s == expected));
            }
            other => panic!("schema {schema} fixture did not load: {other:?}"),
        }
    }
}

#[test]
fn not_answered_stays_distinct_from_none_through_save_and_load() {
    let state = sample();
    assert_eq!(
        state.intake.medications, None,
        "medications were not answered"
    );
    assert_eq!(
        state.intake.symptoms,
        Some(vec![]),
        "symptoms were answered 'none'"
    );
    let Loaded::Ready {
        state: back,
        generation,
        ..
    } = decode(Some(&encode(&state, 9, "2026-11-21T11:00:00Z")))
    else {
        panic!()
    };
    assert_eq!(back, state);
    assert_eq!(generation, 9);
}

#[test]
fn truncated_or_foreign_bytes_are_unreadable_never_empty() {
    for raw in [
        r#"{"schema":7,"data":{"plan":"#,
        "",
        "null",
        "[]",
        r#"{"app":"other","schema":1,"generation":1,"saved_at":"","data":{}}"#,
    ] {
        assert!(
            matches!(decode(Some(raw)), Loaded::Unreadable { .. }),
            "{raw:?}"
        );
    }
    assert_eq!(decode(None), Loaded::Empty);
}

#[test]
fn a_document_with_a_wrong_typed_entry_is_quarantined_whole() {
    let raw = fixture("v1.json").replace(r#""week":1"#, r#""week":"first""#);
    assert!(matches!(decode(Some(&raw)), Loaded::Unreadable { .. }));
}

#[test]
fn a_newer_schema_opens_read_only_with_what_can_be_read() {
    let raw = fixture("v1.json").replace(
        r#""schema":1"#,
        &format!(r#""schema":{}"#, CURRENT_SCHEMA + 1),
    );
    match decode(Some(&raw)) {
        Loaded::Newer { schema, state, .. } => {
            assert_eq!(schema, CURRENT_SCHEMA + 1);
            assert_eq!(state.unwrap().selected.len(), 3);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn generation_is_read_without_parsing_the_whole_state() {
    assert_eq!(generation_of(Some(&fixture("v1.json"))), Some(7));
    assert_eq!(generation_of(Some("garbage")), None);
    assert_eq!(generation_of(None), None);
}

#[test]
fn deeply_nested_json_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(decode(Some(&deep)), Loaded::Unreadable { .. }));
    assert!(backup::import(deep.as_bytes()).is_err());
}

#[test]
fn a_backup_restores_exactly_what_was_exported() {
    let state = sample();
    let file = backup::export(&state, "2026-11-21T12:00:00Z");
    assert!(file.contains(r#""format": "mosaic-backup""#));
    let preview = backup::import(file.as_bytes()).unwrap();
    assert_eq!(preview.state, state);
    assert_eq!(preview.exported_at, "2026-11-21T12:00:00Z");
    assert!(
        preview
            .summary
            .iter()
            .any(|l| l.contains("3 therapies chosen")),
        "{:?}",
        preview.summary
    );
}

#[test]
fn a_backup_with_only_intake_and_selected_is_valid() {
    let file = r#"{"format":"mosaic-backup","schema":1,"data":{"intake":{"age":50,"symptoms":[]},"selected":["yoga"]}}"#;
    let preview = backup::import(file.as_bytes()).unwrap();
    assert_eq!(preview.state.selected, vec!["yoga"]);
    assert_eq!(preview.state.intake.age, Some(50));
    assert!(preview.state.checkins.is_empty());
}

#[test]
fn bad_backups_are_refused_with_a_clear_message() {
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"{not json".to_vec(), "not a Mosaic backup"),
        (br#"{"format":"other","schema":1,"data":{}}"#.to_vec(), "format is \"other\""),
        (br#"{"format":"mosaic-backup","schema":99,"data":{}}"#.to_vec(), "newer version"),
        (br#"{"format":"mosaic-backup","schema":1,"data":{"intake":{"symptoms":["bogus"]}}}"#.to_vec(), "bogus"),
        (br#"{"format":"mosaic-backup","schema":1,"data":{"intake":{},"selected":["levitation"]}}"#.to_vec(), "levitation"),
        (vec![b' '; MAX_BYTES + 1], "too large"),
        (vec![0xff, 0xfe, 0x00], "not a text file"),
    ];
    for (bytes, expect) in cases {
        let err = backup::import(&bytes).unwrap_err();
        assert!(err.contains(expect), "expected {expect:?} in {err:?}");
    }
}

#[test]
fn the_validator_knows_the_same_not_sure_ids_as_the_wizard() {
    use mosaic::clinical::intake::Intake;
    use mosaic::store::limits::UNSURE_KEYS;
    use mosaic::ui::pages::intake::model::ListKey;
    let key = |k: ListKey| k.key();
    // Kept beside the intake: the lists "not sure" replaces as a whole.
    assert_eq!([key(ListKey::Sites), key(ListKey::Symptoms)], UNSURE_KEYS);
    // Kept in the intake: the lists where "not sure" sits beside ticks.
    assert_eq!(
        [
            key(ListKey::Conditions),
            key(ListKey::Medications),
            key(ListKey::Supplements)
        ],
        Intake::UNSURE_LISTS
    );
}

#[test]
fn one_bad_field_refuses_the_whole_backup_naming_that_field() {
    let state = sample();
    let good: serde_json::Value =
        serde_json::from_str(&backup::export(&state, "2026-11-21T12:00:00Z")).unwrap();
    let cases: Vec<(&str, serde_json::Value, &str)> = vec![
        (
            "/data/plan/per_week/yoga",
            serde_json::json!(99),
            "This backup was not restored and nothing was changed: `data.plan.per_week.yoga` is 99, but it must be from 1 to 2 (sessions a week in the usual course of Yoga).",
        ),
        (
            "/data/checkins/0/week",
            serde_json::json!(13),
            "This backup was not restored and nothing was changed: `data.checkins[0].week` is 13, but it must be a week of the plan, from 1 to 12.",
        ),
        (
            "/data/intake/practicalities/days/1",
            serde_json::json!(9),
            "This backup was not restored and nothing was changed: `data.intake.practicalities.days[1]` is 9, but it must be a whole number from 0 to 6.",
        ),
        (
            "/data/settings/crisis_line",
            serde_json::json!("Samaritans\n116 123"),
            "This backup was not restored and nothing was changed: `data.settings.crisis_line` must be a single line of plain text, without line breaks or control characters.",
        ),
    ];
    for (pointer, bad, expected) in cases {
        let mut file = good.clone();
        *file.pointer_mut(pointer).unwrap() = bad;
        let err = backup::import(file.to_string().as_bytes()).unwrap_err();
        assert_eq!(err, expected, "{pointer}");
    }
    let mut four = good.clone();
    four["data"]["intake"]["values"] = serde_json::json!({"goals": ["a", "b", "c", "d"]});
    assert_eq!(
        backup::import(four.to_string().as_bytes()).unwrap_err(),
        "This backup was not restored and nothing was changed: `data.intake.values.goals[3]`: there are 4 goals, but Mosaic keeps at most 3."
    );
}

//! Native tests of the storage codecs: envelope, migrations with fixtures, backups. No browser needed.

use mosaic::store::backup::{self, MAX_BYTES};
use mosaic::store::document::AppState;
use mosaic::store::envelope::{decode, encode, generation_of, is_later_save, Loaded};
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

#[test]
fn the_schema_3_fixture_keeps_side_effects_notes_and_red_flags() {
    use mosaic::clinical::progress::EffectLevel;
    let Loaded::Ready {
        state,
        stored_schema,
        generation,
    } = decode(Some(&fixture("v3.json")))
    else {
        panic!("the schema 3 fixture loads")
    };
    assert_eq!((stored_schema, generation), (3, 12));
    assert_eq!(state.checkins.len(), 3);
    let first = &state.checkins[0];
    assert!(first.effects.is_empty() && first.note.is_empty() && first.red_flags.is_none());
    let second = &state.checkins[1];
    let levels: Vec<(&str, EffectLevel, &str)> = second
        .effects
        .iter()
        .map(|(id, e)| (id.as_str(), e.level, e.text.as_str()))
        .collect();
    assert_eq!(
        levels,
        vec![
            ("exercise", EffectLevel::None, ""),
            (
                "mindfulness",
                EffectLevel::Mild,
                "Restless in the body scan"
            ),
            (
                "yoga",
                EffectLevel::Stopped,
                "Sore wrists; skipped the second class"
            ),
        ]
    );
    assert_eq!(second.note, "Busy week at work.");
    assert_eq!(second.side_effects, "Tired after yoga");
    assert_eq!(second.red_flags, Some(vec![]), "none of these");
    let third = &state.checkins[2];
    assert_eq!(third.effects["yoga"].level, EffectLevel::MedicalCare);
    assert_eq!(third.effects["yoga"].text, "Saw my GP about the wrist");
    assert_eq!(
        third.red_flags,
        Some(vec!["recent_fall_or_injury".to_string()])
    );
    // Written back, the new fields come out as they went in.
    let written: serde_json::Value =
        serde_json::from_str(&encode(&state, 13, "2026-11-29T09:00:00.000Z")).unwrap();
    let stored: serde_json::Value = serde_json::from_str(&fixture("v3.json")).unwrap();
    assert_eq!(written["schema"], 3);
    assert_eq!(written["data"]["checkins"], stored["data"]["checkins"]);
    // The review keeps the plan before it; the flare plan keeps the person's words and line breaks.
    assert_eq!(state.reviews.len(), 1);
    assert_eq!(
        state.reviews[0].before.selected,
        ["exercise", "yoga", "mindfulness", "acupuncture"]
    );
    assert_eq!(
        state.reviews[0].decisions["acupuncture"],
        mosaic::store::document::Decision::Stop
    );
    assert_eq!(state.flare.helps, "Heat pack\nShort walks");
    assert_eq!(written["data"]["reviews"], stored["data"]["reviews"]);
    assert_eq!(written["data"]["flare"], stored["data"]["flare"]);
}

#[test]
fn the_2_to_3_step_changes_no_data() {
    use mosaic::store::migrate::migrate;
    let stored: serde_json::Value = serde_json::from_str(&fixture("v2.json")).unwrap();
    let data = stored["data"].clone();
    assert_eq!(migrate(2, data.clone()), Ok(data.clone()));
    // Schema-3 fields found in a schema-2 document (a hand edit) are kept as they are, not dropped.
    let mut with_new = data;
    with_new["checkins"][0]["note"] = serde_json::json!("Kept");
    with_new["checkins"][0]["red_flags"] = serde_json::json!(["fainting"]);
    assert_eq!(migrate(2, with_new.clone()), Ok(with_new));
    assert_eq!(
        migrate(4, serde_json::json!({})),
        Err("the saved data is from a newer version of Mosaic (schema 4; this version reads up to 3)".to_string())
    );
}

#[test]
fn a_backup_of_schema_3_check_ins_restores_them_exactly_and_says_schema_3() {
    let Loaded::Ready { state, .. } = decode(Some(&fixture("v3.json"))) else {
        panic!("the schema 3 fixture loads")
    };
    let file = backup::export(&state, "2026-11-29T09:00:00.000Z");
    assert!(file.contains(r#""schema": 3,"#), "{file}");
    assert!(file.contains(r#""level": "medical_care""#), "{file}");
    let preview = backup::import(file.as_bytes()).unwrap();
    assert_eq!(preview.state, state);
    assert_eq!(
        preview.state.checkins[1].effects["yoga"].text,
        "Sore wrists; skipped the second class"
    );
    assert!(
        preview.summary.contains(&"3 weekly check-ins".to_string()),
        "{:?}",
        preview.summary
    );
    assert!(
        preview
            .summary
            .ends_with(&["1 plan review".to_string(), "A flare plan".to_string()]),
        "{:?}",
        preview.summary
    );
    // Saved and loaded again: the same state, generation and schema.
    match decode(Some(&encode(
        &preview.state,
        14,
        "2026-11-29T09:05:00.000Z",
    ))) {
        Loaded::Ready {
            state: back,
            generation,
            stored_schema,
        } => {
            assert_eq!(back, state);
            assert_eq!((generation, stored_schema), (14, 3));
        }
        other => panic!("{other:?}"),
    }
    // One bad new field refuses the whole backup, naming it.
    let mut bad: serde_json::Value = serde_json::from_str(&file).unwrap();
    bad["data"]["checkins"][2]["effects"]["yoga"]["level"] = serde_json::json!("awful");
    assert_eq!(
        backup::import(bad.to_string().as_bytes()).unwrap_err(),
        "This backup was not restored and nothing was changed: `data.checkins[2].effects.yoga.level`: \"awful\" is not a level of side effects Mosaic knows (expected one of: none, mild, stopped, medical_care)."
    );
}

/// ISO dates one week apart from 2026-01-05 (a Monday), `n` of them.
fn weekly_dates(n: usize) -> Vec<String> {
    let days_in = |y: u32, m: u32| match m {
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let (mut y, mut m, mut d) = (2026u32, 1u32, 5u32);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(format!("{y:04}-{m:02}-{d:02}"));
        d += 7;
        while d > days_in(y, m) {
            d -= days_in(y, m);
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    out
}

/// Three years of weekly check-ins (156), each with PEG, sleep, six therapies' sessions and side-effect levels
/// (no words), the red-flag questions answered and PHQ-4 every other week, a 300-character note (a short paragraph)
/// on every fourth (about one a month), a full intake (its free texts at their limits) and plan for those six
/// therapies, twelve reviews each keeping the full plan before it, and a flare plan with every text at its limit. With a note of the full 1000 characters every fourth week the document measured 106,937 bytes: the
/// budget holds for the format, and a person who writes that much owns the extra (README, "Measured budgets").
fn three_years_of_check_ins() -> AppState {
    let therapies = [
        "exercise",
        "yoga",
        "acupuncture",
        "massage",
        "mindfulness",
        "cbt",
    ];
    let levels = ["none", "mild", "stopped", "medical_care"];
    let checkins: Vec<serde_json::Value> = weekly_dates(156)
        .into_iter()
        .enumerate()
        .map(|(i, date)| {
            let sessions: serde_json::Map<String, serde_json::Value> = therapies
                .iter()
                .map(|t| (t.to_string(), serde_json::json!(2)))
                .collect();
            let effects: serde_json::Map<String, serde_json::Value> = therapies
                .iter()
                .enumerate()
                .map(|(k, t)| {
                    let level = levels[(i + k) % levels.len()];
                    (t.to_string(), serde_json::json!({ "level": level }))
                })
                .collect();
            let mut c = serde_json::json!({
                "date": date, "week": (i + 1).min(12),
                "peg": {"pain": 6, "enjoyment": 5, "activity": 4}, "sleep": 5,
                "sessions": sessions, "effects": effects,
                "red_flags": []
            });
            if !i.is_multiple_of(2) {
                c["mood"] = serde_json::json!({"nervous": 1, "worry": 1, "interest": 0, "down": 1});
            }
            if i.is_multiple_of(4) {
                c["note"] = serde_json::json!("n".repeat(300));
            }
            c
        })
        .collect();
    let per_week: serde_json::Map<String, serde_json::Value> = [
        ("exercise", 5),
        ("yoga", 2),
        ("acupuncture", 2),
        ("massage", 3),
        ("mindfulness", 1),
        ("cbt", 1),
    ]
    .into_iter()
    .map(|(t, n)| (t.to_string(), serde_json::json!(n)))
    .collect();
    let days: serde_json::Map<String, serde_json::Value> = therapies
        .iter()
        .map(|t| (t.to_string(), serde_json::json!([0, 1, 2, 3, 4, 5, 6])))
        .collect();
    let consents: serde_json::Map<String, serde_json::Value> = therapies
        .iter()
        .map(|t| (t.to_string(), serde_json::json!({"date": "2026-01-05"})))
        .collect();
    // Twelve reviews, each deciding for all six therapies and keeping the full plan as it was before.
    let reviews: Vec<serde_json::Value> = (0..12)
        .map(|k| {
            let decisions: serde_json::Map<String, serde_json::Value> = therapies
                .iter()
                .map(|t| {
                    (
                        t.to_string(),
                        serde_json::json!(["continue", "adjust"][k % 2]),
                    )
                })
                .collect();
            let (date, week) = (&weekly_dates(156)[k * 13], [4, 8, 12][k % 3]);
            serde_json::json!({
                "date": date, "week": week, "decisions": decisions,
                "before": {"selected": therapies, "plan": {"per_week": per_week, "days": days}}
            })
        })
        .collect();
    let data = serde_json::json!({
        "intake": {
            "age": 58,
            "pain": {"primary": "low_back", "sites": ["neck", "knee_oa"], "duration_months": 30,
                     "peg": {"pain": 7, "enjoyment": 6, "activity": 6}},
            "mood": {"phq4": {"nervous": 1, "worry": 2, "interest": 1, "down": 1}, "self_harm": 0},
            "start_back": {"agree": [1, 2, 4, 7], "bothersome": "very_much"},
            "symptoms": [], "conditions": ["osteoporosis", "diabetes"],
            "medications": ["nsaid", "serotonergic", "diabetes_medicine"], "supplements": ["fish_oil", "turmeric"],
            "unsure": ["supplements"], "activity": "active",
            "values": {"what_matters": "w".repeat(1000),
                       "areas": [{"area": "moving", "now": 2, "want": 4}, {"area": "family", "now": 3, "want": 5}],
                       "goals": ["g".repeat(500), "h".repeat(500), "i".repeat(500)]},
            "practicalities": {"minutes_per_week": 300, "budget_per_month": 200, "days": [0, 1, 2, 3, 4, 5, 6],
                               "needles_ok": true, "touch_ok": true, "home_only": false}
        },
        "selected": therapies,
        "plan": {"per_week": per_week, "days": days},
        "checkins": checkins,
        "settings": {"crisis_line": "Samaritans 116 123", "large_text": true, "high_contrast": true},
        "unsure": ["sites"],
        "start_back_items": [true, true, false, true, false, false, true, false],
        "consents": consents,
        "reviews": reviews,
        "flare": {"signs": "s".repeat(1000), "helps_from_plan": therapies, "helps": "h".repeat(1000),
                  "reduce": "r".repeat(1000), "contacts": "c".repeat(1000)}
    });
    // Held to the same checks as a backup, so the budget is measured on a document the app could really hold.
    let file =
        serde_json::json!({"format": "mosaic-backup", "schema": 3, "data": data}).to_string();
    backup::import(file.as_bytes()).unwrap().state
}

#[test]
fn three_years_of_weekly_check_ins_with_a_full_plan_stay_under_100_kb() {
    const BUDGET_BYTES: usize = 102_400;
    let state = three_years_of_check_ins();
    assert_eq!(state.checkins.len(), 156);
    assert!(state
        .checkins
        .iter()
        .all(|c| c.effects.len() == 6 && c.sessions.len() == 6));
    assert_eq!(state.reviews.len(), 12);
    assert!(state
        .reviews
        .iter()
        .all(|r| r.decisions.len() == 6 && r.before.selected.len() == 6));
    assert_eq!(state.flare.contacts.len(), 1000);
    assert_eq!(
        state
            .checkins
            .iter()
            .filter(|c| c.note.len() == 300)
            .count(),
        39
    );
    let stored = encode(&state, 999_999, "2029-01-01T00:00:00.000Z").len();
    let exported = backup::export(&state, "2029-01-01T00:00:00.000Z").len();
    let mut without_notes = state.clone();
    without_notes
        .checkins
        .iter_mut()
        .for_each(|c| c.note.clear());
    let bare = encode(&without_notes, 999_999, "2029-01-01T00:00:00.000Z").len();
    eprintln!(
        "stored document: {stored} bytes ({bare} without the notes); backup file: {exported} bytes"
    );
    assert!(
        stored < BUDGET_BYTES,
        "the stored document is {stored} bytes, over the {BUDGET_BYTES}-byte budget (the backup file is {exported})"
    );
}

#[test]
fn the_crash_copy_comes_back_only_when_it_is_a_later_save_of_the_same_document() {
    let doc = |generation: u64, saved_at: &str| {
        format!(
            r#"{{"app":"mosaic","schema":3,"generation":{generation},"saved_at":"{saved_at}","data":{{}}}}"#
        )
    };
    let sealed = r#"{"app":"mosaic","schema":3,"generation":9,"saved_at":"2026-03-02T10:00:09Z","sealed":{"kdf":"PBKDF2-SHA256","iter":600000,"salt":"","iv":"","ct":""}}"#;
    let local = doc(7, "2026-03-02T10:00:07Z");
    // A later save that the browser lost from localStorage: put back.
    assert!(is_later_save(&doc(8, "2026-03-02T10:00:08Z"), &local));
    assert!(
        is_later_save(sealed, &local),
        "a sealed copy is compared by its clear header"
    );
    // The same or an older save: left alone.
    assert!(!is_later_save(&local, &local));
    assert!(!is_later_save(&doc(6, "2026-03-02T10:00:06Z"), &local));
    // A copy left from before a deletion: a higher generation, but saved before the new document was.
    assert!(!is_later_save(
        &doc(40, "2026-02-01T09:00:00Z"),
        &doc(2, "2026-03-02T10:00:02Z")
    ));
    // Anything that is not a document of ours, on either side.
    assert!(!is_later_save(
        r#"{"app":"other","generation":99,"saved_at":"2027-01-01T00:00:00Z"}"#,
        &local
    ));
    assert!(!is_later_save(&doc(8, "2026-03-02T10:00:08Z"), "{not json"));
    assert!(!is_later_save("", &local));
}

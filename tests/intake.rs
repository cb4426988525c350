//! Strict and lenient intake reading: unknown keys and IDs, ranges, and "not answered" versus "none".

use mosaic::clinical::intake::{Intake, IntakeError};

fn errors(json: &str) -> Vec<IntakeError> {
    Intake::parse_strict(json).expect_err("should be rejected")
}

fn paths(json: &str) -> Vec<String> {
    errors(json).into_iter().map(|e| e.path).collect()
}

#[test]
fn a_full_rules_example_intake_is_accepted() {
    let json = r#"{
      "age": 67,
      "pain": {"primary": "low_back", "sites": ["neck"], "duration_months": 14, "peg": {"pain": 6, "enjoyment": 6, "activity": 5}},
      "mood": {"phq4": {"nervous": 0, "worry": 1, "interest": 1, "down": 0}, "self_harm": 0},
      "start_back": {"agree": [1, 3, 4], "bothersome": "moderately"},
      "symptoms": ["pain_new_or_worse"], "conditions": ["heart_disease"], "medications": ["anticoagulant"],
      "supplements": ["fish_oil"], "activity": "inactive",
      "values": {"what_matters": "walking the dog", "areas": [{"area": "moving", "now": 2, "want": 4}], "goals": ["walk 20 min"]},
      "practicalities": {"minutes_per_week": 120, "budget_per_month": 80, "days": [0, 2, 4], "needles_ok": true, "touch_ok": false, "home_only": false}
    }"#;
    let intake = Intake::parse_strict(json).unwrap();
    assert_eq!(intake.age, Some(67));
    assert_eq!(intake.pain.unwrap().peg.unwrap().activity, Some(5));
}

#[test]
fn unknown_keys_are_reported_with_their_path() {
    assert_eq!(paths(r#"{"pain":{"pegg":{"pain":3}}}"#), ["pain.pegg"]);
    assert_eq!(paths(r#"{"agee":40}"#), ["agee"]);
    assert_eq!(
        paths(r#"{"mood":{"phq4":{"nervos":1}}}"#),
        ["mood.phq4.nervos"]
    );
    assert_eq!(
        paths(r#"{"values":{"areas":[{"area":"moving","nowish":2}]}}"#),
        ["values.areas[0].nowish"]
    );
    let e = &errors(r#"{"pain":{"pegg":{}}}"#)[0];
    assert!(
        e.message.contains("`pain.pegg`") && e.message.contains("peg"),
        "{}",
        e.message
    );
}

#[test]
fn unknown_ids_are_reported_by_name() {
    let cases = [
        (r#"{"symptoms":["fever"]}"#, "symptoms[0]", "fever"),
        (
            r#"{"conditions":["dvt","pregnent"]}"#,
            "conditions[1]",
            "pregnent",
        ),
        (
            r#"{"medications":["warfarin"]}"#,
            "medications[0]",
            "warfarin",
        ),
        (
            r#"{"supplements":["ginseng"]}"#,
            "supplements[0]",
            "ginseng",
        ),
        (r#"{"pain":{"primary":"back"}}"#, "pain.primary", "back"),
        (
            r#"{"pain":{"sites":["low_back","shoulder"]}}"#,
            "pain.sites[1]",
            "shoulder",
        ),
        (r#"{"activity":"sometimes"}"#, "activity", "sometimes"),
        (
            r#"{"start_back":{"bothersome":"very"}}"#,
            "start_back.bothersome",
            "very",
        ),
    ];
    for (json, path, id) in cases {
        let e = errors(json);
        assert_eq!(e.len(), 1, "{json}");
        assert_eq!(e[0].path, path);
        assert!(
            e[0].message.contains(&format!("\"{id}\"")),
            "{}",
            e[0].message
        );
    }
}

#[test]
fn out_of_range_values_are_errors() {
    let cases = [
        (r#"{"pain":{"peg":{"pain":11}}}"#, "pain.peg.pain"),
        (r#"{"pain":{"peg":{"activity":-1}}}"#, "pain.peg.activity"),
        (r#"{"mood":{"phq4":{"down":4}}}"#, "mood.phq4.down"),
        (r#"{"mood":{"self_harm":4}}"#, "mood.self_harm"),
        (r#"{"start_back":{"agree":[1,9]}}"#, "start_back.agree[1]"),
        (r#"{"start_back":{"agree":[0]}}"#, "start_back.agree[0]"),
        (r#"{"age":121}"#, "age"),
        (r#"{"age":-1}"#, "age"),
    ];
    for (json, path) in cases {
        assert_eq!(paths(json), [path], "{json}");
    }
    assert!(Intake::parse_strict(r#"{"age":0}"#).is_ok());
    assert!(
        Intake::parse_strict(r#"{"age":120,"pain":{"peg":{"pain":0,"enjoyment":10}}}"#).is_ok()
    );
    let e = &errors(r#"{"mood":{"self_harm":4}}"#)[0];
    assert!(e.message.contains("from 0 to 3"), "{}", e.message);
}

#[test]
fn wrong_types_are_errors_with_a_readable_message() {
    assert_eq!(paths(r#"{"age":"forty"}"#), ["age"]);
    assert_eq!(paths(r#"{"age":40.5}"#), ["age"]);
    assert_eq!(paths(r#"{"conditions":"dvt"}"#), ["conditions"]);
    assert_eq!(paths(r#"{"conditions":[null]}"#), ["conditions[0]"]);
    assert_eq!(paths(r#"{"pain":7}"#), ["pain"]);
    let e = &errors(r#"{"age":"forty"}"#)[0];
    assert!(
        e.message.contains("whole number") && e.message.contains("forty"),
        "{}",
        e.message
    );
    assert_eq!(paths("[]"), [""]);
    assert_eq!(paths("{not json"), [""]);
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let mut p = paths(r#"{"agee":1,"pain":{"peg":{"pain":12}},"conditions":["x","y"]}"#);
    p.sort();
    assert_eq!(
        p,
        ["agee", "conditions[0]", "conditions[1]", "pain.peg.pain"]
    );
}

#[test]
fn null_and_missing_mean_not_answered_and_empty_means_none() {
    let missing = Intake::parse_strict("{}").unwrap();
    let null = Intake::parse_strict(
        r#"{"age":null,"pain":null,"mood":{"phq4":null,"self_harm":null},"medications":null,"activity":null,"values":{"areas":null,"goals":null}}"#,
    )
    .unwrap();
    let empty = Intake::parse_strict(r#"{"medications":[]}"#).unwrap();
    assert_eq!(missing.medications, None);
    assert_eq!(null.medications, None);
    assert_eq!(null.mood.unwrap().self_harm, None);
    assert_eq!(empty.medications, Some(vec![]));
    // The distinction survives a save and a reload.
    let saved = serde_json::to_string(&empty).unwrap();
    assert_eq!(saved, r#"{"medications":[]}"#);
    assert_eq!(Intake::parse_lenient(&saved).unwrap(), empty);
    assert_eq!(serde_json::to_string(&missing).unwrap(), "{}");
}

#[test]
fn lenient_reading_keeps_unknown_ids_and_ignores_unknown_keys() {
    let json = r#"{"future_field":{"x":1},"conditions":["dvt","brand_new_condition"],"pain":{"primary":"shoulder","pegg":1},"activity":"sometimes"}"#;
    let intake = Intake::parse_lenient(json).unwrap();
    assert_eq!(intake.conditions.unwrap(), ["dvt", "brand_new_condition"]);
    assert_eq!(intake.pain.unwrap().primary.as_deref(), Some("shoulder"));
    assert_eq!(intake.activity.as_deref(), Some("sometimes"));
}

#[test]
fn lenient_reading_fails_only_on_malformed_json_or_wrong_types() {
    assert!(Intake::parse_lenient("{").is_err());
    let e = Intake::parse_lenient(r#"{"age":"forty"}"#).unwrap_err();
    assert!(e.contains("could not be read"), "{e}");
    assert!(Intake::parse_lenient(r#"{"pain":{"peg":{"pain":11}}}"#).is_ok());
}

#[test]
fn unsure_names_only_the_three_lists_and_each_once() {
    let read =
        Intake::parse_strict(r#"{"conditions":["osteoporosis"],"unsure":["conditions"]}"#).unwrap();
    assert_eq!(read.unsure, ["conditions"]);
    assert!(read.list_unknown("conditions"));
    // A list never answered is unknown whether or not it is named.
    assert!(read.list_unknown("medications"));
    let sure = Intake::parse_strict(r#"{"medications":[]}"#).unwrap();
    assert!(!sure.list_unknown("medications"));
    assert_eq!(paths(r#"{"unsure":["symptoms"]}"#), ["unsure[0]"]);
    assert_eq!(
        paths(r#"{"unsure":["medications","medications"]}"#),
        ["unsure[1]"]
    );
    let e = &errors(r#"{"unsure":["age"]}"#)[0];
    assert_eq!(
        e.message,
        "`unsure[0]`: \"age\" is not a list that can be answered \"not sure\" (expected one of: conditions, medications, supplements)."
    );
    // Written back only when it names something, so older intakes keep their exact shape.
    let plain = Intake::parse_strict(r#"{"conditions":[]}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&plain).unwrap(),
        r#"{"conditions":[]}"#
    );
}

use super::*;
use serde_json::json;

/// The problems found in `data`, as (path, message) pairs.
fn problems(data: Value) -> Vec<(String, String)> {
    match validate_data(&data) {
        Ok(_) => Vec::new(),
        Err(found) => found.into_iter().map(|p| (p.path, p.message)).collect(),
    }
}

#[test]
fn each_rule_refuses_its_field_with_a_message_naming_it() {
    let long = |n: usize| "x".repeat(n);
    let cases: Vec<(Value, &str, String)> = vec![
        // At most three goals.
        (
            json!({"intake": {"values": {"goals": ["a", "b", "c", "d"]}}}),
            "data.intake.values.goals[3]",
            "`data.intake.values.goals[3]`: there are 4 goals, but Mosaic keeps at most 3.".into(),
        ),
        // Free texts within the screens' limits.
        (
            json!({"intake": {"values": {"goals": [long(501)]}}}),
            "data.intake.values.goals[0]",
            "`data.intake.values.goals[0]` is 501 characters long, but a goal can be at most 500.".into(),
        ),
        (
            json!({"intake": {"values": {"goals": ["walk\nswim"]}}}),
            "data.intake.values.goals[0]",
            "`data.intake.values.goals[0]` must be a single line of plain text, without line breaks or control characters.".into(),
        ),
        (
            json!({"intake": {"values": {"goals": ["  "]}}}),
            "data.intake.values.goals[0]",
            "`data.intake.values.goals[0]` is empty; a goal needs some words (leave empty goals out).".into(),
        ),
        (
            json!({"intake": {"values": {"what_matters": long(1001)}}}),
            "data.intake.values.what_matters",
            "`data.intake.values.what_matters` is 1001 characters long, but what matters to you can be at most 1000.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "side_effects": long(1001)}]}),
            "data.checkins[0].side_effects",
            "`data.checkins[0].side_effects` is 1001 characters long, but a side-effects note can be at most 1000.".into(),
        ),
        // The crisis line: one short line of plain text.
        (
            json!({"settings": {"crisis_line": long(121)}}),
            "data.settings.crisis_line",
            "`data.settings.crisis_line` is 121 characters long, but the crisis line can be at most 120.".into(),
        ),
        (
            json!({"settings": {"crisis_line": "Call 116 123\nor 999"}}),
            "data.settings.crisis_line",
            "`data.settings.crisis_line` must be a single line of plain text, without line breaks or control characters.".into(),
        ),
        (
            json!({"settings": {"crisis_line": 116123}}),
            "data.settings.crisis_line",
            "`data.settings.crisis_line` should be text, but it is the number 116123.".into(),
        ),
        (
            json!({"settings": {"large_text": "yes"}}),
            "data.settings.large_text",
            "`data.settings.large_text` should be true or false, but it is the text \"yes\".".into(),
        ),
        (
            json!({"settings": {"font": "big"}}),
            "data.settings.font",
            "`data.settings.font` is not a field Mosaic knows (expected one of: crisis_line, large_text, high_contrast).".into(),
        ),
        // Sessions a week within the therapy's usual course (yoga: 1–2; sleep and stress skills: 7).
        (
            json!({"plan": {"per_week": {"yoga": 99}}}),
            "data.plan.per_week.yoga",
            "`data.plan.per_week.yoga` is 99, but it must be from 1 to 2 (sessions a week in the usual course of Yoga).".into(),
        ),
        (
            json!({"plan": {"per_week": {"sleep_stress": 3}}}),
            "data.plan.per_week.sleep_stress",
            "`data.plan.per_week.sleep_stress` is 3, but it must be 7 (sessions a week in the usual course of Sleep and stress management).".into(),
        ),
        (
            json!({"plan": {"per_week": {"fish_oil": 1}}}),
            "data.plan.per_week.fish_oil",
            "`data.plan.per_week.fish_oil`: Fish oil (omega-3) has no weekly course, so its sessions a week cannot be set.".into(),
        ),
        (
            json!({"plan": {"per_week": {"reiki": 1}}}),
            "data.plan.per_week.reiki",
            "`data.plan.per_week.reiki`: \"reiki\" is not a therapy Mosaic knows; check the spelling.".into(),
        ),
        // Days 0–6, each once.
        (
            json!({"plan": {"days": {"yoga": [0, 7]}}}),
            "data.plan.days.yoga[1]",
            "`data.plan.days.yoga[1]` is 7, but it must be a day from 0 (Monday) to 6 (Sunday).".into(),
        ),
        (
            json!({"plan": {"days": {"yoga": [2, 2]}}}),
            "data.plan.days.yoga[1]",
            "`data.plan.days.yoga[1]`: Wednesday (2) is listed twice.".into(),
        ),
        (
            json!({"plan": {"days": {"levitation": [1]}}}),
            "data.plan.days.levitation",
            "`data.plan.days.levitation`: \"levitation\" is not a therapy Mosaic knows; check the spelling.".into(),
        ),
        (
            json!({"plan": {"weeks": 20}}),
            "data.plan.weeks",
            "`data.plan.weeks` is not a field Mosaic knows (expected one of: per_week, days).".into(),
        ),
        // Weeks within the plan.
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 13}]}),
            "data.checkins[0].week",
            "`data.checkins[0].week` is 13, but it must be a week of the plan, from 1 to 12.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 0}]}),
            "data.checkins[0].week",
            "`data.checkins[0].week` is 0, but it must be a week of the plan, from 1 to 12.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02"}]}),
            "data.checkins[0].week",
            "`data.checkins[0].week` is missing; every check-in needs the week of the plan it belongs to.".into(),
        ),
        // Check-in values within their scales, dates valid.
        (
            json!({"checkins": [{"date": "2026-13-02", "week": 1}]}),
            "data.checkins[0].date",
            "`data.checkins[0].date` should be a date such as \"2026-03-02\", but it is the text \"2026-13-02\".".into(),
        ),
        (
            json!({"checkins": [{"week": 1}]}),
            "data.checkins[0].date",
            "`data.checkins[0].date` is missing; every check-in needs its date, such as \"2026-03-02\".".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "peg": {"pain": 11}}]}),
            "data.checkins[0].peg.pain",
            "`data.checkins[0].peg.pain` is 11, but it must be a whole number from 0 to 10.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "sleep": -1}]}),
            "data.checkins[0].sleep",
            "`data.checkins[0].sleep` is -1, but it must be a whole number from 0 to 10.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "mood": {"worry": 4}}]}),
            "data.checkins[0].mood.worry",
            "`data.checkins[0].mood.worry` is 4, but it must be a whole number from 0 to 3.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "sessions": {"reiki": 1}}]}),
            "data.checkins[0].sessions.reiki",
            "`data.checkins[0].sessions.reiki`: \"reiki\" is not a therapy Mosaic knows; check the spelling.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "sessions": {"yoga": 300}}]}),
            "data.checkins[0].sessions.yoga",
            "`data.checkins[0].sessions.yoga` is 300, but it must be a whole number of sessions.".into(),
        ),
        // Every ID in every field.
        (
            json!({"selected": ["yoga", "levitation"]}),
            "data.selected[1]",
            "`data.selected[1]`: \"levitation\" is not a therapy Mosaic knows; check the spelling.".into(),
        ),
        (
            json!({"selected": ["yoga", "yoga"]}),
            "data.selected[1]",
            "`data.selected[1]`: \"yoga\" is chosen twice.".into(),
        ),
        (
            json!({"selected": "yoga"}),
            "data.selected",
            "`data.selected` should be a list of therapy IDs ([] for none), but it is the text \"yoga\".".into(),
        ),
        (
            json!({"consents": {"reiki": {"date": "2026-03-02"}}}),
            "data.consents.reiki",
            "`data.consents.reiki`: \"reiki\" is not a therapy Mosaic knows; check the spelling.".into(),
        ),
        (
            json!({"intake": {"values": {"areas": [{"area": "wealth", "now": 2}]}}}),
            "data.intake.values.areas[0].area",
            "`data.intake.values.areas[0].area`: \"wealth\" is not a Whole-Health area Mosaic knows (expected one of: moving, recharge, food, personal_development, family, spirit, surroundings, mind).".into(),
        ),
        (
            json!({"intake": {"conditions": ["werewolf"]}}),
            "data.intake.conditions[0]",
            "`data.intake.conditions[0]`: \"werewolf\" is not a known health condition ID; check the spelling.".into(),
        ),
        (
            json!({"unsure": ["age"]}),
            "data.unsure[0]",
            "`data.unsure[0]`: \"age\" is not a question that can be answered \"not sure\" (expected one of: sites, symptoms).".into(),
        ),
        (
            json!({"unsure": ["medications"]}),
            "data.unsure[0]",
            "`data.unsure[0]`: \"medications\" is not a question that can be answered \"not sure\" (expected one of: sites, symptoms).".into(),
        ),
        (
            json!({"intake": {"unsure": ["age"]}}),
            "data.intake.unsure[0]",
            "`data.intake.unsure[0]`: \"age\" is not a list that can be answered \"not sure\" (expected one of: conditions, medications, supplements).".into(),
        ),
        (
            json!({"start_back_items": [true, false, null, true, true, true, true, true, false]}),
            "data.start_back_items",
            "`data.start_back_items` has 9 answers, but STarT Back has 8 agree or disagree items.".into(),
        ),
        // Days 0–6 in the intake too (the strict intake reader, with the backup's path).
        (
            json!({"intake": {"practicalities": {"days": [7]}}}),
            "data.intake.practicalities.days[0]",
            "`data.intake.practicalities.days[0]` is 7, but it must be a whole number from 0 to 6.".into(),
        ),
        (
            json!({"intake": "none"}),
            "data.intake",
            "`data.intake` should be a group of fields such as `age` and `pain` (a JSON object), but it is the text \"none\".".into(),
        ),
    ];
    for (data, path, message) in cases {
        let found = problems(data.clone());
        assert_eq!(found, vec![(path.to_string(), message)], "data: {data}");
    }
}

#[test]
fn values_at_the_limits_are_accepted() {
    let data = json!({
        "intake": {"values": {
            "what_matters": "x".repeat(1000),
            "goals": ["g".repeat(500), "Walk to the shops", "Sleep through"],
            "areas": [{"area": "moving", "now": 2, "want": 4}, {"area": "mind"}]
        }, "practicalities": {"days": [0, 6]}, "medications": ["nsaid"], "unsure": ["medications"]},
        "selected": ["yoga", "mindfulness", "fish_oil"],
        "plan": {"per_week": {"yoga": 2, "exercise": 5}, "days": {"yoga": [0, 6]}},
        "checkins": [{"date": "2026-03-02", "week": 12, "peg": {"pain": 10, "enjoyment": 0, "activity": null},
                      "sleep": 0, "mood": {"nervous": 3}, "sessions": {"yoga": 2}, "side_effects": "y".repeat(1000)}],
        "settings": {"crisis_line": format!("Samaritans\t116 123 {}", "é".repeat(100)), "large_text": true, "high_contrast": false},
        "unsure": ["symptoms"],
        "start_back_items": [true, null, false],
        "consents": {"yoga": {"date": "2026-03-02"}},
        "from_a_newer_build": {"kept": ["as", "is"]}
    });
    let state = validate_data(&data).unwrap();
    assert_eq!(state.selected, vec!["yoga", "mindfulness", "fish_oil"]);
    assert_eq!(state.plan.per_week.get("yoga"), Some(&2));
    assert!(state.extra.contains_key("from_a_newer_build"));
}

#[test]
fn lengths_are_counted_as_the_browser_counts_maxlength() {
    // "😀" is two UTF-16 code units, so 61 of them are 122 characters for `maxlength`.
    let found = problems(json!({"settings": {"crisis_line": "😀".repeat(61)}}));
    assert_eq!(
        found,
        vec![(
            "data.settings.crisis_line".to_string(),
            "`data.settings.crisis_line` is 122 characters long, but the crisis line can be at most 120.".to_string()
        )]
    );
}

#[test]
fn null_is_refused_where_a_field_has_no_not_answered() {
    let found = problems(json!({"selected": null, "settings": {"crisis_line": null}}));
    assert_eq!(
        found,
        vec![
            (
                "data.selected".to_string(),
                "`data.selected` should be a list of therapy IDs ([] for none), but it is empty (null).".to_string()
            ),
            (
                "data.settings.crisis_line".to_string(),
                "`data.settings.crisis_line` should be text, but it is empty (null).".to_string()
            ),
        ]
    );
}

#[test]
fn export_times_are_checked() {
    assert_eq!(check_exported_at(""), Ok(()));
    assert_eq!(check_exported_at("2026-11-21T12:00:00.000Z"), Ok(()));
    for bad in [
        "now",
        "2026-11-21\n<script>",
        &format!("2026-11-21T{}", "9".repeat(40)),
    ] {
        let p = check_exported_at(bad).unwrap_err();
        assert_eq!(p.path, "exported_at", "{bad}");
    }
}

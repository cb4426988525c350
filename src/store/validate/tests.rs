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
        // Schema 3: each therapy's side effects, the week's note and the red-flag questions asked again.
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "effects": ["yoga"]}]}),
            "data.checkins[0].effects",
            "`data.checkins[0].effects` should be a group of fields (a JSON object), but it is a list.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "effects": {"reiki": {"level": "mild"}}}]}),
            "data.checkins[0].effects.reiki",
            "`data.checkins[0].effects.reiki`: \"reiki\" is not a therapy Mosaic knows; check the spelling.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "effects": {"yoga": "mild"}}]}),
            "data.checkins[0].effects.yoga",
            "`data.checkins[0].effects.yoga` should be how much its side effects mattered, such as {\"level\": \"mild\"}, but it is the text \"mild\".".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "effects": {"yoga": {"text": "Sore wrists"}}}]}),
            "data.checkins[0].effects.yoga.level",
            "`data.checkins[0].effects.yoga.level` is missing; say how much the side effects mattered (one of: none, mild, stopped, medical_care).".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "effects": {"yoga": {"level": "severe"}}}]}),
            "data.checkins[0].effects.yoga.level",
            "`data.checkins[0].effects.yoga.level`: \"severe\" is not a level of side effects Mosaic knows (expected one of: none, mild, stopped, medical_care).".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "effects": {"yoga": {"level": 2}}}]}),
            "data.checkins[0].effects.yoga.level",
            "`data.checkins[0].effects.yoga.level` should be one of: none, mild, stopped, medical_care, but it is the number 2.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "effects": {"yoga": {"level": "mild", "text": long(1001)}}}]}),
            "data.checkins[0].effects.yoga.text",
            "`data.checkins[0].effects.yoga.text` is 1001 characters long, but a side-effects note can be at most 1000.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "effects": {"yoga": {"level": "mild", "text": null}}}]}),
            "data.checkins[0].effects.yoga.text",
            "`data.checkins[0].effects.yoga.text` should be text, but it is empty (null).".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "effects": {"yoga": {"level": "mild", "when": "Tuesday"}}}]}),
            "data.checkins[0].effects.yoga.when",
            "`data.checkins[0].effects.yoga.when` is not a field Mosaic knows (expected one of: level, text).".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "note": long(1001)}]}),
            "data.checkins[0].note",
            "`data.checkins[0].note` is 1001 characters long, but the note of a check-in can be at most 1000.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "note": ["Busy week"]}]}),
            "data.checkins[0].note",
            "`data.checkins[0].note` should be text, but it is a list.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "red_flags": "none"}]}),
            "data.checkins[0].red_flags",
            "`data.checkins[0].red_flags` should be a list of red-flag symptom IDs ([] for none of these, null when not answered), but it is the text \"none\".".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "red_flags": ["fainting", "dizzy"]}]}),
            "data.checkins[0].red_flags[1]",
            "`data.checkins[0].red_flags[1]`: \"dizzy\" is not a known symptom ID; check the spelling.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "red_flags": ["fainting", "fainting"]}]}),
            "data.checkins[0].red_flags[1]",
            "`data.checkins[0].red_flags[1]`: \"fainting\" is ticked twice.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "red_flags": [7]}]}),
            "data.checkins[0].red_flags[0]",
            "`data.checkins[0].red_flags[0]` should be text, but it is the number 7.".into(),
        ),
        (
            json!({"checkins": [{"date": "2026-03-02", "week": 1, "mood_note": "fine"}]}),
            "data.checkins[0].mood_note",
            "`data.checkins[0].mood_note` is not a field Mosaic knows (expected one of: date, week, peg, sleep, mood, sessions, side_effects, effects, note, red_flags).".into(),
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

#[test]
fn a_full_schema_3_check_in_is_accepted_and_read_with_every_field() {
    use crate::clinical::progress::{EffectLevel, SideEffect};
    let data = json!({
        "selected": ["yoga", "massage", "acupuncture", "cbt"],
        "checkins": [
            {"date": "2026-03-02", "week": 1, "peg": {"pain": 6, "enjoyment": 5, "activity": 5}, "sleep": 4,
             "mood": {"nervous": 1, "worry": 0, "interest": 1, "down": 0},
             "sessions": {"yoga": 1, "massage": 1, "acupuncture": 1, "cbt": 1},
             "side_effects": "A little stiff",
             "effects": {
                 "yoga": {"level": "none"},
                 "massage": {"level": "mild", "text": "Sore the next day"},
                 "acupuncture": {"level": "stopped", "text": "é".repeat(1000)},
                 "cbt": {"level": "medical_care", "text": ""}
             },
             "note": "n".repeat(1000),
             "red_flags": ["fainting", "calf_swelling"]},
            {"date": "2026-03-09", "week": 2, "red_flags": []},
            {"date": "2026-03-16", "week": 3, "red_flags": null, "effects": {}, "note": ""}
        ]
    });
    let state = validate_data(&data).unwrap();
    let first = &state.checkins[0];
    let effect = |level, text: &str| SideEffect {
        level,
        text: text.to_string(),
    };
    assert_eq!(
        first.effects.values().cloned().collect::<Vec<_>>(),
        vec![
            effect(EffectLevel::Stopped, &"é".repeat(1000)),
            effect(EffectLevel::MedicalCare, ""),
            effect(EffectLevel::Mild, "Sore the next day"),
            effect(EffectLevel::None, ""),
        ],
        "acupuncture, cbt, massage, yoga"
    );
    assert_eq!(first.note.len(), 1000);
    assert_eq!(
        first.red_flags,
        Some(vec!["fainting".to_string(), "calf_swelling".to_string()])
    );
    assert_eq!(state.checkins[1].red_flags, Some(vec![]), "none of these");
    assert_eq!(state.checkins[2].red_flags, None, "not answered");
}

#[test]
fn the_side_effect_levels_checked_are_the_ones_a_check_in_writes() {
    use crate::clinical::progress::EffectLevel;
    // A new level stops the build here until it is listed below and in `EFFECT_LEVELS`.
    let _every_level = |l: EffectLevel| match l {
        EffectLevel::None | EffectLevel::Mild | EffectLevel::Stopped | EffectLevel::MedicalCare => {
        }
    };
    let written: Vec<Value> = [
        EffectLevel::None,
        EffectLevel::Mild,
        EffectLevel::Stopped,
        EffectLevel::MedicalCare,
    ]
    .iter()
    .map(|l| serde_json::to_value(l).unwrap())
    .collect();
    assert_eq!(written, super::checkins::EFFECT_LEVELS.map(Value::from));
    assert_eq!(
        super::checkins::EFFECT_LEVELS,
        ["none", "mild", "stopped", "medical_care"]
    );
}

#[test]
fn a_flare_plan_is_read_as_written_and_each_wrong_part_is_named() {
    let plan = json!({"flare": {
        "signs": "Stiff in the morning",
        "helps_from_plan": ["yoga"],
        "helps": "Heat pack\nShort walks",
        "reduce": "Gardening",
        "contacts": "Dr Okafor 01632 960123"
    }});
    let state = validate_data(&plan).expect("a flare plan the page can write is accepted");
    assert_eq!(state.flare.helps_from_plan, vec!["yoga".to_string()]);
    assert_eq!(state.flare.helps, "Heat pack\nShort walks");

    let long = "x".repeat(1001);
    assert_eq!(
        problems(json!({"flare": {"contacts": long}})),
        vec![(
            "data.flare.contacts".to_string(),
            "`data.flare.contacts` is 1001 characters long, but who to call can be at most 1000."
                .to_string()
        )]
    );
    assert_eq!(
        problems(json!({"flare": {"helps_from_plan": ["yoga", "reiki", "yoga"]}})),
        vec![
            (
                "data.flare.helps_from_plan[1]".to_string(),
                "`data.flare.helps_from_plan[1]`: \"reiki\" is not a therapy Mosaic knows; check the spelling.".to_string()
            ),
            (
                "data.flare.helps_from_plan[2]".to_string(),
                "`data.flare.helps_from_plan[2]`: \"yoga\" is ticked twice.".to_string()
            ),
        ]
    );
    assert_eq!(
        problems(json!({"flare": {"mood": "low"}})),
        vec![(
            "data.flare.mood".to_string(),
            "`data.flare.mood` is not a field Mosaic knows (expected one of: signs, helps_from_plan, helps, reduce, contacts).".to_string()
        )]
    );
    assert_eq!(
        problems(json!({"flare": {"signs": 3}})),
        vec![(
            "data.flare.signs".to_string(),
            "`data.flare.signs` should be text, but it is the number 3.".to_string()
        )]
    );
}

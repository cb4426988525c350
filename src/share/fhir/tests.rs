//! The export of a realistic document, checked the way a clinician reading it would: which codes are there with
//! which values, what each check-in holds, what the plan says, what was left out. Every expected value is written
//! out from the answers (and the catalog's data), never computed with the exporter.

use super::bundle;
use crate::clinical::intake::{Intake, Mood, Pain, Peg, Phq4, Practicalities, StartBack, Values};
use crate::clinical::progress::{CheckIn, EffectLevel, SideEffect};
use crate::share::choices::ShareChoices;
use crate::store::document::AppState;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const NOW: &str = "2026-12-07T09:30:00.000Z";
const TODAY: &str = "2026-12-07";

/// Check-in dates, one a week from the plan's first day.
const DATES: [&str; 8] = [
    "2026-10-05",
    "2026-10-12",
    "2026-10-19",
    "2026-10-26",
    "2026-11-02",
    "2026-11-09",
    "2026-11-16",
    "2026-11-23",
];

/// 52, chronic low back pain, PEG 7/6/6, PHQ-4 1/2/1/1 with no self-harm thoughts, all nine STarT Back answers,
/// an NSAID (and not sure about other medicines), turmeric, massage + yoga + acupuncture, and 8 weekly check-ins.
fn doc() -> AppState {
    let intake = Intake {
        age: Some(52),
        pain: Some(Pain {
            primary: Some("low_back".into()),
            sites: Some(vec!["neck".into()]),
            duration_months: Some(30),
            peg: Some(Peg {
                pain: Some(7),
                enjoyment: Some(6),
                activity: Some(6),
            }),
        }),
        mood: Some(Mood {
            phq4: Some(Phq4 {
                nervous: Some(1),
                worry: Some(2),
                interest: Some(1),
                down: Some(1),
            }),
            self_harm: Some(0),
        }),
        // Agreed 1, 3, 5, 6, 7 and "very much" bothered: total 6, distress 4 (items 5–7 and 9): high risk.
        start_back: Some(StartBack {
            agree: Some(vec![1, 3, 5, 6, 7]),
            bothersome: Some("very_much".into()),
        }),
        symptoms: Some(vec![]),
        conditions: Some(vec![]),
        medications: Some(vec!["nsaid".into()]),
        supplements: Some(vec!["turmeric".into()]),
        unsure: vec!["medications".into()],
        activity: Some("inactive".into()),
        values: Some(Values {
            what_matters: Some("Playing with my grandchildren".into()),
            areas: vec![],
            goals: vec!["Walk 20 minutes without stopping".into()],
        }),
        practicalities: Some(Practicalities {
            minutes_per_week: Some(300),
            budget_per_month: None,
            days: Some(vec![0, 1, 3, 4]),
            needles_ok: Some(true),
            touch_ok: Some(true),
            home_only: Some(false),
        }),
    };
    let mut s = AppState {
        intake,
        selected: vec!["massage".into(), "yoga".into(), "acupuncture".into()],
        ..AppState::default()
    };
    s.plan.days.insert("yoga".into(), vec![0, 3]);
    s.plan.days.insert("massage".into(), vec![1]);
    s.plan.days.insert("acupuncture".into(), vec![4]);
    let pegs = [
        [7, 6, 6],
        [7, 6, 5],
        [6, 6, 5],
        [6, 5, 5],
        [6, 5, 4],
        [5, 5, 4],
        [5, 4, 4],
        [5, 4, 3],
    ];
    for (k, (date, peg)) in DATES.iter().zip(pegs).enumerate() {
        let week = k as u16 + 1;
        let mut c = CheckIn::with_peg(date, week, peg);
        c.sleep = Some(7 - k as u8 / 2);
        c.sessions.insert("massage".into(), 1);
        c.sessions.insert("yoga".into(), 2);
        if week >= 3 {
            c.sessions.insert("acupuncture".into(), 1);
        }
        if week.is_multiple_of(2) {
            c.mood = Some(Phq4 {
                nervous: Some(1),
                worry: Some(1),
                interest: Some(1),
                down: Some(0),
            });
        }
        if week == 2 {
            c.note = "Busy week at work".into();
        }
        if week == 3 {
            c.side_effects = "A bit sore after the massage".into();
            c.effects.insert(
                "massage".into(),
                SideEffect {
                    level: EffectLevel::Mild,
                    text: "Sore shoulders for a day".into(),
                },
            );
        }
        s.checkins.push(c);
    }
    s
}

/// The parsed bundle of `state` as shared with `choices`.
fn export_with(state: &AppState, choices: &ShareChoices) -> Value {
    let text = bundle(&choices.redact(state), choices, NOW);
    serde_json::from_str(&text).expect("the bundle is JSON")
}

fn export(state: &AppState) -> Value {
    export_with(state, &ShareChoices::default())
}

/// The resources of one type, in bundle order.
fn of_type<'a>(b: &'a Value, kind: &str) -> Vec<&'a Value> {
    b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

/// The Observations coded with this LOINC code.
fn coded<'a>(b: &'a Value, code: &str) -> Vec<&'a Value> {
    of_type(b, "Observation")
        .into_iter()
        .filter(|o| o["code"]["coding"][0]["code"] == code)
        .collect()
}

/// The one intake Observation with this code.
fn intake_obs<'a>(b: &'a Value, code: &str) -> &'a Value {
    let found: Vec<&Value> = coded(b, code)
        .into_iter()
        .filter(|o| o["effectiveDateTime"] == TODAY)
        .collect();
    assert_eq!(found.len(), 1, "one intake Observation {code}");
    found[0]
}

/// The full URL of the entry holding `resource`.
fn full_url<'a>(b: &'a Value, resource: &Value) -> &'a str {
    b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| &e["resource"] == resource)
        .and_then(|e| e["fullUrl"].as_str())
        .unwrap()
}

/// Every `http://loinc.org` code anywhere in the bundle.
fn loinc_codes(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            if map.get("system").and_then(Value::as_str) == Some("http://loinc.org") {
                if let Some(code) = map.get("code").and_then(Value::as_str) {
                    out.insert(code.to_string());
                }
            }
            map.values().for_each(|v| loinc_codes(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| loinc_codes(v, out)),
        _ => {}
    }
}

fn codes_of(b: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    loinc_codes(b, &mut out);
    out
}

/// Every `reference` value anywhere in the bundle.
fn references(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if let Some(r) = map.get("reference").and_then(Value::as_str) {
                out.push(r.to_string());
            }
            map.values().for_each(|v| references(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| references(v, out)),
        _ => {}
    }
}

/// The QuestionnaireResponse item with this linkId (searched through groups).
fn qr_item<'a>(b: &'a Value, link: &str) -> Option<&'a Value> {
    fn find<'a>(items: &'a Value, link: &str) -> Option<&'a Value> {
        items.as_array()?.iter().find_map(|i| {
            if i["linkId"] == link {
                Some(i)
            } else {
                find(&i["item"], link)
            }
        })
    }
    find(&of_type(b, "QuestionnaireResponse")[0]["item"], link)
}

#[test]
fn the_intake_peg_is_coded_with_its_mean_items_and_panel() {
    let b = export(&doc());
    let mean = intake_obs(&b, "91147-9");
    assert_eq!(mean["valueQuantity"]["value"], 6.3, "(7 + 6 + 6) / 3");
    assert_eq!(mean["valueQuantity"]["code"], "{score}");
    assert_eq!(mean["valueQuantity"]["system"], "http://unitsofmeasure.org");
    let components: Vec<(&str, i64)> = mean["component"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["code"]["coding"][0]["code"].as_str().unwrap(),
                c["valueInteger"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(components, [("75893-8", 7), ("91145-3", 6), ("91146-1", 6)]);
    let panel = intake_obs(&b, "91148-7");
    assert_eq!(
        panel["hasMember"][0]["reference"],
        full_url(&b, mean),
        "the panel holds the mean"
    );
    assert_eq!(mean["status"], "final");
    assert_eq!(mean["category"][0]["coding"][0]["code"], "survey");
    assert_eq!(
        mean["category"][0]["coding"][0]["system"],
        "http://terminology.hl7.org/CodeSystem/observation-category"
    );
}

#[test]
fn the_mood_answers_carry_the_phq_answer_codes_and_totals() {
    let b = export(&doc());
    let answer = |code: &str| {
        intake_obs(&b, code)["valueCodeableConcept"]["coding"][0]["code"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(answer("44250-9"), "LA6569-3", "interest: several days");
    assert_eq!(answer("44255-8"), "LA6569-3", "down: several days");
    assert_eq!(answer("69725-0"), "LA6569-3", "nervous: several days");
    assert_eq!(
        answer("68509-9"),
        "LA6570-1",
        "worry: more than half the days"
    );
    assert_eq!(answer("44260-8"), "LA6568-5", "self-harm: not at all");
    let phq2 = intake_obs(&b, "55758-7");
    assert_eq!(phq2["valueQuantity"]["value"], 2, "PHQ-2 = 1 + 1");
    let panel = intake_obs(&b, "55757-9");
    assert_eq!(
        panel["hasMember"].as_array().unwrap().len(),
        3,
        "two items and the total"
    );
}

#[test]
fn the_gad2_total_is_sent_as_text_without_a_loinc_code() {
    let b = export(&doc());
    let gad2: Vec<&Value> = of_type(&b, "Observation")
        .into_iter()
        .filter(|o| {
            o["code"]["text"] == "GAD-2 total score (computed by Mosaic; no LOINC code exists)"
        })
        .collect();
    // The intake (1 + 2) and the four mood check-ins (1 + 1 each).
    let values: Vec<i64> = gad2
        .iter()
        .map(|o| o["valueQuantity"]["value"].as_i64().unwrap())
        .collect();
    assert_eq!(values, [3, 2, 2, 2, 2]);
    for o in gad2 {
        assert!(o["code"].get("coding").is_none(), "no coding: {o}");
    }
    assert!(
        !codes_of(&b).contains("70274-6"),
        "never under the GAD-7 total's code"
    );
}

#[test]
fn start_back_has_its_nine_items_scores_and_high_risk() {
    let b = export(&doc());
    let items = [
        "91340-0", "91341-8", "91342-6", "91343-4", "91344-2", "91345-9", "91346-7", "91347-5",
        "91348-3",
    ];
    let answers: Vec<&str> = items
        .iter()
        .map(|c| {
            intake_obs(&b, c)["valueCodeableConcept"]["text"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(
        answers,
        [
            "Agree",
            "Disagree",
            "Agree",
            "Disagree",
            "Agree",
            "Agree",
            "Agree",
            "Disagree",
            "Very much"
        ]
    );
    assert_eq!(intake_obs(&b, "91351-7")["valueQuantity"]["value"], 6);
    assert_eq!(intake_obs(&b, "91350-9")["valueQuantity"]["value"], 4);
    let risk = &intake_obs(&b, "91352-5")["valueCodeableConcept"]["coding"][0];
    assert_eq!(
        (&risk["code"], &risk["display"]),
        (&"LA9193-9".into(), &"High".into())
    );
    let panel = intake_obs(&b, "91349-1");
    let members: Vec<&str> = panel["hasMember"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["reference"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = items
        .iter()
        .chain(&["91350-9", "91351-7", "91352-5"])
        .map(|c| full_url(&b, intake_obs(&b, c)))
        .collect();
    assert_eq!(
        members, expected,
        "items in instrument order, then the scores"
    );
}

#[test]
fn every_issue_code_is_present_and_nothing_else_from_loinc() {
    let b = export(&doc());
    let expected: BTreeSet<String> = [
        "91147-9", "75893-8", "91145-3", "91146-1", "91148-7", "55757-9", "44250-9", "44255-8",
        "55758-7", "69725-0", "68509-9", "44260-8", "91349-1", "91340-0", "91341-8", "91342-6",
        "91343-4", "91344-2", "91345-9", "91346-7", "91347-5", "91348-3", "91350-9", "91351-7",
        "91352-5", "LA6568-5", "LA6569-3", "LA6570-1", "LA9193-9",
    ]
    .map(String::from)
    .into();
    assert_eq!(codes_of(&b), expected);
}

#[test]
fn each_check_in_is_a_dated_set_of_observations() {
    let b = export(&doc());
    let per_date: BTreeMap<&str, usize> = DATES
        .iter()
        .map(|d| {
            let n = of_type(&b, "Observation")
                .iter()
                .filter(|o| o["effectiveDateTime"] == *d)
                .count();
            (*d, n)
        })
        .collect();
    // PEG + sleep + a sessions count per therapy; mood weeks add PHQ-2 (2 items, total, panel) and GAD-2 (2 items,
    // total); week 3 adds massage's side-effect level.
    let expected: BTreeMap<&str, usize> = DATES
        .into_iter()
        .zip([4, 11, 6, 12, 5, 12, 5, 12])
        .collect();
    assert_eq!(per_date, expected);
    let last: Vec<&Value> = coded(&b, "91147-9")
        .into_iter()
        .filter(|o| o["effectiveDateTime"] == "2026-11-23")
        .collect();
    assert_eq!(last[0]["valueQuantity"]["value"], 4.0, "(5 + 4 + 3) / 3");
    let sleep: Vec<&Value> = of_type(&b, "Observation")
        .into_iter()
        .filter(|o| o["effectiveDateTime"] == "2026-10-19")
        .filter(|o| {
            o["code"]["text"]
                .as_str()
                .unwrap()
                .starts_with("Sleep quality")
        })
        .collect();
    assert_eq!(sleep[0]["valueInteger"], 6);
    assert!(sleep[0]["code"]["text"]
        .as_str()
        .unwrap()
        .contains("0 (best possible) to 10 (worst possible)"));
    let effect: Vec<&Value> = of_type(&b, "Observation")
        .into_iter()
        .filter(|o| o["code"]["text"] == "Side effects of Massage that week")
        .collect();
    assert_eq!(effect.len(), 1);
    assert_eq!(effect[0]["valueString"], "Mild");
    let yoga: Vec<i64> = of_type(&b, "Observation")
        .into_iter()
        .filter(|o| o["code"]["text"] == "Sessions of Yoga done that week")
        .map(|o| o["valueInteger"].as_i64().unwrap())
        .collect();
    assert_eq!(yoga, [2; 8]);
}

#[test]
fn the_care_plan_schedules_each_plan_item_on_its_days() {
    let b = export(&doc());
    let plans = of_type(&b, "CarePlan");
    assert_eq!(plans.len(), 1);
    let plan = plans[0];
    assert_eq!(
        (&plan["status"], &plan["intent"]),
        (&"active".into(), &"proposal".into())
    );
    assert_eq!(plan["created"], NOW);
    assert_eq!(plan["period"]["start"], "2026-10-05", "the week-1 check-in");
    let activities = plan["activity"].as_array().unwrap();
    assert_eq!(activities.len(), 3, "massage, yoga and acupuncture");
    let yoga = activities
        .iter()
        .map(|a| &a["detail"])
        .find(|d| d["code"]["text"] == "Yoga")
        .expect("yoga is planned");
    let repeat = &yoga["scheduledTiming"]["repeat"];
    assert_eq!(repeat["dayOfWeek"], serde_json::json!(["mon", "thu"]));
    assert_eq!(repeat["frequency"], 2);
    assert_eq!(
        (&repeat["period"], &repeat["periodUnit"]),
        (&1.into(), &"wk".into())
    );
    assert_eq!(
        (&repeat["duration"], &repeat["durationUnit"]),
        (&75.into(), &"min".into())
    );
    assert_eq!(
        repeat["boundsDuration"]["value"], 12,
        "yoga's 12-week course"
    );
    assert_eq!(yoga["status"], "scheduled");
    assert!(yoga["description"]
        .as_str()
        .unwrap()
        .contains("One or two classes a week"));
    let massage = activities
        .iter()
        .map(|a| &a["detail"])
        .find(|d| d["code"]["text"] == "Massage")
        .unwrap();
    assert_eq!(
        massage["scheduledTiming"]["repeat"]["dayOfWeek"],
        serde_json::json!(["tue"])
    );
    assert_eq!(
        massage["scheduledTiming"]["repeat"]["boundsDuration"]["value"],
        8
    );
    let notes: Vec<&str> = plan["note"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    for name in ["Massage", "Yoga", "Acupuncture"] {
        assert!(
            notes
                .iter()
                .any(|n| n.starts_with(&format!("{name}: safety check: "))),
            "{name}'s safety status: {notes:?}"
        );
    }
    let goals: Vec<&str> = plan["goal"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["reference"].as_str().unwrap())
        .collect();
    let goal_urls: Vec<&str> = of_type(&b, "Goal")
        .iter()
        .map(|g| full_url(&b, g))
        .collect();
    assert_eq!(goals, goal_urls);
}

#[test]
fn goals_hold_the_persons_words_and_the_plans_other_goals() {
    let b = export(&doc());
    let goals = of_type(&b, "Goal");
    let texts: Vec<&str> = goals
        .iter()
        .map(|g| g["description"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts[0], "Walk 20 minutes without stopping");
    assert!(
        goals[0]["note"][0]["text"]
            .as_str()
            .unwrap()
            .contains("By week 12: Walk 20 minutes without stopping"),
        "the plan's time-bound version rides along"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("PEG score down from 6.3 to 5.3")),
        "{texts:?}"
    );
    for g in goals {
        assert_eq!(g["lifecycleStatus"], "proposed");
    }
}

#[test]
fn medicines_and_supplements_are_statements_and_the_unsure_list_says_so() {
    let b = export(&doc());
    let statements = of_type(&b, "MedicationStatement");
    let texts: Vec<&str> = statements
        .iter()
        .map(|s| s["medicationCodeableConcept"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "Anti-inflammatory painkillers, taken regularly",
            "Turmeric or curcumin supplements"
        ]
    );
    let note = |s: &Value| {
        s["note"][0]["text"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        note(statements[0]).contains("may be incomplete"),
        "medicines: not sure"
    );
    assert!(
        !note(statements[1]).contains("may be incomplete"),
        "supplements: sure"
    );
    for s in &statements {
        assert_eq!(s["status"], "active");
        assert_eq!(s["dateAsserted"], NOW);
    }
    let mut not_sure = doc();
    not_sure.intake.medications = None;
    let b = export(&not_sure);
    let statements = of_type(&b, "MedicationStatement");
    assert_eq!(statements.len(), 2);
    assert_eq!(
        statements[0]["status"], "unknown",
        "not sure, nothing ticked"
    );
    assert_eq!(
        statements[0]["medicationCodeableConcept"]["text"],
        "Not sure which regular medicines they take"
    );
    assert_eq!(
        statements[0]["note"][0]["text"],
        "The person was not sure about all their regular medicines: this list may be incomplete."
    );
    let no_supplements = ShareChoices {
        supplements: false,
        ..ShareChoices::default()
    };
    assert_eq!(
        of_type(&export_with(&doc(), &no_supplements), "MedicationStatement").len(),
        1,
        "supplements not shared"
    );
}

#[test]
fn not_sure_is_unknown_none_is_none_and_skipped_is_absent() {
    let b = export(&doc());
    let meds = qr_item(&b, "medications").unwrap();
    assert_eq!(
        meds["answer"][0]["valueString"],
        "Anti-inflammatory painkillers, taken regularly"
    );
    assert_eq!(meds["answer"][1]["valueCoding"]["code"], "asked-unknown");
    assert_eq!(
        qr_item(&b, "conditions").unwrap()["answer"][0]["valueString"],
        "None of these"
    );
    assert!(
        qr_item(&b, "practical.budget_per_month").is_none(),
        "skipped"
    );
    assert_eq!(qr_item(&b, "age").unwrap()["answer"][0]["valueInteger"], 52);
    // Warning signs: every question asked, each answered no (none ticked).
    let symptoms = qr_item(&b, "symptoms").unwrap()["item"].as_array().unwrap();
    assert!(symptoms.len() > 5);
    assert!(symptoms
        .iter()
        .all(|s| s["answer"][0]["valueBoolean"] == false));

    let mut unsure = doc();
    unsure.intake.conditions = None;
    unsure.intake.unsure.push("conditions".into());
    let b = export(&unsure);
    let conditions = qr_item(&b, "conditions").unwrap()["answer"]
        .as_array()
        .unwrap();
    assert_eq!(conditions.len(), 1);
    assert_eq!(
        conditions[0]["valueCoding"]["code"], "asked-unknown",
        "never \"none\""
    );
}

#[test]
fn without_mood_there_is_no_phq_or_gad_anywhere() {
    let choices = ShareChoices {
        mood: false,
        ..ShareChoices::default()
    };
    let b = export_with(&doc(), &choices);
    let codes = codes_of(&b);
    for code in [
        "55757-9", "44250-9", "44255-8", "55758-7", "69725-0", "68509-9", "44260-8", "LA6568-5",
        "LA6569-3", "LA6570-1", "LA6571-9",
    ] {
        assert!(!codes.contains(code), "{code} is gone");
    }
    let text = serde_json::to_string(&b).unwrap();
    assert!(!text.contains("GAD-2"), "no GAD-2 total either");
    assert!(qr_item(&b, "phq4.nervous").is_none());
    assert_eq!(
        qr_item(&b, "not_shared.mood").unwrap()["answer"][0]["valueString"],
        "Not shared"
    );
    assert!(codes.contains("91147-9"), "PEG is still there");
}

#[test]
fn notes_are_left_out_unless_ticked() {
    let default = serde_json::to_string(&export(&doc())).unwrap();
    for words in [
        "Busy week at work",
        "Sore shoulders for a day",
        "A bit sore after the massage",
    ] {
        assert!(!default.contains(words), "{words} is not shared by default");
    }
    let with_notes = ShareChoices {
        notes: true,
        ..ShareChoices::default()
    };
    let b = export_with(&doc(), &with_notes);
    let text = serde_json::to_string(&b).unwrap();
    for words in [
        "Busy week at work",
        "Sore shoulders for a day",
        "A bit sore after the massage",
    ] {
        assert!(text.contains(words), "{words} is shared when ticked");
    }
    assert!(qr_item(&b, "not_shared").is_none(), "nothing left out");
}

#[test]
fn the_same_document_exports_the_same_bundle() {
    let choices = ShareChoices::default();
    let first = bundle(&choices.redact(&doc()), &choices, NOW);
    assert_eq!(first, bundle(&choices.redact(&doc()), &choices, NOW));
    let mut other = doc();
    other.intake.age = Some(53);
    let second = bundle(&choices.redact(&other), &choices, NOW);
    let patient = |text: &str| {
        let b: Value = serde_json::from_str(text).unwrap();
        b["entry"][0]["fullUrl"].as_str().unwrap().to_string()
    };
    assert_ne!(
        patient(&first),
        patient(&second),
        "another document, other ids"
    );
}

#[test]
fn every_reference_resolves_to_an_entry_of_the_bundle() {
    let b = export(&doc());
    let urls: Vec<&str> = b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["fullUrl"].as_str().unwrap())
        .collect();
    let unique: BTreeSet<&str> = urls.iter().copied().collect();
    assert_eq!(unique.len(), urls.len(), "full URLs are unique");
    for url in &urls {
        let hex = url.strip_prefix("urn:uuid:").expect("a urn:uuid");
        let parts: Vec<usize> = hex.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12], "{url}");
        assert_eq!(&hex[14..15], "4", "version 4 shape: {url}");
        assert!("89ab".contains(&hex[19..20]), "variant bits: {url}");
    }
    let mut refs = Vec::new();
    references(&b, &mut refs);
    assert!(refs.len() > 100);
    for r in refs {
        assert!(unique.contains(r.as_str()), "{r} resolves");
    }
}

#[test]
fn everything_is_tagged_patient_reported_and_attributed_to_the_patient() {
    let b = export(&doc());
    assert_eq!(b["resourceType"], "Bundle");
    assert_eq!(
        (&b["type"], &b["timestamp"]),
        (&"collection".into(), &NOW.into())
    );
    let patient = b["entry"][0]["fullUrl"].as_str().unwrap();
    let patients = of_type(&b, "Patient");
    assert_eq!(patients.len(), 1);
    assert!(patients[0].get("name").is_none() && patients[0].get("identifier").is_none());
    for entry in b["entry"].as_array().unwrap() {
        let r = &entry["resource"];
        assert_eq!(
            r["meta"]["tag"][0]["code"], "patient-reported",
            "{}",
            r["resourceType"]
        );
        let by = match r["resourceType"].as_str().unwrap() {
            "QuestionnaireResponse" | "CarePlan" => &r["author"],
            "Observation" => &r["performer"][0],
            "MedicationStatement" => &r["informationSource"],
            "Goal" => &r["expressedBy"],
            _ => continue,
        };
        assert_eq!(by["reference"], patient, "{}", r["resourceType"]);
    }
    let qr = of_type(&b, "QuestionnaireResponse")[0];
    assert_eq!(
        (&qr["status"], &qr["authored"]),
        (&"completed".into(), &NOW.into())
    );
    assert_eq!(qr["source"]["reference"], patient);
}

#[test]
fn no_care_plan_when_the_screening_stops_the_plan() {
    let mut crisis = doc();
    crisis.intake.mood.as_mut().unwrap().self_harm = Some(2);
    let b = export(&crisis);
    assert!(of_type(&b, "CarePlan").is_empty());
    let goals = of_type(&b, "Goal");
    assert_eq!(goals.len(), 1, "only the person's own goal");
    assert_eq!(
        intake_obs(&b, "44260-8")["valueCodeableConcept"]["coding"][0]["code"],
        "LA6570-1",
        "the answer that stopped the plan is in the record"
    );
}

#[test]
fn every_code_in_loinc_json_names_its_source() {
    let data: Value = serde_json::from_str(include_str!("loinc.json")).unwrap();
    fn walk(v: &Value, seen: &mut usize) {
        match v {
            Value::Object(map) if map.contains_key("display") => {
                *seen += 1;
                assert!(
                    map.get("source")
                        .and_then(Value::as_str)
                        .is_some_and(|s| !s.is_empty()),
                    "{v}"
                );
                if map.contains_key("code") {
                    assert!(
                        map.get("verified").and_then(Value::as_bool).is_some(),
                        "{v}"
                    );
                }
            }
            Value::Object(map) => map.values().for_each(|v| walk(v, seen)),
            Value::Array(items) => items.iter().for_each(|v| walk(v, seen)),
            _ => {}
        }
    }
    let mut seen = 0;
    walk(&data, &mut seen);
    assert_eq!(seen, 34, "every entry was checked");
}

/// Writes the realistic bundle to the path in `MOSAIC_FHIR_SAMPLE`, for `e2e/fhir.mjs` to validate by hand.
#[test]
fn writes_the_sample_bundle_when_asked() {
    if let Ok(path) = std::env::var("MOSAIC_FHIR_SAMPLE") {
        let choices = ShareChoices {
            notes: true,
            ..ShareChoices::default()
        };
        std::fs::write(&path, bundle(&choices.redact(&doc()), &choices, NOW)).unwrap();
    }
}

#[test]
fn every_caution_of_a_planned_therapy_is_a_care_plan_note() {
    let mut weak_bones = doc();
    weak_bones.intake.conditions = Some(vec!["osteoporosis".into()]);
    let b = export(&weak_bones);
    let notes: Vec<String> = of_type(&b, "CarePlan")[0]["note"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap().to_string())
        .collect();
    // The messages of rules YOGA-OSTEOPOROSIS and MASSAGE-AREA in rules.json.
    for expected in [
        "Yoga: safety check: caution.",
        "Yoga, caution: With weaker bones, avoid loaded forward bends and twists; tell your teacher.",
        "Massage: safety check: caution.",
        "Massage, caution: Keep away from any broken bone, wound, operation site or flaring joint, and keep \
         pressure gentle where bones are weak.",
        "Acupuncture: safety check: allowed (no safety rule applied).",
    ] {
        assert!(notes.iter().any(|n| n == expected), "{expected}\nin {notes:#?}");
    }
}

#[test]
fn a_check_in_without_a_real_date_is_exported_undated() {
    let mut odd = doc();
    odd.checkins.truncate(1);
    odd.checkins[0].date = "05/10/2026".into();
    let b = export(&odd);
    assert!(of_type(&b, "CarePlan")[0].get("period").is_none());
    let undated = of_type(&b, "Observation")
        .into_iter()
        .filter(|o| o.get("effectiveDateTime").is_none())
        .count();
    assert_eq!(undated, 4, "PEG, sleep and two sessions counts");
}

#[test]
fn an_empty_document_exports_the_patient_and_what_was_left_out() {
    let b = export(&AppState::default());
    let types: Vec<&str> = b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["resource"]["resourceType"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["Patient", "QuestionnaireResponse"]);
    let items = of_type(&b, "QuestionnaireResponse")[0]["item"]
        .as_array()
        .unwrap();
    assert_eq!(items.len(), 1, "only the list of sections left out");
    assert_eq!(items[0]["item"][0]["linkId"], "not_shared.notes");
}

//! Benchmark in Chromium (README, "Measured budgets"): save and load of a full plan with three years of weekly
//! check-ins, twelve reviews and a flare plan.
//! Prints the figures (reported in the README); only the stored size, which is deterministic, is asserted.

use mosaic::clinical::intake::Intake;
use mosaic::clinical::progress::{CheckIn, EffectLevel, SideEffect};
use mosaic::store::document::{AppState, Decision, FlarePlan, PlanReview, PlanVersion};
use mosaic::store::envelope::{decode, encode, Loaded};
use mosaic::store::local::LocalStorage;
use mosaic::store::storage::Storage;
use std::collections::BTreeMap;
use wasm_bindgen_test::*;

const INTAKE: &str = r#"{"age":67,"pain":{"primary":"low_back","sites":["neck","knee_oa"],"duration_months":30,
"peg":{"pain":6,"enjoyment":6,"activity":5}},"mood":{"phq4":{"nervous":1,"worry":1,"interest":1,"down":0},"self_harm":0},
"start_back":{"agree":[1,3,4],"bothersome":"moderately"},"symptoms":[],"conditions":["osteoporosis","diabetes"],
"medications":["anticoagulant","nsaid"],"supplements":["fish_oil","turmeric"],"activity":"inactive",
"values":{"what_matters":"Playing with my grandchildren and gardening without paying for it the next day.",
"areas":[{"area":"moving","now":2,"want":4},{"area":"recharge","now":2,"want":4},{"area":"food","now":3,"want":4}],
"goals":["Walk to the park and back","Garden for an hour","Sleep through the night"]},
"practicalities":{"minutes_per_week":240,"budget_per_month":150,"days":[0,2,4,5],"needles_ok":true,"touch_ok":true,"home_only":false}}"#;

fn full_state() -> AppState {
    let intake: Intake = Intake::parse_lenient(INTAKE).expect("benchmark intake parses");
    let selected: Vec<String> = [
        "exercise",
        "yoga",
        "tai_chi",
        "acupuncture",
        "massage",
        "mindfulness",
        "cbt",
        "fish_oil",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let checkins = (0..156u16)
        .map(|w| {
            let mut sessions = BTreeMap::new();
            for t in ["exercise", "yoga", "acupuncture", "mindfulness"] {
                sessions.insert(t.to_string(), (w % 3) as u8 + 1);
            }
            CheckIn {
                date: format!(
                    "20{:02}-{:02}-{:02}",
                    26 + w / 52,
                    1 + (w % 52) / 5,
                    1 + w % 28
                ),
                week: w + 1,
                peg: mosaic::clinical::intake::Peg {
                    pain: Some((6 - (w % 5) as i16).max(0) as u8),
                    enjoyment: Some(5),
                    activity: Some(4),
                },
                sleep: Some(4),
                mood: None,
                sessions,
                side_effects: String::new(),
                // Schema 3: each therapy's side effects, a note about once a month, the red flags answered.
                effects: ["exercise", "yoga", "acupuncture", "mindfulness"]
                    .into_iter()
                    .map(|t| {
                        let effect = SideEffect {
                            level: if w % 4 == 0 { EffectLevel::Mild } else { EffectLevel::None },
                            text: if w % 4 == 0 && t == "acupuncture" {
                                "A little sore after the session, gone next day.".into()
                            } else {
                                String::new()
                            },
                        };
                        (t.to_string(), effect)
                    })
                    .collect(),
                note: if w % 4 == 0 {
                    "A busy month at work; I kept up the walks but missed two yoga classes. Sleep was better after week two.".into()
                } else {
                    String::new()
                },
                red_flags: Some(Vec::new()),
            }
        })
        .collect();
    // Twelve reviews (weeks 4, 8 and 12 over three years), each deciding for every therapy and keeping the plan
    // before it, and a flare plan in the person's words.
    let reviews = (0..12usize)
        .map(|k| PlanReview {
            date: format!("20{:02}-{:02}-15", 26 + k / 4, 1 + (k % 4) * 3),
            week: [4, 8, 12][k % 3],
            decisions: selected
                .iter()
                .map(|t| {
                    (
                        t.clone(),
                        if k % 2 == 0 {
                            Decision::Continue
                        } else {
                            Decision::Adjust
                        },
                    )
                })
                .collect(),
            before: PlanVersion {
                selected: selected.clone(),
                ..PlanVersion::default()
            },
        })
        .collect();
    let flare = FlarePlan {
        signs: "Stiff and sore in the morning, sleeping badly, snapping at people.".into(),
        helps_from_plan: vec!["yoga".into(), "mindfulness".into()],
        helps: "Heat pack on my back, a short slow walk, my breathing exercise, a film with my daughter.".into(),
        reduce: "Gardening and the long drive to my sister's for a few days, then build back up.".into(),
        contacts: "Dr Okafor at the practice 01632 960123; my physio Sam 01632 960456; my daughter Amy.".into(),
    };
    AppState {
        intake,
        selected,
        checkins,
        reviews,
        flare,
        ..AppState::default()
    }
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

#[wasm_bindgen_test]
fn save_and_load_three_years_of_check_ins() {
    let state = full_state();
    let key = "mosaic/bench";
    let runs = 50;
    let mut save = Vec::new();
    let mut load = Vec::new();
    let mut size = 0;
    for i in 0..runs {
        let t0 = now();
        let doc = encode(&state, i, "2026-11-21T12:00:00.000Z");
        LocalStorage.set_verified(key, &doc).expect("saved");
        let t1 = now();
        let raw = LocalStorage.get(key).unwrap();
        let loaded = decode(raw.as_deref());
        let t2 = now();
        assert!(matches!(loaded, Loaded::Ready { state: ref s, .. } if s.checkins.len() == 156));
        size = doc.len();
        save.push(t1 - t0);
        load.push(t2 - t1);
    }
    LocalStorage.remove(key);
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2]
    };
    let line = format!(
        "store bench: save median {:.2} ms, load median {:.2} ms, stored {:.1} KB (156 weekly check-ins, 8 therapies, 12 reviews, a flare plan; budget 5 ms each, 100 KB)",
        median(&mut save),
        median(&mut load),
        size as f64 / 1024.0
    );
    web_sys::console::log_1(&line.clone().into());
    assert!(size <= 100 * 1024, "stored size over budget: {line}");
}

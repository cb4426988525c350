//! The rule book names only known IDs and matches the RULES contract; tricky rules behave as RULES §2 says.

#[path = "screening/derived.rs"]
mod derived;
#[cfg(not(target_arch = "wasm32"))]
#[path = "screening/properties.rs"]
mod properties;
#[path = "screening/rule_book.rs"]
mod rule_book;

use mosaic::clinical::intake::Intake;
use mosaic::clinical::screening::{age_out_of_scope, screen, Outcome, Screening, TherapyStatus};

fn run(json: &str) -> Screening {
    screen(&Intake::parse_strict(json).unwrap_or_else(|e| panic!("{json}: {e:?}")))
}

fn status(s: &Screening, therapy: &str) -> TherapyStatus {
    s.status(therapy).unwrap()
}

fn rules(s: &Screening, therapy: &str) -> Vec<String> {
    s.therapy(therapy)
        .unwrap()
        .findings
        .iter()
        .map(|f| f.rule.clone())
        .collect()
}

const FULL: &str =
    r#""symptoms":[],"conditions":[],"medications":[],"supplements":[],"activity":"active""#;

fn with(extra: &str) -> Screening {
    run(&format!("{{\"age\":45,{FULL},{extra}}}").replace(",}", "}"))
}

#[test]
fn inheritance_gives_exercise_rules_to_children_and_acupuncture_rules_to_electroacupuncture() {
    let s = run(&format!(
        r#"{{"age":45,{}}}"#,
        FULL.replace(
            r#""conditions":[]"#,
            r#""conditions":["balance_problems","pacemaker"]"#
        )
    ));
    for t in ["exercise", "physical_therapy", "yoga", "tai_chi"] {
        assert_eq!(status(&s, t), TherapyStatus::Caution, "{t}");
        assert!(rules(&s, t).contains(&"EXERCISE-BALANCE".to_string()));
    }
    assert_eq!(status(&s, "acupuncture"), TherapyStatus::Caution);
    assert_eq!(status(&s, "electroacupuncture"), TherapyStatus::Blocked);
    assert_eq!(
        rules(&s, "electroacupuncture"),
        ["ELECTROACUPUNCTURE-PACEMAKER", "ACUPUNCTURE-PACEMAKER"]
    );
    assert_eq!(status(&s, "massage"), TherapyStatus::Allowed);
}

#[test]
fn most_severe_status_wins_and_findings_are_most_severe_first() {
    let s = with(r#""conditions":["pregnant","hypermobility","fracture_recent"]"#);
    let f = &s.therapy("spinal_manipulation").unwrap().findings;
    assert_eq!(
        s.status("spinal_manipulation"),
        Some(TherapyStatus::Blocked)
    );
    let statuses: Vec<TherapyStatus> = f.iter().map(|x| x.status.unwrap()).collect();
    assert!(statuses.windows(2).all(|w| w[0] <= w[1]), "{statuses:?}");
    assert_eq!(f.len(), 3);
}

#[test]
fn st_johns_wort_blocks_listed_classes_and_cautions_any_other_medication() {
    let sjw = |meds: &str| {
        let s = run(&format!(
            r#"{{"age":45,"conditions":[],"medications":{meds}}}"#
        ));
        (status(&s, "st_johns_wort"), rules(&s, "st_johns_wort"))
    };
    assert_eq!(sjw("[]"), (TherapyStatus::Allowed, vec![]));
    assert_eq!(sjw(r#"["opioid"]"#).0, TherapyStatus::Caution);
    assert_eq!(
        sjw(r#"["serotonergic"]"#),
        (
            TherapyStatus::Blocked,
            vec!["ST-JOHNS-WORT-MEDICINES".into()]
        )
    );
    let (st, fired) = sjw(r#"["digoxin","opioid"]"#);
    assert_eq!(st, TherapyStatus::Blocked);
    assert_eq!(
        fired,
        ["ST-JOHNS-WORT-MEDICINES", "ST-JOHNS-WORT-OTHER-MEDICINES"]
    );
    // Medicines not answered: no medicine rule fires, only the N-UNKNOWN caution.
    assert_eq!(
        sjw("null"),
        (
            TherapyStatus::Caution,
            vec!["HERBAL-MEDICATIONS-UNKNOWN".into()]
        )
    );
}

#[test]
fn an_unknown_medication_in_stored_data_still_counts_as_another_medication() {
    let intake = Intake::parse_lenient(r#"{"medications":["some_new_class"],"extra":1}"#).unwrap();
    assert_eq!(
        intake.medications.as_deref(),
        Some(&["some_new_class".to_string()][..])
    );
    assert_eq!(
        screen(&intake).status("st_johns_wort"),
        Some(TherapyStatus::Caution)
    );
}

#[test]
fn kava_is_always_at_least_caution() {
    let s = with("");
    assert_eq!(status(&s, "kava"), TherapyStatus::Caution);
    assert_eq!(rules(&s, "kava"), ["KAVA-LIVER-SIGNS"]);
    let s = with(r#""conditions":["heavy_alcohol"]"#);
    assert_eq!(status(&s, "kava"), TherapyStatus::Blocked);
}

#[test]
fn herbs_and_fish_oil_are_caution_when_medications_are_not_answered_but_not_when_none() {
    let unanswered = run(r#"{"age":45,"conditions":[]}"#);
    let none = with("");
    for herb in [
        "st_johns_wort",
        "ginkgo",
        "garlic",
        "turmeric",
        "ginger",
        "willow_bark",
        "devils_claw",
        "fish_oil",
    ] {
        assert_eq!(status(&unanswered, herb), TherapyStatus::Caution, "{herb}");
        assert_eq!(status(&none, herb), TherapyStatus::Allowed, "{herb}");
    }
    assert!(unanswered.has_notice("medications_unknown"));
    assert!(!none.has_notice("medications_unknown"));
    // Nothing else reacts to an unanswered medicines question.
    for t in ["acupuncture", "massage", "spinal_manipulation", "nutrition"] {
        assert_eq!(status(&unanswered, t), TherapyStatus::Allowed, "{t}");
    }
}

#[test]
fn exercise_needs_clearance_with_heart_disease_unless_active() {
    let ex = |activity: &str| {
        let s = run(&format!(r#"{{"conditions":["heart_disease"]{activity}}}"#));
        status(&s, "exercise")
    };
    assert_eq!(ex(""), TherapyStatus::ClearanceRequired);
    assert_eq!(ex(r#","activity":null"#), TherapyStatus::ClearanceRequired);
    assert_eq!(
        ex(r#","activity":"inactive""#),
        TherapyStatus::ClearanceRequired
    );
    assert_eq!(ex(r#","activity":"active""#), TherapyStatus::Allowed);
    assert_eq!(
        status(&run(r#"{"conditions":[]}"#), "exercise"),
        TherapyStatus::Allowed
    );
}

#[test]
fn boundaries_of_age_duration_and_screens() {
    let age = |a: u16| {
        run(&format!(
            r#"{{"age":{a},"pain":{{"primary":"neck"}},"conditions":[]}}"#
        ))
    };
    assert_eq!(age(17).outcome, Outcome::OutOfScope);
    assert_eq!(age(18).outcome, Outcome::Proceed);
    assert_eq!(
        status(&age(55), "spinal_manipulation"),
        TherapyStatus::Allowed
    );
    assert_eq!(
        status(&age(56), "spinal_manipulation"),
        TherapyStatus::Caution
    );
    assert_eq!(status(&age(64), "yoga"), TherapyStatus::Allowed);
    assert_eq!(status(&age(65), "yoga"), TherapyStatus::Caution);
    let low_back = run(r#"{"age":70,"pain":{"primary":"low_back"},"conditions":[]}"#);
    assert_eq!(
        status(&low_back, "spinal_manipulation"),
        TherapyStatus::Allowed
    );
    let months =
        |m: u16| run(&format!(r#"{{"pain":{{"duration_months":{m}}}}}"#)).has_notice("not_chronic");
    assert!(months(2) && !months(3));
    assert!(!run("{}").has_notice("not_chronic"));
    let phq = |n: u8, w: u8, i: u8, d: u8| {
        let s = run(&format!(
            r#"{{"mood":{{"phq4":{{"nervous":{n},"worry":{w},"interest":{i},"down":{d}}}}}}}"#
        ));
        (
            s.has_notice("anxiety_screen_positive"),
            s.has_notice("depression_screen_positive"),
        )
    };
    assert_eq!(phq(2, 1, 1, 2), (true, true));
    assert_eq!(phq(1, 1, 2, 0), (false, false));
}

#[test]
fn fracture_rule_needs_a_bone_risk_with_a_minor_fall() {
    let fall = |extra: &str| {
        run(&format!(
            r#"{{"symptoms":["recent_fall_or_injury"]{extra}}}"#
        ))
        .outcome
    };
    // RULES §4.1: an age not given counts as 65 or over.
    assert_eq!(fall(""), Outcome::Urgent);
    assert_eq!(fall(r#","age":64"#), Outcome::Proceed);
    assert_eq!(
        fall(r#","age":64,"conditions":[],"medications":[]"#),
        Outcome::Proceed
    );
    assert_eq!(fall(r#","age":65"#), Outcome::Urgent);
    assert_eq!(fall(r#","conditions":["osteoporosis"]"#), Outcome::Urgent);
    assert_eq!(
        fall(r#","medications":["corticosteroid_long_term"]"#),
        Outcome::Urgent
    );
}

#[test]
fn every_flag_is_listed_most_severe_first_and_statuses_are_still_computed() {
    let s = run(
        r#"{"age":16,"mood":{"self_harm":1},"symptoms":["fever_with_pain","thunderclap_headache"],"conditions":["dvt"]}"#,
    );
    let flags: Vec<(&str, Outcome)> = s
        .flags
        .iter()
        .map(|f| (f.finding.rule.as_str(), f.outcome))
        .collect();
    assert_eq!(
        flags,
        [
            ("RF-HEADACHE-THUNDERCLAP", Outcome::Emergency),
            ("RF-SUICIDE", Outcome::Crisis),
            ("RF-INFECT", Outcome::Urgent),
            ("OOS-AGE", Outcome::OutOfScope),
        ]
    );
    assert_eq!(s.outcome, Outcome::Emergency);
    assert!(!s.builds_plan());
    assert!(s.flags.iter().all(|f| !f.action.is_empty()));
    assert_eq!(status(&s, "massage"), TherapyStatus::Blocked);
}

#[test]
fn supplements_already_taken_raise_alerts_unless_allowed() {
    let s = with(
        r#""medications":["anticoagulant"],"supplements":["ginkgo","kava","ginger","fish_oil"],"conditions":["fish_allergy"]"#,
    );
    let alerts: Vec<(&str, TherapyStatus)> = s
        .alerts
        .iter()
        .map(|a| (a.supplement.as_str(), a.status))
        .collect();
    assert_eq!(
        alerts,
        [
            ("ginkgo", TherapyStatus::Blocked),
            ("kava", TherapyStatus::Caution),
            ("ginger", TherapyStatus::Caution),
            ("fish_oil", TherapyStatus::Caution)
        ]
    );
    assert_eq!(s.alerts[3].findings.len(), 2);
    assert!(with(r#""supplements":["fish_oil"]"#).alerts.is_empty());
}

#[test]
fn an_empty_intake_raises_every_unknown_notice_and_cautions_every_therapy_with_a_condition_rule() {
    let s = run("{}");
    assert_eq!(s.outcome, Outcome::Proceed);
    assert!(s.flags.is_empty());
    let ids: Vec<&str> = s.notices.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "medications_unknown",
            "conditions_unknown",
            "supplements_unknown",
            "age_unknown",
            "self_harm_unknown"
        ]
    );
    // Only the three therapies without any health-condition rule stay allowed (RULES §4.1).
    let allowed: Vec<&str> = s
        .therapies
        .iter()
        .filter(|t| t.status == TherapyStatus::Allowed)
        .map(|t| t.therapy.as_str())
        .collect();
    assert_eq!(allowed, ["cbt", "biofeedback", "relaxation"]);
    assert!(s
        .therapies
        .iter()
        .all(|t| t.status == TherapyStatus::Allowed || t.status == TherapyStatus::Caution));
}

#[test]
fn screening_round_trips_through_json() {
    let s = with(
        r#""conditions":["pregnant"],"mood":{"phq4":{"nervous":3,"worry":3,"interest":0,"down":1},"self_harm":0}"#,
    );
    let back: Screening = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
}

#[test]
fn the_age_step_learns_the_adult_age_from_the_rules() {
    // OOS-AGE (rules.json: age below 18); the intake's age step asks this instead of keeping its own 18.
    assert!(age_out_of_scope(0));
    assert!(age_out_of_scope(17));
    assert!(!age_out_of_scope(18));
    assert!(!age_out_of_scope(120));
}

#[test]
fn a_list_ticked_in_part_and_named_unsure_fires_its_ticks_and_its_unknown_rules() {
    // RULES §4.5: ticked medicines still count, and the list is not fully answered.
    let s = run(
        r#"{"age":45,"symptoms":[],"conditions":[],"medications":["anticoagulant"],"supplements":[],"activity":"active","unsure":["medications"]}"#,
    );
    assert!(s.has_notice("medications_unknown"));
    assert!(!s.has_notice("conditions_unknown"));
    assert!(!s.has_notice("supplements_unknown"));
    assert!(rules(&s, "ginkgo").contains(&"HERBAL-MEDICATIONS-UNKNOWN".to_string()));
    assert!(rules(&s, "fish_oil").contains(&"FISH-OIL-MEDICATIONS-UNKNOWN".to_string()));
    // The tick itself still fires: an anticoagulant makes acupuncture a caution.
    assert_eq!(status(&s, "acupuncture"), TherapyStatus::Caution);

    let sure = run(
        r#"{"age":45,"symptoms":[],"conditions":[],"medications":["anticoagulant"],"supplements":[],"activity":"active"}"#,
    );
    assert!(!sure.has_notice("medications_unknown"));
    assert!(!rules(&sure, "fish_oil").contains(&"FISH-OIL-MEDICATIONS-UNKNOWN".to_string()));

    let supplements = run(
        r#"{"age":45,"symptoms":[],"conditions":[],"medications":[],"supplements":["turmeric"],"activity":"active","unsure":["supplements"]}"#,
    );
    assert!(supplements.has_notice("supplements_unknown"));
    assert!(!supplements.has_notice("medications_unknown"));
}

#[test]
fn a_partly_known_health_list_cautions_as_if_skipped_and_keeps_its_ticks() {
    let s = run(
        r#"{"age":45,"symptoms":[],"conditions":["pacemaker"],"medications":[],"supplements":[],"activity":"active","unsure":["conditions"]}"#,
    );
    assert!(s.has_notice("conditions_unknown"));
    assert_eq!(status(&s, "electroacupuncture"), TherapyStatus::Blocked);
    assert!(rules(&s, "massage").contains(&"N-UNKNOWN-CONDITIONS".to_string()));
    assert_eq!(status(&s, "massage"), TherapyStatus::Caution);
    assert_eq!(status(&s, "cbt"), TherapyStatus::Allowed);
}

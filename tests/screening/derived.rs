//! RULES §4.2: a finding that fired only through a fact implied by another answer says which answer, in words.

use super::run;

/// The `because` reasons of one rule's finding for one therapy.
fn because(json: &str, therapy: &str, rule: &str) -> Vec<String> {
    let s = run(json);
    let t = s.therapy(therapy).unwrap();
    let f = t.findings.iter().find(|f| f.rule == rule);
    f.unwrap_or_else(|| panic!("{rule} did not fire for {therapy}"))
        .because
        .clone()
}

const ANSWERED: &str = r#""age":47,"symptoms":[],"supplements":[],"activity":"active""#;

#[test]
fn a_transplant_medicine_explains_the_infection_flag_and_the_acupuncture_caution() {
    let json = format!(
        r#"{{{ANSWERED},"conditions":[],"medications":["transplant_immunosuppressant"],"symptoms":["pain_new_or_worse"]}}"#
    )
    .replace(r#""symptoms":[],"#, "");
    let s = run(&json);
    let infect = s.flags.iter().find(|f| f.finding.rule == "RF-INFECT");
    assert_eq!(
        infect.expect("RF-INFECT fired").finding.because,
        ["you take a transplant medicine, which lowers the body's defences"]
    );
    assert_eq!(
        because(&json, "acupuncture", "ACUPUNCTURE-IMMUNE"),
        ["you take a transplant medicine, which lowers the body's defences"]
    );
}

#[test]
fn a_condition_answered_directly_needs_no_reason() {
    let json = format!(
        r#"{{{ANSWERED},"conditions":["immunosuppressed"],"medications":["transplant_immunosuppressant"]}}"#
    );
    assert!(because(&json, "acupuncture", "ACUPUNCTURE-IMMUNE").is_empty());
}

#[test]
fn two_answers_implying_the_same_condition_are_both_named() {
    let json = format!(
        r#"{{{ANSWERED},"conditions":[],"medications":["corticosteroid_long_term","transplant_immunosuppressant"]}}"#
    );
    assert_eq!(
        because(&json, "acupuncture", "ACUPUNCTURE-IMMUNE"),
        [
            "you take steroid tablets long term, which can lower the body's defences against infection",
            "you take a transplant medicine, which lowers the body's defences"
        ]
    );
}

#[test]
fn one_medicine_can_imply_two_conditions_each_with_its_own_reason() {
    let json = format!(r#"{{{ANSWERED},"conditions":[],"medications":["anticancer"]}}"#);
    assert_eq!(
        because(&json, "massage", "MASSAGE-CANCER"),
        ["you take cancer medicines, which means cancer under treatment now"]
    );
    assert_eq!(
        because(&json, "acupuncture", "ACUPUNCTURE-IMMUNE"),
        ["you take cancer medicines, which can lower the body's defences"]
    );
}

#[test]
fn derived_facts_count_even_when_the_conditions_question_was_not_answered() {
    let json = format!(r#"{{{ANSWERED},"medications":["diabetes_medicine"]}}"#);
    let s = run(&json);
    let rules: Vec<&str> = s
        .therapy("acupuncture")
        .unwrap()
        .findings
        .iter()
        .map(|f| f.rule.as_str())
        .collect();
    assert_eq!(rules, ["ACUPUNCTURE-DIABETES", "N-UNKNOWN-CONDITIONS"]);
    assert_eq!(
        because(&json, "acupuncture", "ACUPUNCTURE-DIABETES"),
        ["you take diabetes medicines"]
    );
    assert!(because(&json, "acupuncture", "N-UNKNOWN-CONDITIONS").is_empty());
}

#[test]
fn a_swollen_calf_explains_why_massage_is_blocked() {
    let json =
        format!(r#"{{{ANSWERED},"conditions":[],"medications":[],"symptoms":["calf_swelling"]}}"#)
            .replace(r#""symptoms":[],"#, "");
    assert_eq!(
        because(&json, "massage", "MASSAGE-DVT"),
        ["you have a painful, swollen calf, which could be a blood clot"]
    );
}

//! Rule book validation: every rule names only known IDs, has text and a source, and matches the RULES contract.

use mosaic::clinical::catalog::{catalog, Vocab};
use mosaic::clinical::intake::Intake;
use mosaic::clinical::rules::{rule_book, Answer, Cond};
use mosaic::clinical::screening::{screen, Outcome};

/// Every ID inside a condition must be known to the catalog list of its kind.
fn check_cond(rule: &str, cond: &Cond, problems: &mut Vec<String>) {
    let cat = catalog();
    let mut need = |vocab: Vocab, ids: &[&str]| {
        for id in ids.iter().filter(|id| !cat.knows(vocab, id)) {
            problems.push(format!("{rule}: unknown {vocab:?} ID `{id}`"));
        }
    };
    match cond {
        Cond::AnySymptom(ids) => need(Vocab::Symptom, ids),
        Cond::AnyCondition(ids) => need(Vocab::Health, ids),
        Cond::AnyMedication(ids) | Cond::AnyMedicationExcept(ids) => need(Vocab::Medication, ids),
        Cond::Primary(p) => need(Vocab::Condition, std::slice::from_ref(p)),
        Cond::ActivityNot(a) if *a != "active" && *a != "inactive" => {
            problems.push(format!("{rule}: unknown activity `{a}`"))
        }
        Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| check_cond(rule, c, problems)),
        _ => {}
    }
}

#[test]
fn every_rule_names_known_ids_and_has_text_and_source() {
    let book = rule_book();
    let cat = catalog();
    let mut problems = Vec::new();
    let texts = book
        .flags
        .iter()
        .map(|r| (&r.id, &r.when, vec![&r.message, &r.action, &r.source]));
    let texts = texts.chain(
        book.notices
            .iter()
            .map(|r| (&r.id, &r.when, vec![&r.title, &r.message, &r.source])),
    );
    let texts = texts.chain(
        book.therapy
            .iter()
            .map(|r| (&r.id, &r.when, vec![&r.message, &r.source])),
    );
    for (id, when, fields) in texts {
        check_cond(id, when, &mut problems);
        if fields.iter().any(|t| t.trim().is_empty()) {
            problems.push(format!("{id}: empty title, message, action or source"));
        }
    }
    for r in book.therapy {
        let Some(target) = r.named_target() else {
            continue;
        };
        if !cat.knows(Vocab::Therapy, target) && book.group(target).is_none() {
            problems.push(format!("{}: unknown therapy or group `{target}`", r.id));
        }
    }
    for d in book.derived {
        let (vocab, from) = match d.from {
            Answer::Medication(id) => (Vocab::Medication, id),
            Answer::Symptom(id) => (Vocab::Symptom, id),
        };
        if !cat.knows(vocab, from) {
            problems.push(format!("{}: unknown {vocab:?} ID `{from}`", d.id));
        }
        if !cat.knows(Vocab::Health, d.implies_condition) {
            problems.push(format!(
                "{}: unknown condition `{}`",
                d.id, d.implies_condition
            ));
        }
        if d.because.trim().is_empty() || d.source.trim().is_empty() {
            problems.push(format!("{}: empty reason or source", d.id));
        }
    }
    for (name, members) in book.groups.iter().chain(book.inherit) {
        for m in members.iter().filter(|m| !cat.knows(Vocab::Therapy, m)) {
            problems.push(format!("group/inheritance {name}: unknown therapy `{m}`"));
        }
    }
    assert!(
        problems.is_empty(),
        "rule book problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn plan_level_rules_and_notices_are_exactly_those_of_rules_2_1_and_4_1() {
    use Outcome::*;
    let expected = [
        ("RF-CES", Emergency),
        ("RF-HEADACHE-THUNDERCLAP", Emergency),
        ("RF-HEADACHE-NEURO", Emergency),
        ("RF-CAD", Emergency),
        ("RF-CARDIAC-NOW", Emergency),
        ("RF-SUICIDE", Crisis),
        ("RF-NEURO", Urgent),
        ("RF-INFECT", Urgent),
        ("RF-CANCER", Urgent),
        ("RF-FRACTURE", Urgent),
        ("RF-HEADACHE-URGENT", Urgent),
        ("RF-CARDIAC", Urgent),
        ("RF-DVT", Urgent),
        ("OOS-AGE", OutOfScope),
    ];
    let got: Vec<(&str, Outcome)> = rule_book()
        .flags
        .iter()
        .map(|r| (r.id, r.outcome))
        .collect();
    assert_eq!(got, expected);
    let notices: Vec<&str> = rule_book().notices.iter().map(|n| n.id).collect();
    assert_eq!(
        notices,
        [
            "not_chronic",
            "depression_screen_positive",
            "anxiety_screen_positive",
            "start_back_high",
            "medications_unknown",
            "conditions_unknown",
            "supplements_unknown",
            "age_unknown",
            "self_harm_unknown"
        ]
    );
}

#[test]
fn derived_facts_are_exactly_those_of_rules_4_2() {
    let got: Vec<(Answer, &str)> = rule_book()
        .derived
        .iter()
        .map(|d| (d.from, d.implies_condition))
        .collect();
    assert_eq!(
        got,
        [
            (
                Answer::Medication("corticosteroid_long_term"),
                "immunosuppressed"
            ),
            (
                Answer::Medication("transplant_immunosuppressant"),
                "immunosuppressed"
            ),
            (Answer::Medication("hiv_antiretroviral"), "immunosuppressed"),
            (Answer::Medication("anticancer"), "immunosuppressed"),
            (Answer::Medication("anticancer"), "cancer_active"),
            (Answer::Medication("diabetes_medicine"), "diabetes"),
            (Answer::Symptom("calf_swelling"), "dvt"),
            (Answer::Symptom("fever_with_pain"), "acute_infection"),
        ]
    );
}

#[test]
fn groups_inheritance_and_therapy_order_follow_the_contract() {
    let book = rule_book();
    let herbs = [
        "st_johns_wort",
        "ginkgo",
        "garlic",
        "kava",
        "turmeric",
        "ginger",
        "willow_bark",
        "devils_claw",
    ];
    assert_eq!(book.group("herbal").unwrap(), herbs);
    for child in ["physical_therapy", "yoga", "tai_chi"] {
        assert_eq!(book.parents(child), ["exercise"]);
    }
    assert_eq!(book.parents("electroacupuncture"), ["acupuncture"]);
    assert_eq!(book.inherit.len(), 4);
    let catalog_ids: Vec<&str> = catalog().therapies.iter().map(|t| t.id).collect();
    let screened: Vec<String> = screen(&Intake::default())
        .therapies
        .into_iter()
        .map(|t| t.therapy)
        .collect();
    assert_eq!(screened, catalog_ids);
}

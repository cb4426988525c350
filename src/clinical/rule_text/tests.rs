//! Wording of every condition kind and the shape of the book, with the expected text written out in full.

use super::*;
use crate::clinical::catalog::catalog;
use crate::clinical::rules::{Cond, Question};

/// The plain wording of a condition (labels in curly quotes).
fn said(cond: Cond) -> String {
    condition_words(&cond, catalog()).plain()
}

#[test]
fn always_and_never() {
    assert_eq!(said(Cond::Always(true)), "always");
    assert_eq!(said(Cond::Always(false)), "never");
}

#[test]
fn symptoms_are_the_questions_answered_yes() {
    assert_eq!(
        said(Cond::AnySymptom(&["chest_pain_now"])),
        "“yes” to the question “Do you have chest pain or pressure right now?”"
    );
    assert_eq!(
        said(Cond::AnySymptom(&["fainting", "calf_swelling"])),
        "“yes” to any of these questions: “Have you fainted or nearly fainted recently?”, \
         “Do you have a painful, swollen, red calf that no clinician has checked yet?”"
    );
}

#[test]
fn health_conditions_use_their_labels() {
    assert_eq!(
        said(Cond::AnyCondition(&["dvt"])),
        "the health condition “A blood clot in a vein”"
    );
    assert_eq!(
        said(Cond::AnyCondition(&["pregnant", "breastfeeding"])),
        "any of these health conditions: “Pregnant”, “Breastfeeding”"
    );
}

#[test]
fn medicines_taken_and_medicines_other_than() {
    assert_eq!(
        said(Cond::AnyMedication(&["anticoagulant"])),
        "takes “Blood thinners”"
    );
    assert_eq!(
        said(Cond::AnyMedication(&["nsaid", "antiplatelet"])),
        "takes any of these medicines: “Anti-inflammatory painkillers, taken regularly”, \
         “Anti-clotting tablets or daily aspirin”"
    );
    assert_eq!(
        said(Cond::AnyMedicationExcept(&["digoxin"])),
        "takes a medicine other than “Digoxin (a heart-rhythm medicine)”"
    );
    assert_eq!(
        said(Cond::AnyMedicationExcept(&["sedative", "opioid"])),
        "takes a medicine other than these: “Sleeping pills or sedatives”, “Opioid painkillers”"
    );
}

#[test]
fn unanswered_questions_are_named() {
    assert_eq!(
        said(Cond::NotAnswered(Question::Conditions)),
        "the health-conditions question was not answered, or the person was not sure about some of it"
    );
    assert_eq!(
        said(Cond::NotAnswered(Question::Medications)),
        "the medicines question was not answered, or the person was not sure about some of it"
    );
    assert_eq!(
        said(Cond::NotAnswered(Question::Supplements)),
        "the supplements question was not answered, or the person was not sure about some of it"
    );
    assert_eq!(
        said(Cond::NotAnswered(Question::Age)),
        "the age question was not answered"
    );
    assert_eq!(
        said(Cond::NotAnswered(Question::Symptoms)),
        "the red-flag symptoms question was not answered"
    );
    assert_eq!(
        said(Cond::NotAnswered(Question::Activity)),
        "the activity question was not answered"
    );
    assert_eq!(
        said(Cond::NotAnswered(Question::SelfHarm)),
        "the self-harm (PHQ-9 item 9) question was not answered"
    );
}

#[test]
fn ages() {
    assert_eq!(said(Cond::AgeAtLeast(65)), "age is 65 or over");
    assert_eq!(said(Cond::AgeBelow(18)), "age is under 18");
    assert_eq!(said(Cond::AgeAbove(55)), "age is over 55");
}

#[test]
fn activity_not_counts_a_missing_answer() {
    assert_eq!(
        said(Cond::ActivityNot("active")),
        "the activity answer is not “active”, or was not given"
    );
}

#[test]
fn primary_pain_uses_the_pain_condition_label() {
    assert_eq!(said(Cond::Primary("neck")), "the main pain is “Neck pain”");
}

#[test]
fn mood_and_duration_thresholds() {
    assert_eq!(
        said(Cond::SelfHarmAtLeast(1)),
        "the self-harm question (PHQ-9 item 9) is answered 1 or more, on its scale from 0 (not at all) to 3 \
         (nearly every day)"
    );
    assert_eq!(
        said(Cond::DurationBelow(3)),
        "the pain has lasted less than 3 months"
    );
    assert_eq!(
        said(Cond::Phq2AnsweredAtLeast(3)),
        "the answered PHQ-2 items (little interest, feeling down) add up to 3 or more"
    );
    assert_eq!(
        said(Cond::Gad2AnsweredAtLeast(3)),
        "the answered GAD-2 items (feeling nervous, not able to stop worrying) add up to 3 or more"
    );
    assert_eq!(
        said(Cond::StartBackDistressAnsweredAtLeast(4)),
        "the answered STarT Back items give a distress (psychosocial) score of 4 or more"
    );
}

#[test]
fn all_and_any_bracket_nested_lists() {
    assert_eq!(
        said(Cond::All(&[Cond::Primary("neck"), Cond::AgeAbove(55)])),
        "all of: the main pain is “Neck pain”; and age is over 55"
    );
    assert_eq!(
        said(Cond::Any(&[
            Cond::AnySymptom(&["major_trauma"]),
            Cond::All(&[Cond::AgeAtLeast(65), Cond::NotAnswered(Question::Age)]),
        ])),
        "any of: “yes” to the question “Have you recently had a serious injury, such as a road accident or a fall \
         from a height?”; or (all of: age is 65 or over; and the age question was not answered)"
    );
}

#[test]
fn labels_stay_separate_pieces_for_emphasis() {
    let w = condition_words(&Cond::AnyCondition(&["glaucoma", "diabetes"]), catalog());
    assert_eq!(
        w.0,
        vec![
            Piece::Text("any of these health conditions: ".into()),
            Piece::Term("Glaucoma or another eye-pressure problem"),
            Piece::Text(", ".into()),
            Piece::Term("Diabetes"),
        ]
    );
}

#[test]
fn derived_facts_read_as_if_then() {
    let book = rule_book_text();
    let d = book
        .derived
        .iter()
        .find(|d| d.id == "DERIVED-TRANSPLANT-IMMUNOSUPPRESSED")
        .expect("transplant fact");
    assert_eq!(
        d.sentence.plain(),
        "If you take “Transplant medicines”, Mosaic also counts “A weakened immune system”"
    );
    let calf = book
        .derived
        .iter()
        .find(|d| d.id == "DERIVED-CALF-DVT")
        .expect("calf fact");
    assert_eq!(
        calf.sentence.plain(),
        "If you answer “yes” to “Do you have a painful, swollen, red calf that no clinician has checked yet?”, \
         Mosaic also counts “A blood clot in a vein”"
    );
}

#[test]
fn flags_carry_outcome_words_and_condition() {
    let book = rule_book_text();
    let ces = book
        .flags
        .iter()
        .find(|f| f.id == "RF-CES")
        .expect("RF-CES");
    assert_eq!(ces.outcome_words, "Emergency: go to emergency care now");
    assert!(ces.when.plain().starts_with(
        "“yes” to any of these questions: “Do you have numbness in your groin or buttocks"
    ));
    let oos = book
        .flags
        .iter()
        .find(|f| f.id == "OOS-AGE")
        .expect("OOS-AGE");
    assert_eq!(oos.when.plain(), "age is under 18");
}

#[test]
fn notices_have_titles_and_conditions() {
    let book = rule_book_text();
    let n = book
        .notices
        .iter()
        .find(|n| n.id == "conditions_unknown")
        .expect("conditions_unknown");
    assert_eq!(n.title, "Your health conditions could not be checked");
    assert_eq!(
        n.when.plain(),
        "the health-conditions question was not answered, or the person was not sure about some of it"
    );
}

/// The rule IDs listed for one therapy, in order.
fn rule_ids(book: &BookText, therapy: &str) -> Vec<&'static str> {
    book.therapies
        .iter()
        .find(|t| t.id == therapy)
        .unwrap_or_else(|| panic!("{therapy} listed"))
        .rules
        .iter()
        .map(|r| r.id)
        .collect()
}

#[test]
fn massage_lists_its_own_rules_and_the_unknown_conditions_caution() {
    let book = rule_book_text();
    assert_eq!(
        rule_ids(&book, "massage"),
        vec![
            "MASSAGE-DVT",
            "MASSAGE-INFECTION",
            "MASSAGE-CANCER",
            "MASSAGE-BLEEDING",
            "MASSAGE-AREA",
            "MASSAGE-PREGNANCY",
            "N-UNKNOWN-CONDITIONS",
        ]
    );
    let massage = book.therapies.iter().find(|t| t.id == "massage").unwrap();
    assert_eq!(massage.name, "Massage");
    let unknown = massage.rules.last().unwrap();
    assert_eq!(
        unknown.status_words,
        "Caution: can be added, with this message"
    );
    assert_eq!(
        unknown.applies.as_ref().map(Words::plain).as_deref(),
        Some("given to every therapy that has a rule on the health-conditions answer")
    );
    assert_eq!(massage.rules[0].applies, None);
}

#[test]
fn yoga_inherits_exercise_rules_and_herbs_share_the_group_rules() {
    let book = rule_book_text();
    let yoga = book.therapies.iter().find(|t| t.id == "yoga").unwrap();
    let heart = yoga
        .rules
        .iter()
        .find(|r| r.id == "EXERCISE-HEART")
        .expect("yoga gets EXERCISE-HEART");
    assert_eq!(
        heart.applies.as_ref().map(Words::plain).as_deref(),
        Some("inherited from “Exercise and movement”")
    );
    let ginkgo = book.therapies.iter().find(|t| t.id == "ginkgo").unwrap();
    let herbal = ginkgo
        .rules
        .iter()
        .find(|r| r.id == "HERBAL-PREGNANCY")
        .expect("ginkgo gets HERBAL-PREGNANCY");
    assert_eq!(
        herbal.applies.as_ref().map(Words::plain).as_deref(),
        Some("shared by the herbal group")
    );
    assert_eq!(herbal.status_words, "Blocked: cannot be added");
}

#[test]
fn therapies_without_rules_are_listed_empty() {
    let book = rule_book_text();
    assert_eq!(rule_ids(&book, "cbt"), Vec::<&str>::new());
    assert_eq!(book.therapies.len(), 25);
}

#[test]
fn the_document_lists_the_contacts_and_what_each_notice_shows() {
    let doc = markdown(&rule_book_text());
    assert!(doc.contains(
        "\n## 5. Crisis and emergency contacts\n\nWith the crisis outcome and beside the notice about an unanswered \
         self-harm question, after the crisis line set in Settings (or \"your local emergency number\"):\n\n\
         - In the US, call or text **988** (Suicide & Crisis Lifeline), any time of day.  \n"
    ));
    assert!(doc.contains("- **911** in the US.  \n"));
    let book = rule_book_text();
    let self_harm = book
        .notices
        .iter()
        .find(|n| n.id == "self_harm_unknown")
        .unwrap();
    assert_eq!(self_harm.offer, Some("the crisis contacts (section 5)"));
    assert!(self_harm.missing_answer);
    let not_chronic = book.notices.iter().find(|n| n.id == "not_chronic").unwrap();
    assert_eq!(
        (not_chronic.offer, not_chronic.missing_answer),
        (None, false)
    );
}

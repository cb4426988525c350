//! Conditions as plain sentence fragments built from the catalog's labels: every kind of [`Cond`], nested
//! "all of" / "any of" groups, and the names of the questions a rule can find unanswered.

use super::words::Words;
use crate::clinical::catalog::{Catalog, Vocab};
use crate::clinical::rules::{Cond, Question};

/// The name of a question, as in "the health-conditions question".
pub(super) fn question_words(q: Question) -> &'static str {
    match q {
        Question::Age => "age",
        Question::Symptoms => "red-flag symptoms",
        Question::Conditions => "health-conditions",
        Question::Medications => "medicines",
        Question::Supplements => "supplements",
        Question::Activity => "activity",
        Question::SelfHarm => "self-harm (PHQ-9 item 9)",
    }
}

/// The catalog label of an ID, or the ID itself if the catalog does not know it (the build checks it does).
pub(super) fn label(catalog: &'static Catalog, vocab: Vocab, id: &'static str) -> &'static str {
    catalog.term(vocab, id).map_or(id, |t| t.label)
}

/// "*A*", or "any of these {noun}: *A*, *B*, *C*" for a list of labels.
fn list(w: &mut Words, one: &str, many: &str, labels: Vec<&'static str>) {
    if let [only] = labels[..] {
        w.text(one).term(only);
        return;
    }
    w.text(many);
    for (i, l) in labels.into_iter().enumerate() {
        if i > 0 {
            w.text(", ");
        }
        w.term(l);
    }
}

/// A condition as a plain sentence fragment, e.g. "any of these health conditions: *Pregnant*, *Breastfeeding*".
pub fn condition_words(cond: &Cond, catalog: &'static Catalog) -> Words {
    let mut w = Words::default();
    let labels = |vocab: Vocab, ids: &[&'static str]| -> Vec<&'static str> {
        ids.iter().map(|id| label(catalog, vocab, id)).collect()
    };
    match cond {
        Cond::Always(true) => {
            w.text("always");
        }
        Cond::Always(false) => {
            w.text("never");
        }
        Cond::AnySymptom(ids) => list(
            &mut w,
            "“yes” to the question ",
            "“yes” to any of these questions: ",
            labels(Vocab::Symptom, ids),
        ),
        Cond::AnyCondition(ids) => list(
            &mut w,
            "the health condition ",
            "any of these health conditions: ",
            labels(Vocab::Health, ids),
        ),
        Cond::AnyMedication(ids) => list(
            &mut w,
            "takes ",
            "takes any of these medicines: ",
            labels(Vocab::Medication, ids),
        ),
        Cond::AnyMedicationExcept(ids) => list(
            &mut w,
            "takes a medicine other than ",
            "takes a medicine other than these: ",
            labels(Vocab::Medication, ids),
        ),
        // The three lists a person may tick in part count as unanswered when they are "not sure" about the rest.
        Cond::NotAnswered(
            q @ (Question::Conditions | Question::Medications | Question::Supplements),
        ) => {
            w.text(&format!(
                "the {} question was not answered, or the person was not sure about some of it",
                question_words(*q)
            ));
        }
        Cond::NotAnswered(q) => {
            w.text(&format!(
                "the {} question was not answered",
                question_words(*q)
            ));
        }
        Cond::AgeAtLeast(n) => {
            w.text(&format!("age is {n} or over"));
        }
        Cond::AgeBelow(n) => {
            w.text(&format!("age is under {n}"));
        }
        Cond::AgeAbove(n) => {
            w.text(&format!("age is over {n}"));
        }
        Cond::ActivityNot(a) => {
            w.text(&format!(
                "the activity answer is not “{}”, or was not given",
                a.replace('_', " ")
            ));
        }
        Cond::Primary(p) => {
            w.text("the main pain is ")
                .term(label(catalog, Vocab::Condition, p));
        }
        Cond::SelfHarmAtLeast(n) => {
            w.text(&format!(
                "the self-harm question (PHQ-9 item 9) is answered {n} or more, on its scale from 0 (not at all) to 3 (nearly every day)"
            ));
        }
        Cond::DurationBelow(n) => {
            w.text(&format!("the pain has lasted less than {n} months"));
        }
        Cond::Phq2AnsweredAtLeast(n) => {
            w.text(&format!(
                "the answered PHQ-2 items (little interest, feeling down) add up to {n} or more"
            ));
        }
        Cond::Gad2AnsweredAtLeast(n) => {
            w.text(&format!(
                "the answered GAD-2 items (feeling nervous, not able to stop worrying) add up to {n} or more"
            ));
        }
        Cond::StartBackDistressAnsweredAtLeast(n) => {
            w.text(&format!(
                "the answered STarT Back items give a distress (psychosocial) score of {n} or more"
            ));
        }
        Cond::All(cs) => join(&mut w, "all of: ", "; and ", cs, catalog),
        Cond::Any(cs) => join(&mut w, "any of: ", "; or ", cs, catalog),
    }
    w
}

/// "all of: A; and B" (or "any of: A; or B"), with nested lists in brackets so the grouping stays clear.
fn join(w: &mut Words, lead: &str, between: &str, conds: &[Cond], catalog: &'static Catalog) {
    w.text(lead);
    for (i, c) in conds.iter().enumerate() {
        if i > 0 {
            w.text(between);
        }
        let nested = matches!(c, Cond::All(_) | Cond::Any(_));
        if nested {
            w.text("(");
        }
        w.words(condition_words(c, catalog));
        if nested {
            w.text(")");
        }
    }
}

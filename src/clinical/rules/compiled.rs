//! Conditions compiled to bit-mask tests over the intake, and their evaluation: the part of the engine that knows
//! what each [`Cond`] means.

use super::{Cond, Question};
use crate::clinical::intake::Intake;
use crate::clinical::scores::{gad2_answered, phq2_answered, start_back_distress_answered};
use std::collections::BTreeSet;

/// One bit per ID that some rule names (at most 128 per list, checked when compiling).
pub(super) type Mask = u128;

/// The three ID lists rules can test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Symptom = 0,
    Condition = 1,
    Medication = 2,
}

impl Kind {
    /// The list a question's answer is, if it is one of the three ID lists rules test.
    pub(super) fn of(question: Question) -> Option<Kind> {
        match question {
            Question::Symptoms => Some(Kind::Symptom),
            Question::Conditions => Some(Kind::Condition),
            Question::Medications => Some(Kind::Medication),
            _ => None,
        }
    }
}

/// A compiled [`Cond`].
#[derive(Clone, Debug)]
pub(super) enum Test {
    Const(bool),
    Has(Kind, Mask),
    MedicationExcept(Mask),
    NotAnswered(Question),
    AgeAtLeast(u16),
    AgeBelow(u16),
    AgeAbove(u16),
    ActivityNot(&'static str),
    Primary(&'static str),
    SelfHarmAtLeast(u8),
    DurationBelow(u16),
    Phq2AtLeast(u8),
    Gad2AtLeast(u8),
    DistressAtLeast(u8),
    And(Vec<Test>),
    Or(Vec<Test>),
}

/// The intake reduced to what tests read: lists as bit masks (`None` = not answered).
pub(super) struct Facts<'a> {
    pub(super) lists: [Option<Mask>; 3],
    /// A medication class no rule names is taken (it still counts as "another medication").
    pub(super) other_medication: bool,
    pub(super) intake: &'a Intake,
}

/// Collects, per list, every ID a condition names.
pub(super) fn ids_of(cond: &Cond, out: &mut [BTreeSet<&'static str>; 3]) {
    match cond {
        Cond::AnySymptom(ids) => out[0].extend(ids.iter().copied()),
        Cond::AnyCondition(ids) => out[1].extend(ids.iter().copied()),
        Cond::AnyMedication(ids) | Cond::AnyMedicationExcept(ids) => {
            out[2].extend(ids.iter().copied())
        }
        Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| ids_of(c, out)),
        _ => {}
    }
}

/// Whether a condition tests any ID of one list.
pub(super) fn tests_list(cond: &Cond, kind: Kind) -> bool {
    match cond {
        Cond::AnySymptom(_) => kind == Kind::Symptom,
        Cond::AnyCondition(_) => kind == Kind::Condition,
        Cond::AnyMedication(_) | Cond::AnyMedicationExcept(_) => kind == Kind::Medication,
        Cond::All(cs) | Cond::Any(cs) => cs.iter().any(|c| tests_list(c, kind)),
        _ => false,
    }
}

/// The bit standing for `id` in a sorted universe, if any rule names it.
pub(super) fn bit(universe: &[&str], id: &str) -> Option<Mask> {
    universe
        .binary_search_by(|x| (*x).cmp(id))
        .ok()
        .map(|i| 1 << i)
}

/// Whether an answered list holds `id` (an unanswered list holds nothing).
pub(super) fn contains(list: &Option<Vec<String>>, id: &str) -> bool {
    list.as_ref().is_some_and(|l| l.iter().any(|x| x == id))
}

/// The condition bits a rule reads.
pub(super) fn condition_bits(cond: &Cond, universe: &[&'static str]) -> Mask {
    match cond {
        Cond::AnyCondition(ids) => ids
            .iter()
            .filter_map(|id| bit(universe, id))
            .fold(0, |m, b| m | b),
        Cond::All(cs) | Cond::Any(cs) => cs.iter().fold(0, |m, c| m | condition_bits(c, universe)),
        _ => 0,
    }
}

/// Compiles a condition against the universes of named IDs.
pub(super) fn compile(cond: &Cond, universes: &[Vec<&'static str>; 3]) -> Test {
    let mask = |kind: Kind, ids: &[&str]| {
        ids.iter()
            .filter_map(|id| bit(&universes[kind as usize], id))
            .fold(0, |m, b| m | b)
    };
    match cond {
        Cond::Always(b) => Test::Const(*b),
        Cond::AnySymptom(ids) => Test::Has(Kind::Symptom, mask(Kind::Symptom, ids)),
        Cond::AnyCondition(ids) => Test::Has(Kind::Condition, mask(Kind::Condition, ids)),
        Cond::AnyMedication(ids) => Test::Has(Kind::Medication, mask(Kind::Medication, ids)),
        Cond::AnyMedicationExcept(ids) => Test::MedicationExcept(mask(Kind::Medication, ids)),
        Cond::NotAnswered(q) => Test::NotAnswered(*q),
        Cond::AgeAtLeast(n) => Test::AgeAtLeast(*n),
        Cond::AgeBelow(n) => Test::AgeBelow(*n),
        Cond::AgeAbove(n) => Test::AgeAbove(*n),
        Cond::ActivityNot(a) => Test::ActivityNot(a),
        Cond::Primary(p) => Test::Primary(p),
        Cond::SelfHarmAtLeast(n) => Test::SelfHarmAtLeast(*n),
        Cond::DurationBelow(n) => Test::DurationBelow(*n),
        Cond::Phq2AnsweredAtLeast(n) => Test::Phq2AtLeast(*n),
        Cond::Gad2AnsweredAtLeast(n) => Test::Gad2AtLeast(*n),
        Cond::StartBackDistressAnsweredAtLeast(n) => Test::DistressAtLeast(*n),
        Cond::All(cs) => Test::And(cs.iter().map(|c| compile(c, universes)).collect()),
        Cond::Any(cs) => Test::Or(cs.iter().map(|c| compile(c, universes)).collect()),
    }
}

/// Evaluates a compiled test against the facts of one intake.
pub(super) fn eval(test: &Test, f: &Facts) -> bool {
    let i = f.intake;
    let age = i.age;
    let phq4 = i.mood.and_then(|m| m.phq4);
    match test {
        Test::Const(b) => *b,
        Test::Has(kind, mask) => f.lists[*kind as usize].is_some_and(|m| m & mask != 0),
        Test::MedicationExcept(mask) => {
            f.lists[Kind::Medication as usize].is_some_and(|m| m & !mask != 0 || f.other_medication)
        }
        Test::NotAnswered(q) => match q {
            Question::Age => age.is_none(),
            Question::Symptoms => i.symptoms.is_none(),
            // A list ticked in part and named in `unsure` is not fully answered either.
            Question::Conditions => i.list_unknown("conditions"),
            Question::Medications => i.list_unknown("medications"),
            Question::Supplements => i.list_unknown("supplements"),
            Question::Activity => i.activity.is_none(),
            Question::SelfHarm => i.mood.and_then(|m| m.self_harm).is_none(),
        },
        Test::AgeAtLeast(n) => age.is_some_and(|a| a >= *n),
        Test::AgeBelow(n) => age.is_some_and(|a| a < *n),
        Test::AgeAbove(n) => age.is_some_and(|a| a > *n),
        Test::ActivityNot(a) => i.activity.as_deref() != Some(*a),
        Test::Primary(p) => i.pain.as_ref().and_then(|x| x.primary.as_deref()) == Some(*p),
        Test::SelfHarmAtLeast(n) => i.mood.and_then(|m| m.self_harm).is_some_and(|s| s >= *n),
        Test::DurationBelow(n) => i
            .pain
            .as_ref()
            .and_then(|p| p.duration_months)
            .is_some_and(|d| d < *n),
        Test::Phq2AtLeast(n) => phq4.is_some_and(|p| phq2_answered(&p) >= *n),
        Test::Gad2AtLeast(n) => phq4.is_some_and(|p| gad2_answered(&p) >= *n),
        Test::DistressAtLeast(n) => i
            .start_back
            .as_ref()
            .is_some_and(|s| start_back_distress_answered(s) >= *n),
        Test::And(ts) => ts.iter().all(|t| eval(t, f)),
        Test::Or(ts) => ts.iter().any(|t| eval(t, f)),
    }
}

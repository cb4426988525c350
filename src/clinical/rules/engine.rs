//! The compiled rule engine: conditions are turned into bit-mask tests once, and each therapy's inherited and
//! grouped rules are listed once, so screening an intake is a handful of integer operations per rule.

use super::{Answer, Cond, Question, RuleBook, Target};
use crate::clinical::intake::Intake;
use crate::clinical::scores::{gad2_answered, phq2_answered, start_back_distress_answered};
use std::collections::BTreeSet;

/// One bit per ID that some rule names (at most 128 per list, checked when compiling).
type Mask = u128;

/// The three ID lists rules can test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Symptom = 0,
    Condition = 1,
    Medication = 2,
}

impl Kind {
    /// The list a question's answer is, if it is one of the three ID lists rules test.
    fn of(question: Question) -> Option<Kind> {
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
enum Test {
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

/// One compiled rule: its test and the condition bits it reads (to tell which derived facts it fired through).
#[derive(Clone, Debug)]
struct Compiled {
    test: Test,
    conditions: Mask,
}

/// The rule book compiled for a list of therapies (in the order screening reports them).
#[derive(Clone, Debug)]
pub struct Engine {
    book: &'static RuleBook,
    /// Sorted IDs named by the rules, per [`Kind`]; bit `i` stands for `ids[i]`.
    universes: [Vec<&'static str>; 3],
    flags: Vec<Compiled>,
    notices: Vec<Compiled>,
    therapy: Vec<Compiled>,
    /// Each therapy with the indices of every rule that applies to it (own, inherited, grouped), most severe first.
    therapies: Vec<(String, Vec<usize>)>,
}

/// Which rules fired for one intake, indexed like the rule book's lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fired {
    /// Per plan-level rule.
    pub flags: Vec<bool>,
    /// Per notice rule.
    pub notices: Vec<bool>,
    /// Per therapy rule.
    pub therapy: Vec<bool>,
    /// Per plan-level rule: the derived facts (indices into `book.derived`) it fired through; empty when the
    /// answers alone made it fire.
    pub flag_via: Vec<Vec<usize>>,
    /// Per therapy rule: likewise.
    pub therapy_via: Vec<Vec<usize>>,
}

/// The intake reduced to what tests read: lists as bit masks (`None` = not answered).
struct Facts<'a> {
    lists: [Option<Mask>; 3],
    /// A medication class no rule names is taken (it still counts as "another medication").
    other_medication: bool,
    intake: &'a Intake,
}

fn ids_of(cond: &Cond, out: &mut [BTreeSet<&'static str>; 3]) {
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
fn tests_list(cond: &Cond, kind: Kind) -> bool {
    match cond {
        Cond::AnySymptom(_) => kind == Kind::Symptom,
        Cond::AnyCondition(_) => kind == Kind::Condition,
        Cond::AnyMedication(_) | Cond::AnyMedicationExcept(_) => kind == Kind::Medication,
        Cond::All(cs) | Cond::Any(cs) => cs.iter().any(|c| tests_list(c, kind)),
        _ => false,
    }
}

fn bit(universe: &[&str], id: &str) -> Option<Mask> {
    universe
        .binary_search_by(|x| (*x).cmp(id))
        .ok()
        .map(|i| 1 << i)
}

fn contains(list: &Option<Vec<String>>, id: &str) -> bool {
    list.as_ref().is_some_and(|l| l.iter().any(|x| x == id))
}

impl Engine {
    /// Compiles a rule book; fails if a rule targets an unknown therapy or group, or an ID repeats.
    pub fn new(book: &'static RuleBook, therapies: Vec<String>) -> Result<Engine, String> {
        let known = |id: &str| therapies.iter().any(|t| t == id);
        let mut sets: [BTreeSet<&'static str>; 3] = Default::default();
        let conds = book.flags.iter().map(|r| &r.when);
        let conds = conds.chain(book.notices.iter().map(|r| &r.when));
        conds
            .chain(book.therapy.iter().map(|r| &r.when))
            .for_each(|c| ids_of(c, &mut sets));
        if sets.iter().any(|s| s.len() > Mask::BITS as usize) {
            return Err("rules name more than 128 IDs of one list".into());
        }
        let universes = sets.map(|s| s.into_iter().collect::<Vec<_>>());
        for (name, members) in book.groups.iter().chain(book.inherit) {
            if let Some(bad) = members.iter().find(|m| !known(m)) {
                return Err(format!(
                    "group or inheritance `{name}` names unknown therapy `{bad}`"
                ));
            }
        }
        if let Some((bad, _)) = book.inherit.iter().find(|(t, _)| !known(t)) {
            return Err(format!("inheritance names unknown therapy `{bad}`"));
        }
        let mut seen = BTreeSet::new();
        for id in book
            .flags
            .iter()
            .map(|r| r.id)
            .chain(book.therapy.iter().map(|r| r.id))
            .chain(book.derived.iter().map(|d| d.id))
        {
            if !seen.insert(id) {
                return Err(format!("rule ID `{id}` appears twice"));
            }
        }
        for r in book.therapy {
            match r.target {
                Target::Named(name) if !known(name) && book.group(name).is_none() => {
                    return Err(format!(
                        "rule `{}` targets unknown therapy or group `{name}`",
                        r.id
                    ));
                }
                Target::EveryTherapyTesting(q) if Kind::of(q).is_none() => {
                    return Err(format!(
                        "rule `{}` targets therapies testing `{q:?}`, which is not an ID list",
                        r.id
                    ));
                }
                _ => {}
            }
        }
        let lists = therapies
            .iter()
            .map(|t| (t.clone(), rules_for(book, t)))
            .collect();
        let compile = |c: &Cond| Compiled {
            test: compile(c, &universes),
            conditions: condition_bits(c, &universes[Kind::Condition as usize]),
        };
        Ok(Engine {
            flags: book.flags.iter().map(|r| compile(&r.when)).collect(),
            notices: book.notices.iter().map(|r| compile(&r.when)).collect(),
            therapy: book.therapy.iter().map(|r| compile(&r.when)).collect(),
            therapies: lists,
            universes,
            book,
        })
    }

    /// The rule book this engine was compiled from.
    pub fn book(&self) -> &RuleBook {
        self.book
    }

    /// Every therapy in report order with the indices (into `book().therapy`) of its rules, most severe first.
    pub fn therapies(&self) -> impl Iterator<Item = (&str, &[usize])> {
        self.therapies
            .iter()
            .map(|(t, r)| (t.as_str(), r.as_slice()))
    }

    /// The rule indices that apply to one therapy, most severe first.
    pub fn rules_for(&self, therapy: &str) -> Option<&[usize]> {
        self.therapies
            .iter()
            .find(|(t, _)| t == therapy)
            .map(|(_, r)| r.as_slice())
    }

    /// Evaluates every rule once against an intake, with the facts its answers imply (RULES §4.2).
    pub fn fire(&self, intake: &Intake) -> Fired {
        let mut other_medication = false;
        let mut mask = |kind: Kind, list: &Option<Vec<String>>| {
            list.as_ref().map(|ids| {
                ids.iter()
                    .fold(0, |m, id| match bit(&self.universes[kind as usize], id) {
                        Some(b) => m | b,
                        None => {
                            other_medication |= kind == Kind::Medication;
                            m
                        }
                    })
            })
        };
        let answered = [
            mask(Kind::Symptom, &intake.symptoms),
            mask(Kind::Condition, &intake.conditions),
            mask(Kind::Medication, &intake.medications),
        ];
        // Derived facts that add a condition the answers did not already give, with the bit each adds.
        let conditions = &self.universes[Kind::Condition as usize];
        let derived: Vec<(usize, Mask)> = self
            .book
            .derived
            .iter()
            .enumerate()
            .filter(|(_, d)| match d.from {
                Answer::Medication(id) => contains(&intake.medications, id),
                Answer::Symptom(id) => contains(&intake.symptoms, id),
            })
            .filter_map(|(i, d)| Some((i, bit(conditions, d.implies_condition)?)))
            .filter(|&(_, b)| answered[1].is_none_or(|m| m & b == 0))
            .collect();
        let plain = Facts {
            lists: answered,
            other_medication,
            intake,
        };
        let all = |rules: &[Compiled], facts: &Facts| -> Vec<bool> {
            rules.iter().map(|r| eval(&r.test, facts)).collect()
        };
        if derived.is_empty() {
            return Fired {
                flags: all(&self.flags, &plain),
                notices: all(&self.notices, &plain),
                therapy: all(&self.therapy, &plain),
                flag_via: vec![Vec::new(); self.flags.len()],
                therapy_via: vec![Vec::new(); self.therapy.len()],
            };
        }
        let added = derived.iter().fold(0, |m, &(_, b)| m | b);
        let mut lists = answered;
        lists[1] = Some(answered[1].unwrap_or(0) | added);
        let full = Facts {
            lists,
            other_medication,
            intake,
        };
        // A rule fired "through" a derived fact when it fires with it and not on the answers alone; the facts
        // named are the ones whose condition the rule reads.
        let via = |rules: &[Compiled], on: &[bool]| -> Vec<Vec<usize>> {
            rules
                .iter()
                .zip(on)
                .map(|(r, &on)| {
                    if !on || eval(&r.test, &plain) {
                        return Vec::new();
                    }
                    derived
                        .iter()
                        .filter(|&&(_, b)| r.conditions & b != 0)
                        .map(|&(i, _)| i)
                        .collect()
                })
                .collect()
        };
        let flags = all(&self.flags, &full);
        let therapy = all(&self.therapy, &full);
        Fired {
            flag_via: via(&self.flags, &flags),
            therapy_via: via(&self.therapy, &therapy),
            notices: all(&self.notices, &full),
            flags,
            therapy,
        }
    }
}

/// Every rule index applying to `therapy`: its own, its ancestors' (transitively) and its groups', and the
/// rules for every therapy testing a list it has a rule on; most severe first.
fn rules_for(book: &RuleBook, therapy: &str) -> Vec<usize> {
    let mut targets: Vec<&str> = vec![therapy];
    let mut i = 0;
    while i < targets.len() {
        for parent in book.parents(targets[i]) {
            if !targets.contains(parent) {
                targets.push(parent);
            }
        }
        i += 1;
    }
    for (group, members) in book.groups {
        if members.iter().any(|m| targets.contains(m)) {
            targets.push(group);
        }
    }
    let named: Vec<usize> = (0..book.therapy.len())
        .filter(|&r| {
            book.therapy[r]
                .named_target()
                .is_some_and(|t| targets.contains(&t))
        })
        .collect();
    let testing = |q: Question| {
        Kind::of(q).is_some_and(|kind| {
            named
                .iter()
                .any(|&r| tests_list(&book.therapy[r].when, kind))
        })
    };
    let mut rules: Vec<usize> = (0..book.therapy.len())
        .filter(|&r| match book.therapy[r].target {
            Target::Named(_) => named.contains(&r),
            Target::EveryTherapyTesting(q) => testing(q),
        })
        .collect();
    rules.sort_by_key(|&r| (book.therapy[r].status, r));
    rules
}

/// The condition bits a rule reads.
fn condition_bits(cond: &Cond, universe: &[&'static str]) -> Mask {
    match cond {
        Cond::AnyCondition(ids) => ids
            .iter()
            .filter_map(|id| bit(universe, id))
            .fold(0, |m, b| m | b),
        Cond::All(cs) | Cond::Any(cs) => cs.iter().fold(0, |m, c| m | condition_bits(c, universe)),
        _ => 0,
    }
}

fn compile(cond: &Cond, universes: &[Vec<&'static str>; 3]) -> Test {
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

fn eval(test: &Test, f: &Facts) -> bool {
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
            Question::Conditions => i.conditions.is_none(),
            Question::Medications => i.medications.is_none(),
            Question::Supplements => i.supplements.is_none(),
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

//! The compiled rule engine: conditions are turned into bit-mask tests once, and each therapy's inherited and
//! grouped rules are listed once, so screening an intake is a handful of integer operations per rule.

use super::compiled::{
    bit, compile, condition_bits, contains, eval, ids_of, tests_list, Facts, Kind, Mask, Test,
};
use super::{Answer, Cond, Question, RuleBook, Target};
use crate::clinical::intake::Intake;
use std::collections::BTreeSet;

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

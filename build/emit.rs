//! Writes the parsed data as Rust constant expressions of the app's static types (`&'static str`, `&[…]`).

use crate::model::*;
use std::collections::BTreeMap;
use std::fmt::Write;

/// A value written as a constant expression of the matching type in `src/clinical`.
pub trait Lit {
    /// Appends the expression to `out`.
    fn lit(&self, out: &mut String);
}

impl Lit for String {
    fn lit(&self, out: &mut String) {
        // `Debug` escapes exactly what a Rust string literal needs (quotes, backslashes, control characters).
        write!(out, "{self:?}").unwrap();
    }
}

macro_rules! display {
    ($($t:ty),*) => {$(
        impl Lit for $t {
            fn lit(&self, out: &mut String) {
                write!(out, "{self}").unwrap();
            }
        }
    )*};
}
display!(bool, u8, u16);

impl<T: Lit> Lit for Option<T> {
    fn lit(&self, out: &mut String) {
        match self {
            Some(v) => {
                out.push_str("Some(");
                v.lit(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

impl<T: Lit> Lit for Vec<T> {
    fn lit(&self, out: &mut String) {
        out.push_str("&[");
        for v in self {
            v.lit(out);
            out.push_str(",\n");
        }
        out.push(']');
    }
}

/// Maps become slices of pairs in key order, the order the app's `BTreeMap`s used to iterate in.
impl<V: Lit> Lit for BTreeMap<String, V> {
    fn lit(&self, out: &mut String) {
        out.push_str("&[");
        for (k, v) in self {
            out.push('(');
            k.lit(out);
            out.push_str(", ");
            v.lit(out);
            out.push_str("),\n");
        }
        out.push(']');
    }
}

macro_rules! unit_enums {
    ($($t:ident),*) => {$(
        impl Lit for $t {
            fn lit(&self, out: &mut String) {
                write!(out, concat!(stringify!($t), "::{:?}"), self).unwrap();
            }
        }
    )*};
}
unit_enums!(
    Setting,
    CostBand,
    EvidenceRating,
    Strength,
    Outcome,
    Status,
    Question
);

/// Writes `Name { field: value, … }`.
fn record(out: &mut String, name: &str, fields: &[(&str, &dyn Lit)]) {
    write!(out, "{name} {{").unwrap();
    for (field, value) in fields {
        write!(out, "{field}: ").unwrap();
        value.lit(out);
        out.push_str(", ");
    }
    out.push('}');
}

macro_rules! records {
    ($($t:ident { $($f:ident),* })*) => {$(
        impl Lit for $t {
            fn lit(&self, out: &mut String) {
                record(out, stringify!($t), &[$((stringify!($f), &self.$f)),*]);
            }
        }
    )*};
}
records! {
    Evidence { rating, strength, summary, source }
    Course {
        per_week_min, per_week_max, per_week_default, session_minutes, weeks, home_minutes, home_per_week,
        description, source
    }
    SideEffect { text, source }
    Therapy {
        id, name, summary, how_it_works, setting, provider, credential, needles, touch, supplement, course, cost,
        evidence, risks, source
    }
    Term { id, label, help, aliases, source }
    FlagRule { id, outcome, when, message, action, source }
    NoticeRule { id, title, when, message, source }
    Derivation { id, from, implies_condition, because, source }
    TherapyRule { id, target, status, when, message, source }
    RuleBook { inherit, groups, derived, flags, notices, therapy }
}

impl Lit for Cond {
    fn lit(&self, out: &mut String) {
        let (variant, arg): (&str, &dyn Lit) = match self {
            Cond::Always(b) => ("Always", b),
            Cond::AnySymptom(ids) => ("AnySymptom", ids),
            Cond::AnyCondition(ids) => ("AnyCondition", ids),
            Cond::AnyMedication(ids) => ("AnyMedication", ids),
            Cond::AnyMedicationExcept(ids) => ("AnyMedicationExcept", ids),
            Cond::NotAnswered(q) => ("NotAnswered", q),
            Cond::AgeAtLeast(n) => ("AgeAtLeast", n),
            Cond::AgeBelow(n) => ("AgeBelow", n),
            Cond::AgeAbove(n) => ("AgeAbove", n),
            Cond::ActivityNot(a) => ("ActivityNot", a),
            Cond::Primary(p) => ("Primary", p),
            Cond::SelfHarmAtLeast(n) => ("SelfHarmAtLeast", n),
            Cond::DurationBelow(n) => ("DurationBelow", n),
            Cond::Phq2AnsweredAtLeast(n) => ("Phq2AnsweredAtLeast", n),
            Cond::Gad2AnsweredAtLeast(n) => ("Gad2AnsweredAtLeast", n),
            Cond::StartBackDistressAnsweredAtLeast(n) => ("StartBackDistressAnsweredAtLeast", n),
            Cond::All(cs) => ("All", cs),
            Cond::Any(cs) => ("Any", cs),
        };
        write!(out, "Cond::{variant}(").unwrap();
        arg.lit(out);
        out.push(')');
    }
}

impl Lit for Answer {
    fn lit(&self, out: &mut String) {
        let (variant, id) = match self {
            Answer::Medication(id) => ("Medication", id),
            Answer::Symptom(id) => ("Symptom", id),
        };
        write!(out, "Answer::{variant}(").unwrap();
        id.lit(out);
        out.push(')');
    }
}

impl Lit for Target {
    fn lit(&self, out: &mut String) {
        match self {
            Target::Named(name) => {
                out.push_str("Target::Named(");
                name.lit(out);
                out.push(')');
            }
            Target::Testing {
                every_therapy_testing,
            } => {
                out.push_str("Target::EveryTherapyTesting(");
                every_therapy_testing.lit(out);
                out.push(')');
            }
        }
    }
}

const HEADER: &str =
    "// @generated by build.rs from src/clinical/data/*.json: edit the JSON, not this file.\n";

/// Source of `static CATALOG: Catalog`, included by `src/clinical/catalog.rs`.
pub fn catalog(vocabulary: &Vocabulary, therapies: Vec<Therapy>) -> String {
    let v = vocabulary;
    let mut out = format!("{HEADER}static CATALOG: Catalog = ");
    record(
        &mut out,
        "Catalog",
        &[
            ("conditions", &v.conditions),
            ("symptoms", &v.symptoms),
            ("health", &v.health),
            ("medications", &v.medications),
            ("supplements", &v.supplements),
            ("therapies", &therapies),
        ],
    );
    out.push_str(";\n");
    out
}

/// Source of `static RULE_BOOK: RuleBook`, included by `src/clinical/rules/mod.rs`.
pub fn rules(book: &RuleBook) -> String {
    let mut out = format!("{HEADER}static RULE_BOOK: RuleBook = ");
    book.lit(&mut out);
    out.push_str(";\n");
    out
}

//! The shape of the rule book in words (derived facts, red flags, notices, each therapy's rules) and how it is
//! built from the compiled [`Engine`], so which rules reach which therapy is never read from the data a second time.

use super::conditions::{condition_words, label, question_words};
use super::statuses::{offer_words, outcome_words, status_words};
use super::words::Words;
use crate::clinical::catalog::{catalog, Catalog, Vocab};
use crate::clinical::rules::{
    engine, Answer, CrisisLine, EmergencyNumber, Engine, RuleBook, Target,
};
use crate::clinical::screening::{Outcome, TherapyStatus};

/// A fact Mosaic derives from another answer (RULES §4.2), in words.
#[derive(Clone, Debug, PartialEq)]
pub struct DerivedText {
    /// Stable ID, e.g. `DERIVED-TRANSPLANT-IMMUNOSUPPRESSED`.
    pub id: &'static str,
    /// "If you take *Transplant medicines*, Mosaic also counts *A weakened immune system*".
    pub sentence: Words,
    /// Why, finishing "because …".
    pub because: &'static str,
    /// Citation.
    pub source: &'static str,
}

/// A plan-level red flag in words.
#[derive(Clone, Debug, PartialEq)]
pub struct FlagText {
    /// Rule ID, e.g. `RF-CES`.
    pub id: &'static str,
    /// The outcome it leads to.
    pub outcome: Outcome,
    /// That outcome in words.
    pub outcome_words: &'static str,
    /// When it fires.
    pub when: Words,
    /// Why, as the person reads it.
    pub message: &'static str,
    /// What to do now.
    pub action: &'static str,
    /// Citation.
    pub source: &'static str,
}

/// A notice rule in words.
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeText {
    /// Notice ID, e.g. `conditions_unknown`.
    pub id: &'static str,
    /// Its heading.
    pub title: &'static str,
    /// When it is raised.
    pub when: Words,
    /// What the person reads.
    pub message: &'static str,
    /// Whether it means a safety answer is unknown.
    pub missing_answer: bool,
    /// What it shows beside its message, in words.
    pub offer: Option<&'static str>,
    /// Citation.
    pub source: &'static str,
}

/// One therapy rule as it applies to one therapy.
#[derive(Clone, Debug, PartialEq)]
pub struct TherapyRuleText {
    /// Rule ID, e.g. `MASSAGE-DVT`.
    pub id: &'static str,
    /// The status it gives.
    pub status: TherapyStatus,
    /// That status in words.
    pub status_words: &'static str,
    /// How the rule reaches this therapy; `None` when it is the therapy's own rule.
    pub applies: Option<Words>,
    /// When it fires.
    pub when: Words,
    /// What the person reads.
    pub message: &'static str,
    /// Citation.
    pub source: &'static str,
}

/// One therapy with every rule that applies to it, most severe first.
#[derive(Clone, Debug, PartialEq)]
pub struct TherapyText {
    /// Therapy ID, e.g. `massage`.
    pub id: String,
    /// Display name from the catalog.
    pub name: &'static str,
    /// Its rules, own, inherited, grouped and "every therapy testing" alike, most severe first.
    pub rules: Vec<TherapyRuleText>,
}

/// The whole rule book in words.
#[derive(Clone, Debug, PartialEq)]
pub struct BookText {
    /// Facts implied by other answers.
    pub derived: Vec<DerivedText>,
    /// Plan-level red flags, in rule-book order.
    pub flags: Vec<FlagText>,
    /// Notices, in rule-book order.
    pub notices: Vec<NoticeText>,
    /// Every therapy of the catalog, in report order.
    pub therapies: Vec<TherapyText>,
    /// The crisis lines shown with the crisis outcome.
    pub crisis_lines: &'static [CrisisLine],
    /// The emergency numbers named with the emergency outcome.
    pub emergency_numbers: &'static [EmergencyNumber],
}

/// The compiled rule book in words, with the catalog's labels.
pub fn rule_book_text() -> BookText {
    describe(engine(), catalog())
}

/// An engine's rule book in words, with `catalog`'s labels.
pub fn describe(engine: &Engine, catalog: &'static Catalog) -> BookText {
    let book = engine.book();
    let derived = book
        .derived
        .iter()
        .map(|d| {
            let mut sentence = Words::default();
            sentence.text("If you ");
            match d.from {
                Answer::Medication(id) => {
                    sentence
                        .text("take ")
                        .term(label(catalog, Vocab::Medication, id))
                }
                Answer::Symptom(id) => {
                    sentence
                        .text("answer “yes” to ")
                        .term(label(catalog, Vocab::Symptom, id))
                }
            };
            sentence.text(", Mosaic also counts ").term(label(
                catalog,
                Vocab::Health,
                d.implies_condition,
            ));
            DerivedText {
                id: d.id,
                sentence,
                because: d.because,
                source: d.source,
            }
        })
        .collect();
    let flags = book
        .flags
        .iter()
        .map(|r| FlagText {
            id: r.id,
            outcome: r.outcome,
            outcome_words: outcome_words(r.outcome),
            when: condition_words(&r.when, catalog),
            message: r.message,
            action: r.action,
            source: r.source,
        })
        .collect();
    let notices = book
        .notices
        .iter()
        .map(|r| NoticeText {
            id: r.id,
            title: r.title,
            when: condition_words(&r.when, catalog),
            message: r.message,
            missing_answer: r.missing_answer,
            offer: r.offer.map(offer_words),
            source: r.source,
        })
        .collect();
    let therapies = engine
        .therapies()
        .map(|(id, indices)| TherapyText {
            id: id.to_string(),
            name: catalog.therapy(id).map_or("", |t| t.name),
            rules: indices
                .iter()
                .map(|&i| {
                    let r = &book.therapy[i];
                    TherapyRuleText {
                        id: r.id,
                        status: r.status,
                        status_words: status_words(r.status),
                        applies: applies_words(book, r.target, id, catalog),
                        when: condition_words(&r.when, catalog),
                        message: r.message,
                        source: r.source,
                    }
                })
                .collect(),
        })
        .collect();
    BookText {
        derived,
        flags,
        notices,
        therapies,
        crisis_lines: book.crisis_lines,
        emergency_numbers: book.emergency_numbers,
    }
}

/// How a rule of `book` with `target` reaches `therapy`; `None` for the therapy's own rule.
fn applies_words(
    book: &RuleBook,
    target: Target,
    therapy: &str,
    catalog: &'static Catalog,
) -> Option<Words> {
    let mut w = Words::default();
    match target {
        Target::Named(name) if name == therapy => return None,
        Target::Named(name) if book.group(name).is_some() => {
            w.text(&format!("shared by the {} group", name.replace('_', " ")));
        }
        Target::Named(name) => {
            w.text("inherited from ")
                .term(catalog.therapy(name).map_or(name, |t| t.name));
        }
        Target::EveryTherapyTesting(q) => {
            w.text(&format!(
                "given to every therapy that has a rule on the {} answer",
                question_words(q)
            ));
        }
    }
    Some(w)
}

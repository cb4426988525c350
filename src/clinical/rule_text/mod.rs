//! The rule book in words (RULES §2 and §4): every derived fact, red flag, notice and therapy rule, with its
//! condition written as a plain sentence fragment from the catalog's labels, so a clinician can review the rules
//! without reading Rust or JSON.
//!
//! One structure feeds both `docs/clinical-rules.md` ([`markdown`], via `examples/clinical_rules.rs`) and the
//! in-app "How Mosaic checks safety" view, so the two can never say different things. Which rules reach which
//! therapy comes from the compiled [`Engine`], not from a second reading of the data.

use super::catalog::{catalog, Catalog, Vocab};
use super::rules::{
    engine, Answer, Cond, CrisisLine, EmergencyNumber, Engine, NoticeOffer, Question, RuleBook,
    Target,
};
use super::screening::{Outcome, Status};

mod markdown;

pub use markdown::{markdown, REGENERATE};

/// One piece of wording: plain text, or a catalog label that renderers set apart (emphasis).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Plain text.
    Text(String),
    /// A catalog label (a question, condition, medicine, pain condition or therapy name).
    Term(&'static str),
}

/// A sentence fragment made of [`Piece`]s.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words(pub Vec<Piece>);

impl Words {
    /// Appends plain text, merging it with the text before it.
    fn text(&mut self, s: &str) -> &mut Self {
        match self.0.last_mut() {
            Some(Piece::Text(t)) => t.push_str(s),
            _ => self.0.push(Piece::Text(s.to_string())),
        }
        self
    }

    /// Appends a catalog label.
    fn term(&mut self, label: &'static str) -> &mut Self {
        self.0.push(Piece::Term(label));
        self
    }

    /// Appends other words.
    fn words(&mut self, other: Words) -> &mut Self {
        for piece in other.0 {
            match piece {
                Piece::Text(t) => self.text(&t),
                Piece::Term(l) => self.term(l),
            };
        }
        self
    }

    /// The words as one plain string, labels in curly quotes (for tests, titles and screen text).
    pub fn plain(&self) -> String {
        self.0
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Term(l) => format!("“{l}”"),
            })
            .collect()
    }
}

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
    pub status: Status,
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

/// An outcome in words, with what it means for the person.
pub fn outcome_words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Emergency => "Emergency: go to emergency care now",
        Outcome::Crisis => "Crisis: crisis support now, for a risk of self-harm",
        Outcome::Urgent => "Urgent: see a clinician within a day or two",
        Outcome::OutOfScope => "Out of scope: outside what Mosaic is made for",
        Outcome::Proceed => "Proceed: a plan can be built",
    }
}

/// What a notice offers, in words.
fn offer_words(offer: NoticeOffer) -> &'static str {
    match offer {
        NoticeOffer::CrisisResources => "the crisis contacts (section 5)",
        NoticeOffer::AnswerHealthQuestions => "a link back to the health questions",
    }
}

/// A therapy status in words, with what it means for the person.
pub fn status_words(status: Status) -> &'static str {
    match status {
        Status::Blocked => "Blocked: cannot be added",
        Status::ClearanceRequired => "Clearance required: do not start until a clinician approves",
        Status::Caution => "Caution: can be added, with this message",
        Status::Allowed => "Allowed",
    }
}

/// The name of a question, as in "the health-conditions question".
fn question_words(q: Question) -> &'static str {
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
fn label(catalog: &'static Catalog, vocab: Vocab, id: &'static str) -> &'static str {
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

#[cfg(test)]
mod tests;

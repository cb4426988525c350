//! The second half of strict reading: an intake serde could read is held to the ranges declared beside its fields
//! (`Intake::AGE`, `Peg::ITEM` …) and its IDs to the vocabulary. Every problem is reported, not only the first.

use super::strict::join;
use super::{
    AreaRating, Intake, IntakeError, Mood, Pain, Peg, Phq4, Practicalities, Range, StartBack,
};
use crate::clinical::catalog::{Catalog, Vocab};

/// Every range or vocabulary problem of `intake`, with paths under `root`.
pub(super) fn problems(intake: &Intake, catalog: &Catalog, root: &str) -> Vec<IntakeError> {
    let mut c = Checker {
        root,
        catalog,
        errors: Vec::new(),
    };
    c.number("age", intake.age, Intake::AGE);
    if let Some(pain) = &intake.pain {
        c.pain(pain);
    }
    if let Some(mood) = &intake.mood {
        if let Some(phq4) = &mood.phq4 {
            let Phq4 {
                nervous,
                worry,
                interest,
                down,
            } = *phq4;
            let items = [
                ("nervous", nervous),
                ("worry", worry),
                ("interest", interest),
                ("down", down),
            ];
            for (item, answer) in items {
                c.number(&format!("mood.phq4.{item}"), answer, Phq4::ITEM);
            }
        }
        c.number("mood.self_harm", mood.self_harm, Mood::SELF_HARM);
    }
    if let Some(start_back) = &intake.start_back {
        c.numbers(
            "start_back.agree",
            start_back.agree.as_deref(),
            StartBack::AGREE_ITEM,
        );
        let noun = "STarT Back item 9 answer";
        c.fixed(
            "start_back.bothersome",
            start_back.bothersome.as_deref(),
            &StartBack::BOTHERSOME,
            noun,
        );
    }
    let lists = [
        ("symptoms", &intake.symptoms, Vocab::Symptom, "symptom"),
        (
            "conditions",
            &intake.conditions,
            Vocab::Health,
            "health condition",
        ),
        (
            "medications",
            &intake.medications,
            Vocab::Medication,
            "medication class",
        ),
        (
            "supplements",
            &intake.supplements,
            Vocab::Supplement,
            "supplement",
        ),
    ];
    for (path, ids, vocab, noun) in lists {
        c.vocab(path, ids.as_deref(), vocab, noun);
    }
    for (i, list) in intake.unsure.iter().enumerate() {
        let path = format!("unsure[{i}]");
        if !Intake::UNSURE_LISTS.contains(&list.as_str()) {
            let lists = Intake::UNSURE_LISTS.join(", ");
            c.fail(&path, |p| {
                format!("`{p}`: \"{list}\" is not a list that can be answered \"not sure\" (expected one of: {lists}).")
            });
        } else if intake.unsure[..i].contains(list) {
            c.fail(&path, |p| {
                format!("`{p}`: the list \"{list}\" is named twice.")
            });
        }
    }
    c.fixed(
        "activity",
        intake.activity.as_deref(),
        &Intake::ACTIVITY,
        "activity level",
    );
    if let Some(values) = &intake.values {
        let mut rated = Vec::new();
        for (i, rating) in values.areas.iter().enumerate() {
            let path = format!("values.areas[{i}]");
            c.area(&path, rating);
            if rated.contains(&rating.area.as_str()) {
                let area = &rating.area;
                c.fail(&format!("{path}.area"), |p| {
                    format!("`{p}`: the area \"{area}\" is rated twice.")
                });
            }
            rated.push(rating.area.as_str());
        }
    }
    if let Some(p) = &intake.practicalities {
        c.numbers(
            "practicalities.days",
            p.days.as_deref(),
            Practicalities::DAY,
        );
    }
    c.errors
}

/// Collects problems, each with its path under `root`.
struct Checker<'a> {
    root: &'a str,
    catalog: &'a Catalog,
    errors: Vec<IntakeError>,
}

impl Checker<'_> {
    fn fail(&mut self, path: &str, message: impl FnOnce(&str) -> String) {
        let path = join(self.root, path);
        self.errors.push(IntakeError {
            message: message(&path),
            path,
        });
    }

    fn pain(&mut self, pain: &Pain) {
        let noun = "pain condition";
        self.vocab_id(
            "pain.primary",
            pain.primary.as_deref(),
            Vocab::Condition,
            noun,
        );
        self.vocab("pain.sites", pain.sites.as_deref(), Vocab::Condition, noun);
        self.number(
            "pain.duration_months",
            pain.duration_months,
            Pain::DURATION_MONTHS,
        );
        if let Some(peg) = &pain.peg {
            let Peg {
                pain,
                enjoyment,
                activity,
            } = *peg;
            let items = [
                ("pain", pain),
                ("enjoyment", enjoyment),
                ("activity", activity),
            ];
            for (item, answer) in items {
                self.number(&format!("pain.peg.{item}"), answer, Peg::ITEM);
            }
        }
    }

    fn area(&mut self, path: &str, rating: &AreaRating) {
        let area = rating.area.as_str();
        if !self.catalog.knows(Vocab::Area, area) {
            let known: Vec<&str> = self
                .catalog
                .terms(Vocab::Area)
                .iter()
                .map(|t| t.id)
                .collect();
            self.fail(&format!("{path}.area"), |p| {
                format!(
                    "`{p}`: \"{area}\" is not a Whole-Health area Mosaic knows (expected one of: {}).",
                    known.join(", ")
                )
            });
        }
        self.number(&format!("{path}.now"), rating.now, AreaRating::RATING);
        self.number(&format!("{path}.want"), rating.want, AreaRating::RATING);
    }

    fn number(&mut self, path: &str, value: Option<impl Into<u16>>, range: Range) {
        if let Some(n) = value.map(Into::into).filter(|n| !range.contains(*n)) {
            let Range { min, max } = range;
            self.fail(path, |p| {
                format!("`{p}` is {n}, but it must be a whole number from {min} to {max}.")
            });
        }
    }

    fn numbers(&mut self, path: &str, values: Option<&[u8]>, range: Range) {
        for (i, n) in values.unwrap_or_default().iter().enumerate() {
            self.number(&format!("{path}[{i}]"), Some(*n), range);
        }
    }

    /// Each ID of a list, checked against the vocabulary and reported per item (`symptoms[2]`).
    fn vocab(&mut self, path: &str, ids: Option<&[String]>, vocab: Vocab, noun: &str) {
        for (i, id) in ids.unwrap_or_default().iter().enumerate() {
            self.vocab_id(&format!("{path}[{i}]"), Some(id), vocab, noun);
        }
    }

    /// One ID, checked against the vocabulary.
    fn vocab_id(&mut self, path: &str, id: Option<&str>, vocab: Vocab, noun: &str) {
        if let Some(id) = id.filter(|id| !self.catalog.knows(vocab, id)) {
            self.unknown(path, id, noun);
        }
    }

    /// One ID, checked against a fixed list of answers.
    fn fixed(&mut self, path: &str, id: Option<&str>, allowed: &[&str], noun: &str) {
        if let Some(id) = id.filter(|id| !allowed.contains(id)) {
            self.unknown(path, id, noun);
        }
    }

    fn unknown(&mut self, path: &str, id: &str, noun: &str) {
        self.fail(path, |p| {
            format!("`{p}`: \"{id}\" is not a known {noun} ID; check the spelling.")
        });
    }
}

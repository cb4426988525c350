//! The intake as one QuestionnaireResponse: an item per answered question, with a stable `linkId` and the question
//! in plain English. A skipped question is left out; "not sure" is answered with the standard "asked but unknown"
//! code, never as "none"; and the sections the person chose not to share are listed as such.

use super::{label, object, start_back_answers, Export};
use crate::clinical::catalog::{catalog, Vocab};
use crate::clinical::intake::{Intake, StartBack};
use crate::clinical::plan::WEEKDAYS;
use crate::share::choices::ShareChoices;
use serde_json::{json, Value};

/// The item 9 answers of STarT Back as the person read them, in the order of `StartBack::BOTHERSOME`.
const BOTHERSOME_WORDS: [&str; 5] = [
    "Not at all",
    "Slightly",
    "Moderately",
    "Very much",
    "Extremely",
];

/// Adds the QuestionnaireResponse of the intake; returns its full URL.
pub(super) fn response(x: &mut Export, choices: &ShareChoices) -> String {
    let mut items: Vec<Value> = Vec::new();
    pain(x, &mut items);
    mood(x, &mut items);
    start_back(x, &mut items);
    items.extend(symptoms(x));
    lists(x, &mut items);
    values_and_practicalities(&x.shared.intake, &mut items);
    items.extend(not_shared(choices));
    let body = object(json!({
        "status": "completed",
        "subject": x.patient_ref(),
        "authored": x.now,
        "author": x.patient_ref(),
        "source": x.patient_ref(),
        "item": items,
    }));
    x.add("QuestionnaireResponse", "intake", body)
}

/// One question and its answers.
fn item(link: &str, text: &str, answers: Vec<Value>) -> Value {
    json!({ "linkId": link, "text": text, "answer": answers })
}

/// A group of questions.
fn group(link: &str, text: &str, items: Vec<Value>) -> Value {
    json!({ "linkId": link, "text": text, "item": items })
}

fn integer(n: impl Into<u32>) -> Value {
    json!({ "valueInteger": n.into() })
}

fn string(s: &str) -> Value {
    json!({ "valueString": s })
}

fn boolean(b: bool) -> Value {
    json!({ "valueBoolean": b })
}

/// The answer "not sure": the person was asked and does not know (never "no" or "none").
fn unknown() -> Value {
    json!({ "valueCoding": {
        "system": "http://terminology.hl7.org/CodeSystem/data-absent-reason",
        "code": "asked-unknown",
        "display": "Asked But Unknown"
    } })
}

/// A 0–3 PHQ answer as its LOINC answer code (`None` when out of range).
fn phq_answer(x: &Export, n: u8) -> Option<Value> {
    let term = x.terms.phq_answers.get(usize::from(n))?;
    Some(json!({ "valueCoding": super::coding(term) }))
}

fn pain(x: &Export, items: &mut Vec<Value>) {
    let intake = &x.shared.intake;
    if let Some(age) = intake.age {
        items.push(item("age", "Age in years", vec![integer(age)]));
    }
    let Some(pain) = &intake.pain else {
        return;
    };
    if let Some(id) = &pain.primary {
        let answer = string(&label(Vocab::Condition, id));
        items.push(item(
            "pain.primary",
            "The pain that troubles them most",
            vec![answer],
        ));
    }
    let sites_unsure = x.shared.unsure.contains("sites");
    items.extend(list(
        "pain.sites",
        "Long-term pain anywhere else",
        pain.sites.as_ref(),
        sites_unsure,
        Vocab::Condition,
    ));
    if let Some(months) = pain.duration_months {
        let text = "How long they have had this pain, in months";
        items.push(item("pain.duration_months", text, vec![integer(months)]));
    }
    let Some(peg) = pain.peg else {
        return;
    };
    for (link, text, value) in [
        (
            "peg.pain",
            "Pain on average in the past week (0 = no pain, 10 = pain as bad as you can imagine)",
            peg.pain,
        ),
        (
            "peg.enjoyment",
            "How much pain interfered with enjoyment of life in the past week (0 = not at all, 10 = completely)",
            peg.enjoyment,
        ),
        (
            "peg.activity",
            "How much pain interfered with general activity in the past week (0 = not at all, 10 = completely)",
            peg.activity,
        ),
    ] {
        if let Some(v) = value {
            items.push(item(link, text, vec![integer(v)]));
        }
    }
}

fn mood(x: &Export, items: &mut Vec<Value>) {
    let Some(mood) = x.shared.intake.mood else {
        return;
    };
    // The PHQ-4's and PHQ-9's own wording, each asked about the last 2 weeks.
    let p = mood.phq4.unwrap_or_default();
    for (link, text, value) in [
        (
            "phq4.nervous",
            "Feeling nervous, anxious or on edge",
            p.nervous,
        ),
        (
            "phq4.worry",
            "Not being able to stop or control worrying",
            p.worry,
        ),
        (
            "phq4.interest",
            "Little interest or pleasure in doing things",
            p.interest,
        ),
        ("phq4.down", "Feeling down, depressed, or hopeless", p.down),
        (
            "mood.self_harm",
            "Thoughts that you would be better off dead, or of hurting yourself in some way",
            mood.self_harm,
        ),
    ] {
        if let Some(answer) = value.and_then(|v| phq_answer(x, v)) {
            let text = format!("Over the last 2 weeks, how often: {text}");
            items.push(item(link, &text, vec![answer]));
        }
    }
}

/// STarT Back items 1–8 as answered so far (the intake holds them only once all eight are), and item 9.
fn start_back(x: &Export, items: &mut Vec<Value>) {
    let terms = &x.terms.start_back_items;
    for (k, answer) in start_back_answers(x.shared).into_iter().enumerate() {
        if let Some(agreed) = answer {
            let words = if agreed { "Agree" } else { "Disagree" };
            let link = format!("start_back.{}", k + 1);
            items.push(item(&link, &terms[k].display, vec![string(words)]));
        }
    }
    let sb = x.shared.intake.start_back.as_ref();
    if let Some(id) = sb.and_then(|s| s.bothersome.as_deref()) {
        let words = bothersome_words(id);
        items.push(item("start_back.9", &terms[8].display, vec![string(words)]));
    }
}

/// Item 9's answer as the person read it (the stored ID itself if it is not one Mosaic knows).
pub(super) fn bothersome_words(id: &str) -> &str {
    StartBack::BOTHERSOME
        .iter()
        .position(|b| *b == id)
        .map_or(id, |k| BOTHERSOME_WORDS[k])
}

/// The warning-sign questions: every one the intake put to the person, answered yes, no or not sure.
fn symptoms(x: &Export) -> Option<Value> {
    let intake = &x.shared.intake;
    let unsure = x.shared.unsure.contains("symptoms");
    if intake.symptoms.is_none() && !unsure {
        return None;
    }
    let ticked = intake.symptoms.as_deref().unwrap_or_default();
    let items: Vec<Value> = catalog()
        .groups(Vocab::Symptom)
        .iter()
        .filter(|g| g.is_asked(intake, ticked))
        .flat_map(|g| g.ids.iter())
        .map(|id| {
            let answer = if ticked.iter().any(|t| t == id) {
                boolean(true)
            } else if unsure {
                unknown()
            } else {
                boolean(false)
            };
            item(
                &format!("symptoms.{id}"),
                &label(Vocab::Symptom, id),
                vec![answer],
            )
        })
        .collect();
    Some(group("symptoms", "Warning signs asked about", items))
}

/// A ticked list: the labels ticked, "None of these" for an empty list, and "not sure" beside any ticks.
fn list(
    link: &str,
    text: &str,
    ids: Option<&Vec<String>>,
    unsure: bool,
    vocab: Vocab,
) -> Option<Value> {
    if ids.is_none() && !unsure {
        return None;
    }
    let mut answers: Vec<Value> = ids
        .into_iter()
        .flatten()
        .map(|id| string(&label(vocab, id)))
        .collect();
    if unsure {
        answers.push(unknown());
    } else if answers.is_empty() {
        answers.push(string("None of these"));
    }
    Some(item(link, text, answers))
}

fn lists(x: &Export, items: &mut Vec<Value>) {
    let intake: &Intake = &x.shared.intake;
    for (name, text, ids, vocab) in [
        (
            "conditions",
            "Health conditions that apply to them",
            intake.conditions.as_ref(),
            Vocab::Health,
        ),
        (
            "medications",
            "Medicines they take regularly",
            intake.medications.as_ref(),
            Vocab::Medication,
        ),
        (
            "supplements",
            "Supplements or herbal remedies they take",
            intake.supplements.as_ref(),
            Vocab::Supplement,
        ),
    ] {
        // Named in `unsure`, the list is only partly known whether or not it has ticks; a list neither answered
        // nor named is skipped (`Intake::list_unknown` counts both as unknown, but only the first was said).
        let unsure = intake.unsure.iter().any(|u| u == name);
        items.extend(list(name, text, ids, unsure, vocab));
    }
    if let Some(activity) = &intake.activity {
        let text = "Planned exercise of at least 30 minutes, 3 days a week, for the last 3 months";
        let active = activity == Intake::ACTIVITY[0];
        items.push(item("activity", text, vec![boolean(active)]));
    }
}

fn values_and_practicalities(intake: &Intake, items: &mut Vec<Value>) {
    if let Some(v) = &intake.values {
        if let Some(words) = &v.what_matters {
            items.push(item(
                "values.what_matters",
                "What matters most to them, in their words",
                vec![string(words)],
            ));
        }
        let out_of_5 =
            |n: Option<u8>| n.map_or("not answered".to_string(), |n| format!("{n} of 5"));
        let areas: Vec<Value> = v
            .areas
            .iter()
            .filter(|a| a.now.is_some() || a.want.is_some())
            .map(|a| {
                let words = format!("Now {}; would like {}", out_of_5(a.now), out_of_5(a.want));
                item(
                    &format!("values.area.{}", a.area),
                    &label(Vocab::Area, &a.area),
                    vec![string(&words)],
                )
            })
            .collect();
        if !areas.is_empty() {
            items.push(group(
                "values.areas",
                "Areas of self-care, rated 1 to 5",
                areas,
            ));
        }
        let goals: Vec<Value> = v.goals.iter().map(|g| string(g)).collect();
        if !goals.is_empty() {
            items.push(item("values.goals", "Their goals, in their words", goals));
        }
    }
    let Some(p) = &intake.practicalities else {
        return;
    };
    if let Some(m) = p.minutes_per_week {
        items.push(item(
            "practical.minutes_per_week",
            "Minutes a week they could give to the plan",
            vec![integer(m)],
        ));
    }
    if let Some(b) = p.budget_per_month {
        items.push(item(
            "practical.budget_per_month",
            "What they could spend each month",
            vec![integer(b)],
        ));
    }
    if let Some(days) = &p.days {
        let mut answers: Vec<Value> = days
            .iter()
            .filter_map(|d| WEEKDAYS.get(usize::from(*d)))
            .map(|d| string(d))
            .collect();
        if answers.is_empty() {
            answers.push(string("No days"));
        }
        items.push(item(
            "practical.days",
            "Days they could usually fit something in",
            answers,
        ));
    }
    for (link, text, value) in [
        (
            "practical.needles_ok",
            "Open to treatments with fine needles, such as acupuncture",
            p.needles_ok,
        ),
        (
            "practical.touch_ok",
            "Open to hands-on treatments, such as massage",
            p.touch_ok,
        ),
        (
            "practical.home_only",
            "Only things they can do at home",
            p.home_only,
        ),
    ] {
        if let Some(b) = value {
            items.push(item(link, text, vec![boolean(b)]));
        }
    }
}

/// The sections left out by the person, so that a missing answer is not read as a skipped one.
fn not_shared(choices: &ShareChoices) -> Option<Value> {
    let mut items = Vec::new();
    for (shared, link, text) in [
        (
            choices.own_words,
            "not_shared.own_words",
            "What matters to them, their goals and their flare plan",
        ),
        (
            choices.mood,
            "not_shared.mood",
            "Mood answers (PHQ-4 and the self-harm question), at intake and check-ins",
        ),
        (
            choices.supplements,
            "not_shared.supplements",
            "Supplements taken and chosen",
        ),
        (choices.progress, "not_shared.progress", "Weekly check-ins"),
        (
            choices.notes,
            "not_shared.notes",
            "Check-in notes and the words describing side effects",
        ),
    ] {
        if !shared {
            items.push(item(link, text, vec![string("Not shared")]));
        }
    }
    if choices.progress && (choices.from.is_some() || choices.to.is_some()) {
        let words = format!(
            "Only check-ins dated {} to {} are included",
            choices.from.as_deref().unwrap_or("the first"),
            choices.to.as_deref().unwrap_or("the latest")
        );
        items.push(item(
            "not_shared.checkin_dates",
            "Check-in dates shared",
            vec![string(&words)],
        ));
    }
    (!items.is_empty()).then(|| group("not_shared", "Left out of this export by the person", items))
}

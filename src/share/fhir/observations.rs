//! The scores as Observations with their LOINC codes: the intake's PEG, PHQ-2, GAD-2, PHQ-9 item 9 and STarT Back
//! (dated the day of the export, derived from the intake's QuestionnaireResponse), and each check-in's PEG, mood,
//! sleep, sessions and side effects (dated the day of the check-in).

use super::questionnaire::bothersome_words;
use super::{
    concept, object, reference, score, start_back_answers, therapy_name, Export, Term, Terms,
};
use crate::clinical::catalog::Vocab;
use crate::clinical::dates::day_number;
use crate::clinical::intake::{Peg, Phq4};
use crate::clinical::progress::EffectLevel;
use crate::clinical::scores::{self, Risk, Scores, StartBackScore};
use serde_json::{json, Map, Value};

/// A survey Observation of the person on `date`, before its value.
fn observation(x: &Export, code: Value, date: &str) -> Map<String, Value> {
    let mut body = object(json!({
        "status": "final",
        "category": [{ "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey",
            "display": "Survey"
        }] }],
        "code": code,
        "subject": x.patient_ref(),
        "performer": [x.patient_ref()],
    }));
    // A hand-edited document may hold a date that is not one; the record is better undated than invalid.
    if day_number(date).is_some() {
        body.insert("effectiveDateTime".into(), json!(date));
    }
    body
}

/// Picks one code of `loinc.json`.
type Pick = fn(&Terms) -> &Term;

/// Where an Observation's date and source come from: the intake (derived from its response) or a check-in.
#[derive(Clone, Copy)]
struct At<'a> {
    /// Prefix of the keys of the Observations made, unique in the bundle.
    key: &'a str,
    date: &'a str,
    /// The QuestionnaireResponse the values were read from, if any.
    derived_from: Option<&'a str>,
}

impl At<'_> {
    /// Adds an Observation with `value` (an element name and its value) and `extra` elements.
    fn add(
        self,
        x: &mut Export,
        key: &str,
        code: Value,
        value: Option<(&str, Value)>,
        extra: Value,
    ) -> String {
        let mut body = observation(x, code, self.date);
        if let Some((name, v)) = value {
            body.insert(name.into(), v);
        }
        if let Some(qr) = self.derived_from {
            body.insert("derivedFrom".into(), json!([reference(qr)]));
        }
        body.extend(object(extra));
        x.add("Observation", &format!("{}/{key}", self.key), body)
    }
}

/// A 0–3 PHQ answer as a CodeableConcept of its LOINC answer code.
fn phq_value(x: &Export, n: u8) -> Option<Value> {
    let term = x.terms.phq_answers.get(usize::from(n))?;
    Some(json!({ "coding": [super::coding(term)], "text": term.display }))
}

/// Adds the intake's score Observations.
pub(super) fn intake(x: &mut Export, scores: &Scores, qr: &str) {
    let at = At {
        key: "intake",
        date: x.today,
        derived_from: Some(qr),
    };
    if let Some(peg) = x.shared.intake.pain.as_ref().and_then(|p| p.peg) {
        if let Some(mean) = peg_mean(x, at, &peg) {
            let code = concept(&x.terms.peg_panel);
            at.add(
                x,
                "peg/panel",
                code,
                None,
                json!({ "hasMember": [reference(&mean)] }),
            );
        }
    }
    let mood = x.shared.intake.mood;
    if let Some(p) = mood.and_then(|m| m.phq4) {
        phq4(x, at, &p);
    }
    if let Some(value) = mood.and_then(|m| m.self_harm).and_then(|n| phq_value(x, n)) {
        let code = concept(&x.terms.phq9_item9);
        at.add(
            x,
            "phq9/item9",
            code,
            Some(("valueCodeableConcept", value)),
            json!({}),
        );
    }
    start_back(x, at, &scores.start_back);
}

/// The PEG mean with its three items as components, when all three are answered; returns its full URL.
fn peg_mean(x: &mut Export, at: At, peg: &Peg) -> Option<String> {
    let mean = scores::peg(peg)?;
    let t = &x.terms;
    let components: Vec<Value> = [
        (&t.peg_pain, peg.pain),
        (&t.peg_enjoyment, peg.enjoyment),
        (&t.peg_activity, peg.activity),
    ]
    .into_iter()
    .map(|(term, v)| json!({ "code": concept(term), "valueInteger": v }))
    .collect();
    let code = concept(&t.peg_mean);
    let value = ("valueQuantity", score(mean.display));
    Some(at.add(
        x,
        "peg/mean",
        code,
        Some(value),
        json!({ "component": components }),
    ))
}

/// PHQ-2 and GAD-2: each answered item, each complete total, and the PHQ-2 panel over them.
fn phq4(x: &mut Export, at: At, p: &Phq4) {
    let totals = scores::phq4(p);
    let mut phq2 = Vec::new();
    let items: [(&str, Option<u8>, Pick); 2] = [
        ("phq2/interest", p.interest, |t| &t.phq2_interest),
        ("phq2/down", p.down, |t| &t.phq2_down),
    ];
    for (key, value, term) in items {
        if let Some(url) = phq_item(x, at, key, value, term) {
            phq2.push(reference(&url));
        }
    }
    if let Some(total) = totals.phq2 {
        let code = concept(&x.terms.phq2_total);
        let url = at.add(
            x,
            "phq2/total",
            code,
            Some(("valueQuantity", score(total))),
            json!({}),
        );
        phq2.push(reference(&url));
    }
    if !phq2.is_empty() {
        let code = concept(&x.terms.phq2_panel);
        at.add(x, "phq2/panel", code, None, json!({ "hasMember": phq2 }));
    }
    let items: [(&str, Option<u8>, Pick); 2] = [
        ("gad2/nervous", p.nervous, |t| &t.gad2_nervous),
        ("gad2/worry", p.worry, |t| &t.gad2_worry),
    ];
    for (key, value, term) in items {
        phq_item(x, at, key, value, term);
    }
    if let Some(total) = totals.gad2 {
        let code = concept(&x.terms.gad2_total);
        at.add(
            x,
            "gad2/total",
            code,
            Some(("valueQuantity", score(total))),
            json!({}),
        );
    }
}

/// One PHQ-4 item with its code in `loinc.json`; returns its full URL when it was answered.
fn phq_item(x: &mut Export, at: At, key: &str, value: Option<u8>, term: Pick) -> Option<String> {
    let value = phq_value(x, value?)?;
    let code = concept(term(&x.terms));
    Some(at.add(
        x,
        key,
        code,
        Some(("valueCodeableConcept", value)),
        json!({}),
    ))
}

/// STarT Back: the nine items as answered, and the subscore, total and risk group once it is scored.
fn start_back(x: &mut Export, at: At, result: &StartBackScore) {
    let shared = x.shared;
    let mut members = Vec::new();
    for (k, answer) in start_back_answers(shared).into_iter().enumerate() {
        let Some(agreed) = answer else { continue };
        let n = k + 1;
        let value = json!({ "text": if agreed { "Agree" } else { "Disagree" } });
        let code = concept(&x.terms.start_back_items[k]);
        let url = at.add(
            x,
            &format!("start_back/{n}"),
            code,
            Some(("valueCodeableConcept", value)),
            json!({}),
        );
        members.push(reference(&url));
    }
    let bothersome = shared
        .intake
        .start_back
        .as_ref()
        .and_then(|s| s.bothersome.as_deref());
    if let Some(id) = bothersome {
        let value = json!({ "text": bothersome_words(id) });
        let code = concept(&x.terms.start_back_items[8]);
        let url = at.add(
            x,
            "start_back/9",
            code,
            Some(("valueCodeableConcept", value)),
            json!({}),
        );
        members.push(reference(&url));
    }
    if let StartBackScore::Scored {
        total,
        psychosocial,
        risk,
    } = *result
    {
        let t = &x.terms;
        let (distress, total_code, risk_code) = (
            concept(&t.start_back_distress),
            concept(&t.start_back_total),
            concept(&t.start_back_risk),
        );
        let answers = &t.start_back_risk_answers;
        let answer = match risk {
            Risk::Low => &answers.low,
            Risk::Medium => &answers.medium,
            Risk::High => &answers.high,
        };
        let risk_value = json!({ "coding": [super::coding(answer)], "text": answer.display });
        for (key, code, value) in [
            (
                "start_back/distress",
                distress,
                ("valueQuantity", score(psychosocial)),
            ),
            (
                "start_back/total",
                total_code,
                ("valueQuantity", score(total)),
            ),
            (
                "start_back/risk",
                risk_code,
                ("valueCodeableConcept", risk_value),
            ),
        ] {
            let url = at.add(x, key, code, Some(value), json!({}));
            members.push(reference(&url));
        }
    }
    if !members.is_empty() {
        let code = concept(&x.terms.start_back_panel);
        at.add(
            x,
            "start_back/panel",
            code,
            None,
            json!({ "hasMember": members }),
        );
    }
}

/// How much a therapy's side effects mattered, in the words the check-in offered.
fn level_words(level: EffectLevel) -> &'static str {
    match level {
        EffectLevel::None => "None",
        EffectLevel::Mild => "Mild",
        EffectLevel::Stopped => "Stopped me doing it",
        EffectLevel::MedicalCare => "Needed medical care",
    }
}

/// Adds every shared check-in's Observations, each dated the day of its check-in.
pub(super) fn checkins(x: &mut Export) {
    let shared = x.shared;
    for (i, c) in shared.checkins.iter().enumerate() {
        let key = format!("checkin/{i}");
        let at = At {
            key: &key,
            date: &c.date,
            derived_from: None,
        };
        peg_mean(x, at, &c.peg);
        if let Some(p) = &c.mood {
            phq4(x, at, p);
        }
        if let Some(sleep) = c.sleep {
            let code = concept(&x.terms.sleep_quality);
            at.add(
                x,
                "sleep",
                code,
                Some(("valueInteger", json!(sleep))),
                json!({}),
            );
        }
        for (id, n) in &c.sessions {
            let code =
                json!({ "text": format!("Sessions of {} done that week", therapy_name(id)) });
            at.add(
                x,
                &format!("sessions/{id}"),
                code,
                Some(("valueInteger", json!(n))),
                json!({}),
            );
        }
        for (id, effect) in &c.effects {
            let code = json!({ "text": format!("Side effects of {} that week", therapy_name(id)) });
            let value = ("valueString", json!(level_words(effect.level)));
            // The words are present only when the person shared their notes (the redaction empties them).
            let note = if effect.text.is_empty() {
                json!({})
            } else {
                json!({ "note": [{ "text": effect.text }] })
            };
            at.add(x, &format!("effects/{id}"), code, Some(value), note);
        }
        for (key, text, words) in [
            (
                "side_effects",
                "Side effects that week, in their words",
                &c.side_effects,
            ),
            ("note", "Check-in note, in their words", &c.note),
        ] {
            if !words.is_empty() {
                let value = ("valueString", json!(words));
                at.add(x, key, json!({ "text": text }), Some(value), json!({}));
            }
        }
        if let Some(flags) = &c.red_flags {
            let labels: Vec<String> = flags
                .iter()
                .map(|id| super::label(Vocab::Symptom, id))
                .collect();
            let words = if labels.is_empty() {
                "None of these".to_string()
            } else {
                labels.join("; ")
            };
            let code =
                json!({ "text": "Warning signs asked again at this check-in (answered yes)" });
            at.add(
                x,
                "red_flags",
                code,
                Some(("valueString", json!(words))),
                json!({}),
            );
        }
    }
}

//! The plan side of the export: the person's goals and the plan's SMART goals as Goals, the 12-week plan as a
//! proposed CarePlan (one activity per plan item, with its weekly timing and every safety message), and the medicines
//! and supplements the person reported as MedicationStatements.

use super::{label, object, reference, therapy_name, Export, UCUM};
use crate::clinical::catalog::Vocab;
use crate::clinical::dates::day_number;
use crate::clinical::plan::{day_list, EntryKind, Plan, PlanItem};
use crate::clinical::screening::{Screening, TherapyStatus};
use serde_json::{json, Value};

/// FHIR's day-of-week codes, 0 = Monday as the plan stores days.
const DAY_CODES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Adds the Goals: the person's own goals (with the plan's time-bound version as a note), then the plan's other
/// SMART goals; returns their full URLs.
pub(super) fn goals(x: &mut Export, plan: Option<&Plan>) -> Vec<String> {
    let shared = x.shared;
    let own = shared.intake.values.iter().flat_map(|v| v.goals.iter());
    let smart = plan.map(|p| p.goals.as_slice()).unwrap_or_default();
    let mut urls = Vec::new();
    for (k, goal) in own.map(|g| g.trim()).filter(|g| !g.is_empty()).enumerate() {
        let planned = smart
            .iter()
            .find(|s| s.own_words.as_deref().map(str::trim) == Some(goal));
        let notes: Vec<Value> = planned
            .map(|s| json!({ "text": format!("In the plan: {} How to measure it: {}", s.text, s.measure) }))
            .into_iter()
            .collect();
        urls.push(add_goal(x, &format!("own/{k}"), goal, notes));
    }
    for (k, goal) in smart.iter().filter(|s| s.own_words.is_none()).enumerate() {
        let notes = vec![
            json!({ "text": format!("Suggested by Mosaic's plan. How to measure it: {}", goal.measure) }),
        ];
        urls.push(add_goal(x, &format!("plan/{k}"), &goal.text, notes));
    }
    urls
}

fn add_goal(x: &mut Export, key: &str, text: &str, notes: Vec<Value>) -> String {
    let mut body = object(json!({
        "lifecycleStatus": "proposed",
        "description": { "text": text },
        "subject": x.patient_ref(),
        "expressedBy": x.patient_ref(),
    }));
    if !notes.is_empty() {
        body.insert("note".into(), Value::Array(notes));
    }
    x.add("Goal", key, body)
}

/// Adds the plan as a proposed CarePlan written by the person (unless it would be empty).
pub(super) fn care_plan(x: &mut Export, plan: &Plan, screening: &Screening, goals: &[String]) {
    let condition = label(Vocab::Condition, &plan.condition).to_lowercase();
    let activities: Vec<Value> = plan.items.iter().map(activity).collect();
    let notes = notes(plan, screening);
    if activities.is_empty() && goals.is_empty() && notes.is_empty() {
        return; // nothing chosen and nothing to say: no plan to send
    }
    let mut body = object(json!({
        "status": "active",
        "intent": "proposal",
        "title": format!("{}-week plan for {condition}, made by the person with Mosaic", plan.weeks),
        "description": "A plan the person made for themselves to discuss with their clinician; not a clinician's order.",
        "subject": x.patient_ref(),
        "created": x.now,
        "author": x.patient_ref(),
        "goal": goals.iter().map(|g| reference(g)).collect::<Vec<_>>(),
        "activity": activities,
        "note": notes,
    }));
    // The plan's weeks start on the day of the first check-in; only a shared week-1 check-in dates it.
    let week_one = x.shared.checkins.iter().find(|c| c.week == 1);
    if let Some(first) = week_one.filter(|c| day_number(&c.date).is_some()) {
        body.insert("period".into(), json!({ "start": first.date }));
    }
    x.add("CarePlan", "plan", body);
}

/// One plan item as an activity: what, on which days, how long, and for how many weeks.
fn activity(item: &PlanItem) -> Value {
    let name = therapy_name(&item.therapy);
    let mut description = format!(
        "{name}: {} Weeks {} to {}: {} a week on {}, {} minutes each.",
        item.course,
        item.start_week,
        item.end_week,
        times(item.per_week),
        day_list(&item.days),
        item.session_minutes
    );
    if item.session_kind == EntryKind::HomePractice {
        description.push_str(" Practised at home.");
    }
    if !item.home_days.is_empty() && item.home_minutes > 0 {
        description.push_str(&format!(
            " Home practice on {}, {} minutes.",
            day_list(&item.home_days),
            item.home_minutes
        ));
    }
    if let Some(note) = &item.note {
        description.push(' ');
        description.push_str(note);
    }
    let weeks = item.end_week.saturating_sub(item.start_week) + 1;
    let mut repeat = json!({
        "boundsDuration": { "value": weeks, "unit": "wk", "system": UCUM, "code": "wk" },
        "period": 1,
        "periodUnit": "wk",
        "duration": item.session_minutes,
        "durationUnit": "min",
    });
    if item.per_week > 0 {
        repeat["frequency"] = json!(item.per_week);
    }
    let days: Vec<&str> = item
        .days
        .iter()
        .filter_map(|d| DAY_CODES.get(usize::from(*d)).copied())
        .collect();
    if !days.is_empty() {
        repeat["dayOfWeek"] = json!(days);
    }
    json!({ "detail": {
        "code": { "text": name },
        "status": "scheduled",
        "description": description,
        "scheduledTiming": { "repeat": repeat },
    } })
}

/// A screening status as a clinician reads it.
fn status_words(status: TherapyStatus) -> &'static str {
    match status {
        TherapyStatus::Allowed => "allowed (no safety rule applied)",
        TherapyStatus::Caution => "caution",
        TherapyStatus::ClearanceRequired => {
            "clearance required (not to start until a clinician approves)"
        }
        TherapyStatus::Blocked => "blocked",
    }
}

/// "once", "twice", "3 times".
fn times(n: u8) -> String {
    match n {
        1 => "once".into(),
        2 => "twice".into(),
        n => format!("{n} times"),
    }
}

/// The safety notes: each planned therapy's status and every caution or clearance message the screening gave it,
/// the chosen therapies left out and why, and the supplements to discuss.
fn notes(plan: &Plan, screening: &Screening) -> Vec<Value> {
    let mut out = Vec::new();
    for item in &plan.items {
        let name = therapy_name(&item.therapy);
        out.push(format!(
            "{name}: safety check: {}.",
            status_words(item.status)
        ));
        let findings = screening
            .therapy(&item.therapy)
            .map(|t| t.findings.as_slice());
        for f in findings.unwrap_or_default() {
            if !matches!(
                f.status,
                Some(TherapyStatus::Caution | TherapyStatus::ClearanceRequired)
            ) {
                continue;
            }
            let status = f.status.map_or("", status_words);
            let mut text = format!("{name}, {status}: {}", f.message);
            if !f.because.is_empty() {
                text.push_str(&format!(" This applies because {}.", f.because.join("; ")));
            }
            out.push(text);
        }
    }
    for e in &plan.excluded {
        out.push(format!(
            "{} was chosen but left out of the plan: {}",
            therapy_name(&e.therapy),
            e.reason
        ));
    }
    for s in &plan.supplements {
        out.push(format!(
            "{}: safety check: {}. {}",
            therapy_name(&s.supplement),
            status_words(s.status),
            s.advice
        ));
    }
    out.into_iter()
        .map(|text| json!({ "text": text }))
        .collect()
}

/// Adds a MedicationStatement for each medicine class and supplement reported; a list the person was not sure
/// about says so on each statement, or in one "unknown" statement when nothing was ticked.
pub(super) fn medicines(x: &mut Export, screening: &Screening) {
    let shared = x.shared;
    let intake = &shared.intake;
    for (name, words, ids, vocab) in [
        (
            "medications",
            "regular medicines",
            intake.medications.as_ref(),
            Vocab::Medication,
        ),
        (
            "supplements",
            "supplements or herbal remedies",
            intake.supplements.as_ref(),
            Vocab::Supplement,
        ),
    ] {
        // Supplements are absent from the copy when the person did not share them.
        let unsure = intake.unsure.iter().any(|u| u == name);
        let incomplete = json!({
            "text": format!("The person was not sure about all their {words}: this list may be incomplete.")
        });
        let ids = ids.map(Vec::as_slice).unwrap_or_default();
        for id in ids {
            let mut notes = Vec::new();
            if unsure {
                notes.push(incomplete.clone());
            }
            if let Some(alert) = screening.alerts.iter().find(|a| &a.supplement == id) {
                for f in &alert.findings {
                    let text = format!(
                        "Safety check, {}: {}",
                        status_words(alert.status),
                        f.message
                    );
                    notes.push(json!({ "text": text }));
                }
            }
            statement(
                x,
                &format!("{name}/{id}"),
                "active",
                &label(vocab, id),
                notes,
            );
        }
        if unsure && ids.is_empty() {
            statement(
                x,
                &format!("{name}/unknown"),
                "unknown",
                &format!("Not sure which {words} they take"),
                vec![incomplete],
            );
        }
    }
}

fn statement(x: &mut Export, key: &str, status: &str, text: &str, notes: Vec<Value>) {
    let mut body = object(json!({
        "status": status,
        "category": { "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/medication-statement-category",
            "code": "patientspecified",
            "display": "Patient Specified"
        }] },
        "medicationCodeableConcept": { "text": text },
        "subject": x.patient_ref(),
        "dateAsserted": x.now,
        "informationSource": x.patient_ref(),
    }));
    if !notes.is_empty() {
        body.insert("note".into(), Value::Array(notes));
    }
    x.add("MedicationStatement", key, body);
}

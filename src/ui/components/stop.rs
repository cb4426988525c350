//! The stop screen (emergency, crisis, urgent or out of scope: what to do now and why) and the crisis resources,
//! shared by the screening view and the shared-plan preview so a link's answers stop exactly as the app's do.

use crate::clinical::rules::rule_book;
use crate::clinical::screening::{Finding, Flag, Outcome, Screening};
use crate::ui::components::sources::WhereFrom;
use crate::ui::components::status::FindingText;
use crate::ui::route::{Route, Step};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The heading for an outcome (the screening view's title; the preview's stop-screen heading).
pub fn heading(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Emergency => "Please get emergency help now",
        Outcome::Crisis => "Please reach out for support now",
        Outcome::Urgent => "Please see a clinician soon",
        Outcome::OutOfScope => "Mosaic is not the right tool for you",
        Outcome::Proceed => "Your safety check",
    }
}

/// The wizard step holding the answers that usually lead to an outcome, for "Change an answer".
pub fn change_step(outcome: Outcome) -> Step {
    match outcome {
        Outcome::Emergency | Outcome::Urgent => Step::Safety,
        Outcome::Crisis => Step::Mood,
        Outcome::OutOfScope | Outcome::Proceed => Step::Pain,
    }
}

/// The crisis line to name: the one configured in settings, or "your local emergency number".
pub fn crisis_line(configured: &str) -> String {
    let line = configured.trim();
    if line.is_empty() {
        "your local emergency number".to_string()
    } else {
        line.to_string()
    }
}

/// Flags grouped by action, most severe first: one "what to do" with every reason that leads to it.
pub fn group_flags(flags: &[Flag]) -> Vec<(String, Vec<Finding>)> {
    let mut out: Vec<(String, Vec<Finding>)> = Vec::new();
    for f in flags {
        match out.iter_mut().find(|(action, _)| *action == f.action) {
            Some((_, reasons)) => reasons.push(f.finding.clone()),
            None => out.push((f.action.clone(), vec![f.finding.clone()])),
        }
    }
    out
}

/// The clinic's front-desk instruction, in kiosk mode only (README, "Kiosk deployment"; SOURCES §3.3).
fn front_desk() -> Option<String> {
    use_session()
        .kiosk_config()
        .map(|config| config.with_untracked(|c| c.front_desk_or_default().to_string()))
}

/// Where to find support now: in kiosk mode the clinic's front-desk instruction first, then the configured crisis
/// line (or the local emergency number), the crisis lines of the rule book (988 in the US), and the emergency number
/// if the person might act. Shown by the crisis outcome and beside the notice about an unanswered self-harm
/// question, so both always say the same.
#[component]
pub fn CrisisResources(
    /// The crisis line configured in settings (may be empty).
    line: String,
) -> impl IntoView {
    let clinic =
        front_desk().map(|text| view! { <p class="now-first clinic"><strong>{text}</strong></p> });
    // The services and numbers are clinical content, so they come from the rule book's data with their sources.
    let services = rule_book()
        .crisis_lines
        .iter()
        .map(|c| {
            view! {
                <p>{c.region} ", " {c.how} " " <strong>{c.contact}</strong> " (" {c.service} "), " {c.hours} "."</p>
            }
        })
        .collect_view();
    view! {
        {clinic}
        <p class="now-first"><strong>"Contact " {crisis_line(&line)} " now."</strong></p>
        {services}
        <p>"If you might act on these thoughts, call your local emergency number. You do not have to go through this alone."</p>
    }
}

/// The rule book's emergency numbers in brackets, e.g. " (911 in the US, 112 in Europe)"; empty without any.
pub fn emergency_numbers() -> String {
    let numbers: Vec<String> = rule_book()
        .emergency_numbers
        .iter()
        .map(|n| format!("{} {}", n.number, n.region))
        .collect();
    if numbers.is_empty() {
        String::new()
    } else {
        format!(" ({})", numbers.join(", "))
    }
}

/// Emergency, crisis, urgent or out of scope: what to do now, why, and (in the app) a way to correct a mistaken
/// answer. The caller puts it inside the element that carries `data-outcome` and the `outcome-<id>` class.
#[component]
pub fn StopNow(
    /// The screening result (outcome is not `Proceed`).
    screening: Screening,
    /// The crisis line configured in settings (may be empty).
    line: String,
    /// Shown for answers opened from a link and not saved yet: nothing is on this device to change or keep.
    #[prop(optional)]
    preview: bool,
    /// Where "Change an answer" leads, when not to the intake step that usually holds the answer (a check-in's
    /// red-flag question is on the check-in itself).
    #[prop(optional, into)]
    change_href: Option<String>,
) -> impl IntoView {
    let outcome = screening.outcome;
    // On a clinic kiosk the clinic's own instruction comes first (crisis support shows it itself).
    let clinic = (outcome != Outcome::Crisis)
        .then(front_desk)
        .flatten()
        .map(|text| view! { <p class="now-first clinic"><strong>{text}</strong></p> });
    let now = match outcome {
        Outcome::Emergency => view! {
            <p class="now-first"><strong>"Call your local emergency number now"</strong>
                {emergency_numbers()} ", or go to the nearest emergency department."</p>
            <p>"Do not start any new therapy. If you are not alone, ask someone to stay with you."</p>
        }
        .into_any(),
        Outcome::Crisis => view! { <CrisisResources line=line /> }.into_any(),
        Outcome::Urgent => view! {
            <p class="now-first"><strong>"Contact a clinician within a day or two — today if you can."</strong></p>
            <p>"Do not start a new therapy until you have been seen. If things suddenly get worse, call your local emergency number."</p>
        }
        .into_any(),
        _ => view! {
            <p class="now-first"><strong>"Please talk with a clinician about your pain."</strong></p>
            <p>"You have done nothing wrong by trying Mosaic. It is made for adults, so its suggestions may not suit you. "
                "Your doctor, a school or college nurse, or a young people's health service can plan care that fits you."</p>
        }
        .into_any(),
    };
    let groups = group_flags(&screening.flags)
        .into_iter()
        .map(|(action, reasons)| {
            let reasons = reasons.into_iter().map(reason_item).collect_view();
            view! {
                <li class="flag">
                    <p class="flag-action"><strong>{action}</strong></p>
                    <ul class="flag-reasons">{reasons}</ul>
                </li>
            }
        })
        .collect_view();
    // A clinic kiosk keeps nothing: the answers go when the patient finishes (README, "Kiosk deployment").
    let kept = (!preview).then(|| {
        if use_session().is_kiosk() {
            " Nothing is kept on this tablet: your answers are cleared when you finish."
        } else {
            " Your answers are kept on this device."
        }
    });
    let change = (!preview).then(|| {
        let href = change_href.unwrap_or_else(|| Route::Intake(change_step(outcome)).href());
        view! {
            <div class="actions">
                <a class="button" href=href>"Change an answer"</a>
                <span class="hint">"If you chose an answer by mistake, you can correct it."</span>
            </div>
        }
    });
    view! {
        <div class="callout now" role="note" aria-labelledby="now-heading">
            <h2 id="now-heading">"What to do now"</h2>
            {clinic}
            {now}
        </div>
        <section aria-labelledby="why-heading">
            <h2 id="why-heading">"Why we are saying this"</h2>
            <ul class="flags">{groups}</ul>
            <p>"Mosaic does not build a plan or suggest therapies until this has been looked at." {kept}</p>
        </section>
        {change}
    }
}

/// One reason (a flag's finding) with its source in a disclosure.
fn reason_item(f: Finding) -> impl IntoView {
    view! {
        <li data-rule=f.rule.clone()>
            <p><FindingText finding=f.clone() /></p>
            <WhereFrom sources=vec![f.source] />
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::intake::Intake;
    use crate::clinical::screening::screen;

    fn intake(json: &str) -> Intake {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn the_crisis_line_falls_back_to_the_local_emergency_number() {
        assert_eq!(crisis_line("  "), "your local emergency number");
        assert_eq!(crisis_line(" Samaritans 116 123 "), "Samaritans 116 123");
    }

    #[test]
    fn the_emergency_numbers_come_from_the_data_in_order() {
        assert_eq!(
            emergency_numbers(),
            " (911 in the US, 112 in Europe, 999 in the UK)"
        );
    }

    #[test]
    fn flags_sharing_an_action_are_grouped_and_keep_their_order() {
        let s = screen(&intake(
            r#"{"age":40,"symptoms":["saddle_numbness","chest_pain_now","fever_with_pain"]}"#,
        ));
        assert_eq!(s.outcome, Outcome::Emergency);
        let groups = group_flags(&s.flags);
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert!(groups[0].0.contains("emergency"));
        assert_eq!(groups[0].1.len(), 2);
        assert_eq!(groups[1].1[0].rule, "RF-INFECT");
    }

    #[test]
    fn change_an_answer_leads_to_the_step_that_holds_it() {
        assert_eq!(change_step(Outcome::Crisis), Step::Mood);
        assert_eq!(change_step(Outcome::Emergency), Step::Safety);
        assert_eq!(change_step(Outcome::OutOfScope), Step::Pain);
    }
}

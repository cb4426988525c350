//! Step 5, mood: PHQ-4 (past 2 weeks, 0–3) and PHQ-9 item 9, asked directly with a word on why.

use super::model::{digit_text, digit_value, phq4_mut, tidy};
use super::shell::use_form;
use super::validate;
use crate::clinical::intake::Phq4;
use crate::ui::components::self_harm::{frequency_choices, SelfHarmQuestion};
use crate::ui::session::{use_session, Session};
use crate::ui::widgets::radio::RadioGroup;
use leptos::prelude::*;

/// The PHQ-4 items in order: field accessors, id and wording (SOURCES §3.2).
pub type Phq4Item = (
    fn(&Phq4) -> Option<u8>,
    fn(&mut Phq4, Option<u8>),
    &'static str,
    &'static str,
);

/// The four PHQ-4 items as the mood step asks them (also read by the review page).
pub const PHQ4: [Phq4Item; 4] = [
    (
        |p| p.nervous,
        |p, v| p.nervous = v,
        "phq-nervous",
        "Feeling nervous, anxious or on edge",
    ),
    (
        |p| p.worry,
        |p, v| p.worry = v,
        "phq-worry",
        "Not being able to stop or control worrying",
    ),
    (
        |p| p.interest,
        |p, v| p.interest = v,
        "phq-interest",
        "Little interest or pleasure in doing things",
    ),
    (
        |p| p.down,
        |p, v| p.down = v,
        "phq-down",
        "Feeling down, depressed, or hopeless",
    ),
];

/// One PHQ-4 item as a radio group.
fn phq_item(session: Session, (get, set, name, text): Phq4Item) -> impl IntoView {
    let value = Signal::derive(move || {
        digit_text(session.with_intake(|i| i.mood.and_then(|m| m.phq4).and_then(|p| get(&p))))
    });
    let on_change = move |v: Option<String>| {
        session.update_intake(|i| {
            set(phq4_mut(i), digit_value(v));
            tidy(i);
        })
    };
    view! { <RadioGroup name=name legend=text choices=frequency_choices() value=value on_change=on_change chips=true /> }
}

/// The mood step.
#[component]
pub fn MoodStep() -> impl IntoView {
    let session = use_session();
    let form = use_form();
    // Required (RULES §4.1), like the red-flag step: Next is refused until it is answered.
    let self_harm_error = form.required("self-harm", move || {
        validate::self_harm(session.with_intake(|i| i.mood.and_then(|m| m.self_harm)))
    });
    view! {
        <p class="lead">"Living with pain often affects mood and sleep. These short questions help us suggest the right support."</p>
        <fieldset class="question-group">
            <legend>"Over the last 2 weeks, how often have you been bothered by the following problems?"</legend>
            {PHQ4.into_iter().map(|item| phq_item(session, item)).collect_view()}
        </fieldset>
        <div class="gentle">
            <p>
                "The next question is one we ask everyone, because long-term pain can be very hard to live with, and help is there. "
                "If your answer is anything other than \u{201c}Not at all\u{201d}, Next will show you where to find support today. "
                "This question needs an answer."
            </p>
            <SelfHarmQuestion error=self_harm_error />
        </div>
        <p class="credit">
            "PHQ-4: Copyright \u{a9} Pfizer Inc. No permission required to reproduce, translate, display or distribute."
        </p>
    }
}

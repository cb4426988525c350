//! Step 2, safety questions: the 23 red flags, grouped. The one required answer (a tick or "None of these").

use super::lists::symptom_groups;
use super::model::{list_answer, set_list, ListKey};
use super::shell::use_form;
use super::validate;
use crate::ui::session::use_session;
use crate::ui::widgets::checklist::{Checklist, ListAnswer};
use leptos::prelude::*;

/// The safety step.
#[component]
pub fn SafetyStep() -> impl IntoView {
    let session = use_session();
    let form = use_form();
    let value = Signal::derive(move || session.with(|s| list_answer(s, ListKey::Symptoms)));
    let error = form.required("symptoms", move || validate::safety(&value.get()));
    let on_change = move |a: ListAnswer| session.update(|s| set_list(s, ListKey::Symptoms, &a));
    view! {
        <p class="lead">
            "Some symptoms need a doctor before any new therapy. We ask about them first, so that if one is true for you "
            "we can tell you straight away what to do."
        </p>
        <Checklist
            name="symptoms"
            legend="Is any of these true for you now?"
            hint="Tick each one that is true for you. If none are, tick \u{201c}None of these\u{201d} at the end. This page needs an answer."
            groups=symptom_groups()
            value=value
            on_change=on_change
            error=error
        />
    }
}

//! Step 2, safety questions: the red flags, grouped, "None of these" first; the headache ones only when a headache
//! was reported (the data says which). The one required answer (a tick or "None of these").

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
    // The summary's link leads to "None of these": the answer most people give.
    let error = form.required("symptoms-none", move || validate::safety(&value.get()));
    // Fixed when the step opens: the pain answers are on an earlier step, and a group keeps showing while it holds a
    // tick (so a tick is never hidden by a changed pain answer).
    let groups =
        session.with_untracked(|s| symptom_groups(&s.intake, value.get_untracked().ticked()));
    let on_change = move |a: ListAnswer| session.update(|s| set_list(s, ListKey::Symptoms, &a));
    view! {
        <p class="lead">
            "Some symptoms need a doctor before any new therapy. We ask about them first, so that if one is true for you "
            "we can tell you straight away what to do."
        </p>
        <Checklist
            name="symptoms"
            legend="Is any of these true for you now?"
            hint="If none of them is true for you, tick \u{201c}None of these\u{201d} just below. Otherwise tick each one that is true. This page needs an answer."
            groups=groups
            value=value
            on_change=on_change
            error=error
        />
    }
}

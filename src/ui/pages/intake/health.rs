//! Step 3, your health: health facts that change which therapies are safe, grouped, with "None" and "not sure" (which may sit beside ticks).

use super::lists::health_groups;
use super::model::{list_answer, set_list, ListKey, UNSURE_HINT, UNSURE_LABEL};
use crate::ui::session::use_session;
use crate::ui::widgets::checklist::{Checklist, ListAnswer};
use leptos::prelude::*;

/// The health step.
#[component]
pub fn HealthStep() -> impl IntoView {
    let session = use_session();
    let value = Signal::derive(move || session.with(|s| list_answer(s, ListKey::Conditions)));
    let on_change = move |a: ListAnswer| session.update(|s| set_list(s, ListKey::Conditions, &a));
    view! {
        <p class="lead">"Some health conditions change which therapies are safe for you, or how they should be done."</p>
        <Checklist
            name="conditions"
            legend="Does any of these apply to you?"
            hint=UNSURE_HINT
            groups=session.with_untracked(|s| health_groups(&s.intake))
            value=value
            on_change=on_change
            unsure_label=UNSURE_LABEL
        />
    }
}

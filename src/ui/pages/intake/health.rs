//! Step 3, your health: health facts that change which therapies are safe, grouped, with "None" and "Not sure".

use super::lists::health_groups;
use super::model::{list_answer, set_list, ListKey};
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
            hint="Tick all that apply. \u{201c}Not sure\u{201d} is fine: we will treat it as unknown, never as a no."
            groups=health_groups()
            value=value
            on_change=on_change
            unsure_label="Not sure"
        />
    }
}

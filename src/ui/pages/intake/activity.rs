//! Step 7, activity: whether the person already exercises regularly (ACSM pre-participation meaning).

use crate::clinical::intake::Intake;
use crate::ui::session::use_session;
use crate::ui::widgets::radio::{Choice, RadioGroup};
use leptos::prelude::*;

/// The stored answer for "yes".
const ACTIVE: &str = Intake::ACTIVITY[0];
/// The stored answer for "no".
const INACTIVE: &str = Intake::ACTIVITY[1];

/// The activity step.
#[component]
pub fn ActivityStep() -> impl IntoView {
    let session = use_session();
    let value = Signal::derive(move || session.with_intake(|i| i.activity.clone()));
    let on_change = move |v: Option<String>| session.update_intake(|i| i.activity = v);
    view! {
        <p class="lead">"This tells us how gently to start, and when to check with a clinician before exercising."</p>
        <RadioGroup
            name="activity"
            legend="For the last 3 months, have you done planned exercise for at least 30 minutes, on at least 3 days a week?"
            hint="Count exercise of at least moderate effort, when you breathe faster but can still talk: for example brisk walking, cycling or swimming. Everyday chores do not count here."
            choices=vec![Choice::new(ACTIVE, "Yes"), Choice::new(INACTIVE, "No")]
            value=value
            on_change=on_change
            chips=true
        />
    }
}

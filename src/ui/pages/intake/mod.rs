//! The intake wizard: one file per step inside a shared frame ([`shell`]); the answer mapping ([`model`]),
//! validation ([`validate`]) and option lists ([`lists`]) are plain functions tested natively.

pub mod activity;
pub mod health;
pub mod lists;
pub mod medicines;
pub mod model;
pub mod mood;
pub mod pain;
pub mod practical;
pub mod safety;
pub mod shell;
pub mod start_back;
pub mod step_status;
pub mod validate;
pub mod values;

use crate::ui::route::Step;
use crate::ui::session::use_session;
use leptos::prelude::*;
use shell::StepShell;

/// Renders one step of the intake wizard inside the step frame.
#[component]
pub fn IntakeView(
    /// The step to show.
    step: Step,
) -> impl IntoView {
    view! {
        <StepShell step=step>
            {match step {
                Step::Pain => view! { <pain::PainStep /> }.into_any(),
                Step::Safety => view! { <safety::SafetyStep /> }.into_any(),
                Step::Health => view! { <health::HealthStep /> }.into_any(),
                Step::Medicines => view! { <medicines::MedicinesStep /> }.into_any(),
                Step::Mood => view! { <mood::MoodStep /> }.into_any(),
                Step::StartBack => view! { <NotAskedOr step=step><start_back::StartBackStep /></NotAskedOr> }.into_any(),
                Step::Activity => view! { <activity::ActivityStep /> }.into_any(),
                Step::Values => view! { <values::ValuesStep /> }.into_any(),
                Step::Practical => view! { <practical::PracticalStep /> }.into_any(),
            }}
        </StepShell>
    }
}

/// Shows a step only when it applies to this person (reached by its address, e.g. STarT Back without low back pain).
#[component]
fn NotAskedOr(
    /// The step.
    step: Step,
    /// The step's questions.
    children: ChildrenFn,
) -> impl IntoView {
    let session = use_session();
    let applies = Memo::new(move |_| session.with_intake(|i| step.applies(i)));
    move || {
        if applies.get() {
            children()
        } else {
            view! {
                <p class="note">"These questions are only for people whose main pain is low back pain, so you can go straight on."</p>
            }
            .into_any()
        }
    }
}

//! The intake wizard: one file per step (being written).

use crate::ui::route::Step;
use leptos::prelude::*;

/// Renders one step of the intake wizard.
#[component]
pub fn IntakeView(
    /// The step to show.
    step: Step,
) -> impl IntoView {
    view! { <section class="view" aria-labelledby="view-heading"><h1 id="view-heading" tabindex="-1">{step.title()}</h1></section> }
}

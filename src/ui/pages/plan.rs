//! The plan view (being written).

use leptos::prelude::*;

/// The plan view.
#[component]
pub fn PlanView() -> impl IntoView {
    view! { <section class="view" aria-labelledby="view-heading"><h1 id="view-heading" tabindex="-1">"Plan"</h1></section> }
}

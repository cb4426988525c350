//! The choose view (being written).

use leptos::prelude::*;

/// The choose view.
#[component]
pub fn ChooseView() -> impl IntoView {
    view! { <section class="view" aria-labelledby="view-heading"><h1 id="view-heading" tabindex="-1">"Choose"</h1></section> }
}

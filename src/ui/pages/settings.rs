//! The settings view (being written).

use leptos::prelude::*;

/// The settings view.
#[component]
pub fn SettingsView() -> impl IntoView {
    view! { <section class="view" aria-labelledby="view-heading"><h1 id="view-heading" tabindex="-1">"Settings"</h1></section> }
}

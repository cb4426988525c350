//! The screening view (being written).

use leptos::prelude::*;

/// The screening view.
#[component]
pub fn ScreeningView() -> impl IntoView {
    view! { <section class="view" aria-labelledby="view-heading"><h1 id="view-heading" tabindex="-1">"Screening"</h1></section> }
}

//! The friendly "not found" view for an unknown hash.

use leptos::prelude::*;

/// Shown for any hash the app does not know, with a way home.
#[component]
pub fn NotFound(
    /// The unknown path, shown so a person can see what went wrong.
    path: String,
) -> impl IntoView {
    view! {
        <section class="view not-found" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"We couldn't find that page"</h1>
            <p>"There is no page at " <code>{path}</code> ". The link may be mistyped or from a newer version of Mosaic."</p>
            <p>"Nothing you saved has changed."</p>
            <p><a class="button primary" href="#/">"Go to the start"</a></p>
        </section>
    }
}

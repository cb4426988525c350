//! "Delete everything" behind a confirmation: removes all of Mosaic's data from this browser and reopens the app
//! at its start address, so nothing deleted lingers in memory. Used by Settings and by the locked screen.

use crate::ui::address::{reload_at, start_url};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// A button that asks `question` and, on `confirm`, deletes everything.
#[component]
pub fn DeleteEverything(
    /// The first button's words (ends with "…": it only asks).
    ask: &'static str,
    /// The question, with what cannot be undone.
    question: &'static str,
    /// The words of the button that deletes.
    confirm: &'static str,
    /// Unique id of the question, for `aria-labelledby`.
    id: &'static str,
) -> impl IntoView {
    let session = use_session();
    let confirming = RwSignal::new(false);
    view! {
        <Show
            when=move || confirming.get()
            fallback=move || view! {
                <button type="button" class="danger" on:click=move |_| confirming.set(true)>{ask}</button>
            }
        >
            <div class="confirm" role="alertdialog" aria-labelledby=id>
                <p id=id><strong>{question}</strong></p>
                <div class="banner-actions">
                    <button type="button" class="danger" on:click=move |_| {
                        session.delete_everything();
                        reload_at(&start_url());
                    }>{confirm}</button>
                    <button type="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </div>
            </div>
        </Show>
    }
}

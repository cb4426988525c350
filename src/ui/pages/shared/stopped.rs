//! A shared plan whose answers need care first: the app's stop screen, no plan, and saving the answers only.

use super::save_and_open;
use crate::clinical::screening::Screening;
use crate::store::document::AppState;
use crate::ui::components::status::outcome_id;
use crate::ui::components::stop::{heading, StopNow};
use crate::ui::route::Route;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// Answers that need care first: the app's stop screen, no plan, and saving the answers only.
#[component]
pub(super) fn Stopped(
    /// The screening of the link's answers (outcome is not `Proceed`).
    screening: Screening,
    /// The crisis line configured on this device (may be empty).
    line: String,
    /// What saving keeps: the answers only.
    kept: AppState,
) -> impl IntoView {
    let session = use_session();
    let outcome = screening.outcome;
    let message = RwSignal::new(None::<String>);
    let save = move |_| save_and_open(session, kept.clone(), Route::Screening, message);
    view! {
        <section class=format!("shared-stop outcome-{}", outcome_id(outcome))
            aria-labelledby="stop-heading" data-outcome=outcome_id(outcome)>
            <h2 id="stop-heading">{heading(outcome)}</h2>
            <p class="lead">"Mosaic checked the answers in this link again with its current safety rules. "
                "They need care first, so Mosaic shows no plan and no therapies for them."</p>
            <StopNow screening=screening line=line preview=true />
        </section>
        <p class="field-error" role="alert">{move || message.get()}</p>
        <div class="actions">
            <button type="button" class="primary" aria-describedby="save-answers-note" on:click=save>
                "Save my answers to this device"
            </button>
            <p class="hint" id="save-answers-note">
                "Only your answers are saved, not the chosen therapies or their plan. "
                "Mosaic on this device will show you this safety check again."
            </p>
        </div>
    }
}

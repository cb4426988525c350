//! The kiosk's start screen and the "Finish" control that clears the session.

use crate::ui::session::use_session;
use leptos::prelude::*;

/// The first screen each patient sees on a kiosk.
#[component]
pub fn KioskStart() -> impl IntoView {
    let idle = use_session()
        .kiosk_config()
        .map(|config| config.with_untracked(|c| c.idle_seconds))
        .unwrap_or(120);
    let idle_words = if idle.is_multiple_of(60) && idle >= 120 {
        format!("{} minutes", idle / 60)
    } else {
        format!("{idle} seconds")
    };
    view! {
        <section class="view welcome kiosk-start" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"Plan your chronic-pain care while you wait"</h1>
            <p class="lead">
                "Answer some questions about your pain, your health and what matters to you. Mosaic checks which "
                "therapies are safe for you and builds a weekly plan to take home and discuss with your clinician."
            </p>
            <div class="actions">
                <a class="button primary big" href="#/intake/pain">"Start"</a>
            </div>
            <section class="callout privacy" aria-labelledby="kiosk-privacy">
                <h2 id="kiosk-privacy">"Nothing is kept on this tablet"</h2>
                <p>
                    "Your answers stay only on this screen while you use it. When you finish, or after "
                    {idle_words}
                    " without a tap (you will be asked first), everything is cleared. Take your plan home with the QR code or a printout."
                </p>
            </section>
            <section class="callout emergency" aria-labelledby="kiosk-emergency">
                <h2 id="kiosk-emergency">"Feeling very unwell?"</h2>
                <p>"Tell the front desk or a member of staff now. This tablet is not for emergencies."</p>
            </section>
        </section>
    }
}

/// "Finish" with a confirmation step, so a stray tap does not throw away a patient's answers.
#[component]
pub fn FinishButton() -> impl IntoView {
    let session = use_session();
    let asking = RwSignal::new(false);
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! { <button type="button" class="finish" on:click=move |_| asking.set(true)>"Finish"</button> }
        >
            <div class="modal-backdrop">
                <div class="modal" role="alertdialog" aria-modal="true" aria-labelledby="finish-title">
                    <h2 id="finish-title">"Finish and clear your answers?"</h2>
                    <p>"Everything you entered will be cleared from this tablet. Take your plan home first with the QR code or a printout."</p>
                    <div class="banner-actions">
                        <button type="button" class="primary big" on:click=move |_| session.finish_kiosk_session()>"Yes, finish and clear"</button>
                        <button type="button" class="big" on:click=move |_| asking.set(false)>"Go back"</button>
                    </div>
                </div>
            </div>
        </Show>
    }
}

/// What a kiosk shows when it cannot run (a damaged launch address, unreadable stored settings): never a normal
/// session, only where patients should turn and what staff can do.
#[component]
pub fn KioskError(
    /// Why the kiosk cannot run.
    reason: String,
) -> impl IntoView {
    view! {
        <section class="view kiosk-error" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"This tablet is not ready"</h1>
            <p class="lead">"Please tell the front desk or a member of staff."</p>
            <section class="callout" aria-labelledby="kiosk-error-staff">
                <h2 id="kiosk-error-staff">"For staff"</h2>
                <p>{reason}</p>
                <p>
                    "Open this tablet's kiosk launch address again (copy it from the staff panel of a working kiosk, "
                    "or turn kiosk mode on again), or clear this site's data in the browser's settings and set the "
                    "kiosk up again. Nothing a patient enters is kept on this screen."
                </p>
            </section>
        </section>
    }
}

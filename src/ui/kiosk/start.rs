//! The kiosk's start screen (with the confirmations the page before asked for) and the "Finish" control that
//! clears the session.

use crate::ui::address::{reload_at, start_url};
use crate::ui::deferred::focus_heading;
use crate::ui::session::arrival::Arrival;
use crate::ui::session::{use_session, Mode, Session};
use leptos::prelude::*;
use std::time::Duration;

/// How long "Your answers have been cleared" stays before the start screen: long enough to read, short enough
/// that the next patient finds the start screen.
const THANKS_FOR: Duration = Duration::from_secs(4);

/// Ends the patient's session the way Finish does (a fresh load of the launch address, which wipes everything)
/// and asks the new page to say that the answers are cleared. Only the new page says so, so the message is
/// shown after the wipe and holds nothing of the session.
pub fn finish_and_confirm(session: Session) {
    match session.mode() {
        Mode::Kiosk { launch, .. } if !launch.is_empty() => {
            reload_at(&Arrival::Finished.mark(&start_url(), &launch))
        }
        _ => session.finish_kiosk_session(),
    }
}

/// Hides or shows the element with id `id`. The start screen's confirmations change the page directly rather
/// than through signals: this view is in every first visit, and reactive attributes cost it more code.
fn set_hidden(id: &str, hidden: bool) {
    if let Some(e) = document().get_element_by_id(id) {
        let _ = if hidden {
            e.set_attribute("hidden", "")
        } else {
            e.remove_attribute("hidden")
        };
    }
}

/// The first screen each patient sees on a kiosk; right after Finish, first a few seconds of "cleared", and right
/// after kiosk mode was turned on, staff's confirmation of it.
#[component]
pub fn KioskStart() -> impl IntoView {
    let session = use_session();
    let arrival = session
        .with_kiosk_page(|k| std::mem::take(&mut k.arrival))
        .unwrap_or_default();
    let finished = arrival == Arrival::Finished;
    if finished {
        if let Ok(handle) = set_timeout_with_handle(
            move || {
                set_hidden("kiosk-cleared", true);
                set_hidden("kiosk-start", false);
                // As a new page would, for screen-reader and keyboard users.
                focus_heading(session);
            },
            THANKS_FOR,
        ) {
            on_cleanup(move || handle.clear());
        }
    }
    let idle = session
        .kiosk_config()
        .map(|config| config.with_untracked(|c| c.idle_seconds))
        .unwrap_or(120);
    let idle_words = if idle.is_multiple_of(60) && idle >= 120 {
        format!("{} minutes", idle / 60)
    } else {
        format!("{idle} seconds")
    };
    // A fixed sentence, nothing of the session: this page was loaded after the wipe.
    let cleared = finished.then(|| {
        view! {
            <section id="kiosk-cleared" class="view kiosk-cleared" aria-labelledby="cleared-heading">
                <h1 id="cleared-heading">"Your answers have been cleared. Thank you."</h1>
            </section>
        }
    });
    // How to leave, exactly as the code does it (`staff.rs`: a 2-second press on the logo opens the PIN dialog;
    // the staff panel holds "Turn kiosk mode off").
    let kiosk_on = (arrival == Arrival::TurnedOn).then(|| {
        view! {
            <div id="kiosk-on" class="callout kiosk-on" role="status">
                <p>
                    <strong>"Kiosk mode is on"</strong>
                    " — to leave it, press and hold the Mosaic logo at the top for 2 seconds, enter the staff "
                    "PIN, then choose \u{201c}Turn kiosk mode off\u{201d}. Make this page's address the browser's "
                    "start-up page (the staff panel shows it too)."
                </p>
                <button type="button" on:click=|_| set_hidden("kiosk-on", true)>"Hide this message"</button>
            </div>
        }
    });
    view! {
        {cleared}
        <section id="kiosk-start" class="view welcome kiosk-start" aria-labelledby="view-heading" hidden=finished>
            <h1 id="view-heading" tabindex="-1">"Plan your chronic-pain care while you wait"</h1>
            {kiosk_on}
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

/// "Finish" with a confirmation step, so a stray tap does not throw away a patient's answers. The start screen
/// hides it (kiosk.css): no session has begun there, so there is nothing to finish.
#[component]
pub fn FinishButton() -> impl IntoView {
    let session = use_session();
    let asking = RwSignal::new(false);
    // The question takes focus as it opens (on "Go back", the choice that loses nothing), so keyboard and
    // screen-reader users are in it rather than on the page behind.
    let back = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if asking.get() {
            if let Some(button) = back.get() {
                let _ = button.focus();
            }
        }
    });
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
                        <button type="button" class="primary big" on:click=move |_| finish_and_confirm(session)>"Yes, finish and clear"</button>
                        <button type="button" class="big" node_ref=back on:click=move |_| asking.set(false)>"Go back"</button>
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

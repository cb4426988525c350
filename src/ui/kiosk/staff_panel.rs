//! The staff panel, opened with the staff PIN: the kiosk launch address (as text and QR code), the idle time and
//! front-desk wording, and turning kiosk mode off.

use super::staff::StaffStage;
use crate::share::qr::qr_path;
use crate::store::kiosk::{self, KioskConfig};
use crate::store::local::LocalStorage;
use crate::ui::kiosk::fields::{config_error, invalid, Field, FieldError, FormError};
use crate::ui::kiosk::{launch_url, leave};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// What staff can change once unlocked. Its own chunk in the release build: it draws the launch address's QR code,
/// and a patient's first visit needs neither the panel nor the QR encoder.
#[component]
pub fn StaffPanel(
    /// Which stage is shown (closing returns to the patient screens).
    stage: RwSignal<StaffStage>,
) -> impl IntoView {
    let session = use_session();
    let Some(config) = session.kiosk_config() else {
        return ().into_any();
    };
    let draft = RwSignal::new(config.get_untracked());
    let error: FormError = RwSignal::new(None);
    let save = move |_| {
        let c = draft.get_untracked();
        if let Some(refused) = config_error(&c) {
            error.set(Some(refused));
            return;
        }
        match kiosk::save(&LocalStorage, &c) {
            Ok(()) => {
                if let Some(url) = launch_url(&c) {
                    session.set_kiosk_launch(url);
                }
                config.set(c);
                stage.set(StaffStage::Closed);
            }
            Err(e) => error.set(Some((Field::Form, format!("Not saved: {}.", e.explain())))),
        }
    };
    let exit = move |_| {
        let c = KioskConfig {
            enabled: false,
            ..config.get_untracked()
        };
        match kiosk::save(&LocalStorage, &c) {
            Ok(()) => leave(),
            Err(e) => error.set(Some((Field::Form, format!("Not saved: {}.", e.explain())))),
        }
    };
    // The address of the configuration as saved, not the draft: it is what the browser should start with.
    let launch = Memo::new(move |_| config.with(launch_url).unwrap_or_default());
    let qr = Memo::new(move |_| qr_path(&launch.get()));
    view! {
        <div class="staff-panel">
            <section class="kiosk-launch" aria-labelledby="kiosk-launch-title" data-kiosk-launch=move || launch.get()>
                <h3 id="kiosk-launch-title">"Kiosk launch address"</h3>
                <p>
                    "Make this the browser's start-up address: opened there, this app is a kiosk with these settings "
                    "even after the browser has forgotten everything. It holds the PIN only as a salted hash. Save "
                    "changes below, then set the new address."
                </p>
                {move || match qr.get() {
                    Ok(q) => view! {
                        <svg class="qr" role="img" aria-label="QR code of the kiosk launch address"
                            viewBox=format!("0 0 {0} {0}", q.size) shape-rendering="crispEdges">
                            <rect width=q.size.to_string() height=q.size.to_string() fill="#fff" />
                            <path fill="#000" d=q.d />
                        </svg>
                    }.into_any(),
                    Err(e) => view! { <p class="field-error">{e}</p> }.into_any(),
                }}
                <label for="staff-launch">"Launch address"</label>
                <textarea id="staff-launch" readonly rows="4" prop:value=move || launch.get()></textarea>
            </section>
            <label for="staff-idle">"Idle time before the countdown (seconds)"</label>
            <input id="staff-idle" type="number" min="10" max="3600" inputmode="numeric"
                aria-describedby="staff-idle-error" aria-invalid=invalid(error, Field::Idle)
                prop:value=move || draft.with(|c| c.idle_seconds.to_string())
                on:input=move |ev| if let Ok(v) = event_target_value(&ev).parse() { draft.update(|c| c.idle_seconds = v) } />
            <FieldError id="staff-idle-error" field=Field::Idle error=error />
            <label for="staff-front-desk">"What patients should do in a crisis or emergency here"</label>
            <input id="staff-front-desk" type="text" maxlength="200"
                aria-describedby="staff-front-desk-error" aria-invalid=invalid(error, Field::FrontDesk)
                prop:value=move || draft.with(|c| c.front_desk.clone())
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|c| c.front_desk = v) } />
            <FieldError id="staff-front-desk-error" field=Field::FrontDesk error=error />
            <FieldError id="staff-panel-error" field=Field::Form error=error />
            // Each button says what it does: staff use them rarely, often in a hurry, with a patient waiting.
            <div class="banner-actions">
                <button type="button" class="primary big" on:click=save>"Save settings and close"</button>
                <button type="button" class="big" on:click=move |_| session.finish_kiosk_session()>"End this session and clear it"</button>
                <button type="button" class="big danger" on:click=exit>"Turn kiosk mode off"</button>
                <button type="button" class="big" on:click=move |_| stage.set(StaffStage::Closed)>"Close without saving"</button>
            </div>
        </div>
    }
    .into_any()
}

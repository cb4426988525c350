//! Turning kiosk mode on (in Settings, on a device that is about to become a shared tablet).

use crate::store::kiosk::{self, pin_is_valid, KioskConfig};
use crate::store::local::LocalStorage;
use crate::store::pin;
use crate::store::storage::Storage;
use crate::ui::address::{reload_at, start_url};
use crate::ui::kiosk::fields::{config_error, idle_error, invalid, Field, FieldError, FormError};
use crate::ui::kiosk::launch_url;
use crate::ui::session::arrival::Arrival;
use crate::ui::session::use_session;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Puts the keyboard in the field an error belongs to, so the person lands where the fix is made.
fn focus_field(field: Field) {
    let id = match field {
        Field::Pin => "kiosk-pin",
        Field::PinAgain => "kiosk-pin2",
        Field::Idle => "kiosk-idle",
        Field::FrontDesk => "kiosk-front-desk",
        Field::Form => return,
    };
    if let Some(input) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = input.focus();
    }
}

/// The kiosk section of Settings.
#[component]
pub fn KioskSetup() -> impl IntoView {
    let session = use_session();
    let pin1 = RwSignal::new(String::new());
    let pin2 = RwSignal::new(String::new());
    let idle = RwSignal::new(kiosk::DEFAULT_IDLE_SECONDS.to_string());
    let front_desk = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let turn_on = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (p1, p2) = (pin1.get_untracked(), pin2.get_untracked());
        let idle_seconds = idle.get_untracked().trim().parse::<u32>();
        let refused = if !pin_is_valid(&p1) {
            Some((Field::Pin, "The PIN must be 6 to 12 digits.".to_string()))
        } else if p1 != p2 {
            Some((
                Field::PinAgain,
                "The two PINs are not the same.".to_string(),
            ))
        } else {
            match idle_seconds {
                Err(_) => Some((
                    Field::Idle,
                    "The idle time must be a whole number of seconds.".to_string(),
                )),
                Ok(s) => idle_error(s).map(|e| (Field::Idle, e)),
            }
        };
        if let Some((field, message)) = refused {
            error.set(Some((field, message)));
            focus_field(field);
            return;
        }
        let Ok(idle_seconds) = idle_seconds else {
            return;
        };
        error.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = async {
                let record = pin::make_record(&p1).await.map_err(|e| (Field::Form, e))?;
                let config = KioskConfig {
                    enabled: true,
                    pin: Some(record),
                    idle_seconds,
                    front_desk: front_desk.get_untracked().trim().to_string(),
                    ..KioskConfig::default()
                };
                if let Some(refused) = config_error(&config) {
                    return Err(refused);
                }
                let launch = launch_url(&config).ok_or((
                    Field::Form,
                    "The kiosk launch address could not be made.".to_string(),
                ))?;
                // A kiosk keeps no patient data: what this device saved goes before the first patient arrives.
                session.delete_everything();
                kiosk::save(&LocalStorage, &config)
                    .map_err(|e| (Field::Form, format!("Not saved: {}.", e.explain())))?;
                // The stored copy should outlive storage pressure; the launch address does not depend on it.
                LocalStorage.request_persistence();
                Ok::<String, (Field, String)>(launch)
            }
            .await;
            busy.set(false);
            match result {
                // The new page confirms that kiosk mode is on and says how to leave it.
                Ok(launch) => reload_at(&Arrival::TurnedOn.mark(&start_url(), &launch)),
                Err((field, message)) => {
                    LocalStorage.remove(kiosk::KIOSK_KEY);
                    error.set(Some((field, message)));
                    focus_field(field);
                }
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="kiosk-heading">
            <h2 id="kiosk-heading">"Kiosk mode (for clinic staff)"</h2>
            <p>
                "Turns this device into a waiting-room tablet: patients' answers are never saved, each session is "
                "cleared when the patient finishes or leaves it idle, and only staff with the PIN can leave kiosk mode "
                "(press and hold the Mosaic logo for two seconds). Turning it on deletes the data saved on this device and opens "
                "the kiosk launch address: make that address the browser's start-up page."
            </p>
            <form on:submit=turn_on class="kiosk-setup" novalidate>
                <label for="kiosk-pin">"Staff PIN (6 to 12 digits)"</label>
                <input id="kiosk-pin" type="password" inputmode="numeric" autocomplete="new-password" minlength="6" maxlength="12"
                    aria-describedby="kiosk-pin-error" aria-invalid=invalid(error, Field::Pin)
                    prop:value=move || pin1.get() on:input=move |ev| pin1.set(event_target_value(&ev)) />
                <FieldError id="kiosk-pin-error" field=Field::Pin error=error />
                <label for="kiosk-pin2">"Staff PIN again"</label>
                <input id="kiosk-pin2" type="password" inputmode="numeric" autocomplete="new-password" maxlength="12"
                    aria-describedby="kiosk-pin2-error" aria-invalid=invalid(error, Field::PinAgain)
                    prop:value=move || pin2.get() on:input=move |ev| pin2.set(event_target_value(&ev)) />
                <FieldError id="kiosk-pin2-error" field=Field::PinAgain error=error />
                <label for="kiosk-idle">"Idle time before the countdown (seconds)"</label>
                <input id="kiosk-idle" type="number" min="10" max="3600" inputmode="numeric"
                    aria-describedby="kiosk-idle-error" aria-invalid=invalid(error, Field::Idle)
                    prop:value=move || idle.get() on:input=move |ev| idle.set(event_target_value(&ev)) />
                <FieldError id="kiosk-idle-error" field=Field::Idle error=error />
                <label for="kiosk-front-desk">"What patients should do in a crisis or emergency here"</label>
                <input id="kiosk-front-desk" type="text" maxlength="200" placeholder="Please tell the front desk or a member of staff now."
                    aria-describedby="kiosk-front-desk-error" aria-invalid=invalid(error, Field::FrontDesk)
                    prop:value=move || front_desk.get() on:input=move |ev| front_desk.set(event_target_value(&ev)) />
                <FieldError id="kiosk-front-desk-error" field=Field::FrontDesk error=error />
                <FieldError id="kiosk-setup-error" field=Field::Form error=error />
                <button type="submit" class="danger" disabled=move || busy.get()>"Turn on kiosk mode"</button>
            </form>
        </section>
    }
}

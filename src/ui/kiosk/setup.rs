//! Turning kiosk mode on (in Settings, on a device that is about to become a shared tablet).

use crate::store::kiosk::{self, pin_is_valid, KioskConfig};
use crate::store::local::LocalStorage;
use crate::store::pin;
use crate::store::storage::Storage;
use crate::ui::address::reload_at;
use crate::ui::kiosk::launch_url;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The kiosk section of Settings.
#[component]
pub fn KioskSetup() -> impl IntoView {
    let session = use_session();
    let pin1 = RwSignal::new(String::new());
    let pin2 = RwSignal::new(String::new());
    let idle = RwSignal::new(kiosk::DEFAULT_IDLE_SECONDS.to_string());
    let front_desk = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let turn_on = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (p1, p2) = (pin1.get_untracked(), pin2.get_untracked());
        if !pin_is_valid(&p1) {
            message.set(Some("The PIN must be 6 to 12 digits.".into()));
            return;
        }
        if p1 != p2 {
            message.set(Some("The two PINs are not the same.".into()));
            return;
        }
        let Ok(idle_seconds) = idle.get_untracked().trim().parse::<u32>() else {
            message.set(Some(
                "The idle time must be a whole number of seconds.".into(),
            ));
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = async {
                let record = pin::make_record(&p1).await?;
                let config = KioskConfig {
                    enabled: true,
                    pin: Some(record),
                    idle_seconds,
                    front_desk: front_desk.get_untracked().trim().to_string(),
                    ..KioskConfig::default()
                };
                config.validate()?;
                let launch =
                    launch_url(&config).ok_or("The kiosk launch address could not be made.")?;
                // A kiosk keeps no patient data: what this device saved goes before the first patient arrives.
                session.delete_everything();
                kiosk::save(&LocalStorage, &config)
                    .map_err(|e| format!("Not saved: {}.", e.explain()))?;
                // The stored copy should outlive storage pressure; the launch address does not depend on it.
                LocalStorage.request_persistence();
                Ok::<String, String>(launch)
            }
            .await;
            busy.set(false);
            match result {
                Ok(launch) => reload_at(&launch),
                Err(e) => {
                    LocalStorage.remove(kiosk::KIOSK_KEY);
                    message.set(Some(e));
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
            <form on:submit=turn_on class="kiosk-setup">
                <label for="kiosk-pin">"Staff PIN (6 to 12 digits)"</label>
                <input id="kiosk-pin" type="password" inputmode="numeric" autocomplete="new-password" minlength="6" maxlength="12"
                    prop:value=move || pin1.get() on:input=move |ev| pin1.set(event_target_value(&ev)) />
                <label for="kiosk-pin2">"Staff PIN again"</label>
                <input id="kiosk-pin2" type="password" inputmode="numeric" autocomplete="new-password" maxlength="12"
                    prop:value=move || pin2.get() on:input=move |ev| pin2.set(event_target_value(&ev)) />
                <label for="kiosk-idle">"Idle time before the countdown (seconds)"</label>
                <input id="kiosk-idle" type="number" min="10" max="3600" inputmode="numeric"
                    prop:value=move || idle.get() on:input=move |ev| idle.set(event_target_value(&ev)) />
                <label for="kiosk-front-desk">"What patients should do in a crisis or emergency here"</label>
                <input id="kiosk-front-desk" type="text" maxlength="200" placeholder="Please tell the front desk or a member of staff now."
                    prop:value=move || front_desk.get() on:input=move |ev| front_desk.set(event_target_value(&ev)) />
                <p class="field-error" role="alert">{move || message.get()}</p>
                <button type="submit" class="danger" disabled=move || busy.get()>"Turn on kiosk mode"</button>
            </form>
        </section>
    }
}

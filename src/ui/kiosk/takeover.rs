//! A kiosk launch address opened on a device that holds someone's own saved plan (say, a patient who scanned the
//! staff QR code with their phone). Becoming a kiosk would delete that plan, so nothing changes until the person
//! chooses: "Keep my plan" leads to the normal app, and only clinic staff, with the staff PIN, can go on.

use crate::store::kiosk::{
    parse_takeover_attempts, takeover_attempts_text, KioskConfig, TAKEOVER_ATTEMPTS_KEY,
};
use crate::store::local::LocalStorage;
use crate::store::pin;
use crate::store::storage::Storage;
use crate::ui::address::start_url;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Wrong PINs so far in this tab (kept across reloads, like the staff exit's count).
fn load_attempts() -> KioskConfig {
    let raw = session().and_then(|s| s.get_item(TAKEOVER_ATTEMPTS_KEY).ok().flatten());
    parse_takeover_attempts(raw.as_deref())
}

fn save_attempts(attempts: &KioskConfig) {
    if let Some(s) = session() {
        let _ = s.set_item(TAKEOVER_ATTEMPTS_KEY, &takeover_attempts_text(attempts));
    }
}

/// Whole seconds left of a lock of `ms` milliseconds.
fn whole_seconds(ms: f64) -> u32 {
    (ms / 1000.0).ceil() as u32
}

/// Leaves for the normal app with the saved data untouched: the launch payload goes from the address (and from
/// this history entry, so Back or a reload does not bring this screen back), then the page starts afresh.
fn keep_my_plan() {
    let plain = start_url();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&plain));
    }
    let _ = window().location().reload();
}

/// The screen shown instead of the kiosk: what this address is for, what continuing would delete, and the two ways
/// on.
#[component]
pub fn KioskTakeover(
    /// The kiosk the launch address describes (its PIN record checks the staff PIN).
    config: KioskConfig,
) -> impl IntoView {
    let pin_value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let record = StoredValue::new(config.pin);
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut attempts = load_attempts();
        let locked = attempts.locked_ms(js_sys::Date::now());
        if locked > 0.0 {
            error.set(Some(format!(
                "Too many wrong PINs. Try again in {} seconds.",
                whole_seconds(locked)
            )));
            return;
        }
        let entered = pin_value.get_untracked();
        if entered.is_empty() {
            error.set(Some("Enter the staff PIN.".into()));
            return;
        }
        let Some(record) = record.get_value() else {
            return;
        };
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let ok = pin::check(&entered, &record).await;
            pin_value.set(String::new());
            if ok {
                // Staff confirmed: the saved data goes, and the launch address (still in the address bar) starts
                // the kiosk from empty storage, exactly as on a fresh tablet.
                LocalStorage.remove_all();
                if let Some(s) = session() {
                    let _ = s.remove_item(TAKEOVER_ATTEMPTS_KEY);
                }
                let _ = window().location().reload();
                return;
            }
            busy.set(false);
            let now = js_sys::Date::now();
            attempts.record_failure(now);
            save_attempts(&attempts);
            let locked = attempts.locked_ms(now);
            error.set(Some(if locked > 0.0 {
                format!(
                    "That PIN is not right. Too many wrong PINs: try again in {} seconds.",
                    whole_seconds(locked)
                )
            } else {
                "That PIN is not right. Nothing has been deleted.".to_string()
            }));
        });
    };
    view! {
        <section class="view kiosk-takeover" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"This address is for a clinic's waiting-room tablet"</h1>
            <p class="lead">
                "It turns a device into a shared kiosk for patients. This device has a Mosaic plan saved on it, "
                "and turning it into a kiosk would delete that plan and everything else Mosaic saved here. "
                "Nothing has been changed."
            </p>
            <div class="actions">
                <button type="button" class="primary big" on:click=move |_| keep_my_plan()>"Keep my plan"</button>
            </div>
            <p>"Keep my plan opens Mosaic as usual, with your saved plan as you left it."</p>
            <section class="callout" aria-labelledby="takeover-staff">
                <h2 id="takeover-staff">"For clinic staff"</h2>
                <p>
                    "To make this device the clinic's kiosk, enter the staff PIN. The plan saved on this device will "
                    "be deleted and cannot be brought back."
                </p>
                <form class="kiosk-setup" on:submit=confirm>
                    <label for="takeover-pin">"Staff PIN"</label>
                    <input id="takeover-pin" type="password" inputmode="numeric" autocomplete="off" maxlength="12"
                        aria-describedby="takeover-pin-error"
                        aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                        prop:value=move || pin_value.get()
                        on:input=move |ev| pin_value.set(event_target_value(&ev)) />
                    <p id="takeover-pin-error" class="field-error" role="alert">{move || error.get()}</p>
                    <button type="submit" class="danger" disabled=move || busy.get()>
                        {move || if busy.get() { "Checking the PIN…" } else { "Delete the saved plan and start the kiosk" }}
                    </button>
                </form>
            </section>
        </section>
    }
}

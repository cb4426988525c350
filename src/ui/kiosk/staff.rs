//! Staff exit: a long press on the logo opens a PIN dialog (never reachable by Tab); the right PIN opens the staff
//! panel. Five wrong PINs lock it for a minute, and each further wrong PIN doubles the lock (up to an hour).

use crate::share::qr::qr_path;
use crate::store::kiosk::{self, KioskConfig};
use crate::store::pin;
use crate::ui::deferred::deferred;
use crate::ui::kiosk::{launch_url, leave, set_launch, use_kiosk};
use crate::ui::pages::on_demand;
use leptos::prelude::*;
use std::cell::Cell;

/// How long the logo must be pressed.
const LONG_PRESS_MS: i32 = 2_000;

thread_local! {
    static PRESS_TIMER: Cell<Option<i32>> = const { Cell::new(None) };
    /// The lock as first seen in this page: (`performance.now()` then, milliseconds left then). Within a page the
    /// lock runs on this monotonic clock, so changing the wall clock neither shortens nor lengthens it.
    static LOCK_ANCHOR: Cell<Option<(f64, f64)>> = const { Cell::new(None) };
}

fn monotonic_now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Whole seconds the staff exit stays locked. The stored wall-clock end (which survives a reload) is read once per
/// lock; from then on this page counts elapsed monotonic time.
fn locked_seconds(config: &KioskConfig) -> u32 {
    let now = monotonic_now();
    let (at, left) = LOCK_ANCHOR.with(|a| match a.get() {
        Some(anchor) => anchor,
        None => {
            let anchor = (now, config.locked_ms(js_sys::Date::now()));
            a.set(Some(anchor));
            anchor
        }
    });
    let remaining = left - (now - at);
    if remaining > 0.0 {
        (remaining / 1000.0).ceil() as u32
    } else {
        0
    }
}

/// Starts this page's count of a lock just set (`ms` long).
fn anchor_lock(ms: f64) {
    LOCK_ANCHOR.with(|a| a.set(Some((monotonic_now(), ms))));
}

/// Where the staff dialog is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffStage {
    /// Nothing shown.
    Closed,
    /// Asking for the PIN.
    Pin,
    /// Unlocked: the staff panel.
    Panel,
}

/// Starts the long-press timer (pointer down on the logo).
pub fn press_start(stage: RwSignal<StaffStage>) {
    press_end();
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        PRESS_TIMER.with(|t| t.set(None));
        stage.set(StaffStage::Pin);
    });
    use wasm_bindgen::JsCast;
    if let Ok(id) = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), LONG_PRESS_MS)
    {
        PRESS_TIMER.with(|t| t.set(Some(id)));
    }
}

/// Cancels the long-press timer (pointer up, leave or cancel).
pub fn press_end() {
    if let Some(id) = PRESS_TIMER.with(|t| t.take()) {
        window().clear_timeout_with_handle(id);
    }
}

/// The PIN dialog and the staff panel.
#[component]
pub fn StaffDialog(
    /// Which stage is shown.
    stage: RwSignal<StaffStage>,
) -> impl IntoView {
    let Some(k) = use_kiosk() else {
        return ().into_any();
    };
    let pin_value = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let locked = k.config.with_untracked(locked_seconds);
        if locked > 0 {
            message.set(Some(format!(
                "Too many wrong PINs. Try again in {locked} seconds."
            )));
            return;
        }
        let entered = pin_value.get_untracked();
        let Some(record) = k.config.with_untracked(|c| c.pin.clone()) else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let ok = pin::check(&entered, &record).await;
            busy.set(false);
            pin_value.set(String::new());
            let wall = js_sys::Date::now();
            k.config.update(|c| {
                if ok {
                    c.failed_attempts = 0;
                    c.locked_until = 0.0;
                } else {
                    c.record_failure(wall);
                }
            });
            anchor_lock(k.config.with_untracked(|c| c.locked_ms(wall)));
            let _ = k.config.with_untracked(kiosk::save);
            if ok {
                message.set(None);
                stage.set(StaffStage::Panel);
            } else {
                let locked = k.config.with_untracked(locked_seconds);
                message.set(Some(if locked > 0 {
                    format!("Too many wrong PINs. The staff exit is locked for {locked} seconds.")
                } else {
                    "That PIN is not right.".to_string()
                }));
            }
        });
    };
    let close = move |_| {
        pin_value.set(String::new());
        message.set(None);
        stage.set(StaffStage::Closed);
    };
    view! {
        <Show when=move || stage.get() != StaffStage::Closed>
            <div class="modal-backdrop">
                <div class="modal staff-dialog" role="dialog" aria-modal="true" aria-labelledby="staff-title">
                    <h2 id="staff-title">"Staff only"</h2>
                    <Show when=move || stage.get() == StaffStage::Pin fallback=move || deferred(move || on_demand::staff_panel(stage))>
                        <form on:submit=unlock>
                            <label for="staff-pin">"Staff PIN"</label>
                            <input id="staff-pin" type="password" inputmode="numeric" autocomplete="off" maxlength="12"
                                prop:value=move || pin_value.get()
                                on:input=move |ev| pin_value.set(event_target_value(&ev)) />
                            <p class="field-error" role="alert">{move || message.get()}</p>
                            <div class="banner-actions">
                                <button type="submit" class="primary big" disabled=move || busy.get()>"Unlock"</button>
                                <button type="button" class="big" on:click=close>"Cancel"</button>
                            </div>
                        </form>
                    </Show>
                </div>
            </div>
        </Show>
    }
    .into_any()
}

/// What staff can change once unlocked. Its own chunk in the release build: it draws the launch address's QR code,
/// and a patient's first visit needs neither the panel nor the QR encoder.
#[component]
pub fn StaffPanel(
    /// Which stage is shown (closing returns to the patient screens).
    stage: RwSignal<StaffStage>,
) -> impl IntoView {
    let Some(k) = use_kiosk() else {
        return ().into_any();
    };
    let draft = RwSignal::new(k.config.get_untracked());
    let message = RwSignal::new(None::<String>);
    let save = move |_| {
        let c = draft.get_untracked();
        if let Err(e) = c.validate() {
            message.set(Some(e));
            return;
        }
        match kiosk::save(&c) {
            Ok(()) => {
                if let Some(url) = launch_url(&c) {
                    set_launch(url);
                }
                k.config.set(c);
                stage.set(StaffStage::Closed);
            }
            Err(e) => message.set(Some(format!("Not saved: {}.", e.explain()))),
        }
    };
    let exit = move |_| {
        let c = KioskConfig {
            enabled: false,
            ..k.config.get_untracked()
        };
        match kiosk::save(&c) {
            Ok(()) => leave(),
            Err(e) => message.set(Some(format!("Not saved: {}.", e.explain()))),
        }
    };
    // The address of the configuration as saved, not the draft: it is what the browser should start with.
    let launch = Memo::new(move |_| k.config.with(launch_url).unwrap_or_default());
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
                prop:value=move || draft.with(|c| c.idle_seconds.to_string())
                on:input=move |ev| if let Ok(v) = event_target_value(&ev).parse() { draft.update(|c| c.idle_seconds = v) } />
            <label for="staff-front-desk">"What patients should do in a crisis or emergency here"</label>
            <input id="staff-front-desk" type="text" maxlength="200"
                prop:value=move || draft.with(|c| c.front_desk.clone())
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|c| c.front_desk = v) } />
            <p class="field-error" role="alert">{move || message.get()}</p>
            <div class="banner-actions">
                <button type="button" class="primary big" on:click=save>"Save and return"</button>
                <button type="button" class="big danger" on:click=exit>"Turn kiosk mode off"</button>
                <button type="button" class="big" on:click=move |_| stage.set(StaffStage::Closed)>"Close"</button>
            </div>
        </div>
    }
    .into_any()
}

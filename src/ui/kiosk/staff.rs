//! Staff exit: a long press on the logo opens a PIN dialog (never reachable by Tab); the right PIN opens the staff
//! panel. Five wrong PINs lock it for a minute.

use crate::store::kiosk::{self, KioskConfig};
use crate::store::pin;
use crate::ui::kiosk::{end_session, use_kiosk};
use leptos::prelude::*;
use std::cell::Cell;

/// How long the logo must be pressed.
const LONG_PRESS_MS: i32 = 2_000;

thread_local! {
    static PRESS_TIMER: Cell<Option<i32>> = const { Cell::new(None) };
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
        let now = js_sys::Date::now();
        let locked = k.config.with_untracked(|c| c.locked_for(now));
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
            k.config.update(|c| {
                if ok {
                    c.failed_attempts = 0;
                } else {
                    c.record_failure(js_sys::Date::now());
                }
            });
            let _ = k.config.with_untracked(kiosk::save);
            if ok {
                message.set(None);
                stage.set(StaffStage::Panel);
            } else {
                let locked = k
                    .config
                    .with_untracked(|c| c.locked_for(js_sys::Date::now()));
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
                    <Show when=move || stage.get() == StaffStage::Pin fallback=move || view! { <StaffPanel stage=stage /> }>
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

/// What staff can change once unlocked.
#[component]
fn StaffPanel(
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
            Ok(()) => end_session(),
            Err(e) => message.set(Some(format!("Not saved: {}.", e.explain()))),
        }
    };
    view! {
        <div class="staff-panel">
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

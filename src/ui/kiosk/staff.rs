//! Staff exit: a long press on the logo opens a PIN dialog (never reachable by Tab); the right PIN opens the staff
//! panel. Five wrong PINs lock it for a minute, and each further wrong PIN doubles the lock (up to an hour).

use crate::store::kiosk::{self, KioskConfig};
use crate::store::local::LocalStorage;
use crate::store::pin;
use crate::ui::chunked_views;
use crate::ui::deferred::deferred;
use crate::ui::session::{use_session, Session};
use leptos::prelude::*;
use std::time::Duration;

/// How long the logo must be pressed.
const LONG_PRESS: Duration = Duration::from_millis(2_000);

fn monotonic_now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Whole seconds the staff exit stays locked. The stored wall-clock end (which survives a reload) is read once per
/// lock (the session keeps it as this page first saw it); from then on this page counts elapsed monotonic time, so
/// changing the wall clock neither shortens nor lengthens a lock.
fn locked_seconds(session: Session, config: &KioskConfig) -> u32 {
    let now = monotonic_now();
    let anchor = session.with_kiosk_page(|k| {
        *k.lock_anchor
            .get_or_insert_with(|| (now, config.locked_ms(js_sys::Date::now())))
    });
    let Some((at, left)) = anchor else { return 0 };
    let remaining = left - (now - at);
    if remaining > 0.0 {
        (remaining / 1000.0).ceil() as u32
    } else {
        0
    }
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

/// The long press on the logo that opens the staff dialog (its timer is kept by the session).
#[derive(Clone, Copy)]
pub struct LongPress {
    /// The kiosk's session.
    session: Session,
    /// The dialog it opens.
    stage: RwSignal<StaffStage>,
}

impl LongPress {
    /// A long press that opens `stage` at the PIN.
    pub fn new(session: Session, stage: RwSignal<StaffStage>) -> LongPress {
        LongPress { session, stage }
    }

    /// Starts the timer (pointer down on the logo).
    pub fn start(self) {
        self.end();
        let press = self;
        let handle = set_timeout_with_handle(
            move || {
                press.session.with_kiosk_page(|k| k.press_timer = None);
                press.stage.set(StaffStage::Pin);
            },
            LONG_PRESS,
        )
        .ok();
        self.session.with_kiosk_page(|k| k.press_timer = handle);
    }

    /// Cancels the timer (pointer up, leave or cancel).
    pub fn end(self) {
        if let Some(handle) = self
            .session
            .with_kiosk_page(|k| k.press_timer.take())
            .flatten()
        {
            handle.clear();
        }
    }
}

/// The PIN dialog and the staff panel.
#[component]
pub fn StaffDialog(
    /// Which stage is shown.
    stage: RwSignal<StaffStage>,
) -> impl IntoView {
    let session = use_session();
    let Some(config) = session.kiosk_config() else {
        return ().into_any();
    };
    let pin_value = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let locked = config.with_untracked(|c| locked_seconds(session, c));
        if locked > 0 {
            message.set(Some(format!(
                "Too many wrong PINs. Try again in {locked} seconds."
            )));
            return;
        }
        let entered = pin_value.get_untracked();
        let Some(record) = config.with_untracked(|c| c.pin.clone()) else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let ok = pin::check(&entered, &record).await;
            busy.set(false);
            pin_value.set(String::new());
            let wall = js_sys::Date::now();
            config.update(|c| {
                if ok {
                    c.failed_attempts = 0;
                    c.locked_until = 0.0;
                } else {
                    c.record_failure(wall);
                }
            });
            // This page's count of the lock starts now.
            let left = config.with_untracked(|c| c.locked_ms(wall));
            session.with_kiosk_page(|k| k.lock_anchor = Some((monotonic_now(), left)));
            let _ = config.with_untracked(|c| kiosk::save(&LocalStorage, c));
            if ok {
                message.set(None);
                stage.set(StaffStage::Panel);
            } else {
                let locked = config.with_untracked(|c| locked_seconds(session, c));
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
                    <Show when=move || stage.get() == StaffStage::Pin fallback=move || deferred(move || chunked_views::staff_panel(stage))>
                        <form on:submit=unlock>
                            <label for="staff-pin">"Staff PIN"</label>
                            // The message is about the PIN (wrong, or locked out), so it sits at the field.
                            <input id="staff-pin" type="password" inputmode="numeric" autocomplete="off" maxlength="12"
                                aria-describedby="staff-pin-error"
                                aria-invalid=move || if message.with(Option::is_some) { "true" } else { "false" }
                                prop:value=move || pin_value.get()
                                on:input=move |ev| pin_value.set(event_target_value(&ev)) />
                            <p id="staff-pin-error" class="field-error" role="alert">{move || message.get()}</p>
                            <div class="banner-actions">
                                <button type="submit" class="primary big" disabled=move || busy.get()>"Unlock the staff panel"</button>
                                <button type="button" class="big" on:click=close>"Cancel and go back"</button>
                            </div>
                        </form>
                    </Show>
                </div>
            </div>
        </Show>
    }
    .into_any()
}

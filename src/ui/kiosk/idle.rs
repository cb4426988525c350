//! The idle guard: after the configured quiet time a countdown dialog offers "I'm still here"; when it runs out the
//! session ends. Deadlines use the wall clock, so a tablet that slept past them resets before showing anything.

use crate::ui::kiosk::set_page_hidden;
use crate::ui::kiosk::start::finish_and_confirm;
use crate::ui::session::use_session;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

fn now() -> f64 {
    js_sys::Date::now()
}

/// What the guard should show at `now`, given the last activity and the timings (pure, so it is unit-tested).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Phase {
    /// Still within the idle time.
    Active,
    /// Counting down; whole seconds left.
    Warning(u32),
    /// Past the deadline: end the session.
    Expired,
}

/// The phase at `now` (milliseconds) after activity at `last`.
pub fn phase(now: f64, last: f64, idle_s: u32, countdown_s: u32) -> Phase {
    let idle_ms = f64::from(idle_s) * 1000.0;
    let end_ms = idle_ms + f64::from(countdown_s) * 1000.0;
    let quiet = now - last;
    if quiet < idle_ms {
        Phase::Active
    } else if quiet < end_ms {
        Phase::Warning(((end_ms - quiet) / 1000.0).ceil() as u32)
    } else {
        Phase::Expired
    }
}

/// "1 second", "30 seconds".
fn seconds(n: u32) -> String {
    if n == 1 {
        "1 second".to_string()
    } else {
        format!("{n} seconds")
    }
}

/// What the live region says: "30 seconds left", "1 second left".
fn seconds_left(n: u32) -> String {
    format!("{} left", seconds(n))
}

/// Watches for activity and shows the countdown dialog.
#[component]
pub fn IdleGuard() -> impl IntoView {
    let session = use_session();
    let Some(config) = session.kiosk_config() else {
        return ().into_any();
    };
    session.with_kiosk_page(|k| k.last_activity = now());
    let left = RwSignal::new(None::<u32>);
    // Screen readers hear the countdown every 10 s and each of the last 5 s, not every second
    // (`docs/reliability.md`, K2).
    let announced = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(s) = left.get() {
            if s % 10 == 0 || s <= 5 {
                announced.set(seconds_left(s));
            }
        }
    });
    let button = NodeRef::<leptos::html::Button>::new();
    let check = move || {
        let (idle, countdown) = config.with_untracked(|c| (c.idle_seconds, c.countdown_seconds));
        let Some(last) = session.with_kiosk_page(|k| k.last_activity) else {
            return false;
        };
        match phase(now(), last, idle, countdown) {
            Phase::Active => left.set(None),
            Phase::Warning(s) => left.set(Some(s)),
            Phase::Expired => {
                session.finish_kiosk_session();
                return true;
            }
        }
        false
    };
    // Activity only counts while no countdown is showing: the countdown needs a deliberate "I'm still here".
    let on_activity = Closure::<dyn Fn()>::new(move || {
        if left.try_get_untracked() == Some(None) {
            session.with_kiosk_page(|k| k.last_activity = now());
        }
    });
    for ev in ["pointerdown", "keydown", "input", "touchstart", "wheel"] {
        let _ = document().add_event_listener_with_callback_and_bool(
            ev,
            on_activity.as_ref().unchecked_ref(),
            true,
        );
    }
    on_activity.forget();
    // Hidden pages keep their content out of sight, and a page coming back checks its deadline first.
    let on_visibility = Closure::<dyn Fn()>::new(move || {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            set_page_hidden(true);
        } else if !check() {
            // Shown again only while the session is still live: an expired one stays hidden until the fresh page
            // replaces it, so not one frame of the previous patient's answers is drawn.
            set_page_hidden(false);
        }
    });
    let _ = document().add_event_listener_with_callback(
        "visibilitychange",
        on_visibility.as_ref().unchecked_ref(),
    );
    on_visibility.forget();
    if let Ok(handle) = set_interval_with_handle(
        move || {
            check();
        },
        Duration::from_millis(1000),
    ) {
        on_cleanup(move || handle.clear());
    }
    Effect::new(move |was_open: Option<bool>| {
        let open = left.get().is_some();
        if open && was_open != Some(true) {
            if let Some(b) = button.get() {
                let _ = b.focus();
            }
        }
        open
    });
    let still_here = move |_| {
        session.with_kiosk_page(|k| k.last_activity = now());
        left.set(None);
    };
    view! {
        <Show when=move || left.get().is_some()>
            <div class="modal-backdrop">
                <div class="modal idle-dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-left">
                    <h2 id="idle-title">"Are you still there?"</h2>
                    <p class="visually-hidden" aria-live="polite">{move || announced.get()}</p>
                    <p id="idle-left">
                        {move || format!("To protect your privacy, this session will end and your answers will be cleared in {}.", seconds(left.get().unwrap_or(0)))}
                    </p>
                    <div class="banner-actions">
                        <button type="button" class="primary big" node_ref=button on:click=still_here>"I'm still here"</button>
                        <button type="button" class="big" on:click=move |_| finish_and_confirm(session)>"Finish now"</button>
                    </div>
                </div>
            </div>
        </Show>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_starts_after_the_idle_time_and_expires_after_it() {
        assert_eq!(phase(119_999.0, 0.0, 120, 30), Phase::Active);
        assert_eq!(phase(120_000.0, 0.0, 120, 30), Phase::Warning(30));
        assert_eq!(phase(149_001.0, 0.0, 120, 30), Phase::Warning(1));
        assert_eq!(phase(150_000.0, 0.0, 120, 30), Phase::Expired);
    }

    #[test]
    fn a_tablet_that_slept_past_the_deadline_is_expired_at_once() {
        assert_eq!(phase(10.0 * 3_600_000.0, 0.0, 120, 30), Phase::Expired);
    }
}

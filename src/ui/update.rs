//! A new version of Mosaic, installed in the background by the service worker (`scripts/service-worker.mjs`), waits
//! until the person says "Update now": the page never reloads by itself in the middle of their answers. Before the
//! reload the document is saved; if it cannot be, the page stays as it is and says why. A kiosk updates by itself,
//! but only on its start screen, when there is no one's answers to lose.
//!
//! The page's start-up script (`start.js`, written by `scripts/wasm-app.mjs`) registers the worker, keeps a waiting
//! one in `window.mosaicUpdateReady` and announces it with a `mosaic-update-ready` event; this module only reads that
//! and, when asked, tells the worker to take over (`mosaic-update-now`), after which the script reloads the page.

use crate::ui::session::use_session;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The waiting worker, if the start-up script found one (a plain JS value: only its `postMessage` is used).
fn waiting_worker() -> Option<JsValue> {
    js_sys::Reflect::get(&window(), &JsValue::from_str("mosaicUpdateReady"))
        .ok()
        .filter(|w| w.is_object())
}

/// Lets the waiting worker take over; the start-up script reloads the page when it has.
fn apply(worker: &JsValue) {
    use wasm_bindgen::JsCast;
    let _ = js_sys::Reflect::set(
        &window(),
        &JsValue::from_str("mosaicUpdating"),
        &JsValue::TRUE,
    );
    if let Some(post) = js_sys::Reflect::get(worker, &JsValue::from_str("postMessage"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = post.call1(worker, &JsValue::from_str("mosaic-update-now"));
    }
}

/// The "a new version is ready" banner (at home) or the quiet update on a kiosk's start screen.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let session = use_session();
    let kiosk = session.is_kiosk();
    // A kiosk reloads after every session, so a waiting version is found at start-up, before anyone has answered.
    let update_idle_kiosk = move || {
        if kiosk && session.with_untracked(|s| !s.has_answers()) {
            if let Some(worker) = waiting_worker() {
                apply(&worker);
            }
        }
    };
    update_idle_kiosk();
    let ready = RwSignal::new(waiting_worker().is_some());
    let handle = window_event_listener_untyped("mosaic-update-ready", move |_| {
        ready.set(true);
        update_idle_kiosk();
    });
    on_cleanup(move || handle.remove());
    let problem = RwSignal::new(None::<&'static str>);
    let on_update = move |_| {
        let Some(worker) = waiting_worker() else {
            return;
        };
        if session.save_now() {
            apply(&worker);
        } else {
            problem.set(Some(
                "Your latest changes are not saved yet, so Mosaic has not reloaded. Download a backup (Settings), \
                 or try again in a moment.",
            ));
        }
    };
    move || {
        (ready.get() && !kiosk).then(|| {
            view! {
                <div class="banner update no-print" role="status" data-update="ready">
                    <p>"A new version of Mosaic is ready. Your answers are kept."</p>
                    <button type="button" class="primary" on:click=on_update>"Update now"</button>
                    <p class="field-error">{move || problem.get()}</p>
                </div>
            }
        })
    }
}

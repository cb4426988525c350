//! Autosave: load once at start, then debounced saves (300 ms), a flush when the page is hidden or left,
//! generation checks so a stale tab never overwrites newer data, and a status the UI shows.
//! Nothing is ever written before the first load succeeded, nor over data that could not be read.

use crate::store::envelope::{decode, encode, generation_of, Loaded};
use crate::store::local::{self, DOC_KEY, QUARANTINE_PREFIX};
use crate::store::state::AppState;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

mod choices;
mod status;
pub use choices::{
    delete_everything, keep_mine, load_newer, release_quarantine, replace, start_fresh,
};
pub use status::Status;

/// Debounce before a save, long enough to group keystrokes, short enough that little is at risk.
const DEBOUNCE_MS: i32 = 300;
/// How often a failed save is retried.
const RETRY_MS: i32 = 5_000;

#[derive(Default)]
struct Inner {
    generation: u64,
    pending: Option<AppState>,
    last_saved: String,
    timer: Option<i32>,
    persist_requested: bool,
    raw_unreadable: Option<String>,
    on_external: Option<Box<dyn Fn(AppState)>>,
}

thread_local! {
    static INNER: RefCell<Inner> = RefCell::new(Inner::default());
    static STATUS: RefCell<Option<RwSignal<Status>>> = const { RefCell::new(None) };
}

/// The save status signal (created by [`boot`]).
pub fn status() -> RwSignal<Status> {
    STATUS.with(|s| {
        *s.borrow_mut()
            .get_or_insert_with(|| RwSignal::new(Status::Fresh))
    })
}

fn set_status(next: Status) {
    let sig = status();
    if sig.get_untracked() != next {
        sig.set(next);
    }
}

fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

fn state_json(state: &AppState) -> String {
    serde_json::to_string(state).unwrap_or_default()
}

/// Starts a kiosk session: nothing is read from or ever written to storage for the patient.
pub fn boot_kiosk() -> AppState {
    set_status(Status::Kiosk);
    AppState::default()
}

/// Loads the saved document and decides how saving may proceed. Call once, before the UI is built.
pub fn boot() -> AppState {
    let _ = status();
    if !local::available() {
        set_status(Status::MemoryOnly);
        return AppState::default();
    }
    let raw = local::get(DOC_KEY).unwrap_or(None);
    match decode(raw.as_deref()) {
        Loaded::Empty => AppState::default(),
        Loaded::Ready {
            state, generation, ..
        } => {
            INNER.with(|i| {
                let mut i = i.borrow_mut();
                i.generation = generation;
                i.last_saved = state_json(&state);
            });
            set_status(Status::Saved { at: String::new() });
            state
        }
        Loaded::Newer {
            schema,
            generation,
            state,
        } => {
            INNER.with(|i| i.borrow_mut().generation = generation);
            set_status(Status::ReadOnly { schema });
            state.unwrap_or_default()
        }
        Loaded::Unreadable { reason } => {
            let raw = raw.unwrap_or_default();
            let copy_key = quarantine(&raw);
            INNER.with(|i| i.borrow_mut().raw_unreadable = Some(raw));
            set_status(Status::Quarantined { reason, copy_key });
            AppState::default()
        }
    }
}

/// Copies unreadable bytes under their own key (once per distinct content); returns the key if the copy is safe.
fn quarantine(raw: &str) -> Option<String> {
    for key in local::keys_with_prefix(QUARANTINE_PREFIX) {
        if local::get(&key).ok().flatten().as_deref() == Some(raw) {
            return Some(key);
        }
    }
    let key = format!("{QUARANTINE_PREFIX}{}", now_iso());
    local::set_verified(&key, raw).ok().map(|_| key)
}

/// The unreadable bytes found at start, for "download the unreadable data".
pub fn unreadable_bytes() -> Option<String> {
    INNER.with(|i| i.borrow().raw_unreadable.clone())
}

/// The raw saved document (for a read-only download of data from a newer version).
pub fn raw_document() -> Option<String> {
    local::get(DOC_KEY).ok().flatten()
}

/// Notes a change; it is saved after the debounce (or at once on hide/leave).
pub fn schedule(state: &AppState) {
    if !status().get_untracked().allows_saving() {
        return;
    }
    let json = state_json(state);
    let unchanged = INNER.with(|i| i.borrow().last_saved == json);
    if unchanged {
        INNER.with(|i| i.borrow_mut().pending = None);
        return;
    }
    INNER.with(|i| i.borrow_mut().pending = Some(state.clone()));
    if !matches!(status().get_untracked(), Status::NotSaved { .. }) {
        set_status(Status::Pending);
    }
    arm_timer(DEBOUNCE_MS);
}

fn arm_timer(ms: i32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(id) = INNER.with(|i| i.borrow_mut().timer.take()) {
        window.clear_timeout_with_handle(id);
    }
    let cb = Closure::once_into_js(|| {
        INNER.with(|i| i.borrow_mut().timer = None);
        flush();
    });
    if let Ok(id) =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms)
    {
        INNER.with(|i| i.borrow_mut().timer = Some(id));
    }
}

/// Saves pending changes now, if saving is allowed and no newer save by another tab exists.
pub fn flush() {
    let Some(state) = INNER.with(|i| i.borrow().pending.clone()) else {
        return;
    };
    if !status().get_untracked().allows_saving() {
        return;
    }
    let stored = local::get(DOC_KEY).unwrap_or(None);
    let mine = INNER.with(|i| i.borrow().generation);
    if generation_of(stored.as_deref()).is_some_and(|g| g > mine) {
        set_status(Status::Conflict);
        return;
    }
    write(&state, mine + 1);
}

fn write(state: &AppState, generation: u64) {
    let at = now_iso();
    match local::set_verified(DOC_KEY, &encode(state, generation, &at)) {
        Ok(()) => {
            let first = INNER.with(|i| {
                let mut i = i.borrow_mut();
                i.generation = generation;
                i.last_saved = state_json(state);
                i.pending = None;
                !std::mem::replace(&mut i.persist_requested, true)
            });
            set_status(Status::Saved { at });
            if first {
                request_persistence();
            }
        }
        Err(err) => {
            set_status(Status::NotSaved {
                reason: err.explain(),
            });
            arm_timer(RETRY_MS);
        }
    }
}

/// Asks the browser not to evict Mosaic's storage (after the first save, as browsers expect a reason).
fn request_persistence() {
    if let Some(window) = web_sys::window() {
        // The answer only matters to Settings, which asks `persisted()` itself; the promise is left to settle.
        let _ = window.navigator().storage().persist();
    }
}

/// Whether the browser has granted persistent storage (`None` when it cannot say).
pub async fn persisted() -> Option<bool> {
    let p = web_sys::window()?.navigator().storage().persisted().ok()?;
    wasm_bindgen_futures::JsFuture::from(p)
        .await
        .ok()?
        .as_bool()
}

/// Installs the page listeners: flush on hide/leave, and react to saves by other tabs.
/// `on_external` receives newer data saved by another tab when this tab has nothing unsaved.
pub fn listen(on_external: impl Fn(AppState) + 'static) {
    INNER.with(|i| i.borrow_mut().on_external = Some(Box::new(on_external)));
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_hide = Closure::<dyn Fn()>::new(|| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            flush();
        }
    });
    if let Some(doc) = window.document() {
        let _ = doc
            .add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
    }
    on_hide.forget();
    let on_leave = Closure::<dyn Fn()>::new(flush);
    let _ = window.add_event_listener_with_callback("pagehide", on_leave.as_ref().unchecked_ref());
    on_leave.forget();
    let on_storage = Closure::<dyn Fn(web_sys::StorageEvent)>::new(|ev: web_sys::StorageEvent| {
        if ev.key().as_deref() == Some(DOC_KEY) {
            other_tab_saved(ev.new_value());
        }
    });
    let _ = window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    on_storage.forget();
}

fn other_tab_saved(raw: Option<String>) {
    if !status().get_untracked().allows_saving() {
        return;
    }
    let has_pending = INNER.with(|i| i.borrow().pending.is_some());
    if has_pending {
        set_status(Status::Conflict);
        return;
    }
    if let Loaded::Ready {
        state, generation, ..
    } = decode(raw.as_deref())
    {
        adopt(state, generation);
    }
}

fn adopt(state: AppState, generation: u64) {
    INNER.with(|i| {
        let mut i = i.borrow_mut();
        i.generation = generation;
        i.last_saved = state_json(&state);
        i.pending = None;
    });
    set_status(Status::Saved { at: now_iso() });
    let cb = INNER.with(|i| i.borrow_mut().on_external.take());
    if let Some(cb) = cb {
        cb(state);
        INNER.with(|i| i.borrow_mut().on_external = Some(cb));
    }
}

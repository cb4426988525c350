//! Kiosk mode for a shared waiting-room tablet: memory-only sessions, idle reset, staff exit (RELIABILITY §3).

pub mod idle;
pub mod setup;
pub mod staff;
pub mod start;

use crate::store::kiosk::KioskConfig;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Kiosk state shared by the shell, the idle guard and the staff panel.
#[derive(Clone, Copy)]
pub struct KioskCtx {
    /// The configuration read at start (staff may change it).
    pub config: RwSignal<KioskConfig>,
}

/// Whether this page runs as a kiosk (decided once at start).
pub fn is_active() -> bool {
    ACTIVE.load(Ordering::Relaxed)
}

/// The kiosk context, when in kiosk mode.
pub fn use_kiosk() -> Option<KioskCtx> {
    use_context::<KioskCtx>()
}

/// The app's start URL: this page without any fragment or query.
pub fn start_url() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// Ends a patient session with a full page replacement: memory, DOM and the history entry all go.
pub fn end_session() {
    let _ = window().location().replace(&start_url());
}

/// Turns kiosk behaviour on for this page: no history entries (links and navigation replace the current entry, so
/// Back never reaches an earlier patient's screens), and a page restored from the back/forward cache is replaced.
pub fn activate() {
    ACTIVE.store(true, Ordering::Relaxed);
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("kiosk");
    }
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Ok(Some(link)) = target.closest("a[href^='#']") else {
            return;
        };
        if let Some(href) = link.get_attribute("href") {
            ev.prevent_default();
            replace_hash(&href);
        }
    });
    let _ = document().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    on_click.forget();
    let on_show =
        Closure::<dyn Fn(web_sys::PageTransitionEvent)>::new(|ev: web_sys::PageTransitionEvent| {
            if ev.persisted() {
                end_session();
            }
        });
    let _ = window().add_event_listener_with_callback("pageshow", on_show.as_ref().unchecked_ref());
    on_show.forget();
}

/// Changes the hash without adding a history entry (and still tells the router).
pub fn replace_hash(hash: &str) {
    let url = format!("{}{}", start_url(), hash);
    let _ = window().location().replace(&url);
}

//! Kiosk mode for a shared waiting-room tablet: memory-only sessions, idle reset, staff exit (what is promised, and
//! the tests that prove it: `docs/reliability.md`, K1–K5).

pub mod fields;
pub mod idle;
pub mod setup;
pub mod staff;
pub mod staff_panel;
pub mod start;
pub mod takeover;

use crate::store::kiosk::{self as kiosk_store, KioskConfig, Stored, LAUNCH_PREFIX};
use crate::store::local::LocalStorage;
use crate::store::storage::{Storage, PREFIX};
use crate::ui::address::{replace_hash, start_url};
use crate::ui::route::Route;
use crate::ui::session::arrival::Arrival;
use crate::ui::session::Session;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Shown when the stored kiosk record exists but cannot be read.
const UNREADABLE: &str =
    "This tablet was set up as a kiosk, but its kiosk settings can no longer be read.";

/// How this page starts.
#[derive(Clone, Debug, PartialEq)]
pub enum Start {
    /// A normal session.
    Normal,
    /// A kiosk with this configuration; `launch` is the address that ends each patient's session.
    Kiosk {
        /// The configuration read at start.
        config: KioskConfig,
        /// The kiosk launch address.
        launch: String,
        /// The confirmation the page before asked the start screen to show.
        arrival: Arrival,
    },
    /// A kiosk that cannot run, with the reason for the staff-only screen; every reset comes back to `launch`,
    /// this page's own address.
    Broken {
        /// Why, for staff.
        reason: String,
        /// This page's address.
        launch: String,
    },
    /// A valid launch address opened on a device that holds someone's own saved data: nothing has been changed,
    /// and the device becomes this kiosk only once staff confirm with the PIN.
    AskFirst(KioskConfig),
}

/// Decides at start-up whether this page is a kiosk, failing closed: the launch address makes it one whatever
/// storage holds (unless that is someone's own saved data, see [`kiosk_store::launch_needs_consent`]), and a stored
/// record that cannot be read keeps it one. A kiosk's storage is cleared of everything but its own record here.
pub fn start_up() -> Start {
    let hash = window().location().hash().unwrap_or_default();
    let asked = Arrival::from_search(&window().location().search().unwrap_or_default());
    let mut arrival = Arrival::Plain;
    let stored = kiosk_store::load(&LocalStorage);
    let config = match (Route::parse(&hash), stored) {
        (Route::Kiosk(payload), stored) => match kiosk_store::decode_launch(&payload) {
            // Checked before anything is written or removed: until staff confirm, storage stays as it was.
            Ok(config)
                if kiosk_store::launch_needs_consent(
                    &stored,
                    &LocalStorage.keys_with_prefix(PREFIX),
                ) =>
            {
                return Start::AskFirst(config)
            }
            Ok(mut config) => {
                // Wrong-PIN counts and locks belong to this device: kept while the PIN is the same.
                if let Stored::Config(old) = stored {
                    if old.pin == config.pin {
                        config.failed_attempts = old.failed_attempts;
                        config.locked_until = old.locked_until;
                    }
                }
                // A convenience copy only: the launch address is what keeps this page a kiosk.
                if kiosk_store::save(&LocalStorage, &config).is_ok() {
                    LocalStorage.request_persistence();
                }
                config
            }
            Err(e) => return broken(e.explain()),
        },
        (_, Stored::Config(config)) if config.enabled => config,
        (_, Stored::Unreadable) => {
            LocalStorage.remove_all_except(kiosk_store::KIOSK_KEY);
            return broken(UNREADABLE.to_string());
        }
        _ => return Start::Normal,
    };
    // Invariant of a kiosk: nothing but its own configuration in storage, whatever happened before.
    LocalStorage.remove_all_except(kiosk_store::KIOSK_KEY);
    let launch = match launch_url(&config) {
        Some(url) => {
            let here = window().location().href().unwrap_or_default();
            if here == asked.mark(&start_url(), &url) && here != url {
                // The page before asked for a confirmation: it is noted, and the marker leaves the address without
                // a second load, so the address is the launch address again before anything renders.
                arrival = asked;
                if let Ok(history) = window().history() {
                    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
                }
            } else if here != url {
                let _ = window().location().replace(&url);
            }
            url
        }
        None => start_url(),
    };
    Start::Kiosk {
        config,
        launch,
        arrival,
    }
}

/// The error screen of a kiosk that cannot run: every reset comes back to this same address.
fn broken(reason: String) -> Start {
    Start::Broken {
        reason,
        launch: window().location().href().unwrap_or_default(),
    }
}

/// The kiosk launch address for `config`: this page's address with `#/kiosk/<payload>` (`None` without a PIN).
pub fn launch_url(config: &KioskConfig) -> Option<String> {
    Some(format!(
        "{}{LAUNCH_PREFIX}{}",
        start_url(),
        config.launch_payload()?
    ))
}

/// Leaves kiosk mode for good (staff): the app's plain address, where the stored record now says "off".
pub fn leave() {
    let _ = window().location().replace(&start_url());
}

/// Hides (or shows again) the page's header controls and content, which may hold a patient's answers
/// (`html.kiosk-hidden` in style/kiosk.css): while the tablet sleeps or the page leaves, until a fresh session
/// replaces it.
pub fn set_page_hidden(hidden: bool) {
    if let Some(root) = document().document_element() {
        let list = root.class_list();
        let _ = if hidden {
            list.add_1("kiosk-hidden")
        } else {
            list.remove_1("kiosk-hidden")
        };
    }
}

/// Turns on kiosk behaviour for this page, whose session is `session`: no history entries (links and navigation
/// replace the current entry, so Back never reaches an earlier patient's screens), every link back to the start
/// ends the session, and a page restored from the back/forward cache is replaced.
pub fn activate(session: Session) {
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("kiosk");
    }
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        // Only `#/…` links are routes; `#main` or `#age` are in-page links that their own handlers serve.
        let Ok(Some(link)) = target.closest("a[href^='#/']") else {
            return;
        };
        if let Some(href) = link.get_attribute("href") {
            ev.prevent_default();
            if leads_to_start(&href) {
                session.finish_kiosk_session();
            } else {
                replace_hash(&href);
            }
        }
    });
    let _ = document().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    on_click.forget();
    // A page put into the back/forward cache is hidden as it leaves, so a restore never draws the answers it held;
    // a restored page is replaced by a fresh session at once (and stays hidden until then).
    let on_hide = Closure::<dyn Fn()>::new(|| set_page_hidden(true));
    let _ = window().add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    on_hide.forget();
    let on_show = Closure::<dyn Fn(web_sys::PageTransitionEvent)>::new(
        move |ev: web_sys::PageTransitionEvent| {
            if ev.persisted() {
                set_page_hidden(true);
                session.finish_kiosk_session();
            }
        },
    );
    let _ = window().add_event_listener_with_callback("pageshow", on_show.as_ref().unchecked_ref());
    on_show.forget();
}

/// Whether `hash` leads back to the kiosk start screen (a kiosk opens no shared plans, it shows its start screen
/// instead), which must always begin a fresh session.
pub fn leads_to_start(hash: &str) -> bool {
    let path = hash.trim_start_matches('#').trim_end_matches('/');
    path.is_empty()
        || ["/kiosk", "/shared"]
            .iter()
            .any(|route| path == *route || path.starts_with(&format!("{route}/")))
}

#[cfg(test)]
mod tests {
    use super::leads_to_start;

    #[test]
    fn only_the_start_and_launch_routes_lead_to_the_start() {
        for h in [
            "#/",
            "#",
            "",
            "#/kiosk/AbC",
            "#/kiosk",
            "#/shared/AbC",
            "#/shared",
        ] {
            assert!(leads_to_start(h), "{h:?}");
        }
        for h in ["#/intake/pain", "#/kioskx", "#/sharedx", "#/plan"] {
            assert!(!leads_to_start(h), "{h:?}");
        }
    }
}

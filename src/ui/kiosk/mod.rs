//! Kiosk mode for a shared waiting-room tablet: memory-only sessions, idle reset, staff exit (RELIABILITY §3).

pub mod idle;
pub mod setup;
pub mod staff;
pub mod start;
pub mod takeover;

use crate::store::kiosk::{self as kiosk_store, KioskConfig, Stored, LAUNCH_PREFIX};
use crate::store::local;
use crate::ui::route::Route;
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

static ACTIVE: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The launch address of the running kiosk: every session ends by reloading it. Module-level (like `ACTIVE`)
    /// because the idle timer, Finish and the hash-change hook read it outside any component's context; it belongs
    /// in the session owner once there is one.
    static LAUNCH: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Kiosk state shared by the shell, the idle guard and the staff panel.
#[derive(Clone, Copy)]
pub struct KioskCtx {
    /// The configuration read at start (staff may change it).
    pub config: RwSignal<KioskConfig>,
}

/// Shown when the stored kiosk record exists but cannot be read.
const UNREADABLE: &str =
    "This tablet was set up as a kiosk, but its kiosk settings can no longer be read.";

/// How this page starts.
#[derive(Clone, Debug, PartialEq)]
pub enum Start {
    /// A normal session.
    Normal,
    /// A kiosk, its context provided.
    Kiosk,
    /// A kiosk that cannot run, with the reason for the staff-only screen.
    Broken(String),
    /// A valid launch address opened on a device that holds someone's own saved data: nothing has been changed,
    /// and the device becomes this kiosk only once staff confirm with the PIN.
    AskFirst(KioskConfig),
}

/// Decides at start-up whether this page is a kiosk, failing closed: the launch address makes it one whatever
/// storage holds (unless that is someone's own saved data, see [`kiosk_store::launch_needs_consent`]), and a stored
/// record that cannot be read keeps it one.
pub fn start_up() -> Start {
    let hash = window().location().hash().unwrap_or_default();
    let stored = kiosk_store::load();
    let config = match (Route::parse(&hash), stored) {
        (Route::Kiosk(payload), stored) => match kiosk_store::decode_launch(&payload) {
            // Checked before anything is written or removed: until staff confirm, storage stays as it was.
            Ok(config)
                if kiosk_store::launch_needs_consent(
                    &stored,
                    &local::keys_with_prefix(local::PREFIX),
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
                if kiosk_store::save(&config).is_ok() {
                    request_persistence();
                }
                config
            }
            Err(e) => return Start::Broken(broken(e.explain())),
        },
        (_, Stored::Config(config)) if config.enabled => config,
        (_, Stored::Unreadable) => {
            local::remove_all_except(kiosk_store::KIOSK_KEY);
            return Start::Broken(broken(UNREADABLE.to_string()));
        }
        _ => return Start::Normal,
    };
    // Invariant of a kiosk: nothing but its own configuration in storage, whatever happened before.
    local::remove_all_except(kiosk_store::KIOSK_KEY);
    activate();
    if let Some(url) = launch_url(&config) {
        if window().location().href().ok().as_deref() != Some(url.as_str()) {
            let _ = window().location().replace(&url);
        }
        set_launch(url);
    }
    provide_context(KioskCtx {
        config: RwSignal::new(config),
    });
    Start::Kiosk
}

/// Turns on kiosk behaviour for the error screen, whose every reset comes back to this same address.
fn broken(reason: String) -> String {
    activate();
    set_launch(window().location().href().unwrap_or_default());
    reason
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

/// The kiosk launch address for `config`: this page's address with `#/kiosk/<payload>` (`None` without a PIN).
pub fn launch_url(config: &KioskConfig) -> Option<String> {
    Some(format!(
        "{}{LAUNCH_PREFIX}{}",
        start_url(),
        config.launch_payload()?
    ))
}

/// Remembers the address that ends each session: the launch address (at start and when staff change the
/// configuration), or the page's own address on the error screen, so a reset never lands in a normal session.
pub fn set_launch(url: String) {
    LAUNCH.with(|l| *l.borrow_mut() = url);
}

/// Loads `url` afresh without a history entry. A URL that differs from this page's only in its fragment would
/// merely change the hash (keeping memory and DOM), so the page is then reloaded at it.
pub fn reload_at(url: &str) {
    let location = window().location();
    let _ = location.replace(url);
    if location.href().ok().as_deref() == Some(url) {
        let _ = location.reload();
    }
}

/// Ends a patient session with a full page reload at the launch address: memory, DOM and the history entry all go.
pub fn end_session() {
    let launch = LAUNCH.with(|l| l.borrow().clone());
    reload_at(&if launch.is_empty() {
        start_url()
    } else {
        launch
    });
}

/// Leaves kiosk mode for good (staff): the app's plain address, where the stored record now says "off".
pub fn leave() {
    let _ = window().location().replace(&start_url());
}

/// Asks the browser not to evict the kiosk's stored configuration (it may still be lost: the launch address is
/// what keeps a tablet a kiosk). The answer is not needed, so the promise is left to settle.
pub fn request_persistence() {
    let _ = window().navigator().storage().persist();
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
        // Only `#/…` links are routes; `#main` or `#age` are in-page links that their own handlers serve.
        let Ok(Some(link)) = target.closest("a[href^='#/']") else {
            return;
        };
        if let Some(href) = link.get_attribute("href") {
            ev.prevent_default();
            if leads_to_start(&href) {
                end_session();
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
    let on_show =
        Closure::<dyn Fn(web_sys::PageTransitionEvent)>::new(|ev: web_sys::PageTransitionEvent| {
            if ev.persisted() {
                end_session();
            }
        });
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

/// Changes the hash without adding a history entry (and still tells the router).
pub fn replace_hash(hash: &str) {
    let url = format!("{}{}", start_url(), hash);
    let _ = window().location().replace(&url);
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

//! The page's own address: the app's start URL, a fresh load at an address, and hash changes that add no history
//! entry. Plain functions of `window.location`, shared by the session, the kiosk and the share link.

use leptos::prelude::*;

/// The app's start URL: this page without any fragment or query.
pub fn start_url() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
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

/// Changes the hash without adding a history entry (and still tells the router).
pub fn replace_hash(hash: &str) {
    let url = format!("{}{}", start_url(), hash);
    let _ = window().location().replace(&url);
}

/// Changes the hash without a history entry and without telling the router: for a view that gives itself a more
/// exact address while it stays open (a new check-in becomes `#/check-in/<n>` once saved), so a reload opens the same
/// thing and the view is not rebuilt under the person's finger.
pub fn rename_address(hash: &str) {
    let url = format!("{}{}", start_url(), hash);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

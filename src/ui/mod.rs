//! Leptos components: the app shell, one page per step, and reusable widgets. Renders and dispatches only; the
//! document a person works on is owned by the [`session`].

pub mod address;
pub mod app;
pub mod charts;
pub mod chunked_views;
pub mod components;
pub mod deferred;
pub mod kiosk;
pub mod pages;
pub mod passphrase_lock;
pub mod restore;
pub mod route;
pub mod save_status;
pub mod session;
pub mod take_home;
pub mod text;
pub mod update;
pub mod view_mirror;
pub mod widgets;

/// Mounts the app into `<body>`, replacing the static "loading" fallback.
pub fn mount() {
    console_error_panic_hook::set_once();
    // A later save kept by the crash copy goes back into localStorage before the session reads it; with no saved
    // document (a first visit, a kiosk) this opens nothing and the app mounts at once.
    // (wasm-bindgen's own spawner: Leptos's executor is set up by the mount itself.)
    wasm_bindgen_futures::spawn_local(async {
        crate::store::durable::recover().await;
        if let Some(fallback) = leptos::prelude::document().get_element_by_id("boot") {
            fallback.remove();
        }
        leptos::mount::mount_to_body(app::App);
    });
}

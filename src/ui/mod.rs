//! Leptos components: the app shell, one page per step, and reusable widgets. Renders and dispatches only.

pub mod app;
pub mod components;
pub mod deferred;
pub mod kiosk;
pub mod pages;
pub mod restore;
pub mod route;
pub mod state;
pub mod storage;
pub mod take_home;
pub mod widgets;

/// Mounts the app into `<body>`, replacing the static "loading" fallback.
pub fn mount() {
    console_error_panic_hook::set_once();
    if let Some(fallback) = leptos::prelude::document().get_element_by_id("boot") {
        fallback.remove();
    }
    leptos::mount::mount_to_body(app::App);
}

//! Leptos components: the app shell, one page per step, and reusable widgets. Renders and dispatches only.

use leptos::prelude::*;

/// Mounts the app into `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| view! { <p>"Mosaic"</p> });
}

//! Browser tests (wasm-bindgen-test in headless Chromium): the app shell mounted in a real DOM.

use leptos::prelude::*;
use mosaic::ui::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// Waits for the browser to deliver queued events (hashchange is dispatched as a task).
async fn wait_for_events() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits for queued events, then for Leptos to apply the resulting updates (needs a mounted app).
async fn settle() {
    wait_for_events().await;
    leptos::task::tick().await;
}

/// Mounts the app in a fresh container and returns the container.
fn mount_app() -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), App);
    handle.forget();
    container
}

fn heading(container: &web_sys::HtmlElement) -> String {
    container
        .query_selector("h1")
        .unwrap()
        .expect("a heading")
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn welcome_explains_limits_privacy_and_offers_start() {
    window().location().set_hash("#/").unwrap();
    wait_for_events().await;
    let c = mount_app();
    leptos::task::tick().await;
    assert!(
        heading(&c).contains("care plan"),
        "heading: {}",
        heading(&c)
    );
    let text = c.text_content().unwrap_or_default();
    assert!(
        text.contains("not medical advice"),
        "says it is not medical advice"
    );
    assert!(
        text.contains("emergency number"),
        "says what to do in an emergency"
    );
    assert!(text.contains("stays on this device") || text.contains("stay on this device"));
    let start = c.query_selector("a[href='#/intake/pain']").unwrap();
    assert!(start.is_some(), "a start action leads into the intake");
    c.remove();
}

#[wasm_bindgen_test]
async fn unknown_hash_shows_not_found_with_a_way_home_and_back_returns() {
    window().location().set_hash("#/").unwrap();
    wait_for_events().await;
    let c = mount_app();
    leptos::task::tick().await;
    window().location().set_hash("#/no-such-view").unwrap();
    settle().await;
    assert!(
        heading(&c).contains("couldn't find"),
        "heading: {}",
        heading(&c)
    );
    assert!(
        c.query_selector("a[href='#/']").unwrap().is_some(),
        "offers a way home"
    );
    window().history().unwrap().back().unwrap();
    settle().await;
    settle().await;
    assert!(
        heading(&c).contains("care plan"),
        "Back returns to Welcome: {}",
        heading(&c)
    );
    c.remove();
}

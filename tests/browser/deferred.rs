//! Browser tests (wasm-bindgen-test in headless Chromium): a view loaded on demand, when its code arrives and when
//! it cannot be fetched. The split itself happens only in the release build (e2e/chunks.test.mjs covers that).

use leptos::prelude::*;
use mosaic::ui::deferred::{deferred, ChunkMissing};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// Mounts `view` in a fresh container and returns the container.
fn mount(view: impl Fn() -> AnyView + 'static) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

/// The text of the first heading in `c`.
fn heading(c: &web_sys::HtmlElement) -> String {
    c.query_selector("h1")
        .unwrap()
        .and_then(|h| h.text_content())
        .unwrap_or_default()
}

/// Lets pending futures and Leptos's updates run.
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

#[wasm_bindgen_test]
async fn a_view_whose_code_has_arrived_renders_at_once() {
    let c = mount(|| deferred(|| async { Ok(view! { <h1>"Arrived"</h1> }.into_any()) }));
    assert_eq!(
        heading(&c),
        "Arrived",
        "no loading line when the code is already in memory"
    );
}

#[wasm_bindgen_test]
async fn a_view_that_cannot_be_fetched_explains_and_retries_on_request() {
    let calls = Arc::new(AtomicU32::new(0));
    let counted = calls.clone();
    let c = mount(move || {
        let counted = counted.clone();
        deferred(move || {
            // The first attempt fails (offline); the retry succeeds.
            let attempt = counted.fetch_add(1, Ordering::SeqCst);
            async move {
                if attempt == 0 {
                    Err(ChunkMissing)
                } else {
                    Ok(view! { <h1 id="view-heading">"Your pain"</h1> }.into_any())
                }
            }
        })
    });
    settle().await;
    let text = c.text_content().unwrap_or_default();
    assert!(text.contains("could not be loaded"), "explains: {text}");
    assert!(
        text.contains("Nothing you have entered is lost"),
        "reassures: {text}"
    );
    assert_eq!(calls.load(Ordering::SeqCst), 1);

    let retry: web_sys::HtmlElement = c
        .query_selector("button")
        .unwrap()
        .expect("a Try again button")
        .unchecked_into();
    assert_eq!(retry.text_content().unwrap(), "Try again");
    retry.click();
    settle().await;
    assert_eq!(calls.load(Ordering::SeqCst), 2, "Try again fetches afresh");
    assert_eq!(heading(&c), "Your pain");
}

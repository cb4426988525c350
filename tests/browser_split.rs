//! Browser tests (wasm-bindgen-test in headless Chromium) of views loaded on demand through the real app code
//! (`src/ui/chunked_views.rs`). `scripts/test.sh` runs this file twice: on the ordinary build, where those views
//! are plain functions, and on the split release path (`--cfg mosaic_split`, the wasm split into chunks by
//! `scripts/split-test-runner.sh`), where each view's code is a separate wasm file fetched when it is first needed.
//! The tests marked `mosaic_split` can only pass there: they check, with the Resource Timing API, that the page
//! really requested the view's code as wasm files of its own, besides the main module.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mosaic::store::document::AppState;
use mosaic::ui::chunked_views;
use mosaic::ui::deferred::deferred;
use mosaic::ui::session::{Mode, Session};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` with its own session (in memory only) in a fresh container and returns the container.
fn mount(view: impl Fn() -> AnyView + 'static) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), move || {
        provide_context(Session::new(AppState::default(), Mode::MemoryOnly));
        view()
    })
    .forget();
    container
}

/// The text of the first heading in `c`, or "" while there is none.
fn heading(c: &web_sys::HtmlElement) -> String {
    c.query_selector("h1")
        .unwrap()
        .and_then(|h| h.text_content())
        .unwrap_or_default()
}

/// Gives the browser one task's turn (a zero-delay timer), so fetches, compilation and Leptos's updates can run.
#[cfg(mosaic_split)]
async fn next_turn() {
    let turn = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback(&resolve)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(turn)
        .await
        .expect("a timer never fails");
}

/// Waits until `done` holds, failing with `what` after 15 s (within the runner's 20 s per test). The bound is for a
/// loaded machine, not a pause: the wait ends as soon as the condition holds.
#[cfg(mosaic_split)]
async fn wait_for(what: &str, done: impl Fn() -> bool) {
    let clock = window().performance().expect("performance");
    let start = clock.now();
    while !done() {
        assert!(
            clock.now() - start < 15_000.0,
            "timed out waiting for {what}"
        );
        next_turn().await;
    }
}

/// The file name of every `.wasm` the page has requested so far (Resource Timing entries), in request order.
fn wasm_requested() -> Vec<String> {
    let entries = window()
        .performance()
        .expect("performance")
        .get_entries_by_type("resource");
    entries
        .iter()
        .filter_map(|e| js_sys::Reflect::get(&e, &"name".into()).ok()?.as_string())
        .filter_map(|url| {
            let path = url.split(['?', '#']).next()?.to_string();
            let file = path.rsplit('/').next()?.to_string();
            file.ends_with(".wasm").then_some(file)
        })
        .collect()
}

/// Waits until the Resource Timing API lists `file` (it records a request once its response has been read, which
/// may be a moment after the code it carried is running), then returns how many times it was requested.
#[cfg(mosaic_split)]
async fn requested(file: &str) -> usize {
    let count = || wasm_requested().iter().filter(|f| *f == file).count();
    wait_for(&format!("a request for {file}"), || count() > 0).await;
    count()
}

/// The test runner's own module, which holds the tests and, on the split path, everything no chunk took.
const MAIN_MODULE: &str = "wasm-bindgen-test_bg.wasm";

#[cfg(not(mosaic_split))]
#[wasm_bindgen_test]
async fn on_the_ordinary_build_a_deferred_view_renders_at_once_and_fetches_no_code() {
    let c = mount(|| deferred(|| chunked_views::safety_rules(None)));
    assert_eq!(
        heading(&c),
        "How Mosaic checks safety",
        "no loading line: the view is a plain function here"
    );
    assert!(chunked_views::preload_all().await);
    assert_eq!(
        wasm_requested(),
        [MAIN_MODULE],
        "the main module is the only wasm: no view has code of its own to fetch"
    );
    c.remove();
}

#[cfg(mosaic_split)]
#[wasm_bindgen_test]
async fn a_view_arrives_as_its_own_wasm_file_fetched_when_it_is_opened() {
    let chunk = "split_safety_rules_chunk.wasm";
    assert!(
        wasm_requested().iter().any(|f| f == MAIN_MODULE),
        "the page loaded the main module {MAIN_MODULE}: {:?}",
        wasm_requested()
    );
    assert!(
        !wasm_requested().iter().any(|f| f == chunk),
        "{chunk} is not fetched before its view is opened"
    );

    let c = mount(|| deferred(|| chunked_views::safety_rules(None)));
    // The view's code is not in the main module, so it cannot render at once (on the ordinary build it does);
    // the loading line shows while the chunk is fetched.
    assert_eq!(heading(&c), "", "no view before its code arrives");
    let saw_loading = std::cell::Cell::new(false);
    wait_for("the rule book view to render from its chunk", || {
        if c.text_content().unwrap_or_default().contains("Loading…") {
            saw_loading.set(true);
        }
        heading(&c) == "How Mosaic checks safety"
    })
    .await;
    assert!(
        saw_loading.get(),
        "the loading line showed while the chunk was fetched"
    );
    assert_eq!(
        requested(chunk).await,
        1,
        "{chunk} was fetched once, as a file of its own"
    );
    assert!(
        c.query_selector(".safety-rules a[href='#/']")
            .unwrap()
            .is_some(),
        "the view from the chunk renders fully (its Back link)"
    );
    c.remove();
}

#[cfg(mosaic_split)]
#[wasm_bindgen_test]
async fn a_chunk_that_cannot_be_fetched_shows_the_message_and_loads_on_try_again() {
    let chunk = "split_settings_chunk.wasm";
    // Refuse every chunk, as a dropped connection would; the test runner's own requests go through.
    let global = js_sys::global();
    let real_fetch = js_sys::Reflect::get(&global, &"fetch".into()).expect("fetch");
    let offline_for = js_sys::Function::new_with_args(
        "realFetch",
        "const f = (input, init) => {
            const url = String(input instanceof Request ? input.url : input);
            if (/\\/(split|chunk)_[^/]*\\.wasm$/.test(url)) {
                f.refused += 1;
                return Promise.reject(new TypeError('offline (test)'));
            }
            return realFetch(input, init);
        };
        f.refused = 0;
        return f;",
    );
    let blocker = offline_for
        .call1(&wasm_bindgen::JsValue::NULL, &real_fetch)
        .expect("blocker");
    js_sys::Reflect::set(&global, &"fetch".into(), &blocker).unwrap();
    let refused = || {
        js_sys::Reflect::get(&blocker, &"refused".into())
            .ok()
            .and_then(|n| n.as_f64())
            .unwrap_or(0.0)
    };

    let c = mount(|| deferred(chunked_views::settings));
    wait_for("the could-not-be-loaded message", || {
        heading(&c) == "This part of Mosaic could not be loaded"
    })
    .await;
    assert!(
        refused() >= 1.0,
        "the view's code was requested and refused"
    );
    assert!(
        !wasm_requested().iter().any(|f| f == chunk),
        "{chunk} did not arrive"
    );
    assert!(c
        .text_content()
        .unwrap_or_default()
        .contains("Nothing you have entered is lost"));

    // The connection is back: Try again fetches the chunk afresh (the failure was not remembered).
    js_sys::Reflect::set(&global, &"fetch".into(), &real_fetch).unwrap();
    let retry: web_sys::HtmlElement = c
        .query_selector(".load-failed button")
        .unwrap()
        .expect("a Try again button")
        .unchecked_into();
    assert_eq!(retry.text_content().unwrap_or_default(), "Try again");
    retry.click();
    wait_for("the settings view after Try again", || {
        heading(&c) == "Settings"
    })
    .await;
    assert_eq!(requested(chunk).await, 1, "{chunk} arrived on the retry");
    c.remove();
}

#[cfg(mosaic_split)]
#[wasm_bindgen_test]
async fn a_preloaded_view_renders_at_once_without_fetching_again() {
    let chunk = "split_plan_chunk.wasm";
    assert!(
        !wasm_requested().iter().any(|f| f == chunk),
        "{chunk} is not fetched before the preload"
    );
    assert!(chunked_views::preload_plan().await, "plan preloaded");
    assert_eq!(requested(chunk).await, 1, "the preload fetched {chunk}");

    let c = mount(|| deferred(chunked_views::plan));
    // Rendered in the first pass: once a chunk is in memory the view needs no loading line.
    assert_eq!(heading(&c), "Your 12-week plan");
    assert_eq!(
        wasm_requested().iter().filter(|f| *f == chunk).count(),
        1,
        "{chunk} is not fetched again"
    );
    c.remove();
}

//! Browser tests (wasm-bindgen-test in headless Chromium), one test binary for all of them: each binary costs a
//! wasm link, a wasm-bindgen pass, a chromedriver and a browser start, and on the split path a wasm-split pass, so
//! one binary instead of eight keeps the test command's two browser stages short. The tests share one page, as the
//! tests of one file always did: each mounts into its own container and clears the storage it writes.
//! `tests/browser_split.rs` stays a binary of its own: it checks which wasm files the page has requested, which only
//! holds on a page where no other test has opened a view.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod deep_json;
mod deferred;
mod saver_kiosk;
mod seal;
mod shell;
mod store_bench;
mod views;
mod widgets;

//! Mosaic: a care-plan builder for chronic pain that runs entirely in the browser.
//!
//! Dependencies point one way: `ui` → `store`/`share` → `clinical`. The clinical core knows nothing of
//! the browser, so it is tested natively with ordinary Rust tests.

pub mod clinical;
pub mod share;
pub mod store;
pub mod ui;

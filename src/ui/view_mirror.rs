//! Views read the session's long-lived signals through a mirror each view owns.
//!
//! Why: Leptos 0.8's reactive graph takes a reader off a signal's list only when that reader runs again. A view
//! that closes drops its effects and memos without running them, so each of them stays listed, a few dozen bytes
//! apiece, in every long-lived signal it read, for as long as the page lives. Measured before this module: 200
//! intake → screening → choose → plan cycles grew the wasm heap by about 3 MB, and that growth never stops. With a
//! mirror, the long-lived signal sees a single reader per view, and the view's clean-up takes that reader off the
//! list; the view's own effects are listed only in the mirror, which is freed with the view.

use leptos::prelude::*;
use leptos::reactive::graph::{Subscriber, ToAnySubscriber};

/// A copy of `read()` owned by the current reactive owner (a view): track it instead of the signals `read` uses.
pub fn view_mirror<T>(read: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let mirror = ArcMemo::new(move |_| read());
    let reader = mirror.to_any_subscriber();
    // Clean-ups run before the owner frees its memos, so the mirror is still alive to unsubscribe itself here.
    on_cleanup(move || reader.clear_sources(&reader));
    Memo::from(mirror)
}

/// Like [`view_mirror`] for a value the view reads elsewhere: a unit memo that tells the view's readers whenever
/// `read` sees a change. No copy is kept and no comparison made, so it adds almost nothing to the first download.
pub fn view_tracker(read: impl Fn() + Send + Sync + 'static) -> Memo<()> {
    let tracker = ArcMemo::new_with_compare(move |_| read(), |_, _| true);
    let reader = tracker.to_any_subscriber();
    on_cleanup(move || reader.clear_sources(&reader));
    Memo::from(tracker)
}

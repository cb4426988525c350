//! Views whose code arrives on demand. The release build splits each big view into its own wasm chunk so a first
//! visit downloads only the shell and the welcome view (the budget is in the README); this module shows a loading
//! line while a chunk arrives, a clear message with a retry when it cannot, moves focus once it has, and fetches
//! every chunk right after the first render so the app keeps working if the connection drops later.

use crate::ui::session::Session;
use leptos::prelude::*;
use std::future::Future;

/// A view's code could not be fetched: the device went offline, or the site was updated since this page loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkMissing;

#[cfg(mosaic_split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// Declares a view loaded on demand: `fn name(args) { view }` becomes `async fn name(args) -> Result<AnyView,
/// ChunkMissing>` plus `preload() -> bool` (true once the code is in memory). With `--cfg mosaic_split` (the release
/// build) the body goes to its own wasm chunk; without it (tests, debug builds) it is an ordinary function, so those
/// builds need no split step and no loader script.
macro_rules! on_demand {
    ($(#[$doc:meta])* $chunk:ident, $preload:ident, fn $name:ident($($arg:ident: $ty:ty),*) $body:block) => {
        $(#[$doc])*
        #[cfg(mosaic_split)]
        #[leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload(#[doc(hidden)] $chunk)
        )]
        pub fn $name($($arg: $ty),*) -> Result<AnyView, $crate::ui::deferred::ChunkMissing> {
            // The view reads the session through mirrors it owns, so closing it leaves nothing behind.
            provide_context($crate::ui::session::use_session().for_view());
            let view: AnyView = $body;
            Ok(view)
        }

        $(#[$doc])*
        #[cfg(not(mosaic_split))]
        pub async fn $name($($arg: $ty),*) -> Result<AnyView, $crate::ui::deferred::ChunkMissing> {
            // The view reads the session through mirrors it owns, so closing it leaves nothing behind.
            provide_context($crate::ui::session::use_session().for_view());
            let view: AnyView = $body;
            Ok(view)
        }

        /// Brings this view's code into memory ahead of use; true once it is there.
        pub async fn $preload() -> bool {
            #[cfg(mosaic_split)]
            {
                $chunk().await.is_ok()
            }
            #[cfg(not(mosaic_split))]
            {
                true
            }
        }
    };
}
pub(crate) use on_demand;

/// Focuses the current view's heading, as a page load would for screen-reader and keyboard users; if the view is
/// still arriving, the session remembers the request and its heading is focused as soon as it renders.
pub fn focus_heading(session: Session) {
    let focused = try_focus_heading();
    session.set_heading_focus_pending(!focused);
}

/// Focuses `#view-heading` if it is in the page.
fn try_focus_heading() -> bool {
    use wasm_bindgen::JsCast;
    document()
        .get_element_by_id("view-heading")
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|h| h.focus().is_ok())
        .unwrap_or(false)
}

/// Renders the view `load` produces: a loading line while its code arrives, or a message with "Try again" if it
/// cannot be fetched (the failure is not remembered, so a retry really fetches again).
pub fn deferred<F, Fut>(load: F) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkMissing>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    let session = use_context::<Session>();
    view! {
        <Suspense fallback=|| view! { <p class="view-loading" role="status">"Loading…"</p> }>
            {move || {
                attempt.track();
                let arrival = load();
                Suspend::new(async move {
                    let view = match arrival.await {
                        Ok(view) => view,
                        Err(ChunkMissing) => view! { <LoadFailed attempt=attempt /> }.into_any(),
                    };
                    // A focus request made while the view was arriving lands on its heading.
                    if session.is_some_and(|s| s.take_heading_focus_pending()) {
                        request_animation_frame(|| {
                            try_focus_heading();
                        });
                    }
                    view
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// Says a view could not be loaded, that nothing entered is lost, and offers to try again.
#[component]
fn LoadFailed(
    /// Bumped by "Try again" to fetch the view's code afresh.
    attempt: RwSignal<u32>,
) -> impl IntoView {
    view! {
        <section class="view load-failed" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"This part of Mosaic could not be loaded"</h1>
            <p role="alert">
                "Your device may be offline, or this site was updated since you opened it. "
                "Nothing you have entered is lost."
            </p>
            <p>"Check your connection and try again. If it still does not load, reload the page."</p>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| attempt.update(|n| *n += 1)>
                    "Try again"
                </button>
                <a href="#/">"Back to the start"</a>
            </div>
        </section>
    }
}

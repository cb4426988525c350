//! The app shell: header, the current view chosen from the URL hash, and footer.

use crate::store::saver;
use crate::ui::pages::{
    choose::ChooseView, intake::IntakeView, not_found::NotFound, plan::PlanView,
    screening::ScreeningView, settings::SettingsView, welcome::Welcome,
};
use crate::ui::route::Route;
use crate::ui::state::AppCtx;
use crate::ui::storage::{SaveIndicator, StorageBanner};
use leptos::prelude::*;

/// Reads the current hash from the address bar.
fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The root component: keeps the route in sync with the hash and renders the matching view.
#[component]
pub fn App() -> impl IntoView {
    // Load before anything renders; saving starts only after this load, and never over unreadable data.
    let ctx = AppCtx::new(saver::boot());
    provide_context(ctx);
    saver::listen(move |newer| ctx.state.set(newer));
    Effect::new(move |prev: Option<()>| {
        ctx.state.with(|s| {
            if prev.is_some() {
                saver::schedule(s);
            }
        });
    });
    // Larger text and higher contrast apply to the whole page.
    Effect::new(move |_| {
        let (large, contrast) = ctx
            .state
            .with(|s| (s.settings.large_text, s.settings.high_contrast));
        if let Some(root) = document().document_element() {
            let list = root.class_list();
            let _ = if large {
                list.add_1("large-text")
            } else {
                list.remove_1("large-text")
            };
            let _ = if contrast {
                list.add_1("high-contrast")
            } else {
                list.remove_1("high-contrast")
            };
        }
    });
    let (route, set_route) = signal(Route::parse(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::parse(&current_hash()));
    });
    on_cleanup(move || handle.remove());

    // Screen-reader and keyboard users land on the new view's heading, as a page load would do.
    Effect::new(move |prev: Option<()>| {
        let r = route.get();
        document().set_title(&r.title());
        if prev.is_some() {
            if let Some(h) = document().get_element_by_id("view-heading") {
                use wasm_bindgen::JsCast;
                if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        }
    });

    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            if let Some(m) = document().get_element_by_id("main") {
                m.scroll_into_view();
            }
        }>"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href="#/" aria-label="Mosaic home">
                <span class="brand-mark" aria-hidden="true"></span>
                <span class="brand-name">"Mosaic"</span>
            </a>
            <p class="tagline">"Plan your chronic-pain care"</p>
            <nav class="header-nav" aria-label="Mosaic">
                <SaveIndicator />
                <a href="#/settings">"Settings"</a>
            </nav>
        </header>
        <main id="main" tabindex="-1">
            <StorageBanner />
            {move || match route.get() {
                Route::Welcome => view! { <Welcome /> }.into_any(),
                Route::Intake(step) => view! { <IntakeView step=step /> }.into_any(),
                Route::Screening => view! { <ScreeningView /> }.into_any(),
                Route::Choose => view! { <ChooseView /> }.into_any(),
                Route::Plan => view! { <PlanView /> }.into_any(),
                Route::Settings => view! { <SettingsView /> }.into_any(),
                Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>"Mosaic is planning help, not medical advice. In an emergency call your local emergency number."</p>
            <p>"Everything you enter stays on this device."</p>
        </footer>
    }
}

//! The app shell: start-up (home or kiosk), header, the current view chosen from the URL hash, and footer.

use crate::store::document::AppState;
use crate::ui::chunked_views;
use crate::ui::deferred::{deferred, focus_heading};
use crate::ui::kiosk::start::{KioskError, KioskStart};
use crate::ui::kiosk::Start;
use crate::ui::kiosk::{
    self, idle::IdleGuard, staff::LongPress, staff::StaffDialog, staff::StaffStage,
    start::FinishButton,
};
use crate::ui::pages::{not_found::NotFound, welcome::Welcome};
use crate::ui::route::Route;
use crate::ui::save_status::{SaveIndicator, StorageBanner};
use crate::ui::session::{Mode, Session};
use crate::ui::update::UpdateBanner;
use leptos::prelude::*;

/// How long after the first render the other views' code starts to arrive in the background.
const PRELOAD_DELAY: std::time::Duration = std::time::Duration::from_millis(1000);

/// Reads the current hash from the address bar.
fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Creates this page's session: at home the saved document is loaded before anything renders and autosaved from
/// then on; a kiosk starts empty and in memory only, with its kiosk behaviour on. The second value says how the
/// page started: a kiosk that cannot run, or a launch address that must ask first, shows only that screen (while
/// asking, nothing is loaded or saved, and the person's saved data stays exactly as it is until a choice).
fn start_up() -> (Session, Start) {
    let start = kiosk::start_up();
    let session = match &start {
        Start::Normal => return (Session::at_home(), start),
        Start::Kiosk {
            config,
            launch,
            arrival,
        } => {
            let session = Session::new(
                AppState::default(),
                Mode::Kiosk {
                    launch: launch.clone(),
                    config: Some(RwSignal::new(config.clone())),
                },
            );
            session.with_kiosk_page(|k| k.arrival = *arrival);
            session
        }
        Start::Broken { launch, .. } => Session::new(
            AppState::default(),
            Mode::Kiosk {
                launch: launch.clone(),
                config: None,
            },
        ),
        Start::AskFirst(_) => Session::new(AppState::default(), Mode::MemoryOnly),
    };
    if session.is_kiosk() {
        kiosk::activate(session);
    }
    (session, start)
}

/// Applies the display preferences to the whole page.
fn display_preferences(session: Session) {
    Effect::new(move |_| {
        let (large, contrast) = session.with(|s| (s.settings.large_text, s.settings.high_contrast));
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
}

/// The root component: keeps the route in sync with the hash and renders the matching view.
#[component]
pub fn App() -> impl IntoView {
    let (session, start) = start_up();
    // Start-up that gives no working session shows only its own screen: why a kiosk cannot run, or the question.
    let gate = match &start {
        Start::Normal | Start::Kiosk { .. } => None,
        other => Some(other.clone()),
    };
    let asking = matches!(start, Start::AskFirst(_));
    provide_context(session);
    display_preferences(session);
    let in_kiosk = session.is_kiosk();
    // A device with the passphrase lock on shows only the passphrase screen until it is unlocked.
    let locked = Memo::new(move |_| session.is_locked());
    let (route, set_route) = signal(Route::parse(&current_hash()));
    // The view before the current one, so "How Mosaic checks safety" can lead back to where the person was.
    let previous = StoredValue::new(None::<Route>);
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        if asking {
            // Leaving the question (the logo, an edited address) starts the page afresh there: a normal session
            // with the saved data as it was, or the question again.
            let _ = window().location().reload();
            return;
        }
        let next = Route::parse(&current_hash());
        if in_kiosk && kiosk::leads_to_start(&current_hash()) {
            // Any way back to the kiosk start screen begins a fresh session, exactly like Finish.
            if !kiosk::leads_to_start(&route.get_untracked().href()) {
                session.finish_kiosk_session();
            }
            return;
        }
        if matches!(next, Route::Kiosk(_)) {
            // A launch address typed into a running app is read by start-up, not by the router.
            let _ = window().location().reload();
            return;
        }
        if next != route.get_untracked() {
            previous.set_value(Some(route.get_untracked()));
        }
        set_route.set(next);
    });
    on_cleanup(move || handle.remove());

    // Screen-reader and keyboard users land on the new view's heading, as a page load would do.
    Effect::new(move |prev: Option<()>| {
        let r = route.get();
        document().set_title(&r.title());
        if prev.is_some() {
            focus_heading(session);
        }
    });
    // Shortly after the first view is on screen, fetch the other views' code so later steps never wait and work
    // offline. Waiting a moment keeps that work (compiling about 500 KB of wasm) from competing with the first paint
    // and the first tap. `data-all-views-loaded` on <html> tells tests that the app no longer needs the network.
    Effect::new(|_| {
        set_timeout(
            || {
                leptos::task::spawn_local(async {
                    if chunked_views::preload_all().await {
                        if let Some(root) = document().document_element() {
                            let _ = root.set_attribute("data-all-views-loaded", "");
                        }
                    }
                })
            },
            PRELOAD_DELAY,
        )
    });
    let staff_stage = RwSignal::new(StaffStage::Closed);
    let press = LongPress::new(session, staff_stage);

    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            if let Some(m) = document().get_element_by_id("main") {
                m.scroll_into_view();
            }
        }>"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href="#/" aria-label="Mosaic home"
                on:pointerdown=move |_| if in_kiosk { press.start() }
                on:pointerup=move |_| press.end()
                on:pointerleave=move |_| press.end()
                on:pointercancel=move |_| press.end()
                on:contextmenu=move |ev| if in_kiosk { ev.prevent_default() }
            >
                <span class="brand-mark" aria-hidden="true"></span>
                <span class="brand-name">"Mosaic"</span>
            </a>
            <p class="tagline">"Plan your chronic-pain care"</p>
            <nav class="header-nav" aria-label="Mosaic">
                {if gate.is_some() {
                    ().into_any()
                } else if in_kiosk {
                    view! { <FinishButton /> }.into_any()
                } else {
                    view! {
                        <Show when=move || !locked.get()>
                            <SaveIndicator /> <a href="#/settings">"Settings"</a>
                        </Show>
                    }.into_any()
                }}
            </nav>
        </header>
        <main id="main" tabindex="-1">
            <StorageBanner />
            <UpdateBanner />
            {move || match route.get() {
                _ if gate.is_some() => match gate.clone() {
                    Some(Start::AskFirst(config)) => {
                        deferred(move || chunked_views::kiosk_takeover(config.clone()))
                    }
                    Some(Start::Broken { reason, .. }) => view! { <KioskError reason=reason /> }.into_any(),
                    _ => ().into_any(),
                },
                _ if locked.get() => deferred(chunked_views::unlock),
                Route::Welcome | Route::Kiosk(_) if in_kiosk => view! { <KioskStart /> }.into_any(),
                Route::Welcome => view! { <Welcome /> }.into_any(),
                Route::Intake(step) => deferred(move || chunked_views::intake(step)),
                Route::Review => deferred(chunked_views::review),
                Route::Screening => deferred(chunked_views::screening),
                Route::Choose => deferred(chunked_views::choose),
                Route::Plan => deferred(chunked_views::plan),
                Route::CheckIn(number) => deferred(move || chunked_views::check_in(number)),
                Route::Progress => deferred(chunked_views::progress),
                Route::Flare => deferred(chunked_views::flare),
                Route::Share => deferred(chunked_views::share),
                Route::PlanReview(week) => deferred(move || chunked_views::plan_review(week)),
                Route::Settings if in_kiosk => view! { <NotFound path="/settings".to_string() /> }.into_any(),
                Route::Settings => deferred(chunked_views::settings),
                Route::SafetyRules => {
                    let from = previous.get_value();
                    deferred(move || chunked_views::safety_rules(from.clone()))
                }
                Route::Shared(_) if in_kiosk => view! { <KioskStart /> }.into_any(),
                Route::Shared(payload) => deferred(move || chunked_views::shared(payload.clone())),
                Route::Kiosk(_) => view! { <KioskStart /> }.into_any(),
                Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
            }}
        </main>
        {in_kiosk.then(|| view! { <IdleGuard /> <StaffDialog stage=staff_stage /> })}
        <footer class="site-footer">
            <p>"Mosaic is planning help, not medical advice. In an emergency call your local emergency number."</p>
            <p>{if in_kiosk { "Nothing you enter is kept on this tablet." } else { "Everything you enter stays on this device." }}</p>
        </footer>
    }
}

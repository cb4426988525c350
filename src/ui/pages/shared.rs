//! A plan opened from a share link (`#/shared/<payload>`): a read-only preview, then "Save to this device".
//! The payload is removed from the address bar and from this tab's current history entry as soon as it is read.
//! That cannot remove it from the browser's global history list (where the full address was recorded when the
//! link was opened), so the view tells the person how to avoid or clear that.

use crate::clinical::catalog::catalog;
use crate::clinical::plan::{build_plan, WEEKDAYS};
use crate::clinical::screening::screen;
use crate::share::link::{self, Shared};
use crate::store::{backup, saver};
use crate::ui::kiosk::start_url;
use crate::ui::route::Route;
use crate::ui::state::{navigate, use_app};
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    static OPENED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The shared-plan view; `payload` is empty when the address bar was already cleaned.
#[component]
pub fn SharedView(
    /// The payload from the URL fragment (empty after it was removed from the address bar).
    payload: String,
) -> impl IntoView {
    if !payload.is_empty() {
        OPENED.with(|o| *o.borrow_mut() = Some(payload.clone()));
        let _ = window().history().map(|h| {
            h.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{}#/shared", start_url())),
            )
        });
    }
    let payload = OPENED.with(|o| o.borrow().clone()).unwrap_or_default();
    let body = if payload.is_empty() {
        view! { <p>"This link has already been opened, or it holds no plan. Ask for the QR code again."</p> }.into_any()
    } else {
        match link::decode(&payload) {
            Ok(shared) => view! { <Preview shared=shared /> }.into_any(),
            Err(e) => view! {
                <p class="field-error" role="alert">{e.to_string()}</p>
                <p>"Nothing was saved. Ask for the QR code or link again."</p>
            }
            .into_any(),
        }
    };
    view! {
        <section class="view shared" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"A plan shared with you"</h1>
            {body}
            <p><a class="button" href="#/">"Go to the start"</a></p>
        </section>
    }
}

/// What the link holds, and the choice to keep it.
#[component]
fn Preview(
    /// The decoded link.
    shared: Shared,
) -> impl IntoView {
    let app = use_app();
    let state = shared.state;
    let screening = screen(&state.intake);
    let plan = build_plan(
        catalog(),
        &state.intake,
        &state.selected,
        &screening.therapies,
        &state.plan,
    );
    let summary = backup::describe(&state);
    let values = state.intake.values.clone().unwrap_or_default();
    let words = values.what_matters.clone().filter(|w| !w.trim().is_empty());
    let goals = values.goals.clone();
    let replaces = app
        .state
        .with_untracked(|s| s.has_answers().then(|| backup::describe(s).join("; ")));
    let days = (0u8..7)
        .map(|d| {
            let items: Vec<String> = plan
                .schedule
                .iter()
                .filter(|e| e.weekday == d)
                .map(|e| {
                    let name = catalog().therapy(&e.therapy).map_or(e.therapy.as_str(), |t| t.name);
                    format!("{name}, {} min (weeks {}–{})", e.minutes, e.start_week, e.end_week)
                })
                .collect();
            (WEEKDAYS[d as usize], items)
        })
        .filter(|(_, items)| !items.is_empty())
        .map(|(day, items)| view! {
            <li><strong>{day}</strong><ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul></li>
        })
        .collect_view();
    let message = RwSignal::new(None::<String>);
    let save = move |_| match saver::replace(&state) {
        Ok(()) => {
            app.state.set(state.clone());
            navigate(&Route::Plan);
        }
        Err(e) => message.set(Some(format!("Nothing was saved: {}.", e.explain()))),
    };
    view! {
        <p class="lead">"Here is what the link holds. Nothing is saved on this device until you choose to."</p>
        <p class="hint" data-history-note="">
            "Mosaic removed the plan from the address bar, but your browser may still list the full link in its "
            "history. On a shared device, open such links in a private window, or delete this page from your "
            "browser's history afterwards."
        </p>
        <ul>{summary.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        {(!shared.free_text).then(|| view! { <p class="hint">"The person who shared it chose not to include their own words."</p> })}
        {words.map(|w| view! { <p><strong>"What matters most: "</strong>{w}</p> })}
        {(!goals.is_empty()).then(|| view! {
            <p><strong>"Goals:"</strong></p>
            <ul>{goals.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
        })}
        <h2>"The weekly schedule"</h2>
        <ul class="shared-days">{days}</ul>
        {replaces.map(|r| view! {
            <p><strong>"Saving replaces what is on this device now: "</strong>{r}". A copy of that is kept."</p>
        })}
        <p class="field-error" role="alert">{move || message.get()}</p>
        <div class="actions">
            <button type="button" class="primary" on:click=save.clone()>"Save to this device"</button>
        </div>
    }
}

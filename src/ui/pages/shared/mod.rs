//! A plan opened from a share link (`#/shared/<payload>`): a read-only preview, then "Save to this device".
//! The payload is removed from the address bar and from this tab's current history entry as soon as it is read.
//! That cannot remove it from the browser's global history list (where the full address was recorded when the
//! link was opened), so the view tells the person how to avoid or clear that.
//!
//! A link's checksum only catches typos, so anyone can craft one, and a later version of the rules may judge old
//! answers differently: the preview puts the link's answers in a session of its own ([`Mode::SharedPreview`],
//! never saved), so they are screened and planned exactly as the app's own document is. Any outcome but `proceed`
//! shows the app's stop screen and offers to save the answers only; with `proceed`, each chosen therapy shows its
//! status and messages beside the schedule, and therapies the rules now block are neither scheduled nor saved.

mod keep;
mod planned;
mod stopped;

use crate::clinical::screening::Outcome;
use crate::share::link::{self, Shared};
use crate::store::backup;
use crate::store::document::AppState;
use crate::ui::address::start_url;
use crate::ui::components::stop::CrisisResources;
use crate::ui::route::Route;
use crate::ui::session::{use_session, Mode, Session};
use keep::{answers_only, without_blocked};
use leptos::prelude::*;
use planned::Planned;
use stopped::Stopped;

/// The shared-plan view; `payload` is empty when the address bar was already cleaned.
#[component]
pub fn SharedView(
    /// The payload from the URL fragment (empty after it was removed from the address bar).
    payload: String,
) -> impl IntoView {
    let session = use_session();
    if !payload.is_empty() {
        session.remember_shared_link(payload.clone());
        let _ = window().history().map(|h| {
            h.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{}#/shared", start_url())),
            )
        });
    }
    let payload = session.shared_link().unwrap_or_default();
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

/// What the link holds, screened again, and the choice to keep it.
#[component]
fn Preview(
    /// The decoded link.
    shared: Shared,
) -> impl IntoView {
    let session = use_session();
    let state = shared.state;
    // The link's answers in a session of their own: screened and planned like the app's document, never saved.
    let preview = Session::new(state.clone(), Mode::SharedPreview);
    let screening = preview.screening().get_untracked();
    let line = session.with_untracked(|s| s.settings.crisis_line.clone());
    let values = state.intake.values.clone().unwrap_or_default();
    let words = values.what_matters.clone().filter(|w| !w.trim().is_empty());
    let goals = values.goals.clone();
    let flare = (!state.flare.is_empty()).then(|| flare_view(&state.flare));
    let replaces =
        session.with_untracked(|s| s.has_answers().then(|| backup::describe(s).join("; ")));
    // The screening view asks this question when a stop comes before the mood step; a preview cannot ask, so it
    // shows where to find support (crisis outranks every other outcome, so it already shows them).
    let self_harm_unknown = screening.outcome != Outcome::Crisis
        && state.intake.mood.and_then(|m| m.self_harm).is_none();
    let support = self_harm_unknown.then(|| {
        view! {
            <section class="callout crisis-resources" aria-labelledby="support-heading">
                <h2 id="support-heading">"How you have been feeling"</h2>
                <p>"This link does not say whether you have had thoughts of harming yourself. Long-term pain can be very hard to live with; if you have, support is there today."</p>
                <CrisisResources line=line.clone() />
            </section>
        }
    });
    let (body, summary) = if screening.outcome == Outcome::Proceed {
        let (kept, dropped) = without_blocked(&state, &screening);
        let summary = backup::describe(&state);
        (
            view! { <Planned preview=preview kept=kept dropped=dropped /> }.into_any(),
            summary,
        )
    } else {
        let kept = answers_only(&state);
        let summary = backup::describe(&kept);
        (
            view! { <Stopped screening=screening line=line kept=kept /> }.into_any(),
            summary,
        )
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
        {flare}
        {body}
        {support}
        {replaces.map(|r| view! {
            <p><strong>"Saving replaces what is on this device now: "</strong>{r}". A copy of that is kept."</p>
        })}
    }
}

/// Saves `state` as the app's document and opens `then`, or says why nothing was saved.
pub(super) fn save_and_open(
    session: Session,
    state: AppState,
    then: Route,
    message: RwSignal<Option<String>>,
) {
    match session.replace(state) {
        Ok(()) => session.navigate(&then),
        Err(e) => message.set(Some(format!("Nothing was saved: {}.", e.explain()))),
    }
}

/// The flare plan a link carries, part by part (the parts left empty are not shown).
fn flare_view(f: &crate::store::document::FlarePlan) -> impl IntoView {
    let helps_from_plan: Vec<String> = f
        .helps_from_plan
        .iter()
        .map(|id| crate::ui::components::status::therapy_name(id))
        .collect();
    let parts = [
        ("Early warning signs", f.signs.clone()),
        ("What helps from the plan", helps_from_plan.join(", ")),
        ("What else helps", f.helps.clone()),
        ("What to ease off", f.reduce.clone()),
        ("Who to call", f.contacts.clone()),
    ];
    let items = parts
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(title, text)| view! { <dt>{title}</dt> <dd class="own-words">{text}</dd> })
        .collect_view();
    view! {
        <section class="shared-flare" aria-labelledby="shared-flare-heading">
            <h2 id="shared-flare-heading">"Flare plan"</h2>
            <dl>{items}</dl>
        </section>
    }
}

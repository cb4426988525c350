//! A plan opened from a share link (`#/shared/<payload>`): a read-only preview, then "Save to this device".
//! The payload is removed from the address bar and from this tab's current history entry as soon as it is read.
//! That cannot remove it from the browser's global history list (where the full address was recorded when the
//! link was opened), so the view tells the person how to avoid or clear that.
//!
//! A link's checksum only catches typos, so anyone can craft one, and a later version of the rules may judge old
//! answers differently: the preview screens the answers again with the app's engine. Any outcome but `proceed`
//! shows the app's stop screen and offers to save the answers only; with `proceed`, each chosen therapy shows its
//! status and messages beside the schedule, and therapies the rules now block are neither scheduled nor saved.

use crate::clinical::catalog::catalog;
use crate::clinical::plan::{build_plan, PlanSettings, WEEKDAYS};
use crate::clinical::screening::{screen, Outcome, Screening, Status};
use crate::share::link::{self, Shared};
use crate::store::state::AppState;
use crate::store::{backup, saver};
use crate::ui::components::status::{outcome_id, status_id, therapy_name, FindingList, StatusPill};
use crate::ui::components::stop::{heading, CrisisResources, StopNow};
use crate::ui::kiosk::start_url;
use crate::ui::route::Route;
use crate::ui::state::{navigate, use_app};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeMap;

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

/// What saving keeps when the answers screen as anything but `proceed`: the answers and the person's own
/// settings, never the chosen therapies, their plan settings, consents or check-ins.
pub fn answers_only(state: &AppState) -> AppState {
    AppState {
        selected: Vec::new(),
        plan: PlanSettings::default(),
        checkins: Vec::new(),
        consents: BTreeMap::new(),
        ..state.clone()
    }
}

/// What saving keeps with `proceed`: everything the link holds except the chosen therapies the rules now block
/// (and their plan settings); also returns the IDs left out, in the order they were chosen.
pub fn without_blocked(state: &AppState, screening: &Screening) -> (AppState, Vec<String>) {
    let blocked = |id: &str| screening.status(id) == Some(Status::Blocked);
    let dropped: Vec<String> = state
        .selected
        .iter()
        .filter(|id| blocked(id))
        .cloned()
        .collect();
    let mut kept = state.clone();
    kept.selected.retain(|id| !blocked(id));
    kept.plan.per_week.retain(|id, _| !blocked(id));
    kept.plan.days.retain(|id, _| !blocked(id));
    (kept, dropped)
}

/// What the link holds, screened again, and the choice to keep it.
#[component]
fn Preview(
    /// The decoded link.
    shared: Shared,
) -> impl IntoView {
    let app = use_app();
    let state = shared.state;
    let screening = screen(&state.intake);
    let line = app.state.with_untracked(|s| s.settings.crisis_line.clone());
    let values = state.intake.values.clone().unwrap_or_default();
    let words = values.what_matters.clone().filter(|w| !w.trim().is_empty());
    let goals = values.goals.clone();
    let replaces = app
        .state
        .with_untracked(|s| s.has_answers().then(|| backup::describe(s).join("; ")));
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
            view! { <Planned state=state screening=screening kept=kept dropped=dropped /> }
                .into_any(),
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
        {body}
        {support}
        {replaces.map(|r| view! {
            <p><strong>"Saving replaces what is on this device now: "</strong>{r}". A copy of that is kept."</p>
        })}
    }
}

/// Saves `state` and opens `then`, or says why nothing was saved.
fn save_and_open(state: AppState, then: Route, message: RwSignal<Option<String>>) {
    let app = use_app();
    match saver::replace(&state) {
        Ok(()) => {
            app.state.set(state);
            navigate(&then);
        }
        Err(e) => message.set(Some(format!("Nothing was saved: {}.", e.explain()))),
    }
}

/// Answers that need care first: the app's stop screen, no plan, and saving the answers only.
#[component]
fn Stopped(
    /// The screening of the link's answers (outcome is not `Proceed`).
    screening: Screening,
    /// The crisis line configured on this device (may be empty).
    line: String,
    /// What saving keeps: the answers only.
    kept: AppState,
) -> impl IntoView {
    let outcome = screening.outcome;
    let message = RwSignal::new(None::<String>);
    let save = move |_| save_and_open(kept.clone(), Route::Screening, message);
    view! {
        <section class=format!("shared-stop outcome-{}", outcome_id(outcome))
            aria-labelledby="stop-heading" data-outcome=outcome_id(outcome)>
            <h2 id="stop-heading">{heading(outcome)}</h2>
            <p class="lead">"Mosaic checked the answers in this link again with its current safety rules. "
                "They need care first, so Mosaic shows no plan and no therapies for them."</p>
            <StopNow screening=screening line=line preview=true />
        </section>
        <p class="field-error" role="alert">{move || message.get()}</p>
        <div class="actions">
            <button type="button" class="primary" aria-describedby="save-answers-note" on:click=save>
                "Save my answers to this device"
            </button>
            <p class="hint" id="save-answers-note">
                "Only your answers are saved, not the chosen therapies or their plan. "
                "Mosaic on this device will show you this safety check again."
            </p>
        </div>
    }
}

/// Answers that may go ahead: the weekly schedule, and beside it each chosen therapy's safety status.
#[component]
fn Planned(
    /// What the link holds.
    state: AppState,
    /// The screening of the link's answers (outcome `Proceed`).
    screening: Screening,
    /// What saving keeps: the link without the therapies the rules block.
    kept: AppState,
    /// The chosen therapies the rules block, left out of the schedule and of what is saved.
    dropped: Vec<String>,
) -> impl IntoView {
    let plan = build_plan(
        catalog(),
        &state.intake,
        &state.selected,
        &screening.therapies,
        &state.plan,
    );
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
    let mut seen = Vec::new();
    let rows = state
        .selected
        .iter()
        .filter(|id| {
            let first = !seen.contains(id);
            seen.push(*id);
            first
        })
        .filter_map(|id| screening.therapy(id).cloned())
        .map(|t| {
            let blocked = t.status == Status::Blocked;
            let findings = if t.findings.is_empty() {
                view! { <p class="hint">"No safety rule applies."</p> }.into_any()
            } else {
                view! { <FindingList findings=t.findings.clone() /> }.into_any()
            };
            view! {
                <li class="shared-therapy" data-therapy=t.therapy.clone()
                    data-status=status_id(t.status)>
                    <h3>{therapy_name(&t.therapy)} " " <StatusPill status=t.status /></h3>
                    {blocked.then(|| view! {
                        <p class="not-scheduled"><strong>"Not in the schedule: the safety check rules it out for these answers."</strong></p>
                    })}
                    {findings}
                </li>
            }
        })
        .collect_view();
    let dropped_note = (!dropped.is_empty()).then(|| {
        let names: Vec<String> = dropped.iter().map(|id| therapy_name(id)).collect();
        let which = if names.len() == 1 { "it" } else { "them" };
        view! {
            <p class="callout caution-box" id="dropped-note">
                <strong>"Saving leaves out " {names.join(", ")} "."</strong>
                " The safety check rules " {which} " out for these answers. Your answers and the other chosen therapies are saved."
            </p>
        }
    });
    // The note about left-out therapies is read with the button, so it is heard before saving.
    let dropped_id = (!dropped.is_empty()).then_some("dropped-note");
    let message = RwSignal::new(None::<String>);
    let save = move |_| save_and_open(kept.clone(), Route::Plan, message);
    view! {
        <div class="shared-plan" data-outcome="proceed">
            <section class="shared-schedule" aria-labelledby="schedule-heading">
                <h2 id="schedule-heading">"The weekly schedule"</h2>
                <ul class="shared-days">{days}</ul>
            </section>
            <section class="shared-safety" aria-labelledby="shared-safety-heading">
                <h2 id="shared-safety-heading">"Safety check for each chosen therapy"</h2>
                <p>"Mosaic checked the answers in this link again with its current safety rules."</p>
                <ul class="shared-therapies">{rows}</ul>
            </section>
        </div>
        {dropped_note}
        <p class="field-error" role="alert">{move || message.get()}</p>
        <div class="actions">
            <button type="button" class="primary" aria-describedby=dropped_id on:click=save>"Save to this device"</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(intake: &str, selected: &[&str]) -> AppState {
        let mut s = AppState {
            intake: serde_json::from_str(intake).unwrap(),
            selected: selected.iter().map(|s| s.to_string()).collect(),
            ..AppState::default()
        };
        for t in selected {
            s.plan.per_week.insert(t.to_string(), 2);
            s.plan.days.insert(t.to_string(), vec![0, 3]);
        }
        s
    }

    #[test]
    fn a_stopped_link_keeps_the_answers_and_nothing_chosen() {
        let s = state(
            r#"{"age":40,"symptoms":["chest_pain_now"]}"#,
            &["exercise", "yoga"],
        );
        let kept = answers_only(&s);
        assert_eq!(kept.intake, s.intake);
        assert!(kept.selected.is_empty());
        assert_eq!(kept.plan, PlanSettings::default());
    }

    #[test]
    fn therapies_the_rules_block_are_left_out_of_what_is_saved() {
        let s = state(
            r#"{"age":50,"symptoms":[],"conditions":["bleeding_disorder"],"medications":[]}"#,
            &["exercise", "acupuncture", "yoga"],
        );
        let screening = screen(&s.intake);
        assert_eq!(screening.outcome, Outcome::Proceed);
        let (kept, dropped) = without_blocked(&s, &screening);
        assert_eq!(dropped, vec!["acupuncture".to_string()]);
        assert_eq!(
            kept.selected,
            vec!["exercise".to_string(), "yoga".to_string()]
        );
        assert!(!kept.plan.per_week.contains_key("acupuncture"));
        assert!(!kept.plan.days.contains_key("acupuncture"));
        assert_eq!(kept.plan.per_week.get("yoga"), Some(&2));
        assert_eq!(kept.intake, s.intake);
    }

    /// The e2e links that screen as a stop (`e2e/share-stop-links.json`): the plan view makes no link for such
    /// answers, so the payloads are stored there, and this checks each is this encoder's output for its state.
    #[test]
    fn the_e2e_stop_links_are_the_encoders_own() {
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../../../e2e/share-stop-links.json")).unwrap();
        let links = file["links"].as_array().unwrap();
        assert_eq!(links.len(), 4);
        for l in links {
            let state: AppState = serde_json::from_value(l["state"].clone()).unwrap();
            let payload = link::encode(&state, false);
            assert_eq!(
                l["payload"].as_str().unwrap(),
                payload,
                "{}: store the new payload",
                l["outcome"]
            );
            let outcome = screen(&link::decode(&payload).unwrap().state.intake).outcome;
            assert_eq!(outcome_id(outcome), l["outcome"].as_str().unwrap());
        }
    }
}

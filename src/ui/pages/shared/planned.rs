//! A shared plan whose answers may go ahead: the weekly schedule, and beside it each chosen therapy's safety status,
//! both read from the preview's own session.

use super::save_and_open;
use crate::clinical::catalog::catalog;
use crate::clinical::plan::WEEKDAYS;
use crate::clinical::screening::TherapyStatus;
use crate::store::document::AppState;
use crate::ui::components::status::{status_id, therapy_name, FindingList, StatusPill};
use crate::ui::route::Route;
use crate::ui::session::{use_session, Session};
use leptos::prelude::*;

/// Answers that may go ahead: the weekly schedule, and beside it each chosen therapy's safety status.
#[component]
pub(super) fn Planned(
    /// The link's answers in their own session (screening outcome `Proceed`).
    preview: Session,
    /// What saving keeps: the link without the therapies the rules block.
    kept: AppState,
    /// The chosen therapies the rules block, left out of the schedule and of what is saved.
    dropped: Vec<String>,
) -> impl IntoView {
    let session = use_session();
    let screening = preview.screening().get_untracked();
    let plan = preview.plan().get_untracked();
    let selected = preview.with_untracked(|s| s.selected.clone());
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
    let rows = selected
        .iter()
        .filter(|id| {
            let first = !seen.contains(id);
            seen.push(*id);
            first
        })
        .filter_map(|id| screening.therapy(id).cloned())
        .map(|t| {
            let blocked = t.status == TherapyStatus::Blocked;
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
    let save = move |_| save_and_open(session, kept.clone(), Route::Plan, message);
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

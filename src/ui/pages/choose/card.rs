//! One therapy card: what it is, the evidence for this person, course, time, cost, who provides it, safety, and add/remove.

use super::model::{
    add_action, add_label, cost_words, passes, provider_words, safety_heading, setting_words,
    time_words, AddAction, Filters,
};
use crate::clinical::catalog::Therapy;
use crate::clinical::intake::Intake;
use crate::clinical::ranking::Ranked;
use crate::clinical::screening::{Finding, Status};
use crate::ui::components::evidence::EvidenceBadge;
use crate::ui::components::status::{status_id, FindingList, StatusPill};
use crate::ui::state::use_app;
use leptos::html;
use leptos::prelude::*;

/// A card for one ranked therapy; hidden (not removed) when the filters exclude it.
#[component]
pub fn TherapyCard(
    /// The therapy's place in the ranking, with its reason and status.
    ranked: Ranked,
    /// The catalog entry.
    therapy: &'static Therapy,
    /// Every safety rule that fired for it.
    findings: Vec<Finding>,
    /// The person's condition ID for the evidence badge.
    condition: String,
    /// The intake (for time on the person's days and "already taking").
    intake: Intake,
    /// The current filters.
    filters: Signal<Filters>,
    /// The person's monthly budget, if given.
    budget: Option<u16>,
) -> impl IntoView {
    let app = use_app();
    let id = therapy.id.to_string();
    let selected = {
        let id = id.clone();
        Memo::new(move |_| app.state.with(|s| s.selected.contains(&id)))
    };
    let status = ranked.status;
    let taking = intake
        .supplements
        .as_deref()
        .is_some_and(|s| s.contains(&id));
    let heading_id = format!("card-{id}");
    let heading_id2 = heading_id.clone();
    let safety = (status != Status::Allowed).then(|| {
        view! {
            <div class=format!("safety safety-{}", status_id(status))>
                <p class="safety-heading"><strong>{safety_heading(status)}</strong></p>
                <FindingList findings=findings />
            </div>
        }
    });
    let time = time_words(therapy, &intake).map(|t| view! { <dt>"Time"</dt><dd>{t}</dd> });
    let course = therapy
        .course
        .as_ref()
        .map(|c| view! { <dt>"Typical course"</dt><dd>{c.description}</dd> });
    view! {
        <li class="card therapy-card" data-therapy=id.clone() data-status=status_id(status)
            data-selected=move || selected.get().to_string() class:selected=move || selected.get()
            hidden=move || !passes(therapy, filters.get(), budget)>
            <article aria-labelledby=heading_id>
                <div class="card-head">
                    <h3 id=heading_id2>{therapy.name}</h3>
                    <StatusPill status=status />
                </div>
                <p class="reason">{ranked.reason.clone()}</p>
                {taking.then(|| view! { <p class="taking"><strong>"You already take this."</strong></p> })}
                <p>{therapy.summary}</p>
                <EvidenceBadge therapy=therapy condition=condition />
                <dl class="facts">
                    {course}
                    {time}
                    <dt>"Cost"</dt><dd>{cost_words(therapy)}</dd>
                    <dt>"Where"</dt><dd>{setting_words(therapy.setting)}</dd>
                    <dt>"Who provides it"</dt><dd>{provider_words(therapy)}</dd>
                </dl>
                <details class="how">
                    <summary>"How it works"</summary>
                    <p>{therapy.how_it_works}</p>
                </details>
                {safety}
                <CardAction id=id.clone() name=therapy.name.to_string() action=add_action(status) selected=selected.into() />
            </article>
        </li>
    }
}

/// The add/remove control: none for blocked therapies, a confirm step when clearance is required.
#[component]
fn CardAction(
    /// Therapy ID.
    id: String,
    /// Therapy name, for screen-reader labels.
    name: String,
    /// What adding involves for this status.
    action: AddAction,
    /// Whether it is in the person's choices.
    selected: Signal<bool>,
) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(id);
    let add = move || {
        app.update(|s| {
            id.with_value(|id| s.select(id));
        })
    };
    let remove = move || {
        app.update(|s| {
            id.with_value(|id| s.deselect(id));
        })
    };
    if action == AddAction::NotOffered {
        return view! {
            <div class="card-action">
                {move || if selected.get() {
                    view! {
                        <p class="not-offered">"In your choices, but no longer offered for you."</p>
                        <button type="button" class="button" on:click=move |_| remove()>
                            "Remove from my choices"<span class="vh">{format!(" — {}", name.clone())}</span>
                        </button>
                    }.into_any()
                } else {
                    view! { <p class="not-offered">"Cannot be added to your plan."</p> }.into_any()
                }}
            </div>
        }
        .into_any();
    }
    let confirming = RwSignal::new(false);
    let main_button = NodeRef::<html::Button>::new();
    let confirm_button = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if confirming.get() {
            if let Some(b) = confirm_button.get() {
                let _ = b.focus();
            }
        }
    });
    let focus_main = move || {
        if let Some(b) = main_button.get_untracked() {
            let _ = b.focus();
        }
    };
    let on_main = move |_| {
        if selected.get_untracked() {
            remove();
        } else if action == AddAction::ConfirmFirst {
            confirming.set(!confirming.get_untracked());
        } else {
            add();
        }
    };
    let on_confirm = move |_| {
        add();
        confirming.set(false);
        focus_main();
    };
    let on_cancel = move |_| {
        confirming.set(false);
        focus_main();
    };
    let label = move || {
        if selected.get() {
            "Remove from my plan"
        } else {
            add_label(action)
        }
    };
    let expanded = move || {
        (action == AddAction::ConfirmFirst && !selected.get()).then(|| confirming.get().to_string())
    };
    let confirm_name = StoredValue::new(name.clone());
    view! {
        <div class="card-action">
            <p class="in-plan" aria-live="polite">{move || selected.get().then_some("Added to your plan.")}</p>
            <button type="button" node_ref=main_button
                class=move || if selected.get() || confirming.get() { "button" } else { "button primary" }
                aria-expanded=expanded on:click=on_main>
                {label}<span class="vh">{format!(" — {name}")}</span>
            </button>
            <Show when=move || confirming.get() && !selected.get()>
                <div class="add-confirm" role="group" aria-label=confirm_name.with_value(|n| format!("Confirm adding {n}"))>
                    <p><strong>"Do not start " {confirm_name.get_value()} " until your clinician approves it."</strong>
                        " It goes into your plan marked this way, with a question to ask your clinician."</p>
                    <div class="add-confirm-buttons">
                        <button type="button" class="button primary" node_ref=confirm_button on:click=on_confirm>
                            "I understand — add"
                        </button>
                        <button type="button" class="button" on:click=on_cancel>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </div>
    }
    .into_any()
}

//! One therapy card: what it is, the evidence for this person, course, time, cost, who provides it, safety, and add/remove.

use super::model::{
    add_action, add_label, passes, provider_words, safety_heading, setting_words, time_words,
    AddAction, Filters,
};
use crate::clinical::catalog::Therapy;
use crate::clinical::intake::Intake;
use crate::clinical::ranking::Ranked;
use crate::clinical::screening::{Finding, TherapyStatus};
use crate::ui::components::consent::{risk_text, today, ConsentPanel};
use crate::ui::components::consent_text::{cost_words, date_words};
use crate::ui::components::evidence::EvidenceBadge;
use crate::ui::components::status::{status_id, FindingList, StatusPill};
use crate::ui::session::use_session;
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
    let session = use_session();
    let id = therapy.id.to_string();
    let selected = {
        let id = id.clone();
        Memo::new(move |_| session.with(|s| s.selected.contains(&id)))
    };
    let status = ranked.status;
    let taking = intake
        .supplements
        .as_deref()
        .is_some_and(|s| s.contains(&id));
    let heading_id = format!("card-{id}");
    let heading_id2 = heading_id.clone();
    let safety = (status != TherapyStatus::Allowed).then(|| {
        view! {
            <div class=format!("safety safety-{}", status_id(status))>
                <p class="safety-heading"><strong>{safety_heading(status)}</strong></p>
                <FindingList findings=findings />
            </div>
        }
    });
    let time = time_words(therapy, &intake).map(|t| view! { <dt>"Time"</dt><dd>{t}</dd> });
    let condition_for_consent = condition.clone();
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
                    <dt>"Risks and side effects"</dt><dd class="risks">{risk_text(therapy)}</dd>
                </dl>
                <details class="how">
                    <summary>"How it works"</summary>
                    <p>{therapy.how_it_works}</p>
                </details>
                {safety}
                <CardAction therapy=therapy condition=condition_for_consent status=status action=add_action(status)
                    selected=selected.into() />
            </article>
        </li>
    }
}

/// The add/remove control: none for blocked therapies; otherwise "Add" opens the consent step, and the therapy goes
/// into the plan only once the person ticks "I have read this…" and confirms.
#[component]
fn CardAction(
    /// The therapy.
    therapy: &'static Therapy,
    /// The person's condition ID, for the consent step.
    condition: String,
    /// The therapy's status for this person.
    status: TherapyStatus,
    /// What adding involves for this status.
    action: AddAction,
    /// Whether it is in the person's choices.
    selected: Signal<bool>,
) -> impl IntoView {
    let session = use_session();
    let id = therapy.id;
    let name = therapy.name;
    let remove = move || {
        session.update(|s| {
            s.deselect(id);
        })
    };
    if action == AddAction::NotOffered {
        return view! {
            <div class="card-action">
                {move || if selected.get() {
                    view! {
                        <p class="not-offered">"In your choices, but no longer offered for you."</p>
                        <button type="button" class="button" on:click=move |_| remove()>
                            "Remove from my choices"<span class="vh">{format!(" — {name}")}</span>
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
    let panel_heading = NodeRef::<html::H4>::new();
    Effect::new(move |_| {
        if confirming.get() {
            if let Some(h) = panel_heading.get() {
                let _ = h.focus();
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
        } else {
            confirming.set(!confirming.get_untracked());
        }
    };
    let on_confirm = Callback::new(move |()| {
        let date = today();
        session.update(|s| {
            s.select(id);
            s.confirm(id, &date);
        });
        confirming.set(false);
        focus_main();
    });
    let on_cancel = Callback::new(move |()| {
        confirming.set(false);
        focus_main();
    });
    let label = move || {
        if selected.get() {
            "Remove from my plan"
        } else {
            add_label(action)
        }
    };
    let expanded = move || (!selected.get()).then(|| confirming.get().to_string());
    let panel_id = format!("consent-slot-{id}");
    let in_plan = move || {
        selected.get().then(|| {
            session.with(|s| match s.consent(id) {
                Some(c) => format!("Added to your plan; confirmed on {}.", date_words(&c.date)),
                None => {
                    "Added to your plan, but not yet confirmed: you can confirm it on your plan."
                        .to_string()
                }
            })
        })
    };
    view! {
        <div class="card-action">
            <p class="in-plan" aria-live="polite">{in_plan}</p>
            <button type="button" node_ref=main_button
                class=move || if selected.get() || confirming.get() { "button" } else { "button primary" }
                aria-expanded=expanded aria-controls=panel_id.clone() on:click=on_main>
                {label}<span class="vh">{format!(" — {name}")}</span>
            </button>
            <div id=panel_id class="consent-slot">
                <Show when=move || confirming.get() && !selected.get()>
                    <ConsentPanel therapy=therapy condition=condition.clone() status=status place="card"
                        confirm_label="Confirm and add" on_confirm=on_confirm on_cancel=on_cancel
                        heading_ref=panel_heading />
                </Show>
            </div>
        </div>
    }
    .into_any()
}

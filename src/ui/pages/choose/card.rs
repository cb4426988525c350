//! One therapy card: at a glance its name, safety, evidence for this person, time, cost, reason and add/remove; the
//! rest (what it is, the research, course, who provides it, risks, how it works, every safety finding) folded
//! behind "More about …" so the list of 25 fits a phone (issue 17).

use super::model::{
    add_action, add_label, glance_lines, passes, provider_words, safety_heading, setting_words,
    time_words, AddAction, Filters,
};
use crate::clinical::catalog::Therapy;
use crate::clinical::intake::Intake;
use crate::clinical::ranking::Ranked;
use crate::clinical::screening::{Finding, TherapyStatus};
use crate::ui::components::consent::{risk_text, today, ConsentPanel};
use crate::ui::components::consent_text::{cost_words, date_words};
use crate::ui::components::evidence::{evidence_view, EvidenceView};
use crate::ui::components::status::{
    distinct_sources, status_id, FindingList, FindingText, StatusPill,
};
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
    let evidence = evidence_view(therapy, &condition);
    let glance = glance_lines(therapy, &intake)
        .into_iter()
        .map(|line| view! { <span>{line}</span> })
        .collect_view();
    let reason = ranked.reason.clone();
    // Every supplement that is offered has the same reason, and the supplements section says it once above the
    // cards; only a blocked supplement's reason (why it is not offered) is its own, so the others fold theirs.
    let reason_on_card = !therapy.supplement || status == TherapyStatus::Blocked;
    let folded_reason = (!reason_on_card).then(|| reason.clone());
    // The button says "I have read the note — add", so a caution's note stays on the card, not behind "More".
    let note = (status == TherapyStatus::Caution).then(|| {
        let items = findings
            .iter()
            .cloned()
            .map(|f| view! { <li><FindingText finding=f /></li> })
            .collect_view();
        view! {
            <div class="safety safety-caution">
                <p class="safety-heading"><strong>{safety_heading(status)}</strong></p>
                <ul class="findings">{items}</ul>
            </div>
        }
    });
    view! {
        <li class="card therapy-card" data-therapy=id.clone() data-status=status_id(status)
            data-selected=move || selected.get().to_string() class:selected=move || selected.get()
            hidden=move || !passes(therapy, filters.get(), budget)>
            <article aria-labelledby=heading_id.clone()>
                <h3 id=heading_id.clone()>{therapy.name}</h3>
                <p class="card-badges">
                    <StatusPill status=status />
                    " "
                    <EvidenceBadge evidence=evidence.clone() />
                </p>
                {reason_on_card.then(|| view! { <p class="reason">{reason.clone()}</p> })}
                {taking.then(|| view! { <p class="taking"><strong>"You already take this."</strong></p> })}
                {note}
                <div class="card-foot">
                    <p class="glance">{glance}</p>
                    <CardAction therapy=therapy condition=condition status=status action=add_action(status)
                        selected=selected.into() />
                </div>
                // Last, so the details open below the add control; its summary is drawn beside the name (views.css).
                <details class="more">
                    <summary>"More"<span class="vh">" about " {therapy.name}</span></summary>
                    <CardDetails therapy=therapy evidence=evidence intake=intake status=status findings=findings
                        reason=folded_reason />
                </details>
            </article>
        </li>
    }
}

/// The evidence badge for this person's pain, its condition named for screen readers (the reason and the details
/// name it on screen).
#[component]
fn EvidenceBadge(
    /// The evidence for the person's condition, if the catalog has any.
    evidence: Option<EvidenceView>,
) -> impl IntoView {
    match evidence {
        Some(ev) => view! {
            <span class="vh">{format!("Evidence for {}: ", ev.condition)}</span>
            <span class=format!("badge badge-{}", ev.class)>{ev.label}</span>
        }
        .into_any(),
        None => {
            view! { <span class="badge badge-not-studied">"No evidence summary available"</span> }
                .into_any()
        }
    }
}

/// Everything the card folds away: what it is, the research, the facts, how it works and every safety finding.
#[component]
fn CardDetails(
    /// The catalog entry.
    therapy: &'static Therapy,
    /// The evidence for the person's condition.
    evidence: Option<EvidenceView>,
    /// The intake (for time on the person's days).
    intake: Intake,
    /// The therapy's status for this person.
    status: TherapyStatus,
    /// Every safety rule that fired for it.
    findings: Vec<Finding>,
    /// The ranking's reason, when the card itself does not show it.
    reason: Option<String>,
) -> impl IntoView {
    let reason = reason.map(|r| view! { <p class="reason">{r}</p> });
    let research = match evidence {
        Some(ev) => {
            let strength = ev.strength.map(|s| view! { " " {s} "." });
            view! {
                <dt>{format!("What the research says for {}", ev.condition)}</dt>
                <dd>{ev.summary} {strength} <span class="source">" Source: " {ev.source}</span></dd>
            }
            .into_any()
        }
        None => {
            view! { <dt>"What the research says"</dt><dd>"No evidence summary available."</dd> }
                .into_any()
        }
    };
    let course = therapy
        .course
        .as_ref()
        .map(|c| view! { <dt>"Typical course"</dt><dd>{c.description}</dd> });
    let time = time_words(therapy, &intake).map(|t| view! { <dt>"Time"</dt><dd>{t}</dd> });
    // Blocked and clearance findings are folded here in full; a caution's note is on the card, its sources here.
    let safety = match status {
        TherapyStatus::Allowed => None,
        TherapyStatus::Caution => {
            let sources = distinct_sources(&findings)
                .into_iter()
                .map(|s| view! { <li>{s}</li> })
                .collect_view();
            Some(
                view! {
                    <div class="safety-sources">
                        <p class="safety-heading"><strong>"Where the safety note comes from"</strong></p>
                        <ul>{sources}</ul>
                    </div>
                }
                .into_any(),
            )
        }
        TherapyStatus::Blocked | TherapyStatus::ClearanceRequired => Some(
            view! {
                <div class=format!("safety safety-{}", status_id(status))>
                    <p class="safety-heading"><strong>{safety_heading(status)}</strong></p>
                    <FindingList findings=findings />
                </div>
            }
            .into_any(),
        ),
    };
    view! {
        <div class="more-body">
            {reason}
            {safety}
            <dl class="facts">
                <dt>"What it is"</dt><dd>{therapy.summary}</dd>
                {research}
                {course}
                {time}
                <dt>"Cost"</dt><dd>{cost_words(therapy)}</dd>
                <dt>"Where"</dt><dd>{setting_words(therapy.setting)}</dd>
                <dt>"Who provides it"</dt><dd>{provider_words(therapy)}</dd>
                <dt>"Risks and side effects"</dt><dd class="risks">{risk_text(therapy)}</dd>
                <dt>"How it works"</dt><dd>{therapy.how_it_works}</dd>
            </dl>
        </div>
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
    // Not a live region: the choose bar announces every addition and removal once, with the new count.
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
        <div class="card-action" class:confirming=move || confirming.get() && !selected.get()>
            <p class="in-plan">{in_plan}</p>
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

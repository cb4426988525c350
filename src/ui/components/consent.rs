//! The consent step: everything a person should know before a therapy goes into their plan, in one place, and the
//! checkbox that confirms they read it. Used on the choose cards and, for plans without a confirmation, on the plan.

use crate::clinical::catalog::{catalog, Therapy};
use crate::clinical::screening::TherapyStatus;
use crate::ui::components::consent_text::{cost_words, CONSENT_CHECKBOX};
use crate::ui::components::evidence::{evidence_view, rating_label};
use crate::ui::session::use_session;
use leptos::html;
use leptos::prelude::*;

/// Today's date on this device's calendar, ISO `YYYY-MM-DD` (the day a person confirms, as they would write it).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The risks and side effects of a therapy as one paragraph (for the card and the plan).
pub fn risk_text(therapy: &Therapy) -> String {
    therapy
        .risks
        .iter()
        .map(|r| r.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The consent details for one therapy and the confirmation; `on_confirm` runs only once the box is ticked.
#[component]
pub fn ConsentPanel(
    /// The therapy.
    therapy: &'static Therapy,
    /// The person's condition ID (`pain.primary`, or `other`), for the expected benefit and the alternatives.
    condition: String,
    /// The therapy's status for this person (clearance adds "do not start until approved").
    status: TherapyStatus,
    /// Where the panel is, to keep element IDs unique: "card" or "plan".
    place: &'static str,
    /// Text of the confirm button (the therapy's name follows for screen readers).
    confirm_label: &'static str,
    /// Runs when the person confirms.
    on_confirm: Callback<()>,
    /// Runs on "Cancel"; no Cancel button when absent (a disclosure around the panel closes it instead).
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
    /// Receives the panel's heading, so the caller can move focus there when it opens.
    #[prop(optional)]
    heading_ref: Option<NodeRef<html::H4>>,
) -> impl IntoView {
    let session = use_session();
    let id = therapy.id;
    let base = format!("consent-{place}-{id}");
    let heading_id = format!("{base}-heading");
    let box_id = format!("{base}-box");
    let hint_id = format!("{base}-hint");
    let ticked = RwSignal::new(false);
    let evidence = evidence_view(therapy, &condition);
    let condition_name = evidence
        .as_ref()
        .map_or_else(|| "your pain".to_string(), |ev| ev.condition.clone());
    let benefit = match evidence {
        Some(ev) => {
            let strength = ev.strength.map(|s| format!(" {s}."));
            view! { <dd><strong>{ev.label}</strong> ". " {ev.summary} {strength}</dd> }.into_any()
        }
        None => view! { <dd>"No evidence summary available."</dd> }.into_any(),
    };
    let risks = therapy
        .risks
        .iter()
        .map(|r| view! { <li>{r.text}</li> })
        .collect_view();
    let screening = session.screening().get_untracked();
    let alternatives = catalog().alternatives(id, &condition);
    let alternatives = if alternatives.is_empty() {
        view! {
            <dd>{format!("No other therapy in Mosaic has evidence of benefit for {condition_name}.")}</dd>
        }
        .into_any()
    } else {
        let items = alternatives
            .into_iter()
            .map(|t| {
                let rating = t.evidence_for(&condition).map(|e| rating_label(e.rating));
                let blocked = (screening.status(t.id) == Some(TherapyStatus::Blocked))
                    .then_some(" — not offered for you");
                view! { <li>{t.name} " (" {rating} ")" {blocked}</li> }
            })
            .collect_view();
        view! { <dd><ul class="alternatives">{items}</ul></dd> }.into_any()
    };
    let clearance = (status == TherapyStatus::ClearanceRequired).then(|| {
        view! {
            <p class="consent-clearance"><strong>"Do not start " {therapy.name} " until your clinician approves it."</strong>
                " It goes into your plan marked this way, with a question to ask your clinician."</p>
        }
    });
    let heading_ref = heading_ref.unwrap_or_default();
    let confirm = move |_| {
        if ticked.get_untracked() {
            on_confirm.run(());
        }
    };
    let cancel = on_cancel.map(|cb| {
        view! { <button type="button" class="button" on:click=move |_| cb.run(())>"Cancel"</button> }
    });
    view! {
        <div class="consent" role="group" aria-labelledby=heading_id data-consent-for=id>
            <h4 id=heading_id.clone() node_ref=heading_ref tabindex="-1">"Before you add " {therapy.name}</h4>
            <dl class="consent-facts">
                <dt>"What it is"</dt>
                <dd>{therapy.summary}</dd>
                <dt>{format!("What to expect for {condition_name}")}</dt>
                {benefit}
                <dt>"Risks and side effects"</dt>
                <dd><ul class="consent-risks">{risks}</ul></dd>
                <dt>{format!("Alternatives with evidence of benefit for {condition_name}")}</dt>
                {alternatives}
                <dt>"Cost"</dt>
                <dd>{cost_words(therapy)}</dd>
            </dl>
            <p class="consent-usual-care">
                {therapy.name} " is meant to go alongside your usual medical care, not to replace it. "
                "Do not stop any treatment without talking to your clinician."
            </p>
            {clearance}
            <div class="consent-check">
                <input type="checkbox" id=box_id.clone() prop:checked=move || ticked.get()
                    on:change=move |ev| ticked.set(event_target_checked(&ev)) />
                <label for=box_id>{CONSENT_CHECKBOX}</label>
            </div>
            <p class="hint" id=hint_id.clone()>
                {move || if ticked.get() { "" } else { "Tick the box above first." }}
            </p>
            <div class="add-confirm-buttons">
                <button type="button" class="button primary" disabled=move || !ticked.get()
                    aria-describedby=hint_id on:click=confirm>
                    {confirm_label}<span class="vh">{format!(" — {}", therapy.name)}</span>
                </button>
                {cancel}
            </div>
        </div>
    }
}

//! Each planned therapy's risks and where it stands with the consent step: confirmed (and when), or "not yet
//! confirmed" with the consent details to confirm it here (plans from older saves or share links have none).

use crate::clinical::catalog::{catalog, Therapy};
use crate::clinical::ranking::condition_of;
use crate::clinical::screening::TherapyStatus;
use crate::ui::components::consent::{risk_text, today, ConsentPanel};
use crate::ui::components::consent_text::consent_words;
use crate::ui::session::use_session;
use leptos::html;
use leptos::prelude::*;

/// The risks of a planned therapy and its consent line; while unconfirmed, a disclosure to confirm it (not printed).
#[component]
pub fn ConsentStatus(
    /// The therapy.
    therapy: &'static Therapy,
    /// Its status for this person.
    status: TherapyStatus,
) -> impl IntoView {
    let session = use_session();
    let id = therapy.id;
    let date = Memo::new(move |_| session.with(|s| s.consent(id).map(|c| c.date.clone())));
    let line = NodeRef::<html::P>::new();
    let on_confirm = Callback::new(move |()| {
        let day = today();
        session.update(|s| s.confirm(id, &day));
        // The disclosure goes away with the confirmation; focus moves to the line that now says "Confirmed".
        if let Some(p) = line.get_untracked() {
            let _ = p.focus();
        }
    });
    let condition = session.with_untracked(|s| condition_of(catalog(), &s.intake));
    view! {
        <p class="item-risks"><strong>"Risks and side effects: "</strong>{risk_text(therapy)}</p>
        <p class="consent-line" node_ref=line tabindex="-1"
            data-consent=move || if date.with(Option::is_some) { "confirmed" } else { "missing" }>
            {move || consent_words(date.get().as_deref())}
        </p>
        <Show when=move || date.with(Option::is_none)>
            <details class="consent-open no-print">
                <summary>"Review and confirm " {therapy.name}</summary>
                <ConsentPanel therapy=therapy condition=condition.clone() status=status place="plan"
                    confirm_label="Confirm" on_confirm=on_confirm />
            </details>
        </Show>
    }
}

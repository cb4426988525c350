//! Step 4, medicines and supplements: medicine classes in plain words (with example names and a name lookup),
//! then supplements already taken; each with "None" and "not sure" (which may sit beside ticks).

use super::lists::{items, lookup_medicine};
use super::model::{list_answer, set_list, ListKey, UNSURE_HINT, UNSURE_LABEL};
use crate::clinical::catalog::catalog;
use crate::ui::session::use_session;
use crate::ui::widgets::checklist::{toggle, Checklist, ItemGroup, ListAnswer};
use crate::ui::widgets::field::TextField;
use crate::ui::widgets::radio::focus_id;
use leptos::prelude::*;

/// The medicines step.
#[component]
pub fn MedicinesStep() -> impl IntoView {
    let session = use_session();
    let meds = Signal::derive(move || session.with(|s| list_answer(s, ListKey::Medications)));
    let on_meds = move |a: ListAnswer| session.update(|s| set_list(s, ListKey::Medications, &a));
    let sups = Signal::derive(move || session.with(|s| list_answer(s, ListKey::Supplements)));
    let on_sups = move |a: ListAnswer| session.update(|s| set_list(s, ListKey::Supplements, &a));

    let query = RwSignal::new(String::new());
    let found = Memo::new(move |_| lookup_medicine(&query.get()));
    let summary = move || {
        let q = query.get();
        match found.with(Vec::len) {
            _ if q.trim().chars().count() < 3 => String::new(),
            // Not knowing a name is no warning sign: say what to do, plainly.
            0 => format!(
                "Mosaic doesn\u{2019}t know the name \u{201c}{}\u{201d}. See whether it belongs to one of the groups below (the examples help); if it fits none of them, you don\u{2019}t need to tick anything for it. Your pharmacist can tell you which group a medicine is in.",
                q.trim()
            ),
            1 => "1 group found.".to_string(),
            n => format!("{n} groups found."),
        }
    };
    view! {
        <p class="lead">
            "Some therapies and supplements do not mix well with certain medicines. "
            "Medicines are grouped by what they do; the examples show common names."
        </p>
        <div class="lookup">
            <TextField
                id="med-lookup"
                label="Look up a medicine by name (optional)"
                hint="Type a brand or generic name, for example Eliquis or ibuprofen, to see which group it belongs to."
                value=query
                on_input=move |t: String| query.set(t)
            />
            <p class="lookup-status" aria-live="polite">{summary}</p>
            <ul class="lookup-results">
                {move || found.get().into_iter().map(|f| {
                    let class = f.class.clone();
                    let ticked = move || meds.with(|m| m.has(&class));
                    let add = f.class.clone();
                    view! {
                        <li>
                            <span>{format!("\u{201c}{}\u{201d} is in: ", f.name)}<strong>{f.label.clone()}</strong></span>
                            {move || if ticked() {
                                view! { <span class="ticked">"Ticked below"</span> }.into_any()
                            } else {
                                let add = add.clone();
                                view! {
                                    <button type="button" class="small" on:click=move |_| {
                                        let current = meds.get_untracked();
                                        if !current.has(&add) {
                                            on_meds(toggle(&current, &add));
                                        }
                                        let target = format!("medications-{add}");
                                        request_animation_frame(move || focus_id(&target));
                                    }>{format!("Tick \u{201c}{}\u{201d}", f.label)}</button>
                                }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
        <Checklist
            name="medications"
            legend="Do you take any of these medicines regularly?"
            hint=UNSURE_HINT
            groups=ItemGroup::plain(items(catalog().medications))
            value=meds
            on_change=on_meds
            unsure_label=UNSURE_LABEL
        />
        <Checklist
            name="supplements"
            legend="Do you already take any of these supplements or herbal remedies?"
            hint="Tick all that you take now. If you are not sure about some, tick the ones you know and \u{201c}I\u{2019}m not sure about some of these\u{201d}."
            groups=ItemGroup::plain(items(catalog().supplements))
            value=sups
            on_change=on_sups
            unsure_label=UNSURE_LABEL
        />
    }
}

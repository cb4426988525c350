//! Share with a clinician (`#/share`): the person ticks what to share, sees the summary exactly as it will print,
//! and takes it away as a printed page, a FHIR R4 file, a calendar of their sessions, or a link and QR code. One set
//! of ticks applies to all of them, because every export reads the same redacted copy (`share::choices`).
//! On a kiosk there are no downloads (nothing may be left on a shared tablet): print and the QR code remain.

mod exports;
pub mod summary;
pub mod summary_model;

use crate::clinical::catalog::catalog;
use crate::clinical::plan::{build_plan, Plan};
use crate::clinical::screening::{screen, Screening};
use crate::share::choices::ShareChoices;
use crate::share::link;
use crate::share::qr::qr_path;
use crate::store::document::AppState;
use crate::ui::address::start_url;
use crate::ui::components::consent;
use crate::ui::components::consent_text::date_words;
use crate::ui::route::Route;
use crate::ui::session::use_session;
use exports::{CalendarPanel, FhirButton};
use leptos::prelude::*;
use summary::SummarySheet;
use summary_model::clinician_summary;

/// What every export is made from: the redacted document, its screening, and its plan when the screening allows one.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedCopy {
    /// The document with only the ticked sections.
    pub state: AppState,
    /// Its screening.
    pub screening: Screening,
    /// Its plan, when the screening builds one.
    pub plan: Option<Plan>,
}

impl SharedCopy {
    /// Redacts `state` by `choices`, then screens and plans the copy: a clinician sees what the shared answers give.
    pub fn of(state: &AppState, choices: &ShareChoices) -> SharedCopy {
        let state = choices.redact(state);
        let screening = screen(&state.intake);
        let plan = screening.builds_plan().then(|| {
            build_plan(
                catalog(),
                &state.intake,
                &state.selected,
                &screening.therapies,
                &state.plan,
            )
        });
        SharedCopy {
            state,
            screening,
            plan,
        }
    }
}

/// One tick of "Choose what to share".
fn tick(
    id: &'static str,
    label: &'static str,
    choices: RwSignal<ShareChoices>,
    get: fn(&ShareChoices) -> bool,
    set: fn(&mut ShareChoices, bool),
) -> impl IntoView {
    view! {
        <div class="toggle">
            <input type="checkbox" id=id prop:checked=move || choices.with(get)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    choices.update(|c| set(c, on));
                } />
            <label for=id>{label}</label>
        </div>
    }
}

/// An optional ISO date from a date field (empty means no limit).
fn date_value(value: String) -> Option<String> {
    (!value.is_empty()).then_some(value)
}

#[component]
fn Choices(choices: RwSignal<ShareChoices>) -> impl IntoView {
    view! {
        <fieldset class="card share-choices no-print">
            <legend><h2>"Choose what to share"</h2></legend>
            <p class="hint">
                "These apply to the printed summary, the health-record file and the link alike. Your answers about "
                "safety, your therapies and their safety messages are always included."
            </p>
            {tick("share-own-words", "What matters to me, my goals and my flare plan, in my own words", choices,
                |c| c.own_words, |c, on| c.own_words = on)}
            {tick("share-mood", "My answers about mood and worry", choices, |c| c.mood, |c, on| c.mood = on)}
            {tick("share-supplements", "Supplements I take or chose", choices, |c| c.supplements, |c, on| c.supplements = on)}
            {tick("share-progress", "My progress: check-ins, sessions done and side effects", choices,
                |c| c.progress, |c, on| c.progress = on)}
            {tick("share-notes", "My notes and the words I wrote about side effects", choices,
                |c| c.notes, |c, on| c.notes = on)}
            <div class="share-range">
                <div class="share-field">
                    <label for="share-from">"Check-ins from"</label>
                    <input type="date" id="share-from" prop:value=move || choices.with(|c| c.from.clone().unwrap_or_default())
                        on:change=move |ev| choices.update(|c| c.from = date_value(event_target_value(&ev))) />
                </div>
                <div class="share-field">
                    <label for="share-to">"Check-ins to"</label>
                    <input type="date" id="share-to" prop:value=move || choices.with(|c| c.to.clone().unwrap_or_default())
                        on:change=move |ev| choices.update(|c| c.to = date_value(event_target_value(&ev))) />
                </div>
            </div>
        </fieldset>
    }
}

/// A link and QR code for the clinician, carrying the ticked sections only.
#[component]
fn ClinicianLink(
    shared: Memo<SharedCopy>,
    choices: RwSignal<ShareChoices>,
    in_kiosk: bool,
) -> impl IntoView {
    let href = Memo::new(move |_| {
        let own_words = choices.with(|c| c.own_words);
        let include = link::Include {
            own_words,
            flare: own_words,
        };
        let payload = shared.with(|s| link::encode_with(&s.state, include));
        link::href(&start_url(), &payload)
    });
    let qr = Memo::new(move |_| qr_path(&href.get()));
    view! {
        <section class="card no-print" aria-labelledby="share-link-heading">
            <h2 id="share-link-heading">"A link to the plan"</h2>
            <p>
                "Your clinician can open your answers and plan in Mosaic from this link or by scanning the code. "
                "The plan travels inside the link itself; check-ins and notes are never in it."
            </p>
            {move || match qr.get() {
                Ok(q) => view! {
                    <svg class="qr" role="img" aria-label="QR code of a link to your plan for your clinician"
                        data-link=move || href.get() viewBox=format!("0 0 {0} {0}", q.size) shape-rendering="crispEdges">
                        <rect width=q.size.to_string() height=q.size.to_string() fill="#fff" />
                        <path fill="#000" d=q.d />
                    </svg>
                }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
            }}
            {(!in_kiosk).then(|| view! {
                <label for="clinician-link">"The link (it contains what you ticked)"</label>
                <input id="clinician-link" type="text" readonly prop:value=move || href.get() />
            })}
        </section>
    }
}

/// The share-with-a-clinician view.
#[component]
pub fn ShareView() -> impl IntoView {
    let session = use_session();
    let in_kiosk = session.is_kiosk();
    let choices = RwSignal::new(ShareChoices::default());
    let shared = Memo::new(move |_| {
        let c = choices.get();
        session.with(|s| SharedCopy::of(s, &c))
    });
    let made_on = RwSignal::new(date_words(&consent::today()));
    let handle = window_event_listener_untyped("beforeprint", move |_| {
        made_on.set(date_words(&consent::today()))
    });
    on_cleanup(move || handle.remove());
    let has_answers = session.with_untracked(|s| s.has_answers());
    view! {
        <section class="view share" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"Share with your clinician"</h1>
            <p class="lead no-print">
                "Take your plan to the people who care for you: a one-page summary to print or save as a PDF, a file "
                "for their health-record system, your sessions in your calendar, or a link. Nothing is sent anywhere "
                "by Mosaic: you choose what to share, and how."
            </p>
            {(!has_answers).then(|| view! {
                <p class="callout">"You have not answered any questions yet, so there is little to share. "
                    <a href=Route::Intake(crate::ui::route::Step::Pain).href()>"Start planning"</a></p>
            })}
            <Choices choices=choices />
            <section class="card no-print" aria-labelledby="share-actions-heading">
                <h2 id="share-actions-heading">"Take it away"</h2>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>
                        "Print the summary"
                    </button>
                    {(!in_kiosk).then(|| view! { <FhirButton shared=shared choices=choices /> })}
                </div>
                {if in_kiosk {
                    view! { <p class="hint">"On this shared tablet you can print the summary or scan the code below. Files are not saved here."</p> }.into_any()
                } else {
                    view! { <CalendarPanel shared=shared /> }.into_any()
                }}
            </section>
            <ClinicianLink shared=shared choices=choices in_kiosk=in_kiosk />
            <h2 class="no-print">"Preview: what your clinician will see"</h2>
            {move || {
                let summary = shared.with(|s| clinician_summary(&s.state, &choices.get(), &s.screening, s.plan.as_ref()));
                view! { <SummarySheet summary=summary made_on=made_on.into() /> }
            }}
        </section>
    }
}

//! The plan view (`#/plan`): the 12-week plan built from the person's choices, editable frequency and days,
//! and everything a clinician needs on one or two printed pages.

mod changes;
mod conflicts;
mod consent;
mod history;
mod legend;
pub mod model;
mod schedule;
mod sections;

use crate::clinical::catalog::{catalog, Vocab};
use crate::clinical::plan::Plan;
use crate::ui::route::Route;
use crate::ui::session::use_session;
use crate::ui::take_home::TakeHome;
use changes::{ChangeLine, PlanEdits};
use conflicts::{ConflictList, UnknownTime};
use history::{PlanHistory, ReviewDue};
use leptos::prelude::*;
use schedule::{ItemList, WeekGrid};
use sections::{CostAndTime, Excluded, Goals, Questions, Reviews, SafetyNotes, Supplements, Team};

/// The plan view.
#[component]
pub fn PlanView() -> impl IntoView {
    let session = use_session();
    let proceed = Memo::new(move |_| session.screening().with(|s| s.builds_plan()));
    let any_chosen = Memo::new(move |_| session.with(|s| !s.selected.is_empty()));
    view! {
        <section class="view plan" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"Your 12-week plan"</h1>
            {move || if !proceed.get() {
                view! {
                    <p class="lead">"There is no plan while your safety check asks you to act first."</p>
                    <div class="actions">
                        <a class="button primary" href=Route::Screening.href()>"See what to do now"</a>
                    </div>
                }.into_any()
            } else if !any_chosen.get() {
                view! {
                    <p class="lead">"You have not chosen any therapies yet, so there is nothing to plan."</p>
                    <div class="actions">
                        <a class="button primary" href=Route::Choose.href()>"Choose therapies"</a>
                    </div>
                }.into_any()
            } else {
                view! { <PlanBody /> }.into_any()
            }}
        </section>
    }
}

/// The printout's first line: where the plan was made (a clinic kiosk is not the patient's own device, and keeps
/// nothing once the session ends), and what it is.
fn print_note(in_kiosk: bool) -> &'static str {
    if in_kiosk {
        "Made with Mosaic on a clinic kiosk, which keeps nothing after the session. Planning help, not medical advice."
    } else {
        "Made with Mosaic on the patient's own device. Planning help, not medical advice."
    }
}

/// Opens the browser's print dialog (which also offers "save as PDF").
fn print() {
    let _ = window().print();
}

/// The plan itself.
#[component]
fn PlanBody() -> impl IntoView {
    let session = use_session();
    let plan: Memo<Plan> = session.plan();
    let edits = PlanEdits::new(session, plan);
    let condition = move || {
        plan.with(|p| {
            catalog()
                .term(Vocab::Condition, &p.condition)
                .map_or_else(|| p.condition.clone(), |t| t.label.to_lowercase())
        })
    };
    view! {
        <p class="lead">
            "Twelve weeks of care for your " {condition} ", with review points at weeks 4, 8 and 12. "
            "New things start a little apart so you can tell what helps. Take this plan to your clinician before you start."
        </p>
        <div class="actions no-print">
            <button type="button" class="primary" on:click=move |_| print()>"Print or save as PDF"</button>
            <a class="button" href=Route::CheckIn(None).href()>"Weekly check-in"</a>
            <a class="button" href=Route::Progress.href()>"My progress"</a>
            <a class="button" href=Route::Flare.href()>"My flare plan"</a>
            <a class="button" href=Route::Share.href()>"Share with my clinician"</a>
            <a class="button" href=Route::Choose.href()>"Change my choices"</a>
        </div>
        <p class="print-only print-note">{print_note(session.is_kiosk())}</p>
        <ReviewDue plan=plan />
        <UnknownTime plan=plan />
        <ConflictList plan=plan edits=edits />
        <WeekGrid plan=plan />
        <ItemList plan=plan edits=edits />
        <Goals plan=plan />
        <Reviews plan=plan />
        <PlanHistory />
        <SafetyNotes />
        <Questions plan=plan />
        <Team plan=plan />
        <Supplements plan=plan />
        <Excluded plan=plan />
        <CostAndTime plan=plan />
        <TakeHome />
        <div class="actions no-print">
            <button type="button" class="primary" on:click=move |_| print()>"Print or save as PDF"</button>
            <a class="button" href=Route::CheckIn(None).href()>"Weekly check-in"</a>
            <a class="button" href=Route::Progress.href()>"My progress"</a>
            <a class="button" href=Route::Flare.href()>"My flare plan"</a>
            <a class="button" href=Route::Share.href()>"Share with my clinician"</a>
            <a class="button" href=Route::Choose.href()>"Change my choices"</a>
        </div>
        <ChangeLine edits=edits />
    }
}

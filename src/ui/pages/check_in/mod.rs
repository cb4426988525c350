//! The weekly check-in (`#/check-in`, `#/check-in/<n>`): the red-flag questions again, PEG, sleep, mood every
//! second week, and per therapy the sessions done and any side effects, plus a note. Answers are kept as they are
//! given, like the intake's: the first answer adds the check-in to the document and the address becomes
//! `#/check-in/<n>`, so a reload opens the same check-in. A ticked red flag stops the check-in with the intake's stop
//! screen. Check-ins belong to the person's own device, so a kiosk has none.

mod fields;
mod history;
pub mod model;

use crate::clinical::catalog::catalog;
use crate::clinical::progress::CheckIn;
use crate::clinical::screening::{screen, Outcome};
use crate::ui::address::rename_address;
use crate::ui::components::consent::today;
use crate::ui::components::side_effects::MarkedForReview;
use crate::ui::components::status::outcome_id;
use crate::ui::components::stop::{heading as stop_heading, StopNow};
use crate::ui::pages::intake::lists::symptom_groups;
use crate::ui::route::Route;
use crate::ui::session::{use_session, Session};
use crate::ui::widgets::checklist::{Checklist, ListAnswer};
use fields::{MoodQuestions, NoteField, PegQuestions, SleepQuestion, TherapyWeek, WhenFields};
use history::History;
use leptos::prelude::*;
use model::{mood_due, needed_care, new_check_in};

/// The check-in being answered: its place in the document (`None` until the first answer adds it) and its answers.
#[derive(Clone, Copy)]
pub struct Editing {
    /// The session that owns the document.
    pub session: Session,
    /// Index in `checkins`, once the check-in is in the document.
    pub index: RwSignal<Option<usize>>,
    /// The check-in as it stands (a fresh one, dated today, before the first answer).
    pub current: Memo<CheckIn>,
}

impl Editing {
    /// Changes the check-in, adding it to the document first if this is its first answer.
    pub fn edit(&self, f: impl FnOnce(&mut CheckIn)) {
        let mut check_in = self.current.get_untracked();
        f(&mut check_in);
        match self.index.get_untracked() {
            Some(i) => self.session.update(|s| {
                if let Some(c) = s.checkins.get_mut(i) {
                    *c = check_in;
                }
            }),
            None => {
                let i = self.session.with_untracked(|s| s.checkins.len());
                self.session.update(|s| s.checkins.push(check_in));
                self.index.set(Some(i));
                // A reload from here opens this check-in again, and Back does not return to an empty one.
                rename_address(&Route::CheckIn(Some(i + 1)).href());
            }
        }
    }
}

/// The check-in view.
#[component]
pub fn CheckInView(
    /// The saved check-in to open (from 1), or `None` for a new one.
    number: Option<usize>,
) -> impl IntoView {
    let session = use_session();
    if session.is_kiosk() {
        return view! {
            <section class="view wizard check-in" aria-labelledby="view-heading">
                <h1 id="view-heading" tabindex="-1">"Weekly check-in"</h1>
                <p class="lead">
                    "Check-ins belong on your own device, not on this tablet. Take your plan home with the QR code: "
                    "your weekly check-ins begin there."
                </p>
            </section>
        }
        .into_any();
    }
    let proceed = Memo::new(move |_| session.screening().with(|s| s.builds_plan()));
    let plan = session.plan();
    let has_plan = Memo::new(move |_| proceed.get() && plan.with(|p| !p.items.is_empty()));
    let count = session.with_untracked(|s| s.checkins.len());
    let missing = number.filter(|n| *n == 0 || *n > count);
    let today = today();
    let index = RwSignal::new(number.map(|n| n - 1).filter(|i| *i < count));
    let fresh = {
        let today = today.clone();
        move || session.with(|s| plan.with(|p| new_check_in(&today, &s.checkins, p)))
    };
    let current = Memo::new(move |_| {
        match index
            .get()
            .and_then(|i| session.with(|s| s.checkins.get(i).cloned()))
        {
            Some(c) => c,
            None => fresh(),
        }
    });
    let editing = Editing {
        session,
        index,
        current,
    };
    let heading = move || match index.get() {
        Some(i) => format!("Check-in {} (week {})", i + 1, current.with(|c| c.week)),
        None => "Weekly check-in".to_string(),
    };
    let body = move || {
        if !has_plan.get() {
            return view! {
                <p class="lead">"Check-ins follow your plan: once you have one, you can check in each week."</p>
                <div class="actions">
                    <a class="button primary" href=Route::Plan.href()>"See my plan"</a>
                </div>
            }
            .into_any();
        }
        view! { <CheckInForm editing=editing today=today.clone() /> }.into_any()
    };
    view! {
        <section class="view wizard check-in" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">{heading}</h1>
            {missing.map(|n| view! {
                <p class="callout caution-box" role="note">
                    {format!("There is no check-in {n} on this device. This is a new one.")}
                </p>
            })}
            {body}
            <History editing=editing />
        </section>
    }
    .into_any()
}

/// The questions of one check-in; a ticked red flag replaces the rest with the stop screen.
#[component]
fn CheckInForm(editing: Editing, today: String) -> impl IntoView {
    let session = editing.session;
    let current = editing.current;
    let red_flags = Signal::derive(move || {
        current.with(|c| match &c.red_flags {
            Some(v) => ListAnswer::Chosen(v.clone()),
            None => ListAnswer::Unanswered,
        })
    });
    // A tick is screened as the intake's answer would be, so the same stop screen says what to do now.
    let stop = Memo::new(move |_| {
        let ticked = current.with(|c| c.red_flags.clone().unwrap_or_default());
        if ticked.is_empty() {
            return None;
        }
        let mut intake = session.with(|s| s.intake.clone());
        intake.symptoms = Some(ticked);
        let screening = screen(&intake);
        (screening.outcome != Outcome::Proceed).then_some(screening)
    });
    // Fixed when the view opens, as on the intake's safety step; a group with a tick keeps showing.
    let groups =
        session.with_untracked(|s| symptom_groups(&s.intake, red_flags.get_untracked().ticked()));
    let finished = RwSignal::new(false);
    let line = move || session.with(|s| s.settings.crisis_line.clone());
    let rest = move || {
        match stop.get() {
        Some(screening) => {
            let outcome = screening.outcome;
            view! {
            <div class="stop-in-check-in" data-outcome=outcome_id(outcome)>
                <h2 class="stop-heading">{stop_heading(outcome)}</h2>
                <StopNow screening=screening line=line() change_href="#checkin-red-flags".to_string() />
            </div>
            }
            .into_any()
        }
        None => view! {
            <PegQuestions editing=editing />
            <SleepQuestion editing=editing />
            <Show when=move || current.with(|c| mood_due(c.week))>
                <MoodQuestions editing=editing />
            </Show>
            <TherapyWeek editing=editing />
            <NoteField editing=editing />
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| finished.set(true)>"Done"</button>
            </div>
            <Finished editing=editing finished=finished />
        }
        .into_any(),
    }
    };
    view! {
        <p class="lead">
            "A few questions about the past week. Your answers are kept as you go; you can change them later. "
            "Take what you notice to your clinician."
        </p>
        <WhenFields editing=editing today=today />
        <Checklist
            name="checkin-red-flags"
            legend="Is any of these true for you now?"
            hint="We ask again at every check-in: some symptoms need a doctor before you go on. If none is true, tick \u{201c}None of these\u{201d}."
            groups=groups
            value=red_flags
            on_change=move |a: ListAnswer| editing.edit(|c| c.red_flags = a.stored())
        />
        {rest}
    }
}

/// What "Done" says: saved, anything that needs the person's attention, and where to go next.
#[component]
fn Finished(editing: Editing, finished: RwSignal<bool>) -> impl IntoView {
    let current = editing.current;
    let summary = move || {
        if !finished.get() {
            return None;
        }
        let (unanswered, care) = current.with(|c| {
            let care: Vec<String> = needed_care(c)
                .into_iter()
                .map(|id| {
                    catalog()
                        .therapy(id)
                        .map_or(id.to_string(), |t| t.name.to_string())
                })
                .collect();
            (c.red_flags.is_none(), care)
        });
        Some(view! {
            <div class="callout check-in-done" role="status">
                {if unanswered {
                    view! {
                        <p>
                            "Your answers are kept, but the red-flag question above is not answered yet. "
                            <a href="#checkin-red-flags-none">"Answer it"</a>
                        </p>
                    }
                    .into_any()
                } else {
                    view! { <p><strong>"Check-in saved on this device."</strong></p> }.into_any()
                }}
                {care.into_iter().map(|name| view! { <MarkedForReview name=name /> }).collect_view()}
                <div class="actions">
                    <a class="button primary" href=Route::Progress.href()>"See my progress"</a>
                    <a class="button" href=Route::Plan.href()>"See my plan"</a>
                </div>
            </div>
        })
    };
    view! { {summary} }
}

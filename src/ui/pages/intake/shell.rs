//! The frame around every intake step: progress (the current step by name, which steps are done, partly answered
//! or not asked, links to the answered ones, and about how long is left), heading, an error summary when Next is
//! refused, and Back/Next. Steps register their field checks with [`StepForm`] so the summary and Next see them.

use super::model::{after_back, after_next, progress};
use super::step_status::{seconds_left, status, time_left_text, StepStatus};
use crate::clinical::catalog::{catalog, Vocab};
use crate::ui::route::{Route, Step};
use crate::ui::session::{use_session, Session};
use crate::ui::widgets::radio::focus_id;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The checks of the step on screen, shared with its fields through context.
#[derive(Clone, Copy)]
pub struct StepForm {
    /// Whether Next has been pressed on this step (required answers complain only after that).
    attempted: RwSignal<bool>,
    /// Field id and its current message, in the order the fields were registered.
    checks: StoredValue<Vec<(String, Signal<Option<String>>)>>,
}

impl StepForm {
    fn new() -> StepForm {
        StepForm {
            attempted: RwSignal::new(false),
            checks: StoredValue::new(Vec::new()),
        }
    }

    /// Registers a check on the field with id `field`; its message shows beside the field as soon as it applies.
    pub fn check(
        &self,
        field: &str,
        message: impl Fn() -> Option<String> + Send + Sync + 'static,
    ) -> Signal<Option<String>> {
        let signal = Signal::derive(message);
        self.checks
            .update_value(|c| c.push((field.to_string(), signal)));
        signal
    }

    /// Registers a required answer: its message appears only after Next was pressed without it.
    pub fn required(
        &self,
        field: &str,
        message: impl Fn() -> Option<String> + Send + Sync + 'static,
    ) -> Signal<Option<String>> {
        let attempted = self.attempted;
        self.check(field, move || attempted.get().then(&message).flatten())
    }

    /// The current messages with their field ids (tracked).
    fn errors(&self) -> Vec<(String, String)> {
        self.checks.with_value(|c| {
            c.iter()
                .filter_map(|(id, s)| s.get().map(|m| (id.clone(), m)))
                .collect()
        })
    }
}

/// Goes back one step: through browser history when this step was reached by Next from the previous one (the
/// session remembers the last Next, so Back undoes it and Forward keeps working), otherwise to the previous
/// applicable step (or Welcome) as a new entry. A kiosk never goes through history: there Next replaced the current
/// entry, so `history.back()` would leave the app or do nothing; it moves to the previous step in-app instead
/// (replacing the entry again), and the answers stay in memory.
fn go_back(session: Session, step: Step, target: Route) {
    let last = session.take_last_next();
    let undo = match target {
        Route::Intake(prev) if !session.is_kiosk() => last == Some((prev, step)),
        _ => false,
    };
    match window().history() {
        Ok(h) if undo => {
            let _ = h.back();
        }
        _ => session.navigate(&target),
    }
}

/// The form of the step on screen; only valid inside a step.
pub fn use_form() -> StepForm {
    expect_context::<StepForm>()
}

/// Moves focus to a field: the element itself if it takes input, else the first control inside it.
fn focus_field(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    let target = if matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
        Some(el)
    } else {
        el.query_selector("input, textarea, select").ok().flatten()
    };
    if let Some(t) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = t.focus();
    }
}

/// Whether this step comes after the safety questions and they were never answered (e.g. reached by address).
fn safety_missing(step: Step, session: Session) -> bool {
    let after = Step::ALL.iter().position(|s| *s == step)
        > Step::ALL.iter().position(|s| *s == Step::Safety);
    after && session.with_intake(|i| i.symptoms.is_none())
}

/// The main pain that adds STarT Back, as the catalog names it ("low back pain").
fn start_back_pain() -> String {
    catalog()
        .term(Vocab::Condition, Step::START_BACK_FOR)
        .map_or_else(|| "low back pain".to_string(), |t| t.label.to_lowercase())
}

/// "Added because you chose low back pain": why STarT Back is in this person's intake.
fn start_back_reason() -> String {
    format!("Added because you chose {}", start_back_pain())
}

/// What the step indicator says about a step after its name, for screen readers and at narrow widths.
fn status_words(s: StepStatus, current: bool) -> String {
    match s {
        _ if current => " (this step)".to_string(),
        StepStatus::Done => " (done)".to_string(),
        StepStatus::Partly => " (partly answered)".to_string(),
        StepStatus::NotStarted => " (not answered yet)".to_string(),
        StepStatus::Skipped => format!(" (not asked: only for {})", start_back_pain()),
    }
}

/// The step indicator: every step in order, numbered among the steps asked of this person, each marked done, partly
/// answered, not answered yet or not asked; steps with answers are links, so a person can go straight back to one.
#[component]
fn StepIndicator(
    /// The step on screen.
    step: Step,
) -> impl IntoView {
    let session = use_session();
    let prog = Memo::new(move |_| session.with_intake(|i| progress(step, i)));
    let left = move || session.with(|s| time_left_text(seconds_left(s, step)));
    let count = move || {
        prog.with(|(at, seq)| {
            if *at > 0 {
                format!("Step {at} of {}: {}", seq.len(), step.title())
            } else {
                format!("{} steps", seq.len())
            }
        })
    };
    let items = move || {
        let (_, seq) = prog.get();
        let statuses = session.with(|s| Step::ALL.map(|st| status(s, st)));
        Step::ALL
            .into_iter()
            .zip(statuses)
            .map(|(s, st)| {
                let current = s == step;
                let class = match st {
                    _ if current => "current",
                    StepStatus::Done => "done",
                    StepStatus::Partly => "partly",
                    StepStatus::NotStarted => "todo",
                    StepStatus::Skipped => "skipped",
                };
                // A tick for a done step, a dash for one not asked; the words beside say the same for screen readers.
                let number = match seq.iter().position(|q| *q == s) {
                    _ if st == StepStatus::Done && !current => "\u{2713}".to_string(),
                    Some(k) => (k + 1).to_string(),
                    None => "\u{2013}".to_string(),
                };
                let added = (s == Step::StartBack && st != StepStatus::Skipped)
                    .then(|| view! { <span class="step-added">{start_back_reason()}</span> });
                let inner = view! {
                    <span class="step-number" aria-hidden="true">{number}</span>
                    <span class="step-title">{s.title()}<span class="visually-hidden">{status_words(st, current)}</span></span>
                    {added}
                };
                let linked = !current && matches!(st, StepStatus::Done | StepStatus::Partly);
                view! {
                    <li class=class aria-current=current.then_some("step")>
                        {if linked {
                            view! { <a href=Route::Intake(s).href()>{inner}</a> }.into_any()
                        } else {
                            inner.into_any()
                        }}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="wizard-progress" aria-label="Intake progress">
            <p class="step-count">
                {count}
                {move || left().map(|t| view! { <span class="time-left">{format!(" \u{b7} {t}")}</span> })}
            </p>
            <ol>{items}</ol>
        </nav>
    }
}

/// The step frame.
#[component]
pub fn StepShell(
    /// The step shown.
    step: Step,
    /// The step's questions.
    children: Children,
) -> impl IntoView {
    let session = use_session();
    let form = StepForm::new();
    provide_context(form);
    let content = children();
    let errors = Memo::new(move |_| {
        if form.attempted.get() {
            form.errors()
        } else {
            Vec::new()
        }
    });
    let next = move || {
        form.attempted.set(true);
        if !form.errors().is_empty() {
            request_animation_frame(|| focus_id("error-summary"));
            return;
        }
        let outcome = session.screening().get_untracked().outcome;
        let route = session.with_untracked(|s| after_next(step, &s.intake, outcome));
        let moved = match route {
            Route::Intake(to) => Some((step, to)),
            _ => None,
        };
        session.note_next(moved);
        session.navigate(&route);
    };
    let back = move |_| {
        go_back(
            session,
            step,
            session.with_untracked(|s| after_back(step, &s.intake)),
        )
    };
    let last = step == Step::Practical;
    view! {
        <section class="view wizard" aria-labelledby="view-heading" data-step=step.slug()>
            <StepIndicator step=step />
            <h1 id="view-heading" tabindex="-1">{step.title()}</h1>
            <Show when=move || step == Step::StartBack && session.with_intake(|i| step.applies(i))>
                <p class="skip-note">{start_back_reason()} " as the pain that troubles you most."</p>
            </Show>
            <Show when=move || safety_missing(step, session)>
                <p class="missing-safety">
                    "The safety questions have not been answered yet. "
                    <a href=Route::Intake(Step::Safety).href()>"Answer the safety questions"</a>
                    " before relying on anything Mosaic suggests."
                </p>
            </Show>
            <Show when=move || errors.with(|e| !e.is_empty())>
                <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                    <h2 id="error-summary-title">"Please check this page"</h2>
                    <ul>
                        {move || errors.get().into_iter().map(|(id, message)| {
                            let target = id.clone();
                            view! {
                                <li>
                                    <a href=format!("#{id}") on:click=move |ev| {
                                        ev.prevent_default();
                                        focus_field(&target);
                                    }>{message}</a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            <form class="wizard-form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                next();
            }>
                {content}
                {last.then(|| view! {
                    <p class="review-offer">
                        "Want to check everything on one page first? "
                        <a href=Route::Review.href()>"Review my answers"</a>
                    </p>
                })}
                <div class="wizard-nav">
                    <button type="button" class="back" on:click=back>"Back"</button>
                    <button type="submit" class="primary next">
                        {if last { "Done: see my results" } else { "Next" }}
                    </button>
                </div>
            </form>
        </section>
    }
}

//! The frame around every intake step: progress, heading, an error summary when Next is refused, and
//! Back/Next. Steps register their field checks with [`StepForm`] so the summary and Next see them.

use super::model::{after_back, after_next, progress};
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
    let prog = Memo::new(move |_| session.with_intake(|i| progress(step, i)));
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
            <nav class="wizard-progress" aria-label="Intake progress">
                <p class="step-count">{move || prog.with(|(at, seq)| if *at > 0 { format!("Step {at} of {}", seq.len()) } else { format!("{} steps", seq.len()) })}</p>
                <ol>
                    {move || prog.with(|(at, seq)| {
                        seq.iter()
                            .enumerate()
                            .map(|(k, s)| {
                                let state = match (k + 1).cmp(at) {
                                    std::cmp::Ordering::Less => "done",
                                    std::cmp::Ordering::Equal => "current",
                                    std::cmp::Ordering::Greater => "todo",
                                };
                                view! {
                                    <li class=state aria-current=(state == "current").then_some("step")>
                                        <span class="step-number" aria-hidden="true">{k + 1}</span>
                                        <span class="step-title">{s.title()}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    })}
                </ol>
            </nav>
            <h1 id="view-heading" tabindex="-1">{step.title()}</h1>
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
                <div class="wizard-nav">
                    <button type="button" class="back" on:click=back>"Back"</button>
                    <button type="submit" class="primary next">
                        {if last { "Next: safety check" } else { "Next" }}
                    </button>
                </div>
            </form>
        </section>
    }
}

//! The review page (`#/review`, "Review my answers"): every intake answer on one page, step by step, each step with
//! a "Change" link that opens it. The words come from [`answers`], a plain function of the saved document.

pub mod answers;

use crate::ui::pages::intake::step_status::{resume_route, StepStatus};
use crate::ui::route::Route;
use crate::ui::session::use_session;
use answers::{change_words, sections, Answer, Section};
use leptos::prelude::*;

/// What a step's status says beside its heading ("Done" says nothing: the answers show it).
fn status_words(status: StepStatus) -> Option<&'static str> {
    match status {
        StepStatus::Done => None,
        StepStatus::Partly => Some("Partly answered"),
        StepStatus::NotStarted => Some("Not answered yet"),
        StepStatus::Skipped => Some("Not asked"),
    }
}

/// One step: its heading, status, "Change" link and answers.
fn step_section(section: Section) -> impl IntoView {
    let Section { step, status, rows } = section;
    let heading_id = format!("review-{}", step.slug());
    let skipped = status == StepStatus::Skipped;
    view! {
        <section class="card review-step" aria-labelledby=heading_id.clone() data-step=step.slug()>
            <div class="review-head">
                <h2 id=heading_id.clone()>{step.title()}</h2>
                {status_words(status).map(|w| view! { <span class="review-status">{w}</span> })}
                {(!skipped).then(|| view! {
                    <a class="change" href=Route::Intake(step).href()>
                        "Change"<span class="visually-hidden">{format!(" {}", change_words(step))}</span>
                    </a>
                })}
            </div>
            {if skipped {
                view! {
                    <p class="hint">"These questions are only for people whose main pain is low back pain."</p>
                }.into_any()
            } else {
                view! {
                    <dl class="review-answers">
                        {rows.into_iter().map(|r| {
                            let missing = !matches!(r.answer, Answer::Given(_));
                            view! {
                                <div>
                                    <dt>{r.question}</dt>
                                    <dd class:missing=missing>{r.answer.text().to_string()}</dd>
                                </div>
                            }
                        }).collect_view()}
                    </dl>
                }.into_any()
            }}
        </section>
    }
}

/// The review page.
#[component]
pub fn ReviewView() -> impl IntoView {
    let session = use_session();
    // On to the first unanswered step, or to the safety check once the intake is finished.
    let onward = move || match session.with(resume_route) {
        r @ Route::Intake(_) => {
            view! { <a class="button primary" href=r.href()>"Continue where you left off"</a> }
        }
        _ => {
            view! { <a class="button primary" href=Route::Screening.href()>"See your safety check"</a> }
        }
    };
    view! {
        <section class="view answers-review" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"Review your answers"</h1>
            <p class="lead">
                "Everything you have told Mosaic so far, step by step. To change something, use the step\u{2019}s "
                "\u{201c}Change\u{201d} link: your answers are kept as you go."
            </p>
            {move || session.with(sections).into_iter().map(step_section).collect_view()}
            <div class="actions">{onward}</div>
        </section>
    }
}

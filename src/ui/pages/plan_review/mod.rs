//! A review point (`#/plan-review/<week>` at weeks 4, 8 and 12, or `#/plan-review` whenever the person asks): the
//! change since the start, the safety check run again on today's answers, and for each therapy of the plan its
//! sessions, side effects and a suggestion with its reason. The person decides for each (continue, change the
//! sessions or days, or stop it); saving records the review and makes the next version of the plan, keeping the
//! earlier one in the plan's history.

mod therapy;

use crate::clinical::catalog::catalog;
use crate::clinical::plan::PLAN_WEEKS;
use crate::clinical::progress::CheckIn;
use crate::clinical::review::summary::{pain_summary, peg_summary};
use crate::clinical::review::{review, Overall, ReviewAt, ReviewResult};
use crate::clinical::terms::TherapyStatus;
use crate::store::document::Decision;
use crate::ui::components::consent::today;
use crate::ui::components::status::{status_label, therapy_name};
use crate::ui::route::{Route, Step};
use crate::ui::session::{use_session, Session};
use leptos::prelude::*;
use std::collections::BTreeMap;
use therapy::TherapyCard;

/// The review view.
#[component]
pub fn PlanReviewView(
    /// The plan week to review (4, 8 or 12), or `None` for a review now.
    week: Option<u8>,
) -> impl IntoView {
    let session = use_session();
    if session.is_kiosk() {
        return view! {
            <section class="view plan-review" aria-labelledby="view-heading">
                <h1 id="view-heading" tabindex="-1">"Review your plan"</h1>
                <p class="lead">"Reviews follow your check-ins, which are kept on your own device, not on this tablet."</p>
            </section>
        }
        .into_any();
    }
    let heading = match week {
        Some(w) => format!("Week {w} review"),
        None => "Review your plan now".to_string(),
    };
    // Worked out once, as the view opens: saving changes the plan (a stopped therapy leaves it), and the person
    // should go on seeing what they decided about.
    let (checkins, intake_peg) = session.with_untracked(|s| {
        (
            s.checkins.clone(),
            s.intake.pain.as_ref().and_then(|p| p.peg),
        )
    });
    let items = session.plan().get_untracked().items;
    let at = week.map_or(ReviewAt::Now, ReviewAt::Week);
    let result = review(catalog(), &checkins, intake_peg.as_ref(), &items, at);
    // The week recorded: the one reviewed, or for a review now before any check-in, week 1.
    let reviewed_week = result.week.unwrap_or(1).clamp(1, PLAN_WEEKS);
    let so_far: Vec<CheckIn> = checkins
        .into_iter()
        .filter(|c| c.week <= u16::from(reviewed_week))
        .collect();
    let body = if items.is_empty() {
        view! {
            <p class="lead">"There is nothing to review yet: a review looks at the therapies in your plan."</p>
            <div class="actions"><a class="button primary" href=Route::Plan.href()>"See my plan"</a></div>
        }
        .into_any()
    } else {
        view! {
            <p class="lead">
                "Compare how you are now with when you started, see how each therapy is going, and decide what to "
                "keep. If you can, go through it with your clinician."
            </p>
            <Change result=result.clone() so_far=so_far.clone() intake_peg=intake_peg />
            <SafetyAgain session=session />
            <Decisions session=session result=result so_far=so_far week=reviewed_week />
        }
        .into_any()
    };
    view! {
        <section class="view plan-review" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">{heading}</h1>
            {body}
        </section>
    }
    .into_any()
}

/// The change since the start, in the progress view's words.
#[component]
fn Change(
    result: ReviewResult,
    so_far: Vec<CheckIn>,
    intake_peg: Option<crate::clinical::intake::Peg>,
) -> impl IntoView {
    let lines = match result.overall {
        Overall::Compared(_) => vec![
            peg_summary(&so_far, intake_peg.as_ref()),
            pain_summary(&so_far, intake_peg.as_ref()),
        ],
        Overall::NotEnoughData(missing) => vec![missing.words().text.to_string()],
    };
    view! {
        <section aria-labelledby="change-heading">
            <h2 id="change-heading">"How you are doing"</h2>
            {lines.into_iter().map(|l| view! { <p class="review-change">{l}</p> }).collect_view()}
            <p><a href=Route::Progress.href()>"See your progress week by week"</a></p>
        </section>
    }
}

/// The safety check on today's answers, with a way to update the answers that change most often.
#[component]
fn SafetyAgain(session: Session) -> impl IntoView {
    let screening = session.screening();
    let plan = session.plan();
    let verdict = move || {
        let s = screening.get();
        if !s.builds_plan() {
            return view! {
                <p class="callout caution-box" data-safety="stop">
                    <strong>"Your answers now need a clinician before you go on. "</strong>
                    <a href=Route::Screening.href()>"See your safety check"</a>
                </p>
            }
            .into_any();
        }
        let changed: Vec<(String, TherapyStatus)> = plan.with(|p| {
            p.items
                .iter()
                .filter_map(|i| {
                    let status = s.therapies.iter().find(|t| t.therapy == i.therapy)?.status;
                    (status != TherapyStatus::Allowed).then(|| (therapy_name(&i.therapy), status))
                })
                .collect()
        });
        if changed.is_empty() {
            return view! {
                <p data-safety="allowed">"With your answers as they are now, every therapy in your plan is still fine to do."</p>
            }
            .into_any();
        }
        view! {
            <ul data-safety="changed">
                {changed.into_iter().map(|(name, status)| view! {
                    <li><strong>{name}</strong>{format!(": {}", status_label(status))}</li>
                }).collect_view()}
            </ul>
            <p><a href=Route::Screening.href()>"See why in your safety check"</a></p>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="safety-again-heading">
            <h2 id="safety-again-heading">"Safety check on your answers today"</h2>
            {verdict}
            <p>
                "Has anything changed in your health or your medicines? Update your answers and the safety check runs "
                "again: "
                <a href=Route::Intake(Step::Health).href()>"Your health"</a>
                ", "
                <a href=Route::Intake(Step::Medicines).href()>"Medicines"</a>
                ". Then come back to this review from your plan."
            </p>
        </section>
    }
}

/// Each therapy with its decision, and saving them.
#[component]
fn Decisions(
    session: Session,
    result: ReviewResult,
    so_far: Vec<CheckIn>,
    week: u8,
) -> impl IntoView {
    let decisions = RwSignal::new(BTreeMap::<String, Decision>::new());
    let tried = RwSignal::new(false);
    let saved = RwSignal::new(None::<usize>);
    let ids: Vec<String> = result.therapies.iter().map(|t| t.therapy.clone()).collect();
    let missing = {
        let ids = ids.clone();
        move || -> Vec<String> {
            decisions.with(|d| {
                ids.iter()
                    .filter(|id| !d.contains_key(*id))
                    .map(|id| therapy_name(id))
                    .collect()
            })
        }
    };
    let cards = result
        .therapies
        .into_iter()
        .map(|t| view! { <TherapyCard review=t so_far=so_far.clone() decisions=decisions tried=tried /> })
        .collect_view();
    let save = {
        let missing = missing.clone();
        move |_| {
            tried.set(true);
            if !missing().is_empty() || saved.get_untracked().is_some() {
                return;
            }
            let chosen = decisions.get_untracked();
            let date = today();
            session.update(|s| s.record_review(&date, week, chosen));
            saved.set(Some(session.with_untracked(|s| s.reviews.len())));
        }
    };
    let problem = move || {
        let names = missing();
        (tried.get() && !names.is_empty()).then(|| {
            view! {
                <p class="field-error" role="alert">
                    {format!("Choose what to do about {} before saving.", names.join(", "))}
                </p>
            }
        })
    };
    let done = move || {
        saved.get().map(|n| {
            let adjusting = decisions.with(|d| d.values().any(|x| *x == Decision::Adjust));
            view! {
                <div class="callout review-saved">
                    <p>
                        <strong>"Your decisions are saved on this device. "</strong>
                        {format!("Your plan is now version {}; version {n} is kept in its history.", n + 1)}
                    </p>
                    {adjusting.then(|| view! {
                        <p>"Change the sessions or days of the therapies you are adjusting on your plan."</p>
                    })}
                    <div class="actions">
                        <a class="button primary" href=Route::Plan.href()>"See my plan"</a>
                    </div>
                </div>
            }
        })
    };
    view! {
        <section aria-labelledby="therapies-heading">
            <h2 id="therapies-heading">"Each therapy"</h2>
            {cards}
        </section>
        {problem}
        <div class="actions">
            <button type="button" class="primary" on:click=save disabled=move || saved.get().is_some()>
                "Save my decisions"
            </button>
        </div>
        <div role="status">{done}</div>
    }
}

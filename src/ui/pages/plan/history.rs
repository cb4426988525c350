//! The plan over time: the review point due now, as a call to action, and the earlier versions of the plan that
//! reviews kept, each with the decisions that ended it.

use crate::clinical::plan::Plan;
use crate::clinical::review::due;
use crate::store::document::{Decision, PlanReview};
use crate::ui::components::consent_text::date_words;
use crate::ui::components::status::therapy_name;
use crate::ui::route::Route;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// "Yoga stopped; Exercise and movement changed" for a review's decisions (continuing ones left out).
fn decision_words(review: &PlanReview) -> String {
    let changes: Vec<String> = review
        .decisions
        .iter()
        .filter_map(|(id, d)| match d {
            Decision::Continue => None,
            Decision::Adjust => Some(format!("{} changed", therapy_name(id))),
            Decision::Stop => Some(format!("{} stopped", therapy_name(id))),
        })
        .collect();
    if changes.is_empty() {
        "everything continued".to_string()
    } else {
        changes.join("; ")
    }
}

/// The therapies of a version, by name.
fn names(selected: &[String]) -> String {
    if selected.is_empty() {
        return "no therapies".to_string();
    }
    selected
        .iter()
        .map(|id| therapy_name(id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The review due now, if any: a link to it.
#[component]
pub fn ReviewDue(plan: Memo<Plan>) -> impl IntoView {
    let session = use_session();
    let point = move || {
        let points: Vec<u8> = plan.with(|p| p.reviews.iter().map(|r| r.week).collect());
        session.with(|s| {
            let latest = s.checkins.iter().map(|c| c.week).max();
            let reviewed: Vec<u8> = s.reviews.iter().map(|r| r.week).collect();
            due(&points, latest, &reviewed)
        })
    };
    move || {
        point().map(|week| {
            view! {
                <div class="callout review-due no-print" data-review-due=week>
                    <p><strong>{format!("Your week {week} review is due.")}</strong>
                        " See how each therapy is going and decide what to keep."</p>
                    <a class="button primary" href=Route::PlanReview(Some(week)).href()>
                        {format!("Start the week {week} review")}
                    </a>
                </div>
            }
        })
    }
}

/// The plan's earlier versions (one per review), then the current one.
#[component]
pub fn PlanHistory() -> impl IntoView {
    let session = use_session();
    move || {
        let (reviews, current) = session.with(|s| (s.reviews.clone(), s.selected.clone()));
        (!reviews.is_empty()).then(|| {
            let now = reviews.len() + 1;
            let earlier = reviews
                .iter()
                .enumerate()
                .map(|(k, r)| {
                    view! {
                        <li data-version=k + 1>
                            {format!(
                                "Version {}, until the week {} review on {}: {}. Decided: {}.",
                                k + 1,
                                r.week,
                                date_words(&r.date),
                                names(&r.before.selected),
                                decision_words(r)
                            )}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section aria-labelledby="history-heading">
                    <h2 id="history-heading">"Plan history"</h2>
                    <ol class="plan-history">
                        {earlier}
                        <li data-version=now>{format!("Version {now} (now): {}.", names(&current))}</li>
                    </ol>
                </section>
            }
        })
    }
}

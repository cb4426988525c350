//! The plan's text sections: goals, reviews, safety notes, questions, care team, supplements,
//! left-out choices, and time and cost (always with the cost note).

use super::consent::ConsentStatus;
use super::model::{cost_summary, time_summary};
use crate::clinical::catalog::catalog;
use crate::clinical::plan::Plan;
use crate::clinical::screening::TherapyStatus;
use crate::ui::components::status::{status_label, therapy_name, StatusPill};
use crate::ui::route::Route;
use crate::ui::session::use_session;
use crate::ui::text::capitalise;
use leptos::prelude::*;

/// SMART goal suggestions.
#[component]
pub fn Goals(
    /// The plan.
    plan: Memo<Plan>,
) -> impl IntoView {
    let items = move || {
        plan.with(|p| {
            p.goals
                .iter()
                .map(|g| {
                    view! {
                        <li>
                            <p class="goal-text">{g.text.clone()}</p>
                            <p class="goal-measure">"How to measure: " {g.measure.clone()}</p>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="goals" aria-labelledby="goals-heading">
            <h2 id="goals-heading">"Goals"</h2>
            <ul>{items}</ul>
        </section>
    }
}

/// Review points at weeks 4, 8 and 12 with what to check.
#[component]
pub fn Reviews(
    /// The plan.
    plan: Memo<Plan>,
) -> impl IntoView {
    let items = move || {
        plan.with(|p| {
            p.reviews
                .iter()
                .map(|r| {
                    let checks = r
                        .checks
                        .iter()
                        .map(|c| view! { <li>{c.clone()}</li> })
                        .collect_view();
                    view! {
                        <li class="review" data-week=r.week>
                            <h3>{format!("Week {}", r.week)}</h3>
                            <ul>{checks}</ul>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let source = move || plan.with(|p| p.reviews.first().map(|r| r.source.clone()));
    view! {
        <section class="reviews-section" aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">"Review points"</h2>
            <ol class="reviews">{items}</ol>
            <p class="no-print"><a href=Route::PlanReview(None).href()>"Review my plan now"</a></p>
            <p class="source no-print">"Source: " {source}</p>
        </section>
    }
}

/// The safety findings for every chosen therapy that has any (blocked ones are under "Left out").
#[component]
pub fn SafetyNotes() -> impl IntoView {
    let session = use_session();
    move || {
        let s = session.screening().get();
        let chosen = session.with(|st| st.selected.clone());
        let rows: Vec<_> = chosen
            .iter()
            .filter_map(|id| s.therapy(id))
            .filter(|t| {
                matches!(
                    t.status,
                    TherapyStatus::Caution | TherapyStatus::ClearanceRequired
                )
            })
            .map(|t| {
                let msgs = t
                    .findings
                    .iter()
                    .map(|f| view! { <li>{f.message.clone()}</li> })
                    .collect_view();
                view! {
                    <li data-therapy=t.therapy.clone()>
                        <h3>{therapy_name(&t.therapy)} " " <StatusPill status=t.status /></h3>
                        <ul>{msgs}</ul>
                    </li>
                }
            })
            .collect();
        (!rows.is_empty()).then(|| {
            view! {
                <section class="safety-notes" aria-labelledby="safety-heading">
                    <h2 id="safety-heading">"Safety notes for your choices"</h2>
                    <ul class="notes">{rows}</ul>
                </section>
            }
        })
    }
}

/// Questions to take to the clinician.
#[component]
pub fn Questions(
    /// The plan.
    plan: Memo<Plan>,
) -> impl IntoView {
    let items = move || {
        plan.with(|p| {
            p.questions
                .iter()
                .map(|q| view! { <li data-about=q.about.clone()>{q.text.clone()}</li> })
                .collect_view()
        })
    };
    view! {
        <section class="questions" aria-labelledby="questions-heading">
            <h2 id="questions-heading">"Questions for your clinician"</h2>
            <ol>
                <li>"Is this plan safe for me, given my health and my medicines? Is there anything I should change?"</li>
                {items}
            </ol>
        </section>
    }
}

/// The people to involve.
#[component]
pub fn Team(
    /// The plan.
    plan: Memo<Plan>,
) -> impl IntoView {
    let items = move || {
        plan.with(|p| {
            p.team
                .iter()
                .map(|m| {
                    let credential = (!m.credential.is_empty())
                        .then(|| view! { <span class="credential">"Look for: " {m.credential.clone()}</span> });
                    view! {
                        <li>
                            <strong>{capitalise(&m.role)}</strong>
                            " — " {m.why.clone()} " " {credential}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="team" aria-labelledby="team-heading">
            <h2 id="team-heading">"Your care team"</h2>
            <ul>{items}</ul>
        </section>
    }
}

/// Supplements chosen or already taken: never scheduled, always discussed.
#[component]
pub fn Supplements(
    /// The plan.
    plan: Memo<Plan>,
) -> impl IntoView {
    move || {
        plan.with(|p| {
            (!p.supplements.is_empty()).then(|| {
                let items = p
                    .supplements
                    .iter()
                    .map(|s| {
                        let how = match (s.chosen, s.taking) {
                            (_, true) => "You take this",
                            _ => "You chose this",
                        };
                        // Only a supplement the person chose to add goes through the consent step.
                        let consent = s
                            .chosen
                            .then(|| catalog().therapy(&s.supplement))
                            .flatten()
                            .map(|t| view! { <ConsentStatus therapy=t status=s.status /> });
                        view! {
                            <li data-supplement=s.supplement.clone()>
                                <strong>{therapy_name(&s.supplement)}</strong> " (" {how} ") "
                                <StatusPill status=s.status />
                                <p>{s.advice.clone()}</p>
                                {consent}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="plan-supplements" aria-labelledby="plan-supplements-heading">
                        <h2 id="plan-supplements-heading">"Supplements — discuss with your clinician"</h2>
                        <ul>{items}</ul>
                    </section>
                }
            })
        })
    }
}

/// Chosen therapies left out of the schedule, with the reason.
#[component]
pub fn Excluded(
    /// The plan.
    plan: Memo<Plan>,
) -> impl IntoView {
    move || {
        plan.with(|p| {
            (!p.excluded.is_empty()).then(|| {
                let items = p
                    .excluded
                    .iter()
                    .map(|e| {
                        view! {
                            <li data-therapy=e.therapy.clone()>
                                <strong>{therapy_name(&e.therapy)}</strong> " — " {status_label(TherapyStatus::Blocked)} ": " {e.reason.clone()}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="excluded" aria-labelledby="excluded-heading">
                        <h2 id="excluded-heading">"Left out of your plan"</h2>
                        <ul>{items}</ul>
                    </section>
                }
            })
        })
    }
}

/// Busiest week and estimated monthly cost, always with the plan's cost note.
#[component]
pub fn CostAndTime(
    /// The plan.
    plan: Memo<Plan>,
) -> impl IntoView {
    let session = use_session();
    let time = move || session.with(|s| plan.with(|p| time_summary(p, &s.intake)));
    let cost = move || session.with(|s| plan.with(|p| cost_summary(p, &s.intake)));
    let note = move || plan.with(|p| p.cost_note.clone());
    view! {
        <section class="cost" aria-labelledby="cost-heading">
            <h2 id="cost-heading">"Time and cost"</h2>
            <p>{time}</p>
            <p>{cost}</p>
            <p class="cost-note">{note}</p>
        </section>
    }
}

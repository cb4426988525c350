//! "Things to sort out": each problem with the plan, its suggestion, and an Apply button when the suggestion is a
//! change to the plan itself; and, when the person gave no time budget, how much time the plan takes.

use super::changes::PlanEdits;
use super::model::unknown_time;
use crate::clinical::catalog::catalog;
use crate::clinical::plan::Plan;
use crate::ui::route::{Route, Step};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// Problems with the plan, each with a suggestion; nothing when there are none.
#[component]
pub fn ConflictList(
    /// The plan.
    plan: Memo<Plan>,
    /// How the Apply buttons change the plan.
    edits: PlanEdits,
) -> impl IntoView {
    move || {
        plan.with(|p| {
            (!p.conflicts.is_empty()).then(|| {
                let items = p
                    .conflicts
                    .iter()
                    .map(|c| {
                        let apply = c.fix.clone().map(|fix| {
                            let label = format!("Apply: {}", fix.describe(catalog()));
                            view! {
                                <button type="button" class="apply-fix no-print" on:click=move |_| edits.apply(&fix)>
                                    {label}
                                </button>
                            }
                        });
                        view! {
                            <li>
                                <p>{c.message.clone()}</p>
                                <p><strong>"Suggestion: "</strong>{c.suggestion.clone()}</p>
                                {apply}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="callout caution-box conflicts" aria-labelledby="conflicts-heading">
                        <h2 id="conflicts-heading">"Things to sort out"</h2>
                        <ul>{items}</ul>
                    </section>
                }
            })
        })
    }
}

/// When no minutes a week were given: how many the plan takes, with a link to the question.
#[component]
pub fn UnknownTime(
    /// The plan.
    plan: Memo<Plan>,
) -> impl IntoView {
    let intake = use_session().intake();
    move || {
        intake
            .with(|i| plan.with(|p| unknown_time(p, i)))
            .map(|text| {
                view! {
                    <p class="unknown-time no-print">
                        {text} " (" <a href=Route::Intake(Step::Practical).href()>"change it"</a> ")."
                    </p>
                }
            })
    }
}

//! The choose view (`#/choose`): a compact card per therapy in the engine's ranked order, filters, supplements in
//! their own section, a summary of the choices, and a bar held at the bottom of the screen with the count and the way
//! on to the plan. Only when the outcome is `proceed`.

mod card;
pub mod model;

use crate::clinical::catalog::{catalog, Vocab};
use crate::clinical::ranking::{condition_of, Ranked};
use crate::ui::components::status::{status_label, therapy_name};
use crate::ui::route::Route;
use crate::ui::session::use_session;
use card::TherapyCard;
use leptos::prelude::*;
use model::{budget, choice_announcement, chosen_words, passes, showing_text, split, Filters};

/// The choose view.
#[component]
pub fn ChooseView() -> impl IntoView {
    let session = use_session();
    let proceed = Memo::new(move |_| session.screening().with(|s| s.builds_plan()));
    view! {
        <section class="view choose" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"Choose therapies"</h1>
            {move || if proceed.get() {
                view! { <ChooseList /> }.into_any()
            } else {
                view! {
                    <p class="lead">"Choosing therapies is paused: your safety check found something that needs attention first."</p>
                    <div class="actions">
                        <a class="button primary" href=Route::Screening.href()>"See what to do now"</a>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// Filters, the ranked cards in two sections, and the summary.
#[component]
fn ChooseList() -> impl IntoView {
    let session = use_session();
    let intake = session.intake();
    let ranked = session.ranking();
    let filters = RwSignal::new(Filters::default());
    let budget_given = Memo::new(move |_| intake.with(budget));
    let condition_label = move || {
        intake.with(|i| {
            let id = condition_of(catalog(), i);
            catalog()
                .term(Vocab::Condition, &id)
                .map_or(id, |t| t.label.to_lowercase())
        })
    };
    let toggle = move |f: fn(&mut Filters) -> &mut bool| {
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            filters.update(|fl| *f(fl) = on);
        }
    };
    let sections = move || {
        let (therapies, supplements) = split(&ranked.get(), |id| {
            catalog().therapy(id).is_some_and(|t| t.supplement)
        });
        let s = session.screening().get_untracked();
        let i = intake.get_untracked();
        let condition = condition_of(catalog(), &i);
        let b = budget_given.get_untracked();
        let cards = |list: &[Ranked]| {
            list.iter()
                .filter_map(|r| {
                    let therapy = catalog().therapy(&r.therapy)?;
                    let findings = s.therapy(&r.therapy).map(|t| t.findings.clone()).unwrap_or_default();
                    Some(view! {
                        <TherapyCard ranked=r.clone() therapy=therapy findings=findings condition=condition.clone()
                            intake=i.clone() filters=filters.into() budget=b />
                    })
                })
                .collect_view()
        };
        let count = |list: Vec<Ranked>, noun: &'static str| {
            move || {
                let f = filters.get();
                let shown = list
                    .iter()
                    .filter_map(|r| catalog().therapy(&r.therapy))
                    .filter(|t| passes(t, f, b))
                    .count();
                showing_text(shown, list.len(), noun)
            }
        };
        view! {
            <section aria-labelledby="therapies-heading">
                <h2 id="therapies-heading">"Therapies"</h2>
                <p class="filter-count" role="status">{count(therapies.clone(), "therapies")}</p>
                <ul class="therapy-cards">{cards(&therapies)}</ul>
            </section>
            <section class="supplements" aria-labelledby="supplements-heading">
                <h2 id="supplements-heading">"Supplements — discuss with your clinician or pharmacist first"</h2>
                <p>"Herbs and supplements can interact with medicines, and the evidence that they ease pain is limited or indirect: "
                    "at most supportive self-care. They never get a schedule in your plan; your plan lists them to discuss."</p>
                <p class="filter-count" role="status">{count(supplements.clone(), "supplements")}</p>
                <ul class="therapy-cards">{cards(&supplements)}</ul>
            </section>
        }
    };
    view! {
        <p class="lead">
            "Ranked for you by safety, your preferences, the research for " {condition_label}
            ", and your time and budget. Add the ones you would like to try; you can change your mind at any time."
        </p>
        <fieldset class="filters">
            <legend>"Show only"</legend>
            <label class="filter-check">
                <input type="checkbox" prop:checked=move || filters.get().home_only
                    on:change=toggle(|f| &mut f.home_only) />
                "Things I can do at home"
            </label>
            <label class="filter-check">
                <input type="checkbox" prop:checked=move || filters.get().no_needles
                    on:change=toggle(|f| &mut f.no_needles) />
                "No needles"
            </label>
            <label class="filter-check">
                <input type="checkbox" prop:checked=move || filters.get().within_budget
                    disabled=move || budget_given.get().is_none()
                    aria-describedby="budget-hint"
                    on:change=toggle(|f| &mut f.within_budget) />
                "Within my budget"
            </label>
            <p class="hint" id="budget-hint">
                {move || match budget_given.get() {
                    Some(b) => format!("Your budget: {b} a month, compared with rough estimates at each therapy's usual pace."),
                    None => "You did not give a monthly budget, so this filter is off.".to_string(),
                }}
            </p>
        </fieldset>
        {sections}
        <ChoicesSummary />
        <ChoiceBar />
    }
}

/// The chosen therapies with their status in words, once there are any; the way on to the plan is the bar below.
#[component]
fn ChoicesSummary() -> impl IntoView {
    let session = use_session();
    let chosen = Memo::new(move |_| session.with(|s| s.selected.clone()));
    let list = move || {
        let ids = chosen.get();
        let s = session.screening().get();
        let items = ids
            .iter()
            .map(|id| {
                let status = s.status(id).map(status_label).unwrap_or("Unknown therapy");
                view! { <li><strong>{therapy_name(id)}</strong> " — " {status}</li> }
            })
            .collect_view();
        view! { <ul class="chosen-list">{items}</ul> }
    };
    // With nothing chosen the bar says so; the summary appears with the first choice.
    view! {
        <Show when=move || chosen.with(|c| !c.is_empty())>
            <section class="choices" aria-labelledby="choices-heading">
                <h2 id="choices-heading">
                    "Your choices " <span class="count">{move || format!("({})", chosen.with(Vec::len))}</span>
                </h2>
                {list}
            </section>
        </Show>
    }
}

/// The bar held at the bottom of the screen: how many are chosen and "Build my plan" (the view's only way on to the
/// plan), with a polite live region that announces each addition or removal and the new count.
#[component]
fn ChoiceBar() -> impl IntoView {
    let session = use_session();
    let chosen = Memo::new(move |_| session.with(|s| s.selected.clone()));
    let announcement = RwSignal::new(String::new());
    // The first run only records the choices the view opened with: only a change is announced.
    Effect::new(move |before: Option<Vec<String>>| {
        let after = chosen.get();
        if let Some(message) = before.and_then(|b| choice_announcement(&b, &after, therapy_name)) {
            announcement.set(message);
        }
        after
    });
    let go = move || {
        let n = chosen.with(Vec::len);
        if n == 0 {
            view! {
                <p class="choose-bar-note" id="choose-bar-note">
                    <strong>{chosen_words(0)} "."</strong> " Add a therapy first."
                </p>
                <button type="button" class="button choose-bar-go" aria-disabled="true"
                    aria-describedby="choose-bar-note">"Build my plan"</button>
            }
            .into_any()
        } else {
            view! {
                <a class="button primary choose-bar-go" href=Route::Plan.href()>
                    {chosen_words(n)} " · Build my plan"
                </a>
            }
            .into_any()
        }
    };
    view! {
        <div class="choose-bar" role="region" aria-label="Build your plan">
            {go}
            <p class="vh" role="status" aria-live="polite" aria-atomic="true">{move || announcement.get()}</p>
        </div>
    }
}

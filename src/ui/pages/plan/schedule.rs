//! The week grid (days × entries; a list on small screens) and each therapy's course with its editable frequency and days.

use super::changes::PlanEdits;
use super::consent::ConsentStatus;
use super::legend::WeekLegend;
use super::model::{
    is_adjusted, item_summary, per_week_range, reset, set_per_week, toggle_day, week_grid,
};
use crate::clinical::catalog::catalog;
use crate::clinical::plan::{Plan, PlanItem, WEEKDAYS};
use crate::clinical::screening::TherapyStatus;
use crate::ui::components::status::{therapy_name, StatusPill};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The weekly template as seven day columns.
#[component]
pub fn WeekGrid(
    /// The plan.
    plan: Memo<Plan>,
) -> impl IntoView {
    let days = move || {
        plan.with(week_grid)
            .into_iter()
            .map(|day| {
                let entries = if day.entries.is_empty() {
                    view! { <p class="rest">"Rest day"</p> }.into_any()
                } else {
                    let items = day
                        .entries
                        .into_iter()
                        .map(|e| {
                            view! {
                                <li class="entry" data-therapy=e.therapy.clone()
                                    class:home=e.kind == "Home practice">
                                    <span class="entry-name">{e.name}</span>
                                    <span class="entry-meta">{format!("{} · {} min", e.kind, e.minutes)}</span>
                                    {e.weeks.map(|w| view! { <span class="entry-weeks">{w}</span> })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul class="entries">{items}</ul> }.into_any()
                };
                let total = (day.minutes > 0).then(|| format!("{} min", day.minutes));
                view! {
                    <li class="day" data-weekday=day.weekday>
                        <h3 class="day-name">{day.name} <span class="day-total">{total}</span></h3>
                        {entries}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="week-section" aria-labelledby="week-heading">
            <h2 id="week-heading" tabindex="-1">"Your week"</h2>
            <p class="hint">"A typical week once everything has started; items starting later show their weeks."</p>
            <WeekLegend />
            <ol class="week">{days}</ol>
        </section>
    }
}

/// Every scheduled therapy: weeks, course, notes, and its frequency and days (editable, hidden in print).
#[component]
pub fn ItemList(
    /// The plan.
    plan: Memo<Plan>,
    /// How the frequency and day controls change the plan.
    edits: PlanEdits,
) -> impl IntoView {
    let ids = move || {
        plan.with(|p| {
            p.items
                .iter()
                .map(|i| i.therapy.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="items-heading">
            <h2 id="items-heading">"Therapies and when they start"</h2>
            <ol class="items">
                <For each=ids key=|id| id.clone() let:id>
                    <ItemRow plan=plan edits=edits id=id />
                </For>
            </ol>
        </section>
    }
}

/// One scheduled therapy; its controls stay in place while the plan updates, so focus is kept.
#[component]
fn ItemRow(
    /// The plan.
    plan: Memo<Plan>,
    /// How the controls change the plan.
    edits: PlanEdits,
    /// Therapy ID.
    id: String,
) -> impl IntoView {
    let session = use_session();
    let item: Memo<Option<PlanItem>> = {
        let id = id.clone();
        Memo::new(move |_| plan.with(|p| p.items.iter().find(|i| i.therapy == id).cloned()))
    };
    let Some(therapy) = catalog().therapy(&id) else {
        return ().into_any();
    };
    let name = therapy.name;
    let status = item.with_untracked(|i| i.as_ref().map(|i| i.status));
    let summary = move || item.with(|i| i.as_ref().map(item_summary));
    let note = move || {
        item.with(|i| {
            i.as_ref()
                .and_then(|i| i.note.clone())
                .map(|n| view! { <p class="item-note">{n}</p> })
        })
    };
    let course = item.with_untracked(|i| i.as_ref().map(|i| i.course.clone()));
    let bar = move || {
        item.with(|i| {
            i.as_ref()
                .map(|i| format!("bar from-{} to-{}", i.start_week, i.end_week))
        })
    };
    let t_id = StoredValue::new(id.clone());
    let adjusted =
        Memo::new(move |_| session.with(|s| t_id.with_value(|id| is_adjusted(&s.plan, id))));
    let frequency = per_week_range(therapy).map(|(lo, hi)| {
        let select_id = format!("per-week-{id}");
        if lo == hi {
            return view! { <p class="hint">{format!("{lo} a week: the usual course has a fixed pace.")}</p> }.into_any();
        }
        let options = (lo..=hi)
            .map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> })
            .collect_view();
        view! {
            <div class="freq-field">
                <label for=select_id.clone()>{format!("Times a week for {name}")}</label>
                <select id=select_id
                    prop:value=move || item.with(|i| i.as_ref().map(|i| i.per_week.to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<u8>() {
                            edits.edit(therapy.id, |p| set_per_week(p, therapy, n));
                        }
                    }>
                    {options}
                </select>
            </div>
        }
        .into_any()
    });
    let day_boxes = (0..7u8)
        .map(|d| {
            let full = WEEKDAYS[usize::from(d)];
            let short = &full[..3];
            view! {
                <label class="day-check">
                    <input type="checkbox" aria-label=full
                        prop:checked=move || item.with(|i| i.as_ref().is_some_and(|i| i.days.contains(&d)))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let planned = item.with_untracked(|i| i.as_ref().map(|i| i.days.clone()).unwrap_or_default());
                            t_id.with_value(|id| edits.edit(id, |p| toggle_day(p, id, &planned, d, on)));
                        } />
                    <span aria-hidden="true">{short}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <li class="item" data-therapy=id.clone()>
            <h3>{therapy_name(&id)} " " {status.map(|s| view! { <StatusPill status=s /> })}</h3>
            <div class="timeline" aria-hidden="true"><span class=bar></span></div>
            <p class="item-summary">{summary}</p>
            {course.map(|c| view! { <p class="course">"Usual course: " {c}</p> })}
            {note}
            <ConsentStatus therapy=therapy status=status.unwrap_or(TherapyStatus::Allowed) />
            <details class="adjust no-print">
                <summary>{format!("Change days or frequency for {}", therapy.name)}</summary>
                {frequency}
                <fieldset class="days">
                    <legend>{format!("Days for {}", therapy.name)}</legend>
                    <div class="day-checks">{day_boxes}</div>
                </fieldset>
                <Show when=move || adjusted.get()>
                    <button type="button" class="button" on:click=move |_| t_id.with_value(|id| edits.edit(id, |p| reset(p, id)))>
                        "Use the suggested days"
                    </button>
                </Show>
            </details>
        </li>
    }
    .into_any()
}

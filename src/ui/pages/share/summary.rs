//! The clinician summary as a page section: one printed page for a typical plan (two with progress), large type,
//! every status in words so it reads without colour, safety first. Its content is `summary_model`'s.

use super::summary_model::{ClinicianSummary, Item, ProgressPart, ScoreRow, TherapyRow};
use crate::clinical::review::summary::score;
use crate::ui::charts::{Axis, Frame};
use leptos::prelude::*;

/// Label–value rows as a description list.
fn items(list: Vec<Item>) -> impl IntoView {
    let rows = list
        .into_iter()
        .map(|i| view! { <div><dt>{i.label}</dt><dd>{i.value}</dd></div> })
        .collect_view();
    view! { <dl class="summary-items">{rows}</dl> }
}

fn score_table(rows: Vec<ScoreRow>) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|r| {
            view! {
                <tr><th scope="row">{r.instrument}</th><td>{r.value}</td><td>{r.band}</td><td>{r.when}</td></tr>
            }
        })
        .collect_view();
    view! {
        <table class="summary-table" data-table="summary-scores">
            <thead><tr><th scope="col">"Instrument"</th><th scope="col">"Score"</th><th scope="col">"Band"</th><th scope="col">"When"</th></tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

fn therapy_list(rows: Vec<TherapyRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>"No therapies chosen yet."</p> }.into_any();
    }
    let items = rows
        .into_iter()
        .map(|t| {
            let messages = t.messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view();
            view! {
                <li class="summary-therapy" data-status=t.status_id>
                    <p><strong>{t.name}</strong>": "<span class="summary-status">{t.status}</span></p>
                    <ul class="summary-messages">{messages}</ul>
                    <p class="summary-plan">{t.schedule}". "{t.consent}"."</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="summary-therapies" data-list="summary-therapies">{items}</ul> }.into_any()
}

/// A small PEG line over the check-ins, 0–10, with its values in the label.
fn sparkline(peg: &[f64]) -> impl IntoView {
    let frame = Frame {
        width: 240.0,
        height: 48.0,
        left: 2.0,
        right: 2.0,
        top: 2.0,
        bottom: 2.0,
        x: Axis {
            min: 0.0,
            max: (peg.len().max(2) - 1) as f64,
        },
        y: Axis {
            min: 0.0,
            max: 10.0,
        },
    };
    let points: Vec<(f64, f64)> = peg
        .iter()
        .enumerate()
        .map(|(k, v)| (k as f64, *v))
        .collect();
    let label = format!(
        "PEG at each check-in, 0 to 10: {}",
        peg.iter().map(|v| score(*v)).collect::<Vec<_>>().join(", ")
    );
    view! {
        <svg class="sparkline" role="img" aria-label=label viewBox="0 0 240 48" width="240" height="48">
            <path d=frame.line(&points) fill="none" stroke="currentColor" stroke-width="2" />
        </svg>
    }
}

fn progress(p: ProgressPart) -> impl IntoView {
    let spark = (p.peg.len() >= 2).then(|| sparkline(&p.peg));
    let sessions = (!p.sessions.is_empty()).then(|| {
        view! { <h4>"Sessions done"</h4> {items(p.sessions)} }
    });
    let effects = (!p.side_effects.is_empty()).then(|| {
        view! { <h4>"Side effects reported"</h4> {items(p.side_effects)} }
    });
    let notes = (!p.notes.is_empty()).then(|| {
        view! { <h4>"Notes"</h4> {items(p.notes)} }
    });
    view! {
        <section class="summary-part" aria-labelledby="summary-progress">
            <h3 id="summary-progress">"Progress since baseline"</h3>
            <p>{p.span}</p>
            {spark}
            {items(p.changes)}
            {sessions}
            {effects}
            {notes}
        </section>
    }
}

fn list(entries: Vec<String>, empty: &'static str) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    let li = entries
        .into_iter()
        .map(|e| view! { <li>{e}</li> })
        .collect_view();
    view! { <ul>{li}</ul> }.into_any()
}

/// The clinician summary, dated and versioned; `made_on` is the date in words.
#[component]
pub fn SummarySheet(
    /// What the summary says.
    summary: ClinicianSummary,
    /// The day it is made, in words.
    made_on: Signal<String>,
) -> impl IntoView {
    let ClinicianSummary {
        about,
        safety,
        scores,
        reported,
        therapies,
        supplements,
        questions,
        goals,
        progress: progress_part,
    } = summary;
    let supplements = (!supplements.is_empty()).then(|| {
        view! {
            <section class="summary-part" aria-labelledby="summary-supplements">
                <h3 id="summary-supplements">"Supplements"</h3>
                {items(supplements)}
            </section>
        }
    });
    view! {
        <article class="clinician-summary" aria-labelledby="summary-title" data-summary="clinician">
            <header class="summary-head">
                <h2 id="summary-title">"Care-plan summary for a clinician"</h2>
                <p class="summary-meta">
                    "Patient-reported, made with Mosaic " {env!("CARGO_PKG_VERSION")} " on " {move || made_on.get()}
                    ". Not a diagnosis: the answers are the person's own, and the safety check follows published rules."
                </p>
            </header>
            <section class="summary-part" aria-labelledby="summary-about">
                <h3 id="summary-about">"Who this is for"</h3>
                {items(about)}
            </section>
            <section class="summary-part summary-safety" aria-labelledby="summary-safety">
                <h3 id="summary-safety">"Safety"</h3>
                {items(safety)}
            </section>
            <section class="summary-part" aria-labelledby="summary-scores">
                <h3 id="summary-scores">"Scores"</h3>
                {score_table(scores)}
            </section>
            <section class="summary-part" aria-labelledby="summary-reported">
                <h3 id="summary-reported">"Reported"</h3>
                {items(reported)}
            </section>
            <section class="summary-part" aria-labelledby="summary-therapies">
                <h3 id="summary-therapies">"Chosen therapies"</h3>
                {therapy_list(therapies)}
            </section>
            {supplements}
            <section class="summary-part" aria-labelledby="summary-questions">
                <h3 id="summary-questions">"Questions the person wants to ask"</h3>
                {list(questions, "None listed.")}
            </section>
            <section class="summary-part" aria-labelledby="summary-goals">
                <h3 id="summary-goals">"Goals"</h3>
                {list(goals, "None shared.")}
            </section>
            {progress_part.map(progress)}
        </article>
    }
}

//! The progress view (`#/progress`): PEG, pain and sleep over the weeks, and sessions done against planned per
//! therapy. Each chart has a one-sentence summary above it and a visible table of the same numbers below it, so
//! nothing depends on seeing the drawing; the charts print as they are.

mod line_chart;
pub mod model;

use crate::clinical::catalog::catalog;
use crate::clinical::progress::baseline;
use crate::clinical::review::summary::{pain_summary, peg_summary, score};
use crate::clinical::review::{review, ReviewAt, TherapyReview};
use crate::ui::components::consent_text::date_words;
use crate::ui::route::Route;
use crate::ui::session::use_session;
use leptos::prelude::*;
use line_chart::{ChartPoint, Goalposts, LineChart};
use model::{pain_responder_line, peg_meaningful_line, rows, sleep_summary, Row};

/// The progress view.
#[component]
pub fn ProgressView() -> impl IntoView {
    let session = use_session();
    if session.is_kiosk() {
        return view! {
            <section class="view progress" aria-labelledby="view-heading">
                <h1 id="view-heading" tabindex="-1">"Your progress"</h1>
                <p class="lead">
                    "Progress is kept on your own device, not on this tablet. Take your plan home with the QR code."
                </p>
            </section>
        }
        .into_any();
    }
    let plan = session.plan();
    let body = move || {
        let (checkins, intake_peg) = session.with(|s| {
            (
                s.checkins.clone(),
                s.intake.pain.as_ref().and_then(|p| p.peg),
            )
        });
        if checkins.is_empty() {
            return view! {
                <p class="lead">
                    "Your progress appears here after your first weekly check-in: your scores over the weeks and "
                    "the sessions you managed."
                </p>
                <div class="actions">
                    <a class="button primary" href=Route::CheckIn(None).href()>"Check in now"</a>
                </div>
            }
            .into_any();
        }
        let table = rows(&checkins);
        let base = baseline(&checkins, intake_peg.as_ref());
        let adherence = plan
            .with(|p| {
                review(
                    catalog(),
                    &checkins,
                    intake_peg.as_ref(),
                    &p.items,
                    ReviewAt::Now,
                )
            })
            .therapies;
        view! {
            <p class="lead">
                "How your scores changed since you started, from your weekly check-ins. Lower scores are better. "
                "Take this to your clinician: it helps to decide what to keep and what to change."
            </p>
            <ScoreChart
                id="peg"
                title="PEG score (pain, enjoyment of life, activity)"
                name="PEG"
                summary=peg_summary(&checkins, intake_peg.as_ref())
                rows=table.clone()
                value=|r: &Row| r.peg
                goalposts=base.map(|b| Goalposts {
                    from: b.peg,
                    line: peg_meaningful_line(b.peg),
                    line_label: "Meaningful improvement",
                })
            />
            <ScoreChart
                id="pain"
                title="Pain on average in the past week"
                name="Pain"
                summary=pain_summary(&checkins, intake_peg.as_ref())
                rows=table.clone()
                value=|r: &Row| r.pain.map(f64::from)
                goalposts=base.map(|b| Goalposts {
                    from: b.pain,
                    line: pain_responder_line(b.pain),
                    line_label: "Real improvement",
                })
            />
            <ScoreChart
                id="sleep"
                title="Sleep quality (0 best, 10 worst)"
                name="Sleep"
                summary=sleep_summary(&table)
                rows=table.clone()
                value=|r: &Row| r.sleep.map(f64::from)
                goalposts=None
            />
            <ScoresTable rows=table />
            <Sessions therapies=adherence />
        }
        .into_any()
    };
    view! {
        <section class="view progress" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"Your progress"</h1>
            {body}
            <div class="actions no-print">
                <a class="button primary" href=Route::CheckIn(None).href()>"Check in now"</a>
                <a class="button" href=Route::Plan.href()>"See my plan"</a>
                <button type="button" on:click=move |_| {
                    let _ = window().print();
                }>"Print my progress"</button>
            </div>
        </section>
    }
    .into_any()
}

/// "Week 3, 15 March 2026".
fn when(r: &Row) -> String {
    format!("Week {}, {}", r.week, date_words(&r.date))
}

/// One score's chart with its summary (its numbers are in the scores table).
#[component]
fn ScoreChart(
    id: &'static str,
    title: &'static str,
    name: &'static str,
    summary: String,
    rows: Vec<Row>,
    value: fn(&Row) -> Option<f64>,
    goalposts: Option<Goalposts>,
) -> impl IntoView {
    let measured: Vec<(&Row, f64)> = rows.iter().filter_map(|r| Some((r, value(r)?))).collect();
    let points: Vec<ChartPoint> = measured
        .iter()
        .map(|(r, v)| ChartPoint {
            at: r.at,
            value: *v,
            label: format!("{}: {name} {}", when(r), score(*v)),
        })
        .collect();
    let heading_id = format!("{id}-heading");
    let chart = (!points.is_empty()).then(|| match goalposts {
        Some(g) => view! { <LineChart id=id name=name points=points goalposts=g /> }.into_any(),
        None => view! { <LineChart id=id name=name points=points /> }.into_any(),
    });
    view! {
        <section class="chart-block" aria-labelledby=heading_id.clone() data-chart=id>
            <h2 id=heading_id.clone()>{title}</h2>
            <p class="chart-summary" data-summary=id>{summary}</p>
            {chart}
            <p class="chart-note">"The numbers are in the table \u{201c}Your scores by check-in\u{201d} below."</p>
        </section>
    }
}

/// Sessions done against planned per therapy, as bars and as a table.
#[component]
fn Sessions(therapies: Vec<TherapyReview>) -> impl IntoView {
    let name = |id: &str| {
        catalog()
            .therapy(id)
            .map_or(id.to_string(), |t| t.name.to_string())
    };
    let (done, planned) = therapies.iter().fold((0, 0), |(d, p), t| {
        (d + t.adherence.done, p + t.adherence.planned)
    });
    let summary = if planned == 0 {
        "No sessions were planned in the weeks you checked in yet.".to_string()
    } else {
        format!(
            "You did {done} of the {planned} sessions planned in the weeks you checked in ({}\u{a0}%).",
            (u64::from(done) * 100 + u64::from(planned) / 2) / u64::from(planned)
        )
    };
    let most = therapies
        .iter()
        .map(|t| t.adherence.done.max(t.adherence.planned))
        .max()
        .unwrap_or(1)
        .max(1);
    // Drawn in SVG: the Content-Security-Policy allows no style attributes.
    let width = |n: u32| format!("{:.1}", f64::from(n) / f64::from(most) * 100.0);
    let bars = therapies
        .iter()
        .map(|t| {
            let a = t.adherence;
            view! {
                <li class="bar-row">
                    <span class="bar-name">{name(&t.therapy)}</span>
                    <svg class="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                        <rect class="bar-planned" x="0" y="0" height="10" width=width(a.planned) />
                        <rect class="bar-done" x="0" y="2" height="6" width=width(a.done) />
                    </svg>
                    <span class="bar-value">{format!("{} of {}", a.done, a.planned)}</span>
                </li>
            }
        })
        .collect_view();
    let table_rows = therapies
        .iter()
        .map(|t| {
            view! {
                <tr>
                    <th scope="row">{name(&t.therapy)}</th>
                    <td>{t.adherence.done}</td>
                    <td>{t.adherence.planned}</td>
                    <td>{format!("{} of {}", t.adherence.weeks_checked_in, t.adherence.weeks)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="chart-block" aria-labelledby="sessions-heading" data-chart="sessions">
            <h2 id="sessions-heading">"Sessions done and planned"</h2>
            <p class="chart-summary" data-summary="sessions">{summary}</p>
            <ul class="bars" aria-hidden="true">{bars}</ul>
            // A table wider than a narrow screen scrolls inside its own box, never the page (WCAG 1.4.10); the box
            // takes focus so a keyboard can scroll it.
            <div class="table-scroll" role="region" aria-label="Sessions by therapy, scrollable" tabindex="0">
            <table class="chart-table" data-table="sessions">
                <caption>"Sessions by therapy"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Therapy"</th>
                        <th scope="col">"Done"</th>
                        <th scope="col">"Planned"</th>
                        <th scope="col">"Weeks checked in"</th>
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
            </div>
        </section>
    }
}

/// Every check-in's scores in one table, the alternative to the three charts.
/// One table rather than one per chart keeps three years of weekly check-ins within the view's render budget.
#[component]
fn ScoresTable(rows: Vec<Row>) -> impl IntoView {
    let cell = |v: Option<f64>| v.map_or_else(|| "\u{2013}".to_string(), score);
    let body = rows
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{date_words(&r.date)}</th>
                    <td>{r.week}</td>
                    <td>{cell(r.peg)}</td>
                    <td>{cell(r.pain.map(f64::from))}</td>
                    <td>{cell(r.sleep.map(f64::from))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="chart-block" aria-labelledby="scores-heading">
            <h2 id="scores-heading">"Your scores by check-in"</h2>
            <p class="hint no-print">
                "To see or change a check-in, open it from the list on the "
                <a href=Route::CheckIn(None).href()>"weekly check-in"</a>" page."
            </p>
            // A table wider than a narrow screen scrolls inside its own box, never the page (WCAG 1.4.10); the box
            // takes focus so a keyboard can scroll it.
            <div class="table-scroll" role="region" aria-label="Your scores by check-in, scrollable" tabindex="0">
            <table class="chart-table" data-table="scores">
                <caption>"Your scores by check-in (lower is better; a dash: not answered)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Date"</th>
                        <th scope="col">"Week"</th>
                        <th scope="col">"PEG"</th>
                        <th scope="col">"Pain"</th>
                        <th scope="col">"Sleep"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
            </div>
        </section>
    }
}

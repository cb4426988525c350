//! The screening view (`#/screening`): what to do now when a red flag fired, otherwise a calm summary of notices,
//! alerts and scores; every outcome also lists each therapy's safety status for the clinician.

pub mod model;

use crate::clinical::intake::Intake;
use crate::clinical::screening::{Alert, Finding, Notice, Outcome, Screening};
use crate::ui::components::status::{
    outcome_id, therapy_name, FindingList, SafetyByTherapy, StatusPill,
};
use crate::ui::kiosk::use_kiosk;
use crate::ui::pages::intake::mood::SelfHarmQuestion;
use crate::ui::route::{Route, Step};
use crate::ui::state::use_app;
use leptos::prelude::*;
use model::{
    change_step, crisis_line, group_flags, heading, notice_title, score_lines, status_counts,
};

/// The screening view.
#[component]
pub fn ScreeningView() -> impl IntoView {
    let app = use_app();
    let crisis = Memo::new(move |_| app.state.with(|s| s.settings.crisis_line.clone()));
    let empty = Memo::new(move |_| app.state.with(|s| s.intake == Intake::default()));
    move || {
        let s = app.screening.get();
        let outcome = s.outcome;
        let body = if outcome == Outcome::Proceed {
            view! { <ProceedSummary screening=s.clone() empty=empty.get() /> }.into_any()
        } else {
            view! { <StopNow screening=s.clone() line=crisis.get() /> }.into_any()
        };
        // A stop before the mood step must not skip the self-harm question: crisis outranks urgent.
        let ask_self_harm = matches!(outcome, Outcome::Urgent | Outcome::OutOfScope)
            && app.with_intake(|i| i.mood.and_then(|m| m.self_harm).is_none());
        view! {
            <section class=format!("view screening outcome-{}", outcome_id(outcome))
                aria-labelledby="view-heading" data-outcome=outcome_id(outcome)>
                <h1 id="view-heading" tabindex="-1">{heading(outcome)}</h1>
                {body}
                {ask_self_harm.then(|| view! {
                    <section class="card self-harm-check" aria-labelledby="one-more">
                        <h2 id="one-more">"One more question, asked of everyone"</h2>
                        <p>"Long-term pain can be very hard to live with, and help is there. If your answer is anything other than “Not at all”, this page will show you where to find support today."</p>
                        <SelfHarmQuestion />
                    </section>
                })}
                <SafetyByTherapy therapies=s.therapies.clone() />
            </section>
        }
    }
}

/// Emergency, crisis, urgent or out of scope: what to do now, why, and a way to correct a mistaken answer.
#[component]
fn StopNow(
    /// The screening result (outcome is not `Proceed`).
    screening: Screening,
    /// The crisis line configured in settings (may be empty).
    line: String,
) -> impl IntoView {
    let outcome = screening.outcome;
    // On a clinic kiosk the clinic's own instruction comes first (RELIABILITY §3, SOURCES §3.3).
    let front_desk = use_kiosk().map(|k| {
        k.config
            .with_untracked(|c| c.front_desk_or_default().to_string())
    });
    let clinic =
        front_desk.map(|text| view! { <p class="now-first clinic"><strong>{text}</strong></p> });
    let now = match outcome {
        Outcome::Emergency => view! {
            <p class="now-first"><strong>"Call your local emergency number now"</strong>
                " (911 in the US, 112 in Europe, 999 in the UK), or go to the nearest emergency department."</p>
            <p>"Do not start any new therapy. If you are not alone, ask someone to stay with you."</p>
        }
        .into_any(),
        Outcome::Crisis => view! {
            <p class="now-first"><strong>"Contact " {crisis_line(&line)} " now."</strong></p>
            <p>"In the US, call or text " <strong>"988"</strong> " (Suicide & Crisis Lifeline), any time of day."</p>
            <p>"If you might act on these thoughts, call your local emergency number. You do not have to go through this alone."</p>
        }
        .into_any(),
        Outcome::Urgent => view! {
            <p class="now-first"><strong>"Contact a clinician within a day or two — today if you can."</strong></p>
            <p>"Do not start a new therapy until you have been seen. If things suddenly get worse, call your local emergency number."</p>
        }
        .into_any(),
        _ => view! {
            <p class="now-first"><strong>"Please talk with a clinician about your pain."</strong></p>
            <p>"You have done nothing wrong by trying Mosaic. It is made for adults, so its suggestions may not suit you. "
                "Your doctor, a school or college nurse, or a young people's health service can plan care that fits you."</p>
        }
        .into_any(),
    };
    let groups = group_flags(&screening.flags)
        .into_iter()
        .map(|(action, reasons)| {
            let reasons = reasons.into_iter().map(reason_item).collect_view();
            view! {
                <li class="flag">
                    <p class="flag-action"><strong>{action}</strong></p>
                    <ul class="flag-reasons">{reasons}</ul>
                </li>
            }
        })
        .collect_view();
    let change = Route::Intake(change_step(outcome)).href();
    view! {
        <div class="callout now" role="note" aria-labelledby="now-heading">
            <h2 id="now-heading">"What to do now"</h2>
            {clinic}
            {now}
        </div>
        <section aria-labelledby="why-heading">
            <h2 id="why-heading">"Why we are saying this"</h2>
            <ul class="flags">{groups}</ul>
            <p>"Mosaic does not build a plan or suggest therapies until this has been looked at. Your answers are kept on this device."</p>
        </section>
        <div class="actions">
            <a class="button" href=change>"Change an answer"</a>
            <span class="hint">"If you chose an answer by mistake, you can correct it."</span>
        </div>
    }
}

/// One reason (a flag's finding) with its source in a disclosure.
fn reason_item(f: Finding) -> impl IntoView {
    view! {
        <li data-rule=f.rule.clone()>
            <p>{f.message}</p>
            <details class="sources">
                <summary>"Source"</summary>
                <p>{f.source}</p>
            </details>
        </li>
    }
}

/// Proceed: notices, alerts, scores, the therapy tally and the way on to choosing therapies.
#[component]
fn ProceedSummary(
    /// The screening result (outcome `Proceed`).
    screening: Screening,
    /// Whether nothing has been answered yet.
    empty: bool,
) -> impl IntoView {
    if empty {
        return view! {
            <p class="lead">"You have not answered any questions yet, so there is nothing to check."</p>
            <div class="actions">
                <a class="button primary" href=Route::Intake(Step::Pain).href()>"Start the questions"</a>
            </div>
        }
        .into_any();
    }
    let notices = (!screening.notices.is_empty()).then(|| notices_section(&screening.notices));
    let alerts = (!screening.alerts.is_empty()).then(|| alerts_section(&screening.alerts));
    let scores = score_lines(&screening.scores)
        .into_iter()
        .map(|l| {
            view! {
                <div class="score">
                    <dt>{l.name}</dt>
                    <dd><strong>{l.value}</strong><span class="score-meaning">{l.meaning}</span></dd>
                </div>
            }
        })
        .collect_view();
    let total = screening.therapies.len();
    let counts = status_counts(&screening.therapies)
        .into_iter()
        .map(|(s, n)| view! { <li><span class="tally-n">{n}</span> <StatusPill status=s /></li> })
        .collect_view();
    view! {
        <p class="lead">"No warning signs came up that need care first. Here is what we found; next you can choose therapies."</p>
        {notices}
        {alerts}
        <section aria-labelledby="scores-heading">
            <h2 id="scores-heading">"Your scores in plain words"</h2>
            <dl class="scores">{scores}</dl>
        </section>
        <section aria-labelledby="tally-heading">
            <h2 id="tally-heading">"Therapies checked against your answers"</h2>
            <p>"We checked " {total} " therapies and supplements. Each one's reasons are on the next page."</p>
            <ul class="tally">{counts}</ul>
        </section>
        <div class="actions">
            <a class="button primary" href=Route::Choose.href()>"Choose therapies"</a>
            <a class="button" href=Route::Intake(Step::Pain).href()>"Review my answers"</a>
        </div>
    }
    .into_any()
}

/// The notices, each with a title, its message and its source.
fn notices_section(notices: &[Notice]) -> impl IntoView {
    let items = notices
        .iter()
        .map(|n| {
            view! {
                <li class="notice" data-notice=n.id.clone()>
                    <h3>{notice_title(&n.id)}</h3>
                    <p>{n.finding.message.clone()}</p>
                    <details class="sources">
                        <summary>"Source"</summary>
                        <p>{n.finding.source.clone()}</p>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="notices-heading">
            <h2 id="notices-heading">"Worth knowing"</h2>
            <ul class="notices">{items}</ul>
        </section>
    }
}

/// Supplements already taken that need a conversation before continuing.
fn alerts_section(alerts: &[Alert]) -> impl IntoView {
    let items = alerts
        .iter()
        .map(|a| {
            view! {
                <li class="alert-item" data-supplement=a.supplement.clone()>
                    <h3>{therapy_name(&a.supplement)} " " <StatusPill status=a.status /></h3>
                    <FindingList findings=a.findings.clone() />
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="callout caution-box" aria-labelledby="alerts-heading">
            <h2 id="alerts-heading">"Supplements you already take"</h2>
            <p><strong>"Talk to your clinician or pharmacist before continuing these."</strong></p>
            <ul class="alerts">{items}</ul>
        </section>
    }
}

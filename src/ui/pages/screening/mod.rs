//! The screening view (`#/screening`): what to do now when a red flag fired, otherwise a calm summary of notices,
//! alerts and scores; every outcome also lists each therapy's safety status for the clinician.

pub mod model;

use crate::clinical::intake::Intake;
use crate::clinical::rules::{rule_book, NoticeOffer};
use crate::clinical::screening::{Alert, Notice, Outcome, Screening};
use crate::ui::components::self_harm::SelfHarmQuestion;
use crate::ui::components::sources::WhereFrom;
use crate::ui::components::status::{
    outcome_id, therapy_name, FindingList, SafetyByTherapy, StatusPill,
};
use crate::ui::components::stop::{heading, CrisisResources, StopNow};
use crate::ui::route::{Route, Step};
use crate::ui::session::use_session;
use leptos::prelude::*;
use model::{notice_title, safety_answers_missing, score_lines, status_counts};

/// Where "How Mosaic checks safety" lives: the rule book in words.
const SAFETY_RULES_HREF: &str = "#/safety-rules";

/// The screening view.
#[component]
pub fn ScreeningView() -> impl IntoView {
    let session = use_session();
    let crisis = Memo::new(move |_| session.with(|s| s.settings.crisis_line.clone()));
    let empty = Memo::new(move |_| session.with(|s| s.intake == Intake::default()));
    move || {
        let s = session.screening().get();
        let outcome = s.outcome;
        let body = if outcome == Outcome::Proceed {
            let (missing, symptoms_missing) =
                session.with_intake(|i| (safety_answers_missing(&s, i), i.symptoms.is_none()));
            view! {
                <ProceedSummary screening=s.clone() empty=empty.get() missing=missing
                    symptoms_missing=symptoms_missing line=crisis.get() />
            }
            .into_any()
        } else {
            view! { <StopNow screening=s.clone() line=crisis.get() /> }.into_any()
        };
        // A stop before the mood step must not skip the self-harm question: crisis outranks urgent.
        let ask_self_harm = matches!(outcome, Outcome::Urgent | Outcome::OutOfScope)
            && session.with_intake(|i| i.mood.and_then(|m| m.self_harm).is_none());
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
                <p class="safety-rules-link">
                    <a href=SAFETY_RULES_HREF>"How Mosaic checks safety"</a>
                    " \u{2014} every safety rule in plain words, with its source."
                </p>
            </section>
        }
    }
}

/// Proceed: notices, alerts, scores, the therapy tally and the way on to choosing therapies.
#[component]
fn ProceedSummary(
    /// The screening result (outcome `Proceed`).
    screening: Screening,
    /// Whether nothing has been answered yet.
    empty: bool,
    /// Whether any safety answer is unknown (see [`model::safety_answers_missing`]).
    missing: bool,
    /// Whether the red-flag questions were never answered.
    symptoms_missing: bool,
    /// The crisis line configured in settings (may be empty), for the `self_harm_unknown` notice.
    line: String,
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
    let notices =
        (!screening.notices.is_empty()).then(|| notices_section(&screening.notices, &line));
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
    // Never "no warning signs" while a safety answer is unknown: an unasked question cannot rule anything out.
    let lead = if missing {
        view! {
            <p class="lead missing-answers">
                <strong>"Some safety answers are missing."</strong>
                " Mosaic could only check the answers you gave, so a warning sign or a reason to avoid a therapy may not have shown up. "
                "Each missing answer is listed below with what it means for you."
            </p>
        }
        .into_any()
    } else {
        view! {
            <p class="lead">"No warning signs came up that need care first. Here is what we found; next you can choose therapies."</p>
        }
        .into_any()
    };
    let symptoms = symptoms_missing.then(|| {
        view! {
            <div class="callout caution-box" role="note" aria-labelledby="symptoms-missing-heading">
                <h2 id="symptoms-missing-heading">"The safety questions were not answered"</h2>
                <p>"Without them Mosaic cannot tell whether a symptom needs a doctor before any new therapy."</p>
                <p><a href=Route::Intake(Step::Safety).href()>"Answer the safety questions"</a></p>
            </div>
        }
    });
    view! {
        {lead}
        {symptoms}
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

/// What a notice offers beside its message, as its rule's `offer` in the data says: crisis support (for an
/// unanswered self-harm question, RULES §4.1) or the way back to the health questions.
fn notice_extra(id: &str, line: &str) -> Option<AnyView> {
    match rule_book().notice(id)?.offer? {
        NoticeOffer::CrisisResources => Some(
            view! {
                <div class="crisis-resources" role="note" aria-label="Where to find support now">
                    <CrisisResources line=line.to_string() />
                </div>
            }
            .into_any(),
        ),
        NoticeOffer::AnswerHealthQuestions => Some(
            view! { <p><a href=Route::Intake(Step::Health).href()>"Answer the health questions"</a></p> }
                .into_any(),
        ),
    }
}

/// The notices, each with a title from the rule book, its message, anything it offers and its source.
fn notices_section(notices: &[Notice], line: &str) -> impl IntoView {
    let items = notices
        .iter()
        .map(|n| {
            view! {
                <li class="notice" data-notice=n.id.clone()>
                    <h3>{notice_title(&n.id)}</h3>
                    <p>{n.finding.message.clone()}</p>
                    {notice_extra(&n.id, line)}
                    <WhereFrom sources=vec![n.finding.source.clone()] />
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

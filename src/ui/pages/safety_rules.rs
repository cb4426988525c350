//! "How Mosaic checks safety" (`#/safety-rules`): the whole rule book in words, rendered from the compiled rules
//! ([`rule_book_text`]), so a person or their clinician can see every rule, what it does and where it comes from.
//! It shows rules only; nothing here reads the person's answers.

use crate::clinical::rule_text::{
    rule_book_text, BookText, DerivedText, FlagText, NoticeText, Piece, TherapyRuleText,
    TherapyText, Words,
};
use crate::ui::components::status::status_id;
use crate::ui::route::Route;
use leptos::prelude::*;

/// Where "Back" leads and what it says: the view the person came from, or the start when the page was opened by
/// its address (or from a page that no longer exists).
fn back_target(from: Option<&Route>) -> (String, String) {
    match from {
        Some(
            r @ (Route::Intake(_)
            | Route::Screening
            | Route::Choose
            | Route::Plan
            | Route::Settings
            | Route::Shared(_)),
        ) => (r.href(), format!("Back to {}", r.name())),
        _ => (Route::Welcome.href(), "Back to the start".to_string()),
    }
}

/// Words with the catalog's labels emphasised.
fn words(w: &Words) -> impl IntoView {
    w.0.iter()
        .map(|p| match p {
            Piece::Text(t) => t.clone().into_any(),
            Piece::Term(l) => view! { <em>{*l}</em> }.into_any(),
        })
        .collect_view()
}

/// The rule book in words.
#[component]
pub fn SafetyRulesView(
    /// The view the person came from, for the "Back" link; `None` when the page was opened by its address.
    from: Option<Route>,
) -> impl IntoView {
    let book: BookText = rule_book_text();
    let (back_href, back_text) = back_target(from.as_ref());
    let bottom_back = (back_href.clone(), back_text.clone());
    view! {
        <section class="view safety-rules" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"How Mosaic checks safety"</h1>
            <p class="back-link"><a href=back_href>{back_text}</a></p>
            <p class="lead">
                "Mosaic checks your answers against a fixed set of safety rules. This page lists every one of them "
                "in plain words, with where each comes from, so that you or your clinician can see exactly what "
                "Mosaic does. It shows the rules, not your results."
            </p>
            <section class="card" aria-labelledby="rules-how">
                <h2 id="rules-how">"How the rules work"</h2>
                <ul>
                    <li>"Some answers count as another answer too: for example, a transplant medicine counts as a weakened immune system."</li>
                    <li>"Red flags decide what to do first. From most to least serious: emergency, crisis, urgent, out of scope, and go ahead. The most serious one wins, and only “go ahead” leads to a plan."</li>
                    <li>"Notices never stop a plan; they tell you something to know or do."</li>
                    <li>"Each therapy gets a status. From most to least serious: blocked, clearance required (ask your clinician first), caution, and allowed. The most serious rule that applies wins, and you see the message of every rule that applies."</li>
                    <li><strong>"A question you did not answer is never taken as “no”."</strong>" Rules that treat a skipped question as a risk say so."</li>
                </ul>
            </section>
            <DerivedSection derived=book.derived />
            <FlagSection flags=book.flags />
            <NoticeSection notices=book.notices />
            <TherapySection therapies=book.therapies />
            <p class="back-link"><a href=bottom_back.0>{bottom_back.1}</a></p>
        </section>
    }
}

/// Facts implied by other answers.
#[component]
fn DerivedSection(
    /// The derived facts, in rule-book order.
    derived: Vec<DerivedText>,
) -> impl IntoView {
    let items = derived
        .into_iter()
        .map(|d| {
            view! {
                <li class="rule" data-rule=d.id>
                    <p><strong class="rule-id">{d.id}</strong></p>
                    <p>{words(&d.sentence)}", because "{d.because}"."</p>
                    <p class="source">"Source: "{d.source}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="rules-section" aria-labelledby="rules-derived">
            <h2 id="rules-derived">"Answers that count as another answer"</h2>
            <p>"These are applied before any rule, and behave exactly like the answer they stand for."</p>
            <ul class="rule-list">{items}</ul>
        </section>
    }
}

/// One labelled field of a rule.
#[component]
fn Field(
    /// The field's name, e.g. "When".
    name: &'static str,
    children: Children,
) -> impl IntoView {
    view! { <div><dt>{name}</dt><dd>{children()}</dd></div> }
}

/// Plan-level red flags.
#[component]
fn FlagSection(
    /// The red flags, in rule-book order.
    flags: Vec<FlagText>,
) -> impl IntoView {
    let items = flags
        .into_iter()
        .map(|f| {
            view! {
                <li class="rule" data-rule=f.id>
                    <h3 class="rule-id">{f.id}</h3>
                    <dl class="rule-fields">
                        <Field name="Outcome">{f.outcome_words}</Field>
                        <Field name="When">{words(&f.when)}</Field>
                        <Field name="Message">{f.message}</Field>
                        <Field name="What to do">{f.action}</Field>
                        <Field name="Source"><span class="source">{f.source}</span></Field>
                    </dl>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="rules-section" aria-labelledby="rules-flags">
            <h2 id="rules-flags">"Red flags"</h2>
            <p>"Each red flag leads to an outcome for the whole plan."</p>
            <ul class="rule-list">{items}</ul>
        </section>
    }
}

/// Plan-level notices.
#[component]
fn NoticeSection(
    /// The notices, in rule-book order.
    notices: Vec<NoticeText>,
) -> impl IntoView {
    let items = notices
        .into_iter()
        .map(|n| {
            view! {
                <li class="rule" data-rule=n.id>
                    <h3>{n.title}</h3>
                    <dl class="rule-fields">
                        <Field name="Notice"><code>{n.id}</code></Field>
                        <Field name="When">{words(&n.when)}</Field>
                        <Field name="Message">{n.message}</Field>
                        <Field name="Source"><span class="source">{n.source}</span></Field>
                    </dl>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="rules-section" aria-labelledby="rules-notices">
            <h2 id="rules-notices">"Notices"</h2>
            <p>"Notices never stop a plan."</p>
            <ul class="rule-list">{items}</ul>
        </section>
    }
}

/// "1 rule" or "n rules".
fn rule_count(n: usize) -> String {
    match n {
        0 => "no rules".to_string(),
        1 => "1 rule".to_string(),
        n => format!("{n} rules"),
    }
}

/// Every therapy with its rules, each in a disclosure so the long list stays easy to move through.
#[component]
fn TherapySection(
    /// Every therapy with its rules, in report order.
    therapies: Vec<TherapyText>,
) -> impl IntoView {
    let items = therapies
        .into_iter()
        .map(|t| {
            let count = rule_count(t.rules.len());
            let body = if t.rules.is_empty() {
                view! { <p class="hint">"No therapy rule applies: it is allowed for everyone. The red flags and notices still apply."</p> }
                    .into_any()
            } else {
                let rules = t.rules.into_iter().map(|r| view! { <TherapyRule rule=r /> }).collect_view();
                view! { <ul class="rule-list">{rules}</ul> }.into_any()
            };
            view! {
                <li>
                    <details class="therapy-rules" data-therapy=t.id>
                        <summary>{t.name}<span class="rule-count">" — "{count}</span></summary>
                        {body}
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="rules-section" aria-labelledby="rules-therapies">
            <h2 id="rules-therapies">"Rules for each therapy"</h2>
            <p>
                "Open a therapy to see every rule that applies to it, most serious first, including rules it shares "
                "with related therapies. A therapy no rule applies to is allowed."
            </p>
            <ul class="therapy-list">{items}</ul>
        </section>
    }
}

/// One therapy rule as it applies to one therapy.
#[component]
fn TherapyRule(
    /// The rule, as it applies to this therapy.
    rule: TherapyRuleText,
) -> impl IntoView {
    let applies = rule
        .applies
        .map(|a| view! { <Field name="Applies because">{words(&a)}</Field> });
    view! {
        <li class="rule" data-rule=rule.id>
            <p class="rule-head">
                <strong class="rule-id">{rule.id}</strong>" "
                <span class=format!("pill pill-{}", status_id(rule.status))>{rule.status_words}</span>
            </p>
            <dl class="rule-fields">
                {applies}
                <Field name="When">{words(&rule.when)}</Field>
                <Field name="Message">{rule.message}</Field>
                <Field name="Source"><span class="source">{rule.source}</span></Field>
            </dl>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::route::Step;

    #[test]
    fn back_goes_to_the_view_the_person_came_from() {
        assert_eq!(
            back_target(Some(&Route::Screening)),
            (
                "#/screening".to_string(),
                "Back to Safety check".to_string()
            )
        );
        assert_eq!(
            back_target(Some(&Route::Intake(Step::Health))),
            (
                "#/intake/health".to_string(),
                "Back to Your health".to_string()
            )
        );
    }

    #[test]
    fn back_goes_to_the_start_when_opened_directly() {
        let start = ("#/".to_string(), "Back to the start".to_string());
        assert_eq!(back_target(None), start);
        assert_eq!(back_target(Some(&Route::Welcome)), start);
        assert_eq!(back_target(Some(&Route::SafetyRules)), start);
        assert_eq!(back_target(Some(&Route::NotFound("/x".into()))), start);
    }

    #[test]
    fn rule_counts_read_naturally() {
        assert_eq!(rule_count(0), "no rules");
        assert_eq!(rule_count(1), "1 rule");
        assert_eq!(rule_count(7), "7 rules");
    }
}

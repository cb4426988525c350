//! Words for outcomes and therapy statuses (never colour alone), the status pill, and the per-therapy safety list.

use crate::clinical::catalog::catalog;
use crate::clinical::screening::{Finding, Outcome, TherapyScreening, TherapyStatus};
use crate::ui::components::sources::{readable_all, WhereFrom};
use leptos::prelude::*;

/// The snake_case ID of an outcome, as in RULES §1.8 (used in `data-outcome`).
pub fn outcome_id(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Emergency => "emergency",
        Outcome::Crisis => "crisis",
        Outcome::Urgent => "urgent",
        Outcome::OutOfScope => "out_of_scope",
        Outcome::Proceed => "proceed",
    }
}

/// The snake_case ID of a therapy status, as in RULES §1.8 (used in `data-status`).
pub fn status_id(status: TherapyStatus) -> &'static str {
    match status {
        TherapyStatus::Blocked => "blocked",
        TherapyStatus::ClearanceRequired => "clearance_required",
        TherapyStatus::Caution => "caution",
        TherapyStatus::Allowed => "allowed",
    }
}

/// Short words for a status, shown in the pill.
pub fn status_label(status: TherapyStatus) -> &'static str {
    match status {
        TherapyStatus::Blocked => "Not safe for you",
        TherapyStatus::ClearanceRequired => "Needs your clinician's approval",
        TherapyStatus::Caution => "Take care",
        TherapyStatus::Allowed => "No safety concerns found",
    }
}

/// A therapy's display name, or its ID when the catalog does not know it.
pub fn therapy_name(id: &str) -> String {
    catalog().therapy_name(id)
}

/// The distinct sources of some findings, in order of first appearance.
pub fn distinct_sources(findings: &[Finding]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in findings {
        if !out.contains(&f.source) {
            out.push(f.source.clone());
        }
    }
    out
}

/// Why a rule applies when it fired only through facts implied by other answers (RULES §4.2), as one
/// sentence: "This applies because you take a transplant medicine, which lowers the body's defences."
pub fn because_sentence(because: &[String]) -> Option<String> {
    (!because.is_empty())
        .then(|| format!("This applies because {}.", because.join(", and because ")))
}

/// A finding's message followed, when it applies through an implied fact, by the reason in words. The one
/// place findings are worded, so every list (flags, therapies, supplements, cards) explains them alike.
#[component]
pub fn FindingText(
    /// The finding to word.
    finding: Finding,
) -> impl IntoView {
    let because =
        because_sentence(&finding.because).map(|b| view! { " " <span class="because">{b}</span> });
    view! { {finding.message} {because} }
}

/// A pill naming a status in words.
#[component]
pub fn StatusPill(
    /// The status to show.
    status: TherapyStatus,
) -> impl IntoView {
    view! { <span class=format!("pill pill-{}", status_id(status))>{status_label(status)}</span> }
}

/// Every message of some findings as a list, with their sources in a disclosure.
#[component]
pub fn FindingList(
    /// The findings to list, most severe first.
    findings: Vec<Finding>,
) -> impl IntoView {
    let sources = distinct_sources(&findings);
    let items = findings
        .into_iter()
        .map(|f| view! { <li><FindingText finding=f /></li> })
        .collect_view();
    view! {
        <ul class="findings">{items}</ul>
        <WhereFrom sources=sources />
    }
}

/// The collapsed per-therapy safety list for clinicians: every therapy with its status and reasons.
#[component]
pub fn SafetyByTherapy(
    /// Every therapy's screened status, in catalog order.
    therapies: Vec<TherapyScreening>,
) -> impl IntoView {
    let rows = therapies
        .into_iter()
        .map(|t| {
            let reasons = if t.findings.is_empty() {
                view! { <p class="hint">"No safety rule applies."</p> }.into_any()
            } else {
                let items = t
                    .findings
                    .iter()
                    .map(|f| {
                        view! {
                            <li><FindingText finding=f.clone() /><span class="source">" Source: "{readable_all([f.source.as_str()]).join("; ")}</span></li>
                        }
                    })
                    .collect_view();
                view! { <ul class="findings">{items}</ul> }.into_any()
            };
            view! {
                <li class="safety-row" data-therapy=t.therapy.clone() data-status=status_id(t.status)>
                    <span class="safety-name">{therapy_name(&t.therapy)}</span>
                    " "
                    <StatusPill status=t.status />
                    {reasons}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="safety-all">
            <summary>"Safety check for each therapy (for your clinician)"</summary>
            <ul class="safety-list">{rows}</ul>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_match_the_serialized_names() {
        for o in [
            Outcome::Emergency,
            Outcome::Crisis,
            Outcome::Urgent,
            Outcome::OutOfScope,
            Outcome::Proceed,
        ] {
            assert_eq!(
                serde_json::to_string(&o).unwrap(),
                format!("\"{}\"", outcome_id(o))
            );
        }
        for s in [
            TherapyStatus::Blocked,
            TherapyStatus::ClearanceRequired,
            TherapyStatus::Caution,
            TherapyStatus::Allowed,
        ] {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", status_id(s))
            );
        }
    }

    #[test]
    fn sources_are_listed_once() {
        let f = |s: &str| Finding {
            rule: "R".into(),
            message: "m".into(),
            source: s.into(),
            status: None,
            because: Vec::new(),
        };
        assert_eq!(distinct_sources(&[f("a"), f("b"), f("a")]), vec!["a", "b"]);
    }

    #[test]
    fn a_rule_that_fired_through_an_implied_fact_says_why() {
        assert_eq!(
            because_sentence(&[]),
            None,
            "answered directly: nothing to add"
        );
        assert_eq!(
            because_sentence(&["you take a transplant medicine, which lowers the body's defences".into()]),
            Some("This applies because you take a transplant medicine, which lowers the body's defences.".into())
        );
        assert_eq!(
            because_sentence(&["you take diabetes medicines".into(), "you have a fever with your pain".into()]),
            Some("This applies because you take diabetes medicines, and because you have a fever with your pain.".into())
        );
    }

    #[test]
    fn the_engine_gives_the_reason_for_a_transplant_medicine() {
        let i = serde_json::from_str(
            r#"{"age":50,"symptoms":["pain_new_or_worse"],"conditions":[],"medications":["transplant_immunosuppressant"]}"#,
        )
        .unwrap();
        let s = crate::clinical::screening::screen(&i);
        let acupuncture = s.therapy("acupuncture").unwrap();
        let sentences: Vec<String> = acupuncture
            .findings
            .iter()
            .filter_map(|f| because_sentence(&f.because))
            .collect();
        assert!(
            sentences.contains(
                &"This applies because you take a transplant medicine, which lowers the body's defences.".to_string()
            ),
            "{sentences:?}"
        );
    }
}

//! The evidence badge: what the research says for this person's condition, honestly worded (SOURCES §2.7).

use crate::clinical::catalog::{catalog, EvidenceRating, Strength, Therapy, Vocab};
use crate::ui::components::sources::readable_all;
use leptos::prelude::*;

/// Words for an evidence rating.
pub fn rating_label(rating: EvidenceRating) -> &'static str {
    match rating {
        EvidenceRating::Recommended => "Good evidence, recommended by guidelines",
        EvidenceRating::Benefit => "Evidence of benefit",
        EvidenceRating::Limited => "Limited evidence",
        EvidenceRating::NoBenefit => "Studied, no benefit found",
        EvidenceRating::NotStudied => "Not studied for this kind of pain",
    }
}

/// CSS modifier for an evidence rating.
pub fn rating_class(rating: EvidenceRating) -> &'static str {
    match rating {
        EvidenceRating::Recommended => "recommended",
        EvidenceRating::Benefit => "benefit",
        EvidenceRating::Limited => "limited",
        EvidenceRating::NoBenefit => "no-benefit",
        EvidenceRating::NotStudied => "not-studied",
    }
}

/// Words for a strength of evidence.
pub fn strength_label(strength: Strength) -> &'static str {
    match strength {
        Strength::Low => "low",
        Strength::Moderate => "moderate",
        Strength::High => "high",
    }
}

/// What to show about one therapy's evidence for one condition.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceView {
    /// Badge text.
    pub label: String,
    /// CSS modifier.
    pub class: &'static str,
    /// "Strength of evidence: …" when graded.
    pub strength: Option<String>,
    /// The condition's plain name, lower-case first letter.
    pub condition: String,
    /// Plain-language summary of the research.
    pub summary: String,
    /// Citation.
    pub source: String,
}

/// The evidence of a therapy for `condition` (falling back to `other`), worded for the badge.
pub fn evidence_view(therapy: &Therapy, condition: &str) -> Option<EvidenceView> {
    let (cond, ev) = [condition, "other"]
        .into_iter()
        .find_map(|c| Some((c, therapy.evidence_for(c)?)))?;
    let condition_name = catalog()
        .term(Vocab::Condition, cond)
        .map_or_else(|| cond.replace('_', " "), |t| t.label.to_lowercase());
    // Supportive self-care approaches carry the wording the sources ask for when their evidence is limited.
    let supportive = therapy.supportive_self_care.as_ref().filter(|_| {
        matches!(
            ev.rating,
            EvidenceRating::Limited | EvidenceRating::NotStudied
        )
    });
    Some(EvidenceView {
        label: supportive.map_or_else(
            || rating_label(ev.rating).to_string(),
            |s| s.label.to_string(),
        ),
        class: if supportive.is_some() {
            "limited"
        } else {
            rating_class(ev.rating)
        },
        strength: ev
            .strength
            .map(|s| format!("Strength of evidence: {}", strength_label(s))),
        condition: condition_name,
        summary: ev.summary.to_string(),
        source: ev.source.to_string(),
    })
}

/// The evidence badge with a disclosure citing the source.
#[component]
pub fn EvidenceBadge(
    /// The therapy.
    therapy: &'static Therapy,
    /// The person's condition ID (`pain.primary`, or `other`).
    condition: String,
) -> impl IntoView {
    let Some(ev) = evidence_view(therapy, &condition) else {
        return view! { <p class="hint">"No evidence summary available."</p> }.into_any();
    };
    view! {
        <div class="evidence">
            <p class="evidence-line">
                <span class="evidence-for">"Evidence for " {ev.condition.clone()} ": "</span>
                <span class=format!("badge badge-{}", ev.class)>{ev.label.clone()}</span>
            </p>
            <details class="sources">
                <summary>"What the research says"</summary>
                <p>{ev.summary.clone()}</p>
                {ev.strength.clone().map(|s| view! { <p>{s}</p> })}
                <p class="source">"Where this comes from: " {readable_all([ev.source.as_str()]).join("; ")}</p>
            </details>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect()
    }

    const SUPPORTIVE: &str = "Limited or indirect evidence for pain — supportive self-care";

    #[test]
    fn herbs_diet_hypnosis_and_sleep_are_labelled_supportive_self_care() {
        for id in ["turmeric", "nutrition", "hypnosis", "sleep_stress", "kava"] {
            let t = catalog().therapy(id).unwrap();
            for cond in ["low_back", "migraine", "other"] {
                let ev = evidence_view(t, cond).unwrap();
                assert_eq!(ev.label, SUPPORTIVE, "{id} {cond}");
                assert_eq!(ev.class, "limited", "{id} {cond}");
            }
        }
        let yoga = catalog().therapy("yoga").unwrap();
        assert_ne!(evidence_view(yoga, "low_back").unwrap().label, SUPPORTIVE);
        let fish_oil = catalog().therapy("fish_oil").unwrap();
        assert_ne!(evidence_view(fish_oil, "other").unwrap().label, SUPPORTIVE);
    }

    #[test]
    fn no_badge_or_summary_ever_says_cure() {
        for t in catalog().therapies {
            for (cond, _) in t.evidence {
                let ev = evidence_view(t, cond).unwrap();
                for text in [&ev.label, &ev.summary] {
                    assert!(
                        !words(text).iter().any(|w| w == "cure" || w == "cures"),
                        "{}: {text}",
                        t.id
                    );
                }
            }
        }
    }

    #[test]
    fn an_unknown_condition_falls_back_to_other() {
        let t = catalog().therapy("exercise").unwrap();
        let ev = evidence_view(t, "elbow").unwrap();
        assert_eq!(ev.summary, t.evidence_for("other").unwrap().summary);
        assert_eq!(ev.condition, "other long-term pain");
    }

    #[test]
    fn graded_evidence_names_its_strength() {
        let t = catalog().therapy("exercise").unwrap();
        assert_eq!(
            evidence_view(t, "low_back").unwrap().strength.as_deref(),
            Some("Strength of evidence: moderate")
        );
    }
}

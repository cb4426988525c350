//! One therapy at a review: sessions done against planned, side effects from the check-ins (a side effect that
//! needed medical care marks it for review), the suggestion with its reason and source, and the person's decision.

use crate::clinical::progress::{CheckIn, EffectLevel};
use crate::clinical::review::{Suggestion, TherapyReview};
use crate::store::document::Decision;
use crate::ui::components::side_effects::{level_label, MarkedForReview};
use crate::ui::components::sources::WhereFrom;
use crate::ui::components::status::therapy_name;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The suggestion as a short heading.
fn suggestion_title(s: Suggestion) -> &'static str {
    match s {
        Suggestion::Continue(_) => "Suggestion: continue",
        Suggestion::Adjust(_) => "Suggestion: change the sessions or days",
        Suggestion::DiscussStopping(_) => {
            "Suggestion: talk to your clinician about stopping or switching"
        }
        Suggestion::NotEnoughData(_) => "Not enough data to judge yet",
    }
}

/// The decisions offered, with their words.
const CHOICES: [(Decision, &str, &str); 3] = [
    (Decision::Continue, "continue", "Continue as planned"),
    (Decision::Adjust, "adjust", "Change the sessions or days"),
    (
        Decision::Stop,
        "stop",
        "Stop it (after talking to your clinician)",
    ),
];

/// The weeks with side effects, mildest level left out when "none": (week, level, what happened).
fn side_effects(so_far: &[CheckIn], therapy: &str) -> Vec<(u16, EffectLevel, String)> {
    so_far
        .iter()
        .filter_map(|c| {
            let e = c.effects.get(therapy)?;
            (e.level != EffectLevel::None).then(|| (c.week, e.level, e.text.clone()))
        })
        .collect()
}

/// A therapy's card with its decision.
#[component]
pub fn TherapyCard(
    review: TherapyReview,
    so_far: Vec<CheckIn>,
    decisions: RwSignal<BTreeMap<String, Decision>>,
    tried: RwSignal<bool>,
) -> impl IntoView {
    let id = review.therapy.clone();
    let name = therapy_name(&id);
    let a = review.adherence;
    let sessions = if a.weeks == 0 {
        "It has not started yet.".to_string()
    } else {
        format!(
            "{} of {} planned sessions in the {} of its {} weeks you checked in.",
            a.done, a.planned, a.weeks_checked_in, a.weeks
        )
    };
    let effects = side_effects(&so_far, &id);
    let needed_care = effects
        .iter()
        .any(|(_, l, _)| *l == EffectLevel::MedicalCare);
    let effect_list = (!effects.is_empty()).then(|| {
        let items = effects
            .into_iter()
            .map(|(week, level, text)| {
                let text = if text.is_empty() {
                    String::new()
                } else {
                    format!(": {text}")
                };
                view! { <li>{format!("Week {week}: {}{text}", level_label(level).to_lowercase())}</li> }
            })
            .collect_view();
        view! { <p>"Side effects:"</p> <ul>{items}</ul> }
    });
    let care = needed_care
        .then(|| view! { <MarkedForReview name=name.clone() class="callout caution-box" /> });
    let words = review.suggestion.words();
    let group = format!("decision-{id}");
    let radios = CHOICES
        .into_iter()
        .map(|(decision, key, label)| {
            let input_id = format!("{group}-{key}");
            let (checked_id, set_id) = (id.clone(), id.clone());
            view! {
                <div class="check">
                    <input type="radio" id=input_id.clone() name=group.clone()
                        prop:checked=move || decisions.with(|d| d.get(&checked_id) == Some(&decision))
                        on:change=move |_| decisions.update(|d| {
                            d.insert(set_id.clone(), decision);
                        }) />
                    <label for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let unanswered = {
        let id = id.clone();
        move || tried.get() && decisions.with(|d| !d.contains_key(&id))
    };
    view! {
        <article class="card review-therapy" data-therapy=id.clone()>
            <h3>{name.clone()}</h3>
            <p data-sessions>{sessions}</p>
            {effect_list}
            {care}
            <p class="suggestion" data-suggestion=id.clone()>
                <strong>{suggestion_title(review.suggestion)}</strong>". "{words.text}
            </p>
            <WhereFrom sources=vec![words.source.to_string()] />
            <fieldset class="decision">
                <legend>{format!("Your decision for {name}")}</legend>
                {radios}
                {move || unanswered().then(|| view! { <p class="field-error">"Choose one."</p> })}
            </fieldset>
        </article>
    }
}

//! Side effects as a person reads them, worded once for the check-in that asks and the review that reports: the
//! four levels with their stored words, and the notice for a therapy whose side effects needed medical care.

use crate::clinical::progress::EffectLevel;
use leptos::prelude::*;

/// The side-effect answers, mildest first: the level, its stored word, and its label.
pub const SIDE_EFFECT_LEVELS: [(EffectLevel, &str, &str); 4] = [
    (EffectLevel::None, "none", "None"),
    (EffectLevel::Mild, "mild", "Mild"),
    (EffectLevel::Stopped, "stopped", "Stopped me doing it"),
    (
        EffectLevel::MedicalCare,
        "medical_care",
        "Needed medical care",
    ),
];

/// A level's label, e.g. "Needed medical care".
pub fn level_label(level: EffectLevel) -> &'static str {
    SIDE_EFFECT_LEVELS
        .iter()
        .find(|(l, _, _)| *l == level)
        .map_or("None", |x| x.2)
}

/// "<therapy> is marked for review", with what to do; `class` adds to the paragraph's own `needs-review`.
#[component]
pub fn MarkedForReview(
    /// The therapy's name.
    name: String,
    /// Further classes (a callout on the review screen).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    view! {
        <p class=format!("needs-review {class}") data-needs-review=name.clone()>
            <strong>{format!("{name} is marked for review. ")}</strong>
            "Its side effects needed medical care: talk to your clinician about it before your next session."
        </p>
    }
}

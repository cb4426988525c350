//! PHQ-9 item 9, the self-harm question: asked in the wizard's mood step, and again on the screening view when the
//! flow stopped before that step, so a stop never skips it. Both write the same answer the same way.

// The same section editing as the wizard's mood step, so both store the answer the same way (`tidy` drops a mood
// section left empty).
use crate::clinical::intake::sections::{mood_mut, tidy};
use crate::ui::session::use_session;
use crate::ui::widgets::radio::{digit_text, digit_value};
use crate::ui::widgets::radio::{Choice, RadioGroup};
use leptos::prelude::*;

/// The four answers shared by PHQ-4 and item 9 (SOURCES §3.2).
pub fn frequency_choices() -> Vec<Choice> {
    [
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    ]
    .iter()
    .enumerate()
    .map(|(n, l)| Choice::new(n.to_string(), *l))
    .collect()
}

/// PHQ-9 item 9, asked directly (also offered on the screening view when the flow stopped before the mood step).
#[component]
pub fn SelfHarmQuestion(
    /// The wizard's "needs an answer" message; the screening view asks without one.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let self_harm = Signal::derive(move || {
        digit_text(session.with_intake(|i| i.mood.and_then(|m| m.self_harm)))
    });
    let on_self_harm = move |v: Option<String>| {
        session.update_intake(|i| {
            mood_mut(i).self_harm = digit_value(v);
            tidy(i);
        })
    };
    view! {
        <RadioGroup
            name="self-harm"
            legend="Over the last 2 weeks, how often have you been bothered by thoughts that you would be better off dead, or of hurting yourself in some way?"
            choices=frequency_choices()
            value=self_harm
            on_change=on_self_harm
            chips=true
            error=error
        />
    }
}

//! The 0–10 scale: eleven native radio buttons in a labelled group (tap to set, arrow keys, no dragging),
//! each announced with its meaning, and "not answered" kept distinct from 0. The eleven stay on one row down to a
//! 360 px screen (style/wizard.css), so 0 to 10 always reads left to right.

use crate::ui::widgets::radio::ClearAnswer;
use leptos::prelude::*;

/// Word for a 0–10 pain intensity, used in what a screen reader announces.
pub fn pain_word(n: u8) -> &'static str {
    match n {
        0 => "no pain",
        1..=3 => "mild",
        4..=6 => "moderate",
        _ => "severe",
    }
}

/// Word for a 0–10 interference rating.
pub fn interference_word(n: u8) -> &'static str {
    match n {
        0 => "does not interfere",
        1..=3 => "interferes a little",
        4..=6 => "interferes moderately",
        7..=9 => "interferes a lot",
        _ => "completely interferes",
    }
}

/// What a screen reader announces for one value, e.g. "7 out of 10, severe".
pub fn announce(n: u8, describe: fn(u8) -> &'static str) -> String {
    format!("{n} out of 10, {}", describe(n))
}

/// A 0–10 rating as a radio group.
#[component]
pub fn Scale(
    /// Unique name for the radio group (also the id prefix).
    name: &'static str,
    /// The question, used as the group's legend.
    #[prop(into)]
    legend: String,
    /// Meaning of 0, shown under the scale.
    low: &'static str,
    /// Meaning of 10, shown under the scale.
    high: &'static str,
    /// Current answer; `None` means not answered.
    #[prop(into)]
    value: Signal<Option<u8>>,
    /// Called with the new answer (`None` when cleared).
    #[prop(into)]
    on_change: Callback<Option<u8>>,
    /// Describes a value for screen readers.
    #[prop(default = pain_word)]
    describe: fn(u8) -> &'static str,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let legend_id = format!("{name}-legend");
    let described_by = hint_id.clone();
    let clear_described = legend_id.clone();
    let first_id = format!("{name}-0");
    let status = move || match value.get() {
        Some(n) => format!("Your answer: {}", announce(n, describe)),
        None => "Not answered yet".to_string(),
    };
    view! {
        <fieldset class="question scale" id=name aria-describedby=described_by>
            <legend id=legend_id>{legend}</legend>
            <div class="scale-options">
                {(0u8..=10)
                    .map(|n| {
                        let id = format!("{name}-{n}");
                        view! {
                            <span class="scale-option">
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name=name
                                    value=n.to_string()
                                    aria-label=announce(n, describe)
                                    prop:checked=move || value.get() == Some(n)
                                    on:change=move |_| on_change.run(Some(n))
                                />
                                <label for=id aria-hidden="true">{n}</label>
                            </span>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="scale-ends" id=hint_id>
                <span>"0 = " {low}</span>
                <span>"10 = " {high}</span>
            </div>
            <div class="scale-status">
                <p aria-live="polite">{status}</p>
                <ClearAnswer described_by=clear_described first_id=first_id on_clear=move || on_change.run(None)
                    hidden=Signal::derive(move || value.get().is_none()) />
            </div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcements_carry_the_number_and_its_meaning() {
        assert_eq!(announce(7, pain_word), "7 out of 10, severe");
        assert_eq!(announce(0, pain_word), "0 out of 10, no pain");
        assert_eq!(
            announce(10, interference_word),
            "10 out of 10, completely interferes"
        );
        assert_eq!(
            announce(5, interference_word),
            "5 out of 10, interferes moderately"
        );
    }
}

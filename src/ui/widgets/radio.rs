//! A single-choice question as native radio buttons in a fieldset, with "Clear answer" so a person can
//! go back to "not answered" (a native radio group cannot be unticked).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// "Clear answer": returns a question to "not answered" and puts focus back on its first choice,
/// so keyboard users are not left on a button that just disappeared. While there is nothing to clear it stays in
/// the page but hidden (`hidden`, shown by the style sheet as `visibility: hidden`), so its space is kept and
/// answering never moves the next question under the person's finger.
#[component]
pub fn ClearAnswer(
    /// Id of the question's legend, so the button says which answer it clears.
    described_by: String,
    /// Id of the question's first choice, focused after clearing.
    first_id: String,
    /// Clears the answer.
    on_clear: impl Fn() + Send + Sync + 'static,
    /// True while there is no answer to clear.
    #[prop(into)]
    hidden: Signal<bool>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="link-button clear"
            hidden=move || hidden.get()
            aria-describedby=described_by
            on:click=move |_| {
                on_clear();
                let first_id = first_id.clone();
                request_animation_frame(move || focus_id(&first_id));
            }
        >
            "Clear answer"
        </button>
    }
}

/// One choice of a radio group.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Value stored in the answer.
    pub value: String,
    /// Visible label (the accessible name).
    pub label: String,
    /// Optional help shown under the label (announced as a description).
    pub help: String,
}

impl Choice {
    /// A choice without help.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice {
            value: value.into(),
            label: label.into(),
            help: String::new(),
        }
    }
}

/// Puts keyboard focus on the element with this id, if it exists.
pub fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// A single-choice question.
#[component]
pub fn RadioGroup(
    /// Unique name: the radios' `name`, the fieldset's id and the prefix of every id.
    #[prop(into)]
    name: String,
    /// The question, used as the group's legend.
    #[prop(into)]
    legend: String,
    /// Short explanation under the legend.
    #[prop(into, optional)]
    hint: Option<String>,
    /// The choices, in order.
    choices: Vec<Choice>,
    /// Current answer; `None` means not answered.
    #[prop(into)]
    value: Signal<Option<String>>,
    /// Called with the new answer (`None` when cleared).
    #[prop(into)]
    on_change: Callback<Option<String>>,
    /// Show the choices as a row of large buttons instead of a list.
    #[prop(optional)]
    chips: bool,
    /// Validation message to show beside the group, if any (e.g. a required answer after Next).
    #[prop(into, optional)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let legend_id = format!("{name}-legend");
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let first_id = choices
        .first()
        .map(|c| format!("{name}-{}", c.value))
        .unwrap_or_default();
    let rows = choices
        .into_iter()
        .map(|c| {
            let id = format!("{name}-{}", c.value);
            let label_id = format!("{id}-label");
            let help_id = format!("{id}-help");
            let has_help = !c.help.is_empty();
            let (is, set) = (c.value.clone(), c.value.clone());
            view! {
                <li class="option">
                    <input
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        value=c.value
                        aria-labelledby=label_id.clone()
                        aria-describedby=has_help.then(|| help_id.clone())
                        prop:checked=move || value.with(|v| v.as_deref() == Some(is.as_str()))
                        on:change=move |_| on_change.run(Some(set.clone()))
                    />
                    <label for=id>
                        <span class="option-label" id=label_id>{c.label}</span>
                        {has_help.then(|| view! { <span class="option-help" id=help_id>{c.help}</span> })}
                    </label>
                </li>
            }
        })
        .collect_view();
    let clear_described = legend_id.clone();
    let has_hint = hint.is_some();
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> = [
                has_hint.then_some(hint_id.as_str()),
                error.with(Option::is_some).then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <fieldset
            class="question radio-group"
            class:chips=chips
            class:has-error=move || error.with(Option::is_some)
            id=name.clone()
            aria-describedby=described
        >
            <legend id=legend_id>{legend}</legend>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            // Present only while there is a message: the floated legend is cleared by the element after it.
            {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone() role="alert">{e}</p> })}
            <ul class="options">{rows}</ul>
            <ClearAnswer described_by=clear_described first_id=first_id on_clear=move || on_change.run(None)
                hidden=Signal::derive(move || value.with(Option::is_none)) />
        </fieldset>
    }
}

/// A 0–3 (or 1–5) answer as a radio value, and back.
pub fn digit_text(n: Option<u8>) -> Option<String> {
    n.map(|n| n.to_string())
}

/// Reads a radio value written by [`digit_text`].
pub fn digit_value(s: Option<String>) -> Option<u8> {
    s.and_then(|s| s.parse().ok())
}

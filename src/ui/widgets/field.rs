//! Labelled text inputs (one line or several) with a hint and a validation message linked by `aria-describedby`.
//! The caller keeps the typed text as a draft, so a bad entry is shown back, never thrown away.

use leptos::prelude::*;

/// The ids an input is described by: its hint (if any) and, while there is one, its error.
fn described_by(id: &str, has_hint: bool, error: Signal<Option<String>>) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if error.with(Option::is_some) {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A one-line text input, e.g. a number typed as text (`inputmode="numeric"` keeps the phone keypad).
#[component]
pub fn TextField(
    /// The input's id (also the prefix of its hint and error ids).
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Short explanation under the label.
    #[prop(into, optional)]
    hint: Option<String>,
    /// Unit shown after the input, e.g. "minutes".
    #[prop(into, optional)]
    suffix: Option<String>,
    /// What was typed.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    #[prop(into)]
    on_input: Callback<String>,
    /// Validation message shown beside the input, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// `inputmode` hint for on-screen keyboards, e.g. "numeric" or "decimal".
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Extra class, e.g. "narrow" for short numbers.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let described = {
        let id = id.clone();
        move || described_by(&id, has_hint, error)
    };
    let suffix_id = format!("{id}-suffix");
    let labelled_suffix = suffix.as_ref().map(|_| suffix_id.clone());
    view! {
        <div class="question text-field" class:has-error=move || error.with(Option::is_some)>
            <label for=id.clone() class="field-label">{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
            <p class="field-error" id=format!("{id}-error") role="alert">{move || error.get()}</p>
            <div class="input-row">
                <input
                    type="text"
                    id=id.clone()
                    class=class
                    inputmode=inputmode
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=move || {
                        let mut d = described().unwrap_or_default();
                        if let Some(s) = &labelled_suffix {
                            d = if d.is_empty() { s.clone() } else { format!("{d} {s}") };
                        }
                        (!d.is_empty()).then_some(d)
                    }
                    prop:value=move || value.get()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                />
                {suffix.map(|s| view! { <span class="suffix" id=suffix_id>{s}</span> })}
            </div>
        </div>
    }
}

/// A multi-line text answer in the person's own words.
#[component]
pub fn TextArea(
    /// The textarea's id (also the prefix of its hint and error ids).
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Short explanation under the label.
    #[prop(into, optional)]
    hint: Option<String>,
    /// What was typed.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    #[prop(into)]
    on_input: Callback<String>,
    /// Validation message shown beside the textarea, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// Visible rows.
    #[prop(default = 3)]
    rows: u8,
    /// Most characters the browser lets the person type (the same limit a restored backup is held to).
    #[prop(optional)]
    maxlength: Option<usize>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let described = {
        let id = id.clone();
        move || described_by(&id, has_hint, error)
    };
    view! {
        <div class="question text-field" class:has-error=move || error.with(Option::is_some)>
            <label for=id.clone() class="field-label">{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
            <p class="field-error" id=format!("{id}-error") role="alert">{move || error.get()}</p>
            // `autocomplete="off"` keeps a person's words out of the browser's saved form state, which Chromium
            // writes to its session-restore file on disk (a kiosk must leave nothing on the tablet).
            <textarea
                id=id.clone()
                autocomplete="off"
                rows=rows
                maxlength=maxlength
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

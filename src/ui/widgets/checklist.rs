//! A labelled group of checkboxes for a list answer, where "none of these" (`Some([])`), a ticked list,
//! "not sure" and "not answered" (`None`) stay distinct.

use leptos::prelude::*;

/// One option of a checklist.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Stable ID stored in the answer.
    pub id: String,
    /// Visible label.
    pub label: String,
    /// Optional help, e.g. example medicine names.
    pub help: String,
}

/// The answer to a list question as the widget shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum ListAnswer {
    /// Nothing chosen yet.
    Unanswered,
    /// The person said they are not sure (stored as not answered, never as "none").
    Unsure,
    /// These were ticked; empty means "none of these".
    Chosen(Vec<String>),
}

impl ListAnswer {
    /// The value stored in the intake: `None` unless the person gave a definite answer.
    pub fn stored(&self) -> Option<Vec<String>> {
        match self {
            ListAnswer::Chosen(v) => Some(v.clone()),
            _ => None,
        }
    }

    /// Whether the person has answered in any way (including "not sure").
    pub fn is_answered(&self) -> bool {
        !matches!(self, ListAnswer::Unanswered)
    }
}

/// Toggles `id` in the answer, leaving "none"/"not sure" when something is ticked.
pub fn toggle(answer: &ListAnswer, id: &str) -> ListAnswer {
    let mut list = match answer {
        ListAnswer::Chosen(v) => v.clone(),
        _ => Vec::new(),
    };
    if let Some(pos) = list.iter().position(|x| x == id) {
        list.remove(pos);
        if list.is_empty() {
            return ListAnswer::Unanswered;
        }
    } else {
        list.push(id.to_string());
    }
    ListAnswer::Chosen(list)
}

/// A checklist question.
#[component]
pub fn Checklist(
    /// Unique name (id prefix).
    name: &'static str,
    /// The question, used as the group's legend.
    #[prop(into)]
    legend: String,
    /// The options.
    items: Vec<Item>,
    /// Current answer.
    #[prop(into)]
    value: Signal<ListAnswer>,
    /// Called with the new answer.
    #[prop(into)]
    on_change: Callback<ListAnswer>,
    /// Label of the exclusive "none of these" option.
    #[prop(default = "None of these")]
    none_label: &'static str,
    /// Label of the exclusive "not sure" option; omitted when `None`.
    #[prop(optional)]
    unsure_label: Option<&'static str>,
    /// Validation message to show beside the group, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{name}-error");
    let error_ref = error_id.clone();
    let none_id = format!("{name}-none");
    let unsure_id = format!("{name}-unsure");
    let is_chosen =
        move |id: &str| matches!(value.get(), ListAnswer::Chosen(v) if v.iter().any(|x| x == id));
    view! {
        <fieldset
            class="checklist"
            class:has-error=move || error.get().is_some()
            aria-describedby=move || error.get().map(|_| error_ref.clone())
        >
            <legend>{legend}</legend>
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
            <ul class="options">
                {items
                    .into_iter()
                    .map(|item| {
                        let id = format!("{name}-{}", item.id);
                        let help_id = format!("{id}-help");
                        let has_help = !item.help.is_empty();
                        let item_id = item.id.clone();
                        let item_id2 = item.id.clone();
                        view! {
                            <li class="option">
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    data-id=item.id.clone()
                                    aria-describedby=has_help.then(|| help_id.clone())
                                    prop:checked=move || is_chosen(&item_id)
                                    on:change=move |_| on_change.run(toggle(&value.get_untracked(), &item_id2))
                                />
                                <label for=id>
                                    <span class="option-label">{item.label}</span>
                                    {has_help.then(|| view! { <span class="option-help" id=help_id>{item.help}</span> })}
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
                <li class="option exclusive">
                    <input
                        type="checkbox"
                        id=none_id.clone()
                        prop:checked=move || value.get() == ListAnswer::Chosen(vec![])
                        on:change=move |_| {
                            let next = if value.get_untracked() == ListAnswer::Chosen(vec![]) {
                                ListAnswer::Unanswered
                            } else {
                                ListAnswer::Chosen(vec![])
                            };
                            on_change.run(next)
                        }
                    />
                    <label for=none_id><span class="option-label">{none_label}</span></label>
                </li>
                {unsure_label.map(|label| view! {
                    <li class="option exclusive">
                        <input
                            type="checkbox"
                            id=unsure_id.clone()
                            prop:checked=move || value.get() == ListAnswer::Unsure
                            on:change=move |_| {
                                let next = if value.get_untracked() == ListAnswer::Unsure {
                                    ListAnswer::Unanswered
                                } else {
                                    ListAnswer::Unsure
                                };
                                on_change.run(next)
                            }
                        />
                        <label for=unsure_id.clone()><span class="option-label">{label}</span></label>
                    </li>
                })}
            </ul>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_sure_is_stored_as_not_answered_and_none_as_empty() {
        assert_eq!(ListAnswer::Unsure.stored(), None);
        assert_eq!(ListAnswer::Unanswered.stored(), None);
        assert_eq!(ListAnswer::Chosen(vec![]).stored(), Some(vec![]));
        assert!(ListAnswer::Unsure.is_answered());
    }

    #[test]
    fn ticking_replaces_none_and_unticking_the_last_leaves_it_unanswered() {
        let a = toggle(&ListAnswer::Chosen(vec![]), "nsaid");
        assert_eq!(a, ListAnswer::Chosen(vec!["nsaid".into()]));
        assert_eq!(toggle(&a, "nsaid"), ListAnswer::Unanswered);
        assert_eq!(
            toggle(&ListAnswer::Unsure, "opioid"),
            ListAnswer::Chosen(vec!["opioid".into()])
        );
    }
}

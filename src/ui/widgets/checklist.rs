//! A labelled group of checkboxes for a list answer, where "none of these" (`Some([])`), a ticked list,
//! "not sure" and "not answered" (`None`) stay distinct. Options may be shown in titled sub-groups.

use leptos::prelude::*;

/// One option of a checklist.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Stable ID stored in the answer.
    pub id: String,
    /// Visible label (the accessible name).
    pub label: String,
    /// Optional help, e.g. example medicine names (announced as a description).
    pub help: String,
}

/// Options shown together; a titled group is its own fieldset inside the question.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemGroup {
    /// Sub-heading of the group (its legend); empty for a plain list.
    pub title: String,
    /// The options in this group.
    pub items: Vec<Item>,
}

impl ItemGroup {
    /// A single untitled group holding every option.
    pub fn plain(items: Vec<Item>) -> Vec<ItemGroup> {
        vec![ItemGroup {
            title: String::new(),
            items,
        }]
    }
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

    /// Whether `id` is ticked.
    pub fn has(&self, id: &str) -> bool {
        matches!(self, ListAnswer::Chosen(v) if v.iter().any(|x| x == id))
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

/// Toggles an exclusive choice ("none" or "not sure"): ticking it replaces everything, unticking leaves nothing.
pub fn toggle_exclusive(answer: &ListAnswer, choice: ListAnswer) -> ListAnswer {
    if *answer == choice {
        ListAnswer::Unanswered
    } else {
        choice
    }
}

/// One checkbox row: the label is the name, the help its description.
fn option_row(
    name: &'static str,
    item: Item,
    value: Signal<ListAnswer>,
    on_change: Callback<ListAnswer>,
) -> impl IntoView {
    let id = format!("{name}-{}", item.id);
    let label_id = format!("{id}-label");
    let help_id = format!("{id}-help");
    let has_help = !item.help.is_empty();
    let (checked_id, toggle_id) = (item.id.clone(), item.id.clone());
    view! {
        <li class="option">
            <input
                type="checkbox"
                id=id.clone()
                data-id=item.id
                aria-labelledby=label_id.clone()
                aria-describedby=has_help.then(|| help_id.clone())
                prop:checked=move || value.with(|v| v.has(&checked_id))
                on:change=move |_| on_change.run(toggle(&value.get_untracked(), &toggle_id))
            />
            <label for=id>
                <span class="option-label" id=label_id>{item.label}</span>
                {has_help.then(|| view! { <span class="option-help" id=help_id>{item.help}</span> })}
            </label>
        </li>
    }
}

/// One exclusive row ("none of these", "not sure").
fn exclusive_row(
    id: String,
    label: &'static str,
    choice: ListAnswer,
    value: Signal<ListAnswer>,
    on_change: Callback<ListAnswer>,
) -> impl IntoView {
    let is_it = choice.clone();
    view! {
        <li class="option exclusive">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || value.with(|v| *v == is_it)
                on:change=move |_| on_change.run(toggle_exclusive(&value.get_untracked(), choice.clone()))
            />
            <label for=id><span class="option-label">{label}</span></label>
        </li>
    }
}

/// A checklist question.
#[component]
pub fn Checklist(
    /// Unique name: the fieldset's id and the prefix of every option id.
    name: &'static str,
    /// The question, used as the group's legend.
    #[prop(into)]
    legend: String,
    /// Short instruction under the legend, e.g. "Tick all that apply."
    #[prop(into, optional)]
    hint: Option<String>,
    /// The options, in titled groups or one plain group.
    groups: Vec<ItemGroup>,
    /// Current answer.
    #[prop(into)]
    value: Signal<ListAnswer>,
    /// Called with the new answer.
    #[prop(into)]
    on_change: Callback<ListAnswer>,
    /// Label of the exclusive "none of these" option; no such option when `None`.
    #[prop(default = Some("None of these"))]
    none_label: Option<&'static str>,
    /// Label of the exclusive "not sure" option; omitted when `None`.
    #[prop(optional)]
    unsure_label: Option<&'static str>,
    /// Validation message to show beside the group, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{name}-error");
    let hint_id = format!("{name}-hint");
    let has_hint = hint.is_some();
    let described = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let groups = groups
        .into_iter()
        .map(|g| {
            let rows = g
                .items
                .into_iter()
                .map(|item| option_row(name, item, value, on_change))
                .collect_view();
            if g.title.is_empty() {
                view! { <ul class="options">{rows}</ul> }.into_any()
            } else {
                view! {
                    <fieldset class="option-group">
                        <legend>{g.title}</legend>
                        <ul class="options">{rows}</ul>
                    </fieldset>
                }
                .into_any()
            }
        })
        .collect_view();
    let exclusive = none_label.is_some() || unsure_label.is_some();
    view! {
        <fieldset
            class="question checklist"
            id=name
            class:has-error=move || error.with(Option::is_some)
            aria-describedby=described
        >
            <legend>{legend}</legend>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
            {groups}
            {exclusive.then(|| view! {
                <ul class="options exclusive-options">
                    {none_label.map(|l| exclusive_row(format!("{name}-none"), l, ListAnswer::Chosen(vec![]), value, on_change))}
                    {unsure_label.map(|l| exclusive_row(format!("{name}-unsure"), l, ListAnswer::Unsure, value, on_change))}
                </ul>
            })}
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
        assert!(a.has("nsaid") && !a.has("opioid"));
        assert_eq!(toggle(&a, "nsaid"), ListAnswer::Unanswered);
        assert_eq!(
            toggle(&ListAnswer::Unsure, "opioid"),
            ListAnswer::Chosen(vec!["opioid".into()])
        );
    }

    #[test]
    fn exclusive_choices_replace_ticks_and_untick_to_not_answered() {
        let ticked = ListAnswer::Chosen(vec!["nsaid".into()]);
        let none = toggle_exclusive(&ticked, ListAnswer::Chosen(vec![]));
        assert_eq!(none, ListAnswer::Chosen(vec![]));
        assert_eq!(
            toggle_exclusive(&none, ListAnswer::Unsure),
            ListAnswer::Unsure
        );
        assert_eq!(
            toggle_exclusive(&ListAnswer::Unsure, ListAnswer::Unsure),
            ListAnswer::Unanswered
        );
    }
}

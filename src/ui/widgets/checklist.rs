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
    /// These were ticked, and the person is not sure about the rest (empty: not sure at all). Stored as the ticks,
    /// or as not answered when there are none; never as "none".
    Unsure(Vec<String>),
    /// These were ticked; empty means "none of these".
    Chosen(Vec<String>),
}

impl ListAnswer {
    /// The value stored in the intake's list: the ticks, or `None` while nothing definite was given.
    pub fn stored(&self) -> Option<Vec<String>> {
        match self {
            ListAnswer::Chosen(v) => Some(v.clone()),
            ListAnswer::Unsure(v) if !v.is_empty() => Some(v.clone()),
            _ => None,
        }
    }

    /// Whether the person has answered in any way (including "not sure").
    pub fn is_answered(&self) -> bool {
        !matches!(self, ListAnswer::Unanswered)
    }

    /// Whether the person said they are not sure (about all or about the rest).
    pub fn is_unsure(&self) -> bool {
        matches!(self, ListAnswer::Unsure(_))
    }

    /// The IDs ticked (none for "not answered" and "none of these").
    pub fn ticked(&self) -> &[String] {
        match self {
            ListAnswer::Chosen(v) | ListAnswer::Unsure(v) => v,
            ListAnswer::Unanswered => &[],
        }
    }

    /// Whether `id` is ticked.
    pub fn has(&self, id: &str) -> bool {
        self.ticked().iter().any(|x| x == id)
    }
}

/// Toggles `id` in the answer: ticking leaves "none of these"; "not sure" stays beside the ticks.
pub fn toggle(answer: &ListAnswer, id: &str) -> ListAnswer {
    let mut list = answer.ticked().to_vec();
    if let Some(pos) = list.iter().position(|x| x == id) {
        list.remove(pos);
    } else {
        list.push(id.to_string());
    }
    match answer {
        ListAnswer::Unsure(_) => ListAnswer::Unsure(list),
        _ if list.is_empty() => ListAnswer::Unanswered,
        _ => ListAnswer::Chosen(list),
    }
}

/// Toggles "none of these": ticking it clears every tick and "not sure"; unticking leaves nothing answered.
pub fn toggle_none(answer: &ListAnswer) -> ListAnswer {
    match answer {
        ListAnswer::Chosen(v) if v.is_empty() => ListAnswer::Unanswered,
        _ => ListAnswer::Chosen(Vec::new()),
    }
}

/// Toggles "not sure": it never unticks anything the person ticked (docs/clinical-rules.md, partly known lists).
pub fn toggle_unsure(answer: &ListAnswer) -> ListAnswer {
    match answer {
        ListAnswer::Unsure(v) if v.is_empty() => ListAnswer::Unanswered,
        ListAnswer::Unsure(v) => ListAnswer::Chosen(v.clone()),
        other => ListAnswer::Unsure(other.ticked().to_vec()),
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

/// The "none of these" or "not sure" row.
fn answer_row(
    id: String,
    label: &'static str,
    is_it: fn(&ListAnswer) -> bool,
    next: impl Fn(&ListAnswer) -> ListAnswer + 'static,
    value: Signal<ListAnswer>,
    on_change: Callback<ListAnswer>,
) -> impl IntoView {
    view! {
        <li class="option answer-option">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || value.with(is_it)
                on:change=move |_| on_change.run(next(&value.get_untracked()))
            />
            <label for=id><span class="option-label">{label}</span></label>
        </li>
    }
}

/// Whether the answer is "none of these".
fn is_none_of_these(a: &ListAnswer) -> bool {
    matches!(a, ListAnswer::Chosen(v) if v.is_empty())
}

/// The sentence saying which ticks "none of these" just took away, so nothing far up the page is unticked silently.
fn unticked_words(labels: &[String]) -> String {
    match labels {
        [] => String::new(),
        [one] => format!("Unticked \u{201c}{one}\u{201d}: you said none of these apply."),
        many => format!(
            "Unticked {} answers ({}): you said none of these apply.",
            many.len(),
            many.iter()
                .map(|l| format!("\u{201c}{l}\u{201d}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
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
    // Labels by ID, so "none of these" can say which ticks it took away.
    let labels: Vec<(String, String)> = groups
        .iter()
        .flat_map(|g| g.items.iter().map(|i| (i.id.clone(), i.label.clone())))
        .collect();
    let unticked = RwSignal::new(String::new());
    let on_tick = Callback::new(move |a: ListAnswer| {
        unticked.set(String::new());
        on_change.run(a);
    });
    let groups = groups
        .into_iter()
        .map(|g| {
            let rows = g
                .items
                .into_iter()
                .map(|item| option_row(name, item, value, on_tick))
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
    let none_row = none_label.map(|l| {
        let next = move |a: &ListAnswer| {
            let gone: Vec<String> = a
                .ticked()
                .iter()
                .filter_map(|id| labels.iter().find(|(i, _)| i == id).map(|(_, l)| l.clone()))
                .collect();
            let next = toggle_none(a);
            unticked.set(if is_none_of_these(&next) {
                unticked_words(&gone)
            } else {
                String::new()
            });
            next
        };
        answer_row(
            format!("{name}-none"),
            l,
            is_none_of_these,
            next,
            value,
            on_change,
        )
    });
    let unsure_row = unsure_label.map(|l| {
        answer_row(
            format!("{name}-unsure"),
            l,
            ListAnswer::is_unsure,
            toggle_unsure,
            value,
            on_tick,
        )
    });
    // "None of these" and "not sure" come first: they are the quickest answers, and seen before a long list.
    let answers = (none_row.is_some() || unsure_row.is_some()).then(|| {
        view! {
            <ul class="options answer-options">{none_row}{unsure_row}</ul>
            <p class="checklist-status" role="status">{move || unticked.get()}</p>
        }
    });
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
            {answers}
            {groups}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn not_sure_keeps_its_ticks_and_is_stored_as_them_or_as_not_answered() {
        assert_eq!(ListAnswer::Unsure(vec![]).stored(), None);
        assert_eq!(
            ListAnswer::Unsure(ids(&["nsaid"])).stored(),
            Some(ids(&["nsaid"]))
        );
        assert_eq!(ListAnswer::Unanswered.stored(), None);
        assert_eq!(ListAnswer::Chosen(vec![]).stored(), Some(vec![]));
        assert!(ListAnswer::Unsure(vec![]).is_answered());
    }

    #[test]
    fn ticking_replaces_none_and_unticking_the_last_leaves_it_unanswered() {
        let a = toggle(&ListAnswer::Chosen(vec![]), "nsaid");
        assert_eq!(a, ListAnswer::Chosen(ids(&["nsaid"])));
        assert!(a.has("nsaid") && !a.has("opioid"));
        assert_eq!(toggle(&a, "nsaid"), ListAnswer::Unanswered);
        assert_eq!(
            toggle(&ListAnswer::Unanswered, "opioid"),
            ListAnswer::Chosen(ids(&["opioid"]))
        );
    }

    #[test]
    fn not_sure_sits_beside_ticks_and_never_unticks_them() {
        let ticked = ListAnswer::Chosen(ids(&["nsaid", "opioid"]));
        let unsure = toggle_unsure(&ticked);
        assert_eq!(unsure, ListAnswer::Unsure(ids(&["nsaid", "opioid"])));
        // Ticking and unticking more keeps "not sure", even down to no tick at all.
        let more = toggle(&unsure, "anticoagulant");
        assert_eq!(
            more,
            ListAnswer::Unsure(ids(&["nsaid", "opioid", "anticoagulant"]))
        );
        let fewer = toggle(&toggle(&unsure, "nsaid"), "opioid");
        assert_eq!(fewer, ListAnswer::Unsure(vec![]));
        // Unticking "not sure" leaves the ticks as a definite answer.
        assert_eq!(
            toggle_unsure(&more),
            ListAnswer::Chosen(ids(&["nsaid", "opioid", "anticoagulant"]))
        );
        assert_eq!(
            toggle_unsure(&ListAnswer::Unsure(vec![])),
            ListAnswer::Unanswered
        );
        assert_eq!(
            toggle_unsure(&ListAnswer::Chosen(vec![])),
            ListAnswer::Unsure(vec![])
        );
    }

    #[test]
    fn none_of_these_clears_ticks_and_not_sure_and_unticks_to_not_answered() {
        let none = toggle_none(&ListAnswer::Unsure(ids(&["nsaid"])));
        assert_eq!(none, ListAnswer::Chosen(vec![]));
        assert_eq!(toggle_none(&none), ListAnswer::Unanswered);
        assert_eq!(
            toggle_none(&ListAnswer::Unanswered),
            ListAnswer::Chosen(vec![])
        );
    }

    #[test]
    fn the_unticked_message_names_what_none_of_these_took_away() {
        assert_eq!(unticked_words(&[]), "");
        assert_eq!(
            unticked_words(&ids(&["Osteoporosis"])),
            "Unticked \u{201c}Osteoporosis\u{201d}: you said none of these apply."
        );
        assert_eq!(
            unticked_words(&ids(&["Osteoporosis", "Pregnancy"])),
            "Unticked 2 answers (\u{201c}Osteoporosis\u{201d}, \u{201c}Pregnancy\u{201d}): you said none of these apply."
        );
    }
}

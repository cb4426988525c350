//! Step 9, practicalities: time and money each month, usable days, and needles, touch and home-only preferences.

use super::model::{number_text, practical_mut, tidy, yes_no_text, yes_no_value};
use super::shell::use_form;
use super::validate;
use crate::clinical::intake::Practicalities;
use crate::clinical::plan::WEEKDAYS;
use crate::ui::session::{use_session, Session};
use crate::ui::widgets::checklist::{Checklist, Item, ItemGroup, ListAnswer};
use crate::ui::widgets::field::TextField;
use crate::ui::widgets::radio::{Choice, RadioGroup};
use leptos::prelude::*;

/// Longest week in minutes.
const WEEK_MINUTES: u16 = 7 * 24 * 60;
/// Highest monthly budget accepted.
const MAX_BUDGET: u16 = 60_000;

/// The stored days as a checklist answer.
pub fn days_answer(days: Option<&Vec<u8>>) -> ListAnswer {
    match days {
        Some(d) if !d.is_empty() => ListAnswer::Chosen(d.iter().map(u8::to_string).collect()),
        _ => ListAnswer::Unanswered,
    }
}

/// A checklist answer as stored days, sorted Monday first.
pub fn days_stored(a: &ListAnswer) -> Option<Vec<u8>> {
    let mut d: Vec<u8> = a
        .stored()?
        .iter()
        .filter_map(|s| s.parse().ok())
        .filter(|n| *n < 7)
        .collect();
    d.sort_unstable();
    d.dedup();
    (!d.is_empty()).then_some(d)
}

/// A yes/no preference.
fn yes_no(
    session: Session,
    name: &'static str,
    legend: &'static str,
    get: fn(&Practicalities) -> Option<bool>,
    set: fn(&mut Practicalities, Option<bool>),
) -> impl IntoView {
    let value = Signal::derive(move || {
        yes_no_text(session.with_intake(|i| i.practicalities.as_ref().and_then(get)))
    });
    let on_change = move |v: Option<String>| {
        session.update_intake(|i| {
            set(practical_mut(i), yes_no_value(v));
            tidy(i);
        })
    };
    let choices = vec![Choice::new("yes", "Yes"), Choice::new("no", "No")];
    view! { <RadioGroup name=name legend=legend choices=choices value=value on_change=on_change chips=true /> }
}

/// A whole-number field stored in the practicalities.
fn amount(
    session: Session,
    id: &'static str,
    max: u16,
    example: &'static str,
    get: fn(&Practicalities) -> Option<u16>,
    set: fn(&mut Practicalities, Option<u16>),
) -> (
    RwSignal<String>,
    Signal<Option<String>>,
    impl Fn(String) + Copy,
) {
    let text = RwSignal::new(
        session.with_untracked(|s| number_text(s.intake.practicalities.as_ref().and_then(get))),
    );
    let error = use_form().check(id, move || {
        validate::amount(&text.get(), max, example).err()
    });
    let on_input = move |t: String| {
        if let Ok(v) = validate::amount(&t, max, example) {
            session.update_intake(|i| {
                set(practical_mut(i), v);
                tidy(i);
            });
        }
        text.set(t);
    };
    (text, error, on_input)
}

/// The practicalities step.
#[component]
pub fn PracticalStep() -> impl IntoView {
    let session = use_session();
    let (minutes, minutes_error, on_minutes) = amount(
        session,
        "minutes",
        WEEK_MINUTES,
        "150",
        |p| p.minutes_per_week,
        |p, v| p.minutes_per_week = v,
    );
    let (budget, budget_error, on_budget) = amount(
        session,
        "budget",
        MAX_BUDGET,
        "80",
        |p| p.budget_per_month,
        |p, v| p.budget_per_month = v,
    );
    let days = Signal::derive(move || {
        session
            .with_intake(|i| days_answer(i.practicalities.as_ref().and_then(|p| p.days.as_ref())))
    });
    let on_days = move |a: ListAnswer| {
        session.update_intake(|i| {
            practical_mut(i).days = days_stored(&a);
            tidy(i);
        })
    };
    let day_items = WEEKDAYS
        .iter()
        .enumerate()
        .map(|(n, d)| Item {
            id: n.to_string(),
            label: (*d).to_string(),
            help: String::new(),
        })
        .collect();
    view! {
        <p class="lead">"Last step. The plan will fit the time, money and days you have."</p>
        <TextField id="minutes" label="How many minutes a week could you give to your plan?"
            hint="Counting classes, appointments and practice at home. For example 150 is about 20 minutes a day."
            suffix="minutes a week" value=minutes on_input=on_minutes error=minutes_error inputmode="numeric" class="narrow" />
        <TextField id="budget" label="How much could you spend on it each month?"
            hint="In your own currency, as a whole number. 0 is fine: many options are free."
            suffix="per month" value=budget on_input=on_budget error=budget_error inputmode="numeric" class="narrow" />
        <Checklist name="days" legend="Which days could you usually fit something in?" hint="Tick all that apply."
            groups=ItemGroup::plain(day_items) value=days on_change=on_days none_label=None />
        {yes_no(session, "needles", "Are you open to treatments that use fine needles, such as acupuncture?", |p| p.needles_ok, |p, v| p.needles_ok = v)}
        {yes_no(session, "touch", "Are you open to hands-on treatments, such as massage or spinal manipulation?", |p| p.touch_ok, |p, v| p.touch_ok = v)}
        {yes_no(session, "home-only", "Would you rather only do things you can do at home?", |p| p.home_only, |p, v| p.home_only = v)}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_stored_sorted_and_unticking_all_is_not_answered() {
        let a = ListAnswer::Chosen(vec!["4".into(), "0".into(), "4".into()]);
        assert_eq!(days_stored(&a), Some(vec![0, 4]));
        assert_eq!(days_stored(&ListAnswer::Unanswered), None);
        assert_eq!(
            days_answer(Some(&vec![0, 4])),
            ListAnswer::Chosen(vec!["0".into(), "4".into()])
        );
        assert_eq!(days_answer(None), ListAnswer::Unanswered);
    }
}

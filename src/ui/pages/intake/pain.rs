//! Step 1, your pain: age, the main pain, other sites, how long, and PEG-3 (past week).

use super::lists::{choice, item};
use super::model::{
    list_answer, number_text, pain_mut, peg_mut, set_list, set_primary, tidy, ListKey,
};
use super::shell::use_form;
use super::validate::{self, Unit};
use crate::clinical::catalog::catalog;
use crate::clinical::intake::Peg;
use crate::ui::components::instruments::{PEG_ACTIVITY, PEG_ENJOYMENT, PEG_PAIN};
use crate::ui::session::{use_session, Session};
use crate::ui::widgets::checklist::{Checklist, Item, ItemGroup, ListAnswer};
use crate::ui::widgets::field::TextField;
use crate::ui::widgets::radio::RadioGroup;
use crate::ui::widgets::scale::Scale;
use leptos::prelude::*;

/// Shown when the duration is not a number at all and no unit was chosen.
const NOT_A_NUMBER: &str = "Enter how long as a number, for example 8 months or 2 years.";

/// Asked when a number is typed without a unit and it is under 2 (where months and years are both likely).
const CHOOSE_UNIT: &str =
    "Choose \u{201c}months\u{201d} or \u{201c}years\u{201d} beside the number.";

/// The unit a duration is read in before the person picks one: years once the number is 2 or more (few people
/// count long pain in single months), none below that, so the person must choose; never months.
fn default_unit(text: &str) -> Option<Unit> {
    number(text).filter(|n| *n >= 2.0).map(|_| Unit::Years)
}

/// The number typed for the duration, before its unit is known (a decimal comma allowed, as for years).
fn number(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse().ok()
}

/// One PEG item: its field in the intake.
fn peg_item(
    session: Session,
    get: fn(&Peg) -> Option<u8>,
    set: fn(&mut Peg, Option<u8>),
) -> (Signal<Option<u8>>, Callback<Option<u8>>) {
    let value = Signal::derive(move || {
        session.with_intake(|i| i.pain.as_ref().and_then(|p| p.peg.as_ref()).and_then(get))
    });
    let change = Callback::new(move |v: Option<u8>| {
        session.update_intake(|i| {
            set(peg_mut(i), v);
            tidy(i);
        })
    });
    (value, change)
}

/// The pain step.
#[component]
pub fn PainStep() -> impl IntoView {
    let session = use_session();
    let form = use_form();

    let age_text = RwSignal::new(session.with_untracked(|s| number_text(s.intake.age)));
    let age_format = form.check("age", move || validate::age(&age_text.get()).err());
    // Required (RULES §4.1): complains only after Next, and never at the same time as a format message.
    let age_missing = form.required("age", move || validate::age_required(&age_text.get()));
    let age_error = Signal::derive(move || age_format.get().or_else(|| age_missing.get()));
    let on_age = move |t: String| {
        if let Ok(v) = validate::age(&t) {
            session.update_intake(|i| i.age = v);
        }
        age_text.set(t);
    };
    let minor = move || {
        age_error.with(Option::is_none) && session.with_intake(|i| validate::is_minor(i.age))
    };

    let primary = Memo::new(move |_| {
        session.with_intake(|i| i.pain.as_ref().and_then(|p| p.primary.clone()))
    });
    let on_primary = move |v: Option<String>| session.update_intake(|i| set_primary(i, v));
    let sites = Signal::derive(move || session.with(|s| list_answer(s, ListKey::Sites)));
    let on_sites = move |a: ListAnswer| session.update(|s| set_list(s, ListKey::Sites, &a));

    let stored_months =
        session.with_untracked(|s| s.intake.pain.as_ref().and_then(|p| p.duration_months));
    let (dur_start, unit_start) = validate::duration_text(stored_months);
    let dur_text = RwSignal::new(dur_start);
    // The unit the person picked (a stored answer counts as picked); until then, years once the number is 2 or more.
    let picked = RwSignal::new(stored_months.is_some());
    let picked_unit = RwSignal::new(unit_start);
    let unit = move || {
        if picked.get() {
            Some(picked_unit.get())
        } else {
            default_unit(&dur_text.get())
        }
    };
    let unit_assumed = move || !picked.get() && unit().is_some();
    let dur_error = form.check("duration", move || {
        let text = dur_text.get();
        match unit() {
            Some(u) => validate::duration(&text, u).err(),
            None if text.trim().is_empty() => None,
            None if number(&text).is_some() => Some(CHOOSE_UNIT.to_string()),
            None => Some(NOT_A_NUMBER.to_string()),
        }
    });
    let store_duration = move || {
        let text = dur_text.get_untracked();
        // Never stored in a unit the person did not see: nothing is kept until the unit is known.
        let months = match unit() {
            Some(u) => validate::duration(&text, u),
            None => Ok(None),
        };
        if let Ok(v) = months {
            session.update_intake(|i| {
                pain_mut(i).duration_months = v;
                tidy(i);
            });
        }
    };

    let (pain, on_pain) = peg_item(session, |p| p.pain, |p, v| p.pain = v);
    let (enjoy, on_enjoy) = peg_item(session, |p| p.enjoyment, |p, v| p.enjoyment = v);
    let (activity, on_activity) = peg_item(session, |p| p.activity, |p, v| p.activity = v);

    view! {
        <p class="lead">"A few questions about your pain, so the plan fits you."</p>
        <p class="skip-note">
            "You can skip any question you\u{2019}d rather not answer; we\u{2019}ll treat it as unknown, never as \u{2018}no\u{2019}. "
            "Only your age, the safety questions on the next page and one question about your mood need an answer."
        </p>
        <TextField
            id="age"
            label="How old are you?"
            hint="In whole years. Mosaic is made for adults (18 and over). This question needs an answer."
            value=age_text
            on_input=on_age
            error=age_error
            inputmode="numeric"
            class="narrow"
        />
        <Show when=minor>
            <p class="note" role="status">
                "Mosaic is made for adults. If you are under 18, Next will show you who can help instead of a plan."
            </p>
        </Show>
        <RadioGroup
            name="primary"
            legend="Which pain troubles you most?"
            hint="This decides which research we show you."
            choices=catalog().conditions.iter().map(choice).collect()
            value=primary
            on_change=on_primary
        />
        {move || {
            let main = primary.get();
            let others: Vec<_> = catalog().conditions.iter().filter(|t| Some(t.id) != main.as_deref()).map(|t| Item { help: String::new(), ..item(t) }).collect();
            view! {
                <Checklist
                    name="sites"
                    legend="Do you have long-term pain anywhere else?"
                    hint="Tick all that apply."
                    groups=ItemGroup::plain(others)
                    value=sites
                    on_change=on_sites
                    none_label=Some("No other long-term pain")
                />
            }
        }}
        <div class="question text-field" class:has-error=move || dur_error.with(Option::is_some)>
            <label for="duration" class="field-label">"How long have you had this pain?"</label>
            <p class="hint" id="duration-hint">"Roughly is fine, for example 8 months or 2 years. Choose months or years beside the number."</p>
            <p class="field-error" id="duration-error" role="alert">{move || dur_error.get()}</p>
            <div class="input-row">
                <input
                    type="text"
                    id="duration"
                    class="narrow"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-invalid=move || dur_error.with(Option::is_some).then_some("true")
                    aria-describedby=move || if dur_error.with(Option::is_some) { "duration-hint duration-error" } else { "duration-hint" }
                    prop:value=move || dur_text.get()
                    on:input=move |ev| {
                        dur_text.set(event_target_value(&ev));
                        store_duration();
                    }
                />
                <label for="duration-unit" class="visually-hidden">"Months or years"</label>
                <select id="duration-unit" aria-describedby="duration-unit-note" on:change=move |ev| {
                    let id = event_target_value(&ev);
                    picked.set(!id.is_empty());
                    picked_unit.set(Unit::from_id(&id));
                    store_duration();
                }>
                    <option value="" prop:selected=move || unit().is_none()>"months or years?"</option>
                    <option value="months" prop:selected=move || unit() == Some(Unit::Months)>"months"</option>
                    <option value="years" prop:selected=move || unit() == Some(Unit::Years)>"years"</option>
                </select>
            </div>
            // Said aloud and shown, so a number read as years is never a silent guess.
            <p class="hint unit-note" id="duration-unit-note" aria-live="polite">
                {move || unit_assumed().then(|| format!("Read as {} years. Choose \u{201c}months\u{201d} if you meant months.", dur_text.get().trim()))}
            </p>
        </div>
        <h2 class="section-title">"In the past week"</h2>
        <Scale
            name="peg-pain"
            legend=PEG_PAIN.legend
            low=PEG_PAIN.low
            high=PEG_PAIN.high
            value=pain
            on_change=on_pain
            describe=PEG_PAIN.describe
        />
        <Scale
            name="peg-enjoyment"
            legend=PEG_ENJOYMENT.legend
            low=PEG_ENJOYMENT.low
            high=PEG_ENJOYMENT.high
            value=enjoy
            on_change=on_enjoy
            describe=PEG_ENJOYMENT.describe
        />
        <Scale
            name="peg-activity"
            legend=PEG_ACTIVITY.legend
            low=PEG_ACTIVITY.low
            high=PEG_ACTIVITY.high
            value=activity
            on_change=on_activity
            describe=PEG_ACTIVITY.describe
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_of_2_or_more_is_read_as_years_until_a_unit_is_chosen() {
        assert_eq!(default_unit("2"), Some(Unit::Years));
        assert_eq!(default_unit(" 14 "), Some(Unit::Years));
        assert_eq!(default_unit("2,5"), Some(Unit::Years));
        assert_eq!(
            default_unit("1"),
            None,
            "1 month or 1 year: the person chooses"
        );
        assert_eq!(default_unit("1.5"), None);
        assert_eq!(default_unit(""), None);
        assert_eq!(default_unit("a while"), None);
    }
}

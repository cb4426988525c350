//! The check-in's questions, each reading and changing the check-in through [`Editing`].

use super::model::{date_error, week_for};
use super::Editing;
use crate::clinical::catalog::catalog;
use crate::clinical::intake::{Peg, Phq4};
use crate::clinical::plan::PLAN_WEEKS;
use crate::clinical::progress::{CheckIn, SideEffect};
use crate::store::limits::MAX_NOTE_CHARS;
use crate::ui::components::instruments::{
    ScaleQuestion, PEG_ACTIVITY, PEG_ENJOYMENT, PEG_PAIN, SLEEP,
};
use crate::ui::components::self_harm::frequency_choices;
use crate::ui::components::side_effects::SIDE_EFFECT_LEVELS;
use crate::ui::pages::intake::mood::{Phq4Item, PHQ4};
use crate::ui::widgets::radio::{Choice, RadioGroup};
use crate::ui::widgets::scale::Scale;
use leptos::prelude::*;

/// The date (today by default, never later) and the week of the plan it counts for.
#[component]
pub fn WhenFields(editing: Editing, today: String) -> impl IntoView {
    let current = editing.current;
    let error = RwSignal::new(None::<String>);
    let max = today.clone();
    let on_date = move |ev| {
        let date = event_target_value(&ev);
        let refused = date_error(&date, &today);
        error.set(refused.clone());
        if refused.is_none() {
            let others: Vec<CheckIn> = editing.session.with_untracked(|s| {
                let own = editing.index.get_untracked();
                s.checkins
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| Some(*i) != own)
                    .map(|(_, c)| c.clone())
                    .collect()
            });
            editing.edit(|c| {
                c.week = week_for(&date, &others);
                c.date = date;
            });
        }
    };
    let on_week = move |ev| {
        if let Ok(week) = event_target_value(&ev).parse::<u16>() {
            editing.edit(|c| c.week = week);
        }
    };
    view! {
        <div class="check-in-when">
            <div class="text-field">
                <label for="checkin-date">"Date of this check-in"</label>
                <input id="checkin-date" type="date" max=max prop:value=move || current.with(|c| c.date.clone())
                    aria-describedby="checkin-date-error" aria-invalid=move || error.with(Option::is_some).to_string()
                    on:change=on_date />
                <p id="checkin-date-error" class="field-error" role="alert">{move || error.get()}</p>
            </div>
            <div class="text-field">
                <label for="checkin-week">"Week of your plan"</label>
                <select id="checkin-week" on:change=on_week>
                    {(1..=u16::from(PLAN_WEEKS)).map(|w| view! {
                        <option value=w.to_string() prop:selected=move || current.with(|c| c.week == w)>
                            {format!("Week {w}")}
                        </option>
                    }).collect_view()}
                </select>
            </div>
        </div>
    }
}

/// One 0–10 question bound to a field of the check-in.
fn scale(
    editing: Editing,
    name: &'static str,
    question: ScaleQuestion,
    get: fn(&CheckIn) -> Option<u8>,
    set: fn(&mut CheckIn, Option<u8>),
) -> impl IntoView {
    let current = editing.current;
    let value = Signal::derive(move || current.with(get));
    let on_change = move |v: Option<u8>| editing.edit(|c| set(c, v));
    view! {
        <Scale name=name legend=question.legend low=question.low high=question.high value=value
            on_change=on_change describe=question.describe />
    }
}

/// Sets one PEG item.
fn peg(c: &mut CheckIn, f: impl FnOnce(&mut Peg)) {
    f(&mut c.peg);
}

/// PEG's three items, as at intake.
#[component]
pub fn PegQuestions(editing: Editing) -> impl IntoView {
    view! {
        <h2 class="section-title">"In the past week"</h2>
        {scale(editing, "checkin-peg-pain", PEG_PAIN, |c| c.peg.pain, |c, v| peg(c, |p| p.pain = v))}
        {scale(editing, "checkin-peg-enjoyment", PEG_ENJOYMENT, |c| c.peg.enjoyment, |c, v| peg(c, |p| p.enjoyment = v))}
        {scale(editing, "checkin-peg-activity", PEG_ACTIVITY, |c| c.peg.activity, |c, v| peg(c, |p| p.activity = v))}
    }
}

/// Sleep quality.
#[component]
pub fn SleepQuestion(editing: Editing) -> impl IntoView {
    scale(
        editing,
        "checkin-sleep",
        SLEEP,
        |c| c.sleep,
        |c, v| c.sleep = v,
    )
}

/// PHQ-4's four items, worded as at intake, asked every second week.
#[component]
pub fn MoodQuestions(editing: Editing) -> impl IntoView {
    let current = editing.current;
    let item = move |(get, set, name, text): Phq4Item| {
        let value = Signal::derive(move || {
            current.with(|c| c.mood.and_then(|m| get(&m)).map(|n| n.to_string()))
        });
        let on_change = move |v: Option<String>| {
            editing.edit(|c| {
                let mut mood = c.mood.unwrap_or_default();
                set(&mut mood, v.and_then(|v| v.parse().ok()));
                c.mood = (mood != Phq4::default()).then_some(mood);
            })
        };
        view! { <RadioGroup name=name legend=text choices=frequency_choices() value=value on_change=on_change chips=true /> }
    };
    view! {
        <fieldset class="question-group">
            <legend>"Over the last 2 weeks, how often have you been bothered by the following problems?"</legend>
            {PHQ4.into_iter().map(item).collect_view()}
        </fieldset>
    }
}

/// For each therapy in the plan that week: sessions done (the plan's number to start from) and side effects.
#[component]
pub fn TherapyWeek(editing: Editing) -> impl IntoView {
    let current = editing.current;
    let therapies =
        Memo::new(move |_| current.with(|c| c.sessions.keys().cloned().collect::<Vec<_>>()));
    let one = move |id: String| {
        let name = catalog().therapy_name(&id);
        let sessions_id = format!("checkin-sessions-{id}");
        let sessions = {
            let id = id.clone();
            move || current.with(|c| c.sessions.get(&id).copied().unwrap_or(0).to_string())
        };
        let on_sessions = {
            let id = id.clone();
            move |ev| {
                if let Ok(n) = event_target_value(&ev).trim().parse::<u8>() {
                    let id = id.clone();
                    editing.edit(move |c| {
                        c.sessions.insert(id, n);
                    });
                }
            }
        };
        let level = {
            let id = id.clone();
            Signal::derive(move || {
                current.with(|c| {
                    c.effects.get(&id).map(|e| {
                        SIDE_EFFECT_LEVELS
                            .iter()
                            .find(|(l, _, _)| *l == e.level)
                            .map_or("none", |x| x.1)
                            .to_string()
                    })
                })
            })
        };
        let on_level = {
            let id = id.clone();
            move |v: Option<String>| {
                let id = id.clone();
                let level = SIDE_EFFECT_LEVELS
                    .iter()
                    .find(|(_, word, _)| Some(*word) == v.as_deref())
                    .map(|x| x.0);
                editing.edit(move |c| match level {
                    Some(level) => {
                        c.effects
                            .entry(id)
                            .or_insert_with(SideEffect::default)
                            .level = level
                    }
                    None => {
                        c.effects.remove(&id);
                    }
                })
            }
        };
        let text_id = format!("checkin-effect-text-{id}");
        let text = {
            let id = id.clone();
            move || {
                current.with(|c| {
                    c.effects
                        .get(&id)
                        .map(|e| e.text.clone())
                        .unwrap_or_default()
                })
            }
        };
        let on_text = {
            let id = id.clone();
            move |ev| {
                let value = event_target_value(&ev);
                let id = id.clone();
                editing.edit(move |c| {
                    c.effects.entry(id).or_insert_with(SideEffect::default).text = value
                })
            }
        };
        let choices = SIDE_EFFECT_LEVELS
            .iter()
            .map(|(_, word, label)| Choice::new(*word, *label))
            .collect();
        let heading_id = format!("{sessions_id}-heading");
        view! {
            <section class="card check-in-therapy" aria-labelledby=heading_id.clone() data-therapy=id.clone()>
                <h3 id=heading_id.clone()>{name.clone()}</h3>
                <div class="text-field">
                    <label for=sessions_id.clone()>{format!("Sessions of {name} done this week")}</label>
                    <input id=sessions_id type="number" min="0" max="14" inputmode="numeric" class="short"
                        prop:value=sessions on:change=on_sessions />
                </div>
                <RadioGroup name=format!("checkin-effect-{id}") legend=format!("Side effects of {name} this week")
                    choices=choices value=level on_change=on_level chips=true />
                <label for=text_id.clone()>{format!("What happened with {name} (optional)")}</label>
                <textarea id=text_id autocomplete="off" maxlength=MAX_NOTE_CHARS.to_string() rows="2" prop:value=text on:change=on_text></textarea>
            </section>
        }
    };
    view! {
        <h2 class="section-title">"Your therapies this week"</h2>
        <p class="hint">"The number of sessions your plan has this week is filled in: change it to what you did."</p>
        {move || therapies.get().into_iter().map(one).collect_view()}
    }
}

/// Anything else about the week, in the person's words.
#[component]
pub fn NoteField(editing: Editing) -> impl IntoView {
    let current = editing.current;
    view! {
        <label for="checkin-note" class="section-title">"Anything else about this week (optional)"</label>
        <textarea id="checkin-note" autocomplete="off" rows="3" maxlength=MAX_NOTE_CHARS.to_string()
            prop:value=move || current.with(|c| c.note.clone())
            on:change=move |ev| { let v = event_target_value(&ev); editing.edit(|c| c.note = v) }></textarea>
    }
}

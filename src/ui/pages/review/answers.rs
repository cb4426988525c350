//! Every intake answer in plain words, step by step, for the review page: labels come from the catalog and the
//! steps' own wording, list answers are read through the wizard's `list_answer`. No browser; tested natively.

use crate::clinical::catalog::{catalog, Vocab};
use crate::clinical::intake::{Intake, Peg};
use crate::clinical::plan::WEEKDAYS;
use crate::store::document::AppState;
use crate::ui::components::self_harm::frequency_choices;
use crate::ui::pages::intake::model::{list_answer, start_back_items, ListKey};
use crate::ui::pages::intake::step_status::{status, StepStatus};
use crate::ui::pages::intake::validate::{duration_text, Unit};
use crate::ui::pages::intake::{mood::PHQ4, start_back};
use crate::ui::route::Step;
use crate::ui::widgets::checklist::ListAnswer;
use crate::ui::widgets::scale::{announce, interference_word, pain_word};

/// One answer as the review shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// What the person answered, in words.
    Given(String),
    /// The question was skipped.
    NotAnswered,
    /// The person said they are not sure.
    NotSure,
}

impl Answer {
    /// The words shown.
    pub fn text(&self) -> &str {
        match self {
            Answer::Given(t) => t,
            Answer::NotAnswered => "Not answered",
            Answer::NotSure => "Not sure",
        }
    }

    /// `Given` for a present value, `NotAnswered` otherwise.
    fn of<T>(value: Option<T>, words: impl FnOnce(T) -> String) -> Answer {
        value.map_or(Answer::NotAnswered, |v| Answer::Given(words(v)))
    }
}

/// A question and its answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The question, short.
    pub question: String,
    /// The answer.
    pub answer: Answer,
}

/// One step of the intake with its answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The step.
    pub step: Step,
    /// Whether it is done, partly answered, not started or not asked.
    pub status: StepStatus,
    /// Its questions and answers (empty for a step not asked of this person).
    pub rows: Vec<Row>,
}

/// What the "Change" link of a step says after "Change", so its name says which answers it changes.
pub fn change_words(step: Step) -> &'static str {
    match step {
        Step::Pain => "your pain answers",
        Step::Safety => "your safety answers",
        Step::Health => "your health answers",
        Step::Medicines => "your medicines answers",
        Step::Mood => "your mood answers",
        Step::StartBack => "your back pain answers",
        Step::Activity => "your activity answer",
        Step::Values => "what matters to you",
        Step::Practical => "your practical answers",
    }
}

fn row(question: impl Into<String>, answer: Answer) -> Row {
    Row {
        question: question.into(),
        answer,
    }
}

/// A catalog term's label (the ID itself if the catalog no longer knows it).
fn term(vocab: Vocab, id: &str) -> String {
    catalog().label(vocab, id)
}

/// A list answer in words: the ticked labels, `none` for "none of these", and "not sure" as said.
fn list(state: &AppState, key: ListKey, vocab: Vocab, none: &str) -> Answer {
    let labels = |ids: &[String]| {
        ids.iter()
            .map(|id| term(vocab, id))
            .collect::<Vec<_>>()
            .join("; ")
    };
    match list_answer(state, key) {
        ListAnswer::Unanswered => Answer::NotAnswered,
        ListAnswer::Chosen(ids) if ids.is_empty() => Answer::Given(none.to_string()),
        ListAnswer::Chosen(ids) => Answer::Given(labels(&ids)),
        ListAnswer::Unsure(ids) if ids.is_empty() => Answer::NotSure,
        ListAnswer::Unsure(ids) => {
            Answer::Given(format!("{}; not sure about the rest", labels(&ids)))
        }
    }
}

/// "2 years", "14 months", "1 month": the stored months as the pain step shows them.
fn duration(months: u16) -> String {
    let (n, unit) = duration_text(Some(months));
    let one = n == "1";
    match unit {
        Unit::Years if one => "1 year".to_string(),
        Unit::Years => format!("{n} years"),
        Unit::Months if one => "1 month".to_string(),
        Unit::Months => format!("{n} months"),
    }
}

fn yes_no(b: Option<bool>) -> Answer {
    Answer::of(b, |b| if b { "Yes" } else { "No" }.to_string())
}

/// A 0–3 PHQ answer as its words ("Several days").
fn frequency(n: Option<u8>) -> Answer {
    let words = frequency_choices();
    Answer::of(n.and_then(|n| words.get(usize::from(n))), |c| {
        c.label.clone()
    })
}

fn pain_rows(state: &AppState) -> Vec<Row> {
    let i = &state.intake;
    let pain = i.pain.as_ref();
    let peg = pain.and_then(|p| p.peg).unwrap_or_default();
    let scale =
        |n: Option<u8>, describe: fn(u8) -> &'static str| Answer::of(n, |n| announce(n, describe));
    let Peg {
        pain: average,
        enjoyment,
        activity,
    } = peg;
    vec![
        row("Age", Answer::of(i.age, |a| format!("{a} years"))),
        row(
            "The pain that troubles you most",
            Answer::of(pain.and_then(|p| p.primary.as_deref()), |id| {
                term(Vocab::Condition, id)
            }),
        ),
        row(
            "Long-term pain anywhere else",
            list(
                state,
                ListKey::Sites,
                Vocab::Condition,
                "No other long-term pain",
            ),
        ),
        row(
            "How long you have had this pain",
            Answer::of(pain.and_then(|p| p.duration_months), duration),
        ),
        row(
            "Pain on average in the past week",
            scale(average, pain_word),
        ),
        row(
            "How pain interfered with your enjoyment of life",
            scale(enjoyment, interference_word),
        ),
        row(
            "How pain interfered with your general activity",
            scale(activity, interference_word),
        ),
    ]
}

fn mood_rows(i: &Intake) -> Vec<Row> {
    let phq = i.mood.and_then(|m| m.phq4).unwrap_or_default();
    let mut rows: Vec<Row> = PHQ4
        .iter()
        .map(|(get, _, _, text)| row(*text, frequency(get(&phq))))
        .collect();
    rows.push(row(
        "Thoughts that you would be better off dead, or of hurting yourself",
        frequency(i.mood.and_then(|m| m.self_harm)),
    ));
    rows
}

fn start_back_rows(state: &AppState) -> Vec<Row> {
    let mut rows: Vec<Row> = start_back::ITEMS
        .iter()
        .zip(start_back_items(state))
        .map(|(text, a)| {
            row(
                *text,
                Answer::of(a, |agree| {
                    if agree { "Agree" } else { "Disagree" }.to_string()
                }),
            )
        })
        .collect();
    let bothersome = state
        .intake
        .start_back
        .as_ref()
        .and_then(|b| b.bothersome.as_deref());
    let words = |id: &str| {
        crate::clinical::intake::StartBack::BOTHERSOME
            .iter()
            .position(|b| *b == id)
            .and_then(|k| start_back::BOTHERSOME_WORDS.get(k))
            .map_or_else(|| id.to_string(), |w| (*w).to_string())
    };
    rows.push(row(
        "How bothersome your back pain has been in the last 2 weeks",
        Answer::of(bothersome, words),
    ));
    rows
}

fn values_rows(i: &Intake) -> Vec<Row> {
    let v = i.values.as_ref();
    let mut rows = vec![row(
        "What matters most to you",
        Answer::of(v.and_then(|v| v.what_matters.clone()), |t| t),
    )];
    let out_of_5 =
        |n: Option<u8>| n.map_or("not answered".to_string(), |n| format!("{n} out of 5"));
    rows.extend(catalog().terms(Vocab::Area).iter().map(|t| {
        let rating = v.and_then(|v| v.areas.iter().find(|a| a.area == t.id));
        let answer = Answer::of(
            rating.filter(|a| a.now.is_some() || a.want.is_some()),
            |a| format!("Now {}; would like {}", out_of_5(a.now), out_of_5(a.want)),
        );
        row(t.label, answer)
    }));
    let goals = v.map(|v| v.goals.join("; ")).filter(|g| !g.is_empty());
    rows.push(row("Your goals", Answer::of(goals, |g| g)));
    rows
}

fn practical_rows(i: &Intake) -> Vec<Row> {
    let p = i.practicalities.clone().unwrap_or_default();
    let days = p.days.as_ref().filter(|d| !d.is_empty()).map(|d| {
        d.iter()
            .filter_map(|n| WEEKDAYS.get(usize::from(*n)))
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    });
    vec![
        row(
            "Time you could give to your plan",
            Answer::of(p.minutes_per_week, |m| format!("{m} minutes a week")),
        ),
        row(
            "What you could spend each month",
            Answer::of(p.budget_per_month, |b| format!("{b} per month")),
        ),
        row(
            "Days you could usually fit something in",
            Answer::of(days, |d| d),
        ),
        row(
            "Open to treatments with fine needles, such as acupuncture",
            yes_no(p.needles_ok),
        ),
        row(
            "Open to hands-on treatments, such as massage",
            yes_no(p.touch_ok),
        ),
        row("Only things you can do at home", yes_no(p.home_only)),
    ]
}

/// The answers of one step.
fn rows(state: &AppState, step: Step) -> Vec<Row> {
    let i = &state.intake;
    match step {
        Step::Pain => pain_rows(state),
        Step::Safety => vec![row(
            "Symptoms true for you now",
            list(state, ListKey::Symptoms, Vocab::Symptom, "None of these"),
        )],
        Step::Health => vec![row(
            "Health conditions that apply to you",
            list(state, ListKey::Conditions, Vocab::Health, "None of these"),
        )],
        Step::Medicines => vec![
            row(
                "Medicines you take regularly",
                list(
                    state,
                    ListKey::Medications,
                    Vocab::Medication,
                    "None of these",
                ),
            ),
            row(
                "Supplements or herbal remedies you take",
                list(
                    state,
                    ListKey::Supplements,
                    Vocab::Supplement,
                    "None of these",
                ),
            ),
        ],
        Step::Mood => mood_rows(i),
        Step::StartBack => start_back_rows(state),
        Step::Activity => vec![row(
            "Planned exercise of at least 30 minutes, 3 days a week, for the last 3 months",
            Answer::of(i.activity.as_deref(), |a| {
                if a == Intake::ACTIVITY[0] {
                    "Yes"
                } else {
                    "No"
                }
                .to_string()
            }),
        )],
        Step::Values => values_rows(i),
        Step::Practical => practical_rows(i),
    }
}

/// Every step of the intake, in order, with its status and answers (a step not asked of this person has none).
pub fn sections(state: &AppState) -> Vec<Section> {
    Step::ALL
        .into_iter()
        .map(|step| {
            let status = status(state, step);
            let rows = if status == StepStatus::Skipped {
                Vec::new()
            } else {
                rows(state, step)
            };
            Section { step, status, rows }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::pages::intake::model::set_list;

    fn state(intake: serde_json::Value) -> AppState {
        AppState {
            intake: serde_json::from_value(intake).unwrap(),
            ..AppState::default()
        }
    }

    /// The answer shown for `question` on `step`.
    fn answer(sections: &[Section], step: Step, question: &str) -> String {
        let section = sections.iter().find(|s| s.step == step).unwrap();
        let row = section.rows.iter().find(|r| r.question == question);
        row.unwrap_or_else(|| panic!("no row {question:?} on {step:?}"))
            .answer
            .text()
            .to_string()
    }

    #[test]
    fn answers_read_in_plain_words_and_skipped_questions_say_not_answered() {
        let s = state(serde_json::json!({
            "age": 52,
            "pain": { "primary": "low_back", "duration_months": 24, "peg": { "pain": 7 } },
            "symptoms": [],
            "mood": { "phq4": { "worry": 1 }, "self_harm": 0 },
            "start_back": { "bothersome": "very_much" },
            "practicalities": { "minutes_per_week": 150, "days": [0, 2], "needles_ok": false }
        }));
        let all = sections(&s);
        assert_eq!(answer(&all, Step::Pain, "Age"), "52 years");
        assert_eq!(
            answer(&all, Step::Pain, "The pain that troubles you most"),
            "Low back pain"
        );
        assert_eq!(
            answer(&all, Step::Pain, "How long you have had this pain"),
            "2 years"
        );
        assert_eq!(
            answer(&all, Step::Pain, "Pain on average in the past week"),
            "7 out of 10, severe"
        );
        assert_eq!(
            answer(&all, Step::Pain, "Long-term pain anywhere else"),
            "Not answered"
        );
        assert_eq!(
            answer(&all, Step::Safety, "Symptoms true for you now"),
            "None of these"
        );
        assert_eq!(
            answer(&all, Step::Health, "Health conditions that apply to you"),
            "Not answered"
        );
        assert_eq!(
            answer(
                &all,
                Step::Mood,
                "Not being able to stop or control worrying"
            ),
            "Several days"
        );
        assert_eq!(
            answer(
                &all,
                Step::Mood,
                "Thoughts that you would be better off dead, or of hurting yourself"
            ),
            "Not at all"
        );
        assert_eq!(
            answer(
                &all,
                Step::StartBack,
                "How bothersome your back pain has been in the last 2 weeks"
            ),
            "Very much"
        );
        assert_eq!(
            answer(
                &all,
                Step::Practical,
                "Days you could usually fit something in"
            ),
            "Monday, Wednesday"
        );
        assert_eq!(
            answer(
                &all,
                Step::Practical,
                "Open to treatments with fine needles, such as acupuncture"
            ),
            "No"
        );
        assert_eq!(answer(&all, Step::Values, "Your goals"), "Not answered");
    }

    #[test]
    fn not_sure_is_said_and_ticks_beside_it_are_kept() {
        let mut s = AppState::default();
        set_list(
            &mut s,
            ListKey::Conditions,
            &ListAnswer::Unsure(vec!["osteoporosis".into()]),
        );
        set_list(&mut s, ListKey::Medications, &ListAnswer::Unsure(vec![]));
        let all = sections(&s);
        assert_eq!(
            answer(&all, Step::Health, "Health conditions that apply to you"),
            "Osteoporosis or osteopenia; not sure about the rest"
        );
        assert_eq!(
            answer(&all, Step::Medicines, "Medicines you take regularly"),
            "Not sure"
        );
    }

    #[test]
    fn start_back_has_no_answers_to_show_unless_it_is_asked() {
        let neck = state(serde_json::json!({ "pain": { "primary": "neck" } }));
        let sb = &sections(&neck)[5];
        assert_eq!((sb.step, sb.status), (Step::StartBack, StepStatus::Skipped));
        assert!(sb.rows.is_empty());
        assert_eq!(sections(&neck).len(), 9, "every step is listed");
    }

    #[test]
    fn durations_read_as_the_pain_step_shows_them() {
        assert_eq!(duration(1), "1 month");
        assert_eq!(duration(14), "14 months");
        assert_eq!(duration(12), "1 year");
        assert_eq!(duration(36), "3 years");
    }
}

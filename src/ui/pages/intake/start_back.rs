//! Step 6, back pain impact: the Keele STarT Back Screening Tool (low back pain only), its nine items as written.

use super::model::{set_start_back_item, start_back_items, tidy};
use crate::clinical::intake::StartBack;
use crate::ui::session::use_session;
use crate::ui::widgets::radio::{Choice, RadioGroup};
use leptos::prelude::*;

/// Items 1–8 (SOURCES §3.4), answered agree or disagree; as many as `StartBack::AGREE_ITEM` numbers.
pub const ITEMS: [&str; StartBack::AGREE_ITEM.max as usize] = [
    "My back pain has spread down my leg(s) at some time in the last 2 weeks",
    "I have had pain in the shoulder or neck at some time in the last 2 weeks",
    "I have only walked short distances because of my back pain",
    "In the last 2 weeks, I have dressed more slowly than usual because of back pain",
    "It\u{2019}s not really safe for a person with a condition like mine to be physically active",
    "Worrying thoughts have been going through my mind a lot of the time",
    "I feel that my back pain is terrible and it\u{2019}s never going to get any better",
    "In general I have not enjoyed all the things I used to enjoy",
];

/// Item 9's answers as shown, in the order of the stored IDs `StartBack::BOTHERSOME`.
pub const BOTHERSOME_WORDS: [&str; 5] = [
    "Not at all",
    "Slightly",
    "Moderately",
    "Very much",
    "Extremely",
];

/// The STarT Back step.
#[component]
pub fn StartBackStep() -> impl IntoView {
    let session = use_session();
    let items = Memo::new(move |_| session.with(start_back_items));
    let agree_choices = || {
        vec![
            Choice::new("agree", "Agree"),
            Choice::new("disagree", "Disagree"),
        ]
    };
    let bothersome = Signal::derive(move || {
        session.with_intake(|i| i.start_back.as_ref().and_then(|b| b.bothersome.clone()))
    });
    let on_bothersome = move |v: Option<String>| {
        session.update_intake(|i| {
            i.start_back
                .get_or_insert_with(StartBack::default)
                .bothersome = v;
            tidy(i);
        })
    };
    view! {
        <p class="lead">"These questions help show what kind of support suits your back pain best."</p>
        <fieldset class="question-group">
            <legend>"Thinking about the last 2 weeks, do you agree or disagree with each statement?"</legend>
            {ITEMS.iter().enumerate().map(|(k, text)| {
                let n = k as u8 + 1;
                let value = Signal::derive(move || items.with(|a| a[k].map(|yes| if yes { "agree" } else { "disagree" }.to_string())));
                let on_change = move |v: Option<String>| session.update(|s| set_start_back_item(s, n, v.map(|v| v == "agree")));
                view! {
                    <RadioGroup name=format!("sb-{n}") legend=*text choices=agree_choices() value=value on_change=on_change chips=true />
                }
            }).collect_view()}
        </fieldset>
        <RadioGroup
            name="sb-9"
            legend="Overall, how bothersome has your back pain been in the last 2 weeks?"
            choices=StartBack::BOTHERSOME.iter().zip(BOTHERSOME_WORDS).map(|(id, words)| Choice::new(*id, words)).collect()
            value=bothersome
            on_change=on_bothersome
            chips=true
        />
        // The licence asks that the copyright and funding statement stay with the tool (SOURCES §3.4).
        <p class="credit">
            "Keele STarT Back Screening Tool \u{a9} Keele University. Its development was part funded by Arthritis Research UK. "
            "No licence is required for non-commercial use."
        </p>
    }
}

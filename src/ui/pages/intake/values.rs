//! Step 8, what matters: in the person's own words, the eight Whole-Health areas ("now" and "want", 1–5),
//! and up to three goals.

use super::model::{area_rating, set_area, tidy, values_mut, AreaPart};
use super::shell::use_form;
use super::validate;
use crate::clinical::catalog::{catalog, Term, Vocab};
use crate::clinical::intake::{AreaRating, Range as RangeOfAnswers};
use crate::store::limits::{MAX_GOALS_TEXT_CHARS, MAX_WHAT_MATTERS_CHARS};
use crate::ui::session::{use_session, Session};
use crate::ui::widgets::field::TextArea;
use crate::ui::widgets::radio::{Choice, RadioGroup};
use leptos::prelude::*;

/// The Whole-Health areas (from the clinical vocabulary), in the order the step shows them.
fn areas() -> &'static [Term] {
    catalog().terms(Vocab::Area)
}

/// The area IDs in order.
fn order() -> Vec<&'static str> {
    areas().iter().map(|a| a.id).collect()
}

/// A 1–5 rating as five large radio buttons.
fn rating(
    session: Session,
    area: &'static str,
    part: AreaPart,
    legend: &'static str,
) -> impl IntoView {
    let value = Signal::derive(move || {
        session
            .with_intake(|i| area_rating(i, area, part))
            .map(|n| n.to_string())
    });
    let on_change = move |v: Option<String>| {
        let n = v.and_then(|v| v.parse().ok());
        session.update_intake(|i| set_area(i, &order(), area, part, n));
    };
    let suffix = if part == AreaPart::Now { "now" } else { "want" };
    let RangeOfAnswers { min, max } = AreaRating::RATING;
    let choices = (min..=max)
        .map(|n| Choice::new(n.to_string(), n.to_string()))
        .collect();
    view! { <RadioGroup name=format!("area-{area}-{suffix}") legend=legend choices=choices value=value on_change=on_change chips=true /> }
}

/// The what-matters step.
#[component]
pub fn ValuesStep() -> impl IntoView {
    let session = use_session();
    let form = use_form();
    let matters = RwSignal::new(session.with_untracked(|s| {
        s.intake
            .values
            .as_ref()
            .and_then(|v| v.what_matters.clone())
            .unwrap_or_default()
    }));
    let on_matters = move |t: String| {
        session.update_intake(|i| {
            values_mut(i).what_matters = validate::free_text(&t);
            tidy(i);
        });
        matters.set(t);
    };
    let goals = RwSignal::new(session.with_untracked(|s| {
        s.intake
            .values
            .as_ref()
            .map(|v| v.goals.join("\n"))
            .unwrap_or_default()
    }));
    let goals_error = form.check("goals", move || validate::goals(&goals.get()).1);
    let on_goals = move |t: String| {
        let (kept, _) = validate::goals(&t);
        session.update_intake(|i| {
            values_mut(i).goals = kept;
            tidy(i);
        });
        goals.set(t);
    };
    view! {
        <p class="lead">"Your plan should serve your life, not the other way round. Answer as much or as little as you like."</p>
        <TextArea
            id="what-matters"
            label="What matters most to you in your life right now?"
            hint="For example family, work, a hobby or staying independent. In your own words."
            value=matters
            on_input=on_matters
            maxlength=MAX_WHAT_MATTERS_CHARS
        />
        <fieldset class="question-group areas">
            <legend>"How are things in each part of your life?"</legend>
            <p class="hint">"For each, choose where you are now and where you would like to be: 1 = not well at all, 5 = very well."</p>
            {areas().iter().map(|Term { id, label, help, .. }| view! {
                <fieldset class="area" id=format!("area-{id}")>
                    <legend>{*label}</legend>
                    <p class="hint">{*help}</p>
                    <div class="area-ratings">
                        {rating(session, id, AreaPart::Now, "Where you are now")}
                        {rating(session, id, AreaPart::Want, "Where you would like to be")}
                    </div>
                </fieldset>
            }).collect_view()}
        </fieldset>
        <TextArea
            id="goals"
            label="Your goals, up to three"
            hint="One per line, in your own words, for example \u{201c}Walk to the shops without stopping\u{201d}."
            value=goals
            on_input=on_goals
            error=goals_error
            rows=4
            maxlength=MAX_GOALS_TEXT_CHARS
        />
    }
}

//! Pure mapping between the wizard's answers and the saved state: list answers and "not sure", sections that
//! become empty, STarT Back items, Whole-Health areas, and where Back and Next lead. No browser; tested natively.

use crate::clinical::intake::{AreaRating, Intake, StartBack};
use crate::clinical::screening::Outcome;
use crate::store::document::AppState;
use crate::ui::route::{Route, Step};
use crate::ui::widgets::checklist::ListAnswer;

// Kept importable from here: the wizard's steps reach every answer mapping through this module.
pub use crate::clinical::intake::sections::{
    mood_mut, pain_mut, peg_mut, phq4_mut, practical_mut, tidy, values_mut,
};
pub use crate::ui::widgets::radio::{digit_text, digit_value};

/// The "not sure" answer of the health and medicines lists: it may sit beside ticks.
pub const UNSURE_LABEL: &str = "I\u{2019}m not sure about some of these";
/// How to answer such a list when unsure about part of it.
pub const UNSURE_HINT: &str = "Tick all that apply. If you are not sure about some, tick the ones you know and \u{201c}I\u{2019}m not sure about some of these\u{201d}: Mosaic treats the rest as unknown, never as a no.";

/// A list question of the intake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKey {
    /// Other pain sites (`pain.sites`).
    Sites,
    /// Red flags (`symptoms`).
    Symptoms,
    /// Health facts (`conditions`).
    Conditions,
    /// Medication classes (`medications`).
    Medications,
    /// Supplements already taken (`supplements`).
    Supplements,
}

impl ListKey {
    /// The list's name: in the intake's `unsure` for the health, medicines and supplements lists (which may be
    /// "not sure" beside ticks), in `AppState.unsure` for the others.
    pub fn key(self) -> &'static str {
        match self {
            ListKey::Sites => "sites",
            ListKey::Symptoms => "symptoms",
            ListKey::Conditions => "conditions",
            ListKey::Medications => "medications",
            ListKey::Supplements => "supplements",
        }
    }

    fn get(self, i: &Intake) -> Option<&Vec<String>> {
        match self {
            ListKey::Sites => i.pain.as_ref().and_then(|p| p.sites.as_ref()),
            ListKey::Symptoms => i.symptoms.as_ref(),
            ListKey::Conditions => i.conditions.as_ref(),
            ListKey::Medications => i.medications.as_ref(),
            ListKey::Supplements => i.supplements.as_ref(),
        }
    }

    fn slot(self, i: &mut Intake) -> &mut Option<Vec<String>> {
        match self {
            ListKey::Sites => &mut pain_mut(i).sites,
            ListKey::Symptoms => &mut i.symptoms,
            ListKey::Conditions => &mut i.conditions,
            ListKey::Medications => &mut i.medications,
            ListKey::Supplements => &mut i.supplements,
        }
    }
}

/// Whether "not sure" for this list lives in the intake (`Intake::UNSURE_LISTS`) rather than beside it.
fn unsure_in_intake(key: ListKey) -> bool {
    Intake::UNSURE_LISTS.contains(&key.key())
}

/// The answer a list question shows: the ticks, with "not sure" beside them when the person said so.
pub fn list_answer(s: &AppState, key: ListKey) -> ListAnswer {
    let unsure = if unsure_in_intake(key) {
        s.intake.unsure.iter().any(|u| u == key.key())
    } else {
        s.unsure.contains(key.key())
    };
    match (key.get(&s.intake), unsure) {
        (list, true) => ListAnswer::Unsure(list.cloned().unwrap_or_default()),
        (Some(v), false) => ListAnswer::Chosen(v.clone()),
        (None, false) => ListAnswer::Unanswered,
    }
}

/// Records a list answer: the ticks in the list, and "not sure" as the list's name in `unsure` (never as "none").
pub fn set_list(s: &mut AppState, key: ListKey, answer: &ListAnswer) {
    let name = key.key();
    if unsure_in_intake(key) {
        let unsure = &mut s.intake.unsure;
        unsure.retain(|u| u != name);
        if answer.is_unsure() {
            unsure.push(name.to_string());
        }
    } else if answer.is_unsure() {
        s.unsure.insert(name.to_string());
    } else {
        s.unsure.remove(name);
    }
    *key.slot(&mut s.intake) = answer.stored();
    tidy(&mut s.intake);
}

/// Sets the main pain; it is taken out of the other sites, and a site list left empty by that becomes
/// "not answered" (it never turns into "no other pain").
pub fn set_primary(i: &mut Intake, primary: Option<String>) {
    let p = pain_mut(i);
    if let (Some(id), Some(sites)) = (primary.as_ref(), p.sites.as_mut()) {
        let had = !sites.is_empty();
        sites.retain(|s| s != id);
        if had && sites.is_empty() {
            p.sites = None;
        }
    }
    p.primary = primary;
    tidy(i);
}

/// STarT Back items 1–8 as the person answered them (`Some(true)` = agree). A complete list in the intake
/// wins (e.g. after a restore); otherwise the partly answered items kept in `start_back_items`.
pub fn start_back_items(s: &AppState) -> [Option<bool>; 8] {
    let agree = s.intake.start_back.as_ref().and_then(|b| b.agree.as_ref());
    std::array::from_fn(|k| match agree {
        Some(list) => Some(list.contains(&(k as u8 + 1))),
        None => s.start_back_items.get(k).copied().flatten(),
    })
}

/// Answers one of STarT Back items 1–8. The intake's `agree` list is filled only once all eight are
/// answered, so a skipped item never counts as "disagree".
pub fn set_start_back_item(s: &mut AppState, item: u8, answer: Option<bool>) {
    let mut items = start_back_items(s);
    if let Some(slot) = items.get_mut(usize::from(item.wrapping_sub(1))) {
        *slot = answer;
    }
    s.start_back_items = if items.iter().any(Option::is_some) {
        items.to_vec()
    } else {
        Vec::new()
    };
    let complete = items.iter().all(Option::is_some);
    let sb = s.intake.start_back.get_or_insert_with(StartBack::default);
    sb.agree = complete.then(|| {
        (1u8..)
            .zip(items)
            .filter(|(_, a)| *a == Some(true))
            .map(|(n, _)| n)
            .collect()
    });
    tidy(&mut s.intake);
}

/// "Where you are now" or "where you want to be" for a Whole-Health area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaPart {
    /// Where the person is now.
    Now,
    /// Where they want to be.
    Want,
}

/// The rating of one part of a Whole-Health area, if given.
pub fn area_rating(i: &Intake, area: &str, part: AreaPart) -> Option<u8> {
    let a = i.values.as_ref()?.areas.iter().find(|a| a.area == area)?;
    match part {
        AreaPart::Now => a.now,
        AreaPart::Want => a.want,
    }
}

/// Sets one rating of an area, keeping areas in `order` and dropping an area with no rating left.
pub fn set_area(i: &mut Intake, order: &[&str], area: &str, part: AreaPart, value: Option<u8>) {
    let v = values_mut(i);
    if !v.areas.iter().any(|a| a.area == area) {
        v.areas.push(AreaRating {
            area: area.to_string(),
            ..AreaRating::default()
        });
    }
    for a in v.areas.iter_mut().filter(|a| a.area == area) {
        match part {
            AreaPart::Now => a.now = value,
            AreaPart::Want => a.want = value,
        }
    }
    let rank = |id: &str| order.iter().position(|o| *o == id).unwrap_or(order.len());
    v.areas.sort_by_key(|a| rank(&a.area));
    tidy(i);
}

/// Where Next leads: the screening view as soon as the outcome is not `Proceed` (a red flag stops the flow)
/// or after the last step, otherwise the next step asked of this person.
pub fn after_next(step: Step, intake: &Intake, outcome: Outcome) -> Route {
    if outcome != Outcome::Proceed {
        return Route::Screening;
    }
    step.next(intake)
        .map(Route::Intake)
        .unwrap_or(Route::Screening)
}

/// Where Back leads: the previous step asked of this person, or Welcome from the first step.
pub fn after_back(step: Step, intake: &Intake) -> Route {
    step.prev(intake)
        .map(Route::Intake)
        .unwrap_or(Route::Welcome)
}

/// "Step 3 of 8" and the applicable steps, for the progress indicator.
pub fn progress(step: Step, intake: &Intake) -> (usize, Vec<Step>) {
    let seq = Step::sequence(intake);
    let at = seq.iter().position(|s| *s == step).map_or(0, |p| p + 1);
    (at, seq)
}

/// A stored number as the text a field shows ("" when not answered).
pub fn number_text(n: Option<u16>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// A yes/no answer as a radio value, and back.
pub fn yes_no_text(b: Option<bool>) -> Option<String> {
    b.map(|b| if b { "yes" } else { "no" }.to_string())
}

/// Reads a radio value written by [`yes_no_text`].
pub fn yes_no_value(s: Option<String>) -> Option<bool> {
    match s.as_deref() {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    }
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;

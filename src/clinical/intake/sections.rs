//! Editing an intake section by section: a section is created when its first answer is given, and collapses back
//! to "not answered" (`None`) when every answer in it is cleared, so "not answered" never turns into an empty
//! section that reads as answered. Every place that edits answers goes through these, so they all store alike.

use super::{Intake, Mood, Pain, Peg, Phq4, Practicalities, Values};

/// The pain section, created when first needed.
pub fn pain_mut(i: &mut Intake) -> &mut Pain {
    i.pain.get_or_insert_with(Pain::default)
}

/// The PEG items, created when first needed.
pub fn peg_mut(i: &mut Intake) -> &mut Peg {
    pain_mut(i).peg.get_or_insert_with(Peg::default)
}

/// The mood section, created when first needed.
pub fn mood_mut(i: &mut Intake) -> &mut Mood {
    i.mood.get_or_insert_with(Mood::default)
}

/// The PHQ-4 items, created when first needed.
pub fn phq4_mut(i: &mut Intake) -> &mut Phq4 {
    mood_mut(i).phq4.get_or_insert_with(Phq4::default)
}

/// What matters, created when first needed.
pub fn values_mut(i: &mut Intake) -> &mut Values {
    i.values.get_or_insert_with(Values::default)
}

/// Practicalities, created when first needed.
pub fn practical_mut(i: &mut Intake) -> &mut Practicalities {
    i.practicalities.get_or_insert_with(Practicalities::default)
}

/// Sets `slot` to `None` when it holds only defaults, so a cleared section reads as not answered.
fn drop_default<T: Default + PartialEq>(slot: &mut Option<T>) {
    if slot.as_ref().is_some_and(|v| *v == T::default()) {
        *slot = None;
    }
}

/// Collapses sections whose every answer was cleared back to "not answered".
pub fn tidy(i: &mut Intake) {
    if let Some(p) = i.pain.as_mut() {
        drop_default(&mut p.peg);
    }
    drop_default(&mut i.pain);
    if let Some(m) = i.mood.as_mut() {
        drop_default(&mut m.phq4);
    }
    drop_default(&mut i.mood);
    drop_default(&mut i.start_back);
    if let Some(v) = i.values.as_mut() {
        v.areas.retain(|a| a.now.is_some() || a.want.is_some());
    }
    drop_default(&mut i.values);
    drop_default(&mut i.practicalities);
}

//! A conflict's fix as a value: a change to the plan's settings or to the chosen therapies that the plan view can
//! apply with one button and undo, instead of a sentence the person has to act on by hand.

use super::{PlanSettings, WEEKDAYS};
use crate::clinical::catalog::Catalog;
use serde::{Deserialize, Serialize};

/// One change to the person's plan, offered with the conflict it resolves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum PlanChange {
    /// Sessions a week for one therapy: `from` now, `to` after; the plan then picks its days again.
    PerWeek {
        /// Therapy ID.
        therapy: String,
        /// Sessions a week now.
        from: u8,
        /// Sessions a week after the change.
        to: u8,
    },
    /// Moves one therapy's sessions off one weekday onto another; its other days stay.
    MoveDay {
        /// Therapy ID.
        therapy: String,
        /// Its session days now (0 = Monday).
        days: Vec<u8>,
        /// The weekday it leaves.
        from: u8,
        /// The weekday it moves to.
        to: u8,
    },
    /// Takes a therapy out of the chosen therapies, so out of the plan.
    Remove {
        /// Therapy ID.
        therapy: String,
    },
}

/// "once", "twice", "3 times".
fn times(n: u8) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

/// A weekday's name; an out-of-range day (never made by the engine) reads as its number.
fn weekday(d: u8) -> String {
    WEEKDAYS
        .get(usize::from(d))
        .map_or_else(|| d.to_string(), |n| (*n).to_string())
}

impl PlanChange {
    /// The therapy the change is about.
    pub fn therapy(&self) -> &str {
        match self {
            PlanChange::PerWeek { therapy, .. }
            | PlanChange::MoveDay { therapy, .. }
            | PlanChange::Remove { therapy } => therapy,
        }
    }

    /// Makes the change: frequency and days go into `settings`, a removal comes out of `selected`.
    pub fn apply(&self, selected: &mut Vec<String>, settings: &mut PlanSettings) {
        match self {
            PlanChange::PerWeek { therapy, to, .. } => {
                settings.per_week.insert(therapy.clone(), *to);
                // Days chosen by hand would override the new frequency, so the plan picks them again.
                settings.days.remove(therapy);
            }
            PlanChange::MoveDay {
                therapy,
                days,
                from,
                to,
            } => {
                let mut moved: Vec<u8> = days.iter().copied().filter(|d| d != from).collect();
                moved.push(*to);
                moved.sort_unstable();
                moved.dedup();
                settings.days.insert(therapy.clone(), moved);
            }
            PlanChange::Remove { therapy } => selected.retain(|t| t != therapy),
        }
    }

    /// What the change does, e.g. "Yoga twice a week instead of 3 times".
    pub fn describe(&self, catalog: &Catalog) -> String {
        let therapy = self.therapy();
        let name = catalog.therapy(therapy).map_or(therapy, |t| t.name);
        match self {
            PlanChange::PerWeek { from, to, .. } => {
                format!("{name} {} a week instead of {}", times(*to), times(*from))
            }
            PlanChange::MoveDay { from, to, .. } => {
                format!("{name} on {} instead of {}", weekday(*to), weekday(*from))
            }
            PlanChange::Remove { .. } => format!("{name} taken out of the plan"),
        }
    }
}

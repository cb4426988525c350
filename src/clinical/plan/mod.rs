//! The 12-week plan: weekly schedule, staggered starts, review points, conflicts, care team and questions.
//!
//! [`build_plan`] is pure and deterministic: the same intake, choices, statuses and settings always give the
//! same plan, so a shared plan can be rebuilt exactly and tests can pin behaviour.

mod change;
mod conflicts;
mod goals;
mod moves;
mod schedule;
mod team;
mod types;

pub use change::PlanChange;
pub use moves::moved_days;
pub use schedule::{day_list, WEEKDAYS};
pub use types::*;

use crate::clinical::catalog::Catalog;
use crate::clinical::intake::Intake;
use crate::clinical::ranking::condition_of;
use crate::clinical::screening::{TherapyScreening, TherapyStatus};

/// Length of every plan in weeks: the end of most trial courses (SOURCES §5.2).
pub const PLAN_WEEKS: u8 = 12;
/// Weeks with a review point (SOURCES §5.2).
pub const REVIEW_WEEKS: [u8; 3] = [4, 8, 12];
/// New things that may start in week 1; more would make it hard to tell what helps or harms.
pub const MAX_WEEK_ONE_STARTS: usize = 2;
/// Weeks between the staggered starts of the extras (weeks 3, 5, 7 …).
pub const STAGGER_GAP: u8 = 2;
/// Appointments or classes on one day above which the day is flagged as too busy.
pub const MAX_SESSIONS_PER_DAY: usize = 2;

/// Builds the 12-week plan for the chosen therapies; blocked ones are excluded, supplements are never scheduled.
pub fn build_plan(
    catalog: &Catalog,
    intake: &Intake,
    selected: &[String],
    statuses: &[TherapyScreening],
    settings: &PlanSettings,
) -> Plan {
    let status_of = |id: &str| statuses.iter().find(|s| s.therapy == id);
    let mut excluded = Vec::new();
    let mut chosen = Vec::new();
    let mut chosen_supplements = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for id in selected.iter().filter(|id| seen.insert(id.as_str())) {
        let Some(therapy) = catalog.therapy(id) else {
            excluded.push(Excluded {
                therapy: id.clone(),
                reason: "Not in the therapy catalog.".into(),
            });
            continue;
        };
        let status = status_of(id).map_or(TherapyStatus::Allowed, |s| s.status);
        if therapy.supplement {
            chosen_supplements.push(id.clone());
        }
        if status == TherapyStatus::Blocked {
            let reasons: Vec<&str> = status_of(id)
                .map(|s| s.findings.iter().map(|f| f.message.as_str()).collect())
                .unwrap_or_default();
            excluded.push(Excluded {
                therapy: id.clone(),
                reason: if reasons.is_empty() {
                    "Blocked by the safety check.".into()
                } else {
                    reasons.join(" ")
                },
            });
        } else if !therapy.supplement && therapy.course.is_some() {
            chosen.push((therapy, status));
        }
    }
    let days = schedule::available_days(intake);
    let mut conflicts = Vec::new();
    let items = schedule::items(&chosen, &days, settings, &mut conflicts);
    let schedule = schedule::entries(&items);
    let supplements = team::supplement_notes(catalog, intake, &chosen_supplements, statuses);
    let supplement_cost: u32 = supplements
        .iter()
        .filter(|s| s.chosen && s.status != TherapyStatus::Blocked)
        .filter_map(|s| catalog.therapy(&s.supplement))
        .map(|t| t.monthly_cost_estimate(0))
        .sum();
    let load = conflicts::Load::of(catalog, &items, &schedule, supplement_cost);
    conflicts.extend(conflicts::check(
        catalog, intake, &items, &schedule, &load, &days,
    ));
    Plan {
        weeks: PLAN_WEEKS,
        condition: condition_of(catalog, intake),
        reviews: goals::reviews(catalog, intake, &items),
        team: team::care_team(catalog, &items, &supplements),
        questions: team::questions(catalog, &items, &supplements, statuses),
        goals: goals::goals(catalog, intake, &items),
        peak_minutes_per_week: load.peak_minutes,
        monthly_cost_estimate: load.peak_monthly_cost,
        cost_note: conflicts::COST_NOTE.into(),
        items,
        schedule,
        conflicts,
        excluded,
        supplements,
    }
}

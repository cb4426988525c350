//! What the plan view shows, computed by plain functions: the week grid, labels, and edits to the plan settings.

use crate::clinical::catalog::Therapy;
use crate::clinical::intake::Intake;
use crate::clinical::plan::{day_list, EntryKind, Plan, PlanItem, PlanSettings, WEEKDAYS};
use crate::ui::components::status::therapy_name;

/// "1 session", "3 sessions", "once", "4 times".
fn how_often(n: u8, kind: EntryKind) -> String {
    match (kind, n) {
        (EntryKind::Session, 1) => "1 session".to_string(),
        (EntryKind::Session, n) => format!("{n} sessions"),
        (EntryKind::HomePractice, 1) => "once".to_string(),
        (EntryKind::HomePractice, n) => format!("{n} times"),
    }
}

/// One sentence for a scheduled therapy: weeks, frequency, minutes and days, then any home practice.
pub fn item_summary(item: &PlanItem) -> String {
    let mut s = format!(
        "{}: {} a week, {} minutes each, on {}",
        weeks_label(item.start_week, item.end_week),
        how_often(item.per_week, item.session_kind),
        item.session_minutes,
        day_list(&item.days)
    );
    if !item.home_days.is_empty() {
        s.push_str(&format!(
            "; home practice {} minutes on {}",
            item.home_minutes,
            day_list(&item.home_days)
        ));
    }
    s.push('.');
    s
}

/// One entry of a day in the week grid.
#[derive(Clone, Debug, PartialEq)]
pub struct DayEntry {
    /// Therapy ID.
    pub therapy: String,
    /// Therapy name.
    pub name: String,
    /// Minutes that day.
    pub minutes: u16,
    /// "Session" or "Home practice".
    pub kind: &'static str,
    /// "From week 3" or "Weeks 1–8" when the entry does not run the whole plan.
    pub weeks: Option<String>,
}

/// One day column of the week grid.
#[derive(Clone, Debug, PartialEq)]
pub struct DayColumn {
    /// 0 = Monday.
    pub weekday: u8,
    /// Day name.
    pub name: &'static str,
    /// Entries in schedule order.
    pub entries: Vec<DayEntry>,
    /// Minutes that day once everything has started.
    pub minutes: u32,
}

/// Words for an entry kind.
pub fn kind_words(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Session => "Session",
        EntryKind::HomePractice => "Home practice",
    }
}

/// "Weeks 1–12", or "Week 3" for a single week.
pub fn weeks_label(start: u8, end: u8) -> String {
    if start == end {
        format!("Week {start}")
    } else {
        format!("Weeks {start}–{end}")
    }
}

/// The schedule grouped by weekday (all seven days, Monday first), each day in schedule order.
pub fn week_grid(plan: &Plan) -> Vec<DayColumn> {
    (0..7u8)
        .map(|d| {
            let entries: Vec<DayEntry> = plan
                .schedule
                .iter()
                .filter(|e| e.weekday == d)
                .map(|e| DayEntry {
                    therapy: e.therapy.clone(),
                    name: therapy_name(&e.therapy),
                    minutes: e.minutes,
                    kind: kind_words(e.kind),
                    weeks: (e.start_week != 1 || e.end_week != plan.weeks)
                        .then(|| weeks_label(e.start_week, e.end_week)),
                })
                .collect();
            DayColumn {
                weekday: d,
                name: WEEKDAYS[usize::from(d)],
                minutes: entries.iter().map(|e| u32::from(e.minutes)).sum(),
                entries,
            }
        })
        .collect()
}

/// The frequencies a person may choose for a therapy: the catalog's usual range.
pub fn per_week_range(therapy: &Therapy) -> Option<(u8, u8)> {
    therapy
        .course
        .as_ref()
        .map(|c| (c.per_week_min, c.per_week_max))
}

/// Sets sessions a week (clamped to the usual range) and lets the plan pick the days again.
pub fn set_per_week(settings: &mut PlanSettings, therapy: &Therapy, n: u8) {
    let Some((lo, hi)) = per_week_range(therapy) else {
        return;
    };
    settings
        .per_week
        .insert(therapy.id.to_string(), n.clamp(lo, hi));
    settings.days.remove(therapy.id);
}

/// Ticks or unticks a weekday starting from the days now planned; unticking the last day returns to automatic days.
pub fn toggle_day(settings: &mut PlanSettings, therapy: &str, planned: &[u8], day: u8, on: bool) {
    let mut days: Vec<u8> = planned.iter().copied().filter(|d| *d != day).collect();
    if on {
        days.push(day);
    }
    days.sort_unstable();
    if days.is_empty() {
        settings.days.remove(therapy);
    } else {
        settings.days.insert(therapy.to_string(), days);
    }
}

/// Drops the person's changes for one therapy.
pub fn reset(settings: &mut PlanSettings, therapy: &str) {
    settings.per_week.remove(therapy);
    settings.days.remove(therapy);
}

/// Whether the person changed the frequency or days of a therapy.
pub fn is_adjusted(settings: &PlanSettings, therapy: &str) -> bool {
    settings.per_week.contains_key(therapy) || settings.days.contains_key(therapy)
}

/// The busiest week's minutes, compared with the time the person said they have.
pub fn time_summary(plan: &Plan, intake: &Intake) -> String {
    let have = intake
        .practicalities
        .as_ref()
        .and_then(|p| p.minutes_per_week);
    let busiest = format!(
        "About {} minutes in the busiest week",
        plan.peak_minutes_per_week
    );
    match have {
        Some(m) if plan.peak_minutes_per_week > u32::from(m) => {
            format!("{busiest} — more than the {m} minutes you said you have.")
        }
        Some(m) => format!("{busiest}, within the {m} minutes you said you have."),
        None => format!("{busiest}."),
    }
}

/// "You didn't tell us how much time you have: this plan takes N minutes a week", when no minutes were given.
pub fn unknown_time(plan: &Plan, intake: &Intake) -> Option<String> {
    let have = intake
        .practicalities
        .as_ref()
        .and_then(|p| p.minutes_per_week);
    have.is_none().then(|| {
        format!(
            "You didn't tell us how much time you have: this plan takes {} minutes a week",
            plan.peak_minutes_per_week
        )
    })
}

/// The status line after a change: what was done (if anything), then what else moved.
pub fn change_status(done: Option<&str>, moved: &[String]) -> String {
    done.into_iter()
        .map(str::to_string)
        .chain(moved.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The estimated monthly cost, compared with the budget; always read together with `plan.cost_note`.
pub fn cost_summary(plan: &Plan, intake: &Intake) -> String {
    let budget = intake
        .practicalities
        .as_ref()
        .and_then(|p| p.budget_per_month);
    let cost = format!(
        "Roughly {} a month in the most expensive month",
        plan.monthly_cost_estimate
    );
    match budget {
        Some(b) if plan.monthly_cost_estimate > u32::from(b) => {
            format!("{cost} — above your budget of {b}.")
        }
        Some(b) => format!("{cost}, within your budget of {b}."),
        None => format!("{cost}."),
    }
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;

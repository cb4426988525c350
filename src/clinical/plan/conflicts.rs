//! Checks the plan against the person's time, budget and days, each problem with one concrete fix.

use super::schedule::WEEKDAYS;
use super::{
    Conflict, ConflictKind, EntryKind, PlanChange, PlanItem, ScheduleEntry, MAX_SESSIONS_PER_DAY,
    PLAN_WEEKS,
};
use crate::clinical::catalog::{Catalog, CostBand};
use crate::clinical::intake::Intake;

/// How costs are estimated; shown with every cost figure so nobody mistakes it for a price.
pub(super) const COST_NOTE: &str = "Estimate only, not a price: nominal figures per session by cost band (free 0, low 20, medium 55, high 100), supplements 20 a month, 52/12 weeks a month. Real prices vary; check with providers and insurers.";

/// Minutes and cost per plan week, with the peaks the plan reports.
pub(super) struct Load {
    /// Minutes in the busiest week.
    pub peak_minutes: u32,
    /// First week reaching that peak.
    peak_minutes_week: u8,
    /// Estimated cost of the most expensive month.
    pub peak_monthly_cost: u32,
}

impl Load {
    /// Measures every week of the plan; chosen supplements add their monthly estimate.
    pub(super) fn of(
        catalog: &Catalog,
        items: &[PlanItem],
        schedule: &[ScheduleEntry],
        supplement_cost: u32,
    ) -> Load {
        let mut load = Load {
            peak_minutes: 0,
            peak_minutes_week: 1,
            peak_monthly_cost: supplement_cost,
        };
        for week in 1..=PLAN_WEEKS {
            let minutes: u32 = schedule
                .iter()
                .filter(|e| e.start_week <= week && week <= e.end_week)
                .map(|e| u32::from(e.minutes))
                .sum();
            if minutes > load.peak_minutes {
                load.peak_minutes = minutes;
                load.peak_minutes_week = week;
            }
            let cost = supplement_cost + monthly_cost(catalog, active(items, week));
            load.peak_monthly_cost = load.peak_monthly_cost.max(cost);
        }
        load
    }
}

/// Items running in a given week.
fn active(items: &[PlanItem], week: u8) -> impl Iterator<Item = &PlanItem> {
    items
        .iter()
        .filter(move |i| i.start_week <= week && week <= i.end_week)
}

/// Monthly cost estimate of some items at their planned frequency.
fn monthly_cost<'a>(catalog: &Catalog, items: impl Iterator<Item = &'a PlanItem>) -> u32 {
    items
        .filter_map(|i| {
            catalog
                .therapy(&i.therapy)
                .map(|t| t.monthly_cost_estimate(i.per_week))
        })
        .sum()
}

/// Minutes a week of one item as scheduled.
fn item_minutes(i: &PlanItem) -> u32 {
    u32::from(i.per_week) * u32::from(i.session_minutes)
        + i.home_days.len() as u32 * u32::from(i.home_minutes)
}

/// The change that sets an item to `to` sessions a week.
fn per_week(i: &PlanItem, to: u8) -> PlanChange {
    PlanChange::PerWeek {
        therapy: i.therapy.clone(),
        from: i.per_week,
        to,
    }
}

/// The change that takes an item out of the plan; none for the only item, since an empty plan solves nothing.
fn take_out(items: &[PlanItem], i: &PlanItem) -> Option<PlanChange> {
    (items.len() > 1).then(|| PlanChange::Remove {
        therapy: i.therapy.clone(),
    })
}

/// Display name of a therapy ID.
fn name<'a>(catalog: &'a Catalog, id: &'a str) -> &'a str {
    catalog.therapy(id).map_or(id, |t| t.name)
}

/// Time, budget and busy-day conflicts (frequency conflicts come from scheduling).
pub(super) fn check(
    catalog: &Catalog,
    intake: &Intake,
    items: &[PlanItem],
    schedule: &[ScheduleEntry],
    load: &Load,
    days: &[u8],
) -> Vec<Conflict> {
    let p = intake.practicalities.clone().unwrap_or_default();
    let mut out = Vec::new();
    if let Some(limit) = p.minutes_per_week.map(u32::from) {
        if load.peak_minutes > limit {
            out.push(time_conflict(catalog, items, load, limit, days.len() as u8));
        }
    }
    if let Some(budget) = p.budget_per_month.map(u32::from) {
        if load.peak_monthly_cost > budget {
            out.push(budget_conflict(catalog, items, load, budget));
        }
    }
    out.extend(busy_days(catalog, items, schedule, days));
    out
}

/// Suggests the smallest frequency cut that fits, else postponing the biggest item in the peak week.
fn time_conflict(
    catalog: &Catalog,
    items: &[PlanItem],
    load: &Load,
    limit: u32,
    n: u8,
) -> Conflict {
    let (peak, week) = (load.peak_minutes, load.peak_minutes_week);
    let over = peak - limit;
    let message = format!(
        "Week {week} needs about {peak} minutes, more than the {limit} minutes a week you have."
    );
    let cut = active(items, week)
        .filter_map(|i| {
            let course = catalog.therapy(&i.therapy)?.course.as_ref()?;
            let saving =
                item_minutes(i).saturating_sub(course.weekly_minutes(course.per_week_min, n));
            (i.per_week > course.per_week_min && saving >= over).then_some((
                saving,
                i,
                course.per_week_min,
            ))
        })
        .min_by_key(|(saving, _, _)| *saving);
    let (suggestion, fix) = match cut {
        Some((saving, i, min)) => (
            format!(
                "Lower {} to {min} session(s) a week: that saves about {saving} minutes.",
                name(catalog, &i.therapy)
            ),
            Some(per_week(i, min)),
        ),
        None => {
            let biggest = active(items, week)
                .max_by_key(|i| (item_minutes(i), std::cmp::Reverse(i.start_week)));
            match biggest {
                Some(i) => (
                    format!(
                        "Postpone or drop {} (about {} minutes a week), or set aside about {peak} minutes a week.",
                        name(catalog, &i.therapy),
                        item_minutes(i)
                    ),
                    take_out(items, i),
                ),
                None => (format!("Set aside about {peak} minutes a week."), None),
            }
        }
    };
    Conflict {
        kind: ConflictKind::Time,
        message,
        suggestion,
        fix,
    }
}

/// Suggests cutting the costliest item to its minimum frequency if that fits, else dropping or postponing it.
fn budget_conflict(catalog: &Catalog, items: &[PlanItem], load: &Load, budget: u32) -> Conflict {
    let cost = load.peak_monthly_cost;
    let over = cost - budget;
    let message = format!("At its busiest the plan is estimated at about {cost} a month, above your budget of {budget} (an estimate from nominal figures, not a price).");
    let priced = |i: &&PlanItem| {
        catalog
            .therapy(&i.therapy)
            .is_some_and(|t| t.cost != CostBand::Free)
    };
    let costliest = items
        .iter()
        .filter(priced)
        .max_by_key(|i| monthly_cost(catalog, std::iter::once(*i)));
    let (suggestion, fix) = match costliest {
        // Only supplements cost money: which to stop is a question for the clinician, not a button.
        None => (
            "Talk to your clinician or pharmacist about which supplements are worth their cost."
                .to_string(),
            None,
        ),
        Some(i) => {
            let t = catalog
                .therapy(&i.therapy)
                .expect("priced items are in the catalog");
            let min = t.course.as_ref().map_or(1, |c| c.per_week_min);
            let now = t.monthly_cost_estimate(i.per_week);
            let saving = now - t.monthly_cost_estimate(min);
            if i.per_week > min && saving >= over {
                (
                    format!(
                        "Lower {} to {min} session(s) a week: about {saving} less a month.",
                        t.name
                    ),
                    Some(per_week(i, min)),
                )
            } else {
                (
                    format!("Drop or postpone {} (about {now} a month), or look for lower-cost options such as community classes or insurance cover.", t.name),
                    take_out(items, i),
                )
            }
        }
    };
    Conflict {
        kind: ConflictKind::Budget,
        message,
        suggestion,
        fix,
    }
}

/// Days with more appointments or classes than [`MAX_SESSIONS_PER_DAY`] in any week, once per weekday.
fn busy_days(
    catalog: &Catalog,
    items: &[PlanItem],
    schedule: &[ScheduleEntry],
    days: &[u8],
) -> Vec<Conflict> {
    let mut out = Vec::new();
    for day in 0..7u8 {
        for week in 1..=PLAN_WEEKS {
            let on_day = |d: u8| {
                schedule
                    .iter()
                    .filter(move |e| e.weekday == d && e.kind == EntryKind::Session)
                    .filter(move |e| e.start_week <= week && week <= e.end_week)
            };
            let here: Vec<&ScheduleEntry> = on_day(day).collect();
            if here.len() <= MAX_SESSIONS_PER_DAY {
                continue;
            }
            let names: Vec<&str> = here.iter().map(|e| name(catalog, &e.therapy)).collect();
            let last = here.last().expect("more than the maximum");
            let uses = |d: u8| {
                items
                    .iter()
                    .any(|i| i.therapy == last.therapy && i.days.contains(&d))
            };
            let target = days
                .iter()
                .copied()
                .filter(|d| *d != day && !uses(*d))
                .min_by_key(|d| on_day(*d).count());
            let planned = items
                .iter()
                .find(|i| i.therapy == last.therapy)
                .map_or_else(Vec::new, |i| i.days.clone());
            let (suggestion, fix) = match target {
                Some(d) if on_day(d).count() < MAX_SESSIONS_PER_DAY => (
                    format!(
                        "Move {} from {} to {}.",
                        name(catalog, &last.therapy),
                        WEEKDAYS[usize::from(day)],
                        WEEKDAYS[usize::from(d)]
                    ),
                    Some(PlanChange::MoveDay {
                        therapy: last.therapy.clone(),
                        days: planned,
                        from: day,
                        to: d,
                    }),
                ),
                _ => (
                    "Make another day available, or choose fewer sessions a week.".to_string(),
                    None,
                ),
            };
            out.push(Conflict {
                kind: ConflictKind::BusyDay,
                message: format!(
                    "{} in week {week} has {} sessions: {}.",
                    WEEKDAYS[usize::from(day)],
                    here.len(),
                    names.join(", ")
                ),
                suggestion,
                fix,
            });
            break;
        }
    }
    out
}

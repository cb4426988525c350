//! Turning chosen therapies into a weekly template: frequency, days, home practice and staggered starts.

use super::{
    Conflict, ConflictKind, EntryKind, PlanChange, PlanItem, PlanSettings, ScheduleEntry,
    MAX_WEEK_ONE_STARTS, PLAN_WEEKS, STAGGER_GAP,
};
use crate::clinical::catalog::{Setting, Therapy};
use crate::clinical::intake::Intake;
use crate::clinical::screening::TherapyStatus;

/// Weekday names, 0 = Monday: the index is how days are stored in intakes, settings and plans.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// "Monday", "Monday and Friday", "Monday, Wednesday and Friday"; "no days" for none.
pub fn day_list(days: &[u8]) -> String {
    let names: Vec<&str> = days
        .iter()
        .filter_map(|d| WEEKDAYS.get(usize::from(*d)).copied())
        .collect();
    match names.as_slice() {
        [] => "no days".to_string(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The person's available weekdays, sorted; all seven when none were given.
pub(super) fn available_days(intake: &Intake) -> Vec<u8> {
    let mut days = clean_days(
        intake
            .practicalities
            .as_ref()
            .and_then(|p| p.days.as_deref())
            .unwrap_or(&[]),
    );
    if days.is_empty() {
        days = (0..7).collect();
    }
    days
}

/// Sorted, de-duplicated weekdays, dropping anything outside 0..=6.
fn clean_days(days: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = days.iter().copied().filter(|d| *d <= 6).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Start week of the `k`-th therapy (0-based) in start order: two in week 1, then one every [`STAGGER_GAP`] weeks.
fn start_week(k: usize) -> u8 {
    if k < MAX_WEEK_ONE_STARTS {
        return 1;
    }
    let extra = (k + 1 - MAX_WEEK_ONE_STARTS) as u8;
    (1 + STAGGER_GAP.saturating_mul(extra)).min(PLAN_WEEKS - 1)
}

/// Running load per weekday so later therapies avoid days already full.
struct DayLoad {
    sessions: [u32; 7],
    minutes: [u32; 7],
}

impl DayLoad {
    /// Picks `k` days from `from`, evenly spaced, at the rotation that keeps the busiest day least busy.
    fn pick(&self, from: &[u8], k: usize, counts_as_session: bool) -> Vec<u8> {
        let n = from.len();
        if k >= n {
            return from.to_vec();
        }
        let mut best: Option<((u32, u32, u32), Vec<u8>)> = None;
        for offset in 0..n {
            let mut days: Vec<u8> = (0..k).map(|i| from[(offset + i * n / k) % n]).collect();
            days.sort_unstable();
            let sessions = |d: &u8| self.sessions[usize::from(*d)];
            let key = (
                if counts_as_session {
                    days.iter().map(sessions).max().unwrap_or(0)
                } else {
                    0
                },
                days.iter().map(sessions).sum(),
                days.iter().map(|d| self.minutes[usize::from(*d)]).sum(),
            );
            if best.as_ref().is_none_or(|(b, _)| key < *b) {
                best = Some((key, days));
            }
        }
        best.map(|(_, d)| d).unwrap_or_default()
    }

    /// Records a therapy's days.
    fn add(&mut self, days: &[u8], minutes: u16, session: bool) {
        for d in days {
            self.sessions[usize::from(*d)] += u32::from(session);
            self.minutes[usize::from(*d)] += u32::from(minutes);
        }
    }
}

/// Schedules each chosen therapy: clearance-needing ones start last (approval takes time), otherwise choice order.
pub(super) fn items(
    chosen: &[(&Therapy, TherapyStatus)],
    days: &[u8],
    settings: &PlanSettings,
    conflicts: &mut Vec<Conflict>,
) -> Vec<PlanItem> {
    let mut order: Vec<&(&Therapy, TherapyStatus)> = chosen.iter().collect();
    order.sort_by_key(|(_, s)| *s == TherapyStatus::ClearanceRequired);
    let mut load = DayLoad {
        sessions: [0; 7],
        minutes: [0; 7],
    };
    let mut out = Vec::new();
    for (k, (therapy, status)) in order.into_iter().enumerate() {
        let Some(course) = &therapy.course else {
            continue;
        };
        let name = &therapy.name;
        let usual = format!("{}–{}", course.per_week_min, course.per_week_max);
        let session_kind = if therapy.setting == Setting::Home {
            EntryKind::HomePractice
        } else {
            EntryKind::Session
        };
        let is_session = session_kind == EntryKind::Session;
        let own_days = settings
            .days
            .get(therapy.id)
            .map(|d| clean_days(d))
            .filter(|d| !d.is_empty());
        let session_days = match own_days {
            Some(d) => {
                let n = d.len() as u8;
                if n < course.per_week_min || n > course.per_week_max {
                    conflicts.push(Conflict {
                        kind: ConflictKind::Frequency,
                        message: format!("You chose {n} day(s) a week for {name}; its usual course has {usual} sessions a week."),
                        suggestion: format!("Choose {usual} days for {name}, or ask your practitioner whether {n} a week suits you."),
                        fix: Some(PlanChange::PerWeek {
                            therapy: therapy.id.to_string(),
                            from: n,
                            to: n.clamp(course.per_week_min, course.per_week_max),
                        }),
                    });
                }
                d
            }
            None => {
                let wanted = settings
                    .per_week
                    .get(therapy.id)
                    .map_or(course.per_week_default, |w| {
                        (*w).clamp(course.per_week_min, course.per_week_max)
                    });
                let n = days.len() as u8;
                if n < course.per_week_min {
                    conflicts.push(Conflict {
                        kind: ConflictKind::Frequency,
                        message: format!("{name} usually needs {usual} sessions a week, but you have {n} day(s) available."),
                        suggestion: format!("Make {} more day(s) available, or do {name} on {n} day(s) and expect slower progress.", course.per_week_min - n),
                        // Available days are an answer of the intake, not a plan setting.
                        fix: None,
                    });
                }
                load.pick(days, usize::from(wanted.min(n)), is_session)
            }
        };
        load.add(&session_days, course.session_minutes, is_session);
        let home_minutes = course.home_minutes.unwrap_or(0);
        let free: Vec<u8> = days
            .iter()
            .copied()
            .filter(|d| !session_days.contains(d))
            .collect();
        let wanted_home = course.home_days(session_days.len() as u8, days.len() as u8);
        let home_days = if home_minutes == 0 {
            Vec::new()
        } else {
            load.pick(&free, usize::from(wanted_home).min(free.len()), false)
        };
        load.add(&home_days, home_minutes, false);
        let start = start_week(k);
        let full_end = u16::from(start) + u16::from(course.weeks) - 1;
        let end = full_end.min(u16::from(PLAN_WEEKS)) as u8;
        out.push(PlanItem {
            therapy: therapy.id.to_string(),
            status: *status,
            per_week: session_days.len() as u8,
            days: session_days,
            session_minutes: course.session_minutes,
            session_kind,
            home_days,
            home_minutes,
            start_week: start,
            end_week: end,
            course: course.description.to_string(),
            note: note(*status, start, end, course.weeks, full_end),
        });
    }
    out
}

/// Explains a late start, a shortened course, or a needed approval; `None` when the item runs as usual.
fn note(status: TherapyStatus, start: u8, end: u8, weeks: u8, full_end: u16) -> Option<String> {
    let mut parts = Vec::new();
    if status == TherapyStatus::ClearanceRequired {
        parts.push("Do not start until your clinician approves.".to_string());
    }
    if start > 1 {
        parts.push(format!("Starts in week {start} so that no more than two new things begin at once: that makes it easier to tell what helps and what causes side effects."));
    }
    if full_end > u16::from(PLAN_WEEKS) {
        parts.push(format!(
            "Its usual course is {weeks} weeks, so it runs {} weeks in this plan; carry on afterwards if it helps.",
            end - start + 1
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The weekly template: by weekday, then in item order, sessions before home practice.
pub(super) fn entries(items: &[PlanItem]) -> Vec<ScheduleEntry> {
    let mut out = Vec::new();
    for day in 0..7u8 {
        for item in items {
            let entry = |minutes, kind| ScheduleEntry {
                weekday: day,
                therapy: item.therapy.clone(),
                minutes,
                kind,
                start_week: item.start_week,
                end_week: item.end_week,
            };
            if item.days.contains(&day) {
                out.push(entry(item.session_minutes, item.session_kind));
            }
            if item.home_days.contains(&day) {
                out.push(entry(item.home_minutes, EntryKind::HomePractice));
            }
        }
    }
    out
}

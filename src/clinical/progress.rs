//! Progress maths: PEG trend, change from baseline and meaningful change (RULES §2.3, SOURCES §5.2–5.3).
//!
//! Pure functions over check-ins. Thresholds are compared with a small tolerance because PEG means are
//! thirds and percentages of decimals (6.0 → 4.2 must count as exactly 30 %, SOURCES §3.9 T5).

use super::intake::{Peg, Phq4};
use super::scores;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// PEG improvement that counts as meaningful: the MID of about 1 point (SOURCES §5.3, Reed et al. 2024).
pub const PEG_MEANINGFUL_POINTS: f64 = 1.0;
/// Pain improvement that makes a responder in points (Farrar et al. 2001: about 2 points ≈ "much improved").
pub const PAIN_RESPONDER_POINTS: f64 = 2.0;
/// Improvement that makes a responder in percent (IMMPACT: ≥ 30 % is moderately important).
pub const RESPONDER_PERCENT: f64 = 30.0;
/// PHQ-4 recalls the last 2 weeks, so a check-in asks it every second week of the plan (SOURCES §5.2).
pub const PHQ4_EVERY_WEEKS: u16 = 2;
/// Tolerance for threshold comparisons, far below the 0.1 resolution anything is shown with.
const EPS: f64 = 1e-9;

/// One weekly check-in (SOURCES §5.2).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    /// Date as ISO `YYYY-MM-DD` (sorts as text).
    pub date: String,
    /// Week of the plan, 1-based.
    pub week: u16,
    /// PEG-3 items for the past week; a missing item makes this check-in's PEG incomplete.
    #[serde(default)]
    pub peg: Peg,
    /// Sleep quality 0 (best possible) to 10 (worst possible) (SOURCES §3.7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sleep: Option<u8>,
    /// PHQ-4, asked every two weeks (SOURCES §5.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mood: Option<Phq4>,
    /// Sessions done this week, per therapy ID.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sessions: BTreeMap<String, u8>,
    /// Side effects in the person's words (empty when none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub side_effects: String,
    /// Side effects per therapy ID, for the therapies in the plan that week (schema 3).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub effects: BTreeMap<String, SideEffect>,
    /// Anything else the person wants to remember about the week (schema 3; empty when none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The red-flag questions asked again: the symptom IDs ticked, empty for "none of these", `None` when not
    /// answered (schema 3). A tick stops the check-in with the intake's stop screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red_flags: Option<Vec<String>>,
}

/// How much a therapy's side effects mattered in a week, mildest first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EffectLevel {
    /// No side effects.
    #[default]
    None,
    /// Mild: noticed, did not stop the person.
    Mild,
    /// Stopped the person doing the therapy.
    Stopped,
    /// Needed medical care: the therapy is marked for review.
    MedicalCare,
}

/// One therapy's side effects in a week: how much they mattered and what happened, in the person's words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideEffect {
    /// How much they mattered.
    pub level: EffectLevel,
    /// What happened (empty when nothing to add).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl CheckIn {
    /// A check-in on `date` in plan `week` with the three PEG answers and nothing else (for tests).
    #[cfg(test)]
    pub(crate) fn with_peg(date: &str, week: u16, [pain, enjoyment, activity]: [u8; 3]) -> CheckIn {
        CheckIn {
            date: date.into(),
            week,
            peg: Peg {
                pain: Some(pain),
                enjoyment: Some(enjoyment),
                activity: Some(activity),
            },
            ..CheckIn::default()
        }
    }

    /// PEG mean of this check-in, unrounded; `None` when incomplete.
    pub fn peg_mean(&self) -> Option<f64> {
        scores::peg(&self.peg).map(|s| s.mean)
    }
}

/// Where the baseline came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaselineSource {
    /// Mean of the first one or two complete check-ins (two reduce noise, SOURCES §5.3).
    CheckIns(u8),
    /// The intake PEG, because no check-in is complete yet.
    Intake,
}

/// Baseline PEG and pain item.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// PEG mean.
    pub peg: f64,
    /// PEG pain item (0–10 NRS).
    pub pain: f64,
    /// Where it came from.
    pub source: BaselineSource,
}

/// Change of one measure from baseline; negative `points` is an improvement (lower pain).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Baseline value.
    pub baseline: f64,
    /// Current value.
    pub current: f64,
    /// `current - baseline`.
    pub points: f64,
    /// Change as a percent of baseline; `None` when the baseline is 0.
    pub percent: Option<f64>,
}

impl Change {
    /// The change from `baseline` to `current`.
    pub fn new(baseline: f64, current: f64) -> Change {
        let points = current - baseline;
        Change {
            baseline,
            current,
            points,
            percent: (baseline > 0.0).then(|| 100.0 * points / baseline),
        }
    }

    /// Whether it improved (went down) by at least `points`.
    pub fn improved_by_points(&self, points: f64) -> bool {
        -self.points >= points - EPS
    }

    /// Whether it improved (went down) by at least `percent` of baseline.
    pub fn improved_by_percent(&self, percent: f64) -> bool {
        self.percent.is_some_and(|p| -p >= percent - EPS)
    }
}

/// Meaningful change, reported both ways as RULES §2.3 asks.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// PEG change.
    pub peg: Change,
    /// Pain-item change.
    pub pain: Change,
    /// PEG improved by ≥ 1 point.
    pub peg_meaningful: bool,
    /// PEG improved by ≥ 30 %.
    pub peg_30_percent: bool,
    /// Pain item improved by ≥ 2 points.
    pub pain_2_points: bool,
    /// Pain item improved by ≥ 30 %.
    pub pain_30_percent: bool,
}

impl Assessment {
    /// Compares two PEG means and two pain items.
    pub fn of(peg: Change, pain: Change) -> Assessment {
        Assessment {
            peg_meaningful: peg.improved_by_points(PEG_MEANINGFUL_POINTS),
            peg_30_percent: peg.improved_by_percent(RESPONDER_PERCENT),
            pain_2_points: pain.improved_by_points(PAIN_RESPONDER_POINTS),
            pain_30_percent: pain.improved_by_percent(RESPONDER_PERCENT),
            peg,
            pain,
        }
    }

    /// A pain responder by either rule (≥ 2 points or ≥ 30 %).
    pub fn pain_responder(&self) -> bool {
        self.pain_2_points || self.pain_30_percent
    }

    /// Neither ≥ 1 PEG point nor ≥ 30 %: after an adequate trial, suggest discussing a switch (SOURCES §5.2).
    pub fn no_meaningful_change(&self) -> bool {
        !self.peg_meaningful && !self.peg_30_percent
    }
}

/// Complete check-ins in time order (date, then week) with their PEG mean.
fn complete(checkins: &[CheckIn]) -> Vec<(&CheckIn, f64)> {
    let mut v: Vec<(&CheckIn, f64)> = checkins
        .iter()
        .filter_map(|c| Some((c, c.peg_mean()?)))
        .collect();
    v.sort_by(|a, b| (&a.0.date, a.0.week).cmp(&(&b.0.date, b.0.week)));
    v
}

/// Baseline: mean of the first two complete check-ins, or the one, or else the intake PEG.
pub fn baseline(checkins: &[CheckIn], intake_peg: Option<&Peg>) -> Option<Baseline> {
    let done = complete(checkins);
    let first: Vec<&(&CheckIn, f64)> = done.iter().take(2).collect();
    if first.is_empty() {
        let p = intake_peg?;
        return Some(Baseline {
            peg: scores::peg(p)?.mean,
            pain: f64::from(p.pain?),
            source: BaselineSource::Intake,
        });
    }
    let n = first.len() as f64;
    Some(Baseline {
        peg: first.iter().map(|(_, m)| m).sum::<f64>() / n,
        pain: first
            .iter()
            .filter_map(|(c, _)| c.peg.pain)
            .map(f64::from)
            .sum::<f64>()
            / n,
        source: BaselineSource::CheckIns(first.len() as u8),
    })
}

/// Latest complete check-in against the baseline; `None` until there is one that is not part of the baseline.
pub fn assess(checkins: &[CheckIn], intake_peg: Option<&Peg>) -> Option<Assessment> {
    let base = baseline(checkins, intake_peg)?;
    let used = match base.source {
        BaselineSource::CheckIns(n) => n as usize,
        BaselineSource::Intake => 0,
    };
    let done = complete(checkins);
    let (latest, mean) = done.get(used..)?.last()?;
    let pain = f64::from(latest.peg.pain?);
    Some(Assessment::of(
        Change::new(base.peg, *mean),
        Change::new(base.pain, pain),
    ))
}

/// Least-squares slope of PEG per week over the last `n` complete check-ins; `None` below two distinct weeks.
pub fn trend_per_week(checkins: &[CheckIn], n: usize) -> Option<f64> {
    let done = complete(checkins);
    let last = &done[done.len().saturating_sub(n)..];
    let k = last.len() as f64;
    let mean_x = last.iter().map(|(c, _)| f64::from(c.week)).sum::<f64>() / k;
    let mean_y = last.iter().map(|(_, y)| y).sum::<f64>() / k;
    let (sxy, sxx) = last.iter().fold((0.0, 0.0), |(sxy, sxx), (c, y)| {
        let dx = f64::from(c.week) - mean_x;
        (sxy + dx * (y - mean_y), sxx + dx * dx)
    });
    (last.len() >= 2 && sxx > 0.0).then(|| sxy / sxx)
}

/// Total sessions of one therapy recorded across check-ins.
pub fn sessions_done(checkins: &[CheckIn], therapy: &str) -> u32 {
    checkins
        .iter()
        .filter_map(|c| c.sessions.get(therapy))
        .map(|&s| u32::from(s))
        .sum()
}

/// Whether a text is an ISO calendar date `YYYY-MM-DD` (shape and month/day ranges; leap years not checked).
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| s[r].parse::<u16>().ok())
            .flatten()
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    matches!(
        (digits(0..4), digits(5..7), digits(8..10)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

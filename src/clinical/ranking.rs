//! Ranking of therapies for one person, with a one-sentence reason for each position.
//!
//! Ordering, first key first (each later key only breaks ties of the earlier ones):
//! 1. **Blocked last**: a blocked therapy is never recommended, whatever its evidence.
//! 2. **Supplements after therapies**: herbs and fish oil have limited or no pain evidence and real interaction
//!    risks (SOURCES §4.4), so every non-supplement therapy comes first.
//! 3. **Preferences**: therapies that go against a stated preference (needles refused, touch refused,
//!    home only but needs a practitioner) come after those that respect them, so a refusal is never outweighed
//!    by evidence; they stay visible because the person may change their mind.
//! 4. **Score**, highest first: evidence for `pain.primary` ([`evidence_points`]) plus safety
//!    ([`safety_points`]) minus [`FIT_PENALTY`] each when one course alone would exceed the weekly time or the
//!    monthly budget (soft, because the person can shorten or drop other things).
//! 5. **Catalog order**, so the result is deterministic.

use crate::clinical::catalog::{Catalog, EvidenceRating, Setting, Therapy, Vocab};
use crate::clinical::intake::Intake;
use crate::clinical::screening::{TherapyScreening, TherapyStatus};
use serde::{Deserialize, Serialize};

/// Points taken off when a single course alone does not fit the person's weekly time or monthly budget.
pub const FIT_PENALTY: i32 = 10;

/// Why a therapy may not suit this person's practicalities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Concern {
    /// Uses needles and the person would rather avoid them.
    Needles,
    /// Hands-on and the person would rather avoid touch.
    Touch,
    /// Needs a practitioner and the person wants home-only options.
    NotAtHome,
    /// Its usual course alone needs more minutes a week than the person has.
    Time,
    /// Its estimated monthly cost alone is above the person's budget.
    Budget,
}

impl Concern {
    /// Whether this concern is a stated preference (a filter) rather than a time or budget fit.
    pub fn is_preference(self) -> bool {
        matches!(self, Concern::Needles | Concern::Touch | Concern::NotAtHome)
    }
}

/// One therapy's place in the ranking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ranked {
    /// Therapy ID.
    pub therapy: String,
    /// 1-based position (1 = best fit).
    pub position: usize,
    /// Evidence rating for the person's primary condition.
    pub rating: EvidenceRating,
    /// Safety status from screening (`Allowed` when screening gave none).
    pub status: TherapyStatus,
    /// One plain-language sentence explaining the position.
    pub reason: String,
    /// True when no stated preference (needles, touch, home only) rules it out.
    pub matches_filters: bool,
    /// Every preference or fit concern, in [`Concern`] order.
    pub concerns: Vec<Concern>,
}

/// Blocked, supplement, against a preference (each 0 before 1), then the negated score.
type SortKey = (u8, u8, u8, i32);

/// Points for the evidence rating: the main driver of the order.
pub fn evidence_points(rating: EvidenceRating) -> i32 {
    match rating {
        EvidenceRating::Recommended => 40,
        EvidenceRating::Benefit => 30,
        EvidenceRating::Limited => 15,
        EvidenceRating::NotStudied => 5,
        EvidenceRating::NoBenefit => 0,
    }
}

/// Points for the safety status: a clinician's approval or care needed makes a therapy slightly less ready to start.
pub fn safety_points(status: TherapyStatus) -> i32 {
    match status {
        TherapyStatus::Allowed => 0,
        TherapyStatus::Caution => -5,
        TherapyStatus::ClearanceRequired => -10,
        TherapyStatus::Blocked => -100,
    }
}

/// The condition whose evidence applies: `pain.primary` when the catalog knows it, otherwise `other`.
pub fn condition_of(catalog: &Catalog, intake: &Intake) -> String {
    intake
        .pain
        .as_ref()
        .and_then(|p| p.primary.as_deref())
        .filter(|id| catalog.knows(Vocab::Condition, id))
        .unwrap_or("other")
        .to_string()
}

/// Days a week the person can use (`practicalities.days`, all seven when not given).
pub fn days_available(intake: &Intake) -> u8 {
    let mut days: Vec<u8> = intake
        .practicalities
        .as_ref()
        .and_then(|p| p.days.clone())
        .unwrap_or_default()
        .into_iter()
        .filter(|d| *d <= 6)
        .collect();
    days.sort_unstable();
    days.dedup();
    if days.is_empty() {
        7
    } else {
        days.len() as u8
    }
}

/// The preference and fit concerns of one therapy for this person.
pub fn concerns(therapy: &Therapy, intake: &Intake) -> Vec<Concern> {
    let Some(p) = intake.practicalities.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if therapy.needles && p.needles_ok == Some(false) {
        out.push(Concern::Needles);
    }
    if therapy.touch && p.touch_ok == Some(false) {
        out.push(Concern::Touch);
    }
    if therapy.setting == Setting::Practitioner && p.home_only == Some(true) {
        out.push(Concern::NotAtHome);
    }
    if let Some(course) = &therapy.course {
        let n = days_available(intake);
        let per_week = course.per_week_default.min(n).max(1);
        if p.minutes_per_week
            .is_some_and(|m| course.weekly_minutes(per_week, n) > u32::from(m))
        {
            out.push(Concern::Time);
        }
    }
    let cost = match &therapy.course {
        Some(c) => therapy.monthly_cost_estimate(c.per_week_default),
        None => therapy.monthly_cost_estimate(0),
    };
    if p.budget_per_month.is_some_and(|b| cost > u32::from(b)) {
        out.push(Concern::Budget);
    }
    out
}

/// Ranks every therapy of the catalog for this person; `statuses` come from screening (missing ones count as allowed).
pub fn rank(catalog: &Catalog, intake: &Intake, statuses: &[TherapyScreening]) -> Vec<Ranked> {
    let condition = condition_of(catalog, intake);
    let condition_name = catalog
        .term(Vocab::Condition, &condition)
        .map_or(condition.clone(), |t| lower_first(t.label));
    let mut rows: Vec<(usize, SortKey, Ranked)> = catalog
        .therapies
        .iter()
        .enumerate()
        .map(|(index, therapy)| {
            let found = statuses.iter().find(|s| s.therapy == therapy.id);
            let status = found.map_or(TherapyStatus::Allowed, |s| s.status);
            let rating = therapy
                .evidence_for(&condition)
                .map_or(EvidenceRating::NotStudied, |e| e.rating);
            let concerns = concerns(therapy, intake);
            let matches_filters = !concerns.iter().any(|c| c.is_preference());
            let fit_misses = concerns.iter().filter(|c| !c.is_preference()).count() as i32;
            let score = evidence_points(rating) + safety_points(status) - FIT_PENALTY * fit_misses;
            let key = (
                u8::from(status == TherapyStatus::Blocked),
                u8::from(therapy.supplement),
                u8::from(!matches_filters),
                -score,
            );
            let first_finding = found
                .and_then(|s| s.findings.first())
                .map(|f| f.message.as_str());
            let reason = reason(
                therapy,
                rating,
                status,
                &concerns,
                &condition_name,
                first_finding,
            );
            let ranked = Ranked {
                therapy: therapy.id.to_string(),
                position: 0,
                rating,
                status,
                reason,
                matches_filters,
                concerns,
            };
            (index, key, ranked)
        })
        .collect();
    rows.sort_by_key(|(index, key, _)| (*key, *index));
    rows.into_iter()
        .enumerate()
        .map(|(i, (_, _, mut r))| {
            r.position = i + 1;
            r
        })
        .collect()
}

/// One sentence naming the most decisive factor: safety first, then preferences, then evidence and fit.
fn reason(
    therapy: &Therapy,
    rating: EvidenceRating,
    status: TherapyStatus,
    concerns: &[Concern],
    condition: &str,
    first_finding: Option<&str>,
) -> String {
    if status == TherapyStatus::Blocked {
        let why = first_finding.unwrap_or("A safety rule applies to you");
        return format!("Not offered for you: {}.", why.trim_end_matches('.'));
    }
    if therapy.supplement {
        return "A supplement with no schedule: talk to your clinician or pharmacist before taking it."
            .to_string();
    }
    let evidence = match rating {
        EvidenceRating::Recommended => {
            format!("Among the best-supported options for {condition}")
        }
        EvidenceRating::Benefit => format!("Shown to help {condition}"),
        EvidenceRating::Limited => format!("Only limited evidence for {condition}"),
        EvidenceRating::NoBenefit => format!("Studied for {condition} without finding a benefit"),
        EvidenceRating::NotStudied => format!("Not studied for {condition}"),
    };
    let mut buts: Vec<&str> = Vec::new();
    for c in concerns {
        buts.push(match c {
            Concern::Needles => "it uses needles, which you would rather avoid",
            Concern::Touch => "it is hands-on, which you would rather avoid",
            Concern::NotAtHome => "it needs a practitioner and you prefer home options",
            Concern::Time => "its usual course takes more time than you have each week",
            Concern::Budget => "it is likely to cost more than your monthly budget",
        });
    }
    match status {
        TherapyStatus::ClearanceRequired => buts.push("your clinician needs to approve it first"),
        TherapyStatus::Caution => buts.push("there is a safety note to read first"),
        _ => {}
    }
    if buts.is_empty() {
        format!("{evidence}.")
    } else {
        format!("{evidence}, but {}.", buts.join(", and "))
    }
}

/// Lower-cases the first letter so a label or message reads inside a sentence.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

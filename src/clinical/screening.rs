//! Safety screening: turns an intake into a plan-level outcome and a status for every therapy (RULES §2).

use super::intake::Intake;
use super::rules::{self, Engine};
use super::scores::Scores;
use serde::{Deserialize, Serialize};

pub use super::terms::{Outcome, TherapyStatus};

/// One rule that fired, with the reason a person reads and the source a reviewer checks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule ID from the rules data (e.g. `RF-CES`, `MASSAGE-DVT`).
    pub rule: String,
    /// Plain-language message.
    pub message: String,
    /// Citation.
    pub source: String,
    /// The status a therapy rule gives (`None` for flags and notices), so the UI can show each reason's weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TherapyStatus>,
    /// When the rule fired only through facts implied by other answers (RULES §4.2): why each applies,
    /// finishing "because …" (e.g. "you take a transplant medicine, which lowers the body's defences").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub because: Vec<String>,
}

/// A plan-level red flag that fired.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// The outcome this flag leads to.
    pub outcome: Outcome,
    /// What to do now, in plain language.
    pub action: String,
    /// Why, with its source.
    pub finding: Finding,
}

/// A plan-level notice that does not block (RULES §1.8).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    /// Notice ID, e.g. `not_chronic`.
    pub id: String,
    /// Why, with its source.
    pub finding: Finding,
}

/// The screening of one therapy: its status and every rule that fired for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TherapyScreening {
    /// Therapy ID.
    pub therapy: String,
    /// Most severe status among the findings (`Allowed` when none).
    pub status: TherapyStatus,
    /// Every rule that fired, most severe first.
    pub findings: Vec<Finding>,
}

/// A supplement the person already takes whose screening came out blocked or caution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    /// Supplement ID.
    pub supplement: String,
    /// Its screened status (blocked, clearance_required or caution).
    pub status: TherapyStatus,
    /// Every rule that fired.
    pub findings: Vec<Finding>,
}

/// The result of screening one intake (RULES §2): deterministic, and complete whatever the outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Screening {
    /// Most severe outcome reached; `Proceed` when no flag fired. Only `Proceed` builds a plan.
    pub outcome: Outcome,
    /// Every plan-level rule that fired, most severe first.
    pub flags: Vec<Flag>,
    /// Plan-level notices, in rule-book order.
    pub notices: Vec<Notice>,
    /// Every therapy of the catalog, in catalog order.
    pub therapies: Vec<TherapyScreening>,
    /// Supplements already taken whose status is not `Allowed`.
    pub alerts: Vec<Alert>,
    /// PEG, PHQ-4 and STarT Back.
    pub scores: Scores,
}

impl Screening {
    /// Whether a plan may be built (outcome `Proceed`).
    pub fn builds_plan(&self) -> bool {
        self.outcome == Outcome::Proceed
    }

    /// The screened entry of one therapy.
    pub fn therapy(&self, id: &str) -> Option<&TherapyScreening> {
        self.therapies.iter().find(|t| t.therapy == id)
    }

    /// The status of one therapy (`None` if the catalog has no such therapy).
    pub fn status(&self, id: &str) -> Option<TherapyStatus> {
        self.therapy(id).map(|t| t.status)
    }

    /// Whether a notice with this ID was raised.
    pub fn has_notice(&self, id: &str) -> bool {
        self.notices.iter().any(|n| n.id == id)
    }
}

/// Screens an intake with the embedded rules and the catalog's therapies.
pub fn screen(intake: &Intake) -> Screening {
    screen_with(intake, rules::engine())
}

/// Whether the rules place a person of this age out of scope on their age alone (an intake holding only the age).
pub fn age_out_of_scope(age: u16) -> bool {
    let intake = Intake {
        age: Some(age),
        ..Intake::default()
    };
    screen(&intake).outcome == Outcome::OutOfScope
}

/// Screens an intake with a given compiled rule book (tests use this to try alternative rules).
pub fn screen_with(intake: &Intake, engine: &Engine) -> Screening {
    let scores = Scores::of(intake);
    let fired = engine.fire(intake);
    let book = engine.book();
    let because = |via: &[usize]| -> Vec<String> {
        via.iter()
            .map(|&d| book.derived[d].because.to_string())
            .collect()
    };
    let finding = |rule: &str, message: &str, source: &str, status, because| Finding {
        rule: rule.to_string(),
        message: message.to_string(),
        source: source.to_string(),
        status,
        because,
    };
    let mut flags: Vec<Flag> = book
        .flags
        .iter()
        .zip(&fired.flags)
        .zip(&fired.flag_via)
        .filter(|((_, &on), _)| on)
        .map(|((r, _), via)| Flag {
            outcome: r.outcome,
            action: r.action.to_string(),
            finding: finding(r.id, r.message, r.source, None, because(via)),
        })
        .collect();
    // Stable sort: equally severe flags keep rule-book order.
    flags.sort_by_key(|f| f.outcome);
    let notices = book
        .notices
        .iter()
        .zip(&fired.notices)
        .filter(|(_, &on)| on)
        .map(|(r, _)| Notice {
            id: r.id.to_string(),
            finding: finding(r.id, r.message, r.source, None, Vec::new()),
        })
        .collect();
    let therapies: Vec<TherapyScreening> = engine
        .therapies()
        .map(|(id, rules)| {
            // `rules` is already most severe first, so the first finding decides the status.
            let findings: Vec<Finding> = rules
                .iter()
                .filter(|&&r| fired.therapy[r])
                .map(|&r| {
                    let via = because(&fired.therapy_via[r]);
                    let r = &book.therapy[r];
                    finding(r.id, r.message, r.source, Some(r.status), via)
                })
                .collect();
            TherapyScreening {
                therapy: id.to_string(),
                status: findings
                    .first()
                    .and_then(|f| f.status)
                    .unwrap_or(TherapyStatus::Allowed),
                findings,
            }
        })
        .collect();
    let taken = intake.supplements.as_deref().unwrap_or_default();
    let alerts = therapies
        .iter()
        .filter(|t| t.status != TherapyStatus::Allowed && taken.contains(&t.therapy))
        .map(|t| Alert {
            supplement: t.therapy.clone(),
            status: t.status,
            findings: t.findings.clone(),
        })
        .collect();
    Screening {
        outcome: flags.first().map_or(Outcome::Proceed, |f| f.outcome),
        flags,
        notices,
        therapies,
        alerts,
        scores,
    }
}

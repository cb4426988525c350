//! Safety screening: turns an intake into a plan-level outcome and a status for every therapy (RULES §2).

use serde::{Deserialize, Serialize};

/// Plan-level outcome, most severe first (RULES §1.8). `Ord`: smaller is more severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Go to emergency care now.
    Emergency,
    /// Self-harm risk: crisis resources now.
    Crisis,
    /// See a clinician within a day or two.
    Urgent,
    /// Outside what this tool is for (e.g. under 18).
    OutOfScope,
    /// Safe to build a plan.
    Proceed,
}

/// Therapy status, most severe first (RULES §1.8). `Ord`: smaller is more severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Cannot be added; the reason is shown.
    Blocked,
    /// Kept, but do not start until a clinician approves.
    ClearanceRequired,
    /// Kept, with a message.
    Caution,
    /// No rule fired.
    Allowed,
}

/// One rule that fired, with the reason a person reads and the source a reviewer checks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule ID from the rules data (e.g. `RF-CES`, `MASSAGE-DVT`).
    pub rule: String,
    /// Plain-language message.
    pub message: String,
    /// Citation.
    pub source: String,
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

/// The status of one therapy with every rule that fired for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TherapyStatus {
    /// Therapy ID.
    pub therapy: String,
    /// Most severe status among the findings (`Allowed` when none).
    pub status: Status,
    /// Every rule that fired, most severe first.
    pub findings: Vec<Finding>,
}

/// A supplement the person already takes whose screening came out blocked or caution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    /// Supplement ID.
    pub supplement: String,
    /// Its screened status (blocked, clearance_required or caution).
    pub status: Status,
    /// Every rule that fired.
    pub findings: Vec<Finding>,
}

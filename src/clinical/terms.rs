//! The small closed sets the data files spell out (settings, cost bands, evidence, outcomes, statuses, risk groups,
//! questions), with their JSON spellings.
//!
//! `build.rs` includes this very file (`#[path]`) to check the data files, so the build and the app can never
//! disagree on a name. It must therefore depend on nothing but `serde`.

use serde::{Deserialize, Serialize};

/// Where a therapy happens, which drives the "home only" preference and travel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    /// Done alone at home (after learning it, e.g. from a video or booklet).
    Home,
    /// Needs a practitioner or a class.
    Practitioner,
    /// Learned in a class or with a practitioner, then practised at home too.
    Either,
}

/// A rough monthly cost band; figures are estimates for budget checks, never prices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostBand {
    /// No cost beyond time.
    Free,
    /// Up to about 30 per session or product per month.
    Low,
    /// About 30–80 per session.
    Medium,
    /// More than about 80 per session.
    High,
}

/// How well a therapy is supported for one condition, best first (SOURCES §2.7 legend).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceRating {
    /// Benefit lasting ≥ 1 month in AHRQ reviews **and** recommended by a guideline (ACP 2017, US Headache Consortium).
    Recommended,
    /// Benefit lasting ≥ 1 month in AHRQ reviews (E+), or a guideline recommendation alone.
    Benefit,
    /// Indirect, partial or insufficient evidence; supportive self-care.
    Limited,
    /// Studied, and no benefit found (N).
    NoBenefit,
    /// Not evaluated in the sources we use.
    NotStudied,
}

/// Strength of evidence where the source grades it (AHRQ SOE + / ++ / +++).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// SOE + .
    Low,
    /// SOE ++ .
    Moderate,
    /// SOE +++ .
    High,
}

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
pub enum TherapyStatus {
    /// Cannot be added; the reason is shown.
    Blocked,
    /// Kept, but do not start until a clinician approves.
    ClearanceRequired,
    /// Kept, with a message.
    Caution,
    /// No rule fired.
    Allowed,
}

/// STarT Back risk group (SOURCES §3.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    /// Total 0–3.
    Low,
    /// Total ≥ 4 and psychosocial subscale ≤ 3.
    Medium,
    /// Psychosocial subscale ≥ 4.
    High,
}

/// A question whose "not answered" state some rules react to (RULES §1.1, N-UNKNOWN).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// `age`.
    Age,
    /// `symptoms`.
    Symptoms,
    /// `conditions`.
    Conditions,
    /// `medications`.
    Medications,
    /// `supplements`.
    Supplements,
    /// `activity`.
    Activity,
    /// `mood.self_harm` (PHQ-9 item 9).
    SelfHarm,
}

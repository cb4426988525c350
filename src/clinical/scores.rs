//! Scores (RULES §2.3): PEG, PHQ-4 (GAD-2, PHQ-2) and STarT Back.
//!
//! A missing item is never read as zero: a score that needs it is incomplete (`None`), because reporting a
//! falsely low score would hide distress or pain (RULES §1.1).

use super::intake::{Intake, Peg, Phq4, StartBack};
use serde::{Deserialize, Serialize};

pub use super::terms::Risk;

/// A complete PEG-3 score (SOURCES §3.1).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PegScore {
    /// Mean of the three items, unrounded (0–10).
    pub mean: f64,
    /// The mean rounded to one decimal, as shown to people and compared in scenarios.
    pub display: f64,
    /// Sum of the three items (0–30), which some clinics record instead.
    pub sum: u8,
}

/// PHQ-4 total bands (RULES §2.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phq4Band {
    /// Total 0–2.
    Normal,
    /// Total 3–5.
    Mild,
    /// Total 6–8.
    Moderate,
    /// Total 9–12.
    Severe,
}

/// PHQ-4 subscales and total; each is `None` when an item it needs is missing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Phq4Score {
    /// Nervous + worry (0–6).
    pub gad2: Option<u8>,
    /// Interest + down (0–6).
    pub phq2: Option<u8>,
    /// All four items (0–12).
    pub total: Option<u8>,
    /// Band of the total.
    pub band: Option<Phq4Band>,
}

/// The positive-screen threshold for each PHQ-4 subscale (SOURCES §3.2).
pub const SUBSCALE_POSITIVE: u8 = 3;

impl Phq4Score {
    /// GAD-2 ≥ 3 (an incomplete subscale is never positive).
    pub fn anxiety_positive(&self) -> bool {
        self.gad2.is_some_and(|s| s >= SUBSCALE_POSITIVE)
    }

    /// PHQ-2 ≥ 3 (an incomplete subscale is never positive).
    pub fn depression_positive(&self) -> bool {
        self.phq2.is_some_and(|s| s >= SUBSCALE_POSITIVE)
    }
}

/// STarT Back result: only asked for low back pain, and incomplete until items 1–9 are all answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum StartBackScore {
    /// `pain.primary` is not `low_back` (Keele does not recommend the tool for other conditions).
    NotApplicable,
    /// Not answered, or item 9 missing.
    Incomplete,
    /// Scored.
    Scored {
        /// Agreed items 1–8 plus item 9's point (0–9).
        total: u8,
        /// Agreed items 5–8 plus item 9's point (0–5).
        psychosocial: u8,
        /// Risk group.
        risk: Risk,
    },
}

impl StartBackScore {
    /// The risk group when scored.
    pub fn risk(&self) -> Option<Risk> {
        match self {
            StartBackScore::Scored { risk, .. } => Some(*risk),
            _ => None,
        }
    }
}

/// All scores of one intake.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// PEG; `None` when not answered or incomplete.
    pub peg: Option<PegScore>,
    /// PHQ-4 subscales and total.
    pub phq4: Phq4Score,
    /// STarT Back.
    pub start_back: StartBackScore,
}

impl Scores {
    /// Computes every score from an intake.
    pub fn of(intake: &Intake) -> Scores {
        let pain = intake.pain.as_ref();
        let low_back = pain.and_then(|p| p.primary.as_deref()) == Some("low_back");
        Scores {
            peg: pain.and_then(|p| p.peg.as_ref()).and_then(peg),
            phq4: intake
                .mood
                .and_then(|m| m.phq4)
                .map(|p| phq4(&p))
                .unwrap_or_default(),
            start_back: if low_back {
                intake
                    .start_back
                    .as_ref()
                    .map_or(StartBackScore::Incomplete, start_back)
            } else {
                StartBackScore::NotApplicable
            },
        }
    }
}

/// An item counts only when answered and in range; lenient imports may carry values outside it.
fn item(v: Option<u8>, max: u8) -> Option<u8> {
    v.filter(|x| *x <= max)
}

/// PEG mean of the three items; `None` (incomplete) if any item is missing.
pub fn peg(p: &Peg) -> Option<PegScore> {
    let sum = item(p.pain, 10)? + item(p.enjoyment, 10)? + item(p.activity, 10)?;
    let mean = f64::from(sum) / 3.0;
    Some(PegScore {
        mean,
        display: round1(mean),
        sum,
    })
}

/// Rounds to one decimal, as PEG is shown (SOURCES §3.9 T1: 5.667 → 5.7).
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// PHQ-4 subscales, total and band.
pub fn phq4(p: &Phq4) -> Phq4Score {
    let sum2 = |a: Option<u8>, b: Option<u8>| Some(item(a, 3)? + item(b, 3)?);
    let gad2 = sum2(p.nervous, p.worry);
    let phq2 = sum2(p.interest, p.down);
    let total = gad2.zip(phq2).map(|(g, d)| g + d);
    Phq4Score {
        gad2,
        phq2,
        total,
        band: total.map(phq4_band),
    }
}

/// The sum of the answered items only (out-of-range values count as missing): a floor on the full sum, since a
/// missing item can only add to it. Used where a partial answer must still raise a notice (RULES §4.3).
pub fn answered_sum(items: &[Option<u8>], max: u8) -> u8 {
    items.iter().filter_map(|&v| item(v, max)).sum()
}

/// PHQ-2 (interest + down) over the answered items only.
pub fn phq2_answered(p: &Phq4) -> u8 {
    answered_sum(&[p.interest, p.down], 3)
}

/// GAD-2 (nervous + worry) over the answered items only.
pub fn gad2_answered(p: &Phq4) -> u8 {
    answered_sum(&[p.nervous, p.worry], 3)
}

/// The STarT Back distress subscale (items 5–8 agreed, plus item 9's point) over whatever was answered.
pub fn start_back_distress_answered(s: &StartBack) -> u8 {
    let agreed = s
        .agree
        .as_ref()
        .map_or(0, |a| (5..=8).filter(|i| a.contains(i)).count() as u8);
    let item9 = matches!(s.bothersome.as_deref(), Some("very_much" | "extremely"));
    agreed + u8::from(item9)
}

/// Band of a PHQ-4 total.
pub fn phq4_band(total: u8) -> Phq4Band {
    match total {
        0..=2 => Phq4Band::Normal,
        3..=5 => Phq4Band::Mild,
        6..=8 => Phq4Band::Moderate,
        _ => Phq4Band::Severe,
    }
}

/// STarT Back from its answers (whatever the pain condition; [`Scores::of`] applies the low-back rule).
pub fn start_back(s: &StartBack) -> StartBackScore {
    let (Some(agree), Some(bothersome)) = (s.agree.as_ref(), s.bothersome.as_deref()) else {
        return StartBackScore::Incomplete;
    };
    let item9 = match bothersome {
        "very_much" | "extremely" => 1,
        "not_at_all" | "slightly" | "moderately" => 0,
        _ => return StartBackScore::Incomplete,
    };
    // Each item counts once, even if a stored list repeats it.
    let agreed =
        |range: std::ops::RangeInclusive<u8>| range.filter(|i| agree.contains(i)).count() as u8;
    let total = agreed(1..=8) + item9;
    let psychosocial = agreed(5..=8) + item9;
    let risk = if total <= 3 {
        Risk::Low
    } else if psychosocial <= 3 {
        Risk::Medium
    } else {
        Risk::High
    };
    StartBackScore::Scored {
        total,
        psychosocial,
        risk,
    }
}

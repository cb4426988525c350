//! The therapy catalog and the clinical vocabulary (RULES §1), compiled in from the JSON data files.
//!
//! `data/vocabulary.json` and `data/therapies.json` stay the source a reviewer edits; `build.rs` validates them
//! and writes them out as the static below, so the app ships neither the JSON text nor a parser for it.

pub use super::terms::{CostBand, EvidenceRating, Setting, Strength};

impl CostBand {
    /// Nominal figure per session (per month for supplements) used only for budget *estimates*, never shown as a price.
    ///
    /// Chosen inside each band's documented range: free 0, low 20, medium 55, high 100.
    pub fn nominal(self) -> u32 {
        match self {
            CostBand::Free => 0,
            CostBand::Low => 20,
            CostBand::Medium => 55,
            CostBand::High => 100,
        }
    }
}

/// Evidence for one therapy in one condition.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// Overall rating used for badges and ranking.
    pub rating: EvidenceRating,
    /// Strength of evidence when graded.
    pub strength: Option<Strength>,
    /// Plain-language sentence: effect size and how long it lasts.
    pub summary: &'static str,
    /// Citation (section of SOURCES.md and the original source).
    pub source: &'static str,
}

/// A typical course, from trials and programmes (SOURCES §5.1).
#[derive(Clone, Debug, PartialEq)]
pub struct Course {
    /// Fewest sessions per week in the typical range.
    pub per_week_min: u8,
    /// Most sessions per week in the typical range.
    pub per_week_max: u8,
    /// Default sessions per week in a new plan (within min..=max).
    pub per_week_default: u8,
    /// Minutes per session.
    pub session_minutes: u16,
    /// Length of a course in weeks (a plan runs 12 weeks; ongoing practices use 12).
    pub weeks: u8,
    /// Optional daily home practice that goes with it, in minutes.
    pub home_minutes: Option<u16>,
    /// Days a week for that home practice when the source gives fewer than daily; `None` means every planned day.
    pub home_per_week: Option<u8>,
    /// Plain-language description of the course, e.g. "10 sessions over 7 weeks".
    pub description: &'static str,
    /// Citation for the course.
    pub source: &'static str,
}

impl Course {
    /// Days of home practice a week alongside `per_week` sessions when `days_available` days are free.
    ///
    /// Home practice goes on free days without a session (a class day already is practice), capped by `home_per_week`.
    pub fn home_days(&self, per_week: u8, days_available: u8) -> u8 {
        if self.home_minutes.is_none() {
            return 0;
        }
        let free = days_available.saturating_sub(per_week);
        self.home_per_week.map_or(free, |d| d.min(free))
    }

    /// Minutes a week at `per_week` sessions, including home practice, when `days_available` days are free.
    pub fn weekly_minutes(&self, per_week: u8, days_available: u8) -> u32 {
        let home = u32::from(self.home_minutes.unwrap_or(0));
        u32::from(per_week) * u32::from(self.session_minutes)
            + home * u32::from(self.home_days(per_week, days_available))
    }
}

/// One risk or side effect of a therapy, in plain words, for the card, the consent step and the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct SideEffect {
    /// One plain-language sentence; where the sources list none, it says exactly that.
    pub text: &'static str,
    /// Citation (section of SOURCES.md and the original source).
    pub source: &'static str,
}

/// One selectable therapy (RULES §1.7).
#[derive(Clone, Debug, PartialEq)]
pub struct Therapy {
    /// Stable ID from RULES §1.7.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Plain-language summary in the product's own words.
    pub summary: &'static str,
    /// How it is thought to work, in plain language.
    pub how_it_works: &'static str,
    /// Home, practitioner, or either.
    pub setting: Setting,
    /// Who provides it, e.g. "licensed acupuncturist" (empty for pure self-care).
    pub provider: &'static str,
    /// Credential to look for, e.g. "state licence (L.Ac.)"; empty where none applies.
    pub credential: &'static str,
    /// Uses needles.
    pub needles: bool,
    /// Involves hands-on touch.
    pub touch: bool,
    /// True for the supplements of RULES §1.6 (no schedule; "discuss with clinician").
    pub supplement: bool,
    /// Typical course; `None` for supplements.
    pub course: Option<Course>,
    /// Rough cost band per session (or per month for supplements).
    pub cost: CostBand,
    /// Evidence keyed by `pain.primary` ID (RULES §1.2), sorted by ID: every condition must be present.
    pub evidence: &'static [(&'static str, Evidence)],
    /// Risks and side effects (SOURCES §4.3, §4.4), never empty: shown before anyone adds it and in the plan.
    pub risks: &'static [SideEffect],
    /// Citation for the description and course.
    pub source: &'static str,
}

impl Therapy {
    /// The evidence for one `pain.primary` condition.
    pub fn evidence_for(&self, condition: &str) -> Option<&'static Evidence> {
        self.evidence
            .iter()
            .find(|(c, _)| *c == condition)
            .map(|(_, e)| e)
    }

    /// Whether its evidence for `condition` is rated good enough to offer it as an alternative.
    pub fn supported_for(&self, condition: &str) -> bool {
        self.evidence_for(condition).is_some_and(|e| {
            matches!(
                e.rating,
                EvidenceRating::Recommended | EvidenceRating::Benefit
            )
        })
    }

    /// Estimated monthly cost at `per_week` sessions (52/12 weeks a month); supplements cost their band per month.
    pub fn monthly_cost_estimate(&self, per_week: u8) -> u32 {
        if self.supplement {
            return self.cost.nominal();
        }
        let weekly = u32::from(per_week) * self.cost.nominal();
        (weekly * 52 + 6) / 12
    }
}

/// A vocabulary entry: an ID with its plain-language label and optional help text.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// Stable ID from RULES §1.
    pub id: &'static str,
    /// Plain-language label or question.
    pub label: &'static str,
    /// Longer explanation or examples (e.g. brand names), may be empty.
    pub help: &'static str,
    /// Extra names that map onto this ID (generic and brand names for medication classes).
    pub aliases: &'static [&'static str],
    /// Citation.
    pub source: &'static str,
}

/// The whole catalog: therapies plus every vocabulary list of RULES §1.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    /// Pain conditions (RULES §1.2).
    pub conditions: &'static [Term],
    /// Red-flag questions (RULES §1.3).
    pub symptoms: &'static [Term],
    /// Health facts (RULES §1.4).
    pub health: &'static [Term],
    /// Medication classes (RULES §1.5).
    pub medications: &'static [Term],
    /// Supplements a person may already take (RULES §1.6).
    pub supplements: &'static [Term],
    /// Selectable therapies (RULES §1.7).
    pub therapies: &'static [Therapy],
}

/// Which vocabulary list an ID belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vocab {
    /// `pain.primary` (RULES §1.2).
    Condition,
    /// Red-flag symptoms (RULES §1.3).
    Symptom,
    /// Health facts (RULES §1.4).
    Health,
    /// Medication classes (RULES §1.5).
    Medication,
    /// Supplements already taken (RULES §1.6).
    Supplement,
    /// Selectable therapies (RULES §1.7).
    Therapy,
}

// `static CATALOG: Catalog`, written by build.rs from the data files.
include!(concat!(env!("OUT_DIR"), "/catalog_data.rs"));

impl Catalog {
    /// The terms of one vocabulary list (therapies are not terms: use [`Catalog::therapy`]).
    pub fn terms(&self, vocab: Vocab) -> &[Term] {
        match vocab {
            Vocab::Condition => self.conditions,
            Vocab::Symptom => self.symptoms,
            Vocab::Health => self.health,
            Vocab::Medication => self.medications,
            Vocab::Supplement => self.supplements,
            Vocab::Therapy => &[],
        }
    }

    /// Whether `id` is a known ID of that list.
    pub fn knows(&self, vocab: Vocab, id: &str) -> bool {
        match vocab {
            Vocab::Therapy => self.therapy(id).is_some(),
            _ => self.terms(vocab).iter().any(|t| t.id == id),
        }
    }

    /// The therapy with this ID.
    pub fn therapy(&self, id: &str) -> Option<&Therapy> {
        self.therapies.iter().find(|t| t.id == id)
    }

    /// Other therapies whose evidence for `condition` is rated `recommended` or `benefit`: the alternatives the
    /// consent step names. Recommended ones first, then catalog order; never the therapy itself.
    pub fn alternatives(&self, therapy: &str, condition: &str) -> Vec<&Therapy> {
        let mut out: Vec<&Therapy> = self
            .therapies
            .iter()
            .filter(|t| t.id != therapy && t.supported_for(condition))
            .collect();
        // A stable sort keeps catalog order within each rating.
        out.sort_by_key(|t| t.evidence_for(condition).map(|e| e.rating));
        out
    }

    /// The term with this ID in that list.
    pub fn term(&self, vocab: Vocab, id: &str) -> Option<&Term> {
        self.terms(vocab).iter().find(|t| t.id == id)
    }
}

/// The catalog; the build has already validated it, so there is nothing to fail at run time.
pub fn catalog() -> &'static Catalog {
    &CATALOG
}

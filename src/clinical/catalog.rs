//! The therapy catalog and the clinical vocabulary (docs/sources.md#rules-1, "RULES §1"), compiled in from the JSON
//! data files. The RULES and SOURCES sections cited here and in the data are explained, one entry each, in
//! docs/sources.md.
//!
//! `data/vocabulary.json` and `data/therapies.json` stay the source a reviewer edits; `build.rs` validates them
//! and writes them out as the static below, so the app ships neither the JSON text nor a parser for it. The types
//! are defined in [`super::data`]; this module adds what the app asks of them.

pub use super::data::{
    Catalog, Course, Evidence, SelfCareLabel, SideEffect, Term, TermGroup, Therapy,
};
pub use super::terms::{CostBand, EvidenceRating, Setting, Strength};
use crate::clinical::intake::Intake;

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

impl Course {
    /// Whether a plan may set `per_week` sessions a week: within the usual course, as the plan screen offers.
    pub fn allows_per_week(&self, per_week: u8) -> bool {
        (self.per_week_min..=self.per_week_max).contains(&per_week)
    }

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

/// Which vocabulary list an ID belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vocab {
    /// `pain.primary` (docs/sources.md#rules-1-2).
    Condition,
    /// Red-flag symptoms (docs/sources.md#rules-1-3).
    Symptom,
    /// Health facts (docs/sources.md#rules-1-4).
    Health,
    /// Medication classes (docs/sources.md#rules-1-5).
    Medication,
    /// Supplements already taken (docs/sources.md#rules-1-6).
    Supplement,
    /// Selectable therapies (docs/sources.md#rules-1-7).
    Therapy,
    /// Whole-Health areas of the "what matters" step (SOURCES §1.1).
    Area,
}

/// `pub static CATALOG: Catalog`, written by build.rs from the data files.
mod generated {
    use crate::clinical::data::*;
    include!(concat!(env!("OUT_DIR"), "/catalog_data.rs"));
}

impl Catalog {
    /// The terms of one vocabulary list (therapies are not terms: use [`Catalog::therapy`]).
    pub fn terms(&self, vocab: Vocab) -> &[Term] {
        match vocab {
            Vocab::Condition => self.conditions,
            Vocab::Symptom => self.symptoms,
            Vocab::Health => self.health,
            Vocab::Medication => self.medications,
            Vocab::Supplement => self.supplements,
            Vocab::Area => self.areas,
            Vocab::Therapy => &[],
        }
    }

    /// The groups the intake shows a list in (red flags and health facts: every ID in exactly one group, which the
    /// data load checks); empty for the other lists.
    pub fn groups(&self, vocab: Vocab) -> &[TermGroup] {
        match vocab {
            Vocab::Symptom => self.symptom_groups,
            Vocab::Health => self.health_groups,
            _ => &[],
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

    /// The plain-language label of a vocabulary ID (the ID itself if the catalog no longer knows it).
    pub fn label(&self, vocab: Vocab, id: &str) -> String {
        self.term(vocab, id)
            .map_or_else(|| id.to_string(), |t| t.label.to_string())
    }

    /// A therapy's display name (the ID itself if the catalog no longer knows it).
    pub fn therapy_name(&self, id: &str) -> String {
        self.therapy(id)
            .map_or_else(|| id.to_string(), |t| t.name.to_string())
    }
}

impl TermGroup {
    /// Whether the intake puts this group to the person: always, unless the data limits it to some pains
    /// (`asked_if_pain`) and the main pain is given and neither it nor another site is one of them. A group holding a
    /// ticked answer (`ticked`) is always asked, so a changed pain answer never hides something ticked.
    pub fn is_asked(&self, intake: &Intake, ticked: &[String]) -> bool {
        if self.asked_if_pain.is_empty() || ticked.iter().any(|t| self.ids.contains(&t.as_str())) {
            return true;
        }
        let Some(pain) = &intake.pain else {
            return true;
        };
        let Some(primary) = pain.primary.as_deref() else {
            return true;
        };
        std::iter::once(primary)
            .chain(pain.sites.iter().flatten().map(String::as_str))
            .any(|p| self.asked_if_pain.contains(&p))
    }
}

/// The catalog; the build has already validated it, so there is nothing to fail at run time.
pub fn catalog() -> &'static Catalog {
    &generated::CATALOG
}

//! Options for the list questions, all taken from the catalog: red flags and health facts grouped by topic
//! (group membership decided here by ID), and a medicine-name lookup over the catalog's aliases.

use crate::clinical::catalog::{catalog, Term};
use crate::ui::widgets::checklist::{Item, ItemGroup};
use crate::ui::widgets::radio::Choice;

/// Red-flag groups: title and symptom IDs. Heart and breathing first, as chest pain now is the most urgent.
pub const SYMPTOM_GROUPS: &[(&str, &[&str])] = &[
    (
        "Heart and breathing",
        &[
            "chest_pain_now",
            "exertional_chest_pain",
            "fainting",
            "unexplained_breathlessness",
        ],
    ),
    (
        "Back, bladder and legs",
        &[
            "saddle_numbness",
            "new_bladder_bowel_problem",
            "both_legs_weak",
            "progressive_weakness",
            "calf_swelling",
        ],
    ),
    (
        "Headache and neck",
        &[
            "thunderclap_headache",
            "headache_neuro_symptoms",
            "fever_stiff_neck",
            "dissection_symptoms",
            "new_headache_after_50",
            "headache_pattern_change",
            "positional_headache",
            "exertion_headache",
        ],
    ),
    (
        "Your pain and general health",
        &[
            "pain_new_or_worse",
            "severe_night_pain",
            "fever_with_pain",
            "unexplained_weight_loss",
            "major_trauma",
            "recent_fall_or_injury",
        ],
    ),
];

/// Health-fact groups: title and condition IDs.
pub const HEALTH_GROUPS: &[(&str, &[&str])] = &[
    ("Pregnancy", &["pregnant", "breastfeeding"]),
    (
        "Blood, clots and bones",
        &[
            "bleeding_disorder",
            "low_platelets",
            "dvt",
            "osteoporosis",
            "severe_osteoporosis",
            "fracture_recent",
            "hypermobility",
        ],
    ),
    (
        "Heart and other organs",
        &[
            "heart_disease",
            "uncontrolled_hypertension",
            "pacemaker",
            "diabetes",
            "kidney_disease",
            "liver_disease",
            "gallstones",
            "peptic_ulcer_history",
            "glaucoma",
        ],
    ),
    (
        "Operations, cancer and infections",
        &[
            "recent_surgery",
            "spinal_surgery_recent",
            "surgery_planned",
            "cancer_active",
            "cancer_history",
            "immunosuppressed",
            "acute_infection",
            "skin_wounds",
            "inflammatory_arthritis_flare",
        ],
    ),
    (
        "Nerves, balance and sleep",
        &[
            "seizure_disorder",
            "balance_problems",
            "sleep_apnea_suspected",
        ],
    ),
    (
        "Mind, mood and substances",
        &[
            "psychosis_recent",
            "bipolar",
            "ptsd",
            "unresolved_trauma",
            "eating_disorder_history",
            "substance_use_recent",
            "heavy_alcohol",
            "iv_drug_use",
        ],
    ),
    (
        "Allergies and fears",
        &["aspirin_allergy", "fish_allergy", "needle_phobia"],
    ),
];

/// A catalog term as a checklist option.
pub fn item(t: &Term) -> Item {
    Item {
        id: t.id.to_string(),
        label: t.label.to_string(),
        help: t.help.to_string(),
    }
}

/// A catalog term as a radio choice.
pub fn choice(t: &Term) -> Choice {
    Choice {
        value: t.id.to_string(),
        label: t.label.to_string(),
        help: t.help.to_string(),
    }
}

/// Every term as a checklist option, in catalog order.
pub fn items(terms: &[Term]) -> Vec<Item> {
    terms.iter().map(item).collect()
}

/// Terms arranged in `groups`; any term no group names goes into a last "Other" group, so none is ever hidden.
pub fn grouped(terms: &[Term], groups: &[(&str, &[&str])]) -> Vec<ItemGroup> {
    let find = |id: &str| terms.iter().find(|t| t.id == id);
    let mut out: Vec<ItemGroup> = groups
        .iter()
        .map(|(title, ids)| ItemGroup {
            title: (*title).to_string(),
            items: ids.iter().filter_map(|id| find(id)).map(item).collect(),
        })
        .filter(|g| !g.items.is_empty())
        .collect();
    let rest: Vec<Item> = terms
        .iter()
        .filter(|t| !groups.iter().any(|(_, ids)| ids.contains(&t.id)))
        .map(item)
        .collect();
    if !rest.is_empty() {
        out.push(ItemGroup {
            title: "Other".into(),
            items: rest,
        });
    }
    out
}

/// The red-flag questions, grouped.
pub fn symptom_groups() -> Vec<ItemGroup> {
    grouped(catalog().symptoms, SYMPTOM_GROUPS)
}

/// The health facts, grouped.
pub fn health_groups() -> Vec<ItemGroup> {
    grouped(catalog().health, HEALTH_GROUPS)
}

/// A medicine class found for a typed name.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Medication class ID.
    pub class: String,
    /// The class's plain label.
    pub label: String,
    /// The known name that matched, as the catalog spells it.
    pub name: String,
}

/// Classes whose known names (generic or brand) match what was typed: an exact name first, then names
/// starting with it (at least 3 letters typed), one entry per class.
pub fn lookup_medicine(query: &str) -> Vec<Found> {
    let q = query.trim().to_lowercase();
    if q.chars().count() < 3 {
        return Vec::new();
    }
    let terms = catalog().medications;
    let mut found: Vec<Found> = Vec::new();
    let mut add = |t: &Term, name: &str| {
        if !found.iter().any(|f| f.class == t.id) {
            found.push(Found {
                class: t.id.to_string(),
                label: t.label.to_string(),
                name: name.to_string(),
            });
        }
    };
    for t in terms {
        if let Some(a) = t.aliases.iter().find(|a| a.to_lowercase() == q) {
            add(t, a);
        }
    }
    for t in terms {
        if let Some(a) = t.aliases.iter().find(|a| a.to_lowercase().starts_with(&q)) {
            add(t, a);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn each_once(terms: &[Term], groups: &[(&str, &[&str])]) {
        for t in terms {
            let n = groups.iter().filter(|(_, ids)| ids.contains(&t.id)).count();
            assert_eq!(n, 1, "{} is in {n} groups", t.id);
        }
        for (title, ids) in groups {
            for id in *ids {
                assert!(terms.iter().any(|t| t.id == *id), "{title}: unknown {id}");
            }
        }
    }

    #[test]
    fn every_red_flag_and_health_fact_is_in_exactly_one_group() {
        each_once(catalog().symptoms, SYMPTOM_GROUPS);
        each_once(catalog().health, HEALTH_GROUPS);
        let shown: usize = symptom_groups().iter().map(|g| g.items.len()).sum();
        assert_eq!(shown, 23);
        assert!(health_groups().iter().all(|g| g.title != "Other"));
    }

    #[test]
    fn an_ungrouped_term_still_appears_under_other() {
        let terms = &catalog().conditions;
        let g = grouped(terms, &[("Back", &["low_back"])]);
        assert_eq!(g.len(), 2);
        assert_eq!(g[1].title, "Other");
        assert_eq!(g[1].items.len(), terms.len() - 1);
    }

    #[test]
    fn brand_and_generic_names_map_to_their_class() {
        let f = lookup_medicine("Eliquis");
        assert_eq!(f[0].class, "anticoagulant");
        assert_eq!(f[0].name, "eliquis");
        assert_eq!(lookup_medicine("  SERTRA")[0].class, "serotonergic");
        assert!(lookup_medicine("ib").is_empty(), "too short to guess");
        assert!(lookup_medicine("unobtainium").is_empty());
    }

    #[test]
    fn one_entry_per_class_and_exact_names_first() {
        let f = lookup_medicine("aspirin");
        assert_eq!(f[0].class, "antiplatelet");
        let classes: Vec<_> = f.iter().map(|f| f.class.as_str()).collect();
        let mut dedup = classes.clone();
        dedup.dedup();
        assert_eq!(classes, dedup);
    }
}

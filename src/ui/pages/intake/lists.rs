//! Options for the list questions, all taken from the catalog: red flags and health facts in the groups the data
//! gives them, and a medicine-name lookup over the catalog's aliases.

use crate::clinical::catalog::{catalog, Term, Vocab};
use crate::clinical::intake::Intake;
use crate::ui::widgets::checklist::{Item, ItemGroup};
use crate::ui::widgets::radio::Choice;

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

/// One list of the catalog arranged in its groups from the data, in the data's order: the groups asked of this
/// intake (`TermGroup::is_asked`: some are only for some pains), and any group holding a tick in `ticked`.
pub fn grouped(vocab: Vocab, intake: &Intake, ticked: &[String]) -> Vec<ItemGroup> {
    let cat = catalog();
    cat.groups(vocab)
        .iter()
        .filter(|g| g.is_asked(intake, ticked))
        .map(|g| ItemGroup {
            title: g.title.to_string(),
            items: g
                .ids
                .iter()
                .filter_map(|id| cat.term(vocab, id))
                .map(item)
                .collect(),
        })
        .collect()
}

/// The red-flag questions asked of this person, grouped (the headache ones only with a headache reported).
pub fn symptom_groups(intake: &Intake, ticked: &[String]) -> Vec<ItemGroup> {
    grouped(Vocab::Symptom, intake, ticked)
}

/// The health facts, grouped.
pub fn health_groups(intake: &Intake) -> Vec<ItemGroup> {
    grouped(Vocab::Health, intake, &[])
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

    fn shown(groups: &[ItemGroup]) -> Vec<&str> {
        groups
            .iter()
            .flat_map(|g| g.items.iter().map(|i| i.id.as_str()))
            .collect()
    }

    #[test]
    fn every_red_flag_and_health_fact_is_shown_once_under_its_group() {
        // The main pain not given yet: every red flag is asked.
        let symptoms = symptom_groups(&Intake::default(), &[]);
        assert_eq!(symptoms[0].title, "Heart and breathing");
        assert_eq!(symptoms.len(), 5);
        let mut ids = shown(&symptoms);
        assert_eq!(ids.len(), 23);
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 23);
        let health = health_groups(&Intake::default());
        assert_eq!(health[0].title, "Pregnancy");
        assert_eq!(shown(&health).len(), catalog().health.len());
    }

    #[test]
    fn without_a_headache_the_seven_headache_questions_are_not_asked_unless_one_is_ticked() {
        let knee = Intake::parse_strict(r#"{"pain":{"primary":"knee_oa"}}"#).unwrap();
        let asked = symptom_groups(&knee, &[]);
        assert_eq!(shown(&asked).len(), 16);
        assert!(!shown(&asked).contains(&"thunderclap_headache"));
        assert!(shown(&asked).contains(&"dissection_symptoms"));
        let ticked = symptom_groups(&knee, &["positional_headache".to_string()]);
        assert_eq!(shown(&ticked).len(), 23);
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

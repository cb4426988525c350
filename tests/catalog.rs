//! The embedded catalog matches the RULES §1 contract: every ID once, every entry sourced, courses the plan can use.

use mosaic::clinical::catalog::{catalog, EvidenceRating, Setting, Strength, Term, Vocab};
use mosaic::clinical::intake::Intake;
use std::collections::BTreeSet;

const CONDITIONS: &[&str] = &[
    "low_back",
    "neck",
    "knee_oa",
    "hip_oa",
    "fibromyalgia",
    "tension_headache",
    "migraine",
    "other",
];

const SYMPTOMS: &[&str] = &[
    "saddle_numbness",
    "new_bladder_bowel_problem",
    "both_legs_weak",
    "progressive_weakness",
    "fever_with_pain",
    "pain_new_or_worse",
    "unexplained_weight_loss",
    "severe_night_pain",
    "major_trauma",
    "recent_fall_or_injury",
    "thunderclap_headache",
    "headache_neuro_symptoms",
    "fever_stiff_neck",
    "new_headache_after_50",
    "headache_pattern_change",
    "positional_headache",
    "exertion_headache",
    "dissection_symptoms",
    "chest_pain_now",
    "exertional_chest_pain",
    "fainting",
    "unexplained_breathlessness",
    "calf_swelling",
];

const HEALTH: &[&str] = &[
    "pregnant",
    "breastfeeding",
    "bleeding_disorder",
    "low_platelets",
    "dvt",
    "severe_osteoporosis",
    "osteoporosis",
    "fracture_recent",
    "pacemaker",
    "cancer_active",
    "cancer_history",
    "recent_surgery",
    "spinal_surgery_recent",
    "inflammatory_arthritis_flare",
    "immunosuppressed",
    "iv_drug_use",
    "diabetes",
    "seizure_disorder",
    "needle_phobia",
    "skin_wounds",
    "acute_infection",
    "heart_disease",
    "uncontrolled_hypertension",
    "glaucoma",
    "balance_problems",
    "liver_disease",
    "kidney_disease",
    "gallstones",
    "peptic_ulcer_history",
    "aspirin_allergy",
    "psychosis_recent",
    "bipolar",
    "ptsd",
    "unresolved_trauma",
    "substance_use_recent",
    "heavy_alcohol",
    "eating_disorder_history",
    "sleep_apnea_suspected",
    "fish_allergy",
    "hypermobility",
    "surgery_planned",
];

const MEDICATIONS: &[&str] = &[
    "anticoagulant",
    "antiplatelet",
    "nsaid",
    "serotonergic",
    "hormonal_contraceptive",
    "transplant_immunosuppressant",
    "hiv_antiretroviral",
    "anticancer",
    "antiseizure",
    "digoxin",
    "diabetes_medicine",
    "sedative",
    "opioid",
    "corticosteroid_long_term",
    "hepatotoxic",
    "many_prescriptions",
];

const SUPPLEMENTS: &[&str] = &[
    "st_johns_wort",
    "ginkgo",
    "garlic",
    "kava",
    "turmeric",
    "ginger",
    "willow_bark",
    "devils_claw",
    "fish_oil",
];

const THERAPIES: &[&str] = &[
    "exercise",
    "physical_therapy",
    "yoga",
    "tai_chi",
    "acupuncture",
    "electroacupuncture",
    "massage",
    "spinal_manipulation",
    "mindfulness",
    "meditation",
    "cbt",
    "biofeedback",
    "hypnosis",
    "relaxation",
    "sleep_stress",
    "nutrition",
];

/// Asserts the IDs equal the contract's list exactly, each once, so any drift names itself.
fn assert_exact_ids(list: &str, got: Vec<&str>, want: &[&str]) {
    let unique: BTreeSet<&str> = got.iter().copied().collect();
    assert_eq!(unique.len(), got.len(), "{list}: duplicate IDs in {got:?}");
    let want: BTreeSet<&str> = want.iter().copied().collect();
    let missing: Vec<_> = want.difference(&unique).collect();
    let extra: Vec<_> = unique.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{list}: missing {missing:?}, unknown {extra:?}"
    );
}

fn ids(terms: &[Term]) -> Vec<&str> {
    terms.iter().map(|t| t.id).collect()
}

// The files are parsed and checked by build.rs; this holds what the app's lookups rely on from the output.
#[test]
fn generated_evidence_is_sorted_by_condition_without_repeats() {
    for t in catalog().therapies {
        let keys: Vec<&str> = t.evidence.iter().map(|(c, _)| *c).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{}: {keys:?}", t.id);
    }
}

#[test]
fn every_vocabulary_id_is_present_exactly_once() {
    let c = catalog();
    assert_exact_ids("conditions", ids(c.conditions), CONDITIONS);
    assert_exact_ids("symptoms", ids(c.symptoms), SYMPTOMS);
    assert_exact_ids("health", ids(c.health), HEALTH);
    assert_exact_ids("medications", ids(c.medications), MEDICATIONS);
    assert_exact_ids("supplements", ids(c.supplements), SUPPLEMENTS);
}

#[test]
fn every_therapy_and_supplement_is_selectable_exactly_once() {
    let c = catalog();
    let all: Vec<&str> = THERAPIES.iter().chain(SUPPLEMENTS).copied().collect();
    let got = c.therapies.iter().map(|t| t.id).collect();
    assert_exact_ids("therapies", got, &all);
    for id in &all {
        assert!(c.knows(Vocab::Therapy, id), "{id}");
    }
}

#[test]
fn every_term_has_a_label_and_a_source() {
    let c = catalog();
    for vocab in [
        Vocab::Condition,
        Vocab::Symptom,
        Vocab::Health,
        Vocab::Medication,
        Vocab::Supplement,
    ] {
        for t in c.terms(vocab) {
            assert!(!t.label.trim().is_empty(), "{} has no label", t.id);
            assert!(
                t.source.contains("RULES §1"),
                "{} source: {}",
                t.id,
                t.source
            );
        }
    }
}

#[test]
fn symptom_labels_are_yes_no_questions() {
    for t in catalog().symptoms {
        assert!(t.label.ends_with('?'), "{}: {}", t.id, t.label);
    }
}

#[test]
fn medication_aliases_are_lower_case_and_map_to_one_class() {
    let c = catalog();
    let mut seen = BTreeSet::new();
    for m in c.medications {
        for a in m.aliases {
            assert_eq!(a, &a.to_lowercase(), "{}: alias {a} not lower-case", m.id);
            assert!(seen.insert(*a), "alias {a} appears in two classes");
        }
    }
    let blood_thinners = c.term(Vocab::Medication, "anticoagulant").unwrap();
    for brand in ["warfarin", "apixaban", "eliquis", "rivaroxaban", "xarelto"] {
        assert!(blood_thinners.aliases.contains(&brand), "{brand}");
    }
}

#[test]
fn every_class_except_the_count_has_aliases() {
    for m in catalog().medications {
        if m.id != "many_prescriptions" {
            assert!(!m.aliases.is_empty(), "{} has no aliases", m.id);
        }
    }
}

#[test]
fn every_therapy_has_sourced_evidence_for_every_condition() {
    for t in catalog().therapies {
        let keys: Vec<&str> = t.evidence.iter().map(|(c, _)| *c).collect();
        assert_exact_ids(&format!("{} evidence", t.id), keys, CONDITIONS);
        for (cond, e) in t.evidence {
            assert!(!e.summary.trim().is_empty(), "{}/{cond}: summary", t.id);
            assert!(
                e.source.contains("SOURCES §"),
                "{}/{cond}: {}",
                t.id,
                e.source
            );
        }
        assert!(!t.source.trim().is_empty(), "{}: source", t.id);
        assert!(!t.summary.trim().is_empty() && !t.how_it_works.trim().is_empty());
    }
}

#[test]
fn recommended_only_where_a_guideline_exists() {
    // ACP 2017 (low back) and the US Headache Consortium (migraine) are the only guidelines SOURCES grades.
    for t in catalog().therapies {
        for (cond, e) in t.evidence {
            if e.rating == EvidenceRating::Recommended {
                assert!(
                    *cond == "low_back" || *cond == "migraine",
                    "{}/{cond}",
                    t.id
                );
            }
        }
    }
}

#[test]
fn no_text_promises_a_cure() {
    for t in catalog().therapies {
        let mut text = format!("{} {} {}", t.name, t.summary, t.how_it_works).to_lowercase();
        for (_, e) in t.evidence {
            text.push_str(&e.summary.to_lowercase());
        }
        for r in t.risks {
            text.push(' ');
            text.push_str(&r.text.to_lowercase());
        }
        let cure = text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| matches!(w, "cure" | "cures" | "cured" | "curing"));
        assert!(!cure, "{} mentions a cure", t.id);
    }
}

#[test]
fn supplements_have_no_course_and_therapies_have_one() {
    for t in catalog().therapies {
        let is_supp = SUPPLEMENTS.contains(&t.id);
        assert_eq!(t.supplement, is_supp, "{}: supplement flag", t.id);
        assert_eq!(t.course.is_none(), is_supp, "{}: course", t.id);
    }
}

#[test]
fn courses_fit_a_twelve_week_plan() {
    for t in catalog().therapies {
        let Some(c) = &t.course else { continue };
        let id = &t.id;
        assert!(c.per_week_min >= 1, "{id}: min");
        assert!(c.per_week_min <= c.per_week_default, "{id}: min > default");
        assert!(c.per_week_default <= c.per_week_max, "{id}: default > max");
        assert!(c.per_week_max <= 7, "{id}: more than daily");
        assert!((1..=12).contains(&c.weeks), "{id}: weeks {}", c.weeks);
        assert!(c.session_minutes > 0 && c.session_minutes <= 180, "{id}");
        assert!(c.home_minutes.is_none_or(|m| m > 0 && m <= 60), "{id}");
        assert!(c.home_per_week.is_none_or(|d| (1..=7).contains(&d)), "{id}");
        assert!(
            c.home_per_week.is_none() || c.home_minutes.is_some(),
            "{id}"
        );
        assert!(!c.description.trim().is_empty(), "{id}: description");
        assert!(c.source.contains("SOURCES §"), "{id}: course source");
    }
}

#[test]
fn practitioner_therapies_name_who_provides_them() {
    for t in catalog().therapies {
        if t.setting == Setting::Practitioner {
            assert!(!t.provider.is_empty(), "{}", t.id);
        }
    }
}

#[test]
fn only_acupuncture_uses_needles() {
    for t in catalog().therapies {
        let expected = t.id == "acupuncture" || t.id == "electroacupuncture";
        assert_eq!(t.needles, expected, "{}", t.id);
    }
}

#[test]
fn headline_evidence_matches_the_sources() {
    let c = catalog();
    let rating = |t: &str, cond: &str| c.therapy(t).unwrap().evidence_for(cond).unwrap().rating;
    assert_eq!(
        rating("acupuncture", "low_back"),
        EvidenceRating::Recommended
    );
    assert_eq!(rating("acupuncture", "knee_oa"), EvidenceRating::NoBenefit);
    assert_eq!(
        rating("spinal_manipulation", "tension_headache"),
        EvidenceRating::Benefit
    );
    assert_eq!(rating("cbt", "migraine"), EvidenceRating::Benefit);
    assert_eq!(
        rating("exercise", "tension_headache"),
        EvidenceRating::NotStudied
    );
    assert_eq!(rating("turmeric", "knee_oa"), EvidenceRating::Limited);
}

#[test]
fn every_therapy_has_sourced_risks_in_plain_words() {
    for t in catalog().therapies {
        assert!(!t.risks.is_empty(), "{}: no risks or side effects", t.id);
        for r in t.risks {
            assert!(!r.text.trim().is_empty(), "{}: empty risk text", t.id);
            assert!(r.text.ends_with('.'), "{}: {}", t.id, r.text);
            assert!(r.source.contains("SOURCES §4."), "{}: {}", t.id, r.source);
        }
    }
}

/// The risk sentences of one therapy, in order.
fn risk_texts(id: &str) -> Vec<&'static str> {
    catalog()
        .therapy(id)
        .unwrap()
        .risks
        .iter()
        .map(|r| r.text)
        .collect()
}

#[test]
fn mindfulness_and_meditation_warn_about_difficult_feelings() {
    let warning =
        "Mindfulness can sometimes bring up difficult feelings; stop and talk to someone if it does.";
    for id in ["mindfulness", "meditation"] {
        let texts = risk_texts(id);
        assert_eq!(texts[0], warning, "{id}: the warning comes first");
        assert!(
            texts.iter().any(|t| t.contains("8 in 100")),
            "{id}: {texts:?}"
        );
    }
}

#[test]
fn risks_say_what_the_sources_list_and_nothing_where_they_list_none() {
    let none = "The sources Mosaic uses list no common side effects; tell your practitioner about anything unexpected.";
    for id in ["cbt", "hypnosis", "relaxation"] {
        assert_eq!(risk_texts(id), vec![none], "{id}");
    }
    assert_eq!(
        risk_texts("massage"),
        vec!["Soreness for a short while afterwards, bruising, or an allergic reaction to the massage oil."]
    );
    assert_eq!(
        risk_texts("spinal_manipulation")[0],
        "Soreness, headache or tiredness are common and usually pass within 24 to 48 hours."
    );
    assert!(risk_texts("biofeedback")[0].contains("irritate the skin"));
    assert!(risk_texts("kava")[0].contains("liver injury"));
}

#[test]
fn corrected_entries_say_only_what_the_sources_support() {
    let c = catalog();
    let ev = |t: &str, cond: &str| c.therapy(t).unwrap().evidence_for(cond).unwrap();
    // Tai chi for low back pain: a guideline recommendation with low-strength, short-term evidence; not in AHRQ 2020.
    let tai_chi = ev("tai_chi", "low_back");
    assert_eq!(tai_chi.rating, EvidenceRating::Benefit);
    assert_eq!(tai_chi.strength, Some(Strength::Low));
    assert!(
        tai_chi.summary.contains("short-term"),
        "{}",
        tai_chi.summary
    );
    assert!(
        !tai_chi.summary.contains("at least a month"),
        "{}",
        tai_chi.summary
    );
    // Electroacupuncture for knee OA: only the acupuncture row exists.
    let ea = ev("electroacupuncture", "knee_oa");
    assert!(!ea.summary.contains("electrical forms"), "{}", ea.summary);
    assert!(
        ea.summary.contains("not graded on its own"),
        "{}",
        ea.summary
    );
    // Neck pain: the evidence is for mind-body practices as a group.
    for id in ["yoga", "mindfulness"] {
        let neck = ev(id, "neck");
        assert!(
            neck.summary.contains("mind-body practices as a group"),
            "{id}"
        );
        assert!(neck.summary.contains("not graded for neck pain"), "{id}");
    }
    let how = c.therapy("exercise").unwrap().how_it_works;
    assert!(how.contains("is also thought to"), "{how}");
}

#[test]
fn alternatives_are_the_other_well_supported_therapies_for_the_condition() {
    let ids = |therapy: &str, cond: &str| -> Vec<&str> {
        catalog()
            .alternatives(therapy, cond)
            .iter()
            .map(|t| t.id)
            .collect()
    };
    assert_eq!(
        ids("massage", "low_back"),
        vec![
            "exercise",
            "physical_therapy",
            "yoga",
            "acupuncture",
            "spinal_manipulation",
            "mindfulness",
            "cbt",
            "tai_chi",
            "biofeedback",
            "relaxation",
        ]
    );
    assert_eq!(
        ids("yoga", "neck"),
        vec![
            "exercise",
            "physical_therapy",
            "acupuncture",
            "massage",
            "mindfulness"
        ]
    );
    assert_eq!(ids("exercise", "knee_oa"), vec!["physical_therapy", "cbt"]);
    assert_eq!(
        ids("meditation", "migraine"),
        vec!["cbt", "biofeedback", "relaxation"]
    );
    assert_eq!(ids("exercise", "other"), Vec::<&str>::new());
}

/// The titles of the red-flag groups asked of this intake, with nothing ticked.
fn asked_symptom_groups(intake: &str) -> Vec<&'static str> {
    let intake = Intake::parse_strict(intake).unwrap();
    catalog()
        .groups(Vocab::Symptom)
        .iter()
        .filter(|g| g.is_asked(&intake, &[]))
        .map(|g| g.title)
        .collect()
}

#[test]
fn headache_questions_are_asked_only_of_someone_with_a_headache_or_an_unknown_main_pain() {
    let everything = [
        "Heart and breathing",
        "Back, bladder and legs",
        "Headache",
        "Neck and dizziness",
        "Your pain and general health",
    ];
    let without_headache = [
        "Heart and breathing",
        "Back, bladder and legs",
        "Neck and dizziness",
        "Your pain and general health",
    ];
    assert_eq!(
        asked_symptom_groups(r#"{"pain":{"primary":"knee_oa"}}"#),
        without_headache
    );
    assert_eq!(
        asked_symptom_groups(r#"{"pain":{"primary":"neck","sites":["low_back"]}}"#),
        without_headache
    );
    assert_eq!(
        asked_symptom_groups(r#"{"pain":{"primary":"migraine"}}"#),
        everything
    );
    assert_eq!(
        asked_symptom_groups(r#"{"pain":{"primary":"knee_oa","sites":["tension_headache"]}}"#),
        everything
    );
    assert_eq!(asked_symptom_groups("{}"), everything);
    assert_eq!(
        asked_symptom_groups(r#"{"pain":{"sites":["neck"]}}"#),
        everything
    );
    // Something ticked stays shown after the main pain changes.
    let knee = Intake::parse_strict(r#"{"pain":{"primary":"knee_oa"}}"#).unwrap();
    let headache = catalog()
        .groups(Vocab::Symptom)
        .iter()
        .find(|g| g.title == "Headache")
        .unwrap();
    assert!(headache.is_asked(&knee, &["thunderclap_headache".to_string()]));
    assert!(!headache.is_asked(&knee, &["chest_pain_now".to_string()]));
}

//! The frozen ID tables of share-link format v1: an ID travels as its index here, never as text.
//!
//! These lists are copies of RULES §1.2–1.7 as they stood when v1 shipped. They must never be reordered,
//! shortened or extended: a link made today has to mean the same thing to every later build. A new catalog ID
//! therefore needs a new format version (and new tables); the tests fail until that is done.

/// Pain conditions (`pain.primary` and `pain.sites`), RULES §1.2.
pub const CONDITIONS: [&str; 8] = [
    "low_back",
    "neck",
    "knee_oa",
    "hip_oa",
    "fibromyalgia",
    "tension_headache",
    "migraine",
    "other",
];

/// Red-flag symptoms, RULES §1.3.
pub const SYMPTOMS: [&str; 23] = [
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

/// Health facts (`conditions`), RULES §1.4.
pub const HEALTH: [&str; 41] = [
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

/// Medication classes, RULES §1.5.
pub const MEDICATIONS: [&str; 16] = [
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

/// Supplements already taken, RULES §1.6.
pub const SUPPLEMENTS: [&str; 9] = [
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

/// Selectable therapies (choices and plan settings), RULES §1.7.
pub const THERAPIES: [&str; 25] = [
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

/// STarT Back item 9 answers, RULES §1.1.
pub const BOTHERSOME: [&str; 5] = [
    "not_at_all",
    "slightly",
    "moderately",
    "very_much",
    "extremely",
];

/// Activity levels, RULES §1.1.
pub const ACTIVITY: [&str; 2] = ["active", "inactive"];

/// The eight Whole-Health areas rated in "what matters" (the intake's `values.areas`).
pub const AREAS: [&str; 8] = [
    "moving",
    "recharge",
    "food",
    "personal_development",
    "family",
    "spirit",
    "surroundings",
    "mind",
];

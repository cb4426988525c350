//! Ranking behaves as a patient and clinician would expect: safety first, preferences respected, evidence-led.

use mosaic::clinical::catalog::{catalog, EvidenceRating};
use mosaic::clinical::intake::Intake;
use mosaic::clinical::ranking::{rank, Concern, Ranked};
use mosaic::clinical::screening::{TherapyScreening, TherapyStatus};
use serde_json::json;

fn intake(v: serde_json::Value) -> Intake {
    serde_json::from_value(v).expect("valid intake")
}

/// A status with one finding, built by hand so these tests do not depend on the screening engine.
fn status(therapy: &str, status: &str, message: &str) -> TherapyScreening {
    serde_json::from_value(json!({
        "therapy": therapy,
        "status": status,
        "findings": [{"rule": "TEST", "message": message, "source": "SOURCES §4.3", "status": status}]
    }))
    .expect("valid status")
}

fn low_back(practicalities: serde_json::Value) -> Intake {
    intake(json!({"age": 45, "pain": {"primary": "low_back"}, "practicalities": practicalities}))
}

fn pos(ranked: &[Ranked], id: &str) -> usize {
    ranked
        .iter()
        .find(|r| r.therapy == id)
        .unwrap_or_else(|| panic!("{id} ranked"))
        .position
}

fn is_supplement(id: &str) -> bool {
    catalog().therapy(id).unwrap().supplement
}

#[test]
fn every_therapy_ranked_once_with_consecutive_positions() {
    let r = rank(catalog(), &low_back(json!({})), &[]);
    assert_eq!(r.len(), catalog().therapies.len());
    for (i, row) in r.iter().enumerate() {
        assert_eq!(row.position, i + 1);
    }
    let mut ids: Vec<&str> = r.iter().map(|x| x.therapy.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), r.len());
}

#[test]
fn ranking_is_deterministic() {
    let i = low_back(json!({"needles_ok": false, "budget_per_month": 80}));
    let s = [status("massage", "caution", "Gentle pressure only.")];
    assert_eq!(rank(catalog(), &i, &s), rank(catalog(), &i, &s));
}

#[test]
fn acupuncture_ranks_above_every_herb_for_low_back_pain() {
    let r = rank(catalog(), &low_back(json!({})), &[]);
    for herb in [
        "st_johns_wort",
        "ginkgo",
        "garlic",
        "kava",
        "turmeric",
        "ginger",
        "willow_bark",
        "devils_claw",
    ] {
        assert!(pos(&r, "acupuncture") < pos(&r, herb), "{herb}");
    }
}

#[test]
fn guideline_therapies_lead_for_low_back_pain() {
    let r = rank(catalog(), &low_back(json!({})), &[]);
    assert_eq!(r[0].rating, EvidenceRating::Recommended);
    assert!(r[0].reason.contains("low back pain"), "{}", r[0].reason);
}

#[test]
fn supplements_come_after_every_unblocked_therapy() {
    let r = rank(catalog(), &low_back(json!({})), &[]);
    let last_therapy = r
        .iter()
        .filter(|x| !is_supplement(&x.therapy))
        .map(|x| x.position)
        .max();
    let first_supp = r
        .iter()
        .filter(|x| is_supplement(&x.therapy))
        .map(|x| x.position)
        .min();
    assert!(last_therapy < first_supp);
    for x in r.iter().filter(|x| is_supplement(&x.therapy)) {
        assert!(x.reason.contains("clinician or pharmacist"), "{}", x.reason);
    }
}

#[test]
fn blocked_therapies_are_last_and_say_why() {
    let s = [
        status(
            "spinal_manipulation",
            "blocked",
            "Not with a recent spine operation.",
        ),
        status(
            "ginkgo",
            "blocked",
            "Ginkgo with blood thinners raises bleeding risk.",
        ),
    ];
    let r = rank(catalog(), &low_back(json!({})), &s);
    let n = r.len();
    let blocked: Vec<usize> = r
        .iter()
        .filter(|x| x.status == TherapyStatus::Blocked)
        .map(|x| x.position)
        .collect();
    assert_eq!(blocked, vec![n - 1, n], "blocked ones take the last places");
    let smt = r
        .iter()
        .find(|x| x.therapy == "spinal_manipulation")
        .unwrap();
    assert!(smt.reason.starts_with("Not offered"), "{}", smt.reason);
    assert!(
        smt.reason.contains("recent spine operation"),
        "{}",
        smt.reason
    );
}

#[test]
fn refusing_needles_moves_needle_therapies_below_all_others() {
    let r = rank(catalog(), &low_back(json!({"needles_ok": false})), &[]);
    for needle in ["acupuncture", "electroacupuncture"] {
        let row = r.iter().find(|x| x.therapy == needle).unwrap();
        assert!(!row.matches_filters);
        assert!(row.concerns.contains(&Concern::Needles));
        assert!(row.reason.contains("needles"), "{}", row.reason);
        for other in r
            .iter()
            .filter(|x| !is_supplement(&x.therapy) && x.matches_filters)
        {
            assert!(
                other.position < row.position,
                "{} above {needle}",
                other.therapy
            );
        }
    }
    // Still shown (the person may change their mind), and still above supplements.
    assert!(pos(&r, "acupuncture") < pos(&r, "turmeric"));
}

#[test]
fn refusing_touch_moves_hands_on_therapies_down() {
    let r = rank(catalog(), &low_back(json!({"touch_ok": false})), &[]);
    assert!(pos(&r, "meditation") < pos(&r, "spinal_manipulation"));
    assert!(pos(&r, "relaxation") < pos(&r, "massage"));
    assert!(r
        .iter()
        .find(|x| x.therapy == "massage")
        .unwrap()
        .concerns
        .contains(&Concern::Touch));
}

#[test]
fn home_only_moves_practitioner_therapies_down() {
    let r = rank(catalog(), &low_back(json!({"home_only": true})), &[]);
    assert!(
        pos(&r, "yoga") < pos(&r, "cbt"),
        "a class-or-home option beats an appointment"
    );
    assert!(pos(&r, "meditation") < pos(&r, "acupuncture"));
    let cbt = r.iter().find(|x| x.therapy == "cbt").unwrap();
    assert_eq!(cbt.concerns, vec![Concern::NotAtHome]);
}

#[test]
fn a_tight_budget_favours_free_options_of_equal_evidence() {
    let r = rank(catalog(), &low_back(json!({"budget_per_month": 30})), &[]);
    // Exercise (free) and physical therapy share the same evidence; only cost separates them.
    assert!(pos(&r, "exercise") < pos(&r, "physical_therapy"));
    let pt = r.iter().find(|x| x.therapy == "physical_therapy").unwrap();
    assert!(pt.concerns.contains(&Concern::Budget));
    assert!(
        pt.matches_filters,
        "budget is a fit concern, not a refused preference"
    );
    assert!(pt.reason.contains("budget"), "{}", pt.reason);
}

#[test]
fn little_weekly_time_flags_long_courses() {
    let r = rank(catalog(), &low_back(json!({"minutes_per_week": 60})), &[]);
    let mbsr = r.iter().find(|x| x.therapy == "mindfulness").unwrap();
    assert!(
        mbsr.concerns.contains(&Concern::Time),
        "a 2-hour weekly class"
    );
    let acu = r.iter().find(|x| x.therapy == "acupuncture").unwrap();
    assert!(
        !acu.concerns.contains(&Concern::Time),
        "one 45-minute visit fits"
    );
    // Same evidence: yoga (75-minute class plus home practice) now ranks below acupuncture.
    assert!(pos(&r, "acupuncture") < pos(&r, "yoga"));
}

#[test]
fn clinician_approval_ranks_below_an_equal_option_that_is_ready() {
    let s = [status(
        "exercise",
        "clearance_required",
        "Heart disease and inactive: get clearance.",
    )];
    let r = rank(catalog(), &low_back(json!({})), &s);
    assert!(pos(&r, "yoga") < pos(&r, "exercise"));
    let ex = r.iter().find(|x| x.therapy == "exercise").unwrap();
    assert!(ex.reason.contains("approve"), "{}", ex.reason);
}

#[test]
fn knee_arthritis_puts_exercise_above_acupuncture() {
    let i = intake(json!({"pain": {"primary": "knee_oa"}}));
    let r = rank(catalog(), &i, &[]);
    assert_eq!(r[0].therapy, "exercise");
    let acu = r.iter().find(|x| x.therapy == "acupuncture").unwrap();
    assert_eq!(acu.rating, EvidenceRating::NoBenefit);
    assert!(
        acu.reason.contains("without finding a benefit"),
        "{}",
        acu.reason
    );
}

#[test]
fn migraine_favours_the_grade_a_options() {
    let i = intake(json!({"pain": {"primary": "migraine"}}));
    let r = rank(catalog(), &i, &[]);
    for a in ["cbt", "biofeedback", "relaxation"] {
        assert!(pos(&r, a) < pos(&r, "massage"), "{a}");
        assert!(pos(&r, a) < pos(&r, "spinal_manipulation"), "{a}");
    }
}

#[test]
fn unknown_or_missing_condition_uses_other() {
    let none = rank(catalog(), &intake(json!({})), &[]);
    let other = rank(
        catalog(),
        &intake(json!({"pain": {"primary": "other"}})),
        &[],
    );
    assert_eq!(none, other);
}

#[test]
fn every_reason_is_one_plain_sentence() {
    let s = [status("massage", "caution", "Gentle pressure only")];
    let i = low_back(json!({"needles_ok": false, "touch_ok": false, "budget_per_month": 10}));
    for r in rank(catalog(), &i, &s) {
        assert!(r.reason.ends_with('.'), "{}", r.reason);
        assert_eq!(
            r.reason.matches(". ").count(),
            0,
            "one sentence: {}",
            r.reason
        );
        assert!(!r.reason.contains('\n'));
    }
}

//! The 12-week plan on realistic cases: what a patient follows and what a clinician checks.

use mosaic::clinical::catalog::catalog;
use mosaic::clinical::intake::Intake;
use mosaic::clinical::plan::{
    build_plan, moved_days, ConflictKind, EntryKind, Plan, PlanChange, PlanSettings,
    MAX_SESSIONS_PER_DAY, PLAN_WEEKS,
};
use mosaic::clinical::screening::{TherapyScreening, TherapyStatus};
use serde_json::json;
use std::collections::BTreeMap;

fn intake(v: serde_json::Value) -> Intake {
    serde_json::from_value(v).expect("valid intake")
}

/// A hand-built status so these tests do not depend on the screening engine.
fn status(therapy: &str, status: &str, messages: &[&str]) -> TherapyScreening {
    let findings: Vec<_> = messages
        .iter()
        .map(|m| json!({"rule": "TEST", "message": m, "source": "SOURCES §4.3", "status": status}))
        .collect();
    serde_json::from_value(json!({"therapy": therapy, "status": status, "findings": findings}))
        .expect("valid status")
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn plan(i: &Intake, selected: &[&str], statuses: &[TherapyScreening]) -> Plan {
    build_plan(
        catalog(),
        i,
        &ids(selected),
        statuses,
        &PlanSettings::default(),
    )
}

/// Low back pain, three days a week (Mon, Wed, Fri) and 150 minutes: the brief's example person.
fn busy_person() -> Intake {
    intake(json!({
        "age": 52,
        "pain": {"primary": "low_back", "peg": {"pain": 6, "enjoyment": 6, "activity": 5}},
        "values": {"goals": ["Walk to the park with my grandson"]},
        "practicalities": {"minutes_per_week": 150, "budget_per_month": 400, "days": [0, 2, 4]}
    }))
}

const FIVE: [&str; 5] = ["exercise", "yoga", "acupuncture", "massage", "mindfulness"];

fn item<'a>(p: &'a Plan, id: &str) -> &'a mosaic::clinical::plan::PlanItem {
    p.items
        .iter()
        .find(|i| i.therapy == id)
        .unwrap_or_else(|| panic!("{id} scheduled"))
}

#[test]
fn sessions_only_fall_on_the_days_the_person_has() {
    let p = plan(&busy_person(), &FIVE, &[]);
    assert_eq!(p.items.len(), 5);
    for e in &p.schedule {
        assert!(
            [0, 2, 4].contains(&e.weekday),
            "{} on day {}",
            e.therapy,
            e.weekday
        );
    }
}

#[test]
fn no_more_than_two_new_things_start_at_once() {
    let p = plan(&busy_person(), &FIVE, &[]);
    let mut starts: Vec<u8> = p.items.iter().map(|i| i.start_week).collect();
    starts.sort_unstable();
    assert_eq!(starts, vec![1, 1, 3, 5, 7]);
    for i in p.items.iter().filter(|i| i.start_week > 1) {
        let note = i.note.as_deref().unwrap_or_default();
        assert!(note.contains(&format!("week {}", i.start_week)), "{note}");
        assert!(note.contains("two new things"), "explains why: {note}");
    }
}

#[test]
fn frequency_and_course_length_follow_the_catalog() {
    let p = plan(
        &intake(json!({"pain": {"primary": "low_back"}})),
        &["acupuncture", "massage"],
        &[],
    );
    for i in &p.items {
        let c = catalog()
            .therapy(&i.therapy)
            .unwrap()
            .course
            .clone()
            .unwrap();
        assert_eq!(i.per_week, c.per_week_default, "{}", i.therapy);
        assert_eq!(i.end_week - i.start_week + 1, c.weeks, "{}", i.therapy);
        assert_eq!(i.session_minutes, c.session_minutes);
    }
    // Acupuncture's 8-week course is over by week 9.
    assert!(p.week(9).iter().all(|e| e.therapy != "acupuncture"));
    assert!(p.week(8).iter().any(|e| e.therapy == "acupuncture"));
}

#[test]
fn too_little_time_is_flagged_with_a_concrete_fix() {
    let p = plan(&busy_person(), &FIVE, &[]);
    let c = p
        .conflicts
        .iter()
        .find(|c| c.kind == ConflictKind::Time)
        .expect("time conflict");
    assert!(c.message.contains("150"), "{}", c.message);
    assert!(p.peak_minutes_per_week > 150);
    let named = FIVE
        .iter()
        .any(|id| c.suggestion.contains(catalog().therapy(id).unwrap().name));
    assert!(named, "suggestion names a therapy: {}", c.suggestion);
}

#[test]
fn a_plan_that_fits_raises_no_conflicts() {
    let i = intake(
        json!({"pain": {"primary": "neck"}, "practicalities": {"minutes_per_week": 300, "budget_per_month": 50}}),
    );
    let p = plan(&i, &["exercise", "relaxation"], &[]);
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    for w in 1..=PLAN_WEEKS {
        assert!(p.minutes_in_week(w) <= 300, "week {w}");
    }
    assert_eq!(p.monthly_cost_estimate, 0, "both are free");
}

#[test]
fn no_day_has_more_than_two_appointments_when_there_is_room() {
    let i = intake(json!({"pain": {"primary": "low_back"}}));
    let p = plan(
        &i,
        &[
            "physical_therapy",
            "acupuncture",
            "massage",
            "cbt",
            "spinal_manipulation",
        ],
        &[],
    );
    for w in 1..=PLAN_WEEKS {
        for d in 0..7u8 {
            let n = p
                .week(w)
                .iter()
                .filter(|e| e.weekday == d && e.kind == EntryKind::Session)
                .count();
            assert!(n <= MAX_SESSIONS_PER_DAY, "week {w} day {d}: {n}");
        }
    }
    assert!(p.conflicts.iter().all(|c| c.kind != ConflictKind::BusyDay));
}

#[test]
fn a_crowded_day_is_flagged() {
    let i = intake(json!({"pain": {"primary": "low_back"}, "practicalities": {"days": [5]}}));
    let p = plan(&i, &["yoga", "acupuncture", "massage"], &[]);
    let busy = p
        .conflicts
        .iter()
        .find(|c| c.kind == ConflictKind::BusyDay)
        .expect("busy day");
    assert!(busy.message.contains("Saturday"), "{}", busy.message);
    assert!(
        busy.suggestion.contains("another day"),
        "{}",
        busy.suggestion
    );
}

#[test]
fn fewer_days_than_a_course_needs_is_flagged() {
    let i = intake(json!({"pain": {"primary": "fibromyalgia"}, "practicalities": {"days": [2]}}));
    let p = plan(&i, &["exercise"], &[]);
    let f = p
        .conflicts
        .iter()
        .find(|c| c.kind == ConflictKind::Frequency)
        .expect("frequency");
    assert!(f.suggestion.contains("more day"), "{}", f.suggestion);
    assert_eq!(item(&p, "exercise").days, vec![2]);
}

#[test]
fn a_tight_budget_is_flagged_as_an_estimate() {
    let i =
        intake(json!({"pain": {"primary": "neck"}, "practicalities": {"budget_per_month": 100}}));
    let mut settings = PlanSettings::default();
    settings.per_week.insert("massage".into(), 2);
    let p = build_plan(
        catalog(),
        &i,
        &ids(&["massage", "exercise"]),
        &[],
        &settings,
    );
    assert_eq!(item(&p, "massage").per_week, 2);
    let c = p
        .conflicts
        .iter()
        .find(|c| c.kind == ConflictKind::Budget)
        .expect("budget");
    assert!(c.message.contains("estimate"), "{}", c.message);
    assert!(c.suggestion.contains("Massage"), "{}", c.suggestion);
    assert!(p.cost_note.starts_with("Estimate"));
    assert!(p.monthly_cost_estimate > 100);
}

#[test]
fn frequency_and_days_can_be_adjusted_within_the_course() {
    let mut s = PlanSettings::default();
    s.per_week.insert("acupuncture".into(), 9);
    s.days.insert("massage".into(), vec![1, 3]);
    let i = intake(json!({"pain": {"primary": "low_back"}}));
    let p = build_plan(catalog(), &i, &ids(&["acupuncture", "massage"]), &[], &s);
    assert_eq!(
        item(&p, "acupuncture").per_week,
        2,
        "clamped to the course maximum"
    );
    assert_eq!(item(&p, "massage").days, vec![1, 3]);
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
}

#[test]
fn blocked_therapies_are_never_scheduled_and_the_reason_is_kept() {
    let s = [status(
        "spinal_manipulation",
        "blocked",
        &["Not within 6 months of spine surgery."],
    )];
    let i = intake(json!({"pain": {"primary": "low_back"}}));
    let p = plan(&i, &["spinal_manipulation", "exercise"], &s);
    assert!(p
        .schedule
        .iter()
        .all(|e| e.therapy != "spinal_manipulation"));
    assert!(p.items.iter().all(|e| e.therapy != "spinal_manipulation"));
    let x = p
        .excluded
        .iter()
        .find(|x| x.therapy == "spinal_manipulation")
        .expect("excluded");
    assert!(x.reason.contains("spine surgery"), "{}", x.reason);
}

#[test]
fn supplements_are_discussed_never_scheduled() {
    let i = intake(json!({"pain": {"primary": "knee_oa"}, "supplements": ["fish_oil", "ginkgo"]}));
    let s = [
        status("st_johns_wort", "blocked", &["Not with antidepressants."]),
        status(
            "turmeric",
            "caution",
            &["Tell your doctor: you take a blood thinner."],
        ),
    ];
    let p = plan(&i, &["exercise", "turmeric", "st_johns_wort", "ginkgo"], &s);
    for supp in ["turmeric", "st_johns_wort", "ginkgo", "fish_oil"] {
        assert!(
            p.schedule.iter().all(|e| e.therapy != supp),
            "{supp} scheduled"
        );
        assert!(
            p.questions
                .iter()
                .any(|q| q.about == supp && q.source.contains("NCCIH")),
            "{supp} has a question"
        );
        assert!(
            p.supplements.iter().any(|n| n.supplement == supp),
            "{supp} noted"
        );
    }
    assert!(p
        .questions
        .iter()
        .any(|q| q.about == "turmeric" && q.text.contains("blood thinner")));
    assert!(p.excluded.iter().any(|x| x.therapy == "st_johns_wort"));
    let ginkgo = p
        .supplements
        .iter()
        .find(|n| n.supplement == "ginkgo")
        .unwrap();
    assert!(ginkgo.chosen && ginkgo.taking);
    assert!(p.team.iter().any(|m| m.role == "Pharmacist"));
}

#[test]
fn every_caution_or_clearance_finding_becomes_a_question() {
    let s = [
        status(
            "massage",
            "caution",
            &[
                "No deep pressure on blood thinners.",
                "Avoid the area of the recent fracture.",
            ],
        ),
        status(
            "exercise",
            "clearance_required",
            &["Heart disease and inactive: ask for clearance first."],
        ),
    ];
    let i = intake(json!({"pain": {"primary": "low_back"}}));
    let p = plan(&i, &["exercise", "massage", "yoga"], &s);
    assert_eq!(
        p.questions.iter().filter(|q| q.about == "massage").count(),
        2
    );
    let ex: Vec<_> = p
        .questions
        .iter()
        .filter(|q| q.about == "exercise")
        .collect();
    assert_eq!(ex.len(), 1);
    assert!(ex[0].text.contains("approve"), "{}", ex[0].text);
    let exercise = item(&p, "exercise");
    assert!(exercise
        .note
        .as_deref()
        .unwrap_or_default()
        .contains("clinician approves"));
    assert!(
        exercise.start_week >= item(&p, "yoga").start_week,
        "approval-needing items start last"
    );
    assert!(
        p.questions.iter().all(|q| q.about != "yoga"),
        "allowed therapies raise no question"
    );
}

#[test]
fn care_team_lists_the_usual_clinician_first_then_each_practitioner() {
    let p = plan(&busy_person(), &FIVE, &[]);
    assert!(p.team[0].role.contains("usual clinician"));
    let roles: Vec<&str> = p.team.iter().map(|m| m.role.as_str()).collect();
    assert!(
        roles.iter().any(|r| r.contains("acupuncturist")),
        "{roles:?}"
    );
    assert!(
        roles.iter().any(|r| r.contains("massage therapist")),
        "{roles:?}"
    );
    assert!(
        p.team.iter().all(|m| m.role != "Pharmacist"),
        "no supplements, no pharmacist"
    );
}

#[test]
fn reviews_at_weeks_four_eight_twelve_check_peg_and_side_effects() {
    let p = plan(&busy_person(), &FIVE, &[]);
    let weeks: Vec<u8> = p.reviews.iter().map(|r| r.week).collect();
    assert_eq!(weeks, vec![4, 8, 12]);
    for r in &p.reviews {
        assert!(
            r.checks
                .iter()
                .any(|c| c.contains("PEG") && c.contains("5.7")),
            "week {}",
            r.week
        );
        assert!(r.checks.iter().any(|c| c.contains("side effects")));
        assert!(r.source.contains("§5.2"));
    }
    assert!(
        p.reviews[2].checks.iter().any(|c| c.contains("30 %")),
        "end-of-course switch rule"
    );
}

#[test]
fn home_practice_goes_on_free_available_days() {
    let i = intake(
        json!({"pain": {"primary": "fibromyalgia"}, "practicalities": {"days": [0, 1, 3, 5]}}),
    );
    let p = plan(&i, &["mindfulness"], &[]);
    let m = item(&p, "mindfulness");
    assert_eq!(m.days.len(), 1);
    assert_eq!(
        m.home_days.len(),
        3,
        "daily practice on the other available days"
    );
    assert!(m
        .home_days
        .iter()
        .all(|d| [0, 1, 3, 5].contains(d) && !m.days.contains(d)));
    let home = p
        .schedule
        .iter()
        .filter(|e| e.kind == EntryKind::HomePractice)
        .count();
    assert_eq!(home, 3);
}

#[test]
fn goals_use_the_persons_own_words() {
    let p = plan(&busy_person(), &FIVE, &[]);
    let own = p
        .goals
        .iter()
        .find(|g| g.own_words.is_some())
        .expect("own goal");
    assert!(own.text.contains("Walk to the park with my grandson"));
    assert!(own.text.contains("week 12"), "time-bound");
    assert!(
        p.goals
            .iter()
            .any(|g| g.text.contains("5.7") && g.text.contains("4.7")),
        "PEG goal"
    );
}

#[test]
fn unknown_ids_are_excluded_not_dropped_silently() {
    let p = plan(&intake(json!({})), &["reiki", "exercise"], &[]);
    assert!(p.excluded.iter().any(|x| x.therapy == "reiki"));
    assert_eq!(p.items.len(), 1);
}

#[test]
fn plans_are_deterministic_and_round_trip_through_json() {
    let s = [status("massage", "caution", &["Gentle pressure only."])];
    let a = plan(&busy_person(), &FIVE, &s);
    let b = plan(&busy_person(), &FIVE, &s);
    assert_eq!(a, b);
    let json = serde_json::to_string(&a).unwrap();
    let back: Plan = serde_json::from_str(&json).unwrap();
    assert_eq!(a, back);
    let settings: PlanSettings = serde_json::from_str("{}").unwrap();
    assert_eq!(settings, PlanSettings::default());
}

#[test]
fn works_with_the_real_screening_engine() {
    // Warfarin user choosing massage, acupuncture and ginkgo (RULES §2.2): ginkgo is blocked, the others kept.
    let i = intake(json!({
        "age": 60, "pain": {"primary": "low_back", "duration_months": 12},
        "symptoms": [], "conditions": [], "medications": ["anticoagulant"], "supplements": [],
        "mood": {"phq4": {"nervous": 0, "worry": 0, "interest": 0, "down": 0}, "self_harm": 0}
    }));
    let screening = mosaic::clinical::screening::screen(&i);
    let p = plan(
        &i,
        &["massage", "acupuncture", "ginkgo"],
        &screening.therapies,
    );
    assert!(p.excluded.iter().any(|x| x.therapy == "ginkgo"));
    assert_eq!(item(&p, "massage").status, TherapyStatus::Caution);
    assert!(p.questions.iter().any(|q| q.about == "massage"));
    assert!(p.questions.iter().any(|q| q.about == "ginkgo"));
}

/// Three days (Mon, Wed, Fri) and 150 minutes a week, choosing tai chi then acupuncture: 165 minutes.
fn tight_week() -> (Intake, Vec<String>) {
    let i = intake(json!({
        "pain": {"primary": "low_back"},
        "practicalities": {"minutes_per_week": 150, "days": [0, 2, 4]}
    }));
    (i, ids(&["tai_chi", "acupuncture"]))
}

fn conflict(p: &Plan, kind: ConflictKind) -> &mosaic::clinical::plan::Conflict {
    p.conflicts
        .iter()
        .find(|c| c.kind == kind)
        .unwrap_or_else(|| panic!("{kind:?} conflict in {:?}", p.conflicts))
}

#[test]
fn a_time_conflict_offers_a_lower_frequency_that_applies_to_the_settings() {
    let (i, mut selected) = tight_week();
    let mut settings = PlanSettings::default();
    let before = build_plan(catalog(), &i, &selected, &[], &settings);
    assert_eq!(before.peak_minutes_per_week, 165);
    let fix = conflict(&before, ConflictKind::Time)
        .fix
        .clone()
        .expect("a fix");
    assert_eq!(
        fix,
        PlanChange::PerWeek {
            therapy: "tai_chi".into(),
            from: 2,
            to: 1
        }
    );
    assert_eq!(
        fix.describe(catalog()),
        "Tai chi or qigong once a week instead of twice"
    );
    settings.days.insert("tai_chi".into(), vec![0, 2]);
    fix.apply(&mut selected, &mut settings);
    assert_eq!(selected, vec!["tai_chi", "acupuncture"]);
    assert_eq!(settings.per_week, BTreeMap::from([("tai_chi".into(), 1)]));
    assert!(settings.days.is_empty(), "days chosen by hand are let go");
    let after = build_plan(catalog(), &i, &selected, &[], &settings);
    assert_eq!(after.peak_minutes_per_week, 105);
    assert!(after.conflicts.is_empty(), "{:?}", after.conflicts);
    assert_eq!(item(&before, "acupuncture").days, vec![4]);
    assert_eq!(item(&after, "acupuncture").days, vec![2]);
    assert_eq!(
        moved_days(catalog(), &before, &after, "tai_chi"),
        vec!["Acupuncture moved to Wednesday."]
    );
}

#[test]
fn a_budget_conflict_offers_a_lower_frequency_or_taking_the_therapy_out() {
    let mut settings = PlanSettings::default();
    settings.per_week.insert("massage".into(), 2);
    let selected = ids(&["massage", "exercise"]);
    let with_budget = |b: u32| {
        let i =
            intake(json!({"pain": {"primary": "neck"}, "practicalities": {"budget_per_month": b}}));
        build_plan(catalog(), &i, &selected, &[], &settings)
    };
    let cut = conflict(&with_budget(300), ConflictKind::Budget)
        .fix
        .clone();
    assert_eq!(
        cut,
        Some(PlanChange::PerWeek {
            therapy: "massage".into(),
            from: 2,
            to: 1
        })
    );
    let drop = conflict(&with_budget(100), ConflictKind::Budget)
        .fix
        .clone()
        .expect("a fix");
    assert_eq!(
        drop,
        PlanChange::Remove {
            therapy: "massage".into()
        }
    );
    assert_eq!(drop.describe(catalog()), "Massage taken out of the plan");
    let (mut chosen, mut s) = (selected.clone(), settings.clone());
    drop.apply(&mut chosen, &mut s);
    assert_eq!(chosen, vec!["exercise"]);
    assert_eq!(
        s, settings,
        "taking a therapy out leaves the settings alone"
    );
}

#[test]
fn a_crowded_day_offers_moving_the_last_session_to_a_free_day() {
    let i = intake(json!({"pain": {"primary": "low_back"}, "practicalities": {"days": [0, 2]}}));
    let mut settings = PlanSettings::default();
    for id in ["yoga", "acupuncture", "massage"] {
        settings.days.insert(id.into(), vec![0]);
    }
    let mut selected = ids(&["yoga", "acupuncture", "massage"]);
    let p = build_plan(catalog(), &i, &selected, &[], &settings);
    let fix = conflict(&p, ConflictKind::BusyDay)
        .fix
        .clone()
        .expect("a fix");
    assert_eq!(
        fix,
        PlanChange::MoveDay {
            therapy: "massage".into(),
            days: vec![0],
            from: 0,
            to: 2
        }
    );
    assert_eq!(
        fix.describe(catalog()),
        "Massage on Wednesday instead of Monday"
    );
    fix.apply(&mut selected, &mut settings);
    assert_eq!(settings.days["massage"], vec![2]);
    assert_eq!(settings.days["yoga"], vec![0]);
    let after = build_plan(catalog(), &i, &selected, &[], &settings);
    assert!(
        after
            .conflicts
            .iter()
            .all(|c| c.kind != ConflictKind::BusyDay),
        "{:?}",
        after.conflicts
    );
}

#[test]
fn too_many_chosen_days_offer_the_nearest_usual_frequency() {
    let i = intake(json!({"pain": {"primary": "low_back"}}));
    let mut settings = PlanSettings::default();
    settings.days.insert("acupuncture".into(), vec![0, 1, 2]);
    let mut selected = ids(&["acupuncture"]);
    let p = build_plan(catalog(), &i, &selected, &[], &settings);
    let fix = conflict(&p, ConflictKind::Frequency)
        .fix
        .clone()
        .expect("a fix");
    assert_eq!(
        fix.describe(catalog()),
        "Acupuncture twice a week instead of 3 times"
    );
    fix.apply(&mut selected, &mut settings);
    assert_eq!(
        settings.per_week,
        BTreeMap::from([("acupuncture".into(), 2)])
    );
    assert!(settings.days.is_empty());
    assert!(build_plan(catalog(), &i, &selected, &[], &settings)
        .conflicts
        .is_empty());
}

#[test]
fn the_only_therapy_is_never_offered_for_taking_out() {
    let i =
        intake(json!({"pain": {"primary": "neck"}, "practicalities": {"budget_per_month": 50}}));
    let p = plan(&i, &["massage"], &[]);
    let c = conflict(&p, ConflictKind::Budget);
    assert!(
        c.suggestion.starts_with("Drop or postpone Massage"),
        "{}",
        c.suggestion
    );
    assert_eq!(c.fix, None, "an empty plan solves nothing");
}

#[test]
fn a_fix_that_needs_other_answers_is_not_offered_as_a_change() {
    let i = intake(json!({"pain": {"primary": "fibromyalgia"}, "practicalities": {"days": [2]}}));
    let p = plan(&i, &["exercise"], &[]);
    assert_eq!(conflict(&p, ConflictKind::Frequency).fix, None);
}

#[test]
fn fixes_travel_with_the_plan_as_json() {
    let (i, selected) = tight_week();
    let p = build_plan(catalog(), &i, &selected, &[], &PlanSettings::default());
    let text = serde_json::to_string(conflict(&p, ConflictKind::Time)).unwrap();
    assert!(
        text.ends_with(r#""fix":{"change":"per_week","therapy":"tai_chi","from":2,"to":1}}"#),
        "{text}"
    );
    let old: mosaic::clinical::plan::Conflict =
        serde_json::from_str(r#"{"kind":"time","message":"m","suggestion":"s"}"#).unwrap();
    assert_eq!(old.fix, None, "plans saved before fixes existed still read");
}

#[test]
fn moved_days_name_every_other_therapy_that_changed_day() {
    let i = intake(json!({"pain": {"primary": "low_back"}}));
    let base = plan(&i, &["yoga", "acupuncture", "physical_therapy"], &[]);
    let week = |yoga: &[u8], acupuncture: &[u8], pt_home: &[u8]| {
        let mut p = base.clone();
        for it in &mut p.items {
            match it.therapy.as_str() {
                "yoga" => it.days = yoga.to_vec(),
                "acupuncture" => it.days = acupuncture.to_vec(),
                _ => {
                    it.days = vec![4];
                    it.home_days = pt_home.to_vec();
                }
            }
        }
        p
    };
    let before = week(&[0], &[2], &[1, 3]);
    assert_eq!(
        moved_days(catalog(), &before, &week(&[6], &[2, 6], &[]), "none"),
        vec![
            "Yoga moved to Sunday.",
            "Acupuncture is now on Wednesday and Sunday.",
            "Home practice for Physical therapy is no longer planned.",
        ]
    );
    assert_eq!(
        moved_days(catalog(), &before, &week(&[0], &[2], &[1, 5]), "none"),
        vec!["Home practice for Physical therapy moved to Saturday."]
    );
    assert_eq!(
        moved_days(catalog(), &before, &week(&[6], &[3], &[1, 3]), "yoga"),
        vec!["Acupuncture moved to Thursday."],
        "the therapy the person changed is not reported as moved"
    );
    assert!(moved_days(catalog(), &before, &before, "none").is_empty());
}

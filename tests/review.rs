//! Review points (SOURCES §5.2–5.3): the change since baseline and, per therapy, adherence and a suggestion, on
//! cases a clinician would recognise. Every expected value is worked out by hand in the comments.
// Some cases edit the data through the loader, which is for the build and native tests only.
#![cfg(not(target_arch = "wasm32"))]

use mosaic::clinical::catalog::catalog;
use mosaic::clinical::data::load::{compile, compile_review, Texts};
use mosaic::clinical::intake::Peg;
use mosaic::clinical::plan::{EntryKind, PlanItem};
use mosaic::clinical::progress::CheckIn;
use mosaic::clinical::review::{
    review, review_book, Adherence, AdjustReason, ContinueReason, MissingData, Overall, ReviewAt,
    ReviewResult, StopReason, Suggestion,
};
use mosaic::clinical::screening::TherapyStatus;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-3
}

fn peg(p: u8, e: u8, a: u8) -> Peg {
    Peg {
        pain: Some(p),
        enjoyment: Some(e),
        activity: Some(a),
    }
}

/// A check-in for `week` with that PEG and `done` sessions of `therapy`.
fn check_in(week: u16, p: Peg, therapy: &str, done: u8) -> CheckIn {
    CheckIn {
        date: format!("2025-01-{:02}", week * 2),
        week,
        peg: p,
        sessions: [(therapy.to_string(), done)].into(),
        ..CheckIn::default()
    }
}

/// One plan item as `build_plan` would hold it.
fn item(therapy: &str, per_week: u8, start_week: u8, end_week: u8) -> PlanItem {
    PlanItem {
        therapy: therapy.into(),
        status: TherapyStatus::Allowed,
        per_week,
        days: vec![],
        session_minutes: 45,
        session_kind: EntryKind::Session,
        home_days: vec![],
        home_minutes: 0,
        start_week,
        end_week,
        course: String::new(),
        note: None,
    }
}

/// Weekly check-ins for weeks 1..=n: PEG 6, 6, 6 (mean 6.0) every week, `per_week[w-1]` sessions of `therapy`.
fn flat(therapy: &str, sessions: &[u8]) -> Vec<CheckIn> {
    (1..=sessions.len() as u16)
        .map(|w| check_in(w, peg(6, 6, 6), therapy, sessions[usize::from(w) - 1]))
        .collect()
}

fn only(r: &ReviewResult) -> (Adherence, Suggestion) {
    assert_eq!(r.therapies.len(), 1);
    (r.therapies[0].adherence, r.therapies[0].suggestion)
}

#[test]
fn peg_6_3_to_4_7_at_week_8_with_full_adherence_continues_as_meaningful() {
    // Weeks 1–2: PEG 7, 6, 6 = 6.33 (baseline 6.3, pain 7); weeks 3–7: 6, 6, 5 = 5.67; week 8: 5, 5, 4 = 4.67 (4.7).
    let mut list: Vec<CheckIn> = (1..=8)
        .map(|w| check_in(w, peg(6, 6, 5), "acupuncture", 1))
        .collect();
    list[0].peg = peg(7, 6, 6);
    list[1].peg = peg(7, 6, 6);
    list[7].peg = peg(5, 5, 4);
    let r = review(
        catalog(),
        &list,
        None,
        &[item("acupuncture", 1, 1, 8)],
        ReviewAt::Week(8),
    );
    assert_eq!(r.week, Some(8));
    let Overall::Compared(a) = r.overall else {
        panic!("expected a comparison, got {:?}", r.overall)
    };
    // PEG 6.33 → 4.67: −1.67 points, −26.3 %: meaningful by points, not by 30 %.
    assert!(close(a.peg.baseline, 6.333) && close(a.peg.current, 4.667));
    assert!(close(a.peg.points, -1.667) && close(a.peg.percent.unwrap(), -26.316));
    assert!(a.peg_meaningful && !a.peg_30_percent);
    // Pain 7 → 5: −2 points (a responder), −28.6 % (not 30 %); both shown.
    assert!(close(a.pain.points, -2.0) && close(a.pain.percent.unwrap(), -28.571));
    assert!(a.pain_2_points && !a.pain_30_percent);
    assert_eq!(
        only(&r),
        (
            Adherence {
                done: 8,
                planned: 8,
                weeks: 8,
                weeks_checked_in: 8
            },
            Suggestion::Continue(ContinueReason::MeaningfulChange)
        )
    );
}

#[test]
fn acupuncture_without_change_after_7_sessions_suggests_discussing_stopping() {
    // 1 a week, weeks 1–8, none in week 5: 7 of 8. PEG 6.0 throughout, week 8: 6, 5, 6 = 5.67 (−0.33, −5.6 %).
    let mut list = flat("acupuncture", &[1, 1, 1, 1, 0, 1, 1, 1]);
    list[7].peg = peg(6, 5, 6);
    let r = review(
        catalog(),
        &list,
        None,
        &[item("acupuncture", 1, 1, 8)],
        ReviewAt::Week(8),
    );
    let Overall::Compared(a) = r.overall else {
        panic!("expected a comparison")
    };
    assert!(!a.peg_meaningful && !a.peg_30_percent && !a.pain_responder());
    let (adherence, suggestion) = only(&r);
    assert_eq!((adherence.done, adherence.planned), (7, 8));
    assert_eq!(
        suggestion,
        Suggestion::DiscussStopping(StopReason::NoMeaningfulChangeAfterAdequateTrial)
    );
    assert!(suggestion
        .words()
        .text
        .to_lowercase()
        .contains("no meaningful change after an adequate trial"));
    assert!(suggestion.words().text.contains("clinician"));
}

#[test]
fn acupuncture_trial_is_adequate_from_the_sixth_session() {
    // At week 4, 2 a week planned (8): 6 done (75 %) is an adequate trial, 5 done (62.5 %) is not yet.
    let items = [item("acupuncture", 2, 1, 8)];
    let six = review(
        catalog(),
        &flat("acupuncture", &[2, 2, 1, 1]),
        None,
        &items,
        ReviewAt::Week(4),
    );
    assert_eq!(
        only(&six).1,
        Suggestion::DiscussStopping(StopReason::NoMeaningfulChangeAfterAdequateTrial)
    );
    let five = review(
        catalog(),
        &flat("acupuncture", &[2, 1, 1, 1]),
        None,
        &items,
        ReviewAt::Week(4),
    );
    assert_eq!(
        only(&five),
        (
            Adherence {
                done: 5,
                planned: 8,
                weeks: 4,
                weeks_checked_in: 4
            },
            Suggestion::Continue(ContinueReason::TrialNotYetAdequate)
        )
    );
}

#[test]
fn yoga_without_change_continues_at_week_4_and_is_discussed_at_week_12() {
    // The yoga course is 12 weeks: at week 4 the trial is not yet adequate; at week 12, with every class done, it is.
    let items = [item("yoga", 1, 1, 12)];
    let list = flat("yoga", &[1; 12]);
    let at4 = review(catalog(), &list, None, &items, ReviewAt::Week(4));
    assert_eq!(
        only(&at4).1,
        Suggestion::Continue(ContinueReason::TrialNotYetAdequate)
    );
    assert_eq!((only(&at4).0.done, only(&at4).0.planned), (4, 4));
    let at12 = review(catalog(), &list, None, &items, ReviewAt::Week(12));
    assert_eq!(
        only(&at12).1,
        Suggestion::DiscussStopping(StopReason::NoMeaningfulChangeAfterAdequateTrial)
    );
}

#[test]
fn yoga_started_in_week_5_is_not_adequately_tried_by_week_12() {
    // Weeks 5–12 are 8 of the 12 weeks a yoga trial takes.
    let r = review(
        catalog(),
        &flat("yoga", &[0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]),
        None,
        &[item("yoga", 1, 5, 12)],
        ReviewAt::Week(12),
    );
    assert_eq!(
        only(&r),
        (
            Adherence {
                done: 8,
                planned: 8,
                weeks: 8,
                weeks_checked_in: 8
            },
            Suggestion::Continue(ContinueReason::TrialNotYetAdequate)
        )
    );
}

#[test]
fn one_of_eight_planned_sessions_suggests_adjusting() {
    let r = review(
        catalog(),
        &flat("acupuncture", &[1, 0, 0, 0]),
        None,
        &[item("acupuncture", 2, 1, 8)],
        ReviewAt::Week(4),
    );
    assert_eq!(
        only(&r),
        (
            Adherence {
                done: 1,
                planned: 8,
                weeks: 4,
                weeks_checked_in: 4
            },
            Suggestion::Adjust(AdjustReason::AdherenceWellUnderPlan)
        )
    );
    // Half of the plan (4 of 8) is not well under it.
    let half = review(
        catalog(),
        &flat("acupuncture", &[1, 1, 1, 1]),
        None,
        &[item("acupuncture", 2, 1, 8)],
        ReviewAt::Week(4),
    );
    assert_ne!(
        only(&half).1,
        Suggestion::Adjust(AdjustReason::AdherenceWellUnderPlan)
    );
}

#[test]
fn no_check_ins_says_there_is_not_enough_data() {
    let items = [item("acupuncture", 1, 1, 8), item("yoga", 1, 5, 12)];
    let intake = peg(7, 6, 6);
    for at in [ReviewAt::Week(4), ReviewAt::Now] {
        let r = review(catalog(), &[], Some(&intake), &items, at);
        assert_eq!(r.overall, Overall::NotEnoughData(MissingData::NoCheckIns));
        for t in &r.therapies {
            assert_eq!(
                t.suggestion,
                Suggestion::NotEnoughData(MissingData::NoCheckIns),
                "{}",
                t.therapy
            );
            assert!(t.suggestion.words().text.contains("not enough data"));
        }
    }
    assert_eq!(
        review(catalog(), &[], None, &items, ReviewAt::Now).week,
        None
    );
}

#[test]
fn check_ins_only_from_before_the_therapy_started_are_not_enough_data() {
    // Check-ins in weeks 1–2 only; yoga ran weeks 3–8, so nothing is known about it at week 8.
    let r = review(
        catalog(),
        &flat("yoga", &[0, 0]),
        None,
        &[item("yoga", 1, 3, 12)],
        ReviewAt::Week(8),
    );
    assert_eq!(
        only(&r),
        (
            Adherence {
                done: 0,
                planned: 0,
                weeks: 6,
                weeks_checked_in: 0
            },
            Suggestion::NotEnoughData(MissingData::NoCheckIns)
        )
    );
}

#[test]
fn an_adequate_trial_without_a_complete_peg_is_not_enough_data_never_a_stop() {
    // Six acupuncture sessions, but every PEG lacks an item and there is no intake PEG: nothing to compare.
    let mut list = flat("acupuncture", &[2, 2, 2, 2]);
    for c in &mut list {
        c.peg.activity = None;
    }
    let r = review(
        catalog(),
        &list,
        None,
        &[item("acupuncture", 2, 1, 8)],
        ReviewAt::Week(4),
    );
    assert_eq!(
        r.overall,
        Overall::NotEnoughData(MissingData::NoScoreToCompare)
    );
    assert_eq!(
        only(&r).1,
        Suggestion::NotEnoughData(MissingData::NoScoreToCompare)
    );
}

#[test]
fn one_complete_check_in_is_its_own_baseline_so_there_is_nothing_to_compare_yet() {
    // `progress::baseline` takes the intake PEG only while no check-in is complete; the one complete check-in
    // (week 4: 4, 4, 4) is then the baseline, so even a large drop from the intake's 7, 6, 6 is not yet a comparison.
    let r = review(
        catalog(),
        &[check_in(4, peg(4, 4, 4), "yoga", 1)],
        Some(&peg(7, 6, 6)),
        &[item("yoga", 1, 1, 12)],
        ReviewAt::Week(4),
    );
    assert_eq!(
        r.overall,
        Overall::NotEnoughData(MissingData::NoScoreToCompare)
    );
    // Only week 4 has a check-in: 1 of 1 planned there; a 12-week yoga course is not judged at week 4 anyway.
    assert_eq!(
        only(&r),
        (
            Adherence {
                done: 1,
                planned: 1,
                weeks: 4,
                weeks_checked_in: 1
            },
            Suggestion::Continue(ContinueReason::TrialNotYetAdequate)
        )
    );
}

#[test]
fn a_pain_responder_continues_even_when_peg_changed_little() {
    // PEG 8, 5, 5 = 6.0 → 6, 5, 5 = 5.33 (−0.67, −11 %: not meaningful); pain 8 → 6 (−2 points: a responder).
    let mut list = flat("acupuncture", &[1; 8]);
    for c in &mut list {
        c.peg = peg(8, 5, 5);
    }
    list[7].peg = peg(6, 5, 5);
    let r = review(
        catalog(),
        &list,
        None,
        &[item("acupuncture", 1, 1, 8)],
        ReviewAt::Week(8),
    );
    let Overall::Compared(a) = r.overall else {
        panic!("expected a comparison")
    };
    assert!(a.no_meaningful_change() && a.pain_2_points);
    assert_eq!(
        only(&r).1,
        Suggestion::Continue(ContinueReason::MeaningfulChange)
    );
}

#[test]
fn a_therapy_starting_after_the_review_week_has_not_started() {
    let r = review(
        catalog(),
        &flat("yoga", &[0, 0, 0, 0]),
        None,
        &[item("yoga", 1, 5, 12)],
        ReviewAt::Week(4),
    );
    assert_eq!(
        only(&r),
        (
            Adherence {
                done: 0,
                planned: 0,
                weeks: 0,
                weeks_checked_in: 0
            },
            Suggestion::Continue(ContinueReason::NotStartedYet)
        )
    );
}

#[test]
fn a_week_review_leaves_out_later_check_ins_and_now_is_the_latest_week() {
    // Flat 6.0 to week 4, then week 6 at 3, 3, 3 = 3.0: at week 4 no change; now (week 6) −3 points.
    let mut list = flat("acupuncture", &[2, 2, 2, 2]);
    list.push(check_in(6, peg(3, 3, 3), "acupuncture", 2));
    let items = [item("acupuncture", 2, 1, 8)];
    let at4 = review(catalog(), &list, None, &items, ReviewAt::Week(4));
    let Overall::Compared(a4) = at4.overall else {
        panic!("expected a comparison")
    };
    assert!(close(a4.peg.points, 0.0));
    assert_eq!(only(&at4).0.done, 8);
    let now = review(catalog(), &list, None, &items, ReviewAt::Now);
    assert_eq!(now.week, Some(6));
    let Overall::Compared(a6) = now.overall else {
        panic!("expected a comparison")
    };
    assert!(close(a6.peg.points, -3.0));
    // Weeks 1–6 of the course, 5 with a check-in: 10 planned, 10 done.
    assert_eq!(
        only(&now),
        (
            Adherence {
                done: 10,
                planned: 10,
                weeks: 6,
                weeks_checked_in: 5
            },
            Suggestion::Continue(ContinueReason::MeaningfulChange)
        )
    );
}

fn data_file(name: &str) -> String {
    let path = format!("{}/src/clinical/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_adequate_trial_comes_from_the_data() {
    // The same 7 sessions without change, with acupuncture's adequate trial raised to 8 sessions in an edited copy.
    let therapies = data_file("therapies.json");
    let marker = r#""adequate_trial":{"sessions":6"#;
    assert!(therapies.contains(marker), "acupuncture names its trial");
    let edited = therapies.replacen(marker, r#""adequate_trial":{"sessions":8"#, 1);
    let (vocabulary, rules) = (data_file("vocabulary.json"), data_file("rules.json"));
    let data = compile(Texts {
        vocabulary: &vocabulary,
        therapies: &edited,
        rules: &rules,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let list = flat("acupuncture", &[1, 1, 1, 1, 0, 1, 1, 1]);
    let items = [item("acupuncture", 1, 1, 8)];
    let r = review(data.catalog, &list, None, &items, ReviewAt::Week(8));
    assert_eq!(
        only(&r).1,
        Suggestion::Continue(ContinueReason::TrialNotYetAdequate)
    );
    // A trial of 0 sessions is refused where it is.
    let zero = therapies.replacen(marker, r#""adequate_trial":{"sessions":0"#, 1);
    let refusal = compile(Texts {
        vocabulary: &vocabulary,
        therapies: &zero,
        rules: &rules,
    })
    .expect_err("0 sessions")
    .to_string();
    assert!(
        refusal.starts_with("therapies.json: at $[4].course.adequate_trial.sessions"),
        "{refusal}"
    );
}

#[test]
fn review_json_compiles_to_the_apps_static_with_sourced_words() {
    let text = data_file("review.json");
    let book = compile_review(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(book, review_book());
    assert_eq!(book.adherence.well_under_percent, 50);
    let all = [
        Suggestion::Continue(ContinueReason::NotStartedYet),
        Suggestion::Continue(ContinueReason::MeaningfulChange),
        Suggestion::Continue(ContinueReason::TrialNotYetAdequate),
        Suggestion::Adjust(AdjustReason::AdherenceWellUnderPlan),
        Suggestion::DiscussStopping(StopReason::NoMeaningfulChangeAfterAdequateTrial),
        Suggestion::NotEnoughData(MissingData::NoCheckIns),
        Suggestion::NotEnoughData(MissingData::NoScoreToCompare),
    ];
    let mut texts: Vec<&str> = all.iter().map(|s| s.words().text).collect();
    for s in all {
        let w = s.words();
        assert!(w.text.ends_with('.'), "{s:?}: {}", w.text);
        assert!(
            ["SOURCES §5.2", "SOURCES §5.3"]
                .iter()
                .any(|cite| w.source.starts_with(cite)),
            "{s:?}: {}",
            w.source
        );
    }
    texts.sort();
    texts.dedup();
    assert_eq!(texts.len(), all.len(), "each reason has its own words");
}

#[test]
fn review_json_refuses_a_missing_reason_and_a_cut_off_outside_1_to_100() {
    let text = data_file("review.json");
    let missing = text.replacen("\"no_check_ins\"", "\"no_check_in\"", 1);
    let refusal = compile_review(&missing)
        .expect_err("misspelled")
        .to_string();
    assert!(
        refusal.starts_with("review.json: at $.reasons.no_check_in: unknown field `no_check_in`"),
        "{refusal}"
    );
    let zero = text.replacen("\"well_under_percent\":50", "\"well_under_percent\":0", 1);
    assert_eq!(
        compile_review(&zero).expect_err("0 %").to_string(),
        "review.json: at $.adherence.well_under_percent: must be a percent from 1 to 100"
    );
}

//! SOURCES §3.9 worked scoring examples (T1–T3, T6–T10, T12–T16) plus the "missing is not zero" rules of RULES §1.1.
//! T4, T5 and T17 (change over time) are in `tests/progress.rs`; T11 is PHQ-9, which Mosaic does not score.

use mosaic::clinical::intake::{Intake, Peg, Phq4, StartBack};
use mosaic::clinical::scores::{self, Phq4Band, Risk, Scores, StartBackScore};

fn peg(p: Option<u8>, e: Option<u8>, a: Option<u8>) -> Option<scores::PegScore> {
    scores::peg(&Peg {
        pain: p,
        enjoyment: e,
        activity: a,
    })
}

fn phq(n: u8, w: u8, i: u8, d: u8) -> scores::Phq4Score {
    scores::phq4(&Phq4 {
        nervous: Some(n),
        worry: Some(w),
        interest: Some(i),
        down: Some(d),
    })
}

fn start(agree: &[u8], bothersome: &str) -> StartBackScore {
    scores::start_back(&StartBack {
        agree: Some(agree.to_vec()),
        bothersome: Some(bothersome.into()),
    })
}

fn scored(total: u8, psychosocial: u8, risk: Risk) -> StartBackScore {
    StartBackScore::Scored {
        total,
        psychosocial,
        risk,
    }
}

#[test]
fn t1_peg_mean_shown_to_one_decimal() {
    let s = peg(Some(6), Some(7), Some(4)).unwrap();
    assert!((s.mean - 5.667).abs() < 0.001);
    assert_eq!(s.display, 5.7);
    assert_eq!(s.sum, 17);
}

#[test]
fn t2_peg_extremes() {
    assert_eq!(peg(Some(0), Some(0), Some(0)).unwrap().display, 0.0);
    assert_eq!(peg(Some(10), Some(10), Some(10)).unwrap().display, 10.0);
}

#[test]
fn t3_peg_whole_mean() {
    assert_eq!(peg(Some(5), Some(6), Some(4)).unwrap().display, 5.0);
}

#[test]
fn t6_peg_missing_item_is_incomplete() {
    assert_eq!(peg(Some(7), None, Some(5)), None);
    assert_eq!(peg(None, None, None), None);
}

#[test]
fn t7_phq4_both_positive_moderate() {
    let s = phq(2, 1, 1, 2);
    assert_eq!((s.gad2, s.phq2, s.total), (Some(3), Some(3), Some(6)));
    assert_eq!(s.band, Some(Phq4Band::Moderate));
    assert!(s.anxiety_positive() && s.depression_positive());
}

#[test]
fn t8_phq4_normal() {
    let s = phq(0, 1, 1, 0);
    assert_eq!((s.gad2, s.phq2, s.total), (Some(1), Some(1), Some(2)));
    assert_eq!(s.band, Some(Phq4Band::Normal));
    assert!(!s.anxiety_positive() && !s.depression_positive());
}

#[test]
fn t9_phq4_severe() {
    let s = phq(3, 3, 3, 3);
    assert_eq!((s.gad2, s.phq2, s.total), (Some(6), Some(6), Some(12)));
    assert_eq!(s.band, Some(Phq4Band::Severe));
}

#[test]
fn t10_phq4_anxiety_only_mild() {
    let s = phq(3, 0, 0, 0);
    assert_eq!((s.gad2, s.phq2, s.total), (Some(3), Some(0), Some(3)));
    assert_eq!(s.band, Some(Phq4Band::Mild));
    assert!(s.anxiety_positive() && !s.depression_positive());
}

#[test]
fn phq4_band_boundaries() {
    let bands: Vec<Phq4Band> = [0, 2, 3, 5, 6, 8, 9, 12].map(scores::phq4_band).to_vec();
    use Phq4Band::*;
    assert_eq!(
        bands,
        [Normal, Normal, Mild, Mild, Moderate, Moderate, Severe, Severe]
    );
}

#[test]
fn phq4_missing_item_makes_only_its_subscale_incomplete() {
    let s = scores::phq4(&Phq4 {
        nervous: Some(3),
        worry: Some(2),
        interest: Some(3),
        down: None,
    });
    assert_eq!(
        (s.gad2, s.phq2, s.total, s.band),
        (Some(5), None, None, None)
    );
    assert!(s.anxiety_positive());
    // An incomplete PHQ-2 is never a positive screen, even when one item alone reaches 3.
    assert!(!s.depression_positive());
}

#[test]
fn t12_start_back_medium() {
    assert_eq!(
        start(&[1, 2, 3, 4, 6], "moderately"),
        scored(5, 1, Risk::Medium)
    );
}

#[test]
fn t13_start_back_high() {
    assert_eq!(
        start(&[1, 5, 6, 7, 8], "very_much"),
        scored(6, 5, Risk::High)
    );
}

#[test]
fn t14_start_back_low() {
    assert_eq!(start(&[1, 2], "extremely"), scored(3, 1, Risk::Low));
}

#[test]
fn t15_start_back_psychosocial_high() {
    assert_eq!(start(&[5, 6, 7, 8], "slightly"), scored(4, 4, Risk::High));
}

#[test]
fn t16_start_back_medium_with_item9() {
    assert_eq!(start(&[1, 2, 3], "very_much"), scored(4, 1, Risk::Medium));
}

#[test]
fn start_back_none_agreed_and_missing_item9() {
    assert_eq!(start(&[], "not_at_all"), scored(0, 0, Risk::Low));
    let missing = StartBack {
        agree: Some(vec![1, 2, 3, 4]),
        bothersome: None,
    };
    assert_eq!(scores::start_back(&missing), StartBackScore::Incomplete);
}

#[test]
fn start_back_only_for_low_back_pain() {
    let mut intake: Intake = serde_json::from_str(
        r#"{"pain":{"primary":"low_back"},"start_back":{"agree":[5,6,7,8],"bothersome":"slightly"}}"#,
    )
    .unwrap();
    assert_eq!(Scores::of(&intake).start_back.risk(), Some(Risk::High));
    intake.pain.as_mut().unwrap().primary = Some("neck".into());
    assert_eq!(
        Scores::of(&intake).start_back,
        StartBackScore::NotApplicable
    );
    intake.pain.as_mut().unwrap().primary = Some("low_back".into());
    intake.start_back = None;
    assert_eq!(Scores::of(&intake).start_back, StartBackScore::Incomplete);
}

#[test]
fn unanswered_intake_has_no_scores() {
    let s = Scores::of(&Intake::default());
    assert_eq!(s.peg, None);
    assert_eq!(s.phq4, scores::Phq4Score::default());
    assert_eq!(s.start_back, StartBackScore::NotApplicable);
}

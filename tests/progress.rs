//! Progress maths: SOURCES §3.9 T4, T5 and T17, baselines, trend and check-in storage.

use mosaic::clinical::intake::Peg;
use mosaic::clinical::progress::{
    assess, baseline, is_iso_date, sessions_done, trend_per_week, Assessment, BaselineSource,
    Change, CheckIn,
};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

fn peg(p: u8, e: u8, a: u8) -> Peg {
    Peg {
        pain: Some(p),
        enjoyment: Some(e),
        activity: Some(a),
    }
}

fn check_in(date: &str, week: u16, p: Peg) -> CheckIn {
    CheckIn {
        date: date.into(),
        week,
        peg: p,
        ..CheckIn::default()
    }
}

#[test]
fn t4_peg_meaningful_by_points_but_not_30_percent() {
    let c = Change::new(6.3, 4.7);
    assert!(close(c.points, -1.6));
    assert_eq!(c.percent.map(f64::round), Some(-25.0));
    let a = Assessment::of(c, c);
    assert!(a.peg_meaningful);
    assert!(!a.peg_30_percent);
    assert!(!a.no_meaningful_change());
}

#[test]
fn t5_peg_meets_30_percent_exactly() {
    let c = Change::new(6.0, 4.2);
    assert!(close(c.points, -1.8));
    assert!(close(c.percent.unwrap(), -30.0));
    assert!(c.improved_by_percent(30.0));
    assert!(Assessment::of(c, c).peg_30_percent);
}

#[test]
fn t17_pain_two_points_but_not_30_percent_reports_both() {
    let pain = Change::new(8.0, 6.0);
    assert!(close(pain.points, -2.0) && close(pain.percent.unwrap(), -25.0));
    let a = Assessment::of(Change::new(6.0, 5.5), pain);
    assert!(a.pain_2_points);
    assert!(!a.pain_30_percent);
    assert!(a.pain_responder());
    assert!(a.no_meaningful_change());
}

#[test]
fn boundaries_and_worsening() {
    assert!(Change::new(6.3, 5.3).improved_by_points(1.0));
    assert!(!Change::new(6.3, 5.4).improved_by_points(1.0));
    assert!(!Change::new(4.0, 6.0).improved_by_points(1.0));
    assert_eq!(Change::new(0.0, 2.0).percent, None);
    assert!(!Change::new(0.0, 0.0).improved_by_percent(30.0));
}

#[test]
fn baseline_is_the_mean_of_the_first_two_complete_check_ins() {
    let incomplete = CheckIn {
        peg: Peg {
            pain: Some(9),
            ..Peg::default()
        },
        ..check_in("2025-01-01", 0, Peg::default())
    };
    // Given out of order on purpose: time order comes from the dates.
    let list = vec![
        check_in("2025-01-22", 3, peg(4, 4, 4)),
        incomplete,
        check_in("2025-01-15", 2, peg(6, 6, 6)),
        check_in("2025-01-08", 1, peg(8, 8, 8)),
    ];
    let b = baseline(&list, Some(&peg(1, 1, 1))).unwrap();
    assert!(close(b.peg, 7.0) && close(b.pain, 7.0));
    assert_eq!(b.source, BaselineSource::CheckIns(2));
    let a = assess(&list, None).unwrap();
    assert!(close(a.peg.points, -3.0));
    assert!(a.peg_meaningful && a.peg_30_percent && a.pain_2_points && a.pain_30_percent);
}

#[test]
fn baseline_falls_back_to_one_check_in_then_to_the_intake() {
    let one = vec![check_in("2025-01-08", 1, peg(5, 6, 4))];
    let b = baseline(&one, Some(&peg(9, 9, 9))).unwrap();
    assert_eq!((b.source, b.peg), (BaselineSource::CheckIns(1), 5.0));
    // The only check-in is the baseline itself: nothing to compare yet.
    assert_eq!(assess(&one, None), None);
    let b = baseline(&[], Some(&peg(6, 7, 4))).unwrap();
    assert_eq!(b.source, BaselineSource::Intake);
    assert!(close(b.peg, 17.0 / 3.0) && close(b.pain, 6.0));
    assert_eq!(baseline(&[], None), None);
    let incomplete_intake = Peg {
        pain: Some(5),
        ..Peg::default()
    };
    assert_eq!(baseline(&[], Some(&incomplete_intake)), None);
}

#[test]
fn trend_is_the_least_squares_slope_per_week() {
    let list: Vec<CheckIn> = [(1, 8), (2, 7), (3, 6), (4, 5)]
        .iter()
        .map(|&(w, v)| check_in(&format!("2025-02-0{w}"), w, peg(v, v, v)))
        .collect();
    assert!(close(trend_per_week(&list, 8).unwrap(), -1.0));
    assert!(close(trend_per_week(&list, 2).unwrap(), -1.0));
    assert_eq!(trend_per_week(&list[..1], 8), None);
    assert_eq!(trend_per_week(&[], 8), None);
}

#[test]
fn sessions_dates_and_storage() {
    let mut c = check_in("2025-03-01", 5, peg(3, 3, 3));
    c.sessions.insert("acupuncture".into(), 2);
    c.sleep = Some(4);
    c.side_effects = "sore after the first session".into();
    let mut d = check_in("2025-03-08", 6, Peg::default());
    d.sessions.insert("acupuncture".into(), 1);
    assert_eq!(sessions_done(&[c.clone(), d], "acupuncture"), 3);
    assert_eq!(sessions_done(&[c.clone()], "yoga"), 0);
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(serde_json::from_str::<CheckIn>(&json).unwrap(), c);
    assert!(is_iso_date("2025-03-01"));
    for bad in [
        "2025-3-01",
        "2025-13-01",
        "2025-00-10",
        "2025-01-32",
        "20250101xx",
        "abcd-ef-gh",
    ] {
        assert!(!is_iso_date(bad), "{bad}");
    }
}

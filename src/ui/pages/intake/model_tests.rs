//! Native tests of the answer mapping (`model.rs`).

use super::*;

fn primary(p: &str) -> Intake {
    let mut i = Intake::default();
    pain_mut(&mut i).primary = Some(p.into());
    i
}

#[test]
fn not_sure_is_recorded_apart_and_stored_as_not_answered() {
    let mut s = AppState::default();
    set_list(&mut s, ListKey::Medications, &ListAnswer::Unsure(vec![]));
    assert_eq!(s.intake.medications, None);
    assert_eq!(s.intake.unsure, ["medications"]);
    assert!(s.unsure.is_empty(), "the intake holds it, not the document");
    assert_eq!(
        list_answer(&s, ListKey::Medications),
        ListAnswer::Unsure(vec![])
    );

    set_list(&mut s, ListKey::Medications, &ListAnswer::Chosen(vec![]));
    assert_eq!(s.intake.medications, Some(vec![]));
    assert!(s.intake.unsure.is_empty());
    assert_eq!(
        list_answer(&s, ListKey::Medications),
        ListAnswer::Chosen(vec![])
    );

    set_list(&mut s, ListKey::Medications, &ListAnswer::Unanswered);
    assert_eq!(s.intake.medications, None);
    assert_eq!(
        list_answer(&s, ListKey::Medications),
        ListAnswer::Unanswered
    );
}

#[test]
fn not_sure_beside_ticks_keeps_the_ticks_and_names_the_list_once() {
    let mut s = AppState::default();
    let partly = ListAnswer::Unsure(vec!["osteoporosis".into()]);
    set_list(&mut s, ListKey::Conditions, &partly);
    set_list(&mut s, ListKey::Conditions, &partly);
    set_list(&mut s, ListKey::Supplements, &ListAnswer::Unsure(vec![]));
    assert_eq!(s.intake.conditions, Some(vec!["osteoporosis".to_string()]));
    assert_eq!(s.intake.supplements, None);
    assert_eq!(s.intake.unsure, ["conditions", "supplements"]);
    assert_eq!(list_answer(&s, ListKey::Conditions), partly);
    // The engine sees what RULES §4.5 describes: the tick and the unknown list.
    assert!(s.intake.list_unknown("conditions"));
    set_list(
        &mut s,
        ListKey::Conditions,
        &ListAnswer::Chosen(vec!["osteoporosis".into()]),
    );
    assert_eq!(s.intake.unsure, ["supplements"]);
    assert!(!s.intake.list_unknown("conditions"));
}

#[test]
fn clearing_the_last_answer_of_a_section_leaves_it_not_answered() {
    let mut s = AppState::default();
    set_list(
        &mut s,
        ListKey::Sites,
        &ListAnswer::Chosen(vec!["neck".into()]),
    );
    assert_eq!(
        s.intake.pain.as_ref().unwrap().sites,
        Some(vec!["neck".into()])
    );
    set_list(&mut s, ListKey::Sites, &ListAnswer::Unanswered);
    assert_eq!(s.intake.pain, None, "an empty pain section is not kept");

    peg_mut(&mut s.intake).pain = Some(0);
    tidy(&mut s.intake);
    assert_eq!(
        s.intake.pain.as_ref().unwrap().peg.unwrap().pain,
        Some(0),
        "0 is an answer"
    );
    peg_mut(&mut s.intake).pain = None;
    tidy(&mut s.intake);
    assert_eq!(s.intake, Intake::default());

    phq4_mut(&mut s.intake).down = Some(2);
    mood_mut(&mut s.intake).self_harm = Some(0);
    phq4_mut(&mut s.intake).down = None;
    tidy(&mut s.intake);
    assert_eq!(s.intake.mood.unwrap().phq4, None);
}

#[test]
fn start_back_agree_is_stored_only_when_all_eight_items_are_answered() {
    let mut s = AppState::default();
    set_start_back_item(&mut s, 1, Some(true));
    set_start_back_item(&mut s, 2, Some(false));
    assert_eq!(
        s.intake.start_back, None,
        "partial answers do not score as disagree"
    );
    let items = start_back_items(&s);
    assert_eq!(&items[..3], &[Some(true), Some(false), None]);

    for n in 3..=8 {
        set_start_back_item(&mut s, n, Some(n % 2 == 1));
    }
    assert_eq!(
        s.intake.start_back.as_ref().unwrap().agree,
        Some(vec![1, 3, 5, 7])
    );

    set_start_back_item(&mut s, 8, None);
    assert_eq!(s.intake.start_back, None);
    assert_eq!(start_back_items(&s)[0], Some(true), "other items are kept");
    for n in 1..=7 {
        set_start_back_item(&mut s, n, None);
    }
    assert!(s.start_back_items.is_empty());
}

#[test]
fn a_restored_start_back_list_shows_every_item() {
    let mut s = AppState::default();
    s.intake.start_back = Some(StartBack {
        agree: Some(vec![2, 6]),
        bothersome: None,
    });
    let items = start_back_items(&s);
    assert_eq!(items[1], Some(true));
    assert_eq!(items[0], Some(false));
    set_start_back_item(&mut s, 1, Some(true));
    assert_eq!(
        s.intake.start_back.as_ref().unwrap().agree,
        Some(vec![1, 2, 6])
    );
}

#[test]
fn areas_keep_their_order_and_drop_when_cleared() {
    let order = ["moving", "recharge", "food"];
    let mut i = Intake::default();
    set_area(&mut i, &order, "food", AreaPart::Want, Some(5));
    set_area(&mut i, &order, "moving", AreaPart::Now, Some(2));
    let ids: Vec<_> = i
        .values
        .as_ref()
        .unwrap()
        .areas
        .iter()
        .map(|a| a.area.as_str())
        .collect();
    assert_eq!(ids, ["moving", "food"]);
    assert_eq!(area_rating(&i, "food", AreaPart::Want), Some(5));
    assert_eq!(area_rating(&i, "food", AreaPart::Now), None);
    set_area(&mut i, &order, "food", AreaPart::Want, None);
    set_area(&mut i, &order, "moving", AreaPart::Now, None);
    assert_eq!(i.values, None);
}

#[test]
fn next_goes_to_screening_whenever_the_outcome_is_not_proceed() {
    let i = primary("low_back");
    for o in [
        Outcome::Emergency,
        Outcome::Crisis,
        Outcome::Urgent,
        Outcome::OutOfScope,
    ] {
        assert_eq!(after_next(Step::Pain, &i, o), Route::Screening);
    }
    assert_eq!(
        after_next(Step::Pain, &i, Outcome::Proceed),
        Route::Intake(Step::Safety)
    );
    assert_eq!(
        after_next(Step::Mood, &i, Outcome::Proceed),
        Route::Intake(Step::StartBack)
    );
    assert_eq!(
        after_next(Step::Mood, &primary("neck"), Outcome::Proceed),
        Route::Intake(Step::Activity)
    );
    assert_eq!(
        after_next(Step::Practical, &i, Outcome::Proceed),
        Route::Screening
    );
}

#[test]
fn back_skips_steps_that_do_not_apply_and_leaves_the_wizard_from_the_first() {
    assert_eq!(
        after_back(Step::Activity, &primary("neck")),
        Route::Intake(Step::Mood)
    );
    assert_eq!(
        after_back(Step::Activity, &primary("low_back")),
        Route::Intake(Step::StartBack)
    );
    assert_eq!(after_back(Step::Pain, &Intake::default()), Route::Welcome);
}

#[test]
fn progress_counts_only_applicable_steps() {
    let (at, seq) = progress(Step::Mood, &primary("neck"));
    assert_eq!((at, seq.len()), (5, 8));
    let (at, seq) = progress(Step::Practical, &primary("low_back"));
    assert_eq!((at, seq.len()), (9, 9));
}

#[test]
fn radio_values_round_trip() {
    assert_eq!(digit_value(digit_text(Some(0))), Some(0));
    assert_eq!(digit_value(digit_text(None)), None);
    assert_eq!(yes_no_value(yes_no_text(Some(false))), Some(false));
    assert_eq!(yes_no_value(yes_no_text(Some(true))), Some(true));
    assert_eq!(yes_no_value(Some("maybe".into())), None);
    assert_eq!(number_text(Some(45)), "45");
    assert_eq!(number_text(None), "");
}

#[test]
fn the_main_pain_leaves_the_other_sites_without_turning_them_into_none() {
    let mut i = Intake::default();
    pain_mut(&mut i).sites = Some(vec!["neck".into(), "migraine".into()]);
    set_primary(&mut i, Some("neck".into()));
    assert_eq!(
        i.pain.as_ref().unwrap().sites,
        Some(vec!["migraine".into()])
    );
    set_primary(&mut i, Some("migraine".into()));
    assert_eq!(
        i.pain.as_ref().unwrap().sites,
        None,
        "not answered, not none"
    );
    pain_mut(&mut i).sites = Some(vec![]);
    set_primary(&mut i, Some("knee_oa".into()));
    assert_eq!(
        i.pain.as_ref().unwrap().sites,
        Some(vec![]),
        "a real 'none' stays"
    );
    set_primary(&mut i, None);
    assert_eq!(i.pain.as_ref().unwrap().primary, None);
}

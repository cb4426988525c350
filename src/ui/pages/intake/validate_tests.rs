//! Native tests of input validation (`validate.rs`).

use super::*;

#[test]
fn age_accepts_whole_years_and_empty() {
    assert_eq!(age(""), Ok(None));
    assert_eq!(age("   "), Ok(None));
    assert_eq!(age("45"), Ok(Some(45)));
    assert_eq!(age(" 18 "), Ok(Some(18)));
    assert_eq!(age("120"), Ok(Some(120)));
}

#[test]
fn under_18_is_accepted_and_marked_as_a_minor() {
    assert_eq!(age("17"), Ok(Some(17)));
    assert!(is_minor(Some(17)));
    assert!(!is_minor(Some(18)));
    assert!(!is_minor(None));
}

#[test]
fn age_refuses_words_fractions_zero_and_slips() {
    for bad in ["forty", "45.5", "-3", "0", "4 5", "1e2"] {
        let e = age(bad).unwrap_err();
        assert!(e.contains("whole years"), "{bad}: {e}");
    }
    assert!(age("121").unwrap_err().contains("120 or less"));
    assert!(age("99999999999").is_err());
}

#[test]
fn amounts_allow_currency_signs_and_thousands_separators() {
    assert_eq!(amount("", 10080, "150"), Ok(None));
    assert_eq!(amount("150", 10080, "150"), Ok(Some(150)));
    assert_eq!(amount("$80", 60000, "80"), Ok(Some(80)));
    assert_eq!(amount("£ 1,200", 60000, "80"), Ok(Some(1200)));
    assert_eq!(amount("0", 60000, "80"), Ok(Some(0)), "0 is an answer");
    for bad in ["1,5", "12.5", "lots", "$", "-10", ",100"] {
        assert!(amount(bad, 60000, "80").is_err(), "{bad}");
    }
    assert!(amount("20000", 10080, "150")
        .unwrap_err()
        .contains("10080 or less"));
}

#[test]
fn durations_are_stored_in_months() {
    assert_eq!(duration("", Unit::Years), Ok(None));
    assert_eq!(duration("14", Unit::Months), Ok(Some(14)));
    assert_eq!(duration("2", Unit::Years), Ok(Some(24)));
    assert_eq!(duration("1.5", Unit::Years), Ok(Some(18)));
    assert_eq!(duration("1,5", Unit::Years), Ok(Some(18)));
    assert_eq!(duration("0", Unit::Months), Ok(Some(0)));
    assert!(duration("1.5", Unit::Months).is_err());
    assert!(duration("two", Unit::Years).is_err());
    assert!(duration(".", Unit::Years).is_err());
    assert_eq!(duration("120", Unit::Years), Ok(Some(1440)));
    assert!(duration("121", Unit::Years)
        .unwrap_err()
        .contains("more than 120 years"));
}

#[test]
fn stored_durations_show_in_years_when_whole() {
    assert_eq!(duration_text(Some(24)), ("2".into(), Unit::Years));
    assert_eq!(duration_text(Some(14)), ("14".into(), Unit::Months));
    assert_eq!(duration_text(Some(0)), ("0".into(), Unit::Months));
    assert_eq!(duration_text(None), (String::new(), Unit::Months));
    assert_eq!(Unit::from_id(Unit::Years.id()), Unit::Years);
}

#[test]
fn more_than_three_goals_is_refused_but_nothing_is_lost_from_the_text() {
    let (g, e) = goals("Walk the dog\n\n  Sleep through \nGarden");
    assert_eq!(g, ["Walk the dog", "Sleep through", "Garden"]);
    assert_eq!(e, None);
    let (g, e) = goals("a\nb\nc\nd");
    assert_eq!(g.len(), 3, "the first three are kept");
    assert!(e.unwrap().contains("4 goals"));
}

#[test]
fn free_text_of_spaces_is_not_an_answer() {
    assert_eq!(free_text("  "), None);
    assert_eq!(
        free_text(" my grandchildren "),
        Some("my grandchildren".into())
    );
}

#[test]
fn safety_needs_an_answer_and_none_counts() {
    assert!(safety(&ListAnswer::Unanswered).is_some());
    assert_eq!(safety(&ListAnswer::Chosen(vec![])), None);
    assert_eq!(safety(&ListAnswer::Chosen(vec!["fainting".into()])), None);
}

#[test]
fn age_is_required_only_when_nothing_was_typed() {
    assert_eq!(
        age_required(""),
        Some(
            "Please enter your age in whole years before going on. Some safety checks depend on it."
                .to_string()
        )
    );
    assert!(age_required("   ").is_some(), "spaces are not an age");
    assert_eq!(age_required("45"), None);
    assert_eq!(age_required("17"), None, "a minor has answered");
    assert_eq!(
        age_required("forty"),
        None,
        "a malformed age gets the format message from `age`, not a second one"
    );
}

#[test]
fn the_self_harm_item_needs_an_answer_and_not_at_all_counts() {
    let e = self_harm(None).expect("not answered is refused");
    assert!(e.contains("before going on"), "{e}");
    assert!(
        e.contains("\u{201c}Not at all\u{201d} is an answer too"),
        "{e}"
    );
    for answered in 0..=3 {
        assert_eq!(self_harm(Some(answered)), None, "{answered}");
    }
}

//! Layout-level tests: hand-built bodies with a valid checksum, so each check behind the CRC is reached.

use super::bits::{base64url, crc32, from_base64url, Writer};
use super::*;

/// A sealed v2 payload (what every link without a flare plan is written as) whose body `f` writes.
fn payload(f: impl FnOnce(&mut Writer)) -> String {
    payload_of(2, f)
}

/// A sealed payload of `version` whose body `f` writes.
fn payload_of(version: u8, f: impl FnOnce(&mut Writer)) -> String {
    let mut w = Writer::after(&[version]);
    f(&mut w);
    seal_frame(&w.finish())
}

/// An empty intake after the own-words flag: eleven "not answered" bits and, between supplements and activity,
/// three "not sure" bits.
fn empty_intake(w: &mut Writer) {
    w.bits(0, 14);
}

/// An empty plan-settings tail: no per-week and no day settings.
fn empty_settings(w: &mut Writer) {
    w.bits(0, 25);
    w.bits(0, 25);
}

#[test]
fn crc32_matches_the_standard_check_value() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
}

#[test]
fn base64url_round_trips_every_length_and_refuses_other_spellings() {
    let data: Vec<u8> = (0..=255u8).rev().collect();
    for n in 0..12 {
        let text = base64url(&data[..n]);
        assert!(!text.contains('='));
        assert_eq!(from_base64url(&text).as_deref(), Some(&data[..n]));
    }
    assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    for bad in ["AA==", "A", "AB+/", "AB/C", "AB C", "AB", "AAB"] {
        // "AB" and "AAB" leave non-zero spare bits: a second spelling of the same bytes.
        assert_eq!(from_base64url(bad), None, "{bad}");
    }
}

#[test]
fn the_smallest_body_is_an_empty_state() {
    let p = payload(|w| {
        w.bit(false);
        empty_intake(w);
        w.bits(0, 5);
        empty_settings(w);
    });
    assert_eq!(p, encode(&AppState::default(), false));
    let shared = decode(&p).unwrap();
    assert_eq!(shared.state, AppState::default());
    assert_eq!((shared.version, shared.free_text), (2, false));
}

#[test]
fn a_v1_link_without_not_sure_bits_still_opens() {
    let v1 = payload_of(1, |w| {
        w.bit(false);
        w.bits(0, 11);
        w.bits(0, 5);
        empty_settings(w);
    });
    let shared = decode(&v1).unwrap();
    assert_eq!(shared.state, AppState::default());
    assert_eq!(shared.version, 1);
}

#[test]
fn not_sure_beside_ticks_travels_in_the_link() {
    let mut state = AppState::default();
    state.intake.conditions = Some(vec!["osteoporosis".into()]);
    state.intake.supplements = Some(vec![]);
    state.intake.unsure = vec!["conditions".into(), "supplements".into()];
    let shared = decode(&encode(&state, false)).unwrap();
    assert_eq!(shared.state.intake.unsure, ["conditions", "supplements"]);
    assert_eq!(
        shared.state.intake.conditions,
        Some(vec!["osteoporosis".to_string()])
    );
    // Written by hand: medications (the middle bit) alone.
    let p = payload(|w| {
        w.bit(false);
        w.bits(0, 8); // age … supplements not answered
        w.bits(0b010, 3); // not sure: medications
        w.bits(0, 3); // activity, values, practicalities not answered
        w.bits(0, 5);
        empty_settings(w);
    });
    assert_eq!(decode(&p).unwrap().state.intake.unsure, ["medications"]);
}

#[test]
fn numbers_out_of_range_are_refused() {
    let age = payload(|w| {
        w.bits(0b01, 2);
        w.bits(121, 7);
    });
    assert_eq!(decode(&age), Err(LinkError::OutOfRange("age")));
    let peg = payload(|w| {
        w.bits(0b0_0_1_0_0_0_1, 7); // own words, age, pain, primary, sites, months, PEG: present
        w.bits(0b1_1011, 5); // PEG pain = 11
    });
    assert_eq!(decode(&peg), Err(LinkError::OutOfRange("pain score (PEG)")));
}

#[test]
fn indexes_outside_a_table_are_refused() {
    let bothersome = payload(|w| {
        w.bits(0b0_0_0_0_1_0_1, 7); // start_back present, agree absent, bothersome present
        w.bits(5, 3);
    });
    assert_eq!(
        decode(&bothersome),
        Err(LinkError::UnknownId("a STarT Back answer"))
    );
    let therapy = payload(|w| {
        w.bit(false);
        empty_intake(w);
        w.bits(1, 5);
        w.bits(25, 5);
    });
    assert_eq!(decode(&therapy), Err(LinkError::UnknownId("a therapy")));
    let too_many = payload(|w| {
        w.bit(false);
        empty_intake(w);
        w.bits(26, 5);
    });
    assert!(matches!(decode(&too_many), Err(LinkError::OutOfRange(_))));
    let repeated = payload(|w| {
        w.bit(false);
        empty_intake(w);
        w.bits(2, 5);
        w.bits(3, 5);
        w.bits(3, 5);
    });
    assert!(matches!(decode(&repeated), Err(LinkError::OutOfRange(_))));
}

/// Own words present, then `values` with "what matters" of `bytes`.
fn what_matters(len: u32, bytes: &[u8]) -> String {
    payload(|w| {
        w.bit(true);
        w.bits(0, 12); // age … supplements absent, no "not sure", activity absent
        w.bits(0b1_1, 2); // values present, what matters present
        w.bits(len, 9);
        bytes.iter().for_each(|b| w.bits(u32::from(*b), 8));
    })
}

#[test]
fn text_must_be_utf8_and_within_its_cap() {
    assert_eq!(
        decode(&what_matters(2, &[0xc3, 0x28])),
        Err(LinkError::BadText("what matters to you"))
    );
    assert_eq!(
        decode(&what_matters(281, &[])),
        Err(LinkError::BadText("what matters to you"))
    );
    assert_eq!(decode(&what_matters(5, b"hi")), Err(LinkError::Truncated));
}

#[test]
fn blank_goals_are_refused_because_the_encoder_never_writes_them() {
    let p = payload(|w| {
        w.bit(true);
        w.bits(0, 12);
        w.bits(0b1_0, 2); // values present, what matters absent
        w.bits(0, 8); // no area ratings
        w.bits(1, 2);
        w.bits(1, 8);
        w.bits(u32::from(b' '), 8);
    });
    assert_eq!(decode(&p), Err(LinkError::BadText("goal")));
}

#[test]
fn data_after_the_body_or_non_zero_padding_is_refused() {
    let body = |w: &mut Writer| {
        w.bit(false);
        empty_intake(w);
        w.bits(0, 5);
        empty_settings(w);
    };
    let extra_byte = payload(|w| {
        body(w);
        w.bits(0, 8);
    });
    assert_eq!(decode(&extra_byte), Err(LinkError::TrailingData));
    let padding = payload(|w| {
        body(w);
        w.bit(true);
    });
    assert_eq!(decode(&padding), Err(LinkError::TrailingData));
}

#[test]
fn version_zero_reads_as_damage() {
    assert_eq!(decode(&seal_frame(&[0, 0])), Err(LinkError::Damaged));
}

#[test]
fn long_text_is_cut_at_a_character_boundary_and_marked() {
    let mut state = AppState::default();
    state.intake.values = Some(crate::clinical::intake::Values {
        what_matters: Some("é".repeat(200)),
        goals: vec!["ü".repeat(100), "   ".into(), "walk".into()],
        ..Default::default()
    });
    let values = decode(&encode(&state, true))
        .unwrap()
        .state
        .intake
        .values
        .unwrap();
    let wm = values.what_matters.unwrap();
    assert!(
        wm.len() <= MAX_WHAT_MATTERS_BYTES && wm.ends_with('…'),
        "{wm}"
    );
    assert_eq!(wm.chars().filter(|c| *c == 'é').count(), 138);
    assert!(values.goals[0].len() <= MAX_GOAL_BYTES && values.goals[0].ends_with('…'));
    assert_eq!(values.goals[1], "walk");
    assert_eq!(values.goals.len(), 2);
}

//! Tests of the kiosk configuration, its launch address and the PIN lockout.

use super::*;

#[test]
fn defaults_give_two_minutes_and_a_thirty_second_countdown() {
    let c: KioskConfig = serde_json::from_str(r#"{"enabled":false,"pin":null}"#).unwrap();
    assert_eq!(c.idle_seconds, 120);
    assert_eq!(c.countdown_seconds, 30);
    assert_eq!(
        c.front_desk_or_default(),
        "Please tell the front desk or a member of staff now."
    );
}

#[test]
fn kiosk_mode_needs_a_pin_and_sane_timings() {
    let mut c = KioskConfig {
        enabled: true,
        ..KioskConfig::default()
    };
    assert!(c.validate().unwrap_err().contains("PIN"));
    c.pin = Some(PinRecord {
        salt: "s".into(),
        hash: "h".into(),
        iterations: PIN_ITERATIONS,
    });
    assert!(c.validate().is_ok());
    c.countdown_seconds = 5;
    assert!(c.validate().is_err());
}

#[test]
fn five_wrong_pins_lock_the_staff_exit_for_a_minute_then_each_doubles_it() {
    let mut c = KioskConfig::default();
    for _ in 0..4 {
        c.record_failure(1_000.0);
    }
    assert_eq!(c.locked_ms(1_000.0), 0.0);
    c.record_failure(1_000.0);
    assert_eq!(c.locked_ms(1_000.0), 60_000.0);
    assert_eq!(c.locked_ms(60_999.0), 1.0);
    assert_eq!(c.locked_ms(61_000.0), 0.0);
    c.record_failure(61_000.0);
    assert_eq!(
        c.failed_attempts, 6,
        "waiting out a lock does not reset the count"
    );
    assert_eq!(c.locked_ms(61_000.0), 120_000.0);
    c.record_failure(181_000.0);
    assert_eq!(c.locked_ms(181_000.0), 240_000.0);
}

#[test]
fn the_lock_grows_to_an_hour_and_no_further() {
    assert_eq!(lockout_seconds(4), 0);
    assert_eq!(lockout_seconds(5), 60);
    assert_eq!(lockout_seconds(6), 120);
    assert_eq!(lockout_seconds(10), 1_920);
    assert_eq!(lockout_seconds(11), 3_600);
    assert_eq!(lockout_seconds(u32::MAX), 3_600);
}

#[test]
fn a_clock_set_back_cannot_stretch_a_lock() {
    let mut c = KioskConfig::default();
    for _ in 0..5 {
        c.record_failure(1_000_000.0);
    }
    assert_eq!(c.locked_ms(0.0), 60_000.0);
}

#[test]
fn pins_are_six_to_twelve_digits() {
    assert!(pin_is_valid("246810"));
    assert!(pin_is_valid("123456789012"));
    assert!(!pin_is_valid("2468"));
    assert!(!pin_is_valid("24681"));
    assert!(!pin_is_valid("12a456"));
    assert!(!pin_is_valid("1234567890123"));
}

fn configured() -> KioskConfig {
    KioskConfig {
        enabled: true,
        pin: Some(PinRecord {
            salt: "0123456789abcdef0123456789abcdef".into(),
            hash: "ab".repeat(32),
            iterations: PIN_ITERATIONS,
        }),
        idle_seconds: 90,
        front_desk: "Ring the bell at the desk".into(),
        failed_attempts: 3,
        locked_until: 5.0,
        ..KioskConfig::default()
    }
}

#[test]
fn the_launch_payload_round_trips_without_the_lock_state() {
    let payload = configured().launch_payload().unwrap();
    let back = decode_launch(&payload).unwrap();
    assert!(back.enabled);
    assert_eq!(back.idle_seconds, 90);
    assert_eq!(back.front_desk, "Ring the bell at the desk");
    assert_eq!(back.pin, configured().pin);
    assert_eq!(back.failed_attempts, 0);
    assert_eq!(back.locked_until, 0.0);
}

#[test]
fn damaged_or_foreign_launch_payloads_are_refused() {
    let payload = configured().launch_payload().unwrap();
    let cut = &payload[..payload.len() - 3];
    assert_eq!(decode_launch(cut).unwrap_err(), LaunchError::Damaged);
    assert_eq!(
        decode_launch("not a payload!").unwrap_err(),
        LaunchError::Damaged
    );
    let v2 = seal_frame(&[2, b'{', b'}']);
    assert_eq!(
        decode_launch(&v2).unwrap_err(),
        LaunchError::UnknownVersion(2)
    );
    let mut body = vec![1];
    body.extend(br#"{"idle_seconds":5,"front_desk":"","pin":{"salt":"0123456789abcdef0123456789abcdef","hash":"abababababababababababababababababababababababababababababababab","iterations":600000}}"#);
    assert!(matches!(
        decode_launch(&seal_frame(&body)),
        Err(LaunchError::Invalid(_))
    ));
    let mut weak = vec![1];
    weak.extend(
        br#"{"idle_seconds":120,"front_desk":"","pin":{"salt":"00","hash":"00","iterations":1}}"#,
    );
    assert!(matches!(
        decode_launch(&seal_frame(&weak)),
        Err(LaunchError::Invalid(_))
    ));
}

#[test]
fn a_launch_address_asks_first_only_where_someone_has_saved_data_and_no_kiosk_runs() {
    let keys = |ks: &[&str]| ks.iter().map(|k| k.to_string()).collect::<Vec<_>>();
    let off = Stored::Config(KioskConfig::default());
    let on = Stored::Config(configured());
    // Someone's own plan (or any other Mosaic key) on a device that is not a kiosk: ask.
    assert!(launch_needs_consent(
        &Stored::Absent,
        &keys(&["mosaic/doc"])
    ));
    assert!(launch_needs_consent(
        &Stored::Absent,
        &keys(&["mosaic/backup/pre-import"])
    ));
    assert!(launch_needs_consent(
        &off,
        &keys(&["mosaic/kiosk", "mosaic/doc"])
    ));
    // Nothing saved, or only a kiosk record: become a kiosk at once.
    assert!(!launch_needs_consent(&Stored::Absent, &keys(&[])));
    assert!(!launch_needs_consent(&off, &keys(&["mosaic/kiosk"])));
    assert!(!launch_needs_consent(&on, &keys(&["mosaic/kiosk"])));
    assert!(!launch_needs_consent(
        &Stored::Unreadable,
        &keys(&["mosaic/kiosk"])
    ));
    // Already a kiosk (or one whose record cannot be read): it clears leftovers at every start anyway.
    assert!(!launch_needs_consent(
        &on,
        &keys(&["mosaic/kiosk", "mosaic/doc"])
    ));
    assert!(!launch_needs_consent(
        &Stored::Unreadable,
        &keys(&["mosaic/kiosk", "mosaic/doc"])
    ));
}

#[test]
fn wrong_takeover_pins_are_counted_across_reloads_and_damage_is_no_fresh_start() {
    let fresh = parse_takeover_attempts(None);
    assert_eq!((fresh.failed_attempts, fresh.locked_until), (0, 0.0));
    let mut a = fresh;
    for _ in 0..5 {
        a.record_failure(1_000.0);
    }
    let text = takeover_attempts_text(&a);
    assert_eq!(text, "[5,61000.0]");
    let back = parse_takeover_attempts(Some(&text));
    assert_eq!(back.failed_attempts, 5);
    assert_eq!(back.locked_ms(1_000.0), 60_000.0);
    let damaged = parse_takeover_attempts(Some("{oops"));
    assert_eq!(damaged.failed_attempts, 4);
}

#[test]
fn an_unreadable_stored_record_is_not_taken_for_no_record() {
    assert_eq!(parse_stored("{not json"), Stored::Unreadable);
    assert_eq!(parse_stored(r#"{"kiosk":true}"#), Stored::Unreadable);
    assert_eq!(
        parse_stored(r#"{"enabled":true,"pin":null}"#),
        Stored::Unreadable
    );
    assert!(matches!(
        parse_stored(r#"{"enabled":false,"pin":null}"#),
        Stored::Config(KioskConfig { enabled: false, .. })
    ));
}

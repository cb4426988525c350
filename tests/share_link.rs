//! Share links and QR codes (docs/reliability.md, acceptance test 16): realistic states round-trip and rebuild the
//! same plan, the largest shareable state fits the size targets, and malformed links give the right error without a
//! panic.
#![cfg(not(target_arch = "wasm32"))]

use mosaic::clinical::catalog::catalog;
use mosaic::clinical::intake::{AreaRating, Intake, Practicalities, Values};
use mosaic::clinical::plan::{build_plan, Plan};
use mosaic::clinical::screening::screen;
use mosaic::share::link::{
    decode, encode, encode_with, href, ids, open_frame, seal_frame, Include, LinkError,
    MAX_GOAL_BYTES, MAX_PAYLOAD_CHARS, MAX_WHAT_MATTERS_BYTES,
};
use mosaic::share::qr::{qr_code, qr_svg, QUIET_ZONE};
use mosaic::store::document::{AppState, FlarePlan};
use proptest::prelude::*;
use qrcode::Version;
use std::collections::BTreeSet;

/// A realistic address of ~60 characters: a clinic hosting Mosaic on a sub-path.
const BASE: &str = "https://care.riverside-community-clinic.example.org/mosaic/";

/// A scenario file's intake and choices as an app state.
fn scenario(name: &str) -> AppState {
    let path = format!("{}/tests/scenarios/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let intake = Intake::from_value_strict(&json["intake"], catalog()).unwrap();
    let selected = serde_json::from_value(json["selected"].clone()).unwrap();
    AppState {
        intake,
        selected,
        ..AppState::default()
    }
}

/// What a person adds after the safety questions: practicalities, what matters, and plan adjustments.
fn with_plan_details(mut s: AppState) -> AppState {
    s.intake.practicalities = Some(Practicalities {
        minutes_per_week: Some(240),
        budget_per_month: Some(120),
        days: Some(vec![4, 0, 2]),
        needles_ok: Some(true),
        touch_ok: Some(false),
        home_only: None,
    });
    s.intake.values = Some(Values {
        what_matters: Some(
            "Playing with my grandchildren without paying for it the next day.".into(),
        ),
        areas: vec![
            area("moving", Some(2), Some(4)),
            area("recharge", Some(3), None),
        ],
        goals: vec![
            "Walk to the park and back".into(),
            "Sleep through the night".into(),
        ],
    });
    let first = s.selected[0].clone();
    s.plan.per_week.insert(first.clone(), 2);
    s.plan.days.insert(first, vec![2, 0]);
    s
}

fn area(id: &str, now: Option<u8>, want: Option<u8>) -> AreaRating {
    AreaRating {
        area: id.into(),
        now,
        want,
    }
}

/// Every field present, all 25 therapies chosen with settings, own words at their caps: the largest link.
fn maximal() -> AppState {
    let mut s = with_plan_details(scenario("s01"));
    let all = |t: &[&str]| Some(t.iter().map(|x| x.to_string()).collect::<Vec<_>>());
    let i = &mut s.intake;
    // Sets cost the same bits however many are ticked, so these few stand for "all lists long".
    i.conditions = all(&["diabetes", "osteoporosis", "ptsd"]);
    i.medications = all(&["nsaid", "serotonergic", "many_prescriptions"]);
    i.supplements = all(&ids::SUPPLEMENTS);
    i.pain.as_mut().unwrap().sites = all(&["neck", "knee_oa", "hip_oa"]);
    let v = i.values.as_mut().unwrap();
    v.what_matters =
        Some("Being able to garden again. ".repeat(20)[..MAX_WHAT_MATTERS_BYTES].to_string());
    v.areas = ids::AREAS
        .iter()
        .map(|a| area(a, Some(2), Some(5)))
        .collect();
    v.goals = (1..=3)
        .map(|n| {
            format!("Goal {n}: walk further each week. ").repeat(8)[..MAX_GOAL_BYTES].to_string()
        })
        .collect();
    s.selected = ids::THERAPIES.iter().rev().map(|t| t.to_string()).collect();
    // Sessions a week travel only for therapies with a weekly course (a link with others is refused), 3 bits each
    // whatever the number.
    for t in ids::THERAPIES {
        if let Some(course) = catalog().therapy(t).and_then(|t| t.course.as_ref()) {
            s.plan.per_week.insert(t.into(), course.per_week_max);
        }
        s.plan.days.insert(t.into(), vec![0, 2, 4]);
    }
    s
}

/// Sorts known IDs into table order, once each: what a set in the link keeps.
fn as_set(v: &Option<Vec<String>>, table: &[&str]) -> Option<Vec<String>> {
    v.as_ref().map(|v| {
        table
            .iter()
            .filter(|t| v.iter().any(|x| x == *t))
            .map(|t| t.to_string())
            .collect()
    })
}

/// Known IDs in their own order, once each: what an ordered list in the link keeps.
fn as_list(v: &[String], table: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for x in v.iter().filter(|x| table.contains(&x.as_str())) {
        if !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

fn as_days(d: &[u8]) -> Vec<u8> {
    (0..7).filter(|x| d.contains(x)).collect()
}

/// The part of a (valid) state a link carries, written independently of the codec.
fn shareable(s: &AppState, free_text: bool) -> AppState {
    let mut i = s.intake.clone();
    if let Some(p) = &mut i.pain {
        p.sites = as_set(&p.sites, &ids::CONDITIONS);
    }
    if let Some(agree) = i.start_back.as_mut().and_then(|b| b.agree.as_mut()) {
        *agree = (1..=8).filter(|x| agree.contains(x)).collect();
    }
    i.symptoms = as_set(&i.symptoms, &ids::SYMPTOMS);
    i.conditions = as_set(&i.conditions, &ids::HEALTH);
    i.medications = as_set(&i.medications, &ids::MEDICATIONS);
    i.supplements = i
        .supplements
        .as_ref()
        .map(|v| as_list(v, &ids::SUPPLEMENTS));
    if let Some(v) = &mut i.values {
        v.areas = ids::AREAS
            .iter()
            .filter_map(|a| v.areas.iter().find(|r| r.area == *a).cloned())
            .collect();
        v.goals.retain(|g| free_text && !g.trim().is_empty());
        v.goals.truncate(3);
        v.what_matters = v.what_matters.take().filter(|_| free_text);
    }
    if let Some(d) = i.practicalities.as_mut().and_then(|p| p.days.as_mut()) {
        *d = as_days(d);
    }
    let mut plan = s.plan.clone();
    // Sessions a week within the therapy's usual course, as the plan screen sets them; others are left out.
    plan.per_week.retain(|t, n| {
        catalog()
            .therapy(t)
            .and_then(|t| t.course.as_ref())
            .is_some_and(|c| c.per_week_min <= *n && *n <= c.per_week_max)
    });
    plan.days
        .retain(|t, _| ids::THERAPIES.contains(&t.as_str()));
    plan.days.values_mut().for_each(|d| *d = as_days(d));
    AppState {
        intake: i,
        selected: as_list(&s.selected, &ids::THERAPIES),
        plan,
        ..AppState::default()
    }
}

/// Screening and plan as the receiver computes them.
fn rebuilt(s: &AppState) -> (mosaic::clinical::screening::Screening, Plan) {
    let screening = screen(&s.intake);
    let plan = build_plan(
        catalog(),
        &s.intake,
        &s.selected,
        &screening.therapies,
        &s.plan,
    );
    (screening, plan)
}

#[test]
fn every_catalog_id_is_in_the_v1_tables_and_nothing_else_is() {
    let c = catalog();
    let ids_of = |terms: &[mosaic::clinical::catalog::Term]| {
        terms.iter().map(|t| t.id.to_string()).collect::<Vec<_>>()
    };
    let fixed = |ids: &[&str]| ids.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    let lists: [(&str, Vec<String>, &[&str]); 9] = [
        ("areas", ids_of(c.areas), &ids::AREAS),
        (
            "STarT Back item 9",
            fixed(&mosaic::clinical::intake::StartBack::BOTHERSOME),
            &ids::BOTHERSOME,
        ),
        (
            "activity",
            fixed(&mosaic::clinical::intake::Intake::ACTIVITY),
            &ids::ACTIVITY,
        ),
        ("conditions", ids_of(c.conditions), &ids::CONDITIONS),
        ("symptoms", ids_of(c.symptoms), &ids::SYMPTOMS),
        ("health", ids_of(c.health), &ids::HEALTH),
        ("medications", ids_of(c.medications), &ids::MEDICATIONS),
        ("supplements", ids_of(c.supplements), &ids::SUPPLEMENTS),
        (
            "therapies",
            c.therapies.iter().map(|t| t.id.to_string()).collect(),
            &ids::THERAPIES,
        ),
    ];
    for (name, catalog_ids, table) in lists {
        let table: BTreeSet<String> = table.iter().map(|t| t.to_string()).collect();
        let catalog_ids: BTreeSet<String> = catalog_ids.into_iter().collect();
        // A new or removed ID changes what an index means: ship new tables under a new link version.
        assert_eq!(
            catalog_ids, table,
            "{name}: the catalog and the link table differ"
        );
    }
    let max = c
        .therapies
        .iter()
        .filter_map(|t| t.course.as_ref())
        .map(|c| c.per_week_max)
        .max();
    assert!(max <= Some(7), "sessions a week travel in 3 bits (0–7)");
}

/// A link only carries what the plan screen and the goal fields can produce, since the reader refuses a state a
/// backup would refuse: sessions a week outside the usual course, for a therapy with no weekly course, and a goal
/// with a line break are left out, and the link still opens.
#[test]
fn values_a_backup_would_refuse_are_left_out_so_the_link_opens() {
    let mut s = with_plan_details(scenario("s01"));
    // Yoga's usual course is 1–2 a week, acupuncture's 1–2; turmeric is a supplement without a weekly course.
    s.plan.per_week.insert("yoga".into(), 2);
    s.plan.per_week.insert("acupuncture".into(), 5);
    s.plan.per_week.insert("turmeric".into(), 1);
    s.intake.values.as_mut().unwrap().goals = vec![
        "Walk to the park".into(),
        "Sleep through\nthe night".into(),
        "Garden on Sundays".into(),
    ];
    let shared = decode(&encode(&s, true)).expect("the link opens");
    let per_week = &shared.state.plan.per_week;
    assert_eq!(per_week.get("yoga"), Some(&2));
    assert_eq!(per_week.get("acupuncture"), None);
    assert_eq!(per_week.get("turmeric"), None);
    assert_eq!(
        shared.state.intake.values.unwrap().goals,
        vec![
            "Walk to the park".to_string(),
            "Garden on Sundays".to_string()
        ]
    );
}

#[test]
fn scenario_states_round_trip_and_rebuild_the_same_screening_and_plan() {
    for name in ["s01", "s09", "s12"] {
        for original in [scenario(name), with_plan_details(scenario(name))] {
            let payload = encode(&original, true);
            let shared = decode(&payload).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(shared.state, shareable(&original, true), "{name}");
            assert_eq!((shared.version, shared.free_text), (2, true));
            assert_eq!(rebuilt(&shared.state), rebuilt(&original), "{name}");
        }
    }
}

#[test]
fn own_words_travel_only_when_asked() {
    let original = with_plan_details(scenario("s01"));
    let shared = decode(&encode(&original, false)).unwrap();
    assert!(!shared.free_text);
    let values = shared.state.intake.values.as_ref().unwrap();
    assert_eq!(
        (values.what_matters.as_ref(), values.goals.len()),
        (None, 0)
    );
    assert_eq!(values.areas, original.intake.values.as_ref().unwrap().areas);
    assert_eq!(shared.state, shareable(&original, false));
    // Without own words the link is the same whatever those words were.
    let mut other = original.clone();
    other.intake.values.as_mut().unwrap().what_matters = Some("Something else entirely".into());
    assert_eq!(encode(&other, false), encode(&original, false));
    assert!(encode(&original, false).len() < encode(&original, true).len());
}

#[test]
fn check_ins_settings_and_ui_state_never_travel() {
    let mut s = scenario("s01");
    s.settings.crisis_line = "Samaritans 116 123".into();
    s.unsure.insert("medications".into());
    s.start_back_items = vec![Some(true); 8];
    s.extra.insert("future".into(), serde_json::json!(1));
    assert_eq!(encode(&s, true), encode(&scenario("s01"), true));
}

#[test]
fn values_the_validator_would_refuse_are_sent_as_not_answered() {
    let mut s = scenario("s01");
    s.intake.age = Some(130);
    s.intake.pain.as_mut().unwrap().peg.as_mut().unwrap().pain = Some(12);
    s.intake.activity = Some("sporty".into());
    s.selected.push("unknown_therapy".into());
    let back = decode(&encode(&s, true)).unwrap().state;
    assert_eq!(back.intake.age, None);
    assert_eq!(back.intake.pain.unwrap().peg.unwrap().pain, None);
    assert_eq!(back.intake.activity, None);
    assert_eq!(back.selected, scenario("s01").selected);
}

#[test]
fn the_largest_shareable_plan_fits_the_size_targets() {
    let s = maximal();
    let payload = encode(&s, true);
    let link = href(BASE, &payload);
    let typical = href(BASE, &encode(&with_plan_details(scenario("s01")), true));
    let frame = open_frame(&payload).unwrap().len() + 4;
    println!(
        "maximal: {frame} bytes framed, payload {} chars, link {} bytes; typical link {} bytes; base {} chars",
        payload.len(),
        link.len(),
        typical.len(),
        BASE.len()
    );
    assert!((55..=65).contains(&BASE.len()));
    assert!(link.len() <= 1200, "target: {} bytes", link.len());
    assert!(
        link.len() <= 2953,
        "hard limit (QR 40-L binary): {} bytes",
        link.len()
    );
    let shared = decode(&payload).unwrap();
    assert_eq!(shared.state, shareable(&s, true));
    let (_, plan) = rebuilt(&shared.state);
    assert_eq!(plan.weeks, 12);
    assert_eq!(rebuilt(&shared.state), rebuilt(&s));
}

#[test]
fn href_puts_the_payload_in_the_fragment_only() {
    assert_eq!(
        href("https://x.org/app/", "AbC"),
        "https://x.org/app/#/shared/AbC"
    );
    assert_eq!(
        href("https://x.org/app/#/plan", "AbC"),
        "https://x.org/app/#/shared/AbC"
    );
}

#[test]
fn every_truncation_and_every_altered_character_reads_as_damaged() {
    let payload = encode(&with_plan_details(scenario("s09")), true);
    for n in 0..payload.len() {
        assert_eq!(decode(&payload[..n]), Err(LinkError::Damaged), "cut at {n}");
    }
    for (k, c) in payload.char_indices() {
        for other in ['A', 'f', '0', '-', '_', 'Q'] {
            if other != c {
                let mut bad = payload.clone();
                bad.replace_range(k..k + 1, &other.to_string());
                assert_eq!(decode(&bad), Err(LinkError::Damaged), "{other} at {k}");
            }
        }
    }
}

/// The base64url alphabet, to flip single bits of a payload from outside the codec.
const B64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

#[test]
fn every_single_bit_flip_reads_as_damaged() {
    let payload = encode(&maximal(), true);
    for bit in 0..payload.len() * 6 {
        let k = bit / 6;
        let digit = B64.find(&payload[k..k + 1]).unwrap() ^ (1 << (5 - bit % 6));
        let mut bad = payload.clone();
        bad.replace_range(k..k + 1, &B64[digit..digit + 1]);
        assert_eq!(decode(&bad), Err(LinkError::Damaged), "bit {bit}");
    }
}

#[test]
fn a_newer_version_is_named_as_such() {
    let mut frame = open_frame(&encode(&scenario("s01"), false)).unwrap();
    for v in [4, 7, 255] {
        frame[0] = v;
        let err = decode(&seal_frame(&frame)).unwrap_err();
        assert_eq!(err, LinkError::NewerVersion(v));
        assert!(err.to_string().contains("newer version of Mosaic"), "{err}");
    }
}

#[test]
fn cut_or_padded_bodies_with_a_valid_checksum_are_refused() {
    let frame = open_frame(&encode(&with_plan_details(scenario("s12")), true)).unwrap();
    for n in 1..frame.len() {
        let err = decode(&seal_frame(&frame[..n])).unwrap_err();
        assert!(
            matches!(err, LinkError::Truncated | LinkError::TrailingData),
            "cut to {n} bytes: {err:?}"
        );
    }
    let mut longer = frame.clone();
    longer.push(0);
    assert_eq!(decode(&seal_frame(&longer)), Err(LinkError::TrailingData));
}

#[test]
fn oversized_links_are_refused_before_decoding() {
    let huge = "A".repeat(MAX_PAYLOAD_CHARS + 1);
    assert_eq!(decode(&huge), Err(LinkError::TooLarge));
    assert_eq!(decode(&"!".repeat(1_000_000)), Err(LinkError::TooLarge));
    assert_eq!(
        decode(&"A".repeat(MAX_PAYLOAD_CHARS)),
        Err(LinkError::Damaged)
    );
    assert!(LinkError::TooLarge.to_string().contains("too long"));
}

#[test]
fn a_copied_link_with_a_stray_line_break_still_opens() {
    let payload = encode(&scenario("s01"), false);
    assert!(decode(&format!(" {payload}\n")).is_ok());
    assert_eq!(decode(&format!("{payload}=")), Err(LinkError::Damaged));
}

#[test]
fn every_error_reads_as_plain_sentences() {
    let errors = [
        LinkError::TooLarge,
        LinkError::Damaged,
        LinkError::NewerVersion(2),
        LinkError::Truncated,
        LinkError::TrailingData,
        LinkError::UnknownId("a therapy"),
        LinkError::OutOfRange("age"),
        LinkError::BadText("goal"),
        LinkError::Invalid("`age` is 130, but it must be a whole number from 0 to 120.".into()),
    ];
    for e in errors {
        let text = e.to_string();
        assert!(
            text.starts_with("This link") && text.ends_with('.'),
            "{text}"
        );
        assert!(!text.contains('{') && !text.contains("Error"), "{text}");
    }
    assert!(LinkError::Damaged
        .to_string()
        .contains("damaged or incomplete"));
}

#[test]
fn the_qr_code_of_the_largest_link_is_version_25_or_less() {
    let link = href(BASE, &encode(&maximal(), true));
    let code = qr_code(&link).unwrap();
    let Version::Normal(v) = code.version() else {
        panic!("not a normal QR code")
    };
    let typical = qr_code(&href(
        BASE,
        &encode(&with_plan_details(scenario("s01")), true),
    ))
    .unwrap();
    println!(
        "QR: maximal link ({} bytes) → version {v} {:?}, {}×{} modules; typical → {:?} {:?}",
        link.len(),
        code.error_correction_level(),
        code.width(),
        code.width(),
        typical.version(),
        typical.error_correction_level()
    );
    assert!(v <= 25, "version {v}");
    let svg = qr_svg(&link).unwrap();
    assert_eq!(svg.matches("<path").count(), 1);
    assert!(svg.contains(r#"shape-rendering="crispEdges""#));
    let size = code.width() + 2 * QUIET_ZONE;
    assert!(
        svg.contains(&format!(r#"viewBox="0 0 {size} {size}""#)),
        "{}",
        &svg[..120]
    );
    assert_eq!(svg, qr_svg(&link).unwrap(), "deterministic");
    println!("QR SVG: {} characters", svg.len());
}

#[test]
fn text_too_long_for_any_qr_code_is_an_error_not_a_panic() {
    assert!(qr_svg(&"x".repeat(3000)).is_err());
    assert!(qr_svg("").is_ok());
}

#[test]
fn the_svg_path_covers_exactly_the_dark_modules() {
    let code = qr_code("https://x.org/#/shared/AbC").unwrap();
    let dark = code
        .to_colors()
        .iter()
        .filter(|c| **c == qrcode::Color::Dark)
        .count();
    let svg = qr_svg("https://x.org/#/shared/AbC").unwrap();
    let d = svg.split(" d=\"").nth(1).unwrap();
    let runs: usize = d
        .split('h')
        .skip(1)
        .step_by(2)
        .map(|n| n.split('v').next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(runs, dark);
}

/// Any IDs of `table`, in any order (as ticked).
fn some_ids(table: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
    proptest::sample::subsequence(table, 0..=table.len())
        .prop_shuffle()
        .prop_map(|v| v.into_iter().map(String::from).collect())
}

fn opt_u8(max: u8) -> impl Strategy<Value = Option<u8>> {
    proptest::option::of(0..=max)
}

fn intake() -> impl Strategy<Value = Intake> {
    let pain = proptest::option::of((
        proptest::option::of(proptest::sample::select(&ids::CONDITIONS[..])),
        proptest::option::of(some_ids(&ids::CONDITIONS)),
        proptest::option::of(0..=1440u16),
        proptest::option::of((opt_u8(10), opt_u8(10), opt_u8(10))),
    ));
    let mood = proptest::option::of((
        proptest::option::of((opt_u8(3), opt_u8(3), opt_u8(3), opt_u8(3))),
        opt_u8(3),
    ));
    let start_back = proptest::option::of((
        proptest::option::of(proptest::collection::vec(1..=8u8, 0..10)),
        proptest::option::of(proptest::sample::select(&ids::BOTHERSOME[..])),
    ));
    let lists = (
        proptest::option::of(some_ids(&ids::SYMPTOMS)),
        proptest::option::of(some_ids(&ids::HEALTH)),
        proptest::option::of(some_ids(&ids::MEDICATIONS)),
        proptest::option::of(some_ids(&ids::SUPPLEMENTS)),
        proptest::option::of(proptest::sample::select(&ids::ACTIVITY[..])),
    );
    // At most 30 characters of up to 4 bytes stay under both caps; cutting is tested on its own.
    let text = "[a-zA-Zé ü😀]{0,30}";
    let values = proptest::option::of((
        proptest::option::of(text),
        // Each area at most once, in any order: a valid intake rates an area once (the strict reader refuses a
        // second rating).
        proptest::sample::subsequence(&ids::AREAS[..], 0..=8)
            .prop_shuffle()
            .prop_flat_map(|areas| {
                let n = areas.len();
                (
                    Just(areas),
                    proptest::collection::vec(
                        (proptest::option::of(1..=5u8), proptest::option::of(1..=5u8)),
                        n,
                    ),
                )
            })
            .prop_map(|(areas, ratings)| {
                areas
                    .into_iter()
                    .zip(ratings)
                    .map(|(a, (n, w))| (a, n, w))
                    .collect::<Vec<_>>()
            }),
        proptest::collection::vec(text, 0..5),
    ));
    let practical = proptest::option::of((
        proptest::option::of(any::<u16>()),
        proptest::option::of(any::<u16>()),
        proptest::option::of(proptest::collection::vec(0..=6u8, 0..9)),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
    ));
    (proptest::option::of(0..=120u16), pain, mood, start_back, lists, values, practical).prop_map(
        |(age, pain, mood, start_back, lists, values, practical)| {
            let json = serde_json::json!({
                "age": age,
                "pain": pain.map(|(primary, sites, duration_months, peg)| serde_json::json!({
                    "primary": primary, "sites": sites, "duration_months": duration_months,
                    "peg": peg.map(|(p, e, a)| serde_json::json!({"pain": p, "enjoyment": e, "activity": a})),
                })),
                "mood": mood.map(|(phq4, self_harm)| serde_json::json!({
                    "phq4": phq4.map(|(n, w, i, d)| serde_json::json!({"nervous": n, "worry": w, "interest": i, "down": d})),
                    "self_harm": self_harm,
                })),
                "start_back": start_back.map(|(agree, bothersome)| serde_json::json!({"agree": agree, "bothersome": bothersome})),
                "symptoms": lists.0, "conditions": lists.1, "medications": lists.2, "supplements": lists.3,
                "activity": lists.4,
                "values": values.map(|(what_matters, areas, goals)| serde_json::json!({
                    "what_matters": what_matters,
                    "areas": areas.into_iter().map(|(a, n, w)| serde_json::json!({"area": a, "now": n, "want": w})).collect::<Vec<_>>(),
                    "goals": goals,
                })),
                "practicalities": practical.map(|(m, b, d, n, t, h)| serde_json::json!({
                    "minutes_per_week": m, "budget_per_month": b, "days": d,
                    "needles_ok": n, "touch_ok": t, "home_only": h,
                })),
            });
            Intake::from_value_strict(&json, catalog()).unwrap()
        },
    )
}

fn app_state() -> impl Strategy<Value = AppState> {
    let therapies = proptest::collection::vec(proptest::sample::select(&ids::THERAPIES[..]), 0..30);
    let per_week = proptest::collection::btree_map(
        proptest::sample::select(&ids::THERAPIES[..]),
        0..=9u8,
        0..6,
    );
    let days = proptest::collection::btree_map(
        proptest::sample::select(&ids::THERAPIES[..]),
        proptest::collection::vec(0..=6u8, 0..9),
        0..6,
    );
    (intake(), therapies, per_week, days).prop_map(|(intake, selected, per_week, days)| {
        let mut s = AppState {
            intake,
            selected: selected.into_iter().map(String::from).collect(),
            ..AppState::default()
        };
        s.plan.per_week = per_week
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        s.plan.days = days.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_valid_state_round_trips_to_its_shareable_part(s in app_state(), free_text in any::<bool>()) {
        let shared = decode(&encode(&s, free_text)).unwrap();
        prop_assert_eq!(shared.free_text, free_text);
        prop_assert_eq!(shared.state, shareable(&s, free_text));
    }

    #[test]
    fn any_string_is_refused_or_read_without_panicking(text in ".{0,200}") {
        let _ = decode(&text);
    }

    #[test]
    fn random_base64_is_refused(text in "[A-Za-z0-9_-]{0,600}") {
        prop_assert!(decode(&text).is_err());
    }

    #[test]
    fn any_sealed_body_is_refused_or_is_the_one_spelling_of_its_state(
        version in prop_oneof![Just(1u8), any::<u8>()],
        body in proptest::collection::vec(any::<u8>(), 0..300),
    ) {
        let mut frame = vec![version];
        frame.extend(body);
        let payload = seal_frame(&frame);
        if let Ok(shared) = decode(&payload) {
            prop_assert_eq!(encode(&shared.state, shared.free_text), payload);
        }
    }

    #[test]
    fn altered_valid_bodies_resealed_are_refused_or_read_canonically(
        s in app_state(),
        flips in proptest::collection::vec(any::<proptest::sample::Index>(), 1..4),
        cut in any::<proptest::sample::Index>(),
        cut_it in any::<bool>(),
    ) {
        // A checksum-valid frame that differs from a real one: every check behind the CRC gets exercised.
        let mut frame = open_frame(&encode(&s, true)).unwrap();
        for f in flips {
            let bit = f.index((frame.len() - 1) * 8) + 8;
            frame[bit / 8] ^= 0x80 >> (bit % 8);
        }
        if cut_it {
            frame.truncate(1 + cut.index(frame.len()));
        }
        let payload = seal_frame(&frame);
        if let Ok(shared) = decode(&payload) {
            prop_assert_eq!(encode(&shared.state, shared.free_text), payload);
        }
    }
}

/// A flare plan with every text well over what a link carries, and two of the plan's therapies ticked.
fn long_flare() -> FlarePlan {
    FlarePlan {
        signs: "Stiff and sore in the morning, sleeping badly. ".repeat(20),
        helps_from_plan: vec!["yoga".into(), "exercise".into()],
        helps: "Heat pack, a slow walk, my breathing exercise. ".repeat(20),
        reduce: "Gardening and long drives for a few days. ".repeat(20),
        contacts: "Dr Okafor 01632 960123; physio Sam 01632 960456. ".repeat(20),
    }
}

#[test]
fn a_flare_plan_travels_only_when_ticked_and_only_then_makes_a_version_3_link() {
    let mut s = with_plan_details(scenario("s01"));
    s.flare = FlarePlan {
        signs: "Stiff mornings".into(),
        helps_from_plan: vec!["yoga".into(), "exercise".into()],
        helps: "Heat pack\nShort walks".into(),
        reduce: String::new(),
        contacts: "Dr Okafor 01632 960123".into(),
    };
    let without = encode_with(
        &s,
        Include {
            own_words: false,
            flare: false,
        },
    );
    assert_eq!(
        without,
        encode(&s, false),
        "an unticked flare plan changes nothing"
    );
    let shared = decode(&without).unwrap();
    assert_eq!((shared.version, !shared.state.flare.is_empty()), (2, false));
    assert_eq!(shared.state.flare, FlarePlan::default());

    let with = decode(&encode_with(
        &s,
        Include {
            own_words: false,
            flare: true,
        },
    ))
    .unwrap();
    assert_eq!(
        (with.version, !with.state.flare.is_empty(), with.free_text),
        (3, true, false)
    );
    assert_eq!(
        with.state.flare, s.flare,
        "every part, in order, line breaks kept"
    );
    assert_eq!(with.state.selected, s.selected);
    // Ticked with nothing written, the link stays a v2 link.
    let empty = with_plan_details(scenario("s01"));
    let shared = decode(&encode_with(
        &empty,
        Include {
            own_words: true,
            flare: true,
        },
    ))
    .unwrap();
    assert_eq!((shared.version, !shared.state.flare.is_empty()), (2, false));
}

#[test]
fn long_flare_texts_are_cut_to_120_bytes_ending_in_an_ellipsis() {
    let mut s = with_plan_details(scenario("s01"));
    s.flare = long_flare();
    let back = decode(&encode_with(
        &s,
        Include {
            own_words: false,
            flare: true,
        },
    ))
    .unwrap()
    .state
    .flare;
    for (text, start) in [
        (&back.signs, "Stiff and sore"),
        (&back.helps, "Heat pack"),
        (&back.reduce, "Gardening"),
        (&back.contacts, "Dr Okafor"),
    ] {
        assert_eq!(text.len(), 120, "{text}");
        assert!(text.starts_with(start) && text.ends_with('…'), "{text}");
    }
    assert_eq!(back.helps_from_plan, ["yoga", "exercise"]);
}

#[test]
fn the_largest_link_with_a_flare_plan_still_fits_a_qr_code() {
    let mut s = maximal();
    s.flare = long_flare();
    s.flare.helps_from_plan = ids::THERAPIES.iter().map(|t| t.to_string()).collect();
    let link = href(
        BASE,
        &encode_with(
            &s,
            Include {
                own_words: true,
                flare: true,
            },
        ),
    );
    let code = qr_code(&link).unwrap();
    let Version::Normal(v) = code.version() else {
        panic!("not a normal QR code")
    };
    println!(
        "maximal link with a flare plan: {} bytes → QR version {v}",
        link.len()
    );
    assert!(
        link.len() <= 2953,
        "hard limit (QR 40-L binary): {} bytes",
        link.len()
    );
    let shared = decode(&link[link.find('#').unwrap() + "#/shared/".len()..]).unwrap();
    assert_eq!(shared.state.flare.helps_from_plan.len(), 25);
}

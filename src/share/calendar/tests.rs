//! The calendar text pinned with literal values: dates, counts, UIDs, escaping, folding and line ends. The same
//! file read by a real parser (ical.js) is checked through `e2e/ics.mjs` with the sample written below.

use super::*;
use crate::clinical::intake::Intake;
use crate::clinical::plan::{build_plan, PlanSettings};
use crate::clinical::screening::screen;

/// Low back pain, every day free: tai chi on Monday and Thursday, yoga classes on Saturday with home practice on
/// Tuesday and Friday, and a mindfulness course on Monday, practised at home on Wednesday and Friday, that starts
/// later (the plan's staggered start).
fn plan() -> Plan {
    let intake: Intake = serde_json::from_value(serde_json::json!({
        "age": 45, "pain": { "primary": "low_back" }, "symptoms": [], "conditions": [],
        "medications": [], "supplements": [], "mood": { "self_harm": 0 }
    }))
    .unwrap();
    let selected = ["tai_chi", "yoga", "mindfulness"].map(String::from);
    let mut settings = PlanSettings::default();
    settings.days.insert("tai_chi".into(), vec![3, 0]);
    settings.days.insert("yoga".into(), vec![5]);
    settings.days.insert("mindfulness".into(), vec![0]);
    let mut plan = build_plan(
        catalog(),
        &intake,
        &selected,
        &screen(&intake).therapies,
        &settings,
    );
    // Home practice days are the plan's pick; fixing them keeps the expected dates literal.
    item_mut(&mut plan, "yoga").home_days = vec![1, 4];
    item_mut(&mut plan, "mindfulness").home_days = vec![4, 2];
    plan
}

fn item_mut<'a>(plan: &'a mut Plan, id: &str) -> &'a mut PlanItem {
    plan.items.iter_mut().find(|i| i.therapy == id).unwrap()
}

/// The plan starts on Wednesday 9 December 2026, sessions at 8:00, exported on 1 December 2026 at 09:30:05 UTC.
fn options(start: &str) -> CalendarOptions {
    CalendarOptions {
        start: start.into(),
        stamp: "20261201T093005Z".into(),
        ..CalendarOptions::default()
    }
}

const WEDNESDAY: &str = "2026-12-09";

/// Content lines with the folding undone.
fn unfold(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Each VEVENT's content lines (its alarm's included), in file order.
fn events(ics: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in unfold(ics) {
        match line.as_str() {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => out.extend(current.take()),
            _ => {
                if let Some(c) = current.as_mut() {
                    c.push(line);
                }
            }
        }
    }
    out
}

/// The event with this UID.
fn event(ics: &str, uid: &str) -> Vec<String> {
    events(ics)
        .into_iter()
        .find(|e| e.iter().any(|l| *l == format!("UID:{uid}")))
        .unwrap_or_else(|| panic!("an event {uid}"))
}

/// The event's first line of property `name` (the event's own comes before its alarm's).
fn line<'a>(event: &'a [String], name: &str) -> &'a str {
    event
        .iter()
        .find(|l| {
            l.strip_prefix(name)
                .is_some_and(|r| r.starts_with(':') || r.starts_with(';'))
        })
        .unwrap_or_else(|| panic!("a {name} line in {event:?}"))
}

fn uids(ics: &str) -> Vec<String> {
    unfold(ics)
        .into_iter()
        .filter(|l| l.starts_with("UID:"))
        .collect()
}

#[test]
fn the_plan_is_the_one_these_tests_expect() {
    let p = plan();
    let shape: Vec<(&str, Vec<u8>, u8, u8)> = p
        .items
        .iter()
        .map(|i| (i.therapy.as_str(), i.days.clone(), i.start_week, i.end_week))
        .collect();
    assert_eq!(
        shape,
        [
            ("tai_chi", vec![0, 3], 1, 12),
            ("yoga", vec![5], 1, 12),
            ("mindfulness", vec![0], 3, 10),
        ]
    );
    assert_eq!(
        p.reviews.iter().map(|r| r.week).collect::<Vec<_>>(),
        [4, 8, 12]
    );
}

#[test]
fn a_series_starts_on_the_first_of_its_days_in_its_first_week() {
    let ics = calendar(&plan(), &options(WEDNESDAY));
    // Week 1 runs Wednesday 9 to Tuesday 15 December: its first Monday or Thursday is Thursday 10.
    let tai_chi = event(&ics, "mosaic-plan.tai_chi.sessions");
    assert_eq!(line(&tai_chi, "DTSTART"), "DTSTART:20261210T080000");
    assert_eq!(
        line(&tai_chi, "DTEND"),
        "DTEND:20261210T090000",
        "60 minutes"
    );
    assert_eq!(
        line(&tai_chi, "RRULE"),
        "RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=24",
        "2 days × 12 weeks"
    );
    assert_eq!(
        line(&tai_chi, "SUMMARY"),
        "SUMMARY:Tai chi or qigong — session"
    );
    // Mindfulness starts in week 3 (Wednesday 23 December): its first Monday is the 28th; 8 weeks, once a week.
    let mindfulness = event(&ics, "mosaic-plan.mindfulness.sessions");
    assert_eq!(line(&mindfulness, "DTSTART"), "DTSTART:20261228T080000");
    assert_eq!(
        line(&mindfulness, "DTEND"),
        "DTEND:20261228T100000",
        "2 hours"
    );
    assert_eq!(
        line(&mindfulness, "RRULE"),
        "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8"
    );
}

#[test]
fn the_first_session_follows_whatever_weekday_the_plan_starts_on() {
    // Monday and Thursday sessions from week 1, for a plan starting on each day of the week of 7 December 2026.
    let expected = [
        ("2026-12-07", "20261207"), // Monday: that same day
        ("2026-12-08", "20261210"), // Tuesday: Thursday
        ("2026-12-09", "20261210"), // Wednesday: Thursday
        ("2026-12-10", "20261210"), // Thursday: that same day
        ("2026-12-11", "20261214"), // Friday: the next Monday
        ("2026-12-12", "20261214"), // Saturday: the next Monday
        ("2026-12-13", "20261214"), // Sunday: the next Monday
    ];
    let p = plan();
    for (start, first) in expected {
        let tai_chi = event(
            &calendar(&p, &options(start)),
            "mosaic-plan.tai_chi.sessions",
        );
        assert_eq!(
            line(&tai_chi, "DTSTART"),
            format!("DTSTART:{first}T080000"),
            "plan starting {start}"
        );
        assert_eq!(
            line(&tai_chi, "RRULE"),
            "RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=24"
        );
    }
}

#[test]
fn the_count_ends_each_series_in_its_last_plan_week() {
    // Expands the weekly rule by hand: every Monday or Thursday from DTSTART on, COUNT of them.
    let last = |start: &str, dtstart: &str, count: usize| {
        let first = day_number(start).unwrap();
        let (y, m, d) = (&dtstart[..4], &dtstart[4..6], &dtstart[6..8]);
        let from = day_number(&format!("{y}-{m}-{d}")).unwrap();
        assert!(from >= first);
        let day = (from..)
            .filter(|d| matches!(weekday(*d), 0 | 3))
            .nth(count - 1)
            .unwrap();
        crate::clinical::dates::iso_date(day)
    };
    // Starting Wednesday 9 December, week 12 runs Wednesday 24 February to Tuesday 2 March 2027: its Thursday is
    // the 25th and its Monday 1 March, the last session.
    assert_eq!(last(WEDNESDAY, "20261210", 24), "2027-03-01");
    assert_eq!(last(WEDNESDAY, "20261210", 23), "2027-02-25");
    // Starting Friday 11 December, week 12 runs Friday 26 February to Thursday 4 March: Monday 1, Thursday 4.
    assert_eq!(last("2026-12-11", "20261214", 24), "2027-03-04");
}

#[test]
fn home_practice_is_a_series_of_its_own() {
    let ics = calendar(&plan(), &options(WEDNESDAY));
    let classes = event(&ics, "mosaic-plan.yoga.sessions");
    assert_eq!(line(&classes, "SUMMARY"), "SUMMARY:Yoga — session");
    assert_eq!(line(&classes, "DTSTART"), "DTSTART:20261212T080000");
    assert_eq!(line(&classes, "DTEND"), "DTEND:20261212T091500");
    assert_eq!(
        line(&classes, "RRULE"),
        "RRULE:FREQ=WEEKLY;BYDAY=SA;COUNT=12"
    );
    let home = event(&ics, "mosaic-plan.yoga.home-practice");
    assert_eq!(line(&home, "SUMMARY"), "SUMMARY:Yoga — home practice");
    assert_eq!(line(&home, "DTSTART"), "DTSTART:20261211T080000");
    assert_eq!(line(&home, "DTEND"), "DTEND:20261211T081500");
    assert_eq!(
        line(&home, "RRULE"),
        "RRULE:FREQ=WEEKLY;BYDAY=TU,FR;COUNT=24"
    );
    assert!(line(&home, "DESCRIPTION").starts_with(
        "DESCRIPTION:15 minutes of home practice for Yoga.\\n\\nOne or two classes a week"
    ));
    // Mindfulness practice starts with its course, in week 3: Wednesday 23 December; 2 days × 8 weeks.
    let practice = event(&ics, "mosaic-plan.mindfulness.home-practice");
    assert_eq!(line(&practice, "DTSTART"), "DTSTART:20261223T080000");
    assert_eq!(
        line(&practice, "RRULE"),
        "RRULE:FREQ=WEEKLY;BYDAY=WE,FR;COUNT=16"
    );
    // Tai chi has no home practice, so no series for it.
    assert!(!ics.contains("mosaic-plan.tai_chi.home-practice"));
}

#[test]
fn a_self_guided_therapy_is_home_practice() {
    let intake: Intake =
        serde_json::from_value(serde_json::json!({ "age": 45, "pain": { "primary": "low_back" } }))
            .unwrap();
    let p = build_plan(
        catalog(),
        &intake,
        &["meditation".to_string()],
        &[],
        &PlanSettings::default(),
    );
    let ics = calendar(&p, &options(WEDNESDAY));
    let meditation = event(&ics, "mosaic-plan.meditation.sessions");
    assert_eq!(
        line(&meditation, "SUMMARY"),
        "SUMMARY:Meditation on your own — home practice"
    );
    assert_eq!(uids(&ics).len(), 4, "the practice and three reviews");
}

#[test]
fn an_item_without_days_is_left_out() {
    let mut p = plan();
    item_mut(&mut p, "tai_chi").days.clear();
    let ics = calendar(&p, &options(WEDNESDAY));
    assert!(!ics.contains("tai_chi"));
    assert_eq!(
        uids(&ics),
        [
            "UID:mosaic-plan.yoga.sessions",
            "UID:mosaic-plan.yoga.home-practice",
            "UID:mosaic-plan.mindfulness.sessions",
            "UID:mosaic-plan.mindfulness.home-practice",
            "UID:mosaic-plan.review.week-4",
            "UID:mosaic-plan.review.week-8",
            "UID:mosaic-plan.review.week-12",
        ]
    );
}

#[test]
fn reviews_are_all_day_on_the_day_after_their_week() {
    let ics = calendar(&plan(), &options(WEDNESDAY));
    // Week 4 ends on Tuesday 5 January 2027 (28 days from the 9th), week 8 on 2 February, week 12 on 2 March.
    for (week, day, next) in [
        (4, "20270106", "20270107"),
        (8, "20270203", "20270204"),
        (12, "20270303", "20270304"),
    ] {
        let review = event(&ics, &format!("mosaic-plan.review.week-{week}"));
        assert_eq!(
            line(&review, "DTSTART"),
            format!("DTSTART;VALUE=DATE:{day}")
        );
        assert_eq!(line(&review, "DTEND"), format!("DTEND;VALUE=DATE:{next}"));
        assert_eq!(
            line(&review, "SUMMARY"),
            format!("SUMMARY:Plan review: week {week}")
        );
        assert!(!review.iter().any(|l| l == "BEGIN:VALARM"));
        assert!(!review.iter().any(|l| l.starts_with("RRULE")));
    }
    let week_4 = event(&ics, "mosaic-plan.review.week-4");
    let description = line(&week_4, "DESCRIPTION");
    assert!(description.starts_with(
        "DESCRIPTION:Week 4 of your plan is done: time to look back. Check:\\n- Compare your weekly PEG score"
    ));
    // A check with a semicolon and a comma, escaped.
    assert!(description.contains(
        "\\n- Count the sessions you managed\\; if fewer than planned\\, change days or frequency rather than giving up.\\n"
    ));
}

#[test]
fn uids_do_not_change_with_the_start_or_the_time() {
    let p = plan();
    let first = calendar(&p, &options(WEDNESDAY));
    let moved = calendar(
        &p,
        &CalendarOptions {
            start: "2027-01-04".into(),
            time: (18, 30),
            remind_minutes: 10,
            stamp: "20270101T120000Z".into(),
        },
    );
    assert_ne!(first, moved);
    let expected = [
        "UID:mosaic-plan.tai_chi.sessions",
        "UID:mosaic-plan.yoga.sessions",
        "UID:mosaic-plan.yoga.home-practice",
        "UID:mosaic-plan.mindfulness.sessions",
        "UID:mosaic-plan.mindfulness.home-practice",
        "UID:mosaic-plan.review.week-4",
        "UID:mosaic-plan.review.week-8",
        "UID:mosaic-plan.review.week-12",
    ];
    assert_eq!(uids(&first), expected);
    assert_eq!(uids(&moved), expected);
    let tai_chi = event(&moved, "mosaic-plan.tai_chi.sessions");
    assert_eq!(line(&tai_chi, "DTSTART"), "DTSTART:20270104T183000");
}

#[test]
fn the_same_plan_gives_the_same_file() {
    let p = plan();
    let o = options(WEDNESDAY);
    assert_eq!(calendar(&p, &o), calendar(&plan(), &o.clone()));
}

#[test]
fn every_series_has_a_reminder() {
    let p = plan();
    let ics = calendar(&p, &options(WEDNESDAY));
    let tai_chi = event(&ics, "mosaic-plan.tai_chi.sessions");
    let alarm: Vec<&str> = tai_chi
        .iter()
        .skip_while(|l| *l != "BEGIN:VALARM")
        .map(String::as_str)
        .collect();
    assert_eq!(
        alarm,
        [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Tai chi or qigong — session",
            "TRIGGER:-PT30M",
            "END:VALARM",
        ]
    );
    assert_eq!(ics.matches("BEGIN:VALARM").count(), 5, "one per series");
    let sooner = CalendarOptions {
        remind_minutes: 10,
        ..options(WEDNESDAY)
    };
    assert!(calendar(&p, &sooner).contains("\r\nTRIGGER:-PT10M\r\n"));
}

#[test]
fn every_event_is_stamped_with_the_export_time() {
    let ics = calendar(&plan(), &options(WEDNESDAY));
    assert_eq!(ics.matches("\r\nDTSTAMP:20261201T093005Z\r\n").count(), 8);
    assert_eq!(utc_stamp(0), "19700101T000000Z");
    assert_eq!(utc_stamp(-1), "19691231T235959Z");
    assert_eq!(utc_stamp(1_796_117_405), "20261201T093005Z");
    // Not a stamp: the file stays readable with the earliest one.
    let odd = CalendarOptions {
        stamp: "2026-12-01\r\nX-INJECTED:1".into(),
        ..options(WEDNESDAY)
    };
    let ics = calendar(&plan(), &odd);
    assert!(!ics.contains("X-INJECTED"));
    assert_eq!(ics.matches("\r\nDTSTAMP:19700101T000000Z\r\n").count(), 8);
}

#[test]
fn a_late_session_ends_the_next_day() {
    let late = CalendarOptions {
        time: (23, 30),
        ..options(WEDNESDAY)
    };
    let tai_chi = event(&calendar(&plan(), &late), "mosaic-plan.tai_chi.sessions");
    assert_eq!(line(&tai_chi, "DTSTART"), "DTSTART:20261210T233000");
    assert_eq!(line(&tai_chi, "DTEND"), "DTEND:20261211T003000");
    // A time outside the day is held to its last minute rather than written as an impossible one.
    let odd = CalendarOptions {
        time: (24, 75),
        ..options(WEDNESDAY)
    };
    let tai_chi = event(&calendar(&plan(), &odd), "mosaic-plan.tai_chi.sessions");
    assert_eq!(line(&tai_chi, "DTSTART"), "DTSTART:20261210T235900");
}

#[test]
fn without_a_start_date_there_are_no_events() {
    for start in ["", "9 December", "2026-02-30"] {
        assert_eq!(
            calendar(&plan(), &options(start)),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mosaic//Care plan//EN\r\nCALSCALE:GREGORIAN\r\n\
             X-WR-CALNAME:My Mosaic plan\r\nEND:VCALENDAR\r\n",
            "{start:?}"
        );
    }
}

#[test]
fn text_is_escaped() {
    assert_eq!(
        escape("a,b;c\\d\ne\r\nf\rg\u{7}h\ti"),
        "a\\,b\\;c\\\\d\\ne\\nf\\ngh\ti"
    );
    let mut p = plan();
    item_mut(&mut p, "tai_chi").course =
        "Twice a week; bring water, a mat\\towel\nand shoes.".into();
    let tai_chi = event(
        &calendar(&p, &options(WEDNESDAY)),
        "mosaic-plan.tai_chi.sessions",
    );
    assert_eq!(
        line(&tai_chi, "DESCRIPTION"),
        "DESCRIPTION:Twice a week\\; bring water\\, a mat\\\\towel\\nand shoes.\\n\\n\
         From your Mosaic plan\\, weeks 1 to 12."
    );
}

#[test]
fn long_lines_are_folded_between_characters() {
    // "é" is two octets and would straddle octet 75: the first line stops before it, at 74.
    let mut out = String::new();
    let long = format!("DESCRIPTION:{}é{}", "a".repeat(62), "b".repeat(80));
    fold(&long, &mut out);
    let expected = format!(
        "DESCRIPTION:{}\r\n é{}\r\n {}\r\n",
        "a".repeat(62),
        "b".repeat(72),
        "b".repeat(8)
    );
    assert_eq!(out, expected);
    let mut short = String::new();
    fold(&"x".repeat(75), &mut short);
    assert_eq!(short, format!("{}\r\n", "x".repeat(75)), "75 octets fit");

    // A whole file with long multi-byte text: no physical line over 75 octets, each one whole UTF-8.
    let mut p = plan();
    let course = "Übungen — 練習 — 🧘 ".repeat(20);
    item_mut(&mut p, "yoga").course = course.clone();
    let ics = calendar(&p, &options(WEDNESDAY));
    let mut folded = 0;
    for physical in ics.as_bytes().split(|b| *b == b'\n') {
        let physical = physical.strip_suffix(b"\r").unwrap_or(physical);
        assert!(physical.len() <= 75, "{} octets", physical.len());
        assert!(std::str::from_utf8(physical).is_ok(), "a character split");
        folded += usize::from(physical.first() == Some(&b' '));
    }
    assert!(
        folded > 10,
        "the course was folded ({folded} continuations)"
    );
    let yoga = event(&ics, "mosaic-plan.yoga.sessions");
    assert!(line(&yoga, "DESCRIPTION").starts_with(&format!("DESCRIPTION:{course}")));
}

#[test]
fn every_line_ends_in_crlf() {
    let ics = calendar(&plan(), &options(WEDNESDAY));
    assert!(ics.starts_with(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mosaic//Care plan//EN\r\nCALSCALE:GREGORIAN\r\n"
    ));
    assert!(ics.ends_with("\r\nEND:VCALENDAR\r\n"));
    let bytes = ics.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'\n' => assert_eq!(bytes[i - 1], b'\r', "LF without CR at {i}"),
            b'\r' => assert_eq!(bytes[i + 1], b'\n', "CR without LF at {i}"),
            _ => {}
        }
    }
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 8);
    assert_eq!(ics.matches("END:VEVENT").count(), 8);
}

/// Writes the sample calendar for `e2e/ics.mjs` when `MOSAIC_ICS_SAMPLE` names a file; otherwise does nothing.
#[test]
fn writes_a_sample_for_the_parser_check() {
    if let Ok(path) = std::env::var("MOSAIC_ICS_SAMPLE") {
        std::fs::write(&path, calendar(&plan(), &options(WEDNESDAY))).unwrap();
    }
}

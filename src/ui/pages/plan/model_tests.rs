//! Native tests of the plan view's plain functions.
use super::*;
use crate::clinical::catalog::catalog;
use crate::clinical::plan::build_plan;
use crate::clinical::screening::screen;

fn intake() -> Intake {
    serde_json::from_str(
        r#"{"age":50,"pain":{"primary":"low_back","duration_months":12,"peg":{"pain":6,"enjoyment":5,"activity":5}},
            "symptoms":[],"conditions":[],"medications":[],"supplements":[],"activity":"active",
            "practicalities":{"minutes_per_week":150,"budget_per_month":100,"days":[0,2,4,5]}}"#,
    )
    .unwrap()
}

fn plan(selected: &[&str], settings: &PlanSettings) -> Plan {
    let i = intake();
    let s = screen(&i);
    let selected: Vec<String> = selected.iter().map(|s| s.to_string()).collect();
    build_plan(catalog(), &i, &selected, &s.therapies, settings)
}

#[test]
fn the_grid_has_seven_days_and_every_entry_once() {
    let p = plan(
        &["yoga", "meditation", "acupuncture"],
        &PlanSettings::default(),
    );
    let grid = week_grid(&p);
    assert_eq!(grid.len(), 7);
    assert_eq!(grid[0].name, "Monday");
    assert_eq!(
        grid.iter().map(|d| d.entries.len()).sum::<usize>(),
        p.schedule.len()
    );
    assert!(
        grid[1].entries.is_empty(),
        "Tuesday is not an available day"
    );
    let total: u32 = grid.iter().map(|d| d.minutes).sum();
    assert_eq!(
        total,
        p.schedule.iter().map(|e| u32::from(e.minutes)).sum::<u32>()
    );
}

#[test]
fn late_starts_and_short_courses_are_labelled_with_their_weeks() {
    let p = plan(
        &["yoga", "meditation", "acupuncture"],
        &PlanSettings::default(),
    );
    let grid = week_grid(&p);
    let acu: Vec<&DayEntry> = grid
        .iter()
        .flat_map(|d| &d.entries)
        .filter(|e| e.therapy == "acupuncture")
        .collect();
    assert!(!acu.is_empty());
    assert!(
        acu.iter()
            .all(|e| e.weeks.as_deref().is_some_and(|w| w.starts_with("Weeks 3"))),
        "{acu:?}"
    );
    let yoga: Vec<&DayEntry> = grid
        .iter()
        .flat_map(|d| &d.entries)
        .filter(|e| e.therapy == "yoga")
        .collect();
    assert!(yoga.iter().all(|e| e.weeks.is_none()));
}

#[test]
fn item_summaries_read_as_a_sentence() {
    let mut s = PlanSettings::default();
    s.per_week.insert("yoga".into(), 1);
    let p = plan(&["yoga", "meditation"], &s);
    let yoga = p.items.iter().find(|i| i.therapy == "yoga").unwrap();
    let text = item_summary(yoga);
    assert!(
        text.starts_with("Weeks 1–12: 1 session a week, 75 minutes each, on "),
        "{text}"
    );
    assert!(text.contains("; home practice 15 minutes on "), "{text}");
    let med = p.items.iter().find(|i| i.therapy == "meditation").unwrap();
    assert!(
        item_summary(med).contains("4 times a week, 15 minutes each"),
        "{}",
        item_summary(med)
    );
}

#[test]
fn day_lists_read_as_a_sentence() {
    assert_eq!(day_list(&[0]), "Monday");
    assert_eq!(day_list(&[0, 2, 4]), "Monday, Wednesday and Friday");
    assert_eq!(day_list(&[]), "no days");
}

#[test]
fn editing_frequency_clamps_and_clears_chosen_days() {
    let yoga = catalog().therapy("yoga").unwrap();
    let mut s = PlanSettings::default();
    s.days.insert("yoga".into(), vec![1]);
    set_per_week(&mut s, yoga, 9);
    assert_eq!(s.per_week["yoga"], 2);
    assert!(!s.days.contains_key("yoga"));
    assert!(is_adjusted(&s, "yoga"));
    reset(&mut s, "yoga");
    assert!(!is_adjusted(&s, "yoga"));
}

#[test]
fn toggling_days_starts_from_the_planned_days() {
    let mut s = PlanSettings::default();
    toggle_day(&mut s, "yoga", &[0, 4], 2, true);
    assert_eq!(s.days["yoga"], vec![0, 2, 4]);
    toggle_day(&mut s, "yoga", &[0, 2, 4], 0, false);
    assert_eq!(s.days["yoga"], vec![2, 4]);
    toggle_day(&mut s, "yoga", &[2], 2, false);
    assert!(
        !s.days.contains_key("yoga"),
        "no day left: back to automatic"
    );
    let p = plan(&["yoga"], &{
        let mut s = PlanSettings::default();
        toggle_day(&mut s, "yoga", &[0], 5, true);
        s
    });
    assert_eq!(p.items[0].days, vec![0, 5]);
}

#[test]
fn time_and_cost_compare_with_what_the_person_said() {
    let p = plan(&["massage", "yoga", "exercise"], &PlanSettings::default());
    let cost = cost_summary(&p, &intake());
    assert!(cost.contains("above your budget of 100"), "{cost}");
    let time = time_summary(&p, &intake());
    assert!(time.contains("150 minutes"), "{time}");
    let small = plan(&["meditation"], &PlanSettings::default());
    assert!(cost_summary(&small, &intake()).contains("within your budget"));
}

#[test]
fn without_a_time_budget_the_plan_says_how_much_time_it_takes() {
    let p = plan(&["yoga"], &PlanSettings::default());
    assert_eq!(unknown_time(&p, &intake()), None, "150 minutes were given");
    let mut none = intake();
    none.practicalities.as_mut().unwrap().minutes_per_week = None;
    // One 75-minute yoga class and 15 minutes of home practice on the other three available days.
    assert_eq!(
        unknown_time(&p, &none).as_deref(),
        Some("You didn't tell us how much time you have: this plan takes 120 minutes a week")
    );
    let mut blank = intake();
    blank.practicalities = None;
    assert!(unknown_time(&p, &blank).is_some());
}

#[test]
fn the_status_line_says_what_was_done_then_what_moved() {
    let moved = vec![
        "Acupuncture moved to Wednesday.".to_string(),
        "Massage moved to Friday.".to_string(),
    ];
    assert_eq!(
        change_status(Some("Done: Yoga once a week instead of twice."), &moved),
        "Done: Yoga once a week instead of twice. Acupuncture moved to Wednesday. Massage moved to Friday."
    );
    assert_eq!(
        change_status(None, &moved[..1]),
        "Acupuncture moved to Wednesday."
    );
    assert_eq!(change_status(Some("Undone."), &[]), "Undone.");
}

//! What the choose view shows, computed by plain functions: filters, the facts on each card, and the add action.

use crate::clinical::catalog::{CostBand, Setting, Therapy};
use crate::clinical::intake::Intake;
use crate::clinical::ranking::{days_available, Ranked};
use crate::clinical::screening::TherapyStatus;
use crate::ui::components::consent_text::usual_monthly_cost;
use crate::ui::text::capitalise;

/// The filter checkboxes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only things that can be done at home (hides practitioner-only therapies).
    pub home_only: bool,
    /// Hide therapies that use needles.
    pub no_needles: bool,
    /// Hide therapies whose usual pace costs more a month than the budget.
    pub within_budget: bool,
}

/// The person's monthly budget, if they gave one.
pub fn budget(intake: &Intake) -> Option<u16> {
    intake.practicalities.as_ref()?.budget_per_month
}

/// Whether a therapy passes the filters; the budget filter does nothing when no budget was given.
pub fn passes(therapy: &Therapy, filters: Filters, budget: Option<u16>) -> bool {
    if filters.home_only && therapy.setting == Setting::Practitioner {
        return false;
    }
    if filters.no_needles && therapy.needles {
        return false;
    }
    if filters.within_budget {
        if let Some(b) = budget {
            if usual_monthly_cost(therapy) > u32::from(b) {
                return false;
            }
        }
    }
    true
}

/// "Showing …" text for one section: how many cards are shown and how many the filters hide.
pub fn showing_text(shown: usize, total: usize, noun: &str) -> String {
    let hidden = total - shown.min(total);
    match hidden {
        0 => format!("Showing all {total} {noun}."),
        1 => format!("Showing {shown} of {total} {noun}; 1 is hidden by your filters."),
        n => format!("Showing {shown} of {total} {noun}; {n} are hidden by your filters."),
    }
}

/// Where it happens, in words.
pub fn setting_words(setting: Setting) -> &'static str {
    match setting {
        Setting::Home => "At home, on your own",
        Setting::Practitioner => "With a practitioner or in a class",
        Setting::Either => "Learn with a teacher or class, then practise at home",
    }
}

/// "1 session", "3 sessions".
fn sessions(n: u8) -> String {
    match n {
        1 => "1 session".to_string(),
        n => format!("{n} sessions"),
    }
}

/// "1 day", "3 days".
fn days(n: u8) -> String {
    match n {
        1 => "1 day".to_string(),
        n => format!("{n} days"),
    }
}

/// Sessions a week at the usual pace on the person's free days, and the minutes that takes with home practice.
fn usual_week(therapy: &Therapy, intake: &Intake) -> Option<(u8, u32)> {
    let course = therapy.course.as_ref()?;
    let free = days_available(intake);
    let per_week = course.per_week_default.min(free).max(1);
    Some((per_week, course.weekly_minutes(per_week, free)))
}

/// Time a week at the usual pace on the person's available days, e.g. "About 90 minutes a week (3 sessions of 30
/// minutes)".
pub fn time_words(therapy: &Therapy, intake: &Intake) -> Option<String> {
    let course = therapy.course.as_ref()?;
    let (per_week, total) = usual_week(therapy, intake)?;
    let home_days = course.home_days(per_week, days_available(intake));
    let mut parts = format!(
        "{} of {} minutes",
        sessions(per_week),
        course.session_minutes
    );
    if let (Some(m), true) = (course.home_minutes, home_days > 0) {
        parts.push_str(&format!(
            ", plus {m} minutes of home practice on {}",
            days(home_days)
        ));
    }
    Some(format!("About {total} minutes a week ({parts})"))
}

/// The card's time and cost at a glance, one line each: ["105 min a week", "About 238 a month"], ["90 min a week",
/// "Free"], or a supplement's ["Up to about 30 a month"]; the details give the sessions and the cost band.
pub fn glance_lines(therapy: &Therapy, intake: &Intake) -> Vec<String> {
    let time = usual_week(therapy, intake).map(|(_, total)| format!("{total} min a week"));
    time.into_iter()
        .chain([capitalise(&cost_short(therapy))])
        .collect()
}

/// The cost on the card: "Free", an estimate a month at the usual pace, or a supplement's monthly band.
fn cost_short(therapy: &Therapy) -> String {
    if therapy.cost == CostBand::Free {
        return "Free".to_string();
    }
    if therapy.supplement {
        // A supplement's cost is a band a month, never a number of sessions (see cost_words).
        return match therapy.cost {
            CostBand::Free | CostBand::Low => "up to about 30 a month",
            CostBand::Medium => "about 30–80 a month",
            CostBand::High => "over about 80 a month",
        }
        .to_string();
    }
    format!("about {} a month", usual_monthly_cost(therapy))
}

/// How many therapies are chosen, for the bar: "None chosen yet", "1 chosen", "3 chosen".
pub fn chosen_words(n: usize) -> String {
    match n {
        0 => "None chosen yet".to_string(),
        n => format!("{n} chosen"),
    }
}

/// What the bar's live region says when the choices change from `before` to `after` (names from `name_of`):
/// "Acupuncture added. 3 chosen."; `None` when nothing changed.
pub fn choice_announcement(
    before: &[String],
    after: &[String],
    name_of: impl Fn(&str) -> String,
) -> Option<String> {
    let added: Vec<String> = after
        .iter()
        .filter(|id| !before.contains(id))
        .map(|id| name_of(id))
        .collect();
    let removed: Vec<String> = before
        .iter()
        .filter(|id| !after.contains(id))
        .map(|id| name_of(id))
        .collect();
    if added.is_empty() && removed.is_empty() {
        return None;
    }
    let mut out = String::new();
    if !added.is_empty() {
        out.push_str(&format!("{} added. ", added.join(", ")));
    }
    if !removed.is_empty() {
        out.push_str(&format!("{} removed. ", removed.join(", ")));
    }
    out.push_str(&chosen_words(after.len()));
    out.push('.');
    Some(out)
}

/// Who provides it and what credential to look for.
pub fn provider_words(therapy: &Therapy) -> String {
    match (therapy.provider.is_empty(), therapy.credential.is_empty()) {
        (true, _) => "You, on your own — no practitioner needed".to_string(),
        (false, true) => capitalise(therapy.provider),
        (false, false) => format!(
            "{}; look for: {}",
            capitalise(therapy.provider),
            therapy.credential
        ),
    }
}

/// What the add button does for a status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddAction {
    /// Blocked: no add button at all.
    NotOffered,
    /// Allowed: "Add" opens the consent step.
    Add,
    /// Caution: the note is shown above, the button says it was read, and it opens the consent step.
    AddWithCare,
    /// Clearance required: the consent step also says not to start before approval.
    ConfirmFirst,
}

/// The add action for a status.
pub fn add_action(status: TherapyStatus) -> AddAction {
    match status {
        TherapyStatus::Blocked => AddAction::NotOffered,
        TherapyStatus::ClearanceRequired => AddAction::ConfirmFirst,
        TherapyStatus::Caution => AddAction::AddWithCare,
        TherapyStatus::Allowed => AddAction::Add,
    }
}

/// Label of the add button for an action (the therapy's name follows for screen readers).
pub fn add_label(action: AddAction) -> &'static str {
    match action {
        AddAction::NotOffered => "Not offered",
        AddAction::Add => "Add",
        AddAction::AddWithCare => "I have read the note — add",
        AddAction::ConfirmFirst => "Add — needs your clinician's approval",
    }
}

/// The safety box heading for a status on a card.
pub fn safety_heading(status: TherapyStatus) -> &'static str {
    match status {
        TherapyStatus::Blocked => "Not offered for you, because:",
        TherapyStatus::ClearanceRequired => "Do not start until your clinician approves:",
        TherapyStatus::Caution => "Please read before adding:",
        TherapyStatus::Allowed => "No safety concerns found.",
    }
}

/// Splits the ranking into therapies and supplements, each keeping the engine's order.
pub fn split(
    ranked: &[Ranked],
    is_supplement: impl Fn(&str) -> bool,
) -> (Vec<Ranked>, Vec<Ranked>) {
    ranked
        .iter()
        .cloned()
        .partition(|r| !is_supplement(&r.therapy))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::catalog::catalog;
    use crate::clinical::intake::Practicalities;
    use crate::clinical::ranking::rank;
    use crate::clinical::screening::screen;

    fn t(id: &str) -> &'static Therapy {
        catalog().therapy(id).unwrap()
    }

    #[test]
    fn filters_hide_needles_practitioners_and_over_budget() {
        let none = Filters::default();
        assert!(passes(t("acupuncture"), none, Some(0)));
        let needles = Filters {
            no_needles: true,
            ..none
        };
        assert!(!passes(t("acupuncture"), needles, None));
        assert!(passes(t("yoga"), needles, None));
        let home = Filters {
            home_only: true,
            ..none
        };
        assert!(!passes(t("massage"), home, None));
        assert!(
            passes(t("yoga"), home, None),
            "learn in class, practise at home"
        );
        let budget = Filters {
            within_budget: true,
            ..none
        };
        assert!(!passes(t("massage"), budget, Some(50)));
        assert!(passes(t("exercise"), budget, Some(0)));
        assert!(
            passes(t("massage"), budget, None),
            "no budget given: nothing hidden"
        );
    }

    #[test]
    fn showing_text_counts_hidden_cards() {
        assert_eq!(
            showing_text(16, 16, "therapies"),
            "Showing all 16 therapies."
        );
        assert_eq!(
            showing_text(15, 16, "therapies"),
            "Showing 15 of 16 therapies; 1 is hidden by your filters."
        );
        assert!(showing_text(10, 16, "therapies").contains("6 are hidden"));
    }

    #[test]
    fn every_status_has_the_right_add_action() {
        assert_eq!(add_action(TherapyStatus::Blocked), AddAction::NotOffered);
        assert_eq!(
            add_action(TherapyStatus::ClearanceRequired),
            AddAction::ConfirmFirst
        );
        assert_eq!(add_action(TherapyStatus::Caution), AddAction::AddWithCare);
        assert_eq!(add_action(TherapyStatus::Allowed), AddAction::Add);
        assert!(add_label(AddAction::ConfirmFirst).contains("approval"));
        assert_eq!(add_label(AddAction::Add), "Add");
    }

    #[test]
    fn card_facts_read_naturally() {
        let intake = Intake {
            practicalities: Some(Practicalities {
                days: Some(vec![0, 2, 4]),
                ..Practicalities::default()
            }),
            ..Intake::default()
        };
        assert_eq!(
            time_words(t("exercise"), &intake).unwrap(),
            "About 90 minutes a week (3 sessions of 30 minutes)"
        );
        assert_eq!(
            time_words(t("physical_therapy"), &intake).unwrap(),
            "About 85 minutes a week (1 session of 45 minutes, plus 20 minutes of home practice on 2 days)"
        );
        assert_eq!(time_words(t("turmeric"), &intake), None);
        assert_eq!(
            glance_lines(t("exercise"), &intake),
            ["90 min a week", "Free"]
        );
        assert_eq!(
            glance_lines(t("massage"), &intake),
            ["60 min a week", "About 238 a month"]
        );
        assert_eq!(
            glance_lines(t("physical_therapy"), &intake),
            ["85 min a week", "About 238 a month"]
        );
        assert_eq!(
            glance_lines(t("turmeric"), &intake),
            ["Up to about 30 a month"]
        );
        assert!(provider_words(t("meditation")).contains("no practitioner"));
        assert!(provider_words(t("acupuncture")).starts_with("Licensed acupuncturist"));
    }

    #[test]
    fn sessions_and_days_are_counted_in_words() {
        assert_eq!(sessions(1), "1 session");
        assert_eq!(sessions(2), "2 sessions");
        assert_eq!(days(1), "1 day");
        assert_eq!(days(3), "3 days");
    }

    #[test]
    fn the_card_cost_is_free_an_estimate_or_a_supplement_band() {
        assert_eq!(cost_short(t("exercise")), "Free");
        assert_eq!(cost_short(t("massage")), "about 238 a month");
        assert_eq!(cost_short(t("spinal_manipulation")), "about 477 a month");
        assert_eq!(cost_short(t("turmeric")), "up to about 30 a month");
    }

    #[test]
    fn the_bar_counts_and_announces_each_change() {
        assert_eq!(chosen_words(0), "None chosen yet");
        assert_eq!(chosen_words(1), "1 chosen");
        assert_eq!(chosen_words(3), "3 chosen");
        let ids = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let name = |id: &str| catalog().therapy(id).unwrap().name.to_string();
        assert_eq!(
            choice_announcement(
                &ids(&["yoga", "cbt"]),
                &ids(&["yoga", "cbt", "acupuncture"]),
                name
            )
            .as_deref(),
            Some("Acupuncture added. 3 chosen.")
        );
        assert_eq!(
            choice_announcement(&ids(&["yoga"]), &[], name).as_deref(),
            Some("Yoga removed. None chosen yet.")
        );
        assert_eq!(
            choice_announcement(&ids(&["yoga"]), &ids(&["yoga"]), name),
            None
        );
    }

    #[test]
    fn split_keeps_the_engine_order_in_each_section() {
        let intake = Intake::default();
        let s = screen(&intake);
        let ranked = rank(catalog(), &intake, &s.therapies);
        let (therapies, supplements) = split(&ranked, |id| t(id).supplement);
        assert_eq!(therapies.len() + supplements.len(), ranked.len());
        assert!(therapies.windows(2).all(|w| w[0].position < w[1].position));
        assert!(supplements.iter().all(|r| t(&r.therapy).supplement));
    }
}

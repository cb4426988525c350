//! What the choose view shows, computed by plain functions: filters, the facts on each card, and the add action.

use crate::clinical::catalog::{CostBand, Setting, Therapy};
use crate::clinical::intake::Intake;
use crate::clinical::progress::is_iso_date;
use crate::clinical::ranking::{days_available, Ranked};
use crate::clinical::screening::Status;

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

/// Estimated monthly cost at the usual pace (supplements: per month).
pub fn usual_monthly_cost(therapy: &Therapy) -> u32 {
    let per_week = therapy.course.as_ref().map_or(0, |c| c.per_week_default);
    therapy.monthly_cost_estimate(per_week)
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

/// The cost band and an estimate at the usual pace; an estimate, never a price.
pub fn cost_words(therapy: &Therapy) -> String {
    let per = if therapy.supplement {
        "a month"
    } else {
        "a session"
    };
    let band = match therapy.cost {
        CostBand::Free => return "Free".to_string(),
        CostBand::Low => format!("Low (up to about 30 {per})"),
        CostBand::Medium => format!("Medium (about 30–80 {per})"),
        CostBand::High => format!("High (over about 80 {per})"),
    };
    if therapy.supplement {
        band
    } else {
        format!(
            "{band}; roughly {} a month at the usual pace (an estimate, not a price)",
            usual_monthly_cost(therapy)
        )
    }
}

/// Time a week at the usual pace on the person's available days, e.g. "About 90 minutes a week (3 × 30 minutes)".
pub fn time_words(therapy: &Therapy, intake: &Intake) -> Option<String> {
    let course = therapy.course.as_ref()?;
    let days = days_available(intake);
    let per_week = course.per_week_default.min(days).max(1);
    let total = course.weekly_minutes(per_week, days);
    let home_days = course.home_days(per_week, days);
    let mut parts = format!("{per_week} × {} minutes", course.session_minutes);
    if let (Some(m), true) = (course.home_minutes, home_days > 0) {
        parts.push_str(&format!(
            ", plus {home_days} × {m} minutes of home practice"
        ));
    }
    Some(format!("About {total} minutes a week ({parts})"))
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

/// Upper-cases the first letter.
fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
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
pub fn add_action(status: Status) -> AddAction {
    match status {
        Status::Blocked => AddAction::NotOffered,
        Status::ClearanceRequired => AddAction::ConfirmFirst,
        Status::Caution => AddAction::AddWithCare,
        Status::Allowed => AddAction::Add,
    }
}

/// Label of the add button for an action (the therapy's name follows for screen readers).
pub fn add_label(action: AddAction) -> &'static str {
    match action {
        AddAction::NotOffered => "Not offered",
        AddAction::Add => "Add to my plan",
        AddAction::AddWithCare => "I have read the note — add",
        AddAction::ConfirmFirst => "Add — needs your clinician's approval",
    }
}

/// The safety box heading for a status on a card.
pub fn safety_heading(status: Status) -> &'static str {
    match status {
        Status::Blocked => "Not offered for you, because:",
        Status::ClearanceRequired => "Do not start until your clinician approves:",
        Status::Caution => "Please read before adding:",
        Status::Allowed => "No safety concerns found.",
    }
}

/// Month names for [`date_words`].
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An ISO date `YYYY-MM-DD` in words, "2 March 2026"; anything else is shown as it is.
pub fn date_words(iso: &str) -> String {
    if !is_iso_date(iso) {
        return iso.to_string();
    }
    let month: usize = iso[5..7].parse().unwrap_or(1);
    let day: u8 = iso[8..10].parse().unwrap_or(1);
    format!("{day} {} {}", MONTHS[month - 1], &iso[..4])
}

/// The label of the consent checkbox.
pub const CONSENT_CHECKBOX: &str = "I have read this and will discuss it with my clinician";

/// Where a therapy stands with the consent step, for the plan and its print.
pub fn consent_words(date: Option<&str>) -> String {
    match date {
        Some(d) => format!(
            "Confirmed on {}: you read the details and will discuss it with your clinician.",
            date_words(d)
        ),
        // Short, because it is printed under every unconfirmed therapy; the way to confirm follows it on screen.
        None => "Not yet confirmed.".to_string(),
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
        assert_eq!(add_action(Status::Blocked), AddAction::NotOffered);
        assert_eq!(
            add_action(Status::ClearanceRequired),
            AddAction::ConfirmFirst
        );
        assert_eq!(add_action(Status::Caution), AddAction::AddWithCare);
        assert_eq!(add_action(Status::Allowed), AddAction::Add);
        assert!(add_label(AddAction::ConfirmFirst).contains("approval"));
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
            "About 90 minutes a week (3 × 30 minutes)"
        );
        let pt = time_words(t("physical_therapy"), &intake).unwrap();
        assert!(pt.contains("home practice"), "{pt}");
        assert_eq!(time_words(t("turmeric"), &intake), None);
        assert_eq!(cost_words(t("exercise")), "Free");
        assert!(cost_words(t("massage")).contains("not a price"));
        assert_eq!(cost_words(t("turmeric")), "Low (up to about 30 a month)");
        assert!(provider_words(t("meditation")).contains("no practitioner"));
        assert!(provider_words(t("acupuncture")).starts_with("Licensed acupuncturist"));
    }

    #[test]
    fn consent_dates_read_as_words() {
        assert_eq!(date_words("2026-03-02"), "2 March 2026");
        assert_eq!(date_words("2025-12-31"), "31 December 2025");
        assert_eq!(date_words("soon"), "soon");
        assert_eq!(
            consent_words(Some("2026-01-15")),
            "Confirmed on 15 January 2026: you read the details and will discuss it with your clinician."
        );
        assert_eq!(consent_words(None), "Not yet confirmed.");
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

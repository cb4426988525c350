//! What the consent step says, as plain functions tested natively: the cost in words, the checkbox label and the
//! line that records when a therapy was confirmed. The choose cards and the plan show the same words.

use crate::clinical::catalog::{CostBand, Therapy};
use crate::clinical::progress::is_iso_date;

/// Estimated monthly cost at the usual pace (supplements: per month).
pub fn usual_monthly_cost(therapy: &Therapy) -> u32 {
    let per_week = therapy.course.as_ref().map_or(0, |c| c.per_week_default);
    therapy.monthly_cost_estimate(per_week)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::catalog::catalog;

    fn t(id: &str) -> &'static Therapy {
        catalog().therapy(id).unwrap()
    }

    #[test]
    fn cost_reads_as_an_estimate() {
        assert_eq!(cost_words(t("exercise")), "Free");
        assert!(cost_words(t("massage")).contains("not a price"));
        assert_eq!(cost_words(t("turmeric")), "Low (up to about 30 a month)");
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
}

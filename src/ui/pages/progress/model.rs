//! What the progress view shows, as plain functions tested natively: one row per check-in in time order, the points
//! of each chart, the sleep summary and the lines of a meaningful change (the PEG and pain summaries are in
//! `clinical::review::summary`, shared with the review points).

use crate::clinical::progress::CheckIn;
use crate::ui::pages::check_in::model::day_number;

/// One check-in as the tables show it, with its place on the charts' time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Position in the saved list (from 0), for the link to the check-in.
    pub index: usize,
    /// ISO date.
    pub date: String,
    /// Plan week as saved.
    pub week: u16,
    /// Weeks since the first check-in, from 1 (a check-in 10 days after the first is at 2.43).
    pub at: f64,
    /// PEG mean, when all three items were answered.
    pub peg: Option<f64>,
    /// PEG's pain item.
    pub pain: Option<u8>,
    /// Sleep quality, 0 (best) to 10 (worst).
    pub sleep: Option<u8>,
}

/// Every check-in in time order (date, then week, then the order saved).
pub fn rows(checkins: &[CheckIn]) -> Vec<Row> {
    let first = checkins.iter().filter_map(|c| day_number(&c.date)).min();
    let mut rows: Vec<Row> = checkins
        .iter()
        .enumerate()
        .map(|(index, c)| Row {
            index,
            date: c.date.clone(),
            week: c.week,
            at: match (first, day_number(&c.date)) {
                (Some(f), Some(d)) => (d - f) as f64 / 7.0 + 1.0,
                _ => f64::from(c.week),
            },
            peg: c.peg_mean(),
            pain: c.peg.pain,
            sleep: c.sleep,
        })
        .collect();
    rows.sort_by(|a, b| (&a.date, a.week, a.index).cmp(&(&b.date, b.week, b.index)));
    rows
}

/// The points (time, value) of one measure, skipping check-ins that lack it.
pub fn points(rows: &[Row], value: impl Fn(&Row) -> Option<f64>) -> Vec<(f64, f64)> {
    rows.iter()
        .filter_map(|r| Some((r.at, value(r)?)))
        .collect()
}

/// The sleep chart's summary: first and latest rating (0 is the best sleep), with no judgement.
pub fn sleep_summary(rows: &[Row]) -> String {
    let rated: Vec<u8> = rows.iter().filter_map(|r| r.sleep).collect();
    match (rated.first(), rated.last()) {
        (Some(first), Some(last)) if rated.len() > 1 => format!(
            "Your sleep rating went from {first} in your first check-in to {last} in your latest (0 is the best \
             possible sleep, 10 the worst)."
        ),
        (Some(only), _) => format!(
            "You rated your sleep {only} out of 10 in your one check-in so far (0 is the best possible sleep)."
        ),
        _ => "You have not rated your sleep in a check-in yet.".to_string(),
    }
}

/// The value below which a PEG counts as a meaningful improvement on `from`: 1 point or 30 %, whichever is reached
/// first.
pub fn peg_meaningful_line(from: f64) -> f64 {
    use crate::clinical::progress::{PEG_MEANINGFUL_POINTS, RESPONDER_PERCENT};
    (from - PEG_MEANINGFUL_POINTS).max(from * (1.0 - RESPONDER_PERCENT / 100.0))
}

/// The value below which a pain rating counts as a real improvement on `from`: 2 points or 30 %, whichever is
/// reached first.
pub fn pain_responder_line(from: f64) -> f64 {
    use crate::clinical::progress::{PAIN_RESPONDER_POINTS, RESPONDER_PERCENT};
    (from - PAIN_RESPONDER_POINTS).max(from * (1.0 - RESPONDER_PERCENT / 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_in(date: &str, week: u16, peg: [u8; 3], sleep: Option<u8>) -> CheckIn {
        CheckIn {
            sleep,
            ..CheckIn::with_peg(date, week, peg)
        }
    }

    #[test]
    fn rows_are_in_date_order_with_weeks_counted_from_the_first_check_in() {
        let list = vec![
            check_in("2026-03-15", 3, [5, 5, 5], Some(4)),
            check_in("2026-03-01", 1, [7, 6, 8], Some(6)),
            check_in("2026-03-11", 2, [6, 6, 6], None),
        ];
        let r = rows(&list);
        assert_eq!(r.iter().map(|r| r.index).collect::<Vec<_>>(), vec![1, 2, 0]);
        assert_eq!(r[0].at, 1.0);
        assert!((r[1].at - 2.428_571).abs() < 1e-5, "{}", r[1].at);
        assert_eq!(r[2].at, 3.0);
        assert_eq!(r[0].peg, Some(7.0));
        assert_eq!(
            points(&r, |r| r.sleep.map(f64::from)),
            vec![(1.0, 6.0), (3.0, 4.0)]
        );
    }

    #[test]
    fn one_sleep_rating_or_none_is_said_plainly() {
        let one = vec![check_in("2026-03-01", 1, [5, 5, 5], Some(3))];
        assert_eq!(
            sleep_summary(&rows(&one)),
            "You rated your sleep 3 out of 10 in your one check-in so far (0 is the best possible sleep)."
        );
        assert_eq!(
            sleep_summary(&[]),
            "You have not rated your sleep in a check-in yet."
        );
    }

    #[test]
    fn the_lines_are_the_nearer_of_the_points_and_the_percent_rule() {
        // PEG from 6: 1 point → 5, 30 % → 4.2: 5 is reached first. From 2: 30 % → 1.4 comes before 1 point → 1.
        assert_eq!(peg_meaningful_line(6.0), 5.0);
        assert!((peg_meaningful_line(2.0) - 1.4).abs() < 1e-9);
        // Pain from 8: 2 points → 6, 30 % → 5.6. From 5: 30 % → 3.5 comes before 2 points → 3.
        assert_eq!(pain_responder_line(8.0), 6.0);
        assert!((pain_responder_line(5.0) - 3.5).abs() < 1e-9);
    }
}

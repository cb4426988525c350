//! Calendar dates as day numbers: reading and writing ISO `YYYY-MM-DD` and the weekday of a day, with no clock and
//! no time zone.
//!
//! Days are counted from 1970-01-01 (day 0) in the proleptic Gregorian calendar, so the days between two dates are
//! a subtraction and "the same weekday next week" is `+ 7`. The plan's week numbers, the check-in weeks and the
//! calendar export all work on these numbers; this is the one place that turns them into dates and back.

/// Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (proleptic Gregorian), `None` if it is not a real date.
pub fn day_number(iso: &str) -> Option<i64> {
    let b = iso.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |r: std::ops::Range<usize>| -> Option<i64> {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| iso[r].parse().ok())
            .flatten()
    };
    let (y, m, d) = (number(0..4)?, number(5..7)?, number(8..10)?);
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    // Counting years from March puts the leap day last, so each month's start is a fixed formula.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// The ISO date `YYYY-MM-DD` of a day number (the inverse of [`day_number`]).
pub fn iso_date(day: i64) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The weekday of a day number, 0 = Monday … 6 = Sunday (the plan's convention).
pub fn weekday(day: i64) -> u8 {
    // Day 0, 1970-01-01, was a Thursday (3).
    (day + 3).rem_euclid(7) as u8
}

/// Year, month (1–12) and day of the month of a day number.
pub fn civil(day: i64) -> (i64, i64, i64) {
    // The same March-based years as `day_number`, run backwards: era, then year of era, then day of year.
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let d = day_of_year - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = year_of_era + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Days in month `m` (1–12) of year `y`.
fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_follow_the_calendar() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2026-03-02"), Some(20_514));
        assert_eq!(day_number("2026-12-07"), Some(20_794));
        assert_eq!(day_number("1969-12-31"), Some(-1));
        // 2024 is a leap year: 29 February exists and March follows it.
        assert_eq!(day_number("2024-02-29"), Some(19_782));
        assert_eq!(
            day_number("2024-03-01")
                .zip(day_number("2024-02-28"))
                .map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(
            day_number("2000-02-29"),
            Some(11_016),
            "2000 was a leap year"
        );
        assert_eq!(day_number("2026-13-01"), None);
        assert_eq!(day_number("soon"), None);
    }

    #[test]
    fn days_that_do_not_exist_are_refused() {
        assert_eq!(day_number("2025-02-29"), None, "2025 is not a leap year");
        assert_eq!(day_number("1900-02-29"), None, "1900 was not a leap year");
        assert_eq!(day_number("2026-04-31"), None);
        assert_eq!(day_number("2026-01-32"), None);
        assert_eq!(day_number("2026-01-00"), None);
        assert_eq!(day_number("2026-00-10"), None);
        assert_eq!(day_number("2026-1-10"), None);
        assert_eq!(day_number("2026-01-1x"), None);
        assert_eq!(day_number("+026-01-10"), None);
        assert_eq!(day_number("2026-01-10 "), None);
    }

    #[test]
    fn iso_dates_are_written_back() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(-1), "1969-12-31");
        assert_eq!(iso_date(20_514), "2026-03-02");
        assert_eq!(iso_date(20_794), "2026-12-07");
        assert_eq!(iso_date(19_782), "2024-02-29");
        assert_eq!(iso_date(19_783), "2024-03-01");
        assert_eq!(iso_date(11_016), "2000-02-29");
        assert_eq!(iso_date(20_818), "2026-12-31");
        assert_eq!(iso_date(20_819), "2027-01-01");
        assert_eq!(civil(20_794), (2026, 12, 7));
    }

    #[test]
    fn every_day_of_four_centuries_round_trips() {
        // 1900-01-01 to 2299-12-31: both directions agree on every day, across every kind of leap year.
        let first = day_number("1900-01-01").unwrap();
        let last = day_number("2299-12-31").unwrap();
        assert_eq!(last - first + 1, 146_097, "400 Gregorian years");
        for day in first..=last {
            assert_eq!(day_number(&iso_date(day)), Some(day));
        }
    }

    #[test]
    fn weekdays_start_on_monday() {
        let on = |iso| weekday(day_number(iso).unwrap());
        assert_eq!(on("2026-12-07"), 0, "a Monday");
        assert_eq!(on("2026-12-09"), 2, "a Wednesday");
        assert_eq!(on("2026-12-13"), 6, "a Sunday");
        assert_eq!(on("1970-01-01"), 3, "a Thursday");
        assert_eq!(on("1969-12-28"), 6, "a Sunday, before day 0");
        assert_eq!(on("2024-02-29"), 3, "a Thursday");
    }
}

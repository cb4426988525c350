//! The calendar export (iCalendar, RFC 5545): the plan's sessions, home practice and review points as a `.ics` file
//! a person imports into their own calendar app.
//!
//! Each therapy becomes one weekly series per kind (sessions, home practice) with a reminder, and each review point
//! an all-day event on the day after its plan week ends. Times are floating (no time zone): "8 in the morning" stays
//! 8 in the morning wherever the phone is, which is what a person means by it. UIDs depend only on what an event
//! *is* (therapy and kind, or review week), never on dates or times, so importing a new export after changing the
//! start date updates the events already there instead of adding a second copy.
//!
//! Written by hand rather than with the `icalendar` crate: that crate brings `chrono` (and more) for what is about
//! 150 lines of text output over dates the plan already counts as day numbers ([`crate::clinical::dates`]), and
//! every byte of it would land in a wasm chunk. What a library would guarantee is held by tests instead: the native
//! ones here pin the text (escaping, folding, CRLF, dates, counts), and `e2e/ics.mjs` reads the file with a real
//! parser (ical.js) and expands every series.

use crate::clinical::catalog::catalog;
use crate::clinical::dates::{civil, day_number, weekday};
use crate::clinical::plan::{EntryKind, Plan, PlanItem, Review};

#[cfg(test)]
mod tests;

/// What the person picks for their calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarOptions {
    /// The first day of plan week 1, ISO `YYYY-MM-DD`.
    pub start: String,
    /// Local time of day the sessions start, (hour, minute); floating (no time zone), default (8, 0) — morning.
    pub time: (u8, u8),
    /// Minutes before each session the reminder goes off; default 30.
    pub remind_minutes: u16,
    /// The export's own time (UTC, `YYYYMMDDTHHMMSSZ`) for DTSTAMP.
    pub stamp: String,
}

impl Default for CalendarOptions {
    fn default() -> Self {
        CalendarOptions {
            start: String::new(),
            time: (8, 0),
            remind_minutes: 30,
            stamp: String::new(),
        }
    }
}

/// The RFC 5545 weekday codes, 0 = Monday (the plan's convention).
const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
/// The first part of every UID: the events of this export, whichever device made them.
const UID_PREFIX: &str = "mosaic-plan";
/// Octets a content line may hold before it is folded (RFC 5545 §3.1), not counting its CRLF.
const LINE_OCTETS: usize = 75;

/// The plan as an iCalendar file (CRLF lines); with no readable `options.start` it holds no events.
pub fn calendar(plan: &Plan, options: &CalendarOptions) -> String {
    let mut ics = Ics::default();
    ics.line("BEGIN:VCALENDAR");
    ics.line("VERSION:2.0");
    ics.line("PRODID:-//Mosaic//Care plan//EN");
    ics.line("CALSCALE:GREGORIAN");
    ics.text("X-WR-CALNAME", "My Mosaic plan");
    // Without a start date there is no day to put anything on; the view asks for one before it offers the file.
    if let Some(start) = day_number(&options.start) {
        let stamp = if is_stamp(&options.stamp) {
            options.stamp.clone()
        } else {
            // A malformed stamp must not make the whole file unreadable; DTSTAMP only orders revisions.
            utc_stamp(0)
        };
        let ctx = Context {
            start,
            time: (options.time.0.min(23), options.time.1.min(59)),
            remind_minutes: options.remind_minutes,
            stamp,
        };
        for item in &plan.items {
            let name = catalog()
                .therapy(&item.therapy)
                .map_or(item.therapy.as_str(), |t| t.name);
            series(&mut ics, &ctx, item, name, Series::Sessions);
            series(&mut ics, &ctx, item, name, Series::HomePractice);
        }
        for review in &plan.reviews {
            review_event(&mut ics, &ctx, review);
        }
    }
    ics.line("END:VCALENDAR");
    ics.out
}

/// A UTC time as an iCalendar stamp `YYYYMMDDTHHMMSSZ`, from seconds since 1970-01-01T00:00:00Z.
pub fn utc_stamp(unix_seconds: i64) -> String {
    let (day, second) = (
        unix_seconds.div_euclid(86_400),
        unix_seconds.rem_euclid(86_400),
    );
    format!(
        "{}T{:02}{:02}{:02}Z",
        date_value(day),
        second / 3_600,
        second / 60 % 60,
        second % 60
    )
}

/// The parts of the options every event uses, read once.
struct Context {
    /// Day number of the first day of plan week 1.
    start: i64,
    /// Hour and minute, within a day.
    time: (u8, u8),
    remind_minutes: u16,
    stamp: String,
}

/// Which of an item's two weekly series.
#[derive(Clone, Copy)]
enum Series {
    /// Its `days`: appointments and classes, or the practice itself for a self-guided therapy.
    Sessions,
    /// Its `home_days`: practice between sessions.
    HomePractice,
}

/// Writes one weekly series of `item`, or nothing when that series has no days.
fn series(ics: &mut Ics, ctx: &Context, item: &PlanItem, name: &str, which: Series) {
    let (days, minutes, uid_kind, kind) = match which {
        Series::Sessions => (
            &item.days,
            item.session_minutes,
            "sessions",
            item.session_kind,
        ),
        Series::HomePractice => (
            &item.home_days,
            item.home_minutes,
            "home-practice",
            EntryKind::HomePractice,
        ),
    };
    // Sorted and de-duplicated so that COUNT (days × weeks) counts distinct weekdays.
    let mut days: Vec<u8> = days.iter().copied().filter(|d| *d <= 6).collect();
    days.sort_unstable();
    days.dedup();
    if days.is_empty() || item.start_week == 0 || item.end_week < item.start_week {
        return;
    }
    let weeks = u32::from(item.end_week - item.start_week) + 1;
    // Plan week w runs from start + 7(w − 1) for seven days, whatever weekday `start` is.
    let first_day = ctx.start + 7 * (i64::from(item.start_week) - 1);
    let Some(first) = (first_day..first_day + 7).find(|d| days.contains(&weekday(*d))) else {
        return;
    };
    // COUNT = days × weeks counts exactly the occurrences inside weeks start_week..=end_week: the plan's weeks are
    // consecutive 7-day windows from `first_day`, and any 7 consecutive days hold each weekday once, so those
    // windows hold days × weeks matching days, and they are the first days × weeks matching days on or after
    // `first_day`. The series begins at `first`, the earliest of them (DTSTART is itself a BYDAY day, as RFC 5545
    // wants), and a weekly rule yields every matching day from DTSTART on, however the plan's weeks sit against the
    // calendar's Monday-to-Sunday weeks (WKST does not matter with INTERVAL 1).
    let count = days.len() as u32 * weeks;
    let summary = match kind {
        EntryKind::Session => format!("{name} — session"),
        EntryKind::HomePractice => format!("{name} — home practice"),
    };
    let mut description = match which {
        Series::Sessions => item.course.clone(),
        Series::HomePractice => format!(
            "{} minutes of home practice for {name}.\n\n{}",
            item.home_minutes, item.course
        ),
    };
    // The note says, among other things, "do not start until your clinician approves": it must travel with the dates.
    if let Some(note) = &item.note {
        description.push_str("\n\n");
        description.push_str(note);
    }
    description.push_str(&format!(
        "\n\nFrom your Mosaic plan, weeks {} to {}.",
        item.start_week, item.end_week
    ));
    let by_day: Vec<&str> = days.iter().map(|d| BYDAY[usize::from(*d)]).collect();
    let begin = u32::from(ctx.time.0) * 60 + u32::from(ctx.time.1);
    let end = begin + u32::from(minutes);

    ics.line("BEGIN:VEVENT");
    ics.line(&format!("UID:{UID_PREFIX}.{}.{uid_kind}", item.therapy));
    ics.line(&format!("DTSTAMP:{}", ctx.stamp));
    ics.line(&format!("DTSTART:{}", date_time(first, begin)));
    ics.line(&format!("DTEND:{}", date_time(first, end)));
    ics.line(&format!(
        "RRULE:FREQ=WEEKLY;BYDAY={};COUNT={count}",
        by_day.join(",")
    ));
    ics.text("SUMMARY", &summary);
    ics.text("DESCRIPTION", &description);
    ics.line("BEGIN:VALARM");
    ics.line("ACTION:DISPLAY");
    ics.text("DESCRIPTION", &summary);
    ics.line(&format!("TRIGGER:-PT{}M", ctx.remind_minutes));
    ics.line("END:VALARM");
    ics.line("END:VEVENT");
}

/// Writes a review point as an all-day event on the first day of the plan week after it.
fn review_event(ics: &mut Ics, ctx: &Context, review: &Review) {
    // Week w ends on start + 7w − 1, so the review falls on start + 7w: the day its last week is complete.
    let day = ctx.start + 7 * i64::from(review.week);
    let mut description = format!(
        "Week {} of your plan is done: time to look back. Check:",
        review.week
    );
    for check in &review.checks {
        description.push_str("\n- ");
        description.push_str(check);
    }
    description.push_str("\n\nFrom your Mosaic plan.");

    ics.line("BEGIN:VEVENT");
    ics.line(&format!("UID:{UID_PREFIX}.review.week-{}", review.week));
    ics.line(&format!("DTSTAMP:{}", ctx.stamp));
    ics.line(&format!("DTSTART;VALUE=DATE:{}", date_value(day)));
    // DTEND of an all-day event is exclusive: the next day makes it one day long.
    ics.line(&format!("DTEND;VALUE=DATE:{}", date_value(day + 1)));
    ics.text("SUMMARY", &format!("Plan review: week {}", review.week));
    ics.text("DESCRIPTION", &description);
    // A reminder to look back, not an appointment: it must not mark the whole day as busy.
    ics.line("TRANSP:TRANSPARENT");
    ics.line("END:VEVENT");
}

/// `YYYYMMDD` of a day number.
fn date_value(day: i64) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}{m:02}{d:02}")
}

/// A floating local date-time `YYYYMMDDTHHMMSS`, `minutes` after the start of `day` (past midnight rolls over).
fn date_time(day: i64, minutes: u32) -> String {
    let day = day + i64::from(minutes / 1_440);
    let minutes = minutes % 1_440;
    format!(
        "{}T{:02}{:02}00",
        date_value(day),
        minutes / 60,
        minutes % 60
    )
}

/// Whether `s` has the shape of a UTC stamp, `YYYYMMDDTHHMMSSZ`.
fn is_stamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 16
        && b[8] == b'T'
        && b[15] == b'Z'
        && b[..8].iter().chain(&b[9..15]).all(u8::is_ascii_digit)
}

/// A TEXT value with `\`, `;`, `,` and line breaks escaped (RFC 5545 §3.3.11), other control characters dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                // CRLF is one line break, and a lone CR is one too.
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            // TEXT allows no control character but tab; a stray one would make some readers refuse the file.
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The file being written, one content line at a time.
#[derive(Default)]
struct Ics {
    out: String,
}

impl Ics {
    /// Adds a content line, folded.
    fn line(&mut self, line: &str) {
        fold(line, &mut self.out);
    }

    /// Adds a property with a TEXT value.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape(value)));
    }
}

/// Appends `line` folded at [`LINE_OCTETS`] octets (each continuation starts with a space, which counts), never
/// inside a UTF-8 character, each physical line ending in CRLF.
fn fold(line: &str, out: &mut String) {
    let mut rest = line;
    let mut room = LINE_OCTETS;
    while rest.len() > room {
        // A character is at most 4 octets, so the cut is never at 0.
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

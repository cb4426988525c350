// Reads a calendar file (.ics, RFC 5545) the way a calendar app would, with ical.js, so tests check what a person's
// calendar will show rather than the text Mosaic wrote: every event, whether it is all-day, and every date a
// weekly series expands to.
import ICAL from 'ical.js';

/** Occurrences expanded per event at most: Mosaic's longest series is a daily practice over 12 weeks (84), so
 *  reaching this means a series with no end, and the reader stops instead of looping for ever. */
export const MAX_OCCURRENCES = 500;

/**
 * Parses `text` and returns `{ events: [{ uid, summary, allDay, start, occurrences, alarms }] }` in file order:
 * `start` and each occurrence as ISO strings (`2026-12-10T08:00:00` for a floating time, `2027-01-06` for a day),
 * `occurrences` the recurrence rule expanded (one entry for a single event), `alarms` the number of VALARMs.
 * Throws on anything that is not one readable VCALENDAR, and on an event without the UID or DTSTAMP RFC 5545
 * requires.
 */
export function readCalendar(text) {
  // ical.js throws its ParserError on a malformed line; this adds what it lets through.
  const parsed = ICAL.parse(text);
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') {
    // One component parses to ['vcalendar', properties, components]; none or several to a list of them.
    const found = Array.isArray(parsed) ? parsed.length : 0;
    throw new Error(`readCalendar: expected exactly one VCALENDAR, found ${found} components`);
  }
  const calendar = new ICAL.Component(parsed);
  if (calendar.name !== 'vcalendar') {
    throw new Error(`readCalendar: expected a VCALENDAR, found ${calendar.name.toUpperCase()}`);
  }
  for (const required of ['version', 'prodid']) {
    if (!calendar.hasProperty(required)) {
      throw new Error(`readCalendar: the VCALENDAR has no ${required.toUpperCase()}`);
    }
  }
  const events = calendar.getAllSubcomponents('vevent').map((vevent, index) => {
    for (const required of ['uid', 'dtstamp', 'dtstart']) {
      if (!vevent.hasProperty(required)) {
        throw new Error(`readCalendar: event ${index + 1} has no ${required.toUpperCase()}`);
      }
    }
    const event = new ICAL.Event(vevent);
    const occurrences = [];
    // The iterator yields the start itself for a single event, and every date of the rule for a series.
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (occurrences.length === MAX_OCCURRENCES) break;
      occurrences.push(next.toString());
    }
    return {
      uid: event.uid,
      summary: event.summary,
      allDay: event.startDate.isDate,
      start: event.startDate.toString(),
      occurrences,
      alarms: vevent.getAllSubcomponents('valarm').length,
    };
  });
  return { events };
}

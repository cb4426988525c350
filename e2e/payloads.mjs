// What the inert-text tests (reliability promise 14) put where a person's own words go: markup and script payloads,
// plain words of the same count to compare with, a planned document holding either, and what a page holds that
// could run or load something.
import { readFileSync } from 'node:fs';

const s01 = JSON.parse(readFileSync(new URL('../tests/scenarios/s01.json', import.meta.url), 'utf8'));

/** Markup and script payloads, each of which would run or load something if handed to the HTML parser. */
export const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '</script><script>alert(1)</script>',
  '\u202Eevil.exe',
];
/** Plain words, as many as the payloads. */
export const PLAIN = ['walking', 'gardening', 'sleep', 'sore knee', 'busy week'];

/** A planned document whose free texts are `words[0..]` (payloads, or plain words of the same count). */
export function documentWith(words) {
  const [a, b, c, d, e] = words;
  return {
    intake: { ...s01.intake, values: { what_matters: a, goals: [b, c] } },
    selected: ['yoga', 'exercise'],
    checkins: [{
      date: '2026-03-02', week: 1, peg: { pain: 6, enjoyment: 6, activity: 6 }, sessions: { yoga: 1 },
      effects: { yoga: { level: 'medical_care', text: d } }, note: e, red_flags: [],
    }],
    settings: { crisis_line: a },
    flare: { signs: a, helps_from_plan: ['yoga'], helps: b, reduce: c, contacts: d },
  };
}

/** How many elements of each kind that could run or load something the page holds. */
export const risky = (page) =>
  page.evaluate(() => Object.fromEntries(['script', 'img', 'svg', 'iframe', '[onerror]', '[onload]'].map((s) => [s, document.querySelectorAll(s).length])));

// Acceptance test 24, WCAG 1.4.4 (resize text) and 1.4.10 (reflow): at 200 % browser zoom in a 1280×800 window no
// content is lost. Every main view, filled with a realistic planned document (answers, goals, three therapies, four
// weekly check-ins, a flare plan, a crisis line), is checked for: no sideways scrolling of the page (and no element
// sticking out past the right edge, except inside a sideways scroller that holds a table or chart and itself fits),
// no text clipped by a box with hidden overflow, and zero axe-core violations. With every disclosure opened, the
// layout is checked again. The "Not saved" banner of a full storage and the backup restore preview and refusal are
// run through axe-core too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, openWithState, axe, THROTTLE, backupFile } from './harness.mjs';

const env = useApp('/');
const s01 = JSON.parse(readFileSync(new URL('../tests/scenarios/s01.json', import.meta.url), 'utf8'));

// Browser zoom scales the CSS pixel: at 200 % one CSS px is two device pixels, so a 1280×800 window lays the page
// out in a 640×400 CSS px viewport with devicePixelRatio 2. That is exactly what this emulates.
const ZOOM_200 = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };
// Noon on Monday 30 March 2026 (the same in Node and Chromium): the week-4 review point of the check-ins below.
const NOW = new Date(2026, 2, 30, 12, 0, 0);
const atNoon = (c) => c.clock.setFixedTime(NOW);

const week = (date, n, [pain, enjoyment, activity], sleep, sessions, extra = {}) => ({
  date, week: n, peg: { pain, enjoyment, activity }, sleep, sessions, effects: {}, red_flags: [], ...extra,
});
/** A person four weeks into a plan, with their own words wherever the app keeps them. */
const PLANNED = {
  intake: {
    ...s01.intake,
    values: {
      what_matters: 'Playing with my grandchildren, and getting back to my allotment on Saturday mornings with my neighbour.',
      goals: ['Walk to the shops and back without stopping', 'Sleep through the night at least four nights a week', 'Garden for an hour'],
    },
    practicalities: { minutes_per_week: 240, budget_per_month: 120, days: [0, 2, 4, 5] },
  },
  selected: ['exercise', 'yoga', 'mindfulness'],
  checkins: [
    week('2026-03-02', 1, [7, 6, 7], 6, { exercise: 2, yoga: 1 }, { note: 'A busy week at work; the stretches helped most in the evening.' }),
    week('2026-03-09', 2, [7, 7, 6], 6, { exercise: 1, yoga: 1 }),
    week('2026-03-16', 3, [6, 5, 6], 5, { exercise: 2, yoga: 0, mindfulness: 1 }),
    week('2026-03-23', 4, [5, 4, 5], 4, { exercise: 2, yoga: 1, mindfulness: 1 }, {
      effects: { exercise: { level: 'mild', text: 'Sore calves for a day after the longer walk.' } },
      note: 'Slept badly on Tuesday and Wednesday, better by the weekend.',
    }),
  ],
  flare: {
    signs: 'Sleeping badly two nights running, or doing too much in the garden on a good day.',
    helps_from_plan: ['yoga', 'mindfulness'],
    helps: 'A hot water bottle, a short slow walk, and the breathing exercise from the app.',
    reduce: 'Shorter sessions for three days, no heavy digging, then build back up slowly.',
    contacts: 'Dr Amelia Okonkwo, Riverside Practice, 020 7946 0018; my daughter Priya, 07700 900123.',
  },
  settings: { crisis_line: 'Samaritans 116 123 (free, day or night)' },
};

const STEP_TITLES = [
  ['pain', 'Your pain'], ['safety', 'Safety questions'], ['health', 'Your health'], ['medicines', 'Medicines'],
  ['mood', 'Mood'], ['start-back', 'Back pain impact'], ['activity', 'Activity'], ['values', 'What matters'],
  ['practical', 'Practicalities'],
];
// Every main view, by its address and its heading.
const VIEWS = [
  ['#/', 'Build a care plan for your chronic pain'],
  ...STEP_TITLES.map(([slug, title]) => [`#/intake/${slug}`, title]),
  ['#/review', 'Review your answers'],
  ['#/screening', 'Your safety check'],
  ['#/choose', 'Choose therapies'],
  ['#/plan', 'Your 12-week plan'],
  ['#/plan-review', 'Review your plan now'],
  ['#/plan-review/4', 'Week 4 review'],
  ['#/check-in/4', 'Check-in 4 (week 4)'],
  ['#/check-in', 'Weekly check-in'],
  ['#/progress', 'Your progress'],
  ['#/flare', 'My flare plan'],
  ['#/settings', 'Settings'],
  ['#/safety-rules', 'How Mosaic checks safety'],
  ['#/share', 'Share with your clinician'],
];

/**
 * What the page loses at this width, as sentences (empty when nothing is lost): the page scrolls sideways; an element
 * sticks out past the right edge (outside any sideways scroller); a sideways scroller that does not fit, or that
 * scrolls but holds no table or chart; a box with hidden overflow whose text is wider (or taller) than the box.
 */
const layoutProblems = (page) => page.evaluate(() => {
  const vw = window.innerWidth;
  const problems = [];
  const name = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.documentElement && parts.length < 4; e = e.parentElement) {
      let s = e.tagName.toLowerCase();
      if (e.id) { parts.unshift(`${s}#${e.id}`); break; }
      const cls = [...e.classList].slice(0, 3).join('.');
      if (cls) s += `.${cls}`;
      const same = e.parentElement ? [...e.parentElement.children].filter((c) => c.tagName === e.tagName) : [];
      if (same.length > 1) s += `:nth-of-type(${same.indexOf(e) + 1})`;
      parts.unshift(s);
    }
    return parts.join(' > ');
  };
  const text = (el) => (el.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  const shown = (el) => {
    if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1; // not a visually-hidden (1 px) label for screen readers
  };
  const scrolls = (cs) => cs.overflowX === 'auto' || cs.overflowX === 'scroll';
  const control = (el) => el.matches('input, textarea, select, option');
  // Inside a sideways scroller, the scroller is what must fit.
  const inScroller = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (scrolls(getComputedStyle(a))) return true;
    }
    return false;
  };
  const doc = document.documentElement;
  if (doc.scrollWidth > vw) problems.push(`the page scrolls sideways: scrollWidth ${doc.scrollWidth} > innerWidth ${vw}`);
  // Text that runs out of its box (a long word, say) sticks out even when the box itself fits.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const el = t.parentElement;
    if (!t.data.trim() || !el || control(el) || !shown(el) || inScroller(t)) continue;
    range.selectNodeContents(t);
    const right = Math.max(...[...range.getClientRects()].map((r) => r.right));
    if (right > vw + 1) problems.push(`text "${t.data.trim().slice(0, 40)}" in ${name(el)} reaches ${Math.round(right)} px, past the ${vw} px viewport`);
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (!shown(el)) continue;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (!inScroller(el) && r.right > vw + 1) {
      problems.push(`${name(el)} ("${text(el)}") reaches ${Math.round(r.right)} px, past the ${vw} px viewport`);
    }
    if (scrolls(cs) && !control(el) && el.scrollWidth > el.clientWidth + 1 && !el.querySelector('table, svg, canvas')) {
      problems.push(`${name(el)} ("${text(el)}") scrolls sideways (${el.scrollWidth} in ${el.clientWidth} px) but holds no table or chart`);
    }
    const hides = (v) => v === 'hidden' || v === 'clip';
    if ((hides(cs.overflowX) || hides(cs.overflowY)) && !control(el) && text(el) && cs.clip === 'auto' && cs.clipPath === 'none') {
      if (hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${name(el)} ("${text(el)}") clips its text: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
      }
      if (hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1) {
        problems.push(`${name(el)} ("${text(el)}") clips its text: scrollHeight ${el.scrollHeight} > clientHeight ${el.clientHeight}`);
      }
    }
  }
  return problems;
});

/** Goes to `hash` in the page (as a link in the app would) and waits for the view's heading. */
async function visit(page, hash, heading) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  // The view is drawn once its heading is; the first paint after it settles any layout still pending.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

test('200 % zoom (640×400 CSS px at 2×): every main view fits, clips no text, and has no axe-core violations', async () => {
  const { context, page, errors } = await openWithState(env, PLANNED, '#/', ZOOM_200, atNoon);
  try {
    assert.deepEqual(await page.evaluate(() => [innerWidth, innerHeight, devicePixelRatio]), [640, 400, 2], 'the 200 % zoom viewport');
    const found = {};
    for (const [hash, heading] of VIEWS) {
      await visit(page, hash, heading);
      const problems = await layoutProblems(page);
      const violations = await axe(page);
      // Every disclosure open: what it holds must fit too.
      const opened = await page.evaluate(() => {
        const closed = [...document.querySelectorAll('#main details:not([open])')];
        for (const d of closed) d.open = true;
        return closed.length;
      });
      const openProblems = opened ? (await layoutProblems(page)).map((p) => `with ${opened} disclosures open: ${p}`) : [];
      const all = [...problems, ...openProblems, ...violations.map((v) => `axe: ${v}`)];
      if (all.length) found[hash] = all;
    }
    assert.deepEqual(found, {}, 'no view loses content at 200 % zoom or has an axe-core violation');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the "Not saved" banner of a full storage has no axe-core violations, at 1280 px and at 200 % zoom', async () => {
  for (const options of [{ viewport: { width: 1280, height: 800 } }, ZOOM_200]) {
    // Storage fills once the page sets window.__full: every write of the document then throws QuotaExceededError.
    const full = (c) => c.addInitScript(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === 'mosaic/doc' && window.__full) throw new DOMException('full', 'QuotaExceededError');
        return original.call(this, k, v);
      };
    });
    const { context, page } = await openWithState(env, PLANNED, '#/settings', options, full);
    try {
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await page.evaluate(() => { window.__full = true; });
      await page.getByLabel(/crisis line to show/i).fill('Samaritans 116 123, or my GP surgery');
      await page.locator('[data-save-status="problem"]').waitFor({ timeout: 2000 * THROTTLE });
      const banner = page.getByRole('alert').filter({ hasText: 'Not saved' });
      await banner.waitFor();
      assert.match(await banner.innerText(), /Your answers are still here on this page/);
      assert.deepEqual(await axe(page), [], `${options.viewport.width} px: the storage-full banner is accessible`);
      if (options === ZOOM_200) {
        assert.deepEqual(await layoutProblems(page), [], 'the banner fits at 200 % zoom');
        await visit(page, '#/plan', 'Your 12-week plan');
        await banner.waitFor();
        assert.deepEqual(await axe(page), [], 'the banner over the plan is accessible');
        assert.deepEqual(await layoutProblems(page), [], 'the banner over the plan fits at 200 % zoom');
      }
    } finally {
      await context.close();
    }
  }
});


test('the backup restore preview and a refused backup have no axe-core violations, at 1280 px and at 200 % zoom', async () => {
  for (const options of [{ viewport: { width: 1280, height: 800 } }, ZOOM_200]) {
    const { context, page, errors } = await openWithState(env, PLANNED, '#/settings', options, atNoon);
    const at = `${options.viewport.width} px`;
    try {
      const input = page.getByLabel('Restore a backup');
      await input.setInputFiles(backupFile({ intake: s01.intake, selected: ['yoga', 'exercise'] }));
      const preview = page.locator('.restore-preview');
      await preview.getByRole('heading', { name: 'This backup holds' }).waitFor();
      assert.deepEqual(await preview.locator('li').allInnerTexts(), [
        'Intake answers for low back pain', '2 therapies chosen: Yoga, Exercise and movement', '0 weekly check-ins',
      ]);
      assert.match(await preview.innerText(), /Saved 2026-03-02T10:00:00Z/);
      assert.match(await preview.innerText(), /It will replace what is on this device now:/);
      assert.deepEqual(await axe(page), [], `${at}: the restore preview is accessible`);
      if (options === ZOOM_200) assert.deepEqual(await layoutProblems(page), [], 'the preview fits at 200 % zoom');

      await page.getByRole('button', { name: 'Cancel' }).click();
      await preview.waitFor({ state: 'detached' });
      await input.setInputFiles(backupFile({ intake: { conditions: ['werewolf'] } }));
      const error = page.locator('#settings-restore-error');
      await error.filter({ hasText: 'This backup was not restored and nothing was changed:' }).waitFor();
      assert.match(await error.innerText(), /werewolf/);
      assert.equal(await error.getAttribute('role'), 'alert');
      assert.deepEqual(await axe(page), [], `${at}: the refusal is accessible`);
      if (options === ZOOM_200) assert.deepEqual(await layoutProblems(page), [], 'the refusal fits at 200 % zoom');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

// WCAG 1.4.10 (reflow) names 320 CSS px: 400 % zoom of a 1280 px window. Wide tables scroll inside their own box
// (the layout check allows a scroller that fits and holds a table), never the page.
const ZOOM_400 = { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 };

test('400 % zoom (320 CSS px): every main view reflows into one column with no text cut off', async () => {
  const { context, page, errors } = await openWithState(env, PLANNED, '#/', ZOOM_400, atNoon);
  try {
    assert.deepEqual(await page.evaluate(() => innerWidth), 320, 'the 400 % zoom viewport');
    const found = {};
    for (const [hash, heading] of VIEWS) {
      await visit(page, hash, heading);
      const problems = await layoutProblems(page);
      if (problems.length) found[hash] = problems;
    }
    assert.deepEqual(found, {}, 'no view scrolls sideways or cuts text off at 320 CSS px');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

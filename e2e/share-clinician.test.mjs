// Sharing with a clinician (issue 15): from a full plan with 8 weeks of check-ins, the summary prints on one page
// without progress and on two at most with it, at A4 and Letter; the FHIR file passes @medplum's R4 validator with
// zero errors and carries the LOINC codes; ical.js reads the calendar with each therapy's sessions on the right days;
// sections left unticked are absent from the summary, the FHIR file and the link alike. A kiosk offers print and the
// QR code only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { useApp, openWithState, axe } from './harness.mjs';
import { fhirProblems, loincCodes, EXPECTED_LOINC } from './fhir.mjs';
import { readCalendar } from './ics.mjs';
import { driveIntake, planExercise } from './drive.mjs';
import { PLAIN_NECK } from './intakes.mjs';

const env = useApp('/');
const s01 = JSON.parse(readFileSync(new URL('../tests/scenarios/s01.json', import.meta.url), 'utf8'));
const OWN = 'OWN-WORDS-SENTINEL';
const NOTE = 'NOTE-SENTINEL';
const EFFECT = 'EFFECT-SENTINEL';

// PEG means 6.3, 6.3, 6, 5.3, 5.3, 5, 5, 4.3; PHQ-4 every second week; a mild side effect in week 3.
const checkIn = (date, n) => ({
  date,
  week: n,
  peg: { pain: 7 - Math.floor(n / 3), enjoyment: 6 - Math.floor(n / 4), activity: 6 - Math.floor(n / 4) },
  sleep: 6,
  ...(n % 2 === 0 ? { mood: { nervous: 1, worry: 1, interest: 0, down: 0 } } : {}),
  sessions: { exercise: 2, yoga: 1 },
  effects: n === 3 ? { yoga: { level: 'mild', text: `Sore wrists ${EFFECT}` } } : {},
  note: `Week ${n} ${NOTE}`,
  red_flags: [],
});
// Eight weekly check-ins from Monday 2 March 2026 (the plan's week 1 starts that day).
const DATES = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20'];
const FULL = {
  intake: {
    ...s01.intake,
    supplements: ['fish_oil'],
    values: { what_matters: `My grandchildren ${OWN}`, goals: [`Walk to the park ${OWN}`] },
    practicalities: { minutes_per_week: 200, budget_per_month: 120, days: [0, 2, 4] },
  },
  selected: ['exercise', 'yoga', 'mindfulness'],
  consents: { exercise: { date: '2026-02-27' }, yoga: { date: '2026-02-27' }, mindfulness: { date: '2026-02-27' } },
  checkins: DATES.map((date, k) => checkIn(date, k + 1)),
};

/** Pages in a PDF made by Chromium (each page object is `/Type /Page`). */
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function openShare(width = 1280) {
  const opened = await openWithState(env, FULL, '#/share', { viewport: { width, height: 900 }, acceptDownloads: true });
  await opened.page.getByRole('heading', { level: 1, name: 'Share with your clinician' }).waitFor();
  await opened.page.locator('[data-summary="clinician"]').waitFor();
  return opened;
}

test('the summary: safety first, scores with bands and dates, therapies with status and consent, progress; one page without progress, two at most with it', async () => {
  const { context, page, errors } = await openShare();
  try {
    const summary = page.locator('[data-summary="clinician"]');
    const text = await summary.innerText();
    for (const expected of [
      /Age\s+45 years/, /Primary pain\s+Low back pain/, /Red flags at intake\s+Asked; none reported/,
      /Red flags at check-ins\s+Asked again at 8 check-ins; none reported/,
      /Supplements\s+Fish oil/, /Confirmed understanding of the risks on 27 February 2026/,
      /8 check-ins from 2 March 2026 to 20 April 2026/, new RegExp(`Walk to the park ${OWN}`),
    ]) assert.match(text, expected);
    const scores = await page.locator('[data-table="summary-scores"] tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
    assert.deepEqual(scores.slice(0, 3), [
      ['PEG (pain, enjoyment, general activity; 0–10)', '5.7', '', 'At intake'],
      ['PEG, latest check-in', '4.3', '', '20 April 2026'],
      ['PHQ-4 (anxiety and depression; 0–12)', '2 (PHQ-2 1/6, GAD-2 1/6)', 'Normal (0–2)', 'At intake'],
    ]);
    assert.deepEqual(await summary.locator('[data-list="summary-therapies"] > li').evaluateAll((items) =>
      items.map((li) => [li.querySelector('strong').textContent, li.dataset.status])), [
      ['Exercise and movement', 'allowed'], ['Yoga', 'allowed'], ['Mindfulness course (MBSR)', 'allowed'],
    ], 'each chosen therapy with its status');
    assert.ok(!text.includes(NOTE) && !text.includes(EFFECT), 'notes are left out by default');
    assert.equal(await summary.locator('svg.sparkline').getAttribute('aria-label'),
      'PEG at each check-in, 0 to 10: 6.3, 6.3, 6, 5.3, 5.3, 5, 5, 4.3');

    for (const format of ['A4', 'Letter']) {
      assert.ok(pages(await page.pdf({ format })) <= 2, `with progress, ${format} prints on two pages at most`);
    }
    await page.getByLabel(/My progress: check-ins/).uncheck();
    await page.locator('#summary-progress').waitFor({ state: 'detached' });
    for (const format of ['A4', 'Letter']) {
      assert.equal(pages(await page.pdf({ format })), 1, `without progress, ${format} prints on one page`);
    }
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the FHIR file passes the R4 validator with the LOINC codes, and a section left out is gone from it', async () => {
  const { context, page, errors } = await openShare();
  try {
    const button = page.getByRole('button', { name: /FHIR file/ });
    const first = await download(page, button);
    assert.match(first.name, /^mosaic-health-record-\d{4}-\d\d-\d\dT\d\d-\d\d\.json$/);
    const bundle = JSON.parse(first.text);
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'collection');
    assert.deepEqual(await fhirProblems(bundle), [], 'zero validator errors');
    const codes = loincCodes(bundle);
    assert.deepEqual(EXPECTED_LOINC.filter((c) => !codes.has(c)), [], 'every fixed LOINC code is present');
    const kinds = bundle.entry.map((e) => e.resource.resourceType);
    for (const kind of ['QuestionnaireResponse', 'CarePlan', 'Goal', 'MedicationStatement', 'Observation']) {
      assert.ok(kinds.includes(kind), `the bundle holds a ${kind}`);
    }
    assert.ok(first.text.includes(OWN), 'own words are shared by default');
    assert.ok(!first.text.includes(NOTE) && !first.text.includes(EFFECT), 'notes are not shared by default');

    await page.getByLabel('My answers about mood and worry').uncheck();
    await page.getByLabel(/^What matters to me/).uncheck();
    await page.getByLabel('My notes and the words I wrote about side effects').check();
    const second = JSON.parse((await download(page, button)).text);
    assert.deepEqual(await fhirProblems(second), []);
    const left = loincCodes(second);
    for (const mood of ['55757-9', '44250-9', '44255-8', '55758-7', '69725-0', '68509-9', '44260-8']) {
      assert.ok(!left.has(mood), `mood code ${mood} is gone`);
    }
    const text = JSON.stringify(second);
    assert.ok(!text.includes(OWN), 'own words are gone');
    assert.ok(text.includes(NOTE) && text.includes(EFFECT), 'notes ticked are shared');
    const summary = await page.locator('[data-summary="clinician"]').innerText();
    assert.ok(!/PHQ/.test(summary) && !summary.includes(OWN), 'the summary follows the same ticks');
    assert.ok(summary.includes(`Week 8 ${NOTE}`) && summary.includes(`Yoga: Sore wrists ${EFFECT}`), 'notes ticked are printed');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('ical.js reads the calendar: each therapy on its days for its weeks, review points all day, the same UIDs after a change', async () => {
  const { context, page, errors } = await openShare();
  try {
    await page.getByLabel('My plan starts on').fill('2026-03-02');
    await page.getByLabel('Time of my sessions').fill('18:30');
    const button = page.getByRole('button', { name: 'Download calendar (.ics)' });
    const file = await download(page, button);
    assert.equal(file.name, 'mosaic-plan.ics');
    const { events } = readCalendar(file.text);
    const series = events.filter((e) => !e.allDay);
    // The plan of FULL from Monday 2 March: exercise Mon/Wed/Fri for 12 weeks; yoga classes on Monday with home
    // practice Wednesday and Friday; the mindfulness course on Wednesday in weeks 3–10, home practice Mon and Fri.
    const weekday = (iso) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(`${iso.slice(0, 10)}T12:00:00Z`).getUTCDay()];
    assert.deepEqual(series.map((e) => [
      e.uid, e.occurrences.length, [...new Set(e.occurrences.map(weekday))].sort().join(' '),
      e.occurrences[0].slice(0, 10), e.occurrences.at(-1).slice(0, 10),
    ]), [
      ['mosaic-plan.exercise.sessions', 36, 'Fri Mon Wed', '2026-03-02', '2026-05-22'],
      ['mosaic-plan.yoga.sessions', 12, 'Mon', '2026-03-02', '2026-05-18'],
      ['mosaic-plan.yoga.home-practice', 24, 'Fri Wed', '2026-03-04', '2026-05-22'],
      ['mosaic-plan.mindfulness.sessions', 8, 'Wed', '2026-03-18', '2026-05-06'],
      ['mosaic-plan.mindfulness.home-practice', 16, 'Fri Mon', '2026-03-16', '2026-05-08'],
    ]);
    for (const e of series) {
      assert.equal(e.alarms, 1, `${e.summary} has a reminder`);
      assert.match(e.start, /T18:30:00$/, `${e.summary} starts at the chosen local time`);
    }
    const reviews = events.filter((e) => e.allDay).map((e) => [e.summary, e.start]);
    assert.deepEqual(reviews, [
      ['Plan review: week 4', '2026-03-30'],
      ['Plan review: week 8', '2026-04-27'],
      ['Plan review: week 12', '2026-05-25'],
    ]);
    const uids = events.map((e) => e.uid).sort();
    await page.getByLabel('Time of my sessions').fill('07:15');
    const again = readCalendar((await download(page, button)).text);
    assert.deepEqual(again.events.map((e) => e.uid).sort(), uids, 'a re-export keeps every UID');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the clinician link carries only what is ticked', async () => {
  const { context, page } = await openShare();
  const other = await env.browser.newContext();
  try {
    const link = page.getByLabel('The link (it contains what you ticked)');
    const withWords = await link.inputValue();
    await page.getByLabel(/^What matters to me/).uncheck();
    await page.getByLabel('My answers about mood and worry').uncheck();
    await page.waitForFunction((before) => document.querySelector('#clinician-link').value !== before, withWords);
    const phone = await other.newPage();
    await phone.goto(await link.inputValue());
    await phone.getByRole('heading', { level: 1, name: 'A plan shared with you' }).waitFor();
    assert.match(await phone.locator('#main').innerText(), /The person who shared it chose not to include their own words/);
    await phone.getByRole('button', { name: 'Save to this device' }).click();
    await phone.waitForURL(/#\/plan/);
    const saved = JSON.parse(await phone.evaluate(() => localStorage.getItem('mosaic/doc'))).data;
    assert.equal(saved.intake.mood, undefined, 'no mood answers travelled');
    assert.equal(JSON.stringify(saved).includes(OWN), false, 'no own words travelled');
    assert.deepEqual(saved.intake.supplements, ['fish_oil'], 'a ticked section still travels');
    assert.deepEqual(saved.selected, FULL.selected);
  } finally {
    await context.close();
    await other.close();
  }
});

test('360 px: the share view fits and is accessible', async () => {
  const { context, page, errors } = await openShare(360);
  try {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no sideways scrolling');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('on a kiosk: print and the QR code, no file downloads and no link to copy, 48 px ticks', async () => {
  const context = await env.browser.newContext({ viewport: { width: 820, height: 1180 }, acceptDownloads: true });
  const page = await context.newPage();
  try {
    await page.goto(`${env.site.url}#/settings`);
    await page.getByLabel('Staff PIN (6 to 12 digits)').fill('13572468');
    await page.getByLabel('Staff PIN again').fill('13572468');
    await page.getByLabel(/What patients should do in a crisis/).fill('Please tell the front desk now.');
    await page.getByRole('button', { name: 'Turn on kiosk mode' }).click();
    await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
    await page.getByRole('link', { name: 'Start', exact: true }).click();
    await page.locator('section.wizard[data-step="pain"]').waitFor();
    await driveIntake(page, PLAIN_NECK);
    await planExercise(page);
    await page.getByRole('link', { name: 'Share with my clinician' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Share with your clinician' }).waitFor();
    await page.locator('[data-summary="clinician"]').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Print the summary' }).count(), 1);
    assert.equal(await page.getByRole('img', { name: /QR code of a link to your plan for your clinician/ }).count(), 1);
    assert.equal(await page.getByRole('button', { name: /FHIR|calendar/i }).count(), 0, 'no downloads on a shared tablet');
    assert.equal(await page.getByLabel('The link (it contains what you ticked)').count(), 0, 'no link to copy');
    const sizes = await page.locator('.share-choices input[type="checkbox"]').evaluateAll((boxes) =>
      boxes.map((b) => b.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    assert.equal(sizes.length, 5);
    assert.ok(sizes.every((n) => n >= 48), `the ticks are ${sizes.join(', ')} px`);
    assert.deepEqual(await axe(page), []);
  } finally {
    await context.close();
  }
});

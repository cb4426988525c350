// Twelve weeks of follow-through (issue 14, "Done when"), driven through the real check-in, review and progress views
// with the browser clock moved on a week at a time. Acupuncture is done twice a week with no change in PEG, so the
// week-4 review suggests talking about stopping it and the person stops it; PEG then improves, so at week 8 yoga and
// exercise are worth continuing, and exercise, whose side effects needed medical care in week 6, is marked for
// review and adjusted. Each review makes a new plan version; a reload in the middle loses nothing; the progress view's
// tables and summary hold all twelve weeks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, openWithState, axe, THROTTLE } from './harness.mjs';

const env = useApp('/');
const s01 = JSON.parse(readFileSync(new URL('../tests/scenarios/s01.json', import.meta.url), 'utf8'));
const START = { intake: s01.intake, selected: ['acupuncture', 'yoga', 'exercise'] };
// Noon on Monday 2 March 2026 plus `weeks` weeks, the same in Node and Chromium.
const monday = (weeks) => new Date(2026, 2, 2 + 7 * weeks, 12, 0, 0);
// PEG answers per week: flat for four weeks, then better.
const PEG = [[6, 6, 6], [6, 6, 6], [6, 6, 6], [6, 6, 6], [5, 5, 5], [5, 4, 5], [4, 4, 4], [4, 3, 4], [3, 3, 3], [3, 3, 3], [3, 3, 3], [3, 3, 3]];

const pick = (page, group, value) =>
  page.getByRole('group', { name: group }).getByRole('radio', { name: new RegExp(`^${value} out of 10`) }).check();

/** The saved document once it satisfies `check`. */
async function storedWhen(page, check, what) {
  let data;
  for (let i = 0; i < 100 * THROTTLE; i += 1) {
    data = await page.evaluate(() => JSON.parse(localStorage.getItem('mosaic/doc') || '{}').data);
    if (data && check(data)) return data;
    await page.waitForTimeout(50);
  }
  assert.fail(`the saved document never had ${what}`);
}

/** Fills in the check-in of plan week `week` (1-based) on its Monday. */
async function checkIn(page, week, { acupuncture, medicalCareFor } = {}) {
  await page.clock.setFixedTime(monday(week - 1));
  await page.evaluate(() => { location.hash = '#/'; });
  await page.locator('.welcome').waitFor();
  await page.evaluate(() => { location.hash = '#/check-in'; });
  await page.getByRole('heading', { level: 1, name: 'Weekly check-in' }).waitFor();
  assert.equal(await page.getByLabel('Week of your plan').inputValue(), String(week));
  await page.getByRole('checkbox', { name: 'None of these' }).check();
  const [pain, enjoyment, activity] = PEG[week - 1];
  await pick(page, /pain on average in the past week/, pain);
  await pick(page, /enjoyment of life/, enjoyment);
  await pick(page, /general activity/, activity);
  if (acupuncture !== undefined) {
    const field = page.getByLabel('Sessions of Acupuncture done this week');
    await field.fill(String(acupuncture));
    await field.blur();
  }
  if (medicalCareFor) {
    await page.getByRole('group', { name: `Side effects of ${medicalCareFor} this week` })
      .getByRole('radio', { name: 'Needed medical care', exact: true }).check();
  }
  await page.getByRole('button', { name: 'Done' }).click();
  await page.locator('.check-in-done').waitFor();
  await storedWhen(page, (d) => d.checkins?.length === week && d.checkins[week - 1].peg?.activity === activity, `check-in ${week}`);
}

/** Opens the review due from the plan page, checks it is for `week`, decides and saves. */
async function review(page, week, decisions) {
  await page.evaluate(() => { location.hash = '#/plan'; });
  const due = page.locator('[data-review-due]');
  await due.waitFor();
  assert.equal(await due.getAttribute('data-review-due'), String(week));
  await due.getByRole('link', { name: `Start the week ${week} review` }).click();
  await page.getByRole('heading', { level: 1, name: `Week ${week} review` }).waitFor();
  const found = {};
  for (const el of await page.locator('[data-suggestion]').all()) {
    found[await el.getAttribute('data-suggestion')] = await el.innerText();
  }
  const marked = await page.locator('.review-therapy .needs-review').evaluateAll((ns) => ns.map((n) => n.dataset.needsReview));
  const change = await page.locator('.review-change').allInnerTexts();
  assert.deepEqual(await axe(page), [], `the week ${week} review is accessible`);
  for (const [name, choice] of decisions) {
    await page.getByRole('group', { name: `Your decision for ${name}` }).getByLabel(choice).check();
  }
  await page.getByRole('button', { name: 'Save my decisions' }).click();
  await page.locator('.review-saved').waitFor();
  return { found, marked, change };
}

test('twelve weeks: check-ins, three reviews that change the plan, and progress', async () => {
  const { context, page, errors } = await openWithState(env, START, '#/', { viewport: { width: 1280, height: 900 } },
    (c) => c.clock.setFixedTime(monday(0)));
  try {
    for (let week = 1; week <= 4; week += 1) await checkIn(page, week, { acupuncture: 2 });
    const four = await review(page, 4, [
      ['Acupuncture', 'Stop it (after talking to your clinician)'],
      ['Yoga', 'Continue as planned'],
      ['Exercise and movement', 'Continue as planned'],
    ]);
    assert.deepEqual(four.change, [
      'Your PEG score went from 6 (the average of your first two check-ins) to 6 in your latest check-in: no improvement yet.',
      'Your pain went from 6 (the average of your first two check-ins) to 6 out of 10 in your latest check-in: no improvement yet.',
    ]);
    assert.match(four.found.acupuncture, /^Suggestion: talk to your clinician about stopping or switching\. There has been no meaningful change after an adequate trial\./);
    assert.match(four.found.yoga, /^Suggestion: continue\. It is too early to judge/);
    assert.deepEqual(four.marked, []);
    let saved = await storedWhen(page, (d) => d.reviews?.length === 1, 'the week 4 review');
    assert.deepEqual(saved.selected, ['yoga', 'exercise'], 'acupuncture is out of the plan');

    for (let week = 5; week <= 8; week += 1) {
      await checkIn(page, week, week === 6 ? { medicalCareFor: 'Exercise and movement' } : {});
      if (week === 6) {
        // A reload in the middle of the course loses nothing.
        await page.reload();
        await page.locator('#main h1').waitFor();
        saved = await storedWhen(page, (d) => d.checkins?.length === 6, 'six check-ins after the reload');
        assert.equal(saved.checkins[5].effects.exercise.level, 'medical_care');
        assert.equal(saved.reviews.length, 1);
      }
    }
    assert.equal(await page.locator('.check-in-done [data-needs-review]').count(), 0, 'week 8 had no side effect');
    const eight = await review(page, 8, [
      ['Yoga', 'Continue as planned'],
      ['Exercise and movement', 'Change the sessions or days'],
    ]);
    assert.equal(
      eight.change[0],
      'Your PEG score went from 6 (the average of your first two check-ins) to 3.7 in your latest check-in: a meaningful improvement.',
    );
    assert.match(eight.found.yoga, /^Suggestion: continue\. Your scores have improved by a meaningful amount since you started, so keep going\./);
    assert.deepEqual(eight.marked, ['Exercise and movement'], 'the week-6 side effect marks exercise for review');
    assert.equal(eight.found.acupuncture, undefined, 'a stopped therapy is not reviewed again');

    for (let week = 9; week <= 12; week += 1) await checkIn(page, week);
    await review(page, 12, [
      ['Yoga', 'Continue as planned'],
      ['Exercise and movement', 'Continue as planned'],
    ]);
    saved = await storedWhen(page, (d) => d.reviews?.length === 3, 'three reviews');
    assert.deepEqual(saved.reviews.map((r) => [r.date, r.week]), [['2026-03-23', 4], ['2026-04-20', 8], ['2026-05-18', 12]]);

    await page.getByRole('link', { name: 'See my plan' }).first().click();
    await page.getByRole('heading', { name: 'Plan history' }).waitFor();
    assert.deepEqual(await page.locator('.plan-history li').allInnerTexts(), [
      'Version 1, until the week 4 review on 23 March 2026: Acupuncture, Yoga, Exercise and movement. Decided: Acupuncture stopped.',
      'Version 2, until the week 8 review on 20 April 2026: Yoga, Exercise and movement. Decided: Exercise and movement changed.',
      'Version 3, until the week 12 review on 18 May 2026: Yoga, Exercise and movement. Decided: everything continued.',
      'Version 4 (now): Yoga, Exercise and movement.',
    ]);
    assert.equal(await page.locator('[data-review-due]').count(), 0, 'no review is due after week 12');

    await page.evaluate(() => { location.hash = '#/progress'; });
    await page.locator('[data-table="scores"]').waitFor();
    assert.equal(
      await page.locator('[data-summary="peg"]').innerText(),
      'Your PEG score went from 6 (the average of your first two check-ins) to 3 in your latest check-in: a meaningful improvement.',
    );
    const pegColumn = await page.locator('[data-table="scores"] tbody tr td:nth-child(3)').allInnerTexts();
    assert.deepEqual(pegColumn, ['6', '6', '6', '6', '5', '4.7', '4', '3.7', '3', '3', '3', '3']);
    assert.equal(await page.locator('[data-table="scores"] tbody tr').first().locator('th').innerText(), '2 March 2026');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Review points that act (issue 14, item 3), at 360 px and 1280 px on a fixed clock: four weeks of check-ins with no
// change in PEG make the week-4 review due on the plan page; the review compares with the start, runs the safety
// check again, and suggests per therapy: talk about stopping acupuncture (no change after an adequate trial of 6
// sessions), change yoga's schedule (1 of 4 sessions), keep going with exercise (too early to judge), which a side
// effect that needed medical care marks for review. Decisions are required for every therapy; saving records the
// review, takes the stopped therapy out and keeps the earlier plan in the plan's history, across a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, openWithState, axe, THROTTLE } from './harness.mjs';

const env = useApp('/');
const s01 = JSON.parse(readFileSync(new URL('../tests/scenarios/s01.json', import.meta.url), 'utf8'));
// Noon on Monday 30 March 2026, the same in Node and Chromium.
const NOW = new Date(2026, 2, 30, 12, 0, 0);
const atNoon = (c) => c.clock.setFixedTime(NOW);
const viewport = (width) => ({ viewport: { width, height: 900 } });

const week = (date, n, sessions, effects = {}) => ({
  date,
  week: n,
  peg: { pain: 6, enjoyment: 6, activity: 6 },
  sessions,
  effects,
  red_flags: [],
});
const FOUR_WEEKS = {
  intake: s01.intake,
  selected: ['acupuncture', 'yoga', 'exercise'],
  checkins: [
    week('2026-03-02', 1, { acupuncture: 2, yoga: 1 }),
    week('2026-03-09', 2, { acupuncture: 2, yoga: 0 }),
    week('2026-03-16', 3, { acupuncture: 2, yoga: 0, exercise: 3 }),
    week('2026-03-23', 4, { acupuncture: 2, yoga: 0, exercise: 3 }, { exercise: { level: 'medical_care', text: 'Knee swelled' } }),
  ],
};

/** The saved document once it satisfies `check`. */
async function storedWhen(page, check) {
  let data;
  for (let i = 0; i < 100 * THROTTLE; i += 1) {
    data = await page.evaluate(() => JSON.parse(localStorage.getItem('mosaic/doc') || '{}').data);
    if (data && check(data)) return data;
    await page.waitForTimeout(50);
  }
  assert.fail(`the saved document never matched: ${JSON.stringify(data?.reviews)}`);
}

const card = (page, id) => page.locator(`.review-therapy[data-therapy="${id}"]`);

for (const width of [360, 1280]) {
  test(`${width} px: the week-4 review suggests per therapy, records the decisions and versions the plan`, async () => {
    const { context, page, errors } = await openWithState(env, FOUR_WEEKS, '#/plan', viewport(width), atNoon);
    try {
      const due = page.locator('[data-review-due]');
      await due.waitFor();
      assert.match(await due.innerText(), /Your week 4 review is due\./);
      await due.getByRole('link', { name: 'Start the week 4 review' }).click();
      await page.getByRole('heading', { level: 1, name: 'Week 4 review' }).waitFor();

      assert.deepEqual(await page.locator('.review-change').allInnerTexts(), [
        'Your PEG score went from 6 (the average of your first two check-ins) to 6 in your latest check-in: no improvement yet.',
        'Your pain went from 6 (the average of your first two check-ins) to 6 out of 10 in your latest check-in: no improvement yet.',
      ]);
      assert.equal(
        await page.locator('[data-safety]').innerText(),
        'With your answers as they are now, every therapy in your plan is still fine to do.',
      );
      const suggestion = (id) => page.locator(`[data-suggestion="${id}"]`).innerText();
      assert.equal(
        await suggestion('acupuncture'),
        'Suggestion: talk to your clinician about stopping or switching. There has been no meaningful change after an adequate trial. Talk to your clinician about stopping or switching to something else.',
      );
      assert.equal(
        await suggestion('yoga'),
        'Suggestion: change the sessions or days. You managed well under the planned number of sessions. Changing the days or how often may make it easier to keep going, rather than giving up.',
      );
      assert.equal(
        await suggestion('exercise'),
        'Suggestion: continue. It is too early to judge: give it a fair trial before deciding whether it helps.',
      );
      assert.equal(await card(page, 'yoga').locator('[data-sessions]').innerText(), '1 of 4 planned sessions in the 4 of its 4 weeks you checked in.');
      assert.match(await card(page, 'exercise').innerText(), /Week 4: needed medical care: Knee swelled/);
      assert.match(await card(page, 'exercise').locator('.needs-review').innerText(), /^Exercise and movement is marked for review\./);
      assert.deepEqual(await axe(page), [], 'the review is accessible');

      // Every therapy needs a decision before anything is saved.
      await page.getByRole('button', { name: 'Save my decisions' }).click();
      assert.equal(
        await page.getByRole('alert').innerText(),
        'Choose what to do about Acupuncture, Yoga, Exercise and movement before saving.',
      );
      await page.getByRole('group', { name: 'Your decision for Acupuncture' }).getByLabel('Stop it (after talking to your clinician)').check();
      await page.getByRole('group', { name: 'Your decision for Yoga' }).getByLabel('Change the sessions or days').check();
      await page.getByRole('group', { name: 'Your decision for Exercise and movement' }).getByLabel('Continue as planned').check();
      await page.getByRole('button', { name: 'Save my decisions' }).click();
      assert.match(
        await page.locator('.review-saved').innerText(),
        /Your decisions are saved on this device\. Your plan is now version 2; version 1 is kept in its history\./,
      );
      const saved = await storedWhen(page, (d) => d.reviews?.length === 1);
      assert.deepEqual(saved.reviews[0], {
        date: '2026-03-30',
        week: 4,
        decisions: { acupuncture: 'stop', exercise: 'continue', yoga: 'adjust' },
        before: { selected: ['acupuncture', 'yoga', 'exercise'], plan: {} },
      });
      assert.deepEqual(saved.selected, ['yoga', 'exercise']);

      await page.getByRole('link', { name: 'See my plan' }).first().click();
      await page.getByRole('heading', { name: 'Plan history' }).waitFor();
      const history = async () => page.locator('.plan-history li').allInnerTexts();
      const expected = [
        'Version 1, until the week 4 review on 30 March 2026: Acupuncture, Yoga, Exercise and movement. Decided: Acupuncture stopped; Yoga changed.',
        'Version 2 (now): Yoga, Exercise and movement.',
      ];
      assert.deepEqual(await history(), expected);
      assert.equal(await page.locator('[data-review-due]').count(), 0, 'the week-4 review is done');
      await page.reload();
      await page.getByRole('heading', { name: 'Plan history' }).waitFor();
      assert.deepEqual(await history(), expected, 'a reload keeps the review and the plan versions');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('a review now is offered from the plan before any review point is due', async () => {
  const early = { ...FOUR_WEEKS, checkins: FOUR_WEEKS.checkins.slice(0, 2) };
  const { context, page, errors } = await openWithState(env, early, '#/plan', viewport(1280), atNoon);
  try {
    await page.getByRole('heading', { name: 'Review points' }).waitFor();
    assert.equal(await page.locator('[data-review-due]').count(), 0, 'week 4 is not reached');
    await page.getByRole('link', { name: 'Review my plan now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review your plan now' }).waitFor();
    // Two check-ins are the baseline itself, so there is nothing to compare yet.
    assert.deepEqual(await page.locator('.review-change').allInnerTexts(), [
      'There are not yet enough complete PEG scores to compare with your starting point, so there is not enough data to judge.',
    ]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// The progress view (issue 14, item 2) at 360 px and 1280 px: each chart's one-sentence summary and the visible
// table of every chart's numbers, the baseline band and meaningful-change line, sessions done against planned per therapy, points the
// keyboard steps through with their values read out and shown, and the empty state before any check-in. axe-core
// on the view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, openWithState, axe } from './harness.mjs';

const env = useApp('/');
const s01 = JSON.parse(readFileSync(new URL('../tests/scenarios/s01.json', import.meta.url), 'utf8'));
const WIDTHS = [360, 1280];
const viewport = (width) => ({ viewport: { width, height: 900 } });

const checkIn = (date, week, [pain, enjoyment, activity], sleep, sessions) => ({
  date,
  week,
  peg: { pain, enjoyment, activity },
  sleep,
  sessions,
  red_flags: [],
});
// Four weekly check-ins: PEG 6.7 and 6.7 (the baseline), 5.7, then 4.7; pain 7, 7, 6, 5; sleep 6 to 4.
const WITH_CHECK_INS = {
  intake: s01.intake,
  selected: ['exercise', 'yoga', 'mindfulness'],
  checkins: [
    checkIn('2026-03-02', 1, [7, 6, 7], 6, { exercise: 2, yoga: 1 }),
    checkIn('2026-03-09', 2, [7, 7, 6], 6, { exercise: 1, yoga: 1 }),
    checkIn('2026-03-16', 3, [6, 5, 6], 5, { exercise: 2, yoga: 0, mindfulness: 1 }),
    checkIn('2026-03-23', 4, [5, 4, 5], 4, { exercise: 2, yoga: 1, mindfulness: 1 }),
  ],
};

/** The rows of the table marked `data-table=name`, as arrays of cell texts. */
const tableRows = (page, name) =>
  page.locator(`[data-table="${name}"] tbody tr`).evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent.trim())),
  );

for (const width of WIDTHS) {
  test(`${width} px: every chart has its summary and a table of the same numbers`, async () => {
    const { context, page, errors } = await openWithState(env, WITH_CHECK_INS, '#/progress', viewport(width));
    try {
      await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
      const summary = (name) => page.locator(`[data-summary="${name}"]`).innerText();
      assert.equal(
        await summary('peg'),
        'Your PEG score went from 6.7 (the average of your first two check-ins) to 4.7 in your latest check-in: a meaningful improvement.',
      );
      assert.equal(
        await summary('pain'),
        'Your pain went from 7 (the average of your first two check-ins) to 5 out of 10 in your latest check-in: a large enough drop to count as a real improvement.',
      );
      assert.equal(
        await summary('sleep'),
        'Your sleep rating went from 6 in your first check-in to 4 in your latest (0 is the best possible sleep, 10 the worst).',
      );
      // One table holds every chart's numbers: date, week, PEG, pain, sleep.
      assert.deepEqual(await tableRows(page, 'scores'), [
        ['2 March 2026', '1', '6.7', '7', '6'],
        ['9 March 2026', '2', '6.7', '7', '6'],
        ['16 March 2026', '3', '5.7', '6', '5'],
        ['23 March 2026', '4', '4.7', '5', '4'],
      ]);
      // The baseline band and the line of a meaningful change (1 point below 6.7), named in the legend.
      const pegChart = page.locator('[data-chart="peg"]');
      assert.equal(await pegChart.locator('.chart-band').count(), 1);
      assert.match(await pegChart.locator('.chart-legend').innerText(), /Starting point \(6\.7\)\s*Meaningful improvement \(5\.7\)/);
      assert.equal(await page.locator('[data-chart="sleep"] .chart-band').count(), 0, 'sleep has no threshold to draw');
      assert.deepEqual(errors, []);
      assert.deepEqual(await axe(page), [], 'the progress view is accessible');

    } finally {
      await context.close();
    }
  });

  test(`${width} px: sessions done against planned, per therapy`, async () => {
    const { context, page, errors } = await openWithState(env, WITH_CHECK_INS, '#/progress', viewport(width));
    try {
      await page.locator('[data-table="sessions"]').waitFor();
      // Planned counts only the therapy's weeks that have a check-in: exercise (3 a week) and yoga (1 a week) from
      // week 1, so 4 weeks; the weekly mindfulness course from week 3, so 2 weeks.
      assert.deepEqual(await tableRows(page, 'sessions'), [
        ['Exercise and movement', '7', '12', '4 of 4'],
        ['Yoga', '3', '4', '4 of 4'],
        ['Mindfulness course (MBSR)', '2', '2', '2 of 2'],
      ]);
      assert.equal(
        await page.locator('[data-summary="sessions"]').innerText(),
        'You did 12 of the 18 sessions planned in the weeks you checked in (67\u00a0%).',
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('the keyboard steps through the points, and each value is read out and shown', async () => {
  const { context, page, errors } = await openWithState(env, WITH_CHECK_INS, '#/progress', viewport(1280));
  try {
    const points = page.locator('[data-chart="peg"] circle');
    await points.first().waitFor();
    assert.equal(await points.count(), 4);
    // One tab stop per chart: the latest point.
    assert.deepEqual(await points.evaluateAll((ps) => ps.map((p) => p.getAttribute('tabindex'))), [null, null, null, '0']);
    await points.last().focus();
    const focused = () => page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    assert.equal(await focused(), 'Week 4, 23 March 2026: PEG 4.7');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), 'Week 3, 16 March 2026: PEG 5.7');
    assert.equal(await page.locator('[data-chart="peg"] .chart-focus').innerText(), 'Week 3, 16 March 2026: PEG 5.7');
    await page.keyboard.press('Home');
    assert.equal(await focused(), 'Week 1, 2 March 2026: PEG 6.7');
    await page.keyboard.press('End');
    assert.equal(await focused(), 'Week 4, 23 March 2026: PEG 4.7');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('before any check-in the view says where progress comes from and offers the check-in', async () => {
  const { context, page, errors } = await openWithState(
    env,
    { intake: s01.intake, selected: ['exercise'] },
    '#/progress',
    viewport(360),
  );
  try {
    await page.getByText('Your progress appears here after your first weekly check-in').waitFor();
    assert.equal(await page.locator('.chart').count(), 0);
    await page.getByRole('link', { name: 'Check in now' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Weekly check-in' }).waitFor();
    assert.deepEqual(errors, []);
    assert.deepEqual(await axe(page), [], 'the empty check-in view is accessible');
  } finally {
    await context.close();
  }
});

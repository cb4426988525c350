// Weekly check-ins (issue 14, item 1), at 360 px and 1280 px on a fixed clock: a new check-in is dated today and
// counts its week from the first check-in; the red-flag questions come first and a tick stops the check-in with the
// intake's stop screen; PEG, sleep, mood every second week, sessions filled in from the plan, side effects per
// therapy ("needed medical care" marks the therapy for review); answers are kept as they are given (a reload opens
// the same check-in); a future date is refused at its field; delete with undo. axe-core on the view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, openWithState, axe, THROTTLE } from './harness.mjs';

const env = useApp('/');
const s01 = JSON.parse(readFileSync(new URL('../tests/scenarios/s01.json', import.meta.url), 'utf8'));
const PLANNED = { intake: s01.intake, selected: ['exercise', 'yoga', 'mindfulness'] };
const WIDTHS = [360, 1280];
// Noon on Monday 16 March 2026, the same in Node and Chromium.
const NOW = new Date(2026, 2, 16, 12, 0, 0);
const atNoon = (c) => c.clock.setFixedTime(NOW);
const viewport = (width) => ({ viewport: { width, height: 900 } });

/** The saved document's check-ins, read from storage once the autosave has written `count` of them. */
async function storedCheckIns(page, count) {
  let list = [];
  for (let i = 0; i < 100 * THROTTLE; i += 1) {
    list = await page.evaluate(() => JSON.parse(localStorage.getItem('mosaic/doc') || '{}').data?.checkins ?? []);
    if (list.length === count) return list;
    await page.waitForTimeout(50);
  }
  assert.fail(`expected ${count} stored check-ins, found ${list.length}`);
}

/** Waits until the stored check-in `index` satisfies `check`, then returns it. */
async function storedWhen(page, index, check) {
  for (let i = 0; i < 100 * THROTTLE; i += 1) {
    const list = await page.evaluate(() => JSON.parse(localStorage.getItem('mosaic/doc') || '{}').data?.checkins ?? []);
    if (list[index] && check(list[index])) return list[index];
    await page.waitForTimeout(50);
  }
  assert.fail(`stored check-in ${index} never matched`);
}

/** Picks an answer in the question named `group`: a 0–10 value (read out as "6 out of 10, …") or a choice's words. */
const pick = (page, group, value) =>
  page.getByRole('group', { name: group })
    .getByRole('radio', { name: /^\d+$/.test(value) ? new RegExp(`^${value} out of 10`) : value, exact: !/^\d+$/.test(value) })
    .check();

for (const width of WIDTHS) {
  test(`${width} px: a check-in is dated today, asks the red flags first, and keeps every answer across a reload`, async () => {
    const { context, page, errors } = await openWithState(env, PLANNED, '#/check-in', viewport(width), atNoon);
    try {
      await page.getByRole('heading', { level: 1, name: 'Weekly check-in' }).waitFor();
      assert.equal(await page.getByLabel('Date of this check-in').inputValue(), '2026-03-16');
      assert.equal(await page.getByLabel('Week of your plan').inputValue(), '1');
      assert.equal(await page.getByRole('group', { name: /Over the last 2 weeks/ }).count(), 0, 'no mood questions in week 1');
      // Sessions are filled in from the plan's first week: two new things start then, mindfulness in week 3.
      const therapies = page.locator('.check-in-therapy');
      assert.deepEqual(await therapies.evaluateAll((s) => s.map((e) => e.dataset.therapy)), ['exercise', 'yoga']);
      assert.deepEqual(await axe(page), [], 'the new check-in is accessible');

      await page.getByRole('checkbox', { name: 'None of these' }).check();
      await page.waitForFunction(() => location.hash === '#/check-in/1');
      await pick(page, /pain on average in the past week/, '6');
      await pick(page, /enjoyment of life/, '5');
      await pick(page, /general activity/, '4');
      await pick(page, /quality of your sleep/, '7');
      await page.getByLabel('Sessions of Exercise and movement done this week').fill('2');
      await page.getByLabel('Sessions of Exercise and movement done this week').blur();
      await page.getByLabel('Sessions of Yoga done this week').fill('1');
      await page.getByLabel('Sessions of Yoga done this week').blur();
      await pick(page, 'Side effects of Exercise and movement this week', 'Needed medical care');
      await page.getByLabel('What happened with Exercise and movement (optional)').fill('Knee swelled after the class');
      await page.getByLabel('Anything else about this week (optional)').fill('Slept badly on Tuesday');
      await page.getByLabel('Anything else about this week (optional)').blur();
      await page.getByRole('button', { name: 'Done' }).click();
      const done = page.locator('.check-in-done');
      assert.match(await done.innerText(), /Check-in saved on this device\./);
      assert.match(await done.innerText(), /Exercise and movement is marked for review\./);

      const stored = await storedWhen(page, 0, (c) => c.note === 'Slept badly on Tuesday');
      assert.deepEqual(stored, {
        date: '2026-03-16',
        week: 1,
        peg: { pain: 6, enjoyment: 5, activity: 4 },
        sleep: 7,
        sessions: { exercise: 2, yoga: 1 },
        effects: { exercise: { level: 'medical_care', text: 'Knee swelled after the class' } },
        note: 'Slept badly on Tuesday',
        red_flags: [],
      });

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Check-in 1 (week 1)' }).waitFor();
      assert.ok(await page.getByRole('checkbox', { name: 'None of these' }).isChecked());
      assert.ok(await page.getByRole('group', { name: /pain on average/ }).getByRole('radio', { name: /^6 out of 10/ }).isChecked());
      assert.equal(await page.getByLabel('Sessions of Exercise and movement done this week').inputValue(), '2');
      assert.equal(await page.getByLabel('Anything else about this week (optional)').inputValue(), 'Slept badly on Tuesday');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
      assert.deepEqual(await axe(page), [], 'a saved check-in is accessible');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test(`${width} px: a red flag at a check-in stops it with the intake's stop screen`, async () => {
    const { context, page, errors } = await openWithState(env, PLANNED, '#/check-in', viewport(width), atNoon);
    try {
      await page.getByRole('heading', { level: 1, name: 'Weekly check-in' }).waitFor();
      await page.getByRole('checkbox', { name: /newly had trouble passing urine/ }).check();
      const stop = page.locator('.stop-in-check-in');
      await stop.waitFor();
      assert.equal(await stop.getAttribute('data-outcome'), 'emergency');
      assert.ok(await page.getByRole('heading', { level: 2, name: 'Please get emergency help now' }).isVisible());
      assert.ok(await page.getByRole('heading', { name: 'What to do now' }).isVisible());
      assert.equal(await page.getByRole('group', { name: /pain on average/ }).count(), 0, 'the rest of the check-in is not asked');
      assert.equal(await page.getByRole('button', { name: 'Done' }).count(), 0);
      assert.equal(await page.getByRole('link', { name: 'Change an answer' }).getAttribute('href'), '#checkin-red-flags');
      const stored = await storedWhen(page, 0, (c) => Array.isArray(c.red_flags));
      assert.deepEqual(stored.red_flags, ['new_bladder_bowel_problem']);
      assert.deepEqual(await axe(page), [], 'the stop screen in a check-in is accessible');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('the second week asks mood; a future date is refused at its field', async () => {
  const first = { date: '2026-03-09', week: 1, peg: { pain: 6, enjoyment: 6, activity: 5 }, red_flags: [] };
  const state = { ...PLANNED, checkins: [first] };
  const { context, page, errors } = await openWithState(env, state, '#/check-in', viewport(360), atNoon);
  try {
    await page.getByRole('heading', { level: 1, name: 'Weekly check-in' }).waitFor();
    assert.equal(await page.getByLabel('Week of your plan').inputValue(), '2', 'seven days after the first check-in');
    assert.ok(await page.getByRole('group', { name: /Over the last 2 weeks/ }).isVisible(), 'PHQ-4 every second week');
    const date = page.getByLabel('Date of this check-in');
    await date.fill('2026-03-17');
    await date.dispatchEvent('change');
    assert.equal(await page.locator('#checkin-date-error').innerText(),
      'A check-in cannot be dated in the future: choose today or an earlier day.');
    assert.equal(await date.getAttribute('aria-invalid'), 'true');
    assert.equal((await storedCheckIns(page, 1)).length, 1, 'a refused date adds nothing');
    await date.fill('2026-03-12');
    await date.dispatchEvent('change');
    await page.waitForFunction(() => location.hash === '#/check-in/2');
    assert.equal(await page.getByLabel('Week of your plan').inputValue(), '1', 'three days after the first: week 1');
    assert.equal(await page.locator('#checkin-date-error').innerText(), '');
    const stored = await storedCheckIns(page, 2);
    assert.deepEqual([stored[1].date, stored[1].week], ['2026-03-12', 1]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a check-in can be deleted, and Undo puts it back in its place', async () => {
  const checkins = [
    { date: '2026-03-02', week: 1, peg: { pain: 6, enjoyment: 6, activity: 5 }, red_flags: [] },
    { date: '2026-03-09', week: 2, peg: { pain: 5, enjoyment: 5, activity: 5 }, red_flags: [] },
  ];
  const { context, page, errors } = await openWithState(env, { ...PLANNED, checkins }, '#/check-in/1', viewport(1280), atNoon);
  try {
    await page.getByRole('heading', { level: 1, name: 'Check-in 1 (week 1)' }).waitFor();
    const list = page.locator('.check-in-list li');
    assert.deepEqual(await list.allInnerTexts().then((t) => t.map((x) => x.replace(/\s+/g, ' ').trim())), [
      '9 March 2026 Week 2 · PEG 5.0 Delete',
      '2 March 2026 Week 1 · PEG 5.7 Delete',
    ]);
    await page.getByRole('button', { name: 'Delete the check-in of 9 March 2026' }).click();
    await page.getByText('The check-in of 9 March 2026 was deleted.').waitFor();
    assert.equal(await list.count(), 1);
    assert.deepEqual((await storedCheckIns(page, 1)).map((c) => c.date), ['2026-03-02']);
    await page.getByRole('button', { name: 'Undo' }).click();
    assert.equal(await list.count(), 2);
    assert.deepEqual((await storedCheckIns(page, 2)).map((c) => c.date), ['2026-03-02', '2026-03-09']);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a plan that is not built yet has no check-in, and says where to go', async () => {
  const { context, page, errors } = await openWithState(env, { intake: s01.intake }, '#/check-in', viewport(360));
  try {
    await page.getByRole('heading', { level: 1, name: 'Weekly check-in' }).waitFor();
    await page.getByText('Check-ins follow your plan: once you have one, you can check in each week.').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'None of these' }).count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

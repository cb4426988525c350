// The plan explains its changes: a conflict's suggestion has an Apply button that changes the plan at once, the
// status line says what was done and which other therapy moved to another day, Undo puts it back; the week grid
// has a legend in words; and without a time budget the plan says how many minutes it takes, with a link to the
// question. Each at 360 px and 1280 px, with axe-core. The app state is seeded as a saved document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, axe, openWithState, THROTTLE, focusedId } from './harness.mjs';

const env = useApp('/');

const INTAKE = {
  age: 52,
  pain: { primary: 'low_back', duration_months: 14, peg: { pain: 6, enjoyment: 6, activity: 5 } },
  mood: { phq4: { nervous: 0, worry: 0, interest: 0, down: 0 }, self_harm: 0 },
  start_back: { agree: [1], bothersome: 'slightly' },
  symptoms: [], conditions: [], medications: [], supplements: [], activity: 'active',
};

/** Monday, Wednesday and Friday, 150 minutes: tai chi twice (120) and acupuncture once (45) need 165. */
const OVER_TIME = {
  intake: { ...INTAKE, practicalities: { minutes_per_week: 150, budget_per_month: 900, days: [0, 2, 4] } },
  selected: ['tai_chi', 'acupuncture'],
};

/** No minutes a week given; yoga and mindfulness both have home practice. */
const NO_TIME = {
  intake: { ...INTAKE, practicalities: { budget_per_month: 900, days: [0, 2, 4] } },
  selected: ['yoga', 'mindfulness'],
};

const APPLY = 'Apply: Tai chi or qigong once a week instead of twice';
const WAIT = { timeout: 10000 * THROTTLE };

/** The text of one day of the week grid, found by its heading. */
function day(page, name) {
  return page.locator('.week > li').filter({ has: page.getByRole('heading', { name: new RegExp(`^${name}`) }) }).innerText();
}

/** The plan's status line (the take-home panel has a status of its own). */
const statusLine = (page) => page.getByRole('status').filter({ hasText: /Done:|Undone:|moved to/ });

async function openPlan(state, width) {
  const opened = await openWithState(env, state, '#/plan', { viewport: { width, height: 900 } });
  await opened.page.getByRole('heading', { level: 1, name: /12-week plan/ }).waitFor(WAIT);
  await opened.page.getByRole('heading', { name: 'Your week', exact: true }).waitFor(WAIT);
  return opened;
}

async function noSideScroll(page, width) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width, `no horizontal scroll at ${width} px (scrollWidth ${scroll})`);
}

for (const width of [360, 1280]) {
  test(`${width} px: Apply changes the plan, says what moved, and Undo puts it back`, async () => {
    const { context, page, errors } = await openPlan(OVER_TIME, width);
    try {
      const sortOut = page.getByRole('region', { name: 'Things to sort out' });
      assert.match(await sortOut.innerText(), /Week 1 needs about 165 minutes, more than the 150 minutes a week you have\./);
      assert.match(await day(page, 'Wednesday'), /Tai chi or qigong/);
      assert.match(await day(page, 'Friday'), /Acupuncture/);
      assert.equal(await statusLine(page).count(), 0, 'nothing to say before a change');

      await sortOut.getByRole('button', { name: APPLY }).click();
      await statusLine(page).waitFor(WAIT);
      assert.equal(
        (await statusLine(page).innerText()).trim(),
        'Done: Tai chi or qigong once a week instead of twice. Acupuncture moved to Wednesday.',
      );
      assert.equal(await statusLine(page).getAttribute('aria-live'), 'polite');
      await page.waitForFunction(() => document.activeElement?.textContent.trim() === 'Undo', null, WAIT);
      assert.equal(await sortOut.count(), 0, 'the plan fits now: nothing left to sort out');
      assert.match(await day(page, 'Wednesday'), /Acupuncture/);
      assert.doesNotMatch(await day(page, 'Wednesday'), /Tai chi/);
      assert.match(await day(page, 'Friday'), /Rest day/);
      assert.match(await day(page, 'Monday'), /Tai chi or qigong/);
      assert.equal(await page.getByLabel('Times a week for Tai chi or qigong').inputValue(), '1');
      assert.match(
        await page.getByRole('region', { name: 'Time and cost' }).innerText(),
        /About 105 minutes in the busiest week, within the 150 minutes you said you have\./,
      );
      assert.deepEqual(await axe(page), [], 'axe with the status line shown');
      await noSideScroll(page, width);

      await page.getByRole('button', { name: 'Undo' }).click();
      await statusLine(page).filter({ hasText: 'Undone:' }).waitFor(WAIT);
      assert.equal(
        (await statusLine(page).innerText()).trim(),
        'Undone: your plan is back as it was. Acupuncture moved to Friday.',
      );
      assert.equal(await page.getByRole('button', { name: 'Undo' }).count(), 0, 'one undo, for the last change');
      await page.getByRole('button', { name: APPLY }).waitFor(WAIT);
      assert.match(await day(page, 'Friday'), /Acupuncture/);
      assert.match(await day(page, 'Wednesday'), /Tai chi or qigong/);
      assert.equal(await page.getByLabel('Times a week for Tai chi or qigong').inputValue(), '2');

      await page.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('button', { name: 'Close' }).waitFor({ state: 'detached', ...WAIT });
      assert.equal((await page.getByRole('status').filter({ hasText: 'Undone' }).count()), 0);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test(`${width} px: changing a frequency by hand says which other therapy moved`, async () => {
    const { context, page, errors } = await openPlan(OVER_TIME, width);
    try {
      await page.getByText('Change days or frequency for Tai chi or qigong').click();
      const select = page.getByLabel('Times a week for Tai chi or qigong');
      await select.focus();
      await select.selectOption('1');
      await statusLine(page).waitFor(WAIT);
      assert.equal((await statusLine(page).innerText()).trim(), 'Acupuncture moved to Wednesday.');
      assert.equal(await focusedId(page, 'per-week-tai_chi'), 'per-week-tai_chi', 'focus stays on the control');
      assert.match(await day(page, 'Wednesday'), /Acupuncture/);
      await page.getByRole('button', { name: 'Undo' }).click();
      await statusLine(page).filter({ hasText: 'Undone:' }).waitFor(WAIT);
      assert.equal(await select.inputValue(), '2');
      assert.match(await day(page, 'Friday'), /Acupuncture/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test(`${width} px: the week has a legend in words, and no time budget says what the plan takes`, async () => {
    const { context, page, errors } = await openPlan(NO_TIME, width);
    try {
      const sentence = page.getByText("You didn't tell us how much time you have");
      assert.equal(
        (await sentence.innerText()).trim(),
        "You didn't tell us how much time you have: this plan takes 255 minutes a week (change it).",
      );
      const link = sentence.getByRole('link', { name: 'change it' });
      assert.equal(await link.getAttribute('href'), '#/intake/practical');

      const legend = page.getByRole('heading', { name: 'How to read your week' });
      assert.ok(await legend.isVisible(), 'the legend is shown');
      // The words of each entry (the swatch beside them is hidden from screen readers).
      const items = await page.locator('.week-legend li > span:last-child').allInnerTexts();
      assert.equal(items.length, 5, items.join(' | '));
      assert.deepEqual(items.map((t) => t.replace(/\s+/g, ' ').trim()), [
        'Session — teal edge and box: an appointment, class or workout.',
        'Home practice — gold edge, yellow box: on your own, at home.',
        'Weeks 3–10 — runs only in those weeks; without it, all 12.',
        "75 min by a day — that day's total once everything has started.",
        'Teal bar under each therapy further down — the weeks of the 12 it runs.',
      ]);
      // The swatches are drawn like the grid's own entries, so the words match what is on screen.
      const colours = await page.evaluate(() => {
        const edge = (el) => el && getComputedStyle(el).borderLeftColor;
        return {
          session: edge(document.querySelector('.week .entry:not(.home)')),
          sessionKey: edge(document.querySelector('.week-legend .entry:not(.home)')),
          home: edge(document.querySelector('.week .entry.home')),
          homeKey: edge(document.querySelector('.week-legend .entry.home')),
        };
      });
      assert.equal(colours.sessionKey, colours.session);
      assert.equal(colours.homeKey, colours.home);
      assert.notEqual(colours.session, colours.home);
      assert.deepEqual(await axe(page), []);
      await noSideScroll(page, width);

      await link.click();
      await page.getByRole('heading', { level: 1, name: /Practicalities/ }).waitFor(WAIT);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

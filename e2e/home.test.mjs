// Home knows where you are (issue 17, item 1): Welcome's main action follows what is saved ("Start planning", "Continue
// where you left off" at the first unanswered step, "See my plan"), and "Review my answers" shows every answer on one
// page with a "Change" link per step. Checked at 360 px and 1280 px, with axe-core on Welcome and the review page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, openWithState, axe } from './harness.mjs';

const env = useApp('/');

const WIDTHS = [360, 1280];
const viewport = (width) => ({ viewport: { width, height: 800 } });

/** Pain, safety and health answered in full; nothing after. */
const THROUGH_HEALTH = {
  age: 47,
  pain: { primary: 'neck', sites: [], duration_months: 30, peg: { pain: 7, enjoyment: 5, activity: 6 } },
  symptoms: [],
  conditions: ['diabetes'],
};

/** Every step answered, low back pain, nothing that stops the plan. */
const FINISHED = {
  ...THROUGH_HEALTH,
  pain: { ...THROUGH_HEALTH.pain, primary: 'low_back' },
  medications: [],
  supplements: [],
  mood: { phq4: { nervous: 0, worry: 1, interest: 0, down: 0 }, self_harm: 0 },
  start_back: { agree: [1], bothersome: 'slightly' },
  activity: 'active',
  values: { what_matters: 'Playing with my grandchildren', goals: ['Walk the dog'] },
  practicalities: { minutes_per_week: 240, budget_per_month: 100, days: [0, 2, 4], needles_ok: true, touch_ok: true, home_only: false },
};

const actions = (page) => page.locator('.welcome .actions');
const waitStep = (page, slug) => page.locator(`section.wizard[data-step="${slug}"]`).waitFor();

for (const width of WIDTHS) {
  test(`${width} px: with no answers Welcome offers "Start planning" only, and is accessible`, async () => {
    const { page, problems, context } = await openApp(env.browser, env.site.url, { context: viewport(width) });
    try {
      const links = actions(page).getByRole('link');
      assert.deepEqual(await links.allInnerTexts(), ['Start planning']);
      assert.equal(await page.getByRole('link', { name: 'Review my answers' }).count(), 0, 'nothing to review yet');
      assert.deepEqual(await axe(page), []);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
      assert.deepEqual(await problems(), []);
    } finally {
      await context.close();
    }
  });

  test(`${width} px: "Continue where you left off" opens the first unanswered step (medicines after pain, safety and health)`, async () => {
    const { page, errors, context } = await openWithState(env, { intake: THROUGH_HEALTH }, '#/', viewport(width));
    try {
      const primary = actions(page).locator('.button.primary');
      assert.equal(await primary.innerText(), 'Continue where you left off');
      assert.match(await actions(page).locator('.hint').innerText(), /Next: Medicines\./);
      assert.ok(await page.getByRole('link', { name: 'Review my answers' }).isVisible());
      assert.deepEqual(await axe(page), [], 'Welcome with answers is accessible');
      await primary.click();
      await waitStep(page, 'medicines');
      assert.equal(await page.locator('.step-count').innerText().then((t) => t.split(' · ')[0]), 'Step 4 of 8: Medicines');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test(`${width} px: a finished intake with a plan makes "See my plan" the main action`, async () => {
    const state = { intake: FINISHED, selected: ['mindfulness', 'relaxation'] };
    const { page, errors, context } = await openWithState(env, state, '#/', viewport(width));
    try {
      const primary = actions(page).locator('.button.primary');
      assert.equal(await primary.innerText(), 'See my plan');
      assert.deepEqual(await actions(page).getByRole('link').allInnerTexts(),
        ['See my plan', 'Weekly check-in', 'My flare plan', 'Review my answers', 'See your safety check']);
      assert.equal(await page.getByRole('link', { name: 'Continue where you left off' }).count(), 0, 'nothing left to answer');
      assert.ok(await page.getByRole('link', { name: 'Review my answers' }).isVisible());
      assert.deepEqual(await axe(page), []);
      await primary.click();
      await page.getByRole('heading', { level: 1, name: 'Your 12-week plan' }).waitFor();
      assert.equal(await page.evaluate(() => location.hash), '#/plan');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test(`${width} px: the review page lists every step's answers in words, and "Change" opens that step`, async () => {
    // Health: one tick and "not sure about the rest"; medicines: not sure at all; mood: skipped.
    const intake = {
      ...THROUGH_HEALTH,
      conditions: ['osteoporosis'],
      unsure: ['conditions', 'medications'],
      supplements: [],
    };
    const { page, errors, context } = await openWithState(env, { intake }, '#/', viewport(width));
    try {
      await page.getByRole('link', { name: 'Review my answers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Review your answers' }).waitFor();
      assert.equal(await page.evaluate(() => location.hash), '#/review');
      const answerTo = async (slug, question) => {
        const row = page.locator(`.review-step[data-step="${slug}"] .review-answers > div`).filter({
          has: page.locator('dt').getByText(question, { exact: true }),
        });
        return row.locator('dd').innerText();
      };
      assert.equal(await answerTo('pain', 'Age'), '47 years');
      assert.equal(await answerTo('pain', 'The pain that troubles you most'), 'Neck pain');
      assert.equal(await answerTo('pain', 'How long you have had this pain'), '30 months');
      assert.equal(await answerTo('pain', 'Pain on average in the past week'), '7 out of 10, severe');
      assert.equal(await answerTo('pain', 'Long-term pain anywhere else'), 'No other long-term pain');
      assert.equal(await answerTo('safety', 'Symptoms true for you now'), 'None of these');
      assert.equal(await answerTo('health', 'Health conditions that apply to you'), 'Osteoporosis or osteopenia; not sure about the rest');
      assert.equal(await answerTo('medicines', 'Medicines you take regularly'), 'Not sure');
      assert.equal(await answerTo('mood', 'Feeling down, depressed, or hopeless'), 'Not answered');
      const mood = page.getByRole('region', { name: 'Mood' });
      assert.match(await mood.innerText(), /Not answered yet/);
      const backPain = page.getByRole('region', { name: 'Back pain impact' });
      assert.match(await backPain.innerText(), /Not asked/);
      assert.equal(await backPain.getByRole('link').count(), 0, 'no change link for a step not asked');
      assert.equal(await page.getByRole('link', { name: /^Change / }).count(), 8, 'one "Change" link per step asked');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
      assert.deepEqual(await axe(page), [], 'the review page is accessible');

      await page.getByRole('link', { name: 'Change your health answers' }).click();
      await waitStep(page, 'health');
      assert.ok(await page.getByRole('checkbox', { name: 'Osteoporosis or osteopenia' }).isChecked());
      await page.goBack();
      await page.getByRole('link', { name: 'Change your pain answers' }).click();
      await waitStep(page, 'pain');
      assert.equal(await page.getByLabel('How old are you?').inputValue(), '47');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('the last step offers "Review my answers"', async () => {
  const { page, errors, context } = await openWithState(env, { intake: FINISHED }, '#/intake/practical', viewport(360));
  try {
    await waitStep(page, 'practical');
    assert.equal(await page.locator('button.next').innerText(), 'Done: see my results', 'not to be confused with the safety questions step');
    await page.getByRole('link', { name: 'Review my answers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review your answers' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'See your safety check' }).count(), 1, 'a finished intake goes on to the safety check');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a finished intake with nothing chosen continues at the safety check, not at step 1', async () => {
  const { page, errors, context } = await openWithState(env, { intake: FINISHED }, '#/', viewport(360));
  try {
    const primary = actions(page).locator('.button.primary');
    assert.equal(await primary.innerText(), 'Continue where you left off');
    assert.match(await actions(page).locator('.hint').innerText(), /Next: your safety check\./);
    await primary.click();
    await page.getByRole('heading', { level: 1, name: 'Your safety check' }).waitFor();
    assert.equal(await page.evaluate(() => location.hash), '#/screening');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Clinical rules v2 in the intake and on the screening view (docs/sources.md#rules-4-1, #rules-4-2): age and the self-harm item are
// required by the wizard; answers that are unknown never read as "no warning signs"; notices carry their titles
// from the rule book and what they offer (crisis support, the way back to the health step); a rule that fired
// through an implied fact says why. Zero axe-core violations on each changed view at 360 and 1280 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, axe, openWithState, focusedId } from './harness.mjs';
import { currentStep, driveIntake, expectRefused, pressNext, screeningOutcome, startIntake, UNSURE_LABEL } from './drive.mjs';

const env = useApp('/');
const WIDTHS = [360, 1280];
const NO_WARNING_SIGNS = /No warning signs came up/;

/** Everything answered, nothing flagged: neck pain for over a year, no conditions, medicines or supplements. */
const BASE = {
  age: 52,
  pain: { primary: 'neck', duration_months: 14, peg: { pain: 5, enjoyment: 5, activity: 4 } },
  mood: { phq4: { nervous: 0, worry: 1, interest: 0, down: 1 }, self_harm: 0 },
  symptoms: [],
  conditions: [],
  medications: [],
  supplements: [],
  activity: 'active',
  practicalities: { minutes_per_week: 150, budget_per_month: 80, days: [1, 3] },
};

/** Opens the app with `state` already in localStorage (written once, before the app's first load), as an older
 *  backup restored earlier would leave it. */
function openStored(state, hash, viewport) {
  return openWithState(env, state, hash, { viewport });
}

/** No axe-core violations and no sideways scroll. */
async function checkLayout(page, what) {
  assert.deepEqual(await axe(page), [], what);
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `${what} scrolls sideways (${scroll} > ${client})`);
}

test('Next is refused without an age and without the self-harm answer; the summary links focus the field', async () => {
  for (const width of WIDTHS) {
    const { page, problems, context } = await openApp(env.browser, env.site.url, { context: { viewport: { width, height: 800 } } });
    try {
      await startIntake(page);
      await page.getByRole('radio', { name: 'Neck pain', exact: true }).check();
      const summaryText = await expectRefused(page, 'pain', 'age');
      assert.match(summaryText, /Please enter your age in whole years before going on/);
      assert.equal(await focusedId(page, 'error-summary'), 'error-summary', 'the summary takes focus');
      assert.match(await page.locator('#age-error').innerText(), /Please enter your age/, 'the message is beside the field');
      assert.match(await page.locator('#age').getAttribute('aria-describedby'), /age-error/);
      await checkLayout(page, `pain with the age required, ${width} px`);
      await page.locator('#error-summary').getByRole('link', { name: /enter your age/ }).click();
      assert.equal(await focusedId(page, 'age'), 'age', 'the summary link focuses the age field');
      assert.ok(await page.getByRole('radio', { name: 'Neck pain', exact: true }).isChecked(), 'other answers are kept');
      await page.keyboard.type('52');
      await page.locator('#error-summary').waitFor({ state: 'detached' });
      await pressNext(page, 'pain');
      assert.equal(await currentStep(page), 'safety');

      await page.evaluate(() => { location.hash = '#/intake/mood'; });
      await page.locator('section.wizard[data-step="mood"]').waitFor();
      assert.match(await page.locator('.credit').innerText(), /Copyright © Pfizer Inc\. No permission required to reproduce, translate, display or distribute\./);
      await page.getByRole('group', { name: /nervous/ }).getByRole('radio', { name: 'Not at all' }).check();
      const moodSummary = await expectRefused(page, 'mood', 'self-harm');
      assert.match(moodSummary, /better off dead or of hurting yourself/);
      assert.match(await page.locator('#self-harm-error').innerText(), /“Not at all” is an answer too/);
      assert.match(await page.locator('#self-harm').getAttribute('aria-describedby'), /self-harm-error/);
      await checkLayout(page, `mood with the self-harm answer required, ${width} px`);
      await page.locator('#error-summary').getByRole('link').click();
      assert.equal(await focusedId(page, 'self-harm-0'), 'self-harm-0', 'the link focuses the first answer');
      await page.keyboard.press('Space');
      assert.ok(await page.locator('#self-harm-0').isChecked(), '"Not at all" is ticked from the keyboard');
      await page.locator('#error-summary').waitFor({ state: 'detached' });
      await pressNext(page, 'mood');
      assert.notEqual(await currentStep(page), 'mood', 'Next moves on once answered');
      assert.deepEqual(await problems(), []);
    } finally {
      await context.close();
    }
  }
});

test('the STarT Back step carries the copyright and funding statement and does not claim to be unchanged', async () => {
  const { page, problems, context } = await openApp(env.browser, env.site.url);
  try {
    await startIntake(page);
    await page.getByRole('radio', { name: 'Low back pain', exact: true }).check();
    await page.evaluate(() => { location.hash = '#/intake/start-back'; });
    await page.locator('section.wizard[data-step="start-back"]').waitFor();
    const credit = await page.locator('.credit').innerText();
    assert.match(credit, /Keele STarT Back Screening Tool © Keele University\./);
    assert.match(credit, /part funded by Arthritis Research UK/);
    assert.doesNotMatch(credit, /unchanged/i);
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('"Not sure" on the health step: the notice with its title and a way back, cautions, and no "no warning signs"', async () => {
  for (const width of WIDTHS) {
    const { page, problems, context } = await openApp(env.browser, env.site.url, { context: { viewport: { width, height: 800 } } });
    try {
      const run = await driveIntake(page, { ...BASE, conditions: null, unsure: ['conditions'] });
      assert.deepEqual(run.refused, []);
      assert.equal(run.outcome, 'proceed');
      const notice = page.locator('[data-notice="conditions_unknown"]');
      await notice.waitFor();
      assert.equal(await notice.locator('h3').innerText(), 'Your health conditions could not be checked');
      const back = notice.getByRole('link', { name: 'Answer the health questions' });
      assert.equal(await back.getAttribute('href'), '#/intake/health');
      const view = page.locator('[data-outcome="proceed"]');
      assert.doesNotMatch(await view.innerText(), NO_WARNING_SIGNS);
      assert.match(await page.locator('.lead').innerText(), /Some safety answers are missing/);
      // Massage has rules keyed on health conditions, so unknown conditions give it a caution with the reason.
      const massage = page.locator('details.safety-all [data-therapy="massage"]');
      assert.equal(await massage.getAttribute('data-status'), 'caution');
      assert.match(await massage.textContent(), /Your health conditions could not be checked/);
      assert.ok(await page.getByRole('link', { name: 'Choose therapies' }).isVisible(), 'the plan is not blocked');
      const rules = page.getByRole('link', { name: 'How Mosaic checks safety' });
      assert.equal(await rules.getAttribute('href'), '#/safety-rules');
      await checkLayout(page, `screening with conditions unknown, ${width} px`);
      await page.locator('details.safety-all summary').click();
      await checkLayout(page, `screening with conditions unknown and the safety list open, ${width} px`);

      await back.click();
      await page.locator('section.wizard[data-step="health"]').waitFor();
      assert.ok(await page.getByRole('checkbox', { name: UNSURE_LABEL, exact: true }).isChecked(), 'the answer is kept');
      assert.deepEqual(await problems(), []);
    } finally {
      await context.close();
    }
  }
});

test('with every answer given the summary says no warning signs came up', async () => {
  const { context, page, errors } = await openStored({ intake: BASE }, '#/screening');
  try {
    await page.locator('[data-outcome="proceed"]').waitFor();
    assert.match(await page.locator('.lead').innerText(), NO_WARNING_SIGNS);
    assert.equal(await page.locator('[data-notice]').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a backup without the self-harm answer shows the notice with crisis support beside it, and still proceeds', async () => {
  const intake = { ...BASE, mood: { phq4: BASE.mood.phq4 } };
  for (const width of WIDTHS) {
    const { context, page, errors } = await openStored({ intake }, '#/screening', { width, height: 800 });
    try {
      await page.locator('[data-outcome="proceed"]').waitFor();
      const notice = page.locator('[data-notice="self_harm_unknown"]');
      assert.equal(await notice.locator('h3').innerText(), 'The question about thoughts of self-harm was not answered');
      const support = notice.getByRole('note', { name: 'Where to find support now' });
      const text = await support.innerText();
      assert.match(text, /Contact your local emergency number now\./);
      assert.match(text, /call or text 988/);
      assert.doesNotMatch(await page.locator('[data-outcome]').innerText(), NO_WARNING_SIGNS);
      assert.ok(await page.getByRole('link', { name: 'Choose therapies' }).isVisible(), 'the plan is not blocked');
      await checkLayout(page, `screening with the self-harm answer unknown, ${width} px`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }

  // The crisis line configured in settings is named, as on the crisis outcome.
  const { context, page } = await openStored({ intake, settings: { crisis_line: 'Samaritans 116 123' } }, '#/screening');
  try {
    const support = page.locator('[data-notice="self_harm_unknown"] .crisis-resources');
    await support.waitFor();
    assert.match(await support.innerText(), /Contact Samaritans 116 123 now\./);
  } finally {
    await context.close();
  }
});

test('a transplant medicine with new or worse pain stops as urgent and says why for acupuncture', async () => {
  const intake = { ...BASE, symptoms: ['pain_new_or_worse'], medications: ['transplant_immunosuppressant'] };
  const because = "This applies because you take a transplant medicine, which lowers the body's defences.";
  for (const width of WIDTHS) {
    const { page, problems, context } = await openApp(env.browser, env.site.url, { context: { viewport: { width, height: 800 } } });
    try {
      const run = await driveIntake(page, intake);
      assert.deepEqual(run.stops, [{ after: 'medicines', outcome: 'urgent' }], 'the stop comes once the medicine is known');
      assert.equal(await screeningOutcome(page), 'urgent');
      assert.match(await page.locator('.callout.now').innerText(), /within a day or two/);
      assert.match(await page.locator('.flags').innerText(), new RegExp(because.replace(/[.()]/g, '\\$&')), 'the flag says why');
      const acupuncture = page.locator('details.safety-all [data-therapy="acupuncture"]');
      assert.equal(await acupuncture.getAttribute('data-status'), 'caution');
      assert.match(await acupuncture.locator('.because').first().textContent(), new RegExp(`^${because.replace(/[.()]/g, '\\$&')}$`));
      await checkLayout(page, `urgent stop, ${width} px`);
      await page.locator('details.safety-all summary').click();
      await checkLayout(page, `urgent stop with the safety list open, ${width} px`);
      assert.deepEqual(await problems(), []);
    } finally {
      await context.close();
    }
  }
});

// Answers that mean what they say (issue 17, items 3 and 4), at 360 px and 1280 px: "not sure" beside ticks on the
// health, medicines and supplements lists (stored as the ticks plus the list's name in `unsure`, never unticking
// anything), "None of these" first and saying what it unticked, the safety step's error summary leading to "None of
// these", and the headache questions asked only when a headache was reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, axe, openWithState, THROTTLE, focusedId } from './harness.mjs';
import { pressNext, screeningOutcome, UNSURE_LABEL } from './drive.mjs';

const env = useApp('/');
const WIDTHS = [360, 1280];
const viewport = (width) => ({ viewport: { width, height: 800 } });

/** The saved document as the app wrote it. */
const saved = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('mosaic/doc')).data);

/** Waits until the saved document satisfies `check` (saving is debounced); polls, failing after a deadline. */
async function waitSaved(page, check) {
  const deadline = Date.now() + 10_000 * THROTTLE;
  for (;;) {
    const doc = await saved(page);
    if (check(doc)) return doc;
    if (Date.now() > deadline) throw new Error(`the saved document never matched ${check}: ${JSON.stringify(doc?.intake)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ADULT = { age: 63, pain: { primary: 'knee_oa', duration_months: 48, peg: { pain: 6, enjoyment: 5, activity: 6 } } };

for (const width of WIDTHS) {
  test(`${width} px: "not sure" sits beside ticks and is saved as the ticks plus the list's name`, async () => {
    const { page, errors, context } = await openWithState(env, { intake: { ...ADULT, symptoms: [] } }, '#/intake/health', viewport(width));
    try {
      const list = page.getByRole('group', { name: 'Does any of these apply to you?' });
      // The two quick answers come before the long list.
      const order = await list.locator('input[type=checkbox]').evaluateAll((els) => els.slice(0, 2).map((e) => e.id));
      assert.deepEqual(order, ['conditions-none', 'conditions-unsure']);
      await list.getByRole('checkbox', { name: 'Osteoporosis or osteopenia', exact: true }).check();
      await list.getByRole('checkbox', { name: UNSURE_LABEL, exact: true }).check();
      assert.ok(await list.getByRole('checkbox', { name: 'Osteoporosis or osteopenia', exact: true }).isChecked(), 'the tick stays');
      await waitSaved(page, (d) => d.intake?.unsure?.includes('conditions') && d.intake?.conditions?.includes('osteoporosis'));
      // Unticking "not sure" keeps the tick as a definite answer.
      await list.getByRole('checkbox', { name: UNSURE_LABEL, exact: true }).uncheck();
      await waitSaved(page, (d) => !d.intake?.unsure && d.intake?.conditions?.length === 1);
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('"None of these" says which ticks it took away, and a tick after it takes "None" away', async () => {
  const { page, errors, context } = await openWithState(env, { intake: { ...ADULT, symptoms: [] } }, '#/intake/medicines', viewport(360));
  try {
    const meds = page.getByRole('group', { name: 'Do you take any of these medicines regularly?' });
    await meds.getByRole('checkbox', { name: 'Blood thinners', exact: true }).check();
    await meds.getByRole('checkbox', { name: 'Opioid painkillers', exact: true }).check();
    await meds.getByRole('checkbox', { name: 'None of these', exact: true }).check();
    await assertStatus(meds, 'Unticked 2 answers (\u201cBlood thinners\u201d, \u201cOpioid painkillers\u201d): you said none of these apply.');
    assert.equal(await meds.getByRole('checkbox', { name: 'Blood thinners', exact: true }).isChecked(), false);
    await waitSaved(page, (d) => Array.isArray(d.intake?.medications) && d.intake.medications.length === 0);
    await meds.getByRole('checkbox', { name: 'Digoxin', exact: false }).check();
    assert.equal(await meds.getByRole('checkbox', { name: 'None of these', exact: true }).isChecked(), false);
    await assertStatus(meds, '');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** The checklist's polite status line (role=status) holds exactly `text`. */
async function assertStatus(group, text) {
  const status = group.getByRole('status');
  await status.filter({ hasText: text || /^$/ }).waitFor({ state: text ? 'visible' : 'attached' });
  assert.equal((await status.innerText()).trim(), text);
}

test('s33 in the wizard: osteoporosis ticked and "not sure" about the rest cautions as the rule book says', async () => {
  const { page, errors, context } = await openWithState(env, {
    intake: { ...ADULT, mood: { phq4: { nervous: 1, worry: 0, interest: 0, down: 0 }, self_harm: 0 }, symptoms: [] },
  }, '#/intake/health', viewport(360));
  try {
    const health = page.getByRole('group', { name: 'Does any of these apply to you?' });
    await health.getByRole('checkbox', { name: UNSURE_LABEL, exact: true }).check();
    await health.getByRole('checkbox', { name: 'Osteoporosis or osteopenia', exact: true }).check();
    await pressNext(page, 'health');
    const meds = page.getByRole('group', { name: 'Do you take any of these medicines regularly?' });
    await meds.getByRole('checkbox', { name: 'Blood thinners', exact: true }).check();
    const sups = page.getByRole('group', { name: 'Do you already take any of these supplements or herbal remedies?' });
    await sups.getByRole('checkbox', { name: 'None of these', exact: true }).check();
    await page.evaluate(() => { location.hash = '#/screening'; });
    assert.equal(await screeningOutcome(page), 'proceed');
    // The unknown-conditions notice, with the therapies s33 expects.
    await page.getByText('Your health conditions could not be checked').first().waitFor();
    const status = (id) => page.locator(`[data-therapy="${id}"]`).first().getAttribute('data-status');
    assert.equal(await status('spinal_manipulation'), 'clearance_required');
    assert.equal(await status('acupuncture'), 'caution');
    assert.equal(await status('cbt'), 'allowed');
    // Citations read as titles, never as section numbers of the notes (also inside folded "Where this comes from").
    const text = await page.locator('#main').textContent();
    assert.doesNotMatch(text, /SOURCES §|RULES §/);
    assert.match(text, /Precautions for each therapy: Spinal manipulation/);
    // Saving is debounced: wait for the save rather than read storage at once.
    const doc = await waitSaved(page, (d) => d.intake?.unsure?.includes('conditions'));
    assert.deepEqual(doc.intake.conditions, ['osteoporosis']);
    assert.deepEqual(doc.intake.unsure, ['conditions']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

const HEADACHE = 'Have you had a sudden, extremely severe headache';

for (const width of WIDTHS) {
  test(`${width} px: headache questions only with a headache; "None of these" first; the summary links to it`, async () => {
    const cases = [
      { pain: { primary: 'knee_oa' }, asked: false },
      { pain: { primary: 'migraine' }, asked: true },
      { pain: { primary: 'knee_oa', sites: ['tension_headache'] }, asked: true },
    ];
    for (const { pain, asked } of cases) {
      const { page, errors, context } = await openWithState(env, { intake: { age: 50, pain } }, '#/intake/safety', viewport(width));
      try {
        const flags = page.getByRole('group', { name: 'Is any of these true for you now?' });
        const first = await flags.locator('input[type=checkbox]').first().getAttribute('id');
        assert.equal(first, 'symptoms-none', '"None of these" comes first');
        assert.equal(await flags.getByRole('group', { name: 'Headache', exact: true }).count(), asked ? 1 : 0, JSON.stringify(pain));
        assert.equal(await flags.getByRole('checkbox', { name: new RegExp(HEADACHE) }).count(), asked ? 1 : 0);
        // The neck-and-dizziness question (cervical artery dissection) is asked of everyone.
        assert.equal(await flags.getByRole('group', { name: 'Neck and dizziness', exact: true }).count(), 1);
        if (!asked) {
          await page.getByRole('button', { name: /^Next/ }).click();
          const link = page.locator('#error-summary a').first();
          await link.waitFor();
          assert.equal(await link.getAttribute('href'), '#symptoms-none');
          await link.click();
          assert.equal(await focusedId(page, 'symptoms-none'), 'symptoms-none', 'the link focuses "None of these"');
          assert.deepEqual(await axe(page), [], 'with the error shown');
        } else {
          assert.deepEqual(await axe(page), []);
        }
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
  });
}

test('a ticked headache answer stays shown after the main pain changes away from headache', async () => {
  const state = { intake: { age: 50, pain: { primary: 'knee_oa' }, symptoms: ['positional_headache'] } };
  const { page, errors, context } = await openWithState(env, state, '#/intake/safety', viewport(360));
  try {
    const flags = page.getByRole('group', { name: 'Is any of these true for you now?' });
    await flags.getByRole('group', { name: 'Headache', exact: true }).waitFor();
    assert.ok(await flags.locator('#symptoms-positional_headache').isChecked());
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

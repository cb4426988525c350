// Wizard progress (issue 17, item 5): the step indicator names the current step and marks steps done, partly
// answered or not asked (in text too), answered steps are links, "about N minutes left"; STarT Back says why it was
// added; the pain duration is never silently months; 0–10 scales stay on one row at 360 px; "Clear answer" keeps
// its place so answering never moves the next question. axe-core on an intake step at 360 px and 1280 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openWithState, axe } from './harness.mjs';

const env = useApp('/');

const viewport = (width) => ({ viewport: { width, height: 800 } });
const waitStep = (page, slug) => page.locator(`section.wizard[data-step="${slug}"]`).waitFor();
const progress = (page) => page.getByRole('navigation', { name: 'Intake progress' });

/** Pain (partly: no other sites) and safety answered. */
const TWO_STEPS = {
  age: 60,
  pain: { primary: 'neck', duration_months: 8, peg: { pain: 4, enjoyment: 3, activity: 3 } },
  symptoms: [],
};

/** How far below `above` the element `below` starts (the header's save status may change the page above both). */
const gap = async (above, below) => (await below.boundingBox()).y - (await above.boundingBox()).y;

/** Waits until the saved document holds this many months of pain. */
function savedMonths(page, months) {
  return page.waitForFunction((m) => JSON.parse(localStorage.getItem('mosaic/doc')).data.intake.pain?.duration_months === m, months);
}

for (const width of [360, 1280]) {
  test(`${width} px: the indicator names the current step, marks the others in words, and an answered step is a link`, async () => {
    const { page, errors, context } = await openWithState(env, { intake: TWO_STEPS }, '#/intake/health', viewport(width));
    try {
      await waitStep(page, 'health');
      const count = await page.locator('.step-count').innerText();
      assert.match(count, /^Step 3 of 8: Your health · about \d+ minutes left$/);
      const nav = progress(page);
      assert.equal(await nav.locator('[aria-current="step"] .step-title').textContent(), 'Your health (this step)');
      const items = await nav.locator('li').allTextContents();
      assert.equal(items.length, 9, 'every step is listed');
      assert.match(items[0], /Your pain \(partly answered\)/);
      assert.match(items[1], /Safety questions \(done\)/);
      assert.match(items[3], /Medicines \(not answered yet\)/);
      assert.match(items[5], /Back pain impact \(not asked: only for low back pain\)/);
      assert.equal(await nav.getByRole('link').count(), 2, 'only the answered steps are links');
      const safety = nav.getByRole('link', { name: 'Safety questions (done)' });
      const box = await safety.boundingBox();
      assert.ok(box.width >= 24 && box.height >= 24, `the link is a large enough target: ${JSON.stringify(box)}`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
      assert.deepEqual(await axe(page), [], 'an intake step is accessible');
      await safety.click();
      await waitStep(page, 'safety');
      assert.ok(await page.getByRole('checkbox', { name: 'None of these', exact: true }).isChecked());
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('choosing low back pain adds STarT Back, and the step and the indicator say why', async () => {
  const { page, errors, context } = await openWithState(env, { intake: TWO_STEPS }, '#/intake/pain', viewport(360));
  try {
    await waitStep(page, 'pain');
    assert.match(await page.locator('.step-count').innerText(), /^Step 1 of 8: Your pain/);
    await page.getByRole('radio', { name: 'Low back pain', exact: true }).check();
    await page.locator('.step-count', { hasText: 'Step 1 of 9: Your pain' }).waitFor();
    const added = progress(page).locator('li').nth(5);
    assert.match(await added.textContent(), /Back pain impact \(not answered yet\)Added because you chose low back pain/);
    await page.evaluate(() => { location.hash = '#/intake/start-back'; });
    await waitStep(page, 'start-back');
    assert.match(await page.locator('.step-count').innerText(), /^Step 6 of 9: Back pain impact/);
    assert.ok(await page.getByText('Added because you chose low back pain as the pain that troubles you most.').isVisible());
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the duration is never silently months: 2 or more reads as years (and says so), under 2 asks for the unit', async () => {
  const { page, errors, context } = await openWithState(env, { intake: { age: 50 } }, '#/intake/pain', viewport(360));
  try {
    await waitStep(page, 'pain');
    const duration = page.getByLabel('How long have you had this pain?');
    const unit = page.getByLabel('Months or years');
    assert.equal(await unit.inputValue(), '', 'no unit is chosen for the person');

    await duration.fill('3');
    await page.getByText('Read as 3 years. Choose “months” if you meant months.').waitFor();
    assert.equal(await unit.inputValue(), 'years');
    await savedMonths(page, 36);
    assert.deepEqual(await axe(page), [], 'accessible with the note shown');

    await duration.fill('1');
    await page.locator('#duration-error', { hasText: 'Choose “months” or “years” beside the number.' }).waitFor();
    assert.equal(await unit.inputValue(), '');
    await page.getByRole('button', { name: /^Next/ }).click();
    await page.locator('#error-summary').waitFor();
    assert.equal(await page.locator('section.wizard').getAttribute('data-step'), 'pain', 'Next waits for the unit');

    await unit.selectOption('months');
    await page.waitForFunction(() => document.getElementById('duration-error').textContent === '');
    await savedMonths(page, 1);
    await duration.fill('14');
    assert.equal(await unit.inputValue(), 'months', 'a chosen unit stays chosen');
    await savedMonths(page, 14);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('360 px: a 0–10 scale stays on one row in order, and "Clear answer" never moves the next question', async () => {
  const { page, errors, context } = await openWithState(env, { intake: { age: 50 } }, '#/intake/pain', viewport(360));
  try {
    await waitStep(page, 'pain');
    const scale = page.getByRole('group', { name: /on average in the past week/ });
    const boxes = await scale.locator('.scale-option').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { top: Math.round(r.top), left: r.left, width: r.width, height: r.height };
    }));
    assert.equal(boxes.length, 11);
    assert.equal(new Set(boxes.map((b) => b.top)).size, 1, `one row: ${JSON.stringify(boxes)}`);
    assert.ok(boxes.every((b, k) => k === 0 || b.left > boxes[k - 1].left), '0 to 10 left to right');
    assert.ok(boxes.every((b) => b.width >= 24 && b.height >= 24), `targets of 24 px or more: ${JSON.stringify(boxes)}`);

    const next = page.getByRole('group', { name: /interfered with your enjoyment of life/ });
    const before = await gap(scale, next);
    await scale.getByRole('radio', { name: /^6 out of 10/ }).check();
    const clear = scale.getByRole('button', { name: 'Clear answer' });
    await clear.waitFor();
    assert.equal(await gap(scale, next), before, 'answering does not move the next question');
    await clear.click();
    await clear.waitFor({ state: 'hidden' });
    assert.equal(await gap(scale, next), before, 'clearing does not move it either');
    assert.equal(await scale.getByRole('radio', { checked: true }).count(), 0);

    const activity = page.getByRole('group', { name: 'Which pain troubles you most?' });
    const sites = page.getByRole('group', { name: 'Do you have long-term pain anywhere else?' });
    const sitesBefore = await gap(activity, sites);
    await activity.getByRole('radio', { name: 'Neck pain', exact: true }).check();
    await activity.getByRole('button', { name: 'Clear answer' }).waitFor();
    assert.equal(await gap(activity, sites), sitesBefore, 'a radio group keeps the space of its "Clear answer"');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// The intake wizard end to end: completed by keyboard alone, zero axe-core violations on every step (also with
// validation errors shown), no horizontal scroll at 360 px, Back and leaving the wizard keep every answer,
// and validation refuses Next with messages beside the fields and a summary at the top.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, axe, focusedId } from './harness.mjs';
import { currentStep, pressNext, screeningOutcome, startIntake } from './drive.mjs';

const env = useApp('/');

/** Presses Tab until the focused element matches `selector`; fails if it never does (no trap, reachable). */
async function tabTo(page, selector, max = 150) {
  for (let k = 0; k <= max; k++) {
    if (await page.evaluate((sel) => !!document.activeElement?.matches(sel), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const isChecked = (page, sel) => page.locator(sel).isChecked();
const waitStep = (page, slug) => page.locator(`section.wizard[data-step="${slug}"]`).waitFor();

/** Tabs to a radio group, ticks its first choice with Space, then moves `steps` choices on with the arrow key. */
async function pickRadio(page, name, steps = 0) {
  await tabTo(page, `input[name="${name}"]`);
  await page.keyboard.press('Space');
  for (let k = 0; k < steps; k++) await page.keyboard.press('ArrowRight');
}

async function tick(page, id) {
  await tabTo(page, `#${id}`);
  await page.keyboard.press('Space');
}

async function keyboardNext(page, from, to) {
  await tabTo(page, 'button.next');
  await page.keyboard.press('Enter');
  if (to) await waitStep(page, to);
  assert.notEqual(await currentStep(page), from);
}

test('the whole intake can be completed by keyboard alone, with visible focus', async () => {
  const { page, problems, context } = await openApp(env.browser, env.site.url);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  try {
    await tabTo(page, 'a[href="#/intake/pain"]');
    await page.keyboard.press('Enter');
    await waitStep(page, 'pain');

    await tabTo(page, '#age');
    await page.keyboard.type('52');
    await pickRadio(page, 'primary');
    assert.ok(await isChecked(page, '#primary-low_back'), 'Space ticks the focused choice');
    await tick(page, 'sites-neck');
    await tabTo(page, '#duration');
    await page.keyboard.type('2');
    await tabTo(page, '#duration-unit');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#duration-unit').inputValue(), 'years');
    await pickRadio(page, 'peg-pain', 6);
    assert.ok(await isChecked(page, '#peg-pain-6'), 'arrow keys move along the 0–10 scale');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement.nextElementSibling).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused scale value shows a focus outline');
    await pickRadio(page, 'peg-enjoyment', 5);
    await pickRadio(page, 'peg-activity', 4);
    await keyboardNext(page, 'pain', 'safety');
    assert.equal(await focusedId(page, 'view-heading'), 'view-heading', 'focus moves to the new heading');

    await tick(page, 'symptoms-none');
    await keyboardNext(page, 'safety', 'health');

    await tick(page, 'conditions-diabetes');
    await keyboardNext(page, 'health', 'medicines');

    await tabTo(page, '#med-lookup');
    await page.keyboard.type('ibuprofen');
    await tabTo(page, '.lookup-results button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'medications-nsaid');
    assert.ok(await isChecked(page, '#medications-nsaid'), 'the looked-up medicine class is ticked');
    await tick(page, 'supplements-none');
    await keyboardNext(page, 'medicines', 'mood');

    for (const item of ['phq-nervous', 'phq-worry', 'phq-interest', 'phq-down']) await pickRadio(page, item, 1);
    await pickRadio(page, 'self-harm');
    assert.ok(await isChecked(page, '#self-harm-0'));
    await keyboardNext(page, 'mood', 'start-back');

    for (let n = 1; n <= 8; n++) await pickRadio(page, `sb-${n}`, [1, 3].includes(n) ? 0 : 1);
    await pickRadio(page, 'sb-9', 2);
    assert.ok(await isChecked(page, '#sb-9-moderately'));
    await keyboardNext(page, 'start-back', 'activity');

    await pickRadio(page, 'activity');
    await keyboardNext(page, 'activity', 'values');

    await tabTo(page, '#what-matters');
    await page.keyboard.type('Playing with my grandchildren');
    await pickRadio(page, 'area-moving-now', 1);
    await pickRadio(page, 'area-moving-want', 3);
    await tabTo(page, '#goals');
    await page.keyboard.type('Walk the dog every day');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Sleep through the night');
    await keyboardNext(page, 'values', 'practical');

    await tabTo(page, '#minutes');
    await page.keyboard.type('150');
    await tabTo(page, '#budget');
    await page.keyboard.type('40');
    await tick(page, 'days-0');
    await tick(page, 'days-2');
    await pickRadio(page, 'needles');
    await pickRadio(page, 'touch', 1);
    await tabTo(page, 'button.next');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/screening');
    assert.equal(await screeningOutcome(page), 'proceed');

    // Browser Back returns to the last step with its answers.
    await page.goBack();
    await waitStep(page, 'practical');
    assert.equal(await page.locator('#minutes').inputValue(), '150');
    assert.ok(await isChecked(page, '#touch-no'));
    await page.evaluate(() => { location.hash = '#/intake/pain'; });
    await waitStep(page, 'pain');
    assert.equal(await page.locator('#age').inputValue(), '52');
    assert.equal(await page.locator('#duration').inputValue(), '2');
    assert.equal(await page.locator('#duration-unit').inputValue(), 'years');
    assert.ok(await isChecked(page, '#peg-pain-6'));
    assert.deepEqual(await problems(), []);
    assert.deepEqual(warnings, [], 'no reactive-graph warnings');
  } finally {
    await context.close();
  }
});

test('Back keeps answers, and they survive leaving the wizard and coming back', async () => {
  const { page, problems, context } = await openApp(env.browser, env.site.url);
  try {
    await startIntake(page);
    await page.getByLabel('How old are you?').fill('47');
    await page.getByRole('radio', { name: 'Neck pain', exact: true }).check();
    await page.getByRole('group', { name: /on average in the past week/ }).getByRole('radio', { name: /^7 out of 10/ }).check();
    await pressNext(page, 'pain');
    await waitStep(page, 'safety');
    assert.match(await page.locator('.step-count').innerText(), /Step 2 of 8/, 'STarT Back is not counted for neck pain');
    await page.getByRole('checkbox', { name: 'None of these', exact: true }).check();

    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await waitStep(page, 'pain');
    assert.equal(await page.getByLabel('How old are you?').inputValue(), '47');
    assert.ok(await page.getByRole('radio', { name: 'Neck pain', exact: true }).isChecked());
    assert.ok(await page.getByRole('radio', { name: '7 out of 10, severe' }).isChecked());

    await page.goForward();
    await waitStep(page, 'safety');
    assert.ok(await page.getByRole('checkbox', { name: 'None of these', exact: true }).isChecked(), 'the safety answer was kept');

    await page.evaluate(() => { location.hash = '#/settings'; });
    await page.waitForFunction(() => !document.querySelector('section.wizard'));
    await page.evaluate(() => { location.hash = '#/'; });
    await page.getByRole('link', { name: /Continue where you left off/ }).click();
    // Pain and safety have answers, so Welcome continues at the first step without any; the indicator leads back.
    await waitStep(page, 'health');
    await page.getByRole('navigation', { name: 'Intake progress' }).getByRole('link', { name: /^Your pain/ }).click();
    await waitStep(page, 'pain');
    assert.equal(await page.getByLabel('How old are you?').inputValue(), '47');
    assert.ok(await page.getByRole('radio', { name: '7 out of 10, severe' }).isChecked());
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('bad input is refused beside the field and in a summary, without losing other answers', async () => {
  const { page, problems, context } = await openApp(env.browser, env.site.url);
  try {
    await startIntake(page);
    await page.getByRole('radio', { name: 'Migraine', exact: true }).check();
    await page.getByLabel('How old are you?').fill('forty');
    const age = page.locator('#age');
    await page.locator('#age-error').waitFor();
    assert.match(await page.locator('#age-error').innerText(), /whole years/);
    assert.equal(await age.getAttribute('aria-invalid'), 'true');
    assert.match(await age.getAttribute('aria-describedby'), /age-error/);

    await page.getByRole('button', { name: /^Next/ }).click();
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    assert.equal(await focusedId(page, 'error-summary'), 'error-summary', 'the summary takes focus');
    assert.equal(await currentStep(page), 'pain', 'Next was refused');
    await summary.getByRole('link', { name: /whole years/ }).click();
    assert.equal(await focusedId(page, 'age'), 'age', 'the summary link leads to the field');
    assert.ok(await page.getByRole('radio', { name: 'Migraine', exact: true }).isChecked(), 'other answers are kept');

    await page.getByLabel('How long have you had this pain?').fill('a while');
    await page.locator('#duration-error').waitFor();
    assert.equal(await summary.getByRole('link').count(), 2, 'the summary lists every problem');
    await page.getByLabel('How long have you had this pain?').fill('');

    await age.fill('16');
    await page.getByText(/Mosaic is made for adults. If you are under 18/).waitFor();
    await pressNext(page, 'pain');
    assert.equal(await screeningOutcome(page), 'out_of_scope', 'under 18 goes to the screening view');
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('the safety step needs an answer and a red flag stops the flow at once', async () => {
  const { page, problems, context } = await openApp(env.browser, env.site.url);
  try {
    await page.evaluate(() => { location.hash = '#/intake/safety'; });
    await waitStep(page, 'safety');
    await page.getByRole('button', { name: /^Next/ }).click();
    await page.locator('#error-summary').waitFor();
    assert.match(await page.locator('#symptoms-error').innerText(), /None of these/);
    assert.match(await page.locator('#symptoms').getAttribute('aria-describedby'), /symptoms-error/);
    await page.getByRole('checkbox', { name: /chest pain or pressure right now/ }).check();
    await pressNext(page, 'safety');
    assert.equal(await page.evaluate(() => location.hash), '#/screening');
    assert.equal(await screeningOutcome(page), 'emergency');
    assert.equal(await currentStep(page), null, 'no later step is shown');
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('a self-harm answer other than "Not at all" leads to crisis support after Next', async () => {
  const { page, context } = await openApp(env.browser, env.site.url);
  try {
    await page.evaluate(() => { location.hash = '#/intake/mood'; });
    await waitStep(page, 'mood');
    await page.getByRole('group', { name: /better off dead/ }).getByRole('radio', { name: 'Several days' }).check();
    await pressNext(page, 'mood');
    assert.equal(await screeningOutcome(page), 'crisis');
  } finally {
    await context.close();
  }
});

test('an urgent stop before the mood step still asks the self-harm question, and a yes turns it into crisis', async () => {
  const { page, problems, context } = await openApp(env.browser, env.site.url);
  try {
    await page.evaluate(() => { location.hash = '#/intake/safety'; });
    await waitStep(page, 'safety');
    await page.getByRole('checkbox', { name: /lost weight without trying/i }).check();
    await pressNext(page, 'safety');
    assert.equal(await screeningOutcome(page), 'urgent');
    const question = page.getByRole('group', { name: /better off dead/ });
    await question.waitFor();
    assert.deepEqual(await axe(page), []);
    // The answer changes the outcome at once, so the question is replaced by crisis support (click, not check).
    await question.getByRole('radio', { name: 'Several days' }).click();
    await page.locator('[data-outcome="crisis"]').waitFor();
    assert.match(await page.locator('[data-outcome]').innerText(), /988/);
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('every step has zero axe-core violations and no horizontal scroll at 360 px, also with errors shown', async () => {
  for (const width of [360, 1280]) {
    const { page, problems, context } = await openApp(env.browser, env.site.url, { context: { viewport: { width, height: 800 } } });
    try {
      await startIntake(page);
      const check = async (what) => {
        assert.deepEqual(await axe(page), [], `${what} at ${width} px`);
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.ok(scroll <= client, `${what} at ${width} px scrolls sideways (${scroll} > ${client})`);
      };
      await page.getByRole('radio', { name: 'Low back pain', exact: true }).check();
      await page.getByLabel('How old are you?').fill('abc');
      await page.getByRole('button', { name: /^Next/ }).click();
      await page.locator('#error-summary').waitFor();
      await check('pain with an error');
      await page.getByLabel('How old are you?').fill('60');
      for (const slug of ['pain', 'safety', 'health', 'medicines', 'mood', 'start-back', 'activity', 'values', 'practical']) {
        await waitStep(page, slug);
        if (slug === 'safety') {
          await page.getByRole('button', { name: /^Next/ }).click();
          await page.locator('#error-summary').waitFor();
          await check('safety with its required error');
          await page.getByRole('checkbox', { name: 'None of these', exact: true }).check();
        }
        if (slug === 'medicines') await page.getByLabel(/Look up a medicine/).fill('war');
        if (slug === 'mood') {
          await page.getByRole('group', { name: /nervous/ }).getByRole('radio', { name: 'Several days' }).check();
          await page.getByRole('button', { name: /^Next/ }).click();
          await page.locator('#self-harm-error').waitFor();
          await check('mood with its required error');
          await page.getByRole('group', { name: /better off dead/ }).getByRole('radio', { name: 'Not at all' }).check();
          await page.locator('#error-summary').waitFor({ state: 'detached' });
        }
        if (slug === 'values') {
          await page.getByLabel('Your goals, up to three').fill('one\ntwo\nthree\nfour');
          await page.locator('#goals-error').waitFor();
        }
        if (slug === 'practical') await page.getByLabel(/minutes a week/).fill('lots');
        await check(slug);
        if (slug === 'values') await page.getByLabel('Your goals, up to three').fill('one');
        if (slug === 'practical') break;
        await pressNext(page, slug);
      }
      assert.deepEqual(await problems(), []);
    } finally {
      await context.close();
    }
  }
});

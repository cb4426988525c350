// End-to-end tests of the consent step: before a therapy goes into the plan its card shows what it is, the expected
// benefit, the risks and side effects, the alternatives, the cost and that it complements usual care; it cannot be
// added before "I have read this and will discuss it with my clinician" is ticked; the confirmation is saved with
// its date, and the plan and its print show it. Therapies without one (older saves, share links) say so and can be
// confirmed on the plan. The app state is seeded into localStorage (the stored document format of src/store).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, axe, openWithState } from './harness.mjs';
import { PLAIN_LOW_BACK } from './intakes.mjs';

const DOC = 'mosaic/doc';
const CONSENT = 'I have read this and will discuss it with my clinician';
const FEELINGS = 'Mindfulness can sometimes bring up difficult feelings; stop and talk to someone if it does.';

const env = useApp('/');

/** Opens the app at `hash` with `state` stored once per context, as if saved earlier. */
function open(state, hash, contextOptions = {}) {
  return openWithState(env, state, hash, contextOptions);
}

const card = (page, id) => page.locator(`.therapy-card[data-therapy="${id}"]`);

/** The stored consent date of a therapy, once autosave has written one. */
async function storedConsent(page, id) {
  const handle = await page.waitForFunction(([key, t]) => {
    const doc = JSON.parse(localStorage.getItem(key) || 'null');
    return doc?.data?.consents?.[t]?.date ?? null;
  }, [DOC, id]);
  return handle.jsonValue();
}

/** Today as the browser's calendar has it, ISO YYYY-MM-DD. */
const today = (page) => page.evaluate(() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
});

test('choose: the consent step shows risks, benefit, alternatives, cost and usual care; no adding before the box is ticked', async () => {
  const { context, page, errors } = await open({ intake: PLAIN_LOW_BACK }, '#/choose');
  try {
    const mind = card(page, 'mindfulness');
    await mind.waitFor();
    // The card's details ("More about …") show the risks before anything is added.
    await mind.getByText('More about Mindfulness course (MBSR)').click();
    assert.match(await mind.locator('.facts').innerText(), new RegExp(FEELINGS.replace(/[.;]/g, '\\$&')));
    assert.equal(await mind.locator('.consent').count(), 0, 'the consent details stay closed until "Add"');

    const add = mind.locator('.card-action > button');
    await add.click();
    assert.equal(await add.getAttribute('aria-expanded'), 'true');
    const consent = mind.getByRole('group', { name: 'Before you add Mindfulness course (MBSR)' });
    await consent.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Before you add Mindfulness course (MBSR)');
    const text = await consent.innerText();
    assert.ok(text.includes(FEELINGS), text);
    assert.match(text, /About 8 in 100 people who meditate/);
    assert.match(text, /What to expect for low back pain/i);
    assert.match(text, /Good evidence, recommended by guidelines/);
    assert.match(text, /Alternatives with evidence of benefit for low back pain/i);
    // Alternatives come from the catalog: the other therapies rated recommended or benefit for low back pain.
    const alternatives = await consent.locator('.alternatives li').allInnerTexts();
    assert.deepEqual(alternatives.map((a) => a.replace(/ \([^()]*\)$/, '')), [
      'Exercise and movement', 'Physical therapy', 'Yoga', 'Acupuncture', 'Spinal manipulation',
      'Cognitive behavioural therapy (CBT) for pain', 'Tai chi or qigong', 'Massage', 'Biofeedback', 'Relaxation training',
    ]);
    assert.match(alternatives[0], /\(Good evidence, recommended by guidelines\)$/);
    assert.match(alternatives[6], /\(Evidence of benefit\)$/);
    assert.match(text, /Cost\s+Medium/);
    assert.match(text, /alongside your usual medical care, not to replace it/);

    // Not before the box is ticked.
    const confirm = consent.getByRole('button', { name: /^Confirm and add/ });
    assert.ok(await confirm.isDisabled(), 'confirm is disabled until the box is ticked');
    assert.equal(await mind.getAttribute('data-selected'), 'false');
    assert.deepEqual(await axe(page), [], 'no violations with the consent step open');

    await consent.getByLabel(CONSENT).check();
    assert.ok(await confirm.isEnabled());
    await confirm.click();
    assert.equal(await mind.getAttribute('data-selected'), 'true');
    assert.equal(await mind.locator('.consent').count(), 0, 'the consent step closes once confirmed');
    assert.match(await mind.locator('.in-plan').innerText(), /Added to your plan; confirmed on \d{1,2} \w+ \d{4}/);
    assert.match(await page.evaluate(() => document.activeElement?.textContent), /^Remove from my plan/, 'focus returns to the card button');

    // Recorded with today's date.
    assert.equal(await storedConsent(page, 'mindfulness'), await today(page));

    // Cancel closes without adding; removing a therapy removes its confirmation too.
    const cbt = card(page, 'cbt');
    await cbt.locator('.card-action > button').click();
    await cbt.getByLabel(CONSENT).check();
    await cbt.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await cbt.getAttribute('data-selected'), 'false');
    assert.equal(await cbt.locator('.consent').count(), 0);
    await mind.getByRole('button', { name: /^Remove from my plan/ }).click();
    await page.waitForFunction((key) => {
      const doc = JSON.parse(localStorage.getItem(key) || 'null');
      return doc && !doc.data.selected?.includes('mindfulness') && !doc.data.consents?.mindfulness;
    }, DOC);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('plan and print: a confirmed therapy says so and when, with its risks', async () => {
  const { context, page, errors } = await open({ intake: PLAIN_LOW_BACK }, '#/choose');
  try {
    const med = card(page, 'meditation');
    await med.waitFor();
    await med.locator('.card-action > button').click();
    await med.getByLabel(CONSENT).check();
    await med.getByRole('button', { name: /^Confirm and add/ }).click();
    const date = await storedConsent(page, 'meditation');
    await page.getByRole('link', { name: 'Build my plan' }).click();
    const item = page.locator('.item[data-therapy="meditation"]');
    await item.waitFor();
    const line = item.locator('.consent-line');
    assert.equal(await line.getAttribute('data-consent'), 'confirmed');
    const [y, m, d] = date.split('-').map(Number);
    const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1];
    assert.equal(await line.innerText(), `Confirmed on ${d} ${month} ${y}: you read the details and will discuss it with your clinician.`);
    assert.ok((await item.locator('.item-risks').innerText()).includes(FEELINGS));
    assert.equal(await item.locator('details.consent-open').count(), 0, 'nothing left to confirm');
    assert.deepEqual(await axe(page), []);

    await page.emulateMedia({ media: 'print' });
    assert.ok(await line.isVisible(), 'the confirmation is printed');
    assert.ok(await item.locator('.item-risks').isVisible(), 'the risks are printed');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('plan: therapies without a confirmation (older save, share link) say "not yet confirmed" and can be confirmed there', async () => {
  const { context, page, errors } = await open({ intake: PLAIN_LOW_BACK, selected: ['cbt', 'mindfulness'] }, '#/plan');
  try {
    const item = page.locator('.item[data-therapy="cbt"]');
    await item.waitFor();
    const line = item.locator('.consent-line');
    assert.equal(await line.getAttribute('data-consent'), 'missing');
    assert.match(await line.innerText(), /^Not yet confirmed/);
    assert.match(await page.locator('.item[data-therapy="mindfulness"] .consent-line').innerText(), /^Not yet confirmed/);
    assert.deepEqual(await axe(page), []);

    await page.emulateMedia({ media: 'print' });
    assert.ok(await line.isVisible(), '"not yet confirmed" is printed');
    assert.ok(await item.locator('details.consent-open').isHidden(), 'the way to confirm is not printed');
    await page.emulateMedia({ media: 'screen' });

    await item.locator('details.consent-open summary').click();
    const consent = item.getByRole('group', { name: /^Before you add Cognitive behavioural therapy/ });
    await consent.waitFor();
    assert.match(await consent.innerText(), /The sources Mosaic uses list no common side effects/);
    const confirm = consent.getByRole('button', { name: /^Confirm/ });
    assert.ok(await confirm.isDisabled());
    assert.deepEqual(await axe(page), [], 'no violations with the consent step open on the plan');
    await consent.getByLabel(CONSENT).check();
    await confirm.click();
    await page.waitForFunction(() => document.querySelector('.item[data-therapy="cbt"] .consent-line')?.dataset.consent === 'confirmed');
    assert.match(await line.innerText(), /^Confirmed on /);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('consent-line')), true, 'focus moves to the new line');
    assert.equal(await storedConsent(page, 'cbt'), await today(page));
    assert.equal(await page.locator('.item[data-therapy="mindfulness"] .consent-line').getAttribute('data-consent'), 'missing');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('consent step at 360 px: no horizontal scroll, keyboard only from "Add" to added', async () => {
  const { context, page, errors } = await open({ intake: PLAIN_LOW_BACK }, '#/choose', { viewport: { width: 360, height: 740 } });
  try {
    const yoga = card(page, 'yoga');
    await yoga.waitFor();
    await yoga.locator('.card-action > button').focus();
    await page.keyboard.press('Enter');
    await yoga.locator('.consent').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'the consent step fits');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Before you add Yoga');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent), CONSENT);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    assert.match(await page.evaluate(() => document.activeElement?.textContent), /^Confirm and add/);
    await page.keyboard.press('Enter');
    assert.equal(await yoga.getAttribute('data-selected'), 'true');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

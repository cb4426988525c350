// The flare plan (issue 14, item 4) at 360 px and 1280 px: one tap from the home screen, the person's own words kept
// as they type (a reload loses nothing), the plan's therapies ticked as what helps, the red flags of a flare from the
// rule book with the emergency ones first, crisis support, and a printout of one page. axe-core on the view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, openWithState, axe, THROTTLE } from './harness.mjs';

const env = useApp('/');
const s01 = JSON.parse(readFileSync(new URL('../tests/scenarios/s01.json', import.meta.url), 'utf8'));
const PLANNED = { intake: s01.intake, selected: ['exercise', 'yoga'] };
const viewport = (width) => ({ viewport: { width, height: 900 } });

/** The saved flare plan once it satisfies `check`. */
async function storedFlare(page, check) {
  let flare;
  for (let i = 0; i < 100 * THROTTLE; i += 1) {
    flare = await page.evaluate(() => JSON.parse(localStorage.getItem('mosaic/doc') || '{}').data?.flare);
    if (flare && check(flare)) return flare;
    await page.waitForTimeout(50);
  }
  assert.fail(`the saved flare plan never matched: ${JSON.stringify(flare)}`);
}

for (const width of [360, 1280]) {
  test(`${width} px: the flare plan is one tap from home and keeps every word across a reload`, async () => {
    const { context, page, errors } = await openWithState(env, PLANNED, '#/', viewport(width));
    try {
      await page.getByRole('link', { name: 'My flare plan' }).click();
      await page.getByRole('heading', { level: 1, name: 'My flare plan' }).waitFor();
      await page.getByLabel('What tells you a flare is starting?').fill('Stiff in the morning, sleeping badly');
      await page.getByRole('checkbox', { name: 'Yoga' }).check();
      await page.getByLabel('What else helps you through a flare?').fill('Heat pack, short walks');
      await page.getByLabel('What will you reduce or pause for a few days?').fill('Gardening');
      await page.getByLabel('Who will you call?').fill('Dr Okafor 01632 960123');
      const saved = await storedFlare(page, (f) => f.contacts === 'Dr Okafor 01632 960123');
      assert.deepEqual(saved, {
        signs: 'Stiff in the morning, sleeping badly',
        helps_from_plan: ['yoga'],
        helps: 'Heat pack, short walks',
        reduce: 'Gardening',
        contacts: 'Dr Okafor 01632 960123',
      });
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'My flare plan' }).waitFor();
      assert.equal(await page.getByLabel('What tells you a flare is starting?').inputValue(), 'Stiff in the morning, sleeping badly');
      assert.equal(await page.getByRole('checkbox', { name: 'Yoga' }).isChecked(), true);
      assert.equal(await page.getByRole('checkbox', { name: 'Exercise and movement' }).isChecked(), false);
      assert.equal(await page.getByLabel('Who will you call?').inputValue(), 'Dr Okafor 01632 960123');
      assert.deepEqual(errors, []);
      assert.deepEqual(await axe(page), [], 'the flare plan is accessible');
    } finally {
      await context.close();
    }
  });
}

test('the red flags of a flare come from the rule book, emergencies first, with crisis support', async () => {
  const { context, page, errors } = await openWithState(env, PLANNED, '#/flare', viewport(1280));
  try {
    const section = page.getByRole('region', { name: 'When a flare is not just a flare' });
    await section.waitFor();
    const outcomes = await section.locator('.flare-red-flags').evaluateAll((gs) => gs.map((g) => g.dataset.outcome));
    assert.equal(outcomes[0], 'emergency');
    assert.ok(outcomes.includes('urgent'));
    assert.deepEqual(outcomes, [...outcomes].sort(), 'every emergency group before every urgent one');
    const emergency = section.locator('[data-outcome="emergency"]').first();
    assert.match(await emergency.innerText(), /Call your local emergency number or go to the nearest emergency department now\./);
    assert.match(await section.innerText(), /Do you have numbness in your groin or buttocks \(where you would sit on a saddle\)\?/);
    assert.match(await section.locator('[data-outcome="urgent"]').allInnerTexts().then((t) => t.join('\n')),
      /Do you have a fever or chills along with the pain\?/);
    assert.match(await section.innerText(), /If you have thoughts of ending your life/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('in print the flare plan is the person\'s words on one page, without buttons or text boxes', async () => {
  const state = {
    ...PLANNED,
    flare: { signs: 'Stiff in the morning', helps_from_plan: ['yoga'], helps: 'Heat pack', reduce: 'Gardening', contacts: 'Dr Okafor' },
  };
  const { context, page, errors } = await openWithState(env, state, '#/flare', viewport(1280));
  try {
    await page.getByRole('heading', { level: 1, name: 'My flare plan' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Print my flare plan' }).isVisible(), false);
    assert.equal(await page.locator('.flare textarea:visible').count(), 0);
    assert.equal(await page.locator('.print-answer', { hasText: 'Stiff in the morning' }).isVisible(), true);
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format, printBackground: false });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.equal(pages, 1, `${format}: ${pages} pages`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the flare plan travels in the share link only when ticked, and is saved with the plan', async () => {
  const flare = { signs: 'Stiff in the morning', helps_from_plan: ['yoga'], helps: 'Heat pack\nShort walks', contacts: 'Dr Okafor 01632 960123' };
  const { context, page, errors } = await openWithState(env, { ...PLANNED, flare }, '#/plan', viewport(1280));
  const other = await env.browser.newContext();
  try {
    const qr = page.getByRole('img', { name: /QR code/ });
    await qr.waitFor();
    const plain = await qr.getAttribute('data-link');
    await page.getByRole('checkbox', { name: /Include my flare plan/ }).check();
    await page.waitForFunction((before) => document.querySelector('svg[data-link]').dataset.link !== before, plain);
    const link = await qr.getAttribute('data-link');
    assert.ok(link.length > plain.length, 'the ticked link is longer');

    const phone = await other.newPage();
    await phone.goto(plain);
    await phone.getByRole('heading', { level: 1, name: 'A plan shared with you' }).waitFor();
    assert.equal(await phone.getByRole('heading', { name: 'Flare plan' }).count(), 0, 'unticked, no flare plan travels');
    await phone.goto('about:blank');
    await phone.goto(link);
    const section = phone.getByRole('region', { name: 'Flare plan' });
    await section.waitFor();
    assert.equal(
      await section.locator('dl').innerText(),
      'Early warning signs\nStiff in the morning\nWhat helps from the plan\nYoga\nWhat else helps\nHeat pack\nShort walks\nWho to call\nDr Okafor 01632 960123',
    );
    assert.deepEqual(await axe(phone), [], 'the preview with a flare plan is accessible');
    await phone.getByRole('button', { name: 'Save to this device' }).click();
    await phone.waitForURL(/#\/plan/);
    const saved = JSON.parse(await phone.evaluate(() => localStorage.getItem('mosaic/doc'))).data;
    assert.deepEqual(saved.flare, flare);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await other.close();
  }
});

// Reliability promise 14 (docs/reliability.md): typed or imported text is inert. A document whose every free text
// holds markup and script payloads (as a hand-edited backup or another device could bring) is opened on each view
// that shows those texts, and a share link carrying them is opened on another device: no dialog ever opens, no
// view has more script, img, svg or iframe elements than the same view showing plain words, and the payloads are
// shown as the literal text they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openWithState } from './harness.mjs';
import { PAYLOADS, PLAIN, documentWith, risky } from './payloads.mjs';

const env = useApp('/');

// Each view that shows a free text, by its heading.
const VIEWS = [
  ['#/review', 'Review your answers'],
  ['#/plan', 'Your 12-week plan'],
  ['#/plan-review', 'Review your plan now'],
  ['#/flare', 'My flare plan'],
  ['#/progress', 'Your progress'],
  ['#/check-in/1', 'Check-in 1 (week 1)'],
];


test('payloads in every free text stay text on every view that shows them', async () => {
  const bad = await openWithState(env, documentWith(PAYLOADS), '#/', { viewport: { width: 1280, height: 900 } });
  const good = await openWithState(env, documentWith(PLAIN), '#/', { viewport: { width: 1280, height: 900 } });
  const dialogs = [];
  bad.page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  try {
    for (const [hash, heading] of VIEWS) {
      for (const { page } of [bad, good]) {
        await page.evaluate((h) => { location.hash = h; }, hash);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      }
      assert.deepEqual(await risky(bad.page), await risky(good.page), `${hash}: no element from the payloads`);
    }
    // Shown literally: on the flare plan (its print copy) and the answers page.
    await bad.page.evaluate(() => { location.hash = '#/flare'; });
    await bad.page.getByRole('heading', { level: 1, name: 'My flare plan' }).waitFor();
    assert.deepEqual(await bad.page.locator('.print-answer').allTextContents(), [PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], PAYLOADS[3]]);
    assert.equal(await bad.page.getByLabel('What tells you a flare is starting?').inputValue(), PAYLOADS[0]);
    assert.match(await bad.page.locator('.now').innerText(), /Contact <img src=x onerror=alert\(1\)> now\./, 'the crisis line as text');
    await bad.page.evaluate(() => { location.hash = '#/review'; });
    await bad.page.getByText(PAYLOADS[0], { exact: true }).first().waitFor();
    // The goals are one answer, joined with "; ".
    await bad.page.getByText(`${PAYLOADS[1]}; ${PAYLOADS[2]}`, { exact: true }).first().waitFor();
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(bad.errors, []);
  } finally {
    await bad.context.close();
    await good.context.close();
  }
});

test('a share link carrying payloads as own words and a flare plan opens them as text', async () => {
  const { context, page, errors } = await openWithState(env, documentWith(PAYLOADS), '#/plan', { viewport: { width: 1280, height: 900 } });
  const other = await env.browser.newContext();
  try {
    const qr = page.getByRole('img', { name: /QR code/ });
    await qr.waitFor();
    for (const box of [/Include what matters to me/, /Include my flare plan/]) {
      const before = await qr.getAttribute('data-link');
      await page.getByRole('checkbox', { name: box }).check();
      await page.waitForFunction((b) => document.querySelector('svg[data-link]').dataset.link !== b, before);
    }
    const link = await qr.getAttribute('data-link');
    const phone = await other.newPage();
    const dialogs = [];
    phone.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: 'A plan shared with you' }).waitFor();
    await phone.getByRole('region', { name: 'Flare plan' }).waitFor();
    assert.equal(await phone.locator('.shared-flare dd').first().innerText(), PAYLOADS[0]);
    await phone.getByText(`What matters most: ${PAYLOADS[0]}`).waitFor();
    const counts = await risky(phone);
    assert.equal(counts.img + counts.iframe + counts['[onerror]'] + counts['[onload]'], 0, JSON.stringify(counts));
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await other.close();
  }
});

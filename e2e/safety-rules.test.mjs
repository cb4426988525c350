// End-to-end tests of "How Mosaic checks safety" (#/safety-rules): the rule book in words, opened by its address
// and from Settings, at phone and desktop widths, with zero axe violations and keyboard-only use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, axe } from './harness.mjs';

const env = useApp('/');

const HEADING = 'How Mosaic checks safety';

/** The innermost list item in `scope` of the rule whose ID is `id` (its heading, or bold at the start of the item). */
function rule(page, scope, id) {
  return scope.getByRole('listitem').filter({ has: page.getByText(id, { exact: true }) }).last();
}

for (const width of [360, 1280]) {
  test(`opened by its address at ${width} px: red flags and massage rules with messages and sources, no axe violations`, async () => {
    const { page, problems, context } = await openApp(env.browser, `${env.site.url}#/safety-rules`, {
      context: { viewport: { width, height: 800 } },
    });
    try {
      await page.getByRole('heading', { level: 1, name: HEADING }).waitFor();
      assert.equal(await page.title(), 'How Mosaic checks safety — Mosaic');

      const ces = rule(page, page, 'RF-CES');
      assert.ok(await page.getByRole('heading', { level: 3, name: 'RF-CES', exact: true }).isVisible());
      const cesText = await ces.innerText();
      assert.match(cesText, /Emergency: go to emergency care now/);
      assert.match(cesText, /can mean the nerves at the bottom of the spine are being squeezed \(cauda equina syndrome\)/);
      assert.match(cesText, /AHCPR Acute Low Back Problems guide, red-flags table \(NCBI NBK52120\)/);
      assert.match(cesText, /Do you have numbness in your groin or buttocks \(where you would sit on a saddle\)\?/);

      // Therapies are disclosures: open Massage with the keyboard.
      const massage = page.locator('summary', { hasText: /^Massage — 7 rules$/ });
      await massage.focus();
      await page.keyboard.press('Enter');
      const details = page.locator('details', { has: massage });
      await page.waitForFunction(() => [...document.querySelectorAll('details')].some((d) => d.open && /^Massage/.test(d.querySelector('summary').textContent)));
      const unknown = rule(page, details, 'N-UNKNOWN-CONDITIONS');
      assert.ok(await unknown.isVisible(), 'N-UNKNOWN-CONDITIONS is shown under massage');
      const unknownText = await unknown.innerText();
      assert.match(unknownText, /Caution: can be added, with this message/);
      assert.match(unknownText, /Your health conditions could not be checked: ask your clinician whether this is safe for you before starting\./);
      assert.match(unknownText, /RULES §4\.1 N-UNKNOWN-CONDITIONS/);
      assert.match(unknownText, /given to every therapy that has a rule on the health-conditions answer/);
      assert.match(unknownText, /the health-conditions question was not answered/);
      assert.match(await rule(page, details, 'MASSAGE-DVT').innerText(), /Blocked: cannot be added[\s\S]*A blood clot in a vein/);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);

      // Check every part of the page, with every therapy open.
      await page.evaluate(() => document.querySelectorAll('details.therapy-rules').forEach((d) => { d.open = true; }));
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(await problems(), []);

      // Opened by its address, "Back" leads to the start.
      await page.getByRole('link', { name: 'Back to the start' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Build a care plan for your chronic pain' }).waitFor();
    } finally {
      await context.close();
    }
  });
}

test('reached from Settings and from Welcome; the keyboard goes back to the previous view', async () => {
  const { page, problems, context } = await openApp(env.browser, `${env.site.url}#/settings`, {
    context: { viewport: { width: 360, height: 800 } },
  });
  try {
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('link', { name: HEADING }).click();
    await page.getByRole('heading', { level: 1, name: HEADING }).waitFor();
    // The heading takes focus on arrival; the next Tab is the way back.
    await page.waitForFunction(() => document.activeElement?.id === 'view-heading');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Back to Settings');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    await page.getByRole('link', { name: 'Mosaic home' }).click();
    await page.getByRole('heading', { level: 1, name: 'Build a care plan for your chronic pain' }).waitFor();
    await page.getByRole('link', { name: 'See how Mosaic checks safety' }).click();
    await page.getByRole('heading', { level: 1, name: HEADING }).waitFor();
    assert.ok(await page.getByRole('link', { name: 'Back to the start' }).first().isVisible());
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

// Take-home on a phone (issue 17, item 7), at 360 px and 1280 px: Share where the device has a share sheet (and
// only there), Copy link with "Link copied" in a polite live region, "Scan this code" only where the code is for
// another device (the printout), a printout with the date, the code and the link as text, and checkboxes of at
// least 24 px on every view that has them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, axe, openWithState } from './harness.mjs';

const s01 = JSON.parse(readFileSync(new URL('../tests/scenarios/s01.json', import.meta.url), 'utf8'));
const STATE = {
  intake: { ...s01.intake, practicalities: { minutes_per_week: 200, budget_per_month: 120, days: [0, 2, 4] } },
  selected: ['exercise', 'yoga', 'mindfulness'],
};
const WIDTHS = [360, 1280];
const env = useApp('/');

/**
 * The plan (or `hash`) at `width` with STATE saved, as openWithState opens it; `setup(context)` runs before the app
 * starts (init scripts, the clock), `options` go to the context (permissions, say).
 */
const openPlan = (width, { hash = '#/plan', setup, options = {} } = {}) =>
  openWithState(env, STATE, hash, { viewport: { width, height: 900 }, ...options }, setup);

/** The link the panel shows, after checking that the QR code carries the same one. */
async function shownLink(page) {
  const link = await page.getByLabel('The link to your plan (it contains your plan)').inputValue();
  assert.equal(await page.getByRole('img', { name: 'QR code of a link to your plan' }).getAttribute('data-link'), link);
  assert.ok(link.startsWith(`${env.site.url}#/shared/`), link);
  return link;
}

/** A stand-in for the Web Share API that records what it was given. */
const STUB_SHARE = () => {
  window.__shared = [];
  Navigator.prototype.share = function share(data) {
    window.__shared.push({ title: data.title, url: data.url, text: data.text });
    return Promise.resolve();
  };
};

for (const width of WIDTHS) {
  test(`${width} px: Share is shown where navigator.share exists and shares the link`, async () => {
    const { context, page, errors } = await openPlan(width, { setup: (c) => c.addInitScript(STUB_SHARE) });
    try {
      const panel = page.locator('section.take-home');
      await panel.waitFor();
      const link = await shownLink(page);
      const text = await panel.locator('p').first().innerText();
      assert.doesNotMatch(text, /^Scan this code/, 'on the phone that holds the plan, scanning is not the instruction');
      assert.match(text, /share the link or copy it and open it there/);
      await panel.getByRole('button', { name: 'Share', exact: true }).click();
      await page.waitForFunction(() => window.__shared.length === 1);
      assert.deepEqual(await page.evaluate(() => window.__shared), [{ title: 'My Mosaic plan', url: link, text: undefined }]);
      assert.equal(await panel.getByRole('status').innerText(), '', 'a completed share needs no message');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'no sideways scrolling');
      assert.deepEqual(await axe(page), [], 'the take-home panel with Share is accessible');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test(`${width} px: without navigator.share there is no Share button; Copy link still works`, async () => {
    const { context, page } = await openPlan(width, {
      setup: (c) => c.addInitScript(() => { delete Navigator.prototype.share; }),
      options: { permissions: ['clipboard-read', 'clipboard-write'] },
    });
    try {
      const panel = page.locator('section.take-home');
      await panel.waitFor();
      assert.equal(await page.evaluate(() => 'share' in navigator), false, 'this browser has no share sheet');
      assert.equal(await panel.getByRole('button', { name: 'Share', exact: true }).count(), 0);
      const link = await shownLink(page);
      const status = panel.getByRole('status');
      assert.equal(await status.getAttribute('role'), 'status', 'a polite live region');
      await panel.getByRole('button', { name: 'Copy link' }).click();
      await status.filter({ hasText: 'Link copied' }).waitFor();
      assert.equal(await status.innerText(), 'Link copied');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the link is on the clipboard');
      assert.deepEqual(await axe(page), [], 'the take-home panel after "Link copied" is accessible');
      // Another link (own words included): the old "Link copied" no longer stands.
      await page.getByLabel(/Include what matters to me/).check();
      assert.equal(await status.innerText(), '');
    } finally {
      await context.close();
    }
  });

  test(`${width} px: where the clipboard cannot be used, Copy link says so and selects the link`, async () => {
    const { context, page } = await openPlan(width, {
      setup: (c) => c.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
      }),
    });
    try {
      const panel = page.locator('section.take-home');
      await panel.waitFor();
      await panel.getByRole('button', { name: 'Copy link' }).click();
      const status = panel.getByRole('status');
      await status.filter({ hasText: 'could not be copied' }).waitFor();
      assert.equal(await status.innerText(),
        "The link could not be copied here. It is selected in the box below: copy it with your device's copy command.");
      const selected = await page.evaluate(() => {
        const box = document.activeElement;
        return box?.id === 'share-link' && box.selectionStart === 0 && box.selectionEnd === box.value.length;
      });
      assert.equal(selected, true, 'the link box has the focus, its whole text selected');
    } finally {
      await context.close();
    }
  });

  test(`${width} px: the printout shows the date, the QR code and the link as text, and no controls`, async () => {
    const { context, page } = await openPlan(width, {
      // A fixed day for the printout's date: noon on 12 March 2026 (the same time zone for Node and Chromium).
      setup: (c) => c.clock.setFixedTime(new Date(2026, 2, 12, 12, 0, 0)),
    });
    try {
      const panel = page.locator('section.take-home');
      await panel.waitFor();
      const link = await shownLink(page);
      await page.emulateMedia({ media: 'print' });
      const printed = panel.locator('.take-home-printed');
      assert.ok(await printed.isVisible(), 'the printed instructions are shown');
      assert.match(await printed.innerText(), /^Printed on 12 March 2026\. Scan this code with your phone's camera/);
      assert.equal(await page.locator('.print-note').innerText(),
        "Made with Mosaic on the patient's own device. Planning help, not medical advice.");
      assert.ok(await panel.getByRole('img', { name: 'QR code of a link to your plan' }).isVisible(), 'the QR code is printed');
      const box = await panel.getByRole('img', { name: 'QR code of a link to your plan' }).boundingBox();
      // 26 mm (98 px) at least: about half a millimetre per module for this short link's code.
      assert.ok(box.width >= 98, `the printed code is ${box.width} px wide, large enough to scan`);
      const linkText = panel.locator('.take-home-link');
      assert.ok(await linkText.isVisible(), 'the link is printed');
      assert.equal((await linkText.innerText()).replace(/\s+/g, ''), link, 'the whole link, as text');
      const controls = await panel.locator('button, input, label').evaluateAll(
        (els) => els.filter((e) => e.getClientRects().length > 0).length,
      );
      assert.equal(controls, 0, 'no buttons, boxes or labels of controls in print');
      assert.equal(await panel.locator('p.no-print').isVisible(), false, 'the on-screen instructions are not printed');
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await printed.isVisible(), false, 'the printed instructions are for print only');
      assert.equal(await linkText.isVisible(), false);
    } finally {
      await context.close();
    }
  });

  test(`${width} px: every checkbox on every view is at least 24×24 px`, async () => {
    const { context, page } = await openPlan(width, { hash: '#/intake/pain' });
    try {
      const tooSmall = () => page.locator('input[type="checkbox"]').evaluateAll((boxes) => boxes
        .filter((b) => b.getClientRects().length > 0)
        .map((b) => [b.labels?.[0]?.textContent.trim().slice(0, 40) || b.getAttribute('aria-label'), b.getBoundingClientRect()])
        .filter(([, r]) => r.width < 24 || r.height < 24)
        .map(([name, r]) => `${name}: ${r.width.toFixed(1)}×${r.height.toFixed(1)}`));
      const views = ['#/intake/pain', '#/intake/safety', '#/intake/health', '#/intake/medicines', '#/intake/practical',
        '#/choose', '#/plan', '#/settings'];
      const counts = {};
      for (const hash of views) {
        await page.evaluate((h) => { location.hash = h; }, hash);
        await page.waitForFunction((h) => location.hash === h && !document.querySelector('.view-loading')
          && document.querySelector('#main input[type="checkbox"]'), hash);
        if (hash === '#/choose') {
          // The consent step's checkbox appears once a therapy is being added.
          await page.locator('.therapy-card[data-therapy="massage"] .card-action > button').click();
          await page.getByLabel('I have read this and will discuss it with my clinician').first().waitFor();
        }
        // Checkboxes inside closed disclosures (the plan's "Change days") are measured open.
        await page.locator('#main details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
        counts[hash] = await page.locator('#main input[type="checkbox"]').evaluateAll(
          (boxes) => boxes.filter((b) => b.getClientRects().length > 0).length,
        );
        assert.deepEqual(await tooSmall(), [], `${hash}: every checkbox is at least 24×24 px`);
      }
      assert.ok(Object.values(counts).every((n) => n > 0), JSON.stringify(counts));
      assert.ok(counts['#/plan'] >= 22, `the plan shows 7 day checkboxes for each of 3 therapies (${counts['#/plan']})`);
    } finally {
      await context.close();
    }
  });
}

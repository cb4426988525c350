// The release build loads each big view's code on demand (scripts/wasm-app.mjs): the first view must render from
// the main module alone, a view whose code cannot be fetched must say so and recover, and once everything has been
// fetched in the background the whole app must keep working offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, THROTTLE, focusedId, isViewPack } from './harness.mjs';

const env = useApp('/clinic/tools/mosaic/');


test('the welcome view needs no view chunk; a view that cannot be fetched says so and loads on Try again', async () => {
  let blocked = true;
  const { page, log, context } = await openApp(env.browser, env.site.url, {
    setup: (ctx) => ctx.route((url) => isViewPack(url.pathname), (route) => (blocked ? route.abort() : route.continue())),
  });
  try {
    await page.getByRole('heading', { level: 1, name: /care plan/i }).waitFor();
    assert.ok(log.requests.some((u) => u.endsWith('/mosaic_bg.wasm')), 'the main module was fetched');
    await page.getByRole('link', { name: 'Start planning' }).click();
    await page.getByRole('heading', { level: 1, name: 'This part of Mosaic could not be loaded' }).waitFor();
    assert.match(await page.getByRole('alert').filter({ hasText: 'offline' }).textContent(), /Nothing you have entered is lost/);
    assert.equal(await focusedId(page, 'view-heading'), 'view-heading', 'focus moves to the message');

    blocked = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your pain' }).waitFor();
    assert.ok(await page.getByRole('group').first().isVisible(), 'the intake questions are shown');
    assert.deepEqual(log.pageErrors, [], 'no uncaught exception: the app survived the failed fetch');
  } finally {
    await context.close();
  }
});

test('once every view has been fetched in the background, the whole app works offline', async () => {
  const { page, problems, context } = await openApp(env.browser, env.site.url);
  try {
    await page.locator('html[data-all-views-loaded]').waitFor({ state: 'attached', timeout: 15000 * THROTTLE });
    await context.setOffline(true);
    const before = (await problems()).length;
    await page.getByRole('link', { name: 'Start planning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your pain' }).waitFor();
    for (const [hash, heading] of [
      ['#/screening', /safety/i],
      ['#/choose', 'Choose therapies'],
      ['#/plan', /12-week plan/],
      ['#/settings', 'Settings'],
    ]) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 5000 * THROTTLE });
    }
    assert.equal((await problems()).length, before, `no error while offline: ${(await problems()).join('; ')}`);
  } finally {
    await context.close();
  }
});

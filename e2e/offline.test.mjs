// Offline after the first visit (issue 16): the service worker caches the build, so with the network gone the page
// reloads and every view, an intake through to a plan, and a backup restore work with no request failing; nothing
// it caches holds what a person typed; a new build waits for "Update now" and keeps an intake in progress; Chromium
// finds the app installable. Every other e2e file blocks the worker (harness.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { useApp, THROTTLE, CHROMIUM_ARGS } from './harness.mjs';
import { driveIntake, planExercise } from './drive.mjs';
import { PLAIN_NECK } from './intakes.mjs';
import { serve } from '../scripts/static-server.mjs';
import { buildFiles, serviceWorker } from '../scripts/service-worker.mjs';

const env = useApp('/');
const DIST = process.env.MOSAIC_DIST || 'dist';
const S = `ZZO-SENTINEL-${Math.random().toString(36).slice(2)}`;
const INTAKE = { ...PLAIN_NECK, values: { what_matters: `Gardening ${S}`, goals: [] } };
// Every view a person can open, by address.
const VIEWS = ['#/review', '#/screening', '#/choose', '#/plan', '#/check-in', '#/progress', '#/flare', '#/share',
  '#/plan-review', '#/settings', '#/safety-rules', '#/intake/pain'];

/** A page that records failed requests, console errors and uncaught exceptions. */
async function watched(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`exception: ${e}`));
  return { page, problems };
}

/** Opens `url` and waits until the service worker controls the page (its cache is then complete). */
async function firstVisit(page, url) {
  await page.goto(url);
  await page.locator('#main h1').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 * THROTTLE });
  // The visit is over once the page has fetched every view's code in the background: going offline or reloading
  // earlier would abort those requests (the worker has its own copies, but the page's requests would fail).
  await page.waitForSelector('html[data-all-views-loaded]', { state: 'attached', timeout: 30_000 * THROTTLE });
}

async function open(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((h) => location.hash === h, hash);
  const heading = page.locator('#main h1');
  await heading.waitFor();
  return heading.innerText();
}

test('after one visit online, Mosaic reloads offline: every view, an intake to a plan and a backup restore, no request failing', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'allow', acceptDownloads: true });
  try {
    const { page, problems } = await watched(context);
    await firstVisit(page, env.site.url);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('link', { name: 'Start planning' }).waitFor();
    for (const hash of VIEWS) {
      const heading = await open(page, hash);
      assert.doesNotMatch(heading, /could not be loaded|Page not found/, `${hash} opens offline`);
    }
    await open(page, '#/');
    await driveIntake(page, INTAKE);
    await planExercise(page);
    await page.locator('.entry', { hasText: 'Exercise and movement' }).first().waitFor();

    // A backup of this plan, restored after deleting everything, all offline.
    await page.waitForFunction((s) => (localStorage.getItem('mosaic/doc') ?? '').includes(s), S);
    await open(page, '#/settings');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup' }).first().click(),
    ]);
    const backup = await download.path();
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByRole('link', { name: 'Start planning' }).waitFor();
    await open(page, '#/settings');
    await page.getByLabel('Restore a backup').setInputFiles(backup);
    await page.getByText('This backup holds').waitFor();
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.waitForURL(/#\/screening/);
    assert.ok((await page.evaluate(() => localStorage.getItem('mosaic/doc'))).includes(S), 'the backup came back');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('nothing the worker caches holds what a person typed, and it caches nothing outside its scope', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'allow' });
  try {
    const { page, problems } = await watched(context);
    await firstVisit(page, env.site.url);
    await driveIntake(page, INTAKE);
    await page.evaluate(() => { location.hash = '#/review'; });
    await page.getByText(S).first().waitFor();
    const cached = await page.evaluate(async () => {
      const out = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          out.push({ name, url: request.url, body: await response.text() });
        }
      }
      return out;
    });
    assert.ok(cached.length > 20, `the build is cached (${cached.length} entries)`);
    assert.deepEqual([...new Set(cached.map((c) => c.name))].length, 1, 'one cache, of this build');
    assert.deepEqual(cached.filter((c) => !c.url.startsWith(env.site.url)).map((c) => c.url), [], 'nothing outside the scope');
    assert.deepEqual(cached.filter((c) => c.url.includes('#') || c.url.includes(S) || c.body.includes(S)).map((c) => c.url), [],
      'no cached request or response holds the sentinel');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/** A copy of the build as a later build would be: its app folder under a new name, the page and worker pointing at it. */
function nextBuild(root) {
  const app = readdirSync(root).find((f) => f.startsWith('app-'));
  const next = `app-${[...app.slice(4)].reverse().join('')}`;
  renameSync(join(root, app), join(root, next));
  const index = join(root, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replaceAll(app, next));
  writeFileSync(join(root, 'sw.js'), serviceWorker(next, buildFiles(root)));
  return next;
}

test('a new build waits for "Update now", keeps the intake in progress, and then runs', async () => {
  const root = mkdtempSync(join(tmpdir(), 'mosaic-update-'));
  cpSync(DIST, root, { recursive: true });
  const site = await serve({ root });
  const context = await env.browser.newContext({ serviceWorkers: 'allow' });
  try {
    const { page, problems } = await watched(context);
    await firstVisit(page, site.url);
    await page.getByRole('link', { name: 'Start planning' }).click();
    await page.getByLabel('How old are you?').fill('47');
    await page.waitForFunction(() => (localStorage.getItem('mosaic/doc') ?? '').includes('"age":47'));

    const next = nextBuild(root);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = page.locator('[data-update="ready"]');
    await banner.waitFor({ timeout: 30_000 * THROTTLE });
    assert.match(await banner.innerText(), /A new version of Mosaic is ready/);
    assert.equal(await page.getByLabel('How old are you?').inputValue(), '47', 'no reload before the person asks');
    await page.getByLabel('How old are you?').fill('48');

    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Update now' }).click()]);
    await page.getByLabel('How old are you?').waitFor();
    assert.equal(await page.getByLabel('How old are you?').inputValue(), '48', 'the change made just before is kept');
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src).join(' '));
    assert.ok(scripts.includes(next), 'the page now runs the new build');
    assert.equal(await banner.count(), 0, 'no banner after the update');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    site.server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('Chromium finds Mosaic installable: manifest, icons and a worker that answers offline', async () => {
  // Chromium says no tab of an incognito profile (every new context) is installable, so this one has a profile.
  const profile = mkdtempSync(join(tmpdir(), 'mosaic-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, serviceWorkers: 'allow',
  });
  try {
    const { page, problems } = await watched(context);
    await firstVisit(page, env.site.url);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await (await page.request.get(`${env.site.url}public/manifest.webmanifest`)).json();
    assert.equal(manifest.display, 'standalone');
    const sizes = [];
    for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
      const png = await (await page.request.get(`${env.site.url}public/${icon.src}`)).body();
      sizes.push(`${icon.src} ${png.readUInt32BE(16)}x${png.readUInt32BE(20)} ${icon.purpose}`);
    }
    assert.deepEqual(sizes, [
      'icon-192.png 192x192 any', 'icon-512.png 512x512 any',
      'icon-maskable-192.png 192x192 maskable', 'icon-maskable-512.png 512x512 maskable',
    ]);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

// Shared end-to-end harness: serves the built dist/ on 127.0.0.1, launches Debian's Chromium through
// playwright-core, and records console errors, uncaught exceptions, CSP violations and every request.
import { before, after } from 'node:test';
import { chromium, errors } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serve } from '../scripts/static-server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** How many times slower Chromium's CPU runs (MOSAIC_CPU_THROTTLE, default 1); every explicit wait scales by it. */
export const THROTTLE = Number(process.env.MOSAIC_CPU_THROTTLE || 1);
if (!Number.isFinite(THROTTLE) || THROTTLE < 1) {
  throw new Error(`MOSAIC_CPU_THROTTLE must be a number ≥ 1, not ${process.env.MOSAIC_CPU_THROTTLE}`);
}

/** Launches Chromium; the caller must close it in `finally`. With MOSAIC_CPU_THROTTLE=N (e.g. 4) every page runs
 *  with Chromium's CPU slowed N times, to show the suite waits for conditions rather than for time. */
export async function launch() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rate = THROTTLE;
  const newContext = browser.newContext.bind(browser);
  // The service worker is blocked unless a test asks for it (`serviceWorkers: 'allow'`): the other tests are about
  // the page itself (its requests, chunks that fail to load, storage), which a worker answering from its cache
  // would hide. e2e/offline.test.mjs tests the worker.
  browser.newContext = async (options = {}) => {
    const context = await newContext({ serviceWorkers: 'block', ...options });
    if (rate > 1) {
      context.setDefaultTimeout(30_000 * rate);
      context.on('page', async (page) => {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      });
    }
    return context;
  };
  return browser;
}

/** The name of a file holding views' code in a release build: one pack per view, `app-<hash>/pack-<view>.wasm`
 *  (scripts/wasm-app.mjs). */
export const VIEW_PACK = /^pack-[a-z_]+\.wasm$/;
/** Whether a URL path names a views' pack. */
export const isViewPack = (path) => VIEW_PACK.test(path.slice(path.lastIndexOf('/') + 1));

/** Serves the built app (dist/, or $MOSAIC_DIST) under `base` (default `/`). */
export function serveDist(base = '/', root = process.env.MOSAIC_DIST || 'dist') {
  return serve({ root, base });
}

/**
 * Serves the app under `base` and launches Chromium once for the calling test file, closing both after it.
 * Returns `{ browser, site }`, filled in before the first test runs.
 */
export function useApp(base = '/') {
  const env = { browser: undefined, site: undefined };
  before(async () => {
    env.site = await serveDist(base);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.site?.server.close();
  });
  return env;
}

/**
 * Opens a page that records problems. `problems()` lists console errors, page errors, CSP violations
 * and requests to any origin other than the app's. `setup(context)` runs before the page loads (e.g. to block URLs).
 */
export async function openApp(browser, url, { context: ctxOptions = {}, setup } = {}) {
  const context = await browser.newContext(ctxOptions);
  await setup?.(context);
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const log = { consoleErrors: [], pageErrors: [], requests: [], foreign: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err)));
  page.on('request', (req) => {
    const u = req.url();
    log.requests.push(u);
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) log.foreign.push(u);
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  await page.goto(url);
  await page.waitForSelector('#main h1', { timeout: 15000 * THROTTLE });
  const problems = async () => {
    const csp = await page.evaluate(() => window.__csp || []);
    return [
      ...log.consoleErrors.map((m) => `console error: ${m}`),
      ...log.pageErrors.map((m) => `uncaught: ${m}`),
      ...csp.map((m) => `CSP violation: ${m}`),
      ...log.foreign.map((u) => `request to another origin: ${u}`),
    ];
  };
  return { context, page, log, problems };
}

/** Runs axe-core on the current page (WCAG 2.x A and AA rules) and returns the violations. */
export async function axe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

/**
 * Opens a new context at `hash` with `state` stored as the saved document once per context (before the app's first
 * load), as if it had been saved earlier. Returns `{ context, page, errors }`; the caller closes the context.
 */
export async function openWithState(env, state, hash, contextOptions = {}, setup = undefined) {
  const doc = JSON.stringify({ app: 'mosaic', schema: 3, generation: 1, saved_at: '2026-01-01T00:00:00Z', data: state });
  const context = await env.browser.newContext(contextOptions);
  // Anything that must be in place before the app starts (a fixed clock, say).
  await setup?.(context);
  await context.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('mosaic-test-seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('mosaic-test-seeded', '1');
    }
  }, ['mosaic/doc', doc]);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${env.site.url}${hash}`);
  await page.waitForSelector('#main h1', { timeout: 15000 * THROTTLE });
  return { context, page, errors };
}

/** The id of the focused element once it is `expected`, or of whatever holds focus when the wait runs out:
 *  the app moves focus a frame after it renders, so reading it at once races the move. */
export async function focusedId(page, expected, timeout = 3000 * THROTTLE) {
  try {
    await page.waitForFunction((id) => document.activeElement?.id === id, expected, { timeout });
  } catch (e) {
    if (!(e instanceof errors.TimeoutError)) throw e;
  }
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** A backup file of `data` to hand to the "Restore a backup" input, as Mosaic writes one (schema 3 is
 *  src/store/migrate.rs CURRENT_SCHEMA). */
export const backupFile = (data, exportedAt = '2026-03-02T10:00:00Z') => ({
  name: 'mosaic-backup.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ format: 'mosaic-backup', schema: 3, exported_at: exportedAt, data })),
});

// Baseline end-to-end tests of the app shell against the release build in dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, serveDist, openApp, axe } from './harness.mjs';

const env = useApp('/');

test('the app starts with no console error, uncaught exception, CSP violation or foreign request', async () => {
  const { page, problems, log, context } = await openApp(env.browser, env.site.url);
  try {
    await page.getByRole('heading', { level: 1, name: /care plan/i }).waitFor();
    assert.ok(await page.getByRole('link', { name: 'Start planning' }).isVisible());
    // Late problems would come from the background fetch of every view: wait until it has finished.
    await page.locator('html[data-all-views-loaded]').waitFor({ state: 'attached' });
    assert.deepEqual(await problems(), []);
    assert.ok(log.requests.some((u) => u.endsWith('.wasm')), 'the wasm module was loaded from the same origin');
  } finally {
    await context.close();
  }
});

test('the Welcome view has zero axe-core violations', async () => {
  const { page, context } = await openApp(env.browser, env.site.url);
  try {
    assert.deepEqual(await axe(page), []);
  } finally {
    await context.close();
  }
});

test('the Welcome view names the emergency numbers and crisis lines of the rule book', async () => {
  const { page, context } = await openApp(env.browser, env.site.url);
  try {
    const callout = page.getByRole('region', { name: 'In an emergency' });
    // The numbers and services come from src/clinical/data/rules.json (emergency_numbers, crisis_lines).
    assert.match(await callout.innerText(), /call your local emergency number now \(911 in the US, 112 in Europe, 999 in the UK\)\./);
    assert.match(await callout.innerText(), /In the US, call or text 988 \(Suicide & Crisis Lifeline\)\./);
  } finally {
    await context.close();
  }
});

test('the Content-Security-Policy is strict: scripts only from the app\'s own files, none inline', async () => {
  const { page, context } = await openApp(env.browser, env.site.url);
  try {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'|nonce-|sha256-|APP/);
    assert.equal(await page.locator('script:not([src])').count(), 0, 'the page has no inline script');
    // An injected script is refused and reported.
    const before = await page.evaluate(() => window.__csp.length);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 1';
      document.body.appendChild(s);
    });
    // The violation event is dispatched asynchronously: wait for it rather than for a fixed time.
    await page.waitForFunction((n) => window.__csp.length > n, before);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'injected inline script did not run');
    for (const d of ["default-src 'none'", "style-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) {
      assert.ok(csp.includes(d), `CSP has ${d}`);
    }
  } finally {
    await context.close();
  }
});

test('an unknown hash shows a friendly not-found view with a way home, and Back returns', async () => {
  const { page, problems, context } = await openApp(env.browser, env.site.url);
  try {
    await page.evaluate(() => { location.hash = '#/no-such-page'; });
    await page.getByRole('heading', { level: 1, name: /couldn't find/i }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /care plan/i }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: /couldn't find/i }).waitFor();
    await page.getByRole('link', { name: 'Go to the start' }).click();
    await page.getByRole('heading', { level: 1, name: /care plan/i }).waitFor();
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('the same dist/ works unchanged under a deep sub-path', async () => {
  const deep = await serveDist('/clinic/tools/mosaic/');
  const { page, problems, log, context } = await openApp(env.browser, deep.url);
  try {
    await page.getByRole('heading', { level: 1, name: /care plan/i }).waitFor();
    assert.deepEqual(await problems(), []);
    assert.ok(deep.requests.every((p) => p.startsWith('/clinic/tools/mosaic/')), `all requests under the sub-path: ${deep.requests}`);
    assert.ok(log.requests.length >= 3);
  } finally {
    await context.close();
    deep.server.close();
  }
});

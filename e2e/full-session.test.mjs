// Acceptance tests #11 and #12 (docs/reliability.md): over a whole session, not only at start-up, Mosaic makes no
// request but for its own files, what a person types reaches no request, and the Content-Security-Policy never
// fires. A sentinel string is typed into every free text a person meets on the way: the intake's "what matters" and
// goals, the medicine look-up, a check-in's side effect and note, the flare plan and the crisis line; the session
// goes Welcome → intake → screening → choose → plan → check-in → progress → flare plan → plan review → answers →
// settings. Every request of the browser context is recorded (method, address, headers and body).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, isViewPack } from './harness.mjs';
import { driveIntake, planExercise } from './drive.mjs';
import { PLAIN_LOW_BACK } from './intakes.mjs';

const env = useApp('/');
const SENTINEL = 'SENTINEL-7f3a';

/** The only addresses a session may ask for after start-up: the build's own files, by their hashed names (the
 *  WebAssembly views' packs and scripts under `app-<hash>/`, the stylesheets of the views beside the page). */
const OWN_FILE = /^\/(app-[0-9a-f]{16}\/[A-Za-z0-9_-]+\.(wasm|js)|[a-z]+-[0-9a-f]{16}\.css)$/;

test('a whole session with a sentinel in every free text: no request but the app\'s own files, the sentinel in none, no CSP violation or console error', async () => {
  const { context, page, problems, log } = await openApp(env.browser, env.site.url, { context: { viewport: { width: 1280, height: 900 } } });
  const requests = [];
  let started = false;
  context.on('request', (r) => requests.push({
    method: r.method(), url: r.url(), headers: r.headers(), body: r.postDataBuffer()?.toString('latin1') ?? '', after: started,
  }));
  try {
    // Start-up ends once the app has fetched every view in the background.
    await page.locator('html[data-all-views-loaded]').waitFor({ state: 'attached' });
    started = true;
    const atStart = log.requests.length;

    // The intake, with the sentinel in its own words.
    const run = await driveIntake(page, {
      ...PLAIN_LOW_BACK,
      values: { what_matters: `${SENTINEL} matters`, goals: [`${SENTINEL} goal one`, `${SENTINEL} goal two`] },
    });
    assert.equal(run.outcome, 'proceed');
    // The medicine look-up is free text too, typed and never stored.
    await page.evaluate(() => { location.hash = '#/intake/medicines'; });
    await page.getByLabel('Look up a medicine by name (optional)').fill(`${SENTINEL} ibuprofen`);
    await page.locator('.lookup-status').filter({ hasText: /./ }).waitFor();
    await page.evaluate(() => { location.hash = '#/screening'; });
    await page.locator('[data-outcome="proceed"]').first().waitFor();

    // Choose a therapy and open the plan.
    await planExercise(page);

    // A check-in from the plan, with a side effect in words and a note.
    await page.getByRole('link', { name: 'Weekly check-in' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Weekly check-in' }).waitFor();
    await page.getByRole('checkbox', { name: 'None of these' }).check();
    await page.getByRole('group', { name: /pain on average in the past week/ }).getByRole('radio', { name: /^5 out of 10/ }).check();
    await page.getByRole('group', { name: 'Side effects of Exercise and movement this week' }).getByRole('radio', { name: 'Mild' }).check();
    const effect = page.getByLabel('What happened with Exercise and movement (optional)');
    await effect.fill(`${SENTINEL} sore calves`);
    await effect.blur();
    const note = page.getByLabel('Anything else about this week (optional)');
    await note.fill(`${SENTINEL} slept badly`);
    await note.blur();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('link', { name: 'See my progress' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();

    // The flare plan, every part in the person's words.
    await page.evaluate(() => { location.hash = '#/flare'; });
    await page.getByRole('heading', { level: 1, name: 'My flare plan' }).waitFor();
    for (const label of ['What tells you a flare is starting?', 'What else helps you through a flare?',
      'What will you reduce or pause for a few days?', 'Who will you call?']) {
      await page.getByLabel(label).fill(`${SENTINEL} ${label}`);
    }

    // The views that show those words, then Settings.
    for (const [hash, heading] of [['#/plan-review', 'Review your plan now'], ['#/review', 'Review your answers'], ['#/plan', 'Your 12-week plan']]) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
    await page.evaluate(() => { location.hash = '#/settings'; });
    await page.getByLabel(/crisis line to show/i).fill(`${SENTINEL} crisis line`);
    await page.waitForFunction((s) => (localStorage.getItem('mosaic/doc') ?? '').includes(`${s} crisis line`), SENTINEL);

    // The sentinel did reach every stored free text: the session really typed it.
    const data = JSON.parse(await page.evaluate(() => localStorage.getItem('mosaic/doc'))).data;
    assert.equal(data.intake.values.what_matters, `${SENTINEL} matters`);
    assert.deepEqual(data.intake.values.goals, [`${SENTINEL} goal one`, `${SENTINEL} goal two`]);
    assert.equal(data.checkins[0].note, `${SENTINEL} slept badly`);
    assert.equal(data.checkins[0].effects.exercise.text, `${SENTINEL} sore calves`);
    assert.equal(data.flare.contacts, `${SENTINEL} Who will you call?`);
    assert.equal(data.settings.crisis_line, `${SENTINEL} crisis line`);

    const after = requests.filter((r) => r.after);
    // The pattern of the app's own files is the one start-up itself keeps to (besides the page).
    const startup = requests.filter((r) => !r.after).map((r) => new URL(r.url).pathname);
    assert.deepEqual(startup.filter((p) => p !== '/' && !OWN_FILE.test(p)), [], 'start-up asks only for the page and the build\'s files');
    assert.ok(startup.filter(isViewPack).length >= 10, 'start-up fetched the views\' packs');
    console.log(`requests after start-up (${after.length}):\n${after.map((r) => `${r.method} ${r.url}`).join('\n')}`);
    const origin = new URL(env.site.url).origin;
    for (const r of after) {
      const u = new URL(r.url);
      assert.equal(u.origin, origin, `a request to another origin: ${r.url}`);
      assert.equal(r.method, 'GET', `${r.method} ${r.url}`);
      assert.match(u.pathname, OWN_FILE, `a request for something other than the app's own files: ${r.url}`);
      assert.equal(u.search, '', `a query on ${r.url}`);
    }
    assert.equal(log.requests.length - atStart, after.length, 'the page saw no request the context did not');
    for (const r of requests) {
      const all = `${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`;
      assert.ok(!all.includes(SENTINEL) && !all.includes(encodeURIComponent(SENTINEL)), `the sentinel left in ${r.method} ${r.url}`);
    }
    assert.deepEqual(await problems(), [], 'no console error, uncaught exception, CSP violation or foreign request');
  } finally {
    await context.close();
  }
});

// Every tests/scenarios/*.json (read at run time) driven through the real wizard as a person would fill it:
// the screening view must show the expected outcome, and each expected therapy status must appear on the
// Choose view (outcome "proceed") or in the screening view's per-therapy safety list (any other outcome).
// Scenario expectations describe the whole intake; when the wizard stops early (a red flag, crisis, under 18),
// the test checks that stop, then finishes the remaining steps by address so the final check sees every answer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { useApp, openApp } from './harness.mjs';
import { driveIntake, stepsFor } from './drive.mjs';

const DIR = new URL('../tests/scenarios/', import.meta.url);
const scenarios = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) }));

const env = useApp('/');

test('the scenario folder is not empty', () => {
  assert.ok(scenarios.length > 0, 'no tests/scenarios/*.json found');
});

// Scenarios are independent (a fresh browser context each), so two run at once to keep the file fast.
describe('scenarios through the wizard', { concurrency: 2 }, () => {
  for (const s of scenarios) {
    test(`${s.file}: ${s.title ?? s.id}`, async () => {
      const { page, problems, context } = await openApp(env.browser, env.site.url);
      try {
        const run = await driveIntake(page, s.intake, { continueAfterStop: true });
        const expected = s.expect.outcome;
        const order = stepsFor(s.intake);

        // A stop happens only for a reason the screening view names, and Next shows no later step.
        for (const stop of run.stops) {
          assert.notEqual(stop.outcome, 'proceed', `${s.file}: Next left "${stop.after}" for the screening view with outcome proceed`);
        }
        if (expected === 'proceed') {
          assert.deepEqual(run.stops, [], `${s.file}: the wizard stopped early`);
          assert.deepEqual(run.visited, order, `${s.file}: every applicable step was shown once, in order`);
        } else {
          assert.ok(run.stops.length > 0, `${s.file}: expected ${expected}, yet Next never left the wizard early`);
        }
        assert.equal(run.outcome, expected, `${s.file}: outcome`);

        const therapies = Object.entries(s.expect.therapies ?? {});
        if (therapies.length) {
          if (expected === 'proceed') {
            await page.evaluate(() => { location.hash = '#/choose'; });
          }
          for (const [id, status] of therapies) {
            const el = page.locator(`[data-therapy="${id}"][data-status]`).first();
            await el.waitFor({ state: 'attached', timeout: 5000 }).catch(() => {
              throw new Error(`${s.file}: no [data-therapy="${id}"][data-status] on ${expected === 'proceed' ? '#/choose' : '#/screening'}`);
            });
            assert.equal(await el.getAttribute('data-status'), status, `${s.file}: status of ${id}`);
          }
        }
        assert.deepEqual(await problems(), [], `${s.file}: console errors, CSP violations or foreign requests`);
      } finally {
        await context.close();
      }
    });
  }
});

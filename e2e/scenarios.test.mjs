// Every tests/scenarios/*.json (read at run time) driven through the real wizard as a person would fill it:
// the screening view must show the expected outcome, and each expected therapy status must appear on the
// Choose view (outcome "proceed") or in the screening view's per-therapy safety list (any other outcome).
// Scenario expectations describe the whole intake; when the wizard stops early (a red flag, crisis, under 18),
// the test checks that stop, then finishes the remaining steps by address so the final check sees every answer.
// A scenario without an answer the wizard requires (age, the self-harm item: docs/sources.md#rules-4-1: such data stays valid)
// must see Next refused on that step, with the error summary linking to the field; the driver then moves on by
// address. On a "proceed" outcome, each expected notice is shown with its title from the rule book.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { useApp, openApp, THROTTLE } from './harness.mjs';
import { driveIntake, stepsFor, REQUIRED } from './drive.mjs';

const DIR = new URL('../tests/scenarios/', import.meta.url);
const RULES = JSON.parse(readFileSync(new URL('../src/clinical/data/rules.json', import.meta.url), 'utf8'));
const noticeTitle = (id) => RULES.notices.find((n) => n.id === id)?.title;
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

        // Next is refused exactly where a required answer is missing from the scenario, and nowhere else.
        const missing = Object.entries(REQUIRED)
          .filter(([slug, r]) => order.includes(slug) && !r.given(s.intake))
          .map(([slug, r]) => ({ at: slug, field: r.field }));
        assert.deepEqual(run.refused, missing, `${s.file}: steps where Next was refused for a missing required answer`);

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

        // Notices are shown on the proceed summary (a stop shows what to do now instead).
        if (expected === 'proceed') {
          for (const id of s.expect.notices ?? []) {
            const notice = page.locator(`[data-notice="${id}"]`);
            assert.equal(await notice.count(), 1, `${s.file}: notice ${id} shown once`);
            assert.equal(await notice.locator('h3').innerText(), noticeTitle(id), `${s.file}: title of notice ${id}`);
          }
        }

        const therapies = Object.entries(s.expect.therapies ?? {});
        if (therapies.length) {
          if (expected === 'proceed') {
            await page.evaluate(() => { location.hash = '#/choose'; });
          }
          for (const [id, status] of therapies) {
            const el = page.locator(`[data-therapy="${id}"][data-status]`).first();
            await el.waitFor({ state: 'attached', timeout: 5000 * THROTTLE }).catch((cause) => {
              throw new Error(`${s.file}: no [data-therapy="${id}"][data-status] on ${expected === 'proceed' ? '#/choose' : '#/screening'}`, { cause });
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

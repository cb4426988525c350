// Lighthouse benchmark (README, "Measured budgets"): Lighthouse's default mobile run (a mid-range phone on a slow 4G
// connection, simulated) against the release build served with gzip, as a real host serves it. Prints the median of
// RUNS runs (default 5) of the performance score, total blocking time, first and largest contentful paint and the
// render-blocking requests, and the best-practices score; exits 1 when performance is under 98 or total blocking time
// over 100 ms (issue budget). Lighthouse 12 has no PWA category any more: installability is tested in
// e2e/offline.test.mjs through Chromium's own check.
//
// Lighthouse lives in bench/lighthouse/node_modules (scripts/bench.sh installs it from this folder's lockfile), so
// the test command never downloads it. Run: node bench/lighthouse/run.mjs [dist]
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS } from '../../e2e/harness.mjs';
import { serve } from '../../scripts/static-server.mjs';

const RUNS = Number(process.env.RUNS || 5);
const dist = process.argv[2] || process.env.MOSAIC_DIST || 'dist';
const BUDGET = { performance: 98, tbt: 100 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const site = await serve({ root: dist, gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: CHROMIUM_ARGS.map((a) => (a === '--headless' ? '--headless=new' : a)),
});
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const { lhr } = await lighthouse(site.url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'best-practices'],
    });
    if (lhr.runtimeError) throw new Error(`Lighthouse could not load the page: ${lhr.runtimeError.message}`);
    const audit = (id) => lhr.audits[id];
    runs.push({
      performance: Math.round(lhr.categories.performance.score * 100),
      practices: Math.round(lhr.categories['best-practices'].score * 100),
      tbt: audit('total-blocking-time').numericValue,
      fcp: audit('first-contentful-paint').numericValue,
      lcp: audit('largest-contentful-paint').numericValue,
      blocking: (audit('render-blocking-resources').details?.items ?? []).map((item) => item.url.split('/').pop()),
      failedPractices: Object.values(lhr.categories['best-practices'].auditRefs)
        .map((ref) => audit(ref.id))
        .filter((a) => a.score !== null && a.score < 1)
        .map((a) => a.id),
    });
  }
} finally {
  await chrome.kill();
  site.server.close();
}
const m = (key) => median(runs.map((r) => r[key]));
const performance = m('performance');
const tbt = m('tbt');
const ok = performance >= BUDGET.performance && tbt <= BUDGET.tbt;
const blocking = [...new Set(runs.flatMap((r) => r.blocking))];
const failed = [...new Set(runs.flatMap((r) => r.failedPractices))];
console.log(
  `lighthouse (mobile, median of ${RUNS}): performance ${performance} (budget ≥ ${BUDGET.performance}; runs ${runs.map((r) => r.performance).join(', ')}), ` +
    `total blocking time ${tbt.toFixed(0)} ms (budget ≤ ${BUDGET.tbt} ms), FCP ${(m('fcp') / 1000).toFixed(2)} s, ` +
    `LCP ${(m('lcp') / 1000).toFixed(2)} s, render-blocking: ${blocking.length ? blocking.join(', ') : 'none'}; ` +
    `best practices ${m('practices')}${failed.length ? ` (not passed: ${failed.join(', ')})` : ''} ${ok ? 'ok' : 'OVER BUDGET'}`,
);
if (!ok) process.exitCode = 1;

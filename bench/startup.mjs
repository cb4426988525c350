// Start-up benchmark (README, "Measured budgets"): time until the Welcome heading is on screen for the built app,
// against a static HTML page with the same welcome content, in the same headless Chromium run. Prints medians and
// the ratio. scripts/bench.sh runs it with Chromium's CPU slowed 4 times (MOSAIC_CPU_THROTTLE=4), as a mid-range
// phone would be, and 15 runs of each.
import { mkdtempSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, THROTTLE } from '../e2e/harness.mjs';
import { serve } from '../scripts/static-server.mjs';

const RUNS = Number(process.env.RUNS || 15);
const dist = process.env.MOSAIC_DIST || 'dist';
const staticDir = mkdtempSync(join(tmpdir(), 'mosaic-static-'));
const css = readdirSync(dist).filter((f) => f.endsWith('.css'));
for (const f of css) copyFileSync(join(dist, f), join(staticDir, f));
writeFileSync(join(staticDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Mosaic</title>
${css.map((f) => `<link rel="stylesheet" href="./${f}">`).join('')}</head><body>
<header class="site-header"><a class="brand" href="#/"><span class="brand-name">Mosaic</span></a></header>
<main id="main"><section class="view welcome"><h1 id="view-heading">Build a care plan for your chronic pain</h1>
<p class="lead">Mosaic helps you combine your usual medical care with complementary therapies safely, and in a way that fits your life.</p>
<div class="actions"><a class="button primary" href="#/intake/pain">Start planning</a></div></section></main></body></html>`);

const app = await serve({ root: dist });
const plain = await serve({ root: staticDir });
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timeToHeading(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector('#main h1');
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}
try {
  const a = [];
  const s = [];
  await timeToHeading(app.url);
  await timeToHeading(plain.url);
  for (let i = 0; i < RUNS; i++) {
    a.push(await timeToHeading(app.url));
    s.push(await timeToHeading(plain.url));
  }
  const ratio = median(a) / median(s);
  const verdict = ratio <= 2.0 ? '' : ' — OVER BUDGET';
  console.log(`startup: app ${median(a).toFixed(0)} ms, static page ${median(s).toFixed(0)} ms to the Welcome heading (median of ${RUNS}, CPU slowed ${THROTTLE}×); ratio ${ratio.toFixed(2)}x (budget 2.0x, aim 1.3x)${verdict}`);
  if (ratio > 2.0) process.exitCode = 1;
} finally {
  await browser.close();
  app.server.close();
  plain.server.close();
}

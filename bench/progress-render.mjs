// Progress view benchmark (README, "Measured budgets"): with three years of weekly check-ins (156, or COUNT) and a plan of
// four therapies saved, the time from going to `#/progress` (its code already fetched) until the three charts hold
// all 156 points each and the scores table all 156 rows, in headless Chromium. Prints the median of RUNS and exits non-zero over the 50 ms budget.
import { launch } from '../e2e/harness.mjs';
import { serve } from '../scripts/static-server.mjs';
import { readFileSync } from 'node:fs';

const RUNS = Number(process.env.RUNS || 9);
const BUDGET_MS = 50;
const dist = process.env.MOSAIC_DIST || 'dist';
const s01 = JSON.parse(readFileSync(new URL('../tests/scenarios/s01.json', import.meta.url), 'utf8'));

const day = (n) => new Date(Date.UTC(2026, 0, 5 + 7 * n)).toISOString().slice(0, 10);
const COUNT = Number(process.env.COUNT || 156);
const checkins = Array.from({ length: COUNT }, (_, n) => ({
  date: day(n),
  week: Math.min(n + 1, 12),
  peg: { pain: 7 - (n % 4), enjoyment: 6 - (n % 3), activity: 5 },
  sleep: 3 + (n % 5),
  sessions: { exercise: 2, yoga: 1, acupuncture: 1, mindfulness: 1 },
  red_flags: [],
}));
const state = { intake: s01.intake, selected: ['exercise', 'yoga', 'acupuncture', 'mindfulness'], checkins };
const doc = JSON.stringify({ app: 'mosaic', schema: 3, generation: 1, saved_at: '2026-01-01T00:00:00Z', data: state });

const site = await serve({ root: dist });
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function renderTime() {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  try {
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), ['mosaic/doc', doc]);
    const page = await context.newPage();
    await page.goto(`${site.url}#/`);
    await page.waitForSelector('#main h1');
    // Open the view once so its code is in memory, then come back: what is timed is the rendering.
    await page.evaluate(() => { location.hash = '#/progress'; });
    await page.waitForSelector('[data-table="scores"]');
    await page.evaluate(() => { location.hash = '#/'; });
    await page.waitForSelector('.welcome');
    return await page.evaluate(
      (count) =>
        new Promise((resolve) => {
          const full = () =>
            document.querySelectorAll('[data-table="scores"] tbody tr').length === count &&
            document.querySelectorAll('[data-chart] circle').length === 3 * count;
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (full()) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
          location.hash = '#/progress';
        }),
      COUNT,
    );
  } finally {
    await context.close();
  }
}
try {
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await renderTime());
  const m = median(times);
  const verdict = m <= BUDGET_MS ? 'ok' : 'OVER BUDGET';
  console.log(`progress view: ${m.toFixed(1)} ms to render ${COUNT} check-ins in three charts and the scores table (median of ${RUNS}; budget ≤ ${BUDGET_MS} ms) ${verdict}`);
  if (m > BUDGET_MS) process.exitCode = 1;
} finally {
  await browser.close();
  site.server.close();
}

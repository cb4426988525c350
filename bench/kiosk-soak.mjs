// Kiosk soak benchmark (DESIGN §6): 200 consecutive scripted patient sessions in one kiosk page.
// Prints the JS heap (after forced GC) and DOM node count at session 20 and the last session; budget: within 10 %.
import { launch, serveDist } from '../e2e/harness.mjs';

const SESSIONS = Number(process.env.SESSIONS || 200);
const PIN = '135790';
const site = await serveDist('/');
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  await page.goto(`${site.url}#/settings`);
  await page.getByLabel('Staff PIN (4 to 12 digits)').fill(PIN);
  await page.getByLabel('Staff PIN again').fill(PIN);
  await page.getByRole('button', { name: 'Turn on kiosk mode' }).click();
  await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const sample = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (n) => metrics.find((m) => m.name === n)?.value ?? 0;
    return { heap: get('JSHeapUsedSize'), nodes: get('Nodes') };
  };
  const samples = {};
  const t0 = Date.now();
  for (let i = 1; i <= SESSIONS; i++) {
    await page.getByRole('link', { name: 'Start' }).click();
    await page.getByLabel('How old are you?').fill(String(20 + (i % 60)));
    await page.getByRole('radio', { name: /Low back pain/ }).first().check();
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('button', { name: 'Yes, finish and clear' }).click();
    await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
    if (i === 20 || i === SESSIONS) samples[i] = await sample();
  }
  const a = samples[20];
  const b = samples[SESSIONS];
  const pct = (x, y) => (((y - x) / x) * 100).toFixed(1);
  console.log(`kiosk soak: ${SESSIONS} sessions in ${((Date.now() - t0) / 1000).toFixed(0)} s; JS heap ${(a.heap / 1e6).toFixed(2)} MB at session 20, ${(b.heap / 1e6).toFixed(2)} MB at session ${SESSIONS} (${pct(a.heap, b.heap)} %); DOM nodes ${a.nodes} → ${b.nodes} (${pct(a.nodes, b.nodes)} %) (budget within 10 %)`);
} finally {
  await browser.close();
  site.server.close();
}

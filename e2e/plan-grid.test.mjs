// The week on the plan view: therapy names wrap only between words at every width (never "Mindfulne ss").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './harness.mjs';

const env = useApp('/');

const STATE = {
  intake: {
    age: 52,
    pain: { primary: 'low_back', duration_months: 14, peg: { pain: 6, enjoyment: 6, activity: 5 } },
    mood: { phq4: { nervous: 0, worry: 0, interest: 0, down: 0 }, self_harm: 0 },
    start_back: { agree: [1], bothersome: 'slightly' },
    symptoms: [], conditions: [], medications: [], supplements: [], activity: 'active',
    practicalities: { minutes_per_week: 900, budget_per_month: 900, days: [0, 1, 2, 3, 4, 5, 6] },
  },
  selected: ['electroacupuncture', 'acupuncture', 'mindfulness', 'spinal_manipulation', 'physical_therapy', 'biofeedback', 'relaxation'],
};

/** Words of every therapy name in the week that the browser split over two lines (each as "Name: word"). */
function splitWords(page) {
  return page.evaluate(() => {
    const split = [];
    for (const el of document.querySelectorAll('.week .entry-name')) {
      const node = el.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      const text = node.textContent;
      for (const m of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) split.push(`${text}: ${m[0]}`);
      }
    }
    return split;
  });
}

for (const width of [1280, 1024, 900, 700, 360]) {
  test(`week at ${width} px: no therapy name is broken inside a word`, async () => {
    const doc = JSON.stringify({ app: 'mosaic', schema: 1, generation: 1, saved_at: '2026-01-01T00:00:00Z', data: STATE });
    const context = await env.browser.newContext({ viewport: { width, height: 900 } });
    try {
      await context.addInitScript((value) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('mosaic/doc', value);
          sessionStorage.setItem('seeded', '1');
        }
      }, doc);
      const page = await context.newPage();
      await page.goto(`${env.site.url}#/plan`);
      await page.getByRole('heading', { level: 1, name: /12-week plan/ }).waitFor();
      await page.locator('.week .entry-name').first().waitFor();
      const names = await page.locator('.week .entry-name').allInnerTexts();
      assert.ok(names.some((n) => /Electroacupuncture/.test(n)), `the week shows electroacupuncture: ${names}`);
      assert.ok(names.some((n) => /Mindfulness/.test(n)), `the week shows mindfulness: ${names}`);
      assert.deepEqual(await splitWords(page), []);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scroll <= width, `no horizontal scroll (scrollWidth ${scroll})`);
    } finally {
      await context.close();
    }
  });
}

// Screenshots of the phone flow (360 × 740, the size a small phone shows) into docs/screens/, so a reviewer can see
// every screen without running the app. Drives the release build in Chromium like the end-to-end tests do.
//
//   bash scripts/build.sh && node scripts/screens.mjs [dist] [out]
//
// One PNG per screen, named in flow order; the choose page is also taken whole, to show its length.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { launch, serveDist } from '../e2e/harness.mjs';

const [dist = 'dist', out = 'docs/screens'] = process.argv.slice(2);
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 };

// A person with low back pain part-way through, then with a plan: answers as the wizard saves them.
const INTAKE = {
  age: 63,
  pain: { primary: 'low_back', sites: ['neck'], duration_months: 48, peg: { pain: 6, enjoyment: 5, activity: 6 } },
  mood: { phq4: { nervous: 1, worry: 0, interest: 1, down: 0 }, self_harm: 0 },
  start_back: { agree: [1, 2, 3], bothersome: 'slightly' },
  symptoms: [],
  conditions: ['osteoporosis'],
  unsure: ['conditions'],
  medications: ['nsaid'],
  supplements: [],
  activity: 'active',
  values: { what_matters: 'Playing with my grandchildren', goals: ['Walk to the shops without stopping'] },
  practicalities: { minutes_per_week: 150, budget_per_month: 100, days: [0, 2, 4], needles_ok: true, touch_ok: true },
};
const PLANNED = { intake: INTAKE, selected: ['exercise', 'yoga', 'mindfulness'] };
// Four weekly check-ins on that plan, PEG going down from week 3, and a flare plan.
const week = (date, n, [pain, enjoyment, activity], sleep, sessions) =>
  ({ date, week: n, peg: { pain, enjoyment, activity }, sleep, sessions, red_flags: [] });
const FOLLOWED = {
  ...PLANNED,
  checkins: [
    week('2026-11-09', 1, [6, 5, 6], 6, { exercise: 3, yoga: 1 }),
    week('2026-11-16', 2, [6, 6, 5], 6, { exercise: 2, yoga: 1 }),
    week('2026-11-23', 3, [5, 4, 5], 5, { exercise: 3, yoga: 1, mindfulness: 1 }),
    week('2026-11-30', 4, [4, 4, 4], 4, { exercise: 3, yoga: 0, mindfulness: 1 }),
  ],
  flare: {
    signs: 'Stiff in the morning, sleeping badly',
    helps_from_plan: ['yoga'],
    helps: 'Heat pack, a short slow walk',
    reduce: 'Gardening for a few days',
    contacts: 'Dr Okafor at the practice',
  },
};

/** Each screen: file name, what is saved before it opens, its address, and whether to take the whole page. */
const SCREENS = [
  ['01-welcome', {}, '#/'],
  ['02-pain', { intake: { age: 63, pain: INTAKE.pain } }, '#/intake/pain'],
  ['03-safety', { intake: { age: 63, pain: INTAKE.pain } }, '#/intake/safety'],
  ['04-health-not-sure', { intake: { ...INTAKE, medications: undefined, supplements: undefined } }, '#/intake/health'],
  ['05-medicines', { intake: INTAKE }, '#/intake/medicines'],
  ['06-mood', { intake: INTAKE }, '#/intake/mood'],
  ['07-start-back', { intake: INTAKE }, '#/intake/start-back'],
  ['08-practicalities', { intake: INTAKE }, '#/intake/practical'],
  ['09-home-continue', { intake: { age: 63, pain: INTAKE.pain, symptoms: [] } }, '#/'],
  ['10-review', { intake: INTAKE }, '#/review'],
  ['11-screening', { intake: INTAKE }, '#/screening'],
  ['12-choose', PLANNED, '#/choose'],
  ['12-choose-whole-page', PLANNED, '#/choose', true],
  ['13-plan', PLANNED, '#/plan'],
  ['14-home-with-plan', PLANNED, '#/'],
  ['15-check-in', FOLLOWED, '#/check-in'],
  ['16-progress', FOLLOWED, '#/progress'],
  ['17-week-4-review', FOLLOWED, '#/plan-review/4'],
  ['18-flare-plan', FOLLOWED, '#/flare'],
  ['19-share', FOLLOWED, '#/share'],
];

const site = await serveDist('/', dist);
const browser = await launch();
try {
  // Old screenshots go (a renamed screen must not linger); the folder's README.md stays.
  await mkdir(out, { recursive: true });
  for (const f of await readdir(out)) if (f.endsWith('.png')) await rm(`${out}/${f}`);
  for (const [name, state, hash, whole = false] of SCREENS) {
    const context = await browser.newContext(PHONE);
    try {
      const doc = JSON.stringify({ app: 'mosaic', schema: 3, generation: 1, saved_at: '2026-12-01T09:00:00Z', data: state });
      await context.addInitScript(([value]) => {
        if (!sessionStorage.getItem('screens-seeded')) {
          localStorage.setItem('mosaic/doc', value);
          sessionStorage.setItem('screens-seeded', '1');
        }
      }, [doc]);
      const page = await context.newPage();
      await page.goto(`${site.url}${hash}`);
      await page.waitForSelector('#main h1');
      // Views arrive as wasm chunks: wait until the view's own heading replaced any loading placeholder.
      await page.waitForFunction(() => !document.querySelector('#main .view-loading'));
      await page.screenshot({ path: `${out}/${name}.png`, fullPage: whole });
      console.log(`screens: ${out}/${name}.png`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  site.server.close();
}

// Kiosk privacy beyond storage (docs/reliability.md, acceptance tests 18–23): after Finish or the idle expiry nothing a
// patient typed is left in the JS heap, the WebAssembly memory, the Cache Storage or Web Storage; a page brought back
// from the back/forward cache or woken from sleep never shows the previous patient's answers, not even for one frame;
// nothing reaches the browser's profile folder on disk; the staff exit cannot be reached by address or by Tab; and the
// idle warning can be answered many times and is announced to screen readers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { useApp, CHROMIUM_ARGS } from './harness.mjs';
import { driveIntake, label, planExercise } from './drive.mjs';
import {
  START_HEADING, turnOnKiosk, startSession, openKioskView, finishSession, typeEverywhere, heapSnapshot, wasmMemoryHolds,
  pageStores, ms,
} from './kiosk-helpers.mjs';

const env = useApp('/');
/** Each test types its own sentinel, so one test's words can never satisfy or spoil another's check. */
const sentinel = (what) => `KIOSK-SENTINEL-9c1e-${what}-${Math.random().toString(36).slice(2, 8)}`;
const PEG_PAIN = 'What number best describes your pain on average in the past week?';

/**
 * Runs before the app in every document of the context (so its listeners run before the app's own): records what
 * is on screen at each of the first 20 animation frames after a page becomes visible again or is shown from the
 * back/forward cache, through the `__kioskFrame` binding (the records outlive the document that took them). The
 * native requestAnimationFrame is kept before page.clock could replace it.
 */
function FRAME_PROBE() {
  const raf = window.requestAnimationFrame.bind(window);
  /** Non-default answers a person could see: visible text fields with text, visible ticked boxes and radios. */
  window.__shownAnswers = () => {
    const seen = (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    const labelOf = (e) => (e.labels?.[0]?.innerText || e.id || e.name || '').trim().slice(0, 60);
    // A styled choice (the 0–10 pain scale) hides its input and shows its label: either being visible counts.
    const shown = (e) => seen(e) || [...(e.labels ?? [])].some(seen);
    return [...document.querySelectorAll('input, textarea, select')].filter(shown).flatMap((e) => {
      if (e.type === 'radio' || e.type === 'checkbox') return e.checked ? [`${e.name || e.id}: ${labelOf(e)} (ticked)`] : [];
      if (e.tagName === 'SELECT' || e.type === 'hidden' || e.readOnly) return [];
      return e.value ? [`${labelOf(e)} = ${e.value}`] : [];
    });
  };
  window.__screen = (why, frame) => ({
    why,
    frame,
    url: location.href,
    // innerText leaves out what visibility:hidden hides, as a person would not see it.
    text: document.body ? document.body.innerText : '',
    answers: window.__shownAnswers(),
    wizardShown: [...document.querySelectorAll('section.wizard')].some((s) => s.checkVisibility({ visibilityProperty: true })),
    startShown: Boolean(document.querySelector('#kiosk-start:not([hidden])')),
  });
  const record = (why) => {
    let frame = 0;
    const tick = () => {
      window.__kioskFrame(JSON.stringify(window.__screen(why, frame)));
      if (++frame < 20) raf(tick);
    };
    raf(tick);
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') record('visible');
  });
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) record('pageshow-persisted');
  });
}

/** A kiosk in a fresh context (set up through Settings); `frames` collects FRAME_PROBE's records. */
async function kiosk(browser, { idle = 120, clock = false, serviceWorkers = 'block', probe = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 }, serviceWorkers });
  const frames = [];
  if (probe) {
    await context.exposeBinding('__kioskFrame', (_, record) => frames.push(JSON.parse(record)));
    await context.addInitScript(FRAME_PROBE);
  }
  const page = await context.newPage();
  if (clock) await page.clock.install();
  if (serviceWorkers === 'allow') {
    // The worker's first visit: once it controls the page its cache is complete, and every later load goes through it.
    await page.goto(env.site.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: ms(30_000) });
  }
  await turnOnKiosk(page, env.site.url, { idle });
  return { context, page, frames };
}

/** Answers on the pain step that differ from a fresh session's: age, main pain and a pain score. */
async function answerPainStep(page, age = '63') {
  await page.getByLabel('How old are you?').fill(age);
  await page.getByRole('group', { name: 'Which pain troubles you most?', exact: true })
    .getByRole('radio', { name: label('conditions', 'neck'), exact: true }).check();
  await page.getByRole('group', { name: PEG_PAIN, exact: true }).getByRole('radio', { name: /^7 out of 10/ }).check();
}

/** After a reset: a new session's pain step shows none of the earlier answers (needs FRAME_PROBE). */
async function assertFreshPainStep(page, why) {
  await startSession(page);
  assert.equal(await page.getByLabel('How old are you?').inputValue(), '', `${why}: age is empty`);
  assert.deepEqual(await page.evaluate(() => window.__shownAnswers()), [], `${why}: nothing is ticked or typed`);
}

/** A whole kiosk session: the intake (own words carrying `tag`), a plan with exercise, the take-home code with the
 *  own words included, then `tag` typed into every free-text field, ending on the flare plan with its four texts on
 *  screen. Returns the take-home link's payload: the answers in the link's compact encoding, which holds the words
 *  only encoded, so it is searched for as well. */
async function fullSession(page, tag) {
  await startSession(page);
  await driveIntake(page, {
    age: 63,
    pain: { primary: 'neck', duration_months: 14, peg: { pain: 7, enjoyment: 5, activity: 5 } },
    mood: { phq4: { nervous: 1, worry: 1, interest: 0, down: 0 }, self_harm: 0 },
    symptoms: [], conditions: [], medications: [], supplements: [], activity: 'active',
    values: { what_matters: `Gardening ${tag}`, goals: [`Walk to the shop ${tag}`] },
    practicalities: { minutes_per_week: 150, budget_per_month: 100, days: [1, 3] },
  });
  await planExercise(page);
  await page.getByLabel('Include what matters to me and my goals (in my own words)').check();
  const link = await page.getByRole('img', { name: 'QR code of a link to your plan' }).getAttribute('data-link');
  const payload = link.match(/#\/shared\/([A-Za-z0-9_-]{40,})$/)?.[1];
  assert.ok(payload, `the take-home link carries the plan: ${link}`);
  await typeEverywhere(page, tag);
  return payload;
}

/** Where the words of one session could survive its reset, checked on the page that replaced it. The heap snapshot
 *  comes first: the later checks run scripts in the page, and nothing of `tag` is ever handed to the page. */
async function assertNothingLeft(page, needles, why) {
  const heap = await heapSnapshot(page);
  assert.ok(heap.length > 1_000_000, `${why}: a whole heap snapshot (${heap.length} bytes)`);
  assert.deepEqual(needles.filter((n) => heap.includes(n)), [], `${why}: the JS heap snapshot holds the session's words`);
  const wasm = await wasmMemoryHolds(page, needles);
  assert.ok(wasm.size > 0, `${why}: the wasm memory was read`);
  assert.deepEqual(wasm.holds, [], `${why}: the WebAssembly memory holds the session's words`);
  const stores = await pageStores(page);
  const has = (text) => needles.some((n) => text.includes(n));
  assert.deepEqual(stores.cached.filter((c) => has(c.url) || has(c.body)).map((c) => `${c.name} ${c.url}`), [],
    `${why}: a Cache Storage entry holds the session's words`);
  assert.deepEqual(stores.local.map(([k]) => k), ['mosaic/kiosk'], `${why}: only the kiosk configuration is in localStorage`);
  assert.equal(has(JSON.stringify(stores.local)), false, `${why}: localStorage holds the session's words`);
  assert.deepEqual(stores.session, [], `${why}: sessionStorage is empty`);
  assert.equal(has(await page.locator('body').innerText()), false, `${why}: the page shows the session's words`);
  assert.equal(has(page.url()), false, `${why}: the address holds the session's words`);
  return stores;
}

test('#19 after Finish, within 1 s the new page\'s heap snapshot, wasm memory, Cache Storage and Web Storage hold nothing typed', async (t) => {
  const tag = sentinel('finish');
  const { context, page } = await kiosk(env.browser, { serviceWorkers: 'allow' });
  try {
    const payload = await fullSession(page, tag);
    // Controls: during the session the same searches do find the words, so a clean result later means something.
    const during = await heapSnapshot(page);
    assert.ok(during.includes(tag), 'control: the heap snapshot holds the typed words during the session');
    assert.deepEqual((await wasmMemoryHolds(page, [tag])).holds, [tag], 'control: the wasm memory holds them during the session');
    // A mark in the session page's own JS realm: if that realm outlived Finish (kept alive by a leak or a cache), the
    // new page's heap would still hold it.
    const realm = `OLD-REALM-${Math.random().toString(36).slice(2, 10)}`;
    await page.evaluate((m) => { window.__realmMark = [m].join(''); }, realm);
    const clicked = await finishSession(page);
    const started = Date.now() - clicked;
    const stores = await assertNothingLeft(page, [tag, payload, realm], 'after Finish');
    // Timing: the replacing page was on screen and the heap snapshot under way within 1 s of "Yes, finish and clear".
    assert.ok(started <= ms(1_000), `the heap snapshot began ${started} ms after Finish`);
    t.diagnostic(`heap snapshot began ${started} ms after "Yes, finish and clear"`);
    assert.ok(stores.cacheNames.length === 1 && stores.cached.length > 20,
      `the service worker's cache was searched (${stores.cacheNames.join(', ')}: ${stores.cached.length} entries)`);
  } finally {
    await context.close();
  }
});

test('#19 after the idle expiry, the new page\'s heap snapshot, wasm memory, Cache Storage and Web Storage hold nothing typed', async (t) => {
  const tag = sentinel('idle');
  const { context, page } = await kiosk(env.browser, { serviceWorkers: 'allow', clock: true });
  try {
    await startSession(page);
    await answerPainStep(page);
    await typeEverywhere(page, tag);
    assert.deepEqual((await wasmMemoryHolds(page, [tag])).holds, [tag], 'control: the wasm memory holds the words during the session');
    await page.evaluate(() => { window.__oldPage = true; });
    // The idle time and the whole countdown pass with no tap: the session ends by itself.
    await page.clock.runFor(120_000 + 31_000);
    const expired = Date.now();
    await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();
    const started = Date.now() - expired;
    await assertNothingLeft(page, [tag], 'after the idle expiry');
    assert.ok(started <= ms(1_000), `the heap snapshot began ${started} ms after the expiry`);
    t.diagnostic(`heap snapshot began ${started} ms after the expiry`);
    assert.equal(await page.evaluate(() => window.__oldPage), undefined, 'a new page replaced the session');
  } finally {
    await context.close();
  }
});

test('#20 a page shown from the back/forward cache is replaced by the start screen (simulated pageshow)', async () => {
  const tag = sentinel('bfcache-sim');
  const { context, page } = await kiosk(env.browser, { probe: true });
  try {
    await startSession(page);
    await answerPainStep(page, '71');
    await openKioskView(page, '#/intake/medicines', 'section.wizard[data-step="medicines"]');
    await page.getByLabel('Look up a medicine by name (optional)').fill(tag);
    await openKioskView(page, '#/intake/pain', 'section.wizard[data-step="pain"]');
    assert.ok((await page.evaluate(() => window.__shownAnswers())).length >= 3, 'control: the answers are on screen');
    await page.evaluate(() => { window.__oldPage = true; });
    // What Chromium fires when it restores a page from the back/forward cache. Dispatched from a task of its own so
    // this script returns before the app replaces the page.
    await page.evaluate(() => setTimeout(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })), 0));
    await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();
    assert.equal(await page.evaluate(() => window.__oldPage), undefined, 'the page was replaced, not just re-rendered');
    assert.deepEqual(await page.evaluate(() => window.__shownAnswers()), [], 'no answer is shown on the start screen');
    assert.equal(await page.locator('section.wizard').count(), 0, 'no wizard left in the DOM');
    assert.equal((await page.locator('body').innerText()).includes(tag), false);
    await assertFreshPainStep(page, 'after the simulated restore');
    await openKioskView(page, '#/intake/medicines', 'section.wizard[data-step="medicines"]');
    assert.equal(await page.getByLabel('Look up a medicine by name (optional)').inputValue(), '', 'the medicine lookup is empty');
  } finally {
    await context.close();
  }
});

test('#20 a real back/forward-cache restore shows none of the previous answers, not even for one frame, then the start screen', async () => {
  // Playwright launches Chromium with --disable-back-forward-cache; this test needs the cache, so it runs its own
  // browser without that switch. Headless Chromium 156 then does keep and restore the kiosk page.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
  try {
    const { page, frames } = await kiosk(browser, { probe: true });
    const restores = [];
    await page.context().exposeBinding('__kioskRestore', (_, record) => restores.push(JSON.parse(record)));
    await startSession(page);
    await answerPainStep(page, '71');
    await page.getByLabel('How long have you had this pain?').fill('14');
    // Registered now, after the app's own pageshow listener, so it runs right after the app handled the restore:
    // what it records is what the page shows from then on until something else changes it.
    await page.evaluate(() => window.addEventListener('pageshow', (e) => {
      window.__kioskRestore(JSON.stringify({ persisted: e.persisted, ...window.__screen('after the app\'s pageshow handler', 0) }));
    }));
    assert.ok((await page.evaluate(() => window.__shownAnswers())).length >= 4, 'control: the answers are on screen');
    // Away to another page of the same origin (a new history entry: the kiosk page goes into the cache), and Back.
    await page.goto(`${env.site.url}sw.js`);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();
    assert.equal(restores.length, 1, `Chromium restored the kiosk page from the back/forward cache (${JSON.stringify(restores)})`);
    assert.equal(restores[0].persisted, true, 'the restore was from the back/forward cache');
    const shown = [restores[0], ...frames.filter((f) => f.why === 'pageshow-persisted')]
      .filter((f) => f.answers.length > 0 || f.wizardShown)
      .map((f) => `${f.why} #${f.frame}: ${f.answers.join('; ') || 'the intake step'}`);
    assert.deepEqual(shown, [], 'the restored page showed the previous patient\'s answers');
    assert.equal(await page.locator('section.wizard').count(), 0);
    await assertFreshPainStep(page, 'after the restore');
  } finally {
    await browser.close();
  }
});

test('#21 a tablet woken past the idle deadline never shows an earlier answer, from the first frame on', async (t) => {
  const { context, page, frames } = await kiosk(env.browser, { probe: true });
  try {
    await startSession(page);
    await answerPainStep(page, '47');
    await openKioskView(page, '#/intake/values', 'section.wizard[data-step="values"]');
    const tag = sentinel('sleep');
    await page.getByLabel('What matters most to you in your life right now?').fill(`Gardening ${tag}`);
    // Registered after the app's visibilitychange listener: records what the page shows right after the app
    // handled the wake-up, which is what the next frame paints.
    const after = [];
    await page.context().exposeBinding('__kioskAfter', (_, record) => after.push(JSON.parse(record)));
    await page.evaluate(() => document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') window.__kioskAfter(JSON.stringify(window.__screen('after the app\'s visibilitychange handler', 0)));
    }));
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    assert.deepEqual(await page.evaluate(() => window.__shownAnswers()), [], 'a hidden kiosk shows no answer');
    // The sleep: no timer runs while the tablet sleeps and the wall clock jumps 10 minutes, past the 120 s idle time
    // and the 30 s countdown. The first thing the woken page does is the visibilitychange. Both happen in one task,
    // so no timer of the app can run between them.
    await page.evaluate(() => setTimeout(() => {
      const realNow = Date.now;
      Date.now = () => realNow.call(Date) + 10 * 60_000;
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, 0));
    await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();
    assert.equal(after.length, 1, 'the wake-up was recorded');
    // Frames the old page drew before the new one replaced it (none if the reload came first).
    const visibleFrames = frames.filter((f) => f.why === 'visible');
    t.diagnostic(`${visibleFrames.length} frames recorded after the wake-up`);
    const shown = [...after, ...visibleFrames]
      .filter((f) => f.answers.length > 0 || f.wizardShown || f.text.includes(tag))
      .map((f) => `${f.why} #${f.frame}: ${f.answers.join('; ') || 'the intake step'}`);
    assert.deepEqual(shown, [], 'the woken page showed the previous patient\'s answers');
    await assertFreshPainStep(page, 'after the wake-up');
  } finally {
    await context.close();
  }
});

/** Every file below `dir` (not following links) whose bytes hold one of `texts` in UTF-8 or UTF-16LE, with the
 *  texts it holds and in which encoding; and how many files were read. */
function filesHolding(dir, texts) {
  const out = [];
  let files = 0;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) {
        files += 1;
        const bytes = readFileSync(p);
        const held = texts.flatMap((t) => ['utf8', 'utf16le'].filter((enc) => bytes.includes(Buffer.from(t, enc))).map((enc) => `${t} (${enc})`));
        if (held.length) out.push(`${p.slice(dir.length + 1)}: ${held.join(', ')}`);
      }
    }
  };
  walk(dir);
  return { out, files };
}

test('#22 kiosk sessions in a persistent profile leave none of their words in any file of the profile', async () => {
  const tags = [sentinel('disk-a'), sentinel('disk-b')];
  const control = `KIOSK-CONTROL-${Math.random().toString(36).slice(2, 10)}`;
  const profile = mkdtempSync(join(tmpdir(), 'mosaic-kiosk-profile-'));
  try {
    let payload;
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 820, height: 1180 },
    });
    try {
      const page = context.pages()[0] ?? await context.newPage();
      // The service worker runs, as on a real tablet: its Cache Storage is part of the profile searched below.
      await page.goto(env.site.url);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: ms(30_000) });
      await turnOnKiosk(page, env.site.url);
      // One patient finishes on the flare plan (four texts on screen), the next on the "What matters" step.
      payload = await fullSession(page, tags[0]);
      // A patient reads before pressing Finish. Chromium copies a page's form state to the browser process (where
      // session restore writes it to disk) about a second after it changes, so the words have that time here.
      await page.waitForTimeout(2_000);
      await finishSession(page);
      await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor({ timeout: ms(10_000) });
      await startSession(page);
      await answerPainStep(page);
      await openKioskView(page, '#/intake/values', 'section.wizard[data-step="values"]');
      await page.getByLabel('What matters most to you in your life right now?').fill(`Gardening ${tags[1]}`);
      await page.getByLabel('Your goals, up to three').fill(`Walk to the shop ${tags[1]}`);
      await page.waitForTimeout(2_000);
      await finishSession(page);
      await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor({ timeout: ms(10_000) });
      // Control: a value the page stores now must be found on disk after the browser closes, so a clean search
      // below is not an empty profile or an unflushed one.
      await page.evaluate((c) => localStorage.setItem('e2e-control', c), control);
    } finally {
      await context.close();
    }
    const scan = filesHolding(profile, [...tags, payload]);
    assert.ok(scan.files > 20, `the profile holds ${scan.files} files`);
    assert.ok(filesHolding(profile, [control]).out.length >= 1, 'control: what the page stored reached the disk and was found');
    assert.deepEqual(scan.out, [], 'files of the profile that hold the patients\' words');
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

/** Staff controls: the PIN and setup fields, the staff panel, Settings, turning kiosk mode on or off. */
const STAFF = /^(staff|kiosk-pin|kiosk-idle|kiosk-front-desk|takeover)/;
const STAFF_NAMES = /Settings|Turn (on )?kiosk mode|Unlock the staff panel|Staff PIN|Launch address/i;

/** Presses Tab through the whole page and back to where it began: every stop, and whether focus came round again
 *  to the first (no trap). A group of radios is one stop, as Tab treats it. The walk starts at the first control of
 *  the page ("Skip to content"), or with `fromFocus` at the focused control of the open dialog. */
async function tabWalk(page, { fromFocus = false } = {}) {
  const expected = await page.evaluate(() => {
    const key = (e) => (e.type === 'radio' ? `radio:${e.name}` : e.id || `${e.tagName}:${(e.innerText || e.value || '').trim().slice(0, 40)}`);
    window.__stopKey = key;
    const tabbable = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
      .filter((e) => e.tabIndex >= 0 && !e.disabled && e.checkVisibility({ visibilityProperty: true }) && !e.closest('[inert]'));
    const radios = new Set();
    // How many Tab stops: every control, a group of radios once.
    const count = tabbable.filter((e) => e.type !== 'radio' || (!radios.has(e.name) && radios.add(e.name))).length;
    return { keys: [...new Set(tabbable.map(key))], count };
  });
  await page.evaluate((fromFocus) => {
    const stop = (e) => ({
      key: window.__stopKey(e),
      id: e.id || '',
      name: (e.getAttribute('aria-label') || e.labels?.[0]?.innerText || e.innerText || '').trim().slice(0, 60),
      href: e.getAttribute('href') || '',
    });
    if (window.__onStop) document.removeEventListener('focusin', window.__onStop);
    window.__stops = [];
    window.__onStop = (ev) => window.__stops.push(stop(ev.target));
    document.addEventListener('focusin', window.__onStop);
    if (fromFocus) {
      // The dialog's control that has the focus; the Finish confirmation gives none, so the walk starts at its first.
      const modal = document.querySelector('[aria-modal="true"]');
      if (!modal.contains(document.activeElement)) modal.querySelector('button').focus();
      else window.__stops.push(stop(document.activeElement));
    }
    else document.querySelector('.skip-link').focus();
  }, fromFocus);
  // Enough presses to go round once and reach the first stop again.
  for (let i = 0; i < expected.count + 4; i++) await page.keyboard.press('Tab');
  const stops = await page.evaluate(() => {
    document.removeEventListener('focusin', window.__onStop);
    return window.__stops;
  });
  return { expected: expected.keys, stops };
}

/** Tab on this screen reaches no staff control; without `modal`, it reaches every control and comes round to the
 *  first again (no trap). A modal dialog may keep the focus inside: there, its own buttons must all be reached. */
async function assertTabOrder(page, screen, { modal = false } = {}) {
  const { expected, stops } = await tabWalk(page, { fromFocus: modal });
  const keys = stops.map((s) => s.key);
  const staff = stops.filter((s) => STAFF.test(s.id) || STAFF_NAMES.test(s.name) || s.href.includes('#/settings'));
  assert.deepEqual(staff, [], `${screen}: Tab reached a staff control`);
  const must = modal ? await page.evaluate(() => [...document.querySelectorAll('[aria-modal="true"] button')].map(window.__stopKey)) : expected;
  assert.ok(must.length > 0, `${screen}: controls to reach`);
  assert.deepEqual(must.filter((k) => !keys.includes(k)), [], `${screen}: Tab never reached these controls (${keys.join(' → ')})`);
  assert.ok(keys.lastIndexOf(keys[0]) > 0, `${screen}: focus came round to "${keys[0]}" again (no trap): ${keys.join(' → ')}`);
}

test('#23 staff exit: #/settings typed into the address bar is refused, and Tab on every kiosk screen reaches no staff control and has no trap', async () => {
  const { context, page } = await kiosk(env.browser, { clock: true });
  const noSettings = async (why) => {
    for (const name of ['Turn on kiosk mode', 'Turn kiosk mode off', 'Delete everything']) {
      assert.equal(await page.getByRole('button', { name }).count(), 0, `${why}: no "${name}" button`);
    }
    assert.equal(await page.locator('#kiosk-pin, #staff-pin, #large-text, #crisis-line').count(), 0, `${why}: no settings field`);
    assert.equal(await page.getByRole('link', { name: 'Settings' }).count(), 0, `${why}: no Settings link`);
  };
  try {
    const launch = page.url();
    // The hash edited in the address bar of the running kiosk: the app shows "not found", which leads to the start.
    await page.goto(`${env.site.url}#/settings`);
    await page.getByRole('heading', { level: 1, name: "We couldn't find that page" }).waitFor();
    assert.match(await page.locator('main').innerText(), /There is no page at \/settings\./);
    await noSettings('#/settings in the running kiosk');
    assert.equal(await page.getByRole('link', { name: 'Go to the start' }).count(), 1);
    // The address loaded afresh (a new tab, a reload): the kiosk starts at its launch address instead.
    await page.goto('about:blank');
    await page.goto(`${env.site.url}#/settings`);
    await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();
    assert.equal(page.url(), launch, 'a fresh load of #/settings ends at the launch address');
    await noSettings('#/settings loaded afresh');

    await assertTabOrder(page, 'start screen');
    await startSession(page);
    // Low back pain, so that the STarT Back step is asked too: every intake step is walked.
    const intake = {
      age: 52,
      pain: { primary: 'low_back', duration_months: 14, peg: { pain: 6, enjoyment: 5, activity: 5 } },
      mood: { phq4: { nervous: 1, worry: 1, interest: 0, down: 0 }, self_harm: 0 },
      start_back: { agree: [1, 3], bothersome: 'slightly' },
      symptoms: [], conditions: [], medications: [], supplements: [], activity: 'active',
      values: { what_matters: 'Gardening', goals: ['Walk to the shop'] },
      practicalities: { minutes_per_week: 150, budget_per_month: 100, days: [1, 3] },
    };
    await driveIntake(page, intake);
    await assertTabOrder(page, 'screening result');
    // Every intake step, opened by address with its answers in place.
    for (const step of ['pain', 'safety', 'health', 'medicines', 'mood', 'start-back', 'activity', 'values', 'practical']) {
      await openKioskView(page, `#/intake/${step}`, `section.wizard[data-step="${step}"]`);
      await assertTabOrder(page, `intake step "${step}"`);
    }
    await openKioskView(page, '#/screening', '[data-outcome]');
    await planExercise(page);
    await assertTabOrder(page, 'the plan (end screen)');
    await page.getByRole('button', { name: 'Finish' }).click();
    await assertTabOrder(page, 'the Finish confirmation', { modal: true });
    await page.getByRole('button', { name: 'Yes, finish and clear' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your answers have been cleared. Thank you.' }).waitFor();
    await assertTabOrder(page, 'the "cleared" screen');
    await page.clock.runFor(4_000);
    await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();
    await startSession(page);
    await page.clock.runFor(121_000);
    await page.getByRole('alertdialog', { name: 'Are you still there?' }).waitFor();
    await assertTabOrder(page, 'the idle warning', { modal: true });
  } finally {
    await context.close();
  }
});

/** Whole seconds left as the warning shows them, and what its live region says, once the two agree: the region says
 *  the latest of 30, 20, 10, 5, 4, 3, 2 and 1 that the countdown has reached. */
async function countdown(page) {
  const handle = await page.waitForFunction(() => {
    const left = Number(document.querySelector('#idle-left')?.textContent.match(/in (\d+) seconds/)?.[1]);
    const spoken = document.querySelector('.idle-dialog [aria-live]')?.textContent;
    const due = [1, 2, 3, 4, 5, 10, 20, 30].find((a) => a >= left);
    return left > 0 && spoken === `${due} seconds left` && { left, spoken };
  });
  return handle.jsonValue();
}

test('#18 idle warning: ten times "I\'m still here" keeps every answer; a polite live region announces the countdown', async () => {
  const tag = sentinel('idle-warning');
  const { context, page } = await kiosk(env.browser, { clock: true });
  try {
    await startSession(page);
    await answerPainStep(page, '58');
    await openKioskView(page, '#/intake/values', 'section.wizard[data-step="values"]');
    const matters = page.getByLabel('What matters most to you in your life right now?');
    await matters.fill(`Gardening ${tag}`);
    const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
    const live = dialog.locator('[aria-live]');
    const stillHere = page.getByRole('button', { name: "I'm still here" });
    for (let i = 0; i < 10; i++) {
      await page.clock.runFor(120_000);
      await dialog.waitFor();
      assert.ok(await stillHere.evaluate((b) => b === document.activeElement), `#${i + 1}: focus is on "I'm still here"`);
      assert.equal(await live.count(), 1, `#${i + 1}: one live region in the warning`);
      assert.equal(await live.getAttribute('aria-live'), 'polite', `#${i + 1}: the live region is polite`);
      // The live region speaks every 10 seconds and in each of the last 5 (src/ui/kiosk/idle.rs), not every second.
      const first = await countdown(page);
      assert.deepEqual(first, { left: 30, spoken: '30 seconds left' }, `#${i + 1}: the warning opens at 30 seconds`);
      assert.equal(await dialog.locator('#idle-left').innerText(),
        'To protect your privacy, this session will end and your answers will be cleared in 30 seconds.');
      // The first warning is followed down to 2 seconds left; each other one for a different time (2 to 18 s).
      const waits = i === 0 ? [1, 9, 10, 4, 1, 1, 1, 1] : [2 * i];
      const heard = [first.spoken];
      for (const wait of waits) {
        await page.clock.runFor(wait * 1_000);
        const now = await countdown(page);
        if (now.spoken !== heard.at(-1)) heard.push(now.spoken);
      }
      if (i === 0) {
        assert.deepEqual(heard, ['30 seconds left', '20 seconds left', '10 seconds left', '5 seconds left', '4 seconds left',
          '3 seconds left', '2 seconds left'], 'the announcements, in order');
      }
      await stillHere.click();
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await matters.inputValue(), `Gardening ${tag}`, `#${i + 1}: the typed words are kept`);
    }
    await openKioskView(page, '#/intake/pain', 'section.wizard[data-step="pain"]');
    assert.equal(await page.getByLabel('How old are you?').inputValue(), '58', 'age kept after ten warnings');
    assert.equal(await page.getByRole('group', { name: PEG_PAIN, exact: true }).getByRole('radio', { name: /^7 out of 10/ }).isChecked(), true,
      'pain score kept after ten warnings');
  } finally {
    await context.close();
  }
});

// End-to-end fault injection for persistence (docs/reliability.md, acceptance tests 1, 2, 3, 5, 7, 8, 9, 10): the
// app must never lose or silently overwrite a patient's data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openApp, axe, THROTTLE } from './harness.mjs';

const DOC = 'mosaic/doc';
const env = useApp('/');

/** A context whose localStorage holds `entries` before the app first loads, with every setItem recorded. With
 *  `clock`, the page's timers are Playwright's, so a test can run the autosave delay to its end on demand. */
async function seeded(entries, { initScript, clock = false } = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true });
  if (clock) await context.clock.install();
  await context.addInitScript(() => {
    window.__writes = [];
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      window.__writes.push(k);
      return original.call(this, k, v);
    };
  });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(`${env.site.url}public/icon.svg`);
  await page.evaluate((e) => { for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v); }, entries);
  return { context, page };
}

async function openSeeded(page) {
  await page.goto(env.site.url);
  await page.waitForSelector('#main h1');
}

const setCrisisLine = async (page, text) => {
  await page.goto(`${env.site.url}#/settings`);
  const field = page.getByLabel(/crisis line to show/i);
  await field.fill(text);
};

const storedDoc = (page) => page.evaluate((k) => localStorage.getItem(k), DOC);

/** Waits until the saved document contains `text` (the autosave has run). */
const savedWith = (page, text) =>
  page.waitForFunction(([k, t]) => (localStorage.getItem(k) ?? '').includes(t), [DOC, text]);

/** Runs every page timer due in the next second, three times the autosave delay: any save the app would make of
 *  the edit just typed has been attempted when this returns (the page's clock must be installed). */
const pastAutosave = (page) => page.clock.runFor(1_000);

test('truncated JSON: recovery banner, bytes kept, no write to the document until the person chooses', async () => {
  const broken = '{"app":"mosaic","schema":1,"data":{"plan":';
  const { context, page } = await seeded({ [DOC]: broken }, { clock: true });
  try {
    await openSeeded(page);
    const banner = page.locator('[data-banner="recovery"]');
    await banner.waitFor();
    assert.equal(await banner.getAttribute('role'), 'alert');
    assert.equal(await storedDoc(page), broken, 'original bytes untouched');
    const quarantined = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mosaic/quarantine/')).map((k) => localStorage.getItem(k)));
    assert.deepEqual(quarantined, [broken], 'a byte-identical copy is quarantined');
    // Typing elsewhere must not write the document while the choice is pending.
    await setCrisisLine(page, 'Test line 123');
    await pastAutosave(page);
    assert.equal(await storedDoc(page), broken);
    assert.ok(!(await page.evaluate(() => window.__writes)).includes('mosaic/doc'), 'no setItem on the document');
    assert.deepEqual(await axe(page), [], 'the recovery banner is accessible');
    // Download the unreadable data: byte-identical.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the unreadable data' }).click(),
    ]);
    assert.equal(await readFile(await download.path(), 'utf8'), broken);
    // Start fresh keeps the copy and saving resumes.
    await page.getByRole('button', { name: /Start fresh/ }).click();
    await banner.waitFor({ state: 'detached' });
    await page.getByLabel(/crisis line to show/i).fill('Test line 456');
    await pastAutosave(page);
    assert.match(await storedDoc(page), /Test line 456/);
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mosaic/quarantine/')).map((k) => localStorage.getItem(k)));
    assert.deepEqual(kept, [broken], 'the quarantined copy survives starting fresh');
  } finally {
    await context.close();
  }
});

test('a document from a newer version opens read-only, is never written, and can be downloaded', async () => {
  const newer = JSON.stringify({ app: 'mosaic', schema: 99, generation: 3, saved_at: 'x', data: { selected: ['yoga'], settings: { crisis_line: 'Newer line' } } });
  const { context, page } = await seeded({ [DOC]: newer }, { clock: true });
  try {
    await openSeeded(page);
    await page.getByText('Saved by a newer version of Mosaic').waitFor();
    await setCrisisLine(page, 'Edited in old version');
    await pastAutosave(page);
    assert.equal(await storedDoc(page), newer);
    assert.equal((await page.evaluate(() => window.__writes)).filter((k) => k.startsWith('mosaic/')).length, 0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download your saved data' }).click(),
    ]);
    assert.equal(await readFile(await download.path(), 'utf8'), newer);
  } finally {
    await context.close();
  }
});

test('a document of the older schema 1 is migrated: kept aside, rewritten as schema 3, "not sure" shown beside the ticks', async () => {
  // Schema 1 kept "not sure" about medicines beside the intake; schema 2 and later keep it in the intake.
  const v1 = JSON.stringify({ app: 'mosaic', schema: 1, generation: 4, saved_at: 'x', data: { intake: { age: 50, symptoms: [], medications: null }, unsure: ['medications'] } });
  const { context, page } = await seeded({ [DOC]: v1 });
  try {
    await openSeeded(page);
    const writes = await page.evaluate(() => window.__writes);
    assert.deepEqual(writes, ['mosaic/backup/pre-migrate-v1', DOC], 'the old bytes are copied aside before the document is rewritten');
    const stored = JSON.parse(await storedDoc(page));
    assert.equal(stored.schema, 3);
    assert.equal(stored.generation, 5);
    assert.deepEqual(stored.data.intake.unsure, ['medications']);
    assert.equal(stored.data.unsure, undefined);
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mosaic/')).sort());
    assert.deepEqual(keys, [DOC], 'the copy is removed once the migrated document was read back');
    await page.goto(`${env.site.url}#/intake/medicines`);
    const meds = page.getByRole('group', { name: 'Do you take any of these medicines regularly?' });
    assert.ok(await meds.getByRole('checkbox', { name: 'I\u2019m not sure about some of these', exact: true }).isChecked());
  } finally {
    await context.close();
  }
});

for (const [label, thrower] of [
  ['QuotaExceededError', "throw new DOMException('full', 'QuotaExceededError')"],
  ['NS_ERROR_DOM_QUOTA_REACHED', "throw new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED')"],
  ['code 22', "throw Object.assign(new Error('full'), { code: 22 })"],
  ['code 1014', "throw Object.assign(new Error('full'), { code: 1014 })"],
  ['a silently dropped write', 'return undefined'],
]) {
  test(`storage full (${label}): "Not saved" is visible, answers stay, the old document is untouched`, async () => {
    // The current schema, so start-up has nothing to migrate and rewrite before the storage fills.
    const before = JSON.stringify({ app: 'mosaic', schema: 3, generation: 1, saved_at: 'x', data: { settings: { crisis_line: 'Old line' } } });
    const { context, page } = await seeded({ [DOC]: before }, {
      initScript: `(() => {
        const original = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) {
          if (k === 'mosaic/doc' && window.__full) { ${thrower}; }
          return original.call(this, k, v);
        };
      })()`,
    });
    try {
      await openSeeded(page);
      await page.evaluate(() => { window.__full = true; });
      await setCrisisLine(page, 'Unsaved line');
      await page.locator('[data-save-status="problem"]').waitFor({ timeout: 2000 * THROTTLE });
      await page.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
      assert.equal(await page.getByLabel(/crisis line to show/i).inputValue(), 'Unsaved line');
      assert.equal(await storedDoc(page), before);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download a backup' }).first().click(),
      ]);
      assert.match(await readFile(await download.path(), 'utf8'), /Unsaved line/, 'the backup holds the unsaved edit');
    } finally {
      await context.close();
    }
  });
}

test('a value typed and the page hidden within 100 ms is kept', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${env.site.url}#/settings`);
    await page.getByLabel(/crisis line to show/i).fill('Typed then hidden');
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    assert.match(await storedDoc(page), /Typed then hidden/);
    await page.getByLabel(/crisis line to show/i).fill('Typed then closed');
    await page.close({ runBeforeUnload: true });
    const again = await context.newPage();
    await again.goto(`${env.site.url}#/settings`);
    assert.equal(await again.getByLabel(/crisis line to show/i).inputValue(), 'Typed then closed');
  } finally {
    await context.close();
  }
});

test('two tabs: a stale tab never overwrites newer data, and asks which version to keep', async () => {
  const context = await env.browser.newContext();
  try {
    const a = await context.newPage();
    await a.goto(`${env.site.url}#/settings`);
    const b = await context.newPage();
    // Tab B misses the other tab's save notifications, as a frozen or slow tab would.
    await b.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true));
    await b.goto(`${env.site.url}#/settings`);
    await a.getByLabel(/crisis line to show/i).fill('From tab A');
    await savedWith(a, 'From tab A');
    await b.getByLabel(/crisis line to show/i).fill('From stale tab B');
    await b.getByText('Mosaic was changed in another tab').waitFor();
    assert.match(await storedDoc(a), /From tab A/, 'B did not overwrite A');
    await b.getByRole('button', { name: "Use the other tab's version" }).click();
    assert.equal(await b.getByLabel(/crisis line to show/i).inputValue(), 'From tab A');
    // A tab that does get the notification follows the other tab without asking.
    const c = await context.newPage();
    await c.goto(`${env.site.url}#/settings`);
    // The settings view is loaded on demand: wait for its field before reading it, and never read a missing one.
    await c.getByLabel(/crisis line to show/i).waitFor();
    await a.getByLabel(/crisis line to show/i).fill('Second edit in A');
    await c.waitForFunction(() => document.querySelector('#crisis-line')?.value === 'Second edit in A');
  } finally {
    await context.close();
  }
});

test('"Delete everything" in one tab is not undone by another open tab: that tab forgets the data too', async () => {
  const context = await env.browser.newContext();
  try {
    const a = await context.newPage();
    await a.goto(`${env.site.url}#/settings`);
    const b = await context.newPage();
    await b.goto(`${env.site.url}#/settings`);
    await a.getByLabel(/crisis line to show/i).fill('Private line of patient one');
    await savedWith(a, 'Private line of patient one');
    await b.waitForFunction(() => document.querySelector('#crisis-line')?.value === 'Private line of patient one');
    await a.getByRole('button', { name: 'Delete everything…' }).click();
    await a.getByRole('button', { name: 'Yes, delete everything' }).click();
    await a.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Settings' }).waitFor();
    // Tab B heard of the deletion: its field is empty, and its next change saves no deleted word.
    await b.waitForFunction(() => document.querySelector('#crisis-line')?.value === '');
    await b.getByLabel('Larger text').check();
    await b.waitForFunction(() => (localStorage.getItem('mosaic/doc') || '').includes('"large_text":true'));
    assert.doesNotMatch(await storedDoc(b), /Private line/);
  } finally {
    await context.close();
  }
});

test('backup, delete everything, restore: the same data comes back; persistence was requested once', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  try {
    await context.addInitScript(() => {
      window.__persistCalls = 0;
      if (navigator.storage) {
        const original = navigator.storage.persist.bind(navigator.storage);
        navigator.storage.persist = () => { window.__persistCalls += 1; return original(); };
      }
    });
    const page = await context.newPage();
    await setCrisisLine(page, 'Backup round trip');
    await savedWith(page, 'Backup round trip');
    await page.getByLabel('Larger text').check();
    await savedWith(page, '"large_text":true');
    assert.equal(await page.evaluate(() => window.__persistCalls), 1);
    await page.locator('[data-persisted]').waitFor();
    const original = JSON.parse(await storedDoc(page)).data;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup' }).first().click(),
    ]);
    const file = await download.path();
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.waitForURL((u) => !u.hash);
    await page.getByRole('link', { name: 'Start planning' }).waitFor();
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mosaic/'))), []);
    await page.getByLabel('Restore a backup').setInputFiles(file);
    await page.getByText('This backup holds').waitFor();
    assert.equal(await storedDoc(page), null, 'nothing changes before confirming');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.waitForURL(/#\/screening/);
    assert.deepEqual(JSON.parse(await storedDoc(page)).data, original);
  } finally {
    await context.close();
  }
});

test('malformed, oversized and wrong-format backups are refused with a clear message and nothing changes', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await setCrisisLine(page, 'Keep me');
    await savedWith(page, 'Keep me');
    const before = await storedDoc(page);
    const cases = [
      ['broken.json', '{"format":"mosaic-backup",', /could not be read/],
      ['other.json', '{"format":"something-else","schema":1,"data":{}}', /format is "something-else"/],
      ['newer.json', '{"format":"mosaic-backup","schema":42,"data":{}}', /newer version/],
      ['big.json', ' '.repeat(16 * 1024 * 1024 + 10), /too large/],
      ['ids.json', '{"format":"mosaic-backup","schema":1,"data":{"intake":{"conditions":["werewolf"]}}}', /werewolf/],
    ];
    for (const [name, contents, message] of cases) {
      await page.getByLabel('Restore a backup').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
      await page.locator('#settings-restore-error').filter({ hasText: message }).waitFor();
      assert.equal(await page.getByText('This backup holds').count(), 0, `${name}: no preview`);
      assert.equal(await storedDoc(page), before, `${name}: nothing changed`);
    }
  } finally {
    await context.close();
  }
});

test('a backup with one bad field is refused naming that field, and the saved document is byte-for-byte unchanged', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  try {
    const page = await context.newPage();
    await setCrisisLine(page, 'Keep this line');
    await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('Keep this line'), DOC);
    const before = await storedDoc(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup' }).first().click(),
    ]);
    const good = JSON.parse(await readFile(await download.path(), 'utf8'));
    const withYoga = structuredClone(good);
    withYoga.data.plan = { per_week: { yoga: 99 } };
    const withGoals = structuredClone(good);
    withGoals.data.intake = { values: { goals: ['Walk', 'Swim', 'Sleep', 'Garden'] } };
    const cases = [
      ['per-week.json', withYoga, '`data.plan.per_week.yoga` is 99, but it must be from 1 to 2 (sessions a week in the usual course of Yoga).'],
      ['goals.json', withGoals, '`data.intake.values.goals[3]`: there are 4 goals, but Mosaic keeps at most 3.'],
    ];
    const error = page.locator('#settings-restore-error');
    for (const [name, file, message] of cases) {
      await page.getByLabel('Restore a backup').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await error.filter({ hasText: message }).waitFor();
      assert.equal(await error.textContent(), `This backup was not restored and nothing was changed: ${message}`, name);
      assert.equal(await error.getAttribute('role'), 'alert', `${name}: the refusal is announced`);
      assert.equal(await page.getByText('This backup holds').count(), 0, `${name}: no preview`);
      assert.equal(await storedDoc(page), before, `${name}: the saved document is byte-for-byte unchanged`);
    }
    // The unchanged backup still restores, so the refusals above came from the one bad field.
    await page.getByLabel('Restore a backup').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await page.getByText('This backup holds').waitFor();
    assert.equal(await error.textContent(), '', 'the earlier refusal is cleared');
    assert.equal(await storedDoc(page), before, 'nothing changes before confirming');
  } finally {
    await context.close();
  }
});

test('Settings and the Welcome restore control have no axe-core violations', async () => {
  const { context, page } = await openApp(env.browser, `${env.site.url}#/settings`);
  try {
    assert.deepEqual(await axe(page), []);
  } finally {
    await context.close();
  }
});

test('storage that cannot be used at all: memory-only mode with a banner, and a backup still works', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  try {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
    const page = await context.newPage();
    await page.goto(`${env.site.url}#/settings`);
    await page.getByRole('alert').filter({ hasText: 'not letting Mosaic save' }).waitFor();
    await page.getByLabel(/crisis line to show/i).fill('Memory only');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup' }).first().click(),
    ]);
    assert.match(await readFile(await download.path(), 'utf8'), /Memory only/);
  } finally {
    await context.close();
  }
});

test('reload mid-intake: the answers are back', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${env.site.url}#/intake/pain`);
    await page.getByLabel('How old are you?').fill('58');
    await page.getByRole('radio', { name: /Neck pain/ }).first().check();
    await savedWith(page, '"primary":"neck"');
    await page.reload();
    await page.locator('section.wizard[data-step="pain"]').waitFor();
    assert.equal(await page.getByLabel('How old are you?').inputValue(), '58');
    assert.ok(await page.getByRole('radio', { name: /Neck pain/ }).first().isChecked());
  } finally {
    await context.close();
  }
});

test('restoring a backup with only an intake and chosen therapies shows the screening the engine computes', async () => {
  const s09 = JSON.parse(await readFile(new URL('../tests/scenarios/s09.json', import.meta.url), 'utf8'));
  const file = JSON.stringify({ format: 'mosaic-backup', schema: 1, data: { intake: s09.intake, selected: s09.selected } });
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(env.site.url);
    await page.getByLabel('Restore a backup').setInputFiles({ name: 's09.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.getByText('This backup holds').waitFor();
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.waitForURL(/#\/screening/);
    assert.equal(await page.locator('[data-outcome]').getAttribute('data-outcome'), s09.expect.outcome);
    for (const [therapy, status] of Object.entries(s09.expect.therapies)) {
      assert.equal(await page.locator(`[data-therapy="${therapy}"]`).first().getAttribute('data-status'), status, therapy);
    }
    const saved = JSON.parse(await storedDoc(page)).data;
    assert.deepEqual(saved.selected, s09.selected);
  } finally {
    await context.close();
  }
});

// ---- Acceptance tests #1, #2, #3, #8 and #10 (docs/reliability.md, "Not yet proven"). ----

/** A context whose app page starts with `raw` stored under the document key (written before the app's first load,
 *  once per context), with every later `setItem` recorded in `window.__writes` as `[key, value]` and every console
 *  error and uncaught exception in `errors`. With `clock`, the page's timers are Playwright's. */
async function startingWith(raw, { clock = false } = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true });
  if (clock) await context.clock.install();
  await context.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('mosaic-test-seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('mosaic-test-seeded', '1');
    }
    window.__writes = [];
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (this === localStorage) window.__writes.push([k, v]);
      return original.call(this, k, v);
    };
  }, [DOC, raw]);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e}`));
  return { context, page, errors };
}

/** Every `mosaic/quarantine/…` key with its value. */
const quarantine = (page) => page.evaluate(() => Object.fromEntries(
  Object.keys(localStorage).filter((k) => k.startsWith('mosaic/quarantine/')).map((k) => [k, localStorage.getItem(k)])));

/** Hides the page and shows it again: the app saves at once when hidden. */
async function hideAndShow(page) {
  await page.evaluate(() => {
    for (const state of ['hidden', 'visible']) {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }
  });
}

test('a truncated document at start: the recovery banner is up within 3 s of navigation, with no error', async () => {
  const broken = '{"app":"mosaic","schema":3,"generation":6,"saved_at":"2026-02-01T08:00:00.000Z","data":{"settings":{"crisis_li';
  const { context, page, errors } = await startingWith(broken);
  await context.addInitScript(() => {
    // When the banner first appears, in ms since the navigation started.
    new MutationObserver(() => {
      if (window.__bannerAt === undefined && document.querySelector('[data-banner="recovery"]')) window.__bannerAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  try {
    await page.goto(env.site.url);
    const banner = page.getByRole('alert').filter({ hasText: 'We could not read what was saved on this device.' });
    await banner.waitFor({ timeout: 3_000 * THROTTLE });
    assert.ok(await banner.isVisible(), 'the banner is visible');
    assert.equal(await banner.getAttribute('data-banner'), 'recovery');
    const at = await page.evaluate(() => window.__bannerAt);
    assert.ok(at < 3_000 * THROTTLE, `the banner appeared ${Math.round(at)} ms after navigation started`);
    assert.deepEqual(Object.values(await quarantine(page)), [broken], 'the bytes are kept aside');
    assert.equal(await storedDoc(page), broken);
    assert.equal(await page.locator('.save-status').innerText(), 'Saving paused');
    assert.deepEqual(errors, [], 'no console error and no uncaught exception');
  } finally {
    await context.close();
  }
});

test('a hand-edited document with one wrong-typed entry deep inside is quarantined whole and never written over', async () => {
  // A real document (an intake, three therapies, two check-ins) where one check-in's week is a word, not a number.
  const s01 = JSON.parse(await readFile(new URL('../tests/scenarios/s01.json', import.meta.url), 'utf8'));
  const checkin = (date, week) => ({ date, week, peg: { pain: 6, enjoyment: 5, activity: 5 }, sessions: {}, effects: {}, note: 'Hand edited', red_flags: [] });
  const edited = JSON.stringify({
    app: 'mosaic', schema: 3, generation: 9, saved_at: '2026-03-09T09:00:00.000Z',
    data: {
      intake: s01.intake, selected: ['exercise', 'yoga', 'mindfulness'],
      checkins: [checkin('2026-03-02', 1), checkin('2026-03-09', 'second')],
      settings: { crisis_line: 'Hand-edited line' },
    },
  });
  const { context, page, errors } = await startingWith(edited, { clock: true });
  try {
    await page.goto(env.site.url);
    const banner = page.locator('[data-banner="recovery"]');
    await banner.waitFor();
    assert.equal(await banner.getAttribute('role'), 'alert');
    assert.match(await banner.innerText(), /part of the saved data could not be read \(invalid type: string "second", expected u16/);
    const kept = await quarantine(page);
    assert.deepEqual(Object.values(kept), [edited], 'the exact bytes are kept aside under one quarantine key');
    assert.match(Object.keys(kept)[0], /^mosaic\/quarantine\/\d{4}-\d\d-\d\dT/);
    // Nothing of it is shown as if it were read: the app starts empty rather than guessing.
    await page.getByRole('link', { name: 'Start planning' }).waitFor();
    // A person goes on using the app: a new crisis line, larger text, an intake answer, the page hidden.
    await page.goto(`${env.site.url}#/settings`);
    await page.getByLabel(/crisis line to show/i).fill('Typed after the banner');
    await page.getByLabel('Larger text').check();
    await page.goto(`${env.site.url}#/intake/pain`);
    await page.getByLabel('How old are you?').fill('61');
    await pastAutosave(page);
    await hideAndShow(page);
    await pastAutosave(page);
    assert.equal(await storedDoc(page), edited, 'the document is byte-for-byte unchanged');
    assert.deepEqual(await quarantine(page), kept, 'still one copy, the same bytes');
    assert.deepEqual((await page.evaluate(() => window.__writes)).filter(([k]) => k === DOC), [], 'no setItem on the document');
    await banner.waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a document from a newer version (schema 99), edited for a minute through the UI, is never written', async () => {
  const newer = JSON.stringify({
    app: 'mosaic', schema: 99, generation: 12, saved_at: '2027-06-01T10:00:00.000Z',
    data: { selected: ['yoga'], settings: { crisis_line: 'Line from the future' }, hologram: { mode: 'on' } },
  });
  // The page's timers are Playwright's, so each round can run the autosave delay to its end.
  const { context, page, errors } = await startingWith(newer, { clock: true });
  // Every setItem of every page load of the minute, reported to the test as it happens.
  const writes = [];
  await context.exposeBinding('__reportWrite', (_source, key) => { writes.push(key); });
  await context.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      window.__reportWrite(k);
      return original.call(this, k, v);
    };
  });
  try {
    await page.goto(`${env.site.url}#/settings`);
    const banner = page.getByRole('alert').filter({ hasText: 'Saved by a newer version of Mosaic' });
    await banner.waitFor();
    const crisis = page.getByLabel(/crisis line to show/i);
    assert.equal(await crisis.inputValue(), 'Line from the future', 'shown as far as it can be read');
    const end = Date.now() + 60_000;
    let round = 0;
    while (Date.now() < end) {
      round += 1;
      await page.goto(`${env.site.url}#/settings`);
      await crisis.fill(`Edit ${round} in the old version`);
      await page.getByLabel('Larger text').setChecked(round % 2 === 1);
      await page.goto(`${env.site.url}#/intake/pain`);
      await page.getByLabel('How old are you?').fill(String(30 + (round % 50)));
      await page.getByRole('radio', { name: round % 2 ? /Neck pain/ : /Low back pain/ }).first().check();
      await pastAutosave(page);
      await hideAndShow(page);
      assert.equal(await storedDoc(page), newer, `round ${round}: the document is unchanged`);
      assert.equal(await page.locator('.save-status').innerText(), 'Read-only', `round ${round}: the header says so`);
      if (round % 10 === 0) {
        await page.reload();
        await banner.waitFor();
      }
    }
    assert.ok(round >= 10, `a minute of editing made ${round} rounds`);
    console.log(`schema 99: ${round} rounds of edits in 60 s`);
    assert.deepEqual(writes.filter((k) => k.startsWith('mosaic/')), [], 'no setItem on any mosaic/ key in the whole minute');
    assert.equal(await storedDoc(page), newer);
    await banner.waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('restoring a backup keeps the document it replaced, byte for byte, under mosaic/backup/pre-import', async () => {
  const before = '{"app":"mosaic","schema":3,"generation":4,"saved_at":"2026-01-05T09:00:00.000Z","data":{"selected":["yoga","exercise"],"settings":{"crisis_line":"Line before the restore"},"flare":{"signs":"Stiff mornings"}}}';
  const file = JSON.stringify({
    format: 'mosaic-backup', schema: 3, exported_at: '2026-02-01T10:00:00.000Z',
    data: { selected: ['mindfulness'], settings: { crisis_line: 'Line from the backup' } },
  });
  const { context, page, errors } = await startingWith(before);
  try {
    await page.goto(`${env.site.url}#/settings`);
    assert.equal(await page.getByLabel(/crisis line to show/i).inputValue(), 'Line before the restore');
    await page.getByLabel('Restore a backup').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const preview = page.locator('.restore-preview');
    await preview.waitFor();
    assert.match(await preview.innerText(), /It will replace what is on this device now: .*Yoga.*\. A copy of that is kept on this device\./s);
    assert.equal(await storedDoc(page), before, 'nothing changes before confirming');
    assert.equal(await page.evaluate(() => localStorage.getItem('mosaic/backup/pre-import')), null);
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.waitForURL(/#\/screening/);
    assert.equal(await page.evaluate(() => localStorage.getItem('mosaic/backup/pre-import')), before,
      'the replaced document is kept byte for byte');
    const now = JSON.parse(await storedDoc(page));
    assert.equal(now.app, 'mosaic');
    assert.equal(now.schema, 3);
    assert.equal(now.generation, 5, 'the restore is the next generation');
    assert.deepEqual(now.data.selected, ['mindfulness']);
    assert.equal(now.data.settings.crisis_line, 'Line from the backup');
    assert.equal(now.data.flare, undefined, 'nothing of the replaced document is mixed in');
    const writes = await page.evaluate(() => window.__writes.map(([k]) => k));
    assert.deepEqual(writes.filter((k) => k.startsWith('mosaic/')), ['mosaic/backup/pre-import', DOC], 'the copy is written before the document');
    await page.goto(`${env.site.url}#/settings`);
    assert.equal(await page.getByLabel(/crisis line to show/i).inputValue(), 'Line from the backup');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('two tabs, random interleavings: no save lands over one its tab had not seen, unless the person chose so', async () => {
  const seed = Number(process.env.MOSAIC_TABS_SEED || Date.now() % 1_000_000);
  console.log(`two-tab interleavings: seed ${seed} (MOSAIC_TABS_SEED=${seed} repeats it)`);
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const start = '{"app":"mosaic","schema":3,"generation":1,"saved_at":"2026-01-01T00:00:00.000Z","data":{"settings":{"crisis_line":"Start"}}}';
  const context = await env.browser.newContext();
  await context.addInitScript(([key, value]) => {
    if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
    const gen = (raw) => (raw === null ? 0 : JSON.parse(raw).generation);
    // The generations this page has seen: the one it loaded, the ones it heard of, the ones it wrote.
    const seen = new Set([gen(localStorage.getItem(key))]);
    window.__deaf = false;
    window.__explicit = false;
    window.__docWrites = [];
    // A deaf page misses the other tab's save notifications, as a frozen or slow tab would.
    window.addEventListener('storage', (e) => {
      if (window.__deaf) e.stopImmediatePropagation();
      else if (e.key === key) seen.add(gen(e.newValue));
    }, true);
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (this === localStorage && k === key) {
        const over = gen(localStorage.getItem(k));
        window.__docWrites.push({ over, as: gen(v), line: JSON.parse(v).data.settings.crisis_line, seen: seen.has(over), explicit: window.__explicit });
        seen.add(gen(v));
      }
      return original.call(this, k, v);
    };
  }, [DOC, start]);
  try {
    const tabs = {};
    for (const name of ['A', 'B']) {
      tabs[name] = await context.newPage();
      await tabs[name].goto(`${env.site.url}#/settings`);
      await tabs[name].getByLabel(/crisis line to show/i).waitFor();
    }
    const line = (p) => p.getByLabel(/crisis line to show/i);
    const conflict = (p) => p.getByRole('alert').filter({ hasText: 'Mosaic was changed in another tab' });
    const settled = (p) => p.waitForFunction(() => document.querySelector('.save-status')?.textContent !== 'Saving…');
    let generation = 1;
    let edits = 0;
    const steps = [];
    for (let step = 0; step < 24; step += 1) {
      const name = rand() < 0.5 ? 'A' : 'B';
      const p = tabs[name];
      const r = rand();
      let what;
      if (r < 0.4) {
        edits += 1;
        what = `${name} types "${name}${edits}"`;
        await line(p).fill(`${name}${edits}`);
      } else if (r < 0.55) {
        what = `${name}'s autosave delay ends`;
        await settled(p);
      } else if (r < 0.7) {
        what = `${name} is hidden and shown`;
        await hideAndShow(p);
      } else if (r < 0.8) {
        const deaf = rand() < 0.5;
        what = `${name} ${deaf ? 'stops' : 'starts'} hearing the other tab`;
        await p.evaluate((d) => { window.__deaf = d; }, deaf);
      } else if (await conflict(p).count()) {
        const mine = rand() < 0.5;
        what = `${name} chooses ${mine ? 'its own' : "the other tab's"} version`;
        await p.evaluate((m) => { window.__explicit = m; }, mine);
        await p.getByRole('button', { name: mine ? "Keep this tab's version" : "Use the other tab's version" }).click();
        await conflict(p).waitFor({ state: 'detached' });
        await p.evaluate(() => { window.__explicit = false; });
      } else {
        what = `${name} waits`;
        await settled(p);
      }
      const stored = JSON.parse(await storedDoc(p));
      steps.push(`${what} → stored ${stored.generation} "${stored.data.settings.crisis_line}"`);
      assert.ok(stored.generation >= generation, `the stored generation went back:\n${steps.join('\n')}`);
      generation = stored.generation;
    }
    // The end: any open question answered with the other tab's version, both reloaded, both show what is stored.
    for (const p of Object.values(tabs)) {
      await p.evaluate(() => { window.__deaf = false; });
      if (await conflict(p).count()) {
        await p.getByRole('button', { name: "Use the other tab's version" }).click();
        await conflict(p).waitFor({ state: 'detached' });
      }
      await settled(p);
    }
    const writes = {};
    for (const [name, p] of Object.entries(tabs)) writes[name] = await p.evaluate(() => window.__docWrites);
    console.log(steps.join('\n'));
    const final = JSON.parse(await storedDoc(tabs.A));
    for (const [name, p] of Object.entries(tabs)) {
      for (const w of writes[name]) {
        assert.ok(w.as > w.over, `${name} wrote generation ${w.as} over ${w.over}`);
        assert.ok(w.seen || w.explicit, `${name} wrote "${w.line}" over generation ${w.over}, which it had never seen, without the person choosing so:\n${steps.join('\n')}`);
      }
      await p.reload();
      await line(p).waitFor();
      assert.equal(await line(p).inputValue(), final.data.settings.crisis_line, `${name} after a reload`);
      assert.equal(await p.locator('.save-status').innerText(), 'Saved on this device');
    }
    assert.ok(writes.A.length + writes.B.length > 0, 'the interleaving saved something');
  } finally {
    await context.close();
  }
});

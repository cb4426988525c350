// Kiosk mode end to end (docs/reliability.md, acceptance tests 18–24): memory-only sessions, wipe on Finish, on idle and on any way
// back to the start, no leakage through storage, history or Back, in-page links, staff exit behind a long press and
// a PIN with a growing lockout. The launch address is tested in kiosk-launch.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, axe, THROTTLE } from './harness.mjs';
import { driveIntake, label } from './drive.mjs';

const PIN = '246810';
const S = `ZZQ-SENTINEL-${Math.random().toString(36).slice(2)}`;
const env = useApp('/');

/** A fresh browser context turned into a kiosk through Settings, as clinic staff would. */
async function kioskContext({ idle = 120, clock = false } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  if (clock) await page.clock.install();
  await page.goto(`${env.site.url}#/settings`);
  await page.getByLabel('Staff PIN (6 to 12 digits)').fill(PIN);
  await page.getByLabel('Staff PIN again').fill(PIN);
  await page.getByLabel('Idle time before the countdown (seconds)').fill(String(idle));
  await page.getByLabel(/What patients should do in a crisis/).fill('Please tell the front desk now.');
  await page.getByRole('button', { name: 'Turn on kiosk mode' }).click();
  await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
  return { context, page };
}

const patientIntake = {
  age: 52,
  pain: { primary: 'neck', duration_months: 14, peg: { pain: 6, enjoyment: 5, activity: 5 } },
  mood: { phq4: { nervous: 1, worry: 1, interest: 0, down: 0 }, self_harm: 0 },
  symptoms: [], conditions: [], medications: [], supplements: [], activity: 'active',
  values: { what_matters: `Gardening ${S}`, goals: [`Walk to the shop ${S}`] },
  practicalities: { minutes_per_week: 150, budget_per_month: 100, days: [1, 3] },
};

/** Everything a later patient could find: storage, IndexedDB, the page text, the address. */
async function residue(page) {
  return page.evaluate(async (s) => {
    const local = Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]);
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    return {
      localKeys: local.map(([k]) => k),
      sentinelInLocal: local.some(([k, v]) => k.includes(s) || (v || '').includes(s)),
      sessionLength: sessionStorage.length,
      cookies: document.cookie,
      dbs: dbs.map((d) => d.name),
      sentinelInPage: document.body.innerText.includes(s),
      hash: location.hash,
      search: location.search,
    };
  }, S);
}

/** Presses and holds the logo until the staff PIN dialog opens (with an installed clock, runs it past 2 s). */
async function longPressLogo(page, { clock = false } = {}) {
  await page.getByRole('link', { name: 'Mosaic home' }).hover();
  await page.mouse.down();
  if (clock) await page.clock.runFor(2_100);
  await page.getByLabel('Staff PIN').waitFor({ timeout: 5000 * THROTTLE });
  await page.mouse.up();
}

async function startSession(page) {
  await page.getByRole('link', { name: 'Start' }).click();
  await page.locator('section.wizard[data-step="pain"]').waitFor();
}

test('a full kiosk session leaves nothing behind after Finish, and Back shows no earlier content', async () => {
  const { context, page } = await kioskContext();
  try {
    assert.deepEqual(await axe(page), [], 'kiosk start screen is accessible');
    const entries = await page.evaluate(() => history.length);
    await startSession(page);
    // Storage is read every 100 ms during the session; a patient key or a failed read fails the test below.
    const written = new Set();
    const pollErrors = [];
    let reading = Promise.resolve();
    const poll = setInterval(() => {
      reading = page.evaluate(() => Object.keys(localStorage)).then(
        (keys) => keys.filter((k) => k !== 'mosaic/kiosk').forEach((k) => written.add(k)),
        (e) => pollErrors.push(String(e)),
      );
    }, 100);
    try {
      await driveIntake(page, patientIntake);
      await page.getByRole('link', { name: 'Choose therapies' }).click();
      const exercise = page.locator('[data-therapy="exercise"]').first();
      await exercise.locator('.card-action > button').click();
      // Adding goes through the consent step when the card has one (it renders synchronously on the click).
      const consent = exercise.getByLabel('I have read this and will discuss it with my clinician');
      if (await consent.count()) {
        await consent.check();
        await exercise.getByRole('button', { name: /^Confirm and add/ }).click();
      }
      await page.locator('[data-therapy="exercise"][data-selected="true"]').first().waitFor();
      await page.getByRole('link', { name: /Build my plan/ }).first().click();
      await page.waitForURL(/#\/plan/);
      const during = await residue(page);
      assert.deepEqual(during.localKeys, ['mosaic/kiosk']);
      assert.equal(during.sentinelInLocal, false);
      assert.equal(during.sessionLength, 0);
      assert.equal(await page.evaluate(() => history.length), entries, 'kiosk navigation adds no history entries');
    } finally {
      clearInterval(poll);
      await reading;
    }
    assert.deepEqual([...written], [], 'no patient key was written to storage during the session');
    assert.deepEqual(pollErrors, [], 'every storage read during the session worked');
    await page.getByRole('button', { name: 'Finish' }).click();
    assert.deepEqual(await axe(page), [], 'finish confirmation is accessible');
    await page.getByRole('button', { name: 'Yes, finish and clear' }).click();
    await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
    const afterFinish = await residue(page);
    assert.deepEqual(afterFinish.localKeys, ['mosaic/kiosk']);
    assert.equal(afterFinish.sentinelInLocal, false);
    assert.equal(afterFinish.sessionLength, 0);
    assert.equal(afterFinish.cookies, '');
    assert.deepEqual(afterFinish.dbs, []);
    assert.equal(afterFinish.sentinelInPage, false);
    assert.match(afterFinish.hash, /^#\/kiosk\/[A-Za-z0-9_-]+$/, 'back at the launch address, which holds only the configuration');
    assert.equal(afterFinish.search, '');
    // Back leaves the kiosk page entirely (nothing of the session was ever a history entry): the entry before the
    // kiosk is the browser's blank start page.
    const shows = () => page.evaluate((s) => (document.body?.innerText || '').includes(s), S);
    await page.goBack();
    assert.equal(page.url(), 'about:blank', 'Back leaves the kiosk page');
    assert.equal(await shows(), false, 'Back shows nothing of the earlier session');
    // Forward loads the launch address afresh: the start screen, nothing of the session.
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
    assert.equal(await shows(), false, 'Forward shows nothing of the earlier session');
    // The keyboard shortcut for Back, whether or not headless Chromium acts on it, ends on a settled page: the
    // blank page or the start screen.
    await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForFunction(() => location.href === 'about:blank' || document.querySelector('#main h1') !== null);
    assert.equal(await shows(), false);
  } finally {
    await context.close();
  }
});

test('Back in a kiosk returns to the previous step inside the app, with the answers still there', async () => {
  const { context, page } = await kioskContext();
  try {
    await startSession(page);
    const entries = await page.evaluate(() => history.length);
    // A mark on this document: it survives only if Back stays in the same page (no reload, no leaving the app).
    await page.evaluate(() => { window.__samePage = true; });
    const painGroup = page.getByRole('group', { name: 'Which pain troubles you most?', exact: true });
    const neck = painGroup.getByRole('radio', { name: label('conditions', 'neck'), exact: true });
    const pegLegend = 'What number best describes your pain on average in the past week?';
    const pegSix = page.getByRole('group', { name: pegLegend, exact: true }).getByRole('radio', { name: /^6 out of 10/ });
    await page.getByLabel('How old are you?').fill('58');
    await neck.check();
    await pegSix.check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('section.wizard[data-step="safety"]').waitFor();
    await page.getByRole('button', { name: 'Back' }).click();
    await page.locator('section.wizard[data-step="pain"]').waitFor({ timeout: 10_000 * THROTTLE });
    assert.equal(await page.evaluate(() => window.__samePage), true, 'the same page: Back did not leave or reload the app');
    assert.equal(page.url(), `${env.site.url}#/intake/pain`, 'the pain step, inside the app');
    assert.equal(await page.evaluate(() => history.length), entries, 'Back adds no history entry');
    assert.equal(await page.getByLabel('How old are you?').inputValue(), '58', 'age kept');
    assert.equal(await neck.isChecked(), true, 'main pain kept');
    assert.equal(await pegSix.isChecked(), true, 'pain score kept');
    // Forward through the wizard again keeps working.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('section.wizard[data-step="safety"]').waitFor();
  } finally {
    await context.close();
  }
});

test('idle: a countdown with a large "I\'m still here" keeps the answers; expiry wipes the session', async () => {
  const { context, page } = await kioskContext({ idle: 120, clock: true });
  try {
    await startSession(page);
    await page.getByLabel('How old are you?').fill('61');
    for (let i = 0; i < 3; i++) {
      await page.clock.runFor(121_000);
      const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
      await dialog.waitFor();
      assert.match(await dialog.innerText(), /in \d+ seconds/);
      const button = page.getByRole('button', { name: "I'm still here" });
      assert.ok(await button.evaluate((b) => b === document.activeElement), 'focus moves into the dialog');
      const box = await button.boundingBox();
      assert.ok(box.width >= 48 && box.height >= 48, `button is ${box.width}×${box.height}`);
      if (i === 0) assert.deepEqual(await axe(page), [], 'idle dialog is accessible');
      await button.click();
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await page.getByLabel('How old are you?').inputValue(), '61');
    }
    await page.clock.runFor(121_000 + 31_000);
    await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
    await startSession(page);
    assert.equal(await page.getByLabel('How old are you?').inputValue(), '', 'the earlier answer is gone');
  } finally {
    await context.close();
  }
});

test('a tablet that sleeps past the deadline resets before showing anything', async () => {
  const { context, page } = await kioskContext({ idle: 120, clock: true });
  try {
    await startSession(page);
    await page.getByLabel('How old are you?').fill('47');
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    assert.equal(await page.locator('main').evaluate((m) => getComputedStyle(m).visibility), 'hidden', 'a hidden kiosk shows nothing');
    // A real sleeping tablet runs no timers; here they may fire during the jump and reset the page first,
    // which is just as good. Either way, coming back must show the start screen.
    await page.clock.fastForward(10 * 60_000);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }).catch((e) => {
      // The reset reloads the page, which may end this script before it returns: only that is expected.
      if (!/Execution context was destroyed|navigation/i.test(String(e))) throw e;
    });
    await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
  } finally {
    await context.close();
  }
});

test('staff exit: long press plus PIN; Tab never reaches a staff control; a 4-digit PIN is refused', async () => {
  const { context, page } = await kioskContext();
  try {
    await startSession(page);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.id || '');
      assert.ok(!focused.startsWith('staff'), `Tab reached ${focused}`);
    }
    assert.equal(await page.locator('#staff-pin').count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Settings' }).count(), 0, 'no Settings link for patients');
    await longPressLogo(page);
    assert.deepEqual(await axe(page), [], 'PIN dialog is accessible');
    const record = await page.evaluate(() => localStorage.getItem('mosaic/kiosk'));
    assert.ok(!record.includes(PIN), 'the PIN is not stored in plain text');
    await page.getByLabel('Staff PIN').fill(PIN);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('button', { name: 'Turn kiosk mode off' }).click();
    await page.getByRole('link', { name: /Start planning|Continue/ }).waitFor();
    await page.goto(`${env.site.url}#/settings`);
    await page.getByLabel('Staff PIN (6 to 12 digits)').fill('2468');
    await page.getByLabel('Staff PIN again').fill('2468');
    await page.getByRole('button', { name: 'Turn on kiosk mode' }).click();
    await page.getByRole('alert').filter({ hasText: 'The PIN must be 6 to 12 digits.' }).waitFor();
  } finally {
    await context.close();
  }
});

test('PIN lockout: a minute after 5 wrong PINs, then doubling; waiting does not reset it, a reload or a clock change does not end it', async () => {
  const { context, page } = await kioskContext({ clock: true });
  const unlockWith = async (pin) => {
    await page.getByLabel('Staff PIN').fill(pin);
    await page.getByRole('button', { name: 'Unlock' }).click();
  };
  const alertText = (text) => page.getByRole('alert').filter({ hasText: text });
  try {
    await longPressLogo(page, { clock: true });
    for (let i = 0; i < 5; i++) {
      await unlockWith('000000');
      await alertText(i < 4 ? 'That PIN is not right.' : 'The staff exit is locked for 60 seconds.').waitFor();
    }
    await unlockWith(PIN);
    await alertText(/Try again in (60|59) seconds/).waitFor();
    // Moving the wall clock two hours ahead does not open the lock.
    const wall = await page.evaluate(() => Date.now());
    await page.clock.setSystemTime(wall + 2 * 3_600_000);
    await unlockWith(PIN);
    await alertText(/Try again in (60|59|58|57|56|55) seconds/).waitFor();
    // After the real minute: a wrong PIN (the sixth) locks it again, for twice as long.
    await page.clock.fastForward(61_000);
    await unlockWith('000000');
    await alertText('The staff exit is locked for 120 seconds.').waitFor();
    // A reload keeps the lock.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
    await longPressLogo(page, { clock: true });
    await unlockWith(PIN);
    const locked = alertText(/Try again in \d+ seconds/);
    await locked.waitFor();
    const left = Number((await locked.innerText()).match(/in (\d+) seconds/)[1]);
    assert.ok(left > 100 && left <= 120, `${left} s left after the reload`);
    // The real expiry: after the two minutes the right PIN opens the staff panel.
    await page.clock.fastForward(121_000);
    await unlockWith(PIN);
    await page.getByRole('button', { name: 'Turn kiosk mode off' }).waitFor();
    const record = await page.evaluate(() => JSON.parse(localStorage.getItem('mosaic/kiosk')));
    assert.equal(record.failed_attempts, 0, 'the right PIN resets the count');
  } finally {
    await context.close();
  }
});

test('the logo, "Go to the start" and any other way back to the start end the session like Finish', async () => {
  const { context, page } = await kioskContext();
  try {
    await startSession(page);
    for (const way of ['logo', 'go to the start', 'a shared-plan address']) {
      await page.getByLabel('How old are you?').fill('61');
      if (way === 'logo') {
        await page.getByRole('link', { name: 'Mosaic home' }).click();
      } else if (way === 'a shared-plan address') {
        // A kiosk opens no shared plans: such an address shows the start screen, so it too begins afresh.
        await page.evaluate(() => location.replace('#/shared/AAAA'));
      } else {
        await page.evaluate(() => location.replace('#/no-such-page'));
        await page.getByRole('heading', { level: 1, name: "We couldn't find that page" }).waitFor();
        await page.getByRole('link', { name: 'Go to the start' }).click();
      }
      await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
      // A fresh page: the form the previous patient filled is gone from the DOM, not just hidden.
      assert.equal(await page.locator('section.wizard').count(), 0, `${way}: no wizard left in the DOM`);
      await startSession(page);
      assert.equal(await page.getByLabel('How old are you?').inputValue(), '', `${way}: the previous answer is gone`);
    }
  } finally {
    await context.close();
  }
});

test('in-page links work in kiosk mode: "Skip to content" and the error summary links to fields', async () => {
  const { context, page } = await kioskContext();
  try {
    await startSession(page);
    const before = page.url();
    await page.getByRole('link', { name: 'Skip to content' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(page.url(), before, 'the skip link is not a route');
    assert.equal(await page.getByRole('heading', { level: 1, name: "We couldn't find that page" }).count(), 0);
    await page.getByRole('button', { name: 'Next' }).click();
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    const first = summary.getByRole('link').first();
    const target = (await first.getAttribute('href')).slice(1);
    await first.click();
    await page.waitForFunction((id) => document.activeElement?.id === id
      || document.activeElement?.closest(`#${CSS.escape(id)}`) !== null, target);
    assert.equal(page.url(), before, 'an error-summary link is not a route');
    assert.equal(await page.getByRole('heading', { level: 1, name: "We couldn't find that page" }).count(), 0);
    assert.equal(await page.locator('section.wizard[data-step="pain"]').count(), 1);
  } finally {
    await context.close();
  }
});

test('the kiosk configuration survives many patient wipes, and kiosk controls are at least 48 px', async () => {
  // 100 wipes (acceptance test 23). The page's clock is installed only to skip the 4 s "Your answers have been
  // cleared" message that follows each Finish; everything else runs in real time.
  const { context, page } = await kioskContext({ clock: true });
  try {
    const config = await page.evaluate(() => localStorage.getItem('mosaic/kiosk'));
    for (let i = 0; i < 100; i++) {
      await startSession(page);
      await page.getByLabel('How old are you?').fill(String(30 + i));
      if (i === 0) {
        const small = await page.evaluate(() => [...document.querySelectorAll('main a, main button, header a, header button')]
          .filter((el) => el.offsetParent !== null)
          .map((el) => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
          .filter(([, r]) => r.width < 48 || r.height < 48)
          .map(([t, r]) => `${t} ${Math.round(r.width)}×${Math.round(r.height)}`));
        assert.deepEqual(small, [], 'every kiosk button and link is at least 48×48 px');
      }
      await page.getByRole('button', { name: 'Finish' }).click();
      await page.getByRole('button', { name: 'Yes, finish and clear' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your answers have been cleared. Thank you.' }).waitFor();
      await page.clock.runFor(4_000);
      await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
    }
    assert.equal(await page.evaluate(() => localStorage.getItem('mosaic/kiosk')), config);
    await startSession(page);
    assert.equal(await page.getByLabel('How old are you?').inputValue(), '', 'after 100 wipes a new session starts empty');
  } finally {
    await context.close();
  }
});

// Kiosk mode fails closed: the launch address (`#/kiosk/<payload>`) carries the configuration, so a tablet whose
// storage was wiped still starts as a kiosk; a damaged address or an unreadable stored record never gives a
// normal, autosaving session. Served under a sub-path, as a clinic's static host might.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, axe, THROTTLE, focusedId } from './harness.mjs';

const PIN = '97531864';
const BASE = '/clinic/tools/mosaic/';
const env = useApp(BASE);

/** Presses and holds the logo long enough to open the staff PIN dialog. */
async function longPressLogo(page) {
  await page.getByRole('link', { name: 'Mosaic home' }).hover();
  await page.mouse.down();
  await page.getByLabel('Staff PIN').waitFor({ timeout: 5000 * THROTTLE });
  await page.mouse.up();
}

/** Turns a fresh context into a kiosk through Settings; returns the page and how often persistence was asked. */
async function setUpKiosk() {
  const context = await env.browser.newContext({ viewport: { width: 820, height: 1180 } });
  const persistCalls = { n: 0 };
  await context.exposeFunction('__persistCalled', () => { persistCalls.n += 1; });
  await context.addInitScript(() => {
    const original = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      window.__persistCalled();
      return original();
    };
  });
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/settings`);
  await page.getByLabel('Staff PIN (6 to 12 digits)').fill(PIN);
  await page.getByLabel('Staff PIN again').fill(PIN);
  await page.getByLabel('Idle time before the countdown (seconds)').fill('180');
  await page.getByLabel(/What patients should do in a crisis/).fill('Ring the bell at the desk.');
  await page.getByRole('button', { name: 'Turn on kiosk mode' }).click();
  await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
  return { context, page, persistCalls };
}

/** Reads the launch address from the staff panel (long press, PIN). */
async function launchFromStaffPanel(page) {
  await longPressLogo(page);
  await page.getByLabel('Staff PIN').fill(PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  const panel = page.locator('[data-kiosk-launch]');
  await panel.waitFor();
  return panel;
}

test('turning kiosk mode on opens the launch address, asks for persistent storage, and staff see it as text and QR', async () => {
  const { context, page, persistCalls } = await setUpKiosk();
  try {
    const here = new URL(page.url());
    assert.equal(here.pathname, BASE, 'the launch address keeps the sub-path');
    assert.match(here.hash, /^#\/kiosk\/[A-Za-z0-9_-]{40,}$/);
    assert.ok(persistCalls.n >= 1, 'navigator.storage.persist() was called when kiosk mode was turned on');
    const panel = await launchFromStaffPanel(page);
    const launch = await panel.getAttribute('data-kiosk-launch');
    assert.equal(launch, page.url(), 'the panel shows the address the kiosk runs at');
    assert.ok(!launch.includes(PIN), 'the PIN itself is not in the address');
    assert.equal(await page.getByRole('textbox', { name: 'Launch address' }).inputValue(), launch);
    assert.equal(await panel.getByRole('img', { name: 'QR code of the kiosk launch address' }).count(), 1);
    assert.deepEqual(await axe(page), [], 'staff panel is accessible');
    await page.setViewportSize({ width: 360, height: 740 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling at 360 px');
    const close = page.getByRole('button', { name: 'Close without saving' });
    await close.scrollIntoViewIfNeeded();
    assert.ok(await close.isVisible(), 'the whole staff panel can be reached on a small screen');
    assert.deepEqual(await axe(page), [], 'staff panel is accessible at 360 px');
  } finally {
    await context.close();
  }
});

test('opened at the launch address with empty storage, the app is a kiosk at once with its settings', async () => {
  const setup = await setUpKiosk();
  const launch = setup.page.url();
  await setup.context.close();
  const context = await env.browser.newContext({ viewport: { width: 820, height: 1180 } });
  try {
    const page = await context.newPage();
    // A fresh browser (an incognito restart): nothing is stored.
    await page.goto(launch);
    await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
    assert.match(await page.locator('main').innerText(), /after 3 minutes without a tap/, 'idle time from the address');
    assert.equal(await page.getByRole('link', { name: 'Settings' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: /Continue where you left off/ }).count(), 0);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k !== 'mosaic/kiosk')), []);
    // Storage lost mid-day (cleared site data): the next session still starts as a kiosk.
    await page.evaluate(() => localStorage.clear());
    await page.getByRole('link', { name: 'Start' }).click();
    await page.getByLabel('How old are you?').fill('44');
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('button', { name: 'Yes, finish and clear' }).click();
    await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
    assert.equal(page.url(), launch);
    await page.getByRole('link', { name: 'Start' }).click();
    assert.equal(await page.getByLabel('How old are you?').inputValue(), '');
    assert.equal(await page.getByRole('button', { name: 'Finish' }).count(), 1);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k !== 'mosaic/kiosk')), []);
  } finally {
    await context.close();
  }
});

const ASK_HEADING = "This address is for a clinic's waiting-room tablet";
const CONFIRM = 'Delete the saved plan and start the kiosk';

/** A device where someone saved their own plan (age 58); returns every stored key and value. */
async function savePersonalPlan(page) {
  await page.goto(env.site.url);
  await page.getByRole('link', { name: 'Start planning' }).click();
  await page.getByLabel('How old are you?').fill('58');
  await page.locator('[data-save-status]', { hasText: 'Saved on this device' }).waitFor();
  const stored = await page.evaluate(() => ({ ...localStorage }));
  assert.ok(stored['mosaic/doc'], 'the plan was saved');
  return stored;
}

/** The error text linked to the staff PIN field (its accessible description), and whether it is marked invalid. */
async function pinFieldError(page) {
  return page.getByLabel('Staff PIN').evaluate((input) => ({
    invalid: input.getAttribute('aria-invalid'),
    described: (input.getAttribute('aria-describedby') || '').split(' ')
      .map((id) => document.getElementById(id)?.textContent || '').join(' ').trim(),
  }));
}

test('on a device with a saved plan the launch address deletes nothing and asks first; "Keep my plan" keeps it', async () => {
  const setup = await setUpKiosk();
  const launch = setup.page.url();
  await setup.context.close();
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  try {
    const page = await context.newPage();
    const before = await savePersonalPlan(page);
    await page.goto(launch);
    await page.getByRole('heading', { level: 1, name: ASK_HEADING }).waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /would delete that plan/);
    assert.match(text, /Nothing has been changed/);
    assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), before, 'storage is exactly as it was');
    assert.equal(await page.evaluate(() => localStorage.getItem('mosaic/doc')), before['mosaic/doc']);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kiosk')), false, 'not a kiosk yet');
    assert.equal(await page.getByRole('button', { name: 'Finish' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Settings' }).count(), 0);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling at 360 px');
    assert.deepEqual(await axe(page), [], 'the question is accessible at 360 px');

    // A wrong PIN: the error is at the field, and nothing is deleted.
    await page.getByLabel('Staff PIN').fill('11223344');
    await page.getByRole('button', { name: CONFIRM }).click();
    await page.locator('#main input[aria-invalid="true"]').waitFor();
    const err = await pinFieldError(page);
    assert.equal(err.invalid, 'true');
    assert.equal(err.described, 'That PIN is not right. Nothing has been deleted.');
    assert.equal(await page.getByLabel('Staff PIN').inputValue(), '', 'the wrong PIN is cleared');
    assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), before, 'a wrong PIN deletes nothing');
    await page.setViewportSize({ width: 820, height: 1180 });
    assert.deepEqual(await axe(page), [], 'the question with its error is accessible at 820 px');

    // "Keep my plan", by keyboard: the normal app, the plan as it was, the payload gone from the address.
    await page.getByRole('button', { name: 'Keep my plan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Continue where you left off' }).waitFor();
    const here = new URL(page.url());
    assert.equal(here.pathname, BASE);
    assert.equal(here.hash, '', 'the launch payload is gone from the address');
    assert.equal(await page.getByRole('link', { name: 'Settings' }).count(), 1, 'the normal app');
    assert.equal(await page.evaluate(() => localStorage.getItem('mosaic/doc')), before['mosaic/doc']);
    await page.getByRole('link', { name: 'Continue where you left off' }).click();
    assert.equal(await page.getByLabel('How old are you?').inputValue(), '58', 'the plan is intact');
  } finally {
    await context.close();
  }
});

test('on a device with a saved plan, the right staff PIN turns it into the kiosk and the old data is gone', async () => {
  const setup = await setUpKiosk();
  const launch = setup.page.url();
  await setup.context.close();
  const context = await env.browser.newContext({ viewport: { width: 820, height: 1180 } });
  try {
    const page = await context.newPage();
    const before = await savePersonalPlan(page);
    await page.goto(launch);
    await page.getByRole('heading', { level: 1, name: ASK_HEADING }).waitFor();
    // Keyboard only: Tab to the PIN field, type, Enter submits.
    await page.getByRole('button', { name: 'Keep my plan' }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page, 'takeover-pin'), 'takeover-pin');
    await page.keyboard.type(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
    assert.equal(page.url(), launch, 'the kiosk runs at its launch address');
    assert.match(await page.locator('main').innerText(), /after 3 minutes without a tap/);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kiosk')), true, 'a kiosk now');
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['mosaic/kiosk'], 'the old data is gone');
    assert.equal(await page.evaluate(() => localStorage.getItem('mosaic/doc')), null);
    assert.ok(before['mosaic/doc'], 'there was a plan to delete');
    // The kiosk record stored is the one the address describes (same staff PIN).
    const panel = await launchFromStaffPanel(page);
    assert.equal(await panel.getAttribute('data-kiosk-launch'), launch);
  } finally {
    await context.close();
  }
});

test('wrong staff PINs on the "saved plan" question lock it like the staff exit, also after a reload', async () => {
  const setup = await setUpKiosk();
  const launch = setup.page.url();
  await setup.context.close();
  const context = await env.browser.newContext({ viewport: { width: 820, height: 1180 } });
  try {
    const page = await context.newPage();
    const before = await savePersonalPlan(page);
    await page.goto(launch);
    await page.getByRole('heading', { level: 1, name: ASK_HEADING }).waitFor();
    const confirm = page.getByRole('button', { name: CONFIRM });
    for (let i = 1; i <= 5; i += 1) {
      await page.getByLabel('Staff PIN').fill(`1000000${i}`);
      await confirm.click();
      // Each check ends with the field emptied and the button back.
      await page.waitForFunction(() => document.getElementById('takeover-pin').value === ''
        && document.querySelector('#main button[type="submit"]:not([disabled])') !== null);
    }
    assert.equal((await pinFieldError(page)).described, 'That PIN is not right. Too many wrong PINs: try again in 60 seconds.');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: ASK_HEADING }).waitFor();
    await page.getByLabel('Staff PIN').fill(PIN);
    await confirm.click();
    await page.locator('#main input[aria-invalid="true"]').waitFor();
    // The seconds left depend on how long the reload took (a slow or throttled machine takes several): any figure
    // of the one-minute lock shows it survived the reload.
    assert.match((await pinFieldError(page)).described, /^Too many wrong PINs\. Try again in ([1-9]|[1-5][0-9]|60) seconds?\.$/,
      'even the right PIN waits out the lock');
    assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), before, 'nothing was deleted');
  } finally {
    await context.close();
  }
});

test('a damaged launch address shows a clear error and never a normal session', async () => {
  const setup = await setUpKiosk();
  const launch = setup.page.url();
  await setup.context.close();
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  try {
    const page = await context.newPage();
    const cut = launch.slice(0, -6);
    for (const address of [cut, `${env.site.url}#/kiosk/`, `${env.site.url}#/kiosk/not-a-kiosk`]) {
      await page.goto('about:blank');
      await page.goto(address);
      await page.getByRole('heading', { level: 1, name: 'This tablet is not ready' }).waitFor();
      assert.match(await page.locator('main').innerText(), /launch address is damaged/);
      assert.equal(await page.getByRole('link', { name: /Start planning|Continue/ }).count(), 0);
      assert.equal(await page.getByRole('link', { name: 'Settings' }).count(), 0);
    }
    assert.deepEqual(await axe(page), [], 'the error screen is accessible');
    // The logo, like every way back to the start, comes back to this screen, not to a normal session.
    await page.getByRole('link', { name: 'Mosaic home' }).click();
    await page.waitForURL((u) => u.hash === '#/kiosk/not-a-kiosk');
    await page.getByRole('heading', { level: 1, name: 'This tablet is not ready' }).waitFor();
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing was saved');
  } finally {
    await context.close();
  }
});

test('an unreadable stored kiosk record keeps the tablet a kiosk: no autosave, no "Continue where you left off"', async () => {
  const context = await env.browser.newContext({ viewport: { width: 820, height: 1180 } });
  try {
    const page = await context.newPage();
    await page.goto(env.site.url);
    await page.getByRole('link', { name: 'Start planning' }).click();
    await page.getByLabel('How old are you?').fill('63');
    await page.waitForFunction(() => localStorage.getItem('mosaic/doc') !== null);
    for (const record of ['{"enabled":tru', '{"kiosk":{"on":true}}']) {
      await page.evaluate((r) => localStorage.setItem('mosaic/kiosk', r), record);
      await page.goto('about:blank');
      await page.goto(env.site.url);
      await page.getByRole('heading', { level: 1, name: 'This tablet is not ready' }).waitFor();
      assert.match(await page.locator('main').innerText(), /kiosk settings can no longer be read/);
      assert.equal(await page.getByRole('link', { name: /Start planning|Continue/ }).count(), 0);
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['mosaic/kiosk'], 'patient data removed');
    }
  } finally {
    await context.close();
  }
});

// Kiosk words and flow (issue 17, item 9), at 360 px and 1280 px: staff errors at the field they are about, the
// confirmation that kiosk mode is on and how to leave it, no Finish before a session starts, "cleared" after Finish
// (shown only after the wipe), a crisis screen that never promises to keep the answers, staff buttons that say what
// they do, and 48 px checkboxes on a kiosk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, axe } from './harness.mjs';
import { driveIntake } from './drive.mjs';

const PIN = '13572468';
const S = `ZZK-SENTINEL-${Math.random().toString(36).slice(2)}`;
const WIDTHS = [360, 1280];
const START = /while you wait/;
const env = useApp('/');

/** The text of the elements an input's `aria-describedby` names, and its `aria-invalid`. */
function fieldError(input) {
  return input.evaluate((el) => ({
    invalid: el.getAttribute('aria-invalid'),
    described: (el.getAttribute('aria-describedby') || '').split(' ')
      .map((id) => document.getElementById(id)?.textContent || '').join(' ').trim(),
  }));
}

/** Settings at `width`, with the kiosk form filled; `pins` are the two PIN fields. */
async function settings(width, pins = [PIN, PIN]) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/settings`);
  await page.getByLabel('Staff PIN (6 to 12 digits)').fill(pins[0]);
  await page.getByLabel('Staff PIN again').fill(pins[1]);
  await page.getByLabel(/What patients should do in a crisis/).fill('Please tell the front desk now.');
  return { context, page };
}

/** A kiosk turned on through Settings at `width`, on its start screen. */
async function kiosk(width) {
  const { context, page } = await settings(width);
  await page.getByRole('button', { name: 'Turn on kiosk mode' }).click();
  await page.getByRole('heading', { level: 1, name: START }).waitFor();
  return { context, page };
}

async function longPressLogo(page) {
  await page.getByRole('link', { name: 'Mosaic home' }).hover();
  await page.mouse.down();
  await page.getByLabel('Staff PIN').waitFor();
  await page.mouse.up();
}

async function startSession(page) {
  await page.getByRole('link', { name: 'Start', exact: true }).click();
  await page.locator('section.wizard[data-step="pain"]').waitFor();
}

/** Everything a later patient could find: the page's text, markup and field values, storage, the address. */
async function residue(page) {
  return page.evaluate((s) => ({
    inPage: document.documentElement.outerHTML.includes(s) || document.body.innerText.includes(s)
      || [...document.querySelectorAll('input, textarea')].some((field) => field.value.includes(s)),
    inLocal: Object.keys(localStorage).some((k) => k.includes(s) || (localStorage.getItem(k) || '').includes(s)),
    localKeys: Object.keys(localStorage),
    sessionLength: sessionStorage.length,
    search: location.search,
  }), S);
}

for (const width of WIDTHS) {
  test(`${width} px: setup errors sit at their fields (aria-invalid, aria-describedby) and take the focus`, async () => {
    const { context, page } = await settings(width, ['2468', '2468']);
    try {
      const pin = page.getByLabel('Staff PIN (6 to 12 digits)');
      const again = page.getByLabel('Staff PIN again');
      const idle = page.getByLabel('Idle time before the countdown (seconds)');
      assert.deepEqual(await fieldError(pin), { invalid: 'false', described: '' }, 'no error before submitting');
      await page.getByRole('button', { name: 'Turn on kiosk mode' }).click();
      await page.locator('#kiosk-pin[aria-invalid="true"]').waitFor();
      assert.deepEqual(await fieldError(pin), { invalid: 'true', described: 'The PIN must be 6 to 12 digits.' });
      assert.equal(await pin.evaluate((el) => el === document.activeElement), true, 'the focus is on the PIN field');
      assert.deepEqual(await axe(page), [], 'the form with a PIN error is accessible');

      await pin.fill(PIN);
      await again.fill('13572469');
      await page.getByRole('button', { name: 'Turn on kiosk mode' }).click();
      await page.locator('#kiosk-pin2[aria-invalid="true"]').waitFor();
      assert.deepEqual(await fieldError(again), { invalid: 'true', described: 'The two PINs are not the same.' });
      assert.deepEqual(await fieldError(pin), { invalid: 'false', described: '' }, 'the first PIN is no longer marked');

      await again.fill(PIN);
      await idle.fill('5');
      await page.getByRole('button', { name: 'Turn on kiosk mode' }).click();
      await page.locator('#kiosk-idle[aria-invalid="true"]').waitFor();
      assert.deepEqual(await fieldError(idle), {
        invalid: 'true', described: 'The idle time must be between 10 and 3,600 seconds.',
      });
      assert.equal(await page.evaluate(() => localStorage.getItem('mosaic/kiosk')), null, 'nothing was turned on');
    } finally {
      await context.close();
    }
  });

  test(`${width} px: turning kiosk mode on confirms it and says how to leave; no Finish before a session`, async () => {
    const { context, page } = await kiosk(width);
    try {
      const note = page.getByRole('status').filter({ hasText: 'Kiosk mode is on' });
      await note.waitFor();
      assert.equal(
        (await note.locator('p').innerText()).replace(/\s+/g, ' ').trim(),
        'Kiosk mode is on — to leave it, press and hold the Mosaic logo at the top for 2 seconds, enter the staff PIN, '
          + 'then choose “Turn kiosk mode off”. Make this page\'s address the browser\'s start-up page (the staff panel shows it too).',
      );
      assert.equal(await page.evaluate(() => location.search), '', 'the marker is gone from the address');
      assert.match(await page.evaluate(() => location.hash), /^#\/kiosk\/[A-Za-z0-9_-]+$/);
      assert.equal(await page.getByRole('button', { name: 'Finish' }).count(), 0, 'no Finish on the start screen');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'no sideways scrolling');
      assert.deepEqual(await axe(page), [], 'the start screen with the confirmation is accessible');
      // What the note says is what works: a 2-second press on the logo, the PIN, then "Turn kiosk mode off".
      await longPressLogo(page);
      await page.getByLabel('Staff PIN').fill(PIN);
      await page.getByRole('button', { name: 'Unlock the staff panel' }).click();
      await page.getByRole('button', { name: 'Close without saving' }).click();
      await page.getByRole('button', { name: 'Hide this message' }).click();
      assert.equal(await note.count(), 0, 'staff can hide the confirmation');
      // A new page (the next patient) never shows it.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: START }).waitFor();
      assert.equal(await page.getByText('Kiosk mode is on').count(), 0);
      await startSession(page);
      assert.equal(await page.getByRole('button', { name: 'Finish' }).count(), 1, 'Finish once a session has begun');
    } finally {
      await context.close();
    }
  });

  test(`${width} px: after Finish, "cleared" with nothing of the session, then the start screen`, async () => {
    const { context, page } = await kiosk(width);
    try {
      await startSession(page);
      await page.getByLabel('How old are you?').fill('47');
      await page.evaluate(() => { location.replace('#/intake/values'); });
      await page.getByLabel('What matters most to you in your life right now?').fill(`Gardening ${S}`);
      assert.equal((await residue(page)).inPage, true, 'the sentinel is on screen during the session');
      await page.getByRole('button', { name: 'Finish' }).click();
      await page.getByRole('button', { name: 'Yes, finish and clear' }).click();
      const cleared = page.getByRole('heading', { level: 1, name: 'Your answers have been cleared. Thank you.' });
      await cleared.waitFor();
      const during = await residue(page);
      assert.deepEqual(during, { inPage: false, inLocal: false, localKeys: ['mosaic/kiosk'], sessionLength: 0, search: '' },
        'the message comes after the wipe: nothing of the session anywhere');
      assert.equal(await page.getByRole('button', { name: 'Finish' }).count(), 0);
      assert.deepEqual(await axe(page), [], 'the "cleared" screen is accessible');
      await page.getByRole('heading', { level: 1, name: START }).waitFor();
      assert.equal(await cleared.count(), 0, 'then the start screen alone');
      assert.deepEqual(await residue(page), during);
      assert.equal(await page.getByRole('button', { name: 'Finish' }).count(), 0, 'no Finish on the start screen');
      await startSession(page);
      assert.equal(await page.getByLabel('How old are you?').inputValue(), '', 'the earlier answer is gone');
    } finally {
      await context.close();
    }
  });

  test(`${width} px: staff PIN errors at the field; staff buttons say what they do; ending a session clears it`, async () => {
    const { context, page } = await kiosk(width);
    try {
      await startSession(page);
      await page.getByLabel('How old are you?').fill('52');
      await longPressLogo(page);
      const pin = page.getByLabel('Staff PIN');
      await pin.fill('00000000');
      await page.getByRole('button', { name: 'Unlock the staff panel' }).click();
      await page.locator('#staff-pin[aria-invalid="true"]').waitFor();
      assert.deepEqual(await fieldError(pin), { invalid: 'true', described: 'That PIN is not right.' });
      assert.deepEqual(await axe(page), [], 'the PIN dialog with its error is accessible');
      await pin.fill(PIN);
      await page.getByRole('button', { name: 'Unlock the staff panel' }).click();
      const panel = page.locator('.staff-panel');
      await panel.waitFor();
      assert.deepEqual(await panel.getByRole('button').allInnerTexts(), [
        'Save settings and close',
        'End this session and clear it',
        'Turn kiosk mode off',
        'Close without saving',
      ]);
      const idle = page.getByLabel('Idle time before the countdown (seconds)');
      await idle.fill('5');
      await page.getByRole('button', { name: 'Save settings and close' }).click();
      await page.locator('#staff-idle[aria-invalid="true"]').waitFor();
      assert.deepEqual(await fieldError(idle), {
        invalid: 'true', described: 'The idle time must be between 10 and 3,600 seconds.',
      });
      assert.deepEqual(await axe(page), [], 'the staff panel with an error is accessible');
      await page.getByRole('button', { name: 'End this session and clear it' }).click();
      await page.getByRole('heading', { level: 1, name: START }).waitFor();
      await startSession(page);
      assert.equal(await page.getByLabel('How old are you?').inputValue(), '', 'the session was cleared');
    } finally {
      await context.close();
    }
  });

  test(`${width} px: a kiosk crisis screen never says the answers are kept; checkboxes are at least 48 px`, async () => {
    const { context, page } = await kiosk(width);
    try {
      await startSession(page);
      /** Every checkbox on screen smaller than 48 × 48 px, named by its label. */
      const small = () => page.locator('#main input[type="checkbox"]').evaluateAll((boxes) => boxes
        .filter((b) => b.getClientRects().length > 0)
        .map((b) => [b.labels?.[0]?.textContent.trim() || b.getAttribute('aria-label'), b.getBoundingClientRect()])
        .filter(([, r]) => r.width < 48 || r.height < 48)
        .map(([name, r]) => `${name}: ${Math.round(r.width)}×${Math.round(r.height)}`));
      const seen = [];
      for (const step of ['pain', 'safety', 'health', 'medicines', 'practical']) {
        await page.evaluate((s) => { location.replace(`#/intake/${s}`); }, step);
        await page.locator(`section.wizard[data-step="${step}"]`).waitFor();
        seen.push(await page.locator('#main input[type="checkbox"]').count());
        assert.deepEqual(await small(), [], `${step}: every checkbox is at least 48×48 px`);
      }
      assert.ok(seen.every((n) => n > 0), `each of these steps has checkboxes (${seen})`);
      await page.evaluate(() => { location.replace('#/intake/pain'); });
      await driveIntake(page, {
        age: 40,
        pain: { primary: 'neck', duration_months: 14, peg: { pain: 6, enjoyment: 5, activity: 5 } },
        symptoms: [], conditions: [], medications: [], supplements: [],
        mood: { phq4: { nervous: 1, worry: 1, interest: 1, down: 1 }, self_harm: 2 },
      });
      const screen = page.locator('section.screening[data-outcome="crisis"]');
      await screen.waitFor();
      const text = await screen.innerText();
      assert.doesNotMatch(text, /kept on this device/);
      assert.match(text, /Nothing is kept on this tablet: your answers are cleared when you finish\./);
      assert.match(text, /Please tell the front desk now\./, "the clinic's own instruction is there");
      assert.deepEqual(await axe(page), [], 'the kiosk crisis screen is accessible');
    } finally {
      await context.close();
    }
  });
}

test('the take-home panel on a kiosk: "Scan this code", no Share or Copy link, 48 px checkboxes', async () => {
  const { context, page } = await kiosk(1280);
  try {
    await startSession(page);
    await driveIntake(page, {
      age: 52,
      pain: { primary: 'neck', duration_months: 14, peg: { pain: 6, enjoyment: 5, activity: 5 } },
      mood: { phq4: { nervous: 1, worry: 1, interest: 0, down: 0 }, self_harm: 0 },
      symptoms: [], conditions: [], medications: [], supplements: [], activity: 'active',
      practicalities: { minutes_per_week: 150, budget_per_month: 100, days: [1, 3] },
    });
    await page.getByRole('link', { name: 'Choose therapies' }).click();
    const exercise = page.locator('.therapy-card[data-therapy="exercise"]');
    await exercise.locator('.card-action > button').click();
    const consent = exercise.getByLabel('I have read this and will discuss it with my clinician');
    const box = await consent.boundingBox();
    assert.ok(box.width >= 48 && box.height >= 48, `consent checkbox is ${box.width}×${box.height}`);
    await consent.check();
    await exercise.getByRole('button', { name: /^Confirm and add/ }).click();
    await page.getByRole('link', { name: /Build my plan/ }).first().click();
    const panel = page.locator('section.take-home');
    await panel.waitFor();
    assert.match(await panel.innerText(), /^Take your plan home\s+Scan this code with your phone's camera/);
    assert.equal(await panel.getByRole('button', { name: 'Share' }).count(), 0, 'no sharing from a shared tablet');
    assert.equal(await panel.getByRole('button', { name: 'Copy link' }).count(), 0, 'nothing on the tablet clipboard');
    await page.locator('#main details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
    const sizes = await page.locator('#main input[type="checkbox"]').evaluateAll((boxes) => boxes
      .filter((b) => b.getClientRects().length > 0)
      .map((b) => b.getBoundingClientRect())
      .map((r) => [Math.round(r.width), Math.round(r.height)]));
    assert.ok(sizes.length >= 8, `the plan shows its day and take-home checkboxes (${sizes.length})`);
    assert.deepEqual(sizes.filter(([w, h]) => w < 48 || h < 48), [], 'every plan checkbox is at least 48×48 px');
  } finally {
    await context.close();
  }
});

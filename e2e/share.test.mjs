// Take-home links (issue: kiosk take-home): the plan travels in the URL fragment; opening the link on another
// device shows a read-only preview, removes the payload from the address bar, and saves only when asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, axe } from './harness.mjs';

const DOC = 'mosaic/doc';
const s01 = JSON.parse(readFileSync(new URL('../tests/scenarios/s01.json', import.meta.url), 'utf8'));
const STATE = {
  intake: { ...s01.intake, values: { what_matters: 'My grandchildren', goals: ['Walk to the park'] }, practicalities: { minutes_per_week: 200, budget_per_month: 120, days: [0, 2, 4] } },
  selected: ['exercise', 'yoga', 'mindfulness', 'acupuncture'],
  plan: { per_week: { yoga: 2 } },
};
const env = useApp('/');

async function withState(state) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.site.url}public/icon.svg`);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DOC, JSON.stringify({ app: 'mosaic', schema: 1, generation: 1, saved_at: 'x', data: state })]);
  await page.goto(`${env.site.url}#/plan`);
  await page.getByRole('heading', { level: 2, name: 'Take your plan home' }).waitFor();
  return { context, page };
}

const scheduleText = (page) => page.locator('section.week-section').innerText();

test('the plan view shows a QR code and a link; the link opens the same plan on another device', async () => {
  const { context, page } = await withState(STATE);
  const other = await env.browser.newContext();
  try {
    const qr = page.getByRole('img', { name: /QR code/ });
    await qr.waitFor();
    assert.equal(await qr.locator('path').count(), 1);
    const link = await page.getByLabel(/The link to your plan/).inputValue();
    assert.equal(await qr.getAttribute('data-link'), link, 'the QR code carries the same link');
    assert.ok(link.length <= 1200, `link is ${link.length} bytes`);
    assert.ok(!link.includes('grandchildren'), 'own words are left out unless ticked');
    assert.ok(new URL(link).hash.startsWith('#/shared/'));
    assert.deepEqual(await axe(page), [], 'take-home panel is accessible');

    const phone = await other.newPage();
    const payload = new URL(link).hash.slice('#/shared/'.length);
    assert.ok(payload.length > 40, 'the link carries a payload');
    // Everything the page sent: URL, every header and any body. A fragment is never sent, so none may hold it.
    const sent = [];
    phone.on('request', (r) => sent.push([r.url(), JSON.stringify(r.headers()), r.postData() ?? ''].join('\n')));
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: 'A plan shared with you' }).waitFor();
    assert.equal(await phone.evaluate(() => location.hash), '#/shared', 'the payload is removed from the address bar');
    assert.ok(sent.length > 0, 'requests were recorded');
    assert.deepEqual(sent.filter((r) => r.includes(payload)), [], 'the payload is in no request, header or body');
    const traces = await phone.evaluate((p) => ({
      referrer: document.referrer.includes(p),
      dom: document.documentElement.outerHTML.includes(p),
      local: Object.keys(localStorage).some((k) => k.includes(p) || (localStorage.getItem(k) ?? '').includes(p)),
      session: Object.keys(sessionStorage).some((k) => k.includes(p) || (sessionStorage.getItem(k) ?? '').includes(p)),
      url: location.href.includes(p),
    }), payload);
    assert.deepEqual(traces, { referrer: false, dom: false, local: false, session: false, url: false });
    assert.match(
      await phone.locator('[data-history-note]').innerText(),
      /browser may still list the full link in its history.*private window.*delete this page from your browser's history/s,
      'the preview says how to keep the link out of the browser history',
    );
    assert.equal(await phone.evaluate((k) => localStorage.getItem(k), DOC), null, 'nothing is saved before asking');
    for (const name of ['Exercise', 'Yoga', 'Acupuncture']) await phone.getByText(new RegExp(name)).first().waitFor();
    assert.deepEqual(await axe(phone), [], 'shared preview is accessible');
    await phone.getByRole('button', { name: 'Save to this device' }).click();
    await phone.waitForURL(/#\/plan/);
    const saved = JSON.parse(await phone.evaluate((k) => localStorage.getItem(k), DOC)).data;
    assert.deepEqual(saved.selected, STATE.selected);
    assert.deepEqual(saved.plan, STATE.plan);
    assert.ok(!saved.intake.values?.what_matters && !saved.intake.values?.goals?.length, 'no own words travelled');
    assert.equal(await scheduleText(phone), await scheduleText(page), 'the same weekly plan');
  } finally {
    await context.close();
    await other.close();
  }
});

test('own words travel only when ticked', async () => {
  const { context, page } = await withState(STATE);
  try {
    await page.getByLabel(/Include what matters to me/).check();
    const link = await page.getByLabel(/The link to your plan/).inputValue();
    const phone = await context.newPage();
    await phone.goto(link.replace('/#', '/?fresh#'));
    await phone.getByText('My grandchildren').waitFor();
  } finally {
    await context.close();
  }
});

test('a damaged or tampered link shows a clear message and saves nothing', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    for (const payload of ['AAAA', 'not-base64!!', 'x'.repeat(5000), 'AQ']) {
      await page.goto(`${env.site.url}?t=${payload.length}#/shared/${payload}`);
      await page.getByRole('heading', { level: 1, name: 'A plan shared with you' }).waitFor();
      await page.getByRole('alert').filter({ hasText: /damaged|incomplete|too long|too large|newer version|could not/i }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Save to this device' }).count(), 0);
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), DOC), null);
    }
  } finally {
    await context.close();
  }
});

test('in kiosk mode the QR link taken at the plan opens the same plan in a fresh browser context', async () => {
  const context = await env.browser.newContext({ viewport: { width: 820, height: 1180 } });
  const phone = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${env.site.url}#/settings`);
    await page.getByLabel('Staff PIN (6 to 12 digits)').fill('864200');
    await page.getByLabel('Staff PIN again').fill('864200');
    await page.getByRole('button', { name: 'Turn on kiosk mode' }).click();
    await page.getByRole('heading', { level: 1, name: /while you wait/ }).waitFor();
    // Put a session's answers in memory through the app's own start-up path is not possible in kiosk mode
    // (nothing is read from storage), so the patient answers through the wizard.
    const { driveIntake, planExercise } = await import('./drive.mjs');
    await page.getByRole('link', { name: 'Start', exact: true }).click();
    await page.locator('section.wizard[data-step="pain"]').waitFor();
    await driveIntake(page, s01.intake);
    await planExercise(page);
    const qr = page.getByRole('img', { name: /QR code/ });
    await qr.waitFor();
    assert.equal(await page.getByLabel(/The link to your plan/).count(), 0, 'no copyable link on a kiosk');
    const link = await qr.getAttribute('data-link');
    const p = await phone.newPage();
    await p.goto(link);
    await p.getByRole('heading', { level: 1, name: 'A plan shared with you' }).waitFor();
    await p.getByText(/Exercise/).first().waitFor();
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k !== 'mosaic/kiosk').length), 0);
  } finally {
    await context.close();
    await phone.close();
  }
});

// Issue: a shared plan re-checks safety before it shows a schedule. A link's checksum only catches typos, so anyone
// can craft one. The plan view makes no link for answers that stop, so these payloads are the app's own encoder's
// output stored in share-stop-links.json (a native test, the_e2e_stop_links_are_the_encoders_own, keeps them so).
const STOP_LINKS = JSON.parse(readFileSync(new URL('./share-stop-links.json', import.meta.url), 'utf8')).links;
const STOPS = [
  {
    outcome: 'emergency',
    rule: 'RF-CARDIAC-NOW',
    now: /Call your local emergency number now/,
    action: 'Call your local emergency number or go to the nearest emergency department now.',
  },
  {
    outcome: 'crisis',
    rule: 'RF-SUICIDE',
    now: /call or text 988/,
    action: 'Please reach out now: in the US call or text 988',
  },
  {
    outcome: 'urgent',
    rule: 'RF-DVT',
    now: /Contact a clinician within a day or two/,
    action: 'Contact a clinician within a day or two (today if you can)',
  },
  {
    outcome: 'out_of_scope',
    rule: 'OOS-AGE',
    now: /Please talk with a clinician about your pain/,
    action: "Please talk with your doctor or a children's and young people's health service",
  },
].map((stop) => ({ ...stop, ...STOP_LINKS.find((l) => l.outcome === stop.outcome) }));

/** The share link the plan view shows for `state` (made by the app's own encoder). */
async function linkFor(state) {
  const { context, page } = await withState(state);
  try {
    return await page.getByLabel(/The link to your plan/).inputValue();
  } finally {
    await context.close();
  }
}

/** Opens `link` in a fresh context (nothing saved there yet) and waits for the preview. */
async function openLink(link) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'A plan shared with you' }).waitFor();
  return { context, page };
}

const savedData = async (page) => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DOC)).data;

for (const stop of STOPS) {
  test(`a link whose answers now screen as ${stop.outcome} shows the stop screen, no plan, and saves only the answers`, async () => {
    assert.deepEqual(stop.state.selected, ['exercise', 'yoga'], 'the link carries chosen therapies');
    const { context, page } = await openLink(`${env.site.url}#/shared/${stop.payload}`);
    try {
      const view = page.locator(`[data-outcome="${stop.outcome}"]`);
      await view.waitFor();
      assert.equal(await page.locator('[data-outcome]').count(), 1, 'one outcome on the page');
      assert.match(await view.locator('.callout.now').innerText(), stop.now, 'what to do now');
      const flag = view.locator('.flag').filter({ has: page.locator(`[data-rule="${stop.rule}"]`) });
      assert.equal(await flag.count(), 1, `the ${stop.rule} flag is listed`);
      assert.ok((await flag.locator('.flag-action').innerText()).startsWith(stop.action), 'the flag says what to do');
      assert.equal(await page.getByRole('heading', { name: 'The weekly schedule' }).count(), 0, 'no schedule heading');
      assert.equal(await page.locator('.shared-days, .shared-plan, .shared-therapy').count(), 0, 'no schedule, no plan');
      assert.equal(await page.getByRole('link', { name: 'Change an answer' }).count(), 0, 'nothing saved here to change yet');
      assert.equal(await page.getByRole('button', { name: 'Save to this device', exact: true }).count(), 0);
      const save = page.getByRole('button', { name: 'Save my answers to this device' });
      assert.match(await page.locator('#save-answers-note').innerText(), /Only your answers are saved, not the chosen therapies/);
      assert.deepEqual(await axe(page), [], `${stop.outcome} preview is accessible`);
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), DOC), null, 'nothing is saved before asking');

      await save.click();
      await page.waitForURL(/#\/screening$/);
      await page.locator(`section.screening[data-outcome="${stop.outcome}"]`).waitFor();
      const saved = await savedData(page);
      assert.equal(saved.intake.age, stop.state.intake.age);
      assert.deepEqual(saved.intake.symptoms, stop.state.intake.symptoms);
      assert.deepEqual(saved.intake.mood, stop.state.intake.mood);
      assert.deepEqual(saved.selected ?? [], [], 'no chosen therapies are saved');
      assert.deepEqual(saved.plan ?? {}, {}, 'no plan settings are saved');
    } finally {
      await context.close();
    }
  });
}

test('a proceed link with a therapy the rules now block lists it as blocked, leaves it out of the schedule and of the save', async () => {
  const intake = { ...s01.intake, conditions: ['bleeding_disorder'] };
  const link = await linkFor({ intake, selected: ['exercise', 'acupuncture', 'yoga'], plan: { per_week: { acupuncture: 1 } } });
  const { context, page } = await openLink(link);
  try {
    await page.locator('[data-outcome="proceed"]').waitFor();
    const acupuncture = page.locator('.shared-therapy[data-therapy="acupuncture"]');
    assert.equal(await acupuncture.getAttribute('data-status'), 'blocked');
    const text = await acupuncture.innerText();
    assert.match(text, /Not safe for you/);
    assert.match(text, /Not in the schedule/);
    assert.match(text, /Acupuncture is not advised with a bleeding disorder such as haemophilia\./);
    const exercise = page.locator('.shared-therapy[data-therapy="exercise"]');
    assert.equal(await exercise.getAttribute('data-status'), 'clearance_required');
    assert.match(await exercise.innerText(), /Needs your clinician's approval/);
    assert.match(await exercise.innerText(), /ask your clinician which exercise is safe before starting/);
    const schedule = await page.locator('.shared-days').innerText();
    assert.match(schedule, /Exercise/);
    assert.doesNotMatch(schedule, /Acupuncture/, 'a blocked therapy is not scheduled');
    assert.match(await page.locator('#dropped-note').innerText(), /Saving leaves out Acupuncture\./);
    assert.deepEqual(await axe(page), [], 'preview with a blocked therapy is accessible');

    await page.getByRole('button', { name: 'Save to this device' }).click();
    await page.waitForURL(/#\/plan/);
    const saved = await savedData(page);
    assert.deepEqual(saved.selected, ['exercise', 'yoga'], 'the blocked therapy is dropped');
    assert.deepEqual(saved.intake.conditions, ['bleeding_disorder'], 'the answers are kept');
    assert.deepEqual(saved.plan ?? {}, {}, 'its plan setting is dropped too');
  } finally {
    await context.close();
  }
});

test('a proceed link shows each chosen therapy’s status and messages next to the schedule', async () => {
  const intake = { ...s01.intake, medications: ['transplant_immunosuppressant'] };
  const link = await linkFor({ intake, selected: ['exercise', 'acupuncture'], plan: {} });
  const { context, page } = await openLink(link);
  try {
    const plan = page.locator('.shared-plan[data-outcome="proceed"]');
    await plan.waitFor();
    assert.match(await plan.locator('.shared-days').innerText(), /Acupuncture/, 'a cautioned therapy is scheduled');
    const rows = plan.locator('.shared-therapy');
    assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => [e.dataset.therapy, e.dataset.status])), [
      ['exercise', 'allowed'],
      ['acupuncture', 'caution'],
    ]);
    const acupuncture = await rows.nth(1).innerText();
    assert.match(acupuncture, /Take care/);
    assert.match(acupuncture, /With a weakened immune system the risk of infection is higher/);
    assert.match(acupuncture, /This applies because you take a transplant medicine, which lowers the body's defences\./);
    assert.match(await rows.nth(0).innerText(), /No safety concerns found/);
    assert.equal(await page.locator('#dropped-note').count(), 0, 'nothing is left out');
    assert.deepEqual(await axe(page), [], 'preview with statuses is accessible');
  } finally {
    await context.close();
  }
});

// End-to-end tests of the screening, choose and plan views. The app state is seeded into localStorage (the
// stored document format of src/store), so these tests do not depend on clicking through the wizard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, axe, openWithState, focusedId } from './harness.mjs';


/** A realistic intake that proceeds: low back pain, a bleeding disorder (so some therapies are blocked,
 *  some need clearance and some need care), four free days, a time and a money budget. */
const PROCEED = {
  age: 52,
  pain: { primary: 'low_back', duration_months: 14, peg: { pain: 6, enjoyment: 6, activity: 5 } },
  mood: { phq4: { nervous: 0, worry: 1, interest: 1, down: 0 }, self_harm: 0 },
  start_back: { agree: [1, 3], bothersome: 'slightly' },
  symptoms: [],
  conditions: ['bleeding_disorder'],
  medications: [],
  supplements: ['ginkgo'],
  activity: 'active',
  practicalities: { minutes_per_week: 240, budget_per_month: 150, days: [0, 2, 4, 5] },
};

const OUTCOMES = {
  emergency: { ...PROCEED, symptoms: ['saddle_numbness', 'fever_with_pain'] },
  crisis: { ...PROCEED, mood: { ...PROCEED.mood, self_harm: 1 } },
  urgent: { ...PROCEED, symptoms: ['fever_with_pain'] },
  out_of_scope: { ...PROCEED, age: 16 },
};

const env = useApp('/');

/** Opens the app at `hash` with `state` already stored (once per context), as if answered earlier. */
function open(state, hash, contextOptions = {}) {
  return openWithState(env, state, hash, contextOptions);
}

const card = (page, id) => page.locator(`.therapy-card[data-therapy="${id}"]`);
const CONSENT = 'I have read this and will discuss it with my clinician';

/** Adds a therapy from its card through the consent step: "Add" opens it, then tick the box and confirm. */
async function addThroughConsent(page, id) {
  const c = card(page, id);
  await c.locator('.card-action > button').click();
  await c.getByLabel(CONSENT).check();
  await c.getByRole('button', { name: /^Confirm and add/ }).click();
  await page.waitForFunction((t) => document.querySelector(`.therapy-card[data-therapy="${t}"]`)?.dataset.selected === 'true', id);
}

for (const [outcome, intake] of Object.entries(OUTCOMES)) {
  test(`${outcome}: what to do now, no plan and no way to choose; per-therapy safety list; zero axe violations`, async () => {
    const { context, page, errors } = await open({ intake }, '#/screening');
    try {
      const view = page.locator(`[data-outcome="${outcome}"]`);
      await view.waitFor();
      assert.equal(await page.locator('a[href="#/choose"]').count(), 0, 'no link to choose therapies');
      assert.equal(await page.locator('a[href="#/plan"]').count(), 0, 'no link to a plan');
      assert.ok(await page.getByRole('link', { name: 'Change an answer' }).isVisible());
      const now = (await page.locator('.callout.now').innerText()).toLowerCase();
      if (outcome === 'emergency') {
        const first = (await page.locator('.now-first').innerText()).toLowerCase();
        assert.match(first, /^call your local emergency number now/);
        assert.ok((await page.locator('.flag').count()) >= 2, 'emergency and urgent actions both listed');
      }
      if (outcome === 'crisis') {
        assert.match(now, /contact your local emergency number now/);
        assert.match(now, /call or text 988/);
      }
      if (outcome === 'urgent') assert.match(now, /within a day or two/);
      if (outcome === 'out_of_scope') assert.match(now, /talk with a clinician/);
      // Every flag shows its reason, with the source in a disclosure.
      assert.ok((await page.locator('.flag-reasons li details.sources').count()) >= 1);
      // The clinician's per-therapy list is collapsed but complete.
      const rows = page.locator('details.safety-all [data-therapy][data-status]');
      assert.equal(await page.locator('details.safety-all').getAttribute('open'), null);
      assert.ok((await rows.count()) >= 25, `every therapy listed: ${await rows.count()}`);
      assert.equal(await page.locator('details.safety-all [data-therapy="acupuncture"]').getAttribute('data-status'), 'blocked');
      assert.deepEqual(await axe(page), []);
      await page.locator('details.safety-all summary').click();
      assert.deepEqual(await axe(page), [], 'no violations with the safety list open');

      // The choose and plan views refuse too, and send the person back to the screening.
      await page.evaluate(() => { location.hash = '#/choose'; });
      await page.getByRole('heading', { level: 1, name: 'Choose therapies' }).waitFor();
      assert.equal(await page.locator('.therapy-card').count(), 0);
      assert.equal(await page.locator('main button').count(), 0, 'no add buttons');
      assert.ok(await page.locator('main a[href="#/screening"]').isVisible());
      await page.evaluate(() => { location.hash = '#/plan'; });
      await page.getByRole('heading', { level: 1, name: /12-week plan/ }).waitFor();
      assert.equal(await page.locator('.week').count(), 0, 'no schedule');
      assert.ok(await page.locator('main a[href="#/screening"]').isVisible());
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('crisis: the crisis line from settings is named first', async () => {
  const { context, page } = await open(
    { intake: OUTCOMES.crisis, settings: { crisis_line: 'Samaritans 116 123' } },
    '#/screening',
  );
  try {
    await page.locator('[data-outcome="crisis"]').waitFor();
    assert.match(await page.locator('.now-first').innerText(), /Contact Samaritans 116 123 now/);
    assert.match(await page.locator('.callout.now').innerText(), /988/);
    // Settings explains the fallback with the rule book's crisis lines (rules.json crisis_lines), not its own copy.
    await page.goto(page.url().replace(/#.*$/, '#/settings'));
    const hint = page.locator('#crisis-help');
    await hint.waitFor();
    assert.match(await hint.innerText(), /shows the crisis lines it knows: call or text 988 in the US\./);
  } finally {
    await context.close();
  }
});

test('proceed: a calm summary with notices, supplement alerts, scores and the way on', async () => {
  const intake = { ...PROCEED, pain: { ...PROCEED.pain, duration_months: 2 }, medications: null };
  const { context, page, errors } = await open({ intake }, '#/screening');
  try {
    await page.locator('[data-outcome="proceed"]').waitFor();
    assert.ok(await page.locator('[data-notice="not_chronic"]').isVisible());
    assert.ok(await page.locator('[data-notice="medications_unknown"]').isVisible());
    const alert = page.locator('[data-supplement="ginkgo"]');
    assert.ok(await alert.isVisible(), 'ginkgo, already taken, is blocked with a bleeding disorder');
    assert.match(await page.locator('#alerts-heading + p').innerText(), /talk to your clinician or pharmacist before continuing/i);
    assert.match(await page.locator('.scores').innerText(), /5\.7 out of 10/);
    assert.ok(await page.getByRole('link', { name: 'Choose therapies' }).isVisible());
    assert.ok((await page.locator('details.safety-all [data-therapy]').count()) >= 25);
    assert.deepEqual(await axe(page), []);
    await page.getByRole('link', { name: 'Choose therapies' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose therapies' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('choose: blocked cannot be added, caution and clearance are read before adding, filters say what they hide', async () => {
  const { context, page, errors } = await open({ intake: PROCEED }, '#/choose');
  try {
    await page.locator('.therapy-card').first().waitFor();
    // Blocked: the reason is on the card and there is no enabled add button.
    const acu = card(page, 'acupuncture');
    assert.equal(await acu.getAttribute('data-status'), 'blocked');
    await acu.getByText('More about Acupuncture').click();
    assert.match(await acu.locator('.safety').innerText(), /not offered for you/i);
    assert.equal(await acu.locator('button:not([disabled])').count(), 0);
    assert.match(await acu.innerText(), /cannot be added/i);

    // Caution: the note is visible before adding, and the button says it was read.
    const massage = card(page, 'massage');
    assert.equal(await massage.getAttribute('data-status'), 'caution');
    assert.ok(await massage.locator('.safety-caution').isVisible());
    const addMassage = massage.getByRole('button', { name: /I have read the note — add/ });
    assert.ok(await addMassage.isVisible());
    await addMassage.click();
    assert.equal(await massage.getAttribute('data-selected'), 'false', 'the consent step comes first');
    await massage.getByLabel(CONSENT).check();
    await massage.getByRole('button', { name: /^Confirm and add/ }).click();
    assert.equal(await massage.getAttribute('data-selected'), 'true');

    // Clearance required: a confirm step says not to start before approval.
    const exercise = card(page, 'exercise');
    assert.equal(await exercise.getAttribute('data-status'), 'clearance_required');
    await exercise.getByRole('button', { name: /needs your clinician's approval/ }).click();
    const confirm = exercise.locator('.consent');
    assert.match(await confirm.innerText(), /do not start exercise and movement until your clinician approves/i);
    assert.equal(await exercise.getAttribute('data-selected'), 'false', 'not added before confirming');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Before you add Exercise and movement', 'focus moves to the consent step');
    assert.deepEqual(await axe(page), [], 'no violations with the confirm step open');
    await exercise.getByLabel(CONSENT).check();
    await exercise.getByRole('button', { name: /^Confirm and add/ }).click();
    assert.equal(await exercise.getAttribute('data-selected'), 'true');

    // An allowed therapy goes through the same consent step; the summary lists every choice with its status in words.
    await addThroughConsent(page, 'cbt');
    const summary = page.locator('.choices');
    assert.match(await summary.innerText(), /Your choices \(3\)/);
    assert.match(await summary.innerText(), /Massage — Take care/);

    // Filters hide cards and say how many.
    const total = await page.locator('.therapy-cards').first().locator('.therapy-card').count();
    await page.getByLabel('No needles').check();
    assert.ok(await acu.isHidden());
    assert.match(await page.locator('.filter-count').first().innerText(), new RegExp(`Showing ${total - 2} of ${total} therapies; 2 are hidden`));
    await page.getByLabel('Within my budget').check();
    assert.ok(await massage.isHidden(), 'massage at the usual pace is above a budget of 150');
    await page.getByLabel('No needles').uncheck();
    await page.getByLabel('Within my budget').uncheck();
    assert.match(await page.locator('.filter-count').first().innerText(), /Showing all/);

    // Supplements have their own section.
    const supplements = page.locator('section.supplements');
    assert.match(await supplements.locator('h2').innerText(), /discuss with your clinician or pharmacist first/);
    assert.equal(await supplements.locator('[data-therapy="ginkgo"]').getAttribute('data-status'), 'blocked');
    assert.match(await supplements.locator('[data-therapy="turmeric"] .badge').innerText(), /supportive self-care/);

    assert.deepEqual(await axe(page), []);
    await page.getByRole('link', { name: 'Build my plan' }).click();
    await page.getByRole('heading', { level: 1, name: /12-week plan/ }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

const CHOSEN = { intake: PROCEED, selected: ['yoga', 'meditation', 'massage', 'acupuncture', 'turmeric', 'cbt'] };

test('plan: schedule, staggered starts, reviews at weeks 4, 8 and 12, questions, left-out choices and the cost note', async () => {
  const { context, page, errors } = await open(CHOSEN, '#/plan');
  try {
    await page.locator('.week').waitFor();
    assert.equal(await page.locator('.week > .day').count(), 7);
    assert.ok((await page.locator('.week .entry').count()) >= 5);
    assert.match(await page.locator('.day[data-weekday="1"]').innerText(), /Rest day/, 'Tuesday is not a free day');
    assert.deepEqual(await page.locator('.review').evaluateAll((els) => els.map((e) => e.dataset.week)), ['4', '8', '12']);
    assert.match(await page.locator('.items').innerText(), /Starts in week 3/);
    assert.match(await page.locator('.excluded').innerText(), /Acupuncture/);
    assert.ok((await page.locator('.questions li').count()) >= 3);
    assert.match(await page.locator('.plan-supplements').innerText(), /Turmeric/);
    assert.match(await page.locator('.cost').innerText(), /Estimate only, not a price/);
    assert.deepEqual(await axe(page), []);

    // Frequency and days are editable and kept in the plan settings.
    const yoga = page.locator('.item[data-therapy="yoga"]');
    await yoga.locator('details.adjust summary').click();
    const times = yoga.getByLabel('Times a week for Yoga');
    await times.focus();
    await times.selectOption('1');
    await page.waitForFunction(() => document.querySelector('.item[data-therapy="yoga"] .item-summary').textContent.includes('1 session a week'));
    assert.equal(await focusedId(page, 'per-week-yoga'), 'per-week-yoga', 'focus stays on the control');
    await yoga.getByRole('checkbox', { name: 'Saturday' }).check();
    await page.waitForFunction(() => document.querySelector('.item[data-therapy="yoga"] .item-summary').textContent.includes('Saturday'));
    assert.ok(await yoga.getByRole('button', { name: 'Use the suggested days' }).isVisible());
    assert.deepEqual(await axe(page), [], 'no violations with the editor open');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const largeText of [false, true]) {
  test(`plan and choose at 360 px${largeText ? ' with large text' : ''}: no horizontal scroll, the week becomes a list`, async () => {
    const state = { ...CHOSEN, settings: { large_text: largeText } };
    const { context, page } = await open(state, '#/plan', { viewport: { width: 360, height: 740 } });
    try {
      await page.locator('.week').waitFor();
      for (const summary of await page.locator('.item summary').all()) await summary.click();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `plan scrollWidth ${width}`);
      const columns = await page.locator('.week').evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
      assert.equal(columns, 1);
      assert.deepEqual(await axe(page), []);
      await page.evaluate(() => { location.hash = '#/choose'; });
      await page.locator('.therapy-card').first().waitFor();
      await page.locator('[data-therapy="exercise"] .card-action > button').click();
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'choose fits too');
      await page.evaluate(() => { location.hash = '#/screening'; });
      await page.locator('[data-outcome]').waitFor();
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'screening fits too');
    } finally {
      await context.close();
    }
  });
}

test('plan in print: no buttons or controls, safety notes and questions kept, one or two pages', async () => {
  const { context, page } = await open(CHOSEN, '#/plan');
  try {
    await page.locator('.week').waitFor();
    await page.emulateMedia({ media: 'print' });
    const visibleButtons = await page.locator('button, select, input, .site-header, summary').evaluateAll(
      (els) => els.filter((e) => e.getClientRects().length > 0).length,
    );
    assert.equal(visibleButtons, 0, 'no buttons, controls, disclosures or navigation in print');
    assert.ok(await page.locator('.safety-notes').isVisible());
    assert.ok(await page.locator('.questions').isVisible());
    assert.ok(await page.locator('.cost-note').isVisible());
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format, printBackground: false });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.ok(pages >= 1 && pages <= 2, `${format}: ${pages} pages`);
    }
  } finally {
    await context.close();
  }
});

test('nothing chosen: the plan view explains and links back to choosing', async () => {
  const { context, page } = await open({ intake: PROCEED }, '#/plan');
  try {
    await page.getByRole('link', { name: 'Choose therapies' }).waitFor();
    assert.equal(await page.locator('.week').count(), 0);
    assert.deepEqual(await axe(page), []);
  } finally {
    await context.close();
  }
});

test('the whole flow through the wizard: answers, safety check, choices, plan, and the plan survives a reload', async () => {
  const { driveIntake } = await import('./drive.mjs');
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(env.site.url);
    await page.waitForSelector('#main h1');
    await driveIntake(page, PROCEED);
    await page.locator('[data-outcome="proceed"]').waitFor();
    await page.getByRole('link', { name: 'Choose therapies' }).click();
    await addThroughConsent(page, 'cbt');
    assert.match(await card(page, 'yoga').locator('.card-action > button').innerText(), /needs your clinician's approval/);
    await addThroughConsent(page, 'yoga');
    await page.getByRole('link', { name: 'Build my plan' }).click();
    await page.locator('.week').waitFor();
    assert.match(await page.locator('.items').innerText(), /Do not start until your clinician approves/);
    assert.ok((await page.locator('.week .entry[data-therapy="cbt"]').count()) >= 1);
    // Autosave is debounced: wait until the stored document holds both choices before reloading.
    await page.waitForFunction(() => {
      const selected = JSON.parse(localStorage.getItem('mosaic/doc') || '{}').data?.selected ?? [];
      return selected.includes('cbt') && selected.includes('yoga');
    });
    await page.reload();
    await page.locator('.week').waitFor();
    assert.ok((await page.locator('.week .entry[data-therapy="yoga"]').count()) >= 1, 'choices kept after reload');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('keyboard only: filters, adding with the confirm step, and the plan editor, each with a visible focus ring', async () => {
  const { context, page, errors } = await open({ intake: PROCEED }, '#/choose');
  try {
    await page.locator('.therapy-card').first().waitFor();
    const focusRing = () => page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    });
    /** Presses Tab until the focused element matches `selector` (at most `limit` times). */
    const tabTo = async (selector, limit = 200) => {
      for (let i = 0; i < limit; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('.filters input[type="checkbox"]');
    assert.ok(await focusRing(), 'focus is visible on a filter');
    await page.keyboard.press('Space');
    assert.match(await page.locator('.filter-count').first().innerText(), /hidden by your filters/);
    await page.keyboard.press('Space');

    await tabTo('.therapy-card[data-therapy="exercise"] .card-action > button');
    assert.ok(await focusRing(), 'focus is visible on an add button');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Before you add Exercise and movement');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent), CONSENT);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    assert.match(await page.evaluate(() => document.activeElement?.textContent), /^Confirm and add/);
    await page.keyboard.press('Enter');
    assert.equal(await card(page, 'exercise').getAttribute('data-selected'), 'true');
    assert.match(await page.evaluate(() => document.activeElement?.textContent), /Remove from my plan/, 'focus returns to the card button');

    await tabTo('a[href="#/plan"]', 400);
    await page.keyboard.press('Enter');
    await page.locator('.week').waitFor();
    await tabTo('.item[data-therapy="exercise"] summary');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page, 'per-week-exercise'), 'per-week-exercise');
    assert.ok(await focusRing(), 'focus is visible on the frequency control');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

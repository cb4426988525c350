// Reliability promise 14 (docs/reliability.md), the parts e2e/inert-text.test.mjs leaves out: markup and script
// payloads TYPED key by key into every free-text field through the real UI, a string of a million characters, and a
// backup carrying the payloads restored through Settings. Each time: no dialog ever opens, no view has more script,
// img, svg or iframe elements (or on* attributes) than the same view holding plain words, and the payloads are shown
// as the literal text they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, openWithState, backupFile } from './harness.mjs';
import { PAYLOADS, PLAIN, documentWith, risky } from './payloads.mjs';
import { driveIntake } from './drive.mjs';

const env = useApp('/');
const s01 = JSON.parse(readFileSync(new URL('../tests/scenarios/s01.json', import.meta.url), 'utf8'));
// The same payloads as e2e/inert-text.test.mjs.
const VIEWPORT = { viewport: { width: 1280, height: 900 } };
/** A planned document with no words of the person's own yet. */
const PLANNED = {
  intake: { ...s01.intake, practicalities: { minutes_per_week: 240, budget_per_month: 120, days: [0, 2, 4] } },
  selected: ['yoga', 'exercise'],
};

const WHAT_MATTERS = 'What matters most to you in your life right now?';
const GOALS = 'Your goals, up to three';
const LOOKUP = 'Look up a medicine by name (optional)';
const EFFECT = 'What happened with Yoga (optional)';
const EFFECT_EXERCISE = 'What happened with Exercise and movement (optional)';
const NOTE = 'Anything else about this week (optional)';
const FLARE = ['What tells you a flare is starting?', 'What else helps you through a flare?',
  'What will you reduce or pause for a few days?', 'Who will you call?'];
const CRISIS = 'Crisis line to show if you tell Mosaic you are thinking of harming yourself';
const SHARE_TICKS = ['What matters to me, my goals and my flare plan, in my own words',
  'My progress: check-ins, sessions done and side effects', 'My notes and the words I wrote about side effects'];

const pageText = (page) => page.evaluate(() => document.body.innerText);

/** Goes to `hash` as a link in the app would, and waits for the view's heading. */
async function visit(page, hash, heading) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

/** Empties the field, then types `text` into it key by key, as a person would. */
async function type(page, label, text) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill('');
  await field.pressSequentially(text);
  assert.equal(await field.inputValue(), text, `${label}: every key typed arrived`);
  return field;
}

/** Records every dialog the page opens (and dismisses it). */
function dialogsOf(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  return dialogs;
}

/** Types `word` into every free-text field that keeps what is typed, field by field; `first` creates the check-in. */
async function typeEverywhere(page, word, first) {
  await visit(page, '#/intake/values', 'What matters');
  await type(page, WHAT_MATTERS, word);
  await type(page, GOALS, `${word}\nWalk to the shops`);
  if (first) {
    await visit(page, '#/check-in', 'Weekly check-in');
    await page.getByRole('checkbox', { name: 'None of these' }).check();
    await page.waitForFunction(() => location.hash === '#/check-in/1');
  } else {
    await visit(page, '#/check-in/1', 'Check-in 1 (week 1)');
  }
  // The check-in keeps a text when the field is left.
  await (await type(page, EFFECT_EXERCISE, word)).blur();
  await (await type(page, EFFECT, word)).blur();
  await (await type(page, NOTE, word)).blur();
  if (first) {
    await page.getByRole('button', { name: 'Done' }).click();
    await page.locator('.check-in-done').getByText('Check-in saved on this device.').waitFor();
  }
  await visit(page, '#/flare', 'My flare plan');
  for (const label of FLARE) await type(page, label, word);
  await visit(page, '#/settings', 'Settings');
  await type(page, CRISIS, word);
}

// Each view that shows the typed words (or could), by its heading, with where the words must appear literally.
const SHOWN = [
  ['#/', 'Build a care plan for your chronic pain', async () => {}],
  ['#/intake/values', 'What matters', async (page, w) => {
    assert.equal(await page.getByLabel(WHAT_MATTERS).inputValue(), w);
    assert.equal(await page.getByLabel(GOALS).inputValue(), `${w}\nWalk to the shops`);
  }],
  ['#/review', 'Review your answers', async (page, w) => {
    const text = await pageText(page);
    assert.ok(text.includes(`${w}\n`), 'what matters, as typed');
    assert.ok(text.includes(`${w}; Walk to the shops`), 'the goals, joined with "; "');
  }],
  ['#/screening', 'Your safety check', async () => {}],
  ['#/plan', 'Your 12-week plan', async (page, w) => {
    assert.ok((await pageText(page)).includes(w), 'the first goal');
  }],
  ['#/plan-review', 'Review your plan now', async () => {}],
  ['#/check-in/1', 'Check-in 1 (week 1)', async (page, w) => {
    assert.equal(await page.getByLabel(EFFECT_EXERCISE).inputValue(), w);
    assert.equal(await page.getByLabel(EFFECT).inputValue(), w);
    assert.equal(await page.getByLabel(NOTE).inputValue(), w);
  }],
  ['#/progress', 'Your progress', async () => {}],
  ['#/flare', 'My flare plan', async (page, w) => {
    for (const label of FLARE) assert.equal(await page.getByLabel(label).inputValue(), w, label);
    assert.deepEqual(await page.locator('.print-answer').allTextContents(), [w, w, w, w], 'the print copy');
    assert.ok((await page.locator('.now').innerText()).includes(`Contact ${w} now.`), 'the crisis line as text');
  }],
  ['#/settings', 'Settings', async (page, w) => {
    assert.equal(await page.getByLabel(CRISIS).inputValue(), w);
  }],
  ['#/share', 'Share with your clinician', async (page, w) => {
    const text = await page.locator('.clinician-summary').innerText();
    assert.ok(text.includes(`In their words: ${w}\n`), 'the first goal in the summary');
    assert.ok(text.includes(`${w} \u00b7 Exercise and movement: ${w} \u00b7 Yoga: ${w}`), 'the note and the side-effect words in the summary');
  }],
];

/** Opens the view in both pages (ticking what to share on the share view) and compares them. */
async function compareView(bad, good, [hash, heading, shows], word, at) {
  for (const page of [bad, good]) {
    await visit(page, hash, heading);
    if (hash === '#/share') {
      for (const name of SHARE_TICKS) await page.getByRole('checkbox', { name }).check();
    }
  }
  await shows(bad, word);
  assert.deepEqual(await risky(bad), await risky(good), `${at} ${hash}: no element from the payload`);
}

test('each payload typed key by key into every free-text field stays text on every view that shows it', async () => {
  const bad = await openWithState(env, PLANNED, '#/', VIEWPORT);
  const good = await openWithState(env, PLANNED, '#/', VIEWPORT);
  const dialogs = dialogsOf(bad.page);
  try {
    for (const [i, word] of PAYLOADS.entries()) {
      await typeEverywhere(bad.page, word, i === 0);
      await typeEverywhere(good.page, PLAIN[i], i === 0);
      // The medicine look-up keeps nothing, but repeats the name typed.
      for (const [page, w] of [[bad.page, word], [good.page, PLAIN[i]]]) {
        await visit(page, '#/intake/medicines', 'Medicines');
        await type(page, LOOKUP, w);
        await page.waitForFunction(() => (document.querySelector('.lookup-status')?.innerText ?? '') !== '');
      }
      assert.ok((await bad.page.locator('.lookup-status').innerText()).startsWith(`Mosaic doesn\u2019t know the name \u201c${word}\u201d. `));
      assert.deepEqual(await risky(bad.page), await risky(good.page), `payload ${i} #/intake/medicines: no element from the payload`);
      for (const view of SHOWN) await compareView(bad.page, good.page, view, word, `payload ${i}`);
      assert.deepEqual(dialogs, [], `payload ${i}: no dialog opened`);
    }
    // The last payload typed is what was saved.
    const saved = await bad.page.evaluate(() => JSON.parse(localStorage.getItem('mosaic/doc')).data);
    const last = PAYLOADS[4];
    assert.deepEqual(saved.intake.values, { what_matters: last, goals: [last, 'Walk to the shops'] });
    assert.deepEqual([saved.checkins[0].note, saved.checkins[0].effects.exercise.text, saved.checkins[0].effects.yoga.text], [last, last, last]);
    assert.deepEqual([saved.flare.signs, saved.flare.helps, saved.flare.reduce, saved.flare.contacts], [last, last, last, last]);
    assert.equal(saved.settings.crisis_line, last);
    assert.deepEqual(bad.errors, []);
  } finally {
    await bad.context.close();
    await good.context.close();
  }
});

// A million characters of ordinary words (the 1000th character is not a space, so nothing is trimmed at the cut).
const MILLION = 'My grandchildren. '.repeat(55_556).slice(0, 1_000_000);

test('a million characters typed into a free text is cut to the field\'s length limit; the app keeps working', async () => {
  const { context, page, errors } = await openWithState(env, PLANNED, '#/intake/values', VIEWPORT);
  const dialogs = dialogsOf(page);
  try {
    assert.equal(MILLION.length, 1_000_000);
    await page.getByRole('heading', { level: 1, name: 'What matters' }).waitFor();
    // src/store/limits.rs: MAX_WHAT_MATTERS_CHARS = 1000 and MAX_CRISIS_LINE_CHARS = 120, each its field's maxlength.
    await page.getByLabel(WHAT_MATTERS).fill(MILLION);
    assert.equal(await page.getByLabel(WHAT_MATTERS).inputValue(), MILLION.slice(0, 1000));
    await page.waitForFunction((want) => JSON.parse(localStorage.getItem('mosaic/doc') || '{}').data?.intake?.values?.what_matters === want, MILLION.slice(0, 1000));
    await visit(page, '#/settings', 'Settings');
    await page.getByLabel(CRISIS).fill(MILLION);
    assert.equal(await page.getByLabel(CRISIS).inputValue(), MILLION.slice(0, 120));
    await page.waitForFunction((want) => JSON.parse(localStorage.getItem('mosaic/doc') || '{}').data?.settings?.crisis_line === want, MILLION.slice(0, 120));
    await visit(page, '#/review', 'Review your answers');
    assert.ok((await pageText(page)).includes(`${MILLION.slice(0, 1000)}\n`), 'the kept 1000 characters, as text');
    await visit(page, '#/plan', 'Your 12-week plan');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a saved document holding a million-character text opens: the text is kept whole, as text, and every view works', async () => {
  const state = { ...PLANNED, intake: { ...PLANNED.intake, values: { what_matters: MILLION } } };
  const { context, page, errors } = await openWithState(env, state, '#/review', VIEWPORT);
  const dialogs = dialogsOf(page);
  try {
    await page.getByRole('heading', { level: 1, name: 'Review your answers' }).waitFor();
    // Saved documents are not re-checked against the length limits (only backups are): the text is shown whole.
    assert.ok(await page.evaluate((m) => document.body.innerText.includes(m), MILLION), 'all million characters, as text');
    await visit(page, '#/intake/values', 'What matters');
    assert.equal((await page.getByLabel(WHAT_MATTERS).inputValue()).length, 1_000_000);
    await visit(page, '#/plan', 'Your 12-week plan');
    await visit(page, '#/settings', 'Settings');
    assert.ok(await page.getByRole('heading', { level: 1, name: 'Settings' }).isVisible());
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});


test('a backup holding a million-character text is refused with a message naming the field; nothing changes', async () => {
  const { context, page, errors } = await openWithState(env, PLANNED, '#/settings', VIEWPORT);
  const dialogs = dialogsOf(page);
  try {
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const before = await page.evaluate(() => localStorage.getItem('mosaic/doc'));
    const file = backupFile({ ...PLANNED, intake: { ...PLANNED.intake, values: { what_matters: MILLION } } });
    assert.ok(file.buffer.length < 1024 * 1024, 'under the 1 MB file limit, so the field itself is checked');
    await page.getByLabel('Restore a backup').setInputFiles(file);
    const error = page.locator('#settings-restore-error');
    await error.filter({ hasText: 'not restored' }).waitFor();
    assert.equal(await error.innerText(), 'This backup was not restored and nothing was changed: '
      + '`data.intake.values.what_matters` is 1000000 characters long, but what matters to you can be at most 1000.');
    assert.equal(await page.locator('.restore-preview').count(), 0, 'no preview');
    assert.equal(await page.evaluate(() => localStorage.getItem('mosaic/doc')), before, 'nothing changed');
    assert.ok(await page.getByRole('heading', { level: 1, name: 'Settings' }).isVisible());
    await visit(page, '#/plan', 'Your 12-week plan');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});


test('backups carrying the payloads, chosen in Settings: the preview and the refusal show them as text', async () => {
  const bad = await openWithState(env, PLANNED, '#/settings', VIEWPORT);
  const good = await openWithState(env, PLANNED, '#/settings', VIEWPORT);
  const dialogs = dialogsOf(bad.page);
  try {
    const preview = (page) => page.locator('.restore-preview');
    // The preview repeats the file's export time, which may carry any words after its date (at most 40 characters
    // in all): each payload that fits there.
    for (const [i, word] of PAYLOADS.entries()) {
      const exportedAt = `2026-03-02 ${word}`;
      if (exportedAt.length > 40) continue;
      for (const [page, at] of [[bad.page, exportedAt], [good.page, `2026-03-02 ${PLAIN[i]}`]]) {
        await page.getByLabel('Restore a backup').setInputFiles(backupFile(documentWith(PAYLOADS), at));
        await preview(page).getByRole('heading', { name: 'This backup holds' }).waitFor();
      }
      assert.ok((await preview(bad.page).innerText()).includes(`\nSaved ${exportedAt}\n`), `payload ${i} in the preview`);
      assert.deepEqual(await risky(bad.page), await risky(good.page), `payload ${i}: no element from the preview`);
      for (const page of [bad.page, good.page]) {
        await page.getByRole('button', { name: 'Cancel' }).click();
        await preview(page).waitFor({ state: 'detached' });
      }
    }
    // A refusal names each unknown value, quoted.
    for (const [page, words] of [[bad.page, PAYLOADS], [good.page, PLAIN]]) {
      await page.getByLabel('Restore a backup').setInputFiles(backupFile({ intake: { ...s01.intake, conditions: words } }));
      await page.locator('#settings-restore-error').filter({ hasText: 'not restored' }).waitFor();
    }
    assert.equal(await bad.page.locator('#settings-restore-error').innerText(), 'This backup was not restored and nothing was changed:'
      + PAYLOADS.map((w, i) => ` \`data.intake.conditions[${i}]\`: "${w}" is not a known health condition ID; check the spelling.`).join(''));
    assert.deepEqual(await risky(bad.page), await risky(good.page), 'no element from the refusal');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(bad.errors, []);
  } finally {
    await bad.context.close();
    await good.context.close();
  }
});

test('a backup carrying the payloads in every free text, restored through Settings, shows them as text everywhere', async () => {
  const bad = await openWithState(env, PLANNED, '#/settings', VIEWPORT);
  const good = await openWithState(env, PLANNED, '#/settings', VIEWPORT);
  const dialogs = dialogsOf(bad.page);
  const [a, b, c, d, e] = PAYLOADS;
  try {
    for (const [page, words] of [[bad.page, PAYLOADS], [good.page, PLAIN]]) {
      await page.getByLabel('Restore a backup').setInputFiles(backupFile(documentWith(words), `2026-03-02 ${words[0]}`));
      await page.locator('.restore-preview').getByRole('heading', { name: 'This backup holds' }).waitFor();
      if (page === bad.page) {
        assert.deepEqual(await page.locator('.restore-preview li').allInnerTexts(), [
          'Intake answers for low back pain', '2 therapies chosen: Yoga, Exercise and movement', '1 weekly check-in', 'A flare plan',
        ]);
        assert.ok((await page.locator('.restore-preview').innerText()).includes(`\nSaved 2026-03-02 ${a}\n`));
      }
      await page.getByRole('button', { name: 'Restore this backup' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your safety check' }).waitFor();
    }
    const saved = await bad.page.evaluate(() => JSON.parse(localStorage.getItem('mosaic/doc')).data);
    assert.deepEqual(saved.intake.values, { what_matters: a, goals: [b, c] }, 'restored as written');
    const views = [
      ['#/review', 'Review your answers', async (page) => {
        const text = await pageText(page);
        assert.ok(text.includes(`${a}\n`), 'what matters');
        assert.ok(text.includes(`${b}; ${c}`), 'the goals');
      }],
      ['#/plan', 'Your 12-week plan', async (page) => assert.ok((await pageText(page)).includes(b), 'the first goal')],
      ['#/plan-review', 'Review your plan now', async () => {}],
      ['#/check-in/1', 'Check-in 1 (week 1)', async (page) => {
        assert.equal(await page.getByLabel(EFFECT).inputValue(), d);
        assert.equal(await page.getByLabel(NOTE).inputValue(), e);
      }],
      ['#/progress', 'Your progress', async () => {}],
      ['#/flare', 'My flare plan', async (page) => {
        assert.deepEqual(await page.locator('.print-answer').allTextContents(), [a, b, c, d]);
        assert.equal(await page.getByLabel(FLARE[0]).inputValue(), a);
        assert.ok((await page.locator('.now').innerText()).includes(`Contact ${a} now.`), 'the crisis line as text');
      }],
      ['#/settings', 'Settings', async (page) => assert.equal(await page.getByLabel(CRISIS).inputValue(), a)],
      ['#/share', 'Share with your clinician', async (page) => {
        const text = await page.locator('.clinician-summary').innerText();
        assert.ok(text.includes(`In their words: ${b}\n`), 'the first goal in the summary');
        assert.ok(text.includes(`${e} \u00b7 Yoga: ${d}`), 'the note and the side-effect words in the summary');
      }],
    ];
    for (const [hash, heading, shows] of views) {
      await compareView(bad.page, good.page, [hash, heading, shows], undefined, 'restored');
    }
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(bad.errors, []);
  } finally {
    await bad.context.close();
    await good.context.close();
  }
});

test('the kiosk\'s front-desk wording, typed by staff with every payload, is shown as text on a patient\'s stop screen', async () => {
  // The one free text of kiosk set-up, typed with all five payloads at once (117 characters, within its 200).
  const contexts = [];
  try {
    const risks = [];
    for (const wording of [PAYLOADS.join(' '), PLAIN.join(' ')]) {
      const context = await env.browser.newContext({ viewport: { width: 820, height: 1180 } });
      contexts.push(context);
      const page = await context.newPage();
      const dialogs = dialogsOf(page);
      await page.goto(`${env.site.url}#/settings`);
      await page.getByLabel('Staff PIN (6 to 12 digits)').fill('246810');
      await page.getByLabel('Staff PIN again').fill('246810');
      await type(page, 'What patients should do in a crisis or emergency here', wording);
      await page.getByRole('button', { name: 'Turn on kiosk mode' }).click();
      await page.getByRole('heading', { level: 1, name: 'Plan your chronic-pain care while you wait' }).waitFor();
      await page.getByRole('link', { name: 'Start' }).click();
      await page.locator('section.wizard[data-step="pain"]').waitFor();
      // A red flag on the safety step stops the intake with what to do now, the clinic's wording first.
      const { outcome } = await driveIntake(page, {
        age: 52, pain: { primary: 'neck', duration_months: 14, peg: { pain: 6, enjoyment: 5, activity: 5 } },
        symptoms: ['saddle_numbness'],
      });
      assert.equal(outcome, 'emergency');
      assert.equal(await page.locator('.now-first.clinic').innerText(), wording, 'the wording, as text');
      assert.deepEqual(dialogs, [], 'no dialog opened');
      risks.push(await risky(page));
    }
    assert.deepEqual(risks[0], risks[1], 'no element from the payloads');
  } finally {
    for (const context of contexts) await context.close();
  }
});

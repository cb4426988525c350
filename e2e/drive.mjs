// Fills the intake wizard as a person would — by visible labels, legends and roles — from an intake object
// shaped like the scenario format (docs/sources.md#rules-1-1; a scenario's `intake`). Questions the object leaves out (missing or null) are skipped.
// Labels of catalog lists come from src/clinical/data/vocabulary.json, so a reworded label needs no change here.
// A list named in `unsure` (docs/sources.md#rules-4-5) is answered with the step's "not sure" beside its ticks.
//
//   import { driveIntake } from './drive.mjs';
//   const run = await driveIntake(page, scenario.intake);           // ends on #/screening
//   run.visited  -> step slugs shown, in order;  run.stops -> [{ after, outcome }] when Next left early
//   run.refused  -> [{ at, field }] when Next was refused for a required answer the intake leaves out (age, the
//                   self-harm item: data from older backups or scenario files may lack them); the driver checked
//                   the refusal and moved on by address, as a person could
import { readFileSync } from 'node:fs';

const VOCAB = JSON.parse(readFileSync(new URL('../src/clinical/data/vocabulary.json', import.meta.url), 'utf8'));

/** Step slugs in wizard order (src/ui/route.rs `Step::ALL`). */
export const STEPS = ['pain', 'safety', 'health', 'medicines', 'mood', 'start-back', 'activity', 'values', 'practical'];

/** The steps asked of this person: STarT Back only for low back pain. */
export function stepsFor(intake) {
  return STEPS.filter((s) => s !== 'start-back' || intake?.pain?.primary === 'low_back');
}

const FREQUENCY = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
const PHQ4 = {
  nervous: 'Feeling nervous, anxious or on edge',
  worry: 'Not being able to stop or control worrying',
  interest: 'Little interest or pleasure in doing things',
  down: 'Feeling down, depressed, or hopeless',
};
const BOTHERSOME = { not_at_all: 'Not at all', slightly: 'Slightly', moderately: 'Moderately', very_much: 'Very much', extremely: 'Extremely' };
// Whole-Health area names as the "What matters" step shows them (src/ui/pages/intake/values.rs).
const AREAS = {
  moving: 'Moving the body', recharge: 'Recharge', food: 'Food and drink', personal_development: 'Personal development',
  family: 'Family, friends and co-workers', spirit: 'Spirit and soul', surroundings: 'Surroundings', mind: 'Power of the mind',
};
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const given = (v) => v !== undefined && v !== null;

/** A list question's answer: `{ ids, unsure }` (the ticks, and whether the list is named in `unsure`), or null
 *  when the intake leaves it out and does not name it. */
const listOf = (i, key) => {
  const unsure = Boolean(i.unsure?.includes(key));
  return given(i[key]) || unsure ? { ids: i[key] ?? [], unsure } : null;
};

/** The "not sure" option of the health, medicines and supplements lists (src/ui/pages/intake/model.rs). */
export const UNSURE_LABEL = 'I\u2019m not sure about some of these';

/** Answers the wizard requires beyond the safety step (docs/sources.md#rules-4-1): the step, the field id its error links to,
 *  and whether an intake gives the answer. */
export const REQUIRED = {
  pain: { field: 'age', given: (i) => given(i.age) },
  mood: { field: 'self-harm', given: (i) => given(i.mood?.self_harm) },
};

/** The catalog label of an ID in one vocabulary list; throws on an unknown ID so a typo cannot pass. */
export function label(list, id) {
  const term = VOCAB[list].find((t) => t.id === id);
  if (!term) throw new Error(`unknown ${list} ID: ${id}`);
  return term.label;
}

const group = (page, name) => page.getByRole('group', { name, exact: typeof name === 'string' });

/** Ticks the named options of a checklist, its "None" option for an empty list; with `unsure`, also "not sure". */
async function tickList(page, legend, list, names, noneLabel, unsure = false) {
  const g = group(page, legend);
  if (unsure) await g.getByRole('checkbox', { name: UNSURE_LABEL, exact: true }).check();
  else if (list.length === 0) return g.getByRole('checkbox', { name: noneLabel, exact: true }).check();
  for (const id of list) await g.getByRole('checkbox', { name: label(names, id), exact: true }).check();
}

/** Chooses one radio button, by its label, inside the group with this legend. */
async function choose(scope, legend, option) {
  await group(scope, legend).getByRole('radio', { name: option, exact: typeof option === 'string' }).check();
}

const FILL = {
  async pain(page, i) {
    if (given(i.age)) await page.getByLabel('How old are you?').fill(String(i.age));
    const p = i.pain ?? {};
    if (given(p.primary)) await choose(page, 'Which pain troubles you most?', label('conditions', p.primary));
    if (given(p.sites)) await tickList(page, 'Do you have long-term pain anywhere else?', p.sites, 'conditions', 'No other long-term pain');
    if (given(p.duration_months)) {
      await page.getByLabel('Months or years').selectOption('months');
      await page.getByLabel('How long have you had this pain?').fill(String(p.duration_months));
    }
    const peg = p.peg ?? {};
    const legends = {
      pain: 'What number best describes your pain on average in the past week?',
      enjoyment: 'What number best describes how, during the past week, pain has interfered with your enjoyment of life?',
      activity: 'What number best describes how, during the past week, pain has interfered with your general activity?',
    };
    for (const [k, legend] of Object.entries(legends)) {
      if (given(peg[k])) await choose(page, legend, new RegExp(`^${peg[k]} out of 10`));
    }
  },
  async safety(page, i) {
    if (!given(i.symptoms)) throw new Error('the safety questions need an answer: give `symptoms` ([] for none)');
    await tickList(page, 'Is any of these true for you now?', i.symptoms, 'symptoms', 'None of these');
  },
  async health(page, i) {
    const c = listOf(i, 'conditions');
    if (c) await tickList(page, 'Does any of these apply to you?', c.ids, 'health', 'None of these', c.unsure);
  },
  async medicines(page, i) {
    const m = listOf(i, 'medications');
    const s = listOf(i, 'supplements');
    if (m) await tickList(page, 'Do you take any of these medicines regularly?', m.ids, 'medications', 'None of these', m.unsure);
    if (s) await tickList(page, 'Do you already take any of these supplements or herbal remedies?', s.ids, 'supplements', 'None of these', s.unsure);
  },
  async mood(page, i) {
    const phq = i.mood?.phq4 ?? {};
    for (const [k, legend] of Object.entries(PHQ4)) {
      if (given(phq[k])) await choose(page, legend, FREQUENCY[phq[k]]);
    }
    if (given(i.mood?.self_harm)) await choose(page, /better off dead/, FREQUENCY[i.mood.self_harm]);
  },
  async 'start-back'(page, i) {
    const sb = i.start_back ?? {};
    if (given(sb.agree)) {
      const items = group(page, /do you agree or disagree with each statement/).getByRole('group');
      for (let n = 1; n <= 8; n++) {
        await items.nth(n - 1).getByRole('radio', { name: sb.agree.includes(n) ? 'Agree' : 'Disagree', exact: true }).check();
      }
    }
    if (given(sb.bothersome)) await choose(page, /how bothersome has your back pain been/, BOTHERSOME[sb.bothersome]);
  },
  async activity(page, i) {
    if (given(i.activity)) await choose(page, /planned exercise/, i.activity === 'active' ? 'Yes' : 'No');
  },
  async values(page, i) {
    const v = i.values ?? {};
    if (given(v.what_matters)) await page.getByLabel('What matters most to you in your life right now?').fill(v.what_matters);
    for (const a of v.areas ?? []) {
      const area = group(page, AREAS[a.area]);
      if (given(a.now)) await choose(area, 'Where you are now', String(a.now));
      if (given(a.want)) await choose(area, 'Where you would like to be', String(a.want));
    }
    if (v.goals?.length) await page.getByLabel('Your goals, up to three').fill(v.goals.join('\n'));
  },
  async practical(page, i) {
    const p = i.practicalities ?? {};
    if (given(p.minutes_per_week)) await page.getByLabel('How many minutes a week could you give to your plan?').fill(String(p.minutes_per_week));
    if (given(p.budget_per_month)) await page.getByLabel('How much could you spend on it each month?').fill(String(p.budget_per_month));
    for (const d of p.days ?? []) await group(page, 'Which days could you usually fit something in?').getByRole('checkbox', { name: DAYS[d], exact: true }).check();
    const yesNo = (b) => (b ? 'Yes' : 'No');
    if (given(p.needles_ok)) await choose(page, /fine needles/, yesNo(p.needles_ok));
    if (given(p.touch_ok)) await choose(page, /hands-on treatments/, yesNo(p.touch_ok));
    if (given(p.home_only)) await choose(page, /only do things you can do at home/, yesNo(p.home_only));
  },
};

/** The step on screen (its slug), or null when the page is not a wizard step. */
export async function currentStep(page) {
  // A view whose code is still arriving shows only a loading line; wait until it has rendered.
  await page.locator('.view-loading').waitFor({ state: 'detached' });
  return page.evaluate(() => document.querySelector('section.wizard')?.dataset.step ?? null);
}

/** The outcome the screening view shows. */
export async function screeningOutcome(page) {
  const el = page.locator('[data-outcome]').first();
  await el.waitFor();
  return el.getAttribute('data-outcome');
}

/** Opens the first step from Welcome with its start (or continue) button. */
export async function startIntake(page) {
  await page.getByRole('link', { name: /Start planning|Continue where you left off/ }).first().click();
  await page.locator('section.wizard[data-step="pain"]').waitFor();
}

/** Goes to a step by its address (as someone finishing answers after a stop would). */
async function openStep(page, slug) {
  await page.evaluate((s) => { location.hash = `#/intake/${s}`; }, slug);
  await page.locator(`section.wizard[data-step="${slug}"]`).waitFor();
}

/** Presses Next and waits for the next view; throws with the page's error summary if Next was refused. */
export async function pressNext(page, from) {
  await page.getByRole('button', { name: /^(Next|Done: see my results)$/ }).click();
  await page.waitForFunction((prev) => {
    const s = document.querySelector('section.wizard');
    return !s || s.dataset.step !== prev || document.getElementById('error-summary');
  }, from);
  const refused = await page.locator('#error-summary').count();
  if (refused && (await currentStep(page)) === from) {
    throw new Error(`Next was refused on "${from}": ${await page.locator('#error-summary').innerText()}`);
  }
}

/**
 * Presses Next on a step whose required `field` is left unanswered and checks the refusal: the wizard stays on the
 * step and its error summary links to the field. Returns the summary's text.
 */
export async function expectRefused(page, slug, field) {
  await page.getByRole('button', { name: /^(Next|Done: see my results)$/ }).click();
  const summary = page.locator('#error-summary');
  await summary.waitFor();
  if ((await currentStep(page)) !== slug) throw new Error(`Next on "${slug}" was not refused without "${field}"`);
  if ((await summary.locator(`a[href="#${field}"]`).count()) !== 1) {
    throw new Error(`the error summary on "${slug}" does not link to #${field}: ${await summary.innerText()}`);
  }
  return summary.innerText();
}

/**
 * Fills every step from Welcome (or from the step on screen) and ends on the screening view.
 * When Next leaves early for the screening view (a red flag, crisis, under 18), that stop is recorded; with
 * `continueAfterStop` the remaining steps are then opened by address and filled too, so the final screening
 * sees the whole intake. A step whose required answer the intake leaves out is checked to refuse Next, then left by
 * address for the next step (recorded in `refused`).
 */
export async function driveIntake(page, intake, { continueAfterStop = false } = {}) {
  if (!(await currentStep(page))) await startIntake(page);
  const order = stepsFor(intake);
  const visited = [];
  const stops = [];
  const refused = [];
  let slug = await currentStep(page);
  while (slug) {
    visited.push(slug);
    await FILL[slug](page, intake);
    const rest = order.slice(order.indexOf(slug) + 1);
    const required = REQUIRED[slug];
    if (required && !required.given(intake)) {
      await expectRefused(page, slug, required.field);
      refused.push({ at: slug, field: required.field });
      // Every step with a required answer has a later step (the last one is "practical").
      slug = rest[0];
      await openStep(page, slug);
      continue;
    }
    await pressNext(page, slug);
    const now = await currentStep(page);
    if (now) {
      slug = now;
      continue;
    }
    const hash = await page.evaluate(() => location.hash);
    if (hash !== '#/screening') throw new Error(`Next on "${slug}" led to ${hash}`);
    if (rest.length === 0) break;
    stops.push({ after: slug, outcome: await screeningOutcome(page) });
    if (!continueAfterStop) break;
    slug = rest[0];
    await openStep(page, slug);
  }
  return { visited, stops, refused, outcome: await screeningOutcome(page) };
}

/** From the end of the intake: adds exercise on the choose view (with its consent step) and opens the plan. */
export async function planExercise(page) {
  await page.getByRole('link', { name: 'Choose therapies' }).click();
  const exercise = page.locator('.therapy-card[data-therapy="exercise"]');
  await exercise.locator('.card-action > button').click();
  await exercise.getByLabel('I have read this and will discuss it with my clinician').check();
  await exercise.getByRole('button', { name: /^Confirm and add/ }).click();
  await page.getByRole('link', { name: /Build my plan/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Your 12-week plan' }).waitFor();
}

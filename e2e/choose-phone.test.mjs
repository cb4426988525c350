// The choose view on a phone (issue 17): compact cards whose details fold behind "More about …", and a bar held at
// the bottom of the screen with the number chosen and "Build my plan". The app state is seeded into localStorage
// (the stored document format of src/store), as in views.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, axe, openWithState } from './harness.mjs';
import { PLAIN_LOW_BACK } from './intakes.mjs';

const PHONE = { viewport: { width: 360, height: 740 } };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
/** About 8 screen-heights of a 360 × 740 phone for the whole list of 25 with every card folded. */
const PHONE_PAGE_BUDGET = 5920;
const CONSENT = 'I have read this and will discuss it with my clinician';

const env = useApp('/');

/** Opens the choose view with the intake answered and waits for its cards. */
async function openChoose(contextOptions) {
  const opened = await openWithState(env, { intake: PLAIN_LOW_BACK }, '#/choose', contextOptions);
  await opened.page.getByRole('article').first().waitFor();
  return opened;
}

const bar = (page) => page.getByRole('region', { name: 'Build your plan' });
const card = (page, name) => page.getByRole('article', { name, exact: true });

/** The bar's box against the viewport: whether all of it is on screen. */
async function barOnScreen(page) {
  const box = await bar(page).boundingBox();
  const height = page.viewportSize().height;
  return box !== null && box.y >= 0 && box.y + box.height <= height + 0.5;
}

/** Adds a therapy through its consent step with the mouse. */
async function addThroughConsent(page, name) {
  const c = card(page, name);
  await c.getByRole('button', { name: `Add — ${name}`, exact: true }).click();
  await c.getByLabel(CONSENT).check();
  await c.getByRole('button', { name: /^Confirm and add/ }).click();
}

test('360 px: the 25 cards fit about 8 screen-heights folded, and the bar stays on screen at the top and the middle', async (t) => {
  const { context, page, errors } = await openChoose(PHONE);
  try {
    assert.equal(await page.getByRole('article').count(), 25, 'every therapy and supplement has a card');
    assert.equal(await page.locator('details[open]').count(), 0, 'every card starts folded');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    t.diagnostic(`choose page height at 360 × 740, every card folded: ${height} px`);
    assert.ok(height <= PHONE_PAGE_BUDGET, `page height ${height} px is over ${PHONE_PAGE_BUDGET} px`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'no horizontal scroll');
    const exercise = await card(page, 'Exercise and movement').innerText();
    assert.match(exercise, /90 min a week\s+Free/, 'time and cost at a glance; a free therapy says "Free"');
    assert.doesNotMatch(exercise, /\b0 a month/);

    assert.ok(await barOnScreen(page), 'the bar is on screen at the top of the page');
    assert.match(await bar(page).innerText(), /^None chosen yet\.\s+Add a therapy first\.\s+Build my plan$/);
    const waiting = bar(page).getByRole('button', { name: 'Build my plan' });
    assert.equal(await waiting.getAttribute('aria-disabled'), 'true', 'nothing to build yet');
    assert.equal(await page.getByRole('link', { name: /Build my plan/ }).count(), 0, 'no way on while nothing is chosen');

    await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) / 2));
    await page.waitForFunction(() => window.scrollY > 1000);
    assert.ok(await barOnScreen(page), 'the bar is on screen in the middle of the list');

    // At the end of the list the bar sits below the last card instead of covering it.
    await scrollToEnd(page);
    const lastCard = await page.getByRole('article').last().boundingBox();
    const barBox = await bar(page).boundingBox();
    assert.ok(lastCard.y + lastCard.height <= barBox.y, 'the last card ends above the bar');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('360 px: adding changes the bar to "1 chosen" and says so; the bar leads to the plan', async () => {
  const { context, page, errors } = await openChoose(PHONE);
  try {
    await addThroughConsent(page, 'Acupuncture');
    const go = bar(page).getByRole('link', { name: '1 chosen · Build my plan', exact: true });
    await go.waitFor();
    assert.equal(await bar(page).getByRole('status').innerText(), 'Acupuncture added. 1 chosen.');
    const box = await go.boundingBox();
    assert.ok(box.height >= 48, `the bar's target is ${box.height} px tall`);
    assert.ok(await barOnScreen(page), 'the bar is on screen after adding');

    await card(page, 'Acupuncture').getByRole('button', { name: /^Remove from my plan/ }).click();
    await bar(page).getByRole('button', { name: 'Build my plan' }).waitFor();
    assert.equal(await bar(page).getByRole('status').innerText(), 'Acupuncture removed. None chosen yet.');

    await addThroughConsent(page, 'Yoga');
    await bar(page).getByRole('link', { name: '1 chosen · Build my plan', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /12-week plan/ }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('360 px: "More about Acupuncture" opens the details and says it is expanded', async () => {
  const { context, page, errors } = await openChoose(PHONE);
  try {
    const acupuncture = card(page, 'Acupuncture');
    const toggle = acupuncture.getByText('More about Acupuncture');
    const provider = acupuncture.getByText('Who provides it');
    assert.ok(await provider.isHidden(), 'the details start folded');
    assert.doesNotMatch(await acupuncture.innerText(), /Licensed acupuncturist/);
    assert.equal(await expandedState(page, 'More about Acupuncture'), 'false');

    await toggle.click();
    await provider.waitFor();
    assert.match(await acupuncture.innerText(), /Licensed acupuncturist/);
    assert.match(await acupuncture.innerText(), /Typical course/);
    assert.match(await acupuncture.innerText(), /Risks and side effects/);
    assert.equal(await expandedState(page, 'More about Acupuncture'), 'true');
    assert.deepEqual(await axe(page), [], 'no violations with the details open');

    await toggle.click();
    await provider.waitFor({ state: 'hidden' });
    assert.equal(await expandedState(page, 'More about Acupuncture'), 'false');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('360 px, keyboard only: Tab to an add button, Space through the consent step, then Tab reaches the bar', async () => {
  const { context, page, errors } = await openChoose(PHONE);
  try {
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    /** Presses Tab until the focused element's text matches `pattern` (at most `limit` times). */
    const tabTo = async (pattern, limit = 300) => {
      for (let i = 0; i < limit; i += 1) {
        await page.keyboard.press('Tab');
        if (pattern.test(await focusedName())) return;
      }
      throw new Error(`Tab never reached ${pattern}`);
    };
    await tabTo(/^Add — Acupuncture$/);
    await page.keyboard.press('Space');
    assert.equal(await focusedName(), 'Before you add Acupuncture', 'focus moves to the consent step');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent), CONSENT);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    assert.match(await focusedName(), /^Confirm and add/);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Remove from my plan — Acupuncture');
    assert.equal(await bar(page).getByRole('status').innerText(), 'Acupuncture added. 1 chosen.');

    await tabTo(/^1 chosen · Build my plan$/);
    const focused = await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, href: document.activeElement.getAttribute('href') };
    });
    assert.equal(focused.href, '#/plan');
    assert.ok(focused.top >= 0 && focused.bottom <= 740, 'the focused bar is on screen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /12-week plan/ }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('1280 px: the same bar is on screen, counts, leads to the plan, and axe is clean', async () => {
  const { context, page, errors } = await openChoose(DESKTOP);
  try {
    assert.ok(await barOnScreen(page), 'the bar is on screen at the top of the page');
    await addThroughConsent(page, 'Acupuncture');
    await addThroughConsent(page, 'Yoga');
    const go = bar(page).getByRole('link', { name: '2 chosen · Build my plan', exact: true });
    await go.waitFor();
    assert.equal(await bar(page).getByRole('status').innerText(), 'Yoga added. 2 chosen.');
    assert.ok(await barOnScreen(page), 'the bar is on screen after adding');
    assert.match(await page.getByRole('region', { name: /Your choices/ }).innerText(), /Acupuncture — No safety concerns found/);
    // At the end of the list the bar covers no card: axe's target-size rule judges a button the bar covers in passing
    // as too small.
    await scrollToEnd(page);
    assert.deepEqual(await axe(page), []);
    await go.click();
    await page.getByRole('heading', { level: 1, name: /12-week plan/ }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** Scrolls to the end of the page and waits until it is there. */
async function scrollToEnd(page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1);
}

/** The expanded state the browser's accessibility tree gives the disclosure named `name` ("true" or "false"). */
async function expandedState(page, name) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const node = nodes.find((n) => n.name?.value === name && !n.ignored);
    if (!node) throw new Error(`no accessible node named ${name}`);
    const expanded = node.properties?.find((p) => p.name === 'expanded');
    return String(expanded?.value?.value ?? 'none');
  } finally {
    await cdp.detach();
  }
}

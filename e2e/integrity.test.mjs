// Subresource integrity and failing closed (docs/reliability.md, promise 13): every script, module preload, preload
// and stylesheet of the built index.html carries the sha384 of the file it names, start.js fetches the main module
// with its own, and the split loader fetches each view's pack (the view chunks, one file per view) with its own; a
// file served with one byte flipped shows the page's "could not start" message and no app, and an altered pack shows
// the view's "could not be loaded" message and none of the view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useApp, THROTTLE, VIEW_PACK } from './harness.mjs';

const env = useApp('/');
const DIST = process.env.MOSAIC_DIST || 'dist';
const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const app = readdirSync(DIST).find((f) => f.startsWith('app-'));

test('every script, module preload, preload and stylesheet in index.html carries the sha384 of its file', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g).filter((t) => /\b(src|href)=/.test(t) && !/rel="?(icon|manifest)/.test(t)
    && !/data-trunk/.test(t));
  const found = tags.map((tag) => {
    const path = tag.match(/\b(?:src|href)="?\.?\/?([^"\s>]+)/)[1];
    const integrity = tag.match(/\bintegrity="?([^"\s>]+)/)?.[1];
    return [path, integrity === sha384(readFileSync(join(DIST, path)))];
  });
  assert.deepEqual(found.map(([p]) => p).sort(), [
    `${app}/__wasm_split.js`, `${app}/mosaic.js`, `${app}/mosaic_bg.wasm`, `${app}/start.js`,
    ...readdirSync(DIST).filter((f) => f.endsWith('.css')),
  ].sort(), 'the tags the page loads');
  assert.deepEqual(found.filter(([, ok]) => !ok), [], 'every integrity matches its file');
  const start = readFileSync(join(DIST, app, 'start.js'), 'utf8');
  assert.ok(start.includes(sha384(readFileSync(join(DIST, app, 'mosaic_bg.wasm')))), 'start.js fetches the wasm with its sha384');
});

/** The views' packs of the build (scripts/wasm-app.mjs), each read by its layout: its bytes, where its modules start
 *  and the [offset, length] of each module after that. */
const packs = () => readdirSync(join(DIST, app)).filter((f) => VIEW_PACK.test(f)).sort().map((file) => {
  const bytes = readFileSync(join(DIST, app, file));
  const length = bytes.readUInt32LE(0);
  return { file, bytes, start: 4 + length, index: JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) };
});
const moduleOf = (pack, name) => pack.bytes.subarray(pack.start + pack.index[name][0], pack.start + pack.index[name][0] + pack.index[name][1]);
const SETTINGS = 'split_settings_chunk.wasm';

test('the split loader fetches each view\'s pack with its sha384, and the packs hold every chunk the loader asks for', () => {
  const loader = readFileSync(join(DIST, app, '__wasm_split.js'), 'utf8');
  const all = packs();
  assert.ok(all.length >= 17, `a pack per view (${all.map((p) => p.file).join(', ')})`);
  assert.ok(all.some((p) => p.file === 'pack-intake.wasm'), 'the intake has a pack of its own');
  const unhashed = all.filter((p) => !loader.includes(`"${p.file}":"${sha384(p.bytes)}"`)).map((p) => p.file);
  assert.deepEqual(unhashed, [], 'packs the loader does not fetch with their sha384');
  // The loader is minified, so its chunks are found by their names, which it keeps as strings.
  const asked = [...new Set([...loader.matchAll(/"((?:chunk|split)_\w+\.wasm)"/g)].map((m) => m[1]))].sort();
  assert.ok(asked.length >= 19 && asked.includes(SETTINGS), `the loader asks for the view chunks (${asked.length})`);
  const packed = all.flatMap((p) => Object.keys(p.index)).sort();
  assert.deepEqual(packed, asked, 'the packs hold exactly the chunks the loader asks for, each once');
  const invalid = all.flatMap((p) => Object.keys(p.index).filter((name) => !WebAssembly.validate(moduleOf(p, name))));
  assert.deepEqual(invalid, [], 'every module in a pack is valid WebAssembly');
  assert.deepEqual(readdirSync(join(DIST, app)).filter((f) => f.endsWith('.wasm') && !VIEW_PACK.test(f)), ['mosaic_bg.wasm'],
    'no chunk is left beside the packs to be fetched on its own');
  assert.ok(!/fetch\(new URL\("\.\/(chunk|split)_/.test(loader), 'no chunk is fetched by name alone');
});

// The pack that holds the Settings chunk, altered two ways. The first still reads as a pack with every module
// intact (the bytes after its last module belong to none), so only the integrity check can stop it; the second
// changes the Settings chunk itself.
const settingsPack = packs().find((p) => SETTINGS in p.index);
const ALTERED = [
  ['bytes added after its last module', (body) => Buffer.concat([body, Buffer.from([0x00, 0x05, 0x04, 0x6d, 0x6f, 0x64, 0x73])])],
  ['one byte flipped in the Settings chunk', (body) => {
    const { start, index } = settingsPack;
    const out = Buffer.from(body);
    out[start + index[SETTINGS][0] + (index[SETTINGS][1] >> 1)] ^= 0x01;
    return out;
  }],
].map(([what, alter]) => [settingsPack.file, `the pack holding Settings (${settingsPack.file}) with ${what}`, alter]);
for (const [file, what, alter] of ALTERED) {
  test(`${what}: Settings says it could not be loaded and shows none of itself`, async () => {
    const context = await env.browser.newContext();
    try {
      let served = 0;
      await context.route((url) => url.pathname.endsWith(`/${file}`), async (route) => {
        const response = await route.fetch();
        const body = alter(Buffer.from(await response.body()));
        served += 1;
        await route.fulfill({ response, body });
      });
      const page = await context.newPage();
      await page.goto(`${env.site.url}#/settings`);
      await page.getByRole('heading', { level: 1, name: 'This part of Mosaic could not be loaded' }).waitFor({ timeout: 15_000 * THROTTLE });
      assert.ok(served >= 1, 'the altered file was served');
      assert.equal(await page.getByRole('heading', { name: 'Settings' }).count(), 0, 'no Settings heading');
      assert.equal(await page.getByRole('button', { name: 'Download a backup' }).count(), 0, 'none of Settings');
      // The rest of the app still works: the start page is one link away.
      await page.getByRole('link', { name: 'Back to the start' }).click();
      await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'could not be loaded' }).waitFor({ timeout: 15_000 * THROTTLE });
    } finally {
      await context.close();
    }
  });
}

// The first view's stylesheet blocks the first paint; the views' stylesheets are preloaded and applied by start.js.
const cssFile = (name) => readdirSync(DIST).find((f) => f.startsWith(`${name}-`) && f.endsWith('.css'));
/** The stylesheet a tag or address names (`views` for `./views-<hash>.css`). */
const cssName = (text) => text.match(/([a-z]+)-[0-9a-f]{16}\.css/)[1];
for (const file of ['start.js', 'mosaic.js', '__wasm_split.js', 'mosaic_bg.wasm', cssFile('main'), cssFile('views')]) {
  test(`${file} served with one byte flipped: the page says Mosaic could not start, and no app appears`, async () => {
    const context = await env.browser.newContext();
    try {
      let served = 0;
      await context.route((url) => url.pathname.endsWith(`/${file}`), async (route) => {
        const response = await route.fetch();
        const body = Buffer.from(await response.body());
        body[body.length >> 1] ^= 0x01;
        served += 1;
        await route.fulfill({ response, body });
      });
      const page = await context.newPage();
      await page.goto(env.site.url);
      await page.locator('.boot-failed').waitFor({ state: 'visible', timeout: 15_000 * THROTTLE });
      assert.ok(served >= 1, 'the altered file was served');
      assert.equal(await page.locator('#main').count(), 0, 'no app UI');
      assert.match(await page.locator('.boot-failed').innerText(), /could not start/);
    } finally {
      await context.close();
    }
  });
}

test('the first paint waits for one stylesheet only, and the app draws nothing before every stylesheet applies', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const blocking = html.match(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g) ?? [];
  assert.equal(blocking.length, 1, `one blocking stylesheet: ${blocking.join(' ')}`);
  assert.ok(blocking[0].includes(cssFile('main')), 'and it is the first view\'s (style/main.css)');
  const preloaded = (html.match(/<link\b[^>]*\bas="?style"?[^>]*>/g) ?? []).map(cssName);
  assert.deepEqual(preloaded.sort(), ['kiosk', 'rules', 'store', 'views', 'wizard'], 'the views\' stylesheets are preloaded');

  const context = await env.browser.newContext();
  try {
    // Records, when the app's frame first enters the page, which stylesheets apply at that moment.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.getElementById('main')) return;
        observer.disconnect();
        window.sheetsAtFirstDraw = [...document.styleSheets].map((s) => s.href);
      }).observe(document, { childList: true, subtree: true });
    });
    // The views' stylesheet is held back until the wasm has arrived and the page has gone idle, the time the app
    // would have drawn without it; the page paints its boot message meanwhile.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await context.route((url) => url.pathname.endsWith(`/${cssFile('views')}`), async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    const wasm = page.waitForResponse((r) => r.url().endsWith('/mosaic_bg.wasm'), { timeout: 15_000 * THROTTLE });
    // Not to "load": the held stylesheet holds the page's load event back too.
    await page.goto(env.site.url, { waitUntil: 'commit' });
    await page.getByText('Mosaic is starting…').waitFor({ timeout: 15_000 * THROTTLE });
    await (await wasm).finished();
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    release();
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 15_000 * THROTTLE });
    const atFirstDraw = (await page.evaluate(() => window.sheetsAtFirstDraw)).map(cssName).sort();
    assert.deepEqual(atFirstDraw, ['kiosk', 'main', 'rules', 'store', 'views', 'wizard'], 'every stylesheet applies before the app draws');
  } finally {
    await context.close();
  }
});

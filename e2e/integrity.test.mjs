// Subresource integrity and failing closed (docs/reliability.md, promise 13): every script, module preload, preload
// and stylesheet of the built index.html carries the sha384 of the file it names, and start.js fetches the main
// module with its own; a file served with one byte flipped shows the page's "could not start" message and no app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useApp, THROTTLE } from './harness.mjs';

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

const css = readdirSync(DIST).find((f) => f.startsWith('views-') && f.endsWith('.css'));
for (const file of ['start.js', 'mosaic.js', '__wasm_split.js', 'mosaic_bg.wasm', css]) {
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

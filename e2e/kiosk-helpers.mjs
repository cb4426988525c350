// Helpers for the kiosk privacy tests (e2e/kiosk-privacy.test.mjs) and the kiosk soak (bench/kiosk-soak.mjs): setting
// a kiosk up through Settings, sessions, and the places a previous patient's words could survive a reset (the JS heap,
// the WebAssembly linear memory, the Cache Storage, Web Storage).
import { THROTTLE } from './harness.mjs';

export const PIN = '246810';
export const START_HEADING = /while you wait/;

/** Turns the page's context into a kiosk through Settings, as clinic staff would, and waits for the start screen. */
export async function turnOnKiosk(page, url, { idle = 120 } = {}) {
  await page.goto(`${url}#/settings`);
  await page.getByLabel('Staff PIN (6 to 12 digits)').fill(PIN);
  await page.getByLabel('Staff PIN again').fill(PIN);
  await page.getByLabel('Idle time before the countdown (seconds)').fill(String(idle));
  await page.getByRole('button', { name: 'Turn on kiosk mode' }).click();
  await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();
}

/** Starts a patient's session from the start screen. */
export async function startSession(page) {
  await page.getByRole('link', { name: 'Start' }).click();
  await page.locator('section.wizard[data-step="pain"]').waitFor();
}

/** Opens an in-app address the way a kiosk link does (replacing the history entry). */
export async function openKioskView(page, hash, ready) {
  await page.evaluate((h) => location.replace(h), hash);
  await page.locator(ready).waitFor();
}

/** Finish → "Yes, finish and clear"; resolves once the NEW page shows "Your answers have been cleared" (its start
 *  screen follows 4 s later). Returns the time of the confirming click (Date.now() in this process). */
export async function finishSession(page) {
  await page.getByRole('button', { name: 'Finish' }).click();
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Yes, finish and clear' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your answers have been cleared. Thank you.' }).waitFor();
  return clicked;
}

/** Every free-text field a kiosk patient can reach, with the text typed into it (`tag` makes each distinct). */
export function freeTextFields(tag) {
  return [
    { hash: '#/intake/medicines', ready: 'section.wizard[data-step="medicines"]', label: 'Look up a medicine by name (optional)', text: `${tag}-medicine` },
    { hash: '#/intake/values', ready: 'section.wizard[data-step="values"]', label: 'What matters most to you in your life right now?', text: `Gardening ${tag}-matters` },
    { hash: '#/intake/values', ready: 'section.wizard[data-step="values"]', label: 'Your goals, up to three', text: `Walk to the shop ${tag}-goal` },
    { hash: '#/flare', ready: 'section.flare', label: 'What tells you a flare is starting?', text: `${tag}-signs` },
    { hash: '#/flare', ready: 'section.flare', label: 'What else helps you through a flare?', text: `${tag}-helps` },
    { hash: '#/flare', ready: 'section.flare', label: 'What will you reduce or pause for a few days?', text: `${tag}-reduce` },
    { hash: '#/flare', ready: 'section.flare', label: 'Who will you call?', text: `${tag}-contacts` },
  ];
}

/** Types `tag` (inside a short phrase) into every free-text field of a kiosk session, as a patient would (key
 *  presses, so every input event reaches the app), and checks each field holds it. */
export async function typeEverywhere(page, tag) {
  let at = '';
  for (const f of freeTextFields(tag)) {
    if (f.hash !== at) {
      await openKioskView(page, f.hash, f.ready);
      at = f.hash;
    }
    const field = page.getByLabel(f.label, { exact: true });
    await field.fill('');
    await field.pressSequentially(f.text);
    const value = await field.inputValue();
    if (value !== f.text) throw new Error(`"${f.label}" holds ${JSON.stringify(value)}, not the typed text`);
  }
}

/** A heap snapshot of the page's renderer, after a forced garbage collection, as one string (the snapshot JSON). */
export async function heapSnapshot(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const chunks = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
    await cdp.send('HeapProfiler.disable');
    const text = chunks.join('');
    if (!text.startsWith('{"snapshot":')) throw new Error(`not a heap snapshot: ${text.slice(0, 80)}`);
    return text;
  } finally {
    await cdp.detach();
  }
}

/** How many DOM nodes in a heap snapshot are detached: DevTools shows them as "Detached <tag>". Chromium 156 names
 *  them by their markup (`<div class="…">`) and marks them with detachedness 2 (older versions put "Detached " in the
 *  name itself); both are counted. */
export function detachedNodes(snapshotText) {
  const snap = JSON.parse(snapshotText);
  const fields = snap.snapshot.meta.node_fields;
  const nameAt = fields.indexOf('name');
  const detachedAt = fields.indexOf('detachedness');
  const step = fields.length;
  let n = 0;
  for (let i = 0; i < snap.nodes.length; i += step) {
    if ((detachedAt >= 0 && snap.nodes[i + detachedAt] === 2) || snap.strings[snap.nodes[i + nameAt]].startsWith('Detached ')) n += 1;
  }
  return n;
}

/**
 * Which of `needles` (ASCII strings) the page's WebAssembly linear memory holds, as UTF-8 bytes. The memory is the
 * one the app's wasm-bindgen glue (`mosaic.js`) exports: importing the glue again gives the same module instance,
 * whose `initSync()` returns the running instance's exports. The needles go to the page as byte values only, so this
 * check puts no needle string into the page's JS heap. Also returns the memory's size.
 */
export async function wasmMemoryHolds(page, needles) {
  const bytes = needles.map((s) => [...Buffer.from(s, 'utf8')]);
  const result = await page.evaluate(async (patterns) => {
    const glueUrl = document.querySelector('link[rel="modulepreload"][href$="/mosaic.js"]')?.href;
    if (!glueUrl) throw new Error('no modulepreload of mosaic.js in the page');
    const glue = await import(glueUrl);
    const memory = glue.initSync().memory;
    if (!(memory instanceof WebAssembly.Memory)) throw new Error('the glue exports no WebAssembly.Memory');
    const mem = new Uint8Array(memory.buffer);
    const found = patterns.map((p) => {
      for (let at = mem.indexOf(p[0]); at !== -1; at = mem.indexOf(p[0], at + 1)) {
        let k = 1;
        while (k < p.length && mem[at + k] === p[k]) k += 1;
        if (k === p.length) return true;
      }
      return false;
    });
    return { found, size: mem.byteLength };
  }, bytes);
  return { holds: needles.filter((_, i) => result.found[i]), size: result.size };
}

/** Every Cache Storage entry (cache name, request URL, response body as text) and Web Storage, read in the page. */
export async function pageStores(page) {
  return page.evaluate(async () => {
    const cached = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        cached.push({ name, url: request.url, body: await response.text() });
      }
    }
    return {
      cacheNames: await caches.keys(),
      cached,
      local: Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]),
      session: Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)]),
    };
  });
}

/** A bigger timeout when Chromium's CPU is throttled. */
export const ms = (n) => n * THROTTLE;

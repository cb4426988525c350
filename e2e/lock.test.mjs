// The passphrase lock (docs/reliability.md, "Encryption at rest"; acceptance test 17), driven through Settings in
// the release build: with the lock on nothing a person typed and no field name is in storage, every save has a
// new IV, a reload asks for the passphrase, a wrong one changes no byte, the right one brings everything back;
// "Lock now" and a while without use both lock, and no CryptoKey is left in the page's heap; turning the lock off
// saves in clear again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openApp, axe, focusedId, THROTTLE } from './harness.mjs';

const env = useApp();
const SENTINEL = 'Lockbox sentinel 4471';
const PASSPHRASE = 'willow kettle marble';
// Names of fields inside the document's data: none may be readable in storage while the lock is on.
const FIELD_NAMES = ['crisis_line', 'intake', 'settings', 'choices', 'check_ins', 'large_text'];
// PBKDF2 at 600,000 iterations takes a while on a slow machine.
const CRYPTO_WAIT = 30_000 * THROTTLE;

/** Every `mosaic/` key in localStorage with its value. */
async function stored(page) {
  return page.evaluate(() => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith('mosaic/')).map((k) => [k, localStorage.getItem(k)]),
  ));
}

/** The sealed record of the stored document (fails the test if the document is not sealed). */
async function sealedRecord(page) {
  const raw = await page.evaluate(() => localStorage.getItem('mosaic/doc'));
  const doc = JSON.parse(raw);
  assert.ok(doc.sealed, `the stored document is sealed: ${raw.slice(0, 120)}`);
  assert.equal(doc.data, undefined, 'no plain data beside the sealed part');
  return doc.sealed;
}

/** Types the crisis line in Settings and waits until a save holds it (in clear: the lock is still off). */
async function typeCrisisLine(page, text) {
  await page.getByLabel(/Crisis line to show/).fill(text);
}

/** Turns the lock on in Settings and waits until the sealed document is stored. */
async function turnLockOn(page, minutes = '5') {
  await page.getByLabel('New passphrase').fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByLabel('Lock after this long without use').selectOption(minutes);
  await page.getByLabel(/I understand that if I forget the passphrase/).check();
  await page.getByRole('button', { name: 'Turn the lock on' }).click();
  await page.waitForSelector('[data-lock="on"]', { timeout: CRYPTO_WAIT });
  await page.waitForFunction(() => (localStorage.getItem('mosaic/doc') || '').includes('"sealed"'), null, { timeout: CRYPTO_WAIT });
}

/** How many CryptoKey objects a heap snapshot holds (objects, not the global `CryptoKey` interface's name). */
function cryptoKeys(snapshotText) {
  const snap = JSON.parse(snapshotText);
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt] = [fields.indexOf('type'), fields.indexOf('name')];
  let count = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    if (types[snap.nodes[i + typeAt]] === 'object' && snap.strings[snap.nodes[i + nameAt]] === 'CryptoKey') count += 1;
  }
  return count;
}

/** A heap snapshot of the page after a forced garbage collection, as one string. */
async function heapSnapshot(page) {
  const cdp = await page.context().newCDPSession(page);
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    await cdp.detach();
  }
  return chunks.join('');
}

test('with the lock on, storage holds no answer and no field name, each save has a new IV, and only the right passphrase opens it', async () => {
  const { context, page, problems } = await openApp(env.browser, `${env.site.url}#/settings`);
  try {
    await typeCrisisLine(page, SENTINEL);
    await page.waitForFunction((s) => (localStorage.getItem('mosaic/doc') || '').includes(s), SENTINEL);
    await turnLockOn(page);
    const all = await stored(page);
    for (const [key, value] of Object.entries(all)) {
      assert.ok(!value.includes('Lockbox'), `${key} holds the typed text in clear`);
      for (const name of FIELD_NAMES) assert.ok(!value.includes(`"${name}"`), `${key} holds the field name ${name}`);
    }
    const first = await sealedRecord(page);
    assert.equal(first.kdf, 'PBKDF2-SHA256');
    assert.ok(first.iter >= 600000, `iterations ${first.iter}`);

    // Another change is saved sealed again, under a new IV.
    await typeCrisisLine(page, `${SENTINEL} and more`);
    await page.waitForFunction((iv) => {
      const doc = JSON.parse(localStorage.getItem('mosaic/doc'));
      return doc.sealed && doc.sealed.iv !== iv;
    }, first.iv, { timeout: CRYPTO_WAIT });
    assert.ok(!(await page.evaluate(() => localStorage.getItem('mosaic/doc'))).includes('Lockbox'));

    // A reload shows only the passphrase screen.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mosaic is locked' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Settings' }).count(), 0, 'no way around the lock');
    assert.ok(!(await page.content()).includes('Lockbox'), 'nothing of the document on the page');
    assert.deepEqual(await axe(page), []);

    // A wrong passphrase: a clear message, and not one stored byte changes.
    const before = await stored(page);
    await page.getByLabel('Passphrase').fill('willow kettle marbles');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('alert').filter({ hasText: 'Could not unlock' }).waitFor({ timeout: CRYPTO_WAIT });
    assert.deepEqual(await stored(page), before);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Mosaic is locked');

    // The right one brings the view and the answers back.
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor({ timeout: CRYPTO_WAIT });
    assert.equal(await focusedId(page, 'view-heading'), 'view-heading', 'focus lands on the opened view');
    assert.equal(await page.getByLabel(/Crisis line to show/).inputValue(), `${SENTINEL} and more`);
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('"Lock now" locks at once and leaves no CryptoKey in the page; a while without use locks too', async () => {
  const { context, page, problems } = await openApp(env.browser, `${env.site.url}#/settings`);
  try {
    await typeCrisisLine(page, SENTINEL);
    await turnLockOn(page);
    // The snapshot search can find a key: while unlocked the page holds one.
    assert.ok(cryptoKeys(await heapSnapshot(page)) >= 1, 'an unlocked page holds its key');
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mosaic is locked' }).waitFor();
    const after = await heapSnapshot(page);
    assert.equal(cryptoKeys(after), 0, 'no CryptoKey after locking');
    assert.ok(!after.includes('Lockbox'), 'nothing typed left in the heap after locking');
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }

  // Idle: a page clock runs a minute and a bit without any use.
  const idle = await env.browser.newContext();
  try {
    const page = await idle.newPage();
    await page.clock.install();
    await page.goto(`${env.site.url}#/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await typeCrisisLine(page, SENTINEL);
    await turnLockOn(page, '1');
    await page.clock.runFor(50_000);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Settings', 'not locked before the minute');
    await page.clock.runFor(25_000);
    await page.getByRole('heading', { level: 1, name: 'Mosaic is locked' }).waitFor();
  } finally {
    await idle.close();
  }
});

test('turning the lock off needs the passphrase, then saves in clear again', async () => {
  const { context, page, problems } = await openApp(env.browser, `${env.site.url}#/settings`);
  try {
    await typeCrisisLine(page, SENTINEL);
    await turnLockOn(page);
    await page.getByLabel('Your passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Turn the lock off' }).click();
    await page.getByRole('alert').filter({ hasText: 'The lock is still on' }).waitFor({ timeout: CRYPTO_WAIT });
    await sealedRecord(page);
    await page.getByLabel('Your passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Turn the lock off' }).click();
    await page.waitForSelector('[data-lock="off"]', { timeout: CRYPTO_WAIT });
    await page.waitForFunction((s) => (localStorage.getItem('mosaic/doc') || '').includes(s), SENTINEL);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    assert.equal(await page.getByLabel(/Crisis line to show/).inputValue(), SENTINEL);
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('with the lock on, a backup is encrypted with the passphrase, and restoring it asks for that passphrase', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  try {
    const page = await context.newPage();
    await page.goto(`${env.site.url}#/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await typeCrisisLine(page, SENTINEL);
    await turnLockOn(page);
    const encrypt = page.getByLabel('Encrypt the backup with my passphrase');
    assert.equal(await encrypt.isChecked(), true, 'encrypted by default while the lock is on');
    const download = async () => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download a backup' }).click(),
      ]);
      return { name: file.suggestedFilename(), path: await file.path() };
    };
    const sealedFile = await download();
    assert.match(sealedFile.name, /^mosaic-backup-.*-encrypted\.json$/);
    const text = await readFile(sealedFile.path, 'utf8');
    const parsed = JSON.parse(text);
    assert.equal(parsed.format, 'mosaic-backup');
    assert.equal(parsed.data, undefined, 'no plain data in the file');
    assert.equal(parsed.sealed.kdf, 'PBKDF2-SHA256');
    assert.equal(parsed.sealed.iter, 600000);
    assert.ok(!text.includes(SENTINEL), 'the typed text is not readable in the file');
    for (const name of FIELD_NAMES) assert.ok(!text.includes(name), `the field name ${name} is not readable in the file`);
    // Unticked, the backup is in clear, for a person who wants it so.
    await encrypt.uncheck();
    const plainFile = await download();
    assert.ok((await readFile(plainFile.path, 'utf8')).includes(SENTINEL), 'unticked: a backup in clear');

    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByRole('link', { name: 'Start planning' }).waitFor();
    await page.getByLabel('Restore a backup').setInputFiles(sealedFile.path);
    const field = page.getByLabel('Passphrase of this backup');
    await field.waitFor();
    assert.deepEqual(await axe(page), [], 'no violations with the passphrase form open');
    assert.equal(await page.getByText('This backup holds').count(), 0, 'nothing shown before the passphrase');
    await field.fill('not the passphrase');
    await page.getByRole('button', { name: 'Open this backup' }).click();
    await page.getByRole('alert').filter({ hasText: 'That passphrase does not open this backup. Nothing was changed' })
      .waitFor({ timeout: CRYPTO_WAIT });
    assert.equal(await page.evaluate(() => localStorage.getItem('mosaic/doc')), null, 'a wrong passphrase changes nothing');
    await field.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Open this backup' }).click();
    await page.getByText('This backup holds').waitFor({ timeout: CRYPTO_WAIT });
    assert.equal(await page.evaluate(() => localStorage.getItem('mosaic/doc')), null, 'nothing changes before confirming');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.waitForURL(/#\/screening/);
    await page.waitForFunction((s) => (localStorage.getItem('mosaic/doc') || '').includes(s), SENTINEL);
  } finally {
    await context.close();
  }
});

// The static server behind the serve command and the tests: hostile or broken URLs get 400/404, never a crash, and
// never a file outside the served folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { serve } from '../scripts/static-server.mjs';

let dir;
let site;

/** A raw GET of `path` exactly as written (no client-side normalisation of `..` or escapes). */
function get(path) {
  const { hostname, port } = new URL(site.url);
  return new Promise((ok, fail) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => ok({ status: res.statusCode, body }));
    });
    req.on('error', fail);
    // A server that crashed or dropped the request must fail the test, not hang it.
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to GET ${path} within 5 s`)));
    req.end();
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mosaic-server-'));
  mkdirSync(join(dir, 'dist'));
  mkdirSync(join(dir, 'dist-secret'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<title>app</title>');
  writeFileSync(join(dir, 'dist-secret', 'secret.txt'), 'SECRET-SENTINEL');
  writeFileSync(join(dir, 'outside.txt'), 'OUTSIDE-SENTINEL');
  site = await serve({ root: join(dir, 'dist') });
});

after(() => {
  site?.server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a malformed escape answers 400 and the server keeps serving', async () => {
  assert.equal((await get('/%E0%A4%A')).status, 400);
  assert.equal((await get('/%')).status, 400);
  const next = await get('/');
  assert.equal(next.status, 200);
  assert.match(next.body, /<title>app<\/title>/);
});

test('no path escapes the served folder, however it is spelled', async () => {
  for (const path of [
    '/..%2fdist-secret/secret.txt',
    '/..%2Fdist-secret%2Fsecret.txt',
    '/%2e%2e/dist-secret/secret.txt',
    '/..%5cdist-secret%5csecret.txt',
    '/..%2f..%2foutside.txt',
    '/..%2foutside.txt',
  ]) {
    const res = await get(path);
    assert.equal(res.status, 404, `${path} answered ${res.status}`);
    assert.doesNotMatch(res.body, /SENTINEL/, `${path} leaked a file outside the root`);
  }
});

test('a NUL byte answers 400', async () => {
  assert.equal((await get('/index.html%00.txt')).status, 400);
});

test('with gzip, text and wasm go compressed to a client that accepts it, and as stored to one that does not', async () => {
  const page = '<title>app</title>'.repeat(50);
  writeFileSync(join(dir, 'dist', 'page.html'), page);
  writeFileSync(join(dir, 'dist', 'icon.png'), Buffer.alloc(400, 7));
  const gz = await serve({ root: join(dir, 'dist'), gzip: true });
  const { hostname, port } = new URL(gz.url);
  const fetchRaw = (path, headers) => new Promise((ok, fail) => {
    request({ hostname, port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
  try {
    const zipped = await fetchRaw('/page.html', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers.vary, 'accept-encoding');
    assert.ok(zipped.body.length < page.length / 5, `compressed to ${zipped.body.length} of ${page.length} bytes`);
    assert.equal(gunzipSync(zipped.body).toString('utf8'), page);
    const plain = await fetchRaw('/page.html', {});
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString('utf8'), page);
    const png = await fetchRaw('/icon.png', { 'accept-encoding': 'gzip' });
    assert.equal(png.headers['content-encoding'], undefined, 'a PNG is already compressed');
    assert.equal(png.body.length, 400);
  } finally {
    gz.server.close();
  }
});

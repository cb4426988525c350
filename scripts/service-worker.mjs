// The service worker of a release build, written by the post-build step (scripts/wasm-app.mjs) with this build's
// file list in it, so every build has a byte-different worker and the browser notices an update.
//
// What the worker does, and never does:
// - On install it caches this build: the page, its stylesheets, public/ and the whole app-<hash>/ folder (the first
//   visit's files and every view chunk), in a cache named after the build.
// - Hashed files are answered from that cache first (their names change with their contents); the page itself goes
//   to the network first and falls back to the cache, so a new build is seen as soon as there is a connection.
// - On activate it deletes the caches of older builds. It never answers, caches or reads anything outside its own
//   scope (the folder the page is served from), never anything but a GET of a file of this build or the page, and
//   never the person's data: that lives in localStorage, which a worker cannot reach.
// - A new version waits: it takes over only when the page asks (the "Update now" banner), after the page has saved.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file of the build in `root` the worker caches, as sorted paths relative to the page (`./…`): all but the
 *  page itself (cached as `./`) and the worker. */
export function buildFiles(root) {
  const files = [];
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), `${path}/`);
      else if (path !== 'sw.js' && path !== 'index.html') files.push(`./${path}`);
    }
  };
  walk(root, '');
  return files.sort();
}

/** The worker's source for build `build` (the app folder's name) with `files`, paths relative to the page. */
export function serviceWorker(build, files) {
  return `// Mosaic's service worker for ${build}; written by scripts/service-worker.mjs at build time.
const CACHE = 'mosaic-${build}';
const FILES = ${JSON.stringify(files)};
const SCOPE = new URL(self.registration.scope);
const PAGE = new URL('./', SCOPE).href;
const INDEX = new URL('./index.html', SCOPE).href;
const CACHED = new Set(FILES.map((f) => new URL(f, SCOPE).href));

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...FILES, './'])));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith('mosaic-') && n !== CACHE).map((n) => caches.delete(n)));
    // The first worker takes the open page at once, so it keeps working offline without a reload.
    if (names.filter((n) => n.startsWith('mosaic-')).length <= 1) await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'mosaic-update-now') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  if (url.href === PAGE || url.href === INDEX) {
    event.respondWith(fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put('./', copy));
      }
      return response;
    }).catch(async () => (await caches.match('./', { cacheName: CACHE })) ?? Response.error()));
    return;
  }
  if (!CACHED.has(url.href)) return;
  event.respondWith(caches.match(url.href, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
});
`;
}

// A tiny static file server for dist/: used by the serve command and by the end-to-end tests.
// It can mount the app under a sub-path (e.g. /clinic/tools/mosaic/) to prove dist/ needs no server config.
// With `gzip` it compresses text and wasm for clients that accept it, as any real host does (the serve command and the
// benchmarks); the end-to-end tests read and alter bodies on the way, so they get them as stored.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// What compresses: everything but the PNG icons.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt']);

/** Starts serving `root` at `http://host:port{base}`; resolves to { server, url, requests }. */
export function serve({ root = 'dist', host = '127.0.0.1', port = 0, base = '/', gzip = false } = {}) {
  const rootDir = resolve(root);
  // Compressed once per file and modification time: gzip -9 of the main wasm takes tens of milliseconds.
  const compressed = new Map();
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const requests = [];
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      // A malformed escape (e.g. `%E0%A4%A`) is the client's error; it must never take the server down.
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    requests.push(path);
    if (path.includes('\0')) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let rel = path.slice(prefix.length) || 'index.html';
    const file = normalize(join(rootDir, rel));
    // Compare whole path segments: a bare prefix test would let `/../dist-secret/x` through for a root `dist`.
    if (file !== rootDir && !file.startsWith(rootDir + sep)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      const info = await stat(file);
      const target = info.isDirectory() ? join(file, 'index.html') : file;
      let body = await readFile(target);
      const headers = {
        'content-type': TYPES[extname(target)] || 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      };
      if (gzip && COMPRESSIBLE.has(extname(target))) {
        headers.vary = 'accept-encoding';
        if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
          const key = `${target}@${info.isDirectory() ? (await stat(target)).mtimeMs : info.mtimeMs}`;
          if (!compressed.has(key)) compressed.set(key, gzipSync(body, { level: 9 }));
          body = compressed.get(key);
          headers['content-encoding'] = 'gzip';
        }
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({ server, url: `http://${host}:${p}${prefix}`, requests });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080', base = '/'] = process.argv.slice(2);
  serve({ root, port: Number(port), base, gzip: true }).then(({ url }) => {
    console.log(`Mosaic is served at ${url} (Ctrl+C to stop)`);
  }, (err) => {
    console.error(`Could not serve ${root} on port ${port}: ${err.message}`);
    process.exit(1);
  });
}

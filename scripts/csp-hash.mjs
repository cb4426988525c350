// Trunk post_build hook: hashes every inline <script> of the staged index.html and writes the hashes into the
// Content-Security-Policy placeholder, so the strict policy allows exactly Trunk's loader and nothing else.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('csp-hash: TRUNK_STAGING_DIR is not set (run as a Trunk hook, or pass the folder)');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
if (!html.includes('CSP_LOADER_HASH')) {
  console.error('csp-hash: placeholder CSP_LOADER_HASH not found in index.html');
  process.exit(1);
}
if (hashes.length === 0) {
  console.error('csp-hash: no inline script found; Trunk output changed, check the loader');
  process.exit(1);
}
html = html.replace('CSP_LOADER_HASH', hashes.join(' '));
writeFileSync(file, html);
console.log(`csp-hash: ${hashes.length} inline script hash(es) added to the CSP`);

// Prints raw and gzip bytes of every file in dist/ and the total a first visit downloads
// (index.html plus everything it references), with a verdict against the 250 KB gzip budget. Over budget it
// says so loudly; SIZE_STRICT=1 makes that an error (the README records the figure either way).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] || 'dist';
const BUDGET = 250 * 1024;
const AIM = 150 * 1024;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const files = walk(dist).sort();
const sizes = new Map();
for (const f of files) {
  const buf = readFileSync(f);
  sizes.set(relative(dist, f), { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = new Set(['index.html']);
for (const m of html.matchAll(/\b(?:href|src)="\.?\/?([^"#?]+)"/g)) {
  if (sizes.has(m[1])) referenced.add(m[1]);
}
for (const m of html.matchAll(/from '\.\/([^']+)'|module_or_path: '\.\/([^']+)'/g)) {
  const name = m[1] || m[2];
  if (sizes.has(name)) referenced.add(name);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('Size report for', dist);
console.log('file'.padEnd(48), 'raw'.padStart(10), 'gzip'.padStart(10), ' first visit');
for (const [name, s] of sizes) {
  console.log(name.padEnd(48), kb(s.raw).padStart(10), kb(s.gzip).padStart(10), referenced.has(name) ? ' yes' : '');
}
let raw = 0;
let gz = 0;
for (const name of referenced) {
  raw += sizes.get(name).raw;
  gz += sizes.get(name).gzip;
}
console.log(`first visit: ${referenced.size} files, ${kb(raw)} raw, ${kb(gz)} gzip (budget ${kb(BUDGET)}, aim ${kb(AIM)})`);
if (![...referenced].some((n) => n.endsWith('.wasm'))) {
  console.error('size-report: no .wasm referenced from index.html — the report would be meaningless');
  process.exit(1);
}
if (gz > BUDGET) {
  console.log(`OVER BUDGET: first visit ${kb(gz)} gzip is over the ${kb(BUDGET)} budget (DESIGN §6)`);
  if (process.env.SIZE_STRICT === '1') process.exit(1);
} else {
  console.log(`within budget${gz <= AIM ? ' and aim' : ''}`);
}

// Prints raw and gzip bytes of every file in dist/ and the total a first visit downloads
// (index.html plus everything it references and imports), with a verdict against the 250 KB gzip budget. Over budget it
// says so loudly; SIZE_STRICT=1 makes that an error (the README records the figure either way).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
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
// The first visit is index.html plus everything it links, and, recursively, every module those scripts import
// statically. The views' packs (app-*/pack-<view>.wasm, the view chunks packed by scripts/wasm-app.mjs) are fetched
// only after the first render, so they are reported separately.
const referenced = new Set(['index.html']);
const queue = ['index.html'];
while (queue.length > 0) {
  const name = queue.pop();
  const text = readFileSync(join(dist, name), 'utf8');
  // A release index.html is minified: attribute values may come without quotes.
  const pattern = name.endsWith('.html')
    ? /\b(?:href|src)=(?:"([^"#?]+)"|([^\s"'>#?]+))/g
    : /\b(?:import|from)\s*["']([^"']+)["']/g;
  for (const m of text.matchAll(pattern)) {
    const ref = m[1] ?? m[2];
    if (/^[a-z]+:/.test(ref)) continue;
    const file = normalize(join(dirname(name), ref));
    if (sizes.has(file) && !referenced.has(file)) {
      referenced.add(file);
      if (file.endsWith('.js')) queue.push(file);
    }
  }
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
let laterRaw = 0;
let laterGz = 0;
for (const [name, s] of sizes) {
  if (referenced.has(name)) continue;
  laterRaw += s.raw;
  laterGz += s.gzip;
}
console.log(`first visit: ${referenced.size} files, ${kb(raw)} raw, ${kb(gz)} gzip (budget ${kb(BUDGET)}, aim ${kb(AIM)})`);
console.log(`after the first render: ${sizes.size - referenced.size} more files, ${kb(laterRaw)} raw, ${kb(laterGz)} gzip (view code fetched in the background)`);
if (![...referenced].some((n) => n.endsWith('.wasm'))) {
  console.error('size-report: no .wasm referenced from index.html — the report would be meaningless');
  process.exit(1);
}
if (gz > BUDGET) {
  console.log(`OVER BUDGET: first visit ${kb(gz)} gzip is over the ${kb(BUDGET)} budget (README, "Measured budgets")`);
  if (process.env.SIZE_STRICT === '1') process.exit(1);
} else {
  console.log(`within budget${gz <= AIM ? ' and aim' : ''}`);
}

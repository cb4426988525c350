// Trunk post_build hook: builds the app's WebAssembly and puts it, its JS glue and an external start-up script into
// the staged dist/, in a folder named after a hash of its contents (app-<hash>/), then points index.html at it.
//
// Release (trunk build --release):
//   cargo (std recompiled for size, panic = trap, --cfg mosaic_split, relocations kept)
//   -> wasm-split-cli: the main module plus one chunk per view declared in src/ui/chunked_views.rs
//   -> wasm-bindgen --target web on the main module -> wasm-opt -Oz on every module -> the chunks packed into one
//   file per view (pack-<view>.wasm) -> terser on the JS.
//   A first visit downloads only the main module (the first-visit budget in README, "Measured budgets"); the app
//   fetches the packs after its first render. Trunk itself only handles HTML, CSS and public/, because it would
//   run wasm-bindgen on the unsplit wasm.
// Debug (trunk build / trunk serve): cargo -> wasm-bindgen, one unsplit module, no split cfg, no optimisation.
//
// One folder per build, named by content, means a browser can never combine chunks from two different builds
// (which would fail at run time), and a host may cache app-*/ forever. The loader is an external file, so the
// Content-Security-Policy needs no hash and no 'unsafe-inline'.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// The one stylesheet the first paint waits for (style/main.css): colours, type, the page frame and the boot message.
const FIRST_VIEW_CSS = 'main';
// The views in the order their code is packed (see the release step below): a module several views share goes into
// the pack of the first of them here, so the views a first visit is most likely to open come first (the intake, then
// a plan opened from a clinician's share link), then the order src/ui/chunked_views.rs's preload_all fetches them.
const PACK_ORDER = [
  'intake_chunk', 'shared_chunk', 'screening_chunk', 'review_chunk', 'check_in_chunk', 'choose_chunk', 'plan_chunk',
  'progress_chunk', 'flare_chunk', 'plan_review_chunk', 'share_chunk', 'settings_chunk', 'unlock_chunk',
  'safety_rules_chunk', 'staff_chunk', 'takeover_chunk', 'backup_chunk', 'restore_panel_chunk',
];
const staging = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === 'release';
const fail = (msg) => {
  console.error(`wasm-app: ERROR: ${msg}`);
  process.exit(1);
};
if (!staging) fail('TRUNK_STAGING_DIR is not set: run this as a Trunk hook (bash scripts/build.sh)');

/** Runs a tool with inherited output; a failure stops the build with the tool's own message above. */
function run(cmd, args, env = {}) {
  try {
    execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  } catch {
    fail(`${cmd} ${args.join(' ')} failed`);
  }
}
/** The subresource-integrity value (sha384) of a file. */
const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
const version = (cmd) => {
  try {
    return execFileSync(cmd, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

// The tools must be exactly the ones this pipeline was verified with: a different wasm-bindgen cannot read the
// wasm, and an old wasm-opt (Debian's binaryen 108) writes wasm that fails at start-up while reporting success.
// Versions come from the pin file (scripts/tools.env, or MOSAIC_TOOLS_ENV as in scripts/setup.sh), which is plain
// KEY=value text; wasm-bindgen's comes from Cargo.lock, which the set-up checks against the pin.
const pinFile = resolve(root, process.env.MOSAIC_TOOLS_ENV || 'scripts/tools.env');
const pins = {};
try {
  for (const line of readFileSync(pinFile, 'utf8').split('\n')) {
    const m = line.match(/^([A-Z][A-Z0-9_]*)=(\S*)$/);
    if (m) pins[m[1]] = m[2];
  }
} catch (e) {
  fail(`cannot read the pin file ${pinFile}: ${e.message}`);
}
const binaryen = pins.BINARYEN_VERSION?.split('.')[0];
if (!binaryen) fail(`${pinFile} does not set BINARYEN_VERSION`);
const lockedBindgen = readFileSync(join(root, 'Cargo.lock'), 'utf8').match(/name = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
if (version('wasm-bindgen') !== `wasm-bindgen ${lockedBindgen}`) {
  fail(`wasm-bindgen on PATH is "${version('wasm-bindgen')}", Cargo.lock needs ${lockedBindgen}; run scripts/setup.sh`);
}

const target = join(root, 'target', release ? 'dist-build' : 'dist-debug');
const profile = release ? 'release' : 'debug';
// One work folder per build process, so two builds at once (into different --dist folders) never delete each
// other's files half-way; it is removed once the build is copied out.
const work = join(target, `wasm-app-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const out = join(work, 'out');
mkdirSync(out);

const cargoArgs = ['build', '--target', 'wasm32-unknown-unknown', '--bin', 'mosaic', '--locked'];
let wasm = join(target, 'wasm32-unknown-unknown', profile, 'mosaic.wasm');
if (release) {
  if (version('wasm-opt') !== `wasm-opt version ${binaryen} (version_${binaryen})`) {
    fail(`wasm-opt on PATH is "${version('wasm-opt')}", not binaryen ${binaryen}; run scripts/setup.sh`);
  }
  try {
    execFileSync('sh', ['-c', 'command -v wasm-split-cli'], { stdio: 'ignore' });
  } catch {
    fail('wasm-split-cli is not on PATH; run scripts/setup.sh');
  }
  // Size: std recompiled for size and a panic that traps at once drop std's panic-message and formatting code.
  // These are unstable options, so RUSTC_BOOTSTRAP opts this one build into them on the stable toolchain; a
  // toolchain that stops accepting them fails here loudly rather than shipping a bigger app. Browser tests and
  // debug builds keep ordinary panics with messages.
  run('cargo', [...cargoArgs, '--release'], {
    CARGO_TARGET_DIR: target,
    RUSTC_BOOTSTRAP: '1',
    CARGO_UNSTABLE_BUILD_STD: 'std,panic_abort',
    CARGO_UNSTABLE_BUILD_STD_FEATURES: 'optimize_for_size',
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: [
      '--cfg erase_components',
      '--cfg mosaic_split',
      '-Zunstable-options -Cpanic=immediate-abort',
      // wasm-split follows the relocations to find which code and data each chunk needs.
      '-Clink-args=--emit-relocs',
    ].join(' '),
  });
  const split = join(work, 'split');
  run('wasm-split-cli', [wasm, split, '--out-name', 'mosaic']);
  for (const f of readdirSync(split)) {
    if (f !== 'mosaic.wasm') cpSync(join(split, f), join(out, f));
  }
  wasm = join(split, 'mosaic.wasm');
} else {
  run('cargo', cargoArgs, { CARGO_TARGET_DIR: target });
}
run('wasm-bindgen', ['--target', 'web', '--no-typescript', ...(release ? ['--keep-lld-exports'] : []), '--out-dir', out, '--out-name', 'mosaic', wasm]);

if (release) {
  // Rust's wasm32 target enables these features by default; naming them keeps wasm-opt from guessing.
  const features = ['bulk-memory', 'mutable-globals', 'nontrapping-float-to-int', 'sign-ext', 'reference-types', 'multivalue'];
  for (const f of readdirSync(out).filter((n) => n.endsWith('.wasm'))) {
    const file = join(out, f);
    run('wasm-opt', ['-Oz', '--strip-debug', '--strip-producers', ...features.map((x) => `--enable-${x}`), file, '-o', file]);
  }
  // The view chunks travel in packs, one file per view, each fetched once with its sha384. wasm-split cuts the views
  // into about 300 modules (each view's own, and one per set of views sharing some code), and fetching them one by
  // one was the app's costliest work after the first render: about 300 requests, integrity checks and responses on
  // the main thread (about 1 s of it with the CPU slowed 4×, and Lighthouse's total blocking time 570–660 ms; with
  // one file 0.3 s and 88 ms). One file for everything would make the first view opened before the background fetch
  // ends wait for all the views' code (about 560 KB gzip) instead of its own (the intake's: about 150 KB). So each
  // module goes into the pack of the first view in PACK_ORDER that uses it (wasm-split names a shared module's users
  // in a comment above it): opening the intake fetches only its pack; a clinician's share link, the intake's and its
  // own; any later view, its own and those of earlier views it shares code with. A pack is named .wasm so that a host
  // compresses it as it compresses the main module; it is not itself a module. Its layout: a 4-byte little-endian
  // length, that many bytes of JSON mapping each module's file name to [offset, length] after the JSON, then the
  // modules end to end. The loader (itself checked by index.html) answers each of wasm-split's chunk fetches with its
  // module's bytes from the pack, so a pack altered on the way fails its check and its views say they could not be
  // loaded (src/ui/deferred.rs) instead of running. Every module the loader names must go into a pack, and every
  // module the split produced must be named by the loader, or the build stops.
  const loaderFile = join(out, '__wasm_split.js');
  const raw = readFileSync(loaderFile, 'utf8');
  const users = new Map();
  for (const m of raw.matchAll(/\/\* ([\w, ]+) \*\/\nconst __\w+ = makeLoad\(\(\) => \{\n\s*const src = fetch\(new URL\("\.\/([\w.-]+\.wasm)"/g)) {
    users.set(m[2], m[1].split(', '));
  }
  const views = [...raw.matchAll(/export const __wasm_split_load_(\w+) =/g)].map((m) => m[1]);
  const unordered = views.filter((v) => !PACK_ORDER.includes(v));
  if (unordered.length) fail(`the split has views PACK_ORDER does not place: ${unordered.join(', ')}; add them to PACK_ORDER`);
  const packOf = (file) => {
    const own = file.match(/^split_(\w+)\.wasm$/)?.[1];
    const by = own ? [own] : users.get(file);
    if (!by) fail(`the split loader names no view that uses ${file}: has its comment format changed?`);
    return `pack-${PACK_ORDER.find((v) => by.includes(v)).replace(/_chunk$/, '')}.wasm`;
  };
  const CHUNK_FETCH = /fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)\)/g;
  const chunks = readdirSync(out).filter((f) => f.endsWith('.wasm') && f !== 'mosaic_bg.wasm');
  const packs = new Map();
  let loader = raw.replace(CHUNK_FETCH, (_, f) => {
    if (!chunks.includes(f)) fail(`the split loader fetches ${f}, which this build does not produce`);
    const pack = packOf(f);
    if (!packs.has(pack)) packs.set(pack, []);
    packs.get(pack).push(f);
    return `packedChunk(${JSON.stringify(pack)}, ${JSON.stringify(f)})`;
  });
  const packed = new Set([...packs.values()].flat());
  const unnamed = chunks.filter((f) => !packed.has(f));
  if (unnamed.length) fail(`the split loader never fetches ${unnamed.join(', ')}: has its fetch call changed?`);
  const bare = loader.match(/\bfetch\([^;]*/g) ?? [];
  if (bare.length) fail(`the split loader fetches in a form this build does not recognise: ${bare.join('; ')}`);
  const hashes = {};
  for (const [pack, files] of packs) {
    const index = {};
    const bodies = [];
    let offset = 0;
    for (const f of files.sort()) {
      const body = readFileSync(join(out, f));
      index[f] = [offset, body.length];
      bodies.push(body);
      offset += body.length;
      rmSync(join(out, f));
    }
    const indexBytes = Buffer.from(JSON.stringify(index));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(indexBytes.length);
    writeFileSync(join(out, pack), Buffer.concat([length, indexBytes, ...bodies]));
    hashes[pack] = sri(join(out, pack));
  }
  // Each pack is fetched once (again after a failure, so "Try again" works offline-then-online); each module is
  // handed to wasm-split's loader as a response of its own, which it compiles as it would a fetched chunk.
  loader = loader.replace(/^(import [^\n]*\n)/, `$1
const packIntegrity = ${JSON.stringify(hashes)};
const packs = new Map();
function packedChunk(pack, name) {
  let loading = packs.get(pack);
  if (!loading) {
    loading = fetch(new URL(\`./\${pack}\`, import.meta.url), { integrity: packIntegrity[pack] })
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(\`\${pack}: HTTP \${r.status}\`))))
      .then((buffer) => {
        const length = new DataView(buffer).getUint32(0, true);
        const index = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, length)));
        return { buffer, start: 4 + length, index, handed: new Set() };
      });
    packs.set(pack, loading);
    const failed = loading;
    failed.catch(() => { if (packs.get(pack) === failed) packs.delete(pack); });
  }
  return loading.then(({ buffer, start, index, handed }) => {
    const place = index[name];
    if (!place) throw new Error(\`\${name} is not in \${pack}\`);
    // Once every module of the pack has been handed out, the pack's bytes (up to 360 KB) need not stay in memory
    // for the rest of the visit; a module asked for again (a retry after it failed to compile) fetches it anew.
    handed.add(name);
    if (handed.size === Object.keys(index).length && packs.get(pack) === loading) packs.delete(pack);
    const bytes = new Uint8Array(buffer, start + place[0], place[1]);
    return new Response(bytes, { headers: { "content-type": "application/wasm" } });
  });
}
`);
  if (!loader.includes('function packedChunk')) fail('the split loader does not start with an import: cannot add the packs');
  writeFileSync(loaderFile, loader);
}

// A release build also registers the service worker (sw.js beside the page, written below), which keeps Mosaic
// working offline after the first visit. A new version waits: the script keeps the waiting worker in
// window.mosaicUpdateReady and announces it, the app asks the person (src/ui/update.rs), and the page reloads only
// once the app has set window.mosaicUpdating and the new worker has taken over. A browser that refuses the worker
// (a private window, say) runs Mosaic as before, online.
const register = `
if ('serviceWorker' in navigator) {
  const ready = (worker) => {
    window.mosaicUpdateReady = worker;
    window.dispatchEvent(new Event('mosaic-update-ready'));
  };
  navigator.serviceWorker.register('./sw.js').then((registration) => {
    // A browser that blocks workers may resolve with no registration at all.
    if (!registration) return;
    if (registration.waiting && navigator.serviceWorker.controller) ready(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) ready(worker);
      });
    });
  }, (error) => console.warn('Mosaic will work only online in this browser:', error.message));
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (window.mosaicUpdating) location.reload();
  });
}
`;
// Subresource integrity, so a file altered on the way or on the host fails closed: index.html carries the sha384 of
// every script, module preload and stylesheet (Trunk adds the stylesheets'), and start.js carries the main module's,
// which it fetches with that integrity. A module that fails its check leaves the whole module graph unloaded (start.js
// never runs and the page's own message appears); a stylesheet that fails its check is caught by start.js before the
// app starts. The views' packs, which the split loader fetches later, are fetched with their own (above).
//
// Only the first view's stylesheet (FIRST_VIEW_CSS: the page, the boot message, the shell) blocks the first paint;
// index.html preloads the others (see below), and start.js applies them while the wasm downloads and starts the app
// only once they are in, so no view is ever drawn without its styles.
writeFileSync(
  join(out, 'start.js'),
  `// Starts Mosaic. If it cannot, the page's own message explains what to do (index.html, #boot).
import init from './mosaic.js';
const failed = (error) => {
  console.error(error);
  document.getElementById('boot')?.classList.add('boot-error');
};
const notIntact = (links) => new Error(\`a stylesheet did not arrive intact: \${links.map((l) => l.href).join(', ')}\`);
// Module scripts run after the page's blocking stylesheet has loaded or failed: without a sheet it failed its check.
const broken = [...document.querySelectorAll('link[rel=stylesheet]')].filter((link) => !link.sheet);
// The views' stylesheets, preloaded by the page, become stylesheets now; an error is a failed integrity check.
const applied = (link) => new Promise((resolve, reject) => {
  link.addEventListener('load', resolve, { once: true });
  link.addEventListener('error', () => reject(notIntact([link])), { once: true });
  link.rel = 'stylesheet';
});
if (broken.length) {
  failed(notIntact(broken));
} else {
  const wasm = fetch(new URL('./mosaic_bg.wasm', import.meta.url), { integrity: '${sri(join(out, 'mosaic_bg.wasm'))}' });
  const styles = [...document.querySelectorAll('link[rel=preload][as=style]')].map(applied);
  Promise.all([wasm, ...styles]).then(() => init({ module_or_path: wasm })).catch(failed);
}
${release ? register : ''}`,
);

if (release) {
  // The JS glue is in every first visit: minified (terser, pinned in scripts/tools.env) it is about a third smaller
  // gzipped. Only local names are mangled: the modules' exports and the wasm's import names are kept, since the
  // chunk loader and the wasm find each other by those names.
  const { minify } = await import('terser');
  for (const f of readdirSync(out).filter((n) => n.endsWith('.js'))) {
    const file = join(out, f);
    const result = await minify(readFileSync(file, 'utf8'), { module: true, compress: true, mangle: true });
    if (!result.code) fail(`terser produced nothing for ${f}`);
    writeFileSync(file, result.code);
  }
}

// Name the folder after its contents: any change to any module gives a new name.
const hash = createHash('sha256');
for (const f of readdirSync(out).sort()) hash.update(f).update(readFileSync(join(out, f)));
const dir = `app-${hash.digest('hex').slice(0, 16)}`;
cpSync(out, join(staging, dir), { recursive: true });

const htmlFile = join(staging, 'index.html');
const html = readFileSync(htmlFile, 'utf8');
// A release build's index.html is minified (Trunk.toml, `minify`), which drops the quotes around plain attribute
// values, so each address below is matched quoted or not.
const APP_REF = /(["']?)\.\/APP\/([^"'\s>]+)\1/g;
if (html.search(APP_REF) < 0) fail('index.html has no ./APP/ placeholder for the app folder');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  fail('index.html has an inline <script>, which the Content-Security-Policy blocks (Trunk.toml keeps autoreload off)');
}
const files = readdirSync(out);
// A debug build has no chunk loader, so its preload hint goes; any other reference to a missing file is an error.
const pointed = html
  .replace(/\s*<link[^>]*\brel="?modulepreload"?[^>]*>/g, (tag) => {
    const f = tag.match(/\.\/APP\/([^"'\s>]+)/)?.[1];
    return f === undefined || files.includes(f) ? tag : '';
  })
  .replace(APP_REF, (_, quote, f) => {
    if (!files.includes(f)) fail(`index.html refers to ./APP/${f}, which this build does not produce`);
    return `${quote}./${dir}/${f}${quote}`;
  })
  // Each script, module preload and preload of the app folder gets the integrity of the file it names.
  .replace(/<(script|link)\b[^>]*>/g, (tag) => {
    const f = tag.match(new RegExp(`\\./${dir}/([^"'\\s>]+)`))?.[1];
    if (f === undefined) return tag;
    if (/\bintegrity=/.test(tag)) fail(`index.html already gives ${f} an integrity`);
    return tag.replace(/\s*\/?>$/, (end) => ` integrity="${sri(join(out, f))}"${end}`);
  })
  // Every stylesheet but the first view's is preloaded instead: fetched at once, blocking nothing, and applied by
  // start.js before the app draws (above). Trunk has given each its integrity, which the preload keeps.
  .replace(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g, (tag) => {
    const name = tag.match(/\bhref="?\.?\/?([a-z]+)-[0-9a-f]+\.css/)?.[1];
    if (name === undefined) fail(`index.html has a stylesheet that is not one of Trunk's hashed CSS files: ${tag}`);
    if (!/\bintegrity=/.test(tag)) fail(`the stylesheet ${name} has no integrity`);
    return name === FIRST_VIEW_CSS ? tag : tag.replace(/\brel="?stylesheet"?/, 'rel="preload" as="style"');
  });
if ((pointed.match(/\brel="?stylesheet"?/g) ?? []).length !== 1) {
  fail(`index.html should keep exactly one blocking stylesheet (${FIRST_VIEW_CSS}.css)`);
}
writeFileSync(htmlFile, pointed);

// The install icons: PNGs at the sizes the manifest (public/manifest.webmanifest) names, drawn by Chromium from our
// own SVGs (public/icon.svg, and public/icon-maskable.svg with its art inside the maskable safe zone).
{
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    for (const [svg, name] of [['icon.svg', 'icon'], ['icon-maskable.svg', 'icon-maskable']]) {
      const data = readFileSync(join(root, 'public', svg)).toString('base64');
      for (const size of [192, 512]) {
        const page = await browser.newPage({ viewport: { width: size, height: size } });
        await page.setContent(`<body style="margin:0"><img src="data:image/svg+xml;base64,${data}" width="${size}" height="${size}"></body>`);
        await page.locator('img').evaluate((img) => img.decode());
        writeFileSync(join(staging, 'public', `${name}-${size}.png`), await page.screenshot({ omitBackground: true }));
        await page.close();
      }
    }
  } catch (e) {
    fail(`could not draw the install icons with Chromium: ${e.message}`);
  } finally {
    await browser.close();
  }
}

if (release) {
  // The service worker lists every file of this build (the page, its stylesheets, public/ and the app folder), so a
  // new build is a new worker. Paths are relative to the page: the same dist/ works under any sub-path.
  const { buildFiles, serviceWorker } = await import('./service-worker.mjs');
  writeFileSync(join(staging, 'sw.js'), serviceWorker(dir, buildFiles(staging)));
}
console.log(`wasm-app: ${profile} build in ${dir}/: ${files.length} files (${files.filter((f) => f.endsWith('.wasm')).length} wasm)`);
rmSync(work, { recursive: true, force: true });

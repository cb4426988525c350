#!/usr/bin/env bash
# Cargo's runner for the browser tests on the split release path (scripts/test.sh sets it through
# CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER, with --cfg mosaic_split and --emit-relocs in RUSTFLAGS).
#
# It does to a test wasm what scripts/wasm-app.mjs does to the app's: wasm-split-cli cuts it into a main module,
# one wasm file per view declared in src/ui/chunked_views.rs, shared chunk_*.wasm files and the loader
# __wasm_split.js; then wasm-bindgen-test-runner takes the main module, as it takes any test wasm.
#
# How the pieces meet in Chromium:
# - the main module imports the loader from "./__wasm_split.js"; wasm-bindgen turns that into a JS import next to
#   the runner's generated wasm-bindgen-test.js;
# - the loader imports initSync from "./<out-name>.js" (initSync then returns the instance already running) and
#   fetches each chunk from new URL("./<file>.wasm", import.meta.url), so the chunks must sit beside it;
# - the runner serves its generated files from a temporary folder and any other path from its working directory.
# So the split goes into a folder of its own, the runner starts in that folder, and the out-name is the runner's
# fixed module name, "wasm-bindgen-test". --keep-lld-exports (as in the release build) keeps the exports the
# chunks import from the main module (the function table, the memory, the stack pointer).
#
# What stays as in the ordinary browser tests: the test profile (no size options, no build-std, no wasm-opt) and
# ordinary panics, because wasm-bindgen-test reports a failed assertion through the panic message.
set -euo pipefail

if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  echo "split-test-runner: usage: $0 <test.wasm> [test-runner arguments…] (cargo passes these)" >&2
  exit 2
fi
wasm="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift

for tool in wasm-split-cli wasm-bindgen-test-runner; do
  command -v "$tool" >/dev/null || {
    echo "split-test-runner: $tool is not on PATH; run scripts/setup.sh" >&2
    exit 1
  }
done

# Without --cfg mosaic_split the views are plain functions and there would be nothing to split: the tests would
# pass on the ordinary build while claiming the split one. With it, every binary exports the chunk entry points.
if ! grep -aq '__wasm_split_00' "$wasm"; then
  echo "split-test-runner: $wasm has no wasm-split entry point: build it with RUSTFLAGS='--cfg erase_components --cfg mosaic_split -Clink-args=--emit-relocs' (scripts/test.sh)" >&2
  exit 1
fi

# One folder per test binary and run, removed afterwards, so two runs never serve each other's chunks.
work="$(mktemp -d "${TMPDIR:-/tmp}/mosaic-split-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT

wasm-split-cli "$wasm" "$work" --out-name wasm-bindgen-test
if [ ! -f "$work/__wasm_split.js" ]; then
  echo "split-test-runner: wasm-split-cli wrote no loader for $wasm: was it built with --cfg mosaic_split and -Clink-args=--emit-relocs?" >&2
  exit 1
fi
# The runner's page imports its glue as './wasm-bindgen-test' (no extension; its server adds .js). A module is
# identified by its URL, so the loader must import that same URL: with './wasm-bindgen-test.js' the browser would
# evaluate the glue a second time, whose initSync has no instance yet and would compile the wasm afresh.
main_import='import { initSync } from "./wasm-bindgen-test.js";'
if ! grep -qxF "$main_import" "$work/__wasm_split.js"; then
  echo "split-test-runner: __wasm_split.js has no line $main_import; has wasm-split-cli changed?" >&2
  exit 1
fi
sed -i 's|^import { initSync } from "\./wasm-bindgen-test\.js";$|import { initSync } from "./wasm-bindgen-test";|' "$work/__wasm_split.js"

# A test binary that never calls a view of src/ui/chunked_views.rs keeps no split point (the linker drops the
# unused imports, as wasm-split-cli's warning above says): it still runs on the release cfgs and wasm-split's main
# module, with no chunk to fetch. tests/browser_split.rs checks that chunks really are fetched where they exist.
views=$(find "$work" -maxdepth 1 -name 'split_*.wasm' | wc -l)
shared=$(find "$work" -maxdepth 1 -name 'chunk_*.wasm' | wc -l)
echo "split-test-runner: $(basename "$wasm"): main module + $views view chunks + $shared shared chunks"

# The runner reads the browser's options (webdriver.json: Debian's Chromium binary and its flags) from its working
# directory, which cargo set to the package root.
if [ -f webdriver.json ]; then cp webdriver.json "$work/"; fi

# wasm-split-cli does not carry the custom section in which wasm_bindgen_test_configure!(run_in_browser) asks for a
# browser, and without it the runner would pick Node.js; every test this runner is given runs in the browser.
cd "$work"
WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_KEEP_LLD_EXPORTS=1 wasm-bindgen-test-runner "$work/wasm-bindgen-test.wasm" "$@"

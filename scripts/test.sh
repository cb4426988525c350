#!/usr/bin/env bash
# Every test: formatting, lints (native and wasm32), native tests, browser tests in headless Chromium,
# a release build, its size report, and the end-to-end suite against it. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step's wall time, printed as it ends and again as a table at the end (or where a step failed), so a slow run
# shows which stage grew. The whole command is meant to stay under 30 minutes on a 2-core machine (README, "Test command").
steps=()
step_name=""
step_start=$SECONDS
end_step() {
  if [ -n "$step_name" ]; then
    local took=$((SECONDS - step_start))
    steps+=("$(printf '%3dm%02ds  %s' $((took / 60)) $((took % 60)) "$step_name")")
    printf '    (%s took %dm%02ds)\n' "$step_name" $((took / 60)) $((took % 60))
  fi
  step_name=$1
  step_start=$SECONDS
}
release_pid=""
summary() {
  local status=$?
  # A failure before the release build's step leaves it running: stop it with the command.
  if [ -n "$release_pid" ]; then kill -- "-$release_pid" 2>/dev/null || true; fi
  end_step ""
  printf '\n==> time per step%s\n' "$([ "$status" -eq 0 ] || echo " (stopped by a failure)")"
  printf '%s\n' "${steps[@]}"
  printf '%3dm%02ds  in all\n' $((SECONDS / 60)) $((SECONDS % 60))
}
trap summary EXIT
step() { end_step "$*"; printf '\n==> %s\n' "$*"; }

step "set-up (installs only what is missing)"
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step "cargo fmt --check"
cargo fmt --all -- --check

# The release build shares no target folder with the lints and tests, and much of each is one core's work (the
# final crate, linking, wasm-bindgen, wasm-split, a browser page), so it runs beside them from here; its output is
# shown at its own step below, and a failure stops the command there. Measured on 2 cores: the steps up to the
# end-to-end tests took 13 min 33 s one after another, and 12 min 5 s with the build beside them.
mkdir -p target
release_log=target/release-build.log
# In a session of its own (setsid), so that a failure elsewhere can stop it with everything it started.
setsid -w bash scripts/build.sh >"$release_log" 2>&1 &
release_pid=$!

step "cargo clippy (native)"
cargo clippy --all-targets -- -D warnings

step "cargo clippy (wasm32)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

step "cargo clippy (wasm32, release split: the code behind --cfg mosaic_split)"
CARGO_TARGET_DIR="$PWD/target/clippy-split" RUSTFLAGS="--cfg erase_components --cfg mosaic_split" \
  cargo clippy --target wasm32-unknown-unknown --lib --bin mosaic -- -D warnings

step "native tests (clinical engine, scenarios, codecs)"
cargo test

step "browser tests (wasm-bindgen-test in headless Chromium)"
# Browser tests are two binaries: tests/browser/ (one binary of modules, so the stage links, prepares and starts a
# browser once) and tests/browser_split.rs (alone, as it checks which wasm files its page has requested).
# Native-only tests (reading files) stay off the wasm target.
browser_tests=(--test browser --test browser_split)
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown "${browser_tests[@]}"

step "browser tests on the split release path (wasm-split chunks fetched at run time in headless Chromium)"
# The same tests compiled with the release build's cfgs (erase_components, mosaic_split, relocations kept for
# wasm-split) and cut by wasm-split-cli before they run (scripts/split-test-runner.sh), so a view of
# src/ui/chunked_views.rs arrives as wasm chunks fetched by the split loader; tests/browser_split.rs checks that it
# does. Their own target dir keeps the ordinary builds valid.
CARGO_TARGET_DIR="$PWD/target/browser-split" \
  RUSTFLAGS="--cfg erase_components --cfg mosaic_split -Clink-args=--emit-relocs" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="$PWD/scripts/split-test-runner.sh" \
  CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown "${browser_tests[@]}"

step "release build (started beside the lints; this is the wait for it)"
if ! wait "$release_pid"; then
  cat "$release_log"
  echo "test: the release build failed (its output is above, and in $release_log)" >&2
  exit 1
fi
release_pid=""
cat "$release_log"

step "size report (fails over the 250 KB first-visit budget)"
SIZE_STRICT=1 node scripts/size-report.mjs dist

step "end-to-end tests (release build in headless Chromium)"
# Two test files at a time, one per core: each file has its own server and browser and waits for conditions, never
# for time, so they do not disturb each other (measured: 297 tests in 15 min against about 20 one file at a time).
node --test --test-concurrency=2 e2e/

echo
echo "All tests passed."

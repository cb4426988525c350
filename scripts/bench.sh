#!/usr/bin/env bash
# Benchmarks of DESIGN §6 budgets; prints the figures the README records. Not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "==> screening and planning (native, release profile)"
cargo bench --bench screening

echo "==> save/load of a full plan with 3 years of check-ins (Chromium, release build)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown --test browser_store_bench -- --nocapture 2>&1 \
  | grep -E "store bench|test result"

echo "==> first-load size and start-up (release build in Chromium)"
# Always rebuild: dist/ may hold a debug build from `trunk serve`.
bash scripts/build.sh
node scripts/size-report.mjs dist | tail -3
node bench/startup.mjs

echo "==> memory soak: 200 kiosk sessions ended by Finish, then 200 in-page cycles without reload"
# Exits non-zero when a figure misses its budget (+10 % of the figure at session/cycle 20).
node bench/kiosk-soak.mjs

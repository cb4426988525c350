#!/usr/bin/env bash
# Installs only what is missing or of the wrong version, so a repeat run takes seconds.
# Stops with a clear message if anything cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
fail() { echo "setup: ERROR: $*" >&2; exit 1; }
note() { echo "setup: $*"; }

command -v cargo >/dev/null || fail "cargo not found: install Rust (rustup) first"
command -v node >/dev/null || fail "node not found: install Node.js 20+ first"
command -v npm >/dev/null || fail "npm not found: install npm first"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# 1. The wasm target (rust-toolchain.toml names it too).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  note "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown || fail "could not add the wasm32-unknown-unknown target"
fi

# 1b. The standard library's source: the release build recompiles std for size (scripts/build.sh).
if ! rustup component list --installed | grep -q '^rust-src'; then
  note "adding the rust-src component"
  rustup component add rust-src || fail "could not add the rust-src component (the release build needs it)"
fi

# 2. Trunk, pinned (0.22 needs a newer rustc).
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  note "installing trunk $TRUNK_VERSION (about 20 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked || fail "cargo install trunk $TRUNK_VERSION failed"
fi

# 3. wasm-bindgen-cli equal to the wasm-bindgen in Cargo.lock, so the two can never drift.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WB_VERSION" ] || fail "could not read the wasm-bindgen version from Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  note "installing wasm-bindgen-cli $WB_VERSION (about 8 minutes)"
  # No --locked: the CLI's own lockfile names a yanked crate.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force || fail "cargo install wasm-bindgen-cli $WB_VERSION failed"
fi

# 3b. wasm-split-cli, which splits the release wasm into the first-visit module and chunks loaded on demand. It has
# no --version, so cargo's own install record is what is checked.
SPLIT_VERSION=0.2.4
if ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$SPLIT_VERSION:" \
  || ! command -v wasm-split-cli >/dev/null; then
  note "installing wasm-split-cli $SPLIT_VERSION (about 3 minutes)"
  cargo install wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary --locked --force \
    || fail "cargo install wasm_split_cli_support $SPLIT_VERSION failed"
fi

# 4. Chromium and its driver from Debian, for browser and end-to-end tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  note "installing chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver \
    || fail "apt-get install chromium chromium-driver failed"
fi

# 5. Node tools from the committed lockfile: wasm-opt (binaryen 132), playwright-core, axe-core.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  note "installing node dev dependencies (npm ci)"
  npm ci --no-audit --no-fund || fail "npm ci failed"
fi
[ "$(wasm-opt --version 2>/dev/null || true)" = "wasm-opt version 132 (version_132)" ] \
  || fail "wasm-opt on PATH is not binaryen 132 ($(command -v wasm-opt || echo none)); Debian's binaryen breaks the app"

note "ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $SPLIT_VERSION, $(wasm-opt --version), $(chromium --version 2>/dev/null | head -1)"

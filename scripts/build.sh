#!/usr/bin/env bash
# Release build of the app into dist/ (relative URLs, offline). Trunk handles HTML, CSS and public/; its post_build
# hook scripts/wasm-app.mjs builds, splits and optimises the wasm (see there for why and how).
set -euo pipefail
cd "$(dirname "$0")/.."
# The pinned binaryen (scripts/tools.env) in node_modules must come before any other wasm-opt (Debian's 108 breaks
# the app silently).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
rustup component list --installed | grep -q '^rust-src' \
  || { echo "build: ERROR: the rust-src component is missing; run scripts/setup.sh" >&2; exit 1; }

trunk build --release --offline --public-url ./ "$@"

#!/usr/bin/env bash
# Release build of the app into dist/ (relative URLs, offline, binaryen 132 first on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline --public-url ./ "$@"

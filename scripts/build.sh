#!/usr/bin/env bash
# Release build of the app into dist/ (relative URLs, offline, binaryen 132 first on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Size: the release wasm recompiles the standard library for size and makes a panic an immediate trap, which drops
# std's panic-message and formatting machinery (measured: 438 KB -> 402 KB gzip). These are unstable cargo/rustc
# options, so RUSTC_BOOTSTRAP opts this one build into them on the stable toolchain; they change between Rust
# releases, so a toolchain that no longer accepts them fails this build loudly rather than shipping a bigger app.
# Browser tests and debug builds keep ordinary panics with messages. The build has its own target dir so it never
# invalidates the ordinary release artifacts that tests and benchmarks use.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
export CARGO_TARGET_DIR="$PWD/target/dist-build"
rustup component list --installed | grep -q '^rust-src' \
  || { echo "build: ERROR: the rust-src component is missing; run scripts/setup.sh" >&2; exit 1; }

trunk build --release --offline --public-url ./ "$@"

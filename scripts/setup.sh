#!/usr/bin/env bash
# Installs only what is missing or of the wrong version, so a repeat run takes about a second (it starts every test
# command). Every version comes from scripts/tools.env (MOSAIC_TOOLS_ENV=<file> reads another one, relative to the
# repository root or absolute); the files whose own tools need a version written in them (Cargo.lock, package.json,
# Trunk.toml, rust-toolchain.toml) are checked against it first. Stops with a clear message if anything disagrees
# or cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "setup: ERROR: $*" >&2; exit 1; }
note() { echo "setup: $*"; }

command -v cargo >/dev/null || fail "cargo not found: install Rust (rustup) first"
command -v node >/dev/null || fail "node not found: install Node.js 20+ first"
command -v npm >/dev/null || fail "npm not found: install npm first"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# 0. The pin file, read as data (KEY=value lines), never executed.
TOOLS_ENV=${MOSAIC_TOOLS_ENV:-scripts/tools.env}
[ -f "$TOOLS_ENV" ] || fail "pin file $TOOLS_ENV not found"
declare -A PIN=()
PIN_LINE='^([A-Z][A-Z0-9_]*)=([A-Za-z0-9._,@/+-]*)$'
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in '' | '#'*) continue ;; esac
  [[ "$line" =~ $PIN_LINE ]] || fail "$TOOLS_ENV: not a KEY=value line: $line"
  PIN[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
done <"$TOOLS_ENV"
pin() { [ -n "${PIN[$1]+set}" ] || fail "$TOOLS_ENV does not set $1"; printf '%s' "${PIN[$1]}"; }

RUST_TARGET=$(pin RUST_TARGET)
RUST_COMPONENTS=$(pin RUST_COMPONENTS)
TRUNK_VERSION=$(pin TRUNK_VERSION)
TRUNK_FEATURES=$(pin TRUNK_FEATURES)
WB_VERSION=$(pin WASM_BINDGEN_VERSION)
SPLIT_VERSION=$(pin WASM_SPLIT_CLI_VERSION)
SPLIT_VERIFIED=$(pin WASM_SPLIT_VERIFIED_WITH)
BINARYEN_VERSION=$(pin BINARYEN_VERSION)
BINARYEN_MAJOR=${BINARYEN_VERSION%%.*}

# 1. The files that must name versions themselves agree with the pin file (cheap text checks, before installing).
# Every version of a crate in Cargo.lock, one per line.
locked() { awk -v n="$1" '$0 == "name = \"" n "\"" { getline; gsub(/version = |"/, ""); print }' Cargo.lock; }

WB_LOCKED=$(locked wasm-bindgen)
[ -n "$WB_LOCKED" ] || fail "could not read the wasm-bindgen version from Cargo.lock"
[ "$WB_LOCKED" = "$WB_VERSION" ] || fail "wasm-bindgen pin mismatch: $TOOLS_ENV says WASM_BINDGEN_VERSION=$WB_VERSION \
but Cargo.lock has wasm-bindgen $(echo "$WB_LOCKED" | paste -sd,). wasm-bindgen-cli must equal the crate exactly; \
make the pin (and Trunk.toml's [tools] wasm_bindgen) say what Cargo.lock says."

# The split helpers in Cargo.lock must be a combination checked against this wasm-split-cli (see tools.env).
split_locked=$(awk '/^name = "wasm_split_/ { n = $3; getline; v = $3; gsub(/"/, "", n); gsub(/"/, "", v); print n "@" v }' \
  Cargo.lock | sort | paste -sd,)
split_pinned=$(tr ',' '\n' <<<"$SPLIT_VERIFIED" | sort | paste -sd,)
[ "$split_locked" = "$split_pinned" ] || fail "wasm-split mismatch: Cargo.lock has ${split_locked:-no wasm_split_* crates} \
but wasm-split-cli $SPLIT_VERSION was checked with $split_pinned ($TOOLS_ENV, WASM_SPLIT_VERIFIED_WITH). Compare the \
crates' magic_constants.rs and split-point naming with the CLI's, run a release build and the e2e suite, then list \
the new versions there (or change WASM_SPLIT_CLI_VERSION)."

grep -qx "trunk-version = \"=$TRUNK_VERSION\"" Trunk.toml \
  || fail "Trunk.toml's trunk-version is not \"=$TRUNK_VERSION\" (TRUNK_VERSION in $TOOLS_ENV)"
grep -qx "wasm_opt = \"version_$BINARYEN_MAJOR\"" Trunk.toml \
  || fail "Trunk.toml's [tools] wasm_opt is not \"version_$BINARYEN_MAJOR\" (BINARYEN_VERSION in $TOOLS_ENV)"
grep -qx "wasm_bindgen = \"$WB_VERSION\"" Trunk.toml \
  || fail "Trunk.toml's [tools] wasm_bindgen is not \"$WB_VERSION\" (WASM_BINDGEN_VERSION in $TOOLS_ENV)"

toml_list() { sed -n "s/^$1 = \[\(.*\)\]\$/\1/p" rust-toolchain.toml | tr -d ' "' | tr ',' '\n' | sort | paste -sd,; }
sorted() { tr ',' '\n' <<<"$1" | sort | paste -sd,; }
[ "$(toml_list targets)" = "$RUST_TARGET" ] \
  || fail "rust-toolchain.toml's targets ($(toml_list targets)) are not $RUST_TARGET (RUST_TARGET in $TOOLS_ENV)"
[ "$(toml_list components)" = "$(sorted "$RUST_COMPONENTS")" ] || fail "rust-toolchain.toml's components \
($(toml_list components)) are not $RUST_COMPONENTS (RUST_COMPONENTS in $TOOLS_ENV)"

# package.json must list exactly the pinned npm packages; "stale" means node_modules needs `npm ci`.
npm_pins=()
IFS=',' read -r -a npm_names <<<"$(pin NPM_PACKAGES)"
for name in "${npm_names[@]}"; do
  npm_pins+=("$name@$(pin "$(printf '%s_VERSION' "${name#@}" | tr 'a-z./-' 'A-Z___')")")
done
npm_state=$(node -e '
  const fs = require("fs");
  const pins = new Map(process.argv.slice(1).map((p) => [p.slice(0, p.lastIndexOf("@")), p.slice(p.lastIndexOf("@") + 1)]));
  const dev = JSON.parse(fs.readFileSync("package.json", "utf8")).devDependencies ?? {};
  const wrong = [...new Set([...pins.keys(), ...Object.keys(dev)])]
    .filter((n) => dev[n] !== pins.get(n))
    .map((n) => `${n} is ${dev[n] ?? "missing"} in package.json and ${pins.get(n) ?? "not pinned"} in the pin file`);
  const installed = (n) => { try { return JSON.parse(fs.readFileSync(`node_modules/${n}/package.json`, "utf8")).version; } catch { return null; } };
  console.log(wrong.length ? `mismatch: ${wrong.join("; ")}` : [...pins].every(([n, v]) => installed(n) === v) ? "ok" : "stale");
' "${npm_pins[@]}") || fail "could not compare package.json with $TOOLS_ENV"
[[ "$npm_state" != mismatch* ]] || fail "npm $npm_state ($TOOLS_ENV)"

# 2. The Rust target and components.
if ! rustup target list --installed | grep -qx "$RUST_TARGET"; then
  note "adding the $RUST_TARGET target"
  rustup target add "$RUST_TARGET" || fail "could not add the $RUST_TARGET target"
fi
installed_components=$(rustup component list --installed)
IFS=',' read -r -a components <<<"$RUST_COMPONENTS"
for c in "${components[@]}"; do
  if ! grep -Eq "^$c(-|\$)" <<<"$installed_components"; then
    note "adding the $c component"
    rustup component add "$c" || fail "could not add the $c component"
  fi
done

# Steps 3-5 compile three tools from source. They share many dependencies (serde, tokio, clap …), so they are built
# in one target folder with one release profile (cargo's defaults; Trunk's own asks for more, see tools.env), and
# what one install compiled the next reuses. The folder is removed once the tools are installed.
TOOLS_TARGET="${TMPDIR:-/tmp}/mosaic-tool-build"
install_tool() {
  CARGO_TARGET_DIR="$TOOLS_TARGET" CARGO_PROFILE_RELEASE_LTO=$(pin TRUNK_PROFILE_LTO) \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=$(pin TRUNK_PROFILE_CODEGEN_UNITS) \
    CARGO_PROFILE_RELEASE_PANIC=$(pin TRUNK_PROFILE_PANIC) cargo install "$@"
}

# 3. Trunk. A machine that already has this version keeps its build; a new install leaves out the default features
# and Trunk's fat-LTO release profile (why: tools.env).
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  features=()
  [ -z "$TRUNK_FEATURES" ] || features=(--features "$TRUNK_FEATURES")
  note "installing trunk $TRUNK_VERSION (features: ${TRUNK_FEATURES:-none}; several minutes on 2 cores)"
  install_tool trunk --version "$TRUNK_VERSION" --locked --no-default-features "${features[@]}" \
    || fail "cargo install trunk $TRUNK_VERSION failed"
  [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ] \
    || fail "trunk $TRUNK_VERSION was installed, but the trunk on PATH is $(command -v trunk || echo missing)"
fi

# 4. wasm-bindgen-cli, equal to the wasm-bindgen in Cargo.lock (checked above).
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  note "installing wasm-bindgen-cli $WB_VERSION (a few minutes; reuses what the Trunk install compiled)"
  # No --locked: the CLI's own lockfile names a yanked crate.
  install_tool wasm-bindgen-cli --version "$WB_VERSION" --force || fail "cargo install wasm-bindgen-cli $WB_VERSION failed"
  [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WB_VERSION" ] \
    || fail "wasm-bindgen-cli $WB_VERSION was installed, but the wasm-bindgen on PATH is $(command -v wasm-bindgen || echo missing)"
fi

# 5. wasm-split-cli. It has no --version, so cargo's own install record is what is checked.
if ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$SPLIT_VERSION:" \
  || ! command -v wasm-split-cli >/dev/null; then
  note "installing wasm-split-cli $SPLIT_VERSION (a minute or two)"
  install_tool wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary --locked --force \
    || fail "cargo install wasm_split_cli_support $SPLIT_VERSION failed"
fi

rm -rf "$TOOLS_TARGET"

# 6. Chromium and its driver from Debian, for browser and end-to-end tests (not pinned: see tools.env).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  note "installing chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver \
    || fail "apt-get install chromium chromium-driver failed"
fi

# 7. Node tools from the committed lockfile.
if [ "$npm_state" != ok ] || [ ! -f node_modules/.package-lock.json ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  note "installing node dev dependencies (npm ci)"
  npm ci --no-audit --no-fund || fail "npm ci failed"
fi
# The pinned binaryen is installed (checked above, or just by npm ci); its wasm-opt must be the one found first, since
# Debian's binaryen breaks the app. (Asking wasm-opt itself takes half a second; scripts/wasm-app.mjs does that
# before every build.)
[ "$(command -v wasm-opt || true)" = "$PWD/node_modules/.bin/wasm-opt" ] && [ -x node_modules/.bin/wasm-opt ] \
  || fail "wasm-opt on PATH is $(command -v wasm-opt || echo missing), not binaryen $BINARYEN_VERSION from node_modules"

note "wasm-split-cli $SPLIT_VERSION reads the split format written by ${split_locked//,/ and } in Cargo.lock (a checked combination, see $TOOLS_ENV)"
note "ready: trunk $TRUNK_VERSION, wasm-bindgen $WB_VERSION, wasm-split-cli $SPLIT_VERSION, binaryen $BINARYEN_VERSION, $(chromium --version 2>/dev/null | head -1)"

#!/usr/bin/env bash
# The main job: set up what is missing, build the release app, serve dist/ at http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/static-server.mjs dist "${PORT:-8080}" /

#!/usr/bin/env bash
# Lighthouse scores of the release build (mobile configuration), for the
# README. Not part of the test command: scores move with machine load.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_build_tools
ensure_chromium
step "Release build of the site (trunk build --release)"
trunk build --release
step "Lighthouse, mobile configuration, median of 3 runs per page"
node e2e/lighthouse.mjs dist

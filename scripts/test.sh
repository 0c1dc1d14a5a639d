#!/usr/bin/env bash
# Command 2: every check, failing on the first problem. CI runs exactly this.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_build_tools
ensure_twiggy
ensure_chromium

LOG=$(mktemp -d)
trap 'rm -rf "$LOG"' EXIT

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (native, warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo clippy (wasm32, warnings denied)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --locked -- -D warnings

step "cargo test (native, every crate)"
cargo test --workspace --locked 2>&1 | tee "$LOG/cargo-test.txt"

step "Release build of the site (trunk build --release)"
rm -rf dist
trunk build --release

step "Size of the built site"
# The wasm Trunk built before wasm-bindgen and wasm-opt keeps its function
# names: twiggy attributes its bytes to crates and functions.
node e2e/size-report.mjs dist scripts/size-budget.json target/wasm32-unknown-unknown/release/dns-race-explainer.wasm

step "Browser tests (Playwright, /usr/bin/chromium)"
# A free loopback port, so a server left running elsewhere cannot clash.
E2E_PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export E2E_PORT
(cd e2e && npx playwright test) 2>&1 | tee "$LOG/e2e.txt"

step "Published site, served as production serves it (publish.sh; only under a sub-path, _headers, .br/.gz)"
PUBLISH_DIR="$LOG/publish" bash scripts/publish.sh "http://127.0.0.1:$E2E_PORT/aws-outage/"
(cd e2e && E2E_SITE="$LOG/publish/site" npx playwright test -c playwright.published.config.mjs) 2>&1 | tee "$LOG/e2e-published.txt"

node e2e/summary.mjs "$LOG/cargo-test.txt" e2e/test-results/results.json e2e/test-results/published.json

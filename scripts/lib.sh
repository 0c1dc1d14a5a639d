# Shared by scripts/serve.sh and scripts/test.sh: puts the tools on PATH and
# installs whatever a fresh machine lacks, skipping what is already there.
# Versions are pinned here and nowhere else (Trunk.toml names the same ones).

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
TWIGGY_VERSION=0.8.0

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$ROOT/e2e/node_modules/.bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
skip() { printf '    %s: already there\n' "$*"; }

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    skip "wasm32-unknown-unknown target"
  else
    step "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    skip "trunk $TRUNK_VERSION"
  else
    step "Installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    skip "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  else
    step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    # Not --locked: its lockfile asks for a crate version the registry lacks.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

# twiggy names the biggest parts of the wasm in the size report.
ensure_twiggy() {
  # twiggy names itself "twiggy-opt" in its version line.
  if [[ "$(twiggy --version 2>/dev/null)" =~ ^twiggy(-opt)?\ $TWIGGY_VERSION$ ]]; then
    skip "twiggy $TWIGGY_VERSION"
  else
    step "Installing twiggy $TWIGGY_VERSION (about 2 minutes, once)"
    cargo install twiggy --version "$TWIGGY_VERSION" --locked
  fi
}

ensure_npm_packages() {
  local stamp="$ROOT/e2e/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ ! "$ROOT/e2e/package-lock.json" -nt "$stamp" ]; then
    skip "npm packages (binaryen, Playwright)"
  else
    step "Installing npm packages (binaryen for wasm-opt, Playwright)"
    (cd "$ROOT/e2e" && npm ci --no-audit --no-fund)
  fi
}

ensure_chromium() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -eq 0 ]; then
    skip "chromium and fonts-noto-cjk"
  else
    step "Installing ${missing[*]} from Debian"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_trunk
  ensure_npm_packages
  # Trunk builds with --offline (Trunk.toml); fetch the crates first.
  (cd "$ROOT" && cargo fetch --quiet)
}

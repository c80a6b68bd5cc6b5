#!/usr/bin/env bash
# Installs the grpc-js peers from package-lock.json, once per lock-file change.
set -euo pipefail
cd "$(dirname "$0")"
sum=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.vigil-lock-sha256
if [ "$(cat "$stamp" 2>/dev/null || true)" = "$sum" ]; then
  echo "npm packages up to date"
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
echo "$sum" > "$stamp"

#!/usr/bin/env bash
# Installs npm dependencies when they are missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ ! -d lib/generated/prisma ]; then
  # Not `npm ci`: npm 11's lock file here omits other platforms' optional packages, which `npm ci` rejects.
  echo "==> installing dependencies (npm install)"
  npm install --no-audit --no-fund --loglevel=error
fi

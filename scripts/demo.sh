#!/usr/bin/env bash
# npm run demo: install, migrate, load the Storm-0558 demo scenario (DEMO_NOISE background
# records, default 2000), build if needed, and start the app.
# Embedded database (.data/pglite) unless DATABASE_URL is set. PORT and HOST change the address.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-deps.sh
npm run -s chainline -- db migrate
npm run -s db:seed

if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib prisma public instrumentation*.ts next.config.ts package-lock.json -newer .next/BUILD_ID -not -path 'lib/generated/*' -print -quit 2>/dev/null)" ]; then
  echo "==> building the app (next build)"
  npx next build > .next-build.log 2>&1 || { tail -40 .next-build.log; exit 1; }
fi

port="${PORT:-3000}"
host="${HOST:-127.0.0.1}"
echo
echo "Chainline is running at http://$host:$port/sign-in  (Ctrl-C stops it)"
echo "Sign in as admin@chainline.test (or analyst@, viewer@, executive@, instructor@, trainee@chainline.test), password: ${DEMO_PASSWORD:-chainline-demo}"
echo "The sign-in page lists the demo accounts: one click signs you in as any of them."
echo
CHAINLINE_DEMO=1 exec npx next start -p "$port" -H "$host"

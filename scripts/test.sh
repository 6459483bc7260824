#!/usr/bin/env bash
# npm test: lint, unit + integration tests (embedded database always, Postgres when reachable),
# a production build, and the Playwright suite on each database; ends with one totals line.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-deps.sh || exit 1

out=test-results
rm -rf "$out" && mkdir -p "$out"
reports=()
admin_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if node -e 'const c=new (require("pg").Client)({connectionString:process.argv[1],connectionTimeoutMillis:2000});c.connect().then(()=>process.exit(0),()=>process.exit(1))' "$admin_url"; then
  server=yes
else
  server=no
  echo "==> no Postgres at ${admin_url%%\?*}: server-mode tests are skipped (the embedded database is always tested)"
fi

echo "==> lint (biome)"
npx biome check . || echo "lint failed" > "$out/lint-failed"

echo "==> unit and integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
reports+=("$out/vitest.json")

echo "==> production build"
if npx next build > "$out/build.log" 2>&1; then
  chromium=$(bash scripts/ensure-chromium.sh) || chromium=""
  if [ -n "$chromium" ]; then
    export CHROMIUM_PATH="$chromium"
    e2e_dir=$(mktemp -d)
    # The specs sign in as the demo accounts and read the Storm-0558 demo incident: the demo seed makes
    # both (one account per role, the incident with a little background noise, each account a member).
    load_demo() { DEMO_NOISE=500 DEMO_DIR="$e2e_dir/scenario" npx tsx --conditions=react-server prisma/seed.ts > "$out/e2e-demo-load.log" 2>&1 || { tail -20 "$out/e2e-demo-load.log"; echo "could not load the demo for the end-to-end tests"; }; }
    CHAINLINE_DATA_DIR="$e2e_dir/pglite" DATABASE_URL="" load_demo
    echo "==> end-to-end tests on the embedded database"
    E2E_PORT=3212 E2E_DATA_DIR="$e2e_dir/pglite" E2E_REPORT="$out/e2e-embedded.json" npx playwright test
    reports+=("$out/e2e-embedded.json")
    rm -rf "$e2e_dir/pglite"
    if [ "$server" = yes ]; then
      db="chainline_e2e_$$"
      e2e_url=$(node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];console.log(u.toString())' "$admin_url" "$db")
      psql "$admin_url" -qc "CREATE DATABASE $db" >/dev/null
      DATABASE_URL="$e2e_url" load_demo
      echo "==> end-to-end tests on the Postgres server"
      E2E_PORT=3211 E2E_DATABASE_URL="$e2e_url" E2E_REPORT="$out/e2e-server.json" npx playwright test
      reports+=("$out/e2e-server.json")
      psql "$admin_url" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
    fi
    rm -rf "$e2e_dir"
  else
    reports+=("$out/e2e-skipped-no-chromium.json")
  fi
else
  tail -40 "$out/build.log"
  echo "build failed: end-to-end tests not run"
  reports+=("$out/build-failed.json")
fi

[ -f "$out/lint-failed" ] && reports+=("$out/lint-failed.json")
npx tsx scripts/summarize-tests.ts "${reports[@]}"

#!/usr/bin/env bash
# Makes sure a Chromium for Playwright exists; prints its path. Playwright's own browser
# download does not work on machines without internet, so Debian's package comes first.
set -euo pipefail
for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "==> installing Debian's chromium" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2
  [ -x /usr/bin/chromium ] && { echo /usr/bin/chromium; exit 0; }
fi
if npx playwright install chromium >&2 2>&1; then
  path=$(node -e 'console.log(require("playwright-core").chromium.executablePath())')
  [ -x "$path" ] && { echo "$path"; exit 0; }
fi
echo "No Chromium found: install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH to one." >&2
exit 1

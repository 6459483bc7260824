#!/usr/bin/env bash
# Makes sure poppler's pdftotext, pdfinfo and pdftoppm exist: the tests read the PDFs Chromium
# prints with them (text, page count and size, first page as an image).
set -euo pipefail
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null && command -v pdftoppm >/dev/null && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "==> installing Debian's poppler-utils" >&2
  (apt-get install -y -qq poppler-utils || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils)) >&2
  exit 0
fi
echo "No pdftotext/pdfinfo/pdftoppm: install poppler-utils (Debian: sudo apt-get install poppler-utils)." >&2
exit 1

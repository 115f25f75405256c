#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (no browser download). Install it when missing and we may.
set -euo pipefail
if [ -x /usr/lib/chromium/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Đang cài Chromium cho kiểm thử trình duyệt… / Installing Debian's chromium for browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Cần Chromium: sudo apt-get install chromium / Browser tests need Debian's chromium: sudo apt-get install chromium" >&2
exit 1

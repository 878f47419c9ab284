#!/bin/sh
# Installs what the browser test (tests/cli/test_browser.sh) needs beyond the
# build deps: Debian's Chromium and playwright-core from tests/browser's lock
# file. No browser download: playwright drives /usr/bin/chromium.
set -e
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
PKGS=""
[ -x /usr/bin/chromium ] || PKGS="chromium"
# The machine image ships Node 20 (playwright-core needs >= 20); Debian's
# nodejs and npm only when there is none.
command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
if [ -n "$PKGS" ]; then
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq $PKGS >/dev/null
fi
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix tests/browser --no-audit --no-fund

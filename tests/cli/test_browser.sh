#!/bin/sh
# The web page in a real browser: headless Chromium (Debian's /usr/bin/chromium)
# driven by playwright-core from tests/browser/node_modules (`npm ci --prefix
# tests/browser`; tools/install-test-deps.sh does both). Ingests the bundled
# example, serves it on a free loopback port, clicks through the page and
# saves screenshot-story.png next to the binary (build/). See docs/web.md.
. tests/cli/lib.sh
if [ ! -x /usr/bin/chromium ] || [ ! -d tests/browser/node_modules/playwright-core ] || ! command -v node >/dev/null 2>&1; then
    skip "browser (no chromium/node_modules)"
    exit 0
fi
timeout -k 10 300 node tests/browser/test_page.js --precis "$PRECIS" --example examples/story --out "$(dirname "$PRECIS")"

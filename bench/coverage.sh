#!/bin/sh
# Precision/recall of precis digest's coverage comparison (unique facts,
# omissions, conflicts) and timeline placement on the invented multi-outlet
# stories of tests/fixtures/story/, against a naive word-overlap peer run on the
# same input. Usage: sh bench/coverage.sh   (after make)
set -e
cd "$(dirname "$0")/.."
PRECIS=${PRECIS:-build/precis}
[ -x "$PRECIS" ] || { echo "build first: make" >&2; exit 1; }
echo "command: sh bench/coverage.sh  ($(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
python3 bench/coverage.py "$PRECIS" tests/fixtures/story/*/

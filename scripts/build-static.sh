#!/usr/bin/env bash
# Build the static site into dist/ with relative paths: upload the folder to any
# static host, at the root or under any sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --no-browser
. scripts/env.sh
trunk build --release --offline
echo "Static site in $(pwd)/dist ($(du -sh dist | cut -f1))"
echo "Single-file copy (works from file://, no server): $(pwd)/dist/debt-evidence-kit.html ($(du -h dist/debt-evidence-kit.html | cut -f1))"

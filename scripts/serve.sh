#!/usr/bin/env bash
# Build the release app and serve it on http://127.0.0.1:${PORT:-8080}/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --no-browser
. scripts/env.sh
trunk build --release --offline
port="${PORT:-8080}"
echo
echo "Serving the app at: http://127.0.0.1:${port}/   (Ctrl+C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist

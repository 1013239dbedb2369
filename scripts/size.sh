#!/usr/bin/env bash
# Print the gzipped size of what a first visit downloads (dist/ must be built).
set -euo pipefail
cd "$(dirname "$0")/../dist"
total=0
for f in index.html *.js *.wasm *.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  printf '%-50s %9d B raw %9d B gzip\n' "$f" "$raw" "$gz"
  total=$((total + gz))
done
printf 'first visit, gzip -9: %d B (%.1f KB)\n' "$total" "$(echo "$total/1024" | bc -l)"

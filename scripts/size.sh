#!/usr/bin/env bash
# Print the gzipped size of what a first visit downloads (dist/ must be built):
# the files index.html refers to. Page chunks (fetched when a page is first
# opened, and by the service worker in the background) are totalled apart.
set -euo pipefail
cd "$(dirname "$0")/../dist"
# Links and scripts, and the quoted './…' paths of the inline loader (the main wasm).
first=$({ grep -oE '(href|src)="\.?/?[A-Za-z0-9_.-]+\.(js|wasm|css)"' index.html | sed -E 's/.*="\.?\/?//; s/"$//'
  grep -oE "'\./[A-Za-z0-9_.-]+\.(js|wasm)'" index.html | sed -E "s/^'\.\///; s/'$//"; } | sort -u)
total=0
for f in index.html $first; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  printf '%-50s %9d B raw %9d B gzip\n' "$f" "$raw" "$gz"
  total=$((total + gz))
done
printf 'first visit, gzip -9: %d B (%.1f KB)\n' "$total" "$(echo "$total/1024" | bc -l)"
lazy=0
for f in *.wasm; do
  grep -qxF "$f" <<<"$first" && continue
  lazy=$((lazy + $(gzip -9 -c "$f" | wc -c)))
done
printf 'page chunks, loaded on demand, gzip -9: %d B (%.1f KB)\n' "$lazy" "$(echo "$lazy/1024" | bc -l)"

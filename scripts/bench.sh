#!/usr/bin/env bash
# Benchmark: size, start-up, scale and storage of the release build in headless
# Chromium against a bare Leptos "hello world" (bench/hello/), plus native
# micro-benchmarks of the rule engine and codecs (tests/bench_core.rs).
# Prints every figure against its target and writes target/bench/results.json.
# Never fails on a slow figure; exits non-zero only if something cannot be
# built or run. Not part of scripts/test.sh. Takes ~10 minutes after set-up.
# Usage: scripts/bench.sh            (BENCH_RUNS=N for start-up runs, default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh

log() { printf '\n\033[1m[bench]\033[0m %s\n' "$*"; }
out="$PWD/target/bench"
mkdir -p "$out"

log "release build of the app → target/bench/dist-app"
trunk build --release --offline --dist target/bench/dist-app

log "release build of bench/hello → target/bench/dist-hello"
(cd bench/hello && CARGO_TARGET_DIR="$out/hello-target" \
  trunk build --release --offline --dist "$out/dist-hello")

log "native micro-benchmarks (tests/bench_core.rs) and the 10,000-contact fixture"
cargo test --release --offline --test bench_core -- --ignored --nocapture --test-threads=1 2>&1 \
  | tee "$out/core.log" | { grep -Ev '^\s*$|^(running|test result|test bench_)' || true; }

log "browser benchmark (bench/bench.mjs)"
node bench/bench.mjs

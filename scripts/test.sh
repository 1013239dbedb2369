#!/usr/bin/env bash
# Run the whole test suite, in order: fmt, clippy, native tests, wasm tests in
# headless Chromium, release build, Playwright end-to-end against that build.
# The release build's post-build hook (scripts/post-build.mjs) also writes the
# service worker's file list and dist/debt-evidence-kit.html, which the offline
# e2e tests use: nothing extra to build here.
# Ends with one line "N passed, N failed" over all suites; non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }
. scripts/env.sh

mkdir -p target/test-logs
passed=0
failed=0
failed_suites=()

# count_cargo LOG: add up "test result: ... N passed; M failed" lines.
count_cargo() {
  local p f
  p=$(grep -Eo '[0-9]+ passed' "$1" | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
  echo "$p $f"
}

# stage NAME KIND CMD...: KIND is "check" (one pass/fail) or "cargo" (counted tests).
stage() {
  local name=$1 kind=$2; shift 2
  local log="target/test-logs/$name.log"
  printf '\n\033[1m== %s ==\033[0m\n' "$name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  if [ "$kind" = cargo ]; then
    read -r p f < <(count_cargo "$log")
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi
  else
    if [ "$rc" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  fi
  [ "$rc" -eq 0 ] || failed_suites+=("$name")
  return "$rc"
}

stage fmt check cargo fmt --all -- --check
stage clippy check cargo clippy --all-targets --locked -- -D warnings
# The release site is built with feature `split` (scripts/build-wasm.mjs).
stage clippy-split check cargo clippy --locked --target wasm32-unknown-unknown --features split -- -D warnings
stage native-tests cargo cargo test --locked
stage wasm-tests cargo cargo test --locked --target wasm32-unknown-unknown --test web
if stage release-build check trunk build --release --offline; then
  printf '\n\033[1m== e2e ==\033[0m\n'
  PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/target/test-logs/e2e.json" \
    npx playwright test --config tests/e2e/playwright.config.ts --reporter=list,json 2>&1 | tee target/test-logs/e2e.log
  rc=${PIPESTATUS[0]}
  read -r p f < <(node -e '
    try { const s = require(process.cwd() + "/target/test-logs/e2e.json").stats;
          console.log(s.expected + " " + (s.unexpected + s.flaky)); }
    catch (e) { console.log("0 1"); }')
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi
  [ "$rc" -eq 0 ] || failed_suites+=("e2e")
else
  failed=$((failed + 1)); failed_suites+=("e2e (not run: build failed)")
fi

echo
[ ${#failed_suites[@]} -eq 0 ] || echo "failed suites: ${failed_suites[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ ${#failed_suites[@]} -eq 0 ]

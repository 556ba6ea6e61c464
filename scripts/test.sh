#!/usr/bin/env bash
# Runs every test suite of caplens, keeps going when one fails, and ends with
# one summary line: "N passed, M failed, K skipped".
#   1. native `cargo test` (unit, integration, CLI, differential vs capsh/setcap/kernel, doc)
#   1b. the Checkov differential test (scripts/checkov-diff.sh; skips itself
#      when Checkov cannot be installed)
#   2. wasm-bindgen-test component tests in headless Chromium
#   3. the release build with Trunk, offline: both languages (scripts/build.sh)
#   4. end-to-end tests (node:test + playwright-core) against dist/ on 127.0.0.1
#   5. a brief fuzz run of every parser (scripts/fuzz.sh), when present
set -uo pipefail
cd "$(dirname "$0")/.."

export PATH="$PWD/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export CARGO_TERM_COLOR=never

LOGDIR=${TEST_LOGDIR:-target/test-logs}
mkdir -p "$LOGDIR"
PASSED=0 FAILED=0 SKIPPED=0
SUITES=()
SKIP_NOTES=()

add_suite() { SUITES+=("$(printf '%-26s %4d passed %4d failed %4d skipped  %s' "$1" "$2" "$3" "$4" "$5")"); }

# cargo/libtest: sum every "test result:" line; count ignored as skipped.
cargo_counts() {
  awk '/^test result:/ {
         for (i = 1; i <= NF; i++) {
           if ($(i+1) ~ /^passed/) p += $i
           if ($(i+1) ~ /^failed/) f += $i
           if ($(i+1) ~ /^ignored/) s += $i
         }
       } END { printf "%d %d %d\n", p, f, s }' "$1"
}

# node:test TAP-ish summary lines: "# pass N", "# fail N", "# skipped N".
node_counts() {
  awk '/^# pass / {p=$3} /^# fail / {f=$3} /^# skipped / {s=$3} /^# todo / {s+=$3}
       END { printf "%d %d %d\n", p, f, s }' "$1"
}

# scripts/fuzz.sh: one line per target after "---- fuzz summary ----".
fuzz_counts() {
  awk '/^---- fuzz summary/ {on=1; next}
       on && /^fuzz / { if ($0 ~ /: ok$/) p++; else f++ }
       END { printf "%d %d %d\n", p, f, 0 }' "$1"
}

# Tests that cannot run here (e.g. the kernel differential test when not
# root) print a line starting with "SKIP" (or "skipping"); list them. node's
# test runner passes a test file's own output on as "# SKIP name: why".
collect_skips() {
  local line
  while IFS= read -r line; do SKIP_NOTES+=("$line"); done < <(grep -aiE '^\s*(SKIP(PED)?\b|skipping\b|#\s*SKIP [^ :]+:)' "$1" | sed 's/^\s*\(#\s*\)\?//' | sort -u)
}

run_suite() {  # name kind command...
  local name=$1 kind=$2; shift 2
  local log="$LOGDIR/${name// /-}.log" start rc p f s
  printf '\n===== %s: %s\n' "$name" "$*"
  start=$(date +%s)
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  local secs=$(( $(date +%s) - start ))
  case "$kind" in
    cargo) read -r p f s < <(cargo_counts "$log") ;;
    node) read -r p f s < <(node_counts "$log") ;;
    fuzz)
      read -r p f s < <(fuzz_counts "$log")
      if grep -qaE '^\s*SKIP' "$log"; then s=1; fi ;;
    step)
      if [ "$rc" != 0 ]; then p=0 f=1 s=0
      elif grep -qaE '^\s*SKIP' "$log"; then p=0 f=0 s=1   # the step said it could not run
      else p=1 f=0 s=0; fi ;;
  esac
  # A runner that dies before reporting (compile error, crash) is a failure
  # even though no individual test said so.
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  collect_skips "$log"
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); SKIPPED=$((SKIPPED + s))
  add_suite "$name" "$p" "$f" "$s" "(exit $rc, ${secs}s)"
  return 0
}

if [ "${SKIP_INSTALL:-}" != 1 ]; then
  bash scripts/install.sh test || { echo "install failed"; echo "0 passed, 1 failed"; exit 1; }
fi

if [ "$(id -u)" != 0 ]; then
  SKIP_NOTES+=("not running as root: tests that need root (the kernel execve differential test) skip themselves")
fi

run_suite "native cargo test" cargo cargo test --workspace --no-fail-fast -- --show-output
run_suite "checkov differential" step bash scripts/checkov-diff.sh
run_suite "wasm browser tests" cargo cargo test -p caplens-web --target wasm32-unknown-unknown --test browser
run_suite "trunk release build" step bash scripts/build.sh
if [ -f dist/index.html ] && [ -f dist/zh-cn/index.html ]; then
  run_suite "e2e (headless Chromium)" node bash -c 'cd e2e && node --test'
else
  add_suite "e2e (headless Chromium)" 0 1 0 "(no dist/: build failed)"; FAILED=$((FAILED + 1))
fi
if [ -f scripts/fuzz.sh ]; then
  run_suite "fuzz (10 s per target)" fuzz bash scripts/fuzz.sh 10
else
  SKIP_NOTES+=("scripts/fuzz.sh not present: no fuzz run")
  SKIPPED=$((SKIPPED + 1))
fi

printf '\n===== summary (logs in %s)\n' "$LOGDIR"
printf '%s\n' "${SUITES[@]}"
if [ ${#SKIP_NOTES[@]} -gt 0 ]; then
  printf 'skipped:\n'
  printf '  - %s\n' "${SKIP_NOTES[@]}"
fi
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" = 0 ]

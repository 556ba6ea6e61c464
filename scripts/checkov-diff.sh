#!/usr/bin/env bash
# Differential test of caplens's Checkov verdicts against Checkov itself
# (`make checkov-diff`, and a suite of scripts/test.sh). Installs Checkov from
# PyPI into target/checkov-venv the way scripts/bench-checkov.sh does, only
# when it is missing; when that is impossible (no network) it prints a line
# starting with "SKIP checkov differential:" and succeeds. Both tools then run
# offline. The work is done by scripts/checkov-diff.py.
#
#   KEEP=1     keep the generated manifests (the path is printed)
#   ISOLATE=0  don't run the tools in a fresh network namespace
#   CHECKOV_VENV=DIR  where Checkov lives (default target/checkov-venv)
set -euo pipefail
cd "$(dirname "$0")/.."

CHECKOV_VERSION=3.3.30
VENV=${CHECKOV_VENV:-target/checkov-venv}
export PATH="$HOME/.cargo/bin:$PATH"

have_checkov() {
  [ -x "$VENV/bin/checkov" ] && "$VENV/bin/checkov" --version 2>/dev/null | grep -qx "$CHECKOV_VERSION"
}
if ! have_checkov; then
  echo "installing checkov $CHECKOV_VERSION into $VENV (PyPI)"
  if ! { python3 -m venv "$VENV" &&
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION"; } ||
    ! have_checkov; then
    echo "SKIP checkov differential: checkov $CHECKOV_VERSION could not be installed from PyPI (no network?)"
    exit 0
  fi
fi

cargo build --release -p caplens-cli --bin caplens --quiet

# Checkov without --skip-download tries to reach its SaaS and crashes offline.
if [ "${ISOLATE:-1}" = 1 ] && ! unshare -n true 2>/dev/null; then
  echo "note: cannot create a network namespace; running without isolation" >&2
  ISOLATE=0
fi
export ISOLATE="${ISOLATE:-1}"

CAPLENS="$PWD/target/release/caplens" CHECKOV="$PWD/$VENV/bin/checkov" CHECKOV_VERSION="$CHECKOV_VERSION" \
  exec python3 scripts/checkov-diff.py

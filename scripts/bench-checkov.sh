#!/usr/bin/env bash
# caplens CLI against Checkov on the same manifests (`make bench-checkov`).
# Not part of `make test`: it installs Checkov from PyPI into its own virtual
# environment (target/checkov-venv, about 300 MB) the first time, and that
# install is the only use of the network. Both tools then run offline.
#
#   RUNS=5        timed runs per tool and set
#   KEEP=1        keep the generated manifests (the path is printed)
#   ISOLATE=0     don't run the tools in a fresh network namespace
set -euo pipefail
cd "$(dirname "$0")/.."

CHECKOV_VERSION=3.3.30
VENV=target/checkov-venv
export PATH="$HOME/.cargo/bin:$PATH"

have_checkov() {
  [ -x "$VENV/bin/checkov" ] && "$VENV/bin/checkov" --version 2>/dev/null | grep -qx "$CHECKOV_VERSION"
}
if ! have_checkov; then
  echo "installing checkov $CHECKOV_VERSION into $VENV (PyPI)"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION"
  have_checkov || { echo "checkov $CHECKOV_VERSION did not install" >&2; exit 1; }
fi

cargo build --release -p caplens-cli --bin caplens --quiet

# Checkov without --skip-download tries to reach its SaaS and crashes offline.
# The run is offline when we may create a network namespace (root here).
if [ "${ISOLATE:-1}" = 1 ] && ! unshare -n true 2>/dev/null; then
  echo "note: cannot create a network namespace; running without isolation" >&2
  ISOLATE=0
fi
export ISOLATE="${ISOLATE:-1}"

echo "caplens $(git describe --always --dirty 2>/dev/null || echo '?'), checkov $CHECKOV_VERSION," \
  "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
CAPLENS="$PWD/target/release/caplens" CHECKOV="$PWD/$VENV/bin/checkov" \
  exec python3 scripts/bench-checkov.py

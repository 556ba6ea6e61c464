#!/usr/bin/env bash
# Trunk's post_build hook (see Trunk.toml): writes FILE.gz beside every text
# and wasm file of a release build, compressed with zopfli, which finds a
# smaller gzip stream than `gzip -9` (about 5% on the wasm) and is decoded by
# every browser like any gzip. Static hosts that serve such files when the
# browser accepts gzip (nginx `gzip_static on`, Caddy `precompressed gzip`,
# scripts/static-server.mjs) then send these bytes; others compress on the fly.
# Usage: precompress.sh [DIR]  (default: $TRUNK_STAGING_DIR)
set -euo pipefail
dir=${1:-${TRUNK_STAGING_DIR:?run by Trunk, or pass a directory}}
if [ "${TRUNK_PROFILE:-release}" != release ]; then
  exit 0 # development builds change on every save; compressing them is wasted time
fi
if command -v zopfli >/dev/null 2>&1; then
  pack() { zopfli -c "$1" >"$1.gz"; }
else
  # Still valid, just larger; scripts/install.sh installs zopfli.
  echo "[precompress] zopfli not found: using gzip -9 (run scripts/install.sh)" >&2
  pack() { gzip -9 -n -c "$1" >"$1.gz"; }
fi
shopt -s nullglob
for f in "$dir"/*.{wasm,js,css,html,svg}; do
  pack "$f"
  touch -r "$f" "$f.gz" # same mtime: the server can tell the pair belongs together
done

#!/usr/bin/env bash
# Trunk's post_build hook (see Trunk.toml), release builds only:
#  1. minifies wasm-bindgen's JS glue and static/loader.js with terser
#     (Trunk's own `minify` handles the HTML and CSS but passes them through
#     unchanged): the glue about 36 KB -> 16 KB raw, 1.6 KB less gzip; the
#     loader keeps its comments in the source, 0.4 KB less Brotli;
#  2. writes FILE.gz beside every text and wasm file, compressed with zopfli,
#     which finds a smaller gzip stream than `gzip -9` (about 5% on the wasm)
#     and is decoded by every browser like any gzip. Static hosts that serve
#     such files when the browser accepts gzip (nginx `gzip_static on`, Caddy
#     `precompressed gzip`, scripts/static-server.mjs) send these bytes;
#     others compress on the fly;
#  3. writes FILE.br beside them, Brotli at its highest quality
#     (scripts/brotli.mjs, node's own zlib): the wasm is about 12% smaller
#     than its zopfli .gz. Every current browser accepts br over HTTPS (and
#     Chromium even from http://127.0.0.1); hosts that serve precompressed
#     Brotli (nginx `brotli_static on`, Caddy `precompressed br gzip`,
#     scripts/static-server.mjs) send it to them, the .gz to the rest.
# Usage: post-build.sh [DIR]  (default: $TRUNK_STAGING_DIR)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir=${1:-${TRUNK_STAGING_DIR:?run by Trunk, or pass a directory}}
if [ "${TRUNK_PROFILE:-release}" != release ]; then
  exit 0 # development builds change on every save; this would be wasted time
fi
say() { printf '[post-build] %s\n' "$*" >&2; }
shopt -s nullglob

terser="$root/e2e/node_modules/.bin/terser"
for f in "$dir"/*.js; do
  # wasm-bindgen's output (the file whose wasm sits beside it) and the loader.
  [ -e "${f%.js}_bg.wasm" ] || [ "${f##*/}" = loader.js ] || continue
  if [ -x "$terser" ]; then
    # Local names only: the import and export names the wasm binds to are
    # property names, which terser leaves alone.
    "$terser" "$f" --module --compress --mangle -o "$f.min" && mv "$f.min" "$f"
  else
    say "terser not found: ${f##*/} left unminified (run scripts/install.sh)"
  fi
done

if command -v zopfli >/dev/null 2>&1; then
  pack() { zopfli -c "$1" >"$1.gz"; }
else
  say "zopfli not found: using gzip -9 (run scripts/install.sh)"
  pack() { gzip -9 -n -c "$1" >"$1.gz"; }
fi
files=("$dir"/*.{wasm,js,css,html,svg,txt})
for f in "${files[@]}"; do
  pack "$f"
done
if [ ${#files[@]} -gt 0 ]; then
  node "$root/scripts/brotli.mjs" "${files[@]}"
fi
for f in "${files[@]}"; do
  # Same mtime: the server can tell each copy was made from this very file.
  touch -r "$f" "$f.gz" "$f.br"
done

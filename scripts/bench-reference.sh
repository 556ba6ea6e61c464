#!/usr/bin/env bash
# `make bench-reference`: `make bench`, with the start-up of an earlier build
# of the page timed in the same runs, taking turns with today's pages, so
# "has the first answer got slower?" is answered on one machine at one load.
# Not part of `make test`.
#
#   REF=542e676   the commit to build: by default the last one before the
#                 page had two languages (docs/performance.md, seventh session)
#
# The earlier build lives in target/reference/ (a git worktree and its own
# cargo target directory), built once per commit. Its files get Brotli
# copies as today's do, so both pages reach the browser the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
REF=${REF:-542e676}
export PATH="$root/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

commit=$(git rev-parse --verify "$REF^{commit}")
work=target/reference/src
dist=target/reference/dist-$commit
if [ ! -f "$dist/index.html" ]; then
  echo "building the reference page at $commit (once; target/reference/)"
  git worktree remove --force "$work" 2>/dev/null || rm -rf "$work"
  git worktree prune
  git worktree add --detach "$work" "$commit" >/dev/null
  # Its scripts call terser and wasm-opt from e2e/node_modules/.bin.
  ln -sfn "$root/e2e/node_modules" "$work/e2e/node_modules"
  (cd "$work" && cargo fetch --quiet && CARGO_TARGET_DIR="$root/target/reference/target" trunk build --release --offline --dist "$root/$dist")
  files=()
  for f in "$dist"/*.{wasm,js,css,html,svg}; do
    [ -f "$f.br" ] || files+=("$f")
  done
  if [ ${#files[@]} -gt 0 ]; then
    node scripts/brotli.mjs "${files[@]}"
    for f in "${files[@]}"; do touch -r "$f" "$f.br"; done
  fi
fi
BENCH_REFERENCE="$dist" BENCH_REFERENCE_NAME="$(git log -1 --format='%h, %ad' --date=short "$commit")" node scripts/bench.mjs

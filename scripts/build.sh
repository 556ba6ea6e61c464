#!/usr/bin/env bash
# The release site, one page per language (`make build`, scripts/test.sh):
#   dist/                 English             index.html
#   dist/zh-cn/           Simplified Chinese  index.zh-cn.html (cargo feature `zh-cn`)
# and each language's workshop, a build of its own (src/site.rs says why):
#   dist/workshop/        English             workshop.html (feature `workshop`)
#   dist/zh-cn/workshop/  Simplified Chinese  workshop.zh-cn.html
# Each page is a complete site of its own (wasm, glue, CSS, loader,
# explanations.txt) with relative URLs, so dist/ works from any sub-path and
# dist/zh-cn/ works inside it. Trunk empties its output directory first, so
# each language is built into its own directory under target/ and dist/ is
# assembled from them only when both builds succeeded.
# Usage: scripts/build.sh   (needs what scripts/install.sh build installs)
set -euo pipefail
cd "$(dirname "$0")/.."
# npm's binaryen@132 wasm-opt must come before any other (Debian's is too old).
export PATH="$PWD/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

# language tag (also the sub-directory under dist/, "" = the root), HTML entry
PAGES=("en:index.html" "zh-cn:index.zh-cn.html" "en-workshop:workshop.html" "zh-cn-workshop:workshop.zh-cn.html")

for page in "${PAGES[@]}"; do
  lang=${page%%:*} entry=${page#*:}
  printf '[build] %s: trunk build --release --offline --dist target/site-%s %s\n' "$lang" "$lang" "$entry" >&2
  trunk build --release --offline --dist "target/site-$lang" "$entry"
done

# cp -a keeps the mtimes: a FILE.gz counts only beside the file it was made
# from at the same mtime (scripts/post-build.sh, scripts/static-server.mjs).
rm -rf target/site-dist
cp -a target/site-en target/site-dist
cp -a target/site-zh-cn target/site-dist/zh-cn
cp -a target/site-en-workshop target/site-dist/workshop
cp -a target/site-zh-cn-workshop target/site-dist/zh-cn/workshop
rm -rf dist
mv target/site-dist dist
printf '[build] dist/ (en), dist/zh-cn/ (zh-cn) and their workshop/ ready\n' >&2

#!/usr/bin/env bash
# Installs what building (`install.sh build`) or testing (`install.sh test`)
# caplens needs, skipping everything already present. Nothing here downloads a
# prebuilt binary: Rust tools are compiled with `cargo install`, wasm-opt comes
# from npm's binaryen (a JS/wasm build that runs on node), the browser from apt.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-build}
TRUNK_VERSION=0.21.14
NODE_MIN_MAJOR=20   # playwright-core 1.65 needs node >= 20
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[install] %s\n' "$*"; }
die() { printf '[install] error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "root is needed to run: $*"; fi
}

APT_UPDATED=
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
  if [ -z "$APT_UPDATED" ]; then
    say "apt-get update"
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  say "apt-get install ${missing[*]}"
  without_service_starts as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Everything installed here is a tool, never a service: nginx's package would
# otherwise start a default site on port 80 (and fail to install when that
# port is taken). A policy-rc.d that answers 101 tells Debian's maintainer
# scripts not to start services; one that already exists (container images
# ship one) is left as it is.
without_service_starts() {
  local policy=/usr/sbin/policy-rc.d
  if [ -e "$policy" ]; then "$@"; return; fi
  printf '#!/bin/sh\n# scripts/install.sh: no service starts while it installs\nexit 101\n' | as_root tee "$policy" >/dev/null
  as_root chmod 755 "$policy"
  trap 'as_root rm -f /usr/sbin/policy-rc.d' EXIT
  "$@"
  as_root rm -f "$policy"
  trap - EXIT
}

# The binaryen from Debian (version 108) cannot read wasm-bindgen 0.2.130's
# output; if it is on PATH before ours, Trunk's release build fails.
warn_debian_binaryen() {
  if [ -x /usr/bin/wasm-opt ]; then
    say "note: /usr/bin/wasm-opt (Debian binaryen) is installed; the Makefile puts npm's binaryen@132 first on PATH"
  fi
}

# Cargo's release profile for these tools is fat LTO with one codegen unit;
# on two cores that alone takes many minutes, and the tools run fine without.
cargo_install() {
  say "cargo install $*  (several minutes on a small machine)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"
}

lock_version() {  # version of a package in Cargo.lock
  awk -v n="$1" '$1=="name" && $3=="\""n"\"" {getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock
}

install_build() {
  command -v cargo >/dev/null 2>&1 || die "Rust is not installed. Install rustup (https://rustup.rs or 'apt-get install rustup' on Debian 13) and rerun."
  command -v cc >/dev/null 2>&1 || apt_install gcc libc6-dev
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge "$NODE_MIN_MAJOR" ] || die "node $(node --version) is too old; node >= $NODE_MIN_MAJOR is needed (Debian 13 ships 20)"

  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi

  if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
    # 0.22 needs rustc >= 1.96.1; pin the last release that builds on 1.95.
    cargo_install --locked trunk --version "$TRUNK_VERSION"
  fi

  local wbg
  wbg=$(lock_version wasm-bindgen)
  [ -n "$wbg" ] || die "wasm-bindgen not found in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg" ]; then
    # Must equal Cargo.lock exactly. No --locked: the crate's own lockfile pins
    # a webpki-roots that the registry no longer serves.
    cargo_install wasm-bindgen-cli --version "$wbg"
  fi

  if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ ! -x e2e/node_modules/.bin/terser ] || [ ! -d e2e/node_modules/playwright-core ] \
     || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
    say "npm ci (playwright-core, binaryen@132, terser)"
    (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  fi
  warn_debian_binaryen

  # zopfli: the release build's precompressed .gz files (scripts/post-build.sh).
  command -v zopfli >/dev/null 2>&1 || apt_install zopfli

  say "cargo fetch"
  cargo fetch --quiet
}

install_test() {
  install_build
  # libcap2-bin: capsh/getcap/setcap for the differential tests.
  # nginx: e2e/nginx.test.mjs runs deploy/nginx.conf in an nginx of its own
  # (own port, pid and logs); the package's service is neither started nor
  # used. Debian's `nginx` is the smallest package with gzip_static
  # (nginx-light only adds a module to it).
  # libnginx-mod-http-brotli-static: deploy/nginx.conf's `brotli_static`
  # (a module built for this very nginx package; nginx -t fails without it).
  # fonts-wqy-microhei: a small Chinese font, or headless Chromium draws the
  # Chinese page (dist/zh-cn/) as empty boxes in scripts/screenshots.mjs.
  apt_install chromium chromium-driver libcap2-bin nginx libnginx-mod-http-brotli-static fonts-wqy-microhei zbar-tools  # zbarimg reads QR codes back: crates/qr/tests/decoder.rs, e2e/share.test.mjs
  # cargo-fuzz for the brief fuzz run (scripts/fuzz.sh); it needs a nightly
  # toolchain, which is not installed here: without one the run is skipped.
  if [ -f scripts/fuzz.sh ] && cargo +nightly --version >/dev/null 2>&1 \
     && ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    cargo_install --locked cargo-fuzz --version 0.13.2
  fi
}

case "$MODE" in
  build) install_build ;;
  test) install_test ;;
  *) die "usage: $0 build|test" ;;
esac
say "ready ($MODE)"

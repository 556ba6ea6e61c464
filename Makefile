# caplens: `make serve` to run the page locally, `make test` to run every test.
SHELL := /bin/bash
# npm's binaryen@132 wasm-opt must come before any other (Debian's is too old).
export PATH := $(CURDIR)/e2e/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
PORT ?= 8080
# 127.0.0.1: this machine only. HOST=0.0.0.0 serves the LAN (a room without internet).
HOST ?= 127.0.0.1

.PHONY: serve build install install-test test bench bench-reference bench-checkov checkov-diff screenshots

## make serve: install what is missing, build the release site, serve it at http://127.0.0.1:$(PORT)
## (Chinese: http://127.0.0.1:$(PORT)/zh-cn/)
## (make serve HOST=0.0.0.0: to the whole LAN, printing the addresses to give a room)
serve: build
	node scripts/static-server.mjs dist $(PORT) $(HOST)

## make build: the static site in dist/, English at its root and Chinese in dist/zh-cn/
## (works from any sub-path of any static host)
build: install
	bash scripts/build.sh

install:
	bash scripts/install.sh build

install-test:
	bash scripts/install.sh test

## make test: install what the tests need and run every suite; prints "N passed, M failed, K skipped"
test:
	bash scripts/test.sh

## make bench: size and speed figures against their targets (not part of make test)
bench: build
	node scripts/bench.mjs

## make bench-reference: make bench, with an earlier build's first answer timed in the same runs
## (REF=commit; by default the last one before the two languages; built once into target/reference/)
bench-reference: build
	bash scripts/bench-reference.sh

## make bench-checkov: the CLI against Checkov on the same manifests (installs Checkov into target/checkov-venv; not part of make test)
bench-checkov:
	bash scripts/bench-checkov.sh

## make checkov-diff: caplens's Checkov verdicts (`peers`) against Checkov itself on ~230 workloads (part of make test)
checkov-diff:
	bash scripts/checkov-diff.sh

## make screenshots: PNGs of every view at phone and desktop widths, both languages, in e2e/screenshots/
screenshots: build
	node scripts/screenshots.mjs

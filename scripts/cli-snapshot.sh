#!/usr/bin/env bash
# Runs the `caplens` CLI over the example files, the test fixtures and the
# e2e inputs, in text and --json, and writes each run's stdout, stderr and
# exit status to one file in OUTDIR, so two builds can be compared with
# `diff -r`. For refactors that must not change what the CLI prints.
# Usage: scripts/cli-snapshot.sh PATH/TO/caplens OUTDIR [LANG]
# LANG, when given, is passed as `--lang LANG` to every command that reads it.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=$1 out=$2 lang=${3:-}
mkdir -p "$out"
n=0

# run NAME STDIN ARGS...   (STDIN is a file or - for none)
run() {
  local name=$1 input=$2; shift 2
  n=$((n + 1))
  local f; f=$(printf '%s/%03d-%s.txt' "$out" "$n" "$name")
  {
    printf '$ caplens %s\n' "$*"
    if [ "$input" = - ]; then "$bin" "$@" </dev/null 2>"$f.err"; else "$bin" "$@" <"$input" 2>"$f.err"; fi
    printf '\n[exit %d]\n[stderr]\n' "$?"
    cat "$f.err"
  } | sed "s#$tmp#TMP#g" >"$f"
  rm -f "$f.err"
}
L=(); [ -n "$lang" ] && L=(--lang "$lang")

# Inputs written here are named TMP/... in the output, so runs compare.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'kind: Pod\nspec:\n  containers: [\n' >"$tmp/bad.yaml"
printf 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  initContainers:\n  - name: i\n    image: x\n    securityContext: {runAsUser: 0, capabilities: {drop: [ALL], add: [CHOWN, BOGUS]}}\n  ephemeralContainers:\n  - name: e\n    image: x\n  containers:\n  - name: c\n    image: x\n' >"$tmp/init.yaml"
printf 'kind: ConfigMap\nmetadata: {name: x}\n' >"$tmp/nocont.yaml"
printf 'hello there\n' >"$tmp/notyaml.txt"
printf 'a: [1,\n' >"$tmp/yamlerr.yaml"
printf '{"before":{"uid":1000,"permitted":"0","effective":"0","inheritable":"0","bounding":"1ffffffffff","ambient":"0"},"file":{"setuid_root":false,"caps":{"permitted":"2000","inheritable":"0","effective":true}},"id":1}\n{"before":{"uid":0},"file":{"setuid_root":false,"caps":null},"rule":"pre2025"}\nnot json\n{"before":{"uid":1000,"ambient":"2000"}}\n' >"$tmp/exec.jsonl"

run help - help
run help-decode - decode --help
run help-exec - exec --help
run help-k8s - k8s --help
run help-docker - docker --help
run unknown - frobnicate

for f in examples/*.yaml; do
  b=$(basename "$f" .yaml)
  run "k8s-$b" - k8s "${L[@]}" "$f"
  run "k8s-json-$b" - k8s "${L[@]}" --json "$f"
  run "k8s-crio-$b" - k8s "${L[@]}" --runtime crio "$f"
  run "k8s-nonroot-$b" - k8s "${L[@]}" --image-user nonroot --kernel 5.4 "$f"
done
run k8s-all - k8s "${L[@]}" examples/*.yaml
for f in bad.yaml init.yaml nocont.yaml notyaml.txt yamlerr.yaml; do
  run "k8s-$f" - k8s "${L[@]}" "$tmp/$f"
  run "k8s-json-$f" - k8s "${L[@]}" --json "$tmp/$f"
done
run k8s-missing - k8s "${L[@]}" no/such/file.yaml
run k8s-failon - k8s "${L[@]}" --fail-on high examples/cpb-demo-typo.yaml

while IFS= read -r cmd; do
  [ -z "$cmd" ] && continue
  # shellcheck disable=SC2086
  run docker - docker "${L[@]}" -- $cmd
  # shellcheck disable=SC2086
  run docker-json - docker "${L[@]}" --json -- $cmd
done <<'EOF'
docker run --rm --cap-add NET_ADMIN --cap-drop KILL --user 1000 busybox ip link add dummy0 type dummy
docker run --cap-add NET_RAW alpine
docker run --privileged --cap-drop ALL --cap-add CHOWN --user 0 -it alpine
docker run --cap-add NET_ADMIN --user 1000 alpine
docker run --cap-add sys_admin,net_admin --cap-drop CAP_NET_RAW alpine
docker run --cap-add ALL --security-opt no-new-privileges alpine
docker run --user
podman run --cap-add NET_BIND_SERVICE -u 1000 alpine
EOF
run podman - podman "${L[@]}" -- run --cap-add NET_RAW --user 1000 alpine

for m in a80425fb 0000001fffffffff 000001ffffffffff ffffffffffffffff c000000000000000 0 zz 00000000a80425fg; do
  run decode - decode "${L[@]}" "$m"
  run decode-json - decode "${L[@]}" --json "$m"
  run decode-explain - decode "${L[@]}" --explain --describe "$m"
done
for f in tests/fixtures/*.txt; do
  run "decode-$(basename "$f" .txt)" "$f" decode "${L[@]}" --explain -
  run "decode-json-$(basename "$f" .txt)" "$f" decode "${L[@]}" --json -
done
run decode-names - decode "${L[@]}" --names "net_raw,CAP_SYS_ADMIN 13 ALL"
run decode-names-bad - decode "${L[@]}" --names "net_rw"

run exec-list - exec "${L[@]}" --example list
for ex in $("$bin" exec --example list 2>/dev/null | awk '{print $1}' | grep -E '^[a-z0-9-]+$'); do
  run "exec-ex-$ex" - exec "${L[@]}" --example "$ex"
done
run exec-flags - exec "${L[@]}" --uid 1000 --euid 0 --securebits 5 --nnp --file cap_net_raw+p --rule pre2025
run exec-setuid - exec "${L[@]}" --uid 1000 --setuid-root --nosuid
run exec-ambient - exec "${L[@]}" --uid 1000 --inheritable cap_net_raw --permitted cap_net_raw --ambient cap_net_raw
run exec-setresuid - exec "${L[@]}" --uid 0 --setresuid 1000,1000,1000 --securebits keep_caps
run exec-bad-file - exec "${L[@]}" --file cap_net_rw+ep
run exec-bad-uid - exec "${L[@]}" --uid x1
run exec-json "$tmp/exec.jsonl" exec "${L[@]}" --json
echo "cli-snapshot: $n runs in $out"

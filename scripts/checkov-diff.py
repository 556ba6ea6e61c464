#!/usr/bin/env python3
"""Differential test: caplens's Checkov verdicts against the real Checkov.

Called by scripts/checkov-diff.sh, which builds the CLI and installs Checkov
first. Generates a few hundred Kubernetes workloads that vary how capabilities
are spelled and combined (plus the repository's own manifests), runs Checkov
on them (six capability checks only), records Checkov's verdict per workload
and check, then asks `caplens k8s --json` what it believes Checkov says (the
`peers` entries of each container) and lists every disagreement.

Standard library only. Exit status: 0 when both agree everywhere, 1 otherwise.

  KEEP=1     keep the generated manifests (kept anyway when there are differences)
  ISOLATE=0  don't run the tools in a fresh network namespace
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CAPLENS = os.environ["CAPLENS"]
CHECKOV = os.environ["CHECKOV"]
CHECKOV_VERSION = os.environ.get("CHECKOV_VERSION", "?")
OUT = os.path.join(ROOT, "target", "checkov-diff")
ISOLATE = ["unshare", "-n"] if os.environ.get("ISOLATE", "1") == "1" else []
CHECKS = ["CKV_K8S_16", "CKV_K8S_20", "CKV_K8S_25", "CKV_K8S_28", "CKV_K8S_37", "CKV_K8S_39"]
KINDS = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet"]

# Capability spellings people write; Checkov compares strings, caplens
# normalises them, and this is where the two may part.
SPELLINGS = ["NET_RAW", "net_raw", "CAP_NET_RAW", "cap_net_raw", "Net_Raw",
             "SYS_ADMIN", "sys_admin", "CAP_SYS_ADMIN", "cap_sys_admin",
             "ALL", "all", "All", "CAP_ALL", "NET_BIND_SERVICE", "cap_net_bind_service"]

HARDENED = ["allowPrivilegeEscalation: false", "runAsNonRoot: true", "runAsUser: 1000",
            "capabilities:", "  drop: [ALL]"]


def caps(add=None, drop=None):
    out = ["capabilities:"]
    if add is not None:
        out.append(f"  add: [{', '.join(add)}]")
    if drop is not None:
        out.append(f"  drop: [{', '.join(drop)}]")
    return out


def profiles():
    """(label, container securityContext lines or None for no securityContext)."""
    out = []
    for s in SPELLINGS:
        out.append((f"add {s}", caps(add=[s])))
        out.append((f"drop {s}", caps(drop=[s])))
        out.append((f"drop {s}, add {s}", caps(add=[s], drop=[s])))
    out += [
        ("no securityContext", None),
        ("empty securityContext", ["{}"]),
        ("capabilities: {}", ["capabilities: {}"]),
        ("capabilities: null", ["capabilities: null"]),
        ("empty add and drop", caps(add=[], drop=[])),
        ("drop ALL, add NET_BIND_SERVICE", caps(add=["NET_BIND_SERVICE"], drop=["ALL"])),
        ("drop all, add net_raw", caps(add=["net_raw"], drop=["all"])),
        ("drop ALL, add SYS_ADMIN", caps(add=["SYS_ADMIN"], drop=["ALL"])),
        ("drop ALL, add CAP_SYS_ADMIN", caps(add=["CAP_SYS_ADMIN"], drop=["ALL"])),
        ("drop NET_RAW and ALL", caps(drop=["NET_RAW", "ALL"])),
        ("drop CAP_NET_RAW, add CAP_SYS_ADMIN", caps(add=["CAP_SYS_ADMIN"], drop=["CAP_NET_RAW"])),
        ("drop ALL, add ALL", caps(add=["ALL"], drop=["ALL"])),
        ("block list drop ALL", ["capabilities:", "  drop:", "  - ALL", "  add:", "  - NET_ADMIN"]),
        ("quoted 'ALL'", ["capabilities:", "  drop: ['ALL']"]),
        ("typo capabilites", ["capabilites:", "  drop: [ALL]"]),
        ("privileged: true", ["privileged: true"]),
        ("privileged: false", ["privileged: false"]),
        ("privileged and drop ALL", ["privileged: true"] + caps(drop=["ALL"])),
        ("allowPrivilegeEscalation: true", ["allowPrivilegeEscalation: true"]),
        ("allowPrivilegeEscalation: false", ["allowPrivilegeEscalation: false"]),
        ("no escalation, drop ALL", ["allowPrivilegeEscalation: false"] + caps(drop=["ALL"])),
        ("runAsUser: 0", ["runAsUser: 0"]),
        ("runAsUser: 1000", ["runAsUser: 1000"] + caps(drop=["ALL"])),
        ("runAsNonRoot: true", ["runAsNonRoot: true", "allowPrivilegeEscalation: false"]),
        ("runAsNonRoot: false", ["runAsNonRoot: false"] + caps(add=["NET_ADMIN"])),
        ("hardened", HARDENED),
    ]
    return out


def indent(lines, n):
    return "".join(" " * n + line + "\n" for line in lines)


def container(name, sc, n):
    out = f"- name: {name}\n  image: registry.example/{name}:1\n"
    if sc is not None:
        out += "  securityContext:" + (" {}\n" if sc == ["{}"] else "\n" + indent(sc, 4))
    return indent(out.splitlines(), n)


def pod_spec(groups, pod_sc, n):
    """groups: {"containers": [(name, sc)], "initContainers": [...], ...}."""
    out = ""
    if pod_sc:
        out += " " * n + "securityContext:\n" + indent(pod_sc, n + 2)
    for key, items in groups.items():
        out += " " * n + f"{key}:\n"
        for name, sc in items:
            out += container(name, sc, n)
    return out


def workload(kind, name, groups, pod_sc=None):
    head = f"kind: {kind}\nmetadata:\n  name: {name}\n  namespace: diff\n"
    labels = f"{{app: {name}}}"
    if kind == "Pod":
        return "apiVersion: v1\n" + head + "spec:\n" + pod_spec(groups, pod_sc, 2)
    template = f"metadata:\n  labels: {labels}\nspec:\n"
    if kind == "Job":
        return ("apiVersion: batch/v1\n" + head + "spec:\n  template:\n" + indent(template.splitlines(), 4)
                + "      restartPolicy: Never\n" + pod_spec(groups, pod_sc, 6))
    if kind == "CronJob":
        return ("apiVersion: batch/v1\n" + head + "spec:\n  schedule: '*/5 * * * *'\n  jobTemplate:\n"
                "    spec:\n      template:\n" + indent(template.splitlines(), 8)
                + "          restartPolicy: Never\n" + pod_spec(groups, pod_sc, 10))
    body = f"spec:\n  selector:\n    matchLabels: {labels}\n"
    if kind == "StatefulSet":
        body += f"  serviceName: {name}\n"
    return ("apiVersion: apps/v1\n" + head + body + "  template:\n" + indent(template.splitlines(), 4)
            + pod_spec(groups, pod_sc, 6))


def generated():
    """Every generated workload as (file name, [document])."""
    files = []
    profs = profiles()
    # 1. Each profile on a single-container Pod, then on every other kind.
    for i, (_, sc) in enumerate(profs):
        files.append((f"pod-{i:03}.yaml", [workload("Pod", f"pod-{i:03}", {"containers": [("app", sc)]})]))
        kind = KINDS[1 + i % (len(KINDS) - 1)]
        files.append((f"kind-{i:03}.yaml",
                      [workload(kind, f"kind-{i:03}", {"containers": [("app", sc)]})]))
    # 2. The profile on an init container or an ephemeral container next to a
    # hardened main container.
    for i, (_, sc) in enumerate(profs):
        if i % 2 == 0:
            groups = {"initContainers": [("init", sc)], "containers": [("app", HARDENED)]}
            files.append((f"init-{i:03}.yaml", [workload(KINDS[i % len(KINDS)], f"init-{i:03}", groups)]))
        if i % 3 == 0:
            groups = {"containers": [("app", HARDENED)], "ephemeralContainers": [("debug", sc)]}
            files.append((f"eph-{i:03}.yaml", [workload("Pod", f"eph-{i:03}", groups)]))
    # 3. Two containers, one hardened and one not, every kind in one file.
    docs = []
    for j, kind in enumerate(KINDS):
        _, sc = profs[(j * 11) % len(profs)]
        docs.append(workload(kind, f"mix-{j}", {"containers": [("a", HARDENED), ("b", sc)]}))
    files.append(("mix.yaml", docs))
    # 4. Pod-level securityContext: runAsUser/runAsNonRoot, and capabilities
    # where Kubernetes has no such field.
    pod_level = [["runAsUser: 1000"], ["runAsNonRoot: true"], ["runAsUser: 0"],
                 ["capabilities:", "  drop: [ALL]"]]
    for k, psc in enumerate(pod_level):
        for c, (_, sc) in enumerate([profs[0], profs[45], profs[-1]]):
            name = f"podsc-{k}{c}"
            files.append((f"{name}.yaml", [workload(KINDS[(k + c) % len(KINDS)], name,
                                                    {"containers": [("app", sc)]}, psc)]))
    return files


def repo_manifests():
    """The repository's own manifests: (relative target path, text)."""
    out = []
    patterns = ["examples/*.yaml", "tests/fixtures/*.yaml", "fuzz/corpus/k8s/*.yaml"]
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
            text = open(path, encoding="utf-8").read()
            if re.search(r"^kind:", text, re.M):  # leaves compose files out
                out.append((os.path.relpath(path, ROOT).replace("/", "__"), text))
    # The end-to-end tests build their multi-document pastes from a template
    # literal `const doc = (i) => \`...\``; render it for i = 0 and 1.
    for path in sorted(glob.glob(os.path.join(ROOT, "e2e", "*.test.mjs"))):
        src = open(path, encoding="utf-8").read()
        for n, m in enumerate(re.finditer(r"const doc = \(i\) => `([^`]*)`", src)):
            body = m.group(1).encode().decode("unicode_escape")
            text = "".join(body.replace("${i}", str(i)) for i in range(2))
            out.append((f"e2e__{os.path.basename(path)}-{n}.yaml", text))
    return out


def write_all(tmp):
    count = 0
    for name, docs in generated():
        with open(os.path.join(tmp, name), "w") as f:
            f.write("---\n".join(docs))
        count += len(docs)
    for name, text in repo_manifests():
        with open(os.path.join(tmp, name), "w") as f:
            f.write(text)
    return count


def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout, p.stderr.decode(errors="replace")


def worst(a, b):
    """One verdict for several results of one workload and check: a failure
    wins over a pass, a pass over a check that did not run."""
    rank = {None: 0, "not-run": 1, "pass": 2, "fail": 3}
    return a if rank.get(a, 4) >= rank.get(b, 4) else b


def checkov_verdicts(tmp):
    """{(file, kind, name): {check: "pass"|"fail"}} from one Checkov run."""
    cmd = ISOLATE + [CHECKOV, "-d", tmp, "--framework", "kubernetes", "--skip-download",
                     "-o", "json", "--check", ",".join(CHECKS)]
    rc, out, err = run(cmd, tmp)
    if rc not in (0, 1):
        sys.exit(f"checkov failed ({rc}):\n{err[-2000:]}")
    doc = json.loads(out)
    verdicts = {}
    for report in doc if isinstance(doc, list) else [doc]:
        results = report.get("results", {})
        # A check skipped by a `checkov.io/skip` annotation did not run.
        for verdict, key in (("pass", "passed_checks"), ("fail", "failed_checks"),
                             ("not-run", "skipped_checks")):
            for r in results.get(key, []):
                parts = r["resource"].split(".", 2)
                key3 = (r["file_path"].lstrip("/"), parts[0], parts[-1])
                seen = verdicts.setdefault(key3, {})
                seen[r["check_id"]] = worst(seen.get(r["check_id"]), verdict)
    return verdicts


def caplens_verdicts(tmp):
    """{(file, kind, name): {check: verdict}} from the containers' `peers`, or
    None when caplens does not report peers at all."""
    verdicts, any_peers = {}, False
    for f in sorted(os.listdir(tmp)):
        rc, out, err = run([CAPLENS, "k8s", "--json", f], tmp)
        try:
            containers = json.loads(out)["containers"]
        except (ValueError, KeyError):
            print(f"caplens gave no JSON for {f} (exit {rc}): {err.strip()[:300]}")
            continue
        for c in containers:
            if "/" not in (c.get("workload") or ""):
                continue
            kind, name = c["workload"].split("/", 1)
            seen = verdicts.setdefault((c["file"], kind, name), {})
            if "peers" in c:
                any_peers = True
            for p in c.get("peers") or []:
                if p.get("tool") != "checkov" or p.get("rule") not in CHECKS:
                    continue
                # "workload" scope: every container carries the same verdict
                # (two different ones are a difference of their own);
                # "container" scope: the workload fails when one container does.
                verdict, before = p.get("verdict"), seen.get(p["rule"])
                if p.get("scope") == "workload" and before not in (None, verdict):
                    seen[p["rule"]] = f"inconsistent ({before}/{verdict})"
                elif p.get("scope") == "workload" or before is None:
                    seen[p["rule"]] = verdict
                elif not before.startswith("inconsistent"):
                    seen[p["rule"]] = worst(before, verdict)
    return verdicts if any_peers else None


def compare(theirs, ours):
    """Differences as (workload key, check, Checkov's verdict, caplens's)."""
    diffs = []
    for key in sorted(set(theirs) | set(ours)):
        for check in CHECKS:
            a = theirs.get(key, {}).get(check, "not-run")
            b = ours.get(key, {}).get(check, "missing") if key in ours else "no workload"
            if a != b:
                diffs.append((key, check, a, b))
    return diffs


def record(theirs, ours, diffs):
    os.makedirs(OUT, exist_ok=True)
    rows = [{"file": k[0], "kind": k[1], "name": k[2],
             "checkov": {c: v.get(c, "not-run") for c in CHECKS},
             "caplens": ours.get(k) if ours is not None else None}
            for k, v in sorted(theirs.items())]
    with open(os.path.join(OUT, "verdicts.json"), "w") as f:
        json.dump({"checkov_version": CHECKOV_VERSION, "checks": CHECKS, "workloads": rows,
                   "differences": [{"file": k[0], "kind": k[1], "name": k[2], "check": c,
                                    "checkov": a, "caplens": b} for k, c, a, b in diffs]},
                  f, indent=1)
    return os.path.join(OUT, "verdicts.json")


def main():
    tmp = tempfile.mkdtemp(prefix="caplens-checkov-diff-")
    keep = os.environ.get("KEEP") == "1"
    try:
        generated_docs = write_all(tmp)
        theirs = checkov_verdicts(tmp)
        ours = caplens_verdicts(tmp)
        diffs = compare(theirs, ours) if ours is not None else []
        path = record(theirs, ours, diffs)
        print(f"{generated_docs} generated workloads and {len(repo_manifests())} repository manifests"
              f" in {tmp}; Checkov {CHECKOV_VERSION} verdicts in {os.path.relpath(path, ROOT)}")
        if ours is None:
            print("caplens k8s --json reports no \"peers\" for any container: nothing to compare"
                  " (FAIL until caplens says what Checkov would answer)")
            keep = True
            return 1
        print(f"checkov differential: {len(set(theirs) | set(ours))} workloads × {len(CHECKS)} checks,"
              f" {len(diffs)} differences")
        for (f, kind, name), check, a, b in diffs:
            print(f"  {f} {kind}/{name} {check}: checkov {a}, caplens {b}")
        keep = keep or bool(diffs)
        return 1 if diffs else 0
    finally:
        if keep:
            print(f"manifests kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""caplens CLI against Checkov on one shared set of manifests.

Called by scripts/bench-checkov.sh, which builds the CLI and installs Checkov
first. Generates the manifests into a temporary directory, times both tools on
each set (wall clock, several runs) and prints, for the users.md 1.5 Pods
p01-p11, what each tool says about capabilities. Standard library only.
"""
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CAPLENS = os.environ["CAPLENS"]
CHECKOV = os.environ["CHECKOV"]
RUNS = int(os.environ.get("RUNS", "5"))
# Offline for both tools: a fresh network namespace when we may create one.
ISOLATE = ["unshare", "-n"] if os.environ.get("ISOLATE", "1") == "1" else []

# The eleven Pods of users.md 1.5: (name, what it shows, pod-level
# securityContext lines, container securityContext lines).
CASES = [
    ("p01", "drop [all], add NET_BIND_SERVICE", [], ["capabilities:", "  drop: [all]", "  add: [NET_BIND_SERVICE]"]),
    ("p02", "drop ALL, add CAP_SYS_ADMIN", [], ["capabilities:", "  drop: [ALL]", "  add: [CAP_SYS_ADMIN]"]),
    ("p03", "drop ALL, add sys_admin", [], ["capabilities:", "  drop: [ALL]", "  add: [sys_admin]"]),
    ("p04", "uid 1000, no escalation, add NET_BIND_SERVICE", [],
     ["runAsUser: 1000", "allowPrivilegeEscalation: false", "capabilities:", "  drop: [ALL]", "  add: [NET_BIND_SERVICE]"]),
    ("p05", "no securityContext", [], []),
    ("p06", "privileged: true", [], ["privileged: true"]),
    ("p07", "capabilities at Pod level", ["capabilities:", "  drop: [ALL]"], []),
    ("p08", "drop NET_RAW", [], ["capabilities:", "  drop: [NET_RAW]"]),
    ("p09", "add ALL", [], ["capabilities:", "  add: [ALL]"]),
    ("p10", "drop CAP_NET_RAW", [], ["capabilities:", "  drop: [CAP_NET_RAW]"]),
    ("p11", "typo 'capabilites:'", [], ["capabilites:", "  drop: [ALL]"]),
]
CHECKS = ["CKV_K8S_16", "CKV_K8S_25", "CKV_K8S_28", "CKV_K8S_37", "CKV_K8S_39"]
CHECK_LABEL = {"CKV_K8S_16": "16 priv", "CKV_K8S_25": "25 add", "CKV_K8S_28": "28 NET_RAW",
               "CKV_K8S_37": "37 dropALL", "CKV_K8S_39": "39 SYS_ADMIN"}


def indent(lines, n):
    return "".join(" " * n + line + "\n" for line in lines)


def pod(name, pod_sc, ctr_sc, image="nginx:1.27"):
    out = f"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n  namespace: bench\nspec:\n"
    if pod_sc:
        out += "  securityContext:\n" + indent(pod_sc, 4)
    out += f"  containers:\n  - name: app\n    image: {image}\n"
    if ctr_sc:
        out += "    securityContext:\n" + indent(ctr_sc, 6)
    return out


def deployment(name, a, b):
    """Two containers, taking their securityContexts from cases a and b."""
    out = (f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\n  namespace: bench\n"
           f"spec:\n  replicas: 1\n  selector:\n    matchLabels: {{app: {name}}}\n  template:\n"
           f"    metadata:\n      labels: {{app: {name}}}\n    spec:\n")
    if a[2]:
        out += "      securityContext:\n" + indent(a[2], 8)
    out += "      containers:\n"
    for i, case in enumerate((a, b)):
        out += f"      - name: c{i}\n        image: registry.example/app:{i}\n"
        out += "        ports:\n        - containerPort: 8080\n"
        if case[3]:
            out += "        securityContext:\n" + indent(case[3], 10)
    return out


def generate(tmp):
    sets = {}
    cases = os.path.join(tmp, "cases")
    os.makedirs(cases)
    for name, _, pod_sc, ctr_sc in CASES:
        with open(os.path.join(cases, f"{name}.yaml"), "w") as f:
            f.write(pod(name, pod_sc, ctr_sc))
    # Small set: the p01-p11 Pods plus the repo's Kubernetes examples (the
    # compose file is left out; Checkov's kubernetes framework ignores it).
    small = os.path.join(tmp, "small")
    shutil.copytree(cases, small)
    for ex in sorted(glob.glob(os.path.join(ROOT, "examples", "*.yaml"))):
        if os.path.basename(ex) != "compose.yaml":
            shutil.copy(ex, small)
    sets["small"] = small
    # Many files: 300 Deployments of two containers each.
    many = os.path.join(tmp, "many")
    os.makedirs(many)
    for i in range(300):
        with open(os.path.join(many, f"d{i:03}.yaml"), "w") as f:
            f.write(deployment(f"d{i:03}", CASES[i % 11], CASES[(i * 7 + 3) % 11]))
    sets["many"] = many
    # One ~1 MB multi-document manifest of Pods and Deployments.
    big = os.path.join(tmp, "big")
    os.makedirs(big)
    docs, size, i = [], 0, 0
    while size < 1_000_000:
        case = CASES[i % 11]
        doc = pod(f"b{i:05}", case[2], case[3]) if i % 2 else deployment(f"b{i:05}", case, CASES[(i + 5) % 11])
        docs.append(doc)
        size += len(doc) + 4
        i += 1
    with open(os.path.join(big, "big.yaml"), "w") as f:
        f.write("---\n".join(docs))
    sets["1 MB"] = big
    return cases, sets


def files_of(d):
    return sorted(glob.glob(os.path.join(d, "*.yaml")))


def caplens_cmd(d):
    return ISOLATE + [CAPLENS, "k8s", "--json"] + files_of(d)


def checkov_cmd(d, quiet=True):
    cmd = ISOLATE + [CHECKOV, "-d", d, "--framework", "kubernetes", "--skip-download", "-o", "json"]
    return cmd + (["--quiet"] if quiet else [])


def run(cmd):
    """Wall time of one run; exit codes 0 and 1 (findings) are both normal."""
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    dt = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd[:6])} ...\n{p.stderr.decode(errors='replace')[-2000:]}")
    return dt, p.stdout


def checkov_reports(out):
    doc = json.loads(out)
    return doc if isinstance(doc, list) else [doc]


def checkov_resources(out):
    return sum(r.get("summary", {}).get("resource_count", 0) for r in checkov_reports(out))


def fmt(s):
    return f"{s * 1000:8.0f} ms" if s < 10 else f"{s:8.1f} s "


def bench(sets):
    print(f"\nWall time, {RUNS} runs each (median / min); one run of each tool in turn.")
    print(f"{'set':<28} {'caplens median':>15} {'min':>11} {'checkov median':>15} {'min':>11} {'ratio':>8}")
    rows = []
    for label, d in sets.items():
        files = files_of(d)
        nbytes = sum(os.path.getsize(f) for f in files)
        # Warm-up (page cache, Python bytecode) and a check that both really
        # analysed the set.
        _, out = run(caplens_cmd(d))
        n_containers = len(json.loads(out)["containers"])
        _, out = run(checkov_cmd(d, quiet=False))
        n_resources = checkov_resources(out)
        if n_containers == 0 or n_resources == 0:
            sys.exit(f"{label}: caplens saw {n_containers} containers, Checkov {n_resources} resources")
        a, b = [], []
        for _ in range(RUNS):
            a.append(run(caplens_cmd(d))[0])
            b.append(run(checkov_cmd(d))[0])
        ma, mb = statistics.median(a), statistics.median(b)
        desc = f"{label} ({len(files)} files, {nbytes / 1024:.0f} KB)"
        print(f"{desc:<28} {fmt(ma):>15} {fmt(min(a)):>11} {fmt(mb):>15} {fmt(min(b)):>11} {mb / ma:7.0f}x")
        rows.append((desc, n_containers, n_resources))
    for desc, n, r in rows:
        print(f"  {desc}: caplens analysed {n} containers, Checkov {r} resources")


def effective_count(c):
    """Capabilities in PID 1's effective set, e.g. "14" or "1/0" (root/non-root)."""
    def count(state):
        return str(bin(int(state["effective"], 16)).count("1"))
    if c.get("pid1"):
        return count(c["pid1"])
    by_user = c.get("pid1_by_image_user") or {}
    if "root" in by_user and "nonroot" in by_user:
        return f"{count(by_user['root'])}/{count(by_user['nonroot'])}"
    return "?"


def compare(cases_dir):
    _, out = run(caplens_cmd(cases_dir))
    ours, eff = {}, {}
    for c in json.loads(out)["containers"]:
        name = os.path.basename(c["file"]).removesuffix(".yaml")
        ours[name] = [f["id"] for f in c.get("findings", []) if f.get("id")]
        eff[name] = effective_count(c)
    _, out = run(checkov_cmd(cases_dir, quiet=False))
    theirs = {}
    for report in checkov_reports(out):
        results = report.get("results", {})
        for verdict, key in (("P", "passed_checks"), ("F", "failed_checks")):
            for r in results.get(key, []):
                name = os.path.basename(r["file_path"]).removesuffix(".yaml")
                theirs.setdefault(name, {})[r["check_id"]] = verdict
    print("\nCapabilities on the users.md 1.5 Pods (containerd): Checkov's checks (P pass, F fail);")
    print("caplens: how many capabilities PID 1 has in CapEff (as root/non-root when the image's")
    print("USER decides) and its finding ids")
    head = " ".join(f"{CHECK_LABEL[c]:>11}" for c in CHECKS)
    print(f"{'pod':<4} {'securityContext':<46} {head}  {'CapEff':>6}  caplens findings")
    for name, desc, _, _ in CASES:
        cols = " ".join(f"{theirs.get(name, {}).get(c, '-'):>11}" for c in CHECKS)
        ids = ", ".join(dict.fromkeys(ours.get(name, []))) or "(none)"
        print(f"{name:<4} {desc:<46} {cols}  {eff.get(name, '-'):>6}  {ids}")


def main():
    tmp = tempfile.mkdtemp(prefix="caplens-bench-checkov-")
    try:
        cases, sets = generate(tmp)
        print(f"manifests in {tmp}")
        compare(cases)
        bench(sets)
    finally:
        if os.environ.get("KEEP") != "1":
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

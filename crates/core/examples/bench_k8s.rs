//! Timing of the Kubernetes path on a 1 MB multi-document manifest:
//! YAML parsing, reading workloads, and the full per-container analysis.
//!
//! Run natively with `cargo run --release -p caplens-core --example bench_k8s`. Prints
//! figures; asserts nothing about time.

use caplens_core::k8s;
use caplens_core::paste::{self, Settings};
use caplens_core::yaml;
use std::time::{Duration, Instant};

/// A realistic Deployment (~900 bytes) with two containers, varied settings.
fn deployment(i: usize) -> String {
    let adds = [
        "NET_BIND_SERVICE",
        "NET_ADMIN",
        "SYS_ADMIN",
        "CAP_SYS_TIME",
        "chown",
    ][i % 5];
    let user = if i % 3 == 0 { "0" } else { "1000" };
    format!(
        "---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-{i}
  labels: {{app: app-{i}, tier: backend}}
spec:
  replicas: 3
  selector:
    matchLabels: {{app: app-{i}}}
  template:
    metadata:
      labels: {{app: app-{i}}}
    spec:
      securityContext:
        runAsNonRoot: {nonroot}
        seccompProfile: {{type: RuntimeDefault}}
      containers:
      - name: main
        image: registry.example/app:{i}
        args: [\"--port=8080\", \"--verbose\"]
        ports:
        - containerPort: 8080
        env:
        - name: MODE
          value: production
        resources:
          limits: {{cpu: 500m, memory: 256Mi}}
        securityContext:
          runAsUser: {user}
          allowPrivilegeEscalation: false
          capabilities:
            drop: [\"ALL\"]
            add: [\"{adds}\"]
      - name: sidecar
        image: registry.example/proxy:{i}
        securityContext:
          capabilities:
            drop: [NET_RAW]
",
        nonroot = i % 2 == 0
    )
}

fn manifest(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 1024);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&deployment(i));
        i += 1;
    }
    s
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed());
        last = Some(v);
    }
    (best, last.expect("runs > 0"))
}

/// Best-of runs for the timings that are quick enough to repeat.
const RUNS: usize = 5;

/// The normal path, step by step, on a 1 MB manifest.
fn time_realistic_manifest(runs: usize) {
    let text = manifest(1024 * 1024);
    let docs = yaml::parse_default(&text).expect("generated YAML parses");
    println!("input: {} bytes, {} documents", text.len(), docs.len());
    let (t_parse, docs) = best_of(runs, || yaml::parse_default(&text).unwrap());
    println!(
        "yaml::parse                 {:>8.1} ms",
        t_parse.as_secs_f64() * 1e3
    );

    let (t_read, m) = best_of(runs, || k8s::from_documents(&docs));
    println!(
        "k8s::from_documents         {:>8.1} ms  ({} containers)",
        t_read.as_secs_f64() * 1e3,
        m.containers.len()
    );

    let (t_input, input) = best_of(runs, || paste::read_yaml(&text).unwrap());
    println!(
        "paste::read_yaml (all)      {:>8.1} ms",
        t_input.as_secs_f64() * 1e3
    );

    let settings = Settings::default();
    let (t_analyse, findings) = best_of(runs, || {
        input
            .containers
            .iter()
            .map(|c| paste::report(c, &settings).findings.len())
            .sum::<usize>()
    });
    println!(
        "paste::report x{:<5}       {:>8.1} ms  ({findings} findings)",
        input.containers.len(),
        t_analyse.as_secs_f64() * 1e3
    );
    println!(
        "total (text -> reports)     {:>8.1} ms",
        (t_input + t_analyse).as_secs_f64() * 1e3
    );
}

/// Hostile inputs: how fast the limits answer.
fn time_hostile_inputs(runs: usize) {
    let bomb = {
        let mut s = String::from("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (p, c) in "abcdefgh".chars().zip("bcdefghi".chars()) {
            s.push_str(&format!(
                "{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
            ));
        }
        s
    };
    let (t_bomb, _) = best_of(runs, || yaml::parse_default(&bomb).unwrap_err());
    println!(
        "alias bomb refused          {:>8.3} ms",
        t_bomb.as_secs_f64() * 1e3
    );
    let deep = "[".repeat(10_000);
    let (t_deep, _) = best_of(runs, || yaml::parse_default(&deep).unwrap_err());
    println!(
        "10,000-deep nesting refused {:>8.3} ms",
        t_deep.as_secs_f64() * 1e3
    );
}

/// Worst cases that stay inside the limits (just under 4 MB each).
fn time_worst_cases_within_limits() {
    let cases: [(&str, String); 5] = [
        ("one 4 MB scalar", format!("a: {}\n", "x".repeat(4_000_000))),
        ("4 MB flow list", format!("[{}]\n", "a,".repeat(1_000_000))),
        (
            "4 MB of keys",
            (0..300_000).map(|i| format!("k{i}: v\n")).collect(),
        ),
        ("4 MB of documents", "---\nkind: Pod\n".repeat(9_000)),
        ("big merge into big map", {
            let keys: String = (0..40_000).map(|i| format!("  k{i}: v\n")).collect();
            format!("base: &b\n{keys}use:\n  <<: *b\n{keys}")
        }),
    ];
    for (name, text) in &cases {
        let (t, r) = best_of(1, || paste::read_yaml(text).map(|i| i.containers.len()));
        println!(
            "{name:<27} {:>8.1} ms  ({})",
            t.as_secs_f64() * 1e3,
            if r.is_ok() { "read" } else { "refused" }
        );
    }
}

fn time_oversized_input(runs: usize) {
    let huge = "a: b\n".repeat(2 * 1024 * 1024);
    let (t_huge, _) = best_of(runs, || yaml::parse_default(&huge).unwrap_err());
    println!(
        "10 MB input refused         {:>8.3} ms",
        t_huge.as_secs_f64() * 1e3
    );
}

fn main() {
    time_realistic_manifest(RUNS);
    time_hostile_inputs(RUNS);
    time_worst_cases_within_limits();
    time_oversized_input(RUNS);
}

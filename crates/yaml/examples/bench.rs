//! Speed of this reader against saphyr-parser (the reader it replaced) on a
//! generated ~1 MB multi-document manifest. Both build the same tree under
//! the same limits: ours with `parse_default`, saphyr with the reference
//! builder of the differential test; saphyr's bare event stream (no tree)
//! is timed too, as its lower bound.
//!
//! Run with `cargo run --release -p caplens-yaml --example bench`. Prints
//! medians; asserts nothing about time (note the load average, `uptime`,
//! with the figures: they scale with it).

#[allow(dead_code)]
#[path = "../tests/support/saphyr_ref.rs"]
mod saphyr_ref;

use caplens_yaml::Limits;
use std::time::{Duration, Instant};

/// One Deployment (~1 KB) using what pasted manifests use: nested block
/// mappings and lists, flow collections, quoted and block scalars, an
/// anchor with its alias and merge key, comments.
fn deployment(i: usize) -> String {
    let cap = ["NET_BIND_SERVICE", "NET_ADMIN", "SYS_TIME", "CHOWN"][i % 4];
    format!(
        "---
# workload {i}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-{i}
  labels: &labels {{app: app-{i}, tier: \"backend\"}}
  annotations:
    note: 'owned by team {i}'
spec:
  replicas: {replicas}
  selector:
    matchLabels:
      <<: *labels
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
        command:
        - /bin/sh
        - -c
        - |
          echo starting {i}
          exec /app --serve
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
            add: [{cap}]
      - name: sidecar
        image: registry.example/proxy:{i}
        securityContext:
          capabilities: {{drop: [NET_RAW]}}
",
        replicas = 1 + i % 5,
        nonroot = i % 2 == 0,
        user = if i % 3 == 0 { 0 } else { 1000 },
    )
}

fn manifest(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 2048);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&deployment(i));
        i += 1;
    }
    s
}

/// Median times of the readers over `runs` rounds, each round running
/// every reader once in turn, so that a busy machine slows all alike.
fn medians<const N: usize>(runs: usize, readers: [&dyn Fn() -> usize; N]) -> [Duration; N] {
    for r in readers {
        std::hint::black_box(r());
    }
    let mut times: [Vec<Duration>; N] = std::array::from_fn(|_| Vec::with_capacity(runs));
    for _ in 0..runs {
        for (r, t) in readers.iter().zip(times.iter_mut()) {
            let start = Instant::now();
            std::hint::black_box(r());
            t.push(start.elapsed());
        }
    }
    times.map(|mut t| {
        t.sort();
        t[runs / 2]
    })
}

fn saphyr_events(text: &str) -> usize {
    let mut n = 0;
    for ev in saphyr_parser::Parser::new_from_str(text) {
        ev.expect("saphyr reads the manifest");
        n += 1;
    }
    n
}

fn main() {
    let text = manifest(1024 * 1024);
    let ours = caplens_yaml::parse_default(&text).expect("ours reads the manifest");
    let theirs = saphyr_ref::parse(&text, &Limits::DEFAULT).expect("saphyr reads it");
    assert_eq!(ours, theirs, "both readers build the same tree");
    let runs = 21;
    let [t_ours, t_theirs, t_events] = medians(
        runs,
        [
            &|| caplens_yaml::parse_default(&text).unwrap().len(),
            &|| saphyr_ref::parse(&text, &Limits::DEFAULT).unwrap().len(),
            &|| saphyr_events(&text),
        ],
    );
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} bytes, {} documents; median of {runs} rounds",
        text.len(),
        ours.len()
    );
    println!("caplens-yaml, text to tree:        {:7.2} ms", ms(t_ours));
    println!("saphyr-parser, text to tree:       {:7.2} ms", ms(t_theirs));
    println!("saphyr-parser, events only:        {:7.2} ms", ms(t_events));
    println!(
        "ratio ours/saphyr: {:.2} (tree), {:.2} (against events only)",
        ms(t_ours) / ms(t_theirs),
        ms(t_ours) / ms(t_events)
    );
}

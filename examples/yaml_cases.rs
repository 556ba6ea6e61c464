//! Timing of the YAML reader alone on a few input shapes (a 1 MB
//! Kubernetes manifest, many small documents, many keys, a long flow list),
//! for profiling: `cargo run --release --example yaml_cases [k8s|docs|keys|flow]`.
//! Prints figures; asserts nothing about time.

use caplens::yaml;
use std::time::Instant;
fn main() {
    let cases: Vec<(&str, String)> = vec![
        ("k8s", {
            let mut s = String::new();
            let mut i = 0;
            while s.len() < 1 << 20 {
                s.push_str(&deployment(i));
                i += 1;
            }
            s
        }),
        ("docs", "---\nkind: Pod\n".repeat(9_000)),
        ("keys", (0..300_000).map(|i| format!("k{i}: v\n")).collect()),
        ("flow", format!("[{}]\n", "a,".repeat(900_000))),
    ];
    let only = std::env::args().nth(1);
    for (name, text) in cases
        .iter()
        .filter(|(n, _)| only.as_deref().is_none_or(|o| o == *n))
    {
        let mut best = f64::MAX;
        for _ in 0..20 {
            let t = Instant::now();
            let r = yaml::parse_default(text);
            best = best.min(t.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(r.is_ok());
        }
        println!("{name}: {best:.1} ms");
    }
}

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

//! `caplens k8s` end to end through the built binary. Section numbers refer
//! to docs/semantics.md.

use std::io::Write;
use std::process::{Command, Stdio};

fn caplens(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_caplens"));
    // English, whatever the locale of the machine running the tests.
    c.env("LC_ALL", "C");
    // The workspace root, where `examples/` is.
    c.current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    c.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    let input = child.stdin.take().unwrap();
    let feeder = stdin.map(|s| {
        let s = s.to_string();
        std::thread::spawn(move || {
            let mut input = input;
            // The reader may stop early (size cap); a broken pipe is fine.
            let _ = input.write_all(s.as_bytes());
        })
    });
    let out = child.wait_with_output().unwrap();
    if let Some(f) = feeder {
        f.join().unwrap();
    }
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}\n{out}"))
}

fn is_hex16(v: &serde_json::Value) -> bool {
    v.as_str().is_some_and(|s| {
        s.len() == 16
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

#[test]
fn json_shape_for_the_seed_typo_example() {
    let (rc, out, err) = caplens(&["k8s", "--json", "examples/cpb-demo-typo.yaml"], None);
    assert_eq!(rc, 0, "{err}");
    let v = json(&out);
    let obj = v.as_object().unwrap();
    assert_eq!(obj.len(), 1, "only `containers` at the top");
    let cs = v["containers"].as_array().unwrap();
    assert_eq!(cs.len(), 1);
    let c = &cs[0];
    assert_eq!(c["workload"], "Pod/cpb-demo");
    assert_eq!(c["container"], "cpb-demo");
    assert_eq!(c["role"], "container");
    for set in [
        "bounding",
        "effective",
        "permitted",
        "inheritable",
        "ambient",
    ] {
        assert!(is_hex16(&c["oci"][set]), "{set}: {}", c["oci"]);
    }
    // The typo means containerd's defaults apply (§4): NET_RAW kept, KILL kept.
    assert_eq!(c["oci"]["bounding"], "00000000a80425fb");
    // runAsUser unset: both image-user outcomes.
    assert!(c["pid1"].is_null());
    assert!(is_hex16(&c["pid1_by_image_user"]["root"]["effective"]));
    assert!(is_hex16(&c["pid1_by_image_user"]["nonroot"]["effective"]));
    let f = &c["findings"][0];
    assert_eq!(f["id"], "unknown-field");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["path"], "spec.containers[0].sercurityContext");
    assert_eq!(f["line"], 12);
    assert!(f["message"].as_str().unwrap().contains("securityContext"));
    assert!(f["fix"].as_str().unwrap().contains("securityContext"));
    // The structure behind the words: which key, and what it should be.
    assert_eq!(f["detail"]["key"], "sercurityContext");
    assert_eq!(f["detail"]["suggestion"], "securityContext");
    assert_eq!(c["pss"]["baseline"], true);
    assert_eq!(c["pss"]["restricted"], false);
    assert!(c["suggested"].as_str().unwrap().contains("drop: [\"ALL\"]"));
}

#[test]
fn fixed_seed_example_adds_net_admin_and_drops_kill() {
    let (rc, out, _) = caplens(
        &[
            "k8s",
            "--json",
            "--image-user",
            "root",
            "examples/cpb-demo.yaml",
        ],
        None,
    );
    assert_eq!(rc, 0);
    let c = &json(&out)["containers"][0];
    // Defaults a80425fb − KILL (bit 5) + NET_ADMIN (bit 12) = a80435db.
    assert_eq!(c["oci"]["bounding"], "00000000a80435db");
    assert_eq!(c["pid1"]["effective"], "00000000a80435db");
    assert_eq!(c["pss"]["baseline"], false);
    let checks: Vec<&str> = c["pss"]["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["check"].as_str().unwrap())
        .collect();
    assert!(checks.contains(&"capabilities_baseline"), "{checks:?}");
}

#[test]
fn crio_runtime_and_cap_prefix_difference() {
    // §8.2: CAP_SYS_TIME works on CRI-O, is ignored by containerd.
    let pod = "kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: x\n    securityContext:\n      runAsUser: 0\n      capabilities: {add: [CAP_SYS_TIME]}\n";
    let (_, out, _) = caplens(&["k8s", "--json", "--runtime", "crio", "-"], Some(pod));
    let crio = json(&out);
    let (_, out, _) = caplens(&["k8s", "--json", "-"], Some(pod));
    let containerd = json(&out);
    let bit = |v: &serde_json::Value| {
        u64::from_str_radix(
            v["containers"][0]["pid1"]["effective"].as_str().unwrap(),
            16,
        )
        .unwrap()
            & (1 << 25)
            != 0
    };
    assert!(bit(&crio));
    assert!(!bit(&containerd));
    assert_eq!(crio["containers"][0]["runtime"]["engine"], "crio");
}

#[test]
fn fail_on_gates_ci() {
    let (rc, _, _) = caplens(
        &["k8s", "--fail-on", "error", "examples/cpb-demo-typo.yaml"],
        None,
    );
    assert_eq!(rc, 1);
    let (rc, _, _) = caplens(
        &["k8s", "--fail-on", "error", "examples/bind-root.yaml"],
        None,
    );
    assert_eq!(rc, 0);
    let (rc, _, _) = caplens(
        &["k8s", "--fail-on", "info", "examples/bind-nonroot.yaml"],
        None,
    );
    assert_eq!(rc, 1, "ineffective-add is a warning");
    let (rc, _, err) = caplens(&["k8s", "--fail-on", "fatal", "x.yaml"], None);
    assert_eq!(rc, 2);
    assert!(err.contains("--fail-on"));
}

#[test]
fn multiple_files_compose_and_human_output() {
    let (rc, out, err) = caplens(
        &[
            "k8s",
            "examples/compose.yaml",
            "examples/perf-sys-admin.yaml",
        ],
        None,
    );
    assert_eq!(rc, 0, "{err}");
    assert!(
        out.contains("examples/compose.yaml: docker compose file — 2 containers"),
        "{out}"
    );
    assert!(out.contains("service/web"));
    assert!(out.contains("Pod/perf"));
    assert!(out.contains("prefer-perfmon"));
    assert!(out.contains("cap_drop: [\"ALL\"]"));
    assert!(
        out.contains("capabilities:\n        drop: [\"ALL\"]"),
        "{out}"
    );
}

#[test]
fn bad_input_is_reported_with_position_and_status_2() {
    let (rc, _, err) = caplens(
        &["k8s", "-"],
        Some("kind: Pod\nspec:\n  containers:\n  - name: c\n   image: x\n"),
    );
    assert_eq!(rc, 2);
    assert!(err.contains("line 5, column 4"), "{err}");
    let (rc, _, err) = caplens(&["k8s", "-"], Some(&"[".repeat(10_000)));
    assert_eq!(rc, 2);
    assert!(err.contains("nests more than"), "{err}");
    let big = "a: b\n".repeat(2_200_000);
    let (rc, _, err) = caplens(&["k8s", "-"], Some(&big));
    assert_eq!(rc, 2);
    assert!(err.contains("limit is 4 MB"), "{err}");
    let (rc, _, err) = caplens(&["k8s", "no/such/file.yaml"], None);
    assert_eq!(rc, 2);
    assert!(err.contains("cannot read no/such/file.yaml"));
    let (rc, _, err) = caplens(&["k8s", "-"], Some("docker run --privileged x\n"));
    assert_eq!(rc, 2);
    assert!(err.contains("caplens docker"));
}

#[test]
fn skipped_documents_are_noted_and_json_stays_clean() {
    let text = "kind: Service\nmetadata: {name: s}\n---\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x}]\n";
    let (rc, out, err) = caplens(&["k8s", "--json", "-"], Some(text));
    assert_eq!(rc, 0);
    assert_eq!(json(&out)["containers"].as_array().unwrap().len(), 1);
    assert!(
        err.contains("Skipped 1 document without containers: 1 Service."),
        "{err}"
    );
    let (_, out, _) = caplens(&["k8s", "-"], Some(text));
    assert!(
        out.contains("Skipped 1 document without containers: 1 Service."),
        "{out}"
    );
}

/// A cluster dump: the documents that run no containers make one line,
/// counted per kind, in both languages; other skipped documents keep theirs.
#[test]
fn documents_without_containers_make_one_line() {
    let mut docs = Vec::new();
    for (kind, n) in [
        ("ClusterRole", 6),
        ("CustomResourceDefinition", 10),
        ("Namespace", 8),
    ] {
        for i in 0..n {
            docs.push(format!(
                "apiVersion: v1\nkind: {kind}\nmetadata: {{name: x{i}}}\n"
            ));
        }
    }
    docs.push("metadata: {name: no-kind}\n".into());
    docs.push(
        "kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x}]\n".into(),
    );
    let text = docs.join("---\n");
    let (rc, out, _) = caplens(&["k8s", "-"], Some(&text));
    assert_eq!(rc, 0);
    let line = "Skipped 24 documents without containers: 10 CustomResourceDefinition, 8 Namespace, 6 ClusterRole.";
    assert_eq!(out.matches(line).count(), 1, "{out}");
    assert!(!out.contains("runs no containers"), "{out}");
    assert!(
        out.contains("Skipped document 25 (`no-kind`): it has no `kind`."),
        "{out}"
    );
    let (_, out, _) = caplens(&["k8s", "--lang", "zh-cn", "-"], Some(&text));
    assert!(
        out.contains("已跳过 24 个不含容器的文档：10 个 CustomResourceDefinition、8 个 Namespace、6 个 ClusterRole。"),
        "{out}"
    );
}

/// A Helm chart's template or values file is named as such, with what to
/// paste instead, rather than failing as YAML.
#[test]
fn helm_templates_and_values_files_are_named() {
    let template = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"app.fullname\" . }}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        securityContext:\n          {{- toYaml .Values.securityContext | nindent 10 }}\n";
    let (rc, out, err) = caplens(&["k8s", "-"], Some(template));
    assert_eq!(rc, 2, "{out}");
    assert!(err.contains("this is a Helm template"), "{err}");
    assert!(err.contains("line 4, column 9"), "{err}");
    assert!(err.contains("`helm template`"), "{err}");
    assert!(!err.contains("YAML"), "{err}");
    let values = "replicaCount: 1\nimage:\n  repository: nginx\n  tag: \"\"\nsecurityContext: {}\nresources: {}\n";
    let (rc, _, err) = caplens(&["k8s", "--json", "-"], Some(values));
    assert_eq!(rc, 2);
    assert!(
        err.contains("Helm values file (top-level `replicaCount`, `image`, `securityContext`"),
        "{err}"
    );
    let (_, _, err) = caplens(&["k8s", "--lang", "zh-cn", "-"], Some(template));
    assert!(err.contains("这是 Helm 模板（第 4 行第 9 列"), "{err}");
}

/// `kubectl get pods -A -o yaml`: every container of the List is analysed.
#[test]
fn kubectl_get_pods_output_is_analysed() {
    let (rc, out, err) = caplens(
        &["k8s", "--json", "tests/fixtures/kubectl_get_pods_A.yaml"],
        None,
    );
    assert_eq!(rc, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    let v = json(&out);
    let names: Vec<&str> = v["containers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["container"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["web", "coredns", "kube-proxy", "tune", "agent"]);
    let proxy = &v["containers"][2];
    assert_eq!(proxy["workload"], "Pod/kube-proxy-m4s9d");
    assert!(proxy["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["id"] == "privileged"));
}

#[test]
fn out_of_range_run_as_user_is_reported_not_ignored() {
    let pod = "kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: x\n    securityContext:\n      runAsUser: -1\n";
    let (_, out, err) = caplens(&["k8s", "--json", "-"], Some(pod));
    let v = json(&out);
    let fs = v["containers"][0]["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{out}{err}"));
    let f = fs
        .iter()
        .find(|f| f["path"] == "spec.containers[0].securityContext.runAsUser")
        .expect("finding");
    assert_eq!(f["id"], "misplaced-field");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["line"], 8);
    assert_eq!(f["detail"]["type"], "out-of-range");
    assert_eq!(f["detail"]["value"], -1);
    assert!(
        f["message"].as_str().unwrap().contains("runAsUser: -1"),
        "{}",
        f["message"]
    );
    assert!(
        f["fix"].as_str().unwrap().contains("4294967295"),
        "{}",
        f["fix"]
    );
    // Still analysed, as if runAsUser were unset: both image-user outcomes.
    assert!(v["containers"][0]["pid1"].is_null());
    assert!(v["containers"][0]["pid1_by_image_user"]["root"].is_object());
    let (rc, _, _) = caplens(&["k8s", "--fail-on", "error", "-"], Some(pod));
    assert_ne!(rc, 0);
}

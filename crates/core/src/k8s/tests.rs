//! Tests for reading Kubernetes manifests. Section numbers refer to
//! docs/semantics.md.

use super::finding::{ApeCause, FindingKind, Severity};
use super::*;

fn read_ok(text: &str) -> Manifest {
    read(text).unwrap_or_else(|e| panic!("{e:?}\n{text}"))
}

fn ids(c: &K8sContainer) -> Vec<&'static str> {
    c.findings.iter().map(|f| f.id()).collect()
}

const POD_SPEC_BODY: &str = "    containers:
    - name: app
      image: nginx
      securityContext:
        capabilities:
          add: [NET_ADMIN, CAP_SYS_TIME]
          drop: [KILL]
";

fn wrap(kind: &str, api: &str, indent_to_pod: &str) -> String {
    // Build each workload kind around the same pod spec.
    let body: String = POD_SPEC_BODY
        .lines()
        .map(|l| format!("{indent_to_pod}{l}\n"))
        .collect();
    match kind {
        "Pod" => format!("apiVersion: {api}\nkind: Pod\nmetadata:\n  name: w\nspec:\n{body}"),
        "CronJob" => format!(
            "apiVersion: {api}\nkind: CronJob\nmetadata:\n  name: w\nspec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n{body}"
        ),
        "PodTemplate" => format!("apiVersion: {api}\nkind: PodTemplate\nmetadata:\n  name: w\ntemplate:\n  spec:\n{body}"),
        _ => format!("apiVersion: {api}\nkind: {kind}\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n{body}"),
    }
}

#[test]
fn every_workload_kind_yields_its_container_with_exact_paths() {
    let cases = [
        ("Pod", "v1", "", "spec"),
        ("Deployment", "apps/v1", "    ", "spec.template.spec"),
        ("StatefulSet", "apps/v1", "    ", "spec.template.spec"),
        ("DaemonSet", "apps/v1", "    ", "spec.template.spec"),
        ("ReplicaSet", "apps/v1", "    ", "spec.template.spec"),
        ("ReplicationController", "v1", "    ", "spec.template.spec"),
        ("Job", "batch/v1", "    ", "spec.template.spec"),
        (
            "CronJob",
            "batch/v1",
            "        ",
            "spec.jobTemplate.spec.template.spec",
        ),
        ("PodTemplate", "v1", "  ", "template.spec"),
    ];
    for (kind, api, indent, pod_path) in cases {
        let text = wrap(kind, api, indent);
        let m = read_ok(&text);
        assert_eq!(m.containers.len(), 1, "{kind}: {:?}\n{text}", m.notes);
        let c = &m.containers[0];
        assert_eq!(c.spec.workload, format!("{kind}/w"));
        assert_eq!(c.spec.container, "app");
        assert_eq!(c.spec.source, SourceKind::Kubernetes);
        assert_eq!(m.workloads[0].pod_path, pod_path);
        let add: Vec<&str> = c.spec.cap_add.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(add, ["NET_ADMIN", "CAP_SYS_TIME"], "{kind}");
        assert_eq!(
            c.spec.cap_add[1].at.path,
            format!("{pod_path}.containers[0].securityContext.capabilities.add[1]")
        );
        assert_eq!(c.spec.cap_drop[0].text, "KILL");
        assert!(c.spec.cap_add[1].at.line.is_some());
        assert!(c.findings.is_empty(), "{kind}: {:?}", c.findings);
    }
}

#[test]
fn lines_and_columns_point_at_the_entries() {
    let m = read_ok(&wrap("Pod", "v1", ""));
    let c = &m.containers[0];
    // Line 11 of the generated Pod: `          add: [NET_ADMIN, CAP_SYS_TIME]`.
    assert_eq!(c.spec.cap_add[0].at.line, Some(11));
    assert_eq!(c.spec.cap_add[0].at.column, Some(17));
    assert_eq!(c.spec.cap_add[1].at.column, Some(28));
    assert_eq!(c.spec.at.path, "spec.containers[0]");
    assert_eq!(c.spec.at.line, Some(7));
}

#[test]
fn init_and_ephemeral_containers_have_their_roles() {
    let text = "\
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: init
    image: busybox
  containers:
  - name: main
    image: nginx
  ephemeralContainers:
  - name: debug
    image: busybox
    targetContainerName: main
    securityContext:
      capabilities: {add: [SYS_PTRACE]}
";
    let m = read_ok(text);
    let roles: Vec<(&str, Role)> = m
        .containers
        .iter()
        .map(|c| (c.spec.container.as_str(), c.spec.role))
        .collect();
    assert_eq!(
        roles,
        [
            ("init", Role::InitContainer),
            ("main", Role::Container),
            ("debug", Role::EphemeralContainer)
        ]
    );
    assert_eq!(
        m.containers[2].spec.cap_add[0].at.path,
        "spec.ephemeralContainers[0].securityContext.capabilities.add[0]"
    );
}

#[test]
fn list_and_multi_document_inputs() {
    let text = "\
apiVersion: v1
kind: List
items:
- kind: Pod
  metadata: {name: a}
  spec:
    containers: [{name: c, image: x}]
- kind: Service
  metadata: {name: svc}
---
kind: ConfigMap
metadata: {name: cm}
---
---
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers: [{name: c2, image: y}]
";
    let m = read_ok(text);
    let names: Vec<&str> = m
        .containers
        .iter()
        .map(|c| c.spec.workload.as_str())
        .collect();
    assert_eq!(names, ["Pod/a", "Deployment/d"]);
    assert_eq!(m.containers[0].spec.at.path, "items[0].spec.containers[0]");
    assert_eq!(m.containers[0].spec.at.document, Some(0));
    assert_eq!(m.containers[1].spec.at.document, Some(3));
    // The Service, the ConfigMap and the empty document are skipped with a note.
    let skipped: Vec<&SkipReason> = m
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::Skipped { reason, .. } => Some(reason),
            _ => None,
        })
        .collect();
    assert!(skipped.contains(&&SkipReason::NotAWorkload {
        kind: "Service".into()
    }));
    assert!(skipped.contains(&&SkipReason::NotAWorkload {
        kind: "ConfigMap".into()
    }));
    assert!(skipped.contains(&&SkipReason::Empty));
}

#[test]
fn non_workload_documents_are_skipped_with_a_note() {
    let m = read_ok("just a string\n---\n- a\n- b\n---\nmetadata: {name: x}\n---\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 1}\n");
    assert!(m.containers.is_empty());
    let reasons: Vec<SkipReason> = m
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::Skipped { reason, .. } => Some(reason.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        reasons,
        [
            SkipReason::NotAMapping,
            SkipReason::NotAMapping,
            SkipReason::NoKind,
            SkipReason::NoPodSpec {
                kind: "Deployment".into()
            }
        ]
    );
}

/// §8.1: runAsUser/runAsGroup/runAsNonRoot: the container's value wins.
#[test]
fn pod_and_container_security_contexts_merge_as_the_kubelet_does() {
    let text = "\
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    runAsUser: 1000
    runAsNonRoot: true
  containers:
  - name: inherits
    image: x
  - name: overrides
    image: x
    securityContext:
      runAsUser: 0
      runAsNonRoot: false
";
    let m = read_ok(text);
    let a = &m.containers[0].spec;
    assert_eq!(a.user, UserSpec::Uid(1000));
    assert_eq!(a.run_as_non_root.as_ref().map(|f| f.value), Some(true));
    assert_eq!(
        a.run_as_non_root.as_ref().unwrap().at.path,
        "spec.securityContext.runAsNonRoot"
    );
    let b = &m.containers[1].spec;
    assert_eq!(b.user, UserSpec::Uid(0));
    assert_eq!(b.run_as_non_root.as_ref().map(|f| f.value), Some(false));
    assert_eq!(
        b.run_as_non_root.as_ref().unwrap().at.path,
        "spec.containers[1].securityContext.runAsNonRoot"
    );
    // Unset everywhere: the image decides.
    let m = read_ok("kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x}]\n");
    assert_eq!(m.containers[0].spec.user, UserSpec::Image);
    assert_eq!(m.containers[0].spec.run_as_non_root, None);
}

/// §8.1: capabilities only exist in the container-level securityContext.
#[test]
fn capabilities_under_the_pod_security_context_are_misplaced_and_ignored() {
    let text = "\
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    capabilities:
      add: [NET_ADMIN]
    privileged: true
  containers:
  - name: c
    image: x
";
    let m = read_ok(text);
    let c = &m.containers[0];
    assert!(c.spec.cap_add.is_empty());
    assert!(c.spec.privileged.is_none());
    let f = &c.findings[0];
    assert_eq!(f.id(), "misplaced-field");
    assert_eq!(f.at.path, "spec.securityContext.capabilities");
    assert_eq!(f.at.line, Some(5));
    assert!(
        matches!(&f.kind, FindingKind::MisplacedField { key, belongs: "containers[*].securityContext", .. } if key == "capabilities")
    );
    assert_eq!(c.findings[1].at.path, "spec.securityContext.privileged");
    assert_eq!(f.severity(), Severity::Error);
}

#[test]
fn seed_typo_example_reports_unknown_field_with_suggestion() {
    let m = read_ok(include_str!("../../../../examples/cpb-demo-typo.yaml"));
    let c = &m.containers[0];
    assert_eq!(c.spec.workload, "Pod/cpb-demo");
    // The typo means Kubernetes never sees the capabilities.
    assert!(c.spec.cap_add.is_empty() && c.spec.cap_drop.is_empty());
    assert_eq!(ids(c), ["unknown-field"]);
    let f = &c.findings[0];
    assert_eq!(f.at.path, "spec.containers[0].sercurityContext");
    assert_eq!(f.at.line, Some(12));
    assert!(
        matches!(&f.kind, FindingKind::UnknownField { key, suggestion: Some("securityContext"), .. } if key == "sercurityContext")
    );
}

#[test]
fn seed_fixed_example_reads_the_capabilities() {
    let m = read_ok(include_str!("../../../../examples/cpb-demo.yaml"));
    let c = &m.containers[0];
    assert!(c.findings.is_empty());
    assert_eq!(c.spec.cap_add[0].text, "NET_ADMIN");
    assert_eq!(c.spec.cap_drop[0].text, "KILL");
    assert_eq!(c.spec.cap_add[0].at.line, Some(13));
    // Baseline forbids NET_ADMIN; restricted also wants drop ALL.
    let v = c.pss(&m);
    assert!(!v.baseline() && !v.restricted());
}

#[test]
fn perf_example_adds_sys_admin() {
    let m = read_ok(include_str!("../../../../examples/perf-sys-admin.yaml"));
    let c = &m.containers[0];
    assert_eq!(c.spec.cap_add[0].text, "SYS_ADMIN");
    assert!(c.findings.is_empty());
    assert!(!c.pss(&m).baseline());
}

#[test]
fn bind_examples_as_root_and_non_root() {
    let m = read_ok(include_str!("../../../../examples/bind-root.yaml"));
    let c = &m.containers[0];
    assert_eq!(c.spec.user, UserSpec::Uid(0));
    let v = c.pss(&m);
    assert!(v.baseline());
    assert!(v.violations.contains(&pss::Violation::RunAsUserZero {
        pod: false,
        container: true
    }));

    let m = read_ok(include_str!("../../../../examples/bind-nonroot.yaml"));
    let c = &m.containers[0];
    assert_eq!(c.spec.user, UserSpec::Uid(101));
    assert_eq!(
        c.spec.allow_privilege_escalation.as_ref().map(|f| f.value),
        Some(false)
    );
    assert!(c.findings.is_empty(), "{:?}", c.findings);
    let v = c.pss(&m);
    assert!(v.restricted(), "{v:?}");
}

#[test]
fn misspelled_keys_at_every_level() {
    let text = "\
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: c
    image: x
    imagePullPolicyy: Always
    securityContext:
      capabilites:
        add: [NET_ADMIN]
      runAsUsr: 1000
  - name: d
    image: x
    securityContext:
      capabilities:
        ad: [NET_ADMIN]
        drop: [ALL]
        weird: 1
";
    let m = read_ok(text);
    let sugg = |c: &K8sContainer| -> Vec<(String, Option<&'static str>)> {
        c.findings
            .iter()
            .filter_map(|f| match &f.kind {
                FindingKind::UnknownField {
                    key, suggestion, ..
                } => Some((key.clone(), *suggestion)),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        sugg(&m.containers[0]),
        [
            ("imagePullPolicyy".to_string(), Some("imagePullPolicy")),
            ("capabilites".to_string(), Some("capabilities")),
            ("runAsUsr".to_string(), Some("runAsUser")),
        ]
    );
    assert!(m.containers[0].spec.cap_add.is_empty());
    assert_eq!(m.containers[0].spec.user, UserSpec::Image);
    assert_eq!(
        sugg(&m.containers[1]),
        [("ad".to_string(), Some("add")), ("weird".to_string(), None)]
    );
    // Inside capabilities any stray key is an error; elsewhere an unknown key
    // without a near miss may be a newer API field: a warning.
    assert_eq!(m.containers[1].findings[1].severity(), Severity::Error);
    let m2 = read_ok("kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: x\n    frobnicate: 1\n");
    assert_eq!(m2.containers[0].findings[0].severity(), Severity::Warning);
    assert_eq!(
        m.containers[1].findings[0].at.path,
        "spec.containers[1].securityContext.capabilities.ad"
    );
}

#[test]
fn add_and_drop_that_are_not_lists_are_flagged() {
    let text = "\
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: c
    image: x
    securityContext:
      capabilities:
        add: NET_ADMIN
        drop:
          name: ALL
";
    let m = read_ok(text);
    let c = &m.containers[0];
    assert!(c.spec.cap_add.is_empty() && c.spec.cap_drop.is_empty());
    let kinds: Vec<&FindingKind> = c.findings.iter().map(|f| &f.kind).collect();
    assert_eq!(
        kinds,
        [
            &FindingKind::WrongType {
                key: "add".into(),
                expected: Shape::List,
                found: Shape::String
            },
            &FindingKind::WrongType {
                key: "drop".into(),
                expected: Shape::List,
                found: Shape::Mapping
            },
        ]
    );
    assert_eq!(c.findings[0].id(), "misplaced-field");
    assert_eq!(c.findings[0].at.line, Some(9));
}

#[test]
fn add_directly_in_security_context_is_misplaced() {
    let text = "kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: x\n    securityContext:\n      add: [NET_ADMIN]\n    capabilities: {drop: [ALL]}\n";
    let m = read_ok(text);
    let f: Vec<(&str, &str)> = m.containers[0]
        .findings
        .iter()
        .map(|f| match &f.kind {
            FindingKind::MisplacedField { belongs, .. } => (f.at.path.as_str(), *belongs),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        f,
        [
            ("spec.containers[0].capabilities", "securityContext"),
            (
                "spec.containers[0].securityContext.add",
                "securityContext.capabilities"
            ),
        ]
    );
}

#[test]
fn quoted_booleans_are_type_errors() {
    let text = "kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: x\n    securityContext:\n      privileged: \"true\"\n      runAsUser: \"1000\"\n";
    let m = read_ok(text);
    let c = &m.containers[0];
    assert!(c.spec.privileged.is_none());
    assert_eq!(c.spec.user, UserSpec::Image);
    assert_eq!(ids(c), ["misplaced-field", "misplaced-field"]);
}

/// §8.3: the API rejects APE false with privileged or the exact string
/// CAP_SYS_ADMIN; SYS_ADMIN, sys_admin and ALL pass silently.
#[test]
fn ape_conflicts_say_which_the_api_rejects() {
    let text = "\
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: c
    image: x
    securityContext:
      allowPrivilegeEscalation: false
      privileged: true
      capabilities:
        add: [CAP_SYS_ADMIN, SYS_ADMIN, sys_admin, all, NET_ADMIN]
";
    let m = read_ok(text);
    let c = &m.containers[0];
    let got: Vec<(bool, Severity, String)> = c
        .findings
        .iter()
        .map(|f| match &f.kind {
            FindingKind::ApeConflict {
                cause,
                rejected_by_api,
            } => {
                assert_eq!(cause.rejected_by_api(), *rejected_by_api);
                (*rejected_by_api, f.severity(), f.at.path.clone())
            }
            other => panic!("{other:?}"),
        })
        .collect();
    let p = "spec.containers[0].securityContext";
    assert_eq!(
        got,
        [
            (true, Severity::Error, format!("{p}.privileged")),
            (true, Severity::Error, format!("{p}.capabilities.add[0]")),
            (false, Severity::Warning, format!("{p}.capabilities.add[1]")),
            (false, Severity::Warning, format!("{p}.capabilities.add[2]")),
            (false, Severity::Warning, format!("{p}.capabilities.add[3]")),
        ]
    );
    assert!(matches!(
        &c.findings[4].kind,
        FindingKind::ApeConflict {
            cause: ApeCause::AddAll(_),
            ..
        }
    ));
    assert!(c.findings.iter().all(|f| f.id() == "ape-conflict"));
    // Without allowPrivilegeEscalation: false there is no conflict.
    let m = read_ok(&text.replace(
        "allowPrivilegeEscalation: false",
        "allowPrivilegeEscalation: true",
    ));
    assert!(m.containers[0].findings.is_empty());
}

#[test]
fn host_network_sysctls_and_windows() {
    let text = "\
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: true
  os: {name: windows}
  securityContext:
    sysctls:
    - {name: net.ipv4.ip_unprivileged_port_start, value: \"0\"}
  containers:
  - name: c
    image: x
";
    let m = read_ok(text);
    let c = &m.containers[0].spec;
    assert!(c.host_network);
    assert_eq!(
        c.sysctls,
        [(
            "net.ipv4.ip_unprivileged_port_start".to_string(),
            "0".to_string()
        )]
    );
    assert!(m.workloads[0].pod.windows);
    assert!(m.notes.iter().any(|n| matches!(n, Note::WindowsPod { .. })));
}

#[test]
fn template_fields_in_the_wrong_place() {
    let text = "\
kind: Deployment
metadata: {name: d}
spec:
  template:
    containers:
    - name: c
    spec:
      containers: [{name: c, image: x}]
";
    let m = read_ok(text);
    let f = &m.containers[0].findings[0];
    assert_eq!(f.at.path, "spec.template.containers");
    assert!(matches!(
        f.kind,
        FindingKind::MisplacedField {
            belongs: "template.spec",
            ..
        }
    ));
}

#[test]
fn yaml_errors_carry_line_and_column() {
    let err = read("kind: Pod\nspec:\n  containers:\n  - name: c\n   image: x\n").unwrap_err();
    let pos = err.pos().unwrap();
    assert_eq!(pos.line, 5, "{err:?}");
}

#[test]
fn anchors_and_merge_keys_in_manifests() {
    let text = "\
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: x
    securityContext: &sc
      capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
  - name: b
    image: x
    securityContext: *sc
";
    let m = read_ok(text);
    assert_eq!(m.containers[1].spec.cap_add[0].text, "NET_BIND_SERVICE");
}

#[test]
fn json_manifests_read_like_yaml() {
    // `kubectl get pod -o json` output is YAML too.
    let text = r#"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"},
 "spec": {"containers": [{"name": "c", "image": "x",
   "securityContext": {"capabilities": {"add": ["NET_RAW"], "drop": ["ALL"]}}}]}}"#;
    let m = read_ok(text);
    let c = &m.containers[0];
    assert_eq!(c.spec.cap_add[0].text, "NET_RAW");
    assert_eq!(c.spec.cap_add[0].at.line, Some(3));
    assert!(c.findings.is_empty());
}

/// The API accepts uids and gids 0 to 2^32−1 (`IsValidUserID`); anything
/// else is refused, so it must not pass silently as "the image decides".
#[test]
fn out_of_range_ids_are_findings_with_their_location() {
    let text = "\
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    runAsUser: 4294967296
  containers:
  - name: neg
    image: x
    securityContext:
      runAsUser: -1
      runAsGroup: -5
  - name: max
    image: x
    securityContext:
      runAsUser: 4294967295
";
    let m = read_ok(text);
    let neg = &m.containers[0];
    let got: Vec<(String, Option<u32>, i64)> = neg
        .findings
        .iter()
        .map(|f| match &f.kind {
            FindingKind::OutOfRange {
                value,
                min: 0,
                max: 4294967295,
                ..
            } => (f.at.path.clone(), f.at.line, *value),
            k => panic!("{k:?}"),
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "spec.securityContext.runAsUser".to_string(),
                Some(5),
                4294967296
            ),
            (
                "spec.containers[0].securityContext.runAsUser".to_string(),
                Some(10),
                -1
            ),
            (
                "spec.containers[0].securityContext.runAsGroup".to_string(),
                Some(11),
                -5
            ),
        ]
    );
    assert!(neg
        .findings
        .iter()
        .all(|f| f.id() == "misplaced-field" && f.severity() == Severity::Error));
    // Read as unset: neither level gives a uid.
    assert_eq!(neg.spec.user, UserSpec::Image);
    // The top of the range is a valid uid.
    assert_eq!(m.containers[1].spec.user, UserSpec::Uid(u32::MAX));
    // A bad container value falls back to a good pod value.
    let text = "kind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {runAsUser: 1000}\n  containers:\n  - name: c\n    image: x\n    securityContext: {runAsUser: -1}\n";
    let c = &read_ok(text).containers[0];
    assert_eq!(c.spec.user, UserSpec::Uid(1000));
    assert_eq!(ids(c), ["misplaced-field"]);
}

#[test]
fn pod_security_reads_selinux_apparmor_procmount_hostprocess_and_probes() {
    // Every field the baseline checks read, at the paths PSA reads them,
    // from a Deployment's template (annotations of the template, not of
    // the Deployment).
    let text = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: localhost/custom
        container.apparmor.security.beta.kubernetes.io/side: unconfined
    spec:
      hostUsers: false
      securityContext:
        seLinuxOptions: {type: spc_t}
        appArmorProfile: {type: RuntimeDefault}
      containers:
      - name: app
        image: x
        livenessProbe:
          httpGet: {host: 169.254.169.254, port: 80, path: /}
        lifecycle:
          preStop:
            tcpSocket: {host: db.internal, port: 5432}
        securityContext:
          procMount: Unmasked
          windowsOptions: {hostProcess: true}
          seLinuxOptions: {user: system_u}
";
    let m = read_ok(text);
    assert!(
        m.containers[0].findings.is_empty(),
        "{:?}",
        m.containers[0].findings
    );
    let v = m.containers[0].pss(&m);
    let ids: Vec<&str> = v.violations.iter().map(|x| x.check_id()).collect();
    assert_eq!(
        ids,
        vec![
            "seLinuxOptions",
            "appArmorProfile",
            "procMount_restricted",
            "windowsHostProcess",
            "hostProbesAndHostLifecycle",
            "allowPrivilegeEscalation",
            "capabilities_restricted",
            "seccompProfile_restricted",
        ]
    );
    assert!(v.violations.contains(&pss::Violation::AppArmor {
        types: vec![],
        annotations: vec!["container.apparmor.security.beta.kubernetes.io/side=unconfined".into()],
    }));
    assert!(v.violations.contains(&pss::Violation::SeLinux {
        bad_types: vec!["spc_t".into()],
        user: true,
        role: false,
    }));
    assert!(v.violations.contains(&pss::Violation::ProbeHosts(vec![
        "169.254.169.254".into(),
        "db.internal".into()
    ])));
}

#[test]
fn documents_without_containers_are_counted_per_kind() {
    let doc = |kind: &str, i: usize| format!("kind: {kind}\nmetadata: {{name: x{i}}}\n");
    let mut docs: Vec<String> = Vec::new();
    for (kind, n) in [
        ("ClusterRole", 2),
        ("CustomResourceDefinition", 3),
        ("Service", 2),
    ] {
        docs.extend((0..n).map(|i| doc(kind, i)));
    }
    docs.push(
        "kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x}]\n".into(),
    );
    docs.push("metadata: {name: no-kind}\n".into());
    let m = read_ok(&docs.join("---\n"));
    assert_eq!(
        crate::k8s::kinds_without_containers(&m.notes),
        [
            ("CustomResourceDefinition".to_string(), 3),
            ("ClusterRole".to_string(), 2),
            ("Service".to_string(), 2),
        ]
    );
    // The document without a kind is a note of its own.
    let other: Vec<&Note> = m
        .notes
        .iter()
        .filter(|n| n.kind_without_containers().is_none())
        .collect();
    assert_eq!(other.len(), 1);
}

/// `kubectl get pods -A -o yaml`: a List of live Pods with status,
/// managedFields and every defaulted field; each container is read, and
/// nothing the API server adds is taken for a typo.
#[test]
fn kubectl_get_pods_output_is_analysed() {
    let m = read_ok(include_str!(
        "../../../../tests/fixtures/kubectl_get_pods_A.yaml"
    ));
    let seen: Vec<(&str, &str)> = m
        .containers
        .iter()
        .map(|c| (c.spec.workload.as_str(), c.spec.container.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("Pod/web-7d9c6b8f5d-x2k8q", "web"),
            ("Pod/coredns-668d6bf9bc-7wq2m", "coredns"),
            ("Pod/kube-proxy-m4s9d", "kube-proxy"),
            ("Pod/node-agent-q7rbn", "tune"),
            ("Pod/node-agent-q7rbn", "agent"),
        ]
    );
    assert!(m.notes.is_empty(), "{:?}", m.notes);
    for c in &m.containers {
        assert!(
            c.findings.is_empty(),
            "{}: {:?}",
            c.spec.container,
            c.findings
        );
    }
    assert_eq!(
        m.containers[2].spec.privileged.as_ref().map(|f| f.value),
        Some(true)
    );
    assert_eq!(
        m.containers[3].spec.at.path,
        "items[3].spec.initContainers[0]"
    );
}

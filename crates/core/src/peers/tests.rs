//! Each analyser's rules on the cases users.md §1.3 and §1.5 call out, and
//! how caplens' analysis of PID 1 answers them.

use super::{Disagreement as D, Verdict};
use crate::cap::Cap;
use crate::paste::{self, Settings};
use crate::runtime::{CrioConfig, Runtime};

/// (verdict, disagreement) of every rule on container `index` of `yaml`.
fn results(yaml: &str, index: usize, settings: &Settings) -> Vec<super::PeerResult> {
    let input = paste::read_yaml(yaml).expect("test manifests are valid");
    let c = &input.containers[index];
    let report = paste::report(c, settings);
    super::compare(&c.peers, &c.spec, &report)
}

fn rule(yaml: &str, index: usize, id: &str) -> (Verdict, Option<D>) {
    rule_on(yaml, index, id, &Settings::default())
}

fn rule_on(yaml: &str, index: usize, id: &str, s: &Settings) -> (Verdict, Option<D>) {
    let r = results(yaml, index, s)
        .into_iter()
        .find(|r| r.rule == id)
        .unwrap_or_else(|| panic!("no rule {id}"));
    assert_eq!(r.agrees, r.reason.is_none());
    (r.verdict, r.reason)
}

/// A root Pod with one container whose securityContext is `sc` (YAML flow).
fn pod(sc: &str) -> String {
    format!(
        "kind: Pod\nmetadata: {{name: p}}\nspec:\n  containers:\n  - name: c\n    image: x\n    securityContext: {sc}\n"
    )
}

fn root(caps: &str) -> String {
    pod(&format!("{{runAsUser: 0, capabilities: {caps}}}"))
}

const PASS: Verdict = Verdict::Pass;
const FAIL: Verdict = Verdict::Fail;
const NOT_RUN: Verdict = Verdict::NotRun;

#[test]
fn checkov_net_raw_is_a_substring_test_and_containerd_ignores_the_prefixed_drop() {
    let prefixed = root("{drop: [CAP_NET_RAW]}");
    let effective = Some(D::PassButEffective { cap: Cap::NET_RAW });
    assert_eq!(rule(&prefixed, 0, "CKV_K8S_28"), (PASS, effective.clone()));
    // kube-linter's unanchored regex matches too; Polaris/Trivy have no NET_RAW drop rule.
    assert_eq!(
        rule(&prefixed, 0, "drop-net-raw-capability"),
        (PASS, effective)
    );
    let plain = root("{drop: [NET_RAW]}");
    assert_eq!(rule(&plain, 0, "CKV_K8S_28"), (PASS, None));
    // On CRI-O the prefix is accepted: NET_RAW is gone, and was never a default.
    let crio = Settings {
        kubernetes: Runtime::Crio(CrioConfig::default()),
        ..Settings::default()
    };
    assert_eq!(rule_on(&prefixed, 0, "CKV_K8S_28", &crio), (PASS, None));
}

#[test]
fn no_capabilities_at_all() {
    let none = pod("{runAsUser: 0}");
    // kube-linter does not look; containerd's defaults keep NET_RAW.
    assert_eq!(
        rule(&none, 0, "drop-net-raw-capability"),
        (NOT_RUN, Some(D::PassButEffective { cap: Cap::NET_RAW }))
    );
    assert_eq!(rule(&none, 0, "CKV_K8S_28"), (FAIL, None));
    assert_eq!(rule(&none, 0, "KSV003"), (FAIL, None));
    assert_eq!(rule(&none, 0, "insecureCapabilities"), (FAIL, None));
    assert_eq!(rule(&none, 0, "C-0046"), (PASS, None));
    // CRI-O's defaults have no NET_RAW: the failure is about nothing.
    let crio = Settings {
        kubernetes: Runtime::Crio(CrioConfig::default()),
        ..Settings::default()
    };
    assert_eq!(
        rule_on(&none, 0, "CKV_K8S_28", &crio),
        (FAIL, Some(D::FailButNotHeld { cap: Cap::NET_RAW }))
    );
    // No allowPrivilegeEscalation: kube-linter passes, no_new_privs is unset.
    assert_eq!(
        rule(&none, 0, "privilege-escalation-container"),
        (PASS, Some(D::PassButNoNewPrivsUnset))
    );
    assert_eq!(rule(&none, 0, "CKV_K8S_20"), (FAIL, None));
}

#[test]
fn lower_case_all() {
    let lower = root("{drop: [all], add: [NET_BIND_SERVICE]}");
    assert_eq!(rule(&lower, 0, "CKV_K8S_37"), (PASS, None));
    assert_eq!(rule(&lower, 0, "KSV003"), (PASS, None));
    assert_eq!(rule(&lower, 0, "KSV106"), (PASS, None));
    assert_eq!(rule(&lower, 0, "CapDropAll"), (PASS, None));
    assert_eq!(rule(&lower, 0, "insecureCapabilities"), (PASS, None));
    // PSA wants `ALL` exactly; containerd drops everything all the same.
    assert_eq!(
        rule(&lower, 0, "capabilities_restricted"),
        (FAIL, Some(D::FailButNoneKept))
    );
    // Any add fails these two, but NET_BIND_SERVICE is effective here: agreed.
    assert_eq!(rule(&lower, 0, "CKV_K8S_25"), (FAIL, None));
    assert_eq!(rule(&lower, 0, "KSV022"), (FAIL, None));
}

#[test]
fn lower_case_sys_admin_is_granted_past_the_exact_rules() {
    let lower = root("{drop: [ALL], add: [sys_admin]}");
    let granted = Some(D::PassButGranted {
        spelled: "sys_admin".into(),
        cap: Cap::SYS_ADMIN,
    });
    for id in ["CKV_K8S_39", "KSV005", "CapSysAdmin", "C-0046"] {
        assert_eq!(rule(&lower, 0, id), (PASS, granted.clone()), "{id}");
    }
    assert_eq!(rule(&lower, 0, "dangerousCapabilities"), (FAIL, None));
    assert_eq!(rule(&lower, 0, "capabilities_baseline"), (FAIL, None));
    // Exact `SYS_ADMIN` is caught by all of them.
    let exact = root("{drop: [ALL], add: [SYS_ADMIN]}");
    for id in ["CKV_K8S_39", "KSV005", "CapSysAdmin", "C-0046"] {
        assert_eq!(rule(&exact, 0, id), (FAIL, None), "{id}");
    }
    assert_eq!(
        rule(&exact, 0, "privilege-escalation-container"),
        (FAIL, None)
    );
}

#[test]
fn prefixed_add_under_containerd_grants_nothing() {
    // `CAP_CAP_SYS_ADMIN`: runc 1.0+ skips the unknown name with a warning.
    let prefixed = root("{drop: [ALL], add: [CAP_SYS_ADMIN]}");
    assert_eq!(rule(&prefixed, 0, "KSV005"), (PASS, None));
    assert_eq!(rule(&prefixed, 0, "dangerousCapabilities"), (PASS, None));
    // kubesec's substring catches the spelling, but nothing is granted.
    let nothing = Some(D::FailButNotGranted {
        spelled: "CAP_SYS_ADMIN".into(),
    });
    assert_eq!(rule(&prefixed, 0, "CapSysAdmin"), (FAIL, nothing.clone()));
    assert_eq!(rule(&prefixed, 0, "CKV_K8S_25"), (FAIL, nothing));
}

#[test]
fn add_all_grants_every_listed_capability() {
    let all = root("{add: [ALL]}");
    let (v, d) = rule(&all, 0, "CKV_K8S_39");
    assert_eq!(v, PASS);
    assert!(
        matches!(d, Some(D::PassButGranted { ref spelled, cap: Cap::SYS_ADMIN }) if spelled == "ALL")
    );
    assert_eq!(rule(&all, 0, "C-0046"), (FAIL, None));
    assert_eq!(rule(&all, 0, "dangerousCapabilities"), (FAIL, None));
    // kube-linter: `(?i)^all$` in the add list fails the NET_RAW check.
    assert_eq!(rule(&all, 0, "drop-net-raw-capability"), (FAIL, None));
    // A drop-all rule failing on `add: [ALL]` is right: everything is kept.
    assert_eq!(rule(&all, 0, "insecureCapabilities"), (FAIL, None));
    assert_eq!(rule(&all, 0, "CapDropAll"), (FAIL, None));
}

#[test]
fn non_root_adds_are_not_effective() {
    let nonroot = pod("{runAsUser: 1000, allowPrivilegeEscalation: false, capabilities: {drop: [ALL], add: [NET_ADMIN]}}");
    let not_effective = Some(D::FailButNotEffective {
        cap: Cap::NET_ADMIN,
    });
    assert_eq!(
        rule(&nonroot, 0, "CKV_K8S_25"),
        (FAIL, not_effective.clone())
    );
    assert_eq!(rule(&nonroot, 0, "KSV022"), (FAIL, not_effective.clone()));
    assert_eq!(
        rule(&nonroot, 0, "dangerousCapabilities"),
        (FAIL, not_effective.clone())
    );
    assert_eq!(rule(&nonroot, 0, "C-0046"), (FAIL, not_effective));
    assert_eq!(rule(&nonroot, 0, "CKV_K8S_20"), (PASS, None));
}

#[test]
fn adds_that_change_nothing() {
    let chown = root("{add: [CHOWN]}");
    assert_eq!(
        rule(&chown, 0, "CKV_K8S_25"),
        (FAIL, Some(D::FailButAlreadyDefault { cap: Cap::CHOWN }))
    );
    // PSA's exact list refuses the lower-case spelling of an allowed name.
    let lower = root("{add: [net_bind_service]}");
    assert_eq!(
        rule(&lower, 0, "capabilities_baseline"),
        (
            FAIL,
            Some(D::FailButAllowed {
                spelled: "net_bind_service".into(),
                cap: Cap::NET_BIND_SERVICE
            })
        )
    );
}

#[test]
fn polaris_one_of_fails_all_plus_the_fifteen() {
    let both = root("{drop: [ALL, NET_ADMIN, CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID, SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE]}");
    assert_eq!(
        rule(&both, 0, "insecureCapabilities"),
        (FAIL, Some(D::FailButNoneKept))
    );
    let fifteen = root("{drop: [net_admin, chown, dac_override, fsetid, fowner, mknod, net_raw, setgid, setuid, setfcap, setpcap, net_bind_service, sys_chroot, kill, audit_write]}");
    assert_eq!(rule(&fifteen, 0, "insecureCapabilities"), (PASS, None));
}

/// An init container, a container and an ephemeral container, all adding
/// exactly `SYS_ADMIN` as root.
const LISTS: &str = "kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - {name: init, image: x, securityContext: {runAsUser: 0, capabilities: {add: [SYS_ADMIN]}}}
  containers:
  - {name: main, image: x, securityContext: {runAsUser: 0}}
  ephemeralContainers:
  - {name: debug, image: x, securityContext: {runAsUser: 0, capabilities: {add: [SYS_ADMIN]}}}
";

#[test]
fn which_lists_each_analyser_reads() {
    let granted = Some(D::PassButGranted {
        spelled: "SYS_ADMIN".into(),
        cap: Cap::SYS_ADMIN,
    });
    // 0 init, 1 main, 2 debug (the order caplens reads them).
    for id in ["CKV_K8S_39", "KSV005", "dangerousCapabilities"] {
        assert_eq!(rule(LISTS, 0, id), (FAIL, None), "{id}");
        assert_eq!(rule(LISTS, 2, id), (NOT_RUN, granted.clone()), "{id}");
    }
    for id in [
        "C-0046",
        "capabilities_baseline",
        "privilege-escalation-container",
    ] {
        assert_eq!(rule(LISTS, 2, id), (FAIL, None), "{id}");
    }
    // kubesec reads all three and judges the pod: `main` fails for the others.
    assert_eq!(
        rule(LISTS, 1, "CapSysAdmin"),
        (
            FAIL,
            Some(D::FailsForOther {
                container: "init".into()
            })
        )
    );
}

#[test]
fn workload_verdicts_name_the_container_that_decided() {
    let two = "kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
      - {name: a, image: x, securityContext: {privileged: true, capabilities: {drop: [ALL]}}}
      - {name: b, image: x, securityContext: {runAsUser: 0}}
";
    let by_a = Some(D::FailsForOther {
        container: "a".into(),
    });
    assert_eq!(rule(two, 1, "CKV_K8S_16"), (FAIL, by_a));
    assert_eq!(rule(two, 0, "CKV_K8S_16"), (FAIL, None));
    // kubesec gives its +1 once one container drops ALL.
    assert_eq!(
        rule(two, 1, "CapDropAll"),
        (
            PASS,
            Some(D::PassesForOther {
                container: "a".into()
            })
        )
    );
    // privileged overrides the drop: a drop-all pass on `a` keeps everything.
    let (v, d) = rule(two, 0, "CapDropAll");
    assert_eq!(v, PASS);
    assert!(matches!(d, Some(D::PassButEffective { .. })));
    // Kubescape has no PodTemplate and ephemeral containers only in Pods;
    // kubesec reads four kinds.
    let job = "kind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      containers:\n      - {name: c, image: x, securityContext: {capabilities: {add: [SYS_ADMIN]}}}\n";
    assert_eq!(rule(job, 0, "CapSysAdmin").0, NOT_RUN);
    assert_eq!(rule(job, 0, "C-0046").0, FAIL);
}

#[test]
fn every_rule_names_its_source_version() {
    for r in super::rules() {
        assert!(!r.version.is_empty() && !r.id.is_empty(), "{}", r.id);
        assert!(!r.roles.is_empty() && !r.kinds.is_empty(), "{}", r.id);
    }
    let ids: Vec<_> = super::rules().map(|r| r.id).collect();
    for id in [
        "CKV_K8S_16",
        "CKV_K8S_20",
        "CKV_K8S_25",
        "CKV_K8S_28",
        "CKV_K8S_37",
        "CKV_K8S_39",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    for id in ["KSV003", "KSV005", "KSV022", "KSV106", "KSV119", "KSV120"] {
        assert!(ids.contains(&id), "{id}");
    }
}

#[test]
fn a_refused_container_disagrees_with_passing_add_rules() {
    let typo = root("{add: [NET_ADMN]}");
    let crio = Settings {
        kubernetes: Runtime::Crio(CrioConfig::default()),
        ..Settings::default()
    };
    assert_eq!(
        rule_on(&typo, 0, "KSV005", &crio),
        (PASS, Some(D::PassButRefused))
    );
    // A failing rule, or one about drops, says nothing false about it.
    assert_eq!(rule_on(&typo, 0, "KSV022", &crio), (FAIL, None));
    assert_eq!(rule_on(&typo, 0, "KSV003", &crio), (FAIL, None));
}

/// The counts docs/peers.md gives for the examples: per analyser, how many
/// Kubernetes example containers have a verdict caplens disagrees with.
#[test]
fn disagreements_on_the_examples_match_the_docs() {
    let examples = [
        include_str!("../../../../examples/bind-nonroot.yaml"),
        include_str!("../../../../examples/bind-root.yaml"),
        include_str!("../../../../examples/cpb-demo-typo.yaml"),
        include_str!("../../../../examples/cpb-demo.yaml"),
        include_str!("../../../../examples/perf-sys-admin.yaml"),
    ];
    let crio = Settings {
        kubernetes: Runtime::Crio(CrioConfig::default()),
        ..Settings::default()
    };
    let tally = |settings: &Settings| -> Vec<(&'static str, usize)> {
        let mut out: Vec<(&'static str, usize)> = Vec::new();
        for tool in super::rules().map(|r| r.tool.id()) {
            if out.iter().any(|(t, _)| *t == tool) {
                continue;
            }
            let mut n = 0;
            for yaml in examples {
                for index in 0..paste::read_yaml(yaml).unwrap().containers.len() {
                    let rs = results(yaml, index, settings);
                    n += rs.iter().any(|x| x.tool.id() == tool && !x.agrees) as usize;
                }
            }
            out.push((tool, n));
        }
        out
    };
    let expect = |checkov, kube_linter, trivy| {
        vec![
            ("checkov", checkov),
            ("kube-linter", kube_linter),
            ("trivy", trivy),
            ("kubesec", 0),
            ("polaris", 0),
            ("kubescape", 0),
            ("pod-security", 0),
        ]
    };
    assert_eq!(tally(&Settings::default()), expect(1, 3, 1));
    assert_eq!(tally(&crio), expect(4, 4, 1));
}

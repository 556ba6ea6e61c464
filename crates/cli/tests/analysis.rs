//! Findings (one test per id) and the report's JSON shape (the core's data
//! with the words `caplens_cli::json` adds, as `--json` prints it).

use caplens_core::analysis::*;
use caplens_core::catalog::KernelVersion;
use caplens_core::cmdline::parse_command;
use caplens_core::container::{Flag, Location, SourceKind, Spelled};
use caplens_core::exec::FileCaps;
use caplens_core::runtime::{
    ContainerdEra, CrioConfig, DockerEra, PodmanEra, RunUser, Runtime, RuntimeNote,
};
use caplens_core::set::CapSet;
use caplens_words::prelude::*;
use caplens_words::En;

fn run(text: &str, runtime: Runtime) -> ContainerReport {
    let cmd = parse_command(text, SourceKind::DockerRun).unwrap();
    analyse(&cmd.spec, &AnalysisOptions::new(runtime))
}

fn docker(text: &str) -> ContainerReport {
    run(text, Runtime::Docker(DockerEra::From25))
}

/// A Kubernetes-like spec built from a docker command line, re-labelled.
fn k8s(text: &str, runtime: Runtime) -> ContainerReport {
    let mut spec = parse_command(text, SourceKind::DockerRun).unwrap().spec;
    spec.source = SourceKind::Kubernetes;
    spec.workload = "Pod/demo".into();
    analyse(&spec, &AnalysisOptions::new(runtime))
}

const CONTAINERD: Runtime = Runtime::Containerd(ContainerdEra::Current);

fn ids(r: &ContainerReport) -> Vec<FindingId> {
    r.findings.iter().map(|f| f.id()).collect()
}

fn find(r: &ContainerReport, id: FindingId) -> &Finding {
    r.findings
        .iter()
        .find(|f| f.id() == id)
        .unwrap_or_else(|| panic!("no {id:?} in {:?}", ids(r)))
}

#[test]
fn ids_round_trip() {
    for id in FindingId::ALL {
        assert_eq!(FindingId::parse(id.as_str()), Some(id));
        assert_eq!(serde_json::to_value(id).unwrap(), id.as_str());
    }
}

#[test]
fn ineffective_add_non_root_docker_with_port_sysctl() {
    let r = docker("docker run --user 1000 --cap-add NET_BIND_SERVICE --cap-add NET_ADMIN nginx");
    let f = find(&r, FindingId::IneffectiveAdd);
    let Detail::IneffectiveAdd(d) = &f.detail else {
        unreachable!()
    };
    assert_eq!(d.caps, CapSet::from_caps([10, 12]));
    assert!(!d.conditional);
    assert_eq!(d.low_ports, LowPorts::OpenedByRuntime);
    assert_eq!((f.at.path.as_str(), f.at.argument), ("--cap-add", Some(6)));
    let fix = En.finding_fix(f);
    assert!(
        fix.contains("setcap cap_net_bind_service,cap_net_admin+ep"),
        "{fix}"
    );
    assert!(fix.contains("ip_unprivileged_port_start=0"), "{fix}");
    // what each add achieves
    assert_eq!(
        r.adds[0].results,
        vec![(
            RunUser::NonRoot { uid: Some(1000) },
            AddResult::BoundingOnly
        )]
    );
    assert!(r.adds[0].already_default);
}

#[test]
fn ineffective_add_kubernetes_says_sysctl_not_set_and_nnp_still_allows_file_caps() {
    let r = k8s("docker run -u 1000 --security-opt no-new-privileges --cap-drop ALL --cap-add NET_BIND_SERVICE x", CONTAINERD);
    let f = find(&r, FindingId::IneffectiveAdd);
    let Detail::IneffectiveAdd(d) = &f.detail else {
        unreachable!()
    };
    assert_eq!(d.low_ports, LowPorts::NotOpened);
    assert!(d.no_new_privs && !d.file_caps_blocked_by_nnp);
    let fix = En.finding_fix(f);
    assert!(fix.contains("securityContext.sysctls"), "{fix}");
    assert!(fix.contains("still works with no_new_privs"), "{fix}");
}

#[test]
fn ineffective_add_docker_24_nnp_blocks_file_caps() {
    let r = run(
        "docker run -u 1000 --security-opt no-new-privileges --cap-add NET_ADMIN x",
        Runtime::Docker(DockerEra::From20_10_14To24),
    );
    let Detail::IneffectiveAdd(d) = &find(&r, FindingId::IneffectiveAdd).detail else {
        unreachable!()
    };
    assert!(d.file_caps_blocked_by_nnp);
}

#[test]
fn ineffective_add_unknown_user_is_conditional_and_both_outcomes_shown() {
    let r = k8s("docker run --cap-add NET_ADMIN x", CONTAINERD);
    let Detail::IneffectiveAdd(d) = &find(&r, FindingId::IneffectiveAdd).detail else {
        unreachable!()
    };
    assert!(d.conditional);
    assert!(r.pid1.is_none());
    let by = r.pid1_by_image_user.unwrap();
    assert!(by.root.unwrap().state.effective.contains(12));
    assert!(!by.nonroot.unwrap().state.effective.contains(12));
    // the user can say which
    let mut o = AnalysisOptions::new(CONTAINERD);
    o.image_user = ImageUser::Root;
    let spec = parse_command("docker run --cap-add NET_ADMIN x", SourceKind::DockerRun)
        .unwrap()
        .spec;
    let r = analyse(&spec, &o);
    assert!(r.pid1.is_some() && r.pid1_by_image_user.is_none());
    assert!(!ids(&r).contains(&FindingId::IneffectiveAdd));
}

#[test]
fn no_ineffective_add_for_root_podman_or_file_caps() {
    assert!(
        !ids(&docker("docker run -u 0 --cap-add NET_ADMIN x")).contains(&FindingId::IneffectiveAdd)
    );
    // Podman gives non-root adds as ambient.
    let r = run(
        "podman run -u 1000 --cap-add NET_ADMIN x",
        Runtime::Podman(PodmanEra::From4_5),
    );
    assert!(!ids(&r).contains(&FindingId::IneffectiveAdd));
    assert_eq!(r.pid1.unwrap().state.ambient, CapSet::single(12));
    // A binary with the file capability makes the add work.
    let mut spec = parse_command(
        "docker run -u 1000 --cap-add NET_ADMIN x",
        SourceKind::DockerRun,
    )
    .unwrap()
    .spec;
    spec.entrypoint_file_caps = Some(FileCaps {
        permitted: CapSet::single(12),
        inheritable: CapSet::EMPTY,
        effective: true,
    });
    let r = analyse(
        &spec,
        &AnalysisOptions::new(Runtime::Docker(DockerEra::From25)),
    );
    assert!(!ids(&r).contains(&FindingId::IneffectiveAdd));
    assert_eq!(r.adds[0].results[0].1, AddResult::Effective);
}

#[test]
fn cap_prefix_containerd_add_and_drop() {
    let r = k8s(
        "docker run -u 0 --cap-add CAP_SYS_ADMIN --cap-drop cap_net_raw x",
        CONTAINERD,
    );
    let prefixes: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.id() == FindingId::CapPrefix)
        .collect();
    assert_eq!(prefixes.len(), 2);
    assert!(prefixes.iter().all(|f| f.severity == Severity::Error));
    let m = En.finding_message(prefixes[0]);
    assert!(m.contains("CAP_CAP_SYS_ADMIN"), "{m}");
    // and the add really did nothing; the drop really dropped nothing
    let p = r.pid1.unwrap();
    assert!(!p.state.effective.contains(21) && p.state.effective.contains(13));
    assert_eq!(r.adds[0].results[0].1, AddResult::NotGranted);
}

#[test]
fn cap_prefix_is_info_on_crio_and_absent_on_docker() {
    let r = k8s(
        "docker run -u 0 --cap-add CAP_SYS_ADMIN x",
        Runtime::Crio(CrioConfig::default()),
    );
    assert_eq!(find(&r, FindingId::CapPrefix).severity, Severity::Info);
    assert!(r.pid1.unwrap().state.effective.contains(21));
    assert!(!ids(&docker("docker run --cap-add CAP_SYS_ADMIN x")).contains(&FindingId::CapPrefix));
}

#[test]
fn name_case_lower_and_all() {
    let r = k8s(
        "docker run -u 0 --cap-drop all --cap-add net_bind_service x",
        CONTAINERD,
    );
    let cases: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.id() == FindingId::NameCase)
        .collect();
    assert_eq!(cases.len(), 2);
    assert!(cases.iter().all(|f| f.severity == Severity::Warning));
    assert!(cases.iter().any(|f| En.finding_fix(f) == "Write `ALL`."));
    assert!(cases
        .iter()
        .any(|f| En.finding_fix(f) == "Write `NET_BIND_SERVICE`."));
    // runtime accepted both
    assert_eq!(r.pid1.unwrap().state.effective, CapSet::single(10));
    // on docker only info
    assert_eq!(
        find(
            &docker("docker run --cap-add net_admin x"),
            FindingId::NameCase
        )
        .severity,
        Severity::Info
    );
    assert!(!ids(&docker("docker run --cap-add NET_ADMIN x")).contains(&FindingId::NameCase));
}

#[test]
fn unknown_capability_no_kernel_and_newer_than_kernel() {
    let r = docker("docker run --cap-add NET_FOO x");
    let f = find(&r, FindingId::UnknownCapability);
    assert_eq!(f.severity, Severity::Error);
    assert!(r.creation_error.is_some() && r.oci.is_none() && r.pid1.is_none());
    let spec = parse_command("docker run -u 0 --cap-add PERFMON x", SourceKind::DockerRun)
        .unwrap()
        .spec;
    let o = AnalysisOptions::new(CONTAINERD).with_kernel(KernelVersion(5, 4, 0));
    let r = analyse(&spec, &o);
    let f = find(&r, FindingId::UnknownCapability);
    assert!(matches!(
        &f.detail,
        Detail::UnknownCapability {
            why: UnknownReason::NewerThanKernel { cap: 38, .. },
            ..
        }
    ));
    assert!(En.finding_message(f).contains("5.8"));
    // containerd: runc ignored it, the container still starts
    assert!(r.pid1.is_some());
}

#[test]
fn privileged_finding_per_runtime() {
    let r = docker("docker run --privileged x");
    let f = find(&r, FindingId::Privileged);
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        (f.at.path.as_str(), f.at.argument),
        ("--privileged", Some(3))
    );
    assert!(En.finding_message(f).contains("000001ffffffffff"));
    let r = k8s(
        "docker run -u 1000 --privileged x",
        Runtime::Crio(CrioConfig::default()),
    );
    assert!(matches!(
        find(&r, FindingId::Privileged).detail,
        Detail::Privileged {
            non_root: PrivilegedNonRoot::EverythingViaAmbient,
            ..
        }
    ));
    assert!(!ids(&r).contains(&FindingId::DefaultNetRaw));
}

#[test]
fn dangerous_capability_only_when_granted() {
    let r = docker("docker run --cap-add SYS_PTRACE --cap-add CHOWN x");
    let d: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.id() == FindingId::DangerousCapability)
        .collect();
    assert_eq!(d.len(), 1);
    assert!(matches!(
        d[0].detail,
        Detail::DangerousCapability { cap: 19, .. }
    ));
    // containerd ignores CAP_SYS_PTRACE → not granted → not dangerous (but cap-prefix)
    let r = k8s("docker run --cap-add CAP_SYS_PTRACE x", CONTAINERD);
    assert!(!ids(&r).contains(&FindingId::DangerousCapability));
    let r = docker("docker run --cap-add ALL x");
    assert!(matches!(
        find(&r, FindingId::DangerousCapability).detail,
        Detail::DangerousAll { .. }
    ));
}

#[test]
fn default_net_raw_kept_unless_dropped() {
    let r = docker("docker run nginx");
    assert_eq!(
        find(&r, FindingId::DefaultNetRaw).severity,
        Severity::Warning
    );
    assert!(
        !ids(&docker("docker run --cap-drop NET_RAW nginx")).contains(&FindingId::DefaultNetRaw)
    );
    assert!(!ids(&docker("docker run --cap-drop ALL nginx")).contains(&FindingId::DefaultNetRaw));
    // CRI-O ≥1.18 and Podman ≥4.5 do not have it by default.
    assert!(!ids(&k8s(
        "docker run nginx",
        Runtime::Crio(CrioConfig::default())
    ))
    .contains(&FindingId::DefaultNetRaw));
    assert!(!ids(&run(
        "podman run nginx",
        Runtime::Podman(PodmanEra::From4_5)
    ))
    .contains(&FindingId::DefaultNetRaw));
    // containerd: drop CAP_NET_RAW silently does nothing → still flagged
    assert!(
        ids(&k8s("docker run --cap-drop CAP_NET_RAW nginx", CONTAINERD))
            .contains(&FindingId::DefaultNetRaw)
    );
}

#[test]
fn prefer_perfmon_for_sys_admin() {
    let r = docker("docker run --cap-add SYS_ADMIN perf");
    let f = find(&r, FindingId::PreferPerfmon);
    assert_eq!(f.severity, Severity::Info);
    assert!(En.finding_fix(f).contains("PERFMON"));
    assert!(!ids(&docker("docker run --cap-add PERFMON perf")).contains(&FindingId::PreferPerfmon));
}

#[test]
fn json_shape() {
    let r = docker("docker run -u 1000 --cap-add NET_ADMIN busybox");
    let v = caplens_cli::json::container_report(&r);
    assert_eq!(v["workload"], "docker run");
    assert_eq!(v["container"], "busybox");
    assert_eq!(v["role"], "container");
    assert_eq!(v["oci"]["bounding"], "00000000a80435fb");
    assert_eq!(v["oci"]["effective"], "00000000a80435fb");
    assert_eq!(v["oci"]["ambient"], "0000000000000000");
    assert_eq!(v["pid1"]["uid"], 1000);
    assert_eq!(v["pid1"]["effective"], "0000000000000000");
    assert_eq!(v["pid1"]["bounding"], "00000000a80435fb");
    assert!(v["pid1_by_image_user"].is_null());
    let f = &v["findings"][0];
    for k in ["id", "severity", "path", "line", "message", "fix"] {
        assert!(f.get(k).is_some(), "{k}");
    }
    assert!(v["pss"].is_null());
    // unknown image user: pid1 null, both outcomes present
    let v = caplens_cli::json::container_report(&docker("docker run busybox"));
    assert!(v["pid1"].is_null());
    assert_eq!(v["pid1_by_image_user"]["root"]["uid"], 0);
    assert!(v["pid1_by_image_user"]["nonroot"]["uid"].is_null());
    assert_eq!(
        v["pid1_by_image_user"]["root"]["effective"],
        "00000000a80425fb"
    );
    assert_eq!(
        v["pid1_by_image_user"]["nonroot"]["effective"],
        "0000000000000000"
    );
    let re = |s: &serde_json::Value| {
        s.as_str().is_some_and(|s| {
            s.len() == 16
                && s.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
    };
    for k in [
        "bounding",
        "effective",
        "permitted",
        "inheritable",
        "ambient",
    ] {
        assert!(re(&v["oci"][k]), "{k}");
    }
    // creation error: oci null, error message present
    let v = caplens_cli::json::container_report(&docker("docker run --cap-add BOGUS x"));
    assert!(v["oci"].is_null());
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("unknown capability: \"CAP_BOGUS\""));
}

#[test]
fn apparent_flag_values_feed_the_runtime() {
    // allowPrivilegeEscalation false ⇒ NNP, like --security-opt no-new-privileges.
    let mut spec = parse_command("docker run -u 0 x", SourceKind::DockerRun)
        .unwrap()
        .spec;
    spec.allow_privilege_escalation = Some(Flag {
        value: false,
        at: Location::default(),
    });
    let r = analyse(&spec, &AnalysisOptions::new(CONTAINERD));
    assert!(r.pid1.unwrap().state.no_new_privs);
}

#[test]
fn docker_comma_list_is_one_unknown_name_with_a_hint() {
    let r = docker("docker run --cap-add NET_ADMIN,SYS_TIME x");
    let f = find(&r, FindingId::UnknownCapability);
    assert!(En
        .finding_message(f)
        .contains("does not split the value on commas"));
    assert_eq!(En.finding_fix(f), "List each capability separately, e.g. `--cap-add NET_ADMIN --cap-add SYS_TIME` (or one YAML list item each).");
    assert!(r.creation_error.is_some());
}

#[test]
fn run_as_non_root_leaves_only_the_non_root_outcome() {
    let mut spec = parse_command(
        "docker run --cap-add NET_BIND_SERVICE x",
        SourceKind::DockerRun,
    )
    .unwrap()
    .spec;
    spec.source = SourceKind::Kubernetes;
    spec.run_as_non_root = Some(Flag {
        value: true,
        at: Location::default(),
    });
    let r = analyse(&spec, &AnalysisOptions::new(CONTAINERD));
    assert_eq!(r.outcomes.len(), 1);
    assert!(r.pid1.unwrap().uid.is_none());
    let Detail::IneffectiveAdd(d) = &find(&r, FindingId::IneffectiveAdd).detail else {
        unreachable!()
    };
    assert!(!d.conditional);
}

#[test]
fn ambient_note_only_when_a_non_root_outcome_exists() {
    assert!(!docker("docker run -u 0 x")
        .notes
        .contains(&RuntimeNote::AmbientNeverSet));
    assert!(docker("docker run -u 1000 x")
        .notes
        .contains(&RuntimeNote::AmbientNeverSet));
    assert!(docker("docker run x")
        .notes
        .contains(&RuntimeNote::AmbientNeverSet));
}

fn manifest_reports(text: &str, runtime: Runtime) -> Vec<ContainerReport> {
    let m = caplens_core::k8s::read(text).unwrap();
    m.containers
        .iter()
        .map(|c| {
            let mut r = analyse(&c.spec, &AnalysisOptions::new(runtime));
            r.add_manifest_findings(&c.findings);
            r.set_pss(&c.pss(&m));
            r
        })
        .collect()
}

#[test]
fn seed_cpb_demo_with_typo_and_fixed() {
    // The seed article's busybox: add NET_ADMIN, drop KILL, under `sercurityContext`.
    let typo = include_str!("../../../examples/cpb-demo-typo.yaml");
    let r = &manifest_reports(typo, CONTAINERD)[0];
    let v = caplens_cli::json::container_report(r);
    let found: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(found.contains(&"unknown-field"), "{found:?}");
    assert!(!v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["message"].as_str().unwrap_or("").is_empty()));
    // the typo means nothing was added: defaults only (root image case)
    assert_eq!(
        v["pid1_by_image_user"]["root"]["effective"],
        "00000000a80425fb"
    );
    assert!(v["pss"]["baseline"].is_boolean());
    let fixed = include_str!("../../../examples/cpb-demo.yaml");
    let r = &manifest_reports(fixed, CONTAINERD)[0];
    assert!(!ids(r).contains(&FindingId::UnknownField));
    let root = r.pid1_by_image_user.unwrap().root.unwrap().state.effective;
    assert!(root.contains(12) && !root.contains(5));
    assert_eq!(
        r.pss,
        Some(PssVerdict {
            baseline: false,
            restricted: false
        })
    );
}

#[test]
fn bind_nonroot_deployment_restricted_but_ineffective() {
    let r = &manifest_reports(
        include_str!("../../../examples/bind-nonroot.yaml"),
        CONTAINERD,
    )[0];
    assert_eq!(r.workload, "Deployment/web-nonroot");
    assert_eq!(
        r.pss,
        Some(PssVerdict {
            baseline: true,
            restricted: true
        })
    );
    let p = r.pid1.unwrap();
    assert_eq!(p.uid, Some(101));
    assert_eq!(p.state.effective, CapSet::EMPTY);
    assert_eq!(p.state.bounding, CapSet::single(10));
    let f = find(r, FindingId::IneffectiveAdd);
    assert!(f.at.line.is_some());
    assert!(En.finding_fix(f).contains("securityContext.sysctls"));
}

#[test]
fn ineffective_add_fix_speaks_the_input_language() {
    // Host network: Docker does not open the low ports; the fix says --sysctl.
    let mut spec = parse_command(
        "docker run -u 1000 --network host --cap-add NET_BIND_SERVICE x",
        SourceKind::DockerRun,
    )
    .unwrap()
    .spec;
    let r = analyse(
        &spec,
        &AnalysisOptions::new(Runtime::Docker(DockerEra::From25)),
    );
    let f = find(&r, FindingId::IneffectiveAdd);
    let Detail::IneffectiveAdd(d) = &f.detail else {
        unreachable!()
    };
    assert_eq!(d.low_ports, LowPorts::NotOpened);
    assert!(En
        .finding_fix(f)
        .contains("--sysctl net.ipv4.ip_unprivileged_port_start=0"));
    spec.source = SourceKind::Compose;
    spec.host_network = false;
    spec.sysctls
        .push(("net.ipv4.ip_unprivileged_port_start".into(), "80".into()));
    let r = analyse(
        &spec,
        &AnalysisOptions::new(Runtime::Docker(DockerEra::From25)),
    );
    let f = find(&r, FindingId::IneffectiveAdd);
    let fix = En.finding_fix(f);
    assert!(
        fix.contains("cap_drop: [ALL]") && fix.contains("already set to 80"),
        "{fix}"
    );
}

#[test]
fn add_effects_explain_nnp_blocking_and_carry_exec_reasons() {
    let r = run(
        "docker run -u 1000 --security-opt no-new-privileges --cap-add NET_ADMIN x",
        Runtime::Docker(DockerEra::From20_10_14To24),
    );
    assert_eq!(r.adds[0].results[0].1, AddResult::BoundingOnlyBlockedByNnp);
    let r = docker("docker run -u 1000 --cap-add NET_ADMIN x");
    assert_eq!(r.adds[0].results[0].1, AddResult::BoundingOnly);
    let (_, reason) = &r.adds[0].reasons[0];
    assert_eq!(reason.cap, 12);
    assert!(reason.before && !reason.after);
    let text = En.report_text(&r);
    assert!(text.contains("exec: "), "{text}");
}

#[test]
fn manifest_findings_keep_their_severity_on_the_shared_scale() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: x\n    sercurityContext:\n      runAsUser: 1000\n    zzzQqq: 1\n";
    let m = caplens_core::k8s::read(text).unwrap();
    let r = &manifest_reports(text, CONTAINERD)[0];
    let manifest: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| matches!(f.detail, Detail::Manifest { .. }))
        .collect();
    assert_eq!(manifest.len(), m.containers[0].findings.len());
    for (ours, theirs) in manifest.iter().zip(&m.containers[0].findings) {
        assert_eq!(ours.severity, theirs.severity());
    }
    // A near miss of a real key is an error; an unknown key elsewhere a warning.
    let sev: Vec<Severity> = manifest.iter().map(|f| f.severity).collect();
    assert!(
        sev.contains(&Severity::Error) && sev.contains(&Severity::Warning),
        "{sev:?}"
    );
    assert_eq!(r.worst(), Some(Severity::Error));
}

#[test]
fn manifest_findings_serialise_their_data() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: x\n    sercurityContext:\n      runAsUser: 1000\n    securityContext:\n      runAsNonRoot: true\n      capabilities:\n        add: NET_ADMIN\n";
    let r = &manifest_reports(text, CONTAINERD)[0];
    let v = caplens_cli::json::container_report(r);
    let fs = v["findings"].as_array().unwrap();
    let typo = fs
        .iter()
        .find(|f| f["id"] == "unknown-field")
        .expect("unknown-field");
    // The issue-4 keys stay as they were.
    for k in ["id", "severity", "path", "line", "message", "fix"] {
        assert!(typo.get(k).is_some(), "{k}");
    }
    let d = &typo["detail"];
    assert_eq!(d["kind"], "manifest");
    assert_eq!(d["finding"], "unknown-field");
    assert_eq!(d["key"], "sercurityContext");
    assert_eq!(d["suggestion"], "securityContext");
    assert_eq!(
        d["level"],
        serde_json::to_value(caplens_core::k8s::fields::Level::Container).unwrap()
    );
    // A wrong type carries what was expected and what was found.
    let wrong = fs
        .iter()
        .find(|f| f["detail"]["type"] == "wrong-type")
        .expect("wrong-type");
    assert_eq!(wrong["id"], "misplaced-field");
    assert_eq!(wrong["detail"]["key"], "add");
    assert_eq!(wrong["detail"]["expected"], "list");
    assert_eq!(wrong["detail"]["found"], "string");
}

/// Each add's `already_default` flag, in order.
fn already_default(r: &ContainerReport) -> Vec<bool> {
    r.adds.iter().map(|a| a.already_default).collect()
}

#[test]
fn already_default_means_granted_without_the_add() {
    // Plain add of a default: the add changes nothing.
    assert_eq!(
        already_default(&docker("docker run -u 0 --cap-add NET_BIND_SERVICE x")),
        vec![true]
    );
    // After dropping ALL the add is the only reason it is there.
    assert_eq!(
        already_default(&docker(
            "docker run -u 0 --cap-drop ALL --cap-add NET_BIND_SERVICE x"
        )),
        vec![false]
    );
    assert_eq!(
        already_default(&docker(
            "docker run -u 0 --cap-drop all --cap-add CHOWN --cap-add NET_ADMIN x"
        )),
        vec![false, false]
    );
    // Dropped by name and added back: the add restores it.
    assert_eq!(
        already_default(&docker(
            "docker run -u 0 --cap-drop NET_RAW --cap-add NET_RAW x"
        )),
        vec![false]
    );
    // Dropping something else leaves the default in place.
    assert_eq!(
        already_default(&docker(
            "docker run -u 0 --cap-drop NET_RAW --cap-add CHOWN x"
        )),
        vec![true]
    );
    // Privileged grants everything whatever the lists say.
    assert_eq!(
        already_default(&docker(
            "docker run -u 0 --privileged --cap-add SYS_ADMIN x"
        )),
        vec![true]
    );
    // Docker non-root: bounding-only either way, so the add changes nothing.
    assert_eq!(
        already_default(&docker("docker run -u 1000 --cap-add CHOWN x")),
        vec![true]
    );
}

#[test]
fn already_default_after_kubernetes_drop_all() {
    // Kubernetes `drop: [ALL]` on containerd and CRI-O alike.
    let crio = Runtime::Crio(CrioConfig::default());
    for rt in [CONTAINERD, crio] {
        let r = k8s(
            "docker run -u 1000 --cap-drop ALL --cap-add NET_BIND_SERVICE --cap-add KILL x",
            rt,
        );
        assert_eq!(already_default(&r), vec![false, false], "{rt:?}");
        let r = k8s("docker run -u 1000 --cap-add NET_BIND_SERVICE x", rt);
        assert_eq!(already_default(&r), vec![true], "{rt:?}");
    }
}

#[test]
fn already_default_on_podman_depends_on_the_user() {
    // Podman gives a non-root user only the adds: the add is what grants it,
    // although the cap is among the defaults (bounding-only without it).
    let podman = |t: &str| run(t, Runtime::Podman(PodmanEra::From4_5));
    assert_eq!(
        already_default(&podman("podman run -u 1000 --cap-add NET_BIND_SERVICE x")),
        vec![false]
    );
    assert_eq!(
        already_default(&podman("podman run -u 0 --cap-add NET_BIND_SERVICE x")),
        vec![true]
    );
    // Image user unknown: true only if it holds for both outcomes.
    assert_eq!(
        already_default(&podman("podman run --cap-add NET_BIND_SERVICE x")),
        vec![false]
    );
}

#[test]
fn already_default_is_followed_by_the_cli_report() {
    // The CLI report follows the flag.
    let text = En.report_text(&docker(
        "docker run -u 0 --cap-drop ALL --cap-add NET_BIND_SERVICE x",
    ));
    assert!(!text.contains("already a default"), "{text}");
}

#[test]
fn non_ascii_names_are_unknown_not_a_panic() {
    for name in ["cap€", "ca€", "€€", "CAP_€"] {
        for rt in [
            Runtime::Docker(DockerEra::From25),
            CONTAINERD,
            Runtime::Crio(CrioConfig::default()),
        ] {
            let mut spec = parse_command("docker run -u 0 x", SourceKind::DockerRun)
                .unwrap()
                .spec;
            spec.cap_add = vec![Spelled {
                text: name.into(),
                at: Location::default(),
            }];
            let r = analyse(&spec, &AnalysisOptions::new(rt));
            assert!(
                ids(&r).contains(&FindingId::UnknownCapability),
                "{name} {rt:?}: {:?}",
                ids(&r)
            );
        }
    }
}

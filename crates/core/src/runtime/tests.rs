//! Runtime rules, one test per rule of semantics.md §3–7 and the §9 table.

use super::*;
use crate::catalog::KernelVersion;
use crate::container::{ContainerSpec, Flag, Location, SourceKind, Spelled};
use crate::exec::{ExecFile, FileCaps};
use crate::preset::PresetId;
use crate::runtime::runc::{first_process, StartFailure};

pub(crate) fn spec(source: SourceKind) -> ContainerSpec {
    ContainerSpec::unset(source, "docker run", "c", Location::default())
}

fn sp(t: &str) -> Spelled {
    Spelled {
        text: t.into(),
        at: Location {
            path: format!("x[{t}]"),
            ..Location::default()
        },
    }
}

fn with(mut s: ContainerSpec, add: &[&str], drop: &[&str]) -> ContainerSpec {
    s.cap_add = add.iter().map(|t| sp(t)).collect();
    s.cap_drop = drop.iter().map(|t| sp(t)).collect();
    s
}

fn flag(v: bool) -> Option<Flag> {
    Some(Flag {
        value: v,
        at: Location::default(),
    })
}

const ROOT: RunUser = RunUser::Root;
const U1000: RunUser = RunUser::NonRoot { uid: Some(1000) };

fn docker(era: DockerEra) -> RuntimeOptions {
    RuntimeOptions::new(Runtime::Docker(era))
}
fn containerd() -> RuntimeOptions {
    RuntimeOptions::new(Runtime::Containerd(ContainerdEra::Current))
}
fn crio() -> RuntimeOptions {
    RuntimeOptions::new(Runtime::Crio(CrioConfig::default()))
}
fn podman() -> RuntimeOptions {
    RuntimeOptions::new(Runtime::Podman(PodmanEra::From4_5))
}

fn sets(s: &ContainerSpec, u: RunUser, o: &RuntimeOptions) -> OciSets {
    oci_sets(s, u, o).expect("created").sets
}

/// PID 1 after runc and exec, no file caps: (inh, prm, eff, bnd, amb) as hex.
fn pid1(s: &ContainerSpec, u: RunUser, o: &RuntimeOptions) -> [String; 5] {
    let out = oci_sets(s, u, o).expect("created");
    let file = ExecFile {
        caps: s.entrypoint_file_caps,
        ..ExecFile::default()
    };
    let p = first_process(&out.sets, out.no_new_privs, u, o.host, &file)
        .expect("starts")
        .after_exec;
    [
        p.inheritable,
        p.permitted,
        p.effective,
        p.bounding,
        p.ambient,
    ]
    .map(|c| c.hex16())
}

fn h(x: u64) -> String {
    CapSet(x).hex16()
}

fn names(list: &[&str]) -> CapSet {
    CapSet::from_caps(
        list.iter()
            .map(|n| crate::catalog::by_any_spelling(n).unwrap().number),
    )
}

#[test]
fn s3_1_s4_s5_s6_1_default_lists_match_the_names() {
    let docker14 = names(&[
        "CHOWN",
        "DAC_OVERRIDE",
        "FSETID",
        "FOWNER",
        "MKNOD",
        "NET_RAW",
        "SETGID",
        "SETUID",
        "SETFCAP",
        "SETPCAP",
        "NET_BIND_SERVICE",
        "SYS_CHROOT",
        "KILL",
        "AUDIT_WRITE",
    ]);
    assert_eq!(docker14.hex16(), "00000000a80425fb");
    for era in [
        DockerEra::UpTo20_10_13,
        DockerEra::From20_10_14To24,
        DockerEra::From25,
    ] {
        assert_eq!(defaults(Runtime::Docker(era)), docker14);
    }
    for era in [ContainerdEra::WithInheritable, ContainerdEra::Current] {
        assert_eq!(defaults(Runtime::Containerd(era)), docker14);
    }
    let crio9 = names(&[
        "CHOWN",
        "DAC_OVERRIDE",
        "FSETID",
        "FOWNER",
        "SETGID",
        "SETUID",
        "SETPCAP",
        "NET_BIND_SERVICE",
        "KILL",
    ]);
    let crio_at = |era| {
        defaults(Runtime::Crio(CrioConfig {
            era,
            add_inheritable: false,
        }))
    };
    assert_eq!(crio_at(CrioEra::From1_24), crio9);
    assert_eq!(crio_at(CrioEra::From1_18To1_23), crio9);
    assert_eq!(
        crio_at(CrioEra::UpTo1_17),
        crio9 | names(&["NET_RAW", "SYS_CHROOT"])
    );
    let podman11 = names(&[
        "CHOWN",
        "DAC_OVERRIDE",
        "FOWNER",
        "FSETID",
        "KILL",
        "NET_BIND_SERVICE",
        "SETFCAP",
        "SETGID",
        "SETPCAP",
        "SETUID",
        "SYS_CHROOT",
    ]);
    assert_eq!(defaults(Runtime::Podman(PodmanEra::From4_5)), podman11);
    assert_eq!(
        defaults(Runtime::Podman(PodmanEra::V4_4)),
        podman11.without(18)
    );
    assert_eq!(defaults(Runtime::Podman(PodmanEra::UpTo4_3)), docker14);
}

#[test]
fn every_engine_starts_from_its_preset() {
    let crio = |era| {
        Runtime::Crio(CrioConfig {
            era,
            add_inheritable: true,
        })
    };
    let cases = [
        (Runtime::Docker(DockerEra::From25), PresetId::Docker),
        (
            Runtime::Containerd(ContainerdEra::Current),
            PresetId::Docker,
        ),
        (crio(CrioEra::UpTo1_17), PresetId::CrioLegacy),
        (crio(CrioEra::From1_18To1_23), PresetId::Crio),
        (crio(CrioEra::From1_24), PresetId::Crio),
        (Runtime::Podman(PodmanEra::UpTo4_3), PresetId::Docker),
        (Runtime::Podman(PodmanEra::V4_4), PresetId::Podman44),
        (Runtime::Podman(PodmanEra::From4_5), PresetId::Podman),
    ];
    for (rt, preset) in cases {
        assert_eq!(rt.default_preset(), preset, "{rt:?}");
        // And the engine really writes that list for root with no changes.
        let s = spec(SourceKind::DockerRun);
        assert_eq!(
            sets(&s, ROOT, &RuntimeOptions::new(rt)).bounding,
            preset.caps(),
            "{rt:?}"
        );
    }
}

// ---- §9 end-to-end table ----

#[test]
fn s9_docker_25_root_defaults() {
    let s = spec(SourceKind::DockerRun);
    assert_eq!(
        pid1(&s, ROOT, &docker(DockerEra::From25)),
        [h(0), h(0xa80425fb), h(0xa80425fb), h(0xa80425fb), h(0)]
    );
    assert_eq!(
        pid1(&s, ROOT, &docker(DockerEra::From20_10_14To24)),
        [h(0), h(0xa80425fb), h(0xa80425fb), h(0xa80425fb), h(0)]
    );
}

#[test]
fn s9_docker_up_to_20_10_13_root_has_inheritable() {
    let s = spec(SourceKind::DockerRun);
    let o = docker(DockerEra::UpTo20_10_13);
    assert_eq!(sets(&s, ROOT, &o).inheritable, PresetId::Docker.caps());
    assert_eq!(
        pid1(&s, ROOT, &o),
        [
            h(0xa80425fb),
            h(0xa80425fb),
            h(0xa80425fb),
            h(0xa80425fb),
            h(0)
        ]
    );
}

#[test]
fn s9_docker_non_root_every_era() {
    let s = spec(SourceKind::DockerRun);
    for era in [DockerEra::From20_10_14To24, DockerEra::From25] {
        assert_eq!(
            pid1(&s, U1000, &docker(era)),
            [h(0), h(0), h(0), h(0xa80425fb), h(0)],
            "{era:?}"
        );
    }
    assert_eq!(
        pid1(&s, U1000, &docker(DockerEra::UpTo20_10_13)),
        [h(0xa80425fb), h(0), h(0), h(0xa80425fb), h(0)]
    );
}

#[test]
fn s3_4_docker_oci_sets_by_era_and_uid() {
    let s = spec(SourceKind::DockerRun);
    let d = PresetId::Docker.caps();
    assert_eq!(
        sets(&s, U1000, &docker(DockerEra::UpTo20_10_13)),
        OciSets {
            bounding: d,
            inheritable: d,
            ..OciSets::default()
        }
    );
    assert_eq!(
        sets(&s, U1000, &docker(DockerEra::From20_10_14To24)),
        OciSets {
            bounding: d,
            ..OciSets::default()
        }
    );
    assert_eq!(sets(&s, U1000, &docker(DockerEra::From25)), OciSets::bep(d));
}

#[test]
fn s9_docker_privileged_root_gets_all_available() {
    let mut s = spec(SourceKind::DockerRun);
    s.privileged = flag(true);
    assert_eq!(
        pid1(&s, ROOT, &docker(DockerEra::From25)),
        [
            h(0),
            h(0x1ffffffffff),
            h(0x1ffffffffff),
            h(0x1ffffffffff),
            h(0)
        ]
    );
    // On a 5.4 kernel "all" means the 38 capabilities 0..=37.
    let o = docker(DockerEra::From25).with_kernel(KernelVersion(5, 4, 0));
    assert_eq!(sets(&s, ROOT, &o).bounding.hex16(), "0000003fffffffff");
}

#[test]
fn s9_containerd_root_and_non_root() {
    let s = spec(SourceKind::Kubernetes);
    assert_eq!(
        pid1(&s, ROOT, &containerd()),
        [h(0), h(0xa80425fb), h(0xa80425fb), h(0xa80425fb), h(0)]
    );
    assert_eq!(
        pid1(&s, U1000, &containerd()),
        [h(0), h(0), h(0), h(0xa80425fb), h(0)]
    );
    let old = RuntimeOptions::new(Runtime::Containerd(ContainerdEra::WithInheritable));
    assert_eq!(pid1(&s, ROOT, &old)[0], h(0xa80425fb));
}

#[test]
fn s9_crio_root_and_non_root() {
    let s = spec(SourceKind::Kubernetes);
    assert_eq!(
        pid1(&s, ROOT, &crio()),
        [h(0), h(0x5fb), h(0x5fb), h(0x5fb), h(0)]
    );
    assert_eq!(pid1(&s, U1000, &crio()), [h(0), h(0), h(0), h(0x5fb), h(0)]);
}

#[test]
fn s9_podman_root_defaults() {
    let s = spec(SourceKind::PodmanRun);
    assert_eq!(
        pid1(&s, ROOT, &podman()),
        [h(0), h(0x800405fb), h(0x800405fb), h(0x800405fb), h(0)]
    );
}

#[test]
fn s9_podman_user_1000_cap_add_net_admin_gets_ambient() {
    let s = with(spec(SourceKind::PodmanRun), &["NET_ADMIN"], &[]);
    assert_eq!(
        pid1(&s, U1000, &podman()),
        [h(0x1000), h(0x1000), h(0x1000), h(0x800415fb), h(0x1000)]
    );
}

// ---- §3 Docker ----

#[test]
fn s3_2_docker_accepts_any_case_and_prefix() {
    for t in [
        "net_admin",
        "NET_ADMIN",
        "cap_net_admin",
        "CAP_NET_ADMIN",
        "Net_Admin",
    ] {
        let s = with(spec(SourceKind::DockerRun), &[t], &[]);
        assert!(
            sets(&s, ROOT, &docker(DockerEra::From25))
                .bounding
                .contains(12),
            "{t}"
        );
    }
}

#[test]
fn s3_2_docker_unknown_and_unavailable_fail_creation() {
    let s = with(spec(SourceKind::DockerRun), &["NET_FOO"], &[]);
    let e = oci_sets(&s, ROOT, &docker(DockerEra::From25)).unwrap_err();
    assert_eq!(
        e.kind,
        CreationErrorKind::UnknownCapability {
            runtime: RuntimeKind::Docker,
            oci_name: "CAP_NET_FOO".into(),
            list: ListKind::Add
        }
    );
    assert_eq!(e.at.unwrap().path, "x[NET_FOO]");
    let s = with(spec(SourceKind::DockerRun), &["PERFMON"], &[]);
    let o = docker(DockerEra::From25).with_kernel(KernelVersion(5, 4, 0));
    assert!(matches!(
        oci_sets(&s, ROOT, &o).unwrap_err().kind,
        CreationErrorKind::NotAvailable { .. }
    ));
    // Drops are validated too, and before the adds.
    let s = with(spec(SourceKind::DockerRun), &["BAR"], &["FOO"]);
    assert!(matches!(
        oci_sets(&s, ROOT, &docker(DockerEra::From25))
            .unwrap_err()
            .kind,
        CreationErrorKind::UnknownCapability {
            list: ListKind::Drop,
            ..
        }
    ));
}

#[test]
fn s3_3_docker_tweak_rules() {
    let o = docker(DockerEra::From25);
    // privileged ignores the lists (not even validated)
    let mut s = with(spec(SourceKind::DockerRun), &["FOO"], &["ALL"]);
    s.privileged = flag(true);
    assert_eq!(sets(&s, ROOT, &o).bounding, crate::catalog::KNOWN);
    // add ALL wins over drop ALL; other drops still apply
    let s = with(spec(SourceKind::DockerRun), &["ALL"], &["ALL", "CHOWN"]);
    assert_eq!(
        sets(&s, ROOT, &o).bounding,
        crate::catalog::KNOWN.without(0)
    );
    // drop ALL → exactly the adds
    let s = with(spec(SourceKind::DockerRun), &["NET_BIND_SERVICE"], &["all"]);
    assert_eq!(sets(&s, ROOT, &o).bounding, CapSet::single(10));
    // add and drop the same cap: present
    let s = with(
        spec(SourceKind::DockerRun),
        &["NET_ADMIN"],
        &["NET_ADMIN", "MKNOD"],
    );
    let out = oci_sets(&s, ROOT, &o).unwrap();
    assert!(out.sets.bounding.contains(12) && !out.sets.bounding.contains(27));
    assert!(out.notes.contains(&RuntimeNote::AddedAndDropped {
        cap: 12,
        kept: true
    }));
}

#[test]
fn s3_5_docker_sets_unprivileged_port_sysctl_in_private_netns_only() {
    let o = docker(DockerEra::From25);
    let s = spec(SourceKind::DockerRun);
    let out = oci_sets(&s, U1000, &o).unwrap();
    assert!(out
        .sysctls
        .contains(&(PORT_SYSCTL.to_string(), "0".to_string())));
    assert!(out.notes.contains(&RuntimeNote::UnprivilegedPortsOpened));
    let mut s = spec(SourceKind::DockerRun);
    s.host_network = true;
    assert!(oci_sets(&s, U1000, &o).unwrap().sysctls.is_empty());
    let mut s = spec(SourceKind::DockerRun);
    s.sysctls.push((PORT_SYSCTL.into(), "80".into()));
    let out = oci_sets(&s, U1000, &o).unwrap();
    assert_eq!(
        out.sysctls,
        vec![(PORT_SYSCTL.to_string(), "80".to_string())]
    );
    // Kubernetes runtimes do not set it.
    assert!(
        oci_sets(&spec(SourceKind::Kubernetes), U1000, &containerd())
            .unwrap()
            .sysctls
            .is_empty()
    );
}

#[test]
fn s3_4_docker_no_new_privileges() {
    let mut s = with(spec(SourceKind::DockerRun), &["NET_BIND_SERVICE"], &[]);
    s.no_new_privileges = flag(true);
    assert!(
        oci_sets(&s, ROOT, &docker(DockerEra::From25))
            .unwrap()
            .no_new_privs
    );
}

// ---- §4 containerd ----

#[test]
fn s4_containerd_prefix_always_added() {
    // CAP_NET_ADMIN → CAP_CAP_NET_ADMIN: not added, runc ignores it.
    let s = with(spec(SourceKind::Kubernetes), &["CAP_NET_ADMIN"], &[]);
    let out = oci_sets(&s, ROOT, &containerd()).unwrap();
    assert!(!out.sets.bounding.contains(12));
    assert_eq!(out.ignored[0].oci_name, "CAP_CAP_NET_ADMIN");
    assert!(out.notes.contains(&RuntimeNote::RuncIgnores {
        names: vec!["CAP_CAP_NET_ADMIN".into()]
    }));
    // lower case works
    let s = with(spec(SourceKind::Kubernetes), &["net_admin"], &[]);
    assert!(sets(&s, ROOT, &containerd()).bounding.contains(12));
    // a prefixed drop drops nothing
    let s = with(spec(SourceKind::Kubernetes), &[], &["CAP_NET_RAW"]);
    assert!(sets(&s, ROOT, &containerd()).bounding.contains(13));
}

#[test]
fn s7_1_old_runc_fails_on_unmappable_names() {
    let s = with(spec(SourceKind::Kubernetes), &["CAP_SYS_ADMIN"], &[]);
    let mut o = containerd();
    o.runc = RuncEra::BeforeRc94;
    let e = oci_sets(&s, ROOT, &o).unwrap_err();
    assert_eq!(
        e.kind,
        CreationErrorKind::OldRuncUnknown {
            oci_name: "CAP_CAP_SYS_ADMIN".into()
        }
    );
}

#[test]
fn s4_containerd_order_all_then_names_drop_wins() {
    let o = containerd();
    let s = with(spec(SourceKind::Kubernetes), &["ALL"], &["CHOWN"]);
    assert_eq!(
        sets(&s, ROOT, &o).bounding,
        crate::catalog::KNOWN.without(0)
    );
    let s = with(spec(SourceKind::Kubernetes), &["NET_ADMIN"], &["ALL"]);
    assert_eq!(sets(&s, ROOT, &o), OciSets::bep(CapSet::single(12)));
    let s = with(spec(SourceKind::Kubernetes), &["NET_ADMIN"], &["NET_ADMIN"]);
    let out = oci_sets(&s, ROOT, &o).unwrap();
    assert!(!out.sets.bounding.contains(12));
    assert!(out.notes.contains(&RuntimeNote::AddedAndDropped {
        cap: 12,
        kept: false
    }));
    // add ALL + drop ALL → nothing
    let s = with(spec(SourceKind::Kubernetes), &["all"], &["ALL"]);
    assert_eq!(sets(&s, ROOT, &o), OciSets::default());
}

#[test]
fn s4_containerd_privileged_overrides_lists_and_ambient_always_empty() {
    let mut s = with(spec(SourceKind::Kubernetes), &[], &["ALL"]);
    s.privileged = flag(true);
    let out = oci_sets(&s, U1000, &containerd()).unwrap();
    assert_eq!(out.sets.bounding, crate::catalog::KNOWN);
    assert!(out.sets.ambient.is_empty());
    assert_eq!(pid1(&s, U1000, &containerd())[2], h(0));
}

// ---- §5 CRI-O ----

#[test]
fn s5_crio_accepts_every_spelling() {
    for t in ["net_admin", "NET_ADMIN", "cap_net_admin", "CAP_NET_ADMIN"] {
        let s = with(spec(SourceKind::Kubernetes), &[t], &[]);
        assert!(sets(&s, ROOT, &crio()).bounding.contains(12), "{t}");
    }
}

#[test]
fn s5_crio_unknown_add_or_drop_fails() {
    let s = with(spec(SourceKind::Kubernetes), &["FOO"], &[]);
    assert!(matches!(
        oci_sets(&s, ROOT, &crio()).unwrap_err().kind,
        CreationErrorKind::UnknownCapability {
            runtime: RuntimeKind::Crio,
            list: ListKind::Add,
            ..
        }
    ));
    let s = with(spec(SourceKind::Kubernetes), &[], &["FOO"]);
    assert!(matches!(
        oci_sets(&s, ROOT, &crio()).unwrap_err().kind,
        CreationErrorKind::UnknownCapability {
            list: ListKind::Drop,
            ..
        }
    ));
}

#[test]
fn s5_crio_eras_and_add_inheritable() {
    let s = spec(SourceKind::Kubernetes);
    let old = RuntimeOptions::new(Runtime::Crio(CrioConfig {
        era: CrioEra::UpTo1_17,
        add_inheritable: false,
    }));
    assert_eq!(sets(&s, ROOT, &old).inheritable.hex16(), "00000000000425fb");
    let mid = RuntimeOptions::new(Runtime::Crio(CrioConfig {
        era: CrioEra::From1_18To1_23,
        add_inheritable: false,
    }));
    assert_eq!(sets(&s, ROOT, &mid).inheritable.hex16(), "00000000000005fb");
    let opt = RuntimeOptions::new(Runtime::Crio(CrioConfig {
        era: CrioEra::From1_24,
        add_inheritable: true,
    }));
    let s2 = with(spec(SourceKind::Kubernetes), &["NET_ADMIN"], &["KILL"]);
    assert_eq!(
        sets(&s2, ROOT, &opt).inheritable,
        PresetId::Crio.caps().with(12).without(5)
    );
    assert!(sets(&s, ROOT, &crio()).inheritable.is_empty());
    // With inheritable + root, exec gives P = B | I (same here).
    assert_eq!(pid1(&s, ROOT, &mid)[0], h(0x5fb));
}

#[test]
fn s5_crio_drop_wins_and_privileged_fills_ambient() {
    let s = with(spec(SourceKind::Kubernetes), &["NET_ADMIN"], &["NET_ADMIN"]);
    assert!(!sets(&s, ROOT, &crio()).bounding.contains(12));
    let mut s = spec(SourceKind::Kubernetes);
    s.privileged = flag(true);
    let out = oci_sets(&s, U1000, &crio()).unwrap();
    assert_eq!(out.sets.ambient, crate::catalog::KNOWN);
    // non-root privileged CRI-O keeps everything through exec (via ambient)
    assert_eq!(pid1(&s, U1000, &crio())[2], h(0x1ffffffffff));
}

// ---- §6 Podman ----

#[test]
fn s6_2_podman_merge_rules() {
    let o = podman();
    let s = with(spec(SourceKind::PodmanRun), &["NET_ADMIN"], &["NET_ADMIN"]);
    assert_eq!(
        oci_sets(&s, ROOT, &o).unwrap_err().kind,
        CreationErrorKind::AddedAndDropped {
            oci_name: "CAP_NET_ADMIN".into()
        }
    );
    let s = with(spec(SourceKind::PodmanRun), &["ALL"], &["ALL"]);
    assert_eq!(
        oci_sets(&s, ROOT, &o).unwrap_err().kind,
        CreationErrorKind::AddAllAndDropAll
    );
    let s = with(spec(SourceKind::PodmanRun), &["ALL"], &["CHOWN"]);
    assert_eq!(
        sets(&s, ROOT, &o).bounding,
        crate::catalog::KNOWN.without(0)
    );
    let s = with(spec(SourceKind::PodmanRun), &["net_bind_service"], &["ALL"]);
    assert_eq!(sets(&s, ROOT, &o).bounding, CapSet::single(10));
    let s = with(spec(SourceKind::PodmanRun), &["CAP_FOO"], &[]);
    assert!(matches!(
        oci_sets(&s, ROOT, &o).unwrap_err().kind,
        CreationErrorKind::UnknownCapability {
            runtime: RuntimeKind::Podman,
            ..
        }
    ));
}

#[test]
fn s6_1_podman_eras() {
    let s = spec(SourceKind::PodmanRun);
    for (era, hex) in [
        (PodmanEra::UpTo4_3, 0xa80425fb_u64),
        (PodmanEra::V4_4, 0x800005fb),
        (PodmanEra::From4_5, 0x800405fb),
    ] {
        assert_eq!(
            sets(&s, ROOT, &RuntimeOptions::new(Runtime::Podman(era))).bounding,
            CapSet(hex)
        );
    }
}

#[test]
fn s6_3_podman_non_root_gets_only_adds_even_privileged() {
    let mut s = with(spec(SourceKind::PodmanRun), &["NET_BIND_SERVICE"], &[]);
    s.privileged = flag(true);
    let out = oci_sets(&s, U1000, &podman()).unwrap();
    assert_eq!(out.sets.bounding, crate::catalog::KNOWN);
    assert_eq!(out.sets.effective, CapSet::single(10));
    assert_eq!(out.sets.ambient, CapSet::single(10));
    // no adds: non-root gets nothing at all
    let s = spec(SourceKind::PodmanRun);
    assert_eq!(
        pid1(&s, U1000, &podman()),
        [h(0), h(0), h(0), h(0x800405fb), h(0)]
    );
}

#[test]
fn s6_3_podman_sysctl_net_with_host_network_fails() {
    let mut s = spec(SourceKind::PodmanRun);
    s.host_network = true;
    s.sysctls.push((PORT_SYSCTL.into(), "0".into()));
    assert!(matches!(
        oci_sets(&s, ROOT, &podman()).unwrap_err().kind,
        CreationErrorKind::NetSysctlWithHostNetwork { .. }
    ));
}

// ---- §7 runc + §1.2 exec ----

#[test]
fn s7_3_root_with_nnp_is_capped_at_spec_permitted() {
    // Docker ≤20.10.13 style: I = list; root without NNP: P = B | I.
    let sets = OciSets {
        bounding: CapSet(0xff),
        effective: CapSet(0x0f),
        permitted: CapSet(0x0f),
        inheritable: CapSet::EMPTY,
        ambient: CapSet::EMPTY,
    };
    let f = ExecFile::default();
    let p = first_process(&sets, false, ROOT, crate::catalog::KNOWN, &f)
        .unwrap()
        .after_exec;
    assert_eq!(p.permitted, CapSet(0xff));
    let p = first_process(&sets, true, ROOT, crate::catalog::KNOWN, &f)
        .unwrap()
        .after_exec;
    assert_eq!(p.permitted, CapSet(0x0f));
    assert_eq!(p.effective, CapSet(0x0f));
}

#[test]
fn s7_2_ambient_raise_needs_p_and_i() {
    let sets = OciSets {
        bounding: CapSet(0x3000),
        effective: CapSet(0x1000),
        permitted: CapSet(0x1000),
        inheritable: CapSet(0x1000),
        ambient: CapSet(0x3000),
    };
    let b = runc::apply(&sets, false, U1000, crate::catalog::KNOWN).unwrap();
    assert_eq!(b.state.ambient, CapSet(0x1000));
    assert_eq!(
        b.warnings,
        vec![runc::RuncWarning::AmbientRaiseFailed { cap: 13 }]
    );
}

#[test]
fn s7_2_capset_fails_for_inheritable_outside_bounding() {
    let sets = OciSets {
        bounding: CapSet(0x1),
        inheritable: CapSet(0x3),
        ..OciSets::default()
    };
    assert_eq!(
        runc::apply(&sets, false, ROOT, crate::catalog::KNOWN).unwrap_err(),
        StartFailure::CapsetFailed {
            offending: CapSet(0x2)
        }
    );
}

#[test]
fn s7_3_non_root_file_caps_give_bounding_and_fp() {
    // containerd, non-root, binary with cap_net_bind_service+ep.
    let mut s = with(
        spec(SourceKind::Kubernetes),
        &["NET_BIND_SERVICE"],
        &["ALL"],
    );
    s.entrypoint_file_caps = Some(FileCaps {
        permitted: CapSet::single(10),
        inheritable: CapSet::EMPTY,
        effective: true,
    });
    assert_eq!(
        pid1(&s, U1000, &containerd()),
        [h(0), h(0x400), h(0x400), h(0x400), h(0)]
    );
    // Under NNP it still works: P already holds it before exec.
    s.allow_privilege_escalation = flag(false);
    assert_eq!(pid1(&s, U1000, &containerd())[2], h(0x400));
    // Docker 20.10.14–24 clears P for non-root: NNP then blocks the file cap.
    let mut d = with(spec(SourceKind::DockerRun), &["NET_BIND_SERVICE"], &[]);
    d.entrypoint_file_caps = s.entrypoint_file_caps;
    d.no_new_privileges = flag(true);
    assert_eq!(
        pid1(&d, U1000, &docker(DockerEra::From20_10_14To24))[2],
        h(0)
    );
    assert_eq!(pid1(&d, U1000, &docker(DockerEra::From25))[2], h(0x400));
}

#[test]
fn s1_2_step5_fe_binary_outside_bounding_fails_with_eperm_even_for_root() {
    let mut s = spec(SourceKind::Kubernetes);
    s.entrypoint_file_caps = Some(FileCaps {
        permitted: CapSet::single(24),
        inheritable: CapSet::EMPTY,
        effective: true,
    });
    let out = oci_sets(&s, ROOT, &containerd()).unwrap();
    let file = ExecFile {
        caps: s.entrypoint_file_caps,
        ..ExecFile::default()
    };
    let e = first_process(&out.sets, false, ROOT, crate::catalog::KNOWN, &file).unwrap_err();
    assert_eq!(
        e,
        StartFailure::ExecEperm {
            missing: CapSet::single(24)
        }
    );
}

#[test]
fn read_name_follows_each_engine() {
    assert_eq!(
        read_name(RuntimeKind::Containerd, "CAP_SYS_ADMIN"),
        NameReading::Unknown("CAP_CAP_SYS_ADMIN".into())
    );
    assert_eq!(
        read_name(RuntimeKind::Containerd, "sys_admin"),
        NameReading::Cap(21)
    );
    assert_eq!(
        read_name(RuntimeKind::Crio, "cap_sys_admin"),
        NameReading::Cap(21)
    );
    assert_eq!(
        read_name(RuntimeKind::Docker, "Cap_Sys_Admin"),
        NameReading::Cap(21)
    );
    assert_eq!(read_name(RuntimeKind::Podman, "all"), NameReading::All);
    assert_eq!(read_name(RuntimeKind::Crio, "All"), NameReading::All);
}

#[test]
fn capability_missing_on_the_host_docker_says_not_available_podman_unknown() {
    let old = |rt| RuntimeOptions::new(rt).with_kernel(KernelVersion(5, 4, 0));
    let e = oci_sets(
        &with(spec(SourceKind::DockerRun), &["bpf"], &[]),
        ROOT,
        &old(Runtime::Docker(DockerEra::From25)),
    )
    .unwrap_err();
    assert_eq!(
        e.kind,
        CreationErrorKind::NotAvailable {
            oci_name: "CAP_BPF".into(),
            list: ListKind::Add
        }
    );
    assert_eq!(e.at.unwrap().path, "x[bpf]");
    let e = oci_sets(
        &with(spec(SourceKind::PodmanRun), &[], &["CHOWN", "cap_bpf"]),
        ROOT,
        &old(Runtime::Podman(PodmanEra::From4_5)),
    )
    .unwrap_err();
    assert_eq!(
        e.kind,
        CreationErrorKind::UnknownCapability {
            runtime: RuntimeKind::Podman,
            oci_name: "CAP_BPF".into(),
            list: ListKind::Drop
        }
    );
    assert_eq!(e.at.unwrap().path, "x[cap_bpf]");
}

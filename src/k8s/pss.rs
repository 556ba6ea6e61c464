//! Pod Security Standards (baseline, restricted) per container, checked the
//! way the pod-security-admission library does (semantics.md §8.4): exact,
//! case-sensitive string comparisons, containers, initContainers and
//! ephemeralContainers alike, newest policy version.
//!
//! PSA judges a whole pod. Per container we report the pod-level problems
//! (they fail every container of the pod) plus that container's own.
//!
//! Modelled checks: privileged, capabilities_baseline, hostNamespaces,
//! hostPorts, hostPathVolumes, sysctls, seccompProfile_baseline (baseline);
//! allowPrivilegeEscalation, capabilities_restricted, runAsNonRoot,
//! runAsUser, seccompProfile_restricted, restrictedVolumes (restricted).
//! Not modelled (listed in `NOT_MODELLED`): SELinux options, AppArmor,
//! procMount, Windows HostProcess. The user-namespace relaxation (an
//! alpha feature gate, off by default) is not applied.

use crate::container::{ContainerSpec, SourceKind, UserSpec};

// The capabilities baseline allows in `add` (Docker's defaults without
// NET_RAW); one list with the preset of the same name.
use crate::preset::BASELINE as BASELINE_ADD;

/// Sysctls baseline treats as safe (namespaced, cannot affect other pods),
/// newest policy version: the first five since 1.0, ip_local_reserved_ports
/// (1.27), the keepalive/fin_timeout group (1.29); tcp_rmem/tcp_wmem as of
/// 1.32 from release notes, not read in the source (UNVERIFIED).
pub const SAFE_SYSCTLS: [&str; 12] = [
    "kernel.shm_rmid_forced",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",
    "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
    "net.ipv4.tcp_rmem",
    "net.ipv4.tcp_wmem",
];

/// Volume types restricted allows.
pub const RESTRICTED_VOLUMES: [&str; 8] = [
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "persistentVolumeClaim",
    "projected",
    "secret",
];

/// PSA check ids we do not evaluate (so a "pass" is only as good as these).
pub const NOT_MODELLED: [&str; 4] = [
    "seLinuxOptions",
    "appArmorProfile",
    "procMount",
    "windowsHostProcess",
];

/// Capabilities exactly as written (`None`: no `capabilities` at all).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Caps {
    pub add: Vec<String>,
    pub drop: Vec<String>,
}

/// The container's own fields, before any pod-level value is merged in.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct ContainerLevel {
    pub name: String,
    pub privileged: Option<bool>,
    pub capabilities: Option<Caps>,
    pub allow_privilege_escalation: Option<bool>,
    pub run_as_non_root: Option<bool>,
    pub run_as_user: Option<i64>,
    /// `seccompProfile.type` as written.
    pub seccomp: Option<String>,
    pub host_ports: Vec<i64>,
}

#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct PodLevel {
    pub run_as_non_root: Option<bool>,
    pub run_as_user: Option<i64>,
    pub seccomp: Option<String>,
    pub host_network: bool,
    pub host_pid: bool,
    pub host_ipc: bool,
    pub sysctls: Vec<String>,
    /// `spec.os.name: windows`: exempt from several restricted checks (≥1.25).
    pub windows: bool,
    /// Names of volumes that use `hostPath`.
    pub host_path_volumes: Vec<String>,
    /// (volume name, type) for volumes of a type restricted does not allow.
    pub restricted_volumes: Vec<(String, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Level {
    Baseline,
    Restricted,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Violation {
    Privileged,
    /// Adds outside the baseline list, exactly as written.
    NonDefaultCapabilities(Vec<String>),
    HostNamespaces {
        network: bool,
        pid: bool,
        ipc: bool,
    },
    HostPorts(Vec<i64>),
    HostPathVolumes(Vec<String>),
    UnsafeSysctls(Vec<String>),
    /// Pod or container seccompProfile.type `Unconfined`.
    SeccompUnconfined {
        pod: bool,
        container: bool,
    },
    AllowPrivilegeEscalationNotFalse {
        set_true: bool,
    },
    /// `drop` lacks the exact string `ALL`; `wrote` holds what was written.
    MissingDropAll {
        wrote: Vec<String>,
    },
    /// Adds other than exactly `NET_BIND_SERVICE`.
    RestrictedAdd(Vec<String>),
    /// runAsNonRoot explicitly false (pod and/or container).
    RunAsNonRootFalse {
        pod: bool,
        container: bool,
    },
    /// Neither the container nor the pod set runAsNonRoot: true.
    RunAsNonRootUnset,
    RunAsUserZero {
        pod: bool,
        container: bool,
    },
    /// Seccomp type not RuntimeDefault/Localhost (values written), or unset.
    SeccompNotRestricted {
        bad: Vec<String>,
    },
    SeccompUnset,
    RestrictedVolumes(Vec<(String, String)>),
}

impl Violation {
    pub fn level(&self) -> Level {
        match self {
            Violation::Privileged
            | Violation::NonDefaultCapabilities(_)
            | Violation::HostNamespaces { .. }
            | Violation::HostPorts(_)
            | Violation::HostPathVolumes(_)
            | Violation::UnsafeSysctls(_)
            | Violation::SeccompUnconfined { .. } => Level::Baseline,
            _ => Level::Restricted,
        }
    }

    /// The PSA check id that produces it.
    pub fn check_id(&self) -> &'static str {
        match self {
            Violation::Privileged => "privileged",
            Violation::NonDefaultCapabilities(_) => "capabilities_baseline",
            Violation::HostNamespaces { .. } => "hostNamespaces",
            Violation::HostPorts(_) => "hostPorts",
            Violation::HostPathVolumes(_) => "hostPathVolumes",
            Violation::UnsafeSysctls(_) => "sysctls",
            Violation::SeccompUnconfined { .. } => "seccompProfile_baseline",
            Violation::AllowPrivilegeEscalationNotFalse { .. } => "allowPrivilegeEscalation",
            Violation::MissingDropAll { .. } | Violation::RestrictedAdd(_) => {
                "capabilities_restricted"
            }
            Violation::RunAsNonRootFalse { .. } | Violation::RunAsNonRootUnset => "runAsNonRoot",
            Violation::RunAsUserZero { .. } => "runAsUser",
            Violation::SeccompNotRestricted { .. } | Violation::SeccompUnset => {
                "seccompProfile_restricted"
            }
            Violation::RestrictedVolumes(_) => "restrictedVolumes",
        }
    }
}

#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Verdict {
    pub violations: Vec<Violation>,
}

impl Verdict {
    pub fn baseline(&self) -> bool {
        !self.violations.iter().any(|v| v.level() == Level::Baseline)
    }
    /// Restricted runs every baseline check except capabilities_baseline,
    /// which capabilities_restricted replaces at that level (PSA's
    /// `OverrideCheckIDs`). Only a Windows pod, exempt from the restricted
    /// one, can tell the difference.
    pub fn restricted(&self) -> bool {
        self.violations
            .iter()
            .all(|v| matches!(v, Violation::NonDefaultCapabilities(_)))
    }
}

fn valid_restricted_seccomp(t: &str) -> bool {
    t == "RuntimeDefault" || t == "Localhost"
}

/// Evaluate one container in its pod.
pub fn evaluate(pod: &PodLevel, c: &ContainerLevel) -> Verdict {
    let mut v = Vec::new();

    // ---- baseline ----
    if c.privileged == Some(true) {
        v.push(Violation::Privileged);
    }
    if let Some(caps) = &c.capabilities {
        let bad: Vec<String> = caps
            .add
            .iter()
            .filter(|a| !BASELINE_ADD.contains(&a.as_str()))
            .cloned()
            .collect();
        if !bad.is_empty() {
            v.push(Violation::NonDefaultCapabilities(bad));
        }
    }
    if pod.host_network || pod.host_pid || pod.host_ipc {
        v.push(Violation::HostNamespaces {
            network: pod.host_network,
            pid: pod.host_pid,
            ipc: pod.host_ipc,
        });
    }
    let ports: Vec<i64> = c.host_ports.iter().copied().filter(|p| *p != 0).collect();
    if !ports.is_empty() {
        v.push(Violation::HostPorts(ports));
    }
    if !pod.host_path_volumes.is_empty() {
        v.push(Violation::HostPathVolumes(pod.host_path_volumes.clone()));
    }
    let unsafe_sysctls: Vec<String> = pod
        .sysctls
        .iter()
        .filter(|s| !SAFE_SYSCTLS.contains(&s.as_str()))
        .cloned()
        .collect();
    if !unsafe_sysctls.is_empty() {
        v.push(Violation::UnsafeSysctls(unsafe_sysctls));
    }
    let pod_unconfined = pod.seccomp.as_deref() == Some("Unconfined");
    let ctr_unconfined = c.seccomp.as_deref() == Some("Unconfined");
    if pod_unconfined || ctr_unconfined {
        v.push(Violation::SeccompUnconfined {
            pod: pod_unconfined,
            container: ctr_unconfined,
        });
    }

    // ---- restricted ----
    // Windows pods are exempt from these three since policy 1.25.
    if !pod.windows {
        if c.allow_privilege_escalation != Some(false) {
            v.push(Violation::AllowPrivilegeEscalationNotFalse {
                set_true: c.allow_privilege_escalation == Some(true),
            });
        }
        match &c.capabilities {
            None => v.push(Violation::MissingDropAll { wrote: Vec::new() }),
            Some(caps) => {
                if !caps.drop.iter().any(|d| d == "ALL") {
                    v.push(Violation::MissingDropAll {
                        wrote: caps.drop.clone(),
                    });
                }
                let bad: Vec<String> = caps
                    .add
                    .iter()
                    .filter(|a| *a != "NET_BIND_SERVICE")
                    .cloned()
                    .collect();
                if !bad.is_empty() {
                    v.push(Violation::RestrictedAdd(bad));
                }
            }
        }
        let pod_ok = pod.seccomp.as_deref().is_some_and(valid_restricted_seccomp);
        let mut bad = Vec::new();
        if let Some(p) = &pod.seccomp {
            if !valid_restricted_seccomp(p) {
                bad.push(p.clone());
            }
        }
        match &c.seccomp {
            Some(t) if !valid_restricted_seccomp(t) => bad.push(t.clone()),
            Some(_) => {}
            None if !pod_ok && bad.is_empty() => v.push(Violation::SeccompUnset),
            None => {}
        }
        if !bad.is_empty() {
            v.push(Violation::SeccompNotRestricted { bad });
        }
    }
    let pod_false = pod.run_as_non_root == Some(false);
    let ctr_false = c.run_as_non_root == Some(false);
    if pod_false || ctr_false {
        v.push(Violation::RunAsNonRootFalse {
            pod: pod_false,
            container: ctr_false,
        });
    } else if c.run_as_non_root.is_none() && pod.run_as_non_root != Some(true) {
        v.push(Violation::RunAsNonRootUnset);
    }
    let pod_zero = pod.run_as_user == Some(0);
    let ctr_zero = c.run_as_user == Some(0);
    if pod_zero || ctr_zero {
        v.push(Violation::RunAsUserZero {
            pod: pod_zero,
            container: ctr_zero,
        });
    }
    if !pod.restricted_volumes.is_empty() {
        v.push(Violation::RestrictedVolumes(pod.restricted_volumes.clone()));
    }
    Verdict { violations: v }
}

/// The PSS view of a container that did not come from a Kubernetes manifest
/// (docker flags, compose): what the same settings would look like in a
/// pod. Docker's own default seccomp profile counts as `RuntimeDefault`
/// unless `seccomp_unconfined` says otherwise; `--user root` counts as uid 0.
pub fn levels_from_spec(
    spec: &ContainerSpec,
    seccomp_unconfined: bool,
) -> (PodLevel, ContainerLevel) {
    let run_as_user = match &spec.user {
        UserSpec::Uid(u) => Some(i64::from(*u)),
        UserSpec::Name(n) if n == "root" => Some(0),
        UserSpec::Name(_) | UserSpec::Image => None,
    };
    let ape = match spec.source {
        SourceKind::Kubernetes => spec.allow_privilege_escalation.as_ref().map(|f| f.value),
        // no-new-privileges is the docker spelling of allowPrivilegeEscalation: false.
        _ => spec
            .no_new_privileges
            .as_ref()
            .filter(|f| f.value)
            .map(|_| false),
    };
    let caps = if spec.cap_add.is_empty() && spec.cap_drop.is_empty() {
        None
    } else {
        Some(Caps {
            add: spec.cap_add.iter().map(|s| s.text.clone()).collect(),
            drop: spec.cap_drop.iter().map(|s| s.text.clone()).collect(),
        })
    };
    let seccomp = match spec.source {
        SourceKind::Kubernetes => None,
        _ if seccomp_unconfined => Some("Unconfined".to_string()),
        _ => Some("RuntimeDefault".to_string()),
    };
    let pod = PodLevel {
        host_network: spec.host_network,
        sysctls: spec.sysctls.iter().map(|(k, _)| k.clone()).collect(),
        ..PodLevel::default()
    };
    let c = ContainerLevel {
        name: spec.container.clone(),
        privileged: spec.privileged.as_ref().map(|f| f.value),
        capabilities: caps,
        allow_privilege_escalation: ape,
        run_as_non_root: spec.run_as_non_root.as_ref().map(|f| f.value),
        run_as_user,
        seccomp,
        host_ports: Vec::new(),
    };
    (pod, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restricted_ok() -> (PodLevel, ContainerLevel) {
        let pod = PodLevel {
            seccomp: Some("RuntimeDefault".into()),
            ..Default::default()
        };
        let c = ContainerLevel {
            name: "app".into(),
            capabilities: Some(Caps {
                add: vec!["NET_BIND_SERVICE".into()],
                drop: vec!["ALL".into()],
            }),
            allow_privilege_escalation: Some(false),
            run_as_non_root: Some(true),
            ..Default::default()
        };
        (pod, c)
    }

    #[test]
    fn hardened_container_passes_both_levels() {
        let (pod, c) = restricted_ok();
        let v = evaluate(&pod, &c);
        assert!(v.baseline() && v.restricted(), "{v:?}");
    }

    #[test]
    fn lower_case_all_fails_restricted_not_baseline() {
        // §8.4: `drop` must contain the exact string "ALL".
        let (pod, mut c) = restricted_ok();
        c.capabilities.as_mut().unwrap().drop = vec!["all".into()];
        let v = evaluate(&pod, &c);
        assert!(v.baseline());
        assert!(!v.restricted());
        assert_eq!(
            v.violations,
            vec![Violation::MissingDropAll {
                wrote: vec!["all".into()]
            }]
        );
    }

    #[test]
    fn baseline_add_list_is_exact_and_case_sensitive() {
        // §8.4: CAP_CHOWN or chown are "non-default capabilities".
        let (pod, mut c) = restricted_ok();
        c.capabilities = Some(Caps {
            add: vec![
                "CHOWN".into(),
                "CAP_CHOWN".into(),
                "chown".into(),
                "NET_RAW".into(),
            ],
            drop: vec!["ALL".into()],
        });
        let v = evaluate(&pod, &c);
        assert!(!v.baseline());
        assert!(v
            .violations
            .contains(&Violation::NonDefaultCapabilities(vec![
                "CAP_CHOWN".into(),
                "chown".into(),
                "NET_RAW".into()
            ])));
        assert!(v.violations.contains(&Violation::RestrictedAdd(vec![
            "CHOWN".into(),
            "CAP_CHOWN".into(),
            "chown".into(),
            "NET_RAW".into()
        ])));
    }

    #[test]
    fn privileged_fails_baseline() {
        let (pod, mut c) = restricted_ok();
        c.privileged = Some(true);
        let v = evaluate(&pod, &c);
        assert!(!v.baseline());
        assert_eq!(v.violations[0], Violation::Privileged);
        c.privileged = Some(false);
        assert!(evaluate(&pod, &c).restricted());
    }

    #[test]
    fn allow_privilege_escalation_must_be_explicitly_false() {
        let (pod, mut c) = restricted_ok();
        c.allow_privilege_escalation = None;
        assert!(evaluate(&pod, &c)
            .violations
            .contains(&Violation::AllowPrivilegeEscalationNotFalse { set_true: false }));
        c.allow_privilege_escalation = Some(true);
        assert!(evaluate(&pod, &c)
            .violations
            .contains(&Violation::AllowPrivilegeEscalationNotFalse { set_true: true }));
    }

    #[test]
    fn run_as_non_root_follows_psa_rules() {
        let (mut pod, mut c) = restricted_ok();
        // Container unset, pod true: allowed.
        c.run_as_non_root = None;
        pod.run_as_non_root = Some(true);
        assert!(evaluate(&pod, &c).restricted());
        // Neither set: implicitly bad.
        pod.run_as_non_root = None;
        assert!(evaluate(&pod, &c)
            .violations
            .contains(&Violation::RunAsNonRootUnset));
        // Pod explicitly false fails even when the container says true.
        pod.run_as_non_root = Some(false);
        c.run_as_non_root = Some(true);
        assert!(evaluate(&pod, &c)
            .violations
            .contains(&Violation::RunAsNonRootFalse {
                pod: true,
                container: false
            }));
        // Container false overrides pod true and still fails.
        pod.run_as_non_root = Some(true);
        c.run_as_non_root = Some(false);
        assert!(evaluate(&pod, &c)
            .violations
            .contains(&Violation::RunAsNonRootFalse {
                pod: false,
                container: true
            }));
    }

    #[test]
    fn run_as_user_zero_fails_restricted_anywhere() {
        let (mut pod, mut c) = restricted_ok();
        pod.run_as_user = Some(0);
        c.run_as_user = Some(1000);
        let v = evaluate(&pod, &c);
        assert!(v.baseline());
        assert!(v.violations.contains(&Violation::RunAsUserZero {
            pod: true,
            container: false
        }));
        pod.run_as_user = None;
        assert!(evaluate(&pod, &c).restricted());
    }

    #[test]
    fn seccomp_rules() {
        let (mut pod, mut c) = restricted_ok();
        pod.seccomp = None;
        assert!(evaluate(&pod, &c)
            .violations
            .contains(&Violation::SeccompUnset));
        c.seccomp = Some("Localhost".into());
        assert!(evaluate(&pod, &c).restricted());
        c.seccomp = Some("Unconfined".into());
        let v = evaluate(&pod, &c);
        assert!(!v.baseline());
        assert!(v.violations.contains(&Violation::SeccompNotRestricted {
            bad: vec!["Unconfined".into()]
        }));
    }

    #[test]
    fn windows_pods_are_exempt_from_some_restricted_checks() {
        let pod = PodLevel {
            windows: true,
            ..Default::default()
        };
        let mut c = ContainerLevel {
            run_as_non_root: Some(true),
            ..Default::default()
        };
        assert!(evaluate(&pod, &c).restricted());
        // capabilities_restricted overrides capabilities_baseline at the
        // restricted level; a Windows pod is exempt from the former, so an
        // add fails baseline yet passes restricted, as PSA decides it.
        c.capabilities = Some(Caps {
            add: vec!["SYS_ADMIN".into()],
            drop: vec![],
        });
        let v = evaluate(&pod, &c);
        assert!(!v.baseline());
        assert!(v.restricted());
        // On Linux the restricted capability check catches the same add.
        let v = evaluate(&PodLevel::default(), &c);
        assert!(!v.restricted());
    }

    #[test]
    fn pod_level_host_and_sysctl_checks() {
        let (mut pod, c) = restricted_ok();
        pod.sysctls = vec!["net.ipv4.ip_unprivileged_port_start".into()];
        assert!(evaluate(&pod, &c).restricted());
        pod.sysctls.push("kernel.msgmax".into());
        pod.host_network = true;
        let v = evaluate(&pod, &c);
        assert!(!v.baseline());
        assert!(v
            .violations
            .contains(&Violation::UnsafeSysctls(vec!["kernel.msgmax".into()])));
        assert!(v.violations.contains(&Violation::HostNamespaces {
            network: true,
            pid: false,
            ipc: false
        }));
    }
}

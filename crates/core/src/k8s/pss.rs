//! Pod Security Standards (baseline, restricted) per container, checked the
//! way the pod-security-admission library does (semantics.md §8.4): exact,
//! case-sensitive string comparisons, containers, initContainers and
//! ephemeralContainers alike, at policy version 1.36 (the newest released
//! when this was checked against the source).
//!
//! PSA judges a whole pod. Per container we report the pod-level problems
//! (they fail every container of the pod) plus that container's own.
//!
//! Checks: privileged, capabilities_baseline, hostNamespaces, hostPorts,
//! hostPathVolumes, sysctls, seccompProfile_baseline, seLinuxOptions,
//! appArmorProfile (fields and the beta annotations), procMount,
//! windowsHostProcess, hostProbesAndHostLifecycle (baseline);
//! allowPrivilegeEscalation, capabilities_restricted, runAsNonRoot,
//! runAsUser, seccompProfile_restricted, restrictedVolumes,
//! procMount_restricted (restricted). Since policy 1.35 a pod with
//! `hostUsers: false` (its own user namespace) skips runAsNonRoot, runAsUser
//! and the baseline procMount check; restricted still wants procMount
//! Default. Not modelled: the admission controller's exemptions, a
//! namespace pinned to an older policy version, and the checks the source
//! adds for policy 1.37 (ulimits, cgroup options, more safe sysctls).

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

/// Volume types restricted allows (`image` since Kubernetes 1.33, PR
/// #130394; the check has one version, so it applies at every pinned level).
pub const RESTRICTED_VOLUMES: [&str; 9] = [
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "image",
    "persistentVolumeClaim",
    "projected",
    "secret",
];

/// SELinux types baseline allows (`container_engine_t` since policy 1.31);
/// the empty type means the runtime's default.
pub const SELINUX_TYPES: [&str; 5] = [
    "",
    "container_t",
    "container_init_t",
    "container_kvm_t",
    "container_engine_t",
];

/// Prefix of the (deprecated, still checked) per-container AppArmor annotation.
pub const APPARMOR_ANNOTATION: &str = "container.apparmor.security.beta.kubernetes.io/";

/// `seLinuxOptions` as written (absent fields are empty, as in the API).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct SeLinux {
    pub type_: String,
    pub user: String,
    pub role: String,
}

impl SeLinux {
    fn allowed(&self) -> bool {
        SELINUX_TYPES.contains(&self.type_.as_str()) && self.user.is_empty() && self.role.is_empty()
    }
}

fn apparmor_type_allowed(t: &str) -> bool {
    t == "RuntimeDefault" || t == "Localhost"
}

fn apparmor_annotation_allowed(v: &str) -> bool {
    v.is_empty() || v == "runtime/default" || v.starts_with("localhost/")
}

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
    pub selinux: Option<SeLinux>,
    /// `appArmorProfile.type` as written.
    pub apparmor: Option<String>,
    /// `procMount` as written.
    pub proc_mount: Option<String>,
    /// `windowsOptions.hostProcess: true`.
    pub host_process: bool,
    /// Non-empty `host` of httpGet/tcpSocket probes and lifecycle handlers.
    pub probe_hosts: Vec<String>,
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
    pub selinux: Option<SeLinux>,
    pub apparmor: Option<String>,
    pub host_process: bool,
    /// `hostUsers` as written; `Some(false)` puts the pod in its own user
    /// namespace, which relaxes three checks (policy 1.35).
    pub host_users: Option<bool>,
    /// The pod's AppArmor annotations (key, value) that baseline forbids.
    pub apparmor_annotations: Vec<(String, String)>,
}

impl PodLevel {
    /// Keeps the AppArmor annotations baseline would reject.
    pub fn note_annotation(&mut self, key: &str, value: &str) {
        if key.starts_with(APPARMOR_ANNOTATION) && !apparmor_annotation_allowed(value) {
            self.apparmor_annotations
                .push((key.to_string(), value.to_string()));
        }
    }

    fn user_namespace(&self) -> bool {
        self.host_users == Some(false)
    }
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
    /// Forbidden SELinux settings: the types outside the list, and whether a
    /// user or role was set (pod and/or container).
    SeLinux {
        bad_types: Vec<String>,
        user: bool,
        role: bool,
    },
    /// `appArmorProfile.type` values other than RuntimeDefault/Localhost,
    /// and forbidden annotation values as `key=value`.
    AppArmor {
        types: Vec<String>,
        annotations: Vec<String>,
    },
    /// `procMount` other than `Default` in a pod without its own user namespace.
    ProcMount(String),
    /// `procMount` other than `Default` where baseline lets it pass
    /// (`hostUsers: false`); restricted still refuses it.
    ProcMountRestricted(String),
    WindowsHostProcess {
        pod: bool,
        container: bool,
    },
    /// Hosts named by probes or lifecycle handlers.
    ProbeHosts(Vec<String>),
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
            | Violation::SeccompUnconfined { .. }
            | Violation::SeLinux { .. }
            | Violation::AppArmor { .. }
            | Violation::ProcMount(_)
            | Violation::WindowsHostProcess { .. }
            | Violation::ProbeHosts(_) => Level::Baseline,
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
            Violation::SeLinux { .. } => "seLinuxOptions",
            Violation::AppArmor { .. } => "appArmorProfile",
            Violation::ProcMount(_) => "procMount",
            Violation::ProcMountRestricted(_) => "procMount_restricted",
            Violation::WindowsHostProcess { .. } => "windowsHostProcess",
            Violation::ProbeHosts(_) => "hostProbesAndHostLifecycle",
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

/// One PSA check: the violation it finds, if any.
type Check = fn(&PodLevel, &ContainerLevel) -> Option<Violation>;

/// Baseline's checks, in the order their violations are listed.
const BASELINE_CHECKS: [Check; 12] = [
    privileged,
    capabilities_baseline,
    host_namespaces,
    host_ports,
    host_path_volumes,
    sysctls,
    selinux_options,
    apparmor_profile,
    proc_mount,
    windows_host_process,
    host_probes,
    seccomp_baseline,
];

/// Restricted's checks that Windows pods are exempt from since policy 1.25.
const RESTRICTED_NOT_WINDOWS: [Check; 4] = [
    allow_privilege_escalation,
    drop_all,
    restricted_add,
    seccomp_restricted,
];

/// Restricted's other checks.
const RESTRICTED_ALWAYS: [Check; 3] = [run_as_non_root, run_as_user, restricted_volumes];

/// Evaluate one container in its pod.
pub fn evaluate(pod: &PodLevel, c: &ContainerLevel) -> Verdict {
    let restricted: &[Check] = if pod.windows {
        &[]
    } else {
        &RESTRICTED_NOT_WINDOWS
    };
    let violations = BASELINE_CHECKS
        .iter()
        .chain(restricted)
        .chain(&RESTRICTED_ALWAYS)
        .filter_map(|check| check(pod, c))
        .collect();
    Verdict { violations }
}

// ---- baseline ----

fn privileged(_: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    (c.privileged == Some(true)).then_some(Violation::Privileged)
}

fn capabilities_baseline(_: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    let caps = c.capabilities.as_ref()?;
    let bad: Vec<String> = caps
        .add
        .iter()
        .filter(|a| !BASELINE_ADD.iter().any(|c| c.short_name() == a.as_str()))
        .cloned()
        .collect();
    (!bad.is_empty()).then_some(Violation::NonDefaultCapabilities(bad))
}

fn host_namespaces(pod: &PodLevel, _: &ContainerLevel) -> Option<Violation> {
    (pod.host_network || pod.host_pid || pod.host_ipc).then_some(Violation::HostNamespaces {
        network: pod.host_network,
        pid: pod.host_pid,
        ipc: pod.host_ipc,
    })
}

fn host_ports(_: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    let ports: Vec<i64> = c.host_ports.iter().copied().filter(|p| *p != 0).collect();
    (!ports.is_empty()).then_some(Violation::HostPorts(ports))
}

fn host_path_volumes(pod: &PodLevel, _: &ContainerLevel) -> Option<Violation> {
    (!pod.host_path_volumes.is_empty())
        .then(|| Violation::HostPathVolumes(pod.host_path_volumes.clone()))
}

fn sysctls(pod: &PodLevel, _: &ContainerLevel) -> Option<Violation> {
    let unsafe_sysctls: Vec<String> = pod
        .sysctls
        .iter()
        .filter(|s| !SAFE_SYSCTLS.contains(&s.as_str()))
        .cloned()
        .collect();
    (!unsafe_sysctls.is_empty()).then_some(Violation::UnsafeSysctls(unsafe_sysctls))
}

fn selinux_options(pod: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    let selinux: Vec<&SeLinux> = [&pod.selinux, &c.selinux]
        .into_iter()
        .flatten()
        .filter(|o| !o.allowed())
        .collect();
    if selinux.is_empty() {
        return None;
    }
    let mut bad_types: Vec<String> = Vec::new();
    for o in &selinux {
        if !SELINUX_TYPES.contains(&o.type_.as_str()) && !bad_types.contains(&o.type_) {
            bad_types.push(o.type_.clone());
        }
    }
    Some(Violation::SeLinux {
        bad_types,
        user: selinux.iter().any(|o| !o.user.is_empty()),
        role: selinux.iter().any(|o| !o.role.is_empty()),
    })
}

fn apparmor_profile(pod: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    let apparmor_types: Vec<String> = [&pod.apparmor, &c.apparmor]
        .into_iter()
        .flatten()
        .filter(|t| !apparmor_type_allowed(t))
        .cloned()
        .collect();
    if apparmor_types.is_empty() && pod.apparmor_annotations.is_empty() {
        return None;
    }
    Some(Violation::AppArmor {
        types: apparmor_types,
        annotations: pod
            .apparmor_annotations
            .iter()
            .map(|(k, val)| format!("{k}={val}"))
            .collect(),
    })
}

fn proc_mount(pod: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    let m = c.proc_mount.as_ref().filter(|m| *m != "Default")?;
    Some(if pod.user_namespace() {
        Violation::ProcMountRestricted(m.clone())
    } else {
        Violation::ProcMount(m.clone())
    })
}

fn windows_host_process(pod: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    (pod.host_process || c.host_process).then_some(Violation::WindowsHostProcess {
        pod: pod.host_process,
        container: c.host_process,
    })
}

fn host_probes(_: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    (!c.probe_hosts.is_empty()).then(|| Violation::ProbeHosts(c.probe_hosts.clone()))
}

fn seccomp_baseline(pod: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    let pod_unconfined = pod.seccomp.as_deref() == Some("Unconfined");
    let ctr_unconfined = c.seccomp.as_deref() == Some("Unconfined");
    (pod_unconfined || ctr_unconfined).then_some(Violation::SeccompUnconfined {
        pod: pod_unconfined,
        container: ctr_unconfined,
    })
}

// ---- restricted ----

fn allow_privilege_escalation(_: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    (c.allow_privilege_escalation != Some(false)).then_some(
        Violation::AllowPrivilegeEscalationNotFalse {
            set_true: c.allow_privilege_escalation == Some(true),
        },
    )
}

/// capabilities_restricted, first half: `drop` must name `ALL`.
fn drop_all(_: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    match &c.capabilities {
        None => Some(Violation::MissingDropAll { wrote: Vec::new() }),
        Some(caps) if !caps.drop.iter().any(|d| d == "ALL") => Some(Violation::MissingDropAll {
            wrote: caps.drop.clone(),
        }),
        Some(_) => None,
    }
}

/// capabilities_restricted, second half: `add` may name only NET_BIND_SERVICE.
fn restricted_add(_: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    let caps = c.capabilities.as_ref()?;
    let bad: Vec<String> = caps
        .add
        .iter()
        .filter(|a| *a != "NET_BIND_SERVICE")
        .cloned()
        .collect();
    (!bad.is_empty()).then_some(Violation::RestrictedAdd(bad))
}

fn seccomp_restricted(pod: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
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
        None if !pod_ok && bad.is_empty() => return Some(Violation::SeccompUnset),
        None => {}
    }
    (!bad.is_empty()).then_some(Violation::SeccompNotRestricted { bad })
}

// Root in a pod's own user namespace is not root on the host: policy 1.35
// skips the two identity checks for such pods.

fn run_as_non_root(pod: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    if pod.user_namespace() {
        return None;
    }
    let pod_false = pod.run_as_non_root == Some(false);
    let ctr_false = c.run_as_non_root == Some(false);
    if pod_false || ctr_false {
        Some(Violation::RunAsNonRootFalse {
            pod: pod_false,
            container: ctr_false,
        })
    } else if c.run_as_non_root.is_none() && pod.run_as_non_root != Some(true) {
        Some(Violation::RunAsNonRootUnset)
    } else {
        None
    }
}

fn run_as_user(pod: &PodLevel, c: &ContainerLevel) -> Option<Violation> {
    let pod_zero = pod.run_as_user == Some(0);
    let ctr_zero = c.run_as_user == Some(0);
    (!pod.user_namespace() && (pod_zero || ctr_zero)).then_some(Violation::RunAsUserZero {
        pod: pod_zero,
        container: ctr_zero,
    })
}

fn restricted_volumes(pod: &PodLevel, _: &ContainerLevel) -> Option<Violation> {
    (!pod.restricted_volumes.is_empty())
        .then(|| Violation::RestrictedVolumes(pod.restricted_volumes.clone()))
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
        ..ContainerLevel::default()
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
    #[test]
    fn selinux_types_users_and_roles() {
        let (mut pod, mut c) = restricted_ok();
        for ok in SELINUX_TYPES {
            c.selinux = Some(SeLinux {
                type_: ok.into(),
                ..SeLinux::default()
            });
            assert!(evaluate(&pod, &c).restricted(), "{ok}");
        }
        // spc_t is the "super privileged container" type; case matters.
        c.selinux = Some(SeLinux {
            type_: "spc_t".into(),
            ..SeLinux::default()
        });
        pod.selinux = Some(SeLinux {
            type_: "Container_t".into(),
            role: "system_r".into(),
            ..SeLinux::default()
        });
        let v = evaluate(&pod, &c);
        assert!(!v.baseline());
        assert_eq!(
            v.violations,
            vec![Violation::SeLinux {
                bad_types: vec!["Container_t".into(), "spc_t".into()],
                user: false,
                role: true,
            }]
        );
    }

    #[test]
    fn apparmor_fields_and_annotations() {
        let (mut pod, mut c) = restricted_ok();
        c.apparmor = Some("Localhost".into());
        pod.apparmor = Some("RuntimeDefault".into());
        pod.note_annotation(
            "container.apparmor.security.beta.kubernetes.io/app",
            "localhost/k8s-nginx",
        );
        pod.note_annotation(
            "container.apparmor.security.beta.kubernetes.io/side",
            "runtime/default",
        );
        pod.note_annotation("example.com/apparmor", "unconfined"); // not the PSA prefix
        assert!(evaluate(&pod, &c).restricted());
        c.apparmor = Some("Unconfined".into());
        pod.note_annotation(
            "container.apparmor.security.beta.kubernetes.io/app",
            "unconfined",
        );
        let v = evaluate(&pod, &c);
        assert!(!v.baseline());
        assert_eq!(
            v.violations,
            vec![Violation::AppArmor {
                types: vec!["Unconfined".into()],
                annotations: vec![
                    "container.apparmor.security.beta.kubernetes.io/app=unconfined".into()
                ],
            }]
        );
    }

    #[test]
    fn proc_mount_and_the_user_namespace_relaxations() {
        let (mut pod, mut c) = restricted_ok();
        c.proc_mount = Some("Default".into());
        assert!(evaluate(&pod, &c).restricted());
        c.proc_mount = Some("Unmasked".into());
        let v = evaluate(&pod, &c);
        assert_eq!(v.violations, vec![Violation::ProcMount("Unmasked".into())]);
        assert!(!v.baseline());
        // hostUsers: false: baseline lets Unmasked through, restricted does not.
        pod.host_users = Some(false);
        let v = evaluate(&pod, &c);
        assert!(v.baseline() && !v.restricted(), "{v:?}");
        assert_eq!(
            v.violations,
            vec![Violation::ProcMountRestricted("Unmasked".into())]
        );
        // ...and root in the pod's own user namespace passes restricted's
        // runAsNonRoot and runAsUser checks.
        c.proc_mount = None;
        c.run_as_non_root = Some(false);
        c.run_as_user = Some(0);
        assert!(evaluate(&pod, &c).restricted());
        pod.host_users = Some(true);
        let ids: Vec<&str> = evaluate(&pod, &c)
            .violations
            .iter()
            .map(|v| v.check_id())
            .collect();
        assert_eq!(ids, vec!["runAsNonRoot", "runAsUser"]);
    }

    #[test]
    fn host_process_and_probe_hosts_fail_baseline() {
        let (mut pod, mut c) = restricted_ok();
        pod.host_process = true;
        let v = evaluate(&pod, &c);
        assert_eq!(
            v.violations,
            vec![Violation::WindowsHostProcess {
                pod: true,
                container: false
            }]
        );
        pod.host_process = false;
        c.probe_hosts = vec!["10.0.0.1".into()];
        let v = evaluate(&pod, &c);
        assert!(!v.baseline());
        assert_eq!(v.violations[0].check_id(), "hostProbesAndHostLifecycle");
    }
}

//! The field names the Kubernetes API accepts at the levels we read
//! (core/v1 `PodSpec`, `Container`, `SecurityContext`,
//! `PodSecurityContext`, `Capabilities`), and where the commonly misplaced
//! ones really belong (semantics.md §8.1). Used to tell a typo
//! (`sercurityContext`) from a field at the wrong level (`capabilities` in
//! the pod's securityContext), which the API server rejects under strict
//! field validation and silently drops otherwise.

/// A mapping in a manifest whose keys we check.
#[derive(Clone, Copy, PartialEq, Eq, Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Level {
    PodSpec,
    PodSecurityContext,
    Container,
    SecurityContext,
    Capabilities,
    /// A compose service.
    ComposeService,
}

pub const POD_SPEC: &[&str] = &[
    "activeDeadlineSeconds",
    "affinity",
    "automountServiceAccountToken",
    "containers",
    "dnsConfig",
    "dnsPolicy",
    "enableServiceLinks",
    "ephemeralContainers",
    "hostAliases",
    "hostIPC",
    "hostNetwork",
    "hostPID",
    "hostUsers",
    "hostname",
    "hostnameOverride",
    "imagePullSecrets",
    "initContainers",
    "nodeName",
    "nodeSelector",
    "os",
    "overhead",
    "preemptionPolicy",
    "priority",
    "priorityClassName",
    "readinessGates",
    "resourceClaims",
    "resources",
    "restartPolicy",
    "runtimeClassName",
    "schedulerName",
    "schedulingGates",
    "securityContext",
    "serviceAccount",
    "serviceAccountName",
    "setHostnameAsFQDN",
    "shareProcessNamespace",
    "subdomain",
    "terminationGracePeriodSeconds",
    "tolerations",
    "topologySpreadConstraints",
    "volumes",
];

pub const POD_SECURITY_CONTEXT: &[&str] = &[
    "appArmorProfile",
    "fsGroup",
    "fsGroupChangePolicy",
    "runAsGroup",
    "runAsNonRoot",
    "runAsUser",
    "seLinuxChangePolicy",
    "seLinuxOptions",
    "seccompProfile",
    "supplementalGroups",
    "supplementalGroupsPolicy",
    "sysctls",
    "windowsOptions",
];

pub const CONTAINER: &[&str] = &[
    "args",
    "command",
    "env",
    "envFrom",
    "image",
    "imagePullPolicy",
    "lifecycle",
    "livenessProbe",
    "name",
    "ports",
    "readinessProbe",
    "resizePolicy",
    "resources",
    "restartPolicy",
    "restartPolicyRules",
    "securityContext",
    "startupProbe",
    "stdin",
    "stdinOnce",
    "targetContainerName",
    "terminationMessagePath",
    "terminationMessagePolicy",
    "tty",
    "volumeDevices",
    "volumeMounts",
    "workingDir",
];

pub const SECURITY_CONTEXT: &[&str] = &[
    "allowPrivilegeEscalation",
    "appArmorProfile",
    "capabilities",
    "privileged",
    "procMount",
    "readOnlyRootFilesystem",
    "runAsGroup",
    "runAsNonRoot",
    "runAsUser",
    "seLinuxOptions",
    "seccompProfile",
    "windowsOptions",
];

pub const CAPABILITIES: &[&str] = &["add", "drop"];

/// Compose service keys (compose-spec `service`), enough to spot typos.
pub const COMPOSE_SERVICE: &[&str] = &[
    "annotations",
    "attach",
    "blkio_config",
    "build",
    "cap_add",
    "cap_drop",
    "cgroup",
    "cgroup_parent",
    "command",
    "configs",
    "container_name",
    "cpu_count",
    "cpu_percent",
    "cpu_period",
    "cpu_quota",
    "cpu_rt_period",
    "cpu_rt_runtime",
    "cpu_shares",
    "cpus",
    "cpuset",
    "credential_spec",
    "depends_on",
    "deploy",
    "develop",
    "device_cgroup_rules",
    "devices",
    "dns",
    "dns_opt",
    "dns_search",
    "domainname",
    "entrypoint",
    "env_file",
    "environment",
    "expose",
    "extends",
    "external_links",
    "extra_hosts",
    "gpus",
    "group_add",
    "healthcheck",
    "hostname",
    "image",
    "init",
    "ipc",
    "isolation",
    "labels",
    "label_file",
    "links",
    "logging",
    "mac_address",
    "mem_limit",
    "mem_reservation",
    "mem_swappiness",
    "memswap_limit",
    "models",
    "network_mode",
    "networks",
    "oom_kill_disable",
    "oom_score_adj",
    "pid",
    "pids_limit",
    "platform",
    "ports",
    "post_start",
    "pre_stop",
    "privileged",
    "profiles",
    "provider",
    "pull_policy",
    "read_only",
    "restart",
    "runtime",
    "scale",
    "secrets",
    "security_opt",
    "shm_size",
    "stdin_open",
    "stop_grace_period",
    "stop_signal",
    "storage_opt",
    "sysctls",
    "tmpfs",
    "tty",
    "ulimits",
    "use_api_socket",
    "user",
    "userns_mode",
    "uts",
    "volumes",
    "volumes_from",
    "working_dir",
];

pub fn known(level: Level) -> &'static [&'static str] {
    match level {
        Level::PodSpec => POD_SPEC,
        Level::PodSecurityContext => POD_SECURITY_CONTEXT,
        Level::Container => CONTAINER,
        Level::SecurityContext => SECURITY_CONTEXT,
        Level::Capabilities => CAPABILITIES,
        Level::ComposeService => COMPOSE_SERVICE,
    }
}

/// Where a field that is valid somewhere else actually belongs, relative to
/// the level it was found at (a short path the user can follow).
pub fn belongs_elsewhere(level: Level, key: &str) -> Option<&'static str> {
    const CONTAINER_ONLY: &[&str] = &[
        "capabilities",
        "privileged",
        "allowPrivilegeEscalation",
        "readOnlyRootFilesystem",
        "procMount",
    ];
    const POD_ONLY: &[&str] = &[
        "sysctls",
        "fsGroup",
        "fsGroupChangePolicy",
        "supplementalGroups",
        "supplementalGroupsPolicy",
    ];
    match level {
        // §8.1: capabilities, privileged, allowPrivilegeEscalation exist only
        // in the container-level SecurityContext.
        Level::PodSecurityContext if CONTAINER_ONLY.contains(&key) => {
            Some("containers[*].securityContext")
        }
        Level::SecurityContext if POD_ONLY.contains(&key) => Some("spec.securityContext"),
        Level::SecurityContext if CAPABILITIES.contains(&key) => {
            Some("securityContext.capabilities")
        }
        Level::Container if SECURITY_CONTEXT.contains(&key) => Some("securityContext"),
        Level::Container if CAPABILITIES.contains(&key) => Some("securityContext.capabilities"),
        Level::Container if POD_ONLY.contains(&key) => Some("spec.securityContext"),
        Level::PodSpec if CONTAINER_ONLY.contains(&key) => Some("containers[*].securityContext"),
        Level::PodSpec if POD_SECURITY_CONTEXT.contains(&key) => Some("securityContext"),
        Level::PodSpec if CAPABILITIES.contains(&key) => {
            Some("containers[*].securityContext.capabilities")
        }
        Level::PodSpec if matches!(key, "image" | "command" | "args") => Some("containers[*]"),
        Level::Capabilities if SECURITY_CONTEXT.contains(&key) => Some("securityContext"),
        _ => None,
    }
}

/// Edit distance (insert, delete, substitute; a swap of neighbours counts
/// once), bounded so a long hostile key costs little.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// The valid key at `level` closest to `key`, if it is close enough to be
/// a plausible typo (at most a third of the key's length, and at most 3).
pub fn nearest(level: Level, key: &str) -> Option<&'static str> {
    let budget = (key.chars().count() / 3).clamp(1, 3);
    known(level)
        .iter()
        .map(|k| (distance(key, k), *k))
        .filter(|(d, _)| *d <= budget)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_typo_and_common_misspellings_find_their_field() {
        assert_eq!(
            nearest(Level::Container, "sercurityContext"),
            Some("securityContext")
        );
        assert_eq!(
            nearest(Level::SecurityContext, "capabilites"),
            Some("capabilities")
        );
        assert_eq!(nearest(Level::SecurityContext, "SecurityContext"), None);
        assert_eq!(
            nearest(Level::Container, "SecurityContext"),
            Some("securityContext")
        );
        assert_eq!(
            nearest(Level::SecurityContext, "allowPrivilegeEscalaton"),
            Some("allowPrivilegeEscalation")
        );
        assert_eq!(nearest(Level::Capabilities, "drpo"), Some("drop"));
        assert_eq!(nearest(Level::Container, "banana"), None);
    }

    #[test]
    fn misplaced_fields_point_to_their_level() {
        // §8.1: no capabilities/privileged/APE in PodSecurityContext.
        assert_eq!(
            belongs_elsewhere(Level::PodSecurityContext, "capabilities"),
            Some("containers[*].securityContext")
        );
        assert_eq!(
            belongs_elsewhere(Level::PodSecurityContext, "privileged"),
            Some("containers[*].securityContext")
        );
        assert_eq!(
            belongs_elsewhere(Level::SecurityContext, "add"),
            Some("securityContext.capabilities")
        );
        assert_eq!(
            belongs_elsewhere(Level::Container, "capabilities"),
            Some("securityContext")
        );
        assert_eq!(
            belongs_elsewhere(Level::SecurityContext, "sysctls"),
            Some("spec.securityContext")
        );
        assert_eq!(
            belongs_elsewhere(Level::PodSecurityContext, "runAsUser"),
            None
        );
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("capabilites", "capabilities"), 1);
        assert_eq!(distance("sercurityContext", "securityContext"), 1);
        assert_eq!(distance("drpo", "drop"), 1);
        assert_eq!(distance("abc", "abc"), 0);
    }
}

//! Kubescape control C-0046 "Insecure capabilities"
//! (`kubescape/regolibrary` commit ce7ef32,
//! `rules/insecure-capabilities/raw.rego`): fails a container whose add
//! list holds one of the configured `insecureCapabilities`
//! (`default-config-inputs.json`), compared with `cautils.list_contains`
//! (exact, as far as the library shows). Kinds: Pod, Deployment,
//! ReplicaSet, DaemonSet, StatefulSet, Job, CronJob. Lists: containers and
//! initContainers, plus ephemeralContainers in a Pod object. Runs without
//! `capabilities` (nothing added: passes).

use super::{Claim, Rule, Scope, Seen, Tool, ALL_ROLES};
use crate::cap::Cap;
use crate::container::Role;
use crate::k8s::WorkloadKind;

const COMMIT: &str = "ce7ef32";

/// The default `insecureCapabilities`, as written there.
const INSECURE: [&str; 13] = [
    "SETPCAP",
    "NET_ADMIN",
    "NET_RAW",
    "SYS_MODULE",
    "SYS_RAWIO",
    "SYS_PTRACE",
    "SYS_ADMIN",
    "SYS_BOOT",
    "MAC_OVERRIDE",
    "MAC_ADMIN",
    "PERFMON",
    "ALL",
    "BPF",
];

/// The same list as capabilities (`ALL` stands for all of them).
const INSECURE_CAPS: &[Cap] = &[
    Cap::SETPCAP,
    Cap::NET_ADMIN,
    Cap::NET_RAW,
    Cap::SYS_MODULE,
    Cap::SYS_RAWIO,
    Cap::SYS_PTRACE,
    Cap::SYS_ADMIN,
    Cap::SYS_BOOT,
    Cap::MAC_OVERRIDE,
    Cap::MAC_ADMIN,
    Cap::PERFMON,
    Cap::BPF,
];

const KINDS: &[WorkloadKind] = &[
    WorkloadKind::Pod,
    WorkloadKind::Deployment,
    WorkloadKind::ReplicaSet,
    WorkloadKind::DaemonSet,
    WorkloadKind::StatefulSet,
    WorkloadKind::Job,
    WorkloadKind::CronJob,
];

pub const RULES: [Rule; 1] = [Rule {
    tool: Tool::Kubescape,
    version: COMMIT,
    id: "C-0046",
    scope: Scope::Container,
    kinds: KINDS,
    roles: ALL_ROLES,
    pod_only_roles: &[Role::EphemeralContainer],
    needs_capabilities: false,
    claim: Claim::NotAdded(INSECURE_CAPS),
    passes: no_insecure_add,
}];

fn no_insecure_add(s: &Seen) -> bool {
    !s.add().iter().any(|a| INSECURE.contains(&a.as_str()))
}

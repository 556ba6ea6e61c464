//! Checkov's Kubernetes checks on privileges and capabilities
//! (`checkov/kubernetes/checks/resource/k8s/`).
//!
//! Two kinds of check. CKV_K8S_16, 20 and 37 derive from
//! `BaseK8sContainerCheck`: they judge the workload, which fails at its
//! first failing container, reading containers and initContainers (3.3.30
//! never reads ephemeralContainers: the real Checkov agrees, see
//! `scripts/checkov-diff.sh` and docs/peers-checkov.md). CKV_K8S_25, 28
//! and 39 run on the `containers` and `initContainers` entities Checkov
//! cuts out of each workload: one verdict per container, ephemeral
//! containers never seen. None of them needs `capabilities` to run: an
//! absent drop list fails, an absent add list passes.

use super::{Aggregate, Claim, Rule, Scope, Seen, Tool, ALL_KINDS, NOT_EPHEMERAL};
use crate::cap::Cap;
use crate::container::Role;

/// The release users.md §1.5 ran; the three per-container checks have read
/// the same at every commit since.
const RELEASE: &str = "3.3.30";
/// Checkov's workload checks read containers and initContainers.
const WORKLOAD_ROLES: &[Role] = NOT_EPHEMERAL;

pub const RULES: [Rule; 6] = [
    Rule {
        tool: Tool::Checkov,
        version: RELEASE,
        id: "CKV_K8S_16",
        scope: Scope::Workload(Aggregate::Every),
        kinds: ALL_KINDS,
        roles: WORKLOAD_ROLES,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim: Claim::NotPrivileged,
        passes: not_privileged,
    },
    Rule {
        tool: Tool::Checkov,
        version: RELEASE,
        id: "CKV_K8S_20",
        scope: Scope::Workload(Aggregate::Every),
        kinds: ALL_KINDS,
        roles: WORKLOAD_ROLES,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim: Claim::NoNewPrivs,
        passes: ape_false,
    },
    Rule {
        tool: Tool::Checkov,
        version: RELEASE,
        id: "CKV_K8S_25",
        scope: Scope::Container,
        kinds: ALL_KINDS,
        roles: NOT_EPHEMERAL,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim: Claim::NoAdd,
        passes: no_add,
    },
    Rule {
        tool: Tool::Checkov,
        version: RELEASE,
        id: "CKV_K8S_28",
        scope: Scope::Container,
        kinds: ALL_KINDS,
        roles: NOT_EPHEMERAL,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim: Claim::Dropped(Cap::NET_RAW),
        passes: drops_net_raw,
    },
    Rule {
        tool: Tool::Checkov,
        version: RELEASE,
        id: "CKV_K8S_37",
        scope: Scope::Workload(Aggregate::Every),
        kinds: ALL_KINDS,
        roles: WORKLOAD_ROLES,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim: Claim::DropAll,
        passes: drops_all,
    },
    Rule {
        tool: Tool::Checkov,
        version: RELEASE,
        id: "CKV_K8S_39",
        scope: Scope::Container,
        kinds: ALL_KINDS,
        roles: NOT_EPHEMERAL,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim: Claim::NotAdded(&[Cap::SYS_ADMIN]),
        passes: no_sys_admin,
    },
];

/// CKV_K8S_16: fails on a truthy `privileged`.
fn not_privileged(s: &Seen) -> bool {
    s.c.privileged != Some(true)
}

/// CKV_K8S_20: passes only on `allowPrivilegeEscalation: false` as written.
fn ape_false(s: &Seen) -> bool {
    s.c.allow_privilege_escalation == Some(false)
}

/// CKV_K8S_25: fails on any non-empty add list.
fn no_add(s: &Seen) -> bool {
    s.add().is_empty()
}

/// CKV_K8S_28: passes when a drop item *contains* `ALL`, `all` or
/// `NET_RAW` (Python `in` on a string: a substring test, case-sensitive).
fn drops_net_raw(s: &Seen) -> bool {
    s.drop()
        .iter()
        .any(|d| ["ALL", "all", "NET_RAW"].iter().any(|x| d.contains(x)))
}

/// CKV_K8S_37: the same substring test, for `ALL` or `all` only.
fn drops_all(s: &Seen) -> bool {
    s.drop()
        .iter()
        .any(|d| ["ALL", "all"].iter().any(|x| d.contains(x)))
}

/// CKV_K8S_39: fails when the add list holds exactly `SYS_ADMIN`
/// (Python `in` on a list: equality).
fn no_sys_admin(s: &Seen) -> bool {
    !s.add().iter().any(|a| a == "SYS_ADMIN")
}

//! kube-linter's default-on checks about privileges and capabilities, at
//! commit 35de568 (v0.8.3-86). All three run per container, on every
//! container of the pod (`PodSpec.AllContainers`: init, regular,
//! ephemeral), for the "DeploymentLike" kinds (no PodTemplate).
//!
//! `drop-net-raw-capability` is the `verify-container-capabilities`
//! template with `forbiddenCapabilities: ["NET_RAW"]`: each entry is an
//! unanchored, case-sensitive Go regular expression, and `(?i)^all$` is
//! special-cased; it looks only at a container whose
//! `securityContext.capabilities` is set.

use super::{Claim, Rule, Scope, Seen, Tool, ALL_ROLES, NO_POD_TEMPLATE};
use crate::cap::Cap;

const COMMIT: &str = "35de568";

pub const RULES: [Rule; 3] = [
    Rule {
        tool: Tool::KubeLinter,
        version: COMMIT,
        id: "privileged-container",
        scope: Scope::Container,
        kinds: NO_POD_TEMPLATE,
        roles: ALL_ROLES,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim: Claim::NotPrivileged,
        passes: not_privileged,
    },
    Rule {
        tool: Tool::KubeLinter,
        version: COMMIT,
        id: "privilege-escalation-container",
        scope: Scope::Container,
        kinds: NO_POD_TEMPLATE,
        roles: ALL_ROLES,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim: Claim::NoNewPrivs,
        passes: no_escalation,
    },
    Rule {
        tool: Tool::KubeLinter,
        version: COMMIT,
        id: "drop-net-raw-capability",
        scope: Scope::Container,
        kinds: NO_POD_TEMPLATE,
        roles: ALL_ROLES,
        pod_only_roles: &[],
        needs_capabilities: true,
        claim: Claim::Dropped(Cap::NET_RAW),
        passes: drops_net_raw,
    },
];

fn not_privileged(s: &Seen) -> bool {
    s.c.privileged != Some(true)
}

/// Fails on `allowPrivilegeEscalation: true`, `privileged: true`, or an add
/// of exactly `SYS_ADMIN`; an unset allowPrivilegeEscalation passes.
fn no_escalation(s: &Seen) -> bool {
    s.c.allow_privilege_escalation != Some(true)
        && s.c.privileged != Some(true)
        && !s.add().iter().any(|a| a == "SYS_ADMIN")
}

/// The template's `(?i)^all$`.
fn is_all(x: &str) -> bool {
    x.eq_ignore_ascii_case("all")
}

/// The regular expression `NET_RAW`, unanchored: a substring, case-sensitive.
fn matches_net_raw(x: &str) -> bool {
    x.contains("NET_RAW")
}

/// No add matches (NET_RAW or all), and some drop matches (NET_RAW or all).
fn drops_net_raw(s: &Seen) -> bool {
    let bad_add = s.add().iter().any(|a| matches_net_raw(a) || is_all(a));
    let dropped = s.drop().iter().any(|d| matches_net_raw(d) || is_all(d));
    !bad_add && dropped
}

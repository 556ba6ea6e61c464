//! Pod Security Admission's capability and privilege checks, as `k8s::pss`
//! models them (policy version 1.36; `check_capabilities_{baseline,
//! restricted}.go`, `check_privileged.go`, `check_allowPrivilegeEscalation.go`
//! in `pod-security-admission/policy`): exact, case-sensitive strings,
//! every container list, every kind (PSA judges the pods a workload makes).

use super::{Claim, Rule, Scope, Seen, Tool, ALL_KINDS, ALL_ROLES};
use crate::cap::Cap;
use crate::preset::BASELINE;

const POLICY: &str = "1.36";

const fn rule(id: &'static str, claim: Claim, passes: fn(&Seen) -> bool) -> Rule {
    Rule {
        tool: Tool::PodSecurity,
        version: POLICY,
        id,
        scope: Scope::Container,
        kinds: ALL_KINDS,
        roles: ALL_ROLES,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim,
        passes,
    }
}

pub const RULES: [Rule; 4] = [
    rule("privileged", Claim::NotPrivileged, |s| {
        passes(s, "privileged")
    }),
    rule("capabilities_baseline", Claim::AddsWithin(BASELINE), |s| {
        passes(s, "capabilities_baseline")
    }),
    rule("allowPrivilegeEscalation", Claim::NoNewPrivs, |s| {
        passes(s, "allowPrivilegeEscalation")
    }),
    rule(
        "capabilities_restricted",
        Claim::KeepsOnly(&[Cap::NET_BIND_SERVICE]),
        |s| passes(s, "capabilities_restricted"),
    ),
];

/// No violation of the PSA check with this id.
fn passes(s: &Seen, check: &str) -> bool {
    !s.pss.violations.iter().any(|v| v.check_id() == check)
}

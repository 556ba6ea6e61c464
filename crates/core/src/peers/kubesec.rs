//! kubesec's capability rules (`controlplaneio/kubesec` commit a59caad,
//! `pkg/ruler/ruleset.go` and `pkg/rules/cap*.go`). kubesec scores the
//! object: a rule counts the containers it matches (initContainers,
//! containers, ephemeralContainers, `pkg/rules/helper.go`) and applies its
//! points once that count is above zero, for the kinds Pod, Deployment,
//! StatefulSet and DaemonSet only. So a negative rule (CapSysAdmin, −30)
//! fails the workload when any container matches, and a positive one
//! (CapDropAll, +1) passes it when any container matches. Both test the
//! list printed with Go's `%v` (`[a b]`), so a match is a substring.

use super::{Aggregate, Claim, Rule, Scope, Seen, Tool, ALL_ROLES};
use crate::cap::Cap;
use crate::k8s::WorkloadKind;

const COMMIT: &str = "a59caad";

const KINDS: &[WorkloadKind] = &[
    WorkloadKind::Pod,
    WorkloadKind::Deployment,
    WorkloadKind::StatefulSet,
    WorkloadKind::DaemonSet,
];

pub const RULES: [Rule; 2] = [
    Rule {
        tool: Tool::Kubesec,
        version: COMMIT,
        id: "CapSysAdmin",
        scope: Scope::Workload(Aggregate::Every),
        kinds: KINDS,
        roles: ALL_ROLES,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim: Claim::NotAdded(&[Cap::SYS_ADMIN]),
        passes: no_sys_admin,
    },
    Rule {
        tool: Tool::Kubesec,
        version: COMMIT,
        id: "CapDropAll",
        scope: Scope::Workload(Aggregate::Any),
        kinds: KINDS,
        roles: ALL_ROLES,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim: Claim::DropAll,
        passes: drops_all,
    },
];

/// `strings.Contains(fmt.Sprintf("%v", add), "SYS_ADMIN")`: case-sensitive
/// substring, so `CAP_SYS_ADMIN` matches and `sys_admin` does not.
fn no_sys_admin(s: &Seen) -> bool {
    !s.add().iter().any(|a| a.contains("SYS_ADMIN"))
}

/// `strings.Contains(strings.ToUpper(fmt.Sprintf("%v", drop)), "ALL")`.
/// Upper-casing other characters never yields a run `ALL` (the expansions
/// that give an A or an L put another letter next to it: `ẚ` → `Aʾ`,
/// `ﬂ` → `FL`), so ASCII upper-casing finds the same matches.
fn drops_all(s: &Seen) -> bool {
    s.drop()
        .iter()
        .any(|d| d.to_ascii_uppercase().contains("ALL"))
}

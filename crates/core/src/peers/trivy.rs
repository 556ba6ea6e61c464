//! Trivy's Kubernetes checks on privileges and capabilities
//! (`aquasecurity/trivy-checks` `checks/kubernetes/`, commit 80e5382).
//! All read containers and initContainers only: `lib/kubernetes`'s
//! `pod_containers` takes those two keys, so ephemeralContainers are never
//! seen. Kinds: Pod, CronJob and the template kinds (no PodTemplate). A
//! container without `capabilities` is judged (a missing drop list fails).

use super::{Claim, Rule, Scope, Seen, Tool, NOT_EPHEMERAL, NO_POD_TEMPLATE};
use crate::cap::Cap;

const COMMIT: &str = "80e5382";

const fn rule(id: &'static str, claim: Claim, passes: fn(&Seen) -> bool) -> Rule {
    Rule {
        tool: Tool::Trivy,
        version: COMMIT,
        id,
        scope: Scope::Container,
        kinds: NO_POD_TEMPLATE,
        roles: NOT_EPHEMERAL,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim,
        passes,
    }
}

pub const RULES: [Rule; 7] = [
    rule("KSV003", Claim::DropAll, drops_all),
    rule("KSV005", Claim::NotAdded(&[Cap::SYS_ADMIN]), |s| {
        !adds_exactly(s, "SYS_ADMIN")
    }),
    rule("KSV017", Claim::NotPrivileged, |s| {
        s.c.privileged != Some(true)
    }),
    rule("KSV022", Claim::NoAdd, |s| s.add().is_empty()),
    rule(
        "KSV106",
        Claim::KeepsOnly(&[Cap::NET_BIND_SERVICE]),
        restricted,
    ),
    rule("KSV119", Claim::NotAdded(&[Cap::NET_RAW]), |s| {
        !adds_exactly(s, "NET_RAW")
    }),
    rule("KSV120", Claim::NotAdded(&[Cap::SYS_MODULE]), |s| {
        !adds_exactly(s, "SYS_MODULE")
    }),
];

/// `add[_] == name`: exact, case-sensitive.
fn adds_exactly(s: &Seen, name: &str) -> bool {
    s.add().iter().any(|a| a == name)
}

/// KSV003: `lower(drop[_]) == "all"`. Only `a`/`A` and `l`/`L` lower-case
/// to an ASCII `a` or `l`, so comparing without ASCII case is the same test
/// (and keeps Unicode's case tables out of the page).
fn drops_all(s: &Seen) -> bool {
    s.drop().iter().any(|d| d.eq_ignore_ascii_case("all"))
}

/// KSV106: `upper(drop[_]) == "ALL"`, and then every add is exactly
/// `NET_BIND_SERVICE`.
fn restricted(s: &Seen) -> bool {
    // As for KSV003: no other character upper-cases to exactly A or L.
    s.drop().iter().any(|d| d.eq_ignore_ascii_case("ALL"))
        && s.add().iter().all(|a| a == "NET_BIND_SERVICE")
}

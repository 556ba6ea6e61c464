//! Polaris' capability checks (`FairwindsOps/polaris`
//! `pkg/config/checks/{dangerous,insecure}Capabilities.yaml`, read at
//! 06aafdb; the same schemas users.md §1.3 quotes at c0e23a2). Both are
//! JSON Schemas on one container (`target: Container`) whose patterns are
//! `^(?i)NAME$`: anchored and case-insensitive, so `cap_sys_admin` is not
//! `SYS_ADMIN`. Which lists and kinds Polaris feeds a container check was
//! not read in the source (UNVERIFIED): taken as containers and
//! initContainers of every kind but PodTemplate.

use super::{Claim, Rule, Scope, Seen, Tool, NOT_EPHEMERAL, NO_POD_TEMPLATE};
use crate::cap::Cap;

const COMMIT: &str = "06aafdb";

/// The 15 names a drop list may spell out instead of `ALL`.
const SPELLED_OUT: [&str; 15] = [
    "NET_ADMIN",
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
];

pub const RULES: [Rule; 2] = [
    Rule {
        tool: Tool::Polaris,
        version: COMMIT,
        id: "dangerousCapabilities",
        scope: Scope::Container,
        kinds: NO_POD_TEMPLATE,
        roles: NOT_EPHEMERAL,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim: Claim::NotAdded(&[Cap::SYS_ADMIN, Cap::NET_ADMIN]),
        passes: no_dangerous_add,
    },
    Rule {
        tool: Tool::Polaris,
        version: COMMIT,
        id: "insecureCapabilities",
        scope: Scope::Container,
        kinds: NO_POD_TEMPLATE,
        roles: NOT_EPHEMERAL,
        pod_only_roles: &[],
        needs_capabilities: false,
        claim: Claim::DropAll,
        passes: drops_insecure,
    },
];

/// `^(?i)NAME$`.
fn is(x: &str, name: &str) -> bool {
    x.eq_ignore_ascii_case(name)
}

/// No add is `ALL`, `SYS_ADMIN` or `NET_ADMIN` (any case, whole string).
fn no_dangerous_add(s: &Seen) -> bool {
    !s.add()
        .iter()
        .any(|a| ["ALL", "SYS_ADMIN", "NET_ADMIN"].iter().any(|n| is(a, n)))
}

/// `securityContext`, `capabilities` and `drop` are required, and the
/// drop list must match exactly one of (`oneOf`): contains `ALL`, or
/// contains all 15 names. Both at once fails.
fn drops_insecure(s: &Seen) -> bool {
    let Some(caps) = &s.c.capabilities else {
        return false;
    };
    let has = |n: &str| caps.drop.iter().any(|d| is(d, n));
    let all = has("ALL");
    let spelled = SPELLED_OUT.iter().all(|n| has(n));
    all != spelled
}

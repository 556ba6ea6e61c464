//! Rules about what the container is granted: privileged, dangerous adds,
//! SYS_ADMIN where PERFMON would do, NET_RAW by default, adds that do nothing.

use super::Context;
use crate::analysis::finding::{Detail, Finding, IneffectiveAdd, LowPorts, PrivilegedNonRoot};
use crate::analysis::report::{AddEffect, Outcome};
use crate::analysis::{Severity, DANGEROUS};
use crate::cap::Cap;
use crate::container::Spelled;
use crate::runtime::{self, NameReading, RuntimeKind, PORT_SYSCTL};
use crate::set::CapSet;

/// Privileged: every capability, and what a non-root process gets of them.
pub(super) fn privileged(cx: &Context) -> Option<Finding> {
    if !cx.privileged() {
        return None;
    }
    let non_root = match cx.kind {
        RuntimeKind::Docker | RuntimeKind::Containerd => PrivilegedNonRoot::Nothing,
        RuntimeKind::Crio => PrivilegedNonRoot::EverythingViaAmbient,
        RuntimeKind::Podman => PrivilegedNonRoot::OnlyAdds,
    };
    let at = cx
        .spec
        .privileged
        .as_ref()
        .map(|f| f.at.clone())
        .unwrap_or_else(|| cx.spec.at.clone());
    Some(Finding {
        severity: Severity::Error,
        at,
        detail: Detail::Privileged {
            runtime: cx.kind,
            all: cx.host,
            non_root,
        },
    })
}

/// `add: ALL`, which adds every dangerous capability the host has.
pub(super) fn dangerous_all(cx: &Context, s: &Spelled) -> Option<Finding> {
    if cx.reading(s) != NameReading::All {
        return None;
    }
    let caps = DANGEROUS & cx.host;
    if caps.is_empty() {
        return None;
    }
    Some(Finding {
        severity: Severity::Warning,
        at: s.at.clone(),
        detail: Detail::DangerousAll {
            written: s.text.clone(),
            caps,
        },
    })
}

/// A dangerous capability added that reaches the container's bounding set.
pub(super) fn dangerous_capability(cx: &Context, s: &Spelled) -> Option<Finding> {
    let NameReading::Cap(c) = cx.reading(s) else {
        return None;
    };
    if !(DANGEROUS.contains(c) && cx.granted(c)) {
        return None;
    }
    Some(Finding {
        severity: Severity::Warning,
        at: s.at.clone(),
        detail: Detail::DangerousCapability {
            cap: c,
            written: s.text.clone(),
        },
    })
}

/// SYS_ADMIN added, where PERFMON and BPF often do.
pub(super) fn prefer_perfmon(cx: &Context, s: &Spelled) -> Option<Finding> {
    let sys_admin = Cap::SYS_ADMIN.number();
    if cx.reading(s) != NameReading::Cap(sys_admin) || !cx.granted(sys_admin) {
        return None;
    }
    Some(Finding {
        severity: Severity::Info,
        at: s.at.clone(),
        detail: Detail::PreferPerfmon {
            written: s.text.clone(),
            kernel_has_perfmon: cx.host.has(Cap::PERFMON),
        },
    })
}

/// NET_RAW kept because it is a default, not because the user asked.
pub(super) fn default_net_raw(cx: &Context) -> Option<Finding> {
    let net_raw = Cap::NET_RAW.number();
    let asked = cx
        .spec
        .cap_add
        .iter()
        .any(|s| cx.reading(s) == NameReading::Cap(net_raw));
    if cx.privileged()
        || asked
        || !runtime::defaults(cx.opts.runtime.runtime).has(Cap::NET_RAW)
        || !cx.granted(net_raw)
    {
        return None;
    }
    // Under Podman a non-root user never gets the defaults; still in the bounding set.
    Some(Finding {
        severity: Severity::Warning,
        at: cx.spec.at.clone(),
        detail: Detail::DefaultNetRaw {
            runtime: cx.kind,
            source: cx.spec.source,
        },
    })
}

/// Added capabilities that do nothing for the first process.
pub(super) fn ineffective_add(cx: &Context, adds: &[AddEffect]) -> Option<Finding> {
    if cx.privileged() {
        return None;
    }
    let (spec, outcomes, opts) = (cx.spec, cx.outcomes, cx.opts);
    // Per outcome: added caps that reached the bounding set but not PID 1's E.
    let lost = |o: &Outcome| -> CapSet {
        let (Some(sets), Some(p)) = (o.oci_sets(), o.pid1()) else {
            return CapSet::EMPTY;
        };
        let asked = CapSet::from_caps(adds.iter().filter_map(|a| a.cap));
        (asked & sets.bounding).minus(p.state.effective)
    };
    let mut caps = CapSet::EMPTY;
    let mut conditional = false;
    let mut nnp = false;
    let mut blocked = false;
    let mut in_permitted = false;
    for o in outcomes {
        let l = lost(o);
        if l.is_empty() {
            continue;
        }
        if o.user.is_root() {
            // Root loses an add only in odd cases (e.g. an EPERM-free NNP
            // clamp); not this finding's subject.
            continue;
        }
        caps = caps.union(l);
        conditional = outcomes.len() == 2;
        if let Ok(oci) = &o.oci {
            nnp = oci.no_new_privs;
            blocked = oci.no_new_privs && !l.is_subset_of(oci.sets.permitted);
            in_permitted = l.is_subset_of(oci.sets.permitted);
        }
    }
    if caps.is_empty() {
        return None;
    }
    let low_ports = if !caps.has(Cap::NET_BIND_SERVICE) {
        LowPorts::NotRelevant
    } else if let Some((_, v)) = spec.sysctls.iter().find(|(k, _)| k == PORT_SYSCTL) {
        LowPorts::SetByUser { value: v.clone() }
    } else if opts.runtime.runtime.opens_low_ports() && !spec.host_network {
        LowPorts::OpenedByRuntime
    } else {
        LowPorts::NotOpened
    };
    let at = adds
        .iter()
        .find(|a| a.cap.is_some_and(|c| caps.contains(c)))
        .map(|a| a.at.clone())
        .unwrap_or_else(|| spec.at.clone());
    Some(Finding {
        severity: Severity::Warning,
        at,
        detail: Detail::IneffectiveAdd(IneffectiveAdd {
            caps,
            conditional,
            runtime: cx.kind,
            source: spec.source,
            no_new_privs: nnp,
            file_caps_blocked_by_nnp: blocked,
            in_oci_permitted: in_permitted,
            low_ports,
        }),
    })
}

//! Podman with containers-common: `MergeCapabilities` and
//! `securityConfigureGenerator` (semantics.md §6).

use super::{
    is_privileged, normalise_prefix_optional, note_privileged_overrides, number_of,
    read_prefix_optional_list, wants_no_new_privs, CreationError, CreationErrorKind, ListKind,
    Normalised, OciOutcome, OciSets, PodmanEra, RunUser, RuntimeKind, RuntimeNote,
};
use crate::container::{ContainerSpec, Spelled};
use crate::set::CapSet;

/// `NormalizeCapabilities`: upper-case, `CAP_` optional, must be a
/// capability of the running kernel.
fn normalise(
    list: &[Spelled],
    kind: ListKind,
    host: CapSet,
) -> Result<(bool, CapSet), CreationError> {
    read_prefix_optional_list(list, kind, host, RuntimeKind::Podman)
}

/// `MergeCapabilities(base, adds, drops)` (§6.2).
fn merge(spec: &ContainerSpec, base: CapSet, host: CapSet) -> Result<CapSet, CreationError> {
    if spec.cap_add.is_empty() && spec.cap_drop.is_empty() {
        return Ok(base);
    }
    let (drop_all, drops) = normalise(&spec.cap_drop, ListKind::Drop, host)?;
    let (add_all, adds) = normalise(&spec.cap_add, ListKind::Add, host)?;
    if drop_all && add_all {
        return Err(CreationError {
            kind: CreationErrorKind::AddAllAndDropAll,
            at: spec.cap_add.first().map(|s| s.at.clone()),
        });
    }
    if drop_all {
        return Ok(adds);
    }
    if add_all {
        return Ok(host.minus(drops));
    }
    if let Some(c) = adds.intersect(drops).iter().next() {
        let at = spec
            .cap_add
            .iter()
            .find(|s| matches!(normalise_prefix_optional(&s.text), Normalised::Name(n) if number_of(&n) == Some(c)))
            .map(|s| s.at.clone());
        let name = crate::catalog::get(c)
            .map(|k| k.name.to_string())
            .unwrap_or_default();
        return Err(CreationError {
            kind: CreationErrorKind::AddedAndDropped { oci_name: name },
            at,
        });
    }
    Ok(base.minus(drops).union(adds))
}

pub(crate) fn oci(
    spec: &ContainerSpec,
    user: RunUser,
    era: PodmanEra,
    host: CapSet,
) -> Result<OciOutcome, CreationError> {
    let mut notes = Vec::new();
    if spec.host_network {
        if let Some((k, _)) = spec.sysctls.iter().find(|(k, _)| k.starts_with("net.")) {
            return Err(CreationError {
                kind: CreationErrorKind::NetSysctlWithHostNetwork { key: k.clone() },
                at: Some(spec.at.clone()),
            });
        }
    }
    // The bounding set is Podman's own; `host` stands for it.
    let caplist = if is_privileged(spec) {
        note_privileged_overrides(spec, &mut notes);
        host
    } else {
        merge(
            spec,
            super::defaults(super::Runtime::Podman(era)) & host,
            host,
        )? & host
    };
    let sets = if user.is_root() {
        OciSets::bep(caplist)
    } else {
        // Non-root: only the explicit adds, and as ambient too (§6.3). The
        // defaults are not given to non-root users at all.
        let (add_all, adds) = normalise(&spec.cap_add, ListKind::Add, host)?;
        let user_caps = if add_all { host } else { adds & host };
        notes.push(RuntimeNote::PodmanNonRootGetsAdds);
        OciSets {
            bounding: caplist,
            effective: user_caps,
            permitted: user_caps,
            inheritable: user_caps,
            ambient: user_caps,
        }
    };
    Ok(OciOutcome {
        sets,
        no_new_privs: wants_no_new_privs(spec),
        ignored: Vec::new(),
        sysctls: spec.sysctls.clone(),
        notes,
    })
}

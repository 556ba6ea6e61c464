//! Docker (moby): `TweakCapabilities`, `NormalizeLegacyCapabilities` and
//! how each release fills the OCI sets (semantics.md §3).

use super::{
    is_privileged, note_privileged_overrides, read_prefix_optional_list, wants_no_new_privs,
    CreationError, DockerEra, ListKind, OciOutcome, OciSets, RunUser, RuntimeKind, RuntimeNote,
    PORT_SYSCTL,
};
use crate::container::{ContainerSpec, Spelled};
use crate::set::CapSet;

pub(crate) fn oci(
    spec: &ContainerSpec,
    user: RunUser,
    era: DockerEra,
    host: CapSet,
) -> Result<OciOutcome, CreationError> {
    let mut notes = Vec::new();
    let list = if is_privileged(spec) {
        // Privileged returns before the lists are even normalised (§3.3 step 1).
        note_privileged_overrides(spec, &mut notes);
        host
    } else {
        tweak(
            spec,
            super::defaults(super::Runtime::Docker(era)) & host,
            host,
            &mut notes,
        )?
    };
    // §3.4: which sets are filled depends on the release and on the uid
    // (the resolved uid, so an image USER counts too).
    let sets = match (era, user.is_root()) {
        (DockerEra::UpTo20_10_13, true) => OciSets {
            inheritable: list,
            ..OciSets::bep(list)
        },
        (DockerEra::UpTo20_10_13, false) => OciSets {
            bounding: list,
            inheritable: list,
            ..OciSets::default()
        },
        (DockerEra::From20_10_14To24, true) => OciSets::bep(list),
        (DockerEra::From20_10_14To24, false) => OciSets {
            bounding: list,
            ..OciSets::default()
        },
        (DockerEra::From25, _) => OciSets::bep(list),
    };
    let mut sysctls = spec.sysctls.clone();
    // §3.5: a private network namespace gets the low-ports sysctl unless the
    // user set it themselves.
    if let Some((_, v)) = spec.sysctls.iter().find(|(k, _)| k == PORT_SYSCTL) {
        notes.push(RuntimeNote::UnprivilegedPortsByUser { value: v.clone() });
    } else if !spec.host_network {
        sysctls.push((PORT_SYSCTL.to_string(), "0".to_string()));
        notes.push(RuntimeNote::UnprivilegedPortsOpened);
    }
    notes.push(RuntimeNote::AmbientNeverSet);
    Ok(OciOutcome {
        sets,
        no_new_privs: wants_no_new_privs(spec),
        ignored: Vec::new(),
        sysctls,
        notes,
    })
}

/// One list, normalised and validated the way moby does.
fn resolve(
    list: &[Spelled],
    kind: ListKind,
    host: CapSet,
) -> Result<(bool, CapSet), CreationError> {
    read_prefix_optional_list(list, kind, host, RuntimeKind::Docker)
}

/// `TweakCapabilities` (§3.3 steps 2–6), starting from `base` (the
/// defaults `DefaultCapabilities`, §3.1, limited to the host).
fn tweak(
    spec: &ContainerSpec,
    base: CapSet,
    host: CapSet,
    notes: &mut Vec<RuntimeNote>,
) -> Result<CapSet, CreationError> {
    if spec.cap_add.is_empty() && spec.cap_drop.is_empty() {
        return Ok(base);
    }
    let (drop_all, drops) = resolve(&spec.cap_drop, ListKind::Drop, host)?;
    let (add_all, adds) = resolve(&spec.cap_add, ListKind::Add, host)?;
    if add_all {
        // Wins even over a drop of ALL.
        return Ok(host.minus(drops));
    }
    if drop_all {
        return Ok(adds);
    }
    for c in adds.intersect(drops).iter() {
        // Drops are removed first, then adds appended: the add survives.
        notes.push(RuntimeNote::AddedAndDropped { cap: c, kept: true });
    }
    Ok(base.minus(drops).union(adds))
}

//! containerd's CRI plugin: `WithCapabilities`, `WithPrivileged`,
//! `WithoutAmbientCaps` (semantics.md §4). This is what Kubernetes on
//! containerd does with a container's securityContext.

use super::{
    is_privileged, number_of, wants_no_new_privs, ContainerdEra, IgnoredName, ListKind, OciOutcome,
    OciSets, RuntimeNote,
};
use crate::container::ContainerSpec;
use crate::set::CapSet;

/// The name containerd writes into the OCI spec: the prefix is always added,
/// never stripped, so `CAP_SYS_ADMIN` becomes `CAP_CAP_SYS_ADMIN`.
pub fn oci_name(written: &str) -> String {
    format!("CAP_{}", written.to_ascii_uppercase())
}

pub(crate) fn oci(spec: &ContainerSpec, era: ContainerdEra, host: CapSet) -> OciOutcome {
    // Before v1.5.11 / v1.6.2 every list change also went to Inheritable.
    let with_inh = era == ContainerdEra::WithInheritable;
    let fill = |list: CapSet| OciSets {
        inheritable: if with_inh { list } else { CapSet::EMPTY },
        ..OciSets::bep(list)
    };
    let mut notes = Vec::new();
    let mut ignored = Vec::new();
    let is_all = |t: &str| t.eq_ignore_ascii_case("ALL");
    // `defaultUnixCaps`, limited to what the host has.
    let mut sets = fill(super::defaults(super::Runtime::Containerd(era)) & host);
    if spec.cap_add.iter().any(|s| is_all(&s.text)) {
        sets = fill(host);
    }
    if spec.cap_drop.iter().any(|s| is_all(&s.text)) {
        sets = OciSets::default();
    }
    let mut added = CapSet::EMPTY;
    for s in spec.cap_add.iter().filter(|s| !is_all(&s.text)) {
        let name = oci_name(&s.text);
        match number_of(&name).filter(|&c| host.contains(c)) {
            Some(c) => {
                added.insert(c);
                sets.bounding.insert(c);
                sets.effective.insert(c);
                sets.permitted.insert(c);
                if with_inh {
                    sets.inheritable.insert(c);
                }
            }
            // containerd passes the string on; runc cannot map it (§7.1).
            None => ignored.push(IgnoredName {
                oci_name: name,
                list: ListKind::Add,
                at: s.at.clone(),
            }),
        }
    }
    for s in spec.cap_drop.iter().filter(|s| !is_all(&s.text)) {
        // Removing a string that is not in the lists removes nothing.
        if let Some(c) = number_of(&oci_name(&s.text)) {
            if added.contains(c) {
                notes.push(RuntimeNote::AddedAndDropped {
                    cap: c,
                    kept: false,
                });
            }
            sets.bounding.remove(c);
            sets.effective.remove(c);
            sets.permitted.remove(c);
            sets.inheritable.remove(c);
        }
    }
    if is_privileged(spec) {
        // WithPrivileged runs after the lists and overrides them.
        super::note_privileged_overrides(spec, &mut notes);
        sets = fill(host);
        ignored.clear();
    }
    notes.push(RuntimeNote::AmbientNeverSet);
    sets.ambient = CapSet::EMPTY;
    OciOutcome {
        sets,
        no_new_privs: wants_no_new_privs(spec),
        ignored,
        sysctls: spec.sysctls.clone(),
        notes,
    }
}

//! CRI-O: `SpecSetupCapabilities`, `SetupPrivileged` and the default list by
//! release (semantics.md §5). Kubernetes on CRI-O.

use super::{
    is_privileged, number_of, wants_no_new_privs, CreationError, CreationErrorKind, CrioConfig,
    CrioEra, ListKind, OciOutcome, OciSets, RuntimeKind, RuntimeNote,
};
use crate::container::{ContainerSpec, Spelled};
use crate::set::CapSet;

/// `toCAPPrefixed`: a name already starting with `cap_` (any case) is kept,
/// otherwise `CAP_` is put in front; runtime-tools upper-cases it.
pub fn oci_name(written: &str) -> String {
    let up = written.to_ascii_uppercase();
    if up.starts_with("CAP_") {
        up
    } else {
        format!("CAP_{up}")
    }
}

fn resolve(s: &Spelled, kind: ListKind, host: CapSet) -> Result<u8, CreationError> {
    let name = oci_name(&s.text);
    // Validated against the capabilities the running kernel supports.
    number_of(&name)
        .filter(|&c| host.contains(c))
        .ok_or_else(|| CreationError {
            kind: CreationErrorKind::UnknownCapability {
                runtime: RuntimeKind::Crio,
                oci_name: name,
                list: kind,
            },
            at: Some(s.at.clone()),
        })
}

pub(crate) fn oci(
    spec: &ContainerSpec,
    cfg: CrioConfig,
    host: CapSet,
) -> Result<OciOutcome, CreationError> {
    let mut notes = Vec::new();
    let inh = match cfg.era {
        CrioEra::UpTo1_17 | CrioEra::From1_18To1_23 => true,
        CrioEra::From1_24 => cfg.add_inheritable,
    };
    let sets = if is_privileged(spec) {
        // runtime-tools SetupPrivileged: all five sets, ambient included.
        super::note_privileged_overrides(spec, &mut notes);
        notes.push(RuntimeNote::CrioPrivilegedAmbient);
        OciSets {
            bounding: host,
            effective: host,
            permitted: host,
            inheritable: host,
            ambient: host,
        }
    } else {
        let is_all = |t: &str| t.eq_ignore_ascii_case("ALL");
        let add_all = spec.cap_add.iter().any(|s| is_all(&s.text));
        let drop_all = spec.cap_drop.iter().any(|s| is_all(&s.text));
        let mut list = CapSet::EMPTY;
        if !add_all && !drop_all {
            // The defaults are appended to the add list.
            list = super::defaults(super::Runtime::Crio(cfg)) & host;
        }
        if add_all {
            list = host;
        }
        if drop_all {
            list = CapSet::EMPTY;
        }
        let mut added = CapSet::EMPTY;
        for s in spec.cap_add.iter().filter(|s| !is_all(&s.text)) {
            let c = resolve(s, ListKind::Add, host)?;
            added.insert(c);
            list.insert(c);
        }
        for s in spec.cap_drop.iter().filter(|s| !is_all(&s.text)) {
            let c = resolve(s, ListKind::Drop, host)?;
            if added.contains(c) {
                notes.push(RuntimeNote::AddedAndDropped {
                    cap: c,
                    kept: false,
                });
            }
            list.remove(c);
        }
        notes.push(RuntimeNote::AmbientNeverSet);
        OciSets {
            inheritable: if inh { list } else { CapSet::EMPTY },
            ..OciSets::bep(list)
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

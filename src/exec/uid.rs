//! The capability fix-ups of `setuid`/`setresuid` (semantics.md §1.3,
//! `commoncap.c :: cap_task_fix_setuid` / `cap_emulate_setxuid`): what
//! runtimes, `su` and `setpriv` do to a root process before they exec.

use super::{ProcessState, Securebits};
use crate::set::CapSet;
use serde::Serialize;

const CAP_SETUID: u8 = 7;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum UidStep {
    /// CAP_SETUID is effective: any ids may be set.
    Privileged,
    /// No CAP_SETUID, but every new id is one of the current real, effective
    /// or saved uids, which is always allowed.
    OwnIds,
    Ids {
        uid: u32,
        euid: u32,
        suid: u32,
    },
    /// SECBIT_NO_SETUID_FIXUP: the capability sets are left alone.
    NoFixup,
    /// Some uid was 0 before and none is now. Permitted and effective are
    /// cleared unless SECBIT_KEEP_CAPS; ambient is cleared regardless.
    LeftRoot {
        keep_caps: bool,
        lost_permitted: CapSet,
        lost_effective: CapSet,
        lost_ambient: CapSet,
    },
    /// The effective uid went from 0 to non-0: effective is cleared.
    EuidLeftRoot {
        lost_effective: CapSet,
    },
    /// The effective uid went from non-0 to 0: effective becomes permitted.
    EuidBecameRoot {
        effective: CapSet,
    },
    /// No transition involving uid 0: nothing changes.
    NoRootChange,
}

/// The call fails with EPERM.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct UidRefusal {
    /// The first requested id that is none of the current ones.
    pub not_own: u32,
}

#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct UidChange {
    pub before: ProcessState,
    pub outcome: Result<ProcessState, UidRefusal>,
    pub trace: Vec<UidStep>,
}

/// `setresuid(uid, euid, suid)`; pass the current value for "unchanged" (-1).
pub fn setresuid(state: &ProcessState, uid: u32, euid: u32, suid: u32) -> UidChange {
    let old = *state;
    let mut trace = Vec::new();
    if old.effective.contains(CAP_SETUID) {
        trace.push(UidStep::Privileged);
    } else {
        let own = [old.uid, old.euid, old.suid];
        if let Some(&bad) = [uid, euid, suid].iter().find(|id| !own.contains(id)) {
            return UidChange {
                before: old,
                outcome: Err(UidRefusal { not_own: bad }),
                trace,
            };
        }
        trace.push(UidStep::OwnIds);
    }
    let after = fix_up(&old, uid, euid, suid, &mut trace);
    UidChange {
        before: old,
        outcome: Ok(after),
        trace,
    }
}

/// `setuid(uid)`: with CAP_SETUID all three ids change; without it only the
/// effective uid, and only to the real or saved uid.
pub fn setuid(state: &ProcessState, uid: u32) -> UidChange {
    let old = *state;
    let mut trace = Vec::new();
    let (r, e, s) = if old.effective.contains(CAP_SETUID) {
        trace.push(UidStep::Privileged);
        (uid, uid, uid)
    } else if uid == old.uid || uid == old.suid {
        trace.push(UidStep::OwnIds);
        (old.uid, uid, old.suid)
    } else {
        return UidChange {
            before: old,
            outcome: Err(UidRefusal { not_own: uid }),
            trace,
        };
    };
    let after = fix_up(&old, r, e, s, &mut trace);
    UidChange {
        before: old,
        outcome: Ok(after),
        trace,
    }
}

fn fix_up(
    old: &ProcessState,
    uid: u32,
    euid: u32,
    suid: u32,
    trace: &mut Vec<UidStep>,
) -> ProcessState {
    let mut new = ProcessState {
        uid,
        euid,
        suid,
        ..*old
    };
    trace.push(UidStep::Ids { uid, euid, suid });
    if old.securebits.has(Securebits::NO_SETUID_FIXUP) {
        trace.push(UidStep::NoFixup);
        return new;
    }
    let had_root = old.uid == 0 || old.euid == 0 || old.suid == 0;
    let has_root = uid == 0 || euid == 0 || suid == 0;
    let mut changed = false;
    if had_root && !has_root {
        let keep_caps = old.securebits.has(Securebits::KEEP_CAPS);
        let (lost_permitted, lost_effective) = if keep_caps {
            (CapSet::EMPTY, CapSet::EMPTY)
        } else {
            (new.permitted, new.effective)
        };
        if !keep_caps {
            new.permitted = CapSet::EMPTY;
            new.effective = CapSet::EMPTY;
        }
        // Programs written before ambient capabilities expect "drop root,
        // then exec" to drop every capability, so ambient goes regardless.
        let lost_ambient = new.ambient;
        new.ambient = CapSet::EMPTY;
        trace.push(UidStep::LeftRoot {
            keep_caps,
            lost_permitted,
            lost_effective,
            lost_ambient,
        });
        changed = true;
    }
    if old.euid == 0 && euid != 0 {
        trace.push(UidStep::EuidLeftRoot {
            lost_effective: new.effective,
        });
        new.effective = CapSet::EMPTY;
        changed = true;
    }
    if old.euid != 0 && euid == 0 {
        new.effective = new.permitted;
        trace.push(UidStep::EuidBecameRoot {
            effective: new.effective,
        });
        changed = true;
    }
    if !changed {
        trace.push(UidStep::NoRootChange);
    }
    new
}

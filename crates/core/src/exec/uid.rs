//! The capability fix-ups of `setuid`/`setresuid` (semantics.md §1.3,
//! `commoncap.c :: cap_task_fix_setuid` / `cap_emulate_setxuid`): what
//! runtimes, `su` and `setpriv` do to a root process before they exec.

use super::{ProcessState, Securebits};
use crate::cap::Cap;
use crate::set::CapSet;
use serde::Serialize;

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
    /// setfsuid: the new fsuid is none of the current ids and CAP_SETUID is
    /// not effective, or it equals the current fsuid; nothing changes (the
    /// call reports no error either way).
    FsuidNotChanged,
    /// setfsuid: the fsuid left 0; the filesystem capabilities leave the effective set.
    FsuidLeftRoot {
        lost_effective: CapSet,
    },
    /// setfsuid: the fsuid became 0; the permitted filesystem capabilities become effective.
    FsuidBecameRoot {
        raised: CapSet,
    },
}

/// The capabilities that follow the filesystem uid (`CAP_FS_SET` in the
/// kernel): chown, dac_override, dac_read_search, fowner, fsetid,
/// linux_immutable, mknod, mac_override.
pub const FS_CAPS: CapSet = CapSet::of(Cap::CHOWN)
    .union(CapSet::of(Cap::DAC_OVERRIDE))
    .union(CapSet::of(Cap::DAC_READ_SEARCH))
    .union(CapSet::of(Cap::FOWNER))
    .union(CapSet::of(Cap::FSETID))
    .union(CapSet::of(Cap::LINUX_IMMUTABLE))
    .union(CapSet::of(Cap::MKNOD))
    .union(CapSet::of(Cap::MAC_OVERRIDE));

/// The result of `setfsuid`.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct FsuidChange {
    pub before: ProcessState,
    pub fsuid_before: u32,
    pub fsuid_after: u32,
    pub after: ProcessState,
    pub trace: Vec<UidStep>,
}

/// `setfsuid(fsuid)` for a process whose filesystem uid is `fsuid_before`
/// (normally its effective uid: every set*uid call resets it to that).
pub fn setfsuid(state: &ProcessState, fsuid_before: u32, fsuid: u32) -> FsuidChange {
    let old = *state;
    let mut trace = Vec::new();
    let allowed = [old.uid, old.euid, old.suid, fsuid_before].contains(&fsuid)
        || old.effective.has(Cap::SETUID);
    let mut new = old;
    let fsuid_after = if !allowed || fsuid == fsuid_before {
        trace.push(UidStep::FsuidNotChanged);
        fsuid_before
    } else {
        if old.effective.has(Cap::SETUID) {
            trace.push(UidStep::Privileged);
        } else {
            trace.push(UidStep::OwnIds);
        }
        if old.securebits.has(Securebits::NO_SETUID_FIXUP) {
            trace.push(UidStep::NoFixup);
        } else if fsuid_before == 0 && fsuid != 0 {
            trace.push(UidStep::FsuidLeftRoot {
                lost_effective: new.effective.intersect(FS_CAPS),
            });
            new.effective = new.effective.minus(FS_CAPS);
        } else if fsuid_before != 0 && fsuid == 0 {
            let raised = new.permitted.intersect(FS_CAPS).minus(new.effective);
            new.effective = new.effective.union(new.permitted.intersect(FS_CAPS));
            trace.push(UidStep::FsuidBecameRoot { raised });
        } else {
            trace.push(UidStep::NoRootChange);
        }
        fsuid
    };
    FsuidChange {
        before: old,
        fsuid_before,
        fsuid_after,
        after: new,
        trace,
    }
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
    if old.effective.has(Cap::SETUID) {
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
    let (r, e, s) = if old.effective.has(Cap::SETUID) {
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

//! What runc does with the OCI sets before it execs the container's first
//! program (semantics.md §7.2), then the kernel's execve transformation
//! (§1.2). The result is what `/proc/1/status` shows inside the container.

use super::{OciSets, RunUser};
use crate::exec::{ExecFile, ProcessState, Securebits};
use crate::set::CapSet;
use serde::Serialize;

/// Stand-in uid for a user known only by name: any non-zero uid behaves the
/// same for capabilities.
const NAMED_USER_UID: u32 = 65534;

/// A problem runc only logs.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "warning", rename_all = "kebab-case")]
pub enum RuncWarning {
    /// `can't raise ambient capability CAP_X`: not in both P and I.
    AmbientRaiseFailed { cap: u8 },
}

/// Why the first process never runs.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "failure", rename_all = "kebab-case")]
pub enum StartFailure {
    /// runc's capset failed: `unable to apply caps` (e.g. Inheritable outside
    /// the bounding set, Effective outside Permitted).
    CapsetFailed { offending: CapSet },
    /// execve failed with EPERM: the binary has `+e` file capabilities whose
    /// permitted bits the process cannot get (§1.2 step 5).
    ExecEperm { missing: CapSet },
}

/// The thread state runc leaves just before `execve`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BeforeExec {
    pub state: ProcessState,
    pub warnings: Vec<RuncWarning>,
}

/// runc's `finalizeNamespace` + `setupUser` + `ApplyCaps` (§7.2). runc starts
/// as uid 0 holding every capability of the host (`host`).
pub fn apply(sets: &OciSets, no_new_privs: bool, user: RunUser, host: CapSet) -> Result<BeforeExec, StartFailure> {
    let uid = match user {
        RunUser::Root => 0,
        RunUser::NonRoot { uid } => uid.unwrap_or(NAMED_USER_UID),
    };
    // runc maps only what the kernel supports.
    let want = OciSets {
        bounding: sets.bounding & host,
        effective: sets.effective & host,
        permitted: sets.permitted & host,
        inheritable: sets.inheritable & host,
        ambient: sets.ambient & host,
    };
    let mut st = ProcessState {
        uid: 0,
        euid: 0,
        suid: 0,
        inheritable: CapSet::EMPTY,
        permitted: host,
        effective: host,
        bounding: host,
        ambient: CapSet::EMPTY,
        securebits: Securebits::default(),
        no_new_privs,
    };
    // a. ApplyBoundingSet (runc holds CAP_SETPCAP here).
    st.bounding = want.bounding;
    // b–c. KEEPCAPS, then setuid: leaving uid 0 keeps P but clears E and A (§1.3).
    if uid != 0 {
        st.uid = uid;
        st.euid = uid;
        st.suid = uid;
        st.effective = CapSet::EMPTY;
        st.ambient = CapSet::EMPTY;
    }
    // e. One capset with the spec's E, P, I (§1.4 rules).
    let mut offending = want.permitted.minus(st.permitted);
    offending = offending.union(want.effective.minus(want.permitted));
    offending = offending.union(want.inheritable.minus(st.inheritable.union(st.bounding)));
    if !st.effective.contains(8) {
        // Without CAP_SETPCAP in E, I may not grow beyond old I ∪ old P.
        offending = offending.union(want.inheritable.minus(st.inheritable.union(st.permitted)));
    }
    if !offending.is_empty() {
        return Err(StartFailure::CapsetFailed { offending });
    }
    st.effective = want.effective;
    st.permitted = want.permitted;
    st.inheritable = want.inheritable;
    // Then clear ambient and raise each entry; failures are only logged.
    st.ambient = CapSet::EMPTY;
    let mut warnings = Vec::new();
    for c in want.ambient.iter() {
        if st.permitted.contains(c) && st.inheritable.contains(c) {
            st.ambient.insert(c);
        } else {
            warnings.push(RuncWarning::AmbientRaiseFailed { cap: c });
        }
    }
    Ok(BeforeExec { state: st, warnings })
}

/// The kernel's execve for the container's first program.
///
/// This is the single place where the exec simulator is called; until the
/// `exec` module's engine lands it follows §1.2 directly for the container
/// case (real = effective = saved uid, not ptraced, no shared fs).
pub fn kernel_exec(before: &ProcessState, file: &ExecFile) -> Result<ProcessState, StartFailure> {
    let s = before;
    let caps = if file.nosuid_mount { None } else { file.caps };
    // Step 2: the set-uid bit is ignored under NNP or nosuid.
    let setuid = file.setuid_root && !file.nosuid_mount && !s.no_new_privs;
    let mut euid = if setuid { 0 } else { s.euid };
    let has_fcap = caps.is_some();
    let mut effective = false;
    let mut pp = CapSet::EMPTY;
    if let Some(fc) = caps {
        pp = (s.bounding & fc.permitted) | (s.inheritable & fc.inheritable);
        effective = fc.effective;
        // Step 5: capability-dumb binaries must get everything they ask for.
        if effective && !fc.permitted.is_subset_of(pp) {
            return Err(StartFailure::ExecEperm { missing: fc.permitted.minus(pp) });
        }
    }
    // Step 6: root.
    if !s.securebits.has(Securebits::NOROOT) {
        let setuid_root_with_fcaps = has_fcap && euid == 0 && s.uid != 0;
        if !setuid_root_with_fcaps && (s.uid == 0 || euid == 0) {
            pp = s.bounding | s.inheritable;
        }
        if euid == 0 && !setuid_root_with_fcaps {
            effective = true;
        }
    }
    // Step 8: NNP caps what can be gained at the old permitted set.
    let is_setid = euid != s.uid;
    if (is_setid || !(pp | s.ambient).is_subset_of(s.permitted)) && s.no_new_privs {
        euid = s.uid;
        pp = pp & s.permitted;
    }
    // Step 10–12.
    let pa = if has_fcap || is_setid { CapSet::EMPTY } else { s.ambient };
    pp = pp | pa;
    let pe = if effective { pp } else { pa };
    Ok(ProcessState {
        uid: s.uid,
        euid,
        suid: euid,
        inheritable: s.inheritable,
        permitted: pp,
        effective: pe,
        bounding: s.bounding,
        ambient: pa,
        securebits: Securebits(s.securebits.0 & !Securebits::KEEP_CAPS),
        no_new_privs: s.no_new_privs,
    })
}

/// The first process after runc and exec.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct FirstProcess {
    pub before_exec: BeforeExec,
    pub after_exec: ProcessState,
}

pub fn first_process(
    sets: &OciSets,
    no_new_privs: bool,
    user: RunUser,
    host: CapSet,
    file: &ExecFile,
) -> Result<FirstProcess, StartFailure> {
    let before_exec = apply(sets, no_new_privs, user, host)?;
    let after_exec = kernel_exec(&before_exec.state, file)?;
    Ok(FirstProcess { before_exec, after_exec })
}

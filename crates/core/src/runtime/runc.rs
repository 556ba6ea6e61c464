//! What runc does with the OCI sets before it execs the container's first
//! program (semantics.md §7.2), then the kernel's execve transformation
//! (§1.2). The result is what `/proc/1/status` shows inside the container.

use super::{OciSets, RunUser};
use crate::exec::{ExecFile, ProcessState, Securebits, Transition};
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
pub fn apply(
    sets: &OciSets,
    no_new_privs: bool,
    user: RunUser,
    host: CapSet,
) -> Result<BeforeExec, StartFailure> {
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
    // b–c. KEEPCAPS, then setuid: leaving uid 0 keeps P but clears E and A
    // (§1.3, the exec module's set*uid fix-ups); d. KEEPCAPS off again.
    if uid != 0 {
        st.securebits = Securebits(st.securebits.0 | Securebits::KEEP_CAPS);
        let change = crate::exec::setresuid(&st, uid, uid, uid);
        // runc is uid 0 with CAP_SETUID here, so the call cannot be refused.
        if let Ok(after) = change.outcome {
            st = after;
        }
        st.securebits = st.securebits.without(Securebits::KEEP_CAPS);
    }
    // e. One capset with the spec's E, P, I (§1.4 rules).
    let mut offending = want.permitted.minus(st.permitted);
    offending = offending.union(want.effective.minus(want.permitted));
    offending = offending.union(want.inheritable.minus(st.inheritable.union(st.bounding)));
    if !st.effective.has(crate::cap::Cap::SETPCAP) {
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
    Ok(BeforeExec {
        state: st,
        warnings,
    })
}

/// The kernel's execve for the container's first program, through the exec
/// simulator (§1.2). Keeps the whole transition so views can say why.
pub fn kernel_exec(before: &ProcessState, file: &ExecFile) -> Result<Transition, StartFailure> {
    let t = crate::exec::execve(before, file);
    match &t.outcome {
        Ok(_) => Ok(t),
        Err(refusal) => Err(StartFailure::ExecEperm {
            missing: refusal.missing,
        }),
    }
}

/// The first process after runc and exec.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct FirstProcess {
    pub before_exec: BeforeExec,
    pub after_exec: ProcessState,
    /// The exec simulator's step-by-step account.
    pub exec: Transition,
}

pub fn first_process(
    sets: &OciSets,
    no_new_privs: bool,
    user: RunUser,
    host: CapSet,
    file: &ExecFile,
) -> Result<FirstProcess, StartFailure> {
    let before_exec = apply(sets, no_new_privs, user, host)?;
    let exec = kernel_exec(&before_exec.state, file)?;
    let after_exec = exec.after().copied().unwrap_or(before_exec.state);
    Ok(FirstProcess {
        before_exec,
        after_exec,
        exec,
    })
}

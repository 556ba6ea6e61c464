//! What `execve` does to a process's capability sets, as the current kernel's
//! `security/commoncap.c :: cap_bprm_creds_from_file` computes it, plus the
//! set*uid fix-ups runtimes, `su` and `setpriv` perform before exec.
//!
//! Pure: plain values in, plain values out. Every decision is recorded as a
//! [`Step`] (in the kernel's call order, semantics.md §1.2) and every
//! capability of every new set gets a [`CapReason`], so the page and the CLI
//! can explain the result without re-deriving it. Words live in
//! `caplens-words` (`exec`).
//!
//! Not modelled: group ids (set-gid files, egid changes; we assume they do
//! not change), user namespaces (uid 0 means the initial namespace's root),
//! LSMs, and file-capability xattr versions (an `ExecFile` holds the decoded
//! masks).

use crate::set::CapSet;
use serde::{Deserialize, Serialize};

pub mod examples;
pub mod reasons;
pub mod request;
mod transition;
mod uid;

pub use reasons::{CapReason, Lost, NoEffective, SetName, Source, Why};
pub use transition::{
    execve, execve_with, AmbientStep, DowngradeCause, DowngradeStep, EffectiveCause, EffectiveStep,
    EuidAfterDowngrade, FileCapsStep, Refusal, RootStep, SetidCheck, SetuidBit, Step, Transition,
};
pub use uid::{setfsuid, setresuid, setuid, FsuidChange, UidChange, UidRefusal, UidStep, FS_CAPS};

/// Securebits (`include/uapi/linux/securebits.h`), as the raw prctl value.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Securebits(pub u32);

impl Securebits {
    pub const NOROOT: u32 = 1 << 0;
    pub const NOROOT_LOCKED: u32 = 1 << 1;
    pub const NO_SETUID_FIXUP: u32 = 1 << 2;
    pub const NO_SETUID_FIXUP_LOCKED: u32 = 1 << 3;
    pub const KEEP_CAPS: u32 = 1 << 4;
    pub const KEEP_CAPS_LOCKED: u32 = 1 << 5;
    pub const NO_CAP_AMBIENT_RAISE: u32 = 1 << 6;
    pub const NO_CAP_AMBIENT_RAISE_LOCKED: u32 = 1 << 7;
    pub const EXEC_RESTRICT_FILE: u32 = 1 << 8;
    pub const EXEC_RESTRICT_FILE_LOCKED: u32 = 1 << 9;
    pub const EXEC_DENY_INTERACTIVE: u32 = 1 << 10;
    pub const EXEC_DENY_INTERACTIVE_LOCKED: u32 = 1 << 11;

    pub const fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    pub const fn without(self, bit: u32) -> Securebits {
        Securebits(self.0 & !bit)
    }
}

/// The capability-relevant state of one thread.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct ProcessState {
    pub uid: u32,
    pub euid: u32,
    /// Saved set-user-ID; equal to `euid` unless the user says otherwise.
    pub suid: u32,
    pub inheritable: CapSet,
    pub permitted: CapSet,
    pub effective: CapSet,
    pub bounding: CapSet,
    pub ambient: CapSet,
    pub securebits: Securebits,
    pub no_new_privs: bool,
}

impl ProcessState {
    /// The set named `set`.
    pub fn get(&self, set: SetName) -> CapSet {
        match set {
            SetName::Inheritable => self.inheritable,
            SetName::Permitted => self.permitted,
            SetName::Effective => self.effective,
            SetName::Bounding => self.bounding,
            SetName::Ambient => self.ambient,
        }
    }

    /// Whether the kernel itself could hold this state. It keeps
    /// pE ⊆ pP and pA ⊆ pP ∩ pI (`cap_ambient_invariant_ok`); the simulator
    /// still answers for other inputs, but callers may want to warn.
    pub fn invariant_problems(&self) -> Vec<StateProblem> {
        let mut out = Vec::new();
        let e = self.effective.minus(self.permitted);
        if !e.is_empty() {
            out.push(StateProblem::EffectiveNotPermitted(e));
        }
        let a = self
            .ambient
            .minus(self.permitted.intersect(self.inheritable));
        if !a.is_empty() {
            out.push(StateProblem::AmbientNotPermittedAndInheritable(a));
        }
        out
    }
}

/// A before-state the kernel would never produce.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum StateProblem {
    /// Effective capabilities that are not permitted.
    EffectiveNotPermitted(CapSet),
    /// Ambient capabilities that are not both permitted and inheritable.
    AmbientNotPermittedAndInheritable(CapSet),
}

/// File capabilities from the `security.capability` xattr.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct FileCaps {
    pub permitted: CapSet,
    pub inheritable: CapSet,
    /// The single effective bit (`+e`).
    pub effective: bool,
}

/// The program being executed.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct ExecFile {
    /// Owned by uid 0 with the set-user-ID bit.
    pub setuid_root: bool,
    /// `None`: no `security.capability` xattr at all.
    pub caps: Option<FileCaps>,
    /// The file lives on a `nosuid` mount (set-uid bit and file caps ignored).
    pub nosuid_mount: bool,
}

/// Which definition of "set-id exec" to use (semantics.md §1.2 steps 8, 10, 16).
///
/// Linux 6.18 behaves as [`SetidRule::Current`]: checked by the kernel
/// differential test (`tests/kernel_exec.rs`), where a process with real uid 0
/// and effective uid 1000 under no_new_privs keeps euid 1000 and its ambient
/// set across exec.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub enum SetidRule {
    /// Compare the new effective uid with the old *effective* uid (2025 kernels).
    #[default]
    Current,
    /// Compare the new effective uid with the old *real* uid (before 2025).
    Pre2025,
}

/// Whether the exec happens under ptrace, and by whom (semantics.md §1.2 step 8).
/// What counts is the credential recorded when tracing began: the tracer's
/// for PTRACE_ATTACH, but the tracee's own for PTRACE_TRACEME.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub enum Tracer {
    #[default]
    None,
    /// Traced by a process that holds CAP_SYS_PTRACE: no restriction.
    Capable,
    /// Traced by a process without CAP_SYS_PTRACE: privilege gains are cut.
    Unprivileged,
}

/// Conditions of the exec beyond the process state and the file.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct ExecOptions {
    pub rule: SetidRule,
    pub tracer: Tracer,
    /// The filesystem context (`fs_struct`) is shared with another process
    /// (`clone(CLONE_FS)`), which the kernel treats as unsafe.
    pub shared_fs: bool,
}

#[cfg(test)]
mod tests;

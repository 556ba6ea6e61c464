//! What `execve` does to a process's capability sets, as
//! `security/commoncap.c :: cap_bprm_creds_from_file` computes it, plus the
//! set*uid fix-ups runtimes perform before exec.
//!
//! SKELETON: the types below are the agreed interface; the engine is being
//! written (issue 3).

use crate::set::CapSet;
use serde::{Deserialize, Serialize};

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

    pub const fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
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

/// Which definition of "set-id exec" to use (semantics.md §1.2 step 10).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub enum SetidRule {
    /// Compare the new effective uid with the old *effective* uid (2025 kernels).
    #[default]
    Current,
    /// Compare the new effective uid with the old *real* uid (before 2025).
    Pre2025,
}

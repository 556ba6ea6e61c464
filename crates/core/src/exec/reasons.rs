//! Per-capability reasons: for every capability worth mentioning in every new
//! set, which term of the kernel's formula put it there, or why it is absent.

use super::transition::{DowngradeCause, EffectiveCause, Refusal, RootStep, Work};
use super::ProcessState;
use crate::set::CapSet;
use serde::Serialize;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, PartialOrd, Ord, Hash)]
pub enum SetName {
    Inheritable,
    Permitted,
    Effective,
    Bounding,
    Ambient,
}

impl SetName {
    /// In the order `/proc/PID/status` prints them.
    pub const ALL: [SetName; 5] = [
        SetName::Inheritable,
        SetName::Permitted,
        SetName::Effective,
        SetName::Bounding,
        SetName::Ambient,
    ];
}

/// A term of `pP' = (X & fP) | (pI & fI) | pA'` (or of the root rule `X | pI`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum Source {
    /// `X & fP`: in the bounding set and in the file's permitted set.
    FileBounding,
    /// `pI & fI`: in the process's and the file's inheritable sets.
    FileInheritable,
    /// `pA'`: the ambient set survived the exec.
    Ambient,
    /// Root rule, `X` part.
    RootBounding,
    /// Root rule, `pI` part.
    RootInheritable,
}

/// Why a capability is absent after the exec.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum Lost {
    /// The file's permitted set asks for it but the bounding set lacks it
    /// (and `pI & fI` does not supply it either).
    NotInBounding,
    /// The file's inheritable set offers it but the process's inheritable set lacks it.
    NotInInheritable,
    /// It would have been granted, but the exec was unsafe (no_new_privs,
    /// ptrace, shared fs) and the process did not already have it.
    Downgraded(DowngradeCause),
    /// It was ambient, and ambient was cleared.
    AmbientCleared { file_caps: bool, setid: bool },
    /// Root would have received it, but SECBIT_NOROOT is set.
    NorootSkipped,
    /// The file's capabilities are ignored on a nosuid mount.
    FileCapsIgnoredNosuid,
    /// The process had it, but exec computes the permitted set afresh and no
    /// term grants it again.
    NotRegranted,
    /// Permitted but not effective: nothing sets the effective flag.
    NotEffective(NoEffective),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum NoEffective {
    /// The file has capabilities but no effective bit (`+p` without `+e`):
    /// only a program that raises its own capabilities can use them.
    FileWithoutEffectiveBit,
    /// Only the real uid is 0; the root rule fills permitted but not effective.
    RealRootOnly,
    /// No file effective bit and no root effective uid.
    NothingRaisesIt,
}

#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub enum Why {
    /// Exec never changes the inheritable and bounding sets.
    Unchanged,
    /// In the new permitted set, through these terms.
    Permitted(Vec<Source>),
    /// `pE' = pP'`, because of this.
    Effective(EffectiveCause),
    /// `pE' = pA'`: effective only because it is ambient.
    EffectiveFromAmbient,
    /// The ambient set is kept across this exec.
    AmbientKept,
    Absent(Lost),
}

#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct CapReason {
    pub set: SetName,
    pub cap: u8,
    /// In this set before the exec.
    pub before: bool,
    /// In this set after the exec.
    pub after: bool,
    pub why: Why,
}

pub(super) fn for_refusal(r: &Refusal) -> Vec<CapReason> {
    r.missing
        .iter()
        .map(|cap| CapReason {
            set: SetName::Permitted,
            cap,
            before: false,
            after: false,
            why: Why::Absent(Lost::NotInBounding),
        })
        .collect()
}

pub(super) fn for_transition(old: &ProcessState, new: &ProcessState, w: &Work) -> Vec<CapReason> {
    let mut out = Vec::new();
    let file_bits = w
        .file
        .map_or(CapSet::EMPTY, |f| f.permitted.union(f.inheritable));
    for set in SetName::ALL {
        let before = old.get(set);
        let after = new.get(set);
        let candidates = match set {
            SetName::Inheritable | SetName::Bounding | SetName::Ambient => before.union(after),
            SetName::Permitted => before
                .union(after)
                .union(file_bits)
                .union(w.proposed)
                .union(old.ambient)
                .union(w.ignored_file_bits),
            SetName::Effective => before.union(after).union(new.permitted),
        };
        for cap in candidates.iter() {
            let why = if after.contains(cap) {
                present(set, cap, new, w)
            } else {
                Why::Absent(absent(set, cap, old, new, w))
            };
            out.push(CapReason {
                set,
                cap,
                before: before.contains(cap),
                after: after.contains(cap),
                why,
            });
        }
    }
    out
}

fn present(set: SetName, cap: u8, new: &ProcessState, w: &Work) -> Why {
    match set {
        SetName::Inheritable | SetName::Bounding => Why::Unchanged,
        SetName::Ambient => Why::AmbientKept,
        SetName::Effective => match w.effective {
            Some(cause) => Why::Effective(cause),
            None => Why::EffectiveFromAmbient,
        },
        SetName::Permitted => {
            let mut by = Vec::new();
            if w.proposed.contains(cap) {
                if let Some(RootStep::Applied {
                    bounding,
                    inheritable,
                    ..
                }) = w.root
                {
                    if bounding.contains(cap) {
                        by.push(Source::RootBounding);
                    }
                    if inheritable.contains(cap) {
                        by.push(Source::RootInheritable);
                    }
                } else {
                    if w.from_bounding.contains(cap) {
                        by.push(Source::FileBounding);
                    }
                    if w.from_inheritable.contains(cap) {
                        by.push(Source::FileInheritable);
                    }
                }
            }
            // A capability the downgrade cut can still come back through pA'.
            if new.ambient.contains(cap) {
                by.push(Source::Ambient);
            }
            Why::Permitted(by)
        }
    }
}

fn absent(set: SetName, cap: u8, old: &ProcessState, new: &ProcessState, w: &Work) -> Lost {
    match set {
        // Unreachable for these two (they never change), but answer sensibly.
        SetName::Inheritable | SetName::Bounding => Lost::NotRegranted,
        SetName::Ambient => {
            let (file_caps, setid) = w.ambient_cleared.unwrap_or((false, false));
            Lost::AmbientCleared { file_caps, setid }
        }
        SetName::Effective => {
            if new.permitted.contains(cap) {
                Lost::NotEffective(
                    if w.file.is_some() && !w.file.is_some_and(|f| f.effective) {
                        NoEffective::FileWithoutEffectiveBit
                    } else if matches!(
                        w.root,
                        Some(RootStep::Applied {
                            effective_root: false,
                            ..
                        })
                    ) {
                        NoEffective::RealRootOnly
                    } else {
                        NoEffective::NothingRaisesIt
                    },
                )
            } else {
                permitted_absent(cap, old, w)
            }
        }
        SetName::Permitted => permitted_absent(cap, old, w),
    }
}

fn permitted_absent(cap: u8, old: &ProcessState, w: &Work) -> Lost {
    if let (Some(cause), true) = (w.downgrade, w.proposed.contains(cap)) {
        return Lost::Downgraded(cause);
    }
    let root_applied = matches!(w.root, Some(RootStep::Applied { .. }));
    if let (Some(f), false) = (w.file, root_applied) {
        if f.permitted.contains(cap) && !old.bounding.contains(cap) {
            return Lost::NotInBounding;
        }
        if f.inheritable.contains(cap) && !old.inheritable.contains(cap) {
            return Lost::NotInInheritable;
        }
    }
    if old.ambient.contains(cap) {
        if let Some((file_caps, setid)) = w.ambient_cleared {
            return Lost::AmbientCleared { file_caps, setid };
        }
    }
    if w.noroot_skipped && old.bounding.union(old.inheritable).contains(cap) {
        return Lost::NorootSkipped;
    }
    if w.ignored_file_bits.contains(cap) {
        return Lost::FileCapsIgnoredNosuid;
    }
    Lost::NotRegranted
}

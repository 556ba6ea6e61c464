//! The execve transition itself, step by step in the order
//! `cap_bprm_creds_from_file` runs them (semantics.md §1.2).

use super::reasons::{self, CapReason};
use super::{ExecFile, ExecOptions, ProcessState, Securebits, SetidRule, Tracer};
use crate::cap::Cap;
use crate::set::CapSet;
use serde::Serialize;

/// One decision of the kernel, with the values it used.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum Step {
    /// §1.2 step 2: the file's set-user-ID bit.
    SetuidBit(SetuidBit),
    /// §1.2 steps 3–5: the file-capability formula `pP' = (X & fP) | (pI & fI)`.
    FileCaps(FileCapsStep),
    /// §1.2 step 5: the file has the effective bit but not all of its
    /// permitted set could be granted; execve fails with EPERM.
    Refused(Refusal),
    /// §1.2 step 6: the root special case.
    Root(RootStep),
    /// §1.2 steps 8/10: whether this exec counts as changing ids.
    SetidCheck(SetidCheck),
    /// §1.2 step 8: the no_new_privs / ptrace / shared-fs downgrade.
    Downgrade(DowngradeStep),
    /// §1.2 step 9: saved uid (and fsuid) follow the effective uid.
    Ids { uid: u32, euid: u32, suid: u32 },
    /// §1.2 step 10.
    Ambient(AmbientStep),
    /// §1.2 step 11: `pP' = pP' | pA'`.
    PermittedPlusAmbient {
        permitted: CapSet,
        ambient: CapSet,
        result: CapSet,
    },
    /// §1.2 step 12.
    Effective(EffectiveStep),
    /// §1.2 step 13: exec never changes these two.
    Unchanged {
        inheritable: CapSet,
        bounding: CapSet,
    },
    /// §1.2 step 14: SECBIT_KEEP_CAPS is cleared by every exec.
    KeepCapsCleared { was_set: bool, securebits: u32 },
    /// §1.2 step 16: the loader runs in secure mode (AT_SECURE: LD_PRELOAD
    /// and similar environment variables are ignored).
    SecureExec {
        secure: bool,
        setid: bool,
        file_effective_or_gain: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum SetuidBit {
    NotSet,
    /// The effective uid becomes 0 (the file's owner).
    Honoured {
        old_euid: u32,
    },
    IgnoredNosuid,
    IgnoredNoNewPrivs,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum FileCapsStep {
    /// No `security.capability` attribute: pP' starts empty.
    Absent,
    /// The file has capabilities but the mount is nosuid: treated as absent.
    IgnoredNosuid,
    Computed {
        file_permitted: CapSet,
        file_inheritable: CapSet,
        file_effective: bool,
        bounding: CapSet,
        inheritable: CapSet,
        /// `X & fP`
        from_bounding: CapSet,
        /// `pI & fI`
        from_inheritable: CapSet,
        /// The union of the two.
        permitted: CapSet,
    },
}

/// Why execve failed with EPERM.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct Refusal {
    pub file_permitted: CapSet,
    /// `(X & fP) | (pI & fI)`
    pub granted: CapSet,
    /// `fP` bits that are not in `granted`.
    pub missing: CapSet,
    pub bounding: CapSet,
    pub inheritable: CapSet,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum RootStep {
    /// Neither the real nor the (new) effective uid is 0.
    NotRoot,
    /// SECBIT_NOROOT is set: uid 0 gets nothing special.
    SkippedNoroot {
        real_root: bool,
        effective_root: bool,
    },
    /// New effective uid 0, real uid not 0, and the file has capabilities:
    /// the file capabilities are used as they are (the kernel logs a warning
    /// once about "setuid-root and effective capabilities").
    FileCapsWin { setuid_bit: bool },
    /// `pP' = X | pI`; `effective` is true when the (new) effective uid is 0.
    Applied {
        real_root: bool,
        effective_root: bool,
        bounding: CapSet,
        inheritable: CapSet,
        permitted: CapSet,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct SetidCheck {
    pub rule: SetidRule,
    pub old_uid: u32,
    pub old_euid: u32,
    pub new_euid: u32,
    /// What the chosen rule says.
    pub changed: bool,
    /// What the other rule would say (differs only when uid != euid before).
    pub other_rule_changed: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum DowngradeCause {
    NoNewPrivs,
    SharedFs,
    UnprivilegedTracer,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum EuidAfterDowngrade {
    /// It already equals the real uid.
    Unchanged,
    /// Set back to the real uid.
    Reverted { from: u32, to: u32 },
    /// Kept: the caller has CAP_SETUID and no_new_privs is not set.
    KeptCapSetuid,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum DowngradeStep {
    /// Neither the ids change nor does the permitted set grow.
    NothingGained,
    /// Something would be gained, but nothing makes the exec unsafe.
    NotRestricted { gained: CapSet, ids_changed: bool },
    Applied {
        cause: DowngradeCause,
        ids_changed: bool,
        gained: CapSet,
        /// pP' before the cut.
        proposed: CapSet,
        /// The old pP that caps it.
        old_permitted: CapSet,
        permitted: CapSet,
        euid: EuidAfterDowngrade,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum AmbientStep {
    Kept(CapSet),
    Cleared {
        lost: CapSet,
        file_caps: bool,
        setid: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum EffectiveCause {
    /// The file's effective bit.
    FileEffectiveBit,
    /// The (new) effective uid is 0 and the root rule applied.
    RootEuid,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum EffectiveStep {
    /// `pE' = pP'`
    AllPermitted {
        cause: EffectiveCause,
        effective: CapSet,
    },
    /// `pE' = pA'`
    AmbientOnly { effective: CapSet },
}

/// Everything about one simulated exec.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Transition {
    pub before: ProcessState,
    pub file: ExecFile,
    pub options: ExecOptions,
    /// The new state, or EPERM (the process keeps `before`).
    pub outcome: Result<ProcessState, Refusal>,
    pub trace: Vec<Step>,
    /// One entry per (set, capability) worth mentioning.
    pub reasons: Vec<CapReason>,
}

impl Transition {
    pub fn after(&self) -> Option<&ProcessState> {
        self.outcome.as_ref().ok()
    }
}

/// Simulates execve on the current kernel (no ptrace, no shared fs).
pub fn execve(before: &ProcessState, file: &ExecFile) -> Transition {
    execve_with(before, file, &ExecOptions::default())
}

/// The values the kernel computes on the way, kept for the reasons.
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct Work {
    /// File caps honoured (present and not ignored).
    pub file: Option<super::FileCaps>,
    pub from_bounding: CapSet,
    pub from_inheritable: CapSet,
    pub root: Option<RootStep>,
    /// pP' before the downgrade.
    pub proposed: CapSet,
    pub downgrade: Option<DowngradeCause>,
    pub ambient_cleared: Option<(bool, bool)>,
    pub effective: Option<EffectiveCause>,
    pub noroot_skipped: bool,
    /// `fP | fI` of a file whose capabilities a nosuid mount hid.
    pub ignored_file_bits: CapSet,
}

pub fn execve_with(before: &ProcessState, file: &ExecFile, options: &ExecOptions) -> Transition {
    let old = *before;
    let mut trace = Vec::new();
    let mut w = Work::default();
    let x = old.bounding;
    let pi = old.inheritable;

    // Step 2: bprm_fill_uid.
    let mut new_euid = old.euid;
    let setuid_bit = if !file.setuid_root {
        SetuidBit::NotSet
    } else if file.nosuid_mount {
        SetuidBit::IgnoredNosuid
    } else if old.no_new_privs {
        SetuidBit::IgnoredNoNewPrivs
    } else {
        new_euid = 0;
        SetuidBit::Honoured { old_euid: old.euid }
    };
    trace.push(Step::SetuidBit(setuid_bit));

    // Steps 3-5: get_file_caps.
    let mut permitted = CapSet::EMPTY;
    let mut effective = false;
    let has_fcap;
    match (file.caps, file.nosuid_mount) {
        (None, _) => {
            has_fcap = false;
            trace.push(Step::FileCaps(FileCapsStep::Absent));
        }
        (Some(fc), true) => {
            has_fcap = false;
            w.ignored_file_bits = fc.permitted.union(fc.inheritable);
            trace.push(Step::FileCaps(FileCapsStep::IgnoredNosuid));
        }
        (Some(fc), false) => {
            has_fcap = true;
            effective = fc.effective;
            w.file = Some(fc);
            w.from_bounding = x.intersect(fc.permitted);
            w.from_inheritable = pi.intersect(fc.inheritable);
            permitted = w.from_bounding.union(w.from_inheritable);
            trace.push(Step::FileCaps(FileCapsStep::Computed {
                file_permitted: fc.permitted,
                file_inheritable: fc.inheritable,
                file_effective: fc.effective,
                bounding: x,
                inheritable: pi,
                from_bounding: w.from_bounding,
                from_inheritable: w.from_inheritable,
                permitted,
            }));
            let missing = fc.permitted.minus(permitted);
            // Only binaries with the effective bit are refused: they cannot
            // notice that they run with less than they were given.
            if fc.effective && !missing.is_empty() {
                let refusal = Refusal {
                    file_permitted: fc.permitted,
                    granted: permitted,
                    missing,
                    bounding: x,
                    inheritable: pi,
                };
                trace.push(Step::Refused(refusal));
                let reasons = reasons::for_refusal(&refusal);
                return Transition {
                    before: old,
                    file: *file,
                    options: *options,
                    outcome: Err(refusal),
                    trace,
                    reasons,
                };
            }
        }
    }

    // Step 6: handle_privileged_root.
    let real_root = old.uid == 0;
    let effective_root = new_euid == 0;
    let root = if !real_root && !effective_root {
        RootStep::NotRoot
    } else if old.securebits.has(Securebits::NOROOT) {
        w.noroot_skipped = true;
        RootStep::SkippedNoroot {
            real_root,
            effective_root,
        }
    } else if has_fcap && !real_root && effective_root {
        RootStep::FileCapsWin {
            setuid_bit: matches!(setuid_bit, SetuidBit::Honoured { .. }),
        }
    } else {
        permitted = x.union(pi);
        if effective_root {
            effective = true;
            w.effective = Some(EffectiveCause::RootEuid);
        }
        RootStep::Applied {
            real_root,
            effective_root,
            bounding: x,
            inheritable: pi,
            permitted,
        }
    };
    if effective && w.effective.is_none() {
        w.effective = Some(EffectiveCause::FileEffectiveBit);
    }
    w.root = Some(root);
    trace.push(Step::Root(root));

    // Step 8: is_setid (pre-2025) / id_changed (current). Group ids are not
    // modelled, so only the uid comparison counts.
    let current_rule = new_euid != old.euid;
    let old_rule = new_euid != old.uid;
    let (ids_changed, other) = match options.rule {
        SetidRule::Current => (current_rule, old_rule),
        SetidRule::Pre2025 => (old_rule, current_rule),
    };
    trace.push(Step::SetidCheck(SetidCheck {
        rule: options.rule,
        old_uid: old.uid,
        old_euid: old.euid,
        new_euid,
        changed: ids_changed,
        other_rule_changed: other,
    }));

    w.proposed = permitted;
    let gained = permitted.minus(old.permitted);
    let cause = if old.no_new_privs {
        Some(DowngradeCause::NoNewPrivs)
    } else if options.shared_fs {
        Some(DowngradeCause::SharedFs)
    } else if options.tracer == Tracer::Unprivileged {
        Some(DowngradeCause::UnprivilegedTracer)
    } else {
        None
    };
    let downgrade = if !ids_changed && gained.is_empty() {
        DowngradeStep::NothingGained
    } else if let Some(cause) = cause {
        let may_keep_euid = old.effective.has(Cap::SETUID) && !old.no_new_privs;
        let euid = if may_keep_euid {
            EuidAfterDowngrade::KeptCapSetuid
        } else if new_euid == old.uid {
            EuidAfterDowngrade::Unchanged
        } else {
            let from = new_euid;
            new_euid = old.uid;
            EuidAfterDowngrade::Reverted { from, to: old.uid }
        };
        permitted = permitted.intersect(old.permitted);
        w.downgrade = Some(cause);
        DowngradeStep::Applied {
            cause,
            ids_changed,
            gained,
            proposed: w.proposed,
            old_permitted: old.permitted,
            permitted,
            euid,
        }
    } else {
        DowngradeStep::NotRestricted {
            gained,
            ids_changed,
        }
    };
    trace.push(Step::Downgrade(downgrade));

    // Step 9.
    let suid = new_euid;
    trace.push(Step::Ids {
        uid: old.uid,
        euid: new_euid,
        suid,
    });

    // Step 10.
    let ambient = if has_fcap || ids_changed {
        w.ambient_cleared = Some((has_fcap, ids_changed));
        trace.push(Step::Ambient(AmbientStep::Cleared {
            lost: old.ambient,
            file_caps: has_fcap,
            setid: ids_changed,
        }));
        CapSet::EMPTY
    } else {
        trace.push(Step::Ambient(AmbientStep::Kept(old.ambient)));
        old.ambient
    };

    // Step 11.
    let before_amb = permitted;
    permitted = permitted.union(ambient);
    trace.push(Step::PermittedPlusAmbient {
        permitted: before_amb,
        ambient,
        result: permitted,
    });

    // Step 12.
    let new_effective = if effective {
        let cause = w.effective.unwrap_or(EffectiveCause::FileEffectiveBit);
        trace.push(Step::Effective(EffectiveStep::AllPermitted {
            cause,
            effective: permitted,
        }));
        permitted
    } else {
        trace.push(Step::Effective(EffectiveStep::AmbientOnly {
            effective: ambient,
        }));
        ambient
    };

    // Step 13.
    trace.push(Step::Unchanged {
        inheritable: pi,
        bounding: x,
    });

    // Step 14.
    let securebits = old.securebits.without(Securebits::KEEP_CAPS);
    trace.push(Step::KeepCapsCleared {
        was_set: old.securebits.has(Securebits::KEEP_CAPS),
        securebits: securebits.0,
    });

    // Step 16. Since the 2025 change the kernel also keeps the old
    // "effective uid differs from the real uid" test here, so the loader's
    // secure mode did not change meaning.
    let setid = match options.rule {
        SetidRule::Current => ids_changed || new_euid != old.uid,
        SetidRule::Pre2025 => ids_changed,
    };
    let beyond = old.uid != 0 && (effective || !permitted.is_subset_of(ambient));
    trace.push(Step::SecureExec {
        secure: setid || beyond,
        setid,
        file_effective_or_gain: beyond,
    });

    let after = ProcessState {
        uid: old.uid,
        euid: new_euid,
        suid,
        inheritable: pi,
        permitted,
        effective: new_effective,
        bounding: x,
        ambient,
        securebits,
        no_new_privs: old.no_new_privs,
    };
    let reasons = reasons::for_transition(&old, &after, &w);
    Transition {
        before: old,
        file: *file,
        options: *options,
        outcome: Ok(after),
        trace,
        reasons,
    }
}

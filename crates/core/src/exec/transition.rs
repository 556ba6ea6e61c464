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

/// Simulates execve with the given kernel rule and circumstances: one
/// method per step of `cap_bprm_creds_from_file`, in the kernel's order.
pub fn execve_with(before: &ProcessState, file: &ExecFile, options: &ExecOptions) -> Transition {
    let mut b = Bprm::new(before, options);
    b.setuid_bit(file);
    if let Err(refusal) = b.file_caps(file) {
        return b.refused(file, refusal);
    }
    b.root();
    b.setid_check();
    b.downgrade();
    b.ids();
    b.ambient();
    b.permitted_plus_ambient();
    b.effective();
    b.unchanged();
    b.keep_caps_cleared();
    b.secure_exec();
    b.done(file)
}

/// The exec in flight, like the kernel's `linux_binprm`: the old state, the
/// new values as far as the steps so far have computed them, and the trace.
struct Bprm<'a> {
    old: ProcessState,
    options: &'a ExecOptions,
    trace: Vec<Step>,
    w: Work,
    setuid_bit: SetuidBit,
    new_euid: u32,
    /// pP' as computed so far.
    permitted: CapSet,
    /// Whether pE' will be the whole of pP' (file effective bit or root).
    effective: bool,
    /// The file's capabilities are honoured.
    has_fcap: bool,
    ids_changed: bool,
    ambient: CapSet,
    new_effective: CapSet,
    securebits: Securebits,
}

impl<'a> Bprm<'a> {
    fn new(before: &ProcessState, options: &'a ExecOptions) -> Bprm<'a> {
        Bprm {
            old: *before,
            options,
            trace: Vec::new(),
            w: Work::default(),
            setuid_bit: SetuidBit::NotSet,
            new_euid: before.euid,
            permitted: CapSet::EMPTY,
            effective: false,
            has_fcap: false,
            ids_changed: false,
            ambient: CapSet::EMPTY,
            new_effective: CapSet::EMPTY,
            securebits: before.securebits,
        }
    }

    /// Step 2: bprm_fill_uid.
    fn setuid_bit(&mut self, file: &ExecFile) {
        let old = &self.old;
        self.setuid_bit = if !file.setuid_root {
            SetuidBit::NotSet
        } else if file.nosuid_mount {
            SetuidBit::IgnoredNosuid
        } else if old.no_new_privs {
            SetuidBit::IgnoredNoNewPrivs
        } else {
            self.new_euid = 0;
            SetuidBit::Honoured { old_euid: old.euid }
        };
        self.trace.push(Step::SetuidBit(self.setuid_bit));
    }

    /// Steps 3-5: get_file_caps. EPERM when a file with the effective bit
    /// would get less than its permitted set.
    fn file_caps(&mut self, file: &ExecFile) -> Result<(), Refusal> {
        let (x, pi) = (self.old.bounding, self.old.inheritable);
        let fc = match (file.caps, file.nosuid_mount) {
            (None, _) => {
                self.trace.push(Step::FileCaps(FileCapsStep::Absent));
                return Ok(());
            }
            (Some(fc), true) => {
                self.w.ignored_file_bits = fc.permitted.union(fc.inheritable);
                self.trace.push(Step::FileCaps(FileCapsStep::IgnoredNosuid));
                return Ok(());
            }
            (Some(fc), false) => fc,
        };
        self.has_fcap = true;
        self.effective = fc.effective;
        self.w.file = Some(fc);
        self.w.from_bounding = x.intersect(fc.permitted);
        self.w.from_inheritable = pi.intersect(fc.inheritable);
        self.permitted = self.w.from_bounding.union(self.w.from_inheritable);
        self.trace.push(Step::FileCaps(FileCapsStep::Computed {
            file_permitted: fc.permitted,
            file_inheritable: fc.inheritable,
            file_effective: fc.effective,
            bounding: x,
            inheritable: pi,
            from_bounding: self.w.from_bounding,
            from_inheritable: self.w.from_inheritable,
            permitted: self.permitted,
        }));
        let missing = fc.permitted.minus(self.permitted);
        // Only binaries with the effective bit are refused: they cannot
        // notice that they run with less than they were given.
        if fc.effective && !missing.is_empty() {
            return Err(Refusal {
                file_permitted: fc.permitted,
                granted: self.permitted,
                missing,
                bounding: x,
                inheritable: pi,
            });
        }
        Ok(())
    }

    /// The exec fails with EPERM; the process keeps its old state.
    fn refused(mut self, file: &ExecFile, refusal: Refusal) -> Transition {
        self.trace.push(Step::Refused(refusal));
        Transition {
            before: self.old,
            file: *file,
            options: *self.options,
            outcome: Err(refusal),
            trace: self.trace,
            reasons: reasons::for_refusal(&refusal),
        }
    }

    /// Step 6: handle_privileged_root.
    fn root(&mut self) {
        let (x, pi) = (self.old.bounding, self.old.inheritable);
        let real_root = self.old.uid == 0;
        let effective_root = self.new_euid == 0;
        let root = if !real_root && !effective_root {
            RootStep::NotRoot
        } else if self.old.securebits.has(Securebits::NOROOT) {
            self.w.noroot_skipped = true;
            RootStep::SkippedNoroot {
                real_root,
                effective_root,
            }
        } else if self.has_fcap && !real_root && effective_root {
            RootStep::FileCapsWin {
                setuid_bit: matches!(self.setuid_bit, SetuidBit::Honoured { .. }),
            }
        } else {
            self.permitted = x.union(pi);
            if effective_root {
                self.effective = true;
                self.w.effective = Some(EffectiveCause::RootEuid);
            }
            RootStep::Applied {
                real_root,
                effective_root,
                bounding: x,
                inheritable: pi,
                permitted: self.permitted,
            }
        };
        if self.effective && self.w.effective.is_none() {
            self.w.effective = Some(EffectiveCause::FileEffectiveBit);
        }
        self.w.root = Some(root);
        self.trace.push(Step::Root(root));
    }

    /// Step 8, first half: is_setid (pre-2025) / id_changed (current).
    /// Group ids are not modelled, so only the uid comparison counts.
    fn setid_check(&mut self) {
        let old = &self.old;
        let current_rule = self.new_euid != old.euid;
        let old_rule = self.new_euid != old.uid;
        let (ids_changed, other) = match self.options.rule {
            SetidRule::Current => (current_rule, old_rule),
            SetidRule::Pre2025 => (old_rule, current_rule),
        };
        self.ids_changed = ids_changed;
        self.trace.push(Step::SetidCheck(SetidCheck {
            rule: self.options.rule,
            old_uid: old.uid,
            old_euid: old.euid,
            new_euid: self.new_euid,
            changed: ids_changed,
            other_rule_changed: other,
        }));
    }

    /// What makes this exec unsafe to gain privileges in, if anything.
    fn downgrade_cause(&self) -> Option<DowngradeCause> {
        if self.old.no_new_privs {
            Some(DowngradeCause::NoNewPrivs)
        } else if self.options.shared_fs {
            Some(DowngradeCause::SharedFs)
        } else if self.options.tracer == Tracer::Unprivileged {
            Some(DowngradeCause::UnprivilegedTracer)
        } else {
            None
        }
    }

    /// Step 8, second half: the no_new_privs / ptrace / shared-fs downgrade.
    fn downgrade(&mut self) {
        let old = self.old;
        self.w.proposed = self.permitted;
        let gained = self.permitted.minus(old.permitted);
        let ids_changed = self.ids_changed;
        let downgrade = if !ids_changed && gained.is_empty() {
            DowngradeStep::NothingGained
        } else if let Some(cause) = self.downgrade_cause() {
            let may_keep_euid = old.effective.has(Cap::SETUID) && !old.no_new_privs;
            let euid = if may_keep_euid {
                EuidAfterDowngrade::KeptCapSetuid
            } else if self.new_euid == old.uid {
                EuidAfterDowngrade::Unchanged
            } else {
                let from = self.new_euid;
                self.new_euid = old.uid;
                EuidAfterDowngrade::Reverted { from, to: old.uid }
            };
            self.permitted = self.permitted.intersect(old.permitted);
            self.w.downgrade = Some(cause);
            DowngradeStep::Applied {
                cause,
                ids_changed,
                gained,
                proposed: self.w.proposed,
                old_permitted: old.permitted,
                permitted: self.permitted,
                euid,
            }
        } else {
            DowngradeStep::NotRestricted {
                gained,
                ids_changed,
            }
        };
        self.trace.push(Step::Downgrade(downgrade));
    }

    /// Step 9: the saved uid follows the effective uid.
    fn ids(&mut self) {
        self.trace.push(Step::Ids {
            uid: self.old.uid,
            euid: self.new_euid,
            suid: self.new_euid,
        });
    }

    /// Step 10: file capabilities or changed ids clear the ambient set.
    fn ambient(&mut self) {
        let old_ambient = self.old.ambient;
        if self.has_fcap || self.ids_changed {
            self.w.ambient_cleared = Some((self.has_fcap, self.ids_changed));
            self.trace.push(Step::Ambient(AmbientStep::Cleared {
                lost: old_ambient,
                file_caps: self.has_fcap,
                setid: self.ids_changed,
            }));
            self.ambient = CapSet::EMPTY;
        } else {
            self.trace
                .push(Step::Ambient(AmbientStep::Kept(old_ambient)));
            self.ambient = old_ambient;
        }
    }

    /// Step 11: `pP' = pP' | pA'`.
    fn permitted_plus_ambient(&mut self) {
        let before_amb = self.permitted;
        self.permitted = self.permitted.union(self.ambient);
        self.trace.push(Step::PermittedPlusAmbient {
            permitted: before_amb,
            ambient: self.ambient,
            result: self.permitted,
        });
    }

    /// Step 12: `pE' = pP'` or `pE' = pA'`.
    fn effective(&mut self) {
        self.new_effective = if self.effective {
            let cause = self.w.effective.unwrap_or(EffectiveCause::FileEffectiveBit);
            self.trace
                .push(Step::Effective(EffectiveStep::AllPermitted {
                    cause,
                    effective: self.permitted,
                }));
            self.permitted
        } else {
            self.trace.push(Step::Effective(EffectiveStep::AmbientOnly {
                effective: self.ambient,
            }));
            self.ambient
        };
    }

    /// Step 13: exec never changes the inheritable and bounding sets.
    fn unchanged(&mut self) {
        self.trace.push(Step::Unchanged {
            inheritable: self.old.inheritable,
            bounding: self.old.bounding,
        });
    }

    /// Step 14: SECBIT_KEEP_CAPS is cleared by every exec.
    fn keep_caps_cleared(&mut self) {
        self.securebits = self.old.securebits.without(Securebits::KEEP_CAPS);
        self.trace.push(Step::KeepCapsCleared {
            was_set: self.old.securebits.has(Securebits::KEEP_CAPS),
            securebits: self.securebits.0,
        });
    }

    /// Step 16: the loader's secure mode. Since the 2025 change the kernel
    /// also keeps the old "effective uid differs from the real uid" test
    /// here, so secure mode did not change meaning.
    fn secure_exec(&mut self) {
        let old = &self.old;
        let setid = match self.options.rule {
            SetidRule::Current => self.ids_changed || self.new_euid != old.uid,
            SetidRule::Pre2025 => self.ids_changed,
        };
        let beyond = old.uid != 0 && (self.effective || !self.permitted.is_subset_of(self.ambient));
        self.trace.push(Step::SecureExec {
            secure: setid || beyond,
            setid,
            file_effective_or_gain: beyond,
        });
    }

    /// The new state, with the reasons worked out from the steps' values.
    fn done(self, file: &ExecFile) -> Transition {
        let old = self.old;
        let after = ProcessState {
            uid: old.uid,
            euid: self.new_euid,
            suid: self.new_euid,
            inheritable: old.inheritable,
            permitted: self.permitted,
            effective: self.new_effective,
            bounding: old.bounding,
            ambient: self.ambient,
            securebits: self.securebits,
            no_new_privs: old.no_new_privs,
        };
        let reasons = reasons::for_transition(&old, &after, &self.w);
        Transition {
            before: old,
            file: *file,
            options: *self.options,
            outcome: Ok(after),
            trace: self.trace,
            reasons,
        }
    }
}

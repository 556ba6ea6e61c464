//! What the lines of one input said, collected, and the `Report` made from
//! it: which kind of text it was, and the notes about the whole.

use super::{
    error, to_u32, Ids, InputError, InputErrorKind, Note, Report, SeccompMode, SetEntry, SetKind,
    SourceKind, MAX_LISTED_LINES, MAX_MASKS,
};
use crate::exec::Securebits;
use crate::mask;
use crate::set::CapSet;

#[derive(Default)]
pub(super) struct Builder {
    pub(super) entries: Vec<SetEntry>,
    pub(super) no_new_privs: Option<bool>,
    pub(super) seccomp: Option<SeccompMode>,
    pub(super) uid: Option<Ids>,
    pub(super) gid: Option<Ids>,
    pub(super) securebits: Option<Securebits>,
    pub(super) notes: Vec<Note>,
    pub(super) saw_cap_lines: bool,
    pub(super) saw_status_only: bool,
    pub(super) saw_capsh_print: bool,
    pub(super) saw_getpcaps: Option<u32>,
    pub(super) saw_capsh_decode: bool,
    pub(super) saw_bare: bool,
    pub(super) recognised: usize,
    pub(super) ignored: Vec<u32>,
}

impl Builder {
    pub(super) fn add(
        &mut self,
        kind: Option<SetKind>,
        caps: CapSet,
        line: u32,
    ) -> Result<(), InputError> {
        if let Some(k) = kind {
            if let Some(prev) = self.entries.iter().find(|e| e.kind == Some(k)) {
                if prev.caps != caps {
                    return Err(error(
                        InputErrorKind::Conflict {
                            kind: k,
                            first_line: prev.line,
                        },
                        line,
                        1,
                    ));
                }
                return Ok(());
            }
        } else if self.entries.iter().filter(|e| e.kind.is_none()).count() >= MAX_MASKS {
            return Err(error(
                InputErrorKind::TooManyMasks { limit: MAX_MASKS },
                line,
                1,
            ));
        }
        self.entries.push(SetEntry { kind, caps, line });
        Ok(())
    }

    fn get(&self, kind: SetKind) -> Option<CapSet> {
        self.entries
            .iter()
            .find(|e| e.kind == Some(kind))
            .map(|e| e.caps)
    }

    /// Which kind of text the recognised lines were, the most specific first.
    fn source(&self) -> SourceKind {
        if self.saw_capsh_print {
            SourceKind::CapshPrint
        } else if self.saw_getpcaps.is_some() {
            SourceKind::Getpcaps
        } else if self.saw_status_only {
            SourceKind::ProcStatus
        } else if self.saw_cap_lines {
            SourceKind::CapLines
        } else if self.saw_capsh_decode && !self.saw_bare {
            SourceKind::CapshDecode
        } else {
            SourceKind::BareMask
        }
    }

    pub(super) fn finish(mut self) -> Report {
        let source = self.source();
        // Stable: kinds in /proc order, bare masks (None) last in input order.
        crate::order::by_rank(&mut self.entries, |e| e.kind.map_or(5, |k| k as u32));
        let mut notes = Vec::new();
        if !self.ignored.is_empty() {
            let lines = self
                .ignored
                .iter()
                .copied()
                .take(MAX_LISTED_LINES)
                .collect();
            notes.push(Note::IgnoredLines {
                lines,
                total: to_u32(self.ignored.len()),
            });
        }
        self.unknown_bits(&mut notes);
        self.impossible_combinations(&mut notes);
        if matches!(source, SourceKind::CapshPrint | SourceKind::Getpcaps) {
            self.sets_not_shown(&mut notes);
        }
        for n in self.notes {
            // The same remark can come from two parts of one line (getpcaps --iab).
            if !notes.contains(&n) {
                notes.push(n);
            }
        }
        Report {
            source,
            sets: self.entries,
            no_new_privs: self.no_new_privs,
            seccomp: self.seccomp,
            uid: self.uid,
            gid: self.gid,
            securebits: self.securebits,
            notes,
        }
    }

    fn unknown_bits(&self, notes: &mut Vec<Note>) {
        for e in &self.entries {
            let bits = mask::unknown_bits(e.caps);
            if !bits.is_empty() {
                notes.push(Note::UnknownBits {
                    kind: e.kind,
                    line: e.line,
                    bits,
                });
            }
        }
    }

    /// Sets the kernel never produces together: the lines probably come
    /// from different processes or were edited.
    fn impossible_combinations(&self, notes: &mut Vec<Note>) {
        let get = |k| self.get(k);
        if let (Some(p), Some(e)) = (get(SetKind::Permitted), get(SetKind::Effective)) {
            if !e.is_subset_of(p) {
                notes.push(Note::EffectiveNotInPermitted { extra: e.minus(p) });
            }
        }
        if let (Some(p), Some(i), Some(a)) = (
            get(SetKind::Permitted),
            get(SetKind::Inheritable),
            get(SetKind::Ambient),
        ) {
            let allowed = p.intersect(i);
            if !a.is_subset_of(allowed) {
                notes.push(Note::AmbientNotInPermittedAndInheritable {
                    extra: a.minus(allowed),
                });
            }
        }
    }

    /// capsh and getpcaps show only some sets; say which are missing.
    fn sets_not_shown(&self, notes: &mut Vec<Note>) {
        let missing: Vec<SetKind> = SetKind::ALL
            .into_iter()
            .filter(|k| self.get(*k).is_none())
            .collect();
        if !missing.is_empty() {
            notes.push(Note::SetsNotShown { kinds: missing });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::status::testing::*;
    use crate::status::*;

    #[test]
    fn impossible_combinations_are_noted() {
        let r = ok("CapPrm: 1\nCapEff: 3");
        assert_eq!(
            r.notes,
            vec![Note::EffectiveNotInPermitted {
                extra: CapSet::single(1)
            }]
        );
        let r = ok("CapInh: 1000\nCapPrm: 3000\nCapAmb: 3000");
        assert_eq!(
            r.notes,
            vec![Note::AmbientNotInPermittedAndInheritable {
                extra: CapSet::single(13)
            }]
        );
        // Podman --user 1000 --cap-add NET_ADMIN is consistent.
        let r = ok("CapInh:\t0000000000001000\nCapPrm:\t0000000000001000\nCapEff:\t0000000000001000\nCapBnd:\t00000000800415fb\nCapAmb:\t0000000000001000");
        assert!(r.notes.is_empty());
    }
}

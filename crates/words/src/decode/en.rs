//! English.

use caplens_core::catalog::{self, KernelVersion};
use caplens_core::mask::{MaskErrorKind, NameErrorKind};
use caplens_core::preset::{Comparison, Difference, KernelRange, PresetId, RangeReason};
use caplens_core::set::CapSet;
use caplens_core::status::{InputError, InputErrorKind, Note, SeccompMode, SetKind, SourceKind};

pub fn mask_error(kind: &MaskErrorKind) -> String {
    match kind {
        MaskErrorKind::Empty => {
            "no mask: expected 1 to 16 hexadecimal digits, e.g. a80425fb".into()
        }
        MaskErrorKind::NoDigitsAfterPrefix => {
            "`0x` must be followed by 1 to 16 hexadecimal digits".into()
        }
        MaskErrorKind::BadDigit { found } if found.is_whitespace() => {
            "a blank inside the mask: a mask is one run of hexadecimal digits".into()
        }
        MaskErrorKind::BadDigit { found } => {
            format!(
                "`{}` is not a hexadecimal digit (0-9, a-f): a mask is written in hex",
                found.escape_default()
            )
        }
        MaskErrorKind::TooManyDigits { digits } => format!(
            "{digits} hexadecimal digits is too many: a capability mask has at most 16 (64 bits)"
        ),
    }
}

pub fn name_error(kind: NameErrorKind, item: &str) -> String {
    match kind {
        NameErrorKind::UnknownName => format!(
            "`{item}` is not a capability name; write it like NET_RAW, net_raw or cap_net_raw, or as a number 0-63"
        ),
        NameErrorKind::NumberOutOfRange => format!("`{item}` is out of range: capability numbers go from 0 to 63"),
        NameErrorKind::HasFlags => format!(
            "`{item}` carries flags (+ep, =p…): that is libcap's text form; list only the names here"
        ),
    }
}

pub fn names_error(e: &caplens_core::mask::NameError) -> String {
    format!("column {}: {}", e.column, name_error(e.kind, &e.item))
}

pub fn input_error(e: &InputError) -> String {
    format!(
        "line {}, column {}: {}",
        e.line,
        e.column,
        input_error_message(&e.kind)
    )
}

pub fn input_error_message(kind: &InputErrorKind) -> String {
    match kind {
        InputErrorKind::TooLarge { bytes, limit } => format!(
            "the input is {} KiB; at most {} KiB is accepted (paste one process's status, not a whole log)",
            bytes.div_ceil(1024),
            limit / 1024
        ),
        InputErrorKind::Empty => "nothing to decode: paste a mask, CapXxx: lines, /proc/PID/status, capsh --print or getpcaps output".into(),
        InputErrorKind::NotRecognised => "this does not look like a mask, a CapXxx: line, /proc/PID/status, capsh --print or getpcaps output".into(),
        InputErrorKind::BadMask { error } => mask_error(error),
        InputErrorKind::BadName { item, error } => name_error(*error, item),
        InputErrorKind::BadCapText { clause, detail: Some(kind) } => {
            format!("in `{clause}`: {}", crate::text::en::error_kind(kind))
        }
        InputErrorKind::BadCapText { clause, detail: None } => format!(
            "`{clause}` is not valid libcap text; expected names followed by =, + or - and flags e, i, p (e.g. cap_net_raw=ep)"
        ),
        InputErrorKind::UnknownCapKey { key } => format!(
            "`{key}:` is not a capability line; /proc/PID/status uses CapInh, CapPrm, CapEff, CapBnd and CapAmb"
        ),
        InputErrorKind::BadNumber { field } => format!("the value of `{field}` must be a whole number"),
        InputErrorKind::Conflict { kind, first_line } => format!(
            "{} appears again with a different value (first on line {first_line}); paste one process at a time",
            set_name(*kind)
        ),
        InputErrorKind::TooManyMasks { limit } => format!(
            "more than {limit} masks; decode them in smaller groups"
        ),
        InputErrorKind::SeveralProcesses { first_line } => format!(
            "output for a second process (the first starts on line {first_line}); paste one process at a time"
        ),
    }
}

pub fn set_name(kind: SetKind) -> &'static str {
    match kind {
        SetKind::Inheritable => "Inheritable",
        SetKind::Permitted => "Permitted",
        SetKind::Effective => "Effective",
        SetKind::Bounding => "Bounding",
        SetKind::Ambient => "Ambient",
    }
}

pub fn set_meaning(kind: SetKind) -> &'static str {
    match kind {
        SetKind::Inheritable => "kept across execve, but only turns into real privilege for programs whose file capabilities also name it (or via Ambient)",
        SetKind::Permitted => "the most the process may switch on in Effective; once dropped, only a later execve can bring a capability back",
        SetKind::Effective => "what the kernel checks right now when the process tries something privileged",
        SetKind::Bounding => "the ceiling for what execve grants to root or through file capabilities; it can only shrink, and only an Inheritable capability matched by a file's inheritable bit gets past it",
        SetKind::Ambient => "handed on to programs the process executes even without file capabilities (e.g. to a non-root server)",
    }
}

pub fn set_label(kind: Option<SetKind>) -> &'static str {
    match kind {
        Some(k) => k.proc_key(),
        None => "mask",
    }
}

pub fn input_line(kind: SourceKind) -> String {
    format!("input: {}", source_kind(kind))
}

pub fn source_kind(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::BareMask => "a bare mask",
        SourceKind::CapshDecode => "capsh --decode",
        SourceKind::CapLines => "CapXxx: lines from /proc/PID/status",
        SourceKind::ProcStatus => "a whole /proc/PID/status",
        SourceKind::CapshPrint => "capsh --print output",
        SourceKind::Getpcaps => "getpcaps output",
        SourceKind::NameList => "a list of capability names",
    }
}

pub fn seccomp(mode: SeccompMode) -> &'static str {
    match mode {
        SeccompMode::Disabled => "Seccomp: off (no system-call filter)",
        SeccompMode::Strict => {
            "Seccomp: strict mode (only read, write, exit and sigreturn allowed)"
        }
        SeccompMode::Filter => {
            "Seccomp: a filter is active (as container runtimes install by default)"
        }
    }
}

pub fn no_new_privs(on: bool) -> &'static str {
    if on {
        "no_new_privs is set: setuid programs and file capabilities cannot raise privilege on exec"
    } else {
        "no_new_privs is off: setuid-root and file-capability programs can still gain privilege on exec"
    }
}

pub fn short_names(set: CapSet) -> Vec<String> {
    set.iter()
        .map(|n| catalog::get(n).map_or_else(|| n.to_string(), |c| c.short_name().to_string()))
        .collect()
}

pub fn old_capsh_numbers() -> &'static str {
    ". A capsh older than the kernel prints the capabilities it does not know as plain \
    numbers, so the same set can appear as `...,cap_syslog,35,36` (35 is WAKE_ALARM, 36 BLOCK_SUSPEND)"
}

pub fn unknown_bits_meaning() -> &'static str {
    "No released kernel defines capabilities above 40, so these bits name nothing. \
    capsh prints them as plain numbers. Kernels before 3.8 showed every bit above their last capability as 1 in a full \
    bounding set; otherwise the value was probably not read from a capability line, or was typed by hand."
}

pub fn note_line(n: &Note) -> String {
    format!("note: {}", note(n))
}

pub fn note(n: &Note) -> String {
    match n {
        Note::UnknownBits { kind, line, bits } => format!(
            "{} (line {line}) has bits no kernel defines: {}. {}",
            set_label(*kind),
            bits.iter().map(|b| b.to_string()).collect::<Vec<_>>().join(", "),
            unknown_bits_meaning()
        ),
        Note::IgnoredLines { lines, total } => {
            let listed = lines.iter().map(|l| l.to_string()).collect::<Vec<_>>().join(", ");
            match *total as usize {
                1 => format!("line {listed} was not understood and was skipped"),
                n if n == lines.len() => format!("lines {listed} were not understood and were skipped"),
                n => format!("{n} lines were not understood and were skipped (lines {listed}, …)"),
            }
        }
        Note::AllMeansKernelCaps { line } => format!(
            "line {line} uses `all` (or a bare `=`), which means every capability of the kernel that printed it; \
it is read here as all 41 capabilities of Linux 5.9 and later"
        ),
        Note::EffectiveNotInPermitted { extra } => format!(
            "Effective holds {} but Permitted does not; the kernel never allows that, so these lines probably come \
from different processes or were edited",
            short_names(*extra).join(", ")
        ),
        Note::AmbientNotInPermittedAndInheritable { extra } => format!(
            "Ambient holds {} without it being in both Permitted and Inheritable; the kernel never allows that, \
so these lines probably come from different processes or were edited",
            short_names(*extra).join(", ")
        ),
        Note::LibcapOlderThanKernel { line } => format!(
            "line {line}: this capsh was older than the kernel, so capabilities it did not know are printed as \
numbers (35 is WAKE_ALARM, 36 BLOCK_SUSPEND, 37 AUDIT_READ, 38 PERFMON, 39 BPF, 40 CHECKPOINT_RESTORE)"
        ),
        Note::SetsNotShown { kinds } => format!(
            "this output does not show {}",
            kinds.iter().map(|k| set_name(*k)).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// The release before which a range ends, as people write it.
fn version(v: KernelVersion) -> String {
    v.to_string()
}

pub fn kernel_span(r: &KernelRange) -> String {
    match r.to {
        None => format!("Linux {} or later", version(r.from)),
        Some(to) if to == r.from => format!("Linux {}", version(r.from)),
        Some(to) => format!("Linux {} to {}", version(r.from), version(to)),
    }
}

pub fn kernel_range(r: &KernelRange) -> String {
    match r.reason {
        RangeReason::FullSet => {
            let mut s = format!(
                "exactly the {} capabilities (0-{}) that {} defines: a full bounding set like this points to that kernel",
                r.caps,
                r.caps.saturating_sub(1),
                kernel_span(r)
            );
            if r.caps >= 36 {
                s.push_str(old_capsh_numbers());
            }
            s
        }
        RangeReason::AllBitsBefore3_8 => format!(
            "all 64 bits set: kernels before 3.8 showed a full bounding set this way, so this points to {}",
            kernel_span(r)
        ),
    }
}

pub fn preset_name(p: PresetId) -> String {
    match p {
        PresetId::Docker => "Docker/containerd default".into(),
        PresetId::Crio => "CRI-O default (1.18 and later)".into(),
        PresetId::CrioLegacy => "CRI-O default (1.17 and earlier)".into(),
        PresetId::Podman => "Podman default (4.5 and later)".into(),
        PresetId::Podman44 => "Podman 4.4 default".into(),
        PresetId::BaselineAllowList => "Pod Security baseline allow-list".into(),
        PresetId::AllOfKernel { caps } => {
            let span = caplens_core::preset::kernel_ranges()
                .into_iter()
                .find(|r| r.caps == caps);
            match span {
                Some(r) => format!("all {caps} capabilities of {}", kernel_span(&r)),
                None => format!("all {caps} capabilities"),
            }
        }
        PresetId::Empty => "empty".into(),
    }
}

pub fn difference(d: &Difference) -> String {
    let mut s = preset_name(d.preset);
    for n in short_names(d.added) {
        s.push_str(" +");
        s.push_str(&n);
    }
    for n in short_names(d.removed) {
        s.push_str(" \u{2212}");
        s.push_str(&n);
    }
    s
}

pub fn comparison(c: &Comparison) -> Vec<String> {
    let mut out = Vec::new();
    for p in &c.equals {
        out.push(format!("matches: {}", preset_name(*p)));
    }
    if let Some(r) = &c.kernel {
        if r.reason == RangeReason::AllBitsBefore3_8 {
            out.push(kernel_range(r));
        }
    }
    for d in &c.nearest {
        out.push(format!("close to: {}", difference(d)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use caplens_core::preset;

    #[test]
    fn wording_is_never_empty() {
        for k in SetKind::ALL {
            assert!(!set_name(k).is_empty() && !set_meaning(k).is_empty());
        }
        for p in preset::all() {
            assert!(!preset_name(p).is_empty());
        }
    }

    #[test]
    fn comparisons_read_well() {
        assert_eq!(
            comparison(&preset::compare(CapSet(0xa80425fb))),
            vec!["matches: Docker/containerd default"]
        );
        let lines = comparison(&preset::compare(CapSet(0xa80415fb)));
        assert_eq!(
            lines[0],
            "close to: Pod Security baseline allow-list +NET_ADMIN"
        );
        assert_eq!(
            lines[1],
            "close to: Docker/containerd default +NET_ADMIN \u{2212}NET_RAW"
        );
        assert_eq!(
            comparison(&preset::compare(CapSet(0x1fffffffff))),
            vec!["matches: all 37 capabilities of Linux 3.5 to 3.15"]
        );
        let r = preset::kernel_range(CapSet(0x1fffffffff)).unwrap();
        assert!(kernel_range(&r).contains("Linux 3.5 to 3.15"));
        assert_eq!(
            kernel_span(&preset::kernel_range(CapSet(0xffffffffff)).unwrap()),
            "Linux 5.8"
        );
        assert_eq!(
            kernel_span(&preset::kernel_range(CapSet(0x1ffffffffff)).unwrap()),
            "Linux 5.9 or later"
        );
    }

    #[test]
    fn every_note_reads() {
        let notes = [
            Note::UnknownBits {
                kind: Some(SetKind::Bounding),
                line: 4,
                bits: CapSet::from_caps([41, 63]),
            },
            Note::IgnoredLines {
                lines: vec![1],
                total: 1,
            },
            Note::IgnoredLines {
                lines: vec![1, 2],
                total: 2,
            },
            Note::IgnoredLines {
                lines: vec![1, 2, 3, 4, 5],
                total: 9,
            },
            Note::AllMeansKernelCaps { line: 1 },
            Note::EffectiveNotInPermitted {
                extra: CapSet::single(13),
            },
            Note::AmbientNotInPermittedAndInheritable {
                extra: CapSet::single(10),
            },
            Note::SetsNotShown {
                kinds: vec![SetKind::Bounding, SetKind::Ambient],
            },
            Note::LibcapOlderThanKernel { line: 1 },
        ];
        let texts: Vec<String> = notes.iter().map(note).collect();
        assert!(texts[0].starts_with("CapBnd (line 4) has bits no kernel defines: 41, 63."));
        assert_eq!(texts[1], "line 1 was not understood and was skipped");
        assert_eq!(texts[2], "lines 1, 2 were not understood and were skipped");
        assert_eq!(
            texts[3],
            "9 lines were not understood and were skipped (lines 1, 2, 3, 4, 5, …)"
        );
        assert!(texts[5].contains("NET_RAW"));
        assert_eq!(texts[7], "this output does not show Bounding, Ambient");
        assert!(texts.iter().all(|t| !t.is_empty()));
    }

    #[test]
    fn errors_say_what() {
        assert!(mask_error(&MaskErrorKind::BadDigit { found: 'g' }).contains("`g`"));
        assert!(mask_error(&MaskErrorKind::TooManyDigits { digits: 17 }).contains("17"));
        let e = InputError {
            kind: InputErrorKind::NotRecognised,
            line: 2,
            column: 1,
        };
        assert!(input_error(&e).starts_with("line 2, column 1: "));
        assert!(name_error(NameErrorKind::UnknownName, "net_rwa").contains("net_rwa"));
    }
}

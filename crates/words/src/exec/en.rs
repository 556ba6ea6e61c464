//! English.

use caplens_core::catalog;
use caplens_core::exec::examples::ExampleId;
use caplens_core::exec::reasons::NoEffective;
use caplens_core::exec::request::{Expected, JsonType, ProtocolError, MAX_LINE};
use caplens_core::exec::Securebits;
use caplens_core::exec::{
    AmbientStep, CapReason, DowngradeCause, DowngradeStep, EffectiveCause, EffectiveStep,
    EuidAfterDowngrade, ExecFile, FileCapsStep, Lost, ProcessState, Refusal, RootStep, SetName,
    SetidCheck, SetidRule, SetuidBit, Source, StateProblem, Step, Transition, UidChange,
    UidRefusal, UidStep, Why,
};
use caplens_core::set::CapSet;

pub fn cap_name(cap: u8) -> String {
    match catalog::get(cap) {
        Some(c) => c.libcap_name(),
        None => cap.to_string(),
    }
}

pub fn exec_cap_list(set: CapSet) -> String {
    if set.is_empty() {
        return "(none)".to_string();
    }
    set.iter().map(cap_name).collect::<Vec<_>>().join(",")
}

pub fn exec_set_name(set: SetName) -> &'static str {
    match set {
        SetName::Inheritable => "Inheritable",
        SetName::Permitted => "Permitted",
        SetName::Effective => "Effective",
        SetName::Bounding => "Bounding",
        SetName::Ambient => "Ambient",
    }
}

pub fn set_symbol(set: SetName) -> &'static str {
    match set {
        SetName::Inheritable => "pI",
        SetName::Permitted => "pP",
        SetName::Effective => "pE",
        SetName::Bounding => "X",
        SetName::Ambient => "pA",
    }
}

fn source(s: Source) -> &'static str {
    match s {
        Source::FileBounding => "bounding set ∩ file permitted (X & fP)",
        Source::FileInheritable => "inheritable ∩ file inheritable (pI & fI)",
        Source::Ambient => "ambient set (pA')",
        Source::RootBounding => "root rule: bounding set (X)",
        Source::RootInheritable => "root rule: inheritable set (pI)",
    }
}

fn downgrade_cause(c: DowngradeCause) -> &'static str {
    match c {
        DowngradeCause::NoNewPrivs => "no_new_privs is set",
        DowngradeCause::SharedFs => "the filesystem context is shared with another process",
        DowngradeCause::UnprivilegedTracer => {
            "the process is traced by a tracer without CAP_SYS_PTRACE"
        }
    }
}

fn ambient_cleared(file_caps: bool, setid: bool) -> &'static str {
    match (file_caps, setid) {
        (true, true) => "ambient is cleared because the file has capabilities and the exec changes the effective uid",
        (true, false) => "ambient is cleared because the file has capabilities (even empty ones clear it)",
        (false, true) => "ambient is cleared because the exec changes the effective uid",
        (false, false) => "ambient was cleared",
    }
}

pub fn why(w: &Why) -> String {
    match w {
        Why::Unchanged => "exec never changes this set".to_string(),
        Why::Permitted(by) if by.is_empty() => "kept".to_string(),
        Why::Permitted(by) => {
            format!(
                "from the {}",
                by.iter()
                    .map(|s| source(*s))
                    .collect::<Vec<_>>()
                    .join(" and the ")
            )
        }
        Why::Effective(EffectiveCause::FileEffectiveBit) => {
            "the file's effective bit (+e) makes every permitted capability effective".to_string()
        }
        Why::Effective(EffectiveCause::RootEuid) => {
            "the effective uid is 0, so every permitted capability is effective".to_string()
        }
        Why::EffectiveFromAmbient => "effective because it is ambient (pE' = pA')".to_string(),
        Why::AmbientKept => {
            "kept: the file has no capabilities and the exec does not change the effective uid"
                .to_string()
        }
        Why::Absent(l) => lost(l),
    }
}

pub fn lost(l: &Lost) -> String {
    match l {
        Lost::NotInBounding => {
            "the file asks for it (fP) but the bounding set does not have it, and pI & fI does not supply it".to_string()
        }
        Lost::NotInInheritable => {
            "the file's inheritable set offers it but the process's inheritable set lacks it".to_string()
        }
        Lost::Downgraded(c) => format!(
            "it would have been granted, but {} and the process did not have it before: an exec cannot add privileges then",
            downgrade_cause(*c)
        ),
        Lost::AmbientCleared { file_caps, setid } => ambient_cleared(*file_caps, *setid).to_string(),
        Lost::NorootSkipped => "SECBIT_NOROOT is set, so uid 0 gets no capabilities from the root rule".to_string(),
        Lost::FileCapsIgnoredNosuid => "the file's capabilities are ignored on a nosuid mount".to_string(),
        Lost::NotRegranted => {
            "exec computes the permitted set afresh and nothing grants it again (only ambient, file capabilities or the root rule do)".to_string()
        }
        Lost::NotEffective(NoEffective::FileWithoutEffectiveBit) => {
            "permitted but not effective: the file has no effective bit (+e), so only a program that raises it itself (capability-aware) can use it".to_string()
        }
        Lost::NotEffective(NoEffective::RealRootOnly) => {
            "permitted but not effective: only the real uid is 0, and the root rule raises effective only for effective uid 0".to_string()
        }
        Lost::NotEffective(NoEffective::NothingRaisesIt) => {
            "permitted but not effective: neither a file effective bit nor effective uid 0 raises it".to_string()
        }
    }
}

pub fn reason_line(r: &CapReason) -> String {
    format!("{} ({}): {}", cap_name(r.cap), change(r), why(&r.why))
}

pub fn shared_reason_line(caps: &[u8], r: &CapReason) -> String {
    let names: Vec<String> = caps.iter().map(|&c| cap_name(c)).collect();
    format!("{} ({}): {}", names.join(", "), change(r), why(&r.why))
}

fn change(r: &CapReason) -> &'static str {
    match (r.before, r.after) {
        (false, true) => "gained",
        (true, false) => "lost",
        (true, true) => "kept",
        (false, false) => "not granted",
    }
}

pub fn refusal(r: &Refusal) -> String {
    format!(
        "execve fails with EPERM (\"Operation not permitted\"). The file has the effective bit (+e), \
         so the kernel treats it as a program that does not check its own capabilities, and it \
         refuses to start it with less than its whole file permitted set ({}). Missing: {}, \
         because the bounding set lacks {} and the inheritable sets do not supply {}. \
         This check runs before the root rule, so it refuses root too. Without +e the program \
         would start, just without those capabilities.",
        exec_cap_list(r.file_permitted),
        exec_cap_list(r.missing),
        if r.missing.len() == 1 { "it" } else { "them" },
        if r.missing.len() == 1 { "it" } else { "them" },
    )
}

pub fn plus_p_versus_ep() -> &'static str {
    "With +p the capabilities land in the permitted set only. A program \
        that knows about capabilities (ping from iputils, for example) raises what it needs into its \
        effective set itself with capset or libcap, and then it works. An ordinary program never does \
        that; it just calls socket() or bind() and the kernel checks the effective set, which is empty, \
        so it fails with \"Operation not permitted\". With +ep the kernel copies the whole permitted set \
        into the effective set at exec, so any program works unchanged."
}

pub fn setid_rule_note(c: &SetidCheck) -> Option<String> {
    if c.changed == c.other_rule_changed {
        return None;
    }
    let (now, other) = match c.rule {
        SetidRule::Current => ("current kernels (2025 and later)", "older kernels"),
        SetidRule::Pre2025 => ("kernels before the 2025 change", "current kernels"),
    };
    Some(format!(
        "The real uid ({}) differs from the effective uid ({}) before the exec. On {} this exec {} as \
         changing ids; on {} it {}, which changes whether ambient is cleared and whether \
         no_new_privs resets the effective uid. (Linux 6.18 compares the new effective uid with \
         the old effective uid.)",
        c.old_uid,
        c.old_euid,
        now,
        if c.changed { "counts" } else { "does not count" },
        other,
        if c.other_rule_changed { "would count" } else { "would not count" },
    ))
}

pub fn step(s: &Step) -> String {
    match s {
        Step::SetuidBit(b) => setuid_bit_step(b),
        Step::FileCaps(f) => file_caps_step(f),
        Step::Refused(r) => refusal(r),
        Step::Root(r) => root_step(r),
        Step::SetidCheck(c) => setid_check_step(c),
        Step::Downgrade(d) => downgrade_step(d),
        Step::Ids { euid, suid, .. } => format!("The saved uid and fsuid follow the effective uid: euid {euid}, suid {suid}."),
        Step::Ambient(a) => ambient_step(a),
        Step::PermittedPlusAmbient { permitted, ambient, result } => {
            format!("pP' = pP' | pA' = {permitted} | {ambient} = {result}.")
        }
        Step::Effective(e) => effective_step(e),
        Step::Unchanged { inheritable, bounding } => {
            format!("pI' = pI = {inheritable} and X' = X = {bounding}: exec never changes them.")
        }
        Step::KeepCapsCleared { was_set: true, .. } => "SECBIT_KEEP_CAPS is cleared by the exec.".to_string(),
        Step::KeepCapsCleared { was_set: false, .. } => "Securebits are kept (KEEP_CAPS was not set).".to_string(),
        Step::SecureExec { secure: true, .. } => {
            "The loader runs in secure mode (AT_SECURE): LD_PRELOAD, LD_LIBRARY_PATH and similar variables are ignored.".to_string()
        }
        Step::SecureExec { secure: false, .. } => "The loader runs normally (no AT_SECURE).".to_string(),
    }
}

fn setuid_bit_step(b: &SetuidBit) -> String {
    match b {
        SetuidBit::NotSet => "The file is not set-user-ID root.".to_string(),
        SetuidBit::Honoured { old_euid } => {
            format!("The file is set-user-ID root: the effective uid changes from {old_euid} to 0.")
        }
        SetuidBit::IgnoredNosuid => {
            "The file is set-user-ID root, but the mount is nosuid: the bit is ignored.".to_string()
        }
        SetuidBit::IgnoredNoNewPrivs => {
            "The file is set-user-ID root, but no_new_privs is set: the bit is ignored.".to_string()
        }
    }
}

fn file_caps_step(f: &FileCapsStep) -> String {
    match f {
        FileCapsStep::Absent => {
            "The file has no capabilities: the new permitted set starts empty.".to_string()
        }
        FileCapsStep::IgnoredNosuid => {
            "The file has capabilities, but the mount is nosuid: they are ignored and the new permitted set starts empty.".to_string()
        }
        FileCapsStep::Computed { from_bounding, from_inheritable, permitted, file_effective, .. } => format!(
            "File capabilities: pP' = (X & fP) | (pI & fI) = {} | {} = {} [{}]; effective bit {}.",
            from_bounding,
            from_inheritable,
            permitted,
            exec_cap_list(*permitted),
            if *file_effective { "set" } else { "not set" }
        ),
    }
}

fn root_step(r: &RootStep) -> String {
    match r {
        RootStep::NotRoot => {
            "Neither the real nor the effective uid is 0: no root rule.".to_string()
        }
        RootStep::SkippedNoroot { .. } => {
            "uid 0 is involved, but SECBIT_NOROOT is set: the root rule is skipped.".to_string()
        }
        RootStep::FileCapsWin { setuid_bit } => format!(
            "The new effective uid is 0 but the real uid is not, and the file has capabilities: \
             the kernel uses the file capabilities as they are and skips the root rule{}.",
            if *setuid_bit {
                " (it logs a warning about a setuid-root file with capabilities)"
            } else {
                ""
            }
        ),
        RootStep::Applied {
            real_root,
            effective_root,
            permitted,
            ..
        } => format!(
            "Root rule ({}): pP' = X | pI = {}{}.",
            match (real_root, effective_root) {
                (true, true) => "real and effective uid 0",
                (true, false) => "real uid 0",
                (false, _) => "effective uid 0",
            },
            permitted,
            if *effective_root {
                "; effective uid 0, so pE' will be all of pP'"
            } else {
                "; only the real uid is 0, so effective is not raised"
            }
        ),
    }
}

fn setid_check_step(c: &SetidCheck) -> String {
    format!(
        "Set-id check ({}): new effective uid {} vs old {} uid {}: {}.",
        match c.rule {
            SetidRule::Current => "current rule",
            SetidRule::Pre2025 => "pre-2025 rule",
        },
        c.new_euid,
        match c.rule {
            SetidRule::Current => "effective",
            SetidRule::Pre2025 => "real",
        },
        match c.rule {
            SetidRule::Current => c.old_euid,
            SetidRule::Pre2025 => c.old_uid,
        },
        if c.changed {
            "the ids change"
        } else {
            "no change"
        }
    )
}

fn downgrade_step(d: &DowngradeStep) -> String {
    match d {
        DowngradeStep::NothingGained => {
            "The exec neither changes ids nor adds permitted capabilities: no restriction needed."
                .to_string()
        }
        DowngradeStep::NotRestricted { .. } => {
            "The exec gains privileges; nothing (no_new_privs, ptrace, shared fs) restricts it."
                .to_string()
        }
        DowngradeStep::Applied {
            cause,
            proposed,
            old_permitted,
            permitted,
            euid,
            ..
        } => format!(
            "The exec would gain privileges but {}: pP' = pP' & pP = {} & {} = {}{}.",
            downgrade_cause(*cause),
            proposed,
            old_permitted,
            permitted,
            match euid {
                EuidAfterDowngrade::Unchanged => String::new(),
                EuidAfterDowngrade::Reverted { from, to } =>
                    format!("; the effective uid goes back from {from} to the real uid {to}"),
                EuidAfterDowngrade::KeptCapSetuid =>
                    "; the effective uid is kept because the caller has CAP_SETUID".to_string(),
            }
        ),
    }
}

fn ambient_step(a: &AmbientStep) -> String {
    match a {
        AmbientStep::Kept(a) => format!("Ambient is kept: pA' = {} [{}].", a, exec_cap_list(*a)),
        AmbientStep::Cleared {
            lost,
            file_caps,
            setid,
        } => {
            let mut s = ambient_cleared(*file_caps, *setid).to_string();
            s[..1].make_ascii_uppercase();
            format!(
                "{s}: pA' = 0{}.",
                if lost.is_empty() {
                    String::new()
                } else {
                    format!(" (lost {})", exec_cap_list(*lost))
                }
            )
        }
    }
}

fn effective_step(e: &EffectiveStep) -> String {
    match e {
        EffectiveStep::AllPermitted { cause, effective } => format!(
            "pE' = pP' = {} because {}.",
            effective,
            match cause {
                EffectiveCause::FileEffectiveBit => "the file has the effective bit",
                EffectiveCause::RootEuid => "the effective uid is 0",
            }
        ),
        EffectiveStep::AmbientOnly { effective } => {
            format!("No effective bit and no effective root: pE' = pA' = {effective}.")
        }
    }
}

pub fn formula(t: &Transition) -> Vec<String> {
    let b = &t.before;
    let (fp, fi) = match t.file.caps {
        Some(f) if !t.file.nosuid_mount => (f.permitted, f.inheritable),
        _ => (CapSet::EMPTY, CapSet::EMPTY),
    };
    let mut out = vec![format!(
        "pP' = (X & fP) | (pI & fI) = ({} & {}) | ({} & {}) = {}",
        b.bounding,
        fp,
        b.inheritable,
        fi,
        b.bounding.intersect(fp).union(b.inheritable.intersect(fi))
    )];
    let Ok(a) = &t.outcome else {
        out.push("fE is set and fP ⊄ pP', so execve returns EPERM".to_string());
        return out;
    };
    for s in &t.trace {
        match s {
            Step::Root(RootStep::Applied {
                bounding,
                inheritable,
                permitted,
                ..
            }) => out.push(format!(
                "root rule: pP' = X | pI = {bounding} | {inheritable} = {permitted}"
            )),
            Step::Downgrade(DowngradeStep::Applied {
                proposed,
                old_permitted,
                permitted,
                ..
            }) => out.push(format!(
                "downgrade: pP' = pP' & pP = {proposed} & {old_permitted} = {permitted}"
            )),
            _ => {}
        }
    }
    out.push(format!("pA' = {}", a.ambient));
    out.push(format!("pP' = pP' | pA' = {}", a.permitted));
    let all = t
        .trace
        .iter()
        .any(|s| matches!(s, Step::Effective(EffectiveStep::AllPermitted { .. })));
    out.push(format!(
        "pE' = {} = {}",
        if all { "pP'" } else { "pA'" },
        a.effective
    ));
    out.push(format!("pI' = pI = {}", a.inheritable));
    out.push(format!("X' = X = {}", a.bounding));
    out
}

pub fn uid_step(s: &UidStep) -> String {
    match s {
        UidStep::Privileged => "CAP_SETUID is effective: any ids may be set.".to_string(),
        UidStep::OwnIds => "Without CAP_SETUID, but every new id is one the process already has.".to_string(),
        UidStep::Ids { uid, euid, suid } => format!("New ids: uid {uid}, euid {euid}, suid {suid}."),
        UidStep::NoFixup => "SECBIT_NO_SETUID_FIXUP is set: the capability sets are not touched.".to_string(),
        UidStep::LeftRoot { keep_caps: true, lost_ambient, .. } => format!(
            "No uid is 0 any more. SECBIT_KEEP_CAPS keeps the permitted set; ambient is cleared anyway{}.",
            if lost_ambient.is_empty() { String::new() } else { format!(" (lost {})", exec_cap_list(*lost_ambient)) }
        ),
        UidStep::LeftRoot { keep_caps: false, lost_permitted, lost_ambient, .. } => format!(
            "No uid is 0 any more and SECBIT_KEEP_CAPS is not set: permitted, effective and ambient are cleared (lost permitted {}; ambient {}).",
            exec_cap_list(*lost_permitted),
            exec_cap_list(*lost_ambient)
        ),
        UidStep::EuidLeftRoot { lost_effective } => format!(
            "The effective uid leaves 0: the effective set is cleared (lost {}).",
            exec_cap_list(*lost_effective)
        ),
        UidStep::EuidBecameRoot { effective } => {
            format!("The effective uid becomes 0: effective = permitted = {effective}.")
        }
        UidStep::NoRootChange => "No change involving uid 0: the capability sets stay as they are.".to_string(),
        UidStep::FsuidNotChanged => "The filesystem uid does not change (same value, or not allowed without CAP_SETUID; setfsuid reports no error).".to_string(),
        UidStep::FsuidLeftRoot { lost_effective } => format!(
            "The filesystem uid leaves 0: the filesystem capabilities leave the effective set (lost {}).",
            exec_cap_list(*lost_effective)
        ),
        UidStep::FsuidBecameRoot { raised } => format!(
            "The filesystem uid becomes 0: the permitted filesystem capabilities become effective (raised {}).",
            exec_cap_list(*raised)
        ),
    }
}

pub fn uid_refusal(r: &UidRefusal) -> String {
    format!(
        "EPERM: without CAP_SETUID in the effective set a process may only switch among its own real, effective and saved uids, and {} is none of them.",
        r.not_own
    )
}

pub fn json_type(t: JsonType) -> &'static str {
    match t {
        JsonType::Null => "null",
        JsonType::Boolean => "a boolean",
        JsonType::Number => "a number",
        JsonType::String => "a string",
        JsonType::Array => "an array",
        JsonType::Object => "an object",
    }
}

pub fn whole_line() -> &'static str {
    "(the line)"
}

pub fn protocol_error(e: &ProtocolError) -> String {
    match e {
        ProtocolError::TooLong { len } => {
            format!("line too long ({len} bytes; at most {MAX_LINE})")
        }
        ProtocolError::NotUtf8 { column } => {
            format!("not valid UTF-8 (byte {column} starts a broken character), so not JSON")
        }
        ProtocolError::NotJson { column, message } => {
            format!("not valid JSON at column {column}: {message}")
        }
        ProtocolError::NotObject { path } => format!("{path}: expected a JSON object"),
        ProtocolError::Missing { path } => format!("{path}: missing"),
        ProtocolError::WrongType {
            path,
            expected,
            found,
        } => format!(
            "{path}: expected {}, found {}",
            match expected {
                Expected::Object => "an object",
                Expected::ObjectOrNull => "an object or null",
                Expected::Integer => "a non-negative integer",
                Expected::Bool => "true or false",
                Expected::HexString => "a string of 1 to 16 hex digits",
                Expected::String => "a string",
            },
            json_type(*found)
        ),
        ProtocolError::BadMask { path, value } => {
            format!("{path}: expected 1 to 16 hex digits (bit n = capability n), got {value:?}")
        }
        ProtocolError::OutOfRange { path, value, max } => {
            format!("{path}: {value} is not an integer between 0 and {max}")
        }
        ProtocolError::UnknownKey { path } => format!("{path}: unknown key"),
        ProtocolError::BadRule { value } => {
            format!("rule: expected \"current\" or \"pre2025\", got {value:?}")
        }
    }
}

pub fn protocol_error_at(line_number: usize, e: &ProtocolError) -> String {
    format!("input line {line_number}: {}", protocol_error(e))
}

pub fn state_problem(p: &StateProblem) -> String {
    match p {
        StateProblem::EffectiveNotPermitted(s) => format!(
            "the kernel never lets a capability be effective without being permitted: {}",
            exec_cap_list(*s)
        ),
        StateProblem::AmbientNotPermittedAndInheritable(s) => format!(
            "the kernel keeps ambient within permitted and inheritable, so {} could not be ambient",
            exec_cap_list(*s)
        ),
    }
}

/// Labels of the before/after table rows, as `/proc/PID/status` names them.
fn status_label(set: SetName) -> &'static str {
    match set {
        SetName::Inheritable => "CapInh",
        SetName::Permitted => "CapPrm",
        SetName::Effective => "CapEff",
        SetName::Bounding => "CapBnd",
        SetName::Ambient => "CapAmb",
    }
}

pub fn file_line(file: &ExecFile, caps_text: Option<&str>) -> String {
    let caps = match (file.caps, caps_text) {
        (None, _) => "no file capabilities".to_string(),
        (Some(_), Some(t)) => format!("file capabilities {t}"),
        (Some(c), None) => format!(
            "file capabilities fP={} fI={} fE={}",
            c.permitted,
            c.inheritable,
            if c.effective { "set" } else { "clear" }
        ),
    };
    format!(
        "File: {caps}{}{}",
        if file.setuid_root {
            ", set-user-ID root"
        } else {
            ""
        },
        if file.nosuid_mount {
            ", on a nosuid mount"
        } else {
            ""
        }
    )
}

pub fn report(t: &Transition, caps_text: Option<&str>) -> String {
    let mut out = Lines::default();
    report_process(&mut out, t, caps_text);
    match &t.outcome {
        Err(r) => {
            out.line(refusal(r));
            out.line(String::new());
        }
        Ok(a) => {
            report_table(&mut out, &t.before, a);
            report_reasons(&mut out, t, a);
        }
    }
    report_steps(&mut out, t);
    report_notes(&mut out, t);
    out.0
}

/// Text built line by line, each ending in a newline.
#[derive(Default)]
struct Lines(String);

impl Lines {
    fn line(&mut self, s: String) {
        self.0.push_str(&s);
        self.0.push('\n');
    }
}

/// The process before exec and the file, with warnings about a state the
/// kernel could never hold.
fn report_process(out: &mut Lines, t: &Transition, caps_text: Option<&str>) {
    let b = &t.before;
    out.line(format!(
        "Process: uid {} euid {} suid {}, securebits {:#x}{}",
        b.uid,
        b.euid,
        b.suid,
        b.securebits.0,
        if b.no_new_privs { ", no_new_privs" } else { "" }
    ));
    out.line(file_line(&t.file, caps_text));
    for p in b.invariant_problems() {
        out.line(format!("Warning: {}", state_problem(&p)));
    }
    out.line(String::new());
}

/// The ids and the five sets, before and after.
fn report_table(out: &mut Lines, b: &ProcessState, a: &ProcessState) {
    out.line(format!("{:8}{:18}{}", "", "before", "after"));
    let ids_before = format!("{} {} {}", b.uid, b.euid, b.suid);
    out.line(format!(
        "{:8}{:<18}{} {} {}",
        "Uid", ids_before, a.uid, a.euid, a.suid
    ));
    for set in SetName::ALL {
        let (x, y) = (b.get(set), a.get(set));
        let mark = if x == y { "" } else { "  (changed)" };
        out.line(format!(
            "{:8}{:18}{}{}",
            status_label(set),
            x.hex16(),
            y.hex16(),
            mark
        ));
    }
    out.line(String::new());
}

/// Why each capability of permitted, effective and ambient is (not) there.
fn report_reasons(out: &mut Lines, t: &Transition, a: &ProcessState) {
    for set in [SetName::Permitted, SetName::Effective, SetName::Ambient] {
        let rs: Vec<&CapReason> = t.reasons.iter().filter(|r| r.set == set).collect();
        if rs.is_empty() {
            out.line(format!("{}: empty before and after.", exec_set_name(set)));
            continue;
        }
        out.line(format!(
            "{} after exec: {}",
            exec_set_name(set),
            exec_cap_list(a.get(set))
        ));
        for r in rs {
            out.line(format!("  {}", reason_line(r)));
        }
    }
    out.line("Inheritable and Bounding: exec never changes these two sets.".to_string());
    out.line(String::new());
}

/// The numbered steps, then the formulas with their values.
fn report_steps(out: &mut Lines, t: &Transition) {
    out.line("Steps:".to_string());
    for (i, s) in t.trace.iter().enumerate() {
        out.line(format!("  {}. {}", i + 1, step(s)));
    }
    out.line(String::new());
    out.line("Formulas with these values:".to_string());
    for f in formula(t) {
        out.line(format!("  {f}"));
    }
}

/// Notes on the set-id rule and on `+p` file capabilities, where they apply.
fn report_notes(out: &mut Lines, t: &Transition) {
    for s in &t.trace {
        if let Step::SetidCheck(c) = s {
            if let Some(n) = setid_rule_note(c) {
                out.line(String::new());
                out.line(format!("Note: {n}"));
            }
        }
    }
    if let Some(f) = t.file.caps {
        if !f.effective && t.outcome.as_ref().is_ok_and(|a| !a.permitted.is_empty()) {
            out.line(String::new());
            out.line(format!("Note: {}", plus_p_versus_ep()));
        }
    }
}

pub fn uid_report(c: &UidChange) -> String {
    let mut out = String::new();
    for s in &c.trace {
        out.push_str(&format!("  {}\n", uid_step(s)));
    }
    match &c.outcome {
        Err(r) => out.push_str(&format!("  {}\n", uid_refusal(r))),
        Ok(a) => out.push_str(&format!(
            "  Now: uid {} euid {} suid {}; CapPrm {} CapEff {} CapAmb {}\n",
            a.uid, a.euid, a.suid, a.permitted, a.effective, a.ambient
        )),
    }
    out
}

pub fn example_title(id: ExampleId) -> &'static str {
    match id {
        ExampleId::PingPlusP => "ping with cap_net_admin,cap_net_raw+p (the seed article)",
        ExampleId::PingPlusEp => "the same ping with +ep",
        ExampleId::SetuidRootByUser => "a set-user-ID root program run by a user",
        ExampleId::DockerUserFileCap => "non-root in Docker: a cap_net_bind_service+ep binary",
        ExampleId::DockerUserOutsideBounding => "non-root in Docker: a cap_net_admin+ep binary",
        ExampleId::AmbientLikeCapsh => "a user process with an ambient capability (capsh --addamb)",
        ExampleId::RootWithNoNewPrivs => "root with a reduced permitted set under no_new_privs",
    }
}

pub fn example_point(id: ExampleId) -> &'static str {
    match id {
        ExampleId::PingPlusP => "The capabilities arrive in Permitted only. ping raises them itself, so it works; \
            an ordinary program given the same +p would fail with \"Operation not permitted\".",
        ExampleId::PingPlusEp => "The effective bit copies Permitted into Effective at exec, so any program can use them.",
        ExampleId::SetuidRootByUser => "The effective uid becomes 0 and the root rule grants the whole bounding set, \
            permitted and effective; ambient is cleared because the ids change.",
        ExampleId::DockerUserFileCap => "A non-root container process has empty Permitted and Effective, but a file \
            capability inside Docker's bounding set still works (unless no_new_privs is set).",
        ExampleId::DockerUserOutsideBounding => "cap_net_admin is not in Docker's bounding set, and the file has +e, \
            so the kernel refuses to run it at all: execve fails with EPERM.",
        ExampleId::AmbientLikeCapsh => "Ambient capabilities survive exec of a program without file capabilities and \
            become permitted and effective, even for a non-root user.",
        ExampleId::RootWithNoNewPrivs => "Without no_new_privs, root's exec would refill Permitted from the bounding set; \
            with it, the exec can grant nothing the process did not already have.",
    }
}

pub fn securebit_meaning(bit: u32) -> &'static str {
    match bit {
        Securebits::NOROOT => "root gets no capabilities at exec",
        Securebits::NO_SETUID_FIXUP => "changing uids leaves the capability sets alone",
        Securebits::KEEP_CAPS => {
            "leaving root by setuid keeps the permitted set, until the next exec"
        }
        Securebits::NO_CAP_AMBIENT_RAISE => "no capability may be added to the ambient set",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use caplens_core::exec::{execve, ExecFile, FileCaps, ProcessState};

    #[test]
    fn eperm_words_name_the_missing_capability() {
        let root = ProcessState {
            bounding: CapSet::first_n(41).without(24),
            ..Default::default()
        };
        let file = ExecFile {
            caps: Some(FileCaps {
                permitted: CapSet::single(24),
                effective: true,
                ..Default::default()
            }),
            ..Default::default()
        };
        let t = execve(&root, &file);
        let text = refusal(&t.outcome.unwrap_err());
        assert!(
            text.contains("EPERM") && text.contains("Missing: cap_sys_resource"),
            "{text}"
        );
        assert!(report(&t, None).contains("Missing: cap_sys_resource"));
        assert_eq!(formula(&t).len(), 2);
    }

    #[test]
    fn formula_fills_in_values() {
        let user = ProcessState {
            uid: 1000,
            euid: 1000,
            suid: 1000,
            bounding: CapSet::first_n(41),
            ..Default::default()
        };
        let file = ExecFile {
            caps: Some(FileCaps {
                permitted: CapSet::single(13),
                effective: true,
                ..Default::default()
            }),
            ..Default::default()
        };
        let f = formula(&execve(&user, &file));
        assert_eq!(f[0], "pP' = (X & fP) | (pI & fI) = (000001ffffffffff & 0000000000002000) | (0000000000000000 & 0000000000000000) = 0000000000002000");
        assert!(
            f.contains(&"pE' = pP' = 0000000000002000".to_string()),
            "{f:?}"
        );
        let r = report(&execve(&user, &file), Some("cap_net_raw=ep"));
        assert!(
            r.contains("cap_net_raw (gained): from the bounding set"),
            "{r}"
        );
        assert!(
            r.contains("CapPrm  0000000000000000  0000000000002000  (changed)"),
            "{r}"
        );
    }

    #[test]
    fn rule_note_only_when_rules_disagree() {
        let c = SetidCheck {
            rule: SetidRule::Current,
            old_uid: 0,
            old_euid: 1000,
            new_euid: 1000,
            changed: false,
            other_rule_changed: true,
        };
        assert!(setid_rule_note(&c).unwrap().contains("does not count"));
        let same = SetidCheck {
            other_rule_changed: false,
            ..c
        };
        assert_eq!(setid_rule_note(&same), None);
    }
}

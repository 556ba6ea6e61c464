//! 简体中文.

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
        return "（无）".to_string();
    }
    set.iter().map(cap_name).collect::<Vec<_>>().join(",")
}

pub fn exec_set_name(set: SetName) -> &'static str {
    match set {
        SetName::Inheritable => "可继承集",
        SetName::Permitted => "许可集",
        SetName::Effective => "有效集",
        SetName::Bounding => "边界集",
        SetName::Ambient => "环境集",
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

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// `a` then `b`, with the one space the glossary (§7) puts between Chinese
/// and Latin text where the two meet; the parts vary at run time.
fn spaced(a: &str, b: &str) -> String {
    let latin = |c: char| c.is_ascii_alphanumeric() || c == '`' || c == '"';
    let gap = match (a.chars().last(), b.chars().next()) {
        (Some(x), Some(y)) => (is_cjk(x) && latin(y)) || (latin(x) && is_cjk(y)),
        _ => false,
    };
    if gap {
        format!("{a} {b}")
    } else {
        format!("{a}{b}")
    }
}

/// Columns a terminal gives `s`: two for each CJK or full-width character.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let wide = is_cjk(c)
                || ('\u{3000}'..='\u{303f}').contains(&c)
                || ('\u{ff00}'..='\u{ff60}').contains(&c);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

/// `s` padded with spaces to `width` terminal columns, so the table of the
/// text report stays aligned with Chinese headers.
fn pad(s: &str, width: usize) -> String {
    let fill = width.saturating_sub(display_width(s));
    format!("{s}{}", " ".repeat(fill))
}

/// `uid 0，euid 1000`: ids named as `id` and `/proc` name them.
fn ids(pairs: &[(&str, u32)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{name} {value}"))
        .collect::<Vec<_>>()
        .join("，")
}

fn source(s: Source) -> &'static str {
    match s {
        Source::FileBounding => "边界集 ∩ 文件许可集（X & fP）",
        Source::FileInheritable => "可继承集 ∩ 文件可继承集（pI & fI）",
        Source::Ambient => "环境集（pA'）",
        Source::RootBounding => "root 规则下的边界集（X）",
        Source::RootInheritable => "root 规则下的可继承集（pI）",
    }
}

fn downgrade_cause(c: DowngradeCause) -> &'static str {
    match c {
        DowngradeCause::NoNewPrivs => "设置了 no_new_privs",
        DowngradeCause::SharedFs => "进程的文件系统上下文与另一个进程共享",
        DowngradeCause::UnprivilegedTracer => "进程正被一个没有 CAP_SYS_PTRACE 的跟踪进程跟踪",
    }
}

fn ambient_cleared(file_caps: bool, setid: bool) -> &'static str {
    match (file_caps, setid) {
        (true, true) => "环境集被清空，因为文件有文件权能，而且这次 exec 改变了有效 UID",
        (true, false) => "环境集被清空，因为文件有文件权能（即使是空的文件权能也会清空它）",
        (false, true) => "环境集被清空，因为这次 exec 改变了有效 UID",
        (false, false) => "环境集已被清空",
    }
}

pub fn why(w: &Why) -> String {
    match w {
        Why::Unchanged => "exec 从不改变这个集合".to_string(),
        Why::Permitted(by) if by.is_empty() => "保留".to_string(),
        Why::Permitted(by) => {
            let mut text = "来自".to_string();
            for (i, s) in by.iter().enumerate() {
                if i > 0 {
                    text.push('和');
                }
                text = spaced(&text, source(*s));
            }
            text
        }
        Why::Effective(EffectiveCause::FileEffectiveBit) => {
            "文件的有效位（+e）让许可集中的每个权能都进入有效集".to_string()
        }
        Why::Effective(EffectiveCause::RootEuid) => {
            "有效 UID 为 0，所以许可集中的每个权能都进入有效集".to_string()
        }
        Why::EffectiveFromAmbient => "它在环境集中，所以也在有效集中（pE' = pA'）".to_string(),
        Why::AmbientKept => {
            "文件没有文件权能，这次 exec 也不改变有效 UID，所以环境集保留它".to_string()
        }
        Why::Absent(l) => lost(l),
    }
}

pub fn lost(l: &Lost) -> String {
    match l {
        Lost::NotInBounding => {
            "文件要求它（fP），但边界集里没有它，pI & fI 也提供不了它".to_string()
        }
        Lost::NotInInheritable => {
            "文件可继承集提供了它，但进程的可继承集里没有它".to_string()
        }
        Lost::Downgraded(c) => format!(
            "本来会授予它，但{}，而且进程之前没有它：这种情况下 exec 不能增加特权",
            downgrade_cause(*c)
        ),
        Lost::AmbientCleared { file_caps, setid } => ambient_cleared(*file_caps, *setid).to_string(),
        Lost::NorootSkipped => "设置了 SECBIT_NOROOT，所以 uid 0 不能通过 root 规则获得任何权能".to_string(),
        Lost::FileCapsIgnoredNosuid => "文件所在的文件系统以 nosuid 挂载，文件权能被忽略".to_string(),
        Lost::NotRegranted => {
            "exec 重新计算许可集，没有任何来源再次授予它（只有环境集、文件权能或 root 规则会授予）".to_string()
        }
        Lost::NotEffective(NoEffective::FileWithoutEffectiveBit) => {
            "在许可集中，但不在有效集中：文件没有有效位（+e），只有自己把它加入有效集的程序（感知权能的程序）才能使用它".to_string()
        }
        Lost::NotEffective(NoEffective::RealRootOnly) => {
            "在许可集中，但不在有效集中：只有实际 UID 是 0，而 root 规则只在有效 UID 为 0 时才把权能加入有效集".to_string()
        }
        Lost::NotEffective(NoEffective::NothingRaisesIt) => {
            "在许可集中，但不在有效集中：文件没有有效位，有效 UID 也不是 0，没有什么会把它加入有效集".to_string()
        }
    }
}

pub fn reason_line(r: &CapReason) -> String {
    format!("{}（{}）：{}", cap_name(r.cap), change(r), why(&r.why))
}

pub fn shared_reason_line(caps: &[u8], r: &CapReason) -> String {
    let names: Vec<String> = caps.iter().map(|&c| cap_name(c)).collect();
    format!("{}（{}）：{}", names.join("、"), change(r), why(&r.why))
}

fn change(r: &CapReason) -> &'static str {
    match (r.before, r.after) {
        (false, true) => "获得",
        (true, false) => "失去",
        (true, true) => "保留",
        (false, false) => "未授予",
    }
}

pub fn refusal(r: &Refusal) -> String {
    let them = if r.missing.len() == 1 {
        "它"
    } else {
        "它们"
    };
    format!(
        "execve 失败，返回 EPERM（`Operation not permitted`）。文件带有效位（+e），\
         内核因此把它当作不检查自身权能的程序，拒绝在缺少完整文件许可集（{}）的情况下启动它。\
         缺少：{}，因为边界集里没有{them}，进程和文件的可继承集（pI & fI）也提供不了{them}。\
         这项检查在 root 规则之前执行，所以 root 也会被拒绝。\
         如果文件没有 +e，程序会正常启动，只是没有这些权能。",
        exec_cap_list(r.file_permitted),
        exec_cap_list(r.missing),
    )
}

pub fn plus_p_versus_ep() -> &'static str {
    "使用 +p 时，权能只进入许可集。感知权能的程序（例如 iputils 的 ping）会自己用 capset \
        或 libcap 把需要的权能加入有效集，然后就能正常工作。普通程序不会这样做：它直接调用 \
        socket() 或 bind()，内核检查的是有效集，而有效集为空，于是调用失败，报 \
        `Operation not permitted`。使用 +ep 时，内核在 exec 时把整个许可集复制到有效集，\
        任何程序无需修改都能工作。"
}

pub fn setid_rule_note(c: &SetidCheck) -> Option<String> {
    if c.changed == c.other_rule_changed {
        return None;
    }
    let (now, other) = match c.rule {
        SetidRule::Current => ("当前内核（2025 年及以后）", "旧内核"),
        SetidRule::Pre2025 => ("旧内核（2025 年修改 set-id 判定规则之前）", "当前内核"),
    };
    Some(format!(
        "exec 之前，实际 UID（{}）与有效 UID（{}）不同。在{now}上，{}；在{other}上，\
         它{}。这会影响环境集是否被清空，以及 no_new_privs 是否把有效 UID 重置为实际 UID。\
         （Linux 6.18 比较的是新的有效 UID 和旧的有效 UID。）",
        c.old_uid,
        c.old_euid,
        if c.changed {
            "这次 exec 算作更换 ID（set-id）"
        } else {
            "这次 exec 不算作更换 ID（set-id）"
        },
        if c.other_rule_changed {
            "会算作更换 ID"
        } else {
            "不会算作更换 ID"
        },
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
        Step::Ids { euid, suid, .. } => {
            let ids = ids(&[("euid", *euid), ("suid", *suid)]);
            format!("保存的 UID 和 fsuid 跟随有效 UID：{ids}。")
        }
        Step::Ambient(a) => ambient_step(a),
        Step::PermittedPlusAmbient {
            permitted,
            ambient,
            result,
        } => {
            let f = format!("pP' = pP' | pA' = {permitted} | {ambient} = {result}");
            format!("{f}。")
        }
        Step::Effective(e) => effective_step(e),
        Step::Unchanged {
            inheritable,
            bounding,
        } => {
            let (i, x) = (
                format!("pI' = pI = {inheritable}"),
                format!("X' = X = {bounding}"),
            );
            format!("{i}，{x}：exec 从不改变这两个集合。")
        }
        Step::KeepCapsCleared { was_set: true, .. } => "exec 清除了 SECBIT_KEEP_CAPS。".to_string(),
        Step::KeepCapsCleared { was_set: false, .. } => {
            "securebits 保持不变（没有设置 KEEP_CAPS）。".to_string()
        }
        Step::SecureExec { secure: true, .. } => {
            "动态加载器以安全模式（AT_SECURE）运行：忽略 LD_PRELOAD、LD_LIBRARY_PATH 等变量。"
                .to_string()
        }
        Step::SecureExec { secure: false, .. } => {
            "动态加载器正常运行（没有 AT_SECURE）。".to_string()
        }
    }
}

fn setuid_bit_step(b: &SetuidBit) -> String {
    match b {
        SetuidBit::NotSet => "文件不是 set-user-ID root 程序。".to_string(),
        SetuidBit::Honoured { old_euid } => {
            format!("文件是 set-user-ID root 程序：有效 UID 从 {old_euid} 变为 0。")
        }
        SetuidBit::IgnoredNosuid => {
            "文件是 set-user-ID root 程序，但所在文件系统以 nosuid 挂载：这个位被忽略。".to_string()
        }
        SetuidBit::IgnoredNoNewPrivs => {
            "文件是 set-user-ID root 程序，但设置了 no_new_privs：这个位被忽略。".to_string()
        }
    }
}

fn file_caps_step(f: &FileCapsStep) -> String {
    match f {
        FileCapsStep::Absent => "文件没有文件权能：新的许可集从空集开始。".to_string(),
        FileCapsStep::IgnoredNosuid => {
            "文件有文件权能，但所在文件系统以 nosuid 挂载：文件权能被忽略，新的许可集从空集开始。"
                .to_string()
        }
        FileCapsStep::Computed {
            from_bounding,
            from_inheritable,
            permitted,
            file_effective,
            ..
        } => format!(
            "文件权能：pP' = (X & fP) | (pI & fI) = {} | {} = {} [{}]；有效位{}。",
            from_bounding,
            from_inheritable,
            permitted,
            exec_cap_list(*permitted),
            if *file_effective {
                "已设置"
            } else {
                "未设置"
            }
        ),
    }
}

fn root_step(r: &RootStep) -> String {
    match r {
        RootStep::NotRoot => "实际 UID 和有效 UID 都不是 0：不适用 root 规则。".to_string(),
        RootStep::SkippedNoroot { .. } => {
            "涉及 uid 0，但设置了 SECBIT_NOROOT：跳过 root 规则。".to_string()
        }
        RootStep::FileCapsWin { setuid_bit } => format!(
            "新的有效 UID 是 0，但实际 UID 不是，而且文件有文件权能：\
             内核直接使用文件权能，跳过 root 规则{}。",
            if *setuid_bit {
                "（内核会记录一条警告，说明这是带文件权能的 setuid-root 文件）"
            } else {
                ""
            }
        ),
        RootStep::Applied {
            real_root,
            effective_root,
            permitted,
            ..
        } => {
            let f = format!("pP' = X | pI = {permitted}");
            format!(
                "root 规则（{}）：{f}{}。",
                match (real_root, effective_root) {
                    (true, true) => "实际 UID 和有效 UID 都为 0",
                    (true, false) => "实际 UID 为 0",
                    (false, _) => "有效 UID 为 0",
                },
                if *effective_root {
                    "；有效 UID 为 0，所以 pE' 将等于整个 pP'"
                } else {
                    "；只有实际 UID 为 0，所以不会把权能加入有效集"
                }
            )
        }
    }
}

fn setid_check_step(c: &SetidCheck) -> String {
    let (rule, old) = match c.rule {
        SetidRule::Current => ("当前规则", format!("有效 UID {}", c.old_euid)),
        SetidRule::Pre2025 => ("2025 年之前的规则", format!("实际 UID {}", c.old_uid)),
    };
    format!(
        "set-id 检查（{rule}）：新的有效 UID {} 对比旧的{old}：{}。",
        c.new_euid,
        if c.changed {
            "ID 有变化"
        } else {
            "没有变化"
        }
    )
}

fn downgrade_step(d: &DowngradeStep) -> String {
    match d {
        DowngradeStep::NothingGained => {
            "这次 exec 既不更换 ID，也不向许可集增加权能：无需限制。".to_string()
        }
        DowngradeStep::NotRestricted { .. } => {
            "这次 exec 会增加特权；没有任何因素（no_new_privs、ptrace、共享的文件系统上下文）限制它。"
                .to_string()
        }
        DowngradeStep::Applied {
            cause,
            proposed,
            old_permitted,
            permitted,
            euid,
            ..
        } => {
            let f = format!("pP' = pP' & pP = {proposed} & {old_permitted} = {permitted}");
            let euid = match euid {
                EuidAfterDowngrade::Unchanged => String::new(),
                EuidAfterDowngrade::Reverted { from, to } => {
                    format!("；有效 UID 从 {from} 退回到实际 UID {to}")
                }
                EuidAfterDowngrade::KeptCapSetuid => {
                    "；调用者有 CAP_SETUID，所以有效 UID 保持不变".to_string()
                }
            };
            format!(
                "这次 exec 本会增加特权，但{}：{f}{euid}。",
                downgrade_cause(*cause)
            )
        }
    }
}

fn ambient_step(a: &AmbientStep) -> String {
    match a {
        AmbientStep::Kept(a) => format!("保留环境集：pA' = {} [{}]。", a, exec_cap_list(*a)),
        AmbientStep::Cleared {
            lost,
            file_caps,
            setid,
        } => format!(
            "{}：pA' = 0{}。",
            ambient_cleared(*file_caps, *setid),
            if lost.is_empty() {
                String::new()
            } else {
                format!("（失去：{}）", exec_cap_list(*lost))
            }
        ),
    }
}

fn effective_step(e: &EffectiveStep) -> String {
    match e {
        EffectiveStep::AllPermitted { cause, effective } => {
            let f = format!("pE' = pP' = {effective}");
            format!(
                "{f}，因为{}。",
                match cause {
                    EffectiveCause::FileEffectiveBit => "文件带有效位",
                    EffectiveCause::RootEuid => "有效 UID 为 0",
                }
            )
        }
        EffectiveStep::AmbientOnly { effective } => {
            let f = format!("pE' = pA' = {effective}");
            format!("文件没有有效位，有效 UID 也不是 0：{f}。")
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
        out.push("设置了 fE 且 fP ⊄ pP'，所以 execve 返回 EPERM".to_string());
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
                "root 规则：pP' = X | pI = {bounding} | {inheritable} = {permitted}"
            )),
            Step::Downgrade(DowngradeStep::Applied {
                proposed,
                old_permitted,
                permitted,
                ..
            }) => out.push(format!(
                "降级：pP' = pP' & pP = {proposed} & {old_permitted} = {permitted}"
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
        UidStep::Privileged => "CAP_SETUID 在有效集中：可以设置任意 ID。".to_string(),
        UidStep::OwnIds => "没有 CAP_SETUID，但每个新 ID 都是进程已有的 ID。".to_string(),
        UidStep::Ids { uid, euid, suid } => format!("新的 ID：{}。", ids(&[("uid", *uid), ("euid", *euid), ("suid", *suid)])),
        UidStep::NoFixup => "设置了 SECBIT_NO_SETUID_FIXUP：权能集合保持不动。".to_string(),
        UidStep::LeftRoot { keep_caps: true, lost_ambient, .. } => format!(
            "不再有任何 UID 为 0。SECBIT_KEEP_CAPS 保留了许可集，但环境集照样被清空{}。",
            if lost_ambient.is_empty() { String::new() } else { format!("（失去：{}）", exec_cap_list(*lost_ambient)) }
        ),
        UidStep::LeftRoot { keep_caps: false, lost_permitted, lost_ambient, .. } => format!(
            "不再有任何 UID 为 0，且没有设置 SECBIT_KEEP_CAPS：许可集、有效集和环境集都被清空（许可集失去：{}；环境集失去：{}）。",
            exec_cap_list(*lost_permitted),
            exec_cap_list(*lost_ambient)
        ),
        UidStep::EuidLeftRoot { lost_effective } => format!(
            "有效 UID 不再是 0：有效集被清空（失去：{}）。",
            exec_cap_list(*lost_effective)
        ),
        UidStep::EuidBecameRoot { effective } => {
            format!("有效 UID 变为 0：有效集设为许可集（{effective}）。")
        }
        UidStep::NoRootChange => "没有涉及 uid 0 的变化：权能集合保持原样。".to_string(),
        UidStep::FsuidNotChanged => "文件系统 UID 没有变化（值相同，或者没有 CAP_SETUID 而不允许修改；setfsuid 不报错）。".to_string(),
        UidStep::FsuidLeftRoot { lost_effective } => format!(
            "文件系统 UID 不再是 0：文件系统相关的权能移出有效集（失去：{}）。",
            exec_cap_list(*lost_effective)
        ),
        UidStep::FsuidBecameRoot { raised } => format!(
            "文件系统 UID 变为 0：许可集中文件系统相关的权能加入有效集（加入：{}）。",
            exec_cap_list(*raised)
        ),
    }
}

pub fn uid_refusal(r: &UidRefusal) -> String {
    format!(
        "EPERM：有效集中没有 CAP_SETUID 时，进程只能在自己的实际 UID、有效 UID 和保存的 UID 之间切换，而 {} 不是其中之一。",
        r.not_own
    )
}

pub fn json_type(t: JsonType) -> &'static str {
    match t {
        JsonType::Null => "null",
        JsonType::Boolean => "布尔值",
        JsonType::Number => "数字",
        JsonType::String => "字符串",
        JsonType::Array => "数组",
        JsonType::Object => "对象",
    }
}

pub fn whole_line() -> &'static str {
    "（整行）"
}

fn expected(e: &Expected) -> &'static str {
    match e {
        Expected::Object => "对象",
        Expected::ObjectOrNull => "对象或 null",
        Expected::Integer => "非负整数",
        Expected::Bool => "true 或 false",
        Expected::HexString => "由 1 到 16 位十六进制数字组成的字符串",
        Expected::String => "字符串",
    }
}

pub fn protocol_error(e: &ProtocolError) -> String {
    match e {
        ProtocolError::TooLong { len } => {
            format!("行太长（共 {len} 字节，最多 {MAX_LINE} 字节）")
        }
        ProtocolError::NotUtf8 { column } => {
            format!("不是有效的 UTF-8（从第 {column} 个字节开始的字符已损坏），所以不是 JSON")
        }
        ProtocolError::NotJson { column, message } => {
            format!("第 {column} 列处不是有效的 JSON：{message}")
        }
        ProtocolError::NotObject { path } => format!("{path}：应为 JSON 对象"),
        ProtocolError::Missing { path } => format!("{path}：缺失"),
        ProtocolError::WrongType {
            path,
            expected: e,
            found,
        } => format!(
            "{path}：{}，{}",
            spaced("应为", expected(e)),
            spaced("实际为", json_type(*found))
        ),
        ProtocolError::BadMask { path, value } => {
            format!("{path}：应为 1 到 16 位十六进制数字（第 n 位对应编号为 n 的权能），实际为 {value:?}")
        }
        ProtocolError::OutOfRange { path, value, max } => {
            format!("{path}：值 {value} 不是 0 到 {max} 之间的整数")
        }
        ProtocolError::UnknownKey { path } => format!("{path}：未知的键"),
        ProtocolError::BadRule { value } => {
            format!("rule：应为 \"current\" 或 \"pre2025\"，实际为 {value:?}")
        }
    }
}

pub fn protocol_error_at(line_number: usize, e: &ProtocolError) -> String {
    format!("输入第 {line_number} 行：{}", protocol_error(e))
}

pub fn state_problem(p: &StateProblem) -> String {
    match p {
        StateProblem::EffectiveNotPermitted(s) => format!(
            "内核从不允许一个权能在有效集中却不在许可集中：{}",
            exec_cap_list(*s)
        ),
        StateProblem::AmbientNotPermittedAndInheritable(s) => format!(
            "内核保证环境集中的权能始终同时在许可集和可继承集中，所以 {} 不可能在环境集中",
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
        (None, _) => "没有文件权能".to_string(),
        (Some(_), Some(t)) => format!("文件权能 {t}"),
        (Some(c), None) => format!(
            "文件权能 fP={} fI={} fE={}",
            c.permitted,
            c.inheritable,
            if c.effective {
                "已设置"
            } else {
                "未设置"
            }
        ),
    };
    format!(
        "文件：{caps}{}{}",
        if file.setuid_root {
            "，set-user-ID root 程序"
        } else {
            ""
        },
        if file.nosuid_mount {
            "，所在文件系统以 nosuid 挂载"
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
        "进程：{}，securebits {:#x}{}",
        ids(&[("uid", b.uid), ("euid", b.euid), ("suid", b.suid)]),
        b.securebits.0,
        if b.no_new_privs {
            "，已设置 no_new_privs"
        } else {
            ""
        }
    ));
    out.line(file_line(&t.file, caps_text));
    for p in b.invariant_problems() {
        out.line(format!("警告：{}", state_problem(&p)));
    }
    out.line(String::new());
}

/// The ids and the five sets, before and after; columns padded by terminal
/// width, since the Chinese headers take two columns a character.
fn report_table(out: &mut Lines, b: &ProcessState, a: &ProcessState) {
    out.line(format!("{}{}之后", pad("", 8), pad("之前", 18)));
    let ids_before = format!("{} {} {}", b.uid, b.euid, b.suid);
    out.line(format!(
        "{}{}{} {} {}",
        pad("Uid", 8),
        pad(&ids_before, 18),
        a.uid,
        a.euid,
        a.suid
    ));
    for set in SetName::ALL {
        let (x, y) = (b.get(set), a.get(set));
        let mark = if x == y { "" } else { "  有变化" };
        out.line(format!(
            "{}{}{}{mark}",
            pad(status_label(set), 8),
            pad(&x.hex16(), 18),
            y.hex16(),
        ));
    }
    out.line(String::new());
}

/// Why each capability of permitted, effective and ambient is (not) there.
fn report_reasons(out: &mut Lines, t: &Transition, a: &ProcessState) {
    for set in [SetName::Permitted, SetName::Effective, SetName::Ambient] {
        // The glossary glosses ambient once per view: 环境集（ambient）.
        let name = match set {
            SetName::Ambient => "环境集（ambient）",
            _ => exec_set_name(set),
        };
        let rs: Vec<&CapReason> = t.reasons.iter().filter(|r| r.set == set).collect();
        if rs.is_empty() {
            out.line(format!("{name}：之前和之后都为空。"));
            continue;
        }
        out.line(format!("exec 之后的{name}：{}", exec_cap_list(a.get(set))));
        for r in rs {
            out.line(format!("  {}", reason_line(r)));
        }
    }
    out.line("可继承集和边界集：exec 从不改变这两个集合。".to_string());
    out.line(String::new());
}

/// The numbered steps, then the formulas with their values.
fn report_steps(out: &mut Lines, t: &Transition) {
    out.line("步骤：".to_string());
    for (i, s) in t.trace.iter().enumerate() {
        out.line(format!("  {}. {}", i + 1, step(s)));
    }
    out.line(String::new());
    out.line("代入本次数值的公式：".to_string());
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
                out.line(format!("注：{n}"));
            }
        }
    }
    if let Some(f) = t.file.caps {
        if !f.effective && t.outcome.as_ref().is_ok_and(|a| !a.permitted.is_empty()) {
            out.line(String::new());
            out.line(format!("注：{}", plus_p_versus_ep()));
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
            "  现在：{}；CapPrm {} CapEff {} CapAmb {}\n",
            ids(&[("uid", a.uid), ("euid", a.euid), ("suid", a.suid)]),
            a.permitted,
            a.effective,
            a.ambient
        )),
    }
    out
}

pub fn example_title(id: ExampleId) -> &'static str {
    match id {
        ExampleId::PingPlusP => "带 cap_net_admin,cap_net_raw+p 的 ping（caplens 缘起的那篇文章）",
        ExampleId::PingPlusEp => "同一个 ping，改用 +ep",
        ExampleId::SetuidRootByUser => "普通用户运行 set-user-ID root 程序",
        ExampleId::DockerUserFileCap => {
            "Docker 中的非 root 用户：带 cap_net_bind_service+ep 的程序"
        }
        ExampleId::DockerUserOutsideBounding => {
            "Docker 中的非 root 用户：带 cap_net_admin+ep 的程序"
        }
        ExampleId::AmbientLikeCapsh => "环境集（ambient）中有权能的用户进程（capsh --addamb）",
        ExampleId::RootWithNoNewPrivs => "设置了 no_new_privs、许可集已缩减的 root 进程",
    }
}

pub fn example_point(id: ExampleId) -> &'static str {
    match id {
        ExampleId::PingPlusP => {
            "权能只进入许可集。ping 会自己把它们加入有效集，所以能工作；\
            普通程序拿到同样的 +p 会失败，报 `Operation not permitted`。"
        }
        ExampleId::PingPlusEp => {
            "有效位在 exec 时把许可集复制到有效集，所以任何程序都能使用这些权能。"
        }
        ExampleId::SetuidRootByUser => {
            "有效 UID 变为 0，root 规则把整个边界集授予许可集和有效集；\
            因为 ID 发生了变化，环境集被清空。"
        }
        ExampleId::DockerUserFileCap => {
            "非 root 容器进程的许可集和有效集为空，\
            但在 Docker 边界集内的文件权能仍然起作用（除非设置了 no_new_privs）。"
        }
        ExampleId::DockerUserOutsideBounding => {
            "cap_net_admin 不在 Docker 的边界集中，而文件带 +e，\
            所以内核根本不让它运行：execve 失败，返回 EPERM。"
        }
        ExampleId::AmbientLikeCapsh => {
            "执行没有文件权能的程序时，环境集中的权能在 exec 后保留下来，\
            并进入许可集和有效集，非 root 用户也一样。"
        }
        ExampleId::RootWithNoNewPrivs => {
            "没有 no_new_privs 时，root 的 exec 会用边界集重新填满许可集；\
            设置了 no_new_privs 后，exec 不能授予进程原本没有的任何权能。"
        }
    }
}

pub fn securebit_meaning(bit: u32) -> &'static str {
    match bit {
        Securebits::NOROOT => "exec 时 root 不再因身份获得权能",
        Securebits::NO_SETUID_FIXUP => "更换 UID 时不调整权能集合",
        Securebits::KEEP_CAPS => "通过 setuid 离开 root 时保留许可集，直到下一次 exec",
        Securebits::NO_CAP_AMBIENT_RAISE => "不允许再向环境集加入权能",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::{english_run, spacing_error};
    use caplens_core::exec::examples::examples;
    use caplens_core::exec::{
        execve, execve_with, setresuid, ExecFile, ExecOptions, FileCaps, ProcessState, Tracer,
    };

    /// Chinese prose by the glossary's rules: no English sentence left, the
    /// spaces between Chinese and Latin text right.
    fn assert_chinese(t: &str) {
        assert_eq!(english_run(t), None, "仍有英文：{t}");
        assert_eq!(spacing_error(t), None, "空格不合规范：{t}");
    }

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
            text.contains("EPERM") && text.contains("缺少：cap_sys_resource，因为边界集里没有它，"),
            "{text}"
        );
        assert_chinese(&text);
        assert!(report(&t, None).contains("缺少：cap_sys_resource"));
        assert_eq!(
            formula(&t)[1],
            "设置了 fE 且 fP ⊄ pP'，所以 execve 返回 EPERM"
        );
    }

    #[test]
    fn report_names_the_capability_and_keeps_the_table_aligned() {
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
        let t = execve(&user, &file);
        let f = formula(&t);
        assert_eq!(f[0], "pP' = (X & fP) | (pI & fI) = (000001ffffffffff & 0000000000002000) | (0000000000000000 & 0000000000000000) = 0000000000002000");
        assert!(
            f.contains(&"pE' = pP' = 0000000000002000".to_string()),
            "{f:?}"
        );
        let r = report(&t, Some("cap_net_raw=ep"));
        assert!(
            r.contains("  cap_net_raw（获得）：来自边界集 ∩ 文件许可集（X & fP）\n"),
            "{r}"
        );
        assert!(r.contains("文件：文件权能 cap_net_raw=ep\n"), "{r}");
        let row = "CapPrm  0000000000000000  0000000000002000  有变化";
        assert!(r.contains(row), "{r}");
        // The header's 之后 stands over the after column in a terminal.
        let header = r.lines().find(|l| l.contains("之前")).unwrap();
        let at = header.find("之后").unwrap();
        assert_eq!(
            display_width(&header[..at]),
            row.find("0000000000002000").unwrap()
        );
    }

    #[test]
    fn two_sources_of_one_capability_are_both_named() {
        let root = ProcessState {
            inheritable: CapSet::single(0),
            bounding: CapSet::first_n(41),
            ..Default::default()
        };
        let t = execve(&root, &ExecFile::default());
        let chown = t
            .reasons
            .iter()
            .find(|r| r.cap == 0 && r.set == SetName::Permitted)
            .unwrap();
        assert_eq!(
            reason_line(chown),
            "cap_chown（获得）：来自 root 规则下的边界集（X）和 root 规则下的可继承集（pI）"
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
        let note = setid_rule_note(&c).unwrap();
        assert!(
            note.starts_with("exec 之前，实际 UID（0）与有效 UID（1000）不同。"),
            "{note}"
        );
        assert!(note.contains("这次 exec 不算作更换 ID"), "{note}");
        assert!(note.contains("在旧内核上，它会算作更换 ID。"), "{note}");
        assert_chinese(&note);
        let same = SetidCheck {
            other_rule_changed: false,
            ..c
        };
        assert_eq!(setid_rule_note(&same), None);
    }

    /// Every sentence the ready-made examples produce, with their values
    /// filled in, reads as Chinese; also under each kernel rule, ptrace, a
    /// shared fs, no_new_privs, a nosuid mount and differing real and
    /// effective uids, so most kinds of step show up.
    #[test]
    fn the_examples_read_as_chinese() {
        let options = [
            ExecOptions::default(),
            ExecOptions {
                rule: SetidRule::Pre2025,
                shared_fs: true,
                ..Default::default()
            },
            ExecOptions {
                tracer: Tracer::Unprivileged,
                ..Default::default()
            },
        ];
        for e in examples() {
            assert_chinese(example_title(e.id));
            assert_chinese(example_point(e.id));
            for (nnp, nosuid, euid) in [(false, false, 0), (true, true, 1), (true, false, 2)] {
                let before = ProcessState {
                    no_new_privs: nnp,
                    euid: [e.before.euid, 0, 1000][euid],
                    ..e.before
                };
                let file = ExecFile {
                    nosuid_mount: nosuid,
                    ..e.file
                };
                for o in &options {
                    let t = execve_with(&before, &file, o);
                    t.trace.iter().for_each(|s| assert_chinese(&step(s)));
                    t.reasons
                        .iter()
                        .for_each(|r| assert_chinese(&reason_line(r)));
                    formula(&t).iter().for_each(|f| assert_chinese(f));
                    for s in &t.trace {
                        if let Step::SetidCheck(c) = s {
                            let flipped = SetidCheck {
                                other_rule_changed: !c.changed,
                                ..*c
                            };
                            assert_chinese(&setid_rule_note(&flipped).unwrap());
                        }
                    }
                    assert_chinese(&file_line(&file, Some(e.file_text)));
                    assert_chinese(&file_line(&file, None));
                    let r = report(&t, None);
                    assert!(r.contains("步骤：\n  1. "), "{r}");
                }
            }
        }
    }

    #[test]
    fn uid_changes_name_what_was_lost() {
        let root = ProcessState {
            permitted: CapSet::single(0).union(CapSet::single(7)),
            effective: CapSet::single(0).union(CapSet::single(7)),
            bounding: CapSet::first_n(41),
            ..Default::default()
        };
        let text = uid_report(&setresuid(&root, 1000, 1000, 1000));
        assert!(
            text.contains("（许可集失去：cap_chown,cap_setuid；环境集失去：（无））"),
            "{text}"
        );
        assert!(
            text.contains("  现在：uid 1000，euid 1000，suid 1000；"),
            "{text}"
        );
        text.lines().for_each(|l| assert_chinese(l.trim()));
        let user = ProcessState {
            uid: 1000,
            euid: 1000,
            suid: 1000,
            ..Default::default()
        };
        let refused = uid_report(&setresuid(&user, 0, 0, 0));
        assert!(refused.contains("而 0 不是其中之一。"), "{refused}");
    }

    #[test]
    fn protocol_errors_name_the_line_and_the_types() {
        let e = ProtocolError::WrongType {
            path: "before.nnp".to_string(),
            expected: Expected::Bool,
            found: JsonType::Null,
        };
        assert_eq!(
            protocol_error_at(3, &e),
            "输入第 3 行：before.nnp：应为 true 或 false，实际为 null"
        );
        let e = ProtocolError::WrongType {
            path: "before".to_string(),
            expected: Expected::Object,
            found: JsonType::Array,
        };
        assert_eq!(protocol_error(&e), "before：应为对象，实际为数组");
        let bad = ProtocolError::BadRule {
            value: "old".to_string(),
        };
        assert_eq!(
            protocol_error(&bad),
            "rule：应为 \"current\" 或 \"pre2025\"，实际为 \"old\""
        );
    }
}

//! 简体中文.

use caplens_core::catalog::{self, KernelVersion};
use caplens_core::mask::{MaskErrorKind, NameErrorKind};
use caplens_core::preset::{Comparison, Difference, KernelRange, PresetId, RangeReason};
use caplens_core::set::CapSet;
use caplens_core::status::{InputError, InputErrorKind, Note, SeccompMode, SetKind, SourceKind};

/// Items of a Chinese list are separated by 顿号 (glossary §7).
fn listed<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join("、")
}

pub fn mask_error(kind: &MaskErrorKind) -> String {
    match kind {
        MaskErrorKind::Empty => "没有掩码。应为 1 到 16 位十六进制数字，例如 a80425fb。".into(),
        MaskErrorKind::NoDigitsAfterPrefix => "`0x` 后面必须跟 1 到 16 位十六进制数字。".into(),
        MaskErrorKind::BadDigit { found } if found.is_whitespace() => {
            "掩码中间有空白。掩码是一串连续的十六进制数字。".into()
        }
        MaskErrorKind::BadDigit { found } => format!(
            "`{}` 不是十六进制数字（0-9、a-f），掩码用十六进制书写。",
            found.escape_default()
        ),
        MaskErrorKind::TooManyDigits { digits } => {
            format!("{digits} 位十六进制数字太多了，权能掩码最多 16 位（64 个二进制位）。")
        }
    }
}

pub fn name_error(kind: NameErrorKind, item: &str) -> String {
    match kind {
        NameErrorKind::UnknownName => format!(
            "`{item}` 不是权能名。请写成 NET_RAW、net_raw 或 cap_net_raw 的形式，或者写 0 到 63 的编号。"
        ),
        NameErrorKind::NumberOutOfRange => {
            format!("`{item}` 超出范围，权能编号从 0 到 63。")
        }
        NameErrorKind::HasFlags => format!(
            "`{item}` 带有标志（+ep、=p……）。这是 libcap 的文本形式，这里只需列出名称。"
        ),
    }
}

pub fn names_error(e: &caplens_core::mask::NameError) -> String {
    format!("第 {} 列：{}", e.column, name_error(e.kind, &e.item))
}

pub fn input_error(e: &InputError) -> String {
    format!(
        "第 {} 行第 {} 列：{}",
        e.line,
        e.column,
        input_error_message(&e.kind)
    )
}

pub fn input_error_message(kind: &InputErrorKind) -> String {
    match kind {
        InputErrorKind::TooLarge { bytes, limit } => format!(
            "输入有 {} KiB，最多只接受 {} KiB。请只粘贴一个进程的 status，不要粘贴整份日志。",
            bytes.div_ceil(1024),
            limit / 1024
        ),
        InputErrorKind::Empty => "没有可解码的内容。请粘贴掩码、CapXxx: 行、/proc/PID/status、capsh --print 或 getpcaps 的输出。".into(),
        InputErrorKind::NotRecognised => "这看起来不是掩码、CapXxx: 行、/proc/PID/status、capsh --print 或 getpcaps 的输出。".into(),
        InputErrorKind::BadMask { error } => mask_error(error),
        InputErrorKind::BadName { item, error } => name_error(*error, item),
        InputErrorKind::BadCapText { clause, detail: Some(kind) } => {
            format!("`{clause}` 有误，{}", crate::text::zh_cn::error_kind(kind))
        }
        InputErrorKind::BadCapText { clause, detail: None } => format!(
            "`{clause}` 不是有效的 libcap 文本。应为权能名，后接 =、+ 或 -，再接标志 e、i、p（例如 cap_net_raw=ep）。"
        ),
        InputErrorKind::UnknownCapKey { key } => format!(
            "`{key}:` 不是权能行；/proc/PID/status 里的权能行是 CapInh、CapPrm、CapEff、CapBnd 和 CapAmb。"
        ),
        InputErrorKind::BadNumber { field } => format!("`{field}` 的值必须是整数。"),
        InputErrorKind::Conflict { kind, first_line } => format!(
            "{}再次出现，而且值不同（首次出现在第 {first_line} 行）。请一次只粘贴一个进程。",
            set_name(*kind)
        ),
        InputErrorKind::TooManyMasks { limit } => {
            format!("掩码超过 {limit} 个，请分成几组，分别解码。")
        }
        InputErrorKind::SeveralProcesses { first_line } => format!(
            "这里出现了第二个进程的输出（第一个从第 {first_line} 行开始）。请一次只粘贴一个进程。"
        ),
    }
}

pub fn set_name(kind: SetKind) -> &'static str {
    match kind {
        SetKind::Inheritable => "可继承集",
        SetKind::Permitted => "许可集",
        SetKind::Effective => "有效集",
        SetKind::Bounding => "边界集",
        SetKind::Ambient => "环境集",
    }
}

pub fn set_meaning(kind: SetKind) -> &'static str {
    match kind {
        SetKind::Inheritable => "execve 之后仍然保留，但只有当程序的文件权能也列出它（或经由环境集）时，才会变成真正的特权。",
        SetKind::Permitted => "进程能加入有效集的权能上限。权能一旦从这里移除，只有之后再执行 execve 才能找回来。",
        SetKind::Effective => "进程尝试特权操作时，内核当下检查的就是这个集合。",
        SetKind::Bounding => "execve 时给 root 或经由文件权能授予的权能，都不能超出这个上限。它只能缩小；只有在可继承集中、且文件可继承集也设置了的权能才能越过它。",
        SetKind::Ambient => "即使没有文件权能，进程执行的程序也会得到这些权能（例如交给以非 root 用户运行的服务器）。",
    }
}

pub fn set_label(kind: Option<SetKind>) -> &'static str {
    match kind {
        Some(k) => k.proc_key(),
        None => "掩码",
    }
}

pub fn input_line(kind: SourceKind) -> String {
    format!("输入：{}", source_kind(kind))
}

pub fn source_kind(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::BareMask => "单独的掩码",
        SourceKind::CapshDecode => "capsh --decode",
        SourceKind::CapLines => "/proc/PID/status 中的 CapXxx: 行",
        SourceKind::ProcStatus => "完整的 /proc/PID/status",
        SourceKind::CapshPrint => "capsh --print 的输出",
        SourceKind::Getpcaps => "getpcaps 的输出",
        SourceKind::NameList => "权能名列表",
    }
}

pub fn seccomp(mode: SeccompMode) -> &'static str {
    match mode {
        SeccompMode::Disabled => "Seccomp：关闭（没有系统调用过滤）",
        SeccompMode::Strict => "Seccomp：严格模式（只允许 read、write、exit 和 sigreturn）",
        SeccompMode::Filter => "Seccomp：过滤器已启用（容器运行时默认会安装）",
    }
}

pub fn no_new_privs(on: bool) -> &'static str {
    if on {
        "已设置 no_new_privs：exec 时，setuid 程序和文件权能都无法提升特权"
    } else {
        "未设置 no_new_privs：exec 时，setuid root 程序和带文件权能的程序仍能获得特权"
    }
}

pub fn short_names(set: CapSet) -> Vec<String> {
    set.iter()
        .map(|n| catalog::get(n).map_or_else(|| n.to_string(), |c| c.short_name().to_string()))
        .collect()
}

pub fn old_capsh_numbers() -> &'static str {
    "比内核旧的 capsh 会把它不认识的权能打印成数字，所以同一个集合可能显示为 \
    `...,cap_syslog,35,36`（35 是 WAKE_ALARM，36 是 BLOCK_SUSPEND）。"
}

pub fn unknown_bits_meaning() -> &'static str {
    "已发布的内核都没有定义编号大于 40 的权能，所以这些位不代表任何权能。capsh 会把它们打印成普通数字。\
    3.8 之前的内核在完整的边界集中，会把最后一个权能以上的每一位都显示为 1；除此之外，这个值很可能\
    不是从权能行读出来的，或者是手工输入的。"
}

pub fn note_line(n: &Note) -> String {
    format!("提示：{}", note(n))
}

pub fn note(n: &Note) -> String {
    match n {
        Note::UnknownBits { kind, line, bits } => format!(
            "{}（第 {line} 行）含有任何内核都没有定义的位：{}。{}",
            set_label(*kind),
            listed(bits.iter()),
            unknown_bits_meaning()
        ),
        Note::IgnoredLines { lines, total } => {
            let shown = listed(lines.iter());
            match *total as usize {
                n if n == lines.len() => format!("第 {shown} 行无法识别，已跳过。"),
                n => format!("有 {n} 行无法识别，已跳过（第 {shown} 行……）。"),
            }
        }
        Note::AllMeansKernelCaps { line } => format!(
            "第 {line} 行用了 `all`（或单独的 `=`），意思是打印它的那个内核的全部权能；\
             这里按 Linux 5.9 及以上的全部 41 个权能来读。"
        ),
        Note::EffectiveNotInPermitted { extra } => format!(
            "这些权能在有效集中，却不在许可集中：{}。内核从不允许这种情况，所以这些行可能来自不同的进程，或者被改动过。",
            listed(short_names(*extra))
        ),
        Note::AmbientNotInPermittedAndInheritable { extra } => format!(
            "这些权能在环境集中，却没有同时在许可集和可继承集中：{}。内核从不允许这种情况，\
             所以这些行可能来自不同的进程，或者被改动过。",
            listed(short_names(*extra))
        ),
        Note::LibcapOlderThanKernel { line } => format!(
            "第 {line} 行的 capsh 比内核旧，所以它不认识的权能会打印成数字（35 是 WAKE_ALARM，\
             36 是 BLOCK_SUSPEND，37 是 AUDIT_READ，38 是 PERFMON，39 是 BPF，40 是 CHECKPOINT_RESTORE）。"
        ),
        Note::SetsNotShown { kinds } => format!(
            "这份输出没有显示{}。",
            listed(kinds.iter().map(|k| set_name(*k)))
        ),
    }
}

/// The release before which a range ends, as people write it.
fn version(v: KernelVersion) -> String {
    v.to_string()
}

pub fn kernel_span(r: &KernelRange) -> String {
    match r.to {
        None => format!("Linux {} 及以上", version(r.from)),
        Some(to) if to == r.from => format!("Linux {}", version(r.from)),
        Some(to) => format!("Linux {} 到 {}", version(r.from), version(to)),
    }
}

/// A kernel span that a Chinese word follows: "Linux 3.7 的" takes a space,
/// "Linux 5.9 及以上的" does not (glossary §7).
fn span_then(r: &KernelRange) -> String {
    let span = kernel_span(r);
    if span.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        span + " "
    } else {
        span
    }
}

pub fn kernel_range(r: &KernelRange) -> String {
    match r.reason {
        RangeReason::FullSet => {
            let mut s = format!(
                "正好是 {}定义的 {} 个权能（0-{}）：从这样的完整边界集可以推断出内核版本。",
                span_then(r),
                r.caps,
                r.caps.saturating_sub(1)
            );
            if r.caps >= 36 {
                s.push_str(old_capsh_numbers());
            }
            s
        }
        RangeReason::AllBitsBefore3_8 => format!(
            "64 位全部置 1：3.8 之前的内核就是这样显示完整边界集的，所以这指向 {}的内核。",
            span_then(r)
        ),
    }
}

pub fn preset_name(p: PresetId) -> String {
    match p {
        PresetId::Docker => "Docker/containerd 默认".into(),
        PresetId::Crio => "CRI-O 默认（1.18 及以上）".into(),
        PresetId::CrioLegacy => "CRI-O 默认（1.17 及以下）".into(),
        PresetId::Podman => "Podman 默认（4.5 及以上）".into(),
        PresetId::Podman44 => "Podman 4.4 默认".into(),
        PresetId::BaselineAllowList => "Pod 安全性标准 baseline 允许列表".into(),
        PresetId::AllOfKernel { caps } => {
            let span = caplens_core::preset::kernel_ranges()
                .into_iter()
                .find(|r| r.caps == caps);
            match span {
                Some(r) => format!("{}的全部 {caps} 个权能", span_then(&r)),
                None => format!("全部 {caps} 个权能"),
            }
        }
        PresetId::Empty => "空集合".into(),
    }
}

pub fn difference(d: &Difference) -> String {
    let mut s = preset_name(d.preset);
    let changes = short_names(d.added)
        .into_iter()
        .map(|n| format!("+{n}"))
        .chain(
            short_names(d.removed)
                .into_iter()
                .map(|n| format!("\u{2212}{n}")),
        );
    for change in changes {
        // No space after a full-width parenthesis (glossary §7).
        if !s.ends_with('）') {
            s.push(' ');
        }
        s.push_str(&change);
    }
    s
}

pub fn comparison(c: &Comparison) -> Vec<String> {
    let mut out = Vec::new();
    for p in &c.equals {
        out.push(format!("等同于：{}", preset_name(*p)));
    }
    if let Some(r) = &c.kernel {
        if r.reason == RangeReason::AllBitsBefore3_8 {
            out.push(kernel_range(r));
        }
    }
    for d in &c.nearest {
        out.push(format!("接近：{}", difference(d)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::{english_run, spacing_error};
    use caplens_core::preset;
    use caplens_core::status::recognise;

    /// The sentences as users read them, placeholders filled: the source
    /// check cannot see spacing around a filled-in name or number.
    fn reads_as_chinese(t: &str) {
        assert_eq!(english_run(t), None, "{t}");
        assert_eq!(spacing_error(t), None, "{t}");
    }

    fn input_error_of(text: &str) -> String {
        input_error(&recognise(text).unwrap_err())
    }

    #[test]
    fn errors_put_the_position_first() {
        let msg = input_error_of("CapEff:\t0\nCapPrm:\t0000000g");
        assert!(msg.starts_with("第 2 行第 "), "{msg}");
        assert!(msg.contains("：`g` 不是十六进制数字"), "{msg}");
        let e = caplens_core::mask::parse_names("chown net_rwa").unwrap_err();
        let msg = names_error(&e);
        assert!(msg.starts_with("第 7 列：`net_rwa` 不是权能名。"), "{msg}");
        let msg = input_error_of("CapEff:\t0\nCapEff:\t1");
        assert!(
            msg.contains("有效集再次出现") && msg.contains("第 1 行"),
            "{msg}"
        );
    }

    #[test]
    fn every_error_reads_as_chinese() {
        let inputs = [
            "",
            "hello there",
            "0x",
            "a8 04",
            "0000000a80425fb00",
            "CapFoo:\t0",
            "cap_net_raw+ep cap_kill+",
            "cap_net_raw+EP",
            "CapEff:\t0\nCapEff:\t1",
            "Seccomp:\tx",
        ];
        for text in inputs {
            if let Err(e) = recognise(text) {
                println!("{}", input_error(&e));
                reads_as_chinese(&input_error(&e));
            }
        }
        for kind in [
            NameErrorKind::UnknownName,
            NameErrorKind::NumberOutOfRange,
            NameErrorKind::HasFlags,
        ] {
            reads_as_chinese(&name_error(kind, "net_rwa"));
        }
        reads_as_chinese(&input_error_message(&InputErrorKind::TooLarge {
            bytes: 300_000,
            limit: 256 * 1024,
        }));
    }

    #[test]
    fn comparisons_name_presets_and_kernels() {
        assert_eq!(
            comparison(&preset::compare(CapSet(0xa80425fb))),
            vec!["等同于：Docker/containerd 默认"]
        );
        let lines = comparison(&preset::compare(CapSet(0xa80415fb)));
        assert_eq!(
            lines[0],
            "接近：Pod 安全性标准 baseline 允许列表 +NET_ADMIN"
        );
        assert_eq!(
            lines[1],
            "接近：Docker/containerd 默认 +NET_ADMIN \u{2212}NET_RAW"
        );
        assert_eq!(
            comparison(&preset::compare(CapSet(0x1fffffffff))),
            vec!["等同于：Linux 3.5 到 3.15 的全部 37 个权能"]
        );
        let all = preset::kernel_range(CapSet(0x1ffffffffff)).unwrap();
        assert_eq!(
            preset_name(PresetId::AllOfKernel { caps: 41 }),
            "Linux 5.9 及以上的全部 41 个权能"
        );
        assert!(kernel_range(&all).starts_with("正好是 Linux 5.9 及以上定义的 41 个权能（0-40）："));
        assert_eq!(
            comparison(&preset::compare(CapSet(0xa80415fb)))[2],
            "接近：Podman 默认（4.5 及以上）+NET_ADMIN +MKNOD +AUDIT_WRITE"
        );
        let r = preset::kernel_range(CapSet(0x1ffffffffff)).unwrap();
        assert_eq!(kernel_span(&r), "Linux 5.9 及以上");
        let r = preset::kernel_range(CapSet(0xffffffffff)).unwrap();
        assert_eq!(kernel_span(&r), "Linux 5.8");
        for p in preset::all() {
            reads_as_chinese(&preset_name(p));
        }
        let masks = [
            0,
            0xa80425fb,
            0xa80415fb,
            0xa80c25fb,
            0x3fffffffff,
            0x1fffffffff,
        ];
        for m in masks.into_iter().chain([u64::MAX]) {
            comparison(&preset::compare(CapSet(m)))
                .iter()
                .for_each(|l| reads_as_chinese(l));
        }
        for r in preset::kernel_ranges() {
            reads_as_chinese(&kernel_range(&r));
        }
        let all_bits = preset::kernel_range(CapSet::ALL_BITS).unwrap();
        assert!(kernel_range(&all_bits).contains("指向 Linux 2.6.25 到 3.7 的内核"));
    }

    #[test]
    fn notes_read_as_chinese() {
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
                lines: vec![1, 2, 3, 4, 5],
                total: 9,
            },
            Note::AllMeansKernelCaps { line: 1 },
            Note::EffectiveNotInPermitted {
                extra: CapSet::single(13),
            },
            Note::AmbientNotInPermittedAndInheritable {
                extra: CapSet::from_caps([10, 12]),
            },
            Note::SetsNotShown {
                kinds: vec![SetKind::Bounding, SetKind::Ambient],
            },
            Note::LibcapOlderThanKernel { line: 1 },
        ];
        let texts: Vec<String> = notes.iter().map(note).collect();
        assert!(texts[0].starts_with("CapBnd（第 4 行）含有任何内核都没有定义的位：41、63。"));
        assert_eq!(texts[1], "第 1 行无法识别，已跳过。");
        assert_eq!(
            texts[2],
            "有 9 行无法识别，已跳过（第 1、2、3、4、5 行……）。"
        );
        assert!(texts[5].contains("：NET_BIND_SERVICE、NET_ADMIN。"));
        assert_eq!(texts[6], "这份输出没有显示边界集、环境集。");
        texts.iter().for_each(|t| reads_as_chinese(t));
    }

    #[test]
    fn sets_and_sources_read_as_chinese() {
        for k in SetKind::ALL {
            reads_as_chinese(set_name(k));
            reads_as_chinese(set_meaning(k));
        }
        for s in [
            SourceKind::BareMask,
            SourceKind::CapshDecode,
            SourceKind::CapLines,
            SourceKind::ProcStatus,
            SourceKind::CapshPrint,
            SourceKind::Getpcaps,
            SourceKind::NameList,
        ] {
            reads_as_chinese(&input_line(s));
        }
        for m in [
            SeccompMode::Disabled,
            SeccompMode::Strict,
            SeccompMode::Filter,
        ] {
            reads_as_chinese(seccomp(m));
        }
        reads_as_chinese(no_new_privs(true));
        reads_as_chinese(no_new_privs(false));
    }
}

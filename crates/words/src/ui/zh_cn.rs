//! 简体中文.

pub fn app_name() -> &'static str {
    "caplens"
}

pub fn document_title(view: &str) -> String {
    format!("{view} · caplens：Linux 权能详解")
}
pub fn tagline() -> &'static str {
    "Linux 权能（capabilities）详解。一切都在你的浏览器里运行：你粘贴的内容不会离开这个页面。"
}
pub fn views_label() -> &'static str {
    "视图"
}
pub fn footer() -> &'static str {
    "caplens 可以离线使用，不向任何地方发送数据。地址栏里的链接能重现你看到的内容（# 之后的部分从不发送给服务器）。"
}
pub fn not_yet() -> &'static str {
    "这个版本的页面还没有这个视图。"
}
pub fn link_too_big() -> &'static str {
    "输入太大，无法保存在链接里，所以地址栏只记住了当前视图。要分享，请直接复制文本。"
}

// Sharing the link (src/share.rs): 复制链接 and 二维码, the words Chinese
// sites use for these two buttons.
pub fn share_label() -> &'static str {
    "分享本页"
}
pub fn copy_link() -> &'static str {
    "复制链接"
}
pub fn qr_code() -> &'static str {
    "二维码"
}
pub fn qr_image() -> &'static str {
    "本页链接的二维码"
}
pub fn qr_caption() -> &'static str {
    "扫码即可打开本页，内容与现在相同。"
}
pub fn qr_too_long(len: usize, max: usize) -> String {
    format!("这个链接有 {len} 个字符，超出了二维码的容量（{max} 个）。请改用“复制链接”。")
}

// The tabs: each view's name and a hint of what it reads. "执行" for Exec
// as docs/glossary.md §6 fixes it; its hint says that it is about execve.
pub fn decode_name() -> &'static str {
    "解码"
}
pub fn decode_hint() -> &'static str {
    "掩码、/proc status、capsh"
}
pub fn exec_name() -> &'static str {
    "执行"
}
pub fn exec_hint() -> &'static str {
    "execve 之后得到什么，为什么"
}
pub fn containers_name() -> &'static str {
    "容器"
}
pub fn containers_hint() -> &'static str {
    "docker、compose、Kubernetes"
}

// Buttons and their feedback.
pub fn examples() -> &'static str {
    "示例："
}
pub fn copied() -> &'static str {
    "已复制"
}
pub fn copy_manually() -> &'static str {
    "复制失败：请选中文本后手动复制"
}
pub fn clear() -> &'static str {
    "清空"
}

// The panic hook.
pub fn panic_title() -> &'static str {
    "抱歉，caplens 遇到程序错误，已停止运行。"
}
pub fn panic_body() -> &'static str {
    "没有向任何地方发送数据。重新加载页面通常就能恢复。如果要报告这个错误，请复制下面的详细信息，发给这个页面的维护者，或提交到 caplens 的问题跟踪系统。详细信息包含页面地址，而地址里有你粘贴的内容；请先删掉其中的私密信息。"
}
pub fn panic_copy() -> &'static str {
    "复制详细信息"
}
pub fn panic_reload() -> &'static str {
    "重新加载页面"
}
pub fn panic_test_message() -> &'static str {
    "按 #panic-test 的要求故意触发的 panic（用于测试错误页面）"
}

/// The labels are Chinese; the values (version, message, address, browser)
/// stay raw, since whoever reads a bug report needs them as they were.
pub fn panic_details(message: &str, url: &str, user_agent: &str) -> String {
    format!(
        "caplens {version} 已停止：{message}\n\n页面：{url}\n浏览器：{user_agent}",
        version = env!("CARGO_PKG_VERSION")
    )
}

// Table and result labels shared by the views.
pub fn result() -> &'static str {
    "结果"
}
pub fn yes() -> &'static str {
    "是"
}
pub fn no() -> &'static str {
    "否"
}
pub fn col_number() -> &'static str {
    "#"
}
pub fn col_name() -> &'static str {
    "权能"
}
pub fn col_summary() -> &'static str {
    "允许的操作"
}
pub fn copy_mask() -> &'static str {
    "复制掩码"
}

pub fn copy_of(label: &str, what: &str) -> String {
    format!("{label}：{what}")
}

pub fn built_mask() -> &'static str {
    "正在构造的掩码"
}
pub fn copy_names() -> &'static str {
    "复制名称"
}

pub fn at_line_column(line: u32, column: u32) -> String {
    format!("第 {line} 行第 {column} 列：")
}

pub fn count_caps(n: u32) -> String {
    format!("{n} 个权能")
}

pub fn since_kernel(version: &str) -> String {
    format!("自 Linux {version} 起")
}

pub fn danger_line(label: &str, meaning: &str) -> String {
    format!("在容器中的危险程度：{label}（{meaning}）")
}

// The Decode view.
pub fn decode_title() -> &'static str {
    "粘贴你手头的内容"
}
pub fn decode_input_label() -> &'static str {
    "掩码、CapXxx: 行、完整的 /proc/PID/status，或 capsh --print、getpcaps 的输出"
}
pub fn decode_placeholder() -> &'static str {
    "CapBnd:\t00000000a80425fb"
}
pub fn decode_empty() -> &'static str {
    "在上面粘贴内容或选一个示例；结果随输入即时显示。"
}
pub fn matrix_title() -> &'static str {
    "权能 × 集合"
}
pub fn show_all() -> &'static str {
    "显示全部 41 个权能"
}
pub fn no_caps() -> &'static str {
    "没有权能：这里的每个集合都为空。"
}
pub fn grid_title() -> &'static str {
    "构造掩码"
}
pub fn grid_help() -> &'static str {
    "勾选权能来构造掩码。复选框显示粘贴的集合；改动其中一个，输入框里的内容也会跟着改。"
}
pub fn grid_disabled() -> &'static str {
    "先改正输入框里的错误，才能在这里编辑它的掩码。"
}
pub fn grid_which_set() -> &'static str {
    "要显示和编辑的集合"
}

pub fn ex_capsh_decode() -> &'static str {
    "capsh --decode=0000001fffffffff"
}
pub fn ex_docker_status() -> &'static str {
    "在 Docker 容器里执行 grep Cap /proc/1/status"
}
pub fn ex_docker_status_text() -> &'static str {
    "CapInh:\t0000000000000000\nCapPrm:\t00000000a80425fb\nCapEff:\t00000000a80425fb\nCapBnd:\t00000000a80425fb\nCapAmb:\t0000000000000000"
}
pub fn ex_docker_default() -> &'static str {
    "Docker 的默认集合"
}
pub fn ex_proc_status() -> &'static str {
    "非 root 进程的 /proc/PID/status"
}
pub fn ex_proc_status_text() -> &'static str {
    "Name:\tsleep\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t4242\nPid:\t4242\nPPid:\t1\nUid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\nCapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\nNoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0"
}

pub fn recognised_as(kind: &str) -> String {
    joined("识别为", kind)
}

pub fn nnp_badge(on: bool) -> &'static str {
    // As /proc/PID/status prints it.
    if on {
        "NoNewPrivs: 1"
    } else {
        "NoNewPrivs: 0"
    }
}

pub fn uid_badge(real: Option<u32>, effective: Option<u32>) -> String {
    // The ids mirror `id` output (docs/glossary.md §1); only "unknown" is words.
    match (real, effective) {
        (Some(r), Some(e)) if r == e => format!("uid {r}"),
        (Some(r), Some(e)) => format!("uid {r}, euid {e}"),
        (Some(r), None) => format!("uid {r}"),
        (None, Some(e)) => format!("euid {e}"),
        (None, None) => "uid 未知".to_string(),
    }
}

// The Exec view.
pub fn warning() -> &'static str {
    "警告："
}
pub fn exec_title() -> &'static str {
    "进程执行一个程序"
}
pub fn exec_intro() -> &'static str {
    "描述 execve 之前的进程和程序文件；下面会显示 exec 之后的五个集合，并逐个权能给出内核的依据。"
}
pub fn exec_process() -> &'static str {
    "exec 之前的进程"
}
pub fn exec_before_label() -> &'static str {
    "它的各个集合（CapXxx: 行或 /proc/PID/status；留空则使用默认值）"
}
pub fn exec_before_placeholder() -> &'static str {
    "CapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000"
}
pub fn exec_uid() -> &'static str {
    "实际 UID"
}
pub fn exec_euid() -> &'static str {
    "有效 UID"
}
pub fn exec_nnp() -> &'static str {
    "no_new_privs"
}
pub fn exec_file() -> &'static str {
    "程序文件"
}
pub fn exec_file_label() -> &'static str {
    "文件权能（setcap 格式的文本或一行 getcap 输出；留空表示没有）"
}
pub fn exec_file_placeholder() -> &'static str {
    "cap_net_raw+ep   或   /usr/bin/ping cap_net_raw=ep"
}
pub fn exec_setuid() -> &'static str {
    "set-user-ID root 程序"
}
pub fn exec_nosuid() -> &'static str {
    "位于以 nosuid 挂载的文件系统上"
}
pub fn exec_pre2025() -> &'static str {
    "使用 2025 年之前内核的 set-id 规则"
}
pub fn exec_result() -> &'static str {
    "execve 之后"
}
pub fn exec_eperm() -> &'static str {
    "execve 失败：EPERM"
}
pub fn exec_col_set() -> &'static str {
    "集合"
}
pub fn exec_col_before() -> &'static str {
    "之前"
}
pub fn exec_col_after() -> &'static str {
    "之后"
}
pub fn exec_col_gained() -> &'static str {
    "获得"
}
pub fn exec_col_lost() -> &'static str {
    "失去"
}
pub fn exec_why() -> &'static str {
    "逐个权能说明原因"
}
pub fn exec_set_empty() -> &'static str {
    "之前和之后都为空。"
}
pub fn exec_unchanged_sets() -> &'static str {
    "可继承集和边界集：execve 从不改变这两个集合。"
}
pub fn exec_formula() -> &'static str {
    "代入这些值的内核公式"
}
pub fn exec_steps() -> &'static str {
    "按内核顺序的每一步"
}

pub fn exec_bare_mask(line: u32) -> String {
    format!("第 {line} 行：单独一个掩码说明不了它是哪个集合。请写成 CapInh:、CapPrm:、CapEff:、CapBnd: 或 CapAmb: 后面跟掩码。")
}

pub fn exec_bad_id(field: &str, value: &str) -> String {
    let name = if field == "euid" {
        exec_euid()
    } else {
        exec_uid()
    };
    format!("{name} 必须是 0 到 4294967295 之间的数字，`{value}` 不是。")
}

pub fn exec_bad_file(message: &str) -> String {
    format!("文件权能：{message}")
}

pub fn exec_process_line(uid: u32, euid: u32, suid: u32, securebits: u32, nnp: bool) -> String {
    format!(
        "进程：uid {uid}，euid {euid}，保存的 UID {suid}，securebits {securebits:#x}{}",
        if nnp { "，已设置 no_new_privs" } else { "" }
    )
}

pub fn exec_headline(effective: u32, permitted: u32, uid: u32, euid: u32) -> String {
    let ids = if uid == euid {
        format!("uid {uid}")
    } else {
        format!("uid {uid}，euid {euid}")
    };
    match (effective, permitted) {
        (0, 0) => format!("程序以 {ids} 运行，没有任何权能。"),
        (0, p) => format!(
            "程序以 {ids} 运行，许可集中有 {}，但都不在有效集中：程序必须自己把它们加入有效集。",
            count_caps(p)
        ),
        (e, p) if e == p => format!("程序以 {ids} 运行，有效集中有 {}。", count_caps(e)),
        (e, p) => format!(
            "程序以 {ids} 运行，有效集中有 {}，许可集中有 {}。",
            count_caps(e),
            count_caps(p)
        ),
    }
}

// The Containers view.
pub fn containers_title() -> &'static str {
    "我的容器里第一个进程会得到什么？"
}
pub fn containers_input_label() -> &'static str {
    "docker 或 podman run 命令、compose 文件，或 Kubernetes 清单（可以包含多个文档）"
}
pub fn containers_placeholder() -> &'static str {
    "docker run --cap-add NET_ADMIN --user 1000 busybox\n\n或者 Pod、Deployment、CronJob、compose 文件……"
}
pub fn containers_empty() -> &'static str {
    "在上面粘贴命令或清单，或者选一个示例。"
}
pub fn paste_folded(bytes: usize) -> String {
    format!(
        "已粘贴 {} KB。输入框已收起：里面的文本这么多时，页面每次更新都会让浏览器变慢。",
        bytes.div_ceil(1024)
    )
}

pub fn show_pasted_text() -> &'static str {
    "显示文本"
}

pub fn analysing(bytes: usize) -> String {
    format!(
        "正在读取 {} KB 输入……这期间页面仍可使用。",
        bytes.div_ceil(1024)
    )
}
pub fn no_containers() -> &'static str {
    "这段输入里没有找到容器。"
}
pub fn k8s_runtime() -> &'static str {
    "Kubernetes 运行时"
}
pub fn docker_era() -> &'static str {
    "Docker 版本"
}
pub fn image_user() -> &'static str {
    "镜像的 USER（未指定用户时）"
}
pub fn image_user_unknown() -> &'static str {
    "未知：两种都显示"
}
pub fn image_user_root() -> &'static str {
    "root"
}
pub fn image_user_nonroot() -> &'static str {
    "非 root"
}
pub fn role_container() -> &'static str {
    "容器"
}
pub fn role_init() -> &'static str {
    "Init 容器"
}
pub fn role_ephemeral() -> &'static str {
    "临时容器"
}
pub fn image_user_decides() -> &'static str {
    "没有指定用户，所以由镜像的 USER 决定。两种结果如下："
}
pub fn pid1_if_root() -> &'static str {
    "镜像以 root 运行时的 PID 1"
}
pub fn pid1_if_nonroot() -> &'static str {
    "镜像以非 root 用户运行时的 PID 1"
}
pub fn adds_title() -> &'static str {
    "添加的每个权能起什么作用"
}
pub fn already_default() -> &'static str {
    "（已在默认集合中）"
}
pub fn findings_title() -> &'static str {
    "检查结果"
}
pub fn no_findings() -> &'static str {
    "没有发现问题。"
}
pub fn fix() -> &'static str {
    "修复："
}
pub fn runtime_notes() -> &'static str {
    "运行时如何填充这些集合"
}
pub fn oci_title() -> &'static str {
    "运行时写入 OCI 配置的集合"
}
pub fn hardened_title() -> &'static str {
    "建议的加固配置"
}
pub fn copy_yaml() -> &'static str {
    "复制 YAML"
}
pub fn copy_options() -> &'static str {
    "复制参数"
}
pub fn none() -> &'static str {
    "（无）"
}

pub fn ex_cpb_typo() -> &'static str {
    "cpb-demo（sercurityContext 拼写错误）"
}
pub fn ex_cpb_fixed() -> &'static str {
    "cpb-demo（已修正）"
}
pub fn ex_perf() -> &'static str {
    "带 SYS_ADMIN 的 perf"
}
pub fn ex_bind_root() -> &'static str {
    "移除 ALL 并添加 NET_BIND_SERVICE，以 root 运行"
}
pub fn ex_bind_nonroot() -> &'static str {
    "移除 ALL 并添加 NET_BIND_SERVICE，以非 root 运行"
}
pub fn ex_docker_run() -> &'static str {
    "docker run --cap-add NET_ADMIN --user 1000"
}
pub fn ex_compose() -> &'static str {
    "compose 文件"
}

pub fn count_containers(n: usize) -> String {
    format!("{n} 个容器")
}

pub fn pid1_title(uid: Option<u32>) -> String {
    match uid {
        Some(0) => "exec 之后的 PID 1（root）".to_string(),
        Some(u) => format!("exec 之后的 PID 1（uid {u}）"),
        None => "exec 之后的 PID 1（非 root 用户）".to_string(),
    }
}

pub fn pss_badge(level: &str, passes: bool) -> String {
    format!("PSS {level}：{}", if passes { "通过" } else { "不通过" })
}

pub fn severity(s: caplens_core::analysis::Severity) -> &'static str {
    match s {
        caplens_core::analysis::Severity::Info => "提示",
        caplens_core::analysis::Severity::Warning => "警告",
        caplens_core::analysis::Severity::Error => "错误",
    }
}

pub fn show_all_cards() -> &'static str {
    "全部显示"
}

pub fn more_cards(shown: usize, total: usize) -> String {
    format!("仅显示前 {shown} 个容器（共 {total} 个）。")
}

pub fn containers_with(severity: &str, n: usize) -> String {
    format!("{n} 个容器的最高级别为{}", severity_word(severity))
}

pub fn containers_clean(n: usize) -> String {
    format!("{n} 个容器没有发现问题")
}

pub fn fcaps_label() -> &'static str {
    "入口程序（entrypoint）的文件权能（可选；setcap 格式，例如 cap_net_bind_service+ep）"
}
pub fn fcaps_placeholder() -> &'static str {
    "cap_net_bind_service+ep"
}
pub fn ex_bind_nonroot_fcaps() -> &'static str {
    "非 root，程序文件上有 setcap cap_net_bind_service+ep"
}

pub fn decode_to_exec() -> &'static str {
    "模拟这个进程的 exec →"
}
pub fn see_exec() -> &'static str {
    "查看 exec 如何让 PID 1 得到这些集合 →"
}

/// The page names a severity by its JSON value (`info`, `warning`,
/// `error`); the badge says it in Chinese, as the finding cards do.
fn severity_word(json: &str) -> &str {
    use caplens_core::analysis::Severity;
    match json {
        "info" => severity(Severity::Info),
        "warning" => severity(Severity::Warning),
        "error" => severity(Severity::Error),
        other => other,
    }
}

/// `head` and `tail` with the one space docs/glossary.md §7 wants between
/// Chinese and Latin text, which depends on how `tail` (worded elsewhere,
/// Chinese or a command) begins.
fn joined(head: &str, tail: &str) -> String {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let latin = |c: char| c.is_ascii_alphanumeric() || "`/-".contains(c);
    let space = match (head.chars().last(), tail.chars().next()) {
        (Some(a), Some(b)) => (han(a) && latin(b)) || (latin(a) && han(b)),
        _ => false,
    };
    format!("{head}{}{tail}", if space { " " } else { "" })
}

pub fn language_switch_prefix() -> &'static str {
    "切换语言："
}

pub fn offer_this_language() -> &'static str {
    "这个页面有中文版："
}

pub fn offer_switch() -> &'static str {
    "切换到中文"
}

pub fn offer_close() -> &'static str {
    "关闭"
}

pub fn status_decode(sets: usize, caps: u32) -> String {
    format!("结果：{sets} 个集合，共 {caps} 个权能。")
}

pub fn status_exec(effective: u32, permitted: u32) -> String {
    format!("exec 之后：有效集 {effective} 个，许可集 {permitted} 个。")
}

pub fn status_exec_refused() -> &'static str {
    "exec 被拒绝，返回 EPERM。"
}

pub fn status_containers(containers: usize, findings: usize) -> String {
    format!("结果：{containers} 个容器，{findings} 条检查结果。")
}

pub fn verdict_effective(who: &str, n: u32, names: &str) -> String {
    match n {
        0 => format!("{who}：有效集为空。"),
        _ => format!("{who}：有效集有 {n} 个权能：{names}。"),
    }
}

pub fn verdict_worst(message: &str) -> String {
    format!("最严重的问题：{message}")
}

pub fn pss_fails_title() -> &'static str {
    "未通过的 Pod 安全性检查"
}

pub fn select_in_input() -> &'static str {
    "在粘贴框中选中这一行"
}

pub fn docker_era_ge25() -> &'static str {
    "25.0 及以上"
}

pub fn docker_era_le20_10_13() -> &'static str {
    "20.10.13 及以下"
}

pub fn runtime_versions_note() -> &'static str {
    "运行时名称旁的版本（例如 containerd 1.5.11 / 1.6.2 及以上）是 caplens 为它建模的版本范围：默认集合和行为以这些版本为准。"
}

pub fn cap_name_hint() -> &'static str {
    "点击权能名，查看它允许做什么、谁需要它，以及它在容器中为什么重要。"
}

pub fn formula_legend() -> &'static str {
    "pI、pP、pE、pA：exec 之前进程的可继承集、许可集、有效集和环境集；fP、fI：文件许可集和文件可继承集；fE：文件的有效位；X：边界集；带撇号的（如 pP′）是 exec 之后的值。"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::{english_run, spacing_error};

    /// A sentence built from arguments still reads as Chinese and keeps
    /// the spacing rules, which the source check cannot see.
    fn reads_well(t: &str) {
        assert_eq!(english_run(t), None, "English in {t}");
        assert_eq!(spacing_error(t), None, "spacing in {t}");
    }

    #[test]
    fn positions_and_counts_read_as_the_glossary_says() {
        assert_eq!(at_line_column(3, 9), "第 3 行第 9 列：");
        assert_eq!(count_caps(1), "1 个权能");
        assert_eq!(count_caps(14), "14 个权能");
        assert_eq!(since_kernel("5.8"), "自 Linux 5.8 起");
        assert_eq!(exec_bare_mask(4).split('：').next(), Some("第 4 行"));
        assert_eq!(
            document_title(exec_name()),
            "执行 · caplens：Linux 权能详解"
        );
    }

    #[test]
    fn sentences_with_arguments_keep_the_style() {
        for t in [
            exec_headline(0, 0, 1000, 1000),
            exec_headline(0, 3, 1000, 1000),
            exec_headline(14, 14, 0, 0),
            exec_headline(1, 14, 1000, 0),
            exec_process_line(1000, 0, 0, 0, true),
            exec_bad_id("euid", "x"),
            more_cards(20, 100),
            containers_with("warning", 2),
            pid1_title(Some(1000)),
            pss_badge("baseline", false),
            paste_folded(12_000),
            analysing(12_000),
        ] {
            reads_well(&t);
        }
        assert_eq!(
            exec_headline(0, 3, 1000, 1000),
            "程序以 uid 1000 运行，许可集中有 3 个权能，但都不在有效集中：程序必须自己把它们加入有效集。"
        );
        assert_eq!(containers_with("error", 3), "3 个容器的最高级别为错误");
        assert_eq!(more_cards(20, 100), "仅显示前 20 个容器（共 100 个）。");
    }

    #[test]
    fn a_worded_kind_is_spaced_by_how_it_begins() {
        assert_eq!(recognised_as("capsh --decode"), "识别为 capsh --decode");
        assert_eq!(recognised_as("单独的掩码"), "识别为单独的掩码");
        assert_eq!(recognised_as("/proc/PID/status"), "识别为 /proc/PID/status");
    }

    #[test]
    fn the_panic_details_keep_the_values_raw() {
        let d = panic_details("boom", "https://x/#v=exec", "Mozilla/5.0");
        assert!(d.contains("已停止：boom"), "{d}");
        assert!(
            d.contains("\n\n页面：https://x/#v=exec\n浏览器：Mozilla/5.0"),
            "{d}"
        );
        assert!(d.contains(env!("CARGO_PKG_VERSION")));
    }
}

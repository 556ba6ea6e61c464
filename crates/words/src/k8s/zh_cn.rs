//! 简体中文.

use caplens_core::container::{Location, SourceKind};
use caplens_core::k8s::fields::Level;
use caplens_core::k8s::finding::{ApeCause, FindingKind};
use caplens_core::k8s::harden::{self, Hardened};
use caplens_core::k8s::helm::HelmInput;
use caplens_core::k8s::pss::{self, Violation};
use caplens_core::k8s::{Note, SkipReason};
use caplens_core::paste::Form;
use caplens_core::yaml::{Shape, SyntaxKind, YamlError};

/// Joins pieces of one sentence, putting the space the glossary asks for
/// (§7) where Chinese meets Latin text, digits or code at a seam; pieces
/// like a level name or a field path may start or end either way.
fn cat(pieces: &[&str]) -> String {
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let latin = |c: char| c.is_ascii_alphanumeric() || "`\"/[]".contains(c);
    let mut out = String::new();
    for p in pieces.iter().filter(|p| !p.is_empty()) {
        let (Some(a), Some(b)) = (out.chars().last(), p.chars().next()) else {
            out.push_str(p);
            continue;
        };
        if (cjk(a) && latin(b)) || (latin(a) && cjk(b)) {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

pub fn form(f: Form) -> &'static str {
    match f {
        Form::DockerCommand => "docker/podman 命令行",
        Form::Compose => "docker compose 文件",
        Form::Kubernetes => "Kubernetes 清单",
    }
}

pub fn shape(s: Shape) -> &'static str {
    match s {
        Shape::Null => "空值（null）",
        Shape::Bool => "布尔值",
        Shape::Number => "数字",
        Shape::String => "字符串",
        Shape::List => "列表",
        Shape::Mapping => "映射",
    }
}

pub fn level(l: Level) -> &'static str {
    match l {
        Level::PodSpec => "Pod 规约",
        Level::PodSecurityContext => "Pod 级 securityContext",
        Level::Container => "容器",
        Level::SecurityContext => "容器级 securityContext",
        Level::Capabilities => "securityContext.capabilities",
        Level::ComposeService => "compose 服务",
    }
}

pub fn place(at: &Location) -> String {
    let mut s = String::new();
    if let Some(d) = at.document.filter(|d| *d > 0) {
        s += &format!("第 {} 个文档，", d + 1);
    }
    match (at.line, at.column) {
        (Some(l), Some(c)) => s += &format!("第 {l} 行第 {c} 列"),
        (Some(l), None) => s += &format!("第 {l} 行"),
        _ => s += &at.path,
    }
    s
}

pub fn yaml_error(e: &YamlError) -> String {
    match e {
        YamlError::TooLarge { bytes, limit } => {
            // Tenths of a MB in integers: float formatting would add ~10 KB to the wasm.
            let tenths = (*bytes as u64 * 10 + 524_288) / 1_048_576;
            format!(
                "输入有 {}.{} MB，上限是 {} MB。只粘贴你要检查的清单。",
                tenths / 10,
                tenths % 10,
                limit / 1_048_576
            )
        }
        YamlError::TooDeep { at, limit } => format!(
            "第 {} 行第 {} 列：YAML 嵌套超过 {limit} 层，远超任何真实的清单；已停止读取。",
            at.line, at.column
        ),
        YamlError::TooManyNodes { at, limit } => format!(
            "第 {} 行第 {} 列：输入包含超过 {limit} 个值，超出本工具一次能读取的数量；已停止读取。请少粘贴一些清单。",
            at.line, at.column
        ),
        YamlError::AliasBomb { at, limit } => format!(
            "第 {} 行第 {} 列：展开别名（*name）会复制超过 {limit} 个值——这看起来是别名炸弹（alias bomb）；已停止读取。",
            at.line, at.column
        ),
        YamlError::TooManyDocuments { at, limit } => format!(
            "第 {} 行：YAML 文档超过 {limit} 个；请拆分输入。",
            at.line
        ),
        YamlError::Syntax { at, kind } => format!(
            "第 {} 行第 {} 列有 YAML 语法错误：{}。",
            at.line,
            at.column,
            yaml_syntax(*kind)
        ),
        YamlError::UnknownAlias { at } => format!(
            "第 {} 行第 {} 列：别名（*name）引用的锚点（&name）在它之前没有定义。",
            at.line, at.column
        ),
        YamlError::DuplicateKey { at, key, first_line } => format!(
            "第 {} 行第 {} 列：键 `{key}` 在同一个映射中出现了两次（第一次在第 {first_line} 行）；Kubernetes 会拒绝这样的 YAML。",
            at.line, at.column
        ),
    }
}

pub fn yaml_syntax(k: SyntaxKind) -> &'static str {
    match k {
        SyntaxKind::UnclosedQuote => "带引号的字符串没有闭合",
        SyntaxKind::DocumentMarkerInQuote => {
            "带引号的字符串里出现了文档标记（--- 或 ...），这个字符串很可能没有闭合"
        }
        SyntaxKind::ContentAfterQuote => "右引号后面有多余的文本",
        SyntaxKind::BadEscape => "双引号字符串里有错误的转义（反斜杠要写成 \\\\）",
        SyntaxKind::BadIndentation => "这一行的缩进和相邻的行不一致",
        SyntaxKind::TabIndentation => "出现了制表符（tab），而 YAML 只允许空格；请用空格缩进",
        SyntaxKind::UnclosedFlow => "[ 或 { 没有闭合",
        SyntaxKind::ExpectedComma => "这里应该是逗号或右括号",
        SyntaxKind::ExpectedKey => "这里应该是一行 `key: value`；请检查这一行和上一行的缩进",
        SyntaxKind::ExpectedDash => "这里应该是列表项（`- `）；请检查缩进",
        SyntaxKind::ExpectedValue => "这里应该有一个值",
        SyntaxKind::MissingColon => "这个键后面没有 `:`",
        SyntaxKind::ColonNotAllowed => {
            "这里的 `:` 不能开始一个映射；如果值里含有 `: `，请给值加上引号"
        }
        SyntaxKind::DashNotAllowed => "列表项（`- `）不能从这里开始；请把它单独放一行，并缩进",
        SyntaxKind::DashInFlow => "[ ] 或 { } 里出现了 `- ` 列表项",
        SyntaxKind::KeyNotAllowed => "`? ` 键不能从这里开始",
        SyntaxKind::CommentWithoutSpace => "注释（#）前面需要一个空格",
        SyntaxKind::CommentInsideText => {
            "不带引号的文本在两行之间夹了注释；请给文本加上引号，或者移走注释"
        }
        SyntaxKind::ReservedCharacter => "值不能以 @、` 或 % 开头；请加上引号",
        SyntaxKind::UnexpectedCharacter => "这里不能出现这个字符",
        SyntaxKind::BadBlockHeader => "块文本（| 或 >）的头部只能包含 -、+ 和一个 1 到 9 的数字",
        SyntaxKind::BadDirective => "%YAML 或 %TAG 指令格式错误或重复",
        SyntaxKind::BadTag => "标签（!...）格式错误，或者用了未声明的 !name! 句柄",
        SyntaxKind::BadAnchor => "锚点（&）或别名（*）没有名字",
        SyntaxKind::NulByte => "出现了 NUL 字节；输入很可能不是文本",
        SyntaxKind::MisplacedBom => "文本中间出现了字节顺序标记（BOM）",
        SyntaxKind::ContentAfterDocumentEnd => "文档结束标记（...）后面还有文本",
        SyntaxKind::ExpectedDocumentStart => "文档结束后还有文本；请检查缩进，或者用 --- 分隔文档",
        SyntaxKind::UnexpectedEnd => "输入在一个值的中间结束了",
        SyntaxKind::TooDeep => "嵌套太深",
    }
}

pub fn k8s_note(n: &Note) -> String {
    match n {
        Note::Skipped { at, name, reason } => {
            let what = match name {
                Some(n) => format!("（`{n}`）"),
                None => String::new(),
            };
            let doc = at
                .document
                .map(|d| format!("第 {} 个文档", d + 1))
                .unwrap_or_default();
            let why = match reason {
                SkipReason::Empty => "它是空的".to_string(),
                SkipReason::NotAMapping => "它不是 Kubernetes 对象（不是映射）".to_string(),
                SkipReason::NoKind => "它没有 `kind`".to_string(),
                SkipReason::NotAWorkload { kind } => format!("{kind} 不运行容器"),
                SkipReason::NoPodSpec { kind } => format!("这个 {kind} 没有 Pod 模板规约"),
            };
            let mut subject = cat(&[&doc, &at.path]);
            if subject.is_empty() {
                subject = "一个对象".to_string();
            }
            cat(&["已跳过", &subject, &what, "：", &why, "。"])
        }
        Note::WindowsPod { workload, .. } => {
            format!("{workload} 是 Windows Pod（spec.os.name: windows）：Linux 权能对它不适用。")
        }
        Note::NoContainers { workload, .. } => format!("{workload} 没有列出任何容器。"),
    }
}

pub fn skipped_kinds(kinds: &[(String, usize)]) -> String {
    let total: usize = kinds.iter().map(|(_, n)| n).sum();
    let each: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} 个 {k}")).collect();
    format!("已跳过 {total} 个不含容器的文档：{}。", each.join("、"))
}

pub fn k8s_finding_message(k: &FindingKind) -> String {
    match k {
        FindingKind::UnknownField { key, level: l, suggestion: Some(s) } => cat(&[
            &format!("`{key}` 不是"),
            level(*l),
            &format!("的字段；你是想写 `{s}` 吗？它下面的所有内容都会被忽略（启用严格字段校验时，整个对象会被拒绝）。"),
        ]),
        FindingKind::UnknownField { key, level: l, suggestion: None } => cat(&[
            &format!("`{key}` 不是"),
            level(*l),
            "的字段，会被忽略（启用严格字段校验时，整个对象会被拒绝）。",
        ]),
        FindingKind::MisplacedField { key, level: Level::PodSecurityContext, belongs } => format!(
            "Pod 级 securityContext 中没有 `{key}`，它只存在于每个容器中（{belongs}）。Kubernetes 会拒绝或丢弃它，所以它不起作用。"
        ),
        FindingKind::MisplacedField { key, level: l, belongs } => cat(&[
            &format!("`{key}` 位于"),
            level(*l),
            &format!("中，但它应该在 `{belongs}` 下；放在这里不起作用。"),
        ]),
        FindingKind::WrongType { key, expected, found } => format!(
            "`{key}` 必须是{}，但这里是{}；API 服务器会拒绝这个对象。",
            shape(*expected),
            shape(*found)
        ),
        FindingKind::OutOfRange { key, value, min, max } => format!(
            "`{key}: {value}` 超出了 {min} 到 {max} 的范围；API 服务器会拒绝这个对象。这里按没有设置 `{key}` 来分析。"
        ),
        FindingKind::ApeConflict { cause, .. } => ape_conflict(cause),
    }
}

/// allowPrivilegeEscalation: false next to something that defeats it.
fn ape_conflict(cause: &ApeCause) -> String {
    match cause {
        ApeCause::Privileged => "allowPrivilegeEscalation: false 和 privileged: true 同时设置——API 服务器会拒绝这个 Pod。".to_string(),
        ApeCause::SysAdmin(s) if s.text == "CAP_SYS_ADMIN" => "allowPrivilegeEscalation: false 和添加 `CAP_SYS_ADMIN` 同时出现——API 服务器会拒绝的正是这种写法。".to_string(),
        ApeCause::SysAdmin(s) => format!(
            "allowPrivilegeEscalation: false 和 `{}`（SYS_ADMIN）同时出现：API 服务器只检查确切的字符串 `CAP_SYS_ADMIN`，所以这种写法会悄悄通过。但持有 SYS_ADMIN 的进程照样能获得特权，这个设置承诺的比它做到的多。",
            s.text
        ),
        ApeCause::AddAll(s) => format!(
            "allowPrivilegeEscalation: false 和添加 `{}` 同时出现，而它包含 SYS_ADMIN：API 服务器发现不了这个问题，no_new_privs 也挡不住持有 SYS_ADMIN 的进程获得特权。",
            s.text
        ),
    }
}

pub fn k8s_finding_fix(k: &FindingKind) -> String {
    match k {
        FindingKind::UnknownField { key, suggestion: Some(s), .. } => format!("把 `{key}` 改名为 `{s}`。"),
        FindingKind::UnknownField { key, .. } => format!("删除 `{key}`，或把它移到正确的位置；请对照 API 参考文档检查拼写。"),
        FindingKind::MisplacedField { key, belongs, .. } => format!("把 `{key}` 移到 `{belongs}` 下。"),
        FindingKind::WrongType { key, expected: Shape::List, .. } => format!("把 `{key}` 写成列表，例如 `{key}: [\"NET_BIND_SERVICE\"]`。"),
        FindingKind::WrongType { key, expected: Shape::Bool, .. } => format!("写成 `{key}: true` 或 `{key}: false`，不要加引号。"),
        FindingKind::WrongType { key, expected: Shape::Number, .. } => format!("把 `{key}` 写成不带引号的普通数字。"),
        FindingKind::WrongType { key, expected, .. } => format!("把 `{key}` 改成{}。", shape(*expected)),
        FindingKind::OutOfRange { key, min, max, .. } => {
            format!("把 `{key}` 设为 {min} 到 {max} 之间的数字（例如 `{key}: 1000`），或者删除它，由镜像决定。")
        }
        FindingKind::ApeConflict { cause: ApeCause::Privileged, .. } => "去掉 privileged: true，只添加容器需要的权能。".to_string(),
        FindingKind::ApeConflict { .. } => "避免使用 SYS_ADMIN：perf 和 eBPF 用 PERFMON 和 BPF（内核 5.8 及以上）就够了；否则就要接受 allowPrivilegeEscalation: false 约束不了这个容器。".to_string(),
    }
}

pub fn pss_level(l: pss::Level) -> &'static str {
    match l {
        pss::Level::Baseline => "baseline",
        pss::Level::Restricted => "restricted",
    }
}

/// Values as written in the manifest, in straight quotes (they are code),
/// listed with the Chinese enumeration comma.
fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("\"{i}\""))
        .collect::<Vec<_>>()
        .join("、")
}

fn who(pod: bool, container: bool) -> &'static str {
    match (pod, container) {
        (true, true) => "Pod 和容器都",
        (true, false) => "Pod",
        _ => "容器",
    }
}

pub fn violation(v: &Violation) -> String {
    let id = v.check_id();
    format!("{}（{id}）：{}", pss_level(v.level()), violation_why(v))
}

/// Why a Pod Security check fails: one arm per check, the longer sentences
/// in their own functions.
fn violation_why(v: &Violation) -> String {
    match v {
        Violation::Privileged => "不允许 privileged: true".to_string(),
        Violation::NonDefaultCapabilities(c) => format!(
            "添加了 {}——只能添加 AUDIT_WRITE、CHOWN、DAC_OVERRIDE、FOWNER、FSETID、KILL、MKNOD、NET_BIND_SERVICE、SETFCAP、SETGID、SETPCAP、SETUID 和 SYS_CHROOT，而且拼写必须完全一致",
            quoted(c)
        ),
        Violation::HostNamespaces { network, pid, ipc } => host_namespaces(*network, *pid, *ipc),
        Violation::HostPorts(p) => format!(
            "使用了 hostPort {}",
            p.iter().map(|x| x.to_string()).collect::<Vec<_>>().join("、")
        ),
        Violation::HostPathVolumes(v) => format!("挂载了 hostPath 卷（{}）", quoted(v)),
        Violation::UnsafeSysctls(s) => format!("设置了安全列表以外的 sysctl（{}）", quoted(s)),
        Violation::SeccompUnconfined { pod, container } => {
            cat(&[who(*pod, *container), "把 seccompProfile.type 设为 Unconfined"])
        }
        Violation::AllowPrivilegeEscalationNotFalse { set_true: true } => {
            "allowPrivilegeEscalation 为 true；必须设为 false".to_string()
        }
        Violation::AllowPrivilegeEscalationNotFalse { set_true: false } => {
            "没有设置 allowPrivilegeEscalation；restricted 要求显式设为 false".to_string()
        }
        Violation::MissingDropAll { wrote } if wrote.iter().any(|d| d.eq_ignore_ascii_case("all")) => cat(&[
            "drop 里写的是",
            &quoted(wrote),
            "，但这项检查要求大写的 \"ALL\"（各运行时接受任何大小写，Pod 安全性准入不接受）",
        ]),
        Violation::MissingDropAll { .. } => "capabilities.drop 必须包含 \"ALL\"".to_string(),
        Violation::RestrictedAdd(c) => cat(&[
            "添加了",
            &quoted(c),
            "；只允许添加 \"NET_BIND_SERVICE\"（拼写必须完全一致）",
        ]),
        Violation::RunAsNonRootFalse { pod, container } => {
            cat(&[who(*pod, *container), "设置了 runAsNonRoot: false"])
        }
        Violation::RunAsNonRootUnset => {
            "容器和 Pod 都没有设置 runAsNonRoot: true".to_string()
        }
        Violation::RunAsUserZero { pod, container } => cat(&[who(*pod, *container), "设置了 runAsUser: 0"]),
        Violation::SeccompNotRestricted { bad } => cat(&[
            "seccompProfile.type 为",
            &quoted(bad),
            "；只允许 RuntimeDefault 或 Localhost",
        ]),
        Violation::SeccompUnset => {
            "容器和 Pod 上都没有 seccompProfile.type（RuntimeDefault 或 Localhost）".to_string()
        }
        Violation::RestrictedVolumes(v) => format!(
            "使用了 restricted 不允许的卷类型（{}）",
            v.iter().map(|(n, t)| format!("{n}: {t}")).collect::<Vec<_>>().join("、")
        ),
        Violation::SeLinux { bad_types, user, role } => selinux(bad_types, *user, *role),
        Violation::AppArmor { types, annotations } => apparmor(types, annotations),
        Violation::ProcMount(m) => format!(
            "procMount: {m} 会解除对 /proc 的屏蔽；只允许 Default（除非 Pod 设置了 hostUsers: false）"
        ),
        Violation::ProcMountRestricted(m) => cat(&[
            "在设置了 hostUsers: false 的 Pod 中，baseline 允许",
            &format!("procMount: {m}"),
            "，但 restricted 要求 Default",
        ]),
        Violation::WindowsHostProcess { pod, container } => cat(&[
            who(*pod, *container),
            "设置了 windowsOptions.hostProcess: true（Windows 宿主机进程）",
        ]),
        Violation::ProbeHosts(h) => format!(
            "探针或生命周期处理程序指定了 host（{}）；把 host 留空，它才会指向 Pod 本身",
            quoted(h)
        ),
    }
}

fn host_namespaces(network: bool, pid: bool, ipc: bool) -> String {
    let mut n = Vec::new();
    if network {
        n.push("hostNetwork");
    }
    if pid {
        n.push("hostPID");
    }
    if ipc {
        n.push("hostIPC");
    }
    format!("共享宿主机的命名空间（{}）", n.join("、"))
}

fn selinux(bad_types: &[String], user: bool, role: bool) -> String {
    let mut what = Vec::new();
    if !bad_types.is_empty() {
        what.push(cat(&[
            "SELinux 类型",
            &quoted(bad_types),
            "（允许的类型：container_t、container_init_t、container_kvm_t、container_engine_t，或者不设置）",
        ]));
    }
    if user {
        what.push("SELinux 用户（不允许设置）".to_string());
    }
    if role {
        what.push("SELinux 角色（不允许设置）".to_string());
    }
    format!("seLinuxOptions 设置了 {}", what.join("；"))
}

fn apparmor(types: &[String], annotations: &[String]) -> String {
    let field = match types {
        [] => String::new(),
        t => format!("appArmorProfile.type {}", quoted(t)),
    };
    let annotation = match annotations {
        [] => String::new(),
        a => format!("注解 {}", a.join("、")),
    };
    let and = if field.is_empty() || annotation.is_empty() {
        ""
    } else {
        "和"
    };
    cat(&[
        &field,
        and,
        &annotation,
        "关闭或替换了运行时的 AppArmor 配置；只允许 RuntimeDefault 或 Localhost（注解中为 runtime/default 或 localhost/…）",
    ])
}

pub fn pss_summary(v: &pss::Verdict) -> String {
    let result = |level: &str, passes: bool| {
        let word = if passes { "通过" } else { "不通过" };
        format!("{level} {word}")
    };
    format!(
        "Pod 安全性标准：{}，{}",
        result("baseline", v.baseline()),
        result("restricted", v.restricted())
    )
}

pub fn pss_not_modelled() -> String {
    "按 1.36 版 Pod 安全性策略判定。这里无从得知准入控制器的豁免规则，也不知道命名空间是否固定使用了其他版本。"
        .to_string()
}

pub fn hardened_comments(h: &Hardened, source: SourceKind) -> Vec<String> {
    let run = matches!(source, SourceKind::DockerRun | SourceKind::PodmanRun);
    let mut c = vec!["# 加固建议：先全部移除，只加回确实需要的部分。".to_string()];
    if h.was_privileged {
        c.push(if run {
            "# 已去掉 --privileged——它授予全部权能，甚至更多。".to_string()
        } else {
            "# 已去掉 privileged: true——它授予全部权能，甚至更多。".to_string()
        });
    }
    if h.had_add_all {
        c.push(
            if run {
                "# 已去掉 --cap-add ALL：请列出程序真正用到的权能。"
            } else {
                "# 已去掉 add 中的 `ALL`：请列出程序真正用到的权能。"
            }
            .to_string(),
        );
    }
    if !h.unknown.is_empty() {
        c.push(format!(
            "# 已略去内核不认识的名称：{}。",
            h.unknown.join("、")
        ));
    }
    if h.was_root {
        c.push(root_comment(source).to_string());
    }
    if let Some(first) = h.add.first().filter(|_| h.adds_need_file_caps()) {
        c.push("# 以非 root 用户运行时，添加的权能只有通过程序文件上的文件权能".to_string());
        c.push(format!(
            "# 才能到达进程（例如 setcap cap_{}+ep /path/to/binary）。",
            first.to_ascii_lowercase()
        ));
    }
    if h.keeps_sys_admin {
        c.push("# 按要求保留了 SYS_ADMIN；perf/eBPF 更推荐用 PERFMON 和 BPF。".to_string());
    }
    // Pod Security admission only judges Kubernetes workloads.
    if source == SourceKind::Kubernetes && !h.passes_restricted() {
        c.push(
            "# 添加 NET_BIND_SERVICE 以外的权能，仍然通不过 Pod 安全性标准的 restricted 级别。"
                .to_string(),
        );
    }
    c
}

/// The comment on a container that ran as uid 0, in the settings of its source.
fn root_comment(source: SourceKind) -> &'static str {
    match source {
        SourceKind::Kubernetes => {
            "# 容器原来以 uid 0 运行；runAsNonRoot 要求镜像用户（或 runAsUser）不是 0。"
        }
        SourceKind::Compose => {
            "# 服务原来以 uid 0 运行；请把 user: 设为非 0 的 uid，或者换一个 USER 不是 root 的镜像。"
        }
        SourceKind::DockerRun | SourceKind::PodmanRun => {
            "# 容器原来以 uid 0 运行；请加上 --user 并指定非 0 的 uid，或者换一个 USER 不是 root 的镜像。"
        }
    }
}

pub fn hardened_snippet(spec: &caplens_core::container::ContainerSpec, h: &Hardened) -> String {
    let mut s = hardened_comments(h, spec.source).join("\n");
    s.push('\n');
    s += &harden::snippet_for(spec, h);
    s
}

pub fn paste_error(e: &caplens_core::paste::PasteError) -> String {
    use caplens_core::paste::PasteError;
    match e {
        PasteError::Yaml(y) => yaml_error(y),
        PasteError::NotYaml => not_yaml_hint().to_string(),
        PasteError::Cmdline(c) => crate::containers::zh_cn::cmdline_error(c),
        PasteError::Helm(h) => helm_input(h),
    }
}

pub fn not_yaml_hint() -> &'static str {
    "这是 docker/podman 命令行，请改用 `caplens docker -- ...` 检查它。"
}

pub fn helm_input(h: &HelmInput) -> String {
    match h {
        HelmInput::Template { at } => format!(
            "这是 Helm 模板（第 {} 行第 {} 列有 `{{{{ … }}}}`），不是清单：chart 的值要渲染后才会填进去。请改为粘贴 `helm template` 或 `kubectl get … -o yaml` 的输出。",
            at.line, at.column
        ),
        HelmInput::Values { keys } => format!(
            "这是 Helm 的 values 文件（顶层有 {}，却没有 `apiVersion` 和 `kind`），不是清单。请先用 `helm template` 渲染 chart 再粘贴输出，或者粘贴 `kubectl get … -o yaml` 的输出。",
            keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join("、")
        ),
    }
}

pub fn file_heading(file: &str, f: Form, containers: usize) -> String {
    let n = format!("{containers} 个容器");
    let head = format!("== {file}");
    format!("{head}：{}，{n}", form(f))
}

pub fn pss_text(v: &pss::Verdict) -> String {
    let mut out = String::new();
    if !v.violations.is_empty() {
        out.push_str("  未通过的 Pod 安全性标准检查：\n");
        for x in &v.violations {
            out.push_str(&format!("    - {}\n", violation(x)));
        }
    }
    out.push_str(&format!("  {}\n", pss_not_modelled()));
    out
}

pub fn suggestion_text(spec: &caplens_core::container::ContainerSpec, h: &Hardened) -> String {
    let mut out = String::from("\n  可直接复制的建议设置：\n");
    for line in hardened_snippet(spec, h).lines() {
        out.push_str("    ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::{english_run, spacing_error};
    use caplens_core::yaml::Pos;

    /// Whole sentences, placeholders filled: the seams between fixed text
    /// and values keep the glossary's spacing, and nothing is left in English.
    fn reads_as_chinese(s: &str) {
        assert_eq!(spacing_error(s), None, "{s}");
        assert_eq!(english_run(s), None, "{s}");
    }

    #[test]
    fn yaml_errors_say_where() {
        let e = YamlError::Syntax {
            at: Pos { line: 3, column: 7 },
            kind: SyntaxKind::UnclosedQuote,
        };
        assert_eq!(
            yaml_error(&e),
            "第 3 行第 7 列有 YAML 语法错误：带引号的字符串没有闭合。"
        );
        let e = YamlError::TooLarge {
            bytes: 5 * 1_048_576 + 524_288,
            limit: 4 * 1_048_576,
        };
        assert!(
            yaml_error(&e).starts_with("输入有 5.5 MB，上限是 4 MB。"),
            "{}",
            yaml_error(&e)
        );
        let e = YamlError::DuplicateKey {
            at: Pos { line: 9, column: 5 },
            key: "image".into(),
            first_line: 4,
        };
        assert!(yaml_error(&e).contains("（第一次在第 4 行）"));
        reads_as_chinese(&yaml_error(&e));
    }

    #[test]
    fn paste_errors_are_worded() {
        let e = caplens_core::paste::read("a: [\n").unwrap_err();
        assert!(
            paste_error(&e).starts_with("第 2 行第 1 列有 YAML 语法错误："),
            "{}",
            paste_error(&e)
        );
        reads_as_chinese(&paste_error(&e));
    }

    #[test]
    fn places_and_notes_space_their_values() {
        let at = Location {
            document: Some(1),
            path: "items[2]".into(),
            argument: None,
            line: Some(12),
            column: Some(5),
        };
        assert_eq!(place(&at), "第 2 个文档，第 12 行第 5 列");
        let note = Note::Skipped {
            at,
            name: Some("web".into()),
            reason: SkipReason::NotAWorkload {
                kind: "ConfigMap".into(),
            },
        };
        assert_eq!(
            k8s_note(&note),
            "已跳过第 2 个文档 items[2]（`web`）：ConfigMap 不运行容器。"
        );
        reads_as_chinese(&k8s_note(&note));
    }

    #[test]
    fn typo_message_names_the_suggestion() {
        let k = FindingKind::UnknownField {
            key: "sercurityContext".into(),
            level: Level::Container,
            suggestion: Some("securityContext"),
        };
        let m = k8s_finding_message(&k);
        assert!(
            m.starts_with("`sercurityContext` 不是容器的字段；你是想写 `securityContext` 吗？"),
            "{m}"
        );
        assert_eq!(
            k8s_finding_fix(&k),
            "把 `sercurityContext` 改名为 `securityContext`。"
        );
        let k = FindingKind::MisplacedField {
            key: "add".into(),
            level: Level::SecurityContext,
            belongs: "securityContext.capabilities",
        };
        let m = k8s_finding_message(&k);
        assert!(
            m.starts_with("`add` 位于容器级 securityContext 中，"),
            "{m}"
        );
        reads_as_chinese(&m);
    }

    #[test]
    fn violations_keep_level_check_id_and_values() {
        let s = violation(&Violation::MissingDropAll {
            wrote: vec!["all".into()],
        });
        assert!(
            s.starts_with("restricted（capabilities_restricted）：drop 里写的是 \"all\"，"),
            "{s}"
        );
        assert!(s.contains("大写"));
        let s = violation(&Violation::RunAsUserZero {
            pod: true,
            container: false,
        });
        assert_eq!(s, "restricted（runAsUser）：Pod 设置了 runAsUser: 0");
        let s = violation(&Violation::AppArmor {
            types: vec!["Unconfined".into()],
            annotations: vec!["container.apparmor.security.beta.kubernetes.io/app".into()],
        });
        assert!(
            s.contains("\"Unconfined\" 和注解 container.apparmor"),
            "{s}"
        );
        for s in [
            s,
            violation(&Violation::SeLinux {
                bad_types: vec!["spc_t".into()],
                user: true,
                role: false,
            }),
            violation(&Violation::ProcMountRestricted("Unmasked".into())),
            violation(&Violation::NonDefaultCapabilities(vec!["NET_ADMIN".into()])),
        ] {
            reads_as_chinese(&s);
        }
    }

    #[test]
    fn hardened_comments_name_the_capability_to_setcap() {
        let h = Hardened {
            add: vec!["SYS_ADMIN"],
            keeps_sys_admin: true,
            ..Hardened::default()
        };
        let c = hardened_comments(&h, SourceKind::Kubernetes);
        assert!(c.iter().all(|l| l.starts_with("# ")), "{c:?}");
        let c = c.join("\n");
        assert!(c.contains("setcap cap_sys_admin+ep"), "{c}");
        assert!(c.contains("PERFMON"));
        assert!(c.contains("Pod 安全性标准的 restricted 级别"));
        let none = hardened_comments(&Hardened::default(), SourceKind::Kubernetes).join("\n");
        assert!(
            !none.contains("setcap") && !none.contains("restricted"),
            "{none}"
        );
    }

    #[test]
    fn docker_suggestions_speak_in_run_options() {
        let h = Hardened {
            add: vec!["NET_ADMIN"],
            was_root: true,
            was_privileged: true,
            had_add_all: true,
            ..Hardened::default()
        };
        let c = hardened_comments(&h, SourceKind::DockerRun).join("\n");
        assert!(
            c.contains("已去掉 --privileged") && c.contains("已去掉 --cap-add ALL"),
            "{c}"
        );
        assert!(c.contains("加上 --user"), "{c}");
        // Pod Security and Kubernetes field names do not apply to docker run.
        assert!(
            !c.contains("runAsNonRoot") && !c.contains("Pod 安全性"),
            "{c}"
        );
        let k = hardened_comments(&h, SourceKind::Kubernetes).join("\n");
        assert!(
            k.contains("runAsNonRoot") && k.contains("restricted"),
            "{k}"
        );
        let compose = hardened_comments(&h, SourceKind::Compose).join("\n");
        assert!(
            compose.contains("user:") && !compose.contains("Pod 安全性"),
            "{compose}"
        );
    }

    #[test]
    fn the_file_heading_counts_containers() {
        assert_eq!(
            file_heading("web.yaml", Form::Kubernetes, 1),
            "== web.yaml：Kubernetes 清单，1 个容器"
        );
    }
}

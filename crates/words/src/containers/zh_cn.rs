//! 简体中文.

use caplens_core::analysis::{
    ContainerReport, Detail, Finding, IneffectiveAdd, LowPorts, PrivilegedNonRoot, UnknownReason,
};
use caplens_core::cap::Cap;
use caplens_core::catalog;
use caplens_core::container::SourceKind;
use caplens_core::runtime::runc::StartFailure;
use caplens_core::runtime::{CreationError, CreationErrorKind, ListKind, RuntimeKind, RuntimeNote};
use caplens_core::set::CapSet;

pub fn runtime_name(kind: RuntimeKind) -> &'static str {
    match kind {
        RuntimeKind::Docker => "Docker",
        RuntimeKind::Containerd => "containerd",
        RuntimeKind::Crio => "CRI-O",
        RuntimeKind::Podman => "Podman",
    }
}

/// The list's key as users write it (`capabilities.add`, "the add list"):
/// a field name, so it stays in English.
fn list_name(list: ListKind) -> &'static str {
    match list {
        ListKind::Add => "add",
        ListKind::Drop => "drop",
    }
}

/// Names in Chinese prose are parallel items: the glossary joins them with 顿号.
pub fn cap_list(set: CapSet) -> String {
    let names: Vec<String> = set.iter().map(cap_name).collect();
    names.join("、")
}

fn cap_name(cap: u8) -> String {
    catalog::get(cap)
        .map(|k| k.short_name().to_string())
        .unwrap_or_else(|| cap.to_string())
}

/// Why a capability is dangerous, as a predicate after “它”: one for each
/// capability of `analysis::DANGEROUS` (a test holds the two together).
fn danger(cap: Cap) -> Option<&'static str> {
    Some(match cap {
        Cap::DAC_READ_SEARCH => {
            "能读取已挂载文件系统上的任意文件，还能按句柄打开文件，“shocker”容器逃逸走的就是这条路"
        }
        Cap::NET_ADMIN => {
            "能重新配置容器网络命名空间里的网络接口、路由和防火墙规则（使用主机网络时就是宿主机的）"
        }
        Cap::SYS_MODULE => "能往宿主机内核里加载内核模块：这就是直接逃逸",
        Cap::SYS_RAWIO => "能直接访问 I/O 端口和设备内存",
        Cap::SYS_PTRACE => "能跟踪它看得到的其他进程，并向它们注入代码",
        Cap::SYS_ADMIN => {
            "是个大杂烩：挂载、命名空间、BPF、许多设备的 ioctl 都归它管；大多数容器逃逸都需要它"
        }
        Cap::SYS_BOOT => "能重启宿主机，还能用 kexec 加载新内核",
        Cap::SYS_TIME => "能修改宿主机的时钟（时钟没有命名空间隔离）",
        Cap::MAC_OVERRIDE => "能绕过强制访问控制（SELinux、AppArmor、Smack）",
        Cap::MAC_ADMIN => "能修改强制访问控制策略",
        Cap::SYSLOG => "能读取内核日志，而内核日志会泄露内核地址",
        Cap::PERFMON => "能开启全系统范围的性能监控，借此观察其他进程和内核",
        Cap::BPF => "能加载 BPF 程序和 BPF 映射，内核攻击面很大",
        _ => return None,
    })
}

/// A dangerous-capability finding names a capability of `DANGEROUS`; any
/// other number would be a bug upstream, and still gets a plain clause.
fn danger_clause(cap: u8) -> &'static str {
    Cap::new(cap).and_then(danger).unwrap_or("能执行特权操作")
}

fn ineffective_message(d: &IneffectiveAdd) -> String {
    let caps = cap_list(d.caps);
    let who = if d.conditional {
        "如果镜像以非 root 用户运行，"
    } else {
        "进程以非 root 用户运行，所以"
    };
    let mut m = format!(
        "{who}添加的权能 {caps} 对它不起作用：{} 只把它们放进边界集{}；执行 execve 时，非 root 进程只保留环境集（ambient）里的权能，再加上文件权能授予的权能。PID 1 的许可集和有效集里都没有它们。",
        runtime_name(d.runtime),
        if d.in_oci_permitted { "（和许可集，但 exec 会重新计算许可集）" } else { "" }
    );
    if d.source == SourceKind::Kubernetes {
        m.push_str("Kubernetes 没有设置环境集的字段（KEP-2763 尚未实现）。");
    }
    m
}

/// The ways out of an ineffective add, most direct first, as one sentence
/// of alternatives separated by semicolons.
fn ineffective_fix(d: &IneffectiveAdd) -> String {
    let mut fixes = vec![file_caps_fix(d)];
    fixes.push(match d.source {
        SourceKind::Kubernetes => "或者以 root 运行（runAsUser: 0），设置 capabilities drop: [\"ALL\"]，再只添加你需要的权能，这样 root 也没有别的权能".to_string(),
        SourceKind::Compose => "或者以 root 运行（user: \"0\"），设置 cap_drop: [ALL]，再只用 cap_add 添加你需要的权能，这样 root 也没有别的权能".to_string(),
        SourceKind::DockerRun | SourceKind::PodmanRun => {
            "或者以 root 运行，用 --cap-drop ALL，再只用 --cap-add 添加你需要的权能，这样 root 也没有别的权能".to_string()
        }
    });
    if d.runtime != RuntimeKind::Podman && d.source == SourceKind::DockerRun {
        fixes.push(
            "或者改用 Podman：它把 --cap-add 的权能作为环境集权能交给非 root 用户".to_string(),
        );
    }
    if let Some(ports) = low_ports_fix(d) {
        fixes.push(ports);
    }
    format!("{}。", fixes.join("；"))
}

/// The first way: file capabilities on the binary, and whether
/// no-new-privileges lets them work on this runtime.
fn file_caps_fix(d: &IneffectiveAdd) -> String {
    let caps_lower: Vec<String> = d
        .caps
        .iter()
        .map(|c| format!("cap_{}", cap_name(c).to_ascii_lowercase()))
        .collect();
    let file = format!(
        "在镜像里给二进制文件加上文件权能：`setcap {}+ep /path/to/binary`（在 Dockerfile 里以 root 执行，放在 USER 之前）",
        caps_lower.join(",")
    );
    if d.file_caps_blocked_by_nnp {
        format!(
            "{file}——但开启 no-new-privileges 时，这个 {} 版本不会把它们放进许可集，exec 无法提升它们；请为这个容器关闭 no-new-privileges，或升级到 Docker 25 及以上",
            runtime_name(d.runtime)
        )
    } else if d.no_new_privs {
        format!(
            "{file}；设置了 no_new_privs（allowPrivilegeEscalation: false）时这样依然可行，因为运行时已经把这些权能放进了许可集，而 no_new_privs 只是不让 exec 超出许可集"
        )
    } else {
        file
    }
}

/// Ports below 1024: often the only reason for the add.
fn low_ports_fix(d: &IneffectiveAdd) -> Option<String> {
    Some(match &d.low_ports {
        LowPorts::NotRelevant => return None,
        LowPorts::OpenedByRuntime => "要绑定 1024 以下的端口，这里根本不需要任何权能：Docker（20.10 及以上）会在容器自己的网络命名空间里设置 net.ipv4.ip_unprivileged_port_start=0，所以可以移除 NET_BIND_SERVICE".to_string(),
        LowPorts::SetByUser { value } => format!(
            "net.ipv4.ip_unprivileged_port_start 已经设置为 {value}：{value} 及以上的端口不需要任何权能"
        ),
        LowPorts::NotOpened => match d.source {
            SourceKind::Kubernetes => "要使用 1024 以下的端口，可以在 Pod 的 securityContext.sysctls 里设置安全的 sysctl net.ipv4.ip_unprivileged_port_start=0（Kubernetes 不会设置它，这点和 Docker 不同），或者监听 1024 及以上的端口".to_string(),
            SourceKind::Compose => "要使用 1024 以下的端口，可以在服务上设置 sysctls: {net.ipv4.ip_unprivileged_port_start: 0}（服务需要自己的网络命名空间，不能用 network_mode: host），或者监听 1024 及以上的端口".to_string(),
            SourceKind::DockerRun | SourceKind::PodmanRun => "要使用 1024 以下的端口，可以设置 --sysctl net.ipv4.ip_unprivileged_port_start=0（容器需要自己的网络命名空间，不能用 --network host），或者监听 1024 及以上的端口".to_string(),
        },
    })
}

pub fn finding_message(f: &Finding) -> String {
    match &f.detail {
        Detail::Manifest { finding: k } => crate::k8s::zh_cn::k8s_finding_message(k),
        Detail::IneffectiveAdd(d) => ineffective_message(d),
        Detail::CapPrefix { written, list, runtime, oci_name } => {
            cap_prefix_message(written, *list, *runtime, oci_name)
        }
        Detail::NameCase { written, canonical, list, source } => match source {
            SourceKind::Kubernetes => format!(
                "capabilities.{} 里的 `{written}` 能被运行时接受（运行时会把名称转成大写），但 Pod 安全性准入严格按字面比较名称：它只认 `{canonical}`。",
                list_name(*list)
            ),
            _ => format!(
                "`{written}` 能被接受（运行时会把它转成大写），但惯用写法是 `{canonical}`，而且 Kubernetes 的策略比较名称时区分大小写。"
            ),
        },
        Detail::UnknownCapability { written, list, runtime, why } => {
            unknown_capability_message(written, *list, *runtime, why)
        }
        Detail::Privileged { runtime, all, non_root } => privileged_message(*runtime, *all, *non_root),
        Detail::DangerousCapability { cap, written } => {
            format!("`{written}` 添加了 {}，它{}。", cap_name(*cap), danger_clause(*cap))
        }
        Detail::DangerousAll { written, caps } => format!(
            "`{written}` 添加了所有权能，包括这些高危权能：{}。",
            cap_list(*caps)
        ),
        Detail::DefaultNetRaw { runtime, .. } => format!(
            "NET_RAW 在 {} 的默认集合里，而且没有被移除：容器能构造原始数据包（在节点网络上做 ARP/DNS 欺骗），而实际上很少有程序需要它。",
            runtime_name(*runtime)
        ),
        Detail::PreferPerfmon { written, kernel_has_perfmon } => {
            if *kernel_has_perfmon {
                format!("`{written}` 往往只是为了 perf 或 eBPF 工具而添加。自 Linux 5.8 起，PERFMON（perf_event_open）和 BPF（加载 BPF 程序）就能做到，不必给出 SYS_ADMIN 的其余特权。")
            } else {
                format!("`{written}` 往往只是为了 perf 或 eBPF 工具而添加；范围更窄的 PERFMON 和 BPF 自 Linux 5.8 起才有，而所选内核比 5.8 更早。")
            }
        }
    }
}

/// A capability written with the `CAP_` prefix.
fn cap_prefix_message(
    written: &str,
    list: ListKind,
    runtime: RuntimeKind,
    oci_name: &str,
) -> String {
    match (runtime, list) {
        (RuntimeKind::Containerd, ListKind::Add) => format!(
            "在 containerd 下，`{written}` 会变成 `{oci_name}`，因为 containerd 总会在前面加上 CAP_。没有这个权能：runc（1.0 及以上）只记一条日志警告就把它丢掉，更旧的 runc 则无法创建容器。无论哪种情况，这个权能都加不上。"
        ),
        (RuntimeKind::Containerd, ListKind::Drop) => format!(
            "在 containerd 下，`{written}` 会变成 `{oci_name}`，因为 containerd 总会在前面加上 CAP_。移除一个不在列表里的名称，等于悄无声息地什么也没移除：这个权能还在。"
        ),
        (_, _) => format!(
            "`{written}` 在 {} 上可用（那里 CAP_ 前缀可写可不写），但同一份清单放到 containerd 上会被读成 `CAP_{}`，而这个权能并不存在；而且 Pod 安全性标准的 baseline 级别只接受不带前缀的名称。",
            runtime_name(runtime),
            written.to_ascii_uppercase()
        ),
    }
}

/// A name that is no capability (or none the kernel has), and what the
/// runtime then does.
fn unknown_capability_message(
    written: &str,
    list: ListKind,
    runtime: RuntimeKind,
    why: &UnknownReason,
) -> String {
    let effect = match (runtime, list) {
        (RuntimeKind::Containerd, _) => {
            "containerd 会原样传下去，runc 记一条日志警告后忽略它，所以它不起任何作用"
        }
        (RuntimeKind::Crio, ListKind::Add) => "CRI-O 会拒绝创建容器",
        (RuntimeKind::Crio, ListKind::Drop) => "CRI-O 尝试移除它时出错，容器创建失败",
        (RuntimeKind::Docker, _) => "Docker 会拒绝创建容器（报错 `unknown capability`）",
        (RuntimeKind::Podman, _) => "Podman 会拒绝创建容器（报错 `unknown capability`）",
    };
    match why {
        UnknownReason::NoKernel if written.contains(',') && runtime != RuntimeKind::Podman => {
            format!(
                "`{written}` 被当成了一个名称：{} 不会按逗号拆分这个值；{effect}。",
                runtime_name(runtime)
            )
        }
        UnknownReason::NoKernel => {
            format!("`{written}` 不是任何 Linux 内核定义过的权能；{effect}。")
        }
        UnknownReason::NewerThanKernel { cap, kernel } => {
            let since = catalog::get(*cap)
                .map(|c| c.since.to_string())
                .unwrap_or_default();
            let k = kernel
                .map(|k| format!("所选内核（{k}）"))
                .unwrap_or_else(|| "这台宿主机的内核".to_string());
            format!("`{written}` 需要 Linux {since} 及以上；{k}没有它，所以 {effect}。")
        }
    }
}

/// What `privileged` gives, and what it means for a non-root first process.
fn privileged_message(runtime: RuntimeKind, all: CapSet, non_root: PrivilegedNonRoot) -> String {
    let nr = match non_root {
        PrivilegedNonRoot::Nothing => "第一个进程如果不是 root，在 exec 时仍会失去全部权能。",
        PrivilegedNonRoot::EverythingViaAmbient => "在 CRI-O 上，第一个进程即使不是 root 也会保留全部权能，因为特权模式连环境集（ambient）也填满了。",
        PrivilegedNonRoot::OnlyAdds => "在 Podman 上，第一个进程如果不是 root，只会得到 --cap-add 指定的权能。",
    };
    let lists = match non_root {
        PrivilegedNonRoot::OnlyAdds => "在这里会忽略 cap-drop",
        PrivilegedNonRoot::Nothing | PrivilegedNonRoot::EverythingViaAmbient => {
            "在这里会忽略 cap-add 和 cap-drop"
        }
    };
    format!(
        "特权模式给出宿主机拥有的每一个权能（共 {} 个，{}），而且给的比 `ALL` 更多：能访问宿主机的所有设备，没有 seccomp 过滤，没有 AppArmor/SELinux 限制，/sys 和 /proc/sys 可写。{} {lists}。{nr}",
        all.len(),
        all.hex16(),
        runtime_name(runtime)
    )
}

pub fn finding_fix(f: &Finding) -> String {
    match &f.detail {
        Detail::Manifest { finding: k } => crate::k8s::zh_cn::k8s_finding_fix(k),
        Detail::IneffectiveAdd(d) => ineffective_fix(d),
        Detail::CapPrefix { written, list, .. } => {
            let bare = catalog::strip_cap_prefix(written).to_ascii_uppercase();
            format!("在 {} 列表里写 `{bare}`，不要带 CAP_。", list_name(*list))
        }
        Detail::NameCase { canonical, .. } => format!("写成 `{canonical}`。"),
        Detail::UnknownCapability { written, why, .. } => unknown_capability_fix(written, why),
        Detail::Privileged { .. } => "去掉 privileged；只添加工作负载需要的权能（先移除 ALL，再逐个添加），并且只挂载它用到的设备。".to_string(),
        Detail::DangerousCapability { cap, .. } => format!(
            "除非工作负载确实需要，否则移除 {}；如果确实需要，就把容器的其他方面锁紧（非 root、no_new_privs、seccomp）。",
            cap_name(*cap)
        ),
        Detail::DangerousAll { .. } => "把 ALL 换成工作负载真正需要的具体权能。".to_string(),
        Detail::DefaultNetRaw { source, .. } => match source {
            SourceKind::Kubernetes => "添加 capabilities.drop: [\"ALL\"]（至少移除 NET_RAW）。在 net.ipv4.ping_group_range 允许非特权 ICMP 套接字的地方，ping 照样能用。".to_string(),
            SourceKind::Compose => "添加 cap_drop: [ALL]（至少移除 NET_RAW）。".to_string(),
            SourceKind::DockerRun | SourceKind::PodmanRun => "添加 --cap-drop ALL（至少加上 --cap-drop NET_RAW）。".to_string(),
        },
        Detail::PreferPerfmon { kernel_has_perfmon, .. } => {
            if *kernel_has_perfmon {
                "用这些代替 SYS_ADMIN：perf 添加 PERFMON，eBPF 工具添加 PERFMON 和 BPF（只有网络类 BPF 程序才需要再加 NET_ADMIN）；宿主机的 kernel.perf_event_paranoid 大于 2 时，perf 仍可能被拦住。".to_string()
            } else {
                "在 Linux 5.8 及以上，用 PERFMON（和 BPF）代替 SYS_ADMIN。".to_string()
            }
        }
    }
}

fn unknown_capability_fix(written: &str, why: &UnknownReason) -> String {
    match why {
        UnknownReason::NoKernel if written.contains(',') => {
            let parts: Vec<&str> = written.split(',').map(str::trim).collect();
            format!(
                "每个权能分开写，例如 `--cap-add {}`（YAML 里则每个权能一个列表项）。",
                parts.join(" --cap-add ")
            )
        }
        UnknownReason::NoKernel => {
            format!("对照 capabilities(7) 检查 `{written}` 的拼写，或者删掉它。")
        }
        UnknownReason::NewerThanKernel { cap, .. } => format!(
            "删掉 {}，或者换到有这个权能的内核上运行；在更旧的内核上，常见的替代是 SYS_ADMIN，但它给出的特权多得多。",
            cap_name(*cap)
        ),
    }
}

pub fn runtime_note(n: &RuntimeNote) -> String {
    match n {
        RuntimeNote::UnprivilegedPortsOpened => "Docker 在容器的网络命名空间里设置了 net.ipv4.ip_unprivileged_port_start=0：任何用户不需要 NET_BIND_SERVICE 就能绑定 1024 以下的端口。".to_string(),
        RuntimeNote::UnprivilegedPortsByUser { value } => format!("用户把 net.ipv4.ip_unprivileged_port_start 设置成了 {value}。"),
        RuntimeNote::PrivilegedOverridesLists => "特权模式：add 和 drop 列表都被忽略。".to_string(),
        RuntimeNote::AddedAndDropped { cap, kept } => {
            if *kept {
                format!("{} 既被添加又被移除；这个运行时保留它（添加优先）。", cap_name(*cap))
            } else {
                format!("{} 既被添加又被移除；这个运行时去掉它（移除优先）。", cap_name(*cap))
            }
        }
        RuntimeNote::PodmanNonRootGetsAdds => "Podman 只把 --cap-add 指定的权能作为环境集（ambient）权能交给非 root 用户，所以它们在 exec 之后还在；默认权能列表不会给它。".to_string(),
        RuntimeNote::AmbientNeverSet => "环境集（ambient）始终为空：权能只能通过文件权能到达非 root 程序。".to_string(),
        RuntimeNote::CrioPrivilegedAmbient => "CRI-O 的特权模式会填满全部 5 个集合，包括环境集（ambient）。".to_string(),
        RuntimeNote::RuncIgnores { names } => format!(
            "runc 会忽略 {}，并给出警告 `ignoring unknown or unavailable capabilities`。",
            names.join("、")
        ),
    }
}

/// The runtime's refusal in Chinese, with its own message in code so users
/// can search their logs for it.
pub fn creation_error(e: &CreationError) -> String {
    match &e.kind {
        CreationErrorKind::UnknownCapability { runtime, oci_name, list } => match runtime {
            RuntimeKind::Crio => format!("CRI-O 拒绝创建容器：未知权能（`unknown capability \"{oci_name}\" to {}`）。", list_name(*list)),
            _ => format!("{} 拒绝创建容器：未知权能（`unknown capability: \"{oci_name}\"`）。", runtime_name(*runtime)),
        },
        CreationErrorKind::NotAvailable { oci_name, .. } => format!(
            "Docker 拒绝创建容器：内核不支持这个权能，或者当前环境里没有它（`capability not supported by your kernel or not available in the current environment: \"{oci_name}\"`）。"
        ),
        CreationErrorKind::AddedAndDropped { oci_name } => {
            format!("Podman 拒绝创建容器：同一个权能不能既移除又添加（`capability \"{oci_name}\" cannot be dropped and added`）。")
        }
        CreationErrorKind::AddAllAndDropAll => "Podman 拒绝创建容器：ALL 既被添加又被移除。".to_string(),
        CreationErrorKind::OldRuncUnknown { oci_name } => {
            format!("低于 1.0.0-rc94 的 runc 拒绝启动容器：未知权能（`unknown capability \"{oci_name}\"`）。")
        }
        CreationErrorKind::NetSysctlWithHostNetwork { key } => {
            format!("Podman 拒绝创建容器：网络命名空间是宿主机的，无法设置 sysctl {key}。")
        }
    }
}

pub fn start_failure(f: &StartFailure) -> String {
    match f {
        StartFailure::CapsetFailed { offending } => format!(
            "runc 启动失败，报错 `unable to apply caps`：无法设置 {}（可继承集里有边界集之外的权能，或者有效集里有许可集之外的权能）。",
            cap_list(*offending)
        ),
        StartFailure::ExecEperm { missing } => format!(
            "exec 失败，返回 EPERM（`Operation not permitted`）：二进制文件带有 +e 文件权能，其中的 {} 不在边界集允许的范围内。",
            cap_list(*missing)
        ),
    }
}

pub fn cmdline_error(e: &caplens_core::cmdline::CmdlineError) -> String {
    use caplens_core::cmdline::CmdlineErrorKind as K;
    let what = match &e.kind {
        K::Empty => "命令为空".to_string(),
        K::TooLong { max } => format!("命令超过了 {max} 字节"),
        K::TooManyWords { max } => format!("命令超过了 {max} 个词"),
        K::UnterminatedQuote { quote } => format!("引号 {quote} 没有闭合"),
        K::NotARunCommand { found } if found.is_empty() => {
            "docker/podman 后面应该是 `run` 或 `create`".to_string()
        }
        K::NotARunCommand { found } => {
            format!("应该是 `docker run` 或 `podman run`，实际是 `{found}`")
        }
        K::MissingValue { flag } => format!("{flag} 需要一个值"),
        K::UnknownOption { flag } => {
            format!("未知参数 {flag}；如果它带值，请写成 {flag}=VALUE，以免把值误认成镜像")
        }
        K::NoImage => "命令还没指定镜像就结束了".to_string(),
        K::BadUser { value } => format!("`{value}` 不是用户（应为用户名、uid 或 uid:gid）"),
        K::BadBool { flag, value } => format!("{flag} 的值应为 true 或 false，而不是 `{value}`"),
        K::BadSysctl { value } => format!("--sysctl 的值应为 NAME=VALUE，而不是 `{value}`"),
    };
    let mut place = Vec::new();
    if let Some(a) = e.arg {
        place.push(format!("第 {a} 个参数"));
    }
    match (e.line, e.column) {
        (Some(l), Some(c)) => place.push(format!("第 {l} 行第 {c} 列")),
        (Some(l), None) => place.push(format!("第 {l} 行")),
        _ => {}
    }
    if place.is_empty() {
        what
    } else {
        format!("{}：{what}", place.join("，"))
    }
}

/// Version ranges the glossary's way: “≥ 25” reads “25 及以上”.
pub fn runtime_label(r: caplens_core::runtime::Runtime) -> String {
    use caplens_core::runtime::{ContainerdEra, CrioEra, DockerEra, PodmanEra, Runtime};
    match r {
        Runtime::Docker(DockerEra::UpTo20_10_13) => "Docker 20.10.13 及以下".into(),
        Runtime::Docker(DockerEra::From20_10_14To24) => "Docker 20.10.14 – 24.x".into(),
        Runtime::Docker(DockerEra::From25) => "Docker 25 及以上".into(),
        Runtime::Containerd(ContainerdEra::WithInheritable) => {
            "containerd 1.5.10 / 1.6.1 及以下".into()
        }
        Runtime::Containerd(ContainerdEra::Current) => "containerd 1.5.11 / 1.6.2 及以上".into(),
        Runtime::Crio(c) => {
            let era = match c.era {
                CrioEra::UpTo1_17 => "CRI-O 1.17 及以下",
                CrioEra::From1_18To1_23 => "CRI-O 1.18 – 1.23",
                CrioEra::From1_24 => "CRI-O 1.24 及以上",
            };
            if c.add_inheritable {
                format!("{era}（add_inheritable_capabilities）")
            } else {
                era.to_string()
            }
        }
        Runtime::Podman(PodmanEra::UpTo4_3) => "Podman 4.3 及以下".into(),
        Runtime::Podman(PodmanEra::V4_4) => "Podman 4.4".into(),
        Runtime::Podman(PodmanEra::From4_5) => "Podman 4.5 及以上".into(),
    }
}

pub fn add_result(r: caplens_core::analysis::AddResult) -> &'static str {
    use caplens_core::analysis::AddResult as A;
    match r {
        A::Effective => "在 PID 1 的有效集里：能直接用",
        A::PermittedOnly => "在许可集里，但不在有效集中：程序必须自己把它加入有效集",
        A::BoundingOnly => "只在边界集里：程序只能通过自身二进制文件上的文件权能得到它",
        A::BoundingOnlyBlockedByNnp => "只在边界集里，而且开启 no-new-privileges 时，连二进制文件上的文件权能也无法提升它（运行时没有把它放进许可集）",
        A::NotGranted => "根本到不了容器里",
        A::NoContainer => "容器无法启动",
        A::NotApplicable => "展开为宿主机拥有的每一个权能",
    }
}

pub fn user_label(u: caplens_core::runtime::RunUser) -> String {
    match u {
        caplens_core::runtime::RunUser::Root => "以 root 运行".into(),
        caplens_core::runtime::RunUser::NonRoot { uid: Some(n) } => format!("以 uid {n} 运行"),
        caplens_core::runtime::RunUser::NonRoot { uid: None } => "以非 root 用户运行".into(),
    }
}

fn where_(at: &caplens_core::container::Location) -> String {
    let mut s = flag_place(at);
    if let Some(d) = at.document {
        s = format!("第 {} 个文档，{s}", d + 1);
    }
    match (at.line, at.column) {
        (Some(l), Some(c)) => format!("{s}，第 {l} 行第 {c} 列"),
        (Some(l), None) => format!("{s}，第 {l} 行"),
        _ => s,
    }
}

/// The flag of a command-line location with its argument number, or the
/// field path.
fn flag_place(at: &caplens_core::container::Location) -> String {
    match at.argument {
        Some(n) => format!("{}（第 {n} 个参数）", at.path),
        None => at.path.clone(),
    }
}

/// Columns a terminal gives `s`: CJK characters and full-width
/// punctuation take two, so `{:<n}` would misalign Chinese labels.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| match c {
            '\u{1100}'..='\u{115f}'
            | '\u{2e80}'..='\u{a4cf}'
            | '\u{ac00}'..='\u{d7a3}'
            | '\u{f900}'..='\u{faff}'
            | '\u{fe30}'..='\u{fe4f}'
            | '\u{ff00}'..='\u{ff60}'
            | '\u{ffe0}'..='\u{ffe6}' => 2,
            _ => 1,
        })
        .sum()
}

/// `s` followed by spaces up to `width` terminal columns.
fn pad(s: &str, width: usize) -> String {
    let fill = width.saturating_sub(display_width(s));
    format!("{s}{}", " ".repeat(fill))
}

fn sets_block(out: &mut String, title: &str, p: &caplens_core::analysis::Pid1) {
    out.push_str(&format!("  {title}：\n"));
    let st = &p.state;
    for (label, set) in [
        ("CapInh", st.inheritable),
        ("CapPrm", st.permitted),
        ("CapEff", st.effective),
        ("CapBnd", st.bounding),
        ("CapAmb", st.ambient),
    ] {
        let names = if set.is_empty() {
            String::new()
        } else {
            format!("  {}", cap_list(set))
        };
        out.push_str(&format!("    {label}: {}{names}\n", set.hex16()));
    }
    out.push_str(&format!("    NoNewPrivs: {}\n", u8::from(st.no_new_privs)));
}

pub fn report_text(r: &ContainerReport) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{} — 容器“{}”，运行时：{}\n",
        r.workload,
        r.container,
        runtime_label(r.runtime)
    ));
    if let Some(e) = &r.creation_error {
        out.push_str(&format!("\n  {}\n", creation_error(e)));
    }
    oci_section(&mut out, r);
    if let Some(f) = &r.start_failure {
        out.push_str(&format!("\n  {}\n", start_failure(f)));
    }
    pid1_section(&mut out, r);
    adds_section(&mut out, r);
    if !r.notes.is_empty() {
        out.push_str("\n  运行时说明：\n");
        for n in &r.notes {
            out.push_str(&format!("    - {}\n", runtime_note(n)));
        }
    }
    findings_section(&mut out, r);
    if let Some(p) = &r.pss {
        let verdict = |pass: bool| if pass { "通过" } else { "不通过" };
        out.push_str(&format!(
            "\n  Pod 安全性标准（Pod Security Standards，PSS）：baseline {}，restricted {}\n",
            verdict(p.baseline),
            verdict(p.restricted)
        ));
    }
    out
}

/// The sets the runtime writes into the OCI spec.
fn oci_section(out: &mut String, r: &ContainerReport) {
    let Some(o) = &r.oci else {
        return;
    };
    out.push_str("\n  运行时写入的 OCI 配置");
    if r.oci_by_image_user.is_some_and(|(a, b)| a != b) {
        out.push_str("（如果镜像以 root 运行）");
    }
    out.push_str("：\n");
    for (label, set) in [
        ("边界集", o.bounding),
        ("有效集", o.effective),
        ("许可集", o.permitted),
        ("可继承集", o.inheritable),
        ("环境集", o.ambient),
    ] {
        out.push_str(&format!("    {} {}\n", pad(label, 8), set.hex16()));
    }
}

/// The first process's sets after exec: one block, or one per image user
/// when the image's USER decides.
fn pid1_section(out: &mut String, r: &ContainerReport) {
    if let Some(p) = &r.pid1 {
        out.push('\n');
        let title = match p.uid {
            Some(u) => format!("exec 之后的 PID 1（uid {u}）"),
            None => "exec 之后的 PID 1（非 root 用户）".to_string(),
        };
        sets_block(out, &title, p);
    }
    if let Some(by) = &r.pid1_by_image_user {
        out.push_str("\n  结果取决于镜像的 USER，两种情况如下：\n");
        if let Some(p) = &by.root {
            sets_block(out, "镜像以 root 运行时的 PID 1", p);
        }
        if let Some(p) = &by.nonroot {
            sets_block(out, "镜像以非 root 用户运行时的 PID 1", p);
        }
    }
}

/// What each added capability achieves, per image user when that matters.
fn adds_section(out: &mut String, r: &ContainerReport) {
    if r.adds.is_empty() {
        return;
    }
    out.push_str("\n  添加的每个权能起什么作用：\n");
    for a in &r.adds {
        let default = if a.already_default {
            "（已在默认集合中）"
        } else {
            ""
        };
        for (u, res) in &a.results {
            let who = if a.results.len() > 1 {
                format!("（{}）", user_label(*u))
            } else {
                String::new()
            };
            out.push_str(&format!(
                "    {}{default}{who}：{}\n",
                a.written,
                add_result(*res)
            ));
            if let Some((_, r)) = a.reasons.iter().find(|(ru, r)| ru == u && !r.after) {
                out.push_str(&format!(
                    "      exec：{}\n",
                    crate::exec::zh_cn::reason_line(r)
                ));
            }
        }
    }
}

fn findings_section(out: &mut String, r: &ContainerReport) {
    if r.findings.is_empty() {
        out.push_str("\n  没有发现问题。\n");
        return;
    }
    out.push_str("\n  检查结果：\n");
    for f in &r.findings {
        out.push_str(&format!(
            "    {} [{}]，位置：{}\n",
            crate::ui::zh_cn::severity(f.severity),
            f.id().as_str(),
            where_(&f.at)
        ));
        out.push_str(&format!("      {}\n", finding_message(f)));
        out.push_str(&format!("      修复：{}\n", finding_fix(f)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::{english_run, spacing_error};
    use caplens_core::analysis::{analyse, AnalysisOptions, DANGEROUS};
    use caplens_core::catalog::KernelVersion;
    use caplens_core::cmdline::{parse_command, CmdlineError, CmdlineErrorKind};
    use caplens_core::runtime::{ContainerdEra, CrioConfig, DockerEra, PodmanEra, Runtime};

    const DOCKER: Runtime = Runtime::Docker(DockerEra::From25);
    const CONTAINERD: Runtime = Runtime::Containerd(ContainerdEra::Current);

    /// A command line from its options; the options alone in the literals
    /// keep the Chinese-source check from reading them as English prose.
    fn docker_run(args: &str) -> String {
        format!("docker run {args}")
    }

    /// `docker run ARGS` analysed for `runtime`, read as a Kubernetes
    /// container when `k8s` (its findings then word the YAML fields).
    fn report(args: &str, runtime: Runtime, k8s: bool) -> ContainerReport {
        let cmd = docker_run(args);
        let mut spec = parse_command(&cmd, SourceKind::DockerRun).unwrap().spec;
        if k8s {
            spec.source = SourceKind::Kubernetes;
        }
        analyse(&spec, &AnalysisOptions::new(runtime))
    }

    fn assert_chinese(t: &str) {
        assert_eq!(english_run(t), None, "{t}");
        assert_eq!(spacing_error(t), None, "{t}");
    }

    #[test]
    fn every_dangerous_capability_and_no_other_has_its_reason() {
        for cap in Cap::ALL {
            assert_eq!(
                danger(cap).is_some(),
                DANGEROUS.contains(cap.number()),
                "{cap:?}"
            );
        }
    }

    /// The mistakes of docs/users.md §1.5 and §2, worded with their real
    /// values: no English left outside code, spacing as the glossary says.
    #[test]
    fn findings_notes_and_errors_read_as_chinese() {
        let cases = [
            ("-u 1000 --cap-add NET_BIND_SERVICE --cap-add SYS_ADMIN nginx", DOCKER, false),
            ("--security-opt no-new-privileges -u 1000 --cap-drop ALL --cap-add NET_BIND_SERVICE x", CONTAINERD, true),
            ("--cap-add CAP_SYS_ADMIN --cap-drop CAP_NET_RAW --cap-add sys_ptrace x", CONTAINERD, true),
            ("--cap-add NET_ADMIN,SYS_TIME --cap-add NET_FOO x", DOCKER, false),
            ("-u 1000 --privileged x", Runtime::Crio(CrioConfig::default()), true),
            ("-u 1000 --privileged --cap-add NET_ADMIN x", Runtime::Podman(PodmanEra::From4_5), false),
            ("--cap-add ALL --cap-add DAC_READ_SEARCH --cap-add NET_ADMIN --cap-drop NET_ADMIN x", DOCKER, false),
        ];
        let mut seen = 0;
        for (cmd, runtime, k8s) in cases {
            let r = report(cmd, runtime, k8s);
            for f in &r.findings {
                if matches!(f.detail, Detail::Manifest { .. }) {
                    continue; // worded by the k8s module
                }
                assert_chinese(&finding_message(f));
                assert_chinese(&finding_fix(f));
                seen += 1;
            }
            r.notes
                .iter()
                .for_each(|n| assert_chinese(&runtime_note(n)));
            r.creation_error
                .iter()
                .for_each(|e| assert_chinese(&creation_error(e)));
            assert_chinese(&runtime_label(r.runtime));
        }
        assert!(seen >= 10, "only {seen} findings");
    }

    #[test]
    fn an_ineffective_add_names_the_capabilities_and_the_setcap_command() {
        let r = report("-u 1000 --cap-add NET_BIND_SERVICE nginx", DOCKER, false);
        let f = r
            .findings
            .iter()
            .find(|f| matches!(f.detail, Detail::IneffectiveAdd(_)))
            .unwrap();
        assert!(finding_message(f)
            .starts_with("进程以非 root 用户运行，所以添加的权能 NET_BIND_SERVICE 对它不起作用："));
        let fix = finding_fix(f);
        assert!(fix.starts_with("在镜像里给二进制文件加上文件权能：`setcap cap_net_bind_service+ep /path/to/binary`"), "{fix}");
        assert!(
            fix.contains("Docker（20.10 及以上）") && fix.ends_with("NET_BIND_SERVICE。"),
            "{fix}"
        );
    }

    #[test]
    fn a_cap_prefix_under_containerd_shows_the_doubled_name() {
        let r = report("--cap-drop CAP_NET_RAW x", CONTAINERD, true);
        let f = r
            .findings
            .iter()
            .find(|f| matches!(f.detail, Detail::CapPrefix { .. }))
            .unwrap();
        assert!(finding_message(f)
            .starts_with("在 containerd 下，`CAP_NET_RAW` 会变成 `CAP_CAP_NET_RAW`"));
        assert_eq!(finding_fix(f), "在 drop 列表里写 `NET_RAW`，不要带 CAP_。");
    }

    #[test]
    fn a_capability_newer_than_the_kernel_names_both_versions() {
        let spec = parse_command(
            &docker_run("-u 0 --cap-add PERFMON x"),
            SourceKind::DockerRun,
        )
        .unwrap()
        .spec;
        let r = analyse(
            &spec,
            &AnalysisOptions::new(CONTAINERD).with_kernel(KernelVersion(5, 4, 0)),
        );
        let f = r
            .findings
            .iter()
            .find(|f| matches!(f.detail, Detail::UnknownCapability { .. }))
            .unwrap();
        let m = finding_message(f);
        assert!(
            m.starts_with("`PERFMON` 需要 Linux 5.8 及以上；所选内核（5.4"),
            "{m}"
        );
        assert!(m.ends_with("）没有它，所以 containerd 会原样传下去，runc 记一条日志警告后忽略它，所以它不起任何作用。"), "{m}");
    }

    #[test]
    fn command_line_errors_say_where_first() {
        let e = CmdlineError {
            kind: CmdlineErrorKind::MissingValue {
                flag: "--cap-add".into(),
            },
            arg: Some(3),
            line: Some(2),
            column: Some(9),
        };
        assert_eq!(
            cmdline_error(&e),
            "第 3 个参数，第 2 行第 9 列：--cap-add 需要一个值"
        );
        let e = parse_command(&docker_run("--cap-add"), SourceKind::DockerRun).unwrap_err();
        let m = cmdline_error(&e);
        assert!(
            m.starts_with("第 3 个参数") && m.ends_with("：--cap-add 需要一个值"),
            "{m}"
        );
        let e = CmdlineError {
            kind: CmdlineErrorKind::Empty,
            arg: None,
            line: None,
            column: None,
        };
        assert_eq!(cmdline_error(&e), "命令为空");
    }

    #[test]
    fn a_location_on_the_command_line_names_the_argument_in_chinese() {
        let r = report("--privileged x", DOCKER, false);
        assert_eq!(
            where_(&r.findings[0].at),
            "--privileged（第 3 个参数），第 1 行第 12 列"
        );
    }

    /// Chinese labels are two columns a character: the masks still start in
    /// one column.
    #[test]
    fn the_oci_masks_line_up_in_a_terminal() {
        let text = report_text(&report("--cap-add NET_ADMIN x", DOCKER, false));
        let columns: Vec<usize> = text
            .lines()
            .filter(|l| {
                ["边界集", "有效集", "许可集", "可继承集", "环境集"]
                    .iter()
                    .any(|s| l.trim_start().starts_with(s))
            })
            .map(|l| display_width(&l[..l.rfind(' ').unwrap()]))
            .collect();
        assert_eq!(columns.len(), 5, "{text}");
        assert!(columns.iter().all(|&c| c == columns[0]), "{text}");
    }
}

//! 简体中文.

use caplens_core::cap::Cap;
use caplens_core::preset;
use caplens_core::risk::Danger;

use super::{t, CapText};

/// One row per capability, in number order, like `catalog::CAPABILITIES`
/// (a test checks).
pub static TEXTS: [CapText; Cap::COUNT] = [
    t(Cap::CHOWN, "修改任意文件的属主和属组。"),
    t(Cap::DAC_OVERRIDE, "绕过文件的读、写和执行权限检查。"),
    t(
        Cap::DAC_READ_SEARCH,
        "读取任意文件、列出任意目录；通过句柄打开文件。",
    ),
    t(
        Cap::FOWNER,
        "像属主一样操作任意文件（chmod、时间戳、ACL）。",
    ),
    t(
        Cap::FSETID,
        "文件被修改时保留 set-user-ID 和 set-group-ID 位。",
    ),
    t(Cap::KILL, "向其他用户的进程发送信号。"),
    t(Cap::SETGID, "切换到任意组 ID，设置附加组。"),
    t(Cap::SETUID, "切换到任意用户 ID。"),
    t(
        Cap::SETPCAP,
        "缩小边界集，把边界集中的权能加入可继承集，设置 securebits。",
    ),
    t(Cap::LINUX_IMMUTABLE, "设置或清除文件的不可变和只追加标志。"),
    t(Cap::NET_BIND_SERVICE, "绑定 1024 以下的网络端口。"),
    t(Cap::NET_BROADCAST, "广播和监听组播（实际上几乎用不到）。"),
    t(
        Cap::NET_ADMIN,
        "配置网络：接口、地址、路由、防火墙、流量控制。",
    ),
    t(
        Cap::NET_RAW,
        "使用原始套接字和 AF_PACKET 套接字（可构造任意数据包；ping、tcpdump）。",
    ),
    t(Cap::IPC_LOCK, "把内存锁定在 RAM 中，不受常规上限限制。"),
    t(
        Cap::IPC_OWNER,
        "绕过 System V 共享内存、信号量和消息队列的权限检查。",
    ),
    t(Cap::SYS_MODULE, "加载和卸载内核模块。"),
    t(
        Cap::SYS_RAWIO,
        "直接访问硬件：I/O 端口、/dev/mem、原始磁盘命令。",
    ),
    t(Cap::SYS_CHROOT, "用 chroot 更改根目录。"),
    t(
        Cap::SYS_PTRACE,
        "跟踪和查看任意进程（调试器、/proc/PID/mem）。",
    ),
    t(Cap::SYS_PACCT, "开启或关闭进程记账。"),
    t(
        Cap::SYS_ADMIN,
        "范围最广的管理权能：挂载、命名空间、大量内核设置。",
    ),
    t(Cap::SYS_BOOT, "重启机器，或用 kexec 加载新内核。"),
    t(
        Cap::SYS_NICE,
        "提高优先级、使用实时调度、设置其他进程的 CPU 亲和性。",
    ),
    t(Cap::SYS_RESOURCE, "突破资源限制和配额。"),
    t(Cap::SYS_TIME, "设置系统时钟。"),
    t(Cap::SYS_TTY_CONFIG, "配置和挂断虚拟终端。"),
    t(Cap::MKNOD, "用 mknod 创建设备文件。"),
    t(Cap::LEASE, "对不属于自己的文件设置文件租约。"),
    t(Cap::AUDIT_WRITE, "向内核审计日志写入记录。"),
    t(Cap::AUDIT_CONTROL, "配置内核审计（规则、开启/关闭）。"),
    t(Cap::SETFCAP, "给可执行文件设置文件权能。"),
    t(Cap::MAC_OVERRIDE, "绕过强制访问控制（Smack）。"),
    t(Cap::MAC_ADMIN, "修改强制访问控制策略（AppArmor、Smack）。"),
    t(Cap::SYSLOG, "读取内核日志，查看内核地址。"),
    t(Cap::WAKE_ALARM, "设置能把系统从挂起中唤醒的定时器。"),
    t(Cap::BLOCK_SUSPEND, "阻止系统挂起。"),
    t(Cap::AUDIT_READ, "通过组播套接字读取内核审计日志。"),
    t(Cap::PERFMON, "在全系统范围使用性能监控（perf）。"),
    t(Cap::BPF, "加载 eBPF 程序，创建 BPF 映射。"),
    t(Cap::CHECKPOINT_RESTORE, "为进程设置检查点并恢复（CRIU）。"),
];

fn text(cap: u8) -> Option<&'static CapText> {
    Cap::new(cap).map(text_of)
}

fn text_of(cap: Cap) -> &'static CapText {
    &TEXTS[cap.index()]
}

pub fn summary(cap: u8) -> Option<&'static str> {
    text(cap).map(|t| t.summary)
}

pub fn unknown_capability(cap: u8) -> String {
    format!("第 {cap} 位不是任何已发布内核定义的权能，所以它不授予任何特权。")
}

pub fn danger_label(d: Danger) -> &'static str {
    match d {
        Danger::Low => "低",
        Danger::Medium => "中",
        Danger::High => "高",
        Danger::Critical => "严重",
    }
}

pub fn danger_meaning(d: Danger) -> &'static str {
    match d {
        Danger::Low => "影响范围窄，主要只涉及容器自身",
        Danger::Medium => "容器内的攻击者用得上，也能用来对付相邻的容器，但没有直接逃出容器的途径",
        Danger::High => "能影响整台宿主机的状态（网络、时钟、安全策略、内核内存视图）",
        Danger::Critical => "有已知的、可行的方法借它接管宿主机",
    }
}

pub fn membership(cap: u8) -> String {
    let names: Vec<String> = preset::containing(cap)
        .into_iter()
        .map(crate::decode::zh_cn::preset_name)
        .collect();
    if names.is_empty() {
        "不在任何运行时的默认集合中，Pod 安全性标准 baseline 也不允许添加它。".into()
    } else {
        format!("包含它的集合：{}", names.join("、"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::{english_run, spacing_error};
    use caplens_core::catalog::CAPABILITIES;

    #[test]
    fn every_capability_has_a_short_chinese_line() {
        for c in &CAPABILITIES {
            let s = summary(c.number).unwrap();
            // One line in a table cell: short (a CJK character is two
            // columns wide), a full sentence.
            let width: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            assert!(width <= 72, "{}: {s}", c.name);
            assert!(s.ends_with('。'), "{}: {s}", c.name);
            assert_eq!(english_run(s), None, "{s}");
        }
        assert_eq!(summary(41), None);
        assert_eq!(
            unknown_capability(41),
            "第 41 位不是任何已发布内核定义的权能，所以它不授予任何特权。"
        );
    }

    #[test]
    fn membership_sentences() {
        assert_eq!(
            membership(21),
            "不在任何运行时的默认集合中，Pod 安全性标准 baseline 也不允许添加它。"
        );
        let m = membership(13);
        assert!(
            m.starts_with("包含它的集合：Docker/containerd 默认、CRI-O 默认（1.17 及以下）"),
            "{m}"
        );
        assert_eq!(spacing_error(&m), None, "{m}");
        let labels =
            [Danger::Low, Danger::Medium, Danger::High, Danger::Critical].map(danger_label);
        assert_eq!(labels, ["低", "中", "高", "严重"]);
    }
}

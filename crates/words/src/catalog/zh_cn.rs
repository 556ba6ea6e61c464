//! 简体中文.
//! UNTRANSLATED: still the English text; being translated.

use caplens_core::cap::Cap;
use caplens_core::preset;
use caplens_core::risk::Danger;

use super::{t, CapText};

/// One row per capability, in number order, like `catalog::CAPABILITIES`
/// (a test checks).
pub static TEXTS: [CapText; Cap::COUNT] = [
    t(Cap::CHOWN, "Change the owner and group of any file."),
    t(
        Cap::DAC_OVERRIDE,
        "Ignore file read, write and execute permissions.",
    ),
    t(
        Cap::DAC_READ_SEARCH,
        "Read any file and list any directory; open files by handle.",
    ),
    t(
        Cap::FOWNER,
        "Act as the owner of any file (chmod, timestamps, ACLs).",
    ),
    t(
        Cap::FSETID,
        "Keep set-user-ID and set-group-ID bits when files change.",
    ),
    t(Cap::KILL, "Send signals to processes of other users."),
    t(
        Cap::SETGID,
        "Switch to any group ID and set supplementary groups.",
    ),
    t(Cap::SETUID, "Switch to any user ID."),
    t(
        Cap::SETPCAP,
        "Shrink the bounding set, move bounding capabilities into Inheritable, set securebits.",
    ),
    t(
        Cap::LINUX_IMMUTABLE,
        "Set or clear the immutable and append-only file flags.",
    ),
    t(Cap::NET_BIND_SERVICE, "Bind to network ports below 1024."),
    t(
        Cap::NET_BROADCAST,
        "Broadcast and listen to multicast (practically unused).",
    ),
    t(
        Cap::NET_ADMIN,
        "Configure networking: interfaces, addresses, routes, firewall, traffic control.",
    ),
    t(
        Cap::NET_RAW,
        "Use raw and packet sockets (craft any packet; ping, tcpdump).",
    ),
    t(
        Cap::IPC_LOCK,
        "Lock memory into RAM beyond the normal limit.",
    ),
    t(
        Cap::IPC_OWNER,
        "Bypass permissions on System V shared memory, semaphores and message queues.",
    ),
    t(Cap::SYS_MODULE, "Load and unload kernel modules."),
    t(
        Cap::SYS_RAWIO,
        "Raw hardware access: I/O ports, /dev/mem, raw disk commands.",
    ),
    t(Cap::SYS_CHROOT, "Use chroot to change the root directory."),
    t(
        Cap::SYS_PTRACE,
        "Trace and inspect any process (debuggers, /proc/PID/mem).",
    ),
    t(Cap::SYS_PACCT, "Turn process accounting on or off."),
    t(
        Cap::SYS_ADMIN,
        "A catch-all for administration: mount, namespaces, many kernel settings.",
    ),
    t(
        Cap::SYS_BOOT,
        "Reboot the machine or load a new kernel with kexec.",
    ),
    t(
        Cap::SYS_NICE,
        "Raise priority, use real-time scheduling, set other processes' CPU affinity.",
    ),
    t(Cap::SYS_RESOURCE, "Exceed resource limits and quotas."),
    t(Cap::SYS_TIME, "Set the system clock."),
    t(
        Cap::SYS_TTY_CONFIG,
        "Configure and hang up virtual terminals.",
    ),
    t(Cap::MKNOD, "Create device files with mknod."),
    t(
        Cap::LEASE,
        "Take file leases on files the process does not own.",
    ),
    t(Cap::AUDIT_WRITE, "Write records to the kernel audit log."),
    t(
        Cap::AUDIT_CONTROL,
        "Configure kernel auditing (rules, enable/disable).",
    ),
    t(Cap::SETFCAP, "Set file capabilities on executables."),
    t(
        Cap::MAC_OVERRIDE,
        "Bypass mandatory access control (Smack).",
    ),
    t(
        Cap::MAC_ADMIN,
        "Change mandatory access control policy (AppArmor, Smack).",
    ),
    t(Cap::SYSLOG, "Read the kernel log and see kernel addresses."),
    t(
        Cap::WAKE_ALARM,
        "Set timers that wake the system from suspend.",
    ),
    t(Cap::BLOCK_SUSPEND, "Prevent the system from suspending."),
    t(
        Cap::AUDIT_READ,
        "Read the kernel audit log through a multicast socket.",
    ),
    t(
        Cap::PERFMON,
        "Use performance monitoring (perf) system-wide.",
    ),
    t(Cap::BPF, "Load eBPF programs and create BPF maps."),
    t(
        Cap::CHECKPOINT_RESTORE,
        "Checkpoint and restore processes (CRIU).",
    ),
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
    format!("Bit {cap} is not a capability any released kernel defines, so it grants nothing.")
}

pub fn danger_label(d: Danger) -> &'static str {
    match d {
        Danger::Low => "low",
        Danger::Medium => "medium",
        Danger::High => "high",
        Danger::Critical => "critical",
    }
}

pub fn danger_meaning(d: Danger) -> &'static str {
    match d {
        Danger::Low => "narrow effect, mostly on the container itself",
        Danger::Medium => "useful to an attacker inside the container or against its neighbours, but no direct way out",
        Danger::High => "reaches host-wide state (network, clock, security policy, kernel memory views)",
        Danger::Critical => "known, practical ways to take over the host",
    }
}

pub fn membership(cap: u8) -> String {
    let names: Vec<String> = preset::containing(cap)
        .into_iter()
        .map(crate::decode::zh_cn::preset_name)
        .collect();
    if names.is_empty() {
        "in no runtime's default set, and not allowed to be added under Pod Security baseline"
            .into()
    } else {
        format!("in: {}", names.join("; "))
    }
}

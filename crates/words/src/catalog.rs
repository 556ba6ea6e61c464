//! English text: what each capability lets a process do, who typically
//! needs it, and why it matters in a container. Written for caplens; the
//! facts follow capabilities(7) and the kernel, the wording is our own.

use caplens_core::cap::Cap;
use caplens_core::preset;
use caplens_core::risk::Danger;

/// One-line summary and longer explanation of one capability.
pub struct CapText {
    pub cap: Cap,
    pub summary: &'static str,
    pub explanation: &'static str,
}

const fn t(cap: Cap, summary: &'static str, explanation: &'static str) -> CapText {
    CapText {
        cap,
        summary,
        explanation,
    }
}

/// One row per capability, in number order, like `catalog::CAPABILITIES`
/// (a test checks).
pub static TEXTS: [CapText; Cap::COUNT] = [
    t(Cap::CHOWN,
      "Change the owner and group of any file.",
      "Normally only the owner may change a file's group (and only to a group it belongs to), and nobody but a privileged \
process may give a file to another user. With CHOWN a process can set any owner and group on any file it can reach. \
Entrypoint scripts use it to hand a volume to the service user (`chown -R app /data`). In a container it only reaches \
the files the container can see, but on a bind-mounted host directory it can give host files away. Part of the \
Docker, CRI-O and Podman defaults."),
    t(Cap::DAC_OVERRIDE,
      "Ignore file read, write and execute permissions.",
      "The process is treated as if every permission bit and ACL entry allowed it: it can read and write any file and \
enter any directory (running a file still needs at least one execute bit). It does not get past immutable files, \
read-only mounts or an LSM such as SELinux or AppArmor. Root processes that write into directories owned by other \
users, such as database entrypoints preparing their data directory, rely on it. Together with a host bind mount it \
gives full access to whatever is mounted. In all runtime defaults."),
    t(Cap::DAC_READ_SEARCH,
      "Read any file and list any directory; open files by handle.",
      "Bypasses read permission on files and read/search permission on directories. It also allows \
`open_by_handle_at(2)`, which opens a file from a low-level handle instead of a path. That second part is the \
danger: in 2014 the \"Shocker\" exploit used it from inside a Docker container to guess handles of files on the \
host's filesystem and read them (for example /etc/shadow), walking straight out of the container's root directory. \
Docker removed it from its defaults because of that. Backup agents are the usual legitimate users; give them a \
read-only view instead where possible."),
    t(Cap::FOWNER,
      "Act as the owner of any file (chmod, timestamps, ACLs).",
      "Many operations are allowed only to a file's owner: changing its mode with chmod, setting its timestamps to \
arbitrary values, changing ACLs and some extended attributes, deleting other users' files in a sticky directory \
such as /tmp. FOWNER lifts that owner check for every file. Entrypoints that fix permissions on volumes use it. \
Risk is limited to the files the container can see. In all runtime defaults."),
    t(Cap::FSETID,
      "Keep set-user-ID and set-group-ID bits when files change.",
      "When a file is written or its owner changes, the kernel clears its setuid/setgid bits so that nobody can \
smuggle a privileged program in. FSETID keeps those bits, and also lets a process set the setgid bit on a file whose \
group it does not belong to. Package managers and archive tools that restore such files use it. Low risk on its \
own. In all runtime defaults."),
    t(Cap::KILL,
      "Send signals to processes of other users.",
      "Without it a process may only signal processes running as the same user. With KILL it can stop, kill or signal \
any process it can see. Supervisors whose workers run as a different user need it. In a container the private \
PID namespace limits it to the container's own processes, unless the container shares the host's or another pod's \
PID namespace. In all runtime defaults."),
    t(Cap::SETGID,
      "Switch to any group ID and set supplementary groups.",
      "Allows setgid, setregid, setresgid and setgroups with any values, and sending any group ID in Unix-socket \
credentials. Tools that start as root and step down to a service account (su, gosu, su-exec, nginx and Apache \
master processes) need it; that is why images break with `su-exec: setgroups: Operation not permitted` after \
`drop: [ALL]`. With it a process can join any group, for example the group that owns a mounted docker.sock or a \
device. In all runtime defaults."),
    t(Cap::SETUID,
      "Switch to any user ID.",
      "Allows setuid, setreuid and setresuid with any values and faking user IDs in socket credentials. gosu, su-exec, \
su, sshd and cron use it to become another user before running something. Inside a container it lets a process \
become any user there, which matters when host directories are mounted with files owned by various users. In all \
runtime defaults."),
    t(Cap::SETPCAP,
      "Shrink the bounding set, move bounding capabilities into Inheritable, set securebits.",
      "Lets a process add any capability from its bounding set to its inheritable set, drop capabilities from the \
bounding set for good, and change the securebits flags. Container runtimes and init systems use it while they \
remove capabilities before starting the workload. It cannot raise the permitted set directly, but capabilities \
placed in Inheritable become real when a program with matching file capabilities runs, so it widens what later \
programs can get. In all runtime defaults."),
    t(Cap::LINUX_IMMUTABLE,
      "Set or clear the immutable and append-only file flags.",
      "Controls the `chattr +i` (immutable: no change, rename or delete, even by root) and `chattr +a` (append-only) \
flags. Log shippers and hardening scripts use them to protect files. An attacker with it can strip the protection \
from append-only logs or make planted files impossible to remove without the same capability."),
    t(Cap::NET_BIND_SERVICE,
      "Bind to network ports below 1024.",
      "Ports below `net.ipv4.ip_unprivileged_port_start` (1024 by default) are reserved for privileged processes; this \
capability lifts that rule. It is the one a web server needs to listen on 80 or 443 as a non-root user. Adding it \
to a non-root container is often not enough: the user's process only has it after exec if it is in the ambient \
set or the binary carries it as a file capability (`setcap cap_net_bind_service=+ep`), and Kubernetes cannot set \
ambient capabilities. Docker 20.10 and later set ip_unprivileged_port_start to 0 inside the container's network \
namespace, so there any user may bind low ports without it. Low risk. In all runtime defaults."),
    t(Cap::NET_BROADCAST,
      "Broadcast and listen to multicast (practically unused).",
      "Meant to allow socket broadcasting and multicast listening, but the kernel hardly checks it anywhere; \
ordinary sockets can already do both. Dropping it changes nothing for nearly every program."),
    t(Cap::NET_ADMIN,
      "Configure networking: interfaces, addresses, routes, firewall, traffic control.",
      "Covers almost every network administration task: bringing interfaces up, assigning addresses, editing \
routing tables, iptables/nftables rules, traffic shaping, promiscuous mode, special socket options such as \
SO_MARK. VPN clients (WireGuard, OpenVPN), service-mesh init containers that redirect traffic with iptables, and \
network debugging tools need it. In a container with its own network namespace it changes only that namespace, \
which still lets it intercept or redirect the pod's traffic; with host networking it reconfigures the host itself \
(drop the firewall, sniff or reroute other traffic). It also opens a large part of the kernel's networking code to \
the container, where privilege-escalation bugs have repeatedly been found. Not in any runtime default."),
    t(Cap::NET_RAW,
      "Use raw and packet sockets (craft any packet; ping, tcpdump).",
      "Allows SOCK_RAW and AF_PACKET sockets and binding to addresses for transparent proxying. tcpdump, traceroute, \
arping and older ping builds need it; modern ping uses unprivileged ICMP sockets where `net.ipv4.ping_group_range` \
allows them (Docker sets it wide open in the container). With raw sockets a process can forge source addresses and \
answer for other machines, so a compromised container can spoof ARP or DNS replies to its neighbours on the same \
bridge, and packet sockets have had kernel bugs exploited for escapes. Docker and containerd still grant it by \
default; CRI-O (1.18+) and current Podman do not, and Pod Security baseline does not allow adding it."),
    t(Cap::IPC_LOCK,
      "Lock memory into RAM beyond the normal limit.",
      "Lets a process pin memory (mlock, mlockall, locked mappings, huge pages) beyond RLIMIT_MEMLOCK, so it is never \
swapped out. Databases, Elasticsearch's memory lock, HashiCorp Vault (to keep secrets out of swap) and packet \
processing frameworks use it. The risk is mostly memory pressure on the node."),
    t(Cap::IPC_OWNER,
      "Bypass permissions on System V shared memory, semaphores and message queues.",
      "System V IPC objects carry owner and permission bits like files; this capability ignores them. Inside the \
container's own IPC namespace that affects only its own processes; a container sharing the host's IPC namespace \
could read or change other programs' shared memory."),
    t(Cap::SYS_MODULE,
      "Load and unload kernel modules.",
      "A kernel module is code that runs inside the kernel with no restriction at all, and the kernel has only one \
module list for the whole machine. A container holding this capability (and able to reach a module file, which it \
can bring itself) can therefore run anything in the host kernel: full host takeover. Only node-level agents that \
really install drivers should have it; prefer loading modules on the host."),
    t(Cap::SYS_RAWIO,
      "Raw hardware access: I/O ports, /dev/mem, raw disk commands.",
      "Allows iopl/ioperm port I/O, opening /dev/mem, /dev/kmem and /proc/kcore, CPU model-specific registers, the \
FIBMAP ioctl and raw SCSI commands. Together with access to such device files it means reading and writing \
physical memory or disks behind the filesystem's back: a way to take over the host. Hardware tools (firmware \
updaters, some storage and GPU drivers) use it."),
    t(Cap::SYS_CHROOT,
      "Use chroot to change the root directory.",
      "Allows chroot(2), and (with SYS_ADMIN) entering another mount namespace. Build tools such as debootstrap and \
older daemons that lock themselves into a directory use it. On its own it grants little: a chroot is not a security \
boundary for root, but the capability does not add new powers beyond it. Docker and Podman keep it by default; \
CRI-O dropped it in 1.18."),
    t(Cap::SYS_PTRACE,
      "Trace and inspect any process (debuggers, /proc/PID/mem).",
      "Allows ptrace, process_vm_readv/writev and access to /proc/PID/mem of processes owned by other users, and \
bypasses the Yama ptrace restrictions. Debuggers (gdb, strace), profilers (py-spy) and monitoring agents need it. \
A tracer can read secrets from another process's memory and make it run any code. When the container shares a PID \
namespace with others (hostPID, --pid=host, shareProcessNamespace), that reaches other containers or host \
processes, which is a direct path out."),
    t(Cap::SYS_PACCT,
      "Turn process accounting on or off.",
      "Allows acct(2), which makes the kernel append a record for every process that exits to a file. Accounting is \
global to the machine, so a container can switch the host's accounting off or point it at a file that fills a \
disk."),
    t(Cap::SYS_ADMIN,
      "A catch-all for administration: mount, namespaces, many kernel settings.",
      "The broadest capability: mounting and unmounting filesystems, creating some namespaces, setting the hostname \
of its UTS namespace, swap, quotas, trusted extended attributes, many device ioctls and dozens of other checks \
spread across the kernel. Most published container escapes start here, for example mounting a cgroup filesystem \
and abusing its release_agent to run a program on the host, or mounting a host disk. FUSE filesystems, \
Docker-in-Docker and systemd in containers ask for it; older perf and eBPF tools did too, but on Linux 5.8+ \
PERFMON and BPF cover those needs with much less power. Treat a container with SYS_ADMIN as nearly privileged."),
    t(Cap::SYS_BOOT,
      "Reboot the machine or load a new kernel with kexec.",
      "Allows reboot(2) and kexec_load. Inside a PID namespace a reboot only ends that namespace's processes, but \
kexec replaces the running kernel of the whole host. Nothing in an ordinary container needs it."),
    t(Cap::SYS_NICE,
      "Raise priority, use real-time scheduling, set other processes' CPU affinity.",
      "Allows negative nice values, real-time policies (SCHED_FIFO, SCHED_RR), changing the priority and CPU \
affinity of other users' processes, I/O priorities and moving memory between NUMA nodes. Audio, telephony and \
low-latency services use it. A real-time process that spins can starve the node's CPUs, so the risk is denial of \
service."),
    t(Cap::SYS_RESOURCE,
      "Exceed resource limits and quotas.",
      "Lets a process raise hard resource limits, ignore disk quotas and filesystem reserved space, grow pipe and \
message-queue sizes beyond their limits, and similar. Databases that need many open files and some eBPF agents \
(for locked memory on older kernels) use it. Abuse means exhausting shared resources on the node."),
    t(Cap::SYS_TIME,
      "Set the system clock.",
      "Allows settimeofday, clock_settime and adjtimex, and setting the hardware clock. The clock is not namespaced \
(time namespaces only shift a few clocks for their members), so a container with this changes the host's time for \
everyone: certificates look expired or valid, Kerberos and token checks fail, logs lie. Only an NTP daemon should \
have it, and that belongs on the host."),
    t(Cap::SYS_TTY_CONFIG,
      "Configure and hang up virtual terminals.",
      "Allows vhangup(2) and privileged ioctls on virtual consoles. Only console management tools need it; in a \
container it matters only if host terminal devices are exposed."),
    t(Cap::MKNOD,
      "Create device files with mknod.",
      "Allows creating block and character device nodes. In a container, whether a device can actually be opened is \
decided separately by the runtime's device rules (the device cgroup), so a created node for the host disk is \
useless unless those rules allow it. Extracting archives that contain device files and some build steps need it. \
Docker and containerd keep it by default; CRI-O and current Podman do not, which has broken a few images (Rancher on \
CRI-O)."),
    t(Cap::LEASE,
      "Take file leases on files the process does not own.",
      "A lease (fcntl F_SETLEASE) makes the kernel notify the holder before another process opens or truncates a \
file. File servers such as Samba use it. Low risk."),
    t(Cap::AUDIT_WRITE,
      "Write records to the kernel audit log.",
      "Lets a process send user-space messages to the audit subsystem. Login programs, sshd and su do this through \
PAM, which is why Docker keeps it in its defaults. The worst abuse is flooding or forging audit records."),
    t(Cap::AUDIT_CONTROL,
      "Configure kernel auditing (rules, enable/disable).",
      "Allows changing audit rules, turning auditing on or off and setting the login UID. Auditing is global to the \
host, so a container with it can blind the host's audit trail before doing anything else."),
    t(Cap::SETFCAP,
      "Set file capabilities on executables.",
      "Allows writing the security.capability extended attribute (what `setcap` does), and mapping user 0 when \
setting up a user namespace. Image builds that run `setcap` on a binary need it. An attacker can mark a program \
with capabilities from the bounding set so that running it later grants them again, including to non-root users. \
Docker, containerd and Podman keep it by default."),
    t(Cap::MAC_OVERRIDE,
      "Bypass mandatory access control (Smack).",
      "Used by the Smack security module to let a process ignore its rules; SELinux and AppArmor decide through their \
own policies instead. Granting it undoes Smack confinement."),
    t(Cap::MAC_ADMIN,
      "Change mandatory access control policy (AppArmor, Smack).",
      "Allows loading and replacing AppArmor profiles and changing Smack configuration (and some SELinux \
operations). The policies are host-wide, so a container with it could rewrite or remove the confinement of itself \
and of every other container."),
    t(Cap::SYSLOG,
      "Read the kernel log and see kernel addresses.",
      "Allows the privileged syslog(2) operations (reading and clearing the kernel ring buffer when dmesg is \
restricted) and shows real kernel addresses in /proc files when kptr_restrict hides them. The log can reveal host \
details, and kernel addresses defeat address randomisation, which kernel exploits rely on."),
    t(Cap::WAKE_ALARM,
      "Set timers that wake the system from suspend.",
      "Allows the CLOCK_REALTIME_ALARM and CLOCK_BOOTTIME_ALARM timers, which can wake a suspended machine. Mostly \
for phones and laptops (added in Linux 3.0). Old capsh versions print it as the number 35. Low risk."),
    t(Cap::BLOCK_SUSPEND,
      "Prevent the system from suspending.",
      "Allows wake locks (EPOLLWAKEUP, /proc/sys/power/wake_lock) that keep the machine from going to sleep. Added \
in Linux 3.5; old capsh versions print it as the number 36. Low risk."),
    t(Cap::AUDIT_READ,
      "Read the kernel audit log through a multicast socket.",
      "Lets a process listen to audit events as they happen (added in Linux 3.16). Those events describe activity \
across the whole host, such as commands and logins of other users, so it leaks information."),
    t(Cap::PERFMON,
      "Use performance monitoring (perf) system-wide.",
      "Split out of SYS_ADMIN in Linux 5.8: allows perf_event_open for kernel and system-wide profiling and, with \
BPF, loading tracing programs. Profilers and observability agents need it. It can watch every process on the node \
and read kernel data, so it is still powerful, but far narrower than SYS_ADMIN, which it should replace where the \
kernel is new enough. A runtime's seccomp profile may still block perf_event_open; newer profiles allow it when \
PERFMON is granted."),
    t(Cap::BPF,
      "Load eBPF programs and create BPF maps.",
      "Split out of SYS_ADMIN in Linux 5.8: allows the privileged bpf(2) operations, even when unprivileged BPF is \
disabled. Networking agents (Cilium), security and tracing tools (Falco, Tracee, bpftrace with PERFMON) need it. \
Programs run inside the kernel after the verifier checks them, and verifier bugs are a recurring source of kernel \
exploits; together with PERFMON it can read kernel memory, and so secrets anywhere on the host."),
    t(Cap::CHECKPOINT_RESTORE,
      "Checkpoint and restore processes (CRIU).",
      "Split out of SYS_ADMIN in Linux 5.9: allows choosing process IDs when creating processes, writing \
ns_last_pid and reading /proc/PID/map_files. CRIU and container checkpoint/migration use it. It can interfere with \
other processes in the same PID namespace but grants no direct route out."),
];

pub fn text(cap: u8) -> Option<&'static CapText> {
    Cap::new(cap).map(text_of)
}

/// The text of `cap`.
pub fn text_of(cap: Cap) -> &'static CapText {
    &TEXTS[cap.index()]
}

pub fn summary(cap: u8) -> Option<&'static str> {
    text(cap).map(|t| t.summary)
}

pub fn explanation(cap: u8) -> Option<&'static str> {
    text(cap).map(|t| t.explanation)
}

/// What a bit above 40 means (it has no name).
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

/// "Docker/containerd default, CRI-O default (1.17 and earlier), …" or a
/// sentence saying it is in none.
pub fn membership(cap: u8) -> String {
    let names: Vec<String> = preset::containing(cap)
        .into_iter()
        .map(super::decode::preset_name)
        .collect();
    if names.is_empty() {
        "in no runtime's default set, and not allowed to be added under Pod Security baseline"
            .into()
    } else {
        format!("in: {}", names.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use caplens_core::catalog::CAPABILITIES;

    #[test]
    fn every_capability_has_text() {
        assert_eq!(TEXTS.len(), CAPABILITIES.len());
        // One row per capability, in number order: `text_of` indexes by number.
        assert!(Cap::all().eq(TEXTS.iter().map(|t| t.cap)));
        for c in &CAPABILITIES {
            let t = text(c.number).unwrap();
            assert!(!t.summary.trim().is_empty(), "{}", c.name);
            assert!(
                t.explanation.len() > 100,
                "{} explanation too short",
                c.name
            );
            assert!(t.summary.len() < 100, "{} summary is not one line", c.name);
            assert!(
                t.summary.ends_with('.') && t.explanation.ends_with('.'),
                "{}",
                c.name
            );
            assert!(
                !t.explanation.contains("  "),
                "{} has a double space",
                c.name
            );
        }
        assert!(text(41).is_none());
        assert!(unknown_capability(41).contains("41"));
    }

    #[test]
    fn the_dangerous_ones_say_why() {
        assert!(explanation(2).unwrap().contains("Shocker"));
        assert!(explanation(21).unwrap().contains("release_agent"));
        assert!(explanation(10).unwrap().contains("ambient"));
        assert!(explanation(13).unwrap().contains("ping"));
        assert!(explanation(38).unwrap().contains("SYS_ADMIN"));
    }

    #[test]
    fn membership_sentences() {
        assert_eq!(
            membership(21),
            "in no runtime's default set, and not allowed to be added under Pod Security baseline"
        );
        assert!(membership(13)
            .starts_with("in: Docker/containerd default; CRI-O default (1.17 and earlier)"));
        for d in [Danger::Low, Danger::Medium, Danger::High, Danger::Critical] {
            assert!(!danger_label(d).is_empty() && !danger_meaning(d).is_empty());
        }
    }
}

//! How much harm a capability can do in a container if the process holding
//! it is compromised. A coarse, opinionated ranking for teaching; the
//! reasons are spelled out per capability in `strings::catalog`.

use serde::Serialize;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Danger {
    /// Narrow effect, mostly on the container itself.
    Low,
    /// Useful to an attacker inside the container or against neighbours on
    /// the network, but no known direct route out.
    Medium,
    /// Reaches kernel-wide state (network stack, clock, LSM policy, kernel
    /// memory views) or weakens isolation substantially.
    High,
    /// Known, practical ways to take over the host.
    Critical,
}

/// Danger level of capability `cap`; `None` for numbers no kernel defines.
pub fn danger(cap: u8) -> Option<Danger> {
    use Danger::*;
    let d = match cap {
        0 => Medium,    // CHOWN: take over files, but only those visible
        1 => Medium,    // DAC_OVERRIDE: ignore file permissions
        2 => Critical,  // DAC_READ_SEARCH: open_by_handle_at escape ("shocker")
        3 => Medium,    // FOWNER
        4 => Low,       // FSETID
        5 => Low,       // KILL: limited to the container's pid namespace
        6 => Medium,    // SETGID
        7 => Medium,    // SETUID
        8 => Medium,    // SETPCAP
        9 => Medium,    // LINUX_IMMUTABLE
        10 => Low,      // NET_BIND_SERVICE
        11 => Low,      // NET_BROADCAST
        12 => High,     // NET_ADMIN
        13 => Medium,   // NET_RAW: spoofing, ARP/DNS poisoning of neighbours
        14 => Low,      // IPC_LOCK
        15 => Medium,   // IPC_OWNER
        16 => Critical, // SYS_MODULE: load kernel code
        17 => Critical, // SYS_RAWIO: raw device and port I/O
        18 => Low,      // SYS_CHROOT
        19 => Critical, // SYS_PTRACE: inject into other processes
        20 => Medium,   // SYS_PACCT
        21 => Critical, // SYS_ADMIN: mount, namespaces, cgroups, …
        22 => High,     // SYS_BOOT: reboot, kexec
        23 => Medium,   // SYS_NICE
        24 => Medium,   // SYS_RESOURCE
        25 => High,     // SYS_TIME: host clock
        26 => Medium,   // SYS_TTY_CONFIG
        27 => Medium,   // MKNOD
        28 => Low,      // LEASE
        29 => Low,      // AUDIT_WRITE
        30 => High,     // AUDIT_CONTROL
        31 => Medium,   // SETFCAP
        32 => High,     // MAC_OVERRIDE
        33 => High,     // MAC_ADMIN
        34 => High,     // SYSLOG: kernel addresses
        35 => Low,      // WAKE_ALARM
        36 => Low,      // BLOCK_SUSPEND
        37 => Medium,   // AUDIT_READ
        38 => High,     // PERFMON
        39 => High,     // BPF: verifier attack surface; with PERFMON, kernel memory reads
        40 => Medium,   // CHECKPOINT_RESTORE
        _ => return None,
    };
    Some(d)
}

/// The most dangerous capability level in `set` (unknown bits ignored).
pub fn highest(set: crate::set::CapSet) -> Option<Danger> {
    set.iter().filter_map(danger).max()
}

/// Capabilities of `set` at `level` or above, in number order.
pub fn at_least(set: crate::set::CapSet, level: Danger) -> Vec<u8> {
    set.iter()
        .filter(|&c| danger(c).is_some_and(|d| d >= level))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::set::CapSet;

    #[test]
    fn set_summaries() {
        assert_eq!(highest(CapSet(0xa80425fb)), Some(Danger::Medium)); // Docker default
        assert_eq!(highest(CapSet::single(21).with(10)), Some(Danger::Critical));
        assert_eq!(highest(CapSet::single(50)), None);
        assert_eq!(highest(CapSet::EMPTY), None);
        assert_eq!(
            at_least(CapSet::from_caps([2, 10, 12, 21]), Danger::High),
            vec![2, 12, 21]
        );
    }

    #[test]
    fn every_known_capability_is_rated() {
        for n in 0..=crate::catalog::LAST_CAP {
            assert!(danger(n).is_some(), "{n}");
        }
        assert_eq!(danger(41), None);
        assert_eq!(danger(21), Some(Danger::Critical));
        assert_eq!(danger(10), Some(Danger::Low));
        // The well-known escapes are all at the top.
        for n in [2, 16, 17, 19, 21] {
            assert_eq!(danger(n), Some(Danger::Critical), "{n}");
        }
    }
}

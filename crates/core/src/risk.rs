//! How much harm a capability can do in a container if the process holding
//! it is compromised. A coarse, opinionated ranking for teaching; the
//! reasons are spelled out per capability in `caplens-words` (`catalog`).

use crate::cap::Cap;
use crate::set::CapSet;
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

/// Why a capability rated High or above is still not reported as
/// `dangerous-capability` when a container adds it (`analysis::DANGEROUS`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Quiet {
    /// Audit configuration (rules, turning auditing off) is refused with
    /// EPERM to any process outside the initial PID namespace (the kernel's
    /// `audit_netlink_ok`), and a container has a PID namespace of its own.
    /// The High rating is for a container that shares the host's, where it
    /// can blind the host's audit trail.
    InitialPidNamespaceOnly,
}

/// One capability's rating.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct Rating {
    pub cap: Cap,
    pub danger: Danger,
    /// Set for the exceptions to "High and above is a finding".
    pub quiet: Option<Quiet>,
}

impl Rating {
    /// The rule behind `analysis::DANGEROUS`: adding a capability is a
    /// finding when it is rated High or Critical, unless the table says why not.
    pub const fn reported_when_added(&self) -> bool {
        self.danger as u8 >= Danger::High as u8 && self.quiet.is_none()
    }
}

const fn rate(cap: Cap, danger: Danger) -> Rating {
    Rating {
        cap,
        danger,
        quiet: None,
    }
}

const fn quiet(cap: Cap, danger: Danger, why: Quiet) -> Rating {
    Rating {
        cap,
        danger,
        quiet: Some(why),
    }
}

use Danger::{Critical, High, Low, Medium};

/// One row per capability, in number order (a test checks).
pub static RATINGS: [Rating; Cap::COUNT] = [
    rate(Cap::CHOWN, Medium),        // take over files, but only those visible
    rate(Cap::DAC_OVERRIDE, Medium), // ignore file permissions
    rate(Cap::DAC_READ_SEARCH, Critical), // open_by_handle_at escape ("shocker")
    rate(Cap::FOWNER, Medium),
    rate(Cap::FSETID, Low),
    rate(Cap::KILL, Low), // limited to the container's pid namespace
    rate(Cap::SETGID, Medium),
    rate(Cap::SETUID, Medium),
    rate(Cap::SETPCAP, Medium),
    rate(Cap::LINUX_IMMUTABLE, Medium),
    rate(Cap::NET_BIND_SERVICE, Low),
    rate(Cap::NET_BROADCAST, Low),
    rate(Cap::NET_ADMIN, High),
    rate(Cap::NET_RAW, Medium), // spoofing, ARP/DNS poisoning of neighbours
    rate(Cap::IPC_LOCK, Low),
    rate(Cap::IPC_OWNER, Medium),
    rate(Cap::SYS_MODULE, Critical), // load kernel code
    rate(Cap::SYS_RAWIO, Critical),  // raw device and port I/O
    rate(Cap::SYS_CHROOT, Low),
    rate(Cap::SYS_PTRACE, Critical), // inject into other processes
    rate(Cap::SYS_PACCT, Medium),
    rate(Cap::SYS_ADMIN, Critical), // mount, namespaces, cgroups, …
    rate(Cap::SYS_BOOT, High),      // reboot, kexec
    rate(Cap::SYS_NICE, Medium),
    rate(Cap::SYS_RESOURCE, Medium),
    rate(Cap::SYS_TIME, High), // host clock
    rate(Cap::SYS_TTY_CONFIG, Medium),
    rate(Cap::MKNOD, Medium),
    rate(Cap::LEASE, Low),
    rate(Cap::AUDIT_WRITE, Low),
    quiet(Cap::AUDIT_CONTROL, High, Quiet::InitialPidNamespaceOnly),
    rate(Cap::SETFCAP, Medium),
    rate(Cap::MAC_OVERRIDE, High),
    rate(Cap::MAC_ADMIN, High),
    rate(Cap::SYSLOG, High), // kernel addresses
    rate(Cap::WAKE_ALARM, Low),
    rate(Cap::BLOCK_SUSPEND, Low),
    rate(Cap::AUDIT_READ, Medium),
    rate(Cap::PERFMON, High),
    rate(Cap::BPF, High), // verifier attack surface; with PERFMON, kernel memory reads
    rate(Cap::CHECKPOINT_RESTORE, Medium),
];

/// The rating of `cap`.
pub fn rating(cap: Cap) -> &'static Rating {
    &RATINGS[cap.index()]
}

/// Danger level of capability `cap`; `None` for numbers no kernel defines.
pub fn danger(cap: u8) -> Option<Danger> {
    Cap::new(cap).map(|c| rating(c).danger)
}

/// The capabilities whose addition to a container is reported as
/// `dangerous-capability` (`Rating::reported_when_added`).
pub const fn reported_when_added() -> CapSet {
    let mut set = CapSet::EMPTY;
    let mut i = 0;
    while i < RATINGS.len() {
        if RATINGS[i].reported_when_added() {
            set = set.with(RATINGS[i].cap.number());
        }
        i += 1;
    }
    set
}

/// The most dangerous capability level in `set` (unknown bits ignored).
pub fn highest(set: CapSet) -> Option<Danger> {
    set.iter().filter_map(danger).max()
}

/// Capabilities of `set` at `level` or above, in number order.
pub fn at_least(set: CapSet, level: Danger) -> Vec<u8> {
    set.iter()
        .filter(|&c| danger(c).is_some_and(|d| d >= level))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_dangerous_set_follows_the_rule() {
        // The set `analysis::DANGEROUS` was written as before it was derived.
        let written = CapSet::from_caps([2, 12, 16, 17, 19, 21, 22, 25, 32, 33, 34, 38, 39]);
        assert_eq!(reported_when_added(), written);
        // An exception is only written where the rule would report.
        for r in &RATINGS {
            if r.quiet.is_some() {
                assert!(r.danger >= Danger::High, "{:?}", r.cap);
            }
        }
        assert!(!rating(Cap::AUDIT_CONTROL).reported_when_added());
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

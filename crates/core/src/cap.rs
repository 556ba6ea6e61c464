//! One capability the kernel defines, by number (0..=40). Numbers and names
//! follow `include/uapi/linux/capability.h`.
//!
//! Every per-capability table in caplens (`catalog::CAPABILITIES`,
//! `risk`'s ratings, the words of `caplens-words`) is keyed by `Cap`, one row
//! per capability in number order, and a test in each checks that. Masks of
//! any 64 bits stay `CapSet`; a `Cap` is always a capability some kernel has.

use serde::{Deserialize, Serialize};

/// A capability number no higher than `CAP_LAST_CAP`. Serialised as the
/// bare number, like the `u8`s it replaces.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub struct Cap(u8);

/// Writes the named constants, `Cap::ALL` and the kernel names from one
/// list, so a name cannot drift from its number.
macro_rules! capabilities {
    ($($number:literal $name:ident,)*) => {
        impl Cap {
            $(pub const $name: Cap = Cap($number);)*

            /// Every capability, in number order.
            pub const ALL: [Cap; Cap::COUNT] = [$(Cap::$name),*];
        }

        /// The kernel's names (`CAP_CHOWN`, …), indexed by number.
        const KERNEL_NAMES: [&str; Cap::COUNT] = [$(concat!("CAP_", stringify!($name))),*];
    };
}

capabilities! {
    0 CHOWN,
    1 DAC_OVERRIDE,
    2 DAC_READ_SEARCH,
    3 FOWNER,
    4 FSETID,
    5 KILL,
    6 SETGID,
    7 SETUID,
    8 SETPCAP,
    9 LINUX_IMMUTABLE,
    10 NET_BIND_SERVICE,
    11 NET_BROADCAST,
    12 NET_ADMIN,
    13 NET_RAW,
    14 IPC_LOCK,
    15 IPC_OWNER,
    16 SYS_MODULE,
    17 SYS_RAWIO,
    18 SYS_CHROOT,
    19 SYS_PTRACE,
    20 SYS_PACCT,
    21 SYS_ADMIN,
    22 SYS_BOOT,
    23 SYS_NICE,
    24 SYS_RESOURCE,
    25 SYS_TIME,
    26 SYS_TTY_CONFIG,
    27 MKNOD,
    28 LEASE,
    29 AUDIT_WRITE,
    30 AUDIT_CONTROL,
    31 SETFCAP,
    32 MAC_OVERRIDE,
    33 MAC_ADMIN,
    34 SYSLOG,
    35 WAKE_ALARM,
    36 BLOCK_SUSPEND,
    37 AUDIT_READ,
    38 PERFMON,
    39 BPF,
    40 CHECKPOINT_RESTORE,
}

impl Cap {
    /// The highest capability any released kernel defines (`CAP_LAST_CAP`).
    pub const LAST: Cap = Cap::CHECKPOINT_RESTORE;

    /// How many capabilities there are: every per-capability table has this many rows.
    pub const COUNT: usize = 41;

    /// The capability with this number, if a kernel defines one.
    pub const fn new(number: u8) -> Option<Cap> {
        if number <= Cap::LAST.0 {
            Some(Cap(number))
        } else {
            None
        }
    }

    pub const fn number(self) -> u8 {
        self.0
    }

    /// The row of this capability in a table indexed by number.
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The kernel's name, e.g. `CAP_NET_RAW`.
    pub const fn kernel_name(self) -> &'static str {
        KERNEL_NAMES[self.0 as usize]
    }

    /// The name without `CAP_`, as Docker, Kubernetes and the OCI tools' users write it.
    pub fn short_name(self) -> &'static str {
        &self.kernel_name()[4..]
    }

    /// Every capability, in number order.
    pub fn all() -> impl Iterator<Item = Cap> {
        Cap::ALL.into_iter()
    }
}

impl From<Cap> for u8 {
    fn from(c: Cap) -> u8 {
        c.0
    }
}

/// A number no kernel gives a capability.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct NotACapability(pub u8);

impl std::fmt::Display for NotACapability {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} is not a capability number", self.0)
    }
}

impl TryFrom<u8> for Cap {
    type Error = NotACapability;
    fn try_from(n: u8) -> Result<Cap, NotACapability> {
        Cap::new(n).ok_or(NotACapability(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_numbered_in_order() {
        assert_eq!(Cap::ALL.len(), Cap::COUNT);
        for (i, c) in Cap::all().enumerate() {
            assert_eq!(c.index(), i);
            assert_eq!(Cap::new(i as u8), Some(c));
        }
        assert_eq!(Cap::new(41), None);
        assert_eq!(Cap::LAST.number(), 40);
        assert_eq!(Cap::NET_RAW.number(), 13);
        assert_eq!(Cap::NET_RAW.kernel_name(), "CAP_NET_RAW");
        assert_eq!(Cap::PERFMON.kernel_name(), "CAP_PERFMON");
        assert_eq!(Cap::CHECKPOINT_RESTORE.short_name(), "CHECKPOINT_RESTORE");
        assert_eq!(u8::from(Cap::SYS_ADMIN), 21);
        assert_eq!(Cap::try_from(41), Err(NotACapability(41)));
    }

    /// Each per-capability table has exactly one row per capability, in
    /// number order, so indexing one by `Cap::index` finds that capability's row.
    #[test]
    fn every_table_has_one_row_per_capability_in_order() {
        let catalog = crate::catalog::CAPABILITIES.iter().map(|c| c.cap);
        assert!(Cap::all().eq(catalog), "catalog::CAPABILITIES");
        let risk = crate::risk::RATINGS.iter().map(|r| r.cap);
        assert!(Cap::all().eq(risk), "risk::RATINGS");
    }
}

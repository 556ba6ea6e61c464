//! The capabilities the Linux kernel defines (0..=40), with the kernel release
//! that introduced each one. Numbers and names are `Cap`'s (after
//! `include/uapi/linux/capability.h`); "since" follows capabilities(7).
//!
//! Descriptions are user-facing text, so they live in `caplens-words`
//! (`catalog`).

use crate::cap::Cap;
use crate::set::CapSet;

/// A kernel release, compared as (major, minor, patch).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
pub struct KernelVersion(pub u8, pub u8, pub u8);

impl std::fmt::Display for KernelVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KernelVersion(a, b, 0) if *a >= 3 => write!(f, "{a}.{b}"),
            KernelVersion(a, b, c) if *c != 0 => write!(f, "{a}.{b}.{c}"),
            KernelVersion(a, b, _) => write!(f, "{a}.{b}"),
        }
    }
}

impl std::str::FromStr for KernelVersion {
    type Err = ();

    /// `5`, `5.8` or `5.8.1`; the missing parts are 0.
    fn from_str(s: &str) -> Result<Self, ()> {
        let mut parts = s.trim().split('.');
        let mut next = |required: bool| match parts.next() {
            Some(p) => p.parse::<u8>().map_err(|_| ()),
            None if required => Err(()),
            None => Ok(0),
        };
        let v = KernelVersion(next(true)?, next(false)?, next(false)?);
        match parts.next() {
            Some(_) => Err(()),
            None => Ok(v),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Capability {
    pub cap: Cap,
    /// `cap.number()`: a field too, for the many callers that index masks with it.
    pub number: u8,
    /// The kernel's name, e.g. `CAP_NET_RAW`.
    pub name: &'static str,
    /// First kernel release that knew this capability.
    pub since: KernelVersion,
}

impl Capability {
    /// libcap's spelling, as `capsh --decode` and `getcap` print it.
    pub fn libcap_name(&self) -> String {
        self.name.to_ascii_lowercase()
    }

    /// The spelling Docker, Kubernetes and the OCI tools' users write: no prefix.
    pub fn short_name(&self) -> &'static str {
        self.cap.short_name()
    }
}

const fn cap(cap: Cap, since: KernelVersion) -> Capability {
    Capability {
        cap,
        number: cap.number(),
        name: cap.kernel_name(),
        since,
    }
}

const K2_2: KernelVersion = KernelVersion(2, 2, 0);
const K2_4: KernelVersion = KernelVersion(2, 4, 0);

/// One row per capability, in number order (a test checks).
pub static CAPABILITIES: [Capability; Cap::COUNT] = [
    cap(Cap::CHOWN, K2_2),
    cap(Cap::DAC_OVERRIDE, K2_2),
    cap(Cap::DAC_READ_SEARCH, K2_2),
    cap(Cap::FOWNER, K2_2),
    cap(Cap::FSETID, K2_2),
    cap(Cap::KILL, K2_2),
    cap(Cap::SETGID, K2_2),
    cap(Cap::SETUID, K2_2),
    cap(Cap::SETPCAP, K2_2),
    cap(Cap::LINUX_IMMUTABLE, K2_2),
    cap(Cap::NET_BIND_SERVICE, K2_2),
    cap(Cap::NET_BROADCAST, K2_2),
    cap(Cap::NET_ADMIN, K2_2),
    cap(Cap::NET_RAW, K2_2),
    cap(Cap::IPC_LOCK, K2_2),
    cap(Cap::IPC_OWNER, K2_2),
    cap(Cap::SYS_MODULE, K2_2),
    cap(Cap::SYS_RAWIO, K2_2),
    cap(Cap::SYS_CHROOT, K2_2),
    cap(Cap::SYS_PTRACE, K2_2),
    cap(Cap::SYS_PACCT, K2_2),
    cap(Cap::SYS_ADMIN, K2_2),
    cap(Cap::SYS_BOOT, K2_2),
    cap(Cap::SYS_NICE, K2_2),
    cap(Cap::SYS_RESOURCE, K2_2),
    cap(Cap::SYS_TIME, K2_2),
    cap(Cap::SYS_TTY_CONFIG, K2_2),
    cap(Cap::MKNOD, K2_4),
    cap(Cap::LEASE, K2_4),
    cap(Cap::AUDIT_WRITE, KernelVersion(2, 6, 11)),
    cap(Cap::AUDIT_CONTROL, KernelVersion(2, 6, 11)),
    cap(Cap::SETFCAP, KernelVersion(2, 6, 24)),
    cap(Cap::MAC_OVERRIDE, KernelVersion(2, 6, 25)),
    cap(Cap::MAC_ADMIN, KernelVersion(2, 6, 25)),
    cap(Cap::SYSLOG, KernelVersion(2, 6, 37)),
    cap(Cap::WAKE_ALARM, KernelVersion(3, 0, 0)),
    cap(Cap::BLOCK_SUSPEND, KernelVersion(3, 5, 0)),
    cap(Cap::AUDIT_READ, KernelVersion(3, 16, 0)),
    cap(Cap::PERFMON, KernelVersion(5, 8, 0)),
    cap(Cap::BPF, KernelVersion(5, 8, 0)),
    cap(Cap::CHECKPOINT_RESTORE, KernelVersion(5, 9, 0)),
];

/// Highest capability number any released kernel defines (`CAP_LAST_CAP`).
pub const LAST_CAP: u8 = Cap::LAST.number();

/// Every capability the catalog knows: `000001ffffffffff`.
pub const KNOWN: CapSet = CapSet::first_n(LAST_CAP + 1);

pub fn get(number: u8) -> Option<&'static Capability> {
    CAPABILITIES.get(number as usize)
}

/// The catalog's row for `cap`.
pub fn of(cap: Cap) -> &'static Capability {
    &CAPABILITIES[cap.index()]
}

/// Exact kernel name, upper case with the `CAP_` prefix (what runc accepts).
pub fn by_kernel_name(name: &str) -> Option<&'static Capability> {
    CAPABILITIES.iter().find(|c| c.name == name)
}

/// Any spelling people write: `CAP_NET_RAW`, `cap_net_raw`, `NET_RAW`, `net_raw`.
/// Numbers are not accepted here; callers that allow them parse them first.
pub fn by_any_spelling(name: &str) -> Option<&'static Capability> {
    let bare = strip_cap_prefix(name.trim()).as_bytes();
    // Upper-case the input once, then compare bytes: the catalog's names are
    // upper case (a test checks), and this runs for every add and drop of
    // every container of a big manifest.
    let mut buf = [0u8; LONGEST_SHORT_NAME];
    let upper = buf.get_mut(..bare.len())?;
    for (u, b) in upper.iter_mut().zip(bare) {
        *u = b.to_ascii_uppercase();
    }
    CAPABILITIES
        .iter()
        .find(|c| c.name.as_bytes().get(4..) == Some(&*upper))
}

/// Longest name without `CAP_` (CHECKPOINT_RESTORE); longer input is no name.
const LONGEST_SHORT_NAME: usize = 18;

/// `name` without a leading `CAP_` in any case.
pub fn strip_cap_prefix(name: &str) -> &str {
    match name.get(..4) {
        Some(p) if p.eq_ignore_ascii_case("cap_") => &name[4..],
        _ => name,
    }
}

/// Capabilities a kernel of the given version knows.
pub fn known_by(kernel: KernelVersion) -> CapSet {
    CapSet::from_caps(
        CAPABILITIES
            .iter()
            .filter(|c| c.since <= kernel)
            .map(|c| c.number),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_upper_case_and_fit_the_lookup_buffer() {
        // by_any_spelling relies on both.
        for c in &CAPABILITIES {
            assert!(c.name.starts_with("CAP_"), "{}", c.name);
            assert!(
                c.name
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'),
                "{}",
                c.name
            );
            assert!(c.short_name().len() <= LONGEST_SHORT_NAME, "{}", c.name);
        }
        assert!(CAPABILITIES
            .iter()
            .any(|c| c.short_name().len() == LONGEST_SHORT_NAME));
        for spelling in [
            "checkpoint_restore",
            " CAP_Checkpoint_Restore ",
            "cap_net_raw",
            "NET_RAW",
        ] {
            assert!(by_any_spelling(spelling).is_some(), "{spelling}");
        }
        for not_a_name in [
            "",
            "CAP_",
            "net_raw2",
            "checkpoint_restore_",
            "nét_raw",
            "x".repeat(100).as_str(),
        ] {
            assert!(by_any_spelling(not_a_name).is_none(), "{not_a_name}");
        }
    }

    #[test]
    fn table_is_indexed_by_number() {
        for (i, c) in CAPABILITIES.iter().enumerate() {
            assert_eq!(c.number as usize, i);
            assert_eq!(c.cap.index(), i);
            assert_eq!(of(c.cap), c);
            assert!(c.name.starts_with("CAP_"));
        }
        assert_eq!(KNOWN.hex16(), "000001ffffffffff");
    }

    #[test]
    fn spellings() {
        for s in [
            "CAP_NET_RAW",
            "cap_net_raw",
            "NET_RAW",
            "net_raw",
            " Net_Raw ",
        ] {
            assert_eq!(by_any_spelling(s).map(|c| c.number), Some(13), "{s}");
        }
        assert!(by_any_spelling("CAP_CAP_NET_RAW").is_none());
        assert!(by_any_spelling("13").is_none());
        assert_eq!(by_kernel_name("CAP_NET_RAW").unwrap().number, 13);
        assert!(by_kernel_name("NET_RAW").is_none());
        assert_eq!(get(38).unwrap().libcap_name(), "cap_perfmon");
        assert_eq!(get(12).unwrap().short_name(), "NET_ADMIN");
    }

    #[test]
    fn kernel_versions() {
        assert_eq!(
            known_by(KernelVersion(3, 15, 0)).hex16(),
            "0000001fffffffff"
        );
        assert_eq!(known_by(KernelVersion(5, 8, 0)).hex16(), "000000ffffffffff");
        assert_eq!(known_by(KernelVersion(6, 18, 0)), KNOWN);
        assert_eq!(KernelVersion(2, 6, 11).to_string(), "2.6.11");
        assert_eq!(KernelVersion(3, 16, 0).to_string(), "3.16");
        assert_eq!("5.8".parse(), Ok(KernelVersion(5, 8, 0)));
        assert_eq!("6".parse(), Ok(KernelVersion(6, 0, 0)));
        assert_eq!("2.6.11".parse(), Ok(KernelVersion(2, 6, 11)));
        for bad in ["", "5.", "x", "5.8.1.2", "300"] {
            assert_eq!(bad.parse::<KernelVersion>(), Err(()), "{bad:?}");
        }
    }
}

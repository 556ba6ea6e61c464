//! A capability set as the kernel stores it: a 64-bit mask, bit n = capability n.
//!
//! Plain value type shared by every other module. Parsing of pasted masks and
//! name lists lives in `mask` so that this type stays free of error handling.

use crate::cap::Cap;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A set of capability numbers 0..=63, stored like the kernel's `kernel_cap_t`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CapSet(pub u64);

impl CapSet {
    pub const EMPTY: CapSet = CapSet(0);
    /// Every bit, including the 23 no kernel defines yet.
    pub const ALL_BITS: CapSet = CapSet(u64::MAX);

    /// The set holding capabilities `0..count` (what a kernel with `count`
    /// capabilities reports as its full bounding set).
    pub const fn first_n(count: u8) -> CapSet {
        if count >= 64 {
            CapSet(u64::MAX)
        } else {
            CapSet((1u64 << count) - 1)
        }
    }

    pub const fn single(cap: u8) -> CapSet {
        if cap < 64 {
            CapSet(1u64 << cap)
        } else {
            CapSet(0)
        }
    }

    pub fn from_caps<I: IntoIterator<Item = u8>>(caps: I) -> CapSet {
        caps.into_iter().fold(CapSet::EMPTY, |s, c| s.with(c))
    }

    pub const fn bits(self) -> u64 {
        self.0
    }

    pub const fn contains(self, cap: u8) -> bool {
        cap < 64 && self.0 & (1u64 << cap) != 0
    }

    pub const fn with(self, cap: u8) -> CapSet {
        CapSet(self.0 | CapSet::single(cap).0)
    }

    pub const fn without(self, cap: u8) -> CapSet {
        CapSet(self.0 & !CapSet::single(cap).0)
    }

    pub fn insert(&mut self, cap: u8) {
        *self = self.with(cap);
    }

    pub fn remove(&mut self, cap: u8) {
        *self = self.without(cap);
    }

    pub const fn union(self, other: CapSet) -> CapSet {
        CapSet(self.0 | other.0)
    }

    pub const fn intersect(self, other: CapSet) -> CapSet {
        CapSet(self.0 & other.0)
    }

    /// Members of `self` that are not in `other`.
    pub const fn minus(self, other: CapSet) -> CapSet {
        CapSet(self.0 & !other.0)
    }

    pub const fn is_subset_of(self, other: CapSet) -> bool {
        self.0 & !other.0 == 0
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub const fn len(self) -> u32 {
        self.0.count_ones()
    }

    /// Capability numbers in ascending order (the order capsh prints).
    pub fn iter(self) -> impl Iterator<Item = u8> {
        (0u8..64).filter(move |&c| self.contains(c))
    }

    /// The set holding just `cap`.
    pub const fn of(cap: Cap) -> CapSet {
        CapSet::single(cap.number())
    }

    /// Whether `cap` is a member (the `Cap` form of `contains`).
    pub const fn has(self, cap: Cap) -> bool {
        self.contains(cap.number())
    }

    /// The members a kernel defines, in number order (bits above
    /// `Cap::LAST` are left out).
    pub fn caps(self) -> impl Iterator<Item = Cap> {
        Cap::all().filter(move |&c| self.has(c))
    }

    /// The form `/proc/PID/status` uses: exactly 16 lower-case hex digits.
    pub fn hex16(self) -> String {
        format!("{:016x}", self.0)
    }
}

impl fmt::Debug for CapSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CapSet({:016x})", self.0)
    }
}

impl fmt::Display for CapSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl From<Cap> for CapSet {
    fn from(cap: Cap) -> CapSet {
        CapSet::of(cap)
    }
}

impl FromIterator<Cap> for CapSet {
    fn from_iter<I: IntoIterator<Item = Cap>>(caps: I) -> CapSet {
        caps.into_iter()
            .fold(CapSet::EMPTY, |s, c| s | CapSet::of(c))
    }
}

impl std::ops::BitOr for CapSet {
    type Output = CapSet;
    fn bitor(self, rhs: CapSet) -> CapSet {
        self.union(rhs)
    }
}

impl std::ops::BitAnd for CapSet {
    type Output = CapSet;
    fn bitand(self, rhs: CapSet) -> CapSet {
        self.intersect(rhs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_operations() {
        let s = CapSet::from_caps([0, 13, 40]);
        assert_eq!(s.hex16(), "0000010000002001");
        assert!(s.contains(13) && !s.contains(12));
        assert_eq!(s.len(), 3);
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![0, 13, 40]);
        assert_eq!(s.without(13).with(63).hex16(), "8000010000000001");
        assert!(CapSet::single(13).is_subset_of(s));
        assert!(!s.is_subset_of(CapSet::single(13)));
        assert_eq!(s.minus(CapSet::single(0)), CapSet::from_caps([13, 40]));
        assert_eq!(CapSet::single(64), CapSet::EMPTY);
    }

    #[test]
    fn cap_forms_agree_with_numbers() {
        let s: CapSet = [Cap::CHOWN, Cap::NET_RAW, Cap::CHECKPOINT_RESTORE]
            .into_iter()
            .collect();
        assert_eq!(s, CapSet::from_caps([0, 13, 40]));
        assert!(s.has(Cap::NET_RAW) && !s.has(Cap::NET_ADMIN));
        assert_eq!(CapSet::from(Cap::NET_RAW), CapSet::of(Cap::NET_RAW));
        let caps: Vec<Cap> = s.with(63).caps().collect();
        assert_eq!(
            caps,
            vec![Cap::CHOWN, Cap::NET_RAW, Cap::CHECKPOINT_RESTORE]
        );
    }

    #[test]
    fn first_n_matches_kernel_full_masks() {
        assert_eq!(CapSet::first_n(37).hex16(), "0000001fffffffff");
        assert_eq!(CapSet::first_n(41).hex16(), "000001ffffffffff");
        assert_eq!(CapSet::first_n(64), CapSet::ALL_BITS);
        assert_eq!(CapSet::first_n(0), CapSet::EMPTY);
    }
}

//! Capability sets worth recognising: runtime defaults, the Pod Security
//! baseline allow-list, "everything a kernel of version X knows", empty.
//!
//! This is the one place the runtime default lists are written; `runtime`
//! picks the preset for an engine and release (`Runtime::default_preset`).
//!
//! Lists are written in the order the runtimes' sources write them, so they
//! can be checked against those sources by eye; the masks in the tests are
//! the ones in semantics.md §1.8. Which presets a single capability belongs
//! to is derived from these lists, never repeated.

use crate::cap::Cap;
use crate::catalog::{self, KernelVersion, CAPABILITIES};
use crate::set::CapSet;
use serde::Serialize;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, Serialize)]
#[serde(tag = "id", rename_all = "camelCase")]
pub enum PresetId {
    /// Docker and containerd (also the CRI plugin): 14 capabilities.
    Docker,
    /// CRI-O 1.18 and later: 9.
    Crio,
    /// CRI-O up to 1.17: 11.
    CrioLegacy,
    /// Podman 4.5 and later (containers-common ≥ 0.52): 11.
    Podman,
    /// Podman 4.4 (containers-common 0.51): 10, without SYS_CHROOT.
    Podman44,
    /// What Pod Security "baseline" lets a container add: 13.
    BaselineAllowList,
    /// Every capability a kernel knows; `caps` of them, see `kernel_range`.
    AllOfKernel {
        caps: u8,
    },
    Empty,
}

const DOCKER: &[Cap] = &[
    Cap::CHOWN,
    Cap::DAC_OVERRIDE,
    Cap::FSETID,
    Cap::FOWNER,
    Cap::MKNOD,
    Cap::NET_RAW,
    Cap::SETGID,
    Cap::SETUID,
    Cap::SETFCAP,
    Cap::SETPCAP,
    Cap::NET_BIND_SERVICE,
    Cap::SYS_CHROOT,
    Cap::KILL,
    Cap::AUDIT_WRITE,
];
const CRIO: &[Cap] = &[
    Cap::CHOWN,
    Cap::DAC_OVERRIDE,
    Cap::FSETID,
    Cap::FOWNER,
    Cap::SETGID,
    Cap::SETUID,
    Cap::SETPCAP,
    Cap::NET_BIND_SERVICE,
    Cap::KILL,
];
const CRIO_LEGACY: &[Cap] = &[
    Cap::CHOWN,
    Cap::DAC_OVERRIDE,
    Cap::FSETID,
    Cap::FOWNER,
    Cap::NET_RAW,
    Cap::SETGID,
    Cap::SETUID,
    Cap::SETPCAP,
    Cap::NET_BIND_SERVICE,
    Cap::SYS_CHROOT,
    Cap::KILL,
];
const PODMAN: &[Cap] = &[
    Cap::CHOWN,
    Cap::DAC_OVERRIDE,
    Cap::FOWNER,
    Cap::FSETID,
    Cap::KILL,
    Cap::NET_BIND_SERVICE,
    Cap::SETFCAP,
    Cap::SETGID,
    Cap::SETPCAP,
    Cap::SETUID,
    Cap::SYS_CHROOT,
];
const PODMAN_44: &[Cap] = &[
    Cap::CHOWN,
    Cap::DAC_OVERRIDE,
    Cap::FOWNER,
    Cap::FSETID,
    Cap::KILL,
    Cap::NET_BIND_SERVICE,
    Cap::SETFCAP,
    Cap::SETGID,
    Cap::SETPCAP,
    Cap::SETUID,
];
/// What Pod Security baseline allows in `capabilities.add`; the admission
/// controller compares the short names (`Cap::short_name`) case-sensitively.
pub const BASELINE: &[Cap] = &[
    Cap::AUDIT_WRITE,
    Cap::CHOWN,
    Cap::DAC_OVERRIDE,
    Cap::FOWNER,
    Cap::FSETID,
    Cap::KILL,
    Cap::MKNOD,
    Cap::NET_BIND_SERVICE,
    Cap::SETFCAP,
    Cap::SETGID,
    Cap::SETPCAP,
    Cap::SETUID,
    Cap::SYS_CHROOT,
];

/// The set a list makes. A `const fn` so each preset's set is worked out
/// once, when compiling: analysing a big manifest asks for the runtime
/// defaults for every container.
const fn from_list(caps: &[Cap]) -> CapSet {
    let mut set = CapSet::EMPTY;
    let mut i = 0;
    while i < caps.len() {
        set = set.with(caps[i].number());
        i += 1;
    }
    set
}

const DOCKER_SET: CapSet = from_list(DOCKER);
const CRIO_SET: CapSet = from_list(CRIO);
const CRIO_LEGACY_SET: CapSet = from_list(CRIO_LEGACY);
const PODMAN_SET: CapSet = from_list(PODMAN);
const PODMAN_44_SET: CapSet = from_list(PODMAN_44);
const BASELINE_SET: CapSet = from_list(BASELINE);

/// The runtime defaults and the allow-list, in the order they are shown.
pub const NAMED: [PresetId; 6] = [
    PresetId::Docker,
    PresetId::Crio,
    PresetId::CrioLegacy,
    PresetId::Podman,
    PresetId::Podman44,
    PresetId::BaselineAllowList,
];

impl PresetId {
    pub fn caps(self) -> CapSet {
        match self {
            PresetId::Docker => DOCKER_SET,
            PresetId::Crio => CRIO_SET,
            PresetId::CrioLegacy => CRIO_LEGACY_SET,
            PresetId::Podman => PODMAN_SET,
            PresetId::Podman44 => PODMAN_44_SET,
            PresetId::BaselineAllowList => BASELINE_SET,
            PresetId::AllOfKernel { caps } => CapSet::first_n(caps),
            PresetId::Empty => CapSet::EMPTY,
        }
    }

    /// Runtime defaults (as opposed to the allow-list and the generic sets).
    pub fn is_runtime_default(self) -> bool {
        match self {
            PresetId::Docker
            | PresetId::Crio
            | PresetId::CrioLegacy
            | PresetId::Podman
            | PresetId::Podman44 => true,
            PresetId::BaselineAllowList | PresetId::AllOfKernel { .. } | PresetId::Empty => false,
        }
    }
}

/// Every preset: the named ones, one "all of kernel" set per distinct
/// number of capabilities kernels have had, and the empty set.
pub fn all() -> Vec<PresetId> {
    let mut v: Vec<PresetId> = NAMED.to_vec();
    v.extend(
        kernel_ranges()
            .iter()
            .rev()
            .map(|r| PresetId::AllOfKernel { caps: r.caps }),
    );
    v.push(PresetId::Empty);
    v
}

/// Named presets that include capability `cap` (derived from the lists).
pub fn containing(cap: u8) -> Vec<PresetId> {
    NAMED
        .iter()
        .copied()
        .filter(|p| p.caps().contains(cap))
        .collect()
}

/// A range of kernel releases, both ends inclusive; `to: None` means
/// "and every later release so far".
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct KernelRange {
    /// How many capabilities (0..caps) these kernels define.
    pub caps: u8,
    #[serde(serialize_with = "version_text")]
    pub from: KernelVersion,
    #[serde(serialize_with = "optional_version_text")]
    pub to: Option<KernelVersion>,
    pub reason: RangeReason,
}

// KernelVersion (owned by `catalog`) is not Serialize; "3.15" reads best in JSON anyway.
fn version_text<S: serde::Serializer>(v: &KernelVersion, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

fn optional_version_text<S: serde::Serializer>(
    v: &Option<KernelVersion>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.collect_str(v),
        None => s.serialize_none(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RangeReason {
    /// The set holds exactly the capabilities those kernels define.
    FullSet,
    /// All 64 bits set: before 3.8 the kernel showed bits above its last
    /// capability as 1 in the full bounding set.
    AllBitsBefore3_8,
}

/// The release just before `v`, as people name releases.
fn previous_release(v: KernelVersion) -> KernelVersion {
    match v {
        KernelVersion(a, b, c) if c > 0 => KernelVersion(a, b, c - 1),
        KernelVersion(2, 4, 0) => KernelVersion(2, 2, 0), // 2.3 was a development series
        KernelVersion(3, 0, 0) => KernelVersion(2, 6, 39),
        KernelVersion(4, 0, 0) => KernelVersion(3, 19, 0),
        KernelVersion(5, 0, 0) => KernelVersion(4, 20, 0),
        KernelVersion(6, 0, 0) => KernelVersion(5, 19, 0),
        KernelVersion(a, b, _) => KernelVersion(a, b.saturating_sub(1), 0),
    }
}

/// Every distinct "full set" a kernel can show, oldest first, derived from
/// the catalog's `since` versions.
pub fn kernel_ranges() -> Vec<KernelRange> {
    let mut sinces: Vec<KernelVersion> = CAPABILITIES.iter().map(|c| c.since).collect();
    // By a packed key: shares the one sort instance `order::by_rank` uses.
    crate::order::by_rank(&mut sinces, |k| u32::from_be_bytes([0, k.0, k.1, k.2]));
    sinces.dedup();
    let mut out = Vec::new();
    for (i, &from) in sinces.iter().enumerate() {
        let caps = CAPABILITIES.iter().filter(|c| c.since <= from).count() as u8;
        let to = sinces.get(i + 1).map(|&next| previous_release(next));
        out.push(KernelRange {
            caps,
            from,
            to,
            reason: RangeReason::FullSet,
        });
    }
    out
}

/// Which kernels a full bounding set (or full permitted set of root)
/// points to. `None` if the set is not such a full set.
pub fn kernel_range(set: CapSet) -> Option<KernelRange> {
    if set == CapSet::ALL_BITS {
        return Some(KernelRange {
            caps: 64,
            // Per-process bounding sets appeared in 2.6.25; 3.8 masked the bits.
            from: KernelVersion(2, 6, 25),
            to: Some(KernelVersion(3, 7, 0)),
            reason: RangeReason::AllBitsBefore3_8,
        });
    }
    kernel_ranges()
        .into_iter()
        .find(|r| CapSet::first_n(r.caps) == set)
}

/// The oldest kernel that knows every capability in `set` (None for an
/// empty set or one with bits no kernel defines).
pub fn minimum_kernel(set: CapSet) -> Option<KernelVersion> {
    if set.is_empty() || !set.is_subset_of(catalog::KNOWN) {
        return None;
    }
    set.iter().filter_map(catalog::get).map(|c| c.since).max()
}

/// How a set differs from a preset.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct Difference {
    pub preset: PresetId,
    /// In the set, not in the preset (shown as `+`).
    pub added: CapSet,
    /// In the preset, not in the set (shown as `−`).
    pub removed: CapSet,
}

impl Difference {
    pub fn of(set: CapSet, preset: PresetId) -> Difference {
        let p = preset.caps();
        Difference {
            preset,
            added: set.minus(p),
            removed: p.minus(set),
        }
    }

    pub fn distance(&self) -> u32 {
        self.added.len() + self.removed.len()
    }
}

/// What a set is, or what it is close to.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Comparison {
    /// Presets equal to the set.
    pub equals: Vec<PresetId>,
    /// If nothing is equal: the closest presets, closest first (at most 3).
    pub nearest: Vec<Difference>,
    /// Set when the set is a kernel's full set.
    pub kernel: Option<KernelRange>,
}

/// Differences larger than this are not "close" and are not reported.
pub const MAX_NEAR_DISTANCE: u32 = 5;
const MAX_NEAREST: usize = 3;

pub fn compare(set: CapSet) -> Comparison {
    let presets = all();
    let equals: Vec<PresetId> = presets
        .iter()
        .copied()
        .filter(|p| p.caps() == set)
        .collect();
    let kernel = kernel_range(set);
    let mut nearest = Vec::new();
    if equals.is_empty() {
        let mut diffs: Vec<Difference> = presets
            .iter()
            // "Empty plus two capabilities" says nothing useful.
            .filter(|p| **p != PresetId::Empty)
            .map(|&p| Difference::of(set, p))
            // Close means: few changes, and fewer than the preset has members.
            .filter(|d| d.distance() <= MAX_NEAR_DISTANCE && d.distance() < d.preset.caps().len())
            .collect();
        // Stable sort keeps the display order among equal distances.
        crate::order::by_rank(&mut diffs, Difference::distance);
        // Only the closest "all of kernel" set is worth naming.
        let mut seen_kernel = false;
        diffs.retain(|d| match d.preset {
            PresetId::AllOfKernel { .. } => !std::mem::replace(&mut seen_kernel, true),
            _ => true,
        });
        diffs.truncate(MAX_NEAREST);
        nearest = diffs;
    }
    Comparison {
        equals,
        nearest,
        kernel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(p: PresetId) -> String {
        p.caps().hex16()
    }

    #[test]
    fn preset_masks_match_the_spec() {
        assert_eq!(hex(PresetId::Docker), "00000000a80425fb");
        assert_eq!(hex(PresetId::Crio), "00000000000005fb");
        assert_eq!(hex(PresetId::CrioLegacy), "00000000000425fb");
        assert_eq!(hex(PresetId::Podman), "00000000800405fb");
        assert_eq!(hex(PresetId::Podman44), "00000000800005fb");
        assert_eq!(hex(PresetId::BaselineAllowList), "00000000a80405fb");
        let lens: Vec<u32> = NAMED.iter().map(|p| p.caps().len()).collect();
        assert_eq!(lens, vec![14, 9, 11, 11, 10, 13]);
        // No list names a capability twice.
        for list in [DOCKER, CRIO, CRIO_LEGACY, PODMAN, PODMAN_44, BASELINE] {
            assert_eq!(from_list(list).len() as usize, list.len());
        }
    }

    #[test]
    fn kernel_ranges_from_catalog() {
        let r = kernel_ranges();
        let shown: Vec<(u8, KernelVersion, Option<KernelVersion>)> =
            r.iter().map(|r| (r.caps, r.from, r.to)).collect();
        assert_eq!(
            shown,
            vec![
                (27, KernelVersion(2, 2, 0), Some(KernelVersion(2, 2, 0))),
                (29, KernelVersion(2, 4, 0), Some(KernelVersion(2, 6, 10))),
                (31, KernelVersion(2, 6, 11), Some(KernelVersion(2, 6, 23))),
                (32, KernelVersion(2, 6, 24), Some(KernelVersion(2, 6, 24))),
                (34, KernelVersion(2, 6, 25), Some(KernelVersion(2, 6, 36))),
                (35, KernelVersion(2, 6, 37), Some(KernelVersion(2, 6, 39))),
                (36, KernelVersion(3, 0, 0), Some(KernelVersion(3, 4, 0))),
                (37, KernelVersion(3, 5, 0), Some(KernelVersion(3, 15, 0))),
                (38, KernelVersion(3, 16, 0), Some(KernelVersion(5, 7, 0))),
                (40, KernelVersion(5, 8, 0), Some(KernelVersion(5, 8, 0))),
                (41, KernelVersion(5, 9, 0), None),
            ]
        );
    }

    #[test]
    fn seed_article_bounding_set() {
        let k = kernel_range(CapSet(0x0000001fffffffff)).unwrap();
        assert_eq!(
            (k.caps, k.from, k.to),
            (37, KernelVersion(3, 5, 0), Some(KernelVersion(3, 15, 0)))
        );
        assert_eq!(kernel_range(CapSet(0x000001ffffffffff)).unwrap().to, None);
        assert_eq!(
            kernel_range(CapSet::ALL_BITS).unwrap().reason,
            RangeReason::AllBitsBefore3_8
        );
        assert_eq!(kernel_range(CapSet(0xa80425fb)), None);
        assert_eq!(
            kernel_range(CapSet(0x0000000fffffffff)).unwrap().from,
            KernelVersion(3, 0, 0)
        );
        let c = compare(CapSet(0x0000001fffffffff));
        assert_eq!(c.equals, vec![PresetId::AllOfKernel { caps: 37 }]);
        assert!(c.nearest.is_empty());
    }

    #[test]
    fn equal_and_near() {
        assert_eq!(compare(CapSet(0xa80425fb)).equals, vec![PresetId::Docker]);
        assert_eq!(compare(CapSet::EMPTY).equals, vec![PresetId::Empty]);
        // Docker without NET_RAW is exactly the baseline allow-list.
        assert_eq!(
            compare(CapSet(0xa80405fb)).equals,
            vec![PresetId::BaselineAllowList]
        );
        // Docker minus NET_RAW plus NET_ADMIN: nearest Docker and baseline.
        let c = compare(CapSet(0xa80415fb));
        assert!(c.equals.is_empty());
        assert_eq!(
            c.nearest[0],
            Difference {
                preset: PresetId::BaselineAllowList,
                added: CapSet::single(12),
                removed: CapSet::EMPTY
            }
        );
        assert_eq!(c.nearest[1].preset, PresetId::Docker);
        assert_eq!(c.nearest[1].added, CapSet::single(12));
        assert_eq!(c.nearest[1].removed, CapSet::single(13));
        // This machine's bounding set: all 41 minus SYS_RESOURCE.
        let c = compare(CapSet(0x000001fffeffffff));
        assert_eq!(c.nearest.len(), 1);
        assert_eq!(c.nearest[0].preset, PresetId::AllOfKernel { caps: 41 });
        assert_eq!(c.nearest[0].removed, CapSet::single(24));
        // Far from everything: nothing near.
        assert!(compare(CapSet::from_caps([21, 16, 19])).nearest.is_empty());
    }

    #[test]
    fn membership_is_derived() {
        assert_eq!(containing(13), vec![PresetId::Docker, PresetId::CrioLegacy]); // NET_RAW
        assert_eq!(
            containing(0),
            vec![
                PresetId::Docker,
                PresetId::Crio,
                PresetId::CrioLegacy,
                PresetId::Podman,
                PresetId::Podman44,
                PresetId::BaselineAllowList
            ]
        );
        assert!(containing(21).is_empty()); // SYS_ADMIN
        assert_eq!(
            containing(18),
            vec![
                PresetId::Docker,
                PresetId::CrioLegacy,
                PresetId::Podman,
                PresetId::BaselineAllowList
            ]
        );
    }

    #[test]
    fn minimum_kernels() {
        assert_eq!(
            minimum_kernel(CapSet::from_caps([0, 38])),
            Some(KernelVersion(5, 8, 0))
        );
        assert_eq!(
            minimum_kernel(CapSet::single(36)),
            Some(KernelVersion(3, 5, 0))
        );
        assert_eq!(minimum_kernel(CapSet::EMPTY), None);
        assert_eq!(minimum_kernel(CapSet::single(41)), None);
    }
}

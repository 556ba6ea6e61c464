//! What each entry of the add list achieves, per simulated user.

use super::report::{AddEffect, AddResult, AnalysisOptions, Outcome};
use crate::container::{ContainerSpec, Spelled};
use crate::exec::{CapReason, SetName};
use crate::runtime::{self, NameReading, RunUser, RuntimeKind};
use crate::set::CapSet;

/// One effect per entry of the add list, in the list's order.
pub(super) fn effects(
    spec: &ContainerSpec,
    outcomes: &[Outcome],
    opts: &AnalysisOptions,
) -> Vec<AddEffect> {
    let kind = opts.runtime.runtime.kind();
    let granted_anyway = granted_without_adds(spec, outcomes, opts);
    spec.cap_add
        .iter()
        .map(|s| effect(s, kind, outcomes, granted_anyway))
        .collect()
}

fn effect(
    s: &Spelled,
    kind: RuntimeKind,
    outcomes: &[Outcome],
    granted_anyway: CapSet,
) -> AddEffect {
    let cap = match runtime::read_name(kind, &s.text) {
        NameReading::Cap(c) => Some(c),
        NameReading::All | NameReading::Unknown(_) => None,
    };
    AddEffect {
        written: s.text.clone(),
        at: s.at.clone(),
        cap,
        already_default: cap.is_some_and(|c| granted_anyway.contains(c)),
        results: outcomes
            .iter()
            .map(|o| (o.user, result(s, cap, o)))
            .collect(),
        reasons: reasons(cap, outcomes),
    }
}

/// Where the added capability `cap` (None: not one the runtime reads) ends
/// up for one outcome.
fn result(s: &Spelled, cap: Option<u8>, o: &Outcome) -> AddResult {
    match (cap, o.oci_sets(), o.pid1()) {
        _ if s.text.eq_ignore_ascii_case("ALL") => AddResult::NotApplicable,
        (_, None, _) | (_, _, None) => AddResult::NoContainer,
        (None, _, _) => AddResult::NotGranted,
        (Some(c), Some(_), Some(p)) if p.state.effective.contains(c) => AddResult::Effective,
        (Some(c), Some(_), Some(p)) if p.state.permitted.contains(c) => AddResult::PermittedOnly,
        // Under no_new_privs a file capability cannot exceed
        // what runc left in the permitted set (§1.2 step 8).
        (Some(c), Some(sets), Some(p))
            if p.state.bounding.contains(c)
                && p.state.no_new_privs
                && !sets.permitted.contains(c) =>
        {
            AddResult::BoundingOnlyBlockedByNnp
        }
        (Some(c), Some(_), Some(p)) if p.state.bounding.contains(c) => AddResult::BoundingOnly,
        _ => AddResult::NotGranted,
    }
}

/// The exec's own reason for the capability's permitted bit, per started outcome.
fn reasons(cap: Option<u8>, outcomes: &[Outcome]) -> Vec<(RunUser, CapReason)> {
    let Some(c) = cap else {
        return Vec::new();
    };
    outcomes
        .iter()
        .filter_map(|o| match &o.start {
            Some(Ok(st)) => st
                .exec
                .reasons
                .iter()
                .find(|r| r.cap == c && r.set == SetName::Permitted)
                .map(|r| (o.user, r.clone())),
            _ => None,
        })
        .collect()
}

/// Capabilities the runtime writes into the OCI sets just the same when
/// the add list is left out (its defaults after the drops — nothing after
/// `drop: [ALL]` — or everything when privileged): adding one of them
/// changes nothing. Every simulated user must agree, because Podman gives a
/// non-root user the adds (and only them) while the defaults stay bounding-only.
fn granted_without_adds(
    spec: &ContainerSpec,
    outcomes: &[Outcome],
    opts: &AnalysisOptions,
) -> CapSet {
    let without = ContainerSpec {
        cap_add: Vec::new(),
        ..spec.clone()
    };
    outcomes.iter().fold(CapSet::ALL_BITS, |acc, o| {
        let Ok(alone) = runtime::oci_sets(&without, o.user, &opts.runtime) else {
            return CapSet::EMPTY;
        };
        let alone = alone.sets;
        // Sets the add list would have changed, if the container is created at all.
        let changed = match o.oci_sets() {
            Some(w) => [
                w.bounding.minus(alone.bounding),
                w.effective.minus(alone.effective),
                w.permitted.minus(alone.permitted),
                w.inheritable.minus(alone.inheritable),
                w.ambient.minus(alone.ambient),
            ]
            .into_iter()
            .fold(CapSet::EMPTY, CapSet::union),
            None => CapSet::EMPTY,
        };
        acc.intersect(alone.bounding.minus(changed))
    })
}

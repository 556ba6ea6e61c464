//! Each verdict beside reality: caplens' own analysis of the container for
//! the chosen runtime (PID 1's sets for every user it may run as, and what
//! each add ended up doing). A verdict agrees unless what it claims about
//! the running container (`Claim`) is false; then `Disagreement` says how.

use super::judge::Judged;
use super::{Claim, Scope, Tool, Verdict};
use crate::analysis::{AddResult, ContainerReport};
use crate::cap::Cap;
use crate::container::ContainerSpec;
use crate::set::CapSet;
use serde::Serialize;

/// How a verdict and reality differ.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "id", rename_all = "kebab-case")]
pub enum Disagreement {
    /// A workload-wide rule fails because of another container.
    FailsForOther { container: String },
    /// A workload-wide rule passes because of another container.
    PassesForOther { container: String },
    /// Passes (or does not run), but the runtime refuses the container.
    PassButRefused,
    /// Passes (or does not run), but the container is privileged.
    PassButPrivileged,
    /// Passes, but PID 1 runs without `no_new_privs`.
    PassButNoNewPrivsUnset,
    /// Passes, but the capability is in PID 1's effective set.
    PassButEffective { cap: Cap },
    /// Passes, but the capability stays in the bounding set (a program with
    /// file capabilities gets it).
    PassButKept { cap: Cap },
    /// Passes, but an add the rule did not recognise grants `cap`.
    PassButGranted { spelled: String, cap: Cap },
    /// Fails, but the capability is not in the container at all.
    FailButNotHeld { cap: Cap },
    /// Fails, but nothing is left that the rule forbids.
    FailButNoneKept,
    /// Fails on an add that grants nothing.
    FailButNotGranted { spelled: String },
    /// Fails on an add the runtime reads as a capability the rule allows.
    FailButAllowed { spelled: String, cap: Cap },
    /// Fails on an added capability that no process of the container has
    /// in its effective set (a non-root user).
    FailButNotEffective { cap: Cap },
    /// Fails on an add the runtime grants anyway (a default).
    FailButAlreadyDefault { cap: Cap },
}

impl Disagreement {
    /// The id JSON shows (`reason_id`).
    pub fn id(&self) -> &'static str {
        match self {
            Disagreement::FailsForOther { .. } => "fails-for-other",
            Disagreement::PassesForOther { .. } => "passes-for-other",
            Disagreement::PassButRefused => "pass-but-refused",
            Disagreement::PassButPrivileged => "pass-but-privileged",
            Disagreement::PassButNoNewPrivsUnset => "pass-but-no-new-privs-unset",
            Disagreement::PassButEffective { .. } => "pass-but-effective",
            Disagreement::PassButKept { .. } => "pass-but-kept",
            Disagreement::PassButGranted { .. } => "pass-but-granted",
            Disagreement::FailButNotHeld { .. } => "fail-but-not-held",
            Disagreement::FailButNoneKept => "fail-but-none-kept",
            Disagreement::FailButNotGranted { .. } => "fail-but-not-granted",
            Disagreement::FailButAllowed { .. } => "fail-but-allowed",
            Disagreement::FailButNotEffective { .. } => "fail-but-not-effective",
            Disagreement::FailButAlreadyDefault { .. } => "fail-but-already-default",
        }
    }
}

/// One verdict, compared.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct PeerResult {
    pub tool: Tool,
    pub version: &'static str,
    pub rule: &'static str,
    pub scope: Scope,
    pub verdict: Verdict,
    pub agrees: bool,
    pub reason: Option<Disagreement>,
}

/// What one add ended up doing, over every user the container may run as.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AddFact {
    pub written: String,
    /// The capability the runtime reads it as.
    pub cap: Option<Cap>,
    /// `ALL` (any case).
    pub all: bool,
    /// Reaches the container (any set, any user).
    pub granted: bool,
    /// In PID 1's effective set for some user.
    pub effective: bool,
    pub already_default: bool,
}

/// The running container, as caplens' analysis has it (unions over the
/// users it may run as when the image's USER decides).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Reality {
    /// PID 1 starts (for some user).
    pub created: bool,
    pub privileged: bool,
    pub effective: CapSet,
    pub bounding: CapSet,
    /// `no_new_privs` for every user it may run as.
    pub no_new_privs: bool,
    pub adds: Vec<AddFact>,
}

impl Reality {
    pub fn of(spec: &ContainerSpec, report: &ContainerReport) -> Reality {
        let pid1s: Vec<_> = report.outcomes.iter().filter_map(|o| o.pid1()).collect();
        let effective = pid1s
            .iter()
            .fold(CapSet::EMPTY, |s, p| s.union(p.state.effective));
        let bounding = pid1s
            .iter()
            .fold(CapSet::EMPTY, |s, p| s.union(p.state.bounding));
        let adds = report
            .adds
            .iter()
            .map(|a| {
                let all = a.written.trim().eq_ignore_ascii_case("ALL");
                let has = |f: fn(AddResult) -> bool| a.results.iter().any(|(_, r)| f(*r));
                AddFact {
                    written: a.written.clone(),
                    cap: a.cap.and_then(Cap::new),
                    all,
                    granted: if all {
                        !bounding.is_empty()
                    } else {
                        has(granted)
                    },
                    effective: if all {
                        !effective.is_empty()
                    } else {
                        has(|r| r == AddResult::Effective)
                    },
                    already_default: a.already_default,
                }
            })
            .collect();
        Reality {
            created: !pid1s.is_empty(),
            privileged: spec.privileged.as_ref().is_some_and(|f| f.value),
            effective,
            bounding,
            no_new_privs: !pid1s.is_empty() && pid1s.iter().all(|p| p.state.no_new_privs),
            adds,
        }
    }

    /// The capabilities the add list names one by one and grants. An `ALL`
    /// counts for none: a drop rule failing on it is right, whatever it grants.
    fn named_by_adds(&self) -> CapSet {
        self.adds
            .iter()
            .filter(|a| a.granted && !a.all)
            .filter_map(|a| a.cap)
            .fold(CapSet::EMPTY, |s, c| s.union(CapSet::of(c)))
    }
}

fn granted(r: AddResult) -> bool {
    matches!(
        r,
        AddResult::Effective
            | AddResult::PermittedOnly
            | AddResult::BoundingOnly
            | AddResult::BoundingOnlyBlockedByNnp
    )
}

/// Every verdict of one container beside its report.
pub fn compare(
    judged: &[Judged],
    spec: &ContainerSpec,
    report: &ContainerReport,
) -> Vec<PeerResult> {
    let reality = Reality::of(spec, report);
    judged
        .iter()
        .map(|j| {
            let reason = disagreement(j, &reality);
            PeerResult {
                tool: j.rule.tool,
                version: j.rule.version,
                rule: j.rule.id,
                scope: j.rule.scope,
                verdict: j.verdict,
                agrees: reason.is_none(),
                reason,
            }
        })
        .collect()
}

fn disagreement(j: &Judged, r: &Reality) -> Option<Disagreement> {
    if let Some(container) = j.decided_by.clone() {
        return Some(match j.verdict {
            Verdict::Fail => Disagreement::FailsForOther { container },
            _ => Disagreement::PassesForOther { container },
        });
    }
    // A rule that does not run says nothing is wrong, as a pass does.
    let pass = j.verdict != Verdict::Fail;
    let claim = j.rule.claim;
    if !r.created {
        let about_adds = matches!(
            claim,
            Claim::NoAdd | Claim::NotAdded(_) | Claim::AddsWithin(_) | Claim::KeepsOnly(_)
        );
        return (pass && about_adds).then_some(Disagreement::PassButRefused);
    }
    match claim {
        Claim::NotPrivileged => (pass && r.privileged).then_some(Disagreement::PassButPrivileged),
        Claim::NoNewPrivs => {
            (pass && !r.no_new_privs).then_some(Disagreement::PassButNoNewPrivsUnset)
        }
        Claim::Dropped(cap) => {
            if pass {
                held(r, CapSet::of(cap))
            } else {
                (!r.bounding.has(cap)).then_some(Disagreement::FailButNotHeld { cap })
            }
        }
        Claim::DropAll => kept(r, r.bounding.minus(r.named_by_adds()), pass),
        Claim::KeepsOnly(allowed) => kept(r, r.bounding.minus(set_of(allowed)), pass),
        Claim::NoAdd if pass => None,
        Claim::NoAdd => failed_add(r),
        Claim::NotAdded(list) => forbidden(r, set_of(list), pass),
        Claim::AddsWithin(list) => forbidden(
            r,
            CapSet::first_n(Cap::COUNT as u8).minus(set_of(list)),
            pass,
        ),
    }
}

fn set_of(caps: &[Cap]) -> CapSet {
    CapSet::from_caps(caps.iter().map(|c| c.number()))
}

/// The first of `caps` the container holds: effective before bounding only.
fn held(r: &Reality, caps: CapSet) -> Option<Disagreement> {
    let first = |s: CapSet| s.iter().next().and_then(Cap::new);
    if let Some(cap) = first(caps.intersect(r.effective)) {
        return Some(Disagreement::PassButEffective { cap });
    }
    first(caps.intersect(r.bounding)).map(|cap| Disagreement::PassButKept { cap })
}

/// A drop rule: `left` is what stays that the rule says is gone.
fn kept(r: &Reality, left: CapSet, pass: bool) -> Option<Disagreement> {
    if pass {
        held(r, left)
    } else {
        left.is_empty().then_some(Disagreement::FailButNoneKept)
    }
}

/// A rule against any add: it fails; does some add grant a capability the
/// container would not have without it?
fn failed_add(r: &Reality) -> Option<Disagreement> {
    if r.adds
        .iter()
        .any(|a| a.granted && a.effective && !a.already_default)
    {
        return None;
    }
    let a = r.adds.first()?;
    Some(match a.cap {
        _ if !a.granted => Disagreement::FailButNotGranted {
            spelled: a.written.clone(),
        },
        Some(cap) if a.already_default => Disagreement::FailButAlreadyDefault { cap },
        Some(cap) => Disagreement::FailButNotEffective { cap },
        None => return None,
    })
}

/// A rule against adding some capabilities (`banned`).
fn forbidden(r: &Reality, banned: CapSet, pass: bool) -> Option<Disagreement> {
    // (as written, capability, effective) for each banned capability an add grants.
    let mut hits = Vec::new();
    for a in r.adds.iter().filter(|a| a.granted) {
        if a.all {
            for cap in r.bounding.intersect(banned).iter().filter_map(Cap::new) {
                hits.push((a.written.clone(), cap, r.effective.has(cap)));
            }
        } else if let Some(cap) = a.cap.filter(|c| banned.has(*c)) {
            hits.push((a.written.clone(), cap, a.effective));
        }
    }
    if pass {
        let (spelled, cap, _) = hits.into_iter().next()?;
        return Some(Disagreement::PassButGranted { spelled, cap });
    }
    if let Some((_, cap, _)) = hits.first() {
        let any_effective = hits.iter().any(|h| h.2);
        return (!any_effective).then_some(Disagreement::FailButNotEffective { cap: *cap });
    }
    let a = r.adds.first()?;
    Some(match a.cap {
        Some(cap) if a.granted => Disagreement::FailButAllowed {
            spelled: a.written.clone(),
            cap,
        },
        _ => Disagreement::FailButNotGranted {
            spelled: a.written.clone(),
        },
    })
}

//! The finding rules: one function per rule, run in a fixed order so that
//! findings of one severity come in the order of the input.

mod grants;
mod names;

use super::finding::Finding;
use super::report::{AddEffect, AnalysisOptions, Outcome};
use super::Severity;
use crate::container::{ContainerSpec, Spelled};
use crate::runtime::{self, ListKind, NameReading, RuntimeKind};
use crate::set::CapSet;

/// What every rule looks at: the container, the options, what the
/// simulation found.
pub(super) struct Context<'a> {
    pub spec: &'a ContainerSpec,
    pub opts: &'a AnalysisOptions,
    pub outcomes: &'a [Outcome],
    /// The runtime's family, which decides how names are read.
    pub kind: RuntimeKind,
    /// The capabilities the host's kernel has.
    pub host: CapSet,
}

impl<'a> Context<'a> {
    pub fn new(
        spec: &'a ContainerSpec,
        opts: &'a AnalysisOptions,
        outcomes: &'a [Outcome],
    ) -> Context<'a> {
        Context {
            spec,
            opts,
            outcomes,
            kind: opts.runtime.runtime.kind(),
            host: opts.runtime.host,
        }
    }

    fn privileged(&self) -> bool {
        runtime::is_privileged(self.spec)
    }

    /// How the runtime reads a list entry.
    fn reading(&self, s: &Spelled) -> NameReading {
        runtime::read_name(self.kind, &s.text)
    }

    /// Whether `cap` reaches the container's bounding set for some user.
    fn granted(&self, cap: u8) -> bool {
        self.outcomes
            .iter()
            .any(|o| o.oci_sets().is_some_and(|s| s.bounding.contains(cap)))
    }
}

/// Every finding about the container, most severe first.
pub(super) fn findings(cx: &Context, adds: &[AddEffect]) -> Vec<Finding> {
    let spec = cx.spec;
    let mut found = Vec::new();
    let lists: [(&[Spelled], ListKind); 2] = [
        (&spec.cap_add, ListKind::Add),
        (&spec.cap_drop, ListKind::Drop),
    ];
    for (list, kind) in lists {
        for s in list {
            found.extend(names::findings(cx, s, kind));
        }
    }
    found.extend(grants::privileged(cx));
    // Privileged grants everything: its finding says so once, for all adds.
    if !cx.privileged() {
        for s in &spec.cap_add {
            found.extend(grants::dangerous_all(cx, s));
            found.extend(grants::dangerous_capability(cx, s));
            found.extend(grants::prefer_perfmon(cx, s));
        }
    }
    found.extend(grants::default_net_raw(cx));
    found.extend(grants::ineffective_add(cx, adds));
    // Most severe first; the order within a severity follows the input.
    Severity::most_severe_first(&mut found, |f| f.severity);
    found
}

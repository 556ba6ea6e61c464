//! Every rule's verdict for every container of a manifest. A workload-wide
//! rule gives each container it reads the workload's verdict, and names
//! the container that decided it when that is another one.

use super::{rules, Aggregate, Rule, Scope, Seen, Verdict};
use crate::k8s::{pss, K8sContainer, Manifest, Workload, WorkloadKind};

/// One rule's verdict on one container.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Judged {
    pub rule: &'static super::Rule,
    pub verdict: Verdict,
    /// Workload-wide rules: the container whose own result decided the
    /// verdict, when this container's own result is different.
    pub decided_by: Option<String>,
}

/// A container of the workload with its Pod Security verdict.
#[derive(Clone, Copy)]
struct Member<'a> {
    c: &'a K8sContainer,
    pss: &'a pss::Verdict,
}

/// One list per container of `m.containers`, in that order, with one
/// verdict per rule (`peers::rules()` order). `verdicts`: each container's
/// Pod Security verdict (`K8sContainer::pss`), in the same order.
pub fn judge_manifest(m: &Manifest, verdicts: &[pss::Verdict]) -> Vec<Vec<Judged>> {
    let mut members: Vec<Vec<Member>> = vec![Vec::new(); m.workloads.len()];
    for (c, pss) in m.containers.iter().zip(verdicts) {
        members[c.workload].push(Member { c, pss });
    }
    m.containers
        .iter()
        .zip(verdicts)
        .map(|(c, pss)| {
            let w = &m.workloads[c.workload];
            let this = Member { c, pss };
            rules()
                .map(|r| judge(r, w, &members[c.workload], &this))
                .collect()
        })
        .collect()
}

/// The rule's own result on one container, alone.
fn own(rule: &Rule, w: &Workload, m: &Member) -> Verdict {
    let role = m.c.spec.role;
    let runs = rule.kinds.contains(&w.kind)
        && rule.roles.contains(&role)
        && (w.kind == WorkloadKind::Pod || !rule.pod_only_roles.contains(&role))
        && !(rule.needs_capabilities && m.c.level.capabilities.is_none());
    if !runs {
        return Verdict::NotRun;
    }
    let seen = Seen {
        kind: w.kind,
        pod: &w.pod,
        c: &m.c.level,
        pss: m.pss,
    };
    if (rule.passes)(&seen) {
        Verdict::Pass
    } else {
        Verdict::Fail
    }
}

fn judge(rule: &'static Rule, w: &Workload, members: &[Member], this: &Member) -> Judged {
    let mine = own(rule, w, this);
    let alone = |verdict| Judged {
        rule,
        verdict,
        decided_by: None,
    };
    let Scope::Workload(aggregate) = rule.scope else {
        return alone(mine);
    };
    // The workload's verdict is every container's (an ephemeral container
    // the rule does not read shares it too); none read: not run at all.
    let ran: Vec<Verdict> = members
        .iter()
        .map(|m| own(rule, w, m))
        .filter(|v| *v != Verdict::NotRun)
        .collect();
    if ran.is_empty() {
        return alone(Verdict::NotRun);
    }
    // Every: one failure fails the workload; Any: one pass passes it.
    let (deciding, otherwise) = match aggregate {
        Aggregate::Every => (Verdict::Fail, Verdict::Pass),
        Aggregate::Any => (Verdict::Pass, Verdict::Fail),
    };
    let decider = members.iter().find(|m| own(rule, w, m) == deciding);
    let verdict = if decider.is_some() {
        deciding
    } else {
        otherwise
    };
    let decided_by = decider
        .filter(|_| mine != verdict)
        .map(|d| d.c.level.name.clone());
    Judged {
        rule,
        verdict,
        decided_by,
    }
}

//! Every rule's verdict for every container of a manifest. A workload-wide
//! rule gives each container it reads the workload's verdict, and names
//! the container that decided it when that is another one.

use super::{rules, Aggregate, Rule, Scope, Seen, Verdict};
use crate::k8s::{K8sContainer, Manifest, Workload, WorkloadKind};

/// One rule's verdict on one container.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Judged {
    pub rule: &'static super::Rule,
    pub verdict: Verdict,
    /// Workload-wide rules: the container whose own result decided the
    /// verdict, when this container's own result is different.
    pub decided_by: Option<String>,
}

/// One list per container of `m.containers`, in that order, with one
/// verdict per rule (`peers::rules()` order).
pub fn judge_manifest(m: &Manifest) -> Vec<Vec<Judged>> {
    let mut members: Vec<Vec<&K8sContainer>> = vec![Vec::new(); m.workloads.len()];
    for c in &m.containers {
        members[c.workload].push(c);
    }
    m.containers
        .iter()
        .map(|c| {
            let w = &m.workloads[c.workload];
            rules()
                .map(|r| judge(r, w, &members[c.workload], c))
                .collect()
        })
        .collect()
}

/// The rule's own result on one container, alone.
fn own(rule: &Rule, w: &Workload, c: &K8sContainer) -> Verdict {
    let runs = rule.kinds.contains(&w.kind)
        && rule.roles.contains(&c.spec.role)
        && (w.kind == WorkloadKind::Pod || !rule.pod_only_roles.contains(&c.spec.role))
        && !(rule.needs_capabilities && c.level.capabilities.is_none());
    if !runs {
        return Verdict::NotRun;
    }
    let seen = Seen {
        kind: w.kind,
        pod: &w.pod,
        c: &c.level,
    };
    if (rule.passes)(&seen) {
        Verdict::Pass
    } else {
        Verdict::Fail
    }
}

fn judge(rule: &'static Rule, w: &Workload, members: &[&K8sContainer], c: &K8sContainer) -> Judged {
    let mine = own(rule, w, c);
    let Scope::Workload(aggregate) = rule.scope else {
        return Judged {
            rule,
            verdict: mine,
            decided_by: None,
        };
    };
    if mine == Verdict::NotRun {
        // The workload's verdict is not about a container the rule skips.
        return Judged {
            rule,
            verdict: mine,
            decided_by: None,
        };
    }
    // Every: one failure fails the workload; Any: one pass passes it.
    let deciding = match aggregate {
        Aggregate::Every => Verdict::Fail,
        Aggregate::Any => Verdict::Pass,
    };
    let decider = members.iter().find(|m| own(rule, w, m) == deciding);
    let verdict = match decider {
        Some(_) => deciding,
        None => match deciding {
            Verdict::Fail => Verdict::Pass,
            _ => Verdict::Fail,
        },
    };
    let decided_by = decider
        .filter(|_| mine != verdict)
        .map(|d| d.level.name.clone());
    Judged {
        rule,
        verdict,
        decided_by,
    }
}

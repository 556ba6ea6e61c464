//! Rules about how an entry of the add or drop list is written: the case of
//! `ALL`, a `CAP_` prefix, lower case, and names the kernel lacks.

use super::Context;
use crate::analysis::finding::{Detail, Finding, UnknownReason};
use crate::analysis::Severity;
use crate::catalog::{self, Capability};
use crate::container::{SourceKind, Spelled};
use crate::runtime::{self, ListKind, NameReading, RuntimeKind};

/// The findings about one list entry, in a fixed order.
pub(super) fn findings(cx: &Context, s: &Spelled, list: ListKind) -> Vec<Finding> {
    let text = s.text.trim();
    if text.eq_ignore_ascii_case("ALL") {
        return all_case(cx, s, list).into_iter().collect();
    }
    let known = catalog::by_any_spelling(text);
    [
        cap_prefix(cx, s, list, known),
        name_case(cx, s, list, known),
        newer_than_kernel(cx, s, list, known),
        no_kernel(cx, s, list, known),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Case only matters to Pod Security (exact strings); the runtimes
/// upper-case names themselves.
fn name_case_severity(source: SourceKind) -> Severity {
    if source == SourceKind::Kubernetes {
        Severity::Warning
    } else {
        Severity::Info
    }
}

/// `all` or `All` for `ALL`.
fn all_case(cx: &Context, s: &Spelled, list: ListKind) -> Option<Finding> {
    if s.text.trim() == "ALL" {
        return None;
    }
    Some(name_case_finding(cx, s, list, "ALL".into()))
}

/// A `name-case` finding: `s` is written otherwise than `canonical`.
fn name_case_finding(cx: &Context, s: &Spelled, list: ListKind, canonical: String) -> Finding {
    Finding {
        severity: name_case_severity(cx.spec.source),
        at: s.at.clone(),
        detail: Detail::NameCase {
            written: s.text.clone(),
            canonical,
            list,
            source: cx.spec.source,
        },
    }
}

/// `CAP_NET_RAW` where the runtime wants `NET_RAW`.
fn cap_prefix(
    cx: &Context,
    s: &Spelled,
    list: ListKind,
    known: Option<&Capability>,
) -> Option<Finding> {
    let text = s.text.trim();
    known?;
    if !has_prefix(text) {
        return None;
    }
    let severity = match cx.kind {
        RuntimeKind::Containerd => Severity::Error,
        RuntimeKind::Crio => Severity::Info,
        RuntimeKind::Docker | RuntimeKind::Podman => return None,
    };
    let oci_name = match runtime::read_name(cx.kind, text) {
        NameReading::Unknown(n) => n,
        NameReading::Cap(c) => catalog::get(c)
            .map(|k| k.name.to_string())
            .unwrap_or_default(),
        NameReading::All => "ALL".into(),
    };
    Some(Finding {
        severity,
        at: s.at.clone(),
        detail: Detail::CapPrefix {
            written: s.text.clone(),
            list,
            runtime: cx.kind,
            oci_name,
        },
    })
}

fn has_prefix(text: &str) -> bool {
    // The catalog's check is char-boundary safe (`cap€` must not panic).
    catalog::strip_cap_prefix(text).len() != text.len()
}

/// `net_raw` where Pod Security compares `NET_RAW`.
fn name_case(
    cx: &Context,
    s: &Spelled,
    list: ListKind,
    known: Option<&Capability>,
) -> Option<Finding> {
    let c = known?;
    if !s.text.trim().bytes().any(|b| b.is_ascii_lowercase()) {
        return None;
    }
    Some(name_case_finding(cx, s, list, c.short_name().to_string()))
}

/// A capability the chosen kernel does not have yet.
fn newer_than_kernel(
    cx: &Context,
    s: &Spelled,
    list: ListKind,
    known: Option<&Capability>,
) -> Option<Finding> {
    let c = known?;
    if cx.host.contains(c.number) {
        return None;
    }
    Some(unknown_capability(
        cx,
        s,
        list,
        UnknownReason::NewerThanKernel {
            cap: c.number,
            kernel: cx.opts.kernel,
        },
    ))
}

/// A name no kernel has.
fn no_kernel(
    cx: &Context,
    s: &Spelled,
    list: ListKind,
    known: Option<&Capability>,
) -> Option<Finding> {
    match known {
        Some(_) => None,
        None => Some(unknown_capability(cx, s, list, UnknownReason::NoKernel)),
    }
}

fn unknown_capability(cx: &Context, s: &Spelled, list: ListKind, why: UnknownReason) -> Finding {
    Finding {
        severity: Severity::Error,
        at: s.at.clone(),
        detail: Detail::UnknownCapability {
            written: s.text.clone(),
            list,
            runtime: cx.kind,
            why,
        },
    }
}

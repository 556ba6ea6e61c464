//! `--json` output: the core's serialised data, with the words a reader
//! needs added next to it (`message`, and `fix` for findings). JSON keys,
//! ids and masks come from the core and never depend on the language.

use crate::language::words;
use caplens_core::analysis::ContainerReport;
use caplens_core::k8s::harden::{self, Hardened};
use caplens_core::paste::InputContainer;
use caplens_core::set::CapSet;
use caplens_core::status::{self, Report, SetEntry};
use caplens_core::{container::ContainerSpec, mask, preset, risk};
use serde_json::{json, Value};

/// One container of `caplens k8s --json` / `caplens docker --json`.
pub fn container_report(report: &ContainerReport) -> Value {
    let mut v = serde_json::to_value(report).unwrap_or_default();
    let Some(obj) = v.as_object_mut() else {
        return v;
    };
    if let Some(Value::Array(items)) = obj.get_mut("findings") {
        for (item, f) in items.iter_mut().zip(&report.findings) {
            add(item, "message", words().finding_message(f));
            add(item, "fix", words().finding_fix(f));
        }
    }
    if let Some(Value::Array(items)) = obj.get_mut("notes") {
        for (item, n) in items.iter_mut().zip(&report.notes) {
            add(item, "message", words().runtime_note(n));
        }
    }
    if let (Some(item), Some(e)) = (obj.get_mut("error"), &report.creation_error) {
        add(item, "message", words().creation_error(e));
    }
    if let (Some(item), Some(f)) = (obj.get_mut("start_failure"), &report.start_failure) {
        add(item, "message", words().start_failure(f));
    }
    v
}

/// One container of `caplens k8s --json`: the report, plus the file it came
/// from, its Pod Security verdict and the hardened settings.
pub fn k8s_container(c: &InputContainer, report: &ContainerReport, file: &str) -> Value {
    let mut v = container_report(report);
    if let Some(obj) = v.as_object_mut() {
        obj.insert("file".into(), file.into());
        obj.insert(
            "pss".into(),
            json!({
                "baseline": c.pss.baseline(),
                "restricted": c.pss.restricted(),
                "violations": c.pss.violations.iter().map(|x| json!({
                    "check": x.check_id(),
                    "level": words().pss_level(x.level()),
                    "message": words().violation(x),
                })).collect::<Vec<_>>(),
            }),
        );
        obj.insert(
            "suggested".into(),
            harden::snippet_for(&c.spec, &c.hardened).into(),
        );
        obj.insert("peers".into(), peers(c, report));
    }
    v
}

/// Other analysers' verdicts on the container, each beside caplens'
/// analysis: `agrees`, and `reason_id` (null when it agrees).
fn peers(c: &InputContainer, report: &ContainerReport) -> Value {
    let results = caplens_core::peers::compare(&c.peers, &c.spec, report);
    results
        .iter()
        .map(|r| {
            json!({
                "tool": r.tool.id(),
                "version": r.version,
                "rule": r.rule,
                "scope": if r.scope.is_workload() { "workload" } else { "container" },
                "verdict": r.verdict,
                "agrees": r.agrees,
                "reason_id": r.reason.as_ref().map(|d| d.id()),
                "message": words().peer_message(r),
            })
        })
        .collect()
}

/// The container of `caplens docker --json`: the report, plus the hardened
/// settings as run options.
pub fn docker_container(
    spec: &ContainerSpec,
    report: &ContainerReport,
    hardened: &Hardened,
) -> Value {
    let mut v = container_report(report);
    if let Some(obj) = v.as_object_mut() {
        let flags = harden::snippet_for(spec, hardened);
        obj.insert("suggested".into(), flags.trim_end().into());
    }
    v
}

/// Every finding, note and error serialises as an object (their types
/// are structs or tagged enums); the words go in beside the data.
fn add(item: &mut Value, key: &str, text: String) {
    if let Some(o) = item.as_object_mut() {
        o.insert(key.to_string(), Value::String(text));
    }
}

/// One capability set of `caplens decode --json`: the mask, its names and
/// numbers, and the presets it matches.
pub fn decode_set(kind: Option<status::SetKind>, caps: CapSet, line: Option<u32>) -> Value {
    let c = preset::compare(caps);
    json!({
        "set": kind,
        "label": words().set_label(kind),
        "line": line,
        "mask": caps.hex16(),
        "capsh": mask::capsh_decode_line(caps),
        "names": caps.iter().map(mask::libcap_name).collect::<Vec<_>>(),
        "numbers": caps.iter().collect::<Vec<_>>(),
        "unknownBits": mask::unknown_bits(caps).iter().collect::<Vec<_>>(),
        "capabilities": caps.iter().map(|n| json!({
            "number": n,
            "name": mask::libcap_name(n),
            "danger": risk::danger(n),
            "summary": words().summary(n),
            "inPresets": preset::containing(n),
        })).collect::<Vec<_>>(),
        "presets": {
            "equals": c.equals.iter().map(|p| json!({"preset": p, "name": words().preset_name(*p)})).collect::<Vec<_>>(),
            "nearest": c.nearest.iter().map(|d| json!({
                "preset": d.preset,
                "name": words().preset_name(d.preset),
                "added": words().short_names(d.added),
                "removed": words().short_names(d.removed),
            })).collect::<Vec<_>>(),
            "kernel": c.kernel.map(|k| json!({"range": k, "text": words().kernel_range(&k)})),
        },
    })
}

/// One input of `caplens decode --json`: its sets and what else the text said.
pub fn decode_report(place: &str, r: &Report) -> Value {
    json!({
        "input": place,
        "source": r.source,
        "sets": r.sets.iter().map(|SetEntry { kind, caps, line }| decode_set(*kind, *caps, Some(*line))).collect::<Vec<_>>(),
        "noNewPrivs": r.no_new_privs,
        "seccomp": r.seccomp,
        "uid": r.uid,
        "gid": r.gid,
        "securebits": r.securebits,
        "notes": r.notes.iter().map(|n| json!({"note": n, "text": words().note(n)})).collect::<Vec<_>>(),
    })
}

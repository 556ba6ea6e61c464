//! `--json` output: the core's serialised data, with the words a reader
//! needs added next to it (`message`, and `fix` for findings). JSON keys,
//! ids and masks come from the core and never depend on the language.

use caplens_core::analysis::ContainerReport;
use caplens_words::containers as words;
use serde_json::{Map, Value};

/// One container of `caplens k8s --json` / `caplens docker --json`.
pub fn container_report(report: &ContainerReport) -> Value {
    let mut v = serde_json::to_value(report).unwrap_or_default();
    let Some(obj) = v.as_object_mut() else {
        return v;
    };
    if let Some(Value::Array(items)) = obj.get_mut("findings") {
        for (item, f) in items.iter_mut().zip(&report.findings) {
            add(item, "message", words::finding_message(f));
            add(item, "fix", words::finding_fix(f));
        }
    }
    if let Some(Value::Array(items)) = obj.get_mut("notes") {
        for (item, n) in items.iter_mut().zip(&report.notes) {
            add(item, "message", words::runtime_note(n));
        }
    }
    if let (Some(item), Some(e)) = (obj.get_mut("error"), &report.creation_error) {
        add(item, "message", words::creation_error(e));
    }
    if let (Some(item), Some(f)) = (obj.get_mut("start_failure"), &report.start_failure) {
        add(item, "message", words::start_failure(f));
    }
    v
}

fn add(item: &mut Value, key: &str, text: String) {
    if let Some(o) = item.as_object_mut() {
        o.insert(key.to_string(), Value::String(text));
    } else {
        // Every finding, note and error serialises as an object; should one
        // ever not, keep its data and still give the words.
        let data = std::mem::take(item);
        let mut o = Map::new();
        o.insert("data".into(), data);
        o.insert(key.to_string(), Value::String(text));
        *item = Value::Object(o);
    }
}

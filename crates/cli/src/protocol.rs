//! The JSON-lines protocol of `caplens exec`: one request object per line
//! in, one answer object per line out. A library function so it can be unit
//! tested and fuzzed; the CLI only loops over stdin.
//!
//! Request:
//! `{"before": {"uid", "euid"?, "suid"?, "inheritable", "permitted", "effective",
//!   "bounding", "ambient"?, "securebits"?, "no_new_privs"?},
//!   "file"?: {"setuid_root"?, "nosuid_mount"?, "caps"?: null | {"permitted",
//!   "inheritable", "effective"}}, "rule"?: "current" | "pre2025"}`.
//! Masks are 1 to 16 hex digits (an `0x` prefix is allowed). Any other
//! top-level key (such as `"id"`) is echoed back unchanged.
//!
//! Answer: the echoed keys, then `"after"` (`uid`, `euid`, and the five sets
//! as 16 lower-case hex digits, or `{"error": "EPERM"}`), then `"trace"` (the
//! steps in words) and, where they apply, `"notes"` and `"warnings"`. A line
//! that cannot be understood gets `{"error": "..."}` (plus the echoed keys
//! when the line was at least a JSON object).

use crate::language::words;
pub use caplens_core::exec::request::MAX_LINE;
use caplens_core::exec::request::{Expected, JsonType, ProtocolError};
use caplens_core::exec::{
    execve_with, ExecFile, ExecOptions, FileCaps, ProcessState, Securebits, SetidRule, Step,
};
use caplens_core::set::CapSet;
use serde_json::{Map, Value};

/// The securebits the kernel defines (bits 0–11); others cannot be set.
const KNOWN_SECUREBITS: u32 = 0xfff;

/// A parsed request.
#[derive(Clone, PartialEq, Debug)]
pub struct Request {
    pub before: ProcessState,
    pub file: ExecFile,
    pub options: ExecOptions,
    /// Top-level keys we do not know, in input order, to echo back.
    pub echo: Vec<(String, Value)>,
}

/// Answers one input line (without its newline). Never panics.
pub fn answer_line(line: &str) -> String {
    answer(line, None)
}

/// Like [`answer_line`], but error messages also name the input line
/// (1-based), as the CLI reading a stream wants.
pub fn answer_line_at(line_number: usize, line: &str) -> String {
    answer(line, Some(line_number))
}

/// Like [`answer_line_at`], for a raw line as read from a stream. Invalid
/// UTF-8 gets its own error instead of being patched with U+FFFD (which
/// would silently change echoed values such as an `"id"`).
pub fn answer_bytes_at(line_number: usize, bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(line) => answer_line_at(line_number, line),
        Err(e) => {
            let err = ProtocolError::NotUtf8 {
                column: e.valid_up_to() + 1,
            };
            let mut out = open_object(&Vec::new());
            push_key(
                &mut out,
                "error",
                &Value::String(words().protocol_error_at(line_number, &err)),
            );
            out.push('}');
            out
        }
    }
}

fn answer(line: &str, line_number: Option<usize>) -> String {
    match parse_request(line) {
        Ok(req) => answer_request(&req),
        Err((err, echo)) => {
            let mut out = open_object(&echo);
            let msg = match line_number {
                Some(n) => words().protocol_error_at(n, &err),
                None => words().protocol_error(&err),
            };
            push_key(&mut out, "error", &Value::String(msg));
            out.push('}');
            out
        }
    }
}

fn json_type(v: &Value) -> JsonType {
    match v {
        Value::Null => JsonType::Null,
        Value::Bool(_) => JsonType::Boolean,
        Value::Number(_) => JsonType::Number,
        Value::String(_) => JsonType::String,
        Value::Array(_) => JsonType::Array,
        Value::Object(_) => JsonType::Object,
    }
}

type Echo = Vec<(String, Value)>;

/// Parses a line; on error also returns whatever can be echoed.
pub fn parse_request(line: &str) -> Result<Request, (ProtocolError, Echo)> {
    if line.len() > MAX_LINE {
        return Err((ProtocolError::TooLong { len: line.len() }, Vec::new()));
    }
    let value: Value = serde_json::from_str(line).map_err(|e| {
        {
            // serde_json appends " at line L column C"; we report those separately.
            let full = e.to_string();
            let message = match full.rfind(" at line ") {
                Some(i) => full[..i].to_string(),
                None => full,
            };
            (
                ProtocolError::NotJson {
                    column: e.column(),
                    message,
                },
                Vec::new(),
            )
        }
    })?;
    let Value::Object(top) = value else {
        return Err((
            ProtocolError::NotObject {
                path: words().whole_line().to_string(),
            },
            Vec::new(),
        ));
    };
    let echo: Echo = top
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "before" | "file" | "rule"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    parse_top(&top)
        .map_err(|e| (e, echo.clone()))
        .map(|(before, file, options)| Request {
            before,
            file,
            options,
            echo,
        })
}

fn parse_top(
    top: &Map<String, Value>,
) -> Result<(ProcessState, ExecFile, ExecOptions), ProtocolError> {
    let before = match top.get("before") {
        None => {
            return Err(ProtocolError::Missing {
                path: "before".into(),
            })
        }
        Some(v) => parse_before(object(v, "before")?)?,
    };
    let file = match top.get("file") {
        None => ExecFile::default(),
        Some(v) => parse_file(object(v, "file")?)?,
    };
    let rule = match top.get("rule") {
        None => SetidRule::Current,
        Some(Value::String(s)) => match s.to_ascii_lowercase().as_str() {
            "current" => SetidRule::Current,
            "pre2025" | "pre-2025" => SetidRule::Pre2025,
            _ => return Err(ProtocolError::BadRule { value: s.clone() }),
        },
        Some(v) => {
            return Err(ProtocolError::WrongType {
                path: "rule".into(),
                expected: Expected::String,
                found: json_type(v),
            })
        }
    };
    Ok((
        before,
        file,
        ExecOptions {
            rule,
            ..Default::default()
        },
    ))
}

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, ProtocolError> {
    match v {
        Value::Object(m) => Ok(m),
        other => Err(ProtocolError::WrongType {
            path: path.into(),
            expected: Expected::Object,
            found: json_type(other),
        }),
    }
}

fn check_keys(m: &Map<String, Value>, path: &str, allowed: &[&str]) -> Result<(), ProtocolError> {
    match m.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(ProtocolError::UnknownKey {
            path: format!("{path}.{k}"),
        }),
        None => Ok(()),
    }
}

fn mask(m: &Map<String, Value>, path: &str, key: &str) -> Result<Option<CapSet>, ProtocolError> {
    let p = format!("{path}.{key}");
    match m.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => {
            let digits = s
                .strip_prefix("0x")
                .or_else(|| s.strip_prefix("0X"))
                .unwrap_or(s);
            if digits.is_empty()
                || digits.len() > 16
                || !digits.bytes().all(|b| b.is_ascii_hexdigit())
            {
                return Err(ProtocolError::BadMask {
                    path: p,
                    value: s.clone(),
                });
            }
            Ok(Some(CapSet(u64::from_str_radix(digits, 16).map_err(
                |_| ProtocolError::BadMask {
                    path: p.clone(),
                    value: s.clone(),
                },
            )?)))
        }
        Some(v) => Err(ProtocolError::WrongType {
            path: p,
            expected: Expected::HexString,
            found: json_type(v),
        }),
    }
}

fn required_mask(m: &Map<String, Value>, path: &str, key: &str) -> Result<CapSet, ProtocolError> {
    mask(m, path, key)?.ok_or_else(|| ProtocolError::Missing {
        path: format!("{path}.{key}"),
    })
}

fn int(
    m: &Map<String, Value>,
    path: &str,
    key: &str,
    max: u64,
) -> Result<Option<u64>, ProtocolError> {
    let p = format!("{path}.{key}");
    match m.get(key) {
        None => Ok(None),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if v <= max => Ok(Some(v)),
            _ => Err(ProtocolError::OutOfRange {
                path: p,
                value: n.to_string(),
                max,
            }),
        },
        Some(v) => Err(ProtocolError::WrongType {
            path: p,
            expected: Expected::Integer,
            found: json_type(v),
        }),
    }
}

fn boolean(m: &Map<String, Value>, path: &str, key: &str) -> Result<Option<bool>, ProtocolError> {
    match m.get(key) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(v) => Err(ProtocolError::WrongType {
            path: format!("{path}.{key}"),
            expected: Expected::Bool,
            found: json_type(v),
        }),
    }
}

fn parse_before(m: &Map<String, Value>) -> Result<ProcessState, ProtocolError> {
    const P: &str = "before";
    check_keys(
        m,
        P,
        &[
            "uid",
            "euid",
            "suid",
            "inheritable",
            "permitted",
            "effective",
            "bounding",
            "ambient",
            "securebits",
            "no_new_privs",
        ],
    )?;
    let max_id = u32::MAX as u64;
    let uid = int(m, P, "uid", max_id)?.ok_or_else(|| ProtocolError::Missing {
        path: "before.uid".into(),
    })? as u32;
    let euid = int(m, P, "euid", max_id)?.map_or(uid, |v| v as u32);
    let suid = int(m, P, "suid", max_id)?.map_or(euid, |v| v as u32);
    Ok(ProcessState {
        uid,
        euid,
        suid,
        inheritable: required_mask(m, P, "inheritable")?,
        permitted: required_mask(m, P, "permitted")?,
        effective: required_mask(m, P, "effective")?,
        bounding: required_mask(m, P, "bounding")?,
        ambient: mask(m, P, "ambient")?.unwrap_or_default(),
        securebits: Securebits(
            int(m, P, "securebits", KNOWN_SECUREBITS as u64)?.unwrap_or(0) as u32,
        ),
        no_new_privs: boolean(m, P, "no_new_privs")?.unwrap_or(false),
    })
}

fn parse_file(m: &Map<String, Value>) -> Result<ExecFile, ProtocolError> {
    const P: &str = "file";
    check_keys(m, P, &["setuid_root", "nosuid_mount", "caps"])?;
    let caps = match m.get("caps") {
        None | Some(Value::Null) => None,
        Some(Value::Object(c)) => {
            const C: &str = "file.caps";
            check_keys(c, C, &["permitted", "inheritable", "effective"])?;
            Some(FileCaps {
                permitted: mask(c, C, "permitted")?.unwrap_or_default(),
                inheritable: mask(c, C, "inheritable")?.unwrap_or_default(),
                effective: boolean(c, C, "effective")?.unwrap_or(false),
            })
        }
        Some(v) => {
            return Err(ProtocolError::WrongType {
                path: "file.caps".into(),
                expected: Expected::ObjectOrNull,
                found: json_type(v),
            })
        }
    };
    Ok(ExecFile {
        setuid_root: boolean(m, P, "setuid_root")?.unwrap_or(false),
        nosuid_mount: boolean(m, P, "nosuid_mount")?.unwrap_or(false),
        caps,
    })
}

fn open_object(echo: &Echo) -> String {
    let mut out = String::from("{");
    for (k, v) in echo {
        push_key(&mut out, k, v);
    }
    out
}

fn push_key(out: &mut String, key: &str, v: &Value) {
    if out.len() > 1 {
        out.push(',');
    }
    // Serialising a String or a Value cannot fail.
    out.push_str(&serde_json::to_string(key).unwrap_or_default());
    out.push(':');
    out.push_str(&serde_json::to_string(v).unwrap_or_default());
}

/// The answer to a parsed request.
pub fn answer_request(req: &Request) -> String {
    let t = execve_with(&req.before, &req.file, &req.options);
    let mut out = open_object(&req.echo);
    // Built by hand so the keys come out in the documented order.
    let after = match &t.outcome {
        Err(_) => r#"{"error":"EPERM"}"#.to_string(),
        Ok(a) => format!(
            r#"{{"uid":{},"euid":{},"inheritable":"{}","permitted":"{}","effective":"{}","bounding":"{}","ambient":"{}"}}"#,
            a.uid,
            a.euid,
            a.inheritable.hex16(),
            a.permitted.hex16(),
            a.effective.hex16(),
            a.bounding.hex16(),
            a.ambient.hex16()
        ),
    };
    if out.len() > 1 {
        out.push(',');
    }
    out.push_str(r#""after":"#);
    out.push_str(&after);
    let trace: Vec<Value> = t
        .trace
        .iter()
        .map(|s| Value::String(words().step(s)))
        .collect();
    push_key(&mut out, "trace", &Value::Array(trace));
    let notes: Vec<Value> = t
        .trace
        .iter()
        .filter_map(|s| match s {
            Step::SetidCheck(c) => words().setid_rule_note(c),
            _ => None,
        })
        .map(Value::String)
        .collect();
    if !notes.is_empty() {
        push_key(&mut out, "notes", &Value::Array(notes));
    }
    let warnings: Vec<Value> = req
        .before
        .invariant_problems()
        .iter()
        .map(|p| Value::String(words().state_problem(p)))
        .collect();
    if !warnings.is_empty() {
        push_key(&mut out, "warnings", &Value::Array(warnings));
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON: {e}: {s}"))
    }

    const PING: &str = r#"{"id": 7, "before": {"uid": 1000, "euid": 1000, "inheritable": "0000000000000000", "permitted": "0000000000000000", "effective": "0000000000000000", "bounding": "000001fffeffffff", "ambient": "0000000000000000", "securebits": 0, "no_new_privs": false}, "file": {"setuid_root": false, "caps": {"permitted": "0000000000002000", "inheritable": "0000000000000000", "effective": true}}}"#;

    #[test]
    fn invalid_utf8_is_named_with_its_byte_column() {
        let mut raw = PING.as_bytes().to_vec();
        raw[9] = 0xff; // inside the number 7's neighbourhood: `{"id": 7, ` → byte 10
        let v = parse(&answer_bytes_at(4, &raw));
        let msg = v["error"].as_str().unwrap();
        assert!(
            msg.contains("input line 4") && msg.contains("UTF-8") && msg.contains("byte 10"),
            "{msg}"
        );
        // Valid bytes go through the normal path unchanged.
        assert_eq!(
            parse(&answer_bytes_at(1, PING.as_bytes()))["after"]["uid"],
            1000
        );
    }

    #[test]
    fn issue_example_round_trip() {
        let v = parse(&answer_line(PING));
        assert_eq!(v["id"], 7);
        assert_eq!(v["after"]["uid"], 1000);
        assert_eq!(v["after"]["euid"], 1000);
        assert_eq!(v["after"]["permitted"], "0000000000002000");
        assert_eq!(v["after"]["effective"], "0000000000002000");
        assert_eq!(v["after"]["bounding"], "000001fffeffffff");
        assert_eq!(v["after"]["ambient"], "0000000000000000");
        assert!(v["trace"].as_array().unwrap().len() > 5);
        assert!(answer_line(PING).starts_with(r#"{"id":7,"after":{"uid":1000,"euid":1000,"inheritable":"0000000000000000","permitted":"0000000000002000","#));
    }

    #[test]
    fn eperm_is_reported_in_after() {
        let line = r#"{"before": {"uid": 0, "inheritable": "0", "permitted": "1fffeffffff", "effective": "1fffeffffff", "bounding": "1fffeffffff"}, "file": {"caps": {"permitted": "1000000", "inheritable": "0", "effective": true}}}"#;
        let v = parse(&answer_line(line));
        assert_eq!(v["after"], serde_json::json!({"error": "EPERM"}));
    }

    #[test]
    fn bad_lines_say_where() {
        let e = |s: &str| {
            parse(&answer_line(s))["error"]
                .as_str()
                .unwrap()
                .to_string()
        };
        assert!(e("{").contains("column 1"), "{}", e("{"));
        let v = parse(&answer_line_at(4, "nope"));
        assert!(
            v["error"]
                .as_str()
                .unwrap()
                .starts_with("input line 4: not valid JSON at column 2"),
            "{v}"
        );
        assert!(e("[1]").contains("object"));
        assert!(e(r#"{"before": {}}"#).contains("before.uid"));
        let bad = r#"{"id":"x","before": {"uid": 0, "inheritable": "zz", "permitted": "0", "effective": "0", "bounding": "0"}}"#;
        let v = parse(&answer_line(bad));
        assert!(v["error"].as_str().unwrap().contains("before.inheritable"));
        assert_eq!(v["id"], "x", "unknown keys are echoed even with an error");
        assert!(e(r#"{"before": {"uid": -1, "inheritable": "0", "permitted": "0", "effective": "0", "bounding": "0"}}"#)
            .contains("before.uid"));
        assert!(e(r#"{"before": {"uid": 0, "inheritable": "0", "permitted": "0", "effective": "0", "bounding": "0", "permited": "0"}}"#)
            .contains("before.permited"));
        assert!(e(r#"{"before": {"uid": 0, "inheritable": "11112222333344445", "permitted": "0", "effective": "0", "bounding": "0"}}"#)
            .contains("16"));
        assert!(e(&"x".repeat(MAX_LINE + 1)).contains("long"));
        assert!(e(r#"{"before": {"uid": 0, "inheritable": "0", "permitted": "0", "effective": "0", "bounding": "0"}, "file": {"caps": 3}}"#)
            .contains("file.caps"));
    }

    #[test]
    fn rule_option_and_note() {
        let base = r#""before": {"uid": 0, "euid": 1000, "inheritable": "2000", "permitted": "1fffeffffff", "effective": "0", "bounding": "1fffeffffff", "ambient": "2000", "no_new_privs": true}"#;
        let cur = parse(&answer_line(&format!("{{{base}}}")));
        assert_eq!(cur["after"]["ambient"], "0000000000002000");
        assert_eq!(cur["after"]["euid"], 1000);
        assert!(cur["notes"][0].as_str().unwrap().contains("2025"));
        let old = parse(&answer_line(&format!(r#"{{{base}, "rule": "pre2025"}}"#)));
        assert_eq!(old["after"]["ambient"], "0000000000000000");
        assert_eq!(old["after"]["euid"], 0);
    }

    #[test]
    fn impossible_state_warns() {
        let line = r#"{"before": {"uid": 1000, "inheritable": "0", "permitted": "0", "effective": "1", "bounding": "1fffeffffff"}}"#;
        let v = parse(&answer_line(line));
        assert!(v["warnings"][0].as_str().unwrap().contains("cap_chown"));
    }

    #[test]
    fn never_panics_on_garbage() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        let pieces = [
            "{",
            "}",
            "\"before\"",
            ":",
            ",",
            "\"uid\"",
            "0",
            "\"ff\"",
            "null",
            "[",
            "]",
            "true",
            "\"file\"",
            "\"caps\"",
            "-1",
            "1e9",
            "\"\\u0000\"",
        ];
        for _ in 0..3000 {
            let n = rng.gen_range(0..20);
            let s: String = (0..n)
                .map(|_| pieces[rng.gen_range(0..pieces.len())])
                .collect();
            let out = answer_line(&s);
            let v = parse(&out);
            assert!(
                v.get("after").is_some() || v.get("error").is_some(),
                "{s} -> {out}"
            );
        }
    }
}

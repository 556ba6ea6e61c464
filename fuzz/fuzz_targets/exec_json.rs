//! `caplens exec` JSON lines: every line gets exactly one JSON object back.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else { return };
    if line.contains('\n') {
        return;
    }
    let out = caplens_cli::protocol::answer_line(line);
    assert!(!out.contains('\n'), "answer spans lines: {out:?}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("answer is not JSON ({e}): {out:?}"));
    assert!(v.is_object(), "{out:?}");
});

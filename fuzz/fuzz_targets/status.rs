//! /proc/PID/status, capsh --print / --decode, getpcaps output.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = caplens_core::status::recognise(text);
});

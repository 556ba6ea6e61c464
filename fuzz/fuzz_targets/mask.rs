//! Masks and name lists as pasted into the decode view.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(set) = caplens_core::mask::parse_mask(text) {
        // A parsed mask printed as 16 hex digits must parse back to itself.
        assert_eq!(caplens_core::mask::parse_mask(&set.hex16()).ok(), Some(set));
        let _ = caplens_core::mask::capsh_decode_line(set);
    }
    let _ = caplens_core::mask::parse_names(text);
});

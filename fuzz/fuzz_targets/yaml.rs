//! The position-keeping YAML reader under every manifest parser.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Small limits too, so the limit checks themselves get exercised.
    let small = caplens_core::yaml::Limits { max_bytes: 4096, max_depth: 8, max_nodes: 200, max_alias_nodes: 50, max_documents: 4 };
    let _ = caplens_core::yaml::parse(text, &small);
    let _ = caplens_core::yaml::parse_default(text);
});

//! caplens' own YAML reader against saphyr-parser, the reader it replaced:
//! where both accept, the trees (values, styles, positions) must be equal;
//! where one refuses, so must the other.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../crates/yaml/tests/support/saphyr_ref.rs"]
mod saphyr_ref;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let small = caplens_core::yaml::Limits { max_bytes: 4096, max_depth: 8, max_nodes: 200, max_alias_nodes: 50, max_documents: 4 };
    for limits in [caplens_core::yaml::Limits::DEFAULT, small] {
        let ours = caplens_core::yaml::parse(text, &limits);
        let theirs = saphyr_ref::parse(text, &limits);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "trees differ for {text:?}"),
            (Err(_), Err(_)) => {}
            (Ok(_), Err(e)) if saphyr_ref::intentional_difference(text, true, e).is_some() => {}
            _ => panic!("one refuses, one accepts {text:?}:\n ours   {ours:?}\n theirs {theirs:?}"),
        }
    }
});

//! Randomly mangled manifests: reading, analysing and wording them never
//! panics, and every YAML error has a position (core and words together).

use caplens_core::yaml::YamlError;
use caplens_words::prelude::*;
use caplens_words::En;

#[test]
fn mangled_inputs_never_panic_and_errors_have_positions() {
    use rand::{Rng, SeedableRng};
    let seeds = [
        include_str!("../../../examples/cpb-demo-typo.yaml"),
        include_str!("../../../examples/bind-nonroot.yaml"),
        include_str!("../../../examples/compose.yaml"),
    ];
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x6b38_7321);
    let noise = [
        ":", "-", " ", "\n", "[", "]", "{", "}", "&a", "*a", "'", "\"", "\t", "---\n", "null", "0",
        "<<: *a",
    ];
    let settings = caplens_core::paste::Settings::default();
    for _ in 0..600 {
        let mut text: Vec<char> = seeds[rng.gen_range(0..seeds.len())].chars().collect();
        for _ in 0..rng.gen_range(1..6) {
            let at = rng.gen_range(0..=text.len());
            if rng.gen_bool(0.5) && at < text.len() {
                let end = (at + rng.gen_range(1..8)).min(text.len());
                text.drain(at..end);
            } else {
                let n = noise[rng.gen_range(0..noise.len())];
                for (i, ch) in n.chars().enumerate() {
                    text.insert(at + i, ch);
                }
            }
        }
        let text: String = text.into_iter().collect();
        match caplens_core::paste::read_yaml(&text) {
            Ok(input) => {
                for c in &input.containers {
                    let r = caplens_core::paste::report(c, &settings);
                    assert!(!En.report_text(&r).is_empty());
                }
            }
            Err(caplens_core::paste::PasteError::Yaml(e)) => {
                if !matches!(e, YamlError::TooLarge { .. }) {
                    let p = e.pos().expect("a position");
                    assert!(p.line >= 1 && p.column >= 1, "{e:?}\n{text}");
                }
                assert!(!En.yaml_error(&e).is_empty());
            }
            Err(other) => panic!("{other:?}\n{text}"),
        }
    }
}

//! The page's whole container pipeline: detect the form, read it, analyse
//! every container and turn the report into words, in every language.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = caplens_core::paste::detect(text);
    if let Ok(input) = caplens_core::paste::read(text) {
        let settings = caplens_core::paste::Settings::default();
        for c in input.containers.iter().take(8) {
            let report = caplens_core::paste::report(c, &settings);
            for lang in caplens_words::Lang::ALL {
                let _ = lang.words().report_text(&report);
            }
        }
    }
});

//! libcap text (setcap) and getcap output lines.
#![no_main]
use caplens_core::text::{self, Format, Style};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let kernel_caps = data.first().map_or(41, |b| b % 65);
    if let Ok(caps) = text::parse_for_kernel(input, kernel_caps) {
        // Whatever parses prints as text that parses back to the same sets,
        // in both styles.
        for style in [Style::Compact, Style::Pre241] {
            let printed = text::to_text_with(&caps, Format { kernel_caps, style });
            let again = text::parse_for_kernel(&printed, kernel_caps);
            assert_eq!(again.as_ref().ok(), Some(&caps), "{input:?} printed as {printed:?}");
        }
        let _ = caps.to_file_caps();
        // getcap's own line for these sets reads back to the same sets.
        let line = format!("/usr/bin/x {}", text::to_text_with(&caps, Format { kernel_caps, style: Style::Compact }));
        let entry = text::parse_getcap_line_for_kernel(&line, kernel_caps);
        assert_eq!(entry.as_ref().ok().and_then(|e| e.caps), Some(caps), "{line:?}");
    } else if let Err(e) = text::parse(input) {
        // Error positions point inside the input.
        assert!(e.offset <= input.len());
        for lang in caplens_words::Lang::ALL {
            let _ = lang.words().error(&e);
        }
    }
    let _ = text::parse_pasted(input);
    for (_, entry) in text::parse_getcap_output(input) {
        if let Err(e) = entry {
            assert!(e.offset <= input.len());
        }
    }
});

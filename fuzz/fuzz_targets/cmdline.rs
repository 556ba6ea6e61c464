//! A pasted `docker run` / `podman run` command line.
#![no_main]
use caplens_core::container::SourceKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = caplens_core::cmdline::parse_command(text, SourceKind::DockerRun);
    if let Ok(words) = caplens_core::cmdline::split_words(text) {
        let args: Vec<String> = words.into_iter().map(|w| w.text).collect();
        let _ = caplens_core::cmdline::parse_args(&args, SourceKind::PodmanRun);
    }
});

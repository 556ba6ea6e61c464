//! Kubernetes manifests: workloads, containers, securityContext merging.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(m) = caplens_core::k8s::read(text) {
        for c in &m.containers {
            let _ = c.pss(&m);
        }
    }
});

//! `caplens k8s` and `caplens docker` (being written).
use std::process::ExitCode;

pub fn run_k8s(_args: &[String]) -> ExitCode {
    eprintln!("caplens k8s: not available yet");
    ExitCode::from(2)
}

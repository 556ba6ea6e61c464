//! The layers hold because Cargo holds them: caplens-yaml → caplens-core →
//! caplens-words → the page and the CLI. This test fails when a manifest
//! lets a layer reach up or lets the web into the CLI, so the one-way flow
//! cannot silently break again (docs/architecture.md).

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The names in a manifest's `[dependencies]`-like tables (normal, dev,
/// build and per-target), as written.
fn dependencies(manifest: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(repo().join(manifest)).expect(manifest);
    let mut table = String::new();
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            table = line.trim_matches(|c| c == '[' || c == ']').to_string();
            continue;
        }
        if !table.ends_with("dependencies") || line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some((name, _)) = line.split_once('=') {
            out.push((
                table.clone(),
                name.trim().trim_end_matches(".workspace").to_string(),
            ));
        }
    }
    out
}

fn depends_on(manifest: &str, name: &str) -> Option<String> {
    dependencies(manifest)
        .into_iter()
        .find(|(_, n)| n == name)
        .map(|(t, _)| t)
}

#[test]
fn core_and_yaml_depend_on_no_words_no_web_no_json() {
    for manifest in ["crates/core/Cargo.toml", "crates/yaml/Cargo.toml"] {
        for banned in [
            "caplens-words",
            "caplens-cli",
            "caplens-web",
            "serde_json",
            "yew",
            "web-sys",
            "js-sys",
            "gloo",
            "wasm-bindgen",
        ] {
            assert_eq!(
                depends_on(manifest, banned),
                None,
                "{manifest} must not depend on {banned}"
            );
        }
    }
    assert!(depends_on("crates/core/Cargo.toml", "caplens-yaml").is_some());
}

#[test]
fn words_depend_on_the_core_only() {
    let deps = dependencies("crates/words/Cargo.toml");
    let names: Vec<&str> = deps.iter().map(|(_, n)| n.as_str()).collect();
    assert!(names.contains(&"caplens-core"), "{names:?}");
    for banned in [
        "caplens-cli",
        "caplens-web",
        "serde_json",
        "yew",
        "web-sys",
        "gloo",
    ] {
        assert!(
            !names.contains(&banned),
            "caplens-words must not depend on {banned}"
        );
    }
}

#[test]
fn the_cli_links_no_web_crate() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(repo())
        .args([
            "tree",
            "-p",
            "caplens-cli",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--offline",
        ])
        .output();
    let out = match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        Ok(o) => panic!("cargo tree failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => panic!("cannot run cargo tree: {e}"),
    };
    let crates: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(crates.contains(&"caplens-core"), "{out}");
    for banned in [
        "yew",
        "web-sys",
        "js-sys",
        "gloo",
        "wasm-bindgen",
        "caplens-web",
    ] {
        assert!(
            !crates.contains(&banned),
            "caplens-cli links {banned}:\n{out}"
        );
    }
}

#[test]
fn the_manifest_reader_sees_what_is_there() {
    // Guards the checks above against a reader that finds nothing.
    let cli = dependencies("crates/cli/Cargo.toml");
    assert!(cli.iter().any(|(_, n)| n == "serde_json"), "{cli:?}");
    assert!(depends_on("Cargo.toml", "yew").is_some());
}

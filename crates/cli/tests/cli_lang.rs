//! The CLI's language: `--lang`, the locale variables, and what changes
//! with the language (sentences) and what never does (JSON keys, ids,
//! masks, numbers). The Chinese text output of the examples must read as
//! Chinese: no run of English words outside identifiers and code.

use caplens_words::style::english_run;
use serde_json::Value;
use std::process::Command;

/// Runs caplens from the workspace root with only the given locale
/// variables set.
fn caplens(env: &[(&str, &str)], args: &[&str]) -> (i32, String, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_caplens"));
    c.current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        c.env_remove(var);
    }
    c.envs(env.iter().copied()).args(args);
    let out = c.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

const EXAMPLES: [&str; 6] = [
    "examples/bind-nonroot.yaml",
    "examples/bind-root.yaml",
    "examples/compose.yaml",
    "examples/cpb-demo-typo.yaml",
    "examples/cpb-demo.yaml",
    "examples/perf-sys-admin.yaml",
];

#[test]
fn the_locale_and_lang_choose_the_language() {
    let args = ["k8s", "examples/cpb-demo-typo.yaml"];
    let zh = [("LANG", "zh_CN.UTF-8")];
    assert!(has_cjk(&caplens(&zh, &args).1), "LANG=zh_CN gives Chinese");
    assert!(!has_cjk(&caplens(&[], &args).1), "no locale: English");
    let c_over_zh = [("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")];
    assert!(
        !has_cjk(&caplens(&c_over_zh, &args).1),
        "LC_ALL wins over LANG"
    );
    let messages = [("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")];
    assert!(
        has_cjk(&caplens(&messages, &args).1),
        "LC_MESSAGES wins over LANG"
    );
    let forced = ["--lang", "en", "k8s", "examples/cpb-demo-typo.yaml"];
    assert!(
        !has_cjk(&caplens(&zh, &forced).1),
        "--lang wins over the locale"
    );
    let forced = ["k8s", "--lang=zh-cn", "examples/cpb-demo-typo.yaml"];
    assert!(has_cjk(&caplens(&[], &forced).1));
}

#[test]
fn a_bad_lang_says_which_values_exist() {
    let (code, out, err) = caplens(&[], &["decode", "--lang", "fr", "0"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("`fr`") && err.contains("--lang"), "{err}");
    let (code, _, err) = caplens(&[], &["decode", "0", "--lang"]);
    assert_eq!(code, 2);
    assert!(err.contains("--lang"), "{err}");
    let (code, _, err) = caplens(&[("LANG", "zh_CN.UTF-8")], &["decode", "--lang", "fr", "0"]);
    assert_eq!(code, 2);
    assert!(has_cjk(&err), "worded in the locale's language: {err}");
}

/// Walks two JSON values of the same command in two languages: the same
/// keys, array lengths, numbers and booleans; a string may differ only by
/// being a translation (the Chinese one has Chinese in it).
fn same_but_words(path: &str, en: &Value, zh: &Value, translated: &mut usize) {
    match (en, zh) {
        (Value::Object(a), Value::Object(b)) => {
            let keys = |o: &serde_json::Map<String, Value>| o.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(a), keys(b), "{path}: keys");
            for (k, v) in a {
                same_but_words(&format!("{path}.{k}"), v, &b[k], translated);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{path}: length");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                same_but_words(&format!("{path}[{i}]"), x, y, translated);
            }
        }
        (Value::String(a), Value::String(b)) if a != b => {
            assert!(has_cjk(b), "{path}: {a:?} became {b:?}, not a translation");
            *translated += 1;
        }
        _ => assert_eq!(en, zh, "{path}"),
    }
}

#[test]
fn json_keeps_keys_ids_and_masks_and_translates_only_words() {
    let runs: Vec<Vec<&str>> = EXAMPLES
        .iter()
        .map(|f| vec!["k8s", "--json", *f])
        .chain([
            vec!["decode", "--json", "--explain", "CapBnd: 00000000a80425fb"],
            vec![
                "docker",
                "--json",
                "--",
                "docker",
                "run",
                "--cap-add",
                "sys_admin",
                "-u",
                "1000",
                "nginx",
            ],
        ])
        .collect();
    for args in runs {
        let (_, en, _) = caplens(&[("LANG", "C")], &args);
        let (_, zh, _) = caplens(&[("LANG", "zh_CN.UTF-8")], &args);
        let (en, zh): (Value, Value) = (
            serde_json::from_str(&en).unwrap(),
            serde_json::from_str(&zh).unwrap(),
        );
        let mut translated = 0;
        same_but_words("", &en, &zh, &mut translated);
        assert!(translated > 0, "{args:?}: nothing was translated");
    }
}

/// Each line of the Chinese text output, checked for English prose.
/// Lines that are code are left out: a suggested command line (flags),
/// YAML (a lower-case key, a list item) and YAML comments without Chinese.
fn english_lines(output: &str) -> Vec<String> {
    let code = |l: &str| {
        let t = l.trim_start();
        let key = t.split_once(':').is_some_and(|(k, _)| {
            k.starts_with(|c: char| c.is_ascii_lowercase())
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
        });
        !has_cjk(l) && (t.starts_with(['-', '#', '{', '"']) || key)
    };
    // An indented help line: the option or synopsis column is typed; the
    // description after the gap is prose.
    let prose = |l: &str| -> String {
        let t = l.trim_start();
        match t.split_once("  ") {
            Some((_, description)) if l.starts_with(' ') => description.to_string(),
            None if l.starts_with(' ') && (t.starts_with("caplens ") || t.starts_with('-')) => {
                String::new()
            }
            _ => l.to_string(),
        }
    };
    output
        .lines()
        .filter(|l| !code(l))
        .filter_map(|l| english_run(&prose(l)).map(|run| format!("{run:?} in {l:?}")))
        .collect()
}

#[test]
fn chinese_text_output_of_the_examples_reads_as_chinese() {
    let zh = [("LANG", "zh_CN.UTF-8")];
    let mut runs: Vec<Vec<&str>> = EXAMPLES.iter().map(|f| vec!["k8s", *f]).collect();
    runs.push(vec![
        "decode",
        "--explain",
        "--describe",
        "CapBnd: 00000000a80425fb",
    ]);
    runs.push(vec![
        "docker",
        "--",
        "docker",
        "run",
        "--cap-add",
        "NET_ADMIN",
        "-u",
        "1000",
        "busybox",
    ]);
    runs.push(vec!["help"]);
    for sub in ["decode", "exec", "k8s", "docker"] {
        runs.push(vec![sub, "--help"]);
    }
    let (_, list, _) = caplens(&zh, &["exec", "--example", "list"]);
    let examples: Vec<String> = list
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    assert!(examples.len() >= 5, "{list}");
    for ex in &examples {
        let (_, out, err) = caplens(&zh, &["exec", "--example", ex]);
        let bad = english_lines(&format!("{out}{err}"));
        assert!(bad.is_empty(), "exec --example {ex}:\n{}", bad.join("\n"));
    }
    for args in runs {
        let (_, out, err) = caplens(&zh, &args);
        assert!(
            has_cjk(&out) || has_cjk(&err),
            "{args:?}: no Chinese at all"
        );
        let bad = english_lines(&format!("{out}{err}"));
        assert!(bad.is_empty(), "{args:?}:\n{}", bad.join("\n"));
    }
}

//! Every string literal of every `zh_cn.rs` reads as Chinese: no run of
//! three English words (a sentence nobody translated) and the spacing rules
//! of `docs/glossary.md` §7. Format placeholders (`{name}`) stand as `#`
//! (their value decides the spacing around them); the option columns of the
//! CLI's help (`  --json  …`) are left out, as things users type.

use caplens_words::style::{english_run, spacing_error};
use std::path::Path;

/// The string literals of a Rust source file, with `\`-newline
/// continuations joined (as the compiler does) and escapes kept.
fn literals(src: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let bytes: Vec<char> = src.chars().collect();
    let (mut i, mut line) = (0, 1);
    while i < bytes.len() {
        let c = bytes[i];
        if c == '\n' {
            line += 1;
        }
        if c == '/' && bytes.get(i + 1) == Some(&'/') {
            while i < bytes.len() && bytes[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '\'' {
            // A char literal ('"' must not open a string); lifetimes pass.
            if bytes.get(i + 2) == Some(&'\'') {
                i += 3;
                continue;
            }
            if bytes.get(i + 1) == Some(&'\\') && bytes.get(i + 3) == Some(&'\'') {
                i += 4;
                continue;
            }
        }
        if c == '"' {
            let (start, mut s) = (line, String::new());
            i += 1;
            while i < bytes.len() && bytes[i] != '"' {
                if bytes[i] == '\\' && bytes.get(i + 1) == Some(&'\n') {
                    i += 2;
                    line += 1;
                    while i < bytes.len() && bytes[i].is_whitespace() {
                        if bytes[i] == '\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                    continue;
                }
                if bytes[i] == '\\' {
                    s.push(bytes[i]);
                    i += 1;
                }
                if bytes[i] == '\n' {
                    line += 1;
                }
                s.push(bytes[i]);
                i += 1;
            }
            out.push((start, s));
        }
        i += 1;
    }
    out
}

/// The prose of a literal: placeholders out, `\n` as line breaks, and of
/// each help line only the description after the option column.
fn prose(literal: &str) -> Vec<String> {
    let mut text = String::new();
    let mut depth = 0;
    for c in literal.replace("{{", "").replace("}}", "").chars() {
        match c {
            '{' => depth += 1,
            // A stand-in for the value: neither Latin nor Chinese, so the
            // spaces around it are the value's to decide ("uid {uid}，").
            '}' if depth == 1 => {
                depth = 0;
                text.push('#');
            }
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    // Help screens break lines inside the literal as well as with `\n`.
    text.split('\n')
        .flat_map(|l| l.split("\\n"))
        .map(|l| {
            let l = l.trim_end();
            if l.starts_with(' ') || l.starts_with("caplens ") {
                // "  --json          输出 JSON": the column before the gap is typed.
                l.trim_start()
                    .split_once("  ")
                    .map_or("", |(_, d)| d)
                    .trim()
                    .to_string()
            } else {
                l.to_string()
            }
        })
        .collect()
}

#[test]
fn chinese_sources_have_no_english_sentences_and_keep_the_spacing_rules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for module in std::fs::read_dir(&src).unwrap() {
        let file = module.unwrap().path().join("zh_cn.rs");
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let name = file.strip_prefix(&src).unwrap().display().to_string();
        for (line, lit) in literals(&text) {
            for p in prose(&lit) {
                if let Some(run) = english_run(&p) {
                    problems.push(format!("{name}:{line}: English \"{run}\" in \"{p}\""));
                }
                if let Some(pair) = spacing_error(&p) {
                    problems.push(format!("{name}:{line}: spacing \"{pair}\" in \"{p}\""));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_literal_reader_finds_what_it_should() {
    let src =
        "fn a() -> &'static str {\n    \"一 {n} 个\"\n}\nlet c = '\"';\n\"two \\\n    lines\"";
    let found = literals(src);
    assert_eq!(
        found,
        vec![(2, "一 {n} 个".to_string()), (5, "two lines".to_string())]
    );
    assert_eq!(prose("共 {n} 个"), vec!["共 # 个"]);
    assert_eq!(spacing_error(&prose("（uid {u}）")[0]), None);
    assert_eq!(
        prose("  --json   输出 JSON\\nread the file"),
        vec!["输出 JSON", "read the file"]
    );
    assert_eq!(
        prose("用法：\n  caplens k8s [options]\n  --json   输出 JSON"),
        vec!["用法：", "", "输出 JSON"]
    );
    assert!(english_run(&prose("this is English")[0]).is_some());
}

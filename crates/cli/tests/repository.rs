//! Checks over the repository's tracked files, not over caplens' behaviour:
//!
//! - every `§N` / `§N.N` reference (and both ends of a range `§3–7`) names a
//!   heading of `docs/*.md`, so the knowledge the code relies on lives in
//!   the repository (`docs/semantics.md`, `docs/users.md`);
//! - no tracked text file names a path of the machine it was written on
//!   (a home, root's home, a scratch or work directory);
//! - each workshop page's HTML is its language's page plus exactly the
//!   workshop's additions, so the four pages cannot drift apart.
//!
//! Files come from `git ls-files`; without git (or outside a checkout) the
//! tests print a SKIP line and pass.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Tracked files, relative to the repository root; `None` when git is
/// missing or this is not a checkout.
fn tracked_files() -> Option<Vec<String>> {
    let out = Command::new("git")
        .arg("ls-files")
        .current_dir(repo_root())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let list = String::from_utf8(out.stdout).ok()?;
    Some(list.lines().map(str::to_owned).collect())
}

/// The file's text; `None` for files that are gone from the work tree,
/// binary (NUL bytes) or not UTF-8.
fn read_text(rel: &str) -> Option<String> {
    let bytes = std::fs::read(repo_root().join(rel)).ok()?;
    if bytes.contains(&0) {
        return None;
    }
    String::from_utf8(bytes).ok()
}

// ---- § references ----

/// The section number a Markdown heading starts with: `## 1. Kernel` → "1",
/// `### 1.2 execve, step by step` → "1.2".
fn heading_number(line: &str) -> Option<String> {
    let rest = line.trim_start_matches('#');
    if rest.len() == line.len() || !rest.starts_with(' ') {
        return None;
    }
    let number = leading_number(rest.trim_start())?;
    Some(number.trim_end_matches('.').to_owned())
}

/// `1.2` from `1.2 steps…`, `3` from `3–7`; None when `s` starts with no digit.
fn leading_number(s: &str) -> Option<&str> {
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(s.len(), |(i, _)| i);
    let number = s[..end].trim_end_matches('.');
    number
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some(number)
}

/// Section numbers of each `docs/*.md`, by file name (`semantics.md`).
fn doc_headings(files: &[String]) -> BTreeMap<String, BTreeSet<String>> {
    let mut docs = BTreeMap::new();
    for rel in files {
        let Some(name) = rel.strip_prefix("docs/") else {
            continue;
        };
        if !name.ends_with(".md") || name.contains('/') {
            continue;
        }
        let text = read_text(rel).unwrap_or_default();
        let numbers = text.lines().filter_map(heading_number).collect();
        docs.insert(name.to_owned(), numbers);
    }
    docs
}

/// One `§` reference: the document it names (`users.md §1.5`), if any, and
/// the section numbers it needs (two for a range).
struct Reference {
    doc: Option<String>,
    sections: Vec<String>,
}

/// The numeric `§` references of one line. A `§` not followed by a number
/// (prose such as "§ below") is not a reference to check. In a list such as
/// "semantics.md §4, §8" the later items name the same document.
fn references(line: &str) -> Vec<Reference> {
    let mut found: Vec<Reference> = Vec::new();
    let mut previous_end = 0;
    for (at, _) in line.match_indices('§') {
        let after = line[at + '§'.len_utf8()..].trim_start();
        let Some(first) = leading_number(after) else {
            continue;
        };
        let mut sections = vec![first.to_owned()];
        let mut rest = &after[first.len()..];
        for dash in ['–', '-'] {
            if let Some(end) = rest.strip_prefix(dash).and_then(leading_number) {
                sections.push(end.to_owned());
                rest = &rest[dash.len_utf8() + end.len()..];
            }
        }
        let listed = matches!(line[previous_end..at].trim(), "," | "and" | "or" | ", and");
        let doc = match found.last() {
            Some(last) if listed => last.doc.clone(),
            _ => named_doc(&line[..at]),
        };
        found.push(Reference { doc, sections });
        previous_end = line.len() - rest.len();
    }
    found
}

/// `users.md` in "see users.md §1.5", "`docs/users.md` §1.5" or
/// "[users.md](users.md) §1.5" (the word right before the `§`).
fn named_doc(before: &str) -> Option<String> {
    let punctuation: &[char] = &['"', '\'', '`', '(', ')', '[', ']', '*', '_'];
    let word = before.split_whitespace().next_back()?;
    let word = word
        .trim_matches(punctuation)
        .rsplit(['(', '[', '/'])
        .next()?;
    let word = word.trim_matches(punctuation);
    word.ends_with(".md").then(|| word.to_owned())
}

/// Which files' references are checked.
fn checked_for_references(rel: &str) -> bool {
    [".rs", ".mjs", ".sh", ".toml", ".md"]
        .iter()
        .any(|ext| rel.ends_with(ext))
}

fn unresolved_references(files: &[String]) -> Vec<String> {
    let docs = doc_headings(files);
    let mut bad = Vec::new();
    for rel in files.iter().filter(|f| checked_for_references(f)) {
        let Some(text) = read_text(rel) else { continue };
        // An unnamed reference in a numbered doc (semantics.md) means its own
        // sections; anywhere else, a section of any doc.
        let own_doc = rel
            .strip_prefix("docs/")
            .filter(|name| docs.get(*name).is_some_and(|h| !h.is_empty()))
            .map(str::to_owned);
        for (n, line) in text.lines().enumerate() {
            for r in references(line) {
                let doc = r.doc.clone().or_else(|| own_doc.clone());
                let resolves = |s: &String| match &doc {
                    Some(d) => docs.get(d).is_some_and(|h| h.contains(s)),
                    None => docs.values().any(|h| h.contains(s)),
                };
                for s in r.sections.iter().filter(|s| !resolves(s)) {
                    let within = doc.as_deref().unwrap_or("docs/*.md");
                    bad.push(format!(
                        "{rel}:{}: §{s} is not a heading of {within}",
                        n + 1
                    ));
                }
            }
        }
    }
    bad
}

#[test]
fn section_references_name_headings_in_docs() {
    let Some(files) = tracked_files() else {
        println!("SKIP section_references_name_headings_in_docs: git is not available");
        return;
    };
    let bad = unresolved_references(&files);
    assert!(
        bad.is_empty(),
        "§ references without a heading in docs/:\n{}",
        bad.join("\n")
    );
}

// ---- paths of the build machine ----

/// Directories whose paths are specific to one machine. Built from pieces so
/// that this file does not match itself.
fn machine_dirs() -> Vec<String> {
    ["work", "tmp", "home", "root"]
        .iter()
        .map(|d| format!("/{d}/"))
        .collect()
}

/// Files that may name such paths: lockfiles (registry data) and this test.
fn exempt_from_paths(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    matches!(name, "Cargo.lock" | "package-lock.json") || rel == "crates/cli/tests/repository.rs"
}

/// Occurrences that are data, not a machine's path: (file, text).
const NOT_MACHINE_PATHS: [(&str, &str); 1] = [
    // A `getcap` output line whose path has spaces, in a parser test.
    ("crates/core/src/text.rs", "tmp/my tool"),
];

/// Whether `line` names a machine path: one of `machine_dirs` followed by a
/// name, not inside a longer path or a URL (`…/x/tmp/y`, `https://h/home/x`).
fn names_machine_path(line: &str, dirs: &[String]) -> Option<usize> {
    for dir in dirs {
        for (at, _) in line.match_indices(dir.as_str()) {
            let before = line[..at].chars().next_back();
            let inside_path = before.is_some_and(|c| c.is_alphanumeric() || "_.-/:".contains(c));
            let named = line[at + dir.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || "_.-$".contains(c));
            if named && !inside_path {
                return Some(at);
            }
        }
    }
    None
}

fn machine_paths(files: &[String]) -> Vec<String> {
    let dirs = machine_dirs();
    let mut bad = Vec::new();
    for rel in files.iter().filter(|f| !exempt_from_paths(f)) {
        let Some(text) = read_text(rel) else { continue };
        for (n, line) in text.lines().enumerate() {
            let allowed = NOT_MACHINE_PATHS
                .iter()
                .any(|(file, snippet)| rel == file && line.contains(snippet));
            if allowed {
                continue;
            }
            if let Some(at) = names_machine_path(line, &dirs) {
                let shown: String = line[at..].chars().take(60).collect();
                bad.push(format!("{rel}:{}: {shown}", n + 1));
            }
        }
    }
    bad
}

#[test]
fn no_paths_of_the_build_machine() {
    let Some(files) = tracked_files() else {
        println!("SKIP no_paths_of_the_build_machine: git is not available");
        return;
    };
    let bad = machine_paths(&files);
    assert!(
        bad.is_empty(),
        "tracked files name paths of a particular machine:\n{}",
        bad.join("\n")
    );
}

// ---- the checks themselves ----

#[test]
fn the_checks_recognise_what_they_look_for() {
    assert_eq!(heading_number("## 1. Kernel").as_deref(), Some("1"));
    assert_eq!(
        heading_number("### 1.2 execve, step by step").as_deref(),
        Some("1.2")
    );
    assert_eq!(heading_number("## Layout"), None);
    assert_eq!(heading_number("#![allow]"), None);

    let r = references("// §1.2 steps 3–5 and §3–7, see [users.md](users.md) §1.5, §2; § \"x\"");
    let sections: Vec<_> = r.iter().map(|r| r.sections.join(",")).collect();
    assert_eq!(sections, ["1.2", "3,7", "1.5", "2"]);
    let docs: Vec<_> = r.iter().map(|r| r.doc.as_deref()).collect();
    assert_eq!(docs, [None, None, Some("users.md"), Some("users.md")]);
    assert_eq!(
        named_doc("(\"docs/semantics.md").as_deref(),
        Some("semantics.md")
    );
    assert_eq!(named_doc("see `users.md`").as_deref(), Some("users.md"));
    assert_eq!(named_doc("see step"), None);

    let dirs = machine_dirs();
    let home = format!("see {}alice/x", dirs[2]);
    assert!(names_machine_path(&home, &dirs).is_some());
    assert!(names_machine_path("cat /proc/1/status /usr/bin/ping", &dirs).is_none());
    assert!(names_machine_path("https://example.org/home/x", &dirs).is_none());
    assert!(names_machine_path("src/tmp/x", &dirs).is_none());
}

// ---- the workshop's pages ----

/// The page's HTML without its leading comment (which says what the file is).
fn without_header(html: &str) -> String {
    let start = html.find("<!--").unwrap_or(0);
    let end = html[start..].find("-->").map_or(0, |e| start + e + 3);
    format!("{}{}", &html[..start], &html[end..])
}

/// The workshop page with its additions taken out: its stylesheet, its
/// long text (and that text's comment) and its cargo feature.
fn workshop_as_page(html: &str) -> String {
    let html = without_header(html);
    let kept: Vec<&str> = html
        .lines()
        .filter(|l| !l.contains("static/workshop.css"))
        .filter(|l| !l.contains("workshop.txt") && !l.contains("The workshop's long text"))
        .collect();
    kept.join("\n")
        .replace(" data-cargo-features=\"workshop\"", "")
        .replace("\"zh-cn,workshop\"", "\"zh-cn\"")
}

#[test]
fn each_workshop_page_is_its_language_page_plus_the_workshop() {
    for (page, workshop) in [
        ("index.html", "workshop.html"),
        ("index.zh-cn.html", "workshop.zh-cn.html"),
    ] {
        let (Some(p), Some(w)) = (read_text(page), read_text(workshop)) else {
            println!("SKIP: {page} or {workshop} missing");
            return;
        };
        assert!(
            w.contains("static/workshop.css") && w.contains("workshop.txt"),
            "{workshop}"
        );
        assert!(
            w.contains("workshop\" data-wasm-opt"),
            "{workshop}: the cargo feature"
        );
        let p = without_header(&p).lines().collect::<Vec<_>>().join("\n");
        assert_eq!(
            workshop_as_page(&w),
            p,
            "{workshop} differs from {page} beyond the workshop's additions"
        );
    }
}

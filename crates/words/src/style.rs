//! Checks on Chinese text, shared by the tests of every layer: a run of
//! English words where a translation belongs, and the spacing rules of
//! `docs/glossary.md` §7. They read text, not code; tests of the words,
//! the CLI's output and the page's DOM call them.

/// Words that may stand together in Chinese prose without backticks:
/// names the glossary keeps in English. Capability names, acronyms,
/// camel-case names, paths and other identifiers pass by their shape.
pub const KEPT_NAMES: &[&str] = &[
    "Pod",
    "Docker",
    "docker",
    "Podman",
    "containerd",
    "runc",
    "Kubernetes",
    "Linux",
    "libcap",
];

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// The first run of three or more English words in a row outside code
/// spans: most likely a sentence nobody translated. A run stops at any
/// non-ASCII character, so Chinese text and full-width punctuation end it.
pub fn english_run(t: &str) -> Option<String> {
    let prose: String = t.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let is_word = |tok: &str| {
        let tok = tok.trim_matches(|c| c == '.' || c == '-');
        let identifier = tok.contains(['_', '.', '/'])
            || tok.chars().any(|c| c.is_ascii_digit())
            || tok.chars().skip(1).any(|c| c.is_ascii_uppercase());
        tok.chars().filter(char::is_ascii_alphabetic).count() >= 2
            && !identifier
            && !KEPT_NAMES.contains(&tok)
    };
    for segment in prose.split(|c: char| !c.is_ascii()) {
        let mut run = Vec::new();
        let tokens = segment
            .split(|c: char| !(c.is_ascii_alphanumeric() || "_./-".contains(c)))
            .filter(|tok| !tok.is_empty());
        for tok in tokens {
            if !is_word(tok) {
                run.clear();
                continue;
            }
            run.push(tok);
            if run.len() >= 3 {
                return Some(run.join(" "));
            }
        }
    }
    None
}

/// Glossary §7: one space between Chinese and Latin letters, digits or
/// inline code; none next to full-width punctuation. Returns the first
/// pair of characters that breaks the rule.
pub fn spacing_error(t: &str) -> Option<String> {
    let latin = |c: char| c.is_ascii_alphanumeric() || c == '`';
    let full_width = |c: char| "，。、；：？！（）“”".contains(c);
    let chars: Vec<char> = t.chars().collect();
    chars.windows(2).find_map(|w| {
        let (a, b) = (w[0], w[1]);
        let bad = (is_cjk(a) && latin(b))
            || (latin(a) && is_cjk(b))
            || (a == ' ' && full_width(b))
            || (full_width(a) && b == ' ');
        bad.then(|| format!("{a}{b}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checks_on_chinese_text_catch_mistakes() {
        assert_eq!(english_run("允许调用 chroot(2)。"), None);
        assert_eq!(
            english_run("Pod 安全性标准（Pod Security Standards，PSS）。"),
            None
        );
        assert_eq!(
            english_run("用 `setcap cap_net_raw=+ep a b c` 标记。"),
            None
        );
        assert_eq!(
            english_run("它能 read and write any file。").as_deref(),
            Some("read and write")
        );
        assert_eq!(
            spacing_error("添加 `NET_ADMIN` 权能，自 Linux 5.8 起。"),
            None
        );
        assert_eq!(spacing_error("自Linux 5.8 起。").as_deref(), Some("自L"));
        assert_eq!(spacing_error("Linux 5.8起。").as_deref(), Some("8起"));
        assert_eq!(
            spacing_error("添加`NET_ADMIN` 权能。").as_deref(),
            Some("加`")
        );
        assert_eq!(
            spacing_error("权能 （capabilities）。").as_deref(),
            Some(" （")
        );
    }
}

//! The long explanation of each capability: what it allows, who needs it,
//! why it matters in a container. Written for caplens; the facts follow
//! capabilities(7) and the kernel, the wording is our own.
//!
//! They are the largest block of text caplens has, and most visits never
//! open one, so they live in a text file of their own
//! per language (`text/en/explanations.txt`, `text/zh-cn/explanations.txt`): the page fetches it the first time an
//! explanation is opened (the build copies it next to the page), and
//! native code reads the copy compiled in here
//! ([`ExplanationWords::explanations_source`]).
//!
//! The file is one section per capability, in number order:
//! `# CAP_NAME`, then the explanation on one line, then a blank line.

use caplens_core::cap::Cap;

/// The file's name next to the page; the page fetches it relative to its
/// own address.
pub const FILE_NAME: &str = "explanations.txt";

/// Every capability's explanation: the text file as it came.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Explanations {
    text: String,
}

/// What is wrong with an explanations file (a build or network problem:
/// the shipped file is checked by a test).
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum FileError {
    /// The section for `expected` is missing or out of order; `line` is
    /// where it was looked for (1-based).
    Section { expected: Cap, line: usize },
    /// The section for `cap` has no text on the line after its heading.
    Empty { cap: Cap },
    /// Text after the last capability's section.
    Trailing { line: usize },
}

impl Explanations {
    /// The file as fetched or compiled in; [`Explanations::check`] says
    /// whether it is well formed, [`Explanations::get`] finds one section.
    pub fn new(text: String) -> Explanations {
        Explanations { text }
    }

    /// The explanation of capability `cap`: the line after its heading
    /// (`None` for numbers no kernel defines, or a section the file lacks).
    pub fn get(&self, cap: u8) -> Option<&str> {
        let name = Cap::new(cap)?.kernel_name();
        let mut lines = self.text.lines();
        lines.find(|l| l.strip_prefix("# ").map(str::trim_end) == Some(name))?;
        lines.next().map(str::trim).filter(|t| !t.is_empty())
    }

    /// Checks the whole file: one `# CAP_NAME` heading per capability in
    /// number order, each followed by its text on one line, sections apart
    /// by blank lines, nothing after the last.
    pub fn check(text: &str) -> Result<(), FileError> {
        let mut lines = text.lines().enumerate().peekable();
        for cap in Cap::all() {
            while lines.next_if(|(_, l)| l.trim().is_empty()).is_some() {}
            let heading = lines.next();
            let at = heading.map_or(text.lines().count() + 1, |(n, _)| n + 1);
            if heading
                .and_then(|(_, l)| l.strip_prefix("# "))
                .map(str::trim_end)
                != Some(cap.kernel_name())
            {
                return Err(FileError::Section {
                    expected: cap,
                    line: at,
                });
            }
            if lines.next().is_none_or(|(_, l)| l.trim().is_empty()) {
                return Err(FileError::Empty { cap });
            }
        }
        match lines.find(|(_, l)| !l.trim().is_empty()) {
            Some((n, _)) => Err(FileError::Trailing { line: n + 1 }),
            None => Ok(()),
        }
    }
}

pub(crate) mod en;
pub(crate) mod zh_cn;

crate::sentences! {
    /// The sentences of this module, one implementation per language.
    pub trait ExplanationWords {
        /// The explanations file compiled into this program.
        fn explanations_source() -> &'static str;
        /// Said when the file lacks the section of a capability.
        fn missing(name: &str) -> String;
        /// Said when the file cannot be read or fetched, with what went wrong.
        fn unavailable(why: &str) -> String;
        /// The server answered the page's request for the file with an error.
        fn http_status(code: u16) -> String;
        /// The request for the file failed; `message` is the browser's.
        fn network(message: &str) -> String;
        /// Shown while the file is on its way.
        fn loading() -> &'static str;
    }
}

/// The explanations compiled into this program, in `words`' language.
pub fn bundled(words: &dyn ExplanationWords) -> Explanations {
    Explanations::new(words.explanations_source().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::{english_run, spacing_error};

    const SOURCE: &str = include_str!("../../text/en/explanations.txt");

    #[test]
    fn the_shipped_file_explains_every_capability() {
        assert_eq!(Explanations::check(SOURCE), Ok(()));
        let all = bundled(&crate::En);
        for cap in Cap::all() {
            let t = all.get(cap.number()).unwrap();
            let name = cap.kernel_name();
            assert!(t.len() > 100, "{name} explanation too short");
            assert!(t.ends_with('.'), "{name}");
            assert!(!t.contains("  "), "{name} has a double space");
        }
        assert_eq!(all.get(41), None);
    }

    #[test]
    fn the_dangerous_ones_say_why() {
        let all = bundled(&crate::En);
        let e = |c: Cap| all.get(c.number()).unwrap().to_string();
        assert!(e(Cap::DAC_READ_SEARCH).contains("Shocker"));
        assert!(e(Cap::SYS_ADMIN).contains("release_agent"));
        assert!(e(Cap::NET_BIND_SERVICE).contains("ambient"));
        assert!(e(Cap::NET_RAW).contains("ping"));
        assert!(e(Cap::PERFMON).contains("SYS_ADMIN"));
    }

    #[test]
    fn a_broken_file_says_where() {
        let check = Explanations::check;
        assert_eq!(
            check(""),
            Err(FileError::Section {
                expected: Cap::CHOWN,
                line: 1
            })
        );
        let swapped = SOURCE.replacen("# CAP_CHOWN", "# CAP_KILL", 1);
        assert_eq!(
            check(&swapped),
            Err(FileError::Section {
                expected: Cap::CHOWN,
                line: 1
            })
        );
        let no_text = "# CAP_CHOWN\n\n# CAP_DAC_OVERRIDE\nx\n";
        assert_eq!(check(no_text), Err(FileError::Empty { cap: Cap::CHOWN }));
        let two_lines =
            SOURCE.replacen("\n\n# CAP_DAC_OVERRIDE", "\nmore\n\n# CAP_DAC_OVERRIDE", 1);
        assert_eq!(
            check(&two_lines),
            Err(FileError::Section {
                expected: Cap::DAC_OVERRIDE,
                line: 3
            })
        );
        let trailing = format!("{SOURCE}\nmore\n");
        let line = SOURCE.lines().count() + 2;
        assert_eq!(check(&trailing), Err(FileError::Trailing { line }));
        // A section the page cannot find is missing, not a panic.
        let partial = Explanations::new("# CAP_CHOWN\nx.\n".into());
        assert_eq!(partial.get(0), Some("x."));
        assert_eq!(partial.get(1), None);
    }

    #[test]
    fn the_chinese_file_explains_every_capability() {
        let zh = include_str!("../../text/zh-cn/explanations.txt");
        assert_eq!(Explanations::check(zh), Ok(()));
        assert!(zh.ends_with("。\n") && !zh.ends_with("\n\n"));
        let (all, en) = (Explanations::new(zh.to_string()), bundled(&crate::En));
        for cap in Cap::all() {
            let t = all.get(cap.number()).unwrap();
            let name = cap.kernel_name();
            assert!(t.ends_with('。'), "{name} does not end with 。");
            assert!(!t.contains("  "), "{name} has a double space");
            assert_eq!(english_run(t), None, "{name}: untranslated English?");
            assert_eq!(spacing_error(t), None, "{name}: spacing");
            // Code stays exactly as the English text has it.
            let en = en.get(cap.number()).unwrap();
            for code in en.split('`').skip(1).step_by(2) {
                assert!(t.contains(&format!("`{code}`")), "{name} lacks `{code}`");
            }
        }
    }

    #[test]
    fn a_file_with_windows_line_ends_reads_the_same() {
        let crlf = SOURCE.replace('\n', "\r\n");
        assert_eq!(Explanations::check(&crlf), Ok(()));
        let all = Explanations::new(crlf);
        assert_eq!(all.get(13), bundled(&crate::En).get(13));
    }
}

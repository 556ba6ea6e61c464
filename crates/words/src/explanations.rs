//! The long explanation of each capability: what it allows, who needs it,
//! why it matters in a container. Written for caplens; the facts follow
//! capabilities(7) and the kernel, the wording is our own.
//!
//! They are the largest block of text caplens has, and most visits never
//! open one, so they live in a text file of their own
//! (`text/en/explanations.txt`): the page fetches it the first time an
//! explanation is opened (the build copies it next to the page), and
//! native code reads the copy compiled in here ([`bundled`]).
//!
//! The file is one section per capability, in number order:
//! `# CAP_NAME`, then the explanation on one line, then a blank line.

use caplens_core::cap::Cap;

/// The file's name next to the page; the page fetches it relative to its
/// own address.
pub const FILE_NAME: &str = "explanations.txt";

/// The explanations as the build ships them.
pub const SOURCE: &str = include_str!("../text/en/explanations.txt");

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

/// The explanations compiled into this program.
pub fn bundled() -> Explanations {
    Explanations::new(SOURCE.to_string())
}

/// Said when the file lacks the section of a capability.
pub fn missing(name: &str) -> String {
    format!(
        "The explanation of {name} is missing from the page's files. Reload the page to try again."
    )
}

/// Said when the file cannot be read or fetched, with what went wrong.
pub fn unavailable(why: &str) -> String {
    format!("The explanation could not be loaded ({why}). Reload the page to try again.")
}

/// The server answered the page's request for the file with an error.
pub fn http_status(code: u16) -> String {
    format!("the server answered {code}")
}

/// The request for the file failed; `message` is the browser's.
pub fn network(message: &str) -> String {
    if message.is_empty() {
        "the request failed".to_string()
    } else {
        format!("the request failed: {message}")
    }
}

/// Shown while the file is on its way.
pub const LOADING: &str = "Loading the explanation…";

/// The words for a malformed file.
pub fn file_error(e: &FileError) -> String {
    match e {
        FileError::Section { expected, line } => {
            format!(
                "line {line}: expected the section `# {}`",
                expected.kernel_name()
            )
        }
        FileError::Empty { cap } => format!("the section of {} has no text", cap.kernel_name()),
        FileError::Trailing { line } => format!("line {line}: text after the last capability"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_explains_every_capability() {
        assert_eq!(Explanations::check(SOURCE), Ok(()));
        let all = bundled();
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
        let all = bundled();
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
        assert!(file_error(&FileError::Trailing { line: 7 }).contains("line 7"));
        // A section the page cannot find is missing, not a panic.
        let partial = Explanations::new("# CAP_CHOWN\nx.\n".into());
        assert_eq!(partial.get(0), Some("x."));
        assert_eq!(partial.get(1), None);
    }

    #[test]
    fn a_file_with_windows_line_ends_reads_the_same() {
        let crlf = SOURCE.replace('\n', "\r\n");
        assert_eq!(Explanations::check(&crlf), Ok(()));
        let all = Explanations::new(crlf);
        assert_eq!(all.get(13), bundled().get(13));
    }
}

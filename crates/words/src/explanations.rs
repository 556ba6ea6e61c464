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
//! `# CAP_NAME`, then the explanation (one paragraph), then a blank line.

use caplens_core::cap::Cap;

/// The file's name next to the page; the page fetches it relative to its
/// own address.
pub const FILE_NAME: &str = "explanations.txt";

/// The explanations as the build ships them.
pub const SOURCE: &str = include_str!("../text/en/explanations.txt");

/// Every capability's explanation, read from the text file.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Explanations {
    texts: Vec<String>,
}

/// What is wrong with an explanations file (a build or network problem:
/// the shipped file is checked by a test).
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum FileError {
    /// The section for `expected` is missing or out of order; `line` is
    /// where it was looked for (1-based).
    Section { expected: Cap, line: usize },
    /// The section for `cap` has no text.
    Empty { cap: Cap },
    /// Text after the last capability's section.
    Trailing { line: usize },
}

impl Explanations {
    /// Reads the file: one `# CAP_NAME` heading per capability in number
    /// order, each followed by its text.
    pub fn parse(text: &str) -> Result<Explanations, FileError> {
        let mut lines = text.lines().enumerate().peekable();
        let mut texts = Vec::with_capacity(Cap::COUNT);
        for cap in Cap::all() {
            while lines.next_if(|(_, l)| l.trim().is_empty()).is_some() {}
            let heading = format!("# {}", cap.kernel_name());
            match lines.next() {
                Some((_, l)) if l.trim_end() == heading => {}
                Some((n, _)) => {
                    return Err(FileError::Section {
                        expected: cap,
                        line: n + 1,
                    })
                }
                None => {
                    let line = text.lines().count() + 1;
                    return Err(FileError::Section {
                        expected: cap,
                        line,
                    });
                }
            }
            // The text runs to the next blank line (a line break inside it
            // is a space).
            let mut body = String::new();
            while let Some((_, l)) = lines.next_if(|(_, l)| !l.trim().is_empty()) {
                if !body.is_empty() {
                    body.push(' ');
                }
                body.push_str(l.trim());
            }
            if body.is_empty() {
                return Err(FileError::Empty { cap });
            }
            texts.push(body);
        }
        match lines.find(|(_, l)| !l.trim().is_empty()) {
            Some((n, _)) => Err(FileError::Trailing { line: n + 1 }),
            None => Ok(Explanations { texts }),
        }
    }

    /// The explanation of capability `cap` (`None` for numbers no kernel
    /// defines).
    pub fn get(&self, cap: u8) -> Option<&str> {
        Cap::new(cap).map(|c| self.texts[c.index()].as_str())
    }
}

/// The explanations compiled into this program.
pub fn bundled() -> Explanations {
    Explanations::parse(SOURCE).expect("the shipped explanations file is checked by a test")
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
        assert_eq!(
            Explanations::parse(""),
            Err(FileError::Section {
                expected: Cap::CHOWN,
                line: 1
            })
        );
        let swapped = SOURCE.replacen("# CAP_CHOWN", "# CAP_KILL", 1);
        assert_eq!(
            Explanations::parse(&swapped),
            Err(FileError::Section {
                expected: Cap::CHOWN,
                line: 1
            })
        );
        let no_text = "# CAP_CHOWN\n\n# CAP_DAC_OVERRIDE\nx\n";
        assert_eq!(
            Explanations::parse(no_text),
            Err(FileError::Empty { cap: Cap::CHOWN })
        );
        let trailing = format!("{SOURCE}\nmore\n");
        let line = SOURCE.lines().count() + 2;
        assert_eq!(
            Explanations::parse(&trailing),
            Err(FileError::Trailing { line })
        );
        assert!(file_error(&FileError::Trailing { line: 7 }).contains("line 7"));
    }

    #[test]
    fn a_file_with_windows_line_ends_reads_the_same() {
        let crlf = SOURCE.replace('\n', "\r\n");
        assert_eq!(Explanations::parse(&crlf), Ok(bundled()));
    }
}

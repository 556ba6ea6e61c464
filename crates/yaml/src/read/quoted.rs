//! Single- and double-quoted scalars: escapes, folding, and what may
//! follow the closing quote.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn after_quote(&mut self) -> R<()> {
        let c = self.c();
        if self.eof() || blank(c) || brk(c) || c == b':' {
            return Ok(());
        }
        if !self.flows.is_empty() && flow_ind(c) {
            return Ok(());
        }
        if c == b'#' {
            return self.fail(SyntaxKind::CommentWithoutSpace);
        }
        self.fail(SyntaxKind::ContentAfterQuote)
    }

    /// A single- or double-quoted scalar starting at the cursor.
    pub(super) fn quoted(&mut self, parent: i32, flow: bool) -> R<Cow<'a, str>> {
        let _ = flow;
        let start = self.mark();
        let double = self.c() == b'"';
        let q = self.c();
        self.bump();
        let mut b = self.b;
        let mut out: Option<String> = None;
        let fail = |kind| Err(Fail { at: start, kind });
        loop {
            let s = self.i;
            let mut j = s;
            while j < b.len() && b[j] != q && !brk(b[j]) && !(double && b[j] == b'\\') {
                j += 1;
            }
            if j >= b.len() {
                if let (Some(_), SyntaxKind::MisplacedBom) = (self.nul, self.cut_kind) {
                    // A byte order mark inside quotes is text.
                    let o = out.get_or_insert_with(String::new);
                    o.push_str(&self.s[s..j]);
                    o.push('\u{feff}');
                    self.skip_to(j);
                    self.i += 3;
                    self.col += 1;
                    self.view_from(self.i);
                    b = self.b;
                    continue;
                }
                return fail(SyntaxKind::UnclosedQuote);
            }
            let c = b[j];
            if c == q {
                let seg = &self.s[s..j];
                self.skip_to(j);
                if !double && self.at(1) == b'\'' {
                    let o = out.get_or_insert_with(String::new);
                    o.push_str(seg);
                    o.push('\'');
                    self.bump();
                    self.bump();
                    continue;
                }
                self.bump();
                return Ok(match out {
                    None => Cow::Borrowed(seg),
                    Some(mut o) => {
                        o.push_str(seg);
                        Cow::Owned(o)
                    }
                });
            }
            if c == b'\\' {
                let seg = &self.s[s..j];
                self.skip_to(j);
                let o = out.get_or_insert_with(String::new);
                o.push_str(seg);
                self.escape(o, parent, start)?;
                continue;
            }
            // A line break inside the quotes: trailing blanks go, lines fold.
            let mut e = j;
            while e > s && blank(b[e - 1]) {
                e -= 1;
            }
            let seg = &self.s[s..e];
            self.skip_to(j);
            let o = out.get_or_insert_with(String::new);
            o.push_str(seg);
            let breaks = self.fold_lines(parent, start)?;
            if breaks == 1 {
                o.push(' ');
            } else {
                for _ in 1..breaks {
                    o.push('\n');
                }
            }
        }
    }

    /// A `\` escape in double quotes, at the cursor: appends what it
    /// stands for to `o` (an escaped line break joins the lines).
    fn escape(&mut self, o: &mut String, parent: i32, start: Mark) -> R<()> {
        let e = self.at(1);
        if brk(e) {
            self.bump();
            let breaks = self.fold_lines(parent, start)?;
            for _ in 1..breaks {
                o.push('\n');
            }
            return Ok(());
        }
        let ch = match e {
            b'x' | b'u' | b'U' => {
                let n = match e {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let ch = self.hex_char(n);
                if ch.is_some() {
                    self.i += n;
                    self.col += n as u32;
                }
                ch
            }
            _ => simple_escape(e),
        };
        let Some(ch) = ch else {
            return Err(Fail {
                at: start,
                kind: SyntaxKind::BadEscape,
            });
        };
        o.push(ch);
        self.i += 2;
        self.col += 2;
        Ok(())
    }

    /// The character named by the `n` hex digits after `\x`, `\u` or `\U`.
    fn hex_char(&self, n: usize) -> Option<char> {
        self.b
            .get(self.i + 2..self.i + 2 + n)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32)
    }

    /// At a line break inside quotes: skip it, empty lines and the next
    /// line's leading blanks; returns the number of breaks.
    pub(super) fn fold_lines(&mut self, parent: i32, start: Mark) -> R<u32> {
        let mut breaks = 0;
        loop {
            self.newline();
            breaks += 1;
            while self.c() == b' ' {
                self.bump();
            }
            if self.at_marker() {
                return Err(Fail {
                    at: start,
                    kind: SyntaxKind::DocumentMarkerInQuote,
                });
            }
            let ind = self.col as i32;
            self.skip_blanks();
            if self.eof() {
                return Err(Fail {
                    at: start,
                    kind: SyntaxKind::UnclosedQuote,
                });
            }
            if brk(self.c()) {
                continue;
            }
            let in_seq = self
                .blocks
                .last()
                .is_some_and(|o| o.kind == Kind::Seq && o.indent == parent);
            if self.flows.is_empty() && (ind < parent || ind == parent && !in_seq) {
                return Err(Fail {
                    at: start,
                    kind: SyntaxKind::BadIndentation,
                });
            }
            return Ok(breaks);
        }
    }
}

/// The character a one-letter escape stands for (`\n`, `\t`, ...).
fn simple_escape(e: u8) -> Option<char> {
    Some(match e {
        b'0' => '\0',
        b'a' => '\x07',
        b'b' => '\x08',
        b't' | b'\t' => '\t',
        b'n' => '\n',
        b'v' => '\x0b',
        b'f' => '\x0c',
        b'r' => '\r',
        b'e' => '\x1b',
        b' ' => ' ',
        b'"' => '"',
        b'/' => '/',
        b'\\' => '\\',
        b'N' => '\u{85}',
        b'_' => '\u{a0}',
        b'L' => '\u{2028}',
        b'P' => '\u{2029}',
        _ => return None,
    })
}

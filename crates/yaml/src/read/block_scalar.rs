//! `|` literal and `>` folded block scalars: the header, the indent, the
//! lines, chomping.

use super::*;

impl<'a> Parser<'a> {
    /// A `|` or `>` block scalar; `parent` is the indent of the collection
    /// it belongs to. Leaves the cursor at the start of the line after it.
    pub(super) fn block_scalar(&mut self, parent: i32) -> R<(Cow<'a, str>, Mark)> {
        let start = self.mark();
        let literal = self.c() == b'|';
        self.bump();
        let bad = Err(Fail {
            at: start,
            kind: SyntaxKind::BadBlockHeader,
        });
        let mut chomp = 0i8; // -1 strip, 0 clip, 1 keep
        let mut explicit = 0i32;
        for _ in 0..2 {
            match self.c() {
                b'+' | b'-' if chomp == 0 => {
                    chomp = if self.c() == b'+' { 1 } else { -1 };
                    self.bump();
                }
                c @ b'1'..=b'9' if explicit == 0 => {
                    explicit = (c - b'0') as i32;
                    self.bump();
                }
                b'0' => return bad,
                _ => break,
            }
        }
        let sp = self.skip_blanks();
        if self.c() == b'#' {
            if !sp {
                return bad;
            }
            self.skip_to_eol();
        }
        if !self.eof() && !brk(self.c()) {
            return bad;
        }
        if self.eof() {
            return Ok((Cow::Borrowed(""), start));
        }
        self.newline();
        let mut first: Option<Mark> = None;
        let b = self.b;
        let mut indent = if explicit > 0 {
            parent.max(0) + explicit
        } else {
            // The first non-empty line sets the indent.
            let mut k = self.i;
            let mut found = None;
            loop {
                let mut n = 0;
                while k < b.len() && b[k] == b' ' {
                    k += 1;
                    n += 1;
                }
                if k < b.len() && brk(b[k]) {
                    if b[k] == b'\r' && b.get(k + 1) == Some(&b'\n') {
                        k += 1;
                    }
                    k += 1;
                    continue;
                }
                if k < b.len() {
                    if b[k] == b'\t' && n < (parent + 1).max(1) {
                        return Err(Fail {
                            at: start,
                            kind: SyntaxKind::TabIndentation,
                        });
                    }
                    found = Some(n);
                }
                break;
            }
            match found {
                Some(n) if n > parent => n,
                // No text at all: every line is an empty one.
                _ => i32::MAX,
            }
        };
        // Only a document's top-level text may sit at column 0.
        if indent < 1 && parent >= 0 {
            indent = 1;
        }
        let mut out = String::new();
        // Breaks seen since the last content line (not yet written).
        let mut pending = 0usize;
        let mut any = false;
        let mut last_more = false;
        loop {
            // At the start of a line.
            let ls = self.i;
            let mut n = 0;
            while n < indent && self.c() == b' ' {
                self.i += 1;
                n += 1;
            }
            self.col = n as u32;
            let c = self.c();
            if self.eof() {
                // A last line of blanks counts as an empty line when its
                // blanks reach the indent (shorter, it is only the end).
                if self.i > ls && n >= indent {
                    pending += 1;
                }
                break;
            }
            if brk(c) {
                pending += 1;
                self.newline();
                continue;
            }
            first.get_or_insert(self.mark());
            if n < indent {
                // Blank-only line shorter than the indent is empty; anything else ends.
                let mut k = self.i;
                while k < b.len() && b[k] == b' ' {
                    k += 1;
                }
                if k < b.len() && brk(b[k]) {
                    self.skip_to(k);
                    pending += 1;
                    self.newline();
                    continue;
                }
                if k >= b.len() {
                    self.skip_to(k);
                    break;
                }
                if explicit > 0 && n > parent {
                    // Right of its parent but left of the stated indent.
                    return self.fail(SyntaxKind::BadIndentation);
                }
                // Back to the line's start for the next reader.
                self.i = ls;
                self.col = 0;
                break;
            }
            if self.col == 0 && self.at_marker() {
                break;
            }
            // A content line.
            let more = blank(c);
            if any {
                if literal || more || last_more {
                    for _ in 0..pending {
                        out.push('\n');
                    }
                } else if pending == 1 {
                    out.push(' ');
                } else {
                    for _ in 1..pending {
                        out.push('\n');
                    }
                }
            } else {
                for _ in 0..pending {
                    out.push('\n');
                }
            }
            let s = self.i;
            self.skip_to_eol();
            out.push_str(&self.s[s..self.i]);
            any = true;
            last_more = more;
            if self.eof() {
                pending = 1;
                break;
            }
            pending = 1;
            self.newline();
        }
        // A document marker ending the scalar sits at column 0.
        if self.col != 0 && !self.eof() {
            self.i -= self.col as usize;
            self.col = 0;
        }
        match chomp {
            -1 => {}
            0 => {
                if any && pending > 0 {
                    out.push('\n');
                }
            }
            _ => {
                for _ in 0..pending {
                    out.push('\n');
                }
            }
        }
        Ok((Cow::Owned(out), first.unwrap_or(start)))
    }
}

//! `|` literal and `>` folded block scalars: the header, the indent, the
//! lines, chomping.

use super::*;

/// What happens to the line breaks at the end of the text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Chomp {
    /// `-`: none are kept.
    Strip,
    /// No indicator: one is kept.
    Clip,
    /// `+`: all are kept.
    Keep,
}

/// The text of a block scalar as its lines are read.
#[derive(Default)]
struct Body {
    out: String,
    /// Breaks seen since the last content line (not yet written).
    pending: usize,
    /// A content line was seen.
    any: bool,
    /// The last content line was more indented (it starts with a blank).
    last_more: bool,
    /// Where the first line with text starts.
    first: Option<Mark>,
}

impl Body {
    /// Add a content line, writing the breaks before it as folding says.
    fn line(&mut self, text: &str, more: bool, literal: bool) {
        let out = &mut self.out;
        if self.any {
            if literal || more || self.last_more {
                for _ in 0..self.pending {
                    out.push('\n');
                }
            } else if self.pending == 1 {
                out.push(' ');
            } else {
                for _ in 1..self.pending {
                    out.push('\n');
                }
            }
        } else {
            for _ in 0..self.pending {
                out.push('\n');
            }
        }
        out.push_str(text);
        self.any = true;
        self.last_more = more;
        self.pending = 1;
    }

    /// The text with its final breaks chomped.
    fn finish(mut self, chomp: Chomp) -> String {
        match chomp {
            Chomp::Strip => {}
            Chomp::Clip => {
                if self.any && self.pending > 0 {
                    self.out.push('\n');
                }
            }
            Chomp::Keep => {
                for _ in 0..self.pending {
                    self.out.push('\n');
                }
            }
        }
        self.out
    }
}

impl<'a> Parser<'a> {
    /// A `|` or `>` block scalar; `parent` is the indent of the collection
    /// it belongs to. Leaves the cursor at the start of the line after it.
    pub(super) fn block_scalar(&mut self, parent: i32) -> R<(Cow<'a, str>, Mark)> {
        let start = self.mark();
        let literal = self.c() == b'|';
        self.bump();
        let (chomp, explicit) = self.block_header(start)?;
        if self.eof() {
            return Ok((Cow::Borrowed(""), start));
        }
        self.newline();
        let indent = self.block_indent(parent, explicit, start)?;
        let mut body = Body::default();
        self.block_lines(&mut body, indent, literal, parent, explicit)?;
        // A document marker ending the scalar sits at column 0.
        if self.col != 0 && !self.eof() {
            self.i -= self.col as usize;
            self.col = 0;
        }
        let first = body.first.unwrap_or(start);
        Ok((Cow::Owned(body.finish(chomp)), first))
    }

    /// The header after `|`/`>`: chomping and indentation indicators (in
    /// either order), then at most a comment.
    fn block_header(&mut self, start: Mark) -> R<(Chomp, i32)> {
        let bad = Err(Fail {
            at: start,
            kind: SyntaxKind::BadBlockHeader,
        });
        let mut chomp = Chomp::Clip;
        let mut explicit = 0i32;
        for _ in 0..2 {
            match self.c() {
                b'+' | b'-' if chomp == Chomp::Clip => {
                    chomp = if self.c() == b'+' {
                        Chomp::Keep
                    } else {
                        Chomp::Strip
                    };
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
        Ok((chomp, explicit))
    }

    /// The text's indent: the header's, or the first non-empty line's
    /// (`i32::MAX` when there is none). The cursor is at a line's start.
    fn block_indent(&self, parent: i32, explicit: i32, start: Mark) -> R<i32> {
        let b = self.b;
        let mut indent = if explicit > 0 {
            parent.max(0) + explicit
        } else {
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
        Ok(indent)
    }

    /// The lines of the text, up to the first line indented less than
    /// `indent` that is not empty, or a document marker, or the end.
    fn block_lines(
        &mut self,
        body: &mut Body,
        indent: i32,
        literal: bool,
        parent: i32,
        explicit: i32,
    ) -> R<()> {
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
                    body.pending += 1;
                }
                return Ok(());
            }
            if brk(c) {
                body.pending += 1;
                self.newline();
                continue;
            }
            body.first.get_or_insert(self.mark());
            if n < indent {
                if self.short_line(ls, n, parent, explicit)? {
                    body.pending += 1;
                    continue;
                }
                return Ok(());
            }
            if self.col == 0 && self.at_marker() {
                return Ok(());
            }
            // A content line.
            let s = self.i;
            self.skip_to_eol();
            body.line(&self.s[s..self.i], blank(c), literal);
            if self.eof() {
                return Ok(());
            }
            self.newline();
        }
    }

    /// A line with fewer than the text's indent of spaces (`n`; `ls` is its
    /// start). Blank-only, it is an empty line: skipped, `Ok(true)`.
    /// Anything else ends the text: `Ok(false)`, back at the line's start.
    fn short_line(&mut self, ls: usize, n: i32, parent: i32, explicit: i32) -> R<bool> {
        let b = self.b;
        let mut k = self.i;
        while k < b.len() && b[k] == b' ' {
            k += 1;
        }
        if k < b.len() && brk(b[k]) {
            self.skip_to(k);
            self.newline();
            return Ok(true);
        }
        if k >= b.len() {
            self.skip_to(k);
            return Ok(false);
        }
        if explicit > 0 && n > parent {
            // Right of its parent but left of the stated indent.
            return self.fail(SyntaxKind::BadIndentation);
        }
        // Back to the line's start for the next reader.
        self.i = ls;
        self.col = 0;
        Ok(false)
    }
}

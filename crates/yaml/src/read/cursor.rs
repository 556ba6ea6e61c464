//! The cursor: moving over characters and line breaks, skipping blanks,
//! comments and empty lines, the view cut at a NUL or an inner byte order
//! mark, and where an error is reported.

use super::*;

impl<'a> Parser<'a> {
    /// Read up to the next NUL or byte order mark after `from`; reaching
    /// it is an error unless a mark stands where one may.
    pub(super) fn view_from(&mut self, from: usize) {
        let fb = self.full.as_bytes();
        let mut k = from;
        let found = loop {
            match fb[k..].iter().position(|&c| c == 0 || c == 0xEF) {
                None => break None,
                Some(p) => {
                    let q = k + p;
                    if fb[q] == 0 || fb[q..].starts_with(b"\xEF\xBB\xBF") {
                        break Some(q);
                    }
                    k = q + 1;
                }
            }
        };
        match found {
            None => {
                self.b = fb;
                self.s = self.full;
                self.nul = None;
            }
            Some(q) => {
                self.b = &fb[..q];
                self.s = &self.full[..q];
                let run = &fb[self.i..q];
                let breaks = run.iter().filter(|&&c| c == b'\n').count() as u32;
                let col = match run.iter().rposition(|&c| c == b'\n') {
                    Some(n) => self.full[self.i + n + 1..q].chars().count() as u32,
                    None => self.col + self.full[self.i..q].chars().count() as u32,
                };
                self.nul = Some(Mark {
                    line: self.line + breaks,
                    col,
                });
                self.cut_kind = if fb[q] == 0 {
                    SyntaxKind::NulByte
                } else {
                    SyntaxKind::MisplacedBom
                };
            }
        }
    }

    pub(super) fn c(&self) -> u8 {
        self.b.get(self.i).copied().unwrap_or(0)
    }
    pub(super) fn at(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }
    pub(super) fn eof(&self) -> bool {
        self.i >= self.b.len()
    }
    pub(super) fn end_at(&self, k: usize) -> bool {
        let c = self.at(k);
        self.i + k >= self.b.len() || blank(c) || brk(c)
    }
    pub(super) fn mark(&self) -> Mark {
        Mark {
            line: self.line,
            col: self.col,
        }
    }
    /// The end of input sits on a line of its own.
    pub(super) fn eof_mark(&self) -> Mark {
        if self.eof() && self.col != 0 {
            Mark {
                line: self.line + 1,
                col: 0,
            }
        } else {
            self.mark()
        }
    }
    /// An error reported where the next non-empty line starts: the key on
    /// this line is known to be wrong only once the line is over.
    pub(super) fn fail_next_line<T>(&mut self, kind: SyntaxKind) -> R<T> {
        self.skip_to_eol();
        loop {
            if self.eof() {
                return self.fail(kind);
            }
            self.newline();
            self.skip_blanks();
            if !brk(self.c()) {
                return self.fail(kind);
            }
        }
    }

    /// An error at the character after the cursor.
    pub(super) fn fail_after<T>(&self, kind: SyntaxKind) -> R<T> {
        Err(Fail {
            at: Mark {
                line: self.line,
                col: self.col + 1,
            },
            kind,
        })
    }
    pub(super) fn fail<T>(&self, kind: SyntaxKind) -> R<T> {
        Err(Fail {
            at: self.eof_mark(),
            kind,
        })
    }
    pub(super) fn bump(&mut self) {
        if self.i < self.b.len() {
            if self.b[self.i] & 0xC0 != 0x80 {
                self.col += 1;
            }
            self.i += 1;
        }
    }
    /// Move over bytes of one line (no breaks), counting characters.
    pub(super) fn skip_to(&mut self, j: usize) {
        self.col += self.b[self.i..j]
            .iter()
            .filter(|&&c| c & 0xC0 != 0x80)
            .count() as u32;
        self.i = j;
    }
    pub(super) fn newline(&mut self) {
        if self.c() == b'\r' && self.at(1) == b'\n' {
            self.i += 1;
        }
        self.i += 1;
        self.line += 1;
        self.col = 0;
    }
    pub(super) fn skip_blanks(&mut self) -> bool {
        let s = self.i;
        while blank(self.c()) {
            self.i += 1;
            self.col += 1;
        }
        self.i > s
    }
    /// The text up to the next blank, break or the end.
    pub(super) fn token(&mut self) -> &'a str {
        let s = self.i;
        while !self.end_at(0) {
            self.bump();
        }
        &self.s[s..self.i]
    }
    pub(super) fn skip_to_eol(&mut self) {
        let mut j = self.i;
        while j < self.b.len() && !brk(self.b[j]) {
            j += 1;
        }
        self.skip_to(j);
    }
    pub(super) fn at_bom(&self) -> bool {
        self.b[self.i..].starts_with(b"\xEF\xBB\xBF")
    }
    /// `---` or `...` at the start of a line, followed by a blank or the end.
    pub(super) fn at_marker(&self) -> bool {
        self.col == 0
            && (self.b[self.i..].starts_with(b"---") || self.b[self.i..].starts_with(b"..."))
            && self.end_at(3)
    }
    pub(super) fn at_end(&mut self) -> R<bool> {
        while self.eof() {
            if let Some(at) = self.nul {
                let rest = &self.full.as_bytes()[self.i + 3.min(self.full.len() - self.i)..];
                let marker = (rest.starts_with(b"---") || rest.starts_with(b"..."))
                    && rest.get(3).is_none_or(|&c| blank(c) || brk(c))
                    || rest.iter().all(|&c| blank(c) || brk(c))
                    || rest.first().is_some_and(|&c| c == b'#' || brk(c));
                if self.cut_kind == SyntaxKind::MisplacedBom
                    && self.col == 0
                    && (self.bom_ok || marker)
                {
                    self.i += 3;
                    self.view_from(self.i);
                    continue;
                }
                return Err(Fail {
                    at,
                    kind: self.cut_kind,
                });
            }
            return Ok(true);
        }
        Ok(false)
    }

    /// Rest of the line: blanks and a comment only.
    pub(super) fn finish_line(&mut self, kind: SyntaxKind) -> R<()> {
        let sp = self.skip_blanks();
        match self.c() {
            b'#' if sp || self.col == 0 || blank(self.b[self.i - 1]) => {
                self.skip_to_eol();
                Ok(())
            }
            b'#' => self.fail(SyntaxKind::CommentWithoutSpace),
            c if brk(c) || self.eof() => Ok(()),
            _ => self.fail(kind),
        }
    }

    /// From the end of a line, skip empty and comment lines to the first
    /// content character. Returns false at the end of input.
    pub(super) fn next_content(&mut self) -> R<bool> {
        self.last_tab = None;
        loop {
            if self.at_end()? {
                return Ok(false);
            }
            if brk(self.c()) {
                self.newline();
            }
            while self.c() == b' ' {
                self.i += 1;
                self.col += 1;
            }
            if self.at_end()? {
                return Ok(false);
            }
            let c = self.c();
            if brk(c) {
                continue;
            }
            if c == b'#' {
                self.skip_to_eol();
                continue;
            }
            if c == b'\t' {
                // Tabs may follow enough indentation, never make it.
                let deep = self
                    .blocks
                    .last()
                    .is_none_or(|o| self.col as i32 > o.indent);
                if self.last_tab.is_none() {
                    self.last_tab = Some(self.mark());
                }
                self.skip_blanks();
                let c = self.c();
                if brk(c) || self.eof() {
                    continue;
                }
                if c == b'#' {
                    self.skip_to_eol();
                    continue;
                }
                if !deep {
                    return self.fail(SyntaxKind::TabIndentation);
                }
            }
            return Ok(true);
        }
    }
}

//! Plain (unquoted) scalars: what may start one, where one ends, and how
//! its lines fold.

use super::*;

impl<'a> Parser<'a> {
    /// Refuse characters that cannot start a plain scalar.
    pub(super) fn plain_start(&mut self, flow: bool) -> R<()> {
        let c = self.c();
        let next = self.at(1);
        let next_ends = self.end_at(1) || (flow && flow_ind(next));
        match c {
            // A `%` at a line's start reads as a directive whose name is missing.
            b'%' if self.col == 0 && self.end_at(1) => {
                self.fail_after(SyntaxKind::ReservedCharacter)
            }
            b'%' | b'@' | b'`' => self.fail(SyntaxKind::ReservedCharacter),
            // `?]` is the text "?", as in the reference.
            b'?' if flow && !self.end_at(1) => Ok(()),
            b'-' | b'?' | b':' if next_ends => {
                if c == b'-' && flow {
                    self.fail(SyntaxKind::DashInFlow)
                } else {
                    self.fail(SyntaxKind::UnexpectedCharacter)
                }
            }
            b'|' | b'>' if flow => Ok(()),
            b'#' | b'|' | b'>' | b'&' | b'*' | b'!' | b'\'' | b'"' => {
                self.fail(SyntaxKind::UnexpectedCharacter)
            }
            b',' | b'[' | b']' | b'{' | b'}' => self.fail(SyntaxKind::UnexpectedCharacter),
            _ if self.eof() => self.fail(SyntaxKind::UnexpectedEnd),
            _ => Ok(()),
        }
    }

    /// A plain scalar; lines after the first must be indented past `parent`.
    /// Returns the text and whether it spans lines.
    pub(super) fn plain(&mut self, parent: i32, flow: bool) -> R<(Cow<'a, str>, bool)> {
        let mut out: Option<String> = None;
        let mut first: &'a str = "";
        let mut multi = false;
        loop {
            // One line of text.
            let s = self.i;
            let b = self.b;
            let (j, end) = self.plain_line(flow);
            if j >= b.len() {
                if let Some(at) = self.nul {
                    // The text runs into a NUL or a byte order mark.
                    return Err(Fail {
                        at,
                        kind: self.cut_kind,
                    });
                }
            }
            let seg = &self.s[s..end];
            self.skip_to(end);
            match &mut out {
                None if !multi => first = seg,
                None => {}
                Some(o) => o.push_str(seg),
            }
            // Does the text go on at the next line?
            let mut k = end;
            while k < b.len() && blank(b[k]) {
                k += 1;
            }
            if k >= b.len() || !brk(b[k]) {
                if !flow && k < b.len() && b[k] == b'#' {
                    // A comment may not cut a text that goes on below it.
                    let mut e = k;
                    while e < b.len() && !brk(b[e]) {
                        e += 1;
                    }
                    if self.text_goes_on(e, parent) {
                        self.skip_to(k);
                        return self.fail(SyntaxKind::CommentInsideText);
                    }
                }
                break;
            }
            let Some(next) = self.plain_goes_on(k, parent, flow) else {
                break;
            };
            // Fold and go on.
            let o = out.get_or_insert_with(|| first.to_string());
            if next.breaks == 1 {
                o.push(' ');
            } else {
                for _ in 1..next.breaks {
                    o.push('\n');
                }
            }
            multi = true;
            self.i = next.i;
            self.line = next.line;
            self.col = next.col;
        }
        Ok((
            match out {
                Some(o) => Cow::Owned(o),
                None => Cow::Borrowed(first),
            },
            multi,
        ))
    }

    /// Scan one line of plain text from the cursor: where the scan
    /// stopped, and where the text ends (without trailing blanks).
    fn plain_line(&self, flow: bool) -> (usize, usize) {
        let (b, s) = (self.b, self.i);
        let mut j = s;
        let mut end = s;
        while j < b.len() {
            let c = b[j];
            if brk(c) {
                break;
            }
            if c == b':' {
                let n = b.get(j + 1).copied().unwrap_or(b' ');
                if blank(n) || brk(n) || (flow && flow_ind(n)) {
                    break;
                }
            } else if c == b'#' {
                if j > s && blank(b[j - 1]) {
                    break;
                }
            } else if flow && flow_ind(c) {
                break;
            } else if blank(c) {
                j += 1;
                continue;
            }
            j += 1;
            end = j;
        }
        (j, end)
    }

    /// From the break at `k` after a line of plain text: where the text
    /// goes on, past empty lines, or `None` where it ends (a comment, a
    /// document marker, the end, too little indentation, a flow indicator).
    fn plain_goes_on(&self, k: usize, parent: i32, flow: bool) -> Option<Fold> {
        let b = self.b;
        let (mut line, mut breaks) = (self.line, 0u32);
        let mut q = k;
        let mut ind;
        loop {
            // q is at a break.
            if b[q] == b'\r' && b.get(q + 1) == Some(&b'\n') {
                q += 1;
            }
            q += 1;
            line += 1;
            breaks += 1;
            ind = 0;
            while q < b.len() && b[q] == b' ' {
                q += 1;
                ind += 1;
            }
            let mut r = q;
            while r < b.len() && blank(b[r]) {
                r += 1;
            }
            if r < b.len() && brk(b[r]) {
                q = r;
                continue;
            }
            break;
        }
        let rest = &b[q..];
        let mut r = q;
        while r < b.len() && blank(b[r]) {
            r += 1;
        }
        if r >= b.len() {
            return None;
        }
        let c = b[r];
        if c == b'#' {
            return None;
        }
        if ind == 0 && (rest.starts_with(b"---") || rest.starts_with(b"...")) {
            let n = rest.get(3).copied().unwrap_or(b' ');
            if blank(n) || brk(n) {
                return None;
            }
        }
        if !flow && ind <= parent {
            return None;
        }
        if flow {
            let n = b.get(r + 1).copied().unwrap_or(b' ');
            if flow_ind(c) || (c == b':' && (blank(n) || brk(n) || flow_ind(n))) {
                return None;
            }
        }
        Some(Fold {
            breaks,
            i: r,
            line,
            col: (r - (q - ind as usize)) as u32,
        })
    }

    /// Whether the line after the break at `k` continues a block plain
    /// text (indented past `parent`, not a comment, marker or the end).
    pub(super) fn text_goes_on(&self, mut q: usize, parent: i32) -> bool {
        let b = self.b;
        loop {
            if q >= b.len() {
                return false;
            }
            if b[q] == b'\r' && b.get(q + 1) == Some(&b'\n') {
                q += 1;
            }
            q += 1;
            let ls = q;
            while q < b.len() && b[q] == b' ' {
                q += 1;
            }
            let ind = (q - ls) as i32;
            while q < b.len() && blank(b[q]) {
                q += 1;
            }
            if q >= b.len() {
                return false;
            }
            if brk(b[q]) {
                continue;
            }
            if b[q] == b'#' || ind <= parent {
                return false;
            }
            let rest = &b[ls..];
            if (rest.starts_with(b"---") || rest.starts_with(b"..."))
                && rest.get(3).is_none_or(|&c| blank(c) || brk(c))
            {
                return false;
            }
            return true;
        }
    }
}

/// Where a plain text goes on after its line breaks.
struct Fold {
    breaks: u32,
    /// The byte, line and column of the next line's first character.
    i: usize,
    line: u32,
    col: u32,
}

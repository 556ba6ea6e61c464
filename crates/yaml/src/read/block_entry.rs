//! After a block node: the next line closes the collections indented
//! deeper than it and must then be the next entry (`- item` or `key:`) of
//! the one on top.

use super::*;

impl<'a> Parser<'a> {
    /// A block node is complete: find the next entry of the open collections.
    pub(super) fn entry(&mut self, fresh: bool) -> R<()> {
        if !self.next_entry_line(fresh)? || self.at_marker() {
            return self.end_document();
        }
        let ind = self.col as i32;
        self.close_deeper(ind);
        let is_dash = self.c() == b'-' && self.end_at(1);
        let Some(top) = self.blocks.last().copied() else {
            return self.fail(SyntaxKind::ExpectedDocumentStart);
        };
        if top.indent < ind {
            return self.fail(SyntaxKind::BadIndentation);
        }
        match top.kind {
            Kind::Seq if is_dash => {
                self.bump();
                self.mode = Mode::Node {
                    parent: ind,
                    before: Before::Dash,
                };
                Ok(())
            }
            Kind::Seq => {
                // A list at its key's indent ends at the next key.
                let n = self.blocks.len();
                if n >= 2
                    && self.blocks[n - 2].indent == ind
                    && self.blocks[n - 2].kind == Kind::Map
                {
                    self.blocks.pop();
                    self.push(Event::SequenceEnd, self.mark());
                    self.map_entry(ind)
                } else {
                    self.seq_err = true;
                    self.map_key(ind)
                }
            }
            Kind::Map => self.map_entry(ind),
        }
    }

    /// Finish the node's line (unless `fresh`: the cursor is already at a
    /// line's start) and go to the next content line; false at the end.
    fn next_entry_line(&mut self, fresh: bool) -> R<bool> {
        if !fresh {
            let kind = if self.last_quoted {
                SyntaxKind::ContentAfterQuote
            } else {
                SyntaxKind::UnexpectedCharacter
            };
            self.finish_line(kind)?;
        }
        self.last_quoted = false;
        if !(fresh && !self.eof() && !brk(self.c())) {
            return self.next_content();
        }
        // At the start of a line: skip its indentation ourselves.
        while self.c() == b' ' {
            self.i += 1;
            self.col += 1;
        }
        let c = self.c();
        if !(c == b'#' || c == b'\t' || brk(c) || self.eof()) {
            return Ok(true);
        }
        if c == b'#' {
            self.skip_to_eol();
        }
        if c == b'\t' {
            self.skip_blanks();
            if !(brk(self.c()) || self.eof() || self.c() == b'#') {
                return self.fail(SyntaxKind::TabIndentation);
            }
            if self.c() == b'#' {
                self.skip_to_eol();
            }
        }
        self.next_content()
    }

    /// Close every block collection indented deeper than `ind`.
    fn close_deeper(&mut self, ind: i32) {
        while let Some(top) = self.blocks.last() {
            if top.indent <= ind {
                break;
            }
            let e = match top.kind {
                Kind::Seq => Event::SequenceEnd,
                Kind::Map => Event::MappingEnd,
            };
            if top.explicit {
                self.push(
                    Event::Scalar(Cow::Borrowed(""), Style::Plain, None),
                    self.mark(),
                );
            }
            self.blocks.pop();
            self.push(e, self.mark());
        }
    }

    /// A line at the indent of the block mapping on top.
    pub(super) fn map_entry(&mut self, ind: i32) -> R<()> {
        self.seq_err = false;
        let c = self.c();
        if c == b'?' && (self.i + 1 == self.b.len() || self.at(1) == b'\t') {
            // `?` wants a space after it.
            return self.fail_after(SyntaxKind::UnexpectedEnd);
        }
        let m = self.mark();
        let explicit = self.blocks.last().is_some_and(|o| o.explicit);
        if (c == b'?' || c == b':') && self.end_at(1) {
            if explicit && c == b'?' {
                self.push(Event::Scalar(Cow::Borrowed(""), Style::Plain, None), m);
            }
            if !explicit && c == b':' {
                self.push(Event::Scalar(Cow::Borrowed(""), Style::Plain, None), m);
            }
            if let Some(o) = self.blocks.last_mut() {
                o.explicit = c == b'?';
            }
            self.bump();
            self.mode = Mode::Node {
                parent: ind,
                before: if c == b'?' {
                    Before::Question
                } else {
                    Before::Value
                },
            };
            return Ok(());
        }
        if explicit {
            self.push(Event::Scalar(Cow::Borrowed(""), Style::Plain, None), m);
            if let Some(o) = self.blocks.last_mut() {
                o.explicit = false;
            }
        }
        if c == b'-' && self.end_at(1) {
            // Reported after the `-` and its blanks.
            self.bump();
            self.skip_blanks();
            return self.fail(SyntaxKind::ExpectedKey);
        }
        self.map_key(ind)
    }

    /// The next key of the block mapping open at `ind`.
    pub(super) fn map_key(&mut self, ind: i32) -> R<()> {
        let mark = self.mark();
        let mut anchor = None;
        let mut tag = false;
        let mut props_mark = None;
        loop {
            if self.props(&mut anchor, &mut tag)? {
                props_mark.get_or_insert(mark);
                if !self.skip_blanks() && !self.eof() && !brk(self.c()) {
                    return self.fail(SyntaxKind::UnexpectedCharacter);
                }
                if self.eof() || brk(self.c()) || self.c() == b'#' {
                    return self.fail(SyntaxKind::ExpectedKey);
                }
                continue;
            }
            break;
        }
        let c = self.c();
        if c == b'|' || c == b'>' {
            // Read as the text it starts; the error is where it ends.
            self.block_scalar(ind)?;
            if !self.next_content()? {
                return Err(Fail {
                    at: self.eof_mark(),
                    kind: SyntaxKind::ExpectedKey,
                });
            }
            return self.fail(SyntaxKind::ExpectedKey);
        }
        if (c == b'-' && self.end_at(1)) || self.at_bom() {
            return self.fail(if self.at_bom() {
                SyntaxKind::MisplacedBom
            } else {
                SyntaxKind::ExpectedKey
            });
        }
        let key = KeyCtx {
            slot: None,
            parent: ind,
            cont: Some(ind),
            indent: ind,
            line: mark.line,
            mark,
            map_anchor: None,
            line_props: None,
            clash: None,
        };
        self.content(key, anchor, props_mark.is_some() || tag, props_mark)
    }
}

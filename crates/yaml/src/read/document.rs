//! Between documents: `---` and `...` markers, `%YAML`/`%TAG`
//! directives, byte order marks, and closing a document.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn stream(&mut self) -> R<()> {
        self.bom_ok = true;
        loop {
            // At the start of a line (or of the input).
            if self.at_bom() {
                self.i += 3;
            }
            if !self.next_content()? {
                if self.directives {
                    return self.fail(SyntaxKind::ExpectedDocumentStart);
                }
                self.mode = Mode::Done;
                self.push(Event::StreamEnd, self.mark());
                return Ok(());
            }
            if self.at_bom() {
                if self.col == 0 {
                    continue;
                }
                return self.fail(SyntaxKind::MisplacedBom);
            }
            let c = self.c();
            if c == b'%' && self.col == 0 {
                if !self.ended_explicitly {
                    return self.fail(SyntaxKind::ExpectedDocumentStart);
                }
                self.directive()?;
                continue;
            }
            if self.at_marker() && c == b'.' {
                if self.directives {
                    return self.fail(SyntaxKind::ExpectedDocumentStart);
                }
                self.skip_to(self.i + 3);
                self.finish_line(SyntaxKind::ContentAfterDocumentEnd)?;
                self.ended_explicitly = true;
                self.directives = false;
                continue;
            }
            if self.directives && !self.at_marker() {
                // Directives must be followed by `---`.
                return self.fail(SyntaxKind::ExpectedDocumentStart);
            }
            let m = self.mark();
            self.bom_ok = false;
            self.push(Event::DocumentStart, m);
            self.directives = false;
            self.ended_explicitly = false;
            if self.at_marker() {
                self.skip_to(self.i + 3);
                self.mode = Mode::Node {
                    parent: -1,
                    before: Before::DocStart,
                };
            } else {
                self.mode = Mode::Node {
                    parent: -1,
                    before: Before::Nothing,
                };
            }
            return Ok(());
        }
    }

    /// A `%` line between documents.
    pub(super) fn directive(&mut self) -> R<()> {
        let m = self.mark();
        self.bump();
        let name = self.token();
        if name.is_empty() {
            // `%` then a blank: the directive has no name.
            return Err(Fail {
                at: Mark {
                    line: m.line,
                    col: m.col + 1,
                },
                kind: SyntaxKind::BadDirective,
            });
        }
        if !self.directives {
            self.tags.clear();
            self.yaml_seen = false;
        }
        self.directives = true;
        let ok = match name {
            "YAML" => self.yaml_directive(),
            "TAG" => self.tag_directive(),
            _ => {
                // Reserved directives are ignored.
                self.skip_to_eol();
                return Ok(());
            }
        };
        if !ok {
            return Err(Fail {
                at: m,
                kind: SyntaxKind::BadDirective,
            });
        }
        self.finish_line(SyntaxKind::BadDirective)
    }

    /// `%YAML 1.2`, once per document; false if malformed or repeated.
    fn yaml_directive(&mut self) -> bool {
        if self.yaml_seen {
            return false;
        }
        self.yaml_seen = true;
        self.skip_blanks();
        let v = self.token();
        v.split_once('.').is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        })
    }

    /// `%TAG !handle! prefix`: declares the handle; false if malformed.
    fn tag_directive(&mut self) -> bool {
        self.skip_blanks();
        // The handle: `!`, `!!` or `!name!` (it ends at its last `!`).
        let s = self.i;
        if self.c() != b'!' {
            return false;
        }
        self.bump();
        let mut k = self.i;
        while k < self.b.len() && (self.b[k].is_ascii_alphanumeric() || self.b[k] == b'-') {
            k += 1;
        }
        if self.b.get(k) == Some(&b'!') {
            self.skip_to(k + 1);
        } else if k != self.i {
            return false;
        }
        let handle = &self.s[s..self.i];
        self.skip_blanks();
        let prefix = self.token().as_bytes();
        let uri = |c: &u8| c.is_ascii_alphanumeric() || b"-#;/?:@&=+$,_.!~*'()[]%".contains(c);
        // A global prefix may not start with a flow indicator.
        if prefix.is_empty() || !prefix.iter().all(uri) || flow_ind(prefix[0]) {
            return false;
        }
        self.tags.insert(handle, ());
        true
    }

    /// Close every open block collection and the document.
    pub(super) fn end_document(&mut self) -> R<()> {
        let m = self.eof_mark();
        while let Some(o) = self.blocks.pop() {
            if o.explicit {
                self.push(Event::Scalar(Cow::Borrowed(""), Style::Plain, None), m);
            }
            self.push(
                match o.kind {
                    Kind::Seq => Event::SequenceEnd,
                    Kind::Map => Event::MappingEnd,
                },
                m,
            );
        }
        self.push(Event::DocumentEnd, m);
        // Directives hold for one document only.
        self.tags.clear();
        self.yaml_seen = false;
        if !self.eof() && self.c() == b'.' {
            self.skip_to(self.i + 3);
            self.finish_line(SyntaxKind::ContentAfterDocumentEnd)?;
            self.ended_explicitly = true;
        }
        self.mode = Mode::Stream;
        Ok(())
    }
}

//! Flow collections (`[...]`, `{...}`), with their own stack: entries,
//! `key: value` pairs, one-pair mappings inside lists, closing brackets.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn open_flow(&mut self, c: u8, anchor: Option<&'a str>, at: Mark) -> R<()> {
        if self.flows.len() >= MAX_FLOW_DEPTH {
            return self.fail(SyntaxKind::TooDeep);
        }
        let kind = if c == b'[' {
            self.push(Event::SequenceStart(anchor), at);
            FlowKind::Seq
        } else {
            self.push(Event::MappingStart(anchor), at);
            FlowKind::Map
        };
        self.bump();
        self.flows.push(Flow {
            kind,
            want: FlowWant::Entry,
            slot: None,
            line: self.line,
            explicit: false,
        });
        Ok(())
    }

    /// Skip blanks, breaks and comments inside a flow collection.
    pub(super) fn flow_space(&mut self, parent: i32) -> R<()> {
        loop {
            let sp = self.skip_blanks();
            let c = self.c();
            if c == b'#' {
                if !sp && self.col != 0 {
                    return self.fail(SyntaxKind::CommentWithoutSpace);
                }
                self.skip_to_eol();
                continue;
            }
            if brk(c) {
                self.newline();
                while self.c() == b' ' {
                    self.bump();
                }
                if self.at_marker() {
                    return self.fail(SyntaxKind::UnclosedFlow);
                }
                self.skip_blanks();
                let c = self.c();
                if !brk(c) && !self.eof() && c != b'#' && c != b']' && c != b'}' && c != b',' {
                    // Plain text must sit right of its block; other tokens
                    // may share its column, but not column 0.
                    let col = self.col as i32;
                    let plain =
                        !matches!(c, b'[' | b'{' | b'\'' | b'"' | b'!' | b'&' | b'*' | b',')
                            && !(matches!(c, b'?' | b':')
                                && (self.end_at(1) || flow_ind(self.at(1))));
                    let in_map = self.blocks.last().is_some_and(|o| o.kind == Kind::Map);
                    if col < parent || col == parent && (plain || col == 0 && in_map) {
                        return self.fail(SyntaxKind::BadIndentation);
                    }
                }
                continue;
            }
            if self.eof() {
                if let Some(at) = self.nul {
                    return Err(Fail {
                        at,
                        kind: SyntaxKind::NulByte,
                    });
                }
                return self.fail(SyntaxKind::UnclosedFlow);
            }
            return Ok(());
        }
    }

    /// One step inside flow collections.
    pub(super) fn flow(&mut self, key: KeyCtx<'a>) -> R<()> {
        self.flow_space(key.parent)?;
        let top = *self.flows.last().unwrap();
        let c = self.c();
        let closer = if top.kind == FlowKind::Map {
            b'}'
        } else {
            b']'
        };
        match top.want {
            FlowWant::Next => {
                if c == b',' {
                    self.bump();
                    self.top().want = FlowWant::Entry;
                    return Ok(());
                }
                if c == closer {
                    return self.close_flow(key);
                }
                self.fail(SyntaxKind::ExpectedComma)
            }
            FlowWant::Colon => self.flow_colon(top.kind, c, closer),
            FlowWant::Value => {
                if c == b',' || c == closer {
                    let m = self.colon;
                    self.push(Event::Scalar(Cow::Borrowed(""), Style::Plain, None), m);
                    self.entry_done()?;
                    return Ok(());
                }
                self.flow_node(key, false)
            }
            FlowWant::Entry => self.flow_entry(key, top.kind, c, closer),
        }
    }

    /// After a key: `:` gives it a value; otherwise it has none.
    fn flow_colon(&mut self, kind: FlowKind, c: u8, closer: u8) -> R<()> {
        if c == b':' && !self.json_key && kind == FlowKind::Map && matches!(self.at(1), b'[' | b'{')
        {
            return self.fail(SyntaxKind::UnexpectedCharacter);
        }
        if c == b':' && (self.end_at(1) || flow_ind(self.at(1)) || self.json_key) {
            self.colon = self.mark();
            self.bump();
            self.top().want = FlowWant::Value;
            return Ok(());
        }
        if c == b',' || c == closer {
            // A key with no value.
            self.push(
                Event::Scalar(Cow::Borrowed(""), Style::Plain, None),
                self.mark(),
            );
            self.entry_done()?;
            return Ok(());
        }
        self.fail(SyntaxKind::ExpectedComma)
    }

    /// The start of an entry (or the closing bracket); `kind` is the
    /// collection's kind as the entry starts.
    fn flow_entry(&mut self, key: KeyCtx<'a>, kind: FlowKind, c: u8, closer: u8) -> R<()> {
        if c == closer {
            return self.close_flow(key);
        }
        if c == b',' {
            return self.fail(SyntaxKind::ExpectedValue);
        }
        if c == b']' || c == b'}' {
            return self.fail(SyntaxKind::UnexpectedCharacter);
        }
        self.top().line = self.line;
        self.top().explicit = false;
        if c == b'?' && self.end_at(1) {
            return self.flow_explicit_key(key, kind, closer);
        }
        if c == b':' && (self.end_at(1) || flow_ind(self.at(1))) {
            // An empty key.
            if kind == FlowKind::Seq {
                let m = self.mark();
                self.push(Event::MappingStart(None), m);
                self.top().kind = FlowKind::Pair;
            }
            self.push(
                Event::Scalar(Cow::Borrowed(""), Style::Plain, None),
                self.mark(),
            );
            self.top().want = FlowWant::Colon;
            self.json_key = false;
            return Ok(());
        }
        if kind == FlowKind::Seq {
            let k = self.slot();
            self.top().slot = Some(k);
        }
        self.flow_node(key, true)
    }

    /// `? key` inside a flow collection (a one-pair mapping in a list).
    fn flow_explicit_key(&mut self, key: KeyCtx<'a>, kind: FlowKind, closer: u8) -> R<()> {
        let m = self.mark();
        self.bump();
        self.top().explicit = true;
        if kind == FlowKind::Seq {
            self.push(Event::MappingStart(None), m);
            self.top().kind = FlowKind::Pair;
        }
        self.flow_space(key.parent)?;
        let c = self.c();
        if kind == FlowKind::Seq && (c == b',' || c == closer) {
            // `[? ]`: refused, as the reference does.
            return self.fail(SyntaxKind::ExpectedValue);
        }
        if c == b':' || c == b',' || c == closer {
            // An empty key.
            self.push(
                Event::Scalar(Cow::Borrowed(""), Style::Plain, None),
                self.mark(),
            );
            self.top().want = FlowWant::Colon;
            return Ok(());
        }
        self.flow_node(key, true)
    }

    pub(super) fn top(&mut self) -> &mut Flow {
        self.flows.last_mut().unwrap()
    }

    /// A node inside a flow collection; `as_key`: it may be a key.
    pub(super) fn flow_node(&mut self, key: KeyCtx<'a>, as_key: bool) -> R<()> {
        let mut anchor = None;
        let mut tag = false;
        let mut props_mark = None;
        loop {
            let m = self.mark();
            if self.props(&mut anchor, &mut tag)? {
                props_mark.get_or_insert(m);
                self.flow_space(key.parent)?;
                continue;
            }
            break;
        }
        let c = self.c();
        let cm = self.mark();
        let at = props_mark.unwrap_or(cm);
        self.json_key = false;
        match c {
            b'[' | b'{' => {
                return self.open_flow(c, anchor, at);
            }
            b'*' => {
                if props_mark.is_some() {
                    return self.fail(SyntaxKind::BadAnchor);
                }
                let name = self.name()?;
                self.push(Event::Alias(name), cm);
            }
            b'"' | b'\'' => {
                let text = self.quoted(key.parent, true)?;
                self.push(Event::Scalar(text, Style::Quoted, anchor), at);
                self.after_quote()?;
                self.json_key = true;
            }
            b',' | b']' | b'}' if props_mark.is_some() => {
                self.push(Event::Scalar(Cow::Borrowed(""), Style::Plain, anchor), at);
            }
            _ => {
                self.plain_start(true)?;
                let (text, _) = self.plain(key.parent, true)?;
                self.push(Event::Scalar(text, Style::Plain, anchor), at);
            }
        }
        let _ = as_key;
        self.node_done_in_flow()
    }

    /// A complete node inside the innermost flow collection.
    pub(super) fn node_done_in_flow(&mut self) -> R<()> {
        let top = *self.flows.last().unwrap();
        match top.want {
            FlowWant::Entry => {
                if top.kind == FlowKind::Map || top.explicit {
                    self.top().want = FlowWant::Colon;
                    return Ok(());
                }
                // In a list: a `:` on the same line makes a one-pair mapping.
                let m_line = top.line;
                self.skip_blanks();
                let c = self.c();
                let colon = c == b':'
                    && (self.end_at(1) || flow_ind(self.at(1)) || self.json_key)
                    && self.line == m_line;
                if colon {
                    if let Some(k) = top.slot {
                        let m = self.slot_mark(k);
                        self.settle(k, Some((Event::MappingStart(None), m)));
                    }
                    self.top().slot = None;
                    self.top().kind = FlowKind::Pair;
                    self.colon = self.mark();
                    self.bump();
                    self.top().want = FlowWant::Value;
                    return Ok(());
                }
                if let Some(k) = top.slot {
                    self.settle(k, None);
                }
                self.top().slot = None;
                self.top().want = FlowWant::Next;
                Ok(())
            }
            FlowWant::Value => self.entry_done(),
            _ => Ok(()),
        }
    }

    /// The mark of the first event after slot `k` (the key's start).
    pub(super) fn slot_mark(&self, k: usize) -> Mark {
        let idx = k - self.base;
        self.queue
            .iter()
            .skip(idx + 1)
            .flatten()
            .map(|(_, m)| *m)
            .next()
            .unwrap_or(self.mark())
    }

    /// A key/value pair is complete.
    pub(super) fn entry_done(&mut self) -> R<()> {
        let top = *self.flows.last().unwrap();
        if top.kind == FlowKind::Pair {
            self.push(Event::MappingEnd, self.mark());
            self.top().kind = FlowKind::Seq;
        }
        self.top().want = FlowWant::Next;
        self.top().explicit = false;
        Ok(())
    }

    pub(super) fn close_flow(&mut self, key: KeyCtx<'a>) -> R<()> {
        let f = self.flows.pop().unwrap();
        if let Some(k) = f.slot {
            self.settle(k, None);
        }
        let m = self.mark();
        self.push(
            if f.kind == FlowKind::Map {
                Event::MappingEnd
            } else {
                Event::SequenceEnd
            },
            m,
        );
        self.bump();
        self.json_key = true;
        if self.flows.is_empty() {
            let multi = self.line != key.line;
            self.mode = Mode::Entry { fresh: false };
            return self.key_done(key, multi);
        }
        self.node_done_in_flow()
    }
}

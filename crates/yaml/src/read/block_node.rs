//! A block node: the properties before it (on its line or the lines
//! above), what starts it (`- `, `? `, `: `, `|`/`>`, a scalar or a flow
//! collection), and whether a `:` on its line makes it a mapping key.

use super::*;

impl<'a> Parser<'a> {
    /// A block node is wanted: the cursor is after `-`, `:`, `?`, `---`
    /// or at the first content of a document.
    pub(super) fn node(&mut self, parent: i32, before: Before) -> R<()> {
        let mut anchor = None;
        let mut tag = false;
        let mut line_anchor = None;
        let mut line_tag = false;
        let mut newline = before == Before::Nothing;
        let mut mark = self.mark();
        let mut props_mark: Option<Mark> = None;
        let mut line_props_mark: Option<Mark> = None;
        // Where an empty value is placed: at the `:`, or after the `-` line.
        let colon_mark = Mark {
            line: self.line,
            col: self.col.saturating_sub(1),
        };
        // One tab right after `:`/`-` and then the node: the reference
        // refuses it (it wants a space there), so do we.
        let tab_after = before != Before::Nothing && self.c() == b'\t' && {
            let mut k = self.i;
            while self.b.get(k) == Some(&b'\t') {
                k += 1;
            }
            self.b
                .get(k)
                .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'-' || c >= 0x80)
        };
        let mut empty_mark = None;
        if before == Before::Question {
            // After `? ` the key may not be reached across tabs.
            let mut k = self.i;
            let mut tab = None;
            while k < self.b.len() && blank(self.b[k]) {
                if self.b[k] == b'\t' && tab.is_none() {
                    tab = Some(k);
                }
                k += 1;
            }
            if let Some(t) = tab {
                if k < self.b.len() && !brk(self.b[k]) && self.b[k] != b'#' {
                    self.skip_to(t);
                    return self.fail(SyntaxKind::TabIndentation);
                }
            }
        }
        loop {
            let sp = self.skip_blanks();
            let c = self.c();
            if c == b'#' && (sp || self.col == 0) {
                self.skip_to_eol();
            }
            if self.eof() || brk(self.c()) {
                if empty_mark.is_none() {
                    empty_mark = Some(match before {
                        Before::Colon | Before::Value => colon_mark,
                        _ => self.mark(),
                    });
                }
                let more = self.next_content()?;
                if let (Before::Question, Some(at)) = (before, self.last_tab) {
                    // A `? ` key is not reached across tabs either.
                    return Err(Fail {
                        at,
                        kind: SyntaxKind::TabIndentation,
                    });
                }
                if (anchor.is_some() && line_anchor.is_some()) || (tag && line_tag) {
                    // Two lines of properties for one node.
                    return Err(Fail {
                        at: props_mark.unwrap_or(mark),
                        kind: SyntaxKind::BadTag,
                    });
                }
                if more && !self.at_marker() && self.col as i32 > parent {
                    newline = true;
                    if anchor.is_some() || tag {
                        line_anchor = line_anchor.or(anchor.take());
                        line_tag |= tag;
                        tag = false;
                        let pm = props_mark.take();
                        line_props_mark = line_props_mark.or(pm);
                    }
                    mark = self.mark();
                    continue;
                }
                let props = line_props_mark.or(props_mark);
                if more
                    && !self.at_marker()
                    && self.col as i32 == parent
                    && matches!(before, Before::Colon | Before::Value)
                    && self.c() == b'-'
                    && self.end_at(1)
                {
                    // A list at its key's indent.
                    self.blocks.push(Open {
                        indent: parent,
                        kind: Kind::Seq,
                        explicit: false,
                    });
                    let anchor = anchor.or(line_anchor);
                    self.bump();
                    // Such a list is placed after its first `- `.
                    let save = (self.i, self.col);
                    if self.skip_blanks() && self.c() == b'#' {
                        self.skip_to_eol();
                    }
                    let m = self.mark();
                    (self.i, self.col) = save;
                    self.push(Event::SequenceStart(anchor), props.unwrap_or(m));
                    self.mode = Mode::Node {
                        parent,
                        before: Before::Dash,
                    };
                    return Ok(());
                }
                // Nothing here: an empty value.
                let m = match before {
                    Before::DocStart | Before::Question => self.eof_mark(),
                    _ => empty_mark.unwrap_or(self.mark()),
                };
                let m = props.unwrap_or(m);
                self.push(
                    Event::Scalar(Cow::Borrowed(""), Style::Plain, anchor.or(line_anchor)),
                    m,
                );
                self.mode = Mode::Entry { fresh: true };
                return Ok(());
            }
            if newline && self.col as i32 <= parent {
                return self.fail(SyntaxKind::BadIndentation);
            }
            if props_mark.is_none() {
                mark = self.mark();
            }
            if self.props(&mut anchor, &mut tag)? {
                props_mark.get_or_insert(mark);
                continue;
            }
            break;
        }
        let c = self.c();
        let cm = self.mark();
        let key_indent = mark.col as i32;
        if self.at_bom() {
            return self.fail(SyntaxKind::MisplacedBom);
        }
        let inline = !newline && before != Before::Nothing;
        let both = (anchor.is_some() && line_anchor.is_some()) || (tag && line_tag);
        let props = props_mark.or(line_props_mark);
        if (c == b'-' || c == b'?') && self.end_at(1) && props_mark.is_some() {
            return self.fail(SyntaxKind::DashNotAllowed);
        }
        if c == b'-' && self.end_at(1) {
            if inline && (before == Before::Colon || before == Before::DocStart) {
                return self.fail(SyntaxKind::DashNotAllowed);
            }
            if tab_after && !newline && props_mark.is_none() {
                return self.fail(SyntaxKind::TabIndentation);
            }
            if both {
                return self.fail(SyntaxKind::BadAnchor);
            }
            self.blocks.push(Open {
                indent: cm.col as i32,
                kind: Kind::Seq,
                explicit: false,
            });
            self.push(
                Event::SequenceStart(anchor.or(line_anchor)),
                props.unwrap_or(cm),
            );
            self.bump();
            self.mode = Mode::Node {
                parent: cm.col as i32,
                before: Before::Dash,
            };
            return Ok(());
        }
        if tab_after
            && !newline
            && props_mark.is_none()
            && matches!(before, Before::Colon | Before::Value)
        {
            return self.fail(SyntaxKind::TabIndentation);
        }
        if c == b'?' && (self.i + 1 == self.b.len() || self.at(1) == b'\t') {
            // `?` wants a space after it.
            return self.fail_after(SyntaxKind::UnexpectedEnd);
        }
        if (c == b'?' || c == b':') && self.end_at(1) {
            if inline && (before == Before::Colon || before == Before::DocStart) {
                return self.fail(SyntaxKind::KeyNotAllowed);
            }
            if (anchor.is_some() || tag) && c == b'?' {
                return self.fail(SyntaxKind::KeyNotAllowed);
            }
            // A mapping opened by `? key` or by `: value` (an empty key,
            // which takes the properties on its line).
            let map_at = line_props_mark.or(props_mark).unwrap_or(cm);
            self.push(Event::MappingStart(line_anchor), map_at);
            self.blocks.push(Open {
                indent: cm.col as i32,
                kind: Kind::Map,
                explicit: c == b'?',
            });
            if c == b':' {
                let key_at = props_mark.unwrap_or(cm);
                self.push(
                    Event::Scalar(Cow::Borrowed(""), Style::Plain, anchor),
                    key_at,
                );
            }
            self.bump();
            self.mode = Mode::Node {
                parent: cm.col as i32,
                before: if c == b'?' {
                    Before::Question
                } else {
                    Before::Value
                },
            };
            return Ok(());
        }
        if c == b'|' || c == b'>' {
            if both {
                return self.fail(SyntaxKind::BadAnchor);
            }
            let (text, m) = self.block_scalar(parent)?;
            self.push(
                Event::Scalar(text, Style::Block, anchor.or(line_anchor)),
                props.unwrap_or(m),
            );
            self.mode = Mode::Entry { fresh: true };
            return Ok(());
        }
        // A node that may be a key.
        let may_key = !inline || matches!(before, Before::Dash | Before::Question | Before::Value);
        let (map_anchor, own_anchor) = (line_anchor, anchor);
        if !may_key && both {
            return Err(Fail {
                at: props_mark.unwrap_or(cm),
                kind: SyntaxKind::BadTag,
            });
        }
        let slot = if may_key { Some(self.slot()) } else { None };
        let key = KeyCtx {
            slot,
            parent,
            cont: None,
            indent: key_indent,
            line: mark.line,
            mark: line_props_mark.unwrap_or(mark),
            map_anchor,
            line_props: line_props_mark,
            clash: if both { props_mark } else { None },
        };
        let (anchor_here, pm) = if may_key {
            (own_anchor, props_mark)
        } else {
            (own_anchor.or(map_anchor), props)
        };
        self.content(key, anchor_here, pm.is_some(), pm)
    }

    /// Read a node that may be a key (scalar, alias or flow collection),
    /// then finish it with `key_done`.
    pub(super) fn content(
        &mut self,
        key: KeyCtx<'a>,
        anchor: Option<&'a str>,
        has_props: bool,
        props_mark: Option<Mark>,
    ) -> R<()> {
        self.last_quoted = false;
        let c = self.c();
        let cm = self.mark();
        let at = props_mark.unwrap_or(cm);
        match c {
            b'[' | b'{' => {
                self.open_flow(c, anchor, at)?;
                self.mode = Mode::Flow { key };
                Ok(())
            }
            b'*' => {
                if has_props {
                    return self.fail(SyntaxKind::BadAnchor);
                }
                let name = self.name()?;
                self.push(Event::Alias(name), cm);
                self.key_done(key, false)
            }
            b'"' | b'\'' => {
                // A quoted key at the start of a line may run on at any indent.
                let line_start = key.cont.is_some();
                let text = self.quoted(if line_start { -1 } else { key.parent }, false)?;
                let multi = self.line != cm.line;
                self.push(Event::Scalar(text, Style::Quoted, anchor), at);
                self.after_quote()?;
                self.last_quoted = true;
                self.key_done(key, multi)
            }
            _ => {
                self.plain_start(false)?;
                let (text, multi) = self.plain(key.parent, false)?;
                self.push(Event::Scalar(text, Style::Plain, anchor), at);
                self.key_done(key, multi)
            }
        }
    }

    /// A block node that may be a key has ended: a `:` on its line makes it one.
    pub(super) fn key_done(&mut self, key: KeyCtx<'a>, multi: bool) -> R<()> {
        self.skip_blanks();
        let colon = self.c() == b':' && self.end_at(1);
        if colon {
            if multi || self.line != key.line {
                return self.fail(SyntaxKind::ColonNotAllowed);
            }
            if let Some(ind) = key.cont {
                if self.seq_err {
                    return Err(Fail {
                        at: key.mark,
                        kind: SyntaxKind::ExpectedDash,
                    });
                }
                self.bump();
                self.mode = Mode::Node {
                    parent: ind,
                    before: Before::Colon,
                };
                return Ok(());
            }
            let Some(slot) = key.slot else {
                return self.fail(SyntaxKind::ColonNotAllowed);
            };
            self.settle(slot, Some((Event::MappingStart(key.map_anchor), key.mark)));
            self.blocks.push(Open {
                indent: key.indent,
                kind: Kind::Map,
                explicit: false,
            });
            self.bump();
            self.mode = Mode::Node {
                parent: key.indent,
                before: Before::Colon,
            };
            return Ok(());
        }
        if key.cont.is_some() {
            // Reported where the key's line ends: at the next line's start.
            return self.fail_next_line(SyntaxKind::MissingColon);
        }
        if let Some(at) = key.clash {
            return Err(Fail {
                at,
                kind: SyntaxKind::BadTag,
            });
        }
        if let Some(slot) = key.slot {
            if let Some(lm) = key.line_props {
                // Not a key after all: the properties above are its own.
                if let Some(Some((e, m))) = self.queue.get_mut(slot - self.base + 1) {
                    *m = lm;
                    if let Event::Scalar(_, _, a)
                    | Event::SequenceStart(a)
                    | Event::MappingStart(a) = e
                    {
                        if a.is_none() {
                            *a = key.map_anchor;
                        }
                    }
                }
            }
            self.settle(slot, None);
        }
        self.mode = Mode::Entry { fresh: false };
        Ok(())
    }
}

//! A block node: the properties before it (on its line or the lines
//! above), what starts it (`- `, `? `, `: `, `|`/`>`, a scalar or a flow
//! collection), and whether a `:` on its line makes it a mapping key.

use super::*;

/// What is known of a wanted block node before its first character.
#[derive(Clone, Copy, Debug)]
struct Wanted<'a> {
    parent: i32,
    before: Before,
    /// Properties on the node's own line.
    anchor: Option<&'a str>,
    tag: bool,
    props_mark: Option<Mark>,
    /// Properties on lines above the node: its own, or its mapping's if
    /// the node turns out to be a key.
    line_anchor: Option<&'a str>,
    line_tag: bool,
    line_props_mark: Option<Mark>,
    /// The node is on a line after the indicator before it.
    newline: bool,
    /// Where the node, or its first property on its line, starts.
    mark: Mark,
    /// Where an empty value is placed: at the `:`, or after the `-` line.
    colon_mark: Mark,
    empty_mark: Option<Mark>,
    /// One tab right after `:`/`-` and then the node: the reference
    /// refuses it (it wants a space there), so do we.
    tab_after: bool,
}

impl Wanted<'_> {
    /// On the line of the indicator before it.
    fn inline(&self) -> bool {
        !self.newline && self.before != Before::Nothing
    }
    /// An anchor or a tag both on the node's line and on a line above.
    fn both(&self) -> bool {
        (self.anchor.is_some() && self.line_anchor.is_some()) || (self.tag && self.line_tag)
    }
}

impl<'a> Parser<'a> {
    /// A block node is wanted: the cursor is after `-`, `:`, `?`, `---`
    /// or at the first content of a document.
    pub(super) fn node(&mut self, parent: i32, before: Before) -> R<()> {
        let mut w = Wanted {
            parent,
            before,
            anchor: None,
            tag: false,
            props_mark: None,
            line_anchor: None,
            line_tag: false,
            line_props_mark: None,
            newline: before == Before::Nothing,
            mark: self.mark(),
            colon_mark: Mark {
                line: self.line,
                col: self.col.saturating_sub(1),
            },
            empty_mark: None,
            tab_after: before != Before::Nothing && self.tab_then_text(),
        };
        if before == Before::Question {
            self.question_tab()?;
        }
        if !self.node_props(&mut w)? {
            return Ok(());
        }
        self.node_start(w)
    }

    /// Tabs at the cursor, then text.
    fn tab_then_text(&self) -> bool {
        if self.c() != b'\t' {
            return false;
        }
        let mut k = self.i;
        while self.b.get(k) == Some(&b'\t') {
            k += 1;
        }
        self.b
            .get(k)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'-' || c >= 0x80)
    }

    /// After `? ` the key may not be reached across tabs.
    fn question_tab(&mut self) -> R<()> {
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
        Ok(())
    }

    /// The properties and comments before the node, across lines. False
    /// when no node follows: what stands for it is already placed.
    fn node_props(&mut self, w: &mut Wanted<'a>) -> R<bool> {
        loop {
            let sp = self.skip_blanks();
            let c = self.c();
            if c == b'#' && (sp || self.col == 0) {
                self.skip_to_eol();
            }
            if self.eof() || brk(self.c()) {
                if self.node_on_next_line(w)? {
                    continue;
                }
                return Ok(false);
            }
            if w.newline && self.col as i32 <= w.parent {
                return self.fail(SyntaxKind::BadIndentation);
            }
            if w.props_mark.is_none() {
                w.mark = self.mark();
            }
            if self.props(&mut w.anchor, &mut w.tag)? {
                w.props_mark.get_or_insert(w.mark);
                continue;
            }
            return Ok(true);
        }
    }

    /// At the end of a line before the node: true when the node is on a
    /// later line (the cursor is there now); otherwise places an empty
    /// value, or a list at its key's indent.
    fn node_on_next_line(&mut self, w: &mut Wanted<'a>) -> R<bool> {
        if w.empty_mark.is_none() {
            w.empty_mark = Some(match w.before {
                Before::Colon | Before::Value => w.colon_mark,
                _ => self.mark(),
            });
        }
        let more = self.next_content()?;
        if let (Before::Question, Some(at)) = (w.before, self.last_tab) {
            // A `? ` key is not reached across tabs either.
            return Err(Fail {
                at,
                kind: SyntaxKind::TabIndentation,
            });
        }
        if w.both() {
            // Two lines of properties for one node.
            return Err(Fail {
                at: w.props_mark.unwrap_or(w.mark),
                kind: SyntaxKind::BadTag,
            });
        }
        if more && !self.at_marker() && self.col as i32 > w.parent {
            w.newline = true;
            if w.anchor.is_some() || w.tag {
                w.line_anchor = w.line_anchor.or(w.anchor.take());
                w.line_tag |= w.tag;
                w.tag = false;
                let pm = w.props_mark.take();
                w.line_props_mark = w.line_props_mark.or(pm);
            }
            w.mark = self.mark();
            return Ok(true);
        }
        let props = w.line_props_mark.or(w.props_mark);
        if more
            && !self.at_marker()
            && self.col as i32 == w.parent
            && matches!(w.before, Before::Colon | Before::Value)
            && self.c() == b'-'
            && self.end_at(1)
        {
            self.list_at_key_indent(w, props);
            return Ok(false);
        }
        // Nothing here: an empty value.
        let m = match w.before {
            Before::DocStart | Before::Question => self.eof_mark(),
            _ => w.empty_mark.unwrap_or(self.mark()),
        };
        let m = props.unwrap_or(m);
        self.push(
            Event::Scalar(Cow::Borrowed(""), Style::Plain, w.anchor.or(w.line_anchor)),
            m,
        );
        self.mode = Mode::Entry { fresh: true };
        Ok(false)
    }

    /// A list on the lines after its key, at the key's own indent.
    fn list_at_key_indent(&mut self, w: &Wanted<'a>, props: Option<Mark>) {
        self.blocks.push(Open {
            indent: w.parent,
            kind: Kind::Seq,
            explicit: false,
        });
        let anchor = w.anchor.or(w.line_anchor);
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
            parent: w.parent,
            before: Before::Dash,
        };
    }

    /// The node's first character, after its properties.
    fn node_start(&mut self, w: Wanted<'a>) -> R<()> {
        let c = self.c();
        let cm = self.mark();
        if self.at_bom() {
            return self.fail(SyntaxKind::MisplacedBom);
        }
        if (c == b'-' || c == b'?') && self.end_at(1) && w.props_mark.is_some() {
            return self.fail(SyntaxKind::DashNotAllowed);
        }
        if c == b'-' && self.end_at(1) {
            return self.block_seq_start(&w, cm);
        }
        if w.tab_after
            && !w.newline
            && w.props_mark.is_none()
            && matches!(w.before, Before::Colon | Before::Value)
        {
            return self.fail(SyntaxKind::TabIndentation);
        }
        if c == b'?' && (self.i + 1 == self.b.len() || self.at(1) == b'\t') {
            // `?` wants a space after it.
            return self.fail_after(SyntaxKind::UnexpectedEnd);
        }
        if (c == b'?' || c == b':') && self.end_at(1) {
            return self.block_map_start(&w, c, cm);
        }
        if c == b'|' || c == b'>' {
            if w.both() {
                return self.fail(SyntaxKind::BadAnchor);
            }
            let (text, m) = self.block_scalar(w.parent)?;
            self.push(
                Event::Scalar(text, Style::Block, w.anchor.or(w.line_anchor)),
                w.props_mark.or(w.line_props_mark).unwrap_or(m),
            );
            self.mode = Mode::Entry { fresh: true };
            return Ok(());
        }
        self.maybe_key(&w, cm)
    }

    /// `- ` opens a block list.
    fn block_seq_start(&mut self, w: &Wanted<'a>, cm: Mark) -> R<()> {
        if w.inline() && (w.before == Before::Colon || w.before == Before::DocStart) {
            return self.fail(SyntaxKind::DashNotAllowed);
        }
        if w.tab_after && !w.newline && w.props_mark.is_none() {
            return self.fail(SyntaxKind::TabIndentation);
        }
        if w.both() {
            return self.fail(SyntaxKind::BadAnchor);
        }
        self.blocks.push(Open {
            indent: cm.col as i32,
            kind: Kind::Seq,
            explicit: false,
        });
        self.push(
            Event::SequenceStart(w.anchor.or(w.line_anchor)),
            w.props_mark.or(w.line_props_mark).unwrap_or(cm),
        );
        self.bump();
        self.mode = Mode::Node {
            parent: cm.col as i32,
            before: Before::Dash,
        };
        Ok(())
    }

    /// A mapping opened by `? key` or by `: value` (an empty key, which
    /// takes the properties on its line).
    fn block_map_start(&mut self, w: &Wanted<'a>, c: u8, cm: Mark) -> R<()> {
        if w.inline() && (w.before == Before::Colon || w.before == Before::DocStart) {
            return self.fail(SyntaxKind::KeyNotAllowed);
        }
        if (w.anchor.is_some() || w.tag) && c == b'?' {
            return self.fail(SyntaxKind::KeyNotAllowed);
        }
        let map_at = w.line_props_mark.or(w.props_mark).unwrap_or(cm);
        self.push(Event::MappingStart(w.line_anchor), map_at);
        self.blocks.push(Open {
            indent: cm.col as i32,
            kind: Kind::Map,
            explicit: c == b'?',
        });
        if c == b':' {
            let key_at = w.props_mark.unwrap_or(cm);
            self.push(
                Event::Scalar(Cow::Borrowed(""), Style::Plain, w.anchor),
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
        Ok(())
    }

    /// A scalar, alias or flow collection: a mapping key if a `:` follows
    /// it on its line, where a key may stand.
    fn maybe_key(&mut self, w: &Wanted<'a>, cm: Mark) -> R<()> {
        let may_key =
            !w.inline() || matches!(w.before, Before::Dash | Before::Question | Before::Value);
        let both = w.both();
        if !may_key && both {
            return Err(Fail {
                at: w.props_mark.unwrap_or(cm),
                kind: SyntaxKind::BadTag,
            });
        }
        let slot = if may_key { Some(self.slot()) } else { None };
        let key = KeyCtx {
            slot,
            parent: w.parent,
            cont: None,
            indent: w.mark.col as i32,
            line: w.mark.line,
            mark: w.line_props_mark.unwrap_or(w.mark),
            map_anchor: w.line_anchor,
            line_props: w.line_props_mark,
            clash: if both { w.props_mark } else { None },
        };
        let (anchor_here, pm) = if may_key {
            (w.anchor, w.props_mark)
        } else {
            (
                w.anchor.or(w.line_anchor),
                w.props_mark.or(w.line_props_mark),
            )
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

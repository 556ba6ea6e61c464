//! The event reader: bytes in, `Event`s out, one small step at a time.
//!
//! It works line by line. Block structure is a stack of open collections,
//! each with the column it was opened at; a new content line closes every
//! collection indented deeper than it and then must fit the one on top
//! (a `- ` item for a list, a `key:` for a mapping). Flow collections
//! (`[...]`, `{...}`) have their own stack. Nothing recurses on the input.
//!
//! A node that may turn out to be a mapping key (`a: b`, `[x]: y`) is only
//! known to be one when its `:` is seen, after its own events. So a free
//! slot is queued where its `MappingStart` would go and events from there
//! on are held back until the slot is settled; keys live on one line, so
//! at most a line's worth of events waits.

use super::{Style, SyntaxKind};
use std::borrow::Cow;
use std::collections::{BTreeMap, VecDeque};

/// A place in the input: 1-based line, 0-based column in characters.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Mark {
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Fail {
    pub at: Mark,
    pub kind: SyntaxKind,
}

#[derive(Clone, PartialEq, Debug)]
pub enum Event<'a> {
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias(&'a str),
    Scalar(Cow<'a, str>, Style, Option<&'a str>),
    SequenceStart(Option<&'a str>),
    MappingStart(Option<&'a str>),
    SequenceEnd,
    MappingEnd,
}

type R<T> = Result<T, Fail>;

/// Flow collections nested deeper than this are refused by the reader
/// itself (the tree builder's own depth limit is far lower).
const MAX_FLOW_DEPTH: usize = 1000;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Seq,
    Map,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    indent: i32,
    kind: Kind,
    /// A mapping whose `? key` still waits for its `:`.
    explicit: bool,
}

/// What stands before a wanted node on its line.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Before {
    /// Nothing: the node starts a document's content.
    Nothing,
    Dash,
    Colon,
    /// A `:` on a line of its own (after `? key`, or an empty key): like
    /// `- `, what follows may start a mapping or a list.
    Value,
    Question,
    DocStart,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FlowKind {
    Seq,
    Map,
    /// A one-pair mapping inside a list (`[a: b]`).
    Pair,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FlowWant {
    /// An entry (or the closing bracket).
    Entry,
    /// After a key: its `:` or the end of the entry.
    Colon,
    /// After `:`: the value.
    Value,
    /// After a complete entry: `,` or the closing bracket.
    Next,
}

#[derive(Clone, Copy, Debug)]
struct Flow {
    kind: FlowKind,
    want: FlowWant,
    /// The slot of a possible one-pair mapping (lists only).
    slot: Option<usize>,
    /// Line of the current entry's start (keys stay on one line).
    line: u32,
    /// The current entry was an explicit `? ` key.
    explicit: bool,
}

/// How to finish a block node that may be a mapping key.
#[derive(Clone, Copy, Debug)]
struct KeyCtx<'a> {
    slot: Option<usize>,
    parent: i32,
    /// Continuing the mapping open at this indent: the node must be a key.
    cont: Option<i32>,
    indent: i32,
    line: u32,
    mark: Mark,
    map_anchor: Option<&'a str>,
    /// Properties on the lines before: the node's own unless it is a key.
    line_props: Option<Mark>,
    /// Where the node's own properties repeat a kind given on a line
    /// before: an error unless the node is a key (then those are the map's).
    clash: Option<Mark>,
}

#[derive(Clone, Copy, Debug)]
enum Mode<'a> {
    /// Between documents.
    Stream,
    /// A block node is wanted.
    Node {
        parent: i32,
        before: Before,
    },
    /// A block node is complete; the next entry is wanted. `fresh`: the
    /// cursor is already at the start of a line.
    Entry {
        fresh: bool,
    },
    /// Inside flow collections; `key` finishes the outermost one.
    Flow {
        key: KeyCtx<'a>,
    },
    Done,
}

pub struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    line: u32,
    col: u32,
    /// The whole input; `s`/`b` end at the first NUL or inner byte order mark.
    full: &'a str,
    /// Where the view was cut short, and why.
    nul: Option<Mark>,
    cut_kind: SyntaxKind,
    /// A byte order mark may stand here (between documents).
    bom_ok: bool,
    queue: VecDeque<Option<(Event<'a>, Mark)>>,
    /// Absolute index of `queue[0]`.
    base: usize,
    /// Unsettled key slots (absolute indexes); events from the first on wait.
    holds: Vec<usize>,
    mode: Mode<'a>,
    blocks: Vec<Open>,
    flows: Vec<Flow>,
    /// Properties read on lines before the node they belong to.
    tags: BTreeMap<&'a str, ()>,
    yaml_seen: bool,
    directives: bool,
    /// The current document ended with `...` (or none began yet).
    ended_explicitly: bool,
    /// The last flow node was quoted or a collection: a `:` may touch it.
    json_key: bool,
    /// The last flow `:` (an empty value is placed there).
    colon: Mark,
    /// Where the last line found by `next_content` had a tab before its content.
    last_tab: Option<Mark>,
    /// The last block node was quoted (text after it is named so).
    last_quoted: bool,
    /// A key found where a `- ` item was due is an error.
    seq_err: bool,
    /// A list at its key's indent takes its place from its first item.
    compact: Option<(usize, Option<&'a str>)>,
}

fn blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}
fn brk(c: u8) -> bool {
    c == b'\n' || c == b'\r'
}
fn flow_ind(c: u8) -> bool {
    matches!(c, b',' | b'[' | b']' | b'{' | b'}')
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str) -> Parser<'a> {
        let mut p = Parser {
            s: text,
            b: text.as_bytes(),
            i: 0,
            line: 1,
            col: 0,
            full: text,
            nul: None,
            cut_kind: SyntaxKind::NulByte,
            bom_ok: true,
            queue: VecDeque::new(),
            base: 0,
            holds: Vec::new(),
            mode: Mode::Stream,
            blocks: Vec::new(),
            flows: Vec::new(),
            tags: BTreeMap::new(),
            yaml_seen: false,
            directives: false,
            ended_explicitly: true,
            json_key: false,
            colon: Mark::default(),
            seq_err: false,
            last_quoted: false,
            last_tab: None,
            compact: None,
        };
        if p.b.starts_with(b"\xEF\xBB\xBF") {
            p.i = 3;
        }
        p.view_from(p.i);
        p
    }

    /// Read up to the next NUL or byte order mark after `from`; reaching
    /// it is an error unless a mark stands where one may.
    fn view_from(&mut self, from: usize) {
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

    pub fn next_event(&mut self) -> R<(Event<'a>, Mark)> {
        loop {
            let limit = self.holds.first().copied().unwrap_or(usize::MAX);
            while self.base < limit {
                match self.queue.pop_front() {
                    None => break,
                    Some(e) => {
                        self.base += 1;
                        if let Some(e) = e {
                            return Ok(e);
                        }
                    }
                }
            }
            self.step()?;
        }
    }

    // ---- cursor ----

    fn c(&self) -> u8 {
        self.b.get(self.i).copied().unwrap_or(0)
    }
    fn at(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }
    fn eof(&self) -> bool {
        self.i >= self.b.len()
    }
    fn end_at(&self, k: usize) -> bool {
        let c = self.at(k);
        self.i + k >= self.b.len() || blank(c) || brk(c)
    }
    fn mark(&self) -> Mark {
        Mark {
            line: self.line,
            col: self.col,
        }
    }
    /// The end of input sits on a line of its own.
    fn eof_mark(&self) -> Mark {
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
    fn fail_next_line<T>(&mut self, kind: SyntaxKind) -> R<T> {
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
    fn fail_after<T>(&self, kind: SyntaxKind) -> R<T> {
        Err(Fail {
            at: Mark {
                line: self.line,
                col: self.col + 1,
            },
            kind,
        })
    }
    fn fail<T>(&self, kind: SyntaxKind) -> R<T> {
        Err(Fail {
            at: self.eof_mark(),
            kind,
        })
    }
    fn bump(&mut self) {
        if self.i < self.b.len() {
            if self.b[self.i] & 0xC0 != 0x80 {
                self.col += 1;
            }
            self.i += 1;
        }
    }
    /// Move over bytes of one line (no breaks), counting characters.
    fn skip_to(&mut self, j: usize) {
        self.col += self.b[self.i..j]
            .iter()
            .filter(|&&c| c & 0xC0 != 0x80)
            .count() as u32;
        self.i = j;
    }
    fn newline(&mut self) {
        if self.c() == b'\r' && self.at(1) == b'\n' {
            self.i += 1;
        }
        self.i += 1;
        self.line += 1;
        self.col = 0;
    }
    fn skip_blanks(&mut self) -> bool {
        let s = self.i;
        while blank(self.c()) {
            self.i += 1;
            self.col += 1;
        }
        self.i > s
    }
    fn skip_to_eol(&mut self) {
        let mut j = self.i;
        while j < self.b.len() && !brk(self.b[j]) {
            j += 1;
        }
        self.skip_to(j);
    }
    fn at_bom(&self) -> bool {
        self.b[self.i..].starts_with(b"\xEF\xBB\xBF")
    }
    /// `---` or `...` at the start of a line, followed by a blank or the end.
    fn at_marker(&self) -> bool {
        self.col == 0
            && (self.b[self.i..].starts_with(b"---") || self.b[self.i..].starts_with(b"..."))
            && self.end_at(3)
    }
    fn at_end(&mut self) -> R<bool> {
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
    fn finish_line(&mut self, kind: SyntaxKind) -> R<()> {
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
    fn next_content(&mut self) -> R<bool> {
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

    // ---- queue ----

    fn push(&mut self, e: Event<'a>, m: Mark) {
        if let Some((k, anchor)) = self.compact.take() {
            self.settle(k, Some((Event::SequenceStart(anchor), m)));
        }
        self.queue.push_back(Some((e, m)));
    }
    fn slot(&mut self) -> usize {
        let k = self.base + self.queue.len();
        self.queue.push_back(None);
        self.holds.push(k);
        k
    }
    fn settle(&mut self, k: usize, e: Option<(Event<'a>, Mark)>) {
        self.queue[k - self.base] = e;
        if let Some(p) = self.holds.iter().rposition(|&h| h == k) {
            self.holds.remove(p);
        }
    }

    // ---- documents ----

    fn step(&mut self) -> R<()> {
        match self.mode {
            Mode::Stream => self.stream(),
            Mode::Node { parent, before } => self.node(parent, before),
            Mode::Entry { fresh } => self.entry(fresh),
            Mode::Flow { key } => self.flow(key),
            Mode::Done => {
                self.push(Event::StreamEnd, self.mark());
                Ok(())
            }
        }
    }

    fn stream(&mut self) -> R<()> {
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

    fn directive(&mut self) -> R<()> {
        let m = self.mark();
        let bad = Err(Fail {
            at: m,
            kind: SyntaxKind::BadDirective,
        });
        self.bump();
        let s = self.i;
        while !self.end_at(0) {
            self.bump();
        }
        let name = &self.s[s..self.i];
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
        match name {
            "YAML" => {
                if self.yaml_seen {
                    return bad;
                }
                self.yaml_seen = true;
                self.skip_blanks();
                let s = self.i;
                while !self.end_at(0) {
                    self.bump();
                }
                let v = &self.s[s..self.i];
                let ok = v.split_once('.').is_some_and(|(a, b)| {
                    !a.is_empty()
                        && !b.is_empty()
                        && a.bytes().all(|c| c.is_ascii_digit())
                        && b.bytes().all(|c| c.is_ascii_digit())
                });
                if !ok {
                    return bad;
                }
                self.finish_line(SyntaxKind::BadDirective)
            }
            "TAG" => {
                self.skip_blanks();
                // The handle: `!`, `!!` or `!name!` (it ends at its last `!`).
                let s = self.i;
                if self.c() != b'!' {
                    return bad;
                }
                self.bump();
                let mut k = self.i;
                while k < self.b.len() && (self.b[k].is_ascii_alphanumeric() || self.b[k] == b'-') {
                    k += 1;
                }
                if self.b.get(k) == Some(&b'!') {
                    self.skip_to(k + 1);
                } else if k != self.i {
                    return bad;
                }
                let handle = &self.s[s..self.i];
                self.skip_blanks();
                let s = self.i;
                while !self.end_at(0) {
                    self.bump();
                }
                let uri =
                    |c: &u8| c.is_ascii_alphanumeric() || b"-#;/?:@&=+$,_.!~*'()[]%".contains(c);
                // A global prefix may not start with a flow indicator.
                if s == self.i || !self.b[s..self.i].iter().all(uri) || flow_ind(self.b[s]) {
                    return bad;
                }
                self.tags.insert(handle, ());
                self.finish_line(SyntaxKind::BadDirective)
            }
            _ => {
                // Reserved directives are ignored.
                self.skip_to_eol();
                Ok(())
            }
        }
    }

    /// Close every open block collection and the document.
    fn end_document(&mut self) -> R<()> {
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

    // ---- block structure ----

    fn props(&mut self, anchor: &mut Option<&'a str>, tag: &mut bool) -> R<bool> {
        match self.c() {
            b'&' => {
                if anchor.is_some() {
                    return self.fail(SyntaxKind::BadAnchor);
                }
                *anchor = Some(self.name()?);
                Ok(true)
            }
            b'!' => {
                if *tag {
                    return self.fail(SyntaxKind::BadTag);
                }
                self.tag()?;
                *tag = true;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// An anchor or alias name after `&`/`*`.
    fn name(&mut self) -> R<&'a str> {
        let m = self.mark();
        self.bump();
        let s = self.i;
        while !self.end_at(0) && !flow_ind(self.c()) {
            self.bump();
        }
        if s == self.i {
            return Err(Fail {
                at: m,
                kind: SyntaxKind::BadAnchor,
            });
        }
        Ok(&self.s[s..self.i])
    }

    fn tag(&mut self) -> R<()> {
        let m = self.mark();
        let bad = Err(Fail {
            at: m,
            kind: SyntaxKind::BadTag,
        });
        self.bump();
        if self.c() == b'<' {
            self.bump();
            let s = self.i;
            while !self.end_at(0) && self.c() != b'>' {
                self.bump();
            }
            if self.c() != b'>' || s == self.i {
                return bad;
            }
            self.bump();
        } else {
            let s = self.i - 1;
            let mut bangs = Vec::new();
            while !self.end_at(0) && (!flow_ind(self.c()) || self.flows.is_empty()) {
                let c = self.c();
                let uri = c.is_ascii_alphanumeric() || b"-#;/?:@&=+$_.~*'()%!".contains(&c);
                if !uri {
                    return bad;
                }
                if c == b'!' {
                    bangs.push(self.i);
                } else if c == b'%' {
                    let h = |c: u8| c.is_ascii_hexdigit();
                    if !(h(self.at(1)) && h(self.at(2))) {
                        return bad;
                    }
                }
                self.bump();
            }
            let text = &self.s[s..self.i];
            // `!name!suffix` needs a %TAG for `!name!`.
            if let Some(&last) = bangs.last() {
                let handle = &self.s[s..=last];
                if handle != "!!" && !self.tags.contains_key(handle) {
                    return bad;
                }
                if bangs.len() > 1 || last + 1 == self.i {
                    if handle == "!!" && last + 1 == self.i {
                        return bad;
                    }
                    if bangs.len() > 1 {
                        return bad;
                    }
                }
            }
            // Escaped bytes must decode to UTF-8.
            if text.contains('%') {
                let mut bytes = Vec::new();
                let tb = text.as_bytes();
                let mut k = 0;
                while k < tb.len() {
                    if tb[k] == b'%' {
                        let v = std::str::from_utf8(&tb[k + 1..k + 3])
                            .ok()
                            .and_then(|h| u8::from_str_radix(h, 16).ok());
                        match v {
                            Some(v) => bytes.push(v),
                            None => return bad,
                        }
                        k += 3;
                    } else {
                        bytes.push(tb[k]);
                        k += 1;
                    }
                }
                // Escapes are kept to one- and two-byte characters, as
                // the reference reader does (nothing real needs more).
                if std::str::from_utf8(&bytes).is_err() || bytes.iter().any(|&b| b >= 0xE0) {
                    return bad;
                }
            }
        }
        if !self.end_at(0) && (!flow_ind(self.c()) || self.flows.is_empty()) {
            return bad;
        }
        Ok(())
    }

    /// A block node is wanted: the cursor is after `-`, `:`, `?`, `---`
    /// or at the first content of a document.
    fn node(&mut self, parent: i32, before: Before) -> R<()> {
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
    fn content(
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

    fn after_quote(&mut self) -> R<()> {
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

    /// A block node that may be a key has ended: a `:` on its line makes it one.
    fn key_done(&mut self, key: KeyCtx<'a>, multi: bool) -> R<()> {
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

    /// A block node is complete: find the next entry of the open collections.
    fn entry(&mut self, fresh: bool) -> R<()> {
        if !fresh {
            let kind = if self.last_quoted {
                SyntaxKind::ContentAfterQuote
            } else {
                SyntaxKind::UnexpectedCharacter
            };
            self.finish_line(kind)?;
        }
        self.last_quoted = false;
        let more = if fresh && !self.eof() && !brk(self.c()) {
            // At the start of a line: skip its indentation ourselves.
            let s = self.i;
            while self.c() == b' ' {
                self.i += 1;
                self.col += 1;
            }
            let c = self.c();
            if c == b'#' || c == b'\t' || brk(c) || self.eof() {
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
                let _ = s;
                self.next_content()?
            } else {
                true
            }
        } else {
            self.next_content()?
        };
        if !more || self.at_marker() {
            return self.end_document();
        }
        let ind = self.col as i32;
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

    /// A line at the indent of the block mapping on top.
    fn map_entry(&mut self, ind: i32) -> R<()> {
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
    fn map_key(&mut self, ind: i32) -> R<()> {
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

    // ---- scalars ----

    /// Refuse characters that cannot start a plain scalar.
    fn plain_start(&mut self, flow: bool) -> R<()> {
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
    fn plain(&mut self, parent: i32, flow: bool) -> R<(Cow<'a, str>, bool)> {
        let mut out: Option<String> = None;
        let mut first: &'a str = "";
        let mut multi = false;
        loop {
            // One line of text.
            let s = self.i;
            let b = self.b;
            let mut j = self.i;
            let mut end = self.i;
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
                break;
            }
            let c = b[r];
            if c == b'#' {
                break;
            }
            if ind == 0 && (rest.starts_with(b"---") || rest.starts_with(b"...")) {
                let n = rest.get(3).copied().unwrap_or(b' ');
                if blank(n) || brk(n) {
                    break;
                }
            }
            if !flow && ind <= parent {
                break;
            }
            if flow {
                let n = b.get(r + 1).copied().unwrap_or(b' ');
                if flow_ind(c) || (c == b':' && (blank(n) || brk(n) || flow_ind(n))) {
                    break;
                }
            }
            // Fold and go on.
            let o = out.get_or_insert_with(|| first.to_string());
            if breaks == 1 {
                o.push(' ');
            } else {
                for _ in 1..breaks {
                    o.push('\n');
                }
            }
            multi = true;
            self.i = r;
            self.line = line;
            self.col = (r - (q - ind as usize)) as u32;
        }
        Ok((
            match out {
                Some(o) => Cow::Owned(o),
                None => Cow::Borrowed(first),
            },
            multi,
        ))
    }

    /// Whether the line after the break at `k` continues a block plain
    /// text (indented past `parent`, not a comment, marker or the end).
    fn text_goes_on(&self, mut q: usize, parent: i32) -> bool {
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

    /// A single- or double-quoted scalar starting at the cursor.
    fn quoted(&mut self, parent: i32, flow: bool) -> R<Cow<'a, str>> {
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
                let e = self.at(1);
                if brk(e) {
                    // An escaped line break joins the lines.
                    self.bump();
                    let breaks = self.fold_lines(parent, start)?;
                    for _ in 1..breaks {
                        o.push('\n');
                    }
                    continue;
                }
                let ch = match e {
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
                    b'x' | b'u' | b'U' => {
                        let n = match e {
                            b'x' => 2,
                            b'u' => 4,
                            _ => 8,
                        };
                        let hex = b.get(self.i + 2..self.i + 2 + n);
                        let v = hex
                            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                            .and_then(|h| std::str::from_utf8(h).ok())
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .and_then(char::from_u32);
                        match v {
                            Some(ch) => {
                                self.i += n;
                                self.col += n as u32;
                                ch
                            }
                            None => return fail(SyntaxKind::BadEscape),
                        }
                    }
                    _ => return fail(SyntaxKind::BadEscape),
                };
                o.push(ch);
                self.i += 2;
                self.col += 2;
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

    /// At a line break inside quotes: skip it, empty lines and the next
    /// line's leading blanks; returns the number of breaks.
    fn fold_lines(&mut self, parent: i32, start: Mark) -> R<u32> {
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

    /// A `|` or `>` block scalar; `parent` is the indent of the collection
    /// it belongs to. Leaves the cursor at the start of the line after it.
    fn block_scalar(&mut self, parent: i32) -> R<(Cow<'a, str>, Mark)> {
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

    // ---- flow collections ----

    fn open_flow(&mut self, c: u8, anchor: Option<&'a str>, at: Mark) -> R<()> {
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
    fn flow_space(&mut self, parent: i32) -> R<()> {
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
    fn flow(&mut self, key: KeyCtx<'a>) -> R<()> {
        let parent = key.parent;
        self.flow_space(parent)?;
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
            FlowWant::Colon => {
                // After a key: `:` gives it a value; otherwise it has none.
                if c == b':'
                    && !self.json_key
                    && top.kind == FlowKind::Map
                    && matches!(self.at(1), b'[' | b'{')
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
            FlowWant::Value => {
                if c == b',' || c == closer {
                    let m = self.colon;
                    self.push(Event::Scalar(Cow::Borrowed(""), Style::Plain, None), m);
                    self.entry_done()?;
                    return Ok(());
                }
                self.flow_node(key, false)
            }
            FlowWant::Entry => {
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
                    let m = self.mark();
                    self.bump();
                    self.top().explicit = true;
                    if top.kind == FlowKind::Seq {
                        self.push(Event::MappingStart(None), m);
                        self.top().kind = FlowKind::Pair;
                    }
                    self.flow_space(parent)?;
                    let c = self.c();
                    if top.kind == FlowKind::Seq && (c == b',' || c == closer) {
                        // `[? ]`: refused, as the reference does.
                        return self.fail(SyntaxKind::ExpectedValue);
                    }
                    if c == b':' || c == b',' || c == closer {
                        if c == b':' {
                            self.push(
                                Event::Scalar(Cow::Borrowed(""), Style::Plain, None),
                                self.mark(),
                            );
                            self.top().want = FlowWant::Colon;
                            return Ok(());
                        }
                        self.push(
                            Event::Scalar(Cow::Borrowed(""), Style::Plain, None),
                            self.mark(),
                        );
                        self.top().want = FlowWant::Colon;
                        return Ok(());
                    }
                    return self.flow_node(key, true);
                }
                if c == b':' && (self.end_at(1) || flow_ind(self.at(1))) {
                    // An empty key.
                    if top.kind == FlowKind::Seq {
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
                if top.kind == FlowKind::Seq {
                    let k = self.slot();
                    self.top().slot = Some(k);
                }
                self.flow_node(key, true)
            }
        }
    }

    fn top(&mut self) -> &mut Flow {
        self.flows.last_mut().unwrap()
    }

    /// A node inside a flow collection; `as_key`: it may be a key.
    fn flow_node(&mut self, key: KeyCtx<'a>, as_key: bool) -> R<()> {
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
    fn node_done_in_flow(&mut self) -> R<()> {
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
    fn slot_mark(&self, k: usize) -> Mark {
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
    fn entry_done(&mut self) -> R<()> {
        let top = *self.flows.last().unwrap();
        if top.kind == FlowKind::Pair {
            self.push(Event::MappingEnd, self.mark());
            self.top().kind = FlowKind::Seq;
        }
        self.top().want = FlowWant::Next;
        self.top().explicit = false;
        Ok(())
    }

    fn close_flow(&mut self, key: KeyCtx<'a>) -> R<()> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Result<Vec<(Event<'_>, Mark)>, Fail> {
        let mut p = Parser::new(text);
        let mut out = Vec::new();
        loop {
            let e = p.next_event()?;
            let end = e.0 == Event::StreamEnd;
            out.push(e);
            if end {
                return Ok(out);
            }
        }
    }

    fn at(line: u32, col: u32) -> Mark {
        Mark { line, col }
    }

    #[test]
    fn a_key_gets_its_mapping_start_before_it() {
        let ev = events("[a]: b\n").unwrap();
        let kinds: Vec<&Event> = ev.iter().map(|(e, _)| e).collect();
        assert!(matches!(kinds[1], Event::MappingStart(None)), "{kinds:?}");
        assert!(matches!(kinds[2], Event::SequenceStart(None)), "{kinds:?}");
        assert_eq!(ev[1].1, at(1, 0));
        // A list item that is a one-pair mapping, inside brackets.
        let ev = events("[x, k: v]\n").unwrap();
        assert!(matches!(ev[3].0, Event::MappingStart(None)), "{ev:?}");
        assert_eq!(ev[3].1, at(1, 4));
    }

    #[test]
    fn held_events_wait_only_for_their_line() {
        // The first item is released before the second line is read.
        let mut p = Parser::new("- a\n- b: [\n");
        let mut seen = Vec::new();
        loop {
            match p.next_event() {
                Ok((e, _)) => seen.push(e),
                Err(f) => {
                    assert_eq!(f.kind, SyntaxKind::UnclosedFlow);
                    break;
                }
            }
        }
        assert!(seen.contains(&Event::Scalar(Cow::Borrowed("a"), Style::Plain, None)));
    }

    #[test]
    fn plain_and_simple_quoted_text_borrows() {
        let ev = events("k: plain text\nq: 'it is'\nf: 'fo\n  ld'\n").unwrap();
        let borrowed = |t: &str| {
            ev.iter()
                .any(|(e, _)| matches!(e, Event::Scalar(Cow::Borrowed(s), _, _) if *s == t))
        };
        assert!(borrowed("plain text"));
        assert!(borrowed("it is"));
        assert!(ev
            .iter()
            .any(|(e, _)| matches!(e, Event::Scalar(Cow::Owned(s), _, _) if s == "fo ld")));
    }

    #[test]
    fn byte_order_marks_between_documents_and_in_quotes() {
        assert!(events("\u{feff}a\n...\n\u{feff}---\nb\n").is_ok());
        let ev = events("a: '\u{feff}x'\n").unwrap();
        assert!(ev
            .iter()
            .any(|(e, _)| matches!(e, Event::Scalar(s, Style::Quoted, _) if s == "\u{feff}x")));
        let f = events("a: b\u{feff}c\n").unwrap_err();
        assert_eq!((f.kind, f.at), (SyntaxKind::MisplacedBom, at(1, 4)));
        let f = events("a: 1\0\n").unwrap_err();
        assert_eq!((f.kind, f.at), (SyntaxKind::NulByte, at(1, 4)));
    }

    #[test]
    fn explicit_keys_and_empty_keys() {
        let ev = events("? a\n: b\n: c\n").unwrap();
        let scalars: Vec<&str> = ev
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Scalar(s, _, _) => Some(s.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(scalars, ["a", "b", "", "c"]);
    }

    #[test]
    fn flow_nesting_is_capped_by_the_reader() {
        let deep = "[".repeat(MAX_FLOW_DEPTH + 1);
        let mut p = Parser::new(&deep);
        let f = loop {
            if let Err(f) = p.next_event() {
                break f;
            }
        };
        assert_eq!(f.kind, SyntaxKind::TooDeep);
    }
}

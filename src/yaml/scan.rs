//! Bytes to tokens: the lexical half of the YAML reader.
//!
//! The shape is the classic one (libyaml's, which saphyr-parser follows
//! too): a queue of tokens where a `KEY` token (and the start of a block
//! mapping) is inserted *before* a scalar once the `:` after it shows that
//! the scalar was a key. Keeping that shape is what lets the differential
//! test hold us to saphyr's positions and accept/refuse decisions.
//!
//! What is ours is the speed: the input is walked as bytes, runs of plain
//! text are sliced out of the input (no copy unless the scalar folds over
//! lines or holds escapes), and line/column are counted as we advance.
//! Columns count characters, not bytes, so multi-byte text points right.

use super::{Style, SyntaxKind};
use std::borrow::Cow;
use std::collections::VecDeque;

/// A place in the input: `ci` counts characters from the start (the
/// 1024-character limit on simple keys is measured in it), `col` is 0-based.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Mark {
    pub ci: usize,
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Fail {
    pub at: Mark,
    pub kind: SyntaxKind,
}

fn fail<T>(at: Mark, kind: SyntaxKind) -> Result<T, Fail> {
    Err(Fail { at, kind })
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok<'a> {
    StreamStart,
    StreamEnd,
    VersionDirective,
    /// The handle a `%TAG` directive declares (`!`, `!!` or `!name!`).
    TagDirective(&'a str),
    ReservedDirective,
    DocumentStart,
    DocumentEnd,
    Bom,
    BlockSeqStart,
    BlockMapStart,
    BlockEnd,
    FlowSeqStart,
    FlowSeqEnd,
    FlowMapStart,
    FlowMapEnd,
    BlockEntry,
    FlowEntry,
    Key,
    Value,
    Alias(&'a str),
    Anchor(&'a str),
    /// A tag; it carries its named handle (`!name!`) when it has one, since
    /// such a handle must have been declared by a `%TAG` directive.
    Tag(Option<&'a str>),
    Scalar(Style, Cow<'a, str>),
}

#[derive(Clone, Debug)]
pub(super) struct Token<'a> {
    pub at: Mark,
    pub tok: Tok<'a>,
}

#[derive(Clone, Copy, Debug)]
struct SimpleKey {
    possible: bool,
    required: bool,
    token_number: usize,
    mark: Mark,
}

const NO_KEY: SimpleKey = SimpleKey {
    possible: false,
    required: false,
    token_number: 0,
    mark: Mark {
        ci: 0,
        line: 0,
        col: 0,
    },
};

#[derive(Clone, Copy, Debug)]
struct Indent {
    indent: isize,
    needs_block_end: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Implicit {
    Possible,
    Inside,
}

/// `[`/`{` nesting the scanner follows (it reads ahead inside flow
/// collections); beyond it the input is refused as too deep.
const MAX_FLOW: u32 = 255;

#[inline]
fn is_blankz(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0)
}
#[inline]
fn is_breakz(c: u8) -> bool {
    matches!(c, b'\n' | b'\r' | 0)
}
#[inline]
fn is_break(c: u8) -> bool {
    matches!(c, b'\n' | b'\r')
}
#[inline]
fn is_blank(c: u8) -> bool {
    matches!(c, b' ' | b'\t')
}
#[inline]
fn is_flow(c: u8) -> bool {
    matches!(c, b',' | b'[' | b']' | b'{' | b'}')
}
#[inline]
fn is_alpha(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}
#[inline]
fn is_uri(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"-#;/?:@&=+$,_.!~*'()[]%".contains(&c)
}
#[inline]
fn is_tag_char(c: u8) -> bool {
    is_uri(c) && !is_flow(c) && c != b'!'
}
#[inline]
fn hex(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}
/// Characters in a byte run (UTF-8 continuation bytes don't count).
#[inline]
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

pub(super) struct Scanner<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    m: Mark,
    tokens: VecDeque<Token<'a>>,
    started: bool,
    ended: bool,
    adjacent_value_allowed_at: usize,
    simple_key_allowed: bool,
    simple_keys: Vec<SimpleKey>,
    indent: isize,
    indents: Vec<Indent>,
    flow_level: u32,
    tokens_parsed: usize,
    token_available: bool,
    leading_ws: bool,
    flow_mapping_started: Vec<bool>,
    implicit: Vec<Option<Implicit>>,
    interrupted_plain_by_comment: Option<Mark>,
}

impl<'a> Scanner<'a> {
    pub fn new(src: &'a str) -> Scanner<'a> {
        Scanner {
            src,
            b: src.as_bytes(),
            pos: 0,
            m: Mark {
                ci: 0,
                line: 1,
                col: 0,
            },
            tokens: VecDeque::new(),
            started: false,
            ended: false,
            adjacent_value_allowed_at: 0,
            simple_key_allowed: true,
            simple_keys: Vec::new(),
            indent: -1,
            indents: Vec::new(),
            flow_level: 0,
            tokens_parsed: 0,
            token_available: false,
            leading_ws: true,
            flow_mapping_started: Vec::new(),
            implicit: Vec::new(),
            interrupted_plain_by_comment: None,
        }
    }

    pub fn mark(&self) -> Mark {
        self.m
    }

    // ---- looking ----

    /// The byte `k` ahead; 0 past the end (a NUL byte reads the same, and
    /// both end the tokens that stop at "end of input").
    #[inline]
    fn at(&self, k: usize) -> u8 {
        match self.b.get(self.pos + k) {
            Some(&c) => c,
            None => 0,
        }
    }
    #[inline]
    fn bom_at(&self, k: usize) -> bool {
        self.b
            .get(self.pos + k..)
            .is_some_and(|r| r.starts_with(&[0xEF, 0xBB, 0xBF]))
    }
    /// Plain text that is not a break, NUL or byte order mark.
    #[inline]
    fn non_break_at(&self, k: usize) -> bool {
        let c = self.at(k);
        !(is_breakz(c) || c == 0xEF && self.bom_at(k))
    }
    fn doc_indicator(&self) -> bool {
        let (c0, c1, c2) = (self.at(0), self.at(1), self.at(2));
        ((c0 == b'-' && c1 == b'-' && c2 == b'-') || (c0 == b'.' && c1 == b'.' && c2 == b'.'))
            && (self.pos + 3 == self.b.len() || is_blankz(self.at(3)))
    }
    fn doc_start(&self) -> bool {
        self.at(0) == b'-' && self.doc_indicator()
    }
    fn doc_end(&self) -> bool {
        self.at(0) == b'.' && self.doc_indicator()
    }

    // ---- moving ----

    /// Past `n` ASCII non-blank bytes.
    #[inline]
    fn skip_nb(&mut self, n: usize) {
        self.pos += n;
        self.m.col += n as u32;
        self.m.ci += n;
        self.leading_ws = false;
    }
    /// Past one space or tab.
    #[inline]
    fn skip_blank(&mut self) {
        self.pos += 1;
        self.m.col += 1;
        self.m.ci += 1;
    }
    /// Past the bytes up to `end` (no breaks among them), counting characters.
    #[inline]
    fn skip_to(&mut self, end: usize, non_blank: bool) {
        let n = chars_in(&self.b[self.pos..end]);
        self.pos = end;
        self.m.col += n as u32;
        self.m.ci += n;
        if non_blank {
            self.leading_ws = false;
        }
    }
    #[inline]
    fn skip_nl(&mut self) {
        self.pos += 1;
        self.m.ci += 1;
        self.m.col = 0;
        self.m.line += 1;
        self.leading_ws = true;
    }
    /// Past a line break (`\r\n` counts as one).
    #[inline]
    fn skip_break(&mut self) {
        if self.at(0) == b'\r' && self.at(1) == b'\n' {
            self.skip_blank();
        }
        self.skip_nl();
    }
    fn skip_linebreak(&mut self) {
        if is_break(self.at(0)) {
            self.skip_break();
        }
    }
    /// End of a comment that starts at `from`.
    #[inline]
    fn comment_end(&self, from: usize) -> usize {
        let mut i = from;
        let b = self.b;
        while i < b.len() {
            let c = b[i];
            if c == b'\n' || c == b'\r' || c == 0 {
                break;
            }
            if c == 0xEF && b[i..].starts_with(&[0xEF, 0xBB, 0xBF]) {
                break;
            }
            i += 1;
        }
        i
    }

    /// Spaces (and tabs if allowed) and a comment up to the end of the
    /// line. Returns (tabs seen, spaces seen).
    fn skip_ws_to_eol(&mut self, tabs: bool) -> Result<(bool, bool), Fail> {
        let mut tab = false;
        let mut space = false;
        loop {
            match self.at(0) {
                b' ' => {
                    space = true;
                    self.skip_blank();
                }
                b'\t' if tabs => {
                    tab = true;
                    self.skip_blank();
                }
                _ => break,
            }
        }
        if self.at(0) == b'#' {
            if !tab && !space {
                return fail(self.m, SyntaxKind::CommentWithoutSpace);
            }
            let end = self.comment_end(self.pos);
            self.skip_to(end, false);
        }
        if self.m.col > 0 && self.bom_at(0) {
            return fail(self.m, SyntaxKind::MisplacedBom);
        }
        Ok((tab, space))
    }

    // ---- the token queue ----

    /// The next token, or `None` after the end of the stream.
    pub fn next_token(&mut self) -> Result<Option<Token<'a>>, Fail> {
        if self.ended {
            return Ok(None);
        }
        if !self.token_available {
            self.fetch_more_tokens()?;
        }
        let Some(t) = self.tokens.pop_front() else {
            return fail(self.m, SyntaxKind::UnexpectedEnd);
        };
        self.token_available = false;
        self.tokens_parsed += 1;
        if matches!(t.tok, Tok::StreamEnd) {
            self.ended = true;
        }
        Ok(Some(t))
    }

    fn fetch_more_tokens(&mut self) -> Result<(), Fail> {
        loop {
            let need_more = if self.tokens.is_empty() {
                true
            } else {
                self.stale_simple_keys()?;
                let tp = self.tokens_parsed;
                self.simple_keys
                    .iter()
                    .any(|sk| sk.possible && sk.token_number == tp)
            };
            if !need_more {
                break;
            }
            self.fetch_next_token()?;
        }
        self.token_available = true;
        Ok(())
    }

    fn stale_simple_keys(&mut self) -> Result<(), Fail> {
        if self.flow_level != 0 {
            return Ok(());
        }
        let m = self.m;
        for sk in &mut self.simple_keys {
            if sk.possible && (sk.mark.line < m.line || sk.mark.ci + 1024 < m.ci) {
                if sk.required {
                    return fail(m, SyntaxKind::MissingColon);
                }
                sk.possible = false;
            }
        }
        Ok(())
    }

    fn push(&mut self, at: Mark, tok: Tok<'a>) {
        self.tokens.push_back(Token { at, tok });
    }

    fn fetch_next_token(&mut self) -> Result<(), Fail> {
        if !self.started {
            self.started = true;
            self.indent = -1;
            self.simple_key_allowed = true;
            self.push(self.m, Tok::StreamStart);
            self.simple_keys.push(NO_KEY);
            return Ok(());
        }
        self.skip_to_next_token()?;
        self.stale_simple_keys()?;
        self.unroll_indent(self.m.col as isize);

        if self.pos >= self.b.len() {
            return self.fetch_stream_end();
        }
        let c = self.at(0);
        if c == 0 {
            return fail(self.m, SyntaxKind::NulByte);
        }
        if c == 0xEF && self.bom_at(0) {
            if self.m.col == 0 && self.flow_level == 0 {
                return self.fetch_bom();
            }
            return fail(self.m, SyntaxKind::MisplacedBom);
        }
        if self.m.col == 0 {
            if c == b'%' {
                return self.fetch_directive();
            } else if self.doc_start() {
                return self.fetch_document_indicator(Tok::DocumentStart);
            } else if self.doc_end() {
                self.fetch_document_indicator(Tok::DocumentEnd)?;
                self.skip_ws_to_eol(true)?;
                if !is_breakz(self.at(0)) {
                    return fail(self.m, SyntaxKind::ContentAfterDocumentEnd);
                }
                return Ok(());
            }
        }
        if (self.m.col as isize) < self.indent {
            return fail(self.m, SyntaxKind::BadIndentation);
        }
        let nc = self.at(1);
        match c {
            b'[' => self.fetch_flow_collection_start(Tok::FlowSeqStart),
            b'{' => self.fetch_flow_collection_start(Tok::FlowMapStart),
            b']' => self.fetch_flow_collection_end(Tok::FlowSeqEnd),
            b'}' => self.fetch_flow_collection_end(Tok::FlowMapEnd),
            b',' => self.fetch_flow_entry(),
            b'-' if is_blankz(nc) => self.fetch_block_entry(),
            b'?' if is_blankz(nc) => self.fetch_key(),
            b':' if is_blankz(nc) => self.fetch_value(),
            b':' if self.flow_level > 0
                && (is_flow(nc) || self.m.ci == self.adjacent_value_allowed_at) =>
            {
                self.fetch_flow_value()
            }
            b'*' => self.fetch_anchor(true),
            b'&' => self.fetch_anchor(false),
            b'!' => self.fetch_tag(),
            b'|' if self.flow_level == 0 => self.fetch_block_scalar(true),
            b'>' if self.flow_level == 0 => self.fetch_block_scalar(false),
            b'\'' => self.fetch_flow_scalar(true),
            b'"' => self.fetch_flow_scalar(false),
            b'-' => self.fetch_plain_scalar(),
            b':' | b'?' if self.flow_level == 0 => self.fetch_plain_scalar(),
            b'%' | b'@' | b'`' => fail(self.m, SyntaxKind::ReservedCharacter),
            _ => self.fetch_plain_scalar(),
        }
    }

    fn skip_to_next_token(&mut self) -> Result<(), Fail> {
        loop {
            match self.at(0) {
                b'\t'
                    if !self.indents.is_empty()
                        && self.leading_ws
                        && (self.m.col as isize) < self.indent =>
                {
                    self.skip_ws_to_eol(true)?;
                    if !is_breakz(self.at(0)) {
                        return fail(self.m, SyntaxKind::TabIndentation);
                    }
                }
                b'\t' | b' ' => self.skip_blank(),
                b'\n' | b'\r' => {
                    self.skip_break();
                    if self.flow_level == 0 {
                        self.simple_key_allowed = true;
                    }
                }
                b'#' => {
                    let end = self.comment_end(self.pos);
                    self.skip_to(end, false);
                }
                _ => break,
            }
        }
        if let Some(err) = self.interrupted_plain_by_comment.take() {
            if self.flow_level == 0
                && self.m.line == err.line + 1
                && self.m.col as isize > self.indent
                && self.at(0) != 0
                && !self.doc_indicator()
                && self.can_be_plain(false)
            {
                return fail(err, SyntaxKind::CommentInsideText);
            }
        }
        Ok(())
    }

    /// Whether the next character may continue a plain scalar.
    #[inline]
    fn can_be_plain(&self, in_flow: bool) -> bool {
        let c = self.at(0);
        match c {
            b':' => !(is_blankz(self.at(1)) || (in_flow && is_flow(self.at(1)))),
            0xEF if self.bom_at(0) => false,
            _ => !(in_flow && is_flow(c)),
        }
    }

    fn fetch_stream_end(&mut self) -> Result<(), Fail> {
        if self.m.col != 0 {
            self.m.col = 0;
            self.m.line += 1;
        }
        for sk in &mut self.simple_keys {
            if sk.required && sk.possible {
                return fail(self.m, SyntaxKind::MissingColon);
            }
            sk.possible = false;
        }
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        self.push(self.m, Tok::StreamEnd);
        Ok(())
    }

    fn fetch_bom(&mut self) -> Result<(), Fail> {
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        let at = self.m;
        // A BOM moves on without taking a column (as saphyr counts it).
        self.pos += 3;
        self.m.ci += 1;
        self.simple_key_allowed = true;
        self.push(at, Tok::Bom);
        Ok(())
    }

    fn fetch_document_indicator(&mut self, t: Tok<'a>) -> Result<(), Fail> {
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        let at = self.m;
        self.skip_nb(3);
        self.push(at, t);
        Ok(())
    }

    // ---- directives ----

    fn fetch_directive(&mut self) -> Result<(), Fail> {
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        let start = self.m;
        self.skip_nb(1);
        let name_at = self.m;
        let name_start = self.pos;
        self.skip_non_space_run();
        let name = &self.src[name_start..self.pos];
        if name.is_empty() || !is_blankz(self.at(0)) {
            return fail(name_at, SyntaxKind::BadDirective);
        }
        let tok = match name {
            "YAML" => {
                self.skip_blanks();
                self.version_number(start)?;
                if self.at(0) != b'.' {
                    return fail(start, SyntaxKind::BadDirective);
                }
                self.skip_nb(1);
                self.version_number(start)?;
                Tok::VersionDirective
            }
            "TAG" => {
                self.skip_blanks();
                let handle = self.tag_handle(true, start)?;
                self.skip_blanks();
                self.tag_prefix(start)?;
                if !is_blankz(self.at(0)) {
                    return fail(start, SyntaxKind::BadDirective);
                }
                Tok::TagDirective(handle)
            }
            _ => {
                while is_blank(self.at(0)) {
                    self.skip_blanks();
                    if !is_blankz(self.at(0)) {
                        self.skip_non_space_run();
                    }
                }
                Tok::ReservedDirective
            }
        };
        self.skip_ws_to_eol(true)?;
        if !is_breakz(self.at(0)) {
            return fail(start, SyntaxKind::BadDirective);
        }
        self.skip_linebreak();
        self.push(start, tok);
        Ok(())
    }

    fn skip_blanks(&mut self) {
        while is_blank(self.at(0)) {
            self.skip_blank();
        }
    }

    /// Past characters that are neither blank, break, NUL nor BOM.
    fn skip_non_space_run(&mut self) {
        let mut i = self.pos;
        let b = self.b;
        while i < b.len() {
            let c = b[i];
            if is_blankz(c) || (c == 0xEF && b[i..].starts_with(&[0xEF, 0xBB, 0xBF])) {
                break;
            }
            i += 1;
        }
        self.skip_to(i, true);
    }

    fn version_number(&mut self, start: Mark) -> Result<(), Fail> {
        let mut n = 0;
        while self.at(0).is_ascii_digit() {
            n += 1;
            if n > 9 {
                return fail(start, SyntaxKind::BadDirective);
            }
            self.skip_nb(1);
        }
        if n == 0 {
            return fail(start, SyntaxKind::BadDirective);
        }
        Ok(())
    }

    /// `!`, `!!` or `!name!`.
    fn tag_handle(&mut self, directive: bool, start: Mark) -> Result<&'a str, Fail> {
        if self.at(0) != b'!' {
            return fail(start, SyntaxKind::BadTag);
        }
        let from = self.pos;
        self.skip_nb(1);
        while is_alpha(self.at(0)) {
            self.skip_nb(1);
        }
        if self.at(0) == b'!' {
            self.skip_nb(1);
        } else if directive && self.pos - from != 1 {
            return fail(start, SyntaxKind::BadTag);
        }
        Ok(&self.src[from..self.pos])
    }

    fn tag_prefix(&mut self, start: Mark) -> Result<(), Fail> {
        let c = self.at(0);
        if c == b'!' {
            self.skip_nb(1);
        } else if !is_tag_char(c) {
            return fail(start, SyntaxKind::BadTag);
        } else if c == b'%' {
            self.uri_escapes(start)?;
        } else {
            self.skip_nb(1);
        }
        self.uri_chars(start)
    }

    fn uri_chars(&mut self, start: Mark) -> Result<(), Fail> {
        while is_uri(self.at(0)) {
            if self.at(0) == b'%' {
                self.uri_escapes(start)?;
            } else {
                self.skip_nb(1);
            }
        }
        Ok(())
    }

    /// `%xx` escapes in a tag. They are checked the way saphyr checks them
    /// (it joins the bytes of a multi-byte sequence into one number, which
    /// is never a valid character past two bytes), so both refuse the same.
    fn uri_escapes(&mut self, start: Mark) -> Result<(), Fail> {
        let mut width = 0u32;
        let mut code = 0u32;
        loop {
            let (h, l) = match (self.at(0), hex(self.at(1)), hex(self.at(2))) {
                (b'%', Some(h), Some(l)) => (h, l),
                _ => return fail(start, SyntaxKind::BadTag),
            };
            let byte = (h << 4) + l;
            if width == 0 {
                width = match byte {
                    _ if byte & 0x80 == 0 => 1,
                    _ if byte & 0xE0 == 0xC0 => 2,
                    _ if byte & 0xF0 == 0xE0 => 3,
                    _ if byte & 0xF8 == 0xF0 => 4,
                    _ => return fail(start, SyntaxKind::BadTag),
                };
                code = byte;
            } else {
                if byte & 0xC0 != 0x80 {
                    return fail(start, SyntaxKind::BadTag);
                }
                code = code.wrapping_shl(8).wrapping_add(byte);
            }
            self.skip_nb(3);
            width -= 1;
            if width == 0 {
                break;
            }
        }
        if char::from_u32(code).is_none() {
            return fail(start, SyntaxKind::BadTag);
        }
        Ok(())
    }

    // ---- tags, anchors, aliases ----

    fn fetch_tag(&mut self) -> Result<(), Fail> {
        self.save_simple_key();
        self.simple_key_allowed = false;
        let start = self.m;
        let mut named = None;
        if self.at(1) == b'<' {
            self.skip_nb(2);
            self.uri_chars(start)?;
            if self.at(0) != b'>' {
                return fail(start, SyntaxKind::BadTag);
            }
            self.skip_nb(1);
        } else {
            let handle = self.tag_handle(false, start)?;
            let two_bang = handle.len() >= 2 && handle.ends_with('!');
            if two_bang && handle != "!!" {
                named = Some(handle);
            }
            let mut suffix = 0;
            while is_tag_char(self.at(0)) {
                if self.at(0) == b'%' {
                    self.uri_escapes(start)?;
                } else {
                    self.skip_nb(1);
                }
                suffix += 1;
            }
            if two_bang && suffix == 0 {
                return fail(start, SyntaxKind::BadTag);
            }
        }
        let c = self.at(0);
        if !(is_blankz(c) || (self.flow_level > 0 && is_flow(c))) {
            return fail(start, SyntaxKind::BadTag);
        }
        self.push(start, Tok::Tag(named));
        Ok(())
    }

    fn fetch_anchor(&mut self, alias: bool) -> Result<(), Fail> {
        self.save_simple_key();
        self.simple_key_allowed = false;
        let start = self.m;
        self.skip_nb(1);
        let from = self.pos;
        let b = self.b;
        let mut i = from;
        while i < b.len() {
            let c = b[i];
            if is_blankz(c) || is_flow(c) || (c == 0xEF && b[i..].starts_with(&[0xEF, 0xBB, 0xBF]))
            {
                break;
            }
            i += 1;
        }
        if i == from {
            return fail(start, SyntaxKind::BadAnchor);
        }
        self.skip_to(i, true);
        let name = &self.src[from..i];
        self.push(
            start,
            if alias {
                Tok::Alias(name)
            } else {
                Tok::Anchor(name)
            },
        );
        Ok(())
    }

    // ---- flow indicators ----

    fn fetch_flow_collection_start(&mut self, tok: Tok<'a>) -> Result<(), Fail> {
        self.save_simple_key();
        self.roll_one_col_indent();
        if self.flow_level >= MAX_FLOW {
            return fail(self.m, SyntaxKind::TooDeep);
        }
        self.simple_keys.push(NO_KEY);
        self.flow_level += 1;
        self.simple_key_allowed = true;
        let start = self.m;
        self.skip_nb(1);
        let mapping = matches!(tok, Tok::FlowMapStart);
        self.flow_mapping_started.push(mapping);
        self.implicit.push(if mapping {
            None
        } else {
            Some(Implicit::Possible)
        });
        self.skip_ws_to_eol(true)?;
        self.push(start, tok);
        Ok(())
    }

    fn fetch_flow_collection_end(&mut self, tok: Tok<'a>) -> Result<(), Fail> {
        if self.flow_level == 0 {
            return fail(self.m, SyntaxKind::UnexpectedCharacter);
        }
        self.remove_simple_key()?;
        self.flow_level -= 1;
        self.simple_keys.pop();
        self.simple_key_allowed = false;
        if matches!(tok, Tok::FlowSeqEnd) {
            self.end_implicit_mapping(self.m);
        }
        self.implicit.pop();
        self.flow_mapping_started.pop();
        let start = self.m;
        self.skip_nb(1);
        self.skip_ws_to_eol(true)?;
        if self.flow_level > 0 {
            self.adjacent_value_allowed_at = self.m.ci;
        }
        self.push(start, tok);
        Ok(())
    }

    fn fetch_flow_entry(&mut self) -> Result<(), Fail> {
        self.remove_simple_key()?;
        self.simple_key_allowed = true;
        self.end_implicit_mapping(self.m);
        let start = self.m;
        self.skip_nb(1);
        self.skip_ws_to_eol(true)?;
        self.push(start, Tok::FlowEntry);
        Ok(())
    }

    fn end_implicit_mapping(&mut self, at: Mark) {
        if let (Some(Some(state)), Some(started)) = (
            self.implicit.last_mut(),
            self.flow_mapping_started.last_mut(),
        ) {
            if *state == Implicit::Inside {
                *started = false;
                *state = Implicit::Possible;
                self.tokens.push_back(Token {
                    at,
                    tok: Tok::FlowMapEnd,
                });
            }
        }
    }

    // ---- block indicators ----

    fn fetch_block_entry(&mut self) -> Result<(), Fail> {
        if self.flow_level > 0 {
            return fail(self.m, SyntaxKind::DashInFlow);
        }
        if !self.simple_key_allowed {
            return fail(self.m, SyntaxKind::DashNotAllowed);
        }
        if let Some(Token {
            at,
            tok: Tok::Anchor(_) | Tok::Tag(_),
        }) = self.tokens.back()
        {
            if self.m.col == 0 && at.col == 0 && self.indent > -1 {
                return fail(*at, SyntaxKind::BadIndentation);
            }
        }
        let mark = self.m;
        self.skip_nb(1);
        self.roll_indent(mark.col, None, Tok::BlockSeqStart, mark);
        let (tabs, _) = self.skip_ws_to_eol(true)?;
        if tabs && self.at(0) == b'-' && is_blankz(self.at(1)) {
            return fail(self.m, SyntaxKind::TabIndentation);
        }
        self.skip_ws_to_eol(false)?;
        if is_break(self.at(0)) || is_flow(self.at(0)) {
            self.roll_one_col_indent();
        }
        self.remove_simple_key()?;
        self.simple_key_allowed = true;
        self.push(self.m, Tok::BlockEntry);
        Ok(())
    }

    fn fetch_key(&mut self) -> Result<(), Fail> {
        let start = self.m;
        if self.flow_level == 0 {
            if !self.simple_key_allowed {
                return fail(self.m, SyntaxKind::KeyNotAllowed);
            }
            self.roll_indent(start.col, None, Tok::BlockMapStart, start);
        } else if let Some(s) = self.flow_mapping_started.last_mut() {
            *s = true;
        }
        self.remove_simple_key()?;
        self.simple_key_allowed = self.flow_level == 0;
        self.skip_nb(1);
        // Whitespace, line breaks and comments, of which there must be some.
        let mut need_ws = true;
        loop {
            match self.at(0) {
                b' ' => {
                    self.skip_blank();
                    need_ws = false;
                }
                b'\n' | b'\r' => {
                    self.skip_break();
                    if self.flow_level == 0 {
                        self.simple_key_allowed = true;
                    }
                    need_ws = false;
                }
                b'#' => {
                    let end = self.comment_end(self.pos);
                    self.skip_to(end, false);
                }
                _ => break,
            }
        }
        if need_ws {
            let kind = if self.at(0) == b'\t' {
                SyntaxKind::TabIndentation
            } else {
                SyntaxKind::UnexpectedEnd
            };
            return fail(self.m, kind);
        }
        if self.at(0) == b'\t' {
            return fail(self.m, SyntaxKind::TabIndentation);
        }
        self.push(start, Tok::Key);
        Ok(())
    }

    fn fetch_flow_value(&mut self) -> Result<(), Fail> {
        let nc = self.at(1);
        if self.m.ci != self.adjacent_value_allowed_at && (nc == b'[' || nc == b'{') {
            return fail(self.m, SyntaxKind::UnexpectedCharacter);
        }
        self.fetch_value()
    }

    fn fetch_value(&mut self) -> Result<(), Fail> {
        let Some(&sk) = self.simple_keys.last() else {
            return fail(self.m, SyntaxKind::ColonNotAllowed);
        };
        let start = self.m;
        let implicit_flow_mapping =
            match (self.implicit.last_mut(), self.flow_mapping_started.last()) {
                (Some(Some(state)), Some(false)) => {
                    *state = Implicit::Inside;
                    true
                }
                _ => false,
            };
        self.skip_nb(1);
        if self.at(0) == b'\t' {
            let (_, spaces) = self.skip_ws_to_eol(true)?;
            if !spaces && (self.at(0) == b'-' || is_alpha(self.at(0))) {
                return fail(self.m, SyntaxKind::TabIndentation);
            }
        }
        if sk.possible {
            let n = sk.token_number - self.tokens_parsed;
            self.tokens.insert(
                n,
                Token {
                    at: sk.mark,
                    tok: Tok::Key,
                },
            );
            if implicit_flow_mapping {
                if sk.mark.line < start.line {
                    return fail(start, SyntaxKind::ColonNotAllowed);
                }
                self.tokens.insert(
                    n,
                    Token {
                        at: sk.mark,
                        tok: Tok::FlowMapStart,
                    },
                );
            }
            self.roll_indent(
                sk.mark.col,
                Some(sk.token_number),
                Tok::BlockMapStart,
                sk.mark,
            );
            self.roll_one_col_indent();
            if let Some(last) = self.simple_keys.last_mut() {
                last.possible = false;
            }
            self.simple_key_allowed = false;
        } else {
            if implicit_flow_mapping {
                self.push(start, Tok::FlowMapStart);
            }
            if self.flow_level == 0 {
                if !self.simple_key_allowed {
                    return fail(start, SyntaxKind::ColonNotAllowed);
                }
                self.roll_indent(start.col, None, Tok::BlockMapStart, start);
            }
            self.roll_one_col_indent();
            self.simple_key_allowed = self.flow_level == 0;
        }
        self.push(start, Tok::Value);
        Ok(())
    }

    fn roll_indent(&mut self, col: u32, number: Option<usize>, tok: Tok<'a>, at: Mark) {
        if self.flow_level > 0 {
            return;
        }
        let col = col as isize;
        if self.indent <= col {
            if let Some(last) = self.indents.last() {
                if !last.needs_block_end {
                    self.indent = last.indent;
                    self.indents.pop();
                }
            }
        }
        if self.indent < col {
            self.indents.push(Indent {
                indent: self.indent,
                needs_block_end: true,
            });
            self.indent = col;
            let t = Token { at, tok };
            match number {
                Some(n) => self.tokens.insert(n - self.tokens_parsed, t),
                None => self.tokens.push_back(t),
            }
        }
    }

    fn unroll_indent(&mut self, col: isize) {
        if self.flow_level > 0 {
            return;
        }
        while self.indent > col {
            let Some(last) = self.indents.pop() else {
                break;
            };
            self.indent = last.indent;
            if last.needs_block_end {
                self.push(self.m, Tok::BlockEnd);
            }
        }
    }

    fn roll_one_col_indent(&mut self) {
        if self.flow_level == 0 && self.indents.last().is_some_and(|i| i.needs_block_end) {
            self.indents.push(Indent {
                indent: self.indent,
                needs_block_end: false,
            });
            self.indent += 1;
        }
    }

    fn unroll_non_block_indents(&mut self) {
        while let Some(last) = self.indents.last() {
            if last.needs_block_end {
                break;
            }
            self.indent = last.indent;
            self.indents.pop();
        }
    }

    fn save_simple_key(&mut self) {
        if self.simple_key_allowed {
            let required = self.flow_level == 0
                && self.indent == self.m.col as isize
                && self.indents.last().is_some_and(|i| i.needs_block_end);
            let sk = SimpleKey {
                possible: true,
                required,
                token_number: self.tokens_parsed + self.tokens.len(),
                mark: self.m,
            };
            if let Some(last) = self.simple_keys.last_mut() {
                *last = sk;
            }
        }
    }

    fn remove_simple_key(&mut self) -> Result<(), Fail> {
        let m = self.m;
        let Some(last) = self.simple_keys.last_mut() else {
            return Ok(());
        };
        if last.possible && last.required {
            return fail(m, SyntaxKind::MissingColon);
        }
        last.possible = false;
        Ok(())
    }

    // ---- scalars ----

    fn fetch_block_scalar(&mut self, literal: bool) -> Result<(), Fail> {
        self.save_simple_key();
        self.simple_key_allowed = true;
        let tok = self.scan_block_scalar(literal)?;
        self.tokens.push_back(tok);
        Ok(())
    }

    fn scan_block_scalar(&mut self, literal: bool) -> Result<Token<'a>, Fail> {
        #[derive(PartialEq)]
        enum Chomp {
            Strip,
            Clip,
            Keep,
        }
        let start = self.m;
        let mut chomp = Chomp::Clip;
        let mut increment = 0usize;
        self.skip_nb(1);
        self.unroll_non_block_indents();
        let chomp_of = |c: u8| if c == b'+' { Chomp::Keep } else { Chomp::Strip };
        let c = self.at(0);
        if c == b'+' || c == b'-' {
            chomp = chomp_of(c);
            self.skip_nb(1);
            let d = self.at(0);
            if d.is_ascii_digit() {
                if d == b'0' {
                    return fail(start, SyntaxKind::BadBlockHeader);
                }
                increment = (d - b'0') as usize;
                self.skip_nb(1);
            }
        } else if c.is_ascii_digit() {
            if c == b'0' {
                return fail(start, SyntaxKind::BadBlockHeader);
            }
            increment = (c - b'0') as usize;
            self.skip_nb(1);
            let d = self.at(0);
            if d == b'+' || d == b'-' {
                chomp = chomp_of(d);
                self.skip_nb(1);
            }
        }
        self.skip_ws_to_eol(true)?;
        if !is_breakz(self.at(0)) {
            return fail(start, SyntaxKind::BadBlockHeader);
        }
        if is_break(self.at(0)) {
            self.skip_break();
        }
        if self.at(0) == b'\t' {
            return fail(start, SyntaxKind::TabIndentation);
        }
        let mut indent = 0usize;
        if increment > 0 {
            indent = if self.indent >= 0 {
                (self.indent + increment as isize) as usize
            } else {
                increment
            };
        }
        // Line breaks are counted, then written out as '\n's.
        let mut trailing = 0usize;
        if indent == 0 {
            let mut max_indent = 0usize;
            loop {
                while self.at(0) == b' ' {
                    self.skip_blank();
                }
                max_indent = max_indent.max(self.m.col as usize);
                if is_break(self.at(0)) {
                    self.skip_break();
                    trailing += 1;
                } else {
                    break;
                }
            }
            indent = max_indent.max((self.indent + 1) as usize);
        } else {
            trailing += self.block_indent(indent);
        }
        let style = Style::Block;
        let mut s = String::new();
        if self.pos >= self.b.len() || self.at(0) == 0 {
            if chomp == Chomp::Keep {
                if trailing == 0 && self.m.line > start.line && self.m.col > 0 {
                    s.push('\n');
                } else {
                    push_breaks(&mut s, trailing);
                }
            }
            return Ok(Token {
                at: start,
                tok: Tok::Scalar(style, Cow::Owned(s)),
            });
        }
        if (self.m.col as usize) < indent && (self.m.col as isize) > self.indent {
            return fail(self.m, SyntaxKind::BadIndentation);
        }
        // saphyr places a block scalar where its first line of text starts.
        let start = self.m;
        let mut leading_break = 0usize;
        let mut leading_blank = false;
        while self.m.col as usize == indent && self.non_break_at(0) {
            if indent == 0 && self.doc_indicator() {
                break;
            }
            let trailing_blank = is_blank(self.at(0));
            if !literal && leading_break > 0 && !leading_blank && !trailing_blank {
                push_breaks(&mut s, trailing);
                if trailing == 0 {
                    s.push(' ');
                }
            } else {
                push_breaks(&mut s, leading_break);
                push_breaks(&mut s, trailing);
            }
            leading_break = 0;
            trailing = 0;
            leading_blank = is_blank(self.at(0));
            // The rest of the line, as it is.
            let from = self.pos;
            let end = self.comment_end(from);
            s.push_str(&self.src[from..end]);
            self.skip_to(end, false);
            if !is_break(self.at(0)) {
                break;
            }
            self.skip_break();
            leading_break = 1;
            trailing += self.block_indent(indent);
        }
        if chomp != Chomp::Strip {
            push_breaks(&mut s, leading_break);
            if (self.pos >= self.b.len() || self.at(0) == 0) && self.m.col as usize >= indent.max(1)
            {
                s.push('\n');
            }
        }
        if chomp == Chomp::Keep {
            push_breaks(&mut s, trailing);
        }
        Ok(Token {
            at: start,
            tok: Tok::Scalar(style, Cow::Owned(s)),
        })
    }

    /// Indentation of block scalar lines up to `indent`, and the empty lines
    /// among them (returned as a count).
    fn block_indent(&mut self, indent: usize) -> usize {
        let mut breaks = 0;
        loop {
            while (self.m.col as usize) < indent && self.at(0) == b' ' {
                self.skip_blank();
            }
            if is_break(self.at(0)) {
                self.skip_break();
                breaks += 1;
            } else {
                return breaks;
            }
        }
    }

    fn fetch_flow_scalar(&mut self, single: bool) -> Result<(), Fail> {
        self.save_simple_key();
        self.simple_key_allowed = false;
        let tok = self.scan_flow_scalar(single)?;
        self.skip_to_next_token()?;
        self.adjacent_value_allowed_at = self.m.ci;
        self.tokens.push_back(tok);
        Ok(())
    }

    fn scan_flow_scalar(&mut self, single: bool) -> Result<Token<'a>, Fail> {
        let start = self.m;
        self.skip_nb(1);
        let quote = if single { b'\'' } else { b'"' };
        // Fast path: text up to the closing quote with nothing to decode.
        let from = self.pos;
        let mut i = from;
        let b = self.b;
        while i < b.len() {
            let c = b[i];
            if c == quote || c == b'\\' && !single || is_blankz(c) {
                break;
            }
            i += 1;
        }
        if i < b.len() && b[i] == quote && !(single && b.get(i + 1) == Some(&b'\'')) {
            self.skip_to(i, true);
            self.skip_nb(1);
            self.after_quoted(start)?;
            return Ok(Token {
                at: start,
                tok: Tok::Scalar(Style::Quoted, Cow::Borrowed(&self.src[from..i])),
            });
        }
        let mut s = String::new();
        let mut leading_break = 0usize;
        let mut trailing = 0usize;
        loop {
            if self.m.col == 0 && self.doc_indicator() {
                return fail(start, SyntaxKind::DocumentMarkerInQuote);
            }
            if self.pos >= b.len() || self.at(0) == 0 {
                return fail(start, SyntaxKind::UnclosedQuote);
            }
            if (self.m.col as isize) < self.indent {
                return fail(start, SyntaxKind::BadIndentation);
            }
            let mut leading_blanks = false;
            // Non-blank characters.
            while !is_blankz(self.at(0)) {
                let c = self.at(0);
                if single && c == b'\'' && self.at(1) == b'\'' {
                    s.push('\'');
                    self.skip_nb(2);
                } else if c == quote {
                    break;
                } else if !single && c == b'\\' && is_break(self.at(1)) {
                    self.skip_nb(1);
                    self.skip_linebreak();
                    leading_blanks = true;
                    break;
                } else if !single && c == b'\\' {
                    s.push(self.escape(start)?);
                } else {
                    let from = self.pos;
                    let mut j = from + 1;
                    while j < b.len() {
                        let c = b[j];
                        if is_blankz(c) || c == quote || c == b'\\' {
                            break;
                        }
                        j += 1;
                    }
                    s.push_str(&self.src[from..j]);
                    self.skip_to(j, true);
                }
            }
            if self.at(0) == quote {
                break;
            }
            // Blanks and breaks.
            let ws_from = self.pos;
            while is_blank(self.at(0)) || is_break(self.at(0)) {
                if is_blank(self.at(0)) {
                    if leading_blanks && self.at(0) == b'\t' && (self.m.col as isize) < self.indent
                    {
                        return fail(self.m, SyntaxKind::TabIndentation);
                    }
                    self.skip_blank();
                } else if leading_blanks {
                    self.skip_break();
                    trailing += 1;
                } else {
                    self.skip_break();
                    leading_break = 1;
                    leading_blanks = true;
                }
            }
            if leading_blanks {
                if leading_break == 0 {
                    push_breaks(&mut s, trailing);
                } else if trailing == 0 {
                    s.push(' ');
                } else {
                    push_breaks(&mut s, trailing);
                }
                leading_break = 0;
                trailing = 0;
            } else {
                s.push_str(&self.src[ws_from..self.pos]);
            }
        }
        self.skip_nb(1);
        self.after_quoted(start)?;
        Ok(Token {
            at: start,
            tok: Tok::Scalar(Style::Quoted, Cow::Owned(s)),
        })
    }

    /// What may follow a closing quote.
    fn after_quoted(&mut self, start: Mark) -> Result<(), Fail> {
        self.skip_ws_to_eol(true)?;
        let c = self.at(0);
        let ok = match c {
            b',' | b'}' | b']' if self.flow_level > 0 => true,
            _ if is_breakz(c) => true,
            b':' if self.flow_level == 0 && start.line == self.m.line => true,
            b':' if self.flow_level > 0 => true,
            _ => false,
        };
        if ok {
            Ok(())
        } else {
            fail(self.m, SyntaxKind::ContentAfterQuote)
        }
    }

    fn escape(&mut self, start: Mark) -> Result<char, Fail> {
        let mut len = 0;
        let c = match self.at(1) {
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
            b'x' => {
                len = 2;
                '\0'
            }
            b'u' => {
                len = 4;
                '\0'
            }
            b'U' => {
                len = 8;
                '\0'
            }
            _ => return fail(start, SyntaxKind::BadEscape),
        };
        self.skip_nb(2);
        if len == 0 {
            return Ok(c);
        }
        let mut v = 0u32;
        for k in 0..len {
            match hex(self.at(k)) {
                Some(d) => v = (v << 4) + d,
                None => return fail(start, SyntaxKind::BadEscape),
            }
        }
        let Some(ch) = char::from_u32(v) else {
            return fail(start, SyntaxKind::BadEscape);
        };
        self.skip_nb(len);
        Ok(ch)
    }

    fn fetch_plain_scalar(&mut self) -> Result<(), Fail> {
        self.save_simple_key();
        self.simple_key_allowed = false;
        let tok = self.scan_plain_scalar()?;
        self.tokens.push_back(tok);
        Ok(())
    }

    fn scan_plain_scalar(&mut self) -> Result<Token<'a>, Fail> {
        self.unroll_non_block_indents();
        let indent = self.indent + 1;
        let start = self.m;
        let in_flow = self.flow_level > 0;
        if in_flow && (start.col as isize) < indent {
            return fail(start, SyntaxKind::BadIndentation);
        }
        let b = self.b;
        // The text is the first run, borrowed, until a second run makes
        // us join lines or words into an owned string.
        let mut first: Option<(usize, usize)> = None;
        let mut owned: Option<String> = None;
        let mut ws_from = 0usize;
        let mut ws_to = 0usize;
        let mut leading_break = false;
        let mut trailing = 0usize;
        loop {
            if (self.m.col == 0 && self.doc_indicator()) || self.at(0) == b'#' {
                if self.at(0) == b'#' && first.is_some() && ws_to > ws_from && !in_flow {
                    self.interrupted_plain_by_comment = Some(self.m);
                }
                break;
            }
            if in_flow && self.at(0) == b'-' && is_flow(self.at(1)) {
                return fail(self.m, SyntaxKind::UnexpectedCharacter);
            }
            if !is_blankz(self.at(0)) && self.can_be_plain(in_flow) {
                // What joins this run to the text before it.
                let mut sep: Option<&str> = None;
                let mut breaks = 0usize;
                if self.leading_ws {
                    if leading_break {
                        if trailing == 0 {
                            sep = Some(" ");
                        } else {
                            breaks = trailing;
                        }
                    } else {
                        breaks = trailing;
                    }
                    trailing = 0;
                    leading_break = false;
                    self.leading_ws = false;
                } else if ws_to > ws_from {
                    sep = Some(&self.src[ws_from..ws_to]);
                }
                ws_from = 0;
                ws_to = 0;
                // The run itself.
                let from = self.pos;
                let mut i = from + 1;
                while i < b.len() {
                    let c = b[i];
                    if is_blankz(c) {
                        break;
                    }
                    if c == b':' {
                        let n = b.get(i + 1).copied().unwrap_or(0);
                        if is_blankz(n) || (in_flow && is_flow(n)) {
                            break;
                        }
                    } else if (in_flow && is_flow(c))
                        || (c == 0xEF && b[i..].starts_with(&[0xEF, 0xBB, 0xBF]))
                    {
                        break;
                    }
                    i += 1;
                }
                let run = &self.src[from..i];
                match (first, &mut owned) {
                    (None, _) if sep.is_none() && breaks == 0 => first = Some((from, i)),
                    (_, Some(s)) => {
                        if let Some(sep) = sep {
                            s.push_str(sep);
                        }
                        push_breaks(s, breaks);
                        s.push_str(run);
                    }
                    // A second run: the text stops being a slice of the input.
                    (f, None) => {
                        let mut s = String::new();
                        if let Some((a, z)) = f {
                            s.push_str(&self.src[a..z]);
                        }
                        if let Some(sep) = sep {
                            s.push_str(sep);
                        }
                        push_breaks(&mut s, breaks);
                        s.push_str(run);
                        owned = Some(s);
                    }
                }
                self.skip_to(i, true);
            }
            if !(is_blank(self.at(0)) || is_break(self.at(0))) {
                break;
            }
            while is_blank(self.at(0)) || is_break(self.at(0)) {
                if is_blank(self.at(0)) {
                    if !self.leading_ws {
                        if ws_to != self.pos {
                            ws_from = self.pos;
                        }
                        self.skip_blank();
                        ws_to = self.pos;
                    } else if (self.m.col as isize) < indent && self.at(0) == b'\t' {
                        self.skip_ws_to_eol(true)?;
                        if !is_breakz(self.at(0)) {
                            return fail(start, SyntaxKind::TabIndentation);
                        }
                    } else {
                        self.skip_blank();
                    }
                } else if self.leading_ws {
                    self.skip_break();
                    trailing += 1;
                } else {
                    ws_from = 0;
                    ws_to = 0;
                    self.skip_break();
                    leading_break = true;
                    self.leading_ws = true;
                }
            }
            if !in_flow && (self.m.col as isize) < indent {
                break;
            }
        }
        if self.leading_ws {
            self.simple_key_allowed = true;
        }
        let text = match (owned, first) {
            (Some(s), _) => Cow::Owned(s),
            (None, Some((a, z))) => Cow::Borrowed(&self.src[a..z]),
            (None, None) => return fail(start, SyntaxKind::UnexpectedCharacter),
        };
        Ok(Token {
            at: start,
            tok: Tok::Scalar(Style::Plain, text),
        })
    }
}

fn push_breaks(s: &mut String, n: usize) {
    for _ in 0..n {
        s.push('\n');
    }
}

//! Tokens to events: the grammar half of the YAML reader.
//!
//! A state machine with an explicit stack of states (no recursion, so deep
//! input cannot overflow the native stack). Each event carries the place
//! the tree builder gives its node; empty values take the place of the
//! token that showed they were empty, as saphyr-parser does.

use super::scan::{Fail, Mark, Scanner, Tok, Token};
use super::{Style, SyntaxKind};
use std::borrow::Cow;
use std::collections::BTreeSet;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Event<'a> {
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    StreamStart,
    ImplicitDocumentStart,
    DocumentStart,
    DocumentContent,
    DocumentEnd,
    BlockNode,
    BlockMappingFirstKey,
    BlockMappingKey,
    BlockMappingValue,
    BlockSequenceFirstEntry,
    BlockSequenceEntry,
    FlowSequenceFirstEntry,
    FlowSequenceEntry,
    FlowMappingFirstKey,
    FlowMappingKey,
    FlowMappingValue,
    FlowMappingEmptyValue,
    IndentlessSequenceEntry,
    FlowSequenceEntryMappingKey,
    FlowSequenceEntryMappingValue,
    FlowSequenceEntryMappingEnd,
    End,
}

pub(super) struct Parser<'a> {
    scanner: Scanner<'a>,
    token: Option<Token<'a>>,
    state: State,
    states: Vec<State>,
    /// Tag handles declared by `%TAG` in the current document (a set: a
    /// paste may hold any number of directives).
    tags: BTreeSet<&'a str>,
}

type Step<'a> = Result<(Event<'a>, Mark), Fail>;

fn fail<T>(at: Mark, kind: SyntaxKind) -> Result<T, Fail> {
    Err(Fail { at, kind })
}

fn empty<'a>(anchor: Option<&'a str>) -> Event<'a> {
    Event::Scalar(Cow::Borrowed(""), Style::Plain, anchor)
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str) -> Parser<'a> {
        Parser {
            scanner: Scanner::new(text),
            token: None,
            state: State::StreamStart,
            states: Vec::new(),
            tags: BTreeSet::new(),
        }
    }

    /// The next event and its place; `StreamEnd` once everything is read.
    pub fn next_event(&mut self) -> Step<'a> {
        if self.state == State::End {
            return Ok((Event::StreamEnd, self.scanner.mark()));
        }
        self.state_machine()
    }

    fn peek(&mut self) -> Result<&Token<'a>, Fail> {
        if self.token.is_none() {
            match self.scanner.next_token()? {
                Some(t) => self.token = Some(t),
                None => return fail(self.scanner.mark(), SyntaxKind::UnexpectedEnd),
            }
        }
        Ok(self.token.as_ref().expect("just filled"))
    }

    /// The kind and place of the next token (cheap to copy for matching).
    fn peek_kind(&mut self) -> Result<(TK, Mark), Fail> {
        let t = self.peek()?;
        Ok((TK::of(&t.tok), t.at))
    }

    fn take(&mut self) -> Token<'a> {
        self.token.take().expect("peeked before taken")
    }

    fn skip(&mut self) {
        self.token = None;
    }

    fn pop_state(&mut self) {
        self.state = self.states.pop().unwrap_or(State::End);
    }

    fn state_machine(&mut self) -> Step<'a> {
        match self.state {
            State::StreamStart => self.stream_start(),
            State::ImplicitDocumentStart => self.document_start(true),
            State::DocumentStart => self.document_start(false),
            State::DocumentContent => self.document_content(),
            State::DocumentEnd => self.document_end(),
            State::BlockNode => self.parse_node(true, false),
            State::BlockMappingFirstKey => self.block_mapping_key(true),
            State::BlockMappingKey => self.block_mapping_key(false),
            State::BlockMappingValue => self.block_mapping_value(),
            State::BlockSequenceFirstEntry => self.block_sequence_entry(true),
            State::BlockSequenceEntry => self.block_sequence_entry(false),
            State::FlowSequenceFirstEntry => self.flow_sequence_entry(true),
            State::FlowSequenceEntry => self.flow_sequence_entry(false),
            State::FlowMappingFirstKey => self.flow_mapping_key(true),
            State::FlowMappingKey => self.flow_mapping_key(false),
            State::FlowMappingValue => self.flow_mapping_value(false),
            State::FlowMappingEmptyValue => self.flow_mapping_value(true),
            State::IndentlessSequenceEntry => self.indentless_sequence_entry(),
            State::FlowSequenceEntryMappingKey => self.flow_sequence_entry_mapping_key(),
            State::FlowSequenceEntryMappingValue => self.flow_sequence_entry_mapping_value(),
            State::FlowSequenceEntryMappingEnd => {
                self.state = State::FlowSequenceEntry;
                Ok((Event::MappingEnd, self.scanner.mark()))
            }
            State::End => Ok((Event::StreamEnd, self.scanner.mark())),
        }
    }

    fn stream_start(&mut self) -> Step<'a> {
        let (k, at) = self.peek_kind()?;
        if k != TK::StreamStart {
            return fail(at, SyntaxKind::UnexpectedCharacter);
        }
        self.skip();
        self.state = State::ImplicitDocumentStart;
        // Not an event the builder needs: go straight on.
        self.state_machine()
    }

    fn document_start(&mut self, implicit: bool) -> Step<'a> {
        while matches!(self.peek_kind()?.0, TK::DocumentEnd | TK::Bom) {
            self.skip();
        }
        let (k, at) = self.peek_kind()?;
        match k {
            TK::StreamEnd => {
                self.state = State::End;
                self.skip();
                Ok((Event::StreamEnd, at))
            }
            TK::Directive | TK::DocumentStart => self.explicit_document_start(),
            _ if implicit => {
                self.process_directives()?;
                self.states.push(State::DocumentEnd);
                self.state = State::BlockNode;
                Ok((Event::DocumentStart, at))
            }
            _ => self.explicit_document_start(),
        }
    }

    fn process_directives(&mut self) -> Result<(), Fail> {
        let mut version = false;
        let mut declared: BTreeSet<&'a str> = BTreeSet::new();
        loop {
            let t = self.peek()?;
            let at = t.at;
            match t.tok {
                Tok::VersionDirective => {
                    if version {
                        return fail(at, SyntaxKind::BadDirective);
                    }
                    version = true;
                }
                Tok::TagDirective(handle) => {
                    if !declared.insert(handle) {
                        return fail(at, SyntaxKind::BadDirective);
                    }
                }
                Tok::ReservedDirective => {}
                _ => break,
            }
            self.skip();
        }
        self.tags.extend(declared);
        Ok(())
    }

    fn explicit_document_start(&mut self) -> Step<'a> {
        self.process_directives()?;
        let (k, at) = self.peek_kind()?;
        match k {
            TK::DocumentStart => {
                self.states.push(State::DocumentEnd);
                self.state = State::DocumentContent;
                self.skip();
                Ok((Event::DocumentStart, at))
            }
            TK::Bom => fail(at, SyntaxKind::MisplacedBom),
            _ => fail(at, SyntaxKind::ExpectedDocumentStart),
        }
    }

    fn document_content(&mut self) -> Step<'a> {
        let (k, at) = self.peek_kind()?;
        match k {
            TK::Directive | TK::DocumentStart | TK::DocumentEnd | TK::Bom | TK::StreamEnd => {
                self.pop_state();
                Ok((empty(None), at))
            }
            _ => self.parse_node(true, false),
        }
    }

    fn document_end(&mut self) -> Step<'a> {
        let (k, bom_at) = self.peek_kind()?;
        if k == TK::Bom {
            while self.peek_kind()?.0 == TK::Bom {
                self.skip();
            }
            if !matches!(
                self.peek_kind()?.0,
                TK::DocumentStart | TK::DocumentEnd | TK::StreamEnd
            ) {
                return fail(bom_at, SyntaxKind::MisplacedBom);
            }
        }
        let (k, at) = self.peek_kind()?;
        let explicit_end = k == TK::DocumentEnd;
        if explicit_end {
            self.skip();
        }
        self.tags.clear();
        if explicit_end {
            self.state = State::ImplicitDocumentStart;
        } else {
            let (k, at2) = self.peek_kind()?;
            match k {
                TK::Directive => return fail(at2, SyntaxKind::ExpectedDocumentStart),
                TK::DocumentStart | TK::StreamEnd => {}
                _ => return fail(at2, SyntaxKind::ExpectedDocumentStart),
            }
            self.state = State::DocumentStart;
        }
        Ok((Event::DocumentEnd, at))
    }

    fn check_tag(&self, named: Option<&'a str>, at: Mark) -> Result<(), Fail> {
        match named {
            Some(h) if !self.tags.contains(h) => fail(at, SyntaxKind::BadTag),
            _ => Ok(()),
        }
    }

    fn parse_node(&mut self, block: bool, indentless_sequence: bool) -> Step<'a> {
        let mut anchor: Option<&'a str> = None;
        let mut tagged = false;
        let (k, start) = self.peek_kind()?;
        match k {
            TK::Alias => {
                self.pop_state();
                let t = self.take();
                if let Tok::Alias(name) = t.tok {
                    return Ok((Event::Alias(name), t.at));
                }
                unreachable!("peeked an alias");
            }
            TK::Anchor => {
                if let Tok::Anchor(name) = self.take().tok {
                    anchor = Some(name);
                }
                if let Tok::Tag(named) = self.peek()?.tok {
                    self.skip();
                    // A bad handle after an anchor is reported at the anchor.
                    self.check_tag(named, start)?;
                    tagged = true;
                }
            }
            TK::Tag => {
                if let Tok::Tag(named) = self.take().tok {
                    self.check_tag(named, start)?;
                }
                tagged = true;
                if let Tok::Anchor(name) = self.peek()?.tok {
                    anchor = Some(name);
                    self.skip();
                }
            }
            _ => {}
        }
        let (k, at) = self.peek_kind()?;
        let event = match k {
            TK::BlockEntry if indentless_sequence => {
                self.state = State::IndentlessSequenceEntry;
                Event::SequenceStart(anchor)
            }
            TK::Scalar => {
                self.pop_state();
                let t = self.take();
                match t.tok {
                    Tok::Scalar(style, text) => Event::Scalar(text, style, anchor),
                    _ => unreachable!("peeked a scalar"),
                }
            }
            TK::FlowSeqStart => {
                self.state = State::FlowSequenceFirstEntry;
                Event::SequenceStart(anchor)
            }
            TK::FlowMapStart => {
                self.state = State::FlowMappingFirstKey;
                Event::MappingStart(anchor)
            }
            TK::BlockSeqStart if block => {
                self.state = State::BlockSequenceFirstEntry;
                Event::SequenceStart(anchor)
            }
            TK::BlockMapStart if block => {
                self.state = State::BlockMappingFirstKey;
                Event::MappingStart(anchor)
            }
            _ if tagged || anchor.is_some() => {
                self.pop_state();
                empty(anchor)
            }
            _ => return fail(at, SyntaxKind::ExpectedValue),
        };
        Ok((event, start))
    }

    fn block_mapping_key(&mut self, first: bool) -> Step<'a> {
        if first {
            self.peek()?;
            self.skip();
        }
        let (k, at) = self.peek_kind()?;
        match k {
            TK::Key => {
                self.skip();
                let (k, at) = self.peek_kind()?;
                if matches!(k, TK::Key | TK::Value | TK::BlockEnd) {
                    self.state = State::BlockMappingValue;
                    Ok((empty(None), at))
                } else {
                    self.states.push(State::BlockMappingValue);
                    self.parse_node(true, true)
                }
            }
            TK::Value => {
                self.state = State::BlockMappingValue;
                Ok((empty(None), at))
            }
            TK::BlockEnd => {
                self.pop_state();
                self.skip();
                Ok((Event::MappingEnd, at))
            }
            _ => fail(at, SyntaxKind::ExpectedKey),
        }
    }

    fn block_mapping_value(&mut self) -> Step<'a> {
        let (k, at) = self.peek_kind()?;
        if k == TK::Value {
            self.skip();
            let (k, _) = self.peek_kind()?;
            if matches!(k, TK::Key | TK::Value | TK::BlockEnd) {
                self.state = State::BlockMappingKey;
                Ok((empty(None), at))
            } else {
                self.states.push(State::BlockMappingKey);
                self.parse_node(true, true)
            }
        } else {
            self.state = State::BlockMappingKey;
            Ok((empty(None), at))
        }
    }

    fn flow_mapping_key(&mut self, first: bool) -> Step<'a> {
        if first {
            self.peek()?;
            self.skip();
        }
        let (k, at) = self.peek_kind()?;
        if k != TK::FlowMapEnd {
            if !first {
                if k == TK::FlowEntry {
                    self.skip();
                } else {
                    return fail(at, self.flow_fail(k));
                }
            }
            let (k, at) = self.peek_kind()?;
            match k {
                TK::Key => {
                    self.skip();
                    let (k, at) = self.peek_kind()?;
                    if matches!(k, TK::Value | TK::FlowEntry | TK::FlowMapEnd) {
                        self.state = State::FlowMappingValue;
                        return Ok((empty(None), at));
                    }
                    self.states.push(State::FlowMappingValue);
                    return self.parse_node(false, false);
                }
                TK::Value => {
                    self.state = State::FlowMappingValue;
                    return Ok((empty(None), at));
                }
                TK::FlowMapEnd => {}
                _ => {
                    self.states.push(State::FlowMappingEmptyValue);
                    return self.parse_node(false, false);
                }
            }
        }
        let (_, end_at) = self.peek_kind()?;
        self.pop_state();
        self.skip();
        Ok((Event::MappingEnd, end_at))
    }

    /// Why a flow collection could not go on: it ended without its
    /// closing bracket, or something else stands where `,` should.
    fn flow_fail(&self, k: TK) -> SyntaxKind {
        match k {
            TK::StreamEnd | TK::DocumentStart | TK::DocumentEnd => SyntaxKind::UnclosedFlow,
            _ => SyntaxKind::ExpectedComma,
        }
    }

    fn flow_mapping_value(&mut self, empty_value: bool) -> Step<'a> {
        let (k, at) = self.peek_kind()?;
        if empty_value {
            self.state = State::FlowMappingKey;
            return Ok((empty(None), at));
        }
        if k == TK::Value {
            self.skip();
            let (k2, _) = self.peek_kind()?;
            if !matches!(k2, TK::FlowEntry | TK::FlowMapEnd) {
                self.states.push(State::FlowMappingKey);
                return self.parse_node(false, false);
            }
        }
        self.state = State::FlowMappingKey;
        Ok((empty(None), at))
    }

    fn flow_sequence_entry(&mut self, first: bool) -> Step<'a> {
        if first {
            self.peek()?;
            self.skip();
        }
        let (k, at) = self.peek_kind()?;
        match k {
            TK::FlowSeqEnd => {
                self.pop_state();
                self.skip();
                return Ok((Event::SequenceEnd, at));
            }
            TK::FlowEntry if !first => self.skip(),
            _ if !first => return fail(at, self.flow_fail(k)),
            _ => {}
        }
        let (k, at) = self.peek_kind()?;
        match k {
            TK::FlowSeqEnd => {
                self.pop_state();
                self.skip();
                Ok((Event::SequenceEnd, at))
            }
            TK::Key => {
                self.state = State::FlowSequenceEntryMappingKey;
                self.skip();
                Ok((Event::MappingStart(None), at))
            }
            _ => {
                self.states.push(State::FlowSequenceEntry);
                self.parse_node(false, false)
            }
        }
    }

    fn indentless_sequence_entry(&mut self) -> Step<'a> {
        let (k, at) = self.peek_kind()?;
        if k == TK::BlockEntry {
            self.skip();
            let (k, _) = self.peek_kind()?;
            if matches!(k, TK::BlockEntry | TK::Key | TK::Value | TK::BlockEnd) {
                self.state = State::IndentlessSequenceEntry;
                Ok((empty(None), at))
            } else {
                self.states.push(State::IndentlessSequenceEntry);
                self.parse_node(true, false)
            }
        } else {
            self.pop_state();
            Ok((Event::SequenceEnd, at))
        }
    }

    fn block_sequence_entry(&mut self, first: bool) -> Step<'a> {
        if first {
            self.peek()?;
            self.skip();
        }
        let (k, at) = self.peek_kind()?;
        match k {
            TK::BlockEnd => {
                self.pop_state();
                self.skip();
                Ok((Event::SequenceEnd, at))
            }
            TK::BlockEntry => {
                self.skip();
                let (k, _) = self.peek_kind()?;
                if matches!(k, TK::BlockEntry | TK::BlockEnd) {
                    self.state = State::BlockSequenceEntry;
                    Ok((empty(None), at))
                } else {
                    self.states.push(State::BlockSequenceEntry);
                    self.parse_node(true, false)
                }
            }
            _ => fail(at, SyntaxKind::ExpectedDash),
        }
    }

    fn flow_sequence_entry_mapping_key(&mut self) -> Step<'a> {
        let (k, at) = self.peek_kind()?;
        if matches!(k, TK::Value | TK::FlowEntry | TK::FlowSeqEnd) {
            self.skip();
            self.state = State::FlowSequenceEntryMappingValue;
            Ok((empty(None), at))
        } else {
            self.states.push(State::FlowSequenceEntryMappingValue);
            self.parse_node(false, false)
        }
    }

    fn flow_sequence_entry_mapping_value(&mut self) -> Step<'a> {
        let (k, at) = self.peek_kind()?;
        if k == TK::Value {
            self.skip();
            self.state = State::FlowSequenceEntryMappingValue;
            let (k, at) = self.peek_kind()?;
            if matches!(k, TK::FlowEntry | TK::FlowSeqEnd) {
                self.state = State::FlowSequenceEntryMappingEnd;
                Ok((empty(None), at))
            } else {
                self.states.push(State::FlowSequenceEntryMappingEnd);
                self.parse_node(false, false)
            }
        } else {
            self.state = State::FlowSequenceEntryMappingEnd;
            Ok((empty(None), at))
        }
    }
}

/// Token kinds without their data, for matching on a peeked token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TK {
    StreamStart,
    StreamEnd,
    Directive,
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
    Alias,
    Anchor,
    Tag,
    Scalar,
}

impl TK {
    fn of(t: &Tok) -> TK {
        match t {
            Tok::StreamStart => TK::StreamStart,
            Tok::StreamEnd => TK::StreamEnd,
            Tok::VersionDirective | Tok::TagDirective(_) | Tok::ReservedDirective => TK::Directive,
            Tok::DocumentStart => TK::DocumentStart,
            Tok::DocumentEnd => TK::DocumentEnd,
            Tok::Bom => TK::Bom,
            Tok::BlockSeqStart => TK::BlockSeqStart,
            Tok::BlockMapStart => TK::BlockMapStart,
            Tok::BlockEnd => TK::BlockEnd,
            Tok::FlowSeqStart => TK::FlowSeqStart,
            Tok::FlowSeqEnd => TK::FlowSeqEnd,
            Tok::FlowMapStart => TK::FlowMapStart,
            Tok::FlowMapEnd => TK::FlowMapEnd,
            Tok::BlockEntry => TK::BlockEntry,
            Tok::FlowEntry => TK::FlowEntry,
            Tok::Key => TK::Key,
            Tok::Value => TK::Value,
            Tok::Alias(_) => TK::Alias,
            Tok::Anchor(_) => TK::Anchor,
            Tok::Tag(_) => TK::Tag,
            Tok::Scalar(..) => TK::Scalar,
        }
    }
}

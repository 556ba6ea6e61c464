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
//!
//! Plain and single-line quoted text is borrowed straight from the input;
//! only folded or escaped text allocates. No character is read more than
//! a few times.
//!
//! The parts: `cursor` (characters, lines, comments), `document` (markers,
//! directives), `props` (anchors, tags), `block_node` and `block_entry`
//! (block collections), `plain`, `quoted` and `block_scalar` (scalars),
//! `flow` (flow collections).

use super::{Style, SyntaxKind};
use std::borrow::Cow;
use std::collections::{BTreeMap, VecDeque};

mod block_entry;
mod block_node;
mod block_scalar;
mod cursor;
mod document;
mod flow;
mod plain;
mod props;
mod quoted;

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

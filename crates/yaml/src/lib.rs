//! A small YAML reader that keeps positions, for Kubernetes manifests and
//! compose files pasted by users.
//!
//! Why a reader of our own: findings must point at a line and column
//! (`serde_yaml` throws positions away), and a hostile paste (billion
//! laughs, 10,000 nested brackets, a 10 MB blob) must stop with a clear
//! error instead of eating the page; saphyr-parser, which caplens used
//! first, was the biggest and slowest part of the page. What this reader
//! accepts and refuses, how it is checked against saphyr-parser, and its
//! measured speed and size are in this crate's README.md.
//!
//! `read` turns the text into events in one pass with explicit stacks, so
//! nothing recurses on the input; `tree` builds the documents from them
//! within `Limits`, refusing too deep nesting while the events stream in.
//! Tags are read and checked but not kept: Kubernetes and compose files
//! don't depend on them. Syntax errors are our own small enum
//! (`SyntaxKind`); the words for them are in caplens-words (`k8s`).

mod read;
mod tree;

use read::Event;
use tree::Builder;

/// 1-based line and column of a node's first character.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Style {
    /// Unquoted: subject to YAML's type resolution (`true`, `12`, `null`).
    Plain,
    /// Single- or double-quoted: always a string.
    Quoted,
    /// `|` or `>` block scalar: always a string.
    Block,
}

#[derive(Clone, PartialEq, Debug)]
pub enum Value {
    Scalar {
        text: String,
        style: Style,
    },
    Seq(Vec<Node>),
    /// Keys keep their own positions; order is the order written.
    Map(Vec<(Node, Node)>),
}

#[derive(Clone, PartialEq, Debug)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

/// The rough type of a node, for messages ("expected a list, found a string").
#[derive(Clone, Copy, PartialEq, Eq, Debug, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    Null,
    Bool,
    Number,
    String,
    List,
    Mapping,
}

impl Node {
    pub fn shape(&self) -> Shape {
        match &self.value {
            Value::Seq(_) => Shape::List,
            Value::Map(_) => Shape::Mapping,
            Value::Scalar {
                style: Style::Plain,
                ..
            } if self.is_null() => Shape::Null,
            Value::Scalar {
                style: Style::Plain,
                ..
            } if self.as_bool().is_some() => Shape::Bool,
            Value::Scalar {
                style: Style::Plain,
                ..
            } if self.as_int().is_some() => Shape::Number,
            Value::Scalar { .. } => Shape::String,
        }
    }

    /// A plain empty scalar, `~` or `null` (YAML's null).
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, style: Style::Plain }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The text of any scalar (quoted or not).
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// A boolean as Kubernetes' YAML decoder (YAML 1.1 rules) reads it:
    /// quoted text is a string, never a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            Value::Scalar {
                text,
                style: Style::Plain,
            } => match text.as_str() {
                "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "y"
                | "Y" => Some(true),
                "false" | "False" | "FALSE" | "no" | "No" | "NO" | "off" | "Off" | "OFF" | "n"
                | "N" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    /// A plain decimal integer (with optional sign).
    pub fn as_int(&self) -> Option<i64> {
        match &self.value {
            Value::Scalar {
                text,
                style: Style::Plain,
            } => {
                let t = text.strip_prefix('+').unwrap_or(text);
                if t.is_empty() || t.starts_with('+') {
                    return None;
                }
                t.parse::<i64>().ok()
            }
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The value under a scalar key of a mapping (exact, case-sensitive,
    /// like Kubernetes' JSON field names).
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.get_entry(key).map(|(_, v)| v)
    }

    /// Key node and value node, so callers can point at the key's line.
    pub fn get_entry(&self, key: &str) -> Option<(&Node, &Node)> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(k, v)| (k, v))
    }
}

/// One YAML document of a (possibly multi-document) stream.
#[derive(Clone, PartialEq, Debug)]
pub struct Document {
    /// 0-based index in the stream.
    pub index: usize,
    pub root: Node,
}

/// Bounds on the work a paste may cause.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_depth: usize,
    /// Nodes built in total, counting every copy an alias makes.
    pub max_nodes: usize,
    /// Nodes copied by alias expansion alone. Real manifests alias a few
    /// small blocks; a billion-laughs paste hits this long before
    /// `max_nodes`, so it is refused after little work.
    pub max_alias_nodes: usize,
    pub max_documents: usize,
}

impl Limits {
    /// Generous for real manifests (a 1 MB multi-document file is well
    /// inside), small enough that the worst case finishes in well under a
    /// second in the browser.
    pub const DEFAULT: Limits = Limits {
        max_bytes: 4 * 1024 * 1024,
        max_depth: 100,
        max_nodes: 1_000_000,
        max_alias_nodes: 100_000,
        max_documents: 10_000,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum YamlError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    TooDeep {
        at: Pos,
        limit: usize,
    },
    /// The input would build too many nodes in total.
    TooManyNodes {
        at: Pos,
        limit: usize,
    },
    /// Alias expansion would copy too many nodes (billion laughs).
    AliasBomb {
        at: Pos,
        limit: usize,
    },
    TooManyDocuments {
        at: Pos,
        limit: usize,
    },
    /// The text is not well-formed YAML; `kind` says how.
    Syntax {
        at: Pos,
        kind: SyntaxKind,
    },
    UnknownAlias {
        at: Pos,
    },
    /// The same key twice in one mapping: Kubernetes' decoder rejects it.
    DuplicateKey {
        at: Pos,
        key: String,
        first_line: u32,
    },
}

/// Ways a paste can fail to be YAML. Each points at the offending
/// character; the words for them are in caplens-words (`k8s`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SyntaxKind {
    /// A quoted string runs to the end of the input.
    UnclosedQuote,
    /// A `---` or `...` line inside a quoted string.
    DocumentMarkerInQuote,
    /// Text after the closing quote (`"a" b`).
    ContentAfterQuote,
    /// An unknown or malformed `\` escape in a double-quoted string.
    BadEscape,
    /// A line indented less (or more) than its place allows.
    BadIndentation,
    /// A tab where YAML only allows spaces (indentation, after `-`/`:`).
    TabIndentation,
    /// `[` or `{` never closed.
    UnclosedFlow,
    /// Something other than `,` or the closing bracket between items.
    ExpectedComma,
    /// A line in a block mapping that is not `key: value`.
    ExpectedKey,
    /// A line in a block list that does not start with `-`.
    ExpectedDash,
    /// Nothing where a value must be.
    ExpectedValue,
    /// A key (on a line of its own) without its `:`.
    MissingColon,
    /// `:` where no key can start a mapping (`a: b: c`).
    ColonNotAllowed,
    /// `- ` where a list cannot start (`a: - b` on one line).
    DashNotAllowed,
    /// `- ` inside `[...]`/`{...}`.
    DashInFlow,
    /// `? ` where a key cannot start.
    KeyNotAllowed,
    /// `#` right after text: a comment needs a space before it.
    CommentWithoutSpace,
    /// A comment between the lines of an unquoted multi-line text.
    CommentInsideText,
    /// `@` or `` ` `` (reserved) or `%` starting a value.
    ReservedCharacter,
    /// A character that cannot stand here (a stray `]`, `}`, ...).
    UnexpectedCharacter,
    /// A `|`/`>` header that is not `|`, `|-`, `|+`, `|2`, ... then a comment.
    BadBlockHeader,
    /// A malformed `%YAML`/`%TAG` directive, or a repeated one.
    BadDirective,
    /// A malformed tag (`!...`) or one with an undeclared `!name!` handle.
    BadTag,
    /// `&` or `*` without a name.
    BadAnchor,
    /// A NUL byte.
    NulByte,
    /// A byte order mark other than at the start of a document.
    MisplacedBom,
    /// Content after `...` on its line.
    ContentAfterDocumentEnd,
    /// Content after a document's root where only `---` may follow.
    ExpectedDocumentStart,
    /// The input ends in the middle of a construct.
    UnexpectedEnd,
    /// Flow collections nested past what the reader follows.
    TooDeep,
}

impl YamlError {
    /// Where the problem is, if it has a place.
    pub fn pos(&self) -> Option<Pos> {
        match self {
            YamlError::TooLarge { .. } => None,
            YamlError::TooDeep { at, .. }
            | YamlError::TooManyNodes { at, .. }
            | YamlError::AliasBomb { at, .. }
            | YamlError::TooManyDocuments { at, .. }
            | YamlError::Syntax { at, .. }
            | YamlError::UnknownAlias { at }
            | YamlError::DuplicateKey { at, .. } => Some(*at),
        }
    }
}

fn syntax(f: read::Fail, limits: &Limits) -> YamlError {
    let at = Pos {
        line: f.at.line,
        column: f.at.col + 1,
    };
    match f.kind {
        // The reader caps `[`/`{` nesting itself (it holds a key's events
        // back until its line settles); its cap is the same "too deep".
        SyntaxKind::TooDeep => YamlError::TooDeep {
            at,
            limit: limits.max_depth,
        },
        kind => YamlError::Syntax { at, kind },
    }
}

/// A YAML stream read a slice of events at a time, so a caller with a
/// frame budget (the page) can stop between slices and keep the tab
/// responsive. `parse` is the same reader run to the end in one go.
pub struct StreamParser<'a> {
    parser: read::Parser<'a>,
    b: Builder<'a>,
    docs: Vec<Document>,
    doc_start: Pos,
    done: bool,
}

impl<'a> StreamParser<'a> {
    /// Refuses oversized input before reading anything.
    pub fn new(text: &'a str, limits: &Limits) -> Result<StreamParser<'a>, YamlError> {
        if text.len() > limits.max_bytes {
            return Err(YamlError::TooLarge {
                bytes: text.len(),
                limit: limits.max_bytes,
            });
        }
        Ok(StreamParser {
            parser: read::Parser::new(text),
            b: Builder::new(*limits),
            docs: Vec::new(),
            doc_start: Pos::default(),
            done: false,
        })
    }

    /// Reads up to `max_events` more events; `Ok(true)` once the stream has
    /// ended. Every limit is checked as the events arrive, exactly as in `parse`.
    // Not inlined into `parse`: the page calls both, and one copy is enough.
    #[inline(never)]
    pub fn step(&mut self, max_events: usize) -> Result<bool, YamlError> {
        if self.done {
            return Ok(true);
        }
        let limits = self.b.limits();
        for _ in 0..max_events {
            let (ev, mark) = self.parser.next_event().map_err(|e| syntax(e, &limits))?;
            let at = Pos {
                line: mark.line,
                column: mark.col + 1,
            };
            match ev {
                Event::StreamEnd => {
                    self.done = true;
                    return Ok(true);
                }
                Event::DocumentStart => {
                    if self.docs.len() >= limits.max_documents {
                        return Err(YamlError::TooManyDocuments {
                            at,
                            limit: limits.max_documents,
                        });
                    }
                    self.doc_start = at;
                    self.b.start_document();
                }
                Event::DocumentEnd => {
                    let root = self.b.take_root(self.doc_start);
                    self.docs.push(Document {
                        index: self.docs.len(),
                        root,
                    });
                }
                Event::Scalar(text, style, anchor) => self.b.scalar(text, style, anchor, at)?,
                Event::SequenceStart(anchor) => self.b.open_seq(anchor, at)?,
                Event::MappingStart(anchor) => self.b.open_map(anchor, at)?,
                Event::SequenceEnd | Event::MappingEnd => self.b.close()?,
                Event::Alias(name) => self.b.alias(name, at)?,
            }
        }
        Ok(self.done)
    }

    /// The documents read so far (all of them once `step` returned true).
    pub fn into_documents(self) -> Vec<Document> {
        self.docs
    }
}

/// Parse a YAML stream into documents, within `limits`.
pub fn parse(text: &str, limits: &Limits) -> Result<Vec<Document>, YamlError> {
    let mut p = StreamParser::new(text, limits)?;
    while !p.step(usize::MAX)? {}
    Ok(p.into_documents())
}

/// Parse with the default limits.
pub fn parse_default(text: &str) -> Result<Vec<Document>, YamlError> {
    parse(text, &Limits::DEFAULT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Node {
        let mut docs = parse_default(text).unwrap();
        assert_eq!(docs.len(), 1);
        docs.remove(0).root
    }

    #[test]
    fn positions_are_one_based() {
        let root = one("a:\n  b: [x, y]\n  c: 'q'\n");
        let (k, v) = root.get_entry("a").unwrap();
        assert_eq!(k.pos, Pos { line: 1, column: 1 });
        let b = v.get("b").unwrap();
        assert_eq!(
            b.as_seq().unwrap()[1].pos,
            Pos {
                line: 2,
                column: 10
            }
        );
        assert_eq!(v.get("c").unwrap().shape(), Shape::String);
    }

    #[test]
    fn scalar_types_follow_style() {
        let root = one("a: true\nb: 'true'\nc: 12\nd: ~\ne:\nf: no\n");
        assert_eq!(root.get("a").unwrap().as_bool(), Some(true));
        assert_eq!(root.get("b").unwrap().as_bool(), None);
        assert_eq!(root.get("b").unwrap().shape(), Shape::String);
        assert_eq!(root.get("c").unwrap().as_int(), Some(12));
        assert!(root.get("d").unwrap().is_null());
        assert!(root.get("e").unwrap().is_null());
        assert_eq!(root.get("f").unwrap().as_bool(), Some(false));
    }

    #[test]
    fn multi_document_streams() {
        let docs = parse_default("a: 1\n---\nb: 2\n---\n").unwrap();
        assert!(docs.len() >= 2);
        assert_eq!(docs[1].root.get("b").unwrap().as_int(), Some(2));
        assert_eq!(docs[1].index, 1);
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let err = parse_default("a: 1\nb: [1, 2\nc: 3\n").unwrap_err();
        match err {
            YamlError::Syntax { at, .. } => assert!(at.line >= 2, "{at:?}"),
            other => panic!("{other:?}"),
        }
        let err = parse_default("a:\n  b: 1\n c: 2\n").unwrap_err();
        assert!(
            matches!(
                err,
                YamlError::Syntax {
                    at: Pos { line: 3, .. },
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn syntax_errors_name_their_kind_and_place() {
        let cases: &[(&str, SyntaxKind, u32, u32)] = &[
            ("a: \"open\n", SyntaxKind::UnclosedQuote, 1, 4),
            ("a: 'open\n", SyntaxKind::UnclosedQuote, 1, 4),
            ("a:\n\tb: 1\n", SyntaxKind::TabIndentation, 2, 2),
            ("a: \"\\q\"\n", SyntaxKind::BadEscape, 1, 4),
            ("a: [1, 2\n", SyntaxKind::UnclosedFlow, 2, 1),
            ("a: [1, 2 [3]]\n", SyntaxKind::ExpectedComma, 1, 10),
            ("a: b: c\n", SyntaxKind::ColonNotAllowed, 1, 5),
            ("a: - b\n", SyntaxKind::DashNotAllowed, 1, 4),
            ("a: 1\n b: 2\n", SyntaxKind::ColonNotAllowed, 2, 3),
            ("a: |0\n  x\n", SyntaxKind::BadBlockHeader, 1, 4),
            ("a: \"x\" y\n", SyntaxKind::ContentAfterQuote, 1, 8),
            ("a: 1\u{0}\n", SyntaxKind::NulByte, 1, 5),
            ("a: @x\n", SyntaxKind::ReservedCharacter, 1, 4),
            ("a: !e!x b\n", SyntaxKind::BadTag, 1, 4),
        ];
        for &(text, kind, line, column) in cases {
            let err = match parse_default(text) {
                Err(e) => e,
                Ok(d) => panic!("{text:?} read as {d:?}"),
            };
            assert_eq!(
                err,
                YamlError::Syntax {
                    at: Pos { line, column },
                    kind
                },
                "{text:?}"
            );
        }
    }

    #[test]
    fn scalars_borrow_or_fold_as_yaml_says() {
        let root = one("a: one\n  two\n\n  three\nb: \"x\\ty\\u00e9\"\nc: 'it''s'\nd: >-\n  p\n  q\n\n  r\ne: |+\n  l\n\nf:\n  é: g\n");
        assert_eq!(root.get("a").unwrap().as_str(), Some("one two\nthree"));
        assert_eq!(root.get("b").unwrap().as_str(), Some("x\tyé"));
        assert_eq!(root.get("c").unwrap().as_str(), Some("it's"));
        assert_eq!(root.get("d").unwrap().as_str(), Some("p q\nr"));
        assert_eq!(root.get("e").unwrap().as_str(), Some("l\n\n"));
        // Columns count characters, not bytes.
        let f = root.get("f").unwrap();
        assert_eq!(
            f.get("é").unwrap().pos,
            Pos {
                line: 16,
                column: 6
            }
        );
    }

    /// Shapes that a careless reader handles in quadratic time; each must
    /// read (or be refused) with the right answer. A quadratic reader would
    /// take minutes here, not milliseconds.
    #[test]
    fn big_inputs_of_every_shape_read_in_one_pass() {
        let n = 100_000;
        let tags: String = (0..n).map(|i| format!("%TAG !t{i}! x:\n")).collect();
        let docs = parse_default(&(tags + "--- !t7!a b\n")).unwrap();
        assert_eq!(docs[0].root.as_str(), Some("b"));
        let anchors: String = (0..n)
            .map(|i| format!("k{i}: &a{i} v{i}\nr{i}: *a{i}\n"))
            .collect();
        let docs = parse_default(&anchors).unwrap();
        assert_eq!(docs[0].root.get("r99999").unwrap().as_str(), Some("v99999"));
        let words = "word ".repeat(n);
        let folded = format!("a: {}\n", words.replace(' ', "\n  "));
        let root = one(&folded);
        assert_eq!(
            root.get("a").unwrap().as_str().unwrap().len(),
            words.len() - 1
        );
        let quoted = format!("a: \"{}\"\n", "x\\t\\u00e9 \n ".repeat(n));
        assert!(one(&quoted)
            .get("a")
            .unwrap()
            .as_str()
            .unwrap()
            .contains("x\té"));
        let long_key = format!("[{}: v]\n", "k ".repeat(n));
        let root = one(&long_key);
        assert_eq!(root.as_seq().unwrap()[0].as_map().unwrap().len(), 1);
        let block = format!("a: |\n{}", "  line\n".repeat(n));
        assert_eq!(one(&block).get("a").unwrap().as_str().unwrap().len(), 5 * n);
    }

    #[test]
    fn aliases_expand_and_merge_keys_resolve() {
        let root = one("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n");
        let u = root.get("use").unwrap();
        assert_eq!(u.get("x").unwrap().as_int(), Some(1));
        assert_eq!(u.get("y").unwrap().as_int(), Some(3));
    }

    #[test]
    fn merge_keys_keep_own_keys_then_the_earliest_source() {
        let root = one("a: &a {x: 1, y: 1, z: 1}\nb: &b {y: 2, w: 2}\nc:\n  <<: [*b, *a]\n  z: 3\n  \"<<\": q\n");
        let c = root.get("c").unwrap();
        let keys: Vec<&str> = c
            .as_map()
            .unwrap()
            .iter()
            .map(|(k, _)| k.as_str().unwrap())
            .collect();
        assert_eq!(keys, ["z", "<<", "y", "w", "x"]);
        assert_eq!(c.get("y").unwrap().as_int(), Some(2));
        assert_eq!(c.get("z").unwrap().as_int(), Some(3));
    }

    #[test]
    fn billion_laughs_is_refused() {
        let mut s = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
        let mut prev = "a";
        for n in names {
            s.push_str(&format!("{n}: &{n} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
            prev = n;
        }
        let err = parse_default(&s).unwrap_err();
        assert!(
            matches!(err, YamlError::AliasBomb { limit: 100_000, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn total_node_budget_applies_without_aliases() {
        let s = "- x\n".repeat(2000);
        let limits = Limits {
            max_nodes: 1000,
            ..Limits::DEFAULT
        };
        assert!(matches!(
            parse(&s, &limits).unwrap_err(),
            YamlError::TooManyNodes { limit: 1000, .. }
        ));
        assert!(parse_default(&s).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let s = "[".repeat(10_000) + &"]".repeat(10_000);
        let err = parse_default(&s).unwrap_err();
        assert!(
            matches!(err, YamlError::TooDeep { limit: 100, .. }),
            "{err:?}"
        );
        let s = "- ".repeat(10_000) + "x\n";
        let err = parse_default(&s).unwrap_err();
        assert!(matches!(err, YamlError::TooDeep { .. }), "{err:?}");
        let mut s = String::new();
        // 2,000 block levels (2 MB of indentation) stay under the size cap.
        for i in 0..2_000 {
            s.push_str(&" ".repeat(i));
            s.push_str("k:\n");
        }
        let err = parse_default(&s).unwrap_err();
        assert!(matches!(err, YamlError::TooDeep { .. }), "{err:?}");
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let s = "a: b\n".repeat(2 * 1024 * 1024);
        assert!(s.len() > 10_000_000);
        assert!(matches!(
            parse_default(&s).unwrap_err(),
            YamlError::TooLarge { .. }
        ));
    }

    #[test]
    fn document_count_is_bounded() {
        let s = "---\na: 1\n".repeat(20);
        let limits = Limits {
            max_documents: 10,
            ..Limits::DEFAULT
        };
        assert!(matches!(
            parse(&s, &limits).unwrap_err(),
            YamlError::TooManyDocuments { limit: 10, .. }
        ));
    }

    #[test]
    fn duplicate_keys_are_reported_small_and_large() {
        let err = parse_default("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(
            err,
            YamlError::DuplicateKey {
                at: Pos { line: 3, column: 1 },
                key: "a".into(),
                first_line: 1
            }
        );
        let mut s = String::new();
        for i in 0..40 {
            s.push_str(&format!("k{i}: {i}\n"));
        }
        s.push_str("k7: again\n");
        assert!(matches!(
            parse_default(&s).unwrap_err(),
            YamlError::DuplicateKey { first_line: 8, .. }
        ));
    }

    #[test]
    fn big_mappings_report_their_earliest_repeated_key() {
        let map = |keys: &[&str]| -> String {
            keys.iter()
                .enumerate()
                .map(|(i, k)| format!("{k}: {i}\n"))
                .collect()
        };
        let mut keys: Vec<String> = (0..40).map(|i| format!("k{i}")).collect();
        keys[25] = "k20".into(); // repeats line 21 on line 26
        keys[30] = "k20".into(); // a third time, later
        keys[28] = "k3".into(); // repeats line 4 on line 29, after line 26
        keys[35] = "<<".into();
        keys[36] = "<<".into(); // merge keys may repeat
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        assert_eq!(
            parse_default(&map(&refs)).unwrap_err(),
            YamlError::DuplicateKey {
                at: Pos {
                    line: 26,
                    column: 1
                },
                key: "k20".into(),
                first_line: 21
            }
        );
        keys[25] = "k25".into();
        keys[30] = "k30".into();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        assert!(matches!(
            parse_default(&map(&refs)).unwrap_err(),
            YamlError::DuplicateKey { first_line: 4, .. }
        ));
        keys[28] = "k28".into();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        assert!(parse_default(&map(&refs)).is_ok());
    }

    #[test]
    fn reading_in_slices_gives_the_same_documents_and_errors() {
        let text = "---\na: &x [1, 2, {b: c}]\nd: *x\n---\n- e\n- f: |\n    g\n---\nh\n";
        for slice in [1, 2, 3, 7, 1000] {
            let mut p = StreamParser::new(text, &Limits::DEFAULT).unwrap();
            let mut steps = 0;
            while !p.step(slice).unwrap() {
                steps += 1;
            }
            assert!(slice > 100 || steps > 1, "slice {slice} took {steps} steps");
            assert_eq!(p.into_documents(), parse_default(text).unwrap());
        }
        let bad = "a: 1\nb: [2,\n";
        let mut p = StreamParser::new(bad, &Limits::DEFAULT).unwrap();
        let err = loop {
            match p.step(2) {
                Ok(false) => {}
                Ok(true) => panic!("bad YAML read"),
                Err(e) => break e,
            }
        };
        assert_eq!(err, parse_default(bad).unwrap_err());
        let limits = Limits {
            max_bytes: 4,
            ..Limits::DEFAULT
        };
        assert!(matches!(
            StreamParser::new("a: 12", &limits),
            Err(YamlError::TooLarge { bytes: 5, limit: 4 })
        ));
    }

    #[test]
    fn unknown_alias_is_an_error() {
        let err = parse_default("a: *nope\n").unwrap_err();
        assert_eq!(
            err,
            YamlError::UnknownAlias {
                at: Pos { line: 1, column: 4 }
            }
        );
        // An anchor names its node from where the node starts: an alias
        // inside the node, or to an older node of the same name, is unknown.
        for text in [
            "a: &x [1, *x]\n",
            "a: &x 1\nb: &x [*x]\n",
            "a: &x 1\n---\nb: *x\n",
        ] {
            assert!(
                matches!(parse_default(text), Err(YamlError::UnknownAlias { .. })),
                "{text:?}"
            );
        }
        let root = one("a: &x 1\nb: &x 2\nc: *x\n");
        assert_eq!(root.get("c").unwrap().as_int(), Some(2));
    }
}

//! What can be wrong with one request of `caplens exec`'s JSON-lines
//! protocol (the protocol itself is the CLI's): data, worded by
//! `caplens-words`, each naming the field path or column it is about.

/// Longer lines are refused before parsing (a real request is < 1 KiB).
pub const MAX_LINE: usize = 64 * 1024;

/// What was wrong with a request line.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum ProtocolError {
    TooLong {
        len: usize,
    },
    /// The line's bytes are not UTF-8 (so not JSON); the 1-based byte
    /// column of the first bad byte.
    NotUtf8 {
        column: usize,
    },
    /// Not JSON; the 1-based column (in characters) where serde_json gave up.
    NotJson {
        column: usize,
        message: String,
    },
    NotObject {
        path: String,
    },
    Missing {
        path: String,
    },
    /// The value at `path` has the wrong JSON type.
    WrongType {
        path: String,
        expected: Expected,
        found: JsonType,
    },
    BadMask {
        path: String,
        value: String,
    },
    OutOfRange {
        path: String,
        value: String,
        max: u64,
    },
    UnknownKey {
        path: String,
    },
    BadRule {
        value: String,
    },
}

/// The JSON type of a value found where another was expected.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum JsonType {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Expected {
    Object,
    ObjectOrNull,
    Integer,
    Bool,
    HexString,
    String,
}

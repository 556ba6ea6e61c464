//! Recognises what the user pasted and extracts the capability sets from it:
//! a bare mask, `CapXxx:` lines, a whole `/proc/PID/status`, `capsh --print`
//! output (old and new libcap), `getpcaps` output (old and new), or
//! `capsh --decode` lines.
//!
//! Pure: text in, a `Report` (or a positioned `InputError`) out. Every line
//! is looked at once, so the work is linear in the (bounded) input size.
//!
//! Typical use (page and CLI):
//! - `recognise(text)` → `Report { source, sets, no_new_privs, seccomp, uid, … , notes }`;
//!   the matrix rows are `report.union().iter()`, its columns `report.sets`;
//! - per set: `mask::capsh_decode_line`, `preset::compare`, `risk::danger`;
//! - words: `caplens-words`' `decode::{input_error, note, set_label, comparison, …}`,
//!   `catalog::summary` and `explanations`.
//!
//! One module per input format; this one has the shared types and decides
//! which format's reader gets each line.

use crate::exec::Securebits;
use crate::mask::{self, MaskError, MaskErrorKind, NameErrorKind};
use crate::set::CapSet;
use serde::Serialize;

mod bare;
mod cap_text;
mod capsh_decode;
mod capsh_print;
mod getpcaps;
mod iab;
mod names;
mod proc;
mod report;

use report::Builder;

/// Larger pastes are refused: nothing real is this big, and the page must
/// stay responsive.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// More bare masks than this in one input is not something a person reads;
/// refusing keeps the result (one column per mask) small.
pub const MAX_MASKS: usize = 64;

/// How many skipped line numbers a note lists.
pub const MAX_LISTED_LINES: usize = 5;

/// The five per-thread capability sets, in the order `/proc` lists them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SetKind {
    Inheritable,
    Permitted,
    Effective,
    Bounding,
    Ambient,
}

impl SetKind {
    pub const ALL: [SetKind; 5] = [
        SetKind::Inheritable,
        SetKind::Permitted,
        SetKind::Effective,
        SetKind::Bounding,
        SetKind::Ambient,
    ];

    /// The key `/proc/PID/status` uses.
    pub fn proc_key(self) -> &'static str {
        match self {
            SetKind::Inheritable => "CapInh",
            SetKind::Permitted => "CapPrm",
            SetKind::Effective => "CapEff",
            SetKind::Bounding => "CapBnd",
            SetKind::Ambient => "CapAmb",
        }
    }

    fn from_proc_key(key: &str) -> Option<SetKind> {
        SetKind::ALL
            .into_iter()
            .find(|k| k.proc_key().eq_ignore_ascii_case(key))
    }
}

/// What kind of text the input was recognised as.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SourceKind {
    /// One or more bare hex masks, one per line.
    BareMask,
    /// `capsh --decode=MASK` commands or their `0x…=names` output.
    CapshDecode,
    /// `CapXxx:` lines only (e.g. `grep Cap /proc/1/status`).
    CapLines,
    /// A whole `/proc/PID/status`.
    ProcStatus,
    /// `capsh --print` output.
    CapshPrint,
    /// `getpcaps PID` output.
    Getpcaps,
    /// A list of capability names or numbers (`NET_RAW, cap_sys_admin`).
    NameList,
}

/// One set found in the input.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct SetEntry {
    /// `None` for a bare mask: the input does not say which set it is.
    pub kind: Option<SetKind>,
    pub caps: CapSet,
    /// 1-based line it came from.
    pub line: u32,
}

/// `Seccomp:` in `/proc/PID/status`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SeccompMode {
    Disabled,
    Strict,
    Filter,
}

/// User or group ids as shown; fields a format does not show are `None`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize)]
pub struct Ids {
    pub real: Option<u32>,
    pub effective: Option<u32>,
    pub saved: Option<u32>,
    pub filesystem: Option<u32>,
}

/// Things worth telling the user that are not errors.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "note", rename_all = "camelCase")]
pub enum Note {
    /// Bits 41–63 are set: no released kernel defines them.
    UnknownBits {
        kind: Option<SetKind>,
        line: u32,
        bits: CapSet,
    },
    /// Lines that were not understood and were skipped: the first few
    /// line numbers, and how many there were in all.
    IgnoredLines { lines: Vec<u32>, total: u32 },
    /// libcap text used `all` or a bare `=`: it means every capability of
    /// the kernel that printed it; read here as the 41 current ones.
    AllMeansKernelCaps { line: u32 },
    /// Effective has bits Permitted lacks: the kernel never allows that, so
    /// the lines probably come from different processes or were edited.
    EffectiveNotInPermitted { extra: CapSet },
    /// Ambient has bits not in both Permitted and Inheritable: also impossible.
    AmbientNotInPermittedAndInheritable { extra: CapSet },
    /// `getpcaps` and old `capsh` show only some sets; these were not shown.
    SetsNotShown { kinds: Vec<SetKind> },
    /// capsh warned that libcap is older than the kernel: capabilities it
    /// cannot name are printed as numbers (as in `...,cap_syslog,35,36`).
    LibcapOlderThanKernel { line: u32 },
}

/// Everything recognised in one input.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Report {
    pub source: SourceKind,
    /// Sets in `SetKind` order, then bare masks in input order.
    pub sets: Vec<SetEntry>,
    pub no_new_privs: Option<bool>,
    pub seccomp: Option<SeccompMode>,
    pub uid: Option<Ids>,
    pub gid: Option<Ids>,
    pub securebits: Option<Securebits>,
    pub notes: Vec<Note>,
}

impl Report {
    /// The set of this kind, if the input had it.
    pub fn get(&self, kind: SetKind) -> Option<CapSet> {
        self.sets
            .iter()
            .find(|e| e.kind == Some(kind))
            .map(|e| e.caps)
    }

    /// Every capability in any set: the rows of the matrix.
    pub fn union(&self) -> CapSet {
        self.sets.iter().fold(CapSet::EMPTY, |u, e| u.union(e.caps))
    }
}

/// Where and what went wrong.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct InputError {
    pub kind: InputErrorKind,
    /// 1-based line and column (characters).
    pub line: u32,
    pub column: u32,
}

#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum InputErrorKind {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Nothing but blanks.
    Empty,
    /// No line looked like anything we know.
    NotRecognised,
    /// A mask that does not parse.
    BadMask {
        error: MaskErrorKind,
    },
    /// An item in a capsh name list that is not a capability.
    BadName {
        item: String,
        error: NameErrorKind,
    },
    /// A clause of libcap text (`cap_x+ep`) or IAB text that does not
    /// parse. `detail` says why, for the `Current:`/getpcaps text read by
    /// `crate::text` (not serialised: that type has no serde form).
    BadCapText {
        clause: String,
        #[serde(skip_serializing)]
        detail: Option<crate::text::TextErrorKind>,
    },
    /// A key that looks like a `/proc` capability line but is not one.
    UnknownCapKey {
        key: String,
    },
    /// A value that must be a number (NoNewPrivs, Seccomp, Uid, …) is not.
    BadNumber {
        field: String,
    },
    /// The same set twice with different values.
    Conflict {
        kind: SetKind,
        first_line: u32,
    },
    /// Output for more than one process; paste one at a time.
    SeveralProcesses {
        first_line: u32,
    },
    /// More than `MAX_MASKS` bare masks.
    TooManyMasks {
        limit: usize,
    },
}

fn error(kind: InputErrorKind, line: u32, column: u32) -> InputError {
    InputError { kind, line, column }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// 1-based character column of byte offset `byte` in `line`.
fn column_of(line: &str, byte: usize) -> u32 {
    to_u32(line.get(..byte).map_or(0, |s| s.chars().count()) + 1)
}

/// The value of `value` (at byte `at` of `line`) as a mask, or where it is wrong.
fn mask_at(value: &str, line: &str, at: usize, no: u32) -> Result<CapSet, InputError> {
    mask::parse_mask(value).map_err(|MaskError { kind, column }| {
        error(
            InputErrorKind::BadMask { error: kind },
            no,
            column_of(line, at) + column - 1,
        )
    })
}

/// One non-blank line, as every format's reader sees it.
struct Line<'a> {
    /// The whole line (without `\r`): columns count from its start.
    full: &'a str,
    /// After leading blanks and a `grep` file-name prefix.
    body: &'a str,
    /// Byte offset of `body` in `full`.
    lead: usize,
    /// 1-based line number.
    no: u32,
}

/// Recognises `text` and extracts every capability set in it.
pub fn recognise(text: &str) -> Result<Report, InputError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(error(
            InputErrorKind::TooLarge {
                bytes: text.len(),
                limit: MAX_INPUT_BYTES,
            },
            1,
            1,
        ));
    }
    let mut b = Builder::default();
    let mut first_nonblank: Option<(u32, &str)> = None;
    let mut nonblank_lines = 0usize;
    for (i, raw) in text.split('\n').enumerate() {
        let line_no = to_u32(i + 1);
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        nonblank_lines += 1;
        first_nonblank.get_or_insert((line_no, line));
        if read_line(&mut b, line, line_no)? {
            b.recognised += 1;
        } else {
            b.ignored.push(line_no);
        }
    }
    let Some((first_no, first_line)) = first_nonblank else {
        return Err(error(InputErrorKind::Empty, 1, 1));
    };
    if b.recognised == 0 || b.entries.is_empty() {
        if b.recognised == 0 {
            if let Some(result) = names::name_list(text) {
                return result;
            }
        }
        return Err(not_recognised(&b, (first_no, first_line), nonblank_lines));
    }
    Ok(b.finish())
}

/// The error when no line gave a set (and the input is not a name list).
fn not_recognised(
    b: &Builder,
    (first_no, first_line): (u32, &str),
    nonblank_lines: usize,
) -> InputError {
    // A single word that is not a mask was most likely meant as one:
    // say what is wrong with it rather than "not recognised".
    if nonblank_lines == 1 && bare::looks_like_attempted_mask(first_line) {
        if let Err(e) = mask::parse_mask(first_line) {
            return error(
                InputErrorKind::BadMask { error: e.kind },
                first_no,
                e.column,
            );
        }
    }
    let line = if b.recognised == 0 {
        first_no
    } else {
        b.ignored.first().copied().unwrap_or(first_no)
    };
    error(InputErrorKind::NotRecognised, line, 1)
}

/// Handles one non-blank line. Ok(false): not understood (skipped with a
/// note). The order matters: capsh and getpcaps lines contain `:` and would
/// otherwise be read as `/proc` keys, and any of them could be a bare mask.
fn read_line(b: &mut Builder, line: &str, no: u32) -> Result<bool, InputError> {
    let body = proc::strip_grep_prefix(line.trim_start());
    let line = Line {
        full: line,
        body,
        lead: line.len() - body.len(),
        no,
    };
    Ok(capsh_print::read_line(b, &line)?
        || getpcaps::read_line(b, &line)?
        || capsh_decode::read_line(b, &line)?
        || proc::read_line(b, &line)?
        || bare::read_line(b, &line)?)
}

#[cfg(test)]
mod testing {
    use super::*;

    pub(super) fn ok(text: &str) -> Report {
        match recognise(text) {
            Ok(r) => r,
            Err(e) => panic!("{text:?}: {e:?}"),
        }
    }

    pub(super) fn err(text: &str) -> InputError {
        recognise(text).expect_err(text)
    }

    pub(super) const DOCKER: CapSet = CapSet(0xa80425fb);
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn bad_inputs() {
        assert_eq!(
            err(""),
            InputError {
                kind: InputErrorKind::Empty,
                line: 1,
                column: 1
            }
        );
        assert_eq!(err(" \n\t\n").kind, InputErrorKind::Empty);
        assert_eq!(
            err("a80425fg"),
            InputError {
                kind: InputErrorKind::BadMask {
                    error: MaskErrorKind::BadDigit { found: 'g' }
                },
                line: 1,
                column: 8
            }
        );
        assert_eq!(
            err("  00000000000000000"),
            InputError {
                kind: InputErrorKind::BadMask {
                    error: MaskErrorKind::TooManyDigits { digits: 17 }
                },
                line: 1,
                column: 19
            }
        );
        assert_eq!(
            err("hello world"),
            InputError {
                kind: InputErrorKind::NotRecognised,
                line: 1,
                column: 1
            }
        );
        assert_eq!(err("\n\nlorem ipsum\ndolor sit").line, 3);
        let e = err("CapInh:\t0000000000000000\nCapEff:\t00000000a80425zb");
        assert_eq!(
            e,
            InputError {
                kind: InputErrorKind::BadMask {
                    error: MaskErrorKind::BadDigit { found: 'z' }
                },
                line: 2,
                column: 23
            }
        );
        let e = err("CapEff:\t0x");
        assert_eq!((e.line, e.column), (1, 11));
        let e = err("CapEf: 00");
        assert_eq!(
            e.kind,
            InputErrorKind::UnknownCapKey {
                key: "CapEf".into()
            }
        );
        // Only non-capability status lines: nothing to show.
        assert_eq!(
            err("Name:\tbash\nPid:\t1").kind,
            InputErrorKind::NotRecognised
        );
        // Columns count characters: a multi-byte character before the error.
        let e = err("CapEff:\u{00a0}é1");
        assert_eq!(e.column, 9);
    }

    #[test]
    fn huge_input_is_refused_quickly() {
        let big = "CapEff:\t0000000000000000\n".repeat(MAX_INPUT_BYTES / 24 + 10);
        let e = err(&big);
        assert_eq!(
            e.kind,
            InputErrorKind::TooLarge {
                bytes: big.len(),
                limit: MAX_INPUT_BYTES
            }
        );
        // Just under the limit is accepted (all lines agree).
        let fits = "CapEff:\t0000000000000000\n".repeat(MAX_INPUT_BYTES / 25);
        assert_eq!(ok(&fits).sets.len(), 1);
        // One enormous line under the limit: an error, not a hang.
        let line = "f".repeat(MAX_INPUT_BYTES - 1);
        assert!(matches!(
            err(&line).kind,
            InputErrorKind::NotRecognised | InputErrorKind::BadMask { .. }
        ));
    }

    #[test]
    fn never_panics_on_odd_text() {
        use rand::{Rng, SeedableRng};
        let alphabet: Vec<char> =
            "CapEfBndAmIhPr:=+-,0123456789abcdefx \t\n\r'`é_Current:Bounding set uid=()/"
                .chars()
                .collect();
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for _ in 0..3000 {
            let n = rng.gen_range(0..60);
            let s: String = (0..n)
                .map(|_| alphabet[rng.gen_range(0..alphabet.len())])
                .collect();
            let _ = recognise(&s);
        }
    }
}

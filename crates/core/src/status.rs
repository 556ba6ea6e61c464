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
//! - words: `strings::decode::{input_error, note, set_label, comparison, …}`
//!   and `strings::catalog::{summary, explanation}`.

use crate::catalog::KNOWN;
use crate::exec::Securebits;
use crate::mask::{self, MaskError, MaskErrorKind, NameErrorKind};
use crate::set::CapSet;
use serde::Serialize;

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

/// Lines a whole `/proc/PID/status` has and `grep Cap` output does not.
const STATUS_ONLY_KEYS: &[&str] = &[
    "Name",
    "State",
    "Tgid",
    "Pid",
    "PPid",
    "Umask",
    "TracerPid",
    "FDSize",
    "Threads",
];

#[derive(Default)]
struct Builder {
    entries: Vec<SetEntry>,
    no_new_privs: Option<bool>,
    seccomp: Option<SeccompMode>,
    uid: Option<Ids>,
    gid: Option<Ids>,
    securebits: Option<Securebits>,
    notes: Vec<Note>,
    saw_cap_lines: bool,
    saw_status_only: bool,
    saw_capsh_print: bool,
    saw_getpcaps: Option<u32>,
    saw_capsh_decode: bool,
    saw_bare: bool,
    recognised: usize,
    ignored: Vec<u32>,
}

impl Builder {
    fn add(&mut self, kind: Option<SetKind>, caps: CapSet, line: u32) -> Result<(), InputError> {
        if let Some(k) = kind {
            if let Some(prev) = self.entries.iter().find(|e| e.kind == Some(k)) {
                if prev.caps != caps {
                    return Err(error(
                        InputErrorKind::Conflict {
                            kind: k,
                            first_line: prev.line,
                        },
                        line,
                        1,
                    ));
                }
                return Ok(());
            }
        } else if self.entries.iter().filter(|e| e.kind.is_none()).count() >= MAX_MASKS {
            return Err(error(
                InputErrorKind::TooManyMasks { limit: MAX_MASKS },
                line,
                1,
            ));
        }
        self.entries.push(SetEntry { kind, caps, line });
        Ok(())
    }
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
        if line_kind(&mut b, line, line_no)? {
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
            if let Some(result) = name_list(text) {
                return result;
            }
        }
        // A single word that is not a mask was most likely meant as one:
        // say what is wrong with it rather than "not recognised".
        if nonblank_lines == 1 && looks_like_attempted_mask(first_line) {
            if let Err(e) = mask::parse_mask(first_line) {
                return Err(error(
                    InputErrorKind::BadMask { error: e.kind },
                    first_no,
                    e.column,
                ));
            }
        }
        let line = if b.recognised == 0 {
            first_no
        } else {
            b.ignored.first().copied().unwrap_or(first_no)
        };
        return Err(error(InputErrorKind::NotRecognised, line, 1));
    }
    Ok(finish(b))
}

/// The whole input as a list of capability names (the reverse direction:
/// names to a mask). `None` if it does not look like one at all, so the
/// caller can report something more fitting.
fn name_list(text: &str) -> Option<Result<Report, InputError>> {
    let mut set = CapSet::EMPTY;
    let mut first_line = None;
    let mut named = false;
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        let no = to_u32(i + 1);
        first_line.get_or_insert(no);
        match mask::parse_names(line) {
            Ok(s) => set = set.union(s),
            // After at least one good name (earlier item or line), the user was
            // clearly writing a list: name the bad item.
            Err(e) if named || e.column > 1 => {
                return Some(Err(error(
                    InputErrorKind::BadName {
                        item: e.item,
                        error: e.kind,
                    },
                    no,
                    e.column,
                )));
            }
            Err(_) => return None,
        }
        // A line of numbers alone is not evidence of a name list.
        named |= line
            .split([',', ' ', '\t'])
            .any(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()));
    }
    if !named {
        return None;
    }
    let line = first_line.unwrap_or(1);
    let mut notes = Vec::new();
    let bits = mask::unknown_bits(set);
    if !bits.is_empty() {
        notes.push(Note::UnknownBits {
            kind: None,
            line,
            bits,
        });
    }
    Some(Ok(Report {
        source: SourceKind::NameList,
        sets: vec![SetEntry {
            kind: None,
            caps: set,
            line,
        }],
        no_new_privs: None,
        seccomp: None,
        uid: None,
        gid: None,
        securebits: None,
        notes,
    }))
}

/// A single short token of letters and digits (`a80425fg`, `0x12zz`, `zz`):
/// most likely a mistyped mask, so the mask error is the useful one.
fn looks_like_attempted_mask(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.chars().count() <= 24 && t.chars().all(|c| c.is_ascii_alphanumeric())
}

fn finish(mut b: Builder) -> Report {
    let source = if b.saw_capsh_print {
        SourceKind::CapshPrint
    } else if b.saw_getpcaps.is_some() {
        SourceKind::Getpcaps
    } else if b.saw_status_only {
        SourceKind::ProcStatus
    } else if b.saw_cap_lines {
        SourceKind::CapLines
    } else if b.saw_capsh_decode && !b.saw_bare {
        SourceKind::CapshDecode
    } else {
        SourceKind::BareMask
    };
    // Stable: kinds in /proc order, bare masks (None) last in input order.
    crate::order::by_rank(&mut b.entries, |e| e.kind.map_or(5, |k| k as u32));
    let mut notes = Vec::new();
    if !b.ignored.is_empty() {
        let lines = b.ignored.iter().copied().take(MAX_LISTED_LINES).collect();
        notes.push(Note::IgnoredLines {
            lines,
            total: to_u32(b.ignored.len()),
        });
    }
    for e in &b.entries {
        let bits = mask::unknown_bits(e.caps);
        if !bits.is_empty() {
            notes.push(Note::UnknownBits {
                kind: e.kind,
                line: e.line,
                bits,
            });
        }
    }
    let get = |k: SetKind| b.entries.iter().find(|e| e.kind == Some(k)).map(|e| e.caps);
    if let (Some(p), Some(e)) = (get(SetKind::Permitted), get(SetKind::Effective)) {
        if !e.is_subset_of(p) {
            notes.push(Note::EffectiveNotInPermitted { extra: e.minus(p) });
        }
    }
    if let (Some(p), Some(i), Some(a)) = (
        get(SetKind::Permitted),
        get(SetKind::Inheritable),
        get(SetKind::Ambient),
    ) {
        let allowed = p.intersect(i);
        if !a.is_subset_of(allowed) {
            notes.push(Note::AmbientNotInPermittedAndInheritable {
                extra: a.minus(allowed),
            });
        }
    }
    if matches!(source, SourceKind::CapshPrint | SourceKind::Getpcaps) {
        let missing: Vec<SetKind> = SetKind::ALL
            .into_iter()
            .filter(|k| get(*k).is_none())
            .collect();
        if !missing.is_empty() {
            notes.push(Note::SetsNotShown { kinds: missing });
        }
    }
    for n in b.notes {
        // The same remark can come from two parts of one line (getpcaps --iab).
        if !notes.contains(&n) {
            notes.push(n);
        }
    }
    Report {
        source,
        sets: b.entries,
        no_new_privs: b.no_new_privs,
        seccomp: b.seccomp,
        uid: b.uid,
        gid: b.gid,
        securebits: b.securebits,
        notes,
    }
}

/// Handles one non-blank line. Ok(false): not understood (skipped with a note).
fn line_kind(b: &mut Builder, line: &str, no: u32) -> Result<bool, InputError> {
    let mut trimmed = line.trim_start();
    // `grep Cap /proc/*/status` prefixes each line with the file name.
    if trimmed.starts_with('/') {
        if let Some(pos) = trimmed.find("status:") {
            trimmed = &trimmed[pos + "status:".len()..];
        }
    }
    let lead = line.len() - trimmed.len();

    // capsh --print
    for (prefix, kind) in [
        ("Bounding set =", SetKind::Bounding),
        ("Ambient set =", SetKind::Ambient),
    ] {
        if let Some(rest) = trimmed.strip_prefix(prefix) {
            b.saw_capsh_print = true;
            // A kernel without this set (ambient before 4.3): nothing to show.
            if rest.trim() == "<unsupported>" {
                return Ok(true);
            }
            let at = lead + prefix.len();
            let caps = capsh_name_list(rest, line, at, no)?;
            b.add(Some(kind), caps, no)?;
            return Ok(true);
        }
    }
    if let Some(rest) = trimmed.strip_prefix("Current:") {
        let at = lead + "Current:".len();
        b.saw_capsh_print = true;
        add_text_sets(b, rest, line, at, no)?;
        return Ok(true);
    }
    if let Some(rest) = trimmed.strip_prefix("Securebits:") {
        b.saw_capsh_print = true;
        parse_securebits(b, rest);
        return Ok(true);
    }
    if trimmed.starts_with("WARNING: libcap needs an update") {
        // capsh prints this (before anything else) when the kernel has
        // capabilities libcap cannot name; they then appear as numbers.
        b.notes.push(Note::LibcapOlderThanKernel { line: no });
        return Ok(true);
    }
    if trimmed.starts_with("Current IAB:")
        || trimmed.starts_with("secure-")
        || trimmed.starts_with("prctl-keep-caps:")
        || trimmed.starts_with("[Securebits ABI not supported]")
        || trimmed.starts_with("[Keepcaps ABI not supported]")
        || trimmed.starts_with("groups=")
        || trimmed.starts_with("Guessed mode:")
    {
        b.saw_capsh_print = true;
        return Ok(true);
    }
    if trimmed.starts_with("uid=") || trimmed.starts_with("gid=") {
        b.saw_capsh_print = true;
        parse_capsh_ids(b, trimmed);
        return Ok(true);
    }

    // getpcaps: `1234: =ep` (libcap ≥ 2.4x) or "Capabilities for `1234': = cap_x+ep".
    if let Some((text_at, _pid)) = getpcaps_prefix(trimmed) {
        if let Some(first) = b.saw_getpcaps {
            return Err(error(
                InputErrorKind::SeveralProcesses { first_line: first },
                no,
                1,
            ));
        }
        b.saw_getpcaps = Some(no);
        getpcaps_body(b, &trimmed[text_at..], line, lead + text_at, no)?;
        return Ok(true);
    }

    // capsh --decode: the command (maybe after a prompt) or its output.
    if let Some(pos) = trimmed.find("--decode=") {
        let at = lead + pos + "--decode=".len();
        let arg = line[at..].split_whitespace().next().unwrap_or("");
        let caps = mask_at(arg, line, at, no)?;
        b.saw_capsh_decode = true;
        b.add(None, caps, no)?;
        return Ok(true);
    }
    if (trimmed.starts_with("0x") || trimmed.starts_with("0X")) && trimmed.contains('=') {
        let eq = trimmed.find('=').unwrap_or(trimmed.len());
        let caps = mask_at(&trimmed[..eq], line, lead, no)?;
        b.saw_capsh_decode = true;
        b.add(None, caps, no)?;
        return Ok(true);
    }

    // `Key:<tab>value` lines of /proc/PID/status.
    if let Some(colon) = trimmed.find(':') {
        let key = &trimmed[..colon];
        let value = &trimmed[colon + 1..];
        let value_at = lead + colon + 1;
        if is_status_key(key) {
            if let Some(kind) = SetKind::from_proc_key(key) {
                let caps = mask_at(value, line, value_at, no)?;
                b.saw_cap_lines = true;
                b.add(Some(kind), caps, no)?;
                return Ok(true);
            }
            if key.len() > 3 && key[..3].eq_ignore_ascii_case("cap") && key.len() <= 8 {
                return Err(error(
                    InputErrorKind::UnknownCapKey {
                        key: key.to_string(),
                    },
                    no,
                    column_of(line, lead),
                ));
            }
            match key {
                "NoNewPrivs" => {
                    b.no_new_privs = Some(number_at::<u8>(value, line, value_at, no, key)? != 0);
                }
                "Seccomp" => {
                    b.seccomp = Some(match number_at::<u8>(value, line, value_at, no, key)? {
                        0 => SeccompMode::Disabled,
                        1 => SeccompMode::Strict,
                        _ => SeccompMode::Filter,
                    });
                }
                "Uid" | "Gid" => {
                    let ids = status_ids(value, line, value_at, no, key)?;
                    if key == "Uid" {
                        b.uid = Some(ids);
                    } else {
                        b.gid = Some(ids);
                    }
                }
                k if STATUS_ONLY_KEYS.contains(&k) => b.saw_status_only = true,
                _ => {}
            }
            return Ok(true);
        }
    }

    // A bare mask.
    if let Ok(caps) = mask::parse_mask(line) {
        b.saw_bare = true;
        b.add(None, caps, no)?;
        return Ok(true);
    }
    Ok(false)
}

/// `/proc` keys: letters, digits, `_`, and parentheses (`Speculation_Store_Bypass`, `Cpus_allowed_list`).
fn is_status_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 40
        && key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '(' || c == ')')
}

/// Offset of the libcap text after a getpcaps prefix, and the pid.
fn getpcaps_prefix(t: &str) -> Option<(usize, u32)> {
    // New: `1234: text`
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && t[digits..].starts_with(':') {
        let pid = t[..digits].parse().ok()?;
        return Some((digits + 1, pid));
    }
    // Old: "Capabilities for `1234': text" (some builds quote with ' on both sides).
    let rest = t.strip_prefix("Capabilities for ")?;
    let q = rest.chars().next().filter(|c| *c == '`' || *c == '\'')?;
    let body = &rest[q.len_utf8()..];
    let end = body.find("':")?;
    let pid = body[..end].parse().ok()?;
    Some(("Capabilities for ".len() + q.len_utf8() + end + 2, pid))
}

fn mask_at(value: &str, line: &str, at: usize, no: u32) -> Result<CapSet, InputError> {
    mask::parse_mask(value).map_err(|MaskError { kind, column }| {
        error(
            InputErrorKind::BadMask { error: kind },
            no,
            column_of(line, at) + column - 1,
        )
    })
}

fn number_at<T: std::str::FromStr>(
    value: &str,
    line: &str,
    at: usize,
    no: u32,
    field: &str,
) -> Result<T, InputError> {
    let lead = value.len() - value.trim_start().len();
    value.trim().parse::<T>().map_err(|_| {
        error(
            InputErrorKind::BadNumber {
                field: field.to_string(),
            },
            no,
            column_of(line, at + lead),
        )
    })
}

/// `Uid:\t0\t0\t0\t0`: real, effective, saved, filesystem.
fn status_ids(value: &str, line: &str, at: usize, no: u32, field: &str) -> Result<Ids, InputError> {
    let mut nums = Vec::new();
    let mut offset = 0;
    for word in value.split_whitespace().take(4) {
        let pos = value[offset..].find(word).map_or(offset, |p| p + offset);
        offset = pos + word.len();
        nums.push(Some(number_at::<u32>(word, line, at + pos, no, field)?));
    }
    nums.resize(4, None);
    Ok(Ids {
        real: nums[0],
        effective: nums[1],
        saved: nums[2],
        filesystem: nums[3],
    })
}

/// `uid=0(root) euid=0(root)` or `gid=0(root)` from capsh --print.
fn parse_capsh_ids(b: &mut Builder, t: &str) {
    let mut ids = Ids::default();
    let is_gid = t.starts_with("gid=");
    for word in t.split_whitespace() {
        let Some((k, v)) = word.split_once('=') else {
            continue;
        };
        let n: Option<u32> = v.split('(').next().and_then(|s| s.parse().ok());
        match k {
            "uid" | "gid" => ids.real = n,
            "euid" | "egid" => ids.effective = n,
            _ => {}
        }
    }
    if is_gid {
        b.gid = Some(ids);
    } else {
        b.uid = Some(ids);
    }
}

/// `Securebits: 00/0x0/1'b0 (no-new-privs=0)`: octal/hex/binary of the same value.
fn parse_securebits(b: &mut Builder, rest: &str) {
    let rest = rest.trim();
    if let Some(hex) = rest.split('/').nth(1).and_then(|h| h.strip_prefix("0x")) {
        if let Ok(v) = u32::from_str_radix(hex, 16) {
            b.securebits = Some(Securebits(v));
        }
    }
    if let Some(pos) = rest.find("no-new-privs=") {
        let v = &rest[pos + "no-new-privs=".len()..];
        match v.chars().next() {
            Some('0') => b.no_new_privs = Some(false),
            Some('1') => b.no_new_privs = Some(true),
            _ => {}
        }
    }
}

/// `cap_chown,cap_kill,38` — the list capsh prints for Bounding/Ambient.
fn capsh_name_list(rest: &str, line: &str, at: usize, no: u32) -> Result<CapSet, InputError> {
    mask::parse_names(rest).map_err(|e| {
        error(
            InputErrorKind::BadName {
                item: e.item,
                error: e.kind,
            },
            no,
            column_of(line, at) + e.column - 1,
        )
    })
}

/// After `PID:`: plain libcap text, or with `--iab` the text in double
/// quotes (left out when it is just `=`) followed by `[IAB]` when Ambient or
/// Bounding differ from the default.
fn getpcaps_body(
    b: &mut Builder,
    body: &str,
    line: &str,
    at: usize,
    no: u32,
) -> Result<(), InputError> {
    let t = body.trim_start();
    let mut at = at + (body.len() - t.len());
    let mut rest = t;
    let mut iab_mode = false;
    if let Some(q) = t.strip_prefix('"') {
        let end = q.find('"').ok_or_else(|| {
            error(
                InputErrorKind::BadCapText {
                    clause: t.to_string(),
                    detail: None,
                },
                no,
                column_of(line, at),
            )
        })?;
        add_text_sets(b, &q[..end], line, at + 1, no)?;
        iab_mode = true;
        rest = &q[end + 1..];
        at += end + 2;
    }
    let trimmed = rest.trim();
    if let Some(inner) = trimmed.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        let inner_at = at + (rest.len() - rest.trim_start().len()) + 1;
        let iab = libcap_text::parse_iab(inner).map_err(|e| {
            error(
                InputErrorKind::BadCapText {
                    clause: e.clause,
                    detail: None,
                },
                no,
                column_of(line, inner_at) + e.column - 1,
            )
        })?;
        if !iab_mode {
            // `PID: [IAB]` alone: the capability text was a bare `=`.
            add_text_sets(b, "", line, inner_at, no)?;
        }
        b.add(Some(SetKind::Inheritable), iab.inheritable, no)?;
        b.add(Some(SetKind::Ambient), iab.ambient, no)?;
        b.add(Some(SetKind::Bounding), KNOWN.minus(iab.not_bounding), no)?;
        if !iab.not_bounding.is_empty() {
            b.notes.push(Note::AllMeansKernelCaps { line: no });
        }
    } else if iab_mode {
        if !trimmed.is_empty() {
            return Err(error(
                InputErrorKind::BadCapText {
                    clause: trimmed.to_string(),
                    detail: None,
                },
                no,
                column_of(line, at),
            ));
        }
        // No bracket: Ambient empty and Bounding full.
        b.add(Some(SetKind::Ambient), CapSet::EMPTY, no)?;
        b.add(Some(SetKind::Bounding), KNOWN, no)?;
        b.notes.push(Note::AllMeansKernelCaps { line: no });
    } else {
        add_text_sets(b, rest, line, at, no)?;
    }
    Ok(())
}

fn add_text_sets(
    b: &mut Builder,
    text: &str,
    line: &str,
    at: usize,
    no: u32,
) -> Result<(), InputError> {
    // `all` and a bare `=` cover the kernel's capabilities; the printing
    // kernel is unknown, so read them as the 41 of current kernels.
    let parsed =
        crate::text::parse_for_kernel(text, crate::catalog::LAST_CAP + 1).map_err(|e| {
            let clause = clause_at(text, e.offset);
            let column = column_of(line, at) + to_u32(e.column) - 1;
            error(
                InputErrorKind::BadCapText {
                    clause,
                    detail: Some(e.kind),
                },
                no,
                column,
            )
        })?;
    if raises_all(text) {
        b.notes.push(Note::AllMeansKernelCaps { line: no });
    }
    b.add(Some(SetKind::Inheritable), parsed.inheritable, no)?;
    b.add(Some(SetKind::Permitted), parsed.permitted, no)?;
    b.add(Some(SetKind::Effective), parsed.effective, no)?;
    Ok(())
}

/// The whitespace-separated clause containing byte `offset`.
fn clause_at(text: &str, offset: usize) -> String {
    let offset = offset.min(text.len());
    let start = text[..offset]
        .rfind(char::is_whitespace)
        .map_or(0, |p| p + 1);
    let end = text[offset..]
        .find(char::is_whitespace)
        .map_or(text.len(), |p| p + offset);
    text.get(start..end).unwrap_or("").to_string()
}

/// Whether some clause raises flags for `all` or a list-less `=` (`=ep`,
/// `all+p`): only then does "every capability of the kernel" matter.
fn raises_all(text: &str) -> bool {
    text.split_whitespace().any(|clause| {
        let op = clause.find(['=', '+', '-']).unwrap_or(clause.len());
        let list = &clause[..op];
        let all = list.is_empty() || list.split(',').any(|i| i.eq_ignore_ascii_case("all"));
        let raises = clause[op..]
            .split(['-'])
            .next()
            .is_some_and(|r| r.contains(['e', 'i', 'p']));
        all && raises
    })
}

/// libcap's IAB text, which `crate::text` does not cover.
mod libcap_text {
    use super::KNOWN;
    use crate::catalog;
    use crate::set::CapSet;

    pub struct TextError {
        pub clause: String,
        /// 1-based column of the clause in the text given.
        pub column: u32,
    }

    fn item_caps(item: &str) -> Option<CapSet> {
        if item.eq_ignore_ascii_case("all") {
            return Some(KNOWN);
        }
        if !item.is_empty() && item.bytes().all(|b| b.is_ascii_digit()) {
            return item
                .parse::<u8>()
                .ok()
                .filter(|n| *n < 64)
                .map(CapSet::single);
        }
        catalog::by_any_spelling(item).map(|c| CapSet::single(c.number))
    }

    /// libcap's IAB text (`getpcaps --iab`, `capsh --iab`): comma-separated
    /// names; `!` = blocked from the bounding set, `^` = ambient (and so
    /// inheritable), `%` or nothing = inheritable.
    pub struct Iab {
        pub inheritable: CapSet,
        pub ambient: CapSet,
        pub not_bounding: CapSet,
    }

    pub fn parse_iab(text: &str) -> Result<Iab, TextError> {
        let mut iab = Iab {
            inheritable: CapSet::EMPTY,
            ambient: CapSet::EMPTY,
            not_bounding: CapSet::EMPTY,
        };
        let mut column: u32 = 1;
        for item in text.split(',') {
            let bad = || TextError {
                clause: item.to_string(),
                column,
            };
            let mut name = item.trim();
            let (mut blocked, mut ambient, mut inh) = (false, false, false);
            loop {
                match name.chars().next() {
                    Some('!') => blocked = true,
                    Some('^') => ambient = true,
                    Some('%') => inh = true,
                    _ => break,
                }
                name = &name[1..];
            }
            if name.is_empty() {
                if item.trim().is_empty() && text.trim().is_empty() {
                    break;
                }
                return Err(bad());
            }
            let caps = item_caps(name).ok_or_else(bad)?;
            if blocked {
                iab.not_bounding = iab.not_bounding.union(caps);
            }
            if ambient {
                iab.ambient = iab.ambient.union(caps);
            }
            if ambient || inh || !blocked {
                iab.inheritable = iab.inheritable.union(caps);
            }
            column = column.saturating_add(item.chars().count() as u32 + 1);
        }
        Ok(iab)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Report {
        match recognise(text) {
            Ok(r) => r,
            Err(e) => panic!("{text:?}: {e:?}"),
        }
    }

    fn err(text: &str) -> InputError {
        recognise(text).expect_err(text)
    }

    const DOCKER: CapSet = CapSet(0xa80425fb);

    #[test]
    fn bare_masks() {
        for t in [
            "a80425fb",
            "0xA80425FB",
            "  00000000a80425fb  \n",
            "\r\n0Xa80425fb\r\n",
        ] {
            let r = ok(t);
            assert_eq!(r.source, SourceKind::BareMask, "{t:?}");
            assert_eq!(
                r.sets,
                vec![SetEntry {
                    kind: None,
                    caps: DOCKER,
                    line: r.sets[0].line
                }]
            );
            assert!(r.notes.is_empty());
        }
        let r = ok("5fb\n\na80425fb");
        assert_eq!(
            r.sets.iter().map(|e| (e.caps, e.line)).collect::<Vec<_>>(),
            vec![(CapSet(0x5fb), 1), (DOCKER, 3)]
        );
        let r = ok("ffffffffffffffff");
        assert_eq!(
            r.notes,
            vec![Note::UnknownBits {
                kind: None,
                line: 1,
                bits: CapSet(0xfffffe0000000000)
            }]
        );
    }

    #[test]
    fn capsh_decode_forms() {
        let r = ok("$ capsh --decode=0000001fffffffff");
        assert_eq!(r.source, SourceKind::CapshDecode);
        assert_eq!(r.sets[0].caps, CapSet(0x1fffffffff));
        let r = ok("0x00000000a80425fb=cap_chown,cap_dac_override");
        assert_eq!(r.source, SourceKind::CapshDecode);
        assert_eq!(r.sets[0].caps, DOCKER);
        let e = err("capsh --decode=00000g");
        assert_eq!((e.line, e.column), (1, 21));
        assert_eq!(
            e.kind,
            InputErrorKind::BadMask {
                error: MaskErrorKind::BadDigit { found: 'g' }
            }
        );
    }

    #[test]
    fn cap_lines() {
        let text = "CapInh:\t0000000000000000\nCapPrm:\t00000000a80425fb\nCapEff:\t00000000a80425fb\nCapBnd:\t00000000a80425fb\nCapAmb:\t0000000000000000\n";
        let r = ok(text);
        assert_eq!(r.source, SourceKind::CapLines);
        assert_eq!(r.sets.len(), 5);
        assert_eq!(r.get(SetKind::Inheritable), Some(CapSet::EMPTY));
        assert_eq!(r.get(SetKind::Bounding), Some(DOCKER));
        assert_eq!(r.sets[3].line, 4);
        assert!(r.notes.is_empty());
        assert_eq!(r.union(), DOCKER);
        // One line, odd spacing and case, in any order.
        let r = ok("  capbnd:   0000001fffffffff ");
        assert_eq!(r.get(SetKind::Bounding), Some(CapSet(0x1fffffffff)));
        let r = ok("CapEff: 1\nCapPrm: 3");
        assert_eq!(
            r.sets.iter().map(|e| e.kind).collect::<Vec<_>>(),
            vec![Some(SetKind::Permitted), Some(SetKind::Effective)]
        );
        // A shell prompt line is skipped with a note.
        let r = ok("root@3f2a:/# grep Cap /proc/1/status\nCapBnd:\t00000000a80425fb");
        assert_eq!(
            r.notes,
            vec![Note::IgnoredLines {
                lines: vec![1],
                total: 1
            }]
        );
        // Many skipped lines make one short note.
        let r = ok(&format!("CapEff: 0\n{}", "junk here\n".repeat(1000)));
        assert_eq!(
            r.notes,
            vec![Note::IgnoredLines {
                lines: vec![2, 3, 4, 5, 6],
                total: 1000
            }]
        );
        // The same value twice is fine; different values are not.
        assert_eq!(ok("CapEff: 1\nCapEff: 0x1").sets.len(), 1);
        let e = err("CapEff: 1\nCapPrm: 1\nCapEff: 3");
        assert_eq!(
            e,
            InputError {
                kind: InputErrorKind::Conflict {
                    kind: SetKind::Effective,
                    first_line: 1
                },
                line: 3,
                column: 1
            }
        );
    }

    #[test]
    fn impossible_combinations_are_noted() {
        let r = ok("CapPrm: 1\nCapEff: 3");
        assert_eq!(
            r.notes,
            vec![Note::EffectiveNotInPermitted {
                extra: CapSet::single(1)
            }]
        );
        let r = ok("CapInh: 1000\nCapPrm: 3000\nCapAmb: 3000");
        assert_eq!(
            r.notes,
            vec![Note::AmbientNotInPermittedAndInheritable {
                extra: CapSet::single(13)
            }]
        );
        // Podman --user 1000 --cap-add NET_ADMIN is consistent.
        let r = ok("CapInh:\t0000000000001000\nCapPrm:\t0000000000001000\nCapEff:\t0000000000001000\nCapBnd:\t00000000800415fb\nCapAmb:\t0000000000001000");
        assert!(r.notes.is_empty());
    }

    #[test]
    fn whole_proc_status_of_this_machine() {
        let text = include_str!("../../../tests/fixtures/proc_self_status_6.18.txt");
        let r = ok(text);
        assert_eq!(r.source, SourceKind::ProcStatus);
        assert_eq!(r.sets.len(), 5);
        assert_eq!(r.get(SetKind::Bounding), Some(CapSet(0x000001fffeffffff)));
        assert_eq!(r.get(SetKind::Ambient), Some(CapSet::EMPTY));
        assert_eq!(r.no_new_privs, Some(false));
        assert_eq!(r.seccomp, Some(SeccompMode::Disabled));
        assert_eq!(
            r.uid,
            Some(Ids {
                real: Some(0),
                effective: Some(0),
                saved: Some(0),
                filesystem: Some(0)
            })
        );
        assert_eq!(r.gid.map(|g| g.filesystem), Some(Some(0)));
        assert!(r.notes.is_empty(), "{:?}", r.notes);
    }

    #[test]
    fn proc_status_from_a_container() {
        let text = "Name:\tsh\nUmask:\t0022\nState:\tS (sleeping)\nPid:\t1\nUid:\t1000\t1000\t1000\t1000\nGid:\t0\t0\t0\t0\n\
CapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t00000000a80425fb\nCapAmb:\t0000000000000000\n\
NoNewPrivs:\t1\nSeccomp:\t2\nSeccomp_filters:\t1\nSpeculation_Store_Bypass:\tthread force mitigated\nCpus_allowed_list:\t0-1\n";
        let r = ok(text);
        assert_eq!(r.source, SourceKind::ProcStatus);
        assert_eq!(r.no_new_privs, Some(true));
        assert_eq!(r.seccomp, Some(SeccompMode::Filter));
        assert_eq!(r.uid.and_then(|u| u.effective), Some(1000));
        assert_eq!(r.get(SetKind::Bounding), Some(DOCKER));
        let e = err("Name:\tsh\nNoNewPrivs:\tyes\nCapEff:\t0");
        assert_eq!(
            e,
            InputError {
                kind: InputErrorKind::BadNumber {
                    field: "NoNewPrivs".into()
                },
                line: 2,
                column: 13
            }
        );
        let e = err("Uid:\t0\tx\t0\t0\nCapEff: 0");
        assert_eq!((e.line, e.column), (1, 8));
    }

    #[test]
    fn capsh_print_2_66_of_this_machine() {
        let r = ok(include_str!("../../../tests/fixtures/capsh_print_2.66.txt"));
        assert_eq!(r.source, SourceKind::CapshPrint);
        let all_but_resource = CapSet(0x000001fffeffffff);
        assert_eq!(r.get(SetKind::Permitted), Some(all_but_resource));
        assert_eq!(r.get(SetKind::Effective), Some(all_but_resource));
        assert_eq!(r.get(SetKind::Inheritable), Some(CapSet::EMPTY));
        assert_eq!(r.get(SetKind::Bounding), Some(all_but_resource));
        assert_eq!(r.get(SetKind::Ambient), Some(CapSet::EMPTY));
        assert_eq!(r.no_new_privs, Some(false));
        assert_eq!(r.securebits, Some(Securebits(0)));
        assert_eq!(
            r.uid,
            Some(Ids {
                real: Some(0),
                effective: Some(0),
                saved: None,
                filesystem: None
            })
        );
        assert_eq!(r.notes, vec![Note::AllMeansKernelCaps { line: 1 }]);
    }

    #[test]
    fn capsh_print_old_libcap() {
        // libcap 2.25 (Ubuntu 18.04) inside an old Docker container: Inheritable filled, no Ambient line.
        let text = "Current: = cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap+eip
Bounding set =cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap
Securebits: 00/0x0/1'b0
 secure-noroot: no (unlocked)
 secure-no-suid-fixup: no (unlocked)
 secure-keep-caps: no (unlocked)
uid=0(root)
gid=0(root)
groups=
";
        let r = ok(text);
        assert_eq!(r.source, SourceKind::CapshPrint);
        for k in [
            SetKind::Inheritable,
            SetKind::Permitted,
            SetKind::Effective,
            SetKind::Bounding,
        ] {
            assert_eq!(r.get(k), Some(DOCKER), "{k:?}");
        }
        assert_eq!(r.get(SetKind::Ambient), None);
        assert_eq!(r.no_new_privs, None);
        assert_eq!(
            r.uid,
            Some(Ids {
                real: Some(0),
                ..Ids::default()
            })
        );
        assert_eq!(
            r.notes,
            vec![Note::SetsNotShown {
                kinds: vec![SetKind::Ambient]
            }]
        );

        // Old capsh on a 3.x kernel printed WAKE_ALARM and BLOCK_SUSPEND as numbers.
        let r = ok("Current: = cap_chown+ep\nBounding set =cap_chown,cap_dac_override,cap_dac_read_search,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_linux_immutable,cap_net_bind_service,cap_net_broadcast,cap_net_admin,cap_net_raw,cap_ipc_lock,cap_ipc_owner,cap_sys_module,cap_sys_rawio,cap_sys_chroot,cap_sys_ptrace,cap_sys_pacct,cap_sys_admin,cap_sys_boot,cap_sys_nice,cap_sys_resource,cap_sys_time,cap_sys_tty_config,cap_mknod,cap_lease,cap_audit_write,cap_audit_control,cap_setfcap,cap_mac_override,cap_mac_admin,cap_syslog,35,36");
        assert_eq!(r.get(SetKind::Bounding), Some(CapSet(0x1fffffffff)));
        assert_eq!(r.get(SetKind::Effective), Some(CapSet::single(0)));
        assert_eq!(
            r.notes,
            vec![Note::SetsNotShown {
                kinds: vec![SetKind::Ambient]
            }]
        );

        let e = err("Current: =ep\nBounding set =cap_chown,cap_bogus");
        assert_eq!(
            e.kind,
            InputErrorKind::BadName {
                item: "cap_bogus".into(),
                error: NameErrorKind::UnknownName
            }
        );
        assert_eq!((e.line, e.column), (2, 25));
        let e = err("Current: cap_chown+xq");
        assert_eq!(
            e,
            InputError {
                kind: InputErrorKind::BadCapText {
                    clause: "cap_chown+xq".into(),
                    detail: Some(crate::text::TextErrorKind::BadFlag { found: 'x' })
                },
                line: 1,
                column: 20
            }
        );
    }

    #[test]
    fn capsh_print_on_old_kernels_and_libcaps() {
        // libcap 2.2x on a 3.10 kernel: warning first, numbers for 35 and 36,
        // and a kernel without ambient capabilities.
        let text = "WARNING: libcap needs an update (cap=36 should have a name).
Current: = cap_chown,cap_dac_override+ep
Bounding set =cap_chown,cap_dac_override,cap_dac_read_search,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_linux_immutable,cap_net_bind_service,cap_net_broadcast,cap_net_admin,cap_net_raw,cap_ipc_lock,cap_ipc_owner,cap_sys_module,cap_sys_rawio,cap_sys_chroot,cap_sys_ptrace,cap_sys_pacct,cap_sys_admin,cap_sys_boot,cap_sys_nice,cap_sys_resource,cap_sys_time,cap_sys_tty_config,cap_mknod,cap_lease,cap_audit_write,cap_audit_control,cap_setfcap,cap_mac_override,cap_mac_admin,cap_syslog,35,36
Ambient set = <unsupported>
[Securebits ABI not supported]
 prctl-keep-caps: no (locking not supported)
uid=0(root) euid=0(root)
gid=0(root)
groups=0(root)
";
        let r = ok(text);
        assert_eq!(r.source, SourceKind::CapshPrint);
        assert_eq!(r.get(SetKind::Bounding), Some(CapSet(0x1fffffffff)));
        assert_eq!(r.get(SetKind::Ambient), None);
        assert_eq!(r.securebits, None);
        assert_eq!(
            r.notes,
            vec![
                Note::SetsNotShown {
                    kinds: vec![SetKind::Ambient]
                },
                Note::LibcapOlderThanKernel { line: 1 }
            ]
        );
    }

    #[test]
    fn getpcaps_forms() {
        let r = ok(include_str!("../../../tests/fixtures/getpcaps_2.66.txt"));
        assert_eq!(r.source, SourceKind::Getpcaps);
        assert_eq!(r.get(SetKind::Effective), Some(CapSet(0x000001fffeffffff)));
        assert_eq!(r.get(SetKind::Bounding), None);
        for fixture in [
            include_str!("../../../tests/fixtures/getpcaps_iab_2.66.txt"),
            include_str!("../../../tests/fixtures/getpcaps_verbose_2.66.txt"),
            include_str!("../../../tests/fixtures/getpcaps_ugly_2.66.txt"),
        ] {
            let r = ok(fixture);
            assert_eq!(r.source, SourceKind::Getpcaps);
            assert_eq!(
                r.get(SetKind::Permitted),
                Some(CapSet(0x000001fffeffffff)),
                "{fixture}"
            );
        }
        let r = ok(include_str!("../../../tests/fixtures/getpcaps_iab_2.66.txt"));
        assert_eq!(r.get(SetKind::Bounding), Some(CapSet(0x000001fffeffffff)));
        assert_eq!(r.notes, vec![Note::AllMeansKernelCaps { line: 1 }]);
        let r = ok("1: cap_net_admin,cap_net_raw=p cap_net_raw+e");
        assert_eq!(r.get(SetKind::Permitted), Some(CapSet::from_caps([12, 13])));
        assert_eq!(r.get(SetKind::Effective), Some(CapSet::single(13)));
        assert_eq!(r.get(SetKind::Inheritable), Some(CapSet::EMPTY));
        assert!(r.notes.contains(&Note::SetsNotShown {
            kinds: vec![SetKind::Bounding, SetKind::Ambient]
        }));
        for old in [
            "Capabilities for `1234': = cap_chown,cap_kill+ep",
            "Capabilities for '1234': = cap_chown,cap_kill+ep",
        ] {
            let r = ok(old);
            assert_eq!(r.source, SourceKind::Getpcaps);
            assert_eq!(r.get(SetKind::Permitted), Some(CapSet::from_caps([0, 5])));
            assert_eq!(r.get(SetKind::Inheritable), Some(CapSet::EMPTY));
        }
        // getpcaps --iab (libcap 2.66, this machine's format).
        let r = ok("13481: \"=ep cap_sys_resource-ep\" [!cap_sys_resource]");
        assert_eq!(r.get(SetKind::Bounding), Some(CapSet(0x000001fffeffffff)));
        assert_eq!(r.get(SetKind::Ambient), Some(CapSet::EMPTY));
        assert_eq!(r.get(SetKind::Effective), Some(CapSet(0x000001fffeffffff)));
        let r = ok("42: \"cap_chown=i cap_net_bind_service=eip\" [^cap_net_bind_service,!cap_sys_admin,!%cap_chown]");
        assert_eq!(r.get(SetKind::Ambient), Some(CapSet::single(10)));
        assert_eq!(r.get(SetKind::Bounding), Some(KNOWN.without(21).without(0)));
        // IAB says CHOWN is inheritable, the text says it is not: contradiction.
        let e = err("42: \"cap_net_bind_service=eip\" [^cap_net_bind_service,!%cap_chown]");
        assert_eq!(
            e.kind,
            InputErrorKind::Conflict {
                kind: SetKind::Inheritable,
                first_line: 1
            }
        );
        let r = ok("42: [!cap_sys_admin]");
        assert_eq!(r.get(SetKind::Permitted), Some(CapSet::EMPTY));
        assert_eq!(r.get(SetKind::Bounding), Some(KNOWN.without(21)));
        let r = ok("42: \"=ep\"");
        assert_eq!(r.get(SetKind::Bounding), Some(KNOWN));
        assert!(r
            .notes
            .iter()
            .all(|n| !matches!(n, Note::SetsNotShown { .. })));
        let e = err("42: \"=ep\" [!cap_bogus]");
        assert_eq!(
            e,
            InputError {
                kind: InputErrorKind::BadCapText {
                    clause: "!cap_bogus".into(),
                    detail: None
                },
                line: 1,
                column: 12
            }
        );
        let e = err("1: =ep\n2: =");
        assert_eq!(
            e,
            InputError {
                kind: InputErrorKind::SeveralProcesses { first_line: 1 },
                line: 2,
                column: 1
            }
        );
    }

    #[test]
    fn libcap_text_forms() {
        // Through capsh's `Current:` line, read by `crate::text`.
        let sets = |t: &str| {
            let r = ok(&format!("Current: {t}"));
            let get = |k| r.get(k).unwrap().0;
            (
                get(SetKind::Inheritable),
                get(SetKind::Permitted),
                get(SetKind::Effective),
            )
        };
        assert_eq!(sets("cap_net_raw+ep"), (0, 1 << 13, 1 << 13));
        assert_eq!(sets("cap_net_raw=ep"), (0, 1 << 13, 1 << 13));
        assert_eq!(
            sets("=eip cap_setpcap-e"),
            (KNOWN.0, KNOWN.0, KNOWN.0 & !(1 << 8))
        );
        assert_eq!(sets("cap_chown,cap_kill=eip cap_kill-i"), (1, 0x21, 0x21));
        assert_eq!(sets("cap_chown=+ep"), (0, 1, 1));
        assert_eq!(sets("all+p"), (0, KNOWN.0, 0));
        assert_eq!(sets("="), (0, 0, 0));
        assert_eq!(sets(""), (0, 0, 0));
        assert_eq!(sets("13+p 0x0d-p"), (0, 0, 0));
        assert_eq!(sets("63=p"), (0, 1 << 63, 0));
        for bad in [
            "+ep",
            "cap_chown+",
            "cap_chown+p=e",
            "cap_bogus=p",
            "64=p",
            "cap_chown",
            "cap_chown+EP",
        ] {
            assert!(
                matches!(
                    err(&format!("Current: {bad}")).kind,
                    InputErrorKind::BadCapText { .. }
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn name_lists_make_a_mask() {
        let r = ok("NET_RAW, cap_sys_admin\nchown 63");
        assert_eq!(r.source, SourceKind::NameList);
        assert_eq!(
            r.sets,
            vec![SetEntry {
                kind: None,
                caps: CapSet::from_caps([0, 13, 21, 63]),
                line: 1
            }]
        );
        assert_eq!(
            r.notes,
            vec![Note::UnknownBits {
                kind: None,
                line: 1,
                bits: CapSet::single(63)
            }]
        );
        assert_eq!(ok("ALL").sets[0].caps, KNOWN);
        // Digits alone are a mask, not cap numbers (as in capsh --decode).
        assert_eq!(ok("13").source, SourceKind::BareMask);
        assert_eq!(ok("13").sets[0].caps, CapSet(0x13));
        let e = err("net_raw,net_rwa");
        assert_eq!(
            e,
            InputError {
                kind: InputErrorKind::BadName {
                    item: "net_rwa".into(),
                    error: NameErrorKind::UnknownName
                },
                line: 1,
                column: 9
            }
        );
        let e = err("chown\n  kill, sys_adm");
        assert_eq!((e.line, e.column), (2, 9));
    }

    #[test]
    fn grep_over_several_files() {
        let r = ok(
            "/proc/1/status:CapEff:\t00000000a80425fb\n/proc/1/status:CapBnd:\t00000000a80425fb",
        );
        assert_eq!(r.source, SourceKind::CapLines);
        assert_eq!(r.get(SetKind::Effective), Some(DOCKER));
        let e = err("/proc/1/status:CapEff:\t1\n/proc/7/status:CapEff:\t0");
        assert_eq!(
            e.kind,
            InputErrorKind::Conflict {
                kind: SetKind::Effective,
                first_line: 1
            }
        );
        let e = err("/proc/1/status:CapEff:\tzz");
        assert_eq!((e.line, e.column), (1, 24));
    }

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
    fn mask_count_is_bounded() {
        assert_eq!(ok(&"1\n".repeat(MAX_MASKS)).sets.len(), MAX_MASKS);
        let e = err(&"1\n".repeat(100_000));
        assert_eq!(
            e,
            InputError {
                kind: InputErrorKind::TooManyMasks { limit: MAX_MASKS },
                line: 65,
                column: 1
            }
        );
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

//! The libcap text form of capability sets: what `setcap` accepts
//! (`cap_from_text`), what `getcap` prints (`cap_to_text`), and pasted
//! `getcap` output lines.
//!
//! Behaviour follows libcap 2.66 `libcap/cap_text.c` and `libcap/cap_file.c`
//! (semantics.md §2) and is checked against the real `setcap`/`getcap` by
//! `tests/setcap_diff.rs`. The parser accepts exactly the texts libcap
//! accepts; where libcap only says EINVAL, we say what and where.

use crate::catalog;
use crate::exec::FileCaps;
use crate::set::CapSet;

/// How many capabilities the running kernel has (`cap_max_bits()`,
/// `/proc/sys/kernel/cap_last_cap` + 1). It decides what `all` means and
/// which bits `cap_to_text` treats as "named". 41 = this catalog and the
/// kernels since 5.9.
pub const DEFAULT_KERNEL_CAPS: u8 = catalog::LAST_CAP + 1;

/// Longest piece of user text an error message repeats back (a pasted
/// megabyte must not come back as a megabyte-long message).
const MAX_ECHO: usize = 48;

/// A getcap line is a path (at most 4096 bytes on Linux) and a canonical
/// text (under 2 KiB); anything far longer is not getcap output, and
/// refusing it keeps the split search below cheap.
pub const MAX_GETCAP_LINE: usize = 16 * 1024;

/// `setcap` gets its text as one argument, and Linux caps an argument at
/// 128 KiB (`MAX_ARG_STRLEN`); longer text cannot be a real setcap call.
pub const MAX_TEXT: usize = 128 * 1024;

/// `getcap -r /` on a whole system prints a few hundred lines; a paste of
/// more than this is not getcap output.
pub const MAX_GETCAP_OUTPUT: usize = 1024 * 1024;

/// Upper bound on the words of a canonical text (a background, up to seven
/// state groups, up to seven groups of bits beyond the kernel's).
const MAX_TEXT_WORDS: usize = 16;

/// The three sets libcap's `cap_t` holds for a file or a process.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Hash)]
pub struct TextCaps {
    pub effective: CapSet,
    pub inheritable: CapSet,
    pub permitted: CapSet,
}

/// One of libcap's three flags, in the order `cap_to_text` prints them.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Flag {
    Effective,
    Inheritable,
    Permitted,
}

impl Flag {
    pub const ALL: [Flag; 3] = [Flag::Effective, Flag::Inheritable, Flag::Permitted];

    /// libcap's state bit for this flag (`LIBCAP_EFF`, `LIBCAP_PER`, `LIBCAP_INH`).
    const fn state_bit(self) -> u8 {
        match self {
            Flag::Effective => 1,
            Flag::Permitted => 2,
            Flag::Inheritable => 4,
        }
    }

    pub const fn letter(self) -> char {
        match self {
            Flag::Effective => 'e',
            Flag::Inheritable => 'i',
            Flag::Permitted => 'p',
        }
    }
}

/// Which `cap_to_text` output to imitate.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Hash)]
pub enum Style {
    /// libcap ≥ 2.41 (2020): `cap_net_raw=ep`.
    #[default]
    Compact,
    /// libcap < 2.41: always starts with the background, `= cap_net_raw+ep`.
    Pre241,
}

/// Options for printing.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct Format {
    /// Capabilities of the kernel `getcap` runs on (see [`DEFAULT_KERNEL_CAPS`]).
    pub kernel_caps: u8,
    pub style: Style,
}

impl Default for Format {
    fn default() -> Self {
        Format {
            kernel_caps: DEFAULT_KERNEL_CAPS,
            style: Style::Compact,
        }
    }
}

/// Why a text was refused. Offsets are bytes into the text given to the
/// parser; `line` and `column` (1-based, columns in characters) are what
/// messages show.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TextError {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
    pub kind: TextErrorKind,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum TextErrorKind {
    /// A word in a capability list is not a libcap name. `bare_match` is
    /// set when the word names a capability without the `cap_` prefix that
    /// libcap requires (`net_raw`), or in another spelling we can suggest.
    UnknownName {
        name: String,
        bare_match: Option<u8>,
    },
    /// A number at or above 64 (libcap's limit for numbered capabilities).
    NumberTooLarge { number: String },
    /// A comma not followed by another name (`cap_a,,cap_b`, `cap_a, cap_b`,
    /// a trailing comma).
    EmptyListItem { found: Option<char> },
    /// `+` or `-` with no capability list before it (`+ep`).
    PlusMinusNeedsList { op: char },
    /// After the capability list there must be `=`, `+` or `-`.
    MissingOperator { found: Option<char> },
    /// `+`, `-`, `=+` or `=-` must be followed by at least one flag.
    MissingFlags {
        op: &'static str,
        found: Option<char>,
    },
    /// Flags are `e`, `i` and `p`, lower case only.
    BadFlag { found: char },
    /// A second `=` in one clause (`cap_chown+p=e`).
    SecondEquals,
    /// The text contains a NUL byte (libcap would silently stop there).
    NulByte,
    /// A `getcap` line longer than [`MAX_GETCAP_LINE`] bytes.
    LineTooLong { limit: usize },
    /// Text longer than [`MAX_TEXT`] (or getcap output longer than
    /// [`MAX_GETCAP_OUTPUT`]) bytes.
    InputTooLong { bytes: usize, limit: usize },
}

/// Why a parsed set cannot be written as file capabilities.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FileCapsError {
    /// A file has a single effective *bit*: when any capability is `e`, every
    /// permitted or inheritable one must be `e` too. `setcap` refuses
    /// otherwise (EINVAL from `cap_set_file`, plus a NOTE on stderr).
    PartialEffective { missing: CapSet },
}

/// One line of `getcap` output.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct GetcapEntry {
    pub path: String,
    /// `None`: `getcap -v` listing a file without capabilities.
    pub caps: Option<TextCaps>,
    /// `getcap -n` on a namespaced (v3) capability: ` [rootid=N]`.
    pub rootid: Option<u32>,
}

/// Something a user pasted where file capabilities are expected.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Pasted {
    /// Bare `setcap` text such as `cap_net_raw+ep`.
    Text(TextCaps),
    /// A `getcap` line such as `/usr/bin/ping cap_net_raw=ep`.
    Getcap(GetcapEntry),
}

impl Pasted {
    pub fn caps(&self) -> Option<TextCaps> {
        match self {
            Pasted::Text(c) => Some(*c),
            Pasted::Getcap(e) => e.caps,
        }
    }
}

impl TextCaps {
    pub const EMPTY: TextCaps = TextCaps {
        effective: CapSet::EMPTY,
        inheritable: CapSet::EMPTY,
        permitted: CapSet::EMPTY,
    };

    pub fn get(&self, flag: Flag) -> CapSet {
        match flag {
            Flag::Effective => self.effective,
            Flag::Inheritable => self.inheritable,
            Flag::Permitted => self.permitted,
        }
    }

    fn get_mut(&mut self, flag: Flag) -> &mut CapSet {
        match flag {
            Flag::Effective => &mut self.effective,
            Flag::Inheritable => &mut self.inheritable,
            Flag::Permitted => &mut self.permitted,
        }
    }

    /// libcap's per-capability state: E=1, P=2, I=4.
    fn state(&self, cap: u8) -> u8 {
        Flag::ALL
            .iter()
            .filter(|f| self.get(**f).contains(cap))
            .fold(0, |s, f| s | f.state_bit())
    }

    /// What `getcap` reads back from an xattr: the effective bit means
    /// "effective = permitted ∪ inheritable" (`cap_file.c :: _fcaps_load`).
    pub fn from_file_caps(fc: &FileCaps) -> TextCaps {
        TextCaps {
            effective: if fc.effective {
                fc.permitted | fc.inheritable
            } else {
                CapSet::EMPTY
            },
            inheritable: fc.inheritable,
            permitted: fc.permitted,
        }
    }

    /// What `setcap` writes (`cap_file.c :: _fcaps_save`): the effective bit
    /// is raised when any capability is `e`, and then every permitted or
    /// inheritable capability must be `e` as well. Effective capabilities
    /// outside permitted ∪ inheritable are accepted but not stored; see
    /// [`TextCaps::ignored_effective`].
    pub fn to_file_caps(&self) -> Result<FileCaps, FileCapsError> {
        let granted = self.permitted | self.inheritable;
        if !self.effective.is_empty() {
            let missing = granted.minus(self.effective);
            if !missing.is_empty() {
                return Err(FileCapsError::PartialEffective { missing });
            }
        }
        Ok(FileCaps {
            permitted: self.permitted,
            inheritable: self.inheritable,
            effective: !self.effective.is_empty(),
        })
    }

    /// Effective capabilities that are neither permitted nor inheritable:
    /// `setcap` accepts them but a file cannot hold them (`cap_chown=e`
    /// writes an xattr that grants nothing; `getcap` then shows `=`).
    pub fn ignored_effective(&self) -> CapSet {
        self.effective.minus(self.permitted | self.inheritable)
    }
}

// ---------------------------------------------------------------- parsing

/// Parse `setcap` / `cap_from_text` text for a kernel with
/// [`DEFAULT_KERNEL_CAPS`] capabilities.
pub fn parse(text: &str) -> Result<TextCaps, TextError> {
    parse_for_kernel(text, DEFAULT_KERNEL_CAPS)
}

/// Parse `setcap` text; `kernel_caps` decides what `all` and a bare `=` cover.
pub fn parse_for_kernel(text: &str, kernel_caps: u8) -> Result<TextCaps, TextError> {
    parse_raw(text, kernel_caps).map_err(|(offset, kind)| locate(text, offset, kind))
}

/// The C `isspace` of the "C" locale, which is what `setcap` runs with.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn starts_item(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Assign,
    AssignRaise,
    AssignLower,
    Raise,
    Lower,
}

type RawError = (usize, TextErrorKind);

/// The character starting at byte `i`, if any. `i` is always a char
/// boundary: the parser only steps over ASCII bytes.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn echo(s: &str) -> String {
    match s.char_indices().nth(MAX_ECHO) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

impl Op {
    /// As written, for "missing flags after `+`".
    fn text(self) -> &'static str {
        match self {
            Op::Raise => "+",
            Op::Lower => "-",
            Op::AssignRaise => "=+",
            Op::AssignLower => "=-",
            Op::Assign => "=",
        }
    }
}

fn parse_raw(text: &str, kernel_caps: u8) -> Result<TextCaps, RawError> {
    if text.len() > MAX_TEXT {
        return Err((
            0,
            TextErrorKind::InputTooLong {
                bytes: text.len(),
                limit: MAX_TEXT,
            },
        ));
    }
    if let Some(nul) = text.find('\0') {
        return Err((nul, TextErrorKind::NulByte));
    }
    let b = text.as_bytes();
    let n = b.len();
    let all = CapSet::first_n(kernel_caps.min(64));
    let mut res = TextCaps::EMPTY;
    let mut i = 0;
    loop {
        while i < n && is_space(b[i]) {
            i += 1;
        }
        if i == n {
            return Ok(res);
        }
        parse_clause(text, &mut i, all, &mut res)?;
    }
}

/// One clause at `*i`: a capability list, an operator and flags, then any
/// chained `+flags` / `-flags`; applied to `res`.
fn parse_clause(
    text: &str,
    i: &mut usize,
    all: CapSet,
    res: &mut TextCaps,
) -> Result<(), RawError> {
    let (list, listed) = parse_list(text, i, all)?;
    let mut op = parse_first_op(text, i, listed)?;
    let mut flags: Vec<Flag> = Vec::with_capacity(3);
    loop {
        parse_flags(text, i, op, &mut flags)?;
        apply(res, op, &flags, list);
        match parse_chained_op(text, i, listed)? {
            Some(next) => {
                flags.clear();
                op = next;
            }
            None => return Ok(()),
        }
    }
}

/// The capability list (optional before `=`, meaning "all"), and whether
/// one was written.
fn parse_list(text: &str, i: &mut usize, all: CapSet) -> Result<(CapSet, bool), RawError> {
    let b = text.as_bytes();
    let n = b.len();
    if b[*i] == b'+' || b[*i] == b'-' {
        return Err((*i, TextErrorKind::PlusMinusNeedsList { op: b[*i] as char }));
    }
    if !starts_item(b[*i]) {
        return Ok((all, false));
    }
    let mut list = CapSet::EMPTY;
    loop {
        list = list | parse_item(text, i, all)?;
        if *i < n && b[*i] == b',' {
            *i += 1;
            if !(*i < n && starts_item(b[*i])) {
                return Err((
                    *i,
                    TextErrorKind::EmptyListItem {
                        found: char_at(text, *i),
                    },
                ));
            }
        } else {
            return Ok((list, true));
        }
    }
}

/// The operator after the list: `=`, `=+`, `=-`, `+` or `-`.
fn parse_first_op(text: &str, i: &mut usize, listed: bool) -> Result<Op, RawError> {
    let b = text.as_bytes();
    match b.get(*i) {
        Some(b'=') => {
            *i += 1;
            match b.get(*i) {
                Some(&c @ (b'+' | b'-')) => {
                    if !listed {
                        return Err((*i, TextErrorKind::PlusMinusNeedsList { op: c as char }));
                    }
                    *i += 1;
                    Ok(if c == b'+' {
                        Op::AssignRaise
                    } else {
                        Op::AssignLower
                    })
                }
                _ => Ok(Op::Assign),
            }
        }
        Some(b'+') => {
            *i += 1;
            Ok(Op::Raise)
        }
        Some(b'-') => {
            *i += 1;
            Ok(Op::Lower)
        }
        _ => Err((
            *i,
            TextErrorKind::MissingOperator {
                found: char_at(text, *i),
            },
        )),
    }
}

/// The flag letters after `op`, added to `flags`, up to a blank, the end,
/// or a chained `+`/`-`. Only `=` may have none.
fn parse_flags(text: &str, i: &mut usize, op: Op, flags: &mut Vec<Flag>) -> Result<(), RawError> {
    let b = text.as_bytes();
    let n = b.len();
    loop {
        if *i < n && !is_space(b[*i]) {
            let flag = match b[*i] {
                b'e' => Flag::Effective,
                b'i' => Flag::Inheritable,
                b'p' => Flag::Permitted,
                b'=' => return Err((*i, TextErrorKind::SecondEquals)),
                _ => {
                    let found = char_at(text, *i).unwrap_or('?');
                    return Err((*i, TextErrorKind::BadFlag { found }));
                }
            };
            if !flags.contains(&flag) {
                flags.push(flag);
            }
            *i += 1;
        } else if op != Op::Assign {
            return Err((
                *i,
                TextErrorKind::MissingFlags {
                    op: op.text(),
                    found: char_at(text, *i),
                },
            ));
        }
        if *i >= n || is_space(b[*i]) || b[*i] == b'+' || b[*i] == b'-' {
            return Ok(());
        }
    }
}

/// A chained `+` or `-` after flags (`cap_x=e+p`), which needs flags
/// after it and a list before; `None` at the end of the clause.
fn parse_chained_op(text: &str, i: &mut usize, listed: bool) -> Result<Option<Op>, RawError> {
    let b = text.as_bytes();
    let n = b.len();
    if !(*i < n && (b[*i] == b'+' || b[*i] == b'-')) {
        return Ok(None);
    }
    let c = b[*i];
    if !listed {
        return Err((*i, TextErrorKind::PlusMinusNeedsList { op: c as char }));
    }
    let op = if c == b'+' { Op::Raise } else { Op::Lower };
    *i += 1;
    if !(*i < n && b[*i].is_ascii_alphabetic()) {
        return Err((
            *i,
            TextErrorKind::MissingFlags {
                op: op.text(),
                found: char_at(text, *i),
            },
        ));
    }
    Ok(Some(op))
}

fn apply(res: &mut TextCaps, op: Op, flags: &[Flag], list: CapSet) {
    if matches!(op, Op::Assign | Op::AssignRaise | Op::AssignLower) {
        for f in Flag::ALL {
            *res.get_mut(f) = res.get(f).minus(list);
        }
    }
    for &f in flags {
        let set = res.get_mut(f);
        *set = match op {
            Op::Assign | Op::AssignRaise | Op::Raise => set.union(list),
            Op::AssignLower | Op::Lower => set.minus(list),
        };
    }
}

/// One list item at `*i`: `all`, a libcap name (any case) or a number read
/// like C's `strtoul(s, &end, 0)`.
fn parse_item(text: &str, i: &mut usize, all: CapSet) -> Result<CapSet, RawError> {
    let b = text.as_bytes();
    let start = *i;
    if b[start].is_ascii_digit() {
        let (value, end) = strtoul0(b, start);
        if value >= 64 {
            return Err((
                start,
                TextErrorKind::NumberTooLarge {
                    number: echo(&text[start..end]),
                },
            ));
        }
        *i = end;
        return Ok(CapSet::single(value as u8));
    }
    // libcap reads letters and `_` and then insists the next character is
    // not a letter, digit or `_`; taking the whole word accepts the same texts.
    let end = start + b[start..].iter().take_while(|&&c| starts_item(c)).count();
    let word = &text[start..end];
    if word.eq_ignore_ascii_case("all") {
        *i = end;
        return Ok(all);
    }
    let found = catalog::CAPABILITIES
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(word));
    match found {
        Some(c) => {
            *i = end;
            Ok(CapSet::single(c.number))
        }
        None => {
            let bare_match = catalog::by_any_spelling(word).map(|c| c.number);
            Err((
                start,
                TextErrorKind::UnknownName {
                    name: echo(word),
                    bare_match,
                },
            ))
        }
    }
}

/// C `strtoul(s, &end, 0)` from `start` (which holds a digit): `0x`+hex,
/// `0`+octal, else decimal. Saturates instead of wrapping; callers only
/// care whether the value is below 64.
fn strtoul0(b: &[u8], start: usize) -> (u64, usize) {
    let (radix, mut i) = if b[start] == b'0'
        && matches!(b.get(start + 1), Some(b'x' | b'X'))
        && b.get(start + 2).is_some_and(|c| c.is_ascii_hexdigit())
    {
        (16, start + 2)
    } else if b[start] == b'0' {
        (8, start)
    } else {
        (10, start)
    };
    let mut value: u64 = 0;
    while let Some(d) = b.get(i).and_then(|&c| (c as char).to_digit(radix)) {
        value = value.saturating_mul(radix as u64).saturating_add(d as u64);
        i += 1;
    }
    (value, i)
}

/// Turn a byte offset into 1-based line and character column.
fn locate(text: &str, offset: usize, kind: TextErrorKind) -> TextError {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| p + 1);
    // `offset` is a char boundary (see `char_at`), so this slice is valid.
    let column = text
        .get(line_start..offset)
        .map_or(offset - line_start, |s| s.chars().count())
        + 1;
    TextError {
        offset,
        line,
        column,
        kind,
    }
}

// ---------------------------------------------------------------- printing

/// `cap_to_text` as libcap 2.66 prints it (what `getcap` shows), for a
/// kernel with [`DEFAULT_KERNEL_CAPS`] capabilities.
pub fn to_text(caps: &TextCaps) -> String {
    to_text_with(caps, Format::default())
}

fn flag_letters(state: u8) -> String {
    Flag::ALL
        .iter()
        .filter(|f| state & f.state_bit() != 0)
        .map(|f| f.letter())
        .collect()
}

/// libcap's `cap_to_name`: its own name, or the decimal number for bits
/// libcap does not know.
fn cap_name(cap: u8) -> String {
    catalog::get(cap).map_or_else(|| cap.to_string(), |c| c.libcap_name())
}

fn names(caps: &TextCaps, range: std::ops::Range<u8>, state: u8) -> String {
    range
        .filter(|&n| caps.state(n) == state)
        .map(cap_name)
        .collect::<Vec<_>>()
        .join(",")
}

/// `cap_to_text` (libcap `cap_text.c`): pick the most common state among
/// the kernel's capabilities as the background (`=`, `=ep`, ...), then list
/// the others grouped by state from `eip` down to none, each with the flags
/// to add (`+`) and remove (`-`) relative to the background. Bits the
/// kernel doesn't have are appended as `+` groups.
pub fn to_text_with(caps: &TextCaps, format: Format) -> String {
    let cmb = format.kernel_caps.min(64);
    let mut histo = [0u32; 8];
    for n in 0..cmb {
        histo[caps.state(n) as usize] += 1;
    }
    // Most common state; ties go to the lower state (so "nothing" wins).
    let mut m = 7usize;
    for t in (0..7).rev() {
        if histo[t] >= histo[m] {
            m = t;
        }
    }
    let m_state = m as u8;
    let mut out = format!("={}", flag_letters(m_state));
    let mut compact_pending = format.style == Style::Compact && m_state == 0;
    for t in (0..8u8).rev() {
        if t == m_state || histo[t as usize] == 0 {
            continue;
        }
        let group = names(caps, 0..cmb, t);
        let raise = t & !m_state;
        let lower = !t & m_state & 7;
        if raise != 0 && compact_pending {
            // libcap ≥ 2.41 writes `= a,b+ep ...` as `a,b=ep ...`.
            out = format!("{group}={}", flag_letters(raise));
            compact_pending = false;
        } else {
            out.push(' ');
            out.push_str(&group);
            if raise != 0 {
                out.push('+');
                out.push_str(&flag_letters(raise));
            }
        }
        if lower != 0 {
            out.push('-');
            out.push_str(&flag_letters(lower));
        }
    }
    for t in (1..8u8).rev() {
        let group = names(caps, cmb..64, t);
        if !group.is_empty() {
            out.push(' ');
            out.push_str(&group);
            out.push('+');
            out.push_str(&flag_letters(t));
        }
    }
    out
}

/// Which printer produced `text` exactly, if either did (for saying "this
/// is the pre-2.41 form" next to a pasted line).
pub fn canonical_style(text: &str, kernel_caps: u8) -> Option<Style> {
    let caps = parse_for_kernel(text, kernel_caps).ok()?;
    [Style::Compact, Style::Pre241]
        .into_iter()
        .find(|&style| to_text_with(&caps, Format { kernel_caps, style }) == text.trim())
}

// ---------------------------------------------------------------- getcap output

/// Byte ranges of the whitespace-separated tokens of `line`.
fn tokens(line: &str) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        let start = i;
        while i < b.len() && !is_space(b[i]) {
            i += 1;
        }
        if i > start {
            out.push((start, i));
        }
    }
    out
}

/// ` [rootid=N]` as `getcap -n` prints it (`%d`, so large ids show negative).
fn parse_rootid(token: &str) -> Option<u32> {
    let inner = token.strip_prefix("[rootid=")?.strip_suffix(']')?;
    let v: i64 = inner.parse().ok()?;
    if (i32::MIN as i64..=u32::MAX as i64).contains(&v) {
        Some(v as u32)
    } else {
        None
    }
}

/// One `getcap` line in the current (`/usr/bin/ping cap_net_raw=ep`) or the
/// pre-2.41 form (`/bin/ping = cap_net_admin,cap_net_raw+p`), with an
/// optional `-n` suffix ` [rootid=N]`. A path alone (`getcap -v` on a file
/// without capabilities) gives `caps: None`. Paths may contain spaces: the
/// capability text is the longest tail of whole words that parses.
pub fn parse_getcap_line(line: &str) -> Result<GetcapEntry, TextError> {
    parse_getcap_line_for_kernel(line, DEFAULT_KERNEL_CAPS)
}

pub fn parse_getcap_line_for_kernel(line: &str, kernel_caps: u8) -> Result<GetcapEntry, TextError> {
    parse_getcap_raw(line, kernel_caps).map_err(|(offset, kind)| locate(line, offset, kind))
}

fn parse_getcap_raw(line: &str, kernel_caps: u8) -> Result<GetcapEntry, RawError> {
    if line.len() > MAX_GETCAP_LINE {
        return Err((
            MAX_GETCAP_LINE,
            TextErrorKind::LineTooLong {
                limit: MAX_GETCAP_LINE,
            },
        ));
    }
    if let Some(nul) = line.find('\0') {
        return Err((nul, TextErrorKind::NulByte));
    }
    let mut toks = tokens(line);
    let mut rootid = None;
    if toks.len() >= 2 {
        let (s, e) = toks[toks.len() - 1];
        if let Some(id) = parse_rootid(&line[s..e]) {
            rootid = Some(id);
            toks.pop();
        }
    }
    let Some(&path) = toks.first() else {
        return Err((0, TextErrorKind::MissingOperator { found: None }));
    };
    if toks.len() == 1 {
        return parse_getcap_word(line, path, rootid, kernel_caps);
    }
    let text_end = toks[toks.len() - 1].1;
    if line[toks[1].0..text_end].trim() == "(Not a regular file)" {
        return Ok(GetcapEntry {
            path: line[path.0..path.1].to_string(),
            caps: None,
            rootid,
        });
    }
    split_path_and_text(line, &toks, rootid, kernel_caps)
}

/// A line of one word (at `start..end`): `getcap -v`'s "path" alone — but
/// a lone word that isn't a path is more likely mistyped text.
fn parse_getcap_word(
    line: &str,
    (start, end): (usize, usize),
    rootid: Option<u32>,
    kernel_caps: u8,
) -> Result<GetcapEntry, RawError> {
    let word = &line[start..end];
    if word.contains('/') && rootid.is_none() {
        return Ok(GetcapEntry {
            path: word.to_string(),
            caps: None,
            rootid: None,
        });
    }
    parse_raw(word, kernel_caps)
        .map(|caps| GetcapEntry {
            path: String::new(),
            caps: Some(caps),
            rootid,
        })
        .map_err(|(o, k)| (o + start, k))
}

/// Where the path (whose words may contain spaces) ends and the capability
/// text begins, given the line's tokens (at least two, `[rootid=N]` removed).
fn split_path_and_text(
    line: &str,
    toks: &[(usize, usize)],
    rootid: Option<u32>,
    kernel_caps: u8,
) -> Result<GetcapEntry, RawError> {
    let path_start = toks[0].0;
    let text_end = toks[toks.len() - 1].1;
    // getcap prints canonical text, so the split whose tail is exactly a
    // canonical form wins; failing that, the earliest tail that parses (a
    // pasted line may have been retyped). Canonical text has at most ~16
    // words, so only the last few splits are candidates.
    let first_candidate = toks.len().saturating_sub(MAX_TEXT_WORDS).max(1);
    let mut parsed_tail = None;
    let mut first_error = None;
    for k in first_candidate..toks.len() {
        let tail = &line[toks[k].0..text_end];
        match parse_raw(tail, kernel_caps) {
            Ok(caps) => {
                let path = line[path_start..toks[k - 1].1].to_string();
                let entry = GetcapEntry {
                    path,
                    caps: Some(caps),
                    rootid,
                };
                let canonical = [Style::Compact, Style::Pre241]
                    .iter()
                    .any(|&style| to_text_with(&caps, Format { kernel_caps, style }) == tail);
                if canonical {
                    return Ok(entry);
                }
                parsed_tail.get_or_insert(entry);
            }
            Err((o, kind)) => {
                first_error.get_or_insert((o + toks[k].0, kind));
            }
        }
    }
    match (parsed_tail, first_error) {
        (Some(entry), _) => Ok(entry),
        (None, Some(e)) => Err(e),
        (None, None) => Err((text_end, TextErrorKind::MissingOperator { found: None })),
    }
}

/// Several lines of `getcap` (e.g. `getcap -r /usr`), blank lines skipped.
/// Each entry carries its 1-based line number; errors carry line and column
/// within the whole input.
pub fn parse_getcap_output(text: &str) -> Vec<(usize, Result<GetcapEntry, TextError>)> {
    if text.len() > MAX_GETCAP_OUTPUT {
        let kind = TextErrorKind::InputTooLong {
            bytes: text.len(),
            limit: MAX_GETCAP_OUTPUT,
        };
        return vec![(
            1,
            Err(TextError {
                offset: 0,
                line: 1,
                column: 1,
                kind,
            }),
        )];
    }
    let mut out = Vec::new();
    let mut offset = 0;
    for (index, raw_line) in text.split('\n').enumerate() {
        let line_offset = offset;
        offset += raw_line.len() + 1;
        let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        if line.trim().is_empty() {
            continue;
        }
        // Locate within the line, not the whole text: thousands of bad
        // lines must not each rescan everything before them.
        let result = parse_getcap_raw(line, DEFAULT_KERNEL_CAPS).map_err(|(o, kind)| {
            let e = locate(line, o, kind);
            TextError {
                offset: line_offset + e.offset,
                line: index + 1,
                ..e
            }
        });
        out.push((index + 1, result));
    }
    out
}

/// A pasted file-capability description: bare `setcap` text, or a `getcap`
/// line. Bare text is tried first, since `=ep` and friends are also valid
/// tails of a getcap line.
pub fn parse_pasted(input: &str) -> Result<Pasted, TextError> {
    if input.len() > MAX_TEXT {
        let kind = TextErrorKind::InputTooLong {
            bytes: input.len(),
            limit: MAX_TEXT,
        };
        return Err(TextError {
            offset: 0,
            line: 1,
            column: 1,
            kind,
        });
    }
    match parse_raw(input, DEFAULT_KERNEL_CAPS) {
        Ok(caps) => Ok(Pasted::Text(caps)),
        Err(text_err) => {
            let lead = input.len() - input.trim_start().len();
            let looks_like_path_first = tokens(input).len() >= 2 && text_err.0 == lead;
            if looks_like_path_first || input.trim_start().starts_with('/') {
                match parse_getcap_raw(input, DEFAULT_KERNEL_CAPS) {
                    Ok(entry) => Ok(Pasted::Getcap(entry)),
                    Err((o, k)) => Err(locate(input, o, k)),
                }
            } else {
                Err(locate(input, text_err.0, text_err.1))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(e: &[u8], i: &[u8], p: &[u8]) -> TextCaps {
        TextCaps {
            effective: CapSet::from_caps(e.iter().copied()),
            inheritable: CapSet::from_caps(i.iter().copied()),
            permitted: CapSet::from_caps(p.iter().copied()),
        }
    }

    fn canon(text: &str) -> String {
        to_text(&parse(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}")))
    }

    fn err(text: &str) -> TextError {
        parse(text).expect_err(text)
    }

    const ALL41: CapSet = CapSet::first_n(41);

    #[test]
    fn semantics_2_2_examples() {
        assert_eq!(canon("cap_net_raw+ep"), "cap_net_raw=ep");
        assert_eq!(canon("=ep"), "=ep");
        assert_eq!(canon("ALL=ep"), "=ep");
        assert_eq!(canon("all+ep"), "=ep");
        assert_eq!(canon("all=eip cap_setpcap-e"), "=eip cap_setpcap-e");
        assert_eq!(
            canon("cap_net_admin,cap_net_raw+p"),
            "cap_net_admin,cap_net_raw=p"
        );
        assert_eq!(
            canon("cap_chown,cap_kill=eip cap_kill-i"),
            "cap_chown=eip cap_kill+ep"
        );
        assert_eq!(canon("=p cap_chown+e"), "=p cap_chown+e");
        assert_eq!(canon(""), "=");
        assert_eq!(canon("="), "=");
        assert_eq!(canon("cap_chown="), "=");
        assert_eq!(canon("63=p"), "= 63+p");
    }

    #[test]
    fn pre_241_style() {
        let f = Format {
            style: Style::Pre241,
            ..Format::default()
        };
        let t = |s: &str| to_text_with(&parse(s).unwrap(), f);
        assert_eq!(
            t("cap_net_admin,cap_net_raw+p"),
            "= cap_net_admin,cap_net_raw+p"
        );
        assert_eq!(t("cap_net_raw+ep"), "= cap_net_raw+ep");
        assert_eq!(t("=ep"), "=ep");
        assert_eq!(
            t("cap_chown,cap_kill=eip cap_kill-i"),
            "= cap_chown+eip cap_kill+ep"
        );
        assert_eq!(t(""), "=");
    }

    #[test]
    fn parse_basic_forms() {
        assert_eq!(parse("cap_net_raw+ep").unwrap(), caps(&[13], &[], &[13]));
        assert_eq!(parse("CAP_NET_RAW+ep").unwrap(), caps(&[13], &[], &[13]));
        assert_eq!(parse("Cap_Net_Raw=p").unwrap(), caps(&[], &[], &[13]));
        assert_eq!(
            parse("cap_chown,cap_kill=i").unwrap(),
            caps(&[], &[0, 5], &[])
        );
        let all = parse("=ep").unwrap();
        assert_eq!(all.effective, ALL41);
        assert_eq!(all.permitted, ALL41);
        assert!(all.inheritable.is_empty());
        assert_eq!(
            parse("all=eip cap_setpcap-e").unwrap().effective,
            ALL41.without(8)
        );
        // `=` lowers first, then raises; flags may repeat.
        assert_eq!(
            parse("cap_chown=eip cap_chown=p").unwrap(),
            caps(&[], &[], &[0])
        );
        assert_eq!(parse("cap_chown=ee").unwrap(), caps(&[0], &[], &[]));
        // E ⊆ P is not the parser's business.
        assert_eq!(parse("cap_chown=e").unwrap(), caps(&[0], &[], &[]));
    }

    #[test]
    fn numbers_follow_strtoul_base_0() {
        for t in [
            "13=p",
            "0xd=p",
            "0x0D=p",
            "0X0d=p",
            "015=p",
            "00000000000000000000013=p",
        ] {
            let expect = if t.starts_with("000") { 11 } else { 13 };
            assert_eq!(parse(t).unwrap().permitted, CapSet::single(expect), "{t}");
        }
        assert_eq!(parse("63=p").unwrap().permitted, CapSet::single(63));
        assert_eq!(parse("0=p").unwrap().permitted, CapSet::single(0));
        assert!(matches!(
            err("64=p").kind,
            TextErrorKind::NumberTooLarge { .. }
        ));
        assert!(matches!(
            err("18446744073709551629=p").kind,
            TextErrorKind::NumberTooLarge { .. }
        ));
        // `0x` without a hex digit is the number 0 followed by `x`.
        assert_eq!(
            err("0xg=p").kind,
            TextErrorKind::MissingOperator { found: Some('x') }
        );
        assert_eq!(err("0x=p").column, 2);
        // `08`: octal 0, then `8` where an operator belongs.
        assert_eq!(
            err("08=p").kind,
            TextErrorKind::MissingOperator { found: Some('8') }
        );
        assert_eq!(
            err("1_=p").kind,
            TextErrorKind::MissingOperator { found: Some('_') }
        );
    }

    #[test]
    fn chaining_and_assign_variants() {
        assert_eq!(parse("cap_chown+p-i").unwrap(), caps(&[], &[], &[0]));
        assert_eq!(parse("cap_chown=+ep").unwrap(), caps(&[0], &[], &[0]));
        assert_eq!(
            parse("cap_chown=eip cap_chown=-e").unwrap(),
            TextCaps::EMPTY
        );
        assert_eq!(parse("cap_chown=p-e+e").unwrap(), caps(&[0], &[], &[0]));
        assert_eq!(parse("cap_chown-p+e").unwrap(), caps(&[0], &[], &[]));
        assert_eq!(parse("all,all=p").unwrap().permitted, ALL41);
        assert_eq!(
            parse(" cap_chown=p\t\ncap_kill=p ").unwrap(),
            caps(&[], &[], &[0, 5])
        );
    }

    #[test]
    fn all_follows_the_kernel_count() {
        assert_eq!(
            parse_for_kernel("=p", 38).unwrap().permitted,
            CapSet::first_n(38)
        );
        assert_eq!(
            parse_for_kernel("all=p", 64).unwrap().permitted,
            CapSet::ALL_BITS
        );
        // A name the kernel lacks is still accepted (gperf lookup).
        assert_eq!(
            parse_for_kernel("cap_bpf=p", 38).unwrap().permitted,
            CapSet::single(39)
        );
    }

    #[test]
    fn rejections_say_what_and_where() {
        let e = err("+ep");
        assert_eq!(
            (e.column, e.kind),
            (1, TextErrorKind::PlusMinusNeedsList { op: '+' })
        );
        let e = err("net_raw+ep");
        assert_eq!(
            e.kind,
            TextErrorKind::UnknownName {
                name: "net_raw".into(),
                bare_match: Some(13)
            }
        );
        let e = err("cap_chown,cap_bogus=p");
        assert_eq!(
            (e.column, e.kind),
            (
                11,
                TextErrorKind::UnknownName {
                    name: "cap_bogus".into(),
                    bare_match: None
                }
            )
        );
        let e = err("cap_chown , cap_kill=p");
        assert_eq!(
            (e.column, e.kind),
            (10, TextErrorKind::MissingOperator { found: Some(' ') })
        );
        let e = err("cap_chown, cap_kill=p");
        assert_eq!(
            (e.column, e.kind),
            (11, TextErrorKind::EmptyListItem { found: Some(' ') })
        );
        assert_eq!(
            err("cap_chown,,cap_kill=p").kind,
            TextErrorKind::EmptyListItem { found: Some(',') }
        );
        assert_eq!(
            err(",cap_chown=p").kind,
            TextErrorKind::MissingOperator { found: Some(',') }
        );
        assert_eq!(
            err("cap_chown,=p").kind,
            TextErrorKind::EmptyListItem { found: Some('=') }
        );
    }

    #[test]
    fn operator_and_flag_rejections() {
        let e = err("cap_chown+EP");
        assert_eq!(
            (e.column, e.kind),
            (11, TextErrorKind::BadFlag { found: 'E' })
        );
        assert_eq!(err("cap_chown+p=e").kind, TextErrorKind::SecondEquals);
        assert_eq!(err("cap_chown=ep=i").kind, TextErrorKind::SecondEquals);
        assert_eq!(
            err("cap_chown").kind,
            TextErrorKind::MissingOperator { found: None }
        );
        assert_eq!(
            err("cap_chown+").kind,
            TextErrorKind::MissingFlags {
                op: "+",
                found: None
            }
        );
        assert_eq!(
            err("cap_chown+ cap_kill=p").kind,
            TextErrorKind::MissingFlags {
                op: "+",
                found: Some(' ')
            }
        );
        assert_eq!(
            err("cap_chown=+").kind,
            TextErrorKind::MissingFlags {
                op: "=+",
                found: None
            }
        );
        assert_eq!(
            err("cap_chown=-").kind,
            TextErrorKind::MissingFlags {
                op: "=-",
                found: None
            }
        );
        assert_eq!(
            err("cap_chown=e+").kind,
            TextErrorKind::MissingFlags {
                op: "+",
                found: None
            }
        );
        assert_eq!(
            err("cap_chown+p+1").kind,
            TextErrorKind::MissingFlags {
                op: "+",
                found: Some('1')
            }
        );
        assert_eq!(
            err("=+p").kind,
            TextErrorKind::PlusMinusNeedsList { op: '+' }
        );
        let e = err("=e+p");
        assert_eq!(
            (e.column, e.kind),
            (3, TextErrorKind::PlusMinusNeedsList { op: '+' })
        );
    }

    #[test]
    fn name_and_byte_rejections() {
        assert!(matches!(
            err("cap_chown2=p").kind,
            TextErrorKind::UnknownName { .. }
        ));
        assert!(matches!(err("_=p").kind, TextErrorKind::UnknownName { .. }));
        assert!(matches!(
            err("allx=p").kind,
            TextErrorKind::UnknownName { .. }
        ));
        assert_eq!(
            err("all+ep cap_chown").kind,
            TextErrorKind::MissingOperator { found: None }
        );
        assert_eq!(
            err("!=p").kind,
            TextErrorKind::MissingOperator { found: Some('!') }
        );
        assert_eq!(err("cap_chown=p\0").kind, TextErrorKind::NulByte);
    }

    #[test]
    fn error_positions_count_lines_and_characters() {
        let e = err("cap_chown=p\ncap_kill=x");
        assert_eq!((e.line, e.column, e.offset), (2, 10, 21));
        let e = err("é=p");
        assert_eq!(
            (e.line, e.column, e.kind),
            (1, 1, TextErrorKind::MissingOperator { found: Some('é') })
        );
        let e = err("cap_chown=pé");
        assert_eq!(
            (e.column, e.kind),
            (12, TextErrorKind::BadFlag { found: 'é' })
        );
    }

    #[test]
    fn long_words_are_not_echoed_whole() {
        let long = format!("cap_{}=p", "x".repeat(100_000));
        assert!(long.len() <= MAX_TEXT);
        match err(&long).kind {
            TextErrorKind::UnknownName { name, .. } => {
                assert!(name.chars().count() <= MAX_ECHO + 1)
            }
            k => panic!("{k:?}"),
        }
    }

    #[test]
    fn printing_groups_and_background() {
        // Most common state is the background; ties go to "nothing".
        let half = TextCaps {
            effective: CapSet::first_n(20),
            permitted: CapSet::first_n(20),
            ..TextCaps::EMPTY
        };
        let text = to_text(&half);
        assert!(text.starts_with("cap_chown,cap_dac_override,"), "{text}");
        assert!(
            text.ends_with(",cap_sys_ptrace=ep") && !text.contains(' '),
            "{text}"
        );
        // An exact tie (20 against 20 on a 40-capability kernel) also goes to "nothing".
        let f40 = Format {
            kernel_caps: 40,
            style: Style::Compact,
        };
        assert!(to_text_with(&half, f40).ends_with(",cap_sys_ptrace=ep"));
        let mostly = TextCaps {
            effective: CapSet::first_n(21),
            permitted: CapSet::first_n(21),
            ..TextCaps::EMPTY
        };
        assert!(to_text(&mostly).starts_with("=ep "), "{}", to_text(&mostly));
        // Groups from eip down, the first compact, later ones with `+`.
        let t = caps(&[1, 2], &[0, 2], &[0, 1, 2, 3]);
        assert_eq!(
            to_text(&t),
            "cap_dac_read_search=eip cap_chown+ip cap_dac_override+ep cap_fowner+p"
        );
        // Only a group with something to raise can take the compact `=`.
        let everything_but_one = TextCaps {
            permitted: ALL41.without(5),
            ..TextCaps::EMPTY
        };
        assert_eq!(to_text(&everything_but_one), "=p cap_kill-p");
        // Bits the kernel lacks are appended, named if libcap knows them.
        let f38 = Format {
            kernel_caps: 38,
            style: Style::Compact,
        };
        let t = caps(&[], &[], &[13, 39, 40, 50]);
        assert_eq!(
            to_text_with(&t, f38),
            "cap_net_raw=p cap_bpf,cap_checkpoint_restore,50+p"
        );
        let only_high = caps(&[41], &[41], &[41, 42]);
        assert_eq!(to_text(&only_high), "= 41+eip 42+p");
    }

    #[test]
    fn round_trip_on_many_sets() {
        // Deterministic pseudo-random sets: printing then parsing is the identity.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..2000 {
            let shape = next() % 4;
            let pick = |r: u64| match shape {
                0 => r & ALL41.bits(),
                1 => r,
                2 => r & (r >> 3) & ALL41.bits(),
                _ => (r | (r >> 5)) & ALL41.bits(),
            };
            let t = TextCaps {
                effective: CapSet(pick(next())),
                inheritable: CapSet(pick(next())),
                permitted: CapSet(pick(next())),
            };
            for style in [Style::Compact, Style::Pre241] {
                let s = to_text_with(
                    &t,
                    Format {
                        kernel_caps: 41,
                        style,
                    },
                );
                assert_eq!(parse(&s).unwrap(), t, "{s}");
                let compact = to_text_with(
                    &t,
                    Format {
                        kernel_caps: 41,
                        style: Style::Compact,
                    },
                );
                let expect = if s == compact { Style::Compact } else { style };
                assert_eq!(canonical_style(&s, 41), Some(expect), "{s}");
            }
        }
    }

    #[test]
    fn file_caps_conversion_follows_setcap() {
        let fc = parse("cap_net_raw+ep").unwrap().to_file_caps().unwrap();
        assert_eq!(
            fc,
            FileCaps {
                permitted: CapSet::single(13),
                inheritable: CapSet::EMPTY,
                effective: true
            }
        );
        let fc = parse("cap_net_admin,cap_net_raw+p")
            .unwrap()
            .to_file_caps()
            .unwrap();
        assert!(!fc.effective);
        assert_eq!(
            parse("all=eip cap_setpcap-e").unwrap().to_file_caps(),
            Err(FileCapsError::PartialEffective {
                missing: CapSet::single(8)
            })
        );
        assert_eq!(
            parse("cap_chown=ei cap_kill=p").unwrap().to_file_caps(),
            Err(FileCapsError::PartialEffective {
                missing: CapSet::single(5)
            })
        );
        // `cap_chown=e`: the effective bit is written, nothing is granted.
        let t = parse("cap_chown=e").unwrap();
        assert_eq!(t.ignored_effective(), CapSet::single(0));
        let fc = t.to_file_caps().unwrap();
        assert_eq!(
            fc,
            FileCaps {
                permitted: CapSet::EMPTY,
                inheritable: CapSet::EMPTY,
                effective: true
            }
        );
        assert_eq!(to_text(&TextCaps::from_file_caps(&fc)), "=");
        let fc = parse("cap_chown=ie cap_kill=pe")
            .unwrap()
            .to_file_caps()
            .unwrap();
        assert_eq!(
            to_text(&TextCaps::from_file_caps(&fc)),
            "cap_chown=ei cap_kill+ep"
        );
    }

    #[test]
    fn getcap_lines() {
        let e = parse_getcap_line("/usr/bin/ping cap_net_raw=ep").unwrap();
        assert_eq!(e.path, "/usr/bin/ping");
        assert_eq!(e.caps, Some(caps(&[13], &[], &[13])));
        assert_eq!(e.rootid, None);
        let e = parse_getcap_line("/bin/ping = cap_net_admin,cap_net_raw+p").unwrap();
        assert_eq!(e.path, "/bin/ping");
        assert_eq!(e.caps, Some(caps(&[], &[], &[12, 13])));
        let e = parse_getcap_line("/opt/my tool/bin =ep cap_setpcap-e [rootid=1000]").unwrap();
        assert_eq!(e.path, "/opt/my tool/bin");
        assert_eq!(e.caps.unwrap().effective, ALL41.without(8));
        assert_eq!(e.rootid, Some(1000));
        assert_eq!(
            parse_getcap_line("f = 63+p [rootid=-2]").unwrap().rootid,
            Some(u32::MAX - 1)
        );
        let e = parse_getcap_line("/usr/bin/thing").unwrap();
        assert_eq!((e.path.as_str(), e.caps), ("/usr/bin/thing", None));
        let e = parse_getcap_line("/dev (Not a regular file)").unwrap();
        assert_eq!(e.caps, None);
        let e = parse_getcap_line("/usr/bin/ping cap_net_raw+EP").unwrap_err();
        assert_eq!(
            (e.column, e.kind),
            (27, TextErrorKind::BadFlag { found: 'E' })
        );
    }

    #[test]
    fn getcap_line_split_prefers_canonical_tail() {
        let e = parse_getcap_line("/tmp/my tool =ep cap_net_admin,cap_net_raw=p").unwrap();
        assert_eq!(e.path, "/tmp/my tool =ep");
        assert_eq!(e.caps.unwrap().permitted, CapSet::from_caps([12, 13]));
        // Not canonical anywhere: the earliest tail that parses.
        let e = parse_getcap_line("/bin/ping cap_net_raw+ep").unwrap();
        assert_eq!(e.path, "/bin/ping");
        let long = format!("/x {}", "=p ".repeat(MAX_GETCAP_LINE));
        assert_eq!(
            parse_getcap_line(&long).unwrap_err().kind,
            TextErrorKind::LineTooLong {
                limit: MAX_GETCAP_LINE
            }
        );
        let huge = "cap_chown,".repeat(MAX_TEXT / 10 + 1) + "cap_kill=p";
        assert!(matches!(
            parse(&huge).unwrap_err().kind,
            TextErrorKind::InputTooLong { .. }
        ));
        let lines = "/x cap_chown=p\n".repeat(MAX_GETCAP_OUTPUT / 15 + 1);
        let r = parse_getcap_output(&lines);
        assert_eq!(r.len(), 1);
        assert!(matches!(
            r[0].1.as_ref().unwrap_err().kind,
            TextErrorKind::InputTooLong { .. }
        ));
        // Many words: only the last few splits are tried.
        let many = format!("/x {}cap_chown=p", "a ".repeat(5000));
        assert_eq!(
            parse_getcap_line(&many).unwrap().caps.unwrap().permitted,
            CapSet::single(0)
        );
    }

    #[test]
    fn getcap_recursive_output() {
        let out = "/usr/bin/ping cap_net_raw=ep\n\n/usr/bin/mtr-packet cap_net_raw=ep\r\n/x/y cap_bogus=p\n/usr/sbin/arping = cap_net_raw+ep\n";
        let r = parse_getcap_output(out);
        assert_eq!(r.len(), 4);
        assert_eq!(r[0].0, 1);
        assert_eq!(r[1].1.as_ref().unwrap().path, "/usr/bin/mtr-packet");
        let e = r[2].1.as_ref().unwrap_err();
        assert_eq!((r[2].0, e.line, e.column), (4, 4, 6));
        assert_eq!(
            r[3].1.as_ref().unwrap().caps.unwrap().permitted,
            CapSet::single(13)
        );
    }

    #[test]
    fn pasted_text_or_line() {
        assert_eq!(
            parse_pasted("cap_net_raw+ep").unwrap(),
            Pasted::Text(caps(&[13], &[], &[13]))
        );
        assert!(matches!(
            parse_pasted("/usr/bin/ping cap_net_raw=ep").unwrap(),
            Pasted::Getcap(_)
        ));
        assert!(matches!(
            parse_pasted("ping cap_net_raw=ep").unwrap(),
            Pasted::Getcap(_)
        ));
        assert!(matches!(
            parse_pasted("/bin/ping = cap_net_admin,cap_net_raw+p").unwrap(),
            Pasted::Getcap(_)
        ));
        // A mistake in plain text is reported against the text itself.
        let e = parse_pasted("cap_net_raw+EP").unwrap_err();
        assert_eq!(
            (e.column, e.kind),
            (13, TextErrorKind::BadFlag { found: 'E' })
        );
        let e = parse_pasted("/usr/bin/ping cap_net_raw+x").unwrap_err();
        assert_eq!(e.column, 27);
    }

    #[test]
    fn canonical_style_detection() {
        assert_eq!(canonical_style("cap_net_raw=ep", 41), Some(Style::Compact));
        assert_eq!(canonical_style("= cap_net_raw+ep", 41), Some(Style::Pre241));
        assert_eq!(canonical_style("cap_net_raw+ep", 41), None);
    }
}

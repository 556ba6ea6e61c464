//! Masks and name lists as users paste them, and the list `capsh --decode`
//! prints for a mask.
//!
//! Pure: text in, `CapSet` or a positioned error out. Wording of errors and
//! notes lives in `caplens-words` (`decode`).

use crate::catalog::{self, KNOWN};
use crate::set::CapSet;
use serde::Serialize;

/// The kernel stores 64 bits, so a mask has at most 16 hex digits.
pub const MAX_HEX_DIGITS: usize = 16;

/// What is wrong with a mask, and where (1-based column, counted in
/// characters of the text that was given to the parser).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MaskError {
    pub kind: MaskErrorKind,
    pub column: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum MaskErrorKind {
    /// Nothing but blanks.
    Empty,
    /// `0x` with no digits after it.
    NoDigitsAfterPrefix,
    /// A character that is not a hexadecimal digit.
    BadDigit { found: char },
    /// More than 16 digits: the value cannot fit in 64 bits.
    TooManyDigits { digits: usize },
}

/// Parses `a80425fb`, `0x00000000A80425FB`, ` 0X1f ` …: 1–16 hex digits,
/// optional `0x`/`0X`, either case, blanks around. Column positions in
/// errors are relative to `text`.
pub fn parse_mask(text: &str) -> Result<CapSet, MaskError> {
    let chars: Vec<char> = text.chars().collect();
    let start = chars.iter().position(|c| !c.is_whitespace());
    let Some(start) = start else {
        return Err(MaskError {
            kind: MaskErrorKind::Empty,
            column: 1,
        });
    };
    let end = chars
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(start, |e| e + 1);
    let mut i = start;
    if end - i >= 2 && chars[i] == '0' && (chars[i + 1] == 'x' || chars[i + 1] == 'X') {
        i += 2;
        if i == end {
            return Err(MaskError {
                kind: MaskErrorKind::NoDigitsAfterPrefix,
                column: col(i),
            });
        }
    }
    let digits_start = i;
    let mut value: u64 = 0;
    for (j, &c) in chars[digits_start..end].iter().enumerate() {
        let Some(d) = c.to_digit(16) else {
            return Err(MaskError {
                kind: MaskErrorKind::BadDigit { found: c },
                column: col(digits_start + j),
            });
        };
        if j == MAX_HEX_DIGITS {
            // Report the first digit that does not fit, but count them all
            // (up to the first non-digit) so the message can say how many.
            let digits = chars[digits_start..end]
                .iter()
                .take_while(|c| c.is_ascii_hexdigit())
                .count();
            return Err(MaskError {
                kind: MaskErrorKind::TooManyDigits { digits },
                column: col(digits_start + j),
            });
        }
        value = (value << 4) | u64::from(d);
    }
    Ok(CapSet(value))
}

fn col(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// What is wrong with one item of a name list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NameError {
    pub kind: NameErrorKind,
    /// The item exactly as written.
    pub item: String,
    /// 1-based column of the item's first character.
    pub column: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NameErrorKind {
    /// Not a capability name in any spelling we know.
    UnknownName,
    /// A number, but not 0–63.
    NumberOutOfRange,
    /// A libcap flag suffix such as `+ep` or `=p`: that is the text format.
    HasFlags,
}

/// Parses a list of capabilities in any spelling users write:
/// `cap_net_raw`, `CAP_NET_RAW`, `NET_RAW`, `net_raw`, decimal numbers
/// 0–63, and `ALL` (every capability the catalog knows), separated by
/// commas and/or blanks. Empty items (`a,,b`, a trailing comma) are skipped.
pub fn parse_names(text: &str) -> Result<CapSet, NameError> {
    let mut set = CapSet::EMPTY;
    for (column, item) in items(text) {
        set = set.union(parse_name_item(item).map_err(|kind| NameError {
            kind,
            item: item.to_string(),
            column,
        })?);
    }
    Ok(set)
}

/// Splits at commas and whitespace, yielding (1-based column, item).
fn items(text: &str) -> impl Iterator<Item = (u32, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, u32)> = None; // (byte offset, column)
    let mut column: u32 = 0;
    for (byte, c) in text.char_indices() {
        column = column.saturating_add(1);
        let sep = c == ',' || c.is_whitespace();
        match (sep, start) {
            (true, Some((b, col))) => {
                out.push((col, &text[b..byte]));
                start = None;
            }
            (false, None) => start = Some((byte, column)),
            _ => {}
        }
    }
    if let Some((b, col)) = start {
        out.push((col, &text[b..]));
    }
    out.into_iter()
}

fn parse_name_item(item: &str) -> Result<CapSet, NameErrorKind> {
    if item.eq_ignore_ascii_case("all") || item.eq_ignore_ascii_case("cap_all") {
        return Ok(KNOWN);
    }
    if !item.is_empty() && item.bytes().all(|b| b.is_ascii_digit()) {
        return match item.parse::<u8>() {
            Ok(n) if n < 64 => Ok(CapSet::single(n)),
            _ => Err(NameErrorKind::NumberOutOfRange),
        };
    }
    if let Some(c) = catalog::by_any_spelling(item) {
        return Ok(CapSet::single(c.number));
    }
    if item.contains(['+', '=', '-']) {
        return Err(NameErrorKind::HasFlags);
    }
    Err(NameErrorKind::UnknownName)
}

/// One capability the way libcap names it: `cap_net_raw`, or the decimal
/// number for bits no kernel defines (what `cap_to_name` does).
pub fn libcap_name(cap: u8) -> String {
    match catalog::get(cap) {
        Some(c) => c.libcap_name(),
        None => cap.to_string(),
    }
}

/// Exactly what `capsh --decode` lists after the `=`: names in bit order,
/// comma-separated, unknown bits as decimal numbers.
pub fn capsh_list(set: CapSet) -> String {
    set.iter().map(libcap_name).collect::<Vec<_>>().join(",")
}

/// The whole line `capsh --decode=MASK` prints: `0x%016x=` + the list.
pub fn capsh_decode_line(set: CapSet) -> String {
    format!("0x{:016x}={}", set.bits(), capsh_list(set))
}

/// Bits 41–63: no released kernel defines them.
pub fn unknown_bits(set: CapSet) -> CapSet {
    set.minus(KNOWN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> MaskError {
        parse_mask(text).unwrap_err()
    }

    #[test]
    fn mask_forms() {
        for t in [
            "a80425fb",
            "A80425FB",
            "0xa80425fb",
            "0XA80425fb",
            "  00000000a80425fb\t",
            "\n0x00000000a80425FB \n",
        ] {
            assert_eq!(parse_mask(t), Ok(CapSet(0xa80425fb)), "{t:?}");
        }
        assert_eq!(parse_mask("0"), Ok(CapSet::EMPTY));
        assert_eq!(parse_mask("0x0"), Ok(CapSet::EMPTY));
        assert_eq!(parse_mask("ffffffffffffffff"), Ok(CapSet::ALL_BITS));
        assert_eq!(parse_mask("0xFFFFFFFFFFFFFFFF"), Ok(CapSet::ALL_BITS));
        assert_eq!(parse_mask("8000000000000000"), Ok(CapSet::single(63)));
    }

    #[test]
    fn mask_errors_say_what_and_where() {
        assert_eq!(
            err(""),
            MaskError {
                kind: MaskErrorKind::Empty,
                column: 1
            }
        );
        assert_eq!(
            err("   "),
            MaskError {
                kind: MaskErrorKind::Empty,
                column: 1
            }
        );
        assert_eq!(
            err("0x"),
            MaskError {
                kind: MaskErrorKind::NoDigitsAfterPrefix,
                column: 3
            }
        );
        assert_eq!(
            err("  0X  "),
            MaskError {
                kind: MaskErrorKind::NoDigitsAfterPrefix,
                column: 5
            }
        );
        assert_eq!(
            err("a8g4"),
            MaskError {
                kind: MaskErrorKind::BadDigit { found: 'g' },
                column: 3
            }
        );
        assert_eq!(
            err(" 12 34"),
            MaskError {
                kind: MaskErrorKind::BadDigit { found: ' ' },
                column: 4
            }
        );
        assert_eq!(
            err("0xx1"),
            MaskError {
                kind: MaskErrorKind::BadDigit { found: 'x' },
                column: 3
            }
        );
        assert_eq!(
            err("-1"),
            MaskError {
                kind: MaskErrorKind::BadDigit { found: '-' },
                column: 1
            }
        );
        assert_eq!(
            err("é1"),
            MaskError {
                kind: MaskErrorKind::BadDigit { found: 'é' },
                column: 1
            }
        );
        assert_eq!(
            err("00000000000000000"),
            MaskError {
                kind: MaskErrorKind::TooManyDigits { digits: 17 },
                column: 17
            }
        );
        assert_eq!(
            err("0x1ffffffffffffffffz"),
            MaskError {
                kind: MaskErrorKind::TooManyDigits { digits: 17 },
                column: 19
            }
        );
    }

    #[test]
    fn names_any_spelling() {
        let raw = CapSet::single(13);
        for t in [
            "cap_net_raw",
            "CAP_NET_RAW",
            "NET_RAW",
            "net_raw",
            "13",
            " Net_Raw ,",
        ] {
            assert_eq!(parse_names(t), Ok(raw), "{t:?}");
        }
        assert_eq!(
            parse_names("chown, kill  CAP_SETUID,,63"),
            Ok(CapSet::from_caps([0, 5, 7, 63]))
        );
        assert_eq!(parse_names("ALL"), Ok(KNOWN));
        assert_eq!(parse_names("all"), Ok(KNOWN));
        assert_eq!(parse_names(""), Ok(CapSet::EMPTY));
        assert_eq!(parse_names(" , "), Ok(CapSet::EMPTY));
    }

    #[test]
    fn name_errors_name_the_item() {
        assert_eq!(
            parse_names("chown,net_rwa"),
            Err(NameError {
                kind: NameErrorKind::UnknownName,
                item: "net_rwa".into(),
                column: 7
            })
        );
        assert_eq!(
            parse_names("kill 64"),
            Err(NameError {
                kind: NameErrorKind::NumberOutOfRange,
                item: "64".into(),
                column: 6
            })
        );
        assert_eq!(
            parse_names("99999999999999999999"),
            Err(NameError {
                kind: NameErrorKind::NumberOutOfRange,
                item: "99999999999999999999".into(),
                column: 1
            })
        );
        assert_eq!(
            parse_names("cap_net_raw+ep"),
            Err(NameError {
                kind: NameErrorKind::HasFlags,
                item: "cap_net_raw+ep".into(),
                column: 1
            })
        );
        assert_eq!(
            parse_names("CAP_CAP_NET_RAW").unwrap_err().kind,
            NameErrorKind::UnknownName
        );
        // Columns count characters, not bytes.
        assert_eq!(parse_names("é,x").unwrap_err().column, 1);
        assert_eq!(parse_names("chown é").unwrap_err().column, 7);
    }

    #[test]
    fn capsh_wording() {
        assert_eq!(
            capsh_decode_line(CapSet(0xa80425fb)),
            "0x00000000a80425fb=cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap"
        );
        assert_eq!(capsh_decode_line(CapSet::EMPTY), "0x0000000000000000=");
        assert_eq!(
            capsh_list(CapSet::from_caps([40, 41, 63])),
            "cap_checkpoint_restore,41,63"
        );
        assert_eq!(unknown_bits(CapSet::ALL_BITS), CapSet(0xfffffe0000000000));
        assert_eq!(unknown_bits(KNOWN), CapSet::EMPTY);
    }

    #[test]
    fn round_trip_names() {
        for n in 0u8..64 {
            let s = CapSet::single(n);
            assert_eq!(parse_names(&capsh_list(s)), Ok(s));
        }
        let every = CapSet::ALL_BITS;
        assert_eq!(parse_names(&capsh_list(every)), Ok(every));
    }
}

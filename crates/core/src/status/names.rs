//! A list of capability names or numbers (`NET_RAW, cap_sys_admin`): the
//! reverse direction, names to a mask.

use super::{error, to_u32, InputError, InputErrorKind, Note, Report, SetEntry, SourceKind};
use crate::mask;
use crate::set::CapSet;

/// The whole input as a list of capability names (the reverse direction:
/// names to a mask). `None` if it does not look like one at all, so the
/// caller can report something more fitting.
pub(super) fn name_list(text: &str) -> Option<Result<Report, InputError>> {
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

#[cfg(test)]
mod tests {
    use crate::catalog::KNOWN;
    use crate::status::testing::*;
    use crate::status::*;

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
}

//! `getpcaps PID` output: `1234: =ep` (libcap ≥ 2.4x), with `--iab`
//! `1234: "=ep" [!cap_x]`, or the old "Capabilities for `1234': = cap_x+ep".

use super::{
    cap_text, column_of, error, iab, Builder, InputError, InputErrorKind, Line, Note, SetKind,
};
use crate::catalog::KNOWN;
use crate::set::CapSet;

/// Ok(false): not a getpcaps line.
pub(super) fn read_line(b: &mut Builder, l: &Line) -> Result<bool, InputError> {
    let Some((text_at, _pid)) = getpcaps_prefix(l.body) else {
        return Ok(false);
    };
    if let Some(first) = b.saw_getpcaps {
        return Err(error(
            InputErrorKind::SeveralProcesses { first_line: first },
            l.no,
            1,
        ));
    }
    b.saw_getpcaps = Some(l.no);
    getpcaps_body(b, &l.body[text_at..], l.full, l.lead + text_at, l.no)?;
    Ok(true)
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
        cap_text::add_text_sets(b, &q[..end], line, at + 1, no)?;
        iab_mode = true;
        rest = &q[end + 1..];
        at += end + 2;
    }
    let trimmed = rest.trim();
    if let Some(inner) = trimmed.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        let inner_at = at + (rest.len() - rest.trim_start().len()) + 1;
        let iab = iab_at(inner, line, inner_at, no)?;
        if !iab_mode {
            // `PID: [IAB]` alone: the capability text was a bare `=`.
            cap_text::add_text_sets(b, "", line, inner_at, no)?;
        }
        add_iab_sets(b, &iab, no)
    } else if iab_mode {
        no_iab_bracket(b, trimmed, line, at, no)
    } else {
        cap_text::add_text_sets(b, rest, line, at, no)
    }
}

/// The IAB text in brackets (at byte `at` of `line`), or where it is wrong.
fn iab_at(inner: &str, line: &str, at: usize, no: u32) -> Result<iab::Iab, InputError> {
    iab::parse_iab(inner).map_err(|e| {
        error(
            InputErrorKind::BadCapText {
                clause: e.clause,
                detail: None,
            },
            no,
            column_of(line, at) + e.column - 1,
        )
    })
}

fn add_iab_sets(b: &mut Builder, iab: &iab::Iab, no: u32) -> Result<(), InputError> {
    b.add(Some(SetKind::Inheritable), iab.inheritable, no)?;
    b.add(Some(SetKind::Ambient), iab.ambient, no)?;
    b.add(Some(SetKind::Bounding), KNOWN.minus(iab.not_bounding), no)?;
    if !iab.not_bounding.is_empty() {
        b.notes.push(Note::AllMeansKernelCaps { line: no });
    }
    Ok(())
}

/// `--iab` output without a bracket: Ambient empty and Bounding full; only
/// blanks may follow the quoted text.
fn no_iab_bracket(
    b: &mut Builder,
    trimmed: &str,
    line: &str,
    at: usize,
    no: u32,
) -> Result<(), InputError> {
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
    b.add(Some(SetKind::Ambient), CapSet::EMPTY, no)?;
    b.add(Some(SetKind::Bounding), KNOWN, no)?;
    b.notes.push(Note::AllMeansKernelCaps { line: no });
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::catalog::KNOWN;
    use crate::status::testing::*;
    use crate::status::*;

    #[test]
    fn getpcaps_forms() {
        let r = ok(include_str!("../../../../tests/fixtures/getpcaps_2.66.txt"));
        assert_eq!(r.source, SourceKind::Getpcaps);
        assert_eq!(r.get(SetKind::Effective), Some(CapSet(0x000001fffeffffff)));
        assert_eq!(r.get(SetKind::Bounding), None);
        for fixture in [
            include_str!("../../../../tests/fixtures/getpcaps_iab_2.66.txt"),
            include_str!("../../../../tests/fixtures/getpcaps_verbose_2.66.txt"),
            include_str!("../../../../tests/fixtures/getpcaps_ugly_2.66.txt"),
        ] {
            let r = ok(fixture);
            assert_eq!(r.source, SourceKind::Getpcaps);
            assert_eq!(
                r.get(SetKind::Permitted),
                Some(CapSet(0x000001fffeffffff)),
                "{fixture}"
            );
        }
        let r = ok(include_str!(
            "../../../../tests/fixtures/getpcaps_iab_2.66.txt"
        ));
        assert_eq!(r.get(SetKind::Bounding), Some(CapSet(0x000001fffeffffff)));
        assert_eq!(r.notes, vec![Note::AllMeansKernelCaps { line: 1 }]);
        let r = ok("1: cap_net_admin,cap_net_raw=p cap_net_raw+e");
        assert_eq!(r.get(SetKind::Permitted), Some(CapSet::from_caps([12, 13])));
        assert_eq!(r.get(SetKind::Effective), Some(CapSet::single(13)));
        assert_eq!(r.get(SetKind::Inheritable), Some(CapSet::EMPTY));
        assert!(r.notes.contains(&Note::SetsNotShown {
            kinds: vec![SetKind::Bounding, SetKind::Ambient]
        }));
    }

    #[test]
    fn old_getpcaps_forms() {
        for old in [
            "Capabilities for `1234': = cap_chown,cap_kill+ep",
            "Capabilities for '1234': = cap_chown,cap_kill+ep",
        ] {
            let r = ok(old);
            assert_eq!(r.source, SourceKind::Getpcaps);
            assert_eq!(r.get(SetKind::Permitted), Some(CapSet::from_caps([0, 5])));
            assert_eq!(r.get(SetKind::Inheritable), Some(CapSet::EMPTY));
        }
    }

    #[test]
    fn getpcaps_iab_forms() {
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
    }

    #[test]
    fn one_process_at_a_time() {
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
}

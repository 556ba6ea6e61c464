//! libcap's capability text (`cap_x+ep`, `=ep cap_y-e`), as capsh's
//! `Current:` line and getpcaps show it; read by `crate::text`.

use super::{column_of, error, to_u32, Builder, InputError, InputErrorKind, Note, SetKind};

/// Adds the three sets libcap text describes (`text` is at byte `at` of `line`).
pub(super) fn add_text_sets(
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

#[cfg(test)]
mod tests {
    use crate::catalog::KNOWN;
    use crate::status::testing::*;
    use crate::status::*;

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
}

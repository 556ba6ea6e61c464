//! Bare hex masks, one per line (`a80425fb`, `0x00000000a80425fb`).

use super::{Builder, InputError, Line};
use crate::mask;

/// Ok(false): the line is not a mask.
pub(super) fn read_line(b: &mut Builder, l: &Line) -> Result<bool, InputError> {
    let Ok(caps) = mask::parse_mask(l.full) else {
        return Ok(false);
    };
    b.saw_bare = true;
    b.add(None, caps, l.no)?;
    Ok(true)
}

/// A single short token of letters and digits (`a80425fg`, `0x12zz`, `zz`):
/// most likely a mistyped mask, so the mask error is the useful one.
pub(super) fn looks_like_attempted_mask(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.chars().count() <= 24 && t.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use crate::status::testing::*;
    use crate::status::*;

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
}

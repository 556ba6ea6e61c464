//! `capsh --decode=MASK`: the command (maybe after a prompt) or its
//! `0x…=names` output.

use super::{mask_at, Builder, InputError, Line};

/// Ok(false): not a `--decode` line.
pub(super) fn read_line(b: &mut Builder, l: &Line) -> Result<bool, InputError> {
    let (trimmed, line, no) = (l.body, l.full, l.no);
    if let Some(pos) = trimmed.find("--decode=") {
        let at = l.lead + pos + "--decode=".len();
        let arg = line[at..].split_whitespace().next().unwrap_or("");
        let caps = mask_at(arg, line, at, no)?;
        b.saw_capsh_decode = true;
        b.add(None, caps, no)?;
        return Ok(true);
    }
    if (trimmed.starts_with("0x") || trimmed.starts_with("0X")) && trimmed.contains('=') {
        let eq = trimmed.find('=').unwrap_or(trimmed.len());
        let caps = mask_at(&trimmed[..eq], line, l.lead, no)?;
        b.saw_capsh_decode = true;
        b.add(None, caps, no)?;
        return Ok(true);
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use crate::status::testing::*;
    use crate::status::*;

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
}

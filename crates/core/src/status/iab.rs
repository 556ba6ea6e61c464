//! libcap's IAB text (`getpcaps --iab`, `capsh --iab`), which `crate::text`
//! does not cover.

use crate::catalog::{self, KNOWN};
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

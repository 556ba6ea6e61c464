//! 简体中文.
//! UNTRANSLATED: still the English text; being translated.

use caplens_core::catalog;
use caplens_core::set::CapSet;
use caplens_core::text::{FileCapsError, Flag, Style, TextError, TextErrorKind};

fn show_char(c: Option<char>) -> String {
    match c {
        None => "the end of the text".to_string(),
        Some(' ') => "a space".to_string(),
        Some('\t') => "a tab".to_string(),
        Some('\n') | Some('\r') => "a line break".to_string(),
        Some(c) if c.is_control() => format!("control character U+{:04X}", c as u32),
        Some(c) => format!("'{c}'"),
    }
}

fn names(set: CapSet) -> String {
    set.iter()
        .map(|n| catalog::get(n).map_or_else(|| n.to_string(), |c| c.libcap_name()))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn position(e: &TextError) -> String {
    if e.line > 1 {
        format!("line {}, column {}", e.line, e.column)
    } else {
        format!("column {}", e.column)
    }
}

pub fn error_kind(kind: &TextErrorKind) -> String {
    match kind {
        TextErrorKind::UnknownName { name, bare_match: Some(n) } => {
            let full = catalog::get(*n).map_or_else(|| n.to_string(), |c| c.libcap_name());
            if name.eq_ignore_ascii_case(&full) {
                format!("'{name}' is not a capability name libcap knows")
            } else {
                format!("'{name}' is not a libcap name; setcap needs the full form '{full}'")
            }
        }
        TextErrorKind::UnknownName { name, bare_match: None } => {
            format!("'{name}' is not a capability name (expected cap_xxx, 'all' or a number below 64)")
        }
        TextErrorKind::NumberTooLarge { number } => {
            format!("capability number {number} is too large: libcap accepts numbers 0 to 63")
        }
        TextErrorKind::EmptyListItem { found } => format!(
            "a comma must be followed directly by another capability name, found {} (no spaces inside a list)",
            show_char(*found)
        ),
        TextErrorKind::PlusMinusNeedsList { op } => format!(
            "'{op}' needs a capability list before it (write e.g. 'all{op}ep' or 'cap_net_raw{op}ep'; only '=' may stand alone)"
        ),
        TextErrorKind::MissingOperator { found } => format!(
            "expected '=', '+' or '-' after the capability list, found {}",
            show_char(*found)
        ),
        TextErrorKind::MissingFlags { op, found } => format!(
            "'{op}' must be followed by at least one of the flags e, i, p; found {}",
            show_char(*found)
        ),
        TextErrorKind::BadFlag { found } if matches!(found, 'E' | 'I' | 'P') => format!(
            "flag '{found}' must be lower case: use '{}'",
            found.to_ascii_lowercase()
        ),
        TextErrorKind::BadFlag { found } => format!(
            "expected a flag (e, i or p), '+', '-' or a space, found {}",
            show_char(Some(*found))
        ),
        TextErrorKind::SecondEquals => {
            "only the first operator of a clause may be '='; start a new clause after a space instead".to_string()
        }
        TextErrorKind::NulByte => "the text contains a NUL byte".to_string(),
        TextErrorKind::InputTooLong { bytes, limit } => format!(
            "the text is {} KiB; at most {} KiB is accepted (setcap text and getcap output are far shorter)",
            bytes.div_ceil(1024),
            limit / 1024
        ),
        TextErrorKind::LineTooLong { limit } => {
            format!("this line is longer than {limit} bytes, too long to be getcap output")
        }
    }
}

pub fn error(e: &TextError) -> String {
    format!("{}: {}", position(e), error_kind(&e.kind))
}

pub fn file_caps_error(e: &FileCapsError) -> String {
    match e {
        FileCapsError::PartialEffective { missing } => format!(
            "setcap refuses this: a file has a single effective bit, so once any capability is 'e' every \
             permitted or inheritable one must be 'e' too. Not effective: {}. Add 'e' to all of them \
             (e.g. '+ep') or to none ('+p').",
            names(*missing)
        ),
    }
}

pub fn ignored_effective(set: CapSet) -> String {
    format!(
        "effective without permitted or inheritable has no effect on a file: {} (getcap will not show it)",
        names(set)
    )
}

pub fn flag_name(flag: Flag) -> &'static str {
    match flag {
        Flag::Effective => "effective",
        Flag::Inheritable => "inheritable",
        Flag::Permitted => "permitted",
    }
}

pub fn style_name(style: Style) -> &'static str {
    match style {
        Style::Compact => "libcap 2.41 and later (compact form)",
        Style::Pre241 => "libcap before 2.41 (form starting with '=')",
    }
}

//! 简体中文.

use caplens_core::catalog;
use caplens_core::set::CapSet;
use caplens_core::text::{FileCapsError, Flag, Style, TextError, TextErrorKind};

/// What was found where something else belonged, ready to follow a Chinese
/// word: a quoted character gets the space glossary §7 puts before Latin text.
fn show_char(c: Option<char>) -> String {
    match c {
        None => "文本末尾".to_string(),
        Some(' ') => "空格".to_string(),
        Some('\t') => "制表符".to_string(),
        Some('\n') | Some('\r') => "换行".to_string(),
        Some(c) if c.is_control() => format!("控制字符 U+{:04X}", c as u32),
        Some(c) => format!(" '{c}'"),
    }
}

fn names(set: CapSet) -> String {
    set.iter()
        .map(|n| catalog::get(n).map_or_else(|| n.to_string(), |c| c.libcap_name()))
        .collect::<Vec<_>>()
        .join("、")
}

pub fn position(e: &TextError) -> String {
    if e.line > 1 {
        format!("第 {} 行第 {} 列", e.line, e.column)
    } else {
        format!("第 {} 列", e.column)
    }
}

pub fn error_kind(kind: &TextErrorKind) -> String {
    match kind {
        TextErrorKind::UnknownName { name, bare_match: Some(n) } => {
            let full = catalog::get(*n).map_or_else(|| n.to_string(), |c| c.libcap_name());
            if name.eq_ignore_ascii_case(&full) {
                format!("'{name}' 不是 libcap 认识的权能名。")
            } else {
                format!("'{name}' 不是 libcap 的权能名；setcap 需要完整形式 '{full}'。")
            }
        }
        TextErrorKind::UnknownName { name, bare_match: None } => {
            format!("'{name}' 不是权能名（应为 cap_xxx、'all' 或小于 64 的编号）。")
        }
        TextErrorKind::NumberTooLarge { number } => {
            format!("权能编号 {number} 太大，libcap 只接受 0 到 63。")
        }
        TextErrorKind::EmptyListItem { found } => format!(
            "逗号后面必须紧跟另一个权能名（列表中间不能有空格），这里却是{}。",
            show_char(*found)
        ),
        TextErrorKind::PlusMinusNeedsList { op } => format!(
            "'{op}' 前面需要一个权能列表（例如写成 'all{op}ep' 或 'cap_net_raw{op}ep'；只有 '=' 可以单独出现）。"
        ),
        TextErrorKind::MissingOperator { found } => format!(
            "权能列表后面应为 '='、'+' 或 '-'，这里却是{}。",
            show_char(*found)
        ),
        TextErrorKind::MissingFlags { op, found } => format!(
            "'{op}' 后面至少要跟 e、i、p 中的一个标志，这里却是{}。",
            show_char(*found)
        ),
        TextErrorKind::BadFlag { found } if matches!(found, 'E' | 'I' | 'P') => format!(
            "标志 '{found}' 必须小写，请写成 '{}'。",
            found.to_ascii_lowercase()
        ),
        TextErrorKind::BadFlag { found } => format!(
            "这里应为标志（e、i 或 p）、'+'、'-' 或空格，却是{}。",
            show_char(Some(*found))
        ),
        TextErrorKind::SecondEquals => {
            "一个子句中只有第一个运算符可以是 '='；请用空格隔开，另起一个子句。".to_string()
        }
        TextErrorKind::NulByte => "文本中含有 NUL 字节。".to_string(),
        TextErrorKind::InputTooLong { bytes, limit } => format!(
            "文本有 {} KiB，最多只接受 {} KiB（setcap 文本和 getcap 输出都远比这短）。",
            bytes.div_ceil(1024),
            limit / 1024
        ),
        TextErrorKind::LineTooLong { limit } => {
            format!("这一行超过 {limit} 字节，getcap 的输出不会这么长。")
        }
    }
}

pub fn error(e: &TextError) -> String {
    format!("{}：{}", position(e), error_kind(&e.kind))
}

pub fn file_caps_error(e: &FileCapsError) -> String {
    match e {
        FileCapsError::PartialEffective { missing } => format!(
            "setcap 会拒绝这种写法。文件只有一个有效位，所以只要有一个权能带 'e'，\
             文件许可集和可继承集里的每个权能都必须带 'e'。以下权能未进入有效集：{}。\
             要么给它们全部加上 'e'（例如 '+ep'），要么都不加（'+p'）。",
            names(*missing)
        ),
    }
}

pub fn ignored_effective(set: CapSet) -> String {
    format!(
        "只标了有效（e）、却不在文件许可集或可继承集中的权能，在文件上不起作用：{}（getcap 不会显示它们）。",
        names(set)
    )
}

pub fn flag_name(flag: Flag) -> &'static str {
    match flag {
        Flag::Effective => "有效",
        Flag::Inheritable => "可继承",
        Flag::Permitted => "许可",
    }
}

pub fn style_name(style: Style) -> &'static str {
    match style {
        Style::Compact => "libcap 2.41 及以上（紧凑形式）",
        Style::Pre241 => "libcap 2.41 之前（以 '=' 开头的形式）",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::{english_run, spacing_error};
    use caplens_core::text::parse;

    fn msg(text: &str) -> String {
        let m = error(&parse(text).unwrap_err());
        // Filled in, the sentence still keeps the glossary's spacing.
        assert_eq!(english_run(&m), None, "{m}");
        assert_eq!(spacing_error(&m), None, "{m}");
        m
    }

    #[test]
    fn messages_name_the_problem_and_place() {
        assert_eq!(
            msg("net_raw+ep"),
            "第 1 列：'net_raw' 不是 libcap 的权能名；setcap 需要完整形式 'cap_net_raw'。"
        );
        assert_eq!(
            msg("cap_net_raw+EP"),
            "第 13 列：标志 'E' 必须小写，请写成 'e'。"
        );
        assert!(msg("cap_chown=p\ncap_kill+").starts_with("第 2 行第 10 列：'+' 后面至少要跟"));
        assert!(msg("cap_chown,").ends_with("这里却是文本末尾。"));
        assert!(msg("cap_chown=p cap_kill=pX").ends_with("却是 'X'。"));
        assert!(msg("cap_chown, cap_kill=p").contains("这里却是空格。"));
        assert!(msg("99=p").contains("0 到 63"));
        for text in [
            "+ep",
            "cap_foo=p",
            "cap_chown",
            "cap_chown=p=e",
            "cap_chown=p\u{1}",
        ] {
            msg(text);
        }
    }

    #[test]
    fn file_capability_problems_list_the_names() {
        let e = parse("=eip cap_setpcap-e")
            .unwrap()
            .to_file_caps()
            .unwrap_err();
        let m = file_caps_error(&e);
        assert!(m.contains("以下权能未进入有效集：cap_setpcap。"), "{m}");
        let m = ignored_effective(CapSet::from_caps([0, 5]));
        assert!(m.contains("：cap_chown、cap_kill（"), "{m}");
        for t in [m, file_caps_error(&e)] {
            assert_eq!(spacing_error(&t), None, "{t}");
        }
    }
}

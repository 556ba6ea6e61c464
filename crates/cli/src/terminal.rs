//! Columns in a terminal: a CJK character takes two columns, so padding
//! by `{:<8}` (which counts characters) misaligns Chinese labels.

/// How many terminal columns `text` takes: two for East Asian wide
/// characters (CJK ideographs, full-width forms and punctuation), one for
/// the rest.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{303e}'
        | '\u{3041}'..='\u{33ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{a000}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}')
}

/// `text` followed by spaces up to `columns` terminal columns (nothing
/// added when it is already as wide or wider).
pub fn pad(text: &str, columns: usize) -> String {
    let mut out = text.to_string();
    out.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(width(text)),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("high"), 4);
        assert_eq!(width("严重"), 4);
        assert_eq!(width("低（2）"), 7);
        assert_eq!(pad("严重", 8), "严重    ");
        assert_eq!(pad("critical", 8), "critical");
        assert_eq!(pad("低", 8).len(), "低".len() + 6);
    }
}

//! Both languages' files hold exactly the core's steps and each step's
//! keys; the Chinese one reads as Chinese (glossary §7).

use super::*;
use crate::style::{english_run, spacing_error};
use caplens_core::workshop::steps;

const EN: &str = include_str!("../../text/en/workshop.txt");
const ZH: &str = include_str!("../../text/zh-cn/workshop.txt");

/// The sections' ids and each section's keys, in file order.
fn shape(text: &str) -> Vec<(String, Vec<String>)> {
    let t = Texts::new(text.to_string());
    t.ids()
        .into_iter()
        .map(|id| {
            let keys = t.section(id).unwrap().map(|(k, _)| k.to_string());
            (id.to_string(), keys.collect())
        })
        .collect()
}

fn expected() -> Vec<(String, Vec<String>)> {
    steps()
        .iter()
        .map(|s| {
            let keys = keys(s).into_iter().map(String::from).collect();
            (s.id.to_string(), keys)
        })
        .collect()
}

#[test]
fn both_files_have_the_cores_steps_and_keys() {
    assert_eq!(shape(EN), expected());
    assert_eq!(shape(ZH), expected());
    for text in [EN, ZH] {
        for line in text.lines() {
            let ok = line.is_empty()
                || line.starts_with("# ")
                || line
                    .split_once(": ")
                    .is_some_and(|(_, v)| !v.trim().is_empty());
            assert!(ok, "not a heading, a `key: text` line or blank: {line:?}");
        }
    }
}

#[test]
fn the_english_sentences_end_as_sentences() {
    let t = Texts::new(EN.to_string());
    for s in steps() {
        for key in ["question", "lesson", "misconception"] {
            let v = t.get(s.id, key).unwrap();
            assert!(v.ends_with(['.', '?', '"']), "{} {key}: {v}", s.id);
            assert!(!v.contains("  "), "{} {key}", s.id);
        }
    }
}

#[test]
fn the_chinese_file_reads_as_chinese() {
    let (en, zh) = (Texts::new(EN.to_string()), Texts::new(ZH.to_string()));
    for s in steps() {
        for key in keys(s) {
            let v = zh.get(s.id, key).unwrap();
            let at = format!("{} {key}: {v}", s.id);
            assert_eq!(english_run(v), None, "{at}");
            assert_eq!(spacing_error(v), None, "{at}");
            assert!(!v.contains('您'), "{at}");
            // Code stays exactly as the English has it.
            let e = en.get(s.id, key).unwrap();
            for code in e.split('`').skip(1).step_by(2) {
                assert!(v.contains(&format!("`{code}`")), "{at} lacks `{code}`");
            }
        }
    }
}

#[test]
fn answers_are_worded_in_both_languages() {
    use caplens_core::set::CapSet;
    let two = CapSet::single(12).with(25);
    assert_eq!(en::answer(&Answer::Names(two)), "NET_ADMIN, SYS_TIME");
    assert_eq!(en::answer(&Answer::Mask(two)), "0000000002001000");
    assert_eq!(zh_cn::answer(&Answer::Count(27)), "27 个权能");
    assert_eq!(zh_cn::answer(&Answer::Starts(false)), "execve 失败：EPERM");
    for s in steps() {
        for c in s.choices {
            let z = zh_cn::answer(c);
            assert_eq!(spacing_error(&z), None, "{z}");
            assert_ne!(z, "", "{}", s.id);
        }
    }
}

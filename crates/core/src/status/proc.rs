//! `/proc/PID/status`: the whole file, or `CapXxx:` lines alone (as
//! `grep Cap /proc/1/status` prints them, with file names when several
//! files are searched).

use super::{
    column_of, error, mask_at, Builder, Ids, InputError, InputErrorKind, Line, SeccompMode, SetKind,
};

/// Lines a whole `/proc/PID/status` has and `grep Cap` output does not.
const STATUS_ONLY_KEYS: &[&str] = &[
    "Name",
    "State",
    "Tgid",
    "Pid",
    "PPid",
    "Umask",
    "TracerPid",
    "FDSize",
    "Threads",
];

/// `grep Cap /proc/*/status` prefixes each line with the file name.
pub(super) fn strip_grep_prefix(trimmed: &str) -> &str {
    if trimmed.starts_with('/') {
        if let Some(pos) = trimmed.find("status:") {
            return &trimmed[pos + "status:".len()..];
        }
    }
    trimmed
}

/// A `Key:<tab>value` line. Ok(false): not one.
pub(super) fn read_line(b: &mut Builder, l: &Line) -> Result<bool, InputError> {
    let Some(colon) = l.body.find(':') else {
        return Ok(false);
    };
    let key = &l.body[..colon];
    if !is_status_key(key) {
        return Ok(false);
    }
    let value = &l.body[colon + 1..];
    let value_at = l.lead + colon + 1;
    if let Some(kind) = SetKind::from_proc_key(key) {
        let caps = mask_at(value, l.full, value_at, l.no)?;
        b.saw_cap_lines = true;
        b.add(Some(kind), caps, l.no)?;
        return Ok(true);
    }
    if key.len() > 3 && key[..3].eq_ignore_ascii_case("cap") && key.len() <= 8 {
        return Err(error(
            InputErrorKind::UnknownCapKey {
                key: key.to_string(),
            },
            l.no,
            column_of(l.full, l.lead),
        ));
    }
    read_field(b, key, value, l, value_at)?;
    Ok(true)
}

/// The other fields worth showing next to the sets; the rest are skipped.
fn read_field(
    b: &mut Builder,
    key: &str,
    value: &str,
    l: &Line,
    value_at: usize,
) -> Result<(), InputError> {
    let (line, no) = (l.full, l.no);
    match key {
        "NoNewPrivs" => {
            b.no_new_privs = Some(number_at::<u8>(value, line, value_at, no, key)? != 0);
        }
        "Seccomp" => {
            b.seccomp = Some(match number_at::<u8>(value, line, value_at, no, key)? {
                0 => SeccompMode::Disabled,
                1 => SeccompMode::Strict,
                _ => SeccompMode::Filter,
            });
        }
        "Uid" | "Gid" => {
            let ids = status_ids(value, line, value_at, no, key)?;
            if key == "Uid" {
                b.uid = Some(ids);
            } else {
                b.gid = Some(ids);
            }
        }
        k if STATUS_ONLY_KEYS.contains(&k) => b.saw_status_only = true,
        _ => {}
    }
    Ok(())
}

/// `/proc` keys: letters, digits, `_`, and parentheses (`Speculation_Store_Bypass`, `Cpus_allowed_list`).
fn is_status_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 40
        && key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '(' || c == ')')
}

fn number_at<T: std::str::FromStr>(
    value: &str,
    line: &str,
    at: usize,
    no: u32,
    field: &str,
) -> Result<T, InputError> {
    let lead = value.len() - value.trim_start().len();
    value.trim().parse::<T>().map_err(|_| {
        error(
            InputErrorKind::BadNumber {
                field: field.to_string(),
            },
            no,
            column_of(line, at + lead),
        )
    })
}

/// `Uid:\t0\t0\t0\t0`: real, effective, saved, filesystem.
fn status_ids(value: &str, line: &str, at: usize, no: u32, field: &str) -> Result<Ids, InputError> {
    let mut nums = Vec::new();
    let mut offset = 0;
    for word in value.split_whitespace().take(4) {
        let pos = value[offset..].find(word).map_or(offset, |p| p + offset);
        offset = pos + word.len();
        nums.push(Some(number_at::<u32>(word, line, at + pos, no, field)?));
    }
    nums.resize(4, None);
    Ok(Ids {
        real: nums[0],
        effective: nums[1],
        saved: nums[2],
        filesystem: nums[3],
    })
}

#[cfg(test)]
mod tests {
    use crate::status::testing::*;
    use crate::status::*;

    #[test]
    fn cap_lines() {
        let text = "CapInh:\t0000000000000000\nCapPrm:\t00000000a80425fb\nCapEff:\t00000000a80425fb\nCapBnd:\t00000000a80425fb\nCapAmb:\t0000000000000000\n";
        let r = ok(text);
        assert_eq!(r.source, SourceKind::CapLines);
        assert_eq!(r.sets.len(), 5);
        assert_eq!(r.get(SetKind::Inheritable), Some(CapSet::EMPTY));
        assert_eq!(r.get(SetKind::Bounding), Some(DOCKER));
        assert_eq!(r.sets[3].line, 4);
        assert!(r.notes.is_empty());
        assert_eq!(r.union(), DOCKER);
        // One line, odd spacing and case, in any order.
        let r = ok("  capbnd:   0000001fffffffff ");
        assert_eq!(r.get(SetKind::Bounding), Some(CapSet(0x1fffffffff)));
        let r = ok("CapEff: 1\nCapPrm: 3");
        assert_eq!(
            r.sets.iter().map(|e| e.kind).collect::<Vec<_>>(),
            vec![Some(SetKind::Permitted), Some(SetKind::Effective)]
        );
        // A shell prompt line is skipped with a note.
        let r = ok("root@3f2a:/# grep Cap /proc/1/status\nCapBnd:\t00000000a80425fb");
        assert_eq!(
            r.notes,
            vec![Note::IgnoredLines {
                lines: vec![1],
                total: 1
            }]
        );
        // Many skipped lines make one short note.
        let r = ok(&format!("CapEff: 0\n{}", "junk here\n".repeat(1000)));
        assert_eq!(
            r.notes,
            vec![Note::IgnoredLines {
                lines: vec![2, 3, 4, 5, 6],
                total: 1000
            }]
        );
        // The same value twice is fine; different values are not.
        assert_eq!(ok("CapEff: 1\nCapEff: 0x1").sets.len(), 1);
        let e = err("CapEff: 1\nCapPrm: 1\nCapEff: 3");
        assert_eq!(
            e,
            InputError {
                kind: InputErrorKind::Conflict {
                    kind: SetKind::Effective,
                    first_line: 1
                },
                line: 3,
                column: 1
            }
        );
    }

    #[test]
    fn whole_proc_status_of_this_machine() {
        let text = include_str!("../../../../tests/fixtures/proc_self_status_6.18.txt");
        let r = ok(text);
        assert_eq!(r.source, SourceKind::ProcStatus);
        assert_eq!(r.sets.len(), 5);
        assert_eq!(r.get(SetKind::Bounding), Some(CapSet(0x000001fffeffffff)));
        assert_eq!(r.get(SetKind::Ambient), Some(CapSet::EMPTY));
        assert_eq!(r.no_new_privs, Some(false));
        assert_eq!(r.seccomp, Some(SeccompMode::Disabled));
        assert_eq!(
            r.uid,
            Some(Ids {
                real: Some(0),
                effective: Some(0),
                saved: Some(0),
                filesystem: Some(0)
            })
        );
        assert_eq!(r.gid.map(|g| g.filesystem), Some(Some(0)));
        assert!(r.notes.is_empty(), "{:?}", r.notes);
    }

    #[test]
    fn proc_status_from_a_container() {
        let text = "Name:\tsh\nUmask:\t0022\nState:\tS (sleeping)\nPid:\t1\nUid:\t1000\t1000\t1000\t1000\nGid:\t0\t0\t0\t0\n\
CapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t00000000a80425fb\nCapAmb:\t0000000000000000\n\
NoNewPrivs:\t1\nSeccomp:\t2\nSeccomp_filters:\t1\nSpeculation_Store_Bypass:\tthread force mitigated\nCpus_allowed_list:\t0-1\n";
        let r = ok(text);
        assert_eq!(r.source, SourceKind::ProcStatus);
        assert_eq!(r.no_new_privs, Some(true));
        assert_eq!(r.seccomp, Some(SeccompMode::Filter));
        assert_eq!(r.uid.and_then(|u| u.effective), Some(1000));
        assert_eq!(r.get(SetKind::Bounding), Some(DOCKER));
        let e = err("Name:\tsh\nNoNewPrivs:\tyes\nCapEff:\t0");
        assert_eq!(
            e,
            InputError {
                kind: InputErrorKind::BadNumber {
                    field: "NoNewPrivs".into()
                },
                line: 2,
                column: 13
            }
        );
        let e = err("Uid:\t0\tx\t0\t0\nCapEff: 0");
        assert_eq!((e.line, e.column), (1, 8));
    }

    #[test]
    fn grep_over_several_files() {
        let r = ok(
            "/proc/1/status:CapEff:\t00000000a80425fb\n/proc/1/status:CapBnd:\t00000000a80425fb",
        );
        assert_eq!(r.source, SourceKind::CapLines);
        assert_eq!(r.get(SetKind::Effective), Some(DOCKER));
        let e = err("/proc/1/status:CapEff:\t1\n/proc/7/status:CapEff:\t0");
        assert_eq!(
            e.kind,
            InputErrorKind::Conflict {
                kind: SetKind::Effective,
                first_line: 1
            }
        );
        let e = err("/proc/1/status:CapEff:\tzz");
        assert_eq!((e.line, e.column), (1, 24));
    }
}

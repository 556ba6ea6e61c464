//! `capsh --print` output, of old libcap (no Ambient line, names as numbers
//! when libcap is older than the kernel) and new.

use super::{
    cap_text, column_of, error, Builder, Ids, InputError, InputErrorKind, Line, Note, SetKind,
};
use crate::exec::Securebits;
use crate::mask;
use crate::set::CapSet;

/// Lines capsh prints that carry nothing shown here, but do say it was capsh.
const OTHER_LINES: &[&str] = &[
    "Current IAB:",
    "secure-",
    "prctl-keep-caps:",
    "[Securebits ABI not supported]",
    "[Keepcaps ABI not supported]",
    "groups=",
    "Guessed mode:",
];

/// Ok(false): not a line of `capsh --print`.
pub(super) fn read_line(b: &mut Builder, l: &Line) -> Result<bool, InputError> {
    let trimmed = l.body;
    if read_set_line(b, l)? {
        return Ok(true);
    }
    if let Some(rest) = trimmed.strip_prefix("Current:") {
        let at = l.lead + "Current:".len();
        b.saw_capsh_print = true;
        cap_text::add_text_sets(b, rest, l.full, at, l.no)?;
        return Ok(true);
    }
    if let Some(rest) = trimmed.strip_prefix("Securebits:") {
        b.saw_capsh_print = true;
        parse_securebits(b, rest);
        return Ok(true);
    }
    if trimmed.starts_with("WARNING: libcap needs an update") {
        // capsh prints this (before anything else) when the kernel has
        // capabilities libcap cannot name; they then appear as numbers.
        b.notes.push(Note::LibcapOlderThanKernel { line: l.no });
        return Ok(true);
    }
    if OTHER_LINES.iter().any(|p| trimmed.starts_with(p)) {
        b.saw_capsh_print = true;
        return Ok(true);
    }
    if trimmed.starts_with("uid=") || trimmed.starts_with("gid=") {
        b.saw_capsh_print = true;
        parse_capsh_ids(b, trimmed);
        return Ok(true);
    }
    Ok(false)
}

/// `Bounding set =…` and `Ambient set =…`: name lists.
fn read_set_line(b: &mut Builder, l: &Line) -> Result<bool, InputError> {
    for (prefix, kind) in [
        ("Bounding set =", SetKind::Bounding),
        ("Ambient set =", SetKind::Ambient),
    ] {
        if let Some(rest) = l.body.strip_prefix(prefix) {
            b.saw_capsh_print = true;
            // A kernel without this set (ambient before 4.3): nothing to show.
            if rest.trim() == "<unsupported>" {
                return Ok(true);
            }
            let at = l.lead + prefix.len();
            let caps = capsh_name_list(rest, l.full, at, l.no)?;
            b.add(Some(kind), caps, l.no)?;
            return Ok(true);
        }
    }
    Ok(false)
}

/// `uid=0(root) euid=0(root)` or `gid=0(root)` from capsh --print.
fn parse_capsh_ids(b: &mut Builder, t: &str) {
    let mut ids = Ids::default();
    let is_gid = t.starts_with("gid=");
    for word in t.split_whitespace() {
        let Some((k, v)) = word.split_once('=') else {
            continue;
        };
        let n: Option<u32> = v.split('(').next().and_then(|s| s.parse().ok());
        match k {
            "uid" | "gid" => ids.real = n,
            "euid" | "egid" => ids.effective = n,
            _ => {}
        }
    }
    if is_gid {
        b.gid = Some(ids);
    } else {
        b.uid = Some(ids);
    }
}

/// `Securebits: 00/0x0/1'b0 (no-new-privs=0)`: octal/hex/binary of the same value.
fn parse_securebits(b: &mut Builder, rest: &str) {
    let rest = rest.trim();
    if let Some(hex) = rest.split('/').nth(1).and_then(|h| h.strip_prefix("0x")) {
        if let Ok(v) = u32::from_str_radix(hex, 16) {
            b.securebits = Some(Securebits(v));
        }
    }
    if let Some(pos) = rest.find("no-new-privs=") {
        let v = &rest[pos + "no-new-privs=".len()..];
        match v.chars().next() {
            Some('0') => b.no_new_privs = Some(false),
            Some('1') => b.no_new_privs = Some(true),
            _ => {}
        }
    }
}

/// `cap_chown,cap_kill,38` — the list capsh prints for Bounding/Ambient.
fn capsh_name_list(rest: &str, line: &str, at: usize, no: u32) -> Result<CapSet, InputError> {
    mask::parse_names(rest).map_err(|e| {
        error(
            InputErrorKind::BadName {
                item: e.item,
                error: e.kind,
            },
            no,
            column_of(line, at) + e.column - 1,
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::status::testing::*;
    use crate::status::*;

    #[test]
    fn capsh_print_2_66_of_this_machine() {
        let r = ok(include_str!(
            "../../../../tests/fixtures/capsh_print_2.66.txt"
        ));
        assert_eq!(r.source, SourceKind::CapshPrint);
        let all_but_resource = CapSet(0x000001fffeffffff);
        assert_eq!(r.get(SetKind::Permitted), Some(all_but_resource));
        assert_eq!(r.get(SetKind::Effective), Some(all_but_resource));
        assert_eq!(r.get(SetKind::Inheritable), Some(CapSet::EMPTY));
        assert_eq!(r.get(SetKind::Bounding), Some(all_but_resource));
        assert_eq!(r.get(SetKind::Ambient), Some(CapSet::EMPTY));
        assert_eq!(r.no_new_privs, Some(false));
        assert_eq!(r.securebits, Some(Securebits(0)));
        assert_eq!(
            r.uid,
            Some(Ids {
                real: Some(0),
                effective: Some(0),
                saved: None,
                filesystem: None
            })
        );
        assert_eq!(r.notes, vec![Note::AllMeansKernelCaps { line: 1 }]);
    }

    #[test]
    fn capsh_print_old_libcap() {
        // libcap 2.25 (Ubuntu 18.04) inside an old Docker container: Inheritable filled, no Ambient line.
        let text = "Current: = cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap+eip
Bounding set =cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap
Securebits: 00/0x0/1'b0
 secure-noroot: no (unlocked)
 secure-no-suid-fixup: no (unlocked)
 secure-keep-caps: no (unlocked)
uid=0(root)
gid=0(root)
groups=
";
        let r = ok(text);
        assert_eq!(r.source, SourceKind::CapshPrint);
        for k in [
            SetKind::Inheritable,
            SetKind::Permitted,
            SetKind::Effective,
            SetKind::Bounding,
        ] {
            assert_eq!(r.get(k), Some(DOCKER), "{k:?}");
        }
        assert_eq!(r.get(SetKind::Ambient), None);
        assert_eq!(r.no_new_privs, None);
        assert_eq!(
            r.uid,
            Some(Ids {
                real: Some(0),
                ..Ids::default()
            })
        );
        assert_eq!(
            r.notes,
            vec![Note::SetsNotShown {
                kinds: vec![SetKind::Ambient]
            }]
        );

        // Old capsh on a 3.x kernel printed WAKE_ALARM and BLOCK_SUSPEND as numbers.
        let r = ok("Current: = cap_chown+ep\nBounding set =cap_chown,cap_dac_override,cap_dac_read_search,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_linux_immutable,cap_net_bind_service,cap_net_broadcast,cap_net_admin,cap_net_raw,cap_ipc_lock,cap_ipc_owner,cap_sys_module,cap_sys_rawio,cap_sys_chroot,cap_sys_ptrace,cap_sys_pacct,cap_sys_admin,cap_sys_boot,cap_sys_nice,cap_sys_resource,cap_sys_time,cap_sys_tty_config,cap_mknod,cap_lease,cap_audit_write,cap_audit_control,cap_setfcap,cap_mac_override,cap_mac_admin,cap_syslog,35,36");
        assert_eq!(r.get(SetKind::Bounding), Some(CapSet(0x1fffffffff)));
        assert_eq!(r.get(SetKind::Effective), Some(CapSet::single(0)));
        assert_eq!(
            r.notes,
            vec![Note::SetsNotShown {
                kinds: vec![SetKind::Ambient]
            }]
        );

        let e = err("Current: =ep\nBounding set =cap_chown,cap_bogus");
        assert_eq!(
            e.kind,
            InputErrorKind::BadName {
                item: "cap_bogus".into(),
                error: NameErrorKind::UnknownName
            }
        );
        assert_eq!((e.line, e.column), (2, 25));
        let e = err("Current: cap_chown+xq");
        assert_eq!(
            e,
            InputError {
                kind: InputErrorKind::BadCapText {
                    clause: "cap_chown+xq".into(),
                    detail: Some(crate::text::TextErrorKind::BadFlag { found: 'x' })
                },
                line: 1,
                column: 20
            }
        );
    }

    #[test]
    fn capsh_print_on_old_kernels_and_libcaps() {
        // libcap 2.2x on a 3.10 kernel: warning first, numbers for 35 and 36,
        // and a kernel without ambient capabilities.
        let text = "WARNING: libcap needs an update (cap=36 should have a name).
Current: = cap_chown,cap_dac_override+ep
Bounding set =cap_chown,cap_dac_override,cap_dac_read_search,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_linux_immutable,cap_net_bind_service,cap_net_broadcast,cap_net_admin,cap_net_raw,cap_ipc_lock,cap_ipc_owner,cap_sys_module,cap_sys_rawio,cap_sys_chroot,cap_sys_ptrace,cap_sys_pacct,cap_sys_admin,cap_sys_boot,cap_sys_nice,cap_sys_resource,cap_sys_time,cap_sys_tty_config,cap_mknod,cap_lease,cap_audit_write,cap_audit_control,cap_setfcap,cap_mac_override,cap_mac_admin,cap_syslog,35,36
Ambient set = <unsupported>
[Securebits ABI not supported]
 prctl-keep-caps: no (locking not supported)
uid=0(root) euid=0(root)
gid=0(root)
groups=0(root)
";
        let r = ok(text);
        assert_eq!(r.source, SourceKind::CapshPrint);
        assert_eq!(r.get(SetKind::Bounding), Some(CapSet(0x1fffffffff)));
        assert_eq!(r.get(SetKind::Ambient), None);
        assert_eq!(r.securebits, None);
        assert_eq!(
            r.notes,
            vec![
                Note::SetsNotShown {
                    kinds: vec![SetKind::Ambient]
                },
                Note::LibcapOlderThanKernel { line: 1 }
            ]
        );
    }
}

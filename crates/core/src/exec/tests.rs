//! Hand-worked cases, one or more per rule of semantics.md §1.2 / §1.3.

use super::*;
use crate::cap::Cap;
use crate::set::CapSet;

// Numbers, because the cases pass them to the u8-taking CapSet and reason API.
const CHOWN: u8 = Cap::CHOWN.number();
const SETUID: u8 = Cap::SETUID.number();
const NET_ADMIN: u8 = Cap::NET_ADMIN.number();
const NET_RAW: u8 = Cap::NET_RAW.number();
const SYS_RESOURCE: u8 = Cap::SYS_RESOURCE.number();

/// This machine's kind of bounding set: everything up to 40 but CAP_SYS_RESOURCE.
fn bnd() -> CapSet {
    CapSet::first_n(41).without(SYS_RESOURCE)
}

fn root() -> ProcessState {
    ProcessState {
        uid: 0,
        euid: 0,
        suid: 0,
        permitted: bnd(),
        effective: bnd(),
        bounding: bnd(),
        ..Default::default()
    }
}

fn user(uid: u32) -> ProcessState {
    ProcessState {
        uid,
        euid: uid,
        suid: uid,
        bounding: bnd(),
        ..Default::default()
    }
}

fn caps(p: &[u8], i: &[u8], e: bool) -> ExecFile {
    ExecFile {
        caps: Some(FileCaps {
            permitted: CapSet::from_caps(p.iter().copied()),
            inheritable: CapSet::from_caps(i.iter().copied()),
            effective: e,
        }),
        ..Default::default()
    }
}

fn plain() -> ExecFile {
    ExecFile::default()
}

fn setuid_root() -> ExecFile {
    ExecFile {
        setuid_root: true,
        ..Default::default()
    }
}

fn ok(t: &Transition) -> ProcessState {
    *t.after()
        .unwrap_or_else(|| panic!("unexpected EPERM: {:?}", t.trace))
}

fn reason(t: &Transition, set: SetName, cap: u8) -> Why {
    t.reasons
        .iter()
        .find(|r| r.set == set && r.cap == cap)
        .unwrap_or_else(|| panic!("no reason for {set:?} {cap}"))
        .why
        .clone()
}

// §1.2 step 5: fE set and fP not fully granted -> EPERM, before the root rule.
#[test]
fn eperm_applies_to_root_too() {
    let t = execve(&root(), &caps(&[SYS_RESOURCE], &[], true));
    let r = t.outcome.unwrap_err();
    assert_eq!(r.missing, CapSet::single(SYS_RESOURCE));
    assert!(matches!(t.trace.last(), Some(Step::Refused(_))));
    assert!(!t.trace.iter().any(|s| matches!(s, Step::Root(_))));
    assert_eq!(
        reason(&t, SetName::Permitted, SYS_RESOURCE),
        Why::Absent(Lost::NotInBounding)
    );
}

// §1.2 step 5: without fE there is no check; root still gets X | pI (step 6).
#[test]
fn permitted_only_file_runs_as_root() {
    let t = execve(&root(), &caps(&[SYS_RESOURCE], &[], false));
    let a = ok(&t);
    assert_eq!(a.permitted, bnd());
    assert_eq!(a.effective, bnd());
    assert!(!a.permitted.contains(SYS_RESOURCE));
}

// §1.2 step 5: pI & fI can cover a bit the bounding set removed.
#[test]
fn inheritable_covers_bit_missing_from_bounding() {
    let mut s = user(1000);
    s.inheritable = CapSet::single(SYS_RESOURCE);
    let t = execve(&s, &caps(&[SYS_RESOURCE], &[SYS_RESOURCE], true));
    let a = ok(&t);
    assert_eq!(a.permitted, CapSet::single(SYS_RESOURCE));
    assert_eq!(a.effective, CapSet::single(SYS_RESOURCE));
    assert_eq!(
        reason(&t, SetName::Permitted, SYS_RESOURCE),
        Why::Permitted(vec![Source::FileInheritable])
    );
}

// §1.2 step 5 for a non-root user: +ep grants X & fP and sets pE' = pP'.
#[test]
fn user_runs_ping_with_ep() {
    let t = execve(&user(1000), &caps(&[NET_RAW], &[], true));
    let a = ok(&t);
    assert_eq!(a.permitted, CapSet::single(NET_RAW));
    assert_eq!(a.effective, CapSet::single(NET_RAW));
    assert_eq!(
        reason(&t, SetName::Permitted, NET_RAW),
        Why::Permitted(vec![Source::FileBounding])
    );
    assert_eq!(
        reason(&t, SetName::Effective, NET_RAW),
        Why::Effective(EffectiveCause::FileEffectiveBit)
    );
}

// The seed article's `cap_net_admin,cap_net_raw+p`: permitted but not effective.
#[test]
fn plus_p_alone_is_not_effective() {
    let t = execve(&user(1000), &caps(&[NET_ADMIN, NET_RAW], &[], false));
    let a = ok(&t);
    assert_eq!(a.permitted, CapSet::from_caps([NET_ADMIN, NET_RAW]));
    assert_eq!(a.effective, CapSet::EMPTY);
    assert_eq!(
        reason(&t, SetName::Effective, NET_RAW),
        Why::Absent(Lost::NotEffective(
            reasons::NoEffective::FileWithoutEffectiveBit
        ))
    );
}

// §1.2 step 6: root without file caps gets X | pI in P and E.
#[test]
fn root_rule_fills_from_bounding_and_inheritable() {
    let mut s = root();
    s.permitted = CapSet::single(CHOWN);
    s.effective = CapSet::single(CHOWN);
    s.inheritable = CapSet::single(NET_RAW);
    let t = execve(&s, &plain());
    let a = ok(&t);
    assert_eq!(a.permitted, bnd());
    assert_eq!(a.effective, bnd());
    assert_eq!(
        reason(&t, SetName::Permitted, NET_RAW),
        Why::Permitted(vec![Source::RootBounding, Source::RootInheritable])
    );
    assert_eq!(
        reason(&t, SetName::Effective, NET_RAW),
        Why::Effective(EffectiveCause::RootEuid)
    );
}

// §1.2 step 6: real uid 0 only -> P full, E not raised.
#[test]
fn real_root_only_gets_permitted_not_effective() {
    let mut s = root();
    s.euid = 1000;
    s.suid = 1000;
    s.effective = CapSet::EMPTY;
    let a = ok(&execve(&s, &plain()));
    assert_eq!(a.permitted, bnd());
    assert_eq!(a.effective, CapSet::EMPTY);
    assert_eq!(a.euid, 1000);
}

// §1.2 step 6 with SECBIT_NOROOT: root is treated like anyone else.
#[test]
fn noroot_root_gets_nothing() {
    let mut s = root();
    s.securebits = Securebits(Securebits::NOROOT);
    let t = execve(&s, &plain());
    let a = ok(&t);
    assert_eq!(a.permitted, CapSet::EMPTY);
    assert_eq!(a.effective, CapSet::EMPTY);
    assert_eq!(
        reason(&t, SetName::Permitted, CHOWN),
        Why::Absent(Lost::NorootSkipped)
    );
    // but file capabilities still work
    let a = ok(&execve(&s, &caps(&[NET_RAW], &[], true)));
    assert_eq!(a.permitted, CapSet::single(NET_RAW));
}

// §1.2 steps 2 and 6: a setuid-root binary run by a user gets X | pI, euid 0.
#[test]
fn setuid_root_run_by_user() {
    let t = execve(&user(1000), &setuid_root());
    let a = ok(&t);
    assert_eq!((a.uid, a.euid, a.suid), (1000, 0, 0));
    assert_eq!(a.permitted, bnd());
    assert_eq!(a.effective, bnd());
    // ids changed -> ambient cleared (step 10)
    assert!(t
        .trace
        .iter()
        .any(|s| matches!(s, Step::SetidCheck(SetidCheck { changed: true, .. }))));
}

// §1.2 step 6: setuid-root plus file caps, run by a user: file caps as they are.
#[test]
fn setuid_root_with_file_caps_uses_file_caps() {
    let mut f = caps(&[NET_RAW], &[], false);
    f.setuid_root = true;
    let t = execve(&user(1000), &f);
    let a = ok(&t);
    assert_eq!(a.euid, 0);
    assert_eq!(a.permitted, CapSet::single(NET_RAW));
    assert_eq!(a.effective, CapSet::EMPTY);
    assert!(t
        .trace
        .contains(&Step::Root(RootStep::FileCapsWin { setuid_bit: true })));
}

// §1.2 step 2: nosuid ignores the setuid bit and the file caps (step 3).
#[test]
fn nosuid_mount_ignores_both() {
    let mut f = caps(&[NET_RAW], &[], true);
    f.setuid_root = true;
    f.nosuid_mount = true;
    let t = execve(&user(1000), &f);
    let a = ok(&t);
    assert_eq!(a.euid, 1000);
    assert_eq!(a.permitted, CapSet::EMPTY);
    assert_eq!(
        reason(&t, SetName::Permitted, NET_RAW),
        Why::Absent(Lost::FileCapsIgnoredNosuid)
    );
}

// §1.2 step 8 (documented check): NNP caps root's pP' at the old pP.
#[test]
fn nnp_caps_root_at_old_permitted() {
    let mut s = root();
    s.permitted = CapSet::single(CHOWN);
    s.effective = CapSet::single(CHOWN);
    s.no_new_privs = true;
    let t = execve(&s, &plain());
    let a = ok(&t);
    assert_eq!(a.permitted, CapSet::single(CHOWN));
    assert_eq!(a.effective, CapSet::single(CHOWN));
    assert_eq!(
        reason(&t, SetName::Permitted, NET_RAW),
        Why::Absent(Lost::Downgraded(DowngradeCause::NoNewPrivs))
    );
}

// §1.2 step 8 (documented check): non-root + NNP + cap_net_admin=ep -> runs with nothing.
#[test]
fn nnp_user_file_caps_give_nothing() {
    let mut s = user(1000);
    s.no_new_privs = true;
    let a = ok(&execve(&s, &caps(&[NET_ADMIN], &[], true)));
    assert_eq!(a.permitted, CapSet::EMPTY);
    assert_eq!(a.effective, CapSet::EMPTY);
}

// §1.2 step 2: NNP ignores the setuid bit.
#[test]
fn nnp_ignores_setuid_bit() {
    let mut s = user(1000);
    s.no_new_privs = true;
    let t = execve(&s, &setuid_root());
    let a = ok(&t);
    assert_eq!(a.euid, 1000);
    assert_eq!(a.permitted, CapSet::EMPTY);
    assert!(t
        .trace
        .contains(&Step::SetuidBit(SetuidBit::IgnoredNoNewPrivs)));
}

// §1.2 step 8: euid reverts under NNP when the ids changed (only possible
// with the pre-2025 rule, or when a tracer is involved).
#[test]
fn downgrade_reverts_euid() {
    let mut s = user(1000);
    s.euid = 2000;
    s.suid = 2000;
    s.no_new_privs = true;
    let cur = ok(&execve(&s, &plain()));
    assert_eq!(
        cur.euid, 2000,
        "current rule: euid did not change, no downgrade"
    );
    let opts = ExecOptions {
        rule: SetidRule::Pre2025,
        ..Default::default()
    };
    let old = ok(&execve_with(&s, &plain(), &opts));
    assert_eq!(
        old.euid, 1000,
        "pre-2025: euid != old ruid counts as set-id, reverted"
    );
}

// §1.2 step 8: an unprivileged tracer cuts the gain; CAP_SETUID keeps the euid.
#[test]
fn unprivileged_tracer() {
    let opts = ExecOptions {
        tracer: Tracer::Unprivileged,
        ..Default::default()
    };
    let t = execve_with(&user(1000), &setuid_root(), &opts);
    let a = ok(&t);
    assert_eq!(a.euid, 1000);
    assert_eq!(a.permitted, CapSet::EMPTY);
    let mut s = user(1000);
    s.permitted = CapSet::single(SETUID);
    s.effective = CapSet::single(SETUID);
    let a = ok(&execve_with(&s, &setuid_root(), &opts));
    assert_eq!(a.euid, 0, "CAP_SETUID in pE and no NNP: euid kept");
    assert_eq!(a.permitted, CapSet::single(SETUID));
    let cap = ExecOptions {
        tracer: Tracer::Capable,
        ..Default::default()
    };
    assert_eq!(
        ok(&execve_with(&user(1000), &setuid_root(), &cap)).permitted,
        bnd()
    );
}

// §1.2 steps 10-12: ambient survives a plain exec and becomes P and E.
#[test]
fn ambient_survives_plain_exec() {
    let mut s = user(1000);
    s.inheritable = CapSet::single(NET_ADMIN);
    s.permitted = CapSet::single(NET_ADMIN);
    s.ambient = CapSet::single(NET_ADMIN);
    let t = execve(&s, &plain());
    let a = ok(&t);
    assert_eq!(a.ambient, CapSet::single(NET_ADMIN));
    assert_eq!(a.permitted, CapSet::single(NET_ADMIN));
    assert_eq!(a.effective, CapSet::single(NET_ADMIN));
    assert_eq!(
        reason(&t, SetName::Effective, NET_ADMIN),
        Why::EffectiveFromAmbient
    );
    assert_eq!(
        reason(&t, SetName::Permitted, NET_ADMIN),
        Why::Permitted(vec![Source::Ambient])
    );
}

// §1.2 step 10: any file caps (even empty) clear ambient.
#[test]
fn file_caps_clear_ambient() {
    let mut s = user(1000);
    s.inheritable = CapSet::single(NET_ADMIN);
    s.permitted = CapSet::single(NET_ADMIN);
    s.ambient = CapSet::single(NET_ADMIN);
    let t = execve(&s, &caps(&[], &[], false));
    let a = ok(&t);
    assert_eq!(a.ambient, CapSet::EMPTY);
    assert_eq!(a.permitted, CapSet::EMPTY);
    assert_eq!(
        reason(&t, SetName::Ambient, NET_ADMIN),
        Why::Absent(Lost::AmbientCleared {
            file_caps: true,
            setid: false
        })
    );
    // the file's inheritable set can bring it back through pI & fI
    let a = ok(&execve(&s, &caps(&[], &[NET_ADMIN], false)));
    assert_eq!(a.permitted, CapSet::single(NET_ADMIN));
    assert_eq!(a.effective, CapSet::EMPTY);
}

// §1.2 step 10 under the two setid rules: ruid 0, euid 1000 with ambient.
#[test]
fn setid_rules_differ_when_ruid_differs_from_euid() {
    let mut s = root();
    s.euid = 1000;
    s.suid = 1000;
    s.inheritable = CapSet::single(NET_RAW);
    s.effective = CapSet::EMPTY;
    s.ambient = CapSet::single(NET_RAW);
    let cur = ok(&execve(&s, &plain()));
    assert_eq!(cur.ambient, CapSet::single(NET_RAW));
    assert_eq!(cur.effective, CapSet::single(NET_RAW));
    let opts = ExecOptions {
        rule: SetidRule::Pre2025,
        ..Default::default()
    };
    let old = ok(&execve_with(&s, &plain(), &opts));
    assert_eq!(old.ambient, CapSet::EMPTY);
    assert_eq!(old.effective, CapSet::EMPTY);
}

// §1.2 steps 13-14.
#[test]
fn inheritable_bounding_kept_keep_caps_cleared() {
    let mut s = user(1000);
    s.inheritable = CapSet::single(CHOWN);
    s.bounding = CapSet::single(NET_RAW);
    s.securebits =
        Securebits(Securebits::KEEP_CAPS | Securebits::NOROOT | Securebits::NOROOT_LOCKED);
    let a = ok(&execve(&s, &plain()));
    assert_eq!(a.inheritable, CapSet::single(CHOWN));
    assert_eq!(a.bounding, CapSet::single(NET_RAW));
    assert_eq!(
        a.securebits,
        Securebits(Securebits::NOROOT | Securebits::NOROOT_LOCKED)
    );
}

// §1.2 step 6: effective-root-only process runs a file with caps: file caps win.
#[test]
fn effective_root_only_with_file_caps() {
    let mut s = root();
    s.uid = 1000;
    let a = ok(&execve(&s, &caps(&[NET_RAW], &[], false)));
    assert_eq!(a.permitted, CapSet::single(NET_RAW));
    assert_eq!(a.effective, CapSet::EMPTY);
}

// §1.2 step 16.
#[test]
fn secure_exec_flag() {
    let secure = |t: &Transition| {
        t.trace.iter().find_map(|s| match s {
            Step::SecureExec { secure, .. } => Some(*secure),
            _ => None,
        })
    };
    assert_eq!(secure(&execve(&user(1000), &plain())), Some(false));
    assert_eq!(
        secure(&execve(&user(1000), &caps(&[NET_RAW], &[], false))),
        Some(true)
    );
    assert_eq!(
        secure(&execve(&root(), &caps(&[NET_RAW], &[], true))),
        Some(false)
    );
    assert_eq!(secure(&execve(&user(1000), &setuid_root())), Some(true));
}

// §1.3: root -> non-root without KEEP_CAPS clears P, E, A.
#[test]
fn setresuid_drop_root() {
    let mut s = root();
    s.inheritable = CapSet::single(NET_RAW);
    s.ambient = CapSet::single(NET_RAW);
    let c = setresuid(&s, 1000, 1000, 1000);
    let a = c.outcome.unwrap();
    assert_eq!(
        (a.permitted, a.effective, a.ambient),
        (CapSet::EMPTY, CapSet::EMPTY, CapSet::EMPTY)
    );
    assert_eq!(a.inheritable, CapSet::single(NET_RAW));
    assert_eq!(a.bounding, bnd());
}

// §1.3: with KEEP_CAPS, P stays, E is cleared (euid left 0), A still cleared.
#[test]
fn setresuid_keep_caps() {
    let mut s = root();
    s.inheritable = CapSet::single(NET_RAW);
    s.ambient = CapSet::single(NET_RAW);
    s.securebits = Securebits(Securebits::KEEP_CAPS);
    let a = setresuid(&s, 1000, 1000, 1000).outcome.unwrap();
    assert_eq!(a.permitted, bnd());
    assert_eq!(a.effective, CapSet::EMPTY);
    assert_eq!(a.ambient, CapSet::EMPTY);
}

// §1.3: NO_SETUID_FIXUP leaves all sets alone.
#[test]
fn setresuid_no_fixup() {
    let mut s = root();
    s.securebits = Securebits(Securebits::NO_SETUID_FIXUP);
    let a = setresuid(&s, 1000, 1000, 1000).outcome.unwrap();
    assert_eq!(a.permitted, bnd());
    assert_eq!(a.effective, bnd());
}

// §1.3: euid to non-root with saved uid 0 keeps P; back to 0 restores E = P.
#[test]
fn seteuid_and_back() {
    let c = setresuid(&root(), 0, 1000, 0);
    let a = c.outcome.unwrap();
    assert_eq!(a.permitted, bnd());
    assert_eq!(a.effective, CapSet::EMPTY);
    // no CAP_SETUID effective now, but 0 is one of the current ids
    let b = setresuid(&a, 0, 0, 0);
    assert!(b.trace.contains(&UidStep::OwnIds));
    let b = b.outcome.unwrap();
    assert_eq!(b.effective, bnd());
    // an unrelated uid is refused
    assert_eq!(
        setresuid(&a, 0, 2000, 0).outcome.unwrap_err(),
        UidRefusal { not_own: 2000 }
    );
}

// setuid(2) without CAP_SETUID only moves the effective uid.
#[test]
fn setuid_unprivileged() {
    let mut s = user(1000);
    s.euid = 2000;
    let a = setuid(&s, 1000).outcome.unwrap();
    assert_eq!((a.uid, a.euid, a.suid), (1000, 1000, 1000));
    assert!(setuid(&s, 3000).outcome.is_err());
    let r = setuid(&root(), 1000).outcome.unwrap();
    assert_eq!(
        (r.uid, r.euid, r.suid, r.permitted),
        (1000, 1000, 1000, CapSet::EMPTY)
    );
}

// §1.3 fsuid: 0 -> non-0 drops the filesystem capabilities from E; back raises them from P.
#[test]
fn setfsuid_moves_filesystem_caps() {
    let c = setfsuid(&root(), 0, 1000);
    assert_eq!(c.fsuid_after, 1000);
    assert_eq!(c.after.effective, bnd().minus(FS_CAPS));
    assert_eq!(c.after.permitted, bnd());
    let back = setfsuid(&c.after, 1000, 0);
    assert_eq!(back.after.effective, bnd());
    // a user without CAP_SETUID cannot pick a foreign fsuid
    let u = setfsuid(&user(1000), 1000, 2000);
    assert_eq!(u.fsuid_after, 1000);
    assert!(u.trace.contains(&UidStep::FsuidNotChanged));
    assert_eq!(FS_CAPS.len(), 8);
}

/// Random states the kernel could hold; every reason must agree with the sets.
#[test]
fn reasons_agree_with_sets_and_invariants_hold() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand::rngs::StdRng::seed_from_u64(11);
    let mut r = |p: f64| {
        CapSet(
            (0..41)
                .filter(|_| rng.gen_bool(p))
                .fold(0u64, |m, b| m | 1 << b),
        )
    };
    for i in 0..2000 {
        let permitted = r(0.3);
        let inheritable = r(0.2);
        let ids = [0u32, 1000, 2000];
        let before = ProcessState {
            uid: ids[i % 3],
            euid: ids[(i / 3) % 3],
            suid: ids[(i / 9) % 3],
            inheritable,
            permitted,
            effective: permitted.intersect(r(0.7)),
            bounding: r(0.8),
            ambient: permitted.intersect(inheritable).intersect(r(0.5)),
            securebits: Securebits((i as u32 / 27) & 0xff),
            no_new_privs: i % 5 == 0,
        };
        let file = ExecFile {
            setuid_root: i % 4 == 0,
            caps: (i % 3 != 0).then(|| FileCaps {
                permitted: r(0.1),
                inheritable: r(0.1),
                effective: i % 2 == 0,
            }),
            nosuid_mount: i % 11 == 0,
        };
        let t = execve(&before, &file);
        let Ok(after) = &t.outcome else {
            let refusal = t.outcome.unwrap_err();
            assert!(!refusal.missing.is_empty());
            assert_eq!(t.reasons.len(), refusal.missing.len() as usize);
            continue;
        };
        assert!(after.effective.is_subset_of(after.permitted));
        assert!(after
            .ambient
            .is_subset_of(after.permitted.intersect(after.inheritable)));
        for set in SetName::ALL {
            let (b, a) = (before.get(set), after.get(set));
            for cap in b.union(a).iter() {
                let rs: Vec<_> = t
                    .reasons
                    .iter()
                    .filter(|x| x.set == set && x.cap == cap)
                    .collect();
                assert_eq!(rs.len(), 1, "{set:?} {cap}: {rs:?}");
                assert_eq!(
                    (rs[0].before, rs[0].after),
                    (b.contains(cap), a.contains(cap))
                );
                let absent = matches!(rs[0].why, Why::Absent(_));
                assert_eq!(absent, !a.contains(cap), "{set:?} {cap} {:?}", rs[0].why);
                if let Why::Permitted(by) = &rs[0].why {
                    assert!(!by.is_empty(), "{cap} in permitted without a source");
                }
            }
        }
    }
}

// The kernel's CAP_FS_SET, by name: the mask the table used to be written as.
#[test]
fn fs_caps_are_the_kernels_fs_set() {
    assert_eq!(super::uid::FS_CAPS.hex16(), "000000010800021f");
}

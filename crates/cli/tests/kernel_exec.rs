//! Differential test of the execve / setresuid simulator against the real
//! kernel. As root it compiles `tests/support/capexec.c`, which puts a child
//! process into each generated state, execs a copy of itself carrying the
//! generated file capabilities / set-uid bit (or calls setresuid), and
//! reports `/proc/self/status`, the securebits and AT_SECURE. Every result
//! is compared with `caplens_core::exec`. Exec scenarios also vary a shared
//! filesystem context (clone with CLONE_FS) and being traced
//! (PTRACE_TRACEME), the two unsafe-exec conditions besides no_new_privs;
//! uid scenarios cover setresuid, setuid and setfsuid.
//!
//! Not root (or no C compiler): the test reports "skipped: ..." on stderr
//! (written past the test harness's capture, so it always shows) and passes.
//!
//! Seed: `CAPLENS_EXEC_SEED=<n>` reproduces a run; otherwise one is chosen
//! from the clock and printed.

use caplens_core::exec::{
    execve_with, setfsuid, setresuid, setuid, DowngradeStep, EuidAfterDowngrade, ExecFile,
    ExecOptions, FileCaps, ProcessState, Securebits, SetidRule, Step, Tracer, Transition,
};
use caplens_core::set::CapSet;
use caplens_words::prelude::*;
use caplens_words::En;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const EXEC_SCENARIOS: usize = 700;
const CAP_SYS_PTRACE: u8 = caplens_core::cap::Cap::SYS_PTRACE.number();
const UID_SCENARIOS: usize = 200;
const SETUID_SCENARIOS: usize = 100;
const SETFSUID_SCENARIOS: usize = 100;

/// Written straight to stderr so `cargo test` shows it even for a passing test.
fn report(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    /// The file, shared fs, traced (PTRACE_TRACEME).
    Exec(ExecFile, bool, bool),
    Uid(u32, u32, u32),
    SetUid(u32),
    SetFsuid(u32),
}

#[derive(Clone, Copy, Debug)]
struct Scenario {
    id: usize,
    before: ProcessState,
    kind: Kind,
}

struct Machine {
    bounding: CapSet,
    permitted: CapSet,
    last_cap: u8,
}

fn status_field(status: &str, key: &str) -> Option<String> {
    status
        .lines()
        .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_string()))
}

fn hex(s: &str) -> Option<CapSet> {
    u64::from_str_radix(s, 16).ok().map(CapSet)
}

fn skip_reason() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let uid = status_field(&status, "Uid:").unwrap_or_default();
    let euid = uid.split_whitespace().nth(1).unwrap_or("?").to_string();
    if euid != "0" {
        return Some(format!(
            "needs root because it sets file capabilities, set-uid bits and arbitrary uids (euid here is {euid})"
        ));
    }
    let eff = status_field(&status, "CapEff:")
        .and_then(|h| hex(&h))
        .unwrap_or_default();
    for (cap, name) in [(7u8, "cap_setuid"), (8, "cap_setpcap"), (31, "cap_setfcap")] {
        if !eff.contains(cap) {
            return Some(format!(
                "needs root with {name} in the effective set to set up process states"
            ));
        }
    }
    if Command::new("cc")
        .arg("--version")
        .output()
        .map(|o| !o.status.success())
        .unwrap_or(true)
    {
        return Some("needs a C compiler (`cc`) to build the setup helper".to_string());
    }
    None
}

fn machine() -> Machine {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let last_cap = std::fs::read_to_string("/proc/sys/kernel/cap_last_cap")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(40);
    Machine {
        bounding: hex(&status_field(&status, "CapBnd:").unwrap()).unwrap(),
        permitted: hex(&status_field(&status, "CapPrm:").unwrap()).unwrap(),
        last_cap,
    }
}

/// A few capabilities per scenario, so the sets overlap often enough to be interesting.
fn pool(rng: &mut StdRng, last: u8) -> Vec<u8> {
    let mut p: Vec<u8> = (0..6).map(|_| rng.gen_range(0..=last)).collect();
    // CAP_SYS_RESOURCE is missing from this machine's bounding set: the EPERM case.
    if rng.gen_bool(0.3) {
        p.push(24);
    }
    p
}

fn pick(rng: &mut StdRng, pool: &[u8], within: CapSet) -> CapSet {
    let s = match rng.gen_range(0..4) {
        0 => CapSet::EMPTY,
        1 => within,
        2 => CapSet::from_caps(pool.iter().copied().filter(|_| rng.gen_bool(0.5))),
        _ => CapSet(
            (0..64)
                .filter(|_| rng.gen_bool(0.5))
                .fold(0u64, |m, b| m | 1 << b),
        ),
    };
    s.intersect(within)
}

fn gen_state(rng: &mut StdRng, m: &Machine, pool: &[u8]) -> ProcessState {
    const UIDS: [(u32, u32, u32); 9] = [
        (0, 0, 0),
        (0, 1000, 1000),
        (0, 1000, 0),
        (1000, 0, 0),
        (1000, 0, 1000),
        (1000, 1000, 1000),
        (1000, 2000, 2000),
        (1000, 2000, 1000),
        (2000, 1000, 0),
    ];
    let (uid, euid, suid) = UIDS[rng.gen_range(0..UIDS.len())];
    let bounding = match rng.gen_range(0..3) {
        0 => m.bounding,
        1 => CapSet::from_caps(pool.iter().copied())
            .intersect(m.bounding)
            .union(pick(rng, pool, m.bounding)),
        _ => m.bounding.minus(CapSet::from_caps(
            pool.iter().copied().filter(|_| rng.gen_bool(0.5)),
        )),
    };
    // Inheritable is raised while the bounding set is still the machine's.
    let inheritable = if rng.gen_bool(0.4) {
        CapSet::EMPTY
    } else {
        pick(rng, pool, m.bounding)
    };
    let permitted = match rng.gen_range(0..5) {
        0 => CapSet::EMPTY,
        1 => m.permitted,
        _ => pick(rng, pool, m.permitted),
    };
    let effective = match rng.gen_range(0..4) {
        0 | 1 => permitted,
        2 => CapSet::EMPTY,
        _ => pick(rng, pool, permitted),
    };
    let ambient = if rng.gen_bool(0.5) {
        pick(rng, pool, permitted.intersect(inheritable))
    } else {
        CapSet::EMPTY
    };
    let mut bits = 0u32;
    for (bit, lock) in [
        (Securebits::NOROOT, Securebits::NOROOT_LOCKED),
        (
            Securebits::NO_SETUID_FIXUP,
            Securebits::NO_SETUID_FIXUP_LOCKED,
        ),
        (Securebits::KEEP_CAPS, Securebits::KEEP_CAPS_LOCKED),
        (
            Securebits::NO_CAP_AMBIENT_RAISE,
            Securebits::NO_CAP_AMBIENT_RAISE_LOCKED,
        ),
    ] {
        if rng.gen_bool(0.2) {
            bits |= bit;
        }
        if rng.gen_bool(0.05) {
            bits |= lock;
        }
    }
    ProcessState {
        uid,
        euid,
        suid,
        inheritable,
        permitted,
        effective,
        bounding,
        ambient,
        securebits: Securebits(bits),
        no_new_privs: rng.gen_bool(0.3),
    }
}

fn gen_file(rng: &mut StdRng, m: &Machine, pool: &[u8], st: &ProcessState) -> ExecFile {
    let all = CapSet::first_n(m.last_cap + 1);
    let caps = if rng.gen_bool(0.55) {
        let mut permitted = pick(rng, pool, all);
        // Often ask for exactly what the bounding set lacks, to hit EPERM.
        if rng.gen_bool(0.2) {
            permitted = permitted.union(
                all.minus(st.bounding)
                    .intersect(CapSet::from_caps(pool.iter().copied())),
            );
        }
        let inheritable = if rng.gen_bool(0.3) {
            st.inheritable.intersect(permitted)
        } else {
            pick(rng, pool, all)
        };
        Some(FileCaps {
            permitted,
            inheritable,
            effective: rng.gen_bool(0.5),
        })
    } else {
        None
    };
    ExecFile {
        setuid_root: rng.gen_bool(0.3),
        caps,
        nosuid_mount: rng.gen_bool(0.08),
    }
}

fn line(s: &Scenario) -> String {
    let b = &s.before;
    let head = format!(
        "{} {} {} {} {} {:x} {:x} {:x} {:x} {:x} {} {}",
        match s.kind {
            Kind::Exec(..) => 'E',
            Kind::Uid(..) => 'U',
            Kind::SetUid(_) => 'S',
            Kind::SetFsuid(_) => 'F',
        },
        s.id,
        b.uid,
        b.euid,
        b.suid,
        b.inheritable.0,
        b.permitted.0,
        b.effective.0,
        b.bounding.0,
        b.ambient.0,
        b.securebits.0,
        b.no_new_privs as u8
    );
    match s.kind {
        Kind::Exec(f, shared, traced) => {
            let c = f.caps.unwrap_or_default();
            format!(
                "{head} {} {} {} {:x} {:x} {} {} {}",
                f.setuid_root as u8,
                f.nosuid_mount as u8,
                f.caps.is_some() as u8,
                c.permitted.0,
                c.inheritable.0,
                c.effective as u8,
                shared as u8,
                traced as u8
            )
        }
        Kind::Uid(r, e, s) => format!("{head} {r} {e} {s}"),
        Kind::SetUid(u) | Kind::SetFsuid(u) => format!("{head} {u}"),
    }
}

/// What the kernel printed for one scenario.
#[derive(Default, Debug)]
struct Block {
    pre: Vec<String>,
    post: Vec<String>,
}

fn parse_output(out: &str) -> (bool, BTreeMap<usize, Block>) {
    let mut nosuid = false;
    let mut blocks = BTreeMap::new();
    let mut cur: Option<(usize, Block)> = None;
    for l in out.lines() {
        if let Some(v) = l.strip_prefix("NOSUID ") {
            nosuid = v == "1";
        } else if let Some(id) = l.strip_prefix("BEGIN ") {
            cur = Some((id.parse().unwrap(), Block::default()));
        } else if let Some(id) = l.strip_prefix("END ") {
            let (cid, b) = cur.take().expect("END without BEGIN");
            assert_eq!(cid, id.parse::<usize>().unwrap());
            blocks.insert(cid, b);
        } else if let Some((_, b)) = cur.as_mut() {
            match l.strip_prefix("PRE ") {
                Some(p) => b.pre.push(p.to_string()),
                None => b.post.push(l.to_string()),
            }
        }
    }
    (nosuid, blocks)
}

/// The lines the helper prints for a state (same format as its output).
fn state_lines(s: &ProcessState) -> Vec<String> {
    state_lines_fsuid(s, s.euid)
}

fn state_lines_fsuid(s: &ProcessState, fsuid: u32) -> Vec<String> {
    vec![
        format!("Uid:\t{}\t{}\t{}\t{}", s.uid, s.euid, s.suid, fsuid),
        format!("CapInh:\t{}", s.inheritable.hex16()),
        format!("CapPrm:\t{}", s.permitted.hex16()),
        format!("CapEff:\t{}", s.effective.hex16()),
        format!("CapBnd:\t{}", s.bounding.hex16()),
        format!("CapAmb:\t{}", s.ambient.hex16()),
        format!("NoNewPrivs:\t{}", s.no_new_privs as u8),
        format!("Secbits:\t{}", s.securebits.0),
    ]
}

fn secure(t: &Transition) -> bool {
    t.trace
        .iter()
        .any(|s| matches!(s, Step::SecureExec { secure: true, .. }))
}

fn expected_exec(t: &Transition) -> Vec<String> {
    match &t.outcome {
        Err(_) => vec!["EXECERR 1".to_string()],
        Ok(a) => {
            let mut v = state_lines(a);
            v.push(format!("AtSecure:\t{}", secure(t) as u8));
            v
        }
    }
}

fn helper(dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/capexec.c");
    let bin = dir.join("capexec");
    let out = Command::new("cc")
        .args(["-O1", "-Wall", "-o"])
        .arg(&bin)
        .arg(&src)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cc failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    bin
}

fn describe(s: &Scenario) -> String {
    let b = &s.before;
    let mut d = format!(
        "scenario {}: uid {} euid {} suid {} pI {} pP {} pE {} X {} pA {} securebits {:#x} nnp {}",
        s.id,
        b.uid,
        b.euid,
        b.suid,
        b.inheritable,
        b.permitted,
        b.effective,
        b.bounding,
        b.ambient,
        b.securebits.0,
        b.no_new_privs
    );
    match s.kind {
        Kind::Exec(f, shared, traced) => {
            d += &format!(" | traced {traced}");
            d += &format!(
                " | file: setuid_root {} nosuid {} caps {:?} | shared fs {shared}",
                f.setuid_root, f.nosuid_mount, f.caps
            );
        }
        Kind::Uid(r, e, su) => d += &format!(" | setresuid({r}, {e}, {su})"),
        Kind::SetUid(u) => d += &format!(" | setuid({u})"),
        Kind::SetFsuid(u) => d += &format!(" | setfsuid({u})"),
    }
    d
}

/// The comparison's running totals: what differed, what could not be set up,
/// and how often each interesting situation came up.
#[derive(Default)]
struct Tally {
    mismatches: Vec<String>,
    setup_errors: Vec<String>,
    coverage: BTreeMap<&'static str, usize>,
    rules_differ: usize,
    pre2025_wrong: usize,
    compared: usize,
}

impl Tally {
    fn count(&self, k: &str) -> usize {
        self.coverage.get(k).copied().unwrap_or(0)
    }

    fn cover(&mut self, k: &'static str) {
        *self.coverage.entry(k).or_default() += 1;
    }
}

/// `CAPLENS_EXEC_SEED` if set, otherwise the clock.
fn choose_seed() -> u64 {
    std::env::var("CAPLENS_EXEC_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        })
}

/// The exec scenarios first, then setresuid, setuid and setfsuid ones.
fn gen_scenarios(rng: &mut StdRng, m: &Machine) -> Vec<Scenario> {
    let mut scenarios = Vec::new();
    for id in 0..EXEC_SCENARIOS + UID_SCENARIOS + SETUID_SCENARIOS + SETFSUID_SCENARIOS {
        let p = pool(rng, m.last_cap);
        let before = gen_state(rng, m, &p);
        let kind = gen_kind(rng, m, &p, &before, id);
        scenarios.push(Scenario { id, before, kind });
    }
    scenarios
}

fn gen_kind(rng: &mut StdRng, m: &Machine, p: &[u8], before: &ProcessState, id: usize) -> Kind {
    if id < EXEC_SCENARIOS {
        return Kind::Exec(
            gen_file(rng, m, p, before),
            rng.gen_bool(0.1),
            rng.gen_bool(0.1),
        );
    }
    let ids = [0, 1000, 2000, 3000, before.uid, before.euid, before.suid];
    let mut one = || ids[rng.gen_range(0..ids.len())];
    if id < EXEC_SCENARIOS + UID_SCENARIOS {
        Kind::Uid(one(), one(), one())
    } else if id < EXEC_SCENARIOS + UID_SCENARIOS + SETUID_SCENARIOS {
        Kind::SetUid(one())
    } else {
        Kind::SetFsuid(one())
    }
}

/// Builds the C helper in a fresh directory, feeds it every scenario and
/// returns what it printed.
fn run_helper(scenarios: &[Scenario]) -> String {
    let dir = std::env::temp_dir().join(format!("caplens-kernel-exec-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Non-root scenarios must be able to reach and execute the target.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = helper(&dir);
    let input: String = scenarios.iter().map(|s| line(s) + "\n").collect();
    let input_path = dir.join("scenarios.txt");
    std::fs::write(&input_path, input).unwrap();
    let out = Command::new(&bin)
        .arg("run")
        .arg(&dir)
        .stdin(Stdio::from(std::fs::File::open(&input_path).unwrap()))
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "helper failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(!text.contains("BADLINE"), "helper rejected input:\n{text}");
    text
}

fn compare_all(scenarios: &[Scenario], blocks: &BTreeMap<usize, Block>, m: &Machine) -> Tally {
    let mut tally = Tally::default();
    for s in scenarios {
        compare_one(s, blocks.get(&s.id), m, &mut tally);
    }
    tally
}

/// Checks one scenario's setup, then its outcome against the simulator.
fn compare_one(s: &Scenario, block: Option<&Block>, m: &Machine, tally: &mut Tally) {
    let Some(block) = block else {
        tally
            .setup_errors
            .push(format!("{}\n  no output", describe(s)));
        return;
    };
    if block.post.first().map(String::as_str) == Some("NOSUIDUNAVAILABLE") {
        return;
    }
    if block.pre != state_lines(&s.before) {
        tally.setup_errors.push(format!(
            "{}\n  wanted before: {:?}\n  got before:    {:?}\n  output: {:?}",
            describe(s),
            state_lines(&s.before),
            block.pre,
            block.post
        ));
        return;
    }
    tally.compared += 1;
    let b = &s.before;
    let (expected, words_trace) = match s.kind {
        Kind::Exec(f, shared_fs, traced) => {
            simulate_exec(b, &f, shared_fs, traced, &block.post, m, tally)
        }
        Kind::Uid(r, e, su) => {
            let c = setresuid(b, r, e, su);
            tally.cover("setresuid");
            let exp = match &c.outcome {
                Err(_) => vec!["SETRESUIDERR 1".to_string()],
                Ok(a) => state_lines(a),
            };
            (exp, c.trace.iter().map(|x| En.uid_step(x)).collect())
        }
        Kind::SetFsuid(u) => {
            let c = setfsuid(b, b.euid, u);
            tally.cover("setfsuid");
            (
                state_lines_fsuid(&c.after, c.fsuid_after),
                c.trace.iter().map(|x| En.uid_step(x)).collect(),
            )
        }
        Kind::SetUid(u) => {
            let c = setuid(b, u);
            tally.cover("setuid");
            let exp = match &c.outcome {
                Err(_) => vec!["SETRESUIDERR 1".to_string()],
                Ok(a) => state_lines(a),
            };
            (exp, c.trace.iter().map(|x| En.uid_step(x)).collect())
        }
    };
    if expected != block.post {
        tally.mismatches.push(format!(
            "{}\n  simulator: {:?}\n  kernel:    {:?}\n  trace:\n    {}",
            describe(s),
            expected,
            block.post,
            words_trace.join("\n    ")
        ));
    }
}

/// The simulator's prediction for an exec scenario (and its trace in words);
/// also counts whether the two set-id rules disagree and records coverage.
fn simulate_exec(
    b: &ProcessState,
    f: &ExecFile,
    shared_fs: bool,
    traced: bool,
    kernel: &[String],
    m: &Machine,
    tally: &mut Tally,
) -> (Vec<String>, Vec<String>) {
    // PTRACE_TRACEME records the tracee's own credentials as the tracer's.
    let tracer = match (traced, b.effective.contains(CAP_SYS_PTRACE)) {
        (false, _) => Tracer::None,
        (true, true) => Tracer::Capable,
        (true, false) => Tracer::Unprivileged,
    };
    let opts = ExecOptions {
        shared_fs,
        tracer,
        ..Default::default()
    };
    let t = execve_with(b, f, &opts);
    let old = execve_with(
        b,
        f,
        &ExecOptions {
            rule: SetidRule::Pre2025,
            ..opts
        },
    );
    let (e, o) = (expected_exec(&t), expected_exec(&old));
    if e != o {
        tally.rules_differ += 1;
        if o != kernel {
            tally.pre2025_wrong += 1;
        }
    }
    for c in exec_coverage(b, f, shared_fs, tracer, &t, m) {
        tally.cover(c);
    }
    (e, t.trace.iter().map(|x| En.step(x)).collect::<Vec<_>>())
}

/// The situations an exec scenario exercises, for the coverage counts.
fn exec_coverage(
    b: &ProcessState,
    f: &ExecFile,
    shared_fs: bool,
    tracer: Tracer,
    t: &Transition,
    m: &Machine,
) -> Vec<&'static str> {
    let mut cov = vec![
        "exec",
        match (b.uid == 0, b.euid == 0) {
            (true, true) => "root",
            (true, false) => "real-root-only",
            (false, true) => "effective-root-only",
            (false, false) => "non-root",
        },
    ];
    if f.setuid_root {
        cov.push("setuid-root file");
    }
    match f.caps {
        Some(c) if c.effective => cov.push("file caps +e"),
        Some(_) => cov.push("file caps without +e"),
        None => {}
    }
    if t.outcome.is_err() {
        cov.push("EPERM");
    }
    if f.nosuid_mount {
        cov.push("nosuid mount");
    }
    if !b.ambient.is_empty() {
        cov.push("ambient");
    }
    if b.bounding != m.bounding {
        cov.push("reduced bounding");
    }
    if b.no_new_privs {
        cov.push("no_new_privs");
    }
    if shared_fs {
        cov.push("shared fs");
    }
    match tracer {
        Tracer::None => {}
        Tracer::Capable => cov.push("traced, tracer capable"),
        Tracer::Unprivileged => cov.push("traced, tracer unprivileged"),
    }
    if t.trace.iter().any(|s| {
        matches!(
            s,
            Step::Downgrade(DowngradeStep::Applied {
                euid: EuidAfterDowngrade::KeptCapSetuid,
                ..
            })
        )
    }) {
        cov.push("euid kept by CAP_SETUID");
    }
    for (bit, name) in [
        (Securebits::NOROOT, "SECBIT_NOROOT"),
        (Securebits::NO_SETUID_FIXUP, "SECBIT_NO_SETUID_FIXUP"),
        (Securebits::KEEP_CAPS, "SECBIT_KEEP_CAPS"),
        (
            Securebits::NO_CAP_AMBIENT_RAISE,
            "SECBIT_NO_CAP_AMBIENT_RAISE",
        ),
    ] {
        if b.securebits.has(bit) {
            cov.push(name);
        }
    }
    cov
}

fn report_tally(tally: &Tally, have_nosuid: bool) {
    let Tally {
        mismatches,
        setup_errors,
        coverage,
        rules_differ,
        pre2025_wrong,
        compared,
    } = tally;
    report(&format!(
        "kernel_exec: {compared} scenarios compared ({} exec, {} setresuid, {} setuid, {} setfsuid), {} mismatches, {} setup errors; nosuid mount {}",
        tally.count("exec"),
        tally.count("setresuid"),
        tally.count("setuid"),
        tally.count("setfsuid"),
        mismatches.len(),
        setup_errors.len(),
        if have_nosuid { "available" } else { "unavailable" }
    ));
    report(&format!(
        "kernel_exec: {rules_differ} exec scenarios tell the set-id rules apart; the pre-2025 rule mispredicts {pre2025_wrong} of them"
    ));
    report(&format!("kernel_exec: coverage {coverage:?}"));
    for m in mismatches.iter().take(15) {
        report(&format!("MISMATCH {m}"));
    }
    for e in setup_errors.iter().take(10) {
        report(&format!("SETUP ERROR {e}"));
    }
}

fn assert_agreement(tally: &Tally) {
    let Tally {
        mismatches,
        setup_errors,
        compared,
        ..
    } = tally;
    assert!(
        setup_errors.is_empty(),
        "{} scenarios could not be set up",
        setup_errors.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} of {compared} scenarios differ from the kernel",
        mismatches.len()
    );
}

fn assert_coverage(tally: &Tally, have_nosuid: bool) {
    let Tally {
        coverage,
        rules_differ,
        pre2025_wrong,
        compared,
        ..
    } = tally;
    assert!(*compared >= 500, "only {compared} scenarios compared");
    for need in [
        "root",
        "real-root-only",
        "effective-root-only",
        "non-root",
        "setuid-root file",
        "file caps +e",
        "file caps without +e",
        "EPERM",
        "ambient",
        "reduced bounding",
        "no_new_privs",
        "SECBIT_NOROOT",
        "SECBIT_NO_SETUID_FIXUP",
        "SECBIT_KEEP_CAPS",
        "SECBIT_NO_CAP_AMBIENT_RAISE",
        "setresuid",
        "setuid",
        "shared fs",
    ] {
        assert!(
            coverage.get(need).copied().unwrap_or(0) >= 5,
            "too few scenarios for {need}: {coverage:?}"
        );
    }
    if have_nosuid {
        assert!(coverage.get("nosuid mount").copied().unwrap_or(0) >= 5);
    }
    assert!(
        *rules_differ > 0 && *pre2025_wrong > 0,
        "no scenario told the two set-id rules apart"
    );
}

#[test]
fn simulator_matches_kernel() {
    if let Some(why) = skip_reason() {
        report(&format!("kernel_exec: skipped: {why}"));
        return;
    }
    let seed = choose_seed();
    report(&format!(
        "kernel_exec: seed {seed} (CAPLENS_EXEC_SEED={seed} reproduces this run)"
    ));
    let m = machine();
    let mut rng = StdRng::seed_from_u64(seed);
    let scenarios = gen_scenarios(&mut rng, &m);
    let text = run_helper(&scenarios);
    let (have_nosuid, blocks) = parse_output(&text);
    let tally = compare_all(&scenarios, &blocks, &m);
    report_tally(&tally, have_nosuid);
    assert_agreement(&tally);
    assert_coverage(&tally, have_nosuid);
}

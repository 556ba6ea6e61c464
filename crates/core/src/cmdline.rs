//! `docker run` / `podman run` command lines → `ContainerSpec`.
//!
//! Pasted text is split the way a POSIX shell would (quotes, backslashes,
//! backslash-newline continuations, comments); pre-split argv (the CLI's
//! `caplens docker -- ARGS`) skips that step. Flags follow the engines'
//! option parser (pflag): `--flag=value` or `--flag value`, combined short
//! booleans (`-it`), `-u1000`, `--` ending options. The flag table must know
//! which options take a value, or the image would be mistaken; an unknown
//! option is an error rather than a guess.

use crate::container::{ContainerSpec, Flag, Location, SourceKind, Spelled, UserSpec};
use serde::Serialize;

/// Pastes larger than this are refused (a command line is never this long).
pub const MAX_TEXT: usize = 256 * 1024;
/// More words than this are refused.
pub const MAX_WORDS: usize = 20_000;

#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "error", rename_all = "kebab-case")]
pub enum CmdlineErrorKind {
    Empty,
    TooLong {
        max: usize,
    },
    TooManyWords {
        max: usize,
    },
    UnterminatedQuote {
        quote: char,
    },
    /// Not `docker run`, `podman run` or `... create` (found this word).
    NotARunCommand {
        found: String,
    },
    MissingValue {
        flag: String,
    },
    UnknownOption {
        flag: String,
    },
    /// The command ends (newline, `;`, `|`, `&`) before an image is named.
    NoImage,
    BadUser {
        value: String,
    },
    BadBool {
        flag: String,
        value: String,
    },
    BadSysctl {
        value: String,
    },
}

#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct CmdlineError {
    #[serde(flatten)]
    pub kind: CmdlineErrorKind,
    /// 1-based index of the word (argument) in the command, where known.
    pub arg: Option<usize>,
    pub line: Option<u32>,
    pub column: Option<u32>,
}

/// One shell word (or an operator that ends a command).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Word {
    pub text: String,
    /// `;`, `|`, `&`, or an unescaped newline: the command ends here.
    pub ends_command: bool,
    pub line: Option<u32>,
    pub column: Option<u32>,
}

fn err(kind: CmdlineErrorKind, line: Option<u32>, column: Option<u32>) -> CmdlineError {
    CmdlineError {
        kind,
        arg: None,
        line,
        column,
    }
}

/// Split pasted text into words like `sh` does (no expansions).
pub fn split_words(text: &str) -> Result<Vec<Word>, CmdlineError> {
    if text.len() > MAX_TEXT {
        return Err(err(CmdlineErrorKind::TooLong { max: MAX_TEXT }, None, None));
    }
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    let (mut line, mut col) = (1u32, 1u32);
    let mut i = 0;
    // The current word: text, start position, and whether anything (even
    // empty quotes) started it.
    let mut cur = String::new();
    let mut start: Option<(u32, u32)> = None;
    macro_rules! flush {
        () => {
            if let Some((l, c)) = start.take() {
                words.push(Word {
                    text: std::mem::take(&mut cur),
                    ends_command: false,
                    line: Some(l),
                    column: Some(c),
                });
                if words.len() > MAX_WORDS {
                    return Err(err(
                        CmdlineErrorKind::TooManyWords { max: MAX_WORDS },
                        Some(l),
                        Some(c),
                    ));
                }
            }
        };
    }
    while i < chars.len() {
        let ch = chars[i];
        match ch {
            '\\' => {
                // Continuation: backslash + newline (or CRLF) vanishes.
                if chars.get(i + 1) == Some(&'\n') {
                    i += 2;
                    line += 1;
                    col = 1;
                    continue;
                }
                if chars.get(i + 1) == Some(&'\r') && chars.get(i + 2) == Some(&'\n') {
                    i += 3;
                    line += 1;
                    col = 1;
                    continue;
                }
                start.get_or_insert((line, col));
                match chars.get(i + 1) {
                    Some(&n) => {
                        cur.push(n);
                        i += 2;
                        col += 2;
                    }
                    None => {
                        // A lone trailing backslash: keep it literally.
                        cur.push('\\');
                        i += 1;
                        col += 1;
                    }
                }
            }
            '\'' | '"' => {
                let (ql, qc) = (line, col);
                start.get_or_insert((line, col));
                i += 1;
                col += 1;
                loop {
                    let Some(&c) = chars.get(i) else {
                        return Err(err(
                            CmdlineErrorKind::UnterminatedQuote { quote: ch },
                            Some(ql),
                            Some(qc),
                        ));
                    };
                    i += 1;
                    col += 1;
                    if c == ch {
                        break;
                    }
                    if c == '\n' {
                        line += 1;
                        col = 1;
                    }
                    if ch == '"' && c == '\\' {
                        match chars.get(i) {
                            Some('\n') => {
                                i += 1;
                                line += 1;
                                col = 1;
                                continue;
                            }
                            Some(&n @ ('$' | '`' | '"' | '\\')) => {
                                cur.push(n);
                                i += 1;
                                col += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    cur.push(c);
                }
            }
            '#' if start.is_none() => {
                // A comment runs to the end of the line.
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            ' ' | '\t' | '\r' => {
                flush!();
                i += 1;
                col += 1;
            }
            '\n' | ';' | '|' | '&' => {
                flush!();
                words.push(Word {
                    text: ch.to_string(),
                    ends_command: true,
                    line: Some(line),
                    column: Some(col),
                });
                i += 1;
                if ch == '\n' {
                    line += 1;
                    col = 1;
                } else {
                    col += 1;
                }
            }
            _ => {
                start.get_or_insert((line, col));
                cur.push(ch);
                i += 1;
                col += 1;
            }
        }
    }
    flush!();
    Ok(words)
}

/// The result of parsing one `run` command.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct RunCommand {
    pub spec: ContainerSpec,
    pub image: String,
    pub command: Vec<String>,
}

/// How an option is used.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Arity {
    Bool,
    Value,
}

/// Long options of `docker run` and `podman run` that take a value.
const LONG_VALUE: &[&str] = &[
    "add-host",
    "annotation",
    "arch",
    "attach",
    "authfile",
    "blkio-weight",
    "blkio-weight-device",
    "cap-add",
    "cap-drop",
    "cert-dir",
    "cgroup-conf",
    "cgroup-parent",
    "cgroupns",
    "cgroups",
    "chrootdirs",
    "cidfile",
    "conmon-pidfile",
    "cpu-count",
    "cpu-percent",
    "cpu-period",
    "cpu-quota",
    "cpu-rt-period",
    "cpu-rt-runtime",
    "cpu-shares",
    "cpus",
    "cpuset-cpus",
    "cpuset-mems",
    "creds",
    "decryption-key",
    "detach-keys",
    "device",
    "device-cgroup-rule",
    "device-read-bps",
    "device-read-iops",
    "device-write-bps",
    "device-write-iops",
    "dns",
    "dns-opt",
    "dns-option",
    "dns-search",
    "domainname",
    "entrypoint",
    "env",
    "env-file",
    "env-merge",
    "expose",
    "gidmap",
    "gpus",
    "group-add",
    "group-entry",
    "health-cmd",
    "health-interval",
    "health-log-destination",
    "health-max-log-count",
    "health-max-log-size",
    "health-on-failure",
    "health-retries",
    "health-start-interval",
    "health-start-period",
    "health-startup-cmd",
    "health-startup-interval",
    "health-startup-retries",
    "health-startup-success",
    "health-startup-timeout",
    "health-timeout",
    "hostname",
    "hostuser",
    "hosts-file",
    "image-volume",
    "init-path",
    "io-maxbandwidth",
    "io-maxiops",
    "ip",
    "ip6",
    "ipc",
    "isolation",
    "kernel-memory",
    "label",
    "label-file",
    "link",
    "link-local-ip",
    "log-driver",
    "log-opt",
    "mac-address",
    "memory",
    "memory-reservation",
    "memory-swap",
    "memory-swappiness",
    "mount",
    "name",
    "net",
    "net-alias",
    "network",
    "network-alias",
    "oom-score-adj",
    "os",
    "passwd-entry",
    "personality",
    "pid",
    "pidfile",
    "pids-limit",
    "platform",
    "pod",
    "pod-id-file",
    "preserve-fd",
    "preserve-fds",
    "publish",
    "pull",
    "rdt-class",
    "requires",
    "restart",
    "retry",
    "retry-delay",
    "runtime",
    "sdnotify",
    "seccomp-policy",
    "secret",
    "security-opt",
    "shm-size",
    "shm-size-systemd",
    "stop-signal",
    "stop-timeout",
    "storage-opt",
    "subgidname",
    "subuidname",
    "sysctl",
    "systemd",
    "timeout",
    "tmpfs",
    "tz",
    "uidmap",
    "ulimit",
    "umask",
    "unsetenv",
    "user",
    "userns",
    "uts",
    "variant",
    "volume",
    "volume-driver",
    "volumes-from",
    "workdir",
];

/// Long boolean options (they accept `--flag=true|false`, never a separate value).
const LONG_BOOL: &[&str] = &[
    "detach",
    "disable-content-trust",
    "env-host",
    "help",
    "http-proxy",
    "init",
    "interactive",
    "no-healthcheck",
    "no-hosts",
    "oom-kill-disable",
    "passwd",
    "privileged",
    "publish-all",
    "quiet",
    "read-only",
    "read-only-tmpfs",
    "replace",
    "rm",
    "rmi",
    "rootfs",
    "sig-proxy",
    "tls-verify",
    "tty",
    "unsetenv-all",
    "use-api-socket",
];

fn short_arity(c: char) -> Option<(Arity, &'static str)> {
    Some(match c {
        'a' => (Arity::Value, "attach"),
        'c' => (Arity::Value, "cpu-shares"),
        'e' => (Arity::Value, "env"),
        'h' => (Arity::Value, "hostname"),
        'l' => (Arity::Value, "label"),
        'm' => (Arity::Value, "memory"),
        'p' => (Arity::Value, "publish"),
        'u' => (Arity::Value, "user"),
        'v' => (Arity::Value, "volume"),
        'w' => (Arity::Value, "workdir"),
        'd' => (Arity::Bool, "detach"),
        'i' => (Arity::Bool, "interactive"),
        't' => (Arity::Bool, "tty"),
        'P' => (Arity::Bool, "publish-all"),
        'q' => (Arity::Bool, "quiet"),
        _ => return None,
    })
}

fn long_arity(name: &str) -> Option<Arity> {
    if LONG_VALUE.contains(&name) {
        Some(Arity::Value)
    } else if LONG_BOOL.contains(&name) {
        Some(Arity::Bool)
    } else {
        None
    }
}

/// Global options that may come between `docker`/`podman` and `run`.
const GLOBAL_VALUE: &[&str] = &[
    "--config",
    "-c",
    "--context",
    "-H",
    "--host",
    "-l",
    "--log-level",
    "--tlscacert",
    "--tlscert",
    "--tlskey",
    "--root",
    "--runroot",
    "--url",
    "--connection",
    "--identity",
    "--storage-driver",
    "--storage-opt",
    "--cgroup-manager",
    "--runtime",
    "--events-backend",
    "--tmpdir",
    "--module",
    "--network-cmd-path",
    "--conmon",
    "--network-config-dir",
    "--volumepath",
    "--imagestore",
    "--hooks-dir",
    "--ssh",
];

/// Go's `strconv.ParseBool`.
fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

fn parse_user(v: &str) -> Option<UserSpec> {
    let u = v.split(':').next().unwrap_or("");
    if u.is_empty() {
        return if v.is_empty() {
            Some(UserSpec::Image)
        } else {
            None
        };
    }
    if u.bytes().all(|b| b.is_ascii_digit()) {
        return u.parse::<u32>().ok().map(UserSpec::Uid);
    }
    Some(UserSpec::Name(u.to_string()))
}

struct Parser {
    words: Vec<Word>,
    /// Index of the first word in the original command (for argument numbers).
    base: usize,
    pos: usize,
}

impl Parser {
    fn loc(&self, i: usize, flag: &str) -> Location {
        let w = &self.words[i];
        Location {
            document: None,
            path: format!("{flag} (argument {})", i + self.base),
            line: w.line,
            column: w.column,
        }
    }

    fn error_at(&self, i: usize, kind: CmdlineErrorKind) -> CmdlineError {
        let w = self.words.get(i);
        CmdlineError {
            kind,
            arg: Some(i + self.base),
            line: w.and_then(|w| w.line),
            column: w.and_then(|w| w.column),
        }
    }

    fn peek(&self) -> Option<&Word> {
        self.words.get(self.pos)
    }
}

/// Parse a pasted command (text as a user would type it in a shell).
pub fn parse_command(text: &str, default_engine: SourceKind) -> Result<RunCommand, CmdlineError> {
    let words = split_words(text)?;
    parse_words(words, default_engine)
}

/// Parse argv that a shell has already split (`caplens docker -- ARGS`).
pub fn parse_args(args: &[String], default_engine: SourceKind) -> Result<RunCommand, CmdlineError> {
    if args.len() > MAX_WORDS {
        return Err(err(
            CmdlineErrorKind::TooManyWords { max: MAX_WORDS },
            None,
            None,
        ));
    }
    let words = args
        .iter()
        .map(|a| Word {
            text: a.clone(),
            ends_command: false,
            line: None,
            column: None,
        })
        .collect();
    parse_words(words, default_engine)
}

fn is_env_assignment(s: &str) -> bool {
    match s.split_once('=') {
        Some((name, _)) => {
            !name.is_empty()
                && !name.starts_with(|c: char| c.is_ascii_digit())
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        }
        None => false,
    }
}

fn parse_words(words: Vec<Word>, default_engine: SourceKind) -> Result<RunCommand, CmdlineError> {
    let mut p = Parser {
        words,
        base: 1,
        pos: 0,
    };
    // Skip blank lines / separators before the command, a prompt, sudo, env.
    while p
        .peek()
        .is_some_and(|w| w.ends_command || w.text == "$" || w.text == "#")
    {
        p.pos += 1;
    }
    if p.peek().is_none() {
        return Err(err(CmdlineErrorKind::Empty, None, None));
    }
    if p.peek().is_some_and(|w| w.text == "sudo") {
        p.pos += 1;
        while p
            .peek()
            .is_some_and(|w| w.text.starts_with('-') && !w.ends_command)
        {
            p.pos += 1;
        }
    }
    while p.peek().is_some_and(|w| is_env_assignment(&w.text)) {
        p.pos += 1;
    }
    let mut engine = default_engine;
    let mut workload = match default_engine {
        SourceKind::PodmanRun => "podman run",
        _ => "docker run",
    };
    let spec_at_idx = p.pos;
    let first = p.peek().map(|w| w.text.clone()).unwrap_or_default();
    let prog = first.rsplit('/').next().unwrap_or("");
    let named_engine = match prog {
        "docker" => Some(SourceKind::DockerRun),
        "podman" => Some(SourceKind::PodmanRun),
        _ => None,
    };
    if let Some(e) = named_engine {
        engine = e;
        workload = if e == SourceKind::PodmanRun {
            "podman run"
        } else {
            "docker run"
        };
        p.pos += 1;
        // Global options before the subcommand.
        while let Some(w) = p.peek() {
            if w.ends_command || !w.text.starts_with('-') {
                break;
            }
            let t = w.text.clone();
            p.pos += 1;
            if t.contains('=') {
                continue;
            }
            if GLOBAL_VALUE.contains(&t.as_str()) {
                if p.peek().is_none_or(|w| w.ends_command) {
                    return Err(p.error_at(p.pos - 1, CmdlineErrorKind::MissingValue { flag: t }));
                }
                p.pos += 1;
            } else if !matches!(
                t.as_str(),
                "-D" | "--debug" | "--tls" | "--tlsverify" | "--remote" | "-r" | "--syslog"
            ) {
                return Err(p.error_at(p.pos - 1, CmdlineErrorKind::UnknownOption { flag: t }));
            }
        }
        if p.peek().is_some_and(|w| w.text == "container") {
            p.pos += 1;
        }
        match p.peek() {
            Some(w) if !w.ends_command && (w.text == "run" || w.text == "create") => p.pos += 1,
            Some(w) => {
                let found = if w.ends_command {
                    String::new()
                } else {
                    w.text.clone()
                };
                return Err(p.error_at(p.pos, CmdlineErrorKind::NotARunCommand { found }));
            }
            None => {
                return Err(p.error_at(
                    p.pos,
                    CmdlineErrorKind::NotARunCommand {
                        found: String::new(),
                    },
                ))
            }
        }
    } else if first == "run" || first == "create" {
        p.pos += 1;
    } else if p
        .words
        .get(p.pos + 1)
        .is_some_and(|w| w.text == "run" || w.text == "create")
    {
        // `nerdctl run ...` and the like: not an engine we model.
        return Err(p.error_at(p.pos, CmdlineErrorKind::NotARunCommand { found: first }));
    }

    let podman = engine == SourceKind::PodmanRun;
    let at = if spec_at_idx < p.words.len() {
        p.loc(spec_at_idx, workload)
    } else {
        Location::default()
    };
    let mut spec = ContainerSpec::unset(engine, workload, String::new(), at);
    let mut name = None;

    // Options until the image.
    let image_idx = loop {
        let Some(w) = p.peek() else {
            return Err(p.error_at(p.pos, CmdlineErrorKind::NoImage));
        };
        if w.ends_command {
            return Err(p.error_at(p.pos, CmdlineErrorKind::NoImage));
        }
        let t = w.text.clone();
        let idx = p.pos;
        p.pos += 1;
        if t == "--" {
            match p.peek() {
                Some(w) if !w.ends_command => {
                    p.pos += 1;
                    break p.pos - 1;
                }
                _ => return Err(p.error_at(p.pos, CmdlineErrorKind::NoImage)),
            }
        }
        if !t.starts_with('-') || t == "-" {
            break idx;
        }
        // (long name, inline value, display flag)
        let mut opts: Vec<(String, Option<String>, String)> = Vec::new();
        if let Some(long) = t.strip_prefix("--") {
            let (n, v) = match long.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (long.to_string(), None),
            };
            opts.push((n.clone(), v, format!("--{n}")));
        } else {
            // Short options, possibly combined (-it, -itu1000, -u=1000).
            let body: Vec<char> = t[1..].chars().collect();
            let mut j = 0;
            while j < body.len() {
                let c = body[j];
                let Some((ar, long)) = short_arity(c) else {
                    return Err(p.error_at(
                        idx,
                        CmdlineErrorKind::UnknownOption {
                            flag: format!("-{c}"),
                        },
                    ));
                };
                match ar {
                    Arity::Bool => {
                        opts.push((long.to_string(), None, format!("-{c}")));
                        j += 1;
                    }
                    Arity::Value => {
                        let rest: String = body[j + 1..].iter().collect();
                        let rest = rest.strip_prefix('=').map(str::to_string).unwrap_or(rest);
                        opts.push((
                            long.to_string(),
                            if rest.is_empty() { None } else { Some(rest) },
                            format!("-{c}"),
                        ));
                        break;
                    }
                }
            }
        }
        for (long, inline, shown) in opts {
            let Some(ar) = long_arity(&long) else {
                return Err(p.error_at(idx, CmdlineErrorKind::UnknownOption { flag: shown }));
            };
            let (value, vidx) = match (ar, inline) {
                (_, Some(v)) => (Some(v), idx),
                (Arity::Bool, None) => (None, idx),
                (Arity::Value, None) => match p.peek() {
                    Some(w) if !w.ends_command => {
                        let v = w.text.clone();
                        p.pos += 1;
                        (Some(v), p.pos - 1)
                    }
                    _ => {
                        return Err(p.error_at(idx, CmdlineErrorKind::MissingValue { flag: shown }))
                    }
                },
            };
            let at = p.loc(vidx, &shown);
            match (long.as_str(), ar) {
                ("cap-add" | "cap-drop", _) => {
                    let v = value.unwrap_or_default();
                    // Podman's option is a string slice (comma-separated,
                    // `StringSliceVar`); Docker's is a plain list
                    // (`flags.Var(&copts.capAdd, ...)`), so a comma stays in the name.
                    let parts: Vec<String> = if podman {
                        v.split(',').map(str::to_string).collect()
                    } else {
                        vec![v]
                    };
                    let list = if long == "cap-add" {
                        &mut spec.cap_add
                    } else {
                        &mut spec.cap_drop
                    };
                    // Column of each item: after `=` for `--cap-add=A,B`, plus
                    // the items before it in a comma list.
                    let lead = if vidx == idx {
                        t.find('=').map(|e| e as u32 + 1).unwrap_or(0)
                    } else {
                        0
                    };
                    let mut offset = 0u32;
                    for part in parts {
                        let mut a = at.clone();
                        a.column = a.column.map(|c| c + lead + offset);
                        offset += part.chars().count() as u32 + 1;
                        list.push(Spelled { text: part, at: a });
                    }
                }
                ("privileged", _) => {
                    let v = match value {
                        None => true,
                        Some(v) => parse_bool(&v).ok_or_else(|| {
                            p.error_at(
                                idx,
                                CmdlineErrorKind::BadBool {
                                    flag: shown.clone(),
                                    value: v,
                                },
                            )
                        })?,
                    };
                    spec.privileged = Some(Flag { value: v, at });
                }
                ("user", _) => {
                    let v = value.unwrap_or_default();
                    spec.user = parse_user(&v).ok_or_else(|| {
                        p.error_at(vidx, CmdlineErrorKind::BadUser { value: v.clone() })
                    })?;
                }
                ("security-opt", _) => {
                    let v = value.unwrap_or_default();
                    if v == "no-new-privileges" {
                        spec.no_new_privileges = Some(Flag { value: true, at });
                    } else if let Some(rest) = v
                        .strip_prefix("no-new-privileges")
                        .filter(|r| r.starts_with('=') || r.starts_with(':'))
                    {
                        let b = parse_bool(&rest[1..]).ok_or_else(|| {
                            p.error_at(
                                vidx,
                                CmdlineErrorKind::BadBool {
                                    flag: "--security-opt no-new-privileges".into(),
                                    value: rest[1..].to_string(),
                                },
                            )
                        })?;
                        spec.no_new_privileges = Some(Flag { value: b, at });
                    }
                }
                ("network" | "net", _) => {
                    spec.host_network = value.as_deref() == Some("host");
                }
                ("sysctl", _) => {
                    let v = value.unwrap_or_default();
                    match v.split_once('=') {
                        Some((k, val)) if !k.is_empty() => {
                            spec.sysctls.push((k.trim().to_string(), val.to_string()))
                        }
                        _ => return Err(p.error_at(vidx, CmdlineErrorKind::BadSysctl { value: v })),
                    }
                }
                ("name", _) => name = value,
                (_, Arity::Bool) => {
                    if let Some(v) = value {
                        if parse_bool(&v).is_none() {
                            return Err(p.error_at(
                                idx,
                                CmdlineErrorKind::BadBool {
                                    flag: shown,
                                    value: v,
                                },
                            ));
                        }
                    }
                }
                (_, Arity::Value) => {}
            }
        }
    };
    let image = p.words[image_idx].text.clone();
    let mut command = Vec::new();
    while let Some(w) = p.peek() {
        if w.ends_command {
            break;
        }
        command.push(w.text.clone());
        p.pos += 1;
    }
    spec.container = name.unwrap_or_else(|| image.clone());
    Ok(RunCommand {
        spec,
        image,
        command,
    })
}

#[cfg(test)]
#[path = "cmdline_tests.rs"]
mod tests;

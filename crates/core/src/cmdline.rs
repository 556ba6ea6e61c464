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
    let mut s = Splitter {
        chars: text.chars().collect(),
        i: 0,
        line: 1,
        col: 1,
        words: Vec::new(),
        cur: String::new(),
        start: None,
    };
    while let Some(&ch) = s.chars.get(s.i) {
        match ch {
            '\\' => s.backslash(),
            '\'' | '"' => s.quoted(ch)?,
            '#' if s.start.is_none() => s.comment(),
            ' ' | '\t' | '\r' => {
                s.flush()?;
                s.i += 1;
                s.col += 1;
            }
            '\n' | ';' | '|' | '&' => s.operator(ch)?,
            _ => {
                s.start.get_or_insert((s.line, s.col));
                s.cur.push(ch);
                s.i += 1;
                s.col += 1;
            }
        }
    }
    s.flush()?;
    Ok(s.words)
}

/// The state of `split_words`: where it is in the text, the words so far.
struct Splitter {
    chars: Vec<char>,
    i: usize,
    line: u32,
    col: u32,
    words: Vec<Word>,
    /// The current word: text, start position, and whether anything (even
    /// empty quotes) started it.
    cur: String,
    start: Option<(u32, u32)>,
}

impl Splitter {
    fn newline(&mut self) {
        self.line += 1;
        self.col = 1;
    }

    /// Ends the current word, if one was started.
    fn flush(&mut self) -> Result<(), CmdlineError> {
        if let Some((l, c)) = self.start.take() {
            self.words.push(Word {
                text: std::mem::take(&mut self.cur),
                ends_command: false,
                line: Some(l),
                column: Some(c),
            });
            if self.words.len() > MAX_WORDS {
                return Err(err(
                    CmdlineErrorKind::TooManyWords { max: MAX_WORDS },
                    Some(l),
                    Some(c),
                ));
            }
        }
        Ok(())
    }

    /// A backslash outside quotes: a continuation, or the next character literally.
    fn backslash(&mut self) {
        // Continuation: backslash + newline (or CRLF) vanishes.
        if self.chars.get(self.i + 1) == Some(&'\n') {
            self.i += 2;
            self.newline();
            return;
        }
        if self.chars.get(self.i + 1) == Some(&'\r') && self.chars.get(self.i + 2) == Some(&'\n') {
            self.i += 3;
            self.newline();
            return;
        }
        self.start.get_or_insert((self.line, self.col));
        match self.chars.get(self.i + 1) {
            Some(&n) => {
                self.cur.push(n);
                self.i += 2;
                self.col += 2;
            }
            None => {
                // A lone trailing backslash: keep it literally.
                self.cur.push('\\');
                self.i += 1;
                self.col += 1;
            }
        }
    }

    /// Text in single or double quotes, up to the closing quote.
    fn quoted(&mut self, quote: char) -> Result<(), CmdlineError> {
        let (ql, qc) = (self.line, self.col);
        self.start.get_or_insert((self.line, self.col));
        self.i += 1;
        self.col += 1;
        loop {
            let Some(&c) = self.chars.get(self.i) else {
                return Err(err(
                    CmdlineErrorKind::UnterminatedQuote { quote },
                    Some(ql),
                    Some(qc),
                ));
            };
            self.i += 1;
            self.col += 1;
            if c == quote {
                return Ok(());
            }
            if c == '\n' {
                self.newline();
            }
            if quote == '"' && c == '\\' && self.escape_in_double_quotes() {
                continue;
            }
            self.cur.push(c);
        }
    }

    /// After a backslash in double quotes: a continuation or one of the
    /// characters it escapes there (then true); otherwise it stays.
    fn escape_in_double_quotes(&mut self) -> bool {
        match self.chars.get(self.i) {
            Some('\n') => {
                self.i += 1;
                self.newline();
                true
            }
            Some(&n @ ('$' | '`' | '"' | '\\')) => {
                self.cur.push(n);
                self.i += 1;
                self.col += 1;
                true
            }
            _ => false,
        }
    }

    /// A comment runs to the end of the line.
    fn comment(&mut self) {
        while self.i < self.chars.len() && self.chars[self.i] != '\n' {
            self.i += 1;
        }
    }

    /// A newline, `;`, `|` or `&`: ends the word and the command.
    fn operator(&mut self, ch: char) -> Result<(), CmdlineError> {
        self.flush()?;
        self.words.push(Word {
            text: ch.to_string(),
            ends_command: true,
            line: Some(self.line),
            column: Some(self.col),
        });
        self.i += 1;
        if ch == '\n' {
            self.newline();
        } else {
            self.col += 1;
        }
        Ok(())
    }
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
            path: flag.to_string(),
            argument: Some(i + self.base),
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

/// The `workload` shown for a command run by this engine.
fn workload_of(engine: SourceKind) -> &'static str {
    match engine {
        SourceKind::PodmanRun => "podman run",
        _ => "docker run",
    }
}

/// One option as written: its long name, a value in the same word
/// (`--user=1000`, `-u1000`), and the spelling used (`-u`), for messages.
struct GivenOption {
    long: String,
    inline: Option<String>,
    shown: String,
}

/// An option with its value and where both were written.
struct Setting<'a> {
    long: String,
    arity: Arity,
    value: Option<String>,
    shown: String,
    /// Index of the option's word, and of its value's word (the same when inline).
    idx: usize,
    vidx: usize,
    /// The option's word (`--cap-add=A,B`), for the columns of inline values.
    word: &'a str,
}

impl Parser {
    /// Blank lines and separators before the command, a prompt, sudo (with
    /// its options), `NAME=value` environment assignments.
    fn skip_preamble(&mut self) -> Result<(), CmdlineError> {
        while self
            .peek()
            .is_some_and(|w| w.ends_command || w.text == "$" || w.text == "#")
        {
            self.pos += 1;
        }
        if self.peek().is_none() {
            return Err(err(CmdlineErrorKind::Empty, None, None));
        }
        if self.peek().is_some_and(|w| w.text == "sudo") {
            self.pos += 1;
            while self
                .peek()
                .is_some_and(|w| w.text.starts_with('-') && !w.ends_command)
            {
                self.pos += 1;
            }
        }
        while self.peek().is_some_and(|w| is_env_assignment(&w.text)) {
            self.pos += 1;
        }
        Ok(())
    }

    /// `docker`/`podman` with its global options and `run`/`create`, or
    /// `run` alone. The engine is the one named, else `default_engine`.
    fn read_engine(&mut self, default_engine: SourceKind) -> Result<SourceKind, CmdlineError> {
        let first = self.peek().map(|w| w.text.clone()).unwrap_or_default();
        let prog = first.rsplit('/').next().unwrap_or("");
        let named_engine = match prog {
            "docker" => Some(SourceKind::DockerRun),
            "podman" => Some(SourceKind::PodmanRun),
            _ => None,
        };
        if let Some(e) = named_engine {
            self.pos += 1;
            self.skip_global_options()?;
            self.read_run()?;
            return Ok(e);
        }
        if first == "run" || first == "create" {
            self.pos += 1;
        } else if self
            .words
            .get(self.pos + 1)
            .is_some_and(|w| w.text == "run" || w.text == "create")
        {
            // `nerdctl run ...` and the like: not an engine we model.
            return Err(self.error_at(self.pos, CmdlineErrorKind::NotARunCommand { found: first }));
        }
        Ok(default_engine)
    }

    /// Global options before the subcommand.
    fn skip_global_options(&mut self) -> Result<(), CmdlineError> {
        while let Some(w) = self.peek() {
            if w.ends_command || !w.text.starts_with('-') {
                break;
            }
            let t = w.text.clone();
            self.pos += 1;
            if t.contains('=') {
                continue;
            }
            if GLOBAL_VALUE.contains(&t.as_str()) {
                if self.peek().is_none_or(|w| w.ends_command) {
                    return Err(
                        self.error_at(self.pos - 1, CmdlineErrorKind::MissingValue { flag: t })
                    );
                }
                self.pos += 1;
            } else if !matches!(
                t.as_str(),
                "-D" | "--debug" | "--tls" | "--tlsverify" | "--remote" | "-r" | "--syslog"
            ) {
                return Err(
                    self.error_at(self.pos - 1, CmdlineErrorKind::UnknownOption { flag: t })
                );
            }
        }
        Ok(())
    }

    /// `[container] run` or `[container] create` after the engine.
    fn read_run(&mut self) -> Result<(), CmdlineError> {
        if self.peek().is_some_and(|w| w.text == "container") {
            self.pos += 1;
        }
        match self.peek() {
            Some(w) if !w.ends_command && (w.text == "run" || w.text == "create") => {
                self.pos += 1;
                Ok(())
            }
            Some(w) => {
                let found = if w.ends_command {
                    String::new()
                } else {
                    w.text.clone()
                };
                Err(self.error_at(self.pos, CmdlineErrorKind::NotARunCommand { found }))
            }
            None => Err(self.error_at(
                self.pos,
                CmdlineErrorKind::NotARunCommand {
                    found: String::new(),
                },
            )),
        }
    }

    /// Options until the image, applied to `spec`; returns the image's index.
    fn read_options(
        &mut self,
        spec: &mut ContainerSpec,
        name: &mut Option<String>,
    ) -> Result<usize, CmdlineError> {
        loop {
            let Some(w) = self.peek().filter(|w| !w.ends_command) else {
                return Err(self.error_at(self.pos, CmdlineErrorKind::NoImage));
            };
            let t = w.text.clone();
            let idx = self.pos;
            self.pos += 1;
            if t == "--" {
                return match self.peek() {
                    Some(w) if !w.ends_command => {
                        self.pos += 1;
                        Ok(self.pos - 1)
                    }
                    _ => Err(self.error_at(self.pos, CmdlineErrorKind::NoImage)),
                };
            }
            if !t.starts_with('-') || t == "-" {
                return Ok(idx);
            }
            for given in self.given_options(&t, idx)? {
                let setting = self.take_value(given, &t, idx)?;
                self.apply(setting, spec, name)?;
            }
        }
    }

    /// The options one word names: one long option, or combined short ones.
    fn given_options(&self, t: &str, idx: usize) -> Result<Vec<GivenOption>, CmdlineError> {
        let Some(long) = t.strip_prefix("--") else {
            return self.short_options(t, idx);
        };
        let (n, v) = match long.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (long.to_string(), None),
        };
        Ok(vec![GivenOption {
            shown: format!("--{n}"),
            long: n,
            inline: v,
        }])
    }

    /// Short options, possibly combined (-it, -itu1000, -u=1000).
    fn short_options(&self, t: &str, idx: usize) -> Result<Vec<GivenOption>, CmdlineError> {
        let mut opts = Vec::new();
        let body: Vec<char> = t[1..].chars().collect();
        let mut j = 0;
        while j < body.len() {
            let c = body[j];
            let Some((ar, long)) = short_arity(c) else {
                return Err(self.error_at(
                    idx,
                    CmdlineErrorKind::UnknownOption {
                        flag: format!("-{c}"),
                    },
                ));
            };
            match ar {
                Arity::Bool => {
                    opts.push(GivenOption {
                        long: long.to_string(),
                        inline: None,
                        shown: format!("-{c}"),
                    });
                    j += 1;
                }
                Arity::Value => {
                    let rest: String = body[j + 1..].iter().collect();
                    let rest = rest.strip_prefix('=').map(str::to_string).unwrap_or(rest);
                    opts.push(GivenOption {
                        long: long.to_string(),
                        inline: if rest.is_empty() { None } else { Some(rest) },
                        shown: format!("-{c}"),
                    });
                    break;
                }
            }
        }
        Ok(opts)
    }

    /// The option's value: written inline, or the next word if it takes one.
    fn take_value<'a>(
        &mut self,
        given: GivenOption,
        word: &'a str,
        idx: usize,
    ) -> Result<Setting<'a>, CmdlineError> {
        let GivenOption {
            long,
            inline,
            shown,
        } = given;
        let Some(arity) = long_arity(&long) else {
            return Err(self.error_at(idx, CmdlineErrorKind::UnknownOption { flag: shown }));
        };
        let (value, vidx) = match (arity, inline) {
            (_, Some(v)) => (Some(v), idx),
            (Arity::Bool, None) => (None, idx),
            (Arity::Value, None) => match self.peek() {
                Some(w) if !w.ends_command => {
                    let v = w.text.clone();
                    self.pos += 1;
                    (Some(v), self.pos - 1)
                }
                _ => return Err(self.error_at(idx, CmdlineErrorKind::MissingValue { flag: shown })),
            },
        };
        Ok(Setting {
            long,
            arity,
            value,
            shown,
            idx,
            vidx,
            word,
        })
    }

    /// Records what the option says about the container: one arm per option
    /// that matters here; the others' values are only checked.
    fn apply(
        &self,
        s: Setting,
        spec: &mut ContainerSpec,
        name: &mut Option<String>,
    ) -> Result<(), CmdlineError> {
        let at = self.loc(s.vidx, &s.shown);
        match (s.long.as_str(), s.arity) {
            ("cap-add" | "cap-drop", _) => add_caps(spec, &s, at),
            ("privileged", _) => {
                let v = match s.value {
                    None => true,
                    Some(v) => parse_bool(&v).ok_or_else(|| {
                        self.error_at(
                            s.idx,
                            CmdlineErrorKind::BadBool {
                                flag: s.shown.clone(),
                                value: v,
                            },
                        )
                    })?,
                };
                spec.privileged = Some(Flag { value: v, at });
            }
            ("user", _) => {
                let v = s.value.unwrap_or_default();
                spec.user = parse_user(&v).ok_or_else(|| {
                    self.error_at(s.vidx, CmdlineErrorKind::BadUser { value: v.clone() })
                })?;
            }
            ("security-opt", _) => {
                let v = s.value.unwrap_or_default();
                if let Some(flag) = self.no_new_privileges(&v, s.vidx, at)? {
                    spec.no_new_privileges = Some(flag);
                }
            }
            ("network" | "net", _) => {
                spec.host_network = s.value.as_deref() == Some("host");
            }
            ("sysctl", _) => {
                let v = s.value.unwrap_or_default();
                match v.split_once('=') {
                    Some((k, val)) if !k.is_empty() => {
                        spec.sysctls.push((k.trim().to_string(), val.to_string()))
                    }
                    _ => {
                        return Err(self.error_at(s.vidx, CmdlineErrorKind::BadSysctl { value: v }))
                    }
                }
            }
            ("name", _) => *name = s.value,
            (_, Arity::Bool) => {
                if let Some(v) = s.value {
                    if parse_bool(&v).is_none() {
                        return Err(self.error_at(
                            s.idx,
                            CmdlineErrorKind::BadBool {
                                flag: s.shown,
                                value: v,
                            },
                        ));
                    }
                }
            }
            (_, Arity::Value) => {}
        }
        Ok(())
    }

    /// `--security-opt no-new-privileges[=|:bool]`; other security options
    /// say nothing about it (`None`).
    fn no_new_privileges(
        &self,
        v: &str,
        vidx: usize,
        at: Location,
    ) -> Result<Option<Flag>, CmdlineError> {
        if v == "no-new-privileges" {
            return Ok(Some(Flag { value: true, at }));
        }
        let Some(rest) = v
            .strip_prefix("no-new-privileges")
            .filter(|r| r.starts_with('=') || r.starts_with(':'))
        else {
            return Ok(None);
        };
        let b = parse_bool(&rest[1..]).ok_or_else(|| {
            self.error_at(
                vidx,
                CmdlineErrorKind::BadBool {
                    flag: "--security-opt no-new-privileges".into(),
                    value: rest[1..].to_string(),
                },
            )
        })?;
        Ok(Some(Flag { value: b, at }))
    }
}

/// `--cap-add`/`--cap-drop`: each name with its own column.
fn add_caps(spec: &mut ContainerSpec, s: &Setting, at: Location) {
    let v = s.value.clone().unwrap_or_default();
    // Podman's option is a string slice (comma-separated,
    // `StringSliceVar`); Docker's is a plain list
    // (`flags.Var(&copts.capAdd, ...)`), so a comma stays in the name.
    let parts: Vec<String> = if spec.source == SourceKind::PodmanRun {
        v.split(',').map(str::to_string).collect()
    } else {
        vec![v]
    };
    let list = if s.long == "cap-add" {
        &mut spec.cap_add
    } else {
        &mut spec.cap_drop
    };
    // Column of each item: after `=` for `--cap-add=A,B`, plus
    // the items before it in a comma list.
    let lead = if s.vidx == s.idx {
        s.word.find('=').map(|e| e as u32 + 1).unwrap_or(0)
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

fn parse_words(words: Vec<Word>, default_engine: SourceKind) -> Result<RunCommand, CmdlineError> {
    let mut p = Parser {
        words,
        base: 1,
        pos: 0,
    };
    p.skip_preamble()?;
    let spec_at_idx = p.pos;
    let engine = p.read_engine(default_engine)?;
    let workload = workload_of(engine);
    let at = if spec_at_idx < p.words.len() {
        p.loc(spec_at_idx, workload)
    } else {
        Location::default()
    };
    let mut spec = ContainerSpec::unset(engine, workload, String::new(), at);
    let mut name = None;
    let image_idx = p.read_options(&mut spec, &mut name)?;
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

//! `docker run` / `podman run` parsing: every accepted form and bad input.

use super::*;

fn docker(text: &str) -> RunCommand {
    parse_command(text, SourceKind::DockerRun).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

fn texts(l: &[Spelled]) -> Vec<&str> {
    l.iter().map(|s| s.text.as_str()).collect()
}

#[test]
fn cap_add_forms() {
    let r = docker("docker run --cap-add NET_ADMIN --cap-add=sys_time --cap-add CAP_KILL --cap-drop ALL --cap-drop=all nginx");
    assert_eq!(
        texts(&r.spec.cap_add),
        ["NET_ADMIN", "sys_time", "CAP_KILL"]
    );
    assert_eq!(texts(&r.spec.cap_drop), ["ALL", "all"]);
    assert_eq!(r.image, "nginx");
    assert_eq!(r.spec.source, SourceKind::DockerRun);
    assert_eq!(r.spec.workload, "docker run");
    assert_eq!(r.spec.container, "nginx");
}

#[test]
fn docker_keeps_commas_podman_splits_them() {
    let r = docker("docker run --cap-add NET_ADMIN,SYS_TIME alpine");
    assert_eq!(texts(&r.spec.cap_add), ["NET_ADMIN,SYS_TIME"]);
    let r = parse_command(
        "podman run --cap-add=NET_ADMIN,SYS_TIME alpine",
        SourceKind::DockerRun,
    )
    .unwrap();
    assert_eq!(r.spec.source, SourceKind::PodmanRun);
    assert_eq!(texts(&r.spec.cap_add), ["NET_ADMIN", "SYS_TIME"]);
    // columns point at each item: `podman run --cap-add=` is 21 chars
    assert_eq!(r.spec.cap_add[0].at.column, Some(22));
    assert_eq!(r.spec.cap_add[1].at.column, Some(32));
}

#[test]
fn locations_have_argument_line_and_column() {
    let r = docker("docker run \\\n  --cap-add NET_ADMIN \\\n  busybox");
    let a = &r.spec.cap_add[0].at;
    assert_eq!(a.line, Some(2));
    assert_eq!(a.column, Some(13));
    assert_eq!((a.path.as_str(), a.argument), ("--cap-add", Some(4)));
}

#[test]
fn users() {
    assert_eq!(
        docker("docker run -u 1000 x").spec.user,
        UserSpec::Uid(1000)
    );
    assert_eq!(
        docker("docker run --user=1000:1000 x").spec.user,
        UserSpec::Uid(1000)
    );
    assert_eq!(docker("docker run -u0 x").spec.user, UserSpec::Uid(0));
    assert_eq!(
        docker("docker run -u=nginx x").spec.user,
        UserSpec::Name("nginx".into())
    );
    assert_eq!(
        docker("docker run --user nginx:www x").spec.user,
        UserSpec::Name("nginx".into())
    );
    assert_eq!(docker("docker run --user '' x").spec.user, UserSpec::Image);
    assert_eq!(docker("docker run x").spec.user, UserSpec::Image);
    let e = parse_command("docker run --user 99999999999 x", SourceKind::DockerRun).unwrap_err();
    assert_eq!(
        e.kind,
        CmdlineErrorKind::BadUser {
            value: "99999999999".into()
        }
    );
    assert_eq!(e.arg, Some(4));
}

#[test]
fn privileged_nnp_network_sysctl() {
    let r = docker("docker run --privileged --security-opt no-new-privileges --network host --sysctl net.ipv4.ip_unprivileged_port_start=80 x");
    assert!(r.spec.privileged.as_ref().unwrap().value);
    assert!(r.spec.no_new_privileges.as_ref().unwrap().value);
    assert!(r.spec.host_network);
    assert_eq!(
        r.spec.sysctls,
        vec![(
            "net.ipv4.ip_unprivileged_port_start".to_string(),
            "80".to_string()
        )]
    );
    let r =
        docker("docker run --privileged=false --security-opt=no-new-privileges:true --net=host x");
    assert!(!r.spec.privileged.unwrap().value);
    assert!(r.spec.no_new_privileges.unwrap().value);
    assert!(r.spec.host_network);
    let r = docker("docker run --security-opt no-new-privileges=false --security-opt seccomp=unconfined --network bridge x");
    assert!(!r.spec.no_new_privileges.unwrap().value);
    assert!(!r.spec.host_network);
}

#[test]
fn other_options_are_skipped_with_their_values() {
    let r = docker("docker run -d --rm -it -p 8080:80 -v /a:/b -e A=1 --name web --restart=always -w /srv --label a=b nginx:1.27 nginx -g 'daemon off;'");
    assert_eq!(r.image, "nginx:1.27");
    assert_eq!(r.command, ["nginx", "-g", "daemon off;"]);
    assert_eq!(r.spec.container, "web");
    // combined short booleans ending in a value option
    let r = docker("docker run -itu 1000 alpine sh");
    assert_eq!(r.spec.user, UserSpec::Uid(1000));
    assert_eq!(r.image, "alpine");
    // flags after the image belong to the command
    let r = docker("docker run alpine --cap-add SYS_ADMIN");
    assert!(r.spec.cap_add.is_empty());
    assert_eq!(r.command, ["--cap-add", "SYS_ADMIN"]);
    // `--` ends options
    let r = docker("docker run --rm -- -weird-image");
    assert_eq!(r.image, "-weird-image");
}

#[test]
fn prefixes_prompts_sudo_env_globals_and_container_subcommand() {
    let r = docker(
        "$ sudo -E DOCKER_HOST=x docker --context prod container run --cap-add NET_RAW alpine",
    );
    assert_eq!(texts(&r.spec.cap_add), ["NET_RAW"]);
    let r = docker("/usr/bin/podman --log-level=debug create --cap-add NET_RAW alpine");
    assert_eq!(r.spec.source, SourceKind::PodmanRun);
    // already split argv without the program name
    let args: Vec<String> = ["run", "--cap-add", "NET_ADMIN", "-u", "1000", "busybox"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let r = parse_args(&args, SourceKind::PodmanRun).unwrap();
    assert_eq!(r.spec.source, SourceKind::PodmanRun);
    let at = &r.spec.cap_add[0].at;
    assert_eq!((at.path.as_str(), at.argument), ("--cap-add", Some(3)));
    assert_eq!(r.spec.cap_add[0].at.line, None);
    let args: Vec<String> = ["--cap-add=SYS_ADMIN", "perf"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        parse_args(&args, SourceKind::DockerRun).unwrap().image,
        "perf"
    );
}

#[test]
fn shell_quoting() {
    let w = split_words("a 'b c' \"d \\\"e\\\" $f\" g\\ h '' # comment\nnext").unwrap();
    let t: Vec<&str> = w.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(t, ["a", "b c", "d \"e\" $f", "g h", "", "\n", "next"]);
    assert!(w[5].ends_command);
    // CRLF continuations
    let r = docker("docker run \\\r\n --cap-add NET_ADMIN \\\r\n alpine");
    assert_eq!(r.image, "alpine");
    // the command ends at ; | & and newline
    let r = docker("docker run alpine echo hi; docker run other");
    assert_eq!(r.command, ["echo", "hi"]);
}

#[test]
fn bad_input_says_where() {
    let e = split_words("docker run 'oops").unwrap_err();
    assert_eq!(e.kind, CmdlineErrorKind::UnterminatedQuote { quote: '\'' });
    assert_eq!((e.line, e.column), (Some(1), Some(12)));
    let e = parse_command("docker run --cap-add", SourceKind::DockerRun).unwrap_err();
    assert_eq!(
        e.kind,
        CmdlineErrorKind::MissingValue {
            flag: "--cap-add".into()
        }
    );
    assert_eq!(e.arg, Some(3));
    let e = parse_command("docker run --frobnicate x nginx", SourceKind::DockerRun).unwrap_err();
    assert_eq!(
        e.kind,
        CmdlineErrorKind::UnknownOption {
            flag: "--frobnicate".into()
        }
    );
    assert_eq!((e.arg, e.column), (Some(3), Some(12)));
    let e = parse_command("docker run -Z x", SourceKind::DockerRun).unwrap_err();
    assert_eq!(
        e.kind,
        CmdlineErrorKind::UnknownOption { flag: "-Z".into() }
    );
    let e = parse_command("docker run --rm\nnginx", SourceKind::DockerRun).unwrap_err();
    assert_eq!(e.kind, CmdlineErrorKind::NoImage);
    assert_eq!(e.line, Some(1));
    let e = parse_command("docker ps -a", SourceKind::DockerRun).unwrap_err();
    assert_eq!(
        e.kind,
        CmdlineErrorKind::NotARunCommand { found: "ps".into() }
    );
    let e = parse_command("nerdctl run alpine", SourceKind::DockerRun).unwrap_err();
    assert_eq!(
        e.kind,
        CmdlineErrorKind::NotARunCommand {
            found: "nerdctl".into()
        }
    );
    assert_eq!(
        parse_command("  \n ", SourceKind::DockerRun)
            .unwrap_err()
            .kind,
        CmdlineErrorKind::Empty
    );
    let e = parse_command("docker run --privileged=maybe x", SourceKind::DockerRun).unwrap_err();
    assert_eq!(
        e.kind,
        CmdlineErrorKind::BadBool {
            flag: "--privileged".into(),
            value: "maybe".into()
        }
    );
    let e = parse_command("docker run --sysctl foo x", SourceKind::DockerRun).unwrap_err();
    assert_eq!(
        e.kind,
        CmdlineErrorKind::BadSysctl {
            value: "foo".into()
        }
    );
    let e = parse_command(
        "docker run --security-opt no-new-privileges=yes x",
        SourceKind::DockerRun,
    )
    .unwrap_err();
    assert!(matches!(e.kind, CmdlineErrorKind::BadBool { .. }));
    assert_eq!((e.arg, e.line, e.column), (Some(4), Some(1), Some(27)));
}

#[test]
fn huge_input_is_refused_quickly() {
    let big = "a ".repeat(MAX_TEXT);
    assert!(matches!(
        split_words(&big).unwrap_err().kind,
        CmdlineErrorKind::TooLong { .. }
    ));
    let many = "a ".repeat(MAX_WORDS + 5);
    assert!(matches!(
        split_words(&many).unwrap_err().kind,
        CmdlineErrorKind::TooManyWords { .. }
    ));
}

//! 简体中文.

// The help screens keep every synopsis, option and metavariable as typed;
// only descriptions are Chinese. Descriptions come after an all-ASCII
// option column, so the column stays aligned; continuation lines are
// indented to the description's display column (tested below).

/// The description of `--lang`, the same in every help screen.
macro_rules! lang_description {
    () => {
        "输出语言（默认取自区域设置 LC_ALL、LC_MESSAGES、LANG；zh_* 为中文）"
    };
}

pub fn usage() -> &'static str {
    concat!(
        "\
用法：
  caplens <command> [options]

命令：
  decode MASK...            列出掩码里的权能（类似 capsh --decode）
  exec                      模拟 execve（从标准输入读 JSON 行，或用参数描述）
  k8s FILE... | -           分析 Kubernetes / compose 清单
  docker -- ARGS...         分析 docker/podman run 命令行
  workshop [--base URL]     列出工作坊的各个步骤及其链接
  help                      显示本帮助

通用参数：
  --lang en|zh-cn           ",
        lang_description!(),
        "

运行 `caplens <command> --help` 查看某个命令的参数。"
    )
}

pub fn decode_help() -> &'static str {
    concat!(
        "\
用法：
  caplens decode [--json] [--explain] MASK...
  caplens decode [--json] [--explain] -        （从标准输入读取粘贴的文本）
  caplens decode [--json] --names LIST         （名称 -> 掩码）

MASK 是 1 到 16 位十六进制数字（可带 0x），也可以是 caplens 能识别的任意文本：
`CapEff: ...` 行、完整的 /proc/PID/status、capsh --print 或 getpcaps 的输出。
单独给出的掩码各输出一行，格式与 `capsh --decode` 完全相同：
  0x00000000a80425fb=cap_chown,cap_dac_override,...
从状态文本读到的集合输出为 `CapEff<TAB>0x...=...`。

  --json            结构化输出：各个集合、名称、编号、未知位、预设
  --explain         同时输出匹配的预设、内核版本范围和说明
  --describe        同时为每个权能输出一行：编号、名称、危险程度、简介
  --names LIST      任意写法的权能（net_raw、CAP_NET_RAW、13、ALL），
                    用逗号或空格分隔；输出它们组成的掩码
  --lang en|zh-cn   ",
        lang_description!(),
        "

错误输出到 stderr，并注明位置；此时退出状态为 2。"
    )
}

pub fn exec_help() -> &'static str {
    concat!(
        "\
用法：
  caplens exec [--json]                 从标准输入读 JSON 行，每行输出一个应答
  caplens exec [OPTIONS]                输出一次 exec 的可读报告

JSON 输入（每行一个）：
  {\"before\": {\"uid\": 1000, \"euid\": 1000, \"inheritable\": HEX, \"permitted\": HEX,
    \"effective\": HEX, \"bounding\": HEX, \"ambient\": HEX, \"securebits\": INT,
    \"no_new_privs\": BOOL},
   \"file\": {\"setuid_root\": BOOL, \"caps\": null | {\"permitted\": HEX,
    \"inheritable\": HEX, \"effective\": BOOL}}, \"rule\": \"current\" | \"pre2025\"}
  其他顶层键（如 \"id\"）原样返回。输出：{\"after\": {...}, \"trace\": [...]}
  或 {\"after\": {\"error\": \"EPERM\"}}；有误的行会得到 {\"error\": \"...\"}。

OPTIONS（exec 之前的进程；SET 为十六进制掩码，或 cap_net_raw,chown 这样的权能名）：
  --uid N, --euid N, --suid N     实际、有效、保存的 UID（euid 默认同 uid，suid 默认同 euid）
  --inheritable SET, --permitted SET, --effective SET, --bounding SET, --ambient SET
                                  默认：边界集为全部 41 个权能；root 的许可集和有效集
                                  等于边界集，非 root 为空。环境集（ambient）另外并入
                                  可继承集、许可集和有效集的默认值。
  --securebits N|NAMES            例如 0x10 或 noroot,keep_caps,no_setuid_fixup,no_cap_ambient_raise
  --nnp                           已设置 no_new_privs
  --setresuid R,E,S               先执行 setresuid(R, E, S)（su、setpriv 和运行时都这样做）
可执行文件：
  --file TEXT                     setcap 文本（cap_net_raw+ep）或一行 getcap 输出
  --setuid-root                   文件是 set-user-ID root 程序
  --nosuid                        文件位于以 nosuid 挂载的文件系统上
  --rule pre2025                  使用 2025 年以前内核的 set-id 规则
  --example NAME                  使用现成的示例（--example list 列出全部示例）
通用参数：
  --lang en|zh-cn                 ",
        lang_description!()
    )
}

pub fn k8s_usage() -> &'static str {
    concat!(
        "\
用法：
  caplens k8s [options] FILE... | -

读取 Kubernetes 清单（Pod、Deployment、StatefulSet、DaemonSet、ReplicaSet、
ReplicationController、Job、CronJob、PodTemplate、List；一个文件可含多个文档）
或 docker compose 文件（按文件自动识别）；`-` 表示读取标准输入。

参数：
  --runtime containerd|crio      Kubernetes 容器的运行时（默认：containerd）；
                                 compose 服务按 Docker 分析
  --image-user root|nonroot      未设置 runAsUser 时镜像的 USER（默认：两种都显示）
  --kernel X.Y                   宿主机内核版本（比它新的权能视为不存在）
  --json                         输出 {\"containers\": [ ... ]}
  --fail-on info|warning|error   有检查结果达到这个严重程度时，以状态 1 退出
  --lang en|zh-cn                ",
        lang_description!()
    )
}

pub fn docker_usage() -> &'static str {
    concat!(
        "\
用法：
  caplens docker [options] -- [docker|podman] run [RUN OPTIONS] IMAGE [COMMAND...]
  caplens docker [options] -          （从标准输入读取粘贴的命令）

参数：
  --runtime docker|podman     要模拟的引擎（默认：docker；`caplens podman` 即选 podman）
  --docker-era le-20.10.13|20.10.14-24|ge-25   Docker 版本系列（默认 ge-25）
  --podman-era le-4.3|4.4|ge-4.5               Podman 版本系列（默认 ge-4.5）
  --kernel X.Y                宿主机内核版本（比它新的权能视为不存在）
  --image-user root|nonroot   未给出 --user 时镜像的 USER（默认：两种都显示）
  --file-caps TEXT            入口程序（entrypoint）的文件权能（setcap 文本，如 cap_net_bind_service+ep）
  --json                      输出 {\"containers\": [ ... ]}
  --fail-on info|warning|error   有检查结果达到这个严重程度时，以状态 1 退出
  --lang en|zh-cn             ",
        lang_description!()
    )
}

pub fn unknown_command(name: &str) -> String {
    format!("caplens：未知命令 `{name}`\n\n{}", usage())
}

pub fn exec_see_help() -> &'static str {
    "运行 `caplens exec --help` 查看参数。"
}

pub fn unknown_example(command: &str, slug: &str) -> String {
    format!(
        "caplens {command}：没有名为 {slug:?} 的示例（`caplens exec --example list` 列出全部示例）"
    )
}

// Problems with a command's arguments and the inputs they name, each
// starting with the command that reports it (`caplens k8s：...`), then
// the place, each followed by a full-width colon as the glossary writes
// positions. Values are quoted with `{:?}` where blanks and control
// characters in them must stay visible.

pub fn missing_value(command: &str, option: &str) -> String {
    format!("caplens {command}：{option} 需要一个值")
}

pub fn bad_value(command: &str, option: &str, value: &str) -> String {
    format!("caplens {command}：`{value}` 不是 {option} 的有效值")
}

pub fn rejected(command: &str, subject: &str, why: &str) -> String {
    format!("caplens {command}：{subject}：{why}")
}

pub fn unknown_option(command: &str, option: &str) -> String {
    format!("caplens {command}：未知参数 {option:?}")
}

pub fn unknown_option_as_typed(command: &str, option: &str) -> String {
    format!("caplens {command}：未知参数 {option}")
}

pub fn bad_uid(command: &str, option: &str, value: &str) -> String {
    format!("caplens {command}：{option}：应为 uid（0 到 4294967295），收到的是 {value:?}")
}

pub fn undefined_securebits(command: &str, n: u32) -> String {
    format!("caplens {command}：--securebits：{n} 含有内核未定义的位")
}

pub fn unknown_securebit(command: &str, name: &str) -> String {
    format!("caplens {command}：--securebits：未知的 securebits 标志 {name:?}")
}

pub fn bad_setresuid(command: &str, value: &str) -> String {
    format!("caplens {command}：--setresuid：应为 R,E,S（三个 uid），收到的是 {value:?}")
}

pub fn bad_rule(command: &str, value: &str) -> String {
    format!("caplens {command}：--rule：应为 current 或 pre2025，收到的是 {value:?}")
}

pub fn no_files(command: &str) -> String {
    format!("caplens {command}：没有给出文件（用 - 读取标准输入）")
}

pub fn no_command(command: &str) -> String {
    format!("caplens {command}：没有给出命令")
}

pub fn nothing_to_decode(command: &str) -> String {
    format!("caplens {command}：没有可解码的内容")
}

pub fn cannot_read_stdin(command: &str, error: &str) -> String {
    format!("caplens {command}：无法读取标准输入：{error}")
}

pub fn stdin_error(command: &str, error: &str) -> String {
    format!("caplens {command}：读取标准输入时出错：{error}")
}

pub fn cannot_read(command: &str, file: &str, error: &str) -> String {
    format!("caplens {command}：无法读取 {file}：{error}")
}

pub fn in_file(file: &str, why: &str) -> String {
    format!("{file}：{why}")
}

pub fn failed(command: &str, why: &str) -> String {
    format!("caplens {command}：{why}")
}

pub fn setresuid_heading(r: u32, e: u32, s: u32) -> String {
    format!("setresuid({r}, {e}, {s})：\n")
}

pub fn stdin_file() -> &'static str {
    "（标准输入）"
}

pub fn stdin_label() -> &'static str {
    "标准输入"
}

pub fn argument_label(n: usize) -> String {
    format!("第 {n} 个参数")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::en;
    use crate::style::{english_run, spacing_error};
    use std::collections::BTreeSet;

    /// Columns a terminal gives the text: two for a wide (CJK, full-width)
    /// character, one for the rest.
    fn width(s: &str) -> usize {
        s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
    }

    fn helps() -> [(&'static str, &'static str); 5] {
        [
            (en::usage(), usage()),
            (en::decode_help(), decode_help()),
            (en::exec_help(), exec_help()),
            (en::k8s_usage(), k8s_usage()),
            (en::docker_usage(), docker_usage()),
        ]
    }

    /// Every `--option` a help text names, in options or descriptions.
    fn options(help: &str) -> BTreeSet<&str> {
        help.split(|c: char| c.is_whitespace() || "[](),|（）".contains(c))
            .filter(|w| w.starts_with("--"))
            .collect()
    }

    /// The command lines a help text shows (`caplens decode [--json] ...`),
    /// without the description after them.
    fn synopses(help: &str) -> Vec<&str> {
        help.lines()
            .map(|l| l.trim_start_matches("usage:").trim_start())
            .filter(|l| l.starts_with("caplens ") && !l.contains('`'))
            .map(|l| l.split("  ").next().unwrap_or(l).trim_end())
            .collect()
    }

    #[test]
    fn help_screens_keep_every_option_and_synopsis_and_add_lang() {
        for (english, chinese) in helps() {
            let mut expected = options(english);
            expected.insert("--lang");
            assert_eq!(options(chinese), expected, "{chinese}");
            assert_eq!(synopses(chinese), synopses(english), "{chinese}");
            assert!(chinese.contains("\n  --lang en|zh-cn  "), "{chinese}");
        }
    }

    /// A line that only continues a description starts where the
    /// description above it starts, counted in terminal columns.
    #[test]
    fn continued_descriptions_line_up_by_display_width() {
        for (_, help) in helps() {
            let mut column = None;
            for line in help.lines() {
                let indent = line.len() - line.trim_start().len();
                if indent > 2 && !line.trim_start().starts_with(['-', '{', '"']) {
                    assert_eq!(Some(indent), column, "{line:?} in\n{help}");
                    continue;
                }
                let body = line.trim_start();
                if let (true, Some((option, _))) = (indent == 2, body.split_once("  ")) {
                    let gap = body[option.len()..].len() - body[option.len()..].trim_start().len();
                    column = Some(indent + width(option) + gap);
                }
            }
        }
    }

    #[test]
    fn problems_put_the_command_and_the_place_first() {
        assert_eq!(
            missing_value("k8s", "--kernel"),
            "caplens k8s：--kernel 需要一个值"
        );
        assert_eq!(
            rejected("decode", &argument_label(2), "第 1 行第 5 列：……"),
            "caplens decode：第 2 个参数：第 1 行第 5 列：……"
        );
        assert_eq!(
            unknown_option("exec", "--a b"),
            "caplens exec：未知参数 \"--a b\""
        );
        assert_eq!(
            setresuid_heading(0, 1000, 1000),
            "setresuid(0, 1000, 1000)：\n"
        );
    }

    #[test]
    fn problems_with_values_filled_in_read_as_chinese() {
        let messages = [
            bad_value("docker", "--runtime", "lxc"),
            bad_uid("exec", "--uid", "x"),
            undefined_securebits("exec", 65536),
            unknown_securebit("exec", "foo"),
            bad_setresuid("exec", "1,2"),
            bad_rule("exec", "x"),
            unknown_example("exec", "nope"),
            no_files("k8s"),
            no_command("docker"),
            nothing_to_decode("decode"),
            cannot_read_stdin("decode", "EIO"),
            stdin_error("exec", "EIO"),
            cannot_read("k8s", "pod.yaml", "ENOENT"),
            in_file(stdin_file(), "第 3 行第 9 列：……"),
            exec_see_help().to_string(),
        ];
        for m in messages {
            assert_eq!(english_run(&m), None, "{m}");
            assert_eq!(spacing_error(&m), None, "{m}");
        }
    }
}

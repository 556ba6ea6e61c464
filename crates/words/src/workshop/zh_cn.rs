//! 简体中文.

use caplens_core::workshop::{Answer, Block};

pub fn workshop_source() -> &'static str {
    include_str!("../../text/zh-cn/workshop.txt")
}

pub fn workshop_name() -> &'static str {
    "工作坊"
}

pub fn workshop_hint() -> &'static str {
    "先预测，再揭晓"
}

pub fn workshop_title() -> &'static str {
    "工作坊：容器里的权能"
}

pub fn block_name(block: Block) -> &'static str {
    match block {
        Block::Article => "逐步读文章",
        Block::Beginners => "场景：入门",
        Block::Execve => "场景：深入 execve",
        Block::Policy => "场景：策略与审计",
    }
}

pub fn step_of(n: usize, total: usize) -> String {
    format!("第 {n} 步，共 {total} 步")
}

pub fn reveal() -> &'static str {
    "揭晓答案"
}

pub fn next() -> &'static str {
    "下一步"
}

pub fn previous() -> &'static str {
    "上一步"
}

pub fn presenter() -> &'static str {
    "演示者模式"
}

pub fn leave_presenter() -> &'static str {
    "退出演示者模式"
}

pub fn keys_hint() -> &'static str {
    "→ 或 PageDown：揭晓答案，再到下一步。← 或 PageUp：后退。"
}

pub fn open_in(view: &str) -> String {
    format!("在“{view}”视图中打开")
}

pub fn open_side_in(view: &str, side: &str) -> String {
    format!("在“{view}”视图中打开：{side}")
}

pub fn your_choice() -> &'static str {
    "你的选择"
}

pub fn right() -> &'static str {
    "答对了。"
}

pub fn wrong() -> &'static str {
    "不是这个。"
}

pub fn computed() -> &'static str {
    "根据这份输入当场计算"
}

pub fn lesson() -> &'static str {
    "要点"
}

pub fn misconception() -> &'static str {
    "常见误解"
}

pub fn today() -> &'static str {
    "现在的情况"
}

pub fn command() -> &'static str {
    "命令"
}

pub fn output() -> &'static str {
    "输出"
}

pub fn compare() -> &'static str {
    "并排对比"
}

pub fn differs() -> &'static str {
    "只在这一侧"
}

pub fn answer(answer: &Answer) -> String {
    match *answer {
        Answer::Mask(set) => set.hex16(),
        Answer::Names(set) => super::en::names(set),
        Answer::Count(n) => format!("{n} 个权能"),
        Answer::Starts(true) => "execve 成功".to_string(),
        Answer::Starts(false) => "execve 失败：EPERM".to_string(),
        Answer::Euid(n) => format!("euid {n}"),
        Answer::Passes(true) => "通过 baseline".to_string(),
        Answer::Passes(false) => "不通过 baseline".to_string(),
    }
}

pub fn workshop_loading() -> &'static str {
    "正在加载工作坊……"
}

pub fn workshop_unavailable(why: &str) -> String {
    format!("无法加载工作坊的文字（{why}）。请重新加载页面再试。")
}

pub fn workshop_missing(id: &str, key: &str) -> String {
    format!("页面文件中缺少第 {id} 步的 `{key}` 文字。")
}

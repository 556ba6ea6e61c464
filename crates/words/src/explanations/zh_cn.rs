//! 简体中文.

pub fn explanations_source() -> &'static str {
    include_str!("../../text/zh-cn/explanations.txt")
}

pub fn missing(name: &str) -> String {
    format!("页面的文件里缺少 {name} 的说明。请重新加载页面再试。")
}

pub fn unavailable(why: &str) -> String {
    format!("无法加载说明（{why}）。请重新加载页面再试。")
}

pub fn http_status(code: u16) -> String {
    format!("服务器返回了 {code}")
}

pub fn network(message: &str) -> String {
    if message.is_empty() {
        "请求失败".to_string()
    } else {
        format!("请求失败：{message}")
    }
}

pub fn loading() -> &'static str {
    "正在加载说明……"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reason_sits_inside_the_sentence() {
        assert_eq!(
            unavailable(&http_status(404)),
            "无法加载说明（服务器返回了 404）。请重新加载页面再试。"
        );
        assert_eq!(
            missing("CAP_CHOWN"),
            "页面的文件里缺少 CAP_CHOWN 的说明。请重新加载页面再试。"
        );
        assert_eq!(network(""), "请求失败");
    }
}

//! 简体中文.
//! UNTRANSLATED: still the English text; being translated.

pub fn explanations_source() -> &'static str {
    include_str!("../../text/zh-cn/explanations.txt")
}

pub fn missing(name: &str) -> String {
    format!(
        "The explanation of {name} is missing from the page's files. Reload the page to try again."
    )
}

pub fn unavailable(why: &str) -> String {
    format!("The explanation could not be loaded ({why}). Reload the page to try again.")
}

pub fn http_status(code: u16) -> String {
    format!("the server answered {code}")
}

pub fn network(message: &str) -> String {
    if message.is_empty() {
        "the request failed".to_string()
    } else {
        format!("the request failed: {message}")
    }
}

pub fn loading() -> &'static str {
    "Loading the explanation…"
}

//! `caplens workshop`: the workshop's steps, each with its title and the
//! link that opens it on the page (relative, or under `--base URL`): the
//! workshop's own folder in the language of the listing (`workshop/`,
//! `zh-cn/workshop/`; the page's src/site.rs says why it is a folder).
//! The steps are `caplens_core::workshop`'s; titles come from the
//! workshop text compiled into `caplens_words`.

use crate::options::next_option;
use caplens_cli::language::{current, words};
use caplens_core::workshop::{steps, Block};
use caplens_words::workshop::{Texts, FOLDER};
use caplens_words::Lang;
use std::process::ExitCode;

pub fn run(args: &[String]) -> ExitCode {
    let mut base = String::new();
    let mut i = 0;
    while i < args.len() {
        match next_option(args, &mut i, &["--base"]) {
            Ok(("--base", Some(v))) => base = v,
            Ok(("--help" | "-h", _)) => {
                println!("{}", words().usage());
                return ExitCode::SUCCESS;
            }
            Ok((other, _)) => return usage_problem(words().unknown_option("workshop", other)),
            Err(name) => return usage_problem(words().missing_value("workshop", name)),
        }
        i += 1;
    }
    print!("{}", listing(&base, current()));
    ExitCode::SUCCESS
}

fn usage_problem(message: String) -> ExitCode {
    eprintln!("{message}\n\n{}", words().usage());
    ExitCode::from(2)
}

/// One line per step under its block's name: id, link, title. The id and
/// the link are ASCII, so padding them keeps the columns in any language.
fn listing(base: &str, lang: Lang) -> String {
    let words = lang.words();
    let texts = Texts::new(words.workshop_source().to_string());
    let folder = lang.folder();
    let link = |id: &str| format!("{base}{folder}{FOLDER}#v=workshop&s={id}");
    let all = steps();
    let width = all.iter().map(|s| link(s.id).len()).max().unwrap_or(0);
    let mut out = String::new();
    let mut block: Option<Block> = None;
    for s in all {
        if block != Some(s.block) {
            if block.is_some() {
                out.push('\n');
            }
            out.push_str(words.block_name(s.block));
            out.push('\n');
            block = Some(s.block);
        }
        let title = texts.get(s.id, "title").unwrap_or_default();
        out.push_str(&format!("  {:<4}{:<width$}  {title}\n", s.id, link(s.id)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_with_its_link_and_title() {
        let text = listing("https://example.org/caplens/", Lang::En);
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("  ")).collect();
        assert_eq!(lines.len(), steps().len());
        assert!(lines[0].contains("https://example.org/caplens/workshop/#v=workshop&s=a1"));
        assert!(
            lines[12].starts_with("  5   https://example.org/caplens/workshop/#v=workshop&s=5 ")
        );
        assert!(lines.iter().all(|l| l.trim_end().len() > 50), "{text}");
        assert!(listing("", Lang::En).contains("\n  a1  workshop/#v=workshop&s=a1  "));
        // The Chinese listing links the Chinese workshop.
        let zh = listing("", Lang::ZhCn);
        assert!(
            zh.contains("\n  a1  zh-cn/workshop/#v=workshop&s=a1  "),
            "{zh}"
        );
    }
}

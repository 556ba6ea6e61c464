//! Reading the options every subcommand shares: how an option and its value
//! are spelled, and the values that mean the same everywhere.

use crate::problem::CliProblem;
use caplens_core::analysis::{ImageUser, Severity};
use caplens_core::catalog::KernelVersion;

/// Reads the option at `args[*i]`: its name and, when the name is one of
/// `with_value`, its value, written as `--name=value` or as the next
/// argument (then `*i` moves past it). `Err(name)`: the value is missing.
/// Shared by the subcommands so every one spells options the same way.
pub fn next_option<'a>(
    args: &'a [String],
    i: &mut usize,
    with_value: &[&str],
) -> Result<(&'a str, Option<String>), &'a str> {
    let arg = args[*i].as_str();
    let (name, inline) = match arg.split_once('=') {
        Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
        _ => (arg, None),
    };
    if !with_value.contains(&name) {
        return Ok((name, None));
    }
    match inline {
        Some(v) => Ok((name, Some(v))),
        None => {
            *i += 1;
            args.get(*i).map(|v| (name, Some(v.clone()))).ok_or(name)
        }
    }
}

/// `--image-user`'s value.
pub fn image_user(option: &str, value: &str) -> Result<ImageUser, CliProblem> {
    match value {
        "root" => Ok(ImageUser::Root),
        "nonroot" | "non-root" => Ok(ImageUser::NonRoot),
        "unknown" => Ok(ImageUser::Unknown),
        _ => Err(bad_value(option, value)),
    }
}

/// `--kernel`'s value, `X.Y`.
pub fn kernel(option: &str, value: &str) -> Result<KernelVersion, CliProblem> {
    value
        .parse::<KernelVersion>()
        .map_err(|_| bad_value(option, value))
}

/// `--fail-on`'s value, a severity.
pub fn fail_on(option: &str, value: &str) -> Result<Severity, CliProblem> {
    Severity::parse(value).ok_or_else(|| bad_value(option, value))
}

/// `value` is not one of `option`'s choices.
pub fn bad_value(option: &str, value: &str) -> CliProblem {
    CliProblem::BadValue {
        option: option.to_string(),
        value: value.to_string(),
    }
}

/// `option` came last, without the value it needs.
pub fn missing_value(option: &str) -> CliProblem {
    CliProblem::MissingValue {
        option: option.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::next_option;

    fn args(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_with_and_without_values() {
        let a = args(&["--json", "--kernel=5.8", "--runtime", "crio", "--fail-on"]);
        let with = ["--kernel", "--runtime", "--fail-on"];
        let mut i = 0;
        assert_eq!(next_option(&a, &mut i, &with), Ok(("--json", None)));
        i += 1;
        assert_eq!(
            next_option(&a, &mut i, &with),
            Ok(("--kernel", Some("5.8".into())))
        );
        i += 1;
        assert_eq!(
            next_option(&a, &mut i, &with),
            Ok(("--runtime", Some("crio".into())))
        );
        assert_eq!(i, 3);
        i += 1;
        assert_eq!(next_option(&a, &mut i, &with), Err("--fail-on"));
    }
}
